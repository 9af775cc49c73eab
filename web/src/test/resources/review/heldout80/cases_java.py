"""Round-80 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / ERR-01: TCP appender of a Logstash log encoder (logstash-logback-encoder), CRLF
LOGSTASHTCP = template('logstash-tcp-appender-connector', r'''
/**
 * Keeps the appender's connection to one Logstash destination: opens it, reopens it after a write fails and closes
 * it when the appender stops. Runs on the appender's single event-handling thread.
 */
class DestinationConnector {
    private final LogstashTcpSocketAppender appender;
    private final SocketFactory socketFactory;
    private final int acceptConnectionTimeout;
    private final boolean keepAlive;
    private final Duration reconnectionDelay;
    private volatile Socket socket;
    private volatile OutputStream outputStream;

    DestinationConnector(LogstashTcpSocketAppender appender, SocketFactory socketFactory, int acceptConnectionTimeout,
            boolean keepAlive, Duration reconnectionDelay) {
        this.appender = appender;
        this.socketFactory = socketFactory;
        this.acceptConnectionTimeout = acceptConnectionTimeout;
        this.keepAlive = keepAlive;
        this.reconnectionDelay = reconnectionDelay;
    }

    OutputStream outputStream() {
        return outputStream;
    }

    /** Opens a connection to the destination, retrying after the reconnection delay until it succeeds or stops. */
    void reopenSocket(InetSocketAddress destination) throws InterruptedException {
        while (appender.isStarted() && !Thread.currentThread().isInterrupted()) {
            try {
02|                closeSocket();
                Socket tempSocket = socketFactory.createSocket(); //@{1}RES-01
                tempSocket.setKeepAlive(keepAlive);
                tempSocket.connect(destination, acceptConnectionTimeout);
                outputStream = new BufferedOutputStream(tempSocket.getOutputStream(), 8192);
                socket = tempSocket;
                appender.addInfo("Log destination " + destination + ": connection established.");
                return;
            } catch (IOException e) {
                appender.addWarn("Log destination " + destination + ": connection failed, retrying in "
                        + reconnectionDelay, e);
                Thread.sleep(reconnectionDelay.toMillis());
            }
        }
    }

    /** Closes the current connection; called before reconnecting and when the appender stops. */
    void closeSocket() {
        Socket current = socket;
        socket = null;
        outputStream = null;
        if (current != null) {
            try {
                current.close();
01|            } catch (IOException e) {
01|                appender.addWarn("Failed to close the connection to the log destination", e);
01|            }
2|            } catch (IOException ignored) { //@ERR-01
2|            }
        }
    }
}
''')
cases_of(case, GH + 'logfellow/logstash-logback-encoder/issues/76',
         src('net.logstash.logback.appender', 'DestinationConnector'),
         J('net.logstash.logback.appender', [
             'java.io.BufferedOutputStream', 'java.io.IOException', 'java.io.OutputStream', 'java.net.InetSocketAddress',
             'java.net.Socket', 'java.time.Duration', 'javax.net.SocketFactory'])(LOGSTASHTCP), [
             (1, 'java-00-logstash-tcp-appender-reconnect-keeps-old-socket',
              'an edit reconnects without closing the previous socket, so every reconnect after a load balancer '
              'drops the connection leaves one more socket in CLOSE_WAIT', 'edit'),
             (2, 'java-00-logstash-tcp-appender-close-failure-swallowed',
              'an edit drops the warning when closing the old connection fails, so the appender\'s status log no '
              'longer shows why connections pile up', 'edit'),
             (0, 'java-ok-00-logstash-tcp-appender-closes-before-reconnect',
              'clean: the fix closes the previous socket before opening the next one', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-02 / RES-04: OkHttp span sender of a tracing reporter (zipkin-reporter-java)
ZIPKINOK = template('zipkin-okhttp-sender', r'''
/** Posts encoded span lists to the Zipkin collector's HTTP endpoint. */
public final class OkHttpSender extends Sender {
    private final OkHttpClient client;
    private final HttpUrl endpoint;
    private final Encoding encoding;
    private final int messageMaxBytes;

    OkHttpSender(OkHttpClient client, HttpUrl endpoint, Encoding encoding, int messageMaxBytes) {
        this.client = client;
        this.endpoint = endpoint;
        this.encoding = encoding;
        this.messageMaxBytes = messageMaxBytes;
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }

    @Override
    public int messageMaxBytes() {
        return messageMaxBytes;
    }

    @Override
    public Call<Void> sendSpans(List<byte[]> encodedSpans) {
        Request request = new Request.Builder()
                .url(endpoint)
                .post(RequestBody.create(BytesMessageEncoder.forEncoding(encoding).encode(encodedSpans),
                        MediaType.parse(encoding.mediaType())))
                .build();
01|        return new HttpCall(client.newCall(request));
2|        OkHttpClient perCall = client.newBuilder().connectTimeout(10, TimeUnit.SECONDS).build(); //@RES-04
2|        return new HttpCall(perCall.newCall(request));
    }

    static final class HttpCall extends Call.Base<Void> {
        final okhttp3.Call call;

        HttpCall(okhttp3.Call call) {
            this.call = call;
        }

        @Override
        protected Void doExecute() throws IOException {
02|            try (Response response = call.execute()) {
02|                parseResponse(response);
02|            }
1|            Response response = call.execute(); //@RES-02
1|            parseResponse(response);
            return null;
        }

        static void parseResponse(Response response) throws IOException {
            if (response.isSuccessful()) {
                return;
            }
            throw new IOException("response failed: " + response);
        }

        @Override
        public Call<Void> clone() {
            return new HttpCall(call.clone());
        }
    }
}
''')
_ZOK = ['java.io.IOException', 'java.util.List', 'okhttp3.HttpUrl', 'okhttp3.MediaType', 'okhttp3.OkHttpClient',
        'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response', 'zipkin2.reporter.BytesMessageEncoder',
        'zipkin2.reporter.Call', 'zipkin2.reporter.Encoding', 'zipkin2.reporter.Sender']
cases_of(case, GH + 'openzipkin/zipkin-reporter-java/issues/89', src('zipkin2.reporter.okhttp3', 'OkHttpSender'),
         JV('zipkin2.reporter.okhttp3', {0: _ZOK, 1: _ZOK, 2: _ZOK + ['java.util.concurrent.TimeUnit']})(ZIPKINOK), [
             (1, 'java-00-zipkin-okhttp-sender-response-never-closed',
              'an edit executes the span upload without closing its response, so OkHttp warns of a leaked '
              'connection for every flush and the pool never gets the connection back', 'edit'),
             (2, 'java-00-zipkin-okhttp-sender-client-per-call',
              'an edit derives a new OkHttp client for every span upload, each with its own connection pool and '
              'dispatcher threads', 'edit'),
             (0, 'java-ok-00-zipkin-okhttp-sender-response-closed',
              'clean: the fix closes each upload\'s response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: remote span reporter of a tracing client (jaeger-client-java), multi-hunk
JAEGERREP = template('jaeger-remote-reporter', r'''
/** Queues finished spans and hands them to the sender on a background thread; a timer flushes the sender. */
public class RemoteReporter implements Reporter {
    private static final Logger log = LoggerFactory.getLogger(RemoteReporter.class);

    private final BlockingQueue<Command> commandQueue;
    private final Sender sender;
    private final Metrics metrics;
    private final QueueProcessor queueProcessor = new QueueProcessor();

    RemoteReporter(Sender sender, int maxQueueSize, Metrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
        this.commandQueue = new ArrayBlockingQueue<>(maxQueueSize);
    }

    @Override
    public void report(JaegerSpan span) {
        if (!commandQueue.offer(new AppendCommand(span))) {
            metrics.reporterDropped.inc(1);
        }
    }

    class FlushCommand implements Command {
        @Override
        public void execute() throws SenderException {
            int n = sender.flush();
            metrics.reporterSuccess.inc(n);
2|            log.debug("Flushed " + n + " spans to " + sender); //@LOG-02
        }
    }

    class QueueProcessor implements Runnable {
        private volatile boolean open = true;
        private final Set<Class<?>> commandFailedBefore = new HashSet<>();

        @Override
        public void run() {
            while (open) {
                try {
                    Command command = commandQueue.take();
                    Class<? extends Command> commandClass = command.getClass();
                    try {
                        command.execute();
02|                        if (commandFailedBefore.remove(commandClass)) {
02|                            log.info("{} is working again", commandClass.getSimpleName());
02|                        }
                    } catch (SenderException e) {
                        metrics.reporterFailure.inc(e.getDroppedSpanCount());
02|                        if (commandFailedBefore.add(commandClass)) {
02|                            log.warn("{} failed; repeated failures are not logged until it works again",
02|                                    commandClass.getSimpleName(), e);
02|                        }
1|                        log.warn("{} failed, {} spans dropped", commandClass.getSimpleName(), //@LOG-01
1|                                e.getDroppedSpanCount(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    open = false;
                } catch (Exception e) {
                    log.error("QueueProcessor error", e);
                }
            }
        }

        void close() {
            open = false;
        }
    }
}
''')
cases_of(case, GH + 'jaegertracing/jaeger-client-java/issues/728', src('io.jaegertracing.internal.reporters', 'RemoteReporter'),
         J('io.jaegertracing.internal.reporters', SLF4J + [
             'io.jaegertracing.internal.JaegerSpan', 'io.jaegertracing.internal.exceptions.SenderException',
             'io.jaegertracing.internal.metrics.Metrics', 'io.jaegertracing.spi.Reporter', 'io.jaegertracing.spi.Sender',
             'java.util.HashSet', 'java.util.Set', 'java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.BlockingQueue'])(JAEGERREP), [
             (1, 'java-00-jaeger-remote-reporter-logs-every-failed-flush',
              'an edit logs every failed command with its stack trace, so an agent that is down floods the '
              'application\'s log with one warning per flush interval', 'edit'),
             (2, 'java-00-jaeger-remote-reporter-flush-debug-concatenated',
              'an edit adds a debug line to every flush built by concatenation, paid each second with debug '
              'logging off', 'edit'),
             (0, 'java-ok-00-jaeger-remote-reporter-logs-first-failure-only',
              'clean: the fix logs a command\'s first failure and its recovery only', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: processor of a DogStatsD client (java-dogstatsd-client)
DOGSTATSD = template('dogstatsd-processor', r'''
/** Drains the message queue into send buffers on a small pool of worker threads. */
public class StatsDProcessor {
    private static final int WAIT_SLEEP_MS = 10;

    private final BlockingQueue<Message> messages;
    private final BlockingQueue<ByteBuffer> outboundQueue;
    private final StatsDClientErrorHandler handler;
    private final ExecutorService executor;
    private final int workers;
    private final CountDownLatch endSignal;
    private volatile boolean shutdown;

    StatsDProcessor(int queueSize, StatsDClientErrorHandler handler, BlockingQueue<ByteBuffer> outboundQueue,
            int workers, ThreadFactory threadFactory) {
        this.messages = new ArrayBlockingQueue<>(queueSize);
        this.outboundQueue = outboundQueue;
        this.handler = handler;
        this.workers = workers;
        this.executor = Executors.newFixedThreadPool(workers, threadFactory);
        this.endSignal = new CountDownLatch(workers);
    }

    boolean send(Message message) {
        return !shutdown && messages.offer(message);
    }

    void startWorkers() {
        for (int i = 0; i < workers; i++) {
01|            executor.execute(new ProcessingTask());
2|            executor.submit(new ProcessingTask()); //@CONC-06
        }
    }

    private class ProcessingTask implements Runnable {
        private final StringBuilder builder = new StringBuilder();

        @Override
        public void run() {
            try {
                while (!(messages.isEmpty() && shutdown)) {
                    try {
                        Message message = messages.poll(WAIT_SLEEP_MS, TimeUnit.MILLISECONDS);
                        if (message == null) {
                            continue;
                        }
                        builder.setLength(0);
                        message.writeTo(builder);
                        outboundQueue.put(ByteBuffer.wrap(builder.toString().getBytes(StandardCharsets.UTF_8)));
                    } catch (InterruptedException e) { //@{1}CONC-05
02|                        // interrupted by shutdown(): keep the flag so the pool sees it and stop
02|                        Thread.currentThread().interrupt();
02|                        return;
1|                        handler.handle(e);
                    }
                }
            } finally {
                endSignal.countDown();
            }
        }
    }

    void shutdown() throws InterruptedException {
        shutdown = true;
        executor.shutdownNow();
        endSignal.await();
    }
}
''')
cases_of(case, GH + 'DataDog/java-dogstatsd-client/pull/193', src('com.timgroup.statsd', 'StatsDProcessor'),
         J('com.timgroup.statsd', [
             'java.nio.ByteBuffer', 'java.nio.charset.StandardCharsets', 'java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.CountDownLatch',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit'])(DOGSTATSD), [
             (1, 'java-00-dogstatsd-processor-interrupt-reported-and-ignored',
              'an edit hands the interrupt of a processing worker to the error handler and keeps polling, so the '
              'interrupt of shutdown is lost and the worker only stops once the queue drains', 'edit'),
             (2, 'java-00-dogstatsd-processor-workers-submitted-future-dropped',
              'an edit starts the processing workers with submit and drops their futures, so a worker that dies on '
              'an unexpected exception vanishes without a trace', 'edit'),
             (0, 'java-ok-00-dogstatsd-processor-interrupt-restored',
              'clean: the fix restores the interrupt flag and ends the worker', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-07: producer metrics monitor of a log shipper (singer), new file
SINGERMON = template('singer-producer-metrics-monitor', r'''
/**
 * Publishes the metrics of every Kafka producer Singer holds to Ostrich once a minute. One monitor serves all log
 * configurations: producers are shared per cluster, so there is nothing per log to watch.
 */
public final class KafkaProducerMetricsMonitor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaProducerMetricsMonitor.class);
    private static final long PERIOD_SECONDS = 60;

    private static final Set<String> PUBLISHED = Collections.unmodifiableSet(new HashSet<>(
            Arrays.asList("buffer-available-bytes", "record-error-rate", "record-retry-rate", "request-latency-avg")));

02|    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(
02|            new ThreadFactoryBuilder().setDaemon(true).setNameFormat("producer-metrics-monitor").build());
1|    private static final ExecutorService MONITORS = Executors.newCachedThreadPool( //@CONC-02
1|            new ThreadFactoryBuilder().setDaemon(true).setNameFormat("producer-metrics-monitor-%d").build());

    private final KafkaProducerManager producers;

    private KafkaProducerMetricsMonitor(KafkaProducerManager producers) {
        this.producers = producers;
    }

02|    /** Starts the one monitor; called once at startup. */
02|    public static void start(KafkaProducerManager producers) {
0|        SCHEDULER.scheduleAtFixedRate(new KafkaProducerMetricsMonitor(producers), PERIOD_SECONDS, PERIOD_SECONDS,
0|                TimeUnit.SECONDS);
2|        SCHEDULER.scheduleAtFixedRate(new KafkaProducerMetricsMonitor(producers)::publishMetrics, PERIOD_SECONDS, //@CONC-07
2|                PERIOD_SECONDS, TimeUnit.SECONDS);
02|    }
1|    /** Starts a monitor for one log configuration; called for every log Singer loads. */
1|    public static void start(KafkaProducerManager producers, SingerLogConfig logConfig) {
1|        MONITORS.execute(() -> {
1|            KafkaProducerMetricsMonitor monitor = new KafkaProducerMetricsMonitor(producers);
1|            while (!Thread.currentThread().isInterrupted()) {
1|                monitor.run();
1|                try {
1|                    TimeUnit.SECONDS.sleep(PERIOD_SECONDS);
1|                } catch (InterruptedException e) {
1|                    Thread.currentThread().interrupt();
1|                }
1|            }
1|        });
1|    }

    @Override
    public void run() {
        try {
            publishMetrics();
        } catch (RuntimeException e) {
            LOG.warn("Failed to publish Kafka producer metrics", e);
        }
    }

    private void publishMetrics() {
        for (Map.Entry<KafkaProducerConfig, KafkaProducer<byte[], byte[]>> entry : producers.getProducers().entrySet()) {
            String cluster = entry.getKey().getKafkaClusterSignature();
            for (Map.Entry<MetricName, ? extends Metric> metric : entry.getValue().metrics().entrySet()) {
                if (PUBLISHED.contains(metric.getKey().name())) {
                    Object value = metric.getValue().metricValue();
                    if (value instanceof Double) {
                        OpenTsdbMetricConverter.gauge("singer.producer." + metric.getKey().name(), (Double) value,
                                "cluster=" + cluster);
                    }
                }
            }
        }
    }
}
''')
_SM = SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'com.pinterest.singer.metrics.OpenTsdbMetricConverter',
               'com.pinterest.singer.thrift.configuration.KafkaProducerConfig', 'java.util.Arrays', 'java.util.Collections',
               'java.util.HashSet', 'java.util.Map', 'java.util.Set', 'java.util.concurrent.Executors',
               'java.util.concurrent.TimeUnit', 'org.apache.kafka.clients.producer.KafkaProducer',
               'org.apache.kafka.common.Metric', 'org.apache.kafka.common.MetricName']
cases_of(case, GH + 'pinterest/singer/pull/133', src('com.pinterest.singer.writer', 'KafkaProducerMetricsMonitor'),
         JV('com.pinterest.singer.writer', {
             0: _SM + ['java.util.concurrent.ScheduledExecutorService'],
             1: _SM + ['com.pinterest.singer.thrift.configuration.SingerLogConfig', 'java.util.concurrent.ExecutorService'],
             2: _SM + ['java.util.concurrent.ScheduledExecutorService']})(SINGERMON), [
             (1, 'java-00-singer-new-metrics-monitor-thread-per-log',
              'a new producer metrics monitor runs one endless loop per log configuration on an unbounded cached '
              'pool, so a host with hundreds of logs holds hundreds of monitor threads', 'new'),
             (2, 'java-00-singer-new-metrics-monitor-schedule-dies-on-first-failure',
              'a new producer metrics monitor schedules the bare publishing method, so the first exception of a '
              'metric read cancels the schedule and metrics stop without a trace', 'new'),
             (0, 'java-ok-00-singer-new-metrics-monitor',
              'clean: a new monitor that runs once on a single scheduled thread and catches each run\'s failure', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: OpsGenie notifier of an alerting service (seyren), multi-hunk
SEYRENOG = template('seyren-opsgenie-notifier', r'''
@Named
public class OpsGenieNotificationService implements NotificationService {
    private static final Logger LOGGER = LoggerFactory.getLogger(OpsGenieNotificationService.class);
    private static final int TIMEOUT_MILLIS = 5000;

    private final SeyrenConfig seyrenConfig;
    private final CloseableHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    public OpsGenieNotificationService(SeyrenConfig seyrenConfig) {
        this.seyrenConfig = seyrenConfig;
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(TIMEOUT_MILLIS)
02|                .setSocketTimeout(TIMEOUT_MILLIS)
02|                .setConnectionRequestTimeout(TIMEOUT_MILLIS)
02|                .build();
02|        this.client = HttpClientBuilder.create().setDefaultRequestConfig(requestConfig).build();
1|        this.client = HttpClientBuilder.create().build(); //@TMO-01
    }

    @Override
    public void sendNotification(Check check, Subscription subscription, List<Alert> alerts) throws NotificationFailedException {
        Map<String, Object> body = new HashMap<>();
        body.put("message", check.getName() + " is " + check.getState().name());
        body.put("alias", "seyren-" + check.getId());
        body.put("source", seyrenConfig.getBaseUrl());
        body.put("details", details(check, alerts));

        HttpPost post = new HttpPost(seyrenConfig.getOpsGenieUrl() + "/v2/alerts");
        post.setHeader("Authorization", "GenieKey " + subscription.getTarget());
        try {
            post.setEntity(new StringEntity(mapper.writeValueAsString(body), ContentType.APPLICATION_JSON));
        } catch (JsonProcessingException e) {
            throw new NotificationFailedException("Could not encode the OpsGenie alert", e);
        }
01|        try (CloseableHttpResponse response = client.execute(post)) {
2|        try {
2|            CloseableHttpResponse response = client.execute(post); //@RES-02
            int status = response.getStatusLine().getStatusCode();
            if (status >= 300) {
                throw new NotificationFailedException("OpsGenie answered " + status + " for check " + check.getId());
            }
            LOGGER.info("Alert for check {} sent to OpsGenie", check.getId());
        } catch (IOException e) {
            throw new NotificationFailedException("Sending notification to OpsGenie failed", e);
        }
    }

    private Map<String, String> details(Check check, List<Alert> alerts) {
        Map<String, String> details = new HashMap<>();
        details.put("check", seyrenConfig.getBaseUrl() + "/#/checks/" + check.getId());
        for (Alert alert : alerts) {
            details.put(alert.getTarget(), alert.getFromType() + " -> " + alert.getToType() + " (" + alert.getValue() + ")");
        }
        return details;
    }

    @Override
    public boolean canHandle(SubscriptionType subscriptionType) {
        return subscriptionType == SubscriptionType.OPSGENIE;
    }
}
''')
_SG = SLF4J + [
    'com.fasterxml.jackson.core.JsonProcessingException', 'com.fasterxml.jackson.databind.ObjectMapper',
    'com.seyren.core.domain.Alert', 'com.seyren.core.domain.Check', 'com.seyren.core.domain.Subscription',
    'com.seyren.core.domain.SubscriptionType', 'com.seyren.core.exception.NotificationFailedException',
    'com.seyren.core.util.config.SeyrenConfig', 'java.io.IOException', 'java.util.HashMap', 'java.util.List',
    'java.util.Map', 'javax.inject.Inject', 'javax.inject.Named', 'org.apache.http.client.methods.CloseableHttpResponse',
    'org.apache.http.client.methods.HttpPost', 'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
    'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClientBuilder']
cases_of(case, GH + 'scobal/seyren/pull/361', src('com.seyren.core.service.notification', 'OpsGenieNotificationService'),
         JV('com.seyren.core.service.notification', {0: _SG + ['org.apache.http.client.config.RequestConfig'], 1: _SG,
                                                      2: _SG + ['org.apache.http.client.config.RequestConfig']})(SEYRENOG), [
             (1, 'java-00-seyren-opsgenie-client-without-timeouts',
              'an edit builds the OpsGenie client without request timeouts (and drops the now unused import), so '
              'an OpsGenie outage blocks the check thread that raises the alert', 'edit'),
             (2, 'java-00-seyren-opsgenie-response-never-closed',
              'an edit keeps the OpsGenie response outside try-with-resources and never closes it, so each alert '
              'holds one pooled connection until the pool is exhausted', 'edit'),
             (0, 'java-ok-00-seyren-opsgenie-client-bounded',
              'clean: the fix gives the client connect, socket and pool timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / RES-04: CloudWatch metric recorder of a metrics library (swage)
SWAGECW = template('swage-cloudwatch-recorder', r'''
/**
 * Aggregates recorded metrics and publishes them to CloudWatch on a schedule. The aggregated data of the last period
 * is published once more on shutdown.
 */
public class CloudWatchRecorder extends MetricRecorder<CloudWatchRecorder.Context> {
    private static final Logger log = LogManager.getLogger(CloudWatchRecorder.class);

    private final AmazonCloudWatch metricsClient;
    private final String namespace;
    private final String region;
    private final int publishFrequency;
    private final int maxJitter;
    private final Duration shutdownTimeout;
    private final ScheduledExecutorService publishExecutor;
    private final MetricDataAggregator aggregator;

    public CloudWatchRecorder(AmazonCloudWatch client, String namespace, String region, int publishFrequency,
            int maxJitter, Duration shutdownTimeout, ScheduledExecutorService publishExecutor,
            DimensionMapper dimensionMapper) {
        this.metricsClient = client;
        this.namespace = namespace;
        this.region = region;
        this.publishFrequency = publishFrequency;
        this.maxJitter = maxJitter;
        this.shutdownTimeout = shutdownTimeout;
        this.publishExecutor = publishExecutor;
        this.aggregator = new MetricDataAggregator(dimensionMapper);
    }

    public void start() {
        int jitter = maxJitter > 0 ? ThreadLocalRandom.current().nextInt(maxJitter) : 0;
        publishExecutor.scheduleAtFixedRate(this::publishSafely, publishFrequency + jitter, publishFrequency,
                TimeUnit.SECONDS);
    }

    /** Stops the schedule, then publishes what was aggregated since the last run before the client goes away. */
    public void shutdown() {
02|        publishExecutor.shutdown();
02|        try {
02|            if (!publishExecutor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
02|                log.warn("Metric publishing did not finish within {}, cancelling it", shutdownTimeout);
02|                publishExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            publishExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
02|        publishSafely();
1|        publishExecutor.shutdownNow(); //@OPS-01
    }

    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException e) {
            log.error("Failed to publish metrics to CloudWatch", e);
        }
    }

    private void publish() {
        List<MetricDatum> data = aggregator.flush();
        if (data.isEmpty()) {
            return;
        }
01|        AmazonCloudWatch cloudWatch = metricsClient;
2|        AmazonCloudWatch cloudWatch = AmazonCloudWatchClientBuilder.standard().withRegion(region).build(); //@RES-04
        for (List<MetricDatum> batch : Lists.partition(data, 20)) {
            cloudWatch.putMetricData(new PutMetricDataRequest().withNamespace(namespace).withMetricData(batch));
        }
    }
}
''')
_SW = ['com.amazonaws.services.cloudwatch.AmazonCloudWatch', 'com.amazonaws.services.cloudwatch.model.MetricDatum',
       'com.amazonaws.services.cloudwatch.model.PutMetricDataRequest', 'com.google.common.collect.Lists',
       'java.time.Duration', 'java.util.List', 'java.util.concurrent.ScheduledExecutorService',
       'java.util.concurrent.ThreadLocalRandom', 'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager',
       'org.apache.logging.log4j.Logger', 'software.amazon.swage.metrics.MetricRecorder']
cases_of(case, GH + 'awslabs/swage/issues/26', src('software.amazon.swage.metrics.record.cloudwatch', 'CloudWatchRecorder'),
         JV('software.amazon.swage.metrics.record.cloudwatch', {
             0: _SW, 1: _SW, 2: _SW + ['com.amazonaws.services.cloudwatch.AmazonCloudWatchClientBuilder']})(SWAGECW), [
             (1, 'java-00-swage-cloudwatch-shutdown-drops-last-period',
              'an edit shuts the recorder down by interrupting the publisher at once, so the metrics of the last '
              'period are never published and an in-flight upload is cut off', 'edit'),
             (2, 'java-00-swage-cloudwatch-client-per-publish',
              'an edit builds a new CloudWatch client on every publishing run instead of using the injected one', 'edit'),
             (0, 'java-ok-00-swage-cloudwatch-shutdown-publishes-last-period',
              'clean: the fix stops the schedule, waits for the running upload and publishes the rest', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: PagerDuty notifier of an APM server (glowroot), renamed file
GLOWPD = template('glowroot-pagerduty-notifier', r'''
class PagerDutyNotifier {
    private static final Logger logger = LoggerFactory.getLogger(PagerDutyNotifier.class);
    private static final String EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    private final HttpClient httpClient;
    private final ObjectMapper mapper;

    PagerDutyNotifier(HttpClient httpClient, ObjectMapper mapper) {
        this.httpClient = httpClient;
        this.mapper = mapper;
    }

    void sendTrigger(String integrationKey, String dedupKey, String summary, String agentDisplay, long captureTime) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("summary", summary);
        payload.put("source", agentDisplay);
        payload.put("severity", "critical");
        payload.put("timestamp", formatTimestamp(captureTime));
        send(integrationKey, dedupKey, "trigger", payload);
    }

    void sendResolve(String integrationKey, String dedupKey) {
        send(integrationKey, dedupKey, "resolve", null);
    }

    private void send(String integrationKey, String dedupKey, String action, ObjectNode payload) {
        ObjectNode event = mapper.createObjectNode();
        event.put("routing_key", integrationKey);
        event.put("dedup_key", dedupKey);
        event.put("event_action", action);
        if (payload != null) {
            event.set("payload", payload);
        }
        try {
            httpClient.post(EVENTS_URL, mapper.writeValueAsBytes(event), "application/json");
        } catch (Exception e) { //@{2}ERR-01
01|            logger.error("could not send {} event to PagerDuty for {}: {}", action, dedupKey, e.getMessage(), e);
2|            // the next alert evaluation sends it again
        }
    }

    // PagerDuty reads the timestamp as ISO 8601 in UTC
    static String formatTimestamp(long captureTime) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(captureTime));
    }
}
''')
cases_of(case, GH + 'glowroot/glowroot/issues/236', src('org.glowroot.central', 'PagerDutyNotifier'),
         JV('org.glowroot.central', {v: SLF4J + [
             'com.fasterxml.jackson.databind.ObjectMapper', 'com.fasterxml.jackson.databind.node.ObjectNode',
             'java.text.SimpleDateFormat', 'java.util.Date', 'org.glowroot.central.util.HttpClient']
             + ([] if v == 1 else ['java.util.TimeZone']) for v in (0, 1, 2)})(GLOWPD), [
             (1, 'java-00-glowroot-renamed-pagerduty-notifier-timestamp-in-server-zone',
              'a PR renames the PagerDuty sender with its class and drops the UTC zone (and its import) from the '
              'incident timestamp, so incidents of a server outside UTC carry a time hours off behind a literal Z', 'rename'),
             (2, 'java-00-glowroot-renamed-pagerduty-notifier-send-failure-swallowed',
              'a PR renames the PagerDuty sender with its class and drops the log of a failed send, so a revoked '
              'integration key silently stops all paging', 'rename'),
             (0, 'java-ok-00-glowroot-renamed-pagerduty-notifier',
              'clean: the rename alone; timestamps are formatted in UTC and failed sends are logged', 'rename'),
         ], rename_from='src/main/java/org/glowroot/central/PagerDutyEventSender.java',
         rename_old=lambda t: t.replace('PagerDutyNotifier', 'PagerDutyEventSender'))


# ---------------------------------------------------------------- RES-01 / TX-01: JDBC alert history writer of an APM server plugin (scouter)
SCOUTERJDBC = template('scouter-alert-history-writer', r'''
/** Copies the alerts the collector raised into an external database, one batch per flush. */
public class AlertHistoryWriter {
    private static final Logger logger = LoggerFactory.getLogger(AlertHistoryWriter.class);
    private static final String INSERT_ALERT =
            "INSERT INTO alert_history (alert_time, obj_hash, obj_type, level, title, message) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public AlertHistoryWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(List<AlertPack> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
02|        try (Connection conn = dataSource.getConnection()) {
1|        try {
1|            Connection conn = dataSource.getConnection(); //@RES-01
            conn.setAutoCommit(false); //@{2}TX-01
01|            try (PreparedStatement ps = conn.prepareStatement(INSERT_ALERT)) {
01|                for (AlertPack alert : alerts) {
01|                    bind(ps, alert);
01|                    ps.addBatch();
01|                }
01|                ps.executeBatch();
01|                conn.commit();
01|            } catch (SQLException e) {
01|                conn.rollback();
01|                throw e;
01|            }
2|            insertBatch(conn, alerts);
2|            conn.commit();
        } catch (SQLException e) {
            logger.error("Could not write {} alerts to the alert history", alerts.size(), e);
        }
    }
2|
2|    private static void insertBatch(Connection conn, List<AlertPack> alerts) throws SQLException {
2|        try (PreparedStatement ps = conn.prepareStatement(INSERT_ALERT)) {
2|            for (AlertPack alert : alerts) {
2|                bind(ps, alert);
2|                ps.addBatch();
2|            }
2|            ps.executeBatch();
2|        }
2|    }

    private static void bind(PreparedStatement ps, AlertPack alert) throws SQLException {
        ps.setTimestamp(1, new Timestamp(alert.time));
        ps.setInt(2, alert.objHash);
        ps.setString(3, alert.objType);
        ps.setByte(4, alert.level);
        ps.setString(5, alert.title);
        ps.setString(6, alert.message);
    }
}
''')
cases_of(case, GH + 'scouter-project/scouter/issues/671', src('scouter.plugin.server.alert.jdbc', 'AlertHistoryWriter'),
         J('scouter.plugin.server.alert.jdbc', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
             'java.util.List', 'javax.sql.DataSource', 'scouter.lang.pack.AlertPack'])(SCOUTERJDBC), [
             (1, 'java-00-scouter-alert-history-connection-never-closed',
              'an edit takes the history connection out of try-with-resources and never closes it, so every flush '
              'keeps one pooled connection until the pool is exhausted', 'edit'),
             (2, 'java-00-scouter-alert-history-batch-not-rolled-back',
              'an edit moves the batch insert into a helper and drops the rollback, so a failed batch returns its '
              'connection to the pool with the transaction still open', 'edit'),
             (0, 'java-ok-00-scouter-alert-history-connection-closed',
              'clean: the fix takes the connection in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: binary serializer of a telemetry exporter (opentelemetry-java), new file
OTELSER = template('otel-exporter-serializer', r'''
/**
 * Writes export requests as protobuf. One instance serves an exporter and is called by every thread that exports,
 * which in an application server are threads the exporter does not own: nothing may stay behind on them.
 */
public final class ProtoRequestSerializer {
    private static final ThreadLocal<SerializationContext> CONTEXT = new ThreadLocal<>();

01|    private final Map<Class<?>, Integer> sizeHints = new ConcurrentHashMap<>();
2|    private final Map<Class<?>, Integer> sizeHints = new HashMap<>();

    /** The context of the serialization running on this thread, for nested marshalers. */
    static SerializationContext current() {
        SerializationContext context = CONTEXT.get();
        if (context == null) {
            throw new IllegalStateException("no serialization in progress on this thread");
        }
        return context;
    }

    public byte[] serialize(Marshaler request) throws IOException {
        int hint = sizeHints.getOrDefault(request.getClass(), request.getBinarySerializedSize());
        ByteArrayOutputStream out = new ByteArrayOutputStream(hint);
        CONTEXT.set(new SerializationContext(out)); //@{1}CONC-04
02|        try {
02|            request.writeBinaryTo(out);
02|        } finally {
02|            CONTEXT.remove();
02|        }
1|        request.writeBinaryTo(out);
01|        sizeHints.put(request.getClass(), out.size());
2|        sizeHints.put(request.getClass(), out.size()); //@CONC-03
        return out.toByteArray();
    }
}
''')
_OT = ['io.opentelemetry.exporter.internal.marshal.Marshaler', 'java.io.ByteArrayOutputStream', 'java.io.IOException',
       'java.util.Map']
cases_of(case, GH + 'open-telemetry/opentelemetry-java/issues/7083',
         src('io.opentelemetry.exporter.internal.otlp', 'ProtoRequestSerializer'),
         JV('io.opentelemetry.exporter.internal.otlp', {0: _OT + ['java.util.concurrent.ConcurrentHashMap'],
                                                           1: _OT + ['java.util.concurrent.ConcurrentHashMap'],
                                                           2: _OT + ['java.util.HashMap']})(OTELSER), [
             (1, 'java-00-otel-new-serializer-thread-local-never-removed',
              'a new request serializer sets a per-thread context holding the output buffer and never removes it, '
              'so every application-server thread that exported once keeps its last buffer', 'new'),
             (2, 'java-00-otel-new-serializer-size-hints-in-plain-map',
              'a new request serializer keeps its size hints in a plain HashMap that every exporting thread writes', 'new'),
             (0, 'java-ok-00-otel-new-serializer',
              'clean: a new serializer that removes its per-thread context in a finally and keeps hints in a '
              'concurrent map', 'new'),
         ])
