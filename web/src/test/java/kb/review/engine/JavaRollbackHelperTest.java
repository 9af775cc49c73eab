package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java class behind a miss of round 17 (held-out review corpus), the defect next to the clean look-alike the rule
 * must leave alone. Findings are compared as "line:item".
 * <ul>
 * <li><b>A rollback done by a helper handed the transaction (TX-01).</b> {@code rollbackQuietly(conn, e)},
 * {@code JdbcUtils.rollback(conn)}, {@code rollbackAndCloseQuietly(conn)}: the item asks for a rollback on every
 * failing path, and a helper named for it that is given the connection is that rollback by its author's word when its body is out of
 * sight. Read as an unknown call it made the old code look unsure, so an edit that deleted the catch around it looked
 * like no change at all; now the deletion is the change's finding, and the catch itself is clean.</li>
 * </ul>
 */
class JavaRollbackHelperTest {

    private static String assignEdit() {
        return """
                diff --git a/src/main/java/a/Slots.java b/src/main/java/a/Slots.java
                --- a/src/main/java/a/Slots.java
                +++ b/src/main/java/a/Slots.java
                @@ -20,13 +20,8 @@ public class Slots {
                     public void assign(long slot, String node) throws SQLException {
                         try (Connection conn = dataSource.getConnection()) {
                             conn.setAutoCommit(false);
                -            try {
                -                write(conn, ASSIGN, node, slot);
                -                write(conn, HISTORY, slot, node);
                -            } catch (SQLException | RuntimeException e) {
                -                rollbackQuietly(conn, e);
                -                throw e;
                -            }
                +            write(conn, ASSIGN, node, slot);
                +            write(conn, HISTORY, slot, node);
                             conn.commit();
                         }
                     }
                """;
    }

    private static final String ASSIGN = """
            package a;

            class Slots {
                void assign(long slot, String node) throws SQLException {
                    try (Connection conn = dataSource.getConnection()) {
                        conn.setAutoCommit(false);
                        try {
                            write(conn, ASSIGN, node, slot);
                        } catch (SQLException | RuntimeException e) {
                            %s
                            throw e;
                        }
                        conn.commit();
                    }
                }
            }
            """;

    @Test
    void a_rollback_helper_given_the_connection_ends_the_transaction_and_deleting_it_is_the_changes_defect() {
        List<String> found = TestRules.reviewDiff(assignEdit()).active().stream()
                .map(f -> f.line() + ":" + f.item()).toList();
        assertEquals(List.of("22:TX-01"), found);
        assertEquals(List.of(), items("src/main/java/a/Slots.java", ASSIGN.formatted("rollbackQuietly(conn, e);")));
        assertEquals(List.of(), items("src/main/java/a/Slots.java", ASSIGN.formatted("JdbcUtils.rollback(conn);")));
        // a helper given the connection whose name says nothing of a rollback is no rollback
        assertEquals(List.of("6:TX-01"), items("src/main/java/a/Slots.java", ASSIGN.formatted("audit(conn, e);")));
    }
}
