package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch pool54): RES-04's "an expensive, reusable, thread-safe object built per call where it
 * was built once and shared", read from the edit that takes the sharing away ({@link UnsharedClients}; fixtures in
 * {@code review/classes25/pool54-client-sharing-removed/}, with SOURCES.md): a shared operand swapped for a
 * construction in any statement (an argument, a builder's argument, a getter's return, a keyed element, a local with an
 * error beside it, in a goroutine), a kept construction moved into a per-call method (a field made a try resource, a
 * constructor's keyed element made a handler's local, a constructor's multi-line {@code this.x = } made a method's
 * local), and the cache or once that kept it deleted (a cache's loader, a lazy null test, a {@code sync.Once}, a
 * {@code sync.Map}). Clean: a constructor swapping its own field, the fix direction, a construction reading the
 * function's parameter, a cache replaced by another cache, a {@code @Bean} method, constructors only, a local
 * inlined, a test, a date format, a file, {@code main}.
 */
class ClientSharingRemoved54ClassesTest {

    @Test
    void sharing_taken_away_in_every_form_is_reported_and_the_look_alikes_are_not() {
        ClassDiffs25.check("pool54-client-sharing-removed", Set.of("RES-04"));
    }
}
