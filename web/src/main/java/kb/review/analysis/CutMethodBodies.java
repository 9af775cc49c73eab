package kb.review.analysis;

import java.util.Set;
import kb.review.diff.SyntaxNode;

/**
 * Java: a hunk that shows a run of a method's statements but neither its header nor its closing brace (the middle of
 * a long method) is parsed at the top level of the file, outside any method. A construction there is not package
 * level, as it would be in Go: Java has no statements outside a body, so the run is the body of a method out of view
 * (or of a lambda or an initialiser block, rarer). It is told by its neighbours: a top-level statement that no class
 * member can be (a call, a return, a branch, a loop) in the same run of lines as the construction. A run of
 * declarations alone (which a field list without modifiers would also give) is left as before.
 */
final class CutMethodBodies {

    private CutMethodBodies() {
    }

    /** Top-level nodes that only a method body holds. */
    private static final Set<String> STATEMENTS = Set.of("expression_statement", "return_statement",
            "if_statement", "for_statement", "enhanced_for_statement", "while_statement", "do_statement",
            "try_statement", "try_with_resources_statement", "throw_statement", "switch_expression",
            "synchronized_statement");

    /**
     * The start of a block statement. A hunk often ends inside one: a {@code try} whose catch is below the hunk's
     * last line has no catch for the parser, which gives up on it as an error node; what it holds is still a run of
     * a body's statements (round 71's java-08, a client built inside such a try).
     */
    private static final java.util.regex.Pattern BLOCK_STATEMENT = java.util.regex.Pattern.compile(
            "(?:try|if|for|while|do|switch|synchronized)\\s*[({]");

    /** Lines between two statements of one hunk's run (a blank line or two of the method's own). */
    private static final int RUN_GAP = 3;

    /**
     * True when {@code top} (a construction with no enclosing method, class or lambda in the parsed text) stands among
     * the statements of a method body the diff shows only in part.
     */
    static boolean inCutBody(SyntaxNode top, byte[] src) {
        SyntaxNode at = top;
        while (!at.getParent().isNull() && !at.getParent().getParent().isNull()) {
            at = at.getParent();
        }
        SyntaxNode root = at.getParent();
        if (root.isNull() || !root.getType().equals("program")) {
            return false;
        }
        int index = -1;
        for (int i = 0; i < root.getNamedChildCount(); i++) {
            if (root.getNamedChild(i).getStartByte() == at.getStartByte()) {
                index = i;
            }
        }
        if (index < 0 || member(at, src)) {
            return false;
        }
        if (statement(at, src)) {
            return true;
        }
        // the neighbours of the same run, above and below, until a gap wider than a method's own blank lines
        int end = at.getEndPoint().getRow();
        for (int i = index + 1; i < root.getNamedChildCount(); i++) {
            SyntaxNode s = root.getNamedChild(i);
            if (s.getStartPoint().getRow() - end > RUN_GAP) {
                break;
            }
            if (member(s, src)) {
                return false;
            }
            if (statement(s, src)) {
                return true;
            }
            end = s.getEndPoint().getRow();
        }
        int start = at.getStartPoint().getRow();
        for (int i = index - 1; i >= 0; i--) {
            SyntaxNode s = root.getNamedChild(i);
            if (start - s.getEndPoint().getRow() > RUN_GAP) {
                break;
            }
            if (member(s, src)) {
                return false;
            }
            if (statement(s, src)) {
                return true;
            }
            start = s.getStartPoint().getRow();
        }
        return false;
    }

    /** Modifiers only a class member has: a declaration with them is a field whose class the gap did not reopen. */
    private static final java.util.regex.Pattern MEMBER_MODIFIERS = java.util.regex.Pattern.compile(
            "\\b(?:public|protected|private|static|volatile|transient)\\b");

    /** A class member parsed at the top level: a method, a constructor, a declaration with a member's modifiers. */
    private static boolean member(SyntaxNode n, byte[] src) {
        String t = n.getType();
        if (t.equals("method_declaration") || t.equals("constructor_declaration") || t.equals("class_declaration")
                || t.equals("field_declaration")) {
            return true;
        }
        if (!t.equals("local_variable_declaration")) {
            return false;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("modifiers") && MEMBER_MODIFIERS.matcher(SyntaxNode.text(src, c)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A statement no member can be. An expression statement only when its expression acts (a call, an assignment, an
     * increment, a {@code new}): a bare literal is the tail of a string constant cut by the hunk, and a call of the
     * gap's own {@code kbCut(} the tail of an expression whose start is above it (a field's initialiser as well).
     */
    private static boolean statement(SyntaxNode n, byte[] src) {
        if (n.getType().equals("ERROR")) {
            return BLOCK_STATEMENT.matcher(SyntaxNode.text(src, n)).lookingAt();
        }
        if (!n.getType().equals("expression_statement")) {
            return STATEMENTS.contains(n.getType());
        }
        if (n.getNamedChildCount() == 0) {
            return false;
        }
        SyntaxNode e = n.getNamedChild(0);
        String t = e.getType();
        if (t.equals("method_invocation")) {
            SyntaxNode name = e.getChildByFieldName("name");
            return name == null || name.isNull() || !SyntaxNode.text(src, name).startsWith("kbCut");
        }
        return t.equals("assignment_expression") || t.equals("update_expression")
                || t.equals("object_creation_expression");
    }
}
