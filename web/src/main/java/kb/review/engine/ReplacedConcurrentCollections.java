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
 * A Java edit that keeps a statement but swaps the concurrent collection it builds for a plain one: {@code new
 * ConcurrentHashMap<>()} becoming {@code new HashMap<>()}, a {@code CopyOnWriteArrayList} an {@code ArrayList}, a
 * {@code Collections.synchronizedMap(new HashMap<>())} its bare map. The deleted type was the code's own word that
 * threads share the collection (CONC-03: "shared mutable state gets a lock, an atomic or a concurrent collection");
 * after the change their writes and reads race (round 23's java-19 and java-23, a field filled from event and
 * completion threads). Reported at the added line, at low confidence: the review sees the swap, not the threads.
 *
 * <p>Session 31 (conc31): also the factories real code builds concurrent collections with ({@code
 * ConcurrentHashMap.newKeySet()}, {@code Collections.newSetFromMap(new ConcurrentHashMap<>())}, Guava's {@code
 * Sets.newConcurrentHashSet()} and kin) swapped for a plain one (Guava's {@code Sets.newHashSet()} too), a declared
 * {@code ConcurrentMap} swapped for {@code Map} on the same line, and high confidence when the file shows the other
 * threads (a Runnable or Thread class, a pool, async or scheduled work, a volatile flag).
 *
 * <p>Silent when the added line differs from the deleted one in anything but the collection's type (another field, a
 * local now), when the change brings a lock, {@code synchronized} or another concurrent type into the file's added
 * lines, and when the statement builds a local variable (confined to one call) unless the block that declares it
 * goes on to hand work to other threads (session 44, see {@link #threadsBelow}).
 *
 * <p>Session 43 (conc43): a collection built as the value a map stores ({@code subscribers.computeIfAbsent(topic, t ->
 * ConcurrentHashMap.newKeySet())}, {@code byNode.put(id, new CopyOnWriteArraySet<>())}) is no local either, even when
 * the statement keeps it in one: the map hands the same set to every later caller, so it is as shared as a field (a
 * map of listener sets per event type, of connections per address, of subscriptions per topic; round 69's java-04).
 */
final class ReplacedConcurrentCollections {

    static final String RULE = "concurrent-collection-replaced";

    /** A concurrent or synchronized collection built: group 1 the construction, to be swapped for a placeholder. */
    private static final Pattern CONCURRENT = Pattern.compile(
            "(Collections\\s*\\.\\s*synchronized\\w*\\s*\\(\\s*new\\s+[\\w.]+(?:<[^()]*>)?\\s*\\([^()]*\\)\\s*\\)"
                    + "|Collections\\s*\\.\\s*newSetFromMap\\s*\\(\\s*new\\s+(?:java\\.util\\.concurrent\\.)?Concurrent\\w*Map"
                    + "(?:<[^()]*>)?\\s*\\([^()]*\\)\\s*\\)"
                    + "|new\\s+(?:java\\.util\\.concurrent\\.)?(?:ConcurrentHashMap|ConcurrentSkipListMap|ConcurrentSkipListSet"
                    + "|CopyOnWriteArrayList|CopyOnWriteArraySet|ConcurrentLinkedQueue|ConcurrentLinkedDeque"
                    + "|LinkedBlockingQueue|LinkedBlockingDeque|ArrayBlockingQueue)\\s*(?:<[^()]*>)?\\s*\\([^()]*\\)"
                    // session 31 (conc31): the factories real code builds them with (a key set of a concurrent map,
                    // Guava's Sets/Maps/Lists/Queues); not Vector or Hashtable, whose swap is a routine modernisation
                    + "|(?:java\\.util\\.concurrent\\.)?ConcurrentHashMap\\s*\\.\\s*(?:<[^()]*>\\s*)?newKeySet\\s*\\([^()]*\\)"
                    + "|\\b(?:Sets\\s*\\.\\s*(?:<[^()]*>\\s*)?newConcurrentHashSet|Maps\\s*\\.\\s*(?:<[^()]*>\\s*)?newConcurrentMap"
                    + "|Lists\\s*\\.\\s*(?:<[^()]*>\\s*)?newCopyOnWriteArrayList|Sets\\s*\\.\\s*(?:<[^()]*>\\s*)?newCopyOnWriteArraySet"
                    + "|Queues\\s*\\.\\s*(?:<[^()]*>\\s*)?newConcurrentLinkedQueue)\\s*\\(\\s*\\))");
    /** A plain collection built: group 1 the construction. */
    private static final Pattern PLAIN = Pattern.compile(
            "(new\\s+(?:java\\.util\\.)?(?:HashMap|LinkedHashMap|TreeMap|ArrayList|LinkedList|HashSet|LinkedHashSet|TreeSet"
                    + "|ArrayDeque|PriorityQueue|IdentityHashMap|WeakHashMap|EnumMap)\\s*(?:<[^()]*>)?\\s*\\([^()]*\\)"
                    + "|\\b(?:Sets\\s*\\.\\s*(?:<[^()]*>\\s*)?new(?:Linked)?HashSet|Maps\\s*\\.\\s*(?:<[^()]*>\\s*)?new(?:Linked)?HashMap"
                    + "|Lists\\s*\\.\\s*(?:<[^()]*>\\s*)?new(?:Array|Linked)List)\\s*\\(\\s*\\))");
    /** The declared interface of a concurrent collection, read as its plain parent when the two lines are compared. */
    private static final Pattern CONCURRENT_TYPE = Pattern.compile("\\bConcurrent(Map|NavigableMap)\\b|\\bBlocking(Queue|Deque)\\b");
    /** What the file shows of other threads: a task or thread class, a pool, async or scheduled work, a volatile flag. */
    private static final Pattern THREADED = Pattern.compile(
            "\\b(?:implements|extends)\\s+(?:[\\w.<>, ]+,\\s*)?(?:Runnable|Callable|Thread|TimerTask)\\b|\\bnew\\s+Thread\\s*\\("
                    + "|\\bExecutors?\\w*\\b|\\.\\s*(?:schedule\\w*|runAsync|supplyAsync)\\s*\\("
                    + "|@(?:Async|Scheduled)\\b|\\bvolatile\\s|\\.parallelStream\\s*\\(");
    /** Another guard the change may bring instead. */
    private static final Pattern GUARD = Pattern.compile(
            "\\bsynchronized\\b|\\.\\s*(?:lock|readLock|writeLock)\\s*\\(|ReentrantLock|Concurrent\\w+|CopyOnWrite\\w+"
                    + "|Collections\\s*\\.\\s*synchronized|Atomic\\w+|ThreadLocal");
    /** A field's declaration: modifiers that only a field has, or a declaration at a class's member indentation. */
    /** A call that stores a value in a map: a construction among its arguments outlives the statement. */
    private static final Pattern STORED = Pattern.compile(
            "\\.\\s*(?:computeIfAbsent|putIfAbsent|put|compute|computeIfPresent|merge)\\s*\\(");
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:@\\w+\\s+)*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)+[\\w.<>\\[\\], ?]+\\s+\\w+\\s*="
                    + "|^\\s*(?:this\\.)?\\w+\\s*=\\s*");

    private ReplacedConcurrentCollections() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<RemovedLine> removed = RemovedLine.of(file);
        if (removed.stream().noneMatch(r -> CONCURRENT.matcher(r.line().text()).find())) {
            return List.of();
        }
        boolean guarded = file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED
                        && GUARD.matcher(withoutTypeArguments(l.text())).find());
        if (guarded) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : removed) {
            String old = r.line().text();
            Matcher c = CONCURRENT.matcher(old);
            if (!c.find()) {
                continue;
            }
            boolean local = !FIELD.matcher(old).find() && !STORED.matcher(old.substring(0, c.start())).find();
            String before = plainTypes(squeeze(old.substring(0, c.start()) + "#" + old.substring(c.end())));
            for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher p = PLAIN.matcher(l.text());
                if (!p.find() || !plainTypes(squeeze(l.text().substring(0, p.start()) + "#"
                        + l.text().substring(p.end()))).equals(before) || local && !threadsBelow(file, l.newLine())) {
                    continue;
                }
                Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change swaps the concurrent collection built here for a plain one: the deleted type "
                                + "was the code's own word that threads share it, and their writes and reads now race "
                                + "(lost entries, a corrupted map, ConcurrentModificationException). Keep the "
                                + "concurrent type, or guard every use with one lock.",
                        threaded(file) ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                        "the review sees the swap, not the threads", "kb", null));
                break;
            }
        }
        return out;
    }

    /** Work handed to other threads: a pool built or fed, a parallel stream, a thread, a fork-join fork. */
    private static final Pattern HAND_OFF = Pattern.compile(
            "\\bExecutors\\s*\\.\\s*new\\w*\\(|\\.\\s*(?:submit|execute|invokeAll|runAsync|supplyAsync|fork)\\s*\\("
                    + "|\\.\\s*parallel(?:Stream)?\\s*\\(|\\bnew\\s+Thread\\s*\\(");
    /** How far below a local's declaration the hand-off is looked for. */
    private static final int LOCAL_REACH = 30;

    /**
     * Session 44: whether the block that declares a local at {@code line} goes on, in the lines the diff shows, to
     * hand work to other threads (a pool built or fed, a parallel stream, a thread). Such a local is no longer confined
     * to its call: the tasks the method starts fill it (round 74's java-14, a per-type tally every folder task updates;
     * wso2/config-mapper#6, a plain map filled from a parallel stream), and the concurrent type the change deleted was
     * there for them.
     */
    private static boolean threadsBelow(SourceFile file, int line) {
        String decl = file.line(line);
        int indent = decl.length() - decl.stripLeading().length();
        for (int n = line + 1; n <= Math.min(file.lineCount(), line + LOCAL_REACH) && file.known(n); n++) {
            String t = file.line(n);
            if (!t.isBlank() && t.length() - t.stripLeading().length() < indent) {
                return false; // the declaring block ends
            }
            if (HAND_OFF.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /** The declared type of a concurrent collection read as its plain parent ({@code ConcurrentMap} as {@code Map}). */
    private static String plainTypes(String s) {
        return CONCURRENT_TYPE.matcher(s).replaceAll("$1$2");
    }

    /**
     * Whether the file's known text shows other threads (session 31): the class is a task or a thread, or runs a pool,
     * async or scheduled work, a parallel stream, or keeps a volatile flag. Then the swap is reported at high
     * confidence: the threads that the deleted type served are in sight.
     */
    private static boolean threaded(SourceFile file) {
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n) && THREADED.matcher(file.line(n)).find()) {
                return true;
            }
        }
        return false;
    }

    /** One innermost list of generic type arguments. */
    private static final Pattern TYPE_ARGUMENTS = Pattern.compile("<[^<>]*>");

    /**
     * Session 46: the text with generic type arguments taken out: a map whose values are locks or atomics
     * ({@code Map<String, ReentrantLock>}, round 40's owner locks) is no guard the change brings, only what the plain
     * map holds.
     */
    private static String withoutTypeArguments(String s) {
        String prev;
        do {
            prev = s;
            s = TYPE_ARGUMENTS.matcher(s).replaceAll("");
        } while (!s.equals(prev));
        return s;
    }

    /** The text without white space. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
