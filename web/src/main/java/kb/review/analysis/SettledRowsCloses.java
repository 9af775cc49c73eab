package kb.review.analysis;

import java.util.Map;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go's {@code _ = rows.Close()} of a database/sql result set written as a plain statement where the read's outcome is
 * already settled (precision set 13, FC: navidrome's migrations): on an exit that returns an error (a failed Scan, a
 * failed {@code rows.Err()}), where the caller hears the first failure and Close only frees the set; or after the
 * function has checked {@code rows.Err()}, where the loop ran to the end (database/sql has then closed the rows
 * itself) and a read error has been reported. TX-02 asks for the errors that say whether data was written or read;
 * neither of these Closes can change that. A result set closed before anything checked its read ({@code _ =
 * rows.Close()} then {@code return nil} without {@code rows.Err()}), and a Close of a database, statement or
 * transaction, stay reported. The deferred form is {@link DeferredHandleCloses}'s.
 */
final class SettledRowsCloses {

    private SettledRowsCloses() {
    }

    private static final Pattern CLOSE = Pattern.compile("^(\\w+)\\.Close$");
    private static final Pattern ROWS_TYPE = Pattern.compile("(^|[.*])Rows$");
    private static final Pattern ROWS_NAME = Pattern.compile("(?i)^rows$|rows$");
    /** A return whose last result is an error: a variable named as one, or one built in place. */
    private static final Pattern ERROR_RETURN = Pattern.compile(
            "^return\\s+(?:.*,\\s*)?(?:(?:err\\w*|\\w*Err(?:or)?)|(?:fmt\\.Errorf|errors\\.\\w+)\\s*\\(.*\\))\\s*$",
            Pattern.DOTALL);

    /**
     * True when {@code statement} ({@code _ = v.Close()}, calling {@code callee}) closes a result set and is followed
     * in its block by a return of an error, or when the function checks {@code v.Err()} before it.
     */
    static boolean settled(SyntaxNode statement, String callee, Map<String, String> types, byte[] src) {
        var m = CLOSE.matcher(callee);
        if (!m.find()) {
            return false;
        }
        String v = m.group(1);
        String type = types.get(v);
        if (type != null ? !ROWS_TYPE.matcher(type.strip()).find() : !ROWS_NAME.matcher(v).find()) {
            return false;
        }
        SyntaxNode next = nextStatement(statement);
        if (next != null && next.getType().equals("return_statement")
                && ERROR_RETURN.matcher(SyntaxNode.text(src, next).strip()).find()) {
            return true;
        }
        SyntaxNode fn = enclosingFunction(statement);
        if (fn == null) {
            return false;
        }
        String before = new String(src, fn.getStartByte(), statement.getStartByte() - fn.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(v) + "\\.Err\\(\\s*\\)").matcher(before).find();
    }

    private static SyntaxNode nextStatement(SyntaxNode statement) {
        SyntaxNode parent = statement.getParent();
        if (parent == null || parent.isNull()) {
            return null;
        }
        for (int i = 0; i + 1 < parent.getNamedChildCount(); i++) {
            SyntaxNode c = parent.getNamedChild(i);
            if (c.getStartByte() == statement.getStartByte() && c.getEndByte() == statement.getEndByte()) {
                return parent.getNamedChild(i + 1);
            }
        }
        return null;
    }

    private static SyntaxNode enclosingFunction(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
                return p;
            }
        }
        return null;
    }
}
