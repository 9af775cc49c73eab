package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 42 (branch time42), TIME-01: a change that takes away the zone an old line fixed for a time
 * that is stored, signed or sent. Each in its own folder under {@code review/classes25/}:
 * <ul>
 * <li>{@code time42-go-zone-dropped-before-text}: Go, {@code .UTC()} or {@code .In(loc)} dropped from a time the
 * same line writes as text (the layout may change in the same stroke), and a parse that loses its location
 * ({@link StrippedZones});</li>
 * <li>{@code time42-jdbc-calendar-dropped}: Java, the calendar argument of a JDBC date-time setter or getter
 * removed, so the driver converts in the JVM's zone ({@link StrippedZones});</li>
 * <li>{@code time42-host-zone-for-a-fixed-one}: Java, a fixed zone replaced by the host's in a formatter (the import
 * and the host-zone link no longer read as a zone that moved), and the host's wall clock kept in a local that a later
 * line converts with a fixed zone ({@link StrippedZones}, {@link WallClockInstants}).</li>
 * </ul>
 */
class Time42ClassesTest {

    @Test
    void a_go_zone_dropped_from_a_time_written_as_text_or_parsed_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time42-go-zone-dropped-before-text", Set.of("TIME-01"));
    }

    @Test
    void a_jdbc_calendar_argument_removed_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time42-jdbc-calendar-dropped", Set.of("TIME-01"));
    }

    @Test
    void a_fixed_zone_given_up_for_the_hosts_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time42-host-zone-for-a-fixed-one", Set.of("TIME-01"));
    }
}
