package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFilter;
import kb.review.diff.SourceFile;
import kb.review.rules.Rule;
import kb.review.rules.RuleBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kb.review.analysis.Checkout;
import kb.review.analysis.Summaries;

/**
 * Reviews a change against the rule book: runs the detectors over each file, adds imported findings, applies
 * {@code kb:ignore} comments and the diff filter, and lists the checklist items left to the reviewer.
 * Thread-safe: one instance can serve concurrent reviews.
 */
public final class Reviewer {

    private final RuleBook book;
    private final boolean includeTests;
    private final FileDetector detector;
    private final ChangeCausedFindings changeCaused;
    private final ManualChecks manualChecks;

    /** A reviewer that leaves test code out (see {@link TestCode}). */
    public Reviewer(RuleBook book) {
        this(book, false);
    }

    /** @param includeTests review test files like any other, instead of listing them as not reviewed */
    public Reviewer(RuleBook book, boolean includeTests) {
        this.book = book;
        this.includeTests = includeTests;
        this.detector = new FileDetector(book);
        this.changeCaused = new ChangeCausedFindings(detector);
        this.manualChecks = new ManualChecks(book);
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

    /** Adds each of {@code more} to {@code drops} unless a finding already there names the same line of its file. */
    private static void addUnlessLineHeld(List<Finding> drops, List<Finding> more) {
        for (Finding m : more) {
            if (drops.stream().noneMatch(d -> d.line() == m.line() && d.path().equals(m.path()))) {
                drops.add(m);
            }
        }
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
        List<FileDetector.Detected> detected = FileWork.map(readable, f -> detector.detect(f, helpers, trees));
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
        // a shared collection's finding stands at the write the change adds, when it adds one (session 43)
        findings.replaceAll(f -> SharedWriteAnchors.at(f, byPath.get(f.path())));
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
            } else if (ChangeCausedFindings.leaksThroughAddedLine(filter, file, f)
                    && (file == null || file.before() == null)) {
                kept.add(f);
            } else if (filter == DiffFilter.ADDED) {
                // including a leak through an added exit of a file the change also deletes from: it is the change's
                // only if the old file did not leak there already
                unchanged.add(f);
            }
        }
        kept.addAll(changeCaused.brokenByRemovals(unchanged, byPath, helpers, trees));
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
                    drops.addAll(DeletedJobRecovers.find(f, book.catalog(), allAdded)); // a named job's recover
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
                    drops.addAll(DeletedCopies.find(f, book.catalog()));
                    drops.addAll(DroppedReturnedErrors.find(f, book.catalog()));
                    drops.addAll(DroppedRowCounts.find(f, book.catalog()));
                    drops.addAll(RollbacksCutFromRethrows.find(f, book.catalog(), allAdded));
                    drops.addAll(UnreadTokenErrors.find(f, book.catalog()));
                    drops.addAll(GoCheckedBesideDropped.find(f, book.catalog()));
                    drops.addAll(GoStaleErrorReads.find(f, book.catalog())); // a check of err meant for a bare call
                    drops.addAll(EmptiedCatches.find(f, book.catalog(), allAdded));
                    // a catch another ERR-01 rule reports (at the catch or at its return) is said once, by that rule
                    List<Finding> catches = new ArrayList<>(SilencedCatches.find(f, book.catalog()));
                    catches.addAll(AbsorbedDeclaredFailures.find(f, book.catalog())); // a dropped `throws`, absorbed
                    catches.addAll(DiscordantCatches.find(f, book.catalog())); // silent beside a reporting sibling
                    drops.addAll(catches.stream().filter(s -> kept.stream().noneMatch(
                            k -> k.item().equals(s.item()) && k.path().equals(s.path())
                                    && Math.abs(k.line() - s.line()) <= 3)).toList());
                    // a rethrow that ends a schedule names the cause: it takes the place of the task rule's finding
                    List<Finding> rethrown = new ArrayList<>(RethrownTaskFailures.find(f, book.catalog()));
                    kept.removeIf(k -> k.item().equals("CONC-07") && rethrown.stream()
                            .anyMatch(r -> r.path().equals(k.path()) && r.line() == k.line()));
                    ScheduledFailurePairs.settle(f, kept, rethrown); // one defect, named on the line the change wrote
                    drops.addAll(rethrown);
                    drops.addAll(UnguardedTaskCalls.find(f, book.catalog(), kept)); // the line a guard left bare
                    drops.addAll(RemovedThreadHandlers.find(f, book.catalog(), allAdded));
                    // a task handed to a thread or a scheduler that lost the catch-all around its body (session 45)
                    List<Finding> standing = new ArrayList<>(kept);
                    standing.addAll(drops);
                    List<Finding> dropped = DroppedTaskGuards.find(f, book.catalog(), standing);
                    drops.addAll(dropped);
                    standing.addAll(dropped);
                    List<Finding> bypassed = BypassedTaskGuards.find(f, book.catalog(), standing, allAdded);
                    drops.addAll(bypassed); // the wrapper left out
                    standing.addAll(bypassed);
                    // a periodic body's catch-all deleted, its schedule call out of sight
                    drops.addAll(DroppedPeriodicCatches.find(f, book.catalog(), standing, allAdded));
                    drops.addAll(TaskContextInstalls.find(f, book.catalog()));
                    drops.addAll(DeletedTimeoutCancels.find(f, book.catalog(), allAdded));
                    drops.addAll(UndrainedStops.find(f, book.catalog(), allAdded)); // a stop that lost its drain
                    drops.addAll(DeletedTimeoutSetters.find(f, book.catalog(), allAdded));
                    drops.addAll(DroppedWaitDeadlines.find(f, book.catalog(), allAdded)); // a poll loop's bound
                    drops.addAll(RebuiltWithoutTimeouts.find(f, book.catalog(), allAdded)); // timeouts left behind
                    drops.addAll(DeletedModelReleases.find(f, book.catalog(), book.models(), allAdded.all(), kept));
                    // a thread owner the object's end forgets, or an end deleted whole (session 51)
                    drops.addAll(UnreleasedOwnedFields.find(f, book.catalog(), book.models().pools(),
                            Stream.concat(kept.stream(), drops.stream()).toList()));
                    // a deleted release of a field's old value, the field still overwritten (a reconnect, a restart)
                    drops.addAll(OverwrittenFieldReleases.find(f, book.catalog(), allAdded.all(),
                            Stream.concat(kept.stream(), drops.stream()).toList()));
                    // the second half of a pair deleted, its first half kept: a held value's end, a lent value's return
                    drops.addAll(DroppedPairHalves.find(f, book.catalog(), allAdded.all(),
                            Stream.concat(kept.stream(), drops.stream()).toList()));
                    List<Finding> spawns = DeletedSpawnGuards.find(f, book.catalog());
                    // a slot moved from before `go` into the goroutine: the deleted slot names it, at the launch
                    kept.removeIf(k -> k.rule().equals("go-slot-taken-inside-goroutine") && spawns.stream().anyMatch(
                            b -> b.path().equals(k.path()) && k.line() > b.line() && k.line() - b.line() <= 8));
                    drops.addAll(spawns);
                    List<Finding> bounds = DeletedQueueBounds.find(f, book.catalog(), allAdded);
                    // a deleted queue bound names the change's cause: it takes the place of the construction's finding
                    kept.removeIf(k -> k.rule().equals("java-task-executor-without-queue-capacity") && bounds.stream()
                            .anyMatch(b -> b.path().equals(k.path()) && b.line() == k.line()));
                    drops.addAll(bounds);
                    drops.addAll(DroppedQueueBounds.find(f, book.catalog()));
                    drops.addAll(StrippedTimeouts.find(f, book.catalog(), allAdded));
                    drops.addAll(GoStrippedTimeouts.find(f, book.catalog(), allAdded));
                    drops.addAll(LoosenedTimeLimits.find(f, book.catalog(), allAdded)); // made off, a unit, a loop
                    // a derived deadline deleted names the cause: it takes the place of the bare context's TMO-02
                    List<Finding> deadlines = DroppedDeadlineContexts.find(f, book.catalog(), allAdded);
                    kept.removeIf(k -> deadlines.stream().anyMatch(d -> DroppedDeadlineContexts.supersedes(d, k))
                            || k.path().equals(f.path()) && DroppedDeadlineContexts.movedElsewhere(k, allAdded));
                    drops.addAll(deadlines);
                    drops.addAll(StrippedZones.find(f, book.catalog(), allAdded));
                    drops.addAll(UtcLiteralFormats.find(f, book.catalog()));
                    addUnlessLineHeld(drops, IgnoredLocations.find(f, book.catalog())); // a location held, unused
                    addUnlessLineHeld(drops, WallClockInstants.find(f, book.catalog()));
                    addUnlessLineHeld(drops, InstantsMadeWallClock.find(f, book.catalog(), allAdded));
                    addUnlessLineHeld(drops, HostZoneReadings.find(f, book.catalog())); // kept or compared
                    addUnlessLineHeld(drops, ZonesMadeHost.find(f, book.catalog())); // a zone rewritten as the host's
                    // a zone deleted in place or a 'Z' literal already names such a line
                    addUnlessLineHeld(drops, ZoneConventionBreaks.find(f, book.catalog()));
                    drops.addAll(DroppedFutureObservers.find(f, book.catalog()));
                    addUnlessLineHeld(drops, OwnFutureDrops.find(f, book.catalog(), ownFutures));
                    drops.addAll(UnwrappedTryResources.find(f, book.catalog(), kept));
                    drops.addAll(ReplacedAtomicMapCalls.find(f, book.catalog()));
                    drops.addAll(SharedCounterWrites.find(f, book.catalog()));
                    drops.addAll(DroppedFieldDisciplines.find(f, book.catalog())); // volatile off, a field made static
                    drops.addAll(DroppedOnceGuards.find(f, book.catalog())); // a once made a plain flag test
                    addUnlessLineHeld(drops, ReadLockWrites.find(f, book.catalog())); // a write under RLock, past Unlock
                    addUnlessLineHeld(drops, DroppedGrowthBounds.find(f, book.catalog())); // a queue or cache unbounded
                    addUnlessLineHeld(drops, UnlockedDelegations.find(f, book.catalog())); // a forward's lock cut
                    addUnlessLineHeld(drops, HoistedUnsafeLocals.find(f, book.catalog())); // a per-call format shared
                    ReplacedConcurrentCollections.find(f, book.catalog())
                            .forEach(r -> drops.add(SharedWriteAnchors.at(r, f)));
                    drops.addAll(DroppedThreadHops.find(f, book.catalog()));
                    drops.addAll(PromotedLocals.find(f, book.catalog()));
                    drops.addAll(ReplacedSharedClients.find(f, book.catalog()));
                    // (pool54) the sharing taken away: an operand swapped, a kept one moved, a cache or once deleted
                    addUnlessLineHeld(drops, UnsharedClients.find(f, book.catalog()));
                    drops.addAll(DroppedClientGuards.find(f, book.catalog()));
                    drops.addAll(SharedClientCallsReplaced.find(f, book.catalog()));
                    drops.addAll(PerCallConstructions.find(f, book.catalog()));
                    addUnlessLineHeld(drops, ItemLaunches.find(f, book.catalog())); // a hand-off made a goroutine
                    drops.addAll(ReplacedContextArguments.find(f, book.catalog()));
                    drops.addAll(ClosedOnlyOnSuccess.find(f, book.catalog()));
                    drops.addAll(DroppedOwnerFields.find(f, book.catalog())); // (res54) a holding field removed
                    drops.addAll(RequestLoggerDrops.find(f, book.catalog()));
                    drops.addAll(CorrelatedLoggerDrops.find(f, book.catalog()));
                    drops.addAll(DroppedLogIds.find(f, book.catalog()));
                    drops.addAll(RemovedErrorHandling.find(f, book.catalog(), allAdded, drops, files, kept));
                    // (err53) a failure's path kept, what travels on it made success: an error handed on as nil, a
                    // failure status made 200/OK/ack, a received error unbound, a cause made text; said once beside
                    // another ERR-01 finding of the same branch
                    drops.addAll(FailuresMadeSuccess.find(f, book.catalog(), allAdded).stream().filter(s -> Stream
                            .concat(kept.stream(), drops.stream()).noneMatch(k -> k.item().equals(s.item())
                                    && k.path().equals(s.path()) && Math.abs(k.line() - s.line()) <= 3)).toList());
                    // (err54) a kept Java failure branch whose only report of the failure the change cut
                    drops.addAll(FailureReportsCut.find(f, book.catalog(), allAdded).stream().filter(s -> Stream
                            .concat(kept.stream(), drops.stream()).noneMatch(k -> k.item().equals(s.item())
                                    && k.path().equals(s.path()) && Math.abs(k.line() - s.line()) <= 3)).toList());
                    // a deleted check of a statement (`tx.ExecContext`) made bare is ERR-01's, in TX-02's place
                    kept.removeIf(k -> drops.stream().anyMatch(d -> RemovedErrorHandling.supersedes(d, k)));
                    // a line another rule already reports says it once (a dropped Commit error is TX-02's)
                    drops.removeIf(d -> kept.stream().anyMatch(k -> k.path().equals(d.path())
                            && k.line() == d.line() && !EmptiedCatches.besideInterrupt(d, k)
                            && !RemovedThreadHandlers.besideThreadRule(d, k)
                            && !SharedClientCallsReplaced.besideOtherItem(d, k)
                            && !UnsharedClients.besideOtherItem(d, k)
                            && !UnreleasedOwnedFields.besideOtherItem(d, k)
                            && !ItemLaunches.besideOtherItem(d, k)));
                    kept.addAll(drops);
                    // a goroutine that takes the place of a bounded hand-off is CONC-02's: the change's defect is the
                    // bound it lost (the launch existed before, behind the bound), so it is named instead of CONC-01's
                    // finding on the same go line (round 20's go-15, whose started method recovers out of sight)
                    // (session 32: so is a thread or goroutine per task where a pool took it or refused it)
                    List<Finding> perTask = new ArrayList<>(RemovedHandOffs.find(f, book.catalog(), allAdded));
                    perTask.addAll(PerTaskLaunches.find(f, book.catalog()));
                    for (Finding h : perTask) {
                        // (session 42) and so is it in place of a deleted release's guess on that line: the thread
                        // now takes the value the deleted catch closed (round 21's java-36, a rejected hand-off's close)
                        // (session 54) a handler the change deleted with its thread stays CONC-01's: that loss is
                        // the change's own act, said beside the per-task launch (round 122's queue consumer)
                        kept.removeIf(k -> k.path().equals(h.path()) && k.line() == h.line()
                                && (k.item().equals("CONC-01") && !k.rule().equals(RemovedThreadHandlers.RULE)
                                || k.rule().equals(RemovedReleases.RULE) && k.confidence() == Finding.Confidence.LOW));
                        if (kept.stream().noneMatch(k -> k.path().equals(h.path()) && k.line() == h.line()
                                && !k.rule().equals(RemovedThreadHandlers.RULE))) {
                            kept.add(h);
                        }
                    }
                } catch (StackOverflowError tooDeep) {
                    shallow.add(f.path());
                } catch (RuntimeException failed) {
                    StageFailures.absorb(failed, f.path());
                    shallow.add(f.path());
                }
            }
        }
        // a dialer literal without its timeout is reported at the dial below it that nothing else bounds
        List<Finding> placed = new ArrayList<>(DialSites.relocate(kept, byPath));
        BackstopDuplicates.supersede(placed);
        FilledMapFolds.fold(placed, byPath); // a map made plain and its atomic fill rewritten: one finding, at the put
        placed.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                .thenComparing(Finding::rule));
        List<Review.ReviewedFile> reviewed = files.stream().map(f -> new Review.ReviewedFile(f.path(),
                f.change().oldPath(), f.change().change(), f.language(), f.change().addedLineCount(),
                f.change().binary(), f.complete(), !shallow.contains(f.path()))).toList();
        return new Review(mode, reviewed, placed, manualChecks.manual(files), imported.unmapped(), tests, foreign);
    }

}
