package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03 in Go: a map field whose guard is in sight but not taken. One method of a type writes the map under the
 * type's mutex and another writes it with no lock: the lock says goroutines share the map, and CONC-03 says to "guard
 * maps with a sync.Mutex" (its Good example locks around every write), so the unguarded write races the guarded one
 * and concurrent map writes end the process. The clean look-alikes take the lock, or are an unexported helper whose
 * only caller holds it.
 */
class GoGuardedMapFieldTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A session table; {@code expire} is the body of the method that drops stale sessions. */
    private static String sessions(String expire) {
        return """
                diff --git a/auth/sessions.go b/auth/sessions.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/auth/sessions.go
                @@ -0,0 +1,%d @@
                +package auth
                +
                +import (
                +	"sync"
                +	"time"
                +)
                +
                +type table struct {
                +	mu    sync.RWMutex
                +	byID  map[string]time.Time
                +	limit time.Duration
                +}
                +
                +// Touch marks the session as used now; every request calls it.
                +func (t *table) Touch(id string) {
                +	t.mu.Lock()
                +	defer t.mu.Unlock()
                +	t.byID[id] = time.Now()
                +}
                +
                +// Janitor drops stale sessions once a minute.
                +func (t *table) Janitor(stop <-chan struct{}) {
                +	for {
                +		select {
                +		case <-stop:
                +			return
                +		case <-time.After(time.Minute):
                +			t.expire()
                +		}
                +	}
                +}
                +
                +func (t *table) expire() {
                %s
                +}
                """.formatted(34 + expire.split("\n").length, expire);
    }

    @Test
    void a_method_that_deletes_from_a_locked_map_without_the_lock_is_found() {
        assertEquals(List.of("36:go-guarded-map-written-unlocked"), of(sessions("""
                +	for id, seen := range t.byID {
                +		if time.Since(seen) > t.limit {
                +			delete(t.byID, id)
                +		}
                +	}""")));
    }

    @Test
    void the_same_method_that_takes_the_lock_is_clean() {
        assertEquals(List.of(), of(sessions("""
                +	t.mu.Lock()
                +	defer t.mu.Unlock()
                +	for id, seen := range t.byID {
                +		if time.Since(seen) > t.limit {
                +			delete(t.byID, id)
                +		}
                +	}""")));
    }

    /** A helper whose only caller takes the lock first is guarded by that caller. */
    @Test
    void an_unlocked_helper_whose_only_caller_holds_the_lock_is_clean() {
        String diff = """
                diff --git a/auth/quota.go b/auth/quota.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/auth/quota.go
                @@ -0,0 +1,23 @@
                +package auth
                +
                +import "sync"
                +
                +type quota struct {
                +	mu   sync.Mutex
                +	used map[string]int
                +}
                +
                +func (q *quota) Take(user string, n int) bool {
                +	q.mu.Lock()
                +	defer q.mu.Unlock()
                +	if q.used[user]+n > 100 {
                +		return false
                +	}
                +	q.add(user, n)
                +	return true
                +}
                +
                +func (q *quota) add(user string, n int) {
                +	q.used[user] += n
                +}
                +
                """;
        assertEquals(List.of(), of(diff));
    }
}
