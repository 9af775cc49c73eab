package kb.search;

import kb.App;
import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
        try {
            Path dir = Files.createTempDirectory("kb-generate");
            Set<String> known = s.importer().knownChecklistIds();
            Set<String> seen = new HashSet<>();
            int added = 0;
            Path file = dir.resolve("synthetic.md");
            for (int i = 0; i < count; i++) {
                Files.writeString(file, SyntheticPostmortems.make(seed, i));
                var result = s.importer().importExternal(file, "generate", known, seen);
                if (result.problems().isEmpty()) {
                    added++;
                } else {
                    throw new IllegalStateException("synthetic postmortem " + i + " is invalid: " + result.problems());
                }
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
