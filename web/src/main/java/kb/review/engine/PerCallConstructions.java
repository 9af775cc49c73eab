package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * RES-04 where the change itself shows that a client, pool or limiter is now built per call, whatever its library:
 *
 * <ul>
 * <li>Go: a construction line moved into the per-call code of the same function. The change deletes {@code
 * proxyClient := NewProxyClientFromConfig(config)} (or {@code lmt := NewLimiter(max, opts)}) from a function's body and
 * adds the very same line inside the handler literal it returns ({@code return func(w, r) {...}}, {@code
 * http.HandlerFunc(func...)}) or inside a loop below it: built once per handler before, once per request or turn
 * after (rounds 97 and 104).</li>
 * <li>Java: a field built as a pool, client or mapper made an instance field ({@code static} taken out of its
 * line): one per class before, one per object after (round 105).</li>
 * <li>Go and Java: a call made on the spot on what one of the file's own helpers builds, {@code
 * newHTTPClient(c.timeout).Do(req)} or {@code createClient(cfg).execute(get)}, where the helper is declared in the
 * file and its name says it makes a client, pool, transport, channel, connection, executor or template: the built
 * one is used once and dropped, so every call of the method builds another (round 106).</li>
 * </ul>
 *
 * <p>Not reported: a construction that is cheap or wrong to share (see {@link SharedClientCallsReplaced#CHEAP}: a
 * formatter, encoder, buffer, digest, request), one whose name says no shared resource (moved lines), a move into a
 * {@code go func}, {@code defer func} or a {@code sync.Once}'s function (they run once), calls in a one-time function
 * (constructor, {@code New...}, {@code init}, {@code main}, set-up: for the chained calls; a moved line is judged
 * by the literal or loop it moved into, which runs per call wherever it is) and test sources. Low confidence: the review sees
 * the construction's place, not how often it runs.
 */
final class PerCallConstructions {

    /** A method called on what the call before it answers: {@code .Do(}, {@code .execute(}. */
    private static final Pattern METHOD_CALL = Pattern.compile("^\\s*\\.\\s*\\w+\\s*\\(");

    static final String RULE = "construction-moved-per-call";

    /** A Go local built by a call: group 1 the names, 2 the construction. */
    private static final Pattern GO_BUILT = Pattern.compile(
            "^\\s*([a-z_]\\w*(?:\\s*,\\s*[a-z_]\\w*)?)\\s*:=\\s*((?:[a-z]\\w*\\.)?(?:New|new|Create|create|Build|build"
                    + "|Make|make|Dial|dial)\\w*\\s*\\(.*\\))\\s*$");
    /** A name that says a shared resource: what is built per call only at a cost. */
    // (not a session: an ORM's or a broker's session per call is what its factory is for)
    static final Pattern RESOURCE = Pattern.compile("(?i)(?:client|pool|conn|channel|transport|dialer|executor"
            + "|scheduler|template|sender|producer|publisher|consumer|limiter|cache|proxy|driver|uploader|downloader"
            + "|store|mapper|gson|datasource|broker|socket|stub|dispatcher)");
    /** A function literal's opening (not a declaration's, not a method's): group 1 what launches it. */
    private static final Pattern LITERAL = Pattern.compile("(\\bgo\\s+|\\bdefer\\s+|\\.Do\\s*\\(\\s*)?\\bfunc\\s*\\([^)]*\\)"
            + "\\s*(?:\\([^)]*\\)|[\\w.*\\[\\]]+)?\\s*\\{\\s*$");
    /** A loop's opening. */
    private static final Pattern LOOP = Pattern.compile("^\\s*for\\b.*\\{\\s*$");
    /** A call on what a helper builds: group 1 the helper's name, the call's bracket at group 1's end. */
    private static final Pattern HELPER_CALL = Pattern.compile(
            "(?<![\\w.])(?:this\\s*\\.\\s*|[a-z]\\w*\\s*\\.\\s*)?((?:new|create|build|make)\\w*(?:Client|Pool|Transport"
                    + "|Channel|Connection|Executor|Template))\\s*\\(");

    private PerCallConstructions() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language language = file.language();
        if (language != Language.GO && language != Language.JAVA
                || file.path().matches("(?:.*/)?src/test/.*|.*Tests?\\.java$|.*_test\\.go$")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (language == Language.GO) {
            moved(file, catalog, out);
        } else {
            unshared(file, catalog, out);
        }
        chained(file, catalog, language == Language.GO, out);
        return out;
    }

    /** The Go construction lines deleted from a function's body and added again in its per-call code. */
    private static void moved(SourceFile file, Catalog catalog, List<Finding> out) {
        for (RemovedLine r : RemovedLine.of(file)) {
            DiffLine was = r.line();
            Matcher b = GO_BUILT.matcher(was.text());
            if (!b.find() || !RESOURCE.matcher(SharedClientCallsReplaced.callee(b.group(2))).find()
                    || SharedClientCallsReplaced.CHEAP.matcher(SharedClientCallsReplaced.callee(b.group(2))).find()) {
                continue;
            }
            int from = after(r.hunk(), r.index());
            int wasIndent = indent(was.text());
            for (Hunk h : file.change().hunks()) {
                for (int i = 0; i < h.lines().size(); i++) {
                    DiffLine now = h.lines().get(i);
                    if (now.kind() != DiffLine.Kind.ADDED || now.newLine() < from
                            || !now.text().strip().equals(was.text().strip()) || indent(now.text()) <= wasIndent
                            || !perCallBetween(file, from, now.newLine(), wasIndent, indent(now.text()))) {
                        continue;
                    }
                    add(out, catalog, file, now.newLine(), "The change moves `" + b.group(2).strip() + "` from the "
                            + "function's body into the code it runs per call (a handler it returns, a loop): "
                            + "built once before, it is now built anew on every request or turn, and whatever it "
                            + "pools or counts is never shared. Build it where it was and capture it.");
                }
            }
        }
    }

    /**
     * Java: a field that builds a pool, client or mapper made an instance field, the same line with {@code static}
     * taken out (round 105's weblaf: the thumbnail executor of every cell renderer). One for the class before, one per
     * object after: a renderer, handler or task made per item or request now builds and leaks its own. Silent in a
     * class the file marks as a singleton or a managed bean ({@code @Service}, {@code @Component}, {@code
     * @Singleton}, {@code @ApplicationScoped}...): one object, one pool either way.
     */
    private static void unshared(SourceFile file, Catalog catalog, List<Finding> out) {
        if (SINGLETON.matcher(file.text()).find()) {
            return;
        }
        for (RemovedLine r : RemovedLine.of(file)) {
            Matcher f = STATIC_FIELD.matcher(r.line().text());
            if (!f.find()) {
                continue;
            }
            String callee = SharedClientCallsReplaced.callee(f.group(1).strip());
            if (!RESOURCE.matcher(callee).find() || SharedClientCallsReplaced.CHEAP.matcher(callee).find()) {
                continue;
            }
            String unstatic = r.line().text().replaceFirst("\\bstatic\\s+", "").strip();
            for (DiffLine l : RemovedLine.changedBlock(r.hunk().lines(), r.index())) {
                if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && l.text().strip().equals(unstatic)) {
                    add(out, catalog, file, l.newLine(), "The change makes this field an instance field: `"
                            + callee + "` was built once for the class and shared by every object, it is now built "
                            + "for each object (and never shut down when the object goes). Keep it static, or build "
                            + "it once and hand it in.");
                }
            }
        }
    }

    /** A static field built by a construction: group 1 the initialiser. */
    private static final Pattern STATIC_FIELD = Pattern.compile("^\\s*(?:(?:public|protected|private|final)\\s+)*static\\s+"
            + "(?:final\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*=\\s*((?:new\\s+|[A-Z]\\w*\\s*\\.\\s*(?:new|create|builder"
            + "|newBuilder)).*)$");
    /** A class the file marks as one object for the application. */
    private static final Pattern SINGLETON = Pattern.compile("@(?:Service|Component|Controller|RestController|Repository"
            + "|Configuration|Singleton|ApplicationScoped|Named|Stateless|Startup)\\b|\\benum\\s+\\w+\\s*\\{|INSTANCE\\s*=");

    /** The new line the deleted line stood before: the next line of its hunk that the new file has. */
    private static int after(Hunk h, int index) {
        for (int j = index + 1; j < h.lines().size(); j++) {
            if (h.lines().get(j).newLine() > 0) {
                return h.lines().get(j).newLine();
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Between the deleted line's place and the added line, the new file opens a function literal that runs per call
     * or a loop, nested between the two lines' depths: the added line is inside it and the deleted one was not.
     */
    private static boolean perCallBetween(SourceFile file, int from, int to, int outer, int inner) {
        boolean opened = false;
        for (int n = from; n < to; n++) {
            String t = file.line(n);
            if (t.isBlank()) {
                continue; // a blank line, or one the diff does not show
            }
            int d = indent(t);
            if (d < outer) {
                return false; // left the function the deleted line was in
            }
            if (d >= inner) {
                continue;
            }
            Matcher lit = LITERAL.matcher(t);
            if (lit.find()) {
                if (lit.group(1) != null) {
                    return false; // a goroutine, a deferred function or a once: run once
                }
                opened = true;
            } else if (LOOP.matcher(t).find()) {
                opened = true;
            }
        }
        return opened;
    }

    /** Added calls made on the spot on a client that one of the file's own helpers builds. */
    private static void chained(SourceFile file, Catalog catalog, boolean go, List<Finding> out) {
        for (Hunk h : file.change().hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                DiffLine l = h.lines().get(i);
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher m = HELPER_CALL.matcher(l.text());
                while (m.find()) {
                    int close = closing(l.text(), m.end() - 1);
                    if (close < 0 || !METHOD_CALL.matcher(l.text().substring(close + 1)).find()
                            || !declared(file, m.group(1), go) || SharedClientCallsReplaced.oneTime(h, i)
                            || declaration(l.text(), m.group(1), go)) {
                        continue;
                    }
                    add(out, catalog, file, l.newLine(), "`" + m.group(1) + "` builds a new client here and the "
                            + "call is made on it at once: nothing keeps it, so every call of this method builds "
                            + "another, with its own connections. Build it once (a field set where the object is "
                            + "made) and call that.");
                    break;
                }
            }
        }
    }

    /**
     * The helper is declared in the file and builds anew: a body that hands back a kept one after a null check
     * ({@code if (okHttpClient != null) return okHttpClient;}, round 59's sismics) is a lazy getter, whatever its name.
     */
    private static boolean declared(SourceFile file, String name, boolean go) {
        Pattern decl = go ? Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?" + Pattern.quote(name) + "\\s*\\(")
                : Pattern.compile("^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*[\\w.<>\\[\\], ?]+\\s+"
                        + Pattern.quote(name) + "\\s*\\([^;]*$");
        List<String> lines = file.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (decl.matcher(lines.get(i)).find()) {
                int own = indent(lines.get(i));
                for (int j = i + 1; j < lines.size() && j <= i + 30; j++) {
                    if (lines.get(j).strip().equals("}") && indent(lines.get(j)) <= own) {
                        break; // (session 52) the helper's body ends: a bare return below is its caller's (round 106)
                    }
                    Matcher kept = KEPT_RETURN.matcher(lines.get(j));
                    if (kept.find() && lines.subList(i + 1, j).stream().anyMatch(t -> t.matches(
                            ".*\\b" + Pattern.quote(kept.group(1)) + "\\s*!=\\s*(?:null|nil)\\b.*"))) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** A return of a bare name (maybe {@code this.}'s): group 1 the name. */
    private static final Pattern KEPT_RETURN = Pattern.compile("^\\s*return\\s+(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*;?\\s*$");

    private static boolean declaration(String text, String name, boolean go) {
        return go ? text.matches("^func\\b.*") : text.matches("^\\s*(?:(?:public|protected|private|static|final)\\s+)*"
                + "[\\w.<>\\[\\], ?]+\\s+" + Pattern.quote(name) + "\\s*\\(.*");
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indent(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\t') {
                n += 4;
            } else if (c == ' ') {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    private static void add(List<Finding> out, Catalog catalog, SourceFile file, int line, String message) {
        if (out.stream().anyMatch(f -> f.line() == line)) {
            return;
        }
        Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
        out.add(new Finding(RULE, "RES-04", severity, file.path(), line, 1, file.line(line).strip(), message,
                Finding.Confidence.LOW, "the review sees where the construction is, not how often it runs", "kb",
                null));
    }
}
