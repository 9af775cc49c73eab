package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's backlog fed by a callback (session 35, conc35; rule go-callback-appends-unbounded-backlog): a
 * subscription, listener or event handler callback, registered by method value or as a func literal, appends every
 * message it is handed to a slice field with no length check. Class diffs under
 * {@code classes25/conc35-go-callback-backlog}; clean: a capped backlog that counts drops, a drop of the oldest past a
 * maximum, a send on a channel of fixed size, a {@code filepath.Walk} callback gathering what one call returns.
 */
class CallbackBacklogsTest {

    @Test
    void a_callback_that_appends_every_message_to_an_unchecked_slice_is_reported_and_bounded_ones_are_not() {
        ClassDiffs25.check("conc35-go-callback-backlog", Set.of("CONC-02"));
    }
}
