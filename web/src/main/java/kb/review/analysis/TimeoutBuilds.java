package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.List;
import kb.review.diff.SyntaxNode;

/**
 * Which construction a {@link TimeoutModel} describes: a node of the tree-sitter tree (a call, a constructor, a struct
 * literal or a name) matched against the models' build entries by its callee or type and, where an entry says so, its
 * arguments. What {@link Timeouts} checks for a timeout and {@link PerCall} checks for being made per call.
 */
final class TimeoutBuilds {

    private TimeoutBuilds() {
    }

    /** A construction a model describes: the entry and the way it matched. */
    record Built(TimeoutModel model, TimeoutModel.Build build) {
    }

    /** The model entry whose construction {@code n} is, or null: a call, a constructor, a literal or a name. */
    static Built match(SyntaxNode n, byte[] src, List<TimeoutModel> models) {
        TimeoutModel.Via via = switch (n.getType()) {
            case "call_expression", "method_invocation" -> TimeoutModel.Via.CALL;
            case "object_creation_expression" -> TimeoutModel.Via.NEW;
            case "composite_literal" -> TimeoutModel.Via.LITERAL;
            case "selector_expression", "field_access" -> TimeoutModel.Via.NAME;
            default -> null;
        };
        if (via == null || !uses(models, via)) {
            return null; // most nodes: no text is cut out for them
        }
        String key;
        SyntaxNode args = null;
        switch (n.getType()) {
            case "call_expression" -> {
                key = text(src, n.getChildByFieldName("function"));
                args = n.getChildByFieldName("arguments");
            }
            case "method_invocation" -> {
                SyntaxNode object = n.getChildByFieldName("object");
                key = (object.isNull() ? "" : text(src, object) + ".") + text(src, n.getChildByFieldName("name"));
                args = n.getChildByFieldName("arguments");
            }
            case "object_creation_expression" -> {
                key = text(src, n.getChildByFieldName("type"));
                key = key.indexOf('<') < 0 ? key : key.substring(0, key.indexOf('<'));
                args = n.getChildByFieldName("arguments");
            }
            case "composite_literal" -> key = text(src, n.getChildByFieldName("type"));
            default -> key = text(src, n);
        }
        // the arguments (with the function's contexts named ctx, which reads its declarations) are cut out only for
        // an entry whose callee or type matched: most calls match none
        String argText = null;
        for (TimeoutModel m : models) {
            for (TimeoutModel.Build b : m.builds()) {
                if (b.via() != via || !Finds.in(b.pattern(), key)) {
                    continue;
                }
                if (b.args() != null && argText == null) {
                    argText = arguments(n, src, args);
                }
                if ((b.args() == null || b.args().matcher(argText).find())
                        && (b.receiverType() == null || receiverTyped(n, src, b))) {
                    return new Built(m, b);
                }
            }
        }
        return null;
    }

    private static String arguments(SyntaxNode n, byte[] src, SyntaxNode args) {
        String argText = args == null || args.isNull() ? "" : text(src, args);
        if (n.getType().equals("call_expression") && !argText.isEmpty()) {
            argText = GoTypes.contextsAsCtx(argText, GoTypes.of(n, src)) + spreadOptions(n, src, argText);
        }
        return argText;
    }

    /** A Go call's last argument spread from a slice: {@code grpc.Dial(addr, opts...)}; group 1 the slice. */
    private static final java.util.regex.Pattern SPREAD = java.util.regex.Pattern.compile(
            "(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\.\\.\\s*,?\\s*\\)\\s*$");

    /**
     * For a Go call whose options come spread from a local slice ({@code opts := []grpc.DialOption{grpc.WithBlock()}},
     * {@code opts = append(opts, ...)}, then {@code grpc.DialContext(ctx, addr, opts...)}), the text of what the
     * enclosing function puts in that slice above the call, after a space, so that an entry's {@code args} reads the
     * options wherever they were assembled; empty for any other call.
     */
    private static String spreadOptions(SyntaxNode n, byte[] src, String argText) {
        java.util.regex.Matcher s = SPREAD.matcher(argText);
        if (!s.find()) {
            return "";
        }
        SyntaxNode f = n.getParent();
        while (f != null && !f.isNull() && !f.getType().equals("function_declaration")
                && !f.getType().equals("method_declaration") && !f.getType().equals("func_literal")) {
            f = f.getParent();
        }
        if (f == null || f.isNull()) {
            return "";
        }
        String body = new String(src, f.getStartByte(), n.getStartByte() - f.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher put = java.util.regex.Pattern.compile("(?<![\\w.])" + s.group(1)
                + "\\s*(?:\\[\\]\\s*[\\w.]+\\s*)?:?=(?!=)").matcher(body);
        StringBuilder out = new StringBuilder();
        while (put.find()) {
            int depth = 0;
            int i = put.end();
            for (; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == '\n' && depth <= 0) {
                    break;
                }
            }
            out.append(' ').append(body, put.end(), i);
        }
        return out.toString();
    }

    /**
     * True when the receiver of the Java call {@code n} is a name ({@code client}, {@code this.client}) whose declared
     * type matches the entry's {@code receiver-type}; false for any other receiver (a call's result, an undeclared name).
     */
    private static boolean receiverTyped(SyntaxNode n, byte[] src, TimeoutModel.Build b) {
        if (!n.getType().equals("method_invocation")) {
            return false;
        }
        SyntaxNode object = n.getChildByFieldName("object");
        while (!object.isNull() && object.getType().equals("method_invocation")) {
            object = object.getChildByFieldName("object"); // builder.rootUri(u).build(): the builder at the root
        }
        if (object.isNull()) {
            return false;
        }
        String name = text(src, object).replaceFirst("^this\\s*\\.\\s*", "");
        if (!name.matches("[\\w$]+")) {
            return false;
        }
        String type = Declared.type(Timeouts.root(n), src, name, n.getStartByte());
        if (type == null) {
            type = assignedType(src, name, n.getStartByte());
        }
        return type != null && b.receiverType().matcher(type).find();
    }

    /**
     * The type of {@code name} read from its last assignment above {@code before} when its declaration is not in
     * sight (a field declared outside the hunk): a cast ({@code (ChannelExec) s.openChannel(..)}), a constructor
     * ({@code new Session(..)}), or a factory named for what it makes ({@code jsch.getSession(..)}, {@code
     * openChannel}, {@code createClient}: the type after get/open/create/new). Null when no such assignment is
     * visible: the receiver's type is then unknown and the entry does not match.
     */
    static String assignedType(byte[] src, String name, int before) {
        String text = new String(src, 0, Math.min(before, src.length), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w$.])(?:this\\s*\\.\\s*)?"
                + java.util.regex.Pattern.quote(name) + "\\s*(?<![=!<>+\\-*/&|^%])=(?!=)\\s*"
                + "(?:\\(\\s*([\\w.]+)\\s*\\)\\s*[\\w$]|new\\s+([\\w.]+)"
                + "|[\\w$.]+\\s*\\.\\s*(?:get|open|create|new)([A-Z][\\w$]*)\\s*\\()").matcher(text);
        String type = null;
        while (m.find()) {
            type = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        }
        return type;
    }

    /**
     * The calls made on a typed builder below its {@code build()} ({@code builder.setConnectTimeout(d).build()}), as
     * pairs of method name and argument node, innermost last; empty for other constructions, whose configuring calls
     * sit above them in the chain.
     */
    static List<SyntaxNode[]> below(SyntaxNode built, TimeoutModel.Build b) {
        List<SyntaxNode[]> out = new java.util.ArrayList<>();
        if (b.receiverType() == null || !built.getType().equals("method_invocation")) {
            return out;
        }
        for (SyntaxNode o = built.getChildByFieldName("object"); !o.isNull() && o.getType().equals("method_invocation");
             o = o.getChildByFieldName("object")) {
            out.add(new SyntaxNode[] {o.getChildByFieldName("name"), o.getChildByFieldName("arguments")});
        }
        return out;
    }

    private static boolean uses(List<TimeoutModel> models, TimeoutModel.Via via) {
        for (TimeoutModel m : models) {
            for (TimeoutModel.Build b : m.builds()) {
                if (b.via() == via) {
                    return true;
                }
            }
        }
        return false;
    }
}
