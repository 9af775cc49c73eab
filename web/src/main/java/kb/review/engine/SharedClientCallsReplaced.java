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
    /** A Java call on a field named bare ({@code httpClient.send(}): group 2 the field, 3 the method. */
    private static final Pattern BARE_CALL = Pattern.compile(
            "(?<![\\w.])()([a-z]\\w*(?:[cC]lient|[hH]ttp|Pool|pool))\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /** A Go local built as a client: group 1 the name, 2 the construction. */
    private static final Pattern GO_BUILT = Pattern.compile(
            "^\\s*([a-z]\\w*)\\s*:?=\\s*(&?\\s*[\\w.]*(?:Client|Transport|Pool)\\s*\\{.*|[\\w.]+\\.New(?:\\w*Client|\\w*Pool)?\\s*\\(.*)$");
    /** A Java local built as a client: group 1 the name, 2 the construction. */
    private static final Pattern JAVA_BUILT = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:[\\w.<>]+\\s+)?([a-z]\\w*)\\s*=\\s*(new\\s+[\\w.]*(?:Client|RestTemplate)\\b.*"
                    + "|(?:HttpClient|HttpClients|ClientBuilder|WebClient|HttpClientBuilder|RestClient)\\s*\\.\\s*"
                    + "(?:newHttpClient|newBuilder|newClient|createDefault|createSystem|custom|create|builder)\\s*\\(.*)$");
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
            if (!call.find() && (go || !(call = BARE_CALL.matcher(text)).find())) {
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
                if (!b.find() || call.group(1).isEmpty() && b.group(1).equals(field) || !usedFor(block, b.group(1), method)
                        || kept(file, b.group(1)) || oneTime(r.hunk(), r.index())) {
                    continue;
                }
                int at = built.newLine();
                if (out.stream().noneMatch(f -> f.line() == at)) {
                    Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    String holder = call.group(1).isEmpty() ? field : call.group(1) + "." + field;
                    out.add(new Finding(RULE, "RES-04", severity, file.path(), at, 1, file.line(at).strip(),
                            "The change stops calling `" + method + "` on `" + holder + "`, the client the object "
                                    + "holds, and builds `" + b.group(1) + "` here for the call instead: every call "
                                    + "of this method now makes a new client with its own connections. Use the shared "
                                    + "one (set its timeout where it is built).",
                            Finding.Confidence.LOW, "the review sees the swap, not how often the method runs", "kb",
                            null));
                }
                break;
            }
        }
        return out;
    }

    /** An added line of the block makes the deleted call's method on the built local. */
    private static boolean usedFor(List<DiffLine> block, String local, String method) {
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(local) + "\\s*\\.\\s*" + Pattern.quote(method)
                + "\\s*\\(");
        return block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && use.matcher(l.text()).find());
    }

    /** An added line stores or returns the built local: it is kept, not made per call. */
    private static boolean kept(SourceFile file, String local) {
        Pattern keep = Pattern.compile("\\breturn\\s+(?:&?\\s*)?" + Pattern.quote(local) + "\\b|\\.\\s*\\w+\\s*=\\s*"
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
