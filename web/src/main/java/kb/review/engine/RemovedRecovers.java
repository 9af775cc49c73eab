package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go change that deletes the panic recovery of a goroutine it keeps: the {@code defer} that recovered inside the
 * goroutine's body ({@code defer g.recoverInto()}, {@code defer func() { if p := recover(); ... }()}), or the
 * recovering wrapper a launch went through ({@code g.Go(safe(func() error {...}))} turned into
 * {@code g.Go(func() error {...})}). A worker pool written without recovery is a design choice the review leaves to
 * the request-handler rule; taking the recovery away is the change's own act, and the goroutine it leaves is reported
 * at its launch. Silent when the change adds a recover anywhere (moved to a helper, another file), and when the
 * goroutine goes with it.
 */
final class RemovedRecovers {

    static final String RULE = "removed-recover";

    /** A recover, or a deferred call to a recovering helper. */
    static final Pattern RECOVER = Pattern.compile(
            "\\brecover\\(\\)|^\\s*defer\\s+[\\w.]*(?:[rR]ecover\\w*|HandleCrash|[hH]andlePanic\\w*)\\(");
    /** A deferred recovery: the call itself, or the deferred closure that holds the recover. */
    private static final Pattern DEFERRED = Pattern.compile("^\\s*defer\\s");
    /** A goroutine launched in the line: {@code go func(}, an errgroup's or a group library's {@code .Go(func(}. */
    private static final Pattern LAUNCH = Pattern.compile(
            // (session 43) or a package's or receiver's call handed the literal (go wait.Until(func(), go
            // wait.UntilWithContext(ctx, func(), or a plain call handed it after other arguments
            "(?:^\\s*go\\s+(?:[\\w.]*\\.\\w+\\((?:[^()]*,\\s*)?|\\w+\\([^()]*,\\s*)?|\\.Go\\(\\s*)(\\w+\\()?"
                    + "func\\s*\\(");
    /** A goroutine launched on a named call: group 1 the receiver path, 2 the function, 3 the arguments. */
    private static final Pattern NAMED_LAUNCH = Pattern.compile("^\\s*go\\s+((?:\\w+\\.)*)(\\w+)\\((.*)\\)\\s*$");
    /** A statement that is one call ({@code t.Run()}, {@code p.tail(ctx, file)}). */
    private static final Pattern STATEMENT_CALL = Pattern.compile("^\\s*(?:\\w+\\.)*\\w+\\([^()]*\\)\\s*$");
    /** A function's declaration: group 1 its name. */
    private static final Pattern FUNC = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)\\s*[\\[(]");

    private RemovedRecovers() {
    }

    /** @param allAdded every added line of the whole diff: a recover added anywhere may be the same one, moved */
    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        // a file that deletes nothing has nothing to report: only one that does reads the whole diff's added lines
        List<RemovedLine> deletions = RemovedLine.of(file);
        if (deletions.isEmpty() || allAdded.anyFinds(RECOVER)) {
            return List.of();
        }
        List<Integer> launches = new ArrayList<>();
        boolean deletesRecover = false;
        for (RemovedLine removed : deletions) {
            List<DiffLine> lines = removed.lines();
            int i = removed.index();
            if (RECOVER.matcher(removed.line().text()).find()) {
                deletesRecover = true;
                int launch = DEFERRED.matcher(deferredHead(lines, i)).find() ? launchAbove(lines, i) : 0;
                if (launch > 0 && !launches.contains(launch)) {
                    launches.add(launch);
                }
            }
            int unwrapped = unwrappedLaunch(lines, i);
            if (unwrapped == 0) {
                unwrapped = retargetedLaunch(lines, i, deletions);
            }
            if (unwrapped > 0 && !launches.contains(unwrapped)) {
                launches.add(-unwrapped); // kept only if the file deletes a recover too (the wrapper's body)
            }
        }
        Severity severity = catalog.item("CONC-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (int at : launches) {
            if (at < 0 && !deletesRecover) {
                continue;
            }
            int line = Math.abs(at);
            out.add(new Finding(RULE, "CONC-01", severity, file.path(), line, 1, file.line(line).strip(),
                    "The change deletes the panic recovery of the goroutine started here and adds none elsewhere: a "
                            + "panic in it now crashes the whole process.",
                    Finding.Confidence.LOW, "the review follows the deleted recover, not the goroutine", "kb", null));
        }
        return out;
    }

    /** The deleted line, or the deleted {@code defer func() {} that opens the closure holding it. */
    private static String deferredHead(List<DiffLine> lines, int at) {
        for (int j = at; j >= 0 && j >= at - 3 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (DEFERRED.matcher(lines.get(j).text()).find()) {
                return lines.get(j).text();
            }
        }
        return "";
    }

    /** The kept launch whose body held the deleted defer: the nearest launch above it, before any declaration. */
    private static int launchAbove(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (LAUNCH.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (RemovedReleases.GO_DECLARATION.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * A deleted launch through a wrapper ({@code g.Go(safe(func() error {}) whose block adds the same launch without
     * it: the new line, or 0.
     */
    private static int unwrappedLaunch(List<DiffLine> lines, int at) {
        Matcher m = LAUNCH.matcher(lines.get(at).text());
        if (!m.find() || m.group(1) == null) {
            return 0;
        }
        for (int j = at + 1; j < lines.size() && lines.get(j).kind() != DiffLine.Kind.CONTEXT; j++) {
            Matcher n = LAUNCH.matcher(lines.get(j).text());
            if (lines.get(j).kind() == DiffLine.Kind.ADDED && n.find() && n.group(1) == null) {
                return lines.get(j).newLine();
            }
        }
        return 0;
    }

    /**
     * Session 43 (conc43): a deleted launch of a named wrapper ({@code go d.judgeSafely(ctx, sub)}) whose block adds
     * the launch of another function of the same receiver with the same arguments ({@code go d.judge(ctx, sub)}),
     * while the change deletes the wrapper's declaration: the wrapper was the recovery (kept only if the file deletes a
     * recover too), and the goroutine now runs without it (round 70's go-18). The new line, or 0.
     */
    private static int retargetedLaunch(List<DiffLine> lines, int at, List<RemovedLine> deletions) {
        Matcher m = NAMED_LAUNCH.matcher(lines.get(at).text());
        if (!m.find() || deletions.stream().noneMatch(r -> declares(r.line().text(), m.group(2)))) {
            return 0;
        }
        List<String> wrapped = wrapperCalls(deletions, m.group(2));
        for (int j = at + 1; j < lines.size() && lines.get(j).kind() != DiffLine.Kind.CONTEXT; j++) {
            Matcher n = NAMED_LAUNCH.matcher(lines.get(j).text());
            if (lines.get(j).kind() == DiffLine.Kind.ADDED && n.find() && !n.group(2).equals(m.group(2))
                    && (n.group(1).equals(m.group(1)) && n.group(3).strip().equals(m.group(3).strip())
                    || wrapped.contains(lines.get(j).text().strip().substring(2).strip()))) {
                return lines.get(j).newLine();
            }
        }
        return 0;
    }

    /**
     * Session 45 (conc45): the calls the deleted wrapper {@code name} made as whole statements ({@code t.Run()} in
     * {@code func (p *PathWatcher) runTailer(t *Tailer) { defer ...recover...; t.Run() }}): a launch that now starts
     * one of them directly ({@code go t.Run()}) runs the wrapped work without the wrapper's recovery, whatever the
     * receiver and the arguments are renamed to (round 80's go-10).
     */
    private static List<String> wrapperCalls(List<RemovedLine> deletions, String name) {
        List<String> calls = new ArrayList<>();
        boolean in = false;
        for (RemovedLine r : deletions) {
            String t = r.line().text();
            if (!in) {
                in = declares(t, name);
            } else if (t.startsWith("}")) {
                break;
            } else if (STATEMENT_CALL.matcher(t).matches()) {
                calls.add(t.strip());
            }
        }
        return calls;
    }

    private static boolean declares(String line, String name) {
        Matcher f = FUNC.matcher(line);
        return f.find() && f.group(1).equals(name);
    }
}
