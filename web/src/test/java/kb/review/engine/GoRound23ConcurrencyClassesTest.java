package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two Go concurrency classes from round 23's blind run: a deleted lock whose kept lines are not map writes, and a
 * polling goroutine whose every tick runs through a recovering helper.
 */
class GoRound23ConcurrencyClassesTest {

    /**
     * CONC-03: a change deletes a lock with its unlock and keeps what it guarded: a socket's single writer
     * ({@code c.ws.WriteMessage} under {@code c.writeMu}), a range over a package map under a read lock, a call on a
     * shared registry. Left alone: the lock moved to callers that the name says hold it, an atomic in its place, a
     * write lock traded for a read lock, a whole method deleted, a lock line reworded while its unlock stays.
     */
    @Test
    void a_deleted_lock_and_unlock_around_kept_lines_is_found() {
        ClassDiffs25.check("conc-lock-removed", Set.of("CONC-03"));
    }

    /**
     * CONC-01: a ticker loop that calls the polled function straight, or through a helper that does not recover, can
     * end the process; one whose ticks all run through a recovering helper cannot (the ticker, a derived context and
     * their deferred stops run none of the program's code).
     */
    @Test
    void a_ticker_loop_whose_ticks_run_through_a_recovering_helper_is_guarded() {
        ClassDiffs25.check("conc-guarded-ticker", Set.of("CONC-01"));
    }
}
