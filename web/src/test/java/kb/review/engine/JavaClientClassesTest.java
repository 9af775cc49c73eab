package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java HTTP and Vert.x clients, by library model ({@code content/rules/models/java-clients-21.yaml}), each beside the
 * clean look-alike of the same shape.
 * <ul>
 * <li>TMO-01, a client built from a builder the code holds by declared type (Spring Boot's injected
 * {@code RestTemplateBuilder}) with no timeout in the chain: the request factory it picks waits without limit. The
 * item: "set connect and overall request timeouts on every client". Clean: the same chain with both timeouts.</li>
 * <li>TMO-01, a Vert.x {@code WebClient} request sent without {@code timeout(ms)}: Vert.x waits for the answer without
 * limit. Clean: the request with its timeout; a {@code get} on something that is not a declared {@code WebClient}.</li>
 * <li>RES-04, Vert.x clients (a {@code Redis} client, a {@code WebClient}) and Spring's {@code new RestTemplateBuilder()}
 * built on every call or every reconnect attempt: each owns a connection pool. The item: "a constructor of a pool or
 * client inside ... a function that runs per call is a review finding". Clean: built once in the constructor and
 * kept.</li>
 * </ul>
 * The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class JavaClientClassesTest {

    private static List<String> item(String name, String code, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/orders/" + name + ".java", code), item);
    }

    private static final String TEMPLATE = """
            package com.example.orders;

            import java.time.Duration;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.web.client.RestTemplate;

            public class InvoiceClient {
                private final RestTemplate rest;

                public InvoiceClient(RestTemplateBuilder builder) {
                    this.rest = builder.CHAIN.build();
                }

                public Invoice invoice(String id) {
                    return rest.getForObject("/invoices/{id}", Invoice.class, id);
                }
            }
            """;

    @Test
    void a_rest_template_built_from_an_injected_builder_without_timeouts_is_found() {
        String code = TEMPLATE.replace("builder.CHAIN.build()", "builder.rootUri(\"http://billing\").build()");
        assertEquals(List.of("11:java-http-library-no-timeout"), item("InvoiceClient", code, "TMO-01"));
    }

    @Test
    void the_same_builder_with_connect_and_read_timeouts_is_clean() {
        assertEquals(List.of(), item("InvoiceClient", TEMPLATE.replace("CHAIN",
                "setConnectTimeout(Duration.ofSeconds(1)).setReadTimeout(Duration.ofSeconds(5))"), "TMO-01"));
        assertEquals(List.of(), item("InvoiceClient", TEMPLATE.replace("CHAIN",
                "connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(5))"), "TMO-01"));
    }

    private static final String VERTX = """
            package com.example.orders;

            import io.vertx.core.Future;
            import io.vertx.ext.web.client.WebClient;
            import java.util.Map;

            public final class StockLookup {
                private final WebClient web;
                private final Map<String, Integer> cache;

                public StockLookup(WebClient web, Map<String, Integer> cache) {
                    this.web = web;
                    this.cache = cache;
                }

                public Future<Integer> stock(String sku) {
                    Integer known = cache.get(sku);
                    return web.get("/stock/" + sku)
                            TIMEOUT.send()
                            .map(resp -> resp.bodyAsJsonObject().getInteger("level"));
                }
            }
            """;

    @Test
    void a_vertx_request_sent_without_a_timeout_is_found() {
        assertEquals(List.of("18:java-http-library-no-timeout"),
                item("StockLookup", VERTX.replace("TIMEOUT", ""), "TMO-01"));
    }

    @Test
    void a_vertx_request_with_its_timeout_is_clean() {
        assertEquals(List.of(), item("StockLookup", VERTX.replace("TIMEOUT", ".timeout(2_000)"), "TMO-01"));
    }

    @Test
    void a_spring_reactive_web_client_whose_get_takes_no_target_is_not_a_vertx_request() {
        String code = VERTX.replace("import io.vertx.ext.web.client.WebClient;",
                "import org.springframework.web.reactive.function.client.WebClient;")
                .replace("return web.get(\"/stock/\" + sku)\n                TIMEOUT.send()",
                        "return web.get().uri(\"/stock/\" + sku)\n                .retrieve()");
        assertEquals(List.of(), item("StockLookup", code, "TMO-01"));
    }

    private static final String REDIS = """
            package com.example.orders;

            import io.vertx.core.Vertx;
            import io.vertx.redis.client.Redis;
            import io.vertx.redis.client.RedisConnection;
            import io.vertx.redis.client.RedisOptions;

            public final class CartStore {
                private final Vertx vertx;
                private final RedisOptions options;
                private RedisConnection conn;

                public CartStore(Vertx vertx, RedisOptions options) {
                    this.vertx = vertx;
                    this.options = options;
                }

                void reconnect(int attempt) {
                    vertx.setTimer(100L * attempt, id -> {
                        Redis redis = Redis.createClient(vertx, options);
                        redis.connect().onSuccess(c -> conn = c).onFailure(t -> reconnect(attempt + 1));
                    });
                }
            }
            """;

    @Test
    void a_redis_client_created_on_every_reconnect_attempt_is_found() {
        assertEquals(List.of("20:java-client-per-call"), item("CartStore", REDIS, "RES-04"));
    }

    @Test
    void a_redis_client_created_once_and_reused_by_the_reconnects_is_clean() {
        String code = REDIS.replace("    private RedisConnection conn;", """
                    private final Redis redis;
                    private RedisConnection conn;""")
                .replace("        this.options = options;", """
                        this.options = options;
                        this.redis = Redis.createClient(vertx, options);""")
                .replace("            Redis redis = Redis.createClient(vertx, options);\n", "");
        assertEquals(List.of(), item("CartStore", code, "RES-04"));
    }

    private static final String PER_CALL_TEMPLATE = """
            package com.example.orders;

            import java.time.Duration;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.web.client.RestTemplate;

            public class ShippingClient {
                public Quote quote(String parcel) {
                    RestTemplate rest = new RestTemplateBuilder()
                            .connectTimeout(Duration.ofSeconds(1))
                            .readTimeout(Duration.ofSeconds(5))
                            .build();
                    return rest.getForObject("/quotes/{p}", Quote.class, parcel);
                }
            }
            """;

    @Test
    void a_rest_template_builder_made_per_call_is_found() {
        assertEquals(List.of("9:java-client-per-call"), item("ShippingClient", PER_CALL_TEMPLATE, "RES-04"));
    }

    @Test
    void a_rest_template_built_once_in_the_constructor_is_clean() {
        String code = """
                package com.example.orders;

                import java.time.Duration;
                import org.springframework.boot.web.client.RestTemplateBuilder;
                import org.springframework.web.client.RestTemplate;

                public class ShippingClient {
                    private final RestTemplate rest;

                    public ShippingClient() {
                        rest = new RestTemplateBuilder()
                                .connectTimeout(Duration.ofSeconds(1))
                                .readTimeout(Duration.ofSeconds(5))
                                .build();
                    }

                    public Quote quote(String parcel) {
                        return rest.getForObject("/quotes/{p}", Quote.class, parcel);
                    }
                }
                """;
        assertEquals(List.of(), item("ShippingClient", code, "RES-04"));
    }
}
