package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go change that takes work off a bounded hand-off and starts a goroutine for it instead: the changed block deletes
 * the bound (a send of the work to a worker channel, {@code case p.work <- job:}; a slot taken on a semaphore channel,
 * {@code sem <- struct{}{}}; a weighted semaphore's {@code Acquire}; a pool's {@code Submit}; errgroup's
 * {@code SetLimit}) and adds a bare {@code go} statement given the same work (one of its arguments is named in the
 * deleted lines). Each call now starts one more goroutine, as many as callers or messages arrive, with nothing that
 * pushes back: CONC-02's "concurrency limited only by the arrival rate" (round 20's go-15, a scheduler whose select
 * hand-off became {@code go p.run(ctx, job)}). Whether the started function recovers is CONC-01's question, not this
 * one's. Silent when the change adds a bound anywhere in the diff.
 */
final class RemovedHandOffs {

    static final String RULE = "goroutine-replaces-bounded-hand-off";

    /** A deleted bound; group 1 (when present) the work handed over. */
    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(?:case\\s+)?[\\w.\\[\\]]+\\s*<-\\s*(?:struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}|(\\w+))\\s*:?\\s*$"
                    + "|\\.(?:Acquire|TryAcquire|Submit|SubmitWait|Invoke|SetLimit|TryGo)\\s*\\(");
    /** An added bare go statement: of a named call or of a literal; group 1 the argument list or literal's rest. */
    private static final Pattern BARE_GO = Pattern.compile("^\\s*go\\s+(?:[\\w.]+\\((.*)\\)|func\\s*\\((.*))\\s*$");
    /** A bound the change adds: the remedy, anywhere in the diff. */
    static final Pattern ADDED_BOUND = Pattern.compile(
            "<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}|\\.(?:Acquire|TryAcquire|SetLimit|Submit)\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_]\\w*");
    /** Names that every call passes along and that say nothing about the work. */
    private static final Set<String> COMMON = Set.of("ctx", "context", "err", "nil", "true", "false", "func", "go",
            "struct", "return", "defer", "case", "p", "s", "c", "r", "w", "t");

    private RemovedHandOffs() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher b = BOUND.matcher(removed.line().text());
            if (!b.find()) {
                continue;
            }
            // a channel send of something other than an empty struct must look like work, not a signal (done <- x)
            if (b.group(1) != null && !b.group(0).strip().startsWith("case") && !workChannel(removed.line().text())) {
                continue;
            }
            List<DiffLine> block = RemovedLine.changedBlock(removed.lines(), removed.index());
            Set<String> deletedNames = new HashSet<>();
            for (DiffLine l : block) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    Matcher id = IDENT.matcher(l.text());
                    while (id.find()) {
                        deletedNames.add(id.group());
                    }
                }
            }
            for (DiffLine l : block) {
                Matcher g = BARE_GO.matcher(l.text());
                if (l.kind() != DiffLine.Kind.ADDED || !g.find() || reported.contains(l.newLine())) {
                    continue;
                }
                String args = g.group(1) != null ? g.group(1) : g.group(2);
                if (!sharesWork(args, deletedNames) || allAdded.anyFinds(ADDED_BOUND)) {
                    continue;
                }
                reported.add(l.newLine());
                Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-02", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change replaces a bounded hand-off (a worker's queue, a semaphore slot, a pool) with a "
                                + "goroutine per call: under load there are as many goroutines as calls in flight, and "
                                + "nothing pushes back on the callers. Keep the bound: hand the work to the pool, or "
                                + "take a semaphore slot before starting the goroutine.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** A send to a channel named for queued work (jobs, tasks, work, queue, requests), not a signal or a result. */
    private static boolean workChannel(String line) {
        return line.matches("(?i)^\\s*[\\w.\\[\\]]*(?:job|task|work|queue|request|pending|inbox)\\w*\\s*<-.*");
    }

    /** True when an argument of the goroutine (a name longer than a letter or two) is named in the deleted lines. */
    private static boolean sharesWork(String args, Set<String> deleted) {
        Matcher id = IDENT.matcher(args);
        while (id.find()) {
            String n = id.group();
            if (!COMMON.contains(n) && deleted.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
