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
 * goroutines without a mutex is a crash ("concurrent map writes"). Reported at the first such write: at high
 * confidence when the diff shows where goroutines meet (the function is a loop, a watch or a handler by its name, or
 * another function in sight still takes the same mutex; see {@link #confidence}), at low confidence otherwise (the
 * review follows the deleted lock, not the callers). The same holds for a package-level map or slice
 * written below the deleted lock ({@code hits[k]++}, {@code delete(m, k)}, {@code s = append(s, v)}; see
 * {@link RemovedLockScope}), whether the lock was a package-level mutex or a field. Silent when the change takes a lock of the same
 * value anywhere in the file (moved, or a finer lock), and when no write of a field of that value follows.
 *
 * <p>A deleted lock (or read lock) whose unlock is deleted with it, the lines it guarded kept, is reported too at the
 * first kept line it guarded (rule {@code lock-removed}, see {@link #guardedStatement}), with the same confidence:
 * a socket written by one writer at a time, a package map ranged while handlers register into it (round 23's go-05
 * and go-07). Session 54: only a lock of the same mutex that the change adds counts as the lock moved; a kept one
 * counts when it still covers the statement (round 123's session store: the read section's lock pair deleted, the
 * function's later write section keeps its own lock).
 */
final class RemovedLocks {

    static final String RULE = "map-lock-removed";
    static final String GUARD_RULE = "lock-removed";

    /** A deleted write lock; group 1 the value that owns it (the receiver for an embedded mutex). */
    private static final Pattern LOCK = Pattern.compile("^\\s*(\\w+)(?:\\.\\w+)*\\.Lock\\(\\)\\s*$");
    static final Pattern HELD_BY_CALLER = Pattern.compile(
            "\\w+Locked\\s*\\(|(?i)\\b(?:caller|callers)\\s+(?:must\\s+)?(?:hold|holds|lock)\\b|lock\\s+(?:is\\s+)?held");
    private static final Pattern FUNCTION_END = Pattern.compile("^(?:}|func\\b)");

    private RemovedLocks() {
    }

    /**
     * The findings of {@code file}; {@code added} holds the change's added lines in every file (a lock added anywhere,
     * see below), and {@code change} its files (a mutex declaration deleted in another file of the type).
     */
    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines added, List<SourceFile> change) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = LOCK.matcher(removed.line().text());
            if (!m.find()) {
                Matcher read = ANY_LOCK.matcher(removed.line().text());
                Finding f = read.find() ? guardedStatement(file, catalog, removed, read.group(1).split("\\.")[0], added,
                        change)
                        : null;
                if (f != null) {
                    out.add(f); // a read lock: what it guarded is read, not written, so only the kept statement counts
                }
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
            // (session 36) the change says the type is now confined to one goroutine ("not safe for concurrent use")
            boolean confined = kb.review.analysis.RemovedGuards.CONFINED.matcher(file.addedText().text()).find();
            if (relocked || callerHolds || confined) {
                continue;
            }
            Pattern write = Pattern.compile("^\\s*" + owner + "(?:\\.\\w+)+\\[[^\\]]+\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)"
                    + "|^\\s*delete\\(\\s*" + owner + "(?:\\.\\w+)+\\s*,|^\\s*(" + owner
                    + "(?:\\.\\w+)+)\\s*=\\s*append\\(\\s*\\1\\s*,");
            List<DiffLine> lines = removed.lines();
            RemovedLockScope scope = RemovedLockScope.of(file, removed);
            Pattern held = HeldLocks.of(owner);
            boolean reported = false;
            for (int j = removed.index() + 1; j < lines.size(); j++) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (FUNCTION_END.matcher(l.text()).find()) {
                    break;
                }
                if (write.matcher(l.text()).find() || scope.writesShared(lines, j)) {
                    if (HeldLocks.heldAt(file, l.newLine(), held) || HeldLocks.heldAt(file, l.newLine(), HELD_ANY)) {
                        continue; // the surviving function still locks around this write (its mutex maybe renamed)
                    }
                    Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "The change deletes the lock that guarded this map write: goroutines that call this "
                                    + "method at once now write the plain map together, and concurrent map writes "
                                    + "crash the process. Keep the lock around the write.",
                            confidence(file, removed, removed.line().text().strip()
                                    .replaceFirst("\\.Lock\\(\\)$", "")), "the review follows the deleted lock, not the "
                                    + "callers", "kb", null));
                    reported = true;
                    break;
                }
            }
            if (!reported) {
                Finding f = guardedStatement(file, catalog, removed, m.group(1), added, change);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** A lock of any mutex the new code takes and has not released above a write (see {@link HeldLocks}). */
    private static final Pattern HELD_ANY = HeldLocks.of("[\\p{L}_]\\w*");

    /** A function named for a loop a goroutine runs, or for serving requests: {@code readLoop}, {@code handleConn}. */
    private static final Pattern CONCURRENT_NAME = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(?:(?:loop|handle|serve"
            + "|worker|pump|watch|consume|poll|listen)\\w*|on[A-Z]\\w*"
            + "|\\w*(?:Loop|Handle|Serve|Worker|Pump|Watch|Consume|Poll|Listen)\\w*)"
            + "\\s*\\(|\\bhttp\\.ResponseWriter\\b");

    /**
     * High when the evidence that goroutines meet at the deleted lock is in sight: the function it was deleted from is
     * named for a goroutine's loop or for serving requests (or takes an {@code http.ResponseWriter}), or another function
     * the file shows still takes the same mutex ({@code cs.mu.Lock()} in a sibling method). Low otherwise: then the
     * review follows the deleted lock alone.
     */
    private static Finding.Confidence confidence(SourceFile file, RemovedLine removed, String mutex) {
        List<DiffLine> lines = removed.lines();
        String header = removed.hunk().section();
        int pos = 0;
        for (int j = removed.index(); j >= 0 && pos == 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                pos = l.newLine();
            }
        }
        for (int j = removed.index(); j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && lines.get(j).text().startsWith("func ")) {
                header = lines.get(j).text();
                break;
            }
        }
        if (header != null && CONCURRENT_NAME.matcher(header.strip()).find()
                || RemovedLockScope.onGoroutine(lines, removed.index())) {
            return Finding.Confidence.HIGH; // or deleted inside a goroutine's body (conc31): goroutines meet there
        }
        int dot = mutex.indexOf('.');
        if (dot < 0 || pos == 0) {
            return Finding.Confidence.LOW; // a package mutex or an embedded one: its users are not told apart here
        }
        Pattern same = Pattern.compile("(?<![\\w.])\\w+" + Pattern.quote(mutex.substring(dot)) + "\\.R?Lock\\(\\)");
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n) && same.matcher(file.line(n)).find() && functionBetween(file, Math.min(n, pos),
                    Math.max(n, pos))) {
                return Finding.Confidence.HIGH; // another function of the file still takes the same mutex
            }
        }
        return Finding.Confidence.LOW;
    }

    /** A method's receiver name: {@code func (r *appsRepository) FindByName(}, group 1. */
    private static final Pattern RECEIVER = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*?[\\w.\\[\\]]+\\s*\\)");

    /**
     * The receiver of the method the deleted line belongs to: from its signature in the hunk above the line, or from
     * the hunk's header when the signature is above the hunk; null for a plain function or when neither is in sight.
     */
    static String receiver(RemovedLine removed) {
        List<DiffLine> lines = removed.lines();
        for (int j = removed.index() - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (l.text().startsWith("func")) {
                Matcher m = RECEIVER.matcher(l.text());
                return m.find() ? m.group(1) : null;
            }
            if (l.text().startsWith("}")) {
                return null;
            }
        }
        String header = removed.hunk().section();
        Matcher m = header == null ? null : RECEIVER.matcher(header.strip());
        return m != null && m.find() ? m.group(1) : null;
    }

    /**
     * Whether line {@code at} of the new file sits below a kept {@code lock} line of the same mutex in its function
     * with no unlock between (session 54: a kept lock elsewhere in the function, such as the write section that follows
     * a deleted read section, no longer counts as the lock moved; only one that still covers the statement does).
     */
    private static boolean heldAt(SourceFile file, int at, Pattern lock) {
        for (int k = at - 1; k >= 1 && file.known(k); k--) {
            String line = file.line(k);
            if (line.startsWith("func") || line.startsWith("}")) {
                return false;
            }
            if (lock.matcher(line).find()) {
                return true;
            }
            if (line.contains("Unlock()") && !line.strip().startsWith("defer")) {
                return false;
            }
        }
        return false;
    }

    /** Whether a function starts, in the file's known text, after line {@code from} and at or before {@code to}. */
    private static boolean functionBetween(SourceFile file, int from, int to) {
        for (int n = from + 1; n <= to; n++) {
            if (file.known(n) && file.line(n).startsWith("func ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deleted lock or read lock, the mutex's expression in group 1 ({@code c.writeMu}, {@code wsClientsMu}, and
     * (session 52, guard52) one element of a striped lock: {@code c.locks[i]}, {@code s.shards[k].mu}, whose holder
     * guards the segment of the same index).
     */
    private static final Pattern ANY_LOCK = Pattern.compile(
            "^\\s*([\\w.]+(?:\\[[\\w.]+\\](?:\\.\\w+)*)?)\\.R?Lock\\(\\)\\s*(?://.*)?$");
    /** Lines that are no statement the lock guarded: a closing brace, a blank return, a comment. */
    private static final Pattern NOT_GUARDED = Pattern.compile("^\\s*(?:}\\s*|return\\s*(?:nil|err|false|true)?\\s*|//.*)?$");
    /** The end of a Go function or of a declaration of the file's top level, deleted or not. */
    private static final Pattern DECLARATION_END = Pattern.compile("^(?:}|func\\b|type\\b|var\\b|const\\b)");
    /** A lock taken: any mutex, any receiver. */
    private static final Pattern ADDED_LOCK = Pattern.compile("\\.R?Lock\\(\\)");
    /** Another way of sharing that the change may have put in the lock's place. */
    private static final Pattern OTHER_SYNC = Pattern.compile("\\batomic\\.|sync\\.Map\\b|\\.(?:Load|Store|CompareAndSwap|Add)\\(");

    /**
     * A deleted lock whose unlock is deleted with it ({@code c.writeMu.Lock(); defer c.writeMu.Unlock()}, or the
     * {@code Unlock()} after the guarded lines), the lines it guarded kept: the first kept statement it guarded that
     * uses a field of the lock's owner ({@code return c.conn.WriteMessage(t, data)} under {@code c.writeMu}), or, for a
     * package mutex, the variable it is named for ({@code for id, c := range wsClients} under {@code wsClientsMu}). The lock
     * was the code's own word that goroutines share what it guards (a socket's one writer, a map ranged while others
     * register); without it the kept lines race them. Confidence as for the map writes above. Silent when the
     * change takes any lock anywhere (the locking moved: into a helper, into another file's method), deletes the mutex
     * itself (the type shares its state some other way), says its callers hold the lock, or brings in atomics or a
     * sync.Map; and when the kept line only calls a method of the owner, which may lock for itself.
     */
    private static Finding guardedStatement(SourceFile file, Catalog catalog, RemovedLine removed, String owner,
                                            AddedLines added, List<SourceFile> change) {
        Matcher any = ANY_LOCK.matcher(removed.line().text());
        if (!any.find()) {
            return null;
        }
        String mutex = any.group(1);
        Pattern unlock = Pattern.compile("^\\s*(defer\\s+)?" + Pattern.quote(mutex) + "\\.R?Unlock\\(\\)\\s*(?://.*)?$");
        Pattern relock = Pattern.compile("^\\s*(?:defer\\s+)?" + Pattern.quote(mutex) + "\\.R?Lock\\(\\)");
        if (file.change().hunks().stream().flatMap(h -> h.lines().stream()).anyMatch(l ->
                l.kind() == DiffLine.Kind.ADDED && relock.matcher(l.text()).find())) {
            return null; // the change takes the lock again somewhere of the file: moved, not deleted
        }
        if (HELD_BY_CALLER.matcher(removed.hunk().section()).find()) {
            return null;
        }
        if (added.anyFinds(ADDED_LOCK)) {
            return null; // the change takes a lock somewhere: the locking moved (into a helper, another file's method)
        }
        String name = mutex.substring(mutex.lastIndexOf('.') + 1);
        Pattern declared = Pattern.compile("^\\s*(?:var\\s+)?" + Pattern.quote(name) + "\\s+\\*?sync\\.(?:RW)?Mutex\\b");
        if (change.stream().flatMap(f -> f.change().hunks().stream()).flatMap(h -> h.lines().stream()).anyMatch(l ->
                l.kind() == DiffLine.Kind.REMOVED && declared.matcher(l.text()).find())) {
            return null; // the mutex itself is deleted: the type shares its state some other way now
        }
        List<DiffLine> lines = removed.lines();
        // a bare name that is the method's receiver is a mutex the type embeds (`r.RLock()`): it guards the
        // receiver's fields, as `r.mu` would (session 32), not a package variable named after it
        boolean packageMutex = !mutex.contains(".") && !mutex.equals(receiver(removed));
        int end = -1;
        boolean deferred = false;
        for (int j = removed.index() + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (DECLARATION_END.matcher(l.text()).find()) {
                break;
            }
            Matcher u = unlock.matcher(l.text());
            if (u.find()) {
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    return null; // the unlock stays: the edit is not the lock's removal
                }
                deferred = u.group(1) != null;
                end = j;
                if (!deferred) {
                    break;
                }
            }
        }
        if (end < 0) {
            return null; // the deleted lock's unlock is not in sight
        }
        String base = mutex.replaceFirst("(?i)_?(?:mutex|mtx|mu|lock)$", "");
        Pattern guarded = base.isEmpty() || base.equals(mutex) ? null
                : Pattern.compile("(?<![\\w.])" + Pattern.quote(base) + "(?!\\w)");
        Pattern redeclared = Pattern.compile("(?<![\\w.])" + Pattern.quote(base) + "\\s*:=|\\bvar\\s+" + Pattern.quote(base) + "\\b");
        boolean local = lines.stream().anyMatch(x -> x.kind() != DiffLine.Kind.REMOVED && redeclared.matcher(x.text()).find());
        Pattern field = Pattern.compile("(?<![\\w.])" + Pattern.quote(owner) + "\\.\\w+(?!\\w|\\s*\\()");
        int from = deferred ? end + 1 : removed.index() + 1;
        int to = deferred ? lines.size() : end;
        if (!deferred && !packageMutex) {
            // the guarded lines deleted with the pair and written again just below it, outside any lock (session 32:
            // `c.RLock(); f, ok := c.frames[pc]; c.RUnlock()` becoming the bare read); a receiver's fields only, a
            // package map's replacement is often another kind of map (`seen.Delete(id)` on a sync.Map)
            while (to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.ADDED) {
                to++;
            }
            to++;
        }
        for (int j = from; j < to; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (DECLARATION_END.matcher(l.text()).find()) {
                break;
            }
            if (l.kind() == DiffLine.Kind.ADDED && (OTHER_SYNC.matcher(l.text()).find()
                    || HELD_BY_CALLER.matcher(l.text()).find())) {
                return null;
            }
            if (NOT_GUARDED.matcher(l.text()).matches()) {
                continue;
            }
            if (ANY_LOCK.matcher(l.text()).find()) {
                return null; // another lock taken here: the section is guarded some other way
            }
            // a package mutex guards the variable it is named for (wsClientsMu, wsClients), not declared anew here
            if (packageMutex && (guarded == null || local || !guarded.matcher(l.text()).find())) {
                continue;
            }
            // a field of the owner used (c.conn.WriteMessage, c.items[k]), not a method of the owner, which may lock
            if (!packageMutex && !field.matcher(l.text()).find()) {
                continue;
            }
            if (heldAt(file, l.newLine(), relock)) {
                return null; // a kept lock of the same mutex still covers the statement (session 54)
            }
            Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
            return new Finding(GUARD_RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                    "The change deletes the lock (and its unlock) around this statement: " + (packageMutex
                            || mutex.contains(".") ? mutex : "the mutex " + mutex + " embeds") + " was the "
                            + "code's own word that goroutines share what it guards, and other paths that still "
                            + "take it no longer exclude this one. Keep the lock, or say in the function's name or "
                            + "comment that its callers hold it.",
                    confidence(file, removed, mutex), "the review follows the deleted lock, not the callers", "kb",
                    null);
        }
        return null;
    }
}
