package kb.review.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Session 35 (conc35), CONC-03: a Go map field written by a method that a goroutine started in the file runs (directly
 * or through calls on the same receiver: {@code go e.refreshLoop(ctx)} → {@code e.refresh(ctx)} →
 * {@code e.metrics[key] = m}), while another method of the type, one that other goroutines call (exported: a
 * Prometheus {@code Collect}/{@code Describe} run on each scrape, a getter, a handler), reads or ranges the same map,
 * and nothing on either side takes a lock. The type declares no mutex around the map, so {@link GuardedFields} has no
 * lock to infer from: the {@code go} statement and the exported reader are the evidence that two goroutines touch the
 * map, and Go ends the process on a concurrent map read and write.
 *
 * <p>Read from the file's text as gofmt lays it out. Left alone: a writer or any method on its way from the goroutine
 * that takes a lock, a reader that takes one (the guarded-field rule judges that pair), a map declared as
 * {@code sync.Map}, a writer reached only through constructors, and a reader that the goroutine itself runs (the map
 * is confined to it).
 */
public final class GoroutineMaps {

    private static final Pattern LOCKS = Pattern.compile("\\.(?:R?Lock|TryR?Lock)\\(\\)");
    private static final Pattern GO_CALL = Pattern.compile("(?m)^\\s*go\\s+\\w+\\.(\\w+)\\(");
    private static final Pattern GO_LITERAL = Pattern.compile("(?m)^(\\s*)go\\s+func\\s*\\(");
    private static final Pattern CALL = Pattern.compile("\\b\\w+\\.(\\w+)\\(");
    private static final Pattern CONSTRUCTOR = Pattern.compile("^(?:[Nn]ew\\w*|init|main)$");

    private GoroutineMaps() {
    }

    private record Fn(String recv, String type, String name, int start, int end, boolean whole, String body) {
    }

    /** The unguarded writes, each at its line. */
    public static List<Shapes.Spot> find(SourceFile file) {
        String text = file.text();
        if (!text.contains("go ") || !text.contains("map[")) {
            return List.of();
        }
        List<Fn> fns = methods(file);
        Set<String> started = new HashSet<>();
        for (Fn f : fns) {
            if (!f.body().contains("go ")) {
                continue;
            }
            Matcher g = GO_CALL.matcher(f.body());
            while (g.find()) {
                started.add(g.group(1));
            }
            Matcher lit = GO_LITERAL.matcher(f.body());
            while (lit.find()) {
                String literal = literal(f.body(), lit.start(), lit.group(1));
                Matcher c = CALL.matcher(literal);
                while (c.find()) {
                    started.add(c.group(1));
                }
            }
        }
        if (started.isEmpty()) {
            return List.of();
        }
        // the methods a goroutine runs, none of them (nor a method on the way) taking a lock
        Map<String, List<Fn>> byName = new HashMap<>();
        for (Fn f : fns) {
            byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        Set<Fn> reached = new HashSet<>();
        Set<Fn> guarded = new HashSet<>();
        Deque<Fn> work = new ArrayDeque<>();
        for (String s : started) {
            for (Fn f : byName.getOrDefault(s, List.of())) {
                if (!CONSTRUCTOR.matcher(f.name()).matches() && reached.add(f)) {
                    work.add(f);
                }
            }
        }
        while (!work.isEmpty()) {
            Fn f = work.poll();
            if (LOCKS.matcher(f.body()).find()) {
                guarded.add(f);
                continue;
            }
            Matcher c = Pattern.compile("(?<![\\w.])" + f.recv() + "\\.(\\w+)\\(").matcher(f.body());
            while (c.find()) {
                for (Fn g : byName.getOrDefault(c.group(1), List.of())) {
                    if (g.type().equals(f.type()) && reached.add(g)) {
                        work.add(g);
                    }
                }
            }
        }
        List<Shapes.Spot> out = new ArrayList<>();
        // one finding per map: the first write in the file's order (a second writer of the same map is the same race)
        Set<String> reported = new HashSet<>();
        List<Fn> writers = new ArrayList<>(reached);
        writers.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (Fn w : writers) {
            if (guarded.contains(w) || !w.whole()) {
                continue;
            }
            Matcher m = Pattern.compile("^\\s*" + w.recv() + "\\.(\\w+)\\[[^\\n]*\\]\\s*=(?!=)|\\bdelete\\(\\s*"
                    + w.recv() + "\\.(\\w+)\\s*,").matcher("");
            for (int i = w.start() + 1; i <= w.end(); i++) {
                if (!m.reset(file.line(i)).find()) {
                    continue;
                }
                String field = m.group(1) != null ? m.group(1) : m.group(2);
                if (isMap(field, text) && !reported.contains(w.type() + "." + field)
                        && readElsewhere(fns, reached, w.type(), field)) {
                    reported.add(w.type() + "." + field);
                    out.add(new Shapes.Spot(i, 1 + GoFuncs.indent(file.line(i)), true, null));
                    break;
                }
            }
        }
        return out;
    }

    /** An exported method of the type, not run by the goroutine, that reads the map without a lock. */
    private static boolean readElsewhere(List<Fn> fns, Set<Fn> reached, String type, String field) {
        for (Fn r : fns) {
            if (!r.type().equals(type) || reached.contains(r) || !Character.isUpperCase(r.name().charAt(0))
                    || LOCKS.matcher(r.body()).find()) {
                continue;
            }
            if (Pattern.compile("(?<![\\w.])" + r.recv() + "\\." + field + "\\s*\\[|\\brange\\s+" + r.recv() + "\\."
                    + field + "\\b|\\blen\\(\\s*" + r.recv() + "\\." + field + "\\s*\\)").matcher(r.body()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the file shows {@code field} as a plain map: declared or made as one. */
    private static boolean isMap(String field, String text) {
        return Pattern.compile("(?m)^\\s*" + field + "\\s+map\\[|\\." + field + "\\s*=\\s*(?:make\\(\\s*)?map\\[|\\b"
                + field + ":\\s*(?:make\\(\\s*)?map\\[").matcher(text).find();
    }

    /** The text of a {@code go func(...) { ... }()} literal: from its line to the line that closes it at its indent. */
    private static String literal(String body, int from, String indent) {
        int eol = body.indexOf('\n', from);
        if (eol < 0) {
            return body.substring(from);
        }
        int close = body.indexOf("\n" + indent + "}", eol);
        return body.substring(from, close < 0 ? body.length() : close);
    }

    /** The file's functions and methods (plain functions with a receiver and type that match nothing). */
    private static List<Fn> methods(SourceFile file) {
        List<Fn> out = new ArrayList<>();
        for (GoFuncs.Fn f : GoFuncs.of(file)) {
            // a plain function may start the goroutine; it reads and writes no receiver
            out.add(f.recv() == null ? new Fn("\u0000", "\u0000", f.name(), f.start(), f.end(), false, f.body())
                    : new Fn(f.recv(), f.type(), f.name(), f.start(), f.end(), f.whole(), f.body()));
        }
        return out;
    }
}
