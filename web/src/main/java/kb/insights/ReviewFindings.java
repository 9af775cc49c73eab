package kb.insights;

import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review findings per checklist item (suppressed ones not counted): how many problems each item caught
 * in reviewed pull requests. Read-only over the review feature's {@code review_findings} table; move
 * behind the review feature's facade when it offers these counts.
 */
final class ReviewFindings {

    private final Jdbi jdbi;

    ReviewFindings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<String, Integer> byChecklistItem() {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT checklist_id, COUNT(*) AS n FROM review_findings WHERE suppressed = FALSE"
                        + " GROUP BY checklist_id")
                .map((rs, c) -> out.put(rs.getString("checklist_id"), rs.getInt("n"))).forEach(x -> { }));
        return out;
    }
}
