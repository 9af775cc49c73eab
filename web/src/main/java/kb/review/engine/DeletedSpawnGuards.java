package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Go: a change that deletes what bounded a {@code go} statement and keeps the launch (CONC-02, session 30). The
 * bound stood right above the {@code go} line, and the deleted lines are that bound alone:
 * <ul>
 * <li>a slot taken before the launch: a send on a semaphore channel ({@code sem <- struct{}{}}), a weighted
 * semaphore's {@code Acquire}, a pool's or limiter's {@code Wait}/{@code Acquire}/{@code TryAcquire} (Mole's directory
 * scan took its slot inside the goroutine instead, so one goroutine per entry started at once);</li>
 * <li>a once-per-key guard that returns when the work already runs: {@code sync.Map}'s {@code LoadOrStore} or
 * {@code Load}, a map lookup {@code if _, ok := m[k]; ok}, a {@code sync.Once}, a started or running flag, an atomic
 * {@code CompareAndSwap} (a reconcile, a watch request or a connection event then starts one more goroutine every
 * time it runs).</li>
 * </ul>
 * The {@code go} line may be unchanged context (the usual shape: only the guard goes) or added. Silent when an added
 * line between the deletion and the launch takes a slot or tests a guard again (the bound moved, not removed), when
 * the deleted lines do anything else (a rewrite), and in tests.
 */
final class DeletedSpawnGuards {

    static final String RULE = "go-deleted-spawn-bound";

    /** A slot taken before a launch: a token sent on a semaphore channel, a semaphore's Acquire, a limiter's Wait. */
    private static final Pattern SLOT = Pattern.compile(
            "^\\s*[\\w.\\[\\]]+\\s*<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}\\s*$"
                    + "|^\\s*[\\w.]*(?i:sem|slot|token|limit|throttl)\\w*\\s*<-\\s*\\S+\\s*$"
                    + "|^\\s*(?:if\\s+)?(?:(?:err|_)\\s*:?=\\s*)?[\\w.]+\\.(?:Acquire|TryAcquire)\\s*\\("
                    + "|^\\s*(?:if\\s+)?(?:(?:err|_)\\s*:?=\\s*)?[\\w.]*(?i:limit|sem|throttl|slot|token|pool)\\w*"
                    + "\\.Wait\\s*\\(");
    /** A guard that returns (or skips) when the work already runs. */
    private static final Pattern GUARD = Pattern.compile(
            "\\.(?:LoadOrStore|LoadAndStore|CompareAndSwap\\w*|TryLock|Swap)\\s*\\("
                    + "|\\bif\\s+_\\s*,\\s*\\w+\\s*:?=\\s*[\\w.]+(?:\\[[^\\]]+\\]|\\.Load\\s*\\([^)]*\\))\\s*;"
                    + "|\\.Do\\s*\\(\\s*func"
                    + "|\\bif\\s+!?[\\w.]*(?i:started|running|watching|active|inflight|pending|busy)\\w*"
                    + "(?:\\[[^\\]]*\\]|\\.Load\\(\\))?\\s*(?:\\{|&&|\\|\\|)");
    /** What a guard's block may hold besides the test: its way out, a release, a log, a store of the key. */
    private static final Pattern GUARD_BODY = Pattern.compile(
            "^\\s*(?:return\\b.*|continue|break|\\}|\\}\\s*else\\s*\\{|\\{|//.*|defer\\s.*"
                    + "|[\\w.]+\\.(?:Store|Unlock|Lock|Release|Debug\\w*|Info\\w*|Trace\\w*|V\\(\\d+\\)\\.Info\\w*)\\s*\\(.*"
                    + "|[\\w.]+\\[[^\\]]+\\]\\s*=\\s*.+|[\\w.]+\\s*=\\s*true|<-\\s*[\\w.]+|)\\s*$");
    private static final Pattern GO = Pattern.compile("^\\s*go\\s+\\S");

    private DeletedSpawnGuards() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        String path = file.path().toLowerCase(Locale.ROOT);
        if (file.language() != Language.GO || path.endsWith("_test.go") || file.complete()) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.lines();
            int at = removed.index();
            if (at > 0 && lines.get(at - 1).kind() == DiffLine.Kind.REMOVED) {
                continue; // judged from the run's first line
            }
            int to = at;
            while (to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.REMOVED) {
                to++;
            }
            String kind = bound(lines, at, to);
            if (kind == null) {
                continue;
            }
            int launch = launchBelow(lines, to + 1);
            if (launch <= 0 || reported.contains(launch)) {
                continue;
            }
            reported.add(launch);
            out.add(new Finding(RULE, "CONC-02", severity, file.path(), launch, 1, file.line(launch).strip(),
                    "The change deletes the bound that stood before this `go` statement (" + kind
                            + ") and keeps the launch: "
                            + "nothing bounds how many of these goroutines run now, so every call (or every item) "
                            + "starts one more. Take the slot (or test the guard) before `go`, as the old code did.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /** What the deleted run {@code from..to} was, when it is only a slot or only a guard: its words, else null. */
    private static String bound(List<DiffLine> lines, int from, int to) {
        boolean slot = false;
        boolean guard = false;
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (SLOT.matcher(t).find()) {
                slot = true;
            } else if (GUARD.matcher(t).find()) {
                guard = true;
            } else if (!GUARD_BODY.matcher(t).matches()) {
                return null;
            }
        }
        return slot && !guard ? "a semaphore slot taken before the launch" : guard ? "a once-per-key guard" : null;
    }

    /**
     * The new line number of the {@code go} statement that follows the deletion in the same block (at most two
     * unchanged lines below, none of them a slot or a guard added again), else 0.
     */
    private static int launchBelow(List<DiffLine> lines, int from) {
        int seen = 0;
        for (int j = from; j < lines.size() && seen < 3; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (GO.matcher(t).find()) {
                return l.newLine();
            }
            if (l.kind() == DiffLine.Kind.ADDED && (SLOT.matcher(t).find() || GUARD.matcher(t).find())) {
                return 0; // the bound moved below the deletion, still before the launch
            }
            if (t.strip().equals("}") || t.strip().startsWith("return") || t.strip().startsWith("func ")) {
                return 0;
            }
            seen++;
        }
        return 0;
    }
}
