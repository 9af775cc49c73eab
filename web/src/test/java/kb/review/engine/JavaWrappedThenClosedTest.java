package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resource handed to the constructor of an object kept in a local, then closed by hand below it: {@code Manifest m
 * = new Manifest(in); in.close(); return m;}. A constructor usually takes over what it wraps, but the method's own
 * close says this one only read it (parsed it, copied it); when the constructor throws, the close written after it is
 * skipped and the stream, socket or pooled response stays open. RES-01: "Never call close() by hand at the end of a
 * block; an exception skips it." Clean look-alikes: try-with-resources around the construction, a close in finally,
 * and real hand-overs (the wrapper returned or stored in a field with no close of the original). Fixtures written for
 * this test; findings are "line:item" (RES-02 for an HTTP response, the rules' item for response bodies).
 */
class JavaWrappedThenClosedTest {

    private static List<String> res01(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":RES-01") || f.endsWith(":RES-02"))
                .toList();
    }

    // --- defects: built around the resource, then closed by hand ---

    @Test
    void a_stream_parsed_by_a_constructor_then_closed_by_hand_is_reported() {
        assertEquals(List.of("11:RES-01"), res01("src/main/java/acme/Bundles.java", """
                package acme;

                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.Manifest;

                final class Bundles {
                    static Manifest read(Path file) throws IOException {
                        InputStream in = Files.newInputStream(file);
                        Manifest manifest = new Manifest(in);
                        in.close();
                        return manifest;
                    }
                }
                """));
    }

    @Test
    void an_http_response_copied_into_a_project_wrapper_then_closed_is_reported() {
        // an HTTP response is RES-02's (the item for response bodies), by the rules' choice
        assertEquals(List.of("13:RES-02"), res01("src/main/java/acme/http/Fetcher.java", """
                package acme.http;

                import java.io.IOException;
                import org.apache.http.client.methods.CloseableHttpResponse;
                import org.apache.http.client.methods.HttpGet;
                import org.apache.http.impl.client.CloseableHttpClient;

                final class Fetcher {
                    private final CloseableHttpClient client;
                    Fetcher(CloseableHttpClient client) { this.client = client; }

                    BufferedAnswer fetch(String url) throws IOException {
                        CloseableHttpResponse response = client.execute(new HttpGet(url));
                        BufferedAnswer answer = new BufferedAnswer(response, 1 << 20);
                        response.close();
                        return answer;
                    }
                }
                """));
    }

    @Test
    void a_zip_file_indexed_by_a_constructor_assigned_to_a_declared_local_is_reported() {
        assertEquals(List.of("12:RES-01"), res01("src/main/java/acme/archive/Indexer.java", """
                package acme.archive;

                import java.io.File;
                import java.io.IOException;
                import java.util.zip.ZipFile;

                final class Indexer {
                    private int built;

                    EntryIndex index(File archive, boolean deep) throws IOException {
                        EntryIndex index;
                        ZipFile zip = new ZipFile(archive);
                        index = new EntryIndex(zip, deep);
                        built++;
                        zip.close();
                        return index;
                    }
                }
                """));
    }

    @Test
    void a_reader_summarised_in_a_lambda_then_closed_is_reported() {
        assertEquals(List.of("12:RES-01"), res01("src/main/java/acme/logs/Tails.java", """
                package acme.logs;

                import java.io.BufferedReader;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.function.Function;

                final class Tails {
                    static Function<Path, Summary> summariser() {
                        return path -> {
                            try {
                                BufferedReader lines = Files.newBufferedReader(path);
                                Summary s = new Summary(lines, 200);
                                lines.close();
                                return s;
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        };
                    }
                }
                """));
    }

    // --- clean look-alikes ---

    @Test
    void the_stream_in_try_with_resources_around_the_constructor_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/Bundles.java", """
                package acme;

                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.Manifest;

                final class Bundles {
                    static Manifest read(Path file) throws IOException {
                        try (InputStream in = Files.newInputStream(file)) {
                            return new Manifest(in);
                        }
                    }
                }
                """));
    }

    @Test
    void the_response_closed_in_finally_after_copying_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/http/Fetcher.java", """
                package acme.http;

                import java.io.IOException;
                import org.apache.http.client.methods.CloseableHttpResponse;
                import org.apache.http.client.methods.HttpGet;
                import org.apache.http.impl.client.CloseableHttpClient;

                final class Fetcher {
                    private final CloseableHttpClient client;
                    Fetcher(CloseableHttpClient client) { this.client = client; }

                    BufferedAnswer fetch(String url) throws IOException {
                        CloseableHttpResponse response = client.execute(new HttpGet(url));
                        try {
                            return new BufferedAnswer(response, 1 << 20);
                        } finally {
                            response.close();
                        }
                    }
                }
                """));
    }

    @Test
    void a_zip_file_handed_to_the_index_that_owns_it_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/archive/Indexer.java", """
                package acme.archive;

                import java.io.File;
                import java.io.IOException;
                import java.util.zip.ZipFile;

                final class Indexer {
                    EntryIndex index(File archive, boolean deep) throws IOException {
                        ZipFile zip = new ZipFile(archive);
                        EntryIndex index = new EntryIndex(zip, deep);   // EntryIndex.close() closes the zip
                        return index;
                    }
                }
                """));
    }

    @Test
    void a_wrapper_that_closes_the_original_only_when_building_fails_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/net/Links.java", """
                package acme.net;

                import java.io.IOException;
                import java.net.Socket;

                final class Links {
                    private Session session;

                    void open(String host, int port) throws IOException {
                        Socket socket = new Socket(host, port);
                        try {
                            Session s = new Session(socket);
                            this.session = s;
                        } catch (IOException | RuntimeException e) {
                            socket.close();
                            throw e;
                        }
                    }
                }
                """));
    }
}
