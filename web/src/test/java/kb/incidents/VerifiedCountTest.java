package kb.incidents;

import kb.TestApp;
import kb.TestDatabases;
import kb.system.Config;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The count beside the incident list's "Verified reproduction" filter, on H2 and PostgreSQL: it follows sandbox
 * runs (which write no incident change) on the instance that ran them and on another one, counts an incident only
 * when all its reproductions pass, and equals the number of incidents the filter then lists.
 */
class VerifiedCountTest {

    private static final String POOL = "fixture-pool-leak";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void the_verified_filter_shows_how_many_incidents_have_every_reproduction_passing_on_every_instance(String kind) {
        Config db = TestDatabases.config(kind, TestApp.FIXTURES);
        // no anonymous page cache: it would show a run only after its period
        Config config = new Config(db.port(), db.dataDir(), db.dbUrl(), db.dbUser(), db.dbPassword(), db.contentDir(),
                Map.of("KB_PAGE_CACHE_MS", "0"));
        try (TestApp one = TestApp.start(config); TestApp other = TestApp.onDatabase(config)) {
            Jdbi jdbi = one.services.db().jdbi();
            List<Long> blocks = jdbi.withHandle(h -> h.createQuery(
                            "SELECT id FROM code_blocks WHERE incident_id = :id AND runnable = TRUE ORDER BY id")
                    .bind("id", POOL).mapTo(Long.class).list());
            assertTrue(blocks.size() >= 2, "the fixture has a before and an after reproduction");
            assertEquals(0, shown(one));

            // one of two reproductions passing, and a failed run of the other: not verified yet
            run(jdbi, blocks.get(0), true);
            run(jdbi, blocks.get(1), false);
            assertEquals(0, shown(one));
            assertEquals(0, shown(other));

            // every reproduction passing: counted at once, here and on the instance that did not run it
            run(jdbi, blocks.get(1), true);
            assertEquals(1, shown(one));
            assertEquals(1, shown(other));
            Document filtered = other.page("/incidents?verified=true");
            assertEquals(List.of(POOL), filtered.select("tr.incident-row").eachAttr("data-id"),
                    "the count is what the filter lists");

            // an incident made a draft leaves the count like every other one
            jdbi.useHandle(h -> h.createUpdate("UPDATE incidents SET status = 'draft' WHERE id = :id").bind("id", POOL).execute());
            assertEquals(0, shown(other));
        }
    }

    /** Records a run of block {@code block} the way the sandbox's result cache does. */
    private static void run(Jdbi jdbi, long block, boolean passed) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_results (cache_key, code_block_id, incident_id, status, passed,"
                        + " body, created_at) VALUES (:k, :b, :id, :s, :p, '{}', :t)")
                .bind("k", "test-" + block + "-" + passed).bind("b", block).bind("id", POOL)
                .bind("s", passed ? "PASSED" : "FAILED").bind("p", passed).bind("t", OffsetDateTime.now()).execute());
    }

    /** The number in the "Verified reproduction (N)" label of the list's filters. */
    private static int shown(TestApp app) {
        String label = app.page("/incidents").select("input[name=verified]").first().parent().text();
        assertTrue(label.startsWith("Verified reproduction ("), label);
        return Integer.parseInt(label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')));
    }
}
