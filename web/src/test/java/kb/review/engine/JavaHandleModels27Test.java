package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The session-27 Java handle models (content/rules/models/java-handles-27.yaml): a Chronicle Queue queue (built by
 * its builder or {@code ChronicleQueue.single}) and a JNDI naming enumeration (a directory search or listing) must
 * be closed on every path. Round 23's java-07 (queues collected in a loop and closed after it, RES-03) missed the
 * queue; the enumeration is the breadth pass's (search results left open by {@code hasMore()}, a first-match return,
 * or a step that throws). Clean: the queue in try-with-resources, results closed in finally, a queue owned by an
 * object that closes it in {@code close()}, and results handed back to the caller.
 */
class JavaHandleModels27Test {

    @Test
    void queues_and_directory_results_are_closed_on_every_path() {
        ClassDiffs25.check("res-handles-27", Set.of("RES-01", "RES-03"));
    }
}
