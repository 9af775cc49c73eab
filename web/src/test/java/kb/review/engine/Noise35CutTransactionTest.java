package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 35 (branch noise35): a transaction begun in (or right before) a try that the hunk cuts, whose handler in a
 * later hunk of the same method ends it on every path ({@link CutTryFinallies}; round 34's java-ok-07, TX-01 at low).
 * Quiet: Android's endTransaction in finally with early returns out of sight, JPA's rollback-if-active in finally,
 * JDBC's rollback in a catch of every exception. Reported: a later catch that only logs (Android, JDBC) and a finally
 * that closes the manager without rolling back (JPA).
 */
class Noise35CutTransactionTest {

    @Test
    void a_transaction_ended_by_the_cut_trys_later_handler_is_quiet_and_one_left_open_is_reported() {
        ClassDiffs25.check("noise35-transaction-ended-in-later-finally", Set.of("TX-01"));
    }
}
