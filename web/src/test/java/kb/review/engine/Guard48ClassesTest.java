package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 48 (branch conc48), its directory under {@code review/classes25/} with its SOURCES.md: background
 * work handed to its runner without the wrapper the project wrote to guard it ({@link BypassedTaskGuards}). A Java
 * schedule or thread given the inner method of a catch-all wrapper, a Go {@code go} statement or ticker case that runs
 * the inner call of a recovering wrapper (deleted or kept), and a goroutine literal's deferred recover replaced by a
 * bare {@code go} of its one call. Clean: the wrapper still scheduled and the inner call made once at start-up; a
 * wrapper that panics again; the recover moved into the inner function; the inner call made on a request path.
 * Second, a body the hunk shows running periodically (it re-arms itself, or a schedule call's period arguments close
 * its lambda) that loses its catch-all ({@link DroppedPeriodicCatches}). Clean: the catch-all only rethrew; the catch
 * of a one-time load in {@code start()}; a catch-all kept below a narrower catch.
 */
class Guard48ClassesTest {

    @Test
    void a_launch_that_bypasses_the_guarding_wrapper_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc48-bypassed-guards", Set.of("CONC-01", "CONC-07"));
    }

    @Test
    void a_periodic_body_losing_its_catch_all_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc48-periodic-catches", Set.of("CONC-07"));
    }
}
