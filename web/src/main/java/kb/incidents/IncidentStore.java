package kb.incidents;

import kb.format.Postmortem;
import kb.system.ContentHash;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Writes postmortems: each save is one transaction that appends a revision with the exact Markdown
 * and replaces the parsed parts (sections, timeline, action items, code blocks, labels, links).
 */
final class IncidentStore {

    private final Jdbi jdbi;
    private final IncidentRendering views = new IncidentRendering();

    IncidentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Saves {@code p} as the next revision of its incident (creating the incident if it is new).
     *
     * @return the new revision number
     * @throws StaleRevisionException when {@code change.baseRevision()} is set and is not the current one
     */
    int save(Postmortem p, Change change) {
        return jdbi.inTransaction(h -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Optional<Integer> current = h.createQuery("SELECT current_revision FROM incidents WHERE id = :id FOR UPDATE")
                    .bind("id", p.id()).mapTo(Integer.class).findOne();
            if (current.isPresent() && change.baseRevision() != null && !current.get().equals(change.baseRevision())) {
                throw new StaleRevisionException(p.id(), change.baseRevision(), current.get());
            }
            int revision = current.map(r -> r + 1).orElse(1);
            if (current.isEmpty()) {
                insertIncident(h, p, change, now);
            } else {
                updateIncident(h, p, change, revision, now);
                deleteParts(h, p.id());
            }
            h.createUpdate("""
                    INSERT INTO revisions (incident_id, number, source, content_hash, author, origin, created_at)
                    VALUES (:id, :number, :source, :hash, :author, :origin, :now)""")
                    .bind("id", p.id()).bind("number", revision).bind("source", p.source())
                    .bind("hash", ContentHash.sha256(p.source())).bind("author", change.author())
                    .bind("origin", change.origin()).bind("now", now).execute();
            insertParts(h, p);
            h.createUpdate("UPDATE incidents SET exclude_from_metrics = :x WHERE id = :id")
                    .bind("x", p.excludeFromMetrics()).bind("id", p.id()).execute();
            ChangeLog.append(h, p.id(), now);
            return revision;
        });
    }

    /** Hides an incident whose bundled file was removed; its revisions stay. */
    void unlist(String id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE incidents SET listed = FALSE, updated_at = :now WHERE id = :id")
                    .bind("id", id).bind("now", now).execute();
            ChangeLog.append(h, id, now);
        });
    }

    private void insertIncident(Handle h, Postmortem p, Change change, OffsetDateTime now) {
        h.createUpdate("""
                INSERT INTO incidents (id, title, severity, status, started, detected, mitigated, resolved,
                    started_at, started_year, ttd_seconds, ttm_seconds, ttr_seconds, lang, source_url,
                    current_revision, content_path, content_hash, listed, edited_in_app, created_at, updated_at)
                VALUES (:id, :title, :severity, :status, :started, :detected, :mitigated, :resolved,
                    :startedAt, :startedYear, :ttd, :ttm, :ttr, :lang, :sourceUrl,
                    1, :contentPath, :contentHash, TRUE, :edited, :now, :now)""")
                .bindMap(headerValues(p))
                .bind("contentPath", change.contentPath()).bind("contentHash", change.contentHash())
                .bind("edited", !change.fromContent()).bind("now", now)
                .execute();
    }

    private void updateIncident(Handle h, Postmortem p, Change change, int revision, OffsetDateTime now) {
        String contentColumns = change.fromContent()
                ? "content_path = :contentPath, content_hash = :contentHash, listed = TRUE,"
                : "edited_in_app = TRUE,";
        h.createUpdate("""
                UPDATE incidents SET title = :title, severity = :severity, status = :status, started = :started,
                    detected = :detected, mitigated = :mitigated, resolved = :resolved, started_at = :startedAt,
                    started_year = :startedYear, ttd_seconds = :ttd, ttm_seconds = :ttm, ttr_seconds = :ttr,
                    lang = :lang, source_url = :sourceUrl, current_revision = :revision, %s updated_at = :now
                WHERE id = :id""".formatted(contentColumns))
                .bindMap(headerValues(p))
                .bind("contentPath", change.contentPath()).bind("contentHash", change.contentHash())
                .bind("revision", revision).bind("now", now)
                .execute();
    }

    /** The header columns, from the same row the incident page shows for an unsaved postmortem. */
    private static java.util.Map<String, Object> headerValues(Postmortem p) {
        IncidentHeader r = IncidentRendering.header(p, 0);
        var m = new java.util.HashMap<String, Object>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("severity", r.severity());
        m.put("status", r.status());
        m.put("started", r.started());
        m.put("detected", r.detected());
        m.put("mitigated", r.mitigated());
        m.put("resolved", r.resolved());
        m.put("startedAt", r.startedAt());
        m.put("startedYear", r.startedYear());
        m.put("ttd", r.ttdSeconds());
        m.put("ttm", r.ttmSeconds());
        m.put("ttr", r.ttrSeconds());
        m.put("lang", r.lang());
        m.put("sourceUrl", r.sourceUrl());
        return m;
    }

    private static void deleteParts(Handle h, String id) {
        for (String table : List.of("sections", "timeline_entries", "action_items", "code_blocks", "incident_services",
                "incident_tags", "incident_categories", "incident_authors", "incident_checklist")) {
            h.createUpdate("DELETE FROM " + table + " WHERE incident_id = :id").bind("id", id).execute();
        }
    }

    private void insertParts(Handle h, Postmortem p) {
        String id = p.id();
        for (var s : views.sections(p)) {
            h.createUpdate("""
                    INSERT INTO sections (incident_id, position, kind, heading, markdown, html)
                    VALUES (:id, :pos, :kind, :heading, :markdown, :html)""")
                    .bind("id", id).bind("pos", s.position()).bind("kind", s.kind())
                    .bind("heading", s.heading()).bind("markdown", s.markdown()).bind("html", s.html())
                    .execute();
        }
        for (var e : views.timeline(p)) {
            h.createUpdate("""
                    INSERT INTO timeline_entries (incident_id, position, at_time, kind, text, html)
                    VALUES (:id, :pos, :at, :kind, :text, :html)""")
                    .bind("id", id).bind("pos", e.position()).bind("at", e.atTime()).bind("kind", e.kind())
                    .bind("text", e.text()).bind("html", e.html())
                    .execute();
        }
        for (var a : views.actionItems(p)) {
            h.createUpdate("""
                    INSERT INTO action_items (incident_id, position, done, text, html, owner, due, type)
                    VALUES (:id, :pos, :done, :text, :html, :owner, :due, :type)""")
                    .bind("id", id).bind("pos", a.position()).bind("done", a.done()).bind("text", a.text())
                    .bind("html", a.html()).bind("owner", a.owner()).bind("due", a.due()).bind("type", a.type())
                    .execute();
        }
        for (var b : IncidentRendering.codeBlocks(p)) {
            h.createUpdate("""
                    INSERT INTO code_blocks (incident_id, position, language, info, runnable, role, code,
                        expected_output, section_kind, line)
                    VALUES (:id, :pos, :language, :info, :runnable, :role, :code, :expected, :section, :line)""")
                    .bind("id", id).bind("pos", b.position()).bind("language", b.language()).bind("info", b.info())
                    .bind("runnable", b.runnable()).bind("role", b.role()).bind("code", b.code())
                    .bind("expected", b.expectedOutput()).bind("section", b.sectionKind()).bind("line", b.line())
                    .execute();
        }
        insertNames(h, "incident_services", id, p.services());
        insertNames(h, "incident_tags", id, p.tags());
        insertNames(h, "incident_categories", id, p.categories());
        insertNames(h, "incident_authors", id, p.authors());
        int i = 0;
        for (String item : IncidentRendering.distinct(p.checklist())) {
            h.createUpdate("INSERT INTO incident_checklist (incident_id, checklist_id, position) VALUES (:id, :item, :pos)")
                    .bind("id", id).bind("item", item).bind("pos", i++).execute();
        }
    }

    private static void insertNames(Handle h, String table, String id, List<String> names) {
        int i = 0;
        for (String name : IncidentRendering.distinct(names)) {
            h.createUpdate("INSERT INTO " + table + " (incident_id, name, position) VALUES (:id, :name, :pos)")
                    .bind("id", id).bind("name", name).bind("pos", i++).execute();
        }
    }
}
