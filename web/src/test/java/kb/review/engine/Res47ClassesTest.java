package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 47 (branch res47), the directory {@code review/classes25/res47-release-paths/} with its
 * SOURCES.md.
 * <ul>
 * <li>A Java object's own release ({@code closeChannel();}) deleted from the catch of a failed open or connect that
 * rethrows: the half-made socket stays open, reported on the set-up call.</li>
 * <li>A Go recover branch deleted from the top of a goroutine (whole, or below its other defers): its close ran on a
 * recovered panic only, so no release is lost (the missing recover is CONC-01's).</li>
 * <li>A Java field set through {@code this.} and deleted with its close: the field was replaced, not its release
 * dropped; a close dropped while the set-up stays is still reported.</li>
 * </ul>
 */
class Res47ClassesTest {

    @Test
    void releases_lost_on_a_failed_set_up_are_reported_and_those_that_went_with_their_owner_are_not() {
        ClassDiffs25.check("res47-release-paths", Set.of("RES-01", "RES-02"));
    }
}
