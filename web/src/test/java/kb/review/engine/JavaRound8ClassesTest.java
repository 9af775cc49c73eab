package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes of code the round-7 held-out corpus showed the review missing (or reporting on clean code), each
 * defect next to the look-alike the same rule must stay silent on. Findings are compared as "line:item"; the
 * fixtures are written for these tests, not taken from any corpus.
 */
class JavaRound8ClassesTest {

    // --- class 1: a gRPC channel handed to something that does not own it ---

    @Test
    void a_channel_built_per_call_and_returned_only_as_a_stub_calls_result_is_reported() {
        String diff = newFile("src/main/java/a/Directory.java", """
                package a;

                import io.grpc.ManagedChannel;
                import io.grpc.ManagedChannelBuilder;

                class Directory {
                    private final String target;

                    Directory(String target) {
                        this.target = target;
                    }

                    Entry find(String name) {
                        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
                        return DirectoryGrpc.newBlockingStub(channel).find(FindRequest.of(name)).getEntry();
                    }
                }
                """);
        assertEquals(List.of("14:RES-04"), items(diff));
    }

    @Test
    void a_channel_handed_to_a_returned_owner_or_kept_in_a_field_is_clean() {
        String diff = newFile("src/main/java/a/Directory.java", """
                package a;

                import io.grpc.ManagedChannel;
                import io.grpc.ManagedChannelBuilder;

                class Directory {
                    private final String target;

                    Directory(String target) {
                        this.target = target;
                    }

                    DirectoryConnection open() {
                        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
                        return new DirectoryConnection(channel);
                    }

                    ManagedChannel channel() {
                        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
                        return channel;
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_netty_channel_given_to_a_throwaway_writer_whose_call_is_returned_is_reported() {
        String diff = hunk("src/main/java/a/GrpcBridge.java", 12, 12, """
                         this.port = port;
                     }
                 
                +    public Mono<Void> forward(Exchange exchange) {
                +        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
                +        return new ReplyWriter(exchange, channel).write();
                +    }
                 }
                """);
        assertEquals(List.of("16:RES-04"), items(diff));
    }

    @Test
    void a_channel_built_once_in_the_constructor_and_used_by_a_throwaway_writer_is_clean() {
        String diff = hunk("src/main/java/a/GrpcBridge.java", 12, 12, """
                         this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
                     }
                 
                +    public Mono<Void> forward(Exchange exchange) {
                +        return new ReplyWriter(exchange, channel).write();
                +    }
                 }
                """);
        assertEquals(List.of(), items(diff));
    }

    private static final String CLIENT = """
            package a.ledger;

            import io.grpc.ManagedChannel;
            import io.grpc.ManagedChannelBuilder;

            public class AccountClient {
                private final AccountGrpc.AccountBlockingStub stub;

                public AccountClient(String target) {
                    ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
                    this.stub = AccountGrpc.newBlockingStub(channel);
                }

                public long balance(String id) {
                    return stub.get(AccountRequest.of(id)).getBalance();
                }
            }
            """;

    @Test
    void a_client_class_whose_constructor_builds_a_channel_made_per_request_is_reported_at_the_new() {
        String diff = newFile("src/main/java/a/ledger/AccountClient.java", CLIENT)
                + newFile("src/main/java/a/api/Balances.java", """
                package a.api;

                public class Balances {
                    private final String target;

                    public Balances(String target) {
                        this.target = target;
                    }

                    public long balance(String id) {
                        AccountClient client = new AccountClient(target);
                        return client.balance(id);
                    }
                }
                """);
        List<String> found = TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.path().endsWith("Balances.java")).map(f -> f.line() + ":" + f.item()).toList();
        assertEquals(List.of("11:RES-04"), found);
    }

    @Test
    void the_same_client_made_once_in_a_constructor_or_closed_by_the_call_is_clean() {
        String diff = newFile("src/main/java/a/ledger/AccountClient.java", CLIENT)
                + newFile("src/main/java/a/api/Balances.java", """
                package a.api;

                public class Balances {
                    private final AccountClient client;
                    private final String target;

                    public Balances(String target) {
                        this.target = target;
                        this.client = new AccountClient(target);
                    }

                    public long balance(String id) {
                        return client.balance(id);
                    }

                    public long audited(String id) {
                        try (AccountClient scoped = new AccountClient(target)) {
                            return scoped.balance(id);
                        }
                    }

                    public AccountClient register(String name) {
                        AccountClient c = new AccountClient(target);
                        clients.put(name, c);
                        return c;
                    }
                }
                """);
        List<String> found = TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.path().endsWith("Balances.java")).map(f -> f.line() + ":" + f.item()).toList();
        assertEquals(List.of(), found);
    }

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

    // --- class 2: Netty buffers, and a hunk that stops before the method holding the buffer ends ---

    @Test
    void an_allocated_buffer_dropped_on_an_early_return_in_a_method_added_after_a_constructor_is_reported() {
        String diff = hunk("src/main/java/a/FrameWriter.java", 9, 9, """
                     FrameWriter(Session session) {
                         this.session = session;
                     }
                +
                +    void write(ChannelHandlerContext ctx, byte[] payload) {
                +        ByteBuf buf = ctx.alloc().buffer(payload.length + 4);
                +        buf.writeInt(payload.length);
                +        if (session.isClosing()) {
                +            return;
                +        }
                +        buf.writeBytes(payload);
                +        ctx.writeAndFlush(buf);
                +    }
                 }
                """);
        assertEquals(List.of("14:RES-01"), items(diff));
    }

    @Test
    void a_buffer_allocated_in_a_method_the_hunk_cuts_before_its_write_is_not_a_leak_at_the_cut() {
        String diff = hunk("src/main/java/a/PushFrames.java", 80, 80, """
                     protected void sendFrame(ChannelHandlerContext ctx, String text) {
                         byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                +        ByteBuf out = ctx.alloc().buffer();
                +        out.writeByte(0x81);
                         out.writeBytes(bytes);
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void the_same_cut_method_still_reports_a_return_the_hunk_shows() {
        String diff = hunk("src/main/java/a/PushFrames.java", 80, 80, """
                     protected void sendFrame(ChannelHandlerContext ctx, String text) {
                         byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                +        ByteBuf out = ctx.alloc().buffer();
                +        if (bytes.length == 0) {
                +            return;
                +        }
                         out.writeBytes(bytes);
                """);
        assertEquals(List.of("82:RES-01"), items(diff));
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

    // --- class 3: a getter that builds a client, called per send ---

    @Test
    void a_getter_that_builds_a_producer_called_for_each_send_is_reported() {
        String diff = hunk("src/main/java/a/Emitter.java", 14, 14, """
                         this.config = config;
                     }
                +
                +    KafkaProducer<String, String> producer() {
                +        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                +    }
                 
                     public Future<RecordMetadata> emit(String topic, String event) {
                         return producer().send(new ProducerRecord<>(topic, event));
                     }
                """);
        assertEquals(List.of("18:RES-04"), items(diff));
    }

    @Test
    void the_same_getter_whose_producer_the_caller_keeps_in_a_field_is_clean() {
        String diff = hunk("src/main/java/a/Emitter.java", 14, 14, """
                         this.config = config;
                     }
                +
                +    KafkaProducer<String, String> producer() {
                +        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                +    }
                 
                     public void start() {
                         this.producer = producer();
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
