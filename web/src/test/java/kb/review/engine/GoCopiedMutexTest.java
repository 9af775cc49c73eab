package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03 in Go: methods with value receivers that lock a mutex field of the receiver (go vet's copylocks class). The
 * receiver is a copy, and so is its mutex: each call locks a mutex of its own, while the map it writes is shared by
 * every copy, so the map is not "guarded with a sync.Mutex" as the item asks. The clean look-alike is the same type
 * with pointer receivers.
 */
class GoCopiedMutexTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A price cache whose methods take receivers {@code recv} ({@code "c priceCache"} or {@code "c *priceCache"}). */
    private static String prices(String recv) {
        return """
                diff --git a/quote/cache.go b/quote/cache.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/quote/cache.go
                @@ -0,0 +1,24 @@
                +package quote
                +
                +import "sync"
                +
                +type priceCache struct {
                +	mu     sync.Mutex
                +	prices map[string]float64
                +}
                +
                +func (%1$s) get(sym string) (float64, bool) {
                +	c.mu.Lock()
                +	defer c.mu.Unlock()
                +	p, ok := c.prices[sym]
                +	return p, ok
                +}
                +
                +func (%1$s) set(sym string, p float64) {
                +	c.mu.Lock()
                +	defer c.mu.Unlock()
                +	c.prices[sym] = p
                +}
                +
                +var shared = &priceCache{prices: map[string]float64{}}
                +
                """.formatted(recv);
    }

    @Test
    void value_receivers_that_lock_a_copied_mutex_around_a_map_write_are_found() {
        // the read in get races set's write as much (session 27: reads under a copied lock count too)
        assertEquals(List.of("11:go-value-receiver-locks-copied-mutex", "18:go-value-receiver-locks-copied-mutex"),
                of(prices("c priceCache")));
    }

    @Test
    void the_same_methods_with_pointer_receivers_are_clean() {
        assertEquals(List.of(), of(prices("c *priceCache")));
    }
}
