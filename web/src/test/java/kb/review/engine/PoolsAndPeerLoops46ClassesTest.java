package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 46 (branch prec46), the directory {@code review/classes25/prec46-pools-and-peer-loops/} with its
 * SOURCES.md.
 * <ul>
 * <li>A shared fixed pool whose every submission its method awaits (futures, a latch) pushes back on its callers.</li>
 * <li>A loop that returns when a write to its own peer (a field's connection) fails ends with the peer.</li>
 * <li>A handler's launch rewritten bare keeps its fan-out; its defect is the lost recover.</li>
 * </ul>
 * Defects kept: a shared pool fed per call with nobody waiting, a ticker job that returns on a failed save.
 */
class PoolsAndPeerLoops46ClassesTest {

    @Test
    void awaited_pools_and_peer_loops_are_read_as_their_class_and_defects_stay() {
        ClassDiffs25.check("prec46-pools-and-peer-loops", Set.of("CONC-02", "CONC-07", "RES-04"));
    }
}
