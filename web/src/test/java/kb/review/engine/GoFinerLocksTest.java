package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's Go rule for a deleted lock (a change that deletes the lock a method took and keeps the map writes it
 * guarded) and its clean look-alike of set 13's HB row: a change that deletes the type-wide lock because it moves to
 * finer locks of the same value, one per element of a field ({@code s.shards[i].mu.Lock()}). The writes are then
 * guarded by those locks, which is what the item asks; a deletion with no lock in its place stays reported.
 */
class GoFinerLocksTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** An edit of a store's reset that deletes its lock; {@code added} is what the change adds elsewhere. */
    private static String reset(String added) {
        return """
                diff --git a/store/shards.go b/store/shards.go
                index 1111111..2222222 100644
                --- a/store/shards.go
                +++ b/store/shards.go
                @@ -20,11 +20,%d @@ func (s *Store) Reset(n int) {
                -	s.mu.Lock()
                -	defer s.mu.Unlock()
                 	s.count = 0
                 	for i := 0; i < n; i++ {
                 		s.shards[i] = shard{items: map[string][]byte{}}
                 	}
                 }
                 // Put stores v under key.
                 func (s *Store) Put(key string, v []byte) {
                %s
                 	s.put(key, v)
                 }
                """.formatted(9 + added.split("\n").length, added);
    }

    @Test
    void a_deleted_lock_with_the_writes_left_unguarded_is_found() {
        assertEquals(List.of("22:map-lock-removed"), of(reset("+\tlog.Printf(\"put %s\", key)")));
    }

    @Test
    void a_deleted_lock_replaced_by_one_lock_per_shard_is_clean() {
        assertEquals(List.of(), of(reset("""
                +	i := s.index(key)
                +	s.shards[i].mu.Lock()
                +	defer s.shards[i].mu.Unlock()""")));
    }
}
