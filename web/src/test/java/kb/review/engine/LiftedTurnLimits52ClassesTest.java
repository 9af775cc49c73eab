package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch log52): LOG-01 lines an edit makes run on the ordinary path of every turn by taking away
 * what kept them rare ({@code review/classes25/log52-lifted-turn-limits/}, with its SOURCES.md): a filter of the
 * turn's ordinary outcome deleted around the line ({@code !errors.Is(err, context.DeadlineExceeded)}, {@code err !=
 * store.ErrNotFound}, {@code !(e instanceof TimeoutException)}) in a loop shown or proven by a {@code continue}; a hand
 * kept level comparison deleted and the line written louder; a summary about a collection replaced in place by a line
 * per element of it. Clean: the line returns after the filter goes (once per stream), the line stays at debug, the
 * filter folded into the test, the summary kept after the new loop, a one-shot connect's catch that rethrows, a start
 * line replaced by a loop over something it did not name.
 */
class LiftedTurnLimits52ClassesTest {

    @Test
    void lines_made_to_run_on_every_turn_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log52-lifted-turn-limits", Set.of("LOG-01"));
    }
}
