package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.SourceFile;
import kb.review.diff.SyntaxNode;
import org.treesitter.TSNode;

/**
 * The conditions that hold wherever a node runs, for the {@code guards:CAPTURE} text of tree-sitter rules: one line
 * per conjunct that must be true for control to reach the capture inside its function. LOG-02 accepts a log line
 * whose message is built eagerly when a level test or a debug switch holds it ("guard with isDebugEnabled()"); the
 * guard takes three shapes in real code, and the nearest enclosing {@code if} is only the first:
 *
 * <ul>
 * <li>any enclosing {@code if} whose then-branch holds the node, however deep, and each {@code &&} part of its
 * condition ({@code if (config.debugMode() && PRINT_SPAWNS)});</li>
 * <li>an early exit earlier in an enclosing block ({@code if (!log.isDebugEnabled()) return;}): what follows runs only
 * when the condition is false, so its negation is listed ({@code log.isDebugEnabled()});</li>
 * <li>for a fragment whose tree is broken (a hunk that starts inside a parameter list), the {@code if} lines the diff
 * shows above the node at a smaller indentation, read as text.</li>
 * </ul>
 *
 * Each line is one conjunct without its outer parentheses; a negated one starts with {@code !}. A rule's regex says
 * which conjuncts count as a guard. Computed only when a rule asks, for a node already matched.
 */
final class LevelGuards {

    private static final Set<String> EXITS = Set.of("return_statement", "throw_statement", "continue_statement");
    /** An if line opening a block: Java {@code if (c) {}, Go {@code if c {}, either after a closing brace and else. */
    private static final Pattern IF_LINE = Pattern.compile("^\\s*(?:}\\s*else\\s+)?if\\s*(.*?)\\s*\\{\\s*(?://.*)?$");
    /** A block opener that is no statement of the same function: a method, class or lambda header. */
    private static final Pattern OTHER_OPENER = Pattern.compile(
            "(?:->|\\bclass\\b|\\binterface\\b|\\benum\\b|\\bfunc\\b|\\bnew\\s+[\\w.<>]+\\s*\\([^)]*\\))\\s*\\{\\s*$"
                    + "|^\\s*(?:@\\w+\\s+)*(?:(?:public|private|protected|static|final|synchronized|abstract)\\s+)*"
                    + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\([^;]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\{\\s*$");
    private static final Pattern STATEMENT_OPENER = Pattern.compile(
            "^\\s*(?:}\\s*)?(?:if|else|for|while|do|try|catch|finally|switch|synchronized|case|default|select)\\b");

    private LevelGuards() {
    }

    static String of(SourceFile file, byte[] src, TSNode node, Set<String> boundaries) {
        List<String> out = new ArrayList<>();
        TSNode child = node;
        for (TSNode p = node.getParent(); p != null && !p.isNull() && !boundaries.contains(p.getType());
             p = p.getParent()) {
            String t = p.getType();
            if (t.equals("if_statement")) {
                TSNode cond = p.getChildByFieldName("condition");
                TSNode then = p.getChildByFieldName("consequence");
                if (valid(cond) && valid(then) && then.getStartByte() <= child.getStartByte()
                        && child.getEndByte() <= then.getEndByte()) {
                    conjuncts(SyntaxNode.text(src, cond), out);
                    TSNode init = p.getChildByFieldName("initializer");
                    if (valid(init)) {
                        out.add(SyntaxNode.text(src, init).strip()); // Go: if ce := log.Check(...); ce != nil {
                    }
                }
            } else if (t.equals("block") || t.equals("statement_list") || t.equals("program")) {
                earlyExits(p, child, src, out);
            }
            child = p;
        }
        if (!file.complete()) {
            shownIfLines(file, node.getStartPoint().getRow() + 1, out);
        }
        return String.join("\n", out);
    }

    /** The negated condition of every {@code if (c) return;} (no else) before {@code child} in {@code block}. */
    private static void earlyExits(TSNode block, TSNode child, byte[] src, List<String> out) {
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            TSNode s = block.getNamedChild(i);
            if (s.getStartByte() >= child.getStartByte()) {
                return;
            }
            if (!s.getType().equals("if_statement") || valid(s.getChildByFieldName("alternative"))) {
                continue;
            }
            TSNode cond = s.getChildByFieldName("condition");
            TSNode then = s.getChildByFieldName("consequence");
            if (valid(cond) && valid(then) && exits(then)) {
                // not (a || b) is (not a) and (not b)
                for (String part : split(CodeText.unwrap(SyntaxNode.text(src, cond)), "||")) {
                    out.add(negate(part));
                }
            }
        }
    }

    private static boolean exits(TSNode then) {
        TSNode last = then;
        while (last.getType().equals("block") || last.getType().equals("statement_list")) {
            if (last.getNamedChildCount() == 0) {
                return false;
            }
            last = last.getNamedChild(last.getNamedChildCount() - 1);
        }
        return EXITS.contains(last.getType());
    }

    /** The conditions of the if lines the diff shows above {@code line} that open a block holding it. */
    private static void shownIfLines(SourceFile file, int line, List<String> out) {
        int indent = CodeText.indent(file.line(line));
        for (int n = line - 1; n >= 1 && file.known(n) && indent > 0; n--) {
            String text = file.line(n);
            if (text.isBlank() || text.strip().startsWith("//") || text.strip().startsWith("*")) {
                continue;
            }
            int in = CodeText.indent(text);
            if (in >= indent) {
                continue;
            }
            indent = in;
            Matcher m = IF_LINE.matcher(text);
            if (m.matches()) {
                conjuncts(m.group(1), out);
            } else if (!STATEMENT_OPENER.matcher(text).find() && OTHER_OPENER.matcher(text).find()) {
                return; // the function, lambda or class the node belongs to
            }
        }
    }

    private static void conjuncts(String condition, List<String> out) {
        for (String part : split(CodeText.unwrap(condition), "&&")) {
            out.add(CodeText.unwrap(part));
        }
    }

    private static String negate(String term) {
        String t = CodeText.unwrap(term);
        if (t.startsWith("!") && !t.startsWith("!=")) {
            String rest = CodeText.unwrap(t.substring(1));
            if (split(rest, "&&").size() == 1 && split(rest, "||").size() == 1) {
                return rest;
            }
        }
        return "!(" + t + ")";
    }

    /** {@code s} split at {@code op} outside parentheses, brackets and quotes. */
    private static List<String> split(String s, String op) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(op, i)) {
                parts.add(s.substring(from, i).strip());
                from = i + op.length();
                i += op.length() - 1;
            }
        }
        parts.add(s.substring(from).strip());
        return parts;
    }

    private static boolean valid(TSNode n) {
        return n != null && !n.isNull();
    }
}
