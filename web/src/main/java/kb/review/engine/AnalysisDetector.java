package kb.review.engine;

import static kb.review.engine.TextPrefilter.helperMayAcquire;
import static kb.review.engine.TextPrefilter.mayAppear;
import static kb.review.engine.TextPrefilter.staticHelpers;

import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.TreeSitter;
import kb.review.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.review.analysis.CollectedCloses;
import kb.review.analysis.GoLifecycle;
import kb.review.analysis.GuardedFields;
import kb.review.analysis.SharedPackageMaps;
import kb.review.analysis.HandClosed;
import kb.review.analysis.JavaLifecycle;
import kb.review.analysis.Lifecycle;
import kb.review.analysis.Model;
import kb.review.analysis.Models;
import kb.review.analysis.DeclaredReturns;
import kb.review.analysis.RepositoryStreams;
import kb.review.analysis.LoopDefers;
import kb.review.analysis.LoopLogs;
import kb.review.analysis.Shapes;
import kb.review.analysis.UnrecoveredGoroutines;
import kb.review.analysis.Summaries;
import kb.review.analysis.ThreadLocalNames;
import kb.review.diff.SyntaxNode;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.treesitter.TSTree;
import kb.review.analysis.ContextDrops;
import kb.review.analysis.ContextModel;
import kb.review.analysis.DeadlineDrops;
import kb.review.analysis.Discards;
import kb.review.analysis.ErrorModel;
import java.util.function.BooleanSupplier;

/**
 * Runs the {@code analysis:} rules over one file. {@code resource-lifecycle} rules run the lifecycle pass of the file's language with
 * the models the rules name, each leak reported on its acquisition line with the leaking path. A finding is low
 * confidence when the model matched a name rather than a declared type, or when the diff shows only part of the
 * function.
 */
final class AnalysisDetector {

    private AnalysisDetector() {
    }

    /**
     * Runs the rules on a file whose tree-sitter tree is open. The tree is copied to the heap (see
     * {@link SyntaxNode}) only when an analysis can find something: each one first asks the file's text for the words
     * what it looks for cannot be written without.
     */
    static List<Hit> run(SourceFile file, TSTree tree, JavaVisitors.Units units, List<Rule> rules, Models models,
                         Summaries shared) {
        // the file's calls resolve through its own imports and package
        Summaries summaries = shared.in(file.path(), file.text());
        List<Hit> hits = new ArrayList<>();
        List<Rule> lifecycle = new ArrayList<>();
        SyntaxNode[] copy = new SyntaxNode[1];
        Supplier<SyntaxNode> root = () -> copy[0] != null ? copy[0]
                : (copy[0] = SyntaxNode.of(tree, TreeSitter.grammar(file.language()), file.utf8()));
        String lower = file.lowerText();
        // whether the text names a loop, asked by several rules: read once per file
        Boolean[] loop = new Boolean[1];
        java.util.function.BooleanSupplier loops = () -> loop[0] != null ? loop[0]
                : (loop[0] = LOOP_KEYWORD.matcher(lower).find()
                || file.language() == Language.JAVA && PIPELINE_KEYWORD.matcher(lower).find());
        for (Rule r : rules) {
            String a = ((Rule.AnalysisMatcher) r.matcher()).analysis();
            List<Shapes.Spot> spots = switch (a) {
                case Rule.AnalysisMatcher.GOROUTINE_RECOVER -> file.language() == Language.GO
                        && (GO_KEYWORD.matcher(lower).find()
                        || models.spawns().stream().anyMatch(s -> mayAppear(s.builtBy(), lower)))
                        ? UnrecoveredGoroutines.goroutinesWithoutRecover(root.get(), file.utf8(), summaries,
                                models.spawns(), n -> ReplacedLines.removedOf(file, n))
                        : List.of();
                case Rule.AnalysisMatcher.TASK_CATCHES_ALL -> file.language() == Language.JAVA
                        && (lower.contains("scheduleatfixedrate") || lower.contains("schedulewithfixeddelay")
                        || lower.contains(".schedule(")) // one-shot: a held TimerTask, a task that reschedules itself
                        ? Shapes.tasksWithoutCatch(root.get(), file.utf8(), summaries) : List.of();
                // (a Java hunk that starts inside a loop shows only its continue: CountedSkips)
                case Rule.AnalysisMatcher.LOG_IN_LOOP -> (loops.getAsBoolean()
                        || lower.contains("continue") // a hunk inside a loop body: CountedSkips, ContinuedLoops
                        || file.language() == Language.GO && lower.contains("func(") // a helper's per-element literal
                        || lower.contains("== 0") // a sampled progress line beside the log: SampledSiblings
                        || !file.complete() && (lower.contains("++") || lower.contains("+=")) // *Tallied*
                        || file.language() == Language.GO && !file.complete()
                        && (lower.contains("<-") // GoChannelLoops
                        || lower.contains("append(") || lower.contains(".read") || lower.contains(".recv")
                        || lower.contains(".receive") || lower.contains(".next") || lower.contains(".accept")
                        || lower.contains(".add(1)") || lower.contains("[:")) // GoCollectingTurns
                        || !file.complete() && (lower.contains(".err()") || lower.contains(".next()")
                        || lower.contains(".getstring(") || lower.contains(".getint(")
                        || lower.contains(".getlong(") || lower.contains(".take()") || lower.contains(".poll(")
                        || lower.contains(".readline()") || lower.contains(".receive("))) // CursorLoops
                        && models.loggers().stream().anyMatch(p -> mayAppear(p, lower))
                        ? RewrittenLoopLogs.drop(file, LoopLogs.logsInLoops(root.get(), file.utf8(),
                        file.language() == Language.GO, models.loggers(), models.roundTrips(file.language().key()),
                        models.polls(file.language().key()), file.path(),
                        file.complete() ? null : file.knownLines())) : List.of();
                // (session 35) only an edit has a level it raised from; its removed lines name the quiet level
                case Rule.AnalysisMatcher.LOG_LEVEL_RAISED -> !file.complete()
                        && (lower.contains("info") || lower.contains("warn") || lower.contains("notice")
                        || lower.contains("print")) && lower.contains("log")
                        ? kb.review.analysis.RaisedLogLevels.find(root.get(), file.utf8(),
                        file.language() == Language.GO, n -> ReplacedLines.of(file, n, ""),
                        () -> ReplacedLines.removedIn(file)) : List.of();
                // (session 36) an added line whose function's role runs it per event, message, chunk or poll
                // (session 46) a new Go file too, for the lines of its request handlers alone
                // (session 48) a new Java file too, for the lines of its methods of a per-event kind
                case Rule.AnalysisMatcher.LOG_PER_UNIT -> lower.contains("log")
                        ? kb.review.analysis.PerUnitLogs.find(root.get(), file.utf8(),
                        file.language() == Language.GO, file.path(), file::added, n -> ReplacedLines.of(file, n, ""),
                        () -> ReplacedLines.removedIn(file), file.complete(),
                        models.perEvent(file.language().key()), file::section, models.perEventHeads("go"))
                        : List.of();
                // (session 42) a failure branch that only logs, in a loop that runs until stopped
                // (session 48) a Go log line rewritten through a wider logger than it had (LOG-03)
                case Rule.AnalysisMatcher.LOG_LOGGER_WIDENED -> file.language() == Language.GO && !file.complete()
                        ? kb.review.analysis.WidenedLoggers.find(root.get(), file.utf8(), file::added,
                        n -> ReplacedLines.of(file, n, "")) : List.of();
                case Rule.AnalysisMatcher.LOG_FAILURE_SPIN -> lower.contains("catch") || lower.contains("!= nil")
                        ? kb.review.analysis.SpinningFailureLogs.find(root.get(), file.utf8(),
                        file.language() == Language.GO, file::added, (a1, a2) -> ReplacedLines.removedWithin(file,
                        a1, a2)) : List.of();
                case Rule.AnalysisMatcher.DEFER_IN_LOOP -> file.language() == Language.GO
                        && lower.contains("defer") && (loops.getAsBoolean() || lower.contains("continue")
                        || lower.contains("break") || lower.contains("append(") // a hunk inside a loop
                        || !file.complete() && file.change().removesLines()) // body: HiddenLoopDefers, CollectedTurnDefers, ReplacedTurnCloses
                        ? LoopDefers.defersInLoops(root.get(), file.utf8(), file) : List.of();
                case Rule.AnalysisMatcher.TRY_DISMANTLED -> file.language() == Language.JAVA && !file.complete()
                        && file.change().removesLines() ? kb.review.analysis.DismantledTries.find(file,
                        r.item().equals("RES-02")) : List.of();
                case Rule.AnalysisMatcher.RELEASE_SKIPPED -> !file.complete() && (lower.contains("close") || lower.contains("&&"))
                        ? kb.review.analysis.SkippedReleases.find(file, file.language() == Language.GO,
                        r.item().equals("RES-02")) : List.of();
                case Rule.AnalysisMatcher.GUARDED_FIELD -> file.language() == Language.GO && (lower.contains("lock()")
                        || lower.contains("sync.") && lower.contains("mutex")) // a mutex declared, maybe never taken
                        ? GuardedFields.find(file) : List.of();
                case Rule.AnalysisMatcher.LOCK_REMOVED -> !file.complete() || file.before() != null
                        ? kb.review.analysis.RemovedGuards.find(file) : List.of();
                case Rule.AnalysisMatcher.MONITOR_DROPPED -> file.language() == Language.JAVA
                        && file.change().removesLines() ? kb.review.analysis.DroppedMonitors.find(file) : List.of();
                case Rule.AnalysisMatcher.GOROUTINE_MAP -> file.language() == Language.GO && lower.contains("go ")
                        ? kb.review.analysis.GoroutineMaps.find(file) : List.of();
                case Rule.AnalysisMatcher.SHARED_PACKAGE_MAP -> file.language() == Language.GO
                        ? SharedPackageMaps.find(file) : List.of();
                case Rule.AnalysisMatcher.UNREAD_ERROR -> file.language() == Language.GO && lower.contains("err")
                        ? kb.review.analysis.GoUnreadErrors.find(root.get(), file.utf8(), file::allKnown) : List.of();
                case Rule.AnalysisMatcher.SWALLOWED_ERROR -> file.language() == Language.GO && lower.contains("!= nil")
                        ? kb.review.analysis.GoSwallowedErrors.find(root.get(), file) : List.of();
                case Rule.AnalysisMatcher.ERROR_BLANK_KEPT -> file.language() == Language.GO && lower.contains(", _")
                        ? kb.review.analysis.GoBlankErrors.find(root.get(), file.utf8(), summaries,
                        file::added, () -> ReplacedLines.removedIn(file)) : List.of();
                case Rule.AnalysisMatcher.LOGGED_FAILURE_USED -> file.language() == Language.GO
                        && lower.contains("!= nil") ? kb.review.analysis.GoLoggedFailureUses.find(root.get(), file)
                        : List.of();
                case Rule.AnalysisMatcher.ERROR_AS_ANSWER -> file.language() == Language.GO && lower.contains(", nil")
                        && lower.contains("!= nil") ? kb.review.analysis.GoErrorsAsAnswers.find(root.get(), file) : List.of();
                case Rule.AnalysisMatcher.NEEDS_TIMEOUT -> {
                    ConstructionPasses.timeouts(file, root, r, models, hits, summaries);
                    yield List.of();
                }
                case Rule.AnalysisMatcher.ERROR_TO_BLANK, Rule.AnalysisMatcher.ERROR_UNCHECKED -> {
                    discards(file, root, r, models, hits, a.equals(Rule.AnalysisMatcher.ERROR_TO_BLANK));
                    yield List.of();
                }
                case Rule.AnalysisMatcher.CONTEXT_DROPPED -> {
                    contextDrops(file, root, r, models, hits);
                    yield List.of();
                }
                case Rule.AnalysisMatcher.BUILT_PER_CALL -> {
                    ConstructionPasses.perCall(file, root, r, models, hits, summaries);
                    yield List.of();
                }
                default -> {
                    lifecycle.add(r);
                    yield List.of();
                }
            };
            for (Shapes.Spot s : spots) {
                boolean whole = file.complete() || Sight.functionVisible(file, root.get(), s.line())
                        || a.equals(Rule.AnalysisMatcher.LOG_IN_LOOP) && s.note() == null
                        && Sight.loopShownToCall(file, root.get(), s.line(), s.column());
                // a note that must keep the finding low (Hit.calibrated lifts a partial function in Go) stays
                boolean keepsNote = whole || LoopDefers.TURN_BELOW.equals(s.note());
                hits.add(new Hit(r, s.line(), s.column(), whole && s.sure() ? Finding.Confidence.HIGH
                        : Finding.Confidence.LOW, keepsNote ? s.note() : Hit.PARTIAL_FUNCTION));
            }
        }
        hits.addAll(lifecycle(file, root, units, lifecycle, models, summaries));
        return hits;
    }

    /** A resource taken out of its try that another rule of the item reports on the same line: theirs. */
    static void dropDismantledTwins(List<Hit> hits) {
        hits.removeIf(h -> dismantled(h) && hits.stream().anyMatch(o -> !dismantled(o) && o.line() == h.line()
                && o.rule().item().equals(h.rule().item())));
    }

    private static boolean dismantled(Hit h) {
        return h.rule().matcher() instanceof Rule.AnalysisMatcher m
                && m.analysis().equals(Rule.AnalysisMatcher.TRY_DISMANTLED);
    }

    /** A spot of one of the analyses as a hit: low confidence when the function is partial or the match by name. */
    static void addSpot(SourceFile file, Rule r, List<Hit> hits, int line, int column, boolean sureMatch,
                                BooleanSupplier visible,
                                List<Lifecycle.Step> steps) {
        boolean whole = file.complete() || visible.getAsBoolean();
        boolean sure = whole && sureMatch;
        List<Finding.Step> flow = steps.stream().map(x -> new Finding.Step(x.line(), x.message())).toList();
        hits.add(new Hit(r, line, column, sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                sure ? null : !whole ? Hit.PARTIAL_FUNCTION : Hit.BY_NAME, flow));
    }

    /** One TX-02 rule: errors of the models' calls (or the file's helpers) assigned to _ or dropped. */
    private static void discards(SourceFile file, Supplier<SyntaxNode> root, Rule r, Models models, List<Hit> hits,
                                 boolean blank) {
        List<ErrorModel> wanted = models.errors().stream()
                .filter(m -> m.language().equals("go") && resources(r).contains(m.id())).toList();
        if (wanted.isEmpty() || file.language() != Language.GO
                || wanted.stream().noneMatch(ErrorModel::declared) && wanted.stream().flatMap(m -> m.calls()
                .stream()).noneMatch(c -> mayAppear(c.call(), file.lowerText()))) {
            return;
        }
        for (Discards.Spot s : Discards.run(root.get(), file.utf8(), wanted)) {
            if (s.blank() != blank) {
                continue;
            }
            addSpot(file, r, hits, s.line(), s.column(), s.sure(),
                    () -> Sight.functionVisible(file, root.get(), s.line()), s.steps());
        }
    }

    /** One TMO-02 rule: calls that drop the caller's context (Go) or deadline (Java) in a function given one. */
    private static void contextDrops(SourceFile file, Supplier<SyntaxNode> root, Rule r, Models models,
                                     List<Hit> hits) {
        List<ContextModel> wanted = models.variants().stream()
                .filter(m -> resources(r).contains(m.id())).toList();
        String lower = file.lowerText();
        String lang = file.language().key();
        wanted = wanted.stream().filter(m -> m.language().equals(lang)).toList();
        boolean go = file.language() == Language.GO;
        if (wanted.isEmpty() || go && !lower.contains("context") && !lower.contains("http.request")
                || !go && wanted.stream().flatMap(m -> m.calls().stream()).noneMatch(c -> mayAppear(c.call(), lower))) {
            return;
        }
        for (ContextDrops.Spot s : go ? ContextDrops.run(root.get(), file.utf8(),
                wanted, () -> ReplacedLines.removedIn(file)) : DeadlineDrops.run(root.get(), file.utf8(), wanted)) {
            addSpot(file, r, hits, s.line(), s.column(), s.sure(),
                    () -> Sight.functionVisible(file, root.get(), s.line()), s.steps());
        }
    }

    private static List<Hit> lifecycle(SourceFile file, Supplier<SyntaxNode> root, JavaVisitors.Units units,
                                       List<Rule> rules, Models models, Summaries summaries) {
        String lang = file.language().key();
        List<Model> wanted = new ArrayList<>();
        for (Model m : models.resources(lang)) {
            if (rules.stream().anyMatch(r -> resources(r).contains(m.id()))) {
                wanted.add(m);
            }
        }
        List<Hit> hits = new ArrayList<>();
        if (wanted.isEmpty()) {
            return hits;
        }
        if (file.language() == Language.JAVA && wanted.stream().anyMatch(m -> m.kind().equals("thread-local"))) {
            // a thread-local whose declaration is outside the hunks is known by its calls, on either side of the change
            // (the old side is built only here, where it is read)
            wanted = ThreadLocalNames.widen(wanted, file.text(), file.before() == null ? null : file.before().text());
        }
        // a file in which no model's acquiring call can be named is neither copied nor parsed by JavaParser
        // the bodies of the static helpers the file calls, read once and only for a model the file does not name
        List<List<String>> helpers = new ArrayList<>();
        // (a Java 'returns' entry names no call: DeclaredReturns decides whether the file may make one)
        boolean java = file.language() == Language.JAVA;
        wanted.removeIf(m -> !(java && HandClosed.mayAppear(m, file.lowerText()))
                && !(!java && kb.review.analysis.GoHandClosed.mayAppear(m, file.lowerText()))
                && m.acquires().stream().noneMatch(q -> !(java && q.returns() != null)
                        && mayAppear(q, file.lowerText()))
                && !RepositoryStreams.mayAppear(m, file.lowerText())
                && !(file.language() == Language.JAVA && DeclaredReturns.mayAppear(m, file.lowerText(), summaries,
                        p -> mayAppear(p, file.lowerText())))
                && !(file.language() == Language.JAVA && helperMayAcquire(m, helpers.isEmpty()
                ? helpers.add(staticHelpers(file.text(), summaries)) ? helpers.get(0) : null : helpers.get(0))));
        if (wanted.isEmpty()) {
            return hits;
        }
        // a partial function's leak found on a line whose code the change left alone (only its comment changed)
        java.util.BitSet untouched = CommentOnlyEdits.of(file);
        if (file.language() == Language.GO) {
            java.util.function.BiPredicate<Integer, String> fresh = AddedAcquisitions.of(file);
            for (Lifecycle.Found f : GoLifecycle.run(root.get(), file.utf8(), wanted, summaries,
                    file.complete() ? line -> true : file::known, fresh,
                    AddedAcquisitions.removedByLine(file), file.complete() ? line -> false : file::added)) {
                boolean whole = !f.pastCut() && (file.complete()
                        || Sight.functionVisible(file, root.get(), f.leak().acquisition().at().line));
                Lifecycle.Acquisition acq = f.leak().acquisition();
                if (HiddenReleaseSlots.hidden(file, acq.at().line, fresh.test(acq.at().line, acq.var()))) {
                    continue; // its release slot is unchanged code the diff leaves out (session 31, class W)
                }
                if (whole || !untouched.get(f.leak().acquisition().at().line)) {
                    add(hits, rules, f, whole);
                }
            }
        } else {
            for (JavaVisitors.Unit unit : units.get()) {
                for (Lifecycle.Found f : JavaLifecycle.run(unit.root(), wanted, summaries)) {
                    boolean whole = unit.whole(f.leak().acquisition().at().line);
                    // the path reaches where the hunk stops, not where the method ends; a value whose exception
                    // paths are followed still leaks through a call that throws before the cut, so only values
                    // checked on normal exits alone (exception-paths: 'false', Netty's buffers) are let go here
                    if (!whole && f.leak().atEnd() && f.leak().acquisition().model().normalPathsOnly()
                            && unit.cutOff(f.leak().acquisition().at().line)) {
                        continue;
                    }
                    if (!whole && ClassicTryCut.cut(file, f.leak().acquisition().at().line,
                            f.leak().acquisition().var())) {
                        continue;
                    }
                    if (!whole && CutTryFinallies.endedBelowCut(file, f.leak().acquisition())) {
                        continue; // the cut try's finally, in a later hunk, ends the transaction (session 35)
                    }
                    if (!whole && CutTryFinallies.leftToHandlersBelow(file, f.leak().acquisition())) {
                        continue; // a begin the change left alone, its handlers below the hunk (session 37)
                    }
                    if (!whole && CutJavaViews.undecided(file, f.leak(),
                            unit.cutOff(f.leak().acquisition().at().line))) {
                        continue; // decided by lines of the method the diff does not show (session 30)
                    }
                    if (!whole && FieldStoredValues.storedInField(file, f.leak().acquisition())) {
                        continue; // stored in a field another hunk declares: the object's (session 36, jprec36)
                    }
                    if (kb.review.analysis.StatementScopedResults.closedWithStatement(f.leak().acquisition())) {
                        continue; // closed with its statement, which a try-with-resources closes (session 31, DE)
                    }
                    if (TransactionWrappers.endedByOwnClose(f.leak().acquisition())) {
                        continue; // a unit-of-work class: its close() ends the transaction it began (callers close it)
                    }
                    if (f.leak().acquisition().model().kind().equals("thread-local")
                            && (!whole && CloseableScopes.inCloseableClass(file, f.leak().acquisition().at().line)
                            || SetterHelpers.ownedByCallers(file, f.leak().acquisition().at().line)
                            || !whole && CutTryHandlers.cut(file, f.leak().acquisition().at().line)
                            || DeclaredOtherwise.notThreadLocal(file, f.leak().acquisition().var(),
                                    f.leak().acquisition().at().line))) {
                        continue; // a scope class's set paired by its close(), or a setter whose callers restore
                    }
                    if (whole || !untouched.get(f.leak().acquisition().at().line)
                            || CommentOnlyEdits.releaseAdded(file, f.leak().acquisition())) {
                        add(hits, rules, f, whole);
                    }
                }
            }
        }
        return hits;
    }

    /** What a goroutine and a loop cannot be written without (in lower-cased text; comments may match too). */
    private static final Pattern GO_KEYWORD = Pattern.compile("(?=g)\\bgo\\b");
    /** (session 53) a Java stream's or reactive pipeline's per-element operator: its lambda is a loop body. */
    private static final Pattern PIPELINE_KEYWORD = Pattern.compile("\\.(?:peek|map|maptoobj|maptoint|maptolong"
            + "|maptodouble|flatmap\\w*|concatmap\\w*|switchmap|mapmulti|filter|anymatch|allmatch|nonematch"
            + "|takewhile|dropwhile|handle|doonnext|dooneach|subscribe|onnext|foreachremaining|invoke|transform\\w*"
            + "|call)\\s*\\(");
    private static final Pattern LOOP_KEYWORD = Pattern.compile("(?=[fwdres])\\b(for|while|do|foreach|foreachordered"
            + "|walk|walkdir|range|each|slice|slicestable|sortfunc|sortstablefunc)\\b"); // Go per-item callbacks too

    static Set<String> resources(Rule r) {
        return ((Rule.AnalysisMatcher) r.matcher()).resources();
    }

    private static void add(List<Hit> hits, List<Rule> rules, Lifecycle.Found f, boolean whole) {
        Lifecycle.Leak leak = f.leak();
        // a Java value collected in its loop for a close after the batch is RES-03's shape: its lifecycle rule takes
        // those leaks, and only those (CollectedCloses); RES-01's rules take the rest
        boolean collected = leak.acquisition().at().ast instanceof com.github.javaparser.ast.Node
                && CollectedCloses.closedAfterLoop(leak.acquisition());
        for (Rule r : rules) {
            if (!resources(r).contains(leak.acquisition().model().id()) || r.item().equals("RES-03") != collected) {
                continue;
            }
            List<Finding.Step> flow = leak.steps().stream().map(s -> new Finding.Step(s.line(), s.message()))
                    .toList();
            boolean sure = whole && f.sure() && leak.unseen() == null;
            // a value handed to a helper the review cannot see is undecided, whether or not its function is whole
            String note = sure ? null : leak.unseen() != null ? Hit.unseen(leak.unseen())
                    : f.pastCut() ? Hit.RELEASE_BELOW : !whole ? Hit.PARTIAL_FUNCTION : Hit.BY_NAME;
            hits.add(new Hit(r, leak.acquisition().at().line, 1,
                    sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW, note, flow));
        }
    }

}
