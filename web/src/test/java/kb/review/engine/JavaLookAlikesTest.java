package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Correct Java code of the shapes that used to be flagged, each next to the defect the same rule must still find. */
class JavaLookAlikesTest {

    private static List<String> rules(String path, String code) {
        return TestRules.reviewDiff(LifecycleRulesTest.newFile(path, code)).active().stream()
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    private static final String FACTORY = """
            package a;

            class Workers {
                private final ThreadFactory threads = r -> {
                    Thread t = new Thread(r);
                    t.setDaemon(true);
                    %s
                    return t;
                };
            }
            """;

    @Test
    void a_thread_made_in_a_factory_field_is_judged_by_that_lambda() {
        assertEquals(List.of(), rules("src/main/java/a/Workers.java",
                FACTORY.formatted("t.setUncaughtExceptionHandler((th, e) -> log.error(\"died\", e));")));
        assertEquals(List.of("5:java-thread-without-handler"), rules("src/main/java/a/Workers.java",
                FACTORY.formatted("t.setName(\"worker\");")));
    }

    private static final String LOOP = """
            package a;

            class Counts {
                void report(Map<String, Integer> counts) {
                    for (var e : counts.entrySet()) {
                        %s
                    }
                }
            }
            """;

    @Test
    void a_debug_log_behind_its_level_test_is_not_logging_in_a_loop_but_a_negated_test_or_info_is() {
        assertEquals(List.of(), rules("src/main/java/a/Counts.java", LOOP.formatted(
                "if (log.isDebugEnabled()) { log.debug(\"{} seen {} times\", e.getKey(), e.getValue()); }")));
        assertEquals(List.of("6:java-log-in-loop"), rules("src/main/java/a/Counts.java", LOOP.formatted(
                "if (!log.isDebugEnabled()) { log.info(\"{} seen {} times\", e.getKey(), e.getValue()); }")));
        assertEquals(List.of("6:java-log-in-loop"), rules("src/main/java/a/Counts.java", LOOP.formatted(
                "log.info(\"{} seen {} times\", e.getKey(), e.getValue());")));
    }

    private static final String SOCKET = """
            package a;

            class Line {
                String ask(String host, int port, String command) throws IOException {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(host, port), 2000);
                        %s
                        PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                        out.println(command);
                        return in.readLine();
                    }
                }
            }
            """;

    @Test
    void a_socket_connected_with_a_timeout_then_given_a_read_timeout_is_clean_and_its_stream_wrappers_are_not_resources() {
        assertEquals(List.of(), rules("src/main/java/a/Line.java", SOCKET.formatted("socket.setSoTimeout(5000);")));
        assertEquals(List.of("5:java-socket-no-read-timeout"), rules("src/main/java/a/Line.java",
                SOCKET.formatted("// no read timeout")));
    }

    @Test
    void a_wrapper_of_a_stream_nobody_closes_is_still_a_resource() {
        // (its connection also lacks timeouts, a finding of its own)
        assertEquals(List.of("5:java-urlconnection-no-timeout", "6:java-closeable-outside-try-with-resources"),
                rules("src/main/java/a/Fetch.java", """
                package a;

                class Fetch {
                    String first(URL url) throws IOException {
                        URLConnection conn = url.openConnection();
                        BufferedReader in = new BufferedReader(new InputStreamReader(conn.getInputStream()));
                        return in.readLine();
                    }
                }
                """));
    }
}
