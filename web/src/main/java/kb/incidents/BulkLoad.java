package kb.incidents;

import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Whole incidents in batches: one query per part table for a batch of ids, instead of a dozen queries per
 * incident, for work over every incident (rebuilding the search index).
 */
final class BulkLoad {

    private BulkLoad() {
    }

    /** Calls {@code each} with every listed incident in id order, reading {@code batch} incidents at a time. */
    static void listed(Jdbi jdbi, int batch, Consumer<Incident> each) {
        List<IncidentHeader> headers = jdbi.withHandle(h -> h.createQuery("SELECT * FROM incidents WHERE listed = TRUE ORDER BY id")
                .map(ConstructorMapper.of(IncidentHeader.class)).list());
        for (int from = 0; from < headers.size(); from += batch) {
            List<IncidentHeader> part = headers.subList(from, Math.min(headers.size(), from + batch));
            List<String> ids = part.stream().map(IncidentHeader::id).toList();
            List<Incident> loaded = jdbi.withHandle(h -> load(h, part, ids));
            loaded.forEach(each);
        }
    }

    private static List<Incident> load(Handle h, List<IncidentHeader> headers, List<String> ids) {
        Map<String, List<SectionRow>> sections = grouped(h, "SELECT incident_id, position, kind, heading, markdown, html"
                + " FROM sections WHERE incident_id IN (<ids>) ORDER BY incident_id, position", ids, SectionRow.class);
        Map<String, List<TimelineRow>> timeline = grouped(h, "SELECT incident_id, position, at_time, kind, text, html"
                + " FROM timeline_entries WHERE incident_id IN (<ids>) ORDER BY incident_id, position", ids, TimelineRow.class);
        Map<String, List<ActionRow>> actions = grouped(h, "SELECT incident_id, position, done, text, html, owner, due, type"
                + " FROM action_items WHERE incident_id IN (<ids>) ORDER BY incident_id, position", ids, ActionRow.class);
        Map<String, List<CodeBlockRow>> code = grouped(h, "SELECT * FROM code_blocks WHERE incident_id IN (<ids>)"
                + " ORDER BY incident_id, position", ids, CodeBlockRow.class);
        Map<String, List<ChecklistLink>> checklist = grouped(h, """
                SELECT l.incident_id, l.checklist_id AS id, COALESCE(c.title, l.checklist_id) AS title,
                       COALESCE(c.severity, 'advice') AS severity, COALESCE(c.area, '') AS area
                FROM incident_checklist l LEFT JOIN checklist_items c ON c.id = l.checklist_id
                WHERE l.incident_id IN (<ids>) ORDER BY l.incident_id, l.position""", ids, ChecklistLink.class);
        Map<String, List<String>> services = names(h, "incident_services", ids);
        Map<String, List<String>> tags = names(h, "incident_tags", ids);
        Map<String, List<String>> categories = names(h, "incident_categories", ids);
        Map<String, List<String>> authors = names(h, "incident_authors", ids);
        List<Incident> out = new ArrayList<>(headers.size());
        for (IncidentHeader hd : headers) {
            String id = hd.id();
            out.add(new Incident(hd, get(sections, id), get(timeline, id), get(actions, id), get(code, id),
                    get(services, id), get(tags, id), get(categories, id), get(authors, id), get(checklist, id)));
        }
        return out;
    }

    private static <T> List<T> get(Map<String, List<T>> m, String id) {
        return m.getOrDefault(id, List.of());
    }

    private static Map<String, List<String>> names(Handle h, String table, List<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        h.createQuery("SELECT incident_id, name FROM " + table + " WHERE incident_id IN (<ids>) ORDER BY incident_id, position")
                .bindList("ids", ids)
                .map((rs, c) -> out.computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>()).add(rs.getString("name")))
                .list();
        return out;
    }

    /** Rows of {@code type} (mapped by its constructor; {@code incident_id} selects the group) by incident id. */
    private static <T> Map<String, List<T>> grouped(Handle h, String sql, List<String> ids, Class<T> type) {
        RowMapper<T> rows = ConstructorMapper.of(type);
        return h.createQuery(sql).bindList("ids", ids).scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            RowMapper<T> mapper = rows.specialize(rs, ctx);
            Map<String, List<T>> out = new HashMap<>();
            while (rs.next()) {
                out.computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>()).add(mapper.map(rs, ctx));
            }
            return out;
        });
    }
}
