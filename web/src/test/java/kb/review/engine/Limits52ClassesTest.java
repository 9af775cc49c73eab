package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch tmo52): a time limit the change takes off an outbound call's configuration while the
 * call or construction stays ({@code review/classes25/tmo52-time-limits-taken-off-kept-calls/}, with its SOURCES.md):
 * whole builder steps that carried a timeout cut from a kept chain ({@link DeletedTimeoutSetters}), timeout-named
 * arguments dropped from a kept call or constructor ({@link StrippedTimeouts}), a Go call rewritten into its twin
 * without a context ({@link ReplacedContextArguments}). Clean: idle and keep-alive limits, a construction deleted
 * whole, timeouts moved into an options object, a test, a call started with {@code go}.
 */
class Limits52ClassesTest {

    @Test
    void time_limits_taken_off_kept_calls_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("tmo52-time-limits-taken-off-kept-calls", Set.of("TMO-01", "TMO-02"));
    }
}
