package kb.incidents;

import kb.system.Allowed;
import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static kb.system.Named.handler;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The incident pages and API; called from the site map in {@code kb.App}. */
public final class IncidentRoutes {

    private final IncidentController pages;
    private final IncidentApi api;

    /** {@code extensions} add badges, actions and related items to an incident's page, in this order. */
    public IncidentRoutes(Jdbi jdbi, java.util.List<IncidentPageExtension> extensions) {
        Incidents incidents = new Incidents(jdbi);
        IncidentQuery query = new IncidentQuery(jdbi);
        Insights insights = new Insights(jdbi);
        // the list's filter counts move in each write's own transaction, and are built before the first page asks
        WriteHooks.register(jdbi, "list-counts", insights.counts());
        insights.counts().warmInBackground("list-counts");
        this.pages = new IncidentController(incidents, query, insights, extensions);
        this.api = new IncidentApi(pages, query, insights);
    }

    public void pages() {
        get("/", handler(pages::home), Allowed.ANYONE);
        path("incidents", () -> {
            get(handler(pages::list), Allowed.ANYONE);
            get("{id}", handler(pages::show), Allowed.ANYONE);
        });
    }

    public void api() {
        path("incidents", () -> {
            get(handler(api::list), Allowed.ANYONE);
            get("{id}", handler(api::show), Allowed.ANYONE);
        });
    }
}
