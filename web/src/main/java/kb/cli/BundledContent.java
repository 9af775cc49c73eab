package kb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's {@code content/} folder (checklist, review rules and models, postmortems) as packed into the jar
 * under {@value #ROOT}, so that {@code review} works in a CI job of another repository, where no {@code ./content}
 * exists. Inside a jar it is copied to a private temporary folder (removed when the JVM exits), since rule loading
 * reads plain files; run from compiled classes it is that folder itself.
 */
final class BundledContent {
    static final String ROOT = "kb-content";

    private static Path extracted;

    private BundledContent() {
    }

    /** The bundled content folder, extracted on first use. */
    static synchronized Path dir() throws IOException {
        if (extracted == null) {
            URL marker = BundledContent.class.getClassLoader().getResource(ROOT + "/rules/README.md");
            if (marker == null) {
                throw new IOException("this build carries no bundled content (" + ROOT + "/ is missing from the "
                        + "classpath); give --content DIR");
            }
            extracted = locate(toUri(marker));
        }
        return extracted;
    }

    /**
     * The content folder whose {@code rules/README.md} is {@code marker}: the folder itself for a {@code file:}
     * URI, a temporary copy for a {@code jar:} one.
     */
    static Path locate(URI marker) throws IOException {
        if ("file".equals(marker.getScheme())) {
            return Path.of(marker).getParent().getParent();
        }
        if (!"jar".equals(marker.getScheme())) {
            throw new IOException("cannot read bundled content from " + marker);
        }
        String spec = marker.getRawSchemeSpecificPart();
        Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path target = Files.createTempDirectory("postmortem-kb-content");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "kb-content-cleanup"));
            copyTree(zip.getPath("/" + ROOT), target);
            return target;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless; the JVM is exiting
        }
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read bundled content from " + url, e);
        }
    }
}
