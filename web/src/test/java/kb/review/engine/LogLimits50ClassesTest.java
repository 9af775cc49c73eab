package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch log50): LOG-01 log lines an edit frees from the limit that kept them rare
 * ({@code review/classes25/log50-removed-log-limits/}, with its SOURCES.md): a verbosity switch or a logging option
 * taken from around the same line, a throttling link cut from the logger's chain, a once-per-value set test deleted,
 * a limiter's early return deleted above the line of a logging function. Clean: the line moved to debug, a start
 * line freed from its switch, a limiter removed from a function whose work is not the line, a throttled line keeping
 * its throttler, a switch renamed.
 */
class LogLimits50ClassesTest {

    @Test
    void log_lines_freed_from_their_limits_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log50-removed-log-limits", Set.of("LOG-01"));
    }

    /**
     * The same branch's YAML addition: tollbooth's refusal ({@code if httpErr := tollbooth.LimitByRequest(...); httpErr
     * != nil}) is a limiter's refused branch for {@code go-log-per-refused-request} ({@code log50-refused-request-lines/}).
     * Clean: a debug line there, a failed {@code cgroups.LimitMemory} (a Limit call that refuses no request).
     */
    @Test
    void lines_in_tollbooths_refused_branch_are_reported_and_a_failed_limit_call_is_not() {
        ClassDiffs25.check("log50-refused-request-lines", Set.of("LOG-01"));
    }

    /**
     * The same branch's model addition: bstream's {@code ProcessBlock(blk *pbbstream.Block, obj interface{})} is a Go
     * per-event head ({@code log50-per-event-heads/}). Clean: the handler's line sampled to one block in a thousand.
     */
    @Test
    void a_line_per_block_of_a_bstream_handler_is_reported_and_a_sampled_one_is_not() {
        ClassDiffs25.check("log50-per-event-heads", Set.of("LOG-01"));
    }
}
