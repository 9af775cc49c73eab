package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 45 (branch err45), the directory {@code review/classes25/err45-dropped-failures/} with its
 * SOURCES.md.
 * <ul>
 * <li>A bare {@code ListenAndServe} on an {@code http.Server} value (the method twin of the modelled package
 * function).</li>
 * <li>A deleted check whose else-branch work the change now runs after the bare call, whatever the callee's name.</li>
 * <li>Encoded bytes whose error went to {@code _}, handed whole to any call (not only a write or a send).</li>
 * <li>A bare call after which {@code err}, proved nil by the check above, is tested as if the call had set it.</li>
 * </ul>
 * Clean: the bind checked, the check rewritten with the count still guarded, bytes only logged, and a bookkeeping call
 * before the check of a fresh error.
 */
class DroppedFailures45ClassesTest {

    @Test
    void failures_dropped_in_their_general_shapes_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err45-dropped-failures", Set.of("ERR-01"));
    }
}
