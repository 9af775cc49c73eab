package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, round 14's class of an edit that deletes the lock around a shared map write (go-13 of {@code heldout14}):
 * {@code r.mu.Lock()} and its deferred unlock are deleted above {@code r.routes[k] = v}. The lock was the code's own
 * word that several goroutines reach the map; the item says such a map needs a mutex, or the process crashes on
 * concurrent writes. Look-alikes: a change that swaps the lock for a finer one of the same value, and one that moves
 * the lock to the callers (the method renamed {@code ...Locked}).
 */
class GoMapLockRemovedTest {

    private static String edit(String name, String added) {
        return """
                diff --git a/route/table.go b/route/table.go
                index 1111111..2222222 100644
                --- a/route/table.go
                +++ b/route/table.go
                @@ -40,10 +40,COUNT @@ type Table struct {
                 
                 // NAME records where a prefix goes; the watcher and the API both call it.
                 func (r *Table) NAME(prefix string, hop Hop) {
                -	r.mu.Lock()
                -	defer r.mu.Unlock()
                ADDED 	if hop.Drop {
                 		delete(r.routes, prefix)
                 		return
                 	}
                 	r.routes[prefix] = hop
                """.replace("COUNT", added.isEmpty() ? "8" : "10").replace("NAME", name)
                .replace("ADDED", added);
    }

    @Test
    void a_deleted_lock_above_a_map_write_of_the_same_value_is_found() {
        assertEquals(List.of("44:map-lock-removed"), GoRound8ClassesTest.item(edit("Set", ""), "CONC-03"));
    }

    @Test
    void a_lock_swapped_for_another_of_the_same_value_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                edit("Set", "+\tr.writeMu.Lock()\n+\tdefer r.writeMu.Unlock()\n"), "CONC-03"));
    }

    @Test
    void a_lock_moved_to_the_callers_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit("setLocked", ""), "CONC-03"));
    }
}
