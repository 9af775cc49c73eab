"""Round-35 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every HTTP client sets its timeouts unless the case is about exactly that (TMO-01 reads both ways, as in rounds 13 to
32)."""
from common16 import make_case, java, src, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = []


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


def JV(pkg, imports_of):
    """Like J, but the imports depend on the version (`imports_of[v]`), as an IDE would leave them."""
    return lambda body: (lambda v: java(pkg, sorted(set(imports_of[v])), variant(body, v)))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- CONC-02 / CONC-01: SDK executors (firebase-android-sdk)
FIREBASE = template('firebase-executors', r'''
/** Provides the shared executors of every Firebase SDK in the app. */
@SuppressLint("ThreadPoolCreation")
public class ExecutorsRegistrar implements ComponentRegistrar {
    private static final String TAG = "FirebaseExecutors";
    private static final int MAX_BLOCKING_THREADS = 16;
    private static final int BLOCKING_QUEUE_CAPACITY = 256;

    static final Lazy<ScheduledExecutorService> BG_EXECUTOR = new Lazy<>(() ->
            scheduled(Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()),
                    factory("Firebase Background", Process.THREAD_PRIORITY_BACKGROUND))));

    static final Lazy<ScheduledExecutorService> LITE_EXECUTOR = new Lazy<>(() ->
            scheduled(Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()),
                    factory("Firebase Lite", Process.THREAD_PRIORITY_DEFAULT))));

    static final Lazy<ScheduledExecutorService> BLOCKING_EXECUTOR = new Lazy<>(() ->
02|            scheduled(boundedPool(MAX_BLOCKING_THREADS, BLOCKING_QUEUE_CAPACITY,
02|                    factory("Firebase Blocking", Process.THREAD_PRIORITY_BACKGROUND + Process.THREAD_PRIORITY_LESS_FAVORABLE))));
1|            scheduled(Executors.newCachedThreadPool( //@CONC-02
1|                    factory("Firebase Blocking", Process.THREAD_PRIORITY_BACKGROUND + Process.THREAD_PRIORITY_LESS_FAVORABLE))));

    static final Lazy<ScheduledExecutorService> SCHEDULER = new Lazy<>(() ->
            Executors.newSingleThreadScheduledExecutor(factory("Firebase Scheduler", Process.THREAD_PRIORITY_DEFAULT)));

    @Override
    public List<Component<?>> getComponents() {
        return Arrays.asList(
                Component.builder(Qualified.qualified(Background.class, ScheduledExecutorService.class))
                        .factory(c -> BG_EXECUTOR.get())
                        .build(),
                Component.builder(Qualified.qualified(Blocking.class, ScheduledExecutorService.class))
                        .factory(c -> BLOCKING_EXECUTOR.get())
                        .build(),
                Component.builder(Qualified.qualified(Lightweight.class, ScheduledExecutorService.class))
                        .factory(c -> LITE_EXECUTOR.get())
                        .build());
    }

02|    private static ExecutorService boundedPool(int threads, int queueCapacity, ThreadFactory factory) {
02|        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.CallerRunsPolicy());
02|        pool.allowCoreThreadTimeOut(true);
02|        return pool;
02|    }
02|
    private static ScheduledExecutorService scheduled(ExecutorService delegate) {
        return new DelegatingScheduledExecutorService(delegate, SCHEDULER.get());
    }

    private static ThreadFactory factory(String prefix, int priority) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Runnable prioritised = () -> {
                Process.setThreadPriority(priority);
                runnable.run();
            };
            Thread thread = new Thread(prioritised, prefix + " Thread #" + count.getAndIncrement()); //@{2}CONC-01
01|            thread.setUncaughtExceptionHandler((t, e) ->
01|                    Log.e(TAG, "Uncaught exception on " + t.getName() + ", the task is lost", e));
            thread.setDaemon(true);
            return thread;
        };
    }
}
''')
cases_of(case, GH + 'firebase/firebase-android-sdk/issues/7899',
         src('com.google.firebase.concurrent', 'ExecutorsRegistrar'),
         JV('com.google.firebase.concurrent', {
             v: ['android.annotation.SuppressLint', 'android.os.Process'] + (['android.util.Log'] if v != 2 else []) + [
                 'com.google.firebase.annotations.concurrent.Background',
                 'com.google.firebase.annotations.concurrent.Blocking',
                 'com.google.firebase.annotations.concurrent.Lightweight', 'com.google.firebase.components.Component',
                 'com.google.firebase.components.ComponentRegistrar', 'com.google.firebase.components.Lazy',
                 'com.google.firebase.components.Qualified', 'java.util.Arrays', 'java.util.List',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.atomic.AtomicLong']
                + (['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit'] if v != 1 else [])
             for v in (0, 1, 2)})(FIREBASE), [
             (1, 'java-00-firebase-blocking-executor-unbounded-cached-pool',
              'an edit backs the shared blocking executor with a cached pool, so a burst of blocking calls starts a '
              'thread for each', 'edit'),
             (2, 'java-00-firebase-executor-threads-without-uncaught-handler',
              'an edit drops the uncaught-exception handler of the SDK\'s executor threads, so a failing task dies '
              'silently or kills the app', 'edit'),
             (0, 'java-ok-00-firebase-bounded-blocking-pool-handled-threads',
              'clean: the blocking executor bounded with back-pressure, every executor thread with an uncaught '
              'handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / ERR-01: request tracking filter (ApplicationInsights-Java)
AI = template('appinsights-filter', r'''
/** Tracks every HTTP request of a web application as request telemetry. */
public final class WebRequestTrackingFilter implements Filter {
    private static final String FILTER_NAME = "ApplicationInsightsWebFilter";

    private WebModulesContainer webModulesContainer;
    private TelemetryClient telemetryClient;
    private boolean agentIsUp;

    @Override
    public void init(FilterConfig config) {
        telemetryClient = new TelemetryClient();
        webModulesContainer = new WebModulesContainer(TelemetryConfiguration.getActive());
        agentIsUp = AgentConnector.INSTANCE.isAgentRunning();
        InternalLogger.INSTANCE.info("%s initialized, agent %s", FILTER_NAME, agentIsUp ? "running" : "not running");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || telemetryClient.isDisabled()) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        RequestTelemetryContext context = new RequestTelemetryContext(System.currentTimeMillis(), request);
        ThreadContext.setRequestTelemetryContext(context); //@{1}CONC-04
02|        try {
02|            webModulesContainer.invokeOnBeginRequest(req, res);
02|            chain.doFilter(req, res);
02|        } finally {
02|            endRequest(req, res, context);
02|            ThreadContext.remove();
02|        }
1|        webModulesContainer.invokeOnBeginRequest(req, res);
1|        chain.doFilter(req, res);
1|        endRequest(req, res, context);
    }

    private void endRequest(ServletRequest req, ServletResponse res, RequestTelemetryContext context) {
        try {
            webModulesContainer.invokeOnEndRequest(req, res);
            if (agentIsUp) {
                AgentConnector.INSTANCE.unregisterRequest(context.getHttpServletRequest());
            }
        } catch (Exception e) { //@{2}ERR-01
01|            InternalLogger.INSTANCE.error("Failed to track request %s: %s",
01|                    context.getHttpServletRequest().getRequestURI(), ExceptionUtils.getStackTrace(e));
2|            // telemetry must never break the request
        }
    }

    @Override
    public void destroy() {
        webModulesContainer = null;
    }
}
''')
cases_of(case, GH + 'microsoft/ApplicationInsights-Java/pull/887',
         src('com.microsoft.applicationinsights.web.internal', 'WebRequestTrackingFilter'),
         J('com.microsoft.applicationinsights.web.internal', [
             'com.microsoft.applicationinsights.TelemetryClient', 'com.microsoft.applicationinsights.TelemetryConfiguration',
             'com.microsoft.applicationinsights.agent.internal.coresync.impl.AgentConnector',
             'com.microsoft.applicationinsights.internal.logger.InternalLogger', 'java.io.IOException',
             'javax.servlet.Filter', 'javax.servlet.FilterChain', 'javax.servlet.FilterConfig',
             'javax.servlet.ServletException', 'javax.servlet.ServletRequest', 'javax.servlet.ServletResponse',
             'javax.servlet.http.HttpServletRequest', 'org.apache.commons.lang3.exception.ExceptionUtils'])(AI), [
             (1, 'java-00-appinsights-filter-request-context-left-on-pooled-thread',
              'an edit sets the request telemetry context of the thread and no longer removes it, so the container\'s '
              'pooled thread carries it into the next request', 'edit'),
             (2, 'java-00-appinsights-filter-end-request-failure-swallowed',
              'an edit empties the catch of the end-of-request tracking, so a failing module loses telemetry without '
              'a trace', 'edit'),
             (0, 'java-ok-00-appinsights-filter-context-removed-failure-logged',
              'clean: the thread\'s request context removed in finally, a tracking failure logged', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-06 / CONC-03: async processor pool (responsive-pub)
RESPONSIVE = template('responsive-async-pool', r'''
/** Runs the user's processor on a pool of async threads and hands the results back to the stream thread. */
public class AsyncThreadPool {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncThreadPool.class);

    private final ThreadPoolExecutor executor;
01|    private final Map<AsyncEvent, Future<?>> inFlight = new ConcurrentHashMap<>();
2|    private final Map<AsyncEvent, Future<?>> inFlight = new HashMap<>(); //@CONC-03
    private final AtomicReference<Throwable> fatalException = new AtomicReference<>();
    private final FinalizingQueue finalizableRecords;

    public AsyncThreadPool(String streamThreadName, int threadPoolSize, FinalizingQueue finalizableRecords) {
        this.finalizableRecords = finalizableRecords;
        this.executor = new ThreadPoolExecutor(threadPoolSize, threadPoolSize, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new AsyncThreadFactory(streamThreadName));
    }

    /** Schedules each event on the pool; a processing error fails the event, anything else fails the stream thread. */
    public void scheduleForProcessing(List<AsyncEvent> events) {
        checkUncaughtExceptions();
        for (AsyncEvent event : events) {
02|            final CompletableFuture<Void> future = CompletableFuture.runAsync(() -> process(event), executor);
02|            inFlight.put(event, future);
02|            future.whenComplete((ignored, fatal) -> {
02|                inFlight.remove(event);
02|                if (fatal != null) {
02|                    LOG.error("Async processing of {} failed fatally", event, fatal);
02|                    fatalException.compareAndSet(null, fatal);
02|                }
02|            });
1|            final Future<?> future = executor.submit(() -> process(event)); //@CONC-06
1|            inFlight.put(event, future);
        }
    }

    private void process(AsyncEvent event) {
        try {
            event.inputRecord().process();
            event.transitionToToFinalize();
        } catch (RuntimeException processingException) {
            event.transitionToFailed(processingException);
        } finally {
1|            inFlight.remove(event);
            finalizableRecords.scheduleForFinalization(event);
        }
    }

    /** Rethrows on the stream thread the first fatal error an async thread met. */
    public void checkUncaughtExceptions() {
        Throwable fatal = fatalException.get();
        if (fatal != null) {
            throw new FatalAsyncException("Uncaught exception while processing", fatal);
        }
    }

    public int numInFlight() {
        return inFlight.size();
    }

    public void shutdown() {
        inFlight.values().forEach(f -> f.cancel(true));
        executor.shutdownNow();
    }
}
''')
cases_of(case, GH + 'responsivedev/responsive-pub/pull/300',
         src('dev.responsive.kafka.api.async.internals', 'AsyncThreadPool'),
         JV('dev.responsive.kafka.api.async.internals', {
             v: SLF4J + ['dev.responsive.kafka.api.async.internals.events.AsyncEvent',
                         'dev.responsive.kafka.api.async.internals.queues.FinalizingQueue',
                         'dev.responsive.kafka.internal.utils.FatalAsyncException', 'java.util.List', 'java.util.Map',
                         'java.util.concurrent.Future', 'java.util.concurrent.LinkedBlockingQueue',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                         'java.util.concurrent.atomic.AtomicReference']
             + {0: ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentHashMap'],
                1: ['java.util.concurrent.ConcurrentHashMap'],
                2: ['java.util.HashMap', 'java.util.concurrent.CompletableFuture']}[v]
             for v in (0, 1, 2)})(RESPONSIVE), [
             (1, 'java-00-responsive-async-pool-submitted-future-never-observed',
              'an edit submits each event to the pool and never looks at the returned future, so an error thrown past '
              'the processing catch is lost and the stream thread never fails', 'edit'),
             (2, 'java-00-responsive-async-pool-in-flight-map-not-concurrent',
              'an edit keeps the in-flight events in a plain HashMap that the stream thread and every async thread '
              'update', 'edit'),
             (0, 'java-ok-00-responsive-async-pool-observed-futures-concurrent-map',
              'clean: a concurrent in-flight map, every future observed and a fatal error handed to the stream thread',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: cloud SDK HTTP connection (tencentcloud-sdk-java)
TENCENT = template('tencent-http', r'''
/** Sends the signed API requests of one client. */
public class HttpConnection {
02|    private static final OkHttpClient SHARED_CLIENT = new OkHttpClient();
02|
02|    private final OkHttpClient client;
1|    private final int connTimeout;
1|    private final int readTimeout;
1|    private final int writeTimeout;
    private final Logger logger = LoggerFactory.getLogger(HttpConnection.class);

    public HttpConnection(Integer connTimeout, Integer readTimeout, Integer writeTimeout) {
02|        this.client = SHARED_CLIENT.newBuilder()
02|                .connectTimeout(connTimeout, TimeUnit.SECONDS)
02|                .readTimeout(readTimeout, TimeUnit.SECONDS)
02|                .writeTimeout(writeTimeout, TimeUnit.SECONDS)
02|                .build();
1|        this.connTimeout = connTimeout;
1|        this.readTimeout = readTimeout;
1|        this.writeTimeout = writeTimeout;
    }

    public Response doRequest(Request request) throws IOException {
02|        return client.newCall(request).execute();
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(connTimeout, TimeUnit.SECONDS)
1|                .readTimeout(readTimeout, TimeUnit.SECONDS)
1|                .writeTimeout(writeTimeout, TimeUnit.SECONDS)
1|                .build();
1|        return client.newCall(request).execute();
    }

    /** Posts body as JSON and returns the answer's body, failing on any status but 2xx. */
    public String postRequest(String url, String body, Headers headers) throws TencentCloudSDKException {
        MediaType contentType = MediaType.parse("application/json; charset=utf-8");
        Request request = new Request.Builder().url(url).post(RequestBody.create(contentType, body)).headers(headers).build();
01|        try (Response response = doRequest(request)) {
01|            if (!response.isSuccessful()) {
01|                throw new TencentCloudSDKException("HTTP " + response.code() + ": " + response.message(), "");
01|            }
01|            return response.body().string();
01|        } catch (IOException e) {
01|            logger.warn("request to {} failed", url, e);
01|            throw new TencentCloudSDKException(e.getClass().getName() + "-" + e.getMessage(), "");
01|        }
2|        Response response;
2|        try {
2|            response = doRequest(request); //@RES-02
2|            if (!response.isSuccessful()) {
2|                throw new TencentCloudSDKException("HTTP " + response.code() + ": " + response.message(), "");
2|            }
2|            return response.body().string();
2|        } catch (IOException e) {
2|            logger.warn("request to {} failed", url, e);
2|            throw new TencentCloudSDKException(e.getClass().getName() + "-" + e.getMessage(), "");
2|        }
    }
}
''')
cases_of(case, GH + 'TencentCloud/tencentcloud-sdk-java/pull/184', src('com.tencentcloudapi.common.http', 'HttpConnection'),
         J('com.tencentcloudapi.common.http', SLF4J + [
             'com.tencentcloudapi.common.exception.TencentCloudSDKException', 'java.io.IOException',
             'java.util.concurrent.TimeUnit', 'okhttp3.Headers', 'okhttp3.MediaType', 'okhttp3.OkHttpClient',
             'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response'])(TENCENT), [
             (1, 'java-00-tencent-http-client-built-per-request',
              'an edit builds a new OkHttp client, with its own connection pool and dispatcher threads, for every '
              'API request', 'edit'),
             (2, 'java-00-tencent-http-error-response-left-open',
              'an edit reads the answer outside try-with-resources, so every non-2xx answer keeps its connection',
              'edit'),
             (0, 'java-ok-00-tencent-http-shared-client-response-closed',
              'clean: per-client timeouts derived from one shared OkHttp client, each response closed by '
              'try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: script sleep helpers (Microbot)
MICROBOT = template('microbot-global', r'''
/** Sleep and wait helpers of the bot scripts; every script runs on a thread of its own. */
@Slf4j
public class Global {
    private static final AtomicInteger WATCHER_COUNT = new AtomicInteger();

    /** Sleeps for time milliseconds; an interrupt ends the sleep and stays set for the script's loop to see. */
    public static void sleep(int time) {
        try {
            Thread.sleep(time);
1|        } catch (InterruptedException ignored) { //@CONC-05
1|            // keep the script running
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
        }
    }

    public static void sleep(int start, int end) {
        sleep(Rs2Random.between(start, end));
    }

    /** Polls condition every 100 ms until it holds or timeout ms have passed; false on timeout or interrupt. */
    public static boolean sleepUntil(BooleanSupplier condition, int timeout) {
        long deadline = System.currentTimeMillis() + timeout;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(100);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Runs action on a watcher thread of its own whenever condition becomes true, until the script stops. */
    public static Thread watch(BooleanSupplier condition, Runnable action, BooleanSupplier running) {
        Runnable loop = () -> {
            while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                if (sleepUntil(condition, 5000)) {
                    action.run();
                }
            }
        };
        Thread watcher = new Thread(loop, "microbot-watch-" + WATCHER_COUNT.incrementAndGet()); //@{2}CONC-01
01|        watcher.setUncaughtExceptionHandler((t, e) -> log.error("Watcher {} stopped by an error", t.getName(), e));
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
''')
cases_of(case, GH + 'chsami/Microbot/pull/774', src('net.runelite.client.plugins.microbot.util', 'Global'),
         J('net.runelite.client.plugins.microbot.util', [
             'java.util.concurrent.atomic.AtomicInteger', 'java.util.function.BooleanSupplier', 'lombok.extern.slf4j.Slf4j',
             'net.runelite.client.plugins.microbot.util.math.Rs2Random'])(MICROBOT), [
             (1, 'java-00-microbot-sleep-swallows-interrupt',
              'an edit catches the interrupt of a script\'s sleep and carries on, so a stopped script keeps running '
              'its loop', 'edit'),
             (2, 'java-00-microbot-watcher-thread-without-uncaught-handler',
              'an edit starts the condition watcher threads without an uncaught-exception handler, so a failing '
              'action ends the watcher silently', 'edit'),
             (0, 'java-ok-00-microbot-sleep-restores-interrupt-handled-watcher',
              'clean: the interrupt restored by every sleep, each watcher thread with an uncaught handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: bytecode scanner of the build (vaadin flow)
VAADIN = template('vaadin-scanner', r'''
/** Collects the frontend dependencies of the application's classes by reading their bytecode. */
public class FrontendDependencies implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontendDependencies.class);

    private final transient ClassFinder finder;
    private final Map<String, EndPointData> endPoints = new HashMap<>();
    private final Set<String> visited = new HashSet<>();

    public FrontendDependencies(ClassFinder finder) {
        this.finder = finder;
    }

    /** Visits every route class and the classes it references, once each. */
    public void computeEndpoints() {
        for (Class<?> route : finder.getAnnotatedClasses(Route.class)) {
            String className = route.getName();
            EndPointData data = new EndPointData(route);
            collectModules(className, data);
            endPoints.put(className, data);
        }
        LOG.debug("Visited {} classes for {} routes", visited.size(), endPoints.size());
    }

    private void collectModules(String className, EndPointData data) {
        if (!visited.add(className)) {
            return;
        }
        try {
            visitClass(className, new FrontendClassVisitor(className, data));
        } catch (IOException e) { //@{2}ERR-01
01|            throw new UncheckedIOException("Unable to read the bytecode of " + className, e);
2|            return;
        }
        for (String child : data.getChildren()) {
            collectModules(child, data);
        }
    }

    private void visitClass(String className, FrontendClassVisitor visitor) throws IOException {
        URL url = finder.getResource(className.replace('.', '/') + ".class");
        if (url == null) {
            return;
        }
02|        try (InputStream in = url.openStream()) {
02|            ClassReader reader = new ClassReader(in);
02|            reader.accept(visitor, ClassReader.EXPAND_FRAMES);
02|        }
1|        ClassReader reader = new ClassReader(url.openStream()); //@RES-01
1|        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
    }

    public Map<String, EndPointData> getEndPoints() {
        return Collections.unmodifiableMap(endPoints);
    }
}
''')
cases_of(case, GH + 'vaadin/flow/pull/9002', src('com.vaadin.flow.server.frontend.scanner', 'FrontendDependencies'),
         JV('com.vaadin.flow.server.frontend.scanner', {
             v: SLF4J + ['com.vaadin.flow.router.Route', 'java.io.IOException', 'java.io.Serializable', 'java.net.URL',
                         'java.util.Collections', 'java.util.HashMap', 'java.util.HashSet', 'java.util.Map',
                         'java.util.Set', 'net.bytebuddy.jar.asm.ClassReader']
             + {0: ['java.io.InputStream', 'java.io.UncheckedIOException'], 1: ['java.io.UncheckedIOException'],
                2: ['java.io.InputStream']}[v]
             for v in (0, 1, 2)})(VAADIN), [
             (1, 'java-00-vaadin-scanner-class-stream-never-closed',
              'an edit hands the class file stream straight to the bytecode reader, which never closes it, so the '
              'Gradle daemon keeps a descriptor per scanned class', 'edit'),
             (2, 'java-00-vaadin-scanner-unreadable-class-skipped-silently',
              'an edit skips a class whose bytecode cannot be read, with no message, so its frontend modules go missing '
              'from the bundle', 'edit'),
             (0, 'java-ok-00-vaadin-scanner-stream-closed-read-error-thrown',
              'clean: each class stream closed by try-with-resources, an unreadable class thrown with its cause',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-06: usage statistics sender (cloudrail-si-android-sdk)
CLOUDRAIL = template('cloudrail-statistics', r'''
/** Counts the calls of each service and reports the counts to the statistics server once a minute. */
public final class Statistics {
    private static final String TAG = "CloudRailStatistics";
    private static final String STATS_URL = "https://stat-si.cloudrail.com/current_version";
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final Map<String, Integer> counts = new HashMap<>();
    private long lastSent = System.currentTimeMillis();

    public Statistics(OkHttpClient client) {
        this.client = client;
    }

    /** Counts one call of service and sends the counts when a minute has passed since the last report. */
    public synchronized void addCall(String service) {
        counts.merge(service, 1, Integer::sum);
        if (System.currentTimeMillis() - lastSent < 60_000) {
            return;
        }
        lastSent = System.currentTimeMillis();
        final String payload = new JSONObject(new HashMap<>(counts)).toString();
        counts.clear();
01|        sender.execute(() -> {
01|            try {
01|                send(payload);
01|            } catch (IOException | RuntimeException e) {
01|                Log.w(TAG, "Could not report statistics", e);
01|            }
01|        });
2|        sender.submit(() -> { //@CONC-06
2|            send(payload);
2|            return null;
2|        });
    }

    private void send(String payload) throws IOException {
        Request request = new Request.Builder().url(STATS_URL).post(RequestBody.create(JSON, payload)).build();
02|        try (Response response = client.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new IOException("statistics server answered " + response.code());
02|            }
02|        }
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException("statistics server answered " + response.code());
1|        }
1|        response.body().close();
    }

    public void shutdown() {
        sender.shutdown();
    }
}
''')
cases_of(case, GH + 'CloudRail/cloudrail-si-android-sdk/issues/107', src('com.cloudrail.si.statistics', 'Statistics'),
         J('com.cloudrail.si.statistics', [
             'android.util.Log', 'java.io.IOException', 'java.util.HashMap', 'java.util.Map',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'okhttp3.MediaType',
             'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response',
             'org.json.JSONObject'])(CLOUDRAIL), [
             (1, 'java-00-cloudrail-new-statistics-error-answer-left-open',
              'a new statistics sender closes the answer of the statistics server only when it is a success, so every '
              'error answer leaks its connection', 'new'),
             (2, 'java-00-cloudrail-new-statistics-report-future-dropped',
              'a new statistics sender submits each report to its executor and drops the future, so a failed report '
              'vanishes', 'new'),
             (0, 'java-ok-00-cloudrail-new-statistics-answer-closed-failure-logged',
              'clean: a new statistics sender that closes every answer and logs a failed report', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: CDC connector poll loop (debezium-connector-yugabytedb)
YUGABYTE = template('yugabyte-task', r'''
/** The Kafka Connect task that streams the changes of one set of YugabyteDB tablets. */
public class YugabyteDBConnectorTask extends BaseSourceTask<YBPartition, YugabyteDBOffsetContext> {
    private static final Logger LOGGER = LoggerFactory.getLogger(YugabyteDBConnectorTask.class);
    private static final String CONTEXT_NAME = "yugabytedb-connector-task";

    private volatile ChangeEventQueue<DataChangeEvent> queue;
    private volatile YugabyteDBTaskContext taskContext;
    private volatile YugabyteDBConnection heartbeatConnection;

    @Override
    public List<SourceRecord> doPoll() throws InterruptedException {
        final List<DataChangeEvent> records = queue.poll();
0|        LOGGER.trace("Got {} records from the queue", records.size());
1|        LOGGER.debug("Got the records from queue: " + records); //@LOG-02
2|        LOGGER.trace("Got {} records from the queue", records.size());

        final List<SourceRecord> sourceRecords = new ArrayList<>(records.size());
        for (DataChangeEvent event : records) {
            SourceRecord record = event.getRecord();
2|            LOGGER.info("Emitting record for topic {} at offset {}", record.topic(), record.sourceOffset()); //@LOG-01
            if (record.value() == null && !taskContext.config().isTombstoneOnDelete()) {
                continue;
            }
            sourceRecords.add(record);
        }

        if (!sourceRecords.isEmpty()) {
            this.lastOffset = sourceRecords.get(sourceRecords.size() - 1).sourceOffset();
        }
        return sourceRecords;
    }

    @Override
    protected void doStop() {
        if (heartbeatConnection != null) {
            heartbeatConnection.close();
        }
        LOGGER.info("Stopped {}", CONTEXT_NAME);
    }

    @Override
    protected Iterable<Field> getAllConfigurationFields() {
        return YugabyteDBConnectorConfig.ALL_FIELDS;
    }

    private volatile Map<String, ?> lastOffset;
}
''')
cases_of(case, GH + 'yugabyte/debezium-connector-yugabytedb/pull/424', src('io.debezium.connector.yugabytedb', 'YugabyteDBConnectorTask'),
         J('io.debezium.connector.yugabytedb', SLF4J + [
             'io.debezium.config.Field', 'io.debezium.connector.common.BaseSourceTask',
             'io.debezium.connector.yugabytedb.connection.YugabyteDBConnection',
             'io.debezium.connector.yugabytedb.spi.YBPartition',
             'io.debezium.pipeline.DataChangeEvent', 'io.debezium.connector.base.ChangeEventQueue',
             'java.util.ArrayList', 'java.util.List', 'java.util.Map',
             'org.apache.kafka.connect.source.SourceRecord'])(YUGABYTE), [
             (1, 'java-00-yugabyte-renamed-task-debug-line-concatenates-batch',
              'a PR renames the connector task and logs every polled batch at debug by concatenating it, so each poll '
              'stringifies every record even with debug off', 'rename'),
             (2, 'java-00-yugabyte-renamed-task-info-line-per-record',
              'a PR renames the connector task and logs every emitted record at info inside the poll loop', 'rename'),
             (0, 'java-ok-00-yugabyte-renamed-task-parameterised-trace',
              'clean: the rename alone; one parameterised trace line per batch', 'rename'),
         ], rename_from=src('io.debezium.connector.yugabytedb', 'YugabyteDBTask'),
         rename_old=lambda t: t.replace('YugabyteDBConnectorTask', 'YugabyteDBTask'))


# ---------------------------------------------------------------- CONC-07 / CONC-03: Bukkit scheduler on Minestom (skript-minestom)
SKRIPT = template('skript-scheduler', r'''
/** Runs the delayed and repeating tasks of scripts on one ticking thread, twenty ticks a second. */
public class BukkitSchedulerImpl implements BukkitScheduler {
    private static final Logger LOGGER = LoggerFactory.getLogger(BukkitSchedulerImpl.class);

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger ids = new AtomicInteger();
01|    private final Map<Integer, BukkitTaskImpl> tasks = new ConcurrentHashMap<>();
2|    private final Map<Integer, BukkitTaskImpl> tasks = new HashMap<>(); //@CONC-03
    private long currentTick;

    public void start() {
        ticker.scheduleAtFixedRate(this::tick, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public BukkitTask runTaskTimer(Plugin plugin, Runnable task, long delay, long period) {
        BukkitTaskImpl scheduled = new BukkitTaskImpl(ids.incrementAndGet(), plugin, task, currentTick + Math.max(1, delay), period);
        tasks.put(scheduled.getTaskId(), scheduled);
        return scheduled;
    }

    @Override
    public BukkitTask runTaskLater(Plugin plugin, Runnable task, long delay) {
        return runTaskTimer(plugin, task, delay, -1);
    }

    @Override
    public void cancelTask(int taskId) {
        BukkitTaskImpl task = tasks.remove(taskId);
        if (task != null) {
            task.setCancelled(true);
        }
    }

    private void tick() {
        currentTick++;
        for (BukkitTaskImpl task : new ArrayList<>(tasks.values())) {
            if (task.isCancelled() || task.getNextRun() > currentTick) {
                continue;
            }
02|            try {
02|                task.getRunnable().run();
02|            } catch (Throwable t) {
02|                LOGGER.error("Task #{} of {} threw an exception", task.getTaskId(), task.getOwner().getName(), t);
02|            }
1|            task.getRunnable().run(); //@CONC-07
            if (task.getPeriod() > 0) {
                task.setNextRun(currentTick + task.getPeriod());
            } else {
                tasks.remove(task.getTaskId());
            }
        }
    }

    public void shutdown() {
        ticker.shutdownNow();
        tasks.clear();
    }
}
''')
cases_of(case, GH + 'skript-minestom/skript-minestom/pull/15', src('ch.njol.skript.bukkit.scheduler', 'BukkitSchedulerImpl'),
         JV('ch.njol.skript.bukkit.scheduler', {
             v: SLF4J + ['java.util.ArrayList', 'java.util.Map', 'java.util.concurrent.Executors',
                         'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                         'java.util.concurrent.atomic.AtomicInteger', 'org.bukkit.plugin.Plugin',
                         'org.bukkit.scheduler.BukkitScheduler', 'org.bukkit.scheduler.BukkitTask']
             + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap'])
             for v in (0, 1, 2)})(SKRIPT), [
             (1, 'java-00-skript-scheduler-task-exception-kills-ticker',
              'an edit runs each due task straight on the ticking thread, so the first task that throws ends the '
              'fixed-rate schedule and every script task with it', 'edit'),
             (2, 'java-00-skript-scheduler-task-map-not-concurrent',
              'an edit keeps the tasks in a plain HashMap that script threads add to while the ticking thread '
              'iterates and removes', 'edit'),
             (0, 'java-ok-00-skript-scheduler-guarded-tick-concurrent-map',
              'clean: each task run inside a catch of everything, the tasks in a concurrent map', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: batch inserts of an Android ORM (greenDAO)
GREENDAO = template('greendao-dao', r'''
/** Base class of the generated DAOs: the batch operations, each in one SQLite transaction. */
public abstract class AbstractDao<T, K> {
    protected final DaoConfig config;
    protected final Database db;
    protected final TableStatements statements;
    protected final IdentityScope<K, T> identityScope;

    public AbstractDao(DaoConfig config) {
        this.config = config;
        this.db = config.db;
        this.statements = config.statements;
        this.identityScope = (IdentityScope<K, T>) config.getIdentityScope();
    }

    /** Inserts the given entities in the database using a transaction. */
    public void insertInTx(Iterable<T> entities) {
        executeInsertInTx(statements.getInsertStatement(), entities, isEntityUpdateable());
    }

    /** Inserts or replaces the given entities in the database using a transaction. */
    public void insertOrReplaceInTx(Iterable<T> entities) {
        executeInsertInTx(statements.getInsertOrReplaceStatement(), entities, isEntityUpdateable());
    }

    /** Saves the given entities, inserting new ones and replacing stored ones, in one transaction. */
    public void saveInTx(Iterable<T> entities) {
        try {
            insertOrReplaceInTx(entities);
        } catch (SQLiteException e) { //@{2}ERR-01
01|            throw new DaoException("Could not save entities of " + config.tablename, e);
2|            e.printStackTrace();
        }
    }

    private void executeInsertInTx(DatabaseStatement stmt, Iterable<T> entities, boolean setPrimaryKey) {
        db.beginTransaction(); //@{1}TX-01
02|        try {
02|            synchronized (stmt) {
02|                if (identityScope != null) {
02|                    identityScope.lock();
02|                }
02|                try {
02|                    for (T entity : entities) {
02|                        bindValues(stmt, entity);
02|                        long rowId = stmt.executeInsert();
02|                        if (setPrimaryKey) {
02|                            updateKeyAfterInsertAndAttach(entity, rowId, false);
02|                        }
02|                    }
02|                } finally {
02|                    if (identityScope != null) {
02|                        identityScope.unlock();
02|                    }
02|                }
02|            }
02|            db.setTransactionSuccessful();
02|        } finally {
02|            db.endTransaction();
02|        }
1|        synchronized (stmt) {
1|            if (identityScope != null) {
1|                identityScope.lock();
1|            }
1|            try {
1|                for (T entity : entities) {
1|                    bindValues(stmt, entity);
1|                    long rowId = stmt.executeInsert();
1|                    if (setPrimaryKey) {
1|                        updateKeyAfterInsertAndAttach(entity, rowId, false);
1|                    }
1|                }
1|            } finally {
1|                if (identityScope != null) {
1|                    identityScope.unlock();
1|                }
1|            }
1|        }
1|        db.setTransactionSuccessful();
1|        db.endTransaction();
    }

    protected abstract void bindValues(DatabaseStatement stmt, T entity);

    protected abstract K updateKeyAfterInsert(T entity, long rowId);

    protected abstract boolean isEntityUpdateable();

    protected void updateKeyAfterInsertAndAttach(T entity, long rowId, boolean lock) {
        if (rowId != -1) {
            K key = updateKeyAfterInsert(entity, rowId);
            if (identityScope != null && key != null) {
                if (lock) {
                    identityScope.put(key, entity);
                } else {
                    identityScope.putNoLock(key, entity);
                }
            }
        }
    }
}
''')
cases_of(case, GH + 'greenrobot/greenDAO/issues/737', src('org.greenrobot.greendao', 'AbstractDao'),
         J('org.greenrobot.greendao', [
             'android.database.sqlite.SQLiteException', 'org.greenrobot.greendao.database.Database',
             'org.greenrobot.greendao.database.DatabaseStatement', 'org.greenrobot.greendao.identityscope.IdentityScope',
             'org.greenrobot.greendao.internal.DaoConfig', 'org.greenrobot.greendao.internal.TableStatements'])(GREENDAO), [
             (1, 'java-00-greendao-batch-insert-transaction-not-ended-on-failure',
              'an edit ends the batch-insert transaction only after every insert succeeded, so a failed insert leaves '
              'the SQLite transaction open on the connection', 'edit'),
             (2, 'java-00-greendao-save-failure-printed-and-swallowed',
              'an edit makes a failed batch save print its stack trace and return as if the entities were saved',
              'edit'),
             (0, 'java-ok-00-greendao-transaction-ended-in-finally-save-failure-thrown',
              'clean: the transaction ended in finally, a failed save thrown to the caller as a DaoException', 'fix'),
         ])
