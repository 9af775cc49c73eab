package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 40 (branch time40), TIME-01, each in its own folder under {@code review/classes25/}:
 * <ul>
 * <li>{@code time40-protocol-zone-label}: a time written in a form whose zone a protocol fixes or whose text names
 * UTC, from a formatter in the host's zone ({@link UtcLiteralFormats}: Java HTTP-date patterns and
 * {@code 'GMT'}/{@code 'UTC'} literals; Go's layouts are only clean look-alikes here, the Go reading was withdrawn);</li>
 * <li>{@code time40-zone-taken-off}: an edit that takes the explicit zone off a time the function returns or reads
 * calendar fields from, or replaces the zone with the host's ({@link StrippedZones});</li>
 * <li>{@code time40-wall-clock-instant}: the host's wall clock converted to an instant as if it were UTC
 * ({@link WallClockInstants}).</li>
 * </ul>
 */
class Time40ClassesTest {

    @Test
    void a_protocol_zone_written_from_a_host_zone_time_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time40-protocol-zone-label", Set.of("TIME-01"));
    }

    @Test
    void a_zone_taken_off_a_time_that_leaves_or_is_read_by_calendar_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time40-zone-taken-off", Set.of("TIME-01"));
    }

    @Test
    void a_host_wall_clock_read_as_utc_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time40-wall-clock-instant", Set.of("TIME-01"));
    }
}
