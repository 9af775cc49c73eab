package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 37 (branch tmo37); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>An Apache HttpClient (4, 5, 5 async) built over a pooled connection manager that the file makes with pool sizes
 * only, the file naming no connect, socket or response timeout anywhere (TMO-01, {@code java-http-library-no-timeout};
 * the models' new {@code config-bound}): a manager given to {@code setConnectionManager} no longer counts as the
 * client's timeout when it carries none. Clean: a manager with a socket config, a 5.x manager with a connection
 * config, per-request configs with timeouts, a manager from the caller, a manager handed to a configuring helper.</li>
 * </ul>
 */
class Tmo37ClassesTest {

    @Test
    void a_client_over_a_pooled_manager_without_timeouts_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo37-pooled-client-without-timeouts", Set.of("TMO-01"));
    }
}
