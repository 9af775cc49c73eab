package kb.incidents;

import kb.checklist.ChecklistDao;
import kb.format.Postmortem;
import kb.incidents.Parts.ChecklistLink;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** Loads whole incidents; {@link #visible} applies the rule for drafts and unlisted incidents. */
public final class Incidents {

    private final Jdbi jdbi;
    private final IncidentViews views = new IncidentViews();

    public Incidents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The incident with all its parts, or empty when there is no incident with this id. */
    public Optional<Incident> load(String id) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id).map(row -> new Incident(
                row,
                dao.sections(id),
                dao.timeline(id),
                dao.actionItems(id),
                dao.codeBlocks(id),
                dao.names("incident_services", id),
                dao.names("incident_tags", id),
                dao.names("incident_categories", id),
                dao.names("incident_authors", id),
                dao.checklist(id))));
    }

    /**
     * The incident if a reader with these rights may see it: drafts and unlisted incidents only for
     * editors; empty otherwise, as if it did not exist.
     */
    public Optional<Incident> visible(String id, boolean canEdit) {
        return load(id).filter(i -> canEdit || i.header().visibleToReaders());
    }

    /**
     * {@code p} as its page would show it after saving it as revision {@code revision}, without storing
     * anything; checklist links carry the current titles of the items.
     */
    public Incident unsaved(Postmortem p, int revision) {
        List<ChecklistLink> links = jdbi.withExtension(ChecklistDao.class, dao -> IncidentViews.distinct(p.checklist())
                .stream().map(id -> dao.find(id).map(c -> new ChecklistLink(id, c.title(), c.severity(), c.area()))
                        .orElse(new ChecklistLink(id, id, "advice", ""))).toList());
        return views.unsaved(p, revision, links);
    }

    /** One entry of the change log: incident {@code id} was written; {@code seq} orders the writes. */
    public record Changed(long seq, String id) {
    }

    /** The database's revision counter: the sequence number of the latest write (0 before any). */
    public long head() {
        return ChangeLog.head(jdbi);
    }

    /** Writes after {@code seq}, and again every write made at or after {@code since}, in order. */
    public List<Changed> changesSince(long seq, java.time.OffsetDateTime since) {
        return ChangeLog.since(jdbi, seq, since);
    }

    /** Ids of every listed incident (drafts included), in id order. */
    public List<String> listedIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM incidents WHERE listed = TRUE ORDER BY id")
                .mapTo(String.class).list());
    }

    /** Header facts of every published, listed incident, oldest first, for figures across incidents. */
    public List<IncidentFacts> facts() {
        return IncidentFacts.load(jdbi);
    }

    /** A published incident as a feed shows it; {@code summary} is the Summary section's Markdown (may be null). */
    public record Entry(String id, String title, String severity, java.time.OffsetDateTime created,
                        java.time.OffsetDateTime updated, List<String> authors, String summary) {
    }

    /**
     * Up to {@code limit} published, listed incidents, most recently written first; {@code service} and
     * {@code checklistId} (each may be null) narrow them to one service or one checklist item.
     */
    public List<Entry> recentlyChanged(String service, String checklistId, int limit) {
        return RecentChanges.load(jdbi, service, checklistId, limit);
    }

    public IncidentDao dao() {
        return jdbi.onDemand(IncidentDao.class);
    }
}
