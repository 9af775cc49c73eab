package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch log53): LOG-01's "a log line once per unit of repeated work" in forms the loop readings
 * did not take as a unit ({@code review/classes25/log53-per-unit-forms/}, with its SOURCES.md). A lambda given to a
 * per-element operator of a stream or a reactive pipeline ({@code peek}, {@code map}, {@code filter},
 * {@code doOnNext}, the item consumer of {@code subscribe}) is a loop body, as a {@code forEach} lambda already was.
 * Clean: one-element pipelines ({@code Optional.map}, a {@code Mono}'s {@code doOnNext}, a {@code findFirst()}
 * before the map), the error consumer of {@code subscribe}, a filter's rare branch.
 */
class PerUnitForms53ClassesTest {

    @Test
    void per_unit_lines_in_unread_forms_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log53-per-unit-forms", Set.of("LOG-01"));
    }
}
