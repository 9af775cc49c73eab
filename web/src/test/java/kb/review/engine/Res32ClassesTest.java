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
}
