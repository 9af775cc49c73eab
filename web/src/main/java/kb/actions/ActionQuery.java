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

/**
 * Action items across incidents, filtered, sorted by due date (items without one last) and paginated in SQL, so
 * the page stays fast with hundreds of thousands of items. Read-only over the incidents feature's
 * {@code action_items} rows (the parsed parts of each incident's current revision); writes go through the
 * authoring facade as new revisions of the Markdown.
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
        StringBuilder where = new StringBuilder(visible(includeDrafts));
        Map<String, Object> binds = new HashMap<>();
        in(where, binds, "a.owner", "owner", f.owners());
        in(where, binds, "a.type", "type", f.types());
        if (f.statuses().size() == 1) {
            where.append(" AND a.done = ").append(f.statuses().get(0).equals("done") ? "TRUE" : "FALSE");
        }
        if (!f.services().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = a.incident_id AND s.name IN (<service>))");
            binds.put("service", f.services());
        }
        if (f.overdue()) {
            where.append(" AND a.done = FALSE AND a.due < :today");
            binds.put("today", today);
        }
        String from = " FROM action_items a JOIN incidents i ON i.id = a.incident_id";
        return jdbi.withHandle(h -> {
            int total = bind(h.createQuery("SELECT COUNT(*)" + from + where), binds).mapTo(Integer.class).one();
            int offset = (f.page() - 1) * f.size();
            List<Item> items = bind(h.createQuery("SELECT a.incident_id, i.title, i.severity, i.status, i.current_revision,"
                    + " a.position, a.done, a.text, a.html, a.owner, a.due, a.type" + from + where
                    + " ORDER BY CASE WHEN a.due IS NULL THEN 1 ELSE 0 END, a.due, i.started_at DESC, a.incident_id, a.position"
                    + " LIMIT " + f.size() + " OFFSET " + offset), binds)
                    .map((rs, c) -> {
                        LocalDate due = rs.getObject("due", LocalDate.class);
                        boolean done = rs.getBoolean("done");
                        return new Item(rs.getString("incident_id"), rs.getString("title"), rs.getString("severity"),
                                "draft".equals(rs.getString("status")), rs.getInt("current_revision"), rs.getInt("position"),
                                done, rs.getString("text"), rs.getString("html"), rs.getString("owner"), due,
                                rs.getString("type"), List.of(), !done && due != null && due.isBefore(today));
                    }).list();
            Map<String, List<String>> services = services(h, items.stream().map(Item::incidentId).distinct().toList());
            List<Item> withServices = new ArrayList<>();
            for (Item i : items) {
                withServices.add(new Item(i.incidentId(), i.incidentTitle(), i.severity(), i.draft(), i.revision(),
                        i.position(), i.done(), i.text(), i.html(), i.owner(), i.due(), i.type(),
                        services.getOrDefault(i.incidentId(), List.of()), i.overdue()));
            }
            return new Page(withServices, total, f.page(), f.size());
        });
    }

    /** Facet counts over every item the caller may see (filters not applied, as on the incident list). */
    Facets facets(boolean includeDrafts, LocalDate today) {
        String from = " FROM action_items a JOIN incidents i ON i.id = a.incident_id" + visible(includeDrafts);
        return jdbi.withHandle(h -> {
            List<Count> owners = counts(h, "SELECT a.owner AS name, COUNT(*) AS n" + from
                    + " AND a.owner IS NOT NULL GROUP BY a.owner ORDER BY n DESC, a.owner");
            List<Count> services = counts(h, "SELECT s.name AS name, COUNT(*) AS n" + from.replace(" JOIN incidents",
                    " JOIN incident_services s ON s.incident_id = a.incident_id JOIN incidents")
                    + " GROUP BY s.name ORDER BY n DESC, s.name");
            Map<String, Integer> types = new LinkedHashMap<>();
            ActionFilter.TYPES.forEach(t -> types.put(t, 0));
            counts(h, "SELECT a.type AS name, COUNT(*) AS n" + from + " AND a.type IS NOT NULL GROUP BY a.type")
                    .forEach(c -> types.put(c.name(), c.count()));
            Map<String, Integer> statuses = new LinkedHashMap<>();
            statuses.put("open", 0);
            statuses.put("done", 0);
            h.createQuery("SELECT a.done, COUNT(*) AS n" + from + " GROUP BY a.done")
                    .map((rs, c) -> statuses.put(rs.getBoolean("done") ? "done" : "open", rs.getInt("n"))).list();
            int overdue = h.createQuery("SELECT COUNT(*)" + from + " AND a.done = FALSE AND a.due < :today")
                    .bind("today", today).mapTo(Integer.class).one();
            return new Facets(owners, services, types, statuses, overdue);
        });
    }

    private static String visible(boolean includeDrafts) {
        return " WHERE i.listed = TRUE" + (includeDrafts ? "" : " AND i.status = 'published'");
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
