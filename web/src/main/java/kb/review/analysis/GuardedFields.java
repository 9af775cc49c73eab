package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.GoFuncs.Fn;
import kb.review.diff.SourceFile;

/**
 * Go map fields that one method of a type writes or reads under the type's lock and another method writes with no
 * lock at all. The lock is the author's own statement that goroutines share the map; CONC-03 says a plain map written
 * from several goroutines without its mutex is a crash ("concurrent map writes"), so the unguarded write is the defect.
 *
 * <p>Read from the file's text as gofmt lays it out (a declaration starts at {@code func} in column one and ends at the
 * first {@code }} in column one). Only methods the diff shows whole are judged. A writer is left alone when it takes
 * any lock, when its name or doc comment says the caller holds the lock ({@code addLocked}), when it decodes or fills
 * a value nobody else holds yet ({@code UnmarshalYAML}, {@code Decode...}), and, when it is unexported, unless some
 * caller in sight holds no lock and is not a constructor ({@code New...}, {@code init}): a helper whose every caller
 * locks first is guarded by them. An unexported writer with no caller in sight is judged only when it says it runs on
 * a goroutine of its own: its doc comment says a goroutine, a callback or a handler calls it, or its body is a loop
 * that waits in a {@code select} (a hub's or a room's run loop). A call of it started with {@code go} counts as a
 * caller without the lock, whatever the starting function holds, and so does a call inside a callback literal the
 * caller hands on ({@code run(id, func(ok bool) { b.finished(id, ok) })}): the callback runs later, off the lock.
 */
public final class GuardedFields {

    private static final Pattern HELD = Pattern.compile("(?i)locked$");
    private static final Pattern SAYS_HELD = Pattern.compile("(?i)\\b(?:lock|mutex|mu)\\b");
    /**
     * Methods that fill the receiver while it is being decoded or built, before any other goroutine holds it; (session
     * 49) an exported {@code Initialize} or {@code Init} too (mediamtx's managers fill their slices there).
     */
    private static final Pattern BUILDS = Pattern.compile("^(?:Unmarshal\\w*|Decode\\w*|decode\\w*|Scan|[Ii]nit\\w*)$");
    private static final Pattern CONSTRUCTOR = Pattern.compile("^(?:[Nn]ew\\w*|init|main)$");
    /** A doc comment that says the method runs on another goroutine than its type's locked methods. */
    private static final Pattern SAYS_CONCURRENT = Pattern.compile(
            "(?i)\\bgoroutines?\\b|\\bconcurrently\\b|\\bin the background\\b|\\bcallbacks?\\b|\\bhandlers?\\b");
    /** A doc comment that says another goroutine (a loop, a callback, the background) calls the method. */
    private static final Pattern SAYS_CALLED_CONCURRENTLY = Pattern.compile(
            "(?i)\\b(?:call(?:s|ed)?|runs?|invoked?|fired|used)\\b[^.\\n]*\\b(?:(?:own|another|other|separate|background)"
                    + "\\s+goroutines?|goroutines|concurrently|in the background|from (?:a |the )?callbacks?)\\b"
                    + "|\\bfrom (?:its own|another|a separate|a background|the \\w+) goroutine\\b");
    /** A body that waits in a select inside a loop: the method is a goroutine's run loop. */
    private static final Pattern RUN_LOOP = Pattern.compile("(?s)\\bfor\\b[^{\\n]*\\{.*\\bselect\\s*\\{");

    private GuardedFields() {
    }

    /** The unguarded writes, each at its line; empty when the file shows no type whose map is locked anywhere. */
    public static List<Shapes.Spot> find(SourceFile file) {
        List<Fn> fns = GoFuncs.of(file);
        Map<String, Set<String>> guarded = new HashMap<>();
        Map<String, Set<String>> ownGuarded = new HashMap<>();
        for (Fn f : fns) {
            if (f.recv() == null || !f.locks()) {
                continue;
            }
            boolean own = Pattern.compile("(?<![\\w.])" + f.recv() + "\\.(?:\\w+\\.)?(?:R?Lock|TryR?Lock)\\(\\)")
                    .matcher(f.body()).find();
            Matcher m = Pattern.compile("(?<![\\w.])" + f.recv() + "\\.(\\w+)\\[|\\bdelete\\(\\s*" + f.recv()
                    + "\\.(\\w+)\\s*,|\\brange\\s+" + f.recv() + "\\.(\\w+)\\b").matcher(f.body());
            while (m.find()) {
                String field = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                guarded.computeIfAbsent(f.type(), k -> new HashSet<>()).add(field);
                if (own) {
                    ownGuarded.computeIfAbsent(f.type(), k -> new HashSet<>()).add(field);
                }
            }
        }
        Map<String, Set<String>> declared = declaredGuards(file, fns);
        declared.forEach(guarded::putIfAbsent);
        declared.forEach(ownGuarded::putIfAbsent);
        Map<String, Set<String>> locked = lockedFields(fns);
        Map<String, Set<String>> heldMaps = LockStates.heldMaps(file, fns);
        List<Shapes.Spot> out = new ArrayList<>();
        for (Fn f : fns) {
            int offLock = f.locks() && !CONSTRUCTOR.matcher(f.name()).matches() && !HELD.matcher(f.name()).find()
                    ? LockStates.offLockAccess(file, f) : 0;
            if (offLock > 0) {
                out.add(new Shapes.Spot(offLock, 1 + GoFuncs.indent(file.line(offLock)), true,
                        "Here the function uses the map before it takes the lock it writes the map under (or after "
                        + "it lets the lock go): another call's write under the lock runs beside this read, and a map "
                        + "read during a write ends the process. Take the lock first and check again under it."));
                continue;
            }
            Set<String> fields = f.recv() == null ? null : guarded.get(f.type());
            Set<String> any = f.recv() == null ? null : locked.get(f.type());
            Set<String> own = f.recv() == null ? Set.of() : ownGuarded.getOrDefault(f.type(), Set.of());
            boolean mapWrite = fields != null && firstWrite(file, f, fields, own, file.text()) > 0;
            if (!mapWrite && any != null && f.pointer() && f.whole() && !f.locks()
                    && !HELD.matcher(f.name()).find() && !BUILDS.matcher(f.name()).matches()
                    && !CONSTRUCTOR.matcher(f.name()).matches()) {
                String doc = doc(file, f.start());
                int line = SAYS_HELD.matcher(doc).find() ? 0 : firstSwap(file, f, any, file.text());
                if (line > 0 && runsConcurrently(f, fns, doc)) {
                    out.add(new Shapes.Spot(line, 1 + GoFuncs.indent(file.line(line)), true,
                            "Here the field is not a map but is swapped whole, on another goroutine than the locked "
                            + "methods that read it: they can see a half-written interface or slice, or the old value "
                            + "after the swap."));
                }
                continue;
            }
            Set<String> held = f.recv() == null || !f.locks() ? null : heldMaps.get(f.type());
            if (held != null && f.pointer() && !HELD.matcher(f.name()).find()
                    && !CONSTRUCTOR.matcher(f.name()).matches()) {
                int line = LockStates.offLockWrite(file, f, held.stream().filter(x -> isMap(x, file.text())).toList());
                if (line > 0) {
                    out.add(new Shapes.Spot(line, 1 + GoFuncs.indent(file.line(line)), true,
                            "Here the method takes the lock for its other uses of the map but writes it after the "
                            + "unlock (or under the read lock only): two goroutines write the map at once."));
                }
                continue;
            }
            if (fields == null || !f.pointer() || f.locks() || HELD.matcher(f.name()).find()
                    || BUILDS.matcher(f.name()).matches() || SAYS_HELD.matcher(doc(file, f.start())).find()) {
                continue;
            }
            int line = firstWrite(file, f, fields, own, file.text());
            // session 46: a method cut off below the write is judged too when all of it down to the write is in view:
            // a lock taken after the write does not guard it (round 62's moved tracker)
            if (line > 0 && (f.whole() || file.allKnown(f.start(), line))
                    && calledUnlocked(f, fns, doc(file, f.start()))) {
                out.add(new Shapes.Spot(line, 1 + GoFuncs.indent(file.line(line)), true, file.line(line)
                        .contains("append(") ? "Here the method grows a slice the type guards with its mutex, with no "
                        + "lock: two appends at once lose an element, and a reader under the lock sees a half-made "
                        + "slice. Take the lock around the append." : declared.containsKey(f.type())
                        ? "Here no method in sight takes the lock: the type declares a mutex beside this map, and the "
                        + "method writes the map without it." : null));
            }
        }
        return out;
    }

    /** A struct's head, group 1 its name: {@code type bucketCounts struct {}. */
    private static final Pattern STRUCT = Pattern.compile("^type (\\w+)(?:\\[[^\\]]*\\])? struct \\{\\s*$");
    /** A mutex field of a struct, named or embedded: {@code mu sync.Mutex}, {@code sync.RWMutex}. */
    private static final Pattern MUTEX_FIELD = Pattern.compile("^\\s+(?:\\w+\\s+)?\\*?sync\\.(?:RW)?Mutex\\b");
    /** A map field of a struct, or (session 49) a slice field: group 1 its name. */
    private static final Pattern MAP_FIELD = Pattern.compile("^\\s+(\\w+)\\s+(?:map\\[|\\[\\])");

    /**
     * Session 44: the map fields of each struct the file declares beside a mutex that no method of the type takes.
     * The mutex field is the author's statement that the value is shared between goroutines, and a plain map is
     * what it can only have been there for; a method that writes the map with the mutex never taken is the crash of
     * CONC-03 ("concurrent map writes"), the shape of real fixes that added the missing {@code Lock} to a counter or
     * cache type (google/hashr#25, lyl41/expired_map#2). Session 46: in a file the review sees in part too, when the
     * struct's declaration is in sight: a method out of sight that takes the lock only says more plainly that the map
     * is shared, and the writer is still judged by {@link #calledUnlocked} (exported, or said or seen to run on a
     * goroutine of its own; round 62's tracker whose informer callback lost its lock in a move).
     */
    private static Map<String, Set<String>> declaredGuards(SourceFile file, List<Fn> fns) {
        Map<String, Set<String>> out = new HashMap<>();
        for (int i = 1; i <= file.lineCount(); i++) {
            if (!file.known(i)) {
                continue;
            }
            Matcher head = STRUCT.matcher(file.line(i));
            if (!head.find()) {
                continue;
            }
            String type = head.group(1);
            boolean mutex = false;
            Set<String> maps = new HashSet<>();
            int j = i + 1;
            for (; j <= file.lineCount() && file.known(j) && !file.line(j).startsWith("}"); j++) {
                String l = file.line(j);
                mutex |= MUTEX_FIELD.matcher(l).find();
                Matcher m = MAP_FIELD.matcher(l);
                if (m.find()) {
                    maps.add(m.group(1));
                }
            }
            i = j;
            if (mutex && !maps.isEmpty() && fns.stream().noneMatch(f -> type.equals(f.type()) && f.locks())) {
                out.put(type, maps);
            }
        }
        return out;
    }

    /**
     * The first line of {@code f} that writes one of {@code fields} as a map, or (session 49, guard49) grows one the
     * file declares as a slice with {@code append}: two appends at once lose an element or write past the end of the
     * backing array (Shopify/toxiproxy's chain, samsarahq/thunder#522, dominant-strategies/go-quai#566); 0 when none.
     * A slice counts only when the type's own mutex guards it ({@code own}): a package-level lock a method holds for
     * something else (imagor's processor count, around a start-up that ranges the detectors) says nothing of the
     * slice, which such types fill while being configured.
     */
    private static int firstWrite(SourceFile file, Fn f, Set<String> fields, Set<String> own, String source) {
        String names = String.join("|", fields.stream().filter(x -> isMap(x, source)).sorted().toList());
        String slices = String.join("|", fields.stream().filter(x -> own.contains(x) && isSlice(x, source)).sorted()
                .toList());
        if (names.isEmpty() && slices.isEmpty()) {
            return 0;
        }
        names = names.isEmpty() ? "(?!)" : names;
        Pattern write = Pattern.compile("^\\s*" + f.recv() + "\\.(?:" + names
                + ")\\[[^\\n]*\\]\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|\\bdelete\\(\\s*" + f.recv() + "\\.(?:" + names
                + ")\\s*,|^\\s*" + f.recv() + "\\.(" + (slices.isEmpty() ? "(?!)" : slices) + ")\\s*=\\s*append\\(\\s*"
                + f.recv() + "\\.\\1\\b");
        for (int i = f.start() + 1; i <= f.end(); i++) {
            if (write.matcher(file.line(i)).find()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Fields of any kind that a locking method of each type reads or writes through its receiver (the mutex itself
     * and method calls aside): session 28's class beside the maps, a field swapped by a method that runs on another
     * goroutine while the locked methods read it (round 24's go-15, a client and its queue replaced unlocked).
     */
    private static Map<String, Set<String>> lockedFields(List<Fn> fns) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Fn f : fns) {
            if (f.recv() == null || !f.locks()) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\w.])" + f.recv() + "\\.(\\w+)\\b(?!\\s*\\()(?!\\.(?:R?Lock|R?Unlock|TryR?Lock)\\()")
                    .matcher(f.body());
            while (m.find()) {
                out.computeIfAbsent(f.type(), k -> new HashSet<>()).add(m.group(1));
            }
        }
        return out;
    }

    /** The first line of {@code f} that assigns one of {@code fields} whole (not an element); 0 when none does. */
    private static int firstSwap(SourceFile file, Fn f, Set<String> fields, String source) {
        // a map field counts too when it is replaced whole (`kd.active = make(map[string]int)` on a reconnect)
        String names = String.join("|", fields.stream().sorted().toList());
        if (names.isEmpty()) {
            return 0;
        }
        Pattern write = Pattern.compile("^\\s*" + f.recv() + "\\.(?:" + names + ")\\s*(?:,\\s*[\\w.]+\\s*)*=(?!=)");
        for (int i = f.start() + 1; i <= f.end(); i++) {
            if (write.matcher(file.line(i)).find()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Whether a method that swaps a field runs beside the locked ones: its doc comment says another goroutine, a
     * callback or a background loop calls it, its body is a run loop, or a caller in sight starts it with {@code go}.
     * Being exported is not enough here: a setter called once while the value is built is the common case.
     */
    private static boolean runsConcurrently(Fn f, List<Fn> fns, String doc) {
        if (SAYS_CALLED_CONCURRENTLY.matcher(doc).find() || RUN_LOOP.matcher(f.body()).find()) {
            return true;
        }
        Pattern started = Pattern.compile("(?m)^\\s*go\\s+[\\w.]*\\." + f.name() + "\\(");
        return fns.stream().anyMatch(c -> c != f && started.matcher(c.body()).find());
    }

    /** Whether the file declares {@code field} as a slice in a struct ({@code stubs []*Stub}). */
    private static boolean isSlice(String field, String text) {
        return Pattern.compile("(?m)^\\s+" + field + "\\s+\\[\\]").matcher(text).find();
    }

    /** Whether the file shows {@code field} as a map: declared, made, or given to delete. */
    private static boolean isMap(String field, String text) {
        return Pattern.compile("(?m)^\\s*" + field + "\\s+map\\[|\\bdelete\\(\\s*\\w+\\." + field + "\\s*,|\\."
                + field + "\\s*=\\s*(?:make\\(\\s*)?map\\[|\\b" + field + ":\\s*(?:make\\(\\s*)?map\\[").matcher(text)
                .find();
    }

    /**
     * Whether the method can run without the lock: it is exported (anyone may call it), a caller in sight takes no
     * lock and builds nothing or starts it with {@code go}, or, with no caller in sight, its comment or its run loop
     * says it runs on a goroutine of its own.
     */
    private static boolean calledUnlocked(Fn f, List<Fn> fns, String doc) {
        if (Character.isUpperCase(f.name().charAt(0))) {
            return true;
        }
        Pattern call = Pattern.compile("\\." + f.name() + "\\(");
        // started with go, or called from a callback literal the caller hands on (it runs later, off the lock)
        Pattern started = Pattern.compile("(?m)^\\s*go\\s+[\\w.]*\\." + f.name()
                + "\\(|\\bfunc\\s*\\([^)]*\\)[^{\\n]*\\{[^}\\n]*\\." + f.name() + "\\(");
        boolean seen = false;
        for (Fn caller : fns) {
            if (caller == f || !call.matcher(caller.body()).find()) {
                continue;
            }
            seen = true;
            if (started.matcher(caller.body()).find()) {
                return true;
            }
            boolean builds = caller.recv() == null ? CONSTRUCTOR.matcher(caller.name()).matches()
                    : BUILDS.matcher(caller.name()).matches();
            if (!caller.locks() && !builds && !HELD.matcher(caller.name()).find()) {
                return true;
            }
        }
        return !seen && (SAYS_CONCURRENT.matcher(doc).find() || RUN_LOOP.matcher(f.body()).find());
    }

    /** The comment lines right above line {@code start}, joined. */
    private static String doc(SourceFile file, int start) {
        StringBuilder sb = new StringBuilder();
        for (int i = start - 1; i >= 1 && file.line(i).startsWith("//"); i--) {
            sb.append(file.line(i)).append('\n');
        }
        return sb.toString();
    }
}
