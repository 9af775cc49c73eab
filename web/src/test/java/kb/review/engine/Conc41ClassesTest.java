package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 41 (branch conc41); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A Java lock taken away from a write to shared state (CONC-03, {@code shared-write-lock-removed}), in the shapes
 * the reading missed: a write whose result the line returns or assigns, a constant-named static cache, a hunk whose
 * header names the class (the method's head out of sight), a lock object deleted with its block. Clean: the map made
 * concurrent instead, a local list, the lock changed kind, a read of an immutable map.</li>
 * <li>A shared map made plain and its atomic fill split into a test and a put in the same change (CONC-03): one
 * finding, at the put. Clean: the fix read the right way round, a local map.</li>
 * <li>A goroutine per element whose launch the change only rewrites (CONC-02, {@code go-goroutine-per-range-element}):
 * a WaitGroup's Go for a go func, a bare go for a recovering wrapper, a pool wrapper for a bare go. Reported still: a
 * rewrite that drops the slot the old launch took, a loop of launches that replaces one worker.</li>
 * </ul>
 */
class Conc41ClassesTest {

    @Test
    void a_lock_taken_from_a_shared_write_is_reported_in_every_shape_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc41-java-lock-removed-from-shared-write", Set.of("CONC-03"));
    }

    @Test
    void a_map_made_plain_with_its_fill_split_is_reported_once_at_the_put() {
        ClassDiffs25.check("conc41-java-map-made-plain-and-fill-rewritten", Set.of("CONC-03"));
    }

    @Test
    void a_launch_per_element_that_the_change_only_rewrites_is_not_a_new_fan_out() {
        ClassDiffs25.check("conc41-go-launch-rewritten-in-loop", Set.of("CONC-02"));
    }
}
