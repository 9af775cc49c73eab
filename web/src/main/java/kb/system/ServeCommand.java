package kb.system;

import io.javalin.Javalin;
import kb.App;
import kb.incidents.ContentImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code serve}: migrate the database, import content/, and serve HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web server.", "",
                "Configured by environment variables: KB_PORT (7070), KB_DATA_DIR (./data), KB_DB_URL "
                        + "(H2 file database under KB_DATA_DIR), KB_DB_USER, KB_DB_PASSWORD, KB_CONTENT_DIR (./content), KB_PUBLIC_READ (true), KB_ADMIN_PASSWORD (first start only)."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() {
        Config config = Config.fromEnv(System.getenv());
        App.Services services = App.Services.open(config);
        kb.accounts.Accounts.bootstrap(config, services.db().jdbi(), System.out);
        ContentImporter.Report report = services.importer().importContent(config.contentDir());
        Javalin app = App.create(services).start();
        services.sandbox().warmAndVerifyInBackground(services.db().jdbi());
        var counts = services.importer().counts();
        log.info("Postmortem KB is ready at http://localhost:{}/ with {} incidents and {} checklist items loaded{}",
                app.port(), counts.get("incidents"), counts.get("checklistItems"),
                report.ok() ? "" : " (" + report.count(ContentImporter.Outcome.INVALID) + " invalid files skipped, see above)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            services.close();
        }, "kb-shutdown"));
        return 0;
    }
}
