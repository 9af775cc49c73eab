package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch err51): ERR-01 Java catches whose failure reaches neither the caller nor the log
 * ({@code review/classes25/err51-silent-catches/}, with its SOURCES.md). Two readings. An edit that takes a catch's
 * hand-on of the failure away (a future completed exceptionally, a listener told) while rewriting the catch's header,
 * completing the same future with a default instead, or keeping a clean-up block both versions run
 * ({@link JavaRemovedErrorHandling}). A try written new whose catches disagree: one throws or logs above debug, a
 * sibling for a failure of the work only counts, answers a default, or traces it ({@link DiscordantCatches}). Clean:
 * a missing file answered empty beside a rethrow, a commented fall-back, a count read by a retry bound, a client gone
 * logged at debug with no answer made of it, a rewritten header that still fails the promise with the cause, and a
 * try whose catches are all quiet.
 */
class SilentCatches51ClassesTest {

    @Test
    void failures_a_catch_lets_go_unseen_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err51-silent-catches", Set.of("ERR-01"));
    }
}
