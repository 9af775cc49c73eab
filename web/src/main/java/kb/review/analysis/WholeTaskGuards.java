package kb.review.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a Java task written inline (a lambda, or an anonymous {@code Runnable}/{@code Callable} whose only member is
 * {@code run()}/{@code call()}) leaves no exception to escape it: every statement of its body is guarded. A guarded
 * statement is a {@code try} with a catch of {@code Exception}, {@code RuntimeException} or {@code Throwable} (alone
 * or in a multi-catch) where no catch block throws and the {@code finally}, if any, is guarded too; a pause, a
 * {@code try} whose block only sleeps, joins or awaits (under {@code if}s at most) and catches the
 * {@code InterruptedException} without throwing; or a loop whose body is guarded. Anything else in the body (a call
 * before the {@code try}, an {@code if} that returns, a rethrow from a catch) can let a failure out, and the task is not
 * guarded. A task that only names other code ({@code r}, {@code this::run}) is not judged here.
 */
final class WholeTaskGuards {

    private static final Set<String> CATCH_ALL = Set.of("Exception", "RuntimeException", "Throwable",
            "java.lang.Exception", "java.lang.RuntimeException", "java.lang.Throwable");
    private static final Set<String> PAUSES = Set.of("sleep", "join", "await", "awaitTermination");
    private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();

    private WholeTaskGuards() {
    }

    /** True when {@code task}, the text of a task expression, is an inline task whose every statement is guarded. */
    static boolean guarded(String task) {
        if (SEEN.size() > 2_000) {
            SEEN.clear();
        }
        return SEEN.computeIfAbsent(task, WholeTaskGuards::decide);
    }

    private static boolean decide(String task) {
        ParseResult<Expression> r = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false))
                .parseExpression(task);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            return false;
        }
        return body(r.getResult().get()).map(WholeTaskGuards::allGuarded).orElse(false);
    }

    /** The block an inline task runs, or empty when the task is not inline or has other members. */
    private static Optional<BlockStmt> body(Expression e) {
        if (e instanceof LambdaExpr l && l.getParameters().isEmpty() && l.getBody() instanceof BlockStmt b) {
            return Optional.of(b);
        }
        if (e instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()) {
            NodeList<BodyDeclaration<?>> members = oc.getAnonymousClassBody().get();
            if (members.size() == 1 && members.get(0) instanceof MethodDeclaration m && m.getParameters().isEmpty()
                    && (m.getNameAsString().equals("run") || m.getNameAsString().equals("call"))) {
                return m.getBody();
            }
        }
        return Optional.empty();
    }

    private static boolean allGuarded(BlockStmt b) {
        return b.getStatements().stream().allMatch(WholeTaskGuards::guardedStatement);
    }

    private static boolean guardedStatement(Statement s) {
        if (s instanceof BlockStmt b) {
            return allGuarded(b);
        }
        if (s instanceof TryStmt t) {
            boolean throwsFromCatch = t.getCatchClauses().stream()
                    .anyMatch(c -> !c.getBody().findAll(ThrowStmt.class).isEmpty());
            boolean finallyGuarded = t.getFinallyBlock().map(WholeTaskGuards::allGuarded).orElse(true);
            if (throwsFromCatch || !finallyGuarded) {
                return false;
            }
            return t.getCatchClauses().stream().anyMatch(WholeTaskGuards::catchesAll)
                    || t.getCatchClauses().stream().anyMatch(c -> catches(c, "InterruptedException"))
                    && t.getResources().isEmpty() && onlyPauses(t.getTryBlock());
        }
        if (s instanceof WhileStmt w) {
            return guardedStatement(w.getBody());
        }
        if (s instanceof DoStmt d) {
            return guardedStatement(d.getBody());
        }
        if (s instanceof ForStmt f) {
            return guardedStatement(f.getBody());
        }
        if (s instanceof ForEachStmt f) {
            return guardedStatement(f.getBody());
        }
        return false;
    }

    private static boolean catchesAll(CatchClause c) {
        return c.getParameter().getType().isUnionType()
                ? c.getParameter().getType().asUnionType().getElements().stream()
                        .anyMatch(t -> CATCH_ALL.contains(t.asString()))
                : CATCH_ALL.contains(c.getParameter().getType().asString());
    }

    private static boolean catches(CatchClause c, String type) {
        return c.getParameter().getType().asString().equals(type)
                || c.getParameter().getType().asString().equals("java.lang." + type);
    }

    /** A block of sleeps, joins and awaits, each alone or under an {@code if}: nothing else that could fail. */
    private static boolean onlyPauses(Statement s) {
        if (s instanceof BlockStmt b) {
            return b.getStatements().stream().allMatch(WholeTaskGuards::onlyPauses);
        }
        if (s instanceof IfStmt i) {
            return onlyPauses(i.getThenStmt()) && i.getElseStmt().map(WholeTaskGuards::onlyPauses).orElse(true);
        }
        return s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr m
                && PAUSES.contains(m.getNameAsString());
    }
}
