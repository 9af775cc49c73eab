package kb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What {@link ServerLauncher} and {@link ReviewLauncher} share: this JVM's command line, and running a second JVM in
 * its place (same terminal and standard input, a stop passed on to it, its exit code returned). Each launcher only
 * decides the child's flags.
 */
final class ChildJvm {

    private static final int KILLED_WAIT_SECONDS = 5;

    private ChildJvm() {
    }

    /**
     * This JVM as started with {@code java [options] -jar jar args}.
     *
     * @param java      the executable
     * @param arguments everything after the executable: options, {@code -jar}, jar, args
     * @param jar       the application's jar, absolute
     */
    record Self(String java, List<String> arguments, Path jar) {

        /**
         * The class-data archive {@code cds} makes for this jar and JDK, or null when it has not been made.
         *
         * @throws IOException when the jar's size or time cannot be read (the archive's name depends on them)
         */
        Path archive() throws IOException {
            Path archive = ServerArchive.fileFor(jar);
            return Files.isRegularFile(archive) ? archive : null;
        }
    }

    /** This JVM's command line; empty when it was not started from the application's jar or the OS does not say. */
    static Optional<Self> self() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<Path> jar = ServerArchive.runningJar();
        if (jar.isEmpty() || info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Self(info.command().get(), List.of(info.arguments().get()), jar.get()));
    }

    /**
     * Runs {@code command} with this process's terminal and standard input and its environment as {@code environment}
     * changes it, and waits for it. When this JVM is stopped meanwhile (SIGTERM, Ctrl-C), the child is stopped too:
     * a supervisor that signals this process alone would otherwise leave it running.
     *
     * @param grace how long a stopped child may take to exit before it is killed
     * @return the child's exit code
     * @throws IOException when the child cannot be started
     */
    static int run(List<String> command, Consumer<Map<String, String>> environment, Duration grace)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        environment.accept(pb.environment());
        Process child = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child, grace), "kb-child-jvm-stop"));
        return child.waitFor();
    }

    /**
     * Asks {@code child} to stop (SIGTERM) and kills it when it has not exited within {@code grace}; returns at once
     * when it is not running. Returns once it has exited (or, after a kill, at most {@value #KILLED_WAIT_SECONDS} s
     * later).
     */
    static void stop(Process child, Duration grace) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                // a kill takes effect at once; the wait only lets the OS report it
                child.destroyForcibly().waitFor(KILLED_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
