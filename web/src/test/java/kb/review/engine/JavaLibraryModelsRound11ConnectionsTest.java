package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound11Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Java models of pooled connections and contexts held until closed (RES-01;
 * content/rules/models/java-libraries-5.yaml): Spring's DataSourceUtils connections, jOOQ contexts opened from a URL
 * (and one over a caller's connection, which borrows it) and Kafka Streams store iterators. Split from
 * {@link JavaLibraryModelsRound11Test}, whose {@code items} check they share: each defect is paired with the
 * look-alike real code writes when it honours the duty; findings are compared as "line:item".
 */
class JavaLibraryModelsRound11ConnectionsTest {

    @Test
    void datasource_utils_connection_released_only_on_success_is_reported() {
        assertEquals(List.of("17:RES-01"), items("src/main/java/a/LegacyAudit.java", """
                package a;

                import java.sql.Connection;
                import java.sql.SQLException;
                import javax.sql.DataSource;
                import org.springframework.jdbc.datasource.DataSourceUtils;

                public class LegacyAudit {
                    private final DataSource dataSource;
                    private final AuditWriter writer = new AuditWriter();

                    public LegacyAudit(DataSource dataSource) {
                        this.dataSource = dataSource;
                    }

                    public boolean record(String event) throws SQLException {
                        Connection con = DataSourceUtils.getConnection(dataSource);
                        if (event.isBlank()) {
                            return false;
                        }
                        writer.write(con, event);
                        DataSourceUtils.releaseConnection(con, dataSource);
                        return true;
                    }
                }
                """));
    }

    @Test
    void datasource_utils_connection_released_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/LegacyAudit.java", """
                package a;

                import java.sql.Connection;
                import java.sql.SQLException;
                import javax.sql.DataSource;
                import org.springframework.jdbc.datasource.DataSourceUtils;

                public class LegacyAudit {
                    private final DataSource dataSource;
                    private final AuditWriter writer = new AuditWriter();

                    public LegacyAudit(DataSource dataSource) {
                        this.dataSource = dataSource;
                    }

                    public boolean record(String event) throws SQLException {
                        Connection con = DataSourceUtils.getConnection(dataSource);
                        try {
                            if (event.isBlank()) {
                                return false;
                            }
                            writer.write(con, event);
                            return true;
                        } finally {
                            DataSourceUtils.releaseConnection(con, dataSource);
                        }
                    }
                }
                """));
    }

    @Test
    void jooq_context_opened_from_a_url_and_closed_by_hand_is_reported() {
        assertEquals(List.of("16:RES-01"), items("src/main/java/a/ReportCounter.java", """
                package a;

                import java.sql.Connection;
                import org.jooq.CloseableDSLContext;
                import org.jooq.DSLContext;
                import org.jooq.impl.DSL;

                public class ReportCounter {
                    private final String jdbcUrl;

                    public ReportCounter(String jdbcUrl) {
                        this.jdbcUrl = jdbcUrl;
                    }

                    public int count(String table) {
                        CloseableDSLContext ctx = DSL.using(jdbcUrl, "report", "secret");
                        if (table.isEmpty()) {
                            return 0;
                        }
                        int n = ctx.fetchCount(DSL.table(table));
                        ctx.close();
                        return n;
                    }
                }
                """));
    }

    @Test
    void jooq_context_from_a_url_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ReportCounter.java", """
                package a;

                import java.sql.Connection;
                import org.jooq.CloseableDSLContext;
                import org.jooq.DSLContext;
                import org.jooq.impl.DSL;

                public class ReportCounter {
                    private final String jdbcUrl;

                    public ReportCounter(String jdbcUrl) {
                        this.jdbcUrl = jdbcUrl;
                    }

                    public int count(String table) {
                        try (CloseableDSLContext ctx = DSL.using(jdbcUrl, "report", "secret")) {
                            return table.isEmpty() ? 0 : ctx.fetchCount(DSL.table(table));
                        }
                    }
                }
                """));
    }

    @Test
    void jooq_context_over_a_callers_connection_borrows_it_and_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ReportCounter.java", """
                package a;

                import java.sql.Connection;
                import org.jooq.CloseableDSLContext;
                import org.jooq.DSLContext;
                import org.jooq.impl.DSL;

                public class ReportCounter {
                    private final String jdbcUrl;

                    public ReportCounter(String jdbcUrl) {
                        this.jdbcUrl = jdbcUrl;
                    }

                    public int count(Connection connection, String table) {
                        DSLContext ctx = DSL.using(connection);
                        if (table.isEmpty()) {
                            return 0;
                        }
                        return ctx.fetchCount(DSL.table(table));
                    }
                }
                """));
    }

    @Test
    void state_store_iterator_left_open_on_an_early_return_is_reported() {
        assertEquals(List.of("15:RES-01"), items("src/main/java/a/StockQuery.java", """
                package a;

                import org.apache.kafka.streams.KeyValue;
                import org.apache.kafka.streams.state.KeyValueIterator;
                import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

                public class StockQuery {
                    private final ReadOnlyKeyValueStore<String, Long> stock;

                    public StockQuery(ReadOnlyKeyValueStore<String, Long> stock) {
                        this.stock = stock;
                    }

                    public long total(String from, String to) {
                        KeyValueIterator<String, Long> items = stock.range(from, to);
                        long sum = 0;
                        while (items.hasNext()) {
                            KeyValue<String, Long> item = items.next();
                            if (item.value < 0) {
                                return -1;
                            }
                            sum += item.value;
                        }
                        items.close();
                        return sum;
                    }
                }
                """));
    }

    @Test
    void state_store_iterator_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/StockQuery.java", """
                package a;

                import org.apache.kafka.streams.KeyValue;
                import org.apache.kafka.streams.state.KeyValueIterator;
                import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

                public class StockQuery {
                    private final ReadOnlyKeyValueStore<String, Long> stock;

                    public StockQuery(ReadOnlyKeyValueStore<String, Long> stock) {
                        this.stock = stock;
                    }

                    public long total(String from, String to) {
                        try (KeyValueIterator<String, Long> items = stock.range(from, to)) {
                            long sum = 0;
                            while (items.hasNext()) {
                                KeyValue<String, Long> item = items.next();
                                if (item.value < 0) {
                                    return -1;
                                }
                                sum += item.value;
                            }
                            return sum;
                        }
                    }

                    public Long one(String sku) {
                        return stock.get(sku);
                    }
                }
                """));
    }
}
