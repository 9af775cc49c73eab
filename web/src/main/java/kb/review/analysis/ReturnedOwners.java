package kb.review.analysis;

import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Java: whether a client held by a local leaves a method through one of its {@code return} statements. Returning
 * the value, a builder's product ({@code return b.build()}) or an object the value was handed to
 * ({@code return new Client(channel)}) keeps it: the caller owns it from there. Two kinds of hand-over do not, as the
 * object that receives the value is not its owner:
 * <ul>
 *   <li>a callee the models name as a user ({@code uses:} of the built-once entry: gRPC's
 *       {@code XGrpc.newBlockingStub(channel)}), whose stub only borrows the channel and cannot shut it down;</li>
 *   <li>a constructor whose object is used once and dropped ({@code return new Writer(exchange, channel).write()}):
 *       what leaves is the call's result, and the object holding the value is gone.</li>
 * </ul>
 * A call on the value itself ({@code return channel.getState(true)}) returns that call's result. Anything else in a
 * return statement (a comparison, a lambda, an unknown call's argument) counts as kept, as before.
 */
final class ReturnedOwners {

    private ReturnedOwners() {
    }

    /** True when a return statement of {@code function} hands the local {@code holder} to its caller. */
    static boolean returnsOwner(SyntaxNode function, String holder, List<String> users, byte[] src) {
        return scan(function, holder, users, src, false);
    }

    private static boolean scan(SyntaxNode n, String holder, List<String> users, byte[] src, boolean inReturn) {
        boolean ret = inReturn || n.getType().equals("return_statement");
        if (ret && n.getType().equals("identifier") && SyntaxNode.text(src, n).equals(holder)) {
            return keeps(n, users, src);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (scan(n.getNamedChild(i), holder, users, src, ret)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this mention of the value, inside a return statement, is what the statement returns (or its owner). */
    private static boolean keeps(SyntaxNode mention, List<String> users, byte[] src) {
        SyntaxNode cur = mention;
        while (true) {
            SyntaxNode p = cur.getParent();
            if (p.isNull()) {
                return true;
            }
            switch (p.getType()) {
                case "return_statement" -> {
                    return true;
                }
                case "parenthesized_expression", "cast_expression" -> cur = p;
                case "ternary_expression" -> {
                    if (same(p.getChildByFieldName("condition"), cur)) {
                        return false;
                    }
                    cur = p;
                }
                case "method_invocation" -> {
                    if (!same(p.getChildByFieldName("object"), cur)) {
                        return true; // not an argument list: keep the old reading
                    }
                    SyntaxNode built = builtFrom(p, src);
                    if (built == null) {
                        return false; // a call on the value returns the call's result
                    }
                    cur = built;
                }
                case "argument_list" -> {
                    SyntaxNode call = p.getParent();
                    if (call.getType().equals("method_invocation")
                            && users.contains(SyntaxNode.text(src, call.getChildByFieldName("name")))) {
                        return false; // a borrower: a stub made on the channel does not own it
                    }
                    if (call.getType().equals("method_invocation") && borrowingMethod(call, p, cur, src)) {
                        return false; // a method of this file that only uses its parameter for the call
                    }
                    SyntaxNode above = call.getParent();
                    if (call.getType().equals("object_creation_expression") && above.getType().equals("method_invocation")
                            && same(above.getChildByFieldName("object"), call)) {
                        return false; // an object made to make one call and dropped
                    }
                    cur = call;
                }
                default -> {
                    return true;
                }
            }
        }
    }

    /**
     * True when {@code call} ({@code get(http, uri, type)}, {@code this.send(client, r)}) names a method declared in
     * the same file with as many parameters, and that method neither returns the parameter the value is passed as nor
     * stores it nor hands it to a constructor: a private helper that sends one request through the client borrows it,
     * and what the return statement returns is the helper's result (round 20 java-26).
     */
    private static boolean borrowingMethod(SyntaxNode call, SyntaxNode args, SyntaxNode arg, byte[] src) {
        SyntaxNode object = call.getChildByFieldName("object");
        if (object != null && !object.isNull() && !SyntaxNode.text(src, object).equals("this")) {
            return false;
        }
        int index = -1;
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            if (same(args.getNamedChild(i), arg)) {
                index = i;
            }
        }
        if (index < 0) {
            return false;
        }
        String name = SyntaxNode.text(src, call.getChildByFieldName("name"));
        SyntaxNode root = call;
        while (!root.getParent().isNull()) {
            root = root.getParent();
        }
        SyntaxNode declared = declaration(root, name, args.getNamedChildCount(), src);
        if (declared == null) {
            return false;
        }
        SyntaxNode params = declared.getChildByFieldName("parameters");
        SyntaxNode param = params.getNamedChild(index);
        SyntaxNode pname = param.getChildByFieldName("name");
        SyntaxNode body = declared.getChildByFieldName("body");
        if (pname == null || pname.isNull() || body == null || body.isNull()) {
            return false;
        }
        String v = java.util.regex.Pattern.quote(SyntaxNode.text(src, pname));
        String code = CodeText.code(SyntaxNode.text(src, body));
        return !java.util.regex.Pattern.compile("\\breturn\\s+[^;]*(?<![\\w.$])" + v + "(?![\\w$])(?!\\s*\\.)"
                + "|=\\s*" + v + "\\s*;|\\bnew\\s+[\\w.<>]+\\s*\\([^;]*(?<![\\w.$])" + v + "(?![\\w$])")
                .matcher(code).find();
    }

    /** The one method declaration of {@code name} with {@code arity} parameters in the file, or null. */
    private static SyntaxNode declaration(SyntaxNode n, String name, int arity, byte[] src) {
        SyntaxNode found = null;
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(n);
        while (!work.isEmpty()) {
            SyntaxNode x = work.pop();
            if (x.getType().equals("method_declaration")) {
                SyntaxNode nm = x.getChildByFieldName("name");
                SyntaxNode ps = x.getChildByFieldName("parameters");
                if (nm != null && !nm.isNull() && SyntaxNode.text(src, nm).equals(name) && ps != null && !ps.isNull()
                        && ps.getNamedChildCount() == arity) {
                    if (found != null) {
                        return null; // overloads of the same arity: not sure which one is called
                    }
                    found = x;
                }
            }
            for (int i = 0; i < x.getNamedChildCount(); i++) {
                work.push(x.getNamedChild(i));
            }
        }
        return found;
    }

    /** The {@code build()} call that ends the builder chain starting at {@code call}, or null when there is none. */
    private static SyntaxNode builtFrom(SyntaxNode call, byte[] src) {
        for (SyntaxNode c = call; ; c = c.getParent()) {
            if (SyntaxNode.text(src, c.getChildByFieldName("name")).equals("build")) {
                return c;
            }
            SyntaxNode up = c.getParent();
            if (!up.getType().equals("method_invocation") || !same(up.getChildByFieldName("object"), c)) {
                return null;
            }
        }
    }

    private static boolean same(SyntaxNode a, SyntaxNode b) {
        return a != null && !a.isNull() && a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte()
                && a.getType().equals(b.getType());
    }
}
