package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 35 (branch log35); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A line raised from debug or trace to info, notice or warn on a per-call path (LOG-01,
 * {@code go-log-level-raised-on-hot-path} and {@code java-log-level-raised-on-hot-path}, new): an HTTP middleware's
 * {@code ServeHTTP}, an {@code http.HandlerFunc} wrapper, a loop body whose loop is above the hunk, a servlet filter,
 * a Spring interceptor's {@code preHandle}, and a guarded trace line replaced by an unguarded info line in a
 * serializer. Clean: the same raise in a start function, on a failure branch, in a catch, right before a throw, and
 * in a settings reload with no per-call role.</li>
 * </ul>
 */
class Log35ClassesTest {

    @Test
    void a_line_raised_from_debug_on_a_per_call_path_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log35-raised-level-hot-path", Set.of("LOG-01"));
    }
}
