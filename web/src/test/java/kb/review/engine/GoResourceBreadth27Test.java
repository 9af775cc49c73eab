package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 27's breadth pass over Go resource, timeout, context and transaction fixes in repositories no round used
 * (each diff names its source): a response body closed only after the status check, a sampling ticker never stopped,
 * minio objects read through io.ReadAll, io.Copy or a buffer's ReadFrom and never closed (reading only borrows the
 * object), output files whose closes are deferred inside the loop, a timeout's cancel discarded, a handler's
 * transaction left open on its error returns, a NATS subscription made per call and never ended. The clean
 * look-alikes are the fixed forms.
 */
class GoResourceBreadth27Test {

    @Test
    void go_resource_fixes_from_new_repositories_are_reported() {
        ClassDiffs25.check("go-res-breadth27", Set.of("RES-01", "RES-02", "RES-03", "TMO-01", "TMO-03", "TX-01"));
    }
}
