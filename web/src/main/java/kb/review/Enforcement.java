package kb.review;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kb.review.rules.Rule;
import kb.review.rules.RuleFileException;
import org.jdbi.v3.core.Jdbi;

/**
 * Which rules enforce a checklist item, and the newest saved review that could have run them: the evidence that
 * a lesson became a check, shown on the action items that asked for it.
 */
final class Enforcement {
    private final SavedReviews saved;
    private final Jdbi jdbi;

    Enforcement(SavedReviews saved, Jdbi jdbi) {
        this.saved = saved;
        this.jdbi = jdbi;
    }

    /**
     * The rules of {@code checklistId} and the newest saved review with a (text) file in a language they cover,
     * with its unsuppressed findings for the item; empty when no rule detects the item or the rule files cannot
     * be read.
     */
    Optional<ReviewRoutes.Detectors> detectors(String checklistId) {
        List<Rule> rules;
        try {
            rules = saved.book().rules().stream().filter(r -> r.item().equals(checklistId)).toList();
        } catch (IOException | RuleFileException e) { // kb:ignore ERR-01 -- the rule pages answer 503 with the cause; this panel is left out
            return Optional.empty();
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        List<String> ruleIds = rules.stream().map(Rule::id).toList();
        List<String> languages = rules.stream().flatMap(r -> r.languages().stream()).map(Enum::name).distinct().toList();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id, r.created_at, (SELECT COUNT(*) FROM review_findings f WHERE f.review_id = r.id
                            AND f.checklist_id = :item AND f.suppressed = FALSE) AS n
                        FROM reviews r WHERE EXISTS (SELECT 1 FROM review_files rf WHERE rf.review_id = r.id
                            AND rf.is_binary = FALSE AND rf.language IN (<languages>))
                        ORDER BY r.created_at DESC, r.id DESC LIMIT 1""")
                .bind("item", checklistId).bindList("languages", languages)
                .map((rs, c) -> new ReviewRoutes.Detectors(ruleIds, rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getInt("n")))
                .findOne()
                .or(() -> Optional.of(new ReviewRoutes.Detectors(ruleIds, null, null, 0))));
    }
}
