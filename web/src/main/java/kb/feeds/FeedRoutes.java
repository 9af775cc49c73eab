package kb.feeds;

import io.javalin.http.Context;
import kb.incidents.Incidents;
import kb.system.Allowed;
import kb.system.Config;
import kb.system.SiteUrl;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

import static io.javalin.apibuilder.ApiBuilder.get;

/**
 * Atom feeds of new and updated published postmortems: all of them ({@code /feed.atom}), one service's
 * ({@code /feeds/services/NAME.atom}) and one checklist item's ({@code /feeds/checklist/ID.atom}).
 * Links are absolute, built from {@code KB_SITE_URL}.
 */
public final class FeedRoutes {

    static final int ENTRIES = 50;

    private final Incidents incidents;
    private final String site;

    /**
     * Also tells every page which feeds follow what it shows, for the layout's {@code <link rel="alternate">}: the
     * incident list filtered by one service offers that service's feed, a checklist item's page the item's feed.
     */
    public FeedRoutes(Config config, Jdbi jdbi, kb.system.Templates templates) {
        this.incidents = new Incidents(jdbi);
        this.site = SiteUrl.of(config.env());
        templates.pageModel().contribute(ctx -> java.util.Map.of("feeds", feedsOf(ctx)));
    }

    /** The feeds that follow what the page of {@code ctx} shows, each with {@code title} and {@code href}. */
    static List<java.util.Map<String, String>> feedsOf(Context ctx) {
        List<String> services = ctx.queryParams("service");
        if (ctx.path().equals("/incidents") && services.size() == 1 && !services.get(0).isBlank()) {
            String name = services.get(0).strip();
            return List.of(java.util.Map.of("title", "Postmortems of " + name, "href", "/feeds/services/" + segment(name) + ".atom"));
        }
        if (ctx.path().startsWith("/checklist/") && ctx.path().indexOf('/', "/checklist/".length()) < 0) {
            String id = ctx.path().substring("/checklist/".length());
            return List.of(java.util.Map.of("title", "Postmortems behind " + id, "href", "/feeds/checklist/" + segment(id) + ".atom"));
        }
        return List.of();
    }

    /** {@code value} as one path segment of a link (a service name may hold any character). */
    static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public void pages() {
        get("feed.atom", ctx -> send(ctx, "/feed.atom", "Postmortems", incidents.recentlyChanged(null, null, ENTRIES)), Allowed.ANYONE);
        get("feeds/services/{name}.atom", ctx -> {
            // a service is any label an incident names: one with no incidents yet has an empty feed to subscribe to
            String name = ctx.pathParam("name");
            send(ctx, "/feeds/services/" + segment(name) + ".atom", "Postmortems of " + name,
                    incidents.recentlyChanged(name, null, ENTRIES));
        }, Allowed.ANYONE);
        get("feeds/checklist/{id}.atom", ctx -> {
            // checklist items are a closed list: a mistyped id is an error, not a feed that stays empty forever
            String id = ctx.pathParam("id");
            if (!incidents.knownChecklistIds().contains(id)) {
                throw new io.javalin.http.NotFoundResponse("There is no checklist item '" + id + "'; the items are listed at /checklist.");
            }
            send(ctx, "/feeds/checklist/" + segment(id) + ".atom", "Postmortems behind " + id,
                    incidents.recentlyChanged(null, id, ENTRIES));
        }, Allowed.ANYONE);
    }

    private void send(Context ctx, String path, String title, List<Incidents.Entry> entries) {
        ctx.contentType("application/atom+xml; charset=utf-8");
        ctx.result(AtomFeed.write(site, path, title + " · Postmortem KB", entries));
    }
}
