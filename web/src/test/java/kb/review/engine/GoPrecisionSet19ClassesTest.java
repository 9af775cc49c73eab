package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Three Go classes of false findings from precision set 19, each with the defects beside them that must stay found.
 */
class GoPrecisionSet19ClassesTest {

    /**
     * RES-01 and database/sql statements (KV): one prepared on a {@code *sql.DB} or a pinned {@code *sql.Conn} holds a
     * server statement until its own {@code Close}; one prepared on a transaction ({@code tx.PrepareContext}, sqlx's
     * {@code tx.Preparex}) is closed by the transaction when it commits or rolls back.
     */
    @Test
    void only_statements_outside_a_transaction_need_their_own_close() {
        ClassDiffs25.check("res-statement-owner", Set.of("RES-01"));
    }

    /**
     * TMO-01 and a client built without Timeout whose every send is {@code client.Do(req)} with {@code req} on a
     * context the function bounds (AV): the deadline moved to the request. A {@code Get} (no context), the caller's
     * context, or the client kept for later sends stay reported.
     */
    @Test
    void a_local_client_whose_requests_all_carry_a_deadline_is_bounded() {
        ClassDiffs25.check("tmo-client-bounded-requests", Set.of("TMO-01"));
    }

    /** TX-02 and sqlx's {@code MustExec} (KW): it returns no error to ignore; it panics. A bare Exec stays reported. */
    @Test
    void must_exec_has_no_error_to_ignore() {
        ClassDiffs25.check("tx-must-exec", Set.of("TX-02"));
    }
}
