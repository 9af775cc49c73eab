"""Round-57 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / TMO-01: cluster discovery of a Tarantool client (cartridge-java)
CARTRIDGE = template('cartridge-java-binary-discovery', r'''
/**
 * Asks a router of the Cartridge cluster for the addresses of its storage and router instances.
 */
public class BinaryClusterDiscoverer implements TarantoolClusterDiscoverer {

    private final TarantoolClusterDiscoveryConfig discoveryConfig;
    private final TarantoolClientConfig clientConfig;
    private final TarantoolServerAddress routerAddress;
    private final Function<TarantoolServerAddress, TarantoolClient<TarantoolTuple, TarantoolResult<TarantoolTuple>>> clientFactory;

    public BinaryClusterDiscoverer(TarantoolClusterDiscoveryConfig discoveryConfig, TarantoolClientConfig clientConfig,
                                   Function<TarantoolServerAddress, TarantoolClient<TarantoolTuple, TarantoolResult<TarantoolTuple>>> clientFactory) {
        this.discoveryConfig = discoveryConfig;
        this.clientConfig = clientConfig;
        this.clientFactory = clientFactory;
        this.routerAddress = ((BinaryDiscoveryClusterAddressProvider) discoveryConfig.getEndpoint()).getAddress();
    }

    @Override
    public Collection<TarantoolServerAddress> getAddresses() {
        String function = ((BinaryDiscoveryClusterAddressProvider) discoveryConfig.getEndpoint()).getDiscoveryFunction();
02|        try (TarantoolClient<TarantoolTuple, TarantoolResult<TarantoolTuple>> client = clientFactory.apply(routerAddress)) {
1|        try {
1|            TarantoolClient<TarantoolTuple, TarantoolResult<TarantoolTuple>> client = clientFactory.apply(routerAddress); //@RES-01
01|            List<?> result = client.call(function).get(discoveryConfig.getDiscoveryTimeout(), TimeUnit.MILLISECONDS);
2|            List<?> result = client.call(function).get(); //@TMO-01
            if (result == null || result.isEmpty()) {
                throw new TarantoolClientException("Cluster discovery function %s returned no result", function);
            }
            return parseAddresses((Map<?, ?>) result.get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TarantoolClientException("Interrupted while discovering the cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TarantoolClientException("Cluster discovery through " + routerAddress + " failed", e);
        } catch (Exception e) {
            throw new TarantoolClientException("Cluster discovery through " + routerAddress + " failed", e);
        }
    }

    private Collection<TarantoolServerAddress> parseAddresses(Map<?, ?> servers) {
        Set<TarantoolServerAddress> addresses = new LinkedHashSet<>();
        for (Object value : servers.values()) {
            Map<?, ?> server = (Map<?, ?>) value;
            if (!"healthy".equals(server.get("status"))) {
                continue;
            }
            addresses.add(new TarantoolServerAddress((String) server.get("uri")));
        }
        return addresses;
    }
}
''')
cases_of(case, GH + 'tarantool/cartridge-java/issues/187',
         src('io.tarantool.driver.cluster', 'BinaryClusterDiscoverer'),
         J('io.tarantool.driver.cluster', [
             'io.tarantool.driver.api.TarantoolClient', 'io.tarantool.driver.api.TarantoolClientConfig',
             'io.tarantool.driver.api.TarantoolResult',
             'io.tarantool.driver.api.TarantoolServerAddress', 'io.tarantool.driver.api.tuple.TarantoolTuple',
             'io.tarantool.driver.exceptions.TarantoolClientException', 'java.util.Collection',
             'java.util.LinkedHashSet', 'java.util.List', 'java.util.Map', 'java.util.Set',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException', 'java.util.function.Function'])(CARTRIDGE), [
             (1, 'java-00-cartridge-java-discovery-client-never-closed',
              'an edit opens a client to the router for every discovery and never closes it, so each refresh of '
              'the address list leaves a connection and its threads open until the process runs out of files',
              'edit'),
             (2, 'java-00-cartridge-java-discovery-call-without-timeout',
              'an edit waits for the discovery call without a timeout, so a router that accepts the call and '
              'never answers blocks the refresh thread forever', 'edit'),
             (0, 'java-ok-00-cartridge-java-discovery-client-closed',
              'clean: the fix closes the discovery client by try-with-resources; the call keeps its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: writer of an Elasticsearch sink connector (kafka-connect-elasticsearch)
ESSINK = template('kafka-connect-elasticsearch-writer', r'''
/**
 * Turns sink records into index requests and sends them as bulk requests on the writer's executor.
 */
public class ElasticsearchWriter {
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchWriter.class);

    private final ElasticsearchClient client;
    private final DataConverter converter;
    private final ExecutorService bulkExecutor;
    private final BehaviorOnNullValues behaviorOnNullValues;
    private final long flushTimeoutMs;
    private final List<Future<BulkResponse>> inFlight = new ArrayList<>();

    public ElasticsearchWriter(ElasticsearchClient client, DataConverter converter, ExecutorService bulkExecutor,
                               BehaviorOnNullValues behaviorOnNullValues, long flushTimeoutMs) {
        this.client = client;
        this.converter = converter;
        this.bulkExecutor = bulkExecutor;
        this.behaviorOnNullValues = behaviorOnNullValues;
        this.flushTimeoutMs = flushTimeoutMs;
    }

    public void write(Collection<SinkRecord> records) {
        List<IndexRequest> batch = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            if (record.value() == null && behaviorOnNullValues == BehaviorOnNullValues.IGNORE) {
                log.trace("Ignoring record with null value at {}-{}@{}", record.topic(), record.kafkaPartition(), record.kafkaOffset());
                continue;
            }
            try {
                batch.add(converter.convertRecord(record, indexFor(record.topic())));
            } catch (DataException e) { //@{1}ERR-01
02|                throw new ConnectException("Failed to convert record at " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset(), e);
1|                // a record that cannot be converted is left out of the batch
            }
        }
        if (batch.isEmpty()) {
            return;
        }
01|        inFlight.add(bulkExecutor.submit(() -> client.bulk(batch)));
2|        bulkExecutor.submit(() -> client.bulk(batch)); //@CONC-06
    }

    public void flush() {
        for (Future<BulkResponse> pending : inFlight) {
            try {
                BulkResponse response = pending.get(flushTimeoutMs, TimeUnit.MILLISECONDS);
                if (response.hasFailures()) {
                    throw new ConnectException("Bulk request failed: " + response.buildFailureMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while flushing bulk requests", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new ConnectException("Bulk request failed", e);
            }
        }
        inFlight.clear();
    }

    private String indexFor(String topic) {
        return topic.toLowerCase(Locale.ROOT);
    }
}
''')
cases_of(case, GH + 'confluentinc/kafka-connect-elasticsearch/pull/22',
         src('io.confluent.connect.elasticsearch', 'ElasticsearchWriter'),
         J('io.confluent.connect.elasticsearch', SLF4J + [
             'io.confluent.connect.elasticsearch.ElasticsearchSinkConnectorConfig.BehaviorOnNullValues',
             'java.util.ArrayList', 'java.util.Collection', 'java.util.List', 'java.util.Locale',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException',
             'org.apache.kafka.connect.errors.ConnectException', 'org.apache.kafka.connect.errors.DataException',
             'org.apache.kafka.connect.sink.SinkRecord', 'org.elasticsearch.action.bulk.BulkResponse',
             'org.elasticsearch.action.index.IndexRequest'])(ESSINK), [
             (1, 'java-00-kafka-connect-elasticsearch-conversion-failure-swallowed',
              'an edit leaves a record that fails to convert out of the batch without a word, so its offset is '
              'committed and the document never reaches Elasticsearch', 'edit'),
             (2, 'java-00-kafka-connect-elasticsearch-bulk-future-dropped',
              'an edit submits each bulk request and drops its future, so flush no longer waits for it and a '
              'failed bulk request is never seen before the offsets are committed', 'edit'),
             (0, 'java-ok-00-kafka-connect-elasticsearch-conversion-failure-raised',
              'clean: the fix fails the task on a record that cannot be converted; flush checks every bulk future',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: record mapping of a Cassandra sink (kafka-sink)
KAFKASINK = template('kafka-sink-map-record', r'''
/**
 * Maps the records of one put() to bound statements, grouped by the table they go to.
 */
public class RecordMapper {
    private static final Logger log = LoggerFactory.getLogger(RecordMapper.class);

    private final Map<String, TopicConfig> topicConfigs;
    private final FailedRecordHandler failedRecords;
    private final Counter failedRecordCounter;

    public RecordMapper(Map<String, TopicConfig> topicConfigs, FailedRecordHandler failedRecords, MetricRegistry metrics) {
        this.topicConfigs = topicConfigs;
        this.failedRecords = failedRecords;
        this.failedRecordCounter = metrics.counter("failedRecordCount");
    }

    public Map<String, List<BoundStatement>> mapAll(Collection<SinkRecord> records, Session session) {
        Map<String, List<BoundStatement>> byTable = new HashMap<>();
        for (SinkRecord record : records) {
            TopicConfig topicConfig = topicConfigs.get(record.topic());
            if (topicConfig == null) {
                continue;
            }
            for (TableConfig table : topicConfig.getTableConfigs()) {
                try {
                    BoundStatement statement = table.getMapping().map(new RecordAndStatement(record, table.getInsertStatement(session)));
                    byTable.computeIfAbsent(table.getKeyspaceAndTable(), k -> new ArrayList<>()).add(statement);
01|                    log.debug("Mapped record {}-{}@{} to {}", record.topic(), record.kafkaPartition(), record.kafkaOffset(), table.getKeyspaceAndTable());
2|                    log.debug("Mapped record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + " to " + table.getKeyspaceAndTable()); //@LOG-02
                } catch (Exception e) { //@{1}ERR-01
                    failedRecordCounter.inc();
02|                    log.warn("Error mapping record {}-{}@{} for table {}: {}", record.topic(), record.kafkaPartition(), record.kafkaOffset(), table.getKeyspaceAndTable(), e.getMessage());
02|                    failedRecords.handle(record, table, e);
                }
            }
        }
        return byTable;
    }
}
''')
cases_of(case, GH + 'datastax/kafka-sink/pull/75', src('com.datastax.kafkaconnector', 'RecordMapper'),
         J('com.datastax.kafkaconnector', SLF4J + [
             'com.codahale.metrics.Counter', 'com.codahale.metrics.MetricRegistry',
             'com.datastax.driver.core.BoundStatement', 'com.datastax.driver.core.Session',
             'com.datastax.kafkaconnector.config.TableConfig', 'com.datastax.kafkaconnector.config.TopicConfig',
             'java.util.ArrayList', 'java.util.Collection', 'java.util.HashMap', 'java.util.List', 'java.util.Map',
             'org.apache.kafka.connect.sink.SinkRecord'])(KAFKASINK), [
             (1, 'java-00-kafka-sink-mapping-failure-swallowed',
              'an edit counts a record that fails to map and goes on without logging it or handing it to the '
              'failure handler, so bad records disappear with nothing but a counter to show for them', 'edit'),
             (2, 'java-00-kafka-sink-mapped-record-log-concatenated',
              'an edit builds the debug line of every mapped record by string concatenation, paid for each record '
              'and table even with debug logging off', 'edit'),
             (0, 'java-ok-00-kafka-sink-mapping-failure-logged',
              'clean: the fix logs every mapping failure and hands the record to the failure handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: periodic export of a metrics reporter (monedula-metrics-reporter)
MONEDULA = template('monedula-metrics-exporter', r'''
/**
 * Exports a snapshot of the registry to the collector at a fixed rate, on a single daemon thread.
 */
public final class PeriodicExporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicExporter.class);

    private final MetricSnapshotSource source;
    private final MetricExportClient client;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong failedTicks = new AtomicLong();

    public PeriodicExporter(MetricSnapshotSource source, MetricExportClient client, Duration interval) {
        this.source = source;
        this.client = client;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "monedula-metrics-export");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        long periodMs = interval.toMillis();
02|        scheduler.scheduleAtFixedRate(this::exportTick, periodMs, periodMs, TimeUnit.MILLISECONDS);
1|        scheduler.scheduleAtFixedRate(this::export, periodMs, periodMs, TimeUnit.MILLISECONDS); //@CONC-07
        LOG.info("Exporting metrics every {} ms", periodMs);
    }

02|    private void exportTick() {
02|        try {
02|            export();
02|        } catch (Throwable t) {
02|            failedTicks.incrementAndGet();
02|            LOG.warn("Metrics export tick failed; retrying on the next tick", t);
02|        }
02|    }
02|
    private void export() {
        MetricSnapshot snapshot = source.snapshot();
        if (snapshot.isEmpty()) {
            return;
        }
        client.send(snapshot);
    }

    public long failedTicks() {
        return failedTicks.get();
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
            scheduler.shutdownNow();
01|            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
''')
cases_of(case, GH + 'monedula-dev/monedula-metrics-reporter/pull/13',
         src('dev.monedula.metrics.reporter', 'PeriodicExporter'),
         J('dev.monedula.metrics.reporter', SLF4J + [
             'java.time.Duration', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'])(MONEDULA), [
             (1, 'java-00-monedula-new-exporter-tick-escapes-schedule',
              'a new periodic exporter schedules the export itself at a fixed rate, so the first tick that throws '
              'cancels every later export without a log line', 'new'),
             (2, 'java-00-monedula-new-exporter-close-interrupt-swallowed',
              'a new periodic exporter catches the interrupt while waiting for its scheduler to stop and drops it, '
              'so the thread that closes the reporter forgets it was asked to stop', 'new'),
             (0, 'java-ok-00-monedula-new-exporter',
              'clean: a new periodic exporter whose tick catches everything and whose close restores the interrupt',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: samples of a Kafka topic exporter, renamed (kafka-topic-exporter)
TOPICEXP = template('kafka-topic-exporter-collector', r'''
/**
 * Keeps the latest value of every metric read from the topic; the consumer thread records, the HTTP thread collects.
 */
public class TopicCollector extends Collector {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCollector.class);

    private final Object lock = new Object();
    private final Map<MetricKey, Double> samples = new HashMap<>();
    private final Map<MetricKey, Long> lastSeen = new HashMap<>();
    private final long expireMs;

    public TopicCollector(long expireMs) {
        this.expireMs = expireMs;
    }

    public void record(ConsumerRecord<String, String> rec) {
        KafkaExporterLogEntry entry = KafkaExporterLogEntry.parse(rec.value());
        if (entry == null) {
            return;
        }
        MetricKey key = new MetricKey(rec.topic(), entry.getName(), entry.getLabels());
        long now = System.currentTimeMillis();
2|        LOG.info("Record from {} partition {} offset {}: {}={}", rec.topic(), rec.partition(), rec.offset(), entry.getName(), entry.getValue()); //@LOG-01
02|        synchronized (lock) {
02|            samples.put(key, entry.getValue());
02|            lastSeen.put(key, now);
02|        }
1|        samples.put(key, entry.getValue()); //@CONC-03
1|        lastSeen.put(key, now);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        long now = System.currentTimeMillis();
        Map<String, List<MetricFamilySamples.Sample>> byName = new HashMap<>();
        synchronized (lock) {
            for (Map.Entry<MetricKey, Double> e : samples.entrySet()) {
                Long seen = lastSeen.get(e.getKey());
                if (seen == null || now - seen > expireMs) {
                    continue;
                }
                MetricKey key = e.getKey();
                byName.computeIfAbsent(key.getName(), n -> new ArrayList<>())
                        .add(new MetricFamilySamples.Sample(key.getName(), key.getLabelNames(), key.getLabelValues(), e.getValue()));
            }
        }
        List<MetricFamilySamples> families = new ArrayList<>(byName.size());
        for (Map.Entry<String, List<MetricFamilySamples.Sample>> e : byName.entrySet()) {
            families.add(new MetricFamilySamples(e.getKey(), Type.GAUGE, "", e.getValue()));
        }
        return families;
    }
}
''')
cases_of(case, GH + 'ogibayashi/kafka-topic-exporter/issues/1',
         src('jp.gr.java_conf.ogibayashi.prometheus', 'TopicCollector'),
         J('jp.gr.java_conf.ogibayashi.prometheus', SLF4J + [
             'io.prometheus.client.Collector', 'java.util.ArrayList', 'java.util.HashMap', 'java.util.List',
             'java.util.Map', 'org.apache.kafka.clients.consumer.ConsumerRecord'])(TOPICEXP), [
             (1, 'java-00-kafka-topic-exporter-renamed-samples-unsynchronised',
              'a PR renames the collector and records samples into its HashMaps without the lock the scrape '
              'takes, so a scrape during consumption dies with ConcurrentModificationException', 'rename'),
             (2, 'java-00-kafka-topic-exporter-renamed-line-per-record',
              'a PR renames the collector and logs every consumed record at info, one line per metric sample '
              'read from the topic', 'rename'),
             (0, 'java-ok-00-kafka-topic-exporter-renamed-collector',
              'clean: the rename alone; samples recorded under the lock the scrape takes, no line per record',
              'rename'),
         ], rename_from=src('jp.gr.java_conf.ogibayashi.prometheus', 'KafkaCollector'),
         rename_old=lambda t: t.replace('TopicCollector', 'KafkaCollector'))


# ---------------------------------------------------------------- CONC-03 / TIME-01: metrics context of an embedded-metrics library (aws-embedded-metrics-java)
EMF = template('aws-embedded-metrics-context', r'''
/**
 * The metrics, dimensions and properties one flush serialises; application threads put metrics concurrently.
 */
public class MetricsContext {
02|    private final Map<String, MetricDefinition> metrics = new ConcurrentHashMap<>();
1|    private final Map<String, MetricDefinition> metrics = new HashMap<>();
    private final List<DimensionSet> dimensions = new CopyOnWriteArrayList<>();
    private final Map<String, Object> properties = new ConcurrentHashMap<>();
    private final String namespace;
    private volatile long timestamp;

    public MetricsContext(String namespace) {
        this.namespace = namespace;
01|        this.timestamp = Instant.now().toEpochMilli();
2|        this.timestamp = LocalDateTime.now().toEpochSecond(ZoneOffset.UTC) * 1000L; //@TIME-01
    }

    public void putMetric(String key, double value, Unit unit, StorageResolution resolution) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Metric key must not be empty");
        }
02|        metrics.computeIfAbsent(key, k -> new MetricDefinition(k, unit, resolution)).addValue(value);
1|        MetricDefinition definition = metrics.get(key);
1|        if (definition == null) {
1|            definition = new MetricDefinition(key, unit, resolution);
1|            metrics.put(key, definition); //@CONC-03
1|        }
1|        definition.addValue(value);
    }

    public void putDimensions(DimensionSet dimensionSet) {
        dimensions.add(dimensionSet);
    }

    public void putProperty(String name, Object value) {
        properties.put(name, value);
    }

    public long getTimestamp() {
        return timestamp;
    }

    public Map<String, MetricDefinition> getMetrics() {
        return metrics;
    }

    public String getNamespace() {
        return namespace;
    }
}
''')
EMF_BASE = ['java.time.Instant', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
            'java.util.concurrent.CopyOnWriteArrayList', 'software.amazon.cloudwatchlogs.emf.model.Unit',
            'software.amazon.cloudwatchlogs.emf.model.StorageResolution']
EMF_IMPORTS = {0: EMF_BASE, 1: EMF_BASE + ['java.util.HashMap'],
               2: [i for i in EMF_BASE if i != 'java.time.Instant'] + ['java.time.LocalDateTime', 'java.time.ZoneOffset']}
cases_of(case, GH + 'awslabs/aws-embedded-metrics-java/pull/142',
         src('software.amazon.cloudwatchlogs.emf.model', 'MetricsContext'),
         JV('software.amazon.cloudwatchlogs.emf.model', EMF_IMPORTS)(EMF), [
             (1, 'java-00-aws-embedded-metrics-context-metrics-in-hashmap',
              'an edit keeps the context\'s metrics in a plain HashMap filled by check-then-put, so threads '
              'putting metrics at once lose definitions or see a NullPointerException during a rehash', 'edit'),
             (2, 'java-00-aws-embedded-metrics-context-timestamp-from-local-clock',
              'an edit takes the context\'s timestamp from the local wall clock read as if it were UTC, so on a '
              'host outside UTC every metric lands hours away from when it was measured', 'edit'),
             (0, 'java-ok-00-aws-embedded-metrics-context-concurrent-metrics',
              'clean: the fix keeps metrics in a ConcurrentHashMap filled by computeIfAbsent; the timestamp is an '
              'Instant', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / RES-02: request proxying of a proxy servlet (proxy-servlet)
PROXYSERVLET = template('proxy-servlet-service', r'''
/**
 * Forwards every request it receives to the target URI and copies the answer back.
 */
public class ProxyServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(ProxyServlet.class);

    private URI targetUri;
    private HttpHost targetHost;
    private CloseableHttpClient proxyClient;

    @Override
    protected void service(HttpServletRequest servletRequest, HttpServletResponse servletResponse) throws ServletException, IOException {
        String method = servletRequest.getMethod();
        String proxyRequestUri = rewriteUrlFromRequest(servletRequest);
        HttpRequest proxyRequest = new BasicHttpRequest(method, proxyRequestUri);
        copyRequestHeaders(servletRequest, proxyRequest);
02|        log.debug("proxy {} uri: {} -- {}", method, servletRequest.getRequestURI(), proxyRequestUri);
1|        log.debug("proxy " + method + " uri: " + servletRequest.getRequestURI() + " -- " + proxyRequestUri); //@LOG-02
        try (CloseableHttpResponse proxyResponse = proxyClient.execute(targetHost, proxyRequest)) {
            int statusCode = proxyResponse.getStatusLine().getStatusCode();
            servletResponse.setStatus(statusCode);
            copyResponseHeaders(proxyResponse, servletResponse);
            if (statusCode == HttpServletResponse.SC_NOT_MODIFIED) {
                servletResponse.setIntHeader(HttpHeaders.CONTENT_LENGTH, 0);
            } else {
                copyResponseEntity(proxyResponse, servletResponse);
            }
        } catch (IOException e) {
            log.warn("proxying {} {} failed", method, proxyRequestUri, e);
            if (!servletResponse.isCommitted()) {
                servletResponse.sendError(HttpServletResponse.SC_BAD_GATEWAY);
            }
        }
    }

    protected void copyResponseEntity(HttpResponse proxyResponse, HttpServletResponse servletResponse) throws IOException {
        HttpEntity entity = proxyResponse.getEntity();
        if (entity == null) {
            return;
        }
01|        try (InputStream in = entity.getContent()) {
01|            in.transferTo(servletResponse.getOutputStream());
01|        }
2|        InputStream in = entity.getContent(); //@RES-02
2|        in.transferTo(servletResponse.getOutputStream());
    }

    protected String rewriteUrlFromRequest(HttpServletRequest servletRequest) {
        StringBuilder uri = new StringBuilder(targetUri.toString());
        String pathInfo = servletRequest.getPathInfo();
        if (pathInfo != null) {
            uri.append(pathInfo);
        }
        String query = servletRequest.getQueryString();
        if (query != null && !query.isEmpty()) {
            uri.append('?').append(query);
        }
        return uri.toString();
    }
}
''')
cases_of(case, GH + 'mbaechler/proxy-servlet/pull/6', src('org.mitre.dsmiley.httpproxy', 'ProxyServlet'),
         J('org.mitre.dsmiley.httpproxy', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'javax.servlet.ServletException',
             'javax.servlet.http.HttpServlet', 'javax.servlet.http.HttpServletRequest',
             'javax.servlet.http.HttpServletResponse', 'org.apache.http.HttpEntity', 'org.apache.http.HttpHeaders',
             'org.apache.http.HttpHost', 'org.apache.http.HttpRequest', 'org.apache.http.HttpResponse',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.message.BasicHttpRequest'])(PROXYSERVLET), [
             (1, 'java-00-proxy-servlet-request-log-concatenated',
              'an edit builds the debug line of every proxied request by string concatenation, paid on each '
              'request even with debug logging off', 'edit'),
             (2, 'java-00-proxy-servlet-answer-stream-never-closed',
              'an edit copies the target\'s answer without closing its content stream, so an answer the client '
              'stops reading keeps its pooled connection leased', 'edit'),
             (0, 'java-ok-00-proxy-servlet-request-log-parameterised',
              'clean: the fix logs each proxied request with placeholders; the answer stream is closed', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: batch writes of a JDBC sink in exactly-once mode (chunjun), CRLF
CHUNJUN = template('chunjun-jdbc-output', r'''
/**
 * Writes rows to a JDBC table; in exactly-once mode the rows of a checkpoint form one transaction.
 */
public class JdbcOutputFormat extends BaseRichOutputFormat {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutputFormat.class);

    protected transient Connection dbConn;
    protected transient PreparedStatement batchStatement;
    protected String insertSql;
    protected boolean exactlyOnce;
    protected long rowsOfCurrentTransaction;

    @Override
    protected void writeSingleRecordInternal(RowData row) throws WriteRecordException {
        int index = 0;
01|        try (PreparedStatement single = dbConn.prepareStatement(insertSql)) {
01|            for (; index < row.getArity(); index++) {
01|                single.setObject(index + 1, converter.toExternal(row, index));
01|            }
01|            single.executeUpdate();
01|        } catch (Exception e) {
01|            processWriteException(e, index, row);
01|        }
2|        try {
2|            PreparedStatement single = dbConn.prepareStatement(insertSql); //@RES-01
2|            for (; index < row.getArity(); index++) {
2|                single.setObject(index + 1, converter.toExternal(row, index));
2|            }
2|            single.executeUpdate();
2|        } catch (Exception e) {
2|            processWriteException(e, index, row);
2|        }
    }

    @Override
    protected void writeMultipleRecordsInternal() throws Exception {
        try {
            for (RowData row : rows) {
                for (int index = 0; index < row.getArity(); index++) {
                    batchStatement.setObject(index + 1, converter.toExternal(row, index));
                }
                batchStatement.addBatch();
            }
            batchStatement.executeBatch();
            if (exactlyOnce) {
                rowsOfCurrentTransaction += rows.size();
            } else {
                dbConn.commit();
            }
            batchStatement.clearBatch();
        } catch (Exception e) { //@{1}TX-01
            LOG.warn("write of {} rows failed, rolling back: {}", rows.size(), e.getMessage());
02|            dbConn.rollback();
            rowsOfCurrentTransaction = 0;
            batchStatement.clearBatch();
            throw e;
        }
    }

    @Override
    public void commit(long checkpointId) throws Exception {
        if (!exactlyOnce || rowsOfCurrentTransaction == 0) {
            return;
        }
        dbConn.commit();
        LOG.info("checkpoint {} committed {} rows", checkpointId, rowsOfCurrentTransaction);
        rowsOfCurrentTransaction = 0;
    }
}
''')
cases_of(case, GH + 'DTStack/chunjun/issues/622',
         'chunjun-connectors/chunjun-connector-jdbc-base/' + src('com.dtstack.chunjun.connector.jdbc.sink', 'JdbcOutputFormat'),
         J('com.dtstack.chunjun.connector.jdbc.sink', SLF4J + [
             'com.dtstack.chunjun.sink.format.BaseRichOutputFormat',
             'com.dtstack.chunjun.throwable.WriteRecordException', 'java.sql.Connection',
             'java.sql.PreparedStatement', 'org.apache.flink.table.data.RowData'])(CHUNJUN), [
             (1, 'java-00-chunjun-failed-batch-not-rolled-back',
              'an edit drops the rollback of a failed batch, so in exactly-once mode the half-written rows stay in '
              'the open transaction and the next checkpoint commits them with the retried batch', 'edit'),
             (2, 'java-00-chunjun-single-row-statement-never-closed',
              'an edit prepares a statement for every row written one by one and never closes it, so a run of '
              'single-row fallbacks exhausts the database\'s open cursors', 'edit'),
             (0, 'java-ok-00-chunjun-failed-batch-rolled-back',
              'clean: the fix rolls back every failed batch; single rows use a statement closed by '
              'try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-02: feed download of a feed fetcher (rome-fetcher)
ROMEFETCHER = template('rome-fetcher-retrieve', r'''
/**
 * Fetches feeds over HttpURLConnection, honouring the cache's ETag and Last-Modified values.
 */
public class HttpURLFeedFetcher extends AbstractFeedFetcher {

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 60000;
    static final int DEFAULT_READ_TIMEOUT_MS = 60000;

    private final FeedFetcherCache feedInfoCache;
    private int connectTimeout = DEFAULT_CONNECT_TIMEOUT_MS;
    private int readTimeout = DEFAULT_READ_TIMEOUT_MS;

    public HttpURLFeedFetcher(FeedFetcherCache feedInfoCache) {
        this.feedInfoCache = feedInfoCache;
    }

    @Override
    public SyndFeed retrieveFeed(String userAgent, URL feedUrl) throws IllegalArgumentException, IOException, FeedException, FetcherException {
        if (feedUrl == null) {
            throw new IllegalArgumentException("null is not a valid URL");
        }
        URLConnection connection = feedUrl.openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(connectTimeout);
02|        connection.setReadTimeout(readTimeout);
        if (!(connection instanceof HttpURLConnection)) {
            throw new IllegalArgumentException(feedUrl.toExternalForm() + " is not a valid HTTP Url");
        }
        HttpURLConnection httpConnection = (HttpURLConnection) connection;
        httpConnection.setRequestProperty("User-Agent", userAgent);
        SyndFeedInfo syndFeedInfo = feedInfoCache == null ? null : feedInfoCache.getFeedInfo(feedUrl);
        setRequestHeaders(connection, syndFeedInfo);
        httpConnection.connect();
        int responseCode = httpConnection.getResponseCode();
        fireEvent(FetcherEvent.EVENT_TYPE_FEED_POLLED, connection);
        if (responseCode == HttpURLConnection.HTTP_NOT_MODIFIED && syndFeedInfo != null) {
            fireEvent(FetcherEvent.EVENT_TYPE_FEED_UNCHANGED, connection);
            return syndFeedInfo.getSyndFeed();
        }
        handleErrorCodes(responseCode);
01|        try (InputStream inputStream = new BufferedInputStream(httpConnection.getInputStream())) {
01|            SyndFeed feed = readSyndFeedFromStream(inputStream, connection);
01|            cacheFeed(feedUrl, httpConnection, feed);
01|            return feed;
01|        }
2|        InputStream inputStream = new BufferedInputStream(httpConnection.getInputStream()); //@RES-02
2|        SyndFeed feed = readSyndFeedFromStream(inputStream, connection);
2|        cacheFeed(feedUrl, httpConnection, feed);
2|        return feed;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }
}
''')
cases_of(case, GH + 'rometools/rome-fetcher/pull/11', src('com.rometools.fetcher.impl', 'HttpURLFeedFetcher'),
         J('com.rometools.fetcher.impl', [
             'com.rometools.fetcher.FetcherEvent', 'com.rometools.fetcher.FetcherException',
             'com.rometools.rome.feed.synd.SyndFeed', 'com.rometools.rome.io.FeedException',
             'java.io.BufferedInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection',
             'java.net.URL', 'java.net.URLConnection'])(ROMEFETCHER), [
             (1, 'java-00-rome-fetcher-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the feed connection, so a feed server that stops '
              'answering holds the polling thread forever', 'edit'),
             (2, 'java-00-rome-fetcher-feed-stream-never-closed',
              'an edit reads the feed without closing its input stream, so every poll keeps a socket of the '
              'keep-alive cache and a parse failure leaks it for good', 'edit'),
             (0, 'java-ok-00-rome-fetcher-connection-with-timeouts',
              'clean: the fix sets the connect and read timeouts on every feed connection; the stream is closed',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-04: event delivery of a Flume Elasticsearch sink (flume-elasticsearch-sink)
FLUMEES = template('flume-elasticsearch-sink-process', r'''
/**
 * Takes a batch of events from the channel and hands them to the bulk processor inside one channel transaction.
 */
public class ElasticSearchSink extends AbstractSink implements Configurable {
    private static final Logger logger = LoggerFactory.getLogger(ElasticSearchSink.class);

    private BulkProcessor bulkProcessor;
    private IndexNameBuilder indexNameBuilder;
    private Serializer serializer;
    private SinkCounter sinkCounter;
    private int batchSize;

    @Override
    public Status process() throws EventDeliveryException {
2|        MDC.put("sink", getName()); //@CONC-04
        Channel channel = getChannel();
        Transaction txn = channel.getTransaction();
        txn.begin();
        try {
            int count = 0;
            for (; count < batchSize; count++) {
                Event event = channel.take();
                if (event == null) {
                    break;
                }
                String index = indexNameBuilder.getIndexName(event);
                bulkProcessor.add(new IndexRequest(index).source(serializer.serialize(event), XContentType.JSON));
            }
            if (count == 0) {
                sinkCounter.incrementBatchEmptyCount();
            } else {
                bulkProcessor.flush();
                sinkCounter.addToEventDrainSuccessCount(count);
            }
            txn.commit();
            return count == 0 ? Status.BACKOFF : Status.READY;
        } catch (Throwable t) { //@{1}ERR-01
            txn.rollback();
02|            logger.error("Failed to publish events to Elasticsearch", t);
02|            throw new EventDeliveryException("Failed to publish events", t);
1|            return Status.BACKOFF;
        } finally {
            txn.close();
        }
    }

    @Override
    public void configure(Context context) {
        batchSize = context.getInteger("batchSize", 1000);
        if (sinkCounter == null) {
            sinkCounter = new SinkCounter(getName());
        }
    }
}
''')
FLUMEES_BASE = SLF4J + ['com.cognitree.flume.sink.elasticsearch.client.IndexNameBuilder',
                        'com.cognitree.flume.sink.elasticsearch.client.Serializer', 'org.apache.flume.Channel',
                        'org.apache.flume.Context', 'org.apache.flume.Event', 'org.apache.flume.EventDeliveryException',
                        'org.apache.flume.Transaction', 'org.apache.flume.conf.Configurable',
                        'org.apache.flume.instrumentation.SinkCounter', 'org.apache.flume.sink.AbstractSink',
                        'org.elasticsearch.action.bulk.BulkProcessor', 'org.elasticsearch.action.index.IndexRequest',
                        'org.elasticsearch.common.xcontent.XContentType']
cases_of(case, GH + 'cognitree/flume-elasticsearch-sink/issues/5',
         src('com.cognitree.flume.sink.elasticsearch', 'ElasticSearchSink'),
         JV('com.cognitree.flume.sink.elasticsearch', {0: FLUMEES_BASE, 1: FLUMEES_BASE,
                                                       2: FLUMEES_BASE + ['org.slf4j.MDC']})(FLUMEES), [
             (1, 'java-00-flume-elasticsearch-sink-delivery-failure-swallowed',
              'an edit rolls a failed delivery back and returns BACKOFF without a log line or an exception, so an '
              'unreachable Elasticsearch looks to Flume like an empty channel', 'edit'),
             (2, 'java-00-flume-elasticsearch-sink-sink-name-left-in-mdc',
              'an edit puts the sink\'s name into the MDC on every delivery and never removes it, so the runner '
              'thread logs everything after it under this sink\'s name', 'edit'),
             (0, 'java-ok-00-flume-elasticsearch-sink-delivery-failure-raised',
              'clean: the fix logs a failed delivery and raises EventDeliveryException after the rollback', 'fix'),
         ])
