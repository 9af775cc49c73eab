package kb.review.engine;

import static kb.review.engine.Round12ClassesTest.edit;
import static kb.review.engine.Round12ClassesTest.hunk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-16 Java classes of timeouts that stop nothing, futures nobody reads and query layers without a deadline, each
 * beside the look-alike its rule must leave alone.
 * <ul>
 * <li>TMO-02, an edit that deletes {@code f.cancel(true)} from the timeout's catch of a timed {@code get}: "cancel the
 * underlying work, do not just stop waiting". Clean: the cancel moved to a {@code finally}.</li>
 * <li>TMO-02, a method given the caller's deadline ({@code Instant}) that bounds a call with a fixed timeout: "turn
 * the <em>remaining</em> time into each call's timeout". Clean: {@code Duration.between(now, deadline)}.</li>
 * <li>CONC-06, an edit that keeps an asynchronous call and drops the chain that observed its future: "A
 * CompletableFuture that completes exceptionally without a handler is just as silent." Clean: still observed.</li>
 * <li>TMO-01, query layers built without their query timeout (jOOQ {@code DSL.using(dataSource, dialect)}, a
 * hand-built {@code JdbcTemplate}): "every statement a deadline (setQueryTimeout)". Clean: jOOQ
 * {@code Settings.withQueryTimeout}, {@code setQueryTimeout}.</li>
 * </ul>
 * The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class Round16JavaWaitClassesTest {

    private static List<String> item(String path, String code, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(path, code), item);
    }

    // --- TMO-02: an edit deletes the cancel from the timeout's way out ---

    private static final String PRICES = "src/main/java/com/example/quotes/QuoteGateway.java";

    @Test
    void a_cancel_deleted_from_the_timeout_catch_is_found_at_the_wait() {
        String diff = edit(PRICES, hunk(40, 40, "public final class QuoteGateway {", """
                         try {
                             return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                         } catch (TimeoutException e) {
                        -    pending.cancel(true);
                             throw new QuoteUnavailableException(symbol, e);
                         }
                         """));
        assertEquals(List.of("41:deleted-timeout-cancel"), GoRound8ClassesTest.item(diff, "TMO-02"));
    }

    @Test
    void a_cancel_moved_into_a_finally_is_clean() {
        String diff = edit(PRICES, hunk(40, 40, "public final class QuoteGateway {", """
                         try {
                             return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                         } catch (TimeoutException e) {
                        -    pending.cancel(true);
                             throw new QuoteUnavailableException(symbol, e);
                        +} finally {
                        +    pending.cancel(true);
                         }
                         """));
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "TMO-02"));
    }

    private static final String FEEDS = "src/main/java/com/example/feeds/FeedReader.java";

    /** A reader given the caller's deadline; BOUND is the request's timeout. */
    private static final String FEED = """
            package com.example.feeds;

            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;
            import java.time.Instant;

            final class FeedReader {
                private final HttpClient http;

                FeedReader(HttpClient http) {
                    this.http = http;
                }

                String read(URI feed, Instant deadline) throws Exception {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("no time left for " + feed);
                    }
                    HttpRequest request = HttpRequest.newBuilder(feed).timeout(BOUND).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                }
            }
            """;

    @Test
    void a_fixed_timeout_in_a_method_given_a_deadline_is_found() {
        String code = FEED.replace("BOUND", "Duration.ofSeconds(30)");
        assertEquals(List.of("21:java-fixed-timeout-under-deadline"), item(FEEDS, code, "TMO-02"));
    }

    @Test
    void the_remaining_time_turned_into_the_timeout_is_clean() {
        String code = FEED.replace("BOUND", "Duration.between(Instant.now(), deadline)");
        assertEquals(List.of(), item(FEEDS, code, "TMO-02"));
    }

    // --- CONC-06: an edit keeps an asynchronous call and drops what observed its future ---

    private static final String RELAY = "src/main/java/com/example/relay/ReceiptRelay.java";

    @Test
    void an_observing_chain_deleted_from_a_kept_call_is_found() {
        String diff = edit(RELAY, hunk(30, 30, "public final class ReceiptRelay {", """
                     void onReceipt(Receipt receipt) {
                         store.remember(receipt);
                    -    broker.forward(receipt.topic(), receipt)
                    -            .exceptionally(failure -> {
                    -                failed.increment();
                    -                return null;
                    -            });
                    +    broker.forward(receipt.topic(), receipt);
                     }
                     """));
        assertEquals(List.of("32:dropped-future-observer"), GoRound8ClassesTest.item(diff, "CONC-06"));
    }

    @Test
    void a_kept_call_still_observed_is_clean() {
        String diff = edit(RELAY, hunk(30, 30, "public final class ReceiptRelay {", """
                     void onReceipt(Receipt receipt) {
                         store.remember(receipt);
                    -    broker.forward(receipt.topic(), receipt)
                    -            .exceptionally(failure -> {
                    -                failed.increment();
                    -                return null;
                    -            });
                    +    broker.forward(receipt.topic(), receipt).exceptionally(this::countFailure);
                     }
                     """));
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "CONC-06"));
    }

    // --- TMO-01: a query layer built without its query timeout ---

    private static final String LEDGER = "src/main/java/com/example/ledger/LedgerQueries.java";

    /** A query class: BUILD makes its query layer. */
    private static final String LAYER = """
            package com.example.ledger;

            import javax.sql.DataSource;
            import org.jooq.DSLContext;
            import org.jooq.SQLDialect;
            import org.jooq.conf.Settings;
            import org.jooq.impl.DSL;

            final class LedgerQueries {
                private final DSLContext db;

                LedgerQueries(DataSource pool) {
                    this.db = BUILD;
                }

                int entries(long account) {
                    return db.fetchCount(DSL.table("entry"), DSL.field("account").eq(account));
                }
            }
            """;

    @Test
    void a_jooq_context_over_a_pool_without_settings_is_found() {
        String code = LAYER.replace("BUILD", "DSL.using(pool, SQLDialect.POSTGRES)");
        assertEquals(List.of("13:java-query-layer-no-timeout"), item(LEDGER, JdbcConvention.kept(code), "TMO-01"));
        // a file that bounds no query one by one leaves the bound to the pool or the driver's URL (session 38)
        assertEquals(List.of(), item(LEDGER, code, "TMO-01"));
    }

    @Test
    void a_jooq_context_with_a_query_timeout_setting_is_clean() {
        String code = LAYER.replace("BUILD",
                "DSL.using(pool, SQLDialect.POSTGRES, new Settings().withQueryTimeout(10))");
        assertEquals(List.of(), item(LEDGER, code, "TMO-01"));
    }

    private static final String TEMPLATE = """
            package com.example.ledger;

            import javax.sql.DataSource;
            import org.springframework.jdbc.core.JdbcTemplate;

            final class LedgerTotals {
                private final JdbcTemplate jdbc;

                LedgerTotals(DataSource pool) {
                    this.jdbc = new JdbcTemplate(pool);
                    SETUP
                }

                long total(long account) {
                    return jdbc.queryForObject("SELECT SUM(amount) FROM entry WHERE account = ?", Long.class, account);
                }
            }
            """;

    @Test
    void a_hand_built_jdbc_template_without_a_query_timeout_is_found() {
        String code = JdbcConvention.kept(TEMPLATE.replace("SETUP", "jdbc.setFetchSize(500);"));
        assertEquals(List.of("10:java-query-layer-no-timeout"),
                item("src/main/java/com/example/ledger/LedgerTotals.java", code, "TMO-01"));
    }

    @Test
    void a_jdbc_template_given_a_query_timeout_is_clean() {
        String code = TEMPLATE.replace("SETUP", "jdbc.setQueryTimeout(15);");
        assertEquals(List.of(), item("src/main/java/com/example/ledger/LedgerTotals.java", code, "TMO-01"));
    }
}
