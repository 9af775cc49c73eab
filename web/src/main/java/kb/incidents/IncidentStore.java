package kb.incidents;

import kb.format.Postmortem;
import kb.system.ContentHash;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

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
    private final PartsBatch parts = new PartsBatch(new IncidentRendering());

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
            if (current.isEmpty()) {
                insertNew(h, List.of(p), change, now);
                return 1;
            }
            int revision = current.get() + 1;
            updateIncident(h, p, change, revision, now);
            deleteParts(h, p.id());
            insertRevisionsAndParts(h, List.of(p), revision, change, now);
            return revision;
        });
    }

    /**
     * Adds postmortems that do not exist yet, each as revision 1 of a new incident, in one transaction: the rows
     * are those {@link #save} stores for a new incident (the same statements, sent as JDBC batches).
     *
     * @throws StaleRevisionException when an incident with one of their ids exists already (nothing is written)
     */
    void addNew(List<Postmortem> ps, Change change) {
        if (ps.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT id, current_revision FROM incidents WHERE id IN (<ids>)")
                    .bindList("ids", ps.stream().map(Postmortem::id).toList())
                    .map((rs, c) -> new StaleRevisionException(rs.getString(1), 0, rs.getInt(2)))
                    .findFirst().ifPresent(e -> {
                        throw e;
                    });
            insertNew(h, ps, change, OffsetDateTime.now(ZoneOffset.UTC));
        });
    }

    private void insertNew(Handle h, List<Postmortem> ps, Change change, OffsetDateTime now) {
        PreparedBatch incidents = h.prepareBatch("""
                INSERT INTO incidents (id, title, severity, status, started, detected, mitigated, resolved,
                    started_at, started_year, ttd_seconds, ttm_seconds, ttr_seconds, lang, source_url,
                    current_revision, content_path, content_hash, listed, edited_in_app, created_at, updated_at)
                VALUES (:id, :title, :severity, :status, :started, :detected, :mitigated, :resolved,
                    :startedAt, :startedYear, :ttd, :ttm, :ttr, :lang, :sourceUrl,
                    1, :contentPath, :contentHash, TRUE, :edited, :now, :now)""");
        for (Postmortem p : ps) {
            incidents.bindMap(headerValues(p))
                    .bind("contentPath", change.contentPath()).bind("contentHash", change.contentHash())
                    .bind("edited", !change.fromContent()).bind("now", now).add();
        }
        PartsBatch.run(incidents);
        insertRevisionsAndParts(h, ps, 1, change, now);
    }

    /** The revision row, the parts, the metrics flag and the change-log entry of each of {@code ps}. */
    private void insertRevisionsAndParts(Handle h, List<Postmortem> ps, int revision, Change change, OffsetDateTime now) {
        PreparedBatch revisions = h.prepareBatch("""
                INSERT INTO revisions (incident_id, number, source, content_hash, author, origin, created_at)
                VALUES (:id, :number, :source, :hash, :author, :origin, :now)""");
        PreparedBatch excluded = h.prepareBatch("UPDATE incidents SET exclude_from_metrics = :x WHERE id = :id");
        for (Postmortem p : ps) {
            revisions.bind("id", p.id()).bind("number", revision).bind("source", p.source())
                    .bind("hash", ContentHash.sha256(p.source())).bind("author", change.author())
                    .bind("origin", change.origin()).bind("now", now).add();
            excluded.bind("x", p.excludeFromMetrics()).bind("id", p.id()).add();
        }
        PartsBatch.run(revisions);
        parts.insert(h, ps);
        PartsBatch.run(excluded);
        ChangeLog.append(h, ps.stream().map(Postmortem::id).toList(), now);
        WriteHooks.run(h);
    }

    /** Hides an incident whose bundled file was removed; its revisions stay. */
    void unlist(String id) {
        setListed(id, false);
    }

    /** Lists again an incident whose bundled file came back unchanged (no new revision). */
    void relist(String id) {
        setListed(id, true);
    }

    private void setListed(String id, boolean listed) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE incidents SET listed = :listed, updated_at = :now WHERE id = :id")
                    .bind("listed", listed).bind("id", id).bind("now", now).execute();
            // followers of the log (search index, derived tables) learn of it like of any other write
            ChangeLog.append(h, List.of(id), now);
            WriteHooks.run(h);
        });
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
}
