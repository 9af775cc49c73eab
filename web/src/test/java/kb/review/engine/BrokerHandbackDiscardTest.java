package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 precision class of session 34 (branch err34): a message handed back to its broker ({@code _ = msg.Nak()},
 * {@code Term}, {@code NakWithDelay}, AMQP's {@code Nack} and {@code Reject}) in an {@code if err != nil} block that
 * already logs the failure with its error is a clean-up on a failing path, like a close
 * ({@code analysis/GoCleanupDiscards}'s {@code second-error}). Still reported: a nak whose failure nobody logs, an ack
 * on the success path, and a save (work, not a hand-back) after a logged failure.
 */
class BrokerHandbackDiscardTest {

    @Test
    void a_broker_handback_after_a_logged_failure_is_quiet_and_other_discards_are_not() {
        ClassDiffs25.check("err34-go-broker-handback", Set.of("ERR-01"));
    }
}
