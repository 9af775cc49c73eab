package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch tmo50): TMO-01 waits on the other side that lost, or never had, their bound
 * ({@code review/classes25/tmo50-waits-that-lost-their-bound/}, with its SOURCES.md): a polling loop whose deadline
 * check an edit deletes while its sleep stays (Java and Go, {@link DroppedWaitDeadlines}), a select on an answer
 * channel and a quit, context or timer case replaced by a bare receive (Go), a future or latch handed to the request
 * a method sends and then awaited with no bound (Java). Clean: the deadline moved into the loop header, a select
 * rewritten that keeps its context case, a handed-off future bounded by orTimeout, a latch counting local pool work,
 * a time budget removed from a loop that never waits.
 */
class Waits50ClassesTest {

    @Test
    void waits_that_lost_their_bound_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("tmo50-waits-that-lost-their-bound", Set.of("TMO-01"));
    }
}
