package kb.cli;

import kb.App;
import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.search.Search;
import kb.search.SyntheticPostmortems;
import kb.system.Config;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code generate --count N}: fills the configured database with synthetic postmortems (for benchmarks
 * only), then rebuilds the search index once. Every postmortem goes through the same parser as
 * {@code import} and is stored as the same rows a new incident's save stores, only in batches: 100,000
 * take minutes instead of the hour one transaction per incident took.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Add N synthetic postmortems (2-6 KB, 10-30 timeline entries, ~20%% Chinese) to the database",
                "configured by KB_DB_URL / KB_DATA_DIR, then rebuild the search index. For benchmarks only: never",
                "run it on real data."})
public final class GenerateCommand implements Callable<Integer> {

    /** Postmortems written per transaction: large enough to amortise round trips, small enough to hold in memory. */
    static final int BATCH = 500;

    @Option(names = "--count", required = true, description = "How many postmortems to add.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed gives the same postmortems (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        App.Services s = App.Services.open(Config.fromEnv(System.getenv()));
        try {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            int added = fill(s, seed, count);
            // CPU time next to wall time: on a shared machine the wall time says more about the neighbours
            out.printf("added %d synthetic postmortems in %.1f s (process CPU %.1f s)%n", added,
                    (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
            try (Search search = new Search(s.db().jdbi(), s.config().dataDir())) {
                long cpu1 = processCpuNanos();
                Search.Rebuild r = search.rebuild();
                out.printf("reindexed %d incidents in %d ms (process CPU %.1f s)%n", r.incidents(), r.millis(),
                        (processCpuNanos() - cpu1) / 1e9);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof LockObtainFailedException)) {
                    throw e;
                }
                out.println("a server is using the search index; it follows the new incidents itself");
            }
            return added == count ? 0 : 1;
        } finally {
            s.close();
        }
    }

    /** CPU time of this JVM so far, all threads (0 where the platform does not say). */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Adds postmortems {@code 0..count-1} of {@code seed}; returns how many were added. */
    public static int fill(App.Services s, long seed, int count) {
        return fill(s, seed, 0, count);
    }

    /**
     * Adds postmortems {@code from..from+count-1} of {@code seed}, {@value #BATCH} per transaction, parsing the
     * next batch on another thread while this one is written; returns how many were added.
     *
     * @throws kb.incidents.StaleRevisionException when one of their ids exists already (earlier batches stay)
     */
    public static int fill(App.Services s, long seed, int from, int count) {
        Set<String> known = s.incidents().knownChecklistIds();
        // base revision 0, origin import: what 'import' stores for a file whose id is new
        Change change = Change.edit("generate", "import", 0);
        // one thread, at most one batch waiting: the next batch is parsed while this one is written, never more
        ExecutorService parsing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "generate-parse");
            t.setDaemon(true);
            // a parse failure reaches the writer through its future; anything else escaping the thread is logged
            t.setUncaughtExceptionHandler((thread, e) -> org.slf4j.LoggerFactory.getLogger(GenerateCommand.class)
                    .error("generate: the parsing thread failed", e));
            return t;
        });
        try {
            int end = from + count;
            CompletableFuture<List<Postmortem>> next = parse(parsing, seed, from, Math.min(end, from + BATCH), known);
            int added = 0;
            for (int start = from; start < end; start += BATCH) {
                List<Postmortem> batch = next.join();
                int after = start + BATCH;
                next = after < end ? parse(parsing, seed, after, Math.min(end, after + BATCH), known) : null;
                s.incidents().addNew(batch, change);
                added += batch.size();
            }
            return added;
        } finally {
            parsing.shutdownNow();
        }
    }

    private static CompletableFuture<List<Postmortem>> parse(ExecutorService on, long seed, int from, int to, Set<String> known) {
        return CompletableFuture.supplyAsync(() -> {
            PostmortemParser parser = new PostmortemParser();
            List<Postmortem> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Parsed<Postmortem> p = parser.parse(SyntheticPostmortems.make(seed, i), known);
                if (!p.valid()) {
                    throw new IllegalStateException("synthetic postmortem " + i + " is invalid: " + p.problems());
                }
                out.add(p.value().orElseThrow());
            }
            return out;
        }, on);
    }
}
