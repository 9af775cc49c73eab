package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Shared state whose lock the change takes away (session 36, conc36): a field, map or collection that the old code
 * wrote while holding a lock ({@code mu.Lock()}, {@code defer mu.Unlock()}, an embedded {@code s.Lock()}, Java's
 * {@code lock.writeLock().lock()}, {@code lock()} of any {@code Lock}, a {@code synchronized} block or method) and that
 * the new code writes with no lock at all, in the function whose lock lines the diff deletes or on a line the diff adds
 * (a locked helper such as {@code inc} removed and its write inlined at the call). The old lock is the author's own
 * statement that threads share the state; CONC-03 asks that shared mutable state stay synchronized.
 *
 * <p>Read from the diff's text: the removed lock lines and the old side's function around them (the region from the
 * lock to its unlock, or to the end of the function), then the new side's functions. Left alone: a new function that
 * takes any lock (the lock moved or changed kind), one whose name or comment says the caller holds the lock
 * ({@code addLocked}), an unexported Go function whose callers in sight all lock, a constructor, a goroutine's run loop
 * that owns the state (a {@code for}/{@code select}), a change whose added text says the type is not safe for
 * concurrent use (the author confined it to one thread), and a field the change makes atomic or concurrent (its writes
 * are then method calls, which the write patterns do not read).
 *
 * <p>Session 47: in a Java hunk whose header names the class (the method's head and its locals out of sight), a name
 * counts when the file shows it as a field or when it is the monitor of a {@code synchronized (name)} block the change
 * deletes around its write and the diff shows none of the class's fields (when it shows them and not this
 * name, the name is a local declared above the hunk): code locks on the object threads share, never on one it
 * alone holds (round 53's congestion counters and round 91's reconnection attempts, their block deleted mid-method).
 *
 * <p>In Go, the function that lost its lock lines is {@code kb.review.engine.RemovedLocks}'s (rules
 * {@code map-lock-removed} and {@code lock-removed}); this class adds, in Go, a write on an added line of another
 * function (the locked helper deleted and its write inlined), and in Java every shape.
 */
public final class RemovedGuards {

    static final Pattern GO_LOCK = Pattern.compile("\\.(?:R?Lock|TryR?Lock)\\(\\)");
    static final Pattern JAVA_LOCK = Pattern.compile(
            "\\.(?:lock|lockInterruptibly|tryLock|writeLock|readLock)\\(\\)\\s*;|\\bsynchronized\\b|\\.(?:lock|tryLock)\\(");
    private static final Pattern GO_UNLOCK = Pattern.compile("^\\s*(?!defer\\b)[\\w.]*\\.R?Unlock\\(\\)");
    private static final Pattern JAVA_UNLOCK = Pattern.compile("\\.unlock\\(|\\.unlock(?:Write|Read)?\\(");
    /** An author's statement that the type or function is confined to one thread or that the caller holds the lock. */
    public static final Pattern CONFINED = Pattern.compile("(?i)not (?:safe for concurrent|thread[- ]safe|"
            + "goroutine[- ]safe|synchronized)|single[- ](?:goroutine|thread)|confined to|only (?:called|used|accessed) "
            + "(?:from|by|on) (?:one|a single|the \\w+) (?:goroutine|thread)|caller (?:must )?(?:holds?|locks?)|"
            + "with (?:the )?(?:lock|mutex|mu) held|must be called with");
    static final Pattern HELD_NAME = Pattern.compile("(?i)(?:locked|unsafe|nolock|0)$");
    private static final Pattern GO_CONSTRUCTOR = Pattern.compile("^(?:[Nn]ew\\w*|init|main|Unmarshal\\w*|Decode\\w*)$");
    private static final Pattern RUN_LOOP = Pattern.compile("(?s)\\bfor\\b[^{\\n]*\\{.*\\bselect\\s*\\{");

    private RemovedGuards() {
    }

    /** The unguarded writes, at most one per new function; empty unless the diff removes a lock line. */
    public static List<Shapes.Spot> find(SourceFile file) {
        boolean go = file.language() == Language.GO;
        Pattern lock = go ? GO_LOCK : JAVA_LOCK;
        List<int[]> removedLocks = new ArrayList<>(); // {old line, new anchor line}
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED || !lock.matcher(l.text()).find() || GuardedNames.kept(lines, l.text())) {
                    continue;
                }
                int anchor = 0;
                for (int j = i + 1; j < lines.size() && anchor == 0; j++) {
                    anchor = lines.get(j).newLine();
                }
                for (int j = i - 1; j >= 0 && anchor == 0; j--) {
                    anchor = lines.get(j).newLine();
                }
                removedLocks.add(new int[] {l.oldLine(), anchor});
            }
        }
        SourceFile old = removedLocks.isEmpty() ? null : file.before();
        if (old == null || CONFINED.matcher(file.addedText().text()).find()) {
            return List.of();
        }
        List<GuardSpan> oldSpans = GuardSpan.of(old, go);
        // the names the old code wrote under a lock the change removes, with whether they were selector paths (Go)
        Map<String, Boolean> guarded = new LinkedHashMap<>();
        Set<String> monitors = new HashSet<>();
        for (int[] r : removedLocks) {
            GuardSpan s = GuardSpan.at(oldSpans, r[0]);
            String text = old.line(r[0]);
            Matcher monitor = GuardedNames.MONITOR.matcher(text);
            boolean onValue = !go && monitor.find();
            if (s == null || onValue && GuardedNames.redeclared(file, monitor.group(1))) {
                continue; // the monitor is a collection whose type the change replaces: its own methods now lock
            }
            if (onValue) {
                monitors.add(monitor.group(1));
            }
            boolean modifier = text.contains("synchronized") && !text.trim().startsWith("synchronized");
            int from = modifier ? s.start() : r[0];
            int end = s.end();
            // the lock holds to its unlock, or to the end of the block it was taken in (a deferred unlock in a
            // closure, a synchronized block); the modifier holds for the whole method
            int depth = modifier ? 1 : 0;
            for (int i = modifier ? s.start() + 1 : r[0]; i <= s.end(); i++) {
                String l = old.line(i);
                if (i > r[0] && !text.contains("synchronized")
                        && (go ? GO_UNLOCK.matcher(l).find() : JAVA_UNLOCK.matcher(l).find())) {
                    end = i;
                    break;
                }
                depth += GuardedNames.braces(l);
                if (depth < 0 || i > r[0] && depth == 0 && l.strip().startsWith("}") && text.strip().endsWith("{")) {
                    end = i;
                    break;
                }
            }
            // (session 41) a span cut off by a gap ends on a body line, not on its closing brace: that line counts
            int last = end == s.end() && !old.line(end).strip().startsWith("}") ? end : end - 1;
            for (int i = from + 1; i <= last; i++) {
                String l = old.line(i);
                if (lock.matcher(l).find() && !l.contains("synchronized")) {
                    continue;
                }
                GuardedNames.write(l, go, s.body(), guarded);
            }
        }
        if (guarded.isEmpty()) {
            return List.of();
        }
        List<GuardSpan> spans = GuardSpan.of(file, go);
        Set<GuardSpan> lostLock = new HashSet<>();
        for (int[] r : removedLocks) {
            GuardSpan s = GuardSpan.at(spans, r[1]);
            GuardSpan was = GuardSpan.at(oldSpans, r[0]);
            // a removed head (a synchronized modifier) lives on in the head that replaces it; a lock inside a body in
            // the body that follows it, not in the next function's head (the locked function was deleted whole)
            if (s != null && was != null && (was.start() == r[0] ? s.start() == r[1] : s.start() < r[1])) {
                lostLock.add(s);
            }
        }
        List<Shapes.Spot> out = new ArrayList<>();
        for (GuardSpan s : spans) {
            if (s.locks(go) || HELD_NAME.matcher(s.name()).find() || (go ? GO_CONSTRUCTOR.matcher(s.name()).matches()
                    : s.constructor()) || RUN_LOOP.matcher(s.body()).find()
                    || CONFINED.matcher(doc(file, s.start())).find() || lockedCallers(s, spans, go)) {
                continue;
            }
            java.util.ArrayDeque<Boolean> blocks = new java.util.ArrayDeque<>(); // true: a callback's body
            for (int i = s.start() + 1; i <= s.end(); i++) {
                boolean inCallback = blocks.contains(Boolean.TRUE);
                String text = file.line(i);
                int delta = GuardedNames.braces(text);
                for (int k = 0; k < -delta && !blocks.isEmpty(); k++) {
                    blocks.pop();
                }
                for (int k = 0; k < delta; k++) {
                    blocks.push(CALLBACK.matcher(text).find());
                }
                // a write inside a lambda, an anonymous class or a func literal handed on runs where the callee
                // runs it, which may hold the lock the change moved there
                if (inCallback || !file.added(i) && (go || !lostLock.contains(s)) || go && lostLock.contains(s)) {
                    continue;
                }
                Map<String, Boolean> written = new LinkedHashMap<>();
                GuardedNames.write(file.line(i), go, s.body(), written);
                String hit = written.keySet().stream().filter(n -> guarded.containsKey(n)
                        && (!go || guarded.get(n).equals(written.get(n)))
                        && (go || !GuardedNames.threadSafe(file.text(), n) && !GuardedNames.threadSafe(old.text(), n))
                        && (!s.classHeaded() || GuardedNames.field(file.text(), n)
                                || monitors.contains(n) && !GuardedNames.showsFields(file.text())))
                        .findFirst().orElse(null);
                if (hit != null) {
                    boolean shared = spans.stream().anyMatch(o -> o != s && o.locks(go) && o.body().contains(hit));
                    out.add(new Shapes.Spot(i, 1 + GoFuncs.indent(file.line(i)), shared || go,
                            "Before this change a lock guarded `" + hit + "` here; the change removes it and nothing "
                            + "else guards the write."));
                    break;
                }
            }
        }
        return out;
    }

    /** A line that opens the body of a callback: a lambda, an anonymous class, a Go func literal. */
    private static final Pattern CALLBACK = Pattern.compile("->\\s*\\{|\\bnew\\s+[\\w.<>]+\\s*\\([^;]*\\)\\s*\\{|(?<!go )\\bfunc\\s*\\(");


    /** Whether every caller of an unexported Go function in sight takes a lock (the lock moved to the caller). */
    static boolean lockedCallers(GuardSpan s, List<GuardSpan> spans, boolean go) {
        if (s.name().isEmpty() || go && Character.isUpperCase(s.name().charAt(0)) || !go && !s.head().contains("private")) {
            return false;
        }
        Pattern call = Pattern.compile("\\." + s.name() + "\\(|(?<![\\w.])" + s.name() + "\\(");
        boolean seen = false;
        for (GuardSpan c : spans) {
            if (c != s && call.matcher(c.body()).find()) {
                seen = true;
                if (!c.locks(go)) {
                    return false;
                }
            }
        }
        return seen;
    }

    /** The comment lines right above line {@code start}, joined. */
    static String doc(SourceFile file, int start) {
        StringBuilder sb = new StringBuilder();
        for (int i = start - 1; i >= 1 && (file.line(i).trim().startsWith("//") || file.line(i).trim().startsWith("*")
                || file.line(i).trim().startsWith("/*") || file.line(i).trim().startsWith("@")); i--) {
            sb.append(file.line(i)).append('\n');
        }
        return sb.toString();
    }

}
