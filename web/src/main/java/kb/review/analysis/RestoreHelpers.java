package kb.review.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Per-thread state put back through a helper of the same file (session 36, jprec36): the {@code finally} of a set
 * calls {@code restore(previous)}, {@code restoreMdc(KEY, previousValue)} or {@code clearContext()}, a method the
 * review can see whose body clears, removes or writes back the same state ({@code MDC.clear()} on one branch and
 * {@code MDC.setContextMap(previous)} on the other, {@code CURRENT.remove()} / {@code CURRENT.set(previous)}). The
 * helper's parameters are read as the arguments of the call, so a keyed helper ({@code MDC.remove(key)}) restores the
 * key the caller names. And the other side of the same pair: the write-back inside such a helper is the restoring
 * half of its caller's set, never a new value of its own to remove.
 */
final class RestoreHelpers {

    private RestoreHelpers() {
    }

    /** True when a call {@code m} of a finally is a visible helper that releases or writes back what {@code set} set. */
    static boolean restoresThrough(MethodCallExpr m, MethodCallExpr set, Acquisition a) {
        if (m.getScope().filter(s -> !(s instanceof ThisExpr)).isPresent()) {
            return false;
        }
        Pattern release = a.model().releasePattern(a.var());
        for (MethodDeclaration h : helpers(m)) {
            List<String[]> bindings = bindings(h, m);
            for (MethodCallExpr c : h.findAll(MethodCallExpr.class)) {
                String text = substitute(c.toString(), bindings);
                if (release.matcher(text).find() || writesBack(c, set, bindings)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the set at {@code a} is the write-back of a restore helper: its method is called from a
     * {@code finally} of the file, or is called, after a set of the same state, by a method that makes that set, with
     * the set's value one of the helper's parameters (the value the caller read before its own set).
     */
    static boolean restoringHalf(Acquisition a) {
        if (!(a.at().ast instanceof Node at)) {
            return false;
        }
        MethodCallExpr set = at instanceof MethodCallExpr mc ? mc : at.findFirst(MethodCallExpr.class).orElse(null);
        MethodDeclaration h = at.findAncestor(CallableDeclaration.class)
                .filter(c -> c instanceof MethodDeclaration).map(c -> (MethodDeclaration) c).orElse(null);
        if (set == null || h == null || h.getBody().isEmpty() || at.findAncestor(LambdaExpr.class)
                .filter(h::isAncestorOf).isPresent()) {
            return false;
        }
        CompilationUnit cu = h.findCompilationUnit().orElse(null);
        if (cu == null) {
            return false;
        }
        String name = h.getNameAsString();
        int arity = h.getParameters().size();
        boolean valueIsParameter = set.getArguments().isNonEmpty() && h.getParameters().stream().map(
                Parameter::getNameAsString).anyMatch(p -> set.getArguments().getLast().orElseThrow().toString().equals(p));
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            if (!call.getNameAsString().equals(name) || call.getArguments().size() != arity || h.isAncestorOf(call)
                    || call.getScope().filter(s -> !(s instanceof ThisExpr)).isPresent()) {
                continue;
            }
            if (inFinally(call)) {
                return true;
            }
            if (valueIsParameter && setBefore(call, set)) {
                return true;
            }
        }
        return false;
    }

    /** The methods of the file named and shaped like the call {@code m} (its own class first, any class of the file). */
    private static List<MethodDeclaration> helpers(MethodCallExpr m) {
        List<MethodDeclaration> out = new ArrayList<>();
        CompilationUnit cu = m.findCompilationUnit().orElse(null);
        if (cu == null) {
            return out;
        }
        String name = m.getNameAsString();
        int n = m.getArguments().size();
        for (MethodDeclaration d : cu.findAll(MethodDeclaration.class)) {
            if (d.getNameAsString().equals(name) && d.getParameters().size() == n && d.getBody().isPresent()
                    && !d.isAncestorOf(m)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The helper's parameter names paired with the argument texts of the call. */
    private static List<String[]> bindings(MethodDeclaration h, MethodCallExpr m) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < h.getParameters().size(); i++) {
            out.add(new String[] {h.getParameter(i).getNameAsString(), m.getArgument(i).toString()});
        }
        return out;
    }

    private static String substitute(String text, List<String[]> bindings) {
        String t = text;
        for (String[] b : bindings) {
            if (t.contains(b[0])) {
                t = Pattern.compile("(?<![\\w$.])" + Pattern.quote(b[0]) + "(?![\\w$])").matcher(t)
                        .replaceAll(Matcher.quoteReplacement(b[1]));
            }
        }
        return t;
    }

    /** As {@link FinallyRestores}: same receiver, method and key (read through the bindings), written with a value. */
    private static boolean writesBack(MethodCallExpr c, MethodCallExpr set, List<String[]> bindings) {
        if (!c.getNameAsString().equals(set.getNameAsString()) || c.getArguments().size() != set.getArguments().size()
                || !c.getScope().map(Object::toString).orElse("").equals(set.getScope().map(Object::toString).orElse(""))) {
            return false;
        }
        int n = c.getArguments().size();
        if (n > 1 && !substitute(c.getArgument(0).toString(), bindings).equals(set.getArgument(0).toString())) {
            return false;
        }
        return n > 0 && !c.getArgument(n - 1).isNullLiteralExpr();
    }

    private static boolean inFinally(Node call) {
        for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?>) {
                return false;
            }
            if (p instanceof TryStmt t && t.getFinallyBlock().filter(f -> f.isAncestorOf(call)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** True when the method (or lambda) holding {@code call} makes the same set as {@code set} somewhere before it. */
    private static boolean setBefore(MethodCallExpr call, MethodCallExpr set) {
        Node own = call.findAncestor(LambdaExpr.class).map(l -> (Node) l)
                .or(() -> call.findAncestor(CallableDeclaration.class).map(c -> (Node) c)).orElse(null);
        var begin = call.getBegin().orElse(null);
        if (own == null || begin == null) {
            return false;
        }
        String scope = set.getScope().map(Object::toString).orElse("");
        for (MethodCallExpr m : own.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals(set.getNameAsString()) && m.getScope().map(Object::toString).orElse("")
                    .equals(scope) && m.getBegin().map(b -> b.isBefore(begin)).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
