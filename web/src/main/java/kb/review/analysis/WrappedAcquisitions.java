package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.regex.Pattern;

/**
 * A decorator built around a resource the method acquired one statement earlier, into a local of its own:
 * {@code FileChannel ch = FileChannel.open(p); Writer w = Channels.newWriter(ch, cs);}, {@code FileOutputStream out =
 * new FileOutputStream(f); BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out));}. Closing the
 * decorator closes what it wraps, so the duty moves to the decorator: the lifecycle pass sees the inner value handed
 * to a call it cannot see (an escape) and the outer one as nothing it knows, and a method that closes neither leaks
 * both unseen. A model entry marked {@code wraps: true} therefore acquires when its first argument names a local
 * declared in the same method from an acquisition of any model. Left alone: a local opened in a try-with-resources
 * (its try closes it, whatever wraps it), one the method closes by its own name (the decorator only borrows it), a
 * parameter or a field (the caller's or the object's, not this method's).
 */
final class WrappedAcquisitions {

    private WrappedAcquisitions() {
    }

    /**
     * True when the first of {@code args} names a local of the method around {@code at} that a model acquires, or is
     * itself an acquiring expression (a decorator over such a local).
     */
    static boolean wrapsAcquiredLocal(JavaMatches matches, Node at, NodeList<Expression> args) {
        if (args.isEmpty()) {
            return false;
        }
        if (args.get(0).isMethodCallExpr() || args.get(0).isObjectCreationExpr()) {
            // a decorator around another decorator that acquires (`new BufferedReader(Channels.newReader(ch, cs))`)
            return matches.anyMatch(args.get(0));
        }
        if (!args.get(0).isNameExpr()) {
            return false;
        }
        String name = args.get(0).asNameExpr().getNameAsString();
        Node callable = at.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class)
                .orElse(null);
        int line = at.getBegin().map(p -> p.line).orElse(-1);
        if (callable == null || line < 0) {
            return false;
        }
        for (VariableDeclarator v : JavaNodes.findAll(callable, VariableDeclarator.class)) {
            if (!v.getNameAsString().equals(name) || v.getInitializer().isEmpty()
                    || v.getBegin().map(p -> p.line >= line).orElse(true)) {
                continue;
            }
            if (inTryResources(v) || closedByName(callable.toString(), name)) {
                return false;
            }
            return matches.anyMatch(v.getInitializer().get());
        }
        return false;
    }

    private static boolean inTryResources(VariableDeclarator v) {
        Node decl = v.getParentNode().orElse(null);
        return decl instanceof VariableDeclarationExpr && decl.getParentNode()
                .filter(p -> p instanceof TryStmt t && t.getResources().contains(decl)).isPresent();
    }

    /** {@code name.close()} or a quiet-close helper given {@code name}. */
    private static boolean closedByName(String text, String name) {
        String q = Pattern.quote(name);
        return Regexes.compiled("(?<![\\w.$])" + q + "\\s*\\.\\s*close\\s*\\(|close\\w*\\s*\\(\\s*" + q + "\\s*\\)")
                .matcher(text).find();
    }
}
