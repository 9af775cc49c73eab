package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.GoLocals;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * What a deleted Go lock guarded besides fields of its own value: package-level maps and slices. A function that
 * locked {@code statsMu} (a package-level mutex) or {@code s.mu} and then wrote {@code hits[path]++} guarded that
 * package-level map with it; with the lock gone, the write is shared by every goroutine that calls the function. A
 * written name counts as package-level when the function's signature is in the hunk and nothing in the function
 * declares it (Go has no scope between the two), or, when the signature is out of sight, when the diff shows it
 * declared at package level as a map or slice.
 *
 * <p>Session 31 (conc31) widens what counts as shared, from real fixes that restored such a lock: a write through a
 * package-level value's field ({@code c.Data[name] = v} under an unrelated {@code mutex}, a BLE advertisement
 * callback), a write inside a goroutine literal to a name declared outside it ({@code resp.Tasks = append(resp.Tasks,
 * r...)} in every worker), and, when the function's signature is above the hunk, a write between a deleted lock and
 * its deleted unlock to a name the visible lines do not declare (a worker's {@code counts[lang][line] = x}): the pair
 * was the code's own word that the name is shared, and only a declaration the diff shows says otherwise.
 */
record RemovedLockScope(int signature, Set<String> packageVars, boolean pairDeleted, int lock, SourceFile file) {

    private static final Pattern FUNC = Pattern.compile("^func\\b");
    /** A package-level map or slice as gofmt writes it: {@code var name = map...} or a line of a {@code var (} block. */
    private static final Pattern PACKAGE_VAR = Pattern.compile(
            "^(?:var\\s+|\\t)(\\w+)\\s*(?:(?:\\w+\\s*)?=\\s*(?:make\\(\\s*)?(?:map\\[|\\[\\])|map\\[|\\[\\])");
    /**
     * A write through a field of a named value: {@code c.Data[k] = v}, {@code c.Data[k]++}, {@code delete(c.Data, k)},
     * {@code r.Items = append(r.Items, v)}. Group 1, 2 or 3 is the value's name (the root of the selector).
     */
    private static final Pattern FIELD_WRITE = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*)(?:\\.\\w+)+\\[[^\\n]*\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)"
                    + "|^\\s*delete\\(\\s*([A-Za-z_]\\w*)(?:\\.\\w+)+\\s*,"
                    + "|^\\s*(([A-Za-z_]\\w*)(?:\\.\\w+)+)\\s*=\\s*append\\(\\s*\\3\\s*,");
    /**
     * A goroutine started from a literal: {@code go func(job *Job) {}, {@code g.Go(func() error {}, and (session 44)
     * the callback of {@code time.AfterFunc(d, func() {}, which the runtime calls on a goroutine of its own when the
     * timer fires: a debounce or expiry map the callback deletes from is written beside its starter's writes.
     */
    private static final Pattern GOROUTINE_LITERAL = Pattern.compile(
            "(?:^|[\\s;])go\\s+func\\s*\\(|\\.Go\\(\\s*func\\s*\\(|\\bAfterFunc\\([^\\n]*\\bfunc\\s*\\(");
    /** A deleted line that closes a block or opens a function literal. */
    private static final Pattern BLOCK_EDGE = Pattern.compile("^\\s*}|\\bfunc\\s*\\(");
    /** The opening of a goroutine body that signals a WaitGroup when it ends. */
    /** A line that starts or joins goroutines: a go statement, an errgroup's Go, a WaitGroup and its Done. */
    private static final Pattern GOROUTINE_SIGN = Pattern.compile(
            "(?:^|[\\s;])go\\s+[\\w.(]|\\.Go\\(|\\bDone\\(\\)|\\bWaitGroup\\b|\\berrgroup\\b");
    private static final Pattern DONE_DEFERRED = Pattern.compile("^\\s*defer\\s+[\\w.]+\\.Done\\(\\)");

    static RemovedLockScope of(SourceFile file, RemovedLine removed) {
        String mutex = removed.line().text().strip().replaceFirst("\\.R?Lock\\(\\)$", "");
        String unlock = mutex + ".Unlock()";
        boolean pair = false;
        for (DiffLine l : removed.lines()) {
            if (l.kind() == DiffLine.Kind.REMOVED && l.text().contains(unlock)) {
                pair = true;
                break;
            }
        }
        int signature = -1;
        List<DiffLine> lines = removed.lines();
        for (int k = removed.index() - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (l.kind() != DiffLine.Kind.REMOVED && FUNC.matcher(l.text()).find()) {
                signature = k;
                break;
            }
            if (l.kind() != DiffLine.Kind.REMOVED && l.text().startsWith("}")) {
                break;
            }
        }
        Set<String> vars = new HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                Matcher m = PACKAGE_VAR.matcher(l.text());
                if (m.find()) {
                    vars.add(m.group(1));
                }
            }
        }
        return new RemovedLockScope(signature, vars, pair, removed.index(), file);
    }

    /** Whether line {@code j} writes a package-level map or slice (a name its function does not declare). */
    boolean writesShared(List<DiffLine> lines, int j) {
        String text = lines.get(j).text();
        String name = GoLocals.bareWrite(text);
        if (name == null && text.indexOf('.') >= 0) {
            Matcher m = FIELD_WRITE.matcher(text);
            if (m.find()) {
                name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            }
        }
        if (name == null || name.equals("_")) {
            return false;
        }
        int literal = goroutineLiteral(lines, j);
        List<String> body = new ArrayList<>();
        for (int k = literal >= 0 ? literal : Math.max(signature, 0); k < j; k++) {
            if (lines.get(k).kind() != DiffLine.Kind.REMOVED) {
                body.add(lines.get(k).text());
            }
        }
        if (GoLocals.declared(body).contains(name) || literal < 0 && declaredInEarlierHunk(lines, name)) {
            return false; // declared in the function (or inside the goroutine): its own, not shared
        }
        // inside a goroutine, a name from outside it is shared with the goroutine's starter and its siblings
        return literal >= 0 || signature >= 0 || packageVars.contains(name) || pairDeleted && guardedBy(lines, j)
                && !localElsewhere(name);
    }

    /**
     * Whether an earlier hunk of the file declares {@code name} (with {@code :=} or {@code var}) in the function this
     * hunk continues: the hunk's header names the same function as the earlier lines do. A map the function builds
     * for itself above the hunk, filled where the lock was (the writes moved off the shared map, which is updated
     * once under the lock below), is not shared (precision set 24, pdfcpu's font metrics).
     */
    private boolean declaredInEarlierHunk(List<DiffLine> lines, String name) {
        String function = null;
        List<String> body = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            if (h.lines() == lines) {
                lines.stream().filter(l -> l.kind() != DiffLine.Kind.REMOVED).forEach(l -> body.add(l.text()));
                // a local the function shares with goroutines it starts (a WaitGroup, a go statement in sight) is
                // shared all the same
                return function != null && function.equals(h.section()) && GoLocals.declared(body).contains(name)
                        && body.stream().noneMatch(t -> GOROUTINE_SIGN.matcher(t).find());
            }
            if (!h.section().equals(function)) {
                function = h.section();
                body.clear();
            }
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (FUNC.matcher(l.text()).find()) {
                    function = l.text().strip();
                    body.clear();
                }
                body.add(l.text());
            }
        }
        return false;
    }

    /**
     * Whether line {@code j} was under the deleted lock itself: no deleted line between the two closes a block or
     * starts a function literal (a lock deleted with the helper closure that held it guarded that closure's lines,
     * not what follows), and the hunk deletes no goroutine launch (work made sequential needs no lock).
     */
    private boolean guardedBy(List<DiffLine> lines, int j) {
        for (int k = lock + 1; k < j; k++) {
            DiffLine l = lines.get(k);
            if (l.kind() == DiffLine.Kind.REMOVED && BLOCK_EDGE.matcher(l.text()).find()) {
                return false;
            }
        }
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.REMOVED && GOROUTINE_LITERAL.matcher(l.text()).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a line the change keeps or adds, in any hunk of the file, declares the name inside a goroutine literal:
     * the map moved into the one goroutine that uses it (declared in an earlier hunk than the deleted lock's).
     */
    private boolean localElsewhere(String name) {
        Pattern local = Pattern.compile("^\\s+(?:" + Pattern.quote(name) + "(?:\\s*,\\s*\\w+)*\\s*:=|var\\s+"
                + Pattern.quote(name) + "\\b)");
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> ls = h.lines();
            for (int k = 0; k < ls.size(); k++) {
                DiffLine l = ls.get(k);
                if (l.kind() != DiffLine.Kind.REMOVED && l.text().contains(name) && local.matcher(l.text()).find()
                        && goroutineLiteral(ls, k) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The index of the goroutine literal's opening line ({@code go func(...) {}) whose body holds line {@code j},
     * within the hunk and the same function; -1 when none is in sight.
     */
    static int goroutineLiteral(List<DiffLine> lines, int j) {
        int depth = 0;
        for (int k = j - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (FUNC.matcher(t).find()) {
                return -1;
            }
            for (int c = t.length() - 1; c >= 0; c--) {
                char ch = t.charAt(c);
                if (ch == '}') {
                    depth++;
                } else if (ch == '{') {
                    depth--;
                }
            }
            if (depth < 0) {
                if (GOROUTINE_LITERAL.matcher(t).find()) {
                    return k;
                }
                depth = 0; // an enclosing block (an if, a loop): go on outwards
            }
        }
        return -1;
    }

    /**
     * Whether line {@code j} runs on a goroutine of its own, by what the hunk shows: inside a goroutine literal, or
     * below a deferred {@code wg.Done()} of the same body (a worker that a WaitGroup waits for).
     */
    static boolean onGoroutine(List<DiffLine> lines, int j) {
        if (goroutineLiteral(lines, j) >= 0) {
            return true;
        }
        for (int k = j - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (FUNC.matcher(l.text()).find() || l.text().startsWith("}")) {
                return false;
            }
            if (DONE_DEFERRED.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
