package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 41 (branch res41), modelled on real fixes in other repositories (the folder's SOURCES.md).
 * <ul>
 * <li>A shared client (a field, a Go package variable, a getter) swapped for one the method builds: in a local from
 * a factory or a try-with-resources header, or inline in the call's own chain (RES-04). Clean: a client from the
 * object's getter, a copy of the shared client value, a client picked from a kept map, a per-request context.</li>
 * </ul>
 */
class Res41ClassesTest {

    @Test
    void a_shared_client_swapped_for_one_built_in_the_method_is_reported() {
        ClassDiffs25.check("res41-shared-client-swapped-for-a-built-one", Set.of("RES-04"));
    }
}
