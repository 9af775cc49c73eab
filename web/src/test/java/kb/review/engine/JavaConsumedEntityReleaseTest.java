package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient responses released by consuming their entity: {@code EntityUtils.consume(r.getEntity())} and
 * {@code EntityUtils.consumeQuietly(r.getEntity())} read the entity to its end and close its stream, which gives the
 * connection back to the pool (HttpClient's documented way to keep the connection alive, where closing the response
 * discards it). RES-02 asks that every response body be closed or drained on every path; done in {@code finally},
 * either call does. Defects: the same responses released only on the happy path, or not at all. Clean look-alikes:
 * consumeQuietly or consume in finally, the response closed in finally, try-with-resources. Fixtures written for
 * this test (findings are "line:item").
 */
class JavaConsumedEntityReleaseTest {

    private static List<String> res02(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":RES-02")).toList();
    }

    private static String probe(String body) {
        return """
                package acme.health;

                import java.io.IOException;
                import org.apache.http.HttpResponse;
                import org.apache.http.client.methods.CloseableHttpResponse;
                import org.apache.http.client.methods.HttpGet;
                import org.apache.http.impl.client.CloseableHttpClient;
                import org.apache.http.util.EntityUtils;

                public class Probe {
                    private final CloseableHttpClient httpClient;

                    public Probe(CloseableHttpClient httpClient) { this.httpClient = httpClient; }

                """ + body + "}\n";
    }

    // --- defects ---

    @Test
    void a_response_consumed_only_after_the_status_check_is_reported() {
        assertEquals(List.of("16:RES-02"), res02("src/main/java/acme/health/Probe.java", probe("""
                    public boolean up(String url) throws IOException {
                        CloseableHttpResponse response = httpClient.execute(new HttpGet(url));
                        if (response.getStatusLine().getStatusCode() != 200) {
                            return false;
                        }
                        EntityUtils.consumeQuietly(response.getEntity());
                        return true;
                    }
                """)));
    }

    @Test
    void a_response_consumed_after_a_read_that_can_throw_is_reported() {
        assertEquals(List.of("16:RES-02"), res02("src/main/java/acme/health/Probe.java", probe("""
                    public String body(String url) throws IOException {
                        HttpResponse res = httpClient.execute(new HttpGet(url));
                        String text = EntityUtils.toString(res.getEntity()).trim();
                        EntityUtils.consume(res.getEntity());
                        return text;
                    }
                """)));
    }

    @Test
    void a_response_never_released_is_reported() {
        assertEquals(List.of("16:RES-02"), res02("src/main/java/acme/health/Probe.java", probe("""
                    public int status(String url) throws IOException {
                        CloseableHttpResponse r = httpClient.execute(new HttpGet(url));
                        return r.getStatusLine().getStatusCode();
                    }
                """)));
    }

    @Test
    void a_response_assigned_in_try_and_consumed_only_in_the_catch_is_reported() {
        assertEquals(List.of("18:RES-02"), res02("src/main/java/acme/health/Probe.java", probe("""
                    public int check(String url) {
                        CloseableHttpResponse response = null;
                        try {
                            response = httpClient.execute(new HttpGet(url));
                            return response.getStatusLine().getStatusCode();
                        } catch (IOException e) {
                            if (response != null) {
                                EntityUtils.consumeQuietly(response.getEntity());
                            }
                            return -1;
                        }
                    }
                """)));
    }

    // --- clean look-alikes ---

    @Test
    void a_response_consumed_quietly_in_finally_is_not_reported() {
        assertEquals(List.of(), res02("src/main/java/acme/health/Probe.java", probe("""
                    public boolean green(String url) {
                        CloseableHttpResponse response = null;
                        try {
                            response = httpClient.execute(new HttpGet(url));
                            if (response.getStatusLine().getStatusCode() != 200) {
                                return false;
                            }
                            return EntityUtils.toString(response.getEntity()).contains("green");
                        } catch (IOException e) {
                            return false;
                        } finally {
                            if (response != null) {
                                EntityUtils.consumeQuietly(response.getEntity());
                            }
                        }
                    }
                """)));
    }

    @Test
    void a_response_consumed_in_finally_is_not_reported() {
        assertEquals(List.of(), res02("src/main/java/acme/health/Probe.java", probe("""
                    public String read(String url) throws IOException {
                        HttpResponse res = httpClient.execute(new HttpGet(url));
                        try {
                            return EntityUtils.toString(res.getEntity());
                        } finally {
                            EntityUtils.consume(res.getEntity());
                        }
                    }
                """)));
    }

    @Test
    void a_response_closed_in_finally_is_not_reported() {
        assertEquals(List.of(), res02("src/main/java/acme/health/Probe.java", probe("""
                    public int code(String url) throws IOException {
                        CloseableHttpResponse r = httpClient.execute(new HttpGet(url));
                        try {
                            return r.getStatusLine().getStatusCode();
                        } finally {
                            r.close();
                        }
                    }
                """)));
    }

    @Test
    void a_response_in_try_with_resources_is_not_reported() {
        assertEquals(List.of(), res02("src/main/java/acme/health/Probe.java", probe("""
                    public int code(String url) throws IOException {
                        try (CloseableHttpResponse r = httpClient.execute(new HttpGet(url))) {
                            EntityUtils.consumeQuietly(r.getEntity());
                            return r.getStatusLine().getStatusCode();
                        }
                    }
                """)));
    }
}
