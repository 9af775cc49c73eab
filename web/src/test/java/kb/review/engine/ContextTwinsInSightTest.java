package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TMO-02 class of session 36 (branch tmo36): a call without the caller's context whose context-taking twin the same
 * receiver calls in sight or in the lines the edit removed ({@code s.conn.Select} beside {@code SelectContext}, aws-sdk
 * {@code HeadObject} beside {@code HeadObjectWithContext}), and a helper without a context of its own that the file
 * calls only from functions given one, making a call with a twin ({@code exec.Command}, {@code http.NewRequest}).
 * Quiet: the twin's own implementation delegating to the plain call, a helper also called without a context, the twin
 * kept.
 */
class ContextTwinsInSightTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo36-go-context-twin-in-sight", Set.of("TMO-02"));
    }
}
