package kb.review.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle;
import kb.review.diff.SourceFile;

/**
 * A resource assigned to a field in a method the diff shows apart from its class (session 36, jprec36): an edit whose
 * hunks do not parse as one class is read hunk by hunk, and the hunk holding {@code httpResponse = client.execute(post)}
 * no longer sees the {@code private CloseableHttpResponse httpResponse;} another hunk shows. Stored in a field, the
 * value outlives the call and belongs to the object (its {@code release()} or {@code close()} ends it), which is how a
 * view of the whole class already reads such an assignment (the scan takes it as a hand-over). So a plain-name
 * assignment, whose name no parameter or local of the shown method declares, to a name the file's visible text
 * declares as a member (with a modifier only a field takes: private, protected, public, static, volatile, transient),
 * is let go. A local of that name, or a declaration ({@code Response r = ...}), is judged as before.
 */
final class FieldStoredValues {

    /** A member declaration: a field modifier, a type, the name, an optional initialiser, the semicolon. */
    private static final Pattern FIELD = Pattern.compile("(?m)^[ \\t]*(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
            + "(?:(?:private|protected|public|static|volatile|transient)\\s+)(?:(?:private|protected|public|static|final"
            + "|volatile|transient)\\s+)*[\\w.$]+(?:<[^;=(){}]*>)?(?:\\[\\])*\\s+([\\w$]+)\\s*(?:=[^;]*)?;");

    private FieldStoredValues() {
    }

    /** True when the acquisition is a plain-name assignment to a field the file declares in view. */
    static boolean storedInField(SourceFile file, Lifecycle.Acquisition a) {
        if (!(a.at().ast instanceof ExpressionStmt es) || !(es.getExpression() instanceof AssignExpr as)
                || as.getOperator() != AssignExpr.Operator.ASSIGN || !as.getTarget().isNameExpr()) {
            return false;
        }
        String name = as.getTarget().toString();
        String text = file.text();
        if (!text.contains(name) || declaredInMethod(as, name)) {
            return false;
        }
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** True when a parameter or local of the enclosing method or lambdas (as shown) has the name. */
    private static boolean declaredInMethod(Node at, String name) {
        for (Node p = at.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                if (p.findAll(Parameter.class).stream().anyMatch(x -> x.getNameAsString().equals(name))
                        || p.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name))) {
                    return true;
                }
            }
        }
        return false;
    }
}
