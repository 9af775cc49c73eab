package kb.review.diff;

import java.util.Set;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;

/** The Go and Java grammars, and what the detectors need to know about their node types. */
public final class TreeSitter {

    private static final TSLanguage GO = new TreeSitterGo();
    private static final TSLanguage JAVA = new TreeSitterJava();

    private TreeSitter() {
    }

    public static TSLanguage grammar(Language language) {
        return switch (language) {
            case GO -> GO;
            case JAVA -> JAVA;
            case OTHER -> throw new IllegalArgumentException("no grammar for " + language);
        };
    }

    /** Parses UTF-8 source; a new parser each time because parsers are not thread-safe and are cheap to make. */
    public static TSTree parse(Language language, String text) {
        try (TSParser parser = new TSParser()) {
            parser.setLanguage(grammar(language));
            return parser.parseString(null, text);
        }
    }

    /**
     * Named functions, and Java fields (for a lambda in an initializer): the unit whose text {@code in: scope}
     * conditions search.
     */
    public static Set<String> scopeTypes(Language language) {
        return language == Language.GO
                ? Set.of("function_declaration", "method_declaration")
                : Set.of("method_declaration", "constructor_declaration", "static_initializer",
                "compact_constructor_declaration", "field_declaration");
    }

    /** Where {@code inside}/{@code outside} stop looking up: code past these runs at another time. */
    public static Set<String> boundaryTypes(Language language) {
        return language == Language.GO
                ? Set.of("function_declaration", "method_declaration", "func_literal")
                : Set.of("method_declaration", "constructor_declaration", "lambda_expression", "class_body",
                "static_initializer");
    }

    /** The nearest ancestor of one of these types, or null. */
    public static SyntaxNode enclosing(SyntaxNode node, Set<String> types) {
        for (SyntaxNode n = node.getParent(); !n.isNull(); n = n.getParent()) {
            if (types.contains(n.getType())) {
                return n;
            }
        }
        return null;
    }

    public static TSNode enclosing(TSNode node, Set<String> types) {
        TSNode n = node.getParent();
        while (n != null && !n.isNull()) {
            if (types.contains(n.getType())) {
                return n;
            }
            n = n.getParent();
        }
        return null;
    }
}
