package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 51 (conc51), CONC-03: a Java field declaration the change rewrites so that the field loses its lock
 * discipline, read from the hunk (a deleted declaration and an added one of the same name).
 *
 * <p>(1) {@code volatile} taken off a field that stays mutable (rule {@code volatile-dropped}). {@code volatile} is the
 * field's discipline: one thread writes it and others read it without a lock (a running or stop flag, a published
 * reference). Without it the JIT may hoist a read out of a loop and another thread's write may never be seen.
 *
 * <p>(2) An instance field of a mutable type that is not thread-safe made {@code static}, the declaration otherwise the
 * same (rule {@code mutable-field-made-static}): a {@code HashMap}, a list, a set, a {@code StringBuilder}, a
 * {@code java.text} format, a {@code Calendar}, a digest. Each object had its own; now every instance, on every thread,
 * shares one, with no lock (round 110's jMonkeyEngine loader: material adapters configured per model load, made one
 * static map for all loaders).
 *
 * <p>Reported at the added declaration; at high confidence when the visible code shows threads (a {@code Thread}, a
 * {@code Runnable}, an executor, a handler, a callback or a listener), at low confidence otherwise. Not reported: a
 * field the change makes {@code final} (1) or already wraps in a synchronized, unmodifiable or concurrent form (2), one
 * whose new type is atomic or concurrent; a change whose added lines take a lock ({@code synchronized}, {@code lock()},
 * {@code @GuardedBy}: the discipline moved to a monitor) or say the object is confined to one thread or not
 * thread-safe; and a change that also deletes a lock in the file (a double-checked load unwrapped and its volatile
 * dropped is one defect, which the removed-lock readers name at the code the lock guarded).
 */
final class DroppedFieldDisciplines {

    static final String VOLATILE_RULE = "volatile-dropped";
    static final String STATIC_RULE = "mutable-field-made-static";

    /** A field declaration: group 1 the modifiers, 2 the type, 3 the name, 4 the initializer (or null). */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*((?:(?:private|protected|public|static|final|volatile|transient)\\s+)+)"
                    + "([\\w.]+(?:<[\\w.<>?, ]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*(?:=\\s*([^;]*))?;");
    private static final Pattern VOLATILE = Pattern.compile("\\bvolatile\\b");
    private static final Pattern FINAL = Pattern.compile("\\bfinal\\b");
    private static final Pattern STATIC = Pattern.compile("\\bstatic\\s+");
    private static final Pattern DISCIPLINED_TYPE = Pattern.compile("^(?:java\\.util\\.concurrent\\.(?:atomic\\.)?)?"
            + "(?:Atomic\\w*|Concurrent\\w*|LongAdder|DoubleAdder|ThreadLocal|CopyOnWrite\\w*)\\b");
    /** Mutable JDK types that do not guard themselves, besides {@link SharedFormatters#UNSAFE}. */
    private static final Set<String> MUTABLE = Set.of("HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap",
            "IdentityHashMap", "EnumMap", "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "EnumSet",
            "ArrayDeque", "PriorityQueue", "BitSet", "StringBuilder", "Calendar", "GregorianCalendar", "MessageDigest",
            "Cipher", "Mac", "Matcher", "ByteArrayOutputStream");
    /** A construction's type: group 1 its simple name. */
    private static final Pattern CREATED = Pattern.compile("^new\\s+(?:[\\w]+\\.)*(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern WRAPPED = Pattern.compile(
            "\\b(?:Collections\\s*\\.\\s*(?:synchronized|unmodifiable)\\w*"
                    + "|(?:List|Set|Map)\\s*\\.\\s*(?:of|copyOf))\\b");
    private static final Pattern LOCKED = Pattern.compile(
            "\\bsynchronized\\b|\\.\\s*lock(?:Interruptibly)?\\s*\\(\\s*\\)|@GuardedBy\\b");
    private static final Pattern CONFINED = Pattern.compile("(?i)\\bnot\\s+thread[- ]?safe\\b|@NotThreadSafe\\b"
            + "|\\b(?:confined|single[- ]threaded|guarded\\s+by)\\b"
            + "|\\b(?:only|same|one|single)\\s+(?:\\w+\\s+)?thread\\b");
    private static final Pattern THREADS = Pattern.compile(
            "\\b(?:Thread|Runnable|Executor\\w*|\\w*Handler|\\w*Callback|\\w*Listener)\\b|\\brun\\s*\\(\\s*\\)");

    private DroppedFieldDisciplines() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        StringBuilder addedText = new StringBuilder();
        StringBuilder removedText = new StringBuilder();
        StringBuilder visible = new StringBuilder();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    addedText.append(l.text()).append('\n');
                } else if (l.kind() == DiffLine.Kind.REMOVED) {
                    removedText.append(l.text()).append('\n');
                }
                visible.append(l.text()).append('\n');
            }
        }
        if (LOCKED.matcher(addedText).find() || CONFINED.matcher(addedText).find()
                || LOCKED.matcher(removedText).find()) {
            return List.of();
        }
        boolean threads = THREADS.matcher(visible).find();
        Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine removed : h.lines()) {
                Matcher old = removed.kind() == DiffLine.Kind.REMOVED ? FIELD.matcher(removed.text()) : null;
                if (old == null || !old.find()) {
                    continue;
                }
                DiffLine now = redeclared(h, old.group(3));
                Matcher m = now == null ? null : FIELD.matcher(now.text());
                if (m == null || !m.find()) {
                    continue;
                }
                String rule = null;
                String message = null;
                if (VOLATILE.matcher(old.group(1)).find() && !VOLATILE.matcher(m.group(1)).find()
                        && !FINAL.matcher(m.group(1)).find() && !DISCIPLINED_TYPE.matcher(m.group(2)).find()) {
                    rule = VOLATILE_RULE;
                    message = "The change takes volatile off `" + m.group(3) + "` and keeps it mutable: volatile was "
                            + "how one thread's write reached the others without a lock, and now a reader may keep a "
                            + "stale value for good (a loop on a flag that never sees the stop, a reference seen "
                            + "half-built). Keep it volatile, make it an Atomic type, or guard every access with one "
                            + "lock.";
                } else if (madeStatic(old, m) && unguardedMutable(m)) {
                    rule = STATIC_RULE;
                    message = "The change makes `" + m.group(3) + "` static: each object had its own, and now every "
                            + "instance on every thread shares one " + m.group(2) + ", which does not guard itself, "
                            + "with no lock. Keep it per instance, or make the shared one concurrent or immutable (or "
                            + "guard every use with one lock).";
                }
                if (rule != null) {
                    out.add(new Finding(rule, "CONC-03", severity, file.path(), now.newLine(), 1, now.text().strip(),
                            message, threads ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                            threads ? null : "the review follows the rewritten declaration, not the threads using it",
                            "kb", null, List.of()));
                }
            }
        }
        return out;
    }

    /** The added declaration of {@code name} in the hunk; null when there is none. */
    private static DiffLine redeclared(Hunk h, String name) {
        for (DiffLine l : h.lines()) {
            Matcher m = l.kind() == DiffLine.Kind.ADDED ? FIELD.matcher(l.text()) : null;
            if (m != null && m.find() && m.group(3).equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** The added declaration is the deleted one with {@code static} added and nothing else changed. */
    private static boolean madeStatic(Matcher old, Matcher now) {
        if (STATIC.matcher(old.group(1)).find() || !STATIC.matcher(now.group(1)).find()) {
            return false;
        }
        String before = old.group(0).strip().replaceAll("\\s+", " ");
        String after = STATIC.matcher(now.group(0).strip()).replaceFirst("").replaceAll("\\s+", " ");
        return before.equals(after);
    }

    /** A mutable type that does not guard itself, by the declared type or the construction, not wrapped. */
    private static boolean unguardedMutable(Matcher m) {
        String init = m.group(4) == null ? "" : m.group(4).strip();
        if (WRAPPED.matcher(init).find() || DISCIPLINED_TYPE.matcher(m.group(2)).find()) {
            return false;
        }
        String declared = m.group(2).replaceFirst("<.*", "").replaceFirst("^(?:\\w+\\.)*", "");
        Matcher created = CREATED.matcher(init);
        String made = created.find() ? created.group(1) : "";
        return MUTABLE.contains(declared) || SharedFormatters.UNSAFE.contains(declared) || MUTABLE.contains(made)
                || SharedFormatters.UNSAFE.contains(made);
    }
}
