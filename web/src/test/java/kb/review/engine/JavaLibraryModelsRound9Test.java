package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models added in round 9 by popularity (content/rules/models/java-libraries-2.yaml), database and
 * messaging part: Hibernate scrollable results, jOOQ lazy cursors, Kafka Admin clients, RabbitMQ channels, Curator
 * clients and Jedis connections. Files, channels and native memory, and spans, sessions and processes are in
 * JavaLibraryModelsRound9FilesTest and JavaLibraryModelsRound9SpansAndProcessesTest, which share {@code items}. Each
 * defect the library's documentation warns about is paired with the look-alike that honours the duty the way real code
 * does (a finally release, try-with-resources). Findings are compared as "line:item"; the fixtures are written for
 * these tests from each library's API. The Go half is {@link GoLibraryModelsRound9Test}.
 */
class JavaLibraryModelsRound9Test {

    static List<String> items(String path, String source) {
        return GoLibraryModelsRound9Test.items(path, source);
    }

    // --- Hibernate scrollable results never closed / opened in try-with-resources ---

    private static final String J_HIBERNATE_SCROLL = """
            package app;

            import java.util.function.Consumer;
            import org.hibernate.ScrollMode;
            import org.hibernate.ScrollableResults;
            import org.hibernate.Session;

            public class Export {
                public int export(Session session, Consumer<Object> sink) {
                    int n = 0;
            %s
                        while (rows.next()) {
                            sink.accept(rows.get());
                            n++;
                        }
            %s
                    return n;
                }
            }
            """;

    @Test
    void java_hibernate_scroll_defect_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/app/Export.java", J_HIBERNATE_SCROLL.formatted("        ScrollableResults rows = session.createQuery(\"from Item\").scroll(ScrollMode.FORWARD_ONLY);\n        {", "        }")));
    }

    @Test
    void java_hibernate_scroll_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Export.java", J_HIBERNATE_SCROLL.formatted("        try (ScrollableResults rows = session.createQuery(\"from Item\").scroll(ScrollMode.FORWARD_ONLY)) {", "        }")));
    }

    // --- a jOOQ lazy cursor never closed / opened in try-with-resources ---

    private static final String J_JOOQ_LAZY = """
            package app;

            import java.io.IOException;
            import java.io.Writer;
            import org.jooq.Cursor;
            import org.jooq.DSLContext;
            import org.jooq.Record;

            public class Dump {
                public void dump(DSLContext dsl, Writer out) throws IOException {
            %s
                        for (Record r : cursor) {
                            out.write(r.formatCSV());
                        }
            %s
                }
            }
            """;

    @Test
    void java_jooq_lazy_defect_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/app/Dump.java", J_JOOQ_LAZY.formatted("        Cursor<Record> cursor = dsl.selectFrom(ITEMS).fetchLazy();\n        {", "        }")));
    }

    @Test
    void java_jooq_lazy_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Dump.java", J_JOOQ_LAZY.formatted("        try (Cursor<Record> cursor = dsl.selectFrom(ITEMS).fetchLazy()) {", "        }")));
    }

    // --- a Kafka Admin client never closed / opened in try-with-resources ---

    private static final String J_KAFKA_ADMIN = """
            package app;

            import java.util.Properties;
            import java.util.Set;
            import org.apache.kafka.clients.admin.Admin;

            public class Topics {
                public Set<String> names(Properties props) throws Exception {
            %s
                        return admin.listTopics().names().get();
            %s
                }
            }
            """;

    @Test
    void java_kafka_admin_defect_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/app/Topics.java", J_KAFKA_ADMIN.formatted("        Admin admin = Admin.create(props);\n        {", "        }")));
    }

    @Test
    void java_kafka_admin_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Topics.java", J_KAFKA_ADMIN.formatted("        try (Admin admin = Admin.create(props)) {", "        }")));
    }

    // --- a RabbitMQ connection and channel never closed / opened in try-with-resources ---

    private static final String J_RABBIT_CHANNEL = """
            package app;

            import com.rabbitmq.client.Channel;
            import com.rabbitmq.client.Connection;
            import com.rabbitmq.client.ConnectionFactory;

            public class Publisher {
                private final ConnectionFactory factory;

                public Publisher(ConnectionFactory factory) {
                    this.factory = factory;
                }

                public void publish(String queue, byte[] body) throws Exception {
            %s
                        channel.basicPublish("", queue, null, body);
            %s
                }
            }
            """;

    @Test
    void java_rabbit_channel_defect_is_reported() {
        assertEquals(List.of("15:RES-01", "16:RES-01"), items("src/main/java/app/Publisher.java", J_RABBIT_CHANNEL.formatted("        Connection conn = factory.newConnection();\n        Channel channel = conn.createChannel();\n        {", "        }")));
    }

    @Test
    void java_rabbit_channel_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Publisher.java", J_RABBIT_CHANNEL.formatted("        try (Connection conn = factory.newConnection(); Channel channel = conn.createChannel()) {", "        }")));
    }

    // --- a Curator client never closed / opened in try-with-resources ---

    private static final String J_CURATOR_CLIENT = """
            package app;

            import org.apache.curator.framework.CuratorFramework;
            import org.apache.curator.framework.CuratorFrameworkFactory;
            import org.apache.curator.retry.ExponentialBackoffRetry;

            public class Locks {
                public boolean exists(String connect, String path) throws Exception {
            %s
                        client.start();
                        return client.checkExists().forPath(path) != null;
            %s
                }
            }
            """;

    @Test
    void java_curator_client_defect_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/app/Locks.java", J_CURATOR_CLIENT.formatted("        CuratorFramework client = CuratorFrameworkFactory.newClient(connect, new ExponentialBackoffRetry(1000, 3));\n        {", "        }")));
    }

    @Test
    void java_curator_client_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Locks.java", J_CURATOR_CLIENT.formatted("        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connect, new ExponentialBackoffRetry(1000, 3))) {", "        }")));
    }

    // --- a Jedis connection built with new and never closed / opened in try-with-resources ---

    private static final String J_JEDIS_DIRECT = """
            package app;

            import redis.clients.jedis.Jedis;

            public class Ping {
                public String ping(String host, int port) {
            %s
                        return jedis.ping();
            %s
                }
            }
            """;

    @Test
    void java_jedis_direct_defect_is_reported() {
        assertEquals(List.of("7:RES-01"), items("src/main/java/app/Ping.java", J_JEDIS_DIRECT.formatted("        Jedis jedis = new Jedis(host, port);\n        {", "        }")));
    }

    @Test
    void java_jedis_direct_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Ping.java", J_JEDIS_DIRECT.formatted("        try (Jedis jedis = new Jedis(host, port)) {", "        }")));
    }
}
