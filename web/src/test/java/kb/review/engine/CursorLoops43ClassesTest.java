package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 43 (branch log43), {@code review/classes25/log43-cursor-loops/} with its SOURCES.md: a log line in
 * the body of a loop over a cursor whose header git's context leaves above the hunk ({@code CursorLoops}). Go knows
 * the body by the cursor's error checked right after it closes ({@code rows.Err()}, {@code sc.Err()},
 * {@code cur.Err()}); Java by an iterator's {@code it.next()} at the body's level, or a result-set row read and stored
 * into a collection. Clean: the scan failure logged before its return, a block closing into {@code ctx.Err()}, the
 * first element taken under a shown {@code if (it.hasNext())}, a single-row read, the summary after the loop.
 */
class CursorLoops43ClassesTest {

    @Test
    void a_line_per_cursor_element_above_the_hunk_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log43-cursor-loops", Set.of("LOG-01"));
    }
}
