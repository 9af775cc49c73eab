package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 45 (branch pool45), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A client or transport built by a helper that per-call code calls (RES-04): reported at the call, where the
 * change makes one per request (a transport helper called per scrape, a helper's transport written into a client
 * literal built per delivery, a provider method called per poll); an inline call of the class's client factory in
 * place of the kept client ({@link SharedClientCallsReplaced}, under a local that holds the call's answer). Clean: the
 * helper called by a constructor and kept; a helper's client with only a timeout (the default transport's pool).</li>
 * <li>A timeout taken off where the old code set it (TMO-01): a setter reached through the client's parameter getters
 * deleted ({@link DeletedTimeoutSetters}: Commons HttpClient 3's {@code client.getParams().setSoTimeout(ms)}); a wait's
 * bound dropped while its wrapped statement is joined onto one line ({@link StrippedTimeouts} compares statements,
 * not lines). Clean: the timeouts moved onto the shared connection manager; the statement joined with its bound; a
 * cookie policy deleted through the same getters.</li>
 * </ul>
 */
class Pool45ClassesTest {

    @Test
    void a_client_built_by_a_helper_per_call_is_reported_at_the_call_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pool45-clients-built-by-helpers", Set.of("RES-04"));
    }

    @Test
    void a_timeout_taken_off_through_getters_or_across_joined_lines_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pool45-timeouts", Set.of("TMO-01"));
    }
}
