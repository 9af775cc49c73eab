package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 41 (branch time41), TIME-01 and TMO-01, each in its own folder under {@code review/classes25/}:
 * <ul>
 * <li>{@code time41-host-zone-location}: an explicit zone replaced by the host's in a Go call that takes a location
 * ({@code time.ParseInLocation}, {@code In}); the reading of {@link StrippedZones} no longer takes the edited line
 * itself for a zone that moved;</li>
 * <li>{@code time41-instant-made-wall-clock}: a Java statement that read an instant rewritten to read the host's wall
 * clock ({@link InstantsMadeWallClock});</li>
 * <li>{@code time41-go-timeout-assignment}: a Go timeout field set by an assignment statement, deleted from the
 * settings it kept ({@link GoStrippedTimeouts});</li>
 * <li>{@code time41-grpc-options-slice}: a blocking gRPC dial whose options are assembled in a slice before the call
 * (the timeout models read what the function puts in the slice);</li>
 * <li>{@code time41-deleted-setter-construction}: a Java timeout setter deleted below the line that builds its
 * receiver, reported at that line ({@link DeletedTimeoutSetters}).</li>
 * </ul>
 */
class Time41ClassesTest {

    @Test
    void an_explicit_zone_replaced_by_the_hosts_in_a_location_argument_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time41-host-zone-location", Set.of("TIME-01"));
    }

    @Test
    void an_instant_rewritten_as_the_hosts_wall_clock_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time41-instant-made-wall-clock", Set.of("TIME-01"));
    }

    @Test
    void a_deleted_go_timeout_assignment_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time41-go-timeout-assignment", Set.of("TMO-01"));
    }

    @Test
    void a_blocking_grpc_dial_with_options_from_a_slice_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time41-grpc-options-slice", Set.of("TMO-01"));
    }

    @Test
    void a_deleted_java_timeout_setter_is_reported_once_at_the_construction_it_bounded() {
        ClassDiffs25.check("time41-deleted-setter-construction", Set.of("TMO-01"));
    }
}
