package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch log51): LOG-01 lines whose unit of work is told by the stream the enclosing loop reads
 * ({@code review/classes25/log51-stream-turns/}, with its SOURCES.md): a buffer cut to the count a read returned in
 * the line's block (the read and the loop's header above the hunk), a branch that filters each unit read, a blocking
 * take from a queue in the line's block, a loop whose condition reads the next line of a stream, and a
 * first-of-a-streak test deleted around a failure line. Clean: a handshake's one read at the function's level, a
 * buffer truncated in place, an end-of-stream branch that returns, a version file's one line read, the per-line
 * command at debug, the first-failure test rewritten and kept.
 */
class StreamTurns51ClassesTest {

    @Test
    void lines_per_unit_of_a_read_stream_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log51-stream-turns", Set.of("LOG-01"));
    }
}
