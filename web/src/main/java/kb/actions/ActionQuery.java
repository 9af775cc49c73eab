package kb.actions;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Action items across incidents, filtered, sorted by due date (items without one last) and paginated in SQL, so
 * the page stays fast with hundreds of thousands of items: the order and the filters are read from
 * {@code action_list} through its indexes, the counts from {@code action_totals} and {@code action_cube}
 * ({@link ActionSummary} keeps them; call its {@code sync} first), and only the page's own rows from the incidents
 * feature's {@code action_items}. Writes go through the authoring facade as new revisions of the Markdown.
 */
final class ActionQuery {

    /** One action item as the list shows it; {@code position} is its index in the incident's Action items section. */
    record Item(String incidentId, String incidentTitle, String severity, boolean draft, int revision, int position,
                boolean done, String text, String html, String owner, LocalDate due, String type,
                List<String> services, boolean overdue) {

        public String status() {
            return done ? "done" : "open";
        }
    }

    /** One page of items; {@code total} counts every match. */
    record Page(List<Item> items, int total, int page, int size) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** A facet value and how many visible items carry it. */
    record Count(String name, int count) {
    }

    /** Counts over every item the caller may see, for the filter form. */
    record Facets(List<Count> owners, List<Count> services, Map<String, Integer> types, Map<String, Integer> statuses,
                  int overdue) {
    }

    private final Jdbi jdbi;

    ActionQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The page of items matching {@code f} on {@code today}; drafts' items only when {@code includeDrafts}. */
    Page find(ActionFilter f, boolean includeDrafts, LocalDate today) {
        return find(f, includeDrafts, today, UNCACHED);
    }

    /** As above, with the summary's {@code version} (see {@code ActionSummary.sync}): the cube is read once per version. */
    Page find(ActionFilter f, boolean includeDrafts, LocalDate today, long version) {
        StringBuilder where = new StringBuilder(includeDrafts ? " WHERE 1 = 1" : " WHERE l.published = TRUE");
        Map<String, Object> binds = new HashMap<>();
        in(where, binds, "l.owner", "owner", f.owners());
        in(where, binds, "l.type_key", "type", f.types());
        if (f.statuses().size() == 1) {
            where.append(" AND l.done = ").append(f.statuses().get(0).equals("done") ? "TRUE" : "FALSE");
        }
        if (!f.services().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM action_list_services s WHERE s.incident_id = l.incident_id"
                    + " AND s.name IN (<service>))");
            binds.put("service", f.services());
        }
        if (f.overdue()) {
            where.append(" AND l.done = FALSE AND l.due_key < :today");
            binds.put("today", today);
        }
        return jdbi.withHandle(h -> {
            int total = total(h, f, includeDrafts, today, where, binds, version);
            int offset = (f.page() - 1) * f.size();
            // the page's keys in the order of the action_list_order index (LIMIT-bounded walk), then its rows
            List<String> keys = bind(h.createQuery("SELECT l.incident_id, l.position FROM action_list l" + where
                    + " ORDER BY l.due_key, l.started_at DESC, l.incident_id, l.position"
                    + " LIMIT " + f.size() + " OFFSET " + offset), binds)
                    .map((rs, c) -> rs.getString(1) + "\n" + rs.getInt(2)).list();
            return new Page(items(h, keys, today), total, f.page(), f.size());
        });
    }

    /**
     * How many items match: from the summary tables when the filter is one they count (type, status and overdue
     * together; or one owner, or one service, alone), otherwise counted over {@code action_list}.
     */
    private int total(Handle h, ActionFilter f, boolean drafts, LocalDate today, CharSequence where,
                      Map<String, Object> binds, long version) {
        String visible = drafts ? "" : " AND published = TRUE";
        boolean cubeOnly = f.owners().isEmpty() && f.services().isEmpty();
        if (cubeOnly) {
            long sum = 0;
            for (CubeRow r : cube(h, version)) {
                boolean status = f.statuses().size() != 1 || r.done() == f.statuses().get(0).equals("done");
                if ((drafts || r.published()) && (f.types().isEmpty() || f.types().contains(r.type())) && status
                        && (!f.overdue() || r.late(today))) {
                    sum += r.n();
                }
            }
            return (int) sum;
        }
        boolean onlyOne = f.types().isEmpty() && f.statuses().size() != 1 && !f.overdue()
                && f.owners().size() + f.services().size() == 1;
        if (onlyOne) {
            boolean owner = f.owners().size() == 1;
            return h.createQuery("SELECT COALESCE(SUM(n), 0) FROM action_totals WHERE kind = :kind AND name = :name" + visible)
                    .bind("kind", owner ? "owner" : "service").bind("name", owner ? f.owners().get(0) : f.services().get(0))
                    .mapTo(Integer.class).one();
        }
        return bind(h.createQuery("SELECT COUNT(*) FROM action_list l" + where), binds).mapTo(Integer.class).one();
    }

    /** The items named by {@code keys} ("incident\nposition"), in that order, with their incidents' services. */
    private static List<Item> items(Handle h, List<String> keys, LocalDate today) {
        List<String> ids = keys.stream().map(k -> k.substring(0, k.indexOf('\n'))).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> services = services(h, ids);
        Map<String, Item> byKey = new HashMap<>();
        h.createQuery("SELECT a.incident_id, i.title, i.severity, i.status, i.current_revision, a.position, a.done,"
                        + " a.text, a.html, a.owner, a.due, a.type FROM action_items a JOIN incidents i ON i.id = a.incident_id"
                        + " WHERE a.incident_id IN (<ids>)").bindList("ids", ids)
                .map((rs, c) -> {
                    LocalDate due = rs.getObject("due", LocalDate.class);
                    boolean done = rs.getBoolean("done");
                    String id = rs.getString("incident_id");
                    return byKey.put(id + "\n" + rs.getInt("position"), new Item(id, rs.getString("title"),
                            rs.getString("severity"), "draft".equals(rs.getString("status")), rs.getInt("current_revision"),
                            rs.getInt("position"), done, rs.getString("text"), rs.getString("html"), rs.getString("owner"),
                            due, rs.getString("type"), services.getOrDefault(id, List.of()),
                            !done && due != null && due.isBefore(today)));
                }).list();
        // an item gone since the summary was read (a write in between) is left out of this page
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /** Facet counts over every item the caller may see (filters not applied, as on the incident list). */
    Facets facets(boolean includeDrafts, LocalDate today) {
        return facets(includeDrafts, today, UNCACHED);
    }

    /** As above, with the summary's {@code version}: the cube is read once per version. */
    Facets facets(boolean includeDrafts, LocalDate today, long version) {
        String visible = includeDrafts ? "" : " AND published = TRUE";
        return jdbi.withHandle(h -> {
            List<Count> owners = counts(h, "SELECT name, SUM(n) AS n FROM action_totals WHERE kind = 'owner'" + visible
                    + " GROUP BY name ORDER BY n DESC, name");
            List<Count> services = counts(h, "SELECT name, SUM(n) AS n FROM action_totals WHERE kind = 'service'" + visible
                    + " GROUP BY name ORDER BY n DESC, name");
            Map<String, Integer> types = new LinkedHashMap<>();
            ActionFilter.TYPES.forEach(t -> types.put(t, 0));
            Map<String, Integer> statuses = new LinkedHashMap<>();
            statuses.put("open", 0);
            statuses.put("done", 0);
            int[] overdue = {0};
            for (CubeRow r : cube(h, version)) {
                if (!includeDrafts && !r.published()) {
                    continue;
                }
                int n = (int) r.n();
                if (!r.type().isEmpty()) {
                    types.merge(r.type(), n, Integer::sum);
                }
                statuses.merge(r.done() ? "done" : "open", n, Integer::sum);
                overdue[0] += r.late(today) ? n : 0;
            }
            return new Facets(owners, services, types, statuses, overdue[0]);
        });
    }

    /** Passed as the version when nothing may be reused: the cube is read again. */
    static final long UNCACHED = Long.MIN_VALUE;

    /** One row of {@code action_cube}: items of one visibility, type, status and (open items) due date. */
    private record CubeRow(boolean published, String type, boolean done, LocalDate due, long n) {
        boolean late(LocalDate today) {
            return !done && due.isBefore(today);
        }
    }

    private record Cube(long version, List<CubeRow> rows) {
    }

    /** Replaced whole: a reader gets one version's rows or another's. */
    private volatile Cube cube;

    /**
     * The cube's rows (a few thousand: one per type and due date of open items): read once per summary version, so
     * the type, status and overdue counts and every total of a filter on them are sums in memory (two scans of the
     * cube per first page after a write were half of its database time on H2 at 100,000 incidents).
     */
    private List<CubeRow> cube(Handle h, long version) {
        Cube c = cube;
        if (c != null && version != UNCACHED && c.version() == version) {
            return c.rows();
        }
        List<CubeRow> rows = h.createQuery("SELECT published, type_key, done, due_key, n FROM action_cube")
                .map((rs, ctx) -> new CubeRow(rs.getBoolean(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5))).list();
        if (version != UNCACHED) {
            cube = new Cube(version, rows);
        }
        return rows;
    }

    private static List<Count> counts(Handle h, String sql) {
        return h.createQuery(sql).map((rs, c) -> new Count(rs.getString("name"), rs.getInt("n"))).list();
    }

    private static Map<String, List<String>> services(Handle h, List<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        if (!ids.isEmpty()) {
            h.createQuery("SELECT incident_id, name FROM incident_services WHERE incident_id IN (<ids>) ORDER BY incident_id, position")
                    .bindList("ids", ids)
                    .map((rs, c) -> out.computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>()).add(rs.getString("name")))
                    .list();
        }
        return out;
    }

    private static void in(StringBuilder where, Map<String, Object> binds, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (<").append(name).append(">)");
            binds.put(name, values);
        }
    }

    private static Query bind(Query q, Map<String, Object> binds) {
        binds.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                q.bindList(k, l);
            } else {
                q.bind(k, v);
            }
        });
        return q;
    }
}
