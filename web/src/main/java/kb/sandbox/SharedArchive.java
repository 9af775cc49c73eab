package kb.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The children's class-data-sharing archive: classes of JShell, javac and the runner as they
 * stand after warm-up, mapped from a file instead of loaded and verified again by every child.
 * It is made once per runner jar and JDK by a training child, in the background; children
 * started before it exists simply start without it.
 */
final class SharedArchive {
    private static final Logger log = LoggerFactory.getLogger(SharedArchive.class);

    private final Path file;
    private volatile boolean ready;

    SharedArchive(Path runnerJar, Path javaHome) {
        String jar = runnerJar.getFileName().toString().replace(".jar", "");
        String jdk = Integer.toHexString((javaHome.toAbsolutePath() + "|" + System.getProperty("java.vm.version")).hashCode());
        this.file = runnerJar.resolveSibling(jar + "-jdk" + jdk + ".jsa");
        this.ready = Files.isRegularFile(file);
    }

    /** The archive when it exists. */
    Optional<Path> file() {
        return ready ? Optional.of(file) : Optional.empty();
    }

    /** Runs a training child to write the archive, unless it is there; blocks until done. */
    void create(ChildCommand command) {
        if (ready) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            List<String> training = command.training(temp);
            var pb = new ProcessBuilder(training).redirectErrorStream(true)
                    .directory(file.getParent().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                log.warn("sandbox: the class-data-sharing training run did not finish in 3 minutes");
                return;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(temp)) {
                log.warn("sandbox: the class-data-sharing training run failed (exit {})", p.exitValue());
                return;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ready = true;
            log.info("sandbox: class-data-sharing archive ready at {}", file);
        } catch (IOException e) {
            log.warn("sandbox: could not create the class-data-sharing archive: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
