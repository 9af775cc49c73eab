package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch percall52): something that should exist once made per unit of work, read for CONC-02
 * from the change itself ({@code review/classes25/percall52-launches-per-item/}, with its SOURCES.md): the deleted
 * lines handled an item in place or queued it for fixed workers, and the new code hands the same item to a goroutine
 * of its own in a loop, a per-event callback or a function that is not one-time ({@link ItemLaunches}). Clean: a slot
 * taken before the launch, a start-up launch, a per-item launch that only changed form, a limited group, a once's
 * function, a goroutine that takes nothing of the item.
 */
class PerItemLaunches52ClassesTest {

    @Test
    void goroutines_made_per_item_by_the_change_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("percall52-launches-per-item", Set.of("CONC-02", "RES-04"));
    }
}
