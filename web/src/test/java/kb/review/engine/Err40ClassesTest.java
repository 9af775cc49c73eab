package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 40 (branch err40); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>Java: an existing catch whose log line with the cause the change deletes, leaving no trace (a proxy answering
 * 502, a poll loop backing off, a client answering "failed"). Clean: a counter in its place, a peer that went away, a
 * comment saying where it is logged, a rethrow, a reworded log line, a log line that repeated a throw.</li>
 * <li>Java: a method that stops declaring {@code throws X} and absorbs X in a new catch that tells no one (returns
 * null, holds a comment, continues). Clean: a rethrow, a logged and counted catch, a failure that cannot happen, a
 * method that never declared it, closing quietly.</li>
 * <li>Go: the logged check of a call that writes state (an update, a set of a state, an own enqueue helper) deleted
 * with the call kept bare; a checked statement ({@code ExecContext}) made bare is ERR-01's, a Commit stays TX-02's.
 * Clean: a comment at the call that says why it may fail, a socket option, a reworded check, a lookup.</li>
 * </ul>
 */
class Err40ClassesTest {

    @Test
    void a_java_catch_whose_cause_log_goes_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err40-java-catch-trace-deleted", Set.of("ERR-01"));
    }

    @Test
    void a_declared_java_failure_absorbed_by_a_new_catch_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err40-java-declared-failure-absorbed", Set.of("ERR-01"));
    }

    @Test
    void a_dropped_go_state_write_error_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err40-go-state-write-error-dropped", Set.of("ERR-01", "TX-02"));
    }
}
