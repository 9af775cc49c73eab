package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 classes of session 32 (branch err32): an edit that removes the handling of an error, read from the deleted
 * lines ({@link RemovedErrorHandling}); round 28's seven ERR-01 misses stand for it. Each directory holds defects in
 * several libraries and spellings and the clean look-alikes of real refactorings.
 * <ul>
 * <li>Go: a checked call made {@code _} or bare, an {@code if err != nil} branch left skipping, answering nil or only
 * logging ({@code go-checked-error-now-dropped}, {@code go-error-branch-no-longer-returns}). Clean: the callee or the
 * function loses its error result in the same change, a retry keeping the last error, a logged skip with the error,
 * a comment, a moved check, a deleted branch that only logged.</li>
 * <li>Java: a catch whose throw or recording call is deleted and which is left logging (any API, at debug or without
 * the exception) and/or answering a default ({@code java-catch-handling-replaced-by-log}). Clean: a warning with the
 * exception before a fall-back, a kept throw, a comment, a parse failure's default, a moved throw, a result built
 * from the exception, a deleted log line.</li>
 * </ul>
 */
class RemovedErrorHandlingTest {

    @Test
    void a_go_edit_that_removes_the_handling_of_an_error_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err32-go-handling-removed", Set.of("ERR-01"));
    }

    @Test
    void a_java_catch_left_only_logging_after_its_handling_is_deleted_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err32-java-handling-removed", Set.of("ERR-01"));
    }
}
