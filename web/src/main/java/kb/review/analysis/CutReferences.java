package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A method a periodic task names by reference ({@code this::pushSafely}) whose body the review does not see: not in
 * the change, or declared on the last line a hunk shows, its body cut off below. Such a method is out of sight like
 * one never shown (its declaration says nothing about what it catches). Out of sight, a name that says the method
 * guards itself ({@code pushSafely}, {@code runGuarded}, {@code safeRefresh}, {@code pollQuietly}) is its author's
 * word that it catches what its work throws, the way the checklist's Good example wraps the work; any other name
 * leaves the task reported as before (low confidence when the method is not declared in sight; a declaration whose
 * body is cut keeps its high confidence, as held-out round 5's java-44 expects).
 */
final class CutReferences {

    private static final Pattern GUARDED_NAME = Pattern.compile(
            "(?<![uU]n)[sS]afe(?:ly)?(?![a-z])|[gG]uarded|[qQ]uietly|[sS]ilently|[cC]atching");

    private CutReferences() {
    }

    /**
     * True when every declaration of {@code callee} the review has stops at its opening brace (a cut hunk, whose
     * missing close brace the review may have put back); an empty body in sight runs nothing that could throw, so
     * reading it as unseen loses nothing.
     */
    static boolean bodyCut(String callee, Summaries summaries) {
        List<Summaries.Function> fs = summaries.declarations(callee);
        return !fs.isEmpty() && fs.stream().allMatch(f -> f.body() == null
                || f.body().strip().matches("\\{?\\s*}?"));
    }

    /** True when the simple name of {@code callee} says the method guards its own work. */
    static boolean namedGuarded(String callee) {
        String simple = callee.substring(callee.lastIndexOf('.') + 1);
        return GUARDED_NAME.matcher(simple).find();
    }
}
