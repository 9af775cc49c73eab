package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TMO-01 for a timeout the caller hands in and the code never applies: a constructor or method that takes a
 * parameter named for a connect, read, socket or request timeout (a number or a {@code Duration}), builds or opens a
 * client, connection, session or channel, and never reads the parameter. The caller believes its calls are bounded;
 * the client waits as long as its library's default. Real fixes: a generated RPC client whose constructor took
 * {@code timeout_sec} and dropped it (jubatus issue 246, msgpack-haskell PR 35), a TCP client whose builder's
 * {@code connectionTimeout} was never passed to the connect (apache/iggy issue 3010), a sender whose constructor used
 * its timeout only to name itself (fluent-logger-java PR 3). Reported at the first construction in the body, where
 * the timeout should have gone. Left alone: a method without a body or that only throws, an override or deprecated
 * overload (the signature is someone else's), an idle, keep-alive or eviction limit, a method that builds nothing
 * remote, a test double, and a file the reviewer sees only in part (a later line may read the parameter).
 */
final class UnreadTimeouts {

    private static final Pattern TIMEOUT_NAME = Pattern.compile("(?i)timeout|deadline");
    private static final Pattern BOUND_TYPE = Pattern.compile(
            "^(?:int|long|double|float|Integer|Long|Double|Float|Duration|java\\.time\\.Duration)$");
    /** What a body builds or opens that talks to a peer. */
    private static final Pattern REMOTE = Pattern.compile(
            "(?i)client|connect|connection|session|channel|socket|stub|transport");
    /** Limits that bound no wait of the caller (an idle connection's life, a lease, a grace period). */
    private static final Pattern NOT_A_WAIT = Pattern.compile(
            "(?i)idle|keep_?alive|linger|evict|shutdown|close|grace|ttl|lease|validation|session");
    private static final Pattern TEST_DOUBLE = Pattern.compile("(?:Test|Tests|IT|Mock|Fake|Stub|Dummy|Noop|NoOp)$");

    private UnreadTimeouts() {
    }

    /** A cheap text test: a word naming a timeout or a deadline. */
    static boolean mayApply(String text) {
        return text.contains("imeout") || text.contains("IMEOUT") || text.contains("eadline");
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        if (!wholeFile) {
            return out;
        }
        for (CallableDeclaration<?> c : root.findAll(CallableDeclaration.class)) {
            Optional<BlockStmt> body = body(c);
            if (body.isEmpty() || body.get().getStatements().isEmpty()
                    || body.get().getStatements().stream().allMatch(s -> s instanceof ThrowStmt)
                    || c.isAnnotationPresent("Override") || c.isAnnotationPresent("Deprecated") || doubled(c)) {
                continue;
            }
            for (Parameter p : c.getParameters()) {
                String name = p.getNameAsString();
                if (!TIMEOUT_NAME.matcher(name).find() || NOT_A_WAIT.matcher(name).find()
                        || !BOUND_TYPE.matcher(p.getType().asString()).matches()
                        || body.get().findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent()) {
                    continue;
                }
                firstRemote(body.get()).ifPresent(n -> out.add(JavaChecks.Report.at(n, false)));
                break;
            }
        }
        return out;
    }

    private static Optional<BlockStmt> body(CallableDeclaration<?> c) {
        if (c instanceof ConstructorDeclaration k) {
            return Optional.of(k.getBody());
        }
        return c instanceof MethodDeclaration m ? m.getBody() : Optional.empty();
    }

    /** True inside a test class or a test double, whose signatures follow what they stand in for. */
    private static boolean doubled(CallableDeclaration<?> c) {
        return c.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(t -> t.isInterface() || TEST_DOUBLE.matcher(t.getNameAsString()).find()).orElse(false);
    }

    /** The first construction or call in {@code body} whose name says it builds or opens something remote. */
    private static Optional<Node> firstRemote(BlockStmt body) {
        List<Node> found = new ArrayList<>();
        body.findAll(ObjectCreationExpr.class, o -> REMOTE.matcher(o.getType().getNameAsString()).find())
                .forEach(found::add);
        body.findAll(MethodCallExpr.class, m -> REMOTE.matcher(m.getNameAsString()).find()
                || m.getScope().filter(s -> REMOTE.matcher(s.toString()).find()
                        && Character.isUpperCase(s.toString().charAt(0))).isPresent()).forEach(found::add);
        return found.stream().filter(n -> n.getBegin().isPresent())
                .min(Comparator.comparingInt(n -> n.getBegin().get().line));
    }
}
