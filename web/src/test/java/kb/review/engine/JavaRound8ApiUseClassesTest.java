package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes of code the round-7 held-out corpus showed the review missing (or reporting on clean code) where the
 * way an API is called decides the verdict: an executor's dropped future against a blocking stub's RPC named submit,
 * object streams with and without a deserialization filter (class 9), virtual threads started per event with or
 * without a handler (class 7), a debug line whose argument is computed eagerly (class 5), and a timeout added to a
 * connection the change only moves (class 8). Split from {@link JavaRound8ClassesTest}; findings are compared as
 * "line:item" and the fixtures are written for these tests, not taken from any corpus.
 */
class JavaRound8ApiUseClassesTest {

    // --- class 9: a blocking stub's RPC named submit; deserialization behind an allowlist ---

    @Test
    void a_future_dropped_from_an_executor_submit_is_still_reported() {
        String diff = hunk("src/main/java/a/Reports.java", 20, 20, """
                     void publish(Report r) {
                +        workers.submit(() -> uploader.upload(r));
                +        reportFutureStub.submit(ReportRequest.of(r));
                     }
                """);
        assertEquals(List.of("21:CONC-06", "22:CONC-06"), items(diff));
    }

    @Test
    void a_blocking_stubs_rpc_named_submit_returns_the_reply_and_is_clean() {
        String diff = hunk("src/main/java/a/Reports.java", 20, 20, """
                     void publish(Report r) {
                +        ReportGrpc.newBlockingStub(channel).submit(ReportRequest.of(r));
                +        reportStub.withDeadlineAfter(5, TimeUnit.SECONDS).submit(ReportRequest.of(r));
                     }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void an_object_stream_without_a_filter_is_reported() {
        String diff = newFile("src/main/java/a/State.java", """
                package a;

                final class State {
                    static Object read(InputStream in) throws Exception {
                        try (ObjectInputStream ois = new ObjectInputStream(in)) {
                            return ois.readObject();
                        }
                    }
                }
                """);
        assertEquals(List.of("5:DEP-02"), items(diff));
    }

    @Test
    void an_object_stream_behind_an_allowlist_filter_or_resolve_class_is_clean() {
        String diff = newFile("src/main/java/a/State.java", """
                package a;

                final class State {
                    private static final ObjectInputFilter ALLOWED =
                            ObjectInputFilter.Config.createFilter("a.model.*;java.util.*;!*");

                    static Object read(InputStream in) throws Exception {
                        try (ObjectInputStream ois = new ObjectInputStream(in)) {
                            ois.setObjectInputFilter(ALLOWED);
                            return ois.readObject();
                        }
                    }

                    static Object readChecked(InputStream in) throws Exception {
                        ObjectInputStream ois = new ObjectInputStream(in) {
                            @Override
                            protected Class<?> resolveClass(ObjectStreamClass d) throws IOException, ClassNotFoundException {
                                if (!d.getName().startsWith("a.model.")) {
                                    throw new InvalidClassException(d.getName());
                                }
                                return super.resolveClass(d);
                            }
                        };
                        return ois.readObject();
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 7: a virtual thread per event, started by a builder or a factory ---

    @Test
    void virtual_threads_started_per_event_without_a_handler_are_reported() {
        String diff = hunk("src/main/java/a/Bus.java", 20, 20, """
                     public void publish(Event event) {
                +        for (Listener l : listeners) {
                +            Thread.ofVirtual().name("bus-" + event.kind()).start(() -> l.on(event));
                +        }
                +        Thread.startVirtualThread(() -> audit.record(event));
                     }
                """);
        assertEquals(List.of("22:CONC-01", "24:CONC-01"), items(diff));
    }

    @Test
    void virtual_threads_with_a_handler_on_the_builder_or_a_task_that_catches_everything_are_clean() {
        String diff = hunk("src/main/java/a/Bus.java", 20, 20, """
                     public void publish(Event event) {
                +        for (Listener l : listeners) {
                +            Thread.ofVirtual().uncaughtExceptionHandler(this::failed).start(() -> l.on(event));
                +        }
                +        Thread.startVirtualThread(() -> {
                +            try {
                +                audit.record(event);
                +            } catch (Exception e) {
                +                log.warn("audit failed for {}", event.id(), e);
                +            }
                +        });
                     }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 5: a placeholder debug line whose argument is computed eagerly ---

    @Test
    void a_debug_argument_that_serialises_the_message_is_reported() {
        String diff = hunk("src/main/java/a/Link.java", 30, 30, """
                     void send(Envelope envelope) {
                +        out.write(envelope.bytes());
                +        log.debug("sent {}: {}", envelope.id(), Texts.toTruncatedString(envelope.toProtoString(), 200));
                +        log.trace("headers {}", mapper.writeValueAsString(envelope.headers()));
                     }
                """);
        assertEquals(List.of("32:LOG-02", "33:LOG-02"), items(diff));
    }

    @Test
    void cheap_debug_arguments_a_supplier_or_a_guard_are_clean() {
        String diff = hunk("src/main/java/a/Link.java", 30, 30, """
                     void send(Envelope envelope) {
                +        out.write(envelope.bytes());
                +        log.debug("sent {} ({} bytes, id {})", envelope.id(), envelope.size(), Long.toHexString(envelope.seq()));
                +        log.debug("payload {}", () -> mapper.writeValueAsString(envelope));
                +        if (log.isTraceEnabled()) {
                +            log.trace("headers {}", mapper.writeValueAsString(envelope.headers()));
                +        }
                     }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 8: a timeout added to a connection whose construction the change does not touch ---

    private static String renamed(String added) {
        return "diff --git a/src/main/java/a/util/Downloader.java b/src/main/java/a/net/FeedDownloader.java\n"
                + "similarity index 80%\nrename from src/main/java/a/util/Downloader.java\n"
                + "rename to src/main/java/a/net/FeedDownloader.java\n"
                + "--- a/src/main/java/a/util/Downloader.java\n+++ b/src/main/java/a/net/FeedDownloader.java\n"
                + "@@ -1,11 +1," + (11 + added.split("\n").length) + " @@\n"
                + "-package a.util;\n+package a.net;\n \n-public class Downloader {\n+public class FeedDownloader {\n"
                + "     public byte[] fetch(String url) throws IOException {\n"
                + "         HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection();\n"
                + "         conn.setRequestMethod(\"GET\");\n"
                + added
                + "         try (InputStream in = conn.getInputStream()) {\n"
                + "             return in.readAllBytes();\n         }\n     }\n }\n";
    }

    @Test
    void a_moved_connection_given_a_connect_timeout_but_no_read_timeout_is_reported_at_the_new_setter() {
        assertEquals(List.of("7:TMO-01"), items(renamed("+        conn.setConnectTimeout(5_000);\n")));
    }

    @Test
    void the_same_moved_connection_given_both_timeouts_is_clean() {
        assertEquals(List.of(), items(renamed("+        conn.setConnectTimeout(5_000);\n"
                + "+        conn.setReadTimeout(10_000);\n")));
    }
}
