package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;

/**
 * A JavaParser node as {@code toString} prints it, without building a printer for a plain name. Each
 * {@code toString} sets up a pretty printer and its options, which costs far more than printing one identifier, and
 * the analyses print the receiver of nearly every call they look at. The review parses without comments, so a name
 * prints as itself.
 *
 * <p>Any other node is printed by one shared printer whose options leave out comments: with comments on, the printer
 * sorts the children of every node it visits by position to look for comments between them (about a third of the
 * time the review spent printing), and a tree parsed without comments has none to find. A node with a comment on it or
 * below it is printed by {@code toString}, so the text is always the same as {@code toString}'s.
 */
final class Printed {

    private Printed() {
    }

    /** Without comments; otherwise the default printer's options (the printer is stateless between calls). */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS)));

    static String of(Node n) {
        if (n instanceof NameExpr name && name.getComment().isEmpty()) {
            return name.getNameAsString();
        }
        return hasComments(n) ? n.toString() : PRINTER.print(n);
    }

    /** True when the node or one below it carries a comment (never in a tree the review parsed). */
    private static boolean hasComments(Node n) {
        if (n.getComment().isPresent() || !n.getOrphanComments().isEmpty()) {
            return true;
        }
        for (Node child : n.getChildNodes()) {
            if (hasComments(child)) {
                return true;
            }
        }
        return false;
    }
}
