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
                key = text(src, n.getChildByFieldName("type")).replaceAll("<.*", "");
                args = n.getChildByFieldName("arguments");
            }
            case "composite_literal" -> key = text(src, n.getChildByFieldName("type"));
            default -> key = text(src, n);
        }
        String argText = args == null || args.isNull() ? "" : text(src, args);
        if (n.getType().equals("call_expression") && !argText.isEmpty()) {
            argText = GoTypes.contextsAsCtx(argText, GoTypes.of(n, src));
        }
        for (TimeoutModel m : models) {
            for (TimeoutModel.Build b : m.builds()) {
                if (b.via() == via && b.pattern().matcher(key).find()
                        && (b.args() == null || b.args().matcher(argText).find())) {
                    return new Built(m, b);
                }
            }
        }
        return null;
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
