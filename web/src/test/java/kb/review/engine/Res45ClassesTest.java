package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 45 (branch res45), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>{@code res45-unconditional-release-demoted}: a release that ran on every way out (a Go {@code defer}, also
 * inside a deferred closure, or a Java {@code finally}) deleted with its block and put back as a plain call below an
 * exit, and an exit branch rewritten with its return kept and its close dropped. The acquisition stands above the
 * hunk, so the deleted release is the only sign of the value. Clean: a try-with-resources or a plain defer in its
 * place, a branch deleted whole with its exit, a close added in the catch as well as the body.</li>
 * <li>{@code res45-reconnect-keeps-old}: a reconnect deletes the release of the connection it holds (a Go close and
 * nil reset, a Java object's own {@code closeConnection();}) right above the line that makes the new one. Clean: the
 * release renamed, moved into a helper the change adds, or an own release deleted where nothing new is made.</li>
 * </ul>
 */
class Res45ClassesTest {

    @Test
    void a_release_demoted_from_every_path_to_the_straight_one_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res45-unconditional-release-demoted", Set.of("RES-01", "RES-02"));
    }

    @Test
    void a_reconnect_that_no_longer_releases_the_old_connection_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res45-reconnect-keeps-old", Set.of("RES-01", "RES-02"));
    }
}
