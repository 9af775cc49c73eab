package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch log54): LOG-01's "a log line once per unit of repeated work" where the unit is an event
 * the framework or the caller repeats and no loop is in the diff, and LOG-02's lazy messages given up by an edit
 * ({@code review/classes25/log54-per-event-forms/}, with its SOURCES.md). Read: a line added beside a metric counter
 * the old code steps for the same event ({@code PacedLogLines}' counter input); a split of a failure's line by its
 * kind (the expected kind at debug) replaced by one loud line ({@code RemovedLogLimits.splitsDropped}); a cache hit
 * whose value the code names as cached, with a freshness test beside the hit test ({@code StoreOperations}); a
 * placeholder or format call rewritten as a '+' join, and a throwable given up for its message (LOG-02 rules).
 * Clean: a wait group's Add, a failure counted and reported at error, a sampled line under the counter, a debug line;
 * a split kept or replaced by a debug line; an expired entry's or a miss's branch; a new '+' line that replaced no
 * placeholder call, the throwable kept, a format kept.
 */
class PerEventForms54ClassesTest {

    @Test
    void per_event_lines_and_given_up_placeholders_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log54-per-event-forms", Set.of("LOG-01", "LOG-02"));
    }
}
