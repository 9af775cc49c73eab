package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.TreeSitter;
import org.treesitter.TSNode;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * The functions and methods a Go or Java file declares outside every function body, with their parameter names,
 * bodies and owners (a Go method's receiver type, a Java method's class), for {@link Summaries}. A body
 * ({@code block}) is not entered: Go declares functions only at the top level, and what a Java method declared in a
 * local or anonymous class inside a body does is not looked up by name. Walking declarations only keeps this to a
 * few nodes per function.
 */
public final class Declarations {

    /** What a Go function or method declaration starts with; a literal is usually written {@code func(}. */
    private static final Pattern GO_DECLARATION = Pattern.compile("\\bfunc\\s+[\\p{L}_(]");

    private Declarations() {
    }

    /** The declarations of the file at {@code path}; an empty list for other languages or a file declaring none. */
    public static List<Summaries.Function> of(Language lang, String path, String text) {
        TSTree[] parsed = new TSTree[1];
        try {
            return of(lang, path, text, () -> parsed[0] = TreeSitter.parse(lang, text));
        } finally {
            if (parsed[0] != null) {
                parsed[0].close();
            }
        }
    }

    /**
     * The same, reading the tree {@code tree} gives (asked only when the text may declare something; the caller
     * owns and closes it): the review parses each file once for this index and its detectors.
     */
    public static List<Summaries.Function> of(Language lang, String path, String text,
                                              java.util.function.Supplier<TSTree> tree) {
        List<Summaries.Function> out = new ArrayList<>();
        if (lang == Language.OTHER || lang == Language.GO && !GO_DECLARATION.matcher(text).find()) {
            return out; // no function is declared here: not worth a parse (function literals are written func()
        }
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        try (TSTreeCursor c = new TSTreeCursor(tree.get().getRootNode())) {
            if (!c.gotoFirstChild()) {
                return out;
            }
            while (true) {
                TSNode n = c.currentNode();
                String t = n.getType();
                boolean function = t.equals("function_declaration") || t.equals("method_declaration")
                        || t.equals("constructor_declaration");
                if (function) {
                    add(n, src, lang, path, out);
                }
                if (!function && !t.equals("block") && !t.equals("constructor_body") && c.gotoFirstChild()) {
                    continue;
                }
                while (!c.gotoNextSibling()) {
                    if (!c.gotoParent()) {
                        return out;
                    }
                }
            }
        }
    }

    private static void add(TSNode n, byte[] src, Language lang, String path, List<Summaries.Function> out) {
        TSNode name = n.getChildByFieldName("name");
        TSNode params = n.getChildByFieldName("parameters");
        TSNode body = n.getChildByFieldName("body");
        if (absent(name)) {
            return;
        }
        TSNode declaredType = lang == Language.JAVA ? n.getChildByFieldName("type") : null;
        if (absent(body) && (absent(declaredType) || !n.getType().equals("method_declaration"))) {
            return;
        }
        List<String> names = new ArrayList<>();
        boolean variadic = false;
        for (int i = 0; !absent(params) && i < params.getNamedChildCount(); i++) {
            TSNode p = params.getNamedChild(i);
            if (lang == Language.GO) {
                // a Go declaration may name several parameters of one type: (a, b io.Closer)
                for (int j = 0; j < p.getNamedChildCount(); j++) {
                    if (p.getNamedChild(j).getType().equals("identifier")) {
                        names.add(text(src, p.getNamedChild(j)));
                    }
                }
            } else {
                TSNode pn = p.getChildByFieldName("name");
                if (!absent(pn)) {
                    names.add(text(src, pn));
                } else if (p.getType().equals("spread_parameter")) {
                    String spread = Elements.spreadName(p, src);
                    if (spread != null) {
                        names.add(spread);
                        variadic = true;
                    }
                }
            }
            variadic |= lang == Language.GO && p.getType().equals("variadic_parameter_declaration");
        }
        // a Java constructor is named "new Type", apart from the methods, for the `new Type(x)` call sites
        String named = n.getType().equals("constructor_declaration") ? "new " + text(src, name) : text(src, name);
        if (absent(body)) {
            // a Java method declared without a body (an interface's, an abstract class's): only its declared return
            // type is known, which tells a caller whether it is handed a resource (a mapper's Cursor, a factory's
            // stream); its body is null, so no summary reads it as a helper that does nothing
            out.add(new Summaries.Function(named, names, null, owner(n, src, lang), path, variadic,
                    text(src, declaredType)));
            return;
        }
        TSNode result = lang == Language.GO ? n.getChildByFieldName("result") : null;
        out.add(new Summaries.Function(named, names, text(src, body), owner(n, src, lang), path, variadic,
                absent(result) ? null : text(src, result)));
    }

    /** A Go method's receiver type without pointer or type arguments; a Java method's innermost class; else null. */
    private static String owner(TSNode n, byte[] src, Language lang) {
        if (lang == Language.GO) {
            TSNode receiver = n.getChildByFieldName("receiver");
            if (absent(receiver)) {
                return null;
            }
            String r = text(src, receiver).replaceAll("[()*]", " ").replaceAll("\\[.*", "").strip();
            String[] words = r.split("\\s+");
            return words[words.length - 1];
        }
        for (TSNode p = n.getParent(); !absent(p); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("class_declaration") || t.equals("interface_declaration") || t.equals("enum_declaration")
                    || t.equals("record_declaration")) {
                TSNode pn = p.getChildByFieldName("name");
                return absent(pn) ? null : text(src, pn);
            }
        }
        return null;
    }

    private static boolean absent(TSNode n) {
        return n == null || n.isNull();
    }
}
