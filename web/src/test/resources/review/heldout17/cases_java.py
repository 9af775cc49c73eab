"""Round-17 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 16)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- CONC-04: MDC in event-bus subscribers
SOLUVAS = r'''
/** Replays stock movements posted on the async event bus; each event carries the tenant it belongs to. */
@Component
public class StockReplayListener {
    private static final Logger log = LoggerFactory.getLogger(StockReplayListener.class);

    private final StockLedger ledger;

    public StockReplayListener(StockLedger ledger, AsyncEventBus bus) {
        this.ledger = ledger;
        bus.register(this);
    }

    @Subscribe
    public void onReplay(StockReplayRequested event) {
0|        try (MDC.MDCCloseable tenant = MDC.putCloseable("tenant", event.tenantId());
0|             MDC.MDCCloseable job = MDC.putCloseable("replayJob", event.jobId())) {
0|            replay(event);
0|        }
1|        MDC.put("tenant", event.tenantId()); //@CONC-04
1|        MDC.put("replayJob", event.jobId());
1|        replay(event);
2|        MDC.put("tenant", event.tenantId()); //@CONC-04
2|        MDC.put("replayJob", event.jobId());
2|        replay(event);
2|        MDC.remove("replayJob");
2|        MDC.remove("tenant");
    }

    private void replay(StockReplayRequested event) {
        int applied = ledger.replay(event.from(), event.to());
        log.info("replayed {} stock movements", applied);
    }
}
'''
cases_of(case, GH + 'soluvas/soluvas-web/issues/36', src('org.soluvas.commerce.stock', 'StockReplayListener'),
         J('org.soluvas.commerce.stock', SLF4J + ['com.google.common.eventbus.AsyncEventBus',
                                                  'com.google.common.eventbus.Subscribe', 'org.slf4j.MDC',
                                                  'org.springframework.stereotype.Component'])(SOLUVAS), [
             (1, 'java-00-soluvas-replay-listener-mdc-never-removed',
              'an edit sets the tenant and job in the MDC of a pooled event-bus thread and never removes them',
              'edit'),
             (2, 'java-00-soluvas-replay-listener-mdc-removed-outside-finally',
              'an edit removes the MDC keys after the replay, not in finally: a failed replay leaves them behind',
              'edit'),
             (0, 'java-ok-00-soluvas-replay-listener-mdc-closeables',
              'clean: both keys are put with putCloseable in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Spring RestTemplate for a flow
IKASAN = r'''
/** Reads the state of a module's flows from the dashboard REST API. */
public class FlowStateClient {
01|    private final RestTemplate restTemplate;
    private final String baseUrl;

01|    public FlowStateClient(RestTemplateBuilder builder, DashboardProperties props) {
2|    public FlowStateClient(DashboardProperties props) {
0|        this.restTemplate = builder
0|                .setConnectTimeout(Duration.ofMillis(props.connectTimeoutMillis()))
0|                .setReadTimeout(Duration.ofMillis(props.readTimeoutMillis()))
0|                .build();
1|        this.restTemplate = builder.build(); //@TMO-01
        this.baseUrl = props.url();
    }

    public FlowState state(String module, String flow) {
2|        RestTemplate restTemplate = new RestTemplateBuilder() //@RES-04
2|                .setConnectTimeout(Duration.ofSeconds(2))
2|                .setReadTimeout(Duration.ofSeconds(10))
2|                .build();
        ResponseEntity<FlowState> answer = restTemplate.getForEntity(
                baseUrl + "/rest/module/{module}/flow/{flow}/state", FlowState.class, module, flow);
        if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
            throw new DashboardException("no state for " + module + "/" + flow + ": " + answer.getStatusCode());
        }
        return answer.getBody();
    }
}
'''
cases_of(case, GH + 'ikasanEIP/ikasan/pull/944', src('org.ikasan.dashboard.client', 'FlowStateClient'),
         J('org.ikasan.dashboard.client', ['java.time.Duration', 'org.springframework.boot.web.client.RestTemplateBuilder',
                                           'org.springframework.http.ResponseEntity',
                                           'org.springframework.web.client.RestTemplate'])(IKASAN), [
             (1, 'java-00-ikasan-flow-state-rest-template-without-timeouts',
              'an edit builds the RestTemplate of a dashboard client without connect or read timeouts', 'edit'),
             (2, 'java-00-ikasan-flow-state-rest-template-per-call',
              'a new RestTemplate, with its own connection pool, is built on every call', 'new'),
             (0, 'java-ok-00-ikasan-flow-state-rest-template-with-timeouts',
              'clean: one RestTemplate built in the constructor with both timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: Vert.x web client for prices
VERTX = r'''
/** Fetches list prices from the pricing service with the shared Vert.x web client. */
public final class PriceClient {
    private static final Logger log = LoggerFactory.getLogger(PriceClient.class);
    private static final long TIMEOUT_MS = 2_000;

    private final WebClient client;
    private final PriceCache cache;

    public PriceClient(WebClient client, PriceCache cache) {
        this.client = client;
        this.cache = cache;
    }

    public Future<Price> price(String sku) {
        return client.get("/prices/" + sku)
0|                .timeout(TIMEOUT_MS)
2|                .timeout(TIMEOUT_MS)
                .as(BodyCodec.json(Price.class))
                .send() //@{1}TMO-01
                .compose(resp -> resp.statusCode() == 200
                        ? Future.succeededFuture(resp.body())
                        : Future.failedFuture(new PriceUnavailableException(sku, resp.statusCode())))
                .onSuccess(p -> cache.put(sku, p))
0|                .recover(err -> {
0|                    log.warn("price of {} unavailable, serving the cached one", sku, err);
0|                    return cache.get(sku).map(Future::succeededFuture).orElse(Future.failedFuture(err));
0|                });
1|                .recover(err -> {
1|                    log.warn("price of {} unavailable, serving the cached one", sku, err);
1|                    return cache.get(sku).map(Future::succeededFuture).orElse(Future.failedFuture(err));
1|                });
2|                .recover(err -> Future.succeededFuture(cache.get(sku).orElse(Price.UNKNOWN))); //@ERR-01
    }
}
'''
cases_of(case, GH + 'hubrick/vertx-rest-client/pull/11', src('com.hubrick.pricing', 'PriceClient'),
         J('com.hubrick.pricing', SLF4J + ['io.vertx.core.Future', 'io.vertx.ext.web.client.WebClient',
                                           'io.vertx.ext.web.codec.BodyCodec'])(VERTX), [
             (1, 'java-00-vertx-price-client-request-without-timeout',
              'an edit drops the per-request timeout of a Vert.x web client call', 'edit'),
             (2, 'java-00-vertx-price-client-recover-hides-every-failure',
              'an edit turns every failure into an UNKNOWN price without logging or counting it', 'edit'),
             (0, 'java-ok-00-vertx-price-client-timeout-and-logged-fallback',
              'clean: a request timeout and a fallback that logs the failure', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: Apache HttpClient 5 pool
RESTEASY = r'''
/** Calls the document service; one pooled client for the whole application. */
public final class DocumentClient implements Closeable {
    private final CloseableHttpClient http;
    private final URI base;

    public DocumentClient(URI base) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(20)
012|                .setDefaultConnectionConfig(ConnectionConfig.custom()
012|                        .setConnectTimeout(Timeout.ofSeconds(2))
012|                        .setSocketTimeout(Timeout.ofSeconds(15))
012|                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
02|                .setDefaultRequestConfig(RequestConfig.custom()
02|                        .setConnectionRequestTimeout(Timeout.ofSeconds(1))
02|                        .setResponseTimeout(Timeout.ofSeconds(15))
02|                        .build())
                .build(); //@{1}TMO-01
        this.base = base;
    }

    /** The document's bytes, or empty when the service does not know it. */
    public Optional<byte[]> fetch(String id) throws IOException {
        HttpGet get = new HttpGet(base.resolve("/documents/" + id));
01|        try (CloseableHttpResponse resp = http.execute(get)) {
01|            if (resp.getCode() == 404) {
01|                return Optional.empty();
01|            }
01|            if (resp.getCode() != 200) {
01|                throw new IOException("document service answered " + resp.getCode() + " for " + id);
01|            }
01|            return Optional.of(EntityUtils.toByteArray(resp.getEntity()));
01|        }
2|        CloseableHttpResponse resp = http.execute(get); //@RES-02
2|        if (resp.getCode() == 404) {
2|            return Optional.empty();
2|        }
2|        if (resp.getCode() != 200) {
2|            throw new IOException("document service answered " + resp.getCode() + " for " + id);
2|        }
2|        byte[] body = EntityUtils.toByteArray(resp.getEntity());
2|        resp.close();
2|        return Optional.of(body);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
'''
cases_of(case, GH + 'resteasy/resteasy/pull/563', src('org.example.documents', 'DocumentClient'),
         J('org.example.documents', ['java.io.Closeable', 'java.io.IOException', 'java.net.URI', 'java.util.Optional',
                                     'org.apache.hc.client5.http.classic.methods.HttpGet',
                                     'org.apache.hc.client5.http.config.ConnectionConfig',
                                     'org.apache.hc.client5.http.config.RequestConfig',
                                     'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                                     'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                     'org.apache.hc.client5.http.impl.classic.HttpClients',
                                     'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
                                     'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
                                     'org.apache.hc.core5.http.io.entity.EntityUtils',
                                     'org.apache.hc.core5.util.Timeout'])(RESTEASY), [
             (1, 'java-00-resteasy-document-client-no-pool-checkout-timeout',
              'an edit removes the request config: a checkout from the exhausted pool and the response wait are '
              'unbounded', 'edit'),
             (2, 'java-00-resteasy-document-client-response-closed-only-on-200',
              'the response is closed by hand after a 200; a 404 or an error status leaves the connection leased',
              'edit'),
             (0, 'java-ok-00-resteasy-document-client-bounded-and-closed',
              'clean: pool checkout and response timeouts, the response in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05: Kafka poll loop in an operator
STREAMSX = r'''
/** Drains records from the consumer's queue into tuples until the operator is shut down. */
final class TupleProducer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TupleProducer.class);

    private final BlockingQueue<ConsumerRecord<byte[], byte[]>> queue;
    private final TupleSubmitter submitter;
    private volatile boolean shutdown;

    TupleProducer(BlockingQueue<ConsumerRecord<byte[], byte[]>> queue, TupleSubmitter submitter) {
        this.queue = queue;
        this.submitter = submitter;
    }

    @Override
    public void run() {
0|        try {
0|            while (!shutdown) {
0|                ConsumerRecord<byte[], byte[]> record = queue.poll(100, TimeUnit.MILLISECONDS);
0|                if (record != null) {
0|                    submitter.submit(record);
0|                }
0|            }
0|        } catch (InterruptedException e) {
0|            Thread.currentThread().interrupt();
0|            log.debug("tuple producer interrupted; stopping");
0|        }
12|        while (!shutdown) {
12|            try {
12|                ConsumerRecord<byte[], byte[]> record = queue.poll(100, TimeUnit.MILLISECONDS);
12|                if (record != null) {
12|                    submitter.submit(record);
12|                }
1|            } catch (InterruptedException e) { //@CONC-05
1|                log.warn("interrupted while waiting for records");
2|            } catch (InterruptedException e) { //@CONC-05
2|                Thread.interrupted();
2|                log.debug("interrupted while waiting for records");
12|            }
12|        }
    }

    void shutdown() {
        shutdown = true;
    }
}
'''
cases_of(case, GH + 'IBMStreams/streamsx.kafka/issues/75', src('com.ibm.streamsx.kafka.operators', 'TupleProducer'),
         J('com.ibm.streamsx.kafka.operators', SLF4J + ['java.util.concurrent.BlockingQueue',
                                                        'java.util.concurrent.TimeUnit',
                                                        'org.apache.kafka.clients.consumer.ConsumerRecord'])(STREAMSX), [
             (1, 'java-00-streamsx-tuple-producer-swallows-interrupt-in-loop',
              'the poll loop catches InterruptedException, logs and polls again', 'new'),
             (2, 'java-00-streamsx-tuple-producer-clears-interrupt-flag',
              'the catch calls Thread.interrupted(), which clears the flag instead of restoring it', 'fix'),
             (0, 'java-ok-00-streamsx-tuple-producer-restores-and-stops',
              'clean: the loop sits inside the try; the catch restores the flag and the producer stops', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: Vert.x redis reconnect
VXREDIS = r'''
/** Holds the redis connection of the session store and reconnects, with back-off, when it fails. */
public final class SessionRedis {
    private static final Logger log = LoggerFactory.getLogger(SessionRedis.class);
    private static final int MAX_RECONNECT_RETRIES = 16;

    private final Vertx vertx;
    private final Redis client; // created once; owns the connection pool
    private final AtomicBoolean connecting = new AtomicBoolean();
    private RedisConnection connection;

    public SessionRedis(Vertx vertx, RedisOptions options) {
        this.vertx = vertx;
        this.client = Redis.createClient(vertx, options);
    }

    public Future<RedisConnection> connect() {
        if (!connecting.compareAndSet(false, true)) {
            return Future.failedFuture("connection attempt in progress");
        }
01|        return client.connect()
2|        return client.connect()
                .onSuccess(conn -> {
                    connection = conn;
0|                    conn.exceptionHandler(e -> {
0|                        log.warn("session redis connection failed; reconnecting", e);
0|                        attemptReconnect(0);
0|                    });
1|                    conn.exceptionHandler(e -> {
1|                        log.warn("session redis connection failed; reconnecting", e);
1|                        attemptReconnect(0);
1|                    });
2|                    conn.exceptionHandler(e -> attemptReconnect(0)); //@ERR-01
                })
                .onComplete(ar -> connecting.set(false));
    }

    private void attemptReconnect(int retry) {
        if (retry > MAX_RECONNECT_RETRIES) {
            log.error("session redis unreachable after {} retries", retry);
            return;
        }
        long backoff = (long) (Math.pow(2, Math.min(retry, 10)) * 10);
        vertx.setTimer(backoff, timer -> {
1|            Redis fresh = Redis.createClient(vertx, options()); //@RES-04
1|            fresh.connect()
1|                    .onSuccess(conn -> connection = conn)
1|                    .onFailure(t -> attemptReconnect(retry + 1));
02|            connect().onFailure(t -> attemptReconnect(retry + 1));
        });
    }
}
'''
cases_of(case, GH + 'vert-x3/vertx-redis-client/issues/255', src('io.vertx.sessions.redis', 'SessionRedis'),
         J('io.vertx.sessions.redis', SLF4J + ['io.vertx.core.Future', 'io.vertx.core.Vertx',
                                               'io.vertx.redis.client.Redis', 'io.vertx.redis.client.RedisConnection',
                                               'io.vertx.redis.client.RedisOptions',
                                               'java.util.concurrent.atomic.AtomicBoolean'])(VXREDIS), [
             (1, 'java-00-vxredis-reconnect-creates-client-per-attempt',
              'an edit makes every reconnect attempt create a new Redis client (a pool) and never close the old one',
              'edit'),
             (2, 'java-00-vxredis-connection-failure-silently-reconnects',
              'an edit drops the log of the connection failure that triggers a reconnect', 'edit'),
             (0, 'java-ok-00-vxredis-reconnect-through-shared-client',
              'clean: reconnects reuse the one client and log the failure', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: JDBC slot store
WSO2TX = r'''
/** Persists the assignment of message slots to nodes; every change touches two tables. */
public class SlotStore {
    private static final Logger log = LoggerFactory.getLogger(SlotStore.class);
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;

    public SlotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves the slot to the node and records the move; both rows change or neither. */
    public void assign(long slotId, String nodeId) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); //@{1}TX-01
02|            try {
02|                update(conn, ASSIGN_SLOT, nodeId, slotId);
02|                update(conn, INSERT_SLOT_HISTORY, slotId, nodeId);
02|            } catch (SQLException | RuntimeException e) {
02|                rollbackQuietly(conn, e);
02|                throw e;
02|            }
1|            update(conn, ASSIGN_SLOT, nodeId, slotId);
1|            update(conn, INSERT_SLOT_HISTORY, slotId, nodeId);
0|            conn.commit();
1|            conn.commit();
2|            try {
2|                conn.commit();
2|            } catch (SQLException e) { //@TX-02|ERR-01
2|                log.error("commit of slot {} to {} failed", slotId, nodeId, e);
2|            }
        }
    }

    private static void update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (ps.executeUpdate() != 1) {
                throw new SQLException("expected one row for " + sql);
            }
        }
    }

    /** Rolls back after a failure; a failed rollback is attached to the original error, which is rethrown. */
    private static void rollbackQuietly(Connection conn, Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
'''
cases_of(case, GH + 'wso2/carbon-business-messaging/pull/95', src('org.wso2.carbon.andes.slot', 'SlotStore'),
         J('org.wso2.carbon.andes.slot', SLF4J + ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                  'java.sql.SQLException', 'javax.sql.DataSource'])(WSO2TX), [
             (1, 'java-00-wso2-slot-assign-without-rollback',
              'an edit drops the catch that rolls back: a failed update returns the connection mid-transaction',
              'edit'),
             (2, 'java-00-wso2-slot-assign-logs-failed-commit',
              'an edit catches a failed commit and only logs it; the caller believes the slot moved', 'edit'),
             (0, 'java-ok-00-wso2-slot-assign-rollback-keeps-cause',
              'clean: rollback in a catch that rethrows, a failed rollback attached as suppressed', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: Hibernate session for a fiddle
ZKFIDDLE = r'''
/** Stores user fiddles through the Hibernate session factory built at start-up. */
public class FiddleDao {
    private final SessionFactory sessionFactory;

    public FiddleDao(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public Fiddle saveVersion(String token, String source) {
0|        return sessionFactory.fromTransaction(session -> {
0|            Fiddle fiddle = session.byNaturalId(Fiddle.class).using("token", token).load();
0|            if (fiddle == null) {
0|                throw new UnknownFiddleException(token);
0|            }
0|            fiddle.addVersion(new FiddleVersion(source, Instant.now()));
0|            return fiddle;
0|        });
1|        Session session = sessionFactory.openSession(); //@RES-01|TX-01
1|        Transaction tx = session.beginTransaction();
1|        Fiddle fiddle = session.byNaturalId(Fiddle.class).using("token", token).load();
1|        if (fiddle == null) {
1|            throw new UnknownFiddleException(token);
1|        }
1|        fiddle.addVersion(new FiddleVersion(source, Instant.now()));
1|        tx.commit();
1|        session.close();
1|        return fiddle;
2|        try (Session session = sessionFactory.openSession()) {
2|            Transaction tx = session.beginTransaction(); //@TX-01
2|            Fiddle fiddle = session.byNaturalId(Fiddle.class).using("token", token).load();
2|            if (fiddle == null) {
2|                throw new UnknownFiddleException(token);
2|            }
2|            fiddle.addVersion(new FiddleVersion(source, Instant.now()));
2|            tx.commit();
2|            return fiddle;
2|        }
    }
}
'''
cases_of(case, GH + 'tony1223/zkfiddle/issues/54', src('org.zkoss.fiddle.dao', 'FiddleDao'),
         J('org.zkoss.fiddle.dao', ['java.time.Instant', 'org.hibernate.Session', 'org.hibernate.SessionFactory',
                                    'org.hibernate.Transaction'])(ZKFIDDLE), [
             (1, 'java-00-zkfiddle-save-version-session-closed-by-hand',
              'a Hibernate session is opened and closed by hand; an unknown token or a failed flush leaks it with '
              'its open transaction', 'new'),
             (2, 'java-00-zkfiddle-save-version-transaction-not-rolled-back',
              'the session is closed by try-with-resources, but the transaction is never rolled back on failure',
              'fix'),
             (0, 'java-ok-00-zkfiddle-save-version-from-transaction',
              'clean: SessionFactory.fromTransaction opens, commits or rolls back, and closes', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03: agent metadata cache
PINPOINT = r'''
/** Caches the metadata of every agent by id; filled by the collector threads, read by the web API. */
@Component
public class AgentInfoCache {
0|    private final ConcurrentMap<String, AgentInfo> byId = new ConcurrentHashMap<>();
1|    private final ConcurrentMap<String, AgentInfo> byId = new ConcurrentHashMap<>();
2|    private final Map<String, AgentInfo> byId = new HashMap<>(); //@CONC-03
    private final AgentInfoDao dao;

    public AgentInfoCache(AgentInfoDao dao) {
        this.dao = dao;
    }

    public AgentInfo get(String agentId) {
0|        return byId.computeIfAbsent(agentId, dao::load);
12|        AgentInfo info = byId.get(agentId); //@{1}CONC-03
12|        if (info == null) {
12|            info = dao.load(agentId);
12|            byId.put(agentId, info);
12|        }
12|        return info;
    }

    public void evict(String agentId) {
        byId.remove(agentId);
    }
}
'''
cases_of(case, GH + 'pinpoint-apm/pinpoint/issues/12145', src('com.navercorp.pinpoint.web.cache', 'AgentInfoCache'),
         J('com.navercorp.pinpoint.web.cache', ['java.util.HashMap', 'java.util.Map',
                                                'java.util.concurrent.ConcurrentHashMap',
                                                'java.util.concurrent.ConcurrentMap',
                                                'org.springframework.stereotype.Component'])(PINPOINT), [
             (1, 'java-00-pinpoint-agent-cache-check-then-act',
              'an edit replaces computeIfAbsent with get, load and put on the concurrent map', 'edit'),
             (2, 'java-00-pinpoint-agent-cache-plain-hashmap',
              'the cache of a Spring singleton is a plain HashMap written by collector threads', 'new'),
             (0, 'java-ok-00-pinpoint-agent-cache-compute-if-absent',
              'clean: one atomic computeIfAbsent on a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: OkHttp feature flags
WASP = r'''
/** Loads the feature flags of a project from the flag service. */
public final class FlagFetcher {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http; // shared; built with connect, read and call timeouts
    private final ObjectMapper mapper;
    private final HttpUrl base;

    public FlagFetcher(OkHttpClient http, ObjectMapper mapper, HttpUrl base) {
        this.http = http;
        this.mapper = mapper;
        this.base = base;
    }

    public Map<String, Boolean> fetch(String project) throws IOException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegments("projects/" + project + "/flags").build())
                .header("Accept", JSON.toString())
                .build();
0|        try (Response response = http.newCall(request).execute()) {
0|            if (!response.isSuccessful()) {
0|                throw new IOException("flag service answered " + response.code() + " for " + project);
0|            }
0|            return mapper.readValue(response.body().byteStream(), FLAG_MAP);
0|        }
1|        Response response = http.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException("flag service answered " + response.code() + " for " + project);
1|        }
1|        try (ResponseBody body = response.body()) {
1|            return mapper.readValue(body.byteStream(), FLAG_MAP);
1|        }
2|        OkHttpClient client = http.newBuilder().retryOnConnectionFailure(false).build();
2|        try (Response response = client.newCall(request).execute()) {
2|            if (!response.isSuccessful()) {
2|                throw new IOException("flag service answered " + response.code() + " for " + project);
2|            }
2|            return mapper.readValue(response.body().byteStream(), FLAG_MAP);
2|        }
    }

    private static final TypeReference<Map<String, Boolean>> FLAG_MAP = new TypeReference<>() { };
}
'''
cases_of(case, GH + 'orhanobut/wasp/issues/146', src('com.orhanobut.flags', 'FlagFetcher'),
         J('com.orhanobut.flags', ['com.fasterxml.jackson.core.type.TypeReference',
                                   'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.util.Map',
                                   'okhttp3.HttpUrl', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                                   'okhttp3.Response', 'okhttp3.ResponseBody'])(WASP), [
             (1, 'java-00-wasp-flag-fetch-error-status-leaks-response',
              'an edit closes only the body of a successful OkHttp response; an error status leaks the connection',
              'edit'),
             (2, 'java-ok-00-wasp-flag-fetch-derived-client-shares-pool',
              'clean: an edit derives a per-call client with newBuilder(), which shares the pool and dispatcher of '
              'the shared client (OkHttp\'s way to tune one call)', 'edit'),
             (0, 'java-ok-00-wasp-flag-fetch-response-in-try',
              'clean: the whole response in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02: config save executor (with a test)
EVERNIFE = r'''
/** Writes configuration files off the main thread; saves of the same file are coalesced by the caller. */
public final class CfgExecutor {
    private static final Logger log = LoggerFactory.getLogger(CfgExecutor.class);

    private static final ExecutorService SAVERS = newSaverPool();

    private CfgExecutor() {
    }

    static ExecutorService newSaverPool() {
        ThreadFactory threads = new ThreadFactoryBuilder()
                .setNameFormat("evernifecore-cfg-saver-%d")
                .setDaemon(true)
                .setUncaughtExceptionHandler((t, e) -> log.error("config saver {} died", t.getName(), e))
                .build();
0|        return new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), threads,
0|                new ThreadPoolExecutor.CallerRunsPolicy()); // a full queue makes the caller write the file itself
1|        return new ThreadPoolExecutor(5, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), //@CONC-02
1|                threads);
2|        return Executors.newFixedThreadPool(4, threads); //@CONC-02
    }

    public static Future<?> save(Path file, String yaml) {
        return SAVERS.submit(() -> {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return null;
        });
    }
}
'''
EVERNIFE_TEST = java('br.com.finalcraft.evernifecore.config.yaml.helper',
                     ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.nio.charset.StandardCharsets',
                      'java.nio.file.Files', 'java.nio.file.Path', 'java.util.concurrent.TimeUnit',
                      'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir'], r'''
class CfgExecutorTest {
    @TempDir
    Path dir;

    @Test
    void save_writes_the_file_on_a_saver_thread() throws Exception {
        Path file = dir.resolve("config.yml");
        CfgExecutor.save(file, "enabled: true\n").get(5, TimeUnit.SECONDS);
        assertEquals("enabled: true\n", Files.readString(file, StandardCharsets.UTF_8));
    }
}
''')
cases_of(case, GH + 'EverNife/EverNifeCore/pull/6', src('br.com.finalcraft.evernifecore.config.yaml.helper', 'CfgExecutor'),
         J('br.com.finalcraft.evernifecore.config.yaml.helper',
           SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.nio.charset.StandardCharsets',
                    'java.nio.file.Files', 'java.nio.file.Path', 'java.util.concurrent.ArrayBlockingQueue',
                    'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                    'java.util.concurrent.Future', 'java.util.concurrent.SynchronousQueue',
                    'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit'])(EVERNIFE), [
             (1, 'java-00-evernife-cfg-savers-unbounded-threads',
              'a saver pool with Integer.MAX_VALUE threads over a SynchronousQueue (with a test beside it)', 'new',
              [f(tst('br.com.finalcraft.evernifecore.config.yaml.helper', 'CfgExecutorTest'), new=EVERNIFE_TEST)]),
             (2, 'java-00-evernife-cfg-savers-fixed-pool-unbounded-queue',
              'the fix is edited into a fixed pool whose LinkedBlockingQueue has no bound', 'fix'),
             (0, 'java-ok-00-evernife-cfg-savers-bounded-caller-runs',
              'clean: four threads, a queue of 256 and CallerRunsPolicy as back-pressure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06: async audit with CompletableFuture
DEVON = r'''
/** Records audit entries of the booking service asynchronously, so the request does not wait for the audit store. */
@Service
public class BookingAudit {
    private static final Logger log = LoggerFactory.getLogger(BookingAudit.class);

    private final AuditStore store;
    private final Executor auditExecutor; // bounded pool from AsyncConfig
    private final Counter failures;

    public BookingAudit(AuditStore store, @Qualifier("auditExecutor") Executor auditExecutor, MeterRegistry meters) {
        this.store = store;
        this.auditExecutor = auditExecutor;
        this.failures = meters.counter("booking.audit.failures");
    }

    public void bookingConfirmed(Booking booking, String user) {
        var entry = new AuditEntry("booking.confirmed", booking.id(), user, Instant.now());
0|        CompletableFuture.runAsync(() -> store.append(entry), auditExecutor)
0|                .whenComplete((ok, failure) -> {
0|                    if (failure != null) {
0|                        failures.increment();
0|                        log.warn("audit of booking {} not recorded", booking.id(), failure);
0|                    }
0|                });
1|        CompletableFuture.runAsync(() -> store.append(entry), auditExecutor); //@CONC-06
2|        CompletableFuture.runAsync(() -> store.append(entry), auditExecutor)
2|                .thenRun(() -> log.debug("audit of booking {} recorded", booking.id())); //@CONC-06
    }
}
'''
cases_of(case, GH + 'devonfw/devon4j/pull/328', src('com.devonfw.booking.audit', 'BookingAudit'),
         J('com.devonfw.booking.audit', SLF4J + ['io.micrometer.core.instrument.Counter',
                                                 'io.micrometer.core.instrument.MeterRegistry', 'java.time.Instant',
                                                 'java.util.concurrent.CompletableFuture',
                                                 'java.util.concurrent.Executor',
                                                 'org.springframework.beans.factory.annotation.Qualifier',
                                                 'org.springframework.stereotype.Service'])(DEVON), [
             (1, 'java-00-devon-booking-audit-future-dropped',
              'an edit drops the completion handler: a failed audit write vanishes inside the future', 'edit'),
             (2, 'java-00-devon-booking-audit-then-run-without-failure-handler',
              'an edit chains a success log with thenRun and still nothing observes a failure', 'edit'),
             (0, 'java-ok-00-devon-booking-audit-when-complete-logs',
              'clean: whenComplete logs and counts a failed audit write', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: medical exam import (CRLF)
OPENHOSPITAL = r'''
/** Imports lab results exported by the analyser; one row per exam. */
public class LabResultImporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(LabResultImporter.class);

    private final LabIoOperations labIo;

    public LabResultImporter(LabIoOperations labIo) {
        this.labIo = labIo;
    }

    public ImportSummary importRows(List<LabRow> rows) throws OHServiceException {
        int imported = 0;
        int rejected = 0;
        for (LabRow row : rows) {
            if (!row.isComplete()) {
                rejected++;
0|                if (rejected <= 5) {
0|                    LOGGER.warn("incomplete lab row {} skipped", row.getLineNumber());
0|                }
1|                if (rejected <= 5) {
1|                    LOGGER.warn("incomplete lab row {} skipped", row.getLineNumber());
1|                }
2|                LOGGER.warn("incomplete lab row skipped: {}", row); //@LOG-01
                continue;
            }
            Laboratory lab = labIo.newLaboratory(row.toLaboratory());
1|            LOGGER.debug("Imported exam " + lab.getExam().getDescription() + " for patient " + lab.getPatId() //@LOG-02|LOG-01
1|                    + " with result " + lab.getResult());
            imported++;
        }
        LOGGER.info("lab import done: {} imported, {} rejected ({} not logged)", imported, rejected,
                Math.max(0, rejected - 5));
        return new ImportSummary(imported, rejected);
    }
}
'''
cases_of(case, GH + 'informatici/openhospital-core/pull/169', src('org.isf.lab.service', 'LabResultImporter'),
         J('org.isf.lab.service', SLF4J + ['java.util.List', 'org.isf.lab.model.Laboratory',
                                           'org.isf.utils.exception.OHServiceException'])(OPENHOSPITAL), [
             (1, 'java-00-openhospital-lab-import-debug-concatenates',
              'an edit adds a per-exam debug line built by string concatenation (a CRLF file)', 'edit'),
             (2, 'java-00-openhospital-lab-import-warns-every-bad-row',
              'an edit logs every incomplete row with the whole row object (CRLF)', 'edit'),
             (0, 'java-ok-00-openhospital-lab-import-sampled-warnings',
              'clean: the first five rejections are logged, one summary line per import (CRLF)', 'new'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-02 / TMO-03: quote with a deadline
FAILSAFE = r'''
/** Prices a basket within the caller's budget; the tax service is the slow part. */
public final class BasketPricer {
    private final ExecutorService taxWorkers; // bounded pool, built in main
    private final ScheduledExecutorService timer;
    private final TaxClient tax;

    public BasketPricer(ExecutorService taxWorkers, ScheduledExecutorService timer, TaxClient tax) {
        this.taxWorkers = taxWorkers;
        this.timer = timer;
        this.tax = tax;
    }

    public Quote quote(Basket basket, Duration budget) throws InterruptedException, ExecutionException {
        Future<TaxBreakdown> task = taxWorkers.submit(() -> tax.breakdown(basket));
0|        ScheduledFuture<?> watchdog = timer.schedule(() -> task.cancel(true), budget.toMillis(), TimeUnit.MILLISECONDS);
0|        try {
0|            return Quote.of(basket, task.get());
0|        } catch (CancellationException e) {
0|            throw new QuoteTimeoutException(basket.id(), budget);
0|        } finally {
0|            watchdog.cancel(false);
0|        }
1|        try {
1|            return Quote.of(basket, task.get(budget.toMillis(), TimeUnit.MILLISECONDS)); //@TMO-02
1|        } catch (TimeoutException e) {
1|            throw new QuoteTimeoutException(basket.id(), budget);
1|        }
2|        ScheduledFuture<?> watchdog = timer.schedule(() -> task.cancel(true), budget.toNanos(), TimeUnit.NANOSECONDS); //@TMO-03
2|        try {
2|            return Quote.of(basket, task.get());
2|        } catch (CancellationException e) {
2|            throw new QuoteTimeoutException(basket.id(), budget);
2|        }
    }
}
'''
cases_of(case, GH + 'failsafe-lib/failsafe/pull/171', src('dev.failsafe.examples.pricing', 'BasketPricer'),
         J('dev.failsafe.examples.pricing', ['java.time.Duration', 'java.util.concurrent.CancellationException',
                                             'java.util.concurrent.ExecutionException',
                                             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                                             'java.util.concurrent.ScheduledExecutorService',
                                             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                             'java.util.concurrent.TimeoutException'])(FAILSAFE), [
             (1, 'java-00-failsafe-quote-stops-waiting-but-task-runs-on',
              'an edit waits with get(timeout) and, on timeout, leaves the tax call running', 'edit'),
             (2, 'java-00-failsafe-quote-watchdog-never-cancelled',
              'an edit drops the finally that cancels the watchdog after a fast answer', 'edit'),
             (0, 'java-ok-00-failsafe-quote-watchdog-cancels-and-is-cancelled',
              'clean: a watchdog cancels the task at the deadline and is itself cancelled in finally', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: periodic event push
OPENSRP = r'''
/** Pushes locally recorded events to the server every few minutes. */
public class EventPushScheduler {
    private static final Logger log = LoggerFactory.getLogger(EventPushScheduler.class);

    private final ScheduledExecutorService scheduler;
    private final EventRepository events;
    private final SyncClient client;

    public EventPushScheduler(ScheduledExecutorService scheduler, EventRepository events, SyncClient client) {
        this.scheduler = scheduler;
        this.events = events;
        this.client = client;
    }

    public void start(Duration every) {
02|        scheduler.scheduleWithFixedDelay(this::pushSafely, every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
1|        scheduler.scheduleWithFixedDelay(this::push, every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS); //@CONC-07
    }

    private void pushSafely() {
        try {
            push();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            log.error("event push failed; the next run retries", t);
        }
    }

    private void push() {
        List<Event> pending = events.pending(500);
        int failed = 0;
        for (Event event : pending) {
            try {
                client.push(event);
                events.markSynced(event.id());
            } catch (SyncException e) {
                failed++;
2|                log.warn("event {} not pushed: {}", event.id(), e.getMessage()); //@LOG-01
01|                if (failed == 1) {
01|                    log.warn("event {} not pushed: {}", event.id(), e.getMessage());
01|                }
            }
        }
        log.info("event push: {} pending, {} failed", pending.size(), failed);
    }
}
'''
cases_of(case, GH + 'opensrp/opensrp-client-core/pull/759', src('org.smartregister.sync', 'EventPushScheduler'),
         J('org.smartregister.sync', SLF4J + ['java.time.Duration', 'java.util.List',
                                              'java.util.concurrent.ScheduledExecutorService',
                                              'java.util.concurrent.TimeUnit'])(OPENSRP), [
             (1, 'java-00-opensrp-event-push-scheduled-without-guard',
              'an edit schedules the raw push method: one unexpected exception cancels every later push', 'edit'),
             (2, 'java-00-opensrp-event-push-warns-per-failed-event',
              'a guarded push that logs a warning for every one of up to 500 failed events per run', 'new'),
             (0, 'java-ok-00-opensrp-event-push-guarded-and-sampled',
              'clean: a guard around each run and only the first failure per run logged, then a summary', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: MyBatis fee posting (pom, generated mapper)
CURIUM = r'''
/** Posts the fee instalments of a student; all instalments are written in one MyBatis session. */
public class FeePostingService {
    private static final Logger log = LoggerFactory.getLogger(FeePostingService.class);

    private final SqlSessionFactory sessions;

    public FeePostingService(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public int post(long studentId, List<Instalment> instalments) {
02|        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
02|            FeeInstalmentMapper mapper = session.getMapper(FeeInstalmentMapper.class);
02|            for (Instalment i : instalments) {
02|                mapper.insert(i.toRecord(studentId));
02|            }
0|            session.commit(); // closing without commit rolls the batch back
0|            return instalments.size();
2|            session.commit();
2|            return instalments.size();
2|        } catch (PersistenceException e) { //@ERR-01
2|            log.error("posting fees of student {} failed", studentId);
2|            return 0;
02|        }
1|        SqlSession session = sessions.openSession(ExecutorType.BATCH); //@RES-01|TX-01
1|        FeeInstalmentMapper mapper = session.getMapper(FeeInstalmentMapper.class);
1|        for (Instalment i : instalments) {
1|            mapper.insert(i.toRecord(studentId));
1|        }
1|        session.commit();
1|        session.close();
1|        return instalments.size();
    }
}
'''
CURIUM_MAPPER = java('com.curium.fees.mapper', ['com.curium.fees.model.FeeInstalmentRecord',
                                                 'jakarta.annotation.Generated'], r'''
public interface FeeInstalmentMapper {
    @Generated(value = "org.mybatis.generator.api.MyBatisGenerator", comments = "Source Table: fee_instalment")
    int insert(FeeInstalmentRecord row);

    @Generated(value = "org.mybatis.generator.api.MyBatisGenerator", comments = "Source Table: fee_instalment")
    FeeInstalmentRecord selectByPrimaryKey(Long id);
}
''')
CURIUM_POM = pom('curium-fees', ['org.mybatis:mybatis:3.5.16', 'org.slf4j:slf4j-api:2.0.13'])
cases_of(case, GH + 'musaibasrar/Curium/issues/1443', src('com.curium.fees', 'FeePostingService'),
         J('com.curium.fees', SLF4J + ['com.curium.fees.mapper.FeeInstalmentMapper', 'java.util.List',
                                       'org.apache.ibatis.exceptions.PersistenceException',
                                       'org.apache.ibatis.session.ExecutorType', 'org.apache.ibatis.session.SqlSession',
                                       'org.apache.ibatis.session.SqlSessionFactory'])(CURIUM), [
             (1, 'java-00-curium-fee-posting-session-closed-by-hand',
              'a MyBatis batch session is closed by hand after commit; a failed insert leaks it (with pom.xml and '
              'the generated mapper)', 'new',
              [f('pom.xml', new=CURIUM_POM),
               f('src/main/java/com/curium/fees/mapper/FeeInstalmentMapper.java', new=CURIUM_MAPPER)]),
             (2, 'java-00-curium-fee-posting-swallows-persistence-error',
              'an edit catches the persistence error, logs it without its cause and reports zero instalments', 'edit'),
             (0, 'java-ok-00-curium-fee-posting-session-in-try',
              'clean: the session in try-with-resources; closing without commit rolls back', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-06: Kafka source consumer thread
SIDDHI = r'''
/** Starts one consumer loop per topic partition group of a Kafka source. */
public class KafkaSourceRunner {
    private static final Logger log = LoggerFactory.getLogger(KafkaSourceRunner.class);

    private final ExecutorService consumers;

    public KafkaSourceRunner(String sourceName, int groups) {
        ThreadFactory factory = new ThreadFactoryBuilder()
                .setNameFormat("kafka-source-" + sourceName + "-%d")
                .setUncaughtExceptionHandler((t, e) -> log.error("consumer loop {} died", t.getName(), e))
                .build();
        this.consumers = new ThreadPoolExecutor(groups, groups, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(groups),
                factory);
    }

    public void start(List<ConsumerLoop> loops) {
        for (ConsumerLoop loop : loops) {
0|            consumers.execute(loop); // a failure reaches the factory's uncaught-exception handler
1|            new Thread(loop, "kafka-consumer-" + loop.topic()).start(); //@CONC-01
2|            consumers.submit(loop); //@CONC-06
        }
    }

    public void stop() throws InterruptedException {
        consumers.shutdownNow();
        if (!consumers.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("kafka consumer loops did not stop within 30 s");
        }
    }
}
'''
cases_of(case, GH + 'siddhi-io/siddhi-io-kafka/pull/14', src('io.siddhi.extension.io.kafka.source', 'KafkaSourceRunner'),
         J('io.siddhi.extension.io.kafka.source', SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                                           'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                                                           'java.util.concurrent.ExecutorService',
                                                           'java.util.concurrent.ThreadFactory',
                                                           'java.util.concurrent.ThreadPoolExecutor',
                                                           'java.util.concurrent.TimeUnit'])(SIDDHI), [
             (1, 'java-00-siddhi-consumer-loops-on-bare-threads',
              'an edit starts each consumer loop on a new Thread without an uncaught-exception handler', 'edit'),
             (2, 'java-00-siddhi-consumer-loops-submitted-future-dropped',
              'an edit submits each loop and drops the Future that would hold its failure', 'edit'),
             (0, 'java-ok-00-siddhi-consumer-loops-executed-on-guarded-factory',
              'clean: execute on a pool whose thread factory logs uncaught failures', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-03: cache client callbacks
BLAZING = r'''
/** Delivers replies of the cache server to the callbacks registered for their message ids. */
public final class ReplyDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplyDispatcher.class);

0|    private final Map<Long, ReplyCallback> pending = new ConcurrentHashMap<>();
1|    private final Map<Long, ReplyCallback> pending = new ConcurrentHashMap<>();
2|    private final Map<Long, ReplyCallback> pending = new HashMap<>();
    private final ExecutorService callbacks;

    public ReplyDispatcher(int workers) {
02|        this.callbacks = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(workers * 8), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.callbacks = Executors.newCachedThreadPool(); //@CONC-02
    }

    /** Called on the Netty event loop threads for every request sent. */
    public void register(long messageId, ReplyCallback callback) {
        pending.put(messageId, callback); //@{2}CONC-03
    }

    /** Called on the Netty event loop threads for every reply received. */
    public void dispatch(Message reply) {
        ReplyCallback callback = pending.remove(reply.replyTo());
        if (callback == null) {
            log.debug("reply {} has no callback (timed out already)", reply.replyTo());
            return;
        }
        callbacks.execute(() -> callback.replyReceived(reply));
    }

    @Override
    public void close() {
        callbacks.shutdown();
    }
}
'''
cases_of(case, GH + 'diennea/blazingcache/issues/133', src('blazingcache.network', 'ReplyDispatcher'),
         J('blazingcache.network', SLF4J + ['java.util.HashMap', 'java.util.Map',
                                            'java.util.concurrent.ArrayBlockingQueue',
                                            'java.util.concurrent.ConcurrentHashMap',
                                            'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                            'java.util.concurrent.ThreadPoolExecutor',
                                            'java.util.concurrent.TimeUnit'])(BLAZING), [
             (1, 'java-00-blazing-reply-callbacks-on-cached-pool',
              'an edit runs reply callbacks on a cached thread pool: one new thread per waiting callback', 'edit'),
             (2, 'java-00-blazing-pending-replies-in-hashmap',
              'the pending callbacks live in a HashMap written and read on several event-loop threads', 'new'),
             (0, 'java-ok-00-blazing-bounded-callbacks-concurrent-pending',
              'clean: a bounded callback pool with CallerRunsPolicy and a ConcurrentHashMap of pending replies', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: segmented video download
BEEDIO = r'''
/** Downloads the segments of a stream playlist and appends them to one file. */
public final class SegmentDownloader {
    private static final int BUFFER = 64 * 1024;

    private final HttpClient http; // shared, with connect timeout
    private final Duration requestTimeout;

    public SegmentDownloader(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    public long download(List<URI> segments, Path target) throws IOException, InterruptedException {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
2|            List<InputStream> bodies = new ArrayList<>();
2|            try {
2|                for (URI segment : segments) {
2|                    InputStream in = open(segment); //@RES-03
2|                    bodies.add(in);
2|                    written += in.transferTo(out);
2|                }
2|            } finally {
2|                for (InputStream in : bodies) {
2|                    in.close();
2|                }
2|            }
01|            for (URI segment : segments) {
0|                try (InputStream in = open(segment)) {
0|                    written += in.transferTo(out);
0|                }
1|                InputStream in = open(segment); //@RES-01
1|                written += in.transferTo(out);
1|                in.close();
01|            }
        }
        return written;
    }

    private InputStream open(URI segment) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(segment).timeout(requestTimeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("segment " + segment + " answered " + response.statusCode());
        }
        return response.body();
    }
}
'''
cases_of(case, GH + 'hikikomoriphoenix/Beedio/issues/10', src('marabillas.loremar.beedio.download', 'SegmentDownloader'),
         J('marabillas.loremar.beedio.download', ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream',
                                                  'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                                                  'java.net.http.HttpResponse', 'java.nio.file.Files',
                                                  'java.nio.file.Path', 'java.nio.file.StandardOpenOption',
                                                  'java.time.Duration', 'java.util.ArrayList',
                                                  'java.util.List'])(BEEDIO), [
             (1, 'java-00-beedio-segment-stream-closed-by-hand',
              'an edit closes each segment body by hand after the copy; a failed copy leaks it', 'edit'),
             (2, 'java-00-beedio-segment-streams-closed-after-the-batch',
              'an edit collects every segment body in a list and closes them all at the end', 'edit'),
             (0, 'java-ok-00-beedio-segment-stream-per-iteration',
              'clean: try-with-resources inside the loop, one body open at a time', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: snapshot export naming (records)
JADE = r'''
/** Names and describes exported snapshots; used by the export flight running on many worker threads. */
public final class ExportNaming {
    private static final Logger logger = LoggerFactory.getLogger(ExportNaming.class);
02|    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
02|            .withZone(ZoneOffset.UTC);
1|    private static final SimpleDateFormat STAMP = utcStamp(); //@CONC-03

    public record ExportTarget(String bucket, String path, Format format) { }

    public enum Format { PARQUET, CSV, JSON }

    private ExportNaming() {
    }

    public static ExportTarget target(Snapshot snapshot, Format format, Instant at) {
        String extension = switch (format) {
            case PARQUET -> "parquet";
            case CSV -> "csv.gz";
            case JSON -> "jsonl.gz";
        };
02|        String path = "%s/%s-%s.%s".formatted(snapshot.profileId(), snapshot.name(), STAMP.format(at), extension);
1|        String path = "%s/%s-%s.%s".formatted(snapshot.profileId(), snapshot.name(), STAMP.format(Date.from(at)), extension);
0|        logger.info("export of snapshot {} goes to gs://{}/{}", snapshot.id(), snapshot.bucket(), path);
1|        logger.info("export of snapshot {} goes to gs://{}/{}", snapshot.id(), snapshot.bucket(), path);
2|        logger.info(String.format("export of snapshot %s goes to gs://%s/%s", snapshot.id(), snapshot.bucket(), path)); //@LOG-02
        return new ExportTarget(snapshot.bucket(), path, format);
    }
1|
1|    private static SimpleDateFormat utcStamp() {
1|        SimpleDateFormat f = new SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'");
1|        f.setTimeZone(TimeZone.getTimeZone("UTC"));
1|        return f;
1|    }
}
'''
cases_of(case, GH + 'DataBiosphere/jade-data-repo/pull/59', src('bio.terra.service.snapshot.export', 'ExportNaming'),
         J('bio.terra.service.snapshot.export', SLF4J + ['java.text.SimpleDateFormat', 'java.time.Instant',
                                                         'java.time.ZoneOffset', 'java.time.format.DateTimeFormatter',
                                                         'java.util.Date', 'java.util.TimeZone'])(JADE), [
             (1, 'java-00-jade-export-naming-shared-simple-date-format',
              'a static SimpleDateFormat formats export stamps on many worker threads (records, a switch expression)',
              'new'),
             (2, 'java-00-jade-export-naming-logs-with-string-format',
              'an edit builds the export log line with String.format before the logger sees it', 'edit'),
             (0, 'java-ok-00-jade-export-naming-date-time-formatter',
              'clean: an immutable DateTimeFormatter and a parameterised log line', 'fix'),
         ])
