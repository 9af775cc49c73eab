package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A library model keyed by a method name must check the call's shape, not only its name: {@code createStatement} is
 * JDBC's (no argument, or the result-set type and concurrency as ints, then the statement must be closed and given a
 * query timeout: RES-01, TMO-01) and also R2DBC's {@code io.r2dbc.spi.Connection.createStatement(String sql)}, whose
 * statement has no {@code close} and no {@code setQueryTimeout} (the connection is released by the reactive chain).
 * The SQL text as the only argument is R2DBC's signature. Defects: JDBC statements of each shape left open or without a
 * timeout. Clean look-alikes: R2DBC statements with the SQL as a literal (with or without commas), as a variable, and
 * in a lambda of a reactive chain. Fixtures written for this test (findings are "line:item").
 */
class JavaStatementSignaturesTest {

    private static List<String> found(String path, String source) {
        // each fixture in a file whose queries are bounded one by one, where TMO-01 judges statements (session 38)
        return JavaModelsRound7Test.items(path, JdbcConvention.kept(source)).stream()
                .filter(f -> f.endsWith(":RES-01") || f.endsWith(":TMO-01")).toList();
    }

    // --- defects: JDBC ---

    @Test
    void a_jdbc_statement_without_arguments_left_open_is_reported() {
        assertEquals(List.of("13:RES-01", "13:TMO-01"), found("src/main/java/acme/audit/Purger.java", """
                package acme.audit;

                import java.sql.Connection;
                import java.sql.SQLException;
                import java.sql.Statement;

                final class Purger {
                    private final Connection db;

                    Purger(Connection db) { this.db = db; }

                    int purge(int days) throws SQLException {
                        Statement st = db.createStatement();
                        int n = st.executeUpdate("delete from audit where age > " + days);
                        st.close();
                        return n;
                    }
                }
                """));
    }

    @Test
    void a_scrollable_jdbc_statement_left_open_is_reported() {
        assertEquals(List.of("11:RES-01", "11:TMO-01"), found("src/main/java/acme/report/Pager.java", """
                package acme.report;

                import java.sql.Connection;
                import java.sql.ResultSet;
                import java.sql.SQLException;
                import java.sql.Statement;

                public class Pager {
                    public int last(Connection c, String table) throws SQLException {
                        int rows = 0;
                        Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                        try (ResultSet rs = s.executeQuery("select id from " + table)) {
                            if (rs.last()) {
                                rows = rs.getRow();
                            }
                        }
                        return rows;
                    }
                }
                """));
    }

    @Test
    void a_jdbc_statement_with_variable_result_set_options_is_reported() {
        assertEquals(List.of("9:RES-01", "9:TMO-01"), found("src/main/java/acme/report/Cursor.java", """
                package acme.report;

                import java.sql.Connection;
                import java.sql.SQLException;
                import java.sql.Statement;

                class Cursor {
                    Statement open(Connection c, int kind, int mode) throws SQLException {
                        Statement stmt = c.createStatement(kind, mode);
                        stmt.setFetchSize(500);
                        if (kind < 0) {
                            throw new SQLException("bad kind");
                        }
                        return stmt;
                    }
                }
                """));
    }

    @Test
    void a_prepared_jdbc_statement_with_one_sql_argument_is_still_reported() {
        assertEquals(List.of("11:RES-01", "11:TMO-01"), found("src/main/java/acme/users/Names.java", """
                package acme.users;

                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.ResultSet;
                import java.sql.SQLException;

                public final class Names {
                    public String name(Connection c, long id) throws SQLException {
                        String sql = "select name from users where id = ?";
                        PreparedStatement ps = c.prepareStatement(sql);
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
                """));
    }

    // --- clean look-alikes: R2DBC ---

    @Test
    void an_r2dbc_statement_with_a_literal_holding_commas_is_not_reported() {
        assertEquals(List.of(), found("src/main/java/acme/orders/Lines.java", """
                package acme.orders;

                import io.r2dbc.spi.Connection;
                import reactor.core.publisher.Mono;

                final class Lines {
                    Mono<Long> add(Connection conn, long order, String sku) {
                        return Mono.from(conn.createStatement("insert into lines(order_id, sku) values ($1, $2)")
                                .bind("$1", order).bind("$2", sku).execute())
                                .flatMap(r -> Mono.from(r.getRowsUpdated()));
                    }
                }
                """));
    }

    @Test
    void an_r2dbc_statement_from_a_sql_variable_is_not_reported() {
        assertEquals(List.of(), found("src/main/java/acme/orders/Counter.java", """
                package acme.orders;

                import io.r2dbc.spi.Connection;
                import io.r2dbc.spi.Statement;
                import reactor.core.publisher.Flux;

                public class Counter {
                    private static final String COUNT = "select count(*) from orders";

                    public Flux<Long> count(Connection c) {
                        Statement s = c.createStatement(COUNT);
                        return Flux.from(s.execute()).flatMap(r -> r.map((row, meta) -> row.get(0, Long.class)));
                    }
                }
                """));
    }

    @Test
    void r2dbc_statements_in_a_using_when_chain_are_not_reported() {
        assertEquals(List.of(), found("src/main/java/acme/orders/Archive.java", """
                package acme.orders;

                import io.r2dbc.spi.ConnectionFactory;
                import reactor.core.publisher.Flux;
                import reactor.core.publisher.Mono;

                public class Archive {
                    private final ConnectionFactory factory;

                    public Archive(ConnectionFactory factory) { this.factory = factory; }

                    public Mono<Void> move(long before) {
                        return Mono.usingWhen(factory.create(),
                                c -> Flux.from(c.createStatement("insert into archive select * from orders where id < $1")
                                                .bind("$1", before).execute())
                                        .thenMany(Flux.from(c.createStatement("delete from orders where id < $1").bind("$1", before).execute()))
                                        .then(),
                                c -> Mono.from(c.close()));
                    }
                }
                """));
    }

    @Test
    void an_r2dbc_batch_of_one_statement_per_row_is_not_reported() {
        assertEquals(List.of(), found("src/main/java/acme/orders/Tags.java", """
                package acme.orders;

                import io.r2dbc.spi.Connection;
                import java.util.List;
                import reactor.core.publisher.Flux;
                import reactor.core.publisher.Mono;

                final class Tags {
                    Mono<Void> save(Connection conn, long id, List<String> tags) {
                        return Flux.fromIterable(tags)
                                .concatMap(t -> conn.createStatement("insert into tags values ($1, $2)").bind("$1", id).bind("$2", t).execute())
                                .then();
                    }
                }
                """));
    }
}
