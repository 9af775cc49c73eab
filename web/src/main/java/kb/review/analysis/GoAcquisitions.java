package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Kind;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.diff.SyntaxNode;

/**
 * What Go code acquires, by the library models, for the lifecycle pass ({@link GoLifecycle}): a model's call whose
 * result is stored in a local ({@code :=} or {@code =}), a call that starts a duty on its receiver (a BEGIN run on a
 * connection, a command started), and what a helper the review can see hands back to its caller
 * ({@link GoOwnedResults}). Declared types decide receiver types; without one, the model's name pattern decides and
 * the match is not sure. One instance per parsed file.
 */
final class GoAcquisitions {

    /**
     * An error result: err, errs, e, the prefixed names real code gives it (forwardErr, dialErr, readError), and the
     * one- or two-letter prefixes that keep a second error apart from an outer err (derr, ierr, cerr, v2err); a longer
     * lower-case prefix (stderr) is not an error name.
     */
    static final Pattern ERR_NAME = Pattern.compile("err\\w*|e|[a-z]\\w*Err(or)?|[a-z][a-z0-9]?err");
    private static final Pattern COMMA_OK = Pattern.compile("ok|\\w*Ok|found|exists|loaded");

    private final byte[] src;
    private final List<Model> models;
    private final Map<String, String> types;
    private final GoOwnedResults owned;
    private final Map<Node, List<Acquisition>> acquisitions = new HashMap<>();
    /** The variable holding the function that releases an acquisition handed back with it ({@link ReleaseCompanions}). */
    private final Map<Acquisition, String> companions = new HashMap<>();

    GoAcquisitions(byte[] src, List<Model> models, Summaries summaries, Map<String, String> types) {
        this.src = src;
        this.models = models;
        this.types = types;
        this.owned = new GoOwnedResults(models, summaries, types);
    }

    /** True when some assignment under {@code n} (not inside another function) calls a model's acquire pattern. */
    boolean mayAcquire(SyntaxNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        String t = n.getType();
        if (t.equals("short_var_declaration") || t.equals("assignment_statement") || t.equals("expression_statement")
                || t.equals("return_statement") && n.getNamedChildCount() == 1) {
            SyntaxNode right = t.equals("expression_statement") ? n
                    : t.equals("return_statement") ? n.getNamedChild(0) : n.getChildByFieldName("right");
            if (right != null && !right.isNull() && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("call_expression")) {
                SyntaxNode fn = right.getNamedChild(0).getChildByFieldName("function");
                if (fn != null && !fn.isNull()) {
                    String callee = SyntaxNode.text(src, fn);
                    for (Model m : models) {
                        for (Model.Acquire q : m.acquires()) {
                            if (q.call() != null && Finds.in(q.call(), callee)) {
                                return true;
                            }
                        }
                    }
                    return t.equals("short_var_declaration") && owned.of(callee) != null;
                }
            }
            return false;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            String ct = c.getType();
            if (!ct.equals("func_literal") && !ct.equals("function_declaration") && !ct.equals("method_declaration")
                    && mayAcquire(c)) {
                return true;
            }
        }
        return false;
    }

    /** The variable holding the function that releases {@code a}, handed back with it by a helper; null if none. */
    String companion(Acquisition a) {
        return companions.get(a);
    }

    /** The acquisitions at {@code n}, found once per node: the fixpoint asks again on every pass. */
    List<Acquisition> at(Node n) {
        return acquisitions.computeIfAbsent(n, this::scan);
    }

    private List<Acquisition> scan(Node n) {
        List<Acquisition> out = new ArrayList<>();
        if (n.kind == Kind.STMT && n.ast instanceof SyntaxNode s && (s.getType().equals("short_var_declaration")
                || s.getType().equals("assignment_statement"))) {
            SyntaxNode left = s.getChildByFieldName("left");
            SyntaxNode right = s.getChildByFieldName("right");
            if (left != null && !left.isNull() && right != null && !right.isNull() && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("call_expression")) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < left.getNamedChildCount(); i++) {
                    names.add(SyntaxNode.text(src, left.getNamedChild(i)));
                }
                match(n, right.getNamedChild(0), names, out);
            }
        } else if (n.kind == Kind.STMT && n.ast instanceof SyntaxNode s && s.getType().equals("expression_statement")
                && s.getNamedChildCount() == 1 && s.getNamedChild(0).getType().equals("call_expression")) {
            match(n, s.getNamedChild(0), List.of(), out); // only a duty on the receiver can start here
        } else if (n.kind == Kind.RETURN && n.ast instanceof SyntaxNode s && s.getNamedChildCount() == 1
                && s.getNamedChild(0).getType().equals("expression_list")
                && s.getNamedChild(0).getNamedChildCount() == 1
                && s.getNamedChild(0).getNamedChild(0).getType().equals("call_expression")) {
            // 'return cmd.Start()': a duty on the receiver starts here and the function ends at once; only the
            // call's result is handed back, the receiver goes nowhere
            match(n, s.getNamedChild(0).getNamedChild(0), List.of(), out);
        }
        return out;
    }

    private void match(Node n, SyntaxNode call, List<String> names, List<Acquisition> out) {
        SyntaxNode fn = call.getChildByFieldName("function");
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (fn == null || fn.isNull()) {
            return;
        }
        String callee = SyntaxNode.text(src, fn);
        String argText = args == null || args.isNull() ? ""
                : GoTypes.contextsAsCtx(SyntaxNode.text(src, args), types);
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (q.call() == null || !Finds.in(q.call(), callee)
                        || q.args() != null && !q.args().matcher(argText).find()) {
                    continue;
                }
                Boolean sure = receiverMatches(q, callee);
                if (sure != null && q.tracksReceiver() && callee.lastIndexOf('.') > 0) {
                    // the duty is on the receiver (a BEGIN run on a connection), held by this function even when the
                    // connection is a field: it must end the transaction it began
                    String receiver = callee.substring(0, callee.lastIndexOf('.'));
                    if (KeptReceivers.before(call, receiver, src)) {
                        return; // stored in a struct before it started: its owner waits (a supervisor's Stop)
                    }
                    if (n.kind == Kind.RETURN && m.kind().equals("transaction")) {
                        return; // 'return conn.Exec("BEGIN")': a helper that begins for its caller
                    }
                    out.add(new Acquisition(n, receiver, errorResult(names, -1), m, sure && q.sure()));
                    return;
                }
                if (sure == null || q.tracksReceiver() || q.result() >= names.size()) {
                    continue;
                }
                String var = names.get(q.result());
                if (var.contains(".") || var.contains("[")) {
                    continue; // stored in a field or a map: owned by something longer-lived
                }
                if (n.ast instanceof SyntaxNode st && st.getType().equals("assignment_statement")
                        && new WiderScopeRelease(src).releasedInWiderScope(st, var, m)) {
                    continue; // a package variable or one captured from the enclosing function: that scope ends it
                }
                out.add(new Acquisition(n, var, errorResult(names, q.result()), m, sure && q.sure()));
                return;
            }
        }
        // a helper the review can see that hands back what it acquired: the caller owns it as if it had called
        // (declared here with :=; a value assigned to a variable declared outside is kept by whoever declared it)
        GoOwnedResults.Owned o = n.ast instanceof SyntaxNode s && s.getType().equals("short_var_declaration")
                ? owned.of(callee) : null;
        if (o != null && o.result() < names.size()) {
            String var = names.get(o.result());
            if (!var.contains(".") && !var.contains("[")) {
                Acquisition a = new Acquisition(n, var, errorResult(names, o.result()), o.model(), true);
                out.add(a);
                int c = owned.companion(callee, o);
                if (c >= 0 && c < names.size() && !names.get(c).equals("_")) {
                    companions.put(a, names.get(c));
                }
            }
        }
    }

    /**
     * The variable holding an acquisition's error, or null: Go returns the error last whatever the author names it
     * ({@code f, failure := os.Open(p)}), so the last of two or more names is it unless it is the value acquired
     * ({@code result}), blank, or a comma-ok flag. A lone name is an error only by its name ({@code err := c.Begin()}).
     */
    static String errorResult(List<String> names, int result) {
        if (names.isEmpty()) {
            return null;
        }
        String last = names.get(names.size() - 1);
        if (names.size() == 1) {
            return result < 0 && ERR_NAME.matcher(last).matches() ? last : null;
        }
        return result == names.size() - 1 || last.equals("_") || COMMA_OK.matcher(last).matches() ? null : last;
    }

    /** True (sure) or false (by name) when the receiver fits the entry, null when it does not. */
    private Boolean receiverMatches(Model.Acquire q, String callee) {
        if (q.receiver() == null && q.receiverType() == null) {
            return true;
        }
        int dot = callee.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String receiver = callee.substring(0, dot);
        String last = Summaries.simpleName(receiver);
        return q.receiverMatch(last, types.get(last));
    }
}
