package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TX-01 (and RES-01) class of session 33 (branch err33): a deleted release that hands the value to its owner, as a
 * model's {@code .name({v})} template says ({@link ArgumentReleases}): Spring's {@code txManager.rollback(status)} in
 * a catch or a guarded finally, Commons Pool's {@code pool.returnObject(session)}. Clean: the rollback moved into a
 * guarded finally, handed to a helper with the status, a lease invalidated or returned on every path.
 */
class RollbackThroughOwnerTest {

    @Test
    void a_deleted_release_through_the_owner_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err33-java-rollback-through-owner", Set.of("TX-01", "RES-01"));
    }
}
