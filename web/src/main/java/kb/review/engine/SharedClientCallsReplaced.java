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
 * An edit that stops calling a client the object holds and builds one in the method instead: the deleted line made a
 * call on a field ({@code resp, err := p.client.Do(req)}, {@code this.http.send(request, ofString())}), and the added
 * lines build a client in a local ({@code client := &http.Client{Timeout: 30 * time.Second}}, {@code HttpClient c =
 * HttpClient.newHttpClient();}, {@code new OkHttpClient()}, {@code HttpClients.createDefault()}, JAX-RS
 * {@code ClientBuilder.newClient()}) and make the same call on it. RES-04: the object held a shared client (its own
 * field, the change's deleted line shows it used), and every call of the method now builds a new one with its own
 * connection pool. {@link ReplacedSharedClients} reads the Java swap of a local's initialiser; this is the swap of the
 * call's receiver, in Go and Java. Reported at the construction, at low confidence (the review sees the swap, not how
 * often the method runs).
 *
 * <p>Silent in a constructor, {@code init}/{@code main}, a Go {@code New...} function, test sources, and when the added
 * lines keep the built client (stored in a field, returned): a factory's caller decides how often it runs.
 */
final class SharedClientCallsReplaced {

    static final String RULE = "shared-client-call-replaced-by-new";

    /** A call on a field: group 1 the holder ({@code p}, {@code this}), 2 the field, 3 the method. */
    private static final Pattern FIELD_CALL = Pattern.compile(
            "(?<![\\w.])(this|[a-z]\\w{0,11})\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /**
     * A call on a client named bare: a Java field or a Go package variable ({@code httpClient.send(}), or the object's
     * getter of it ({@code httpClient().request(}), or one named just {@code client}, or a broker's or database's
     * connection the object keeps ({@code connection.createChannel()}); group 2 the name, 3 the method.
     */
    private static final Pattern BARE_CALL = Pattern.compile("(?<![\\w.])()(client|connection|[a-z]\\w*(?:[cC]lient"
            + "|[hH]ttp|Pool|pool|Connection))(?:\\s*\\(\\s*\\))?\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /**
     * A Java call whose name says it makes a client ({@code createHttpClient(config)}, {@code
     * vertx.createHttpClient(options)}, {@code buildClient()}, {@code ApiClients.newClient(url)}): a project factory
     * or a library's, whatever it returns the caller owns a new one.
     */
    private static final String FACTORY = "(?:[\\w.]+\\s*\\.\\s*)?(?:create|new|build|make)\\w*Client\\s*\\(";
    /** A Java client constructed inline, up to the opening bracket of its arguments. */
    private static final Pattern JAVA_INLINE = Pattern.compile(
            "(?<![\\w.])(?:new\\s+[\\w.]*Client\\s*(?:<[^>]*>)?\\s*\\(|" + FACTORY + ")");
    /** A Go client constructed inline: a client literal in brackets, or a {@code New...Client(} call. */
    private static final Pattern GO_INLINE = Pattern.compile(
            "\\(\\s*&?\\s*[\\w.]*(?:Client|Transport)\\s*\\{|(?<![\\w.])[\\w.]+\\.New\\w*Client\\s*\\(");
    /** A Go local built as a client: group 1 the name, 2 the construction. */
    private static final Pattern GO_BUILT = Pattern.compile(
            "^\\s*([a-z]\\w*)\\s*:?=\\s*(&?\\s*[\\w.]*(?:Client|Transport|Pool)\\s*\\{.*|[\\w.]+\\.New(?:\\w*Client|\\w*Pool)?\\s*\\(.*)$");
    /**
     * A Java local built as a client: group 1 the name, 2 the construction. A client type's own factory ({@code
     * AdminClient.create(props)}, {@code S3Client.builder()}) and a connection a factory opens ({@code
     * factory.newConnection()}, a JMS {@code createConnection()}) are new ones as much as {@code new} is.
     */
    private static final Pattern JAVA_BUILT = Pattern.compile(
            "^\\s*(?:try\\s*\\(\\s*)?(?:final\\s+)?(?:[\\w.<>]+\\s+)?([a-z]\\w*)\\s*=\\s*(new\\s+[\\w.]*(?:Client|RestTemplate)\\b.*"
                    + "|(?:HttpClient|HttpClients|ClientBuilder|WebClient|HttpClientBuilder|RestClient)\\s*\\.\\s*"
                    + "(?:newHttpClient|newBuilder|newClient|createDefault|createSystem|custom|create|builder)\\s*\\(.*"
                    + "|[A-Z]\\w*Client\\s*\\.\\s*(?:create|newClient|builder|newBuilder)\\s*\\(.*"
                    + "|[\\w.]+\\s*\\.\\s*(?:new|create)\\w*Connection\\s*\\(.*"
                    + "|" + FACTORY + ".*)$");
    /** Where a client built once belongs: a constructor, a start-up function, a Go factory. */
    private static final Pattern ONE_TIME = Pattern.compile("\\bfunc\\s+(?:\\([^)]*\\)\\s*)?(?:New\\w*|init|main|"
            + "setup\\w*|Setup\\w*)\\s*\\(|\\bvoid\\s+(?:main|init\\w*|setUp|start|afterPropertiesSet)\\s*\\(|@(?:Bean|"
            + "PostConstruct|Provides|Produces|BeforeAll|BeforeEach|Before)\\b|^\\s*(?:public|protected|private)?\\s*"
            + "[A-Z]\\w*\\s*\\([^;=]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\{?\\s*$");

    private SharedClientCallsReplaced() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language language = file.language();
        if (language != Language.GO && language != Language.JAVA || file.change().hunks().isEmpty()
                || file.path().matches("(?:.*/)?src/test/.*|.*Tests?\\.java$|.*_test\\.go$")) {
            return List.of();
        }
        boolean go = language == Language.GO;
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            String text = r.line().text();
            if (text.indexOf('.') < 0 || text.indexOf('(') < 0) {
                continue;
            }
            Matcher call = FIELD_CALL.matcher(text);
            if (!call.find() && !(call = BARE_CALL.matcher(text)).find()) {
                continue;
            }
            String field = call.group(2);
            String method = call.group(3);
            List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
            for (DiffLine built : block) {
                if (built.kind() != DiffLine.Kind.ADDED || built.newLine() <= 0) {
                    continue;
                }
                Matcher b = (go ? GO_BUILT : JAVA_BUILT).matcher(built.text());
                String local;
                if (b.find() && usedFor(block, b.group(1), method)) {
                    local = b.group(1);
                    if (call.group(1).isEmpty() && local.equals(field) || kept(file, local)) {
                        continue;
                    }
                } else if (builtInline(built.text(), method, go)) {
                    // (also under a local that holds the call's answer, not the client: `int status =
                    // newClient().executeMethod(post);`, session 45)
                    local = null; // the call is made on the construction itself, kept by nothing
                } else {
                    continue;
                }
                if (oneTime(r.hunk(), r.index())) {
                    continue;
                }
                int at = firstPart(block, built, go);
                if (out.stream().noneMatch(f -> f.line() == at)) {
                    Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    String holder = call.group(1).isEmpty() ? field : call.group(1) + "." + field;
                    out.add(new Finding(RULE, "RES-04", severity, file.path(), at, 1, file.line(at).strip(),
                            "The change stops calling `" + method + "` on `" + holder + "`, the client the object "
                                    + "holds, and builds " + (local == null ? "a new one" : "`" + local + "`")
                                    + " here for the call instead: every call of this method now makes a new client "
                                    + "with its own connections. Use the shared one (set its timeout where it is "
                                    + "built).",
                            Finding.Confidence.LOW, "the review sees the swap, not how often the method runs", "kb",
                            null));
                }
                break;
            }
        }
        return out;
    }

    /**
     * The added line makes {@code method} on a client it constructs in the same expression, kept in no variable:
     * {@code vertx.createHttpClient(options).request(ro)}, {@code new OkHttpClient().newCall(req)}, Go's {@code
     * (&http.Client{Timeout: t}).Do(req)} or {@code pkg.NewClient(cfg).Send(m)}.
     */
    static boolean builtInline(String text, String method, boolean go) {
        Matcher m = (go ? GO_INLINE : JAVA_INLINE).matcher(text);
        Pattern then = Pattern.compile("^\\s*\\)?\\s*\\.\\s*" + Pattern.quote(method) + "\\s*\\(");
        while (m.find()) {
            char open = text.charAt(m.end() - 1);
            int close = balanced(text, m.end() - 1, open, open == '{' ? '}' : ')');
            if (close > 0 && then.matcher(text.substring(close + 1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The index of the bracket that closes the one at {@code open}, or -1 when the line does not close it. */
    private static int balanced(String s, int open, char in, char out) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == in ? 1 : c == out ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The line where the new client's construction starts: an added line above it that builds a part the client is
     * made from ({@code transport := &http.Transport{...}} named in {@code &http.Client{Transport: transport}}), else
     * the client's own line. The defect is one construction, reported once where it begins.
     */
    private static int firstPart(List<DiffLine> block, DiffLine built, boolean go) {
        for (DiffLine l : block) {
            if (l == built) {
                break;
            }
            Matcher part = (go ? GO_BUILT : JAVA_BUILT).matcher(l.text());
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && part.find()
                    && Pattern.compile("\\b" + Pattern.quote(part.group(1)) + "\\b").matcher(built.text()).find()) {
                return l.newLine();
            }
        }
        return built.newLine();
    }

    /** An added line of the block makes the deleted call's method on the built local. */
    private static boolean usedFor(List<DiffLine> block, String local, String method) {
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(local) + "\\s*\\.\\s*" + Pattern.quote(method)
                + "\\s*\\(");
        return block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && use.matcher(l.text()).find());
    }

    /**
     * An added line stores or returns the built local: it is kept, not made per call. Returning what a call on it
     * answers ({@code return http.request(ro)}) is a use, not a hand-over.
     */
    private static boolean kept(SourceFile file, String local) {
        Pattern keep = Pattern.compile("\\breturn\\s+(?:&?\\s*)?" + Pattern.quote(local)
                + "\\s*(?:[;,)]|$)|\\.\\s*\\w+\\s*=\\s*"
                + Pattern.quote(local) + "\\s*(?:;|$)");
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED && l.text().contains(local) && keep.matcher(l.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The enclosing function, as far as the hunk shows it (its header line, or the hunk header), runs once. */
    private static boolean oneTime(Hunk h, int index) {
        List<DiffLine> lines = h.lines();
        for (int j = index; j >= 0; j--) {
            String t = lines.get(j).text();
            if (RemovedReleases.HEADER.matcher(t).find()) {
                return ONE_TIME.matcher(t).find();
            }
        }
        return ONE_TIME.matcher(h.section() == null ? "" : h.section()).find();
    }
}
