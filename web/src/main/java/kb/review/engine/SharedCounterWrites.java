package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
 * CONC-03: a plain read-modify-write ({@code n++}, {@code n += d}, Go's {@code n = v} for a store) of state that
 * outlives the call, added by the change where the code shows that several goroutines or threads run it. The file
 * need not start the concurrency: the evidence is the change or the code's role.
 *
 * <ul>
 *   <li><b>The synchronised update replaced</b> (both languages, high confidence): the same hunk deletes an atomic
 *   operation on the same target ({@code atomic.AddInt64(&Stats.Errors, 1)}, {@code w.done.Add(1)}, Java's
 *   {@code hits.incrementAndGet()}) and adds the plain one. The atomic was the code's word that the value is shared.
 *   Also (low) a call of an increment helper on the same value ({@code STATS.IncParsed()}) replaced by a bump of its
 *   field ({@code STATS.Parsed++}): a type that counts through helpers does so to lock.</li>
 *   <li><b>A role that runs concurrently</b> (Go, see {@link ConcurrentRoles}): the bump stands in a callback handed to
 *   a parallel runner (a goroutine literal, an errgroup's {@code Go}, a call given a parallelism argument, or a
 *   callback of a function that takes one), in a worker given a {@code *sync.WaitGroup} or receiving from a channel,
 *   or in an HTTP handler, on a receiver's field or on a value the function does not declare. High confidence when
 *   the hunk deletes the statement the bump replaces (a helper call, an atomic), low otherwise.</li>
 * </ul>
 * Silent when the function (as far as the hunk shows) takes a lock or is synchronized, when the target's root is a
 * local or parameter of the code that writes it, and in tests. One finding per hunk and root, at the first write.
 */
final class SharedCounterWrites {

    static final String RULE = "shared-counter-unguarded";

    /** An added plain write: group 1 the target, group 2 the operator. */
    private static final Pattern GO_WRITE = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)(?:\\[[^\\]\\n]*\\])?\\s*(\\+\\+|--|[-+|&^]=|=(?!=))");
    private static final Pattern JAVA_WRITE = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*(\\+\\+|--|[-+]=)\\s*[^;]*;\\s*$"
                    + "|^\\s*(\\+\\+|--)\\s*(?:this\\.)?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*;\\s*$");
    private static final Pattern JAVA_ATOMIC_CALL = Pattern.compile("\\s*\\.\\s*(?:incrementAndGet|getAndIncrement"
            + "|decrementAndGet|getAndDecrement|addAndGet|getAndAdd|accumulateAndGet|getAndAccumulate|updateAndGet"
            + "|getAndUpdate|increment|decrement|add)\\s*\\(");
    private static final Pattern LOCKED = Pattern.compile(
            "\\.(?:R?Lock|TryLock|lock|lockInterruptibly)\\s*\\(\\s*\\)|\\bsynchronized\\b|\\bLocked\\s*\\(");
    /** A deleted statement that was one call ({@code recordOp(e.Op)}, {@code s.incr()}, {@code atomic.Add...}). */
    private static final Pattern CALL_STATEMENT = Pattern.compile("^\\s*[A-Za-z_][\\w.]*\\s*\\(.*\\)\\s*;?\\s*$");
    /** A deleted line worth reading as the synchronised update a write replaced (cheap test before any pattern). */
    private static final Pattern REPLACED_HINT = Pattern.compile(
            "(?i)atomic|\\.(?:add|store|swap|inc|bump|record|count|decrement)|andget|getand");
    /** A deleted call that updated something shared: an increment, record or add helper, an atomic, a lock. */
    private static final Pattern UPDATE_CALL = Pattern.compile(
            "(?i)^\\s*(?:[\\w.]*\\.)?\\w*(?:inc|add|record|count|bump|track|observe|mark|atomic|lock)\\w*\\s*\\(");
    private static final Pattern HELPER_NAME = Pattern.compile("(?i)^(?:inc|incr|increment|add|bump|record|count)\\w*");

    private SharedCounterWrites() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language language = file.language();
        if (language != Language.GO && language != Language.JAVA || file.change().hunks().isEmpty()
                || file.path().endsWith("_test.go") || file.path().contains("/test/")) {
            return List.of();
        }
        boolean go = language == Language.GO;
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            boolean replacing = false; // a deleted line that could be an atomic update or an increment helper
            boolean hinted = go && ConcurrentRoles.hinted(h);
            for (DiffLine d : lines) {
                replacing |= d.kind() == DiffLine.Kind.REMOVED && REPLACED_HINT.matcher(d.text()).find();
            }
            if (!replacing && !hinted) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || !(l.text().contains("+") || l.text().contains("-")
                        || go && l.text().contains("="))) {
                    continue;
                }
                Matcher m = (go ? GO_WRITE : JAVA_WRITE).matcher(l.text());
                if (!m.find()) {
                    continue;
                }
                String target = go || m.group(1) != null ? m.group(1) : m.group(4);
                String op = go || m.group(2) != null ? m.group(2) : m.group(3);
                String root = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
                if (reported.contains(root) || op.equals("=") && !replacing) {
                    continue;
                }
                Evidence e = replacing ? replacedAtomic(lines, i, target, go, op) : null;
                if (e == null && hinted && !op.equals("=")) {
                    e = ConcurrentRoles.role(h, i, root, target.contains("."));
                }
                if (e == null || locked(lines, i)) {
                    continue;
                }
                reported.add(root);
                Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "`" + target + "` " + (op.equals("=") ? "is stored" : "is updated") + " with a plain "
                                + "read-modify-write, but " + e.why() + ": two at once lose updates" + (go ? " (and Go's race "
                                + "detector reports it)" : "") + ". Use an atomic (" + (go ? "atomic.AddInt64 or an atomic.Int64 "
                                + "field" : "AtomicLong, LongAdder") + ") or take the lock that guards the value.",
                        e.high() ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                        e.high() ? null : "the review sees the role of the code, not the callers that share it",
                        "kb", null));
            }
        }
        return out;
    }

    /** Why the write is shared, and how sure the review is. */
    record Evidence(String why, boolean high) {
    }

    /**
     * A deleted atomic operation on the same target near the added write, or (low) a deleted increment helper called
     * on the same root whose name names the field (its singular for a plural field, {@code stats.recordUnlock(id)} for
     * {@code stats.unlocks[id]++}; an element of a map or slice field counts as the field).
     */
    private static Evidence replacedAtomic(List<DiffLine> lines, int added, String target, boolean go, String op) {
        String t = Pattern.quote(target);
        Pattern atomic = go
                ? Pattern.compile("\\batomic\\.(?:Add|Store|Swap|CompareAndSwap|And|Or)\\w*\\(\\s*&\\s*\\(?\\s*" + t
                        + "\\s*\\)?\\s*,|(?<![\\w.])" + t + "\\s*\\.\\s*(?:Add|Store|Swap|CompareAndSwap)\\s*\\(")
                : Pattern.compile("(?<![\\w.])(?:this\\.)?" + t + JAVA_ATOMIC_CALL.pattern());
        int dot = target.lastIndexOf('.');
        String field = dot < 0 ? null : target.substring(dot + 1).replace("_", "").toLowerCase();
        if (field != null && field.length() > 3 && field.endsWith("s")) {
            field = field.substring(0, field.length() - 1); // a map or list of counts named in the plural: unlocks
        }
        String root = dot < 0 ? null : target.substring(0, dot);
        for (int j = Math.max(0, added - 8); j < Math.min(lines.size(), added + 8); j++) {
            DiffLine d = lines.get(j);
            if (d.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            String text = d.text();
            if (!sameFunction(lines, j, added, go)) {
                continue; // a deleted function's update beside a new function's write (generated code, a rewrite)
            }
            Matcher a = atomic.matcher(text);
            if (a.find() && (go ? !op.equals("=") || text.contains("Store") || text.contains("Swap")
                    : !op.equals("="))) {
                return new Evidence("the change replaces an atomic update of the same value with it", true);
            }
            if (go && root != null && !op.equals("=") && CALL_STATEMENT.matcher(text).find()) {
                Matcher helper = Pattern.compile("^\\s*" + Pattern.quote(root) + "\\.(\\w+)\\s*\\(").matcher(text);
                if (helper.find() && (helper.group(1).replace("_", "").toLowerCase().contains(field)
                        && HELPER_NAME.matcher(helper.group(1)).find())) {
                    return new Evidence("the change replaces `" + text.strip() + "`, the helper that updates it, "
                            + "with it", false);
                }
            }
        }
        return null;
    }

    /**
     * The deleted line (old side) and the added line (new side) stand in the same function: the first function header
     * above each on its own side of the hunk is the same line, or neither side shows one.
     */
    private static boolean sameFunction(List<DiffLine> lines, int removed, int added, boolean go) {
        return Objects.equals(headerAbove(lines, removed, DiffLine.Kind.ADDED, go),
                headerAbove(lines, added, DiffLine.Kind.REMOVED, go));
    }

    private static String headerAbove(List<DiffLine> lines, int from, DiffLine.Kind otherSide, boolean go) {
        for (int j = from - 1; j >= 0; j--) {
            DiffLine d = lines.get(j);
            if (d.kind() != otherSide && (go ? d.text().startsWith("func ") || d.text().startsWith("func(")
                    : RemovedReleases.HEADER.matcher(d.text()).find())) {
                return d.text().strip();
            }
        }
        return null;
    }

    /** The function around the write, as the hunk shows it above, takes a lock or is synchronized. */
    private static boolean locked(List<DiffLine> lines, int at) {
        for (int j = at; j >= 0; j--) {
            DiffLine d = lines.get(j);
            if (d.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (LOCKED.matcher(d.text()).find()) {
                return true;
            }
            if (RemovedReleases.HEADER.matcher(d.text()).find() && !d.text().contains("func(")) {
                return false;
            }
        }
        for (int j = at + 1; j < lines.size() && j <= at + 3; j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && LOCKED.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A deleted update call of the hunk next to the write, which the write replaces (within three lines). */
    static boolean replacesCall(List<DiffLine> lines, int added) {
        for (int j = Math.max(0, added - 3); j < Math.min(lines.size(), added + 3); j++) {
            DiffLine d = lines.get(j);
            if (d.kind() == DiffLine.Kind.REMOVED && CALL_STATEMENT.matcher(d.text()).find()
                    && UPDATE_CALL.matcher(d.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
