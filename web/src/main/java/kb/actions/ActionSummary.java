package kb.actions;

import kb.incidents.DerivedTables;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the derived tables of migration V52 ({@code action_list}, {@code action_list_services},
 * {@code action_totals}, {@code action_cube}) equal to what counting {@code action_items} from scratch would give.
 * They follow the incident change log (see {@link DerivedTables}, state in {@code action_state}): a write through
 * the app updates them in its own transaction, and {@link #sync} before a read catches up with any other write,
 * re-deriving the rows of each incident written since and moving the totals by the difference.
 */
final class ActionSummary extends DerivedTables {

    private static final String NO_DATE = "DATE '9999-12-31'";
    private static final Date NO_DUE = Date.valueOf("9999-12-31");
    private static final String DERIVE = "SELECT a.incident_id, a.position, i.status = 'published', a.done, a.owner,"
            + " COALESCE(a.type, ''), COALESCE(a.due, " + NO_DATE + "), i.started_at"
            + " FROM action_items a JOIN incidents i ON i.id = a.incident_id WHERE i.listed = TRUE";
    private static final String DERIVE_SERVICES = "SELECT s.incident_id, s.name FROM incident_services s"
            + " JOIN incidents i ON i.id = s.incident_id WHERE i.listed = TRUE";

    ActionSummary(Jdbi jdbi) {
        super(jdbi, "action_state");
    }

    @Override
    protected List<String> tables() {
        return List.of("action_list", "action_list_services", "action_totals", "action_cube");
    }

    @Override
    protected void rebuild(Handle h) {
        h.execute("INSERT INTO action_list " + DERIVE);
        h.execute("INSERT INTO action_list_services " + DERIVE_SERVICES);
        h.execute("INSERT INTO action_totals (published, kind, name, n) SELECT published, 'owner', owner, COUNT(*)"
                + " FROM action_list WHERE owner IS NOT NULL GROUP BY published, owner");
        h.execute("INSERT INTO action_totals (published, kind, name, n) SELECT l.published, 'service', s.name, COUNT(*)"
                + " FROM action_list l JOIN action_list_services s ON s.incident_id = l.incident_id GROUP BY l.published, s.name");
        h.execute("INSERT INTO action_cube (published, type_key, done, due_key, n) SELECT published, type_key, done, d, COUNT(*)"
                + " FROM (SELECT published, type_key, done, CASE WHEN done THEN " + NO_DATE + " ELSE due_key END AS d"
                + " FROM action_list) x GROUP BY published, type_key, done, d");
    }

    @Override
    protected void replace(Handle h, List<String> ids) {
        Map<List<Object>, Long> totals = deltas();
        Map<List<Object>, Long> cube = deltas();
        count(h, ids, -1, totals, cube);
        h.createUpdate("DELETE FROM action_list WHERE incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM action_list_services WHERE incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("INSERT INTO action_list " + DERIVE + " AND a.incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("INSERT INTO action_list_services " + DERIVE_SERVICES + " AND s.incident_id IN (<ids>)")
                .bindList("ids", ids).execute();
        count(h, ids, 1, totals, cube);
        moveTotals(h, "action_totals", List.of("published", "kind", "name"), totals);
        moveTotals(h, "action_cube", List.of("published", "type_key", "done", "due_key"), cube);
    }

    /** Adds {@code sign} times what the derived rows of {@code ids} contribute to each total. */
    private static void count(Handle h, List<String> ids, int sign, Map<List<Object>, Long> totals,
                              Map<List<Object>, Long> cube) {
        Map<String, List<String>> services = new HashMap<>();
        h.createQuery("SELECT incident_id, name FROM action_list_services WHERE incident_id IN (<ids>)").bindList("ids", ids)
                .map((rs, c) -> services.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        h.createQuery("SELECT incident_id, published, done, owner, type_key, due_key FROM action_list WHERE incident_id IN (<ids>)")
                .bindList("ids", ids).map((rs, c) -> {
                    boolean published = rs.getBoolean("published");
                    boolean done = rs.getBoolean("done");
                    if (rs.getString("owner") != null) {
                        totals.merge(List.of(published, "owner", rs.getString("owner")), (long) sign, Long::sum);
                    }
                    for (String s : services.getOrDefault(rs.getString("incident_id"), List.of())) {
                        totals.merge(List.of(published, "service", s), (long) sign, Long::sum);
                    }
                    Date due = done ? NO_DUE : rs.getDate("due_key");
                    cube.merge(List.of(published, rs.getString("type_key"), done, due), (long) sign, Long::sum);
                    return 0;
                }).list();
    }
}
