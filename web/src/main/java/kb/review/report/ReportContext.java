package kb.review.report;

import kb.review.engine.Review;
import kb.review.rules.Catalog;
import java.util.List;
import java.util.Locale;
import kb.format.ChecklistItem.Severity;

/**
 * What every output format needs besides the review: the catalog for item titles and incidents, the site the links
 * point at, and the gate.
 *
 * @param siteUrl base URL of the knowledge base, without a trailing slash (e.g. {@code https://kb.example.com})
 */
public record ReportContext(Review review, Catalog catalog, String siteUrl, Severity failLevel) {

    public ReportContext {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public String itemUrl(String item) {
        return siteUrl + "/checklist/" + item;
    }

    public String incidentUrl(String incident) {
        return siteUrl + "/incidents/" + incident;
    }

    public List<Catalog.IncidentRef> incidents(String item) {
        return catalog.incidents(item);
    }

    public String title(String item) {
        return catalog.title(item);
    }

    public Review.Verdict verdict() {
        return review.verdict(failLevel);
    }

    static String label(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
