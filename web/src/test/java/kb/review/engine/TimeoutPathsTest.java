package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TMO-01 on paths: a timeout set by a later setter counts only on the paths that pass the setter. */
class TimeoutPathsTest {

    private static List<Finding> found(String path, String content, String rule) {
        return TestRules.reviewDiff(newFile(path, content)).active().stream()
                .filter(f -> f.rule().equals(rule)).toList();
    }

    private static List<Integer> lines(String path, String content, String rule) {
        return found(path, content, rule).stream().map(Finding::line).toList();
    }

    @Test
    void a_go_timeout_set_on_one_branch_only_is_reported_at_the_use_the_other_branch_reaches() {
        List<Finding> f = found("api/c.go", """
                package api

                func fetch(u string, slow bool) (*http.Response, error) {
                \tc := &http.Client{}
                \tif !slow {
                \t\tc.Timeout = 5 * time.Second
                \t}
                \treturn c.Get(u)
                }
                """, "go-http-client-no-timeout");
        assertEquals(List.of(4), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).flowSummary().contains("line 8 uses it on a path where no timeout was set"),
                f.get(0).flowSummary());
    }

    @Test
    void a_go_client_returned_before_the_setter_is_reported_and_one_set_on_every_path_is_not() {
        assertEquals(List.of(4), lines("api/c.go", """
                package api

                func newClient(insecure bool) *http.Client {
                \tc := &http.Client{Transport: tr}
                \tif insecure {
                \t\treturn c
                \t}
                \tc.Timeout = 10 * time.Second
                \treturn c
                }
                """, "go-http-client-no-timeout"));
        assertEquals(List.of(), lines("api/c.go", """
                package api

                func newClient(fast bool) (*http.Client, error) {
                \tc := &http.Client{Transport: tr}
                \tif fast {
                \t\tc.Timeout = time.Second
                \t} else {
                \t\tc.Timeout = 30 * time.Second
                \t}
                \tif err := check(); err != nil {
                \t\treturn nil, err
                \t}
                \treturn c, nil
                }
                """, "go-http-client-no-timeout"));
    }

    @Test
    void a_java_connection_read_timeout_set_after_an_early_return_path_is_reported() {
        List<Finding> f = found("src/main/java/a/Fetch.java", """
                package a;

                import java.net.HttpURLConnection;
                import java.net.URL;

                class Fetch {
                    int status(URL url, boolean cached) throws Exception {
                        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                        conn.setConnectTimeout(2000);
                        if (cached) {
                            return conn.getResponseCode();
                        }
                        conn.setReadTimeout(5000);
                        return conn.getResponseCode();
                    }

                    int both(URL url) throws Exception {
                        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                        conn.setConnectTimeout(2000);
                        conn.setReadTimeout(5000);
                        return conn.getResponseCode();
                    }
                }
                """, "java-urlconnection-no-timeout");
        assertEquals(List.of(8), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).flowSummary().contains("line 11 uses it on a path where no timeout was set"),
                f.get(0).flowSummary());
    }
}
