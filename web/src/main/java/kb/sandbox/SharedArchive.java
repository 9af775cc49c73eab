package kb.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The children's class-data-sharing archive: a static archive of the classes a child loads (the
 * runner's and the JDK's), mapped from a file instead of loaded and verified again by every child.
 * It is made once per runner jar and JDK, in the background: a training child lists what it loads,
 * the JDK's own default class list is added (so that JDK classes user code reaches are there too),
 * and {@code -Xshare:dump} writes the archive. Children started before it exists start without it.
 *
 * <p>Static rather than a dynamic archive on top of the JDK's: it also pre-generates the
 * method-handle holder classes training used, and measured ~15 ms less CPU per child start.
 */
final class SharedArchive {
    private static final Logger log = LoggerFactory.getLogger(SharedArchive.class);
    private static final long STEP_MINUTES = 3;

    private final Path file;
    private final String prefix;
    private final Path javaHome;
    private volatile boolean ready;

    SharedArchive(Path runnerJar, Path javaHome) {
        String jar = runnerJar.getFileName().toString().replace(".jar", "");
        String jdk = Integer.toHexString((javaHome.toAbsolutePath() + "|" + System.getProperty("java.vm.version")).hashCode());
        // "v2": run children moved to G1, and an archive dumped under the serial collector holds no heap objects.
        this.prefix = jar + "-jdk";
        this.file = runnerJar.resolveSibling(prefix + jdk + "-v2-static.jsa");
        this.javaHome = javaHome;
        this.ready = Files.isRegularFile(file);
    }

    /** The archive when it exists. */
    Optional<Path> file() {
        return ready ? Optional.of(file) : Optional.empty();
    }

    /** Where the archive for this runner jar and JDK is (or will be) written. */
    Path path() {
        return file;
    }

    /**
     * Deletes this runner's archives made for another JDK or an older archive format: each is tens
     * of megabytes, and a server run for years through JDK updates would otherwise keep every one.
     */
    void dropStale() {
        var deleted = new ArrayList<String>();
        try (var siblings = Files.list(file.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".jsa") && !p.equals(file) && Files.deleteIfExists(p)) {
                    deleted.add(name);
                }
            }
        } catch (IOException e) {
            log.warn("sandbox: could not clear outdated class-data-sharing archives: {}", e.toString());
        }
        if (!deleted.isEmpty()) {
            log.info("sandbox: deleted outdated class-data-sharing archives {}", deleted);
        }
    }

    /** Runs a training child and the dump to write the archive, unless it is there; blocks until done. */
    void create(ChildCommand command) {
        dropStale();
        if (ready) {
            return;
        }
        Path trained = file.resolveSibling(file.getFileName() + ".trained.tmp");
        Path classList = file.resolveSibling(file.getFileName() + ".classlist.tmp");
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(trained);
            Files.deleteIfExists(temp);
            if (!step("training run", command.training(trained)) || !Files.isRegularFile(trained)) {
                return;
            }
            // The JDK's list first: lines repeated in the trained list are dropped, not dumped twice.
            var lines = new LinkedHashSet<String>();
            Path jdkList = javaHome.resolve("lib").resolve("classlist");
            if (Files.isRegularFile(jdkList)) {
                lines.addAll(Files.readAllLines(jdkList));
            }
            lines.addAll(Files.readAllLines(trained));
            Files.write(classList, lines);
            if (!step("dump", command.dump(classList, temp)) || !Files.isRegularFile(temp)) {
                return;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ready = true;
            log.info("sandbox: class-data-sharing archive ready at {}", file);
        } catch (IOException e) {
            log.warn("sandbox: could not create the class-data-sharing archive: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Path p : List.of(trained, classList, temp)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A leftover temporary file is overwritten by the next attempt.
                }
            }
        }
    }

    /** Runs one step with an empty environment; false (logged) when it fails or takes too long. */
    private boolean step(String what, List<String> command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(file.getParent().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(STEP_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            log.warn("sandbox: the class-data-sharing {} did not finish in {} minutes", what, STEP_MINUTES);
            return false;
        }
        if (p.exitValue() != 0) {
            log.warn("sandbox: the class-data-sharing {} failed (exit {})", what, p.exitValue());
            return false;
        }
        return true;
    }
}
