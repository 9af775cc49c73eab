package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 34's RES-01 precision classes (branch rel34), from the false rows of the two RES-01 rules on precision sets
 * 17 to 24, read as classes of ownership the resource-lifecycle pass did not follow (review/classes25/rel34-*). Each
 * class has clean look-alikes (the false shape) and defects that must still be found.
 */
class Rel34OwnershipClassesTest {

    /**
     * Java: a resource opened inside a try (or on the line right before it) whose catch or finally lies below the
     * hunk. Java has no try without handlers, so such a try is one the diff cut, and its finally is where the usual
     * code closes what it opened. Still found: a close by hand after work that can throw with no try around it, and
     * work that can throw between the open and the try.
     */
    @Test
    void a_resource_in_a_try_whose_finally_is_below_the_hunk_is_not_reported() {
        ClassDiffs25.check("rel34-java-finally-below-hunk", Set.of("RES-01"));
    }

    /**
     * Java: a JDBC statement or result set made inside the try-with-resources of the connection or statement it was
     * taken from: every way out of that try closes the owner, and with it what was made from it (JDBC: closing a
     * statement closes its result set, closing a connection releases its statements). Still found: a statement of a
     * connection closed by hand, and a file stream opened inside a connection's try (not the connection's).
     */
    @Test
    void a_statement_made_inside_its_owners_try_with_resources_is_not_reported() {
        ClassDiffs25.check("rel34-java-owner-try-closes", Set.of("RES-01"));
    }
}
