package kb.cli;

import kb.ops.Backups;
import kb.system.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup FILE}: a consistent copy of the embedded H2 database, taken while the server serves. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of the database to FILE (a zip), while the server keeps serving.", "",
                "Uses the same database settings as 'serve' (KB_DB_URL, KB_DATA_DIR). For PostgreSQL use pg_dump; "
                        + "this command says how.", "Exit codes: 0 written, 1 the backup failed, 2 usage error or PostgreSQL."})
public final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup to write, e.g. kb-2026-01-31.zip; never overwritten")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Config config;

    public BackupCommand() {
        this(null);
    }

    /** With {@code config} instead of the environment's, for tests and embedding. */
    public BackupCommand(Config config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        Config c = config != null ? config : Config.fromEnv(System.getenv());
        if (c.dbUrl().startsWith("jdbc:postgresql:")) {
            spec.commandLine().getErr().println("backup: " + Backups.PG_ADVICE);
            return 2;
        }
        try {
            long bytes = Backups.backup(c, file);
            spec.commandLine().getOut().printf("backup: wrote %s (%,d bytes) from %s%n", file.toAbsolutePath().normalize(),
                    bytes, kb.ops.StartReport.database(c.dbUrl()));
            return 0;
        } catch (Backups.BackupException e) {
            spec.commandLine().getErr().println("backup: " + e.getMessage());
            return 1;
        }
    }
}
