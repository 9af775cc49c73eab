package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resource classes of session 36 (branch res36). Each directory under {@code classes25/res36-*} holds defects in
 * several libraries and shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real
 * fixes each was modelled on).
 * <ul>
 * <li>A release an edit leaves on one branch ({@code SkippedReleases}; RES-01 {@code release-skipped-by-edit}, RES-02
 * {@code response-release-skipped-by-edit}): an exit ({@code return}, {@code continue}, {@code throw}) added in a new
 * {@code if} above a kept release of the same block (a Go status check above {@code defer resp.Body.Close()}, a
 * decode error returned before a file's close, an empty cursor returned before its close, a {@code continue} past a
 * stream's close), or a null guard narrowed with a condition on the value ({@code && c.moveToFirst()},
 * {@code && c.getCount() > 0}) around the release. Clean: the value's own null or error check, a branch that closes
 * the value itself, a close moved after the block, an exit inside a try whose finally closes.</li>
 * <li>A client built by a helper, decided at the call site ({@code OneTimeContexts.constructorKeeps}; RES-04
 * {@code go-client-per-call}): a Go constructor ({@code New...}) that keeps the helper's client in a field of what
 * it builds (directly, or through a local a keyed element takes) is one-time. Still reported: a method that runs per
 * request calling the same helper.</li>
 * </ul>
 */
class Res36ClassesTest {

    @Test
    void a_release_an_edit_leaves_on_one_branch_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res36-releases-left-on-one-branch", Set.of("RES-01", "RES-02"));
    }

    @Test
    void a_helper_client_kept_by_a_constructor_is_clean_and_one_built_per_request_is_not() {
        ClassDiffs25.check("res36-helper-clients-kept-by-constructors", Set.of("RES-04"));
    }
}
