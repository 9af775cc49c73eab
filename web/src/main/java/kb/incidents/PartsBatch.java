package kb.incidents;

import kb.format.Postmortem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;

/**
 * Writes the parsed parts of one or many postmortems (sections, timeline, action items, code blocks, labels,
 * checklist links) with one JDBC batch per table. A single save and {@code generate}'s thousands of new
 * incidents go through this same code, so both store the same rows for the same Markdown; batching turns the
 * ~60 round trips of a typical postmortem into nine.
 */
final class PartsBatch {

    private final IncidentRendering views;

    PartsBatch(IncidentRendering views) {
        this.views = views;
    }

    /** Inserts the parts of every postmortem in {@code ps}; call inside the transaction that writes them. */
    void insert(Handle h, List<Postmortem> ps) {
        PreparedBatch sections = h.prepareBatch("""
                INSERT INTO sections (incident_id, position, kind, heading, markdown, html)
                VALUES (:id, :pos, :kind, :heading, :markdown, :html)""");
        PreparedBatch timeline = h.prepareBatch("""
                INSERT INTO timeline_entries (incident_id, position, at_time, kind, text, html)
                VALUES (:id, :pos, :at, :kind, :text, :html)""");
        PreparedBatch actions = h.prepareBatch("""
                INSERT INTO action_items (incident_id, position, done, text, html, owner, due, type)
                VALUES (:id, :pos, :done, :text, :html, :owner, :due, :type)""");
        PreparedBatch code = h.prepareBatch("""
                INSERT INTO code_blocks (incident_id, position, language, info, runnable, role, code,
                    expected_output, section_kind, line)
                VALUES (:id, :pos, :language, :info, :runnable, :role, :code, :expected, :section, :line)""");
        PreparedBatch checklist = h.prepareBatch(
                "INSERT INTO incident_checklist (incident_id, checklist_id, position) VALUES (:id, :item, :pos)");
        List<String> labelTables = List.of("incident_services", "incident_tags", "incident_categories", "incident_authors");
        List<PreparedBatch> labels = labelTables.stream().map(table -> h.prepareBatch(
                "INSERT INTO " + table + " (incident_id, name, position) VALUES (:id, :name, :pos)")).toList();
        for (Postmortem p : ps) {
            String id = p.id();
            for (var s : views.sections(p)) {
                sections.bind("id", id).bind("pos", s.position()).bind("kind", s.kind())
                        .bind("heading", s.heading()).bind("markdown", s.markdown()).bind("html", s.html()).add();
            }
            for (var e : views.timeline(p)) {
                timeline.bind("id", id).bind("pos", e.position()).bind("at", e.atTime()).bind("kind", e.kind())
                        .bind("text", e.text()).bind("html", e.html()).add();
            }
            for (var a : views.actionItems(p)) {
                actions.bind("id", id).bind("pos", a.position()).bind("done", a.done()).bind("text", a.text())
                        .bind("html", a.html()).bind("owner", a.owner()).bind("due", a.due()).bind("type", a.type()).add();
            }
            for (var b : IncidentRendering.codeBlocks(p)) {
                code.bind("id", id).bind("pos", b.position()).bind("language", b.language()).bind("info", b.info())
                        .bind("runnable", b.runnable()).bind("role", b.role()).bind("code", b.code())
                        .bind("expected", b.expectedOutput()).bind("section", b.sectionKind()).bind("line", b.line()).add();
            }
            List<List<String>> names = List.of(p.services(), p.tags(), p.categories(), p.authors());
            for (int t = 0; t < labels.size(); t++) {
                addPositioned(labels.get(t), id, "name", names.get(t));
            }
            addPositioned(checklist, id, "item", p.checklist());
        }
        for (PreparedBatch b : List.of(sections, timeline, actions, code, checklist)) {
            run(b);
        }
        labels.forEach(PartsBatch::run);
    }

    /** One row per distinct value, numbered from 0 in first-occurrence order (how label lists are stored). */
    private static void addPositioned(PreparedBatch batch, String id, String column, List<String> values) {
        int i = 0;
        for (String v : IncidentRendering.distinct(values)) {
            batch.bind("id", id).bind(column, v).bind("pos", i++).add();
        }
    }

    /** Executes {@code b} if anything was added (an empty batch is not sent) and closes it. */
    static void run(PreparedBatch b) {
        try (b) {
            if (b.size() > 0) {
                b.execute();
            }
        }
    }
}
