package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The incident pages and API; called from the site map in {@code kb.App}. */
public final class IncidentRoutes {

    private final IncidentController pages;
    private final IncidentApi api;

    public IncidentRoutes(Jdbi jdbi) {
        Incidents incidents = new Incidents(jdbi);
        IncidentQuery query = new IncidentQuery(jdbi);
        this.pages = new IncidentController(incidents, query, new Insights(jdbi));
        this.api = new IncidentApi(pages, query);
    }

    public void pages() {
        get("/", pages::home);
        path("incidents", () -> {
            get(pages::list);
            get("{id}", pages::show);
        });
    }

    public void api() {
        path("incidents", () -> {
            get(api::list);
            get("{id}", api::show);
        });
    }
}
