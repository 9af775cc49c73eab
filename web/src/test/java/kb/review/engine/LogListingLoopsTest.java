package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 29 (logprec29): loops whose lines are a listing, judged false on the precision sets (classes DB and CP): a
 * method named for dumping or displaying state, and a loop over a configuration's keys. Their look-alikes stay
 * reported: a per-request helper named otherwise, and a loop over a message's own key set.
 */
class LogListingLoopsTest {

    @Test
    void dumps_and_configuration_keys_are_listings_and_per_request_keys_are_not() {
        ClassDiffs25.check("logprec29-listing-loops", Set.of("LOG-01"));
    }
}
