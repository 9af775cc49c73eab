"""Round-130 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, tst, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TMO-01 / RES-01: TCP connect of a time-series database client (questdb java client)
QDBJ = template('questdb-java-socket-connect', r'''
/**
 * Opens the sender's TCP connection to the first reachable address of the configured host. The connect is bounded by
 * {@code connect_timeout} so that a host that drops SYNs fails over to the next address instead of hanging the
 * sender's constructor; a socket that could not connect is closed before the next address is tried.
 */
public final class PlainSocketFactory implements SocketFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PlainSocketFactory.class);

    private final int connectTimeoutMillis;
    private final int requestTimeoutMillis;

    public PlainSocketFactory(int connectTimeoutMillis, int requestTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public Socket connect(String host, int port) {
        final InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new LineSenderException("could not resolve " + host, e);
        }
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
02|                socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
1|                socket.connect(new InetSocketAddress(address, port)); //@TMO-01
                socket.setSoTimeout(requestTimeoutMillis);
                return socket;
            } catch (IOException e) { //@{2}RES-01
01|                closeQuietly(socket, e);
                LOG.info("could not connect to {}:{}: {}", address, port, e.getMessage());
                last = e;
            }
        }
        throw new LineSenderException("could not connect to " + host + ":" + port, last);
    }
01|
01|    private static void closeQuietly(Socket socket, IOException cause) {
01|        try {
01|            socket.close();
01|        } catch (IOException suppressed) {
01|            cause.addSuppressed(suppressed);
01|        }
01|    }
}
''')
_QDBJ_PKG = 'io.questdb.client.network'
_QDBJ = ['java.io.IOException', 'java.net.InetAddress', 'java.net.InetSocketAddress', 'java.net.Socket',
         'java.net.UnknownHostException', 'io.questdb.client.LineSenderException'] + SLF4J
cases_of(case, GH + 'questdb/java-questdb-client/pull/60', src(_QDBJ_PKG, 'PlainSocketFactory'),
         J(_QDBJ_PKG, _QDBJ)(QDBJ), [
             (1, 'java-00-questdb-socket-connect-without-timeout',
              'an edit connects the sender\'s socket without a timeout, so a host that drops SYNs holds the sender\'s '
              'constructor for the kernel\'s retry time before the next address is tried', 'edit'),
             (2, 'java-00-questdb-failed-socket-left-open',
              'an edit drops the close of a socket whose connect failed before the next address is tried', 'edit'),
             (0, 'java-ok-00-questdb-socket-connect-bounded',
              'clean: the fix bounds the connect by connect_timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: connection of a time-series database JDBC driver (amazon-timestream-driver-jdbc)
TSJDBC = template('timestream-jdbc-connection', r'''
/**
 * A JDBC connection to Amazon Timestream. The connection owns one query client, shared by its statements and by
 * {@link #isValid(int)}; {@link #close()} shuts it down, which also stops its endpoint discovery thread.
 */
public class TimestreamConnection implements java.sql.Connection {
    private static final Logger LOGGER = LoggerFactory.getLogger(TimestreamConnection.class);

    private final AmazonTimestreamQuery queryClient;
    private final Properties connectionProperties;
    private final AtomicBoolean isClosed = new AtomicBoolean(false);
    private final Set<TimestreamStatement> statements = ConcurrentHashMap.newKeySet();

    TimestreamConnection(Properties properties, AmazonTimestreamQueryClientBuilder builder) {
        this.connectionProperties = properties;
        this.queryClient = builder.build();
    }

    @Override
    public Statement createStatement() throws SQLException {
        verifyOpen();
01|        final TimestreamStatement statement = new TimestreamStatement(this, queryClient);
2|        final TimestreamStatement statement = new TimestreamStatement(this, buildQueryClient()); //@RES-04
        statements.add(statement);
        return statement;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("Timeout must not be negative: " + timeout);
        }
        if (isClosed.get()) {
            return false;
        }
        final QueryRequest probe = new QueryRequest().withQueryString("SELECT 1");
        if (timeout > 0) {
            probe.setSdkRequestTimeout((int) TimeUnit.SECONDS.toMillis(timeout));
        }
        try {
02|            queryClient.query(probe);
1|            buildQueryClient().query(probe); //@RES-01
            return true;
        } catch (final SdkClientException | AmazonTimestreamQueryException e) {
            LOGGER.debug("Connection validation failed.", e);
            return false;
        }
    }

    @Override
    public void close() {
        if (!isClosed.compareAndSet(false, true)) {
            return;
        }
        for (TimestreamStatement statement : statements) {
            statement.closeQuietly();
        }
        statements.clear();
        queryClient.shutdown();
    }

    AmazonTimestreamQuery buildQueryClient() {
        return TimestreamClientFactory.queryClient(connectionProperties);
    }

    private void verifyOpen() throws SQLException {
        if (isClosed.get()) {
            throw new SQLException("Connection is closed.");
        }
    }
}
''')
_TS_PKG = 'software.amazon.timestream.jdbc'
_TS = ['com.amazonaws.SdkClientException', 'com.amazonaws.services.timestreamquery.AmazonTimestreamQuery',
       'com.amazonaws.services.timestreamquery.AmazonTimestreamQueryClientBuilder',
       'com.amazonaws.services.timestreamquery.model.AmazonTimestreamQueryException',
       'com.amazonaws.services.timestreamquery.model.QueryRequest', 'java.sql.SQLException', 'java.sql.Statement',
       'java.util.Properties', 'java.util.Set', 'java.util.concurrent.ConcurrentHashMap',
       'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicBoolean'] + SLF4J
cases_of(case, GH + 'awslabs/amazon-timestream-driver-jdbc/pull/48', src(_TS_PKG, 'TimestreamConnection'),
         J(_TS_PKG, _TS)(TSJDBC), [
             (1, 'java-00-timestream-jdbc-validation-client-never-shut-down',
              'an edit validates the connection with a query client built for the call and never shut down, so '
              'every pool validation leaves an endpoint discovery thread running', 'edit'),
             (2, 'java-00-timestream-jdbc-query-client-per-statement',
              'an edit builds a new query client for every statement instead of sharing the connection\'s', 'edit'),
             (0, 'java-ok-00-timestream-jdbc-validation-on-shared-client',
              'clean: the fix validates on the connection\'s own client with a request timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: Elasticsearch client of a log-forwarding function (cloudflare-elastic)
CFELASTIC = template('cloudflare-elastic-forwarder-client', r'''
/**
 * Lambda handler that bulk-indexes the Cloudflare logs of each new S3 object into Elasticsearch. The client is built
 * once per container and reused by every invocation; a client whose index template could not be set up is closed.
 */
public class ElasticLambdaForwarder implements RequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticLambdaForwarder.class);

    private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();
    private final ForwarderConfig config = ForwarderConfig.fromEnvironment();
    private RestHighLevelClient client;

    @Override
    public Void handleRequest(S3Event event, Context context) {
        try {
            RestHighLevelClient es = client();
            for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
                indexObject(es, record.getS3().getBucket().getName(), record.getS3().getObject().getUrlDecodedKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("forwarding to Elasticsearch failed", e);
        }
        return null;
    }

    private synchronized RestHighLevelClient client() throws IOException {
01|        if (client != null) {
01|            return client;
01|        }
        RestHighLevelClient created = newClient(); //@{2}RES-04
        try {
            ensureIndexTemplate(created);
        } catch (IOException | RuntimeException e) { //@{1}RES-01
02|            closeQuietly(created, e);
            throw e;
        }
        client = created;
        return client;
    }

    private RestHighLevelClient newClient() {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(config.elasticHost()))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(5_000).setSocketTimeout(60_000));
        return new RestHighLevelClient(builder);
    }

    private void indexObject(RestHighLevelClient es, String bucket, String key) throws IOException {
        BulkRequest bulk = new BulkRequest(config.indexName());
        try (S3Object object = s3.getObject(bucket, key);
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(object.getObjectContent()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                bulk.add(new IndexRequest().source(line, XContentType.JSON));
            }
        }
        BulkResponse response = es.bulk(bulk, RequestOptions.DEFAULT);
        if (response.hasFailures()) {
            throw new IOException("bulk indexing of " + key + " failed: " + response.buildFailureMessage());
        }
        LOG.info("indexed {} log lines of {}", bulk.numberOfActions(), key);
    }

    private void ensureIndexTemplate(RestHighLevelClient es) throws IOException {
        es.indices().putTemplate(config.indexTemplate(), RequestOptions.DEFAULT);
    }
02|
02|    private static void closeQuietly(RestHighLevelClient created, Exception cause) {
02|        try {
02|            created.close();
02|        } catch (IOException suppressed) {
02|            cause.addSuppressed(suppressed);
02|        }
02|    }
}
''')
_CF_PKG = 'com.cloudflare.elastic'
_CF = ['com.amazonaws.services.lambda.runtime.Context', 'com.amazonaws.services.lambda.runtime.RequestHandler',
       'com.amazonaws.services.lambda.runtime.events.S3Event', 'com.amazonaws.services.s3.AmazonS3',
       'com.amazonaws.services.s3.AmazonS3ClientBuilder', 'com.amazonaws.services.s3.event.S3EventNotification',
       'com.amazonaws.services.s3.model.S3Object', 'java.io.BufferedReader', 'java.io.IOException',
       'java.io.InputStreamReader', 'java.io.UncheckedIOException', 'java.nio.charset.StandardCharsets',
       'java.util.zip.GZIPInputStream', 'org.apache.http.HttpHost', 'org.elasticsearch.action.bulk.BulkRequest',
       'org.elasticsearch.action.bulk.BulkResponse', 'org.elasticsearch.action.index.IndexRequest',
       'org.elasticsearch.client.RequestOptions', 'org.elasticsearch.client.RestClient',
       'org.elasticsearch.client.RestClientBuilder', 'org.elasticsearch.client.RestHighLevelClient',
       'org.elasticsearch.common.xcontent.XContentType'] + SLF4J
cases_of(case, GH + 'cloudflarearchive/cloudflare-elastic/pull/22', src(_CF_PKG, 'ElasticLambdaForwarder'),
         J(_CF_PKG, _CF)(CFELASTIC), [
             (1, 'java-00-cloudflare-elastic-client-left-open-on-setup-error',
              'an edit drops the close of a freshly built client whose index template setup failed, so each failed '
              'invocation leaves its I/O reactor threads behind', 'edit'),
             (2, 'java-00-cloudflare-elastic-client-per-invocation',
              'an edit drops the reuse check, so every invocation builds a new Elasticsearch client and replaces the '
              'previous one', 'edit'),
             (0, 'java-ok-00-cloudflare-elastic-client-reused-and-closed-on-error',
              'clean: the fix reuses one client and closes a client whose setup failed', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: scheduled cache refresher of an observability server (holoinsight)
HOLOCACHE = template('holoinsight-metric-meta-refresher', r'''
/**
 * Keeps the metric metadata of every tenant in memory and refreshes it from the meta store on a fixed delay. The
 * refresher owns its scheduler: Spring starts it after the bean is built and shuts it down with the context.
 */
@Component
public class MetricMetaCacheRefresher implements InitializingBean, DisposableBean {
    private static final Logger LOGGER = LoggerFactory.getLogger(MetricMetaCacheRefresher.class);
    private static final long REFRESH_SECONDS = 60;

    @Autowired
    private MetricMetaService metricMetaService;

    private final Map<String, List<MetricMeta>> cache = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    @Override
    public void afterPropertiesSet() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                new BasicThreadFactory.Builder().namingPattern("metric-meta-refresh-%d").daemon(true).build());
01|        scheduler.scheduleWithFixedDelay(this::refreshSafely, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    @Override
    public void destroy() {
        cache.clear(); //@{1}RES-01
02|        scheduler.shutdownNow();
    }

    public List<MetricMeta> get(String tenant) {
        return cache.getOrDefault(tenant, Collections.emptyList());
    }

01|    private void refreshSafely() {
01|        try {
01|            refresh();
01|        } catch (Exception e) {
01|            LOGGER.error("metric meta refresh failed, keeping the previous cache", e);
01|        }
01|    }
01|
    private void refresh() {
        Map<String, List<MetricMeta>> fresh = metricMetaService.listAllByTenant();
        cache.keySet().retainAll(fresh.keySet());
        cache.putAll(fresh);
        LOGGER.info("metric meta cache refreshed, {} tenants", fresh.size());
    }
}
''')
_HOLO_PKG = 'io.holoinsight.server.home.biz.cache'
_HOLO = ['io.holoinsight.server.home.biz.service.MetricMetaService', 'io.holoinsight.server.home.dal.model.MetricMeta',
         'java.util.Collections', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
         'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
         'java.util.concurrent.TimeUnit', 'org.apache.commons.lang3.concurrent.BasicThreadFactory',
         'org.springframework.beans.factory.DisposableBean', 'org.springframework.beans.factory.InitializingBean',
         'org.springframework.beans.factory.annotation.Autowired', 'org.springframework.stereotype.Component'] + SLF4J
cases_of(case, GH + 'HoloInsight/holoinsight/pull/734', 'server/home/home-biz/' + src(_HOLO_PKG, 'MetricMetaCacheRefresher'),
         J(_HOLO_PKG, _HOLO)(HOLOCACHE), [
             (1, 'java-00-holoinsight-meta-refresher-scheduler-never-shut-down',
              'an edit drops the shutdown of the refresher\'s scheduler from destroy, so every context restart leaves '
              'a refresh thread running', 'edit'),
             (2, 'java-00-holoinsight-meta-refresher-refresh-unguarded',
              'an edit schedules the refresh without its catch, so one failed meta store read stops every later '
              'refresh', 'edit'),
             (0, 'java-ok-00-holoinsight-meta-refresher-shut-down',
              'clean: the fix shuts the scheduler down with the bean', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-02: leader lookup of a search platform's cluster state reader (lucene-solr)
SOLRZK = template('solr-zkstatereader-leader-retry', r'''
/**
 * The part of the cluster state reader that finds shard leaders. {@link #getLeaderRetry} waits for a leader to be
 * registered; an interrupt while waiting is handed back to the caller with the thread's flag set.
 */
public class ZkStateReader implements SolrCloseable {
    private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());
    public static final int GET_LEADER_RETRY_DEFAULT_TIMEOUT = 4000;

    protected volatile ClusterState clusterState;

    public Replica getLeaderRetry(String collection, String shard) throws InterruptedException {
        return getLeaderRetry(collection, shard, GET_LEADER_RETRY_DEFAULT_TIMEOUT);
    }

    /** Get shard leader properties, with retry if none exist. */
    public Replica getLeaderRetry(String collection, String shard, int timeout) throws InterruptedException {
01|        log.debug("Waiting up to {}ms for the leader of {}/{}", timeout, collection, shard);
2|        log.debug("Waiting up to " + timeout + "ms for the leader of " + collection + "/" + shard); //@LOG-02
        AtomicReference<Replica> leader = new AtomicReference<>();
        try {
            waitForState(collection, timeout, TimeUnit.MILLISECONDS, (n, c) -> {
                if (c == null) {
                    return false;
                }
                Replica l = getLeader(n, c, shard);
                if (l != null) {
                    leader.set(l);
                    return true;
                }
                return false;
            });
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            throw e;
02|        } catch (TimeoutException e) {
1|        } catch (TimeoutException | InterruptedException e) { //@CONC-05
            throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "No registered leader was found after waiting for "
                    + timeout + "ms, collection: " + collection + " slice: " + shard + " saw state="
                    + clusterState.getCollectionOrNull(collection) + " with live_nodes=" + clusterState.getLiveNodes());
        }
        return leader.get();
    }

    private Replica getLeader(Set<String> liveNodes, DocCollection docCollection, String shard) {
        Slice slice = docCollection.getSlice(shard);
        if (slice == null) {
            return null;
        }
        Replica leader = slice.getLeader();
        if (leader != null && liveNodes.contains(leader.getNodeName())) {
            return leader;
        }
        return null;
    }
}
''')
_SOLR_PKG = 'org.apache.solr.common.cloud'
_SOLR = ['java.lang.invoke.MethodHandles', 'java.util.Set', 'java.util.concurrent.TimeUnit',
         'java.util.concurrent.TimeoutException', 'java.util.concurrent.atomic.AtomicReference',
         'org.apache.solr.common.SolrCloseable', 'org.apache.solr.common.SolrException'] + SLF4J
cases_of(case, GH + 'apache/lucene-solr/pull/1023', 'solr/solrj/src/java/org/apache/solr/common/cloud/ZkStateReader.java',
         J(_SOLR_PKG, _SOLR)(SOLRZK), [
             (1, 'java-00-solr-leader-retry-swallows-interrupt',
              'an edit folds InterruptedException into the timeout catch and rethrows it as a SolrException, so the '
              'interrupt of a shutting-down node is lost', 'edit'),
             (2, 'java-00-solr-leader-retry-debug-line-concatenated',
              'an edit builds the leader wait\'s debug line by string concatenation', 'edit'),
             (0, 'java-ok-00-solr-leader-retry-restores-interrupt',
              'clean: the fix catches InterruptedException apart, restores the flag and rethrows it', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: Elasticsearch HTTP client of a research profile search (vitro), CRLF file
VITROES = template('vitro-es-http-client', r'''
/**
 * The one HTTP client of the Elasticsearch search engine. It is built once, when the search engine starts, with a
 * bounded connection pool; every request goes through {@link #execute(HttpUriRequest)}, which releases its connection.
 */
public final class ESHttpClient {
    private static final Log log = LogFactory.getLog(ESHttpClient.class);
    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom()
            .setConnectTimeout(5_000)
            .setConnectionRequestTimeout(5_000)
            .setSocketTimeout(30_000)
            .build();
    private static volatile ESHttpClient instance;

    private final String baseUrl;
    private final CloseableHttpClient httpClient;

    private ESHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.httpClient = HttpClients.custom()
                .setDefaultRequestConfig(REQUEST_CONFIG)
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(50)
                .build();
    }

    public static synchronized void initialize(String baseUrl) {
        if (instance == null) {
            instance = new ESHttpClient(baseUrl);
            log.info("Elasticsearch client initialized");
        }
    }

    public static ESHttpClient get() {
        ESHttpClient client = instance;
        if (client == null) {
            throw new IllegalStateException("ESHttpClient is not initialized");
        }
        return client;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** Runs the request and returns the body of a successful response. */
    public String execute(HttpUriRequest request) throws IOException {
0|        try (CloseableHttpResponse response = httpClient.execute(request)) {
2|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(REQUEST_CONFIG).build(); //@RES-04
2|             CloseableHttpResponse response = client.execute(request)) {
02|            int status = response.getStatusLine().getStatusCode();
02|            if (status >= 300) {
02|                throw new IOException("Elasticsearch answered " + status + " to " + request.getMethod() + " " + request.getURI());
02|            }
02|            return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
02|        }
1|        CloseableHttpResponse response = httpClient.execute(request); //@RES-02
1|        int status = response.getStatusLine().getStatusCode();
1|        if (status >= 300) {
1|            throw new IOException("Elasticsearch answered " + status + " to " + request.getMethod() + " " + request.getURI());
1|        }
1|        return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
    }

    public static synchronized void shutdown() throws IOException {
        if (instance != null) {
            instance.httpClient.close();
            instance = null;
        }
    }
}
''')
_VIT_PKG = 'edu.cornell.mannlib.vitro.webapp.searchengine.elasticsearch'
_VIT = ['java.io.IOException', 'java.nio.charset.StandardCharsets', 'org.apache.commons.logging.Log',
        'org.apache.commons.logging.LogFactory', 'org.apache.http.client.config.RequestConfig',
        'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpUriRequest',
        'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
        'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'vivo-project/Vitro/pull/512', 'api/' + src(_VIT_PKG, 'ESHttpClient'),
         J(_VIT_PKG, _VIT)(VITROES), [
             (1, 'java-00-vitro-es-response-not-closed',
              'an edit takes the Elasticsearch response out of its try-with-resources, so every error answer keeps '
              'its pooled connection until the pool is exhausted', 'edit'),
             (2, 'java-00-vitro-es-http-client-per-request',
              'an edit builds a new HTTP client, with its own connection pool, for every request', 'edit'),
             (0, 'java-ok-00-vitro-es-response-closed',
              'clean: the fix reads each response inside try-with-resources on the shared client', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-06 / CONC-02: asynchronous batch flusher of an analytics cube store (datacube), new file
DATACUBE = template('datacube-async-flusher', r'''
/**
 * Flushes batches of cube updates to the database on a bounded pool and watches every flush: monitor threads take
 * the futures in submission order and count and log the flushes that failed, so a failing database is noticed and
 * the futures do not pile up on the heap.
 */
public class AsyncFlusher<T extends Op> implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(AsyncFlusher.class);

    private final DbHarness<T> harness;
    private final ExecutorService flushExecutor;
    private final BlockingQueue<Future<?>> pendingFlushes;
    private final List<Thread> monitors = new ArrayList<>();
    private final AtomicLong flushErrors = new AtomicLong();

    public AsyncFlusher(DbHarness<T> harness, int flushThreads, int monitorThreads, int maxQueuedBatches) {
        this.harness = harness;
01|        this.flushExecutor = new ThreadPoolExecutor(flushThreads, flushThreads, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(maxQueuedBatches), new NamedThreadFactory("datacube-flush"),
01|                new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.flushExecutor = Executors.newFixedThreadPool(flushThreads, new NamedThreadFactory("datacube-flush")); //@CONC-02
        this.pendingFlushes = new ArrayBlockingQueue<>(maxQueuedBatches + flushThreads);
        for (int i = 0; i < monitorThreads; i++) {
            Thread monitor = new Thread(this::watchFlushes, "datacube-flush-monitor-" + i);
            monitor.setDaemon(true);
            monitor.setUncaughtExceptionHandler((t, e) -> log.error("Flush monitor {} died", t.getName(), e));
            monitor.start();
            monitors.add(monitor);
        }
    }

    /** Queues the batch for flushing; blocks while the monitors are behind. */
    public void flushAsync(Batch<T> batch) throws InterruptedException {
02|        pendingFlushes.put(flushExecutor.submit(() -> harness.runBatch(batch)));
1|        flushExecutor.submit(() -> harness.runBatch(batch)); //@CONC-06
    }

    public long flushErrors() {
        return flushErrors.get();
    }

    private void watchFlushes() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pendingFlushes.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                flushErrors.incrementAndGet();
                log.error("Flushing a datacube batch failed", e.getCause());
            }
        }
    }

    @Override
    public void close() throws IOException {
        flushExecutor.shutdown();
        try {
            if (!flushExecutor.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException("datacube flushes still running after a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for datacube flushes");
        } finally {
            monitors.forEach(Thread::interrupt);
        }
    }
}
''')
_DC_PKG = 'com.urbanairship.datacube.dbharnesses'
_DC = ['com.urbanairship.datacube.Batch', 'com.urbanairship.datacube.DbHarness', 'com.urbanairship.datacube.Op',
       'com.urbanairship.datacube.NamedThreadFactory', 'java.io.Closeable', 'java.io.IOException',
       'java.io.InterruptedIOException', 'java.util.ArrayList', 'java.util.List',
       'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
       'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
       'java.util.concurrent.Future', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.atomic.AtomicLong'] + SLF4J
_DCV = {0: _DC, 1: _DC, 2: [i for i in _DC if not i.endswith('ThreadPoolExecutor')] + ['java.util.concurrent.Executors']}
cases_of(case, GH + 'urbanairship/datacube/pull/19', src(_DC_PKG, 'AsyncFlusher'),
         JV(_DC_PKG, _DCV)(DATACUBE), [
             (1, 'java-00-datacube-flush-futures-dropped',
              'a new flusher submits each batch and drops its future, so failed flushes are never seen by the '
              'monitor threads it starts', 'new'),
             (2, 'java-00-datacube-flush-pool-unbounded-queue',
              'a new flusher runs the flushes on a fixed pool whose queue has no bound, so batches pile up on the '
              'heap while the database is slow', 'new'),
             (0, 'java-ok-00-datacube-flusher-bounded-and-watched',
              'clean: the new flusher bounds its queue and hands every future to the monitors', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: Elasticsearch bulk sender of a load-test backend listener (jmeter-elasticsearch-backend-listener)
JMETERES = template('jmeter-es-metric-sender', r'''
/**
 * Buffers the JMeter sample results of one listener and sends them to Elasticsearch in bulk. A bulk in which any item
 * was rejected fails the send, so the listener can report it instead of losing samples silently.
 */
public class ElasticSearchMetricSender {
    private static final Logger logger = LoggerFactory.getLogger(ElasticSearchMetricSender.class);
02|    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RestClient client;
    private final String esIndex;
    private final List<String> metricList = new ArrayList<>();

    public ElasticSearchMetricSender(RestClient client, String esIndex) {
        this.client = client;
        this.esIndex = esIndex;
    }

    public void addToList(String metric) {
        metricList.add(metric);
    }

    public int getListSize() {
        return metricList.size();
    }

    public void sendRequest() throws IOException {
        if (metricList.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        for (String metric : metricList) {
            bulk.append("{ \"index\" : {} }\n").append(metric).append('\n');
        }
        Request request = new Request("POST", "/" + esIndex + "/_bulk");
        request.setEntity(new NStringEntity(bulk.toString(), ContentType.APPLICATION_JSON));
01|        logger.debug("Sending a bulk of {} samples to {}", metricList.size(), esIndex);
2|        logger.debug("Sending a bulk of " + metricList.size() + " samples to " + esIndex); //@LOG-02
02|        Response response = client.performRequest(request);
02|        JsonNode body = MAPPER.readTree(EntityUtils.toString(response.getEntity()));
02|        if (body.path("errors").asBoolean(false)) {
02|            throw new IOException("Elasticsearch rejected part of the bulk to " + esIndex + ": " + firstError(body));
02|        }
1|        client.performRequest(request); //@ERR-01
        metricList.clear();
    }
02|
02|    private static String firstError(JsonNode body) {
02|        for (JsonNode item : body.path("items")) {
02|            JsonNode error = item.path("index").path("error");
02|            if (!error.isMissingNode()) {
02|                return error.path("type").asText() + ": " + error.path("reason").asText();
02|            }
02|        }
02|        return "unknown error";
02|    }
}
''')
_JM_PKG = 'io.github.delirius325.jmeter.backendlistener.elasticsearch'
_JM = ['com.fasterxml.jackson.databind.JsonNode', 'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
       'java.util.ArrayList', 'java.util.List', 'org.apache.http.entity.ContentType',
       'org.apache.http.nio.entity.NStringEntity', 'org.apache.http.util.EntityUtils',
       'org.elasticsearch.client.Request', 'org.elasticsearch.client.Response',
       'org.elasticsearch.client.RestClient'] + SLF4J
_JMV = {0: _JM, 1: [i for i in _JM if not i.endswith(('JsonNode', 'ObjectMapper', 'EntityUtils', '.Response'))], 2: _JM}
cases_of(case, GH + 'anthonygauthier/jmeter-elasticsearch-backend-listener/pull/131', src(_JM_PKG, 'ElasticSearchMetricSender'),
         JV(_JM_PKG, _JMV)(JMETERES), [
             (1, 'java-00-jmeter-es-bulk-errors-ignored',
              'an edit sends the bulk and ignores its response, so items Elasticsearch rejected are cleared from the '
              'buffer as if they had been stored', 'edit'),
             (2, 'java-00-jmeter-es-bulk-debug-line-concatenated',
              'an edit builds the per-bulk debug line by string concatenation', 'edit'),
             (0, 'java-ok-00-jmeter-es-bulk-errors-fail-the-send',
              'clean: the fix reads the bulk response and fails the send on rejected items', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: absolute date parsing of a time-series database (OpenTSDB)
TSDBDATE = template('opentsdb-datetime-parse', r'''
/**
 * Date and time helpers of the TSD. Absolute dates of queries are parsed in the time zone the query names, or in the
 * TSD's configured zone, never in the JVM's default zone.
 */
public final class DateTime {
    private static final TimeZone DEFAULT_TZ = TimeZone.getTimeZone("UTC");

    private DateTime() {
    }

    /**
     * Parses a query's start or end: a relative "1h-ago", a Unix timestamp, or an absolute date such as
     * "2013/01/23-12:34:56" read in the time zone {@code tz}.
     */
    public static long parseDateTimeString(final String datetime, final String tz) {
        if (datetime == null || datetime.isEmpty()) {
            return -1;
        }
        if (datetime.toLowerCase(Locale.ROOT).endsWith("-ago")) {
            return System.currentTimeMillis() - parseDuration(datetime.substring(0, datetime.length() - 4));
        }
        if (datetime.contains("/") || datetime.contains(":")) {
            final SimpleDateFormat fmt;
            switch (datetime.length()) {
                case 10:
                    fmt = new SimpleDateFormat("yyyy/MM/dd");
                    break;
                case 16:
                    fmt = new SimpleDateFormat(datetime.contains("-") ? "yyyy/MM/dd-HH:mm" : "yyyy/MM/dd HH:mm");
                    break;
                case 19:
                    fmt = new SimpleDateFormat(datetime.contains("-") ? "yyyy/MM/dd-HH:mm:ss" : "yyyy/MM/dd HH:mm:ss");
                    break;
                default:
                    throw new IllegalArgumentException("Invalid absolute date: " + datetime);
            }
            fmt.setLenient(false);
02|            setTimeZone(fmt, tz);
            try {
                return fmt.parse(datetime).getTime(); //@{1}TIME-01
            } catch (ParseException e) { //@{2}ERR-01
01|                throw new IllegalArgumentException("Invalid date: " + datetime + ". " + e.getMessage(), e);
2|                return -1;
            }
        }
        try {
            return Long.parseLong(datetime) * (datetime.length() > 10 ? 1 : 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid time: " + datetime + ". " + e.getMessage(), e);
        }
    }

    /** Applies the named zone, or the TSD's default zone when none is named. */
    public static void setTimeZone(final SimpleDateFormat fmt, final String tzname) {
        if (tzname == null || tzname.isEmpty()) {
            fmt.setTimeZone(DEFAULT_TZ);
            return;
        }
        final TimeZone tz = TimeZone.getTimeZone(tzname);
        if ("GMT".equals(tz.getID()) && !"GMT".equalsIgnoreCase(tzname)) {
            throw new IllegalArgumentException("Invalid timezone name: " + tzname);
        }
        fmt.setTimeZone(tz);
    }

    /** Parses "1h", "15m" or "2d" to milliseconds. */
    public static long parseDuration(final String duration) {
        final long interval = Long.parseLong(duration.substring(0, duration.length() - 1));
        switch (duration.charAt(duration.length() - 1)) {
            case 's': return TimeUnit.SECONDS.toMillis(interval);
            case 'm': return TimeUnit.MINUTES.toMillis(interval);
            case 'h': return TimeUnit.HOURS.toMillis(interval);
            case 'd': return TimeUnit.DAYS.toMillis(interval);
            default: throw new IllegalArgumentException("Invalid duration (suffix): " + duration);
        }
    }
}
''')
TSDBDATETEST = r'''
public class TestDateTimeZones {
    @Test
    public void absoluteDateIsReadInTheNamedZone() {
        long utc = DateTime.parseDateTimeString("2013/01/23-12:00:00", "UTC");
        long shanghai = DateTime.parseDateTimeString("2013/01/23-12:00:00", "Asia/Shanghai");
        assertEquals(8 * 3600 * 1000L, utc - shanghai);
    }

    @Test
    public void absoluteDateWithoutZoneIsReadInUtc() {
        assertEquals(1358942400000L, DateTime.parseDateTimeString("2013/01/23-12:00:00", null));
    }

    @Test(expected = IllegalArgumentException.class)
    public void unknownZoneIsRejected() {
        DateTime.parseDateTimeString("2013/01/23-12:00:00", "Mars/Olympus");
    }
}
'''
_TSDB_PKG = 'net.opentsdb.utils'
_TSDB = ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Locale', 'java.util.TimeZone',
         'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'OpenTSDB/opentsdb/issues/87', src(_TSDB_PKG, 'DateTime'),
         J(_TSDB_PKG, _TSDB)(TSDBDATE), [
             (1, 'java-00-opentsdb-absolute-date-in-jvm-zone',
              'an edit drops the zone from the absolute date format, so a query\'s dates are read in whatever zone '
              'the TSD\'s JVM runs in', 'edit'),
             (2, 'java-00-opentsdb-absolute-date-parse-error-swallowed',
              'an edit answers an unparsable absolute date with -1, the "no time given" value, instead of an error',
              'edit'),
             (0, 'java-ok-00-opentsdb-absolute-date-in-named-zone',
              'clean: the fix reads absolute dates in the named or configured zone, with a test beside it', 'fix',
              [f(tst(_TSDB_PKG, 'TestDateTimeZones'),
                 new=java(_TSDB_PKG, ['org.junit.Test', 'static org.junit.Assert.assertEquals'], TSDBDATETEST))]),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-02: Elasticsearch REST service of a data lake platform (kylo), renamed file
KYLOES = template('kylo-elasticsearch-rest-service', r'''
/**
 * Index maintenance of Kylo's search through the Elasticsearch low-level REST client. The client is built once,
 * when the service starts, and closed when the application context stops.
 */
public class ElasticSearchRestService {
    private static final Logger log = LoggerFactory.getLogger(ElasticSearchRestService.class);

    private final ElasticSearchRestClientConfiguration config;
    private RestClient restClient;

    public ElasticSearchRestService(ElasticSearchRestClientConfiguration config) {
        this.config = config;
    }

    @PostConstruct
    public void start() {
        restClient = buildRestClient();
    }

    @PreDestroy
    public void stop() throws IOException {
        if (restClient != null) {
            restClient.close();
        }
    }

    public void commit(String indexName) {
02|        try {
02|            restClient.performRequest(new Request("POST", "/" + indexName + "/_refresh"));
1|        try (RestClient client = buildRestClient()) { //@RES-04
1|            client.performRequest(new Request("POST", "/" + indexName + "/_refresh"));
        } catch (IOException e) {
            throw new IllegalStateException("Failed to refresh index " + indexName, e);
        }
    }

    public void deleteAll(String indexName, String typeName) {
01|        log.debug("Deleting all documents of {}/{}", indexName, typeName);
2|        log.debug("Deleting all documents of " + indexName + "/" + typeName); //@LOG-02
        Request request = new Request("POST", "/" + indexName + "/" + typeName + "/_delete_by_query");
        request.setJsonEntity("{\"query\":{\"match_all\":{}}}");
        try {
            restClient.performRequest(request);
        } catch (IOException e) {
            throw new IllegalStateException("Failed to delete documents of " + indexName + "/" + typeName, e);
        }
    }

    private RestClient buildRestClient() {
        return RestClient.builder(new HttpHost(config.getHost(), config.getPort(), config.getScheme()))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(5_000).setSocketTimeout(30_000))
                .build();
    }
}
''')
_KY_OLD = 'com.thinkbiganalytics.search'
_KY_PKG = 'com.thinkbiganalytics.search.rest'
_KY = ['java.io.IOException', 'javax.annotation.PostConstruct', 'javax.annotation.PreDestroy',
       'org.apache.http.HttpHost', 'org.elasticsearch.client.Request', 'org.elasticsearch.client.RestClient',
       'com.thinkbiganalytics.search.config.ElasticSearchRestClientConfiguration'] + SLF4J
_KY_DIR = 'plugins/search-elasticsearch-rest/'
cases_of(case, GH + 'Teradata/kylo/pull/72', _KY_DIR + src(_KY_PKG, 'ElasticSearchRestService'),
         J(_KY_PKG, _KY)(KYLOES), [
             (1, 'java-00-kylo-renamed-es-service-client-per-commit',
              'the service moves to a rest package and its commit builds and closes a new REST client on every '
              'call instead of using the service\'s client', 'rename'),
             (2, 'java-00-kylo-renamed-es-service-debug-line-concatenated',
              'the service moves to a rest package and builds its delete debug line by string concatenation',
              'rename'),
             (0, 'java-ok-00-kylo-renamed-es-service',
              'clean: the move alone; every call uses the service\'s one client', 'rename'),
         ], rename_from=_KY_DIR + src(_KY_OLD, 'ElasticSearchRestService'),
         rename_old=lambda t: t.replace('package ' + _KY_PKG + ';', 'package ' + _KY_OLD + ';'))
