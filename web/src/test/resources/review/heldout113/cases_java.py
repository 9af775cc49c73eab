"""Round-113 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / ERR-01: scroll streams of a Spring Data module for Elasticsearch (spring-data-elasticsearch)
SDE = template('spring-data-elasticsearch-stream-queries', r'''
/**
 * Turns a scrolled search into an iterator over all its hits. The scroll holds a search context on every shard it
 * touched until it is cleared; the iterator clears it as soon as the last page has been read, and on close, so a
 * caller that iterates to the end does not leave contexts behind until their keep-alive expires.
 */
abstract class StreamQueries {

    static <T> SearchHitsIterator<T> streamResults(int maxCount, SearchScrollHits<T> searchHits,
            Function<String, SearchScrollHits<T>> continueScrollFunction, Consumer<List<String>> clearScrollConsumer) {

        Assert.notNull(searchHits, "searchHits must not be null.");
        Assert.notNull(continueScrollFunction, "continueScrollFunction must not be null.");
        Assert.notNull(clearScrollConsumer, "clearScrollConsumer must not be null.");

        return new SearchHitsIterator<T>() {
            private final AtomicInteger currentCount = new AtomicInteger();
            private final ScrollState scrollState = new ScrollState(searchHits.getScrollId());
            private volatile Iterator<SearchHit<T>> currentScrollHits = searchHits.iterator();
            private volatile boolean continueScroll = currentScrollHits.hasNext();
            private volatile boolean isClosed;

            @Override
            public void close() {
                if (!isClosed) {
01|                    clearScrollConsumer.accept(scrollState.getScrollIds());
2|                    try {
2|                        clearScrollConsumer.accept(scrollState.getScrollIds());
2|                    } catch (RuntimeException ignored) { //@ERR-01
2|                    }
                    isClosed = true;
                }
            }

            @Override
            public boolean hasNext() {
                boolean hasNext = false;
                if (!isClosed && continueScroll && (maxCount <= 0 || currentCount.get() < maxCount)) {
                    if (!currentScrollHits.hasNext()) {
                        SearchScrollHits<T> nextPage = continueScrollFunction.apply(scrollState.getScrollId());
                        currentScrollHits = nextPage.iterator();
                        scrollState.updateScrollId(nextPage.getScrollId());
                        continueScroll = currentScrollHits.hasNext();
                    }
                    hasNext = currentScrollHits.hasNext();
                }
02|                if (!hasNext) {
02|                    close();
02|                }
                return hasNext; //@{1}RES-01
            }

            @Override
            public SearchHit<T> next() {
                if (hasNext()) {
                    currentCount.incrementAndGet();
                    return currentScrollHits.next();
                }
                throw new NoSuchElementException();
            }

            @Override
            public long getTotalHits() {
                return searchHits.getTotalHits();
            }
        };
    }
}
''')
_SDE_PKG = 'org.springframework.data.elasticsearch.core'
_SDE = ['java.util.Iterator', 'java.util.List', 'java.util.NoSuchElementException',
        'java.util.concurrent.atomic.AtomicInteger', 'java.util.function.Consumer', 'java.util.function.Function',
        'org.springframework.data.elasticsearch.core.query.ScrollState', 'org.springframework.util.Assert']
SDE_TEST = f(tst(_SDE_PKG, 'StreamQueriesScrollClearTest'), new=java(_SDE_PKG, sorted([
    'static org.assertj.core.api.Assertions.assertThat', 'java.util.ArrayList', 'java.util.Collections',
    'java.util.List', 'org.junit.jupiter.api.Test']), r'''
class StreamQueriesScrollClearTest {

    @Test
    void clearsTheScrollWhenTheLastPageHasBeenRead() {
        List<List<String>> cleared = new ArrayList<>();
        SearchScrollHits<String> page = TestSearchHits.scrollPage("s-1", "a", "b");
        SearchScrollHits<String> empty = TestSearchHits.scrollPage("s-2");

        SearchHitsIterator<String> it = StreamQueries.streamResults(0, page, id -> empty, cleared::add);
        while (it.hasNext()) {
            it.next();
        }

        assertThat(cleared).containsExactly(List.of("s-1", "s-2"));
        it.close();
        assertThat(cleared).hasSize(1);
    }

    @Test
    void clearsTheScrollOfAnEmptyResultAtOnce() {
        List<List<String>> cleared = new ArrayList<>();
        SearchScrollHits<String> empty = TestSearchHits.scrollPage("s-1");

        SearchHitsIterator<String> it = StreamQueries.streamResults(0, empty, id -> empty, cleared::add);

        assertThat(it.hasNext()).isFalse();
        assertThat(cleared).containsExactly(Collections.singletonList("s-1"));
    }
}
'''))
cases_of(case, GH + 'spring-projects/spring-data-elasticsearch/pull/406', src(_SDE_PKG, 'StreamQueries'),
         J(_SDE_PKG, _SDE)(SDE), [
             (1, 'java-00-spring-data-elasticsearch-exhausted-scroll-not-cleared',
              'an edit stops clearing the scroll when the iterator has read the last page, so every fully read stream '
              'leaves its search contexts open until they expire', 'edit'),
             (2, 'java-00-spring-data-elasticsearch-clear-scroll-failure-swallowed',
              'an edit wraps the clear-scroll call in a catch that drops its failure without a trace', 'edit'),
             (0, 'java-ok-00-spring-data-elasticsearch-exhausted-scroll-cleared',
              'clean: the fix clears the scroll as soon as the last page has been read; the change adds a test beside '
              'it', 'fix', [SDE_TEST]),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-05: shutdown of a file system crawler for Elasticsearch (fscrawler)
FSCRAWLER = template('fscrawler-close', r'''
/**
 * Runs the crawler thread of one job and owns the services it indexes through. close() stops the crawler, waits for
 * its thread to end and then closes the document service, whose bulk processor still holds the last documents of the
 * run: it is given time to flush them before the client underneath goes away.
 */
public class FsCrawlerImpl implements AutoCloseable {
    private static final Logger logger = LogManager.getLogger(FsCrawlerImpl.class);
    private static final long BULK_CLOSE_TIMEOUT_SECONDS = 30;

    private final FsSettings settings;
    private final FsCrawlerDocumentService documentService;
    private final Object semaphore = new Object();
    private Thread fsCrawlerThread;
    private FsParser fsParser;

    public FsCrawlerImpl(FsSettings settings, FsCrawlerDocumentService documentService) {
        this.settings = settings;
        this.documentService = documentService;
    }

    public void start() {
        fsParser = new FsParserAbstract.Local(settings, documentService, semaphore);
        fsCrawlerThread = new Thread(fsParser, "fs-crawler");
        fsCrawlerThread.start();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        logger.debug("Closing FS crawler [{}]", settings.getName());
        if (fsParser != null) {
            fsParser.close();
            synchronized (semaphore) {
                semaphore.notifyAll();
            }
        }
        if (fsCrawlerThread != null) {
            while (fsCrawlerThread.isAlive()) {
                logger.debug("FS crawler thread is still running");
01|                Thread.sleep(500);
2|                try {
2|                    Thread.sleep(500);
2|                } catch (InterruptedException e) { //@CONC-05
2|                    logger.debug("Interrupted while waiting for the crawler thread, waiting again");
2|                }
            }
            logger.debug("FS crawler thread is now stopped");
        }
02|        if (!documentService.awaitClose(BULK_CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
02|            logger.warn("Documents of [{}] were still being sent after {}s", settings.getName(), BULK_CLOSE_TIMEOUT_SECONDS);
02|        }
1|        documentService.close(); //@OPS-01
        logger.info("FS crawler [{}] stopped", settings.getName());
    }
}
''')
_FSC_PKG = 'fr.pilato.elasticsearch.crawler.fs'
_FSC = ['java.io.IOException', 'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager',
        'org.apache.logging.log4j.Logger', 'fr.pilato.elasticsearch.crawler.fs.service.FsCrawlerDocumentService',
        'fr.pilato.elasticsearch.crawler.fs.settings.FsSettings']
cases_of(case, GH + 'dadoonet/fscrawler/issues/547', 'core/' + src(_FSC_PKG, 'FsCrawlerImpl'),
         JV(_FSC_PKG, {0: _FSC, 1: [i for i in _FSC if i != 'java.util.concurrent.TimeUnit'], 2: _FSC})(FSCRAWLER), [
             (1, 'java-00-fscrawler-bulk-closed-without-waiting',
              'an edit closes the document service without giving its bulk processor time to flush, so the last '
              'documents of a run are lost at shutdown', 'edit'),
             (2, 'java-00-fscrawler-close-wait-interrupt-swallowed',
              'an edit catches the interrupt of the wait for the crawler thread, logs it and waits again', 'edit'),
             (0, 'java-ok-00-fscrawler-bulk-awaits-close',
              'clean: the fix waits for the bulk processor to flush before the client closes', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-06: span scope of a search server's tracing (OpenSearch)
OSTRACE = template('opensearch-span-scope', r'''
/**
 * Runs an action with a span as the current span of the thread and restores the previous one after it. Threads of the
 * search pools are reused by every request; a span left behind on one is reported as the parent of whatever runs
 * there next, so the previous span is restored on every path, failures included.
 */
public final class ThreadLocalSpanScope {
    private static final Logger logger = LogManager.getLogger(ThreadLocalSpanScope.class);
    private static final ThreadLocal<SpanReference> CURRENT = new ThreadLocal<>();

    private final SpanExporter exporter;
    private final ExecutorService exportExecutor;

    public ThreadLocalSpanScope(SpanExporter exporter, ExecutorService exportExecutor) {
        this.exporter = exporter;
        this.exportExecutor = exportExecutor;
    }

    public <T> T runInSpan(Span span, Supplier<T> action) {
        SpanReference previous = CURRENT.get();
        CURRENT.set(new SpanReference(span)); //@{1}CONC-04
02|        try {
02|            return action.get();
02|        } finally {
02|            restore(previous);
02|            span.endSpan();
02|            export(span);
02|        }
1|        T result = action.get();
1|        restore(previous);
1|        span.endSpan();
1|        export(span);
1|        return result;
    }

    public static Span current() {
        SpanReference ref = CURRENT.get();
        return ref == null ? null : ref.getSpan();
    }

    private static void restore(SpanReference previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    private void export(Span span) {
01|        CompletableFuture.runAsync(() -> exporter.export(span), exportExecutor).whenComplete((ignored, e) -> {
01|            if (e != null) {
01|                logger.warn(() -> new ParameterizedMessage("failed to export span [{}]", span.getSpanName()), e);
01|            }
01|        });
2|        exportExecutor.submit(() -> exporter.export(span)); //@CONC-06
    }
}
''')
_OST_PKG = 'org.opensearch.telemetry.tracing'
_OST = ['java.util.concurrent.ExecutorService', 'java.util.function.Supplier', 'org.apache.logging.log4j.LogManager',
        'org.apache.logging.log4j.Logger']
_OST_ASYNC = ['java.util.concurrent.CompletableFuture', 'org.apache.logging.log4j.message.ParameterizedMessage']
cases_of(case, GH + 'opensearch-project/OpenSearch/pull/11277', 'server/' + src(_OST_PKG, 'ThreadLocalSpanScope'),
         JV(_OST_PKG, {0: _OST + _OST_ASYNC, 1: _OST + _OST_ASYNC, 2: _OST})(OSTRACE), [
             (1, 'java-00-opensearch-span-not-restored-on-failure',
              'an edit restores the previous span after the action without a finally, so a failing action leaves its '
              'span on the pooled thread', 'edit'),
             (2, 'java-00-opensearch-span-export-future-dropped',
              'an edit submits the span export and drops its future, so a failed export is never seen', 'edit'),
             (0, 'java-ok-00-opensearch-span-restored-in-finally',
              'clean: the fix restores the previous span in a finally', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-07: local region cache of a Hibernate second-level cache on an in-memory data grid (hazelcast-hibernate)
HZH = template('hazelcast-hibernate-local-region', r'''
/**
 * A region cache held in the member's own memory. Updates of a region are announced to the other members on a topic;
 * an invalidation message carries the instant of the change, and a member drops its entry when the entry is older.
 * The instant travels as epoch milliseconds, so members whose JVMs run in different zones compare the same instant.
 * A cleanup task evicts expired entries of every local region once a minute.
 */
public class LocalRegionCache implements RegionCache {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRegionCache.class);
    private static final long CLEANUP_DELAY_SECONDS = 60;
    private static final ScheduledExecutorService CLEANUP =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("hz-hibernate-cleanup"));

    private final String name;
    private final ITopic<Invalidation> topic;
    private final ConcurrentMap<Object, Expirable> cache = new ConcurrentHashMap<>();

    public LocalRegionCache(String name, HazelcastInstance hazelcastInstance) {
        this.name = name;
        this.topic = hazelcastInstance.getTopic(name);
        this.topic.addMessageListener(message -> maybeInvalidate(message.getMessageObject()));
01|        CLEANUP.scheduleWithFixedDelay(this::cleanupSafely, CLEANUP_DELAY_SECONDS, CLEANUP_DELAY_SECONDS, TimeUnit.SECONDS);
2|        CLEANUP.scheduleWithFixedDelay(this::cleanup, CLEANUP_DELAY_SECONDS, CLEANUP_DELAY_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    @Override
    public boolean put(Object key, Object value, long txTimestamp, Object version) {
        cache.put(key, new Expirable(value, txTimestamp, version));
02|        topic.publish(new Invalidation(key, Instant.now().toEpochMilli()));
1|        topic.publish(new Invalidation(key, LocalDateTime.now().toString())); //@TIME-01
        return true;
    }

    void maybeInvalidate(Invalidation invalidation) {
        Expirable current = cache.get(invalidation.getKey());
02|        long changedAt = invalidation.getChangedAtEpochMilli();
1|        long changedAt = LocalDateTime.parse(invalidation.getChangedAt()).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        if (current != null && current.getTimestamp() < changedAt) {
            cache.remove(invalidation.getKey(), current);
        }
    }

02|    private void cleanupSafely() {
02|        try {
02|            cleanup();
02|        } catch (RuntimeException e) {
02|            LOG.warn("Cleanup of local region {} failed; retrying in {}s", name, CLEANUP_DELAY_SECONDS, e);
02|        }
02|    }
02|
    void cleanup() {
        long now = System.currentTimeMillis();
        cache.entrySet().removeIf(e -> e.getValue().isExpiredAt(now));
    }
}
''')
_HZH_PKG = 'com.hazelcast.hibernate.local'
_HZH = ['com.hazelcast.core.HazelcastInstance', 'com.hazelcast.topic.ITopic',
        'com.hazelcast.hibernate.RegionCache', 'com.hazelcast.internal.util.executor.NamedThreadFactory',
        'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ConcurrentMap',
        'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
        'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
cases_of(case, GH + 'hazelcast/hazelcast-hibernate/pull/79', 'hazelcast-hibernate53/' + src(_HZH_PKG, 'LocalRegionCache'),
         JV(_HZH_PKG, {0: _HZH + ['java.time.Instant'],
                       1: _HZH + ['java.time.LocalDateTime', 'java.time.ZoneId'],
                       2: _HZH + ['java.time.Instant']})(HZH), [
             (1, 'java-00-hazelcast-hibernate-invalidation-in-local-time',
              'an edit stamps each invalidation with the member\'s local date and time and reads it back in the '
              'receiver\'s zone, so members in other zones compare shifted instants', 'edit'),
             (2, 'java-00-hazelcast-hibernate-cleanup-scheduled-unguarded',
              'an edit schedules the region cleanup without its catch, so one failing cleanup stops it for good',
              'edit'),
             (0, 'java-ok-00-hazelcast-hibernate-invalidation-as-epoch-millis',
              'clean: the fix sends the instant of a change as epoch milliseconds', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-02: reporter thread of an Elasticsearch StatsD plugin (elasticsearch-statsd-plugin), new file
STATSD = template('statsd-plugin-service', r'''
/**
 * Sends the node's statistics to StatsD every reporting interval from one daemon thread. The StatsD client owns a
 * sender thread and a socket; it is built once when the service starts and stopped with it.
 */
public class StatsdService extends AbstractLifecycleComponent<StatsdService> {
    private final ClusterService clusterService;
    private final IndicesService indicesService;
    private final NodeService nodeService;
    private final String host;
    private final int port;
    private final String prefix;
    private final TimeValue interval;
02|    private volatile StatsDClient statsdClient;
    private volatile Thread reporterThread;
    private volatile boolean closed;

    @Inject
    public StatsdService(Settings settings, ClusterService clusterService, IndicesService indicesService, NodeService nodeService) {
        super(settings);
        this.clusterService = clusterService;
        this.indicesService = indicesService;
        this.nodeService = nodeService;
        this.host = settings.get("metrics.statsd.host");
        this.port = settings.getAsInt("metrics.statsd.port", 8125);
        this.prefix = settings.get("metrics.statsd.prefix", "elasticsearch." + settings.get("cluster.name"));
        this.interval = settings.getAsTime("metrics.statsd.every", TimeValue.timeValueMinutes(1));
    }

    @Override
    protected void doStart() {
        if (host == null) {
            logger.error("StatsD reporting disabled, no StatsD host configured");
            return;
        }
02|        statsdClient = new NonBlockingStatsDClient(prefix, host, port);
        reporterThread = EsExecutors.daemonThreadFactory(settings, "statsd_reporter").newThread(new Reporter());
        reporterThread.start();
        logger.info("StatsD reporting triggered every [{}] to host [{}:{}]", interval, host, port);
    }

    @Override
    protected void doStop() {
        closed = true;
        if (reporterThread != null) {
            reporterThread.interrupt();
        }
02|        if (statsdClient != null) {
02|            statsdClient.stop();
02|        }
    }

    @Override
    protected void doClose() {
    }

    private class Reporter implements Runnable {
        @Override
        public void run() {
            while (!closed) {
                DiscoveryNode node = clusterService.localNode();
                if (node != null && clusterService.state().nodes().localNodeMaster() != null) {
1|                    StatsDClient statsdClient = new NonBlockingStatsDClient(prefix, host, port); //@RES-04
01|                    logger.debug("Reporting statistics of node [{}] to [{}:{}]", node.getName(), host, port);
2|                    logger.debug("Reporting statistics of node [" + node.getName() + "] to [" + host + ":" + port + "]"); //@LOG-02
                    NodeStats stats = nodeService.stats(CommonStatsFlags.ALL, true, true, true, true, true, true, true, true, true);
                    new NodeStatsReporter(statsdClient, node.getName(), stats, indicesService.stats(false)).run();
                }
                try {
                    Thread.sleep(interval.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
''')
_STATSD_PKG = 'org.elasticsearch.service.statsd'
_STATSD = ['com.timgroup.statsd.NonBlockingStatsDClient', 'com.timgroup.statsd.StatsDClient',
           'org.elasticsearch.action.admin.indices.stats.CommonStatsFlags', 'org.elasticsearch.cluster.ClusterService',
           'org.elasticsearch.cluster.node.DiscoveryNode', 'org.elasticsearch.common.component.AbstractLifecycleComponent',
           'org.elasticsearch.common.inject.Inject', 'org.elasticsearch.common.settings.Settings',
           'org.elasticsearch.common.unit.TimeValue', 'org.elasticsearch.common.util.concurrent.EsExecutors',
           'org.elasticsearch.action.admin.cluster.node.stats.NodeStats', 'org.elasticsearch.indices.IndicesService',
           'org.elasticsearch.node.service.NodeService']
cases_of(case, GH + 'swoop-inc/elasticsearch-statsd-plugin/pull/1', src(_STATSD_PKG, 'StatsdService'),
         J(_STATSD_PKG, _STATSD)(STATSD), [
             (1, 'java-00-statsd-plugin-client-per-report',
              'a new reporting service builds a StatsD client, with its sender thread, for every report and never '
              'stops it', 'new'),
             (2, 'java-00-statsd-plugin-report-debug-concatenated',
              'a new reporting service builds its per-report debug line by string concatenation', 'new'),
             (0, 'java-ok-00-statsd-plugin-one-client-per-service',
              'clean: the service builds one StatsD client at start and stops it with the service', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: low-level Elasticsearch client of a database framework (sirius-db)
SIRIUS = template('sirius-db-es-client', r'''
/**
 * Builds the low-level REST client the Elastic layer of sirius talks through and runs raw requests on it. Every
 * request has a connect and a socket timeout: under load a node that stops answering must fail the request, not hold
 * a caller thread and a pooled connection forever.
 */
@Register(classes = ElasticClientFactory.class)
public class ElasticClientFactory {
    @ConfigValue("elasticsearch.connectTimeout")
    private Duration connectTimeout;

    @ConfigValue("elasticsearch.socketTimeout")
    private Duration socketTimeout;

    @ConfigValue("elasticsearch.hosts")
    private List<String> hosts;

    public RestClient createClient() {
        HttpHost[] httpHosts = hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        return RestClient.builder(httpHosts) //@{1}TMO-01
02|                .setRequestConfigCallback(config -> config.setConnectTimeout((int) connectTimeout.toMillis())
02|                        .setSocketTimeout((int) socketTimeout.toMillis()))
                .setHttpClientConfigCallback(http -> http.setMaxConnTotal(100).setMaxConnPerRoute(50))
                .build();
    }

    /**
     * Runs a raw request and returns its JSON body.
     */
    public ObjectNode execute(RestClient client, Request request) throws IOException {
        Response response = client.performRequest(request); //@{2}RES-02
01|        String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
01|        return Json.parseObject(body);
2|        InputStream body = response.getEntity().getContent();
2|        return Json.parseObject(new String(body.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8));
    }

    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
}
''')
_SIR_PKG = 'sirius.db.es'
_SIR = ['com.fasterxml.jackson.databind.node.ObjectNode', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
        'java.time.Duration', 'java.util.List', 'org.apache.http.HttpHost', 'org.elasticsearch.client.Request',
        'org.elasticsearch.client.Response', 'org.elasticsearch.client.RestClient', 'sirius.kernel.commons.Json',
        'sirius.kernel.di.std.ConfigValue', 'sirius.kernel.di.std.Register']
cases_of(case, GH + 'scireum/sirius-db/pull/162', src(_SIR_PKG, 'ElasticClientFactory'),
         JV(_SIR_PKG, {0: _SIR + ['org.apache.http.util.EntityUtils'], 1: _SIR + ['org.apache.http.util.EntityUtils'],
                       2: _SIR + ['java.io.InputStream']})(SIRIUS), [
             (1, 'java-00-sirius-db-es-client-without-timeouts',
              'an edit builds the Elasticsearch REST client without its request configuration, so requests have no '
              'connect or socket timeout', 'edit'),
             (2, 'java-00-sirius-db-es-response-stream-left-open',
              'an edit reads a raw response from its entity stream and never closes it, keeping the connection',
              'edit'),
             (0, 'java-ok-00-sirius-db-es-client-with-timeouts',
              'clean: the fix gives the REST client a connect and a socket timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: ranker query of a learning-to-rank search plugin (elasticsearch-learning-to-rank)
LTR = template('ltr-ranker-query', r'''
/**
 * Scores documents with a ranking model over a set of feature queries. One RankerQuery can be shared by the search
 * threads of every shard of a request, so it holds no per-search state: each weight gets its own feature vector.
 */
public class RankerQuery extends Query {
    private static final Logger LOGGER = LogManager.getLogger(RankerQuery.class);

    private final List<Query> queries;
    private final FeatureSet features;
    private final LtrRanker ranker;
1|    private LtrRanker.FeatureVector featureVector;

    private RankerQuery(List<Query> queries, FeatureSet features, LtrRanker ranker) {
        this.queries = Objects.requireNonNull(queries);
        this.features = Objects.requireNonNull(features);
        this.ranker = Objects.requireNonNull(ranker);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (!scoreMode.needsScores()) {
            return new MatchAllDocsQuery().createWeight(searcher, scoreMode, boost);
        }
2|        LOGGER.info("Building ranker weight for model [{}] with [{}] features", ranker.name(), features.size()); //@LOG-01
        List<Weight> weights = new ArrayList<>(queries.size());
        for (Query q : queries) {
            weights.add(searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE, boost));
        }
02|        LtrRanker.FeatureVector vector = ranker.newFeatureVector(null);
02|        return new RankerWeight(this, weights, vector);
1|        featureVector = ranker.newFeatureVector(featureVector); //@CONC-03
1|        return new RankerWeight(this, weights, featureVector);
    }

    @Override
    public boolean equals(Object obj) {
        if (!sameClassAs(obj)) {
            return false;
        }
        RankerQuery that = (RankerQuery) obj;
        return queries.equals(that.queries) && features.equals(that.features) && ranker.equals(that.ranker);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + Objects.hash(queries, features, ranker);
    }

    @Override
    public String toString(String field) {
        return "rankerquery:" + field;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor sub = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
        for (Query q : queries) {
            q.visit(sub);
        }
    }
}
''')
_LTR_PKG = 'com.o19s.es.ltr.query'
_LTR = ['com.o19s.es.ltr.feature.FeatureSet', 'com.o19s.es.ltr.ranker.LtrRanker', 'java.io.IOException',
        'java.util.ArrayList', 'java.util.List', 'java.util.Objects', 'org.apache.lucene.search.BooleanClause',
        'org.apache.lucene.search.IndexSearcher', 'org.apache.lucene.search.MatchAllDocsQuery',
        'org.apache.lucene.search.Query', 'org.apache.lucene.search.QueryVisitor', 'org.apache.lucene.search.ScoreMode',
        'org.apache.lucene.search.Weight']
_LOG4J = ['org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
cases_of(case, GH + 'o19s/elasticsearch-learning-to-rank/pull/182', src(_LTR_PKG, 'RankerQuery'),
         J(_LTR_PKG, _LTR + _LOG4J)(LTR), [
             (1, 'java-00-ltr-feature-vector-shared-by-search-threads',
              'an edit keeps the feature vector in a field of the shared query, which the search threads of every '
              'shard overwrite and read at once', 'edit'),
             (2, 'java-00-ltr-logs-every-ranker-weight',
              'an edit logs at info each ranker weight built, once per shard of every search', 'edit'),
             (0, 'java-ok-00-ltr-feature-vector-per-weight',
              'clean: each weight gets its own feature vector and nothing is logged per weight', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: Shiro cache manager of an embedded cache (ehcache-shiro), renamed file
SHIRO = template('ehcache-shiro-manager', r'''
/**
 * Shiro's CacheManager on Ehcache 3. init() builds a CacheManager from the configuration when none was set; a
 * manager built here is owned here and closed by destroy(), or when another manager replaces it.
 */
public class EhcacheShiroManager implements CacheManager, Initializable, Destroyable {
    private static final Logger log = LoggerFactory.getLogger(EhcacheShiroManager.class);

    private volatile org.ehcache.CacheManager manager;
    private volatile boolean cacheManagerImplicitlyCreated;
    private String cacheManagerConfigFile = "classpath:org/ehcache/integrations/shiro/ehcache.xml";

    public org.ehcache.CacheManager getCacheManager() {
        return manager;
    }

    public void setCacheManager(org.ehcache.CacheManager cacheManager) {
02|        if (cacheManagerImplicitlyCreated && manager != null) {
02|            manager.close();
02|        }
        this.manager = cacheManager; //@{1}RES-01
        this.cacheManagerImplicitlyCreated = false;
    }

    @Override
    public <K, V> Cache<K, V> getCache(String name) throws CacheException {
01|        log.trace("Acquiring EhcacheShiro instance named [{}]", name);
2|        log.trace("Acquiring EhcacheShiro instance named [" + name + "]"); //@LOG-02
        org.ehcache.Cache<Object, Object> cache = ensureCacheManager().getCache(name, Object.class, Object.class);
        if (cache == null) {
            log.info("Cache with name {} does not yet exist.  Creating now.", name);
            cache = createCache(name);
        }
        return new EhcacheShiro<>(cache);
    }

    @Override
    public void init() throws ShiroException {
        ensureCacheManager();
    }

    private synchronized org.ehcache.CacheManager ensureCacheManager() {
        if (manager == null) {
            manager = CacheManagerBuilder.newCacheManager(new XmlConfiguration(getCacheManagerConfigFileUrl()));
            manager.init();
            cacheManagerImplicitlyCreated = true;
        }
        return manager;
    }

    @Override
    public void destroy() throws Exception {
        if (cacheManagerImplicitlyCreated && manager != null) {
            manager.close();
        }
        manager = null;
        cacheManagerImplicitlyCreated = false;
    }

    private synchronized org.ehcache.Cache<Object, Object> createCache(String name) {
        return manager.createCache(name, manager.getRuntimeConfiguration().getCacheConfigurations().get("default"));
    }

    private URL getCacheManagerConfigFileUrl() {
        URL url = EhcacheShiroManager.class.getResource(cacheManagerConfigFile.replace("classpath:", "/"));
        if (url == null) {
            throw new ConfigurationException("Unable to find the Ehcache configuration " + cacheManagerConfigFile);
        }
        return url;
    }
}
''')
_SH_PKG = 'org.ehcache.integrations.shiro.manager'
_SH = ['java.net.URL', 'org.apache.shiro.ShiroException',
       'org.apache.shiro.cache.Cache', 'org.apache.shiro.cache.CacheException', 'org.apache.shiro.cache.CacheManager',
       'org.apache.shiro.config.ConfigurationException',
       'org.apache.shiro.util.Destroyable', 'org.apache.shiro.util.Initializable',
       'org.ehcache.config.builders.CacheManagerBuilder', 'org.ehcache.integrations.shiro.EhcacheShiro',
       'org.ehcache.xml.XmlConfiguration'] + SLF4J
cases_of(case, GH + 'ehcache/ehcache-shiro/issues/12', src(_SH_PKG, 'EhcacheShiroManager'),
         J(_SH_PKG, _SH)(SHIRO), [
             (1, 'java-00-ehcache-shiro-moved-implicit-manager-left-open',
              'a move of the Shiro cache manager into a manager package also lets a set cache manager replace the '
              'one init() built without closing it', 'rename'),
             (2, 'java-00-ehcache-shiro-moved-trace-concatenated',
              'a move of the Shiro cache manager into a manager package also builds the trace line of every cache '
              'lookup by concatenation', 'rename'),
             (0, 'java-ok-00-ehcache-shiro-moved-manager',
              'clean: the move alone; a replaced implicit manager is closed', 'rename'),
         ], rename_from=src('org.ehcache.integrations.shiro', 'EhcacheShiroManager'),
         rename_old=lambda t: t.replace('package org.ehcache.integrations.shiro.manager;',
                                        'package org.ehcache.integrations.shiro;').replace(
                                            'import org.ehcache.integrations.shiro.EhcacheShiro;\n', ''))


# ---------------------------------------------------------------- RES-01 / ERR-01: journal cleanup of an embedded LRU disk cache (DiskLruCache), CRLF file
DISKLRU = template('disklrucache-close', r'''
/**
 * A cache of files on disk with a bounded size. Trimming and journal compaction run on one background thread; at most
 * one cleanup waits behind the running one, since a second would do the same work. close() aborts open edits, trims
 * the cache, closes the journal and shuts the cleanup thread down.
 */
public final class DiskLruCache implements Closeable {
    final ThreadPoolExecutor executorService = new ThreadPoolExecutor(0, 1, 60L, TimeUnit.SECONDS,
            new ArrayBlockingQueue<Runnable>(1), new ThreadPoolExecutor.DiscardPolicy());

    private final LinkedHashMap<String, Entry> lruEntries = new LinkedHashMap<String, Entry>(0, 0.75f, true);
    private final long maxSize;
    private long size;
    private Writer journalWriter;
    private int redundantOpCount;

    private final Callable<Void> cleanupCallable = new Callable<Void>() {
        public Void call() throws Exception {
            synchronized (DiskLruCache.this) {
                if (journalWriter == null) {
                    return null; // Closed.
                }
                trimToSize();
                if (journalRebuildRequired()) {
01|                    rebuildJournal();
2|                    try {
2|                        rebuildJournal();
2|                    } catch (IOException ignored) { //@ERR-01
2|                    }
                    redundantOpCount = 0;
                }
            }
            return null;
        }
    };

    /** Closes this cache. Stored values will remain on the filesystem. */
    public synchronized void close() throws IOException {
        if (journalWriter == null) {
            return; // Already closed.
        }
        for (Entry entry : new ArrayList<Entry>(lruEntries.values())) {
            if (entry.currentEditor != null) {
                entry.currentEditor.abort();
            }
        }
        trimToSize();
        journalWriter.close();
        journalWriter = null; //@{1}RES-01
02|        executorService.shutdown();
    }

    private boolean journalRebuildRequired() {
        final int redundantOpCompactThreshold = 2000;
        return redundantOpCount >= redundantOpCompactThreshold && redundantOpCount >= lruEntries.size();
    }

    private void trimToSize() throws IOException {
        while (size > maxSize) {
            Map.Entry<String, Entry> toEvict = lruEntries.entrySet().iterator().next();
            remove(toEvict.getKey());
        }
    }
}
''')
_DLC_PKG = 'com.jakewharton.disklrucache'
_DLC = ['java.io.Closeable', 'java.io.IOException', 'java.io.Writer', 'java.util.ArrayList',
        'java.util.LinkedHashMap', 'java.util.Map', 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.Callable',
        'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'JakeWharton/DiskLruCache/issues/107', src(_DLC_PKG, 'DiskLruCache'),
         J(_DLC_PKG, _DLC)(DISKLRU), [
             (1, 'java-00-disklrucache-close-leaves-cleanup-thread',
              'an edit drops the shutdown of the cleanup executor from close(), so every closed cache keeps its '
              'executor', 'edit'),
             (2, 'java-00-disklrucache-journal-rebuild-failure-swallowed',
              'an edit catches a failed journal rebuild in the cleanup task and drops it', 'edit'),
             (0, 'java-ok-00-disklrucache-close-shuts-cleanup-down',
              'clean: the fix shuts the cleanup executor down in close()', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-02 / TMO-01: health indicator of a framework's Elasticsearch integration (micronaut-elasticsearch)
MICRONAUT = template('micronaut-elasticsearch-health', r'''
/**
 * Reports the health of the Elasticsearch cluster the application uses. The cluster health call is asynchronous and
 * bounded by its own request timeout; a cluster that cannot be reached, or one whose health is red, makes the
 * indicator DOWN.
 */
@Requires(beans = RestHighLevelClient.class)
@Requires(property = HealthEndpoint.PREFIX + ".elasticsearch.enabled", notEquals = StringUtils.FALSE)
@Singleton
public class ElasticsearchHealthIndicator implements HealthIndicator {
    public static final String NAME = "elasticsearch";
01|    static final RequestOptions HEALTH_OPTIONS = RequestOptions.DEFAULT.toBuilder()
01|            .setRequestConfig(RequestConfig.custom().setConnectTimeout(2_000).setSocketTimeout(5_000).build())
01|            .build();

    private final RestHighLevelClient esClient;

    public ElasticsearchHealthIndicator(RestHighLevelClient esClient) {
        this.esClient = esClient;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Flux.create(emitter -> esClient.cluster().healthAsync(new ClusterHealthRequest(),
01|                HEALTH_OPTIONS,
2|                RequestOptions.DEFAULT, //@TMO-01
                new ActionListener<ClusterHealthResponse>() {
                    @Override
                    public void onResponse(ClusterHealthResponse response) {
                        HealthStatus status = response.getStatus() == ClusterHealthStatus.RED ? HealthStatus.DOWN : HealthStatus.UP;
                        emitter.next(HealthResult.builder(NAME, status).details(healthDetails(response)).build());
                        emitter.complete();
                    }

                    @Override
                    public void onFailure(Exception e) {
02|                        emitter.next(HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build());
1|                        emitter.next(HealthResult.builder(NAME, HealthStatus.UP).details(Map.of("error", e.toString())).build()); //@OPS-02
                        emitter.complete();
                    }
                }));
    }

    private static Map<String, Object> healthDetails(ClusterHealthResponse response) {
        return Map.of(
                "cluster_name", response.getClusterName(),
                "status", response.getStatus().name().toLowerCase(Locale.ENGLISH),
                "number_of_nodes", response.getNumberOfNodes(),
                "active_shards", response.getActiveShards(),
                "unassigned_shards", response.getUnassignedShards());
    }
}
''')
_MN_PKG = 'io.micronaut.elasticsearch.health'
_MN = ['io.micronaut.context.annotation.Requires', 'io.micronaut.core.util.StringUtils',
       'io.micronaut.health.HealthStatus', 'io.micronaut.management.endpoint.health.HealthEndpoint',
       'io.micronaut.management.health.indicator.HealthIndicator',
       'io.micronaut.management.health.indicator.HealthResult', 'jakarta.inject.Singleton', 'java.util.Locale',
       'java.util.Map', 'org.elasticsearch.action.ActionListener',
       'org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest',
       'org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse',
       'org.elasticsearch.client.RequestOptions', 'org.elasticsearch.client.RestHighLevelClient',
       'org.elasticsearch.cluster.health.ClusterHealthStatus', 'org.reactivestreams.Publisher',
       'reactor.core.publisher.Flux']
MN_TEST = f('elasticsearch/' + tst(_MN_PKG, 'ElasticsearchHealthIndicatorFailureTest'), new=java(_MN_PKG, sorted([
    'static org.junit.jupiter.api.Assertions.assertEquals', 'static org.mockito.ArgumentMatchers.any',
    'static org.mockito.Mockito.doAnswer', 'static org.mockito.Mockito.mock', 'static org.mockito.Mockito.when',
    'io.micronaut.health.HealthStatus', 'io.micronaut.management.health.indicator.HealthResult', 'java.net.ConnectException',
    'org.elasticsearch.action.ActionListener', 'org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse',
    'org.elasticsearch.client.ClusterClient', 'org.elasticsearch.client.RestHighLevelClient', 'org.junit.jupiter.api.Test',
    'reactor.core.publisher.Flux']), r'''
class ElasticsearchHealthIndicatorFailureTest {

    @Test
    void reportsDownWhenTheClusterCannotBeReached() {
        RestHighLevelClient client = mock(RestHighLevelClient.class);
        ClusterClient cluster = mock(ClusterClient.class);
        when(client.cluster()).thenReturn(cluster);
        doAnswer(invocation -> {
            ActionListener<ClusterHealthResponse> listener = invocation.getArgument(2);
            listener.onFailure(new ConnectException("Connection refused"));
            return null;
        }).when(cluster).healthAsync(any(), any(), any());

        HealthResult result = Flux.from(new ElasticsearchHealthIndicator(client).getResult()).blockFirst();

        assertEquals(HealthStatus.DOWN, result.getStatus());
    }
}
'''))
cases_of(case, GH + 'micronaut-projects/micronaut-elasticsearch/pull/14', 'elasticsearch/' + src(_MN_PKG, 'ElasticsearchHealthIndicator'),
         JV(_MN_PKG, {0: _MN + ['org.apache.http.client.config.RequestConfig'],
                      1: _MN + ['org.apache.http.client.config.RequestConfig'], 2: _MN})(MICRONAUT), [
             (1, 'java-00-micronaut-elasticsearch-health-up-on-failure',
              'an edit reports the indicator UP when the cluster health call fails, so an unreachable cluster looks '
              'healthy', 'edit'),
             (2, 'java-00-micronaut-elasticsearch-health-call-without-timeout',
              'an edit sends the cluster health request with the client\'s default options, which carry no timeout, '
              'so the health endpoint hangs with the cluster; the change adds a test beside it', 'edit', [MN_TEST]),
             (0, 'java-ok-00-micronaut-elasticsearch-health-down-on-failure',
              'clean: the fix makes the indicator DOWN when the cluster health call fails', 'fix'),
         ])
