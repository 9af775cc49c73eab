package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits that delete the timeout of a call and keep the call: a builder step taken out of a chain (an HTTP client's
 * request config, a query builder's {@code queryTimeout}, the JDK request's {@code timeout}), or a setter statement
 * taken out of a JDBC or URLConnection sequence. TMO-01: connect and request timeouts on every HTTP client, a deadline
 * on every statement. The construction is unchanged context; the deleted line says the call had a bound. Clean
 * look-alikes: the timeout moved (set again elsewhere in the change), the timeout deleted as part of a rewrite of the
 * call, an idle or eviction timeout, a timeout that was off anyway. Fixtures written for this test; "line:item".
 */
class JavaDeletedTimeoutSettersTest {

    private static List<String> tmo01(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("TMO-01"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static String edit(String path, int start, String body) {
        List<String> lines = body.lines().toList();
        long old = lines.stream().filter(l -> !l.startsWith("+")).count();
        long now = lines.stream().filter(l -> !l.startsWith("-")).count();
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 5f5f5f5..6e6e6e6 100644\n"
                + "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + start + "," + old + " +" + start + "," + now
                + " @@ class Gateway {\n");
        lines.forEach(l -> d.append(l).append('\n'));
        return d.toString();
    }

    // --- defects ---

    @Test
    void an_okhttp_builder_losing_its_read_timeout_is_reported() {
        assertEquals(List.of("41:TMO-01"), tmo01(edit("src/main/java/acme/pay/Gateway.java", 40, """
                         this.mapper = mapper;
                         this.http = new OkHttpClient.Builder()
                                 .connectTimeout(Duration.ofSeconds(2))
                -                .readTimeout(Duration.ofSeconds(5))
                                 .retryOnConnectionFailure(false)
                                 .build();
                """)));
    }

    @Test
    void a_query_builder_losing_its_query_timeout_is_reported() {
        assertEquals(List.of("23:TMO-01"), tmo01(edit("src/main/java/acme/orders/Lookup.java", 22, """
                     List<Row> pending(long shop) {
                         return db.selectFrom(ITEMS).where(ITEMS.SHOP.eq(shop))
                -                .queryTimeout(budgetSeconds)
                                 .fetch(this::row);
                     }
                """)));
    }

    @Test
    void a_jdbc_statement_losing_its_query_timeout_is_reported() {
        // the statement's construction is in sight: the deleted setter is reported there (session 41), one finding
        // with the rule that reads the construction whole
        assertEquals(List.of("56:TMO-01"), tmo01(edit("src/main/java/acme/ledger/Totals.java", 56, """
                         try (PreparedStatement ps = c.prepareStatement(SUM_SQL)) {
                             ps.setLong(1, account);
                -            ps.setQueryTimeout(3);
                             try (ResultSet rs = ps.executeQuery()) {
                                 return rs.next() ? rs.getLong(1) : 0L;
                """)));
    }

    @Test
    void a_request_config_losing_connect_timeouts_with_their_comment_is_reported() {
        assertEquals(List.of("31:TMO-01"), tmo01(edit("src/main/java/acme/feeds/Poller.java", 30, """
                     static CloseableHttpClient client(Settings s) {
                         RequestConfig rc = RequestConfig.custom()
                -                // a busy pool counts against the connect budget
                -                .setConnectionRequestTimeout(s.connectMillis())
                -                .setConnectTimeout(s.connectMillis())
                                 .setSocketTimeout(s.readMillis())
                                 .build();
                """)));
    }

    // --- clean look-alikes ---

    @Test
    void a_timeout_moved_to_another_line_of_the_change_is_silent() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/pay/Gateway.java", 40, """
                         this.mapper = mapper;
                         this.http = new OkHttpClient.Builder()
                                 .connectTimeout(Duration.ofSeconds(2))
                -                .readTimeout(Duration.ofSeconds(5))
                                 .retryOnConnectionFailure(false)
                +                .callTimeout(Duration.ofSeconds(8))
                                 .build();
                """)));
    }

    @Test
    void a_query_rewritten_with_its_timeout_is_silent() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/orders/Lookup.java", 22, """
                     List<Row> pending(long shop) {
                -        return db.selectFrom(ITEMS).where(ITEMS.SHOP.eq(shop))
                -                .queryTimeout(budgetSeconds)
                -                .fetch(this::row);
                +        return repository.pendingFor(shop);
                     }
                """)));
    }

    @Test
    void an_idle_timeout_taken_out_of_a_pool_builder_is_silent() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/db/Pools.java", 12, """
                         HikariConfig cfg = new HikariConfig();
                         cfg.setJdbcUrl(url);
                -        cfg.setIdleTimeout(600_000);
                         cfg.setMaximumPoolSize(size);
                         return new HikariDataSource(cfg);
                """)));
    }

    @Test
    void a_timeout_of_zero_taken_out_is_silent() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/ledger/Totals.java", 56, """
                         try (PreparedStatement ps = c.prepareStatement(SUM_SQL)) {
                             ps.setLong(1, account);
                -            ps.setQueryTimeout(0);
                             try (ResultSet rs = ps.executeQuery()) {
                                 return rs.next() ? rs.getLong(1) : 0L;
                """)));
    }
}
