package kb.review.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled forms of a tree rule's conditions ({@code where:} regexes), and the literal needles that let a
 * condition be answered "no" without running its regex.
 *
 * <p>A condition may name a capture ({@code {f}}): its regex then exists only once the capture's text is known, and
 * used to be compiled anew at every match, then run over a whole file or function. Three things keep that cheap: the
 * needles of the <em>template</em> (its literal parts, read by {@link Needles} with each placeholder standing for an
 * unknown word character) are looked up first, so a file without {@code isDone} never runs the future rule's regex;
 * the expanded patterns are remembered in a bounded map, since the same local names recur across a file's matches;
 * and a regex that must open with its capture is tried only where that capture's text occurs ({@link #lead}). Only
 * the speed depends on this class, never a result: needles are texts that every match contains.
 */
final class ConditionPatterns {

    private static final Pattern PLACEHOLDER = kb.review.rules.Rule.Condition.PLACEHOLDER;

    /** Below this length the regex is cheaper than lower-casing the text to look for needles. */
    private static final int SHORT_TEXT = 400;

    private static final Map<String, List<String>> NEEDLES = new ConcurrentHashMap<>();

    private ConditionPatterns() {
    }

    /** {@code regex} compiled, remembered (see {@link kb.review.analysis.Regexes}: expanded regexes vary). */
    static Pattern compiled(String regex) {
        return kb.review.analysis.Regexes.compiled(regex);
    }

    /**
     * The needles of a condition's regex as written in the rule (placeholders included), lower case; null when none
     * are known and the regex must run.
     */
    static List<String> needles(String template) {
        List<String> n = NEEDLES.computeIfAbsent(template, t -> {
            List<String> found;
            try {
                found = Needles.of(Pattern.compile(PLACEHOLDER.matcher(t).replaceAll(m -> "\\\\w")));
            } catch (java.util.regex.PatternSyntaxException e) {
                found = null; // a placeholder where a word class cannot stand (inside a class): always run
            }
            return found == null ? List.of() : found;
        });
        return n.isEmpty() ? null : n;
    }

    private static final Map<String, String> LEADS = new ConcurrentHashMap<>();

    /**
     * The placeholder every match of {@code template} starts with, or null: the regex opens with nothing but
     * zero-width assertions ({@code \\b}, {@code ^}, {@code \\A}, look-behinds) and then the placeholder, exactly
     * once, with no alternation at its level. A case-insensitive or free-spacing template has no lead (the capture's
     * text is looked up as written).
     */
    static String lead(String template) {
        String lead = LEADS.computeIfAbsent(template, t -> {
            String found = readLead(t);
            return found == null ? "" : found;
        });
        return lead.isEmpty() ? null : lead;
    }

    private static String readLead(String t) {
        if (t.contains("(?i") || t.contains("(?x") || topLevelBar(t)) {
            return null;
        }
        int i = 0;
        while (i < t.length()) {
            if (t.startsWith("\\b", i) || t.startsWith("\\A", i)) {
                i += 2;
            } else if (t.charAt(i) == '^') {
                i++;
            } else if (t.startsWith("(?<!", i) || t.startsWith("(?<=", i) || t.startsWith("(?m)", i)
                    || t.startsWith("(?s)", i)) {
                int close = groupEnd(t, i);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else {
                break;
            }
        }
        Matcher m = PLACEHOLDER.matcher(t).region(i, t.length());
        if (!m.lookingAt()) {
            return null;
        }
        int after = m.end();
        if (after < t.length() && "?*{".indexOf(t.charAt(after)) >= 0) {
            return null; // optional or repeated: the match need not start with it
        }
        return m.group(1);
    }

    /** The index of the {@code )} closing the group opened at {@code open}; -1 when there is none or it is unclear. */
    private static int groupEnd(String t, int open) {
        return scan(t, open, false);
    }

    /** Whether {@code t} has a {@code |} outside every group and class, or may have (a nesting this scan does not read). */
    private static boolean topLevelBar(String t) {
        return scan(t, 0, true) != -1;
    }

    /**
     * Walks {@code t} from {@code from}, past escapes and character classes: with {@code bar}, the index of the first
     * {@code |} outside every group; without, that of the {@code )} closing the group opened at {@code from}; -1 when
     * there is none. A class inside a class, an intersection or a quoted {@code \Q} span is not read: -2.
     */
    private static int scan(String t, int from, boolean bar) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '\\') {
                if (i + 1 < t.length() && t.charAt(i + 1) == 'Q') {
                    return -2;
                }
                i++;
            } else if (inClass) {
                if (ch == '[' || (ch == '&' && i + 1 < t.length() && t.charAt(i + 1) == '&')) {
                    return -2;
                }
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (--depth == 0 && !bar) {
                    return i;
                }
            } else if (ch == '|' && depth == 0 && bar) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code p.matcher(text).find()}, answered by trying only where {@code lead} (the text of the template's
     * {@link #lead}) occurs: a match must start there, so the regex is not tried at every other position of a
     * whole function or file. Look-behinds still see the text before each try.
     */
    static boolean find(Pattern p, String text, String lead) {
        if (lead == null || lead.isEmpty()) {
            return p.matcher(text).find();
        }
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
            if (m.region(at, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text a condition searches ({@code in:}) is a piece of the reviewed file as written: the line, the
     * enclosing function, the file, a capture or an ancestor's text (not helper bodies drawn from elsewhere, nor
     * code with its comments cut out).
     */
    static boolean withinFile(String in, java.util.Set<String> captures) {
        return in.equals("line") || in.equals("scope") || in.equals("file")
                || in.startsWith(TreeSitterDetector.ANCESTOR) || captures.contains(in);
    }

    /**
     * False only when {@code text} holds none of the template's needles, so no expansion of it can match;
     * {@code lower} is the text in lower case when the caller keeps it (a whole file's), else null.
     */
    static boolean mayMatch(String template, String text, String lower) {
        if (text.length() < SHORT_TEXT) {
            return true;
        }
        List<String> needles = needles(template);
        return needles == null || Needles.mayMatch(needles, lower != null ? lower : text.toLowerCase(Locale.ROOT));
    }
}
