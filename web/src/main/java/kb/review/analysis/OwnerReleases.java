package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Java acquisitions taken from a local that owns them (a statement made from a connection, a stream from a socket),
 * and when the release of that local ends them too: closing a JDBC connection closes its statements, but only in a
 * function that handles the statement itself elsewhere. Kept apart from {@link JavaAcquisitions}, which finds what
 * is acquired, because this is a second question asked later by the lifecycle pass, with its own memory per
 * acquisition.
 */
final class OwnerReleases {

    /** The local an acquisition was taken from, the pattern of the releases of it that end the acquisition too. */
    private record Owner(String name, Pattern release, Model model) {
    }

    /**
     * For models with release templates naming the owner ({@code {r}.close()}), the pattern of those releases for the
     * local the acquiring call was made on: closing a JDBC connection closes the statements made from it.
     */
    private final Map<Acquisition, Owner> owners = new IdentityHashMap<>();
    /**
     * Whether the owner's release counts for an acquisition ({@link #handledItself}): it prints the whole function,
     * so it is decided the first time a path meets the owner's release or a check of the owner, not for every
     * statement taken from a connection.
     */
    private final Map<Acquisition, Boolean> handled = new IdentityHashMap<>();
    /** The printed text of each function asked about ({@link #handledItself}), printed once. */
    private final Map<com.github.javaparser.ast.Node, String> bodies = new IdentityHashMap<>();

    /** Remembers that {@code a} was taken from the local {@code owner}, whose releases {@code release} matches. */
    void taken(Acquisition a, String owner, Pattern release, Model model) {
        owners.put(a, new Owner(owner, release, model));
    }

    /** True when {@code text} releases the local {@code a} was taken from and that ends {@code a} ({@code c.close()}). */
    boolean releasedWithOwner(Acquisition a, String text) {
        Owner o = owners.get(a);
        return o != null && o.release().matcher(text).find() && counts(a, o);
    }

    /** The local {@code a} was taken from, whatever its release does to {@code a}; or null. */
    String ownerCandidate(Acquisition a) {
        Owner o = owners.get(a);
        return o == null ? null : o.name();
    }

    /** True when the release of the local {@code a} was taken from ends {@code a} too. */
    boolean ownerCounts(Acquisition a) {
        Owner o = owners.get(a);
        return o != null && counts(a, o);
    }

    private boolean counts(Acquisition a, Owner o) {
        if (o.model().closedWithOwner()) {
            return true; // the library closes it with its owner, whatever the function does with it
        }
        return handled.computeIfAbsent(a, x -> handledItself(x.at(), x.var(), o.model()));
    }

    /**
     * The local the value was taken from: the receiver of the acquiring call ({@code c} in {@code c.prepareStatement(q)}),
     * or of the call a wrapper is built around ({@code s} in {@code new DataInputStream(s.getInputStream())}); or null.
     */
    static String owner(Expression e) {
        while (e instanceof ObjectCreationExpr oc && oc.getArguments().isNonEmpty()) {
            e = oc.getArgument(0);
        }
        if (e instanceof MethodCallExpr call && call.getScope().filter(Expression::isNameExpr).isPresent()
                && !Character.isUpperCase(Printed.of(call.getScope().get()).charAt(0))) {
            return Printed.of(call.getScope().get()); // a variable, not a class (Files.newInputStream)
        }
        return null;
    }

    /**
     * True when the function closes {@code v} itself somewhere, or keeps it (returns it, stores it in a field): then
     * a path on which it closes the owner instead (the connection, in the catch of a failing constructor) ends the
     * value too. A function that never closes the statement and relies on the connection's close on every path is
     * still reported: that is the habit the rule is about.
     */
    private boolean handledItself(Node n, String v, Model m) {
        if (!(n.ast instanceof com.github.javaparser.ast.Node ast)) {
            return false;
        }
        com.github.javaparser.ast.Node callable = ast.findAncestor(n2 -> n2 instanceof CallableDeclaration<?>
                || n2 instanceof LambdaExpr, com.github.javaparser.ast.Node.class).orElse(null);
        if (callable == null) {
            return false;
        }
        String body = bodies.computeIfAbsent(callable, Object::toString);
        return m.releasePattern(v).matcher(body).find() || ArgumentUse.keeps(body, v);
    }

    /** The release templates of {@code m} that name the owner ({@code {r}}), as a pattern for {@code owner}; or null. */
    static Pattern ownerRelease(Model m, String owner) {
        List<String> parts = new ArrayList<>();
        for (String t : m.releases()) {
            if (t.contains("{r}")) {
                parts.add(Model.template(t.replace("{r}", "{v}"), owner));
            }
        }
        return parts.isEmpty() ? null : Pattern.compile(String.join("|", parts));
    }
}
