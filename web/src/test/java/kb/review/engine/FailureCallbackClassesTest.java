package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java: the failure callbacks of async APIs that are the failure's last receiver (Vert.x
 * {@code Future.recover}/{@code otherwise} and a connection's {@code exceptionHandler}, {@code CompletableFuture.exceptionally},
 * Reactor and RxJava {@code onErrorResume}/{@code onErrorReturn}) given a lambda that never reads its throwable. The
 * failure becomes a fallback value or a reconnect and nothing records it; the item says an absorbed error must be
 * logged with context and counted "so it is seen". Clean look-alikes: the same callbacks that log the throwable, fail
 * again with it, or say in a comment why it may go, and observers ({@code onFailure}, {@code whenComplete}) that leave
 * the failure in the future. The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class FailureCallbackClassesTest {

    private static final String RULE = "java-failure-callback-drops-error";

    private static List<String> errors(String code) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/stock/StockClient.java", code), "ERR-01");
    }

    /** A client of a stock service; CALLBACK is the failure handling of the lookup. */
    private static final String CLIENT = """
            package com.example.stock;

            import io.vertx.core.Future;
            import java.util.concurrent.CompletableFuture;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            final class StockClient {
                private static final Logger log = LoggerFactory.getLogger(StockClient.class);
                private final Remote remote;

                StockClient(Remote remote) {
                    this.remote = remote;
                }

                Future<Integer> level(String sku) {
                    return remote.fetch(sku)
                            .map(Reply::level)
                            CALLBACK;
                }
            }
            """;

    @Test
    void a_vertx_recover_that_answers_a_default_without_reading_the_failure_is_found() {
        String code = CLIENT.replace("CALLBACK", ".recover(failure -> Future.succeededFuture(0))");
        assertEquals(List.of("19:" + RULE), errors(code));
    }

    @Test
    void a_recover_that_logs_the_failure_before_its_fallback_is_clean() {
        String code = CLIENT.replace("CALLBACK", """
                .recover(failure -> {
                                log.warn("stock of {} unknown, answering 0", sku, failure);
                                return Future.succeededFuture(0);
                            })""");
        assertEquals(List.of(), errors(code));
    }

    @Test
    void a_recover_that_fails_again_or_says_why_is_clean() {
        assertEquals(List.of(), errors(CLIENT.replace("CALLBACK",
                ".recover(failure -> Future.failedFuture(new StockUnavailable(sku)))")));
        assertEquals(List.of(), errors(CLIENT.replace("CALLBACK", """
                .recover(failure -> {
                                // the catalogue shows "unknown" for 0; the remote logs its own failures
                                return Future.succeededFuture(0);
                            })""")));
    }

    @Test
    void an_observer_that_leaves_the_failure_in_the_future_is_not_this_class() {
        String code = CLIENT.replace("CALLBACK", ".onFailure(failure -> remote.reset())");
        assertEquals(List.of(), errors(code));
    }

    @Test
    void an_exception_handler_that_only_reconnects_is_found_and_one_that_logs_is_clean() {
        String code = """
                package com.example.stock;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                final class Feed {
                    private static final Logger log = LoggerFactory.getLogger(Feed.class);

                    void watch(Connection conn) {
                        conn.handler(this::onPrice);
                        conn.exceptionHandler(err -> reconnect());
                    }
                }
                """;
        assertEquals(List.of("11:" + RULE), errors(code));
        assertEquals(List.of(), errors(code.replace("err -> reconnect()",
                "err -> { log.warn(\"price feed failed, reconnecting\", err); reconnect(); }")));
    }

    @Test
    void completable_future_and_reactor_fallbacks_that_drop_the_throwable_are_found() {
        String code = """
                package com.example.stock;

                import java.util.concurrent.CompletableFuture;
                import reactor.core.publisher.Mono;

                final class Levels {
                    CompletableFuture<Integer> cached(CompletableFuture<Integer> f) {
                        return f.exceptionally(ex -> -1);
                    }

                    Mono<Integer> reactive(Mono<Integer> m) {
                        return m.onErrorResume(e -> Mono.just(-1));
                    }

                    Mono<Integer> named(Mono<Integer> m) {
                        return m.onErrorResume(ignored -> Mono.just(-1));
                    }

                    Mono<Integer> handedOn(Mono<Integer> m) {
                        return m.onErrorResume(e -> Mono.just(codeOf(e)));
                    }
                }
                """;
        assertEquals(List.of("8:" + RULE, "12:" + RULE), errors(code));
    }

    @Test
    void a_fallback_explained_by_a_comment_above_it_or_recorded_on_the_trace_is_clean() {
        assertEquals(List.of(), errors(CLIENT.replace("CALLBACK", """
                // the level is advisory: the order page shows "unknown" when the stock service is down
                                .recover(failure -> Future.succeededFuture(0))""")));
        assertEquals(List.of(), errors(CLIENT.replace("CALLBACK", """
                .recover(failure -> {
                                span.log("stock unknown, answering 0");
                                return Future.succeededFuture(0);
                            })""")));
    }

    @Test
    void a_quiet_close_whose_failure_is_absorbed_is_clean() {
        String code = """
                package com.example.stock;

                import io.r2dbc.spi.Connection;
                import reactor.core.publisher.Mono;

                final class Quietly {
                    void release(Connection connection) {
                        Mono.from(connection.close()).onErrorResume(e -> Mono.empty()).block();
                    }
                }
                """;
        assertEquals(List.of(), errors(code));
    }
}
