package kb.review;

import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.engine.Finding;
import kb.review.engine.GeneratedCode;
import kb.review.engine.ManualCheck;
import kb.review.engine.Review;
import kb.review.engine.Reviewer;
import kb.review.engine.SarifImport;
import kb.review.engine.TestCode;
import kb.review.rules.Catalog;
import kb.review.rules.RuleBook;
import kb.review.rules.RuleFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.checklist.Checklist;
import kb.format.ChecklistItem.Severity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reviews pasted diffs and keeps the results: runs the engine in paste mode (hunks only, so findings that need the
 * whole function are low confidence), stores the review with every finding and manual item, records the reviewer's
 * marks, and rebuilds the engine's {@link Review} for the report writers.
 *
 * <p>The verdict of a saved review: <em>changes requested</em> when an unsuppressed finding is a blocker (the
 * engine's own gate) or a manual item is marked failed, or a manual item whose checklist item is a blocker is not
 * marked yet; otherwise <em>pass</em>. It is stored with the review and recomputed on every mark.
 */
public final class SavedReviews {

    /** The largest diff accepted, in bytes: within H2's VARCHAR limit of 1,000,000 characters. */
    public static final int MAX_DIFF_BYTES = 1_000_000;
    /**
     * The most findings one review stores: a diff that gives more is refused at write time, so one paste
     * cannot make a page, a JSON answer or a report of tens of megabytes.
     */
    public static final int MAX_FINDINGS = 2_000;
    /** The gate findings are judged by, as {@code review --fail-level blocker}. */
    public static final Severity FAIL_LEVEL = Severity.BLOCKER;
    public static final List<String> MARK_STATES = List.of("checked", "not_applicable", "failed");

    /** What the user submitted; everything but {@code diff} may be null. */
    public record Draft(String diff, String repository, Integer pr, String title, String url) {
    }

    /** A diff that gives nothing to review, or is too large: say so and keep the text. */
    public static final class RejectedDiff extends Exception {
        private final int status;

        RejectedDiff(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A saved review with everything its page and reports show. */
    public record Loaded(ReviewDao.ReviewRow row, Review review, List<ReviewDao.FindingRow> findingRows,
                         Map<String, ReviewDao.MarkRow> marks, Outcome outcome) {
    }

    /** The verdict and every reason for it, in words. */
    public record Outcome(Review.Verdict verdict, List<String> reasons) {
        public String key() {
            return verdict.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Jdbi jdbi;
    private final Path contentDir;
    private volatile Reviewer reviewer;
    private volatile RuleBook book;

    public SavedReviews(Jdbi jdbi, Path contentDir) {
        this.jdbi = jdbi;
        this.contentDir = contentDir;
    }

    /** The engine over the content folder's rules, loaded on first use so a bad rule file does not stop the app. */
    Reviewer reviewer() throws IOException, RuleFileException {
        Reviewer r = reviewer;
        if (r == null) {
            synchronized (this) {
                if (reviewer == null) {
                    book = RuleBook.load(contentDir);
                    reviewer = new Reviewer(book);
                }
                r = reviewer;
            }
        }
        return r;
    }

    /** The rule book the engine runs, loaded with it. */
    RuleBook book() throws IOException, RuleFileException {
        reviewer();
        return book;
    }

    /**
     * Reviews {@code draft.diff()} and saves the result.
     *
     * @return the review as saved, with its new id: the same a later {@link #load} gives
     * @throws DiffFormatException naming the diff line that could not be read
     * @throws RejectedDiff        when the diff is empty (400) or larger than {@link #MAX_DIFF_BYTES} (413)
     */
    public Loaded create(Draft draft, String user)
            throws DiffFormatException, RejectedDiff, IOException, RuleFileException {
        String diff = draft.diff() == null ? "" : draft.diff();
        int bytes = diff.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_DIFF_BYTES) {
            throw new RejectedDiff(413, "The diff has " + bytes + " bytes; at most " + MAX_DIFF_BYTES
                    + " are accepted. Review a smaller change, or run 'kb review --diff' on the command line.");
        }
        if (diff.isBlank()) {
            throw new RejectedDiff(400, "The diff is empty: paste the output of 'git diff' or upload a .diff/.patch "
                    + "file.");
        }
        if (draft.url() != null && !draft.url().isBlank() && !kb.format.WebAddress.isHttp(draft.url().strip())) {
            throw new RejectedDiff(400, "The " + kb.format.WebAddress.problem("url", draft.url().strip())
                    + ", such as https://github.com/org/repo/pull/42.");
        }
        int nul = diff.indexOf('\0');
        if (nul >= 0) {
            throw new RejectedDiff(400, "Line " + (diff.substring(0, nul).split("\n", -1).length)
                    + " of the diff contains a NUL character (\\0); a text diff never holds one. Remove it, or leave"
                    + " binary files out of the diff.");
        }
        List<SourceFile> files = DiffParser.parse(diff).stream().map(SourceFile::fromDiff).toList();
        Review review = reviewer().review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED);
        if (review.findings().size() > MAX_FINDINGS) {
            throw new RejectedDiff(422, "This diff gives " + review.findings().size() + " findings; a review keeps at"
                    + " most " + MAX_FINDINGS + ". Review a smaller change, or run 'kb review --diff' on the command"
                    + " line, which has no limit.");
        }
        Outcome outcome = jdbi.withHandle(h -> outcome(h, review, Map.of()));
        // the database keeps microseconds: the review returned now reads the same as it will when loaded
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return jdbi.inTransaction(h -> {
            ReviewDao dao = h.attach(ReviewDao.class);
            ReviewDao.ReviewRow row = new ReviewDao.ReviewRow(0, blankToNull(draft.repository()), draft.pr(),
                    blankToNull(draft.title()), blankToNull(draft.url()), diff, review.mode(), outcome.key(),
                    review.unmappedImports(), user, now);
            long id = dao.insert(row.repository(), row.prNumber(), row.title(), row.url(), diff, row.mode(),
                    row.verdict(), row.unmappedImports(), user, now);
            int pos = 0;
            for (Review.ReviewedFile f : review.files()) {
                dao.insertFile(id, new ReviewDao.FileRow(pos++, f.path(), f.oldPath(), f.change().name(),
                        f.language().name(), f.addedLines(), f.binary(), f.complete(), f.analysed()));
            }
            List<ReviewDao.FindingRow> findingRows = new ArrayList<>();
            for (Finding f : review.findings()) {
                ReviewDao.FindingRow fr = new ReviewDao.FindingRow(findingRows.size(), f.rule(), f.item(),
                        f.severity().label(), f.path(), f.line(), f.column(), f.code(), f.message(),
                        f.confidence().name(), f.note(), f.origin(), f.suppressed(),
                        f.suppressed() ? f.suppression().line() : null,
                        f.suppressed() ? f.suppression().reason() : null, flowText(f.flow()));
                dao.insertFinding(id, fr);
                findingRows.add(fr);
            }
            pos = 0;
            for (ManualCheck m : review.manual()) {
                dao.insertManual(id, new ReviewDao.ManualRow(pos++, m.item(), m.prompt(), m.reason()));
            }
            // findings as stored (a long path is shortened), so this is the review every later load gives
            Review stored = new Review(review.mode(), review.files(),
                    findingRows.stream().map(SavedReviews::finding).toList(), review.manual(),
                    review.unmappedImports(), review.testFiles(), review.foreignFiles());
            return new Loaded(new ReviewDao.ReviewRow(id, row.repository(), row.prNumber(), row.title(), row.url(),
                    diff, row.mode(), row.verdict(), row.unmappedImports(), user, now), stored, findingRows,
                    Map.of(), outcome);
        });
    }

    public Optional<Loaded> load(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    private Optional<Loaded> load(Handle h, long id) {
        ReviewDao dao = h.attach(ReviewDao.class);
        Optional<ReviewDao.ReviewRow> row = dao.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Review.ReviewedFile> files = dao.files(id).stream().map(f -> new Review.ReviewedFile(f.path(),
                f.oldPath(), ChangedFile.Change.valueOf(f.changeKind()), Language.valueOf(f.language()),
                f.addedLines(), f.isBinary(), f.complete(), f.analysed())).toList();
        List<ReviewDao.FindingRow> findingRows = dao.findings(id);
        List<Finding> findings = findingRows.stream().map(SavedReviews::finding).toList();
        List<ManualCheck> manual = dao.manual(id).stream()
                .map(m -> new ManualCheck(m.checklistId(), m.prompt(), m.reason())).toList();
        List<ChangedFile> changes = changes(row.get().diff());
        Review review = new Review(row.get().mode(), files, findings, manual, row.get().unmappedImports(),
                changes.stream().filter(c -> TestCode.isTest(SourceFile.fromDiff(c))).map(ChangedFile::path).toList(),
                changes.stream().filter(c -> !TestCode.isTest(SourceFile.fromDiff(c)))
                        .filter(c -> GeneratedCode.isForeign(SourceFile.fromDiff(c))).map(ChangedFile::path)
                        .toList());
        Map<String, ReviewDao.MarkRow> marks = new LinkedHashMap<>();
        dao.marks(id).forEach(m -> marks.put(m.checklistId(), m));
        return Optional.of(new Loaded(row.get(), review, findingRows, marks, outcome(h, review, marks)));
    }

    /**
     * The stored diff's files, from which a load finds again the test and generated files the review left out (see
     * {@link TestCode}, {@link GeneratedCode}); none if it cannot be read.
     */
    private static List<ChangedFile> changes(String diff) {
        try {
            return DiffParser.parse(diff);
        } catch (DiffFormatException e) {
            return List.of();
        }
    }

    public List<ReviewDao.Summary> newest(int limit) {
        return jdbi.withExtension(ReviewDao.class, dao -> dao.newest(limit));
    }

    /**
     * Records the reviewer's mark on a manual item, replacing an earlier one, and recomputes the verdict.
     *
     * @throws IllegalArgumentException when the review does not list {@code item} or {@code state} is unknown
     */
    public Outcome mark(long id, String item, String state, String note, String user) {
        if (!MARK_STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + String.join(", ", MARK_STATES)
                    + ", got '" + state + "'");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 4000) {
            throw new IllegalArgumentException("note may have at most 4000 characters, it has " + text.length());
        }
        return jdbi.inTransaction(h -> {
            ReviewDao dao = h.attach(ReviewDao.class);
            if (dao.manual(id).stream().noneMatch(m -> m.checklistId().equals(item))) {
                throw new IllegalArgumentException("review " + id + " has no manual check for '" + item + "'");
            }
            dao.deleteMark(id, item);
            dao.insertMark(id, new ReviewDao.MarkRow(item, state, text, user, OffsetDateTime.now(ZoneOffset.UTC)));
            Loaded loaded = load(h, id).orElseThrow();
            dao.setVerdict(id, loaded.outcome().key());
            return loaded.outcome();
        });
    }

    /** The verdict rule in the class comment, with a reason for each thing that blocks a pass. */
    private static Outcome outcome(Handle h, Review review, Map<String, ReviewDao.MarkRow> marks) {
        List<String> reasons = new ArrayList<>();
        for (Finding f : review.findings()) {
            if (f.atLeast(FAIL_LEVEL)) {
                reasons.add(f.item() + " " + f.severity().label() + " finding at " + f.path() + ":" + f.line());
            }
        }
        for (ManualCheck m : review.manual()) {
            ReviewDao.MarkRow mark = marks.get(m.item());
            if (mark != null && mark.state().equals("failed")) {
                reasons.add(m.item() + " marked failed by " + mark.markedBy());
            } else if (mark == null && blocker(h, m.item())) {
                reasons.add(m.item() + " is a blocker item and is not marked yet");
            }
        }
        return new Outcome(reasons.isEmpty() ? Review.Verdict.PASS : Review.Verdict.CHANGES_REQUESTED, reasons);
    }

    private static boolean blocker(Handle h, String item) {
        return new Checklist(h.getJdbi()).item(item)
                .map(c -> c.severity().equalsIgnoreCase(FAIL_LEVEL.label())).orElse(false);
    }

    /** The catalog the report writers link with, read from the database so it matches the site. */
    public Catalog catalog(Review review) {
        Checklist checklist = new Checklist(jdbi);
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        review.findings().forEach(f -> ids.add(f.item()));
        review.manual().forEach(m -> ids.add(m.item()));
        for (String id : ids) {
            if (items.containsKey(id)) {
                continue;
            }
            checklist.item(id).ifPresent(c -> items.put(id, new Catalog.Item(c.id(), c.title(), c.area(),
                    severity(c.severity()), checklist.incidents(id).stream()
                    .map(i -> new Catalog.IncidentRef(i.id(), i.title(), i.severity())).toList())));
        }
        return new Catalog(items);
    }

    private static Severity severity(String s) {
        try {
            return Severity.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.ADVICE;
        }
    }

    private static Finding finding(ReviewDao.FindingRow r) {
        return new Finding(r.ruleId(), r.checklistId(), severity(r.severity()), r.file(), r.line(), r.col(), r.code(),
                r.message(), Finding.Confidence.valueOf(r.confidence()), r.confidenceNote(), r.origin(),
                r.suppressed() ? new Finding.Suppression(r.suppressionLine() == null ? 0 : r.suppressionLine(),
                        r.suppressionReason()) : null, flow(r.flow()));
    }

    /** A path as stored: one "LINE<TAB>message" per step; null when there is none. */
    private static String flowText(List<Finding.Step> flow) {
        if (flow.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Finding.Step s : flow) {
            sb.append(s.line()).append('\t').append(s.message().replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        return sb.length() > 8000 ? sb.substring(0, sb.lastIndexOf("\n", 7999) + 1) : sb.toString();
    }

    private static List<Finding.Step> flow(String text) {
        List<Finding.Step> out = new java.util.ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(new Finding.Step(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1)));
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
