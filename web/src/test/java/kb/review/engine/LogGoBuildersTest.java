package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 29 (logprec29): a Go logger's context builder ({@code logrus.WithFields}) is no line of its own (set 21's
 * AY and LV: the builder link of a debug chain, an entry assigned for later lines). A chain that ends at info or
 * warning stays reported.
 */
class LogGoBuildersTest {

    @Test
    void a_context_builder_writes_no_line_and_a_chain_ending_at_info_still_does() {
        ClassDiffs25.check("logprec29-go-log-builders", Set.of("LOG-01"));
    }
}
