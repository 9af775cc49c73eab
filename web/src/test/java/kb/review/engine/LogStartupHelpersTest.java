package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 29 (logprec29): a loop in a private method that only start-up code calls, through at most three private
 * helpers (set 21's CP: one line per model file loaded at start-up). A helper a request handler also calls, and a
 * public one, stay reported.
 */
class LogStartupHelpersTest {

    @Test
    void a_private_helper_of_start_up_is_start_up_code_and_a_shared_or_public_one_is_not() {
        ClassDiffs25.check("logprec29-startup-helpers", Set.of("LOG-01"));
    }
}
