package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch tmo53): a time limit on an outbound call that the change takes off or loosens while the
 * call stays, in the forms the earlier readers did not take ({@code review/classes25/tmo53-time-limit-forms/}, with
 * its SOURCES.md): a keyed setting whose key names the limit (Kafka's and JavaMail's properties, a Netty option), a
 * limit operator whose name does not say timeout (Mutiny's {@code ifNoItem().after}), a per-part loop of setters
 * (Java and Go), a configuring object deleted with the step that handed it over ({@link DeletedTimeoutSetters},
 * {@link TimeLimitSettings}); a bare {@code Timeout} of a peer's options literal ({@link GoStrippedTimeouts}); a
 * limit made off in place and a unit swap that lengthens it ({@link LoosenedTimeLimits}). Clean: a unit fix that
 * shortens, an idle key, a stream's limit turned off with its reason, a loop whose limit moved, a test, a job's
 * options, a log step naming the timeout, a limit raised but kept.
 */
class TimeLimits53ClassesTest {

    @Test
    void time_limits_taken_off_or_loosened_in_every_form_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("tmo53-time-limit-forms", Set.of("TMO-01", "TMO-02"));
    }
}
