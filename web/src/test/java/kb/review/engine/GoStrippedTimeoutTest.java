package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-01: an edit takes the timeout off a network dial or client it keeps: a third-party dial's timeout and deadline
 * options dropped, nats.Timeout, grpc.WithTimeout, ldap.DialWithDialer's dialer, amqp's DefaultDial inside the
 * config literal, net.DialTimeout and ftp.DialTimeout turned into Dial, a DialTimeout/ReadTimeout or an ssh Timeout
 * field deleted from a literal, a SetReadDeadline statement deleted before a read (go-stripped-timeout, or the
 * library's needs-timeout model where one exists). Clean look-alikes: the bound moved into a context deadline, an
 * idle timeout deleted, an option that was 0, a call rewritten in other ways, a deadline cleared with time.Time{}.
 */
class GoStrippedTimeoutTest {

    @Test
    void a_dial_whose_timeout_the_edit_removes_is_reported() {
        ClassDiffs25.check("tmo-stripped", Set.of("TMO-01"));
    }
}
