package kb.review;

import kb.review.engine.Review;
import kb.review.report.JsonReport;
import kb.review.report.MarkdownReport;
import kb.review.report.ReportContext;
import kb.review.report.SarifReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.system.Config;

/**
 * A saved review in the engine's report formats. The writers judge findings only, so the saved verdict (which also
 * counts the reviewer's manual marks) is put in: the JSON carries both, and the Markdown comment shows the saved
 * verdict and ticks the manual items marked checked or not applicable.
 */
final class ReviewReports {

    private static final Pattern HEADLINE = Pattern.compile("(?m)^## Checklist review: .*$");

    private final SavedReviews reviews;
    private final String site;

    ReviewReports(SavedReviews reviews, Config config) {
        this.reviews = reviews;
        this.site = kb.system.SiteUrl.of(config.env());
    }

    /** {@code KB_SITE_URL}, else {@code http://localhost:7070}; never the request's Host header. */
    String site(Context ctx) {
        return site;
    }

    private ReportContext context(SavedReviews.Loaded r, String site) {
        return new ReportContext(r.review(), reviews.catalog(r.review()), site, SavedReviews.FAIL_LEVEL);
    }

    String markdown(SavedReviews.Loaded r, String site) {
        String md = MarkdownReport.render(context(r, site));
        boolean pass = r.outcome().verdict() == Review.Verdict.PASS;
        md = HEADLINE.matcher(md).replaceFirst(Matcher.quoteReplacement(
                "## Checklist review: " + (pass ? "passed" : "changes requested")));
        for (ReviewDao.MarkRow m : r.marks().values()) {
            String marker = "<!-- kb-manual:" + m.checklistId() + " -->";
            String tick = m.state().equals("failed") ? "- [ ] **failed**" : "- [x]";
            String note = m.note().isBlank() ? "" : " " + MarkdownReport.text(m.note());
            String who = " (" + m.state().replace('_', ' ') + " by " + MarkdownReport.text(m.markedBy()) + ")";
            md = md.lines().map(line -> line.startsWith("- [ ] ") && line.endsWith(marker)
                    ? tick + " " + line.substring(6, line.length() - marker.length()).stripTrailing() + who + note
                    + " " + marker : line).reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'),
                    StringBuilder::append).toString();
        }
        return md;
    }

    String sarif(SavedReviews.Loaded r, String site) {
        return SarifReport.render(context(r, site));
    }

    String json(SavedReviews.Loaded r, String site) {
        try {
            return SarifReport.JSON.writeValueAsString(tree(r, site)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    /** The engine's JSON report plus what was saved: id, links, PR fields, author, marks and the saved verdict. */
    ObjectNode tree(SavedReviews.Loaded r, String site) {
        ReviewDao.ReviewRow row = r.row();
        ObjectNode root = SarifReport.JSON.createObjectNode();
        root.put("id", row.id()).put("url", site + "/reviews/" + row.id())
                .put("apiUrl", site + "/api/reviews/" + row.id())
                .put("repository", row.repository()).put("title", row.title()).put("prUrl", row.url());
        if (row.prNumber() == null) {
            root.putNull("pr");
        } else {
            root.put("pr", row.prNumber());
        }
        root.put("createdBy", row.createdBy()).put("createdAt", row.createdAt().toString());
        ObjectNode engine = JsonReport.tree(context(r, site));
        root.put("engineVerdict", engine.path("verdict").asText());
        engine.remove("verdict");
        root.put("verdict", r.outcome().key());
        var reasons = root.putArray("verdictReasons");
        r.outcome().reasons().forEach(reasons::add);
        root.setAll(engine);
        for (JsonNode m : root.path("manual")) {
            ReviewDao.MarkRow mark = r.marks().get(m.path("item").asText());
            if (mark == null) {
                ((ObjectNode) m).putNull("mark");
            } else {
                ((ObjectNode) m).putObject("mark").put("state", mark.state()).put("note", mark.note())
                        .put("markedBy", mark.markedBy()).put("markedAt", mark.markedAt().toString());
            }
        }
        return root;
    }
}
