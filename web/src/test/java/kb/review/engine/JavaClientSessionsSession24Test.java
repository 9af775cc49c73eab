package kb.review.engine;

import static kb.review.engine.JavaSessionsSession24Test.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 24's Java resource classes 4 and 5 (README "javares (session 24)"; classes 1 to 3 are in
 * {@link JavaSessionsSession24Test}): the sessions and responses of non-JDBC clients (Nebula, JCR, Neo4j,
 * scribejava), and a unit-of-work class whose close() ends the transaction it began. The fixtures are written for
 * these tests from each library's API; findings are compared as "line:item".
 */
class JavaClientSessionsSession24Test {

    // --- class 4: sessions and responses of non-JDBC clients ---

    private static final String NEBULA = """
            package n;

            import com.vesoft.nebula.client.graph.net.NebulaPool;
            import com.vesoft.nebula.client.graph.net.Session;
            import com.vesoft.nebula.client.graph.data.ResultSet;

            public class Gql {
                private final NebulaPool pool;

                public Gql(NebulaPool pool) {
                    this.pool = pool;
                }

                public ResultSet run(String stmt) throws Exception {
                    Session session = null;
                    try {
                        session = pool.getSession("root", "nebula", true);
                        ResultSet rs = session.execute(stmt);
                        if (!rs.isSucceeded()) {
                            throw new IllegalStateException(rs.getErrorMessage());
                        }
            %s
                        return rs;
            %s
                    }
                }
            }
            """;

    @Test
    void a_pooled_nebula_session_released_only_on_the_success_path_is_reported() {
        assertEquals(List.of("17:RES-01"), file("src/main/java/n/Gql.java", NEBULA.formatted(
                "            session.release();", "        } finally {\n        }")));
    }

    @Test
    void a_pooled_nebula_session_released_in_finally_is_clean() {
        assertEquals(List.of(), file("src/main/java/n/Gql.java", NEBULA.formatted(
                "", "        } finally {\n            if (session != null) {\n                session.release();\n            }")));
    }

    private static final String JCR = """
            package j;

            import javax.jcr.Node;
            import javax.jcr.Repository;
            import javax.jcr.Session;
            import javax.jcr.SimpleCredentials;

            public class Pages {
                private final Repository repository;

                public Pages(Repository repository) {
                    this.repository = repository;
                }

                public String title(String path) throws Exception {
                    Session session = repository.login(new SimpleCredentials("reader", new char[0]));
            %s
                }
            }
            """;

    @Test
    void a_jcr_session_not_logged_out_on_every_path_is_reported_and_one_logged_out_in_finally_is_clean() {
        assertEquals(List.of("16:RES-01"), file("src/main/java/j/Pages.java", JCR.formatted("""
                        Node page = session.getNode(path);
                        String title = page.getProperty("jcr:title").getString();
                        session.logout();
                        return title;""")));
        assertEquals(List.of(), file("src/main/java/j/Pages.java", JCR.formatted("""
                        try {
                            return session.getNode(path).getProperty("jcr:title").getString();
                        } finally {
                            session.logout();
                        }""")));
    }

    private static final String OAUTH = """
            package o;

            import com.github.scribejava.core.model.OAuthRequest;
            import com.github.scribejava.core.model.Response;
            import com.github.scribejava.core.model.Verb;
            import com.github.scribejava.core.oauth.OAuth20Service;
            import java.io.IOException;

            public class Profile {
                private final OAuth20Service service;

                public Profile(OAuth20Service service) {
                    this.service = service;
                }

                public String me(String url) throws Exception {
                    OAuthRequest request = new OAuthRequest(Verb.GET, url);
            %s
                }
            }
            """;

    @Test
    void a_scribejava_response_never_closed_is_reported_and_one_in_try_with_resources_is_clean() {
        assertEquals(List.of("18:RES-02"), file("src/main/java/o/Profile.java", OAUTH.formatted("""
                        Response response = service.execute(request);
                        if (!response.isSuccessful()) {
                            throw new IOException("HTTP " + response.getCode());
                        }
                        return response.getBody();""")));
        assertEquals(List.of(), file("src/main/java/o/Profile.java", OAUTH.formatted("""
                        try (Response response = service.execute(request)) {
                            if (!response.isSuccessful()) {
                                throw new IOException("HTTP " + response.getCode());
                            }
                            return response.getBody();
                        }""")));
    }

    private static final String NEO4J = """
            package g;

            import java.util.Map;
            import org.neo4j.driver.Driver;
            import org.neo4j.driver.Session;
            import org.neo4j.driver.Transaction;

            public class Writer {
                private final Driver driver;

                public Writer(Driver driver) {
                    this.driver = driver;
                }

                public void write(String cypher, Map<String, Object> params) {
                    try (Session session = driver.session()) {
            %s
                    }
                }
            }
            """;

    @Test
    void a_neo4j_transaction_committed_without_rollback_on_failure_is_reported_and_one_closed_by_try_is_clean() {
        assertEquals(List.of("17:TX-01"), file("src/main/java/g/Writer.java", NEO4J.formatted("""
                            Transaction tx = session.beginTransaction();
                            tx.run(cypher, params);
                            tx.commit();""")));
        assertEquals(List.of(), file("src/main/java/g/Writer.java", NEO4J.formatted("""
                            try (Transaction tx = session.beginTransaction()) {
                                tx.run(cypher, params);
                                tx.commit();
                            }""")));
    }

    // --- class 5: a unit-of-work class that ends its own transaction in close() ---

    private static final String UNIT = """
            package u;

            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            public final class UnitOfWork implements AutoCloseable {
                private final Connection con;
                private boolean committed;

                UnitOfWork(DataSource ds) throws SQLException {
                    this.con = ds.getConnection();
                    this.con.setAutoCommit(false);
                }

                public void commit() throws SQLException {
                    con.commit();
                    committed = true;
                }

                @Override
                public void close() throws SQLException {
                    try {
            %s
                    } finally {
                        con.close();
                    }
                }
            }
            """;

    @Test
    void a_unit_of_work_whose_close_rolls_back_is_clean_and_one_whose_close_does_not_is_reported() {
        assertEquals(List.of(), file("src/main/java/u/UnitOfWork.java", UNIT.formatted("""
                            if (!committed) {
                                con.rollback();
                            }""")).stream().filter(s -> s.endsWith("TX-01")).toList());
        assertEquals(List.of("13:TX-01"), file("src/main/java/u/UnitOfWork.java", UNIT.formatted("""
                            committed = false;""")).stream().filter(s -> s.endsWith("TX-01")).toList());
    }
}
