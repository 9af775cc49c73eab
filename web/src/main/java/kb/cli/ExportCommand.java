package kb.cli;

import kb.App;
import kb.authoring.Authoring;
import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code export DIR}: writes every listed postmortem (drafts included) to {@code DIR/incidents/ID.md} and
 * every checklist item to {@code DIR/checklist/ID.md}, in the layout of {@code content/}; {@code import DIR}
 * reads it back to the same records. Existing files of the same name are replaced; nothing else in DIR
 * is touched.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write all postmortems and checklist items as Markdown files into DIR.", "",
                "Uses the database configured by KB_DB_URL / KB_DATA_DIR (see 'serve --help')."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "1:DIR could not be written"})
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write into (created when missing).")
    Path dir;

    @Spec
    CommandSpec spec;

    /** The database to read; {@code null} opens the one the environment configures. */
    App.Services services;

    public ExportCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        App.Services s = services != null ? services : App.Services.open(Config.fromEnv(System.getenv()));
        try {
            Map<String, String> files = new Authoring(s.db().jdbi()).exportFiles(true);
            for (var f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                out.println("wrote  " + target);
            }
            long incidents = files.keySet().stream().filter(k -> k.startsWith("incidents/")).count();
            out.println("exported " + incidents + " postmortems and " + (files.size() - incidents)
                    + " checklist items to " + dir);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("cannot write to " + dir + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            if (services == null) {
                s.db().close();
            }
        }
    }
}
