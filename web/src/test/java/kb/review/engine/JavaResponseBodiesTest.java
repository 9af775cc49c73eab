package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java HTTP responses and streamed bodies are RES-02's (the item about response bodies, like Go's
 * {@code resp.Body}), each class of client paired with the correct shape of the same code.
 */
public class JavaResponseBodiesTest {

    private static final String RULE = "java-response-body-not-closed";

    private static List<Finding> review(String body) {
        List<Finding> all = TestRules.reviewDiff(LifecycleRulesTest.newFile("src/main/java/a/Fetch.java", """
                package a;

                import java.io.InputStream;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;

                class Fetch {
                    private final HttpClient http = null;

                """ + body + "}\n")).active();
        return all.stream().filter(f -> f.rule().startsWith("java-closeable") || f.rule().equals(RULE)).toList();
    }

    private static void assertLeak(List<Finding> found, int line) {
        assertEquals(1, found.size(), found.toString());
        assertEquals(RULE, found.get(0).rule());
        assertEquals("RES-02", found.get(0).item());
        assertEquals(line, found.get(0).line());
    }

    @Test
    void a_streamed_jdk_response_left_open_on_an_error_status_is_reported_under_res_02() {
        assertLeak(review("""
                    byte[] get(HttpRequest req) throws Exception {
                        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("status " + resp.statusCode());
                        }
                        try (InputStream in = resp.body()) {
                            return in.readAllBytes();
                        }
                    }
                """), 12);
    }

    @Test
    void a_streamed_jdk_response_whose_body_is_closed_by_try_with_resources_is_clean() {
        assertEquals(List.of(), review("""
                    byte[] get(HttpRequest req) throws Exception {
                        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream in = resp.body()) {
                            if (resp.statusCode() != 200) {
                                throw new IllegalStateException("status " + resp.statusCode());
                            }
                            return in.readAllBytes();
                        }
                    }
                """));
    }

    @Test
    void a_body_read_whole_by_of_string_or_discarded_is_not_a_resource() {
        assertEquals(List.of(), review("""
                    String get(HttpRequest req) throws Exception {
                        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("status " + resp.statusCode());
                        }
                        http.send(req, HttpResponse.BodyHandlers.discarding());
                        return resp.body();
                    }
                """));
    }

    @Test
    void a_body_taken_in_the_same_expression_as_the_send_must_be_closed_on_every_path() {
        assertLeak(review("""
                    byte[] get(HttpRequest req) throws Exception {
                        InputStream in = http.send(req, HttpResponse.BodyHandlers.ofInputStream()).body();
                        byte[] data = in.readAllBytes();
                        in.close();
                        return data;
                    }
                """), 12);
        assertEquals(List.of(), review("""
                    byte[] get(HttpRequest req) throws Exception {
                        try (InputStream in = http.send(req, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                            return in.readAllBytes();
                        }
                    }
                """));
    }

    @Test
    void the_body_of_a_streamed_response_given_to_the_method_is_tracked_by_its_declared_type() {
        assertLeak(review("""
                    long count(HttpResponse<java.util.stream.Stream<String>> resp) {
                        java.util.stream.Stream<String> lines = resp.body();
                        return lines.count();
                    }
                """), 12);
        assertEquals(List.of(), review("""
                    long count(HttpResponse<java.util.stream.Stream<String>> resp) {
                        try (java.util.stream.Stream<String> lines = resp.body()) {
                            return lines.count();
                        }
                    }
                    String text(HttpResponse<String> resp) {
                        String s = resp.body();
                        return s;
                    }
                """));
    }

    @Test
    void a_body_taken_from_a_response_that_already_leaks_is_one_finding_not_two() {
        List<Finding> found = review("""
                    byte[] get(HttpRequest req) throws Exception {
                        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("status " + resp.statusCode());
                        }
                        InputStream in = resp.body();
                        byte[] data = in.readAllBytes();
                        in.close();
                        return data;
                    }
                """);
        assertLeak(found, 12);
    }

    @Test
    void okhttp_apache_spring_and_jax_rs_responses_left_open_are_res_02_and_their_handler_forms_are_clean() {
        assertLeak(review("""
                    int code(okhttp3.OkHttpClient client, okhttp3.Request r) throws Exception {
                        okhttp3.Response res = client.newCall(r).execute();
                        return res.code();
                    }
                """), 12);
        assertLeak(review("""
                    String get(org.apache.http.impl.client.CloseableHttpClient client, HttpGet g) throws Exception {
                        CloseableHttpResponse res = client.execute(g);
                        return EntityUtils.toString(res.getEntity());
                    }
                """), 12);
        assertLeak(review("""
                    int status(javax.ws.rs.client.WebTarget target) {
                        javax.ws.rs.core.Response res = target.request().get();
                        return res.getStatus();
                    }
                """), 12);
        assertLeak(review("""
                    int status(ClientHttpRequest request) throws Exception {
                        ClientHttpResponse res = request.execute();
                        return res.getRawStatusCode();
                    }
                """), 12);
        assertEquals(List.of(), review("""
                    String get(CloseableHttpClient client, HttpGet g) throws Exception {
                        return client.execute(g, response -> EntityUtils.toString(response.getEntity()));
                    }
                    String text(javax.ws.rs.client.WebTarget target) {
                        String s = target.request().get(String.class);
                        return s;
                    }
                    byte[] bytes(okhttp3.OkHttpClient client, okhttp3.Request r) throws Exception {
                        try (okhttp3.ResponseBody body = client.newCall(r).execute().body()) {
                            return body.bytes();
                        }
                    }
                """));
    }

    @Test
    void an_okhttp_body_taken_in_one_expression_and_never_closed_is_one_finding() {
        assertLeak(review("""
                    String text(okhttp3.OkHttpClient client, okhttp3.Request r) throws Exception {
                        okhttp3.ResponseBody body = client.newCall(r).execute().body();
                        return body.string();
                    }
                """), 12);
    }
}
