package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection or session closed by hand on the happy path only, whose error path hands it to a helper of the same
 * file that ends another duty of the value: rolls back (or commits) the transaction on it, and never closes it. The
 * helper's rollback is not the close RES-01 asks for on every path, so the error path leaks a pooled connection (a
 * pool that never gets it back). Defects vary the library (JDBC from a DataSource or DriverManager, a Hibernate
 * session), the helper's duty (rollback, commit, the session's transaction) and the parameter's position. Clean
 * look-alikes: a helper that closes too, a helper that hands the value on to a close helper, the connection in
 * try-with-resources, and a close in finally. Fixtures written for this test (findings are "line:item").
 */
class JavaOtherDutyHelpersTest {

    private static List<String> res01(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":RES-01")).toList();
    }

    /** The acquisition's line is among the findings (a statement left open in the same method may add its own). */
    private static void assertReported(String expected, List<String> found) {
        assertTrue(found.contains(expected), () -> "expected " + expected + " in " + found);
    }

    private static String jdbc(String cls, String body) {
        return """
                package acme.billing;

                import java.sql.Connection;
                import java.sql.DriverManager;
                import java.sql.SQLException;
                import javax.sql.DataSource;

                public class %s {
                    private final DataSource pool;

                    public %s(DataSource pool) { this.pool = pool; }

                """.formatted(cls, cls) + body + "}\n";
    }

    // --- defects ---

    @Test
    void a_connection_closed_after_commit_with_a_rollback_helper_on_the_error_path_is_reported() {
        assertReported("14:RES-01", res01("src/main/java/acme/billing/Ledger.java", jdbc("Ledger", """
                    public void post(long account, long cents) throws SQLException {
                        Connection conn = pool.getConnection();
                        try {
                            conn.setAutoCommit(false);
                            conn.prepareStatement("update accounts set cents = cents + " + cents + " where id = " + account).executeUpdate();
                            conn.commit();
                            conn.close();
                        } catch (SQLException e) {
                            undo(conn);
                            throw e;
                        }
                    }

                    private static void undo(Connection c) {
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // best effort
                        }
                    }
                """)));
    }

    @Test
    void a_driver_manager_connection_whose_helper_takes_it_second_is_reported() {
        assertReported("14:RES-01", res01("src/main/java/acme/billing/Exporter.java", jdbc("Exporter", """
                    public int export(String url, Runnable step) throws SQLException {
                        Connection link = DriverManager.getConnection(url);
                        try {
                            link.setAutoCommit(false);
                            step.run();
                            link.commit();
                            link.close();
                            return 1;
                        } catch (RuntimeException failure) {
                            giveUp(failure, link);
                            throw failure;
                        }
                    }

                    private void giveUp(Exception why, Connection target) {
                        try {
                            target.rollback();
                        } catch (SQLException e) {
                            why.addSuppressed(e);
                        }
                    }
                """)));
    }

    @Test
    void a_connection_only_committed_by_a_helper_is_reported() {
        assertReported("14:RES-01", res01("src/main/java/acme/billing/Batcher.java", jdbc("Batcher", """
                    public void flush(Iterable<String> rows) throws SQLException {
                        Connection c = pool.getConnection();
                        c.setAutoCommit(false);
                        for (String r : rows) {
                            c.createStatement().execute(r);
                        }
                        seal(c);
                    }

                    private static void seal(Connection c) throws SQLException {
                        c.commit();
                    }
                """)));
    }

    @Test
    void a_hibernate_session_whose_helper_rolls_back_its_transaction_is_reported() {
        assertReported("12:RES-01", res01("src/main/java/acme/catalog/Importer.java", """
                package acme.catalog;

                import org.hibernate.Session;
                import org.hibernate.SessionFactory;

                public class Importer {
                    private final SessionFactory sessions;

                    public Importer(SessionFactory sessions) { this.sessions = sessions; }

                    public void save(Object item) {
                        Session session = sessions.openSession();
                        try {
                            session.beginTransaction();
                            session.persist(item);
                            session.getTransaction().commit();
                            session.close();
                        } catch (RuntimeException e) {
                            revert(session);
                            throw e;
                        }
                    }

                    private static void revert(Session s) {
                        s.getTransaction().rollback();
                    }
                }
                """));
    }

    // --- clean look-alikes ---

    @Test
    void a_helper_that_rolls_back_and_closes_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/billing/Ledger.java", jdbc("Ledger", """
                    public void post(long account) throws SQLException {
                        Connection conn = pool.getConnection();
                        try {
                            conn.setAutoCommit(false);
                            conn.commit();
                            conn.close();
                        } catch (SQLException e) {
                            undo(conn);
                            throw e;
                        }
                    }

                    private static void undo(Connection c) throws SQLException {
                        try {
                            c.rollback();
                        } finally {
                            c.close();
                        }
                    }
                """)));
    }

    @Test
    void a_helper_that_hands_the_connection_to_a_close_helper_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/billing/Exporter.java", jdbc("Exporter", """
                    public void export(String url) throws SQLException {
                        Connection link = DriverManager.getConnection(url);
                        try {
                            link.setAutoCommit(false);
                            link.commit();
                            link.close();
                        } catch (SQLException failure) {
                            giveUp(link);
                            throw failure;
                        }
                    }

                    private static void giveUp(Connection target) throws SQLException {
                        target.rollback();
                        quietly(target);
                    }

                    private static void quietly(Connection c) {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // nothing to do
                        }
                    }
                """)));
    }

    @Test
    void a_connection_in_try_with_resources_with_a_rollback_helper_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/billing/Ledger.java", jdbc("Ledger", """
                    public void post(long account) throws SQLException {
                        try (Connection conn = pool.getConnection()) {
                            conn.setAutoCommit(false);
                            try {
                                conn.commit();
                            } catch (SQLException e) {
                                undo(conn);
                                throw e;
                            }
                        }
                    }

                    private static void undo(Connection c) throws SQLException {
                        c.rollback();
                    }
                """)));
    }

    @Test
    void a_connection_closed_in_finally_with_a_rollback_helper_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/billing/Batcher.java", jdbc("Batcher", """
                    public void flush(String row) throws SQLException {
                        Connection c = pool.getConnection();
                        try {
                            c.setAutoCommit(false);
                            c.commit();
                        } catch (SQLException e) {
                            undo(c);
                            throw e;
                        } finally {
                            c.close();
                        }
                    }

                    private static void undo(Connection c) throws SQLException {
                        c.rollback();
                    }
                """)));
    }
}
