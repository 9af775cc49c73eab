package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RES-01's removed-release, precision set 17's class BU: an edit that renames the field a close is called on (the
 * connection moved into a session context, a file into an output wrapper, rows into a cursor) keeps the same close
 * statement in the same changed block on the value's new name; that is no removed release. The new name must end in
 * the old one's last name. A close deleted with nothing in its place stays reported.
 */
class GoRenamedReleaseTest {

    @Test
    void the_same_close_on_a_renamed_field_is_no_removed_release() {
        ClassDiffs25.check("renamed-release", Set.of("RES-01"));
    }
}
