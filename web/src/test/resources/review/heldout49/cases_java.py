"""Round-49 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / RES-02: OkHttp client of a service platform (oap), renamed
OAP = template('oap-remote-http-client', r'''
/**
 * The HTTP client the platform's modules use to call each other: one OkHttp client, so one connection pool.
 */
public class RemoteHttpClient implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(RemoteHttpClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final Duration timeout;

    public RemoteHttpClient(Duration timeout) {
        this.timeout = timeout;
        this.client = new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .build();
    }

    public Optional<String> get(String url, Map<String, String> headers) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        headers.forEach(request::header);
1|        OkHttpClient perCall = new OkHttpClient.Builder() //@RES-04
1|            .connectTimeout(timeout)
1|            .readTimeout(timeout)
1|            .build();
1|        try (Response response = perCall.newCall(request.build()).execute()) {
02|        try (Response response = client.newCall(request.build()).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw new IOException("GET " + url + " answered " + response.code());
            }
            return Optional.of(response.body().string());
        }
    }

    public int post(String url, String json) throws IOException {
        Request request = new Request.Builder()
            .url(url)
            .post(RequestBody.create(json, JSON))
            .build();
01|        try (Response response = client.newCall(request).execute()) {
01|            log.trace("POST {} -> {}", url, response.code());
01|            return response.code();
01|        }
2|        Response response = client.newCall(request).execute(); //@RES-02
2|        log.trace("POST {} -> {}", url, response.code());
2|        return response.code();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
''')
cases_of(case, GH + 'oaplatform/oap/pull/202', 'oap-http/' + src('oap.http', 'RemoteHttpClient'),
         J('oap.http', SLF4J + ['java.io.Closeable', 'java.io.IOException', 'java.time.Duration', 'java.util.Map',
                                'java.util.Optional', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                                'okhttp3.RequestBody', 'okhttp3.Response'])(OAP), [
             (1, 'java-00-oap-renamed-client-built-per-get',
              'a PR renames the platform\'s HTTP client and builds a new OkHttp client for every GET, each with its '
              'own connection pool and dispatcher threads', 'rename'),
             (2, 'java-00-oap-renamed-client-post-response-never-closed',
              'a PR renames the platform\'s HTTP client and reads only the status of each POST answer without '
              'closing it, so every POST leaks its connection', 'rename'),
             (0, 'java-ok-00-oap-renamed-client-shared-responses-closed',
              'clean: the rename alone; one shared OkHttp client, every answer closed by try-with-resources', 'rename'),
         ], rename_from='oap-http/' + src('oap.http', 'Client'),
         rename_old=lambda t: t.replace('RemoteHttpClient', 'Client'))


# ---------------------------------------------------------------- RES-01 / ERR-01: MySQL proxy manager of a rate limiter (bucket4j), new file
BUCKET4J = template('bucket4j-mysql-proxy-manager', r'''
/**
 * Keeps the state of every bucket in one MySQL table, row-locked with SELECT ... FOR UPDATE.
 */
public class MySQLSelectForUpdateProxyManager<K> extends AbstractSelectForUpdateBasedProxyManager<K> {

    private final DataSource dataSource;
    private final SQLProxyConfiguration<K> configuration;
    private final String removeSqlQuery;
    private final String selectSqlQuery;

    public MySQLSelectForUpdateProxyManager(SQLProxyConfiguration<K> configuration) {
        super(configuration.getClientSideConfig());
        this.dataSource = Objects.requireNonNull(configuration.getDataSource());
        this.configuration = configuration;
        this.removeSqlQuery = MessageFormat.format("DELETE FROM {0} WHERE {1} = ?",
            configuration.getTableName(), configuration.getIdName());
        this.selectSqlQuery = MessageFormat.format("SELECT {0} FROM {1} WHERE {2} = ?",
            configuration.getStateName(), configuration.getTableName(), configuration.getIdName());
    }

    @Override
    public void removeProxy(K key) {
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement removeStatement = connection.prepareStatement(removeSqlQuery)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement removeStatement = connection.prepareStatement(removeSqlQuery);
            configuration.getPrimaryKeyMapper().set(removeStatement, 1, key);
            removeStatement.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public Optional<BucketConfiguration> getProxyConfiguration(K key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement selectStatement = connection.prepareStatement(selectSqlQuery)) {
            configuration.getPrimaryKeyMapper().set(selectStatement, 1, key);
            try (ResultSet rs = selectStatement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] state = rs.getBytes(configuration.getStateName());
                return Optional.ofNullable(state).map(bytes -> deserializeState(bytes).getConfiguration());
            }
01|        } catch (SQLException e) {
01|            throw new BucketExceptions.BucketExecutionException(e);
01|        }
2|        } catch (SQLException e) { //@ERR-01
2|            return Optional.empty();
2|        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return false;
    }
}
''')
cases_of(case, GH + 'bucket4j/bucket4j/issues/246',
         'bucket4j-mysql/' + src('io.github.bucket4j.mysql', 'MySQLSelectForUpdateProxyManager'),
         J('io.github.bucket4j.mysql', [
             'io.github.bucket4j.BucketConfiguration', 'io.github.bucket4j.BucketExceptions',
             'io.github.bucket4j.distributed.jdbc.SQLProxyConfiguration',
             'io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager',
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.text.MessageFormat', 'java.util.Objects', 'java.util.Optional', 'javax.sql.DataSource'])(BUCKET4J), [
             (1, 'java-00-bucket4j-new-mysql-manager-remove-leaks-connection',
              'a new MySQL proxy manager removes a bucket on a pooled connection and statement it never closes, so '
              'every removal keeps one connection out of the pool', 'new'),
             (2, 'java-00-bucket4j-new-mysql-manager-read-failure-swallowed',
              'a new MySQL proxy manager answers a failed configuration read with "no bucket", so a database outage '
              'silently resets every rate limit', 'new'),
             (0, 'java-ok-00-bucket4j-new-mysql-manager-closed-failures-thrown',
              'clean: a new MySQL proxy manager closing every connection by try-with-resources and rethrowing '
              'database failures', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: batch writer of a Kafka Connect JDBC sink (kafka-connect-jdbc-sink)
JDBCSINK = template('kafka-connect-jdbc-sink-writer', r'''
/**
 * Writes each batch of sink records into its table in one transaction.
 */
public class JDBCWriter implements IDataSinkWriter {
    private static final Logger logger = LoggerFactory.getLogger(JDBCWriter.class);

    private final DataSource dataSource;
    private final DatabaseType databaseType;

    public JDBCWriter(DataSource dataSource, DatabaseType databaseType) {
        this.dataSource = dataSource;
        this.databaseType = databaseType;
    }

    @Override
    public void insert(String tableName, Collection<SinkRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Schema schema = records.iterator().next().valueSchema();
        String sql = databaseType.insertStatement(tableName, schema);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
02|            try (PreparedStatement statement = connection.prepareStatement(sql)) {
1|            PreparedStatement statement = connection.prepareStatement(sql); //@RES-01
1|            try {
                for (SinkRecord record : records) {
                    Struct value = (Struct) record.value();
                    int index = 1;
                    for (Field field : schema.fields()) {
                        statement.setObject(index++, value.get(field));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
                logger.debug("Inserted {} records into {}", records.size(), tableName);
            } catch (SQLException e) { //@{2}TX-01
01|                connection.rollback();
                logger.error("Failed to insert {} records into {}", records.size(), tableName, e);
                throw e;
            }
        }
    }
}
''')
cases_of(case, GH + 'ibm-messaging/kafka-connect-jdbc-sink/pull/36', src('com.ibm.eventstreams.connect.jdbcsink.database.writer', 'JDBCWriter'),
         J('com.ibm.eventstreams.connect.jdbcsink.database.writer', SLF4J + [
             'com.ibm.eventstreams.connect.jdbcsink.database.DatabaseType', 'java.sql.Connection',
             'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Collection', 'javax.sql.DataSource',
             'org.apache.kafka.connect.data.Field', 'org.apache.kafka.connect.data.Schema',
             'org.apache.kafka.connect.data.Struct', 'org.apache.kafka.connect.sink.SinkRecord'])(JDBCSINK), [
             (1, 'java-00-jdbc-sink-batch-statement-never-closed',
              'an edit prepares each batch\'s insert outside try-with-resources and never closes it, so the sink '
              'task\'s heap fills with statements until it dies', 'edit'),
             (2, 'java-00-jdbc-sink-failed-batch-not-rolled-back',
              'an edit rethrows a failed batch without rolling it back, so the pooled connection goes back with '
              'half a batch pending in its transaction', 'edit'),
             (0, 'java-ok-00-jdbc-sink-statement-closed-batch-rolled-back',
              'clean: the fix closes each batch statement by try-with-resources; a failed batch rolls back', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-02: change event sink of a Debezium JDBC connector (debezium-connector-jdbc)
DEBEZIUM = template('debezium-jdbc-change-event-sink', r'''
    private void flushBuffer(TableId tableId, List<JdbcSinkRecord> toFlush) {
        Stopwatch flushBufferStopwatch = Stopwatch.reusable();
        Stopwatch tableChangesStopwatch = Stopwatch.reusable();
        if (!toFlush.isEmpty()) {
01|            LOGGER.debug("Flushing {} records in JDBC Writer for table: {}", toFlush.size(), tableId.getTableName());
2|            LOGGER.debug("Flushing " + toFlush.size() + " records in JDBC Writer for table: " + tableId.getTableName()); //@LOG-02
            final Transaction transaction = session.beginTransaction();
            try {
                tableChangesStopwatch.start();
                final TableDescriptor table = checkAndApplyTableChangesIfNeeded(tableId, toFlush.get(0));
                tableChangesStopwatch.stop();
                final String sqlStatement = getSqlStatement(table, toFlush.get(0));
                flushBufferStopwatch.start();
                recordWriter.write(toFlush, sqlStatement);
                flushBufferStopwatch.stop();
                transaction.commit();
            }
            catch (Exception e) { //@{1}TX-01
02|                transaction.rollback();
                throw new ConnectException("Failed to process a sink record", e);
            }
            LOGGER.trace("[PERF] Flush buffer execution time {}", flushBufferStopwatch.durations());
            LOGGER.trace("[PERF] Table changes execution time {}", tableChangesStopwatch.durations());
        }
    }
''')
DEBEZIUM_CLASS = r'''
/**
 * The sink's side of a change stream: buffers records per table and flushes each buffer in one transaction.
 */
public class JdbcChangeEventSink implements ChangeEventSink {
    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcChangeEventSink.class);

    private final JdbcSinkConnectorConfig config;
    private final DatabaseDialect dialect;
    private final StatelessSession session;
    private final RecordWriter recordWriter;

    public JdbcChangeEventSink(JdbcSinkConnectorConfig config, StatelessSession session, DatabaseDialect dialect, RecordWriter recordWriter) {
        this.config = config;
        this.dialect = dialect;
        this.session = session;
        this.recordWriter = recordWriter;
    }
%s
    private String getSqlStatement(TableDescriptor table, JdbcSinkRecord record) {
        if (!record.isDelete()) {
            return dialect.getUpsertStatement(table, record);
        }
        return dialect.getDeleteStatement(table, record);
    }
}
'''
cases_of(case, GH + 'debezium/debezium-connector-jdbc/pull/44', src('io.debezium.connector.jdbc', 'JdbcChangeEventSink'),
         J('io.debezium.connector.jdbc', SLF4J + [
             'io.debezium.connector.jdbc.dialect.DatabaseDialect', 'io.debezium.connector.jdbc.relational.TableDescriptor',
             'io.debezium.util.Stopwatch', 'java.util.List', 'org.apache.kafka.connect.errors.ConnectException',
             'org.hibernate.StatelessSession', 'org.hibernate.Transaction'])(DEBEZIUM_CLASS % DEBEZIUM), [
             (1, 'java-00-debezium-jdbc-failed-flush-not-rolled-back',
              'an edit rethrows a failed buffer flush without rolling its transaction back, so the session\'s '
              'connection stays inside a half-written transaction', 'edit'),
             (2, 'java-00-debezium-jdbc-flush-debug-log-concatenated',
              'an edit builds the per-flush debug line by string concatenation, paid on every flush with debug '
              'logging off', 'edit'),
             (0, 'java-ok-00-debezium-jdbc-flush-rolled-back-parameterised',
              'clean: the fix rolls a failed flush back; the debug line is parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-04: generic DAO of a cloud platform (cloudstack)
CLOUDSTACK = template('cloudstack-generic-dao', r'''
    private static final ThreadLocal<Boolean> s_bypassCache = new ThreadLocal<>();

    @Override
    @DB()
    public boolean remove(final ID id) {
        final TransactionLegacy txn = TransactionLegacy.currentTxn();
        PreparedStatement pstmt = null;
        try {
            txn.start();
            final String sql = _removeSql.first();
            pstmt = txn.prepareAutoCloseStatement(sql);
            final Attribute[] attrs = _removeSql.second();
            pstmt.setObject(1, _removed == null ? null : DateUtil.getDateDisplayString(s_gmtTimeZone, new Date()));
            prepareAttribute(2, pstmt, attrs[0], id);
            final int result = pstmt.executeUpdate();
            txn.commit();
            if (_cache != null) {
                _cache.remove(id);
            }
            return result > 0;
        } catch (final SQLException e) { //@{1}TX-01
02|            txn.rollback();
            throw new CloudRuntimeException("DB Exception on: " + pstmt, e);
        }
    }

    @Override
    public List<T> listIncludingRemovedBy(final SearchCriteria<T> sc, final boolean bypassCache) {
        s_bypassCache.set(bypassCache); //@{2}CONC-04
01|        try {
01|            return searchIncludingRemoved(sc, null, null, false);
01|        } finally {
01|            s_bypassCache.remove();
01|        }
2|        return searchIncludingRemoved(sc, null, null, false);
    }
''')
CLOUDSTACK_CLASS = r'''
/**
 * The base of every DAO: builds its SQL from the entity's annotations and runs it on the thread's transaction.
 */
public abstract class GenericDaoBase<T, ID extends Serializable> extends ComponentLifecycleBase implements GenericDao<T, ID> {
    protected static final Logger LOGGER = LogManager.getLogger(GenericDaoBase.class);
    protected static final TimeZone s_gmtTimeZone = TimeZone.getTimeZone("GMT");

    protected Pair<String, Attribute[]> _removeSql;
    protected Attribute _removed;
    protected Cache _cache;
%s
    protected abstract List<T> searchIncludingRemoved(SearchCriteria<T> sc, Filter filter, Boolean lock, boolean cache);

    protected abstract void prepareAttribute(int j, PreparedStatement pstmt, Attribute attr, Object value) throws SQLException;
}
'''
cases_of(case, GH + 'apache/cloudstack/pull/13926', 'framework/db/' + src('com.cloud.utils.db', 'GenericDaoBase'),
         J('com.cloud.utils.db', [
             'com.cloud.utils.DateUtil', 'com.cloud.utils.Pair', 'com.cloud.utils.component.ComponentLifecycleBase',
             'com.cloud.utils.exception.CloudRuntimeException', 'java.io.Serializable', 'java.sql.PreparedStatement',
             'java.sql.SQLException', 'java.util.Date', 'java.util.List', 'java.util.TimeZone',
             'net.sf.ehcache.Cache', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(
             CLOUDSTACK_CLASS % CLOUDSTACK), [
             (1, 'java-00-cloudstack-dao-remove-not-rolled-back',
              'an edit rethrows a failed remove without rolling back the transaction it started, so the caller\'s '
              'later commit silently discards its own changes', 'edit'),
             (2, 'java-00-cloudstack-dao-bypass-cache-flag-left-on-thread',
              'an edit sets the thread\'s bypass-cache flag for one listing and never removes it, so the pooled '
              'thread\'s next request inherits it', 'edit'),
             (0, 'java-ok-00-cloudstack-dao-remove-rolled-back-flag-removed',
              'clean: the fix rolls a failed remove back; the thread-local flag is removed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: task run creation of a data scheduler (kun-scheduler)
KUN_IMPORTS = {
    v: SLF4J + ['com.miotech.kun.workflow.core.model.task.Task', 'com.miotech.kun.workflow.core.model.taskrun.TaskRun',
                'com.miotech.kun.workflow.core.model.taskrun.TaskRunStatus', 'com.miotech.kun.workflow.common.taskrun.dao.TaskRunDao',
                'com.miotech.kun.workflow.utils.IdGenerator', 'java.time.OffsetDateTime', 'java.time.ZoneOffset',
                'java.util.List', 'java.util.stream.Collectors', 'javax.inject.Inject', 'javax.inject.Singleton']
       + (['java.time.format.DateTimeFormatter'] if v in (0, 1) else
          ['java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone'])
    for v in (0, 1, 2)}
KUN = template('kun-scheduler-task-run-factory', r'''
/**
 * Creates the task runs of one scheduling tick.
 */
@Singleton
public class TaskRunFactory {
    private static final Logger logger = LoggerFactory.getLogger(TaskRunFactory.class);
01|    private static final DateTimeFormatter TICK_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
2|    private static final SimpleDateFormat TICK_FORMAT = utcFormat("yyyyMMddHHmm"); //@CONC-03

    private final TaskRunDao taskRunDao;
    private final IdGenerator idGenerator;

    @Inject
    public TaskRunFactory(TaskRunDao taskRunDao, IdGenerator idGenerator) {
        this.taskRunDao = taskRunDao;
        this.idGenerator = idGenerator;
    }

    public List<TaskRun> createTaskRuns(List<Task> tasks) {
02|        OffsetDateTime scheduledAt = OffsetDateTime.now(ZoneOffset.UTC);
1|        OffsetDateTime scheduledAt = OffsetDateTime.now(); //@TIME-01
01|        String tick = TICK_FORMAT.format(scheduledAt);
2|        String tick = TICK_FORMAT.format(Date.from(scheduledAt.toInstant()));
        List<TaskRun> runs = tasks.stream()
            .map(task -> TaskRun.newBuilder()
                .withId(idGenerator.nextId())
                .withTask(task)
                .withScheduledTick(tick)
                .withStatus(TaskRunStatus.CREATED)
                .withQueuedAt(scheduledAt)
                .build())
            .collect(Collectors.toList());
        taskRunDao.createTaskRuns(runs);
        logger.debug("Created {} task runs for tick {}", runs.size(), tick);
        return runs;
    }
2|
2|    private static SimpleDateFormat utcFormat(String pattern) {
2|        SimpleDateFormat format = new SimpleDateFormat(pattern);
2|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
2|        return format;
2|    }
}
''')
cases_of(case, GH + 'miotech/kun-scheduler/pull/647',
         'kun-workflow/kun-workflow-scheduler/' + src('com.miotech.kun.workflow.scheduler', 'TaskRunFactory'),
         JV('com.miotech.kun.workflow.scheduler', KUN_IMPORTS)(KUN), [
             (1, 'java-00-kun-scheduler-runs-queued-in-host-zone',
              'an edit takes each tick\'s time in the server\'s default zone, so a scheduler outside UTC queues runs '
              'at offsets that the UTC ticks no longer match', 'edit'),
             (2, 'java-00-kun-scheduler-shared-tick-formatter',
              'an edit formats the tick with one static SimpleDateFormat shared by every scheduling thread, so two '
              'ticks formatted at once corrupt each other', 'edit'),
             (0, 'java-ok-00-kun-scheduler-utc-tick-immutable-formatter',
              'clean: the fix takes the tick\'s time in UTC; the formatter is the immutable DateTimeFormatter', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: server checker of a game proxy plugin (BungeeCord), CRLF
BUNGEE = template('bungeecord-server-checker', r'''
/**
 * Pings every backend server on a schedule and keeps the lobby's list of online servers.
 */
public class ServerChecker {
    private final Plugin plugin;
    private final long intervalSeconds;
    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private ScheduledTask task;

    public ServerChecker(Plugin plugin, long intervalSeconds) {
        this.plugin = plugin;
        this.intervalSeconds = intervalSeconds;
    }

    public void start() {
02|        task = plugin.getProxy().getScheduler().schedule(plugin, this::checkServersSafely, 5, intervalSeconds, TimeUnit.SECONDS);
1|        task = plugin.getProxy().getScheduler().schedule(plugin, this::checkServers, 5, intervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    public void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    public boolean isOnline(String server) {
        return online.getOrDefault(server, false);
    }
02|
02|    private void checkServersSafely() {
02|        try {
02|            checkServers();
02|        } catch (Throwable t) {
02|            plugin.getLogger().log(Level.WARNING, "Checking the servers failed, next check as scheduled", t);
02|        }
02|    }

    private void checkServers() {
        for (ServerInfo server : plugin.getProxy().getServers().values()) {
            server.ping((result, error) -> {
2|                plugin.getLogger().log(Level.INFO, "Ping result of {0}: {1}", new Object[] {server.getName(), result}); //@LOG-01
                boolean up = error == null && result != null;
                Boolean before = online.put(server.getName(), up);
                if (before != null && before != up) {
                    plugin.getLogger().info("Server " + server.getName() + " is now " + (up ? "online" : "offline"));
                }
            });
        }
    }
}
''')
cases_of(case, GH + 'SpigotMC/BungeeCord/issues/1718', src('net.md_5.serverchecker', 'ServerChecker'),
         J('net.md_5.serverchecker', [
             'java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.TimeUnit',
             'java.util.logging.Level', 'net.md_5.bungee.api.config.ServerInfo', 'net.md_5.bungee.api.plugin.Plugin',
             'net.md_5.bungee.api.scheduler.ScheduledTask'])(BUNGEE), [
             (1, 'java-00-bungeecord-server-check-scheduled-outside-catch',
              'an edit schedules the server check without its catch-all wrapper, so the first exception a check '
              'throws stops the lobby\'s server list from ever updating again', 'edit'),
             (2, 'java-00-bungeecord-every-ping-logged',
              'an edit logs every ping of every backend at INFO, so a network of many servers fills the proxy log '
              'every few seconds', 'edit'),
             (0, 'java-ok-00-bungeecord-server-check-guarded-quiet',
              'clean: the fix wraps the scheduled check in a catch-all; only changes of state are logged', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / CONC-05: job order consumer of a workflow launcher (consonance)
CONSONANCE = template('consonance-job-order-consumer', r'''
/**
 * Takes job orders off the coordinator's queue and hands each to the provisioner.
 */
public class JobOrderConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobOrderConsumer.class);
    private static final long POLL_MILLIS = 5_000;

    private final Channel channel;
    private final QueueingConsumer consumer;
    private final Provisioner provisioner;

    public JobOrderConsumer(Channel channel, String queueName, Provisioner provisioner) throws IOException {
        this.channel = channel;
        this.consumer = new QueueingConsumer(channel);
        this.provisioner = provisioner;
        channel.basicConsume(queueName, false, consumer);
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                QueueingConsumer.Delivery delivery = consumer.nextDelivery(POLL_MILLIS);
                if (delivery == null) {
                    continue;
                }
                String message = new String(delivery.getBody(), StandardCharsets.UTF_8);
02|                LOG.debug("Received job order {}", message);
1|                LOG.info("Received job order {}", message); //@LOG-01
                Job job = new Job().fromJSON(message);
                provisioner.provision(job);
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                LOG.info("Job order consumer interrupted, stopping");
2|                LOG.warn("Interrupted while waiting for job orders, waiting again");
            } catch (IOException e) {
                LOG.error("Could not process a job order", e);
            }
        }
    }
}
''')
cases_of(case, GH + 'Consonance/consonance/pull/100', 'consonance-arch/' + src('io.consonance.arch.coordinator', 'JobOrderConsumer'),
         J('io.consonance.arch.coordinator', SLF4J + [
             'com.rabbitmq.client.Channel', 'com.rabbitmq.client.QueueingConsumer', 'io.consonance.arch.beans.Job',
             'io.consonance.arch.provision.Provisioner', 'java.io.IOException',
             'java.nio.charset.StandardCharsets'])(CONSONANCE), [
             (1, 'java-00-consonance-every-job-order-logged-at-info',
              'an edit logs every job order\'s full JSON at INFO, so a busy coordinator writes megabytes of orders '
              'to its log', 'edit'),
             (2, 'java-00-consonance-consumer-interrupt-swallowed',
              'an edit catches the interruption of the consumer\'s wait and waits again without restoring the flag, '
              'so the coordinator never shuts its consumer down', 'edit'),
             (0, 'java-ok-00-consonance-orders-at-debug-interrupt-restored',
              'clean: the fix logs job orders at DEBUG; an interrupted consumer restores the flag and stops', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: tip solidifier thread of a ledger node (iri)
IRI = template('iri-tip-solidifier', r'''
/**
 * Rescans the node's tips in the background and drops the ones that can no longer become solid.
 */
public class TipsSolidifier {
    private static final Logger log = LoggerFactory.getLogger(TipsSolidifier.class);
    private static final int RESCAN_TIP_INTERVAL = 750;

    private final TipsViewModel tipsViewModel;
    private final TransactionValidator transactionValidator;
    private volatile boolean shuttingDown;
    private Thread solidityRescanHandle;

    public TipsSolidifier(TipsViewModel tipsViewModel, TransactionValidator transactionValidator) {
        this.tipsViewModel = tipsViewModel;
        this.transactionValidator = transactionValidator;
    }

    public void init() {
        solidityRescanHandle = new Thread(this::rescanLoop, "Tip Solidity Rescan"); //@{2}CONC-01
01|        solidityRescanHandle.setUncaughtExceptionHandler((t, e) -> log.error("Tip solidity rescan stopped", e));
        solidityRescanHandle.start();
    }

    private void rescanLoop() {
        while (!shuttingDown) {
            try {
                scanTipsForSolidity();
            } catch (Exception e) {
                log.error("Error during solidity scan", e);
            }
            try {
                Thread.sleep(RESCAN_TIP_INTERVAL);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return;
1|                log.debug("Tip solidity rescan sleep interrupted");
            }
        }
    }

    private void scanTipsForSolidity() throws Exception {
        int size = tipsViewModel.nonSolidSize();
        if (size == 0) {
            return;
        }
        Hash hash = tipsViewModel.getRandomNonSolidTipHash();
        if (hash != null && transactionValidator.checkSolidity(hash, false)) {
            tipsViewModel.setSolid(hash);
        }
    }

    public void shutdown() throws InterruptedException {
        shuttingDown = true;
        solidityRescanHandle.interrupt();
        solidityRescanHandle.join();
    }
}
''')
cases_of(case, GH + 'iotaledger-archive/iri/pull/605', src('com.iota.iri.service.tipselection.impl', 'TipsSolidifier'),
         J('com.iota.iri.service.tipselection.impl', SLF4J + [
             'com.iota.iri.TransactionValidator', 'com.iota.iri.controllers.TipsViewModel',
             'com.iota.iri.model.Hash'])(IRI), [
             (1, 'java-00-iri-solidifier-sleep-interrupt-swallowed',
              'an edit logs an interrupted rescan sleep and loops on without the flag, so shutting the node down '
              'leaves the solidifier spinning and the join never returns', 'edit'),
             (2, 'java-00-iri-solidifier-thread-without-handler',
              'an edit starts the rescan thread without its uncaught-exception handler, so an error that escapes '
              'the loop kills tip solidification with nothing in the node\'s log', 'edit'),
             (0, 'java-ok-00-iri-solidifier-handled-interrupt-restored',
              'clean: the fix restores the interrupt flag and stops; the thread has its handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-02: reader pool of a CI agent channel hub (jenkins remoting)
REMOTING = template('remoting-nio-channel-hub-readers', r'''
/**
 * Reads packets of every agent channel on one selector thread and hands each to the channel's reader pool.
 */
public class NioChannelHub implements Runnable, Closeable {
    private static final Logger LOGGER = Logger.getLogger(NioChannelHub.class.getName());
    private static final int MAX_READERS = 16;
    private static final int READ_QUEUE_CAPACITY = 1024;

    private final Selector selector;
    private final ThreadPoolExecutor readExecutor;

    public NioChannelHub(Selector selector) {
        this.selector = selector;
02|        this.readExecutor = new ThreadPoolExecutor(2, MAX_READERS, 60, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(READ_QUEUE_CAPACITY), new NamedThreadFactory("NioChannelHub reader"),
02|                new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.readExecutor = new ThreadPoolExecutor(2, MAX_READERS, 60, TimeUnit.SECONDS,
1|                new LinkedBlockingQueue<>(), new NamedThreadFactory("NioChannelHub reader")); //@CONC-02
    }

    void onPacket(NioTransport transport, byte[] packet) {
        if (transport.isClosed()) {
            LOGGER.log(Level.FINE, "Dropping a packet for the closed channel {0}", transport.getName());
            return;
        }
01|        readExecutor.execute(() -> transport.receive(packet));
2|        readExecutor.submit(() -> transport.receive(packet)); //@CONC-06
    }

    @Override
    public void run() {
        while (selector.isOpen()) {
            try {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    NioTransport transport = (NioTransport) key.attachment();
                    byte[] packet = transport.readPacket(key);
                    if (packet != null) {
                        onPacket(transport, packet);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Failed to select on the channel hub", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        readExecutor.shutdown();
        selector.close();
    }
}
''')
cases_of(case, GH + 'jenkinsci/remoting/pull/156', src('org.jenkinsci.remoting.nio', 'NioChannelHub'),
         J('org.jenkinsci.remoting.nio', [
             'hudson.remoting.NamedThreadFactory', 'java.io.Closeable', 'java.io.IOException',
             'java.nio.channels.SelectionKey', 'java.nio.channels.Selector',
             'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.LinkedBlockingQueue',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
             'java.util.logging.Level', 'java.util.logging.Logger'])(REMOTING), [
             (1, 'java-00-remoting-reader-pool-unbounded-queue',
              'an edit gives the channel hub\'s reader pool an unbounded queue, so a flood of agent packets queues '
              'without limit and the pool never grows past its core threads', 'edit'),
             (2, 'java-00-remoting-packet-reader-future-dropped',
              'an edit submits each packet\'s read and drops the future, so an error while reading a packet '
              'vanishes instead of reaching the pool\'s uncaught handler', 'edit'),
             (0, 'java-ok-00-remoting-bounded-reader-pool-executed',
              'clean: the fix bounds the reader queue with back-pressure; packets are run with execute', 'fix'),
         ])
