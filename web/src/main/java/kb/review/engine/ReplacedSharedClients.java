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
 * A Java edit that keeps a local's declaration in a method but changes where its client comes from: the deleted line
 * took it from something shared (a no-argument accessor such as {@code getClientInstance()} or {@code pool()} that
 * is not itself a builder, a field, a holder's constant) and the added line builds one ({@code new} of a client, pool or connection type, a
 * builder's {@code build()}, or a call of the class's own method whose name says it builds, creates or opens a
 * client, pool or connection: {@code buildClient()}, {@code newConnectionPool(cfg)}). The models cannot see the
 * private factory's body when the diff leaves it out, but the swap says it: the value was shared before the change
 * and is made anew on every call of the method after it (RES-04, round 24's java-18: an S3 client built per format
 * lookup). Reported at the added line, at low confidence: the review sees the swap, not how often the method runs.
 *
 * <p>Silent in a constructor, a static initialiser, {@code main}, a provider or life-cycle method ({@code @Bean},
 * {@code @PostConstruct}, {@code @Provides}, {@code @Produces}, a test's set-up), in test sources, when the
 * value is then kept (stored in a field or returned: a factory, whose caller decides how often it runs), and when the
 * built thing is not a client (no client, pool, data source, managed channel, session factory, template, producer,
 * executor or event loop group in the type or the builder's name).
 *
 * <p>A local of a client type added with a factory method of the class whose name says it makes a client ({@code
 * RestHighLevelClient client = createClient(conf);} in a bolt's per-tuple method) is the same defect with no shared
 * one deleted: the factory's name says a new client, the method is not one-time and does not keep it.
 *
 * <p>Go's swap is the same ({@link #findGo}): {@code client := provider.client} become {@code client, err :=
 * secrethub.NewClient(opts...)} in a Terraform read function, a field's client given up for a package's constructor.
 */
final class ReplacedSharedClients {

    static final String RULE = "java-shared-client-replaced-by-new";
    static final String GO_RULE = "go-shared-client-replaced-by-new";

    /** A local declared and initialised: group 1 the type, 2 the name, 3 the initialiser. */
    private static final Pattern LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?([A-Za-z_][\\w.]*(?:<[^;=()]*>)?)\\s+([a-z_]\\w*)\\s*=\\s*(.+?)\\s*;\\s*(?://.*)?$");
    /**
     * A shared source: a no-argument accessor (maybe on a holder class, this or a field: a pool's {@code
     * dataSource.getConnection()} lends a connection it keeps), a field or a constant.
     */
    private static final String SHARED_ONE = "(?:this\\s*\\.\\s*|[A-Z]\\w*\\s*\\.\\s*|[a-z]\\w*\\s*\\.\\s*)?(?:"
            + "[a-z]\\w*\\s*\\(\\s*\\)|[a-z_]\\w*|[A-Z][A-Z0-9_]+)";
    /**
     * The shared source, or a choice between two ({@code skipSsl ? trustingRestTemplate : nonTrustingRestTemplate}:
     * the object keeps one client per setting and the condition picks which).
     */
    private static final Pattern SHARED = Pattern.compile("^(?:" + SHARED_ONE + "|[^?:]+\\?\\s*" + SHARED_ONE
            + "\\s*:\\s*" + SHARED_ONE + ")$");
    /** What builds one: a constructor, a builder finished by build(), or a factory method of the class itself. */
    private static final Pattern BUILDS = Pattern.compile("^(?:new\\s+[\\w.]+(?:<[^()]*>)?\\s*\\("
            + "|DriverManager\\s*\\.\\s*getConnection\\s*\\(|[\\w.]+\\s*\\.\\s*"
            + "(?:builder|newBuilder|standard|custom|create)\\s*\\(.*\\.\\s*build\\s*\\(\\s*\\)$|(?:this\\s*\\.\\s*)?"
            + "(?:build|create|new|make|open|init)[A-Z]\\w*\\s*\\()");
    /** The type or the builder's name says a client, a pool or a connection. */
    // (not a bare Connection, Session or Consumer: a connection or a session per call is what a pool lends, and a
    // java.util.function.Consumer is no client)
    // (DriverManager's connection is opened for the caller alone, past any pool)
    private static final Pattern CLIENT = Pattern.compile("(?:Client|Pool|DataSource|ManagedChannel|SessionFactory"
            + "|DriverManager"
            + "|Template|Producer|Executor|EventLoopGroup|AmazonS3|\\bS3\\b)");
    /** A one-time context above the line: a life-cycle annotation, a static initialiser, main or a set-up. */
    static final Pattern ONE_TIME = Pattern.compile("@(?:Bean|PostConstruct|Provides|Produces|Singleton"
            + "|BeforeAll|BeforeEach|BeforeClass|Before|Inject)\\b|^\\s*static\\s*\\{|\\bvoid\\s+(?:main|init\\w*|setUp"
            + "|start|afterPropertiesSet|configure|open|initialize)\\s*\\(");
    /** A constructor's header: a visibility, then a capitalised name and its parameters, no return type. */
    static final Pattern CONSTRUCTOR = Pattern.compile(
            "^\\s*(?:public|protected|private)?\\s*[A-Z]\\w*\\s*\\([^;=]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\{?\\s*$");

    /**
     * A factory method of the class itself whose name says it makes a client, pool or connection ({@code
     * createClient(conf)}, {@code this.buildPool()}): a local of a client type added with it, in a method that is not
     * one-time and does not keep it, is a client per call even with no shared one deleted (a bolt's {@code
     * execute(tuple)} calling the {@code createClient} its {@code prepare} used to call once).
     */
    private static final Pattern OWN_FACTORY = Pattern.compile(
            "^(?:this\\s*\\.\\s*)?(?:create|build|new|open|make)\\w*(?:Client|Pool|DataSource)\\s*\\(");

    /** A resource of a try header, {@code try (Connection c = open(url)) {} or the first of several: group 1 it. */
    private static final Pattern TRY_RESOURCE = Pattern.compile("^\\s*try\\s*\\(\\s*(.+?)\\s*(?:\\)\\s*\\{|;)\\s*$");
    /** An accessor whose name says it makes one each time ({@code factory.create()}): no shared source. */
    private static final Pattern MAKES = Pattern.compile("\\.\\s*(?:create|build|new|open|connect|make)\\w*\\s*\\(");

    private ReplacedSharedClients() {
    }

    /** {@link #LOCAL} on a statement or on a try header's resource, which is a local as well. */
    private static Matcher declared(String text) {
        Matcher resource = TRY_RESOURCE.matcher(text);
        return LOCAL.matcher(resource.find() ? resource.group(1) + ";" : text);
    }

    /** Go: a local assigned, maybe with an error beside it: group 1 the name, 2 the value. */
    private static final Pattern GO_LOCAL = Pattern.compile(
            "^\\s*([a-z_]\\w*)(?:\\s*,\\s*[a-z_]\\w*)?\\s*:?=\\s*(.+?)\\s*(?://.*)?$");
    /**
     * Go: a shared source, a field path ({@code provider.client}, {@code s.cfg.client}) or an accessor of one, or an
     * accessor whose name says it hands out a kept one whatever its arguments ({@code key.sharedClient(ctx)}, round
     * 94's sops: the KMS client kept per key, given up for {@code kms.NewKeyManagementClient} per decryption).
     */
    private static final Pattern GO_SHARED = Pattern.compile(
            "^[a-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)+(?:\\s*\\(\\s*\\))?$"
                    + "|^[a-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*\\s*\\.\\s*(?:shared|cached|pooled|reused)[A-Z]\\w*\\s*\\(.*\\)$");
    /** Go: what builds a client: a constructor function of a package ({@code secrethub.NewClient(opts...)}). */
    private static final Pattern GO_BUILDS = Pattern.compile("^&?\\s*([a-z]\\w*\\s*\\.\\s*New\\w*)\\s*\\(");
    /** Go: a function that runs once, a constructor ({@code NewX}), {@code init}, {@code main} or a set-up. */
    static final Pattern GO_ONE_TIME = Pattern.compile(
            "^\\s*func\\s+(?:\\([^)]*\\)\\s*)?(?:New\\w*|new\\w*|init|main|[sS]etup\\w*|configure\\w*)\\s*\\(");

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() == Language.GO && !file.path().endsWith("_test.go")) {
            return findGo(file, catalog);
        }
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()
                || file.path().matches("(?:.*/)?src/test/.*|.*Tests?\\.java$")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            Matcher old = declared(r.line().text());
            // `Client client = null;` is no shared client: the value was made further down before the change too
            if (!old.find() || !SHARED.matcher(old.group(3).strip()).matches()
                    || BUILDS.matcher(old.group(3).strip()).find() || MAKES.matcher(old.group(3)).find()
                    || old.group(3).strip().matches("null|true|false|this")) {
                continue;
            }
            for (DiffLine l : RemovedLine.changedBlock(r.hunk().lines(), r.index())) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher now = declared(l.text());
                if (!now.find() || !now.group(1).equals(old.group(1)) || !now.group(2).equals(old.group(2))) {
                    continue;
                }
                String init = now.group(3).strip();
                if (!BUILDS.matcher(init).find() || !CLIENT.matcher(now.group(1) + " " + callee(init)).find()
                        || oneTime(file, l.newLine()) || kept(file, l.newLine(), now.group(2))) {
                    continue;
                }
                Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "RES-04", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change builds `" + now.group(2) + "` here instead of taking the shared one (`"
                                + old.group(3).strip() + "`): every call of this method now makes its own client "
                                + "with its own connections and threads, and none is reused or closed. Keep taking "
                                + "the shared client, or build it once (a field set in the constructor) and reuse it.",
                        Finding.Confidence.LOW, "the review sees the swap, not how often the method runs", "kb", null));
                break;
            }
        }
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                Matcher now = l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 ? LOCAL.matcher(l.text()) : null;
                if (now == null || !now.find() || !OWN_FACTORY.matcher(now.group(3)).find()
                        || !CLIENT.matcher(now.group(1)).find() || oneTime(file, l.newLine())
                        || kept(file, l.newLine(), now.group(2))
                        || out.stream().anyMatch(f -> f.line() == l.newLine())) {
                    continue;
                }
                Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "RES-04", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change calls `" + callee(now.group(3)) + "` here, in a method that runs per call: "
                                + "every call now makes its own `" + now.group(1) + "` with its own connections and "
                                + "threads. Build the client once (where the object is set up) and reuse it.",
                        Finding.Confidence.LOW, "the review sees the factory's name, not its body or how often the "
                                + "method runs", "kb", null));
            }
        }
        return out;
    }

    /**
     * Go: the same swap ({@code client := provider.client} become {@code client, err := secrethub.NewClient(opts...)}):
     * a local taken from a field path, or an accessor on one, now made by a package's {@code New...} function whose
     * name says a client, pool or connection. Silent in a constructor function, {@code init}, {@code main} or a
     * set-up, when the constructor reads a parameter of the function (a client for what the caller asks: its
     * region, its user's credentials), and when the value is returned or stored in a field below.
     */
    private static List<Finding> findGo(SourceFile file, Catalog catalog) {
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            Matcher old = GO_LOCAL.matcher(r.line().text());
            // `auth.NewAuthClient()` become `auth.NewAuthClient(log)` is the same construction with an argument more
            if (!old.find() || !GO_SHARED.matcher(old.group(2)).matches() || GO_BUILDS.matcher(old.group(2)).find()) {
                continue;
            }
            for (DiffLine l : RemovedLine.changedBlock(r.hunk().lines(), r.index())) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher now = GO_LOCAL.matcher(l.text());
                if (!now.find() || !now.group(1).equals(old.group(1))) {
                    continue;
                }
                Matcher built = GO_BUILDS.matcher(now.group(2));
                if (!built.find()) {
                    continue;
                }
                // a package's or receiver's name is no client (`client.NewGVR(...)` of k9s builds a resource name)
                String named = built.group(1).replaceFirst(QUALIFIER, "") + " " + now.group(1) + " "
                        + old.group(2).replaceFirst(QUALIFIER, "");
                if (!GO_CLIENT.matcher(named).find()
                        || goOneTime(file, l.newLine()) || readsParameter(file, l.newLine(), now.group(2))
                        || goKept(file, l.newLine(), now.group(1)) || closedBefore(file, l.newLine(), now.group(1))) {
                    continue;
                }
                Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(GO_RULE, "RES-04", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change builds `" + now.group(1) + "` here instead of taking the shared one (`"
                                + old.group(2) + "`): every call of this function now makes its own client with its "
                                + "own connections, and none is reused. Keep taking the shared client, or build it "
                                + "once where the shared one is built.",
                        Finding.Confidence.LOW, "the review sees the swap, not how often the function runs", "kb",
                        null));
                break;
            }
        }
        return out;
    }

    /**
     * Go: the constructor's name, the local's or the field's says a client, pool or connection ({@code NewClient},
     * {@code client := openstack.NewComputeV2(...)}, {@code producer}): a {@code bytes.NewBuffer} taking the place of a
     * field's buffer is no client.
     */
    private static final Pattern GO_CLIENT = Pattern.compile("(?i)client|pool|conn|session|producer|consumer");
    /** Go: a leading package or receiver name, {@code client.} of {@code client.NewGVR(...)} or {@code g.}. */
    private static final String QUALIFIER = "^[a-z_]\\w*\\s*\\.\\s*";

    /** Go: the function around {@code line}, as far as the diff shows its header, runs once. */
    static boolean goOneTime(SourceFile file, int line) {
        String header = goHeaderAbove(file, line);
        return header != null && GO_ONE_TIME.matcher(header).find();
    }

    /** Go: the header of the function around {@code line}, when the lines the diff shows above it reach it; or null. */
    static String goHeaderAbove(SourceFile file, int line) {
        for (int at = line - 1; file.known(at); at--) {
            if (file.line(at).startsWith("func")) {
                return file.line(at);
            }
        }
        return null;
    }

    /** Go: a parameter named as a context, which carries a deadline, not a client's settings. */
    private static final Pattern CONTEXT_NAME = Pattern.compile("(?i)\\w*ctx|\\w*context");

    /** Go: a function header, group 1 its parameter list (the receiver's is skipped). */
    private static final Pattern GO_PARAMETERS = Pattern.compile(
            "^func\\s*(?:\\([^)]*\\)\\s*)?\\w+\\s*(?:\\[[^\\]]*\\]\\s*)?\\(([^)]*)\\)");

    /**
     * Go: the constructor's arguments read a parameter of the function around {@code line}, as far as the diff shows
     * its header ({@code openstack.NewComputeV2(c.provider, gophercloud.EndpointOpts{Region: k.Spec.Region})} with
     * {@code k} handed in): the client is made for what the caller asks (a region, a user's credentials), not the
     * shared one built again, as {@code peer: receiver-config} leaves a literal reading the method's parameters.
     */
    static boolean readsParameter(SourceFile file, int line, String construction) {
        String func = goHeaderAbove(file, line);
        Matcher header = GO_PARAMETERS.matcher(func == null ? "" : func);
        if (!header.find()) {
            return false;
        }
        for (String part : header.group(1).split(",")) {
            String name = part.strip().split("\\s+")[0];
            if (name.matches("[a-z_]\\w*") && !CONTEXT_NAME.matcher(name).matches()
                    && Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)").matcher(construction).find()) {
                return true;
            }
        }
        return false;
    }

    /** Go: the value is returned or stored in a field below, in the lines the diff shows of the same function. */
    static boolean goKept(SourceFile file, int line, String var) {
        String v = Pattern.quote(var);
        Pattern keeps = Pattern.compile("^\\s*return\\s+(?:&\\s*)?" + v + "\\s*(?:,|$)|[\\w.]+\\.\\w+\\s*=\\s*" + v
                + "\\s*$|\\w+\\s*:\\s*" + v + "\\s*,?\\s*$");
        for (int at = line + 1; file.known(at); at++) {
            String text = file.line(at);
            if (text.startsWith("func")) {
                return false;
            }
            if (keeps.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go: a line the change did not write closes the local further down the function ({@code defer
     * cowsqlClient.Close()} kept as it was): the function owned and closed the value before the change too, so what
     * the deleted line called handed out a client of its own, not the shared one (incus' {@code g.getClient()}).
     * Looks past the gaps between hunks, up to the next function header.
     */
    static boolean closedBefore(SourceFile file, int line, String var) {
        Pattern closes = Pattern.compile("(?<![\\w.])" + Pattern.quote(var) + "\\s*\\.\\s*Close\\b");
        for (int at = line + 1; at <= file.lineCount() && at <= line + 200; at++) {
            if (!file.known(at)) {
                continue;
            }
            String text = file.line(at);
            if (text.startsWith("func")) {
                return false;
            }
            if (!file.added(at) && closes.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The name the initialiser calls or constructs (the type after new, the factory method, the builder's class). */
    private static String callee(String init) {
        Matcher m = Pattern.compile("^(?:new\\s+)?(?:this\\s*\\.\\s*)?([\\w.]+)").matcher(init);
        return m.find() ? m.group(1) : "";
    }

    /** The method around {@code line} runs once: a constructor, an initialiser, main, a provider or a set-up. */
    static boolean oneTime(SourceFile file, int line) {
        for (int at = line - 1; file.known(at); at--) {
            String text = file.line(at);
            if (ONE_TIME.matcher(text).find() || CONSTRUCTOR.matcher(text).find()) {
                return true;
            }
            if (RemovedReleases.HEADER.matcher(text).find()) {
                // the header: an annotation on the lines just above it still counts
                for (int up = at - 1; up >= at - 3 && file.known(up); up--) {
                    if (ONE_TIME.matcher(file.line(up)).find()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** The value is stored in a field or returned below, in the lines the diff shows of the same method. */
    static boolean kept(SourceFile file, int line, String var) {
        Pattern keeps = Pattern.compile("(?:^\\s*return\\s+" + Pattern.quote(var) + "\\s*;|(?:this\\s*\\.\\s*\\w+|[a-z_]\\w*)"
                + "\\s*=\\s*" + Pattern.quote(var) + "\\s*;)");
        for (int at = line + 1; file.known(at); at++) {
            String text = file.line(at);
            if (keeps.matcher(text).find()) {
                return true;
            }
            if (RemovedReleases.HEADER.matcher(text).find()) {
                return false;
            }
        }
        return false;
    }
}
