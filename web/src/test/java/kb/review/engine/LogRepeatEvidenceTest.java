package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LOG-01 where the edit itself shows that a line repeats (round 23's go-29, java-12 and go-35, session 27): a
 * once-only, throttled or sampled logging helper deleted and a plain logger call put in its place; a summary line
 * after a loop deleted and a line per element added inside it; a line added right after a rate limiter's blocking
 * wait. Clean look-alikes: the helper swapped for another limit, the summary reworded or the new line leaving the
 * loop, a debug line after the wait, a line in the wait's error branch, a semaphore's acquire.
 */
class LogRepeatEvidenceTest {

    @Test
    void a_plain_line_in_place_of_a_warn_once_helper_is_reported() {
        ClassDiffs25.check("log-once-helper-removed", Set.of("LOG-01"));
    }

    @Test
    void a_line_per_element_in_place_of_the_loops_summary_is_reported() {
        ClassDiffs25.check("log-summary-replaced", Set.of("LOG-01"));
    }

    @Test
    void a_line_after_a_rate_limiters_wait_is_reported() {
        ClassDiffs25.check("log-after-limiter-wait", Set.of("LOG-01"));
    }

    @Test
    void printing_in_a_function_that_returns_the_exit_status_is_no_log_flood() {
        ClassDiffs25.check("log-exit-status-output", Set.of("LOG-01"));
    }

    /**
     * Session 27's breadth pass: shapes of real logging fixes in repositories no round used (README, logs27): a
     * first-time flag removed from a per-request warning, a give-up line turned into one per attempt, a transfer
     * summary traded for a warning per bundle, eager debug arguments and concatenations, a debug switch removed.
     */
    @Test
    void the_breadth_pass_shapes_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log-breadth27", Set.of("LOG-01", "LOG-02"));
    }
}
