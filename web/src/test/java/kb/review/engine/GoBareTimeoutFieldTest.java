package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-01: an edit deletes a bare {@code Timeout:} field from a literal that a dial or connect call right below takes
 * (ssh.ClientConfig before ssh.Dial, nats.Options before Connect, a kafka-go dialer before DialLeader), or from a
 * literal whose shown head is a package's client or dialer type (http.Client, net.Dialer): go-stripped-timeout
 * (round 22, go-04). Clean look-alikes: a project's own job or step settings losing their Timeout with no connection
 * below, a Timeout of 0 deleted, and a bound the change moves to a deadline it names.
 */
class GoBareTimeoutFieldTest {

    @Test
    void a_bare_timeout_field_deleted_from_a_dialled_literal_is_reported() {
        ClassDiffs25.check("tmo-bare-field", Set.of("TMO-01"));
    }
}
