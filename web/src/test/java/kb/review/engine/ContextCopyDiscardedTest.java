package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-02 class of session 35 (branch err35): a request or context copy that carries the caller's context, thrown away
 * by a bare statement ({@code go-context-copy-discarded}), and the request built without the context that such a
 * statement does not rescue ({@code go-context-not-propagated}). Quiet: the copy kept or handed on.
 */
class ContextCopyDiscardedTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err35-go-context-copy-discarded", Set.of("TMO-02"));
    }
}
