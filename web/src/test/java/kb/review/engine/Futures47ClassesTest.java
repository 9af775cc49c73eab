package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 47 (branch fut47), the directory {@code review/classes25/fut47-futures-dropped/} with its
 * SOURCES.md: a future the added code makes and drops, read from the added code alone.
 * <ul>
 * <li>A lambda whose expression body makes a future (a then-stage, a submit, a {@code ...Async} call), passed to a
 * method that throws the lambda's value away (forEach, ifPresent, a success consumer).</li>
 * <li>A bare statement calling a method named {@code ...Async}: the name says a future comes back.</li>
 * </ul>
 * Clean: the futures collected and waited for, a chain that ends in a failure handler, callback-style async calls,
 * futures made in a map lambda and joined, and (from the merge's probe of real commits) a setter of an async
 * setting and an unqualified call of the class's own {@code ...Async} method whose declaration is out of view.
 */
class Futures47ClassesTest {

    @Test
    void futures_dropped_by_consumer_lambdas_and_bare_async_calls_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("fut47-futures-dropped", Set.of("CONC-06"));
    }
}
