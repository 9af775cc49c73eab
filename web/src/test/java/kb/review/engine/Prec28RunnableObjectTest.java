package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (prec28), set 20's M: CONC-01 on a thread handed a Runnable object ({@code this}, {@code new Worker()},
 * a field or local of a declared type) whose run() the review can see catches everything without rethrowing, or,
 * for an interface, whose skeletal implementation's run() does. Nothing reaches the thread's handler. A run() that
 * catches only checked failures, rethrows, or catches nothing stays reported
 * (review/classes25/prec28-conc01-runnable-object).
 */
class Prec28RunnableObjectTest {

    @Test
    void threads_on_objects_whose_run_catches_everything_need_no_handler() {
        ClassDiffs25.check("prec28-conc01-runnable-object", Set.of("CONC-01"));
    }
}
