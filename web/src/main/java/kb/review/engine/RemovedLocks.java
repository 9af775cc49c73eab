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
 * A Go change that deletes the lock a method took ({@code hm.Lock()}, {@code s.mu.Lock()}) and keeps the map writes it
 * guarded: {@code hm.hosts[ip] = h} of a field of the same value, below the deleted lock in the same function. The
 * lock was the code's own statement that goroutines share that map; CONC-03 says a plain map written from several
 * goroutines without a mutex is a crash ("concurrent map writes"). Reported at the first such write, at low
 * confidence (the review follows the deleted lock, not the callers). The same holds for a package-level map or slice
 * written below the deleted lock ({@code hits[k]++}, {@code delete(m, k)}, {@code s = append(s, v)}; see
 * {@link RemovedLockScope}), whether the lock was a package-level mutex or a field. Silent when the change takes a lock of the same
 * value anywhere in the file (moved, or a finer lock), and when no write of a field of that value follows.
 */
final class RemovedLocks {

    static final String RULE = "map-lock-removed";

    /** A deleted write lock; group 1 the value that owns it (the receiver for an embedded mutex). */
    private static final Pattern LOCK = Pattern.compile("^\\s*(\\w+)(?:\\.\\w+)*\\.Lock\\(\\)\\s*$");
    private static final Pattern HELD_BY_CALLER = Pattern.compile(
            "\\w+Locked\\s*\\(|(?i)\\b(?:caller|callers)\\s+(?:must\\s+)?(?:hold|holds|lock)\\b|lock\\s+(?:is\\s+)?held");
    private static final Pattern FUNCTION_END = Pattern.compile("^(?:}|func\\b)");

    private RemovedLocks() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = LOCK.matcher(removed.line().text());
            if (!m.find()) {
                continue;
            }
            String owner = Pattern.quote(m.group(1));
            // a finer lock counts too: one per element of a field (`d.shards[i].mu.Lock()`) that the change adds
            Pattern relock = Pattern.compile("^\\s*" + owner + "(?:\\.\\w+|\\[[^\\]\\n]*\\])*\\.Lock\\(\\)");
            boolean relocked = file.change().hunks().stream().flatMap(h -> h.lines().stream())
                    .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && relock.matcher(l.text()).find());
            // the lock moved to the callers: the method is renamed for it (`addRemoteLocked`) or says so
            boolean callerHolds = file.change().hunks().stream().anyMatch(h -> HELD_BY_CALLER.matcher(h.section())
                    .find() || h.lines().stream().anyMatch(l -> l.kind() != DiffLine.Kind.REMOVED
                    && HELD_BY_CALLER.matcher(l.text()).find()));
            if (relocked || callerHolds) {
                continue;
            }
            Pattern write = Pattern.compile("^\\s*" + owner + "(?:\\.\\w+)+\\[[^\\]]+\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)"
                    + "|^\\s*delete\\(\\s*" + owner + "(?:\\.\\w+)+\\s*,|^\\s*(" + owner
                    + "(?:\\.\\w+)+)\\s*=\\s*append\\(\\s*\\1\\s*,");
            List<DiffLine> lines = removed.lines();
            RemovedLockScope scope = RemovedLockScope.of(file, removed);
            Pattern held = HeldLocks.of(owner);
            for (int j = removed.index() + 1; j < lines.size(); j++) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (FUNCTION_END.matcher(l.text()).find()) {
                    break;
                }
                if (write.matcher(l.text()).find() || scope.writesShared(lines, j)) {
                    if (HeldLocks.heldAt(file, l.newLine(), held)) {
                        continue; // the surviving function still locks around this write
                    }
                    Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "The change deletes the lock that guarded this map write: goroutines that call this "
                                    + "method at once now write the plain map together, and concurrent map writes "
                                    + "crash the process. Keep the lock around the write.",
                            Finding.Confidence.LOW, "the review follows the deleted lock, not the callers", "kb",
                            null));
                    break;
                }
            }
        }
        return out;
    }
}
