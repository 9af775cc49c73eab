package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.JavaExpressions;

/** The whole-method Java checks behind the {@code visitor:} rules. */
final class JavaChecks {

    /** A node to report; {@code guessed} when the check relied on a name because the declaration was not visible. */
    record Report(int line, int column, boolean guessed) {

        static Report at(Node n, boolean guessed) {
            var begin = n.getBegin().orElseThrow();
            return new Report(begin.line, begin.column, guessed);
        }
    }

    /** JDK types that hold an OS resource; a name list, because without type resolution a suffix is a guess. */
    private static final Set<String> CLOSEABLE_TYPES = Set.of("FileInputStream", "FileOutputStream", "FileReader",
            "FileWriter", "BufferedReader", "BufferedWriter", "BufferedInputStream", "BufferedOutputStream",
            "InputStreamReader", "OutputStreamWriter", "PrintWriter", "PrintStream", "ObjectInputStream",
            "ObjectOutputStream", "DataInputStream", "DataOutputStream", "GZIPInputStream", "GZIPOutputStream",
            "ZipInputStream", "ZipOutputStream", "ZipFile", "JarFile", "RandomAccessFile", "Socket", "ServerSocket",
            "DatagramSocket", "Scanner", "Formatter");
    private static final Set<String> OPENING_CALLS = Set.of("getConnection", "prepareStatement", "prepareCall",
            "createStatement", "executeQuery", "newInputStream", "newOutputStream", "newBufferedReader",
            "newBufferedWriter", "newByteChannel", "newDirectoryStream", "openStream");
    private static final Set<String> FILES_STREAMS = Set.of("lines", "list", "walk", "find");
    private static final Pattern THREAD_LOCAL_NAME = Pattern.compile("(?i).*(threadlocal|holder|_tl|tl)$");

    private JavaChecks() {
    }

    private static final Pattern MAY_OPEN = Pattern.compile(
            "new\\s+\\w*(InputStream|OutputStream|Reader|Writer|Socket|RandomAccessFile|ZipFile|JarFile|Scanner"
                    + "|Formatter|PrintStream)\\b|\\b(getConnection|prepareStatement|prepareCall|createStatement"
                    + "|executeQuery|newInputStream|newOutputStream|newBufferedReader|newBufferedWriter|newByteChannel"
                    + "|newDirectoryStream|openStream|lines|list|walk|find|open)\\s*\\(");

    /** A cheap text test: false when the visitor cannot report anything in this code, so parsing can be skipped. */
    static boolean mayApply(String visitor, String text) {
        return switch (visitor) {
            case "closeable-outside-try-with-resources" -> MAY_OPEN.matcher(text).find();
            case "jdbc-transaction-not-ended" -> text.contains("setAutoCommit");
            case "threadlocal-without-finally-remove" -> text.contains(".set(") || text.contains("MDC.put");
            case "formatter-field-shared-by-tasks" -> SharedFormatters.mayApply(text);
            case "conditional-update-count-ignored" -> ConditionalUpdates.mayApply(text);
            case "plain-collection-of-shared-object" -> SharedCollections.mayApply(text);
            case "counter-of-shared-object" -> SharedCounters.mayApply(text);
            case "static-cache-plain-map" -> StaticCaches.mayApply(text);
            case "lazy-singleton-unsynchronized" -> LazySingletons.mayApply(text);
            case "timeout-parameter-never-read" -> UnreadTimeouts.mayApply(text);
            case "thread-state-cleared-off-path" -> StraightPathClears.mayApply(text);
            case "loop-flag-not-volatile" -> UnpublishedLoopFlags.mayApply(text);
            default -> true;
        };
    }

    static List<Report> closeableOutsideTryWithResources(Node root, boolean wholeFile) {
        List<Report> out = new ArrayList<>();
        for (VariableDeclarator vd : root.findAll(VariableDeclarator.class)) {
            Optional<Expression> init = vd.getInitializer().map(JavaExpressions::unwrap);
            if (init.isEmpty() || !opensResource(init.get()) || isTryResource(vd)
                    || vd.getParentNode().filter(p -> p instanceof FieldDeclaration).isPresent()) {
                continue;
            }
            String name = vd.getNameAsString();
            Node body = callable(vd).orElse(root);
            if (!closedInFinally(body, name) && !handedOver(body, name)) {
                out.add(Report.at(vd, false));
            }
        }
        return out;
    }

    static List<Report> transactionNotEnded(Node root, boolean wholeFile) {
        List<Report> out = new ArrayList<>();
        for (MethodCallExpr call : root.findAll(MethodCallExpr.class)) {
            if (!call.getNameAsString().equals("setAutoCommit") || call.getArguments().size() != 1
                    || !(call.getArgument(0) instanceof BooleanLiteralExpr b) || b.getValue()
                    || call.getScope().isEmpty()) {
                continue;
            }
            String conn = call.getScope().get().toString();
            Node body = callable(call).orElse(root);
            boolean rolledBack = body.findAll(MethodCallExpr.class).stream().anyMatch(m ->
                    m.getNameAsString().equals("rollback") && m.getScope().map(Object::toString).orElse("")
                            .equals(conn) && inHandler(m));
            if (!rolledBack) {
                out.add(Report.at(call, false));
            }
        }
        return out;
    }

    static List<Report> threadLocalWithoutRemove(Node root, boolean wholeFile) {
        Set<String> locals = new HashSet<>();
        for (VariableDeclarator vd : root.findAll(VariableDeclarator.class)) {
            String type = vd.getType().asString();
            String init = vd.getInitializer().map(Object::toString).orElse("");
            if (type.matches("(Inheritable)?ThreadLocal(<.*>)?") || init.contains("ThreadLocal")) {
                locals.add(vd.getNameAsString());
            }
        }
        List<Report> out = new ArrayList<>();
        for (MethodCallExpr call : root.findAll(MethodCallExpr.class)) {
            String scope = call.getScope().map(JavaChecks::lastName).orElse("");
            boolean mdc = scope.equals("MDC") && call.getNameAsString().equals("put");
            boolean known = call.getNameAsString().equals("set") && locals.contains(scope);
            boolean guessed = !wholeFile && !known && call.getNameAsString().equals("set")
                    && THREAD_LOCAL_NAME.matcher(scope).matches();
            if (!mdc && !known && !guessed) {
                continue;
            }
            Node body = callable(call).orElse(root);
            boolean removed = body.findAll(MethodCallExpr.class).stream().anyMatch(m ->
                    m.getScope().map(JavaChecks::lastName).orElse("").equals(scope) && inFinally(m)
                            && (m.getNameAsString().equals("remove") || mdc && m.getNameAsString().equals("clear")));
            if (!removed) {
                out.add(Report.at(call, guessed));
            }
        }
        return out;
    }

    private static String lastName(Expression e) {
        String s = e.toString();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static boolean opensResource(Expression e) {
        if (e instanceof ObjectCreationExpr oc) {
            String type = oc.getType().getNameAsString();
            return CLOSEABLE_TYPES.contains(type)
                    && !(type.equals("Scanner") && oc.getArguments().toString().contains("System.in"));
        }
        if (e instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            String scope = call.getScope().map(Object::toString).orElse("");
            return OPENING_CALLS.contains(name)
                    || FILES_STREAMS.contains(name) && scope.equals("Files")
                    || name.equals("open") && scope.endsWith("Channel");
        }
        return false;
    }

    private static boolean isTryResource(VariableDeclarator vd) {
        return vd.getParentNode().filter(p -> p instanceof VariableDeclarationExpr)
                .flatMap(Node::getParentNode).filter(p -> p instanceof TryStmt t
                        && t.getResources().stream().anyMatch(r -> r == vd.getParentNode().get())).isPresent();
    }

    static Optional<Node> callable(Node n) {
        Optional<Node> p = n.getParentNode();
        while (p.isPresent()) {
            Node x = p.get();
            if (x instanceof CallableDeclaration<?> || x instanceof LambdaExpr || x instanceof InitializerDeclaration) {
                return p;
            }
            p = x.getParentNode();
        }
        return Optional.empty();
    }

    private static boolean closedInFinally(Node body, String name) {
        for (TryStmt t : body.findAll(TryStmt.class)) {
            if (t.getResources().stream().anyMatch(r -> r instanceof NameExpr n && n.getNameAsString().equals(name))) {
                return true;
            }
            Optional<BlockStmt> fin = t.getFinallyBlock();
            if (fin.isPresent() && fin.get().findAll(MethodCallExpr.class).stream().anyMatch(m ->
                    m.getNameAsString().equals("close") && m.getScope().map(Object::toString).orElse("")
                            .equals(name)
                            || m.getNameAsString().startsWith("close") && m.getArguments().stream()
                            .anyMatch(a -> a.toString().equals(name)))) {
                return true;
            }
        }
        return false;
    }

    /** Ownership leaves the method: returned, stored in a field, or wrapped by another object. */
    private static boolean handedOver(Node body, String name) {
        for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
            Expression e = r.getExpression().map(JavaExpressions::unwrap).orElse(null);
            if (isName(e, name) || e instanceof ObjectCreationExpr oc
                    && oc.getArguments().stream().anyMatch(a -> isName(a, name))) {
                return true;
            }
        }
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (isName(a.getValue(), name)) {
                return true;
            }
        }
        return body.findAll(ObjectCreationExpr.class).stream()
                .anyMatch(oc -> oc.getArguments().stream().anyMatch(a -> isName(a, name)));
    }

    private static boolean isName(Expression e, String name) {
        return e instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private static boolean inHandler(Node n) {
        return n.findAncestor(CatchClause.class).isPresent() || inFinally(n);
    }

    private static boolean inFinally(Node n) {
        Optional<Node> child = Optional.of(n);
        Optional<Node> p = n.getParentNode();
        while (p.isPresent()) {
            if (p.get() instanceof TryStmt t && t.getFinallyBlock().isPresent()
                    && child.get() == t.getFinallyBlock().get()) {
                return true;
            }
            child = p;
            p = p.get().getParentNode();
        }
        return false;
    }
}
