package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound10Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-10 Java models of waits without limit (content/rules/models/java-libraries-3.yaml): HttpClient 4's
 * DefaultHttpClient, Commons IO's copyURLToFile and URL.openStream without timeouts (TMO-01), and a process waited for
 * without the caller's bound (TMO-02). Split from {@link JavaLibraryModelsRound10Test}, whose {@code items} check they
 * share: each defect is paired with the look-alike that sets the limit; findings are compared as "line:item".
 */
class JavaLibraryModelsRound10TimeoutsTest {

    // --- TMO-01: HttpClient 4's DefaultHttpClient with no timeouts / with them set through its params ---

    private static final String DEFAULT_HTTP_CLIENT = """
            package a;

            import org.apache.http.client.HttpClient;
            import org.apache.http.impl.client.DefaultHttpClient;
            import org.apache.http.params.HttpConnectionParams;

            public class LegacyGateway {
                private final HttpClient http;

                public LegacyGateway() {
                    DefaultHttpClient client = new DefaultHttpClient();
                    %s
                    this.http = client;
                }
            }
            """;

    @Test
    void default_http_client_without_timeouts_is_reported() {
        assertEquals(List.of("11:TMO-01"), items("src/main/java/a/LegacyGateway.java",
                DEFAULT_HTTP_CLIENT.formatted("")));
    }

    @Test
    void default_http_client_with_timeouts_in_its_params_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/LegacyGateway.java", DEFAULT_HTTP_CLIENT.formatted("""
                HttpConnectionParams.setConnectionTimeout(client.getParams(), 2000);
                        HttpConnectionParams.setSoTimeout(client.getParams(), 5000);""")));
    }

    // --- TMO-01: Commons IO's two-argument copyURLToFile / the overload with timeouts ---

    private static final String COPY_URL = """
            package a;

            import java.io.File;
            import java.io.IOException;
            import java.net.URL;
            import org.apache.commons.io.FileUtils;

            public class Mirror {
                public void fetch(URL source, File target) throws IOException {
                    FileUtils.copyURLToFile(source, target%s);
                }
            }
            """;

    @Test
    void copy_url_to_file_without_timeouts_is_reported() {
        assertEquals(List.of("10:TMO-01"), items("src/main/java/a/Mirror.java", COPY_URL.formatted("")));
    }

    @Test
    void copy_url_to_file_with_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Mirror.java", COPY_URL.formatted(", 2_000, 10_000")));
    }

    // --- TMO-01: new URL(...).openStream() (no timeout can be set) / a URLConnection with both timeouts ---

    @Test
    void url_open_stream_is_reported() {
        assertEquals(List.of("9:TMO-01"), items("src/main/java/a/Feeds.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.net.URL;

                public class Feeds {
                    public byte[] download(String address) throws IOException {
                        try (InputStream in = new URL(address).openStream()) {
                            return in.readAllBytes();
                        }
                    }
                }
                """));
    }

    @Test
    void url_connection_with_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Feeds.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.net.URL;
                import java.net.URLConnection;

                public class Feeds {
                    public byte[] download(String address) throws IOException {
                        URLConnection conn = new URL(address).openConnection();
                        conn.setConnectTimeout(2_000);
                        conn.setReadTimeout(10_000);
                        try (InputStream in = conn.getInputStream()) {
                            return in.readAllBytes();
                        }
                    }
                }
                """));
    }

    // --- TMO-02: a process waited for without the caller's bound / with it ---

    private static final String PROCESS_WAIT = """
            package a;

            import java.io.IOException;
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;

            public class Converter {
                public boolean convert(String input, Duration timeout) throws IOException, InterruptedException {
                    Process process = new ProcessBuilder("convert", input, input + ".png").start();
                    %s
                }
            }
            """;

    @Test
    void process_wait_without_the_callers_bound_is_reported() {
        assertEquals(List.of("10:TMO-02"), items("src/main/java/a/Converter.java",
                PROCESS_WAIT.formatted("return process.waitFor() == 0;")));
    }

    @Test
    void process_wait_with_the_callers_bound_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Converter.java", PROCESS_WAIT.formatted(
                "return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;")));
    }
}
