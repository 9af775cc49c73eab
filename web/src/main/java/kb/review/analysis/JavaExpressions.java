package kb.review.analysis;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;

/** What the Java analyses read through before they judge an expression: casts and parentheses change no owner. */
public final class JavaExpressions {

    private JavaExpressions() {
    }

    /** The expression under any casts and parentheses: {@code (Closeable) (x)} gives {@code x}; null gives null. */
    public static Expression unwrap(Expression e) {
        while (e instanceof CastExpr || e instanceof EnclosedExpr) {
            e = e instanceof CastExpr c ? c.getExpression() : ((EnclosedExpr) e).getInner();
        }
        return e;
    }
}
