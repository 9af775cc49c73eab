package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.TreeSitter;
import java.util.ArrayList;
import java.util.List;
import kb.review.analysis.Models;
import kb.review.analysis.Summaries;
import org.treesitter.TSNode;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * The functions and methods visible to a review (every changed file; the whole files in repo mode), with their
 * parameter names and bodies, so the analysis can tell what a helper does with what it is given.
 */
final class HelperIndex {

    /** What a Go function or method declaration starts with; a literal is usually written {@code func(}. */
    private static final java.util.regex.Pattern GO_DECLARATION =
            java.util.regex.Pattern.compile("\\bfunc\\s+[\\p{L}_(]");

    private HelperIndex() {
    }

    static Summaries of(List<SourceFile> files, Models models, kb.review.analysis.Checkout checkout) {
        // files are independent and each is parsed here on its own: index them in parallel, in the files' order
        List<Summaries.Function> out = files.parallelStream()
                .filter(f -> f.language() != Language.OTHER && !f.change().binary()
                        && f.change().change() != ChangedFile.Change.DELETED)
                .flatMap(f -> functions(f).stream()).toList();
        return new Summaries(out, models, checkout);
    }

    /**
     * The functions and methods declared outside every function body. A body ({@code block}) is not entered: Go
     * declares functions only at the top level, and what a Java method declared in a local or anonymous class inside
     * a body does is not looked up by name. Walking declarations only keeps this to a few nodes per function.
     */
    private static List<Summaries.Function> functions(SourceFile f) {
        List<Summaries.Function> out = new ArrayList<>();
        if (f.language() == Language.GO && !GO_DECLARATION.matcher(f.text()).find()) {
            return out; // no function is declared here: not worth a parse (function literals are written func()
        }
        byte[] src = f.utf8();
        try (TSTree tree = TreeSitter.parse(f.language(), f.text());
             TSTreeCursor c = new TSTreeCursor(tree.getRootNode())) {
            if (!c.gotoFirstChild()) {
                return out;
            }
            while (true) {
                TSNode n = c.currentNode();
                String t = n.getType();
                boolean function = t.equals("function_declaration") || t.equals("method_declaration");
                if (function) {
                    add(n, src, f.language(), out);
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

    private static void add(TSNode n, byte[] src, Language lang, List<Summaries.Function> out) {
        TSNode name = n.getChildByFieldName("name");
        TSNode params = n.getChildByFieldName("parameters");
        TSNode body = n.getChildByFieldName("body");
        if (absent(name) || absent(body)) {
            return;
        }
        List<String> names = new ArrayList<>();
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
                }
            }
        }
        out.add(new Summaries.Function(text(src, name), names, text(src, body)));
    }

    private static boolean absent(TSNode n) {
        return n == null || n.isNull();
    }

    private static String text(byte[] src, TSNode n) {
        return new String(src, n.getStartByte(), n.getEndByte() - n.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
