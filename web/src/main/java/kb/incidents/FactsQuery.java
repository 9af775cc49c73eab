package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Loads {@link Incidents.Facts} of every published, listed incident, or of some of them, in four queries. */
final class FactsQuery {

    private static final String VISIBLE = "i.listed = TRUE AND i.status = 'published'";
    /** Ids per query when loading some incidents: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int IDS_PER_QUERY = 1000;

    static List<Incidents.Facts> load(Jdbi jdbi) {
        return jdbi.withHandle(h -> load(h, null));
    }

    /** Facts of those of {@code ids} that are published and listed, in no particular order. */
    static List<Incidents.Facts> load(Jdbi jdbi, Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        List<Incidents.Facts> out = new ArrayList<>();
        jdbi.useHandle(h -> {
            for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
                out.addAll(load(h, all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY))));
            }
        });
        return out;
    }

    /** Facts of the incidents in {@code ids}, or of all when it is null, ordered by start and id. */
    private static List<Incidents.Facts> load(Handle h, List<String> ids) {
        String only = ids == null ? "" : " WHERE l.incident_id IN (<ids>)";
        Map<String, List<String>> services = labels(h, "SELECT l.incident_id, l.name FROM incident_services l" + only, ids);
        Map<String, List<String>> categories = labels(h, "SELECT l.incident_id, l.name FROM incident_categories l" + only, ids);
        Map<String, List<String>> checklist = labels(h, "SELECT l.incident_id, l.checklist_id FROM incident_checklist l" + only, ids);
        return query(h, "SELECT i.id, i.title, i.severity, i.started_at, i.ttd_seconds, i.ttm_seconds, i.ttr_seconds,"
                + " i.exclude_from_metrics FROM incidents i WHERE " + VISIBLE + (ids == null ? "" : " AND i.id IN (<ids>)")
                + " ORDER BY i.started_at, i.id", ids)
                .map((rs, c) -> {
                    String id = rs.getString("id");
                    return new Incidents.Facts(id, rs.getString("title"), rs.getString("severity"),
                            rs.getObject("started_at", OffsetDateTime.class), nullableLong(rs, "ttd_seconds"),
                            nullableLong(rs, "ttm_seconds"), nullableLong(rs, "ttr_seconds"),
                            rs.getBoolean("exclude_from_metrics"), services.getOrDefault(id, List.of()),
                            categories.getOrDefault(id, List.of()), checklist.getOrDefault(id, List.of()));
                }).list();
    }

    private static Query query(Handle h, String sql, List<String> ids) {
        Query q = h.createQuery(sql);
        return ids == null ? q : q.bindList("ids", ids);
    }

    private static Map<String, List<String>> labels(Handle h, String sql, List<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        query(h, sql + " ORDER BY l.incident_id, l.position", ids).map((rs, c) -> {
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
