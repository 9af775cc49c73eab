package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch res54): a value that owns something, acquired on a path where some exit does not
 * release it ({@code review/classes25/res54-release-forms/}, with its SOURCES.md). Forms read by this branch: a Go
 * release through a package's bare {@code Close} helper ({@code defer httputil.Close(resp)}) or a close helper handed
 * more than the value ({@code defer log.CloseAndWarn(seg, p)}), deleted or moved below an exit as another close form;
 * a Go {@code defer} replaced by a close in a returning branch when the diff stops below the branch of a function that
 * returns an error (its body must go on past the branch); a Java value of any type named for a response
 * ({@code ClientResponse}) whose close the change deletes (RES-02). Clean: the helper rewritten in place, the body
 * closed on error and handed back on success, a drain helper with a count, a close moved to the end of a function
 * with no other way out, the response closed by a try-with-resources.
 */
class ReleaseForms54ClassesTest {

    @Test
    void release_forms_of_session_54_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res54-release-forms", Set.of("RES-01", "RES-02"));
    }
}
