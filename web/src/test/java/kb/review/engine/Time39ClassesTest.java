package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 39 (branch time39), in {@code review/classes25/time39-zone-convention/}: a file that keeps its
 * times in an explicit zone, and an added line that makes one in the host's zone and keeps, sends or prints it
 * (TIME-01, {@code time-zone-convention-broken}, {@link ZoneConventionBreaks}). Defects: a Go update stamp assigned
 * to a document field (mgo), a Go creation time formatted with a layout that prints no offset, an injected clock's
 * reading whose {@code .UTC()} the edit dropped, a Java {@code SimpleDateFormat} of a time of day beside a UTC helper,
 * an inline one in a file whose calendar is UTC, a commons-lang {@code FastDateFormat} beside a UTC
 * {@code DateTimeFormatter}. Clean: a start timed with {@code time.Since}, Unix seconds, a layout that prints its
 * offset, a file with no zone anywhere, a deadline argument and a comparison, a date-only pattern, a formatter given
 * UTC in a static block, a pattern with an offset field.
 */
class Time39ClassesTest {

    @Test
    void a_host_zone_time_in_a_file_that_keeps_utc_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time39-zone-convention", Set.of("TIME-01"));
    }
}
