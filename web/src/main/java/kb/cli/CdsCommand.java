package kb.cli;

import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code cds}: writes the class-data-sharing archive that {@code serve} starts from (see
 * {@link ServerLauncher}). It runs the server once in a training JVM, on a scratch database with the
 * bundled content and a free port, lets it open its main pages, and keeps the classes it loaded.
 * {@code mvn package} runs it after building the jar; run it again after switching JDKs.
 */
@Command(name = "cds", mixinStandardHelpOptions = true,
        description = {"Create the class-data archive that makes `serve` start about twice as fast.", "",
                "Runs the server once on a scratch database and records the classes it loads, into a file next "
                        + "to the jar named for this jar and this JDK. `mvn package` does this already; run it "
                        + "after moving the jar to another JDK. KB_LAUNCHER=off makes `serve` ignore the archive."})
public final class CdsCommand implements Callable<Integer> {

    private static final long TRAINING_LIMIT_SECONDS = 180;

    @Option(names = "--content", paramLabel = "DIR",
            description = "Postmortems to import during training (default: KB_CONTENT_DIR, else ./content).")
    Path content;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var jar = ServerArchive.runningJar();
        if (jar.isEmpty()) {
            System.err.println("cds: works on the packaged jar only: run `java -jar target/postmortem-kb.jar cds`");
            return 2;
        }
        Path contentDir = content != null ? content.toAbsolutePath()
                : Config.fromEnv(System.getenv()).contentDir();
        if (!Files.isDirectory(contentDir)) {
            System.err.println("cds: no content folder at " + contentDir + " (use --content DIR)");
            return 2;
        }
        Path archive = ServerArchive.fileFor(jar.get());
        Path partial = archive.resolveSibling(archive.getFileName() + ".tmp");
        Path scratch = Files.createTempDirectory("kb-cds");
        Path log = scratch.resolve("training.log");
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(partial);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ArchiveClassesAtExit=" + partial, "-D" + ServerLauncher.ROLE + "=training",
                    "-jar", jar.get().toString(), "serve");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            var env = pb.environment();
            List.of("KB_DB_URL", "KB_DB_USER", "KB_DB_PASSWORD", "KB_ADMIN_PASSWORD").forEach(env::remove);
            env.put("KB_PORT", "0");
            env.put("KB_DATA_DIR", scratch.resolve("data").toString());
            env.put("KB_CONTENT_DIR", contentDir.toString());
            Process training = pb.start();
            training.getOutputStream().close();
            if (!training.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly();
                return failed("the training run did not finish within " + TRAINING_LIMIT_SECONDS + " s", log);
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(partial)) {
                return failed("the training run exited with " + training.exitValue()
                        + (Files.isRegularFile(partial) ? "" : " and wrote no archive"), log);
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeStale(jar.get(), archive);
            System.out.printf("cds: wrote %s (%d MB) in %.1f s; `java -jar %s serve` starts from it%n", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1e9, jar.get().getFileName());
            return 0;
        } finally {
            Files.deleteIfExists(partial);
            deleteTree(scratch);
        }
    }

    private static int failed(String why, Path log) throws IOException {
        System.err.println("cds: " + why + "; its output:");
        if (Files.isRegularFile(log)) {
            System.err.println(Files.readString(log));
        }
        return 1;
    }

    /** Archives of this jar for earlier builds or other JDKs: the JVM would refuse them anyway. */
    private static void removeStale(Path jar, Path keep) throws IOException {
        try (Stream<Path> siblings = Files.list(jar.getParent())) {
            for (Path p : siblings.filter(p -> ServerArchive.isArchiveOf(jar, p) && !p.equals(keep)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
