package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls the models say cannot throw (loggers, metrics) are not ways out of a catch block: a catch that logs or counts
 * the failure before its rollback rolls back on every path, while a call that can really throw before the rollback,
 * or a return that skips it, is still the defect.
 */
public class QuietCallsTest {

    private static final String RULE = "java-transaction-not-ended";

    private static List<Finding> review(String catchBlock) {
        return LifecycleRulesTest.findings("src/main/java/a/Orders.java", """
                package a;

                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.SQLException;

                class Orders {
                    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Orders.class);

                    void place(Connection conn, PreparedStatement ps, long id) throws SQLException {
                        conn.setAutoCommit(false);
                        try {
                            ps.setLong(1, id);
                            ps.executeUpdate();
                            conn.commit();
                        } catch (SQLException e) {
                """ + catchBlock + """
                        }
                    }
                }
                """, RULE);
    }

    @Test
    void a_log_call_before_the_rollback_in_a_catch_is_not_a_path_that_skips_it() {
        assertEquals(List.of(), review("""
                            log.error("placing order {} failed", id, e);
                            conn.rollback();
                            throw e;
                """));
    }

    @Test
    void a_metrics_update_before_the_rollback_is_not_a_path_that_skips_it() {
        assertEquals(List.of(), review("""
                            failureCounter.increment();
                            Metrics.counter("orders.failed").increment();
                            conn.rollback();
                            throw e;
                """));
    }

    @Test
    void a_call_that_can_really_throw_before_the_rollback_is_still_reported() {
        List<Finding> found = review("""
                            log.error("placing order {} failed", id, e);
                            ps.close();
                            conn.rollback();
                            throw e;
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(11, found.get(0).line());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
    }

    @Test
    void a_metric_that_runs_the_code_it_is_given_may_throw_what_that_code_throws() {
        List<Finding> found = review("""
                            requestTimer.record(() -> audit(conn, e));
                            conn.rollback();
                            throw e;
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(11, found.get(0).line());
    }

    @Test
    void a_return_after_the_log_call_that_skips_the_rollback_is_still_reported() {
        List<Finding> found = review("""
                            log.warn("placing order {} failed", id, e);
                            if (e.getErrorCode() == 1213) {
                                return;
                            }
                            conn.rollback();
                            throw e;
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(11, found.get(0).line());
    }
}
