package kb.incidents;

import kb.system.Utf8;
import kb.checklist.Checklist;
import kb.format.ChecklistItem;
import kb.format.ChecklistParser;
import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.format.MarkdownFiles;
import kb.format.Problem;
import kb.incidents.ImportReport.FileResult;
import kb.incidents.ImportReport.Outcome;
import kb.system.ContentHash;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads {@code content/} into the database. Idempotent: an unchanged file is skipped, a changed one
 * becomes a new revision, a removed one unlists its incident (its history stays). An incident edited in
 * the app is never overwritten by its bundled file: the conflict is recorded for admins instead.
 * One invalid file is reported and does not stop the others.
 */
final class ContentImporter {

    private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);
    /** How many problems or ids one import logs before it summarises the rest. */
    private static final int LOGGED_PROBLEMS = 20;

    private final Jdbi jdbi;
    private final IncidentStore store;
    private final Checklist checklist;

    ContentImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.store = new IncidentStore(jdbi);
        this.checklist = new Checklist(jdbi);
    }

    /** Imports {@code contentDir/checklist/*.md}, then {@code contentDir/incidents/**.md}. */
    ImportReport importContent(Path contentDir) {
        List<FileResult> results = new ArrayList<>(importChecklist(contentDir.resolve("checklist")));
        Set<String> known = knownChecklistIds();
        Set<String> seen = new HashSet<>();
        for (Path file : MarkdownFiles.under(contentDir.resolve("incidents"))) {
            FileResult r = importIncident(file, contentDir.relativize(file).toString().replace('\\', '/'), known, seen);
            results.add(r);
        }
        int unlisted = unlistRemoved(seen);
        logProblems(results);
        return new ImportReport(results, unlisted);
    }

    /**
     * Logs the first {@value #LOGGED_PROBLEMS} problems of invalid files, then one line saying how many more there
     * are: a content folder broken as a whole (a bad merge, a wrong encoding) must not flood the log. The import
     * report and {@code validate} list every problem.
     */
    private static void logProblems(List<FileResult> results) {
        List<String> lines = results.stream().filter(r -> r.outcome() == Outcome.INVALID)
                .flatMap(r -> r.problems().stream().map(p -> p.format(r.file().toString()))).toList();
        if (lines.isEmpty()) {
            return;
        }
        String nl = System.lineSeparator();
        String shown = String.join(nl + "  ", lines.subList(0, Math.min(LOGGED_PROBLEMS, lines.size())));
        String more = lines.size() > LOGGED_PROBLEMS
                ? nl + "  ... and " + (lines.size() - LOGGED_PROBLEMS) + " more (run `validate` to see them all)" : "";
        log.warn("content: {} problem(s) in invalid files, which were not imported:{}  {}{}", lines.size(), nl, shown,
                more);
    }

    /**
     * Imports one postmortem file as if it were bundled at {@code contentPath} (relative to the content
     * folder); {@code seen} collects the ids imported so far so a duplicate id is reported.
     */
    FileResult importIncident(Path file, String contentPath, Set<String> knownChecklistIds, Set<String> seen) {
        Checked checked = check(file, knownChecklistIds, seen);
        if (checked.invalid() != null) {
            return checked.invalid();
        }
        Postmortem p = checked.postmortem();
        String text = checked.text();
        String hash = ContentHash.sha256(text);
        var existing = jdbi.withExtension(IncidentDao.class, dao -> dao.find(p.id()));
        if (existing.isPresent() && hash.equals(existing.get().contentHash())) {
            if (!existing.get().listed()) {
                store.relist(p.id());
            }
            clearConflict(p.id());
            return new FileResult(file, p.id(), Outcome.UNCHANGED, List.of());
        }
        if (existing.isPresent() && !existing.get().trusted()) {
            recordConflict(p.id(), contentPath, hash);
            log.warn("{} changed, but incident '{}' was edited in the app since: kept the app's version (see /admin/conflicts)",
                    contentPath, p.id());
            return new FileResult(file, p.id(), Outcome.CONFLICT, List.of());
        }
        store.save(p, Change.bundled(contentPath, hash));
        clearConflict(p.id());
        return new FileResult(file, p.id(), existing.isPresent() ? Outcome.UPDATED : Outcome.ADDED, List.of());
    }

    /**
     * Imports one postmortem file from outside {@code content/} (the {@code import} command). A new id is
     * added; a file equal to the current revision is unchanged; otherwise the file becomes a new revision
     * (origin {@code import}) only when the current revision was itself imported, never over an edit made
     * in the app: that is a conflict, recorded in {@code import_conflicts} and logged like a bundled one.
     */
    FileResult importExternal(Path file, String author, Set<String> knownChecklistIds, Set<String> seen) {
        Checked checked = check(file, knownChecklistIds, seen);
        if (checked.invalid() != null) {
            return checked.invalid();
        }
        Postmortem p = checked.postmortem();
        String hash = ContentHash.sha256(checked.text());
        var existing = jdbi.withExtension(IncidentDao.class, dao -> dao.find(p.id()));
        if (existing.isEmpty()) {
            // base 0: an incident created meanwhile makes the store refuse instead of overwriting it
            store.save(p, new Change(author, "import", 0, null, null));
            return new FileResult(file, p.id(), Outcome.ADDED, List.of());
        }
        IncidentHeader row = existing.get();
        var current = jdbi.withExtension(IncidentDao.class, dao -> dao.revision(p.id(), row.currentRevision())).orElseThrow();
        if (hash.equals(current.contentHash())) {
            return new FileResult(file, p.id(), Outcome.UNCHANGED, List.of());
        }
        if (!"import".equals(current.origin())) {
            String where = file.toAbsolutePath().normalize().toString();
            recordConflict(p.id(), where.length() > 500 ? where.substring(where.length() - 500) : where, hash);
            log.warn("{} differs from incident '{}', which was edited in the app since it was imported: kept the app's "
                    + "version (see /admin/conflicts)", file, p.id());
            return new FileResult(file, p.id(), Outcome.CONFLICT, List.of());
        }
        // keeps a bundled incident's content path and hash, so content/ is not mistaken for a newer change
        store.save(p, new Change(author, "import", row.currentRevision(), row.contentPath(), row.contentHash()));
        return new FileResult(file, p.id(), Outcome.UPDATED, List.of());
    }

    /** Imports one checklist item file ({@code ID.md}). */
    FileResult importChecklistItem(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        try {
            Parsed<ChecklistItem> parsed = new ChecklistParser().parse(read(file), name);
            if (!parsed.valid()) {
                return new FileResult(file, name, Outcome.INVALID, parsed.problems());
            }
            Checklist.Saved o = checklist.save(parsed.value().orElseThrow());
            return new FileResult(file, name, Outcome.valueOf(o.name()), List.of());
        } catch (CharacterCodingException e) {
            return new FileResult(file, name, Outcome.INVALID, List.of(Problem.at(1, "the file is not valid UTF-8")));
        }
    }

    /**
     * Imports {@code path} (a file, or a folder searched recursively) from outside {@code content/}: checklist
     * items (files in a folder named {@code checklist}) first so postmortems may cite them, then postmortems
     * with {@link #importExternal}. {@code each} sees every result as soon as it is known.
     */
    ImportReport importFiles(Path path, String author, java.util.function.Consumer<FileResult> each) {
        List<Path> files = Files.isRegularFile(path) ? List.of(path) : MarkdownFiles.under(path);
        List<FileResult> results = new ArrayList<>();
        for (Path f : files) {
            if (MarkdownFiles.isChecklist(f)) {
                FileResult r = importChecklistItem(f);
                each.accept(r);
                results.add(r);
            }
        }
        Set<String> known = knownChecklistIds();
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            if (!MarkdownFiles.isChecklist(f)) {
                FileResult r = importExternal(f, author, known, seen);
                each.accept(r);
                results.add(r);
            }
        }
        return new ImportReport(results, 0);
    }

    /** A file read and parsed: either {@code invalid} or the postmortem and its (LF) text. */
    private record Checked(String text, Postmortem postmortem, FileResult invalid) {
    }

    private Checked check(Path file, Set<String> knownChecklistIds, Set<String> seen) {
        String text;
        try {
            text = read(file);
        } catch (CharacterCodingException e) {
            return new Checked(null, null, new FileResult(file, null, Outcome.INVALID,
                    List.of(Problem.at(1, "the file is not valid UTF-8"))));
        }
        Parsed<Postmortem> parsed = new PostmortemParser().parse(text, knownChecklistIds);
        if (!parsed.valid()) {
            return new Checked(text, null, new FileResult(file, null, Outcome.INVALID, parsed.problems()));
        }
        Postmortem p = parsed.value().orElseThrow();
        if (!seen.add(p.id())) {
            return new Checked(text, p, new FileResult(file, p.id(), Outcome.INVALID,
                    List.of(Problem.at(MarkdownFiles.idLine(text), "another file in content/ already uses the id '" + p.id() + "'"))));
        }
        return new Checked(text, p, null);
    }

    Set<String> knownChecklistIds() {
        return new HashSet<>(checklist.ids());
    }

    private List<FileResult> importChecklist(Path dir) {
        return MarkdownFiles.under(dir).stream().map(this::importChecklistItem).toList();
    }

    private int unlistRemoved(Set<String> seen) {
        List<String> gone = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM incidents WHERE content_path IS NOT NULL AND listed = TRUE AND edited_in_app = FALSE")
                .mapTo(String.class).list()).stream().filter(id -> !seen.contains(id)).toList();
        gone.forEach(store::unlist);
        if (!gone.isEmpty()) {
            log.info("{} incident(s) no longer in content/ were unlisted, their history kept: {}", gone.size(),
                    gone.size() <= LOGGED_PROBLEMS ? gone
                            : gone.subList(0, LOGGED_PROBLEMS) + " and " + (gone.size() - LOGGED_PROBLEMS) + " more");
        }
        return gone.size();
    }

    private void recordConflict(String id, String path, String hash) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM import_conflicts WHERE incident_id = :id").bind("id", id).execute();
            h.createUpdate("INSERT INTO import_conflicts (incident_id, content_path, content_hash, detected_at) VALUES (:id, :p, :h, :t)")
                    .bind("id", id).bind("p", path).bind("h", hash).bind("t", OffsetDateTime.now(ZoneOffset.UTC)).execute();
        });
    }

    private void clearConflict(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM import_conflicts WHERE incident_id = :id").bind("id", id).execute());
    }

    static String read(Path file) throws CharacterCodingException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Utf8.decode(bytes).orElseThrow(CharacterCodingException::new).replace("\r\n", "\n");
    }

    /** Counts for the start-up log line and {@code /health}. */
    Map<String, Integer> counts() {
        Map<String, Integer> m = new HashMap<>();
        m.put("incidents", jdbi.withExtension(IncidentDao.class, IncidentDao::countPublished));
        m.put("checklistItems", checklist.count());
        return m;
    }
}
