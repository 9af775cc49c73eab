package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import kb.TestApp;
import org.junit.jupiter.api.Test;

class BundledVerifierTest {

    @Test
    void shipped_reproductions_are_compiled_ahead_and_verified_once_per_runtime_and_the_badge_shows_without_a_click() throws Exception {
        try (TestApp app = TestApp.start(TestApp.FIXTURES, Map.of("KB_SANDBOX_POOL_SIZE", "1"))) {
            assertNull(app.page("/incidents/fixture-pool-leak", 200).selectFirst(".badge.verified"));
            var verifier = new BundledVerifier(app.services.sandbox(), app.services.db().jdbi());

            Sandbox sandbox = app.services.sandbox().get();
            long hits = sandbox.compileCacheHits();

            assertArrayEquals(new int[] {2, 2, 2}, verifier.verify(),
                    "both blocks of the fixture were compiled ahead, then ran and passed");
            assertEquals(hits + 2, sandbox.compileCacheHits(), "the runs took the plans compiled ahead of them");
            assertArrayEquals(new int[] {0, 0, 0}, verifier.verify(),
                    "nothing is compiled or run again on the same runtime");

            var badge = app.page("/incidents/fixture-pool-leak", 200).selectFirst(".badge.verified");
            assertTrue(badge != null && badge.text().startsWith("verified on Java"), String.valueOf(badge));
        }
    }
}
