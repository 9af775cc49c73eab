package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Go package-level maps and slices written, with no lock, by code that runs on many goroutines at once: CONC-03's own
 * Bad example ({@code var seen = map[string]int{}} written by a function "called from many goroutines"). A top-level
 * function shows that it runs concurrently when it serves a request (a {@code context.Context}, an
 * {@code http.ResponseWriter} or {@code *http.Request}, a gin, echo, fiber or fasthttp context among its parameters) or
 * when the write is inside a goroutine it starts ({@code go func}, an errgroup's or WaitGroup's {@code Go(func}).
 *
 * <p>The written name is package-level when the function declares nothing of that name ({@link GoLocals}); a local
 * made or assigned from such a name ({@code data = defaults}) writes the package-level value as well. Left alone: a
 * function that takes any lock or runs a {@code sync.Once}, whose name or doc comment says its caller holds the lock,
 * {@code init}, {@code main}, tests and examples ({@code _test.go}, {@code package main}), and a write inside a function
 * literal handed to a call other than {@code go}/{@code Go} (a lock helper, {@code once.Do}, a callback of unknown
 * timing). Only functions the diff shows whole are read, in gofmt's layout.
 */
public final class SharedPackageMaps {

    private static final Pattern FUNC = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)");
    private static final Pattern REQUEST_PARAM = Pattern.compile(
            "\\bcontext\\.Context\\b|\\bhttp\\.ResponseWriter\\b|\\*http\\.Request\\b|\\*gin\\.Context\\b"
                    + "|\\becho\\.Context\\b|\\*fiber\\.Ctx\\b|\\*fasthttp\\.RequestCtx\\b");
    private static final Pattern LOCKS = Pattern.compile("\\.(?:R?Lock|TryR?Lock)\\(\\)|\\.Do\\(\\s*func\\b");
    private static final Pattern SKIPPED = Pattern.compile("^(?:init|main|Test\\w*|Benchmark\\w*|Example\\w*|Fuzz\\w*)$");
    private static final Pattern HELD = Pattern.compile("(?i)locked$");
    private static final Pattern SAYS_HELD = Pattern.compile("(?i)\\b(?:lock|locked|mutex|mu)\\b");
    private static final Pattern GOROUTINE = Pattern.compile("(?:^|[^\\w.])go\\s+func\\b|\\.Go\\(\\s*func\\b");
    private static final Pattern LITERAL = Pattern.compile("\\bfunc\\s*\\(");
    private static final Pattern ALIAS = Pattern.compile("^\\s*(\\w+)\\s*:?=\\s*([A-Za-z_]\\w*)\\s*$");
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*(\\w+)\\s*:?=[^=]");
    private static final Set<String> NOT_VARIABLES = Set.of("nil", "true", "false", "iota");
    private static final Pattern MAIN_PACKAGE = Pattern.compile("(?m)^package main\\b");
    /** A function type among the parameters: its own parameters are a callback's, not the function's. */
    private static final Pattern FUNC_TYPE = Pattern.compile("\\bfunc\\s*\\([^()]*\\)");
    /** The substrings a concurrent function needs in sight (a request type, a goroutine): the constant pre-check. */
    private static final List<String> CONCURRENT_HINTS = List.of("context.Context", "http.", "gin.Context",
            "echo.Context", "fiber.Ctx", "fasthttp.RequestCtx", "go func", ".Go(");

    private SharedPackageMaps() {
    }

    /** The first unguarded write of a package-level map or slice in each concurrent function the diff shows whole. */
    public static List<Shapes.Spot> find(SourceFile file) {
        List<Shapes.Spot> out = new ArrayList<>();
        String text = file.text();
        if (file.path().endsWith("_test.go") || CONCURRENT_HINTS.stream().noneMatch(text::contains)
                || MAIN_PACKAGE.matcher(text).find()) {
            return out;
        }
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            if (!file.line(i).startsWith("func")) {
                continue;
            }
            Matcher f = FUNC.matcher(file.line(i));
            if (!f.find() || !file.known(i)) {
                continue;
            }
            int open = i;
            while (open <= n && !file.line(open).stripTrailing().endsWith("{")) {
                open++;
            }
            int end = open + 1;
            while (end <= n && file.known(end) && !file.line(end).startsWith("}")) {
                end++;
            }
            if (end > n || !file.known(end) || !file.allKnown(i, end)) {
                i = end;
                continue;
            }
            String name = f.group(1);
            List<String> lines = new ArrayList<>();
            for (int k = i; k <= end; k++) {
                lines.add(file.line(k));
            }
            String body = String.join("\n", lines);
            // a context among a callback's parameters (`newDriver func(ctx context.Context) (D, error)`) is the
            // callback's: the function that takes it serves no request (set 15, JP: a registry's Register)
            String signature = FUNC_TYPE.matcher(String.join(" ", lines.subList(0, open - i + 1)).substring(4))
                    .replaceAll("");
            boolean serves = REQUEST_PARAM.matcher(signature).find();
            if (!serves && !body.contains("go func") && !body.contains(".Go(")) {
                i = end; // nothing in it runs on many goroutines: no write of it can race
                continue;
            }
            if (!SKIPPED.matcher(name).matches() && !HELD.matcher(name).find() && !LOCKS.matcher(body).find()
                    && !SAYS_HELD.matcher(doc(file, i)).find()) {
                int line = firstWrite(file, i, open, end, serves);
                if (line > 0) {
                    out.add(new Shapes.Spot(line, 1 + indent(file.line(line)), false, null));
                }
            }
            i = end;
        }
        return out;
    }

    private static int firstWrite(SourceFile file, int start, int open, int end, boolean serves) {
        // every name the function declares anywhere (a name written above its own local declaration is rare, and
        // reading it as local only keeps the review quiet)
        List<String> whole = new ArrayList<>();
        for (int k = start; k <= end; k++) {
            whole.add(file.line(k));
        }
        // the locals are read only once a write runs concurrently: most functions write no map
        Set<String> locals = null;
        java.util.Map<String, String> aliases = new java.util.HashMap<>();
        for (int k = open + 1; k < end; k++) {
            String text = file.line(k);
            String name = GoLocals.bareWrite(text);
            if (name != null && !NOT_VARIABLES.contains(name)) {
                String where = enclosing(file, open, k);
                boolean concurrent = serves ? !"callback".equals(where) : "goroutine".equals(where);
                if (concurrent) {
                    locals = locals == null ? GoLocals.declared(whole) : locals;
                    String target = aliases.get(name);
                    if (!locals.contains(name) || target != null && !locals.contains(target)) {
                        return k;
                    }
                }
            }
            // a local pointed at a package-level value writes that value (`data = defaults`); any other assignment
            // to the local points it elsewhere (a local pointed at another local is told apart at the write)
            if (text.indexOf('=') < 0) {
                continue;
            }
            Matcher a = ALIAS.matcher(text);
            Matcher assigned = ASSIGNED.matcher(text);
            if (a.find() && !NOT_VARIABLES.contains(a.group(2))) {
                aliases.put(a.group(1), a.group(2));
            } else if (assigned.find()) {
                aliases.remove(assigned.group(1));
            }
        }
        return 0;
    }

    /** "goroutine" when line {@code k} is inside a goroutine literal, "callback" inside another literal, else "". */
    private static String enclosing(SourceFile file, int open, int k) {
        int depth = indent(file.line(k));
        for (int j = k - 1; j > open; j--) {
            String t = file.line(j);
            if (t.isBlank() || indent(t) >= depth) {
                continue;
            }
            depth = indent(t);
            if (GOROUTINE.matcher(t).find()) {
                return "goroutine";
            }
            if (LITERAL.matcher(t).find()) {
                return "callback";
            }
        }
        return "";
    }

    private static String doc(SourceFile file, int line) {
        StringBuilder sb = new StringBuilder();
        for (int j = line - 1; j >= 1 && file.line(j).startsWith("//"); j--) {
            sb.append(file.line(j)).append('\n');
        }
        return sb.toString();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) {
            i++;
        }
        return i;
    }
}
