package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound10Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-10 Java models of clients and pools meant to be built once (RES-04; content/rules/models/java-libraries-3.yaml):
 * JAX-RS clients, HttpClient 5's default async client (also without timeouts, TMO-01), Redisson clients and Druid
 * pools, each built per call against one kept in a field or built by a provider. Split from
 * {@link JavaLibraryModelsRound10Test}, whose {@code items} check they share; findings are compared as "line:item".
 */
class JavaLibraryModelsRound10ClientsTest {

    // --- RES-04: a JAX-RS Client per call (heavy-weight, its documentation says: even closed, a pool per call) / one
    // kept in a field ---

    @Test
    void jaxrs_client_per_call_is_reported() {
        // the default client has no timeouts either (TMO-01, java-jaxrs-32.yaml)
        assertEquals(List.of("8:RES-04", "8:TMO-01"), items("src/main/java/a/StatusProbe.java", """
                package a;

                import jakarta.ws.rs.client.Client;
                import jakarta.ws.rs.client.ClientBuilder;

                public class StatusProbe {
                    public String status(String baseUrl) {
                        Client client = ClientBuilder.newClient();
                        try {
                            return client.target(baseUrl).path("status").request().get(String.class);
                        } finally {
                            client.close();
                        }
                    }
                }
                """));
    }

    @Test
    void jaxrs_client_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/StatusProbe.java", """
                package a;

                import java.util.concurrent.TimeUnit;
                import jakarta.ws.rs.client.Client;
                import jakarta.ws.rs.client.ClientBuilder;

                public class StatusProbe {
                    private final Client client = ClientBuilder.newBuilder()
                            .connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS).build();

                    public String status(String baseUrl) {
                        return client.target(baseUrl).path("status").request().get(String.class);
                    }
                }
                """));
    }

    // --- RES-04 and TMO-01: HttpClient 5's default async client per call / a configured shared one ---

    @Test
    void apache_async_default_client_per_call_is_reported_twice() {
        assertEquals(List.of("9:RES-04", "9:TMO-01"), items("src/main/java/a/Pinger.java", """
                package a;

                import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
                import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
                import org.apache.hc.client5.http.impl.async.HttpAsyncClients;

                public class Pinger {
                    public void ping(SimpleHttpRequest request) {
                        CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();
                        client.start();
                        client.execute(request, null);
                    }
                }
                """));
    }

    @Test
    void apache_async_client_configured_once_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Pinger.java", """
                package a;

                import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
                import org.apache.hc.client5.http.config.RequestConfig;
                import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
                import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
                import org.apache.hc.core5.util.Timeout;

                public class Pinger {
                    private final CloseableHttpAsyncClient client;

                    public Pinger() {
                        client = HttpAsyncClients.custom()
                                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(5)).build())
                                .build();
                        client.start();
                    }

                    public void ping(SimpleHttpRequest request) {
                        client.execute(request, null);
                    }
                }
                """));
    }

    // --- RES-04: a Redisson client per call / one built by a provider method ---

    private static final String REDISSON = """
            package a;

            import org.redisson.Redisson;
            import org.redisson.api.RedissonClient;
            import org.redisson.config.Config;

            public class Locks {
                %s
                public RedissonClient %s(Config config) {
                    RedissonClient redisson = Redisson.create(config);
                    %s
                }
            }
            """;

    @Test
    void redisson_client_per_call_is_reported() {
        assertEquals(List.of("10:RES-04"), items("src/main/java/a/Locks.java", REDISSON.formatted(
                "", "tryLock", "redisson.getLock(\"jobs\").tryLock();\n        return null;")));
    }

    @Test
    void redisson_client_built_by_a_provider_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Locks.java", REDISSON.formatted(
                "@org.springframework.context.annotation.Bean(destroyMethod = \"shutdown\")", "redisson",
                "return redisson;")));
    }

    // --- RES-04: a Druid pool per call / kept in a field ---

    @Test
    void druid_pool_per_call_is_reported() {
        assertEquals(List.of("9:RES-04"), items("src/main/java/a/Audit.java", """
                package a;

                import com.alibaba.druid.pool.DruidDataSource;
                import java.sql.Connection;
                import java.sql.SQLException;

                public class Audit {
                    public void record(String url, String event) throws SQLException {
                        DruidDataSource ds = new DruidDataSource();
                        ds.setUrl(url);
                        try (Connection c = ds.getConnection()) {
                            AuditDao.insert(c, event);
                        }
                    }
                }
                """));
    }

    @Test
    void druid_pool_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Audit.java", """
                package a;

                import com.alibaba.druid.pool.DruidDataSource;
                import java.sql.Connection;
                import java.sql.SQLException;

                public class Audit {
                    private DruidDataSource ds;

                    public void open(String url) {
                        ds = new DruidDataSource();
                        ds.setUrl(url);
                    }

                    public void record(String event) throws SQLException {
                        try (Connection c = ds.getConnection()) {
                            AuditDao.insert(c, event);
                        }
                    }
                }
                """));
    }
}
