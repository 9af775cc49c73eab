package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 35 (branch err35): a write or copy into a file, a tar header, an AMQP settlement or a NATS
 * publish made as a bare statement drops the only news that the output was written ({@code go-unchecked-output},
 * models/go-errcheck-35.yaml). Quiet: copies between connections, a drained body, Pub/Sub acks (no error), buffers,
 * builders and hashes.
 */
class BareOutputCallTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err35-go-bare-output-call", Set.of("ERR-01"));
    }
}
