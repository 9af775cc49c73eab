package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 46 (branch res46), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A Go client built per request (RES-04), read from the added code: an {@code http.Client} (or any client the
 * models take from the receiver's settings) built in a function that serves an HTTP request, whatever it reads (an
 * {@code http.Handler}, a route taking a framework's context by pointer); a package variable holding a client deleted
 * and rebuilt under its name in a function. Clean: the handler using a package client, a command-line action's client,
 * the shared variable moved into a struct built by the constructor.</li>
 * </ul>
 */
class Clients46ClassesTest {

    @Test
    void a_go_client_built_per_request_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res46-clients-per-request", Set.of("RES-04"));
    }
}
