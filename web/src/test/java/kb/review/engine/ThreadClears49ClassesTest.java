package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 49 (branch pair49), under {@code review/classes25/pair49-thread-clears/} with its SOURCES.md: a
 * per-thread value (a static holder's tenant flow, a declared ThreadLocal, an MDC key) set and then cleared in the
 * same method by a call outside {@code finally}, with work that may throw, or a return, in between (CONC-04,
 * {@link StraightPathClears}). Clean: the clear in finally; a bracket of log lines only; an interceptor whose
 * {@code afterCompletion} clears what {@code preHandle} set.
 */
class ThreadClears49ClassesTest {

    @Test
    void a_per_thread_value_cleared_outside_finally_is_reported_at_its_set_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pair49-thread-clears", Set.of("CONC-04"));
    }
}
