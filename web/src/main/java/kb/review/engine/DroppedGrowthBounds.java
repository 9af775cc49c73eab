package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 53 (conc53), CONC-02: a container that the code fills per item loses the bound it had, and the change shows
 * both halves (the bound in the deleted lines, the container kept or rebuilt in the added ones). Three forms:
 * <ul>
 * <li><b>a size guard deleted before a kept enqueue</b> ({@code queue-size-guard-removed}): the change deletes an
 * {@code if} that tested the container's size ({@code len(c.pending) >= max}, {@code queue.size() >= limit}) and
 * refused the item (return, drop, error, reject), and keeps the append, push or offer below it: every item is now
 * kept, however far the consumer falls behind.</li>
 * <li><b>a bounded container replaced by a growable one under the same name</b> ({@code bounded-queue-made-growable}):
 * a Go channel field or a {@code make(chan T, n)} made a slice, a map or a {@code list.List}; a Java
 * {@code ArrayBlockingQueue}/{@code LinkedBlockingQueue(n)}/{@code EvictingQueue}/{@code CircularFifoQueue}, or a
 * size-bounded Caffeine or Guava cache, made an {@code ArrayDeque}, a {@code LinkedList}, a concurrent queue or a plain
 * map; an LRU ({@code lru.New(n)}) made a map.</li>
 * <li><b>the bound cut from a construction that stays</b> ({@code cache-bound-removed}): a
 * {@code .maximumSize(n)}/{@code .maximumWeight(n)} step deleted from a cache builder chain that goes on, or the
 * same line rewritten without it; Reactor's or RxJava's {@code onBackpressureBuffer(n, ...)} made
 * {@code onBackpressureBuffer()} (unbounded).</li>
 * </ul>
 * Not reported: a change whose added lines bound the container another way (a size check, a capacity, a maximum, an
 * eviction), a deleted guard whose body does not refuse the item, a replacement whose new construction has a capacity
 * argument of its own, tests. A {@code BlockingQueue} rebuilt without its capacity under the same declaration is
 * {@link DroppedQueueBounds}'s (the Reviewer keeps one finding per line).
 */
final class DroppedGrowthBounds {

    /** Go: a field appended to itself ({@code s.buf = append(s.buf, x)}): compiled once, not once per line read. */
    private static final Pattern SELF_APPEND = Pattern.compile("^\\s*\\w+\\.(\\w+)\\s*=\\s*append\\(\\s*\\w+\\.(\\w+)\\s*,");

    static final String GUARD = "queue-size-guard-removed";
    static final String REPLACED = "bounded-queue-made-growable";
    static final String CUT = "cache-bound-removed";
    static final String UNREAD = "declared-bound-unread";

    /** A size test of a container: group 1 the Go path in {@code len(x)}, group 2 the Java name before size(). */
    private static final Pattern SIZE_TEST = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\s*\\(?\\s*(?:len\\(\\s*([\\w.]+)\\s*\\)|(?:this\\.)?([\\w.]+?)\\.size\\(\\))"
                    + "\\s*(?:>=|>|==)\\s*[^{]+\\{\\s*$");
    private static final Pattern REFUSES = Pattern.compile("\\breturn\\b|\\bthrow\\b|\\bcontinue\\b|\\bdrop|\\breject"
            + "|\\bErr\\w*Full|\\berrors?\\.New|\\bfmt\\.Errorf|\\boverflow|\\bfalse\\b|\\bdiscard", Pattern.CASE_INSENSITIVE);

    /** Go: a field or variable declared as a channel (group 1 the name). */
    private static final Pattern GO_CHAN_DECL = Pattern.compile("^\\s*(\\w+)\\s+(?:chan\\b|<-chan\\b|chan<-)");
    private static final Pattern GO_LRU_DECL = Pattern.compile(
            "^\\s*(\\w+)\\s*(?::?=\\s*(?:\\w+\\.)?(?:lru|simplelru|expirable|ristretto|bigcache|freecache)\\.New|\\s+\\*?"
                    + "(?:lru|simplelru|expirable|ristretto)\\.(?:Cache|LRU)\\b)");
    private static final Pattern GO_GROWABLE = Pattern.compile(
            "^\\s*(\\w+)\\s+(?:\\[\\]|map\\[|\\*?list\\.List\\b)");
    /** Java: a declaration (group 1 the name) built bounded. */
    private static final Pattern JAVA_DECL = Pattern.compile("\\b(\\w+)\\s*=\\s*(.+)$");
    private static final Pattern JAVA_BOUNDED = Pattern.compile("new\\s+ArrayBlockingQueue\\b|new\\s+LinkedBlocking"
            + "(?:Queue|Deque)\\s*<[^>]*>\\s*\\(\\s*[^)\\s]|EvictingQueue\\.create\\(|new\\s+CircularFifoQueue\\b"
            + "|\\.maximum(?:Size|Weight)\\(|new\\s+LRUMap\\b|new\\s+LruCache\\b");
    private static final Pattern JAVA_GROWABLE = Pattern.compile("new\\s+(?:ArrayDeque|LinkedList|ConcurrentLinked"
            + "(?:Queue|Deque)|LinkedTransferQueue|PriorityQueue|PriorityBlockingQueue|HashMap|ConcurrentHashMap"
            + "|LinkedHashMap|ArrayList)\\s*<[^>]*>\\s*\\(\\s*\\)|new\\s+LinkedBlocking(?:Queue|Deque)\\s*<[^>]*>\\s*"
            + "\\(\\s*\\)");
    private static final Pattern CACHE_STEP = Pattern.compile("^\\s*\\.maximum(?:Size|Weight)\\([^()]*\\)\\s*$");
    private static final Pattern CACHE_BOUND_CALL = Pattern.compile("\\.maximum(?:Size|Weight)\\([^()]*\\)");
    private static final Pattern BUFFER_BOUND = Pattern.compile("\\.onBackpressureBuffer\\(\\s*[^)\\s][^)]*\\)");

    private DroppedGrowthBounds() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        String added = file.addedText().text();
        boolean created = file.change().hunks().size() == 1 && file.change().hunks().get(0).oldCount() == 0;
        if (created) {
            unreadBound(file, go, severity, out);
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            guard(file, h, go, severity, out);
            twin(file, h, severity, out);
            replaced(file, h, go, added, severity, out);
            if (!go) {
                cut(file, h, added, severity, out);
            }
        }
        return out;
    }

    private static void guard(SourceFile file, Hunk h, boolean go, Severity severity, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int i = 0; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            Matcher m = l.kind() == DiffLine.Kind.REMOVED ? SIZE_TEST.matcher(l.text()) : null;
            if (m == null || !m.find()) {
                continue;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            // the deleted block, to its closing brace
            int depth = 0;
            int end = -1;
            boolean refuses = false;
            for (int j = i; j < lines.size(); j++) {
                DiffLine x = lines.get(j);
                if (x.kind() != DiffLine.Kind.REMOVED) {
                    break;
                }
                String t = x.text().replaceAll("\"[^\"]*\"", "\"\"");
                depth += count(t, '{') - count(t, '}');
                if (j > i && REFUSES.matcher(t).find()) {
                    refuses = true;
                }
                if (depth <= 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0 || !refuses) {
                continue;
            }
            String n = Pattern.quote(name);
            Pattern enqueue = go
                    ? Pattern.compile("^\\s*" + n + "\\s*=\\s*append\\(\\s*" + n + "\\b|^\\s*" + n
                            + "\\.(?:PushBack|PushFront|Push|Put|Add|Enqueue)\\(")
                    : Pattern.compile("^\\s*(?:this\\.)?" + n + "\\.(?:add|addLast|addFirst|offer|offerLast|put|push"
                            + "|append)\\(");
            Pattern mentions = Pattern.compile("\\blen\\(\\s*" + n + "\\s*\\)|\\b" + n + "\\.(?:size|remainingCapacity)"
                    + "\\(");
            boolean rebounded = mentions.matcher(file.addedText().text()).find();
            if (rebounded) {
                continue;
            }
            for (int j = end + 1; j < lines.size(); j++) {
                DiffLine x = lines.get(j);
                if (x.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (go ? x.text().startsWith("func ") || x.text().startsWith("}") : x.text().matches(
                        "^\\s*(?:public|private|protected)\\s.*\\(.*")) {
                    break;
                }
                if (enqueue.matcher(x.text()).find()) {
                    out.add(new Finding(GUARD, "CONC-02", severity, file.path(), x.newLine(), 1, x.text().strip(),
                            "The change deletes the size check that refused an item when `" + name + "` was full, "
                                    + "and keeps this enqueue: every item is now kept, however far the consumer "
                                    + "falls behind, until memory runs out. Keep a bound (refuse, drop or block "
                                    + "when it is full).",
                            Finding.Confidence.HIGH, null, "kb", null));
                    return;
                }
            }
        }
    }

    /** A bound's name: a constant or field named for a maximum, a limit or a capacity. */
    private static final Pattern BOUND_NAME = Pattern.compile("^(?:MAX|LIMIT|CAPACITY|max|limit|capacity)[A-Z_]\\w*"
            + "|^\\w*(?:_MAX|_LIMIT|_CAPACITY|Max|Limit|Capacity)(?:[A-Z_]\\w*)?$|^(?:max|limit|capacity)$");
    /** Go: a struct field (group 1) of a numeric type. */
    private static final Pattern GO_INT_FIELD = Pattern.compile("^\\s+(\\w+)\\s+(?:u?int\\d*|float64|time\\.Duration)"
            + "\\s*(?://.*)?$");
    /** Java: a numeric constant or field (group 1). */
    private static final Pattern JAVA_INT_FIELD = Pattern.compile("^\\s*(?:(?:private|protected|public|static|final)"
            + "\\s+)+(?:int|long|Integer|Long)\\s+(\\w+)\\s*[=;]");
    /** Java: a container field built without a bound (group 1 the name). */
    private static final Pattern JAVA_UNBOUNDED_FIELD = Pattern.compile("^\\s*(?:(?:private|protected|public|static|final)"
            + "\\s+)+[\\w.<>, ?]+\\s+(\\w+)\\s*=\\s*new\\s+(?:LinkedBlocking(?:Queue|Deque)|ConcurrentLinked(?:Queue"
            + "|Deque)|ArrayDeque|LinkedList|LinkedTransferQueue)\\s*<[^>]*>\\s*\\(\\s*\\)");

    /**
     * A new file that names a bound and never reads it while it grows a container ({@code declared-bound-unread}):
     * a {@code MAX_PENDING = 256} constant or a {@code maxItems} field set by the constructor, not read by any line
     * of the file, beside a queue built without a capacity and filled ({@code add}, {@code offer}, {@code put}), or a
     * slice field appended to. The name is the author's statement that the container has a bound; the code does not
     * apply it. Reported at the unbounded queue's declaration (Java) or at the append (Go).
     */
    private static void unreadBound(SourceFile file, boolean go, Severity severity, List<Finding> out) {
        String text = file.text();
        List<DiffLine> lines = file.change().hunks().get(0).lines();
        String bound = null;
        for (DiffLine l : lines) {
            Matcher m = (go ? GO_INT_FIELD : JAVA_INT_FIELD).matcher(l.text());
            if (m.find() && BOUND_NAME.matcher(m.group(1)).find() && unread(text, m.group(1), go)) {
                bound = m.group(1);
                break;
            }
        }
        if (bound == null) {
            return;
        }
        for (DiffLine l : lines) {
            String t = l.text();
            if (go) {
                Matcher a = SELF_APPEND.matcher(t);
                if (a.find() && a.group(1).equals(a.group(2))) {
                    out.add(unreadFinding(file, l, bound, severity));
                    return;
                }
            } else {
                Matcher q = JAVA_UNBOUNDED_FIELD.matcher(t);
                if (q.find() && Pattern.compile("(?<![\\w.])(?:this\\.)?" + Pattern.quote(q.group(1))
                        + "\\.(?:add|addLast|offer|offerLast|put|push)\\(").matcher(text).find()) {
                    out.add(unreadFinding(file, l, bound, severity));
                    return;
                }
            }
        }
    }

    /** Whether the file never reads {@code name}: only its declaration and its assignments or literal keys. */
    private static boolean unread(String text, String name, boolean go) {
        String n = Pattern.quote(name);
        Matcher m = Pattern.compile(go ? "\\.\\s*" + n + "\\b(?!\\s*=[^=])" : "(?<![\\w$])" + n + "\\b").matcher(text);
        int uses = 0;
        // string literals blanked, offsets kept: a brace in a message does not end a statement
        String code = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(text)
                .replaceAll(r -> "\"" + " ".repeat(r.group().length() - 2) + "\"");
        while (m.find()) {
            if (go) {
                return false;
            }
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 4)).strip();
            int ls = text.lastIndexOf('\n', m.start()) + 1;
            String before = text.substring(ls, m.start());
            boolean declaration = before.matches(".*\\b(?:int|long|Integer|Long)\\s+$");
            boolean assigned = after.startsWith("=") && !after.startsWith("==");
            int st = Math.max(code.lastIndexOf(';', m.start()), Math.max(code.lastIndexOf('{', m.start()),
                    code.lastIndexOf('}', m.start())));
            // a bound named only in a log message ("{} pending buffers reached") is not applied (round 117's x-pipe)
            boolean logged = LOG_CALL.matcher(code.substring(st + 1, m.start())).find();
            if (!declaration && !assigned && !logged) {
                uses++;
            }
        }
        return uses == 0;
    }

    private static final Pattern LOG_CALL = Pattern.compile("\\b(?:log|logger|LOG|LOGGER|Log)\\s*\\.\\s*(?:trace|debug"
            + "|info|warn|warning|error|fatal|log)\\s*\\(");

    private static Finding unreadFinding(SourceFile file, DiffLine at, String bound, Severity severity) {
        return new Finding(UNREAD, "CONC-02", severity, file.path(), at.newLine(), 1, at.text().strip(),
                "This container grows with every item, and the bound the file names for it, `" + bound + "`, is "
                        + "never read: nothing refuses, drops or blocks when it is full, so a consumer that falls "
                        + "behind grows memory without limit. Apply the bound (a capacity, or a size check that "
                        + "refuses the item).",
                Finding.Confidence.HIGH, null, "kb", null);
    }

    /** {@code NewBoundedMailbox(n)} made {@code NewUnboundedMailbox()}: the library's own unbounded twin. */
    private static final Pattern BOUNDED_CALL = Pattern.compile("\\b(\\w*)Bounded(\\w*)\\s*\\([^()]*\\)");

    private static void twin(SourceFile file, Hunk h, Severity severity, List<Finding> out) {
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.REMOVED || !BOUNDED_CALL.matcher(l.text()).find()) {
                continue;
            }
            String want = norm(BOUNDED_CALL.matcher(l.text()).replaceAll("$1Unbounded$2()"));
            for (DiffLine a : h.lines()) {
                if (a.kind() == DiffLine.Kind.ADDED && norm(a.text()).equals(want)) {
                    out.add(new Finding(REPLACED, "CONC-02", severity, file.path(), a.newLine(), 1, a.text().strip(),
                            "The change swaps a bounded construction for its unbounded twin: nothing pushes back on "
                                    + "the producer any more, so a slow consumer queues without limit. Keep the "
                                    + "bounded one.",
                            Finding.Confidence.HIGH, null, "kb", null));
                    return;
                }
            }
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static void replaced(SourceFile file, Hunk h, boolean go, String added, Severity severity,
                                 List<Finding> out) {
        Map<String, String> bounded = new java.util.HashMap<>();
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (go) {
                Matcher c = GO_CHAN_DECL.matcher(t);
                Matcher u = GO_LRU_DECL.matcher(t);
                if (c.find()) {
                    bounded.put(c.group(1), "a channel");
                } else if (u.find()) {
                    bounded.put(u.group(1), "an LRU cache");
                }
            } else {
                Matcher d = JAVA_DECL.matcher(t);
                if (d.find() && JAVA_BOUNDED.matcher(d.group(2)).find()) {
                    bounded.put(d.group(1), "a bounded queue or cache");
                }
            }
        }
        if (bounded.isEmpty()) {
            return;
        }
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            String t = l.text();
            String name = null;
            if (go) {
                Matcher g = GO_GROWABLE.matcher(t);
                if (g.find() && goFilled(added, g.group(1))) {
                    name = g.group(1);
                }
            } else {
                Matcher d = JAVA_DECL.matcher(t);
                if (d.find() && JAVA_GROWABLE.matcher(d.group(2)).find() && !JAVA_BOUNDED.matcher(d.group(2)).find()
                        && !removeEldest(added)) {
                    name = d.group(1);
                }
            }
            if (name == null || !bounded.containsKey(name) || boundedElsewhere(added, name)) {
                continue;
            }
            out.add(new Finding(REPLACED, "CONC-02", severity, file.path(), l.newLine(), 1, t.strip(),
                    "The change replaces " + bounded.get(name) + " (`" + name + "`, which held a fixed number of "
                            + "items) with a container that grows with every item: nothing pushes back on the "
                            + "producer or evicts, so a slow consumer or an endless key space grows memory without "
                            + "limit. Keep a bound.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
    }

    /** Added code that fills the Go field: {@code x.f = append(x.f, v)}, {@code x.f[k] = v}, {@code x.f.PushBack(}. */
    private static boolean goFilled(String added, String field) {
        String f = Pattern.quote(field);
        return Pattern.compile("\\.(" + f + ")\\s*=\\s*append\\(|\\." + f + "\\[[^\\]\\n]+\\]\\s*=[^=]|\\." + f
                + "\\.Push(?:Back|Front)\\(").matcher(added).find();
    }

    /**
     * The change bounds the container another way in its added lines: a semaphore taken before each put, a size or
     * length check of the same name, a capacity or eviction setting (conc31's clean look-alike: the queue's capacity
     * moved to a {@code Semaphore}).
     */
    private static boolean boundedElsewhere(String added, String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("\\bSemaphore\\b|\\.(?:try)?[Aa]cquire\\(|remainingCapacity|removeEldestEntry"
                + "|\\.maximum(?:Size|Weight)\\(|\\blen\\(\\s*(?:\\w+\\.)*" + n + "\\s*\\)|\\b" + n + "\\.size\\(\\)")
                .matcher(added).find();
    }

    private static boolean removeEldest(String added) {
        return added.contains("removeEldestEntry");
    }

    private static void cut(SourceFile file, Hunk h, String added, Severity severity, List<Finding> out) {
        if (CACHE_BOUND_CALL.matcher(added).find()) {
            return;
        }
        List<DiffLine> lines = h.lines();
        for (int i = 0; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (CACHE_STEP.matcher(t).find()) {
                DiffLine below = next(lines, i);
                DiffLine above = previous(lines, i);
                if (below != null && below.text().strip().startsWith(".") && above != null
                        && !above.text().strip().endsWith(";") && (above.text().contains("Caffeine")
                        || above.text().contains("CacheBuilder") || above.text().strip().startsWith("."))) {
                    out.add(cacheFinding(file, above, severity));
                    return;
                }
                continue;
            }
            String stripped = norm(CACHE_BOUND_CALL.matcher(t).replaceAll(""));
            int cut = t.indexOf(".onBackpressureBuffer(");
            String unbuffered = cut < 0 ? null : norm(t.substring(0, cut)) + ".onBackpressureBuffer()";
            boolean cacheCall = CACHE_BOUND_CALL.matcher(t).find();
            boolean bufferCall = BUFFER_BOUND.matcher(t).find() && !t.contains("multicast()")
                    && !t.contains("unicast()");
            for (DiffLine a : lines) {
                if (a.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                String n = norm(a.text());
                if (cacheCall && n.equals(stripped) || bufferCall && n.startsWith(unbuffered)) {
                    out.add(cacheFinding(file, a, severity));
                    return;
                }
            }
        }
    }

    private static Finding cacheFinding(SourceFile file, DiffLine at, Severity severity) {
        return new Finding(CUT, "CONC-02", severity, file.path(), at.newLine(), 1, at.text().strip(),
                "The change takes the size bound off this cache or buffer (its maximum size, weight or capacity): "
                        + "it now keeps an entry per key or element for as long as it lives, so memory grows with "
                        + "the input. Keep a maximum.",
                Finding.Confidence.HIGH, null, "kb", null);
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static DiffLine next(List<DiffLine> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j);
            }
        }
        return null;
    }

    private static DiffLine previous(List<DiffLine> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j);
            }
        }
        return null;
    }
}
