package kb.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The strong isolation tier: each child runs under bubblewrap in fresh namespaces (no network,
 * no view of host processes), as uid 65534, with a read-only view of only the JDK, the shared
 * libraries the JVM loads, the runner jar and its archive, and a small private /tmp.
 */
final class Bubblewrap {
    private static final String NOBODY = "65534";
    private static final long TMPFS_BYTES = 16L << 20;

    private final Path executable;
    private final List<String> baseArguments;

    private Bubblewrap(Path executable, List<String> baseArguments) {
        this.executable = executable;
        this.baseArguments = baseArguments;
    }

    /** Finds {@code bwrap} on the PATH. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "bwrap"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Prepares the view of the file system for a child running on {@code javaHome}. */
    static Bubblewrap forJdk(Path executable, Path javaHome) throws IOException {
        var args = new ArrayList<>(List.of(executable.toString(), "--unshare-all", "--die-with-parent",
                "--new-session", "--cap-drop", "ALL", "--clearenv", "--uid", NOBODY, "--gid", NOBODY,
                "--hostname", "sandbox"));
        for (Path dir : readOnlyDirectories(javaHome.toRealPath())) {
            args.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
        Path ldCache = Path.of("/etc/ld.so.cache");
        if (Files.isRegularFile(ldCache)) {
            args.addAll(List.of("--ro-bind", ldCache.toString(), ldCache.toString()));
        }
        // Distributions that merged /usr keep /lib and /lib64 as links, which the loader path goes through.
        for (String top : List.of("/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(TMPFS_BYTES),
                "--tmpfs", "/tmp", "--chdir", "/tmp", "--setenv", "TMPDIR", "/tmp"));
        return new Bubblewrap(executable, List.copyOf(args));
    }

    /** The command prefix that runs what follows it inside the sandbox, with these files visible read-only. */
    List<String> wrap(List<Path> readOnlyFiles) {
        var args = new ArrayList<>(baseArguments);
        for (Path f : readOnlyFiles) {
            args.addAll(List.of("--ro-bind", f.toString(), f.toString()));
        }
        args.add("--");
        return args;
    }

    /**
     * Runs {@code java -version} inside the sandbox.
     *
     * @return empty when it works, else why not
     */
    Optional<String> probe(Path java) {
        var command = new ArrayList<>(wrap(List.of()));
        command.addAll(List.of(java.toString(), "-Xshare:auto", "-version"));
        try {
            var pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("bubblewrap did not finish java -version within 30 s");
            }
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("bubblewrap failed (exit " + p.exitValue() + "): " + new String(out).strip());
        } catch (IOException e) {
            return Optional.of("bubblewrap could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing bubblewrap");
        }
    }

    Path executable() {
        return executable;
    }

    /**
     * The JDK, the directories that its links point into (Debian keeps its configuration in
     * /etc), and the system directories of the shared libraries this JVM has loaded.
     */
    private static List<Path> readOnlyDirectories(Path javaHome) throws IOException {
        var dirs = new TreeSet<Path>();
        dirs.add(javaHome);
        try (Stream<Path> files = Files.walk(javaHome)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isSymbolicLink(f)) {
                    try {
                        Path target = f.toRealPath();
                        if (!target.startsWith(javaHome) && target.getParent() != null) {
                            dirs.add(target.getParent());
                        }
                    } catch (IOException dangling) {
                        // The JVM cannot need what a dangling link points to.
                    }
                }
            }
        }
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path lib = Path.of(line.substring(slash).strip());
                String s = lib.toString();
                if ((s.startsWith("/lib") || s.startsWith("/usr/lib")) && s.contains(".so") && lib.getParent() != null) {
                    dirs.add(lib.getParent());
                }
            }
        }
        for (String loaderDir : List.of("/usr/lib64", "/lib64")) {
            Path p = Path.of(loaderDir);
            if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                dirs.add(p);
            }
        }
        // Drop directories already inside another one.
        var result = new ArrayList<Path>();
        for (Path d : dirs) {
            if (result.stream().noneMatch(d::startsWith)) {
                result.add(d);
            }
        }
        return result;
    }
}
