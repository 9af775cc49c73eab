package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StageFailuresTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(StageFailures.STRICT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(StageFailures.STRICT);
        } else {
            System.setProperty(StageFailures.STRICT, before);
        }
    }

    @Test
    void theSuiteRunsStrict() {
        // the pom sets the property for every test: a failure in the review's own analyses must fail its test
        assertEquals("true", before);
    }

    @Test
    void strictRethrowsTheSameFailure() {
        System.setProperty(StageFailures.STRICT, "true");
        IllegalStateException failure = new IllegalStateException("walk met an unexpected node");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> StageFailures.absorb(failure, "svc/handler.go")));
    }

    @Test
    void byDefaultTheFailureIsAbsorbedSoTheReviewGoesOn() {
        System.clearProperty(StageFailures.STRICT);
        assertDoesNotThrow(() -> StageFailures.absorb(new IllegalStateException("odd file"), "svc/handler.go"));
    }
}
