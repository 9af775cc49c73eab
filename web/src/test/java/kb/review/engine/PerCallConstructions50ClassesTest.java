package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch res4-50): RES-04 where the change shows a client, pool or store built per call through
 * code the models do not know ({@code review/classes25/res4-50-per-call-constructions/}, with its SOURCES.md): a
 * held receiver swapped in the call for one built there (an own helper, a constant's new instance, a library factory),
 * a construction line moved into the handler or loop below it, a call made at once on what an own helper builds, a
 * kept client's accessor or call given up for a constructor, a pool field made an instance field. Clean: a move into
 * a started goroutine or a {@code sync.Once}, a move out of the handler, a shared formatter swapped for a new one, a
 * swap in {@code main}, a call on a lazy getter's client, an instance mapper field of a Spring service.
 */
class PerCallConstructions50ClassesTest {

    @Test
    void clients_built_per_call_through_unknown_code_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res4-50-per-call-constructions", Set.of("RES-04"));
    }
}
