package kb;

import io.javalin.Javalin;
import kb.accounts.AccountRoutes;
import kb.authoring.AuthoringRoutes;
import kb.checklist.ChecklistRoutes;
import kb.incidents.ContentImporter;
import kb.incidents.IncidentRoutes;
import kb.sandbox.SandboxConfig;
import kb.sandbox.SandboxRoutes;
import kb.sandbox.SandboxService;
import kb.review.ReviewRoutes;
import kb.search.SearchRoutes;
import kb.insights.InsightsRoutes;
import kb.feeds.FeedRoutes;
import kb.system.Config;
import kb.system.Database;
import kb.system.HealthController;
import kb.system.Readiness;
import kb.system.Templates;
import kb.system.Web;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/**
 * Builds the web application from its dependencies; {@link Main} starts it. Tests build the same app
 * on an in-memory database and call it over HTTP.
 */
public final class App {

    /** Everything the routes need, opened once per process. */
    public record Services(Config config, Database db, ContentImporter importer, SandboxService sandbox,
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
            return new Services(config, db, new ContentImporter(db.jdbi()),
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

    /** As {@link #create(Services)}, with {@code extra} applied last (tests add handlers this way). */
    public static Javalin create(Services s, java.util.function.Consumer<io.javalin.config.JavalinConfig> extra) {
        Templates templates = new Templates();
        AuthoringRoutes authoring = new AuthoringRoutes(s.db().jdbi(), s.importer(), templates);
        IncidentRoutes incidents = new IncidentRoutes(s.db().jdbi());
        ChecklistRoutes checklist = new ChecklistRoutes(s.db().jdbi());
        SandboxRoutes sandbox = new SandboxRoutes(s.sandbox(), s.db().jdbi(), templates,
                Integer.parseInt(s.config().get("KB_SANDBOX_RUNS_PER_MINUTE", "30")));
        HealthController health = new HealthController(s.db(), s.importer()::counts, s.readiness())
                .section("sandbox", s.sandbox()::health);
        AccountRoutes accounts = new AccountRoutes(s.config(), s.db().jdbi(), templates);
        ReviewRoutes reviews = new ReviewRoutes(s.config(), s.db().jdbi(), templates);
        FeedRoutes feeds = new FeedRoutes(s.config(), s.db().jdbi());
        InsightsRoutes insights = new InsightsRoutes(s.db().jdbi(), templates);
        SearchRoutes search = new SearchRoutes(s.config(), s.db().jdbi(), templates, s.readiness()::isReady);

        return Javalin.create(config -> {
            Web.configure(config, templates);
            // before every handler that may touch the database: nothing runs until migrations and import are done
            config.routes.before(s.readiness()::hold);
            accounts.install(config);
            sandbox.install(config);
            reviews.install(config);
            search.install(config);
            config.jetty.port = s.config().port();
            config.startup.showJavalinBanner = false;
            config.routes.apiBuilder(() -> {
                // site map: pages (authoring first: its /incidents/new must win over /incidents/{id})
                authoring.pages();
                incidents.pages();
                checklist.pages();
                reviews.pages();
                accounts.pages();
                sandbox.pages();
                search.pages();
                insights.pages();
                feeds.pages();
                // JSON API
                path("api", () -> {
                    authoring.api();
                    incidents.api();
                    checklist.api();
                    reviews.api();
                    accounts.api();
                    sandbox.api();
                    search.api();
                    insights.api();
                });
                get("health", health::health);
            });
            extra.accept(config);
        });
    }
}
