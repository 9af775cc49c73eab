package kb.insights;

import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The insights page, its CSV tables and JSON; called from the site map in {@code kb.App}. */
public final class InsightsRoutes {

    private final InsightsController controller;

    public InsightsRoutes(Jdbi jdbi, kb.system.Templates templates) {
        Insights insights = new Insights(jdbi);
        this.controller = new InsightsController(insights);
        templates.pageModel().contribute(ctx -> {
            var m = new java.util.HashMap<String, Object>();
            m.put("navLinks", java.util.List.of(java.util.Map.of("href", "/insights", "label", "Insights", "section", "insights")));
            if (ctx.path().equals("/")) {
                // the home page's "this week in past years"; the page must render even if this cannot be worked out
                try {
                    // left out (not waited for) while the facts are first read
                    m.put("pastYears", insights.ready(InsightsController.PAGE_WAIT)
                            ? PastYears.around(insights.facts(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)) : java.util.List.of());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(InsightsRoutes.class).warn("this week in past years: {}", e.toString());
                }
            }
            return m;
        });
    }

    public void pages() {
        path("insights", () -> {
            get(controller::page, kb.system.Allowed.ANYONE);
            get("{name}.csv", controller::csv, kb.system.Allowed.ANYONE);
        });
    }

    public void api() {
        get("insights", controller::api, kb.system.Allowed.ANYONE);
    }
}
