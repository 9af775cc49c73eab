package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's unbounded Executors pool, told from pools whose queue the code bounds by what it submits (session 34,
 * conc34; java-unbounded-executor's executor-work reject, analysis/BoundedExecutorWork). Class diffs under
 * {@code classes25/conc34-java-executor-work}: reported, a field pool fed per request, a per-call pool fed per line of
 * a stream, a pool fed from a periodic task set up in start, a local pool returned to callers; clean, a per-call pool
 * joined and shut down in finally, a try-with-resources pool, one worker per thread at start, one-off start-up tasks
 * of the registered plugins.
 */
class BoundedExecutorWorkTest {

    @Test
    void a_pool_fed_by_input_is_reported_and_pools_fed_by_a_call_or_a_start_up_are_not() {
        ClassDiffs25.check("conc34-java-executor-work", Set.of("CONC-02"));
    }
}
