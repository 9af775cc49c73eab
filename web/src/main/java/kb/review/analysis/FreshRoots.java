package kb.review.analysis;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go calls that make a fresh root context without saying {@code context.Background()}: a project's own constructor
 * (Kubernetes' {@code genericapirequest.NewContext()}, a {@code util.BackgroundCtx()}), and a function of the same
 * file whose visible body builds its result from {@code context.Background()} or {@code TODO()} without being given
 * a context (a {@code newTimeoutCtx(d)} helper that wraps {@code context.WithTimeout(context.Background(), d)}). Where
 * the caller's context is in scope, handing either on in its place drops the caller's deadline and cancellation, as
 * {@code context.Background()} does (TMO-02).
 *
 * <p>A constructor of another package is known by its shape: a package's function, called with no argument (a
 * context derived from a parent needs the parent), named for a context ({@code NewContext}, {@code EmptyCtx}), whose
 * result is used as a context (the first argument of a call, Go's place for it, or assigned to a name spelled like
 * one). Zero-argument constructors of other things called "context" (a V8 or ZeroMQ context) are not used that way.
 * Computed once per file.
 */
final class FreshRoots {

    private static final Pattern CONTEXT_NAME = Pattern.compile("^\\w*(?:Context|Ctx)$");
    private static final Pattern CONTEXT_VAR = Pattern.compile("(?i)^\\w*ctx\\w*$|^\\w*context$");
    private static final Pattern ROOT_CALL = Pattern.compile("\\bcontext\\s*\\.\\s*(?:Background|TODO)\\s*\\(");
    private static final Pattern RESULT_CONTEXT = Pattern.compile("^\\(?\\s*(?:\\w+\\s+)?context\\.Context\\b");

    private final byte[] src;
    private final Set<String> imports = new HashSet<>();
    private boolean importsShown;
    private final java.util.Map<String, String> types;
    private final Set<String> rootFunctions = new HashSet<>();
    private final Set<String> rootMethods = new HashSet<>();

    FreshRoots(SyntaxNode root, byte[] src, java.util.Map<String, String> types) {
        this.src = src;
        this.types = types;
        collect(root);
    }

    private String text(SyntaxNode n) {
        return n == null || n.isNull() ? "" : SyntaxNode.text(src, n);
    }

    private void collect(SyntaxNode n) {
        String t = n.getType();
        if (t.equals("import_spec")) {
            importsShown = true;
            SyntaxNode name = n.getChildByFieldName("name");
            String path = text(n.getChildByFieldName("path")).replace("\"", "");
            imports.add(name != null && !name.isNull() ? text(name) : path.substring(path.lastIndexOf('/') + 1));
            return;
        }
        if (t.equals("function_declaration") || t.equals("method_declaration")) {
            SyntaxNode params = n.getChildByFieldName("parameters");
            String result = text(n.getChildByFieldName("result")).strip();
            SyntaxNode body = n.getChildByFieldName("body");
            String name = text(n.getChildByFieldName("name"));
            // a helper that returns a context it built from an empty root, given none to derive from
            if (RESULT_CONTEXT.matcher(result).find() && !text(params).contains("context.Context")
                    && onlyRoots(text(body))) {
                (t.equals("function_declaration") ? rootFunctions : rootMethods).add(name);
            }
            return;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collect(n.getNamedChild(i));
        }
    }

    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\b([^\\n]*)$");

    /**
     * True when the body has a return and each returns a context built from an empty root: the call itself
     * ({@code return context.WithTimeout(context.Background(), d)}) or names that a line of the body assigns from
     * one ({@code ctx, cancel := context.WithCancel(context.TODO())}). A body that may return a context it was given
     * or keeps ({@code return s.ctx}) is not a fresh root.
     */
    private static boolean onlyRoots(String body) {
        var m = RETURN.matcher(body);
        boolean any = false;
        while (m.find()) {
            String value = m.group(1).strip();
            if (ROOT_CALL.matcher(value).find()) {
                any = true;
                continue;
            }
            String first = value.split("[,\\s]", 2)[0];
            if (!first.matches("[A-Za-z_]\\w*") || !Pattern.compile("(?m)^\\s*(?:[\\w\\s,]*[\\s,])?"
                    + Pattern.quote(first) + "\\b[\\w\\s,]*:?=[^\\n]*\\bcontext\\s*\\.\\s*(?:Background|TODO)\\s*\\(")
                    .matcher(body).find()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Whether {@code name} names an imported package: one the file's import block lists, or, when the hunk does not
     * show the block, a lower-case name the visible code does not declare (no parameter, field, var or := of it).
     */
    private boolean aPackage(String name) {
        if (imports.contains(name)) {
            return true;
        }
        if (importsShown && !imports.isEmpty() || types.containsKey(name) || !Character.isLowerCase(name.charAt(0))) {
            return false;
        }
        String q = Pattern.quote(name);
        return !Pattern.compile("(?<![\\w.])" + q + "\\s*(?:,\\s*[\\w\\s,]*)?:=|,\\s*" + q
                + "\\s*(?:,[\\w\\s,]*)?:=|\\bvar\\s+" + q + "\\b|\\brange\\b[^\\n]*\\b" + q + "\\b")
                .matcher(new String(src, java.nio.charset.StandardCharsets.UTF_8)).find();
    }

    /** Whether {@code call} (whose callee text is {@code callee}) makes a fresh root context, as described above. */
    boolean fresh(SyntaxNode call, String callee) {
        if (rootFunctions.contains(callee)) {
            return true;
        }
        int dot = callee.indexOf('.');
        if (dot > 0 && rootMethods.contains(callee.substring(callee.lastIndexOf('.') + 1))) {
            return true; // a method of this file that returns a context built from an empty root
        }
        if (dot <= 0 || callee.indexOf('.', dot + 1) >= 0
                || !CONTEXT_NAME.matcher(callee.substring(dot + 1)).matches()
                || !text(call.getChildByFieldName("arguments")).replaceAll("\\s+", "").equals("()")
                || !aPackage(callee.substring(0, dot))) {
            return false;
        }
        SyntaxNode parent = call.getParent();
        if (parent == null || parent.isNull()) {
            return false;
        }
        if (parent.getType().equals("argument_list")) {
            return parent.getNamedChildCount() > 1 && parent.getNamedChild(0).getStartByte() == call.getStartByte();
        }
        SyntaxNode holder = parent.getParent();
        if (parent.getType().equals("expression_list") && holder != null && !holder.isNull()
                && (holder.getType().equals("short_var_declaration")
                || holder.getType().equals("assignment_statement"))) {
            return CONTEXT_VAR.matcher(text(holder.getChildByFieldName("left")).strip()).matches();
        }
        return false;
    }
}
