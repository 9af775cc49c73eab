package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.RemovedGuards;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 53 (conc53), CONC-03: a write of state a mutex guards that the change leaves outside the mutex's exclusive
 * hold while the lock calls around it stay in the code. Three forms, each read from the change itself:
 * <ul>
 * <li><b>a write under a read lock</b> ({@code write-under-read-lock}): between {@code c.mu.RLock()} and its
 * {@code RUnlock()} (or to the function's end after {@code defer c.mu.RUnlock()}) a statement assigns a field of the
 * lock's owner ({@code c.hits++}, {@code c.items[k] = v}, {@code delete(c.items, k)}, {@code c.list = append(...)}) or a
 * field of an entry the section read out of the owner's map ({@code e := c.items[k]} then {@code e.lastUsed = now}).
 * Readers hold a read lock together, so two of them write at once. Reported when the write or the {@code RLock} line
 * is added (a {@code Lock()} made an {@code RLock()}, or a write added in a lookup).</li>
 * <li><b>a write moved past the unlock</b> ({@code write-moved-past-unlock}): the change deletes a write of the owner's
 * field that sat before {@code c.mu.Unlock()} and adds the same statement after it (Java: a {@code lock.unlock()}):
 * round 104's ttlcache counts its hits after the unlock.</li>
 * <li><b>a pointer receiver made a value receiver</b> ({@code mutex-receiver-made-value}): {@code func (s *Store) M(}
 * becomes {@code func (s Store) M(} and the method locks {@code s.mu}: each call locks its own copy of the mutex.</li>
 * </ul>
 * Not reported: a section that also takes an exclusive {@code Lock()} (a second mutex guards the write), a write of a
 * local or of a name declared in the section ({@code :=}), calls (an atomic's {@code Add}, a {@code sync.Map}'s
 * {@code Store}), a moved write with a lock taken again between the unlock and it, added text that says the code is
 * confined to one goroutine, tests.
 */
final class ReadLockWrites {

    static final String UNDER_READ_LOCK = "write-under-read-lock";
    static final String MOVED_PAST_UNLOCK = "write-moved-past-unlock";
    static final String VALUE_RECEIVER = "mutex-receiver-made-value";

    /** {@code owner.mu.RLock()} or {@code owner.RLock()}: group 1 defer, group 2 the lock's path. */
    private static final Pattern RLOCK = Pattern.compile("^\\s*(defer\\s+)?([\\w.]+)\\.RLock\\(\\)\\s*(?://.*)?$");
    private static final Pattern EXCLUSIVE = Pattern.compile("\\.Lock\\(\\)");
    private static final Pattern FUNC = Pattern.compile("^func\\b");
    /** A write statement: group 1 the written path (its index stripped). */
    private static final Pattern GO_WRITE = Pattern.compile(
            "^\\s*([A-Za-z_]\\w*(?:\\.\\w+)+)(?:\\[[^\\]\\n]*\\])?\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)");
    private static final Pattern GO_DELETE = Pattern.compile("^\\s*delete\\(\\s*([A-Za-z_]\\w*(?:\\.\\w+)+)\\s*,");
    /** {@code e, ok := c.items[k]} / {@code e := c.items[k]}: group 1 the local, group 2 the map's path. */
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*(\\w+)(?:\\s*,\\s*\\w+)?\\s*:?=\\s*([A-Za-z_]\\w*(?:\\.\\w+)+)\\[[^\\]\\n]+\\]\\s*$");
    private static final Pattern UNLOCK = Pattern.compile("^\\s*([\\w.]+)\\.(?:R?Unlock|unlock)\\(\\)\\s*;?\\s*(?://.*)?$");
    /** A Java write of state: a {@code this.} field assigned, a counter bumped, a collection mutated. */
    private static final Pattern JAVA_WRITE = Pattern.compile(
            "^\\s*this\\.\\w+\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|^\\s*(?:this\\.)?[a-z_]\\w*\\s*(?:\\+\\+|--|[-+]=)"
                    + "|^\\s*(?:\\+\\+|--)(?:this\\.)?[a-z_]\\w*\\s*;"
                    + "|^\\s*(?:this\\.)?[a-z_]\\w*\\.(?:put|putIfAbsent|add|addAll|remove|offer|push|clear)\\(");
    private static final Pattern POINTER_RECV = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*(\\w+)\\s*\\)\\s*(\\w+)\\(");
    private static final Pattern VALUE_RECV = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+(\\w+)\\s*\\)\\s*(\\w+)\\(");

    private ReadLockWrites() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)) {
            return List.of();
        }
        if (RemovedGuards.CONFINED.matcher(file.addedText().text()).find()) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            if (go) {
                underReadLock(file, h, severity, out);
                valueReceiver(file, h, severity, out);
            }
            movedPastUnlock(file, h, go, severity, out);
        }
        return out;
    }

    private static void underReadLock(SourceFile file, Hunk h, Severity severity, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int i = 0; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            Matcher r = l.kind() == DiffLine.Kind.REMOVED ? null : RLOCK.matcher(l.text());
            if (r == null || !r.find()) {
                continue;
            }
            boolean deferred = r.group(1) != null;
            String lock = r.group(2);
            int dot = lock.lastIndexOf('.');
            String owner = dot < 0 ? null : lock.substring(0, dot);
            if (owner == null) {
                continue;
            }
            boolean lockAdded = l.kind() == DiffLine.Kind.ADDED;
            int lockIndent = RemovedReleases.indent(l.text());
            boolean deferredRelease = deferred;
            Set<String> entries = new HashSet<>();
            List<DiffLine> writes = new ArrayList<>();
            boolean exclusive = false;
            for (int j = i + 1; j < lines.size(); j++) {
                DiffLine x = lines.get(j);
                if (x.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                String t = x.text();
                if (FUNC.matcher(t).find() || t.startsWith("}")) {
                    break;
                }
                if (t.strip().startsWith("}") && RemovedReleases.indent(t) < lockIndent) {
                    // the block that took the lock ends here (a func literal's GetCertificate callback: its deferred
                    // RUnlock releases at the literal's end, not the enclosing function's; precision set 17)
                    break;
                }
                if (t.matches("^\\s*defer\\s+" + Pattern.quote(lock) + "\\.RUnlock\\(\\)\\s*$")) {
                    deferredRelease = true;
                    continue;
                }
                if (!deferredRelease && t.matches("^\\s*" + Pattern.quote(lock) + "\\.RUnlock\\(\\)\\s*$")) {
                    break;
                }
                if (EXCLUSIVE.matcher(t).find() || t.contains(".Do(")) {
                    exclusive = true;
                    break;
                }
                Matcher e = ENTRY.matcher(t);
                if (e.find() && e.group(2).startsWith(owner + ".")) {
                    entries.add(e.group(1));
                    continue;
                }
                String written = written(t);
                if (written == null) {
                    continue;
                }
                String root = written.substring(0, written.indexOf('.'));
                boolean ownerField = written.startsWith(owner + ".") && !written.equals(lock)
                        && !written.startsWith(lock + ".");
                if ((ownerField || entries.contains(root)) && (lockAdded || x.kind() == DiffLine.Kind.ADDED)) {
                    writes.add(x);
                }
            }
            if (exclusive || writes.isEmpty()) {
                continue;
            }
            // a Lock() made an RLock() around a map write is RemovedLocks' finding already: name that line, once
            DiffLine at = writes.stream().filter(w -> w.text().matches("^\\s*(?:delete\\(\\s*" + Pattern.quote(owner)
                    + "\\.\\w+\\s*,|" + Pattern.quote(owner) + "\\.\\w+\\[).*")).findFirst().orElse(writes.get(0));
            out.add(new Finding(UNDER_READ_LOCK, "CONC-03", severity, file.path(), at.newLine(), 1,
                    at.text().strip(), "This write happens under `" + lock + ".RLock()`: a read lock is shared by "
                            + "every reader, so two goroutines in this section write at once (a data race; on a "
                            + "map, a crash). Take `" + lock + ".Lock()` for the write, or make the value atomic.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
    }

    /** The path a Go statement writes ({@code c.items} of {@code c.items[k] = v}), or null. */
    private static String written(String t) {
        if (t.contains(":=")) {
            return null;
        }
        Matcher w = GO_WRITE.matcher(t);
        if (w.find()) {
            return w.group(1);
        }
        Matcher d = GO_DELETE.matcher(t);
        return d.find() ? d.group(1) : null;
    }

    private static void movedPastUnlock(SourceFile file, Hunk h, boolean go, Severity severity, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int u = 0; u < lines.size(); u++) {
            DiffLine ul = lines.get(u);
            Matcher um = ul.kind() == DiffLine.Kind.REMOVED ? null : UNLOCK.matcher(ul.text());
            if (um == null || !um.find() || go == ul.text().contains(".unlock()")) {
                continue;
            }
            String lock = um.group(1);
            int dot = lock.lastIndexOf('.');
            String owner = go ? (dot < 0 ? null : lock.substring(0, dot)) : null;
            if (go && owner == null) {
                continue;
            }
            // the deleted writes above the unlock, back to the lock
            Set<String> deleted = new HashSet<>();
            for (int j = u - 1; j >= 0; j--) {
                DiffLine x = lines.get(j);
                if (x.kind() != DiffLine.Kind.REMOVED && x.text().matches(".*\\.(?:R?Lock|lock)\\(\\).*")) {
                    break;
                }
                if (x.kind() == DiffLine.Kind.REMOVED && isWrite(x.text(), go, owner)) {
                    deleted.add(x.text().strip());
                }
            }
            if (deleted.isEmpty()) {
                continue;
            }
            for (int j = u + 1; j < lines.size(); j++) {
                DiffLine x = lines.get(j);
                if (x.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                String t = x.text();
                if (t.matches(".*\\.(?:R?Lock|lock)\\(\\).*") || (go ? FUNC.matcher(t).find() || t.startsWith("}")
                        : t.matches("^\\s*(?:public|private|protected)\\s.*\\(.*"))) {
                    break;
                }
                if (x.kind() == DiffLine.Kind.ADDED && deleted.contains(t.strip())) {
                    out.add(new Finding(MOVED_PAST_UNLOCK, "CONC-03", severity, file.path(), x.newLine(), 1,
                            t.strip(), "The change moves this write from inside the lock to after `" + lock
                                    + (go ? ".Unlock()" : ".unlock()") + "`: it now runs with no lock held while "
                                    + "other callers read and write the same state under it. Keep it before the "
                                    + "unlock (or make the value atomic).",
                            Finding.Confidence.HIGH, null, "kb", null));
                    return;
                }
            }
        }
    }

    private static boolean isWrite(String t, boolean go, String owner) {
        if (go) {
            String w = written(t);
            return w != null && w.startsWith(owner + ".");
        }
        return JAVA_WRITE.matcher(t).find();
    }

    private static void valueReceiver(SourceFile file, Hunk h, Severity severity, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        Set<String> pointer = new HashSet<>();
        for (DiffLine l : lines) {
            Matcher p = l.kind() == DiffLine.Kind.REMOVED ? POINTER_RECV.matcher(l.text()) : null;
            if (p != null && p.find()) {
                pointer.add(p.group(2) + "." + p.group(3));
            }
        }
        if (pointer.isEmpty()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            Matcher v = l.kind() == DiffLine.Kind.ADDED ? VALUE_RECV.matcher(l.text()) : null;
            if (v == null || !v.find() || !pointer.contains(v.group(2) + "." + v.group(3))) {
                continue;
            }
            String recv = v.group(1);
            Pattern locks = Pattern.compile("^\\s*(?:defer\\s+)?" + Pattern.quote(recv) + "(?:\\.\\w+)?\\.R?Lock\\(\\)");
            boolean locked = false;
            for (int j = i + 1; j < lines.size(); j++) {
                DiffLine x = lines.get(j);
                if (x.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (FUNC.matcher(x.text()).find() || x.text().startsWith("}")) {
                    break;
                }
                if (locks.matcher(x.text()).find()) {
                    locked = true;
                    continue;
                }
                String w = written(x.text());
                // the rounds name the write the copied lock fails to guard (round 17's libaudit), so does this
                if (locked && w != null && w.startsWith(recv + ".")) {
                    out.add(new Finding(VALUE_RECEIVER, "CONC-03", severity, file.path(), x.newLine(), 1,
                            x.text().strip(), "The change makes this method's receiver a value (`" + l.text().strip()
                                    + "`): each call copies the struct with its mutex, so the lock taken here is a "
                                    + "copy's and this write of shared state is guarded by nothing the other methods "
                                    + "hold (go vet's copylocks). Keep the pointer receiver.",
                            Finding.Confidence.HIGH, null, "kb", null));
                    break;
                }
            }
        }
    }
}
