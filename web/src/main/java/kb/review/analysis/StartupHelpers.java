package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Java private methods that only start-up code calls (session 29, logprec29; the precision sets' class CP): a
 * {@code private} method whose every call the file shows sits in a start-up or lifecycle method
 * ({@link LoopGuards#inLifecycleFunction}: {@code init}, {@code startInternal}, a constructor; {@link StartupHooks}:
 * {@code @PostConstruct}, {@code afterPropertiesSet}), directly or through further private helpers of the same kind
 * (at most three steps). {@code loadModelsInFolder}, called by {@code loadBootstrapTypeDefs}, called by
 * {@code startInternal}: a loop there walks the model files shipped with the server, once per start. A private method
 * cannot be called from another file, so the file is where its callers are.
 *
 * <p>Not this: a helper with no call in sight (the diff shows only part of the file), one that any other method also
 * calls, a non-private method, a call inside a lambda or an inner class's method (they run later).
 */
final class StartupHelpers {

    private static final int DEPTH = 3;

    private StartupHelpers() {
    }

    /** True when the Java call {@code call} is in a private method that only start-up code calls. */
    static boolean onlyAtStartup(SyntaxNode call, byte[] src) {
        SyntaxNode method = enclosingMethod(call);
        if (method == null || !isPrivate(method, src)) {
            return false; // the cheap test first: the file's calls are collected only for a private method
        }
        SyntaxNode root = method;
        while (root.getParent() != null && !root.getParent().isNull()) {
            root = root.getParent();
        }
        return startupOnly(method, invocations(root), src, DEPTH);
    }

    private static boolean startupOnly(SyntaxNode method, List<SyntaxNode> invocations, byte[] src, int depth) {
        if (depth == 0 || !isPrivate(method, src)) {
            return false;
        }
        SyntaxNode name = method.getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return false;
        }
        String called = text(src, name);
        boolean any = false;
        for (SyntaxNode inv : invocations) {
            SyntaxNode n = inv.getChildByFieldName("name");
            SyntaxNode object = inv.getChildByFieldName("object");
            if (n == null || n.isNull() || !text(src, n).equals(called)
                    || object != null && !object.isNull() && !text(src, object).equals("this")) {
                continue;
            }
            any = true;
            if (LoopGuards.inLifecycleFunction(inv, src) || StartupHooks.runsOnce(inv, src)) {
                if (deferred(inv)) {
                    return false;
                }
                continue;
            }
            SyntaxNode caller = enclosingMethod(inv);
            if (caller == null || caller.getStartByte() == method.getStartByte()
                    || !startupOnly(caller, invocations, src, depth - 1)) {
                return false;
            }
        }
        return any;
    }

    /** The method around {@code n}, or null when a lambda or a class body comes first. */
    private static SyntaxNode enclosingMethod(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "method_declaration" -> {
                    return p;
                }
                case "lambda_expression", "class_body", "constructor_declaration", "static_initializer" -> {
                    return null;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** A call inside a lambda or an anonymous class within the start-up method: it runs later. */
    private static boolean deferred(SyntaxNode inv) {
        for (SyntaxNode p = inv.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "lambda_expression", "class_body" -> {
                    return true;
                }
                case "method_declaration", "constructor_declaration" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static boolean isPrivate(SyntaxNode method, byte[] src) {
        for (int i = 0; i < method.getNamedChildCount(); i++) {
            SyntaxNode c = method.getNamedChild(i);
            if (c.getType().equals("modifiers")) {
                return text(src, c).matches("(?s).*\\bprivate\\b.*");
            }
        }
        return false;
    }

    /**
     * The calls of the tree last asked about: a file with many lines in loops walks its tree once. One entry for the
     * whole process, not one per thread: a thread reviewing another file replaces it (and walks again), and at most
     * one tree stays reachable from here once the reviews end.
     */
    private record Calls(SyntaxNode root, List<SyntaxNode> invocations) {
    }

    private static volatile Calls last;

    private static List<SyntaxNode> invocations(SyntaxNode root) {
        Calls cached = last;
        if (cached != null && cached.root() == root) {
            return cached.invocations();
        }
        List<SyntaxNode> out = new ArrayList<>();
        walk(root, out);
        last = new Calls(root, List.copyOf(out));
        return out;
    }

    private static void walk(SyntaxNode n, List<SyntaxNode> out) {
        if (n.getType().equals("method_invocation")) {
            out.add(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), out);
        }
    }
}
