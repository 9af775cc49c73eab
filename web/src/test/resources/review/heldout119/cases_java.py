"""Round-119 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-01: notify client of an error monitoring SDK (bugsnag-java), renamed file
BUGSNAGHTTP = template('bugsnag-http-client-post', r'''
/**
 * Posts serialized notifications to the Bugsnag notify endpoint. Both timeouts are set on every connection: an
 * endpoint that does not answer must not hold the thread that reported the error, which is often a request thread or
 * a logging appender that holds its lock while it notifies.
 */
public class HttpClient {
    private static final Logger logger = LoggerFactory.getLogger(HttpClient.class);
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
    static final int DEFAULT_READ_TIMEOUT_MS = 60_000;

    private final Proxy proxy;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;

    public HttpClient(Proxy proxy) {
        this(proxy, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS);
    }

    public HttpClient(Proxy proxy, int connectTimeoutMs, int readTimeoutMs) {
        this.proxy = proxy;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    /**
     * Posts body to urlString and returns the HTTP status of the answer.
     */
    public int post(String urlString, byte[] body, String contentType) throws NetworkException {
        HttpURLConnection conn = null;
        try {
            URL url = new URL(urlString);
            conn = (HttpURLConnection) (proxy != null ? url.openConnection(proxy) : url.openConnection()); //@{1}TMO-01
02|            conn.setConnectTimeout(connectTimeoutMs);
02|            conn.setReadTimeout(readTimeoutMs);
            conn.setDoOutput(true);
            conn.setFixedLengthStreamingMode(body.length);
            conn.setRequestProperty("Content-Type", contentType);

01|            try (OutputStream out = conn.getOutputStream()) {
01|                out.write(body);
01|            }
2|            OutputStream out = conn.getOutputStream(); //@RES-01
2|            out.write(body);

            int status = conn.getResponseCode();
            if (status / 100 != 2) {
                logger.warn("Bugsnag notify endpoint answered {} for {}", status, urlString);
            }
            return status;
        } catch (IOException e) {
            throw new NetworkException("Network error when posting to " + urlString, e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }
}
''')
_BUGSNAG = SLF4J + ['java.io.IOException', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.Proxy',
                    'java.net.URL']
BUGSNAG_TEST = f(tst('com.bugsnag.delivery', 'HttpClientTest'), new=java('com.bugsnag.delivery', [
    'static org.junit.Assert.assertTrue', 'static org.junit.Assert.fail', 'java.net.ServerSocket',
    'org.junit.Test'], r'''
public class HttpClientTest {

    @Test
    public void postGivesUpOnAnEndpointThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            HttpClient client = new HttpClient(null, 1_000, 1_000);
            long start = System.nanoTime();
            try {
                client.post("http://localhost:" + silent.getLocalPort() + "/", new byte[] {'{', '}'}, "application/json");
                fail("expected a NetworkException");
            } catch (NetworkException expected) {
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue("post waited " + elapsedMillis + " ms", elapsedMillis < 5_000);
            }
        }
    }
}
'''))
cases_of(case, GH + 'bugsnag/bugsnag-java/pull/25', src('com.bugsnag.delivery', 'HttpClient'),
         J('com.bugsnag.delivery', _BUGSNAG)(BUGSNAGHTTP), [
             (1, 'java-00-bugsnag-renamed-http-client-without-timeouts',
              'a change that moves the notify client into the delivery package opens its connections without connect '
              'and read timeouts, so a silent endpoint holds the reporting thread for good', 'rename'),
             (2, 'java-00-bugsnag-renamed-http-client-output-stream-left-open',
              'a change that moves the notify client into the delivery package writes the body to an output stream it '
              'never closes', 'rename'),
             (0, 'java-ok-00-bugsnag-renamed-http-client-with-timeouts',
              'clean: the move, with both timeouts set on every connection; a test checks a silent endpoint fails '
              'fast', 'rename', [BUGSNAG_TEST]),
         ], rename_from=src('com.bugsnag.http', 'HttpClient'),
         rename_old=lambda t: t.replace('package com.bugsnag.delivery;', 'package com.bugsnag.http;'))


# ---------------------------------------------------------------- RES-02 / RES-04: HTTP writer of a metrics reporter (dropwizard-influxdb-reporter)
INFLUXWRITER = template('influxdb-reporter-http-writer', r'''
/**
 * Writes line-protocol batches to InfluxDB's /write endpoint through the reporter's shared JAX-RS client. Every
 * response is closed, whatever its status, so the client's connection pool gets its connection back.
 */
public class InfluxDbHttpWriter implements InfluxDbWriter {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbHttpWriter.class);
01|    private final WebTarget writeTarget;
2|    private final String baseUri;
2|    private final String database;

    public InfluxDbHttpWriter(Client client, String baseUri, String database) {
01|        this.writeTarget = client.target(baseUri).path("write").queryParam("db", database);
2|        this.baseUri = baseUri;
2|        this.database = database;
    }

    @Override
    public void writeBytes(final byte[] bytes) {
01|        final Response response = writeTarget.request().post(Entity.entity(bytes, MediaType.TEXT_PLAIN_TYPE)); //@{1}RES-02
0|        try {
0|            checkStatus(response);
0|        } finally {
0|            response.close();
0|        }
1|        checkStatus(response);
2|        final Client client = ClientBuilder.newBuilder() //@RES-04
2|                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                .build();
2|        try (Response response = client.target(baseUri).path("write").queryParam("db", database)
2|                .request().post(Entity.entity(bytes, MediaType.TEXT_PLAIN_TYPE))) {
2|            checkStatus(response);
2|        } finally {
2|            client.close();
2|        }
    }

    private void checkStatus(Response response) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            LOG.warn("InfluxDB rejected a batch with status {}: {}", response.getStatus(), body);
            throw new InfluxDbWriteException(response.getStatus(), body);
        }
    }

    @Override
    public void close() {
        LOG.debug("InfluxDB HTTP writer closed; the shared client is closed by the reporter factory");
    }
}
''')
_INFLUX = SLF4J + ['javax.ws.rs.client.Client', 'javax.ws.rs.client.Entity', 'javax.ws.rs.client.WebTarget',
                   'javax.ws.rs.core.MediaType', 'javax.ws.rs.core.Response']
_INFLUX_PKG = 'com.kickstarter.dropwizard.metrics.influxdb.io'
cases_of(case, GH + 'kickstarter/dropwizard-influxdb-reporter/pull/13', src(_INFLUX_PKG, 'InfluxDbHttpWriter'),
         JV(_INFLUX_PKG, {0: _INFLUX, 2: [i for i in _INFLUX if i != 'javax.ws.rs.client.WebTarget'] + [
             'javax.ws.rs.client.ClientBuilder', 'java.util.concurrent.TimeUnit',
             'static com.kickstarter.dropwizard.metrics.influxdb.io.HttpTimeouts.CONNECT_TIMEOUT_SECONDS',
             'static com.kickstarter.dropwizard.metrics.influxdb.io.HttpTimeouts.READ_TIMEOUT_SECONDS'],
             1: _INFLUX})(INFLUXWRITER), [
             (1, 'java-00-influxdb-reporter-write-response-left-open',
              'an edit no longer closes the write response, so every batch keeps a pooled connection until the pool '
              'times out', 'edit'),
             (2, 'java-00-influxdb-reporter-client-built-per-write',
              'an edit builds and closes a JAX-RS client for every batch written instead of using the shared one',
              'edit'),
             (0, 'java-ok-00-influxdb-reporter-write-response-closed',
              'clean: the fix closes every write response, whatever its status', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: metric registry of a metrics library (alibaba/metrics)
ALIREGISTRY = template('alibaba-metrics-registry-limit', r'''
/**
 * The registry behind MetricManager. It keeps at most maxMetricCount metrics: past the limit a nop metric is handed
 * out, the overflow is counted, and the limit is reported once rather than for every new metric name, since a
 * request path that keeps inventing names would otherwise fill the disk with the same warning.
 */
public class MetricRegistryImpl extends MetricRegistry {
    private static final Logger logger = LoggerFactory.getLogger(MetricRegistryImpl.class);

    private final ConcurrentMap<MetricName, Metric> metrics = new ConcurrentHashMap<>();
    private final int maxMetricCount;
    private final AtomicLong overflowed = new AtomicLong();
02|    private final AtomicBoolean overflowReported = new AtomicBoolean();

    public MetricRegistryImpl(int maxMetricCount) {
        this.maxMetricCount = maxMetricCount;
    }

    /** Metrics refused since the registry reached its limit. */
    public long getOverflowedCount() {
        return overflowed.get();
    }

    @SuppressWarnings("unchecked")
    private <T extends Metric> T getOrAdd(MetricName name, MetricBuilder<T> builder) {
        final Metric existing = metrics.get(name);
        if (existing != null) {
            if (builder.isInstance(existing)) {
                return (T) existing;
            }
            throw new IllegalArgumentException(name + " is already used for a different type of metric");
        }
        if (metrics.size() >= maxMetricCount) {
02|            if (overflowReported.compareAndSet(false, true)) {
0|                logger.warn("Metrics size reached the limit of {}; {} and every further new metric get a nop metric",
0|                        maxMetricCount, name);
2|                logger.warn("Metrics size reached the limit of " + maxMetricCount + "; " + name //@LOG-02
2|                        + " and every further new metric get a nop metric");
02|            }
1|            logger.warn("metrics size > {}, a nop metric will be returned. name: {}", maxMetricCount, name); //@LOG-01
            overflowed.incrementAndGet();
            return builder.newNopMetric();
        }
        final T created = builder.newMetric(name);
        final Metric raced = metrics.putIfAbsent(name, created);
        if (raced == null) {
            onMetricAdded(name, created);
            return created;
        }
        if (builder.isInstance(raced)) {
            return (T) raced;
        }
        throw new IllegalArgumentException(name + " is already used for a different type of metric");
    }
}
''')
_ALI = SLF4J + ['java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ConcurrentMap',
                'java.util.concurrent.atomic.AtomicLong']
cases_of(case, GH + 'alibaba/metrics/issues/32', 'metrics-core-impl/' + src('com.alibaba.metrics', 'MetricRegistryImpl'),
         JV('com.alibaba.metrics', {0: _ALI + ['java.util.concurrent.atomic.AtomicBoolean'], 1: _ALI,
                                    2: _ALI + ['java.util.concurrent.atomic.AtomicBoolean']})(ALIREGISTRY), [
             (1, 'java-00-alibaba-metrics-warns-for-every-refused-metric',
              'an edit warns for every new metric refused past the registry\'s limit, so a request path that keeps '
              'inventing names logs the same warning on every call', 'edit'),
             (2, 'java-00-alibaba-metrics-limit-warning-concatenated',
              'an edit builds the one-time limit warning by string concatenation', 'edit'),
             (0, 'java-ok-00-alibaba-metrics-reports-limit-once',
              'clean: the fix reports the limit once and counts the refused metrics', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: async appender of a logging library for Android (logback-android), CRLF file
ASYNCAPPENDER = template('logback-android-async-appender', r'''
/**
 * Buffers events in a blocking queue and hands them to the attached appenders on a worker thread. A thread that is
 * interrupted while it waits for room in the queue keeps its interrupt: the caller that logged must still see it.
 */
public class AsyncAppenderBase<E> extends UnsynchronizedAppenderBase<E> implements AppenderAttachable<E> {
    public static final int DEFAULT_QUEUE_SIZE = 256;
    public static final int DEFAULT_MAX_FLUSH_TIME = 1000;

    AppenderAttachableImpl<E> aai = new AppenderAttachableImpl<E>();
    BlockingQueue<E> blockingQueue;
    int queueSize = DEFAULT_QUEUE_SIZE;
    int maxFlushTime = DEFAULT_MAX_FLUSH_TIME;
    Worker worker = new Worker();

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1) {
            addError("Invalid queue size [" + queueSize + "]");
            return;
        }
        blockingQueue = new ArrayBlockingQueue<E>(queueSize);
        worker.setDaemon(true);
        worker.setName("AsyncAppender-Worker-" + getName());
01|        worker.setUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
01|            @Override
01|            public void uncaughtException(Thread t, Throwable e) {
01|                addError("Async appender worker stopped unexpectedly", e);
01|            }
01|        });
        super.start();
        worker.start(); //@{2}CONC-01
    }

    @Override
    protected void append(E eventObject) {
        if (isDiscardable(eventObject)) {
            return;
        }
        preprocess(eventObject);
        put(eventObject);
    }

    private void put(E eventObject) {
        try {
            blockingQueue.put(eventObject);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            // The interrupt belongs to the thread that logged; keep it for its own code to see.
02|            Thread.currentThread().interrupt();
1|            addWarn("Interrupted while waiting for room in the queue; the event is dropped");
        }
    }

    protected boolean isDiscardable(E eventObject) {
        return false;
    }

    protected void preprocess(E eventObject) {
    }

    class Worker extends Thread {
        @Override
        public void run() {
            AsyncAppenderBase<E> parent = AsyncAppenderBase.this;
            AppenderAttachableImpl<E> appenders = parent.aai;
            while (parent.isStarted()) {
                try {
                    E e = parent.blockingQueue.take();
                    appenders.appendLoopOnAppenders(e);
                } catch (InterruptedException ie) {
                    // stop() interrupts the worker to end it; the remaining events are flushed below.
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (E e : parent.blockingQueue) {
                appenders.appendLoopOnAppenders(e);
                parent.blockingQueue.remove(e);
            }
            appenders.detachAndStopAllAppenders();
        }
    }
}
''')
cases_of(case, GH + 'tony19/logback-android/pull/147',
         'logback-android/' + src('ch.qos.logback.core', 'AsyncAppenderBase'),
         J('ch.qos.logback.core', ['ch.qos.logback.core.spi.AppenderAttachable',
                                   'ch.qos.logback.core.spi.AppenderAttachableImpl',
                                   'java.util.concurrent.ArrayBlockingQueue',
                                   'java.util.concurrent.BlockingQueue'])(ASYNCAPPENDER), [
             (1, 'java-00-logback-android-async-put-interrupt-lost',
              'an edit catches the interrupt of a caller waiting for room in the queue and only warns, so the logging '
              'thread loses its interrupt', 'edit'),
             (2, 'java-00-logback-android-async-worker-without-handler',
              'an edit starts the worker thread without its uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-logback-android-async-put-keeps-interrupt',
              'clean: the fix restores the caller\'s interrupt', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / RES-01: Graphite reporter of a metrics library (dropwizard/metrics)
GRAPHITE = template('dropwizard-graphite-reporter', r'''
/**
 * Reports the registry's metrics to Graphite every period. The scheduled task catches everything a gauge or the
 * connection throws, and the connection is closed after every report, so one bad gauge or one broken pipe costs a
 * single period rather than the reporter.
 */
public class GraphiteReporter implements Reporter, Closeable {
    private static final Logger LOGGER = LoggerFactory.getLogger(GraphiteReporter.class);

    private final MetricRegistry registry;
    private final GraphiteSender graphite;
    private final Clock clock;
    private final String prefix;
    private final ScheduledExecutorService executor;

    GraphiteReporter(MetricRegistry registry, GraphiteSender graphite, Clock clock, String prefix,
                     ScheduledExecutorService executor) {
        this.registry = registry;
        this.graphite = graphite;
        this.clock = clock;
        this.prefix = prefix;
        this.executor = executor;
    }

    public void start(long period, TimeUnit unit) {
02|        executor.scheduleAtFixedRate(this::reportSafely, period, period, unit);
1|        executor.scheduleAtFixedRate(this::report, period, period, unit); //@CONC-07
    }

02|    private void reportSafely() {
02|        try {
02|            report();
02|        } catch (Throwable t) {
02|            LOGGER.error("Exception thrown from {}#report. Exception was suppressed.", getClass().getSimpleName(), t);
02|        }
02|    }
02|
    public void report() {
        final long timestamp = clock.getTime() / 1000;
        try {
            graphite.connect(); //@{2}RES-01
            sendAll(registry.getGauges(), registry.getCounters(), timestamp);
            graphite.flush();
2|            graphite.close();
        } catch (IOException e) {
            LOGGER.warn("Unable to report to Graphite", e);
01|        } finally {
01|            try {
01|                graphite.close();
01|            } catch (IOException e) {
01|                LOGGER.warn("Error closing Graphite", e);
01|            }
        }
    }

    private void sendAll(SortedMap<String, Gauge> gauges, SortedMap<String, Counter> counters, long timestamp)
            throws IOException {
        for (Map.Entry<String, Gauge> entry : gauges.entrySet()) {
            final Object value = entry.getValue().getValue();
            if (value instanceof Number) {
                graphite.send(MetricRegistry.name(prefix, entry.getKey()), value.toString(), timestamp);
            }
        }
        for (Map.Entry<String, Counter> entry : counters.entrySet()) {
            graphite.send(MetricRegistry.name(prefix, entry.getKey(), "count"),
                    Long.toString(entry.getValue().getCount()), timestamp);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
''')
cases_of(case, GH + 'dropwizard/metrics/pull/597',
         'metrics-graphite/' + src('com.codahale.metrics.graphite', 'GraphiteReporter'),
         J('com.codahale.metrics.graphite', SLF4J + [
             'com.codahale.metrics.Clock', 'com.codahale.metrics.Counter', 'com.codahale.metrics.Gauge',
             'com.codahale.metrics.MetricRegistry', 'com.codahale.metrics.Reporter', 'java.io.Closeable',
             'java.io.IOException', 'java.util.Map', 'java.util.SortedMap',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'])(GRAPHITE), [
             (1, 'java-00-dropwizard-graphite-report-scheduled-unguarded',
              'an edit schedules the report itself instead of its guarded wrapper, so one gauge that throws cancels '
              'every later report without a word', 'edit'),
             (2, 'java-00-dropwizard-graphite-connection-closed-on-success-only',
              'an edit closes the Graphite connection after a successful report only, so a failed report leaves the '
              'socket open and the next connect fails', 'edit'),
             (0, 'java-ok-00-dropwizard-graphite-report-guarded',
              'clean: the fix runs each scheduled report through a wrapper that catches everything', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: batch sending of a telemetry SDK (newrelic-telemetry-sdk-java)
TELEMETRY = template('newrelic-telemetry-client-backoff', r'''
/**
 * Sends batches to New Relic on a background executor and retries the failures that are worth retrying. Each batch
 * gets a Backoff of its own: a Backoff counts its retries, and a single one shared by every batch would run out of
 * retries for the life of the process while the sender threads update its count at once.
 */
public class TelemetryClient {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryClient.class);

    private final ScheduledExecutorService executor;
    private final MetricBatchSender metricBatchSender;
    private final SpanBatchSender spanBatchSender;
1|    private final Backoff backoff = Backoff.defaultBackoff(); //@CONC-03

    public TelemetryClient(MetricBatchSender metricBatchSender, SpanBatchSender spanBatchSender,
                           ScheduledExecutorService executor) {
        this.metricBatchSender = metricBatchSender;
        this.spanBatchSender = spanBatchSender;
        this.executor = executor;
    }

    public void sendBatch(MetricBatch batch) {
02|        scheduleBatchSend(b -> metricBatchSender.sendBatch((MetricBatch) b), batch, 0, TimeUnit.SECONDS, Backoff.defaultBackoff());
1|        scheduleBatchSend(b -> metricBatchSender.sendBatch((MetricBatch) b), batch, 0, TimeUnit.SECONDS, backoff);
    }

    public void sendBatch(SpanBatch batch) {
02|        scheduleBatchSend(b -> spanBatchSender.sendBatch((SpanBatch) b), batch, 0, TimeUnit.SECONDS, Backoff.defaultBackoff());
1|        scheduleBatchSend(b -> spanBatchSender.sendBatch((SpanBatch) b), batch, 0, TimeUnit.SECONDS, backoff);
    }

    private void scheduleBatchSend(BatchSender sender, TelemetryBatch<? extends Telemetry> batch, long waitTime,
                                   TimeUnit timeUnit, Backoff backoff) {
        if (executor.isShutdown()) {
            LOG.warn("TelemetryClient executor is shut down; {} with {} items was not sent",
                    batch.getClass().getSimpleName(), batch.size());
            return;
        }
        try {
            executor.schedule(() -> sendWithErrorHandling(sender, batch, backoff), waitTime, timeUnit);
        } catch (RejectedExecutionException e) { //@{2}ERR-01
01|            LOG.warn("Unable to schedule {} with {} items; it was not sent",
01|                    batch.getClass().getSimpleName(), batch.size(), e);
2|            // the executor is shutting down; nothing more to do
        }
    }

    private void sendWithErrorHandling(BatchSender sender, TelemetryBatch<? extends Telemetry> batch, Backoff backoff) {
        try {
            sender.sendBatch(batch);
            LOG.debug("Telemetry - {} - sent", batch.getClass().getSimpleName());
        } catch (RetryWithBackoffException e) {
            retry(sender, batch, backoff);
        } catch (RetryWithRequestedWaitException e) {
            scheduleBatchSend(sender, batch, e.getWaitTime(), e.getTimeUnit(), backoff);
        } catch (ResponseException e) {
            LOG.error("Received a fatal response from the New Relic API; {} was dropped",
                    batch.getClass().getSimpleName(), e);
        } catch (Throwable t) {
            LOG.error("Unexpected failure sending {}; it was dropped", batch.getClass().getSimpleName(), t);
        }
    }

    private void retry(BatchSender sender, TelemetryBatch<? extends Telemetry> batch, Backoff backoff) {
        long waitTime = backoff.nextWaitMs();
        if (waitTime == -1) {
            LOG.error("Max retries exceeded. Dropping {} pieces of data!", batch.size());
            return;
        }
        LOG.warn("Retrying {} after {} ms", batch.getClass().getSimpleName(), waitTime);
        scheduleBatchSend(sender, batch, waitTime, TimeUnit.MILLISECONDS, backoff);
    }

    public void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("TelemetryClient executor did not stop within 3 seconds; forcing it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    interface BatchSender {
        void sendBatch(TelemetryBatch<? extends Telemetry> batch) throws ResponseException;
    }
}
''')
_NRT = SLF4J + ['com.newrelic.telemetry.exceptions.ResponseException',
                'com.newrelic.telemetry.exceptions.RetryWithBackoffException',
                'com.newrelic.telemetry.exceptions.RetryWithRequestedWaitException',
                'com.newrelic.telemetry.metrics.MetricBatch', 'com.newrelic.telemetry.metrics.MetricBatchSender',
                'com.newrelic.telemetry.spans.SpanBatch', 'com.newrelic.telemetry.spans.SpanBatchSender',
                'java.util.concurrent.RejectedExecutionException', 'java.util.concurrent.ScheduledExecutorService',
                'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'newrelic/newrelic-telemetry-sdk-java/issues/338',
         'telemetry-core/' + src('com.newrelic.telemetry', 'TelemetryClient'),
         J('com.newrelic.telemetry', _NRT)(TELEMETRY), [
             (1, 'java-00-newrelic-telemetry-backoff-shared-by-batches',
              'an edit gives every batch the same Backoff, whose retry count the sender threads update at once and '
              'which runs out of retries for the life of the process', 'edit'),
             (2, 'java-00-newrelic-telemetry-rejected-batch-dropped-silently',
              'an edit drops a batch the executor rejects without a word', 'edit'),
             (0, 'java-ok-00-newrelic-telemetry-backoff-per-batch',
              'clean: the fix gives each batch a Backoff of its own', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / ERR-01: async tracing aspect of a Spring Cloud tracing integration (java-spring-cloud)
ASYNCASPECT = template('opentracing-async-aspect', r'''
/**
 * Traces methods annotated with {@code @Async}: each call gets a span, activated for the thread the executor runs it
 * on, and its trace id in the MDC for the logs the method writes. Pool threads are reused, so the scope and the MDC
 * entry are removed in a finally block; left behind, they would chain every later task on the thread to this one.
 */
@Aspect
public class TraceAsyncAspect {
    static final String TAG_COMPONENT = "async";
    static final String MDC_TRACE_ID = "traceId";

    private final Tracer tracer;

    public TraceAsyncAspect(Tracer tracer) {
        this.tracer = tracer;
    }

    @Around("execution (@org.springframework.scheduling.annotation.Async  * *.*(..))")
    public Object traceBackgroundThread(final ProceedingJoinPoint pjp) throws Throwable {
        Span span = tracer.buildSpan(operationName(pjp))
                .withTag(Tags.COMPONENT.getKey(), TAG_COMPONENT)
                .withTag(ExtensionTags.CLASS_TAG.getKey(), pjp.getTarget().getClass().getSimpleName())
                .withTag(ExtensionTags.METHOD_TAG.getKey(), pjp.getSignature().getName())
                .start();
        Scope scope = tracer.activateSpan(span);
        MDC.put(MDC_TRACE_ID, span.context().toTraceId()); //@{1}CONC-04
        try {
02|            return pjp.proceed();
1|            Object result = pjp.proceed();
1|            MDC.remove(MDC_TRACE_ID);
1|            scope.close();
1|            return result;
        } catch (Exception ex) { //@{2}ERR-01
            onError(ex, span);
01|            throw ex;
2|            return null;
        } finally {
02|            MDC.remove(MDC_TRACE_ID);
02|            scope.close();
            span.finish();
        }
    }

    private static String operationName(ProceedingJoinPoint pjp) {
        return SpanUtils.operationName(pjp.getSignature().getName());
    }

    private static void onError(Exception ex, Span span) {
        Tags.ERROR.set(span, Boolean.TRUE);
        Map<String, Object> fields = new HashMap<>();
        fields.put(Fields.EVENT, "error");
        fields.put(Fields.ERROR_OBJECT, ex);
        fields.put(Fields.MESSAGE, ex.getMessage());
        span.log(fields);
    }
}
''')
_ASYNC_PKG = 'io.opentracing.contrib.spring.cloud.async'
cases_of(case, GH + 'opentracing-contrib/java-spring-cloud/issues/185',
         'instrument-starters/opentracing-spring-cloud-core/' + src(_ASYNC_PKG, 'TraceAsyncAspect'),
         J(_ASYNC_PKG, ['io.opentracing.Scope', 'io.opentracing.Span', 'io.opentracing.Tracer',
                        'io.opentracing.contrib.spring.cloud.ExtensionTags', 'io.opentracing.contrib.spring.cloud.SpanUtils',
                        'io.opentracing.log.Fields', 'io.opentracing.tag.Tags', 'java.util.HashMap', 'java.util.Map',
                        'org.aspectj.lang.ProceedingJoinPoint', 'org.aspectj.lang.annotation.Around',
                        'org.aspectj.lang.annotation.Aspect', 'org.slf4j.MDC'])(ASYNCASPECT), [
             (1, 'java-00-opentracing-async-aspect-scope-cleared-on-success-only',
              'an edit closes the scope and removes the MDC trace id on the normal path only, so a task that throws '
              'leaves both on the pool thread', 'edit'),
             (2, 'java-00-opentracing-async-aspect-swallows-task-failure',
              'an edit tags the span and returns null instead of rethrowing, so the caller\'s future never sees the '
              'task fail', 'edit'),
             (0, 'java-ok-00-opentracing-async-aspect-scope-cleared-in-finally',
              'clean: the fix closes the scope and removes the MDC trace id in the finally block', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-05: trace export shutdown of a Java APM agent (inspectit-ocelot), new file
OCELOTSHUT = template('inspectit-trace-export-shutdown', r'''
/**
 * Shuts the trace export down when the agent's context closes: the export component hands the spans collected just
 * before the stop to the exporters, and the exporters' executor gets a grace period to send them before it is
 * forced. Without it the last spans of an application that stops never reach the tracing backend.
 */
@Component
public class TraceExportShutdownListener implements ApplicationListener<ContextClosedEvent> {
    private static final Logger log = LoggerFactory.getLogger(TraceExportShutdownListener.class);
    static final long EXPORT_GRACE_MILLIS = 5_000;

    private final ScheduledExecutorService exporterExecutor;

    public TraceExportShutdownListener(ScheduledExecutorService exporterExecutor) {
        this.exporterExecutor = exporterExecutor;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
02|        log.info("Flushing pending spans and stopping the trace exporters");
02|        Tracing.getExportComponent().shutdown();
02|        awaitExporters();
1|        log.info("Stopping the trace exporters");
1|        exporterExecutor.shutdownNow(); //@OPS-01
    }
02|
02|    private void awaitExporters() {
02|        exporterExecutor.shutdown();
02|        try {
02|            if (!exporterExecutor.awaitTermination(EXPORT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
02|                log.warn("Trace exporters did not finish within {} ms; stopping them", EXPORT_GRACE_MILLIS);
02|                exporterExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) { //@{2}CONC-05
02|            exporterExecutor.shutdownNow();
0|            Thread.currentThread().interrupt();
02|        }
02|    }
}
''')
_OCELOT_PKG = 'rocks.inspectit.ocelot.core.exporter'
cases_of(case, GH + 'inspectIT/inspectit-ocelot/issues/801',
         'inspectit-ocelot-core/' + src(_OCELOT_PKG, 'TraceExportShutdownListener'),
         JV(_OCELOT_PKG, {0: SLF4J + ['io.opencensus.trace.Tracing', 'java.util.concurrent.ScheduledExecutorService',
                                      'java.util.concurrent.TimeUnit', 'org.springframework.context.ApplicationListener',
                                      'org.springframework.context.event.ContextClosedEvent',
                                      'org.springframework.stereotype.Component'],
                          1: SLF4J + ['java.util.concurrent.ScheduledExecutorService',
                                      'org.springframework.context.ApplicationListener',
                                      'org.springframework.context.event.ContextClosedEvent',
                                      'org.springframework.stereotype.Component'],
                          2: SLF4J + ['io.opencensus.trace.Tracing', 'java.util.concurrent.ScheduledExecutorService',
                                      'java.util.concurrent.TimeUnit', 'org.springframework.context.ApplicationListener',
                                      'org.springframework.context.event.ContextClosedEvent',
                                      'org.springframework.stereotype.Component']})(OCELOTSHUT), [
             (1, 'java-00-inspectit-trace-exporters-killed-at-stop',
              'a new listener stops the trace exporters with shutdownNow at agent stop, without flushing the pending '
              'spans or letting a send in flight finish', 'new'),
             (2, 'java-00-inspectit-trace-export-wait-interrupt-lost',
              'a new listener flushes and waits for the trace exporters but loses the interrupt of that wait', 'new'),
             (0, 'java-ok-00-inspectit-trace-exporters-drained-at-stop',
              'clean: a new listener flushes the pending spans, waits a grace period for the exporters, then forces '
              'them', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: HTTP receiver connection of a metrics client (signalfx-java)
SFXCONN = template('signalfx-http-receiver-connection', r'''
/**
 * Base of the HTTP connections that send datapoints and events to SignalFx ingest. Callers may pass a pooling
 * connection manager for keep-alive, so every response is consumed and closed before the connection is needed
 * again, and every request carries the connection's timeouts.
 */
public abstract class AbstractHttpReceiverConnection {
    protected static final Logger log = LoggerFactory.getLogger(AbstractHttpReceiverConnection.class);

    protected final CloseableHttpClient client;
    protected final HttpHost host;
    protected final RequestConfig requestConfig;

    protected AbstractHttpReceiverConnection(SignalFxReceiverEndpoint endpoint, int timeoutMs,
                                             HttpClientConnectionManager httpClientConnectionManager) {
        this.client = HttpClientBuilder.create().setConnectionManager(httpClientConnectionManager).build();
        this.host = new HttpHost(endpoint.getHostname(), endpoint.getPort(), endpoint.getScheme());
        this.requestConfig = RequestConfig.custom() //@{2}TMO-01
01|                .setSocketTimeout(timeoutMs)
01|                .setConnectionRequestTimeout(timeoutMs)
01|                .setConnectTimeout(timeoutMs)
                .setProxy(createHttpProxyFromSystemProperties(endpoint.getHostname()))
                .build();
    }

    protected void postToEndpoint(String auth, HttpEntity entity, String endpoint, boolean compress)
            throws IOException {
        HttpPost post = new HttpPost(String.format("%s%s", host.toURI(), endpoint));
        post.setConfig(requestConfig);
        post.setHeader("X-SF-TOKEN", auth);
        post.setHeader("User-Agent", USER_AGENT);
        post.setEntity(compress ? new GzipCompressingEntity(entity) : entity);

02|        try (CloseableHttpResponse resp = client.execute(post)) {
02|            checkResponse(resp);
02|            EntityUtils.consume(resp.getEntity());
02|        }
1|        CloseableHttpResponse resp = client.execute(post); //@RES-02
1|        checkResponse(resp);
    }

    private void checkResponse(CloseableHttpResponse resp) throws IOException {
        int code = resp.getStatusLine().getStatusCode();
        if (code != HttpStatus.SC_OK) {
            String body = resp.getEntity() == null ? "" : EntityUtils.toString(resp.getEntity(), StandardCharsets.UTF_8);
            throw new SignalFxMetricsException("Invalid status code " + code + ": " + body);
        }
    }

    protected HttpHost createHttpProxyFromSystemProperties(String hostname) {
        String nonProxyHosts = System.getProperty("http.nonProxyHosts");
        if (nonProxyHosts != null && nonProxyHosts.contains(hostname)) {
            log.debug("Host {} is in http.nonProxyHosts; no proxy", hostname);
            return null;
        }
        String proxyHost = System.getProperty("http.proxyHost");
        if (proxyHost == null || proxyHost.isEmpty()) {
            return null;
        }
        int proxyPort = Integer.parseInt(System.getProperty("http.proxyPort", "80"));
        return new HttpHost(proxyHost, proxyPort);
    }

    static final String USER_AGENT = "SignalFx-java-client/" + Version.VERSION;
}
''')
_SFX_PKG = 'com.signalfx.metrics.connection'
cases_of(case, GH + 'signalfx/signalfx-java/pull/91', 'signalfx-java/' + src(_SFX_PKG, 'AbstractHttpReceiverConnection'),
         J(_SFX_PKG, SLF4J + ['com.signalfx.endpoint.SignalFxReceiverEndpoint', 'com.signalfx.metrics.SignalFxMetricsException',
                              'com.signalfx.metrics.Version', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
                              'org.apache.http.HttpEntity', 'org.apache.http.HttpHost', 'org.apache.http.HttpStatus',
                              'org.apache.http.client.config.RequestConfig',
                              'org.apache.http.client.entity.GzipCompressingEntity',
                              'org.apache.http.client.methods.CloseableHttpResponse',
                              'org.apache.http.client.methods.HttpPost', 'org.apache.http.conn.HttpClientConnectionManager',
                              'org.apache.http.impl.client.CloseableHttpClient',
                              'org.apache.http.impl.client.HttpClientBuilder', 'org.apache.http.util.EntityUtils'])(SFXCONN), [
             (1, 'java-00-signalfx-receiver-response-not-released',
              'an edit no longer consumes and closes the ingest response, so with a pooling connection manager every '
              'send keeps a pooled connection until the pool is exhausted', 'edit'),
             (2, 'java-00-signalfx-receiver-request-config-without-timeouts',
              'an edit builds the request configuration without the socket, connect and pool timeouts', 'edit'),
             (0, 'java-ok-00-signalfx-receiver-response-released',
              'clean: the fix consumes and closes every ingest response', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: date processor of a log pipeline library (sawmill)
SAWMILLDATE = template('sawmill-date-processor', r'''
/**
 * Parses a date field of a log document with the configured formats and writes it, ISO formatted, to the target
 * field. A date whose text carries no zone or offset is read in the configured time zone, UTC unless one is given,
 * never in the zone of the machine the pipeline happens to run on.
 */
@ProcessorProvider(type = "date", factory = DateProcessor.Factory.class)
public class DateProcessor implements Processor {
    private static final Logger logger = LoggerFactory.getLogger(DateProcessor.class);

    private final String field;
    private final String targetField;
    private final List<String> formatPatterns;
    private final List<DateTimeFormatter> formatters;
    private final ZoneId timeZone;
    private final DateTimeFormatter outputFormatter = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public DateProcessor(String field, String targetField, List<String> formats, ZoneId timeZone) {
        this.field = requireNonNull(field, "field cannot be null");
        this.targetField = targetField != null ? targetField : "@timestamp";
        this.formatPatterns = requireNonNull(formats, "formats cannot be null");
        this.formatters = formats.stream().map(DateTimeFormatter::ofPattern).collect(Collectors.toList());
02|        this.timeZone = timeZone != null ? timeZone : ZoneOffset.UTC;
1|        this.timeZone = timeZone != null ? timeZone : ZoneId.systemDefault(); //@TIME-01
    }

    @Override
    public ProcessResult process(Doc doc) {
        if (!doc.hasField(field, String.class)) {
            return ProcessResult.failure(String.format("failed to process date, field in path [%s] is missing", field));
        }
        String value = doc.getField(field);
        DateTimeParseException lastError = null;
        for (DateTimeFormatter formatter : formatters) {
            try {
                doc.addField(targetField, outputFormatter.format(parse(value, formatter)));
                return ProcessResult.success();
            } catch (DateTimeParseException e) {
                lastError = e;
            }
        }
01|        logger.debug("failed to parse date [{}] of field [{}] with formats {}", value, field, formatPatterns);
2|        logger.debug("failed to parse date [" + value + "] of field [" + field + "] with formats " + formatPatterns); //@LOG-02
        return ProcessResult.failure(String.format("failed to parse date in path [%s], [%s] is not one of the formats %s: %s",
                field, value, formatPatterns, lastError == null ? "no format configured" : lastError.getMessage()));
    }

    private ZonedDateTime parse(String value, DateTimeFormatter formatter) {
        TemporalAccessor parsed = formatter.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime) {
            return (ZonedDateTime) parsed;
        }
        return ((LocalDateTime) parsed).atZone(timeZone);
    }

    public static class Factory implements Processor.Factory {
        @Override
        public DateProcessor create(Map<String, Object> config) {
            DateProcessor.Configuration configuration = JsonUtils.fromJsonMap(DateProcessor.Configuration.class, config);
            ZoneId zone = configuration.getTimeZone() == null ? null : ZoneId.of(configuration.getTimeZone());
            return new DateProcessor(configuration.getField(), configuration.getTargetField(), configuration.getFormats(), zone);
        }
    }

    public static class Configuration implements Processor.Configuration {
        private String field;
        private String targetField;
        private List<String> formats;
        private String timeZone;

        public String getField() { return field; }
        public String getTargetField() { return targetField; }
        public List<String> getFormats() { return formats; }
        public String getTimeZone() { return timeZone; }
    }
}
''')
_SAW = SLF4J + ['static java.util.Objects.requireNonNull', 'io.logz.sawmill.Doc', 'io.logz.sawmill.ProcessResult',
                'io.logz.sawmill.Processor', 'io.logz.sawmill.annotations.ProcessorProvider',
                'io.logz.sawmill.utilities.JsonUtils', 'java.time.LocalDateTime', 'java.time.ZoneId',
                'java.time.ZonedDateTime', 'java.time.format.DateTimeFormatter',
                'java.time.format.DateTimeParseException', 'java.time.temporal.TemporalAccessor', 'java.util.List',
                'java.util.Map', 'java.util.stream.Collectors']
cases_of(case, GH + 'logzio/sawmill/pull/58', 'sawmill-core/' + src('io.logz.sawmill.processors', 'DateProcessor'),
         JV('io.logz.sawmill.processors', {0: _SAW + ['java.time.ZoneOffset'], 1: _SAW,
                                           2: _SAW + ['java.time.ZoneOffset']})(SAWMILLDATE), [
             (1, 'java-00-sawmill-date-without-zone-in-system-zone',
              'an edit reads a date that carries no zone in the zone of the machine running the pipeline', 'edit'),
             (2, 'java-00-sawmill-date-parse-failure-logged-concatenated',
              'an edit builds the parse failure\'s debug line by string concatenation for every unparsable date',
              'edit'),
             (0, 'java-ok-00-sawmill-date-without-zone-in-utc',
              'clean: the fix reads a date without zone in the configured zone, UTC by default', 'fix'),
         ])
