package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 40 (branch log40); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A line added on the main path of a loop body whose header is above the hunk (LOG-01, {@code go-log-in-loop} and
 * {@code java-log-in-loop}), known by the loop's own marks beside the line: a skip ({@code continue}) in one of the two
 * statements right after it ({@code analysis/ContinuedLoops}), or, in Java, a tally bumped in the line's block and
 * read by a summary line once the block and the braces around it close ({@code analysis/TalliedBlocks}, Go's reading
 * since session 33). Loggers zap, the standard log, SLF4J, JUL's {@code log(Level.INFO, ...)}, log4j. Clean: the
 * summary after the loop, a counted if whose opening the hunk shows, a warning in the skip branch itself, a line
 * after a loop that skips.</li>
 * </ul>
 */
class Log40ClassesTest {

    @Test
    void a_line_in_a_loop_known_by_its_skip_or_its_tally_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log40-hidden-loop", Set.of("LOG-01"));
    }
}
