package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resource classes of session 32 (branch res32). Each directory under {@code classes25/res32-*} holds defects in
 * several libraries and shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real
 * fixes each was modelled on).
 * <ul>
 * <li>A deleted release a library model names, other than the closes, rollbacks and shutdowns {@link RemovedReleases}
 * reads by pattern: a Go ticker's {@code Stop} (deferred or at the exit), a NATS subscription's {@code Unsubscribe},
 * a pgx pool connection's {@code Release}, a JSch session's {@code disconnect}, a WebDriver's {@code quit}, the
 * acquisition kept in view ({@link DeletedModelReleases}, RES-01). Clean: the release put back below, the value handed
 * to an owner, a one-shot timer (no model), the value given back to a pool, the whole method deleted.</li>
 * <li>An exit the change writes between an acquisition and the {@code try} whose {@code finally} releases it (an
 * Android cursor, a pooled JDBC connection, file and archive streams; a {@code return} or a {@code throw}), also when
 * the diff cuts the method before the {@code finally} ({@link ExitsBeforeTry}, RES-01). Clean: the value closed
 * before the new exit, a null check of the value itself, the check written before the acquisition.</li>
 * <li>A JDBC connection taken in a plain {@code try}/{@code catch} and handed to a helper that makes a statement on it
 * ({@code PreparedStatement ps = query.prepare(conn)}): the helper borrows it, so the connection still leaks on every
 * path ({@code Uses}, RES-01). Clean: the connection closed in {@code finally}, a connection handed to an object the
 * method returns.</li>
 * <li>A call on the object's own client replaced by the same call on a client built in the method (Go
 * {@code &http.Client{...}}, JDK {@code HttpClient}, OkHttp; {@link SharedClientCallsReplaced}, RES-04). Clean: a
 * client built in a constructor, one built and returned to a caller that keeps it, a request rebuilt per call with
 * the shared client still sending it.</li>
 * <li>JAX-RS clients without timeouts: {@code ClientBuilder.newClient()} (a field initialiser too), a
 * {@code ClientBuilder.newBuilder()} or RESTEasy builder that sets none ({@code java-jaxrs-32.yaml}, TMO-01). Clean:
 * both timeouts set on the builder, a client from a configuration.</li>
 * <li>The caller's context argument ({@code ctx}, {@code r.Context()}, a request's context field) replaced by
 * {@code context.Background()}/{@code TODO()} in the same call ({@link ReplacedContextArguments}, TMO-02). Clean: a
 * fresh context in a {@code defer} or a {@code go} statement, a bounded child of the caller's context.</li>
 * </ul>
 */
class Res32ClassesTest {

    @Test
    void a_deleted_release_named_by_a_model_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-deleted-model-release", Set.of("RES-01"));
    }

    @Test
    void an_exit_written_above_the_try_that_releases_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-exit-before-try", Set.of("RES-01"));
    }

    @Test
    void a_connection_lent_to_a_statement_helper_and_never_closed_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-connection-statement-helper", Set.of("RES-01"));
    }

    @Test
    void a_call_on_the_held_client_moved_to_a_client_built_per_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-res04-field-client-replaced", Set.of("RES-04"));
    }

    @Test
    void a_jaxrs_client_without_timeouts_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-tmo01-jaxrs-client", Set.of("TMO-01"));
    }

    @Test
    void a_context_argument_replaced_by_a_fresh_one_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res32-tmo02-context-argument-replaced", Set.of("TMO-02"));
    }
}
