package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch conc51): CONC-03 a field whose lock discipline is missing or that a change takes away
 * ({@code review/classes25/conc51-field-disciplines/}, with its SOURCES.md). A field one thread's loop tests to know
 * when to stop, written by another method, with no discipline (a Thread subclass's running flag, a pool task's stop
 * flag, a thread reference the loop tests against itself, a do-while in a method the runnable calls); volatile taken
 * off a flag and off a published reference; a per-instance HashMap, DecimalFormat or ArrayList made static. Clean: a
 * volatile flag, an AtomicBoolean, a loop that waits on the monitor the writer takes, a flag only the thread writes,
 * volatile traded for synchronized accessors, a write of the running value before the thread starts, a local that
 * shadows the field, a field made final, a concurrent map, an unmodifiable table or a String made static, a list made
 * static with a lock taken around its use.
 */
class FieldDisciplines51ClassesTest {

    @Test
    void fields_without_their_discipline_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc51-field-disciplines", Set.of("CONC-03"));
    }
}
