package kb.search;

import io.javalin.config.JavalinConfig;
import kb.system.Access;
import kb.system.Templates;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.javalin.apibuilder.ApiBuilder.get;

/** Search pages and API; called from the site map in {@code kb.App}. */
public final class SearchRoutes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchRoutes.class);
    private static final Pattern INCIDENT_PAGE = Pattern.compile("/incidents/([a-z0-9][a-z0-9-]{2,79})");
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
            if (ctx.path().equals("/search")) {
                String q = ctx.queryParam("q");
                return Map.of("searchQuery", q == null ? "" : q);
            }
            Matcher m = INCIDENT_PAGE.matcher(ctx.path());
            if (!m.matches() || m.group(1).equals("new") || !"GET".equals(ctx.method().name())) {
                return Map.of();
            }
            try {
                return Map.of("relatedIncidents", search.related(m.group(1), Access.canEdit(ctx), 5));
            } catch (RuntimeException e) {
                // the incident page must render even when the index cannot answer
                log.warn("related incidents of {} unavailable: {}", m.group(1), e.toString());
                return Map.of();
            }
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

    /** The search service, for the parts of the app that show related incidents. */
    public Search search() {
        return search;
    }

    public void pages() {
        get("search", controller::page);
    }

    public void api() {
        get("search", controller::api);
        get("incidents/{id}/related", controller::related);
    }
}
