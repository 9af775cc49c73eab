"""Round-46 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-07 / ERR-01: batching JDBC sink of a stream processor (flink-connector-jdbc)
FLINK = template('flink-jdbc-output-format', r'''
/**
 * Writes records to a database in batches: a batch is flushed when it is full, when the flush interval passes and when
 * the task closes. A failed background flush is kept and thrown by the next write, so the job fails over.
 */
public class JdbcOutputFormat<In, JdbcIn, JdbcExec extends JdbcBatchStatementExecutor<JdbcIn>> implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutputFormat.class);

    private final JdbcConnectionProvider connectionProvider;
    private final JdbcExecutionOptions executionOptions;
    private final StatementExecutorFactory<JdbcExec> statementExecutorFactory;

    private transient JdbcExec jdbcStatementExecutor;
    private transient int batchCount = 0;
    private transient volatile boolean closed = false;
    private transient ScheduledExecutorService scheduler;
    private transient ScheduledFuture<?> scheduledFuture;
    private transient volatile Exception flushException;

    public JdbcOutputFormat(JdbcConnectionProvider connectionProvider, JdbcExecutionOptions executionOptions,
            StatementExecutorFactory<JdbcExec> statementExecutorFactory) {
        this.connectionProvider = connectionProvider;
        this.executionOptions = executionOptions;
        this.statementExecutorFactory = statementExecutorFactory;
    }

    /** Connects, prepares the statement and, when batching by time, starts the background flush. */
    public void open(int taskNumber, int numTasks) throws IOException {
        try {
            connectionProvider.getOrEstablishConnection();
        } catch (Exception e) {
            throw new IOException("unable to open JDBC writer", e);
        }
        jdbcStatementExecutor = createAndOpenStatementExecutor(statementExecutorFactory);
        if (executionOptions.getBatchIntervalMs() != 0 && executionOptions.getBatchSize() != 1) {
            this.scheduler = Executors.newScheduledThreadPool(1, new ExecutorThreadFactory("jdbc-upsert-output-format"));
            this.scheduledFuture = this.scheduler.scheduleWithFixedDelay(() -> {
                synchronized (JdbcOutputFormat.this) {
                    if (!closed) {
02|                        try {
02|                            flush();
02|                        } catch (Exception e) {
02|                            flushException = e;
02|                        }
1|                        flush(); //@CONC-07
                    }
                }
            }, executionOptions.getBatchIntervalMs(), executionOptions.getBatchIntervalMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** Adds a record to the batch and flushes when the batch is full. */
    public final synchronized void writeRecord(In record) throws IOException {
        checkFlushException();
        try {
            addToBatch(record);
            batchCount++;
            if (executionOptions.getBatchSize() > 0 && batchCount >= executionOptions.getBatchSize()) {
                flush();
            }
        } catch (Exception e) {
            throw new IOException("Writing records to JDBC failed.", e);
        }
    }

    /** Executes the batch, retrying up to the configured number of times with a growing pause. */
    public synchronized void flush() throws IOException {
        checkFlushException();
        for (int i = 0; i <= executionOptions.getMaxRetries(); i++) {
            try {
                attemptFlush();
                batchCount = 0;
                return;
            } catch (SQLException e) {
                LOG.error("JDBC executeBatch error, retry times = {}", i, e);
                if (i >= executionOptions.getMaxRetries()) {
                    throw new IOException(e);
                }
                reconnect(e);
            }
        }
    }

    /** Stops the background flush, writes what is left and closes the statement and the connection. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (this.scheduledFuture != null) {
            scheduledFuture.cancel(false);
            this.scheduler.shutdown();
        }
        if (batchCount > 0) {
            try {
                flush();
            } catch (Exception e) { //@{2}ERR-01
01|                LOG.warn("Writing the last records to JDBC failed.", e);
01|                throw new RuntimeException("Writing records to JDBC failed.", e);
2|                // the task is closing; nothing more can be done with these records
            }
        }
        try {
            if (jdbcStatementExecutor != null) {
                jdbcStatementExecutor.closeStatements();
            }
        } catch (SQLException e) {
            LOG.warn("Close JDBC writer failed.", e);
        }
        connectionProvider.closeConnection();
        checkFlushException();
    }

    private void checkFlushException() {
        if (flushException != null) {
            throw new RuntimeException("Writing records to JDBC failed.", flushException);
        }
    }
}
''')
cases_of(case, GH + 'apache/flink-connector-jdbc/pull/77',
         'flink-connector-jdbc/' + src('org.apache.flink.connector.jdbc.internal', 'JdbcOutputFormat'),
         J('org.apache.flink.connector.jdbc.internal', SLF4J + [
             'java.io.Closeable', 'java.io.IOException', 'java.sql.SQLException',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'org.apache.flink.connector.jdbc.JdbcExecutionOptions',
             'org.apache.flink.connector.jdbc.internal.connection.JdbcConnectionProvider',
             'org.apache.flink.connector.jdbc.internal.executor.JdbcBatchStatementExecutor',
             'org.apache.flink.util.concurrent.ExecutorThreadFactory'])(FLINK), [
             (1, 'java-00-flink-jdbc-output-format-scheduled-flush-without-catch',
              'an edit runs the interval flush without a catch, so the first failed flush silently cancels every '
              'later one and the failure never reaches the job', 'edit'),
             (2, 'java-00-flink-jdbc-output-format-last-flush-failure-swallowed',
              'an edit swallows a failure of the last flush on close, so the records of the final batch are lost '
              'while the task finishes as successful', 'edit'),
             (0, 'java-ok-00-flink-jdbc-output-format-flush-failure-kept-close-rethrows',
              'clean: the fix keeps a failed interval flush for the next write; a failed last flush is logged and '
              'thrown', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-02: JDBC sink connector of a CDC stack (kafka-connect-jdbc)
KCJDBC = template('kafka-connect-jdbc-writer', r'''
/** Writes the records of a put() into their tables in one transaction per call. */
public class JdbcDbWriter {
    private static final Logger log = LoggerFactory.getLogger(JdbcDbWriter.class);

    private final JdbcSinkConfig config;
    private final DatabaseDialect dbDialect;
    private final DbStructure dbStructure;
    final CachedConnectionProvider cachedConnectionProvider;

    JdbcDbWriter(final JdbcSinkConfig config, DatabaseDialect dbDialect, DbStructure dbStructure) {
        this.config = config;
        this.dbDialect = dbDialect;
        this.dbStructure = dbStructure;
        this.cachedConnectionProvider = connectionProvider(config.connectionAttempts, config.connectionBackoffMs);
    }

    /** Buffers the records by table, flushes every buffer and commits; on failure nothing of the call is kept. */
    void write(final Collection<SinkRecord> records) throws SQLException, TableAlterOrCreateException {
        final Connection connection = cachedConnectionProvider.getConnection();
        try {
            final Map<TableId, BufferedRecords> bufferByTable = new HashMap<>();
            for (SinkRecord record : records) {
                final TableId tableId = destinationTable(record.topic());
                BufferedRecords buffer = bufferByTable.get(tableId);
                if (buffer == null) {
                    buffer = new BufferedRecords(config, tableId, dbDialect, dbStructure, connection);
                    bufferByTable.put(tableId, buffer);
                }
                buffer.add(record);
            }
            for (Map.Entry<TableId, BufferedRecords> entry : bufferByTable.entrySet()) {
                TableId tableId = entry.getKey();
                BufferedRecords buffer = entry.getValue();
01|                log.debug("Flushing records in JDBC Writer for table ID: {}", tableId);
2|                log.debug("Flushing " + records.size() + " records in JDBC Writer for table ID: " + tableId); //@LOG-02
                buffer.flush();
                buffer.close();
            }
            connection.commit();
        } catch (SQLException | TableAlterOrCreateException e) { //@{1}TX-01
02|            try {
02|                connection.rollback();
02|            } catch (SQLException sqle) {
02|                e.addSuppressed(sqle);
02|            }
            throw e;
        }
    }

    void closeQuietly() {
        cachedConnectionProvider.close();
    }

    TableId destinationTable(String topic) {
        final String tableName = config.tableNameFormat.replace("${topic}", topic);
        if (tableName.isEmpty()) {
            throw new ConnectException(String.format(
                    "Destination table name for topic '%s' is empty using the format string '%s'",
                    topic, config.tableNameFormat));
        }
        return dbDialect.parseTableIdentifier(tableName);
    }
}
''')
cases_of(case, GH + 'confluentinc/kafka-connect-jdbc/issues/1009', src('io.confluent.connect.jdbc.sink', 'JdbcDbWriter'),
         J('io.confluent.connect.jdbc.sink', SLF4J + [
             'io.confluent.connect.jdbc.dialect.DatabaseDialect', 'io.confluent.connect.jdbc.util.CachedConnectionProvider',
             'io.confluent.connect.jdbc.util.TableId', 'java.sql.Connection', 'java.sql.SQLException',
             'java.util.Collection', 'java.util.HashMap', 'java.util.Map',
             'org.apache.kafka.connect.errors.ConnectException', 'org.apache.kafka.connect.sink.SinkRecord'])(KCJDBC), [
             (1, 'java-00-kafka-connect-jdbc-writer-failed-put-not-rolled-back',
              'an edit rethrows a failed flush without rolling back, so the statements of the failed put stay in the '
              'cached connection\'s open transaction and are committed by the next put', 'edit'),
             (2, 'java-00-kafka-connect-jdbc-writer-flush-debug-line-concatenated',
              'an edit concatenates the record count and table into the per-table debug line, so every put builds '
              'the string with debug logging off', 'edit'),
             (0, 'java-ok-00-kafka-connect-jdbc-writer-rollback-on-failure-parameterised-debug',
              'clean: the fix rolls the put back on failure (a failed rollback attached as suppressed), the debug '
              'line parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: Kafka sink task of a wide-column store (cloud-bigtable-ecosystem)
BIGTABLE = template('bigtable-sink-task', r'''
/** Writes each batch of Kafka records to Bigtable and reports every record's own outcome to the framework. */
public class BigtableSinkTask extends SinkTask {
    private static final Logger logger = LoggerFactory.getLogger(BigtableSinkTask.class);

    private BigtableSinkTaskConfig config;
    private BigtableDataClient bigtableData;
    private ErrantRecordReporter errantRecordReporter;
    private final Map<String, Batcher<RowMutationEntry, Void>> batchers = new HashMap<>();

    /** Converts the records and writes them in the configured insert mode. */
    @Override
    public void put(Collection<SinkRecord> records) {
        Map<SinkRecord, MutationData> mutations = prepareRecords(records);
        Map<SinkRecord, Future<Void>> perRecordResults = new HashMap<>();
        switch (config.getInsertMode()) {
            case INSERT:
                insertRows(mutations, perRecordResults);
                break;
            case UPSERT:
                try {
                    upsertRows(mutations, perRecordResults);
                } catch (InterruptedException e) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
                    throw new ConnectException("Upsert operation interrupted", e);
                }
                break;
        }
        handleResults(perRecordResults);
    }

    /** Inserts each row only if it does not exist yet; a row that existed is reported as an errant record. */
    private void insertRows(Map<SinkRecord, MutationData> mutations, Map<SinkRecord, Future<Void>> perRecordResults) {
        for (Map.Entry<SinkRecord, MutationData> entry : mutations.entrySet()) {
            MutationData data = entry.getValue();
            ConditionalRowMutation insert = ConditionalRowMutation.create(data.getTargetTable(), data.getRowKey())
                    .condition(Filters.FILTERS.pass())
                    .otherwise(data.getInsertMutation());
01|            perRecordResults.put(entry.getKey(), verifyInserted(bigtableData.checkAndMutateRowAsync(insert)));
2|            bigtableData.checkAndMutateRowAsync(insert); //@CONC-06
        }
    }

    /** Adds every mutation to its table's batcher and waits until the batchers sent them. */
    private void upsertRows(Map<SinkRecord, MutationData> mutations, Map<SinkRecord, Future<Void>> perRecordResults)
            throws InterruptedException {
        for (Map.Entry<SinkRecord, MutationData> entry : mutations.entrySet()) {
            MutationData data = entry.getValue();
            Batcher<RowMutationEntry, Void> batcher = getBatcherForTable(data.getTargetTable());
            perRecordResults.put(entry.getKey(), batcher.add(data.getUpsertMutationEntry()));
        }
        for (Batcher<RowMutationEntry, Void> batcher : batchers.values()) {
            batcher.flush();
        }
    }

    /** A row that already existed fails its record's future, as a failed write does. */
    private Future<Void> verifyInserted(ApiFuture<Boolean> existed) {
        return ApiFutures.transform(existed, rowExisted -> {
            if (rowExisted) {
                throw new ConnectException("Insert failed since the row already existed.");
            }
            return null;
        }, MoreExecutors.directExecutor());
    }

    private void handleResults(Map<SinkRecord, Future<Void>> perRecordResults) {
        for (Map.Entry<SinkRecord, Future<Void>> result : perRecordResults.entrySet()) {
            try {
                result.getValue().get();
            } catch (ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                reportError(result.getKey(), e);
            }
        }
    }

    private void reportError(SinkRecord record, Throwable error) {
        if (errantRecordReporter == null) {
            throw new ConnectException("Writing a record to Bigtable failed.", error);
        }
        logger.warn("Reporting record of topic {} at offset {} as errant", record.topic(), record.kafkaOffset());
        errantRecordReporter.report(record, error);
    }
}
''')
cases_of(case, GH + 'GoogleCloudPlatform/cloud-bigtable-ecosystem/pull/108',
         'kafka-connect-bigtable-sink/sink/' + src('com.google.cloud.kafka.connect.bigtable', 'BigtableSinkTask'),
         J('com.google.cloud.kafka.connect.bigtable', SLF4J + [
             'com.google.api.core.ApiFuture', 'com.google.api.core.ApiFutures', 'com.google.api.gax.batching.Batcher',
             'com.google.cloud.bigtable.data.v2.BigtableDataClient', 'com.google.cloud.bigtable.data.v2.models.ConditionalRowMutation',
             'com.google.cloud.bigtable.data.v2.models.Filters', 'com.google.cloud.bigtable.data.v2.models.RowMutationEntry',
             'com.google.cloud.kafka.connect.bigtable.config.BigtableSinkTaskConfig',
             'com.google.cloud.kafka.connect.bigtable.mapping.MutationData',
             'com.google.common.util.concurrent.MoreExecutors', 'java.util.Collection', 'java.util.HashMap',
             'java.util.Map', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
             'org.apache.kafka.connect.errors.ConnectException', 'org.apache.kafka.connect.sink.ErrantRecordReporter',
             'org.apache.kafka.connect.sink.SinkRecord', 'org.apache.kafka.connect.sink.SinkTask'])(BIGTABLE), [
             (1, 'java-00-bigtable-sink-task-upsert-interrupt-flag-dropped',
              'an edit turns an interrupted upsert into a ConnectException without restoring the interrupt flag, so '
              'the framework\'s worker thread no longer knows it was asked to stop', 'edit'),
             (2, 'java-00-bigtable-sink-task-insert-future-dropped',
              'an edit fires each conditional insert and drops its future, so failed inserts and rows that already '
              'existed are never reported and their offsets are committed', 'edit'),
             (0, 'java-ok-00-bigtable-sink-task-interrupt-restored-insert-results-kept',
              'clean: the fix restores the interrupt flag before rethrowing and keeps every insert\'s result for the '
              'per-record report', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: snapshot time formats of a table format library (iceberg)
ICEBERG = template('iceberg-snapshot-times', r'''
/**
 * Formats and parses the snapshot timestamps that table scans log and the metadata tables show. Scans are planned on
 * many threads at once, and every text is in UTC whatever the JVM's zone.
 */
public final class SnapshotTimes {
    private static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
1|    private static final SimpleDateFormat FORMAT = newFormat(); //@CONC-03

    private SnapshotTimes() {
    }

    private static SimpleDateFormat newFormat() {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT); //@{2}TIME-01
01|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        format.setLenient(false);
        return format;
    }

    /** The text of a snapshot time for a scan's log line, e.g. "2019-06-27 10:15:02.117". */
    public static String format(long timestampMillis) {
02|        return newFormat().format(new Date(timestampMillis));
1|        return FORMAT.format(new Date(timestampMillis));
    }

    /** The snapshot time of a text written by {@link #format}; used by "as of" time travel. */
    public static long parse(String text) {
        try {
02|            return newFormat().parse(text).getTime();
1|            return FORMAT.parse(text).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a snapshot time: " + text, e);
        }
    }
}
''')
cases_of(case, GH + 'apache/iceberg/pull/237', 'core/' + src('org.apache.iceberg.util', 'SnapshotTimes'),
         J('org.apache.iceberg.util', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                       'java.util.Locale', 'java.util.TimeZone'])(ICEBERG), [
             (1, 'java-00-iceberg-renamed-snapshot-times-shared-date-format',
              'a PR renames the date helper class with its file and keeps one static SimpleDateFormat for every '
              'format and parse, so scans planned on parallel threads garble each other\'s snapshot times', 'rename'),
             (2, 'java-00-iceberg-renamed-snapshot-times-format-in-default-zone',
              'a PR renames the date helper class with its file and drops the UTC zone from the formatter, so '
              'snapshot times are written and time travel is parsed in the JVM\'s default zone', 'rename'),
             (0, 'java-ok-00-iceberg-renamed-snapshot-times-utc-format-per-call',
              'clean: the rename alone; a UTC formatter made per call', 'rename'),
         ], rename_from='core/' + src('org.apache.iceberg.util', 'DateFormats'),
         rename_old=lambda t: t.replace('SnapshotTimes', 'DateFormats'))


# ---------------------------------------------------------------- CONC-02 / CONC-05: synchronization run of a directory sync tool (lsc)
LSC = template('lsc-synchronize', r'''
/**
 * Runs the synchronization of one task: lists the source identifiers and synchronizes each entry on a pool of
 * threads, then waits for the pool.
 */
public abstract class AbstractSynchronize {
    private static final Logger LOGGER = LoggerFactory.getLogger(AbstractSynchronize.class);

    /** How many listed entries may wait for a synchronization thread; the listing waits when they are all taken. */
    private static final int QUEUE_PER_THREAD = 50;

    private int threads = 5;
    private long timeLimit = 3600;

    /** Synchronizes every entry the task's source lists; returns false when any entry failed or the wait ended. */
    protected final boolean synchronize2Ldap(final Task task) {
        Set<Entry<String, LscDatasets>> ids = task.getSourceService().getListPivots().entrySet();
        if (ids.isEmpty()) {
            LOGGER.warn("Empty or non existant source (no IDs found)");
            return false;
        }
        InfoCounter counter = new InfoCounter();
02|        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(threads * QUEUE_PER_THREAD);
02|        ThreadPoolExecutor threadPool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, queue,
02|                new ThreadPoolExecutor.CallerRunsPolicy());
1|        ExecutorService threadPool = Executors.newFixedThreadPool(threads); //@CONC-02
        for (Entry<String, LscDatasets> id : ids) {
            threadPool.execute(new SynchronizeTask(task, counter, this, id, true));
        }
        threadPool.shutdown();
        try {
            while (!threadPool.awaitTermination(timeLimit, TimeUnit.SECONDS)) {
                LOGGER.info("Still synchronizing: {} of {} entries done", counter.getAllCount(), ids.size());
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            LOGGER.error("Interrupted while waiting for the synchronization threads", e);
01|            return false;
        }
        logStatus(counter);
        return counter.getCountError() == 0;
    }

    protected void logStatus(final InfoCounter counter) {
        String totalsLogMessage = "All entries: {}, to modify entries: {}, successfully modified entries: {}, errors: {}";
        if (counter.getCountError() > 0) {
            LOGGER.error(totalsLogMessage, counter.getAllCount(), counter.getCountModifiable(),
                    counter.getCountCompleted(), counter.getCountError());
        } else {
            LOGGER.warn(totalsLogMessage, counter.getAllCount(), counter.getCountModifiable(),
                    counter.getCountCompleted(), counter.getCountError());
        }
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public void setTimeLimit(long timeLimit) {
        this.timeLimit = timeLimit;
    }
}
''')
LSC_BASE = SLF4J + ['java.util.Map.Entry', 'java.util.Set', 'java.util.concurrent.TimeUnit',
                    'org.lsc.LscDatasets', 'org.lsc.Task', 'org.lsc.utils.InfoCounter']
LSC_BOUNDED = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
               'java.util.concurrent.ThreadPoolExecutor']
LSC_IMPORTS = {0: LSC_BASE + LSC_BOUNDED, 2: LSC_BASE + LSC_BOUNDED,
               1: LSC_BASE + ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors']}
cases_of(case, GH + 'lsc-project/lsc/pull/12', src('org.lsc', 'AbstractSynchronize'),
         JV('org.lsc', LSC_IMPORTS)(LSC), [
             (1, 'java-00-lsc-synchronize-fixed-pool-unbounded-queue',
              'an edit queues every listed entry on a fixed pool with an unbounded queue, so a directory of millions '
              'of entries fills the heap with waiting tasks before the threads catch up', 'edit'),
             (2, 'java-00-lsc-synchronize-interrupt-swallowed-while-waiting',
              'an edit logs an interrupted wait for the pool and carries on to the status, so a stopped '
              'synchronization drops the interrupt and reports its partial counts as the result', 'edit'),
             (0, 'java-ok-00-lsc-synchronize-bounded-pool-interrupt-restored',
              'clean: the fix bounds the waiting entries with a caller-runs queue, an interrupted wait restores the '
              'flag and fails the run', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-02: site checks of a CI server plugin (sitemonitor-plugin)
SITEMON = template('sitemonitor-recorder', r'''
/** Checks each configured site after a build and fails the build when a site answers with an unexpected code. */
public class SiteMonitorRecorder extends Recorder {
    private static final Logger LOGGER = Logger.getLogger(SiteMonitorRecorder.class.getName());

    private final List<Site> sites;

    public SiteMonitorRecorder(List<Site> sites) {
        this.sites = sites;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
        List<Result> results = new ArrayList<>();
        boolean allUp = true;
        for (Site site : sites) {
            Result result;
            try {
                int code = getResponseCode(site);
                boolean up = site.getSuccessResponseCodes().contains(code);
                result = new Result(site, code, up ? Status.UP : Status.ERROR, "");
                allUp &= up;
            } catch (IOException e) {
                LOGGER.log(Level.FINE, e, () -> "Site " + site.getUrl() + " is down");
                result = new Result(site, -1, Status.DOWN, e.getMessage());
                allUp = false;
            }
            listener.getLogger().println("[SiteMonitor] " + site.getUrl() + ": " + result.getStatus());
            results.add(result);
        }
        build.addAction(new SiteMonitorRootAction(results));
        if (!allUp) {
            build.setResult(hudson.model.Result.FAILURE);
        }
        return true;
    }

    /** Opens the site through Jenkins' proxy settings and returns the HTTP status it answers with. */
    private int getResponseCode(Site site) throws IOException {
        URL url = new URL(site.getUrl());
        HttpURLConnection connection = (HttpURLConnection) ProxyConfiguration.open(url); //@{1}TMO-01
02|        connection.setConnectTimeout(site.getTimeout() * 1000);
02|        connection.setReadTimeout(site.getTimeout() * 1000);
        if (connection instanceof HttpsURLConnection && !site.isVerifyCertificate()) {
            ((HttpsURLConnection) connection).setHostnameVerifier((host, session) -> true);
        }
        String userInfo = url.getUserInfo();
        if (userInfo != null) {
            String encoded = Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            connection.setRequestProperty("Authorization", "Basic " + encoded);
        }
01|        try {
01|            return connection.getResponseCode();
01|        } finally {
01|            connection.disconnect();
01|        }
2|        return connection.getResponseCode(); //@RES-02
    }
}
''')
cases_of(case, GH + 'jenkinsci/sitemonitor-plugin/pull/7', src('hudson.plugins.sitemonitor', 'SiteMonitorRecorder'),
         J('hudson.plugins.sitemonitor', [
             'hudson.Launcher', 'hudson.ProxyConfiguration', 'hudson.model.AbstractBuild', 'hudson.model.BuildListener',
             'hudson.plugins.sitemonitor.model.Result', 'hudson.plugins.sitemonitor.model.Site',
             'hudson.plugins.sitemonitor.model.Status', 'hudson.tasks.Recorder', 'java.io.IOException',
             'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList',
             'java.util.Base64', 'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger',
             'javax.net.ssl.HttpsURLConnection'])(SITEMON), [
             (1, 'java-00-sitemonitor-recorder-site-check-without-timeouts',
              'an edit drops the connect and read timeouts of the site check, so a site that accepts the connection '
              'and never answers stalls the build until someone restarts Jenkins', 'edit'),
             (2, 'java-00-sitemonitor-recorder-connection-not-released',
              'an edit reads the status of each site without releasing the connection, so every check leaves its '
              'socket and answer to the garbage collector', 'edit'),
             (0, 'java-ok-00-sitemonitor-recorder-timeouts-set-connection-released',
              'clean: the fix sets both timeouts from the site\'s setting and disconnects after reading the status',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: SQL data source of a machine-learning library (tribuo)
TRIBUO = template('tribuo-sql-row-source', r'''
/**
 * Reads the rows of a SQL query as string maps, column name to value, for the columnar data sources. Every read runs
 * the query on its own connection from the configuration.
 */
public final class SQLRowSource {
    private static final Logger logger = Logger.getLogger(SQLRowSource.class.getName());

    private final SQLDBConfig config;
    private final String query;

    public SQLRowSource(SQLDBConfig config, String query) {
        this.config = config;
        this.query = query;
    }

    /** Runs the query and returns every row; the data source calls this once per load. */
    public List<Map<String, String>> readRows() throws SQLException {
02|        try (Connection conn = config.getConnection();
02|             Statement stmt = conn.createStatement();
02|             ResultSet rs = stmt.executeQuery(query)) {
02|            return collect(rs);
02|        }
1|        Connection conn = config.getConnection(); //@RES-01
1|        Statement stmt = conn.createStatement();
1|        ResultSet rs = stmt.executeQuery(query);
1|        return collect(rs);
    }

    /** The column names of the query, in the order the database reports them. */
    public List<String> columnNames() {
        try (Connection conn = config.getConnection();
             PreparedStatement stmt = conn.prepareStatement(query)) {
            ResultSetMetaData meta = stmt.getMetaData();
            List<String> names = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            return names;
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Cannot read the columns of query " + query, e);
2|            return Collections.emptyList();
        }
    }

    private static List<Map<String, String>> collect(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>(columns * 2);
            for (int i = 1; i <= columns; i++) {
                row.put(meta.getColumnLabel(i), rs.getString(i));
            }
            rows.add(row);
        }
        logger.log(Level.FINE, "Read {0} rows", rows.size());
        return rows;
    }
}
''')
TRIBUO_BASE = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.ResultSetMetaData',
               'java.sql.SQLException', 'java.sql.Statement', 'java.util.ArrayList', 'java.util.LinkedHashMap',
               'java.util.List', 'java.util.Map', 'java.util.logging.Level', 'java.util.logging.Logger']
TRIBUO_IMPORTS = {0: TRIBUO_BASE, 1: TRIBUO_BASE, 2: TRIBUO_BASE + ['java.util.Collections']}
cases_of(case, GH + 'oracle/tribuo/issues/375', 'Data/' + src('org.tribuo.data.sql', 'SQLRowSource'),
         JV('org.tribuo.data.sql', TRIBUO_IMPORTS)(TRIBUO), [
             (1, 'java-00-tribuo-new-sql-row-source-connection-never-closed',
              'a new SQL row source runs its query on a connection, statement and result set it never closes, so '
              'every load leaks a connection until the database refuses more', 'new'),
             (2, 'java-00-tribuo-new-sql-row-source-column-failure-reads-as-no-columns',
              'a new SQL row source answers an empty column list when reading the columns fails, so a broken query '
              'or a lost database reads as a query without columns', 'new'),
             (0, 'java-ok-00-tribuo-new-sql-row-source-resources-closed-failure-thrown',
              'clean: a new SQL row source closing every JDBC resource by try-with-resources, a failed column read '
              'thrown', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: source readers of a stream processing runtime (mupd8)
MUPD8 = template('mupd8-source-readers', r'''
/** Starts one reader thread per configured source and restarts the readers that died. */
public class SourceReaders {
    private static final Logger LOG = LoggerFactory.getLogger(SourceReaders.class);

    private final AppRuntime runtime;
    private final Map<String, Thread> readers = new ConcurrentHashMap<>();
    private final Queue<SourceConfig> deadSources = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    public SourceReaders(AppRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts a reader for every source; a reader that dies is queued for the monitor to restart. */
    public void startAll(List<SourceConfig> sources) {
        for (SourceConfig sc : sources) {
            Thread t = new Thread(new Reader(sc), "SourceReader:" + sc.getName()); //@{1}CONC-01
02|            t.setUncaughtExceptionHandler((thread, e) -> {
02|                LOG.error("Source reader {} died; it will be restarted", thread.getName(), e);
02|                deadSources.add(sc);
02|            });
            t.setDaemon(true);
            readers.put(sc.getName(), t);
            t.start();
        }
    }

    /** Called by the monitor every few seconds. */
    public void restartDead() {
        SourceConfig sc;
        while ((sc = deadSources.poll()) != null && !stopped) {
            LOG.warn("Restarting source reader {}", sc.getName());
            startAll(List.of(sc));
        }
    }

    public void stopAll() {
        stopped = true;
        readers.values().forEach(Thread::interrupt);
    }

    /** Reads the events of one source and dispatches each to the performers of its stream. */
    private final class Reader implements Runnable {
        private final SourceConfig config;

        Reader(SourceConfig config) {
            this.config = config;
        }

        @Override
        public void run() {
            Mupd8Source source = config.open();
            try {
                while (!stopped && source.hasNext()) {
                    PerformerPacket packet = source.getNextDataObject();
2|                    LOG.info("Read event from {}: key={} bytes={}", config.getName(), packet.getKey(), packet.getEvent().length); //@LOG-01
                    runtime.dispatch(config.getStream(), packet);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.info("Source reader {} interrupted, stopping", config.getName());
            } finally {
                source.close();
            }
        }
    }
}
''')
cases_of(case, GH + 'walmartlabs/mupd8/issues/56', src('com.walmartlabs.mupd8', 'SourceReaders'),
         J('com.walmartlabs.mupd8', SLF4J + [
             'java.util.List', 'java.util.Map', 'java.util.Queue', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.ConcurrentLinkedQueue'])(MUPD8), [
             (1, 'java-00-mupd8-source-readers-reader-thread-dies-silently',
              'an edit starts each source reader thread without an uncaught-exception handler, so a reader killed by '
              'a bad event is neither logged nor restarted and its source stops flowing', 'edit'),
             (2, 'java-00-mupd8-source-readers-info-line-per-event',
              'an edit logs every event a source reads at INFO, so the runtime writes one log line per event of the '
              'stream', 'edit'),
             (0, 'java-ok-00-mupd8-source-readers-handled-threads-quiet-events',
              'clean: the fix gives each reader a handler that logs it and queues it for restart, no line per event',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-07: pull request poller of a CI server plugin (stash-pullrequest-builder-plugin)
STASH = template('stash-pull-request-poller', r'''
/** Polls Bitbucket Server for the open pull requests of every configured repository and triggers their builds. */
public class StashPullRequestPoller implements Closeable {
    private static final Logger LOGGER = Logger.getLogger(StashPullRequestPoller.class.getName());

    private final List<StashRepository> repositories;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RequestConfig requestConfig;
02|    private final CloseableHttpClient http;
    private final int intervalSeconds;

    public StashPullRequestPoller(List<StashRepository> repositories, int timeoutSeconds, int intervalSeconds) {
        this.repositories = repositories;
        this.intervalSeconds = intervalSeconds;
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(timeoutSeconds * 1000)
                .setConnectionRequestTimeout(timeoutSeconds * 1000)
                .setSocketTimeout(timeoutSeconds * 1000)
                .build();
02|        this.http = HttpClients.custom().setDefaultRequestConfig(requestConfig).build();
    }

    /** Starts polling; the first poll runs at once. */
    public void start() {
01|        scheduler.scheduleWithFixedDelay(this::pollAllSafely, 0, intervalSeconds, TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::pollAll, 0, intervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }

01|    private void pollAllSafely() {
01|        try {
01|            pollAll();
01|        } catch (RuntimeException e) {
01|            LOGGER.log(Level.WARNING, "Polling Bitbucket Server failed; trying again next interval", e);
01|        }
01|    }
01|
    private void pollAll() {
        for (StashRepository repository : repositories) {
            try {
                for (StashPullRequest pr : fetchOpen(repository)) {
                    repository.triggerIfUpdated(pr);
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, e, () -> "Cannot list the pull requests of " + repository.getName());
            }
        }
    }

    private List<StashPullRequest> fetchOpen(StashRepository repository) throws IOException {
        HttpGet get = new HttpGet(repository.getApiUrl() + "/pull-requests?state=OPEN&limit=100");
        get.setHeader("Authorization", repository.getAuthorizationHeader());
1|        try (CloseableHttpClient http = HttpClients.custom().setDefaultRequestConfig(requestConfig).build(); //@RES-04
1|             CloseableHttpResponse response = http.execute(get)) {
02|        try (CloseableHttpResponse response = http.execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("Bitbucket Server answered " + status + " for " + get.getURI());
            }
            return StashPullRequest.parseList(body);
        }
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
02|        http.close();
    }
}
''')
cases_of(case, GH + 'jenkinsci/stash-pullrequest-builder-plugin/pull/9',
         src('stashpullrequestbuilder.stashpullrequestbuilder', 'StashPullRequestPoller'),
         J('stashpullrequestbuilder.stashpullrequestbuilder', [
             'java.io.Closeable', 'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.List',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger',
             'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils',
             'stashpullrequestbuilder.stashpullrequestbuilder.stash.StashPullRequest'])(STASH), [
             (1, 'java-00-stash-new-pull-request-poller-client-built-per-poll',
              'a new pull request poller builds an HTTP client (and its connection pool) for every repository on '
              'every poll and throws it away after one request', 'new'),
             (2, 'java-00-stash-new-pull-request-poller-schedule-without-catch',
              'a new pull request poller schedules the poll itself, so the first unexpected exception (a malformed '
              'answer) silently ends polling for the life of the Jenkins controller', 'new'),
             (0, 'java-ok-00-stash-new-pull-request-poller-shared-client-guarded-schedule',
              'clean: a new pull request poller with one shared client, the scheduled poll catching what it throws',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-04 / RES-01: file polling of an integration server's VFS transport (product-ei)
WSO2 = template('wso2-vfs-file-processor', r'''
/** Turns each file a VFS poll finds into a message and injects it into the mediation engine. */
public class VFSFileProcessor {
    private static final Log log = LogFactory.getLog(VFSFileProcessor.class);

    private final MessageBuilder builder;
    private final MediationEngine engine;

    public VFSFileProcessor(MessageBuilder builder, MediationEngine engine) {
        this.builder = builder;
        this.engine = engine;
    }

    /**
     * Processes one polled file. The processing context names the service and file for the builders and the
     * mediators that run on this polling thread; the threads are pooled, so it must not outlive the file.
     */
    public boolean processFile(PollTableEntry entry, FileObject file) throws AxisFault {
        String uri = VFSUtils.maskURLPassword(file.getName().getURI());
        if (log.isDebugEnabled()) {
            log.debug("Processing file " + uri + " for service " + entry.getServiceName());
        }
        ProcessingContext.set(new ProcessingContext(entry.getServiceName(), uri)); //@{1}CONC-04
02|        try {
02|            return injectMessage(entry, file, uri);
02|        } finally {
02|            ProcessingContext.remove();
02|        }
1|        return injectMessage(entry, file, uri);
    }

    private boolean injectMessage(PollTableEntry entry, FileObject file, String uri) throws AxisFault {
        try {
            FileContent content = file.getContent();
01|            try (InputStream in = content.getInputStream()) {
01|                MessageContext msg = builder.processDocument(in, entry.getContentType(), content.getSize());
01|                return engine.inject(msg, entry.getServiceName());
01|            }
2|            InputStream in = content.getInputStream(); //@RES-01
2|            MessageContext msg = builder.processDocument(in, entry.getContentType(), content.getSize());
2|            return engine.inject(msg, entry.getServiceName());
        } catch (IOException e) {
            throw new AxisFault("Error reading file " + uri, e);
        }
    }
}
''')
cases_of(case, GH + 'wso2/product-ei/issues/4411',
         'components/mediation/transports/vfs/' + src('org.wso2.carbon.transport.vfs', 'VFSFileProcessor'),
         J('org.wso2.carbon.transport.vfs', [
             'java.io.IOException', 'java.io.InputStream', 'org.apache.axis2.AxisFault',
             'org.apache.axis2.context.MessageContext', 'org.apache.commons.logging.Log',
             'org.apache.commons.logging.LogFactory', 'org.apache.commons.vfs2.FileContent',
             'org.apache.commons.vfs2.FileObject', 'org.apache.synapse.commons.vfs.VFSUtils'])(WSO2), [
             (1, 'java-00-wso2-vfs-file-processor-processing-context-left-on-thread',
              'an edit sets the thread-local processing context for each polled file and never removes it, so the '
              'next file on the pooled polling thread (and any code running there between polls) sees the previous '
              'file\'s service and name', 'edit'),
             (2, 'java-00-wso2-vfs-file-processor-file-stream-never-closed',
              'an edit opens each polled file\'s content stream without closing it, so every processed file keeps '
              'an open handle (and on Windows cannot be moved or deleted after processing)', 'edit'),
             (0, 'java-ok-00-wso2-vfs-file-processor-context-removed-stream-closed',
              'clean: the fix removes the processing context in a finally and reads the content by '
              'try-with-resources', 'fix'),
         ])
