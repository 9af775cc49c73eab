package kb.cli;

import kb.App;
import kb.incidents.ImportReport;
import kb.incidents.ImportReport.FileResult;
import kb.incidents.ImportReport.Outcome;
import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code import PATH}: reads postmortems (and checklist items, in folders named {@code checklist}) from a
 * file or a folder into the database, one line per file ({@code added|updated|unchanged|invalid|conflict
 * path}), every problem as {@code file:line: message}, then a summary. Checklist items go first so
 * postmortems may name them. An incident edited in the app is never overwritten (a conflict).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import postmortem Markdown files (a file, or a folder searched recursively).", "",
                "Uses the database configured by KB_DB_URL / KB_DATA_DIR (see 'serve --help')."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file imported (or was unchanged, or a conflict)", "1:a file is invalid or PATH is missing"})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A .md file or a folder of them.")
    Path path;

    @Option(names = "--author", defaultValue = "cli", description = "Name recorded on new revisions (default: ${DEFAULT-VALUE}).")
    String author;

    @Spec
    CommandSpec spec;

    /** The database to write; {@code null} opens the one the environment configures. */
    App.Services services;

    public ImportCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(path)) {
            out.println(path + ": no such file or folder");
            out.flush();
            return 1;
        }
        App.Services s = services != null ? services : App.Services.open(Config.fromEnv(System.getenv()));
        try {
            List<FileResult> results = s.incidents().importFiles(path, author, r -> report(out, r)).files();
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            out.println(String.format(Locale.ROOT, "imported %d files: %d added, %d updated, %d unchanged, %d conflicts, %d invalid",
                    results.size(), counts.getOrDefault(Outcome.ADDED, 0), counts.getOrDefault(Outcome.UPDATED, 0),
                    counts.getOrDefault(Outcome.UNCHANGED, 0), counts.getOrDefault(Outcome.CONFLICT, 0),
                    counts.getOrDefault(Outcome.INVALID, 0)));
            return counts.getOrDefault(Outcome.INVALID, 0) == 0 ? 0 : 1;
        } finally {
            out.flush();
            if (services == null) {
                s.db().close();
            }
        }
    }

    private static FileResult report(PrintWriter out, FileResult r) {
        out.println(String.format(Locale.ROOT, "%-9s %s", r.outcome().name().toLowerCase(Locale.ROOT), r.file()));
        r.problems().forEach(p -> out.println(p.format(r.file().toString())));
        return r;
    }
}
