package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 39 (branch conc39); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A derived context re-rooted at a fresh one (TMO-02, {@code go-context-argument-replaced-by-background} widened
 * to the parent of {@code context.WithTimeout/WithCancel/WithDeadline/WithValue}, and {@code go-context-not-propagated}
 * taught the graceful-shutdown shape): a service's query budget, a gRPC server stream's cancellable context, a
 * worker's deadline under its own context type, an SDK's token value. Clean: a shutdown budget made after the
 * function waited for its context to end, a fresh budget with a comment giving the reason, a budget made inside a
 * goroutine meant to outlive the request, {@code context.WithoutCancel}.</li>
 * </ul>
 */
class Conc39ClassesTest {

    @Test
    void a_derived_context_moved_onto_a_fresh_root_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc39-tmo02-derived-context-rerooted", Set.of("TMO-02"));
    }
}
