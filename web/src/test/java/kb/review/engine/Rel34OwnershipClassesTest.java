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
     * Java: a JDBC result set made inside the try-with-resources of the statement it was taken from: every way out
     * of that try closes the statement, and with it its current result set. Narrowed at the merge: a statement left
     * to its connection (try-with-resources or finally) is still reported, as the older classes hold (JavaSessions,
     * Prec31, JavaSessionsSession24). Still found: a statement of a connection closed by hand, and a file stream
     * opened inside a connection's try.
     */
    @Test
    void a_statement_made_inside_its_owners_try_with_resources_is_not_reported() {
        ClassDiffs25.check("rel34-java-owner-try-closes", Set.of("RES-01"));
    }
}
