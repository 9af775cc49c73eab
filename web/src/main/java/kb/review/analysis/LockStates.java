package kb.review.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import kb.review.analysis.GoFuncs.Fn;
import kb.review.diff.SourceFile;

/**
 * Session 47 (conc47): which lines of a Go method run under a lock, read in the order of its lines, for
 * {@link GuardedFields}'s reading of a map written off the lock its own method takes: the cache that reads under
 * {@code RLock} and stores the loaded value after {@code RUnlock} (gookit/cache#116), the recorder that writes under a
 * deferred {@code RUnlock} (castai/k8s-agent#233), the sweeper that deletes after {@code Unlock}.
 *
 * <p>A lock holds to its unlock at the same depth or further out (an unlock inside a branch is the branch's early way
 * out); a deferred unlock holds the lock to the end, and says a lock is held even when a helper took it
 * ({@code entry := cm.lockRun(id); defer entry.mu.Unlock()}). Lines inside a func literal are not judged (the callee
 * may run them under its lock). A method is not read at all when the diff cuts it, when it takes a lock in a
 * condition ({@code TryLock}), or when it releases a lock it was not seen to take (a helper locked for it).
 */
final class LockStates {

    private static final int NONE = 0;
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int SKIP = -1;
    /** A lock or unlock statement: group 1 {@code defer} when deferred, group 2 the call. */
    private static final Pattern LOCK_CALL = Pattern.compile(
            "^\\s*(defer\\s+)?[\\w.]*\\.(R?Lock|R?Unlock)\\(\\)\\s*(?://.*)?$");
    /** A line that opens a func literal. */
    private static final Pattern FUNC_LITERAL = Pattern.compile("\\bfunc\\s*\\(");

    private LockStates() {
    }

    /**
     * The state of each line of {@code f} (index: line minus the head's line): NONE, READ, WRITE or SKIP; null when
     * the method is not read (see the class comment).
     */
    private static int[] of(SourceFile file, Fn f) {
        if (!f.whole() || !f.locks() || f.body().contains("TryLock") || f.body().contains("TryRLock")) {
            return null;
        }
        int[] out = new int[f.end() - f.start() + 1];
        int depth = 0;
        int lockDepth = -1; // depth of the lock held; -1 none
        boolean writeHeld = false;
        boolean pinned = false; // a deferred unlock: held to the end
        int literal = -1; // depth at which a func literal opened; -1 none
        for (int i = f.start() + 1; i < f.end(); i++) {
            String l = file.line(i);
            Matcher lock = literal < 0 ? LOCK_CALL.matcher(l) : null;
            if (lock != null && lock.find()) {
                boolean unlock = lock.group(2).contains("Unlock");
                boolean read = lock.group(2).startsWith("R");
                if (lock.group(1) != null) {
                    pinned = true;
                    lockDepth = lockDepth < 0 ? depth : lockDepth;
                    writeHeld |= !read;
                } else if (!unlock) {
                    lockDepth = lockDepth < 0 || depth <= lockDepth ? depth : lockDepth;
                    writeHeld |= !read;
                } else if (lockDepth < 0) {
                    return null; // released what a helper took: the lines above were under its lock
                } else if (!pinned && depth <= lockDepth) {
                    lockDepth = -1;
                    writeHeld = false;
                }
            }
            out[i - f.start()] = literal >= 0 ? SKIP : lockDepth < 0 ? NONE : writeHeld ? WRITE : READ;
            if (literal < 0 && FUNC_LITERAL.matcher(l).find() && GuardedNames.braces(l) > 0) {
                literal = depth;
            }
            depth += GuardedNames.braces(l);
            if (literal >= 0 && depth <= literal) {
                literal = -1;
            }
        }
        return out;
    }

    /** The map fields of each type that a method of it uses on a line where it holds a lock. */
    static Map<String, Set<String>> heldMaps(SourceFile file, List<Fn> fns) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Fn f : fns) {
            int[] states = f.recv() == null ? null : of(file, f);
            if (states == null) {
                continue;
            }
            Pattern use = Pattern.compile("(?<![\\w.])" + f.recv() + "\\.(\\w+)\\[|\\bdelete\\(\\s*" + f.recv()
                    + "\\.(\\w+)\\s*,|\\brange\\s+" + f.recv() + "\\.(\\w+)\\b");
            for (int i = 1; i < states.length; i++) {
                if (states[i] != READ && states[i] != WRITE) {
                    continue;
                }
                Matcher m = use.matcher(file.line(f.start() + i));
                while (m.find()) {
                    String field = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    out.computeIfAbsent(f.type(), k -> new HashSet<>()).add(field);
                }
            }
        }
        return out;
    }

    /** A map element written or deleted: group 1 (or 2) the map's path ({@code sh.items}, {@code CRLSet}). */
    private static final Pattern MAP_WRITE = Pattern.compile(
            "^\\s*((?:\\w+\\.)*\\w+)\\[[^\\n]*\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|\\bdelete\\(\\s*((?:\\w+\\.)*\\w+)\\s*,");

    /**
     * Session 49 (guard49): the first line of {@code f} that reads or writes a map off every lock while the same
     * function writes that map under its write lock: the get-or-create that looks the key up before it locks and
     * locks only the insert (google/adk-go#368, elastic/cloud-on-k8s#9193), the prune that reads before the lock
     * (temporalio/temporal#11352). The function's own lock says goroutines share the map, and a read during another
     * call's write is "concurrent map read and map write". The map is any path the function writes under the lock:
     * a receiver's field, a field of a value it looked up ({@code sh := s.shards[i]}), a package-level map; not one the
     * function makes itself. Judged only in a function the change touches; 0 when none.
     */
    static int offLockAccess(SourceFile file, Fn f) {
        int[] states = of(file, f);
        if (states == null || IntStream.rangeClosed(f.start(), f.end()).noneMatch(file::added)) {
            return 0;
        }
        Set<String> written = new HashSet<>();
        for (int i = 1; i < states.length; i++) {
            Matcher m = states[i] == WRITE ? MAP_WRITE.matcher(file.line(f.start() + i)) : null;
            if (m != null && m.find()) {
                String path = m.group(1) != null ? m.group(1) : m.group(2);
                if (!madeHere(path, f.body())) {
                    written.add(path);
                }
            }
        }
        if (written.isEmpty()) {
            return 0;
        }
        String names = String.join("|", written.stream().sorted().map(Pattern::quote).toList());
        Pattern use = Pattern.compile("(?<![\\w.])(?:" + names + ")\\[|\\brange\\s+(?:" + names + ")\\s*\\{"
                + "|\\bdelete\\(\\s*(?:" + names + ")\\s*,");
        for (int i = 1; i < states.length; i++) {
            if (states[i] == NONE && use.matcher(file.line(f.start() + i)).find()) {
                return f.start() + i;
            }
        }
        return 0;
    }

    /**
     * Whether the root of {@code path} is the function's own: a parameter or local that it makes ({@code m :=
     * map...}, {@code s := &shard{...}}, {@code var m}), which no other goroutine holds yet.
     */
    private static boolean madeHere(String path, String body) {
        String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return Pattern.compile("\\b" + root + "\\s*:?=\\s*(?:&|new\\(|make\\(|map\\[|\\[\\]|\\w+(?:\\.\\w+)?\\{)"
                + "|\\bvar\\s+" + root + "\\b").matcher(body).find()
                || !path.contains(".") && Pattern.compile("^func[^\\n]*[(,]\\s*" + root + "\\s+[\\w*\\[]")
                        .matcher(body).find();
    }

    /**
     * The first added line of {@code f} that writes one of {@code maps} (an element set or bumped, a delete) while
     * the method holds no lock or only a read lock; 0 when none does.
     */
    static int offLockWrite(SourceFile file, Fn f, List<String> maps) {
        int[] states = maps.isEmpty() ? null : of(file, f);
        if (states == null) {
            return 0;
        }
        String names = String.join("|", maps.stream().sorted().toList());
        Pattern write = Pattern.compile("^\\s*" + f.recv() + "\\.(?:" + names + ")\\[[^\\n]*\\]\\s*"
                + "(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|\\bdelete\\(\\s*" + f.recv() + "\\.(?:" + names + ")\\s*,");
        for (int i = 1; i < states.length; i++) {
            if ((states[i] == NONE || states[i] == READ) && file.added(f.start() + i)
                    && write.matcher(file.line(f.start() + i)).find()) {
                return f.start() + i;
            }
        }
        return 0;
    }
}
