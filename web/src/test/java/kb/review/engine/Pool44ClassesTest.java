package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 44 (branch pool44), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A client the object shares given up for one built per call (RES-04): the choice between two kept clients
 * replaced by a new one, a pool's lent connection replaced by one {@code DriverManager} opens, a call on a kept broker
 * connection replaced by a connection a factory opens in the try header ({@link ReplacedSharedClients},
 * {@link SharedClientCallsReplaced}); the {@code == null} guard (a lazy field, a per-host cache) that built the client
 * once deleted ({@link DroppedClientGuards}). Clean: the guard dropped in a constructor, replaced by
 * {@code computeIfAbsent}, around a formatter; a connection borrowed from another pool; the choice moved into the
 * holder; a Go transport wrapped for tracing inside the client a factory returns.</li>
 * <li>A timeout taken off through a configuring callback (TMO-01, {@link DeletedTimeoutSetters}): Elasticsearch's
 * {@code setRequestConfigCallback(rc -> rc.setConnectTimeout(ms)...)} deleted with the local holding its value. Clean:
 * a credentials callback deleted; a Go struct's whole client field dropped for a shared bounded client
 * ({@link GoStrippedTimeouts} reads no stripped bound there).</li>
 * </ul>
 */
class Pool44ClassesTest {

    @Test
    void a_shared_client_given_up_for_one_built_per_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pool44-shared-clients", Set.of("RES-04"));
    }

    @Test
    void a_timeout_callback_deleted_is_reported_and_a_client_field_dropped_whole_is_not() {
        ClassDiffs25.check("pool44-timeouts", Set.of("TMO-01"));
    }
}
