package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 47 (branch log47): LOG-01 lines added in a Go loop body whose header is above the hunk, known
 * by the work the body does once per element ({@code review/classes25/log47-collecting-turns/}, with its SOURCES.md):
 * it grows an outer slice by one value, it reads the next unit of a stream, or it starts one goroutine per element
 * ({@code analysis/GoCollectingTurns}). Clean: an append of literal options, a one-shot body read, a background
 * goroutine started once, and a debug line beside a collected row.
 */
class Log47ClassesTest {

    @Test
    void lines_in_hidden_collecting_turns_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log47-collecting-turns", Set.of("LOG-01"));
    }
}
