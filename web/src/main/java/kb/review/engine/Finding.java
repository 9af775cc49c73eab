package kb.review.engine;

import java.util.List;
import kb.format.ChecklistItem.Severity;

/**
 * One problem found in a change.
 *
 * @param rule        the detector's id, or the other analyser's rule id for imported results
 * @param item        the checklist item broken
 * @param line        1-based line in the new file
 * @param column      1-based column, or 1 when only the line is known
 * @param code        the line's code, trimmed (empty when the line is not visible)
 * @param confidence  LOW when the detector could not see all the code it needs (paste mode)
 * @param note        what the detector could not see, or null: why confidence is low when it is (a reason that no
 *                    longer lowers confidence, see {@code Hit.calibrated}, keeps its note on a high finding)
 * @param origin      {@code kb} for the built-in detectors, otherwise the importing analyser's name
 * @param suppression the {@code kb:ignore} comment that silences this finding, or null
 * @param flow        for findings about a path (a leak), its steps from the acquisition to the exit; else empty
 */
public record Finding(String rule, String item, Severity severity, String path, int line, int column, String code,
                      String message, Confidence confidence, String note, String origin, Suppression suppression,
                      List<Step> flow) {

    public Finding {
        flow = flow == null ? List.of() : List.copyOf(flow);
    }

    /** A finding without a path. */
    public Finding(String rule, String item, Severity severity, String path, int line, int column, String code,
                   String message, Confidence confidence, String note, String origin, Suppression suppression) {
        this(rule, item, severity, path, line, column, code, message, confidence, note, origin, suppression,
                List.of());
    }

    /** One step of a path: a line of the same file and what happens there. */
    public record Step(int line, String message) {
    }

    /** The path's one-line summary (its last step), or null when the finding has no path. */
    public String flowSummary() {
        return flow.isEmpty() ? null : flow.get(flow.size() - 1).message();
    }

    public enum Confidence { HIGH, LOW }

    /** A {@code kb:ignore RULE -- reason} comment. */
    public record Suppression(int line, String reason) {
    }

    public boolean suppressed() {
        return suppression != null;
    }

    Finding suppressedBy(Suppression s) {
        return new Finding(rule, item, severity, path, line, column, code, message, confidence, note, origin, s,
                flow);
    }

    /** How the note of a finding that hinges on a helper the review could not see begins. */
    static final String UNSEEN_NOTE = "handed to `";

    /**
     * True when the finding hinges on a function the review could not see (a transaction handed to a helper in
     * another file): shown at low confidence, but whether it is a defect is unknowable here, so no gate fails on it.
     */
    public boolean undecided() {
        return confidence == Confidence.LOW && note != null && note.startsWith(UNSEEN_NOTE);
    }

    /** True when this finding counts against a threshold: not suppressed, decidable and at least as severe. */
    public boolean atLeast(Severity threshold) {
        return !suppressed() && !undecided() && severity.ordinal() <= threshold.ordinal();
    }
}
