package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go: a use of a client without a timeout of its own ({@code http.DefaultClient}) whose one request the enclosing
 * function bounds with a deadline it makes itself (precision set 12, class AV). TMO-01 asks that no call to another
 * service wait without limit; a request built on a context from {@code context.WithTimeout} or
 * {@code context.WithDeadline} is cancelled at that deadline whatever the client's own {@code Timeout}, which is what
 * {@code net/http} documents for a request's context. Two shapes:
 * <ul>
 * <li>{@code resp, err := http.DefaultClient.Do(req)} where the function built {@code req} with such a context as
 * its first argument ({@code http.NewRequestWithContext(ctx, ...)}, or a helper given {@code ctx} first) or switched it
 * to one ({@code req = req.WithContext(ctx)});</li>
 * <li>the client handed to a call whose first argument is such a context ({@code fetch(fetchCtx, http.DefaultClient,
 * url)}): the callee sends with the context it is given.</li>
 * </ul>
 * A request on the caller's context ({@code r.Context()}, a {@code ctx} parameter) has no deadline the code shows and
 * stays reported, as does the context bounded only for some other call.
 */
public final class BoundedRequests {

    private static final Pattern NAME = Pattern.compile("[\\p{L}_]\\w*");

    private BoundedRequests() {
    }

    /** True when the use of the client at {@code used} sends a request the enclosing function bounds, as above. */
    static boolean bounded(SyntaxNode used, byte[] src) {
        SyntaxNode function = Timeouts.function(used);
        if (function == null || function.isNull()) {
            return false;
        }
        String body = SyntaxNode.text(src, function);
        SyntaxNode p = used.getParent();
        if (p == null || p.isNull()) {
            return false;
        }
        if (p.getType().equals("selector_expression") && same(p.getChildByFieldName("operand"), used)
                && p.getParent().getType().equals("call_expression")
                && SyntaxNode.text(src, p.getChildByFieldName("field")).equals("Do")) {
            String req = first(p.getParent().getChildByFieldName("arguments"), src);
            return req != null && NAME.matcher(req).matches() && requestBounded(req, body);
        }
        if (p.getType().equals("argument_list") && p.getParent().getType().equals("call_expression")) {
            String ctx = first(p, src);
            return ctx != null && !ctx.equals(SyntaxNode.text(src, used)) && NAME.matcher(ctx).matches()
                    && deadline(ctx, body);
        }
        return false;
    }

    /**
     * True when a client the function builds into the local {@code holder} is used only to send requests the function
     * bounds ({@code resp, err := client.Do(req)} with {@code req} built on a context from {@code context.WithTimeout}):
     * the local is declared or assigned, and every other mention of it is such a {@code Do}. A client returned, stored,
     * handed to a call or used with {@code Get}/{@code Post} (which take no context) stays reported (set 19, AV: a
     * client built per source with its timeout moved onto the request's context).
     */
    static boolean onlyBoundedSends(String holder, SyntaxNode function, byte[] src) {
        if (function == null || function.isNull() || !NAME.matcher(holder).matches()) {
            return false;
        }
        return boundedSends(holder, SyntaxNode.text(src, function)) > 0;
    }

    /**
     * {@link #onlyBoundedSends} for a function the diff cuts (its end is not shown, session 31's AV rows of set 19: a
     * Docker client built per source, its request built on a five-second context, the send below the hunk): the
     * local client built at {@code line} is only declared, assigned or sent through with bounded requests in sight,
     * and every request the function builds in sight ({@code http.NewRequestWithContext}, {@code http.NewRequest})
     * is bounded, at least one. The sends below the cut can only be of those requests or of ones the review cannot
     * see; a request built in sight on the caller's context, on {@code Background()} or without one keeps the finding.
     */
    public static boolean boundedBeforeCut(SyntaxNode root, byte[] src, int line) {
        SyntaxNode at = root.namedDescendantAtRow(line - 1);
        SyntaxNode function = at == null || at.isNull() ? null : Timeouts.function(at);
        if (function == null || function.isNull() || function.getParent().isNull()) {
            return false;
        }
        String body = SyntaxNode.text(src, function);
        if (!body.contains("context.With")) {
            return false;
        }
        int start = function.getStartPoint().getRow();
        String[] lines = body.split("\n", -1);
        int row = line - 1 - start;
        Matcher local = row >= 0 && row < lines.length ? LOCAL_CLIENT.matcher(lines[row]) : null;
        if (local == null || !local.find() || boundedSends(local.group(1), body) < 0) {
            return false;
        }
        Matcher built = REQUEST.matcher(body);
        int requests = 0;
        while (built.find()) {
            if (!requestBounded(built.group(1), body)) {
                return false;
            }
            requests++;
        }
        return requests > 0;
    }

    /** The client held by a plain local: {@code client := &http.Client{...}}, {@code client = &http.Client{}}. */
    private static final Pattern LOCAL_CLIENT = Pattern.compile(
            "^\\s*(?:var\\s+)?([\\p{L}_]\\w*)\\s*(?:\\*?http\\.Client\\s*)?:?=\\s*&?http\\.Client\\s*\\{");
    /** A request the function builds: {@code req, err := http.NewRequestWithContext(...)} or {@code http.NewRequest}. */
    private static final Pattern REQUEST = Pattern.compile(
            "(?<![\\w.])([\\p{L}_]\\w*)\\s*,\\s*\\w+\\s*:?=\\s*http\\.NewRequest(?:WithContext)?\\s*\\(");

    /** The number of bounded sends through {@code holder} in {@code body}, or -1 when it is used in any other way. */
    private static int boundedSends(String holder, String body) {
        Matcher mention = Pattern.compile("(?<![\\w.])" + Pattern.quote(holder) + "(?![\\w])").matcher(body);
        Pattern assigned = Pattern.compile("^\\s*(?:,\\s*\\w+\\s*)*:?=(?!=)");
        Pattern send = Pattern.compile("^\\.Do\\(\\s*(\\w+)\\s*\\)");
        int sends = 0;
        while (mention.find()) {
            String after = body.substring(mention.end(), Math.min(body.length(), mention.end() + 120));
            String before = body.substring(Math.max(0, mention.start() - 8), mention.start());
            Matcher d = send.matcher(after);
            if (d.find()) {
                if (!requestBounded(d.group(1), body)) {
                    return -1;
                }
                sends++;
            } else if (!assigned.matcher(after).find() && !before.matches("(?s).*\\bvar\\s+$")) {
                return -1;
            }
        }
        return sends;
    }

    /** The request is built with, or switched to, a context the function bounds. */
    private static boolean requestBounded(String req, String body) {
        Matcher built = Pattern.compile("(?<![\\w.])" + Pattern.quote(req)
                + "\\s*(?:,\\s*\\w+\\s*)*:?=\\s*[\\w.]+\\s*\\(\\s*(\\w+)\\s*,|(?<![\\w.])" + Pattern.quote(req)
                + "\\s*=\\s*" + Pattern.quote(req) + "\\.WithContext\\(\\s*(\\w+)\\s*\\)").matcher(body);
        while (built.find()) {
            String ctx = built.group(1) != null ? built.group(1) : built.group(2);
            if (deadline(ctx, body)) {
                return true;
            }
        }
        return false;
    }

    /** The name is assigned from {@code context.WithTimeout} or {@code context.WithDeadline} in the function. */
    private static boolean deadline(String ctx, String body) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(ctx)
                + "\\s*(?:,\\s*\\w+\\s*)*:?=\\s*context\\.With(?:Timeout|Deadline)\\s*\\(").matcher(body).find();
    }

    private static String first(SyntaxNode args, byte[] src) {
        if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return null;
        }
        return SyntaxNode.text(src, args.getNamedChild(0)).strip();
    }

    private static boolean same(SyntaxNode a, SyntaxNode b) {
        return a != null && !a.isNull() && a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte();
    }
}
