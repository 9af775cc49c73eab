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
 * <p>In Go, the function that lost its lock lines is {@code kb.review.engine.RemovedLocks}'s (rules
 * {@code map-lock-removed} and {@code lock-removed}); this class adds, in Go, a write on an added line of another
 * function (the locked helper deleted and its write inlined), and in Java every shape.
 */
public final class RemovedGuards {

    private static final Pattern GO_LOCK = Pattern.compile("\\.(?:R?Lock|TryR?Lock)\\(\\)");
    private static final Pattern JAVA_LOCK = Pattern.compile(
            "\\.(?:lock|lockInterruptibly|tryLock|writeLock|readLock)\\(\\)\\s*;|\\bsynchronized\\b|\\.(?:lock|tryLock)\\(");
    private static final Pattern GO_UNLOCK = Pattern.compile("^\\s*(?!defer\\b)[\\w.]*\\.R?Unlock\\(\\)");
    private static final Pattern JAVA_UNLOCK = Pattern.compile("\\.unlock\\(|\\.unlock(?:Write|Read)?\\(");
    /** Go: a write through a selector or a package-level name; group 1 the path, group 2 the name. */
    private static final Pattern GO_WRITE = Pattern.compile(
            "^\\s*((?:\\w+\\.)*)(\\w+)(?:\\[[^\\n]*\\])?\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|\\bdelete\\(\\s*((?:\\w+\\.)*)(\\w+)\\s*,");
    /** Java: an assignment or increment of a name, or a mutating call on it; group 1 the name (or group 2). */
    private static final Pattern JAVA_WRITE = Pattern.compile(
            "^\\s*(?:this\\.)?(\\w+)(?:\\[[^\\]\\n]*\\])?\\s*(?:[-+*/|&^%]?=(?!=)|\\+\\+|--)|^\\s*(?:this\\.)?(\\w+)\\.(?:put"
                    + "|putAll|add|addAll|remove|removeAll|removeIf|clear|offer|push|computeIfAbsent|computeIfPresent"
                    + "|compute|merge|putIfAbsent|replace|retainAll|addFirst|addLast)\\(");
    /** An author's statement that the type or function is confined to one thread or that the caller holds the lock. */
    public static final Pattern CONFINED = Pattern.compile("(?i)not (?:safe for concurrent|thread[- ]safe|"
            + "goroutine[- ]safe|synchronized)|single[- ](?:goroutine|thread)|confined to|only (?:called|used|accessed) "
            + "(?:from|by|on) (?:one|a single|the \\w+) (?:goroutine|thread)|caller (?:must )?(?:holds?|locks?)|"
            + "with (?:the )?(?:lock|mutex|mu) held|must be called with");
    private static final Pattern HELD_NAME = Pattern.compile("(?i)(?:locked|unsafe|nolock|0)$");
    private static final Pattern GO_CONSTRUCTOR = Pattern.compile("^(?:[Nn]ew\\w*|init|main|Unmarshal\\w*|Decode\\w*)$");
    private static final Pattern RUN_LOOP = Pattern.compile("(?s)\\bfor\\b[^{\\n]*\\{.*\\bselect\\s*\\{");
    private static final Pattern JAVA_KEYWORDS = Pattern.compile(
            "^(?:if|for|while|switch|catch|return|new|else|do|try|synchronized|throw|case)$");

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
                if (l.kind() != DiffLine.Kind.REMOVED || !lock.matcher(l.text()).find() || kept(lines, l.text())) {
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
        List<Span> oldSpans = Span.of(old, go);
        // the names the old code wrote under a lock the change removes, with whether they were selector paths (Go)
        Map<String, Boolean> guarded = new LinkedHashMap<>();
        for (int[] r : removedLocks) {
            Span s = Span.at(oldSpans, r[0]);
            String text = old.line(r[0]);
            Matcher monitor = MONITOR.matcher(text);
            if (s == null || !go && monitor.find() && redeclared(file, monitor.group(1))) {
                continue; // the monitor is a collection whose type the change replaces: its own methods now lock
            }
            boolean modifier = text.contains("synchronized") && !text.trim().startsWith("synchronized");
            int from = modifier ? s.start : r[0];
            int end = s.end;
            // the lock holds to its unlock, or to the end of the block it was taken in (a deferred unlock in a
            // closure, a synchronized block); the modifier holds for the whole method
            int depth = modifier ? 1 : 0;
            for (int i = modifier ? s.start + 1 : r[0]; i <= s.end; i++) {
                String l = old.line(i);
                if (i > r[0] && !text.contains("synchronized")
                        && (go ? GO_UNLOCK.matcher(l).find() : JAVA_UNLOCK.matcher(l).find())) {
                    end = i;
                    break;
                }
                depth += braces(l);
                if (depth < 0 || i > r[0] && depth == 0 && l.strip().startsWith("}") && text.strip().endsWith("{")) {
                    end = i;
                    break;
                }
            }
            for (int i = from + 1; i < end; i++) {
                String l = old.line(i);
                if (lock.matcher(l).find() && !l.contains("synchronized")) {
                    continue;
                }
                write(l, go, s.body, guarded);
            }
        }
        if (guarded.isEmpty()) {
            return List.of();
        }
        List<Span> spans = Span.of(file, go);
        Set<Span> lostLock = new HashSet<>();
        for (int[] r : removedLocks) {
            Span s = Span.at(spans, r[1]);
            Span was = Span.at(oldSpans, r[0]);
            // a removed head (a synchronized modifier) lives on in the head that replaces it; a lock inside a body in
            // the body that follows it, not in the next function's head (the locked function was deleted whole)
            if (s != null && was != null && (was.start == r[0] ? s.start == r[1] : s.start < r[1])) {
                lostLock.add(s);
            }
        }
        List<Shapes.Spot> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.locks(go) || HELD_NAME.matcher(s.name).find() || (go ? GO_CONSTRUCTOR.matcher(s.name).matches()
                    : s.constructor) || RUN_LOOP.matcher(s.body).find()
                    || CONFINED.matcher(doc(file, s.start)).find() || lockedCallers(s, spans, go)) {
                continue;
            }
            java.util.ArrayDeque<Boolean> blocks = new java.util.ArrayDeque<>(); // true: a callback's body
            for (int i = s.start + 1; i <= s.end; i++) {
                boolean inCallback = blocks.contains(Boolean.TRUE);
                String text = file.line(i);
                int delta = braces(text);
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
                write(file.line(i), go, s.body, written);
                String hit = written.keySet().stream().filter(n -> guarded.containsKey(n)
                        && (!go || guarded.get(n).equals(written.get(n)))
                        && (go || !threadSafe(file.text(), n) && !threadSafe(old.text(), n)))
                        .findFirst().orElse(null);
                if (hit != null) {
                    boolean shared = spans.stream().anyMatch(o -> o != s && o.locks(go) && o.body.contains(hit));
                    out.add(new Shapes.Spot(i, 1 + GoFuncs.indent(file.line(i)), shared || go,
                            "Before this change a lock guarded `" + hit + "` here; the change removes it and nothing "
                            + "else guards the write."));
                    break;
                }
            }
        }
        return out;
    }

    /** Opening minus closing braces of a line, string and char literals and line comments left out. */
    private static int braces(String line) {
        int n = 0;
        boolean str = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    str = false;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                str = true;
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                n++;
            } else if (c == '}') {
                n--;
            }
        }
        return n;
    }

    /** A line that opens the body of a callback: a lambda, an anonymous class, a Go func literal. */
    private static final Pattern CALLBACK = Pattern.compile("->\\s*\\{|\\bnew\\s+[\\w.<>]+\\s*\\([^;]*\\)\\s*\\{|(?<!go )\\bfunc\\s*\\(");

    private static final Pattern HEAD_NAME = Pattern.compile("(\\w+)\\s*\\(");

    /**
     * Whether the hunk adds the removed lock line back (re-indented, or a head rewritten with its synchronized
     * modifier kept): the lock is not taken away.
     */
    private static boolean kept(List<DiffLine> lines, String removed) {
        String lock = removed.strip();
        Matcher name = HEAD_NAME.matcher(lock);
        String head = lock.contains("synchronized") && !lock.startsWith("synchronized") && name.find() ? name.group(1) : null;
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.ADDED && (l.text().strip().equals(lock) || head != null
                    && l.text().contains("synchronized") && l.text().contains(head + "("))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the names {@code line} writes (not locals of {@code body}) to {@code into}, with whether Go reached them through a selector. */
    private static void write(String line, boolean go, String body, Map<String, Boolean> into) {
        Matcher m = (go ? GO_WRITE : JAVA_WRITE).matcher(line);
        if (!m.find()) {
            return;
        }
        if (go) {
            String path = m.group(2) != null ? m.group(1) : m.group(3);
            String name = m.group(2) != null ? m.group(2) : m.group(4);
            String root = path.isEmpty() ? name : path.substring(0, path.indexOf('.'));
            if (name.equals("_") || name.equals("err") || Pattern.compile("(?m)\\b" + root
                    + "\\s*(?:,\\s*\\w+\\s*)*:=|\\bvar\\s+" + root + "\\b|,\\s*" + root + "\\s*:=|for\\s+(?:\\w+\\s*,\\s*)?"
                    + root + "\\b" + (path.isEmpty() ? "|(?:\\(|,)\\s*" + root + "\\s+[\\w*\\[]" : ""))
                    .matcher(body).find()) {
                return; // a local (or, for a bare name, a parameter) of the function
            }
            into.putIfAbsent(name, !path.isEmpty());
            return;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (Character.isUpperCase(name.charAt(0)) || Pattern.compile("(?:^|[;{(,]|\\n)\\s*(?:final\\s+)?(?!return\\b|throw\\b"
                + "|new\\b|else\\b|case\\b)[\\w.]+(?:<[^;=()]*>)?(?:\\[\\])*\\s+" + name + "\\s*[=;:,)]").matcher(body).find()) {
            return; // a local or parameter of the method (or a constant, a class)
        }
        into.putIfAbsent(name, Boolean.TRUE);
    }

    private static final Pattern MONITOR = Pattern.compile("^\\s*synchronized\\s*\\(\\s*(?:this\\.)?(\\w+)\\s*\\)");

    /** Java: whether the change removes a declaration of the field {@code name} (its type replaced). */
    private static boolean redeclared(SourceFile file, String name) {
        Pattern decl = Pattern.compile("^\\s+(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*[\\w.<>\\[\\], ?]+\\s+"
                + name + "\\s*[=;]");
        return file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && decl.matcher(l.text()).find());
    }

    /** Java: whether the file declares or makes {@code name} a thread-safe type (its writes need no lock). */
    private static boolean threadSafe(String text, String name) {
        return Pattern.compile("(?:Concurrent\\w*|Atomic\\w*|CopyOnWrite\\w*|Blocking(?:Queue|Deque)|LongAdder|Vector|Hashtable"
                + "|Collections\\.synchronized\\w*)\\b[^;\\n]*?\\b" + name + "\\s*[=;]|\\b" + name + "\\s*=\\s*(?:new\\s+"
                + "(?:Concurrent|Atomic|CopyOnWrite|LinkedBlocking|ArrayBlocking)|Collections\\.synchronized)|volatile\\b[^;\\n]*\\b"
                + name + "\\s*[=;]").matcher(text).find();
    }

    /** Whether every caller of an unexported Go function in sight takes a lock (the lock moved to the caller). */
    private static boolean lockedCallers(Span s, List<Span> spans, boolean go) {
        if (s.name.isEmpty() || go && Character.isUpperCase(s.name.charAt(0)) || !go && !s.head().contains("private")) {
            return false;
        }
        Pattern call = Pattern.compile("\\." + s.name + "\\(|(?<![\\w.])" + s.name + "\\(");
        boolean seen = false;
        for (Span c : spans) {
            if (c != s && call.matcher(c.body).find()) {
                seen = true;
                if (!c.locks(go)) {
                    return false;
                }
            }
        }
        return seen;
    }

    /** The comment lines right above line {@code start}, joined. */
    private static String doc(SourceFile file, int start) {
        StringBuilder sb = new StringBuilder();
        for (int i = start - 1; i >= 1 && (file.line(i).trim().startsWith("//") || file.line(i).trim().startsWith("*")
                || file.line(i).trim().startsWith("/*") || file.line(i).trim().startsWith("@")); i--) {
            sb.append(file.line(i)).append('\n');
        }
        return sb.toString();
    }

    /** A function or method, its head line to its closing brace, read from the text. */
    private record Span(String name, int start, int end, String body, boolean constructor) {

        String head() {
            int nl = body.indexOf('\n');
            return nl < 0 ? body : body.substring(0, nl);
        }

        boolean locks(boolean go) {
            return go ? GO_LOCK.matcher(body).find() : JAVA_LOCK.matcher(body).find();
        }

        static Span at(List<Span> spans, int line) {
            for (Span s : spans) {
                if (s.start <= line && line <= s.end) {
                    return s;
                }
            }
            return null;
        }

        private static final Pattern JAVA_HEAD = Pattern.compile(
                "^(\\s+)(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract"
                        + "|native|default)\\s+)*(?:<[^>]+>\\s+)?(?:([\\w.<>\\[\\], ?]+)\\s+)?(\\w+)\\s*\\([^;]*$");
        /** A head with an access modifier and no return type: a constructor (its class line may be out of view). */
        private static final Pattern ACCESS = Pattern.compile("^\\s+(?:public|protected|private)\\s+\\w+\\s*\\(");
        private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:class|enum|record)\\s+(\\w+)");

        static List<Span> of(SourceFile file, boolean go) {
            List<Span> out = new ArrayList<>();
            if (go) {
                for (GoFuncs.Fn f : GoFuncs.of(file)) {
                    int end = f.start();
                    // a function whose closing brace is not in view ends where its text does (the next hunk's lines
                    // belong to a function whose head is above that hunk)
                    boolean closed = file.line(f.end()).startsWith("}") || f.end() == f.start();
                    while (end < f.end() && (closed || file.known(end + 1))) {
                        end++;
                    }
                    out.add(new Span(f.name(), f.start(), end, end == f.end() ? f.body() : text(file, f.start(), end),
                            false));
                }
                return runs(file, out, go);
            }
            Set<String> classes = new HashSet<>();
            int n = file.lineCount();
            for (int i = 1; i <= n; i++) {
                String head = file.line(i);
                Matcher c = JAVA_CLASS.matcher(head);
                if (c.find()) {
                    classes.add(c.group(1));
                }
                Matcher m = JAVA_HEAD.matcher(head);
                if (!m.find() || JAVA_KEYWORDS.matcher(m.group(3)).matches() || m.group(2) != null
                        && JAVA_KEYWORDS.matcher(m.group(2).trim()).matches() || head.contains("=")
                        || m.group(2) == null && !classes.contains(m.group(3)) && !ACCESS.matcher(head).find()) {
                    continue;
                }
                String close = m.group(1) + "}";
                int end = -1;
                for (int j = i + 1; j <= n && end < 0; j++) {
                    String l = file.line(j);
                    if (l.equals(close) || l.startsWith(close) && l.substring(close.length()).isBlank()) {
                        end = j;
                    } else if (!l.isEmpty() && GoFuncs.indent(l) < m.group(1).length() && !l.isBlank()) {
                        end = j - 1;
                    }
                }
                end = end < 0 ? n : end;
                StringBuilder body = new StringBuilder();
                for (int j = i; j <= end; j++) {
                    body.append(file.line(j)).append('\n');
                }
                out.add(new Span(m.group(3), i, end, body.toString(), m.group(2) == null));
                i = end;
            }
            return runs(file, out, go);
        }

        private static final Pattern SECTION_NAME = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)|(\\w+)\\s*\\(");

        /**
         * Adds, for each hunk whose lines no span covers (its function's head is above the hunk), the hunk's new lines
         * as a span named after the function git printed in its header.
         */
        private static List<Span> runs(SourceFile file, List<Span> spans, boolean go) {
            List<Span> out = new ArrayList<>(spans);
            for (kb.review.diff.Hunk h : file.change().hunks()) {
                int from = h.newStart();
                int to = h.newStart() + h.newCount() - 1;
                while (from <= to && at(spans, from) == null && file.known(from) && !file.line(from).startsWith("}")) {
                    from++;
                }
                // a Java hunk's header names the class more often than the method: then the method is unknown
                if (from == h.newStart() || h.newCount() == 0 || !go && JAVA_CLASS.matcher(h.section()).find()) {
                    continue;
                }
                Matcher m = SECTION_NAME.matcher(h.section());
                String name = m.find() ? m.group(1) != null ? m.group(1) : m.group(2) : "";
                out.add(new Span(name, h.newStart() - 1, from - 1,
                        h.section() + "\n" + text(file, h.newStart(), from - 1), false));
            }
            return out;
        }

        private static String text(SourceFile file, int from, int to) {
            StringBuilder body = new StringBuilder();
            for (int j = from; j <= to; j++) {
                body.append(file.line(j)).append('\n');
            }
            return body.toString();
        }
    }
}
