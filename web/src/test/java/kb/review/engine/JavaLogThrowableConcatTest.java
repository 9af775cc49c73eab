package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LOG-02 (round 23's java-16, session 27): a warn or error line joined with '+' whose last operand is the caught
 * throwable or the handler's Throwable/Exception parameter: built eagerly, and the stack trace lost. Clean
 * look-alikes: the throwable passed as an argument, its getMessage() chosen, placeholders.
 */
class JavaLogThrowableConcatTest {

    @Test
    void a_throwable_joined_into_the_message_is_reported() {
        ClassDiffs25.check("log-throwable-concat", Set.of("LOG-02"));
    }
}
