package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, Java: a statement that calls a method of the code's own whose declared return type is a future
 * (CompletableFuture, CompletionStage, ListenableFuture, Vert.x's Future, Reactor's Mono, Mutiny's Uni) and drops the
 * result. The declaration, in the same file or in another file of the change (then the receiver is declared with
 * that class's type), is the typed word that a future comes back; the item: "Keep every Future you create ... attach
 * a completion handler that logs and counts failures". Also the edit that keeps such an unqualified call but deletes
 * the handler chained to it. The look-alikes assign, return or chain the future, call a void overload of the same
 * name, call a same-named method on a receiver of another type (left to the naming-convention reading of
 * {@code ...Async} calls), or a method that returns a plain value.
 */
class JavaOwnFutureClassesTest {

    private static List<String> conc06(String path, String code) {
        return JavaEdits.item(MetamorphicClassesTest.javaFile(path, code), "CONC-06");
    }

    private static final String INDEXER = """
            package com.example.search;

            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            public class Indexer {
                private final Executor pool;

                public Indexer(Executor pool) {
                    this.pool = pool;
                }

                public CompletableFuture<Void> reindexAsync(String tenant) {
                    return CompletableFuture.runAsync(() -> rebuild(tenant), pool);
                }

                public void onTenantChanged(String tenant) {
                    CALL
                }

                private void rebuild(String tenant) {
                }
            }
            """;

    @Test
    void an_own_completable_future_dropped_in_the_same_class_is_found() {
        String code = INDEXER.replace("CALL", "reindexAsync(tenant);");
        assertEquals(List.of(JavaEdits.lineOf(code, "reindexAsync(tenant);") + ":" + OwnFutureDrops.RULE),
                conc06("src/main/java/com/example/search/Indexer.java", code));
        String self = INDEXER.replace("CALL", "this.reindexAsync(\n                tenant.trim());");
        assertEquals(List.of(JavaEdits.lineOf(self, "this.reindexAsync(") + ":" + OwnFutureDrops.RULE),
                conc06("src/main/java/com/example/search/Indexer.java", self));
    }

    @Test
    void a_vertx_future_and_a_reactor_mono_of_the_class_dropped_in_lambdas_and_loops_are_found() {
        String vertx = """
                package com.example.orders;

                import io.vertx.core.Future;

                class OrderHandler {
                    Future<Void> persist(Order order) {
                        return client.preparedQuery(INSERT).execute(order.tuple()).mapEmpty();
                    }

                    void register(Router router) {
                        router.post("/orders").handler(ctx -> {
                            persist(ctx.body().asPojo(Order.class));
                            ctx.response().setStatusCode(202).end();
                        });
                    }
                }
                """;
        assertEquals(List.of(JavaEdits.lineOf(vertx, "persist(ctx") + ":" + OwnFutureDrops.RULE),
                conc06("src/main/java/com/example/orders/OrderHandler.java", vertx));
        String mono = """
                package com.example.cache;

                import reactor.core.publisher.Mono;

                final class SessionCache {
                    private Mono<Void> evict(String key) {
                        return redis.opsForValue().delete(key).then();
                    }

                    void evictAll(List<String> keys) {
                        for (String key : keys) {
                            evict(key);
                        }
                    }
                }
                """;
        assertEquals(List.of(JavaEdits.lineOf(mono, "evict(key);") + ":" + OwnFutureDrops.RULE),
                conc06("src/main/java/com/example/cache/SessionCache.java", mono));
    }

    @Test
    void a_future_of_another_changed_class_dropped_through_a_typed_field_is_found() {
        String service = MetamorphicClassesTest.javaFile("src/main/java/com/example/mail/ReceiptMailer.java", """
                package com.example.mail;

                import java.util.concurrent.CompletionStage;

                public interface ReceiptMailer {
                    CompletionStage<String> mailReceipt(long orderId);
                }
                """);
        String caller = """
                package com.example.checkout;

                final class CheckoutFlow {
                    private final ReceiptMailer mailer;

                    CheckoutFlow(ReceiptMailer mailer) {
                        this.mailer = mailer;
                    }

                    void complete(long orderId) {
                        mailer.mailReceipt(orderId);
                    }
                }
                """;
        String diff = service + MetamorphicClassesTest.javaFile("src/main/java/com/example/checkout/CheckoutFlow.java",
                caller);
        assertEquals(List.of(JavaEdits.lineOf(caller, "mailer.mailReceipt") + ":" + OwnFutureDrops.RULE),
                JavaEdits.item(diff, "CONC-06"));
    }

    @Test
    void an_edit_that_deletes_the_handler_of_an_own_call_is_found() {
        String body = """
                     public void warm(String region) {
                -        loadRegion(region).whenComplete((done, failure) -> {
                -            if (failure != null) {
                -                warmFailures.increment();
                -            }
                -        });
                +        loadRegion(region);
                     }
                """;
        List<String> found = JavaEdits.item(JavaEdits.edit("src/main/java/com/example/geo/RegionWarmer.java", 30,
                body), "CONC-06");
        assertEquals(List.of(JavaEdits.newLine(30, body, "+        loadRegion") + ":" + DroppedFutureObservers.RULE),
                found);
    }

    @Test
    void a_future_kept_returned_or_chained_is_clean() {
        for (String call : List.of("CompletableFuture<Void> pending = reindexAsync(tenant);",
                "reindexAsync(tenant).exceptionally(failure -> { failures.increment(); return null; });",
                "reindexAsync(tenant)\n                .whenComplete((ok, failure) -> report(tenant, failure));",
                "inFlight.add(reindexAsync(tenant));")) {
            assertEquals(List.of(), conc06("src/main/java/com/example/search/Indexer.java",
                    INDEXER.replace("CALL", call)), call);
        }
    }

    @Test
    void a_void_overload_another_receiver_or_a_plain_value_is_clean() {
        String overload = INDEXER.replace("CALL", "reindexAsync(tenant);").replace(
                "    private void rebuild(String tenant) {",
                "    public void reindexAsync(String tenant, boolean quiet) {\n    }\n\n"
                        + "    private void rebuild(String tenant) {");
        assertEquals(List.of(), conc06("src/main/java/com/example/search/Indexer.java", overload));
        String observed = INDEXER.replace("CALL", "reindexAsync(tenant);").replace(
                "return CompletableFuture.runAsync(() -> rebuild(tenant), pool);",
                "return CompletableFuture.runAsync(() -> rebuild(tenant), pool)\n"
                        + "                .whenComplete((ok, e) -> report(tenant, e));");
        assertEquals(List.of(), conc06("src/main/java/com/example/search/Indexer.java", observed));
        String other = """
                package com.example.search;

                final class AuditTrail {
                    private final Journal journal;

                    void record(String tenant) {
                        journal.reindexAsync(tenant);
                        render(tenant);
                    }

                    String render(String tenant) {
                        return tenant.toUpperCase();
                    }
                }
                """;
        String diff = MetamorphicClassesTest.javaFile("src/main/java/com/example/search/Indexer.java",
                INDEXER.replace("CALL", "rebuild(tenant);"))
                + MetamorphicClassesTest.javaFile("src/main/java/com/example/search/AuditTrail.java", other);
        // Indexer's declaration does not type Journal's call (no own-future finding); the name alone is still
        // read as a future by the naming-convention rule of session 47, whose finding names that rule
        assertEquals(List.of("7:java-async-call-future-dropped"), JavaEdits.item(diff, "CONC-06"));
    }
}
