package kb.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the server's class-data-sharing (AppCDS) archive lives: next to the jar, named after a hash of
 * the jar's size and time and of the JDK. The JVM only accepts an archive made by the same JDK from the
 * same jar, so a rebuilt jar or another JDK simply finds no file under its name and starts without one.
 */
public final class ServerArchive {

    private ServerArchive() {
    }

    /** The jar this code was loaded from, or empty when it runs from classes (tests, {@code mvn exec:java}). */
    public static Optional<Path> runningJar() {
        CodeSource source = ServerArchive.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The archive's file for {@code jar} under the running JDK (whether or not it exists). */
    public static Path fileFor(Path jar) throws IOException {
        return fileFor(jar, System.getProperty("java.home"), System.getProperty("java.vm.version"));
    }

    static Path fileFor(Path jar, String javaHome, String vmVersion) throws IOException {
        String key = javaHome + "|" + vmVersion + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        return jar.resolveSibling(baseName(jar) + "-" + Integer.toHexString(key.hashCode()) + ".jsa");
    }

    /** The archive a JDK 19+ keeps by itself for {@code jar} ({@code -XX:+AutoCreateSharedArchive}). */
    static Path autoFileFor(Path jar, int jdkFeature) {
        return jar.resolveSibling(baseName(jar) + "-auto-jdk" + jdkFeature + ".jsa");
    }

    /** True for archives of {@code jar} made for other builds or JDKs, which {@code cds} clears away. */
    static boolean isArchiveOf(Path jar, Path candidate) {
        String name = candidate.getFileName().toString();
        return name.startsWith(baseName(jar) + "-") && name.toLowerCase(Locale.ROOT).endsWith(".jsa");
    }

    private static String baseName(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }
}
