package kb.review.engine;

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

    static List<Hit> run(SourceFile file, List<Rule> candidates) {
        List<Hit> hits = new ArrayList<>();
        // a rule whose regex needs a text the file does not hold cannot match any of its lines
        List<Rule> rules = candidates.stream().filter(r -> Needles.mayMatch(
                Needles.cached(((Rule.RegexMatcher) r.matcher()).pattern()), file.lowerText())).toList();
        if (rules.isEmpty()) {
            return hits;
        }
        java.util.BitSet known = file.knownLines();
        for (int line = known.nextSetBit(0); line >= 0; line = known.nextSetBit(line + 1)) {
            String text = file.line(line);
            if (isComment(text)) {
                continue;
            }
            for (Rule rule : rules) {
                Rule.RegexMatcher r = (Rule.RegexMatcher) rule.matcher();
                Matcher m = r.pattern().matcher(text);
                if (m.find() && conditionsHold(file, line, text, r)) {
                    boolean sure = file.complete() || rule.context() == Rule.Context.LINE;
                    hits.add(new Hit(rule, line, m.start() + 1, sure ? Finding.Confidence.HIGH
                            : Finding.Confidence.LOW, sure ? null : Hit.PARTIAL_FILE));
                }
            }
        }
        return hits;
    }

    private static boolean conditionsHold(SourceFile file, int lineNo, String line, Rule.RegexMatcher r) {
        for (Rule.Condition c : r.require()) {
            if (!compiled(c).matcher(textOf(file, lineNo, line, c)).find()) {
                return false;
            }
        }
        for (Rule.Condition c : r.reject()) {
            if (compiled(c).matcher(textOf(file, lineNo, line, c)).find()) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compiled(Rule.Condition c) {
        return COMPILED.computeIfAbsent(c.regex(), Pattern::compile);
    }

    private static String textOf(SourceFile file, int lineNo, String line, Rule.Condition c) {
        return switch (c.in()) {
            case "file" -> file.text();
            case Rule.RegexMatcher.COMMENT_ABOVE -> commentAbove(file, lineNo);
            case Rule.RegexMatcher.LINES_BELOW -> linesBelow(file, lineNo);
            case Rule.RegexMatcher.LINE_AND_BELOW -> line.strip() + "\n" + linesBelow(file, lineNo);
            default -> line;
        };
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

    static boolean isComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("* ") || t.equals("*");
    }
}
