package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Java classes of session 31 (branch javaerr31), from round 27's Java misses taken as classes; each directory under
 * {@code review/classes25/} holds defects of several shapes and libraries and clean look-alikes the same rules must
 * not report.
 * <ul>
 * <li>A pasted hunk that ends inside a block handed to a call (an anonymous ThreadFactory or Runnable, a lambda given
 * to execute or forEach): the gap closes it with the call ({@code });}), so a dropped future in a later hunk is
 * still read (java-09; {@code HunkGaps}/{@code JavaGaps}, rule {@code java-future-ignored}). Clean: the futures kept,
 * {@code execute}, a task that logs its own failure.</li>
 * <li>A catch of a database failure (a BatchUpdateException, a driver's PSQLException, Android's SQLiteException)
 * that only logs at debug, trace, {@code Log.d} or {@code Timber.v} (java-04; {@code java-work-failure-logged-at-debug}).
 * Clean: warned and rethrown, logged at error and answered, a close, a comment that says why.</li>
 * <li>An edit that replaces a throw with a debug line and a default (the JVM's socket factory, built-in defaults, a
 * zero count) (java-16; {@code java-failure-handling-replaced-by-default}). Clean: a warning with the cause, a
 * reworded debug line of an old fallback, the last good value.</li>
 * <li>A catch of a failed database write (Android delete, JDBC insert, JPA persist, Spring Data save) that logs a
 * line without the exception and goes on (java-32; {@code java-write-failure-logged-without-cause}). Clean: logged
 * with the exception and answered, a read, a migration step with a reason, a cleanup in a finally.</li>
 * <li>A periodic task by method reference or a lambda calling a visible method whose body can throw (round 27's
 * java-22 with the schedule in sight; {@code java-scheduled-task-without-catch}, unchanged). Clean: a catch-all.</li>
 * </ul>
 */
class Javaerr31ClassesTest {

    @Test
    void a_dropped_future_after_a_hunk_cut_inside_a_call_argument_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr31-cut-call-hunk", Set.of("CONC-06"));
    }

    @Test
    void a_database_failure_logged_at_debug_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr31-db-failure-at-debug", Set.of("ERR-01"));
    }

    @Test
    void a_throw_replaced_by_a_quiet_default_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr31-throw-replaced-by-quiet-default", Set.of("ERR-01"));
    }

    @Test
    void a_write_failure_logged_without_its_cause_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr31-write-failure-without-cause", Set.of("ERR-01"));
    }

    @Test
    void a_periodic_task_that_can_throw_is_reported_and_a_guarded_one_is_not() {
        ClassDiffs25.check("javaerr31-periodic-task-throws", Set.of("CONC-07"));
    }
}
