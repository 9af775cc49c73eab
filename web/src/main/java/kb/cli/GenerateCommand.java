package kb.cli;

import kb.App;
import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.search.SyntheticPostmortems;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code generate --count N}: fills the configured database with synthetic postmortems (for benchmarks
 * only), through the same parser and store as {@code import}, so every one is valid per the format.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Add N synthetic postmortems (2-6 KB, 10-30 timeline entries, ~20% Chinese) to the database",
                "configured by KB_DB_URL / KB_DATA_DIR. For benchmarks only: never run it on real data."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, description = "How many postmortems to add.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed gives the same postmortems (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        App.Services s = App.Services.open(Config.fromEnv(System.getenv()));
        try {
            long t0 = System.nanoTime();
            int added = fill(s, seed, count);
            spec.commandLine().getOut().printf("added %d synthetic postmortems in %d s%n", added,
                    (System.nanoTime() - t0) / 1_000_000_000L);
            return added == count ? 0 : 1;
        } finally {
            s.close();
        }
    }

    /** Adds postmortems {@code 0..count-1} of {@code seed}; returns how many were added. */
    public static int fill(App.Services s, long seed, int count) {
        return fill(s, seed, 0, count);
    }

    /** Adds postmortems {@code from..from+count-1} of {@code seed}; returns how many were added. */
    public static int fill(App.Services s, long seed, int from, int count) {
        PostmortemParser parser = new PostmortemParser();
        Set<String> known = s.incidents().knownChecklistIds();
        int added = 0;
        for (int i = from; i < from + count; i++) {
            Parsed<Postmortem> p = parser.parse(SyntheticPostmortems.make(seed, i), known);
            if (!p.valid()) {
                throw new IllegalStateException("synthetic postmortem " + i + " is invalid: " + p.problems());
            }
            // base revision 0: a postmortem of this id must not exist yet
            s.incidents().save(p.value().orElseThrow(), Change.edit("generate", "import", 0));
            added++;
        }
        return added;
    }
}
