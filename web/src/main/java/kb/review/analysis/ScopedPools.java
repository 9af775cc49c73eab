package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Java thread pool built for one call and shut down by that call: declared as a try-with-resources resource (an
 * {@code ExecutorService} is AutoCloseable from JDK 19, closing waits for its tasks) or shut down in a
 * {@code finally} block. Its threads end with the call, so it is a scoped fork/join, not a pool leaked per call.
 */
final class ScopedPools {

    private ScopedPools() {
    }

    /** True when {@code top}, built by {@code Executors}, is a try resource or {@code holder} is shut down in finally. */
    static boolean shutDownByTheCall(SyntaxNode top, String holder, String functionText, byte[] src) {
        if (!SyntaxNode.text(src, top).startsWith("Executors.")) {
            return false;
        }
        for (SyntaxNode p = top.getParent(); !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("resource")) {
                return true;
            }
            if (p.getType().endsWith("_statement") || p.getType().equals("block")) {
                break;
            }
        }
        return shutDownInFinally(holder, functionText);
    }

    /**
     * True when the local {@code holder} is shut down or closed in a {@code finally} block of the function; a close
     * written in a comment or a message, or a brace inside a literal, is not code.
     */
    static boolean shutDownInFinally(String holder, String functionText) {
        return holder != null && Pattern.compile("\\bfinally\\s*\\{[^}]*(?<![\\w.$])" + Pattern.quote(holder)
                + "\\s*\\.\\s*(shutdown|shutdownNow|close)\\s*\\(").matcher(CodeText.code(functionText)).find();
    }
}
