package kb.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.junit.jupiter.api.Test;

/** The list's filter counts asked for by many pages at once, before the tables behind them are built. */
class InsightsFacetsTest {

    @Test
    void many_instances_asking_at_once_before_the_counts_are_built_all_get_the_same_counts() throws Exception {
        App.Services services = App.Services.open(TestDatabases.config("h2", TestApp.FIXTURES));
        int askers = 40; // each instance syncs on its own: one builds the shared tables, the others wait for its lock
        ExecutorService threads = Executors.newFixedThreadPool(askers);
        try {
            services.incidents().importContent(TestApp.FIXTURES);
            Map<String, Object> expected = new Insights(services.db().jdbi()).facets();
            assertFalse(expected.isEmpty());
            var barrier = new CyclicBarrier(askers);
            var answers = new ArrayList<Future<Map<String, Object>>>();
            for (int i = 0; i < askers; i++) {
                var insights = new Insights(services.db().jdbi());
                answers.add(threads.submit(() -> {
                    barrier.await();
                    return insights.facets();
                }));
            }
            List<Map<String, Object>> got = new ArrayList<>();
            for (var a : answers) {
                got.add(a.get());
            }
            for (var g : got) {
                assertEquals(expected, g);
            }
        } finally {
            threads.shutdownNow();
            services.db().close();
        }
    }
}
