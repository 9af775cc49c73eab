package kb.review.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * (pool54) An edit that takes the sharing away from a client, pool or connection: the object was built once and
 * shared before the change, and the change makes it again wherever the code runs. Three shapes of the change, each
 * read from the edit itself, in Go and Java, whatever statement holds the value:
 *
 * <ol>
 * <li><b>swapped operand</b>: a deleted line and an added line of the same changed block are the same statement but
 * for one operand, a shared one (a field, a constant, a package variable, a no-argument accessor of the object) before
 * and a construction after: an argument ({@code newInstance(jobsClient, ...)} become {@code
 * newInstance(jobsClientFactory.create(), ...)}), a builder's argument ({@code setConnectionManager(SHARED_POOL)}
 * become {@code setConnectionManager(new PoolingHttpClientConnectionManager())}), a return ({@code return
 * defaultClient} become {@code return &http.Client{...}}), a keyed element, an assignment, a local ({@code conn, err
 * := l.newConn()} become {@code ldap.DialURL(l.url)}). {@link ReplacedSharedClients} reads the local's swap of a
 * declared type; this reads any operand.</li>
 * <li><b>moved</b>: the construction deleted where it was kept (a field's initialiser, a keyed element of the
 * constructor's literal, {@code this.x = ...}) and added, the same expression, as a local of a method that runs per
 * call ({@code private final HttpClient http = HttpClient.newBuilder()...build();} moved into {@code pay()}).</li>
 * <li><b>cache or once removed</b>: the changed block deletes what kept the built one (a map lookup {@code if c, ok :=
 * d.clients[addr]; ok}, {@code computeIfAbsent}, a cache's {@code get(key, loader)}, a lazy {@code if (client ==
 * null)}, a {@code sync.Once}'s {@code Do}) and adds the construction bare, or opens the once's body as a plain
 * function so the client it obtains is obtained every call.</li>
 * </ol>
 *
 * <p>The vocabulary of what builds a client is one table of the libraries' names ({@link #JAVA_BUILDS}, {@link
 * #GO_BUILDS}). Reported at the construction (or the first added line that builds what the new operand reads), at low
 * confidence. Silent in test sources, in a one-time function (a constructor, unless the deleted operand was a static
 * constant shared by every instance; {@code main}, {@code init}, a Go {@code New...}, a provider or set-up), when the
 * new Go construction reads a parameter of its function (a client for what the caller asks, not the shared one again,
 * in the swap only), and when the added lines still keep it (a map, a once, a field).
 */
final class UnsharedClients {

    static final String RULE = "java-client-sharing-removed";
    static final String GO_RULE = "go-client-sharing-removed";

    /**
     * Java: a construction of a client, pool, connection or executor, at the start of an operand. Library names: JDK
     * {@code HttpClient.newHttpClient}, Apache {@code HttpClients.create*}, {@code Executors.new*}, {@code
     * MongoClients.create}, Spring {@code WebClient.create}, JDBC {@code DriverManager.getConnection}, any {@code new
     * *Client/Pool/ConnectionManager/DataSource/ManagedChannel/...}, a client type's builder finished by {@code build},
     * the class's own {@code createClient(...)}, a client factory's {@code create()}.
     */
    static final Pattern JAVA_BUILDS = Pattern.compile("^(?:new\\s+[\\w.]*(?:Client|Pool|ConnectionManager|DataSource"
            + "|ManagedChannel|Producer|Consumer|EventLoopGroup|ThreadPoolExecutor|SessionFactory|JWKSet|JedisPool"
            + "|TransportClient)\\b\\s*(?:<[^()]*>)?\\s*\\("
            + "|(?:HttpClient\\s*\\.\\s*newHttpClient|HttpClients\\s*\\.\\s*create\\w*|Executors\\s*\\.\\s*new\\w*"
            + "|MongoClients\\s*\\.\\s*create|WebClient\\s*\\.\\s*create|DriverManager\\s*\\.\\s*getConnection"
            + "|RedisClient\\s*\\.\\s*create|OkHttpClient\\s*\\.\\s*Builder)\\s*\\("
            + "|\\w+\\s*\\.\\s*create\\s*\\(\\s*ConnectionProvider\\s*\\.\\s*(?:newConnection|create|builder)\\b"
            + "|[A-Z]\\w*(?:Client|Clients|Channel\\w*|SourceBuilder)\\s*\\.\\s*(?:<[^>]*>\\s*)?(?:builder|newBuilder|custom"
            + "|create|forTarget|forAddress|standard|newClient|getInstance)\\s*\\(.*\\.\\s*build\\w*\\s*\\(\\s*\\)"
            + "|new\\s+\\w*(?:Client|Provider|Channel)Builder\\w*\\s*\\(.*\\.\\s*build\\w*\\s*\\(\\s*\\)"
            + "|(?:this\\s*\\.\\s*)?(?:create|build|new|make|open)\\w*(?:Client|Pool|Connection|DataSource|Channel)\\s*\\("
            + "|[a-z]\\w*(?:Client|Pool|Connection|Channel)Factory\\s*\\.\\s*(?:create|build|new|make|open|get)\\w*\\s*\\()");
    /**
     * Go: a construction of a client, transport, pool or connection, at the start of an operand: a client or transport
     * literal ({@code &http.Client{}}, {@code &http2.Transport{}}), a package's constructor whose name says one
     * ({@code redis.NewClient}, {@code grpc.NewClient}, {@code grpc.Dial}, {@code ldap.DialURL}, {@code nats.Connect},
     * {@code mongo.Connect}, {@code sql.Open}, {@code kafka.NewReader}, {@code s3.NewFromConfig}, {@code
     * kubernetes.NewForConfig}, {@code session.NewSession}, {@code config.LoadDefaultConfig}), or the package's own
     * {@code newClient(cfg)}; not the standard library's readers, files and buffers ({@code os.Open}, {@code
     * bufio.NewReader}).
     */
    static final Pattern GO_BUILDS = Pattern.compile("^(?:&\\s*(?:[a-z]\\w*\\s*\\.\\s*)?(?:Client|Transport)\\s*\\{"
            + "|(?!(?:os|io|ioutil|bufio|bytes|strings|gzip|zlib|flate|lzw|csv|json|xml|tar|zip|base64|hex|template"
            + "|filepath|fs|errors|fmt|sync|atomic|context|time|rand|big|list|heap|ring|url|mime|multipart|httptest"
            + "|iotest|image|png|jpeg|sha1|sha256|md5|hmac|cipher|aes|exec)\\s*\\.)"
            + "[a-z]\\w*\\s*\\.\\s*(?:New\\w*(?:Client|Pool|Transport|Producer|Consumer|Writer|Reader|Session|Conn"
            + "|Connection|Channel|Publisher|Subscriber)\\w*|Dial\\w*|Connect|Open|NewFromConfig|NewForConfig"
            + "|LoadDefaultConfig)\\s*\\("
            + "|(?:[a-z]\\w*\\s*\\.\\s*)?(?:new|create|build|make|open|dial)\\w*(?:Client|Conn|Connection|Pool|Session"
            + "|Transport)\\s*\\()");
    /** A name that says a client, a pool or a connection. */
    private static final Pattern CLIENT = Pattern.compile("(?i)client|pool|conn|session|producer|consumer|transport"
            + "|channel|datasource|executor|dial|jwk");

    /** Java: a shared operand: a field or local, a constant, a field path, a no-argument accessor. */
    private static final Pattern JAVA_SHARED = Pattern.compile("^(?:this\\s*\\.\\s*)?[a-z_]\\w*"
            + "|(?:[A-Z]\\w*\\s*\\.\\s*)?[A-Z][A-Z0-9_]+|(?:this|[a-z]\\w*)\\s*\\.\\s*[a-z_]\\w*"
            + "|(?:(?:this|[a-z]\\w*|[A-Z]\\w*)\\s*\\.\\s*)?[a-z]\\w*\\s*\\(\\s*\\)$");
    /** Go: a field path or package variable, or a no-argument method of the object ({@code l.newConn()}). */
    private static final Pattern GO_SHARED = Pattern.compile("^[a-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*"
            + "|[a-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*\\s*\\.\\s*[a-z]\\w*\\s*\\(\\s*\\)$");
    /** A name made anew on each call by its own name: no shared source. */
    private static final Pattern MAKES = Pattern.compile(
            "(?:^|\\.)\\s*(?:create|build|new|open|connect|make|dial)\\w*\\s*\\(|(?:^|\\.)\\s*[A-Z]\\w*\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("^(?:null|nil|true|false|this|[0-9].*)$");

    /** What kept the built one: a map lookup, a cache's loader, a lazy null test, a once. */
    private static final Pattern GO_KEEPS = Pattern.compile(
            "\\bif\\s+\\w+\\s*,\\s*ok\\s*:?=\\s*[\\w.]+\\s*\\[[^\\]]+\\]\\s*;\\s*ok\\b|\\.\\s*Load(?:OrStore)?\\s*\\("
                    + "|\\.\\s*Do\\s*\\(\\s*func\\s*\\(|^\\s*if\\s+[a-z]\\w*\\.\\w+\\s*!=\\s*nil\\s*\\{");
    private static final Pattern JAVA_KEEPS = Pattern.compile("\\b(?:computeIfAbsent|putIfAbsent|getIfPresent"
            + "|computeIfPresent)\\s*\\(|\\.\\s*get\\s*\\([^()]*,\\s*(?:\\(\\s*\\w*\\s*\\)|\\w+)\\s*->"
            + "|\\bif\\s*\\(\\s*(?:this\\s*\\.\\s*)?\\w+\\s*[=!]=\\s*null\\s*\\)");
    /** A Go once's body opened as a plain function: {@code func() {} or a bare block. */
    private static final Pattern GO_ONCE = Pattern.compile("\\.\\s*Do\\s*\\(\\s*func\\s*\\(\\s*\\)\\s*\\{\\s*$");
    private static final Pattern GO_PLAIN = Pattern.compile("^\\s*(?:func\\s*\\(\\s*\\)\\s*)?\\{\\s*$");
    /** Go: a call that obtains a client of the object or a package ({@code d.Client(ctx)}, {@code d.dial(ctx)}). */
    private static final Pattern GO_OBTAINS = Pattern.compile(
            ":?=\\s*[a-z]\\w*(?:\\.\\w+)*\\s*\\.\\s*(?:\\w*Client|Dial\\w*|Connect\\w*|\\w*Conn)\\s*\\(");

    /** A local declared with a value: Go {@code a, err := v}, Java {@code T a = v;}: group 1 the name, 2 the value. */
    private static final Pattern GO_LOCAL = Pattern.compile(
            "^\\s*(?:var\\s+)?([a-z_]\\w*)(?:\\s*,\\s*[a-z_]\\w*)?\\s*(?::=|=)\\s*(.+?)\\s*$");
    private static final Pattern JAVA_LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?[A-Za-z_][\\w.]*(?:<[^;=()]*>)?\\s+([a-z_]\\w*)\\s*=\\s*(.+?)\\s*;?\\s*$");
    /** Where a construction is kept: a field's initialiser, a keyed element, {@code this.x = }, {@code x.f = }. */
    private static final Pattern JAVA_FIELD = Pattern.compile("^\\s*(?:(?:final|volatile)\\s+)*(?:private|protected"
            + "|public|static)\\s+(?:(?:private|protected|public|static|final|volatile)\\s+)*[\\w.<>, ?\\[\\]]+\\s+\\w+"
            + "\\s*=\\s*(.+?)\\s*;\\s*$|^\\s*this\\s*\\.\\s*\\w+\\s*=\\s*(.+?)\\s*;\\s*$");
    private static final Pattern GO_FIELD = Pattern.compile(
            "^\\s*[A-Za-z_]\\w*\\s*:\\s*(.+?)\\s*,?\\s*$|^\\s*[a-z_]\\w*\\s*\\.\\s*\\w+\\s*=\\s*(.+?)\\s*$");

    private UnsharedClients() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)
                || file.path().endsWith("_test.go") || file.path().matches("(?:.*/)?src/test/.*|.*Tests?\\.java$")) {
            return List.of();
        }
        Map<Integer, String> found = new HashMap<>();
        Map<String, Integer> keptBuilds = new HashMap<>();
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                swapped(file, go, block, found);
                unkept(file, go, block, h, found);
            }
            for (int i = 0; i < h.lines().size(); i++) {
                DiffLine l = h.lines().get(i);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    Matcher kept = (go ? GO_FIELD : JAVA_FIELD).matcher(statement(go, h, i));
                    if (kept.find() && (kept.group(1) != null && !go || keptOnce(go, h, i))) {
                        String value = kept.group(1) != null ? kept.group(1) : kept.group(2);
                        String expr = expression(value, 0);
                        if (builds(go, expr)) {
                            keptBuilds.put(head(expr), 1);
                        }
                    }
                }
            }
        }
        if (!keptBuilds.isEmpty()) {
            moved(file, go, keptBuilds, found);
        }
        Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        found.forEach((line, why) -> out.add(new Finding(go ? GO_RULE : RULE, "RES-04", severity, file.path(), line, 1, file.line(line).strip(),
                why + " Every call now makes its own client, with its own connections (and threads), and none is "
                        + "reused. Keep the shared one, or build it once where the object is set up and reuse it.",
                Finding.Confidence.LOW, "the review sees the change take the sharing away, not how often the code "
                        + "runs", "kb", null)));
        out.sort(java.util.Comparator.comparingInt(Finding::line));
        return out;
    }

    /**
     * A line another item already reports (a builder with no timeout, TMO-01) still says this one: the edit that took
     * the sharing away is a defect of its own on the same line.
     */
    static boolean besideOtherItem(Finding drop, Finding held) {
        return (drop.rule().equals(RULE) || drop.rule().equals(GO_RULE)) && !held.item().equals(drop.item());
    }

    /** Shape 1: one operand of a statement, shared before, a construction after. */
    private static void swapped(SourceFile file, boolean go, List<DiffLine> block, Map<Integer, String> found) {
        for (DiffLine r : block) {
            if (r.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            for (DiffLine a : block) {
                if (a.kind() != DiffLine.Kind.ADDED || a.newLine() <= 0) {
                    continue;
                }
                String[] swap = swap(r.text(), a.text());
                if (swap == null) {
                    continue;
                }
                String old = swap[0];
                String now = swap[1];
                boolean constant = old.matches("(?:[A-Z]\\w*\\s*\\.\\s*)?[A-Z][A-Z0-9_]+");
                if (!(go ? GO_SHARED : JAVA_SHARED).matcher(old).matches() || LITERAL.matcher(old).matches()
                        || MAKES.matcher(old).find() && !(go && old.matches(".*\\.\\s*[a-z]\\w*\\s*\\(\\s*\\)"))
                        || !builds(go, now) || !CLIENT.matcher(old + " " + callee(now)).find()
                        || localAbove(file, go, a.newLine(), old)) {
                    continue;
                }
                // a local then returned or stored in a field: a factory, whose caller decides how often it runs
                if (swap.length > 2 && (go ? ReplacedSharedClients.goKept(file, a.newLine(), swap[2])
                        || ReplacedSharedClients.closedBefore(file, a.newLine(), swap[2])
                        : ReplacedSharedClients.kept(file, a.newLine(), swap[2]))) {
                    continue;
                }
                // a Go client literal with no transport of its own shares http.DefaultTransport's pool (row 2)
                if (go && now.matches("(?s)&\\s*(?:http\\s*\\.\\s*)?Client\\s*\\{.*") && !now.contains("Transport")) {
                    continue;
                }
                int at = anchor(block, a, go, now);
                if (oneTime(file, go, at, constant) || go && ReplacedSharedClients.readsParameter(file, at, now)) {
                    continue;
                }
                found.putIfAbsent(at, "The change builds `" + shorten(now) + "` here in place of the shared `" + old
                        + "`.");
                return;
            }
        }
    }

    /** Shape 3: the block deletes what kept the built one and adds it bare (or opens a once's body). */
    private static void unkept(SourceFile file, boolean go, List<DiffLine> block, Hunk h, Map<Integer, String> found) {
        Pattern keeps = go ? GO_KEEPS : JAVA_KEEPS;
        String guard = null;
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.REMOVED && keeps.matcher(l.text()).find()) {
                guard = l.text().strip();
                break;
            }
        }
        if (guard == null) {
            return;
        }
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED && keeps.matcher(l.text()).find()) {
                return; // still kept, another way
            }
        }
        for (DiffLine l : block) {
            if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                continue;
            }
            String built = firstBuild(go, l.text());
            if (built != null && !storedInField(go, l.text()) && !oneTime(file, go, l.newLine(), false)) {
                found.putIfAbsent(l.newLine(), "The change deletes what kept this one (`" + shorten(guard)
                        + "`) and builds `" + shorten(built) + "` bare.");
                return;
            }
        }
        // a Go once's Do(func() { opened as a plain func() { or block: the body runs on every call now
        if (go && GO_ONCE.matcher(guard).find()) {
            List<DiffLine> lines = h.lines();
            int end = lines.indexOf(block.get(block.size() - 1));
            boolean plain = block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED
                    && GO_PLAIN.matcher(l.text()).find());
            for (int i = end + 1; plain && i < lines.size() && i <= end + 15; i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.REMOVED || l.newLine() <= 0) {
                    continue;
                }
                if (l.text().matches("^\\s*\\}\\s*\\)?\\s*$") && l.text().indexOf('}') <= 1) {
                    break;
                }
                if ((GO_OBTAINS.matcher(l.text()).find() || firstBuild(true, l.text()) != null)
                        && !oneTime(file, true, l.newLine(), false)) {
                    found.putIfAbsent(l.newLine(), "The change takes away the once around this (`" + shorten(guard)
                            + "`): the client it obtains is obtained on every call.");
                    return;
                }
            }
        }
    }

    /** Shape 2: a kept construction deleted, the same expression added as a local of a per-call method. */
    private static void moved(SourceFile file, boolean go, Map<String, Integer> kept, Map<Integer, String> found) {
        for (Hunk h : file.change().hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                DiffLine l = h.lines().get(i);
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                String text = resource(addedStatement(go, h, i));
                Matcher local = (go ? GO_LOCAL : JAVA_LOCAL).matcher(text);
                Matcher returned = RETURN.matcher(text);
                String expr;
                if (local.find() && !text.strip().startsWith("this.")) {
                    expr = expression(local.group(2), 0);
                } else if (returned.find()) {
                    expr = expression(text, returned.end());
                } else {
                    continue;
                }
                if (!builds(go, expr) || !kept.containsKey(head(expr)) || oneTime(file, go, l.newLine(), false)) {
                    continue;
                }
                found.putIfAbsent(l.newLine(), "The change moves `" + shorten(expr) + "` from where the object kept "
                        + "it (a field, the constructor) into this method, which runs per call.");
            }
        }
    }

    /**
     * The deleted line {@code i} of {@code h} sat in a function that runs once (a constructor, {@code New...}, {@code
     * init}): the header found above it in the hunk's old side, else the hunk's section.
     */
    private static boolean keptOnce(boolean go, Hunk h, int i) {
        String header = h.section() == null ? "" : h.section().strip();
        for (int at = i - 1; at >= 0; at--) {
            DiffLine l = h.lines().get(at);
            if (l.kind() == DiffLine.Kind.ADDED) {
                continue;
            }
            if (go ? l.text().startsWith("func") : RemovedReleases.HEADER.matcher(l.text()).find()
                    || ReplacedSharedClients.CONSTRUCTOR.matcher(l.text()).find()) {
                header = l.text().strip();
                break;
            }
        }
        return go ? ReplacedSharedClients.GO_ONE_TIME.matcher(header).find()
                : ReplacedSharedClients.ONE_TIME.matcher(header).find()
                        || ReplacedSharedClients.CONSTRUCTOR.matcher(header).find();
    }

    /**
     * The two lines as one statement with one operand swapped: {old operand, new operand}, or null when the lines
     * differ elsewhere too.
     */
    static String[] swap(String before, String after) {
        // a local of the same name on both sides, an error beside it or not: its value is the operand
        for (Pattern local : List.of(GO_LOCAL, JAVA_LOCAL)) {
            Matcher b = local.matcher(resource(before));
            Matcher a = local.matcher(resource(after));
            if (b.find() && a.find() && b.group(1).equals(a.group(1)) && !b.group(2).equals(a.group(2))) {
                String old = expression(b.group(2), 0);
                String now = expression(a.group(2), 0);
                if (old.equals(b.group(2).replaceFirst(";\\s*$", "").strip())
                        && now.equals(a.group(2).replaceFirst(";\\s*$", "").strip())) {
                    return new String[] {old, now, a.group(1)};
                }
                return null;
            }
        }
        int p = 0;
        int max = Math.min(before.length(), after.length());
        while (p < max && before.charAt(p) == after.charAt(p)) {
            p++;
        }
        if (p == before.length() && p == after.length()) {
            return null;
        }
        // back to the start of the operand
        while (p > 0 && (Character.isLetterOrDigit(before.charAt(p - 1)) || before.charAt(p - 1) == '_'
                || before.charAt(p - 1) == '.' || before.charAt(p - 1) == '&')) {
            p--;
        }
        if (before.substring(0, p).matches(".*\\bnew\\s+$")) {
            p = before.substring(0, p).lastIndexOf("new");
        }
        if (before.substring(0, p).isBlank()) {
            return null; // a whole statement, not an operand
        }
        String old = expression(before, p);
        String now = expression(after, p);
        if (old.isEmpty() || now.isEmpty()) {
            return null;
        }
        String restOld = before.substring(p + old.length()).strip();
        String restNew = after.substring(p + now.length()).strip();
        if (!restOld.replaceAll("\\s+", "").equals(restNew.replaceAll("\\s+", ""))) {
            return null;
        }
        return new String[] {old.strip(), now.strip()};
    }

    /** The expression that starts at {@code from}, up to a comma, a semicolon or a bracket closed at depth 0. */
    static String expression(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';')) {
                break;
            } else if (depth == 0 && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                break;
            }
        }
        return text.substring(from, i).strip();
    }

    /** The operand is a construction of a client, pool, connection or executor. */
    private static boolean builds(boolean go, String expr) {
        return (go ? GO_BUILDS : JAVA_BUILDS).matcher(expr.strip()).find();
    }

    /** The first construction an added line makes: its value, an argument, a return's operand; or null. */
    private static String firstBuild(boolean go, String text) {
        Matcher starts = Pattern.compile(go ? "(?:^|[=(,:]|\\breturn\\b)\\s*(?=[&a-z])"
                : "(?:^|[=(,]|\\breturn\\b|->)\\s*(?=[A-Za-z])").matcher(text);
        while (starts.find()) {
            String expr = expression(text, starts.end());
            if (builds(go, expr)) {
                return expr;
            }
        }
        return null;
    }

    /** The added line stores what it builds in a field or a map: kept, only elsewhere. */
    private static boolean storedInField(boolean go, String text) {
        return text.matches("^\\s*(?:this\\s*\\.\\s*\\w+|[a-z_]\\w*\\s*\\.\\s*\\w+(?:\\s*\\[[^\\]]*\\])?"
                + "|[a-z_]\\w*\\s*\\[[^\\]]*\\])\\s*=[^=].*") || text.contains(".put(");
    }

    /** The first added line of the block above {@code a} that builds a local the new operand reads, else {@code a}. */
    private static int anchor(List<DiffLine> block, DiffLine a, boolean go, String now) {
        for (DiffLine l : block) {
            if (l == a) {
                break;
            }
            if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                continue;
            }
            Matcher local = (go ? GO_LOCAL : JAVA_LOCAL).matcher(resource(l.text()));
            if (local.find() && builds(go, expression(local.group(2), 0))
                    && Pattern.compile("(?<![\\w.])" + Pattern.quote(local.group(1)) + "(?!\\w)").matcher(now).find()) {
                return l.newLine();
            }
        }
        return a.newLine();
    }

    /** The old operand names a local declared above in the same function: made per call before the change too. */
    private static boolean localAbove(SourceFile file, boolean go, int line, String old) {
        if (!old.matches("[a-z_]\\w*")) {
            return false;
        }
        Pattern declares = go ? Pattern.compile("(?<![\\w.])" + old + "\\s*(?:,\\s*\\w+\\s*)?:=|\\bvar\\s+" + old + "\\b")
                : Pattern.compile("[\\w>\\]]\\s+" + old + "\\s*(?:=[^=]|;|:)");
        Pattern header = go ? Pattern.compile("^func\\b") : RemovedReleases.HEADER;
        for (int at = line - 1; at > 0 && at >= line - 80 && file.known(at); at--) {
            String text = file.line(at);
            if (header.matcher(text).find()) {
                // a parameter of the function is the caller's: shared as much as a field
                return false;
            }
            if (declares.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The function around {@code line} runs once; a constructor only counts when the old value was per instance. */
    private static boolean oneTime(SourceFile file, boolean go, int line, boolean staticShared) {
        if (go) {
            return ReplacedSharedClients.goOneTime(file, line);
        }
        if (!staticShared) {
            return ReplacedSharedClients.oneTime(file, line);
        }
        for (int at = line - 1; file.known(at); at--) {
            String text = file.line(at);
            if (ReplacedSharedClients.ONE_TIME.matcher(text).find()) {
                return true;
            }
            if (RemovedReleases.HEADER.matcher(text).find() || ReplacedSharedClients.CONSTRUCTOR.matcher(text).find()) {
                return false;
            }
        }
        return false;
    }

    private static String callee(String expr) {
        Matcher m = Pattern.compile("^(?:&\\s*|new\\s+)?([\\w.]+)").matcher(expr.strip());
        return m.find() ? m.group(1) : "";
    }

    /** A try header's first resource as a statement: {@code try (Client c = make()) {} read as {@code Client c = make()}. */
    private static String resource(String text) {
        return text.replaceFirst("^(\\s*)try\\s*\\(\\s*", "$1");
    }

    /**
     * The added line {@code i} of {@code h} with the added lines that continue its statement (Java: up to a semicolon
     * or an opening brace), joined.
     */
    private static String addedStatement(boolean go, Hunk h, int i) {
        StringBuilder text = new StringBuilder(h.lines().get(i).text());
        for (int at = i + 1; !go && at < h.lines().size() && at <= i + 8 && !text.toString().strip().endsWith(";")
                && !text.toString().strip().endsWith("{"); at++) {
            DiffLine next = h.lines().get(at);
            if (next.kind() != DiffLine.Kind.ADDED) {
                break;
            }
            text.append(' ').append(next.text().strip());
        }
        return text.toString();
    }

    private static final Pattern RETURN = Pattern.compile("^\\s*return\\s+");

    /** What a construction calls or makes, without its arguments: {@code JWKSourceBuilder.<C>create}, {@code &http.Client}. */
    private static String head(String expr) {
        String bare = expr.replaceAll("\\s+", "");
        int open = bare.indexOf('(');
        int brace = bare.indexOf('{');
        int at = open < 0 ? brace : brace < 0 ? open : Math.min(open, brace);
        return at < 0 ? bare : bare.substring(0, at);
    }

    /**
     * The deleted line {@code i} of {@code h} with the deleted lines that continue its statement (Java: up to the
     * one that ends it with a semicolon), joined.
     */
    private static String statement(boolean go, Hunk h, int i) {
        StringBuilder text = new StringBuilder(h.lines().get(i).text());
        for (int at = i + 1; !go && at < h.lines().size() && at <= i + 8
                && !text.toString().strip().endsWith(";") && !text.toString().strip().endsWith("{"); at++) {
            DiffLine next = h.lines().get(at);
            if (next.kind() != DiffLine.Kind.REMOVED) {
                break;
            }
            text.append(' ').append(next.text().strip());
        }
        return text.toString();
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 70 ? one : one.substring(0, 67) + "...";
    }
}
