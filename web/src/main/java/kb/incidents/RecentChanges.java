package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/** Published, listed incidents most recently written first, optionally of one service or checklist item. */
final class RecentChanges {

    private RecentChanges() {
    }

    static List<Incidents.Entry> load(Jdbi jdbi, String service, String checklistId, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, i.title, i.severity, i.created_at, i.updated_at,
                       (SELECT s.markdown FROM sections s WHERE s.incident_id = i.id AND s.kind = 'summary'
                        ORDER BY s.position FETCH FIRST 1 ROWS ONLY) AS summary
                FROM incidents i WHERE i.listed = TRUE AND i.status = 'published'""");
        if (service != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_services l WHERE l.incident_id = i.id AND l.name = :service)");
        }
        if (checklistId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_checklist l WHERE l.incident_id = i.id AND l.checklist_id = :item)");
        }
        sql.append(" ORDER BY i.updated_at DESC, i.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString());
            if (service != null) {
                q.bind("service", service);
            }
            if (checklistId != null) {
                q.bind("item", checklistId);
            }
            List<Incidents.Entry> rows = q.map((rs, c) -> new Incidents.Entry(rs.getString("id"), rs.getString("title"),
                    rs.getString("severity"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class), List.of(), rs.getString("summary"))).list();
            IncidentDao dao = h.attach(IncidentDao.class);
            return rows.stream().map(e -> new Incidents.Entry(e.id(), e.title(), e.severity(), e.created(), e.updated(),
                    dao.names("incident_authors", e.id()), e.summary())).toList();
        });
    }
}
