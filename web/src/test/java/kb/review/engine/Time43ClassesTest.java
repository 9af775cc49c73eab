package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 43 (branch time43), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A zone the code holds or claims, and a time that does not get it (TIME-01): a Go time read from the host's
 * clock and formatted under a layout that writes GMT, UTC or Z as text ({@link UtcLiteralFormats}); a Go
 * {@code *time.Location} parameter or loaded package location never used while a wall-clock time is built in the
 * host's zone or UTC ({@link IgnoredLocations}); a Java zone setter of a chosen zone (a conditional with UTC on one
 * branch) deleted, a clock's zone dropped from {@code now(...)}, and a setter deleted in a renamed class whose
 * renamed signature names the zone as before ({@link StrippedZones}). Clean: HTTP dates made UTC or handed in,
 * local times under offset or display layouts, a default-zone setter deleted, the zone moved into a renamed class's
 * constructor, a location parameter used, a project clock's time, a zone-less clock dropped.</li>
 * <li>A client's timeout steps cut from the end of its builder chain, the step above taking over the chain's closing
 * text, or its socket options step ({@code .withSocketOptions(opts)}) deleted (TMO-01, {@link DeletedTimeoutSetters}).
 * Clean: the end moved over a pool-size step, the timeout moved to a setter, the options handed on by a helper.</li>
 * </ul>
 */
class Time43ClassesTest {

    @Test
    void a_held_or_claimed_zone_a_time_does_not_get_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time43-held-zones", Set.of("TIME-01"));
    }

    @Test
    void timeout_steps_cut_from_a_chain_end_or_its_socket_options_are_reported_and_look_alikes_are_not() {
        ClassDiffs25.check("time43-timeout-tails", Set.of("TMO-01"));
    }
}
