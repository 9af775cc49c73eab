package kb.review.engine;

import java.util.List;
import java.util.Map;
import kb.review.diff.Language;
import kb.review.rules.Rule;

/** A detector's raw match, before it becomes a {@link Finding}. */
record Hit(Rule rule, int line, int column, Finding.Confidence confidence, String note, List<Finding.Step> flow) {

    Hit(Rule rule, int line, int column, Finding.Confidence confidence, String note) {
        this(rule, line, column, confidence, note, List.of());
    }

    static final String BY_NAME = "the library model matched a name, not a declared type";

    static final String PARTIAL_FUNCTION = "the diff shows only part of the enclosing function";
    static final String PARTIAL_FILE = "the diff shows only part of the file";
    /**
     * A value the change brings in whose function goes on below the hunk: the release it needs, if any, would be
     * there, unseen. Stays low in every language: the review did not see the release missing, only not present.
     */
    static final String RELEASE_BELOW = "the function goes on below the diff, where its release would have to be";

    /**
     * Reasons that no longer lower a finding's confidence, per language. A detector still says why it was unsure; a
     * reason stays a reason to lower only while the findings that give it are wrong more often than the high ones.
     * Measured (issue 11, round 10; realfixes README, "Confidence by reason"), held-out rounds 7 to 9 and precision
     * sets 4 and 5 (real commits) together: a name match was right 25 times and wrong twice (Go and Java); in Go, a
     * function the diff shows only in part 32 times and 16 times (0.67, against 0.40 for Go's high findings on the two
     * sets, whose false ones are the same classes: examples, test harnesses, bounded loops), and a goroutine on a
     * function whose body is not in the diff 3 times (and once accepted) and never wrongly. A team gating on high
     * findings lost those true findings and gained no precision. Still lowering: a part of a Java method (3 right, 5
     * wrong), a task whose callee is hidden (2 and 3), a release the change moved or an acquisition outside the hunks
     * (0 and 4), and a value handed to a helper the review could not see (undecided: no gate fails on it). A hit whose
     * function is partial and whose match is by name says only "partial", so Go lifts the two together.
     */
    private static final Map<Language, List<String>> NOT_LOWERING = Map.of(
            Language.GO, List.of(BY_NAME, PARTIAL_FUNCTION, "is not in the diff: it may recover"),
            Language.JAVA, List.of(BY_NAME));

    /**
     * This hit as the finding reports it: high confidence when its only reason to be low no longer lowers it (a note
     * equal to, or ending with, one of the language's reasons). The note stays (the JSON and SARIF reports carry it),
     * so what the review could not see is still said.
     */
    Hit calibrated(Language language) {
        if (confidence == Finding.Confidence.LOW && note != null
                && NOT_LOWERING.getOrDefault(language, List.of()).stream().anyMatch(note::endsWith)) {
            return new Hit(rule, line, column, Finding.Confidence.HIGH, note, flow);
        }
        return this;
    }

    /** The note of a duty handed to a function the review could not see (it may end it there). */
    static String unseen(String callee) {
        return Finding.UNSEEN_NOTE + callee + "`, which the review could not see: whether it ends it there is unknown";
    }
}
