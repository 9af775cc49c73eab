package kb.review.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.format.ChecklistItem.Severity;
import kb.review.engine.Review;
import kb.review.rules.Catalog;

/**
 * What every output format needs besides the review: the catalog for item titles and incidents, the site the links
 * point at, the gate, and, for a saved review, the verdict a reviewer's manual marks gave it. Writers render what
 * they are given here; nothing rewrites their output afterwards.
 *
 * @param siteUrl base URL of the knowledge base, without a trailing slash (e.g. {@code https://kb.example.com})
 * @param saved   the saved review's verdict, reasons and marks; null for a review that is not saved (the command
 *                line), whose verdict is the gate's alone
 */
public record ReportContext(Review review, Catalog catalog, String siteUrl, Severity failLevel, Saved saved) {

    /**
     * The verdict of a saved review and every reason for it, and the reviewer's marks on manual items by
     * checklist id.
     */
    public record Saved(Review.Verdict verdict, List<String> reasons, Map<String, Mark> marks) {
        public Saved {
            reasons = List.copyOf(reasons);
            marks = Map.copyOf(marks);
        }
    }

    /** A reviewer's mark on a manual item: {@code checked}, {@code not_applicable} or {@code failed}. */
    public record Mark(String state, String note, String markedBy, OffsetDateTime markedAt) {
    }

    public ReportContext {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** A review that is not saved: judged by the gate alone, no marks. */
    public ReportContext(Review review, Catalog catalog, String siteUrl, Severity failLevel) {
        this(review, catalog, siteUrl, failLevel, null);
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

    /** The saved verdict when there is one, else the gate's: changes requested when a finding reaches it. */
    public Review.Verdict verdict() {
        return saved == null ? engineVerdict() : saved.verdict();
    }

    /** The verdict of the findings alone, as {@code review --fail-level} judges them. */
    public Review.Verdict engineVerdict() {
        return review.verdict(failLevel);
    }

    /** The reviewer's mark on a manual item, if the review is saved and the item is marked. */
    public Optional<Mark> mark(String item) {
        return saved == null ? Optional.empty() : Optional.ofNullable(saved.marks().get(item));
    }

    static String label(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String key(Review.Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
