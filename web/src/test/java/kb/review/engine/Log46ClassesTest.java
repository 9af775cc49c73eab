package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 46 (branch log46): LOG-01 lines added at the top of a Go function that runs once per request,
 * known from its signature alone ({@code review/classes25/log46-request-lines/}, with its SOURCES.md): an HTTP
 * handler's {@code ServeHTTP}, a middleware's inner {@code http.HandlerFunc} literal, a gin handler and a gRPC method
 * ({@code analysis/RequestHandlers.perRequest}, read by the per-unit pass). Clean: the same line at debug, a line in
 * the failure branch, a login endpoint's sign-in record and an access-log middleware's own line.
 */
class Log46ClassesTest {

    @Test
    void lines_added_per_request_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log46-request-lines", Set.of("LOG-01"));
    }
}
