package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 44 (branch err44), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A Go check whose branch only logged the error, made a bare call by the edit ({@code
 * go-checked-error-now-dropped}): the log line was the failure's only trace. Clean: the error discarded as {@code _},
 * a debug-level log, a comment saying why, the check moved into a helper the change adds.</li>
 * <li>A Go call's error dropped ({@code _ =} or bare) by a line the change adds beside a kept check of the same call
 * ({@code go-checked-call-dropped-beside-check}). Clean: the same call discarded inside an {@code if err != nil}
 * branch (cleanup on a failing path), another value's close, a bare close the change only spells out as
 * {@code _ =}.</li>
 * <li>An MQTT client's token waited for and its {@code Error()} never read ({@code go-token-error-never-read}):
 * chained on the publish, or bound and waited with a bound while the lines below never mention it. Clean: the error
 * read after the wait, Paho's {@code t.Wait() && t.Error() != nil} idiom, a wait group and a token handed on.</li>
 * <li>A Java rollback deleted from a catch that still rethrows, below a commit in the try ({@code
 * rollback-cut-from-rethrowing-catch}). Clean: the rollback moved into a finally, an undo with no transaction in
 * sight, a catch whose throw goes too.</li>
 * <li>A Java catch whose rethrow the change replaces by an error log with the cause and {@code return null}
 * ({@code java-catch-handling-replaced-by-log}): a lookup that now says "missing" for "could not look". Clean: a
 * bad value's parse answered null.</li>
 * </ul>
 */
class DroppedFailures44ClassesTest {

    @Test
    void a_logged_check_made_a_bare_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err44-go-logged-check-made-bare", Set.of("ERR-01"));
    }

    @Test
    void a_call_dropped_beside_its_own_check_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err44-go-checked-call-dropped-beside", Set.of("ERR-01"));
    }

    @Test
    void a_token_waited_without_its_error_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err44-go-token-error-unread", Set.of("ERR-01"));
    }

    @Test
    void a_rethrow_made_a_logged_null_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err44-java-throw-made-logged-null", Set.of("ERR-01"));
    }

    @Test
    void a_rollback_cut_from_a_rethrowing_catch_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err44-java-rollback-cut-from-rethrow", Set.of("TX-01"));
    }
}
