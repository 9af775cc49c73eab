package kb.review;

import kb.system.Allowed;
import java.util.List;
import java.util.Map;
import io.javalin.config.JavalinConfig;
import kb.system.Config;
import kb.system.Templates;
import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/** The saved pull-request reviews: pages and API. Called from the site map in {@code kb.App}. */
public final class ReviewRoutes {

    private final ReviewPages pages;
    private final ReviewApi api;
    private final Enforcement enforcement;
    private final RulePages rules;

    public ReviewRoutes(Config config, Jdbi jdbi, Templates templates) {
        SavedReviews reviews = new SavedReviews(jdbi, config.contentDir());
        this.enforcement = new Enforcement(reviews, jdbi);
        this.rules = new RulePages(reviews, jdbi);
        ReviewReports reports = new ReviewReports(reviews, config);
        this.pages = new ReviewPages(reviews, jdbi, reports);
        this.api = new ReviewApi(reviews, reports);
        templates.pageModel().contribute(ctx -> Map.of("navLinks",
                List.of(Map.of("href", "/reviews", "label", "Reviews", "section", "reviews"))));
    }

    /**
     * Lets a pasted diff up to {@link SavedReviews#MAX_DIFF_BYTES} through: Jetty limits a form field (also a
     * multipart text field) to 200,000 bytes by default, far below the request limit, and fails such requests with
     * a 500 before any handler runs.
     */
    public void install(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize(
                Math.max(h.getMaxFormContentSize(), (int) config.http.maxRequestSize)));
    }

    public void pages() {
        path("reviews", () -> {
            get(pages::list, Allowed.ANYONE);
            get("new", pages::newForm, Allowed.SIGNED_IN);
            post("new", pages::submit, Allowed.EDITOR_KEEPS_TEXT);
            get("{id}.md", pages::markdown, Allowed.ANYONE);
            get("{id}.sarif", pages::sarif, Allowed.ANYONE);
            get("{id}.json", pages::json, Allowed.ANYONE);
            get("{id}", pages::show, Allowed.ANYONE);
            post("{id}/marks/{item}", pages::mark, Allowed.EDITOR);
        });
        // the detectors the reviews run, each with what it checks and what it found ("enforced by" links here)
        path("rules", () -> {
            get(rules::list, Allowed.ANYONE);
            get("{id}", rules::show, Allowed.ANYONE);
        });
    }

    public void api() {
        path("reviews", () -> {
            post(api::create, Allowed.EDITOR);
            get("{id}", api::show, Allowed.ANYONE);
            post("{id}/marks", api::mark, Allowed.EDITOR);
        });
        path("rules", () -> {
            get(rules::apiList, Allowed.ANYONE);
            get("{id}", rules::apiShow, Allowed.ANYONE);
        });
    }

    /** The detectors of a checklist item and the newest saved review that ran one of them (all may be absent). */
    public record Detectors(List<String> ruleIds, Long reviewId, java.time.OffsetDateTime reviewedAt, int findings) {
    }

    /**
     * The rules that detect checklist item {@code checklistId} and the newest saved review with a file in a language
     * they cover; empty when no rule detects the item or the rule files cannot be read. For the action items'
     * "enforced by" (wired in kb.App).
     */
    public java.util.Optional<Detectors> detectors(String checklistId) {
        return enforcement.detectors(checklistId);
    }
}
