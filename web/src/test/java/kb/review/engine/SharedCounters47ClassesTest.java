package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 47 (branch conc47), under {@code review/classes25/conc47-shared-counters/} with its SOURCES.md: a
 * plain number field of an object that serves every request (a servlet, a singleton bean, a class whose members carry
 * the container's annotations) bumped with {@code ++} or {@code +=} and no lock. Clean: the bump under a lock, a local
 * of the same name, a per-use object, a prototype-scoped bean.
 */
class SharedCounters47ClassesTest {

    @Test
    void a_counter_of_a_shared_object_bumped_unlocked_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("conc47-shared-counters", Set.of("CONC-03"));
    }
}
