package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 48 (branch logj48): LOG-01 lines in a Java method that runs once per event by its role, with no
 * loop in view ({@code review/classes25/log48-per-event-methods/}, with its SOURCES.md): a servlet filter's request
 * method, a log appender's {@code append(event)}, a websocket handler, a Netty read callback, known from the models'
 * {@code per-event:} entries ({@code content/rules/models/java-per-event-48.yaml}) by the method's declaration, the
 * hunk's heading or the class's supertypes. Clean: a filter's {@code init} line, a listener's line under a debug
 * test, a servlet's warn in a validation branch, an application-ready listener's line, and (by the merge's decision)
 * one servlet's line per query: one endpoint's line per call is its access log.
 */
class PerEvent48ClassesTest {

    @Test
    void lines_in_per_event_methods_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log48-per-event-methods", Set.of("LOG-01"));
    }
}
