package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 38 (branch conc38); each directory under {@code review/classes25/} holds defects in different
 * shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same rules must
 * not report.
 * <ul>
 * <li>A launch the change rewrote (CONC-01 and CONC-02, {@code analysis/RewrappedLaunches} and a reject of the Go
 * fan-out rules): the function a {@code go} statement started bare is now handed to a runner whose body is out of
 * sight, by name or called in a literal ({@code go h(m)} to {@code go b.call(topic, h, ev)}, {@code go p.work(ctx)} to
 * {@code go p.guard("...", func() { p.work(ctx) })}, an accept loop's launch wrapped in a library's panic-safe runner);
 * and the fan-out of a rewritten launch predates the change. Still reported: a runner the diff shows that recovers
 * nothing, a new launch through an unseen runner that rewrites nothing, a rewrite that drops the semaphore slot, a
 * call turned into a launch per received item.</li>
 * </ul>
 */
class Conc38ClassesTest {

    @Test
    void a_launch_rewritten_through_a_runner_is_not_a_new_unrecovered_goroutine_or_fan_out() {
        ClassDiffs25.check("conc38-rewrapped-launch", Set.of("CONC-01", "CONC-02"));
    }
}
