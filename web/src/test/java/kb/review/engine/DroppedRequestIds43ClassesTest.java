package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 43 (branch log43), {@code review/classes25/log43-dropped-request-ids/} with its SOURCES.md: an edit
 * that rewrites a log line at info or above and leaves out the request, correlation or trace id the removed line passed
 * (LOG-03, {@code java-log-line-drops-request-id} and {@code go-log-line-drops-request-id}). Clean: the id kept in a
 * reworded line, the id moved into the MDC or into a logger derived with it, a removed debug line.
 */
class DroppedRequestIds43ClassesTest {

    @Test
    void a_log_line_that_loses_its_request_id_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log43-dropped-request-ids", Set.of("LOG-03"));
    }
}
