package kb.review.analysis;

import kb.review.diff.SyntaxNode;
import kb.review.diff.TopLevelCommas;

/**
 * Where a blank error of the change's own function ({@code ok, _ := hasHeader(path, h)}) is a dropped failure: the
 * statement keeps a value beside the blank, and the function (or literal) around it declares an error result of its own,
 * so the failure had a way out and was not taken (round 33's {@code filepath.Walk} closure). Left alone on sets 17-24:
 * a function without an error result (an HTTP handler's debug dump, a decision helper that answers a reason string), and
 * a second source tried inside an {@code if err != nil} branch (evcc's fall-back status key).
 */
final class OwnBlankScope {

    private OwnBlankScope() {
    }

    /** True when {@code assignment} keeps a named value and may hand the error on, outside an error branch. */
    static boolean fits(SyntaxNode assignment, byte[] src) {
        SyntaxNode left = assignment.getChildByFieldName("left");
        boolean kept = false;
        for (int i = 0; i < left.getNamedChildCount() - 1; i++) {
            kept |= !SyntaxNode.text(src, left.getNamedChild(i)).strip().equals("_");
        }
        if (!kept) {
            return false;
        }
        for (SyntaxNode p = assignment.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("if_statement")) {
                SyntaxNode c = p.getChildByFieldName("condition");
                if (c != null && !c.isNull() && SyntaxNode.text(src, c).matches("(?s).*\\berr\\w*\\s*!=\\s*nil.*")) {
                    return false;
                }
            }
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
                return lastResultIsError(SyntaxNode.text(src, p.getChildByFieldName("result")));
            }
        }
        return false;
    }

    /** Whether a result list's last element is {@code error} ({@code (bool, error)}, {@code (n int, err error)}). */
    static boolean lastResultIsError(String result) {
        String r = result.strip();
        if (r.startsWith("(") && r.endsWith(")")) {
            r = r.substring(1, r.length() - 1).strip();
        }
        int[] commas = TopLevelCommas.in(r);
        String last = commas.length == 0 ? r : r.substring(commas[commas.length - 1] + 1).strip();
        return last.equals("error") || last.endsWith(" error");
    }
}
