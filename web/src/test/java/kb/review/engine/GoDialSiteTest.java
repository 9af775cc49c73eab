package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-01, round 23's go-28: a websocket dialer literal without its handshake timeout (never set, set to 0, or deleted
 * by the change) that the same function dials a few lines below, with a context the function gives no deadline (the
 * caller's, {@code context.Background()}, or none): the finding stands once, on the dial, where the wait happens.
 * A context derived with {@code context.WithTimeout} above the dial leaves the finding on the literal; a dialer that
 * keeps its timeout, the package default dialer, and a timeout moved to a field assignment are not reported.
 */
class GoDialSiteTest {

    @Test
    void a_dialer_without_a_timeout_is_reported_at_the_dial_nothing_bounds() {
        ClassDiffs25.check("tmo-dial-site", Set.of("TMO-01"));
    }
}
