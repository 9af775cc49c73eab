package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;

/**
 * For {@link SharedCounterWrites}: whether Go code at a line of a hunk runs concurrently by its role, and whether the
 * written root outlives the call there. The roles, each read from what the hunk (or its {@code @@} section, the
 * enclosing function's signature) shows:
 * <ul>
 *   <li>a function literal started as a goroutine ({@code go func}), handed to a task group's {@code Go}/{@code
 *   TryGo}, or handed to a call that also takes a parallelism argument ({@code syncer.Run(ctx, parallelism, func...)},
 *   {@code pool.Process(workers, func...)}), when the hunk shows its opening line;</li>
 *   <li>a callback whose opening is above the hunk (its closing {@code })} is below the write) in a function whose
 *   signature takes a parallelism, concurrency or worker count: the callback is what the function hands to its
 *   parallel runner. Only where the hunk deletes the statement the write replaces, since the callback's own parameters
 *   are out of sight;</li>
 *   <li>a worker: the function takes a {@code *sync.WaitGroup}, or defers its {@code Done};</li>
 *   <li>an HTTP handler (a {@code http.ResponseWriter}, gin, echo, fiber or fasthttp context among the parameters):
 *   every request runs it on a goroutine of its own, so its receiver and package-level values are shared.</li>
 * </ul>
 * The root is shared when it is the receiver, or a name no visible line of the code that writes it declares (a
 * package-level value, or a local of the function a goroutine literal captured).
 */
final class ConcurrentRoles {

    /** A call's arguments or a signature's parameters that carry a degree of parallelism. */
    private static final Pattern PARALLEL = Pattern.compile(
            "(?i)[(,]\\s*&?\\s*(?:\\w+\\.)?\\w*(?:parall|concurren|workers?\\b|numworkers|threads\\b)\\w*");
    private static final Pattern GOROUTINE = Pattern.compile(
            "\\bgo\\s+func\\s*\\(|\\.(?:Go|TryGo)\\s*\\(\\s*func\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\\bfunc\\s*\\(");
    private static final Pattern DECLARATION = Pattern.compile("^func\\b");
    private static final Pattern RECEIVER = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*?[\\w.\\[\\]]+\\s*\\)");
    private static final Pattern WAIT_GROUP = Pattern.compile("\\*sync\\.WaitGroup\\b|\\bdefer\\s+\\w+\\.Done\\(\\)");
    private static final Pattern HANDLER = Pattern.compile(
            "\\bhttp\\.ResponseWriter\\b|\\*gin\\.Context\\b|\\becho\\.Context\\b|\\*fiber\\.Ctx\\b|\\*fasthttp\\.RequestCtx\\b");

    /** Words without which no role below can hold in a hunk (read before any per-line work). */
    private static final Pattern HINTS = Pattern.compile("func\\s*\\(|WaitGroup|\\.Done\\(\\)|ResponseWriter|gin\\.Context"
            + "|echo\\.Context|fiber\\.Ctx|RequestCtx");

    private ConcurrentRoles() {
    }

    /** The hunk (or its section) shows something a role needs: a literal, a WaitGroup, a handler's parameters. */
    static boolean hinted(Hunk h) {
        if (h.section() != null && (HINTS.matcher(h.section()).find() || PARALLEL.matcher(h.section()).find())) {
            return true;
        }
        for (DiffLine d : h.lines()) {
            if (d.kind() != DiffLine.Kind.REMOVED && HINTS.matcher(d.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param at     the index in the hunk of the added write
     * @param root   the written name or the first name of the written selector
     * @param dotted the write goes through a selector ({@code stats.Ops.counter}) rather than a bare name
     * @return the role's evidence, or null when the code has no concurrent role in sight or the root is its own
     */
    static SharedCounterWrites.Evidence role(Hunk h, int at, String root, boolean dotted) {
        List<DiffLine> lines = h.lines();
        Pattern declares = Pattern.compile("^\\s*(?:[\\w.]+\\s*,\\s*)*" + Pattern.quote(root)
                + "\\s*(?:,\\s*[\\w.]+\\s*)*:=|\\bvar\\s+" + Pattern.quote(root) + "\\b|\\bfor\\s+(?:\\w+\\s*,\\s*)?"
                + Pattern.quote(root) + "\\b[^{]*\\brange\\b|[(,]\\s*" + Pattern.quote(root) + "\\s+[\\w*\\[\\].]");
        // a name in a `var ( ... )` block: `s = size(x)` or `s int64`
        Pattern blockDeclares = Pattern.compile("^\\s*" + Pattern.quote(root) + "(?:\\s*,\\s*\\w+)*\\s*(?:[\\w.*\\[\\]]+\\s*)?"
                + "(?:=(?!=)|$)");
        int level = RemovedReleases.indent(lines.get(at).text());
        String literal = null;
        String header = null;
        boolean declaredInside = false;
        boolean worker = false;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine d = lines.get(j);
            String t = d.text();
            if (d.kind() == DiffLine.Kind.REMOVED || t.isBlank()) {
                continue;
            }
            if (DECLARATION.matcher(t).find()) {
                header = t; // its parameters and receiver are judged below
                break;
            }
            if (literal == null && (declares.matcher(t).find()
                    || blockDeclares.matcher(t).find() && inVarBlock(lines, j))) {
                declaredInside = true;
            }
            int indent = RemovedReleases.indent(t);
            // the worker's own `defer wg.Done()`, at the level of the code around the write: not one inside a
            // goroutine the function started above (the function itself then waits for them and runs alone)
            worker |= indent <= level && WAIT_GROUP.matcher(t).find() && !t.contains("go func");
            if (indent >= level) {
                continue;
            }
            level = indent;
            if (literal == null && LITERAL.matcher(t).find()) {
                literal = t;
                if (declaredInside) {
                    return null; // a local of the goroutine (or a parameter of its literal)
                }
            }
        }
        boolean sectionOnly = header == null;
        if (header == null) {
            header = h.section() == null ? "" : h.section().strip();
            if (!DECLARATION.matcher(header).find()) {
                header = "";
            }
        }
        if (declaredInside && literal == null) {
            return null; // a local (or parameter) of the function itself
        }
        Matcher receiver = RECEIVER.matcher(header);
        boolean ofReceiver = receiver.find() && receiver.group(1).equals(root);
        if (!ofReceiver && header.matches("(?s).*[(,]\\s*" + Pattern.quote(root) + "\\s+[\\w*\\[\\].].*")) {
            return null; // a parameter of the function: the caller's value, handed in
        }
        boolean replaces = SharedCounterWrites.replacesCall(lines, at);
        if (literal != null && (GOROUTINE.matcher(literal).find() || PARALLEL.matcher(literal).find())) {
            return new SharedCounterWrites.Evidence("it runs in the function literal this code hands to "
                    + "goroutines (`" + literal.strip() + "`), which all write it at once", replaces);
        }
        if (literal == null && replaces && dotted && PARALLEL.matcher(header).find() && insideCallback(lines, at)) {
            return new SharedCounterWrites.Evidence("it runs in the callback that `" + header.replaceAll("\\(.*", "")
                    .replaceFirst("^func\\s+", "") + "` hands to its parallel runner (the function takes a degree of "
                    + "parallelism), so several workers write it at once", true);
        }
        if (literal == null && (worker || WAIT_GROUP.matcher(header).find())) {
            return new SharedCounterWrites.Evidence("it runs in a worker that reports to a sync.WaitGroup, one of "
                    + "several goroutines that write it at once", replaces);
        }
        // the handler's header in sight: its locals and any lock taken at its top are in sight too
        if (literal == null && !sectionOnly && HANDLER.matcher(header).find()) {
            return new SharedCounterWrites.Evidence("it runs in an HTTP handler, and the server runs every request "
                    + "on a goroutine of its own", replaces);
        }
        return null;
    }

    /** The line stands in a {@code var ( ... )} block opened a few lines above it. */
    private static boolean inVarBlock(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0 && j >= at - 12; j--) {
            String t = lines.get(j).text().strip();
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (t.equals("var (")) {
                return true;
            }
            if (t.equals(")") || t.endsWith("{") || t.endsWith("}")) {
                return false;
            }
        }
        return false;
    }

    /** Below the write, the first line that closes an enclosing block closes a function literal ({@code })}). */
    private static boolean insideCallback(List<DiffLine> lines, int at) {
        int level = RemovedReleases.indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine d = lines.get(j);
            String t = d.text().strip();
            if (d.kind() == DiffLine.Kind.REMOVED || t.isEmpty()) {
                continue;
            }
            int indent = RemovedReleases.indent(d.text());
            if (indent < level) {
                level = indent;
                if (t.startsWith("})") || t.startsWith("}(")) {
                    return indent > 0;
                }
                if (indent == 0) {
                    return false;
                }
            }
        }
        return false;
    }
}
