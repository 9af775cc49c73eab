package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections a pool or provider lends out (a Hibernate {@code ConnectionProvider} or {@code JdbcConnectionAccess},
 * a jOOQ {@code ConnectionProvider}, a {@code HikariPool}, a {@code DataSource}) and never given back: kept in a local
 * that nothing closes, given back only on the happy path, or used up in one expression
 * ({@code provider.getConnection().getMetaData()}) so that nothing can close it. RES-01: close every resource on
 * every path, "a pool that never hands out a connection" being the failure it names. Unlike a socket's stream, which
 * closes with its socket, a lent connection is not closed with its lender. Clean look-alikes: try-with-resources,
 * the provider's own release call in finally, the connection handed back to the caller. Fixtures written for this
 * test; findings are "line:item".
 */
class JavaLentConnectionsTest {

    private static List<String> res01(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":RES-01")).toList();
    }

    // --- defects ---

    @Test
    void a_provider_connection_used_up_in_one_expression_is_reported() {
        assertEquals(List.of("14:RES-01"), res01("src/main/java/acme/schema/Inspector.java", """
                package acme.schema;

                import java.sql.DatabaseMetaData;
                import java.sql.SQLException;
                import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

                public class Inspector {
                    private final ConnectionProvider pool;

                    public Inspector(ConnectionProvider pool) { this.pool = pool; }

                    public String version() throws SQLException {
                        // nothing holds the connection: it can never be given back
                        DatabaseMetaData md = pool.getConnection().getMetaData();
                        return md.getDatabaseProductVersion();
                    }
                }
                """));
    }

    @Test
    void a_data_source_connection_chained_into_a_getter_is_reported() {
        assertEquals(List.of("13:RES-01"), res01("src/main/java/acme/tenancy/Catalogs.java", """
                package acme.tenancy;

                import java.sql.SQLException;
                import javax.sql.DataSource;

                final class Catalogs {
                    private final DataSource tenants;

                    Catalogs(DataSource tenants) { this.tenants = tenants; }

                    String current() throws SQLException {
                        String prefix = "tenant_";
                        return prefix + tenants.getConnection().getCatalog();
                    }
                }
                """));
    }

    @Test
    void a_connection_obtained_from_jdbc_connection_access_and_never_released_is_reported() {
        assertEquals(List.of("12:RES-01"), res01("src/main/java/acme/tools/Exporter.java", """
                package acme.tools;

                import java.sql.Connection;
                import java.sql.SQLException;
                import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;

                final class Exporter {
                    private final JdbcConnectionAccess access;
                    Exporter(JdbcConnectionAccess access) { this.access = access; }

                    String schemaOf() throws SQLException {
                        Connection c = access.obtainConnection();
                        c.setReadOnly(true);
                        return c.getSchema();
                    }
                }
                """));
    }

    @Test
    void a_jooq_provider_connection_released_only_on_the_happy_path_is_reported() {
        assertEquals(List.of("12:RES-01"), res01("src/main/java/acme/reports/Warmup.java", """
                package acme.reports;

                import java.sql.Connection;
                import java.sql.SQLException;
                import org.jooq.ConnectionProvider;

                final class Warmup {
                    private final ConnectionProvider connections;
                    Warmup(ConnectionProvider connections) { this.connections = connections; }

                    void ping() throws SQLException {
                        Connection c = connections.acquire();
                        c.isValid(2);
                        connections.release(c);
                    }
                }
                """));
    }

    // --- clean look-alikes ---

    @Test
    void the_provider_connection_given_back_in_finally_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/schema/Inspector.java", """
                package acme.schema;

                import java.sql.Connection;
                import java.sql.SQLException;
                import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

                public class Inspector {
                    private final ConnectionProvider pool;

                    public Inspector(ConnectionProvider pool) { this.pool = pool; }

                    public String version() throws SQLException {
                        Connection c = pool.getConnection();
                        try {
                            return c.getMetaData().getDatabaseProductVersion();
                        } finally {
                            pool.closeConnection(c);
                        }
                    }
                }
                """));
    }

    @Test
    void a_data_source_connection_in_try_with_resources_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/tenancy/Catalogs.java", """
                package acme.tenancy;

                import java.sql.Connection;
                import java.sql.SQLException;
                import javax.sql.DataSource;

                final class Catalogs {
                    private final DataSource tenants;

                    Catalogs(DataSource tenants) { this.tenants = tenants; }

                    String current() throws SQLException {
                        try (Connection c = tenants.getConnection()) {
                            return "tenant_" + c.getCatalog();
                        }
                    }
                }
                """));
    }

    @Test
    void a_connection_handed_back_to_the_caller_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/tools/Exporter.java", """
                package acme.tools;

                import java.sql.Connection;
                import java.sql.SQLException;
                import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;

                final class Exporter {
                    private final JdbcConnectionAccess access;
                    Exporter(JdbcConnectionAccess access) { this.access = access; }

                    /** The caller releases it with access.releaseConnection. */
                    Connection lease() throws SQLException {
                        Connection c = access.obtainConnection();
                        return c;
                    }
                }
                """));
    }

    @Test
    void a_jooq_provider_connection_released_in_finally_is_silent() {
        assertEquals(List.of(), res01("src/main/java/acme/reports/Warmup.java", """
                package acme.reports;

                import java.sql.Connection;
                import java.sql.SQLException;
                import org.jooq.ConnectionProvider;

                final class Warmup {
                    private final ConnectionProvider connections;
                    Warmup(ConnectionProvider connections) { this.connections = connections; }

                    void ping() throws SQLException {
                        Connection c = connections.acquire();
                        try {
                            c.isValid(2);
                        } finally {
                            connections.release(c);
                        }
                    }
                }
                """));
    }

    @Test
    void a_socket_stream_used_in_one_expression_stays_its_owners() {
        // the stream of an owner closes with it: the lent-connection exception does not reach it
        assertEquals(List.of(), res01("src/main/java/acme/net/Probe.java", """
                package acme.net;

                import java.io.IOException;
                import java.net.Socket;

                final class Probe {
                    int first(String host) throws IOException {
                        try (Socket s = new Socket(host, 7)) {
                            return s.getInputStream().read();
                        }
                    }
                }
                """));
    }
}
