package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 40 (branch res40), modelled on real fixes in other repositories (the folder's SOURCES.md).
 * <ul>
 * <li>Diffs cut apart where the review lost a run: two hunks one unshown line apart (the second inside the function
 * the first opened) and a Java hunk ending on a Javadoc's opening; the per-call clients in those runs (RES-04) are
 * reported. Clean: the same runs using a kept client, and a Javadoc that does go on in the next hunk.</li>
 * </ul>
 */
class Res40ClassesTest {

    @Test
    void clients_built_per_call_in_runs_after_a_one_line_gap_or_a_javadoc_opening_are_reported() {
        ClassDiffs25.check("res40-runs-the-diff-cut-apart", Set.of("RES-04"));
    }
}
