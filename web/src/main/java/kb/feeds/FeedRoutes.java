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

    public FeedRoutes(Config config, Jdbi jdbi) {
        this.incidents = new Incidents(jdbi);
        this.site = SiteUrl.of(config.env());
    }

    public void pages() {
        get("feed.atom", ctx -> send(ctx, "/feed.atom", "Postmortems", incidents.recentlyChanged(null, null, ENTRIES)), Allowed.ANYONE);
        get("feeds/services/{name}.atom", ctx -> {
            String name = ctx.pathParam("name");
            send(ctx, "/feeds/services/" + name + ".atom", "Postmortems of " + name,
                    incidents.recentlyChanged(name, null, ENTRIES));
        }, Allowed.ANYONE);
        get("feeds/checklist/{id}.atom", ctx -> {
            String id = ctx.pathParam("id");
            send(ctx, "/feeds/checklist/" + id + ".atom", "Postmortems behind " + id,
                    incidents.recentlyChanged(null, id, ENTRIES));
        }, Allowed.ANYONE);
    }

    private void send(Context ctx, String path, String title, List<Incidents.Entry> entries) {
        ctx.contentType("application/atom+xml; charset=utf-8");
        ctx.result(AtomFeed.write(site, path, title + " · Postmortem KB", entries));
    }
}
