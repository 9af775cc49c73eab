package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models of round 11 (content/rules/models/java-libraries-5.yaml), picked by popularity: the
 * closeable logging contexts of SLF4J and Log4j 2 and Spring's request holder copied onto a worker (CONC-04),
 * Spring's DataSourceUtils connections, jOOQ contexts opened from a URL, Kafka Streams store iterators, Azure blob
 * streams, structured task scopes, jar and archive streams and datagram channels (RES-01), factories, pools and
 * clients meant to be built once (RES-04), and RestClient and Commons Net FTP clients without timeouts (TMO-01).
 * Each defect is paired with the look-alike real code writes when it honours the duty; the fixtures are written
 * for these tests from each library's API. Findings are compared as "line:item".
 */
class JavaLibraryModelsRound11Test {

    private static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-") || f.item().equals("CONC-04"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    @Test
    void log4j_closeable_context_closed_after_the_work_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/Checkout.java", """
                package a;

                import org.apache.logging.log4j.CloseableThreadContext;

                public class Checkout {
                    private final Payments payments = new Payments();

                    public void pay(String orderId, String user) {
                        CloseableThreadContext.Instance context =
                                CloseableThreadContext.put("order", orderId).put("user", user);
                        payments.charge(orderId);
                        context.close();
                    }
                }
                """));
    }

    @Test
    void log4j_closeable_context_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Checkout.java", """
                package a;

                import org.apache.logging.log4j.CloseableThreadContext;

                public class Checkout {
                    private final Payments payments = new Payments();

                    public void pay(String orderId, String user) {
                        try (CloseableThreadContext.Instance context =
                                CloseableThreadContext.put("order", orderId).put("user", user)) {
                            payments.charge(orderId);
                        }
                    }
                }
                """));
    }

    @Test
    void slf4j_mdc_closeable_closed_by_hand_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/Importer.java", """
                package a;

                import org.slf4j.MDC;

                public class Importer {
                    private final Rows rows = new Rows();

                    public void load(String batch) {
                        MDC.MDCCloseable tag = MDC.putCloseable("batch", batch);
                        rows.insertAll(batch);
                        tag.close();
                    }
                }
                """));
    }

    @Test
    void slf4j_mdc_closeable_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Importer.java", """
                package a;

                import org.slf4j.MDC;

                public class Importer {
                    private final Rows rows = new Rows();

                    public void load(String batch) {
                        try (MDC.MDCCloseable tag = MDC.putCloseable("batch", batch)) {
                            rows.insertAll(batch);
                        }
                    }
                }
                """));
    }

    @Test
    void request_attributes_reset_only_after_success_are_reported() {
        assertEquals(List.of("12:CONC-04"), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestContextHolder.setRequestAttributes(caller);
                            task.run();
                            RequestContextHolder.resetRequestAttributes();
                        };
                    }
                }
                """));
    }

    @Test
    void request_attributes_reset_in_finally_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestContextHolder.setRequestAttributes(caller);
                            try {
                                task.run();
                            } finally {
                                RequestContextHolder.resetRequestAttributes();
                            }
                        };
                    }
                }
                """));
    }

    @Test
    void request_attributes_restored_to_the_previous_in_finally_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestAttributes previous = RequestContextHolder.getRequestAttributes();
                            RequestContextHolder.setRequestAttributes(caller);
                            try {
                                task.run();
                            } finally {
                                RequestContextHolder.setRequestAttributes(previous);
                            }
                        };
                    }
                }
                """));
    }

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

    @Test
    void blob_input_stream_left_open_on_a_short_read_is_reported() {
        assertEquals(List.of("17:RES-01"), items("src/main/java/a/BlobMagic.java", """
                package a;

                import com.azure.storage.blob.BlobClient;
                import com.azure.storage.blob.BlobContainerClient;
                import com.azure.storage.blob.specialized.BlobInputStream;
                import java.io.IOException;

                public class BlobMagic {
                    private final BlobContainerClient container;

                    public BlobMagic(BlobContainerClient container) {
                        this.container = container;
                    }

                    public byte[] magic(String name) throws IOException {
                        BlobClient blobClient = container.getBlobClient(name);
                        BlobInputStream in = blobClient.openInputStream();
                        byte[] head = in.readNBytes(4);
                        if (head.length < 4) {
                            throw new IOException("short blob " + name);
                        }
                        in.close();
                        return head;
                    }
                }
                """));
    }

    @Test
    void blob_input_stream_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/BlobMagic.java", """
                package a;

                import com.azure.storage.blob.BlobClient;
                import com.azure.storage.blob.BlobContainerClient;
                import com.azure.storage.blob.specialized.BlobInputStream;
                import java.io.IOException;

                public class BlobMagic {
                    private final BlobContainerClient container;

                    public BlobMagic(BlobContainerClient container) {
                        this.container = container;
                    }

                    public byte[] magic(String name) throws IOException {
                        BlobClient blobClient = container.getBlobClient(name);
                        try (BlobInputStream in = blobClient.openInputStream()) {
                            byte[] head = in.readNBytes(4);
                            if (head.length < 4) {
                                throw new IOException("short blob " + name);
                            }
                            return head;
                        }
                    }
                }
                """));
    }

    @Test
    void structured_task_scope_not_closed_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/a/QuoteAggregator.java", """
                package a;

                import java.util.concurrent.StructuredTaskScope;

                public class QuoteAggregator {
                    private final Quotes quotes = new Quotes();

                    public int best(String sku) throws Exception {
                        var scope = new StructuredTaskScope.ShutdownOnFailure();
                        var a = scope.fork(() -> quotes.fromA(sku));
                        var b = scope.fork(() -> quotes.fromB(sku));
                        scope.join().throwIfFailed();
                        return Math.min(a.get(), b.get());
                    }
                }
                """));
    }

    @Test
    void structured_task_scope_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/QuoteAggregator.java", """
                package a;

                import java.util.concurrent.StructuredTaskScope;

                public class QuoteAggregator {
                    private final Quotes quotes = new Quotes();

                    public int best(String sku) throws Exception {
                        try (var scope = new StructuredTaskScope.ShutdownOnFailure()) {
                            var a = scope.fork(() -> quotes.fromA(sku));
                            var b = scope.fork(() -> quotes.fromB(sku));
                            scope.join().throwIfFailed();
                            return Math.min(a.get(), b.get());
                        }
                    }
                }
                """));
    }

    @Test
    void jar_and_tar_streams_over_files_left_open_on_early_returns_are_reported() {
        assertEquals(List.of("16:RES-01", "26:RES-01"), items("src/main/java/a/Archives.java", """
                package a;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;
                import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
                import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

                public class Archives {
                    public String mainClass(File jar) throws IOException {
                        JarInputStream in = new JarInputStream(new FileInputStream(jar));
                        Manifest manifest = in.getManifest();
                        if (manifest == null) {
                            return null;
                        }
                        in.close();
                        return manifest.getMainAttributes().getValue("Main-Class");
                    }

                    public int regularFiles(Path tar) throws IOException {
                        TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar));
                        int n = 0;
                        TarArchiveEntry entry;
                        while ((entry = in.getNextTarEntry()) != null) {
                            if (entry.isSymbolicLink()) {
                                return -1;
                            }
                            n++;
                        }
                        in.close();
                        return n;
                    }
                }
                """));
    }

    @Test
    void jar_and_tar_streams_in_try_with_resources_or_over_a_callers_stream_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/Archives.java", """
                package a;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;
                import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
                import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

                public class Archives {
                    public String mainClass(File jar) throws IOException {
                        try (JarInputStream in = new JarInputStream(new FileInputStream(jar))) {
                            Manifest manifest = in.getManifest();
                            return manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                        }
                    }

                    public int regularFiles(Path tar) throws IOException {
                        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                            int n = 0;
                            TarArchiveEntry entry;
                            while ((entry = in.getNextTarEntry()) != null) {
                                if (entry.isSymbolicLink()) {
                                    return -1;
                                }
                                n++;
                            }
                            return n;
                        }
                    }

                    public TarArchiveEntry firstEntry(InputStream upload) throws IOException {
                        TarArchiveInputStream in = new TarArchiveInputStream(upload);
                        return in.getNextTarEntry();
                    }
                }
                """));
    }

    @Test
    void a_jar_stream_over_a_callers_stream_left_open_is_reported_like_a_zip_stream() {
        // a JarInputStream is a ZipInputStream: it owns an Inflater that only close ends, whatever it reads from
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Manifests.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;

                public class Manifests {
                    public Manifest manifestOf(InputStream upload) throws IOException {
                        JarInputStream in = new JarInputStream(upload);
                        return in.getManifest();
                    }

                    public Manifest closedManifestOf(InputStream upload) throws IOException {
                        try (JarInputStream in = new JarInputStream(upload)) {
                            return in.getManifest();
                        }
                    }
                }
                """));
    }

    @Test
    void datagram_channel_closed_only_after_the_send_is_reported() {
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Beacon.java", """
                package a;

                import java.io.IOException;
                import java.net.SocketAddress;
                import java.nio.ByteBuffer;
                import java.nio.channels.DatagramChannel;

                public class Beacon {
                    public void ping(SocketAddress to, byte[] payload) throws IOException {
                        DatagramChannel channel = DatagramChannel.open();
                        channel.send(ByteBuffer.wrap(payload), to);
                        channel.close();
                    }
                }
                """));
    }

    @Test
    void datagram_channel_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Beacon.java", """
                package a;

                import java.io.IOException;
                import java.net.SocketAddress;
                import java.nio.ByteBuffer;
                import java.nio.channels.DatagramChannel;

                public class Beacon {
                    public void ping(SocketAddress to, byte[] payload) throws IOException {
                        try (DatagramChannel channel = DatagramChannel.open()) {
                            channel.send(ByteBuffer.wrap(payload), to);
                        }
                    }
                }
                """));
    }

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
