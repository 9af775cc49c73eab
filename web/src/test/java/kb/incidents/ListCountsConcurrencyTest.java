package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.authoring.Authoring;
import kb.cli.GenerateCommand;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static kb.incidents.ListCountsFixtures.ID;
import static kb.incidents.ListCountsFixtures.OTHER;
import static kb.incidents.ListCountsFixtures.addService;
import static kb.incidents.ListCountsFixtures.asMap;
import static kb.incidents.ListCountsFixtures.assertMatchesRecount;
import static kb.incidents.ListCountsFixtures.await;
import static kb.incidents.ListCountsFixtures.lastSeq;
import static kb.incidents.ListCountsFixtures.recount;
import static kb.incidents.ListCountsFixtures.relabel;
import static kb.incidents.ListCountsFixtures.snapshot;
import static kb.incidents.ListCountsFixtures.start;
import static kb.incidents.ListCountsFixtures.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident list's filter counts read and rebuilt while other instances read and write (V54 tables, on H2 and
 * PostgreSQL): readers on two instances during saves and additions, a write that commits below a head another
 * instance has seen, and a rebuild over filled tables while readers wait. Split from {@link ListCountsTest}; the
 * fixture incident and the recount from scratch are in {@link ListCountsFixtures}.
 */
class ListCountsConcurrencyTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readers_on_two_instances_while_writers_save_and_add_incidents_get_counts_and_agree_at_the_end(String kind)
            throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            Insights first = new Insights(jdbi);
            Insights second = new Insights(jdbi);
            // writes through the first instance's hook; the second only catches up on reads
            WriteHooks.register(jdbi, "list-counts", first.counts());
            first.counts().sync();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (Insights insights : List.of(first, second, first, second)) {
                threads.add(start(() -> {
                    while (writing.get()) {
                        Map<String, Object> f = insights.facets();
                        // a whole answer, or (on an instance that has not looked yet) none while the counts are built
                        assertTrue(((List<?>) f.get("services")).isEmpty() == (Boolean) f.get("building"),
                                "every answer is a whole one");
                        insights.countsBySeverity();
                    }
                }, failures));
            }
            Thread editor = start(() -> {
                Authoring authoring = new Authoring(jdbi);
                int base = s.incidents().header(ID).orElseThrow().currentRevision();
                String original = s.incidents().source(ID, base).orElseThrow();
                for (int i = 0; i < 6; i++) {
                    int rev = s.incidents().header(ID).orElseThrow().currentRevision();
                    // every other save moves labels away, the next brings the original ones back
                    String next = i % 2 == 0 ? relabel(original).replace("payments-edge", "search-edge-" + i) : original;
                    assertInstanceOf(Authoring.Saved.class, authoring.update(ID, next, rev, "t", "edit"));
                }
            }, failures);
            for (int batch = 0; batch < 5; batch++) {
                GenerateCommand.fill(s, 11, batch * 10, 10);
            }
            editor.join();
            writing.set(false);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), failures);
            Map<String, Map<String, Integer>> expected = recount(jdbi);
            assertEquals(expected, tables(jdbi));
            for (Insights insights : List.of(first, second)) {
                assertEquals(expected.get("service"), asMap(insights.facets().get("services")));
                assertEquals(expected.get("tag"), asMap(insights.facets().get("tags")));
            }
        } finally {
            s.close();
        }
    }

    /**
     * Two saves on two incidents at once: the slow one takes its change-log number first and commits last, below a
     * head another instance's reader has already seen. Each instance's cached facets must still move when it commits.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void a_write_committing_below_the_seen_head_moves_the_cached_facets_of_both_instances(String kind) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            Insights first = new Insights(jdbi);
            Insights second = new Insights(jdbi);
            WriteHooks.register(jdbi, "list-counts", first.counts());
            CountDownLatch numbered = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            // hooks run in name order: this one holds the slow save after its change-log row, before "list-counts"
            WriteHooks.register(jdbi, "a-hold", h -> {
                if (Thread.currentThread().getName().equals("slow-save")) {
                    numbered.countDown();
                    await(resume);
                }
            });
            first.facets();
            second.facets();

            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread slow = new Thread(() -> {
                try {
                    addService(s, jdbi, ID, "late-commit-svc");
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "slow-save");
            slow.start();
            assertTrue(numbered.await(1, TimeUnit.MINUTES), "the slow save reached its hooks");
            addService(s, jdbi, OTHER, "early-commit-svc");
            for (Insights reader : List.of(first, second)) {
                Map<String, Integer> services = asMap(reader.facets().get("services"));
                assertEquals(1, services.get("early-commit-svc"), "the save that committed is counted");
                assertFalse(services.containsKey("late-commit-svc"), "the held save is not committed yet");
            }
            resume.countDown();
            slow.join(60_000);
            assertEquals(List.of(), failures);
            assertTrue(lastSeq(jdbi, ID) < lastSeq(jdbi, OTHER), "the slow save holds the lower number");

            Map<String, Map<String, Integer>> expected = recount(jdbi);
            assertEquals(expected, tables(jdbi));
            for (Insights reader : List.of(first, second)) {
                assertEquals(expected.get("service"), asMap(reader.facets().get("services")),
                        "the late commit shows on both instances");
            }
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_rebuild_over_filled_tables_equals_a_build_from_empty_and_a_recount_while_other_readers_wait(String kind)
            throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            GenerateCommand.fill(s, 5, 0, 40);
            Jdbi jdbi = s.db().jdbi();
            ListCounts one = new ListCounts(jdbi);
            one.sync();
            List<List<Object>> fromEmpty = snapshot(jdbi);
            assertTrue(fromEmpty.size() > 400, "the tables are filled: " + fromEmpty.size());
            assertMatchesRecount(jdbi, one);

            // a restored database: the tables ahead of the log, and some of their rows wrong
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = seq + 100000"));
            jdbi.useHandle(h -> h.execute("UPDATE list_counts SET n = n + 7 WHERE kind = 'service'"));
            ListCounts other = new ListCounts(jdbi);
            java.util.concurrent.CountDownLatch inBuild = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
            BuildHook.set(jdbi, what -> {
                builds.incrementAndGet();
                inBuild.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread rebuilding = start(one::sync, failures);
            assertTrue(inBuild.await(1, java.util.concurrent.TimeUnit.MINUTES));
            // another instance meanwhile: its pages hear that the counts are being built, and its own sync waits for
            // the rebuild in progress instead of starting a second one
            assertEquals(DerivedTables.BUILDING, other.syncWithin(java.time.Duration.ofMillis(50)));
            Thread waiting = start(other::sync, failures);
            release.countDown();
            rebuilding.join();
            waiting.join();
            assertEquals(List.of(), failures);
            assertEquals(1, builds.get(), "one rebuild for both instances");
            assertEquals(fromEmpty, snapshot(jdbi), "rebuilt over filled tables: the same rows as built from empty");
            assertMatchesRecount(jdbi, other);
            assertTrue(other.syncWithin(java.time.Duration.ofMillis(50)) != DerivedTables.BUILDING);
        } finally {
            s.close();
        }
    }
}
