package kb.review;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kb.checklist.Checklist;
import kb.review.diff.Language;
import kb.review.rules.Catalog;
import kb.review.rules.Glob;
import kb.review.rules.Rule;
import kb.review.rules.RuleBook;
import kb.review.rules.RuleFileException;
import kb.system.Web;
import org.jdbi.v3.core.Jdbi;

/**
 * A page per review rule ({@code /rules/{id}}, {@code /api/rules/{id}}) and the list of them: what the rule checks,
 * the checklist item it enforces with the incidents behind that item, and what saved reviews found with it. This is
 * where "enforced by RULE-ID" on an action item leads.
 */
final class RulePages {

    private final SavedReviews reviews;
    private final Checklist checklist;
    private final RuleRecord record;

    RulePages(SavedReviews reviews, Jdbi jdbi) {
        this.reviews = reviews;
        this.checklist = new Checklist(jdbi);
        this.record = new RuleRecord(jdbi);
    }

    void list(Context ctx) {
        Optional<RuleBook> book = book(ctx, false);
        if (book.isEmpty()) {
            return;
        }
        Map<String, List<Map<String, Object>>> byItem = new TreeMap<>();
        for (Rule r : book.get().rules()) {
            byItem.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(summary(r));
        }
        Map<String, String> titles = new LinkedHashMap<>();
        byItem.keySet().forEach(id -> titles.put(id, itemTitle(book.get(), id)));
        ctx.render("reviews/rules", Map.of("byItem", byItem, "titles", titles, "total", book.get().rules().size()));
    }

    void apiList(Context ctx) {
        book(ctx, true).ifPresent(b -> ctx.json(Map.of("rules", b.rules().stream().map(RulePages::summary).toList())));
    }

    void show(Context ctx) {
        Optional<RuleBook> book = book(ctx, false);
        if (book.isPresent()) {
            ctx.render("reviews/rule", model(book.get(), find(book.get(), ctx.pathParam("id"))));
        }
    }

    void apiShow(Context ctx) {
        Optional<RuleBook> book = book(ctx, true);
        if (book.isEmpty()) {
            return;
        }
        Map<String, Object> m = model(book.get(), find(book.get(), ctx.pathParam("id")));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) m.get("rule"));
        body.put("checklistItem", m.get("item"));
        body.put("incidents", ((List<?>) m.get("incidents")).stream().map(i -> {
            Checklist.IncidentRef ref = (Checklist.IncidentRef) i;
            return Map.of("id", ref.id(), "title", ref.title(), "severity", ref.severity(), "url", "/incidents/" + ref.id());
        }).toList());
        RuleRecord.Evidence e = (RuleRecord.Evidence) m.get("evidence");
        body.put("lastReview", e.lastReviewId() == null ? null : Map.of("id", e.lastReviewId(), "url",
                "/reviews/" + e.lastReviewId(), "at", e.lastReviewAt().toString(), "findings", e.lastFindings()));
        body.put("findings", e.findings());
        body.put("reviewsWithFindings", e.reviewsFinding());
        body.put("suppressedFindings", e.suppressed());
        ctx.json(body);
    }

    private Map<String, Object> model(RuleBook book, Rule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", detail(rule));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", rule.item());
        item.put("title", itemTitle(book, rule.item()));
        item.put("url", "/checklist/" + rule.item());
        m.put("item", item);
        // the stored checklist and incidents (what the checklist page shows), not the content files the rules came from
        m.put("incidents", checklist.incidents(rule.item()));
        m.put("evidence", record.of(rule));
        m.put("siblings", book.rules().stream().filter(r -> r.item().equals(rule.item()) && !r.id().equals(rule.id()))
                .map(Rule::id).toList());
        return m;
    }

    private String itemTitle(RuleBook book, String itemId) {
        return checklist.item(itemId).map(Checklist.Item::title)
                .or(() -> book.catalog().item(itemId).map(Catalog.Item::title)).orElse(null);
    }

    private static Rule find(RuleBook book, String id) {
        return book.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("There is no review rule '" + id + "'; /rules lists them."));
    }

    /** The rule book, or empty after answering 503 with why the rule files could not be read. */
    private Optional<RuleBook> book(Context ctx, boolean json) {
        try {
            return Optional.of(reviews.book());
        } catch (IOException | RuleFileException e) {
            String message = "The review rules could not be loaded: " + e.getMessage();
            if (json) {
                Web.jsonError(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), message, Map.of());
            } else {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).render("reviews/rule", Map.of("problem", message));
            }
            return Optional.empty();
        }
    }

    private static Map<String, Object> summary(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("url", "/rules/" + r.id());
        m.put("checklistId", r.item());
        m.put("languages", r.languages().stream().map(Language::key).sorted().toList());
        m.put("severity", r.severity().label());
        m.put("message", r.message());
        return m;
    }

    private static Map<String, Object> detail(Rule r) {
        Map<String, Object> m = summary(r);
        m.put("context", r.context().name().toLowerCase(java.util.Locale.ROOT));
        m.put("paths", r.paths().stream().map(Glob::text).toList());
        m.put("exclude", r.exclude().stream().map(Glob::text).toList());
        m.put("source", r.source());
        Rule.Matcher matcher = r.matcher();
        if (matcher instanceof Rule.RegexMatcher x) {
            m.put("kind", "regex");
            m.put("how", "a regular expression tried on each line of code (comment lines left out)");
            m.put("pattern", x.pattern().pattern());
        } else if (matcher instanceof Rule.QueryMatcher x) {
            m.put("kind", "tree-sitter");
            m.put("how", "a tree-sitter query over the syntax tree");
            m.put("pattern", x.text().strip());
        } else if (matcher instanceof Rule.VisitorMatcher x) {
            m.put("kind", "visitor");
            m.put("how", "a Java syntax-tree visitor (" + x.name() + ")");
            m.put("pattern", null);
        } else if (matcher instanceof Rule.AnalysisMatcher x) {
            m.put("kind", "analysis");
            m.put("how", "a program analysis over the control-flow graph (" + x.analysis() + ")"
                    + (x.resources().isEmpty() ? "" : " for " + String.join(", ", new java.util.TreeSet<>(x.resources()))));
            m.put("pattern", null);
        }
        return m;
    }
}
