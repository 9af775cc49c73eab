"""Round-128 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-07 / CONC-05: report loop of a metrics library (tally)
TALLYLOOP = template('tally-scope-report-loop', r'''
/**
 * Reports a root scope's metrics every interval on one scheduler thread, and once more when the scope is closed.
 * A report that throws must not end the schedule: the scope would stop reporting without a word.
 */
class ScopeReportLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScopeReportLoop.class);

    private final ScopeImpl scope;
    private final ScheduledExecutorService scheduler;

    ScopeReportLoop(ScopeImpl scope, ScheduledExecutorService scheduler) {
        this.scope = scope;
        this.scheduler = scheduler;
    }

    void start(long intervalMillis) {
02|        scheduler.scheduleWithFixedDelay(this::reportSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
1|        scheduler.scheduleWithFixedDelay(scope::reportLoopRun, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

02|    private void reportSafely() {
02|        try {
02|            scope.reportLoopRun();
02|        } catch (RuntimeException e) {
02|            LOG.error("Reporting scope metrics failed; the next interval reports again", e);
02|        }
02|    }
02|
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
        scope.reportLoopRun();
    }
}
''')
_TY_PKG = 'com.uber.m3.tally'
_TY = SLF4J + ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'uber-java/tally/issues/31', 'core/' + src(_TY_PKG, 'ScopeReportLoop'),
         J(_TY_PKG, _TY)(TALLYLOOP), [
             (1, 'java-00-tally-report-loop-unguarded',
              'an edit schedules the scope\'s report directly, so the first exception a reporter throws cancels every '
              'later report without a log line', 'edit'),
             (2, 'java-00-tally-report-loop-close-interrupt-swallowed',
              'an edit drops the restore of the interrupt flag when closing the loop is interrupted', 'edit'),
             (0, 'java-ok-00-tally-report-loop-guarded',
              'clean: the fix schedules a wrapper that catches and logs each failed report', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: reconnect of an IoT platform MQTT client (iot-java)
IOTFRECON = template('iotf-client-reconnect', r'''
    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("Connection to Watson IoT Platform lost ({}), reconnecting in the background", cause.toString());
        Thread reconnect = new Thread(this::reconnectUntilConnected, "iotf-reconnect-" + clientId); //@{1}CONC-01
        reconnect.setDaemon(true);
02|        reconnect.setUncaughtExceptionHandler((t, e) -> LOG.error("Reconnect thread {} died", t.getName(), e));
        reconnect.start();
    }

    private void reconnectUntilConnected() {
        long backoffMillis = 1_000;
        while (!mqttAsyncClient.isConnected() && !disconnectRequested) {
            try {
                mqttAsyncClient.connect(mqttClientOptions).waitForCompletion(connectTimeoutMillis);
                LOG.info("Reconnected to Watson IoT Platform as {}", clientId);
                return;
01|            } catch (MqttException e) {
01|                LOG.warn("Reconnect of {} failed (reason {}), retrying in {} ms", clientId, e.getReasonCode(), backoffMillis, e);
2|            } catch (MqttException ignored) { //@ERR-01
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
    }
''')
_IOTF_PKG = 'com.ibm.iotf.client'
_IOTF_HEAD = r'''
/**
 * The connection shared by device, gateway and application clients. A lost connection is re-established on a
 * background thread with exponential back-off, never on Paho's callback thread, which cannot connect.
 */
public abstract class AbstractClient implements MqttCallbackExtended {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractClient.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    protected final String clientId;
    protected final MqttAsyncClient mqttAsyncClient;
    protected final MqttConnectOptions mqttClientOptions;
    protected final long connectTimeoutMillis;
    protected volatile boolean disconnectRequested;

    protected AbstractClient(String clientId, MqttAsyncClient client, MqttConnectOptions options, long connectTimeoutMillis) {
        this.clientId = clientId;
        this.mqttAsyncClient = client;
        this.mqttClientOptions = options;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }
'''
IOTFCLIENT = _IOTF_HEAD + IOTFRECON + '}\n'
_IOTF = SLF4J + ['org.eclipse.paho.client.mqttv3.MqttAsyncClient', 'org.eclipse.paho.client.mqttv3.MqttCallbackExtended',
                 'org.eclipse.paho.client.mqttv3.MqttConnectOptions', 'org.eclipse.paho.client.mqttv3.MqttException']
cases_of(case, GH + 'ibm-watson-iot/iot-java/issues/142', src(_IOTF_PKG, 'AbstractClient'),
         J(_IOTF_PKG, _IOTF)(IOTFCLIENT), [
             (1, 'java-00-iotf-reconnect-thread-without-handler',
              'an edit drops the uncaught-exception handler of the reconnect thread, so a runtime failure while '
              'reconnecting ends the thread and the client stays offline without a trace', 'edit'),
             (2, 'java-00-iotf-reconnect-failure-swallowed',
              'an edit catches each failed reconnect attempt and drops it, reason code and all', 'edit'),
             (0, 'java-ok-00-iotf-reconnect-thread-with-handler',
              'clean: the fix gives the reconnect thread a handler that logs its death', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: callback dispatcher of an IoT device SDK (aws-iot-device-sdk-java), new file
AWSDISPATCH = template('aws-iot-callback-dispatcher', r'''
/**
 * Runs the client's message and connection callbacks off the MQTT network thread. The dispatcher is started on
 * connect and stopped on disconnect; a client that reconnects often gets a new pool each time, so stop must end it.
 */
public class AwsIotCallbackDispatcher {
    private static final Logger LOGGER = Logger.getLogger(AwsIotCallbackDispatcher.class.getName());

    private final int numOfClientThreads;
    private final int queueCapacity;
    private ThreadPoolExecutor executor;

    public AwsIotCallbackDispatcher(int numOfClientThreads, int queueCapacity) {
        this.numOfClientThreads = numOfClientThreads;
        this.queueCapacity = queueCapacity;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "aws-iot-callback");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOGGER.log(Level.SEVERE, "Callback thread died", e));
            return t;
        };
01|        executor = new ThreadPoolExecutor(numOfClientThreads, numOfClientThreads, 0L, TimeUnit.MILLISECONDS, //@{1}RES-01
01|                new ArrayBlockingQueue<>(queueCapacity), threads, new ThreadPoolExecutor.CallerRunsPolicy());
2|        executor = new ThreadPoolExecutor(numOfClientThreads, numOfClientThreads, 0L, TimeUnit.MILLISECONDS, //@CONC-02
2|                new LinkedBlockingQueue<>(), threads);
    }

    public void dispatch(Runnable callback) {
        ThreadPoolExecutor current;
        synchronized (this) {
            current = executor;
        }
        if (current == null) {
            LOGGER.fine("Dispatcher stopped, callback dropped");
            return;
        }
        current.execute(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Client callback failed", e);
            }
        });
    }

    public synchronized void stop() {
02|        if (executor != null) {
02|            executor.shutdown();
02|        }
        executor = null;
    }
}
''')
_AWS_PKG = 'com.amazonaws.services.iot.client.core'
_AWS = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadFactory',
        'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
        'java.util.logging.Logger']
cases_of(case, GH + 'aws/aws-iot-device-sdk-java/issues/69', 'aws-iot-device-sdk-java/' + src(_AWS_PKG, 'AwsIotCallbackDispatcher'),
         JV(_AWS_PKG, {0: _AWS, 1: _AWS, 2: [i for i in _AWS if not i.endswith('ArrayBlockingQueue')]
                       + ['java.util.concurrent.LinkedBlockingQueue']})(AWSDISPATCH), [
             (1, 'java-00-aws-iot-new-dispatcher-never-shut-down',
              'a new callback dispatcher whose stop forgets its pool, so every disconnect leaves the callback threads '
              'running', 'new'),
             (2, 'java-00-aws-iot-new-dispatcher-unbounded-queue',
              'a new callback dispatcher queues callbacks without a bound, so a slow callback lets messages pile up '
              'in memory', 'new'),
             (0, 'java-ok-00-aws-iot-new-dispatcher-shut-down',
              'clean: a new bounded callback dispatcher that shuts its pool down on stop', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: scrape handler of a JMX exporter (jmx_exporter)
JMXHANDLER = template('jmx-exporter-metrics-handler', r'''
/**
 * Serves one scrape: renders the registry into a buffer, then writes it to the client. A client that gives up
 * mid-response must not leave the exchange and its socket behind: the server has five threads.
 */
class MetricsHandler implements HttpHandler {
    private static final Logger LOGGER = Logger.getLogger(MetricsHandler.class.getName());

    private final CollectorRegistry registry;

    MetricsHandler(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Set<String> names = parseQuery(exchange.getRequestURI().getRawQuery());
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            TextFormat.write004(writer, registry.filteredMetricFamilySamples(names));
        }
        exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
        exchange.sendResponseHeaders(HttpURLConnection.HTTP_OK, body.size());
02|        try (OutputStream out = exchange.getResponseBody()) {
02|            body.writeTo(out);
02|        }
1|        body.writeTo(exchange.getResponseBody()); //@RES-01
01|        LOGGER.log(Level.FINE, "Scrape of {0} bytes took {1} ms",
01|                new Object[] {body.size(), (System.nanoTime() - start) / 1_000_000});
2|        LOGGER.fine("Scrape of " + body.size() + " bytes took " + (System.nanoTime() - start) / 1_000_000 + " ms"); //@LOG-02
    }

    private static Set<String> parseQuery(String query) {
        Set<String> names = new HashSet<>();
        if (query == null) {
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "name[]".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                names.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return names;
    }
}
''')
_JMX_PKG = 'io.prometheus.jmx'
_JMX = ['com.sun.net.httpserver.HttpExchange', 'com.sun.net.httpserver.HttpHandler',
        'io.prometheus.client.CollectorRegistry', 'io.prometheus.client.exporter.common.TextFormat',
        'java.io.ByteArrayOutputStream', 'java.io.IOException', 'java.io.OutputStream', 'java.io.OutputStreamWriter',
        'java.io.Writer', 'java.net.HttpURLConnection', 'java.net.URLDecoder', 'java.nio.charset.StandardCharsets',
        'java.util.HashSet', 'java.util.Set', 'java.util.logging.Level', 'java.util.logging.Logger']
_JMX_TEST = java(_JMX_PKG, ['static org.junit.jupiter.api.Assertions.assertEquals',
                             'static org.junit.jupiter.api.Assertions.assertTrue',
                             'io.prometheus.client.CollectorRegistry', 'io.prometheus.client.Gauge',
                             'java.net.URI', 'org.junit.jupiter.api.Test'], r"""
class MetricsHandlerTest {
    @Test
    void serves_only_the_requested_names() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        Gauge.build("jvm_up", "up").register(registry).set(1);
        Gauge.build("jvm_threads", "threads").register(registry).set(12);
        FakeExchange exchange = new FakeExchange(URI.create("/metrics?name[]=jvm_up"));

        new MetricsHandler(registry).handle(exchange);

        String body = exchange.responseBody();
        assertEquals(200, exchange.status());
        assertTrue(body.contains("jvm_up 1.0"));
        assertTrue(!body.contains("jvm_threads"));
    }
}
""")
cases_of(case, GH + 'prometheus/jmx_exporter/issues/327', 'jmx_prometheus_javaagent/' + src(_JMX_PKG, 'MetricsHandler'),
         JV(_JMX_PKG, {0: _JMX, 1: [i for i in _JMX if not i.endswith('.OutputStream')],
                       2: [i for i in _JMX if not i.endswith('.Level')]})(JMXHANDLER), [
             (1, 'java-00-jmx-exporter-response-body-left-open',
              'an edit writes the scrape to the response body without closing it, so each client that hangs up '
              'leaves an exchange and a CLOSE_WAIT socket behind', 'edit'),
             (2, 'java-00-jmx-exporter-scrape-timing-concatenated',
              'an edit concatenates the per-scrape timing line before the level check; a test for the name filter '
              'comes with it', 'edit', [f('jmx_prometheus_javaagent/' + tst(_JMX_PKG, 'MetricsHandlerTest'), new=_JMX_TEST)]),
             (0, 'java-ok-00-jmx-exporter-response-body-closed',
              'clean: the fix writes the scrape through a try-with-resources on the response body', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: metric exporter of an APM agent (bithon)
BITHONEXP = template('bithon-brpc-metric-exporter', r'''
/**
 * Sends the agent's metric batches to the collector over brpc. The exporter runs every ten seconds for each metric
 * type; while the collector is down every call fails, so failures are logged at most once a minute.
 */
public class BrpcMetricMessageExporter implements IMessageExporter {
    private static final ILogAdaptor LOG = LoggerFactory.getLogger(BrpcMetricMessageExporter.class);
    private static final long FAILURE_LOG_INTERVAL_MILLIS = 60_000;

    private final IMetricCollector collectorService;
    private final String endpoint;
02|    private final AtomicLong lastFailureLog = new AtomicLong();
02|    private final AtomicLong suppressedFailures = new AtomicLong();

    public BrpcMetricMessageExporter(IMetricCollector collectorService, String endpoint) {
        this.collectorService = collectorService;
        this.endpoint = endpoint;
    }

    @Override
    public void export(Object message) {
        MetricMessageBatch batch = (MetricMessageBatch) message;
        try {
            collectorService.sendMetrics(batch.getHeader(), batch.getMessages());
01|            LOG.debug("Exported {} {} messages to {}", batch.size(), batch.getName(), endpoint);
2|            LOG.debug("Exported " + batch.size() + " " + batch.getName() + " messages to " + endpoint); //@LOG-02
        } catch (CallerSideException | ServiceInvocationException e) {
02|            long now = System.currentTimeMillis();
02|            long last = lastFailureLog.get();
02|            if (now - last >= FAILURE_LOG_INTERVAL_MILLIS && lastFailureLog.compareAndSet(last, now)) {
02|                LOG.warn("Failed to export {} messages to {}: {} ({} earlier failures not logged)",
02|                         batch.getName(), endpoint, e.getMessage(), suppressedFailures.getAndSet(0));
02|            } else {
02|                suppressedFailures.incrementAndGet();
02|            }
1|            LOG.warn("Failed to export {} messages to {}", batch.getName(), endpoint, e); //@LOG-01
        }
    }
}
''')
_BT_PKG = 'org.bithon.agent.exporter.brpc'
_BT = ['java.util.concurrent.atomic.AtomicLong', 'org.bithon.agent.exporter.IMessageExporter',
       'org.bithon.agent.rpc.brpc.metrics.IMetricCollector', 'org.bithon.component.brpc.exception.CallerSideException',
       'org.bithon.component.brpc.exception.ServiceInvocationException',
       'org.bithon.component.commons.logging.ILogAdaptor', 'org.bithon.component.commons.logging.LoggerFactory']
cases_of(case, GH + 'FrankChen021/bithon/issues/1079', 'agent/agent-exporter/' + src(_BT_PKG, 'BrpcMetricMessageExporter'),
         JV(_BT_PKG, {0: _BT, 2: _BT, 1: [i for i in _BT if not i.endswith('AtomicLong')]})(BITHONEXP), [
             (1, 'java-00-bithon-exporter-warns-every-failure',
              'an edit logs every failed export at warn with its stack trace, so a collector outage fills the '
              'application\'s log with one trace per metric type every ten seconds', 'edit'),
             (2, 'java-00-bithon-exporter-debug-line-concatenated',
              'an edit concatenates the per-batch debug line, built on every export whether debug is on or not',
              'edit'),
             (0, 'java-ok-00-bithon-exporter-failure-log-rate-limited',
              'clean: the fix logs failures at most once a minute with a count of those it skipped', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-07: metric reporter of a monitoring client library (java-monitoring-client-library), CRLF file
GMONREP = template('google-monitoring-metric-reporter', r'''
/**
 * Pushes every registered metric to the monitoring backend at a fixed interval. AbstractScheduledService stops the
 * schedule for good when runOneIteration throws, so each iteration catches what it does not expect.
 */
public class MetricReporter extends AbstractScheduledService {
  private static final Logger logger = Logger.getLogger(MetricReporter.class.getName());

  private final MetricRegistry registry;
  private final MetricWriter writer;
  private final long writeIntervalSeconds;

  public MetricReporter(MetricRegistry registry, MetricWriter writer, long writeIntervalSeconds) {
    this.registry = registry;
    this.writer = writer;
    this.writeIntervalSeconds = writeIntervalSeconds;
  }

  @Override
  protected void runOneIteration() {
01|    try {
01|      pushOnce();
01|    } catch (RuntimeException e) {
01|      logger.log(Level.SEVERE, "Metric push failed unexpectedly; the next interval pushes again", e);
01|    }
2|    pushOnce(); //@CONC-07
  }

  private void pushOnce() {
    ImmutableList<Metric<?>> metrics = registry.getRegisteredMetrics();
    try {
      for (Metric<?> metric : metrics) {
        for (MetricPoint<?> point : metric.getTimestampedValues()) {
          writer.write(point);
        }
      }
      writer.flush();
02|    } catch (IOException e) {
02|      logger.log(Level.WARNING, "Failed to flush metrics to the monitoring backend", e);
1|    } catch (IOException e) { //@ERR-01
1|      logger.finest("Metric flush failed; the next interval writes fresh values");
    }
  }

  @Override
  protected Scheduler scheduler() {
    return Scheduler.newFixedRateSchedule(writeIntervalSeconds, writeIntervalSeconds, TimeUnit.SECONDS);
  }
}
''')
_GM_PKG = 'com.google.monitoring.metrics'
_GM = ['com.google.common.collect.ImmutableList', 'com.google.common.util.concurrent.AbstractScheduledService',
       'java.io.IOException', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'google/java-monitoring-client-library/pull/13', 'metrics/' + src(_GM_PKG, 'MetricReporter'),
         J(_GM_PKG, _GM)(GMONREP), [
             (1, 'java-00-google-monitoring-flush-error-logged-at-finest',
              'an edit logs a failed flush at finest without the exception, so a backend that rejects every write '
              'goes unnoticed', 'edit'),
             (2, 'java-00-google-monitoring-iteration-unguarded',
              'an edit runs the push without its catch, so one unexpected exception stops the reporter\'s schedule',
              'edit'),
             (0, 'java-ok-00-google-monitoring-flush-error-logged-at-warning',
              'clean: the fix logs a failed flush at warning with the exception', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / CONC-06: search stream subscription of a digital twin client (ditto-clients)
DITTOSUB = template('ditto-search-subscription', r'''
/**
 * One subscription to a search stream. Its messages go out through a single-threaded executor so that requests and
 * the cancellation keep their order; the executor lives exactly as long as the stream.
 */
final class SearchSubscriptionImpl implements SearchSubscription {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchSubscriptionImpl.class);

    private final String subscriptionId;
    private final MessagingProvider messaging;
    private final ExecutorService singleThreadedExecutor;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    SearchSubscriptionImpl(String subscriptionId, MessagingProvider messaging, ThreadFactory threadFactory) {
        this.subscriptionId = subscriptionId;
        this.messaging = messaging;
        this.singleThreadedExecutor = Executors.newSingleThreadExecutor(threadFactory); //@{1}RES-01
02|        terminated.whenComplete((ignored, error) -> singleThreadedExecutor.shutdown());
    }

    @Override
    public void request(long n) {
        singleThreadedExecutor.execute(() -> messaging.send(RequestFromSubscription.of(subscriptionId, n))
                .exceptionally(error -> {
                    terminated.completeExceptionally(error);
                    return null;
                }));
    }

    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        singleThreadedExecutor.execute(() -> {
01|            messaging.send(CancelSubscription.of(subscriptionId)).whenComplete((ack, error) -> {
01|                if (error != null) {
01|                    LOGGER.warn("Cancelling search subscription <{}> failed", subscriptionId, error);
01|                }
01|                terminated.complete(null);
01|            });
2|            messaging.send(CancelSubscription.of(subscriptionId)); //@CONC-06
2|            terminated.complete(null);
        });
    }
}
''')
_DT_PKG = 'org.eclipse.ditto.client.internal'
_DT = SLF4J + ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
               'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
               'java.util.concurrent.atomic.AtomicBoolean', 'org.eclipse.ditto.client.messaging.MessagingProvider',
               'org.eclipse.ditto.client.streaming.SearchSubscription',
               'org.eclipse.ditto.thingsearch.model.signals.commands.subscription.CancelSubscription',
               'org.eclipse.ditto.thingsearch.model.signals.commands.subscription.RequestFromSubscription']
cases_of(case, GH + 'eclipse-ditto/ditto-clients/pull/174', 'java/' + src(_DT_PKG, 'SearchSubscriptionImpl'),
         J(_DT_PKG, _DT)(DITTOSUB), [
             (1, 'java-00-ditto-search-subscription-executor-never-shut-down',
              'an edit stops shutting the subscription\'s executor down when the stream ends, so every cancelled '
              'search leaves a thread behind', 'edit'),
             (2, 'java-00-ditto-search-cancel-result-dropped',
              'an edit sends the cancellation and drops the future it returns, so a failed cancel is never seen',
              'edit'),
             (0, 'java-ok-00-ditto-search-subscription-executor-shut-down',
              'clean: the fix shuts the executor down once the stream terminates', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: TCP connection of an OPC UA stack (UA-Java-Legacy)
OPCTCP = template('opcua-tcp-connection', r'''
/**
 * The client side of one OPC UA TCP connection. The application adds and removes listeners while the reader thread
 * fires state changes to them, so the listener list must tolerate both at once.
 */
public class TcpConnection implements IConnection {
    private static final Logger logger = LoggerFactory.getLogger(TcpConnection.class);

    private final InetSocketAddress addr;
    private final int connectTimeoutMillis;
02|    private final List<IConnectionListener> listeners = new CopyOnWriteArrayList<>();
1|    private final List<IConnectionListener> listeners = new ArrayList<>(); //@CONC-03
    private volatile Socket socket;

    public TcpConnection(InetSocketAddress addr, int connectTimeoutMillis) {
        this.addr = addr;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
01|            s.connect(addr, connectTimeoutMillis);
2|            s.connect(addr); //@TMO-01
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        socket = s;
        fireStateChange(CloseableObjectState.Open, null);
    }

    @Override
    public void addConnectionListener(IConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionListener(IConnectionListener listener) {
        listeners.remove(listener);
    }

    void fireStateChange(CloseableObjectState state, ServiceResultException reason) {
        for (IConnectionListener listener : listeners) {
            try {
                listener.onClosed(state, reason);
            } catch (RuntimeException e) {
                logger.warn("Connection listener {} failed on state {}", listener, state, e);
            }
        }
    }
}
''')
_OPC_PKG = 'org.opcfoundation.ua.transport.tcp.io'
_OPC = SLF4J + ['java.io.IOException', 'java.net.InetSocketAddress', 'java.net.Socket', 'java.util.List',
                'java.util.concurrent.CopyOnWriteArrayList', 'org.opcfoundation.ua.common.ServiceResultException',
                'org.opcfoundation.ua.transport.CloseableObjectState', 'org.opcfoundation.ua.transport.IConnection',
                'org.opcfoundation.ua.transport.IConnectionListener']
cases_of(case, GH + 'OPCFoundation/UA-Java-Legacy/pull/229', src(_OPC_PKG, 'TcpConnection'),
         JV(_OPC_PKG, {0: _OPC, 2: _OPC, 1: [i for i in _OPC if not i.endswith('CopyOnWriteArrayList')]
                       + ['java.util.ArrayList']})(OPCTCP), [
             (1, 'java-00-opcua-tcp-listeners-unsynchronized',
              'an edit keeps the connection listeners in a plain ArrayList, which the reader thread iterates while the '
              'application adds and removes listeners', 'edit'),
             (2, 'java-00-opcua-tcp-connect-without-timeout',
              'an edit connects the socket without a timeout, so an unreachable server blocks open() for the OS '
              'default', 'edit'),
             (0, 'java-ok-00-opcua-tcp-listeners-copy-on-write',
              'clean: the fix keeps the listeners in a copy-on-write list', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: metric registry of a MicroProfile Metrics implementation (smallrye-metrics), renamed file
SRREG = template('smallrye-metrics-registry', r'''
/**
 * Holds the metrics and their metadata for one scope. Registration and lookup run on application threads while the
 * exporter reads the metadata for every scrape, so every access to the maps holds the registry's lock.
 */
public class MetricsRegistryImpl implements MetricRegistry {
    private static final Logger log = Logger.getLogger(MetricsRegistryImpl.class);

    private final Map<String, Metadata> metadataMap = new HashMap<>();
    private final Map<MetricID, Metric> metricMap = new HashMap<>();

    public synchronized <T extends Metric> T register(Metadata metadata, T metric, Tag... tags) {
        MetricID metricID = new MetricID(metadata.getName(), tags);
        if (metricMap.containsKey(metricID)) {
            throw new IllegalArgumentException("A metric with ID " + metricID + " already exists");
        }
01|        log.debugf("Register metric [metricId: %s, type: %s]", metricID, metadata.getTypeRaw());
2|        log.debug("Register metric [metricId: " + metricID + ", type: " + metadata.getTypeRaw() + "]"); //@LOG-02
        metadataMap.putIfAbsent(metadata.getName(), metadata);
        metricMap.put(metricID, metric);
        return metric;
    }

    @Override
02|    public synchronized Map<String, Metadata> getMetadata() {
1|    public Map<String, Metadata> getMetadata() { //@CONC-03
        return Collections.unmodifiableMap(new HashMap<>(metadataMap));
    }

    @Override
    public synchronized SortedMap<MetricID, Metric> getMetrics() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(metricMap));
    }
}
''')
_SR_PKG = 'io.smallrye.metrics.registry'
_SR_OLD = 'io.smallrye.metrics'
_SR = ['java.util.Collections', 'java.util.HashMap', 'java.util.Map', 'java.util.SortedMap', 'java.util.TreeMap',
       'org.eclipse.microprofile.metrics.Metadata', 'org.eclipse.microprofile.metrics.Metric',
       'org.eclipse.microprofile.metrics.MetricID', 'org.eclipse.microprofile.metrics.MetricRegistry',
       'org.eclipse.microprofile.metrics.Tag', 'org.jboss.logging.Logger']
cases_of(case, GH + 'smallrye/smallrye-metrics/pull/193', 'implementation/' + src(_SR_PKG, 'MetricsRegistryImpl'),
         J(_SR_PKG, _SR)(SRREG), [
             (1, 'java-00-smallrye-renamed-registry-metadata-read-unlocked',
              'a move of the registry into its own package whose getMetadata copies the metadata map without the '
              'registry lock, so a scrape during registration throws ConcurrentModificationException', 'rename'),
             (2, 'java-00-smallrye-renamed-registry-debug-line-concatenated',
              'a move of the registry into its own package whose registration debug line is concatenated', 'rename'),
             (0, 'java-ok-00-smallrye-renamed-registry-locked',
              'clean: the move alone; every map access holds the registry lock', 'rename'),
         ], rename_from='implementation/' + src(_SR_OLD, 'MetricsRegistryImpl'),
         rename_old=lambda t: t.replace('package ' + _SR_PKG + ';', 'package ' + _SR_OLD + ';'))


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP sender of an InfluxDB metrics reporter (dropwizard-metrics-influxdb)
INFLUXSENDER = template('influxdb-http-sender', r'''
/**
 * Writes line-protocol batches to InfluxDB's HTTP API. The reporter's scheduler thread calls writeData for every
 * report, so a write must end within its timeouts and hand its connection back for the next one.
 */
public class InfluxDbHttpSender extends InfluxDbBaseSender {
    private final URL url;
    private final String authStringEncoded;
    private final int connectTimeout;
    private final int readTimeout;

    public InfluxDbHttpSender(URL url, String auth, int connectTimeout, int readTimeout, TimeUnit timePrecision) {
        super(timePrecision);
        this.url = url;
        this.authStringEncoded = Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    protected int writeData(byte[] line) throws Exception {
        final HttpURLConnection con = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|        con.setConnectTimeout(connectTimeout);
02|        con.setReadTimeout(readTimeout);
        con.setRequestMethod("POST");
        con.setRequestProperty("Authorization", "Basic " + authStringEncoded);
        con.setDoOutput(true);
        try (OutputStream out = con.getOutputStream()) {
            out.write(line);
            out.flush();
        }

        int responseCode = con.getResponseCode(); //@{2}RES-02
01|        try (InputStream response = responseCode < 400 ? con.getInputStream() : con.getErrorStream()) {
01|            drain(response);
01|        }
        if (responseCode / 100 != 2) {
            throw new IOException("Server returned HTTP response code: " + responseCode + " for URL: " + url
                    + " with content :'" + con.getResponseMessage() + "'");
        }
        return responseCode;
    }

    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        byte[] buffer = new byte[4096];
        while (in.read(buffer) != -1) {
            // discard: the body only has to be read so the connection can be reused
        }
    }
}
''')
_IX_PKG = 'com.izettle.metrics.influxdb'
_IX = ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL',
       'java.nio.charset.StandardCharsets', 'java.util.Base64', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'iZettle/dropwizard-metrics-influxdb/issues/31', 'metrics-influxdb/' + src(_IX_PKG, 'InfluxDbHttpSender'),
         J(_IX_PKG, _IX)(INFLUXSENDER), [
             (1, 'java-00-influxdb-sender-write-without-timeouts',
              'an edit stops setting the connect and read timeouts of the write connection, so an InfluxDB that '
              'accepts and never answers stalls the reporter thread', 'edit'),
             (2, 'java-00-influxdb-sender-response-left-unread',
              'an edit checks the status code and leaves the response stream unread and open', 'edit'),
             (0, 'java-ok-00-influxdb-sender-write-with-timeouts',
              'clean: the fix sets both timeouts on every write connection', 'fix'),
         ])
