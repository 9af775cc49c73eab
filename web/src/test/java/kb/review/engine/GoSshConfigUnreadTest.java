package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-01 and x/crypto/ssh: {@code ClientConfig.Timeout} bounds only the dial {@code ssh.Dial} makes. A config handed
 * only to {@code ssh.NewClientConn} (a connection the caller dialled, a jump host's channel) is never read for it, so
 * its missing Timeout is not the defect (the model's {@code unread-by}; round 22, go-09). A config that also reaches
 * {@code ssh.Dial}, or reaches only it, stays reported.
 */
class GoSshConfigUnreadTest {

    @Test
    void a_client_config_is_reported_only_where_ssh_dial_reads_its_timeout() {
        ClassDiffs25.check("tmo-ssh-config-unread", Set.of("TMO-01"));
    }
}
