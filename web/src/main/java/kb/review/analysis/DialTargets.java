package kb.review.analysis;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * Go, for {@link PerCall}: which peer a client construction connects to. A client value that stands for one peer
 * (its receiver's address, its receiver's configuration) builds its connection again on every call; a function
 * that dials the address its caller gives it does not.
 */
final class DialTargets {


    private final byte[] src;

    DialTargets(byte[] src) {
        this.src = src;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /**
     * True when the call's first argument is a field of the enclosing Go method's receiver ({@code p.Addr}): the
     * client value stands for one peer and dials it again on every call, where a probe dialling the target it is
     * given, or a function dialling its parameter, does not.
     */
    boolean dialsOwnPeer(SyntaxNode call) {
        SyntaxNode args = call.getChildByFieldName("arguments");
        SyntaxNode method = TreeSitter.enclosing(call, Set.of("method_declaration", "func_literal",
                "function_declaration"));
        if (args == null || args.isNull() || args.getNamedChildCount() == 0 || method == null
                || !method.getType().equals("method_declaration")) {
            return false;
        }
        SyntaxNode receiver = method.getChildByFieldName("receiver");
        if (receiver == null || receiver.isNull() || receiver.getNamedChildCount() == 0) {
            return false;
        }
        SyntaxNode name = receiver.getNamedChild(0).getChildByFieldName("name");
        String first = text(args.getNamedChild(0));
        if (GoTypes.context(first, GoTypes.of(args, src).get(first)) && args.getNamedChildCount() > 1) {
            first = text(args.getNamedChild(1)); // DialContext(ctx, addr, ...)
        }
        // a plain field path (p.Addr, p.cfg.Target), not an element of a list of peers (p.targets[i]) or a call
        return name != null && !name.isNull()
                && first.matches(Pattern.quote(text(name)) + "(\\s*\\.\\s*[\\p{L}_][\\w]*)+");
    }

    /**
     * True when the struct the method's receiver points to ({@code func (d *Dispatcher)}) declares, in this file, a
     * field of the type the literal builds ({@code client *http.Client}): the receiver already holds the shared one,
     * and the method builds a second one beside it on every call, whatever it configures it with.
     */
    private boolean receiverHolds(SyntaxNode literal, SyntaxNode receiverType) {
        SyntaxNode built = literal.getChildByFieldName("type");
        if (built == null || built.isNull() || receiverType == null || receiverType.isNull()) {
            return false;
        }
        String owner = text(receiverType).replaceAll("^\\*\\s*", "").replaceAll("\\[.*$", "");
        Pattern field = Pattern.compile("^\\*?\\s*" + Pattern.quote(text(built)) + "$");
        SyntaxNode root = Timeouts.root(literal);
        for (int i = 0; i < root.getNamedChildCount(); i++) {
            SyntaxNode decl = root.getNamedChild(i);
            if (!decl.getType().equals("type_declaration")) {
                continue;
            }
            for (int j = 0; j < decl.getNamedChildCount(); j++) {
                SyntaxNode spec = decl.getNamedChild(j);
                SyntaxNode name = spec.getChildByFieldName("name");
                SyntaxNode type = spec.getChildByFieldName("type");
                if (name != null && !name.isNull() && text(name).equals(owner) && type != null && !type.isNull()
                        && type.getType().equals("struct_type") && holdsField(type, field)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the literal is the default of an {@code if x == nil} branch ({@code client := c.HTTPClient; if client
     * == nil { client = &http.Client{...} }}): the held field is the client, and the literal only stands in when the
     * caller gave none (a set's wails diff, 2026-12-06), not a second client beside it.
     */
    private boolean nilDefault(SyntaxNode literal) {
        SyntaxNode branch = TreeSitter.enclosing(literal, Set.of("if_statement", "method_declaration"));
        if (branch == null || !branch.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode condition = branch.getChildByFieldName("condition");
        SyntaxNode consequence = branch.getChildByFieldName("consequence");
        return condition != null && !condition.isNull() && consequence != null && !consequence.isNull()
                && NIL_TEST.matcher(text(condition).strip()).matches()
                && literal.getStartByte() >= consequence.getStartByte()
                && literal.getEndByte() <= consequence.getEndByte();
    }

    /** A test that a value is unset: {@code client == nil}, {@code c.HTTPClient == nil}. */
    private static final Pattern NIL_TEST = Pattern.compile("[\\w.]+\\s*==\\s*nil");

    /** True when a field of the struct type (named or embedded) has a type {@code field} matches. */
    private boolean holdsField(SyntaxNode struct, Pattern field) {
        for (int i = 0; i < struct.getNamedChildCount(); i++) {
            SyntaxNode list = struct.getNamedChild(i);
            for (int j = 0; j < list.getNamedChildCount(); j++) {
                SyntaxNode f = list.getNamedChild(j);
                SyntaxNode type = f.getChildByFieldName("type");
                if (f.getType().equals("field_declaration") && type != null && !type.isNull()
                        && field.matcher(text(type).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code peer: receiver-config}: the call is in a Go method that takes a parameter besides a context (it serves a
     * request) and its arguments read the receiver ({@code p.cfg.Brokers}, {@code h.cfg.URI}) but none of the
     * method's other parameters and no element of a list: the client value builds its own configured client again on
     * every request. So does a literal of a type the receiver's struct already holds a field of ({@link
     * #receiverHolds}), whatever it reads. A function dialling the address it is given, or a method without parameters
     * (a lifecycle step), is not reported. Built in a function that answers an HTTP request
     * ({@link RequestHandlers#answers}), it is per request whatever it reads (session 46: faas-flow#79, a client made
     * in the handler for every message).
     */
    boolean servesFromConfig(SyntaxNode call) {
        if (RequestHandlers.answers(call, src)) {
            return true;
        }
        // a struct literal's fields are its arguments (&http.Client{Timeout: l.timeout})
        SyntaxNode args = call.getChildByFieldName(call.getType().equals("composite_literal") ? "body" : "arguments");
        SyntaxNode method = TreeSitter.enclosing(call, Set.of("method_declaration", "func_literal",
                "function_declaration"));
        if (args == null || args.isNull() || method == null || !method.getType().equals("method_declaration")) {
            return false;
        }
        SyntaxNode receiver = method.getChildByFieldName("receiver");
        SyntaxNode params = method.getChildByFieldName("parameters");
        if (receiver == null || receiver.isNull() || receiver.getNamedChildCount() == 0 || params == null
                || params.isNull()) {
            return false;
        }
        SyntaxNode recv = receiver.getNamedChild(0).getChildByFieldName("name");
        if (recv == null || recv.isNull()) {
            return false;
        }
        String a = text(args);
        boolean readsReceiver = Pattern.compile("(?<![\\w.])" + Pattern.quote(text(recv)) + "\\s*\\.").matcher(a).find()
                && !Pattern.compile("(?<![\\w.])" + Pattern.quote(text(recv)) + "\\s*\\.[\\w.]*\\[").matcher(a).find();
        if (!readsReceiver && (!receiverHolds(call, receiver.getNamedChild(0).getChildByFieldName("type"))
                || nilDefault(call))) {
            return false;
        }
        boolean request = false;
        for (int i = 0; i < params.getNamedChildCount(); i++) {
            SyntaxNode decl = params.getNamedChild(i);
            for (int j = 0; j < decl.getNamedChildCount(); j++) {
                SyntaxNode id = decl.getNamedChild(j);
                if (!id.getType().equals("identifier")) {
                    continue;
                }
                String name = text(id);
                SyntaxNode type = decl.getChildByFieldName("type");
                if (GoTypes.context(name, type == null || type.isNull() ? null : text(type))) {
                    continue;
                }
                request = true;
                if (Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)").matcher(a).find()) {
                    return false; // it connects where the caller says
                }
            }
        }
        return request;
    }
}
