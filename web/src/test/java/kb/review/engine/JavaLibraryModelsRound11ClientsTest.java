package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound11Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Java models of factories, pools and clients meant to be built once (RES-04; Hibernate and MyBatis
 * session factories, Spring Kafka producer factories, Reactor Netty pools, Micronaut clients) and of clients without
 * timeouts (TMO-01; Spring's RestClient, Commons Net FTP), from content/rules/models/java-libraries-5.yaml. Split from
 * {@link JavaLibraryModelsRound11Test}, whose {@code items} check they share: each defect is paired with the look-alike
 * real code writes when it honours the duty; findings are compared as "line:item".
 */
class JavaLibraryModelsRound11ClientsTest {

    @Test
    void hibernate_session_factory_built_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/OrderCount.java", """
                package a;

                import org.hibernate.SessionFactory;
                import org.hibernate.cfg.Configuration;

                public class OrderCount {
                    public long count() {
                        SessionFactory factory = new Configuration().configure().buildSessionFactory();
                        try (var session = factory.openSession()) {
                            return session.createQuery("select count(o) from Order o", Long.class).getSingleResult();
                        }
                    }
                }
                """));
    }

    @Test
    void hibernate_session_factory_built_by_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/OrderCount.java", """
                package a;

                import org.hibernate.SessionFactory;
                import org.hibernate.cfg.Configuration;

                public class OrderCount {
                    private final SessionFactory factory;

                    public OrderCount() {
                        factory = new Configuration().configure().buildSessionFactory();
                    }

                    public long count() {
                        try (var session = factory.openSession()) {
                            return session.createQuery("select count(o) from Order o", Long.class).getSingleResult();
                        }
                    }
                }
                """));
    }

    @Test
    void mybatis_session_factory_built_per_call_is_reported() {
        assertEquals(List.of("13:RES-04"), items("src/main/java/a/UserLookup.java", """
                package a;

                import java.io.IOException;
                import java.io.Reader;
                import org.apache.ibatis.io.Resources;
                import org.apache.ibatis.session.SqlSession;
                import org.apache.ibatis.session.SqlSessionFactory;
                import org.apache.ibatis.session.SqlSessionFactoryBuilder;

                public class UserLookup {
                    public String name(long id) throws IOException {
                        SqlSessionFactory factory =
                                new SqlSessionFactoryBuilder().build(Resources.getResourceAsReader("mybatis.xml"));
                        try (SqlSession session = factory.openSession()) {
                            return session.selectOne("users.name", id);
                        }
                    }
                }
                """));
    }

    @Test
    void spring_kafka_producer_factory_built_per_message_is_reported() {
        assertEquals(List.of("17:RES-04"), items("src/main/java/a/Notifier.java", """
                package a;

                import java.util.Map;
                import org.springframework.context.annotation.Bean;
                import org.springframework.kafka.core.DefaultKafkaProducerFactory;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.kafka.core.ProducerFactory;

                public class Notifier {
                    private final Map<String, Object> producerProps;

                    public Notifier(Map<String, Object> producerProps) {
                        this.producerProps = producerProps;
                    }

                    public void toKafka(String topic, String value) {
                        ProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(producerProps);
                        new KafkaTemplate<>(factory).send(topic, value);
                    }
                }
                """));
    }

    @Test
    void spring_kafka_producer_factory_as_a_bean_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Notifier.java", """
                package a;

                import java.util.Map;
                import org.springframework.context.annotation.Bean;
                import org.springframework.kafka.core.DefaultKafkaProducerFactory;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.kafka.core.ProducerFactory;

                public class Notifier {
                    private final Map<String, Object> producerProps;

                    public Notifier(Map<String, Object> producerProps) {
                        this.producerProps = producerProps;
                    }

                    @Bean
                    public ProducerFactory<String, String> producerFactory() {
                        return new DefaultKafkaProducerFactory<>(producerProps);
                    }
                }
                """));
    }

    @Test
    void reactor_netty_connection_pool_built_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/HealthClient.java", """
                package a;

                import org.springframework.context.annotation.Bean;
                import reactor.netty.resources.ConnectionProvider;

                public class HealthClient {
                    public int status(String name) {
                        ConnectionProvider pool = ConnectionProvider.create(name, 16);
                        return reactor.netty.http.client.HttpClient.create(pool)
                                .get().uri("/health").response().block().status().code();
                    }
                }
                """));
    }

    @Test
    void reactor_netty_connection_pool_as_a_bean_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/HealthClient.java", """
                package a;

                import org.springframework.context.annotation.Bean;
                import reactor.netty.resources.ConnectionProvider;

                public class HealthClient {
                    @Bean
                    public ConnectionProvider healthPool() {
                        return ConnectionProvider.create("health", 16);
                    }
                }
                """));
    }

    @Test
    void micronaut_client_created_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/StatusProbe.java", """
                package a;

                import io.micronaut.http.client.HttpClient;
                import java.net.URL;

                public class StatusProbe {
                    public String status(String base) throws Exception {
                        HttpClient client = HttpClient.create(new URL(base));
                        return client.toBlocking().retrieve("/status");
                    }
                }
                """));
    }

    @Test
    void rest_client_built_without_a_request_factory_is_reported() {
        assertEquals(List.of("7:TMO-01"), items("src/main/java/a/Clients.java", """
                package a;

                import org.springframework.web.client.RestClient;

                public class Clients {
                    public RestClient billing(String baseUrl) {
                        return RestClient.builder().baseUrl(baseUrl).build();
                    }
                }
                """));
    }

    @Test
    void rest_client_built_with_a_request_factory_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Clients.java", """
                package a;

                import org.springframework.http.client.SimpleClientHttpRequestFactory;
                import org.springframework.web.client.RestClient;
                import org.springframework.web.client.RestTemplate;

                public class Clients {
                    public RestClient billing(String baseUrl, SimpleClientHttpRequestFactory timedFactory) {
                        return RestClient.builder().baseUrl(baseUrl).requestFactory(timedFactory).build();
                    }

                    public RestClient fromTemplate(RestTemplate template) {
                        return RestClient.create(template);
                    }
                }
                """));
    }

    @Test
    void ftp_client_without_timeouts_is_reported() {
        assertEquals(List.of("8:TMO-01"), items("src/main/java/a/FeedFetcher.java", """
                package a;

                import java.io.IOException;
                import org.apache.commons.net.ftp.FTPClient;

                public class FeedFetcher {
                    public String[] names(String host) throws IOException {
                        FTPClient ftp = new FTPClient();
                        ftp.connect(host);
                        try {
                            ftp.login("anonymous", "feeds@example.org");
                            return ftp.listNames();
                        } finally {
                            ftp.disconnect();
                        }
                    }
                }
                """));
    }

    @Test
    void ftp_client_with_default_and_connect_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/FeedFetcher.java", """
                package a;

                import java.io.IOException;
                import org.apache.commons.net.ftp.FTPClient;

                public class FeedFetcher {
                    public String[] names(String host) throws IOException {
                        FTPClient ftp = new FTPClient();
                        ftp.setConnectTimeout(5_000);
                        ftp.setDefaultTimeout(30_000);
                        ftp.connect(host);
                        try {
                            ftp.login("anonymous", "feeds@example.org");
                            return ftp.listNames();
                        } finally {
                            ftp.disconnect();
                        }
                    }
                }
                """));
    }
}
