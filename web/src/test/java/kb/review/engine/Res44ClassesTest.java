package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 44 (branch res44), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A release named by another verb than close, deleted: a Go model release deferred right under the error check of
 * an acquisition above the hunk ({@code defer w.Stop()}, {@code defer conn.Release()}; {@link DeletedModelReleases}),
 * a Go cleanup function handed back by the acquiring helper ({@code cleanup()}), a Java connection disconnected or a
 * lease or reference-counted message released ({@code connection.disconnect()}, {@code req.release()};
 * {@link RemovedReleases}): RES-01, or RES-02 for an HttpURLConnection. An acquisition rewritten to its variant that
 * takes more ({@code os.Open} become {@code os.OpenFile}) is still the acquisition, and a Java release moved out of
 * its finally up into the try's body ({@link MovedPastExits}) runs on the path without a failure only. Clean: the
 * release moved into a deferred closure or a finally, the cleanup handed to {@code t.Cleanup}, the message fired down
 * the pipeline, the connection returned to the caller, the open replaced by {@code os.ReadFile}, the release moved
 * into the try's body with the catch releasing too; and, from the whole-set probe at the merge, a cleanup re-signed
 * with arguments and still called, a client handed back to the provider that lent it, an example rewritten so that
 * the value whose shutdown it deletes is no longer made.</li>
 * </ul>
 */
class Res44ClassesTest {

    @Test
    void a_deleted_release_of_another_verb_than_close_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res44-release-verbs", Set.of("RES-01", "RES-02"));
    }
}
