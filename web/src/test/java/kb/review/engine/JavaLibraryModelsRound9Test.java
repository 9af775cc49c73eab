package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models added in round 9 by popularity (content/rules/models/java-libraries-2.yaml): at least one
 * entry per library family, each defect the library's documentation warns about (a value left open, unended or
 * unwaited on some path) paired with the look-alike that honours the duty the way real code does (a finally release,
 * try-with-resources, the value handed to the caller). Findings are compared as "line:item"; the fixtures are written
 * for these tests from each library's API. The Go half is {@link GoLibraryModelsRound9Test}.
 */
class JavaLibraryModelsRound9Test {

    private static List<String> items(String path, String source) {
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

    // --- an OpenTelemetry span ended only when nothing throws / ended in finally ---

    private static final String J_OTEL_SPAN = """
            package app;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.Tracer;

            public class Charger {
                private final Tracer tracer;

                public Charger(Tracer tracer) {
                    this.tracer = tracer;
                }

                public void charge(long cents) {
                    Span span = tracer.spanBuilder("charge").startSpan();
            %s
                        if (cents <= 0) {
                            throw new IllegalArgumentException("nothing to charge");
                        }
                        send(cents);
            %s
                }

                private void send(long cents) {
                }
            }
            """;

    @Test
    void java_otel_span_defect_is_reported() {
        assertEquals(List.of("14:RES-01"), items("src/main/java/app/Charger.java", J_OTEL_SPAN.formatted("        {", "        }\n        span.end();")));
    }

    @Test
    void java_otel_span_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Charger.java", J_OTEL_SPAN.formatted("        try {", "        } finally {\n            span.end();\n        }")));
    }

    // --- an OpenTelemetry scope closed after the work, not in finally / opened in try-with-resources ---

    private static final String J_OTEL_SCOPE = """
            package app;

            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.context.Scope;

            public class Worker {
                public void handle(Span span, Runnable job) {
            %s
                        job.run();
            %s
                }
            }
            """;

    @Test
    void java_otel_scope_defect_is_reported() {
        assertEquals(List.of("8:CONC-04"), items("src/main/java/app/Worker.java", J_OTEL_SCOPE.formatted("        Scope scope = span.makeCurrent();\n        {", "        }\n        scope.close();")));
    }

    @Test
    void java_otel_scope_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Worker.java", J_OTEL_SCOPE.formatted("        try (Scope scope = span.makeCurrent()) {", "        }")));
    }

    // --- a Cloud Storage read channel never closed / opened in try-with-resources ---

    private static final String J_GCS_READER = """
            package app;

            import com.google.cloud.ReadChannel;
            import com.google.cloud.storage.BlobId;
            import com.google.cloud.storage.Storage;
            import java.io.IOException;
            import java.nio.ByteBuffer;

            public class Blobs {
                private final Storage storage;

                public Blobs(Storage storage) {
                    this.storage = storage;
                }

                public int firstBytes(BlobId id, ByteBuffer buf) throws IOException {
            %s
                        return reader.read(buf);
            %s
                }
            }
            """;

    @Test
    void java_gcs_reader_defect_is_reported() {
        assertEquals(List.of("17:RES-01"), items("src/main/java/app/Blobs.java", J_GCS_READER.formatted("        ReadChannel reader = storage.reader(id);\n        {", "        }")));
    }

    @Test
    void java_gcs_reader_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Blobs.java", J_GCS_READER.formatted("        try (ReadChannel reader = storage.reader(id)) {", "        }")));
    }

    // --- a Commons IO file stream closed on no path / opened in try-with-resources ---

    private static final String J_COMMONS_IO = """
            package app;

            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.commons.io.FileUtils;

            public class Magic {
                public boolean isZip(File file) throws IOException {
                    byte[] head = new byte[2];
            %s
                        return in.read(head) == 2 && head[0] == 'P' && head[1] == 'K';
            %s
                }
            }
            """;

    @Test
    void java_commons_io_defect_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/app/Magic.java", J_COMMONS_IO.formatted("        InputStream in = FileUtils.openInputStream(file);\n        {", "        }")));
    }

    @Test
    void java_commons_io_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Magic.java", J_COMMONS_IO.formatted("        try (InputStream in = FileUtils.openInputStream(file)) {", "        }")));
    }

    // --- a JSch session disconnected only on the normal path / disconnected in finally ---

    private static final String J_JSCH_SESSION = """
            package app;

            import com.jcraft.jsch.ChannelExec;
            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.Session;

            public class Remote {
                private final JSch jsch = new JSch();

                public void run(String user, String host, String command) throws Exception {
                    Session session = jsch.getSession(user, host, 22);
            %s
                        session.connect(5000);
                        ChannelExec exec = (ChannelExec) session.openChannel("exec");
                        exec.setCommand(command);
                        exec.connect(5000);
                        exec.disconnect();
            %s
                }
            }
            """;

    @Test
    void java_jsch_session_defect_is_reported() {
        assertEquals(List.of("11:RES-01", "14:RES-01"), items("src/main/java/app/Remote.java", J_JSCH_SESSION.formatted("        {", "        }\n        session.disconnect();")));
    }

    @Test
    void java_jsch_session_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Remote.java", J_JSCH_SESSION.formatted("        try {", "        } finally {\n            session.disconnect();\n        }")));
    }

    // --- a POI workbook never closed / opened in try-with-resources ---

    private static final String J_POI_WORKBOOK = """
            package app;

            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.poi.xssf.usermodel.XSSFWorkbook;

            public class Sheets {
                public int rows(InputStream in) throws IOException {
            %s
                        return workbook.getSheetAt(0).getPhysicalNumberOfRows();
            %s
                }
            }
            """;

    @Test
    void java_poi_workbook_defect_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/app/Sheets.java", J_POI_WORKBOOK.formatted("        XSSFWorkbook workbook = new XSSFWorkbook(in);\n        {", "        }")));
    }

    @Test
    void java_poi_workbook_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Sheets.java", J_POI_WORKBOOK.formatted("        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {", "        }")));
    }

    // --- an Inflater whose native memory is never ended / ended in finally ---

    private static final String J_INFLATER = """
            package app;

            import java.util.zip.DataFormatException;
            import java.util.zip.Inflater;

            public class Unzip {
                public int inflate(byte[] in, byte[] out) throws DataFormatException {
                    Inflater inflater = new Inflater();
            %s
                        inflater.setInput(in);
                        return inflater.inflate(out);
            %s
                }
            }
            """;

    @Test
    void java_inflater_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/app/Unzip.java", J_INFLATER.formatted("        {", "        }")));
    }

    @Test
    void java_inflater_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Unzip.java", J_INFLATER.formatted("        try {", "        } finally {\n            inflater.end();\n        }")));
    }

    // --- a started process never waited for / waited for before the return ---

    private static final String J_PROCESS = """
            package app;

            import java.io.IOException;
            import java.io.InputStream;

            public class Version {
                public String gitVersion() throws IOException, InterruptedException {
                    Process proc = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
                    String text;
                    try (InputStream in = proc.getInputStream()) {
                        text = new String(in.readAllBytes());
                    }
            %s        return text.strip();
                }
            }
            """;

    @Test
    void java_process_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/app/Version.java", J_PROCESS.formatted("")));
    }

    @Test
    void java_process_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Version.java", J_PROCESS.formatted("        proc.waitFor();\n")));
    }
}
