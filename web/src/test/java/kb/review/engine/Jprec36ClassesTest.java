package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 36 (jprec36): Java precision on new files, each class with defect variants and clean look-alikes under
 * {@code review/classes25/jprec36-*}.
 */
class Jprec36ClassesTest {

    /**
     * CONC-04: per-thread state (an MDC key or map, a ThreadLocal, log4j ThreadContext) whose finally calls a helper of
     * the file that removes, clears or puts back the same state (keyed helpers read with the caller's key), and the
     * write-back inside such a helper, are restored. Defects: the helper called after the work instead of in finally,
     * a helper that restores another thread-local, a keyed helper given another key.
     */
    @Test
    void contextRestoredByHelper() {
        ClassDiffs25.check("jprec36-context-restored-by-helper", Set.of("CONC-04"));
    }

    /**
     * CONC-06: a submit that cannot be an executor's (three or more arguments; or a receiver the file declares with a
     * project type that names no executor, given no lambda, method reference, built object or task-named value) is a
     * client's own verb and returns no future. Defects: an ExecutorService given a lambda, a project dispatcher given
     * a lambda, the two-argument submit of a Runnable and its result.
     */
    @Test
    void submitNotAnExecutor() {
        ClassDiffs25.check("jprec36-submit-not-an-executor", Set.of("CONC-06"));
    }

    /**
     * RES-02 (any lifecycle rule): a resource assigned by plain name to a field that another hunk of the file declares
     * (with a modifier only a field takes), in an edit whose hunks are read one by one, belongs to the object as it
     * does in a view of the whole class. Defects: the response declared as a local that shadows the field, a response
     * assigned to a local the method declares first.
     */
    @Test
    void responseKeptInField() {
        ClassDiffs25.check("jprec36-response-kept-in-field", Set.of("RES-02"));
    }

    /**
     * CONC-04: a set followed by up to three storing steps (a setter on another object given names, literals or
     * constants: a request attribute, a response header, a span attribute) and then a try whose finally removes the
     * state unconditionally is guarded as if the try came right after the set. Defects: a finally that removes only
     * under a condition, a try with no finally.
     */
    @Test
    void contextSetBeforeStoringSteps() {
        ClassDiffs25.check("jprec36-context-set-before-storing-steps", Set.of("CONC-04"));
    }
}
