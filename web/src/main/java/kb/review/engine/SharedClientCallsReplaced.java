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
    /** The receiver swap read for any construction ({@link #swapped}). */
    static final String SWAP_RULE = "shared-receiver-swapped-for-new";

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
    /**
     * A call on a held receiver: group 1 the receiver ({@code p.client}, {@code this.http}, {@code restTemplate}, a
     * constant {@code INTERRUPTER}), 2 the method.
     */
    private static final Pattern RECEIVER_CALL = Pattern.compile("(?<![\\w.)\\]])((?:(?:this|[a-z]\\w*)\\s*\\.\\s*)?"
            + "(?:[a-z]\\w*|[A-Z][A-Z0-9_]+))\\s*\\.\\s*(\\w+)\\s*\\(");
    /**
     * A Java construction, whole: {@code new T(...)}, a factory ({@code Executors.newFixedThreadPool(4)}, {@code
     * HttpClients.createDefault()}, a builder finished by {@code build()}), or the class's own {@code
     * createClient(cfg)}.
     */
    private static final Pattern JAVA_MADE = Pattern.compile("new\\s+[\\w.]+\\s*(?:<[^()]*>)?\\s*\\(.*\\)"
            + "|[A-Z][\\w.]*\\s*\\.\\s*(?:new|create|open)\\w*\\s*\\(.*\\)"
            + "|[\\w.]+\\s*\\.\\s*(?:builder|newBuilder|custom)\\s*\\(.*\\.\\s*build\\s*\\(\\s*\\)"
            + "|(?:this\\s*\\.\\s*)?(?:new|create|build|make|open)[A-Z]\\w*\\s*\\(.*\\)");
    /**
     * A Go construction, whole: a composite literal ({@code (&http.Client{Timeout: t})}), a package's {@code New...}
     * ({@code httpclient.New(d)}, {@code pkg.NewClient(cfg)}), or the code's own {@code newClient()}, {@code
     * m.newClient()}, a dial.
     */
    private static final Pattern GO_MADE = Pattern.compile("\\(\\s*&?\\s*[\\w.]+\\s*\\{.*\\}\\s*\\)"
            + "|(?:[a-z]\\w*\\.)?New\\w*\\s*\\(.*\\)"
            + "|(?:[a-z]\\w*\\.)?(?:new|create|build|make|open|dial)[A-Z]\\w*\\s*\\(.*\\)"
            + "|(?:grpc|net)\\.Dial\\w*\\s*\\(.*\\)");
    /**
     * What is cheap to make or wrong to share, so a new one per call is no defect (often the fix of a shared one): a
     * formatter, digest, cipher, buffer, builder of strings, encoder, decoder, request, random, matcher, lock, logger,
     * a value (a big number, a uuid).
     */
    static final Pattern CHEAP = Pattern.compile("(?i)(?:format|stringbuilder|stringbuffer|random|rand\\.|matcher"
            + "|digest|cipher|\\bmac\\b|hash|sha\\d*\\.|md5\\.|fnv\\.|crc\\d*\\.|hmac\\.|scanner|buffer|bytes\\."
            + "|strings\\.|bufio\\.|encoder|decoder|replacer|request|timer|ticker|exception|error"
            + "|parser|tokenizer|context|template\\.|errors\\.|fmt\\.|time\\.|sync\\.|atomic|lock|mutex|latch|semaphore"
            + "|uuid|big\\.|bigdecimal|biginteger|(?:^|\\.)(?:log|logrus|zap|slog|zerolog)\\.|logger)");
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
                swapped(file, r, go, catalog).ifPresent(f -> {
                    if (out.stream().noneMatch(o -> o.line() == f.line())) {
                        out.add(f);
                    }
                });
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
            if (out.stream().noneMatch(f -> f.line() >= firstAdded(block) && f.line() <= lastAdded(block))) {
                swapped(file, r, go, catalog).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The deleted line's call and the added line's differ in the receiver alone: the same text before it, the same
     * method and arguments after it, and where the deleted line named a held one ({@code p.client.Do(req)}, {@code
     * restTemplate.postForObject(url, event, Map.class)}, a constant's {@code INTERRUPTER.schedule(task, ...)}) the
     * added line constructs one for the call ({@code httpclient.New(60 * time.Second).Do(req)}, {@code
     * m.newClient().Do(req)}, {@code new RestTemplate().postForObject(...)}, {@code
     * Executors.newSingleThreadScheduledExecutor().schedule(...)}). Whatever the library, the edit gave up a shared
     * instance for one made and dropped on every call (RES-04, rounds 90-100); the construction's name must say a
     * shared resource ({@link PerCallConstructions#RESOURCE}: a client, pool, executor, template, mapper, store,
     * transport...), so a value or a domain object made anew stays silent. Silent too when the deleted receiver was
     * itself a local of the method (a refactor that inlines it), for a construction that is cheap or not to be shared
     * (a formatter, digest, buffer, encoder, request, random: a new one per call is the fix for a shared one), in a
     * one-time function and in tests.
     */
    private static java.util.Optional<Finding> swapped(SourceFile file, RemovedLine r, boolean go, Catalog catalog) {
        String was = r.line().text();
        List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
        Matcher call = RECEIVER_CALL.matcher(was);
        while (call.find()) {
            String before = was.substring(0, call.start()).strip();
            String after = was.substring(call.end()).strip();
            String receiver = call.group(1).replaceAll("\\s+", "");
            for (DiffLine built : block) {
                String now = built.text().strip();
                if (built.kind() != DiffLine.Kind.ADDED || built.newLine() <= 0 || !now.startsWith(before)
                        || !now.endsWith(after) || now.length() <= before.length() + after.length()) {
                    continue;
                }
                String mid = now.substring(before.length(), now.length() - after.length()).strip();
                Matcher tail = Pattern.compile("\\.\\s*" + Pattern.quote(call.group(2)) + "\\s*\\($").matcher(mid);
                if (!tail.find()) {
                    continue;
                }
                String made = mid.substring(0, tail.start()).strip();
                if (!(go ? GO_MADE : JAVA_MADE).matcher(made).matches() || !closes(made) || CHEAP.matcher(callee(made)).find()
                        || !PerCallConstructions.RESOURCE.matcher(callee(made)).find()
                        || local(file, receiver, go) || oneTime(r.hunk(), r.index())) {
                    continue;
                }
                Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                return java.util.Optional.of(new Finding(SWAP_RULE, "RES-04", severity, file.path(), built.newLine(), 1,
                        file.line(built.newLine()).strip(),
                        "The change stops calling `" + call.group(2) + "` on `" + receiver + "`, the instance the "
                                + "code holds, and builds one for the call instead (`" + made + "`): every call now "
                                + "makes and drops its own, with its own connections or threads. Use the shared one.",
                        Finding.Confidence.LOW, "the review sees the swap, not how often the method runs", "kb",
                        null));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A receiver swapped for a construction (this class's finding) stands beside another item's finding on its line
     * (round 95's {@code new RestTemplate().postForObject(...)} that TMO-01 also reports for its missing timeouts):
     * the client made per call is a defect of its own, which the timeout's finding does not name.
     */
    static boolean besideOtherItem(Finding drop, Finding held) {
        return drop.rule().equals(SWAP_RULE) && !held.item().equals(drop.item());
    }

    /** What a construction calls or makes, without its arguments: {@code httpclient.New} of {@code httpclient.New(60 * time.Second)}. */
    static String callee(String made) {
        String bare = made.replaceFirst("^[(&\\s]+", "");
        int open = bare.indexOf('(');
        int brace = bare.indexOf('{');
        int at = open < 0 ? brace : brace < 0 ? open : Math.min(open, brace);
        return at < 0 ? bare : bare.substring(0, at);
    }

    /** The construction's brackets are its own: it is one expression, not two calls joined by the receiver's dot. */
    private static boolean closes(String made) {
        int depth = 0;
        for (int i = 0; i < made.length(); i++) {
            char c = made.charAt(i);
            depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The receiver was a local of the method: declared on a deleted line or in the file as it is now. */
    private static boolean local(SourceFile file, String receiver, boolean go) {
        if (receiver.contains(".")) {
            return false;
        }
        Pattern decl = go ? Pattern.compile("(?<![\\w.])" + Pattern.quote(receiver) + "\\s*(?:,\\s*\\w+\\s*)?:=")
                : Pattern.compile("^\\s*(?:final\\s+)?[A-Z][\\w.<>\\[\\], ?]*\\s+" + Pattern.quote(receiver)
                        + "\\s*(?:=|;|:)|\\(\\s*(?:final\\s+)?[A-Z][\\w.<>\\[\\], ?]*\\s+" + Pattern.quote(receiver)
                        + "\\s*=");
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED && decl.matcher(l.text()).find()) {
                    return true;
                }
            }
        }
        return file.text().lines().anyMatch(l -> decl.matcher(l).find());
    }

    private static int firstAdded(List<DiffLine> block) {
        return block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0)
                .mapToInt(DiffLine::newLine).min().orElse(Integer.MAX_VALUE);
    }

    private static int lastAdded(List<DiffLine> block) {
        return block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0)
                .mapToInt(DiffLine::newLine).max().orElse(Integer.MIN_VALUE);
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
    static boolean oneTime(Hunk h, int index) {
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
