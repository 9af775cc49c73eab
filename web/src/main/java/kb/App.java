package kb;

import io.javalin.Javalin;
import kb.accounts.AccountRoutes;
import kb.authoring.AuthoringRoutes;
import kb.checklist.ChecklistRoutes;
import kb.incidents.Incidents;
import kb.incidents.IncidentRoutes;
import kb.ops.Operations;
import kb.sandbox.SandboxConfig;
import kb.sandbox.SandboxRoutes;
import kb.sandbox.SandboxService;
import kb.review.ReviewRoutes;
import kb.search.SearchRoutes;
import kb.insights.InsightsRoutes;
import kb.feeds.FeedRoutes;
import kb.actions.ActionRoutes;
import kb.actions.RuleEvidence;
import kb.system.Config;
import kb.system.Database;
import kb.system.HealthController;
import kb.system.Readiness;
import kb.system.Templates;
import kb.system.Web;
import java.util.List;
import kb.system.Allowed;
import kb.system.RouteTable;
import kb.system.SiteMap;

import static io.javalin.apibuilder.ApiBuilder.get;
import static kb.system.Named.handler;
import static io.javalin.apibuilder.ApiBuilder.path;

/**
 * Builds the web application from its dependencies; {@link Main} starts it. Tests build the same app
 * on an in-memory database and call it over HTTP.
 */
public final class App {

    /** Everything the routes need, opened once per process. */
    public record Services(Config config, Database db, Incidents incidents, SandboxService sandbox,
                           Readiness readiness) {

        /** Connects, migrates and returns services that are ready at once (the CLI commands and tests). */
        public static Services open(Config config) {
            return around(config, Database.open(config), Readiness.ready());
        }

        /**
         * Services on a database ({@link Database#connect}) that is not migrated yet: {@code serve}
         * migrates and imports on another thread while the web server starts, then marks
         * {@link #readiness()} ready.
         */
        public static Services starting(Config config, Database db) {
            return around(config, db, Readiness.pending());
        }

        private static Services around(Config config, Database db, Readiness readiness) {
            var env = new java.util.HashMap<>(config.env());
            env.put("KB_DATA_DIR", config.dataDir().toString());
            return new Services(config, db, new Incidents(db.jdbi()),
                    new SandboxService(SandboxConfig.fromEnvironment(env)), readiness);
        }

        /** Stops the sandbox's children and closes the database pool. */
        public void close() {
            sandbox.close();
            db.close();
        }
    }

    private App() {
    }

    public static Javalin create(Services s) {
        return create(s, config -> { });
    }

    /** Every route of the app {@code s} builds, with its role; builds the app but does not start it. */
    public static SiteMap siteMap(Services s) {
        SiteMap map = new SiteMap();
        build(s, config -> { }, map);
        return map;
    }

    /** As {@link #create(Services)}, with {@code extra} applied last (tests add handlers this way). */
    public static Javalin create(Services s, java.util.function.Consumer<io.javalin.config.JavalinConfig> extra) {
        return build(s, extra, new SiteMap());
    }

    private static Javalin build(Services s, java.util.function.Consumer<io.javalin.config.JavalinConfig> extra,
                                 SiteMap siteMap) {
        Templates templates = new Templates();
        AuthoringRoutes authoring = new AuthoringRoutes(s.db().jdbi(), templates);
        SandboxRoutes sandbox = new SandboxRoutes(s.sandbox(), s.db().jdbi(), templates,
                Integer.parseInt(s.config().get("KB_SANDBOX_RUNS_PER_MINUTE", "30")));
        SearchRoutes search = new SearchRoutes(s.config(), s.db().jdbi(), templates, s.readiness()::isReady);
        ChecklistRoutes checklist = new ChecklistRoutes(s.db().jdbi());
        HealthController health = new HealthController(s.db(), s.incidents()::counts, s.readiness())
                .section("sandbox", s.sandbox()::health)
                .privateDetails(!s.config().flag("KB_PUBLIC_READ", true));
        AccountRoutes accounts = new AccountRoutes(s.config(), s.db().jdbi(), templates);
        ReviewRoutes reviews = new ReviewRoutes(s.config(), s.db().jdbi(), templates);
        // "enforced by RULE-ID" on prevent action items: the review feature's detectors and its newest saved review
        ActionRoutes actions = new ActionRoutes(s.db().jdbi(), templates, id -> reviews.detectors(id).map(d ->
                new RuleEvidence.Enforcement(id, d.ruleIds(), d.reviewId(), d.reviewedAt(), d.findings())));
        // what other features add to an incident's page, in this order
        IncidentRoutes incidents = new IncidentRoutes(s.db().jdbi(), List.of(sandbox.incidentPage(), authoring.incidentPage(),
                search.incidentPage(), actions.incidentPage()));
        Operations ops = new Operations(s.db(), s.sandbox(), s.config().env());
        FeedRoutes feeds = new FeedRoutes(s.config(), s.db().jdbi(), templates);
        InsightsRoutes insights = new InsightsRoutes(s.db().jdbi(), templates);

        return Javalin.create(config -> {
            // first, so that it sees every route declared below
            siteMap.install(config);
            ops.install(config, templates); // before other handlers: request timing covers them all
            Web.configure(config, templates);
            // before every handler that may touch the database: nothing runs until migrations and import are done
            config.routes.before(s.readiness()::hold);
            // anonymous readers are answered from here, before the access filter looks for a session
            kb.system.PageCache.install(config, s.config());
            accounts.install(config);
            sandbox.install(config);
            reviews.install(config);
            search.install(config);
            config.jetty.port = s.config().port();
            config.startup.showJavalinBanner = false;
            // RouteTable hands the routes to Javalin most specific first, so the order below does not matter
            RouteTable.mount(config.routes, () -> {
                // site map: pages; each route declares who may call it (kb.system.Allowed)
                incidents.pages();
                authoring.pages();
                checklist.pages();
                reviews.pages();
                accounts.pages();
                sandbox.pages();
                search.pages();
                insights.pages();
                feeds.pages();
                actions.pages();
                // JSON API
                path("api", () -> {
                    incidents.api();
                    authoring.api();
                    checklist.api();
                    reviews.api();
                    accounts.api();
                    sandbox.api();
                    search.api();
                    insights.api();
                    actions.api();
                });
                get("health", handler(health::health), Allowed.OPEN);
                // admins, with a session or an admin's API token (Prometheus); anonymous callers get 401
                get("metrics", handler(ops::metrics), Allowed.ADMIN);
            });
            extra.accept(config);
        });
    }
}
