package kb.cli;

import kb.App;
import kb.system.Config;
import kb.search.Search;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * {@code reindex}: rebuilds the search index from the database. Every running instance on the same
 * database rebuilds its own index too (within its poll interval); when a server on this machine holds
 * this data directory's index, that server does the rebuild and the command says so.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index from the database (KB_DB_URL / KB_DATA_DIR, see 'serve --help').",
                "Running servers on the same database rebuild theirs within KB_SEARCH_POLL_MS."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rebuilt here, or handed to the running server", "1:the database could not be read"})
public final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The services to use; {@code null} opens the ones the environment configures. */
    App.Services services;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        App.Services s = services != null ? services : App.Services.open(Config.fromEnv(System.getenv()));
        try (Search search = new Search(s.db().jdbi(), s.config().dataDir())) {
            Search.Rebuild r = search.rebuild();
            out.printf("reindexed %d incidents in %d ms into %s%n", r.incidents(), r.millis(),
                    s.config().dataDir().resolve("search-index"));
            return 0;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                out.printf("a server is using the index in %s; it rebuilds it within its poll interval%n",
                        s.config().dataDir().resolve("search-index"));
                return 0;
            }
            throw e;
        } finally {
            if (services == null) {
                s.close();
            }
        }
    }
}
