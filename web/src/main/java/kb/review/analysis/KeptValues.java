package kb.review.analysis;

import static kb.review.analysis.PerCall.NAMED;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * For the built-per-call analysis ({@link PerCall}): whether a client or pool built in a function outlives the call
 * (returned, or held by a field, a package variable, a struct or a channel), and, when it does, whether what keeps
 * it is itself a factory that per-call code calls (a provider, a function literal kept in a field). Apart from the
 * walk that finds constructions because these are readings of one function's text, each a regex over its body.
 */
final class KeptValues {

    private final byte[] src;
    private final boolean go;
    private final Timeouts helper;
    private final OneTimeContexts once;
    /** How deep {@link #kept} follows a value into the literals that hold it. */
    private int literalDepth;

    KeptValues(byte[] src, boolean go, Timeouts helper, OneTimeContexts once) {
        this.src = src;
        this.go = go;
        this.helper = helper;
        this.once = once;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** The value outlives the call: returned, or held by a field, a package variable or a struct. */
    boolean kept(SyntaxNode top, TimeoutModel model) {
        SyntaxNode p = top.getParent();
        String pt = p.getType();
        if (pt.equals("return_statement") || pt.equals("expression_list")
                && p.getParent().getType().equals("return_statement") || pt.equals("keyed_element")
                || pt.equals("literal_element") || pt.equals("send_statement")) {
            return true;
        }
        String holder = helper.holder(top);
        if (holder == null) {
            return false;
        }
        if (holder.contains(".") || holder.contains("[")) {
            return true; // a field, a map entry
        }
        SyntaxNode function = Timeouts.function(top);
        if (function.getParent().isNull() && (go || !CutMethodBodies.inCutBody(top, src))) {
            return true; // declared at package or class level (not among a cut method's statements)
        }
        String v = Pattern.quote(holder);
        // a builder's product is the value: 'return b.build()' returns what 'b' builds
        // code only: a log line or a comment that names the value ("pool = executor;") neither declares nor keeps it
        String body = CodeText.code(text(function)).replaceAll("(?<![\\w.$])" + v + "\\s*\\.\\s*build\\s*\\(\\s*\\)",
                java.util.regex.Matcher.quoteReplacement(holder));
        if (!declaredIn(body, v)) {
            return true; // assigned to a field or package variable declared elsewhere
        }
        // copied from the local into a field or package variable declared elsewhere ('pool = executor;')
        java.util.regex.Matcher copy = Pattern.compile("(?<![\\w.$])([\\w$]+)\\s*=\\s*" + v + "\\s*;").matcher(body);
        while (copy.find()) {
            if (!declaredIn(body, Pattern.quote(copy.group(1)))) {
                return true;
            }
        }
        if (go && !holder.contains(".") && capturedByReturnedLiteral(function, holder)) {
            return true; // the function hands back a closure over the value: it is built once per closure made
        }
        if (!go && ReturnedOwners.returnsOwner(function, holder, model.uses(), src)
                || go && GoReturnedOwners.handsBack(function, holder, src)) {
            return true;
        }
        String intoLiteral = "|[\\w$]+\\s*:\\s*&?" + v + "\\s*[,}\\n]";
        if (go && literalDepth < 4) {
            // Go: written into a struct held by a local, the value is kept exactly when that struct is (a struct
            // handed straight to a call may be kept by the callee, as before)
            List<SyntaxNode> literals = LiteralHolders.of(function, holder, src);
            if (!literals.isEmpty()) {
                literalDepth++;
                try {
                    if (literals.stream().anyMatch(l -> helper.holder(l) == null || kept(l, model))) {
                        return true;
                    }
                } finally {
                    literalDepth--;
                }
                intoLiteral = "";
            }
        }
        return Pattern.compile((go ? "(?m)\\breturn\\b[^\\n;]*(?<![\\w.$])" + v + "(?![\\w$.(\\[])|" : "")
                + "[\\w\\])]\\s*\\.\\s*[\\w$]+\\s*=\\s*&?" + v + "(?![\\w$(.])"
                + "|\\]\\s*=\\s*&?" + v + "(?![\\w$(.])" // a map or slice entry: a cache by key
                + intoLiteral
                + "|<-\\s*" + v + "(?![\\w$])").matcher(body).find();
    }

    /**
     * Go: true when {@code function} returns a function literal that uses the local {@code holder}
     * ({@code client := http.Client{...}} then {@code return func() (io.ReadCloser, error) { client.Get(uri) ... }}).
     * The literal is what runs per call (a scrape, a request); the value it closes over is made once for each literal
     * the function makes, as a returned value is made once for each caller's call, so whether that is per call is the
     * caller's question. A literal that builds its own client inside is read on its own (the construction's function
     * is then the literal, which returns nothing that closes over it).
     */
    private boolean capturedByReturnedLiteral(SyntaxNode n, String holder) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("func_literal")) {
                continue; // a literal's own returns are its own
            }
            if (c.getType().equals("return_statement")) {
                SyntaxNode values = c.getNamedChildCount() == 0 ? null : c.getNamedChild(0);
                if (values != null && values.getType().equals("expression_list")) {
                    for (int j = 0; j < values.getNamedChildCount(); j++) {
                        SyntaxNode v = values.getNamedChild(j);
                        if (v.getType().equals("func_literal") && SyntaxNode.mentions(src, v, holder)) {
                            return true;
                        }
                    }
                } else if (values != null && values.getType().equals("func_literal")
                        && SyntaxNode.mentions(src, values, holder)) {
                    return true;
                }
                continue;
            }
            if (capturedByReturnedLiteral(c, holder)) {
                return true;
            }
        }
        return false;
    }

    private boolean declaredIn(String body, String v) {
        if (go) {
            return goDeclaredIn(body, v);
        }
        // Java: a type (or its generic or array end) before the name; a statement keyword there is not a type:
        // 'return client;' hands back a field, it declares nothing (a lazy getter that builds into a local builder,
        // stores the product in a field and returns the field)
        java.util.regex.Matcher d = Pattern.compile("([\\w$]+|[>\\]])\\s+" + v + "\\s*[=;:,)]").matcher(body);
        while (d.find()) {
            if (!STATEMENT_KEYWORDS.contains(d.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go: the body declares the name ({@code v} quoted): {@code v :=} (maybe beside others), {@code var v}, or a
     * parameter. A name assigned without being declared is a package variable or a named result.
     */
    static boolean goDeclaredIn(String body, String v) {
        return Pattern.compile("(?<![\\w.])" + v + "\\s*(,\\s*[\\w]+\\s*)*:=|\\bvar\\s+" + v
                + "\\b|[(,]\\s*" + v + "(\\s*,\\s*\\w+)*\\s+[*\\[\\]\\w.]+\\s*[,)]"
                + "|,\\s*" + v + "\\s*:=").matcher(body).find();
    }

    /** Java keywords that may stand right before an expression: the name after them is used, not declared. */
    static final Set<String> STATEMENT_KEYWORDS = Set.of("return", "throw", "yield", "case", "assert", "else",
            "new", "instanceof");

    /** The line of the per-call use the last {@link #providedPerCall} found, or -1. */
    int lastPerCallUse = -1;

    /** A value returned (not stored) by a provider that per-call code in this file calls: see {@link Providers}. */
    String providedPerCall(SyntaxNode top) {
        lastPerCallUse = -1;
        SyntaxNode p = top.getParent();
        String holder = helper.holder(top);
        SyntaxNode fn = Timeouts.function(top);
        boolean returned = p.getType().equals("return_statement") || p.getType().equals("expression_list")
                && p.getParent().getType().equals("return_statement")
                || holder != null && !holder.contains(".") && Pattern.compile("\\breturn\\s+" + Pattern.quote(holder)
                + "\\b").matcher(text(fn)).find() && !Pattern.compile("[.\\]]\\w*\\s*=\\s*&?"
                + Pattern.quote(holder) + "\\b|:\\s*&?" + Pattern.quote(holder) + "\\b").matcher(text(fn)).find()
                // Go: a local written into the literal the return hands back (`tr := &http.Transport{...}` then
                // `return &http.Client{Transport: tr}, nil`): the client returned owns it (session 35, res35)
                || go && holder != null && !holder.contains(".") && Pattern.compile("(?m)\\breturn\\b[^\\n]*:\\s*&?"
                + Pattern.quote(holder) + "\\b").matcher(text(fn)).find() && !Pattern.compile("[.\\]]\\w*\\s*=\\s*&?"
                + Pattern.quote(holder) + "\\b").matcher(text(fn)).find();
        if (!returned || !NAMED.contains(fn.getType()) || once.oneTime(fn) || lazilyBuilt(fn, holder)) {
            return null;
        }
        String name = text(fn.getChildByFieldName("name"));
        int line = Providers.perCallUse(once, Timeouts.root(top), name, fn);
        lastPerCallUse = line > 0 && ownFactory(fn, holder) ? line : -1;
        return line < 0 ? null : "in " + name + ", a provider that per-call code calls at line " + line
                + ": a new one for every request";
    }

    private static final Pattern PRIVATE = Pattern.compile("\\bprivate\\b");

    /**
     * A provider that is the file's own factory: private (Java) or unexported (Go), and handing back a value it made
     * for the caller, not one it keeps in a field. Its per-call caller is the defect, and the call is where the
     * change makes a client per request (blind rounds 20, 35 and 74 name that line). A provider other code may call
     * (a public accessor such as {@code Db()} or {@code buildClient(context)}) or one that rebuilds a field it hands
     * out is the defect itself, named at its construction (rounds 8, 27 and 59).
     */
    private boolean ownFactory(SyntaxNode fn, String holder) {
        String name = text(fn.getChildByFieldName("name"));
        boolean own;
        if (go) {
            own = !name.isEmpty() && Character.isLowerCase(name.charAt(0));
        } else {
            SyntaxNode modifiers = null;
            for (int i = 0; i < fn.getNamedChildCount(); i++) {
                if (fn.getNamedChild(i).getType().equals("modifiers")) {
                    modifiers = fn.getNamedChild(i);
                }
            }
            own = modifiers != null && PRIVATE.matcher(text(modifiers)).find();
        }
        return own && (holder == null || !holder.contains(".")
                && declaredIn(CodeText.code(text(fn)), Pattern.quote(holder)));
    }

    /**
     * A lazy getter: the value is stored in a field or package variable (not declared in the function) that the
     * function tests against null or nil before building ({@code if (client == null) client = ...; return client;},
     * {@code if (shared != null) return shared;}, double-checked locking). Its callers get the one value built by the
     * first call, not a new one per call.
     */
    private boolean lazilyBuilt(SyntaxNode fn, String holder) {
        if (holder == null) {
            return false;
        }
        String body = CodeText.code(text(fn));
        String h = Pattern.quote(holder);
        if (declaredIn(body, h)) {
            return false;
        }
        return Pattern.compile("(?<![\\w$.])(?:this\\.)?" + h + "\\s*[!=]=\\s*(?:null|nil)\\b"
                + "|\\b(?:null|nil)\\s*[!=]=\\s*(?:this\\.)?" + h + "(?![\\w$])").matcher(body).find();
    }

    /**
     * Go: the value is returned by a function literal kept in a struct field ({@code client: func() *http.Client {
     * return &http.Client{...} }}, or {@code s.newClient = func() ...}) that code of the file calls per request
     * ({@code t.client().Get(u)} in a method that is not one-time): the literal is a factory, and each call of the
     * field builds a new client. A literal nothing visible calls, or calls only from one-time code, is left as kept.
     * Null when it is not such a factory.
     */
    String storedFactory(SyntaxNode top) {
        SyntaxNode p = top.getParent();
        boolean returned = p.getType().equals("return_statement") || p.getType().equals("expression_list")
                && p.getParent().getType().equals("return_statement");
        SyntaxNode literal = Timeouts.function(top);
        if (!returned || !literal.getType().equals("func_literal")) {
            return null;
        }
        String field = null;
        SyntaxNode holder = literal.getParent();
        if (holder.getType().equals("literal_element") && holder.getParent().getType().equals("keyed_element")) {
            SyntaxNode keyed = holder.getParent();
            SyntaxNode key = keyed.getNamedChildCount() == 2 ? keyed.getNamedChild(0) : null;
            field = key == null || key == holder ? null : text(key).strip();
        } else if (holder.getType().equals("expression_list")
                && holder.getParent().getType().equals("assignment_statement")) {
            SyntaxNode left = holder.getParent().getChildByFieldName("left");
            if (left != null && !left.isNull() && left.getNamedChildCount() == 1
                    && left.getNamedChild(0).getType().equals("selector_expression")) {
                field = text(left.getNamedChild(0).getChildByFieldName("field"));
            }
        }
        if (field == null || !field.matches("[\\p{L}_][\\w]*")) {
            return null;
        }
        for (SyntaxNode c : once.calls(Timeouts.root(top))) {
            SyntaxNode fn = c.getChildByFieldName("function");
            if (fn == null || fn.isNull() || !fn.getType().equals("selector_expression")
                    || !text(fn.getChildByFieldName("field")).equals(field)) {
                continue;
            }
            SyntaxNode caller = TreeSitter.enclosing(c, Set.of("function_declaration", "method_declaration"));
            if (caller == null || once.oneTime(caller) || text(caller.getChildByFieldName("name")).startsWith("New")
                    || once.oneTimeCall(c)) {
                continue;
            }
            return "in the function literal kept in the field `" + field + "` (line "
                    + (literal.getStartPoint().getRow() + 1) + "), which " + text(caller.getChildByFieldName("name"))
                    + " calls at line " + (c.getStartPoint().getRow() + 1) + ": a new one on every call";
        }
        return null;
    }
}
