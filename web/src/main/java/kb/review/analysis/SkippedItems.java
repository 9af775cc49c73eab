package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The Go error branches in a loop that are one item's outcome rather than a rare failure, so that a log there repeats
 * with the input as a log in the loop's body does ({@link RareBranches#onFailurePath} exempts the rest):
 *
 * <ul>
 * <li>A branch that counts what it logs ({@code skipped++}, {@code s.drops++}, {@code failed += 1}): code that keeps a
 * tally of its failed items expects many of them, and the count is the summary LOG-01 asks for, so the line per item
 * beside it is the flood.</li>
 * <li>The error of a check of the loop's own item ({@code if err := validate(ev); err != nil},
 * {@code v.check(ev)}): the item's data is bad, which is the same test as {@code if !valid(ev)},
 * only spelled as an error. One bad producer makes it run on every turn, the checklist's own bad example. A failure of
 * the machinery an item is sent through ({@code c.Push(it)}) stays the failure path it usually is.</li>
 * </ul>
 */
final class SkippedItems {

    /**
     * A call that judges its argument by a policy (validate, check, verify): a bad producer fails it on every item.
     * Decoding and parsing are left out: their failure is mostly stored data gone bad (a snapshot entry), rare.
     */
    private static final Pattern CHECKS = Pattern.compile("(?i)^(validate|valid|check|verify|sanitize)[A-Z_]?\\w*$");
    private static final Pattern NOT_NIL = Pattern.compile("^([A-Za-z_]\\w*)\\s*!=\\s*nil$");

    private SkippedItems() {
    }

    /**
     * True when {@code branch}, the failure branch of the Go {@code if} {@code stmt}, counts the item it fails on, or
     * when the error {@code stmt} tests comes from a check of the item of the loop around it; and {@code log} is not
     * behind a further test inside the branch (the first failure of a batch only, {@code if firstErr == nil}).
     */
    static boolean perItem(SyntaxNode stmt, SyntaxNode branch, SyntaxNode log, byte[] src) {
        for (SyntaxNode p = log.getParent(); p != null && !p.isNull() && p.getStartByte() >= branch.getStartByte()
                && p.getEndByte() <= branch.getEndByte() && !(p.getStartByte() == branch.getStartByte()
                && p.getEndByte() == branch.getEndByte()); p = p.getParent()) {
            if (p.getType().equals("if_statement") || p.getType().equals("expression_switch_statement")) {
                return false;
            }
        }
        return counts(branch) || checksItem(stmt, src) || HandlerRejects.skipsItem(stmt, branch, src);
    }

    /** A statement of the branch itself (not a nested block) that adds to a tally. */
    static boolean counts(SyntaxNode branch) {
        for (int i = 0; i < branch.getNamedChildCount(); i++) {
            SyntaxNode s = branch.getNamedChild(i);
            if (s.getType().equals("statement_list")) {
                return counts(s);
            }
            if (s.getType().equals("inc_statement")) {
                return true;
            }
            if (s.getType().equals("assignment_statement")) {
                SyntaxNode op = s.getChildByFieldName("operator");
                if (op != null && !op.isNull() && op.getType().equals("+=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean checksItem(SyntaxNode stmt, byte[] src) {
        String callee = itemCallee(stmt, src);
        return callee != null && CHECKS.matcher(callee.substring(callee.lastIndexOf('.') + 1)).matches();
    }

    /**
     * The callee of the call whose error the Go {@code if} {@code stmt} tests ({@code err != nil}) when that call is
     * given the item of the range loop around it ({@code normalize(ev)}, {@code v.check(ctx, ev)}); null otherwise.
     */
    static String itemCallee(SyntaxNode stmt, byte[] src) {
        SyntaxNode cond = stmt.getChildByFieldName("condition");
        var m = cond == null || cond.isNull() ? null : NOT_NIL.matcher(text(src, cond).strip());
        if (m == null || !m.matches()) {
            return null;
        }
        SyntaxNode call = assignedCall(stmt, m.group(1), src);
        SyntaxNode item = loopItem(stmt, src);
        if (call == null || item == null) {
            return null;
        }
        SyntaxNode fn = call.getChildByFieldName("function");
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (fn == null || fn.isNull() || args == null || args.isNull()) {
            return null;
        }
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(text(src, item)) + "\\b").matcher(text(src, args)).find()
                ? text(src, fn) : null;
    }

    /**
     * The callee of the call whose error the Go {@code if} {@code stmt} tests ({@code err != nil}) when its receiver or
     * arguments name one of {@code names} (the names that change per turn of the loop around it); null otherwise.
     */
    static String failingCall(SyntaxNode stmt, java.util.Set<String> names, byte[] src) {
        SyntaxNode cond = stmt.getChildByFieldName("condition");
        var m = cond == null || cond.isNull() ? null : NOT_NIL.matcher(text(src, cond).strip());
        if (m == null || !m.matches()) {
            return null;
        }
        SyntaxNode call = assignedCall(stmt, m.group(1), src);
        if (call == null) {
            return null;
        }
        SyntaxNode fn = call.getChildByFieldName("function");
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (fn == null || fn.isNull() || args == null || args.isNull()) {
            return null;
        }
        // a call on another value (a store, a client, a package), not a bare function, not a method of the element
        // itself, nor one of the function's own receiver (the element's own processing: srv.serve(pkt))
        SyntaxNode operand = fn.getType().equals("selector_expression") ? fn.getChildByFieldName("operand") : null;
        if (operand == null || operand.isNull()) {
            return null;
        }
        String on = text(src, operand);
        if (names.contains(on) || on.equals(receiver(stmt, src))) {
            return null;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        LogTraffic.identifiers(args, src, used);
        used.retainAll(names);
        return used.isEmpty() ? null : text(src, fn);
    }

    /** The receiver's name of the Go method around {@code n}, or null. */
    private static String receiver(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("func_literal") || p.getType().equals("function_declaration")) {
                return null;
            }
            if (p.getType().equals("method_declaration")) {
                SyntaxNode r = p.getChildByFieldName("receiver");
                java.util.Set<String> ids = new java.util.LinkedHashSet<>();
                if (r != null && !r.isNull()) {
                    LogTraffic.identifiers(r, src, ids);
                }
                return ids.isEmpty() ? null : ids.iterator().next();
            }
        }
        return null;
    }

    /**
     * The call whose error {@code err} holds: the if's own initializer ({@code if err := f(x); err != nil}) or the
     * statement just before the if ({@code err := f(x)} or {@code v, err := f(x)}); null otherwise.
     */
    private static SyntaxNode assignedCall(SyntaxNode stmt, String err, byte[] src) {
        SyntaxNode init = stmt.getChildByFieldName("initializer");
        if (init == null || init.isNull()) {
            init = previous(stmt);
        }
        if (init == null || !(init.getType().equals("short_var_declaration")
                || init.getType().equals("assignment_statement"))) {
            return null;
        }
        SyntaxNode left = init.getChildByFieldName("left");
        SyntaxNode right = init.getChildByFieldName("right");
        if (left == null || left.isNull() || right == null || right.isNull() || right.getNamedChildCount() != 1
                || !Pattern.compile("(?<![\\w.])" + Pattern.quote(err) + "$").matcher(text(src, left).strip())
                .find()) {
            return null;
        }
        SyntaxNode call = right.getNamedChild(0);
        return call.getType().equals("call_expression") ? call : null;
    }

    private static SyntaxNode previous(SyntaxNode stmt) {
        SyntaxNode parent = stmt.getParent();
        if (parent == null || parent.isNull()) {
            return null;
        }
        SyntaxNode before = null;
        for (int i = 0; i < parent.getNamedChildCount(); i++) {
            SyntaxNode s = parent.getNamedChild(i);
            if (s.getStartByte() == stmt.getStartByte()) {
                return before;
            }
            before = s;
        }
        return null;
    }

    /** The value of the range loop nearest around {@code n} ({@code ev} of {@code for _, ev := range batch}), or null. */
    private static SyntaxNode loopItem(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "func_literal", "function_declaration", "method_declaration" -> {
                    return null;
                }
                case "for_statement" -> {
                    SyntaxNode range = LogTraffic.child(p, "range_clause");
                    SyntaxNode left = range == null ? null : range.getChildByFieldName("left");
                    if (left == null || left.isNull() || left.getNamedChildCount() == 0) {
                        return null;
                    }
                    SyntaxNode last = left.getNamedChild(left.getNamedChildCount() - 1);
                    return last.getType().equals("identifier") && !text(src, last).equals("_") ? last : null;
                }
                default -> {
                }
            }
        }
        return null;
    }
}
