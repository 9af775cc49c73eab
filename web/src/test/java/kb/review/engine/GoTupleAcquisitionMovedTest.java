package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RES-01's removed-release, precision set 19's class BU: a CLI command's `ctx, client, conn, cancel, err :=
 * connect()` and its `defer conn.Close()` both move into a helper (`withGRPC(func...)`) that opens and closes the
 * connection itself. The deleted acquisition names the value third of five, which the check for a rewritten
 * acquisition did not read as an assignment to it. A close deleted while its tuple acquisition stays is still reported.
 */
class GoTupleAcquisitionMovedTest {

    @Test
    void a_close_deleted_with_its_tuple_acquisition_is_no_removed_release() {
        ClassDiffs25.check("res-tuple-acquisition-moved", Set.of("RES-01"));
    }
}
