package kb.review.analysis;

import static kb.review.analysis.Timeouts.function;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Where {@link Timeouts} leaves a construction's holder to others: handed to a configuring call that keeps no result
 * but an error, or only to calls that never read its timeout (the model's {@code unread-by}).
 */
final class TimeoutHandOvers extends TimeoutReading {

    private static final Pattern NAMES = Pattern.compile("\\w+(\\s*,\\s*\\w+)*");

    TimeoutHandOvers(byte[] src, boolean go) {
        super(src, go);
    }

    /** A later call statement that takes the value as an argument and keeps no result but an error: a configurer. */
    void handedOver(String holder, SyntaxNode n, int from, TimeoutModel m, Seen seen) {
        if (seen.handedOver || n.getEndByte() <= from) {
            return;
        }
        String t = n.getType();
        if ((t.equals("call_expression") || t.equals("method_invocation")) && n.getStartByte() >= from) {
            SyntaxNode args = n.getChildByFieldName("arguments");
            for (int i = 0; args != null && i < args.getNamedChildCount(); i++) {
                String a = text(args.getNamedChild(i));
                a = a.startsWith("&") ? a.substring(1).stripLeading() : a;
                if (a.equals(holder) && configures(n, m)) {
                    seen.handedOver = true;
                    return;
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            handedOver(holder, n.getNamedChild(i), from, m, seen);
        }
    }

    private boolean configures(SyntaxNode call, TimeoutModel m) {
        SyntaxNode fn = call.getChildByFieldName(go ? "function" : "name");
        String callee = fn.isNull() ? "" : text(fn);
        String simple = callee.substring(callee.lastIndexOf('.') + 1);
        if (m.uses().contains(simple) || simple.startsWith("New") || simple.startsWith("new")) {
            return false; // used, or wrapped by a new object that keeps it as it is
        }
        SyntaxNode p = call.getParent();
        if (p.getType().equals("expression_statement")) {
            return true;
        }
        if (p.getType().equals("expression_list")) {
            SyntaxNode stmt = p.getParent();
            SyntaxNode left = stmt.getChildByFieldName("left");
            if (!(stmt.getType().equals("short_var_declaration") || stmt.getType().equals("assignment_statement"))
                    || left.isNull() || !NAMES.matcher(text(left)).matches()) {
                return false;
            }
            // only an error comes back (`err := http2.ConfigureServer(srv, nil)`): an error by its name or by the
            // check that hands it on, whatever it is called
            String body = text(function(call));
            return java.util.Arrays.stream(text(left).split("\\s*,\\s*"))
                    .allMatch(name -> name.equals("_") || GoErrors.holdsError(name, body));
        }
        return false;
    }

    /**
     * Go: true when the local {@code holder} appears after {@code from} in {@code fn} at least once and only as an
     * argument of calls whose callee matches the model's {@code unread-by} (a config handed to
     * {@code ssh.NewClientConn}, which never reads its {@code Timeout}).
     */
    boolean onlyUnreadBy(String holder, SyntaxNode fn, int from, TimeoutModel m) {
        int[] counts = new int[2];
        countUses(holder, fn, from, m, counts, false);
        return counts[0] > 0 && counts[0] == counts[1];
    }

    private void countUses(String holder, SyntaxNode n, int from, TimeoutModel m, int[] counts, boolean inUnread) {
        if (n.getEndByte() <= from) {
            return;
        }
        String t = n.getType();
        if (t.equals("identifier") && n.getStartByte() >= from && text(n).equals(holder)) {
            counts[0]++;
            if (inUnread) {
                counts[1]++;
            }
            return;
        }
        boolean unread = inUnread;
        if (t.equals("call_expression")) {
            SyntaxNode fn = n.getChildByFieldName("function");
            String callee = fn == null || fn.isNull() ? "" : text(fn);
            unread = m.unreadBy().stream().anyMatch(p -> p.matcher(callee).find());
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            boolean arg = unread && t.equals("call_expression") && "argument_list".equals(c.getType());
            countUses(holder, c, from, m, counts, t.equals("call_expression") ? arg : unread);
        }
    }
}
