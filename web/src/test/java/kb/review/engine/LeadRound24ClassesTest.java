package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 27's lead classes, read from round 24's misses: each is an edit whose removed lines are the evidence.
 * <ul>
 *   <li>TMO-01 {@code timed-wait-made-unbounded}: a wait with a limit traded for the same receiver's wait without
 *       one (paho's WaitTimeout, a future's get, a latch's await, a queue's poll, a lock's tryLock, Reactor's block).
 *       Clean: the bound rewritten, another receiver, the limit kept.</li>
 *   <li>TMO-01 {@code go-deadline-context-dropped}: a WithTimeout/WithDeadline child deleted and its parent handed to
 *       the call (grpc, database/sql, net/http, go-redis, nats). Clean: the deadline remade, a cancel-only child,
 *       the child renamed.</li>
 *   <li>ERR-01 {@code java-failure-handling-replaced-by-default}: a catch's rethrow or error line replaced by a bare
 *       default return. Clean: a log kept beside the default, a result built from the exception, a default before.</li>
 * </ul>
 */
class LeadRound24ClassesTest {

    @Test
    void a_wait_whose_limit_the_edit_drops_is_reported() {
        ClassDiffs25.check("tmo-timed-wait-unbounded", Set.of("TMO-01"));
    }

    @Test
    void a_call_handed_the_parent_of_its_deleted_deadline_is_reported() {
        ClassDiffs25.check("tmo-deadline-ctx-dropped", Set.of("TMO-01"));
    }

    @Test
    void a_catch_whose_rethrow_became_a_default_answer_is_reported() {
        ClassDiffs25.check("err-failure-replaced-by-default", Set.of("ERR-01"));
    }
}
