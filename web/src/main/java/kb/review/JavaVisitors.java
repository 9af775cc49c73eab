package kb.review;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * Runs the named JavaParser visitors. With the whole file (repo mode, or a diff adding the file) the file is parsed
 * once. With hunks only, each run of visible lines is parsed as a file, as class members, or as statements of a
 * method; when none of these parses, the complete methods tree-sitter finds in it are parsed one by one.
 */
final class JavaVisitors {

    /** A visitor: given a parsed unit and whether field declarations are visible, the nodes to report. */
    interface Check extends BiFunction<Node, Boolean, List<JavaChecks.Report>> {
    }

    static final Map<String, Check> CHECKS = Map.of(
            "closeable-outside-try-with-resources", JavaChecks::closeableOutsideTryWithResources,
            "jdbc-transaction-not-ended", JavaChecks::transactionNotEnded,
            "threadlocal-without-finally-remove", JavaChecks::threadLocalWithoutRemove);

    static final Set<String> NAMES = CHECKS.keySet();

    private static final String CLASS_OPEN = "class KbSnippet{";
    private static final String METHOD_OPEN = "class KbSnippet{void kbSnippet(){";

    private JavaVisitors() {
    }

    /** A parsed piece of the file and what the reviewer could see of it. */
    private record Unit(Node root, int firstLine, int shift, boolean wholeFile, boolean wholeMethods) {
    }

    static List<Hit> run(SourceFile file, TSTree tree, List<Rule> rules) {
        List<Hit> hits = new ArrayList<>();
        for (Unit unit : units(file, tree)) {
            for (Rule rule : rules) {
                Check check = CHECKS.get(((Rule.VisitorMatcher) rule.matcher()).name());
                for (JavaChecks.Report r : check.apply(unit.root(), unit.wholeFile())) {
                    int column = r.line() == unit.firstLine() ? Math.max(1, r.column() - unit.shift()) : r.column();
                    boolean sure = unit.wholeFile() || (unit.wholeMethods() && !r.guessed());
                    hits.add(new Hit(rule, r.line(), column, sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                            sure ? null : r.guessed() ? Hit.PARTIAL_FILE : Hit.PARTIAL_FUNCTION));
                }
            }
        }
        return hits;
    }

    private static List<Unit> units(SourceFile file, TSTree tree) {
        List<Unit> units = new ArrayList<>();
        if (file.complete()) {
            parse(file.text()).ifPresent(cu -> units.add(new Unit(cu, 1, 0, true, true)));
            if (!units.isEmpty()) {
                return units;
            }
        }
        BitSet known = file.knownLines();
        for (int from = known.nextSetBit(1); from >= 0; ) {
            int to = known.nextClearBit(from) - 1;
            regionUnits(file, tree, from, to, units);
            from = known.nextSetBit(to + 1);
        }
        return units;
    }

    private static void regionUnits(SourceFile file, TSTree tree, int from, int to, List<Unit> units) {
        StringBuilder body = new StringBuilder();
        for (int l = from; l <= to; l++) {
            body.append(file.line(l)).append('\n');
        }
        String pad = "\n".repeat(from - 1);
        var asFile = parse(pad + body);
        if (asFile.isPresent()) {
            units.add(new Unit(asFile.get(), from, 0, false, true));
            return;
        }
        var asMembers = parse(pad + CLASS_OPEN + body + "}");
        if (asMembers.isPresent()) {
            units.add(new Unit(asMembers.get(), from, CLASS_OPEN.length(), false, true));
            return;
        }
        var asStatements = parse(pad + METHOD_OPEN + body + "}}");
        if (asStatements.isPresent()) {
            units.add(new Unit(asStatements.get(), from, METHOD_OPEN.length(), false, false));
            return;
        }
        if (tree != null) {
            completeMethods(tree.getRootNode(), file, from, to, units);
        }
    }

    private static void completeMethods(TSNode node, SourceFile file, int from, int to, List<Unit> units) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            int start = child.getStartPoint().getRow() + 1;
            int end = child.getEndPoint().getRow() + 1;
            if (end < from || start > to) {
                continue;
            }
            String type = child.getType();
            if ((type.equals("method_declaration") || type.equals("constructor_declaration"))
                    && start >= from && end <= to && !child.hasError()) {
                StringBuilder text = new StringBuilder("\n".repeat(start - 1)).append(CLASS_OPEN);
                for (int l = start; l <= end; l++) {
                    text.append(file.line(l)).append('\n');
                }
                parse(text + "}").ifPresent(cu -> units.add(new Unit(cu, start, CLASS_OPEN.length(), false,
                        true)));
            } else {
                completeMethods(child, file, from, to, units);
            }
        }
    }

    private static java.util.Optional<CompilationUnit> parse(String text) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> r = new JavaParser(config).parse(text);
        return r.isSuccessful() ? r.getResult() : java.util.Optional.empty();
    }
}
