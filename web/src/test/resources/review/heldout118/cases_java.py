"""Round-118 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / CONC-03: connection pool of a JTA transaction manager (transactions-essentials)
ATOMIKOS = template('atomikos-connection-pool-wait', r'''
/**
 * Pool of XA-capable connections. Borrowers wait on the pool's monitor until a connection is returned or the borrow
 * timeout ends; every change to the connection list happens while holding that monitor.
 */
public abstract class ConnectionPool<ConnectionType> implements XPooledConnectionEventListener<ConnectionType> {
    private static final Logger LOGGER = LoggerFactory.createLogger(ConnectionPool.class);

    private final List<XPooledConnection<ConnectionType>> connections = new ArrayList<>();
    private final ConnectionFactory<ConnectionType> connectionFactory;
    private final ConnectionPoolProperties properties;

    protected ConnectionPool(ConnectionFactory<ConnectionType> connectionFactory, ConnectionPoolProperties properties) {
        this.connectionFactory = connectionFactory;
        this.properties = properties;
    }

01|    private synchronized void addConnectionIfMinPoolSizeNotReached() {
2|    private void addConnectionIfMinPoolSizeNotReached() {
        if (connections.size() < properties.getMinPoolSize()) {
            XPooledConnection<ConnectionType> xpc = createPooledConnection();
            connections.add(xpc); //@{2}CONC-03
            xpc.registerXPooledConnectionEventListener(this);
        }
    }

    private XPooledConnection<ConnectionType> createPooledConnection() {
        try {
            return connectionFactory.createPooledConnection();
        } catch (CreateConnectionException e) {
            throw new IllegalStateException("Could not create a pooled connection", e);
        }
    }

    /**
     * Waits until a connection is available or the remaining borrow time is used up, and returns what is left of it.
     * An interrupt ends the wait at once: the borrower gets an exception and keeps its interrupt status.
     */
    private synchronized long waitForAtLeastOneAvailableConnection(long waitTime) throws PoolExhaustedException {
        long remaining = waitTime;
        while (availableSize() == 0 && remaining > 0) {
            long start = System.currentTimeMillis();
            try {
                this.wait(remaining);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                throw new PoolExhaustedException("Interrupted while waiting for a connection", e);
1|                LOGGER.logDebug("Interrupted while waiting for a connection; waiting on");
            }
            remaining -= System.currentTimeMillis() - start;
        }
        if (availableSize() == 0) {
            throw new PoolExhaustedException("No connection available within " + waitTime + " ms");
        }
        return remaining;
    }

    private synchronized int availableSize() {
        int available = 0;
        for (XPooledConnection<ConnectionType> xpc : connections) {
            if (xpc.isAvailable()) {
                available++;
            }
        }
        return available;
    }

    @Override
    public synchronized void onXPooledConnectionTerminated(XPooledConnection<ConnectionType> connection) {
        notifyAll();
    }
}
''')
_ATK_PKG = 'com.atomikos.datasource.pool'
_ATK = ['com.atomikos.logging.Logger', 'com.atomikos.logging.LoggerFactory', 'java.util.ArrayList', 'java.util.List']
cases_of(case, GH + 'atomikos/transactions-essentials/issues/160',
         'public/transactions-jta/' + src(_ATK_PKG, 'ConnectionPool'), J(_ATK_PKG, _ATK)(ATOMIKOS), [
             (1, 'java-00-atomikos-pool-wait-interrupt-swallowed',
              'an edit logs the interrupt of a borrower waiting for a connection and keeps waiting, so an interrupted '
              'thread spins until the borrow timeout', 'edit'),
             (2, 'java-00-atomikos-pool-grows-unsynchronized',
              'an edit drops the synchronization of the method that adds connections to the pool\'s list', 'edit'),
             (0, 'java-ok-00-atomikos-pool-wait-interrupt-restored',
              'clean: the fix restores the interrupt and fails the borrow at once', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TX-01: local transaction interceptor of a routing data source (dynamic-datasource), new file
DYNDS = template('dynamic-datasource-local-tx-interceptor', r'''
/**
 * Runs a method annotated with {@code @DSTransactional} in a local transaction that spans every data source it
 * touches. The transaction id is bound to the calling thread for the duration of the call and unbound in a finally
 * block, so a pooled thread never carries it into the next request; the connections are committed when the method
 * returns and rolled back when it throws.
 */
public class DynamicLocalTransactionInterceptor implements MethodInterceptor {
    private static final Logger log = LoggerFactory.getLogger(DynamicLocalTransactionInterceptor.class);

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (!StringUtils.isEmpty(TransactionContext.getXID())) {
            return invocation.proceed();
        }
        String xid = UUID.randomUUID().toString();
        TransactionContext.bind(xid); //@{1}CONC-04 //@{2}TX-01
        try {
            Object result = invocation.proceed();
            ConnectionFactory.notify(xid, true);
1|            TransactionContext.remove();
            return result;
01|        } catch (Throwable e) {
01|            log.debug("Rolling back local transaction {}", xid, e);
01|            ConnectionFactory.notify(xid, false);
01|            throw e;
02|        } finally {
02|            TransactionContext.remove();
        }
    }
}
''')
_DDS_PKG = 'com.baomidou.dynamic.datasource.aop'
_DDS = SLF4J + ['com.baomidou.dynamic.datasource.tx.ConnectionFactory', 'com.baomidou.dynamic.datasource.tx.TransactionContext',
                'java.util.UUID', 'org.aopalliance.intercept.MethodInterceptor', 'org.aopalliance.intercept.MethodInvocation',
                'org.springframework.util.StringUtils']
cases_of(case, GH + 'baomidou/dynamic-datasource/issues/358',
         'dynamic-datasource-spring/' + src(_DDS_PKG, 'DynamicLocalTransactionInterceptor'), J(_DDS_PKG, _DDS)(DYNDS), [
             (1, 'java-00-dynamic-datasource-tx-id-unbound-outside-finally',
              'a new interceptor unbinds the thread\'s transaction id only after a normal return, so a method that throws '
              'leaves it on the pooled thread', 'new'),
             (2, 'java-00-dynamic-datasource-tx-not-rolled-back-on-exception',
              'a new interceptor commits on return but neither commits nor rolls back when the method throws', 'new'),
             (0, 'java-ok-00-dynamic-datasource-local-tx-interceptor',
              'clean: the transaction id is unbound in a finally block and a throwing method is rolled back', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / RES-01: handle of a distributed database's JDBC driver (comdb2 cdb2jdbc), CRLF file
COMDB2 = template('comdb2-cdb2jdbc-handle', r'''
/**
 * One client handle of the cdb2 protocol. Debug logging is parameterized: the handle logs on every row it reads,
 * and a message that is not logged must cost nothing to build.
 */
public class Comdb2Handle extends AbstractConnection {
    private static final Logger logger = Logger.getLogger(Comdb2Handle.class.getName());

    private final String dbName;
    private final int connectTimeoutMs;
    private final int socketTimeoutMs;
    private SockIO io;

    public Comdb2Handle(String dbName, int connectTimeoutMs, int socketTimeoutMs) {
        this.dbName = dbName;
        this.connectTimeoutMs = connectTimeoutMs;
        this.socketTimeoutMs = socketTimeoutMs;
    }

    boolean openConnection(String host, int port) {
        SockIO sock = new SockIO(host, port, connectTimeoutMs, socketTimeoutMs); //@{2}RES-01
01|        try {
01|            sock.write("newsql\n");
01|            sock.flush();
01|        } catch (IOException e) {
01|            logger.log(Level.WARNING, "Unable to open a newsql connection", e);
01|            sock.close();
01|            return false;
01|        }
2|        if (!sock.writeQuietly("newsql\n") || !sock.flushQuietly()) {
2|            logger.log(Level.WARNING, "Unable to open a newsql connection to {0}:{1}", new Object[] {host, port});
2|            return false;
2|        }
        this.io = sock;
        return true;
    }

    Cdb2Query.Response readRecord() throws IOException {
        Cdb2Header header = Cdb2Header.read(io);
02|        logger.log(Level.FINEST, "Read header of type {0} and length {1} from {2}",
02|                new Object[] {header.type, header.length, dbName});
1|        logger.log(Level.FINEST, "Read header of type " + header.type + " and length " + header.length //@LOG-02
1|                + " from " + dbName);
        byte[] payload = new byte[header.length];
        io.readFully(payload, 0, header.length);
        return Cdb2Query.Response.parseFrom(payload);
    }

    @Override
    public void close() {
        if (io != null) {
            io.close();
            io = null;
        }
    }
}
''')
_CDB_PKG = 'com.bloomberg.comdb2.jdbc'
_CDB = ['java.io.IOException', 'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'bloomberg/comdb2/pull/138', 'cdb2jdbc/' + src(_CDB_PKG, 'Comdb2Handle'), J(_CDB_PKG, _CDB)(COMDB2), [
    (1, 'java-00-comdb2-cdb2jdbc-record-log-concatenated',
     'an edit builds the per-record debug message by concatenation, so every row read pays for a message that is not '
     'logged; CRLF file', 'edit'),
    (2, 'java-00-comdb2-cdb2jdbc-socket-left-open-on-handshake-failure',
     'an edit returns false on a failed handshake without closing the socket it opened; CRLF file', 'edit'),
    (0, 'java-ok-00-comdb2-cdb2jdbc-record-log-parameterized',
     'clean: the fix passes the header fields as log parameters; CRLF file', 'fix'),
], crlf=True)


# ---------------------------------------------------------------- RES-04 / CONC-03: client cache of a Spark connector for MongoDB (mongo-spark)
MONGOSPARK = template('mongo-spark-client-cache', r'''
/**
 * Keeps one MongoClient per connection string for the whole executor JVM. Clients are reference counted and closed
 * some time after the last release, so consecutive partitions and queries reuse the driver's connection pool.
 */
final class MongoClientCache {
    private final Map<String, CachedMongoClient> cache = new HashMap<>();
    private final long keepAliveNanos;
    private final ScheduledExecutorService scheduler;

    MongoClientCache(long keepAliveMillis, ScheduledExecutorService scheduler) {
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(keepAliveMillis);
        this.scheduler = scheduler;
        scheduler.scheduleWithFixedDelay(this::checkClientsSafely, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
    }

    /** Only the connection string identifies a client: the pipeline and collection of a query do not. */
01|    synchronized MongoClient acquire(final MongoClientFactory factory) {
2|    MongoClient acquire(final MongoClientFactory factory) {
02|        CachedMongoClient client = cache.computeIfAbsent(factory.getConnectionString(), //@{2}CONC-03
02|                key -> new CachedMongoClient(this, factory.create()));
1|        CachedMongoClient client = new CachedMongoClient(this, factory.create()); //@RES-04
        client.acquire();
        return client;
    }

    synchronized void release(final CachedMongoClient client) {
        client.releaseAt(System.nanoTime() + keepAliveNanos);
    }

    private void checkClientsSafely() {
        try {
            closeExpiredClients();
        } catch (RuntimeException e) {
            LOGGER.warn("Could not close expired Mongo clients", e);
        }
    }

    private synchronized void closeExpiredClients() {
        long now = System.nanoTime();
        cache.values().removeIf(client -> {
            if (client.isExpired(now)) {
                client.close();
                return true;
            }
            return false;
        });
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(MongoClientCache.class);
}
''')
_MSP_PKG = 'com.mongodb.spark.sql.connector.connection'
_MSP = SLF4J + ['com.mongodb.client.MongoClient', 'java.util.HashMap', 'java.util.Map',
                'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit']
MONGOSPARK_TEST = f('src/test/java/com/mongodb/spark/sql/connector/connection/MongoClientCacheTest.java', new=java(_MSP_PKG, [
    'static org.junit.jupiter.api.Assertions.assertSame', 'static org.mockito.Mockito.mock',
    'static org.mockito.Mockito.times', 'static org.mockito.Mockito.verify', 'static org.mockito.Mockito.when',
    'com.mongodb.client.MongoClient', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
    'org.junit.jupiter.api.Test'], r'''
class MongoClientCacheTest {

    @Test
    void queriesOnTheSameConnectionShareOneClient() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            MongoClientCache cache = new MongoClientCache(1_000, scheduler);
            MongoClientFactory first = mock(MongoClientFactory.class);
            MongoClientFactory second = mock(MongoClientFactory.class);
            when(first.getConnectionString()).thenReturn("mongodb://localhost:27017");
            when(second.getConnectionString()).thenReturn("mongodb://localhost:27017");
            when(first.create()).thenReturn(mock(MongoClient.class));

            MongoClient a = cache.acquire(first);
            MongoClient b = cache.acquire(second);

            assertSame(a, b);
            verify(first, times(1)).create();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
'''))
cases_of(case, GH + 'mongodb/mongo-spark/pull/127', src(_MSP_PKG, 'MongoClientCache'), J(_MSP_PKG, _MSP)(MONGOSPARK), [
    (1, 'java-00-mongo-spark-client-created-per-acquire',
     'an edit creates a new MongoClient, with its own pool, on every acquire instead of reusing the cached one', 'edit'),
    (2, 'java-00-mongo-spark-client-cache-acquired-unsynchronized',
     'an edit drops the synchronization of acquire, so partitions fill the plain HashMap concurrently', 'edit'),
    (0, 'java-ok-00-mongo-spark-client-cached-per-connection-string',
     'clean: the fix caches clients by connection string alone; a test checks two queries share one client', 'fix',
     [MONGOSPARK_TEST]),
])


# ---------------------------------------------------------------- ERR-01 / CONC-06: async collection API of a multi-model database driver (arangodb-java-driver-async)
ARANGO = template('arangodb-async-collection', r'''
/**
 * Asynchronous document operations of one collection. A future returned here completes exceptionally whenever the
 * request fails, except for a missing document, which reads as null as in the synchronous driver.
 */
public class ArangoCollectionAsyncImpl extends InternalArangoCollection<ArangoDBAsync, ArangoDatabaseAsyncImpl, ArangoExecutorAsync>
        implements ArangoCollectionAsync {

    ArangoCollectionAsyncImpl(ArangoDatabaseAsyncImpl db, String name) {
        super(db, name);
    }

    @Override
    public <T> CompletableFuture<T> getDocument(String key, Class<T> type, DocumentReadOptions options) {
        DocumentUtil.validateDocumentKey(key);
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(getDocumentRequest(key, options), type).whenComplete((response, ex) -> {
02|            if (ex == null) {
02|                result.complete(response);
02|                return;
02|            }
02|            Throwable cause = ex instanceof CompletionException ? ex.getCause() : ex;
02|            if (cause instanceof ArangoDBException && ((ArangoDBException) cause).getResponseCode() == 404) {
02|                result.complete(null);
02|            } else {
02|                result.completeExceptionally(cause);
02|            }
1|            result.complete(response); //@ERR-01
        });
        return result;
    }

    @Override
    public CompletableFuture<Void> truncate() {
01|        return executor.execute(truncateRequest(null), Void.class);
2|        executor.execute(truncateRequest(null), Void.class); //@CONC-06
2|        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<CollectionPropertiesEntity> getProperties() {
        return executor.execute(getPropertiesRequest(), CollectionPropertiesEntity.class);
    }
}
''')
_ARG_PKG = 'com.arangodb.internal'
_ARG = ['com.arangodb.ArangoCollectionAsync', 'com.arangodb.ArangoDBAsync', 'com.arangodb.ArangoDBException',
        'com.arangodb.entity.CollectionPropertiesEntity', 'com.arangodb.internal.util.DocumentUtil',
        'com.arangodb.model.DocumentReadOptions', 'java.util.concurrent.CompletableFuture']
cases_of(case, GH + 'arangodb/arangodb-java-driver-async/issues/16', src(_ARG_PKG, 'ArangoCollectionAsyncImpl'),
         JV(_ARG_PKG, {0: _ARG + ['java.util.concurrent.CompletionException'], 1: _ARG,
                       2: _ARG + ['java.util.concurrent.CompletionException']})(ARANGO), [
             (1, 'java-00-arangodb-async-get-document-failure-completes-null',
              'an edit completes the document future with the response whatever the failure, so a failed read reads as '
              'a missing document', 'edit'),
             (2, 'java-00-arangodb-async-truncate-future-dropped',
              'an edit starts the truncate request and returns an already completed future, dropping the request\'s own',
              'edit'),
             (0, 'java-ok-00-arangodb-async-get-document-failure-propagated',
              'clean: the fix completes the future exceptionally unless the document is missing', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: HTTP/2 transport of a graph database client (nebula-java)
NEBULAHTTP = template('nebula-java-http2-client', r'''
/**
 * HTTP/2 transport of a graph session. One OkHttpClient (and so one connection pool) serves every session of the
 * process; each request's response is read whole into the session buffer and then closed, so no connection is left
 * waiting for a reader that has gone.
 */
public class Http2Client {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final OkHttpClient client;
    private final String url;
    private final Buffer buffer = new Buffer();

    public Http2Client(String host, int port, int connectTimeoutMs, int readTimeoutMs) {
        this.url = "http://" + host + ":" + port + "/graph";
        this.client = new OkHttpClient.Builder() //@{2}TMO-01
                .protocols(Collections.singletonList(Protocol.H2_PRIOR_KNOWLEDGE))
01|                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
01|                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .build();
    }

    public void flush(byte[] payload) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(payload, OCTET_STREAM)).build();
02|        try (Response response = client.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new IOException("graph request failed with HTTP " + response.code());
02|            }
02|            buffer.writeAll(response.body().source());
02|        }
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException("graph request failed with HTTP " + response.code());
1|        }
1|        buffer.writeAll(response.body().source());
    }

    public int read(byte[] dst, int offset, int length) {
        return buffer.read(dst, offset, length);
    }

    public void close() {
        buffer.clear();
    }
}
''')
_NEB_PKG = 'com.vesoft.nebula.client.graph.net'
_NEB = ['java.io.IOException', 'java.util.Collections', 'java.util.concurrent.TimeUnit', 'okhttp3.MediaType',
        'okhttp3.OkHttpClient', 'okhttp3.Protocol', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response',
        'okio.Buffer']
cases_of(case, GH + 'vesoft-inc/nebula-java/pull/600', 'client/' + src(_NEB_PKG, 'Http2Client'),
         JV(_NEB_PKG, {0: _NEB, 1: _NEB, 2: [i for i in _NEB if i != 'java.util.concurrent.TimeUnit']})(NEBULAHTTP), [
             (1, 'java-00-nebula-java-http2-response-left-open',
              'an edit reads the graph response without closing it, so a failed request leaks its stream to the pool '
              'cleaner', 'edit'),
             (2, 'java-00-nebula-java-http2-client-without-timeouts',
              'an edit builds the shared OkHttpClient without its connect and read timeouts', 'edit'),
             (0, 'java-ok-00-nebula-java-http2-response-closed',
              'clean: the fix reads each response in a try-with-resources block', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: server warnings of a reactive MySQL driver (r2dbc-mysql)
R2MYSQL = template('r2dbc-mysql-warnings-log', r'''
/**
 * Completes a statement's result when the server's OK or EOF message arrives. Warnings the server attached are
 * counted into the result and logged at debug level only: a driver sees them on every statement of a busy
 * application, and users read them with SHOW WARNINGS when they need them.
 */
final class ResultCompletionHandler {
    private static final InternalLogger logger = InternalLoggerFactory.getInstance(ResultCompletionHandler.class);

    private final String sql;
    private int warnings;

    ResultCompletionHandler(String sql) {
        this.sql = sql;
    }

    boolean onMessage(ServerMessage message) {
        if (message instanceof OkMessage) {
            recordWarnings(((OkMessage) message).getWarnings());
            return true;
        }
        if (message instanceof EofMessage) {
            recordWarnings(((EofMessage) message).getWarnings());
            return true;
        }
        return false;
    }

    private void recordWarnings(int count) {
        if (count <= 0) {
            return;
        }
        warnings += count;
02|        if (logger.isDebugEnabled()) {
0|            logger.debug("MySQL returned {} warning(s) for statement: {}", count, sql);
2|            logger.debug("MySQL returned " + count + " warning(s) for statement: " + sql); //@LOG-02
02|        }
1|        logger.info("MySQL returned {} warning(s) for statement: {}", count, sql); //@LOG-01
    }

    int getWarnings() {
        return warnings;
    }
}
''')
_R2M_PKG = 'io.asyncer.r2dbc.mysql'
_R2M = ['io.asyncer.r2dbc.mysql.message.server.EofMessage', 'io.asyncer.r2dbc.mysql.message.server.OkMessage',
        'io.asyncer.r2dbc.mysql.message.server.ServerMessage', 'io.netty.util.internal.logging.InternalLogger',
        'io.netty.util.internal.logging.InternalLoggerFactory']
cases_of(case, GH + 'asyncer-io/r2dbc-mysql/pull/312', 'r2dbc-mysql/' + src(_R2M_PKG, 'ResultCompletionHandler'),
         J(_R2M_PKG, _R2M)(R2MYSQL), [
             (1, 'java-00-r2dbc-mysql-warnings-logged-at-info',
              'an edit logs the server\'s warnings at info level for every statement that has any', 'edit'),
             (2, 'java-00-r2dbc-mysql-warnings-log-concatenated',
              'an edit builds the warnings debug message by concatenation', 'edit'),
             (0, 'java-ok-00-r2dbc-mysql-warnings-logged-at-debug',
              'clean: the fix logs the warnings at debug level with parameters', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: LocalDate codec of a reactive PostgreSQL driver (r2dbc-postgresql)
R2PGDATE = template('r2dbc-postgresql-localdate-codec', r'''
/**
 * Decodes DATE values, and the date part of TIMESTAMPTZ values, into LocalDate. A TIMESTAMPTZ is an instant; its
 * date is taken in UTC, as the LocalDateTime codec already does, so the result does not depend on the JVM's zone.
 */
final class LocalDateCodec extends AbstractTemporalCodec<LocalDate> {
    private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);

    LocalDateCodec(ByteBufAllocator byteBufAllocator) {
        super(LocalDate.class, byteBufAllocator);
    }

    @Override
    LocalDate doDecode(ByteBuf buffer, PostgresTypeIdentifier dataType, @Nullable Format format, Class<? extends LocalDate> type) {
        Assert.requireNonNull(buffer, "byteBuf must not be null");
        if (dataType == PostgresqlObjectId.TIMESTAMPTZ) {
            Instant instant = EpochTime.fromLong(buffer.readLong()).toInstant();
02|            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
1|            return instant.atZone(ZoneId.systemDefault()).toLocalDate(); //@TIME-01
        }
        if (format == Format.FORMAT_BINARY) {
            return POSTGRES_EPOCH.plusDays(buffer.readInt());
        }
        String text = ByteBufUtils.decode(buffer);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException(String.format("Cannot decode '%s' as a date", text), e);
2|            return null;
        }
    }
}
''')
_R2P_PKG = 'io.r2dbc.postgresql.codec'
_R2P = ['io.netty.buffer.ByteBuf', 'io.netty.buffer.ByteBufAllocator', 'io.r2dbc.postgresql.message.Format',
        'io.r2dbc.postgresql.util.Assert', 'io.r2dbc.postgresql.util.ByteBufUtils', 'java.time.Instant',
        'java.time.LocalDate', 'java.time.format.DateTimeParseException', 'reactor.util.annotation.Nullable']
cases_of(case, GH + 'pgjdbc/r2dbc-postgresql/issues/521', src(_R2P_PKG, 'LocalDateCodec'),
         JV(_R2P_PKG, {0: _R2P + ['java.time.ZoneOffset'], 1: _R2P + ['java.time.ZoneId'],
                       2: _R2P + ['java.time.ZoneOffset']})(R2PGDATE), [
             (1, 'java-00-r2dbc-postgresql-timestamptz-date-in-default-zone',
              'an edit takes the date of a TIMESTAMPTZ in the JVM\'s default zone', 'edit'),
             (2, 'java-00-r2dbc-postgresql-date-parse-failure-null',
              'an edit decodes a date that does not parse as null', 'edit'),
             (0, 'java-ok-00-r2dbc-postgresql-timestamptz-date-in-utc',
              'clean: the fix takes the date of an instant in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: CQL session factory of a Cassandra test helper (cassandra-unit), moved file
CASSUNIT = template('cassandra-unit-session-factory', r'''
/**
 * Builds the driver Cluster and Session a test uses against the embedded server. The socket options carry the read
 * timeout the test asked for; without them the driver's default applies whatever the configuration says.
 */
public class CqlSessionFactory {
    private final String host;
    private final int port;
    private final int readTimeoutMillis;

    public CqlSessionFactory(String host, int port, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    protected SocketOptions getSocketOptions() {
        SocketOptions socketOptions = new SocketOptions();
        socketOptions.setReadTimeoutMillis(readTimeoutMillis);
        return socketOptions;
    }

    Cluster buildCluster() {
        return Cluster.builder() //@{1}TMO-01
                .addContactPoints(host)
                .withPort(port)
02|                .withSocketOptions(getSocketOptions())
                .build();
    }

    public Session connect(String keyspace) {
        Cluster cluster = buildCluster(); //@{2}RES-01
01|        try {
01|            return cluster.connect(keyspace);
01|        } catch (RuntimeException e) {
01|            cluster.close();
01|            throw e;
01|        }
2|        return cluster.connect(keyspace);
    }
}
''')
_CU = ['com.datastax.driver.core.Cluster', 'com.datastax.driver.core.Session', 'com.datastax.driver.core.SocketOptions']
cases_of(case, GH + 'jsevellec/cassandra-unit/issues/210',
         'cassandra-unit/' + src('org.cassandraunit.session', 'CqlSessionFactory'),
         J('org.cassandraunit.session', _CU)(CASSUNIT), [
             (1, 'java-00-cassandra-unit-moved-session-factory-without-socket-options',
              'a move of the session factory into its own package that also builds the Cluster without the socket '
              'options carrying the read timeout', 'rename'),
             (2, 'java-00-cassandra-unit-moved-session-factory-cluster-left-open',
              'a move of the session factory that also leaves the Cluster open when connecting to the keyspace fails',
              'rename'),
             (0, 'java-ok-00-cassandra-unit-moved-session-factory',
              'clean: the move alone; the Cluster gets the socket options and is closed when connect fails', 'rename'),
         ], rename_from='cassandra-unit/' + src('org.cassandraunit.utils', 'CqlSessionFactory'),
         rename_old=lambda t: t.replace('package org.cassandraunit.session;', 'package org.cassandraunit.utils;'))


# ---------------------------------------------------------------- CONC-07 / OPS-01: background connection validator of a JCA container (ironjacamar)
IRONJACAMAR = template('ironjacamar-connection-validator', r'''
/**
 * Validates the idle connections of every registered pool on one background thread. A pool whose validation throws
 * is logged and skipped for this round; the thread keeps validating the others and the next rounds.
 */
public class ConnectionValidator {
    private static final CoreLogger log = Logger.getMessageLogger(CoreLogger.class, ConnectionValidator.class.getName());

    private final CopyOnWriteArrayList<ManagedConnectionPool> registeredPools = new CopyOnWriteArrayList<>();
    private final AtomicBoolean shutdown = new AtomicBoolean(false);
    private final ExecutorService executorService;
    private final long interval;

    public ConnectionValidator(ExecutorService executorService, long interval) {
        this.executorService = executorService;
        this.interval = interval;
    }

    public void start() {
        executorService.execute(new ConnectionValidatorRunner());
    }

    public void registerPool(ManagedConnectionPool mcp) {
        registeredPools.add(mcp);
    }

    public void shutdown() throws InterruptedException {
        shutdown.set(true);
01|        executorService.shutdown();
01|        if (!executorService.awaitTermination(interval, TimeUnit.MILLISECONDS)) {
01|            executorService.shutdownNow();
01|        }
2|        executorService.shutdownNow(); //@OPS-01
    }

    private class ConnectionValidatorRunner implements Runnable {
        @Override
        public void run() {
            try {
                while (!shutdown.get()) {
                    for (ManagedConnectionPool mcp : registeredPools) {
02|                        try {
02|                            mcp.validateConnections();
02|                        } catch (Throwable t) {
02|                            log.connectionValidatorIgnoredUnexpectedError(t);
02|                        }
1|                        mcp.validateConnections(); //@CONC-07
                    }
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                if (!shutdown.get()) {
                    log.returningConnectionValidatorInterrupted();
                }
                Thread.currentThread().interrupt();
            }
        }
    }
}
''')
_IJ_PKG = 'org.jboss.jca.core.connectionmanager.pool.validator'
_IJ = ['java.util.concurrent.CopyOnWriteArrayList', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.atomic.AtomicBoolean', 'org.jboss.jca.core.CoreLogger',
       'org.jboss.jca.core.connectionmanager.pool.mcp.ManagedConnectionPool', 'org.jboss.logging.Logger']
cases_of(case, GH + 'ironjacamar/ironjacamar/issues/681', 'core/' + src(_IJ_PKG, 'ConnectionValidator'),
         JV(_IJ_PKG, {0: _IJ, 1: _IJ, 2: [i for i in _IJ if i != 'java.util.concurrent.TimeUnit']})(IRONJACAMAR), [
             (1, 'java-00-ironjacamar-validator-loop-unguarded',
              'an edit validates each pool without a catch, so one pool whose validation throws ends the validator '
              'thread for every pool', 'edit'),
             (2, 'java-00-ironjacamar-validator-killed-at-shutdown',
              'an edit stops the validator with shutdownNow alone, interrupting a validation round in flight', 'edit'),
             (0, 'java-ok-00-ironjacamar-validator-loop-guarded',
              'clean: the fix catches each pool\'s validation failure and keeps the loop going', 'fix'),
         ])
