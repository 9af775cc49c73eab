package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 48 (branch pool48), the directory {@code review/classes25/pool48-clients-by-class/} with its
 * SOURCES.md.
 * <ul>
 * <li>A client known by its class, built in a function that runs per call and neither kept nor returned (RES-04):
 * an {@code http.Client} literal with settings and no transport of its own (the item's own example of what to
 * share).</li>
 * </ul>
 * Clean: a generated gRPC stub over a shared connection, a command's client built in {@code main}.
 */
class Pool48ClassesTest {

    @Test
    void a_client_known_by_its_class_built_per_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pool48-clients-by-class", Set.of("RES-04"));
    }
}
