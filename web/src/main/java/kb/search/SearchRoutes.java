package kb.search;

import io.javalin.config.JavalinConfig;
import kb.incidents.IncidentPageExtension;
import kb.system.Access;
import kb.system.Allowed;
import kb.system.Templates;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.javalin.apibuilder.ApiBuilder.get;

/** Search pages and API; called from the site map in {@code kb.App}. */
public final class SearchRoutes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchRoutes.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Search search;
    private final SearchController controller;

    private final java.util.function.BooleanSupplier ready;
    private final java.time.Duration poll;

    /**
     * Search over this app's database with its index under {@code KB_DATA_DIR}; {@code ready} tells when
     * the database is migrated, so the follower starts then. {@code KB_SEARCH_POLL_MS} (default 1000) is
     * how often writes by other instances and processes are looked for.
     */
    public SearchRoutes(kb.system.Config config, org.jdbi.v3.core.Jdbi jdbi, Templates templates,
                        java.util.function.BooleanSupplier ready) {
        this.search = new Search(jdbi, config.dataDir());
        this.controller = new SearchController(search);
        this.ready = ready;
        this.poll = java.time.Duration.ofMillis(Long.parseLong(config.get("KB_SEARCH_POLL_MS", "1000")));
        templates.pageModel().contribute(ctx -> {
            String q = ctx.path().equals("/search") ? ctx.queryParam("q") : null;
            return Map.of("searchQuery", q == null ? "" : q);
        });
    }

    /**
     * After every request that may have written an incident, brings this instance's index up to date
     * before the response goes out, so the writer's next search already finds the change.
     */
    public void install(JavalinConfig config) {
        config.events.serverStarted(() -> search.follow(poll, ready));
        config.events.serverStopped(search::close);
        config.routes.after(ctx -> {
            if (WRITES.contains(ctx.method().name()) && ctx.status().getCode() < 400
                    && (ctx.path().startsWith("/incidents") || ctx.path().startsWith("/api/incidents"))) {
                search.afterWrite();
            }
        });
    }

    /**
     * Up to five related incidents, with reasons, after an incident's article, and as {@code related} in the
     * incident's JSON (the same list as {@code /api/incidents/{id}/related}).
     */
    public IncidentPageExtension incidentPage() {
        return new IncidentPageExtension() {
            @Override
            public List<Contribution> contribute(kb.incidents.Incident incident, io.javalin.http.Context ctx) {
                List<Related> related = related(incident, ctx);
                return related.isEmpty() ? List.of() : List.of(new Contribution(Slot.RELATED, "search/related",
                        Map.of("related", related)));
            }

            @Override
            public Map<String, Object> apiFields(kb.incidents.Incident incident, io.javalin.http.Context ctx) {
                return Map.of("related", related(incident, ctx));
            }
        };
    }

    /** The related incidents; none when the index cannot answer, since the incident must still be shown. */
    private List<Related> related(kb.incidents.Incident incident, io.javalin.http.Context ctx) {
        try {
            return search.related(incident.header().id(), Access.canEdit(ctx), 5);
        } catch (RuntimeException e) {
            log.warn("related incidents of {} unavailable: {}", incident.header().id(), e.toString());
            return List.of();
        }
    }

    public void pages() {
        get("search", controller::page, Allowed.ANYONE);
    }

    public void api() {
        get("search", controller::api, Allowed.ANYONE);
        get("incidents/{id}/related", controller::related, Allowed.ANYONE);
    }
}
