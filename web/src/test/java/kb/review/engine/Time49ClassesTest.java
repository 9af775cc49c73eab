package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch cover49): TIME-01 read in code a change adds whole, not only where it deletes a zone
 * ({@code review/classes25/time49-host-zone-readings/}, with its SOURCES.md): a clock reading in the host's zone
 * ({@code LocalDate.now()}, {@code LocalDateTime.now()}, Joda's {@code new DateTime(millis)}) that the added code
 * compares with another time, keeps in a field, a setter or a map entry (a formatted stamp too), or cuts to the host
 * zone's day. Clean: a reading only logged, readings given a zone or clock, Joda instants compared (an instant is the
 * same in any zone), a date handed on to a call, and a user interface's own wall clock.
 */
class Time49ClassesTest {

    @Test
    void host_zone_readings_compared_or_kept_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("time49-host-zone-readings", Set.of("TIME-01"));
    }
}
