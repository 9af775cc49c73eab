package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lead's merge fix of session 39 (the folder's SOURCES.md): a resource assigned to a field the diff does not show
 * (inherited, or declared above the hunk) belongs to the object, and an asynchronous client's void lifecycle calls
 * ({@code start()}) drop no future. The defects beside them (a method's own local never closed, a field a method
 * opens and closes itself but now only on success, an {@code execute} whose future is dropped) are still reported.
 */
class Lead39ClassesTest {

    @Test
    void fields_out_of_view_and_client_lifecycle_calls_are_left_alone_and_their_defects_are_not() {
        ClassDiffs25.check("lead39-owned-by-the-object", Set.of("RES-01", "CONC-06"));
    }
}
