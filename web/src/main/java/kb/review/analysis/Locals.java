package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

/** Whether a plain Java name assigned in a method is the method's own variable or a field of its class. */
final class Locals {

    private Locals() {
    }

    /**
     * True when {@code name}, assigned at {@code at}, is a field of the enclosing class and no parameter or local of
     * the enclosing method (or an enclosing one, for a lambda) shadows it: a value stored there outlives the call and
     * belongs to the object (its {@code close()} or a later call ends it), so the assignment hands it over.
     */
    static boolean isField(Node at, String name) {
        Node type = at.findAncestor(TypeDeclaration.class).orElse(null);
        if (type == null) {
            return false;
        }
        for (Node p = at.getParentNode().orElse(null); p != null && p != type; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof com.github.javaparser.ast.expr.LambdaExpr) {
                if (p.findAll(Parameter.class).stream().anyMatch(x -> x.getNameAsString().equals(name))
                        || p.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name)
                        && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))) {
                    return false;
                }
            }
        }
        return ((TypeDeclaration<?>) type).getFields().stream()
                .anyMatch(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
    }

    /**
     * True when {@code name}, assigned at {@code at} in a method whose head is in view, is declared by neither that
     * method nor any method or lambda around it, nor as a field of the class in view: it is a field the diff does not
     * show (inherited, or declared above the hunk), so what is stored there belongs to the object, as with
     * {@link #isField}. Not inside the parsers' stand-in method for a hunk that starts mid-method ({@code kbSnippet},
     * {@code kbHunk}), where the name may be a local declared above the hunk, nor where the text in view ends the value
     * ({@code fileText}: null, unknown, keeps the old reading).
     */
    static boolean fieldOutOfView(Node at, String name, String fileText) {
        boolean inMethod = false;
        for (Node p = at.getParentNode().orElse(null); p != null && !(p instanceof TypeDeclaration<?>);
                p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c && STAND_INS.contains(c.getNameAsString())) {
                return false;
            }
            if (p instanceof CallableDeclaration<?> || p instanceof com.github.javaparser.ast.expr.LambdaExpr) {
                inMethod |= p instanceof CallableDeclaration<?>;
                if (p.findAll(Parameter.class).stream().anyMatch(x -> x.getNameAsString().equals(name))
                        || p.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name)
                        && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))) {
                    return false;
                }
            }
        }
        if (!inMethod) {
            return false;
        }
        // a method that ends the value itself treats it as its own, whatever holds it (a worker's run() that opens
        // its consumer into a field and closes it at the end): its paths are followed as a local's. The file's text
        // is asked, not the method's: a later hunk of the same method is parsed apart.
        if (fileText == null) {
            return false;
        }
        java.util.regex.Matcher ended = ENDED.matcher(fileText);
        while (ended.find()) {
            if (ended.group(1).equals(name)) {
                return false;
            }
        }
        return true;
    }

    /** A name (bare or after {@code this.}) whose value is closed, released or stopped; group 1 the name. */
    private static final java.util.regex.Pattern ENDED = java.util.regex.Pattern.compile(
            "(?<![\\w.])(?:this\\.)?(\\w+)\\s*\\.\\s*(?:close|release|shutdown|shutdownNow|disconnect|dispose|destroy|stop)"
                    + "\\s*\\(");

    /** The methods the diff readers wrap a Java hunk in when the hunk starts inside a method body. */
    private static final java.util.Set<String> STAND_INS = java.util.Set.of("kbHunk", "kbSnippet");

    /**
     * True when {@code name} is a variable the method (or lambda) enclosing {@code at} declares in its body or its
     * try resources: not a parameter, not a field. What such a local holds is opened and ended by the same call.
     */
    static boolean declaredHere(Node at, String name) {
        Node callable = callable(at);
        return callable != null && callable.findAll(VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(name)
                        && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))
                && callable.findAll(Parameter.class).stream().noneMatch(x -> x.getNameAsString().equals(name));
    }

    /**
     * True when the method enclosing {@code at} ends its local {@code name} itself: a try-with-resources resource, or
     * a release {@code released} matches in its text ({@code connection.close()} in finally, a quiet helper).
     */
    static boolean endedHere(Node at, String name, java.util.regex.Pattern released) {
        Node callable = callable(at);
        if (callable == null) {
            return false;
        }
        boolean resource = callable.findAll(com.github.javaparser.ast.stmt.TryStmt.class).stream()
                .flatMap(t -> t.getResources().stream())
                .anyMatch(r -> r.findAll(VariableDeclarator.class).stream()
                        .anyMatch(v -> v.getNameAsString().equals(name)));
        return resource || released != null && released.matcher(callable.toString()).find();
    }

    private static Node callable(Node at) {
        return at.findAncestor(n -> n instanceof CallableDeclaration<?>
                || n instanceof com.github.javaparser.ast.expr.LambdaExpr, Node.class).orElse(null);
    }
}
