"""Round-45 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-04 / LOG-02: tenant filter of a multi-tenant JPA service (my-spring-boot-experiments)
TENANT = template('tenant-header-filter', r'''
/**
 * Reads the tenant of each request from its header and binds it to the thread for the schema resolver.
 */
@Component
public class TenantHeaderFilter extends OncePerRequestFilter {
    static final String TENANT_HEADER = "X-Tenant-Id";
    private static final Logger log = LoggerFactory.getLogger(TenantHeaderFilter.class);

    private final TenantRegistry tenants;

    public TenantHeaderFilter(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = request.getHeader(TENANT_HEADER);
        if (tenant == null || !tenants.isKnown(tenant)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown or missing tenant");
            return;
        }
01|        log.debug("{} {} for tenant {}", request.getMethod(), request.getRequestURI(), tenant);
2|        log.debug(request.getMethod() + " " + request.getRequestURI() + " for tenant " + tenant); //@LOG-02
        TenantContext.setCurrentTenant(tenant); //@{1}CONC-04
02|        try {
02|            chain.doFilter(request, response);
02|        } finally {
02|            TenantContext.clear();
02|        }
1|        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }
}
''')
cases_of(case, GH + 'rajadilipkolli/my-spring-boot-experiments/pull/1935',
         'jpa/multitenancy/schema/' + src('com.example.multitenancy.config', 'TenantHeaderFilter'),
         J('com.example.multitenancy.config', SLF4J + [
             'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException',
             'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse',
             'java.io.IOException', 'org.springframework.stereotype.Component',
             'org.springframework.web.filter.OncePerRequestFilter'])(TENANT), [
             (1, 'java-00-tenant-filter-tenant-left-on-thread',
              'an edit binds the request\'s tenant to the thread and never clears it, so a later request on the '
              'same pooled thread that fails before binding its own reads the previous tenant\'s schema', 'edit'),
             (2, 'java-00-tenant-filter-debug-line-concatenated',
              'an edit concatenates method, path and tenant into the per-request debug line, so the string is '
              'built on every request with debug off', 'edit'),
             (0, 'java-ok-00-tenant-filter-tenant-cleared-in-finally',
              'clean: the fix clears the tenant in a finally after the chain', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: blocking channel of a message broker client (hornetq)
HORNETQ = template('hornetq-channel', r'''
/**
 * One logical channel over a remoting connection: sends packets and waits for the answer of blocking ones.
 */
public final class ChannelImpl implements Channel {
    private static final Logger log = LoggerFactory.getLogger(ChannelImpl.class);

    private final long id;
    private final CoreRemotingConnection connection;
    private final Object sendBlockingLock = new Object();
    private Packet response;
    private volatile boolean closed;

    public ChannelImpl(long id, CoreRemotingConnection connection) {
        this.id = id;
        this.connection = connection;
    }

    public Packet sendBlocking(Packet packet, long timeoutMillis) throws HornetQException {
        synchronized (sendBlockingLock) {
            response = null;
            connection.write(packet);
            long deadline = System.currentTimeMillis() + timeoutMillis;
            long toWait = timeoutMillis;
            while (response == null && toWait > 0 && !closed) {
                try {
                    sendBlockingLock.wait(toWait);
                } catch (InterruptedException e) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    throw new HornetQInterruptedException(e);
1|                    // spurious wake-ups and interrupts alike: keep waiting for the answer
                }
                toWait = deadline - System.currentTimeMillis();
            }
            if (response == null) {
                throw new HornetQConnectionTimedOutException("no answer on channel " + id + " within " + timeoutMillis + " ms");
            }
            return response;
        }
    }

    public void handleResponse(Packet packet) {
        synchronized (sendBlockingLock) {
            response = packet;
            sendBlockingLock.notifyAll();
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.write(new PacketImpl(PacketImpl.CLOSE_CHANNEL, id));
        } catch (HornetQException e) { //@{2}ERR-01
01|            log.warn("Could not send the close packet of channel {}", id, e);
2|            // the connection is going away anyway
        }
        synchronized (sendBlockingLock) {
            sendBlockingLock.notifyAll();
        }
    }
}
''')
cases_of(case, GH + 'hornetq/hornetq/pull/1001',
         'hornetq-core-client/' + src('org.hornetq.core.protocol.core.impl', 'ChannelImpl'),
         J('org.hornetq.core.protocol.core.impl', SLF4J + [
             'org.hornetq.api.core.HornetQConnectionTimedOutException', 'org.hornetq.api.core.HornetQException',
             'org.hornetq.api.core.HornetQInterruptedException', 'org.hornetq.core.protocol.core.Channel',
             'org.hornetq.core.protocol.core.CoreRemotingConnection', 'org.hornetq.core.protocol.core.Packet'])(HORNETQ), [
             (1, 'java-00-hornetq-blocking-send-swallows-interrupt',
              'an edit keeps waiting when a blocking send is interrupted, so the interrupt is lost and a consumer '
              'being shut down stays in sendBlocking until the call times out', 'edit'),
             (2, 'java-00-hornetq-channel-close-failure-swallowed',
              'an edit swallows a failed close packet in an empty catch, so a channel the server never learned '
              'about closing leaves no trace', 'edit'),
             (0, 'java-ok-00-hornetq-interrupt-restored-close-logged',
              'clean: the fix restores the interrupt and ends the blocking send', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-01: case index table of a form engine (formplayer)
FORMPLAYER = template('formplayer-case-index-table', r'''
/**
 * The case index table of a user's sandbox: which cases point at which, and how.
 */
public class FormplayerCaseIndexTable {
    private static final Logger log = LoggerFactory.getLogger(FormplayerCaseIndexTable.class);
    private static final String SELECT_INDEXES =
            "SELECT case_rec_id, target, relationship FROM case_index WHERE case_rec_id = ANY (?)";

    private final DataSource dataSource;

    public FormplayerCaseIndexTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<Integer, List<CaseIndex>> loadIndexes(Collection<Integer> caseIds) throws SQLException {
        Map<Integer, List<CaseIndex>> result = new HashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(SELECT_INDEXES)) {
1|        Connection connection = dataSource.getConnection(); //@RES-01
1|        try (PreparedStatement statement = connection.prepareStatement(SELECT_INDEXES)) {
            statement.setArray(1, connection.createArrayOf("integer", caseIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int caseId = rows.getInt(1);
                    CaseIndex index = new CaseIndex(rows.getString(2), rows.getString(3));
                    result.computeIfAbsent(caseId, id -> new ArrayList<>()).add(index);
2|                    log.info("Loaded index {} of case {}", index, caseId); //@LOG-01
                }
            }
        }
        return result;
    }
}
''')
cases_of(case, GH + 'dimagi/formplayer/pull/706', src('org.commcare.formplayer.database.models', 'FormplayerCaseIndexTable'),
         J('org.commcare.formplayer.database.models', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.Collection', 'java.util.HashMap', 'java.util.List', 'java.util.Map',
             'javax.sql.DataSource'])(FORMPLAYER), [
             (1, 'java-00-formplayer-case-indexes-connection-not-closed',
              'an edit takes the connection out of the try-with-resources, so every index load keeps a pooled '
              'connection and the sandbox pool runs dry', 'edit'),
             (2, 'java-00-formplayer-case-indexes-logged-per-row',
              'an edit logs every loaded case index at info, so a restore of a large case list writes one line '
              'per index', 'edit'),
             (0, 'java-ok-00-formplayer-case-indexes-connection-closed',
              'clean: the fix closes the connection with the statement again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP consumer of an analytics SDK (sa-sdk-java)
SENSORS = template('sensors-http-consumer', r'''
/**
 * Posts batches of tracked events to the analytics server.
 */
public class HttpConsumer implements Closeable {
    private final CloseableHttpClient httpClient;
    private final String serverUrl;

    public HttpConsumer(String serverUrl, int timeoutSeconds) {
        this.serverUrl = serverUrl;
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(timeoutSeconds * 1000)
02|                .setConnectionRequestTimeout(timeoutSeconds * 1000)
02|                .setSocketTimeout(timeoutSeconds * 1000)
02|                .build();
        this.httpClient = HttpClients.custom() //@{1}TMO-01
                .setUserAgent("SensorsAnalytics Java SDK")
02|                .setDefaultRequestConfig(requestConfig)
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(20)
                .build();
    }

    public void consume(String data) throws IOException {
        HttpPost post = new HttpPost(serverUrl);
        post.setEntity(new UrlEncodedFormEntity(Arrays.asList(
                new BasicNameValuePair("data_list", encode(data)), new BasicNameValuePair("gzip", "1"))));
01|        try (CloseableHttpResponse response = httpClient.execute(post)) {
01|            int status = response.getStatusLine().getStatusCode();
01|            String body = EntityUtils.toString(response.getEntity());
01|            if (status < 200 || status >= 300) {
01|                throw new HttpConsumerException("analytics server answered " + status, data, status, body);
01|            }
01|        }
2|        CloseableHttpResponse response = httpClient.execute(post); //@RES-02
2|        int status = response.getStatusLine().getStatusCode();
2|        if (status < 200 || status >= 300) {
2|            throw new HttpConsumerException("analytics server answered " + status, data, status, null);
2|        }
2|        EntityUtils.consume(response.getEntity());
2|        response.close();
    }

    private static String encode(String data) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(data.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(buffer.toByteArray());
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
SENSORS_BASE = ['java.io.ByteArrayOutputStream', 'java.io.Closeable', 'java.io.IOException',
                'java.nio.charset.StandardCharsets', 'java.util.Arrays', 'java.util.Base64',
                'java.util.zip.GZIPOutputStream', 'org.apache.http.client.entity.UrlEncodedFormEntity',
                'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
                'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
                'org.apache.http.message.BasicNameValuePair', 'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'sensorsdata/sa-sdk-java/issues/17',
         'SensorsAnalyticsSDK/' + src('com.sensorsdata.analytics.javasdk.consumer', 'HttpConsumer'),
         JV('com.sensorsdata.analytics.javasdk.consumer', {
             0: SENSORS_BASE + ['org.apache.http.client.config.RequestConfig'], 1: SENSORS_BASE,
             2: SENSORS_BASE + ['org.apache.http.client.config.RequestConfig']})(SENSORS), [
             (1, 'java-00-sensors-new-http-consumer-without-timeouts',
              'a new HTTP consumer builds its client without any request configuration, so a send to an '
              'analytics server that stops answering hangs the tracking thread forever', 'new'),
             (2, 'java-00-sensors-new-http-consumer-response-open-on-error',
              'a new HTTP consumer throws on an error status before it closes the response, so every rejected '
              'batch keeps its pooled connection until the pool is exhausted', 'new'),
             (0, 'java-ok-00-sensors-new-http-consumer-bounded-response-closed',
              'clean: a new HTTP consumer with connect, pool and socket timeouts and the response in '
              'try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP adapter of an e-commerce platform SDK (commercetools-jvm-sdk)
CTP = template('ctp-http-client', r'''
/**
 * Sends the SDK's requests to the commercetools platform over the JDK HTTP client.
 */
public final class CtpHttpClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(121);

    private final HttpClient client;
    private final URI apiUrl;

    public CtpHttpClient(URI apiUrl, Executor executor) {
        this.apiUrl = apiUrl;
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public CompletableFuture<HttpResponse<String>> get(String path, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(apiUrl.resolve(path)) //@{1}TMO-01
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
02|                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
01|        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
2|        HttpClient perCall = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(); //@RES-04
2|        return perCall.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> post(String path, String accessToken, String json) {
        HttpRequest request = HttpRequest.newBuilder(apiUrl.resolve(path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
    }
}
''')
cases_of(case, GH + 'commercetools/commercetools-jvm-sdk/issues/1039',
         'commercetools-java-client-core/' + src('io.sphere.sdk.http', 'CtpHttpClient'),
         J('io.sphere.sdk.http', [
             'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
             'java.time.Duration', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor'])(CTP), [
             (1, 'java-00-ctp-moved-http-client-get-without-request-timeout',
              'a PR moves the SDK\'s HTTP adapter into a renamed class and drops the request timeout of GET, so a '
              'product query the platform never answers waits forever', 'rename'),
             (2, 'java-00-ctp-moved-http-client-built-per-get',
              'a PR moves the SDK\'s HTTP adapter into a renamed class and builds a new HttpClient for every GET, '
              'each with its own connection pool and selector thread', 'rename'),
             (0, 'java-ok-00-ctp-moved-http-client',
              'clean: the move and rename alone; one shared client, every request bounded', 'rename'),
         ], rename_from='commercetools-java-client-core/' + src('io.sphere.sdk.http', 'JdkHttpClientAdapter'),
         rename_old=lambda t: t.replace('CtpHttpClient', 'JdkHttpClientAdapter'))


# ---------------------------------------------------------------- TX-01 / RES-01: transaction manager of an outbox library (transaction-outbox)
OUTBOX = template('outbox-transaction-manager', r'''
/**
 * A transaction manager over a plain DataSource: one connection per transaction, committed when the work returns.
 */
public class SimpleTransactionManager implements TransactionManager {
    private static final Logger log = LoggerFactory.getLogger(SimpleTransactionManager.class);

    private final DataSource dataSource;

    public SimpleTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransactionReturnsThrows(TransactionalWork<T> work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            SimpleTransaction transaction = new SimpleTransaction(connection);
            try {
                T result = work.doWork(transaction);
                transaction.flushBatches();
                connection.commit();
                transaction.processHooks();
                return result;
            } catch (Exception e) { //@{1}TX-01
02|                connection.rollback();
                log.debug("Transaction rolled back", e);
                throw e;
            }
        }
    }

    public int schemaVersion() throws SQLException {
01|        try (Connection connection = dataSource.getConnection();
01|             Statement statement = connection.createStatement();
01|             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM TXNO_VERSION")) {
01|            return rows.next() ? rows.getInt(1) : 0;
01|        }
2|        Connection connection = dataSource.getConnection(); //@RES-01
2|        Statement statement = connection.createStatement();
2|        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM TXNO_VERSION");
2|        int version = rows.next() ? rows.getInt(1) : 0;
2|        connection.close();
2|        return version;
    }
}
''')
cases_of(case, GH + 'gruelbox/transaction-outbox/pull/167',
         'transactionoutbox-core/' + src('com.gruelbox.transactionoutbox', 'SimpleTransactionManager'),
         J('com.gruelbox.transactionoutbox', SLF4J + [
             'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement',
             'javax.sql.DataSource'])(OUTBOX), [
             (1, 'java-00-outbox-failed-work-not-rolled-back',
              'an edit drops the rollback from the catch of a failed unit of work, so its writes stay pending on '
              'a connection handed back to the pool', 'edit'),
             (2, 'java-00-outbox-schema-version-connection-leaks-on-error',
              'an edit reads the schema version without try-with-resources and closes the connection only on '
              'success, so a missing version table leaks a connection at every start', 'edit'),
             (0, 'java-ok-00-outbox-failed-work-rolled-back',
              'clean: the fix rolls a failed unit of work back before rethrowing', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: heartbeat monitor of an event store connector (axonserver-connector-java)
AXON = template('axon-heartbeat-monitor', r'''
/**
 * Sends heartbeats to the server and reports a connection as lost when none came back in time.
 */
public class HeartbeatMonitor {
    private static final Logger logger = LoggerFactory.getLogger(HeartbeatMonitor.class);

    private final ScheduledExecutorService executor;
    private final HeartbeatSender sender;
    private final Runnable onConnectionLost;
    private final AtomicLong taskId = new AtomicLong();
    private final AtomicLong interval = new AtomicLong();
    private final AtomicLong deadline = new AtomicLong();
    private final CountDownLatch firstAcknowledgement = new CountDownLatch(1);

    public HeartbeatMonitor(ScheduledExecutorService executor, HeartbeatSender sender, Runnable onConnectionLost) {
        this.executor = executor;
        this.sender = sender;
        this.onConnectionLost = onConnectionLost;
    }

    public void enableHeartbeat(long intervalMillis, long timeoutMillis) {
        interval.set(intervalMillis);
        deadline.set(System.currentTimeMillis() + timeoutMillis);
        long task = taskId.incrementAndGet();
        executor.schedule(() -> checkAndReschedule(task), intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void checkAndReschedule(long task) {
        if (task != taskId.get()) {
            return;
        }
        long delay = Math.min(interval.get(), 1000);
02|        try {
02|            checkBeatDeadline();
02|            sendBeatIfTimeElapsed();
02|        } catch (Exception e) {
02|            logger.warn("Heartbeat check failed, checking again in {} ms", delay, e);
02|        }
1|        checkBeatDeadline(); //@CONC-07
1|        sendBeatIfTimeElapsed();
        executor.schedule(() -> checkAndReschedule(task), delay, TimeUnit.MILLISECONDS);
    }

    public boolean awaitFirstAcknowledgement(long maxWaitMillis) {
        try {
            return firstAcknowledgement.await(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
2|            logger.debug("Interrupted while waiting for the first heartbeat acknowledgement");
            return false;
        }
    }

    public void acknowledged() {
        deadline.set(System.currentTimeMillis() + 2 * interval.get());
        firstAcknowledgement.countDown();
    }

    private void checkBeatDeadline() {
        if (System.currentTimeMillis() > deadline.get()) {
            logger.info("No heartbeat acknowledged in time, reporting the connection as lost");
            onConnectionLost.run();
        }
    }

    private void sendBeatIfTimeElapsed() {
        sender.sendHeartbeat();
    }
}
''')
cases_of(case, GH + 'AxonIQ/axonserver-connector-java/pull/208',
         src('io.axoniq.axonserver.connector.impl', 'HeartbeatMonitor'),
         J('io.axoniq.axonserver.connector.impl', SLF4J + [
             'java.util.concurrent.CountDownLatch', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'])(AXON), [
             (1, 'java-00-axon-heartbeat-check-outside-catch',
              'an edit runs the heartbeat check of the self-rescheduling task outside any catch, so the first '
              'failed send ends the heartbeats for good and a dead connection is never noticed', 'edit'),
             (2, 'java-00-axon-await-acknowledgement-swallows-interrupt',
              'an edit logs an interrupt while waiting for the first acknowledgement and drops the flag, so the '
              'thread that is shutting the connector down keeps going', 'edit'),
             (0, 'java-ok-00-axon-heartbeat-check-guarded',
              'clean: the fix wraps the heartbeat check in a catch that logs and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: heartbeat thread of a game server SDK (gsdk)
GSDK = template('gsdk-heartbeat', r'''
/**
 * Entry point of the game server SDK: starts the heartbeat to the local agent and exposes its state.
 */
public final class GameserverSDK {
    private static final Logger logger = Logger.getLogger(GameserverSDK.class.getName());

    private static Thread heartbeatThread;
    private static HeartbeatThread heartbeat;

    private GameserverSDK() {
    }

    public static synchronized void start(Configuration config) {
        if (heartbeatThread != null) {
            return;
        }
        heartbeat = new HeartbeatThread(config.getAgentEndpoint(), config.getServerId());
        heartbeatThread = new Thread(heartbeat, "gsdk-heartbeat"); //@{1}CONC-01
02|        heartbeatThread.setUncaughtExceptionHandler((thread, error) -> {
02|            logger.log(Level.SEVERE, "The heartbeat to the agent died; ending the game server", error);
02|            System.exit(1);
02|        });
        heartbeatThread.setDaemon(true);
        heartbeatThread.start();
    }

    public static void readyForPlayers() throws InterruptedException {
        heartbeat.setState(GameState.StandingBy);
        heartbeat.awaitState(GameOperation.Active);
    }

    static void sendOnce(HeartbeatThread beat) {
        try {
            beat.sendHeartbeat();
        } catch (IOException e) { //@{2}ERR-01
01|            logger.log(Level.WARNING, "Could not reach the agent, trying again on the next beat", e);
2|            // the next beat tries again
        }
    }
}
''')
cases_of(case, GH + 'PlayFab/gsdk/pull/62',
         'java/gameserverSDK/' + src('com.microsoft.azure.gaming', 'GameserverSDK'),
         J('com.microsoft.azure.gaming', ['java.io.IOException', 'java.util.logging.Level',
                                          'java.util.logging.Logger'])(GSDK), [
             (1, 'java-00-gsdk-heartbeat-thread-without-handler',
              'an edit starts the heartbeat thread without an uncaught-exception handler, so a heartbeat that '
              'dies on an unexpected answer leaves the server stuck in readyForPlayers with no sign', 'edit'),
             (2, 'java-00-gsdk-heartbeat-send-failure-swallowed',
              'an edit swallows a failed heartbeat send in an empty catch, so an agent that cannot be reached '
              'for minutes leaves no trace in the server log', 'edit'),
             (0, 'java-ok-00-gsdk-heartbeat-thread-handled',
              'clean: the fix gives the heartbeat thread a handler that logs and ends the process', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: webhook endpoint of an integration platform (syndesis)
SYNDESIS = template('syndesis-webhook-endpoint', r'''
/**
 * Receives the webhooks of running integrations and hands each payload to its integration.
 */
@RestController
@RequestMapping("/webhook")
public class WebhookEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final IntegrationRepository integrations;
    private final WebhookDispatcher dispatcher;
    private final AuditLog audit;
    private final ExecutorService auditExecutor;

    public WebhookEndpoint(IntegrationRepository integrations, WebhookDispatcher dispatcher, AuditLog audit,
                           ExecutorService auditExecutor) {
        this.integrations = integrations;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.auditExecutor = auditExecutor;
    }

    @PostMapping("/{token}")
    public ResponseEntity<Void> receive(@PathVariable String token, @RequestBody String payload) {
        Integration integration = integrations.findByWebhookToken(token);
        if (integration == null) {
            return ResponseEntity.notFound().build();
        }
        try {
            dispatcher.dispatch(integration, payload);
        } catch (RuntimeException e) { //@{1}ERR-01
02|            LOG.error("Webhook {} of integration {} failed", token, integration.getId(), e);
02|            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
1|            // the sender retries on its own
        }
01|        auditExecutor.execute(() -> audit.record(integration.getId(), payload.length()));
2|        auditExecutor.submit(() -> audit.record(integration.getId(), payload.length())); //@CONC-06
        return ResponseEntity.accepted().build();
    }
}
''')
cases_of(case, GH + 'syndesisio/syndesis/pull/8567',
         'app/server/endpoint/' + src('io.syndesis.server.endpoint.v1.handler.webhook', 'WebhookEndpoint'),
         J('io.syndesis.server.endpoint.v1.handler.webhook', SLF4J + [
             'java.util.concurrent.ExecutorService', 'org.springframework.http.HttpStatus',
             'org.springframework.http.ResponseEntity', 'org.springframework.web.bind.annotation.PathVariable',
             'org.springframework.web.bind.annotation.PostMapping',
             'org.springframework.web.bind.annotation.RequestBody',
             'org.springframework.web.bind.annotation.RequestMapping',
             'org.springframework.web.bind.annotation.RestController'])(SYNDESIS), [
             (1, 'java-00-syndesis-webhook-dispatch-failure-swallowed',
              'an edit swallows a failed dispatch of a webhook and answers accepted, so a payload the integration '
              'never processed is neither logged nor retried', 'edit'),
             (2, 'java-00-syndesis-webhook-audit-future-dropped',
              'an edit submits the audit record and drops the future, so an audit write that throws is lost '
              'without a line in the log', 'edit'),
             (0, 'java-ok-00-syndesis-webhook-failure-logged',
              'clean: the fix logs a failed dispatch and answers 500', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: date formats of an e-invoicing library (mustangproject)
MUSTANG = template('mustang-invoice-dates', r'''
/**
 * The date formats of ZUGFeRD and XRechnung invoices, by their UN/CEFACT format code.
 */
public final class ZUGFeRDDateFormat {
    private static final TimeZone INVOICE_ZONE = TimeZone.getTimeZone("UTC");

02|    private static final ThreadLocal<SimpleDateFormat> DATE = ThreadLocal.withInitial(() -> invoiceFormat("yyyyMMdd"));
02|    private static final ThreadLocal<SimpleDateFormat> DATE_TIME =
02|            ThreadLocal.withInitial(() -> invoiceFormat("yyyyMMddHHmm"));
1|    private static final SimpleDateFormat DATE = invoiceFormat("yyyyMMdd"); //@CONC-03
1|    private static final SimpleDateFormat DATE_TIME = invoiceFormat("yyyyMMddHHmm");

    private ZUGFeRDDateFormat() {
    }

    public static String format(Date date, String formatCode) {
        switch (formatCode) {
            case "102":
02|                return DATE.get().format(date);
1|                return DATE.format(date);
            case "203":
02|                return DATE_TIME.get().format(date);
1|                return DATE_TIME.format(date);
            default:
                throw new IllegalArgumentException("unsupported date format code " + formatCode);
        }
    }

    public static Date parse(String text, String formatCode) throws ParseException {
        if ("203".equals(formatCode)) {
02|            return DATE_TIME.get().parse(text);
1|            return DATE_TIME.parse(text);
        }
02|        return DATE.get().parse(text);
1|        return DATE.parse(text);
    }

    private static SimpleDateFormat invoiceFormat(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern); //@{2}TIME-01
        format.setLenient(false);
01|        format.setTimeZone(INVOICE_ZONE);
        return format;
    }
}
''')
cases_of(case, GH + 'ZUGFeRD/mustangproject/pull/1017',
         'library/' + src('org.mustangproject.ZUGFeRD', 'ZUGFeRDDateFormat'),
         J('org.mustangproject.ZUGFeRD', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                          'java.util.TimeZone'])(MUSTANG), [
             (1, 'java-00-mustang-shared-static-date-formats',
              'an edit turns the per-thread invoice date formats into shared static SimpleDateFormats, so invoices '
              'written on several threads get each other\'s dates', 'edit'),
             (2, 'java-00-mustang-date-format-without-zone',
              'an edit builds the invoice date formats without their zone, so an invoice dated shortly after '
              'midnight gets the previous or next day on a server outside UTC', 'edit'),
             (0, 'java-ok-00-mustang-per-thread-zoned-formats',
              'clean: the fix keeps one format per thread again', 'fix'),
         ])
