package kb.incidents;

import kb.checklist.Checklist;
import kb.format.Postmortem;
import kb.incidents.ImportReport.FileResult;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.Revision;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The incidents feature's public door: whole incidents as readers may see them, their runnable blocks
 * and whether they are trusted, revisions, saves, and the import of Markdown files. Its DAO, rows, store
 * and importer stay inside the package. Thread-safe.
 */
public final class Incidents {

    /**
     * A runnable reproduction as the sandbox needs it.
     *
     * @param trusted shipped in {@code content/} and never changed in the app (see {@link IncidentHeader#trusted()})
     * @param line    the line of the block's opening fence in the postmortem file
     */
    public record RunnableBlock(long id, String incidentId, String code, String expectedOutput, int line,
                                boolean trusted) {
    }

    private final Jdbi jdbi;
    private final IncidentRendering views = new IncidentRendering();

    public Incidents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The incident with all its parts, or empty when there is no incident with this id. */
    public Optional<Incident> load(String id) {
        return load(id, 0, Integer.MAX_VALUE);
    }

    /**
     * The incident with the timeline entries at positions {@code [offset, offset + limit)} only (for a page of a
     * timeline stored before timelines were capped), or empty when there is no incident with this id.
     */
    Optional<Incident> load(String id, int offset, int limit) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id).map(row -> parts(dao, row, offset, limit)));
    }

    /** An incident with the page of its timeline that {@code requested} names ({@link TimelinePage#of}). */
    record Paged(Incident incident, TimelinePage timeline) {
    }

    /**
     * The incident with the timeline page {@code requested} of {@code size} entries, or empty when there is no such
     * incident. One connection and eight indexed lookups: an incident page first viewed at 100,000 incidents reads
     * rows that are not in the database's cache yet, and every statement more costs a round of page reads.
     */
    Optional<Paged> loadPage(String id, String requested, int size) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id).map(row -> {
            TimelinePage page = TimelinePage.of(requested, dao.timelineCount(id), size);
            return new Paged(parts(dao, row, page.offset(), page.size()), page);
        }));
    }

    private static Incident parts(IncidentDao dao, IncidentHeader row, int offset, int limit) {
        String id = row.id();
        Map<String, List<String>> labels = new java.util.HashMap<>();
        for (IncidentDao.Label l : dao.labels(id)) {
            labels.computeIfAbsent(l.kind(), k -> new java.util.ArrayList<>()).add(l.name());
        }
        return new Incident(
                row,
                dao.sections(id),
                offset == 0 && limit == Integer.MAX_VALUE ? dao.timeline(id) : dao.timelineWindow(id, offset, limit),
                dao.actionItems(id),
                dao.codeBlocks(id),
                labels.getOrDefault("service", List.of()),
                labels.getOrDefault("tag", List.of()),
                labels.getOrDefault("category", List.of()),
                labels.getOrDefault("author", List.of()),
                dao.checklist(id));
    }

    /**
     * The incident if a reader with these rights may see it: drafts and unlisted incidents only for
     * editors; empty otherwise, as if it did not exist.
     */
    public Optional<Incident> visible(String id, boolean canEdit) {
        return load(id).filter(i -> canEdit || i.header().visibleToReaders());
    }

    /** Every incident's header, drafts and unlisted ones included, by id. */
    public List<IncidentHeader> all() {
        return jdbi.withExtension(IncidentDao.class, IncidentDao::all);
    }

    /** The header of incident {@code id} whatever its state, or empty when there is none. */
    public Optional<IncidentHeader> header(String id) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id));
    }

    /**
     * {@code p} as its page would show it after saving it as revision {@code revision}, without storing
     * anything; checklist links carry the current titles of the items.
     */
    public Incident unsaved(Postmortem p, int revision) {
        Checklist checklist = new Checklist(jdbi);
        List<ChecklistLink> links = IncidentRendering.distinct(p.checklist()).stream()
                .map(id -> checklist.item(id).map(c -> new ChecklistLink(id, c.title(), c.severity(), c.area()))
                        .orElse(new ChecklistLink(id, id, "advice", ""))).toList();
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

    /**
     * Every listed incident (drafts included) with all its parts, in id order, read {@code batch} at a time with
     * one query per part table (for work over all incidents, such as rebuilding the search index).
     */
    public void forEachListed(int batch, Consumer<Incident> each) {
        BulkLoad.listed(jdbi, batch, each);
    }

    /** Ids of every listed incident (drafts included), in id order. */
    public List<String> listedIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM incidents WHERE listed = TRUE ORDER BY id")
                .mapTo(String.class).list());
    }

    /**
     * Ids of the incidents whose runnable reproductions all have a passing run on record (the list's "verified
     * reproduction" filter); an incident without runnable blocks is not verified.
     */
    public java.util.Set<String> verifiedIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT i.id FROM incidents i WHERE " + IncidentQuery.VERIFIED)
                .mapTo(String.class).set());
    }

    /**
     * What figures across incidents need of one published, listed incident: header times and labels.
     *
     * @param excluded the postmortem set {@code exclude-from-metrics: true}
     */
    public record Facts(String id, String title, String severity, java.time.OffsetDateTime startedAt, Long ttdSeconds,
                        Long ttmSeconds, Long ttrSeconds, boolean excluded, List<String> services,
                        List<String> categories, List<String> checklist) {
    }

    /** Facts of every published, listed incident, oldest first, in a few queries. */
    public List<Facts> facts() {
        return FactsQuery.load(jdbi);
    }

    /**
     * Facts of those of {@code ids} that are published and listed, in no particular order: an id missing from the
     * answer is a draft, unlisted, or gone (for figures kept up to date write by write).
     */
    public List<Facts> facts(java.util.Collection<String> ids) {
        return FactsQuery.load(jdbi, ids);
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

    /** What the incident page's template renders for {@code incident} (also the editor's preview). */
    public static Map<String, Object> pageModel(Incident incident) {
        return IncidentRendering.showModel(incident);
    }

    /**
     * Runnable block {@code blockId} if a reader with these rights may see its incident (see
     * {@link #visible}); empty when there is no such block, it is not runnable, or its incident is hidden.
     */
    public Optional<RunnableBlock> runnableBlock(long blockId, boolean canEdit) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.codeBlock(blockId).filter(CodeBlockRow::runnable)
                // only the header decides who may run it: a Run click reads one row, not the whole incident
                .flatMap(b -> dao.find(b.incidentId()).filter(h -> canEdit || h.visibleToReaders())
                        .map(h -> runnable(b, h))));
    }

    /** The runnable blocks of incident {@code id} in file order; empty for an unknown id. */
    public List<RunnableBlock> runnableBlocks(String id) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id).map(h -> dao.codeBlocks(id).stream()
                .filter(CodeBlockRow::runnable).map(b -> runnable(b, h)).toList()).orElse(List.of()));
    }

    /** Every runnable block of the listed, trusted incidents (the shipped reproductions), by incident and position. */
    public List<RunnableBlock> shippedRunnableBlocks() {
        return jdbi.withExtension(IncidentDao.class, dao -> {
            Map<String, IncidentHeader> shipped = new TreeMap<>();
            dao.all().stream().filter(h -> h.trusted() && h.listed()).forEach(h -> shipped.put(h.id(), h));
            return dao.runnableBlocks().stream().filter(b -> shipped.containsKey(b.incidentId()))
                    .map(b -> runnable(b, shipped.get(b.incidentId()))).toList();
        });
    }

    private static RunnableBlock runnable(CodeBlockRow b, IncidentHeader h) {
        return new RunnableBlock(b.id(), b.incidentId(), b.code(), b.expectedOutput(), b.line(), h.trusted());
    }

    /** Every revision of {@code id}, newest first; empty for an unknown id. */
    public List<Revision> revisions(String id) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.revisions(id));
    }

    /** Revision {@code number} of {@code id}, or empty. */
    public Optional<Revision> revision(String id, int number) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.revision(id, number));
    }

    /** The exact Markdown of revision {@code number} of {@code id}, or empty. */
    public Optional<String> source(String id, int number) {
        return revision(id, number).map(Revision::source);
    }

    /**
     * The exact Markdown of each listed incident's current revision by id, sorted by id; drafts only when
     * {@code includeDrafts}. Unlisted incidents (their bundled file was removed) are left out.
     */
    public Map<String, String> currentSources(boolean includeDrafts) {
        Map<String, String> sources = new TreeMap<>();
        jdbi.useExtension(IncidentDao.class, dao -> {
            for (IncidentHeader h : dao.all()) {
                if (h.listed() && (includeDrafts || !h.draft())) {
                    dao.revision(h.id(), h.currentRevision()).ifPresent(r -> sources.put(h.id(), r.source()));
                }
            }
        });
        return sources;
    }

    /**
     * Saves {@code p} as the next revision of its incident (creating it when new), in one transaction.
     *
     * @return the new revision number
     * @throws StaleRevisionException when {@code change.baseRevision()} is set and is not the current one
     */
    public int save(Postmortem p, Change change) {
        return new IncidentStore(jdbi).save(p, change);
    }

    /**
     * Adds postmortems none of which exists yet, each as revision 1 of a new incident, in one transaction: the
     * same rows {@link #save} stores for a new incident, written as JDBC batches (for {@code generate}).
     *
     * @throws StaleRevisionException when an incident with one of their ids exists (nothing is written then)
     */
    public void addNew(List<Postmortem> ps, Change change) {
        new IncidentStore(jdbi).addNew(ps, change);
    }

    /** Imports {@code content/}: checklist items, then postmortems; see the README for the rules. */
    public ImportReport importContent(Path contentDir) {
        return new ContentImporter(jdbi).importContent(contentDir);
    }

    /**
     * Imports a file or a folder from outside {@code content/} (the {@code import} command); an incident
     * edited in the app is never overwritten. {@code each} sees every file's result as soon as it is known.
     */
    public ImportReport importFiles(Path path, String author, Consumer<FileResult> each) {
        return new ContentImporter(jdbi).importFiles(path, author, each);
    }

    /** The ids of the stored checklist items a postmortem may cite. */
    public java.util.Set<String> knownChecklistIds() {
        return new ContentImporter(jdbi).knownChecklistIds();
    }

    /** {@code incidents} (published and listed) and {@code checklistItems}, for {@code /health} and the start-up line. */
    public Map<String, Integer> counts() {
        return new ContentImporter(jdbi).counts();
    }
}
