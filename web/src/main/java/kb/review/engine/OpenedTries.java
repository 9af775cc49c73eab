package kb.review.engine;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * A transaction the change re-indents into a {@code try} it writes anew: {@code Transaction tx =
 * session.beginTransaction();} moved, unchanged but for its indent, inside a new {@code try (Session session = ...)
 * {}} that has no catch rolling it back. The review reads a re-indented line as the old code's, and the old code
 * leaked the transaction too, so the finding was dropped as found before. But the change wrote the exception
 * handling around the transaction: the try it opens is where TX-01's "roll back on every failing path" belongs, and
 * a try-with-resources closing the session does not roll back (Hibernate's {@code Session.close()} discards the
 * persistence context and leaves the transaction to the connection pool; a JDBC {@code Connection.close()} with a
 * transaction open is driver-defined). Only TX-01, only Java, only the nearest enclosing block.
 */
final class OpenedTries {

    private static final Pattern TRY = Pattern.compile("^\\s*(?:}\\s*)?try\\b");
    /** How far up the nearest enclosing block is looked for. */
    private static final int REACH = 200;

    private OpenedTries() {
    }

    /** True when {@code line} is a TX-01 finding's line whose nearest enclosing block is a try the change wrote. */
    static boolean keeps(SourceFile after, String item, int line) {
        if (!"TX-01".equals(item) || after.language() != Language.JAVA) {
            return false;
        }
        Set<Integer> reformatted = after.change().reformatted().keySet();
        int depth = 0;
        for (int l = line - 1; l >= 1 && l > line - REACH; l--) {
            if (!after.known(l)) {
                return false;
            }
            String code = after.line(l);
            for (int i = code.length() - 1; i >= 0; i--) {
                char c = code.charAt(i);
                if (c == '}') {
                    depth++;
                } else if (c == '{') {
                    if (depth == 0) {
                        return TRY.matcher(code).find() && after.added(l) && !reformatted.contains(l);
                    }
                    depth--;
                }
            }
        }
        return false;
    }
}
