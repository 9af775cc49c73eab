package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Go ERR-01 where the error does not come back as a plain last result (session 31, branch goerr31), each class from
 * real fixes in several repositories (the SOURCES.md of each {@code classes25/goerr31-*} directory), defects beside
 * clean look-alikes the same rules must not report.
 * <ul>
 * <li>An error carried inside the returned value and dropped with it ({@code go-carried-error-unchecked}, the model
 * {@code go-carried-errors-31.yaml}): a bare gorm {@code Save}, a {@code Where(...).Delete(...)} chain, an
 * {@code Updates} inside a transaction callback, a bare go-redis {@code Expire}, {@code HSet} and {@code Del}. Clean:
 * the fixes (the chain's {@code Error}, the command's {@code Err()}), a chain assigned and its {@code Error} read,
 * commands queued on a pipeline, in-memory caches' {@code Set}/{@code Delete}, database/sql's own {@code Exec}.</li>
 * <li>A failure answered as an ordinary value ({@code go-error-answered-as-absent}, and the fall-through form in
 * {@code go-error-branch-swallows-failure}): a controller's {@code Get} failure answered "not there", a
 * {@code Stat} failure read as absent, a lookup's failure replaced by {@code return nil, nil}, a failed existence
 * check zeroed ({@code found = false}) before an upload, a failed HEAD answered "present". Clean: the fixes naming
 * the absence ({@code IsNotFound}, {@code fs.ErrNotExist}, {@code sql.ErrNoRows}), optional data answered with nil, a
 * parse default, a comment that says why, a function named for its fall-back.</li>
 * <li>LOG-02 beside them: a printf-style debug or trace call ({@code Debugf}, {@code Tracef}) handed a message already
 * formatted by {@code fmt.Sprintf}/{@code Sprint} ({@code go-log-debug-sprintf}). Clean: the lazy form, the eager form
 * under a level test.</li>
 * </ul>
 */
class Goerr31ClassesTest {

    @Test
    void an_error_carried_in_a_dropped_value_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr31-carried-error", Set.of("ERR-01"));
    }

    @Test
    void a_failure_answered_as_an_ordinary_value_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr31-error-as-answer", Set.of("ERR-01"));
    }

    @Test
    void a_debugf_handed_a_formatted_message_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("goerr31-debugf-sprintf", Set.of("LOG-02"));
    }
}
