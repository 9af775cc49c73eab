package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java constructors visible to the review are summarised like helpers: one that stores its parameter in a field takes
 * the value over (and, when the class's close() ends that field, the wrapper in try-with-resources ends it); one that
 * only reads it leaves the duty with the caller.
 */
public class ConstructorSummariesTest {

    private static final String AUTO_ROLLBACK = """

            final class AutoRollback implements AutoCloseable {
                private final Connection conn;
                private boolean done;

                AutoRollback(Connection conn) {
                    this.conn = conn;
                }

                void commit() throws SQLException {
                    conn.commit();
                    done = true;
                }

                @Override
                public void close() throws SQLException {
                    if (!done) {
                        this.conn.rollback();
                    }
                }
            }
            """;

    private static List<Finding> tx(String body, String helper) {
        return LifecycleRulesTest.findings("src/main/java/a/Orders.java", """
                package a;

                import java.sql.Connection;
                import java.sql.SQLException;

                class Orders {
                    void place(Connection conn, long id) throws SQLException {
                        conn.setAutoCommit(false);
                """ + body + """
                    }
                }
                """ + helper, "java-transaction-not-ended").stream().filter(f -> !f.suppressed()).toList();
    }

    @Test
    void a_wrapper_whose_close_rolls_back_the_field_its_constructor_stored_ends_the_transaction() {
        assertEquals(List.of(), tx("""
                        try (AutoRollback tx = new AutoRollback(conn)) {
                            insert(conn, id);
                            tx.commit();
                        }
                """, AUTO_ROLLBACK));
    }

    @Test
    void a_wrapper_whose_close_does_not_end_the_transaction_leaves_the_leak_at_low_confidence_at_most() {
        List<Finding> found = tx("""
                        try (AutoRollback tx = new AutoRollback(conn)) {
                            insert(conn, id);
                            tx.commit();
                        }
                """, AUTO_ROLLBACK.replace("this.conn.rollback();", "done = true;"));
        assertEquals(1, found.size(), found.toString());
    }

    @Test
    void a_constructor_that_only_reads_the_connection_is_not_a_hand_over() {
        List<Finding> found = tx("""
                        Audit audit = new Audit(conn);
                        insert(conn, id);
                        conn.commit();
                """, """

                final class Audit {
                    private final String url;

                    Audit(Connection c) throws SQLException {
                        this.url = c.getMetaData().getURL();
                    }
                }
                """);
        // the exception from insert leaves the transaction open; the reading constructor does not hide it
        assertEquals(1, found.size(), found.toString());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
    }

    private static List<Finding> stream(String body, String helper) {
        return LifecycleRulesTest.findings("src/main/java/a/Load.java", """
                package a;

                import java.io.FileInputStream;
                import java.io.InputStream;

                class Load {
                    int first(String path) throws Exception {
                        InputStream in = new FileInputStream(path);
                """ + body + """
                    }
                }
                """ + helper, "java-closeable-outside-try-with-resources");
    }

    @Test
    void a_stream_given_to_a_constructor_that_keeps_it_is_handed_over() {
        assertEquals(List.of(), stream("""
                        Holder h = new Holder(in);
                        return h.next();
                """, """

                final class Holder {
                    private final InputStream source;

                    Holder(InputStream source) {
                        this.source = source;
                    }

                    int next() throws java.io.IOException {
                        return source.read();
                    }
                }
                """));
    }

    @Test
    void a_stream_given_to_a_constructor_that_only_reads_it_must_still_be_closed() {
        List<Finding> found = stream("""
                        Header h = new Header(in);
                        return h.size;
                """, """

                final class Header {
                    final int size;

                    Header(InputStream source) throws java.io.IOException {
                        size = source.read();
                    }
                }
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(8, found.get(0).line());
    }

    @Test
    void an_unseen_constructor_still_takes_a_stream_over() {
        assertEquals(List.of(), stream("""
                        Parser p = new Parser(in);
                        return p.next();
                """, ""));
    }
}
