package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 33 (branch log33); the directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>An unconditional info or warn line at the top of a function whose role is to take one delivered event,
 * message, packet, frame or record: Go functions named as dispatchers or handlers (Dispatch, handle..., On...,
 * process..., consume..., receive..., deliver...) with a parameter of such a type from any package, and function
 * literals with one handed to a call (a subscription); Java methods named the same way whose one parameter is of such
 * a type, and {@code on...Message}/{@code on...Event} callbacks (LOG-01; {@code go-log-per-event-handler}, new, and
 * {@code java-log-per-message-callback}, extended, with Android's {@code Log.i}/{@code Log.w}). Clean: a debug line, a
 * failure branch, one summary line per batch, a connection or join event (rare by its name), an HTTP handler named
 * for an event (the per-request class, not landed), Spring's application-ready and context-refreshed events.</li>
 * <li>Android's {@code Log} and Timber at info and above as loggers of the loop rules (a model in
 * {@code content/rules/models/java-android-logging-33.yaml}): a {@code Log.i} per cursor row is reported, a
 * {@code Log.d} per row with one summary after the loop is not.</li>
 * </ul>
 */
class Log33ClassesTest {

    @Test
    void an_info_line_per_delivered_event_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log33-info-line-per-event-role", Set.of("LOG-01"));
    }
}
