package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 48 (branch ops48), under {@code review/classes25/ops48-undrained-stops/} with its SOURCES.md: a
 * stop path (Stop, Close, Shutdown, a Go main waiting for a signal) loses the wait that let in-flight work finish. Go:
 * {@code Shutdown(ctx)} replaced by {@code Close()}, {@code GracefulStop()} by {@code Stop()}, a {@code wg.Wait()}
 * deleted. Java: {@code shutdown} + {@code awaitTermination} replaced by {@code shutdownNow()}, a flush of the held
 * batch or a {@code join} of the worker deleted. Clean: the wait moved into a helper or method the change adds, a
 * bounded wait kept with {@code shutdownNow} for stragglers, a wait deleted outside a stop path, a test's teardown, the
 * stop method deleted whole.
 */
class Ops48ClassesTest {

    @Test
    void a_stop_that_lost_its_drain_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("ops48-undrained-stops", Set.of("OPS-01"));
    }
}
