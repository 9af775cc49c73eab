"""Round-101 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- OPS-01 / ERR-01: scheduled executor of a feature flag SDK (unleash-java-sdk)
UNLEASH = template('unleash-scheduled-executor', r'''
/**
 * Runs the client's background work: fetching toggles and sending metrics. {@link #shutdown()} is called when the
 * application stops; the last metrics bucket is sent by a task that may still be running at that moment.
 */
public class UnleashScheduledExecutorImpl implements UnleashScheduledExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(UnleashScheduledExecutorImpl.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final ScheduledThreadPoolExecutor scheduledThreadPoolExecutor;

    public UnleashScheduledExecutorImpl() {
        ThreadFactory threadFactory = runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("unleash-api-executor");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
        this.scheduledThreadPoolExecutor = new ScheduledThreadPoolExecutor(1, threadFactory);
        this.scheduledThreadPoolExecutor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> setInterval(Runnable command, long initialDelaySec, long periodSec) {
        try {
            return scheduledThreadPoolExecutor.scheduleAtFixedRate(
                    guarded(command), initialDelaySec, periodSec, TimeUnit.SECONDS);
        } catch (RejectedExecutionException ex) {
            LOG.error("Unleash background task could not be scheduled", ex);
            return null;
        }
    }

    private static Runnable guarded(Runnable command) {
        return () -> {
            try {
                command.run();
            } catch (RuntimeException e) { //@{2}ERR-01
01|                LOG.warn("Unleash background task failed, retrying on the next interval", e);
2|                // the next interval retries
            }
        };
    }

    @Override
    public void shutdown() {
02|        scheduledThreadPoolExecutor.shutdown();
02|        try {
02|            if (!scheduledThreadPoolExecutor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                scheduledThreadPoolExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            scheduledThreadPoolExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        scheduledThreadPoolExecutor.shutdownNow(); //@OPS-01
    }
}
''')
cases_of(case, GH + 'Unleash/unleash-java-sdk/pull/103', src('io.getunleash.util', 'UnleashScheduledExecutorImpl'),
         J('io.getunleash.util', SLF4J + ['java.util.concurrent.Executors', 'java.util.concurrent.RejectedExecutionException',
                                         'java.util.concurrent.ScheduledFuture',
                                         'java.util.concurrent.ScheduledThreadPoolExecutor',
                                         'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit'])(UNLEASH), [
             (1, 'java-00-unleash-shutdown-interrupts-running-tasks',
              'an edit shuts the client\'s executor down with shutdownNow, so the metrics send running at shutdown is '
              'interrupted and the last bucket is lost', 'edit'),
             (2, 'java-00-unleash-background-failure-swallowed',
              'an edit drops the log of a failed background task, so a toggle fetch that fails on every interval '
              'leaves the client on stale toggles without a trace', 'edit'),
             (0, 'java-ok-00-unleash-shutdown-waits-for-tasks',
              'clean: the fix shuts the executor down and waits for running tasks within a grace period', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: CDI producer of a feature flag extension (quarkus-unleash), CRLF file
QUARKUS = template('quarkus-unleash-producer', r'''
/**
 * Produces the application's Unleash client. In dev mode Quarkus restarts the application on every live reload, so
 * the client and its executor must be released with the application or each reload leaves a poller behind.
 */
@ApplicationScoped
public class UnleashProducer {
    private static final Logger LOG = Logger.getLogger(UnleashProducer.class);

    @Produces
    @Singleton
    public Unleash unleash(UnleashRuntimeTimeConfig config) {
        UnleashConfig.Builder builder = UnleashConfig.builder()
                .appName(config.appName())
                .instanceId(config.instanceId())
                .unleashAPI(config.url())
                .fetchTogglesInterval(config.fetchTogglesInterval().getSeconds())
                .sendMetricsInterval(config.sendMetricsInterval().getSeconds())
                .scheduledExecutor(new UnleashScheduledExecutorImpl());
        config.token().ifPresent(token -> builder.customHttpHeader("Authorization", token));
01|        LOG.debugf("Creating Unleash client %s for %s", config.appName(), config.url());
2|        LOG.debug("Creating Unleash client " + config.appName() + " for " + config.url()); //@LOG-02
        return new DefaultUnleash(builder.build()); //@{1}RES-01
    }
02|
02|    void close(@Disposes Unleash unleash) {
02|        unleash.shutdown();
02|    }
}
''')
_QU_BASE = ['io.getunleash.DefaultUnleash', 'io.getunleash.Unleash', 'io.getunleash.util.UnleashConfig',
            'io.getunleash.util.UnleashScheduledExecutorImpl', 'jakarta.enterprise.context.ApplicationScoped',
            'jakarta.enterprise.inject.Produces', 'jakarta.inject.Singleton', 'org.jboss.logging.Logger']
cases_of(case, GH + 'quarkiverse/quarkus-unleash/pull/252',
         'runtime/' + src('io.quarkiverse.unleash.runtime', 'UnleashProducer'),
         JV('io.quarkiverse.unleash.runtime', {0: _QU_BASE + ['jakarta.enterprise.inject.Disposes'],
                                               1: _QU_BASE,
                                               2: _QU_BASE + ['jakarta.enterprise.inject.Disposes']})(QUARKUS), [
             (1, 'java-00-quarkus-unleash-client-never-shut-down',
              'an edit drops the disposer of the produced Unleash client, so every dev-mode reload leaves a client '
              'and its polling executor running', 'edit'),
             (2, 'java-00-quarkus-unleash-debug-log-concatenated',
              'an edit builds the client\'s debug line by string concatenation, paid even with debug logging off',
              'edit'),
             (0, 'java-ok-00-quarkus-unleash-client-disposed',
              'clean: the fix shuts the produced client down in a disposer', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-01 / LOG-01: batch emitter of an event tracker (snowplow-java-tracker)
SNOWPLOW = template('snowplow-batch-emitter', r'''
/**
 * Buffers tracked events and sends them to the collector in batches from one sender thread. The tracker runs inside
 * the host application; a sender thread that dies silently stops all tracking while the buffer fills up.
 */
public class BatchEmitter implements Emitter, Closeable {
    private static final Logger LOGGER = LoggerFactory.getLogger(BatchEmitter.class);
    private static final String THREAD_NAME_PREFIX = "snowplow-emitter-";
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger(1);

    private final EventStore eventStore;
    private final HttpClientAdapter httpClientAdapter;
    private final int batchSize;
    private final Thread sender;
    private volatile boolean closed;

    public BatchEmitter(EmitterBuilder builder) {
        this.eventStore = builder.eventStore != null ? builder.eventStore : new InMemoryEventStore(builder.bufferCapacity);
        this.httpClientAdapter = builder.httpClientAdapter;
        this.batchSize = builder.batchSize;
        this.sender = newSenderThread(this::sendLoop);
        this.sender.start();
    }

    private Thread newSenderThread(Runnable loop) {
        Thread thread = new Thread(loop, THREAD_NAME_PREFIX + THREAD_NUMBER.getAndIncrement()); //@{1}CONC-01
        thread.setDaemon(true);
02|        thread.setUncaughtExceptionHandler((t, e) ->
02|                LOGGER.error("Emitter thread {} stopped; buffered events are no longer sent", t.getName(), e));
        return thread;
    }

    @Override
    public boolean add(TrackerPayload payload) {
        return !closed && eventStore.addEvent(payload);
    }

    private void sendLoop() {
        while (!closed) {
            try {
                List<TrackerPayload> batch = eventStore.takeBatch(batchSize, 5, TimeUnit.SECONDS);
                if (!batch.isEmpty()) {
                    send(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<TrackerPayload> batch) {
        int code = httpClientAdapter.post(new SelfDescribingJson(Constants.SCHEMA_PAYLOAD_DATA, batch));
        if (code >= 200 && code < 300) {
01|            LOGGER.debug("Sent a batch of {} events", batch.size());
2|            for (TrackerPayload payload : batch) {
2|                LOGGER.info("Sent event {} to the collector", payload.getEventId()); //@LOG-01
2|            }
        } else {
            LOGGER.warn("Collector answered {} for a batch of {} events; they go back to the buffer", code, batch.size());
            eventStore.putBack(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
    }
}
''')
cases_of(case, GH + 'snowplow/snowplow-java-tracker/pull/305',
         src('com.snowplowanalytics.snowplow.tracker.emitter', 'BatchEmitter'),
         J('com.snowplowanalytics.snowplow.tracker.emitter',
           SLF4J + ['com.snowplowanalytics.snowplow.tracker.constants.Constants',
                    'com.snowplowanalytics.snowplow.tracker.http.HttpClientAdapter',
                    'com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson',
                    'com.snowplowanalytics.snowplow.tracker.payload.TrackerPayload', 'java.io.Closeable',
                    'java.util.List', 'java.util.concurrent.TimeUnit',
                    'java.util.concurrent.atomic.AtomicInteger'])(SNOWPLOW), [
             (1, 'java-00-snowplow-sender-thread-without-handler',
              'an edit builds the emitter\'s sender thread without an uncaught-exception handler, so a collector '
              'client failure ends all sending without a log line', 'edit'),
             (2, 'java-00-snowplow-info-line-per-sent-event',
              'an edit logs every sent event at info level, so a busy application writes one log line per tracked '
              'event', 'edit'),
             (0, 'java-ok-00-snowplow-sender-thread-with-handler',
              'clean: the fix gives the sender thread an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: HTTP sender of a web analytics tracker (matomo-java-tracker), new file
MATOMO = template('matomo-java11-sender', r'''
/**
 * Sends tracking requests to Matomo with the JDK's HTTP client. A tracker is created once per application and sends
 * from request threads, so the sender must not start threads per request.
 */
public class Java11Sender implements Sender {
    private final TrackerConfiguration configuration;
    private final QueryCreator queryCreator;
02|    private final HttpClient httpClient;

02|    public Java11Sender(TrackerConfiguration configuration, QueryCreator queryCreator, HttpClient httpClient) {
1|    public Java11Sender(TrackerConfiguration configuration, QueryCreator queryCreator) {
        this.configuration = configuration;
        this.queryCreator = queryCreator;
02|        this.httpClient = httpClient;
    }

    @Override
    public void sendSingle(MatomoRequest request) {
1|        HttpClient httpClient = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build(); //@RES-04
        HttpRequest httpRequest = HttpRequest.newBuilder(buildUri(request)) //@{2}TMO-01
01|                .timeout(configuration.getSocketTimeout())
                .header("User-Agent", configuration.getUserAgent())
                .GET()
                .build();
        try {
            HttpResponse<Void> response = httpClient.send(httpRequest, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() > 399) {
                throw new MatomoException("Tracking endpoint responded with code " + response.statusCode());
            }
        } catch (IOException e) {
            throw new MatomoException("Could not send request via GET", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatomoException("Interrupted while sending request via GET", e);
        }
    }

    private URI buildUri(MatomoRequest request) {
        return URI.create(configuration.getApiEndpoint() + "?" + queryCreator.createQuery(request, configuration.getDefaultAuthToken()));
    }
}
''')
_MATOMO_BASE = ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                'java.net.http.HttpResponse']
cases_of(case, GH + 'matomo-org/matomo-java-tracker/issues/215',
         'java11/' + src('org.matomo.java.tracking', 'Java11Sender'),
         JV('org.matomo.java.tracking', {0: _MATOMO_BASE, 1: _MATOMO_BASE + ['java.util.concurrent.Executors'],
                                         2: _MATOMO_BASE})(MATOMO), [
             (1, 'java-00-matomo-http-client-per-request',
              'a new sender builds an HTTP client with its own thread pool for every tracking request, so each '
              'tracked page view starts threads and a connection pool that nothing shuts down', 'new'),
             (2, 'java-00-matomo-request-without-timeout',
              'a new sender sends tracking requests without a timeout, so a Matomo server that stops answering '
              'parks the application\'s request threads', 'new'),
             (0, 'java-ok-00-matomo-shared-client-with-timeout',
              'clean: a new sender on the tracker\'s one client, each request with the socket timeout', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: Apache requester of a search-as-a-service client (algoliasearch-client-java)
ALGOLIA = template('algolia-apache-requester', r'''
/**
 * Performs the client's requests with Apache's HttpClient. The connection pool is shared by every index of the
 * client, so each response must hand its connection back whatever its status.
 */
public final class ApacheHttpRequester implements HttpRequester {
    private final CloseableHttpClient client;
    private final RequestConfig requestConfig;

    public ApacheHttpRequester(AlgoliaConfig config) {
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(config.getConnectTimeOut())
                .setSocketTimeout(config.getReadTimeOut())
                .setConnectionRequestTimeout(config.getConnectTimeOut())
                .build();
        this.client = HttpClients.custom()
                .setDefaultRequestConfig(requestConfig)
                .setMaxConnTotal(config.getMaxConnections())
                .setMaxConnPerRoute(config.getMaxConnectionsPerRoute())
                .build();
    }

    @Override
    public HttpResponse performRequest(HttpRequest request) {
        HttpRequestBase apacheRequest = buildRequest(request);
02|        try (CloseableHttpResponse response = client.execute(apacheRequest)) {
1|        try {
1|            CloseableHttpResponse response = client.execute(apacheRequest); //@RES-02
            int status = response.getStatusLine().getStatusCode();
            if (status >= 500) {
                return HttpResponse.retryable(status);
            }
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new HttpResponse(status, body);
        } catch (IOException e) {
            return HttpResponse.networkError(e);
        }
    }

    private HttpRequestBase buildRequest(HttpRequest request) {
        HttpRequestBase apacheRequest = request.getMethod().toApacheRequest(request.getUri());
        request.getHeaders().forEach(apacheRequest::addHeader);
        if (request.getBody() != null && apacheRequest instanceof HttpEntityEnclosingRequestBase) {
            ((HttpEntityEnclosingRequestBase) apacheRequest).setEntity(new StringEntity(request.getBody(), ContentType.APPLICATION_JSON));
        }
        return apacheRequest;
    }

    @Override
02|    public void close() throws IOException {
02|        client.close();
02|    }
2|    public void close() {
2|        try {
2|            client.close();
2|        } catch (IOException e) { //@ERR-01
2|            // nothing left to do while closing
2|        }
2|    }
}
''')
cases_of(case, GH + 'algolia/algoliasearch-client-java/pull/378',
         'algoliasearch-apache/' + src('com.algolia.search', 'ApacheHttpRequester'),
         J('com.algolia.search', ['java.io.IOException', 'java.nio.charset.StandardCharsets',
                                  'org.apache.http.client.config.RequestConfig',
                                  'org.apache.http.client.methods.CloseableHttpResponse',
                                  'org.apache.http.client.methods.HttpEntityEnclosingRequestBase',
                                  'org.apache.http.client.methods.HttpRequestBase',
                                  'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
                                  'org.apache.http.impl.client.CloseableHttpClient',
                                  'org.apache.http.impl.client.HttpClients',
                                  'org.apache.http.util.EntityUtils'])(ALGOLIA), [
             (1, 'java-00-algolia-response-not-closed-on-retryable-status',
              'an edit takes the response out of its try-with-resources, so every 5xx answer returns without closing '
              'it and the shared pool runs out of connections', 'edit'),
             (2, 'java-00-algolia-close-failure-swallowed',
              'an edit makes close swallow the failure of closing the HTTP client', 'edit'),
             (0, 'java-ok-00-algolia-response-closed',
              'clean: the fix closes every response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: token refresher of a backend-as-a-service admin SDK (firebase-admin-java)
FIREBASE = template('firebase-token-refresher', r'''
/**
 * Refreshes the app's OAuth2 token shortly before it expires. Started when a service first needs a token and
 * stopped by {@link FirebaseApp#delete()}, which must leave no thread of the app behind.
 */
class TokenRefresher implements CredentialsChangedListener {
    private static final Logger logger = LoggerFactory.getLogger(TokenRefresher.class);
    private static final long REFRESH_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(55);

    private final FirebaseApp app;
    private final GoogleCredentials credentials;
    private final ThreadManager threadManager;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> refreshTask;

    TokenRefresher(FirebaseApp app, GoogleCredentials credentials, ThreadManager threadManager) {
        this.app = app;
        this.credentials = credentials;
        this.threadManager = threadManager;
02|        this.executor = threadManager.getScheduledExecutor(app);
1|        this.executor = FirebaseExecutors.DEFAULT_SCHEDULED_EXECUTOR; //@RES-01
    }

    @Override
    public synchronized void onChanged(OAuth2Credentials credentials) {
        AccessToken token = credentials.getAccessToken();
        long delay = token.getExpirationTime().getTime() - System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(5);
        scheduleRefresh(Math.max(delay, 0));
    }

    private synchronized void scheduleRefresh(long delayMillis) {
        cancelRefresh();
01|        refreshTask = executor.scheduleWithFixedDelay(this::refreshAndLogFailure, delayMillis,
01|                REFRESH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
2|        refreshTask = executor.scheduleWithFixedDelay(this::refresh, delayMillis, //@CONC-07
2|                REFRESH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }
01|
01|    private void refreshAndLogFailure() {
01|        try {
01|            refresh();
01|        } catch (RuntimeException e) {
01|            logger.warn("Failed to refresh the OAuth2 token of app {}; retrying on the next interval", app.getName(), e);
01|        }
01|    }

    private void refresh() {
        try {
            credentials.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Token refresh failed", e);
        }
    }

    private synchronized void cancelRefresh() {
        if (refreshTask != null) {
            refreshTask.cancel(false);
            refreshTask = null;
        }
    }

    synchronized void stop() {
        cancelRefresh();
02|        threadManager.releaseScheduledExecutor(app, executor);
    }
}
''')
_FB_BASE = SLF4J + ['com.google.auth.oauth2.AccessToken', 'com.google.auth.oauth2.GoogleCredentials',
                    'com.google.auth.oauth2.OAuth2Credentials',
                    'com.google.auth.oauth2.OAuth2Credentials.CredentialsChangedListener',
                    'java.io.IOException', 'java.io.UncheckedIOException',
                    'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
                    'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'firebase/firebase-admin-java/issues/73', src('com.google.firebase', 'TokenRefresher'),
         JV('com.google.firebase', {0: _FB_BASE, 1: _FB_BASE + ['com.google.firebase.internal.FirebaseExecutors'],
                                    2: _FB_BASE})(FIREBASE), [
             (1, 'java-00-firebase-refresher-on-process-executor',
              'an edit schedules the token refresh on the process-wide executor and stops releasing the app\'s '
              'executor, so a deleted app leaves its refresher thread running and the JVM never exits', 'edit'),
             (2, 'java-00-firebase-refresh-scheduled-without-catch',
              'an edit schedules the refresh task itself, so one failed token refresh cancels every later refresh '
              'and the app\'s calls fail once the token expires', 'edit'),
             (0, 'java-ok-00-firebase-refresher-on-app-executor',
              'clean: the fix refreshes on the app\'s own executor and releases it when the app is deleted', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: HTTP transport of a product analytics SDK (Amplitude-Java), moved file
AMPLITUDE = template('amplitude-transport', r'''
/**
 * Sends event batches to the HTTP API on the send pool. Under load the pool must push back on the callers instead of
 * growing a thread per blocked request.
 */
public class HttpTransport {
    private static final int MAX_SEND_THREADS = 8;
    private static final int SEND_QUEUE_CAPACITY = 256;

    private final HttpCall httpCall;
    private final AmplitudeCallbacks callbacks;
    private final ExecutorService sendThreadPool;

    public HttpTransport(HttpCall httpCall, AmplitudeCallbacks callbacks) {
        this.httpCall = httpCall;
        this.callbacks = callbacks;
02|        this.sendThreadPool = new ThreadPoolExecutor(1, MAX_SEND_THREADS, 60L, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(SEND_QUEUE_CAPACITY), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.sendThreadPool = Executors.newCachedThreadPool(); //@CONC-02
    }

    public CompletableFuture<Response> sendEvents(List<Event> events) {
        return CompletableFuture.supplyAsync(() -> httpCall.makeRequest(events), sendThreadPool);
    }

    public void flush(List<Event> events) {
01|        sendEvents(events).whenComplete((response, error) -> {
01|            if (error != null) {
01|                callbacks.onFailure(events, error);
01|            } else {
01|                handleResponse(response, events);
01|            }
01|        });
2|        sendEvents(events).thenAccept(response -> handleResponse(response, events)); //@CONC-06
    }

    private void handleResponse(Response response, List<Event> events) {
        if (response.status == Status.SUCCESS) {
            callbacks.onSuccess(events);
        } else {
            callbacks.onFailure(events, new AmplitudeInvalidAPIKeyException(response.error));
        }
    }

    public void shutdown() throws InterruptedException {
        sendThreadPool.shutdown();
        sendThreadPool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
''')
_AMP_BASE = ['com.amplitude.AmplitudeCallbacks', 'com.amplitude.Event', 'com.amplitude.Response', 'com.amplitude.Status',
             'com.amplitude.exception.AmplitudeInvalidAPIKeyException', 'java.util.List',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'amplitude/Amplitude-Java/pull/107', src('com.amplitude.transport', 'HttpTransport'),
         JV('com.amplitude.transport', {0: _AMP_BASE + ['java.util.concurrent.ArrayBlockingQueue',
                                                        'java.util.concurrent.ThreadPoolExecutor'],
                                        1: _AMP_BASE + ['java.util.concurrent.Executors'],
                                        2: _AMP_BASE + ['java.util.concurrent.ArrayBlockingQueue',
                                                        'java.util.concurrent.ThreadPoolExecutor']})(AMPLITUDE), [
             (1, 'java-00-amplitude-moved-transport-unbounded-send-pool',
              'a PR moves the transport into its own package and sends on an unbounded cached pool, so a slow API '
              'grows a thread per pending batch', 'rename'),
             (2, 'java-00-amplitude-moved-transport-send-failure-ignored',
              'a PR moves the transport into its own package and flushes with thenAccept only, so a batch whose '
              'request throws is neither reported to the callbacks nor logged', 'rename'),
             (0, 'java-ok-00-amplitude-moved-transport',
              'clean: the move alone; the send pool is bounded and failures reach the callbacks', 'rename'),
         ], rename_from=src('com.amplitude', 'HttpTransport'),
         rename_old=lambda t: t.replace('package com.amplitude.transport;', 'package com.amplitude;').replace(
             'import com.amplitude.AmplitudeCallbacks;\nimport com.amplitude.Event;\nimport com.amplitude.Response;\n'
             'import com.amplitude.Status;\n', ''))


# ---------------------------------------------------------------- CONC-02 / CONC-04: event handler thread of a feature flag streaming library (okhttp-eventsource)
EVENTSOURCE = template('eventsource-async-handler', r'''
/**
 * Hands the stream's events to the application's handler on the event thread, so that a slow handler does not stall
 * reading the stream. At most {@code maxEventTasksInFlight} events wait for the handler; the stream reader blocks
 * beyond that.
 */
final class AsyncEventHandler implements EventHandler {
    private final Executor executor;
    private final EventHandler eventSourceHandler;
    private final LDLogger logger;
    private final String streamName;
02|    private final Semaphore semaphore;

    AsyncEventHandler(Executor executor, EventHandler eventSourceHandler, LDLogger logger, String streamName,
            int maxEventTasksInFlight) {
        this.executor = executor;
        this.eventSourceHandler = eventSourceHandler;
        this.logger = logger;
        this.streamName = streamName;
02|        this.semaphore = new Semaphore(maxEventTasksInFlight > 0 ? maxEventTasksInFlight : Integer.MAX_VALUE);
    }

    @Override
    public void onMessage(String event, MessageEvent messageEvent) {
        execute(() -> eventSourceHandler.onMessage(event, messageEvent));
    }

    @Override
    public void onError(Throwable error) {
        execute(() -> eventSourceHandler.onError(error));
    }

    private void execute(Runnable task) {
02|        acquire();
        try {
            executor.execute(() -> { //@{1}CONC-02
                try {
                    MDC.put("eventSource", streamName); //@{2}CONC-04
                    runHandler(task);
                } finally {
01|                    MDC.remove("eventSource");
02|                    semaphore.release();
                }
            });
        } catch (RejectedExecutionException e) {
02|            semaphore.release();
            throw e;
        }
    }

    private void runHandler(Runnable task) {
        try {
            task.run();
        } catch (Exception e) {
            logger.warn("Event handler threw an exception: {}", e.toString());
        }
    }
02|
02|    private void acquire() {
02|        try {
02|            semaphore.acquire();
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            throw new RejectedExecutionException("Thread interrupted while waiting for an event handler slot", e);
02|        }
02|    }
}
''')
_ES_BASE = ['com.launchdarkly.logging.LDLogger', 'java.util.concurrent.Executor',
            'java.util.concurrent.RejectedExecutionException', 'org.slf4j.MDC']
cases_of(case, GH + 'launchdarkly/okhttp-eventsource/pull/58',
         src('com.launchdarkly.eventsource', 'AsyncEventHandler'),
         JV('com.launchdarkly.eventsource', {0: _ES_BASE + ['java.util.concurrent.Semaphore'], 1: _ES_BASE,
                                             2: _ES_BASE + ['java.util.concurrent.Semaphore']})(EVENTSOURCE), [
             (1, 'java-00-eventsource-handler-queue-unbounded',
              'an edit drops the semaphore that bounds the events waiting for the handler, so a slow handler lets '
              'the event executor\'s queue grow with the whole stream', 'edit'),
             (2, 'java-00-eventsource-mdc-not-removed',
              'an edit drops the removal of the stream name from the MDC, so the event thread carries the last '
              'stream\'s name into every later log line', 'edit'),
             (0, 'java-ok-00-eventsource-handler-queue-bounded',
              'clean: the fix bounds the events in flight with a semaphore', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TIME-01: event sender of a customer engagement platform SDK (swrve-android-sdk)
SWRVE = template('swrve-event-sender', r'''
/**
 * Sends the queued events of a user to the events API. Called for every flush, which the SDK triggers on a timer and
 * whenever the application goes to the background.
 */
class SwrveEventSender {
    private static final String LOG_TAG = "SwrveSDK";

    private final SwrveConfigBase config;
    private final IRESTClient restClient;
02|    private final ExecutorService restClientExecutor;

02|    SwrveEventSender(SwrveConfigBase config, IRESTClient restClient, ExecutorService restClientExecutor) {
1|    SwrveEventSender(SwrveConfigBase config, IRESTClient restClient) {
        this.config = config;
        this.restClient = restClient;
02|        this.restClientExecutor = restClientExecutor;
    }

    void sendEventsInBackground(final String userId, final List<String> events, final IRESTResponseListener listener) {
1|        ExecutorService executor = Executors.newSingleThreadExecutor(); //@RES-04
1|        executor.execute(new SwrveRunnable() {
02|        restClientExecutor.execute(new SwrveRunnable() {
            @Override
            public void run() {
                String body = EventHelper.eventsAsBatch(events, userId, config.getAppVersion(), installDate(config.getInstallTime()));
                restClient.post(config.getEventsUrl() + "/1/batch", body, listener);
            }
        });
    }

    static String installDate(long installTimeMillis) {
        SimpleDateFormat format = new SimpleDateFormat("yyyyMMdd", Locale.US); //@{2}TIME-01
01|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(installTimeMillis));
    }
}
''')
_SWRVE_BASE = ['com.swrve.sdk.rest.IRESTClient', 'com.swrve.sdk.rest.IRESTResponseListener',
               'com.swrve.sdk.config.SwrveConfigBase', 'java.text.SimpleDateFormat', 'java.util.Date',
               'java.util.List', 'java.util.Locale', 'java.util.concurrent.ExecutorService']
cases_of(case, GH + 'Swrve/swrve-android-sdk/pull/168',
         'SwrveSDKCommon/' + src('com.swrve.sdk', 'SwrveEventSender'),
         JV('com.swrve.sdk', {0: _SWRVE_BASE + ['java.util.TimeZone'],
                              1: _SWRVE_BASE + ['java.util.TimeZone', 'java.util.concurrent.Executors'],
                              2: _SWRVE_BASE})(SWRVE), [
             (1, 'java-00-swrve-executor-per-flush',
              'an edit sends every flush on a new single-thread executor that is never shut down, so each flush '
              'leaves a parked thread behind', 'edit'),
             (2, 'java-00-swrve-install-date-in-device-zone',
              'an edit formats the install date in the device\'s default zone, so users east or west of UTC are '
              'reported as installed a day early or late', 'edit'),
             (0, 'java-ok-00-swrve-shared-rest-executor',
              'clean: the fix sends every flush on the SDK\'s one REST executor', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: task waiting of a search engine client (meilisearch-java)
MEILI_JAVA = template('meilisearch-java-wait', r'''
/** Class covering the tasks API. */
public class TasksHandler {
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELED = "canceled";

    private final HttpClient httpClient;

    protected TasksHandler(Config config) {
        this.httpClient = config.httpClient;
    }

    Task getTask(int taskUid) throws MeilisearchException {
        String urlPath = "/tasks/" + taskUid;
        return httpClient.get(urlPath, Task.class);
    }

    /**
     * Waits for the task to finish, polling every {@code intervalInMs}. Callers wait on their own thread, usually a
     * request thread, so the wait must end after {@code timeoutInMs} and when the thread is interrupted.
     */
    void waitForTask(int taskUid, int timeoutInMs, int intervalInMs) throws MeilisearchException {
        String status = "";
        long startTime = System.currentTimeMillis();
        while (!SUCCEEDED.equals(status) && !FAILED.equals(status) && !CANCELED.equals(status)) { //@{2}TMO-01
01|            if (System.currentTimeMillis() - startTime >= timeoutInMs) {
01|                throw new MeilisearchTimeoutException("Task " + taskUid + " not finished after " + timeoutInMs + "ms");
01|            }
            status = getTask(taskUid).getStatus();
            try {
                Thread.sleep(intervalInMs);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
                throw new MeilisearchTimeoutException("Interrupted while waiting for task " + taskUid, e);
            }
        }
    }
}
''')
cases_of(case, GH + 'meilisearch/meilisearch-java/issues/669', src('com.meilisearch.sdk', 'TasksHandler'),
         J('com.meilisearch.sdk', ['com.meilisearch.sdk.exceptions.MeilisearchException',
                                   'com.meilisearch.sdk.exceptions.MeilisearchTimeoutException',
                                   'com.meilisearch.sdk.http.HttpClient', 'com.meilisearch.sdk.model.Task'])(MEILI_JAVA), [
             (1, 'java-00-meilisearch-wait-interrupt-flag-lost',
              'an edit stops restoring the interrupt flag when the wait for a task is interrupted, so a pool shutting '
              'down cannot see that its worker was interrupted', 'edit'),
             (2, 'java-00-meilisearch-wait-without-timeout',
              'an edit drops the timeout of the wait for a task, so a task stuck in processing holds the calling '
              'thread for good', 'edit'),
             (0, 'java-ok-00-meilisearch-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag before giving up the wait', 'fix'),
         ])
