package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch res49), the directory {@code review/classes25/res49-close-in-branch-only/} with its
 * SOURCES.md: a Go {@code defer} close of the function's own body deleted and the value closed again only inside a
 * branch (the error-status branch, the read's failure branch), where a return before the close, or the path that
 * falls past the branch, leaves it open. Java's twin: a resource taken out of its try-with-resources while the
 * statements that only call methods on it are rewritten (they borrow it, as before), and an HTTP entity's content
 * stream unwrapped (RES-02).
 * Clean: the value handed to the caller or kept in a field, a defer inside a loop replaced by closes on each way out
 * of the turn, and a close kept at the function's own depth as well.
 */
class Res49ClassesTest {

    @Test
    void releases_left_to_some_paths_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res49-close-in-branch-only", Set.of("RES-01", "RES-02"));
    }
}
