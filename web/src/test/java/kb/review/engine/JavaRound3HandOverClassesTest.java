package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes described after the third held-out round where ownership is handed over: what a helper opens and
 * returns is its caller's to close (a helper returning a field or a parameter hands over nothing owned, a static
 * helper of another class in the change hands over its connection), and a constructor that stores a resource and then
 * throws leaks it unless it closes it on failure. Each defect sits next to the clean look-alike the same rule must
 * stay silent on. Split from {@link JavaRound3ClassesTest}; the code is written for these tests, in the shapes real
 * fixes show.
 */
class JavaRound3HandOverClassesTest {

    private static final String ARCHIVE = """
            package a;

            class Archive {
                private final Path root;

                private InputStream open(String name) throws IOException {
                    return Files.newInputStream(root.resolve(name));
                }

                private Connection connect(DataSource dataSource) throws SQLException {
                    Connection c = dataSource.getConnection();
                    if (c == null) {
                        throw new SQLException("no connection");
                    }
                    return c;
                }

                byte[] read(String name, DataSource dataSource) throws Exception {
                    %s
                }
            }
            """;

    @Test
    void what_a_helper_opens_and_returns_is_the_callers_to_close() {
        assertEquals(List.of("19:RES-01"), items("src/main/java/a/Archive.java", ARCHIVE.formatted("""
                InputStream in = open(name);
                        return in.readAllBytes();""")));
        assertEquals(List.of("19:RES-01"), items("src/main/java/a/Archive.java", ARCHIVE.formatted("""
                InputStream in = this.open(name);
                        if (in.available() == 0) { return null; }
                        try { return in.readAllBytes(); } finally { in.close(); }""")));
        assertEquals(List.of("19:RES-01"), items("src/main/java/a/Archive.java", ARCHIVE.formatted("""
                Connection c = connect(dataSource);
                        return c.getSchema().getBytes();""")));
    }

    @Test
    void what_a_helper_returns_and_the_caller_closes_or_hands_on_is_not_leaked() {
        assertEquals(List.of(), items("src/main/java/a/Archive.java", ARCHIVE.formatted("""
                try (InputStream in = open(name)) {
                            return in.readAllBytes();
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/Archive.java", ARCHIVE.formatted("""
                try (Connection c = connect(dataSource)) {
                            return c.getSchema().getBytes();
                        }""")));
    }

    private static final String GETTER = """
            package a;

            class Pool {
                private final Connection connection;
                private final DataSource dataSource;

                Connection connection() {
                    return connection;
                }

                Connection borrow(Connection given) {
                    return given;
                }

                String schema(Connection other) throws SQLException {
                    Connection c = %s;
                    return c.getSchema();
                }
            }
            """;

    @Test
    void a_helper_that_returns_a_field_or_a_parameter_hands_over_nothing_owned() {
        assertEquals(List.of(), items("src/main/java/a/Pool.java", GETTER.formatted("connection()")));
        assertEquals(List.of(), items("src/main/java/a/Pool.java", GETTER.formatted("borrow(other)")));
        assertEquals(List.of("16:RES-01"), items("src/main/java/a/Pool.java",
                GETTER.formatted("dataSource.getConnection()")));
    }

    private static final String DB = """
            package a;

            final class Db {
                static Connection open(String url) throws SQLException {
                    return DriverManager.getConnection(url);
                }

                static String name(String url) {
                    return url.substring(url.lastIndexOf('/') + 1);
                }
            }
            """;

    private static final String MIGRATE = """
            package a;

            class Migrate {
                void run(String url) throws SQLException {
                    %s
                }
            }
            """;

    static List<String> changeItems(String diff) {
        return TestRules.reviewDiff(diff).active().stream()
                .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1) + ":" + f.line() + ":" + f.item())
                .sorted().toList();
    }

    @Test
    void a_static_helper_of_another_class_in_the_change_hands_its_caller_the_connection() {
        String db = LifecycleRulesTest.newFile("src/main/java/a/Db.java", DB);
        assertEquals(List.of("Migrate.java:5:RES-01"), changeItems(db + LifecycleRulesTest.newFile(
                "src/main/java/a/Migrate.java", MIGRATE.formatted("""
                        Connection c = Db.open(url);
                                c.setReadOnly(false);
                                c.close();"""))));
        assertEquals(List.of(), changeItems(db + LifecycleRulesTest.newFile(
                "src/main/java/a/Migrate.java", MIGRATE.formatted("""
                        try (Connection c = Db.open(url)) {
                                    c.setReadOnly(false);
                                }"""))));
        assertEquals(List.of(), changeItems(db + LifecycleRulesTest.newFile(
                "src/main/java/a/Migrate.java", MIGRATE.formatted("String n = Db.name(url);"))));
    }

    private static final String LOCK = """
            package a;

            class LockFile implements Closeable {
                private final FileChannel channel;
                private final FileLock lock;

                LockFile(Path path) throws IOException {
                    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    %s
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            }
            """;

    @Test
    void a_constructor_that_stores_a_resource_and_then_throws_leaks_it() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/LockFile.java", LOCK.formatted("""
                this.lock = channel.tryLock();
                        if (lock == null) {
                            throw new IOException("locked by another process: " + path);
                        }""")));
    }

    @Test
    void a_constructor_that_closes_what_it_stored_when_a_later_step_fails_hands_it_to_the_object() {
        assertEquals(List.of(), items("src/main/java/a/LockFile.java", LOCK.formatted("""
                try {
                            this.lock = channel.tryLock();
                            if (lock == null) {
                                throw new IOException("locked by another process: " + path);
                            }
                        } catch (IOException | RuntimeException e) {
                            channel.close();
                            throw e;
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/LockFile.java", LOCK.formatted("""
                try {
                            this.lock = channel.lock();
                        } catch (IOException e) {
                            close();
                            throw e;
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/LockFile.java", LOCK.formatted("this.lock = null;")));
    }

    private static final String PIPE = """
            package a;

            class Worker {
                private final Process process;
                private final InputStream answers;
                private final String name;

                Worker(Process process) {
                    this.process = process;
                    this.answers = new BufferedInputStream(process.getInputStream(), 1 << 16);
                    this.name = "worker-" + process.pid();
                    %s
                }
            }
            """;

    @Test
    void a_constructor_storing_a_stream_of_a_process_it_was_given_leaves_the_stream_to_the_process_owner() {
        assertEquals(List.of(), items("src/main/java/a/Worker.java", PIPE.formatted("")));
        assertEquals(List.of("12:RES-01"), items("src/main/java/a/Worker.java",
                PIPE.formatted("Socket probe = new Socket(\"localhost\", 9);\n        probe.setSoTimeout(100);")));
    }
}
