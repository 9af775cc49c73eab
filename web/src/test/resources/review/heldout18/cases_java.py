"""Round-18 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 17)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: bulk push with HttpClient 5
CASTLED = r'''
/** Pushes record batches to a destination's bulk endpoint and reads back which records it accepted. */
public class BulkApiClient {
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final String endpoint;

01|    /** {@code http} is the shared client of HttpClientFactory: connect, response and pool timeouts set. */
01|    public BulkApiClient(CloseableHttpClient http, ObjectMapper mapper, String endpoint) {
01|        this.http = http;
2|    public BulkApiClient(ObjectMapper mapper, String endpoint) {
2|        this.http = HttpClients.createDefault(); //@TMO-01
        this.mapper = mapper;
        this.endpoint = endpoint;
    }

    /** Sends one batch; a 4xx or 5xx answer becomes a DestinationException that carries the answer's body. */
    public BatchResult push(List<Map<String, Object>> records) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        post.setEntity(new StringEntity(mapper.writeValueAsString(records), ContentType.APPLICATION_JSON));
02|        try (CloseableHttpResponse response = http.execute(post)) {
02|            int status = response.getCode();
02|            String body = EntityUtils.toString(response.getEntity());
02|            if (status >= 200 && status < 300) {
02|                return mapper.readValue(body, BatchResult.class);
02|            }
02|            throw new DestinationException(status, body);
02|        } catch (ParseException e) {
02|            throw new IOException("unreadable answer from " + endpoint, e);
02|        }
1|        CloseableHttpResponse response = http.execute(post); //@RES-02
1|        int status = response.getCode();
1|        if (status < 200 || status >= 300) {
1|            throw new DestinationException(status, "bulk push rejected by " + endpoint);
1|        }
1|        try (response) {
1|            return mapper.readValue(EntityUtils.toString(response.getEntity()), BatchResult.class);
1|        } catch (ParseException e) {
1|            throw new IOException("unreadable answer from " + endpoint, e);
1|        }
    }
}
'''
cases_of(case, GH + 'castledio/castled/pull/202', src('io.castled.apps.connectors.bulk', 'BulkApiClient'),
         J('io.castled.apps.connectors.bulk', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                              'java.util.List', 'java.util.Map',
                                              'org.apache.hc.client5.http.classic.methods.HttpPost',
                                              'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                                              'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                              'org.apache.hc.client5.http.impl.classic.HttpClients',
                                              'org.apache.hc.core5.http.ContentType',
                                              'org.apache.hc.core5.http.ParseException',
                                              'org.apache.hc.core5.http.io.entity.EntityUtils',
                                              'org.apache.hc.core5.http.io.entity.StringEntity'])(CASTLED), [
             (1, 'java-00-castled-bulk-push-closes-response-only-on-2xx',
              'an edit throws on an error status before the response enters try-with-resources', 'edit'),
             (2, 'java-00-castled-bulk-push-default-client-without-timeouts',
              'the bulk client builds its own HttpClients.createDefault() with no timeouts', 'new',
              [f('pom.xml', new=pom('castled-connectors', ['org.apache.httpcomponents.client5:httpclient5:5.3.1',
                                                           'com.fasterxml.jackson.core:jackson-databind:2.17.1']))]),
             (0, 'java-ok-00-castled-bulk-push-response-in-try-with-resources',
              'clean: the response is closed by try-with-resources whatever the status', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: model publisher, HttpClient 4
PRODUCTML = r'''
/** Publishes trained models to the model registry of the ML server. */
public class ModelPublisher {
    private static final Logger log = LoggerFactory.getLogger(ModelPublisher.class);
    private static final RequestConfig TIMEOUTS = RequestConfig.custom()
            .setConnectionRequestTimeout(2_000).setConnectTimeout(2_000).setSocketTimeout(30_000).build();

01|    private final CloseableHttpClient client; // pooled, built once with TIMEOUTS, closed by stop()
    private final String registryUrl;

    public ModelPublisher(String registryUrl) {
        this.registryUrl = registryUrl;
01|        this.client = HttpClients.custom().setDefaultRequestConfig(TIMEOUTS).setMaxConnPerRoute(4).build();
    }

    public void publish(ModelSummary model, byte[] artifact) throws ModelPublisherException {
        HttpPost post = new HttpPost(registryUrl + "/models/" + model.getName() + "/versions");
        post.setEntity(new ByteArrayEntity(artifact, ContentType.APPLICATION_OCTET_STREAM));
0|        try (CloseableHttpResponse response = client.execute(post)) {
2|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(TIMEOUTS).build(); //@RES-04
2|             CloseableHttpResponse response = client.execute(post)) {
02|            int status = response.getStatusLine().getStatusCode();
02|            EntityUtils.consume(response.getEntity());
02|            if (status != HttpStatus.SC_CREATED) {
02|                throw new ModelPublisherException("registry answered " + status + " for model " + model.getName());
02|            }
02|        } catch (IOException e) {
02|            throw new ModelPublisherException("could not publish model " + model.getName(), e);
02|        }
1|        try {
1|            CloseableHttpResponse response = client.execute(post); //@RES-02
1|            int status = response.getStatusLine().getStatusCode();
1|            if (status != HttpStatus.SC_CREATED) {
1|                throw new ModelPublisherException("registry answered " + status + " for model " + model.getName());
1|            }
1|            EntityUtils.consume(response.getEntity());
1|            response.close();
1|        } catch (IOException e) {
1|            throw new ModelPublisherException("could not publish model " + model.getName(), e);
1|        }
        log.info("published model {} ({} bytes)", model.getName(), artifact.length);
    }
01|
01|    public void stop() throws IOException {
01|        client.close();
01|    }
}
'''
cases_of(case, GH + 'wso2-attic/product-ml/pull/262', src('org.wso2.carbon.ml.core.impl', 'ModelPublisher'),
         J('org.wso2.carbon.ml.core.impl', SLF4J + ['java.io.IOException', 'org.apache.http.HttpStatus',
                                                   'org.apache.http.client.config.RequestConfig',
                                                   'org.apache.http.client.methods.CloseableHttpResponse',
                                                   'org.apache.http.client.methods.HttpPost',
                                                   'org.apache.http.entity.ByteArrayEntity',
                                                   'org.apache.http.entity.ContentType',
                                                   'org.apache.http.impl.client.CloseableHttpClient',
                                                   'org.apache.http.impl.client.HttpClients',
                                                   'org.apache.http.util.EntityUtils'])(PRODUCTML), [
             (1, 'java-00-productml-publisher-response-left-open-on-rejection',
              'the response of a rejected publication is never closed: its pooled connection stays leased', 'new'),
             (2, 'java-00-productml-publisher-client-per-publication',
              'an edit builds and closes a new pooled HttpClient for every publication', 'edit'),
             (0, 'java-ok-00-productml-publisher-shared-client-response-closed',
              'clean: one client for the publisher\'s lifetime and the response in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01: cached HTTP response of a print server
MAPFISH = r'''
/** A response whose body is copied to a temporary file, so that it can be read more than once. */
final class CachedClientHttpResponse extends AbstractClientHttpResponse {
    private final File cachedFile;
    private final HttpHeaders headers;
    private final int status;

    /** Executes the request and caches its answer; the original response is closed on every path. */
    static ClientHttpResponse fetch(ClientHttpRequest request, File tempDir) throws IOException {
02|        ClientHttpResponse original = request.execute();
02|        try (original) {
02|            return new CachedClientHttpResponse(original, tempDir);
02|        }
1|        ClientHttpResponse original = request.execute(); //@RES-01
1|        CachedClientHttpResponse cached = new CachedClientHttpResponse(original, tempDir);
1|        original.close();
1|        return cached;
    }

    private CachedClientHttpResponse(ClientHttpResponse original, File tempDir) throws IOException {
        this.headers = original.getHeaders();
        this.status = original.getStatusCode().value();
        this.cachedFile = File.createTempFile("cacheduri", null, tempDir);
01|        try (InputStream body = original.getBody();
01|             OutputStream out = Files.newOutputStream(cachedFile.toPath())) {
01|            body.transferTo(out);
01|        }
2|        OutputStream out = new FileOutputStream(cachedFile); //@RES-01
2|        StreamUtils.copy(original.getBody(), out);
2|        out.close();
    }

    @Override
    public int getRawStatusCode() {
        return status;
    }

    @Override
    public String getStatusText() {
        return HttpStatus.valueOf(status).getReasonPhrase();
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public InputStream getBody() throws IOException {
        return Files.newInputStream(cachedFile.toPath());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(cachedFile.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("delete cached response " + cachedFile, e);
        }
    }
}
'''
cases_of(case, GH + 'mapfish/mapfish-print/pull/4332',
         src('org.mapfish.print.http', 'CachedClientHttpResponse'),
         J('org.mapfish.print.http', ['java.io.File', 'java.io.FileOutputStream', 'java.io.IOException',
                                     'java.io.InputStream', 'java.io.OutputStream', 'java.io.UncheckedIOException',
                                     'java.nio.file.Files', 'org.springframework.http.HttpHeaders',
                                     'org.springframework.http.HttpStatus',
                                     'org.springframework.http.client.AbstractClientHttpResponse',
                                     'org.springframework.http.client.ClientHttpRequest',
                                     'org.springframework.http.client.ClientHttpResponse',
                                     'org.springframework.util.StreamUtils'])(MAPFISH), [
             (1, 'java-00-mapfish-cached-response-original-leaks-when-caching-fails',
              'an edit closes the original response by hand after caching; a failed copy leaks its connection',
              'edit'),
             (2, 'java-00-mapfish-cached-response-temp-stream-closed-by-hand',
              'an edit copies the body into a FileOutputStream closed at the end, skipped by any exception',
              'edit'),
             (0, 'java-ok-00-mapfish-cached-response-both-in-try-with-resources',
              'clean: the original response and both streams are closed by try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: JDBC transaction of a recovery store
NARAYANA = r'''
/** Moves in-doubt participants between recovery nodes in the shared JDBC object store. */
public class JdbcParticipantStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcParticipantStore.class);
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;

    public JdbcParticipantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reassigns every participant of {@code xid} from one node to another, and records the move. */
    public void moveParticipants(String xid, String fromNode, String toNode) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@{1}TX-01
0|            try {
0|                reassign(c, xid, fromNode, toNode);
0|                audit(c, xid, fromNode, toNode);
0|                c.commit();
0|            } catch (SQLException | RuntimeException e) {
0|                rollbackQuietly(c, e);
0|                throw e;
0|            }
1|            reassign(c, xid, fromNode, toNode);
1|            audit(c, xid, fromNode, toNode);
1|            c.commit();
2|            try {
2|                reassign(c, xid, fromNode, toNode);
2|                audit(c, xid, fromNode, toNode);
2|            } catch (SQLException | RuntimeException e) {
2|                rollbackQuietly(c, e);
2|                throw e;
2|            }
2|            try {
2|                c.commit();
2|            } catch (SQLException e) { //@TX-02|ERR-01
2|                log.warn("commit of participant move {} from {} to {} failed", xid, fromNode, toNode, e);
2|            }
        }
    }

    private void reassign(Connection c, String xid, String fromNode, String toNode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE participants SET node = ? WHERE xid = ? AND node = ?")) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, toNode);
            ps.setString(2, xid);
            ps.setString(3, fromNode);
            ps.executeUpdate();
        }
    }

    private void audit(Connection c, String xid, String fromNode, String toNode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant_moves (xid, from_node, to_node) VALUES (?, ?, ?)")) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, xid);
            ps.setString(2, fromNode);
            ps.setString(3, toNode);
            ps.executeUpdate();
        }
    }

    /** Rolls back after {@code cause}; a failing rollback is attached to the cause rather than hiding it. */
    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
'''
cases_of(case, GH + 'snowdrop/narayana-spring-boot/pull/61',
         src('dev.snowdrop.boot.narayana.core.store', 'JdbcParticipantStore'),
         J('dev.snowdrop.boot.narayana.core.store', SLF4J + ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                             'java.sql.SQLException', 'javax.sql.DataSource'])(NARAYANA), [
             (1, 'java-00-narayana-participant-move-without-rollback',
              'an edit drops the catch that rolled the participant move back; a failed update leaves it open',
              'edit'),
             (2, 'java-00-narayana-participant-move-commit-failure-logged',
              'an edit catches a failed commit and only logs it; the caller believes the move happened', 'edit'),
             (0, 'java-ok-00-narayana-participant-move-rollback-suppressed',
              'clean: commit at the end of the try, rollback in a catch that rethrows and keeps its own failure',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Docker daemon HTTP client
DOCKER = r'''
/** Talks to the Docker daemon over HTTP through one pooled client. */
public class DefaultDockerClient implements Closeable {
    private final DockerClientConfig config;
    private final CloseableHttpClient client;
    private final URI daemon;
    private final ObjectMapper mapper;

    public DefaultDockerClient(DockerClientConfig config) {
        this.config = config;
        this.daemon = config.uri();
        this.mapper = ObjectMapperProvider.objectMapper();
        this.client = build(config, new PoolingHttpClientConnectionManager());
    }

    static CloseableHttpClient build(DockerClientConfig config, PoolingHttpClientConnectionManager pool) {
        pool.setMaxTotal(config.connectionPoolSize());
        pool.setDefaultMaxPerRoute(config.connectionPoolSize());
        RequestConfig requestConfig = RequestConfig.custom() //@{1}TMO-01
0|                // waiting for a pooled connection counts against the connect timeout
0|                .setConnectionRequestTimeout((int) config.connectTimeoutMillis())
0|                .setConnectTimeout((int) config.connectTimeoutMillis())
                .setSocketTimeout((int) config.readTimeoutMillis())
                .build();
        return HttpClients.custom().setConnectionManager(pool).setDefaultRequestConfig(requestConfig).build();
    }

    public ContainerInfo inspectContainer(String id) throws DockerException {
        HttpGet get = new HttpGet(daemon.resolve("/containers/" + id + "/json"));
012|        try (CloseableHttpResponse response = client.execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            if (status == 404) {
                EntityUtils.consume(response.getEntity());
                throw new ContainerNotFoundException(id);
            }
            if (status != 200) {
                throw new DockerRequestException("inspect " + id, status, EntityUtils.toString(response.getEntity()));
            }
            return mapper.readValue(response.getEntity().getContent(), ContainerInfo.class);
        } catch (IOException e) {
            throw new DockerException("inspect container " + id, e);
        }
    }

    public List<Image> listImages() throws DockerException {
2|        CloseableHttpClient client = build(config, new PoolingHttpClientConnectionManager()); //@RES-04|RES-01
        HttpGet get = new HttpGet(daemon.resolve("/images/json"));
        try (CloseableHttpResponse response = client.execute(get)) {
            if (response.getStatusLine().getStatusCode() != 200) {
                throw new DockerRequestException("list images", response.getStatusLine().getStatusCode(),
                        EntityUtils.toString(response.getEntity()));
            }
            return mapper.readValue(response.getEntity().getContent(), new TypeReference<List<Image>>() { });
        } catch (IOException e) {
            throw new DockerException("list images", e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
'''
cases_of(case, GH + 'spotify/docker-client/pull/77', src('com.spotify.docker.client', 'DefaultDockerClient'),
         J('com.spotify.docker.client', ['com.fasterxml.jackson.core.type.TypeReference',
                                        'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.Closeable',
                                        'java.io.IOException', 'java.net.URI', 'java.util.List',
                                        'org.apache.http.client.config.RequestConfig',
                                        'org.apache.http.client.methods.CloseableHttpResponse',
                                        'org.apache.http.client.methods.HttpGet',
                                        'org.apache.http.impl.client.CloseableHttpClient',
                                        'org.apache.http.impl.client.HttpClients',
                                        'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
                                        'org.apache.http.util.EntityUtils'])(DOCKER), [
             (1, 'java-00-docker-client-pool-without-connect-timeouts',
              'an edit drops the connect and pool checkout timeouts of the daemon client', 'edit'),
             (2, 'java-00-docker-client-list-images-builds-pool-per-call',
              'an edit builds a new pooled client with its own connection manager for every image listing',
              'edit'),
             (0, 'java-ok-00-docker-client-one-pool-with-checkout-timeout',
              'clean: one pooled client whose checkout, connect and read timeouts are set', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05: consumer process backoff
HERMES = r'''
/** Delivers the messages of one subscription; stopped by interrupting its thread. */
public class ConsumerProcess implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(ConsumerProcess.class);

    private final Subscription subscription;
    private final Consumer consumer;
    private final Retransmitter retransmitter;
    private volatile boolean running = true;

    public ConsumerProcess(Subscription subscription, Consumer consumer, Retransmitter retransmitter) {
        this.subscription = subscription;
        this.consumer = consumer;
        this.retransmitter = retransmitter;
    }

    @Override
    public void run() {
        consumer.initialize();
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                DeliveryResult result = consumer.consume();
                if (result.isBackoffRequested()) {
                    waitBeforeRetry(result.backoff());
                }
            }
        } finally {
            consumer.tearDown();
            logger.info("Consumer process of {} stopped", subscription.getQualifiedName());
        }
    }

    /** Waits {@code delay}; an interrupt means the process is being stopped, which run() notices. */
    private void waitBeforeRetry(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
0|        } catch (InterruptedException e) {
0|            Thread.currentThread().interrupt();
1|        } catch (InterruptedException e) { //@CONC-05
1|            logger.warn("Interrupted while backing off {}", subscription.getQualifiedName());
2|        } catch (InterruptedException e) { //@CONC-05
2|            throw new RetransmissionException("backoff of " + subscription.getQualifiedName() + " interrupted", e);
        }
    }

    public void stop() {
        running = false;
    }
}
'''
cases_of(case, GH + 'allegro/hermes/pull/1727',
         src('pl.allegro.tech.hermes.consumers.supervisor.process', 'ConsumerProcess'),
         J('pl.allegro.tech.hermes.consumers.supervisor.process', SLF4J + ['java.time.Duration'])(HERMES), [
             (1, 'java-00-hermes-backoff-interrupt-logged-and-ignored',
              'an edit logs the interrupt of the backoff sleep and carries on: the stopped process keeps consuming',
              'edit'),
             (2, 'java-00-hermes-backoff-interrupt-wrapped-flag-lost',
              'an edit wraps the interrupt in a runtime exception without restoring the flag', 'edit'),
             (0, 'java-ok-00-hermes-backoff-restores-interrupt',
              'clean: the catch restores the interrupt flag, which the run loop checks', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03: shared date formats
HUGEGRAPH = r'''
/** Parses and formats the dates of vertex and edge properties. */
public final class DateUtil {
0|    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
1|    private static final SimpleDateFormat DEFAULT_FORMAT = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS"); //@CONC-03
2|    private static final Map<String, SimpleDateFormat> FORMATS = new ConcurrentHashMap<>();

    private DateUtil() {
    }

    /** Parses {@code value} with {@code pattern} in {@code zone}; every caller names its zone. */
    public static Date parse(String value, String pattern, ZoneId zone) {
0|        DateTimeFormatter formatter = FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern);
0|        try {
0|            return Date.from(LocalDateTime.parse(value, formatter).atZone(zone).toInstant());
0|        } catch (DateTimeParseException e) {
0|            throw new IllegalArgumentException("date '" + value + "' does not match '" + pattern + "'", e);
0|        }
12|        SimpleDateFormat format = formatOf(pattern);
12|        format.setTimeZone(TimeZone.getTimeZone(zone));
12|        try {
12|            return format.parse(value);
12|        } catch (ParseException e) {
12|            throw new IllegalArgumentException("date '" + value + "' does not match '" + pattern + "'", e);
12|        }
    }
12|
1|    private static SimpleDateFormat formatOf(String pattern) {
1|        return pattern.equals("yyyy-MM-dd HH:mm:ss.SSS") ? DEFAULT_FORMAT : new SimpleDateFormat(pattern);
1|    }
2|    private static SimpleDateFormat formatOf(String pattern) {
2|        SimpleDateFormat format = FORMATS.get(pattern); //@CONC-03
2|        if (format == null) {
2|            format = new SimpleDateFormat(pattern);
2|            FORMATS.put(pattern, format);
2|        }
2|        return format;
2|    }
}
'''
HUGEGRAPH_TEST = r'''package org.apache.hugegraph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DateUtilTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void parses_the_same_instant_from_many_threads_at_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> DateUtil.parse("2024-03-15 02:00:00.000", "yyyy-MM-dd HH:mm:ss.SSS", UTC).getTime()));
            }
            for (Future<Long> result : results) {
                assertEquals(1710468000000L, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
'''
cases_of(case, GH + 'apache/hugegraph-commons/issues/58', src('org.apache.hugegraph.util', 'DateUtil'),
         J('org.apache.hugegraph.util', ['java.text.ParseException', 'java.text.SimpleDateFormat',
                                        'java.time.LocalDateTime', 'java.time.ZoneId',
                                        'java.time.format.DateTimeFormatter',
                                        'java.time.format.DateTimeParseException', 'java.util.Date',
                                        'java.util.Map', 'java.util.TimeZone',
                                        'java.util.concurrent.ConcurrentHashMap'])(HUGEGRAPH), [
             (1, 'java-00-hugegraph-date-util-static-simple-date-format',
              'the default pattern is served by one static SimpleDateFormat that every thread shares', 'new'),
             (2, 'java-00-hugegraph-date-util-cached-formats-check-then-act',
              'an edit caches SimpleDateFormats per pattern with get-then-put and shares them between threads',
              'edit'),
             (0, 'java-ok-00-hugegraph-date-util-formatter-cache-with-test',
              'clean: immutable DateTimeFormatters cached with computeIfAbsent, with a concurrency test', 'fix',
              [f(tst('org.apache.hugegraph.util', 'DateUtilTest'), new=HUGEGRAPH_TEST)]),
         ])


# ---------------------------------------------------------------- ERR-01: offset commit of a Kafka consumer (CRLF)
JAMICRO = r'''
/** Commits the offsets of the messages this consumer has fully processed. */
final class OffsetCommitter {
    private static final Logger logger = LoggerFactory.getLogger(OffsetCommitter.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Counter commitFailures;

    OffsetCommitter(KafkaConsumer<String, byte[]> consumer, MeterRegistry registry) {
        this.consumer = consumer;
        this.commitFailures = registry.counter("kafka.offset.commit.failures");
    }

    void commit(Map<TopicPartition, OffsetAndMetadata> processed) {
        if (processed.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(processed, COMMIT_TIMEOUT);
0|        } catch (CommitFailedException e) {
0|            // Expected after a rebalance: the partitions' new owner starts from the last committed offset,
0|            // so these messages are delivered again. Counted, so that a rebalance storm shows.
0|            commitFailures.increment();
0|            logger.warn("offset commit failed after a rebalance; {} partitions will be re-read", processed.size(), e);
0|        }
1|        } catch (CommitFailedException e) { //@ERR-01
1|        }
2|        } catch (KafkaException e) { //@ERR-01
2|            e.printStackTrace();
2|        }
    }
}
'''
cases_of(case, GH + 'Sixt/ja-micro/pull/24', src('com.sixt.service.framework.kafka', 'OffsetCommitter'),
         J('com.sixt.service.framework.kafka', SLF4J + ['io.micrometer.core.instrument.Counter',
                                                       'io.micrometer.core.instrument.MeterRegistry',
                                                       'java.time.Duration', 'java.util.Map',
                                                       'org.apache.kafka.clients.consumer.CommitFailedException',
                                                       'org.apache.kafka.clients.consumer.KafkaConsumer',
                                                       'org.apache.kafka.clients.consumer.OffsetAndMetadata',
                                                       'org.apache.kafka.common.KafkaException',
                                                       'org.apache.kafka.common.TopicPartition'])(JAMICRO),
         crlf=True, versions=[
             (1, 'java-00-jamicro-offset-commit-failure-empty-catch',
              'an edit empties the catch of a failed offset commit', 'edit'),
             (2, 'java-00-jamicro-offset-commit-kafka-exception-printed',
              'an edit catches every KafkaException of the commit and prints its stack trace', 'edit'),
             (0, 'java-ok-00-jamicro-offset-commit-failure-logged-and-counted',
              'clean: the expected failure after a rebalance is logged with context and counted', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01: outgoing mail of a platform (renamed)
FINERACT = r'''
/** Sends the platform's outgoing mail through the tenant's SMTP settings. */
@Service
public class EmailMessageSender {
    private static final Logger log = LoggerFactory.getLogger(EmailMessageSender.class);

    private final SmtpSettingsProvider settings;

    public EmailMessageSender(SmtpSettingsProvider settings) {
        this.settings = settings;
    }

    public void send(EmailMessage message) {
        SmtpSettings smtp = settings.current();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.useTls()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        Session session = Session.getInstance(props, smtp.authenticator());
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(smtp.fromAddress(), smtp.fromName()));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to()));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            Transport.send(mime);
            log.info("mail {} sent", message.id());
0|        } catch (MessagingException | UnsupportedEncodingException e) {
0|            throw new PlatformEmailSendException("mail " + message.id() + " to " + message.to() + " not sent", e);
0|        }
1|        } catch (MessagingException | UnsupportedEncodingException e) { //@ERR-01
1|            // ignore: the mail is not essential
1|        }
2|        } catch (MessagingException | UnsupportedEncodingException e) { //@ERR-01
2|            log.debug("mail {} not sent", message.id());
2|        }
    }
}
'''


def fineract_old(text):
    return text.replace('package org.apache.fineract.infrastructure.core.service.email;',
                        'package org.apache.fineract.infrastructure.core.service;')


cases_of(case, GH + 'apache/fineract/pull/916',
         src('org.apache.fineract.infrastructure.core.service.email', 'EmailMessageSender'),
         J('org.apache.fineract.infrastructure.core.service.email',
           SLF4J + ['jakarta.mail.Message', 'jakarta.mail.MessagingException', 'jakarta.mail.Session',
                    'jakarta.mail.Transport', 'jakarta.mail.internet.InternetAddress',
                    'jakarta.mail.internet.MimeMessage', 'java.io.UnsupportedEncodingException',
                    'java.util.Properties', 'org.springframework.stereotype.Service'])(FINERACT),
         rename_from=src('org.apache.fineract.infrastructure.core.service', 'EmailMessageSender'),
         rename_old=fineract_old, versions=[
             (1, 'java-00-fineract-mail-sender-moved-catch-emptied',
              'the mail sender moves to its own package and its catch of a failed send is emptied', 'rename'),
             (2, 'java-00-fineract-mail-sender-failure-debug-only',
              'an edit answers a failed send with a debug line without the exception', 'edit'),
             (0, 'java-ok-00-fineract-mail-sender-moved-rethrows-with-cause',
              'clean: the moved sender rethrows a platform exception that keeps the cause', 'rename'),
         ])


# ---------------------------------------------------------------- CONC-02: consumer thread pool of a broker client
FORKLIFT = r'''
/** Hands each message of a queue to a worker thread; a full pool makes the reader process it itself. */
public class ConsumerThreadPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerThreadPool.class);
    private static final int MAX_THREADS = 32;

0|    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(
0|            8, MAX_THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4 * MAX_THREADS),
0|            new ThreadFactoryBuilder().setNameFormat("forklift-consumer-%d")
0|                    .setUncaughtExceptionHandler((t, e) -> log.error("uncaught in {}", t.getName(), e)).build(),
0|            new ThreadPoolExecutor.CallerRunsPolicy()); // back-pressure: the reader slows down instead of queueing
1|    private final ExecutorService pool = Executors.newCachedThreadPool(); //@CONC-02|CONC-01
2|    private final ExecutorService pool = Executors.newFixedThreadPool(MAX_THREADS); //@CONC-02|CONC-01
    private final MessageHandler handler;

    public ConsumerThreadPool(MessageHandler handler) {
        this.handler = handler;
    }

    public void onMessage(ForkliftMessage message) {
        pool.execute(() -> handler.handle(message));
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("consumer threads still busy after 30 s; interrupting them");
            pool.shutdownNow();
        }
    }
}
'''
cases_of(case, GH + 'dcshock/forklift/pull/136', src('forklift.consumer', 'ConsumerThreadPool'),
         J('forklift.consumer', SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                         'java.util.concurrent.ArrayBlockingQueue',
                                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                         'java.util.concurrent.ThreadPoolExecutor',
                                         'java.util.concurrent.TimeUnit'])(FORKLIFT), [
             (1, 'java-00-forklift-consumers-cached-thread-pool',
              'an edit replaces the bounded consumer pool with a cached thread pool that grows with the backlog',
              'edit'),
             (2, 'java-00-forklift-consumers-fixed-pool-unbounded-queue',
              'the consumer pool is a fixed pool whose queue has no bound', 'new'),
             (0, 'java-ok-00-forklift-consumers-bounded-caller-runs',
              'clean: a bounded queue, a thread factory that logs, and CallerRunsPolicy as back-pressure', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: trace writer of a tracing agent
DDTRACE = r'''
/** Samples finished traces and hands the kept ones to the writer; runs on the agent's serializer thread. */
final class TraceProcessor {
    private static final Logger log = LoggerFactory.getLogger(TraceProcessor.class);

    private final Sampler sampler;
    private final Writer writer;
    private final HealthMetrics health;

    TraceProcessor(Sampler sampler, Writer writer, HealthMetrics health) {
        this.sampler = sampler;
        this.writer = writer;
        this.health = health;
    }

    void process(List<List<DDSpan>> traces) {
        int dropped = 0;
        for (List<DDSpan> trace : traces) {
            if (!sampler.sample(trace)) {
                dropped++;
1|                log.debug("Dropping trace " + trace.get(0).getTraceId() + " with spans " + trace); //@LOG-02|LOG-01
                continue;
            }
2|            log.info("Writing trace {} with {} spans", trace.get(0).getTraceId(), trace.size()); //@LOG-01
            writer.write(trace);
        }
        health.onSampled(traces.size(), dropped);
        log.debug("Processed {} traces, {} dropped by the sampler", traces.size(), dropped);
    }
}
'''
cases_of(case, GH + 'DataDog/dd-trace-java/pull/10439', src('datadog.trace.core', 'TraceProcessor'),
         J('datadog.trace.core', SLF4J + ['java.util.List'])(DDTRACE), [
             (1, 'java-00-ddtrace-dropped-trace-debug-concatenates-spans',
              'an edit logs every dropped trace at debug by concatenating the whole span list', 'edit'),
             (2, 'java-00-ddtrace-info-line-per-written-trace',
              'an edit writes one info line for every trace the agent keeps', 'edit'),
             (0, 'java-ok-00-ddtrace-one-summary-line-per-batch',
              'clean: one parameterised debug summary per batch and a health metric', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06: contract negotiation dispatch
EDC = r'''
/** Drives the consumer side of contract negotiations, one state transition per tick. */
public class ConsumerContractNegotiationManager {
    private final RemoteMessageDispatcherRegistry dispatcherRegistry;
    private final ContractNegotiationStore store;
    private final Monitor monitor;

    public ConsumerContractNegotiationManager(RemoteMessageDispatcherRegistry dispatcherRegistry,
                                              ContractNegotiationStore store, Monitor monitor) {
        this.dispatcherRegistry = dispatcherRegistry;
        this.store = store;
        this.monitor = monitor;
    }

    /** Sends the contract request of a negotiation in state REQUESTING; true when a message went out. */
    boolean processRequesting(ContractNegotiation negotiation) {
        var request = ContractRequestMessage.Builder.newInstance()
                .contractOffer(negotiation.getLastContractOffer())
                .counterPartyAddress(negotiation.getCounterPartyAddress())
                .processId(negotiation.getCorrelationId())
                .build();
0|        dispatcherRegistry.dispatch(Object.class, request)
0|                .whenComplete((ack, failure) -> {
0|                    if (failure != null) {
0|                        monitor.warning(format("Request of negotiation %s failed; it is retried at the next tick",
0|                                negotiation.getId()), failure);
0|                        transition(negotiation, ContractNegotiationStates.REQUESTING);
0|                    } else {
0|                        transition(negotiation, ContractNegotiationStates.REQUESTED);
0|                    }
0|                });
1|        dispatcherRegistry.dispatch(Object.class, request); //@CONC-06
1|        transition(negotiation, ContractNegotiationStates.REQUESTED);
2|        var sent = dispatcherRegistry.dispatch(Object.class, request); //@CONC-06
2|        if (sent.isCompletedExceptionally()) {
2|            transition(negotiation, ContractNegotiationStates.REQUESTING);
2|            return false;
2|        }
2|        transition(negotiation, ContractNegotiationStates.REQUESTED);
        return true;
    }

    private void transition(ContractNegotiation negotiation, ContractNegotiationStates state) {
        negotiation.transitionTo(state);
        store.save(negotiation);
    }
}
'''
cases_of(case, GH + 'eclipse-edc/Connector/issues/526',
         src('org.eclipse.edc.connector.contract.negotiation', 'ConsumerContractNegotiationManager'),
         J('org.eclipse.edc.connector.contract.negotiation',
           ['static java.lang.String.format',
            'org.eclipse.edc.connector.contract.spi.negotiation.store.ContractNegotiationStore',
            'org.eclipse.edc.connector.contract.spi.types.negotiation.ContractNegotiation',
            'org.eclipse.edc.connector.contract.spi.types.negotiation.ContractNegotiationStates',
            'org.eclipse.edc.connector.contract.spi.types.negotiation.ContractRequestMessage',
            'org.eclipse.edc.spi.message.RemoteMessageDispatcherRegistry',
            'org.eclipse.edc.spi.monitor.Monitor'])(EDC), [
             (1, 'java-00-edc-negotiation-dispatch-future-dropped',
              'the negotiation marks itself requested and drops the future of the dispatch', 'new'),
             (2, 'java-00-edc-negotiation-dispatch-checked-before-completion',
              'an edit looks at isCompletedExceptionally right after dispatching, before the send can fail',
              'edit'),
             (0, 'java-ok-00-edc-negotiation-dispatch-when-complete',
              'clean: the transition happens in whenComplete, a failure is logged and retried', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: jOOQ repository (generated table)
JOOQ = r'''
/** Reads order history for the account page; every query has the page's database budget. */
@Repository
public class OrderHistoryRepository {
    private final DSLContext dsl;
    private final int queryTimeoutSeconds;
2|    private final Executor executor;

    public OrderHistoryRepository(DSLContext dsl, @Value("${account.db-timeout-seconds:2}") int queryTimeoutSeconds
2|            , @Qualifier("dbExecutor") Executor executor
    ) {
        this.dsl = dsl;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
2|        this.executor = executor;
    }

    public List<OrderSummary> recent(long customerId, int limit) {
        return dsl.selectFrom(ORDERS) //@{1}TMO-01
                .where(ORDERS.CUSTOMER_ID.eq(customerId)).orderBy(ORDERS.PLACED_AT.desc()).limit(limit)
02|                .queryTimeout(queryTimeoutSeconds)
                .fetch(r -> new OrderSummary(r.getId(), r.getPlacedAt(), r.getTotal(), r.getStatus()));
    }

    public Optional<BigDecimal> openBalance(long customerId) {
0|        var total = dsl.select(sum(ORDERS.TOTAL)).from(ORDERS)
0|                .where(ORDERS.CUSTOMER_ID.eq(customerId).and(ORDERS.STATUS.eq("OPEN")))
0|                .queryTimeout(queryTimeoutSeconds)
0|                .fetchOne(0, BigDecimal.class);
0|        return Optional.ofNullable(total);
1|        var total = dsl.select(sum(ORDERS.TOTAL)).from(ORDERS)
1|                .where(ORDERS.CUSTOMER_ID.eq(customerId).and(ORDERS.STATUS.eq("OPEN")))
1|                .queryTimeout(queryTimeoutSeconds)
1|                .fetchOne(0, BigDecimal.class);
1|        return Optional.ofNullable(total);
2|        var pending = dsl.select(sum(ORDERS.TOTAL)).from(ORDERS)
2|                .where(ORDERS.CUSTOMER_ID.eq(customerId).and(ORDERS.STATUS.eq("OPEN")))
2|                .fetchAsync(executor).toCompletableFuture();
2|        try {
2|            var row = pending.get(queryTimeoutSeconds, TimeUnit.SECONDS); //@TMO-02|TMO-01
2|            return Optional.ofNullable(row.value1());
2|        } catch (TimeoutException e) {
2|            return Optional.empty(); // the page shows the balance as unavailable
2|        } catch (InterruptedException e) {
2|            Thread.currentThread().interrupt();
2|            return Optional.empty();
2|        } catch (ExecutionException e) {
2|            throw new DataAccessException("open balance of customer " + customerId, e.getCause());
2|        }
    }
}
'''
JOOQ_TABLE = r'''/*
 * This file is generated by jOOQ.
 */
package com.example.shop.db.tables;

import com.example.shop.db.Public;
import com.example.shop.db.tables.records.OrdersRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * This class is generated by jOOQ.
 */
@SuppressWarnings({ "all", "unchecked", "rawtypes" })
public class Orders extends TableImpl<OrdersRecord> {

    private static final long serialVersionUID = 1L;

    /**
     * The reference instance of <code>public.orders</code>
     */
    public static final Orders ORDERS = new Orders();

    /**
     * The column <code>public.orders.id</code>.
     */
    public final TableField<OrdersRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false), this, "");

    /**
     * The column <code>public.orders.customer_id</code>.
     */
    public final TableField<OrdersRecord, Long> CUSTOMER_ID = createField(DSL.name("customer_id"), SQLDataType.BIGINT.nullable(false), this, "");

    /**
     * The column <code>public.orders.placed_at</code>.
     */
    public final TableField<OrdersRecord, OffsetDateTime> PLACED_AT = createField(DSL.name("placed_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).nullable(false), this, "");

    /**
     * The column <code>public.orders.total</code>.
     */
    public final TableField<OrdersRecord, BigDecimal> TOTAL = createField(DSL.name("total"), SQLDataType.NUMERIC(12, 2).nullable(false), this, "");

    /**
     * The column <code>public.orders.status</code>.
     */
    public final TableField<OrdersRecord, String> STATUS = createField(DSL.name("status"), SQLDataType.VARCHAR(16).nullable(false), this, "");

    private Orders(Name alias, Table<OrdersRecord> aliased) {
        super(alias, null, aliased, null, DSL.comment(""), null);
    }

    public Orders() {
        this(DSL.name("orders"), null);
    }
}
'''
cases_of(case, GH + 'jOOQ/jOOQ/issues/1856', src('com.example.shop.account', 'OrderHistoryRepository'),
         J('com.example.shop.account', ['static com.example.shop.db.tables.Orders.ORDERS',
                                       'static org.jooq.impl.DSL.sum', 'java.math.BigDecimal', 'java.util.List',
                                       'java.util.Optional', 'java.util.concurrent.ExecutionException',
                                       'java.util.concurrent.Executor', 'java.util.concurrent.TimeUnit',
                                       'java.util.concurrent.TimeoutException', 'org.jooq.DSLContext',
                                       'org.springframework.beans.factory.annotation.Qualifier',
                                       'org.springframework.beans.factory.annotation.Value',
                                       'org.springframework.dao.DataAccessException',
                                       'org.springframework.stereotype.Repository'])(JOOQ), [
             (1, 'java-00-jooq-order-history-without-query-timeout',
              'an edit drops the query timeout of the order history query', 'edit'),
             (2, 'java-00-jooq-open-balance-async-get-without-cancel',
              'an edit runs the balance query asynchronously and stops waiting after the budget, without '
              'cancelling it', 'edit'),
             (0, 'java-ok-00-jooq-queries-with-timeouts-and-generated-table',
              'clean: both queries carry the page\'s timeout; the generated jOOQ table comes with the change',
              'new', [f('src/main/java/com/example/shop/db/tables/Orders.java', new=JOOQ_TABLE)]),
         ])


# ---------------------------------------------------------------- CONC-07: daemon housekeeping schedules
GRADLE = r'''
/** The daemon's periodic housekeeping: expiring registry entries and writing the health report. */
public class DaemonHousekeeping implements Stoppable {
    private static final Logger LOGGER = Logging.getLogger(DaemonHousekeeping.class);

    private final ScheduledExecutorService scheduler;
    private final DaemonRegistry registry;
    private final DaemonHealthReporter healthReporter;
    private final AtomicLong failures = new AtomicLong();

    public DaemonHousekeeping(ScheduledExecutorService scheduler, DaemonRegistry registry, DaemonHealthReporter healthReporter) {
        this.scheduler = scheduler;
        this.registry = registry;
        this.healthReporter = healthReporter;
    }

    public void start() {
02|        scheduler.scheduleWithFixedDelay(guarded("expire-registry", registry::expireStaleEntries), 1, 1, TimeUnit.MINUTES);
1|        scheduler.scheduleWithFixedDelay(registry::expireStaleEntries, 1, 1, TimeUnit.MINUTES); //@CONC-07
01|        scheduler.scheduleAtFixedRate(guarded("health-report", healthReporter::report), 10, 10, TimeUnit.SECONDS);
2|        scheduler.scheduleAtFixedRate(() -> { //@CONC-07
2|            try {
2|                healthReporter.writeReport();
2|            } catch (IOException e) {
2|                throw new UncheckedIOException("daemon health report not written", e);
2|            }
2|        }, 10, 10, TimeUnit.SECONDS);
    }

    /** Keeps a periodic job alive: anything but a VirtualMachineError is logged, counted, and the next run happens. */
    private Runnable guarded(String job, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                failures.incrementAndGet();
                LOGGER.warn("Daemon housekeeping job '{}' failed; it will run again.", job, t);
            }
        };
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }
}
'''
cases_of(case, GH + 'gradle/gradle/pull/24592',
         src('org.gradle.launcher.daemon.server', 'DaemonHousekeeping'),
         J('org.gradle.launcher.daemon.server', ['java.io.IOException', 'java.io.UncheckedIOException',
                                                'java.util.concurrent.ScheduledExecutorService',
                                                'java.util.concurrent.TimeUnit',
                                                'java.util.concurrent.atomic.AtomicLong',
                                                'org.gradle.api.logging.Logger', 'org.gradle.api.logging.Logging',
                                                'org.gradle.internal.concurrent.Stoppable'])(GRADLE), [
             (1, 'java-00-gradle-housekeeping-registry-expiry-unguarded',
              'an edit schedules the registry expiry with a bare method reference: one exception ends it', 'edit'),
             (2, 'java-00-gradle-housekeeping-health-report-rethrows',
              'an edit schedules the health report in a lambda that turns an IOException into an unchecked one',
              'edit'),
             (0, 'java-ok-00-gradle-housekeeping-guarded-jobs',
              'clean: both jobs run inside a guard that logs and counts everything but VirtualMachineError', 'new'),
         ])


# ---------------------------------------------------------------- CONC-04: MDC of scheduled launch actions
ECRNOW = r'''
/** Schedules the periodic-update action of a launch; the launch id and the action tag its log lines. */
@Component
public class PeriodicUpdateScheduler {
    private static final Logger logger = LoggerFactory.getLogger(PeriodicUpdateScheduler.class);

    private final ScheduledExecutorService scheduler;
    private final PeriodicUpdateAction action;

    public PeriodicUpdateScheduler(@Qualifier("launchScheduler") ScheduledExecutorService scheduler,
                                   PeriodicUpdateAction action) {
        this.scheduler = scheduler;
        this.action = action;
    }

    /** Runs the action once after {@code delay}; the caller keeps the future to cancel it when the launch closes. */
    public ScheduledFuture<?> schedule(LaunchDetails launch, Duration delay) {
        Map<String, String> callerContext = MDC.getCopyOfContextMap();
        return scheduler.schedule(() -> {
0|            if (callerContext != null) {
0|                MDC.setContextMap(callerContext);
0|            }
0|            try (var launchId = MDC.putCloseable("launchId", launch.id().toString());
0|                 var step = MDC.putCloseable("action", "periodic-update")) {
0|                run(launch);
0|            } finally {
0|                MDC.clear(); // a pooled scheduler thread: nothing of this launch may tag the next task
0|            }
1|            MDC.put("launchId", launch.id().toString()); //@CONC-04
1|            MDC.put("action", "periodic-update");
1|            run(launch);
2|            if (callerContext != null) {
2|                MDC.setContextMap(callerContext); //@CONC-04
2|            }
2|            run(launch);
2|            MDC.clear();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(LaunchDetails launch) {
        try {
            action.execute(launch);
            logger.info("periodic update done");
        } catch (RuntimeException e) {
            logger.error("periodic update failed; the next update is scheduled by the action's timer", e);
        }
    }
}
'''
cases_of(case, GH + 'drajer-health/eCRNow/issues/249', src('com.drajer.bsa.scheduler', 'PeriodicUpdateScheduler'),
         J('com.drajer.bsa.scheduler', SLF4J + ['java.time.Duration', 'java.util.Map',
                                               'java.util.concurrent.ScheduledExecutorService',
                                               'java.util.concurrent.ScheduledFuture',
                                               'java.util.concurrent.TimeUnit', 'org.slf4j.MDC',
                                               'org.springframework.beans.factory.annotation.Qualifier',
                                               'org.springframework.stereotype.Component'])(ECRNOW), [
             (1, 'java-00-ecrnow-scheduled-action-mdc-never-removed',
              'an edit puts the launch id and action into the MDC of the pooled scheduler thread and never removes them',
              'edit'),
             (2, 'java-00-ecrnow-scheduled-action-copied-mdc-cleared-outside-finally',
              'an edit copies the caller\'s MDC into the task and clears it after the run, not in finally', 'edit'),
             (0, 'java-ok-00-ecrnow-scheduled-action-mdc-cleared-in-finally',
              'clean: the copied context and both keys are cleared in finally on the scheduler thread', 'new'),
         ])


# ---------------------------------------------------------------- CONC-04: thread-local request of a security filter
ESAPI = r'''
/** Wraps every request and response in their validating wrappers and makes them current for ESAPI. */
public class SecurityWrapper implements Filter {
    private SecurityConfiguration config;

    @Override
    public void init(FilterConfig filterConfig) {
        this.config = SecurityConfiguration.from(filterConfig);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest hrequest) || !(response instanceof HttpServletResponse hresponse)) {
            chain.doFilter(request, response);
            return;
        }
        var secureRequest = new SecurityWrapperRequest(hrequest, config);
        var secureResponse = new SecurityWrapperResponse(hresponse, config);
0|        CurrentRequest.set(secureRequest, secureResponse);
0|        try {
0|            chain.doFilter(secureRequest, secureResponse);
0|        } finally {
0|            CurrentRequest.clear();
0|        }
1|        CurrentRequest.set(secureRequest, secureResponse); //@CONC-04
1|        chain.doFilter(secureRequest, secureResponse);
2|        CurrentRequest.set(secureRequest, secureResponse); //@CONC-04
2|        chain.doFilter(secureRequest, secureResponse);
2|        CurrentRequest.clear();
    }

    @Override
    public void destroy() {
    }
}
'''
CURRENT_REQUEST = r'''
/** The request and response being served on this thread, for code that cannot take them as parameters. */
public final class CurrentRequest {
    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();
    private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    private CurrentRequest() {
    }

    public static void set(HttpServletRequest request, HttpServletResponse response) {
        REQUEST.set(request);
        RESPONSE.set(response);
    }

    /** Forgets both: the container's threads are pooled, and the next request must not see this one. */
    public static void clear() {
        REQUEST.remove();
        RESPONSE.remove();
    }

    public static HttpServletRequest request() {
        HttpServletRequest request = REQUEST.get();
        if (request == null) {
            throw new IllegalStateException("no request is being served on this thread");
        }
        return request;
    }

    public static HttpServletResponse response() {
        HttpServletResponse response = RESPONSE.get();
        if (response == null) {
            throw new IllegalStateException("no request is being served on this thread");
        }
        return response;
    }
}
'''
ESAPI_HELPER = f(src('org.owasp.esapi.filters', 'CurrentRequest'),
                 new=java('org.owasp.esapi.filters', ['jakarta.servlet.http.HttpServletRequest',
                                                     'jakarta.servlet.http.HttpServletResponse'], CURRENT_REQUEST))
cases_of(case, GH + 'ESAPI/esapi-java-legacy/issues/80', src('org.owasp.esapi.filters', 'SecurityWrapper'),
         J('org.owasp.esapi.filters', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain',
                                      'jakarta.servlet.FilterConfig', 'jakarta.servlet.ServletException',
                                      'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse',
                                      'jakarta.servlet.http.HttpServletRequest',
                                      'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException'])(ESAPI), [
             (1, 'java-00-esapi-filter-current-request-never-cleared',
              'the filter makes the wrapped request current on a pooled thread and never clears it', 'new',
              [ESAPI_HELPER]),
             (2, 'java-00-esapi-filter-current-request-cleared-outside-finally',
              'an edit clears the current request after the chain, not in finally: a failing request leaves it',
              'edit'),
             (0, 'java-ok-00-esapi-filter-helper-clears-in-finally',
              'clean: a helper class owns the thread-locals; the filter clears them through it in finally', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: watchdog of a blocking quote call
MUTINY = r'''
/** Prices a basket with the pricing engine, whose client blocks; a watchdog interrupts calls over budget. */
@Service
public class QuoteService {
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final PricingClient pricingClient;
    private final Duration budget;

    public QuoteService(ExecutorService workers, ScheduledExecutorService timer, PricingClient pricingClient,
                        @Value("${pricing.budget:PT2S}") Duration budget) {
        this.workers = workers;
        this.timer = timer;
        this.pricingClient = pricingClient;
        this.budget = budget;
    }

    public Quote quote(QuoteRequest request) throws InterruptedException, ExecutionException {
        Future<Quote> task = workers.submit(() -> pricingClient.quote(request));
0|        ScheduledFuture<?> watchdog = timer.schedule(() -> task.cancel(true), budget.toMillis(), TimeUnit.MILLISECONDS);
0|        try {
0|            return task.get();
0|        } catch (CancellationException e) {
0|            throw new QuoteTimeoutException(request.basketId(), budget);
0|        } finally {
0|            watchdog.cancel(false);
0|        }
1|        timer.schedule(() -> task.cancel(true), budget.toMillis(), TimeUnit.MILLISECONDS); //@TMO-03
1|        try {
1|            return task.get();
1|        } catch (CancellationException e) {
1|            throw new QuoteTimeoutException(request.basketId(), budget);
1|        }
2|        try {
2|            return task.get(budget.toMillis(), TimeUnit.MILLISECONDS); //@TMO-02
2|        } catch (TimeoutException e) {
2|            throw new QuoteTimeoutException(request.basketId(), budget);
2|        }
    }
}
'''
cases_of(case, GH + 'smallrye/smallrye-mutiny/pull/462', src('com.example.pricing', 'QuoteService'),
         J('com.example.pricing', ['java.time.Duration', 'java.util.concurrent.CancellationException',
                                  'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                                  'java.util.concurrent.Future', 'java.util.concurrent.ScheduledExecutorService',
                                  'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                  'java.util.concurrent.TimeoutException',
                                  'org.springframework.beans.factory.annotation.Value',
                                  'org.springframework.stereotype.Service'])(MUTINY), [
             (1, 'java-00-quote-watchdog-never-cancelled',
              'an edit stops cancelling the watchdog, which stays queued for the whole budget after fast calls',
              'edit'),
             (2, 'java-00-quote-get-timeout-leaves-task-running',
              'an edit waits with a timed get and gives up without cancelling the pricing task', 'edit'),
             (0, 'java-ok-00-quote-watchdog-cancelled-in-finally',
              'clean: the watchdog interrupts slow calls and is cancelled in finally', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: JDBC metadata reader
HBMTOOLS = r'''
/** Reads tables and their columns from the live database for reverse engineering. */
public class MetaDataReader {
    /** A table as the reverse engineering sees it. */
    public record TableInfo(String catalog, String schema, String name, List<ColumnInfo> columns) {
    }

    /** One column of a table. */
    public record ColumnInfo(String name, int sqlType, boolean nullable) {
    }

    private final ConnectionProvider connectionProvider;

    public MetaDataReader(ConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
    }

    public List<TableInfo> readTables(String catalog, String schema) throws SQLException {
        var tables = new ArrayList<TableInfo>();
02|        Connection connection = connectionProvider.getConnection();
02|        try {
02|            DatabaseMetaData meta = connection.getMetaData();
02|            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW"})) {
0|                while (rs.next()) {
0|                    String name = rs.getString("TABLE_NAME");
0|                    try (ResultSet cols = meta.getColumns(catalog, schema, name, "%")) {
0|                        tables.add(new TableInfo(catalog, schema, name, columns(cols)));
0|                    }
0|                }
0|            }
2|                var open = new ArrayList<ResultSet>();
2|                try {
2|                    while (rs.next()) {
2|                        String name = rs.getString("TABLE_NAME");
2|                        ResultSet cols = meta.getColumns(catalog, schema, name, "%"); //@RES-03
2|                        open.add(cols);
2|                        tables.add(new TableInfo(catalog, schema, name, columns(cols)));
2|                    }
2|                } finally {
2|                    for (ResultSet cols : open) {
2|                        cols.close();
2|                    }
2|                }
2|            }
02|        } finally {
02|            connectionProvider.closeConnection(connection);
02|        }
1|        DatabaseMetaData meta = connectionProvider.getConnection().getMetaData(); //@RES-01
1|        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW"})) {
1|            while (rs.next()) {
1|                String name = rs.getString("TABLE_NAME");
1|                try (ResultSet cols = meta.getColumns(catalog, schema, name, "%")) {
1|                    tables.add(new TableInfo(catalog, schema, name, columns(cols)));
1|                }
1|            }
1|        }
        return tables;
    }

    private static List<ColumnInfo> columns(ResultSet cols) throws SQLException {
        var columns = new ArrayList<ColumnInfo>();
        while (cols.next()) {
            columns.add(new ColumnInfo(cols.getString("COLUMN_NAME"), cols.getInt("DATA_TYPE"),
                    cols.getInt("NULLABLE") == DatabaseMetaData.columnNullable));
        }
        return columns;
    }
}
'''
cases_of(case, GH + 'hibernate/hibernate-tools/pull/461', src('org.hibernate.tool.internal.reveng', 'MetaDataReader'),
         J('org.hibernate.tool.internal.reveng', ['java.sql.Connection', 'java.sql.DatabaseMetaData',
                                                 'java.sql.ResultSet', 'java.sql.SQLException',
                                                 'java.util.ArrayList', 'java.util.List',
                                                 'org.hibernate.engine.jdbc.connections.spi.ConnectionProvider'])(HBMTOOLS), [
             (1, 'java-00-hbmtools-metadata-connection-never-returned',
              'the reader takes a connection from the provider only to get its metadata, and never returns it',
              'new'),
             (2, 'java-00-hbmtools-column-result-sets-closed-after-the-loop',
              'an edit keeps every column result set open in a list until all tables are read', 'edit'),
             (0, 'java-ok-00-hbmtools-connection-returned-result-sets-per-table',
              'clean: the connection goes back in finally and each column result set closes with its table',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: JPA transactions of a pipeline
BFD = r'''
/** Runs pipeline work in a JPA transaction of its own, with an entity manager of its own. */
public final class TransactionManager {
    private final EntityManagerFactory factory;

    public TransactionManager(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Runs {@code work} and commits; a failure rolls back and reaches the caller. */
    public <T> T executeFunction(Function<EntityManager, T> work) {
02|        EntityManager em = factory.createEntityManager(); //@{2}RES-01
1|        EntityManager em = factory.createEntityManager();
0|        try {
0|            em.getTransaction().begin();
0|            T result = work.apply(em);
0|            em.getTransaction().commit();
0|            return result;
0|        } catch (RuntimeException e) {
0|            completeFailedTransaction(em, e);
0|            throw e;
0|        } finally {
0|            em.close();
0|        }
1|        try {
1|            em.getTransaction().begin(); //@TX-01
1|            T result = work.apply(em);
1|            em.getTransaction().commit();
1|            return result;
1|        } finally {
1|            em.close();
1|        }
2|        em.getTransaction().begin();
2|        T result;
2|        try {
2|            result = work.apply(em);
2|            em.getTransaction().commit();
2|        } catch (RuntimeException e) {
2|            completeFailedTransaction(em, e);
2|            throw e;
2|        }
2|        em.close();
2|        return result;
    }

    /** Rolls back after {@code failure}; a failing rollback is attached to it rather than hiding it. */
    private static void completeFailedTransaction(EntityManager em, RuntimeException failure) {
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
'''
cases_of(case, GH + 'CMSgov/beneficiary-fhir-data/pull/1621',
         src('gov.cms.bfd.pipeline.sharedutils', 'TransactionManager'),
         J('gov.cms.bfd.pipeline.sharedutils', ['jakarta.persistence.EntityManager',
                                               'jakarta.persistence.EntityManagerFactory',
                                               'java.util.function.Function'])(BFD), [
             (1, 'java-00-bfd-transaction-manager-no-rollback-on-failure',
              'the transaction helper commits in try and closes in finally; a failure never rolls back', 'new'),
             (2, 'java-00-bfd-transaction-manager-entity-manager-closed-on-success-only',
              'an edit closes the entity manager after the commit only; a failed run keeps it open', 'edit'),
             (0, 'java-ok-00-bfd-transaction-manager-rollback-and-close',
              'clean: a catch rolls back and rethrows, and finally closes the entity manager', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01: worker threads of a parameter server
CRUISE = r'''
/** Starts the parameter-server worker threads; each drains its own queue of operations. */
public final class WorkerThreadPool {
    private static final Logger LOG = Logger.getLogger(WorkerThreadPool.class.getName());

    private final List<WorkerThread> workers;
0|    private final ThreadFactory threadFactory;
    private final List<Thread> threads = new ArrayList<>();

    public WorkerThreadPool(int numThreads, OperationQueueFactory queues, Counter workerDeaths) {
        this.workers = IntStream.range(0, numThreads).mapToObj(i -> new WorkerThread(queues.create(i))).toList();
0|        // A worker that dies stops serving its share of the keys: make it loud.
0|        this.threadFactory = new ThreadFactoryBuilder()
0|                .setNameFormat("ps-worker-%d")
0|                .setUncaughtExceptionHandler((thread, e) -> {
0|                    workerDeaths.inc();
0|                    LOG.log(Level.SEVERE, "parameter-server worker " + thread.getName() + " died", e);
0|                })
0|                .build();
    }

    public void start() {
        for (int i = 0; i < workers.size(); i++) {
0|            Thread thread = threadFactory.newThread(workers.get(i));
1|            Thread thread = new Thread(workers.get(i), "ps-worker-" + i); //@CONC-01
2|            Thread thread = new Thread(workers.get(i), "ps-worker-" + i);
2|            thread.setUncaughtExceptionHandler((t, e) -> { }); //@CONC-01|ERR-01
            threads.add(thread);
            thread.start();
        }
    }

    public void close() throws InterruptedException {
        workers.forEach(WorkerThread::close);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
'''
cases_of(case, GH + 'snuspl/cruise/pull/755', src('edu.snu.cay.services.ps.server', 'WorkerThreadPool'),
         J('edu.snu.cay.services.ps.server', ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                             'io.prometheus.client.Counter', 'java.util.ArrayList', 'java.util.List',
                                             'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit',
                                             'java.util.logging.Level', 'java.util.logging.Logger',
                                             'java.util.stream.IntStream'])(CRUISE), [
             (1, 'java-00-cruise-workers-plain-threads',
              'an edit starts the workers as plain threads: one RuntimeException and a worker silently dies',
              'edit'),
             (2, 'java-00-cruise-workers-handler-ignores-deaths',
              'the workers get an uncaught-exception handler that does nothing', 'new'),
             (0, 'java-ok-00-cruise-workers-factory-logs-and-counts',
              'clean: a thread factory built at start-up whose handler logs and counts dead workers', 'fix'),
         ])
