package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resource classes of session 35 (branch res35). Each directory under {@code classes25/res35-*} holds defects in
 * several libraries and shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real
 * fixes each was modelled on).
 * <ul>
 * <li>A Go {@code defer} that replaces the explicit release of the same value (a file, a store iterator, a record
 * batch, result rows, an attempt's {@code cancel}) in a block whose opening the diff does not show: a per-turn release
 * tidied into a defer is a loop body's ({@code ReplacedTurnCloses}, beside {@code HiddenLoopDefers}; RES-03
 * {@code go-defer-in-loop}). Clean: the body of a function literal (its end in view), an {@code if} with an
 * {@code else}, a handler literal whose returns do not match the factory the header names, a turn that always
 * returns.</li>
 * </ul>
 */
class Res35ClassesTest {

    @Test
    void a_defer_replacing_a_per_turn_release_out_of_sight_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res35-go-defers-replacing-turn-releases", Set.of("RES-03"));
    }
}
