package kb.insights;

import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The insights page, its CSV tables and JSON; called from the site map in {@code kb.App}. */
public final class InsightsRoutes {

    private final InsightsController controller;

    public InsightsRoutes(Jdbi jdbi, kb.system.Templates templates) {
        this.controller = new InsightsController(new Insights(jdbi));
        templates.pageModel().contribute(ctx -> java.util.Map.of("navLinks", java.util.List.of(
                java.util.Map.of("href", "/insights", "label", "Insights", "section", "insights"))));
    }

    public void pages() {
        path("insights", () -> {
            get(controller::page);
            get("{name}.csv", controller::csv);
        });
    }

    public void api() {
        get("insights", controller::api);
    }
}
