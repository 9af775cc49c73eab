package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round 11's Java misses taken as classes: a response of a Spring interceptor chain executed again in a retry
 * loop drops the previous one, still holding its pooled connection, unless the loop closes it first.
 */
public class JavaRecallRound13Test {

    private static final String RULE = "java-response-body-not-closed";

    private static List<Finding> review(String body) {
        List<Finding> all = TestRules.reviewDiff(LifecycleRulesTest.newFile("src/main/java/a/Retrying.java", """
                package a;

                import java.io.IOException;
                import org.springframework.http.HttpRequest;
                import org.springframework.http.client.ClientHttpRequestExecution;
                import org.springframework.http.client.ClientHttpRequestInterceptor;
                import org.springframework.http.client.ClientHttpResponse;

                class Retrying implements ClientHttpRequestInterceptor {
                    private final int tries = 3;

                """ + body + "}\n")).active();
        return all.stream().filter(f -> f.rule().startsWith("java-closeable") || f.rule().equals(RULE)).toList();
    }

    @Test
    void a_response_executed_again_in_a_retry_loop_without_closing_the_last_is_a_leak() {
        List<Finding> found = review("""
                    @Override
                    public ClientHttpResponse intercept(HttpRequest req, byte[] payload, ClientHttpRequestExecution next) throws IOException {
                        ClientHttpResponse last = null;
                        int n = 0;
                        while (n++ < tries) {
                            last = next.execute(req, payload);
                            if (!last.getStatusCode().is5xxServerError()) {
                                return last;
                            }
                        }
                        return last;
                    }
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals("RES-02", found.get(0).item());
        assertEquals(17, found.get(0).line());
    }

    @Test
    void a_retry_loop_that_closes_the_failed_response_before_the_next_try_is_clean() {
        assertEquals(List.of(), review("""
                    @Override
                    public ClientHttpResponse intercept(HttpRequest req, byte[] payload, ClientHttpRequestExecution next) throws IOException {
                        int n = 0;
                        while (true) {
                            ClientHttpResponse last = next.execute(req, payload);
                            if (!last.getStatusCode().is5xxServerError() || ++n >= tries) {
                                return last;
                            }
                            last.close();
                        }
                    }
                """));
    }

    @Test
    void an_interceptor_that_returns_the_one_response_it_executes_is_clean() {
        assertEquals(List.of(), review("""
                    @Override
                    public ClientHttpResponse intercept(HttpRequest req, byte[] payload, ClientHttpRequestExecution next) throws IOException {
                        ClientHttpResponse res = next.execute(req, payload);
                        if (res.getStatusCode().isError()) {
                            System.err.println("failed: " + req.getURI());
                        }
                        return res;
                    }
                """));
    }
    @Test
    void a_retry_loop_that_breaks_on_success_and_closes_each_failure_before_trying_again_is_clean() {
        assertEquals(List.of(), review("""
                    @Override
                    public ClientHttpResponse intercept(HttpRequest req, byte[] payload, ClientHttpRequestExecution next) throws IOException {
                        ClientHttpResponse res = next.execute(req, payload);
                        for (int n = 1; n < tries; n++) {
                            if (!res.getStatusCode().is5xxServerError()) {
                                break;
                            }
                            res.close();
                            res = next.execute(req, payload);
                        }
                        return res;
                    }
                """));
    }
}
