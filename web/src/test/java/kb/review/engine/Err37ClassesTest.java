package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The class of session 37 (branch err37), in {@code review/classes25/err37-java-silenced-catch/}: defects in
 * different libraries and shapes modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes.
 * <ul>
 * <li>A Java catch the change writes or edits whose exception reaches nothing while the catch prints to the console
 * (and goes on), logs only the exception's text and returns an ordinary value, or silently answers a default (ERR-01,
 * {@code java-catch-failure-silenced}, new; {@code engine/SilencedCatches}). Defects: a JDBC update printed and then
 * forgotten, a blob lookup whose I/O failure reads as a missing blob, a feed import answering a normal summary after
 * a message-only log, a rethrow replaced by an empty map (said by the existing default rule), a remote push printed
 * to stderr and marked done, a warning deleted and the parameter renamed {@code ignored}. Clean: a warning with the
 * cause, a boolean success flag, a quiet close, a parse fall-back, a commented optional cache, a message logged then
 * rethrown, a new catch named {@code ignored}, a lapsed timed wait, a test helper.</li>
 * </ul>
 */
class Err37ClassesTest {

    @Test
    void a_catch_that_leaves_the_failure_nowhere_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err37-java-silenced-catch", Set.of("ERR-01"));
    }
}
