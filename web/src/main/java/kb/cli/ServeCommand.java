package kb.cli;

import io.javalin.Javalin;
import kb.App;
import kb.accounts.Accounts;
import kb.incidents.ImportReport;
import kb.incidents.Incidents;
import kb.system.Config;
import kb.system.Database;
import kb.system.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** {@code serve}: migrate the database, import content/, and serve HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web server.", "",
                "Configured by environment variables: KB_PORT (7070), KB_DATA_DIR (./data), KB_DB_URL "
                        + "(H2 file database under KB_DATA_DIR), KB_DB_USER, KB_DB_PASSWORD, KB_CONTENT_DIR (./content), KB_PUBLIC_READ (true), KB_ADMIN_PASSWORD (first start only)."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /**
     * Start-up runs on both cores. The loader thread migrates the database and imports content/; this
     * thread builds the web application and starts Jetty meanwhile, then creates the first admin (a
     * bcrypt hash, a few hundred ms of CPU) while the import goes on. Requests that arrive before the
     * import is done wait for it ({@link Readiness}); a failure on either side stops the process.
     */
    @Override
    public Integer call() throws Exception {
        Config config = Config.fromEnv(System.getenv());
        Database db = Database.connect(config);
        CompletableFuture<Void> migrated = new CompletableFuture<>();
        CompletableFuture<ImportReport> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            db.migrate();
            migrated.complete(null);
            loading.complete(new Incidents(db.jdbi()).importContent(config.contentDir()));
        }, "kb-startup");
        // whatever stops the loader reaches the main thread, which reports it and exits non-zero
        loader.setUncaughtExceptionHandler((thread, e) -> {
            migrated.completeExceptionally(e);
            loading.completeExceptionally(e);
        });
        loader.setDaemon(true);
        loader.start();
        App.Services services = App.Services.starting(config, db);

        Javalin app;
        try {
            app = App.create(services).start();
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        ImportReport report;
        try {
            migrated.get();
            Accounts.bootstrap(config, services.db().jdbi(), System.out);
            report = loading.get();
        } catch (ExecutionException | RuntimeException e) {
            app.stop();
            services.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw cause instanceof Exception ex ? ex : new CompletionException(cause);
        }
        Readiness.Startup startup = startup();
        services.readiness().markReady(startup);
        if ("training".equals(System.getProperty(ServerLauncher.ROLE))) {
            // `cds` started this JVM to record the classes a start and the first pages load; it exits now
            Training.visitPages(app.port(), services.db().jdbi());
            app.stop();
            services.close();
            System.exit(0);
        }
        stopWithLauncher();
        services.sandbox().warmAndVerifyInBackground(services.db().jdbi());
        log.info("in use: {}", kb.ops.StartReport.describe(config));
        var counts = services.incidents().counts();
        log.info("Postmortem KB is ready at http://localhost:{}/ in {} ms (class-data archive: {}) with {} incidents "
                        + "and {} checklist items loaded{}", app.port(), startup.readyMillis(),
                startup.classDataArchive() == null ? "none" : startup.classDataArchive(),
                counts.get("incidents"), counts.get("checklistItems"),
                report.ok() ? "" : " (" + report.count(ImportReport.Outcome.INVALID) + " invalid files skipped, see above)");
        // stop accepting, drain requests in flight, then sandbox, pool and database, in that order
        kb.ops.Operations.stopOnExit(app, services::close, config.env());
        return 0;
    }

    /** Time since the process started (the launcher's, when there is one) and the archive this JVM was given. */
    private static Readiness.Startup startup() {
        String launcherPid = System.getProperty(ServerLauncher.LAUNCHER_PID);
        long first = launcherPid == null ? ProcessHandle.current().pid() : Long.parseLong(launcherPid);
        long readyMillis = ProcessAge.millis(first).orElse(-1L);
        String archive = ProcessHandle.current().info().arguments().stream().flatMap(java.util.Arrays::stream)
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=")).map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst().orElse(null);
        return new Readiness.Startup(readyMillis, archive, launcherPid == null ? null : Long.parseLong(launcherPid));
    }

    /** A child of {@link ServerLauncher} stops when the launcher is gone, even if it was killed outright. */
    private static void stopWithLauncher() {
        String pid = System.getProperty(ServerLauncher.LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                launcher -> launcher.onExit().thenRun(() -> {
                    log.warn("the launcher process {} has exited; stopping the server", pid);
                    kb.ops.Operations.exit(1); // drains requests and closes the database first
                }).exceptionally(failure -> {
                    // the stop itself failed: say so, or the server would outlive its launcher without a trace
                    log.error("stopping after the launcher process {} exited failed", pid, failure);
                    return null;
                }),
                () -> {
                    log.warn("the launcher process {} is already gone; stopping the server", pid);
                    kb.ops.Operations.exit(1); // drains requests and closes the database first
                });
    }
}
