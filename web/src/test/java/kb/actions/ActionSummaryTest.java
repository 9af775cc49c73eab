package kb.actions;

import kb.App;
import kb.TestApp;
import kb.TestContent;
import kb.TestDatabases;
import kb.authoring.Authoring;
import kb.cli.GenerateCommand;
import kb.incidents.WriteHooks;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The action summary tables against a count from scratch over {@code action_items}, on H2 and PostgreSQL, after
 * every kind of write: import, edits that move owners, types, due dates, services and status, marking done, a
 * restored revision, an unlisted incident, synthetic bulk inserts, a second instance, and stale or missing tables.
 */
class ActionSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void totals_and_order_equal_a_count_from_scratch_after_every_kind_of_write(String kind, @TempDir Path tmp)
            throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ActionSummary one = new ActionSummary(jdbi);
            ActionSummary other = new ActionSummary(jdbi);
            ActionQuery q = new ActionQuery(jdbi);
            long v0 = one.sync();
            assertMatchesRecount(jdbi, q);

            Authoring authoring = new Authoring(jdbi);
            String id = "cgo-unsafe-pointer-out-of-bounds";
            int rev = s.incidents().header(id).orElseThrow().currentRevision();
            String text = s.incidents().source(id, rev).orElseThrow();
            String edited = text.replace("owner: codec-team", "owner: someone-new")
                    .replace("due: 2024-04-12, type: prevent", "due: 2024-07-01, type: detect")
                    .replace("services: [native-codec-bridge]", "services: [native-codec-bridge, payments-edge]")
                    .replace("- [x] eBPF", "- [ ] eBPF");
            assertNotEquals(text, edited);
            assertInstanceOf(Authoring.Saved.class, authoring.update(id, edited, rev, "t", "edit"));
            long v1 = one.sync();
            assertNotEquals(v0, v1, "a write moves the version the page caches are keyed on");
            assertMatchesRecount(jdbi, q);
            assertEquals(v1, one.sync(), "no write, no move");

            // marking done as /actions does, then seen by another instance that never synced before
            String marked = ActionMarkdown.withStatus(edited, 5, true).orElseThrow();
            assertInstanceOf(Authoring.Saved.class, authoring.update(id, marked, rev + 1, "t", "action"));
            other.sync();
            assertMatchesRecount(jdbi, q);
            one.sync();
            assertMatchesRecount(jdbi, q);

            // a draft's items count only for editors
            String draft = marked.replace("status: published", "status: draft");
            assertInstanceOf(Authoring.Saved.class, authoring.update(id, draft, rev + 2, "t", "edit"));
            one.sync();
            assertMatchesRecount(jdbi, q);

            // restore of the first revision
            assertInstanceOf(Authoring.Saved.class, authoring.update(id, text, rev + 3, "t", "restore"));
            one.sync();
            assertMatchesRecount(jdbi, q);

            // an incident whose bundled file is gone is unlisted: its items leave the list and the counts
            String gone = "hot-loop-logging-cpu";
            assertTrue(jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM action_list WHERE incident_id = :id")
                    .bind("id", gone).mapTo(Integer.class).one()) > 0, "the incident has items to lose");
            Path content = TestContent.copy(TestApp.CONTENT, tmp.resolve("content"));
            Files.delete(content.resolve("incidents").resolve(gone + ".md"));
            s.incidents().importContent(content);
            assertTrue(!s.incidents().header(gone).orElseThrow().listed());
            one.sync();
            assertMatchesRecount(jdbi, q);
            int left = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM action_list WHERE incident_id = :id")
                    .bind("id", gone).mapTo(Integer.class).one());
            assertEquals(0, left);

            GenerateCommand.fill(s, 7, 0, 120);
            other.sync();
            assertMatchesRecount(jdbi, q);

            // tables never built (a database just migrated) and tables ahead of the log (a restored backup)
            jdbi.useHandle(h -> h.execute("UPDATE action_state SET seq = -1"));
            jdbi.useHandle(h -> h.execute("DELETE FROM action_cube"));
            GenerateCommand.fill(s, 7, 120, 5);
            one.sync();
            assertMatchesRecount(jdbi, q);
            jdbi.useHandle(h -> h.execute("UPDATE action_state SET seq = seq + 1000"));
            jdbi.useHandle(h -> h.execute("DELETE FROM action_totals"));
            GenerateCommand.fill(s, 7, 125, 5);
            other.sync();
            assertMatchesRecount(jdbi, q);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void two_instances_syncing_while_incidents_are_written_agree_with_a_count_from_scratch(String kind) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            List<ActionSummary> instances = List.of(new ActionSummary(jdbi), new ActionSummary(jdbi));
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Thread> readers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (ActionSummary one : instances) {
                Thread t = new Thread(() -> {
                    while (writing.get()) {
                        try {
                            one.sync();
                        } catch (RuntimeException e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
                t.start();
                readers.add(t);
            }
            for (int batch = 0; batch < 6; batch++) {
                GenerateCommand.fill(s, 11, batch * 10, 10);
            }
            writing.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertEquals(List.of(), failures);
            instances.get(0).sync();
            instances.get(1).sync();
            assertMatchesRecount(jdbi, new ActionQuery(jdbi));
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_write_with_the_hook_registered_is_in_the_tables_when_it_commits_before_any_read(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ActionSummary summary = new ActionSummary(jdbi);
            summary.sync();
            WriteHooks.register(jdbi, "actions", summary);
            String id = "cgo-unsafe-pointer-out-of-bounds";
            int rev = s.incidents().header(id).orElseThrow().currentRevision();
            String text = s.incidents().source(id, rev).orElseThrow();
            String edited = text.replace("owner: codec-team", "owner: someone-new").replace("- [x] eBPF", "- [ ] eBPF");
            assertNotEquals(text, edited);
            assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(id, edited, rev, "t", "edit"));
            // no sync: the tables as the write's own transaction left them
            long state = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM action_state").mapTo(Long.class).one());
            assertEquals(s.incidents().head(), state, "the state follows the write");
            assertTrue(jdbi.withHandle(h -> h.createQuery("SELECT n FROM action_totals WHERE kind = 'owner' AND name = 'someone-new'")
                    .mapTo(Long.class).findOne()).isPresent(), "the new owner is counted");
            assertMatchesRecount(jdbi, new ActionQuery(jdbi));
            GenerateCommand.fill(s, 5, 0, 30);
            assertMatchesRecount(jdbi, new ActionQuery(jdbi));
        } finally {
            s.close();
        }
    }

    /** Facets, filtered totals and the first page equal what the source tables say, for readers and editors. */
    @ParameterizedTest
    @MethodSource("kinds")
    void a_rebuild_over_filled_tables_equals_a_build_from_empty_and_a_count_from_scratch(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            GenerateCommand.fill(s, 9, 0, 40);
            Jdbi jdbi = s.db().jdbi();
            ActionSummary summary = new ActionSummary(jdbi);
            summary.sync();
            Map<String, List<List<Object>>> fromEmpty = snapshot(jdbi);
            assertTrue(fromEmpty.get("action_list").size() > 100, "the tables are filled");
            assertMatchesRecount(jdbi, new ActionQuery(jdbi));

            // never built again (-1) over tables that hold rows, some of them wrong
            jdbi.useHandle(h -> h.execute("UPDATE action_state SET seq = -1"));
            jdbi.useHandle(h -> h.execute("UPDATE action_totals SET n = n + 3"));
            jdbi.useHandle(h -> h.execute("DELETE FROM action_cube WHERE done = TRUE"));
            new ActionSummary(jdbi).sync();
            assertEquals(fromEmpty, snapshot(jdbi), "rebuilt over filled tables: the same rows as built from empty");
            assertMatchesRecount(jdbi, new ActionQuery(jdbi));
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void counts_read_once_per_summary_version_equal_a_fresh_read_and_move_with_the_next_version(String kind) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ActionSummary summary = new ActionSummary(jdbi);
            WriteHooks.register(jdbi, "actions", summary);
            long v1 = summary.sync();
            ActionQuery q = new ActionQuery(jdbi);
            ActionFilter overdue = filter(List.of(), List.of("prevent", "detect"), List.of("open"), List.of(), true);
            ActionQuery.Facets first = q.facets(false, TODAY, v1);
            assertEquals(q.facets(false, TODAY), first, "read once per version: the same counts as read afresh");
            assertEquals(q.find(overdue, false, TODAY).total(), q.find(overdue, false, TODAY, v1).total());
            assertEquals(q.facets(true, TODAY), q.facets(true, TODAY, v1), "drafts included, from the same rows");

            String id = "cgo-unsafe-pointer-out-of-bounds";
            int rev = s.incidents().header(id).orElseThrow().currentRevision();
            String text = s.incidents().source(id, rev).orElseThrow();
            String marked = ActionMarkdown.withStatus(text, 0, !text.contains("- [x]")).orElseThrow();
            assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(id, marked, rev, "t", "action"));
            long v2 = summary.sync();
            assertNotEquals(v1, v2);
            ActionQuery.Facets second = q.facets(false, TODAY, v2);
            assertEquals(q.facets(false, TODAY), second, "the next version reads the cube again");
            assertNotEquals(first.statuses(), second.statuses(), "an item changed status");
            assertEquals(q.find(overdue, false, TODAY).total(), q.find(overdue, false, TODAY, v2).total());
        } finally {
            s.close();
        }
    }

    /** Every row of the four summary tables, each in key order. */
    private static Map<String, List<List<Object>>> snapshot(Jdbi jdbi) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            for (String sql : List.of("SELECT * FROM action_list ORDER BY incident_id, position",
                    "SELECT * FROM action_list_services ORDER BY incident_id, name",
                    "SELECT * FROM action_totals ORDER BY published, kind, name",
                    "SELECT * FROM action_cube ORDER BY published, type_key, done, due_key")) {
                out.put(sql.split(" ")[3], h.createQuery(sql).map((rs, c) -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                    return row;
                }).list());
            }
        });
        return out;
    }

    private static void assertMatchesRecount(Jdbi jdbi, ActionQuery q) {
        for (boolean drafts : List.of(false, true)) {
            ActionQuery.Facets f = q.facets(drafts, TODAY);
            Map<String, Object> recount = jdbi.withHandle(h -> recount(h, drafts));
            assertEquals(recount.get("owners"), f.owners(), "owners, drafts " + drafts);
            assertEquals(recount.get("services"), f.services(), "services, drafts " + drafts);
            assertEquals(recount.get("types"), f.types(), "types, drafts " + drafts);
            assertEquals(recount.get("statuses"), f.statuses(), "statuses, drafts " + drafts);
            assertEquals(recount.get("overdue"), f.overdue(), "overdue, drafts " + drafts);
            List<ActionFilter> filters = new ArrayList<>(List.of(filter(List.of(), List.of(), List.of(), List.of(), false),
                    filter(List.of(), List.of("prevent"), List.of(), List.of(), true),
                    filter(List.of(), List.of(), List.of("open"), List.of(), false)));
            if (!f.owners().isEmpty() && !f.services().isEmpty()) {
                String owner = f.owners().get(0).name();
                String service = f.services().get(0).name();
                filters.add(filter(List.of(owner), List.of(), List.of(), List.of(), false));
                filters.add(filter(List.of(), List.of(), List.of(), List.of(service), false));
                filters.add(filter(List.of(owner), List.of("prevent", "detect"), List.of("open"), List.of(service), false));
            }
            for (ActionFilter filter : filters) {
                ActionQuery.Page page = q.find(filter, drafts, TODAY);
                List<String> expected = jdbi.withHandle(h -> keys(h, filter, drafts));
                assertEquals(expected.size(), page.total(), filter + ", drafts " + drafts);
                assertEquals(expected.subList(0, Math.min(200, expected.size())),
                        page.items().stream().map(i -> i.incidentId() + "/" + i.position()).toList(), "order of " + filter);
            }
        }
    }

    private static ActionFilter filter(List<String> owners, List<String> types, List<String> statuses,
                                       List<String> services, boolean overdue) {
        return new ActionFilter(owners, types, statuses, services, overdue, 1, 200);
    }

    private static final String FROM = " FROM action_items a JOIN incidents i ON i.id = a.incident_id WHERE i.listed = TRUE";

    /** Every matching item straight from action_items, in the list's order. */
    private static List<String> keys(Handle h, ActionFilter f, boolean drafts) {
        StringBuilder sql = new StringBuilder("SELECT a.incident_id, a.position" + FROM + (drafts ? "" : " AND i.status = 'published'"));
        f.owners().forEach(o -> sql.append(" AND a.owner = '").append(o).append("'"));
        if (!f.types().isEmpty()) {
            sql.append(" AND a.type IN ('").append(String.join("', '", f.types())).append("')");
        }
        if (f.statuses().size() == 1) {
            sql.append(" AND a.done = ").append(f.statuses().get(0).equals("done"));
        }
        if (!f.services().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = a.incident_id AND s.name IN ('")
                    .append(String.join("', '", f.services())).append("'))");
        }
        if (f.overdue()) {
            sql.append(" AND a.done = FALSE AND a.due < DATE '").append(TODAY).append("'");
        }
        sql.append(" ORDER BY CASE WHEN a.due IS NULL THEN 1 ELSE 0 END, a.due, i.started_at DESC, a.incident_id, a.position");
        return h.createQuery(sql.toString()).map((rs, c) -> rs.getString(1) + "/" + rs.getInt(2)).list();
    }

    /** The facet counts as the list counted them before the summary tables existed. */
    private static Map<String, Object> recount(Handle h, boolean drafts) {
        String from = FROM + (drafts ? "" : " AND i.status = 'published'");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("owners", counts(h, "SELECT a.owner, COUNT(*) AS n" + from + " AND a.owner IS NOT NULL GROUP BY a.owner ORDER BY n DESC, a.owner"));
        out.put("services", counts(h, "SELECT s.name, COUNT(*) AS n" + from.replace(" JOIN incidents",
                " JOIN incident_services s ON s.incident_id = a.incident_id JOIN incidents") + " GROUP BY s.name ORDER BY n DESC, s.name"));
        Map<String, Integer> types = new LinkedHashMap<>();
        ActionFilter.TYPES.forEach(t -> types.put(t, 0));
        counts(h, "SELECT a.type, COUNT(*) AS n" + from + " AND a.type IS NOT NULL GROUP BY a.type").forEach(c -> types.put(c.name(), c.count()));
        out.put("types", types);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("open", 0);
        statuses.put("done", 0);
        counts(h, "SELECT CASE WHEN a.done THEN 'done' ELSE 'open' END, COUNT(*) AS n" + from
                + " GROUP BY CASE WHEN a.done THEN 'done' ELSE 'open' END").forEach(c -> statuses.put(c.name(), c.count()));
        out.put("statuses", statuses);
        out.put("overdue", h.createQuery("SELECT COUNT(*)" + from + " AND a.done = FALSE AND a.due < :today")
                .bind("today", TODAY).mapTo(Integer.class).one());
        assertTrue(((List<?>) out.get("owners")).size() > 3, "the fixture has owners to count");
        return out;
    }

    private static List<ActionQuery.Count> counts(Handle h, String sql) {
        return h.createQuery(sql).map((rs, c) -> new ActionQuery.Count(rs.getString(1), rs.getInt(2))).list();
    }
}
