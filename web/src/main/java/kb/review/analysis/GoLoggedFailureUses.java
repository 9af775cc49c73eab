package kb.review.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Go failure that is only logged, after which the code uses what the failed call should have produced (ERR-01's
 * {@code go-failed-value-used-after-log}): {@code resp, err := client.Do(req)} or {@code err = json.Unmarshal(body, &lb)},
 * then {@code if err != nil { log... }} with nothing else in the branch, then {@code resp.StatusCode} or
 * {@code lb.LoadBalancer.Status} read below. The value is what a failed call leaves (nil, or the zero value it was
 * declared with): the code goes on as if the call worked, and panics or answers from an empty value.
 *
 * <p>What the failed call produces: the names its assignment gives besides the error (its results), and the names
 * it is handed by address ({@code &lb}, {@code &org}: a decode, a scan, a query into a struct) when the function
 * declares them without a value ({@code var lb T}, {@code lb := T{}}): one filled with defaults first is the
 * fall-back said in code. A use: the first statement below the branch (in the same block) that names the value reads a
 * field, an element or a method of it ({@code v.X}, {@code v[i]}, {@code *v}), or returns it with a nil error. Not a
 * use: a statement that assigns it anew, an {@code if} whose condition tests it (the code checks), a plain argument
 * (a callee may check). The branch must only log (no return, continue, break, assignment, panic; a log that ends the
 * process, {@code log.Fatal}, is an exit) and the {@code if} must have no {@code else}, or only an {@code else if}
 * that logs too.
 */
public final class GoLoggedFailureUses {

    private static final Pattern ERR_NAME = Pattern.compile("^(?:err\\w*|\\w+Err|e)$");
    private static final Pattern NOT_NIL = Pattern.compile("^(\\w+)\\s*!=\\s*nil$");
    /**
     * A log call that ends the process or panics, anywhere in its chain (zerolog's {@code log.Fatal().Err(err).Msg}):
     * the branch does not fall through.
     */
    private static final Pattern ENDS = Pattern.compile("(?i)(?:^|\\.)(?:fatal|panic|exit)\\w*(?:\\(|$)");
    /** An error branch whose first line does not leave: the only branches this pass can report. */
    private static final Pattern FALLS_ON = Pattern.compile(
            "!=\\s*nil\\s*\\{[ \\t]*\\r?\\n[ \\t]*(?!return\\b|continue\\b|break\\b|panic\\(|\\})\\S");
    /** Statements that hold blocks: the only nodes the walk goes down. */
    private static final Set<String> NESTS = Set.of("block", "statement_list", "if_statement", "for_statement",
            "expression_switch_statement", "type_switch_statement", "select_statement", "expression_case",
            "default_case", "type_case", "communication_case", "labeled_statement");
    /** An argument list holding no other: emptied, innermost first, to read a call chain's names. */
    private static final Pattern INNER_ARGS = Pattern.compile("\\([^()]*\\)");
    /** A statement that handed an error on: a return of an error value, a wrap or a new error. */
    private static final Pattern PROPAGATED = Pattern.compile(
            "^\\s*return\\b.*(?:\\berr\\w*\\b|\\w+Err\\b|Errorf\\(|Wrap\\w*\\(|New\\w*\\()");
    /** An empty composite literal or {@code new(T)}: a value holding nothing yet. */
    private static final Pattern EMPTY = Pattern.compile("^(?:&?[\\w.\\[\\]*]+\\{\\s*\\}|new\\([^()]*\\))$");

    private final byte[] src;
    private final kb.review.diff.SourceFile file;
    /** New-file lines where the change deleted a statement that handed an error on (a return of it, wrapped or not). */
    private final java.util.BitSet deletedExits;

    private GoLoggedFailureUses(byte[] src, kb.review.diff.SourceFile file) {
        this.src = src;
        this.file = file;
        this.deletedExits = deletedExits(file);
    }

    /** Where the change deleted {@code return ..., err} (or a wrapped error): the new line it stood before. */
    private static java.util.BitSet deletedExits(kb.review.diff.SourceFile file) {
        java.util.BitSet out = new java.util.BitSet();
        for (kb.review.diff.Hunk h : file.change().hunks()) {
            List<kb.review.diff.DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).kind() == kb.review.diff.DiffLine.Kind.REMOVED
                        && PROPAGATED.matcher(lines.get(i).text()).find()) {
                    for (int j = i + 1; j < lines.size(); j++) {
                        if (lines.get(j).kind() != kb.review.diff.DiffLine.Kind.REMOVED) {
                            out.set(lines.get(j).newLine());
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every failed call whose value a statement below its logging-only branch uses, at the call's line. */
    public static List<Shapes.Spot> find(SyntaxNode root, kb.review.diff.SourceFile file) {
        // a file whose every error branch starts by leaving (return, continue, break, panic) has none to read
        if (file.path().endsWith("_test.go") || !FALLS_ON.matcher(file.text()).find()) {
            return List.of();
        }
        List<Shapes.Spot> out = new ArrayList<>();
        GoLoggedFailureUses pass = new GoLoggedFailureUses(file.utf8(), file);
        GoFunctions.each(root, fn -> {
            SyntaxNode body = fn.getChildByFieldName("body");
            if (body != null && !body.isNull()) {
                pass.blocks(body, body, out);
            }
        });
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** The statements of {@code n} when it is a block, then every block nested in it but not in a nested function. */
    private void blocks(SyntaxNode n, SyntaxNode fn, List<Shapes.Spot> out) {
        if (n.getType().equals("block")) {
            List<SyntaxNode> stmts = GoSwallowedErrors.statements(n);
            for (int i = 1; i < stmts.size(); i++) {
                if (stmts.get(i).getType().equals("if_statement")) {
                    check(stmts.get(i - 1), stmts.get(i), stmts.subList(i + 1, stmts.size()), fn, out);
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (NESTS.contains(c.getType())) {
                blocks(c, fn, out); // function literals are walked as functions of their own (GoFunctions)
            }
        }
    }

    private void check(SyntaxNode producing, SyntaxNode ifs, List<SyntaxNode> after, SyntaxNode fn,
                       List<Shapes.Spot> out) {
        SyntaxNode cond = ifs.getChildByFieldName("condition");
        SyntaxNode init = ifs.getChildByFieldName("initializer");
        if (cond == null || cond.isNull() || init != null && !init.isNull()) {
            return;
        }
        java.util.regex.Matcher m = NOT_NIL.matcher(text(cond).strip());
        if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches() || !onlyLogs(ifs)) {
            return;
        }
        String err = m.group(1);
        SyntaxNode call = failingCall(producing, err);
        if (call == null) {
            return;
        }
        // the change deleted the branch's return of the error: the author's own word that the failure ends the path
        boolean cut = deletedExits.get(ifs.getStartPoint().getRow() + 2, ifs.getEndPoint().getRow() + 2)
                .cardinality() > 0;
        int from = producing.getStartPoint().getRow() + 1;
        // with that deletion, a success answer right below the branch tells the caller the work was done
        if (cut && !after.isEmpty() && after.get(0).getType().equals("return_statement")
                && !mentions(after.get(0), err)
                && (file.complete() || file.allKnown(from, after.get(0).getStartPoint().getRow() + 1))) {
            out.add(new Shapes.Spot(from, producing.getStartPoint().getColumn() + 1, true, null));
            return;
        }
        Set<String> values = produced(producing, call, err, fn, cut);
        for (SyntaxNode s : after) {
            if (values.isEmpty()) {
                return;
            }
            for (String v : new ArrayList<>(values)) {
                if (!mentions(s, v)) {
                    continue;
                }
                if (assigns(s, v) || guards(s, v)) {
                    values.remove(v);
                } else if (used(s, v)) {
                    if (file.complete() || file.allKnown(from, s.getStartPoint().getRow() + 1)) {
                        out.add(new Shapes.Spot(from, producing.getStartPoint().getColumn() + 1, true, null));
                    }
                    return;
                } else {
                    values.remove(v); // handed on as an argument: the callee may check it
                }
            }
        }
    }

    /** The branch (and an {@code else if} chain, without a final {@code else}) holds only log calls that return. */
    private boolean onlyLogs(SyntaxNode ifs) {
        SyntaxNode body = ifs.getChildByFieldName("consequence");
        if (body == null || body.isNull()) {
            return false;
        }
        List<SyntaxNode> branch = GoSwallowedErrors.statements(body);
        if (branch.isEmpty()) {
            return false;
        }
        for (SyntaxNode s : branch) {
            if (s.getType().equals("comment")) {
                continue;
            }
            SyntaxNode c = s.getType().equals("expression_statement") && s.getNamedChildCount() == 1
                    ? s.getNamedChild(0) : null;
            if (c == null || !c.getType().equals("call_expression")) {
                return false;
            }
            // a logger built in the chain (`s.log.WithField("err", err.Error()).Error`): its arguments emptied
            String callee = text(c.getChildByFieldName("function")).replaceAll("\\s+", "");
            for (String was = ""; !was.equals(callee); ) {
                was = callee;
                callee = INNER_ARGS.matcher(callee).replaceAll("<>");
            }
            callee = callee.replace("<>", "()");
            if (!GoSwallowedErrors.LOG_CALL.matcher(callee).matches() || ENDS.matcher(callee).find()) {
                return false;
            }
        }
        SyntaxNode alt = ifs.getChildByFieldName("alternative");
        return alt == null || alt.isNull() || alt.getType().equals("if_statement") && onlyLogs(alt);
    }

    /** The call whose error {@code err} holds: the one call of {@code s}'s right-hand side, or null. */
    private SyntaxNode failingCall(SyntaxNode s, String err) {
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return null;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || right == null || left.isNull() || right.isNull() || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")
                || !text(left.getNamedChild(left.getNamedChildCount() - 1)).equals(err)) {
            return null;
        }
        return right.getNamedChild(0);
    }

    /** The failed call's results (other than the error) and the names it fills by address, declared empty here. */
    private Set<String> produced(SyntaxNode s, SyntaxNode call, String err, SyntaxNode fn, boolean cut) {
        Set<String> out = new LinkedHashSet<>();
        SyntaxNode left = s.getChildByFieldName("left");
        for (int i = 0; i < left.getNamedChildCount() - 1; i++) {
            SyntaxNode n = left.getNamedChild(i);
            if (n.getType().equals("identifier") && !text(n).equals("_") && !text(n).equals(err)) {
                out.add(text(n));
            }
        }
        SyntaxNode args = call.getChildByFieldName("arguments");
        for (int i = 0; args != null && !args.isNull() && i < args.getNamedChildCount(); i++) {
            SyntaxNode a = args.getNamedChild(i);
            if (a.getType().equals("unary_expression") && text(a).startsWith("&")) {
                SyntaxNode operand = a.getChildByFieldName("operand");
                // a declaration out of view counts as empty only where the change deleted the branch's return
                Boolean empty = operand == null || operand.isNull() || !operand.getType().equals("identifier") ? null
                        : declaredEmpty(fn, text(operand), s.getStartByte());
                if (operand != null && !operand.isNull() && operand.getType().equals("identifier")
                        && (Boolean.TRUE.equals(empty) || empty == null && cut)) {
                    out.add(text(operand));
                }
            }
        }
        return out;
    }

    /** {@code s} gives {@code v} a new value without reading it first. */
    private boolean assigns(SyntaxNode s, String v) {
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return false;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        boolean target = false;
        for (int i = 0; left != null && !left.isNull() && i < left.getNamedChildCount(); i++) {
            target |= text(left.getNamedChild(i)).equals(v);
        }
        return target && (right == null || right.isNull() || !mentions(right, v));
    }

    /** {@code s} is an {@code if} (or a {@code switch}) whose condition tests {@code v} itself (nil, length). */
    private boolean guards(SyntaxNode s, String v) {
        String t = s.getType();
        if (!t.equals("if_statement") && !t.equals("expression_switch_statement")) {
            return false;
        }
        SyntaxNode c = s.getChildByFieldName(t.equals("if_statement") ? "condition" : "value");
        // a condition that reads a field of the value (`stock.Available < qty`) is a use, not a test of it
        return c != null && !c.isNull() && mentions(c, v) && !readsThrough(c, v);
    }

    /**
     * {@code s} reads through {@code v} (a field, an element, a method, a dereference), or returns it with a nil
     * error as its last result.
     */
    private boolean used(SyntaxNode s, String v) {
        if (s.getType().equals("return_statement") && s.getNamedChildCount() == 1) {
            List<SyntaxNode> results = GoSwallowedErrors.statements(s.getNamedChild(0));
            if (results.size() > 1 && text(results.get(results.size() - 1)).equals("nil")
                    && results.stream().anyMatch(r -> text(r).equals(v))) {
                return true;
            }
        }
        return readsThrough(s, v);
    }

    private boolean readsThrough(SyntaxNode n, String v) {
        String t = n.getType();
        if (t.equals("selector_expression") || t.equals("index_expression") || t.equals("slice_expression")) {
            SyntaxNode operand = n.getChildByFieldName("operand");
            if (operand != null && !operand.isNull() && operand.getType().equals("identifier")
                    && text(operand).equals(v)) {
                return true;
            }
        }
        if (t.equals("unary_expression") && text(n).startsWith("*")) {
            SyntaxNode operand = n.getChildByFieldName("operand");
            if (operand != null && !operand.isNull() && text(operand).equals(v)) {
                return true;
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (readsThrough(n.getNamedChild(i), v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last declaration of {@code v} in {@code fn} before byte {@code before} gives it no value or an empty one
     * ({@code var lb T}, {@code lb := T{}}, {@code p := new(T)}); false when it gives a value, null when no
     * declaration is in view.
     */
    private Boolean declaredEmpty(SyntaxNode fn, String v, int before) {
        Boolean[] empty = {null};
        declarations(fn, v, before, empty);
        return empty[0];
    }

    private void declarations(SyntaxNode n, String v, int before, Boolean[] empty) {
        if (n.getStartByte() >= before) {
            return;
        }
        String t = n.getType();
        if (t.equals("var_spec")) {
            SyntaxNode value = n.getChildByFieldName("value");
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                SyntaxNode c = n.getNamedChild(i);
                if (c.getType().equals("identifier") && text(c).equals(v)) {
                    empty[0] = value == null || value.isNull() || value.getNamedChildCount() == 1
                            && EMPTY.matcher(text(value.getNamedChild(0)).strip()).matches();
                }
            }
        } else if (t.equals("short_var_declaration")) {
            SyntaxNode left = n.getChildByFieldName("left");
            SyntaxNode right = n.getChildByFieldName("right");
            for (int i = 0; left != null && !left.isNull() && i < left.getNamedChildCount(); i++) {
                if (text(left.getNamedChild(i)).equals(v)) {
                    empty[0] = right != null && !right.isNull() && right.getNamedChildCount() == left.getNamedChildCount()
                            && EMPTY.matcher(text(right.getNamedChild(i)).strip()).matches();
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (!n.getNamedChild(i).getType().equals("func_literal")) {
                declarations(n.getNamedChild(i), v, before, empty);
            }
        }
    }

    private boolean mentions(SyntaxNode n, String v) {
        return SyntaxNode.mentions(src, n, v);
    }
}
