package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Java release deleted in the hunk right after the one that acquires its value (round 23's java-29: a transaction
 * begun by {@code setAutoCommit(false)} in one hunk, its rollback deleted three unseen lines below, no method header
 * in either): the finding stands at the acquisition, where the lifecycle starts. The two hunks read as one block when
 * fewer unseen lines separate them than a method boundary needs and no shown line between is indented less than the
 * acquisition. Hunks far apart, or a block that closes between them, keep the finding at the deletion; a rollback
 * moved within its catch is clean.
 */
class JavaReleaseNextHunkTest {

    @Test
    void a_release_deleted_one_hunk_below_its_acquisition_is_reported_at_the_acquisition() {
        ClassDiffs25.check("tx-release-next-hunk", Set.of("TX-01", "RES-01"));
    }
}
