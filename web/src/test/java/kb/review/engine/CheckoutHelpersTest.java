package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kb.format.ChecklistItem;
import kb.review.Reviews;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpers declared in another package of the checkout are summarised where they are called (repo and files mode):
 * a Go function found through the import path and the checkout's go.mod files, a Java method through its class.
 * A duty that stays with its value (a JDBC transaction, a thread-local) handed to a helper the review cannot see is
 * reported at low confidence, naming the helper. The Go helpers found through a declared type, go.mod or a body they
 * read are in {@link CheckoutGoHelpersTest}, which shares the checkout helpers below.
 */
class CheckoutHelpersTest {

    private static final String TX_SUPPORT = """
            package acme.tx;

            import java.sql.Connection;
            import java.sql.SQLException;

            public final class TxSupport {
                public static void commitOrRollback(Connection conn, Work work) throws SQLException {
                    try {
                        work.run();
                        conn.commit();
                    } catch (SQLException | RuntimeException e) {
                        conn.rollback();
                        throw e;
                    }
                }

                public static void audit(Connection conn, String what) throws SQLException {
                    conn.createStatement().execute("insert into audit values ('" + what + "')");
                }

                public interface Work {
                    void run() throws SQLException;
                }
            }
            """;
    private static final String ORDERS = """
            package acme.orders;

            import acme.tx.TxSupport;
            import java.sql.Connection;
            import java.sql.SQLException;

            public class Orders {
                void save(Connection c, String id) throws SQLException {
                    c.setAutoCommit(false);
                    TxSupport.%s(c, %s);
                }

                private static void insert(Connection c, String id) throws SQLException {
                    try (var s = c.prepareStatement("insert into orders values (?)")) {
                        s.setQueryTimeout(5);
                        s.setString(1, id);
                        s.executeUpdate();
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    static void write(Path root, String rel, String text) throws Exception {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), text);
    }

    static List<JsonNode> findings(Reviews.Change change, Path repo, String rule) throws Exception {
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"), change, repo, "added", List.of(), null,
                ChecklistItem.Severity.BLOCKER, Reviews.Format.JSON, "http://localhost:7070", 50));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.text()).path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                out.add(f);
            }
        }
        return out;
    }

    static String diffOf(String path, String text) {
        return "diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n--- /dev/null\n+++ b/" + path
                + "\n@@ -0,0 +1," + text.lines().count() + " @@\n"
                + text.lines().map(l -> "+" + l + "\n").collect(Collectors.joining());
    }

    @Test
    void a_transaction_ended_by_a_helper_in_another_package_is_not_reported_in_files_mode() throws Exception {
        write(dir, "src/main/java/acme/tx/TxSupport.java", TX_SUPPORT);
        String orders = ORDERS.formatted("commitOrRollback", "() -> insert(c, id)");
        write(dir, "src/main/java/acme/orders/Orders.java", orders);
        Reviews.WholeFiles change = new Reviews.WholeFiles(dir, List.of(Path.of("src/main/java/acme/orders")));
        assertEquals(List.of(), findings(change, dir, "java-transaction-not-ended"));
    }

    @Test
    void a_helper_found_in_the_checkout_that_only_uses_the_transaction_leaves_the_finding_sure() throws Exception {
        write(dir, "src/main/java/acme/tx/TxSupport.java", TX_SUPPORT);
        write(dir, "src/main/java/acme/orders/Orders.java", ORDERS.formatted("audit", "id"));
        List<JsonNode> found = findings(new Reviews.WholeFiles(dir, List.of(Path.of("src/main/java/acme/orders"))),
                dir, "java-transaction-not-ended");
        assertEquals(1, found.size(), found.toString());
        assertEquals("high", found.get(0).path("confidence").asText());
        assertEquals(9, found.get(0).path("line").asInt());
    }

    @Test
    void a_transaction_handed_to_a_helper_a_pasted_diff_cannot_see_is_low_confidence_and_names_it() throws Exception {
        String orders = ORDERS.formatted("commitOrRollback", "() -> insert(c, id)");
        Reviews.DiffText pasted = new Reviews.DiffText(diffOf("src/main/java/acme/orders/Orders.java", orders)::getBytes);
        List<JsonNode> found = findings(pasted, dir, "java-transaction-not-ended");
        assertEquals(1, found.size(), found.toString());
        assertEquals("low", found.get(0).path("confidence").asText());
        assertTrue(found.get(0).path("note").asText().contains("`TxSupport.commitOrRollback`"), found.toString());
        // the default fail level does not block on it, and a CI annotation is a notice that says why
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"), pasted, dir, "added", List.of(), null,
                ChecklistItem.Severity.BLOCKER, Reviews.Format.GITHUB, "http://localhost:7070", 50));
        assertEquals(false, r.fails(), r.text());
        assertTrue(r.text().startsWith("::notice file=") && r.text().contains("TxSupport.commitOrRollback"), r.text());
    }

    @Test
    void a_method_reference_or_a_constructor_receiving_the_transaction_is_a_hand_over_too_but_a_logger_is_not() {
        String template = """
                class Orders {
                    void save(Connection c, Order o) throws SQLException {
                        c.setAutoCommit(false);
                        %s
                    }
                }
                """;
        for (String handOver : List.of("Tx.run(c, Orders::insert);", "new UnitOfWork(c).finish();",
                "withTx(o, c);")) {
            List<Finding> found = LifecycleRulesTest.findings("src/Orders.java", template.formatted(handOver),
                    "java-transaction-not-ended");
            assertEquals(1, found.size(), handOver + ": " + found);
            assertEquals(Finding.Confidence.LOW, found.get(0).confidence(), handOver);
            assertTrue(found.get(0).flowSummary().contains("which the review could not see"), found.toString());
        }
        for (String reads : List.of("log.info(\"saving on {}\", c);", "Objects.requireNonNull(c);",
                "c.createStatement().execute(\"x\");")) {
            List<Finding> found = LifecycleRulesTest.findings("src/Orders.java", template.formatted(reads),
                    "java-transaction-not-ended");
            assertEquals(1, found.size(), reads + ": " + found);
            assertEquals(Finding.Confidence.HIGH, found.get(0).confidence(), reads);
        }
    }

    @Test
    void a_java_helper_reached_through_a_field_a_superclass_or_a_static_import_is_found_in_the_checkout()
            throws Exception {
        write(dir, "src/main/java/acme/tx/TxSupport.java", TX_SUPPORT);
        write(dir, "src/main/java/acme/tx/TxRunner.java", """
                package acme.tx;

                import java.sql.Connection;
                import java.sql.SQLException;

                public class TxRunner {
                    public void finish(Connection conn) throws SQLException {
                        conn.commit();
                    }
                }
                """);
        String template = """
                package acme.orders;

                import acme.tx.TxRunner;
                %s
                import java.sql.Connection;
                import java.sql.SQLException;

                public class Orders %s {
                    private final TxRunner runner = new TxRunner();

                    void save(Connection c) throws SQLException {
                        c.setAutoCommit(false);
                        %s
                    }
                }
                """;
        List<String[]> variants = List.of(new String[] {"", "", "runner.finish(c);"},
                new String[] {"", "extends TxRunner", "finish(c);"},
                new String[] {"import static acme.tx.TxSupport.commitOrRollback;", "", "commitOrRollback(c, () -> { });"});
        String path = "src/main/java/acme/orders/Orders.java";
        String rule = "java-transaction-not-ended";
        for (String[] v : variants) {
            String orders = template.formatted(v[0], v[1], v[2]);
            write(dir, path, orders);
            assertEquals(List.of(), findings(new Reviews.WholeFiles(dir, List.of(Path.of(path))), dir, rule), v[2]);
            List<JsonNode> pasted = findings(new Reviews.DiffText(diffOf(path, orders)::getBytes), dir, rule);
            assertEquals(1, pasted.size(), v[2] + ": " + pasted);
            assertEquals("low", pasted.get(0).path("confidence").asText(), v[2]);
        }
    }

    @Test
    void a_thread_local_cleared_by_a_helper_in_another_package_is_cleared_in_repo_mode() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "src/main/java/acme/ctx/Scopes.java", """
                    package acme.ctx;

                    public final class Scopes {
                        public static <T> void reset(ThreadLocal<T> slot) {
                            slot.remove();
                        }
                    }
                    """);
            commit(git, "base");
            git.checkout().setCreateBranch(true).setName("feature").call();
            write(repo, "src/main/java/acme/web/Handler.java", """
                    package acme.web;

                    import acme.ctx.Scopes;

                    public class Handler {
                        private static final ThreadLocal<String> USER = new ThreadLocal<>();

                        void handle(String user) {
                            USER.set(user);
                            try {
                                work();
                            } finally {
                                Scopes.reset(USER);
                            }
                        }

                        void work() {
                        }
                    }
                    """);
            commit(git, "feature");
            String rule = "java-threadlocal-without-finally-remove";
            assertEquals(List.of(), findings(new Reviews.GitRange(repo, "main", "feature"), repo, rule));
            List<JsonNode> pasted = findings(new Reviews.DiffText(diffOf("src/main/java/acme/web/Handler.java",
                    Files.readString(repo.resolve("src/main/java/acme/web/Handler.java")))::getBytes), repo, rule);
            assertEquals(1, pasted.size(), pasted.toString());
            assertEquals("low", pasted.get(0).path("confidence").asText());
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
