package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Java timeouts that are set, only not on the construction TMO-01 looks at (set 4, class AV). Three classes of code:
 * <ul>
 *   <li><b>Per-request configuration.</b> Apache's HttpClient takes its connect and socket timeouts per request as
 *       well as per client ({@code request.setConfig(requestConfig)}); a client built without defaults is fine when
 *       the code sending through it configures each request. That is so when the file that builds the client sets a
 *       request configuration, or when the client is returned by a factory and a caller of that factory in the change
 *       lives in a file that does. (The {@code RequestConfig} itself is checked for its timeouts where it is built,
 *       by the same rule.)</li>
 *   <li><b>An unconfigured object handed to the caller.</b> {@code return new Socket();} (or one branch of a
 *       conditional that is returned): nothing is configured at the construction, nothing is read here, and the
 *       timeouts are setters the caller still calls ({@code setSoTimeout}, {@code connect(addr, timeout)}), as for the
 *       factory methods {@link TimeoutPaths#returnedToSet} already hands over. A socket connected by its constructor
 *       ({@code new Socket(host, port)}) is configured at the construction and stays reported.</li>
 *   <li><b>A JDK HttpClient that only opens WebSockets.</b> {@code WebSocket.Builder.connectTimeout} bounds the
 *       connect of each WebSocket the client opens; a file that sets it on its WebSocket builders and sends no HTTP
 *       request through a client ({@code send}, {@code sendAsync}) needs no client-wide connect timeout.</li>
 * </ul>
 */
public final class CallerTimeouts {

    /** The setters of a per-request configuration (Apache HttpClient 4 and 5). */
    private static final Pattern PER_REQUEST = Pattern.compile("\\.\\s*(setConfig|setRequestConfig)\\s*\\(");
    private static final Pattern HTTP_SEND = Pattern.compile("(?<![\\w$])[\\w$]+(\\s*\\(\\s*\\))?\\s*\\.\\s*"
            + "(send|sendAsync)\\s*\\(");
    private static final Pattern WEBSOCKET_CONNECT_TIMEOUT = Pattern.compile("\\.\\s*connectTimeout\\s*\\(");
    private static final Set<String> CONSTRUCTIONS = Set.of("object_creation_expression", "method_invocation");

    private CallerTimeouts() {
    }

    /**
     * True when the timeouts of the Java construction reported at {@code line}:{@code column} (model {@code model})
     * are set in one of the ways above. {@code summaries} holds the functions of the change (may be null).
     */
    public static boolean setElsewhere(SyntaxNode root, byte[] src, String path, int line, int column,
                                       TimeoutModel model, Summaries summaries) {
        SyntaxNode built = at(root, line - 1, column - 1);
        if (built == null) {
            return false;
        }
        SyntaxNode value = KeptByReturn.throughChoice(built);
        SyntaxNode function = Timeouts.function(built);
        boolean returned = value.getParent().getType().equals("return_statement");
        String id = model.id();
        String file = text(src, root);
        if (id.startsWith("apache-http-client")) {
            return PER_REQUEST.matcher(file).find() || returned && callersConfigureRequests(function, src, path,
                    summaries);
        }
        if (id.startsWith("java-http-client")) {
            return file.contains("newWebSocketBuilder") && WEBSOCKET_CONNECT_TIMEOUT.matcher(file).find()
                    && !HTTP_SEND.matcher(file).find();
        }
        return returned && built.getType().equals("object_creation_expression") && noArguments(built, src)
                && !model.timeout().isEmpty() && model.timeout().stream().allMatch(p -> p.pattern().startsWith("set"))
                && !containerFactory(function, src);
    }

    /** A bean factory's annotation: what it returns goes to the container, whose users call no setter on it. */
    private static final Pattern BEAN = Pattern.compile("@(?:[\\w.]+\\.)?(?:Bean|Produces)\\b");

    /**
     * The method is a Spring {@code @Bean} or a CDI {@code @Produces} factory: the object it returns is registered as
     * built and injected wherever it is asked for, so no caller is left to set its timeouts (a default
     * {@code RestTemplate} bean waits forever in every class that injects it).
     */
    private static boolean containerFactory(SyntaxNode function, byte[] src) {
        if (function == null || function.isNull()) {
            return false;
        }
        for (int i = 0; i < function.getNamedChildCount(); i++) {
            SyntaxNode c = function.getNamedChild(i);
            if (c.getType().equals("modifiers")) {
                return BEAN.matcher(text(src, c)).find();
            }
        }
        return false;
    }

    /** The outermost construction (a call chain or a {@code new}) that starts at the row and column. */
    private static SyntaxNode at(SyntaxNode root, int row, int column) {
        SyntaxNode n = root.namedDescendantAtRow(row);
        SyntaxNode found = null;
        for (SyntaxNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            if (p.getStartPoint().getRow() == row && p.getStartPoint().getColumn() == column
                    && CONSTRUCTIONS.contains(p.getType())) {
                found = p;
            }
        }
        if (found != null) {
            return found;
        }
        return find(root, row, column);
    }

    private static SyntaxNode find(SyntaxNode n, int row, int column) {
        if (n.getStartPoint().getRow() > row || n.getEndPoint().getRow() < row) {
            return null;
        }
        if (n.getStartPoint().getRow() == row && n.getStartPoint().getColumn() == column
                && CONSTRUCTIONS.contains(n.getType())) {
            return n;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode hit = find(n.getNamedChild(i), row, column);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** A factory's callers in the change: one of them is in a file whose code configures each request. */
    private static boolean callersConfigureRequests(SyntaxNode factory, byte[] src, String path,
                                                    Summaries summaries) {
        SyntaxNode name = factory.getChildByFieldName("name");
        if (summaries == null || name == null || name.isNull()) {
            return false;
        }
        Pattern call = Pattern.compile("(?<![\\w$])" + Pattern.quote(text(src, name)) + "\\s*\\(");
        return summaries.all().anyMatch(caller -> caller.file() != null && call.matcher(caller.body()).find()
                && summaries.all().anyMatch(f -> caller.file().equals(f.file())
                && PER_REQUEST.matcher(f.body()).find()));
    }

    private static boolean noArguments(SyntaxNode creation, byte[] src) {
        SyntaxNode args = creation.getChildByFieldName("arguments");
        return args != null && !args.isNull() && text(src, args).replaceAll("\\s", "").equals("()")
                && creation.getChildByFieldName("body").isNull();
    }
}
