package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go: an empty context made, inside a function literal, only for releasing what the caller's context locked or
 * opened (precision set 12, class GF): {@code cleanup = func() error { detached := context.Background(); return
 * l.SessionUnlock(detached, conn) }}. {@link ContextDrops} already leaves cleanup in {@code defer} alone because
 * detaching it from a request that may be cancelled is the point; a cleanup closure handed back to the caller (to be
 * deferred there) is the same work one step removed. Were it given the caller's context, a cancelled request would
 * skip the unlock, leaving the lock held for every later caller, the opposite of what TMO-02 protects.
 *
 * <p>The empty context must be passed straight to a release call ({@code Unlock}, {@code Release}, {@code Close},
 * {@code Rollback}, {@code Abort}, {@code Unregister}, {@code Cleanup}) or held by a name every use of which, in the
 * literal, is an argument of such a call. A context made for any other work in the literal (a query, a request) is
 * still a drop.
 */
final class DetachedReleases {

    private static final Pattern EMPTY = Pattern.compile("^context\\.(?:Background|TODO)$");
    private static final String RELEASE = "(?:[\\w.]*\\.)?\\w*(?i:unlock|release|close|rollback|abort|unregister"
            + "|deregister|cleanup)\\w*";

    private DetachedReleases() {
    }

    /** True when {@code call} ({@code context.Background()}) is made only for release calls, as above. */
    static boolean onlyForRelease(SyntaxNode call, byte[] src) {
        if (!EMPTY.matcher(Regexes.withoutSpace(SyntaxNode.text(src, call.getChildByFieldName("function"))))
                .matches()) {
            return false;
        }
        SyntaxNode literal = literal(call);
        if (literal == null) {
            return false;
        }
        SyntaxNode p = call.getParent();
        if (p.getType().equals("argument_list")) {
            SyntaxNode user = p.getParent();
            return user.getType().equals("call_expression") && SyntaxNode.text(src, user.getChildByFieldName("function"))
                    .matches(RELEASE);
        }
        SyntaxNode holder = p.getParent();
        if (!p.getType().equals("expression_list") || p.getNamedChildCount() != 1 || holder == null || holder.isNull()
                || !(holder.getType().equals("short_var_declaration") || holder.getType().equals("assignment_statement"))) {
            return false;
        }
        String name = SyntaxNode.text(src, holder.getChildByFieldName("left")).strip();
        if (!name.matches("[\\p{L}_]\\w*")) {
            return false;
        }
        String body = SyntaxNode.text(src, literal);
        String q = Pattern.quote(name);
        String rest = body.replaceFirst("(?<![\\w.])" + q + "\\s*:?=(?!=)", "");
        Matcher use = Pattern.compile("(?<![\\w.])" + q + "(?!\\w)").matcher(rest);
        Matcher released = Pattern.compile("(?<![\\w.])" + RELEASE + "\\s*\\(\\s*" + q + "\\s*[,)]").matcher(rest);
        int uses = 0;
        while (use.find()) {
            uses++;
        }
        int releases = 0;
        while (released.find()) {
            releases++;
        }
        return uses > 0 && uses == releases;
    }

    /** The function literal the call is in (the nearest function), or null when that is a declared function. */
    private static SyntaxNode literal(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "func_literal":
                    return p;
                case "function_declaration", "method_declaration":
                    return null;
                default:
                    break;
            }
        }
        return null;
    }
}
