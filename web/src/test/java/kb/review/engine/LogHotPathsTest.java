package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (logs28): log lines that repeat with the traffic though no loop is in sight, and two loops that do not.
 * Round 24's go-33 (a warning per refused call of a rate limiter), java-32 (an info line per delivered event),
 * java-08 (a warning per failed record in a counted catch of a poll loop above the hunk) and java-06 (an access line
 * joined with '+' in a filter); set 20's LC (a skip of another hunk's loop) and CP (a loop over the command line).
 */
class LogHotPathsTest {

    @Test
    void a_line_per_refused_request_is_reported() {
        ClassDiffs25.check("log-refused-request28", Set.of("LOG-01"));
    }

    @Test
    void a_line_per_delivered_message_is_reported_and_lifecycle_callbacks_are_not() {
        ClassDiffs25.check("log-message-callback28", Set.of("LOG-01"));
    }

    @Test
    void a_line_in_a_counted_branch_of_a_loop_above_the_hunk_is_reported() {
        ClassDiffs25.check("log-tallied-catch28", Set.of("LOG-01"));
    }

    @Test
    void a_concatenated_line_per_request_is_reported() {
        ClassDiffs25.check("log-concat-per-request28", Set.of("LOG-02"));
    }

    @Test
    void skips_of_other_hunks_and_command_line_loops_do_not_put_a_line_in_a_hot_loop() {
        ClassDiffs25.check("log-loop-bounds28", Set.of("LOG-01"));
    }

    /**
     * The breadth pass (README, logs28): real logging fixes of repositories no round used, each shape rewritten in new
     * code: per-delivery lines of AMQP, MQTT, RabbitMQ, XMPP and JMS consumers, a line per fetched message, a debug
     * line concatenated in a filter; their fixed forms (debug level, a once-per-subscription callback) are clean.
     */
    @Test
    void the_breadth_pass_shapes_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("log-breadth28", Set.of("LOG-01", "LOG-02"));
    }
}
