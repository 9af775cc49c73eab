package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RES-04, precision set 19's class AQ (shiori's database openers): a function that opens a pool and returns it
 * embedded by value in its store ({@code st = &LiteStore{DB: *db}; return st, nil}) builds it once for its caller,
 * like one that returns the pool itself; the dereferenced pool in the literal is the pool. A pool built and used per
 * call, or wrapped in a store that is not kept, stays reported.
 */
class GoPoolEmbeddedByValueTest {

    @Test
    void a_pool_returned_inside_its_store_by_value_is_built_once() {
        ClassDiffs25.check("res04-pool-embedded-by-value", Set.of("RES-04"));
    }
}
