package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's guarded value written past its lock, as an element of a map or slice field (session 34, conc34; rule
 * shared-counter-unguarded): the change replaces a helper of the same value that updated it under its lock
 * ({@code stats.recordUnlock(id)}, named for the field's singular) with a plain bump of the field's element
 * ({@code stats.unlocks[id]++}). Class diffs under {@code classes25/conc34-go-helper-replaced-by-map-write}; clean: the
 * same bump under the value's lock in the hunk, a map local to the function replacing a package helper.
 */
class HelperReplacedByMapWriteTest {

    @Test
    void a_map_element_bumped_where_its_locked_helper_was_called_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc34-go-helper-replaced-by-map-write", Set.of("CONC-03"));
    }
}
