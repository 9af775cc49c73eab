package kb.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.sandbox.child.RunChildMain;
import kb.sandbox.compiler.CompileMain;
import org.objectweb.asm.ClassReader;

/**
 * The class paths of the sandbox's processes, copied from wherever this app runs (target/classes
 * and the Maven repository, or the shaded jar) into jars under the data directory, so that they
 * see nothing else of the app, and class-data sharing, which only archives classes from jars,
 * can cover them. The run child's jar ({@link #prepare}) holds {@code kb.sandbox.child} and ASM's
 * core package: no compiler, no JShell. The compile service's jar ({@link #prepareCompiler}) adds
 * {@code kb.sandbox.compiler}; the first engine's children run from it too.
 *
 * <p>The file name carries a hash of the contents, and an existing file is never rewritten:
 * the sharing archive checks the jar's modification time.
 */
final class RunnerJar {

    /** A jar this class writes, or a file made for one (an archive, its temporary files): kind, content hash, rest. */
    private static final Pattern OWN_FILE = Pattern.compile("(runner|compiler)-([0-9a-f]{16})(\\.jar|-[A-Za-z0-9.-]+)");
    /** The temporary file {@link #write} moves into place; one that is still there was left by a crash. */
    private static final Pattern LEFT_OVER = Pattern.compile("runner[0-9]+\\.tmp");

    private RunnerJar() {
    }

    /** Returns the run child's jar for the classes this app carries, writing it if it is not there yet. */
    static Path prepare(Path dir) throws IOException {
        var entries = new TreeMap<String, byte[]>();
        collect(RunChildMain.class, "kb/sandbox/child/", entries);
        collect(ClassReader.class, "org/objectweb/asm/", entries);
        return write(dir, "runner-", entries);
    }

    /** Returns the compile service's jar: the run child's classes plus the compiler's. */
    static Path prepareCompiler(Path dir) throws IOException {
        var entries = new TreeMap<String, byte[]>();
        collect(RunChildMain.class, "kb/sandbox/child/", entries);
        collect(CompileMain.class, "kb/sandbox/compiler/", entries);
        collect(ClassReader.class, "org/objectweb/asm/", entries);
        return write(dir, "compiler-", entries);
    }

    /**
     * Deletes the jars of other app versions, and the class-data-sharing archives made for them, from {@code dir};
     * returns their names. An upgrade writes new jars under new names, and each archive is about 50 MB, so a
     * server upgraded for years would otherwise keep them all. Only this app's own file names are touched, and so
     * is a temporary file a crashed start left half-written. Safe while this process runs alone on its data
     * directory, which the database and search index locks there already require.
     */
    static List<String> dropOtherVersions(Path dir, Path... current) throws IOException {
        Set<String> kept = new HashSet<>();
        for (Path jar : current) {
            Matcher m = OWN_FILE.matcher(jar.getFileName().toString());
            if (m.matches()) {
                kept.add(m.group(2));
            }
        }
        var deleted = new ArrayList<String>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                Matcher m = OWN_FILE.matcher(name);
                boolean stale = m.matches() ? !kept.contains(m.group(2)) : LEFT_OVER.matcher(name).matches();
                if (stale && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    deleted.add(name);
                }
            }
        }
        return deleted;
    }

    private static Path write(Path dir, String prefix, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve(prefix + hash(entries) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "runner", ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); var out = new JarOutputStream(file)) {
            for (var e : entries.entrySet()) {
                var entry = new JarEntry(e.getKey());
                entry.setTime(0);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    /** Adds the class files directly in {@code prefix} (not in its subpackages) from the anchor's code source. */
    private static void collect(Class<?> anchor, String prefix, Map<String, byte[]> into) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot locate the classes of " + anchor.getName(), e);
        }
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(prefix))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (p.getFileName().toString().endsWith(".class")) {
                        into.put(prefix + p.getFileName(), Files.readAllBytes(p));
                    }
                }
            }
        } else {
            try (var jar = new JarFile(location.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = e.getName();
                    if (name.startsWith(prefix) && name.endsWith(".class")
                            && name.indexOf('/', prefix.length()) < 0) {
                        into.put(name, jar.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
        if (into.keySet().stream().noneMatch(n -> n.startsWith(prefix))) {
            throw new IOException("no classes under " + prefix + " in " + location);
        }
    }

    private static String hash(Map<String, byte[]> entries) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var e : entries.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update(e.getValue());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
