package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's lazy singleton without a lock (session 35, conc35; rule java-lazy-singleton-unsynchronized): a static
 * accessor that tests a static field for null and builds it with no lock, with the lock taken only after a test it
 * does not repeat, or double-checked on a field that is not volatile. Class diffs under
 * {@code classes25/conc35-java-lazy-singleton}; clean: a synchronized accessor, double-checked locking on a volatile
 * field, the test inside the lock, a holder class, null defaults of a parameter, a local and an argument's field.
 */
class LazySingletonsTest {

    @Test
    void a_lazy_static_instance_built_without_a_lock_is_reported_and_its_guarded_look_alikes_are_not() {
        ClassDiffs25.check("conc35-java-lazy-singleton", Set.of("CONC-03"));
    }
}
