package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, Java: a bare call of the code's own future-returning method, when what it returns is the future of
 * another method of the file (a wrapper that checks arguments or starts a span, then {@code return doSend(...)}).
 * Whether the dropped future hides a failure depends on the end of that chain: when the method the wrappers lead to
 * handles its own failure in its chain (Vert.x {@code recover}/{@code onFailure}, CompletableFuture
 * {@code exceptionally}/{@code whenComplete}, Mutiny {@code onFailure()}, Reactor {@code doOnError}/
 * {@code onErrorResume}, Guava {@code Futures.addCallback}), the failure is seen where it happens and the dropped
 * future would only repeat it (a documented fire-and-forget send); when nothing on the chain does, the drop is the
 * defect. The defects vary the future type and the depth of wrapping; the look-alikes put the handler at the end of
 * one or two wrappers, for each library.
 */
class JavaObservedFutureChainClassesTest {

    private static List<String> conc06(String path, String code) {
        return JavaEdits.item(MetamorphicClassesTest.javaFile(path, code), "CONC-06");
    }

    private static String at(String code, String marker) {
        return JavaEdits.lineOf(code, marker) + ":" + OwnFutureDrops.RULE;
    }

    @Test
    void a_completable_future_through_a_wrapper_with_no_handler_on_the_chain_is_found() {
        String code = """
                package com.example.cache;

                import java.util.concurrent.CompletableFuture;

                class Warmer {
                    CompletableFuture<Void> refresh(String key) {
                        checkKey(key);
                        return reload(key);
                    }

                    CompletableFuture<Void> reload(String key) {
                        return CompletableFuture.runAsync(() -> store.put(key, source.read(key)), pool);
                    }

                    void onChange(String key) {
                        refresh(key);
                    }
                }
                """;
        assertEquals(List.of(at(code, "        refresh(key);")), conc06("src/main/java/com/example/cache/Warmer.java", code));
    }

    @Test
    void a_vertx_future_through_two_wrappers_with_only_a_map_on_the_chain_is_found() {
        String code = """
                package com.example.notify;

                import io.vertx.core.Future;

                class Notifier {
                    Future<Void> notifyOwner(Device d) {
                        return notifyUser(d.owner(), d.id());
                    }

                    Future<Void> notifyUser(String user, String device) {
                        return deliver(user, "device " + device + " is offline");
                    }

                    Future<Void> deliver(String user, String text) {
                        return mail.send(user, text).map(ignored -> null);
                    }

                    void offline(Device d) {
                        notifyOwner(d);
                    }
                }
                """;
        assertEquals(List.of(at(code, "        notifyOwner(d);")),
                conc06("src/main/java/com/example/notify/Notifier.java", code));
    }

    @Test
    void a_mono_a_uni_and_a_listenable_future_of_the_class_dropped_are_found() {
        String mono = """
                package com.example.events;

                import reactor.core.publisher.Mono;

                class Publisher {
                    Mono<Void> publish(Event e) {
                        return sender.send(Mono.just(e.toRecord())).then();
                    }

                    void onSaved(Event e) {
                        publish(e);
                    }
                }
                """;
        assertEquals(List.of(at(mono, "        publish(e);")), conc06("src/main/java/com/example/events/Publisher.java", mono));
        String uni = """
                package com.example.items;

                import io.smallrye.mutiny.Uni;

                class Items {
                    Uni<Void> store(Item item) {
                        return repository.persist(item).replaceWithVoid();
                    }

                    void accept(Item item) {
                        store(item);
                    }
                }
                """;
        assertEquals(List.of(at(uni, "        store(item);")), conc06("src/main/java/com/example/items/Items.java", uni));
        String guava = """
                package com.example.quotes;

                import com.google.common.util.concurrent.ListenableFuture;

                class Quotes {
                    ListenableFuture<Quote> fetch(String symbol) {
                        return executor.submit(() -> feed.quote(symbol));
                    }

                    void prefetch(List<String> symbols) {
                        for (String s : symbols) {
                            fetch(s);
                        }
                    }
                }
                """;
        assertEquals(List.of(at(guava, "            fetch(s);")), conc06("src/main/java/com/example/quotes/Quotes.java", guava));
    }

    @Test
    void a_vertx_send_whose_wrapped_chain_recovers_and_logs_is_not_reported() {
        String code = """
                package com.example.telemetry;

                import io.vertx.core.Future;

                class Sender {
                    /** Sends and does not wait for the outcome; failures are logged by sendAndWait. */
                    void send(String topic, Buffer payload) {
                        sendTraced(topic, payload);
                    }

                    Future<Void> sendTraced(String topic, Buffer payload) {
                        Span span = tracer.start("send");
                        return sendAndWait(topic, payload, span);
                    }

                    Future<Void> sendAndWait(String topic, Buffer payload, Span span) {
                        return producer.send(topic, payload)
                                .recover(t -> {
                                    log.warn("send to {} failed", topic, t);
                                    span.finish();
                                    return Future.failedFuture(t);
                                })
                                .mapEmpty();
                    }
                }
                """;
        assertEquals(List.of(), conc06("src/main/java/com/example/telemetry/Sender.java", code));
    }

    @Test
    void a_completable_future_and_a_uni_whose_wrapped_chain_handles_failure_are_not_reported() {
        String cf = """
                package com.example.cache;

                import java.util.concurrent.CompletableFuture;

                class Warmer {
                    CompletableFuture<Void> refresh(String key) {
                        return reload(key);
                    }

                    CompletableFuture<Void> reload(String key) {
                        return CompletableFuture.runAsync(() -> store.put(key, source.read(key)), pool)
                                .exceptionally(t -> {
                                    log.warn("reload of {} failed", key, t);
                                    return null;
                                });
                    }

                    void onChange(String key) {
                        refresh(key);
                    }
                }
                """;
        assertEquals(List.of(), conc06("src/main/java/com/example/cache/Warmer.java", cf));
        String uni = """
                package com.example.items;

                import io.smallrye.mutiny.Uni;

                class Items {
                    Uni<Void> store(Item item) {
                        return this.persist(item);
                    }

                    Uni<Void> persist(Item item) {
                        return repository.persist(item).replaceWithVoid()
                                .onFailure().invoke(t -> log.error("item {} not stored", item.id(), t));
                    }

                    void accept(Item item) {
                        store(item);
                    }
                }
                """;
        assertEquals(List.of(), conc06("src/main/java/com/example/items/Items.java", uni));
    }

    @Test
    void a_mono_and_a_listenable_future_whose_wrapped_chain_handles_failure_are_not_reported() {
        String mono = """
                package com.example.events;

                import reactor.core.publisher.Mono;

                class Publisher {
                    Mono<Void> publish(Event e) {
                        return publishTo(e, defaultTopic);
                    }

                    Mono<Void> publishTo(Event e, String topic) {
                        return sendRecord(topic, e.toRecord());
                    }

                    Mono<Void> sendRecord(String topic, Record r) {
                        return sender.send(Mono.just(r)).then()
                                .doOnError(t -> log.warn("event to {} not sent", topic, t));
                    }

                    void onSaved(Event e) {
                        publish(e);
                    }
                }
                """;
        assertEquals(List.of(), conc06("src/main/java/com/example/events/Publisher.java", mono));
        String guava = """
                package com.example.quotes;

                import com.google.common.util.concurrent.ListenableFuture;

                class Quotes {
                    ListenableFuture<Quote> fetch(String symbol) {
                        return fetchFrom(primary, symbol);
                    }

                    ListenableFuture<Quote> fetchFrom(Feed feed, String symbol) {
                        ListenableFuture<Quote> f = executor.submit(() -> feed.quote(symbol));
                        Futures.addCallback(f, new LoggingCallback<>("quote " + symbol), directExecutor());
                        return f;
                    }

                    void prefetch(List<String> symbols) {
                        for (String s : symbols) {
                            fetch(s);
                        }
                    }
                }
                """;
        assertEquals(List.of(), conc06("src/main/java/com/example/quotes/Quotes.java", guava));
    }
    /** A change of Sender.java in two hunks: the first shows {@code callee}'s lines, the second adds a bare call. */
    private static String twoHunks(String callee, int calleeRows) {
        String path = "src/main/java/com/example/telemetry/Sender.java";
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/"
                + path + "\n@@ -40," + calleeRows + " +40," + calleeRows + " @@ class Sender {\n" + callee
                + "@@ -120,3 +120,4 @@ class Sender {\n"
                + "     void fireAndForget(String topic, Buffer payload) {\n"
                + "+        sendAndWait(topic, payload);\n"
                + "     }\n"
                + " \n";
    }

    @Test
    void a_callee_whose_body_the_diff_cuts_may_observe_below_the_hunk_and_is_not_reported() {
        String cut = """
                     protected Future<Void> sendAndWait(String topic, Buffer payload) {
                         Objects.requireNonNull(topic);
                         if (stopped) {
                             return Future.failedFuture(new IllegalStateException("stopped"));
                         }
                """;
        assertEquals(List.of(), JavaEdits.item(twoHunks(cut, 5), "CONC-06"));
    }

    @Test
    void a_callee_whose_whole_body_the_diff_shows_without_a_handler_is_found() {
        String whole = """
                     protected Future<Void> sendAndWait(String topic, Buffer payload) {
                         Objects.requireNonNull(topic);
                         return producer.send(topic, payload).mapEmpty();
                     }
                     private boolean stopped;
                """;
        assertEquals(List.of("121:" + OwnFutureDrops.RULE), JavaEdits.item(twoHunks(whole, 5), "CONC-06"));
    }
}
