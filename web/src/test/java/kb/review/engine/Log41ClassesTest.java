package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 41 (branch log41); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>{@code log41-receive-case}: a Go line in a select case that takes a value off a channel, the select's header
 * above the hunk, and a {@code continue} in the case body that proves the loop (LOG-01, {@code go-log-in-loop},
 * {@code analysis/GoReceiveCases}). Loggers zerolog, logrus, the standard log. Clean: a one-shot reply wait, the error
 * case, a line that does not name the value, a case body with no skip in sight.</li>
 * <li>{@code log41-placeholders-given-up}: a Java message joined with '+' at info, warn or error where the change
 * shows the logger takes placeholders (a removed placeholder call on the same logger, or a '{}' in the joined message
 * itself) (LOG-02, {@code java-log-placeholders-given-up-for-concat}, {@code java-log-concat-beside-placeholder}).
 * SLF4J, Log4j 2, JUL. Clean: a logger with no placeholder in sight, an event factory whose value is handed on, the
 * evidence on another logger, literals only.</li>
 * </ul>
 */
class Log41ClassesTest {

    @Test
    void a_line_in_a_receive_case_whose_body_skips_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log41-receive-case", Set.of("LOG-01"));
    }

    @Test
    void a_concatenated_message_where_the_change_shows_placeholders_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log41-placeholders-given-up", Set.of("LOG-02"));
    }
}
