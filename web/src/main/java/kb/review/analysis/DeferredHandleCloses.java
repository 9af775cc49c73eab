package kb.review.analysis;

import java.util.Map;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go's {@code _ = rows.Close()} (or a prepared statement's) inside a deferred closure:
 * {@code defer func() { _ = rows.Close() }()} after a query. Judged false on the eleventh held-out precision set (FC,
 * 15: polaris's store functions and row-transfer helpers). TX-02 asks for the errors of the steps that decide whether
 * data was written or read: Begin, Exec, Commit, and a Close whose failure the caller must hear of. A result set's
 * deferred Close runs after the loop over it has ended (database/sql has already closed rows that {@code Next} ran to
 * the end, and a read error is {@code rows.Err()}'s to report) or on a path that is already returning another error;
 * a statement's deferred Close only frees its server-side handle once its work is done. Nothing the function tells its
 * caller depends on it. A Close of rows written as a plain statement ({@code _ = rows.Close()} before {@code return
 * nil}, a driver's Ping reading its own reply), and a deferred Close of a database or a transaction, stay reported.
 */
final class DeferredHandleCloses {

    private DeferredHandleCloses() {
    }

    private static final Pattern CLOSE = Pattern.compile("^(\\w+)\\.Close$");
    private static final Pattern HANDLE_TYPE = Pattern.compile("(^|[.*])(Rows|Stmt)$");
    private static final Pattern HANDLE_NAME = Pattern.compile("(?i)^rows$|rows$|^stmt$|stmt$");

    /**
     * True when {@code statement}, which calls {@code callee}, is a result set's or a statement's {@code Close} in the
     * body of a function literal that a {@code defer} statement calls. {@code types} holds the declared types of the
     * file's names; a name without one is judged by its spelling.
     */
    static boolean deferredClose(SyntaxNode statement, String callee, Map<String, String> types) {
        var m = CLOSE.matcher(callee);
        if (!m.find()) {
            return false;
        }
        String type = types.get(m.group(1));
        if (type != null ? !HANDLE_TYPE.matcher(type.strip()).find() : !HANDLE_NAME.matcher(m.group(1)).find()) {
            return false;
        }
        for (SyntaxNode p = statement.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration")) {
                return false;
            }
            if (t.equals("func_literal")) {
                SyntaxNode call = p.getParent();
                SyntaxNode stmt = call == null || call.isNull() ? null : call.getParent();
                return call != null && call.getType().equals("call_expression") && stmt != null
                        && stmt.getType().equals("defer_statement");
            }
        }
        return false;
    }
}
