package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TMO-01 needs-timeout rules end to end: constructions with and without a timeout, set where and how. */
class TimeoutRulesTest {

    private static List<Integer> lines(String path, String content, String rule) {
        return TestRules.reviewDiff(newFile(path, content)).active().stream()
                .filter(f -> f.rule().equals(rule)).map(Finding::line).toList();
    }

    private static final String CLIENT = "go-http-client-no-timeout";

    @Test
    void a_go_client_given_its_timeout_by_a_later_field_assignment_is_not_reported() {
        assertEquals(List.of(), lines("api/c.go", """
                package api

                func newClient() *http.Client {
                \tc := &http.Client{Transport: tr}
                \tc.Timeout = 5 * time.Second
                \treturn c
                }
                """, CLIENT));
    }

    @Test
    void a_go_client_returned_without_a_timeout_is_reported_on_its_literal_with_the_missing_field() {
        List<Finding> found = TestRules.reviewDiff(newFile("api/c.go", """
                package api

                func newClient(tr http.RoundTripper) *http.Client {
                \tc := &http.Client{Transport: tr}
                \treturn c
                }
                """)).active().stream().filter(f -> f.rule().equals(CLIENT)).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).flowSummary().contains("no timeout is set (Timeout or Transport.ResponseHeaderTimeout)"),
                found.get(0).flowSummary());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
    }

    @Test
    void a_timeout_of_zero_counts_as_none_and_a_client_wrapped_by_another_library_is_still_reported() {
        assertEquals(List.of(4, 5), lines("api/c.go", """
                package api

                func clients() (*http.Client, *github.Client) {
                \ta := &http.Client{Timeout: 0}
                \tgh := github.NewClient(&http.Client{})
                \treturn a, gh
                }
                """, CLIENT));
    }

    @Test
    void a_client_handed_to_a_configuring_helper_is_not_reported() {
        assertEquals(List.of(), lines("api/c.go", """
                package api

                func build(cfg Config) (*http.Client, error) {
                \tc := &http.Client{}
                \tif err := applyConfig(c, cfg); err != nil {
                \t\treturn nil, err
                \t}
                \treturn c, nil
                }
                """, CLIENT));
    }

    @Test
    void a_server_given_a_read_header_timeout_after_its_literal_is_not_reported_and_one_without_is() {
        assertEquals(List.of(9), lines("cmd/main.go", """
                package main

                func main() {
                \tsrv := &http.Server{Addr: ":80"}
                \tsrv.ReadHeaderTimeout = 5 * time.Second
                \tgo srv.ListenAndServe()
                }

                var admin = &http.Server{Addr: ":81"}
                """, "go-http-server-no-timeout"));
    }

    @Test
    void net_dial_over_tcp_is_reported_but_a_unix_socket_or_a_dialer_with_a_timeout_is_not() {
        assertEquals(List.of(4, 6), lines("agent/dial.go", """
                package agent

                func connect(addr, sock string) (net.Conn, net.Conn, *net.Dialer, net.Dialer) {
                \tc1, _ := net.Dial("tcp", addr)
                \tc2, _ := net.Dial("unix", sock)
                \td := &net.Dialer{KeepAlive: time.Minute}
                \tok := net.Dialer{Timeout: 3 * time.Second}
                \treturn c1, c2, d, ok
                }
                """, "go-dial-no-timeout"));
    }

    @Test
    void a_resty_client_is_reported_unless_its_chain_sets_a_timeout() {
        assertEquals(List.of(4), lines("api/r.go", """
                package api

                func clients() (*resty.Client, *resty.Client) {
                \tslow := resty.New().SetRetryCount(3)
                \tfast := resty.New().SetTimeout(2 * time.Second)
                \treturn slow, fast
                }
                """, "go-client-no-timeout"));
    }

    @Test
    void java_builder_chains_and_builder_variables_decide_the_connect_timeout() {
        assertEquals(List.of(6, 13), lines("src/main/java/a/Clients.java", """
                package a;

                class Clients {
                    private final HttpClient timed = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2)).build();
                    private final HttpClient untimed = HttpClient.newBuilder().followRedirects(NORMAL).build();

                    HttpClient viaBuilder() {
                        HttpClient.Builder b = HttpClient.newBuilder();
                        b.connectTimeout(Duration.ofSeconds(1));
                        return b.build();
                    }
                    HttpClient plain() { return HttpClient.newHttpClient(); }
                }
                """, "java-httpclient-no-connect-timeout"));
    }

    @Test
    void a_url_connection_needs_both_the_connect_and_the_read_timeout() {
        assertEquals(List.of(5), lines("src/main/java/a/Fetch.java", """
                package a;

                class Fetch {
                    int status(URL u) throws IOException {
                        HttpURLConnection c = (HttpURLConnection) u.openConnection();
                        c.setConnectTimeout(1000);
                        return c.getResponseCode();
                    }
                    int both(URL u) throws IOException {
                        HttpURLConnection c = (HttpURLConnection) u.openConnection();
                        c.setConnectTimeout(1000);
                        c.setReadTimeout(5000);
                        return c.getResponseCode();
                    }
                }
                """, "java-urlconnection-no-timeout"));
    }

    @Test
    void a_jdbc_statement_bound_by_a_helper_or_given_a_query_timeout_is_not_reported() {
        assertEquals(List.of(6), lines("src/main/java/a/Dao.java", """
                package a;

                class Dao {
                    void run(Connection c, Object[] args) throws SQLException {
                        try (PreparedStatement a = c.prepareStatement("UPDATE t SET x = 1");
                             PreparedStatement b = c.prepareStatement("UPDATE t SET y = 1");
                             PreparedStatement d = c.prepareStatement("UPDATE t SET z = ?")) {
                            a.setQueryTimeout(5);
                            a.executeUpdate();
                            b.executeUpdate();
                            bindAll(d, args);
                            d.executeUpdate();
                        }
                    }
                }
                """, "java-jdbc-no-query-timeout"));
    }

    @Test
    void okhttp_is_reported_only_when_a_timeout_is_switched_off_and_sockets_need_a_read_timeout() {
        String code = """
                package a;

                class Net {
                    OkHttpClient ok = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
                    OkHttpClient plain = new OkHttpClient.Builder().build();
                    OkHttpClient off = new OkHttpClient.Builder().readTimeout(0, TimeUnit.SECONDS).build();
                    RestTemplate rest = new RestTemplate();

                    Socket open(String h) throws IOException {
                        Socket s = new Socket(h, 80);
                        Socket t = new Socket(h, 81);
                        t.setSoTimeout(5000);
                        return s;
                    }
                }
                """;
        assertEquals(List.of(6, 7), lines("src/main/java/a/Net.java", code, "java-http-library-no-timeout"));
        assertEquals(List.of(10), lines("src/main/java/a/Net.java", code, "java-socket-no-read-timeout"));
    }
}
