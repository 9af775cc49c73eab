package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch tmo54): a time limit or the caller's context detached from an outbound call the change
 * keeps, in the forms the read rounds 122-125 showed and their variants ({@code review/classes25/tmo54-limits-detached/},
 * with its SOURCES.md): a chain's last timeout step deleted with its end moved onto a kept step that names a limit
 * itself ({@link AddedLines#anyFindsAnewOutsideTests}, {@link DeletedTimeoutSetters}); a whole statement that handed a
 * kept request a configuring object with a timeout step (one line or several); a limit-bearing local deleted with the
 * argument that handed it over, or replaced by the library's default ({@link LoosenedTimeLimits}); a select that
 * bounded a send or a receive by the caller's context or a timer made bare; a derived deadline deleted with the call
 * rewritten into its form without a context, which loses the caller's context too ({@link DroppedDeadlineContexts}).
 * Clean: the limit moved to the request, a statement whose timeout was off, a log of a timeout getter, a select made
 * non-blocking, a quit channel's select, a dialer with no limit, a limit moved into the call, a test, a pacing ticker.
 */
class TimeLimits54ClassesTest {

    @Test
    void limits_and_contexts_detached_from_kept_calls_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("tmo54-limits-detached", Set.of("TMO-01", "TMO-02"));
    }
}
