package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * A change that keeps a time limit's setting and loosens it (session 53, tmo53; Go and Java): the line stays, only its
 * value changes, so the readers of deleted settings ({@link DeletedTimeoutSetters}, {@link GoStrippedTimeouts}) see a
 * rewrite. Three forms, read from the edit alone:
 * <ul>
 * <li><b>made off</b>: a setting whose name says timeout or deadline keeps its name and gets a value that turns the limit
 * off ({@code conn.setReadTimeout(15000)} becoming {@code conn.setReadTimeout(0)}, {@code ReadTimeout: 3 * time.Second}
 * becoming {@code ReadTimeout: 0}, {@code .readTimeout(Duration.ZERO)}): 0 is "wait for ever" for the JDK's sockets
 * and URL connections, OkHttp, Apache HttpClient, Netty and every Go client;</li>
 * <li><b>a unit that lengthens it</b>: the line is the same but for one unit word, and the swap makes the wait longer: a
 * factory's or a unit constant's unit made coarser ({@code Duration.ofMillis(t)} to {@code Duration.ofSeconds(t)},
 * {@code TimeUnit.MILLISECONDS} to {@code SECONDS}, {@code time.Millisecond} to {@code time.Second}) or the value
 * handed to the same setting named for a finer unit ({@code .launchTimeout(getLaunchTimeoutSeconds())} to
 * {@code .launchTimeout(getLaunchTimeoutMillis())}: a thousand times the configured wait, round 121's jenkins
 * plugin);</li>
 * <li><b>a per-part loop deleted</b> (Go): {@code for _, s := range servers { s.Timeout = d }} taken out whole, each
 * server now on its library's default (the Java loop is {@link DeletedTimeoutSetters}'s).</li>
 * </ul>
 * Not reported: an idle, keep-alive, TTL or retry value ({@link TimeLimitSettings#NOT_A_WAIT}); a swap that shortens
 * the wait (a fix's direction, or a limit made stricter); a changed block with a comment (the author says why, a stream
 * that must not time out); tests; a loop whose body does anything but set the limit, or when an added line of a
 * non-test file names a timeout or deadline (the limit moved).
 */
final class LoosenedTimeLimits {

    static final String RULE = "time-limit-loosened";

    /** Tokens: camel-case words, upper-case words, numbers, single other characters (with their offsets). */
    private static final Pattern TOKEN = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\\d+|\\S");
    private static final Pattern OFF = Pattern.compile(
            "^(?:0+[lL]?|-1|Duration\\.ZERO|Timeout\\.DISABLED|time\\.Duration\\(0\\)|Integer\\.MAX_VALUE"
                    + "|Long\\.MAX_VALUE|\"0\")$");
    /** The end of the text before a value: a setting whose last name says timeout or deadline, then {@code :}, {@code =}
     * or an opening parenthesis (also after a key argument). */
    private static final Pattern SETTING_BEFORE = Pattern.compile(
            "(?i)(\\w*(?:time_?out|deadline)\\w*)\"?\\s*(?::|=|\\(|,)\\s*$");
    /** The unit words, finest first. */
    private static final List<Pattern> UNITS = List.of(
            Pattern.compile("(?i)nanos?|nanoseconds?|ns"),
            Pattern.compile("(?i)micros?|microseconds?|us"),
            Pattern.compile("(?i)millis?|milliseconds?|ms|msec"),
            Pattern.compile("(?i)secs?|seconds?|s"),
            Pattern.compile("(?i)mins?|minutes?"),
            Pattern.compile("(?i)hours?|h"));
    /** What comes before a unit that is the interpretation of a number ({@code Duration.of}, {@code TimeUnit.}). */
    private static final Pattern INTERPRETS = Pattern.compile("(?:Duration\\.of|TimeUnit\\.|ChronoUnit\\.|time\\.)$");
    private static final Pattern COMMENT = Pattern.compile("//|/\\*|^\\s*\\*");
    private static final Pattern GO_LOOP = Pattern.compile("^\\s*for\\s+(?:\\w+\\s*,\\s*)?(\\w+)\\s*:?=\\s*range\\s+.+\\{\\s*$");
    private static final Pattern LIMIT = Pattern.compile("(?i)time_?out|deadline");

    private LoosenedTimeLimits() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA && file.language() != Language.GO || file.path().endsWith("_test.go")
                || file.path().contains("/src/test/")) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        Set<String> bearing = limitBearing(file);
        boolean lone = swaps(file) <= 1;
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                if (block.stream().anyMatch(l -> COMMENT.matcher(l.text()).find())) {
                    continue;
                }
                List<DiffLine> removed = block.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).toList();
                List<DiffLine> added = block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).toList();
                if (removed.size() != added.size()) {
                    continue;
                }
                for (int i = 0; i < removed.size(); i++) {
                    String why = loosened(removed.get(i).text(), added.get(i).text(), bearing);
                    if (why != null && why.startsWith(SWAP) && (!lone || declaredAnew(added.get(i).text(), allAdded))) {
                        continue; // a unit renamed through the code (the callee moved with it), not a slip
                    }
                    DiffLine at = added.get(i);
                    if (why != null && at.newLine() > 0) {
                        out.add(finding(file, severity, at.newLine(), at.text(), "changes `" + removed.get(i).text()
                                .strip() + "` to `" + at.text().strip() + "`: " + why));
                    }
                }
            }
            if (file.language() == Language.GO && !allAdded.anyFindsOutsideTests(LIMIT)) {
                goLoops(file, severity, h, out);
                timerCases(file, severity, h, out);
            }
            if (!bearing.isEmpty() && !allAdded.anyFindsAnewOutsideTests(LIMIT)) {
                droppedArguments(file, severity, h, bearing, out);
            }
            if (file.language() == Language.GO) {
                bareSelects(file, catalog, h, out);
            }
        }
        return out;
    }

    /** Why the edit from {@code old} to {@code now} loosens a time limit, or null. */
    static String loosened(String old, String now, Set<String> bearing) {
        String replaced = defaulted(old, now, bearing);
        if (replaced != null) {
            return replaced;
        }
        if (!LIMIT.matcher(now).find() || TimeLimitSettings.NOT_A_WAIT.matcher(now).find()) {
            return null;
        }
        List<int[]> a = tokens(old);
        List<int[]> b = tokens(now);
        int[] ends = sharedEnds(old, a, now, b);
        int p = ends[0];
        int s = ends[1];
        if (a.size() - s - p < 1 || b.size() - s - p < 1 || p == 0) {
            return null;
        }
        String before = now.substring(0, b.get(p)[0]);
        String oldMid = old.substring(a.get(p)[0], a.get(a.size() - 1 - s)[1]);
        String newMid = now.substring(b.get(p)[0], b.get(b.size() - 1 - s)[1]);
        if (OFF.matcher(newMid.replace(" ", "")).matches() && !OFF.matcher(oldMid.replace(" ", "")).matches()
                && SETTING_BEFORE.matcher(before).find() && balanced(oldMid)) {
            return "the setting keeps its name and its limit is now off, so the call waits for ever";
        }
        String after = now.substring(b.get(b.size() - 1 - s)[1]);
        // not when the value set is itself named for the connect (tika's setSocketTimeoutMillis(getConnectTimeout...)
        // made setConnectTimeoutMillis: the setter now matches its value, a mismatch fixed; precision set 17)
        if (WHOLE_CALL.matcher(oldMid).matches() && CONNECT.matcher(newMid).matches()
                && LIMIT_NEXT.matcher(after).lookingAt()
                && !CONNECT.matcher(after.substring(after.indexOf('(') + 1)).find()) {
            return "the limit that bounded the whole call now bounds only its connect: a peer that accepts and then "
                    + "stops answering holds the call without limit";
        }
        int from = unit(oldMid);
        int to = unit(newMid);
        if (from < 0 || to < 0 || from == to) {
            return null;
        }
        boolean interprets = INTERPRETS.matcher(before.stripTrailing()).find();
        if (interprets ? to > from : to < from) {
            return SWAP + " and the wait it sets is now " + (interprets ? "read in a coarser unit"
                    : "a value counted in a finer unit") + ": many times longer than configured";
        }
        return null;
    }

    /** The library's default where a bounded value stood: {@code RequestOptions.DEFAULT}, {@code kafka.DefaultDialer}. */
    private static final Pattern DEFAULT = Pattern.compile(
            "^(?:[A-Za-z_]\\w*\\.)*(?:DEFAULT\\w*|Default[A-Z]?\\w*|default[A-Z]\\w*|createDefault|defaults)(?:\\(\\))?$");
    /** A declaration's first line: group 1 the name (Java {@code static final T NAME =}, Go {@code name :=}). */
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*(?:(?:private|protected|public|static|final|var)\\s+)*(?:[\\w.$]+(?:<[^=]*>)?\\s+)?"
                    + "([A-Za-z_$][\\w$]*)\\s*:?=[^=]");

    /**
     * The edit replaces one value by the library's default, and the old value bounded a wait: it names a limit
     * ({@code &kafka.Dialer{Timeout: 10 * time.Second}}) or is a name whose deleted declaration set one
     * ({@code HEALTH_OPTIONS}, built with {@code setSocketTimeout(5_000)}, become {@code RequestOptions.DEFAULT}:
     * round 113's micronaut). The defaults of HTTP, Elasticsearch, Kafka and most clients bound no response.
     */
    private static String defaulted(String old, String now, Set<String> bearing) {
        List<int[]> a = tokens(old);
        List<int[]> b = tokens(now);
        int[] ends = sharedEnds(old, a, now, b);
        int p = ends[0];
        int s = ends[1];
        if (a.size() - s - p < 1 || b.size() - s - p < 1) {
            return null;
        }
        String oldMid = old.substring(a.get(p)[0], a.get(a.size() - 1 - s)[1]).strip();
        String newMid = now.substring(b.get(p)[0], b.get(b.size() - 1 - s)[1]).strip();
        if (!DEFAULT.matcher(newMid).matches() || LIMIT.matcher(newMid).find() || !balanced(oldMid)) {
            return null;
        }
        boolean named = LIMIT.matcher(oldMid).find() && !TimeLimitSettings.NOT_A_WAIT.matcher(oldMid).find();
        if (named || bearing.contains(oldMid)) {
            return "the value that carried a time limit is replaced by the library's default, which carries none";
        }
        return null;
    }

    /** Names whose deleted declaration (its first eight lines) names a time limit that bounds a wait. */
    private static Set<String> limitBearing(SourceFile file) {
        Set<String> out = new HashSet<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher d = DECLARED.matcher(lines.get(i).text());
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || !d.find()) {
                    continue;
                }
                for (int j = i; j < lines.size() && j < i + 8 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j++) {
                    String t = lines.get(j).text();
                    if (LIMIT.matcher(t).find() && !TimeLimitSettings.NOT_A_WAIT.matcher(t).find()) {
                        out.add(d.group(1));
                        break;
                    }
                    if (j > i && (t.strip().endsWith(";") || t.strip().equals("}"))) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static final String SWAP = "one unit word is swapped";
    /** The phases a limit bounds: the whole call (or its reads), and the connect alone. */
    private static final Pattern WHOLE_CALL = Pattern.compile("(?i)call|request|read|socket|so|response|total|overall");
    private static final Pattern CONNECT = Pattern.compile("(?i)connect|connection|dial");
    private static final Pattern LIMIT_NEXT = Pattern.compile("(?i)_?time_?out");
    /** A name's declaration: a type (or {@code func}) before it, a parameter list or a value after. */
    private static final String DECLARING = "(?:\\b(?:long|int|Long|Integer|Duration|double|float|void|func|var)\\s+|:=\\s*)";

    /**
     * How many edited lines of the file swap one unit word for another (either way, comments too): more than one is a
     * unit renamed through the code (tika's seconds made milliseconds in the getter, the field, the parameter and
     * every call), which the swap reading leaves alone; a single swap is a slip.
     */
    private static int swaps(SourceFile file) {
        int n = 0;
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                List<DiffLine> removed = block.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).toList();
                List<DiffLine> added = block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).toList();
                for (int i = 0; i < Math.min(removed.size(), added.size()); i++) {
                    String a = removed.get(i).text();
                    String b = added.get(i).text();
                    if (!a.equals(b) && UNIT_WORD.matcher(a).replaceAll("U").equals(UNIT_WORD.matcher(b).replaceAll("U"))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static final Pattern UNIT_WORD = Pattern.compile(
            "(?i)nanos(?:econds?)?|nanosecond|micros(?:econds?)?|microsecond|millis(?:econds?)?|millisecond|seconds?|secs?"
                    + "|minutes?|mins|hours?");

    /**
     * True when the value the added line hands over is a name that an added line of the change declares
     * ({@code public long getTimeoutMillis()}, {@code long timeoutMillis}): the callee was rewritten with it.
     */
    private static boolean declaredAnew(String now, AddedLines allAdded) {
        Matcher n = Pattern.compile("[A-Za-z_]\\w*(?i:millis|milliseconds|seconds|secs|nanos|micros|minutes|ms)\\b")
                .matcher(now);
        while (n.find()) {
            Pattern declared = Pattern.compile(DECLARING + Pattern.quote(n.group()) + "\\b");
            if (allAdded.anyFinds(declared)) {
                return true;
            }
        }
        return false;
    }

    private static int unit(String word) {
        if (!word.matches("[A-Za-z]+")) {
            return -1;
        }
        for (int i = 0; i < UNITS.size(); i++) {
            if (UNITS.get(i).matcher(word).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean balanced(String s) {
        int d = 0;
        for (char c : s.toCharArray()) {
            d += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (d < 0) {
                return false;
            }
        }
        return d == 0;
    }

    private static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private static String text(String s, int[] t) {
        return s.substring(t[0], t[1]);
    }

    /**
     * A Go loop deleted whole whose body only sets a time limit on each part ({@code s.Timeout = d},
     * {@code s.SetTimeout(d)}), between kept lines: reported at the first kept line below.
     */
    private static void goLoops(SourceFile file, Severity severity, Hunk h, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int i = 1; i < lines.size(); i++) {
            Matcher loop = GO_LOOP.matcher(lines.get(i).text());
            if (lines.get(i).kind() != DiffLine.Kind.REMOVED || lines.get(i - 1).kind() != DiffLine.Kind.CONTEXT
                    || !loop.matches()) {
                continue;
            }
            Pattern set = Pattern.compile("^\\s*" + Pattern.quote(loop.group(1))
                    + "\\.(?:\\w+\\.)*(?:Set)?(\\w*(?:Timeout|Deadline)\\w*)\\s*(?:=\\s*(.+)|\\((.+)\\))\\s*$");
            int j = i + 1;
            boolean body = false;
            while (j < lines.size() && lines.get(j).kind() == DiffLine.Kind.REMOVED
                    && !lines.get(j).text().strip().equals("}")) {
                Matcher m = set.matcher(lines.get(j).text());
                if (!m.matches() || TimeLimitSettings.NOT_A_WAIT.matcher(m.group(1)).find()
                        || OFF.matcher((m.group(2) != null ? m.group(2) : m.group(3)).strip()).matches()) {
                    body = false;
                    break;
                }
                body = true;
                j++;
            }
            if (!body || j + 1 >= lines.size() || lines.get(j).kind() != DiffLine.Kind.REMOVED
                    || lines.get(j + 1).kind() != DiffLine.Kind.CONTEXT) {
                continue;
            }
            for (int k = j + 1; k < lines.size(); k++) {
                DiffLine l = lines.get(k);
                if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && !l.text().isBlank()) {
                    out.add(finding(file, severity, l.newLine(), l.text(), "deletes the loop `"
                            + lines.get(i).text().strip() + "` that set a time limit on each part, and keeps the "
                            + "parts: each one now waits as long as its library's default"));
                    break;
                }
            }
        }
    }

    /** A select case on a timer: {@code case <-time.After(d):}, {@code case <-deadline.C:}. */
    private static final Pattern TIMER_CASE = Pattern.compile(
            "^\\s*case\\s*<-\\s*(?:time\\.After\\s*\\(.*\\)|\\w*(?i:timeout|deadline|timer)\\w*(?:\\.C)?)\\s*:\\s*$");
    private static final Pattern SELECT = Pattern.compile("^\\s*select\\s*\\{\\s*$");

    /**
     * A Go select that loses its timer case (session 53): {@code case <-time.After(w.timeout): return nil, ErrTimeout}
     * deleted whole, the select and its other cases kept, so the receive waits for ever. The deleted case must name a
     * limit (its duration or its exit: {@code ErrTimeout}, {@code context.DeadlineExceeded}), not a pacing interval or a
     * heartbeat; the kept line below ends the select or opens another case. Reported at the select.
     */
    private static void timerCases(SourceFile file, Severity severity, Hunk h, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).kind() != DiffLine.Kind.REMOVED || lines.get(i - 1).kind() == DiffLine.Kind.REMOVED
                    || !TIMER_CASE.matcher(lines.get(i).text()).matches()) {
                continue;
            }
            int j = i + 1;
            boolean limit = LIMIT.matcher(lines.get(i).text()).find();
            while (j < lines.size() && lines.get(j).kind() == DiffLine.Kind.REMOVED) {
                String t = lines.get(j).text().strip();
                if (t.startsWith("case ") || t.startsWith("default:") || t.startsWith("}") || t.contains("select")) {
                    break;
                }
                limit |= LIMIT.matcher(t).find() || t.contains("timed out");
                j++;
            }
            if (!limit || j >= lines.size() || lines.get(j).kind() != DiffLine.Kind.CONTEXT
                    || TimeLimitSettings.NOT_A_WAIT.matcher(lines.get(i).text()).find()) {
                continue;
            }
            String below = lines.get(j).text().strip();
            if (!below.startsWith("}") && !below.startsWith("case ") && !below.startsWith("default:")) {
                continue;
            }
            for (int k = i - 1; k >= 0; k--) {
                DiffLine l = lines.get(k);
                if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && SELECT.matcher(l.text()).matches()) {
                    out.add(finding(file, severity, l.newLine(), l.text(), "deletes the select's timer case `"
                            + lines.get(i).text().strip() + "` and keeps the select: the receive now waits with no "
                            + "limit"));
                    break;
                }
                if (l.kind() == DiffLine.Kind.ADDED || l.text().startsWith("func ")) {
                    break;
                }
            }
        }
    }

    /**
     * A value that carried a time limit, deleted with the argument or step that handed it to a call the change keeps
     * (session 54, round 123's kubi: {@code dialer := &net.Dialer{Timeout: c.cfg.DialTimeout}} deleted and
     * {@code ldap.DialURL(u, ldap.DialWithDialer(dialer), tls)} become {@code ldap.DialURL(u, tls)}; a Java
     * {@code Duration timeout = ...;} deleted and {@code future.get(timeout.toMillis(), MILLISECONDS)} become
     * {@code future.get()}): the added line is the deleted one less a stretch that names the value, and adds no word of
     * its own. The call now waits on its library's default, which for dials, requests and futures is no bound.
     */
    private static void droppedArguments(SourceFile file, Severity severity, Hunk h, Set<String> bearing,
            List<Finding> out) {
        for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
            List<DiffLine> removed = block.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).toList();
            for (DiffLine a : block) {
                String st = a.text().strip();
                if (a.kind() != DiffLine.Kind.ADDED || a.newLine() <= 0 || !a.text().contains("(")
                        || st.startsWith("//") || st.startsWith("*") || st.startsWith("/*") || st.startsWith("}")) {
                    continue;
                }
                for (DiffLine r : removed) {
                    String name = cutName(r.text(), a.text(), bearing);
                    if (name != null && out.stream().noneMatch(f -> f.line() == a.newLine())) {
                        out.add(finding(file, severity, a.newLine(), a.text(), "deletes `" + name + "`, which carried "
                                + "a time limit, with the argument that handed it to `" + a.text().strip()
                                + "`: the call now waits on its library's default, which bounds nothing"));
                        break;
                    }
                }
            }
        }
    }

    /** The limit-bearing name the edit from {@code old} to {@code now} cuts out with its stretch, or null. */
    private static String cutName(String old, String now, Set<String> bearing) {
        List<int[]> a = tokens(old);
        List<int[]> b = tokens(now);
        int[] ends = sharedEnds(old, a, now, b);
        int p = ends[0];
        int s = ends[1];
        if (a.size() - s - p < 1 || p == 0 || s == 0) {
            return null;
        }
        String cut = old.substring(a.get(p)[0], a.get(a.size() - 1 - s)[1]);
        String put = b.size() - s > p ? now.substring(b.get(p)[0], b.get(b.size() - 1 - s)[1]).strip() : "";
        if (bearing.contains(cut.strip()) && (DEFAULT.matcher(put).matches() || put.equals("nil") || put.equals("null"))) {
            return cut.strip(); // the value replaced by the library's default or by none
        }
        if (a.size() - s - p < 2) {
            return null;
        }
        for (int i = p; i < b.size() - s; i++) {
            if (Character.isLetterOrDigit(now.charAt(b.get(i)[0]))) {
                return null; // the new line says something of its own: a rewrite
            }
        }
        for (String name : bearing) {
            if (NOT_A_CARRIER.matcher(name).find()) {
                continue; // an error or a result assigned from a call that sets a limit carries none itself
            }
            Pattern word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "(?![\\w$])");
            if (word.matcher(cut).find() && !word.matcher(now).find()) {
                return name;
            }
        }
        return null;
    }

    /** Names that hold an error or a call's result, not a limit ({@code err := conn.SetReadDeadline(t)}). */
    private static final Pattern NOT_A_CARRIER = Pattern.compile("^(?:_|ok|e|err|errs|error|res|resp|result|ret)$|Err$|Error$");

    private static final Pattern SELECT_OPEN = Pattern.compile("^(\\s*)select\\s*\\{\\s*$");
    /** A case that ends a wait on the caller's context: {@code case <-ctx.Done():}, {@code case <-c.ctx.Done():}. */
    private static final Pattern DONE_CASE = Pattern.compile(
            "^\\s*case\\s*<-\\s*(?:[\\w.]+\\.)?\\w*(?i:ctx|context)\\w*(?:\\(\\))?\\.Done\\(\\)\\s*:\\s*$");
    /** A case that sends or receives: group 1 the operation ({@code ch <- e}, {@code v := <-ch}, {@code <-ch}). */
    private static final Pattern OP_CASE = Pattern.compile("^\\s*case\\s+(.*<-.*?)\\s*:\\s*$");

    /**
     * A Go select that bounded a send or a receive by the caller's context or a timer, replaced by the bare operation
     * (session 54, round 125's dogechain: {@code select { case <-client.ctx.Done(): return; case ch <- e: }} become
     * {@code ch <- e}): once the other side stops, the goroutine blocks for good and the caller's cancel no longer
     * reaches it. The deleted select has exactly the two cases; the added lines are the operation and then the lines of
     * its case's body, nothing else. TMO-02 for a context's {@code Done()}, TMO-01 for a timer case that names a limit.
     * Reported at the operation.
     */
    private static void bareSelects(SourceFile file, Catalog catalog, Hunk h, List<Finding> out) {
        List<DiffLine> lines = h.lines();
        for (int i = 1; i < lines.size(); i++) {
            Matcher open = SELECT_OPEN.matcher(lines.get(i).text());
            if (lines.get(i).kind() != DiffLine.Kind.REMOVED || lines.get(i - 1).kind() == DiffLine.Kind.REMOVED
                    || !open.matches()) {
                continue;
            }
            String close = open.group(1) + "}";
            int end = i + 1;
            while (end < lines.size() && lines.get(end).kind() == DiffLine.Kind.REMOVED
                    && !lines.get(end).text().stripTrailing().equals(close)) {
                end++;
            }
            if (end >= lines.size() || lines.get(end).kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            String bound = null;
            String op = null;
            List<String> opBody = new ArrayList<>();
            List<String> current = null;
            int cases = 0;
            for (int j = i + 1; j < end; j++) {
                String t = lines.get(j).text();
                String st = t.strip();
                if (st.startsWith("case ") || st.startsWith("default:")) {
                    cases++;
                    current = null;
                    if (DONE_CASE.matcher(t).matches() || TIMER_CASE.matcher(t).matches()
                            && LIMIT.matcher(t).find() && !TimeLimitSettings.NOT_A_WAIT.matcher(t).find()) {
                        bound = bound == null ? st : "";
                    } else {
                        Matcher m = OP_CASE.matcher(t);
                        if (!m.matches() || op != null) {
                            op = "";
                        } else {
                            op = m.group(1).strip();
                            current = opBody;
                        }
                    }
                } else if (current != null && !st.isEmpty()) {
                    current.add(st);
                }
            }
            if (cases != 2 || bound == null || bound.isEmpty() || op == null || op.isEmpty()) {
                continue;
            }
            int k = end + 1;
            List<DiffLine> added = new ArrayList<>();
            while (k < lines.size() && lines.get(k).kind() == DiffLine.Kind.ADDED) {
                if (!lines.get(k).text().isBlank()) {
                    added.add(lines.get(k));
                }
                k++;
            }
            if (added.isEmpty() || k >= lines.size() || lines.get(k).kind() != DiffLine.Kind.CONTEXT
                    || !StrippedTimeouts.squeeze(added.get(0).text()).equals(StrippedTimeouts.squeeze(op))
                    || added.size() != opBody.size() + 1) {
                continue;
            }
            boolean same = true;
            for (int n = 0; n < opBody.size(); n++) {
                same &= added.get(n + 1).text().strip().equals(opBody.get(n));
            }
            DiffLine at = added.get(0);
            if (!same || at.newLine() <= 0) {
                continue;
            }
            boolean context = DONE_CASE.matcher("\t" + bound).matches();
            String item = context ? "TMO-02" : "TMO-01";
            Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
            out.add(new Finding(RULE, item, severity, file.path(), at.newLine(), 1, at.text().strip(),
                    "The change replaces the select that bounded `" + op + "` by `" + bound + "` with the bare "
                            + "operation: once the other side stops, this " + (context
                            ? "goroutine blocks for good and the caller's cancel no longer reaches it"
                            : "wait has no limit") + ". Keep the select, or say what bounds the wait now.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
    }

    private static Finding finding(SourceFile file, Severity severity, int line, String text, String what) {
        return new Finding(RULE, "TMO-01", severity, file.path(), line, 1, text.strip(),
                "The change " + what + ". A peer that stops answering now holds the caller far longer than the "
                        + "code meant, or for ever. Keep the limit, or say where it moved.",
                Finding.Confidence.HIGH, null, "kb", null);
    }

    /** How many tokens the two lines share at their start and, of the rest, at their end. */
    private static int[] sharedEnds(String old, List<int[]> a, String now, List<int[]> b) {
        int p = 0;
        while (p < a.size() && p < b.size() && text(old, a.get(p)).equals(text(now, b.get(p)))) {
            p++;
        }
        int s = 0;
        while (s < a.size() - p && s < b.size() - p
                && text(old, a.get(a.size() - 1 - s)).equals(text(now, b.get(b.size() - 1 - s)))) {
            s++;
        }
        return new int[] {p, s};
    }
}
