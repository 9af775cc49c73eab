package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 29 (logprec29): LOG-01 lines in a loop's branch that hands its anomaly on, judged false on the precision
 * sets (class J): a failure the branch also records for the caller, and a switch's default for a value no case names.
 * Their look-alikes stay reported: a skip that only logs, a counted failure, one failed batch repeated per element,
 * and a default that does the loop's work.
 */
class LogAnomalyBranchesTest {

    @Test
    void a_failure_recorded_for_the_caller_is_not_a_flood_and_a_bare_skip_still_is() {
        ClassDiffs25.check("logprec29-failure-recorded", Set.of("LOG-01"));
    }

    @Test
    void a_default_for_an_unknown_value_is_not_a_flood_and_a_default_doing_the_work_still_is() {
        ClassDiffs25.check("logprec29-unmatched-default", Set.of("LOG-01"));
    }
}
