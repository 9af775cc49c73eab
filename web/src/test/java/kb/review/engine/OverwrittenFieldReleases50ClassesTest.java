package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch res1-50): RES-01 releases of a field's previous value that an edit deletes while the
 * method still assigns the field ({@code review/classes25/res1-50-overwritten-field-releases/}):
 * a Go reset that reopens its database, a Java settings reload that rebuilds its client, an executor copied out of
 * its field and no longer shut down, a Go watcher restarted without its stop, a rotation that drops its quiet close,
 * a rotation whose method header is above the hunk (named by the hunk's section line), a teardown that drops an
 * unexported stop.
 * Clean: the close moved into a helper the method calls, a lazy start that only assigns a null field, a swap that
 * closes the old value after the assignment, a duplicate stop removed beside the one kept.
 */
class OverwrittenFieldReleases50ClassesTest {

    @Test
    void releases_deleted_before_a_field_is_overwritten_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res1-50-overwritten-field-releases", Set.of("RES-01"));
    }
}
