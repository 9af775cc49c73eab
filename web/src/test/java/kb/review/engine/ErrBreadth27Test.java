package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 breadth pass of session 27: shapes that real fixes removed, each with a clean look-alike.
 * <ul>
 * <li>Go: an err redeclared with := in a branch and only tested for success, the outer err checked after it
 * (go-shadowed-error-lost); a close helper handed &amp;err of unnamed results (go-deferred-error-to-unnamed-result);
 * os.Create's error put in '_' and the file written (go-error-result-discarded); a deferred Close assigned over the
 * named error (go-deferred-close-overwrites-error).</li>
 * <li>Java: a rethrow with the message only (java-rethrow-drops-cause); a wrapper given e.getCause()
 * (java-rethrow-keeps-only-cause); a clean-up failure thrown from inside the catch of the first failure without it
 * (java-cleanup-failure-masks-first); a Reactor pipeline subscribed with a value consumer only
 * (java-reactive-subscribe-drops-error).</li>
 * </ul>
 */
class ErrBreadth27Test {

    @Test
    void go_error_fix_shapes_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("err-breadth-go", Set.of("ERR-01"));
    }

    @Test
    void java_error_fix_shapes_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("err-breadth-java", Set.of("ERR-01"));
    }
}
