"""Round-43 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
An expectation may name two items (`LOG-01|LOG-02`) where the defect line violates both."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TX-01 / ERR-01: transaction helper of a service framework (nuts-and-bolts)
NAB = template('nab-transaction-executor', r'''
/**
 * Runs an action in a transaction of the given definition: commits when it returns, rolls back when it throws and
 * rethrows what the action threw.
 */
public class TransactionExecutor {
    private static final Logger LOGGER = LoggerFactory.getLogger(TransactionExecutor.class);

    private final PlatformTransactionManager transactionManager;

    public TransactionExecutor(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    public <T> T execute(TransactionDefinition definition, Supplier<T> action) {
        TransactionStatus status = transactionManager.getTransaction(definition);
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | Error e) { //@{1}TX-01
02|            rollbackOnException(status, e);
            throw e;
        }
        transactionManager.commit(status);
        return result;
    }

    public void executeWithoutResult(TransactionDefinition definition, Runnable action) {
        execute(definition, () -> {
            action.run();
            return null;
        });
    }

    private void rollbackOnException(TransactionStatus status, Throwable original) {
        LOGGER.debug("Initiating transaction rollback on application exception", original);
        try {
            transactionManager.rollback(status);
        } catch (RuntimeException | Error rollbackFailure) { //@{2}ERR-01
01|            LOGGER.error("Rollback after application exception failed", rollbackFailure);
01|            original.addSuppressed(rollbackFailure);
2|            // the application exception is the one that matters
        }
    }
}
''')
cases_of(case, GH + 'hhru/nuts-and-bolts/pull/37', 'nab-data-source/' + src('ru.hh.nab.datasource.transaction', 'TransactionExecutor'),
         J('ru.hh.nab.datasource.transaction', SLF4J + [
             'java.util.function.Supplier', 'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionDefinition',
             'org.springframework.transaction.TransactionStatus'])(NAB), [
             (1, 'java-00-nab-transaction-executor-failed-action-not-rolled-back',
              'an edit drops the rollback from the catch of execute, so an action that throws leaves its '
              'transaction open and the connection bound to the thread', 'edit'),
             (2, 'java-00-nab-transaction-executor-rollback-failure-swallowed',
              'an edit swallows a failed rollback in an empty catch, so a transaction that could not be rolled back '
              'leaves no trace beside the application exception', 'edit'),
             (0, 'java-ok-00-nab-transaction-executor-rollback-logged-and-attached',
              'clean: a failing action rolled back, a failed rollback logged and attached as suppressed', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: island storage of a Minecraft plugin (IridiumSkyblock)
ISLANDS = template('iridium-island-store', r'''
/**
 * Stores islands in the plugin's SQL database (SQLite or MySQL through Hikari).
 */
public class IslandStore {
    private static final String UPSERT_ISLAND = "REPLACE INTO islands (owner, name, size, bank, updated_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_ISLAND = "SELECT name, size, bank, updated_at FROM islands WHERE owner = ?";

    private final HikariDataSource dataSource;
    private final Logger logger;

    public IslandStore(HikariDataSource dataSource, Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    /** Saves the changed islands in one batch; called from the async save task every few minutes. */
    public void saveIslands(Collection<Island> islands) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(UPSERT_ISLAND);
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(UPSERT_ISLAND)) {
            for (Island island : islands) {
                statement.setString(1, island.getOwner().toString());
                statement.setString(2, island.getName());
                statement.setInt(3, island.getSize());
                statement.setDouble(4, island.getBank());
                statement.setLong(5, System.currentTimeMillis());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            logger.log(Level.SEVERE, "Could not save " + islands.size() + " islands", e);
        }
    }

    public Optional<Island> loadIsland(UUID owner) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT_ISLAND)) {
            statement.setString(1, owner.toString());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Island(owner, rs.getString("name"), rs.getInt("size"), rs.getDouble("bank")));
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            logger.log(Level.SEVERE, e, () -> "Could not load the island of " + owner);
01|            throw new IllegalStateException("island storage unavailable", e);
2|            return Optional.empty();
        }
    }
}
''')
cases_of(case, GH + 'IridiumLLC/IridiumSkyblock/issues/575', src('com.iridium.iridiumskyblock.database', 'IslandStore'),
         J('com.iridium.iridiumskyblock.database', [
             'com.iridium.iridiumskyblock.Island', 'com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection',
             'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.Collection',
             'java.util.Optional', 'java.util.UUID', 'java.util.logging.Level', 'java.util.logging.Logger'])(ISLANDS), [
             (1, 'java-00-iridium-new-island-store-save-connection-never-closed',
              'a new island store takes a pooled connection and a statement for every save and never closes them, '
              'so the pool runs dry after a few save rounds', 'new'),
             (2, 'java-00-iridium-new-island-store-load-failure-reads-as-no-island',
              'a new island store answers a failed load with an empty Optional, so a database outage looks like a '
              'player without an island and the plugin offers to create one', 'new'),
             (0, 'java-ok-00-iridium-new-island-store-closed-resources-load-failure-thrown',
              'clean: a new island store closing every connection by try-with-resources, a failed load logged and '
              'thrown', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: statement handling of a distributed database server (herddb)
HERDDB = r'''
    private void handleExecuteStatement(Pdu message, Channel channel) {
        long txId = PduCodec.ExecuteStatement.readTx(message);
        String tablespace = PduCodec.ExecuteStatement.readTablespace(message);
        String query = PduCodec.ExecuteStatement.readQuery(message);
        long statementId = PduCodec.ExecuteStatement.readStatementId(message);
        boolean returnValues = PduCodec.ExecuteStatement.readReturnValues(message);
        List<Object> parameters = PduCodec.ExecuteStatement.readParameters(message);
1|        LOGGER.log(Level.INFO, "execute {0} on tx {1} for {2}", new Object[]{query, txId, address}); //@LOG-01
        try {
            TransactionContext transactionContext = new TransactionContext(txId);
            TranslatedQuery translatedQuery = server.getManager().getPlanner().translate(tablespace, query,
                    parameters, false, true, returnValues, -1);
            StatementExecutionResult result = server.getManager().executePlan(translatedQuery.plan,
                    translatedQuery.context, transactionContext);
            sendExecuteResult(message, channel, statementId, result);
        } catch (DuplicatePrimaryKeyException err) {
02|            LOGGER.log(Level.FINE, "duplicate key on {0}: {1}", new Object[]{query, err.getMessage()});
2|            LOGGER.severe("duplicate key on " + query + " from " + address + ": " + err); //@LOG-01|LOG-02
            sendError(message, channel, err, true);
        } catch (HerdDBInternalException err) {
            LOGGER.log(Level.SEVERE, "error on " + query, err);
            sendError(message, channel, err, false);
        }
    }
'''
HERDDB_CLASS = template('herddb-connection-peer', r'''
/**
 * Server side of one client connection: decodes each request and answers it on the channel.
 */
public class ServerSideConnectionPeer implements ServerSideConnection, ChannelEventListener {
    private static final Logger LOGGER = Logger.getLogger(ServerSideConnectionPeer.class.getName());

    private final Channel channel;
    private final Server server;
    private final String address;

    public ServerSideConnectionPeer(Channel channel, Server server) {
        this.channel = channel;
        this.server = server;
        this.address = channel.getRemoteAddress();
    }

    @Override
    public void requestReceived(Pdu message, Channel channel) {
        switch (message.type) {
            case Pdu.TYPE_EXECUTE_STATEMENT:
                handleExecuteStatement(message, channel);
                break;
            default:
                sendError(message, channel, new UnsupportedOperationException("type " + message.type), false);
                break;
        }
    }
''' + HERDDB + r'''
    private void sendExecuteResult(Pdu message, Channel channel, long statementId, StatementExecutionResult result) {
        ByteBuf reply = PduCodec.ExecuteStatementResult.write(message.messageId, result.getUpdateCount(),
                result.transactionId, statementId);
        channel.sendReplyMessage(message.messageId, reply);
    }

    private void sendError(Pdu message, Channel channel, Throwable err, boolean notLeader) {
        channel.sendReplyMessage(message.messageId, PduCodec.ErrorResponse.write(message.messageId, err, notLeader));
    }
}
''')
cases_of(case, GH + 'diennea/herddb/pull/501', 'herddb-core/' + src('herddb.server', 'ServerSideConnectionPeer'),
         J('herddb.server', [
             'herddb.core.TransactionContext', 'herddb.model.DuplicatePrimaryKeyException',
             'herddb.model.StatementExecutionResult', 'herddb.model.TranslatedQuery', 'herddb.network.Channel',
             'herddb.network.ChannelEventListener', 'herddb.network.ServerSideConnection', 'herddb.proto.Pdu',
             'herddb.proto.PduCodec', 'herddb.utils.HerdDBInternalException', 'io.netty.buffer.ByteBuf',
             'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger'])(HERDDB_CLASS), [
             (1, 'java-00-herddb-peer-info-line-per-statement',
              'an edit logs every executed statement at INFO with its text and client, so a server under load '
              'writes one log line per statement', 'edit'),
             (2, 'java-00-herddb-peer-duplicate-key-logged-severe-concatenated',
              'an edit logs a duplicate key, a common answer under load, at SEVERE with a concatenated message, so '
              'the string is built and written for every such statement', 'edit'),
             (0, 'java-ok-00-herddb-peer-quiet-statements-duplicate-key-fine',
              'clean: no line per statement, a duplicate key logged at FINE with parameters', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: poll loop of a Kafka integration (micronaut-kafka)
MNKAFKA = template('micronaut-kafka-poll-loop', r'''
/**
 * Runs one Kafka consumer per listener method: polls, hands each record to the listener and commits what it handled.
 */
public class ConsumerLoopRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoopRunner.class);

    private final ExecutorService executorService;
    private final KafkaListenerExceptionHandler exceptionHandler;
    private final Duration pollTimeout;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public ConsumerLoopRunner(ExecutorService executorService, KafkaListenerExceptionHandler exceptionHandler,
                              Duration pollTimeout) {
        this.executorService = executorService;
        this.exceptionHandler = exceptionHandler;
        this.pollTimeout = pollTimeout;
    }

    public void start(String clientId, Consumer<byte[], byte[]> consumer, RecordHandler handler) {
        LOG.debug("Starting consumer loop {}", clientId);
01|        executorService.execute(() -> pollLoop(clientId, consumer, handler));
2|        executorService.submit(() -> pollLoop(clientId, consumer, handler)); //@CONC-06
    }

    private void pollLoop(String clientId, Consumer<byte[], byte[]> consumer, RecordHandler handler) {
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                boolean failed = false;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    try {
                        handler.handle(record);
                    } catch (Exception e) { //@{1}ERR-01
02|                        exceptionHandler.handle(new KafkaListenerException(e, handler.bean(), consumer, record));
02|                        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
02|                        failed = true;
02|                        break;
1|                        // a record the listener cannot take is skipped
                    }
                }
                if (!failed && !records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close();
            LOG.debug("Consumer loop {} stopped", clientId);
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
''')
cases_of(case, GH + 'micronaut-projects/micronaut-kafka/pull/45',
         'kafka/' + src('io.micronaut.configuration.kafka.processor', 'ConsumerLoopRunner'),
         J('io.micronaut.configuration.kafka.processor', SLF4J + [
             'io.micronaut.configuration.kafka.exceptions.KafkaListenerException',
             'io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler', 'java.time.Duration',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.atomic.AtomicBoolean',
             'org.apache.kafka.clients.consumer.Consumer', 'org.apache.kafka.clients.consumer.ConsumerRecord',
             'org.apache.kafka.clients.consumer.ConsumerRecords', 'org.apache.kafka.common.TopicPartition',
             'org.apache.kafka.common.errors.WakeupException'])(MNKAFKA), [
             (1, 'java-00-micronaut-kafka-poll-loop-listener-failure-skipped',
              'an edit skips a record whose listener throws in an empty catch and commits the batch, so the failure '
              'is neither reported to the exception handler nor retried', 'edit'),
             (2, 'java-00-micronaut-kafka-poll-loop-submitted-future-dropped',
              'an edit starts the poll loop with submit and drops the Future, so a loop that dies on an unexpected '
              'exception stops consuming without a word', 'edit'),
             (0, 'java-ok-00-micronaut-kafka-poll-loop-failure-handled-loop-executed',
              'clean: a failing record reported to the exception handler and sought back, the loop started with '
              'execute so its failure reaches the thread\'s handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-07: fetcher threads of a Kafka replicator (uReplicator)
UREP = template('ureplicator-fetcher-manager', r'''
/**
 * Keeps one fetcher thread per broker the assigned partitions live on and rebalances them every minute.
 */
public class CompactConsumerFetcherManager {
    private static final Logger LOGGER = LoggerFactory.getLogger(CompactConsumerFetcherManager.class);

    private final Map<Integer, CompactConsumerFetcherThread> fetchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService rebalancer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "fetcher-rebalancer"));
    private final ConsumerFetcherConfig config;
    private final PartitionAssignment assignment;

    public CompactConsumerFetcherManager(ConsumerFetcherConfig config, PartitionAssignment assignment) {
        this.config = config;
        this.assignment = assignment;
    }

    public void start() {
        rebalancer.scheduleAtFixedRate(() -> {
01|            try {
01|                rebalanceFetchers();
01|            } catch (Throwable t) {
01|                LOGGER.error("Failed to rebalance the fetcher threads, retrying at the next round", t);
01|            }
2|            rebalanceFetchers(); //@CONC-07
        }, 0, config.getRebalanceIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void rebalanceFetchers() {
        Map<Integer, List<TopicPartition>> byBroker = assignment.partitionsByLeader();
        for (Map.Entry<Integer, List<TopicPartition>> entry : byBroker.entrySet()) {
            CompactConsumerFetcherThread fetcher = fetchers.get(entry.getKey());
            if (fetcher == null) {
                fetcher = startFetcher(entry.getKey());
            }
            fetcher.updatePartitions(entry.getValue());
        }
        fetchers.keySet().removeIf(broker -> !byBroker.containsKey(broker) && stopFetcher(broker));
    }

    private CompactConsumerFetcherThread startFetcher(int brokerId) {
        CompactConsumerFetcherThread fetcher = new CompactConsumerFetcherThread(brokerId, config);
        Thread thread = new Thread(fetcher, "CompactConsumerFetcherThread-" + brokerId); //@{1}CONC-01
        thread.setDaemon(true);
02|        thread.setUncaughtExceptionHandler((t, e) -> {
02|            LOGGER.error("Fetcher thread {} died; it is recreated at the next rebalance", t.getName(), e);
02|            fetchers.remove(brokerId, fetcher);
02|        });
        fetchers.put(brokerId, fetcher);
        thread.start();
        return fetcher;
    }

    private boolean stopFetcher(int brokerId) {
        CompactConsumerFetcherThread fetcher = fetchers.get(brokerId);
        if (fetcher != null) {
            fetcher.shutdown();
        }
        return true;
    }

    public void shutdown() {
        rebalancer.shutdownNow();
        fetchers.values().forEach(CompactConsumerFetcherThread::shutdown);
        fetchers.clear();
    }
}
''')
cases_of(case, GH + 'uber/uReplicator/pull/38',
         'uReplicator-Worker/' + src('kafka.consumer', 'CompactConsumerFetcherManager'),
         J('kafka.consumer', SLF4J + [
             'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.apache.kafka.common.TopicPartition'])(UREP), [
             (1, 'java-00-ureplicator-fetcher-thread-dies-silently',
              'an edit starts each fetcher thread without an uncaught-exception handler, so a fetcher killed by a '
              'consumer exception stays in the map and its partitions are never fetched again', 'edit'),
             (2, 'java-00-ureplicator-rebalance-exception-ends-schedule',
              'an edit runs the rebalance task without a catch, so the first exception it throws cancels every '
              'later rebalance', 'edit'),
             (0, 'java-ok-00-ureplicator-handled-fetchers-guarded-rebalance',
              'clean: each fetcher thread with a handler that logs and forgets it, the rebalance task catching '
              'everything', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / TIME-01: date formats of a multi-model database (orientdb)
ORIENT = template('orientdb-date-helper', r'''
/**
 * Date formats of the database, in the time zone its storage is configured with.
 */
public class ODateHelper {
    public static final String DEF_DATE_FORMAT = "yyyy-MM-dd";
    public static final String DEF_DATETIME_FORMAT = "yyyy-MM-dd HH:mm:ss";

1|    private static final SimpleDateFormat DATETIME_FORMAT = new SimpleDateFormat(DEF_DATETIME_FORMAT); //@CONC-03
1|
    private ODateHelper() {
    }

    public static TimeZone getDatabaseTimeZone(ODatabaseDocumentInternal db) {
        if (db != null && !db.isClosed()) {
            return db.getStorage().getConfiguration().getTimeZone();
        }
        return TimeZone.getDefault();
    }

    public static DateFormat getDateFormatInstance(ODatabaseDocumentInternal db) {
        SimpleDateFormat format = new SimpleDateFormat(dateFormat(db));
        format.setTimeZone(getDatabaseTimeZone(db));
        return format;
    }

    public static DateFormat getDateTimeFormatInstance(ODatabaseDocumentInternal db) {
1|        DATETIME_FORMAT.setTimeZone(getDatabaseTimeZone(db));
1|        return DATETIME_FORMAT;
02|        SimpleDateFormat format = new SimpleDateFormat(dateTimeFormat(db)); //@{2}TIME-01
0|        format.setTimeZone(getDatabaseTimeZone(db));
02|        return format;
    }

    public static String formatDateTime(Date date, ODatabaseDocumentInternal db) {
        return getDateTimeFormatInstance(db).format(date);
    }

    public static Date parseDateTime(String text, ODatabaseDocumentInternal db) throws ParseException {
        return getDateTimeFormatInstance(db).parse(text);
    }

    private static String dateFormat(ODatabaseDocumentInternal db) {
        return db != null ? db.getStorage().getConfiguration().getDateFormat() : DEF_DATE_FORMAT;
    }

    private static String dateTimeFormat(ODatabaseDocumentInternal db) {
        return db != null ? db.getStorage().getConfiguration().getDateTimeFormat() : DEF_DATETIME_FORMAT;
    }
}
''')
cases_of(case, GH + 'orientechnologies/orientdb/issues/272', 'core/' + src('com.orientechnologies.orient.core.util', 'ODateHelper'),
         J('com.orientechnologies.orient.core.util', [
             'com.orientechnologies.orient.core.db.ODatabaseDocumentInternal', 'java.text.DateFormat',
             'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone'])(ORIENT), [
             (1, 'java-00-orientdb-date-helper-shared-datetime-format',
              'an edit caches one SimpleDateFormat in a static field for every date-time format and parse, so '
              'concurrent queries format with a shared, unsynchronised formatter (and set its zone under each '
              'other)', 'edit'),
             (2, 'java-00-orientdb-date-helper-datetime-format-default-zone',
              'an edit drops the time zone from the date-time format, so dates are written and parsed in the JVM\'s '
              'default zone instead of the database\'s', 'edit'),
             (0, 'java-ok-00-orientdb-date-helper-format-per-call-database-zone',
              'clean: a new formatter per call, set to the database\'s time zone', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-01: TCP appender of a logging library (logback-gelf)
GELF = template('gelf-tcp-appender', r'''
/**
 * Sends GELF messages over TCP, one connection per message, retrying a failed send after a delay.
 */
public class GelfTcpAppender extends AbstractGelfAppender {
    private int connectTimeout = 15_000;
    private int reconnectInterval = 60;
    private int maxRetries = 2;
    private int retryDelay = 3_000;
    private SocketFactory socketFactory = SocketFactory.getDefault();

    @Override
    protected void appendMessage(byte[] messageToSend) {
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (sendMessage(messageToSend)) {
                return;
            }
            if (attempt == maxRetries) {
                break;
            }
            try {
                Thread.sleep(retryDelay);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                break;
1|                addWarn("Interrupted while waiting to resend a GELF message, retrying now");
            }
        }
        addError("Giving up sending a GELF message to tcp://" + getGraylogHost() + ":" + getGraylogPort());
    }

    private boolean sendMessage(byte[] messageToSend) {
01|        try (Socket socket = socketFactory.createSocket()) {
01|            socket.connect(new InetSocketAddress(getGraylogHost(), getGraylogPort()), connectTimeout);
2|        try {
2|            Socket socket = socketFactory.createSocket(); //@RES-01
2|            socket.connect(new InetSocketAddress(getGraylogHost(), getGraylogPort()), connectTimeout);
            OutputStream out = socket.getOutputStream();
            out.write(messageToSend);
            out.write(0);
            out.flush();
2|            socket.close();
            return true;
        } catch (IOException e) {
            addError("Error sending message via tcp://" + getGraylogHost() + ":" + getGraylogPort(), e);
            return false;
        }
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public void setRetryDelay(int retryDelay) {
        this.retryDelay = retryDelay;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public void setReconnectInterval(int reconnectInterval) {
        this.reconnectInterval = reconnectInterval;
    }
}
''')
cases_of(case, GH + 'osiegmar/logback-gelf/pull/45', src('de.siegmar.logbackgelf', 'GelfTcpAppender'),
         J('de.siegmar.logbackgelf', [
             'java.io.IOException', 'java.io.OutputStream', 'java.net.InetSocketAddress', 'java.net.Socket',
             'javax.net.SocketFactory'])(GELF), [
             (1, 'java-00-gelf-tcp-appender-interrupt-swallowed-in-retry-sleep',
              'an edit retries at once when the sleep between attempts is interrupted and drops the interrupt, so '
              'an application shutting down keeps its logging thread sending', 'edit'),
             (2, 'java-00-gelf-tcp-appender-socket-left-open-on-write-failure',
              'an edit closes the socket only after a successful write, so every failed send leaves a connection '
              'to Graylog open', 'edit'),
             (0, 'java-ok-00-gelf-tcp-appender-interrupt-restored-socket-closed',
              'clean: the interrupt restored and the retries ended, every socket closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: HTTP helper of an Android MVVM sample (MVVM)
MVVM = template('mvvm-http-util', r'''
/**
 * Small HTTP helper of the app: GET a URL and get the body on the main thread.
 */
public final class HttpUtil {
    private static final Handler MAIN = new Handler(Looper.getMainLooper());
02|    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
02|            .connectTimeout(15, TimeUnit.SECONDS)
02|            .readTimeout(30, TimeUnit.SECONDS)
02|            .build();

    public interface HttpCallback {
        void onSuccess(String body);

        void onError(Exception e);
    }

    private HttpUtil() {
    }

    public static void get(String url, final HttpCallback callback) {
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(15, TimeUnit.SECONDS)
1|                .readTimeout(30, TimeUnit.SECONDS)
1|                .build();
        Request request = new Request.Builder().url(url).get().build();
1|        client.newCall(request).enqueue(new Callback() {
02|        CLIENT.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                MAIN.post(() -> callback.onError(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
01|                try (Response r = response) {
01|                    if (!r.isSuccessful()) {
01|                        MAIN.post(() -> callback.onError(new IOException("HTTP " + r.code())));
01|                        return;
01|                    }
01|                    String body = r.body().string();
01|                    MAIN.post(() -> callback.onSuccess(body));
01|                } catch (IOException e) {
01|                    MAIN.post(() -> callback.onError(e));
01|                }
2|                if (!response.isSuccessful()) { //@RES-02
2|                    MAIN.post(() -> callback.onError(new IOException("HTTP " + response.code())));
2|                    return;
2|                }
2|                try {
2|                    String body = response.body().string();
2|                    MAIN.post(() -> callback.onSuccess(body));
2|                } catch (IOException e) {
2|                    MAIN.post(() -> callback.onError(e));
2|                }
            }
        });
    }
}
''')
cases_of(case, GH + 'AriaLyy/MVVM/pull/1', 'app/' + src('com.arialyy.frame.http', 'HttpUtil'),
         J('com.arialyy.frame.http', [
             'android.os.Handler', 'android.os.Looper', 'java.io.IOException', 'java.util.concurrent.TimeUnit',
             'okhttp3.Call', 'okhttp3.Callback', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(MVVM), [
             (1, 'java-00-mvvm-new-http-util-client-built-per-request',
              'a new HTTP helper builds an OkHttpClient for every GET, so each request gets its own connection pool '
              'and dispatcher threads', 'new'),
             (2, 'java-00-mvvm-new-http-util-error-response-not-closed',
              'a new HTTP helper returns on an error status without closing the response, so every failed request '
              'keeps its connection', 'new'),
             (0, 'java-ok-00-mvvm-new-http-util-shared-client-response-closed',
              'clean: a new HTTP helper with one shared client and every response closed by try-with-resources',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP client of a workflow server SDK (kestra client-sdk)
KESTRA = template('kestra-http-client', r'''
/**
 * HTTP access to the Kestra API: one pooled Apache client per SDK client.
 */
public class KestraHttpClient implements Closeable {
    private final CloseableHttpClient httpClient;
    private final String baseUrl;

    public KestraHttpClient(String baseUrl, Duration connectTimeout, Duration responseTimeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
02|                .setSocketTimeout(Timeout.of(responseTimeout))
                .build();
        RequestConfig requestConfig = RequestConfig.custom() //@{1}TMO-01
02|                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                .build();
        PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnPerRoute(20)
                .build();
        this.httpClient = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(requestConfig)
                .build();
    }

    public String get(String path) throws IOException {
        HttpGet get = new HttpGet(baseUrl + path);
        get.addHeader("Accept", "application/json");
01|        return httpClient.execute(get, response -> {
01|            if (response.getCode() >= 300) {
01|                throw new KestraApiException(response.getCode(), response.getReasonPhrase());
01|            }
01|            return EntityUtils.toString(response.getEntity());
01|        });
2|        CloseableHttpResponse response = httpClient.execute(get); //@RES-02
2|        if (response.getCode() >= 300) {
2|            throw new KestraApiException(response.getCode(), response.getReasonPhrase());
2|        }
2|        try {
2|            return EntityUtils.toString(response.getEntity());
2|        } catch (ParseException e) {
2|            throw new IOException("Unreadable answer from " + path, e);
2|        } finally {
2|            response.close();
2|        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
KESTRA_BASE = ['io.kestra.sdk.KestraApiException', 'java.io.Closeable', 'java.io.IOException', 'java.time.Duration',
               'org.apache.hc.client5.http.classic.methods.HttpGet', 'org.apache.hc.client5.http.config.ConnectionConfig',
               'org.apache.hc.client5.http.config.RequestConfig',
               'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
               'org.apache.hc.client5.http.impl.classic.HttpClients',
               'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
               'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
               'org.apache.hc.core5.http.io.entity.EntityUtils', 'org.apache.hc.core5.util.Timeout']
KESTRA_IMPORTS = {0: KESTRA_BASE, 1: KESTRA_BASE,
                  2: KESTRA_BASE + ['org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                    'org.apache.hc.core5.http.ParseException']}
cases_of(case, GH + 'kestra-io/client-sdk/issues/274', 'java-sdk/' + src('io.kestra.sdk.http', 'KestraHttpClient'),
         JV('io.kestra.sdk.http', KESTRA_IMPORTS)(KESTRA), [
             (1, 'java-00-kestra-renamed-http-client-without-response-timeout',
              'a PR renames the SDK\'s HTTP client class and builds it with a connect timeout only, so a server that '
              'accepts and never answers holds the caller\'s thread', 'rename'),
             (2, 'java-00-kestra-renamed-http-client-error-response-not-closed',
              'a PR renames the SDK\'s HTTP client class and throws on an error status before closing the response, '
              'so each API error keeps a pooled connection', 'rename'),
             (0, 'java-ok-00-kestra-renamed-http-client-timeouts-handler-closed',
              'clean: the rename alone; connect, socket and response timeouts set, every response closed by the '
              'response handler', 'rename'),
         ], rename_from='java-sdk/' + src('io.kestra.sdk.http', 'ApacheHttpClientFactory'),
         rename_old=lambda t: t.replace('KestraHttpClient', 'ApacheHttpClientFactory'))


# ---------------------------------------------------------------- CONC-04 / LOG-02: user-context filter of a microservice (spmia)
SPMIA = template('spmia-user-context-filter', r'''
/**
 * Copies the correlation, user, auth-token and organisation headers of each request into the thread's UserContext.
 */
@Component
public class UserContextFilter implements Filter {
    private static final Logger logger = LoggerFactory.getLogger(UserContextFilter.class);

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain filterChain)
            throws IOException, ServletException {
        HttpServletRequest httpServletRequest = (HttpServletRequest) servletRequest;
        UserContext context = new UserContext();
        context.setCorrelationId(httpServletRequest.getHeader(UserContext.CORRELATION_ID));
        context.setUserId(httpServletRequest.getHeader(UserContext.USER_ID));
        context.setAuthToken(httpServletRequest.getHeader(UserContext.AUTH_TOKEN));
        context.setOrgId(httpServletRequest.getHeader(UserContext.ORG_ID));
        UserContextHolder.setContext(context); //@{1}CONC-04
01|        logger.debug("UserContextFilter Correlation id: {}", context.getCorrelationId());
2|        logger.debug("UserContextFilter Correlation id: " + context.getCorrelationId()); //@LOG-02
02|        try {
02|            filterChain.doFilter(httpServletRequest, servletResponse);
02|        } finally {
02|            UserContextHolder.clear();
02|        }
1|        filterChain.doFilter(httpServletRequest, servletResponse);
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
''')
cases_of(case, GH + 'carnellj/spmia-chapter5/issues/4', 'licensing-service/' + src('com.thoughtmechanix.licenses.utils', 'UserContextFilter'),
         J('com.thoughtmechanix.licenses.utils', SLF4J + [
             'java.io.IOException', 'javax.servlet.Filter', 'javax.servlet.FilterChain', 'javax.servlet.FilterConfig',
             'javax.servlet.ServletException', 'javax.servlet.ServletRequest', 'javax.servlet.ServletResponse',
             'javax.servlet.http.HttpServletRequest', 'org.springframework.stereotype.Component'])(SPMIA), [
             (1, 'java-00-spmia-user-context-filter-context-left-on-thread',
              'an edit stores the request\'s user context in the thread-local holder and never clears it, so the '
              'next request on the pooled thread runs with the previous caller\'s identity until it sets its own',
              'edit'),
             (2, 'java-00-spmia-user-context-filter-debug-line-concatenated',
              'an edit concatenates the correlation id into the per-request debug line, so the string is built on '
              'every request with debug off', 'edit'),
             (0, 'java-ok-00-spmia-user-context-filter-context-cleared-parameterised-debug',
              'clean: the context cleared in a finally after the chain, the debug line parameterised', 'fix'),
         ])
