package kb.review.analysis;

import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.diff.SyntaxNode;

/**
 * Go cancel functions kept in a slot that a loop fills and empties: the variable is declared before the loop holding
 * a function (a no-op until the loop makes its first context: {@code var cancelStart context.CancelCauseFunc =
 * func(error) {}}), and a turn assigns it a new cancel with {@code =} ({@code startCtx, cancelStart =
 * context.WithCancelCause(ctx)}) while other turns call it (and usually put the no-op back). Judged false on the tenth
 * held-out precision set (AD, river's leadership loops: the cancel is called when leadership is lost and when the loop
 * exits).
 *
 * <p>The typestate pass reported the path that comes back to the assignment on a later turn: two fills with no call
 * between. Whether that happens depends on the order of the events the loop receives (leadership gained twice in a
 * row), which the code does not show; TMO-03 asks for the check {@code go vet}'s lostcancel makes, and it counts the
 * slot's next assignment as a use of the variable. Every way out of the function must still call the slot: a loop
 * that returns without calling it stays reported, and so does a cancel assigned in a retry loop to a variable declared
 * without a function (heldout go-06), whose earlier attempts are never cancelled by design of the loop, not by the
 * events it waits for.
 */
final class CancelSlots {

    private CancelSlots() {
    }

    /** True when {@code a} is a cancel put with {@code =}, in a loop, into a slot declared above it with a function. */
    static boolean refilledSlot(Acquisition a, byte[] src) {
        if (!a.model().kind().equals("cancel") || !(a.at().ast instanceof SyntaxNode s)
                || !s.getType().equals("assignment_statement")) {
            return false;
        }
        SyntaxNode loop = null;
        SyntaxNode function = null;
        for (SyntaxNode p = s.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") || t.equals("function_declaration") || t.equals("method_declaration")) {
                function = p;
                break;
            }
            if (t.equals("for_statement") && loop == null) {
                loop = p;
            }
        }
        if (loop == null || function == null) {
            return false;
        }
        // the scopes that hold the loop, innermost first: a declaration in one of them, above the loop, is in scope
        for (SyntaxNode scope = loop.getParent(); scope != null && !scope.isNull(); scope = scope.getParent()) {
            for (int i = 0; i < scope.getNamedChildCount(); i++) {
                SyntaxNode c = scope.getNamedChild(i);
                if (c.getStartByte() >= loop.getStartByte()) {
                    break;
                }
                if (declaresWithFunction(c, a.var(), src)) {
                    return true;
                }
            }
            if (scope == function) {
                break;
            }
        }
        return false;
    }

    /** True when the statement declares {@code var} (alone) with one function literal as its value. */
    private static boolean declaresWithFunction(SyntaxNode statement, String var, byte[] src) {
        if (statement.getType().equals("short_var_declaration")) {
            return givesFunction(statement, var, src);
        }
        if (statement.getType().equals("var_declaration")) {
            for (int i = 0; i < statement.getNamedChildCount(); i++) {
                SyntaxNode spec = statement.getNamedChild(i);
                if (spec.getType().equals("var_spec") && givesFunction(spec, var, src)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the declaration names only {@code var} and its value is one function literal. */
    private static boolean givesFunction(SyntaxNode decl, String var, byte[] src) {
        boolean spec = decl.getType().equals("var_spec");
        SyntaxNode value = decl.getChildByFieldName(spec ? "value" : "right");
        if (value == null || value.isNull() || value.getNamedChildCount() != 1
                || !value.getNamedChild(0).getType().equals("func_literal")) {
            return false;
        }
        if (spec) {
            SyntaxNode name = decl.getChildByFieldName("name");
            return name != null && !name.isNull() && SyntaxNode.text(src, name).equals(var);
        }
        SyntaxNode left = decl.getChildByFieldName("left");
        return left != null && !left.isNull() && SyntaxNode.text(src, left).strip().equals(var);
    }
}
