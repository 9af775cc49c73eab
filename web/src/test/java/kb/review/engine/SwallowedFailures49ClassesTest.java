package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 49 (branch err49), the directory {@code review/classes25/err49-swallowed-failures/} with its
 * SOURCES.md.
 * <ul>
 * <li>A call the change takes out of bare code and wraps in a new try whose catch tells no one: it moves on
 * ({@code continue}), holds only a comment, or returns a default. The old code let the call's failure reach the caller;
 * the new one answers success.</li>
 * </ul>
 * Clean: the wrapped failure logged with its cause and counted, a close wrapped quietly after the work, a parse of a
 * setting answered by its default, the failure rethrown with context.
 */
class SwallowedFailures49ClassesTest {

    @Test
    void failures_the_contract_could_report_left_with_no_one_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err49-swallowed-failures", Set.of("ERR-01"));
    }
}
