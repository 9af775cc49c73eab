package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 34 (branch err34): a bare {@code defer f.Close()} on a file the function opened for writing
 * and wrote to, or one that replaces a deferred check of that close ({@code go-deferred-file-close-error-dropped},
 * {@code analysis/GoDeferredCloses}). Defects: a new helper that creates and copies into a file, an edit that drops a
 * deferred close setting the named result through another name, an {@code errors.Join} close replaced with the open
 * out of sight, an appending writer. Clean: a read-only file, a safety-net defer after a checked close, a file synced
 * and the sync returned, the fix itself, a lock file never written.
 */
class DeferredFileCloseTest {

    @Test
    void a_bare_deferred_close_of_a_written_file_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err34-go-deferred-file-close", Set.of("ERR-01"));
    }
}
