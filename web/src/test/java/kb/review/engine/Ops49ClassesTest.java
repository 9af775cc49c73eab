package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch cover49): OPS-01 where an edit writes {@code shutdownNow()} in the place of a pool's
 * drain ({@code review/classes25/ops49-shutdown-now-for-drain/}, with its SOURCES.md) in a method not named for
 * stopping (a per-run pool's {@code finally}) or whose header the hunk does not show. Clean: {@code shutdownNow()}
 * followed by a bounded wait, and a periodic refresher written whole that stops with {@code shutdownNow()}.
 */
class Ops49ClassesTest {

    @Test
    void drains_replaced_by_shutdown_now_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("ops49-shutdown-now-for-drain", Set.of("OPS-01"));
    }
}
