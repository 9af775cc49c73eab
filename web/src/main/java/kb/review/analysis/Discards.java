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

    /** An error branch that logs first: {@code if err := ...; err != nil {} then a logger's or log's call. */
    private static final java.util.regex.Pattern LOGS_OWN = java.util.regex.Pattern.compile(
            "\\berr\\s*!=\\s*nil\\s*\\{\\s*\\n\\s*[\\w.]*(?i:log|logger|klog|glog|zap|logrus|slog)\\w*(?:\\(\\))?\\.\\w+\\(");

    private final byte[] src;
    private final List<ErrorModel> models;
    private final Map<String, String> types;
    private final Map<String, Known> helpers = new HashMap<>();
    /**
     * The file's own functions with an error as last result, for a {@code declared} model: a function by its name, a
     * method by {@code .name}; a name the file also declares without an error result is ambiguous and left out.
     */
    private final Map<String, Known> own = new HashMap<>();
    private final java.util.Set<String> plain = new java.util.HashSet<>();
    /** The receiver type of each own method ({@code .name} to {@code Server}, pointer star dropped). */
    private final Map<String, String> receivers = new HashMap<>();

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
            String r = unparenthesised(text(result));
            String key = (t.equals("method_declaration") ? "." : "") + text(n.getChildByFieldName("name"));
            ErrorModel ownModel = models.stream().filter(ErrorModel::declared).findFirst().orElse(null);
            // the last result is an error, not a slice or map of errors (frp's `(int64, int64, []error)`)
            if (OwnBlankScope.lastResultIsError(r)) {
                Known inside = firstCall(n.getChildByFieldName("body"));
                int results = TopLevelCommas.in(r).length + 1;
                if (inside != null) {
                    helpers.put(text(n.getChildByFieldName("name")), new Known(inside.model(), results,
                            inside.sure(), "declared in this file to return " + results + " result(s), the last an"
                            + " error, and calling " + inside.via()));
                } else if (ownModel != null && LOGS_OWN.matcher(text(n.getChildByFieldName("body"))).find()) {
                    // a function that logs its failure itself before returning it (set 20's nezha send helper): a
                    // caller that drops the error loses no trace of it
                    plain.add(key);
                } else if (ownModel != null) {
                    // errcheck of the file's own functions: a method is known by its name only, so it is a guess
                    own.put(key, new Known(ownModel, results, true, "declared in this"
                            + " file to return " + results + " result(s), the last an error"));
                    if (t.equals("method_declaration")) {
                        receivers.merge(key, receiverType(n), (a, b) -> a.equals(b) ? a : "");
                    }
                }
            } else if (ownModel != null) {
                plain.add(key);
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            helpers(n.getNamedChild(i));
        }
    }

    /** The type of a method's receiver, pointer star and type arguments dropped. */
    private String receiverType(SyntaxNode method) {
        SyntaxNode r = method.getChildByFieldName("receiver");
        String text = r == null || r.isNull() ? "" : text(r).replaceAll("^\\(|\\)$", "").strip();
        String[] parts = text.split("\\s+");
        return parts[parts.length - 1].replaceFirst("^\\*", "").replaceFirst("\\[.*$", "");
    }

    private Known firstCall(SyntaxNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.getType().equals("call_expression")) {
            Known k = modelled(n);
            if (k != null && k.model().helpers()) {
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
                if (Finds.in(c.call(), callee)) {
                    Boolean sure = receiverMatches(c.receiverType(), c.receiver(), callee, types);
                    if (sure != null && (c.args() != null || c.argType() != null || c.arg() != null)) {
                        sure = ErrorCallArgs.fit(c, call, src, types, sure);
                    }
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
        String name = callee.substring(callee.lastIndexOf('.') + 1);
        Known h = helpers.get(name);
        if (h == null) {
            String key = (callee.contains(".") ? "." : "") + name;
            h = plain.contains(key) ? null : own.get(key);
            // a method is taken only when called on a name of its receiver's type (`s.persist(p)` in a method of
            // the same *Server): a method name alone would take other types' methods of that name, in other files
            if (h != null && callee.contains(".")) {
                String operand = callee.substring(0, callee.lastIndexOf('.'));
                String type = types.get(operand);
                String want = receivers.getOrDefault(key, "");
                if (!operand.matches("\\w+") || type == null || want.isEmpty()
                        || !type.replaceFirst("^\\*", "").equals(want)) {
                    h = null;
                }
            }
        }
        if (h != null && h.model().except() != null && h.model().except().matcher(callee).find()) {
            return null;
        }
        return h == null ? null : new Known(h.model(), h.results(), h.sure(), "`" + callee + "`, " + h.via());
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
            // a comment of why (`//nolint:errcheck`, `// best effort`) is the item's own way out, for every entry
            if (k != null && !saysWhy(n)) {
                out.add(spot(n, k, false, "the result of " + k.via() + " is dropped, its error unchecked"));
            }
        } else if (t.equals("short_var_declaration") || t.equals("assignment_statement")) {
            SyntaxNode left = n.getChildByFieldName("left");
            SyntaxNode right = n.getChildByFieldName("right");
            if (right.getNamedChildCount() == 1 && right.getNamedChild(0).getType().equals("call_expression")
                    && left.getNamedChildCount() > 0
                    && text(left.getNamedChild(left.getNamedChildCount() - 1)).equals("_")) {
                Known k = known(right.getNamedChild(0));
                // an entry of own functions only takes a value kept beside the blank error (`ok, _ := has(p)`): the
                // bare `_ = f()` is go-error-assigned-to-blank's, with its ways out
                boolean keeps = !ownOnly(k) || !saysWhy(n) && OwnBlankScope.fits(n, src);
                if (k != null && keeps && k.results() == left.getNamedChildCount() && !DeferredHandleCloses.deferredClose(n,
                        text(right.getNamedChild(0).getChildByFieldName("function")), types)
                        && !SettledRowsCloses.settled(n, text(right.getNamedChild(0).getChildByFieldName("function")),
                        types, src)
                        && !CancelledCloses.onCancel(n, text(right.getNamedChild(0).getChildByFieldName("function")), src)) {
                    out.add(spot(n, k, true, "the error of " + k.via() + " is assigned to `_`"));
                }
            } else if (left.getNamedChildCount() == 1 && right.getNamedChildCount() == 1
                    && right.getNamedChild(0).getType().equals("call_expression")) {
                // a value that carries its error (no helpers: a model of such calls) kept and never asked for it
                Known k = modelled(right.getNamedChild(0));
                if (k != null && !k.model().helpers()
                        && GoCarriedValues.neverAsked(n, text(left.getNamedChild(0)), src)) {
                    out.add(spot(n, k, false, "the value of " + k.via() + " carries its error, and no later"
                            + " statement asks it (`.Error`, `.Err()`)"));
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), out);
        }
    }

    /** True for a call known through an entry that lists no library call, only the file's own functions. */
    private static boolean ownOnly(Known k) {
        return k != null && k.model().declared() && k.model().calls().isEmpty();
    }

    /**
     * A comment after the statement on its line ({@code //nolint:errcheck}, {@code // best effort}) or on the line
     * above it: the item's own way out, saying why the error may go.
     */
    private boolean saysWhy(SyntaxNode statement) {
        return saysWhy(statement, src);
    }

    /** {@link #saysWhy(SyntaxNode)} for a statement of {@code src}, shared with {@link GoBlankErrors}. */
    static boolean saysWhy(SyntaxNode statement, byte[] src) {
        int end = statement.getEndByte();
        int eol = end;
        while (eol < src.length && src[eol] != '\n') {
            eol++;
        }
        if (new String(src, end, eol - end, java.nio.charset.StandardCharsets.UTF_8).contains("//")) {
            return true;
        }
        // or a comment line right above it
        int start = statement.getStartByte();
        int bol = start;
        while (bol > 0 && src[bol - 1] != '\n') {
            bol--;
        }
        int prev = Math.max(0, bol - 1);
        int pbol = prev;
        while (pbol > 0 && src[pbol - 1] != '\n') {
            pbol--;
        }
        return bol > 0 && new String(src, pbol, prev - pbol, java.nio.charset.StandardCharsets.UTF_8).strip()
                .startsWith("//");
    }

    private static Spot spot(SyntaxNode at, Known k, boolean blank, String message) {
        int line = at.getStartPoint().getRow() + 1;
        return new Spot(line, at.getStartPoint().getColumn() + 1, k.model().id(), blank, k.sure(),
                List.of(new Lifecycle.Step(line, message)));
    }

    /** {@code text} without one opening parenthesis at its start and one closing at its end, stripped. */
    private static String unparenthesised(String text) {
        int from = text.startsWith("(") ? 1 : 0;
        int to = text.length() > from && text.endsWith(")") ? text.length() - 1 : text.length();
        return text.substring(from, to).strip();
    }
}
