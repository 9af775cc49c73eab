package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch conc54): shared state that loses the discipline the code uses for it (CONC-03), work
 * made per item without a bound (CONC-02), and a thread's handler lost with the thread that carried it (CONC-01), read
 * from the change ({@code review/classes25/conc54-shared-state-and-per-item/} and
 * {@code review/classes25/conc54-lost-thread-handlers/}, each with its SOURCES.md). Defects: a read or write lock
 * deleted around a scan or a copy while the function keeps a later locked section ({@link RemovedLocks}), a forwarding
 * method of a synchronizing wrapper that loses its lock ({@link UnlockedDelegations}), a goroutine per item added
 * inside a loop function whose loop the hunk cuts off ({@link ItemLaunches}), a thread factory with an
 * uncaught-exception handler deleted and a bare thread started instead ({@link RemovedThreadHandlers}). Clean: a
 * nested read lock removed under a kept write lock, a forward's lock moved into a helper, a forward made confined by
 * its comment, a method that no longer only forwards, a read loop's one runner at its top level, a packet goroutine
 * behind a semaphore slot, a bare thread given a handler, a shutdown hook.
 */
class SharedStatePerItem54ClassesTest {

    @Test
    void locks_taken_off_shared_state_and_per_item_launches_are_reported_and_look_alikes_are_not() {
        // CONC-01 left out here: a bare `go` is the recover rule's to judge, beside or without the per-item launch
        ClassDiffs25.check("conc54-shared-state-and-per-item", Set.of("CONC-02", "CONC-03"));
    }

    @Test
    void a_handler_deleted_with_its_thread_is_reported_at_the_bare_thread_and_look_alikes_are_not() {
        ClassDiffs25.check("conc54-lost-thread-handlers", Set.of("CONC-01"));
    }
}
