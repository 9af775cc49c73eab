package kb.review.engine;

import kb.review.analysis.Summaries;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs regex rules line by line over the visible code, skipping comment lines. */
final class RegexDetector {

    private RegexDetector() {
    }

    /** @param helpers the functions the review can see, for {@code callee-results} conditions */
    static List<Hit> run(SourceFile file, List<Rule> candidates, Summaries helpers) {
        List<Hit> hits = new ArrayList<>();
        // a rule whose regex needs a text the file does not hold cannot match any of its lines
        List<Rule> rules = candidates.stream().filter(r -> Needles.mayMatch(
                Needles.cached(((Rule.RegexMatcher) r.matcher()).pattern()), file.lowerText())).toList();
        if (rules.isEmpty()) {
            return hits;
        }
        // the same needles asked of each line: a line without any of a rule's needles cannot hold a match of its regex
        // (only ASCII needles, which lower-casing a line or the match alone finds alike), and most lines hold none
        List<List<String>> lineNeedles = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            List<String> n = Needles.cached(((Rule.RegexMatcher) rule.matcher()).pattern());
            lineNeedles.add(n != null && n.stream().allMatch(RegexDetector::ascii) ? n : null);
        }
        java.util.BitSet known = file.knownLines();
        for (int line = known.nextSetBit(0); line >= 0; line = known.nextSetBit(line + 1)) {
            String text = file.line(line);
            if (isComment(text)) {
                continue;
            }
            String lower = null;
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                List<String> needles = lineNeedles.get(i);
                if (needles != null) {
                    if (lower == null) {
                        lower = text.toLowerCase(java.util.Locale.ROOT);
                    }
                    if (!holdsAny(lower, needles)) {
                        continue;
                    }
                }
                Rule.RegexMatcher r = (Rule.RegexMatcher) rule.matcher();
                Matcher m = r.pattern().matcher(text);
                if (m.find() && conditionsHold(file, line, text, r, helpers)) {
                    boolean sure = file.complete() || rule.context() == Rule.Context.LINE;
                    hits.add(new Hit(rule, line, m.start() + 1, sure ? Finding.Confidence.HIGH
                            : Finding.Confidence.LOW, sure ? null : Hit.PARTIAL_FILE));
                }
            }
        }
        return hits;
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean holdsAny(String lowerLine, List<String> needles) {
        for (String n : needles) {
            if (lowerLine.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(SourceFile file, int lineNo, String line, Rule.RegexMatcher r,
                                          Summaries helpers) {
        for (Rule.Condition c : r.require()) {
            if (!compiled(c).matcher(textOf(file, lineNo, line, c, helpers)).find()) {
                return false;
            }
        }
        for (Rule.Condition c : r.reject()) {
            if (compiled(c).matcher(textOf(file, lineNo, line, c, helpers)).find()) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compiled(Rule.Condition c) {
        return COMPILED.computeIfAbsent(c.regex(), Pattern::compile);
    }

    private static String textOf(SourceFile file, int lineNo, String line, Rule.Condition c, Summaries helpers) {
        return switch (c.in()) {
            case Rule.RegexMatcher.CALLEE_RESULTS -> calleeResults(file, line, helpers);
            case "file" -> file.text();
            case Rule.RegexMatcher.COMMENT_ABOVE -> commentAbove(file, lineNo);
            case Rule.RegexMatcher.LINES_BELOW -> linesBelow(file, lineNo);
            case Rule.RegexMatcher.BRANCH_LINES_BELOW ->
                    kb.review.analysis.GoDiscardPaths.onFailurePath(file, lineNo, linesBelow(file, lineNo));
            case Rule.RegexMatcher.LINE_AND_BELOW -> line.strip() + "\n" + linesBelow(file, lineNo);
            case Rule.RegexMatcher.UNCHANGED_CODE -> CommentOnlyEdits.of(file).get(lineNo) ? line : "";
            case Rule.RegexMatcher.EXECUTOR_WORK -> joined(kb.review.analysis.LoopOnlyExecutors.describe(file, lineNo, line),
                    java.util.List.of(kb.review.analysis.BoundedExecutorWork.describe(file, lineNo, line)));
            case Rule.RegexMatcher.DISCARD -> joined(kb.review.analysis.GoDiscards.describe(file, lineNo, line),
                    kb.review.analysis.GoContextOnlyErrors.describe(file, lineNo, line, helpers));
            case Rule.RegexMatcher.REPLACED_LINES -> ReplacedLines.of(file, lineNo, line);
            case Rule.RegexMatcher.REMOVED_LINES -> ReplacedLines.removedInHunkOf(file, lineNo);
            case Rule.RegexMatcher.LOOP_EXIT -> GoLoopExits.describe(file, lineNo, line);
            default -> line;
        };
    }

    /** The discard words of {@code GoDiscards} and those that need the visible functions, one a line. */
    private static String joined(String words, java.util.List<String> more) {
        return more.isEmpty() ? words : words.isEmpty() ? String.join("\n", more)
                : words + "\n" + String.join("\n", more);
    }

    /** The comment lines right above {@code lineNo} (none when the line above is code, blank or not shown). */
    private static String commentAbove(SourceFile file, int lineNo) {
        java.util.BitSet known = file.knownLines();
        StringBuilder out = new StringBuilder();
        for (int l = lineNo - 1; l >= 1 && known.get(l) && isComment(file.line(l)); l--) {
            out.insert(0, file.line(l).strip() + "\n");
        }
        return out.toString();
    }

    /**
     * The {@value #BELOW} lines right below {@code lineNo}, stripped, one per line, up to the first line the diff does
     * not show: what the code does next (a cleanup line followed by {@code return nil, err}).
     */
    private static String linesBelow(SourceFile file, int lineNo) {
        java.util.BitSet known = file.knownLines();
        StringBuilder out = new StringBuilder();
        for (int l = lineNo + 1; l <= lineNo + BELOW && known.get(l); l++) {
            out.append(file.line(l).strip()).append('\n');
        }
        return out.toString();
    }

    private static final int BELOW = 8;

    /** The first call of a line: its callee ({@code c.writeFatal}) and the text after its opening parenthesis. */
    private static final Pattern CALL = Pattern.compile("([\\p{L}_][\\w.]*)\\s*\\(");

    /**
     * The declared results of the function {@code line} calls first, one line per visible declaration with as many
     * parameters as the call has arguments ({@code -} when it declares none); empty when none is visible, when the
     * call is not the whole rest of the line ({@code c.Unwatch(ctx).Err()} discards what the last call returns), or
     * when the callee is a method. Without types a method call ({@code f.Set(...)}) cannot be told from another
     * type's method of the same name, so in Go only the package's own functions ({@code register(...)}) and those of
     * a package the file imports ({@code pkg.Register(...)}) are looked up, never methods.
     */
    static String calleeResults(SourceFile file, String line, Summaries helpers) {
        Matcher call = CALL.matcher(line);
        if (helpers == null || !call.find() || file.language() != Language.GO) {
            return "";
        }
        String callee = call.group(1);
        int args = arguments(line, call.end());
        if (args < 0) {
            return "";
        }
        int dot = callee.lastIndexOf('.');
        if (dot >= 0 && !(callee.indexOf('.') == dot && imports(file.text(), callee.substring(0, dot)))) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Summaries.Function f : helpers.in(file.path(), file.text()).declarations(callee)) {
            boolean fits = f.params().size() == args || f.variadic() && args >= f.params().size() - 1;
            if (!fits || f.owner() != null) {
                continue;
            }
            out.append(f.results() == null ? "-" : f.results().replaceAll("\\s+", " ").strip()).append('\n');
        }
        return out.toString();
    }

    /** True when a Go file's text imports a package named {@code name} (by its path's last element or an alias). */
    private static boolean imports(String text, String name) {
        return Pattern.compile("(?m)^\\s*(?:import\\s+)?(?:" + Pattern.quote(name) + "\\s+\"[^\"]*\"|\"(?:[^\"]*/)?"
                + Pattern.quote(name) + "(?:/v\\d+)?\")").matcher(text).find();
    }

    /**
     * The number of arguments of the call whose list starts at {@code from}; -1 when the list does not end on the
     * line, or something other than a comment follows it.
     */
    private static int arguments(String line, int from) {
        int depth = 0;
        int count = 0;
        boolean any = false;
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"' || ch == '`' || ch == '\'') {
                int end = line.indexOf(ch, i + 1);
                while (end > 0 && ch != '`' && line.charAt(end - 1) == '\\') {
                    end = line.indexOf(ch, end + 1);
                }
                if (end < 0) {
                    return -1;
                }
                i = end;
                any = true;
            } else if (ch == '(' || ch == '{' || ch == '[') {
                depth++;
                any = true;
            } else if (ch == ')' || ch == '}' || ch == ']') {
                if (depth == 0) {
                    String rest = line.substring(i + 1).strip();
                    return !rest.isEmpty() && !rest.startsWith("//") ? -1 : any ? count + 1 : 0;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                count++;
            } else if (!Character.isWhitespace(ch)) {
                any = true;
            }
        }
        return -1;
    }

    static boolean isComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("* ") || t.equals("*");
    }
}
