package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 42 (branch lead42), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A release written as a helper handed the value, deleted by the change ({@code removed-release} through
 * {@link HelperReleases}): Go's deferred {@code drainAndClose(resp.Body)} and {@code safeClose(conn)}, Java's
 * {@code IOUtils.closeQuietly(in)} and {@code EntityUtils.consumeQuietly(response.getEntity())}; and a Java
 * {@code response.close()} deleted with its finally while the call that made the response is above the hunk, RES-02
 * by the value's name. Clean: the helper moved into a defer, a window closed through {@code closeWindow}, a quiet
 * close replaced by try-with-resources, a reply helper named for responses that writes.</li>
 * </ul>
 */
class Lead42ClassesTest {

    @Test
    void a_release_through_a_helper_deleted_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("lead42-helper-releases", Set.of("RES-01", "RES-02"));
    }
}
