package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, the class behind round 18's go-14: an edit deletes the lock that guarded a write of a package-level map or
 * slice, and the write stays. The lock was the code's own statement that several goroutines reach the value; the
 * item says a plain map written from several goroutines needs a mutex (or the process dies on concurrent writes). The
 * lock may be a package-level mutex or a field of the receiver; the write an index assignment or increment, a
 * {@code delete} or an append stored back; the function's signature in the hunk, or out of sight with the variable's
 * package-level declaration shown.
 *
 * <p>Clean look-alikes: the map made local to the call in the same edit, the map replaced by a {@code sync.Map}, the
 * lock moved to the callers (the function renamed {@code ...Locked}), the lock moved into a helper the change adds,
 * and a write deleted together with its lock.
 */
class GoRemovedPackageLockTest {

    private static final String RULE = "map-lock-removed";

    private static String diff(String path, String hunks) {
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/"
                + path + "\n" + hunks;
    }

    // --- defects

    @Test
    void a_package_mutex_deleted_around_a_package_map_increment_is_found() {
        String d = diff("metrics/hits.go", """
                @@ -8,12 +8,7 @@ import (
                 
                -var (
                -	statsMu sync.Mutex
                -	hits    = map[string]int64{}
                -)
                +var hits = map[string]int64{}
                 
                 // Record adds the bytes served for a path; every request calls it.
                 func Record(path string, n int64) {
                -	statsMu.Lock()
                -	defer statsMu.Unlock()
                 	hits[path] += n
                 }
                """);
        assertEquals(List.of("13:" + RULE), item(d, "CONC-03"));
    }

    @Test
    void a_receiver_lock_deleted_above_a_package_registry_write_is_found() {
        String d = diff("session/manager.go", """
                @@ -40,8 +40,6 @@ type Manager struct {
                 func (m *Manager) Open(user string) *Session {
                 	s := newSession(user)
                -	m.mu.Lock()
                -	defer m.mu.Unlock()
                 	registry[s.ID] = s
                 	m.opened++
                 	return s
                 }
                """);
        assertEquals(List.of("42:" + RULE), item(d, "CONC-03"));
    }

    @Test
    void a_deleted_lock_above_a_delete_from_a_map_declared_in_another_hunk_is_found() {
        String d = diff("jobs/pending.go", """
                @@ -12,3 +12,3 @@ import (
                 
                -var pending = map[string]*Job{} // guarded by pendingMu
                +var pending = map[string]*Job{}
                 
                @@ -70,8 +70,6 @@ func (w *Worker) finish(id string, err error) {
                 	if err != nil {
                 		w.log.Warn("job failed", "id", id, "err", err)
                 	}
                -	pendingMu.Lock()
                -	defer pendingMu.Unlock()
                 	delete(pending, id)
                 	w.done++
                 }
                """);
        assertEquals(List.of("73:" + RULE), item(d, "CONC-03"));
    }

    @Test
    void a_deleted_lock_above_an_append_to_a_package_slice_is_found() {
        String d = diff("audit/events.go", """
                @@ -20,6 +20,4 @@ var events []Event
                 // Add records an event; the HTTP handlers and the scheduler call it.
                 func Add(e Event) {
                -	eventsMu.Lock()
                 	events = append(events, e)
                -	eventsMu.Unlock()
                 }
                """);
        assertEquals(List.of("22:" + RULE), item(d, "CONC-03"));
    }

    // --- clean look-alikes

    @Test
    void a_lock_deleted_because_the_map_became_local_is_clean() {
        String d = diff("metrics/words.go", """
                @@ -8,9 +8,8 @@ import (
                 // Count returns how often each word occurs in text.
                 func Count(text string) map[string]int {
                -	countsMu.Lock()
                -	defer countsMu.Unlock()
                +	counts := map[string]int{}
                 	for _, w := range strings.Fields(text) {
                 		counts[w]++
                 	}
                 	return counts
                 }
                """);
        assertEquals(List.of(), item(d, "CONC-03"));
    }

    @Test
    void a_lock_deleted_for_a_sync_map_and_a_write_deleted_with_its_lock_are_clean() {
        String d = diff("cache/seen.go", """
                @@ -14,11 +14,7 @@ var seen sync.Map
                 func Mark(id string) {
                -	seenMu.Lock()
                -	defer seenMu.Unlock()
                -	seenIDs[id] = true
                +	seen.Store(id, true)
                 }
                 
                 func Forget(id string) {
                -	seenMu.Lock()
                -	delete(seenIDs, id)
                -	seenMu.Unlock()
                +	seen.Delete(id)
                 }
                """);
        assertEquals(List.of(), item(d, "CONC-03"));
    }

    @Test
    void a_lock_moved_to_the_callers_or_into_an_added_helper_is_clean() {
        String d = diff("metrics/hits.go", """
                @@ -20,6 +20,9 @@ var hits = map[string]int64{}
                -func Record(path string, n int64) {
                -	statsMu.Lock()
                -	defer statsMu.Unlock()
                +func recordLocked(path string, n int64) {
                 	hits[path] += n
                 }
                 
                +func withStats(f func()) {
                +	statsMu.Lock()
                +	defer statsMu.Unlock()
                +	f()
                +}
                """);
        assertEquals(List.of(), item(d, "CONC-03"));
    }
}
