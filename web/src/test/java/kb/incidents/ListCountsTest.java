package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestContent;
import kb.TestDatabases;
import kb.authoring.Authoring;
import kb.cli.GenerateCommand;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident list's filter counts (V54 tables) against a count from scratch over published, listed incidents, on
 * H2 and PostgreSQL: after imports, edits that move labels, drafts, a restore, unlisting and listing again, bulk
 * inserts, a second instance, stale or missing tables, and with readers and writers at once.
 */
class ListCountsTest {

    private static final String ID = "cgo-unsafe-pointer-out-of-bounds";
    private static final String OTHER = "context-timeout-not-propagated";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void counts_equal_a_count_from_scratch_after_every_kind_of_write(String kind, @TempDir Path tmp) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ListCounts one = new ListCounts(jdbi);
            ListCounts other = new ListCounts(jdbi);
            long v0 = one.sync();
            assertMatchesRecount(jdbi, one);

            Authoring authoring = new Authoring(jdbi);
            int rev = s.incidents().header(ID).orElseThrow().currentRevision();
            String text = s.incidents().source(ID, rev).orElseThrow();
            String edited = relabel(text);
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, edited, rev, "t", "edit"));
            long v1 = one.sync();
            assertNotEquals(v0, v1, "a write moves the version the page caches are keyed on");
            assertMatchesRecount(jdbi, one);
            assertEquals(v1, one.sync(), "no write, no move");
            assertEquals(1, counts(jdbi, "service").get("payments-edge"), "the new service counts once");

            // a draft leaves every count; an instance that never synced before sees the same
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, edited.replace("status: published", "status: draft"),
                    rev + 1, "t", "edit"));
            other.sync();
            assertMatchesRecount(jdbi, other);
            assertFalse(counts(jdbi, "service").containsKey("payments-edge"), "a draft's labels are not counted");

            // restoring the first revision brings back its labels
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, text, rev + 2, "t", "restore"));
            one.sync();
            assertMatchesRecount(jdbi, one);

            // a bundled file removed unlists its incident; the same file back lists it again (no new revision)
            String gone = "hot-loop-logging-cpu";
            Path content = TestContent.copy(TestApp.CONTENT, tmp.resolve("content"));
            Path file = content.resolve("incidents").resolve(gone + ".md");
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            s.incidents().importContent(content);
            assertFalse(s.incidents().header(gone).orElseThrow().listed());
            one.sync();
            assertMatchesRecount(jdbi, one);
            long before = recount(jdbi).get("severity").values().stream().mapToLong(Integer::longValue).sum();
            Files.write(file, bytes);
            s.incidents().importContent(content);
            assertTrue(s.incidents().header(gone).orElseThrow().listed());
            // the instance that saw the unlisting (another would look at recent changes again and hide a missed one)
            one.sync();
            assertMatchesRecount(jdbi, one);
            assertEquals(before + 1, sum(jdbi, "severity"), "the incident listed again is counted again");

            GenerateCommand.fill(s, 7, 0, 120);
            other.sync();
            assertMatchesRecount(jdbi, other);

            // tables never built (a database just migrated) and tables ahead of the log (a restored backup)
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = -1"));
            jdbi.useHandle(h -> h.execute("DELETE FROM list_counts"));
            GenerateCommand.fill(s, 7, 120, 5);
            one.sync();
            assertMatchesRecount(jdbi, one);
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = seq + 1000"));
            jdbi.useHandle(h -> h.execute("DELETE FROM list_count_rows WHERE kind = 'tag'"));
            GenerateCommand.fill(s, 7, 125, 5);
            other.sync();
            assertMatchesRecount(jdbi, other);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_write_with_the_hook_registered_is_counted_when_it_commits_before_any_read(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ListCounts counts = new ListCounts(jdbi);
            counts.sync();
            WriteHooks.register(jdbi, "list-counts", counts);
            long seq = stateSeq(jdbi);

            int rev = s.incidents().header(ID).orElseThrow().currentRevision();
            String edited = relabel(s.incidents().source(ID, rev).orElseThrow());
            assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(ID, edited, rev, "t", "edit"));
            // no sync: the tables as the write's transaction left them
            assertEquals(recount(jdbi), tables(jdbi));
            assertEquals(s.incidents().head(), stateSeq(jdbi), "the state follows the write");
            assertTrue(stateSeq(jdbi) > seq);

            GenerateCommand.fill(s, 3, 0, 40);
            assertEquals(recount(jdbi), tables(jdbi), "bulk inserts are counted in their own transactions");
        } finally {
            s.close();
        }
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

    /** Saves incident {@code id} again with {@code service} added to its services. */
    private static void addService(App.Services s, Jdbi jdbi, String id, String service) {
        int rev = s.incidents().header(id).orElseThrow().currentRevision();
        String text = s.incidents().source(id, rev).orElseThrow();
        String edited = text.replaceFirst("(?m)^services: \\[", "services: [" + service + ", ");
        assertNotEquals(text, edited);
        assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(id, edited, rev, "t", "edit"));
    }

    private static long lastSeq(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(seq) FROM incident_changes WHERE incident_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row of both tables, in key order. */
    private static List<List<Object>> snapshot(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<List<Object>> rows = new ArrayList<>(h.createQuery("SELECT incident_id, kind, name FROM list_count_rows ORDER BY 1, 2, 3")
                    .map((rs, c) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3))).list());
            rows.addAll(h.createQuery("SELECT kind, name, n FROM list_counts ORDER BY 1, 2")
                    .map((rs, c) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
            return rows;
        });
    }

    /** Moves the fixture incident to another severity, year, service, tag set, category and checklist item. */
    private static String relabel(String text) {
        String edited = text.replace("severity: P0", "severity: P2")
                .replace("started: 2024-03-05T10:00:00+08:00", "started: 2021-03-05T10:00:00+08:00")
                .replace("services: [native-codec-bridge]", "services: [native-codec-bridge, payments-edge]")
                .replace("tags: [go, cgo, unsafe,", "tags: [cgo, unsafe, brand-new-tag,")
                .replace("categories: [memory-safety, security, concurrency]", "categories: [memory-safety]")
                .replace("checklist: [MEM-01, MEM-02]", "checklist: [MEM-01]");
        assertNotEquals(text, edited);
        return edited;
    }

    private static Thread start(Runnable body, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        t.start();
        return t;
    }

    private static void assertMatchesRecount(Jdbi jdbi, ListCounts counts) {
        Map<String, Map<String, Integer>> expected = recount(jdbi);
        assertTrue(expected.get("service").size() > 3, "the fixture has services to count");
        assertEquals(expected, tables(jdbi));
        Map<String, List<Insights.Count>> read = counts.read();
        for (String k : ListCounts.KINDS) {
            assertEquals(expected.get(k), asMap(read.get(k)), k);
            List<Insights.Count> list = read.get(k);
            for (int i = 1; i < list.size() && !k.equals("year") && !k.equals("severity"); i++) {
                assertTrue(list.get(i - 1).count() >= list.get(i).count(), k + " most used first");
            }
        }
    }

    /** The counts straight from the label tables, as the list counted them before V54. */
    private static Map<String, Map<String, Integer>> recount(Jdbi jdbi) {
        String visible = " JOIN incidents i ON i.id = l.incident_id WHERE i.listed = TRUE AND i.status = 'published' GROUP BY ";
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        jdbi.useHandle(h -> {
            out.put("severity", pairs(h, "SELECT severity, COUNT(*) FROM incidents l WHERE listed = TRUE AND status = 'published' GROUP BY severity"));
            out.put("year", pairs(h, "SELECT CAST(started_year AS VARCHAR(11)), COUNT(*) FROM incidents l"
                    + " WHERE listed = TRUE AND status = 'published' GROUP BY started_year"));
            out.put("service", pairs(h, "SELECT l.name, COUNT(*) FROM incident_services l" + visible + "l.name"));
            out.put("tag", pairs(h, "SELECT l.name, COUNT(*) FROM incident_tags l" + visible + "l.name"));
            out.put("category", pairs(h, "SELECT l.name, COUNT(*) FROM incident_categories l" + visible + "l.name"));
            out.put("checklist", pairs(h, "SELECT l.checklist_id, COUNT(*) FROM incident_checklist l" + visible + "l.checklist_id"));
        });
        return out;
    }

    /** What {@code list_counts} holds, by kind. */
    private static Map<String, Map<String, Integer>> tables(Jdbi jdbi) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        ListCounts.KINDS.forEach(k -> out.put(k, new TreeMap<>()));
        jdbi.useHandle(h -> h.createQuery("SELECT kind, name, n FROM list_counts")
                .map((rs, c) -> out.get(rs.getString(1)).put(rs.getString(2), rs.getInt(3))).list());
        return out;
    }

    private static Map<String, Integer> counts(Jdbi jdbi, String kind) {
        return tables(jdbi).get(kind);
    }

    private static long sum(Jdbi jdbi, String kind) {
        return counts(jdbi, kind).values().stream().mapToLong(Integer::longValue).sum();
    }

    private static long stateSeq(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM list_count_state").mapTo(Long.class).one());
    }

    private static Map<String, Integer> pairs(Handle h, String sql) {
        Map<String, Integer> m = new TreeMap<>();
        h.createQuery(sql).map((rs, c) -> m.put(rs.getString(1), rs.getInt(2))).list();
        return m;
    }

    private static Map<String, Integer> asMap(Object counts) {
        Map<String, Integer> m = new TreeMap<>();
        for (Object o : (List<?>) counts) {
            Insights.Count c = (Insights.Count) o;
            m.put(c.name(), c.count());
        }
        return m;
    }
}
