package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merge of session 37 (lead): a release deleted with the recover branch it ran in. From an ordinary function the
 * panic reaches a caller that may recover it, so a rollback that ran only there is lost (TX-01); from the top of a
 * goroutine the unrecovered panic ends the process, so a close that ran only there is not a leak (CONC-01 reports the
 * missing recover). Diffs in {@code review/classes25/lead37-recover-branch-release}.
 */
class Lead37ClassesTest {

    @Test
    void a_release_lost_with_a_recover_branch_counts_only_where_the_panic_can_be_recovered_above() {
        ClassDiffs25.check("lead37-recover-branch-release", Set.of("TX-01", "RES-01"));
    }
}
