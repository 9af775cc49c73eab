package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * A Java monitor the change takes away while the code it guarded stays (session 50, conc50): a method that loses its
 * {@code synchronized} modifier, head otherwise the same, or a {@code synchronized (x) { ... }} block unwrapped, its
 * statements kept. The lock is the author's statement that threads share what it guards; CONC-03 asks that shared
 * mutable state stay guarded. {@link RemovedGuards} reports such a change when a kept line writes a name the lock
 * guarded; this class reads the uses that are not plain writes: a call on the shared object (a {@code SimpleDateFormat}
 * parsed, a {@code HashMap} read then filled, a deque polled, {@code parent.getSteps().add(...)} on the monitor itself)
 * or any write, in the method the lock was taken off.
 *
 * <p>Shared is: the removed block's monitor; a name the file shows as a field ({@link GuardedNames#field}) or a
 * constant in capitals; in a method whose head is in sight, a name neither a local, a parameter, a lambda parameter nor
 * a class. Reported at the first statement of the unguarded method, or of the unwrapped block, that uses shared state.
 * Left alone: a method that still takes any lock (the lock moved or narrowed), a hunk that adds the removed lock line
 * back, a name the file declares thread-safe (concurrent, atomic, volatile, a synchronized wrapper; a declaration the
 * change rewrites counts as it reads after the change, so a volatile dropped with the lock does not excuse it), a call
 * on a field of a type that is immutable or guards itself (a ThreadLocal, a DateTimeFormatter, a Pattern, an
 * executor), loggers, constructors, {@code ...Locked} methods or a comment that the caller holds the lock or the type
 * is confined to one thread, a private method whose callers in sight all lock, and a method {@link RemovedGuards}
 * already reports (one finding per defect).
 */
public final class DroppedMonitors {

    private static final Pattern BLOCK = Pattern.compile("^\\s*synchronized\\s*\\(\\s*(?:this\\s*\\.\\s*)?([\\w.]+?)\\s*\\)\\s*\\{\\s*$");
    private static final Pattern MODIFIER = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final)\\s+)*"
            + "synchronized\\s+(?:(?:static|final)\\s+)*(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(");
    /** The first name of a call chain: {@code x.f(}, {@code this.x.f(}, {@code x[i].f(}; group 1 the name. */
    private static final Pattern RECEIVER = Pattern.compile(
            "(?<![\\w.])(?:this\\s*\\.\\s*)?(\\w+)\\s*(?:\\[[^\\]\\n]*\\]\\s*)?\\.\\s*\\w+\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern LOGGER = Pattern.compile("(?i)^(?:log|logger|slf4j|_?log4j)$");
    private static final Pattern CONSTANT = Pattern.compile("^[A-Z][A-Z0-9]*_[A-Z0-9_]*$|^[A-Z]{2,}[0-9]*$");

    private DroppedMonitors() {
    }

    public static List<Shapes.Spot> find(SourceFile file) {
        if (file.language() != Language.JAVA || RemovedGuards.CONFINED.matcher(file.addedText().text()).find()) {
            return List.of();
        }
        List<GuardSpan> spans = null;
        SourceFile old = null;
        List<Shapes.Spot> out = new ArrayList<>();
        Set<GuardSpan> done = new HashSet<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED || !l.text().contains("synchronized")
                        || GuardedNames.kept(lines, l.text())) {
                    continue;
                }
                Matcher block = BLOCK.matcher(l.text());
                boolean modifier = !block.find();
                if (modifier && !MODIFIER.matcher(l.text()).find()) {
                    continue;
                }
                TreeSet<Integer> region = modifier ? unmarked(lines, l) : unwrapped(lines, i);
                if (region.isEmpty()) {
                    continue;
                }
                if (spans == null) {
                    spans = GuardSpan.of(file, false);
                    old = file.before();
                }
                GuardSpan s = GuardSpan.at(spans, region.first());
                if (s == null || done.contains(s) || locked(file, s, region.first()) || !quiet(file, s, spans)) {
                    continue;
                }
                String monitor = modifier ? null : block.group(1);
                Integer walk = monitor == null ? null : wrapperWalk(file, monitor, region);
                if (walk != null) {
                    // (session 53) a synchronized wrapper guards each call, not an iteration: its javadoc asks the
                    // caller to hold the wrapper's monitor while it walks it, which the unwrapped block did
                    done.add(s);
                    out.add(new Shapes.Spot(walk, 1 + indent(file.line(walk)), true, "The change unwraps the "
                            + "`synchronized (" + monitor + ")` block around this walk over `" + monitor + "`: a "
                            + "synchronized wrapper locks each call, not an iteration, so a thread that adds or "
                            + "removes meanwhile makes it throw ConcurrentModificationException. Keep the block."));
                    continue;
                }
                if (monitor != null && (GuardedNames.threadSafe(file.text(), monitor)
                        || GuardedNames.redeclared(file, monitor))) {
                    continue;
                }
                if (modifier) {
                    region = kept(file, h, s);
                }
                for (int k : region) {
                    if (inAddedCallback(file, s, k)) {
                        continue;
                    }
                    String hit = shared(file, old, s, file.line(k), monitor);
                    if (hit != null) {
                        int at = k;
                        done.add(s);
                        out.add(new Shapes.Spot(at, 1 + indent(file.line(at)), true, (modifier
                                ? "The change takes `synchronized` off this method, which still uses `" + hit + "`"
                                : "The change unwraps the `synchronized (" + block.group(1) + ")` block around this use of `"
                                        + hit + "`") + ", shared state the lock guarded; nothing else guards it now."));
                        break;
                    }
                }
            }
        }
        lockedCalls(file, out, spans);
        return out;
    }

    /** A Java lock taken by a statement: {@code lock.lock();}, {@code rw.writeLock().lock();}. */
    private static final Pattern LOCK_STATEMENT = Pattern.compile(
            "^\\s*(?:this\\s*\\.\\s*)?[\\w.]+(?:\\(\\))?\\.lock(?:Interruptibly)?\\(\\)\\s*;");
    /** A call of a method whose name says its caller holds the lock: group 1 the name. */
    private static final Pattern LOCKED_CALL = Pattern.compile("(?<![\\w$])(?:this\\s*\\.\\s*)?(\\w+Locked)\\s*\\(");

    /**
     * Session 52 (guard52): a lock statement (or a synchronized block or modifier) the change deletes from a method
     * that, after the change, calls a method named for being called with the lock held ({@code saveTokensLocked},
     * {@code refreshLocked}) and takes no lock: the callee's name is the author's statement that it reads and writes
     * the guarded state and leaves the locking to its callers (msal4j's token cache saved without its write lock).
     * A method head that is itself {@code ...Locked} passes its caller's lock on, and is left alone; so is a method
     * that takes any lock in sight, and one {@link #find}'s other reading already reports.
     */
    private static void lockedCalls(SourceFile file, List<Shapes.Spot> out, List<GuardSpan> known) {
        List<GuardSpan> spans = known;
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED || !(LOCK_STATEMENT.matcher(l.text()).find()
                        || l.text().contains("synchronized")) || GuardedNames.kept(lines, l.text())) {
                    continue;
                }
                for (int j = i + 1; j < lines.size(); j++) {
                    DiffLine k = lines.get(j);
                    if (k.kind() == DiffLine.Kind.REMOVED) {
                        continue;
                    }
                    if (METHOD_HEAD.matcher(k.text()).find()) {
                        break;
                    }
                    Matcher call = LOCKED_CALL.matcher(LITERAL.matcher(k.text()).replaceAll("\"\""));
                    if (!call.find()) {
                        continue;
                    }
                    if (spans == null) {
                        spans = GuardSpan.of(file, false);
                    }
                    int at = k.newLine();
                    GuardSpan s = GuardSpan.at(spans, at);
                    if (s == null || locked(file, s, at) || RemovedGuards.HELD_NAME.matcher(s.name()).find()
                            || out.stream().anyMatch(p -> s.start() <= p.line() && p.line() <= s.end())
                            || RemovedGuards.CONFINED.matcher(RemovedGuards.doc(file, s.start())).find()) {
                        break;
                    }
                    out.add(new Shapes.Spot(at, 1 + indent(k.text()), true, "The change takes away the lock around "
                            + "this call of `" + call.group(1) + "`, whose name says its caller holds the lock: it "
                            + "now reads and writes the guarded state with no lock."));
                    break;
                }
            }
        }
    }

    /** The new line of the head that replaces a removed synchronized head, the same but for the modifier. */
    private static TreeSet<Integer> unmarked(List<DiffLine> lines, DiffLine removed) {
        String want = squash(removed.text().replaceFirst("\\bsynchronized\\s+", ""));
        TreeSet<Integer> out = new TreeSet<>();
        for (DiffLine a : lines) {
            if (a.kind() == DiffLine.Kind.ADDED && squash(a.text()).equals(want)) {
                out.add(a.newLine());
                break;
            }
        }
        return out;
    }

    /**
     * The new lines of a removed {@code synchronized (x) {} } block's statements that the change keeps: context lines
     * between its removed head and its removed closing brace, and added lines that repeat one of its removed lines.
     */
    private static TreeSet<Integer> unwrapped(List<DiffLine> lines, int head) {
        TreeSet<Integer> out = new TreeSet<>();
        int depth = GuardedNames.braces(lines.get(head).text());
        int end = -1;
        for (int j = head + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED) {
                continue;
            }
            depth += GuardedNames.braces(l.text());
            if (depth <= 0) {
                end = l.kind() == DiffLine.Kind.REMOVED ? j : -1;
                break;
            }
        }
        if (end < 0) {
            return out;
        }
        Set<String> body = new HashSet<>();
        for (int j = head + 1; j < end; j++) {
            DiffLine l = lines.get(j);
            String t = l.text().strip();
            if (l.kind() == DiffLine.Kind.CONTEXT) {
                out.add(l.newLine());
            } else if (l.kind() == DiffLine.Kind.REMOVED && t.length() > 1) {
                body.add(t);
            }
        }
        for (int j = head + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED && body.contains(l.text().strip())) {
                out.add(l.newLine());
            }
        }
        return out;
    }

    private static final Pattern METHOD_HEAD = Pattern.compile("^\\s+(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final"
            + "|synchronized|abstract)\\s+)+(?:<[^>]+>\\s+)?(?:[\\w.<>\\[\\], ?]+\\s+)?\\w+\\s*\\([^;]*\\)\\s*(?:throws\\s+[\\w., ]+)?"
            + "\\{\\s*$");

    /**
     * Whether the method around line {@code at} takes a lock: the span's lines from the method head above {@code at}
     * to the next method head below it (a span read from a hunk whose head is out of view may run into the next
     * method, whose own {@code synchronized} says nothing of this one).
     */
    private static boolean locked(SourceFile file, GuardSpan s, int at) {
        int from = at;
        while (from > s.start() && !METHOD_HEAD.matcher(file.line(from)).find()) {
            from--;
        }
        for (int i = from; i <= s.end(); i++) {
            String l = file.line(i);
            if (i > at && METHOD_HEAD.matcher(l).find()) {
                break;
            }
            if (RemovedGuards.JAVA_LOCK.matcher(l).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines of the method that lost its modifier which the change keeps: context lines, and added lines that repeat
     * a line the hunk removes. A body rewritten whole (a new delegate that locks inside) keeps none.
     */
    private static TreeSet<Integer> kept(SourceFile file, Hunk h, GuardSpan s) {
        Set<String> removed = new HashSet<>();
        for (DiffLine l : h.lines()) {
            if (l.kind() == DiffLine.Kind.REMOVED && l.text().strip().length() > 1) {
                removed.add(l.text().strip());
            }
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (int k = s.start() + 1; k <= s.end(); k++) {
            if (file.known(k) && (!file.added(k) || removed.contains(file.line(k).strip()))) {
                out.add(k);
            }
        }
        return out;
    }

    private static final Pattern CALLBACK = Pattern.compile("->\\s*\\{|\\bnew\\s+[\\w.<>]+\\s*\\([^;]*\\)\\s*\\{");

    /**
     * Whether line {@code k} sits in a lambda or anonymous class body that an added line opens: code handed to a new
     * callee, which may take the lock itself (a pump, an executor, a helper that synchronizes).
     */
    private static boolean inAddedCallback(SourceFile file, GuardSpan s, int k) {
        int depth = 0;
        for (int i = k - 1; i > s.start(); i--) {
            if (!file.known(i)) {
                return false;
            }
            depth += GuardedNames.braces(file.line(i));
            if (depth > 0) {
                if (file.added(i) && CALLBACK.matcher(file.line(i)).find()) {
                    return true;
                }
                depth = 0;
            }
        }
        return false;
    }

    /**
     * The first kept line of {@code region} that walks {@code monitor} ({@code for (x : monitor)}, its
     * {@code iterator()}, {@code stream()} or {@code parallelStream()}), when the file makes {@code monitor} a
     * {@code Collections.synchronized...} wrapper; null otherwise. Calls the wrapper locks itself ({@code forEach},
     * {@code toArray}, a copy constructor's) are not walks.
     */
    private static Integer wrapperWalk(SourceFile file, String monitor, java.util.TreeSet<Integer> region) {
        String n = Pattern.quote(monitor);
        if (!Pattern.compile("\\b" + n + "\\s*=\\s*Collections\\s*\\.\\s*synchronized\\w+\\(").matcher(file.text())
                .find()) {
            return null;
        }
        Pattern walk = Pattern.compile("\\bfor\\s*\\([^:;]+:\\s*(?:this\\.)?" + n + "\\s*\\)|(?<![\\w.])(?:this\\.)?" + n
                + "\\s*\\.\\s*(?:iterator|listIterator|stream|parallelStream|spliterator)\\s*\\(");
        for (int k : region) {
            if (walk.matcher(file.line(k)).find()) {
                return k;
            }
        }
        return null;
    }

    /** Listener callbacks of AWT, Swing and JavaFX, which the toolkit calls on its one event thread. */
    private static final Pattern UI_CALLBACK = Pattern.compile("^(?:actionPerformed|adjustmentValueChanged|itemStateChanged"
            + "|stateChanged|valueChanged|propertyChange|textValueChanged|caretUpdate|(?:insert|remove|changed)Update"
            + "|(?:key|mouse|window|focus|component)[A-Z]\\w*)$");

    /** Whether nothing in sight guards the method another way or says it needs no guard. */
    private static boolean quiet(SourceFile file, GuardSpan s, List<GuardSpan> spans) {
        return !s.constructor() && !UI_CALLBACK.matcher(s.name()).matches() && !RemovedGuards.HELD_NAME.matcher(s.name()).find()
                && !RemovedGuards.CONFINED.matcher(RemovedGuards.doc(file, s.start())).find()
                && !RemovedGuards.lockedCallers(s, spans, false)
                && RemovedGuards.find(file).stream().noneMatch(p -> s.start() <= p.line() && p.line() <= s.end());
    }

    /** The shared name {@code line} calls a method on or writes, or null. */
    private static String shared(SourceFile file, SourceFile old, GuardSpan s, String line, String monitor) {
        String t = line.strip();
        if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) {
            return null;
        }
        String code = LITERAL.matcher(line).replaceAll("\"\"");
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = RECEIVER.matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        Map<String, Boolean> written = new LinkedHashMap<>();
        GuardedNames.write(code, false, s.body(), written);
        names.addAll(written.keySet());
        for (String n : names) {
            if (n.equals("this") || n.equals("super") || LOGGER.matcher(n).matches()
                    || GuardedNames.threadSafe(file.text(), n) || !written.containsKey(n) && safeType(file.text(), n)
                    || old != null && GuardedNames.threadSafe(old.text(), n)
                    && !GuardedNames.redeclared(file, n)) {
                continue;
            }
            if (n.equals(monitor)) {
                // (session 47's reading) a monitor the method declares, or, in a hunk that shows the class's fields,
                // one that is not among them, is a local above the hunk: one thread owns it
                if (GuardedNames.local(n, s.body()) || s.classHeaded() && GuardedNames.showsFields(file.text())
                        && !GuardedNames.field(file.text(), n)) {
                    continue;
                }
                // a block that only reads its monitor (get, contains, size) guards a read: shared mutable state only
                // when the file shows the monitor made as a mutable type (an access-ordered map reorders on get)
                if (READ_ONLY.matcher(code).find()
                        && !Pattern.compile("\\b" + Pattern.quote(n) + MUTABLE).matcher(file.text()).find()) {
                    continue;
                }
                return n;
            }
            if (GuardedNames.local(n, s.body()) || lambdaParameter(n, s.body())) {
                continue; // a local declared final reads like a field to GuardedNames.field
            }
            if (GuardedNames.field(file.text(), n) || CONSTANT.matcher(n).matches()
                    || !s.classHeaded() && !Character.isUpperCase(n.charAt(0)) && !n.matches("\\d.*")) {
                return n;
            }
            if (written.containsKey(n) && dedicated(monitor, s)) {
                return n; // session 52: a write under a lock object kept for the purpose is a write of shared state
            }
        }
        if (dedicated(monitor, s)) {
            // session 52 (guard52): a call of the object's own method that the block ran under its lock object
            // (`synchronized (trackSwitchLock) { stopWithReason(r); }`): the callee's reads and writes ran excluded
            Matcher own = OWN_CALL.matcher(code);
            while (own.find()) {
                String callee = own.group(1);
                if (!CALL_KEYWORDS.contains(callee) && !GuardedNames.local(callee, s.body())
                        && !lambdaParameter(callee, s.body())) {
                    return callee + "()";
                }
            }
        }
        return null;
    }

    /**
     * Session 52 (guard52): a monitor that is a lock object kept for the purpose ({@code lock}, {@code stateLock},
     * {@code trackSwitchLock}, {@code mutex}, {@code monitor}), not a local of the method: such an object guards nothing
     * but the state the statements in its blocks touch, so every statement an unwrapped block keeps (a write of a
     * name whose declaration is out of sight, a call of the object's own method) is one that ran excluded and no longer
     * does (aws-secretsmanager-caching-java's refresh state, lavaplayer's stop beside the track switch). A block on
     * another object (a collection, {@code this}) is read as before: by the state it names.
     */
    private static boolean dedicated(String monitor, GuardSpan s) {
        return monitor != null && DEDICATED.matcher(monitor).find() && !GuardedNames.local(monitor, s.body());
    }

    /** A lock object's name: the word itself, or a name ending in it ({@code stateLock}, {@code STATE_LOCK}); not a clock. */
    private static final Pattern DEDICATED = Pattern.compile(
            "^(?:lock|mutex|monitor|LOCK|MUTEX|MONITOR)$|[a-z0-9](?:Lock|Mutex|Monitor)$|_(?:LOCK|MUTEX|MONITOR|lock|mutex)$");
    /** An unqualified call: group 1 the method's name. */
    private static final Pattern OWN_CALL = Pattern.compile("(?<![\\w.$@])([a-z]\\w*)\\s*\\(");
    private static final Set<String> CALL_KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "return", "new", "super", "this", "assert", "throw", "try");

    /**
     * Types whose instances are immutable or guard themselves, besides {@link GuardedNames#threadSafe}'s collections:
     * a field the file declares as one needs no caller's lock.
     */
    private static final String SAFE_TYPES = "(?:ThreadLocal|DateTimeFormatter|Pattern|String|Logger|Clock|Duration"
            + "|Instant|StringBuffer|Properties|Random|SecureRandom|(?:Scheduled)?ExecutorService|Executor|Semaphore"
            + "|CountDownLatch|Immutable\\w+|Integer|Long|Boolean|BigDecimal|BigInteger|URI|Path)";

    private static boolean safeType(String text, String n) {
        return Pattern.compile("(?m)^\\s+(?:@\\w+\\s+)*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)+"
                + "(?:[\\w]+\\.)*" + SAFE_TYPES + "(?:<[^;=]*>)?\\s+" + n + "\\s*[=;]").matcher(text).find();
    }

    private static final Pattern READ_ONLY = Pattern.compile("^\\s*(?:return\\s+)?[\\w.]+\\.(?:get|getOrDefault|containsKey"
            + "|containsValue|contains|size|isEmpty)\\([^;]*\\);\\s*$");
    private static final String MUTABLE = ("\\s*=\\s*new\\s+(?:java\\.util\\.)?(?:LinkedHashMap|HashMap|WeakHashMap"
            + "|TreeMap|ArrayList|LinkedList|HashSet|TreeSet|ArrayDeque|IdentityHashMap)\\b");

    private static boolean lambdaParameter(String n, String body) {
        return Pattern.compile("(?<![\\w.])" + n + "\\s*->|\\((?:\\s*(?:final\\s+)?[\\w.<>\\[\\]]+)?\\s*" + n
                + "\\s*(?:,[^()]*)?\\)\\s*->|,\\s*(?:[\\w.<>\\[\\]]+\\s+)?" + n + "\\s*\\)\\s*->").matcher(body).find();
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
