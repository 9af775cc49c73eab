package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 38 (branch res38); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>Children closed with their parent (RES-01, model {@code broker-child}, {@code closed-with-owner}): a JMS session
 * or AMQP channel made on a connection the same method opens is that connection's; one made per call on a connection
 * that stays open is still a leak, as is the connection itself.</li>
 * <li>A client built in the middle of a method the hunk shows only in part (RES-04, {@code java-client-per-call}):
 * JDK, OkHttp and a stored builder; clean: a shared field, a lazy getter, a factory's return.</li>
 * <li>A rollback helper deleted from an error path (TX-01, removed release): a private quiet helper, a transaction
 * manager given the status, a static utility; clean: moved to {@code finally}, a template callback that rethrows, a
 * method deleted whole.</li>
 * </ul>
 */
class Res38ClassesTest {

    @Test
    void children_closed_with_their_connection_are_not_leaks_and_the_connection_is() {
        ClassDiffs25.check("res38-closed-with-owner", Set.of("RES-01"));
    }

    @Test
    void a_client_built_among_a_cut_methods_statements_is_per_call() {
        ClassDiffs25.check("res38-cut-method-client", Set.of("RES-04"));
    }

    @Test
    void a_rollback_helper_deleted_from_an_error_path_is_reported() {
        ClassDiffs25.check("res38-deleted-rollback-helper", Set.of("TX-01"));
    }
}
