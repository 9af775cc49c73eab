package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 36 (branch err36): an edit that replaces a catch's rethrow (or error log and rethrow) by a
 * return of a value built only of defaults ({@code new Settings(new Properties())}, {@code new Page<>(Collections
 * .emptyList(), 0)}, {@code SearchResult.of(List.of())}): {@code java-failure-handling-replaced-by-default}, which
 * before took only a bare default or a constructor with at most one literal. Quiet: a result that carries the
 * exception, a default the catch already returned before the change.
 */
class DefaultOfDefaultsTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err36-java-default-of-defaults", Set.of("ERR-01"));
    }
}
