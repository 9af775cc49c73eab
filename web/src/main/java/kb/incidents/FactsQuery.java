package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads {@link Incidents.Facts} of every published, listed incident in four queries. */
final class FactsQuery {

    private static final String VISIBLE = "i.listed = TRUE AND i.status = 'published'";

    static List<Incidents.Facts> load(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            Map<String, List<String>> services = labels(h, "SELECT l.incident_id, l.name FROM incident_services l");
            Map<String, List<String>> categories = labels(h, "SELECT l.incident_id, l.name FROM incident_categories l");
            Map<String, List<String>> checklist = labels(h, "SELECT l.incident_id, l.checklist_id FROM incident_checklist l");
            return h.createQuery("SELECT i.id, i.title, i.severity, i.started_at, i.ttd_seconds, i.ttm_seconds, i.ttr_seconds,"
                            + " i.exclude_from_metrics FROM incidents i WHERE " + VISIBLE + " ORDER BY i.started_at, i.id")
                    .map((rs, c) -> {
                        String id = rs.getString("id");
                        return new Incidents.Facts(id, rs.getString("title"), rs.getString("severity"),
                                rs.getObject("started_at", OffsetDateTime.class), nullableLong(rs, "ttd_seconds"),
                                nullableLong(rs, "ttm_seconds"), nullableLong(rs, "ttr_seconds"),
                                rs.getBoolean("exclude_from_metrics"), services.getOrDefault(id, List.of()),
                                categories.getOrDefault(id, List.of()), checklist.getOrDefault(id, List.of()));
                    }).list();
        });
    }

    private static Map<String, List<String>> labels(Handle h, String sql) {
        Map<String, List<String>> out = new HashMap<>();
        h.createQuery(sql + " ORDER BY l.incident_id, l.position").map((rs, c) -> {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            return 0;
        }).forEach(x -> { });
        return out;
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
