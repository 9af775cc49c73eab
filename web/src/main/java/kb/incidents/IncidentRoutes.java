package kb.incidents;

import kb.system.Allowed;
import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The incident pages and API; called from the site map in {@code kb.App}. */
public final class IncidentRoutes {

    private final IncidentController pages;
    private final IncidentApi api;

    /** {@code extensions} add badges, actions and related items to an incident's page, in this order. */
    public IncidentRoutes(Jdbi jdbi, java.util.List<IncidentPageExtension> extensions) {
        Incidents incidents = new Incidents(jdbi);
        IncidentQuery query = new IncidentQuery(jdbi);
        this.pages = new IncidentController(incidents, query, new Insights(jdbi), extensions);
        this.api = new IncidentApi(pages, query);
    }

    public void pages() {
        get("/", pages::home, Allowed.ANYONE);
        path("incidents", () -> {
            get(pages::list, Allowed.ANYONE);
            get("{id}", pages::show, Allowed.ANYONE);
        });
    }

    public void api() {
        path("incidents", () -> {
            get(api::list, Allowed.ANYONE);
            get("{id}", api::show, Allowed.ANYONE);
        });
    }
}
