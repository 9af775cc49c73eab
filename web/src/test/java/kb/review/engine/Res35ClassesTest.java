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
 * <li>A client or pool built by a helper of the same file (a package function, a provider method of the receiver, a
 * Java private builder method) that per-call code calls: reported at the helper's construction, whose step names
 * the call ({@code PerCall}, {@code KeptValues.providedPerCall}: a Go helper returning a client literal over its local
 * transport is one now; RES-04 {@code go-client-per-call}, {@code java-client-per-call}).
 * Clean: the helper called once to initialise a package-level variable (now one-time in {@code OneTimeContexts}), in a
 * constructor that keeps the client in a field, in {@code main}.</li>
 * <li>A Java resource the change takes out of the try-with-resources that closed it and acquires again with no try
 * and no close in view, whatever the acquiring call is called (a same-file wrapper, an unmodelled library): held by a
 * local ({@code DismantledTries}; RES-02 {@code java-response-taken-out-of-try}, HTTP answers only). Clean: the
 * resources merged into one header, a stream handed back inside a new owner, a finally that closes it, a field that
 * keeps it.</li>
 * </ul>
 */
class Res35ClassesTest {

    @Test
    void a_defer_replacing_a_per_turn_release_out_of_sight_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res35-go-defers-replacing-turn-releases", Set.of("RES-03"));
    }

    @Test
    void a_client_built_through_a_helper_on_every_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res35-clients-built-by-helpers", Set.of("RES-04"));
    }

    @Test
    void a_resource_taken_out_of_its_try_with_resources_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res35-java-resources-taken-out-of-try", Set.of("RES-01", "RES-02"));
    }
}
