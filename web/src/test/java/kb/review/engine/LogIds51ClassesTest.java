package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch ids51): LOG-03 failure and per-item lines an edit takes off what identified their call
 * ({@code review/classes25/ids51-ids-dropped-from-failure-lines/}, with its SOURCES.md). Defects: a Go line moved
 * off a logger bound to the call (from the context, derived with the delivery id, a handler's local logger) onto the
 * standard logger, and lines that keep their logger and message but drop a uid, a call sid or a session key. Clean: a
 * start-up line, a debug line, another event, the receiver's logger, an object (not its id) and a name dropped while
 * the uid stays.
 */
class LogIds51ClassesTest {

    @Test
    void lines_taken_off_their_call_ids_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("ids51-ids-dropped-from-failure-lines", Set.of("LOG-03"));
    }
}
