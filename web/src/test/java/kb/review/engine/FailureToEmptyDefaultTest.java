package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 34 (branch err34): a catch the change keeps, whose deleted throw is replaced by an empty
 * default, returned or now also assigned to the local or field the code reads on ({@code state = new JSONObject();},
 * {@code this.values = new Properties();}, {@code claims = Collections.emptyMap();}):
 * {@code java-catch-handling-replaced-by-log}, {@code engine/JavaRemovedErrorHandling}. Clean: the last good value
 * kept, an empty default after a warning with the cause (FM), the fix, a number's parse answered with a default.
 */
class FailureToEmptyDefaultTest {

    @Test
    void a_failure_turned_into_an_empty_default_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err34-java-failure-to-empty-default", Set.of("ERR-01"));
    }
}
