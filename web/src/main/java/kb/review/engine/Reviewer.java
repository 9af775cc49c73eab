package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFilter;
import kb.review.diff.SourceFile;
import kb.review.rules.ManualTrigger;
import kb.review.rules.Rule;
import kb.review.rules.RuleBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Checkout;
import kb.review.analysis.Summaries;
import org.treesitter.TSTree;

/**
 * Reviews a change against the rule book: runs the detectors over each file, adds imported findings, applies
 * {@code kb:ignore} comments and the diff filter, and lists the checklist items left to the reviewer.
 * Thread-safe: one instance can serve concurrent reviews.
 */
public final class Reviewer {

    private final RuleBook book;
    private final boolean includeTests;
    /** Per manual-trigger regex, texts one of which any match contains (null: unknown); see {@link Needles}. */
    private final Map<Pattern, List<String>> needles = new java.util.IdentityHashMap<>();
    /** Per manual-trigger regex, {@link Needles#required} (null: unknown), read in the added text's own case. */
    private final Map<Pattern, List<List<String>>> required = new java.util.IdentityHashMap<>();

    /** A reviewer that leaves test code out (see {@link TestCode}). */
    public Reviewer(RuleBook book) {
        this(book, false);
    }

    /** @param includeTests review test files like any other, instead of listing them as not reviewed */
    public Reviewer(RuleBook book, boolean includeTests) {
        this.book = book;
        this.includeTests = includeTests;
        for (ManualTrigger t : book.triggers()) {
            t.addedLines().forEach(p -> needles.put(p, Needles.of(p)));
            t.addedLines().forEach(p -> required.put(p, Needles.required(p)));
        }
    }

    /**
     * @param mode     {@code repo}, {@code diff} or {@code files}; recorded in the review
     * @param imported findings from other analysers, already mapped onto checklist items
     */
    public Review review(String mode, List<SourceFile> files, SarifImport.Result imported, DiffFilter filter) {
        return review(mode, files, List.of(), imported, filter);
    }

    /**
     * The same, with unchanged files whose functions the analysis may look up as helpers (the changed files'
     * packages in repo mode); nothing is reported in them.
     */
    public Review review(String mode, List<SourceFile> files, List<SourceFile> context, SarifImport.Result imported,
                         DiffFilter filter) {
        return review(mode, files, context, Checkout.NONE, imported, filter);
    }

    /**
     * The same, with what the analyses may learn from the whole checkout: Java types declared anywhere in it, and
     * the callers of a function wherever they are (the caller closes {@code checkout} after the review).
     */
    public Review review(String mode, List<SourceFile> changed, List<SourceFile> context, Checkout checkout,
                         SarifImport.Result imported, DiffFilter filter) {
        // test files stay visible as helpers' homes, but nothing is reported in them
        List<SourceFile> files = (includeTests ? changed
                : changed.stream().filter(f -> !TestCode.isTest(f)).toList())
                .stream().filter(f -> !GeneratedCode.isForeign(f)).toList();
        // kb:ignore RES-01 -- closed outside finally on purpose (below); the trees' cleaners free them otherwise
        Trees trees = new Trees(files.stream().filter(Reviewer::detected).toList());
        Review review = review(mode, changed, files, context, checkout, imported, filter, trees);
        // not in a finally: after an exception another file's task (FileWork) may still be walking its tree, and freeing
        // it under that task would crash the JVM; the trees' cleaners free what is left once it is unreachable
        trees.close();
        return review;
    }

    /** True when the detectors run on the file: it has text after the change. */
    private static boolean detected(SourceFile f) {
        return !f.change().binary() && f.change().change() != ChangedFile.Change.DELETED;
    }

    private Review review(String mode, List<SourceFile> changed, List<SourceFile> files, List<SourceFile> context,
                          Checkout checkout, SarifImport.Result imported, DiffFilter filter, Trees trees) {
        List<String> tests = changed.stream().filter(f -> !includeTests && TestCode.isTest(f))
                .map(SourceFile::path).toList();
        Set<String> reviewedPaths = new HashSet<>();
        files.forEach(f -> reviewedPaths.add(f.path()));
        Set<String> testPaths = new HashSet<>(tests);
        List<String> foreign = changed.stream().map(SourceFile::path)
                .filter(p -> !reviewedPaths.contains(p) && !testPaths.contains(p)).toList();
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        List<SourceFile> visible = new ArrayList<>(changed);
        visible.addAll(context);
        // files are independent: detect them in parallel on FileWork's threads (parsers are made per file, queries are
        // read-only)
        Summaries helpers = book.rules().stream().anyMatch(r -> r.matcher() instanceof Rule.AnalysisMatcher)
                ? HelperIndex.of(visible, book.models(), checkout, trees) : Summaries.none(book.models());
        List<SourceFile> readable = files.stream().filter(Reviewer::detected).toList();
        List<Detected> detected = FileWork.map(readable, f -> detect(f, helpers, trees));
        List<Finding> findings = new ArrayList<>();
        Set<String> shallow = new HashSet<>();
        for (int i = 0; i < readable.size(); i++) {
            findings.addAll(detected.get(i).findings());
            if (!detected.get(i).analysed()) {
                shallow.add(readable.get(i).path());
            }
        }
        // a function its author marks unused for the linter never runs (set 12, GG)
        findings.removeIf(f -> UnusedFunctions.contains(byPath.get(f.path()), f.line()));
        BackstopDuplicates.drop(findings);
        for (Finding f : imported.findings()) {
            if (tests.contains(f.path())) {
                continue;
            }
            SourceFile file = byPath.get(f.path());
            String code = file == null ? f.code() : file.written(f.line()).strip();
            findings.add(new Finding(f.rule(), f.item(), f.severity(), f.path(), f.line(), f.column(), code,
                    f.message(), f.confidence(), f.note(), f.origin(), null));
        }
        List<Finding> kept = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        for (Finding f : Suppressions.apply(findings, byPath, book.imports())) {
            SourceFile file = byPath.get(f.path());
            if (filter.keeps(file, f.line())) {
                kept.add(f);
            } else if (leaksThroughAddedLine(filter, file, f) && (file == null || file.before() == null)) {
                kept.add(f);
            } else if (filter == DiffFilter.ADDED) {
                // including a leak through an added exit of a file the change also deletes from: it is the change's
                // only if the old file did not leak there already
                unchanged.add(f);
            }
        }
        kept.addAll(brokenByRemovals(unchanged, byPath, helpers, trees));
        AddedLines allAdded = new AddedLines(changed);
        Map<String, Set<String>> ownFutures = OwnFutureDrops.declared(files);
        for (SourceFile f : files) {
            if (filter != DiffFilter.NOFILTER && !f.change().binary() && !shallow.contains(f.path())) {
                try {
                    List<Finding> releases = RemovedReleases.find(f, kept.stream()
                            .filter(k -> k.path().equals(f.path())).toList(), book.catalog(), allAdded.all());
                    DeletedResponseCloses.supersede(kept, releases);
                    kept.addAll(releases);
                    List<Finding> drops = new ArrayList<>(RemovedRecovers.find(f, book.catalog(), allAdded));
                    drops.addAll(ReplacedLaunches.find(f, book.catalog(), allAdded));
                    List<Finding> limits = RemovedLimits.find(f, book.catalog(), allAdded);
                    // a deleted limit names the cause of the fan-out: it takes the place of the fan-out rule's finding
                    kept.removeIf(k -> k.rule().equals("go-goroutine-per-range-element") && limits.stream()
                            .anyMatch(l -> l.path().equals(k.path()) && l.line() == k.line()));
                    drops.addAll(limits);
                    drops.addAll(RemovedLogLimits.find(f, book.catalog(), book.models().loggers()));
                    drops.addAll(ReplacedLogSummaries.find(f, book.catalog(), book.models().loggers()));
                    drops.addAll(PacedLogLines.find(f, book.catalog(), book.models().loggers()));
                    drops.addAll(RemovedLocks.find(f, book.catalog(), allAdded, files));
                    drops.addAll(DroppedReturnedErrors.find(f, book.catalog()));
                    drops.addAll(DroppedRowCounts.find(f, book.catalog()));
                    drops.addAll(EmptiedCatches.find(f, book.catalog(), allAdded));
                    drops.addAll(TaskContextInstalls.find(f, book.catalog()));
                    drops.addAll(DeletedTimeoutCancels.find(f, book.catalog(), allAdded));
                    drops.addAll(DeletedTimeoutSetters.find(f, book.catalog(), allAdded));
                    List<Finding> bounds = DeletedQueueBounds.find(f, book.catalog(), allAdded);
                    // a deleted queue bound names the change's cause: it takes the place of the construction's finding
                    kept.removeIf(k -> k.rule().equals("java-task-executor-without-queue-capacity") && bounds.stream()
                            .anyMatch(b -> b.path().equals(k.path()) && b.line() == k.line()));
                    drops.addAll(bounds);
                    drops.addAll(StrippedTimeouts.find(f, book.catalog(), allAdded));
                    drops.addAll(GoStrippedTimeouts.find(f, book.catalog(), allAdded));
                    drops.addAll(DroppedFutureObservers.find(f, book.catalog()));
                    for (Finding own : OwnFutureDrops.find(f, book.catalog(), ownFutures)) {
                        if (drops.stream().noneMatch(d -> d.line() == own.line() && d.path().equals(own.path()))) {
                            drops.add(own);
                        }
                    }
                    drops.addAll(UnwrappedTryResources.find(f, book.catalog(), kept));
                    drops.addAll(ReplacedAtomicMapCalls.find(f, book.catalog()));
                    drops.addAll(ReplacedConcurrentCollections.find(f, book.catalog()));
                    drops.addAll(ReplacedSharedClients.find(f, book.catalog()));
                    drops.addAll(ClosedOnlyOnSuccess.find(f, book.catalog()));
                    drops.addAll(RequestLoggerDrops.find(f, book.catalog()));
                    drops.addAll(CorrelatedLoggerDrops.find(f, book.catalog()));
                    // a line another rule already reports says it once (a dropped Commit error is TX-02's)
                    drops.removeIf(d -> kept.stream().anyMatch(k -> k.path().equals(d.path())
                            && k.line() == d.line()));
                    kept.addAll(drops);
                    // a goroutine that takes the place of a bounded hand-off is CONC-02's: the change's defect is the
                    // bound it lost (the launch existed before, behind the bound), so it is named instead of CONC-01's
                    // finding on the same go line (round 20's go-15, whose started method recovers out of sight)
                    for (Finding h : RemovedHandOffs.find(f, book.catalog(), allAdded)) {
                        kept.removeIf(k -> k.path().equals(h.path()) && k.line() == h.line()
                                && k.item().equals("CONC-01"));
                        if (kept.stream().noneMatch(k -> k.path().equals(h.path()) && k.line() == h.line())) {
                            kept.add(h);
                        }
                    }
                } catch (StackOverflowError tooDeep) {
                    shallow.add(f.path());
                }
            }
        }
        // a dialer literal without its timeout is reported at the dial below it that nothing else bounds
        List<Finding> placed = new ArrayList<>(DialSites.relocate(kept, byPath));
        placed.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                .thenComparing(Finding::rule));
        List<Review.ReviewedFile> reviewed = files.stream().map(f -> new Review.ReviewedFile(f.path(),
                f.change().oldPath(), f.change().change(), f.language(), f.change().addedLineCount(),
                f.change().binary(), f.complete(), !shallow.contains(f.path()))).toList();
        return new Review(mode, reviewed, placed, manual(files), imported.unmapped(), tests, foreign);
    }

    /**
     * Findings on unchanged lines that the change itself caused by what it deleted: a pull request that only removes
     * {@code defer f.Close()}, {@code cancel()} or {@code Thread.currentThread().interrupt()} leaves the acquisition
     * or the catch untouched, so the added-lines filter would drop the very finding the change creates. The file
     * before the change (the whole base file in a checkout, the old side of the hunks in a pasted diff) is reviewed
     * too, and a finding on an unchanged line is kept when the old file had fewer findings of that rule on that same
     * code. A finding that was already there before the change stays out, as before.
     */
    private List<Finding> brokenByRemovals(List<Finding> unchanged, Map<String, SourceFile> byPath,
                                           Summaries helpers, Trees trees) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        // only the built-in detectors' findings: the old file is not run through other analysers
        unchanged.stream().filter(f -> "kb".equals(f.origin()) && !f.rule().equals(Suppressions.NO_REASON_RULE))
                .forEach(f -> byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
        List<Finding> out = new ArrayList<>();
        byFile.forEach((path, candidates) -> {
            SourceFile after = byPath.get(path);
            SourceFile before = after == null ? null : after.before();
            if (before == null) {
                return;
            }
            // per rule and code: the findings on unchanged lines now, less those the old file had; what is left is
            // what the change made (findings on added lines are kept already and are not counted on either side)
            Map<String, Integer> budget = new java.util.HashMap<>();
            for (Finding f : candidates) {
                budget.merge(key(f), 1, Integer::sum);
            }
            Set<String> old = new HashSet<>();
            for (Finding f : detect(before, helpers, trees).findings()) {
                budget.merge(key(f), -1, Integer::sum);
                old.add(f.rule() + '@' + f.line());
            }
            // a line the change only lays out again (re-wrapped, re-indented) is the old line's code: a finding there
            // that the old file had on the line the code came from is not the change's
            Map<Integer, Integer> origin = after.change().reformatted();
            for (Finding f : candidates) {
                if (OpenedTries.keeps(after, f.item(), f.line())) {
                    out.add(f); // re-indented into a try the change wrote without the rollback
                    continue;
                }
                if (UnwrappedCleanups.keeps(after, f)) {
                    out.add(f); // the clean-up taken out of its finally: every exception of the call now leaks
                    continue;
                }
                Integer from = origin.get(f.line());
                if (from != null && old.contains(f.rule() + '@' + from)) {
                    continue;
                }
                if (budget.getOrDefault(key(f), 0) > 0) {
                    budget.merge(key(f), -1, Integer::sum);
                    out.add(f);
                }
            }
        });
        return out;
    }

    /**
     * A finding's identity across the change: its rule and the code of its line without white space, not the line's
     * number (a line the change only re-indents or re-spaces is the same code).
     */
    private static String key(Finding f) {
        return f.rule() + '\u0000' + (f.code() == null ? "" : WHITE.matcher(f.code()).replaceAll(""));
    }

    private static final java.util.regex.Pattern WHITE = java.util.regex.Pattern.compile("\\s+");

    /**
     * A leak whose acquisition the diff only shows as context, but whose leaking exit the change adds: an early
     * return written between an unchanged open and its unchanged deferred close. The change made the defect, so the
     * finding stays, at the acquisition the path starts from.
     */
    private static boolean leaksThroughAddedLine(DiffFilter filter, SourceFile file, Finding f) {
        if (filter != DiffFilter.ADDED || file == null || f.flow().isEmpty() || !file.inDiff(f.line())) {
            return false;
        }
        return file.added(f.flow().get(f.flow().size() - 1).line()) || AddedBranchExits.through(file, f);
    }

    /**
     * One file's findings, and whether its syntax rules and analyses ran to the end: a file nested deeper than the
     * review's stack carries (hostile input; see {@link FileWork}) keeps its line rules' findings and those of the
     * stages that finished, and is reported as not analysed rather than ending the review.
     */
    private record Detected(List<Finding> findings, boolean analysed) {
    }

    private Detected detect(SourceFile file, Summaries helpers, Trees trees) {
        List<Rule> regex = new ArrayList<>();
        List<Rule> query = new ArrayList<>();
        List<Rule> visitor = new ArrayList<>();
        List<Rule> analysis = new ArrayList<>();
        for (Rule r : book.rules()) {
            if (r.appliesTo(file.path())) {
                List<Rule> bucket = r.matcher() instanceof Rule.RegexMatcher ? regex
                        : r.matcher() instanceof Rule.QueryMatcher ? query
                        : r.matcher() instanceof Rule.AnalysisMatcher ? analysis : visitor;
                bucket.add(r);
            }
        }
        List<Hit> hits = new ArrayList<>(RegexDetector.run(file, regex, helpers));
        boolean analysed = true;
        if ((!query.isEmpty() || !visitor.isEmpty() || !analysis.isEmpty()) && FileWork.nestsTooDeeply(file.text())) {
            analysed = false;
        } else if (!query.isEmpty() || !visitor.isEmpty() || !analysis.isEmpty()) {
            try {
                TSTree tree = trees.of(file);
                // the Java visitors and the analysis read the same JavaParser units: parse them once per file
                JavaVisitors.Units units = new JavaVisitors.Units(file, tree);
                if (!query.isEmpty()) {
                    hits.addAll(TreeSitterDetector.run(file, tree, book.queries(file.language()), helpers));
                }
                if (!visitor.isEmpty()) {
                    hits.addAll(JavaVisitors.run(file, units, visitor));
                }
                if (!analysis.isEmpty()) {
                    hits.addAll(AnalysisDetector.run(file, tree, units, analysis, book.models(), helpers));
                }
            } catch (StackOverflowError tooDeep) {
                analysed = false;
            } finally {
                trees.done(file);
            }
        }
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Hit raw : hits) {
            Hit h = raw.calibrated(file.language());
            if (seen.add(h.rule().id() + ":" + h.line())) {
                out.add(new Finding(h.rule().id(), h.rule().item(), h.rule().severity(), file.path(), h.line(),
                        h.column(), file.written(h.line()).strip(), h.rule().message(), h.confidence(), h.note(), "kb",
                        null, h.flow()));
            }
        }
        return new Detected(out, analysed);
    }

    private List<ManualCheck> manual(List<SourceFile> files) {
        Map<String, ManualCheck> out = new LinkedHashMap<>();
        // the added text of each file in lower case, made once and read once for every trigger's needles: most
        // trigger regexes are skipped by a substring test
        Map<SourceFile, Occurrences.Text> lowered = new java.util.IdentityHashMap<>();
        // and as written, for the needles that keep their case (a trigger's needle must be there in both)
        Map<SourceFile, Occurrences.Text> written = new java.util.IdentityHashMap<>();
        for (ManualTrigger t : book.triggers()) {
            if (out.containsKey(t.item())) {
                continue;
            }
            for (SourceFile f : files) {
                if (f.change().change() == ChangedFile.Change.DELETED) {
                    continue;
                }
                String reason = reason(t, f, lowered, written);
                if (reason != null) {
                    out.put(t.item(), new ManualCheck(t.item(), t.prompt(), reason));
                    break;
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private String reason(ManualTrigger t, SourceFile f, Map<SourceFile, Occurrences.Text> lowered,
                          Map<SourceFile, Occurrences.Text> written) {
        if (t.paths().stream().anyMatch(g -> g.matches(f.path()))) {
            return f.path() + " changed";
        }
        if (t.addedLines().isEmpty()) {
            return null;
        }
        SourceFile.AddedText added = f.addedText();
        Occurrences.Text lower = lowered.computeIfAbsent(f,
                x -> new Occurrences.Text(added.text().toLowerCase(java.util.Locale.ROOT)));
        for (Pattern p : t.addedLines()) {
            if (!Needles.mayMatch(needles.get(p), lower) || !Needles.mayMatchAll(required.get(p),
                    written.computeIfAbsent(f, x -> new Occurrences.Text(added.text())))) {
                continue;
            }
            var m = p.matcher(added.text());
            if (m.find()) {
                return f.path() + ":" + added.lineAt(m.start()) + " adds \"" + m.group() + "\"";
            }
        }
        return null;
    }
}
