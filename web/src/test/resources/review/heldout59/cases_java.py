"""Round-59 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / RES-04: REST helper of a home-automation Android app (openhab-android)
OPENHAB = template('openhab-android-http-client', r'''
public class HttpClient {
    private static final String TAG = HttpClient.class.getSimpleName();
    private static final MediaType TEXT_PLAIN = MediaType.parse("text/plain; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final String authHeader;

    public HttpClient(OkHttpClient client, HttpUrl baseUrl, String authHeader) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.authHeader = authHeader;
    }

    public String get(String path) throws IOException, HttpException {
        Request request = new Request.Builder()
                .url(baseUrl.resolve(path))
                .header("Accept", "application/json")
                .header("Authorization", authHeader)
                .build();
        Call call = client.newCall(request);
02|        try (Response response = call.execute()) {
02|            ResponseBody body = response.body();
02|            if (!response.isSuccessful()) {
02|                throw new HttpException(response.code(), "Request for " + request.url() + " failed");
02|            }
02|            return body != null ? body.string() : "";
02|        }
1|        Response response = call.execute(); //@RES-02
1|        ResponseBody body = response.body();
1|        if (!response.isSuccessful()) {
1|            throw new HttpException(response.code(), "Request for " + request.url() + " failed");
1|        }
1|        return body != null ? body.string() : "";
    }

    public void sendItemCommand(String itemName, String command) throws IOException, HttpException {
        Request request = new Request.Builder()
                .url(baseUrl.resolve("rest/items/" + itemName))
                .header("Authorization", authHeader)
                .post(RequestBody.create(command, TEXT_PLAIN))
                .build();
01|        try (Response response = client.newCall(request).execute()) {
2|        OkHttpClient commandClient = new OkHttpClient.Builder() //@RES-04
2|                .connectTimeout(10, TimeUnit.SECONDS)
2|                .readTimeout(30, TimeUnit.SECONDS)
2|                .build();
2|        try (Response response = commandClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                Log.w(TAG, "Command " + command + " for " + itemName + " answered " + response.code());
                throw new HttpException(response.code(), "Command for " + itemName + " failed");
            }
        }
    }
}
''')
OPENHAB_BASE = ['android.util.Log', 'java.io.IOException', 'okhttp3.Call', 'okhttp3.HttpUrl', 'okhttp3.MediaType',
                'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response',
                'okhttp3.ResponseBody']
cases_of(case, GH + 'openhab/openhab-android/pull/1565',
         'mobile/' + src('org.openhab.habdroid.util', 'HttpClient'),
         JV('org.openhab.habdroid.util', {0: OPENHAB_BASE, 1: OPENHAB_BASE,
                                          2: OPENHAB_BASE + ['java.util.concurrent.TimeUnit']})(OPENHAB), [
             (1, 'java-00-openhab-android-failed-answer-never-closed',
              'an edit reads the server\'s answer without try-with-resources, so every failed request leaves its '
              'response body and connection open and OkHttp warns of leaked connections', 'edit'),
             (2, 'java-00-openhab-android-client-per-item-command',
              'an edit builds a new OkHttpClient for every item command, so each tap on a switch gets its own '
              'connection pool and dispatcher threads', 'edit'),
             (0, 'java-ok-00-openhab-android-answer-closed',
              'clean: the fix reads every answer inside try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: JTA unit of work of a CDI integration (AxonFramework cdi)
AXONCDI = template('axon-cdi-jta-unit-of-work', r'''
@ApplicationScoped
public class JtaUnitOfWork {
    private static final Logger logger = LoggerFactory.getLogger(JtaUnitOfWork.class);

    @Inject
    private UserTransaction userTransaction;

    public <T> T executeInTransaction(Supplier<T> work) {
        try {
            userTransaction.begin(); //@{1}TX-01
            T result = work.get();
            if (userTransaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
02|                logger.debug("Transaction was marked for rollback; rolling back instead of committing");
02|                userTransaction.rollback();
1|                logger.debug("Transaction was marked for rollback; not committing");
                return result;
            }
            userTransaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackAfter(e);
            throw e;
        } catch (NotSupportedException | SystemException | RollbackException | HeuristicMixedException
                | HeuristicRollbackException e) {
            throw new TransactionException("Could not complete the JTA transaction", e);
        }
    }

    private void rollbackAfter(RuntimeException failure) {
        try {
            if (userTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                userTransaction.rollback();
            }
01|        } catch (SystemException | IllegalStateException | SecurityException rollbackFailure) {
01|            logger.warn("Could not roll back after {}", failure.toString(), rollbackFailure);
01|            failure.addSuppressed(rollbackFailure);
2|        } catch (SystemException | IllegalStateException | SecurityException ignored) { //@ERR-01
        }
    }
}
''')
cases_of(case, GH + 'AxonFramework/cdi/pull/28', src('org.axonframework.extensions.cdi.transaction', 'JtaUnitOfWork'),
         J('org.axonframework.extensions.cdi.transaction', SLF4J + [
             'jakarta.enterprise.context.ApplicationScoped', 'jakarta.inject.Inject',
             'jakarta.transaction.HeuristicMixedException', 'jakarta.transaction.HeuristicRollbackException',
             'jakarta.transaction.NotSupportedException', 'jakarta.transaction.RollbackException',
             'jakarta.transaction.Status', 'jakarta.transaction.SystemException',
             'jakarta.transaction.UserTransaction', 'java.util.function.Supplier',
             'org.axonframework.common.transaction.TransactionException'])(AXONCDI), [
             (1, 'java-00-axon-cdi-marked-transaction-left-open',
              'an edit returns from a transaction marked for rollback without rolling it back, so the JTA '
              'transaction stays bound to the pooled thread and the next unit of work fails to begin', 'edit'),
             (2, 'java-00-axon-cdi-rollback-failure-swallowed',
              'an edit ignores a failed rollback after an exception, so a transaction the manager could not end '
              'leaves no trace next to the original failure', 'edit'),
             (0, 'java-ok-00-axon-cdi-marked-transaction-rolled-back',
              'clean: the fix rolls back a transaction marked for rollback before returning', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: command handler verticle of an event-sourcing library on Vert.x (crabzilla)
CRABZILLA = template('crabzilla-command-handler-verticle', r'''
public class CommandHandlerVerticle<A extends Aggregate> extends AbstractVerticle {
    private static final Logger log = LoggerFactory.getLogger(CommandHandlerVerticle.class);

    private final String name;
    private final AggregateHandler<A> aggregateHandler;
    private final EventRepository eventRepository;

    public CommandHandlerVerticle(String name, AggregateHandler<A> aggregateHandler, EventRepository eventRepository) {
        this.name = name;
        this.aggregateHandler = aggregateHandler;
        this.eventRepository = eventRepository;
    }

    @Override
    public void start(Promise<Void> startPromise) {
        vertx.eventBus().<Command>consumer(commandHandlerAddress(name), this::handle)
                .completionHandler(startPromise);
    }

    private void handle(Message<Command> message) {
        Command command = message.body();
        vertx.<CommandResult>executeBlocking(promise -> {
            try {
                UnitOfWork unitOfWork = aggregateHandler.handle(command);
                long version = eventRepository.append(unitOfWork);
                promise.complete(CommandResult.success(unitOfWork, version));
            } catch (ConcurrencyException e) { //@{1}ERR-01
0|                log.error("Concurrency error for command {}", command.getCommandId(), e);
2|                log.error("Concurrency error for command " + command.getCommandId() + ": " + e.getMessage()); //@LOG-02
02|                promise.fail(e);
1|                promise.complete(CommandResult.unknown(command.getCommandId()));
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        }, false, result -> {
            if (result.succeeded()) {
                message.reply(result.result());
            } else {
                message.fail(500, result.cause().getMessage());
            }
        });
    }
}
''')
cases_of(case, GH + 'crabzilla/crabzilla/issues/21',
         'crabzilla-vertx/' + src('io.github.crabzilla.vertx.verticles', 'CommandHandlerVerticle'),
         J('io.github.crabzilla.vertx.verticles', SLF4J + [
             'io.github.crabzilla.core.Aggregate', 'io.github.crabzilla.core.AggregateHandler',
             'io.github.crabzilla.core.Command', 'io.github.crabzilla.core.CommandResult',
             'io.github.crabzilla.core.ConcurrencyException', 'io.github.crabzilla.core.EventRepository',
             'io.github.crabzilla.core.UnitOfWork', 'io.vertx.core.AbstractVerticle', 'io.vertx.core.Promise',
             'io.vertx.core.eventbus.Message',
             'static io.github.crabzilla.vertx.CrabzillaVertx.commandHandlerAddress'])(CRABZILLA), [
             (1, 'java-00-crabzilla-concurrency-failure-completed-as-result',
              'an edit completes the blocking handler\'s promise with an unknown-command result when the append '
              'hits a concurrency conflict, so the conflict is answered as a success and never logged', 'edit'),
             (2, 'java-00-crabzilla-concurrency-failure-log-concatenated',
              'an edit logs a concurrency conflict by concatenating the command id and message, building the '
              'string even when error logging is filtered and dropping the stack', 'edit'),
             (0, 'java-ok-00-crabzilla-concurrency-failure-failed',
              'clean: the fix logs the conflict with its stack and fails the promise', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-05: request dispatch of a servlet layer on Vert.x (quarkus-http)
QUARKUSHTTP = template('quarkus-http-servlet-dispatch', r'''
public class ServletInitialHandler implements HttpHandler {
    private static final ThreadLocal<ServletRequestContext> CURRENT = new ThreadLocal<>();

    private final Deployment deployment;
    private final HttpHandler next;
    private final long asyncTimeoutMillis;

    public ServletInitialHandler(Deployment deployment, HttpHandler next, long asyncTimeoutMillis) {
        this.deployment = deployment;
        this.next = next;
        this.asyncTimeoutMillis = asyncTimeoutMillis;
    }

    public static ServletRequestContext current() {
        return CURRENT.get();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServletRequestContext context = new ServletRequestContext(deployment, exchange);
        exchange.putAttachment(ServletRequestContext.ATTACHMENT_KEY, context);
        CURRENT.set(context); //@{1}CONC-04
02|        try {
02|            next.handleRequest(exchange);
02|        } finally {
02|            CURRENT.remove();
02|        }
1|        next.handleRequest(exchange);
    }

    public void dispatchAndWait(HttpServerExchange exchange, Runnable task) {
        CountDownLatch done = new CountDownLatch(1);
        exchange.getIoThread().execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(asyncTimeoutMillis, TimeUnit.MILLISECONDS)) {
                exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        }
    }
}
''')
cases_of(case, GH + 'quarkusio/quarkus-http/pull/46',
         'servlet/' + src('io.undertow.servlet.handlers', 'ServletInitialHandler'),
         J('io.undertow.servlet.handlers', [
             'io.undertow.server.HttpHandler', 'io.undertow.server.HttpServerExchange',
             'io.undertow.servlet.api.Deployment', 'io.undertow.util.StatusCodes',
             'java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit'])(QUARKUSHTTP), [
             (1, 'java-00-quarkus-http-request-context-left-in-thread-local',
              'an edit sets the current servlet request context in a ThreadLocal and never removes it, so pooled '
              'I/O threads keep every request\'s context and later requests can see a stale one', 'edit'),
             (2, 'java-00-quarkus-http-dispatch-wait-interrupt-swallowed',
              'an edit answers 503 when the wait for a dispatched task is interrupted but clears the interrupt, so '
              'a worker being shut down keeps serving', 'edit'),
             (0, 'java-ok-00-quarkus-http-request-context-removed',
              'clean: the fix removes the request context in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: registration expiry of a SIP capture backend, renamed (sip3-salto-ce)
SIP3 = template('sip3-register-expiration', r'''
public class RegisterExpirationHandler {
    private static final Logger logger = LoggerFactory.getLogger(RegisterExpirationHandler.class);

    private final Map<String, SipRegistration> activeRegistrations = new ConcurrentHashMap<>();
    private final Map<String, SipSession> activeSessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RegistrationWriter writer;
    private final long expirationDelayMillis;

    public RegisterExpirationHandler(RegistrationWriter writer, long expirationDelayMillis) {
        this.writer = writer;
        this.expirationDelayMillis = expirationDelayMillis;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(() -> { //@{1}CONC-07
02|            try {
02|                terminateExpiredRegistrations();
02|                terminateExpiredSessions();
02|            } catch (Exception e) {
02|                logger.error("RegisterExpirationHandler 'terminateExpired' failed.", e);
02|            }
1|            terminateExpiredRegistrations();
1|            terminateExpiredSessions();
        }, expirationDelayMillis, expirationDelayMillis, TimeUnit.MILLISECONDS);
    }

    public void onRegistration(SipRegistration registration) {
        activeRegistrations.put(registration.getKey(), registration);
    }

    private void terminateExpiredRegistrations() {
        long now = System.currentTimeMillis();
        Iterator<Map.Entry<String, SipRegistration>> it = activeRegistrations.entrySet().iterator();
        while (it.hasNext()) {
            SipRegistration registration = it.next().getValue();
            if (registration.getExpiresAt() < now) {
                it.remove();
2|                logger.info("Registration expired: {}", registration.getKey()); //@LOG-01
                writer.writeExpired(registration);
            }
        }
    }

    private void terminateExpiredSessions() {
        long now = System.currentTimeMillis();
        activeSessions.values().removeIf(session -> {
            boolean expired = session.getTerminatedAt() + expirationDelayMillis < now;
            if (expired) {
                writer.writeSession(session);
            }
            return expired;
        });
    }

    public void stop() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'sip3io/sip3-salto-ce/pull/47', src('io.sip3.salto.ce.sip', 'RegisterExpirationHandler'),
         J('io.sip3.salto.ce.sip', SLF4J + [
             'java.util.Iterator', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(SIP3), [
             (1, 'java-00-sip3-renamed-expiration-task-dies-on-first-failure',
              'a PR renames the registration handler and schedules its expiration work without a catch, so the '
              'first failed write stops expiring registrations and sessions for good', 'rename'),
             (2, 'java-00-sip3-renamed-every-expired-registration-logged',
              'a PR renames the registration handler and logs every expired registration at info level, so a '
              'registrar with many phones floods the log on every sweep', 'rename'),
             (0, 'java-ok-00-sip3-renamed-expiration-handler',
              'clean: the rename alone; the expiration work is run inside a catch, nothing logged per registration',
              'rename'),
         ], rename_from=src('io.sip3.salto.ce.sip', 'SipRegisterHandler'),
         rename_old=lambda t: t.replace('RegisterExpirationHandler', 'SipRegisterHandler'))


# ---------------------------------------------------------------- TIME-01 / TMO-01: API reader of an RSS reader Android app (selfoss-android)
SELFOSS = template('selfoss-android-api', r'''
public class SelfossApi {
    private static final String DATE_PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final String baseUrl;
    private final TimeZone serverZone;

    public SelfossApi(String baseUrl, TimeZone serverZone) {
        this.baseUrl = baseUrl;
        this.serverZone = serverZone;
    }

    private SimpleDateFormat dateFormat() {
        SimpleDateFormat format = new SimpleDateFormat(DATE_PATTERN, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(serverZone);
        return format;
    }

    public List<Article> getUnreadArticles(int offset, int count) throws IOException, JSONException, ParseException {
        URL url = new URL(baseUrl + "/items?type=unread&offset=" + offset + "&items=" + count);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
01|        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
            JSONArray items = new JSONArray(readAll(in));
            SimpleDateFormat format = dateFormat();
            List<Article> articles = new ArrayList<>(items.length());
            for (int i = 0; i < items.length(); i++) {
                JSONObject item = items.getJSONObject(i);
                Date published = format.parse(item.getString("datetime"));
                articles.add(new Article(item.getInt("id"), item.getString("title"), item.getString("link"), published));
            }
            return articles;
        } finally {
            connection.disconnect();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toString("UTF-8");
    }
}
''')
cases_of(case, GH + 'yDelouis/selfoss-android/issues/40', 'app/' + src('fr.ydelouis.selfoss.rest', 'SelfossApi'),
         J('fr.ydelouis.selfoss.rest', [
             'fr.ydelouis.selfoss.entity.Article', 'java.io.ByteArrayOutputStream', 'java.io.IOException',
             'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL', 'java.text.ParseException',
             'java.text.SimpleDateFormat', 'java.util.ArrayList', 'java.util.Date', 'java.util.List',
             'java.util.Locale', 'java.util.TimeZone', 'org.json.JSONArray', 'org.json.JSONException',
             'org.json.JSONObject'])(SELFOSS), [
             (1, 'java-00-selfoss-android-article-dates-parsed-in-phone-zone',
              'an edit parses the server\'s article times in the phone\'s zone instead of the server\'s, so every '
              'article shows the wrong hour when the two zones differ', 'edit'),
             (2, 'java-00-selfoss-android-api-connection-without-timeouts',
              'an edit opens the API connection without connect and read timeouts, so a server that stops '
              'answering leaves the sync spinning until the system kills it', 'edit'),
             (0, 'java-ok-00-selfoss-android-article-dates-in-server-zone',
              'clean: the fix parses article times in the configured server zone', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: HTTP connector of an API gateway on Vert.x (gravitee)
GRAVITEE = template('gravitee-vertx-http-client', r'''
public class VertxHttpClient extends AbstractHttpConnector {
    private final Vertx vertx;
    private final HttpClientOptions options;

02|    private final Map<Thread, HttpClient> httpClients = new ConcurrentHashMap<>();
1|    private final Map<Thread, HttpClient> httpClients = new HashMap<>();

    private HttpClient httpClient() {
        return httpClients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(options)); //@{1}CONC-03
    }

    public VertxHttpClient(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    @Override
    public void request(ProxyRequest proxyRequest, Handler<ProxyResponse> responseHandler) {
        RequestOptions requestOptions = new RequestOptions()
                .setMethod(HttpMethod.valueOf(proxyRequest.method().name()))
                .setAbsoluteURI(proxyRequest.uri())
                .setHeaders(proxyRequest.headers())
                .setTimeout(options.getIdleTimeout() * 1000L);
01|        httpClient().request(requestOptions)
2|        vertx.createHttpClient(options).request(requestOptions) //@RES-04
                .compose(request -> request.send(proxyRequest.body()))
                .onSuccess(response -> responseHandler.handle(new VertxProxyResponse(response)))
                .onFailure(failure -> responseHandler.handle(VertxProxyResponse.gatewayError(failure)));
    }

    @Override
    public void stop() {
        httpClients.values().forEach(HttpClient::close);
        httpClients.clear();
    }
}
''')
GRAVITEE_BASE = ['io.gravitee.gateway.api.Handler', 'io.gravitee.gateway.api.proxy.ProxyRequest',
                 'io.gravitee.gateway.api.proxy.ProxyResponse', 'io.vertx.core.Vertx',
                 'io.vertx.core.http.HttpClient', 'io.vertx.core.http.HttpClientOptions',
                 'io.vertx.core.http.HttpMethod', 'io.vertx.core.http.RequestOptions', 'java.util.Map']
cases_of(case, GH + 'gravitee-io/gravitee-api-management/pull/578',
         'gravitee-gateway-http/' + src('io.gravitee.gateway.http.connector', 'VertxHttpClient'),
         JV('io.gravitee.gateway.http.connector', {
             0: GRAVITEE_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             1: GRAVITEE_BASE + ['java.util.HashMap'],
             2: GRAVITEE_BASE + ['java.util.concurrent.ConcurrentHashMap']})(GRAVITEE), [
             (1, 'java-00-gravitee-per-thread-clients-in-plain-hash-map',
              'an edit keeps the per-event-loop HTTP clients in a plain HashMap, so event loops creating their '
              'clients at once corrupt the map and the gateway fails with ConcurrentModificationException', 'edit'),
             (2, 'java-00-gravitee-http-client-per-proxied-request',
              'an edit creates a new Vert.x HTTP client for every proxied request and never closes it, so each '
              'call opens fresh connections and leaks a client', 'edit'),
             (0, 'java-ok-00-gravitee-per-thread-clients-in-concurrent-map',
              'clean: the fix keeps the per-event-loop clients in a ConcurrentHashMap', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / ERR-01: shared HTTP client of a document-management Android app (sismics docs)
SISMICS = template('sismics-docs-okhttp-util', r'''
public class OkHttpUtil {
    private static final String TAG = "OkHttpUtil";
    private static final long CACHE_SIZE = 50L * 1024 * 1024;

02|    private static OkHttpClient okHttpClient;
02|
    private OkHttpUtil() {
    }

    public static synchronized OkHttpClient buildClient(final Context context) {
02|        if (okHttpClient != null) {
02|            return okHttpClient;
02|        }
        OkHttpClient.Builder builder = new OkHttpClient.Builder() //@{1}RES-04
                .connectTimeout(15, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .cache(new Cache(new File(context.getCacheDir(), "http"), CACHE_SIZE))
                .addInterceptor(chain -> {
                    String token = PreferenceUtil.getAuthToken(context);
                    Request request = chain.request();
                    if (token != null) {
                        request = request.newBuilder().header("Cookie", "auth_token=" + token).build();
                    }
                    return chain.proceed(request);
                });
02|        okHttpClient = builder.build();
02|        return okHttpClient;
1|        return builder.build();
    }

    public static void clearCache(Context context) {
        Cache cache = buildClient(context).cache();
        if (cache == null) {
            return;
        }
        try {
            cache.evictAll();
01|        } catch (IOException e) {
01|            Log.e(TAG, "Could not clear the HTTP cache", e);
2|        } catch (IOException e) { //@ERR-01
        }
    }
}
''')
cases_of(case, GH + 'sismics/docs/issues/58',
         'docs-android/app/' + src('com.sismics.docs.util', 'OkHttpUtil'),
         J('com.sismics.docs.util', [
             'android.content.Context', 'android.util.Log', 'java.io.File', 'java.io.IOException',
             'java.util.concurrent.TimeUnit', 'okhttp3.Cache', 'okhttp3.OkHttpClient', 'okhttp3.Request'])(SISMICS), [
             (1, 'java-00-sismics-new-http-util-client-per-call',
              'a new HTTP helper builds a fresh OkHttpClient, with its own cache, pool and threads, every time a '
              'screen asks for one', 'new'),
             (2, 'java-00-sismics-new-http-util-cache-failure-swallowed',
              'a new HTTP helper ignores a failure to clear the HTTP cache, so a logout that leaves cached '
              'documents behind is not reported anywhere', 'new'),
             (0, 'java-ok-00-sismics-new-http-util-shared-client',
              'clean: a new HTTP helper handing out one shared client and logging a failed cache clear', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: background executor of an Android annotation library (androidannotations)
ANDROIDANN = template('androidannotations-background-executor', r'''
public final class BackgroundExecutor {
    private static final String TAG = "BackgroundExecutor";

    private static final Thread.UncaughtExceptionHandler LOG_AND_RETHROW = (thread, failure) -> {
        Log.e(TAG, "Background task failed on " + thread.getName(), failure);
        Thread.UncaughtExceptionHandler app = Thread.getDefaultUncaughtExceptionHandler();
        if (app != null) {
            app.uncaughtException(thread, failure);
        }
    };

    private static final ThreadFactory THREAD_FACTORY = new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "background-" + count.incrementAndGet()); //@{2}CONC-01
            thread.setPriority(Thread.MIN_PRIORITY);
01|            thread.setUncaughtExceptionHandler(LOG_AND_RETHROW);
            return thread;
        }
    };

    private static Executor executor =
            Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), THREAD_FACTORY);

    private BackgroundExecutor() {
    }

    public static void setExecutor(Executor newExecutor) {
        executor = newExecutor;
    }

    public static void execute(final Runnable runnable) {
        if (runnable == null) {
            throw new IllegalArgumentException("runnable must not be null");
        }
02|        executor.execute(runnable);
1|        if (executor instanceof ExecutorService) {
1|            ((ExecutorService) executor).submit(runnable); //@CONC-06
1|        } else {
1|            executor.execute(runnable);
1|        }
    }
}
''')
ANDROIDANN_BASE = ['android.util.Log', 'java.util.concurrent.Executor', 'java.util.concurrent.Executors',
                   'java.util.concurrent.ThreadFactory', 'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'androidannotations/androidannotations/pull/727',
         'androidannotations-core/androidannotations-api/' + src('org.androidannotations.api', 'BackgroundExecutor'),
         JV('org.androidannotations.api', {0: ANDROIDANN_BASE,
                                           1: ANDROIDANN_BASE + ['java.util.concurrent.ExecutorService'],
                                           2: ANDROIDANN_BASE})(ANDROIDANN), [
             (1, 'java-00-androidannotations-background-task-submitted-and-dropped',
              'an edit hands background tasks to ExecutorService.submit and drops the future, so an exception in '
              'an @Background method vanishes instead of reaching the uncaught-exception handler', 'edit'),
             (2, 'java-00-androidannotations-background-threads-without-handler',
              'an edit drops the uncaught-exception handler of the background threads, so a failing task dies '
              'without the library\'s log line and bypasses its reporting', 'edit'),
             (0, 'java-ok-00-androidannotations-background-task-executed',
              'clean: the fix executes background tasks so their exceptions reach the handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-01: push reconnect of a mail Android app (thunderbird-android)
THUNDERBIRD = template('thunderbird-imap-push-worker', r'''
public class ImapPushWorker implements Runnable {
    private static final String TAG = "ImapPushWorker";
    private static final long MAX_DELAY_MILLIS = 5 * 60 * 1000L;

    private final SQLiteDatabase database;
    private final ImapFolderPusher pusher;
    private final long folderId;
    private volatile boolean stopped;

    public ImapPushWorker(SQLiteDatabase database, ImapFolderPusher pusher, long folderId) {
        this.database = database;
        this.pusher = pusher;
        this.folderId = folderId;
    }

    @Override
    public void run() {
        int attempt = 0;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                pusher.idle(loadLastUid());
                attempt = 0;
            } catch (MessagingException e) {
                attempt++;
                long delay = Math.min(MAX_DELAY_MILLIS, 1000L << Math.min(attempt, 16));
                Log.w(TAG, "Push connection failed, retrying in " + delay + " ms", e);
02|                SystemClock.sleep(delay);
1|                try {
1|                    Thread.sleep(delay);
1|                } catch (InterruptedException ignored) { //@CONC-05
1|                }
            }
        }
    }

    private long loadLastUid() {
01|        try (Cursor cursor = database.query("folders", new String[] {"last_uid"}, "id = ?",
01|                new String[] {Long.toString(folderId)}, null, null, null)) {
01|            return cursor.moveToFirst() ? cursor.getLong(0) : 0L;
01|        }
2|        Cursor cursor = database.query("folders", new String[] {"last_uid"}, "id = ?", //@RES-01
2|                new String[] {Long.toString(folderId)}, null, null, null);
2|        return cursor.moveToFirst() ? cursor.getLong(0) : 0L;
    }

    public void stop() {
        stopped = true;
        pusher.stop();
    }
}
''')
cases_of(case, GH + 'thunderbird/thunderbird-android/pull/1306',
         'k9mail/' + src('com.fsck.k9.controller.push', 'ImapPushWorker'),
         J('com.fsck.k9.controller.push', [
             'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase', 'android.os.SystemClock',
             'android.util.Log', 'com.fsck.k9.mail.MessagingException',
             'com.fsck.k9.mail.store.imap.ImapFolderPusher'])(THUNDERBIRD), [
             (1, 'java-00-thunderbird-push-backoff-interrupt-swallowed',
              'an edit sleeps between push reconnects with Thread.sleep and ignores the interrupt, so stopping the '
              'push service cannot end the worker until its loop condition is checked again by luck', 'edit'),
             (2, 'java-00-thunderbird-push-last-uid-cursor-never-closed',
              'an edit reads the folder\'s last UID through a cursor it never closes, so every reconnect leaks a '
              'cursor window until SQLite refuses to open more', 'edit'),
             (0, 'java-ok-00-thunderbird-push-backoff-system-clock',
              'clean: the fix sleeps with SystemClock.sleep, which keeps the interrupt for the loop to see', 'fix'),
         ])
