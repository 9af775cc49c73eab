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

/**
 * The functions and methods visible to a review (every changed file; the whole files in repo mode), with their
 * parameter names and bodies, so the analysis can tell what a helper does with what it is given.
 */
final class HelperIndex {

    private HelperIndex() {
    }

    static Summaries of(List<SourceFile> files, Models models) {
        List<Summaries.Function> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.language() == Language.OTHER || f.change().binary()
                    || f.change().change() == ChangedFile.Change.DELETED) {
                continue;
            }
            try (TSTree tree = TreeSitter.parse(f.language(), f.text())) {
                collect(tree.getRootNode(), f.utf8(), f.language(), out);
            }
        }
        return new Summaries(out, models);
    }

    private static void collect(TSNode n, byte[] src, Language lang, List<Summaries.Function> out) {
        String t = n.getType();
        if (t.equals("function_declaration") || t.equals("method_declaration")) {
            TSNode name = n.getChildByFieldName("name");
            TSNode params = n.getChildByFieldName("parameters");
            TSNode body = n.getChildByFieldName("body");
            if (name != null && !name.isNull() && body != null && !body.isNull()) {
                List<String> names = new ArrayList<>();
                if (params != null && !params.isNull()) {
                    for (int i = 0; i < params.getNamedChildCount(); i++) {
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
                            if (pn != null && !pn.isNull()) {
                                names.add(text(src, pn));
                            }
                        }
                    }
                }
                out.add(new Summaries.Function(text(src, name), names, text(src, body)));
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collect(n.getNamedChild(i), src, lang, out);
        }
    }

    private static String text(byte[] src, TSNode n) {
        return new String(src, n.getStartByte(), n.getEndByte() - n.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
