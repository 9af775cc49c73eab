package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 42 (branch log42); its directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>{@code log42-failure-spin}: a failure branch that only logs, in a loop run until it is stopped, around the read
 * of a connection or stream (LOG-01, {@code go-log-failure-spins-loop}, {@code java-log-failure-spins-loop},
 * {@code analysis/SpinningFailureLogs}). SLF4J, Android's Log, JUL, logr, zerolog, the standard log. Clean: a branch
 * that returns, closes or backs off, a timeout catch, a loop over a collection or with a counter, a loop paced by a
 * ticker, the failure of a handler rather than of the read.</li>
 * </ul>
 */
class Log42ClassesTest {

    @Test
    void a_failure_branch_that_only_logs_in_an_endless_read_loop_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log42-failure-spin", Set.of("LOG-01"));
    }
}
