package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch res51): RES-01 where an object owns what it made and its end of life does not end it
 * ({@code review/classes25/res51-owned-thread-fields/}, with its SOURCES.md): a thread owner (an executor, a
 * scheduled pool, a {@code Timer}) kept in a field by a class whose {@code stop()}/{@code dispose()}/{@code close()}/
 * {@code @PreDestroy} method never shuts it down, and an end-of-life method (or a CDI disposer) deleted whole while
 * the object still makes what it released; and a deleted own close in the catch of a failed set-up that gives up.
 * Clean: a pool ended through a helper or a loop over a list of pools, a static pool, an injected pool, a pool handed
 * out by a getter, a deleted stop() whose release moved to another handler, a close() deleted with its client, a
 * deleted shutdown() of an injected client.
 */
class OwnedThreadFields51ClassesTest {

    @Test
    void thread_owners_an_object_never_ends_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res51-owned-thread-fields", Set.of("RES-01"));
    }
}
