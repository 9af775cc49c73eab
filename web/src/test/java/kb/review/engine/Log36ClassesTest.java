package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 36 (branch log36); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>An added log line on a path whose role runs it once per unit of traffic, with no loop in sight and no level
 * raised (LOG-01, {@code go-log-per-unit-role} and {@code java-log-per-unit-role}, new; analysis
 * {@code log-per-unit}): a pipeline stage's {@code Push(ev)}, a packet-in callback {@code PacketRcvd}, a receive
 * function that builds a fields map with the decoded message for a Go debug line, a queue's {@code Receive} that
 * logs each leased message (zerolog), a task's line about what {@code consumer.receive()} just returned, a Netty
 * content callback, a {@code Consumer<Event>.accept}, Android's {@code onSensorChanged}. Clean: a warn on the
 * failure branch, a Go debug line with the event's id only, a parameterised debug line per message, an info line per
 * connection event, a line before a returned error, a first poll in {@code start()}, a warn on a full queue.</li>
 * </ul>
 */
class Log36ClassesTest {

    @Test
    void a_line_added_on_a_per_unit_path_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log36-per-unit-role", Set.of("LOG-01"));
    }
}
