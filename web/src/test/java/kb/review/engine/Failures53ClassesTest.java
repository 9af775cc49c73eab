package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch err53): ERR-01, an edit that keeps the path a failure takes and makes what travels on
 * it say success or nothing ({@code review/classes25/err53-failures-made-success/}, with its SOURCES.md), read by
 * {@link FailuresMadeSuccess}: an error handed on as nil (Go channel, Java callback), a failure status or negative
 * acknowledgement made the success answer (net/http, NATS, AMQP), a new Go error branch answering 200 with no word, a
 * received error left unbound, a cause rebuilt from its text, a {@code %w} made {@code %v}. Clean: a hand-on wrapped,
 * a failure status that stays a failure, a not-found made 204, a new branch that logs before answering 200, an event
 * receive unbound, a cause mapped to a gRPC status, a failure dead-lettered and logged before its ack, a callback
 * handed a wrapping exception.
 */
class Failures53ClassesTest {

    @Test
    void failures_made_success_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err53-failures-made-success", Set.of("ERR-01"));
    }
}
