package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-16 Java classes of failures that vanish, each beside the look-alike its rule must leave alone (ERR-01).
 * <ul>
 * <li>A catch of a failure of the work (I/O, database) whose only handling is a print to stderr and a fallback
 * value: the item's own Bad example ("goes to stderr; caller thinks it worked") with a default after it. "Handle means
 * a decision ... not printStackTrace()". Clean: a parse failure that says why and keeps a default (a failure of the
 * input, the fallback the item allows).</li>
 * <li>The same catch with no word at all, answering with a value the method also returns on success
 * ({@code OptionalInt.empty()} for "no row"): absorbed unseen, where the item asks that an absorbed error be logged
 * and counted. Clean: a comment that says why, or a value the success path never gives.</li>
 * <li>Precision (set 12, DG and C): an empty catch around {@code Class.forName} of a class literal's name (it cannot
 * fail), and a stream reset in a {@code finally} (a hand-back on the way out). A driver named by a string, and a
 * reset before the next read, stay reported.</li>
 * </ul>
 * The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class Round16JavaErrorClassesTest {


    private static List<String> item(String path, String code, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(path, code), item);
    }

    private static final String PROFILES = "src/main/java/com/example/profiles/ProfileFiles.java";

    /** A profile store: HANDLER is the catch of the read's failure. */
    private static final String READER = """
            package com.example.profiles;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            final class ProfileFiles {
                Profile read(Path file) {
                    try {
                        return Profile.parse(Files.readString(file));
                    } HANDLER
                }
            }
            """;

    @Test
    void an_io_failure_printed_and_answered_with_a_default_is_found() {
        String code = READER.replace("HANDLER", """
                catch (IOException e) {
                            e.printStackTrace();
                            return Profile.blank();
                        }""");
        assertEquals(List.of("11:java-swallowed-catch"), item(PROFILES, code, "ERR-01"));
    }

    @Test
    void an_io_failure_printed_and_answered_with_false_is_found() {
        String code = READER.replace("Profile read", "boolean read").replace("return Profile.parse(Files.readString(file));",
                "return Files.readString(file).isBlank();").replace("HANDLER", """
                catch (IOException e) {
                            System.err.println("cannot read " + file);
                            return false;
                        }""");
        assertEquals(List.of("11:java-swallowed-catch"), item(PROFILES, code, "ERR-01"));
    }

    @Test
    void a_parse_failure_that_says_why_and_keeps_a_default_is_clean() {
        String code = READER.replace("import java.io.IOException;", "").replace("Profile read(Path file)",
                "int read(String text)").replace("return Profile.parse(Files.readString(file));",
                "return Integer.parseInt(text.strip());").replace("HANDLER", """
                catch (NumberFormatException e) {
                            System.err.println("not a number, using 10: " + text);
                            return 10;
                        }""");
        assertEquals(List.of(), item(PROFILES, code, "ERR-01"));
    }

    private static final String PROGRESS = "src/main/java/com/example/jobs/JobProgress.java";

    /** A progress query: HANDLER is the catch of its failure. */
    private static final String QUERY = """
            package com.example.jobs;

            import java.sql.*;
            import java.util.OptionalInt;
            import javax.sql.DataSource;

            final class JobProgress {
                private final DataSource db;

                JobProgress(DataSource db) {
                    this.db = db;
                }

                OptionalInt percent(long job) {
                    try (Connection c = db.getConnection();
                         PreparedStatement ps = c.prepareStatement("SELECT pct FROM job WHERE id = ?")) {
                        ps.setQueryTimeout(5);
                        ps.setLong(1, job);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
                        }
                    } HANDLER
                }
            }
            """;

    @Test
    void a_database_failure_answered_silently_with_the_empty_result_is_found() {
        String code = QUERY.replace("HANDLER", """
                catch (SQLException e) {
                            return OptionalInt.empty();
                        }""");
        assertEquals(List.of("22:java-failure-silently-returned"), item(PROGRESS, code, "ERR-01"));
    }

    @Test
    void the_same_catch_with_its_reason_written_down_is_clean() {
        String code = QUERY.replace("HANDLER", """
                catch (SQLException e) {
                            // the progress bar is decoration: the job table may be locked by the import itself
                            return OptionalInt.empty();
                        }""");
        assertEquals(List.of(), item(PROGRESS, code, "ERR-01"));
    }

    @Test
    void a_failure_answer_the_success_path_never_gives_is_clean() {
        String code = QUERY.replace(" : OptionalInt.empty()", " : OptionalInt.of(0)").replace("HANDLER", """
                catch (SQLException e) {
                            return OptionalInt.empty();
                        }""");
        assertEquals(List.of(), item(PROGRESS, code, "ERR-01"));
    }

    private static final String LOADER = "src/main/java/com/example/boot/EarlyClasses.java";

    @Test
    void a_preload_of_a_class_literal_cannot_fail_and_is_clean() {
        String code = """
                package com.example.boot;

                final class EarlyClasses {
                    static {
                        try {
                            Class.forName(ShutdownReaper.class.getName());
                        } catch (ClassNotFoundException e) {
                        }
                    }
                }
                """;
        assertEquals(List.of(), item(LOADER, code, "ERR-01"));
    }

    @Test
    void a_driver_loaded_by_name_with_an_empty_catch_is_found() {
        String code = """
                package com.example.boot;

                final class EarlyClasses {
                    static {
                        try {
                            Class.forName("org.postgresql.Driver");
                        } catch (ClassNotFoundException e) {
                        }
                    }
                }
                """;
        assertEquals(List.of("7:java-swallowed-catch"), item(LOADER, code, "ERR-01"));
    }

    private static final String ENCODER = "src/main/java/com/example/wire/BlobEncoder.java";

    /** A blob encoder that reads the caller's marked stream; TAIL follows the read. */
    private static final String BLOB = """
            package com.example.wire;

            import java.io.IOException;
            import java.io.InputStream;

            final class BlobEncoder {
                byte[] encode(InputStream in) throws IOException {
                    TAIL
                }
            }
            """;

    @Test
    void a_stream_reset_in_a_finally_with_an_empty_catch_is_clean() {
        String code = BLOB.replace("TAIL", """
                try {
                            return in.readAllBytes();
                        } finally {
                            try {
                                in.reset();
                            } catch (IOException e) {
                            }
                        }""");
        assertEquals(List.of(), item(ENCODER, code, "ERR-01"));
    }

    @Test
    void a_reset_before_the_next_read_with_an_empty_catch_is_found() {
        String code = BLOB.replace("TAIL", """
                byte[] head = in.readNBytes(4);
                        try {
                            in.reset();
                        } catch (IOException e) {
                        }
                        return in.readAllBytes();""");
        assertEquals(List.of("11:java-swallowed-catch"), item(ENCODER, code, "ERR-01"));
    }
}
