package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False classes of the fourth held-out precision set in the per-call, timeout and goroutine-lifecycle items (TMO-01,
 * RES-04, CONC-01; web/src/test/bench/realfixes/precision-judgments-4.tsv, classes AV, BB and AQ), each removed
 * for its class of code and paired with a true defect of the same shape that must still be found. The code is written
 * for the test in the shape of the judged code.
 */
class PrecisionRound8SetFourTest {

    private static List<String> items(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().equals(item))
                .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1) + ":" + f.line()).sorted().toList();
    }

    private static String file(String path, String code) {
        return LifecycleRulesTest.newFile(path, code);
    }

    // CONC-01 (BB): a goroutine that runs one piece of work and ends the process when it fails

    private static final String WRAPPER = """
            package main

            import "os"

            func (p *program) Start() error {
            \td, err := daemon.New(p.opts)
            \tif err != nil {
            \t\treturn err
            \t}
            \tp.daemon = d
            \tgo func() {
            BODY
            \t}()
            \treturn nil
            }
            """;

    @Test
    void a_goroutine_that_exits_the_process_when_its_daemon_fails_is_not_reported() {
        String exits = "\t\terr := p.daemon.Main()\n\t\tif err != nil {\n\t\t\tp.Stop()\n\t\t\tos.Exit(1)\n\t\t}";
        assertEquals(List.of(), items(file("cmd/d/main.go", WRAPPER.replace("BODY", exits)), "CONC-01"));
        String fatal = "\t\tif err := p.daemon.Main(); err != nil {\n\t\t\tlog.Fatalf(\"daemon: %v\", err)\n\t\t}";
        assertEquals(List.of(), items(file("cmd/d/main.go", WRAPPER.replace("BODY", fatal)), "CONC-01"));
    }

    @Test
    void a_goroutine_that_only_logs_the_failure_or_does_more_work_is_still_reported() {
        // the failure is logged and the process goes on: a panic would take the rest of it down
        String logs = "\t\terr := p.daemon.Main()\n\t\tif err != nil {\n\t\t\tlog.Printf(\"daemon: %v\", err)\n\t\t}";
        assertEquals(List.of("main.go:11"), items(file("cmd/d/main.go", WRAPPER.replace("BODY", logs)), "CONC-01"));
        // a loop of work with an exit on one error: not one call supervised by the process
        String loop = "\t\tfor job := range p.jobs {\n\t\t\tif err := p.run(job); err != nil {\n\t\t\t\tos.Exit(1)\n"
                + "\t\t\t}\n\t\t}";
        assertEquals(List.of("main.go:11"), items(file("cmd/d/main.go", WRAPPER.replace("BODY", loop)), "CONC-01"));
        // two calls before the exit: the first one's panic is not the supervised failure
        String two = "\t\tp.warm()\n\t\terr := p.daemon.Main()\n\t\tif err != nil {\n\t\t\tos.Exit(1)\n\t\t}";
        assertEquals(List.of("main.go:11"), items(file("cmd/d/main.go", WRAPPER.replace("BODY", two)), "CONC-01"));
    }

    // RES-04 (AQ): a factory that picks one of two clients by a condition returns either

    private static final String FACTORY = """
            package org.acme.heartbeat;

            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            public class ClientFactory {
                public static CloseableHttpClient forProtocol(boolean tls) {
                    BODY
                }
            }
            """;

    @Test
    void a_client_returned_from_either_branch_of_a_conditional_is_kept_by_the_caller() {
        String chosen = "return tls ? HttpClients.custom().setSSLSocketFactory(SSL).build() : HttpClients.createDefault();";
        assertEquals(List.of(), items(file("src/main/java/org/acme/heartbeat/ClientFactory.java",
                FACTORY.replace("BODY", chosen)), "RES-04"));
    }

    @Test
    void a_client_chosen_by_a_conditional_and_used_in_the_method_is_still_per_call() {
        String used = "CloseableHttpClient c = tls ? HttpClients.custom().setSSLSocketFactory(SSL).build()"
                + " : HttpClients.createDefault();\n        c.execute(new HttpGet(URL));\n        return null;";
        assertEquals(List.of("ClientFactory.java:8"), items(file("src/main/java/org/acme/heartbeat/ClientFactory.java",
                FACTORY.replace("BODY", used)), "RES-04"));
    }

    // RES-04 (AQ): a default executor handed to the client the builder returns

    private static final String BUILDER = """
            package org.acme.async;

            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            public class AsyncBuilder {
                private ExecutorService executor;

                private static ExecutorService defaultExecutor() {
                    return Executors.newCachedThreadPool();
                }

                private AsyncClient resolveClient() {
                    final ExecutorService e = executor != null ? executor : defaultExecutor();
                    USE
                }
            }
            """;

    @Test
    void an_executor_handed_to_the_returned_client_lives_as_long_as_that_client() {
        assertEquals(List.of(), items(file("src/main/java/org/acme/async/AsyncBuilder.java",
                BUILDER.replace("USE", "return new DefaultAsyncClient(new DefaultClient(), e);")), "RES-04"));
    }

    @Test
    void an_executor_made_by_the_provider_and_used_per_call_is_still_reported() {
        // at the private provider's per-call call (session 45: where the blind rounds label it)
        assertEquals(List.of("AsyncBuilder.java:14"), items(file("src/main/java/org/acme/async/AsyncBuilder.java",
                BUILDER.replace("USE", "e.submit(this::refresh);\n        return new DefaultAsyncClient(e.toString());")),
                "RES-04"));
    }

    // TMO-01 (AV): a client without defaults whose callers configure every request

    private static final String SENDER = """
            package org.acme.heartbeat;

            import org.apache.http.client.config.RequestConfig;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;

            public class HeartbeatSender {
                private final CloseableHttpClient client;
                private final RequestConfig config = RequestConfig.custom()
                    .setConnectTimeout(3000).setSocketTimeout(3000).build();

                public HeartbeatSender(boolean tls) {
                    this.client = ClientFactory.forProtocol(tls);
                }

                public void send(String url) throws Exception {
                    HttpGet request = new HttpGet(url);
                    CONFIG
                    client.execute(request).close();
                }
            }
            """;

    @Test
    void a_factory_client_whose_callers_set_a_request_config_needs_no_default_timeouts() {
        String diff = file("src/main/java/org/acme/heartbeat/ClientFactory.java",
                FACTORY.replace("BODY", "return HttpClients.createDefault();"))
                + file("src/main/java/org/acme/heartbeat/HeartbeatSender.java",
                SENDER.replace("CONFIG", "request.setConfig(config);"));
        assertEquals(List.of(), items(diff, "TMO-01"));
    }

    @Test
    void a_factory_client_whose_callers_send_unconfigured_requests_is_still_reported() {
        String diff = file("src/main/java/org/acme/heartbeat/ClientFactory.java",
                FACTORY.replace("BODY", "return HttpClients.createDefault();"))
                + file("src/main/java/org/acme/heartbeat/HeartbeatSender.java",
                SENDER.replace("CONFIG", "// sent as it is"));
        assertEquals(List.of("ClientFactory.java:8"), items(diff, "TMO-01"));
        // and alone, with no caller in the change, the factory's client is reported as before
        assertEquals(List.of("ClientFactory.java:8"), items(file("src/main/java/org/acme/heartbeat/ClientFactory.java",
                FACTORY.replace("BODY", "return HttpClients.createDefault();")), "TMO-01"));
    }

    // TMO-01 (AV): an unconnected socket handed to the caller, who connects it and sets its timeouts

    private static final String SOCKETS = """
            package org.acme.net;

            import java.io.IOException;
            import java.net.Socket;

            public class Sockets {
                public static Socket open(boolean tls, String host, int port) throws IOException {
                    BODY
                }
            }
            """;

    @Test
    void an_unconnected_socket_returned_to_the_caller_is_the_callers_to_configure() {
        assertEquals(List.of(), items(file("src/main/java/org/acme/net/Sockets.java",
                SOCKETS.replace("BODY", "return tls ? TLS.createSocket() : new Socket();")), "TMO-01"));
    }

    @Test
    void a_socket_connected_where_it_is_built_or_read_here_is_still_reported() {
        // connected by the constructor: the configuration is here, and it has no read timeout (and, since session 26,
        // no connect timeout either: the connecting constructor takes none; two TMO-01 rules on the one line)
        assertEquals(List.of("Sockets.java:8", "Sockets.java:8"), items(file("src/main/java/org/acme/net/Sockets.java",
                SOCKETS.replace("BODY", "return new Socket(host, port);")), "TMO-01"));
        // built without arguments but connected and read here (and, since session 31, the connect itself is reported
        // too: connect(address) takes no connect timeout, java-socket-unbounded-connect)
        assertEquals(List.of("Sockets.java:8", "Sockets.java:9"), items(file("src/main/java/org/acme/net/Sockets.java",
                SOCKETS.replace("BODY", "Socket s = new Socket();\n        s.connect(new java.net.InetSocketAddress(host,"
                        + " port));\n        s.getInputStream().read();\n        return s;")), "TMO-01"));
    }

    // TMO-01 (AV): a JDK HttpClient that only opens WebSockets, each with its own connect timeout

    private static final String SUBSCRIBER = """
            package org.acme.ws;

            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.net.http.WebSocket;
            import java.time.Duration;

            public class Subscriber {
                private final HttpClient httpClient;

                public Subscriber() {
                    this(HttpClient.newHttpClient());
                }

                public Subscriber(HttpClient httpClient) {
                    this.httpClient = httpClient;
                }

                public WebSocket open(URI uri, long connectMillis, WebSocket.Listener listener) {
                    WebSocket.Builder b = httpClient.newWebSocketBuilder();
                    b.connectTimeout(Duration.ofMillis(connectMillis));
                    return b.buildAsync(uri, listener).join();
                }
            MORE
            }
            """;

    @Test
    void a_client_that_only_opens_websockets_with_a_connect_timeout_is_not_reported() {
        assertEquals(List.of(), items(file("src/main/java/org/acme/ws/Subscriber.java",
                SUBSCRIBER.replace("MORE", "")), "TMO-01"));
    }

    @Test
    void a_client_that_also_sends_http_requests_is_still_reported() {
        String send = """
                    public String fetch(URI uri) throws Exception {
                        return httpClient.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    }
                """;
        assertEquals(List.of("Subscriber.java:14"), items(file("src/main/java/org/acme/ws/Subscriber.java",
                SUBSCRIBER.replace("MORE", send)), "TMO-01"));
    }
}
