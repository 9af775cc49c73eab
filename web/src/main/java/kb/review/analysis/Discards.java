package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TopLevelCommas;

/**
 * Go calls whose error is thrown away (the TX-02 analyses, and ERR-01's errcheck): a call the models list under
 * {@code returns-error}, or a function declared in the file that returns an error and makes such a call (any such
 * function, for a model marked {@code declared}, less the callees its {@code except} names), whose error result is assigned to
 * {@code _} ({@code res, _ := db.Exec(...)}) or whose results are dropped by calling it as a statement
 * ({@code tx.Commit()}). A {@code defer} or {@code go} statement is neither: {@code defer tx.Rollback()} after a
 * commit is the idiom. The number of results comes from the model or the helper's declaration, so an assignment
 * whose left side does not fit the call is not taken for it.
 */
public final class Discards {

    /**
     * One discarded error.
     *
     * @param blank true when assigned to {@code _}, false when the call is a statement
     * @param sure  false when a model matched the receiver's name, not its declared type
     */
    public record Spot(int line, int column, String model, boolean blank, boolean sure, List<Lifecycle.Step> steps) {
    }

    private record Known(ErrorModel model, int results, boolean sure, String via) {
    }

    private final byte[] src;
    private final List<ErrorModel> models;
    private final Map<String, String> types;
    private final Map<String, Known> helpers = new HashMap<>();

    private Discards(byte[] src, List<ErrorModel> models, Map<String, String> types) {
        this.src = src;
        this.models = models;
        this.types = types;
    }

    /** Every discarded error of the given models' calls (and of the file's helpers that make them). */
    public static List<Spot> run(SyntaxNode root, byte[] src, List<ErrorModel> models) {
        List<Spot> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        Discards d = new Discards(src, models, GoTypes.declared(root, src));
        d.helpers(root);
        d.walk(root, out);
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** Functions of the file that return an error and whose body makes a modelled call. */
    private void helpers(SyntaxNode n) {
        String t = n.getType();
        if (t.equals("function_declaration") || t.equals("method_declaration")) {
            SyntaxNode result = n.getChildByFieldName("result");
            String r = text(result).replaceAll("^\\(|\\)$", "").strip();
            if (r.endsWith("error")) {
                Known inside = firstCall(n.getChildByFieldName("body"));
                ErrorModel own = models.stream().filter(ErrorModel::declared).findFirst().orElse(null);
                if (inside == null && own != null) {
                    // errcheck of the file's own functions: a method is known by its name only, so it is a guess
                    inside = new Known(own, 0, t.equals("function_declaration"), "");
                }
                if (inside != null) {
                    int results = TopLevelCommas.in(r).length + 1;
                    helpers.put(text(n.getChildByFieldName("name")), new Known(inside.model(), results,
                            inside.sure(), "declared in this file to return " + results + " result(s), the last an"
                            + " error" + (inside.results() == 0 ? "" : ", and calling " + inside.via())));
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            helpers(n.getNamedChild(i));
        }
    }

    private Known firstCall(SyntaxNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.getType().equals("call_expression")) {
            Known k = modelled(n);
            if (k != null) {
                return k;
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            Known k = firstCall(n.getNamedChild(i));
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** The model call {@code call} is, with its result count, or null. */
    private Known modelled(SyntaxNode call) {
        String callee = text(call.getChildByFieldName("function"));
        for (ErrorModel m : models) {
            for (ErrorModel.Call c : m.calls()) {
                if (c.call().matcher(callee).find()) {
                    Boolean sure = receiverMatches(c.receiverType(), c.receiver(), callee, types);
                    if (sure != null) {
                        return new Known(m, c.results(), sure, "`" + callee + "`");
                    }
                }
            }
        }
        return null;
    }

    private Known known(SyntaxNode call) {
        Known k = modelled(call);
        if (k != null) {
            return k;
        }
        String callee = text(call.getChildByFieldName("function"));
        Known h = helpers.get(callee.substring(callee.lastIndexOf('.') + 1));
        if (h != null && h.model().except() != null && h.model().except().matcher(callee).find()) {
            return null;
        }
        // a declared function met by its name: sure only when called as this package's function, not on a value
        boolean sure = h != null && h.sure() && !(h.model().declared() && callee.contains("."));
        return h == null ? null : new Known(h.model(), h.results(), sure, "`" + callee + "`, " + h.via());
    }

    /** True (sure) or false (by name) when the receiver fits, null when it does not. */
    static Boolean receiverMatches(java.util.regex.Pattern receiverType, java.util.regex.Pattern receiver,
                                   String callee, Map<String, String> types) {
        if (receiver == null && receiverType == null) {
            return true;
        }
        int dot = callee.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String last = Summaries.simpleName(callee.substring(0, dot));
        String type = types.get(last);
        if (receiverType != null && type != null) {
            return receiverType.matcher(type).find() ? Boolean.TRUE : null;
        }
        if (receiver != null) {
            return receiver.matcher(last).find() ? Boolean.FALSE : null;
        }
        return null;
    }

    private void walk(SyntaxNode n, List<Spot> out) {
        String t = n.getType();
        if (t.equals("expression_statement") && n.getNamedChildCount() == 1
                && n.getNamedChild(0).getType().equals("call_expression")) {
            Known k = known(n.getNamedChild(0));
            if (k != null) {
                out.add(spot(n, k, false, "the result of " + k.via() + " is dropped, its error unchecked"));
            }
        } else if (t.equals("short_var_declaration") || t.equals("assignment_statement")) {
            SyntaxNode left = n.getChildByFieldName("left");
            SyntaxNode right = n.getChildByFieldName("right");
            if (right.getNamedChildCount() == 1 && right.getNamedChild(0).getType().equals("call_expression")
                    && left.getNamedChildCount() > 0
                    && text(left.getNamedChild(left.getNamedChildCount() - 1)).equals("_")) {
                Known k = known(right.getNamedChild(0));
                if (k != null && k.results() == left.getNamedChildCount() && !DeferredHandleCloses.deferredClose(n,
                        text(right.getNamedChild(0).getChildByFieldName("function")), types)
                        && !SettledRowsCloses.settled(n, text(right.getNamedChild(0).getChildByFieldName("function")),
                        types, src)
                        && !CancelledCloses.onCancel(n, text(right.getNamedChild(0).getChildByFieldName("function")), src)) {
                    out.add(spot(n, k, true, "the error of " + k.via() + " is assigned to `_`"));
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), out);
        }
    }

    private static Spot spot(SyntaxNode at, Known k, boolean blank, String message) {
        int line = at.getStartPoint().getRow() + 1;
        return new Spot(line, at.getStartPoint().getColumn() + 1, k.model().id(), blank, k.sure(),
                List.of(new Lifecycle.Step(line, message)));
    }
}
