package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 49 (branch logid49): LOG-03 log lines rewritten through the same logger, level and message but
 * without the ids they carried ({@code review/classes25/logid49-dropped-log-ids/}, with its SOURCES.md): a request
 * id key-value pair, a correlation id prefix, a {@code WithContext(ctx).WithField("request_id", ...)} chain, an id
 * concatenated into the message. Clean: the id moved into a derived logger or the MDC, a message rewritten into
 * another event, a line that drops a duration (no identifier).
 */
class LogIds49ClassesTest {

    @Test
    void log_lines_that_drop_their_ids_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("logid49-dropped-log-ids", Set.of("LOG-03"));
    }
}
