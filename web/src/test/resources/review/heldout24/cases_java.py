"""Round-24 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 23)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- TMO-01 / RES-04: dynamic mapping client (study-server)
STUDY = r'''
/** HTTP client of the dynamic mapping server. */
@Service
public class DynamicMappingClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(DynamicMappingClient.class);
    private static final String API_VERSION = "v1";

    private final RestTemplate restTemplate;
    private final String baseUri;

    public DynamicMappingClient(RestTemplateBuilder builder,
                                @Value("${gridsuite.services.dynamic-mapping-server.base-uri}") String baseUri) {
01|        this.restTemplate = builder
01|                .setConnectTimeout(Duration.ofSeconds(5))
01|                .setReadTimeout(Duration.ofSeconds(30))
01|                .build();
2|        this.restTemplate = builder.build(); //@TMO-01
        this.baseUri = baseUri;
    }

    public List<MappingInfos> getAllMappings() {
        String path = UriComponentsBuilder.fromPath("/" + API_VERSION + "/mappings").toUriString();
1|        RestTemplate template = new RestTemplateBuilder() //@RES-04
1|                .setConnectTimeout(Duration.ofSeconds(5))
1|                .setReadTimeout(Duration.ofSeconds(30))
1|                .build();
1|        MappingInfos[] mappings = template.getForObject(baseUri + path, MappingInfos[].class);
02|        MappingInfos[] mappings = restTemplate.getForObject(baseUri + path, MappingInfos[].class);
        LOGGER.debug("fetched {} mappings from {}", mappings == null ? 0 : mappings.length, baseUri);
        return mappings == null ? List.of() : List.of(mappings);
    }
}
'''
cases_of(case, GH + 'gridsuite/study-server/pull/1038', src('org.gridsuite.study.server.service.client', 'DynamicMappingClient'),
         J('org.gridsuite.study.server.service.client',
           SLF4J + ['java.time.Duration', 'java.util.List', 'org.gridsuite.study.server.dto.MappingInfos',
                    'org.springframework.beans.factory.annotation.Value',
                    'org.springframework.boot.web.client.RestTemplateBuilder', 'org.springframework.stereotype.Service',
                    'org.springframework.web.client.RestTemplate',
                    'org.springframework.web.util.UriComponentsBuilder'])(STUDY), [
             (1, 'java-00-study-server-rest-template-per-call',
              'an edit builds a new RestTemplate for every mapping lookup instead of the shared bean', 'edit'),
             (2, 'java-00-study-server-rest-template-without-timeouts',
              'an edit builds the shared RestTemplate without connect or read timeouts, so a dead server holds the thread',
              'edit'),
             (0, 'java-ok-00-study-server-shared-template-with-timeouts',
              'clean: one RestTemplate with both timeouts, shared by every call', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-02: upload executor (PhotoGather)
PHOTOGATHER = r'''
@Configuration
@EnableAsync
public class AsyncConfig {

    @Bean(name = "uploadExecutor")
    public ThreadPoolTaskExecutor uploadExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(); //@{2}CONC-02
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(8);
01|        executor.setQueueCapacity(200);
01|        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setThreadNamePrefix("upload-");
        executor.setTaskDecorator(new MdcTaskDecorator());
        executor.initialize();
        return executor;
    }

    /** Copies the caller's MDC (request id, gather id) onto the pool thread for the task. */
    static class MdcTaskDecorator implements TaskDecorator {
        @Override
        public Runnable decorate(Runnable runnable) {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
                if (context != null) {
                    MDC.setContextMap(context); //@{1}CONC-04
                }
02|                try {
02|                    runnable.run();
02|                } finally {
02|                    MDC.clear();
02|                }
1|                runnable.run();
            };
        }
    }
}
'''
cases_of(case, GH + 'woowacourse-teams/2025-PhotoGather/pull/780', src('com.forgather.global.config', 'AsyncConfig'),
         J('com.forgather.global.config',
           ['java.util.Map', 'java.util.concurrent.ThreadPoolExecutor', 'org.slf4j.MDC',
            'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration',
            'org.springframework.core.task.TaskDecorator', 'org.springframework.scheduling.annotation.EnableAsync',
            'org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor'])(PHOTOGATHER), [
             (1, 'java-00-photogather-mdc-left-on-pool-thread',
              'an edit copies the MDC onto the pool thread and never clears it, so later uploads log stale ids', 'edit'),
             (2, 'java-00-photogather-upload-queue-unbounded',
              'an edit drops the queue capacity, so uploads pile up in an unbounded queue and the pool never grows',
              'edit'),
             (0, 'java-ok-00-photogather-mdc-cleared-bounded-queue',
              'clean: MDC cleared in finally, queue bounded with caller-runs back-pressure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: request id filter (ah-madda), test beside the clean case
AHMADDA = r'''
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MdcLoggingFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(MdcLoggingFilter.class);
    public static final String REQUEST_ID = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = Optional.ofNullable(request.getHeader("X-Request-Id"))
                .orElseGet(() -> UUID.randomUUID().toString());
        MDC.put(REQUEST_ID, requestId); //@{1}CONC-04
        long start = System.nanoTime();
02|        try {
02|            chain.doFilter(request, response);
02|        } finally {
02|            long millis = (System.nanoTime() - start) / 1_000_000;
0|            log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
2|            log.info(request.getMethod() + " " + request.getRequestURI() + " -> " + response.getStatus() + " in " + millis + " ms"); //@LOG-02
02|            MDC.remove(REQUEST_ID);
02|        }
1|        chain.doFilter(request, response);
1|        long millis = (System.nanoTime() - start) / 1_000_000;
1|        log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
1|        MDC.remove(REQUEST_ID);
    }
}
'''
AHMADDA_TEST = '''package com.ahmadda.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MdcLoggingFilterTest {

    @Test
    void requestIdIsGoneAfterTheChain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/events");
        request.addHeader("X-Request-Id", "abc-123");

        new MdcLoggingFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(MDC.get(MdcLoggingFilter.REQUEST_ID)).isNull();
    }
}
'''
cases_of(case, GH + 'woowacourse-teams/2025-ah-madda/issues/514', src('com.ahmadda.common.logging', 'MdcLoggingFilter'),
         J('com.ahmadda.common.logging',
           SLF4J + ['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException',
                    'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse',
                    'java.io.IOException', 'java.util.Optional', 'java.util.UUID', 'org.slf4j.MDC',
                    'org.springframework.core.Ordered', 'org.springframework.core.annotation.Order',
                    'org.springframework.stereotype.Component',
                    'org.springframework.web.filter.OncePerRequestFilter'])(AHMADDA), [
             (1, 'java-00-ah-madda-request-id-removed-only-after-success',
              'an edit removes the request id after the chain without a finally, so a failed request leaves it on the '
              'worker thread', 'edit'),
             (2, 'java-00-ah-madda-access-line-concatenated',
              'an edit builds the access log line by concatenation for every request', 'edit'),
             (0, 'java-ok-00-ah-madda-request-id-removed-in-finally',
              'clean: request id removed in finally, access line with placeholders; a test beside it', 'fix',
              [f(tst('com.ahmadda.common.logging', 'MdcLoggingFilterTest'), new=AHMADDA_TEST)]),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: Kafka to Elasticsearch worker (kafka-elasticsearch-consumer)
KAFKAES = r'''
public class ConsumerWorker implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(ConsumerWorker.class);

    private final Properties kafkaProperties;
    private final String kafkaTopic;
    private final IMessageHandler messageHandler;
    private final int consumerInstanceId;
    private final long pollIntervalMs;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, String> consumer;

    public ConsumerWorker(int consumerInstanceId, Properties kafkaProperties, String kafkaTopic,
                          IMessageHandler messageHandler, long pollIntervalMs) {
        this.consumerInstanceId = consumerInstanceId;
        this.kafkaProperties = kafkaProperties;
        this.kafkaTopic = kafkaTopic;
        this.messageHandler = messageHandler;
        this.pollIntervalMs = pollIntervalMs;
    }

    @Override
    public void run() {
02|        consumer = new KafkaConsumer<>(kafkaProperties);
1|        consumer = new KafkaConsumer<>(kafkaProperties, new StringDeserializer(), new StringDeserializer()); //@RES-01
        try {
            consumer.subscribe(List.of(kafkaTopic));
            while (running.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(pollIntervalMs));
                int failed = 0;
                for (ConsumerRecord<String, String> record : records) {
                    try {
                        messageHandler.addMessageToBatch(record.value());
                    } catch (Exception e) {
                        failed++;
2|                        logger.warn("ConsumerWorker [consumerInstanceId={}] failed to process offset {}", consumerInstanceId, record.offset(), e); //@LOG-01
                    }
                }
02|                if (failed > 0) {
02|                    logger.warn("ConsumerWorker [consumerInstanceId={}] skipped {} of {} records", consumerInstanceId, failed, records.count());
02|                }
                messageHandler.postToElasticSearch();
                consumer.commitSync();
            }
1|            consumer.close();
        } catch (WakeupException e) {
            logger.info("ConsumerWorker [consumerInstanceId={}] got WakeupException - exiting", consumerInstanceId);
02|        } finally {
02|            consumer.close();
        }
    }

    public void shutdown() {
        running.set(false);
        consumer.wakeup();
    }
}
'''
cases_of(case, GH + 'BigDataDevs/kafka-elasticsearch-consumer/issues/106',
         src('org.elasticsearch.kafka.indexer.jobs', 'ConsumerWorker'),
         J('org.elasticsearch.kafka.indexer.jobs',
           SLF4J + ['java.time.Duration', 'java.util.List', 'java.util.Properties',
                    'java.util.concurrent.atomic.AtomicBoolean', 'org.apache.kafka.clients.consumer.ConsumerRecord',
                    'org.apache.kafka.clients.consumer.ConsumerRecords', 'org.apache.kafka.clients.consumer.KafkaConsumer',
                    'org.apache.kafka.common.errors.WakeupException',
                    'org.apache.kafka.common.serialization.StringDeserializer',
                    'org.elasticsearch.kafka.indexer.service.IMessageHandler'])(KAFKAES), [
             (1, 'java-00-kafka-elasticsearch-consumer-closed-only-on-normal-exit',
              'an edit closes the consumer only when the loop ends normally, never after the wakeup that stops it',
              'edit'),
             (2, 'java-00-kafka-elasticsearch-consumer-warning-per-failed-record',
              'an edit warns with a stack trace for every record the handler rejects, inside the poll loop', 'edit'),
             (0, 'java-ok-00-kafka-elasticsearch-consumer-closed-in-finally-summary',
              'clean: consumer closed in finally, rejected records counted into one line per poll', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: order events poller (micronaut-tracing)
MICRONAUT = r'''
@Singleton
public class OrderEventsPoller {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEventsPoller.class);
    private static final long RETRY_PAUSE_MS = 2_000;

    private final Consumer<String, OrderEvent> consumer;
    private final OrderProjection projection;
    private volatile boolean running = true;
    private Thread pollThread;

    public OrderEventsPoller(Consumer<String, OrderEvent> consumer, OrderProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @PostConstruct
    void start() {
01|        pollThread = Thread.ofPlatform()
01|                .name("order-events-poller")
01|                .uncaughtExceptionHandler((t, e) -> LOG.error("Order events poller died", e))
01|                .unstarted(this::pollLoop);
2|        pollThread = new Thread(this::pollLoop, "order-events-poller"); //@CONC-01
        pollThread.start();
    }

    void pollLoop() {
        try {
            while (running) {
                try {
                    ConsumerRecords<String, OrderEvent> records = consumer.poll(Duration.ofSeconds(1));
                    records.forEach(r -> projection.apply(r.value()));
                    consumer.commitSync();
                } catch (WakeupException e) {
                    break;
                } catch (RetriableException e) {
                    LOG.warn("Poll failed, retrying in {} ms", RETRY_PAUSE_MS, e);
                    try {
                        Thread.sleep(RETRY_PAUSE_MS);
                    } catch (InterruptedException ie) { //@{1}CONC-05
02|                        Thread.currentThread().interrupt();
02|                        break;
1|                        LOG.debug("Retry pause interrupted");
                    }
                }
            }
        } finally {
            consumer.close();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        consumer.wakeup();
    }
}
'''
cases_of(case, GH + 'micronaut-projects/micronaut-tracing/issues/379', src('example.orders.projection', 'OrderEventsPoller'),
         J('example.orders.projection',
           SLF4J + ['jakarta.annotation.PostConstruct', 'jakarta.annotation.PreDestroy', 'jakarta.inject.Singleton',
                    'java.time.Duration', 'org.apache.kafka.clients.consumer.Consumer',
                    'org.apache.kafka.clients.consumer.ConsumerRecords', 'org.apache.kafka.common.errors.RetriableException',
                    'org.apache.kafka.common.errors.WakeupException'])(MICRONAUT), [
             (1, 'java-00-micronaut-tracing-retry-pause-swallows-interrupt',
              'an edit catches the interrupt of the retry pause, logs it at debug and keeps polling', 'edit'),
             (2, 'java-00-micronaut-tracing-poller-on-plain-thread',
              'an edit starts the poller on a plain thread with no uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-micronaut-tracing-interrupt-restored-guarded-thread',
              'clean: interrupt restored and the loop left, poller thread with an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: analyzer verticle (laughing-train, Vert.x)
LAUGHING = r'''
public class AnalyzerVerticle extends AbstractVerticle {
    private static final Logger logger = LoggerFactory.getLogger(AnalyzerVerticle.class);

    private final Analyzer analyzer;
    private WebClient client;

    public AnalyzerVerticle(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public void start() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(60));
        vertx.eventBus().<String>consumer("analyze", this::analyze);
    }

    private void analyze(Message<String> msg) {
        String repoUrl = msg.body();
        client.getAbs(repoUrl + "/archive/HEAD.zip")
02|                .timeout(30_000)
                .send() //@{1}TMO-01
                .compose(resp -> vertx.executeBlocking(() -> runAnalysis(resp.bodyAsBuffer())))
                .onSuccess(msg::reply)
                .onFailure(err -> {
                    logger.warn("Analysis of {} failed", repoUrl, err);
                    msg.fail(500, err.getMessage());
                });
    }

    private AnalysisResult runAnalysis(Buffer archive) throws IOException {
        Path dir = Files.createTempDirectory("analysis");
        try {
            Zips.unzip(archive.getBytes(), dir);
            return analyzer.analyze(dir);
2|        } catch (IOException e) { //@ERR-01
2|            return AnalysisResult.empty();
        } finally {
            Zips.deleteRecursively(dir);
        }
    }
}
'''
cases_of(case, GH + 'MartinWitt/laughing-train/pull/832', src('xyz.keksdose.spoon.code_solver.api', 'AnalyzerVerticle'),
         J('xyz.keksdose.spoon.code_solver.api',
           SLF4J + ['io.vertx.core.AbstractVerticle', 'io.vertx.core.buffer.Buffer', 'io.vertx.core.eventbus.Message',
                    'io.vertx.ext.web.client.WebClient', 'io.vertx.ext.web.client.WebClientOptions', 'java.io.IOException',
                    'java.nio.file.Files', 'java.nio.file.Path'])(LAUGHING), [
             (1, 'java-00-laughing-train-archive-download-without-timeout',
              'an edit drops the request timeout, so a repository host that stalls holds the analysis forever', 'edit'),
             (2, 'java-00-laughing-train-analysis-failure-answered-empty',
              'an edit turns a failed unzip or analysis into an empty result, answering success', 'edit'),
             (0, 'java-ok-00-laughing-train-download-bounded-failure-propagated',
              'clean: download bounded, analysis failure fails the reply', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: inventory client (spring-boot-microservices-series-v2)
INVENTORY = r'''
@Component
public class InventoryClient {
    private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);

    private final HttpClient httpClient;
    private final ObjectMapper objectMapper;
    private final URI inventoryUri;

    public InventoryClient(ApplicationProperties properties, ObjectMapper objectMapper) {
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.objectMapper = objectMapper;
        this.inventoryUri = URI.create(properties.getInventoryServiceUrl());
    }

    public InventoryResponse stockOf(String productCode) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(inventoryUri.resolve("/api/inventory/" + productCode))
02|                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .GET()
1|                .build(); //@TMO-01
02|                .build();
01|        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
2|        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
01|        try (InputStream body = response.body()) {
01|            if (response.statusCode() != 200) {
01|                throw new InventoryException("inventory answered " + response.statusCode() + " for " + productCode);
01|            }
01|            return objectMapper.readValue(body, InventoryResponse.class);
01|        }
2|        if (response.statusCode() != 200) {
2|            throw new InventoryException("inventory answered " + response.statusCode() + " for " + productCode);
2|        }
2|        try (InputStream body = response.body()) {
2|            return objectMapper.readValue(body, InventoryResponse.class);
2|        }
    }
}
'''
cases_of(case, GH + 'rajadilipkolli/spring-boot-microservices-series-v2/issues/918',
         src('com.example.orderservice.client', 'InventoryClient'),
         J('com.example.orderservice.client',
           SLF4J + ['com.example.orderservice.config.ApplicationProperties',
                    'com.example.orderservice.exception.InventoryException',
                    'com.example.orderservice.model.response.InventoryResponse',
                    'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.io.InputStream',
                    'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                    'java.net.http.HttpResponse', 'java.time.Duration',
                    'org.springframework.stereotype.Component'])(INVENTORY), [
             (1, 'java-00-spring-boot-microservices-inventory-request-without-timeout',
              'an edit drops the request timeout, so an inventory service that accepts and never answers holds the order',
              'edit'),
             (2, 'java-00-spring-boot-microservices-error-body-never-closed',
              'an edit throws on an error status before the body stream is opened in try-with-resources, leaking it',
              'edit'),
             (0, 'java-ok-00-spring-boot-microservices-bounded-request-body-closed',
              'clean: request bounded, body stream closed on every path', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: account transfers (ignite-3), renamed
IGNITE = r'''
/** Moves money between two accounts in one Ignite transaction. */
public class AccountTransferService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountTransferService.class);

    private final IgniteTransactions transactions;
    private final KeyValueView<Long, Account> accounts;

    public AccountTransferService(IgniteTransactions transactions, KeyValueView<Long, Account> accounts) {
        this.transactions = transactions;
        this.accounts = accounts;
    }

    public void transfer(long from, long to, BigDecimal amount) {
        Transaction tx = transactions.begin(); //@{1}TX-01
02|        try {
02|            move(tx, from, to, amount);
0|            tx.commit();
02|        } catch (RuntimeException e) {
02|            tx.rollback();
02|            throw e;
02|        }
1|        move(tx, from, to, amount);
1|        tx.commit();
2|        try {
2|            tx.commit();
2|        } catch (TransactionException e) { //@TX-02
2|            LOG.warn("Commit of transfer {} -> {} failed", from, to, e);
2|        }
    }

    private void move(Transaction tx, long from, long to, BigDecimal amount) {
        Account source = accounts.get(tx, from);
        Account target = accounts.get(tx, to);
        if (source == null || target == null) {
            throw new IllegalArgumentException("unknown account " + (source == null ? from : to));
        }
        accounts.put(tx, from, source.withdraw(amount));
        accounts.put(tx, to, target.deposit(amount));
    }
}
'''
cases_of(case, GH + 'apache/ignite-3/pull/1769', src('org.apache.ignite.example.transactions', 'AccountTransferService'),
         J('org.apache.ignite.example.transactions',
           SLF4J + ['java.math.BigDecimal', 'org.apache.ignite.table.KeyValueView',
                    'org.apache.ignite.tx.IgniteTransactions', 'org.apache.ignite.tx.Transaction',
                    'org.apache.ignite.tx.TransactionException'])(IGNITE), [
             (1, 'java-00-ignite-3-renamed-transfer-without-rollback',
              'a PR renames the service class and drops the rollback, leaving a failed transfer\'s transaction open',
              'rename'),
             (2, 'java-00-ignite-3-renamed-commit-failure-logged-only',
              'a PR renames the service class and logs a failed commit instead of reporting it to the caller', 'rename'),
             (0, 'java-ok-00-ignite-3-renamed-rollback-and-rethrow',
              'clean: the rename alone; rollback and rethrow, commit failure propagates', 'rename'),
         ], rename_from=src('org.apache.ignite.example.transactions', 'TransferService'),
         rename_old=lambda text: text.replace('AccountTransferService', 'TransferService'))


# ---------------------------------------------------------------- RES-01 / RES-04: S3 image source (cantaloupe)
CANTALOUPE = r'''
class S3Source extends AbstractSource implements StreamSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(S3Source.class);

    private static AmazonS3 client;

    static synchronized AmazonS3 getClientInstance() {
        if (client == null) {
            client = buildClient();
        }
        return client;
    }

    private static AmazonS3 buildClient() {
        Configuration config = Configuration.getInstance();
        return AmazonS3ClientBuilder.standard()
                .withRegion(config.getString(Key.S3SOURCE_REGION))
                .withClientConfiguration(new ClientConfiguration()
                        .withConnectionTimeout(10_000)
                        .withSocketTimeout(30_000))
                .build();
    }

    @Override
    public Format getFormat() throws IOException {
        ObjectInfo info = getObjectInfo();
        LOGGER.debug("getFormat(): reading the metadata of {}", info);
2|        AmazonS3 s3 = buildClient(); //@RES-04
01|        AmazonS3 s3 = getClientInstance();
02|        try (S3Object object = s3.getObject(info.getBucketName(), info.getKey())) {
02|            return Format.inferFormat(object.getObjectMetadata().getContentType(), info.getKey());
02|        }
1|        S3Object object = s3.getObject(info.getBucketName(), info.getKey()); //@RES-01
1|        return Format.inferFormat(object.getObjectMetadata().getContentType(), info.getKey());
    }
}
'''
cases_of(case, GH + 'cantaloupe-project/cantaloupe/issues/101', src('edu.illinois.library.cantaloupe.source', 'S3Source'),
         J('edu.illinois.library.cantaloupe.source',
           SLF4J + ['com.amazonaws.ClientConfiguration', 'com.amazonaws.services.s3.AmazonS3',
                    'com.amazonaws.services.s3.AmazonS3ClientBuilder', 'com.amazonaws.services.s3.model.S3Object',
                    'edu.illinois.library.cantaloupe.config.Configuration', 'edu.illinois.library.cantaloupe.config.Key',
                    'edu.illinois.library.cantaloupe.image.Format', 'java.io.IOException'])(CANTALOUPE), [
             (1, 'java-00-cantaloupe-s3-object-never-closed',
              'an edit reads the metadata of the S3 object and never closes it, pinning a pooled connection per image',
              'edit'),
             (2, 'java-00-cantaloupe-s3-client-per-request',
              'an edit builds a new S3 client for every format lookup instead of the shared instance', 'edit'),
             (0, 'java-ok-00-cantaloupe-shared-client-object-closed',
              'clean: the shared client, each object in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: metrics reporter (semantic-metrics)
SEMANTIC = r'''
/** Sends the registry's gauges and counters to the FastForward agent at a fixed rate. */
public class FastForwardReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FastForwardReporter.class);

    private final SemanticMetricRegistry registry;
    private final FastForward client;
    private final ScheduledExecutorService executor;
    private final long interval;
    private final TimeUnit unit;

    public FastForwardReporter(SemanticMetricRegistry registry, FastForward client, ScheduledExecutorService executor,
                               long interval, TimeUnit unit) {
        this.registry = registry;
        this.client = client;
        this.executor = executor;
        this.interval = interval;
        this.unit = unit;
    }

    public void start() {
02|        executor.scheduleAtFixedRate(this::reportSafely, interval, interval, unit);
1|        executor.scheduleAtFixedRate(this::report, interval, interval, unit); //@CONC-07
    }

    private void reportSafely() {
        try {
            report();
        } catch (Exception e) {
            log.error("Failed to report metrics to FastForward", e);
        }
    }

    void report() {
        Map<MetricId, Gauge> gauges = registry.getGauges();
        Map<MetricId, Counter> counters = registry.getCounters();
01|        log.debug("Reporting {} gauges and {} counters", gauges.size(), counters.size());
2|        log.debug("Reporting " + gauges.size() + " gauges and " + counters.size() + " counters: " + gauges.keySet()); //@LOG-02
        gauges.forEach((id, gauge) -> send(id, ((Number) gauge.getValue()).doubleValue()));
        counters.forEach((id, counter) -> send(id, counter.getCount()));
    }

    private void send(MetricId id, double value) {
        try {
            client.send(Metric.build(id.getKey()).attributes(id.getTags()).value(value));
        } catch (IOException e) {
            throw new UncheckedIOException("send " + id.getKey(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
'''
cases_of(case, GH + 'spotify/semantic-metrics/issues/144', src('com.spotify.metrics.ffwd', 'FastForwardReporter'),
         J('com.spotify.metrics.ffwd',
           SLF4J + ['com.codahale.metrics.Counter', 'com.codahale.metrics.Gauge', 'com.spotify.ffwd.FastForward',
                    'com.spotify.ffwd.Metric', 'com.spotify.metrics.core.MetricId',
                    'com.spotify.metrics.core.SemanticMetricRegistry', 'java.io.IOException',
                    'java.io.UncheckedIOException', 'java.util.Map', 'java.util.concurrent.ScheduledExecutorService',
                    'java.util.concurrent.TimeUnit'])(SEMANTIC), [
             (1, 'java-00-semantic-metrics-report-scheduled-unguarded',
              'an edit schedules the report directly, so one failed send silently stops all later reports', 'edit'),
             (2, 'java-00-semantic-metrics-debug-line-concatenated',
              'an edit concatenates every metric id into the debug line of each report, even with debug off', 'edit'),
             (0, 'java-ok-00-semantic-metrics-guarded-report-placeholders',
              'clean: the scheduled report catches and logs, debug line with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-01: blocking HTTP server (jiny)
JINY = r'''
/** A blocking HTTP server: one pooled task per accepted connection. */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final int port;
    private final HttpRouter router;
1|    private final ExecutorService executor = Executors.newCachedThreadPool(); //@CONC-02
02|    private final ExecutorService executor = new ThreadPoolExecutor(8, 64, 60, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<>(256), new ThreadPoolExecutor.CallerRunsPolicy());

    public HttpServer(int port, HttpRouter router) {
        this.port = port;
        this.router = router;
    }

    public void start() throws IOException {
        try (ServerSocket serverSocket = new ServerSocket(port)) {
01|            log.info("Listening on port {}", port);
2|            log.info("HTTP server listening on port {} with {}", port, executor);
            while (!Thread.currentThread().isInterrupted()) {
                Socket socket = serverSocket.accept(); //@{2}RES-01
                executor.execute(() -> handle(socket));
            }
        }
    }

    private void handle(Socket socket) {
01|        try (socket) {
2|        try {
            RequestContext ctx = RequestParser.parse(socket.getInputStream());
            HttpResponse response = router.handle(ctx);
            socket.getOutputStream().write(response.toBytes());
2|            socket.close();
        } catch (IOException e) {
            log.warn("Connection from {} failed", socket.getRemoteSocketAddress(), e);
        }
    }
}
'''
JINY_POM = pom('jiny', ['org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'tuhuynh27/jiny/issues/30', src('com.jinyframework.core', 'HttpServer'),
         J('com.jinyframework.core',
           SLF4J + ['com.jinyframework.core.bio.HttpRouter', 'com.jinyframework.core.bio.RequestParser',
                    'com.jinyframework.core.utils.HttpResponse', 'com.jinyframework.core.utils.RequestContext',
                    'java.io.IOException', 'java.net.ServerSocket', 'java.net.Socket',
                    'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                    'java.util.concurrent.Executors', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit'])(JINY), [
             (1, 'java-00-jiny-cached-pool-per-connection',
              'a new server hands every connection to a cached pool, one new thread per client without a limit', 'new',
              [f('pom.xml', new=JINY_POM)]),
             (2, 'java-00-jiny-socket-closed-only-on-success',
              'an edit closes the client socket only when the request was answered, leaking it on every failure',
              'edit'),
             (0, 'java-ok-00-jiny-bounded-pool-socket-in-try',
              'clean: bounded pool with caller-runs back-pressure, socket in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: allocation workers (heapothesys)
HEAPO = r'''
/** Runs the allocation workers for the configured duration and fails when one of them failed. */
public class SimpleRunner extends TaskBase {
    private static final Logger logger = Logger.getLogger(SimpleRunner.class.getName());

    private final SimpleRunConfig config;

    public SimpleRunner(SimpleRunConfig config) {
        this.config = config;
    }

    @Override
    public void start() {
        ExecutorService executor = Executors.newFixedThreadPool(config.getNumOfThreads());
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < config.getNumOfThreads(); i++) {
02|            futures.add(executor.submit(createTask(i)));
1|            executor.submit(createTask(i)); //@CONC-06
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.getDurationInMs() * 2, TimeUnit.MILLISECONDS)) {
                logger.warning("Allocation workers did not finish in time");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            executor.shutdownNow();
01|            Thread.currentThread().interrupt();
01|            return;
2|            logger.warning("Interrupted while waiting for the allocation workers");
        }
02|        for (Future<?> future : futures) {
02|            try {
02|                future.get();
02|            } catch (ExecutionException e) {
02|                throw new IllegalStateException("allocation worker failed", e.getCause());
02|            } catch (InterruptedException e) {
02|                Thread.currentThread().interrupt();
02|                return;
02|            }
02|        }
        logger.info("All allocation workers finished");
    }
}
'''
cases_of(case, GH + 'corretto/heapothesys/issues/27', src('com.amazon.corretto.benchmark.heapothesys', 'SimpleRunner'),
         J('com.amazon.corretto.benchmark.heapothesys',
           ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
            'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.Future',
            'java.util.concurrent.TimeUnit', 'java.util.logging.Logger'])(HEAPO), [
             (1, 'java-00-heapothesys-worker-futures-dropped',
              'an edit submits the workers and drops their futures, so a crashed worker still reports a clean run',
              'edit'),
             (2, 'java-00-heapothesys-await-swallows-interrupt',
              'an edit catches the interrupt of the wait, logs it and goes on as if the run had finished', 'edit'),
             (0, 'java-ok-00-heapothesys-futures-checked-interrupt-restored',
              'clean: each worker future checked, interrupt restored and the pool stopped', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: JDBC query task (plugin-jdbc)
KESTRA = r'''
public abstract class AbstractJdbcBatchQueries extends Task implements JdbcQueriesInterface {
    private static final Logger logger = LoggerFactory.getLogger(AbstractJdbcBatchQueries.class);

    protected abstract Connection connection(RunContext runContext) throws Exception;

    protected int timeoutSeconds() {
        return 60;
    }

    public Output runQueries(RunContext runContext, List<String> queries) throws Exception {
        try (Connection conn = this.connection(runContext)) {
            conn.setAutoCommit(false); //@{1}TX-01
02|            try {
02|                long updated = executeAll(conn, queries);
02|                conn.commit();
02|                return Output.builder().updatedRows(updated).build();
02|            } catch (SQLException | RuntimeException e) {
02|                conn.rollback();
02|                throw e;
02|            }
1|            long updated = executeAll(conn, queries);
1|            conn.commit();
1|            return Output.builder().updatedRows(updated).build();
        }
    }

    private long executeAll(Connection conn, List<String> queries) throws SQLException {
        long updated = 0;
        for (String sql : queries) {
01|            try (Statement stmt = conn.createStatement()) {
01|                stmt.setQueryTimeout(timeoutSeconds());
01|                updated += Math.max(stmt.executeLargeUpdate(sql), 0);
01|            }
2|            Statement stmt = conn.createStatement(); //@RES-01
2|            stmt.setQueryTimeout(timeoutSeconds());
2|            updated += Math.max(stmt.executeLargeUpdate(sql), 0);
        }
        logger.debug("{} queries updated {} rows", queries.size(), updated);
        return updated;
    }
}
'''
cases_of(case, GH + 'kestra-io/plugin-jdbc/pull/460', src('io.kestra.plugin.jdbc', 'AbstractJdbcBatchQueries'),
         J('io.kestra.plugin.jdbc',
           SLF4J + ['io.kestra.core.models.tasks.Task', 'io.kestra.core.runners.RunContext', 'java.sql.Connection',
                    'java.sql.SQLException', 'java.sql.Statement', 'java.util.List'])(KESTRA), [
             (1, 'java-00-plugin-jdbc-failed-batch-not-rolled-back',
              'an edit turns auto-commit off and drops the rollback, so a failed query leaves its transaction open '
              'on the pooled connection', 'edit'),
             (2, 'java-00-plugin-jdbc-statement-per-query-never-closed',
              'an edit creates a statement for each query and never closes it', 'edit'),
             (0, 'java-ok-00-plugin-jdbc-rolled-back-statements-closed',
              'clean: rollback and rethrow on failure, each statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: pricing gRPC client (grpc-spring), generated enum beside
GRPCSPRING = r'''
@Service
public class PricingGrpcClient implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(PricingGrpcClient.class);

    private final ManagedChannel channel;
    private final String target;

    public PricingGrpcClient(@Value("${pricing.grpc.target}") String target) {
        this.target = target;
        this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    }

    public Money quote(String sku, int quantity) {
        QuoteRequest request = QuoteRequest.newBuilder().setSku(sku).setQuantity(quantity).build();
1|        ManagedChannel perCall = ManagedChannelBuilder.forTarget(target).usePlaintext().build(); //@RES-04
1|        QuoteReply reply = PricingGrpc.newBlockingStub(perCall).withDeadlineAfter(2, TimeUnit.SECONDS).quote(request);
0|        QuoteReply reply = PricingGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS).quote(request);
2|        QuoteReply reply = PricingGrpc.newBlockingStub(channel).quote(request); //@TMO-01
        log.debug("quote for {} x {}: {}", quantity, sku, reply.getPrice());
        return reply.getPrice();
    }

    @Override
    public void destroy() throws InterruptedException {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
'''
GRPCSPRING_PROTO = JAVA_GENERATED + r'''// source: pricing.proto

package com.example.shop.pricing.v1;

public enum Currency implements com.google.protobuf.ProtocolMessageEnum {
  CURRENCY_UNSPECIFIED(0),
  EUR(1),
  USD(2),
  UNRECOGNIZED(-1),
  ;

  private final int value;

  Currency(int value) {
    this.value = value;
  }

  public final int getNumber() {
    return value;
  }
}
'''
cases_of(case, GH + 'grpc-ecosystem/grpc-spring/pull/100', src('com.example.shop.checkout.pricing', 'PricingGrpcClient'),
         J('com.example.shop.checkout.pricing',
           SLF4J + ['com.example.shop.pricing.v1.Money', 'com.example.shop.pricing.v1.PricingGrpc',
                    'com.example.shop.pricing.v1.QuoteReply', 'com.example.shop.pricing.v1.QuoteRequest',
                    'io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'java.util.concurrent.TimeUnit',
                    'org.springframework.beans.factory.DisposableBean',
                    'org.springframework.beans.factory.annotation.Value', 'org.springframework.stereotype.Service'])(GRPCSPRING), [
             (1, 'java-00-grpc-spring-channel-per-quote',
              'an edit builds a new managed channel for every quote and never shuts it down', 'edit'),
             (2, 'java-00-grpc-spring-quote-without-deadline',
              'an edit calls the pricing service without a deadline, so a stuck server holds the checkout thread',
              'edit'),
             (0, 'java-ok-00-grpc-spring-shared-channel-with-deadline',
              'clean: the shared channel, a deadline on every call; a generated protobuf enum beside it', 'fix',
              [f('build/generated/source/proto/main/java/com/example/shop/pricing/v1/Currency.java',
                 new=GRPCSPRING_PROTO)]),
         ])


# ---------------------------------------------------------------- ERR-01 / ERR-01: pipeline reconciler (Hoptimator)
HOPTIMATOR = r'''
public class PipelineReconciler implements Reconciler {
    private static final Logger log = LoggerFactory.getLogger(PipelineReconciler.class);

    private final K8sApi<V1alpha1Pipeline, V1alpha1PipelineList> pipelines;
    private final Deployer deployer;

    public PipelineReconciler(K8sApi<V1alpha1Pipeline, V1alpha1PipelineList> pipelines, Deployer deployer) {
        this.pipelines = pipelines;
        this.deployer = deployer;
    }

    @Override
    public Result reconcile(Request request) {
        String name = request.getName();
        String namespace = request.getNamespace();
        V1alpha1Pipeline pipeline;
        try {
            pipeline = pipelines.get(namespace, name);
        } catch (ApiException e) { //@{2}ERR-01
01|            if (e.getCode() == 404) {
01|                log.info("Pipeline {}/{} is gone, nothing to do", namespace, name);
01|                return new Result(false);
01|            }
01|            log.error("Failed to fetch pipeline {}/{}", namespace, name, e);
01|            return new Result(true, retryDelay());
2|            return new Result(false);
        }
        try {
            deployer.update(pipeline.getSpec());
        } catch (SQLException e) { //@{1}ERR-01
02|            log.error("Failed to deploy pipeline {}/{}", namespace, name, e);
02|            return new Result(true, retryDelay());
        }
        log.info("Pipeline {}/{} is ready", namespace, name);
        return new Result(false);
    }

    private Duration retryDelay() {
        return Duration.ofSeconds(30);
    }
}
'''
cases_of(case, GH + 'linkedin/Hoptimator/pull/155', src('com.linkedin.hoptimator.operator.pipeline', 'PipelineReconciler'),
         J('com.linkedin.hoptimator.operator.pipeline',
           SLF4J + ['com.linkedin.hoptimator.Deployer', 'com.linkedin.hoptimator.k8s.K8sApi',
                    'com.linkedin.hoptimator.k8s.models.V1alpha1Pipeline',
                    'com.linkedin.hoptimator.k8s.models.V1alpha1PipelineList',
                    'io.kubernetes.client.extended.controller.reconciler.Reconciler',
                    'io.kubernetes.client.extended.controller.reconciler.Request',
                    'io.kubernetes.client.extended.controller.reconciler.Result',
                    'io.kubernetes.client.openapi.ApiException', 'java.sql.SQLException', 'java.time.Duration'])(HOPTIMATOR), [
             (1, 'java-00-hoptimator-deploy-failure-swallowed',
              'an edit leaves the catch of a failed deployment empty, so the pipeline is reported ready', 'edit'),
             (2, 'java-00-hoptimator-fetch-failure-treated-as-done',
              'an edit answers every failed fetch with a finished result, without a log line or a retry', 'edit'),
             (0, 'java-ok-00-hoptimator-failures-logged-and-requeued',
              'clean: a missing pipeline ends quietly, other failures are logged with their cause and requeued', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-01: test case base (IVCT_Framework)
IVCT = r'''
public abstract class AbstractTestCase {
    private static final long POLL_MILLIS = 200;

    protected Logger logger = LoggerFactory.getLogger(AbstractTestCase.class);
    private final AtomicBoolean sutAnnounced = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private volatile ObjectInstanceHandle sutHandle;

    /** Waits until the federate under test has announced itself or the timeout passes. */
    protected boolean awaitSuT(long timeoutMillis) throws TcInconclusive {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!sutAnnounced.get()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                throw new TcInconclusive("interrupted while waiting for the SuT", e);
1|                logger.debug("poll interrupted, still waiting for the SuT");
            }
        }
        return true;
    }

    /** Called by the RTI ambassador for every reflected attribute update of every federate. */
    public void onReflect(ObjectInstanceHandle handle, AttributeHandleValueMap values) {
        received.incrementAndGet();
2|        logger.info("reflected {} attributes of {}", values.size(), handle); //@LOG-01
        if (handle.equals(sutHandle)) {
            sutAnnounced.set(true);
        }
    }

    protected long receivedUpdates() {
        return received.get();
    }
}
'''
cases_of(case, GH + 'IVCTool/IVCT_Framework/issues/42', src('de.fraunhofer.iosb.tc_lib', 'AbstractTestCase'),
         J('de.fraunhofer.iosb.tc_lib',
           SLF4J + ['hla.rti1516e.AttributeHandleValueMap', 'hla.rti1516e.ObjectInstanceHandle',
                    'java.util.concurrent.atomic.AtomicBoolean', 'java.util.concurrent.atomic.AtomicLong'])(IVCT), [
             (1, 'java-00-ivct-framework-wait-swallows-interrupt',
              'an edit catches the interrupt of the polling wait, logs it at debug and keeps waiting', 'edit'),
             (2, 'java-00-ivct-framework-log-line-per-reflection',
              'an edit logs an info line for every reflected attribute update of every federate', 'edit'),
             (0, 'java-ok-00-ivct-framework-interrupt-restored-quiet-reflect',
              'clean: interrupt restored and reported as inconclusive, updates only counted', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: exchange channels (xchange-stream), CRLF
XCHANGE = r'''
public class BitfinexStreamingService extends JsonNettyStreamingService {
    private static final Logger LOG = LoggerFactory.getLogger(BitfinexStreamingService.class);

02|    private final Map<String, String> subscribedChannels = new ConcurrentHashMap<>();
1|    private final Map<String, String> subscribedChannels = new HashMap<>(); //@CONC-03

    public BitfinexStreamingService(String apiUrl) {
        super(apiUrl, Integer.MAX_VALUE);
    }

    /** Runs on the netty event loop for every frame. */
    @Override
    protected void handleMessage(JsonNode message) {
        if (message.isObject()) {
            if ("subscribed".equals(message.path("event").asText())) {
                subscribedChannels.put(message.get("chanId").asText(),
                        message.get("channel").asText() + "-" + message.path("pair").asText());
            }
            return;
        }
        super.handleMessage(message);
    }

    /** Runs on the reconnect thread after the socket came back. */
    @Override
    public void resubscribeChannels() {
        for (Map.Entry<String, String> channel : subscribedChannels.entrySet()) {
            sendMessage(getSubscribeMessage(channel.getValue()));
        }
    }

    BigDecimal parseDecimal(JsonNode node) {
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Bad decimal in Bitfinex message: " + node, e);
2|            return BigDecimal.ZERO;
        }
    }
}
'''
cases_of(case, GH + 'bitrich-info/xchange-stream/issues/253',
         src('info.bitrich.xchangestream.bitfinex', 'BitfinexStreamingService'),
         J('info.bitrich.xchangestream.bitfinex',
           SLF4J + ['com.fasterxml.jackson.databind.JsonNode', 'info.bitrich.xchangestream.service.netty.JsonNettyStreamingService',
                    'java.math.BigDecimal', 'java.util.HashMap', 'java.util.Map',
                    'java.util.concurrent.ConcurrentHashMap'])(XCHANGE), [
             (1, 'java-00-xchange-stream-channels-plain-hash-map',
              'an edit keeps the subscribed channels in a HashMap the event loop writes while the reconnect thread '
              'iterates it (CRLF)', 'edit'),
             (2, 'java-00-xchange-stream-bad-decimal-read-as-zero',
              'an edit turns an unparsable price into zero instead of failing the message (CRLF)', 'edit'),
             (0, 'java-ok-00-xchange-stream-concurrent-channels-bad-decimal-thrown',
              'clean: ConcurrentHashMap, a bad decimal fails with its cause (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-06: session gauges (hivemq-community-edition)
HIVEMQ = r'''
/** Keeps one gauge per connected client listener and recalculates them off the network threads. */
@Singleton
public class ListenerConnectionGauges {
    private static final Logger log = LoggerFactory.getLogger(ListenerConnectionGauges.class);

    private final MetricRegistry registry;
    private final ExecutorService recalcExecutor;
02|    private final Map<String, AtomicInteger> connectionsPerListener = new ConcurrentHashMap<>();
1|    private final Map<String, AtomicInteger> connectionsPerListener = new HashMap<>(); //@CONC-03

    @Inject
    public ListenerConnectionGauges(MetricRegistry registry, @Named("metrics-recalc") ExecutorService recalcExecutor) {
        this.registry = registry;
        this.recalcExecutor = recalcExecutor;
    }

    /** Called from netty child threads when a client connects. */
    public void connected(String listener) {
        connectionsPerListener.computeIfAbsent(listener, this::register).incrementAndGet();
    }

    /** Called by the scheduled metrics job. */
    public int totalConnections() {
        int total = 0;
        for (AtomicInteger count : connectionsPerListener.values()) {
            total += count.get();
        }
        return total;
    }

    public void listenerRemoved(String listener) {
01|        recalcExecutor.execute(() -> recalculate(listener));
2|        recalcExecutor.submit(() -> recalculate(listener)); //@CONC-06
    }

    private AtomicInteger register(String listener) {
        AtomicInteger count = new AtomicInteger();
        registry.gauge("com.hivemq.networking.connections." + listener + ".current", () -> count::get);
        return count;
    }

    private void recalculate(String listener) {
        AtomicInteger count = connectionsPerListener.remove(listener);
        registry.remove("com.hivemq.networking.connections." + listener + ".current");
        log.debug("Listener {} removed with {} open connections", listener, count == null ? 0 : count.get());
    }
}
'''
cases_of(case, GH + 'hivemq/hivemq-community-edition/pull/215', src('com.hivemq.metrics.gauges', 'ListenerConnectionGauges'),
         J('com.hivemq.metrics.gauges',
           SLF4J + ['com.codahale.metrics.MetricRegistry', 'jakarta.inject.Inject', 'jakarta.inject.Named',
                    'jakarta.inject.Singleton', 'java.util.HashMap', 'java.util.Map',
                    'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService',
                    'java.util.concurrent.atomic.AtomicInteger'])(HIVEMQ), [
             (1, 'java-00-hivemq-listener-counts-plain-hash-map',
              'an edit keeps the per-listener counts in a HashMap written by netty threads while the metrics job reads it',
              'edit'),
             (2, 'java-00-hivemq-recalculation-future-dropped',
              'an edit submits the recalculation and drops its future, so a failure in it is never seen', 'edit'),
             (0, 'java-ok-00-hivemq-concurrent-counts-executed-task',
              'clean: ConcurrentHashMap, the recalculation handed to execute so a failure reaches the handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: triggered abilities (mage)
MAGE = r'''
/** The triggered abilities of one game; the game thread checks them, player threads add and remove them. */
public class TriggeredAbilities {
    private static final Logger logger = Logger.getLogger(TriggeredAbilities.class);

02|    private final Map<String, TriggeredAbility> abilities = new ConcurrentHashMap<>();
1|    private final Map<String, TriggeredAbility> abilities = new HashMap<>(); //@CONC-03

    public void add(TriggeredAbility ability, MageObject source) {
        abilities.put(getKey(ability, source), ability);
    }

    public void remove(TriggeredAbility ability, MageObject source) {
        abilities.remove(getKey(ability, source));
    }

    /** Called for every game event: hundreds per turn. */
    public void checkTriggers(GameEvent event, Game game) {
        for (TriggeredAbility ability : abilities.values()) {
            if (!ability.checkEventType(event, game)) {
                continue;
            }
2|            logger.info("checking trigger " + ability.getRule() + " for " + event.getType()); //@LOG-01|LOG-02
            if (ability.checkTrigger(event, game)) {
                ability.trigger(game, ability.getControllerId(), event);
            }
        }
    }

    private String getKey(TriggeredAbility ability, MageObject source) {
        return source == null ? ability.getId().toString() : ability.getId() + "_" + source.getId();
    }
}
'''
cases_of(case, GH + 'magefree/mage/issues/473', src('mage.abilities', 'TriggeredAbilities'),
         J('mage.abilities',
           ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'mage.MageObject',
            'mage.game.Game', 'mage.game.events.GameEvent', 'org.apache.log4j.Logger'])(MAGE), [
             (1, 'java-00-mage-abilities-plain-hash-map',
              'an edit keeps the triggered abilities in a HashMap that player threads change while the game thread '
              'iterates it', 'edit'),
             (2, 'java-00-mage-info-line-per-trigger-check',
              'an edit logs an info line for every trigger checked against every game event', 'edit'),
             (0, 'java-ok-00-mage-concurrent-abilities-quiet-checks',
              'clean: ConcurrentHashMap, no log line in the trigger check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-01: RakNet server start (JRakNet), two files
JRAKNET = r'''
public class RakNetServer {
    private static final Logger LOG = LogManager.getLogger(RakNetServer.class);

    private final InetSocketAddress address;
    private final RakNetServerHandler handler;
    private volatile boolean running;
    private Channel channel;
    private EventLoopGroup group;

    public RakNetServer(InetSocketAddress address, RakNetServerHandler handler) {
        this.address = address;
        this.handler = handler;
    }

    public void start() throws RakNetException {
01|        group = new NioEventLoopGroup();
2|        group = new NioEventLoopGroup(2); //@RES-01
        try {
            channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.SO_BROADCAST, true).handler(handler)
                    .bind(address).sync().channel();
        } catch (InterruptedException e) {
01|            group.shutdownGracefully();
            Thread.currentThread().interrupt();
            throw new RakNetException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
01|            group.shutdownGracefully();
            throw new RakNetException("cannot bind " + address, e);
        }
        running = true;
02|        Thread updater = ServerThreads.newThread("jraknet-update-" + address.getPort(), this::updateLoop);
1|        Thread updater = new Thread(this::updateLoop, "jraknet-update-" + address.getPort()); //@CONC-01
        updater.start();
        LOG.info("Started RakNet server on {}", address);
    }

    private void updateLoop() {
        while (running) {
            handler.updateSessions();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
'''
JRAKNET_THREADS = '''package com.whirvis.jraknet.server;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Threads of the server: daemon threads whose uncaught failures are logged instead of lost. */
final class ServerThreads {
    private static final Logger LOG = LogManager.getLogger(ServerThreads.class);

    private ServerThreads() {
    }

    static Thread newThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Server thread {} died", t.getName(), e));
        return thread;
    }
}
'''
cases_of(case, GH + 'whirvis/JRakNet/issues/70', src('com.whirvis.jraknet.server', 'RakNetServer'),
         J('com.whirvis.jraknet.server',
           ['com.whirvis.jraknet.RakNetException', 'io.netty.bootstrap.Bootstrap', 'io.netty.channel.Channel',
            'io.netty.channel.ChannelOption', 'io.netty.channel.EventLoopGroup', 'io.netty.channel.nio.NioEventLoopGroup',
            'io.netty.channel.socket.nio.NioDatagramChannel', 'java.net.InetSocketAddress',
            'java.util.concurrent.TimeUnit', 'java.util.concurrent.locks.LockSupport',
            'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(JRAKNET), [
             (1, 'java-00-jraknet-update-loop-on-plain-thread',
              'a new server runs its session update loop on a plain thread with no uncaught-exception handler', 'new'),
             (2, 'java-00-jraknet-event-loop-kept-after-failed-bind',
              'an edit sizes the event loop group and stops shutting it down when the bind fails, leaking its threads', 'edit'),
             (0, 'java-ok-00-jraknet-guarded-update-thread-group-released',
              'clean: the update thread from a factory that logs uncaught failures, group shut down on a failed bind',
              'fix', [f(src('com.whirvis.jraknet.server', 'ServerThreads'), new=JRAKNET_THREADS)]),
         ])
