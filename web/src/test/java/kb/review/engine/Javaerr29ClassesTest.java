package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Java classes of session 29 (branch javaerr29), from round 25's Java misses; each directory under
 * {@code review/classes25/} holds defects in different libraries and shapes and clean look-alikes the same rule must
 * not report.
 * <ul>
 * <li>A request handler (JAX-RS, Spring MVC) whose catch of a work failure only returns null: the client reads an
 * outage as an empty answer (java-20; {@code java-handler-failure-answered-null}). Clean: a DAO that documents null,
 * the fix that logs and rethrows, a parse failure, a not-found exception, a handler building its own status.</li>
 * <li>A catch that closes the object whose start failed and falls through to return it (java-08;
 * {@code java-failed-start-returned-closed}). Clean: closed and rethrown, the variable cleared, another object
 * closed, a catch that returns a fallback.</li>
 * <li>A log or rethrow deleted from a catch around a close, leaving it empty (java-33; {@code emptied-catch}, which
 * let every close-only try go before). Clean: a comment that says why, a parameter renamed ignored, a deleted debug
 * line, a close-quietly helper, a quiet close written new.</li>
 * <li>A MongoDB query's {@code maxTime}/{@code maxTimeMS} cut from its chain or deleted as a step (java-12;
 * {@code stripped-timeout}, {@code deleted-timeout-setter}). Clean: the limit moved, a zero limit, maxAwaitTime.</li>
 * <li>A deleted close of an HTTP response (OkHttp, Apache) acquired in the hunk: RES-02, high confidence when the
 * block goes on with {@code continue} (java-05; {@code removed-release} through {@code DeletedResponseCloses}).
 * Clean: the close kept, moved into try-with-resources, and a cursor's close (RES-01, not RES-02).</li>
 * </ul>
 */
class Javaerr29ClassesTest {

    @Test
    void a_handler_answering_a_work_failure_with_null_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr29-handler-failure-null", Set.of("ERR-01"));
    }

    @Test
    void a_failed_start_closed_and_returned_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr29-failed-start-returned", Set.of("ERR-01"));
    }

    @Test
    void a_close_catch_emptied_of_its_warning_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr29-close-catch-emptied", Set.of("ERR-01"));
    }

    @Test
    void a_query_time_limit_cut_or_deleted_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr29-query-time-limit-deleted", Set.of("TMO-01"));
    }

    @Test
    void a_deleted_http_response_close_is_res_02_and_its_look_alikes_are_not() {
        ClassDiffs25.check("javaerr29-response-close-deleted", Set.of("RES-02"));
    }

    @Test
    void a_response_close_deleted_before_a_retry_is_sure_and_one_before_a_throw_is_not() throws IOException {
        assertEquals(List.of("RES-02:HIGH"), found("d1-okhttp-retry-close-deleted.diff"));
        assertEquals(List.of("RES-02:HIGH"), found("d2-apache-poll-close-deleted.diff"));
        assertEquals(List.of("RES-02:LOW"), found("d3-okhttp-error-branch-close-deleted.diff"));
    }

    private static List<String> found(String name) throws IOException {
        String diff = Files.readString(Path.of("web", "src", "test", "resources", "review", "classes25",
                "javaerr29-response-close-deleted", name), StandardCharsets.UTF_8);
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().startsWith("RES-"))
                .map(f -> f.item() + ":" + f.confidence()).toList();
    }
}
