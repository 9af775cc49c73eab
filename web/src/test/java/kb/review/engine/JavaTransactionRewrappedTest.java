package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TX-01, round 17's java-16 class: an edit that moves a manual transaction, unchanged but for its indent, into a try
 * it writes anew (a try-with-resources for the session) and gives that try no catch that rolls back. The line reads
 * as old code, and the old code leaked the transaction too, but the change wrote the exception handling around it:
 * the item asks for a rollback "on every path", and closing a Hibernate session does not roll back. A new try with
 * the rollback is clean; code only re-indented under a block that is no try stays the old code's.
 */
class JavaTransactionRewrappedTest {

    private static String edit(String open, String body) {
        return """
                diff --git a/src/main/java/a/Notes.java b/src/main/java/a/Notes.java
                --- a/src/main/java/a/Notes.java
                +++ b/src/main/java/a/Notes.java
                @@ -10,8 +10,7 @@ public class Notes {
                     public void append(long id, String text) {
                -        Session session = factory.openSession();
                -        Transaction tx = session.beginTransaction();
                -        session.get(Note.class, id).append(text);
                -        tx.commit();
                -        session.close();
                +        %s
                +            Transaction tx = session.beginTransaction();
                +            %s
                +        }
                     }
                 }
                """.formatted(open, body);
    }

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("TX-01"))
                .map(f -> String.valueOf(f.line())).toList();
    }

    private static final String TRY = "try (Session session = factory.openSession()) {";

    @Test
    void a_transaction_re_indented_into_a_new_try_without_a_rollback_is_the_changes_defect() {
        assertEquals(List.of("12"), found(edit(TRY, "session.get(Note.class, id).append(text); tx.commit();")));
    }

    @Test
    void the_new_try_with_a_rollback_and_a_block_that_is_no_try_stay_clean() {
        assertEquals(List.of(), found(edit(TRY, "try { session.get(Note.class, id).append(text); tx.commit(); }"
                + " catch (RuntimeException e) { tx.rollback(); throw e; }")));
        // only re-indented under an if: the leak is the old code's, as before
        assertEquals(List.of(), found(edit("if (text != null) { Session session = factory.openSession();",
                "session.get(Note.class, id).append(text); tx.commit(); session.close();")));
    }
}
