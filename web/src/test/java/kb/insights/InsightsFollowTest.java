package kb.insights;

import kb.App;
import kb.TestDatabases;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.incidents.Incidents;
import kb.incidents.WriteHooks;
import kb.search.SyntheticPostmortems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Insights follows writes by moving only the incidents written since in its running totals; after edits, new
 * incidents, drafts and exclusions its figures must equal figures computed from scratch, on H2 and PostgreSQL.
 */
class InsightsFollowTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void figures_kept_up_to_date_write_by_write_equal_figures_computed_from_all_incidents(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, InsightsTest.FIXTURES));
        try {
            s.incidents().importContent(InsightsTest.FIXTURES);
            Incidents incidents = s.incidents();
            Insights insights = new Insights(s.db().jdbi());
            String billing = "billing";
            List<Figures.Filter> filters = List.of(new Figures.Filter(null, null), new Figures.Filter(null, "P1"),
                    new Figures.Filter(null, "P3"), new Figures.Filter(billing, null), new Figures.Filter("payment-api", "P2"));
            assertTrue(insights.services().contains(billing), insights.services().toString());
            filters.forEach(insights::report); // running totals now exist for every filter
            Figures.Report before = insights.report(filters.get(0));
            assertSame(s, insights, filters);

            // an edit that moves an incident to another severity and service and out of the time figures
            String id = "billing-dst-double-charge";
            String edited = incidents.source(id, incidents.header(id).orElseThrow().currentRevision()).orElseThrow()
                    .replaceFirst("(?m)^severity: .*$", "severity: P3\nexclude-from-metrics: true")
                    .replaceFirst("(?m)^services: .*$", "services: [payment-api, search]");
            save(s, edited);
            // a new incident, and one saved as a draft (left out of every figure)
            save(s, SyntheticPostmortems.make(3, 0));
            save(s, SyntheticPostmortems.make(3, 1).replaceFirst("(?m)^lang: ", "status: draft\nlang: "));
            assertSame(s, insights, filters);
            Figures.Report after = insights.report(filters.get(0));
            assertEquals(before.incidents() + 1, after.incidents(), "the new incident counts, the draft does not");
            assertTrue(after.leftOut().excluded().contains(id));
            assertNotEquals(before.months(), after.months());

            // the draft published, the new one unlisted by a later revision made a draft
            save(s, SyntheticPostmortems.make(3, 1));
            save(s, SyntheticPostmortems.make(3, 0).replaceFirst("(?m)^lang: ", "status: draft\nlang: "));
            assertSame(s, insights, filters);
            assertFalse(insights.services().isEmpty());
        } finally {
            s.close();
        }
    }

    /**
     * Two new incidents saved at once: the slow save takes its change-log number first and commits after the other,
     * below a head the figures already followed. Its incident must still reach every figure.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void a_write_committing_below_the_followed_head_reaches_the_figures(String kind) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, InsightsTest.FIXTURES));
        try {
            s.incidents().importContent(InsightsTest.FIXTURES);
            Insights insights = new Insights(s.db().jdbi());
            List<Figures.Filter> filters = List.of(new Figures.Filter(null, null));
            CountDownLatch numbered = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            // write hooks run after the change-log rows, so this holds the slow save with its number taken
            WriteHooks.register(s.db().jdbi(), "a-hold", h -> {
                if (Thread.currentThread().getName().equals("slow-save")) {
                    numbered.countDown();
                    try {
                        assertTrue(resume.await(1, TimeUnit.MINUTES));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertSame(s, insights, filters);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread slow = new Thread(() -> {
                try {
                    save(s, SyntheticPostmortems.make(3, 5));
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "slow-save");
            slow.start();
            assertTrue(numbered.await(1, TimeUnit.MINUTES), "the slow save reached its hooks");
            save(s, SyntheticPostmortems.make(3, 6));
            int withOne = insights.report(filters.get(0)).incidents();
            resume.countDown();
            slow.join(60_000);
            assertEquals(List.of(), failures);
            assertEquals(withOne + 1, insights.report(filters.get(0)).incidents(), "the late commit is counted");
            assertSame(s, insights, filters);
        } finally {
            s.close();
        }
    }

    private static void save(App.Services s, String markdown) {
        var parsed = new PostmortemParser().parse(markdown, s.incidents().knownChecklistIds());
        assertTrue(parsed.valid(), parsed.problems().toString());
        Postmortem p = parsed.value().orElseThrow();
        s.incidents().save(p, Change.edit("tester", "edit", null));
    }

    /** Every filter's figures, the facts and the service list equal what a pass over all incidents gives. */
    private static void assertSame(App.Services s, Insights insights, List<Figures.Filter> filters) {
        List<Incidents.Facts> all = s.incidents().facts();
        var findings = new ReviewFindings(s.db().jdbi()).byChecklistItem();
        for (Figures.Filter f : filters) {
            assertEquals(Figures.compute(all, findings, f), insights.report(f), f.toString());
        }
        Comparator<Incidents.Facts> order = Comparator.comparing((Incidents.Facts f) -> f.startedAt().toInstant())
                .thenComparing(Incidents.Facts::id);
        assertEquals(all.stream().sorted(order).toList(), insights.facts());
        assertEquals(all.stream().flatMap(f -> f.services().stream()).distinct().sorted().toList(), insights.services());
    }
}
