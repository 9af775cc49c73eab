package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TX-02 for Java: a commit whose failure a catch block drops, next to the handlers that do report it. */
class CommitFailureTest {

    private static List<Integer> swallowed(String commit, String handler) {
        String code = """
                package a;

                class Settle {
                    boolean settle(Connection conn) throws SQLException {
                        try {
                            %s
                        } catch (SQLException e) {
                            %s
                        }
                        return true;
                    }
                }
                """.formatted(commit, handler);
        return TestRules.reviewDiff(LifecycleRulesTest.newFile("src/main/java/a/Settle.java", code)).active().stream()
                .filter(f -> f.rule().equals("java-commit-failure-swallowed")).map(Finding::line).toList();
    }

    @Test
    void a_commit_failure_that_is_only_logged_is_reported_at_its_catch() {
        assertEquals(List.of(7), swallowed("conn.commit();", "log.warn(\"commit failed\", e);"));
        assertEquals(List.of(7), swallowed("em.getTransaction().commit();", "metrics.increment(\"commit.failed\");"));
    }

    @Test
    void a_handler_that_rolls_back_rethrows_or_returns_the_failure_is_not() {
        assertEquals(List.of(), swallowed("conn.commit();", "conn.rollback();\n            throw e;"));
        assertEquals(List.of(), swallowed("conn.commit();", "throw new SettlementException(\"commit failed\", e);"));
        assertEquals(List.of(), swallowed("conn.commit();", "log.warn(\"commit failed\", e);\n            return false;"));
    }

    @Test
    void commits_of_things_that_are_not_transactions_are_left_alone() {
        assertEquals(List.of(), swallowed("prefs.edit().putInt(\"n\", 1).commit();", "log.warn(\"not saved\", e);"));
        assertEquals(List.of(), swallowed("repo.save(batch);", "log.warn(\"not saved\", e);"));
    }
}
