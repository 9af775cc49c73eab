package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound9Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-9 Java models of spans, sessions and processes (content/rules/models/java-libraries-2.yaml): OpenTelemetry
 * spans and scopes ended only when nothing throws, a JSch session disconnected only on the normal path, and a started
 * process never waited for. Split from {@link JavaLibraryModelsRound9Test}, whose {@code items} check they share: each
 * defect is paired with the look-alike that ends, disconnects or waits in finally or before the return; findings are
 * compared as "line:item".
 */
class JavaLibraryModelsRound9SpansAndProcessesTest {

    // --- an OpenTelemetry span ended only when nothing throws / ended in finally ---

    private static final String J_OTEL_SPAN = """
            package app;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.Tracer;

            public class Charger {
                private final Tracer tracer;

                public Charger(Tracer tracer) {
                    this.tracer = tracer;
                }

                public void charge(long cents) {
                    Span span = tracer.spanBuilder("charge").startSpan();
            %s
                        if (cents <= 0) {
                            throw new IllegalArgumentException("nothing to charge");
                        }
                        send(cents);
            %s
                }

                private void send(long cents) {
                }
            }
            """;

    @Test
    void java_otel_span_defect_is_reported() {
        assertEquals(List.of("14:RES-01"), items("src/main/java/app/Charger.java", J_OTEL_SPAN.formatted("        {", "        }\n        span.end();")));
    }

    @Test
    void java_otel_span_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Charger.java", J_OTEL_SPAN.formatted("        try {", "        } finally {\n            span.end();\n        }")));
    }

    // --- an OpenTelemetry scope closed after the work, not in finally / opened in try-with-resources ---

    private static final String J_OTEL_SCOPE = """
            package app;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.context.Scope;

            public class Worker {
                public void handle(Span span, Runnable job) {
            %s
                        job.run();
            %s
                }
            }
            """;

    @Test
    void java_otel_scope_defect_is_reported() {
        assertEquals(List.of("8:CONC-04"), items("src/main/java/app/Worker.java", J_OTEL_SCOPE.formatted("        Scope scope = span.makeCurrent();\n        {", "        }\n        scope.close();")));
    }

    @Test
    void java_otel_scope_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Worker.java", J_OTEL_SCOPE.formatted("        try (Scope scope = span.makeCurrent()) {", "        }")));
    }

    // --- a JSch session disconnected only on the normal path / disconnected in finally ---

    private static final String J_JSCH_SESSION = """
            package app;

            import com.jcraft.jsch.ChannelExec;
            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.Session;

            public class Remote {
                private final JSch jsch = new JSch();

                public void run(String user, String host, String command) throws Exception {
                    Session session = jsch.getSession(user, host, 22);
            %s
                        session.connect(5000);
                        ChannelExec exec = (ChannelExec) session.openChannel("exec");
                        exec.setCommand(command);
                        exec.connect(5000);
                        exec.disconnect();
            %s
                }
            }
            """;

    @Test
    void java_jsch_session_defect_is_reported() {
        // session 25: the channel (line 14) is disconnected on the statement after its connect(5000) returns, and a
        // JSch channel holds nothing before that connect (held-from), so only the session leaks
        assertEquals(List.of("11:RES-01"), items("src/main/java/app/Remote.java", J_JSCH_SESSION.formatted("        {", "        }\n        session.disconnect();")));
    }

    @Test
    void java_jsch_session_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Remote.java", J_JSCH_SESSION.formatted("        try {", "        } finally {\n            session.disconnect();\n        }")));
    }

    // --- a started process never waited for / waited for before the return ---

    private static final String J_PROCESS = """
            package app;

            import java.io.IOException;
            import java.io.InputStream;

            public class Version {
                public String gitVersion() throws IOException, InterruptedException {
                    Process proc = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
                    String text;
                    try (InputStream in = proc.getInputStream()) {
                        text = new String(in.readAllBytes());
                    }
            %s        return text.strip();
                }
            }
            """;

    @Test
    void java_process_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/app/Version.java", J_PROCESS.formatted("")));
    }

    @Test
    void java_process_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Version.java", J_PROCESS.formatted("        proc.waitFor();\n")));
    }
}
