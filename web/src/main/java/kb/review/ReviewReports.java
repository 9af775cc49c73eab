package kb.review;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import kb.review.report.JsonReport;
import kb.review.report.MarkdownReport;
import kb.review.report.ReportContext;
import kb.review.report.SarifReport;
import kb.system.Config;
import kb.system.SiteUrl;

/**
 * A saved review in the engine's report formats. The writers are given the saved verdict, its reasons and the
 * reviewer's manual marks, so each renders them itself.
 */
final class ReviewReports {

    private final SavedReviews reviews;
    private final String site;

    ReviewReports(SavedReviews reviews, Config config) {
        this.reviews = reviews;
        this.site = SiteUrl.of(config.env());
    }

    /** {@code KB_SITE_URL}, else {@code http://localhost:7070}; never the request's Host header. */
    String site(Context ctx) {
        return site;
    }

    private ReportContext context(SavedReviews.Loaded r, String site) {
        Map<String, ReportContext.Mark> marks = new LinkedHashMap<>();
        r.marks().forEach((item, m) -> marks.put(item, new ReportContext.Mark(m.state(), m.note(), m.markedBy(),
                m.markedAt())));
        return new ReportContext(r.review(), reviews.catalog(r.review()), site, SavedReviews.FAIL_LEVEL,
                new ReportContext.Saved(r.outcome().verdict(), r.outcome().reasons(), marks));
    }

    String markdown(SavedReviews.Loaded r, String site) {
        return MarkdownReport.render(context(r, site));
    }

    String sarif(SavedReviews.Loaded r, String site) {
        return SarifReport.render(context(r, site));
    }

    /** The engine's JSON report after what was saved with it: id, links, PR fields and author. */
    String json(SavedReviews.Loaded r, String site) {
        ReviewDao.ReviewRow row = r.row();
        ObjectNode saved = JsonNodeFactory.instance.objectNode();
        saved.put("id", row.id()).put("url", site + "/reviews/" + row.id())
                .put("apiUrl", site + "/api/reviews/" + row.id())
                .put("repository", row.repository()).put("title", row.title()).put("prUrl", row.url());
        if (row.prNumber() == null) {
            saved.putNull("pr");
        } else {
            saved.put("pr", row.prNumber());
        }
        saved.put("createdBy", row.createdBy()).put("createdAt", row.createdAt().toString());
        return JsonReport.render(context(r, site), saved);
    }
}
