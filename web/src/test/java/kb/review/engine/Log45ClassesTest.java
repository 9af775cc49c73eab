package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 45 (branch log45): LOG-01 lines raised from a quiet level on a logger reached through a call or
 * a chain ({@code review/classes25/log45-chained-loggers/}, with its SOURCES.md): the logger of a context
 * ({@code log.FromContext(ctx)}, zerolog's {@code Ctx}), a logger built per line with fields ({@code WithFields},
 * {@code WithValues} chains), a logger fetched from a factory; and the level given as an argument
 * ({@code log(Level.FINE, ...)} raised to {@code Level.INFO}). The readers of the raised level and of per-unit lines
 * read the call's spine ({@code analysis/CodeText.spine}). Clean: a start-up line, a summary after its loop and a
 * "configuration reloaded" line raised on such loggers, and a raise to {@code Level.WARNING} for an anomaly.
 */
class Log45ClassesTest {

    @Test
    void lines_raised_on_chained_loggers_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log45-chained-loggers", Set.of("LOG-01"));
    }
}
