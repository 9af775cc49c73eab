package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go error values that are never read (ineffassign / staticcheck SA4006 for errors; ERR-01's
 * {@code go-error-value-never-read}): an error variable given the result of a call whose value, on every path of the
 * statements that follow, is overwritten or goes out of scope (a return, the end of its block) before any statement
 * reads it. {@code x, err := a(); y, err := b()}, {@code _, err = tx.Exec(...)} followed by {@code return nil}, or by a
 * check of a new {@code err} declared in an {@code if}'s initializer, which shadows the first.
 *
 * <p>Kept sound rather than complete, by walking only the statement list that declares the variable (or the function
 * body, for a parameter or a result): a later statement that reads the variable anywhere inside it ends the walk; one
 * that contains the variable only as an assignment target of a nested branch ends it too (a path may keep the value).
 * Skipped: {@code _}; a variable a function literal or a {@code defer} mentions (it may read it later); a named result
 * of a function with a bare {@code return}; a function with a {@code goto}.
 */
public final class GoUnreadErrors {

    /** An error variable's name: {@code err}, {@code err2}, {@code errRead}, {@code readErr}. */
    private static final Pattern ERR_NAME = Pattern.compile("^(?:err\\w*|\\w+Err)$");

    private final byte[] src;
    private final java.util.function.BiPredicate<Integer, Integer> known;
    /** The results of the function being walked that a bare return hands on (read by every {@code return}). */
    private List<String> handedOn = List.of();
    /** Every name the function being walked declares (parameters, results, locals; not its closures'). */
    private final java.util.Set<String> locals = new java.util.HashSet<>();

    private GoUnreadErrors(byte[] src, java.util.function.BiPredicate<Integer, Integer> known) {
        this.src = src;
        this.known = known;
    }

    /**
     * Every assignment of an error value that no statement reads. {@code known} says whether the lines between two
     * line numbers are all in sight (a diff shows only its hunks: a read outside them is not seen, so only a walk the
     * change shows whole is trusted).
     */
    public static List<Shapes.Spot> find(SyntaxNode root, byte[] src,
                                         java.util.function.BiPredicate<Integer, Integer> known) {
        List<Shapes.Spot> out = new ArrayList<>();
        new GoUnreadErrors(src, known).functions(root, out);
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    private void functions(SyntaxNode root, List<Shapes.Spot> out) {
        GoFunctions.each(root, n -> {
            SyntaxNode body = n.getChildByFieldName("body");
            if (body != null && !body.isNull() && !text(body).contains("goto ")) {
                List<String> outer = new ArrayList<>();
                names(n.getChildByFieldName("parameters"), outer);
                SyntaxNode result = n.getChildByFieldName("result");
                boolean bareReturn = hasBareReturn(body);
                List<String> results = new ArrayList<>();
                names(result, results);
                if (!bareReturn) {
                    outer.addAll(results);
                }
                handedOn = bareReturn ? results : List.of();
                locals.clear();
                locals.addAll(outer);
                locals.addAll(results);
                declaredIn(body);
                list(body, body, outer, out);
            }
        });
    }

    /** Adds the names declared anywhere in {@code n}, not inside function literals, to {@link #locals}. */
    private void declaredIn(SyntaxNode n) {
        if (n.getType().equals("func_literal")) {
            return;
        }
        locals.addAll(declaredBy(n));
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            declaredIn(n.getNamedChild(i));
        }
    }

    /** The identifiers a parameter list declares. */
    private void names(SyntaxNode params, List<String> out) {
        if (params == null || params.isNull()) {
            return;
        }
        for (int i = 0; i < params.getNamedChildCount(); i++) {
            SyntaxNode p = params.getNamedChild(i);
            for (int j = 0; j < p.getNamedChildCount(); j++) {
                if (p.getNamedChild(j).getType().equals("identifier")) {
                    out.add(text(p.getNamedChild(j)));
                }
            }
        }
    }

    private boolean hasBareReturn(SyntaxNode n) {
        if (n.getType().equals("return_statement") && n.getNamedChildCount() == 0) {
            return true;
        }
        if (n.getType().equals("func_literal")) {
            return false;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (hasBareReturn(n.getNamedChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** The statements of a block (the {@code statement_list} inside it, or the block's own children). */
    private static List<SyntaxNode> statements(SyntaxNode block) {
        SyntaxNode list = block;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            if (block.getNamedChild(i).getType().equals("statement_list")) {
                list = block.getNamedChild(i);
            }
        }
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            if (!list.getNamedChild(i).getType().equals("comment")) {
                out.add(list.getNamedChild(i));
            }
        }
        return out;
    }

    /** Walks one block: the variables it declares (and {@code outer}, for the function body), then its sub-blocks. */
    private void list(SyntaxNode block, SyntaxNode body, List<String> outer, List<Shapes.Spot> out) {
        List<SyntaxNode> stmts = statements(block);
        List<String> declared = new ArrayList<>(outer);
        for (int i = 0; i < stmts.size(); i++) {
            SyntaxNode s = stmts.get(i);
            for (String v : declaredBy(s)) {
                if (!declared.contains(v)) {
                    declared.add(v);
                }
            }
            for (String v : assignedFromCall(s)) {
                int line = s.getStartPoint().getRow() + 1;
                // a variable of an outer block dies here only by an overwrite or a return (past the block's end it
                // may be read); one declared in this block also at the block's end
                boolean here = declared.contains(v);
                // a name the function does not declare belongs to an enclosing one (a closure's capture): not followed
                int end = ERR_NAME.matcher(v).matches() && !handedOn.contains(v) && !captured(body, v)
                        && locals.contains(v)
                        ? unread(stmts, i + 1, v, here ? block.getEndPoint().getRow() + 1 : -1) : -1;
                // the line after the deciding statement too: a statement cut off by the hunk's end parses as ended
                if (end > 0 && known.test(line, end + 1)) {
                    out.add(new Shapes.Spot(line, s.getStartPoint().getColumn() + 1, true, null));
                }
            }
        }
        nested(block, body, out);
    }

    /** Every block below {@code n} that is not a function literal's (those are walked as functions). */
    private void nested(SyntaxNode n, SyntaxNode body, List<Shapes.Spot> out) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("func_literal")) {
                continue;
            }
            if (c.getType().equals("block") || c.getType().endsWith("_case")) {
                list(c, body, List.of(), out);
            } else {
                nested(c, body, out);
            }
        }
    }

    /** The names a statement declares in its own list: {@code a, err := ...}, {@code var err error}. */
    private List<String> declaredBy(SyntaxNode s) {
        List<String> out = new ArrayList<>();
        if (s.getType().equals("short_var_declaration")) {
            SyntaxNode left = s.getChildByFieldName("left");
            for (int i = 0; i < left.getNamedChildCount(); i++) {
                out.add(text(left.getNamedChild(i)));
            }
        } else if (s.getType().equals("var_declaration")) {
            for (int i = 0; i < s.getNamedChildCount(); i++) {
                SyntaxNode spec = s.getNamedChild(i);
                for (int j = 0; j < spec.getNamedChildCount(); j++) {
                    if (spec.getNamedChild(j).getType().equals("identifier")) {
                        out.add(text(spec.getNamedChild(j)));
                    }
                }
            }
        }
        return out;
    }

    /** The names an assignment (plain {@code =} or {@code :=}) gives the results of one call. */
    private List<String> assignedFromCall(SyntaxNode s) {
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return List.of();
        }
        String op = operator(s);
        if (!op.equals("=") && !op.equals(":=")) {
            return List.of();
        }
        SyntaxNode right = s.getChildByFieldName("right");
        if (right == null || right.isNull() || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")
                || text(right.getNamedChild(0).getChildByFieldName("function")).equals("append")) {
            return List.of();
        }
        SyntaxNode left = s.getChildByFieldName("left");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < left.getNamedChildCount(); i++) {
            if (left.getNamedChild(i).getType().equals("identifier")) {
                out.add(text(left.getNamedChild(i)));
            }
        }
        return out;
    }

    /** True when a function literal or a defer of the function mentions {@code v}. */
    private boolean captured(SyntaxNode n, String v) {
        String t = n.getType();
        if ((t.equals("func_literal") || t.equals("defer_statement") || t.equals("go_statement"))
                && mentions(n, v)) {
            return true;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (captured(n.getNamedChild(i), v)) {
                return true;
            }
        }
        return false;
    }

    private boolean mentions(SyntaxNode n, String v) {
        return SyntaxNode.mentions(src, n, v);
    }

    /**
     * True when, from statement {@code from} of the declaring list, the value of {@code v} is overwritten or dies
     * before any statement reads it.
     */
    private int unread(List<SyntaxNode> stmts, int from, String v, int blockEnd) {
        for (int i = from; i < stmts.size(); i++) {
            SyntaxNode s = stmts.get(i);
            int at = s.getEndPoint().getRow() + 1;
            String t = s.getType();
            if (t.equals("short_var_declaration") || t.equals("assignment_statement")) {
                boolean writes = assignedNames(s).contains(v);
                String op = operator(s);
                boolean plain = t.equals("short_var_declaration") || op.equals("=");
                if (reads(s.getChildByFieldName("right"), v) || !plain && writes) {
                    return -1;
                }
                if (writes) {
                    return at;
                }
                continue;
            }
            if (t.equals("return_statement")) {
                return reads(s, v) ? -1 : at;
            }
            if (t.equals("labeled_statement") || t.equals("fallthrough_statement")) {
                return -1;
            }
            if (reads(s, v) || writesInside(s, v)) {
                return -1;
            }
        }
        // the end of the list that declares it: the variable goes out of scope (or the function falls off its end);
        // the closing brace is the line after (the caller asks for the deciding line and the one after it)
        return blockEnd < 0 ? -1 : blockEnd - 1;
    }

    private List<String> assignedNames(SyntaxNode s) {
        SyntaxNode left = s.getChildByFieldName("left");
        List<String> out = new ArrayList<>();
        for (int i = 0; left != null && i < left.getNamedChildCount(); i++) {
            out.add(text(left.getNamedChild(i)));
        }
        return out;
    }

    /**
     * True when {@code n} reads {@code v}: an identifier {@code v} anywhere except as the target of a plain assignment
     * or a declaration, and except inside a statement whose initializer declares a new {@code v} (an
     * {@code if _, err := ...; err != nil}), which reads that one.
     */
    private boolean reads(SyntaxNode n, String v) {
        if (n == null || n.isNull()) {
            return false;
        }
        String t = n.getType();
        if (t.equals("identifier")) {
            return text(n).equals(v);
        }
        SyntaxNode init = t.endsWith("_statement") ? n.getChildByFieldName("initializer") : null;
        if (init != null && !init.isNull() && init.getType().equals("short_var_declaration")
                && declaredBy(init).contains(v)) {
            return reads(init.getChildByFieldName("right"), v);
        }
        if (t.equals("short_var_declaration") || t.equals("assignment_statement")) {
            String op = operator(n);
            boolean plain = t.equals("short_var_declaration") || op.equals("=");
            return reads(n.getChildByFieldName("right"), v) || !plain && assignedNames(n).contains(v)
                    || nonNameTarget(n.getChildByFieldName("left"), v);
        }
        if (t.equals("block")) {
            // a block that declares its own v reads the outer one only before that declaration
            for (SyntaxNode s : statements(n)) {
                if (s.getType().equals("short_var_declaration") && declaredBy(s).contains(v)) {
                    return reads(s.getChildByFieldName("right"), v);
                }
                if (reads(s, v)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (reads(n.getNamedChild(i), v)) {
                return true;
            }
        }
        return false;
    }

    /** An assignment target that reads {@code v} ({@code m[err] = x}, {@code p.err.x = y}). */
    private boolean nonNameTarget(SyntaxNode left, String v) {
        for (int i = 0; left != null && i < left.getNamedChildCount(); i++) {
            SyntaxNode target = left.getNamedChild(i);
            if (!target.getType().equals("identifier") && reads(target, v)) {
                return true;
            }
        }
        return false;
    }

    /** True when a nested statement assigns {@code v} (a path may keep or replace the value: not followed). */
    private boolean writesInside(SyntaxNode n, String v) {
        String t = n.getType();
        if (t.equals("func_literal")) {
            return false;
        }
        SyntaxNode init = t.endsWith("_statement") ? n.getChildByFieldName("initializer") : null;
        if (init != null && !init.isNull() && init.getType().equals("short_var_declaration")
                && declaredBy(init).contains(v)) {
            return false;
        }
        if ((t.equals("assignment_statement") || t.equals("short_var_declaration")) && assignedNames(n).contains(v)) {
            return true;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (writesInside(n.getNamedChild(i), v)) {
                return true;
            }
        }
        return false;
    }

    /** An assignment's operator ({@code =}, {@code +=}, {@code :=}): the text between its two sides. */
    private String operator(SyntaxNode s) {
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || left.isNull() || right == null || right.isNull()) {
            return "";
        }
        return new String(src, left.getEndByte(), right.getStartByte() - left.getEndByte(),
                java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
