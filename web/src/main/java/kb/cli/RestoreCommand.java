package kb.cli;

import kb.ops.Backups;
import kb.system.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code restore FILE}: makes a backup the database again; the server must be stopped. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'backup' as the database (KB_DB_URL, KB_DATA_DIR), then bring its "
                + "schema up to date.", "",
                "Stop the server first. An existing database is refused unless --replace, which keeps it beside the "
                        + "restored one as <name>.mv.db.before-restore-<time>. For PostgreSQL use pg_restore; this command says how.",
                "Exit codes: 0 restored, 1 the restore failed, 2 usage error or PostgreSQL."})
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a backup written by 'backup'")
    Path file;

    @Option(names = "--replace", description = "restore over an existing database (which is kept, renamed)")
    boolean replace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Config config;

    public RestoreCommand() {
        this(null);
    }

    /** With {@code config} instead of the environment's, for tests and embedding. */
    public RestoreCommand(Config config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        Config c = config != null ? config : Config.fromEnv(System.getenv());
        if (c.dbUrl().startsWith("jdbc:postgresql:")) {
            spec.commandLine().getErr().println("restore: " + Backups.PG_ADVICE);
            return 2;
        }
        try {
            Map<String, Long> counts = Backups.restore(c, file, replace);
            spec.commandLine().getOut().printf("restore: %s is now %s, with %s%n", file.toAbsolutePath().normalize(),
                    kb.ops.StartReport.database(c.dbUrl()), counts.toString().replaceAll("[{}]", ""));
            return 0;
        } catch (Backups.BackupException e) {
            spec.commandLine().getErr().println("restore: " + e.getMessage());
            return 1;
        }
    }
}
