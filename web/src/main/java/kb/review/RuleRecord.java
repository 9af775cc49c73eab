package kb.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kb.review.diff.Language;
import kb.review.rules.Rule;
import org.jdbi.v3.core.Jdbi;

/**
 * What saved reviews did with one rule: the newest review that ran it (one of its files is a text file the rule
 * applies to: its languages, paths and excludes) and the findings it made there and in all reviews.
 */
final class RuleRecord {

    /** How many of the newest reviews' files are looked through for the last review that ran a rule. */
    static final int FILES_LOOKED_AT = 20_000;

    /**
     * @param lastReviewId   the newest saved review that ran the rule, or {@code null} when none did
     * @param lastReviewAt   when it was saved, or {@code null}
     * @param lastFindings   the rule's unsuppressed findings in that review
     * @param findings       the rule's unsuppressed findings in every saved review
     * @param reviewsFinding how many saved reviews have at least one of them
     * @param suppressed     findings of the rule that a suppression comment silenced, in every saved review
     */
    record Evidence(Long lastReviewId, OffsetDateTime lastReviewAt, int lastFindings, int findings, int reviewsFinding,
                    int suppressed) {
    }

    private record Ran(long id, OffsetDateTime at, String path) {
    }

    private final Jdbi jdbi;

    RuleRecord(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The evidence for {@code rule}; all counts are 0 and the review {@code null} when no saved review ran it. */
    Evidence of(Rule rule) {
        List<String> languages = rule.languages().stream().map(Language::name).toList();
        return jdbi.withHandle(h -> {
            Map<Boolean, Integer> counts = h.createQuery("""
                            SELECT suppressed, COUNT(*) AS n FROM review_findings WHERE rule_id = :rule GROUP BY suppressed""")
                    .bind("rule", rule.id())
                    .map((rs, c) -> Map.entry(rs.getBoolean("suppressed"), rs.getInt("n")))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            int reviewsFinding = h.createQuery("""
                            SELECT COUNT(DISTINCT review_id) FROM review_findings WHERE rule_id = :rule AND suppressed = FALSE""")
                    .bind("rule", rule.id()).mapTo(Integer.class).one();
            // newest first; the rule's path globs decide in Java, so the first file that matches ends the walk
            Optional<Ran> last = Optional.empty();
            if (!languages.isEmpty()) {
                try (var rows = h.createQuery("""
                                SELECT r.id, r.created_at, rf.path FROM reviews r JOIN review_files rf ON rf.review_id = r.id
                                WHERE rf.is_binary = FALSE AND rf.language IN (<languages>)
                                ORDER BY r.created_at DESC, r.id DESC""")
                        .bindList("languages", languages)
                        .setMaxRows(FILES_LOOKED_AT)
                        .map((rs, c) -> new Ran(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
                                rs.getString("path")))
                        .stream()) {
                    last = rows.filter(r -> rule.appliesTo(r.path())).findFirst();
                }
            }
            if (last.isEmpty()) {
                return new Evidence(null, null, 0, counts.getOrDefault(false, 0), reviewsFinding, counts.getOrDefault(true, 0));
            }
            int lastFindings = h.createQuery("""
                            SELECT COUNT(*) FROM review_findings WHERE review_id = :review AND rule_id = :rule
                            AND suppressed = FALSE""")
                    .bind("review", last.get().id()).bind("rule", rule.id()).mapTo(Integer.class).one();
            return new Evidence(last.get().id(), last.get().at(), lastFindings, counts.getOrDefault(false, 0),
                    reviewsFinding, counts.getOrDefault(true, 0));
        });
    }
}
