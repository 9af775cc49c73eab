package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-03 and an edit that swaps a concurrent or synchronized collection for a plain one in a field it keeps (round 23's
 * java-19 and java-23): a {@code ConcurrentHashMap} field made a {@code HashMap}, a {@code CopyOnWriteArrayList} of
 * listeners an {@code ArrayList}, a constructor that drops {@code Collections.synchronizedMap}. Left alone: a local
 * map (confined to one call), a plain map behind methods the change makes synchronized, one concurrent type for
 * another.
 */
class JavaConcurrentCollectionSwapTest {

    @Test
    void a_concurrent_collection_swapped_for_a_plain_one_in_a_kept_field_is_found() {
        ClassDiffs25.check("conc-collection-downgraded", Set.of("CONC-03"));
    }
}
