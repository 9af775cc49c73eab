package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch pool49), the directory {@code review/classes25/pool49-pools-within-the-call/} with its
 * SOURCES.md.
 * <ul>
 * <li>A long-lived (static) fixed pool fed once per request stays CONC-02.</li>
 * <li>A single-thread executor local to a method but fed from a {@code while} over a socket's lines stays CONC-02.</li>
 * <li>An HTTP handler that starts a goroutine per request and answers stays CONC-02.</li>
 * </ul>
 * Clean: a pool used at once for one task, a single-thread executor local to one call, a local fixed pool whose every
 * task the method awaits, and the goroutines a handler starts for a connection it upgrades or accepts as a websocket.
 */
class PoolsWithinTheCall49ClassesTest {

    @Test
    void pools_and_goroutines_bounded_by_their_call_are_not_reported_and_long_lived_ones_are() {
        ClassDiffs25.check("pool49-pools-within-the-call", Set.of("CONC-02"));
    }
}
