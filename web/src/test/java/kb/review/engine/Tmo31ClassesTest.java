package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Timeout classes of session 31 (branch tmo31). Each directory under {@code classes25/tmo31-*} holds defects in
 * several libraries and shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real
 * fixes each was modelled on).
 * <ul>
 * <li>A TCP connect with no connect timeout on a socket or channel built unconnected: {@code Socket.connect(address)}
 * on a plain or TLS socket (a local or a field), {@code connect(address, 0)}, a blocking {@code SocketChannel}'s
 * {@code connect(address)} and {@code SocketChannel.open(address)}; a read timeout set beside it does not bound the
 * connect ({@code java-connects-31.yaml}, TMO-01). Clean: {@code connect(address, timeout)}, a non-blocking channel
 * driven by a selector, the loopback address and Unix-domain sockets, a decorator forwarding its caller's
 * {@code connect(endpoint)} to its delegate ({@code TimeoutForwards}).</li>
 * <li>An authenticated OpenStack provider client (gophercloud {@code openstack.AuthenticatedClient}, its context form,
 * gophercloud/utils {@code clientconfig.AuthenticatedClient}/{@code NewServiceClient}) built in a request method of
 * the receiver from its own settings: a Keystone token and an HTTP client per call ({@code go-clients-31.yaml},
 * RES-04). Clean: authenticated once in a constructor and kept, a service client made per call from the kept
 * provider (it shares the provider's client and token), a client per signed-in user's own credentials.</li>
 * <li>A JavaMail session (or a Spring {@code JavaMailSenderImpl}) built from properties the code assembles, naming the
 * mail host (SMTP, IMAP, POP3), with no timeout property: every JavaMail timeout defaults to infinite (TMO-01, rule
 * {@code java-mail-session-no-timeout}). Clean: the timeouts set with the other properties, properties taken whole
 * from configuration, a relay on localhost.</li>
 * </ul>
 */
class Tmo31ClassesTest {

    @Test
    void a_socket_connect_without_a_connect_timeout_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo31-socket-connect-without-timeout", Set.of("TMO-01"));
    }

    @Test
    void an_openstack_provider_authenticated_per_request_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo31-res04-openstack-provider", Set.of("RES-04"));
    }

    @Test
    void a_mail_session_without_timeouts_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo31-mail-session-without-timeout", Set.of("TMO-01"));
    }
}
