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
 *
 * <p>Session 53 (res53): a close the function defers is evidence too when a way out is written between the value and
 * the defer (a status return above {@code defer res.Body.Close()}, an authentication failure above
 * {@code defer sess.Close()}): that return leaves before the defer is registered. The making call's own error or nil
 * check and the failure of the value's own {@code Connect}/{@code Open}/{@code Dial}/{@code Start} are not such a way
 * out (nothing is held there). {@code x.Body.Close()}, plain or deferred (also in a deferred closure), names the value a
 * response ({@link #BODY_MODEL}, RES-02), whichever of a generated client's results ({@code meta, res, err :=}) it is.
 * A deferred close needs only the lines down to it in view: below it every path is covered.
 */
public final class GoHandClosed {

    /** The id RES-01 lists to report these. */
    public static final String ID = "go-closed-by-hand";

    /** The engine's model: no acquiring call (the close itself is the evidence), released by {@code Close()}. */
    public static final Model MODEL = new Model(ID, "go", "resource", "{v}", "closing", List.of(),
            List.of("{v}.Close()"), List.of(), true, "engine:GoHandClosed");

    /** The id RES-02 lists to report a response the function closes by hand ({@code resp.Body.Close()}). */
    public static final String BODY_ID = "go-body-closed-by-hand";

    /**
     * The engine's model of a value whose {@code Body} the function closes itself (session 53): whatever call made
     * it (a project's request helper, a generated client), the author's {@code resp.Body.Close()} says it is an HTTP
     * response whose body holds a connection.
     */
    public static final Model BODY_MODEL = new Model(BODY_ID, "go", "resource", "{v}.Body", "closing", List.of(),
            List.of("{v}.Body.Close()"), List.of(), true, "engine:GoHandClosed");

    private static final Pattern CLOSE = Pattern.compile("\\.Close\\(\\)");

    /** A declaration and the model its later close names. */
    record Candidate(SyntaxNode declaration, String var, Model model, boolean deferred) {
    }
    /** Constructors of wrappers and encoders around a value the caller keeps: their Close frees nothing of their own. */
    private static final Pattern WRAPPER = Pattern.compile(
            "^(?:\\w+\\.)?New\\w*(?:Writer|Reader|Encoder|Decoder|Scanner|Buffer)\\w*$|^(?:bytes|strings|bufio|io)\\.");

    private GoHandClosed() {
    }

    /** True when {@code m} is this model and the file's (lower-cased) text closes something by hand. */
    public static boolean mayAppear(Model m, String lowerText) {
        return m.language().equals("go") && (m.id().equals(ID) && lowerText.contains(".close()")
                || m.id().equals(BODY_ID) && lowerText.contains(".body.close()"));
    }

    /** True when {@code models} asks for these. */
    static boolean wanted(List<Model> models) {
        return models.stream().anyMatch(m -> m.id().equals(ID) || m.id().equals(BODY_ID));
    }

    /**
     * The declarations in {@code function}'s own body ({@code x, err := call(...)}, one call on the right) whose
     * first name is closed by a later statement of that body: a plain {@code x.Close()}, or (session 53) a
     * {@code defer x.Close()} that stands below the declaration's error check, so that an exit between the two leaves
     * before the defer is registered; {@code x.Body.Close()} in either form names the value a response
     * ({@link #BODY_MODEL}). Only models {@code models} asks for are taken; none means the function's graph is not
     * worth building for this.
     */
    static List<Candidate> candidates(SyntaxNode function, byte[] src, List<Model> models) {
        List<Candidate> out = new ArrayList<>();
        boolean plain = models.stream().anyMatch(m -> m.id().equals(ID));
        boolean body = models.stream().anyMatch(m -> m.id().equals(BODY_ID));
        SyntaxNode block = function.getChildByFieldName("body");
        if (block == null || block.isNull() || !CLOSE.matcher(SyntaxNode.text(src, block)).find()) {
            return out;
        }
        SyntaxNode list = block.getNamedChildCount() == 1 && block.getNamedChild(0).getType().equals("statement_list")
                ? block.getNamedChild(0) : block;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            List<String> names = declaredFromCall(s, src);
            if (names.isEmpty()) {
                continue;
            }
            found:
            for (int j = i + 1; j < list.getNamedChildCount(); j++) {
                SyntaxNode later = list.getNamedChild(j);
                String text = SyntaxNode.text(src, later).strip();
                boolean deferred = later.getType().equals("defer_statement");
                if (!deferred && !later.getType().equals("expression_statement")) {
                    continue;
                }
                for (String name : names) {
                    if (name.equals("_")) {
                        continue;
                    }
                    String call = deferred ? deferredCall(text.substring("defer".length()).strip(), name) : text;
                    if (deferred && (call.equals(name + ".Close()") || call.equals(name + ".Body.Close()"))
                            && !exitBetween(list, i, j, name, names, src)) {
                        break found; // deferred with no way out above it but the value's own failure checks
                    }
                    if (plain && names.size() == 1 && call.equals(name + ".Close()")) {
                        out.add(new Candidate(s, name, MODEL, deferred));
                        break found;
                    }
                    if (body && call.equals(name + ".Body.Close()")) {
                        out.add(new Candidate(s, name, BODY_MODEL, deferred));
                        break found;
                    }
                }
            }
        }
        return out;
    }

    /** A way out of the function or of a loop's turn, anywhere in a statement's text. */
    private static final Pattern EXIT = Pattern.compile(
            "\\breturn\\b|\\bpanic\\(|\\bcontinue\\b|\\bbreak\\b|\\bgoto\\b|\\bos\\.Exit\\(|\\.Fatal(?:f|ln)?\\(");

    /**
     * A method whose failure says the value never got hold of anything ({@code if err := h.Connect(); err != nil}):
     * a way out in that branch leaves nothing open (a client handler made unconnected, then connected).
     */
    private static final Pattern OWN_SETUP = Pattern.compile("^(?:Connect|Open|Dial|Start|Listen|Login|Bind|Init)\\w*$");

    /**
     * True when a statement between the declaration at {@code decl} and the deferred close at {@code close} may leave
     * the function or the turn, other than the failure checks of the call that made the value (its error, the
     * value's nil) and of the value's own connect or open.
     */
    private static boolean exitBetween(SyntaxNode list, int decl, int close, String name, List<String> names,
                                       byte[] src) {
        for (int k = decl + 1; k < close; k++) {
            SyntaxNode st = list.getNamedChild(k);
            String text = SyntaxNode.text(src, st);
            if (!EXIT.matcher(text).find()) {
                continue;
            }
            if (st.getType().equals("if_statement") && ownFailure(st, name, src)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** True for {@code if err != nil}, {@code if x == nil} or {@code if err := x.Connect(); err != nil} (no else). */
    private static boolean ownFailure(SyntaxNode st, String name, byte[] src) {
        if (st.getChildByFieldName("alternative") != null && !st.getChildByFieldName("alternative").isNull()) {
            return false;
        }
        SyntaxNode cond = st.getChildByFieldName("condition");
        String c = cond == null || cond.isNull() ? "" : SyntaxNode.text(src, cond).strip();
        SyntaxNode init = st.getChildByFieldName("initializer");
        String i = init == null || init.isNull() ? "" : SyntaxNode.text(src, init).strip();
        if (i.isEmpty()) {
            return c.matches("\\w*(?:err|Err)\\w* != nil|" + Pattern.quote(name) + " == nil|nil == " + Pattern.quote(name)
                    + "|\\w*(?:err|Err)\\w* != nil \\|\\| " + Pattern.quote(name) + " == nil");
        }
        java.util.regex.Matcher m = Pattern.compile("^(\\w+) := " + Pattern.quote(name) + "\\.(\\w+)\\(").matcher(i);
        return m.find() && OWN_SETUP.matcher(m.group(2)).matches() && c.equals(m.group(1) + " != nil");
    }

    /**
     * The close a deferred statement runs: the call itself, or the one close of {@code name} a deferred closure makes
     * ({@code defer func() { _ = resp.Body.Close() }()}).
     */
    private static String deferredCall(String deferred, String name) {
        java.util.regex.Matcher m = Pattern.compile("^func\\(\\)\\s*\\{[^{}]*?\\b(" + Pattern.quote(name)
                + "\\.(?:Body\\.)?Close\\(\\))[^{}]*\\}\\(\\)$").matcher(deferred);
        return m.find() ? m.group(1) : deferred;
    }

    /**
     * The names a {@code :=} of one call declares ({@code _} kept in its place), the error last left out ({@code res, err :=}; {@code meta, res,
     * err :=} of a generated client), unless the call builds a wrapper; else none.
     */
    private static List<String> declaredFromCall(SyntaxNode s, byte[] src) {
        if (!s.getType().equals("short_var_declaration")) {
            return List.of();
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        int count = left.getNamedChildCount();
        if (count < 1 || count > 3 || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")) {
            return List.of();
        }
        String callee = SyntaxNode.text(src, right.getNamedChild(0).getChildByFieldName("function")).strip();
        if (WRAPPER.matcher(callee).find()) {
            return List.of();
        }
        if (count >= 2
                && !GoAcquisitions.ERR_NAME.matcher(SyntaxNode.text(src, left.getNamedChild(count - 1)).strip()).matches()) {
            return List.of(); // a last result that is not an error (a map's ok, a count): not an acquisition's shape
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, count - 1); i++) {
            out.add(SyntaxNode.text(src, left.getNamedChild(i)).strip());
        }
        return out.stream().allMatch("_"::equals) ? List.of() : out;
    }

    /** The acquisitions of {@code cfg} for the {@link #candidates} of its function, at the declarations' nodes. */
    static List<Acquisition> acquisitions(List<Candidate> candidates, Cfg cfg, byte[] src) {
        List<Acquisition> out = new ArrayList<>();
        for (Candidate c : candidates) {
            SyntaxNode declaration = c.declaration();
            SyntaxNode left = declaration.getChildByFieldName("left");
            String var = c.var();
            int count = left.getNamedChildCount();
            String err = count >= 2 ? SyntaxNode.text(src, left.getNamedChild(count - 1)).strip() : null;
            int line = declaration.getStartPoint().getRow() + 1;
            for (Node n : cfg.nodes()) {
                if (n.kind == Cfg.Kind.STMT && n.line == line && n.text().contains(var)
                        && n.text().contains(":=")) {
                    out.add(new Acquisition(n, var, err, c.model(), false));
                    break;
                }
            }
        }
        return out;
    }
}
