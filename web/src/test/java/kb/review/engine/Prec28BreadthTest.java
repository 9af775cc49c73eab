package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (prec28) breadth pass on CONC-01, TMO-01 and TMO-02: one defect per public fix thread of a repository no
 * round or set had used (named in each diff's case line), with clean look-alikes (review/classes25/prec28-breadth-*).
 */
class Prec28BreadthTest {

    @Test
    void go_goroutines_without_recover_unbounded_dials_and_detached_contexts() {
        ClassDiffs25.check("prec28-breadth-go", Set.of("CONC-01", "TMO-01", "TMO-02"));
    }

    @Test
    void java_clients_and_sockets_without_timeouts() {
        ClassDiffs25.check("prec28-breadth-java", Set.of("CONC-01", "TMO-01"));
    }

    /**
     * Set 20's CR (TMO-01): a connecting Socket constructor whose host is a name that says it is this machine
     * ({@code localhost}, {@code LOCAL_HOST}, {@code Hosts.LOOPBACK_ADDRESS}) connects or is refused at once, as the
     * loopback literals already were; other names, getters and lookups stay reported
     * (review/classes25/prec28-tmo01-loopback-named-host, models/java-jdk.yaml).
     */
    @Test
    void java_connecting_socket_to_a_host_named_as_this_machine() {
        ClassDiffs25.check("prec28-tmo01-loopback-named-host", Set.of("TMO-01"));
    }
}
