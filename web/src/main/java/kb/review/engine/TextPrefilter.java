package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Model;
import kb.review.analysis.Summaries;

/**
 * Whether a file's lower-cased text can hold what an analysis looks for (a model entry's call or type, or a call of
 * a helper of the change that makes one), decided from its words alone. {@link AnalysisDetector} asks before it
 * copies a tree or parses with JavaParser, so a file that cannot match costs one reading of its text; the answer is
 * only ever "maybe" or "no", never a finding. Apart because it is asked for every model entry of every file and
 * keeps its own cache, while the detector only routes rules to analyses.
 */
final class TextPrefilter {

    private TextPrefilter() {
    }

    /**
     * False only when the file's text cannot hold a call or constructor this entry matches: each needle of its
     * pattern is cut to its longest identifier run, since a printed callee ({@code a.b}) may be spread over spaces
     * and lines in the source, but an identifier is written whole.
     */
    static boolean mayAppear(Model.Acquire q, String lowerText) {
        return mayAppear(q.call() != null ? q.call() : q.newType() != null ? q.newType() : q.cast(), lowerText);
    }

    /**
     * The same test for any pattern matched against code text (a callee, a type). Asked for every model entry of
     * every file: the words are looked up in one reading of the text (see {@link Occurrences}).
     */
    static boolean mayAppear(Pattern p, String lowerText) {
        List<String> words = p == null ? null : words(p);
        if (words == null) {
            return true;
        }
        for (String word : words) {
            if (word.isEmpty() || Occurrences.contains(lowerText, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per pattern, the longest identifier run of each of its needles (empty: the pattern has none). Asked for every
     * model entry of every file: splitting the needles with a regex each time cost more than the search itself.
     */
    private static final java.util.Map<Pattern, List<String>> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The words of {@code p}'s needles, or null when it has none and must be taken as present. */
    private static List<String> words(Pattern p) {
        List<String> words = WORDS.get(p);
        if (words == null) {
            if (WORDS.size() > 10_000) {
                WORDS.clear(); // patterns come from the rule book; the bound only guards against misuse
            }
            words = WORDS.computeIfAbsent(p, TextPrefilter::longestWords);
        }
        return words.isEmpty() ? null : words;
    }

    /** The longest identifier run of each needle of {@code p} (empty when it has none). */
    private static List<String> longestWords(Pattern p) {
        List<String> needles = Needles.cached(p);
        List<String> found = new ArrayList<>();
        for (String n : needles == null ? List.<String>of() : needles) {
            String word = "";
            for (String part : IDENTIFIER_GAP.split(n)) {
                word = part.length() > word.length() ? part : word;
            }
            found.add(word);
        }
        return List.copyOf(found);
    }

    private static final Pattern IDENTIFIER_GAP = Pattern.compile("[^a-z0-9_$]+");

    private static final Pattern STATIC_CALL = Pattern.compile("(?=[A-Z])\\b[A-Z]\\w*\\s*\\.\\s*(\\w+)\\s*\\(");

    /**
     * The bodies (lower-cased) of the methods seen in the change that the file calls on a class
     * ({@code Db.open(url)}) and that return something.
     */
    static List<String> staticHelpers(String text, Summaries summaries) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        Matcher mc = STATIC_CALL.matcher(text);
        while (mc.find()) {
            if (names.add(mc.group(1))) {
                for (Summaries.Function f : summaries.visible(mc.group(1))) {
                    if (f.owner() != null && f.body().contains("return")) {
                        out.add(f.body().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    /** True when one of those helper bodies may make a call of {@code m}: it may hand its caller one to close. */
    static boolean helperMayAcquire(Model m, List<String> bodies) {
        for (String body : bodies) {
            if (m.acquires().stream().anyMatch(q -> q.returns() == null && mayAppear(q, body))) {
                return true;
            }
        }
        return false;
    }
}
