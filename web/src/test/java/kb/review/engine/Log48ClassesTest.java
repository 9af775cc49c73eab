package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 48 (branch logg48): LOG-01 lines at the top of a Go function that runs once per event with no
 * loop in sight, known from what the file shows ({@code review/classes25/logg48-per-event/}, with its SOURCES.md): a
 * framework's entry point by its signature ({@code per-event:} of {@code go-per-event-48.yaml}: Reconcile, an
 * informer's OnUpdate, a gRPC interceptor), a method the file registers as a callback, or a callee of the file's own
 * event loop ({@code analysis/GoPerEvent}). Clean: a callee of a loop over a list in hand, a summary called from a
 * ticker's case, a line at a hidden verbosity, a callback registered for the connect event. And LOG-03 lines an edit
 * keeps but writes through a wider logger ({@code review/classes25/logg48-widened-loggers/},
 * {@code analysis/WidenedLoggers}); clean: the other way round, a reworded line, a logger derived again.
 */
class Log48ClassesTest {

    @Test
    void lines_in_functions_that_run_per_event_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("logg48-per-event", Set.of("LOG-01"));
    }

    @Test
    void lines_rewritten_through_a_wider_logger_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("logg48-widened-loggers", Set.of("LOG-03"));
    }
}
