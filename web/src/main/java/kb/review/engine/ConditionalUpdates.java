package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TX-02 for Java: "ignoring the row count that {@code executeUpdate} returns when exactly one row must change". The
 * code says so itself when its SQL is a compare-and-set: {@code UPDATE t SET slot = ? WHERE consumer = ? AND
 * slot = ?} (or {@code version = version + 1 ... AND version = ?}) tests in its WHERE a column it sets against a value
 * the caller expects, next to a key given as a parameter. (A guard against a literal, {@code end_date IS NULL}, is
 * often a set-once update for which no row changed is a normal outcome, and is left alone.) Zero rows then means the expected value was not there (another writer
 * won, or the row is gone), and a statement that drops the count reports success either way. The SQL is read from
 * the statement's own argument, from the {@code prepareStatement} that made the statement, or from a
 * {@code sql(...)}/{@code createQuery(...)} step of the call's chain (Spring's JdbcClient, JPA), each as a literal, a
 * concatenation of literals, or a local or field holding one.
 */
final class ConditionalUpdates {

    private static final Set<String> UPDATES = Set.of("executeUpdate", "executeLargeUpdate", "update");
    private static final Set<String> PREPARES = Set.of("prepareStatement", "prepareCall", "sql", "createQuery",
            "createNativeQuery");
    private static final Pattern UPDATE = Pattern.compile(
            "(?is)^\\s*UPDATE\\s+\\S+(?:\\s+(?:AS\\s+)?\\w+)?\\s+SET\\s+(.+?)\\s+WHERE\\s+(.+)$");
    private static final Pattern COMPARED = Pattern.compile(
            "(?i)(?<![\\w.])(?:[\\w\"`]+\\.)?[\"`]?(\\w+)[\"`]?\\s*(?:=|<=|>=|<>|!=|<|>|\\bIS\\b)\\s*(\\?|:\\w+|[^\\s)]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\?|:\\w+");

    private ConditionalUpdates() {
    }

    static boolean mayApply(String text) {
        return text.contains("pdate(") && Pattern.compile("(?i)\\bUPDATE\\s").matcher(text).find();
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ExpressionStmt stmt : root.findAll(ExpressionStmt.class)) {
            if (!(stmt.getExpression() instanceof MethodCallExpr call) || !UPDATES.contains(call.getNameAsString())) {
                continue;
            }
            Optional<String> sql = sql(call, root);
            if (sql.isPresent() && conditional(sql.get())) {
                out.add(JavaChecks.Report.at(stmt, false));
            }
        }
        return out;
    }

    /** The SQL the call runs, when the code in sight spells it. */
    private static Optional<String> sql(MethodCallExpr call, Node root) {
        if (call.getArguments().isNonEmpty()) {
            Optional<String> own = text(call.getArgument(0), call, root);
            if (own.isPresent() || !call.getNameAsString().equals("update")) {
                return own;
            }
        }
        for (Optional<Expression> s = call.getScope(); s.isPresent(); ) {
            Expression e = s.get();
            if (e instanceof MethodCallExpr step) {
                if (PREPARES.contains(step.getNameAsString()) && step.getArguments().isNonEmpty()) {
                    return text(step.getArgument(0), step, root);
                }
                s = step.getScope();
            } else if (e instanceof NameExpr statement) {
                return prepared(statement.getNameAsString(), call, root);
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The SQL of {@code name = c.prepareStatement(SQL)} in the method around {@code at}. */
    private static Optional<String> prepared(String name, Node at, Node root) {
        Node scope = at.findAncestor(CallableDeclaration.class).map(n -> (Node) n).orElse(root);
        for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                Optional<String> sql = preparing(v.getInitializer().get(), at, root);
                if (sql.isPresent()) {
                    return sql;
                }
            }
        }
        for (AssignExpr a : scope.findAll(AssignExpr.class)) {
            if (a.getTarget().toString().equals(name)) {
                Optional<String> sql = preparing(a.getValue(), at, root);
                if (sql.isPresent()) {
                    return sql;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> preparing(Expression value, Node at, Node root) {
        return value instanceof MethodCallExpr m && PREPARES.contains(m.getNameAsString())
                && m.getArguments().isNonEmpty() ? text(m.getArgument(0), at, root) : Optional.empty();
    }

    /** A string the expression spells: literals, their concatenation, or a local or field initialised with one. */
    private static Optional<String> text(Expression e, Node at, Node root) {
        return text(e, at, root, new HashSet<>());
    }

    private static Optional<String> text(Expression e, Node at, Node root, Set<String> seen) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof EnclosedExpr en) {
            return text(en.getInner(), at, root, seen);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> l = text(b.getLeft(), at, root, seen);
            Optional<String> r = text(b.getRight(), at, root, seen);
            return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
        }
        if (e instanceof NameExpr n && seen.add(n.getNameAsString())) {
            Node method = at.findAncestor(CallableDeclaration.class).map(x -> (Node) x).orElse(root);
            for (Node scope : List.of(method, root)) {
                for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                    boolean visible = scope == method || v.getParentNode().filter(p -> p instanceof FieldDeclaration)
                            .isPresent();
                    if (visible && v.getNameAsString().equals(n.getNameAsString()) && v.getInitializer().isPresent()) {
                        return text(v.getInitializer().get(), at, root, seen);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An UPDATE whose WHERE compares a column its SET assigns with a parameter (the caller's expected value), beside
     * another comparison with a parameter (the key of the row): a compare-and-set that changes one row or none.
     */
    static boolean conditional(String sql) {
        Matcher m = UPDATE.matcher(sql.strip());
        if (!m.find()) {
            return false;
        }
        Set<String> set = new HashSet<>();
        Matcher s = COMPARED.matcher(m.group(1));
        while (s.find()) {
            set.add(s.group(1).toLowerCase(Locale.ROOT));
        }
        int parameters = 0;
        boolean expected = false;
        Matcher w = COMPARED.matcher(m.group(2));
        while (w.find()) {
            boolean parameter = PLACEHOLDER.matcher(w.group(2)).matches();
            parameters += parameter ? 1 : 0;
            // the caller's expected value of a column the statement sets: a literal guard (`end_date IS NULL`,
            // `state = 'OPEN'`) is often an idempotent "only once", where no row changed is a normal outcome
            expected |= parameter && set.contains(w.group(1).toLowerCase(Locale.ROOT));
        }
        return expected && parameters >= 2;
    }
}
