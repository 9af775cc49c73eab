"""Round-15 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 and 14)."""
from common15 import make_case, pom, java, src, tst, f, numbered, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
JDBC = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
        'javax.sql.DataSource']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-02: OkHttp event stream
OKSSE = r'''
/** Opens a server-sent event stream and hands its events to a listener on the caller's thread. */
public final class RealServerSentEvent implements ServerSentEvent {
    private final OkHttpClient client;
    private final Request request;
    private final Listener listener;

    RealServerSentEvent(OkHttpClient client, Request request, Listener listener) {
        this.client = client;
        this.request = request;
        this.listener = listener;
    }

    /** Reads events until the server ends the stream; returns false when the server refused it. */
    public boolean consume() throws IOException {
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful() || response.body() == null) {
1|            listener.onRefused(this, response.code());
1|            return false;
1|        }
1|        try (BufferedSource source = response.body().source()) {
0|        try (Response response = client.newCall(request).execute()) {
0|            if (!response.isSuccessful() || response.body() == null) {
0|                listener.onRefused(this, response.code());
0|                return false;
0|            }
0|            BufferedSource source = response.body().source();
            listener.onOpen(this, response);
            String line;
            EventBuilder event = new EventBuilder();
            while ((line = source.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    event.dispatchTo(listener, this);
                    event = new EventBuilder();
                } else {
                    event.accept(line);
                }
            }
            return true;
        }
    }
}
'''
cases_of(case, GH + 'heremaps/oksse/pull/11', src('com.here.oksse', 'RealServerSentEvent'),
         J('com.here.oksse', ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response',
                               'okio.BufferedSource'])(OKSSE), [
             (1, 'java-00-oksse-refused-stream-response-never-closed',
              'an event stream closes its body source on success; a refused stream returns with the response open', 'new'),
             (0, 'java-ok-00-oksse-response-in-try-with-resources',
              'clean: the OkHttp response is the resource of the try, so every path closes it', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: feature flag evaluation
FLIPT = r'''
/** Evaluates flags against the Flipt server over its REST API. */
public final class Evaluation {
    private static final Logger log = LoggerFactory.getLogger(Evaluation.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient httpClient;
    private final ObjectMapper mapper;
    private final HttpUrl baseUrl;

    public Evaluation(OkHttpClient httpClient, ObjectMapper mapper, HttpUrl baseUrl) {
        this.httpClient = httpClient;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
    }

    public VariantEvaluationResponse variant(EvaluationRequest request) throws IOException {
2|        log.debug("evaluating variant for " + request); //@LOG-02
02|        log.debug("evaluating flag {} for entity {}", request.flagKey(), request.entityId());
        Request httpRequest = new Request.Builder()
                .url(baseUrl.resolve("/evaluate/v1/variant"))
                .post(RequestBody.create(mapper.writeValueAsBytes(request), JSON))
                .build();
1|        Response response = httpClient.newCall(httpRequest).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new FliptException("variant evaluation failed with status " + response.code());
1|        }
1|        return mapper.readValue(response.body().byteStream(), VariantEvaluationResponse.class);
02|        try (Response response = httpClient.newCall(httpRequest).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new FliptException("variant evaluation failed with status " + response.code());
02|            }
02|            return mapper.readValue(response.body().byteStream(), VariantEvaluationResponse.class);
02|        }
    }
}
'''
cases_of(case, GH + 'flipt-io/flipt/issues/2788', src('io.flipt.api.evaluation', 'Evaluation'),
         J('io.flipt.api.evaluation', SLF4J + ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                               'okhttp3.HttpUrl', 'okhttp3.MediaType', 'okhttp3.OkHttpClient',
                                               'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response'])(FLIPT), [
             (1, 'java-00-flipt-evaluation-response-body-never-closed',
              'a flag evaluation reads the OkHttp body as a stream and never closes the response, on any status', 'new'),
             (2, 'java-00-flipt-evaluation-debug-line-concatenates-request',
              'an edit adds a debug line that concatenates the whole request into the message', 'edit'),
             (0, 'java-ok-00-flipt-evaluation-response-closed-and-lazy-debug',
              'clean: the response in try-with-resources and a parameterised debug line', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: archive reader
PHOEBUS = r'''
/** Reads the samples of one channel from the RDB archive. */
public class RdbSampleReader {
    private static final int QUERY_TIMEOUT_SECONDS = 30;

    private final RDBConnectionPool pool;
    private final SQL sql;

    public RdbSampleReader(RDBConnectionPool pool, SQL sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** Samples of a channel between two instants, oldest first. */
    public List<ArchiveSample> samples(int channelId, Instant start, Instant end) throws Exception {
1|        Connection connection = pool.getConnection(); //@RES-01
1|        PreparedStatement statement = connection.prepareStatement(sql.sample_sel_by_id_start_end);
1|        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
1|        statement.setInt(1, channelId);
1|        statement.setTimestamp(2, Timestamp.from(start));
1|        statement.setTimestamp(3, Timestamp.from(end));
1|        List<ArchiveSample> samples = read(statement.executeQuery());
1|        statement.close();
1|        pool.releaseConnection(connection);
1|        return samples;
02|        Connection connection = pool.getConnection();
02|        try (PreparedStatement statement = connection.prepareStatement(sql.sample_sel_by_id_start_end)) { //@{2}TMO-01
0|            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
02|            statement.setInt(1, channelId);
02|            statement.setTimestamp(2, Timestamp.from(start));
02|            statement.setTimestamp(3, Timestamp.from(end));
02|            return read(statement.executeQuery());
02|        } finally {
02|            pool.releaseConnection(connection);
02|        }
    }

    private static List<ArchiveSample> read(ResultSet result) throws SQLException {
        try (result) {
            List<ArchiveSample> samples = new ArrayList<>();
            while (result.next()) {
                samples.add(new ArchiveSample(result.getTimestamp(1).toInstant(), result.getDouble(2),
                        result.getInt(3)));
            }
            return samples;
        }
    }
}
'''
cases_of(case, GH + 'ControlSystemStudio/phoebus/pull/2821',
         src('org.phoebus.archive.reader.rdb', 'RdbSampleReader'),
         J('org.phoebus.archive.reader.rdb', JDBC[:4] + ['java.sql.Timestamp', 'java.time.Instant', 'java.util.ArrayList',
                                                        'java.util.List', 'org.phoebus.framework.rdb.RDBConnectionPool'])(PHOEBUS), [
             (1, 'java-00-phoebus-sample-reader-releases-connection-at-the-end',
              'a pooled connection and its statement are released by the last lines; a failed query leaks both', 'new'),
             (2, 'java-00-phoebus-sample-reader-query-without-timeout',
              'an edit drops the statement\'s query timeout, so a stuck archive query holds the pooled connection', 'edit'),
             (0, 'java-ok-00-phoebus-sample-reader-release-in-finally',
              'clean: the statement in try-with-resources, the connection released in finally, a query timeout set',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: ClickHouse ping
CLICKHOUSE = r'''
/** Checks that the ClickHouse server of the data source answers. */
public final class ClickHouseHealth {
    private static final int QUERY_TIMEOUT_SECONDS = 2;

01|    private final DataSource dataSource;
2|    private final ClickHouseProperties properties;
2|    private final String url;

01|    public ClickHouseHealth(DataSource dataSource) {
01|        this.dataSource = dataSource;
01|    }
2|    public ClickHouseHealth(String url, ClickHouseProperties properties) {
2|        this.url = url;
2|        this.properties = properties;
2|    }

    /** True when SELECT 1 answers within the timeout. */
    public boolean ping() throws SQLException {
1|        Connection connection = dataSource.getConnection(); //@RES-01
1|        Statement statement = connection.createStatement();
1|        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
1|        try (ResultSet rs = statement.executeQuery("SELECT 1")) {
1|            return rs.next() && rs.getInt(1) == 1;
1|        }
2|        BalancedClickhouseDataSource pool = new BalancedClickhouseDataSource(url, properties); //@RES-04
2|        try (Connection connection = pool.getConnection(); //@~RES-01
0|        try (Connection connection = dataSource.getConnection();
02|             Statement statement = connection.createStatement()) {
02|            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
02|            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
02|                return rs.next() && rs.getInt(1) == 1;
02|            }
02|        }
    }
}
'''
cases_of(case, GH + 'Blynk-Technologies/clickhouse4j/pull/75', src('cc.blynk.clickhouse', 'ClickHouseHealth'),
         J('cc.blynk.clickhouse', ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException',
                                   'java.sql.Statement', 'javax.sql.DataSource',
                                   'cc.blynk.clickhouse.settings.ClickHouseProperties'])(CLICKHOUSE), [
             (1, 'java-00-clickhouse4j-ping-never-closes-connection',
              'a health ping takes a connection and a statement and closes neither', 'new'),
             (2, 'java-00-clickhouse4j-ping-builds-balanced-pool-per-call',
              'each health ping builds a balanced data source (a pool and its threads) and never closes it', 'new'),
             (0, 'java-ok-00-clickhouse4j-ping-injected-data-source',
              'clean: the injected data source, connection and statement in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HttpURLConnection upload
KONTALK = r'''
/** Uploads media to the server's file store and returns the URL the server assigned. */
public class HttpUploader {
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 40_000;

    private final URL endpoint;

    public HttpUploader(URL endpoint) {
        this.endpoint = endpoint;
    }

    public String upload(byte[] content, String mime) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) endpoint.openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|        conn.setReadTimeout(READ_TIMEOUT_MS);
        try {
            conn.setDoOutput(true);
            conn.setRequestMethod("POST");
            conn.setRequestProperty("Content-Type", mime);
            conn.setFixedLengthStreamingMode(content.length);
            try (OutputStream out = conn.getOutputStream()) {
                out.write(content);
            }
            int code = conn.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                String detail = readError(conn);
                throw new IOException("upload refused: HTTP " + code + " " + detail);
            }
1|            try (InputStream in = conn.getInputStream()) {
1|                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
1|            }
02|            InputStream in = conn.getInputStream(); //@{2}RES-02
2|            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
0|            try (in) {
0|                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
0|            }
        } finally {
            conn.disconnect();
        }
    }

    private static String readError(HttpURLConnection conn) throws IOException {
        try (InputStream err = conn.getErrorStream()) {
            return err == null ? "" : new String(err.readNBytes(512), StandardCharsets.UTF_8);
        }
    }
}
'''
cases_of(case, GH + 'kontalk/androidclient/pull/534', src('org.kontalk.upload', 'HttpUploader'),
         J('org.kontalk.upload', ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream',
                                  'java.net.HttpURLConnection', 'java.net.URL',
                                  'java.nio.charset.StandardCharsets'])(KONTALK), [
             (1, 'java-00-kontalk-upload-connection-without-timeouts',
              'an upload opens an HttpURLConnection without connect or read timeouts (both default to waiting forever)',
              'new'),
             (2, 'java-00-kontalk-upload-response-stream-not-closed',
              'the upload reads the response stream without closing it', 'edit'),
             (0, 'java-ok-00-kontalk-upload-timeouts-and-streams-closed',
              'clean: connect and read timeouts set, the response and error streams closed', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: player data store
GRIEF = r'''
/** Loads and saves player data in the claims database. */
public class DatabaseDataStore {
    private static final Logger log = LoggerFactory.getLogger(DatabaseDataStore.class);
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;

    public DatabaseDataStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored data of a player, or fresh defaults for a player never seen. */
    PlayerData playerData(UUID playerId) {
        PlayerData data = new PlayerData(playerId);
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(SELECT_PLAYER);
1|            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
1|            statement.setString(1, playerId.toString());
1|            ResultSet results = statement.executeQuery();
1|            if (results.next()) {
1|                data.setAccruedClaimBlocks(results.getInt("accruedblocks"));
1|                data.setBonusClaimBlocks(results.getInt("bonusblocks"));
1|            }
1|            results.close();
1|            statement.close();
1|            connection.close();
1|        } catch (SQLException e) {
1|            throw new DataStoreException("could not read player " + playerId, e);
1|        }
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(SELECT_PLAYER)) {
02|            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
02|            statement.setString(1, playerId.toString());
02|            try (ResultSet results = statement.executeQuery()) {
02|                if (results.next()) {
02|                    data.setAccruedClaimBlocks(results.getInt("accruedblocks"));
02|                    data.setBonusClaimBlocks(results.getInt("bonusblocks"));
02|                }
02|            }
2|        } catch (SQLException e) { //@ERR-01
2|            e.printStackTrace();
0|        } catch (SQLException e) {
0|            throw new DataStoreException("could not read player " + playerId, e);
02|        }
        return data;
    }

    private static final String SELECT_PLAYER =
            "SELECT accruedblocks, bonusblocks FROM griefprevention_playerdata WHERE name = ?";
}
'''
cases_of(case, GH + 'GriefPrevention/GriefPrevention/pull/897', src('me.ryanhamshire.GriefPrevention', 'DatabaseDataStore'),
         J('me.ryanhamshire.GriefPrevention', SLF4J + JDBC + ['java.util.UUID'])(GRIEF), [
             (1, 'java-00-griefprevention-player-data-closes-jdbc-by-hand',
              'connection, statement and result set closed by trailing calls; a failed read leaks all three', 'new'),
             (2, 'java-00-griefprevention-player-data-prints-sql-error',
              'an edit turns the read failure into a printed stack trace and fresh defaults', 'edit'),
             (0, 'java-ok-00-griefprevention-player-data-try-with-resources',
              'clean: all three in try-with-resources, a read failure rethrown with its cause', 'new'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-05: message stage processor
MATS = r'''
/** Receives messages for one stage and processes them, one at a time, on a thread of the stage's pool. */
final class StageProcessor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StageProcessor.class);

    private final BlockingQueue<StageMessage> inbox;
    private final StageHandler handler;
    private volatile boolean running = true;

    StageProcessor(BlockingQueue<StageMessage> inbox, StageHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @Override
    public void run() {
        while (running) {
            StageMessage message;
            try {
                message = inbox.take();
2|            } catch (InterruptedException e) { //@CONC-05
2|                log.info("stage processor interrupted, continuing to receive");
2|                continue;
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
            }
1|            MDC.put("traceId", message.traceId()); //@CONC-04
1|            try {
1|                handler.process(message);
1|            } catch (RuntimeException e) {
1|                handler.deadLetter(message, e); // counted and kept with its exception by the dead-letter store
1|            }
02|            try (MDC.MDCCloseable ignored = MDC.putCloseable("traceId", message.traceId())) {
02|                handler.process(message);
02|            } catch (RuntimeException e) {
02|                handler.deadLetter(message, e); // counted and kept with its exception by the dead-letter store
02|            }
        }
    }

    void stop() {
        running = false;
    }
}
'''
cases_of(case, GH + 'stolsvik/mats/issues/126', src('io.mats3.impl.jms', 'StageProcessor'),
         J('io.mats3.impl.jms', SLF4J + ['java.util.concurrent.BlockingQueue', 'org.slf4j.MDC'])(MATS), [
             (1, 'java-00-mats-stage-processor-leaves-trace-id-in-mdc',
              'an edit sets the message\'s trace id in the MDC and never removes it: the pooled thread keeps it', 'edit'),
             (2, 'java-00-mats-stage-processor-continues-after-interrupt',
              'the receive loop logs an InterruptedException and goes on receiving', 'new'),
             (0, 'java-ok-00-mats-stage-processor-closeable-mdc-and-interrupt',
              'clean: MDC.putCloseable in try-with-resources, the interrupt restored and the loop left', 'new'),
         ])


# ---------------------------------------------------------------- CONC-04: request id handler
TRACING = r'''
/** Undertow handler that gives every request a request id, in the MDC and in the current-trace holder. */
public final class TracedOperationHandler implements HttpHandler {
    static final ThreadLocal<String> CURRENT_REQUEST = new ThreadLocal<>();
    private static final HttpString REQUEST_ID = HttpString.tryFromString("X-Request-Id");

    private final HttpHandler delegate;

    public TracedOperationHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String requestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst(REQUEST_ID))
                .orElseGet(() -> UUID.randomUUID().toString());
        exchange.getResponseHeaders().put(REQUEST_ID, requestId);
1|        MDC.put("requestId", requestId); //@CONC-04
1|        CURRENT_REQUEST.set(requestId);
1|        delegate.handleRequest(exchange);
1|        CURRENT_REQUEST.remove();
2|        MDC.put("requestId", requestId);
2|        CURRENT_REQUEST.set(requestId); //@CONC-04
2|        try {
2|            delegate.handleRequest(exchange);
2|        } finally {
2|            MDC.remove("requestId");
2|        }
2|        CURRENT_REQUEST.remove();
0|        MDC.put("requestId", requestId);
0|        CURRENT_REQUEST.set(requestId);
0|        try {
0|            delegate.handleRequest(exchange);
0|        } finally {
0|            CURRENT_REQUEST.remove();
0|            MDC.remove("requestId");
0|        }
    }
}
'''
cases_of(case, GH + 'palantir/tracing-java/pull/364',
         src('com.palantir.tracing.undertow', 'TracedOperationHandler'),
         J('com.palantir.tracing.undertow', ['io.undertow.server.HttpHandler', 'io.undertow.server.HttpServerExchange',
                                             'io.undertow.util.HttpString', 'java.util.Optional', 'java.util.UUID',
                                             'org.slf4j.MDC'])(TRACING), [
             (1, 'java-00-tracing-handler-never-clears-request-id',
              'a handler puts the request id in the MDC and clears its own thread-local only after a normal return',
              'new'),
             (2, 'java-00-tracing-handler-thread-local-removed-outside-finally',
              'the handler clears the MDC in finally but removes the thread-local after it: an exception skips the remove',
              'new'),
             (0, 'java-ok-00-tracing-handler-clears-both-in-finally',
              'clean: the thread-local and the MDC entry are both removed in finally', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: unit of work
ULTM = r'''
/** Runs units of work in a JDBC transaction of their own. */
public final class TxManager {
    private static final Logger log = LoggerFactory.getLogger(TxManager.class);

    private final DataSource dataSource;

    public TxManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs work in a transaction and returns its result; the transaction is committed when work returns. */
    public <T> T tx(UnitOfWork<T> work) throws SQLException {
1|        Connection connection = dataSource.getConnection();
1|        connection.setAutoCommit(false); //@TX-01
1|        try {
1|            T result = work.run(connection);
1|            connection.commit();
1|            return result;
1|        } catch (SQLException e) {
1|            connection.rollback();
1|            throw e;
1|        } finally {
1|            connection.close();
1|        }
02|        try (Connection connection = dataSource.getConnection()) {
02|            connection.setAutoCommit(false);
02|            try {
02|                T result = work.run(connection);
2|                try {
2|                    connection.commit();
2|                } catch (SQLException e) { //@TX-02|ERR-01
2|                    log.warn("commit failed", e);
2|                }
0|                connection.commit();
02|                return result;
02|            } catch (SQLException | RuntimeException e) {
02|                connection.rollback();
02|                throw e;
02|            }
02|        }
    }

    @FunctionalInterface
    public interface UnitOfWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
'''
cases_of(case, GH + 'witoldsz/ultm/pull/2', src('ultm', 'TxManager'),
         J('ultm', SLF4J + ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource'])(ULTM), [
             (1, 'java-00-ultm-unit-of-work-rolls-back-only-sql-errors',
              'a transaction helper rolls back on SQLException only; a runtime exception closes the connection mid-transaction',
              'new'),
             (2, 'java-00-ultm-unit-of-work-logs-failed-commit',
              'an edit wraps the commit in a catch that only logs, so the caller gets the result of a rolled-back unit',
              'edit'),
             (0, 'java-ok-00-ultm-unit-of-work-rolls-back-everything',
              'clean: the connection in try-with-resources, any exception rolled back and rethrown', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: async scheduler facade
FOLIA = r'''
/** Runs plugin tasks off the main thread, on the platform's async executor. */
public final class AsyncScheduler {
    private static final Logger log = LoggerFactory.getLogger(AsyncScheduler.class);

    private final Executor executor;
    private final Counter taskFailures;

    public AsyncScheduler(Executor executor, Counter taskFailures) {
        this.executor = executor;
        this.taskFailures = taskFailures;
    }

    /** Fire-and-forget: runs the task asynchronously; a failure is logged and counted. */
    public void runAsync(String name, Runnable task) {
1|        CompletableFuture.runAsync(task, executor); //@CONC-06
2|        Thread worker = new Thread(task, "async-" + name); //@CONC-01
2|        worker.start(); //@~CONC-02
0|        CompletableFuture.runAsync(task, executor).whenComplete((ok, failure) -> {
0|            if (failure != null) {
0|                taskFailures.increment();
0|                log.warn("async task {} failed", name, failure);
0|            }
0|        });
    }

    /** Runs the task asynchronously and gives the caller its future. */
    public <T> CompletableFuture<T> supplyAsync(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }
}
'''
cases_of(case, GH + 'TechnicallyCoded/FoliaLib/pull/30', src('com.tcoded.folialib.impl', 'AsyncScheduler'),
         J('com.tcoded.folialib.impl', SLF4J + ['io.micrometer.core.instrument.Counter',
                                                'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor',
                                                'java.util.function.Supplier'])(FOLIA), [
             (1, 'java-00-folialib-run-async-drops-future',
              'fire-and-forget tasks go through runAsync and the future is dropped with any exception', 'new'),
             (2, 'java-00-folialib-run-async-starts-raw-thread',
              'an edit starts a raw thread per task, with no uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-folialib-run-async-logs-and-counts-failures',
              'clean: the future gets a completion handler that logs and counts failures', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02: stream sender pool
QUILT = r'''
/** Sends the packets of a payment stream; each stream's packets are sent on the shared pool. */
public class SimpleStreamSender implements StreamSender {
    private final StreamConnectionManager connections;
    private final ExecutorService executorService;

    public SimpleStreamSender(StreamConnectionManager connections, int maxSendThreads, int maxQueuedPackets) {
        this.connections = connections;
1|        this.executorService = Executors.newCachedThreadPool(); //@CONC-02
2|        this.executorService = Executors.newFixedThreadPool(maxSendThreads); //@CONC-02
0|        this.executorService = new ThreadPoolExecutor(maxSendThreads, maxSendThreads, 0L, TimeUnit.MILLISECONDS,
0|                new ArrayBlockingQueue<>(maxQueuedPackets), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public CompletableFuture<SendMoneyResult> sendMoney(SendMoneyRequest request) {
        StreamConnection connection = connections.openConnection(request.destination());
        return CompletableFuture.supplyAsync(() -> new SendMoneyAggregator(connection, request).send(),
                executorService);
    }

    @Override
    public void close() {
        executorService.shutdown();
    }
}
'''
cases_of(case, GH + 'hyperledger-archives/quilt/pull/457', src('org.interledger.stream.sender', 'SimpleStreamSender'),
         J('org.interledger.stream.sender', ['java.util.concurrent.ArrayBlockingQueue',
                                             'java.util.concurrent.CompletableFuture',
                                             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                             'java.util.concurrent.ThreadPoolExecutor',
                                             'java.util.concurrent.TimeUnit'])(QUILT), [
             (1, 'java-00-quilt-stream-sender-cached-thread-pool',
              'an edit swaps the sender pool for a cached thread pool: one thread per concurrent packet, no bound',
              'edit'),
             (2, 'java-00-quilt-stream-sender-fixed-pool-unbounded-queue',
              'the sender uses a fixed thread pool whose queue has no bound', 'new'),
             (0, 'java-ok-00-quilt-stream-sender-bounded-pool-caller-runs',
              'clean: a bounded queue and caller-runs back-pressure', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02: profiler pool with a queue bound
CALLSTACK = r'''
/** A thread pool that grows from a minimum to a maximum number of threads as work queues up. */
public class CachedThreadPool {
    private final ThreadPoolExecutor executor;

    public CachedThreadPool(String name, int minThreads, int maxThreads) {
1|        executor = new ThreadPoolExecutor(minThreads, maxThreads, 60L, TimeUnit.SECONDS, //@CONC-02
1|                new LinkedBlockingQueue<>(), new NamedThreadFactory(name));
0|        executor = new ThreadPoolExecutor(minThreads, maxThreads, 60L, TimeUnit.SECONDS,
0|                new ArrayBlockingQueue<>(minThreads * 4), new NamedThreadFactory(name),
0|                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs every task and waits for all of them; the first failure is rethrown. */
    public <T> List<T> invokeAll(List<Callable<T>> tasks) throws InterruptedException, ExecutionException {
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> future : executor.invokeAll(tasks)) {
            results.add(future.get());
        }
        return results;
    }

    public void shutdown() {
        executor.shutdown();
    }
}
'''
cases_of(case, GH + 'NationalSecurityAgency/call-stack-profiler/issues/12',
         src('callStack.profiler', 'CachedThreadPool'),
         J('callStack.profiler', ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                                  'java.util.concurrent.Callable', 'java.util.concurrent.ExecutionException',
                                  'java.util.concurrent.Future', 'java.util.concurrent.LinkedBlockingQueue',
                                  'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'])(CALLSTACK), [
             (1, 'java-00-call-stack-profiler-pool-unbounded-linked-queue',
              'a growing pool is given an unbounded LinkedBlockingQueue, so it never grows and queues without limit',
              'new'),
             (0, 'java-ok-00-call-stack-profiler-pool-bounded-queue',
              'clean: a bounded queue of a few times the core size and caller-runs when full', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04: OkHttp client per request
DUO = r'''
/** One signed request to the Duo API. */
public class Http {
0|    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
0|            .connectTimeout(Duration.ofSeconds(10))
0|            .readTimeout(Duration.ofSeconds(60))
0|            .build();

    private final String method;
    private final String host;
    private final String path;
    private final Map<String, String> params = new TreeMap<>();
    private final OkHttpClient httpClient;

    public Http(String method, String host, String path, int timeoutSeconds) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.host = host;
        this.path = path;
1|        this.httpClient = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(timeoutSeconds, TimeUnit.SECONDS)
1|                .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
1|                .build();
0|        // Derived clients share the connection pool and dispatcher of SHARED; only the timeouts differ.
0|        this.httpClient = SHARED.newBuilder().readTimeout(timeoutSeconds, TimeUnit.SECONDS).build();
    }

    public void addParam(String name, String value) {
        params.put(name, value);
    }

    public String execute(Signer signer) throws IOException {
        Request request = signer.sign(new Request.Builder().url(url()).method(method, body()), params).build();
        try (Response response = httpClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new DuoApiException(response.code(), response.body().string());
            }
            return response.body().string();
        }
    }
}
'''
cases_of(case, GH + 'duosecurity/duo_client_java/issues/92', src('com.duosecurity.client', 'Http'),
         J('com.duosecurity.client', ['java.io.IOException', 'java.time.Duration', 'java.util.Locale', 'java.util.Map',
                                      'java.util.TreeMap', 'java.util.concurrent.TimeUnit', 'okhttp3.OkHttpClient',
                                      'okhttp3.Request', 'okhttp3.Response'])(DUO), [
             (1, 'java-00-duo-http-builds-okhttp-client-per-request',
              'every request object builds its own OkHttpClient (its own pool and dispatcher threads)', 'new'),
             (0, 'java-ok-00-duo-http-derives-client-from-shared-one',
              'clean: per-request timeouts through newBuilder of one shared client, which shares its pool', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05: retry until deployed
APIM = r'''
/** Calls a freshly deployed API, retrying while the gateway still answers 404. */
public class ApiInvoker {
    private static final Logger log = LoggerFactory.getLogger(ApiInvoker.class);
    private static final int MAX_RETRIES = 5;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(3);

    private final HttpRequests http;

    public ApiInvoker(HttpRequests http) {
        this.http = http;
    }

    public HttpResponse invoke(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpResponse response = http.get(url, headers);
        int retries = 0;
        while (response.getResponseCode() == 404 && retries < MAX_RETRIES) {
            log.info("API not deployed yet, retry {} of {} for {}", retries + 1, MAX_RETRIES, url);
1|            try {
1|                Thread.sleep(RETRY_DELAY.toMillis());
1|            } catch (InterruptedException ignored) { //@CONC-05
1|                log.debug("retry sleep interrupted");
1|            }
0|            Thread.sleep(RETRY_DELAY.toMillis()); // interruption ends the retries and reaches the caller
            response = http.get(url, headers);
            retries++;
        }
        return response;
    }
}
'''
cases_of(case, GH + 'wso2/product-apim/pull/14213', src('org.wso2.am.integration.test.utils', 'ApiInvoker'),
         J('org.wso2.am.integration.test.utils', SLF4J + ['java.io.IOException', 'java.time.Duration',
                                                          'java.util.Map'])(APIM), [
             (1, 'java-00-apim-deploy-retry-swallows-interrupt',
              'a paced retry loop catches the InterruptedException of its sleep, logs it at debug and retries', 'new'),
             (0, 'java-ok-00-apim-deploy-retry-propagates-interrupt',
              'clean: the retry loop declares InterruptedException and lets it end the retries', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05: retryer wrapping the interrupt
RETRYER = r'''
/** Calls a callable until the stop strategy gives up, waiting between attempts. */
public final class Retryer {
    private final StopStrategy stop;
    private final WaitStrategy wait;
    private final BlockStrategy block;

    Retryer(StopStrategy stop, WaitStrategy wait, BlockStrategy block) {
        this.stop = stop;
        this.wait = wait;
        this.block = block;
    }

    public <T> T call(Callable<T> callable) throws RetryException {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Attempt<T> outcome = Attempt.of(callable, attempt, start);
            if (outcome.succeeded()) {
                return outcome.result();
            }
            if (stop.shouldStop(outcome)) {
                throw new RetryException(attempt, outcome);
            }
            try {
                block.block(wait.computeSleepTime(outcome));
1|            } catch (InterruptedException e) { //@CONC-05
1|                throw new RetryException(attempt, outcome, e);
0|            } catch (InterruptedException e) {
0|                Thread.currentThread().interrupt(); // the caller's cancel request stays visible
0|                throw new RetryException(attempt, outcome, e);
            }
        }
    }
}
'''
cases_of(case, GH + 'rhuffman/re-retrying/issues/24', src('tech.huffman.re.retrying', 'Retryer'),
         J('tech.huffman.re.retrying', ['java.util.concurrent.Callable'])(RETRYER), [
             (1, 'java-00-re-retrying-wraps-interrupt-without-restoring-flag',
              'the retryer turns an interrupted wait into a RetryException and clears the interrupt for good', 'edit'),
             (0, 'java-ok-00-re-retrying-restores-flag-before-wrapping',
              'clean: the interrupt flag is restored before the wrapping exception is thrown', 'new'),
         ])


# ---------------------------------------------------------------- RES-01: blob resource loader
CONTENT = r'''
/** Picks the blob resource implementation that matches the database behind the data source. */
public class DelegatingBlobResourceLoader implements ResourceLoader {
    private final DataSource dataSource;
    private final Map<String, BlobResourceLoader> loaders;
    private volatile String database;

    public DelegatingBlobResourceLoader(DataSource dataSource, Map<String, BlobResourceLoader> loaders) {
        this.dataSource = dataSource;
        this.loaders = loaders;
    }

    @Override
    public Resource getResource(String location) {
        return loaders.getOrDefault(database(), loaders.get("GENERIC")).getResource(location);
    }

    private String database() {
        if (database == null) {
2|            try {
2|                Connection connection = dataSource.getConnection(); //@RES-01
2|                database = connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT);
2|                connection.close();
2|            } catch (SQLException e) {
2|                throw new IllegalStateException("cannot read the database product name", e);
2|            }
1|            try {
1|                database = dataSource.getConnection().getMetaData().getDatabaseProductName() //@RES-01
1|                        .toUpperCase(Locale.ROOT);
1|            } catch (SQLException e) {
1|                throw new IllegalStateException("cannot read the database product name", e);
1|            }
0|            try (Connection connection = dataSource.getConnection()) {
0|                database = connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT);
0|            } catch (SQLException e) {
0|                throw new IllegalStateException("cannot read the database product name", e);
0|            }
        }
        return database;
    }
}
'''
cases_of(case, GH + 'paulcwarren/spring-content/issues/272',
         src('internal.org.springframework.content.jpa.io', 'DelegatingBlobResourceLoader'),
         J('internal.org.springframework.content.jpa.io', ['java.sql.Connection', 'java.sql.SQLException',
                                                           'java.util.Locale', 'java.util.Map', 'javax.sql.DataSource',
                                                           'org.springframework.core.io.Resource',
                                                           'org.springframework.core.io.ResourceLoader'])(CONTENT), [
             (1, 'java-00-spring-content-product-name-from-unclosed-connection',
              'the database product name is read through a connection that is never stored, let alone closed', 'new'),
             (2, 'java-00-spring-content-product-name-closed-by-hand',
              'an edit closes the connection by hand after reading metadata; a metadata failure leaks it', 'edit'),
             (0, 'java-ok-00-spring-content-product-name-try-with-resources',
              'clean: the connection in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- RES-01: native connection helper (clean)
AQJMS = r'''
/** Hands out native Oracle connections for AQ; the caller owns the returned connection and closes it. */
class NativeConnectionSource {
    private final DataSource dataSource;
    private final NativeJdbcExtractor extractor;

    NativeConnectionSource(DataSource dataSource, NativeJdbcExtractor extractor) {
        this.dataSource = dataSource;
        this.extractor = extractor;
    }

    /** A connection unwrapped to the driver's own type; it is closed here if unwrapping fails. */
    Connection nativeConnection() throws SQLException {
        Connection con = dataSource.getConnection();
1|        return extractor.getNativeConnection(con); //@RES-01
0|        try {
0|            return extractor.getNativeConnection(con);
0|        } catch (SQLException | RuntimeException e) {
0|            con.close();
0|            throw e;
0|        }
    }
}
'''
cases_of(case, GH + 'spring-attic/spring-data-jdbc-ext/issues/34',
         src('org.springframework.data.jdbc.config.oracle', 'NativeConnectionSource'),
         J('org.springframework.data.jdbc.config.oracle', ['java.sql.Connection', 'java.sql.SQLException',
                                                           'javax.sql.DataSource',
                                                           'org.springframework.jdbc.support.nativejdbc.NativeJdbcExtractor'])(AQJMS), [
             (1, 'java-00-spring-data-jdbc-ext-unwrap-failure-leaks-connection',
              'a helper returns the unwrapped connection to its caller; when unwrapping throws, the pooled one leaks',
              'new'),
             (0, 'java-ok-00-spring-data-jdbc-ext-connection-returned-or-closed',
              'clean: the connection goes to the caller who closes it, or is closed here when unwrapping fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: Apache HttpClient 5
KARATE = r'''
/** Sends the scenario's requests with Apache HttpClient 5. */
public class ApacheHttpClient implements HttpClient {
    private final HttpClientBuilder clientBuilder;
0|    private final CloseableHttpClient client; // built once per scenario engine, closed with it
2|    private final CloseableHttpClient client;

    public ApacheHttpClient(HttpClientBuilder clientBuilder) {
        this.clientBuilder = clientBuilder;
02|        this.client = clientBuilder.build();
    }

    @Override
    public Response invoke(HttpRequest request) {
        ClassicHttpRequest apacheRequest = toApacheRequest(request);
1|        try (CloseableHttpClient client = clientBuilder.build(); //@RES-04
1|             CloseableHttpResponse httpResponse = client.execute(apacheRequest)) {
1|            return toResponse(httpResponse, bytes(httpResponse.getEntity()));
1|        } catch (IOException e) {
1|            throw new KarateHttpException(request, e);
1|        }
2|        try {
2|            CloseableHttpResponse httpResponse = client.execute(apacheRequest); //@RES-02
2|            return toResponse(httpResponse, bytes(httpResponse.getEntity()));
2|        } catch (IOException e) {
2|            throw new KarateHttpException(request, e);
2|        }
0|        try (CloseableHttpResponse httpResponse = client.execute(apacheRequest)) {
0|            return toResponse(httpResponse, bytes(httpResponse.getEntity()));
0|        } catch (IOException e) {
0|            throw new KarateHttpException(request, e);
0|        }
    }

    private static byte[] bytes(HttpEntity entity) throws IOException {
        return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    }

    @Override
    public void close() throws IOException {
02|        client.close();
    }
}
'''
cases_of(case, GH + 'karatelabs/karate/pull/2471', src('com.intuit.karate.http', 'ApacheHttpClient'),
         J('com.intuit.karate.http', ['java.io.IOException',
                                      'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                                      'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                      'org.apache.hc.client5.http.impl.classic.HttpClientBuilder',
                                      'org.apache.hc.core5.http.ClassicHttpRequest', 'org.apache.hc.core5.http.HttpEntity',
                                      'org.apache.hc.core5.http.io.entity.EntityUtils'])(KARATE), [
             (1, 'java-00-karate-apache-client-built-per-request',
              'each request builds (and closes) a whole Apache client with its own connection manager', 'new'),
             (2, 'java-00-karate-apache-response-never-closed',
              'an edit shares the client but no longer closes the response; an error status or exception pins the connection',
              'edit'),
             (0, 'java-ok-00-karate-apache-shared-client-response-closed',
              'clean: one client per engine, each response closed in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: Hibernate index control
HSEARCH = r'''
/** JMX operations on the search indexes. */
public class IndexControl implements IndexControlMBean {
    private final SessionFactory sessionFactory;

    public IndexControl(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void purge(String entity) {
        Class<?> type = entityClass(entity);
1|        Session session = sessionFactory.openSession(); //@RES-01
1|        FullTextSession fullText = Search.getFullTextSession(session);
1|        Transaction tx = fullText.beginTransaction();
1|        try {
1|            fullText.purgeAll(type);
1|            tx.commit();
1|        } catch (RuntimeException e) {
1|            tx.rollback();
1|            throw e;
1|        }
1|        session.close();
02|        try (Session session = sessionFactory.openSession()) {
02|            FullTextSession fullText = Search.getFullTextSession(session);
2|            fullText.beginTransaction(); //@TX-01
2|            fullText.purgeAll(type);
2|            fullText.getTransaction().commit();
0|            Transaction tx = fullText.beginTransaction();
0|            try {
0|                fullText.purgeAll(type);
0|                tx.commit();
0|            } catch (RuntimeException e) {
0|                tx.rollback();
0|                throw e;
0|            }
02|        }
    }

    @Override
    public int indexedCount(String entity) {
        try (Session session = sessionFactory.openSession()) {
            return Search.getFullTextSession(session).getSearchFactory().getStatistics()
                    .getNumberOfIndexedEntities(entityClass(entity).getName());
        }
    }

    private static Class<?> entityClass(String entity) {
        try {
            return Class.forName(entity);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown entity " + entity, e);
        }
    }
}
'''
cases_of(case, GH + 'hibernate/hibernate-search/pull/1156', src('org.hibernate.search.jmx.impl', 'IndexControl'),
         J('org.hibernate.search.jmx.impl', ['org.hibernate.Session', 'org.hibernate.SessionFactory',
                                             'org.hibernate.Transaction', 'org.hibernate.search.FullTextSession',
                                             'org.hibernate.search.Search'])(HSEARCH), [
             (1, 'java-00-hibernate-search-purge-closes-session-by-hand',
              'a JMX purge closes its Hibernate session by a trailing call; a failed purge leaks the session', 'new'),
             (2, 'java-00-hibernate-search-purge-commits-without-rollback',
              'an edit drops the rollback of the purge transaction: a failed purge leaves it open until close', 'edit'),
             (0, 'java-ok-00-hibernate-search-purge-session-and-rollback',
              'clean: the session in try-with-resources and the transaction rolled back on failure', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06: submit with the future dropped
BASELINE = r'''
/** Warms the caches of every table in the background after start-up. */
public final class CacheWarmer {
    private static final Logger log = LoggerFactory.getLogger(CacheWarmer.class);

    private final ExecutorService executor;
    private final List<TableCache> caches;

    public CacheWarmer(ExecutorService executor, List<TableCache> caches) {
        this.executor = executor;
        this.caches = caches;
    }

    public void warmAll() {
        for (TableCache cache : caches) {
1|            executor.submit(() -> cache.warm()); //@CONC-06
0|            // execute, not submit: a failure reaches the pool threads' uncaught-exception handler, which logs it.
0|            executor.execute(cache::warm);
        }
        log.info("cache warm-up started for {} tables", caches.size());
    }
}
'''
cases_of(case, GH + 'palantir/gradle-baseline/pull/741', src('com.palantir.atlasdb.cache', 'CacheWarmer'),
         J('com.palantir.atlasdb.cache', SLF4J + ['java.util.List', 'java.util.concurrent.ExecutorService'])(BASELINE), [
             (1, 'java-00-baseline-cache-warmer-submits-and-drops-futures',
              'background warm-up tasks are submitted and their futures dropped, so a failed warm-up is never seen',
              'edit'),
             (0, 'java-ok-00-baseline-cache-warmer-executes-tasks',
              'clean: execute instead of submit, so failures reach the uncaught-exception handler', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03: shared date format
ARTJAVA = r'''
/** Converts the dates of messages to and from their wire form. */
public final class DateMapping {
1|    private static final SimpleDateFormat WIRE_FORMAT = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"); //@CONC-03
0|    private static final DateTimeFormatter WIRE_FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DateMapping() {
    }

1|    public static String toWire(Date date) {
1|        return WIRE_FORMAT.format(date);
1|    }
1|
1|    public static Date fromWire(String text) {
1|        try {
1|            return WIRE_FORMAT.parse(text);
1|        } catch (ParseException e) {
1|            throw new ValueMappingException("not a date: " + text, e);
1|        }
1|    }
0|    public static String toWire(Date date) {
0|        return WIRE_FORMAT.format(date.toInstant().atOffset(ZoneOffset.UTC));
0|    }
0|
0|    public static Date fromWire(String text) {
0|        try {
0|            return Date.from(OffsetDateTime.parse(text, WIRE_FORMAT).toInstant());
0|        } catch (DateTimeParseException e) {
0|            throw new ValueMappingException("not a date: " + text, e);
0|        }
0|    }
}
'''
cases_of(case, GH + 'art-community/art-java/pull/158', src('io.art.value.mapping', 'DateMapping'),
         J('io.art.value.mapping', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.time.OffsetDateTime',
                                    'java.time.ZoneOffset', 'java.time.format.DateTimeFormatter',
                                    'java.time.format.DateTimeParseException', 'java.util.Date'])(ARTJAVA), [
             (1, 'java-00-art-date-mapping-static-simple-date-format',
              'a static SimpleDateFormat formats and parses message dates for every request thread', 'new'),
             (0, 'java-ok-00-art-date-mapping-date-time-formatter',
              'clean: an immutable DateTimeFormatter', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07: binding poller with a guard helper
SMARTHOME = r'''
/** Polls a weather station and updates the thing's channels. */
public class WeatherStationHandler extends BaseThingHandler {
    private static final Logger log = LoggerFactory.getLogger(WeatherStationHandler.class);

    private final StationClient client;
    private @Nullable ScheduledFuture<?> refreshJob;

    public WeatherStationHandler(Thing thing, StationClient client) {
        super(thing);
        this.client = client;
    }

    @Override
    public void initialize() {
        int interval = getConfigAs(StationConfiguration.class).refreshSeconds;
1|        refreshJob = scheduler.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.SECONDS); //@CONC-07
0|        refreshJob = scheduler.scheduleWithFixedDelay(Guarded.task(log, "weather-refresh", this::poll), 0, interval,
0|                TimeUnit.SECONDS);
    }

    private void poll() {
        try {
            StationReading reading = client.currentReading();
            updateState("temperature", new DecimalType(reading.temperature()));
            updateState("humidity", new DecimalType(reading.humidity()));
            updateStatus(ThingStatus.ONLINE);
        } catch (IOException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, e.getMessage());
        }
    }

    @Override
    public void dispose() {
        ScheduledFuture<?> job = refreshJob;
        if (job != null) {
            job.cancel(true);
        }
    }
}
'''
GUARDED = f(src('org.eclipse.smarthome.binding.weather.internal', 'Guarded'), new=java(
    'org.eclipse.smarthome.binding.weather.internal', ['org.slf4j.Logger'], r'''
/** Wraps periodic tasks so that one failed run is logged and the schedule keeps running. */
final class Guarded {
    private Guarded() {
    }

    static Runnable task(Logger log, String name, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                log.error("periodic task {} failed; it runs again at the next interval", name, t);
            }
        };
    }
}
'''))
SMART_IMPORTS = SLF4J + ['java.io.IOException', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                         'org.eclipse.jdt.annotation.Nullable', 'org.eclipse.smarthome.core.library.types.DecimalType',
                         'org.eclipse.smarthome.core.thing.Thing', 'org.eclipse.smarthome.core.thing.ThingStatus',
                         'org.eclipse.smarthome.core.thing.ThingStatusDetail',
                         'org.eclipse.smarthome.core.thing.binding.BaseThingHandler']
cases_of(case, GH + 'eclipse-archived/smarthome/issues/4543',
         src('org.eclipse.smarthome.binding.weather.internal', 'WeatherStationHandler'),
         J('org.eclipse.smarthome.binding.weather.internal', SMART_IMPORTS)(SMARTHOME), [
             (1, 'java-00-smarthome-poller-catches-io-errors-only',
              'a binding schedules its poll with a fixed delay; the poll catches IOException only, so one runtime exception ends the polling',
              'new'),
         ])
cases_of(case, GH + 'eclipse-archived/smarthome/issues/4543',
         src('org.eclipse.smarthome.binding.weather.internal', 'WeatherStationHandler'),
         J('org.eclipse.smarthome.binding.weather.internal', SMART_IMPORTS)(SMARTHOME), [
             (0, 'java-ok-00-smarthome-poller-wrapped-in-guard-helper',
              'clean: the poll is scheduled through a guard helper of the change that catches everything', 'new'),
         ], extra=[GUARDED])


# ---------------------------------------------------------------- CONC-07: offload scheduler
YUVI = r'''
/** Periodically offloads full chunks of the store to object storage and drops stale ones. */
public class ChunkManager {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkManager.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("chunk-offload-%d").build());
    private final ChunkStore store;
    private final Counter offloadFailures;

    public ChunkManager(ChunkStore store, Counter offloadFailures) {
        this.store = store;
        this.offloadFailures = offloadFailures;
    }

    public void start(Duration every) {
1|        scheduler.scheduleAtFixedRate(() -> { //@CONC-07
1|            store.offloadFullChunks();
1|            store.dropStaleChunks();
1|        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
0|        scheduler.scheduleAtFixedRate(this::offloadOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
0|
0|    private void offloadOnce() {
0|        try {
0|            store.offloadFullChunks();
0|            store.dropStaleChunks();
0|        } catch (RuntimeException | Error e) {
0|            if (e instanceof VirtualMachineError fatal) {
0|                throw fatal;
0|            }
0|            offloadFailures.increment();
0|            LOG.error("chunk offload failed; retrying at the next run", e);
0|        }
0|    }

    public void stop() {
        scheduler.shutdown();
    }
}
'''
cases_of(case, GH + 'pinterest/yuvi/issues/3', src('com.pinterest.yuvi.chunk', 'ChunkManager'),
         J('com.pinterest.yuvi.chunk', SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                                'io.micrometer.core.instrument.Counter', 'java.time.Duration',
                                                'java.util.concurrent.Executors',
                                                'java.util.concurrent.ScheduledExecutorService',
                                                'java.util.concurrent.TimeUnit'])(YUVI), [
             (1, 'java-00-yuvi-offload-schedule-without-guard',
              'chunk offload runs at a fixed rate from a lambda that catches nothing: one failure stops it for good',
              'new'),
             (0, 'java-ok-00-yuvi-offload-once-catches-and-counts',
              'clean: each run catches everything but VM errors, counts and logs it', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: batch import of holdings
LIBRIS = r'''
/** Imports the holding records of a MARC batch, skipping those of libraries that may not register holdings. */
public class HoldingImporter {
    private static final Logger logger = LoggerFactory.getLogger(HoldingImporter.class);

    private final Whelk whelk;

    public HoldingImporter(Whelk whelk) {
        this.whelk = whelk;
    }

    public ImportSummary importHoldings(List<MarcRecord> batch, String collection) {
        int imported = 0;
0|        int skipped = 0;
        for (MarcRecord record : batch) {
            String libraryUri = record.libraryUri();
            Document library = whelk.libraryByUri(libraryUri);
            if (library == null || !library.libraryIsRegistrant()) {
1|                logger.warn("{} is not a registrant library, skipping holding for {}", libraryUri, record.bibId()); //@LOG-01
2|                logger.info(String.format("Skipping holding for %s: %s cannot register", record.bibId(), libraryUri)); //@LOG-02|LOG-01
0|                skipped++;
                continue;
            }
            whelk.createHolding(record.toHolding(library), collection);
            imported++;
        }
0|        logger.info("holdings of batch imported={} skipped={} (libraries not registrants)", imported, skipped);
        return new ImportSummary(imported, batch.size() - imported);
    }
}
'''
cases_of(case, GH + 'libris/librisxl/pull/1463', src('whelk.importer', 'HoldingImporter'),
         J('whelk.importer', SLF4J + ['java.util.List', 'whelk.Document', 'whelk.Whelk'])(LIBRIS), [
             (1, 'java-00-librisxl-holding-import-warns-per-skipped-record',
              'an edit logs a warning for every skipped holding record of an import batch', 'edit'),
             (2, 'java-00-librisxl-holding-import-formats-info-per-record',
              'the batch import formats an info line with String.format for every skipped record', 'new'),
             (0, 'java-ok-00-librisxl-holding-import-counts-skips',
              'clean: skipped records are counted and reported once per batch', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02: reference resolver
DEEGREE = r'''
/** Resolves the references of a feature while a batch is stored. */
class ReferenceResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceResolver.class);

    private final FeatureStoreTransaction ta;
    private final boolean warnOnUrn;

    ReferenceResolver(FeatureStoreTransaction ta, boolean warnOnUrn) {
        this.ta = ta;
        this.warnOnUrn = warnOnUrn;
    }

    Feature resolve(FeatureReference ref) {
1|        LOG.debug("Resolving reference " + ref.getURI() + " of feature " + ref.getReferencingFeature()); //@LOG-02
0|        LOG.debug("Resolving reference {} of feature {}", ref.getURI(), ref.getReferencingFeature());
        if (ref.getURI().startsWith("urn:")) {
            if (warnOnUrn) {
                LOG.warn("Reference {} cannot be resolved locally", ref.getURI());
            }
            return null;
        }
        return ta.lookup(ref.getId());
    }
}
'''
cases_of(case, GH + 'deegree/deegree3/pull/1286', src('org.deegree.feature.persistence.sql', 'ReferenceResolver'),
         J('org.deegree.feature.persistence.sql', SLF4J + ['org.deegree.feature.Feature',
                                                           'org.deegree.feature.persistence.FeatureStoreTransaction',
                                                           'org.deegree.feature.types.FeatureReference'])(DEEGREE), [
             (1, 'java-00-deegree-resolver-debug-concatenates-reference',
              'the resolver\'s debug line concatenates the reference and its feature, built even with debug off', 'new'),
             (0, 'java-ok-00-deegree-resolver-parameterised-debug',
              'clean: placeholders in the debug line', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / ERR-01: batch writer
PXF = r'''
/** Writes a batch of rows to the external table in one transaction. */
class BatchWriter implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int QUERY_TIMEOUT_SECONDS = 300;

    private final DataSource dataSource;
    private final String insertSql;
    private final List<OneRow> rows;

    BatchWriter(DataSource dataSource, String insertSql, List<OneRow> rows) {
        this.dataSource = dataSource;
        this.insertSql = insertSql;
        this.rows = rows;
    }

    @Override
    public Integer call() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                for (OneRow row : rows) {
                    row.bind(statement);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
1|            } catch (SQLException e) { //@ERR-01|TX-02
1|                LOG.warn("batch of {} rows not written", rows.size(), e);
1|                connection.rollback();
1|                return 0;
0|            } catch (SQLException | RuntimeException e) {
0|                connection.rollback();
0|                throw e;
            }
        }
        return rows.size();
    }
}
'''
cases_of(case, GH + 'greenplum-db/pxf/pull/111', src('org.greenplum.pxf.plugins.jdbc.writercallable', 'BatchWriter'),
         J('org.greenplum.pxf.plugins.jdbc.writercallable', SLF4J + JDBC[:2] + ['java.sql.SQLException',
                                                                               'java.util.List',
                                                                               'java.util.concurrent.Callable',
                                                                               'javax.sql.DataSource'])(PXF), [
             (1, 'java-00-pxf-batch-writer-logs-failed-batch-and-returns-zero',
              'a failed batch is logged, rolled back and reported as zero rows: the INSERT that started it succeeds',
              'new'),
             (0, 'java-ok-00-pxf-batch-writer-rolls-back-and-rethrows',
              'clean: the failed batch is rolled back and the exception reaches the caller', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02: update count ignored
POLARIS = r'''
/** Writes entity rows; an update must change exactly the row it read (optimistic locking on the version). */
public class EntityWriter {
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DatasourceOperations operations;

    public EntityWriter(DatasourceOperations operations) {
        this.operations = operations;
    }

    public void update(EntityRecord entity, long expectedVersion) throws SQLException {
        operations.inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPDATE_ENTITY)) {
                ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                ps.setString(1, entity.propertiesJson());
                ps.setLong(2, expectedVersion + 1);
                ps.setLong(3, entity.id());
                ps.setLong(4, expectedVersion);
1|                ps.executeUpdate(); //@TX-02
0|                if (ps.executeUpdate() != 1) {
0|                    throw new EntityVersionMismatchException(entity.id(), expectedVersion);
0|                }
            }
            return null;
        });
    }

    private static final String UPDATE_ENTITY =
            "UPDATE entities SET properties = ?, version = ? WHERE id = ? AND version = ?";
}
'''
cases_of(case, GH + 'apache/polaris/pull/5263', src('org.apache.polaris.persistence.relational.jdbc', 'EntityWriter'),
         J('org.apache.polaris.persistence.relational.jdbc', ['java.sql.PreparedStatement', 'java.sql.SQLException'])(POLARIS), [
             (1, 'java-00-polaris-entity-update-ignores-row-count',
              'an optimistic update ignores executeUpdate\'s count: a lost race commits nothing and reports success',
              'edit'),
             (0, 'java-ok-00-polaris-entity-update-checks-one-row',
              'clean: the update must change exactly one row or it throws', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01: lock insert
SHEDLOCK = r'''
/** Takes a named lock by inserting its row; a duplicate key means someone else holds it. */
class JdbcLockInserter {
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final SqlStatementsSource sql;

    JdbcLockInserter(DataSource dataSource, SqlStatementsSource sql) {
        this.dataSource = dataSource;
        this.sql = sql;
    }

    boolean insertRecord(LockConfiguration config) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql.insertStatement())) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, config.getName());
            ps.setTimestamp(2, Timestamp.from(config.getLockAtMostUntil()));
            ps.setString(3, hostname());
            return ps.executeUpdate() > 0;
1|        } catch (SQLException e) { //@ERR-01
1|            return false;
0|        } catch (SQLIntegrityConstraintViolationException duplicate) {
0|            return false; // the lock row exists: another node holds the lock
0|        } catch (SQLException e) {
0|            throw new LockException("cannot insert lock " + config.getName(), e);
        }
    }
}
'''
cases_of(case, GH + 'lukas-krecan/ShedLock/pull/2958', src('net.javacrumbs.shedlock.provider.jdbc', 'JdbcLockInserter'),
         J('net.javacrumbs.shedlock.provider.jdbc', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                     'java.sql.SQLException',
                                                     'java.sql.SQLIntegrityConstraintViolationException',
                                                     'java.sql.Timestamp', 'javax.sql.DataSource'])(SHEDLOCK), [
             (1, 'java-00-shedlock-lock-insert-swallows-every-sql-error',
              'every SQLException of the lock insert means "not acquired": an outage looks like a held lock', 'new'),
             (0, 'java-ok-00-shedlock-lock-insert-only-duplicate-is-not-acquired',
              'clean: only a duplicate key means not acquired; other failures are rethrown with their cause', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02: wait for a cancel, task left running
CAPGO = r'''
/** Coordinates bundle downloads with the work manager. */
public final class DownloadWorkerManager {
    private static final Logger logger = LoggerFactory.getLogger(DownloadWorkerManager.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    private final ExecutorService cancelExecutor;
    private final WorkQueue workQueue;

    public DownloadWorkerManager(ExecutorService cancelExecutor, WorkQueue workQueue) {
        this.cancelExecutor = cancelExecutor;
        this.workQueue = workQueue;
    }

    /** Cancels the download of a version and waits for it; false when the cancel did not finish in time. */
    public boolean cancelVersionDownloadAndAwait(String version) {
        Future<?> cancel = cancelExecutor.submit(() -> workQueue.cancelAll("version-" + version));
        try {
1|            cancel.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS); //@TMO-02
0|            cancel.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
0|            cancel.cancel(true); // stop the work, not only the wait
            logger.warn("cancelling download of {} did not finish within {}", version, CANCEL_WAIT);
            return false;
        } catch (ExecutionException e) {
            logger.error("cancelling download of {} failed", version, e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel(true);
            return false;
        }
    }
}
'''
cases_of(case, GH + 'Cap-go/capacitor-updater/pull/867', src('ee.forgr.capacitor_updater', 'DownloadWorkerManager'),
         J('ee.forgr.capacitor_updater', SLF4J + ['java.time.Duration', 'java.util.concurrent.ExecutionException',
                                                  'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                                                  'java.util.concurrent.TimeUnit',
                                                  'java.util.concurrent.TimeoutException'])(CAPGO), [
             (1, 'java-00-capacitor-updater-cancel-wait-leaves-task-running',
              'a bounded wait on a submitted task gives up on timeout but leaves the task running', 'new'),
             (0, 'java-ok-00-capacitor-updater-cancel-wait-cancels-on-timeout',
              'clean: the timed-out task is cancelled with interruption', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03: timeout watchdog never cancelled
RIPTIDE = r'''
/** Gives each call a deadline: a watchdog cancels the call's future when the deadline passes first. */
final class TimeoutPlugin implements Plugin {
    private final ScheduledExecutorService timer;
    private final Duration timeout;

    TimeoutPlugin(ScheduledExecutorService timer, Duration timeout) {
        this.timer = timer;
        this.timeout = timeout;
    }

    @Override
    public RequestExecution aroundAsync(RequestExecution execution) {
        return arguments -> {
            CompletableFuture<ClientHttpResponse> future = execution.execute(arguments);
            ScheduledFuture<?> watchdog = timer.schedule(() -> future.completeExceptionally( //@{1}TMO-03
                    new TimeoutException("no response within " + timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
0|            future.whenComplete((response, failure) -> watchdog.cancel(false));
            return future;
        };
    }
}
'''
cases_of(case, GH + 'zalando/riptide/issues/273', src('org.zalando.riptide.timeout', 'TimeoutPlugin'),
         J('org.zalando.riptide.timeout', ['java.time.Duration', 'java.util.concurrent.CompletableFuture',
                                           'java.util.concurrent.ScheduledExecutorService',
                                           'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                           'java.util.concurrent.TimeoutException',
                                           'org.springframework.http.client.ClientHttpResponse'])(RIPTIDE), [
             (1, 'java-00-riptide-timeout-watchdog-never-cancelled',
              'every call schedules a timeout watchdog that stays queued after the call completed', 'new'),
             (0, 'java-ok-00-riptide-timeout-watchdog-cancelled-on-completion',
              'clean: the watchdog is cancelled when the call completes', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: JDK HttpClient to the leader
ARCADE = r'''
/** Forwards user-management requests from a replica to the HA leader. */
public class LeaderForwarder {
02|    private static final Duration TIMEOUT = Duration.ofSeconds(5);
01|    private final HttpClient http;
    private final LeaderLocator leader;

    public LeaderForwarder(LeaderLocator leader) {
        this.leader = leader;
1|        this.http = HttpClient.newHttpClient(); //@TMO-01
0|        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public HttpResponse<String> forward(String path, String method, String body, String authorization)
            throws IOException, InterruptedException {
2|        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(leader.currentLeader().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
02|                .timeout(TIMEOUT)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
'''
cases_of(case, GH + 'ArcadeData/arcadedb/pull/7512', src('com.arcadedb.server.ha', 'LeaderForwarder'),
         J('com.arcadedb.server.ha', ['java.io.IOException', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                                      'java.net.http.HttpResponse', 'java.time.Duration'])(ARCADE), [
             (1, 'java-00-arcadedb-leader-forwarder-client-without-timeouts',
              'requests to the HA leader go through HttpClient.newHttpClient() with no connect or request timeout',
              'new'),
             (2, 'java-00-arcadedb-leader-forwarder-client-per-request',
              'the forwarder builds a new JDK HttpClient (and its selector thread) for every forwarded request', 'new'),
             (0, 'java-ok-00-arcadedb-leader-forwarder-shared-client-with-timeouts',
              'clean: one client with a connect timeout and a timeout on every request', 'new'),
         ])


# ---------------------------------------------------------------- shapes: record, test beside, pom, generated
case('java-ok-00-spring-content-blob-store-config-pool-once-with-test',
     GH + 'paulcwarren/spring-content/issues/272',
     'clean: a Spring configuration builds the Hikari pool once as a bean (closed by the container), with a test beside it',
     files=[f(src('internal.org.springframework.content.jpa.config', 'BlobStoreConfiguration'), new=java(
         'internal.org.springframework.content.jpa.config',
         ['com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource', 'java.time.Duration',
          'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration'], r'''
@Configuration
public class BlobStoreConfiguration {

    /** Settings of the blob store's pool, bound from spring.content.jpa.pool.*. */
    public record PoolSettings(String url, String user, String password, int maxSize, Duration connectionTimeout) {
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource blobDataSource(PoolSettings settings) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setPoolName("blob-store");
        return new HikariDataSource(config);
    }
}
''')), f(tst('internal.org.springframework.content.jpa.config', 'BlobStoreConfigurationTest'), new=java(
         'internal.org.springframework.content.jpa.config',
         ['java.time.Duration', 'org.junit.jupiter.api.Test',
          'static org.assertj.core.api.Assertions.assertThat'], r'''
class BlobStoreConfigurationTest {

    @Test
    void pool_takes_its_size_and_timeout_from_the_settings() {
        var settings = new BlobStoreConfiguration.PoolSettings("jdbc:h2:mem:blobs", "sa", "", 4, Duration.ofSeconds(2));
        try (var pool = new BlobStoreConfiguration().blobDataSource(settings)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
        }
    }
}
'''))])

case('java-ok-00-flipt-generated-model-beside-client-crlf', GH + 'flipt-io/flipt/issues/2788',
     'clean: a generated request record and a switch-expression mapper beside the client (CRLF)',
     files=[f(src('io.flipt.api.evaluation.models', 'EvaluationRequest'), crlf=True,
              new=JAVA_GENERATED + java('io.flipt.api.evaluation.models', ['java.util.Map'], r'''
public record EvaluationRequest(String namespaceKey, String flagKey, String entityId, Map<String, String> context) {
}
''')), f(src('io.flipt.api.evaluation', 'Reasons'), crlf=True, new=java('io.flipt.api.evaluation', [], r'''
/** Maps the server's reason codes to the client's enum. */
final class Reasons {
    private Reasons() {
    }

    static EvaluationReason of(String code) {
        return switch (code) {
            case "MATCH_EVALUATION_REASON" -> EvaluationReason.MATCH;
            case "DEFAULT_EVALUATION_REASON" -> EvaluationReason.DEFAULT;
            case "FLAG_DISABLED_EVALUATION_REASON" -> EvaluationReason.FLAG_DISABLED;
            default -> EvaluationReason.UNKNOWN;
        };
    }
}
'''))])


# Written but left out to keep 60 cases a language, about two thirds of them defects (near repeats of an item
# or of a clean shape already in the round); listed so that the choice is visible.
DROPPED = set('''
java-00-spring-content-product-name-from-unclosed-connection
java-00-griefprevention-player-data-closes-jdbc-by-hand
java-00-clickhouse4j-ping-never-closes-connection
java-00-quilt-stream-sender-fixed-pool-unbounded-queue
java-00-tracing-handler-never-clears-request-id
java-00-oksse-refused-stream-response-never-closed
java-ok-00-oksse-response-in-try-with-resources
java-ok-00-flipt-evaluation-response-closed-and-lazy-debug
java-ok-00-phoebus-sample-reader-release-in-finally
java-ok-00-clickhouse4j-ping-injected-data-source
java-ok-00-griefprevention-player-data-try-with-resources
java-ok-00-tracing-handler-clears-both-in-finally
java-ok-00-folialib-run-async-logs-and-counts-failures
java-ok-00-quilt-stream-sender-bounded-pool-caller-runs
java-ok-00-spring-content-product-name-try-with-resources
java-ok-00-hibernate-search-purge-session-and-rollback
java-ok-00-baseline-cache-warmer-executes-tasks
java-ok-00-deegree-resolver-parameterised-debug
java-ok-00-arcadedb-leader-forwarder-shared-client-with-timeouts
'''.split())
CASES[:] = [c for c in CASES if c['name'] not in DROPPED]
numbered(CASES, 'java')

# Added after run 1 (see RESULTS.md): findings of run 1 on defects the case's code really has and its label did not
# name. The cases' code and expectations are unchanged; such a finding is then neither right nor wrong.
UPLOADER = 'src/main/java/org/kontalk/upload/HttpUploader.java'
ACCEPT_AFTER_RUN_1 = {
    # The unclosed response stream is an unclosed resource too (RES-01 beside the labelled RES-02).
    'java-07-kontalk-upload-response-stream-not-closed': [(UPLOADER, 38, 'RES-01')],
    # getConnection() sits outside the try: a failing setAutoCommit(false) skips the close in finally (RES-01).
    'java-12-ultm-unit-of-work-rolls-back-only-sql-errors': [('src/main/java/ultm/TxManager.java', 21, 'RES-01')],
    # Besides the client without a connect timeout, the request itself has no timeout (a second TMO-01 line).
    'java-39-arcadedb-leader-forwarder-client-without-timeouts': [
        ('src/main/java/com/arcadedb/server/ha/LeaderForwarder.java', 21, 'TMO-01')],
}
for c in CASES:
    if c['name'] in ACCEPT_AFTER_RUN_1:
        c['accept'] = c.get('accept', []) + ACCEPT_AFTER_RUN_1[c['name']]
