package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 39 (branch res39), modelled on real fixes in other repositories (the folder's SOURCES.md).
 * <ul>
 * <li>A client built per call in a Java method whose name a static call on another type shares ({@code URI.create},
 * {@code ContentType.parse} in a static field), which was read as a one-time caller; a Go client built inside the
 * literal a factory returns (RES-04, {@code java-client-per-call}, {@code go-client-per-call}). Clean: a Go handler or
 * job factory that builds its client once and returns a literal closing over it, a renamed Java class using its
 * shared client, a {@code create} method only the constructor calls.</li>
 * </ul>
 */
class Res39ClassesTest {

    @Test
    void clients_built_per_call_are_reported_and_factories_closing_over_one_are_not() {
        ClassDiffs25.check("res39-per-call-clients-beside-same-name-calls", Set.of("RES-04"));
    }
}
