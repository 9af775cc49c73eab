package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 precision classes of session 27 (set 19's FK, C and KN), each with defects that stay reported.
 * <ul>
 * <li>Go: the write of an error reply (an error status, named or a 4xx/5xx literal, given to a reply call) on a path
 * that returns bare right after it: the refusal is the handling; a success reply, a refusal followed by more work or
 * by {@code return nil}, and a non-reply call given a status stay reported (go-error-assigned-to-blank).</li>
 * <li>Java: a try whose only statement sends an error status, with an empty catch; a success reply, a try that also
 * does work, and a status handed to a store stay reported (java-swallowed-catch).</li>
 * <li>Java: a null-guarded close with an empty catch, and a JDBC close with a printing catch in a finally; a printed
 * stream close, a flush before the close, a guard on another variable and a commit stay reported.</li>
 * <li>Java: a try whose every statement is a trace or debug log call; a try that also works, or logs at info with a
 * working call in the message, stays reported.</li>
 * </ul>
 */
class ErrRefusalsAndQuietCatchesTest {

    @Test
    void go_refusal_reply_written_before_a_bare_return_is_not_reported() {
        ClassDiffs25.check("err-go-refused-reply", Set.of("ERR-01"));
    }

    @Test
    void java_refusal_reply_in_its_own_try_is_not_reported() {
        ClassDiffs25.check("err-java-refused-reply", Set.of("ERR-01"));
    }

    @Test
    void java_guarded_close_in_finally_is_not_reported() {
        ClassDiffs25.check("err-java-close-in-finally", Set.of("ERR-01"));
    }

    @Test
    void java_trace_only_try_is_not_reported() {
        ClassDiffs25.check("err-java-trace-only-catch", Set.of("ERR-01"));
    }
}
