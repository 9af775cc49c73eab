package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 35 (branch noise35): an Executors pool whose every submission is paced by the code in sight
 * ({@code analysis/PacedExecutorWork}, rule {@code java-unbounded-executor}; round 35's java-13). Quiet: an upload at
 * most every five minutes, one refresh in flight (compareAndSet), a re-run flag set under the lock, a flush inside an
 * interval test. Reported: one task per request, a second method that submits unpaced, a closed check (no rate), a
 * paced tick that submits per pending entry in a loop.
 */
class Noise35PacedExecutorTest {

    @Test
    void a_pool_fed_only_at_a_paced_rate_is_quiet_and_one_fed_at_its_callers_rate_is_reported() {
        ClassDiffs25.check("noise35-paced-executor-submissions", Set.of("CONC-02"));
    }
}
