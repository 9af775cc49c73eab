package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TX-01 class of session 36 (branch tmo36): an edit that removes a transaction's rollback on failure (from a finally,
 * from a catch that rethrows, Android's endTransaction, Go's deferred Rollback) while the begin stays in sight and no
 * rollback is left in sight, reported on the begin ({@code java-transaction-rollback-removed},
 * {@code go-transaction-rollback-removed}). Quiet: the rollback moved into a helper, a deferred rollback on the
 * error path.
 */
class RollbackRemovedTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo36-tx-rollback-removed", Set.of("TX-01"));
    }
}
