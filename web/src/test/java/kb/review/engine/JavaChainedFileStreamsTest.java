package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streams of {@code java.nio.file.Files} ({@code list}, {@code walk}, {@code find}, {@code lines},
 * {@code newDirectoryStream}) used up in one chain or loop with no variable to close them: the JDK's terminal
 * operations never close a stream, so each call leaves a directory handle or file descriptor open until the garbage
 * collector runs. RES-01, "close every resource on every path": here no path closes it. Defects vary the factory,
 * the terminal operation and the layout (a return, a local, a loop, an edit that removes the try-with-resources).
 * Clean look-alikes: the same chain inside try-with-resources (on the stream or on the chain), a chain without a
 * terminal operation handed back to the caller, and the read-whole helpers ({@code readAllLines}). Fixtures written
 * for this test (findings are "line:item").
 */
class JavaChainedFileStreamsTest {

    private static List<String> res01(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":RES-01")).toList();
    }

    // --- defects ---

    @Test
    void a_directory_listing_collected_in_a_return_is_reported() {
        assertEquals(List.of("13:RES-01"), res01("src/main/java/acme/store/Buckets.java", """
                package acme.store;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;

                final class Buckets {
                    private final Path root;
                    Buckets(Path root) { this.root = root; }

                    List<String> names() throws IOException {
                        return Files.list(root).filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
                    }
                }
                """));
    }

    @Test
    void a_walk_counted_into_a_local_is_reported() {
        assertEquals(List.of("11:RES-01"), res01("src/main/java/acme/disk/Usage.java", """
                package acme.disk;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Usage {
                    public long regularFiles(Path dir, int depth) throws IOException {
                        long n;
                        // counts every regular file below dir
                        n = Files.walk(dir, depth)
                                .filter(Files::isRegularFile)
                                .count();
                        return n;
                    }
                }
                """));
    }

    @Test
    void file_lines_consumed_by_for_each_are_reported() {
        assertEquals(List.of("14:RES-01"), res01("src/main/java/acme/ingest/CsvLoader.java", """
                package acme.ingest;

                import java.io.IOException;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.function.Consumer;

                public class CsvLoader {
                    private final Consumer<String[]> sink;
                    public CsvLoader(Consumer<String[]> sink) { this.sink = sink; }

                    public void load(Path csv) throws IOException {
                        Files.lines(csv, StandardCharsets.UTF_8).skip(1).map(l -> l.split(",")).forEach(sink);
                    }
                }
                """));
    }

    @Test
    void a_directory_stream_iterated_in_a_for_loop_is_reported() {
        assertEquals(List.of("13:RES-01"), res01("src/main/java/acme/plugins/Scanner.java", """
                package acme.plugins;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;

                class Scanner {
                    List<Path> jars(Path folder) throws IOException {
                        List<Path> found = new ArrayList<>();
                        // one open directory handle per scan
                        for (Path p : Files.newDirectoryStream(folder, "*.jar")) {
                            found.add(p);
                        }
                        return found;
                    }
                }
                """));
    }

    @Test
    void an_edit_that_unwraps_a_find_from_its_try_is_reported() {
        String diff = """
                diff --git a/src/main/java/acme/logs/Rotator.java b/src/main/java/acme/logs/Rotator.java
                --- a/src/main/java/acme/logs/Rotator.java
                +++ b/src/main/java/acme/logs/Rotator.java
                @@ -20,6 +20,5 @@ public class Rotator {
                     Optional<Path> newest(Path dir) throws IOException {
                -        try (Stream<Path> s = Files.find(dir, 1, (p, a) -> p.toString().endsWith(".log"))) {
                -            return s.max(Comparator.comparing(p -> p.toFile().lastModified()));
                -        }
                +        return Files.find(dir, 1, (p, a) -> p.toString().endsWith(".log"))
                +                .max(Comparator.comparing(p -> p.toFile().lastModified()));
                     }
                 }
                """;
        assertEquals(List.of("21:RES-01"), TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().equals("RES-01")).map(f -> f.line() + ":" + f.item()).toList());
    }

    // --- clean look-alikes ---

    @Test
    void a_listing_in_try_with_resources_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/store/Shelves.java", """
                package acme.store;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.stream.Stream;

                final class Shelves {
                    List<Path> all(Path root) throws IOException {
                        try (Stream<Path> entries = Files.list(root)) {
                            return entries.filter(Files::isRegularFile).toList();
                        }
                    }
                }
                """));
    }

    @Test
    void a_chain_that_is_itself_the_resource_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/disk/Tree.java", """
                package acme.disk;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.stream.Stream;

                public class Tree {
                    public long dirs(Path top) throws IOException {
                        try (Stream<Path> d = Files.walk(top).filter(Files::isDirectory)) {
                            return d.count();
                        }
                    }
                }
                """));
    }

    @Test
    void a_lazy_chain_returned_to_the_caller_is_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/ingest/Lines.java", """
                package acme.ingest;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.stream.Stream;

                public final class Lines {
                    /** The caller closes the returned stream (it holds the file open). */
                    public static Stream<String> nonBlank(Path file) throws IOException {
                        return Files.lines(file).map(String::strip).filter(s -> !s.isEmpty());
                    }
                }
                """));
    }

    @Test
    void a_whole_file_read_and_a_directory_stream_in_try_are_not_reported() {
        assertEquals(List.of(), res01("src/main/java/acme/plugins/Index.java", """
                package acme.plugins;

                import java.io.IOException;
                import java.nio.file.DirectoryStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;

                class Index {
                    List<String> read(Path folder, Path list) throws IOException {
                        List<String> names = new ArrayList<>(Files.readAllLines(list).stream().map(String::strip).toList());
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                            for (Path p : ds) {
                                names.add(p.getFileName().toString());
                            }
                        }
                        return names.stream().sorted().toList();
                    }
                }
                """));
    }
}
