package kb.review.engine;

import kb.review.analysis.JavaLines;
import kb.review.diff.Braces;
import kb.review.diff.CommentCuts;
import kb.review.diff.SourceFile;
import kb.review.rules.Rule;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    static final Map<String, Check> CHECKS = Map.ofEntries(
            Map.entry("closeable-outside-try-with-resources", JavaChecks::closeableOutsideTryWithResources),
            Map.entry("jdbc-transaction-not-ended", JavaChecks::transactionNotEnded),
            Map.entry("threadlocal-without-finally-remove", JavaChecks::threadLocalWithoutRemove),
            Map.entry("formatter-field-shared-by-tasks", SharedFormatters::check),
            Map.entry("conditional-update-count-ignored", ConditionalUpdates::check),
            Map.entry("plain-collection-of-shared-object", SharedCollections::check),
            Map.entry("counter-of-shared-object", SharedCounters::check),
            Map.entry("static-cache-plain-map", StaticCaches::check),
            Map.entry("lazy-singleton-unsynchronized", LazySingletons::check),
            Map.entry("timeout-parameter-never-read", UnreadTimeouts::check),
            Map.entry("thread-state-cleared-off-path", StraightPathClears::check),
            Map.entry("loop-flag-not-volatile", UnpublishedLoopFlags::check));

    static {
        // the rule loader validates visitor names against Rule.VisitorMatcher.NAMES: keep both lists the same
        if (!CHECKS.keySet().equals(Rule.VisitorMatcher.NAMES)) {
            throw new IllegalStateException("visitors " + CHECKS.keySet() + " differ from " + Rule.VisitorMatcher.NAMES);
        }
    }

    private static final String CLASS_OPEN = "class KbSnippet{";
    private static final Pattern FILE_START = Pattern.compile(
            "(package|import)\\s|(@\\w+\\s+)*((public|final|abstract|sealed)\\s+)*(class|interface|enum|record)\\s");
    private static final Pattern MEMBER_START = Pattern.compile(
            "@\\w+|(public|protected|private|static|final|abstract|synchronized|void)\\s|[\\w<>\\[\\],? ]+\\s+\\w+\\s*\\(");
    private static final String METHOD_OPEN = "class KbSnippet{void kbSnippet(){";
    /** A region's first lines: blank ones, then the {@code throws} clause and brace ending a method header above. */
    private static final Pattern THROWS_HEAD = Pattern.compile("(\\s*)throws[ \\t]+[\\w.$<>, \\t]+\\{[ \\t]*(?=\\n)");
    private static final String CUT_HEAD = "void kbCutHead() {";

    private JavaVisitors() {
    }

    /**
     * A parsed piece of the file and what the reviewer could see of it.
     *
     * @param wholeMethods the piece holds whole methods (not statements cut out of one)
     * @param cutLine      the first line of a method whose end the piece cuts off; methods before it are whole
     * @param openEnd      statements only: the method they belong to goes on past the piece (the hunk never closes
     *                     it), so the end of the piece is not an end of the method
     */
    record Unit(Node root, int firstLine, int shift, boolean wholeFile, boolean wholeMethods, int cutLine,
                boolean openEnd) {

        Unit(Node root, int firstLine, int shift, boolean wholeFile, boolean wholeMethods) {
            this(root, firstLine, shift, wholeFile, wholeMethods, Integer.MAX_VALUE, false);
        }

        Unit(Node root, int firstLine, int shift, boolean wholeFile, boolean wholeMethods, int cutLine) {
            this(root, firstLine, shift, wholeFile, wholeMethods, cutLine, false);
        }

        /** True when the method holding {@code line} is visible from its header to its end. */
        boolean whole(int line) {
            return wholeFile || wholeMethods && line < cutLine;
        }

        /**
         * True when the hunk stops before the end of the method holding {@code line}: code the review cannot see
         * follows, so a path that reaches the end of the piece has not left the method.
         */
        boolean cutOff(int line) {
            return !wholeFile && (wholeMethods ? line >= cutLine : openEnd);
        }
    }

    /** The JavaParser units of one file, parsed on first use and shared by every detector of that file. */
    static final class Units {
        private final SourceFile file;
        private final TSTree tree;
        private List<Unit> units;

        Units(SourceFile file, TSTree tree) {
            this.file = file;
            this.tree = tree;
        }

        List<Unit> get() {
            if (units == null) {
                units = units(file, tree);
            }
            return units;
        }
    }

    static List<Hit> run(SourceFile file, Units parsed, List<Rule> rules) {
        List<Hit> hits = new ArrayList<>();
        String text = file.text();
        rules = rules.stream().filter(r -> JavaChecks.mayApply(((Rule.VisitorMatcher) r.matcher()).name(), text))
                .toList();
        if (rules.isEmpty()) {
            return hits;
        }
        for (Unit unit : parsed.get()) {
            for (Rule rule : rules) {
                Check check = CHECKS.get(((Rule.VisitorMatcher) rule.matcher()).name());
                for (JavaChecks.Report r : check.apply(unit.root(), unit.wholeFile())) {
                    int column = r.line() == unit.firstLine() ? Math.max(1, r.column() - unit.shift()) : r.column();
                    boolean sure = unit.wholeFile() || (unit.whole(r.line()) && !r.guessed());
                    hits.add(new Hit(rule, r.line(), column, sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                            sure ? null : r.guessed() ? Hit.PARTIAL_FILE : Hit.PARTIAL_FUNCTION));
                }
            }
        }
        return hits;
    }

    static List<Unit> units(SourceFile file, TSTree tree) {
        List<Unit> units = new ArrayList<>();
        if (file.complete() && (tree == null || !tree.getRootNode().hasError())) {
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

    /**
     * Parses a region as a file, as class members or as statements, trying first the shape its first line suggests
     * (a failed JavaParser parse is expensive); when none parses, the complete methods tree-sitter found in the
     * region are parsed one by one.
     */
    private static void regionUnits(SourceFile file, TSTree tree, int from, int to, List<Unit> units) {
        StringBuilder body = new StringBuilder();
        String first = null;
        // a region that starts inside a Javadoc (git's context above a class or method) parses from the comment's end
        int tail = CommentCuts.tailEnd(file::line, from, to);
        for (int l = from; l <= to; l++) {
            String line = l <= tail ? CommentCuts.withoutTail(file.line(l), l == tail) : file.line(l);
            if (first == null && !line.isBlank()) {
                first = line.strip();
            }
            body.append(line).append('\n');
        }
        if (first == null) {
            return;
        }
        // a region that ends on the opening of a Javadoc (git's context above the next member) parses up to it
        String piece = CommentCuts.withoutOpenTail(body.toString());
        // git's leading context often starts on the `throws` line of a method whose header is above the hunk: the
        // method's body follows, so the line stands for a header of its own
        Matcher head = THROWS_HEAD.matcher(piece);
        if (head.lookingAt()) {
            piece = head.group(1) + CUT_HEAD + piece.substring(head.end());
            first = CUT_HEAD.strip();
        }
        if (!piece.contentEquals(body)) {
            body.setLength(0);
            body.append(piece);
        }
        // a hunk of git's usual three lines of context starts and ends inside blocks: close what it leaves open,
        // and open what it closes first (a `} catch` is the end of a try, a `} else` of an if)
        Braces braces = Braces.of(body.toString());
        String close = "}".repeat(braces.open());
        String reopen = CutLambdas.reopen(body.toString(), braces);
        // where a piece of members is cut, the methods before the last one it leaves open are still whole
        int cutLine = braces.open() == 0 ? Integer.MAX_VALUE
                : from + (int) body.chars().limit(braces.firstUnclosed()).filter(c -> c == '\n').count();
        int shape = FILE_START.matcher(first).lookingAt() ? 0 : MEMBER_START.matcher(first).lookingAt() ? 1 : 2;
        // git's leading context often starts on the last arguments of a call whose first line is above the hunk
        // (`new Pair("id", key))));`): the calls it closes are opened before it, so it parses as one statement
        String cut = kb.review.diff.HunkGaps.cutPrefix(body.toString());
        for (int i = 0; i < 3; i++) {
            int attempt = (shape + i) % 3;
            if (attempt != 2 && braces.closedFirst() > 0) {
                continue; // a file or a list of members cannot start by closing a block
            }
            Optional<CompilationUnit> cu = switch (attempt) {
                case 0 -> parse(from, body + close);
                case 1 -> parse(from, CLASS_OPEN + body + close + "}");
                default -> parse(from, METHOD_OPEN + reopen + cut + body + close + "}}");
            };
            if (cu.isPresent()) {
                int shift = attempt == 0 ? 0 : attempt == 1 ? CLASS_OPEN.length()
                        : METHOD_OPEN.length() + reopen.length() + cut.length();
                // a method whose end the hunk cuts off is not whole: what reaches the cut is not an exit
                units.add(new Unit(cu.get(), from, shift, false, attempt != 2, cutLine,
                        attempt == 2 && (braces.open() > 0 || braces.closedFirst() == 0)));
                return;
            }
        }
        Optional<CompilationUnit> members = membersAfterCloses(from, body.toString(), braces);
        if (members.isPresent()) {
            units.add(new Unit(members.get(), from, membersShift(body.toString(), braces), false, true, cutLine));
            return;
        }
        int kept = CutLambdas.beforeDanglingHeader(file::line, from, to);
        if (kept >= from && kept < to) {
            regionUnits(file, tree, from, kept, units); // the next member's annotations, cut before its header
            return;
        }
        int end = lastStatementEnd(file, from, to);
        if (end > from && end < to && (opensParentheses(file, end + 1, to)
                || TrailingAnnotations.only(file::line, end + 1, to))) {
            // git's trailing context often stops inside a call written over several lines (`new Server(` then one
            // argument per line): the statement it cuts is not code the review can read, what comes before it is;
            // so is an annotation of the next member, alone at the end
            regionUnits(file, tree, from, end, units);
        } else if (tree != null) {
            completeMethods(tree.getRootNode(), file, from, to, units);
        }
    }

    /**
     * The most common hunk of a method added at the end of a class: git's context starts with the closing brace of
     * the method before and ends with the brace closing the class ({@code }}, the new members, {@code }}). It closes
     * blocks it never opened, so it parses neither as members nor as statements (a method cannot stand in a block).
     * Read it as members: the braces it closes first end a method that the prefix opens, and those it closes at the
     * end close classes the prefix opens too. Empty when the piece does not have that shape or does not parse.
     */
    private static Optional<CompilationUnit> membersAfterCloses(int from, String body, Braces braces) {
        String prefix = membersPrefix(body, braces);
        if (prefix == null) {
            return Optional.empty();
        }
        int trailing = braces.closedFirst() - Braces.leadingCloses(body);
        return parse(from, prefix + body + "}".repeat(braces.open()) + (trailing == 0 ? "}" : ""));
    }

    private static int membersShift(String body, Braces braces) {
        return membersPrefix(body, braces).length();
    }

    /**
     * What {@link #membersAfterCloses} writes before the piece, or null when the piece neither starts by closing nor
     * is whole members closed by the class's brace.
     */
    private static String membersPrefix(String body, Braces braces) {
        int leading = Braces.leadingCloses(body);
        int trailing = braces.closedFirst() - leading;
        if (leading == 0 && trailing > 0 && braces.open() == 0) {
            // whole members ending with the class's own brace: a method added after a constructor or method that
            // git's context shows from its header (a constructor cannot be read as a statement)
            return CLASS_OPEN.repeat(trailing);
        }
        if (leading == 0 || trailing < 0 || braces.followers().subList(0, leading).stream()
                .anyMatch(w -> BLOCK_GOES_ON.contains(w))) {
            return null; // `} catch`, `} else`: the piece goes on inside the method, not after it
        }
        return "class KbSnippet{".repeat(Math.max(trailing, 1)) + "void kbSnippet(){" + "{".repeat(leading - 1);
    }

    private static final Set<String> BLOCK_GOES_ON = Set.of("catch", "finally", "else", "while");

    /** True when lines {@code from}..{@code to} open more parentheses than they close (a call cut mid-arguments). */
    private static boolean opensParentheses(SourceFile file, int from, int to) {
        int depth = 0;
        for (int l = from; l <= to; l++) {
            for (char c : file.line(l).toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
        }
        return depth > 0;
    }

    /** The last line of the region that ends a statement or a block ({@code ;}, <code>{</code>, <code>}</code>). */
    private static int lastStatementEnd(SourceFile file, int from, int to) {
        for (int l = to; l >= from; l--) {
            String line = file.line(l).replaceAll("\\s*//.*$", "").strip();
            if (line.endsWith(";") || line.endsWith("{") || line.endsWith("}")) {
                return l;
            }
        }
        return 0;
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
                StringBuilder text = new StringBuilder(CLASS_OPEN);
                for (int l = start; l <= end; l++) {
                    text.append(file.line(l)).append('\n');
                }
                parse(start, text + "}").ifPresent(cu -> units.add(new Unit(cu, start, CLASS_OPEN.length(), false,
                        true)));
            } else {
                completeMethods(child, file, from, to, units);
            }
        }
    }

    /**
     * Parses with the grammar of the newest Java JavaParser knows but without its language-level validators and
     * post-processors (RAW): they walk every node again, about a third of the parse, and only reject code that
     * javac would reject anyway; the review looks at code, it does not compile it.
     */
    private static Optional<CompilationUnit> parse(String text) {
        return parse(1, text);
    }

    /**
     * Parses a piece whose first line is line {@code firstLine} of the file, its nodes on the file's lines
     * ({@link JavaLines}: without a newline written per line skipped).
     */
    private static Optional<CompilationUnit> parse(int firstLine, String text) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> r = JavaLines.parse(config, firstLine, text);
        return r.isSuccessful() ? r.getResult() : Optional.empty();
    }
}
