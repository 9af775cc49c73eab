package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch err52): ERR-01, an edit that turns an error's propagation into a value
 * ({@code review/classes25/err52-error-path-made-value/}, with its SOURCES.md), read by {@link GoErrorBranchSilenced}:
 * a kept error branch whose deleted lines reported the error (a warning and a counter in a walk callback, a log on a
 * rewritten header that no longer names the error) and whose new side ends in a value, a sentinel the old return
 * wrapped the cause in returned alone, a returned call made a discard followed by {@code return nil}. Clean: the
 * report replaced by a metric, the error text kept from an HTTP client, a debug line deleted, a cause mapped to a
 * sentinel the old line did not name, a deadline setter's returned error discarded, a log moved into a helper.
 */
class ErrorPath52ClassesTest {

    @Test
    void error_paths_made_values_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err52-error-path-made-value", Set.of("ERR-01"));
    }
}
