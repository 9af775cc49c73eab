package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's map written by a goroutine the file starts and read by an exported method (session 35, conc35; rule
 * go-goroutine-map-read-by-exported-method): a collector's processing goroutine, a sweeping goroutine, a resolver's
 * reload loop, each writing a plain map field that a scrape's Collect, an exported check or a lookup reads, no lock on
 * either side. Class diffs under {@code classes25/conc35-go-goroutine-map}; clean: a RWMutex, a map confined to its
 * goroutine with lookups sent to it, a sync.Map, a map filled before the goroutine starts and only read by it.
 */
class GoroutineMapsTest {

    @Test
    void a_map_written_by_a_started_goroutine_and_read_by_an_exported_method_is_reported_and_guarded_ones_are_not() {
        ClassDiffs25.check("conc35-go-goroutine-map", Set.of("CONC-03"));
    }
}
