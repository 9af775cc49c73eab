package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that only deletes the timeout of a call it keeps: a builder step ({@code .queryTimeout(s)},
 * {@code .setConnectTimeout(ms)}, {@code .connectTimeout(d)}, {@code .timeout(d)}, a MongoDB query's
 * {@code .maxTime(d, unit)} or {@code .maxTimeMS(ms)}) taken out of a chain whose other lines stay, or a setter
 * statement ({@code ps.setQueryTimeout(5);}, {@code conn.setReadTimeout(ms);}) taken out from between lines that stay.
 * TMO-01 asks for connect and request timeouts on every client and a deadline on every
 * statement; the construction or the query itself is usually unchanged context, which the rules that read a whole
 * construction judge as untouched code (or cannot see whole), while the deleted line is the code's own word that the
 * call had a bound and now has none. Reported at the head of the chain, or for a deleted statement at the kept line
 * that builds its receiver (the line below the deletion when the hunk does not show it).
 * Silent when the deleted lines do anything else (a rewrite, not a dropped timeout), when the timeout was off anyway
 * ({@code 0}, {@code Duration.ZERO}, {@code -1}), for idle, keep-alive, eviction and shutdown timeouts (they bound no
 * wait of the caller), and when the change sets a timeout anywhere else (an added line of any file naming one).
 * A client's socket options step ({@code .withSocketOptions(opts)}: the Datastax driver's, Lettuce's) is where its
 * connect and read timeouts live, and counts as one. A chain whose timeout steps end it reads the same when the
 * step above takes over the chain's closing text ({@link #endMoved}).
 */
final class DeletedTimeoutSetters {

    static final String RULE = "deleted-timeout-setter";

    /**
     * A timeout step or setter call; group 1 is the method's name. The receiver may reach the object that holds the
     * timeout through no-argument getters ({@code client.getParams().setSoTimeout(ms)}, Commons HttpClient 3's
     * {@code client.getHttpConnectionManager().getParams().setConnectionTimeout(ms)}, a factory's
     * {@code getConfiguration()}): the setter configures the same client (session 45, round 79's hipchat notifier).
     */
    static final Pattern SETTER = Pattern.compile(
            "^\\s*(?:(?:this\\.)?[A-Za-z_$][\\w$]*(?:\\(\\))?(?:\\s*\\.\\s*get[A-Z]\\w*\\(\\s*\\))*\\s*)?\\.\\s*"
                    + "((?:set)?[A-Za-z]*Timeout[A-Za-z]*|timeout"
                    + "|(?:set)?[mM]axTime(?:MS|Msec)?|(?:with|set)?[sS]ocketOptions)"
                    + "\\s*\\((.*)\\)\\s*[;)]?\\s*(?://.*)?$");
    /** The receiver of a setter statement ({@code this.conn.setReadTimeout(ms);}); group 1 its name. */
    private static final Pattern RECEIVER = Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*\\.");
    static final Pattern NOT_A_WAIT = Pattern.compile("Idle|KeepAlive|Linger|Evict|Shutdown|Close|Grace|Ttl"
            + "|Lease|Validation|Without|Disable|No[A-Z]");
    static final Pattern OFF = Pattern.compile("^\\s*(?:0+[lL]?|-1|Duration\\.ZERO|Timeout\\.DISABLED)\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?://.*|/?\\*.*|\\*/)?$");
    static final Pattern MENTIONS_TIMEOUT = Pattern.compile("(?i)timeout|deadline|maxTime");
    /** An added line that hands a client socket options: where its timeouts went. */
    private static final Pattern MENTIONS_SOCKET_OPTIONS = Pattern.compile("(?i)socketOptions");

    /**
     * A configuring callback's body that sets timeouts, alone on its line or with its setter: {@code config ->
     * config.setConnectTimeout(ms).setSocketTimeout(ms));}. Group 1 the first timeout setter's name.
     */
    private static final Pattern CALLBACK_BODY = Pattern.compile(
            "^\\s*(?:[\\w.]+\\s*\\.\\s*set\\w*Callback\\s*\\(\\s*)?\\(?\\s*\\w+\\s*\\)?\\s*->\\s*\\w+\\s*\\.\\s*"
                    + "(set\\w*Timeout)\\s*\\(");
    /** The opening line of a configuring callback whose body follows: {@code builder.setRequestConfigCallback(}. */
    private static final Pattern CALLBACK_OPEN = Pattern.compile("^\\s*[\\w.]+\\s*\\.\\s*set\\w*Callback\\s*\\(\\s*$");
    /** A local holding a timeout's value: {@code int socketTimeout = ConfUtils.getInt(conf, key, 30000);}. */
    private static final Pattern TIMEOUT_LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:int|long|Integer|Long|Duration)\\s+\\w*(?i:timeout)\\w*\\s*=.*;\\s*$");

    private DeletedTimeoutSetters() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA || file.path().contains("/src/test/")
                || allAdded.anyFindsAnewOutsideTests(MENTIONS_TIMEOUT) || allAdded.anyFinds(MENTIONS_SOCKET_OPTIONS)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        Set<String> configs = deletedConfigs(file);
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = SETTER.matcher(removed.line().text());
            Matcher c = CALLBACK_BODY.matcher(removed.line().text());
            boolean limit = limits(removed.line().text(), configs);
            boolean inline = handsOver(removed.line().text(), configs);
            boolean nested = !limit && !inline && nestedSetter(removed.line().text());
            if (!limit && !inline && !nested && (m.find() ? NOT_A_WAIT.matcher(m.group(1)).find() || OFF.matcher(m.group(2)).matches()
                    : !c.find() || NOT_A_WAIT.matcher(c.group(1)).find())) {
                continue;
            }
            List<DiffLine> lines = removed.lines();
            int from = removed.index();
            while (from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.REMOVED) {
                from--;
            }
            int to = removed.index();
            while (to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.REMOVED) {
                to++;
            }
            boolean endMoved = endMoved(lines, from, to);
            if (endMoved && removed.index() == from) {
                continue; // the step that comes back with the chain's end: kept, not deleted
            }
            boolean edges = from > 0 && to + 1 < lines.size() && lines.get(from - 1).kind() == DiffLine.Kind.CONTEXT
                    && lines.get(to + 1).kind() == DiffLine.Kind.CONTEXT;
            boolean handed = edges && configStatement(lines, from, to, configs);
            if (!endMoved && !handed && (!edges || inline || nested
                    || !onlyTimeouts(lines, from, to, configs) && !wholeSteps(lines, from, to))) {
                continue; // a rewrite, or a deletion at the edge of what the hunk shows
            }
            boolean step = endMoved || !handed && removed.line().text().strip().startsWith(".");
            String setter = handed ? handingLine(lines, from, to)
                    : m.find(0) || limit ? removed.line().text() : statement(lines, from, to);
            if (TimeLimitSettings.LOOP.matcher(lines.get(from).text()).find()) {
                setter = lines.get(from).text(); // a loop that set the limit on each part: its receiver is no local
            }
            int line = step ? chainHead(lines, from - 1) : limit && !handed ? handedOn(lines, to, setter)
                    : builtAbove(lines, from, setter, lines.get(to + 1).newLine());
            if (line <= 0 && step && !endMoved) {
                line = lines.get(from - 1).newLine(); // the chain's head is above the hunk: the kept step above
            }
            if (line <= 0 || reported.contains(line)) {
                continue;
            }
            reported.add(line);
            out.add(new Finding(RULE, "TMO-01", severity, file.path(), line, 1, file.line(line).strip(),
                    "The change deletes `" + removed.line().text().strip() + "` and keeps the call it bounded: a "
                            + "peer or a database that stops answering now holds the caller (its thread and its "
                            + "pooled connection) without limit. Keep a timeout on this call, or say where it moved.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /**
     * The kept line above {@code from} that builds the receiver of the deleted setter statement {@code setter}
     * ({@code conn = (HttpURLConnection) url.openConnection();} for {@code conn.setReadTimeout(ms);}): the object that
     * lost its bound, where the rules that read a whole construction report too. {@code below} (the line under the
     * deletion) when the hunk does not show it.
     */
    private static int builtAbove(List<DiffLine> lines, int from, String setter, int below) {
        Matcher r = RECEIVER.matcher(setter);
        if (!r.find()) {
            return below;
        }
        Pattern built = Pattern.compile("(?<![\\w$.])" + Pattern.quote(r.group(1)) + "\\s*=[^=]");
        for (int j = from - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && built.matcher(l.text()).find() && l.newLine() > 0) {
                return l.newLine();
            }
        }
        return below;
    }

    /**
     * True when the deleted run {@code from..to} is the tail of a chain whose timeout steps went and whose end moved
     * up: the first deleted step comes back as the one added line below with the closing text the last deleted step had
     * ({@code .setDefaultHost(h)} and {@code .setConnectTimeout(ms));} become {@code .setDefaultHost(h));}). The other
     * deleted steps are timeouts of any kind (an idle timeout deleted with a connect timeout goes with it).
     */
    private static boolean endMoved(List<DiffLine> lines, int from, int to) {
        if (from == 0 || from >= to || to + 2 >= lines.size() || lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT
                || lines.get(to + 1).kind() != DiffLine.Kind.ADDED || lines.get(to + 2).kind() != DiffLine.Kind.CONTEXT) {
            return false;
        }
        for (int j = from + 1; j <= to; j++) {
            if (!COMMENT.matcher(lines.get(j).text()).matches() && !SETTER.matcher(lines.get(j).text()).find()) {
                return false;
            }
        }
        String last = lines.get(to).text();
        int open = last.indexOf('(');
        int close = open < 0 ? -1 : StrippedTimeouts.closing(last, open);
        return close > 0 && StrippedTimeouts.squeeze(lines.get(to + 1).text()).equals(
                StrippedTimeouts.squeeze(lines.get(from).text().stripTrailing() + last.substring(close + 1).strip()));
    }

    /**
     * True when every deleted line of {@code from..to} is a timeout step or setter, or a comment; or part of a
     * configuring callback that sets timeouts ({@code builder.setRequestConfigCallback(} and {@code config ->
     * config.setConnectTimeout(ms).setSocketTimeout(ms));}: Elasticsearch's and Apache HttpClient's builders take
     * their timeouts so), or a local that holds a timeout's value for them ({@code int socketTimeout = ...;}).
     */
    private static boolean onlyTimeouts(List<DiffLine> lines, int from, int to, Set<String> configs) {
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            Matcher m = SETTER.matcher(t);
            Matcher c = CALLBACK_BODY.matcher(t);
            if (!COMMENT.matcher(t).matches() && !(m.find() && !NOT_A_WAIT.matcher(m.group(1)).find())
                    && !(c.find() && !NOT_A_WAIT.matcher(c.group(1)).find()) && !limits(t, configs)
                    && !CALLBACK_OPEN.matcher(t).matches() && !TIMEOUT_LOCAL.matcher(t).matches()
                    && !(j == from && j < to && TimeLimitSettings.LOOP.matcher(t).find()
                            && lines.get(to).text().strip().equals("}"))
                    && !(j == to && j > from && t.strip().equals("}")
                            && TimeLimitSettings.LOOP.matcher(lines.get(from).text()).find())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a keyed setting deleted from a settings object ({@code props.put(REQUEST_TIMEOUT_MS_CONFIG, ms);}): the kept
     * line below that hands the object on ({@code new KafkaConsumer<>(props)}, {@code Session.getInstance(props, a)}),
     * where the client that lost the limit is made and a library model of it reports too; else the line that built it.
     */
    private static int handedOn(List<DiffLine> lines, int to, String setter) {
        Matcher r = RECEIVER.matcher(setter);
        if (r.find()) {
            Pattern passed = Pattern.compile("[(,]\\s*" + Pattern.quote(r.group(1)) + "\\s*[,)]");
            for (int j = to + 1; j < lines.size(); j++) {
                DiffLine l = lines.get(j);
                if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && passed.matcher(l.text()).find()) {
                    return l.newLine();
                }
            }
        }
        int from = to;
        while (from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.REMOVED) {
            from--;
        }
        return builtAbove(lines, from, setter, lines.get(to + 1).newLine());
    }

    /**
     * A statement that calls a method on a receiver ({@code post.setConfig(}, {@code request.setOptions(}): group 1 the
     * method's name. Not a declaration, not an assignment.
     */
    private static final Pattern CALL_STATEMENT = Pattern.compile(
            "^\\s*(?:this\\.)?[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*\\(\\s*\\))*\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(");
    /** A timeout step inside an argument: {@code RequestConfig.custom().setSocketTimeout(ms)}; group 1 its name, 2 its value. */
    private static final Pattern INNER_SETTER = Pattern.compile(
            "\\.\\s*((?!get|is|has)(?:set)?[A-Za-z]*Timeout[A-Za-z]*|[mM]axTime(?:MS)?|withDeadlineAfter)\\s*\\(\\s*([^(),]*)");

    /**
     * True when {@code line} opens a call on a receiver whose argument builds a configuring object with a timeout step
     * in it ({@code post.setConfig(RequestConfig.custom().setSocketTimeout(ms).build());}) or hands over a name whose
     * deleted declaration did ({@code get.setConfig(config);}).
     */
    private static boolean handsOver(String line, Set<String> configs) {
        Matcher c = CALL_STATEMENT.matcher(line);
        if (!c.find() || SETTER.matcher(line).find() || c.group(1).toLowerCase().contains("timeout")
                || c.group(1).startsWith("assert")) {
            return false;
        }
        String args = line.substring(c.end());
        Matcher m = INNER_SETTER.matcher(args);
        while (m.find()) {
            if (!NOT_A_WAIT.matcher(m.group(1)).find() && !OFF.matcher(m.group(2)).matches()) {
                return true;
            }
        }
        Matcher n = Pattern.compile("^\\s*([A-Za-z_$][\\w$]*)\\s*\\)\\s*;").matcher(args);
        return n.find() && configs.contains(n.group(1));
    }

    /** True when {@code line} carries a timeout step inside an argument and is no timeout step itself. */
    private static boolean nestedSetter(String line) {
        if (SETTER.matcher(line).find()) {
            return false;
        }
        Matcher m = INNER_SETTER.matcher(line);
        while (m.find()) {
            if (m.start() > 0 && !NOT_A_WAIT.matcher(m.group(1)).find() && !OFF.matcher(m.group(2)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The first line of {@code from..to} that opens a call on a receiver (not a declaration): the hand-over. */
    private static String handingLine(List<DiffLine> lines, int from, int to) {
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (CALL_STATEMENT.matcher(t).find() && !DECLARED.matcher(t).find()) {
                return t;
            }
        }
        return lines.get(from).text();
    }

    /**
     * True when the deleted run {@code from..to} is whole statements that call a method on a kept receiver and
     * hand it a configuring object with a timeout step (inline, or a name whose declaration, deleted in the run or
     * elsewhere in the file, built one: {@code RequestConfig config = RequestConfig.custom().setSocketTimeout(ms)
     * .build();} and {@code get.setConfig(config);}) (session 54, round 125's monero RPC: {@code
     * post.setConfig(RequestConfig.custom()} ... {@code .setSocketTimeout(ms)} ... {@code .build());} deleted, the
     * request kept and sent with the client's default, no bound): the statement's first line opens the call, its
     * parentheses close on its last line with {@code ;} and not before, and a line of it carries the timeout step.
     */
    private static boolean configStatement(List<DiffLine> lines, int from, int to, Set<String> configs) {
        if (to - from + 1 > STEP_LINES) {
            return false;
        }
        boolean handed = false;
        StringBuilder joined = new StringBuilder();
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text().strip();
            joined.append(t);
            if (!t.endsWith(";") && j < to) {
                continue;
            }
            String all = joined.toString();
            joined.setLength(0);
            Matcher d = DECLARED.matcher(all);
            if (d.find() && configs.contains(d.group(1)) || TIMEOUT_LOCAL.matcher(all).matches()) {
                continue; // the configuring object's own deleted declaration, or a timeout's value
            }
            Matcher c = CALL_STATEMENT.matcher(all);
            if (!all.endsWith(";") || !c.find() || StrippedTimeouts.closing(all, c.end() - 1) != all.length() - 2
                    || !handsOver(all, configs)) {
                return false;
            }
            handed = true;
        }
        return handed;
    }

    /** A step that hands the chain a configuring object by name: {@code .setDefaultRequestConfig(requestConfig)}. */
    private static final Pattern CONFIG_STEP = Pattern.compile("^\\s*\\.\\s*\\w+\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)\\s*$");
    /** The first line of a declaration or assignment: group 1 the name given a value. */
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*(?:(?:private|static|final)\\s+)*(?:[\\w.$]+(?:<[^=]*>)?\\s+)?(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*=[^=]");

    /** True when {@code line} sets a time limit ({@link TimeLimitSettings}) or hands over one of {@code configs}. */
    private static boolean limits(String line, Set<String> configs) {
        if (TimeLimitSettings.limits(line)) {
            return true;
        }
        Matcher c = CONFIG_STEP.matcher(line);
        return c.matches() && configs.contains(c.group(1));
    }

    /**
     * The names whose deleted declaration built a configuring object with a timeout setter in it ({@code RequestConfig
     * requestConfig = RequestConfig.custom().setConnectTimeout(ms)...build();}, deleted whole): the step that handed it
     * to a kept chain ({@code .setDefaultRequestConfig(requestConfig)}), deleted too, took the chain's bound with it
     * (session 53, round 117's zowe gateway: the construction kept falls back to the library's default, no bound).
     */
    private static Set<String> deletedConfigs(SourceFile file) {
        Set<String> out = new HashSet<>();
        for (var hunk : file.change().hunks()) {
            List<DiffLine> lines = hunk.lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher d = DECLARED.matcher(lines.get(i).text());
                if (lines.get(i).kind() != DiffLine.Kind.REMOVED || !d.find()) {
                    continue;
                }
                for (int j = i; j < lines.size() && j < i + STEP_LINES && lines.get(j).kind() == DiffLine.Kind.REMOVED;
                        j++) {
                    Matcher m = SETTER.matcher(lines.get(j).text());
                    if (m.find() && !NOT_A_WAIT.matcher(m.group(1)).find() && !OFF.matcher(m.group(2)).matches()
                            || nestedSetter(lines.get(j).text())) {
                        out.add(d.group(1));
                        break;
                    }
                    if (lines.get(j).text().strip().endsWith(";")) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** How many deleted lines a run of whole chain steps is read across. */
    private static final int STEP_LINES = 8;

    /**
     * True when the deleted run {@code from..to} is whole steps of a chain that stays (session 52, tmo52): it starts
     * with a step ({@code .withClientConfiguration(new ClientConfiguration()}, {@code .setDefaultRequestConfig(}), its
     * parentheses close within it, the kept line above leaves the chain open and the kept line below goes on with a
     * step ({@code .withCredentials(p)}, {@code .build();}). The run carries a timeout setter (the caller read it);
     * whatever else the configuring object it built held (a cookie spec, a retry count), the construction kept now
     * falls back to the library's default, which for Apache HttpClient, the AWS SDK, OkHttp and the Elasticsearch
     * clients is no bound on the response. Rounds 17, 108, 110 and 113 (four libraries, one shape).
     */
    private static boolean wholeSteps(List<DiffLine> lines, int from, int to) {
        if (to - from + 1 > STEP_LINES || !lines.get(from).text().strip().startsWith(".")
                || !lines.get(to + 1).text().strip().startsWith(".") || !open(lines.get(from - 1).text())) {
            return false;
        }
        int depth = 0;
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (COMMENT.matcher(t).matches()) {
                continue;
            }
            boolean quoted = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '"' && (i == 0 || t.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')' && --depth < 0) {
                    return false;
                }
            }
            if (depth == 0 && j < to && !lines.get(j + 1).text().strip().startsWith(".")) {
                return false; // a step closed and the next deleted line is no step: another statement
            }
        }
        return depth == 0;
    }

    /** A line that leaves its statement open: it does not end with {@code ;} or a brace. */
    private static boolean open(String line) {
        String t = line.strip();
        return !t.isEmpty() && !t.endsWith(";") && !t.endsWith("{") && !t.endsWith("}");
    }

    /** The first deleted line of {@code from..to} that is no timeout local: the statement whose receiver lost it. */
    private static String statement(List<DiffLine> lines, int from, int to) {
        for (int j = from; j <= to; j++) {
            if (!TIMEOUT_LOCAL.matcher(lines.get(j).text()).matches()) {
                return lines.get(j).text();
            }
        }
        return lines.get(to).text();
    }

    /**
     * The new line of the chain's head above {@code at}: the nearest line, going up through kept lines, that does not
     * start with a dot (a step). 0 when the hunk does not show it or a statement ends first.
     */
    static int chainHead(List<DiffLine> lines, int at) {
        for (int j = at; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || COMMENT.matcher(l.text()).matches()) {
                continue;
            }
            String t = l.text().strip();
            if (j < at && (t.endsWith(";") || t.endsWith("}") || t.endsWith("{"))) {
                return 0;
            }
            if (!t.startsWith(".")) {
                return l.newLine();
            }
        }
        return 0;
    }
}
