package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 54 (branch time54): TIME-01 in the forms of an explicit zone traded for the host's that the
 * earlier readings did not take ({@code review/classes25/time54-zones/}, with its SOURCES.md): a rewrite that moves
 * from an offset, an instant or a zone constant to the system default in another call shape, a JDBC calendar given
 * up for {@code Timestamp.valueOf}, a UTC clock made the default-zone clock, a scheduling annotation's or trigger's
 * zone dropped, Go's {@code time.Local} in a location's place, a location dropped before calendar fields or a
 * schedule's next time are read. Clean: the zone moved to a field or a property, a user-interface clock, a
 * command's local display, a comparison that needs no zone. Beside them, OPS-01 look-alikes from the precision sets
 * ({@code review/classes25/lead54-real-code/}).
 */
class Zones54ClassesTest {

    @Test
    void explicit_zones_traded_for_the_hosts_are_reported_in_every_form_and_their_look_alikes_are_not() {
        ClassDiffs25.check("time54-zones", Set.of("TIME-01"));
    }

    /** Real-code look-alikes of session 54's precision sets: a stop path moved or rewritten whole keeps its wait. */
    @Test
    void a_wait_that_moved_with_its_code_is_not_a_wait_dropped_from_a_stop_path() {
        ClassDiffs25.check("lead54-real-code", Set.of("OPS-01"));
    }
}
