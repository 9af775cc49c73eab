package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.diff.SyntaxNode;

/**
 * Go locals the function itself closes by hand, whatever their type: {@code client, err := r.dial()} ... {@code
 * client.Close()} (Go's form of {@link HandClosed}). No library model names a project's own client, session or
 * handle, but the author's own {@code Close()} says the value holds something; written as a plain statement after the
 * work rather than deferred right after the error check, every {@code return} between the two skips it (RES-01: "every
 * path, including early returns and errors, must release"). Only the shape "declared from a call with {@code :=} in a
 * function's own body, closed by a plain statement later in that same body" is taken: a close inside an {@code if} or
 * a loop says the author already chose when it runs. Wrappers built around another value ({@code gzip.NewWriter(f)},
 * {@code csv.NewReader(r)}), whose Close frees nothing of their own, are left alone, and so is a value a library
 * model tracks. Findings are never sure: the type is unknown.
 */
public final class GoHandClosed {

    /** The id RES-01 lists to report these. */
    public static final String ID = "go-closed-by-hand";

    /** The engine's model: no acquiring call (the close itself is the evidence), released by {@code Close()}. */
    public static final Model MODEL = new Model(ID, "go", "resource", "{v}", "closing", List.of(),
            List.of("{v}.Close()"), List.of(), true, "engine:GoHandClosed");

    private static final Pattern CLOSE = Pattern.compile("\\.Close\\(\\)");
    /** Constructors of wrappers and encoders around a value the caller keeps: their Close frees nothing of their own. */
    private static final Pattern WRAPPER = Pattern.compile(
            "^(?:\\w+\\.)?New\\w*(?:Writer|Reader|Encoder|Decoder|Scanner|Buffer)\\w*$|^(?:bytes|strings|bufio|io)\\.");

    private GoHandClosed() {
    }

    /** True when {@code m} is this model and the file's (lower-cased) text closes something by hand. */
    public static boolean mayAppear(Model m, String lowerText) {
        return m.id().equals(ID) && m.language().equals("go") && lowerText.contains(".close()");
    }

    /** True when {@code models} asks for these. */
    static boolean wanted(List<Model> models) {
        return models.stream().anyMatch(m -> m.id().equals(ID));
    }

    /**
     * The declarations in {@code function}'s own body ({@code x, err := call(...)}, one call on the right) whose
     * first name is closed by a plain {@code x.Close()} statement later in that body; none means the function's graph
     * is not worth building for this.
     */
    static List<SyntaxNode> candidates(SyntaxNode function, byte[] src) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode body = function.getChildByFieldName("body");
        if (body == null || body.isNull() || !CLOSE.matcher(SyntaxNode.text(src, body)).find()) {
            return out;
        }
        SyntaxNode list = body.getNamedChildCount() == 1 && body.getNamedChild(0).getType().equals("statement_list")
                ? body.getNamedChild(0) : body;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            String name = declaredFromCall(s, src);
            if (name == null) {
                continue;
            }
            for (int j = i + 1; j < list.getNamedChildCount(); j++) {
                SyntaxNode later = list.getNamedChild(j);
                if (later.getType().equals("expression_statement")
                        && SyntaxNode.text(src, later).strip().equals(name + ".Close()")) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** The first name a {@code :=} of one call declares, unless the call builds a wrapper; else null. */
    private static String declaredFromCall(SyntaxNode s, byte[] src) {
        if (!s.getType().equals("short_var_declaration")) {
            return null;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left.getNamedChildCount() < 1 || left.getNamedChildCount() > 2 || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")) {
            return null;
        }
        String callee = SyntaxNode.text(src, right.getNamedChild(0).getChildByFieldName("function")).strip();
        String name = SyntaxNode.text(src, left.getNamedChild(0)).strip();
        if (name.equals("_") || WRAPPER.matcher(callee).find()) {
            return null;
        }
        if (left.getNamedChildCount() == 2
                && !GoAcquisitions.ERR_NAME.matcher(SyntaxNode.text(src, left.getNamedChild(1)).strip()).matches()) {
            return null; // a second result that is not an error (a map's ok, a count): not an acquisition's shape
        }
        return name;
    }

    /** The acquisitions of {@code cfg} for the {@link #candidates} of its function, at the declarations' nodes. */
    static List<Acquisition> acquisitions(List<SyntaxNode> candidates, Cfg cfg, byte[] src) {
        List<Acquisition> out = new ArrayList<>();
        for (SyntaxNode declaration : candidates) {
            SyntaxNode left = declaration.getChildByFieldName("left");
            String var = SyntaxNode.text(src, left.getNamedChild(0)).strip();
            String err = left.getNamedChildCount() == 2 ? SyntaxNode.text(src, left.getNamedChild(1)).strip() : null;
            int line = declaration.getStartPoint().getRow() + 1;
            for (Node n : cfg.nodes()) {
                if (n.kind == Cfg.Kind.STMT && n.line == line && n.text().contains(var)
                        && n.text().contains(":=")) {
                    out.add(new Acquisition(n, var, err, MODEL, false));
                    break;
                }
            }
        }
        return out;
    }
}
