package kb.actions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the action-item list needs to know of the review feature: whether a checklist item has a detector, and the
 * newest saved review that ran it. Wired in {@code kb.App}, so this package does not depend on the review feature.
 */
@FunctionalInterface
public interface RuleEvidence {

    /**
     * A checklist item that a review detector enforces.
     *
     * @param ruleIds       ids of the detectors (rules in {@code content/rules}) for the item; never empty
     * @param lastReviewId  the newest saved review that ran one of them, or {@code null} when none did
     * @param lastReviewAt  when that review was saved, or {@code null}
     * @param lastFindings  what that review found for the item (unsuppressed findings), 0 when there is none
     */
    record Enforcement(String checklistId, List<String> ruleIds, Long lastReviewId, OffsetDateTime lastReviewAt,
                       int lastFindings) {
        public Enforcement {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /**
     * The detectors of checklist item {@code checklistId}; empty when the item has none (no rule, only manual
     * triggers, or the rule files cannot be read). Must not throw for an unknown id.
     */
    Optional<Enforcement> enforcement(String checklistId);

    /** Evidence of nothing: no item counts as enforced. */
    static RuleEvidence none() {
        return id -> Optional.empty();
    }
}
