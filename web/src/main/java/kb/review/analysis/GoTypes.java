package kb.review.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import kb.review.diff.SyntaxNode;

/**
 * Declared types in a Go file, by name: parameters, struct fields, {@code var} declarations and variables
 * initialised from a composite literal ({@code c := &http.Client{...}}). Names are not scoped: the last
 * declaration wins, which is enough to tell an {@code *http.Client} from a {@code *redis.Client}. A variable
 * initialised by a standard constructor whose one result has a fixed type ({@code exec.Command}) has that type, so a
 * model keyed on the type does not depend on the variable's name; so has the result of a call whose results are
 * fixed by convention or by the API ({@link #results}).
 */
final class GoTypes {

    private GoTypes() {
    }

    /** Standard-library functions with one result, by the type (pointer star dropped) of what they return. */
    private static final Map<String, String> CONSTRUCTED = Map.of(
            "exec.Command", "exec.Cmd",
            "exec.CommandContext", "exec.Cmd");

    /** The last file's answer, per thread: the rules of one file ask for the same tree several times in a row. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /** The declared types of the file's names; the map is shared, callers must not change it. */
    static Map<String, String> declared(SyntaxNode root, byte[] src) {
        Object[] last = LAST.get();
        if (last != null && last[0] == root && last[1] == src) {
            @SuppressWarnings("unchecked")
            Map<String, String> known = (Map<String, String>) last[2];
            return known;
        }
        Map<String, String> out = new HashMap<>();
        walk(root, src, out);
        Map<String, String> shared = Collections.unmodifiableMap(out);
        // A one-entry memo per thread, checked by identity: it holds the last file only, so it stays bounded, and a
        // stale entry is never read for another file.
        // kb:ignore CONC-04 -- bounded one-file memo, see above
        LAST.set(new Object[] {root, src, shared});
        return shared;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*(?![\\w(])");

    /**
     * {@code arguments} with every name whose declared type is {@code context.Context} written {@code ctx}: the
     * library models say "a context comes first" as {@code ctx}, the way the packages' documentation writes it, and
     * a context called {@code parent} or {@code c} is the same context. Other text is kept as it is.
     */
    static String contextsAsCtx(String arguments, Map<String, String> types) {
        if (arguments.isEmpty() || types.isEmpty() || !types.containsValue("context.Context")) {
            return arguments;
        }
        java.util.regex.Matcher m = NAME.matcher(arguments);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "context.Context".equals(types.get(m.group())) ? "ctx"
                    : java.util.regex.Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The declared types of the Go file that holds {@code n}. */
    static Map<String, String> of(SyntaxNode n, byte[] src) {
        SyntaxNode root = n;
        while (root.getParent() != null && !root.getParent().isNull()) {
            root = root.getParent();
        }
        return declared(root, src);
    }

    /** Methods that begin a transaction on a database or connection and return it with an error. */
    private static final java.util.regex.Pattern BEGIN = java.util.regex.Pattern.compile("^(Begin|BeginTx|Beginx|BeginTxx)$");
    /** Context derivations of the context package: the first result is a context, whatever its name. */
    private static final java.util.regex.Pattern DERIVE = java.util.regex.Pattern.compile(
            "^context\\.With(Cancel|CancelCause|Timeout|TimeoutCause|Deadline|DeadlineCause|Value|outCancel)$");

    /**
     * The first name of a two-value assignment from one call, by how it was obtained, not by what it is called: the
     * first result of a {@code Begin}/{@code BeginTx} on a database or connection is a transaction, of a
     * {@code context.With...} a context, of {@code os.Create}/{@code OpenFile} a file. A blank {@code _} is no name.
     */
    private static void results(SyntaxNode left, SyntaxNode call, byte[] src, Map<String, String> out) {
        if (!call.getType().equals("call_expression")) {
            return;
        }
        String first = SyntaxNode.text(src, left.getNamedChild(0));
        SyntaxNode fn = call.getChildByFieldName("function");
        String function = fn == null || fn.isNull() ? "" : SyntaxNode.text(src, fn).replaceAll("\\s+", "");
        String method = function.substring(function.lastIndexOf('.') + 1);
        if (first.equals("_") || left.getNamedChildCount() != 2) {
            return;
        }
        if (DERIVE.matcher(function).matches()) {
            out.put(first, "context.Context");
        } else if (OPENS_FILE.matcher(function).matches()) {
            out.put(first, "os.File");
        } else if (BEGIN.matcher(method).matches() && function.contains(".")) {
            String receiver = function.substring(0, function.lastIndexOf('.'));
            String type = out.get(receiver.substring(receiver.lastIndexOf('.') + 1));
            if (type == null || type.matches(".*(^|\\.)(DB|Conn)$")) {
                out.put(first, method.equals("Beginx") || method.equals("BeginTxx") ? "sqlx.Tx" : "sql.Tx");
            }
        }
    }

    /** Functions whose first of two results is an {@code *os.File}. */
    private static final java.util.regex.Pattern OPENS_FILE = java.util.regex.Pattern.compile(
            "^(?:os\\.(?:Create|CreateTemp|Open|OpenFile)|ioutil\\.TempFile)$");

    /**
     * A single-result {@code Begin}/{@code BeginTx} is gorm's: it hands back the transaction as a {@code *gorm.DB}
     * (database/sql's returns an error as well). Taken when the receiver is declared {@code *gorm.DB}, or is of no
     * known type and the file reads the result's {@code .Error}, gorm's way of reporting a failed Begin; a receiver
     * of another known type (xorm's session returns only an error) is not.
     */
    private static boolean gormBegin(SyntaxNode call, byte[] src, Map<String, String> out) {
        SyntaxNode fn = call.getChildByFieldName("function");
        if (fn == null || fn.isNull() || !fn.getType().equals("selector_expression")) {
            return false;
        }
        String function = SyntaxNode.text(src, fn).replaceAll("\\s+", "");
        String method = function.substring(function.lastIndexOf('.') + 1);
        if (!method.equals("Begin") && !method.equals("BeginTx")) {
            return false;
        }
        SyntaxNode operand = fn.getChildByFieldName("operand");
        String receiver = operand == null || operand.isNull() ? "" : SyntaxNode.text(src, operand);
        String type = out.get(receiver.substring(receiver.lastIndexOf('.') + 1));
        if (type != null) {
            return type.equals("gorm.DB");
        }
        SyntaxNode stmt = call.getParent() == null ? null : call.getParent().getParent();
        SyntaxNode left = stmt == null || stmt.isNull() ? null : stmt.getChildByFieldName("left");
        if (left == null || left.isNull()) {
            return false;
        }
        String name = java.util.regex.Pattern.quote(SyntaxNode.text(src, left.getNamedChild(0)));
        return java.util.regex.Pattern.compile("(?<![\\w.])" + name + "\\.Error\\b")
                .matcher(CodeText.code(new String(src, java.nio.charset.StandardCharsets.UTF_8))).find();
    }

    private static void walk(SyntaxNode n, byte[] src, Map<String, String> out) {
        String t = n.getType();
        switch (t) {
            case "parameter_declaration", "field_declaration", "var_spec" -> {
                SyntaxNode type = n.getChildByFieldName("type");
                if (type != null && !type.isNull()) {
                    String ty = SyntaxNode.text(src, type).replace("*", "");
                    for (int i = 0; i < n.getNamedChildCount(); i++) {
                        SyntaxNode c = n.getNamedChild(i);
                        if (c.getType().equals("identifier") || c.getType().equals("field_identifier")) {
                            out.put(SyntaxNode.text(src, c), ty);
                        }
                    }
                }
            }
            case "short_var_declaration" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                SyntaxNode right = n.getChildByFieldName("right");
                if (left != null && right != null && !left.isNull() && !right.isNull()
                        && left.getNamedChildCount() > 1 && right.getNamedChildCount() == 1) {
                    results(left, right.getNamedChild(0), src, out);
                } else if (left != null && right != null && !left.isNull() && !right.isNull()
                        && left.getNamedChildCount() == 1 && right.getNamedChildCount() == 1) {
                    SyntaxNode v = right.getNamedChild(0);
                    if (v.getType().equals("unary_expression") && v.getNamedChildCount() == 1) {
                        v = v.getNamedChild(0);
                    }
                    if (v.getType().equals("composite_literal")) {
                        SyntaxNode type = v.getChildByFieldName("type");
                        if (type != null && !type.isNull()) {
                            out.put(SyntaxNode.text(src, left.getNamedChild(0)), SyntaxNode.text(src, type));
                        }
                    } else if (v.getType().equals("call_expression")
                            && SyntaxNode.text(src, v.getChildByFieldName("function")).equals("context.WithValue")) {
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)), "context.Context");
                    } else if (v.getType().equals("call_expression")
                            && CONSTRUCTED.containsKey(SyntaxNode.text(src, v.getChildByFieldName("function")))) {
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)),
                                CONSTRUCTED.get(SyntaxNode.text(src, v.getChildByFieldName("function"))));
                    } else if (v.getType().equals("call_expression") && gormBegin(v, src, out)) {
                        // gorm's Begin: one result, the transaction, with its error in .Error
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)), "gorm.DB");
                    } else if (v.getType().equals("identifier") && out.containsKey(SyntaxNode.text(src, v))) {
                        // a copy of a declared value (`c := *client` to change one field of a shared client)
                        out.put(SyntaxNode.text(src, left.getNamedChild(0)), out.get(SyntaxNode.text(src, v)));
                    }
                }
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), src, out);
        }
    }

    private static final java.util.regex.Pattern CONTEXT_ARG = java.util.regex.Pattern.compile(
            "(?i)\\w*ctx|\\w*context(\\(\\))?");

    /**
     * True when a Go name is a context: declared {@code context.Context} whatever it is called, or named like one
     * (what the name alone said before types were read; a framework's request context stays a request). Moved here
     * from {@code PerCall} unchanged (session 47).
     */
    static boolean context(String name, String declaredType) {
        return declaredType != null && declaredType.strip().equals("context.Context")
                || CONTEXT_ARG.matcher(name).matches();
    }
}
