package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 48 (branch err48), the directory {@code review/classes25/err48-catch-all-commented/} with its
 * SOURCES.md.
 * <ul>
 * <li>A catch of everything around the work (a task run, a send, a write) whose body is only a comment: the comment
 * does not log or count what the catch of everything takes.</li>
 * <li>A Kubernetes (or other) client library's exception logged only at debug: a remote call's failure.</li>
 * <li>A bare {@code WriteHeader} on a tar writer stays reported; given an HTTP status, it is
 * {@code http.ResponseWriter}'s, which returns nothing.</li>
 * </ul>
 * Clean: the failure logged and rethrown, a best-effort cleanup, a retry said in the comment, a probe method, and a
 * buffering HTTP writer named {@code tw}.
 */
class CatchAll48ClassesTest {

    @Test
    void failures_of_the_work_dropped_by_added_code_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err48-catch-all-commented", Set.of("ERR-01"));
    }
}
