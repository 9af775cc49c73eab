"""Round-108 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / TIME-01: timestamp parsing of an ETL filter plugin (embulk-filter-timestamp_format)
EMBULK = template('embulk-timestamp-parser', r'''
/**
 * Parses the timestamp strings of one column with the formats configured for it, first match wins. One parser
 * serves the column for the whole task, and Embulk hands the task's pages to several threads.
 */
public class TimestampParser {
02|    private final List<DateTimeFormatter> formatters = new ArrayList<>();
1|    private final List<SimpleDateFormat> formatters = new ArrayList<>();

    public TimestampParser(List<String> formats, ZoneId defaultZone) {
        for (String format : formats) {
0|            formatters.add(DateTimeFormatter.ofPattern(format, Locale.ENGLISH).withZone(defaultZone));
1|            SimpleDateFormat formatter = new SimpleDateFormat(format, Locale.ENGLISH);
1|            formatter.setTimeZone(TimeZone.getTimeZone(defaultZone));
1|            formatters.add(formatter);
2|            formatters.add(DateTimeFormatter.ofPattern(format, Locale.ENGLISH).withZone(ZoneId.systemDefault())); //@TIME-01
        }
    }

    public Timestamp parse(String text) throws TimestampParseException {
        TimestampParseException failure = new TimestampParseException("Unparseable timestamp: " + text);
02|        for (DateTimeFormatter formatter : formatters) {
1|        for (SimpleDateFormat formatter : formatters) {
            try {
02|                return Timestamp.ofInstant(Instant.from(formatter.parse(text)));
02|            } catch (DateTimeParseException e) {
1|                return Timestamp.ofEpochMilli(formatter.parse(text).getTime()); //@CONC-03
1|            } catch (ParseException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }
}
''')
_EMBULK_TIME = ['java.time.Instant', 'java.time.ZoneId', 'java.time.format.DateTimeFormatter',
                'java.time.format.DateTimeParseException', 'java.util.ArrayList', 'java.util.List', 'java.util.Locale',
                'org.embulk.spi.time.Timestamp']
cases_of(case, GH + 'sonots/embulk-filter-timestamp_format/pull/3',
         src('org.embulk.filter.timestamp_format', 'TimestampParser'),
         JV('org.embulk.filter.timestamp_format', {
             0: _EMBULK_TIME, 2: _EMBULK_TIME,
             1: ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.time.ZoneId', 'java.util.ArrayList',
                 'java.util.List', 'java.util.Locale', 'java.util.TimeZone', 'org.embulk.spi.time.Timestamp']})(EMBULK), [
             (1, 'java-00-embulk-shared-simple-date-format',
              'an edit parses with SimpleDateFormat instances the parser keeps for the whole task, so the page threads '
              'share them and put rows in the wrong day', 'edit'),
             (2, 'java-00-embulk-formatter-in-host-zone',
              'an edit builds the column formatters in the host\'s zone instead of the column\'s configured one, so the '
              'same file loads to other instants on another machine', 'edit'),
             (0, 'java-ok-00-embulk-thread-safe-formatter',
              'clean: the fix parses with immutable DateTimeFormatter instances in the configured zone', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: executors of a real-time messaging client (centrifuge-java), new file
CENTRIFUGE = template('centrifuge-client-executors', r'''
/**
 * The client's single-thread executors: listener callbacks, reconnect attempts and the ping and token-refresh timers.
 * {@link Client#close(long)} calls {@link #shutdown(long)}. Their threads are not daemons, so a client that is not
 * closed keeps the application from exiting.
 */
final class ClientExecutors {
    final ExecutorService callbacks = Executors.newSingleThreadExecutor(named("centrifuge-callbacks"));
    final ScheduledExecutorService reconnect = Executors.newSingleThreadScheduledExecutor(named("centrifuge-reconnect")); //@{1}RES-01
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("centrifuge-timers"));

    /** Stops all executors and waits up to timeoutMillis in total; returns whether every one of them terminated. */
    boolean shutdown(long timeoutMillis) throws InterruptedException {
        callbacks.shutdown();
02|        reconnect.shutdown();
        timers.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
02|        for (ExecutorService executor : Arrays.asList(callbacks, reconnect, timers)) {
1|        for (ExecutorService executor : Arrays.asList(callbacks, timers)) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Waits out the back-off before the next reconnect attempt; returns false when the client is being closed. */
    boolean backOff(long delayMillis) {
        try {
            Thread.sleep(delayMillis);
            return true;
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory named(String name) {
        ThreadFactory base = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = base.newThread(runnable);
            thread.setName(name);
            return thread;
        };
    }
}
''')
cases_of(case, GH + 'centrifugal/centrifuge-java/issues/13',
         'centrifuge/' + src('io.github.centrifugal.centrifuge', 'ClientExecutors'),
         J('io.github.centrifugal.centrifuge', ['java.util.Arrays', 'java.util.concurrent.ExecutorService',
                                                'java.util.concurrent.Executors',
                                                'java.util.concurrent.ScheduledExecutorService',
                                                'java.util.concurrent.ThreadFactory',
                                                'java.util.concurrent.TimeUnit'])(CENTRIFUGE), [
             (1, 'java-00-centrifuge-reconnect-executor-never-shut-down',
              'a new executor holder leaves the reconnect executor out of shutdown, so a closed client keeps its '
              'non-daemon reconnect thread and the application cannot exit', 'new'),
             (2, 'java-00-centrifuge-back-off-interrupt-lost',
              'a new executor holder catches the interrupt of the reconnect back-off without restoring it, so the '
              'closing client\'s reconnect thread goes on to the next attempt', 'new'),
             (0, 'java-ok-00-centrifuge-client-executors',
              'clean: a new executor holder that shuts every executor down and keeps the interrupt of the back-off',
              'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-04: task runner of a Kafka-compatible stream storage's connect runtime (AutoMQ)
AUTOMQ = template('automq-worker-task', r'''
/**
 * Runs one connector task on a worker thread of its own and reports the task's state to the status topic: running,
 * then either shut down or failed. A task that dies without reporting stays RUNNING in the REST API for good.
 */
abstract class WorkerTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);
    private static final String TASK_CONTEXT_KEY = "connector.task";

    protected final ConnectorTaskId id;
    private final TaskStatus.Listener statusListener;

    protected WorkerTask(ConnectorTaskId id, TaskStatus.Listener statusListener) {
        this.id = id;
        this.statusListener = statusListener;
    }

    protected abstract void execute() throws InterruptedException;

    @Override
    public void run() {
        String savedName = Thread.currentThread().getName();
        Thread.currentThread().setName("task-thread-" + id);
        MDC.put(TASK_CONTEXT_KEY, id.toString());
        try { //@{2}CONC-04
            doRun();
        } finally {
01|            MDC.remove(TASK_CONTEXT_KEY);
            Thread.currentThread().setName(savedName);
        }
    }

    private void doRun() {
        try {
            statusListener.onStartup(id);
            execute();
            statusListener.onShutdown(id);
        } catch (Throwable t) { //@{1}ERR-01
02|            log.error("{} Task threw an uncaught and unrecoverable exception and will not recover until restarted", this, t);
02|            statusListener.onFailure(id, t);
02|            if (t instanceof Error) {
02|                throw (Error) t;
02|            }
1|            log.debug("{} Task thread ended by {}", this, t.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "WorkerTask{id=" + id + "}";
    }
}
''')
cases_of(case, GH + 'AutoMQ/automq/issues/3274',
         'connect/runtime/' + src('org.apache.kafka.connect.runtime', 'WorkerTask'),
         J('org.apache.kafka.connect.runtime', SLF4J + ['org.apache.kafka.connect.util.ConnectorTaskId',
                                                       'org.slf4j.MDC'])(AUTOMQ), [
             (1, 'java-00-automq-task-failure-not-reported',
              'an edit catches whatever ends a task, an OutOfMemoryError included, and only notes it at debug level, '
              'so the task never reports FAILED and stays RUNNING in the REST API', 'edit'),
             (2, 'java-00-automq-task-mdc-left-on-thread',
              'an edit stops removing the task\'s MDC value when the task thread ends, so a reused worker thread logs '
              'the next task under the previous task\'s id', 'edit'),
             (0, 'java-ok-00-automq-task-failure-reported',
              'clean: the fix reports every failure of the task, errors included, before the thread ends', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-02: job executor of a world backup mod (fastback)
FASTBACK = template('fastback-executor-provider', r'''
/**
 * Runs the backup, push and prune jobs one at a time off the server thread. On server stop the queued jobs still
 * run, so a backup started by the shutdown hook finishes writing the repository before the JVM exits.
 */
class ExecutorProvider {
    private static final Logger log = LoggerFactory.getLogger(ExecutorProvider.class);

    private ThreadPoolExecutor executor;

    synchronized void start() {
02|        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16));
1|        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()); //@CONC-02
    }

    synchronized void submit(Runnable job) {
        if (executor == null) {
            throw new IllegalStateException("backup executor is not running");
        }
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("backup queue is full; the job was not scheduled", e);
        }
    }

    synchronized void stop() {
        if (executor == null) {
            return;
        }
01|        executor.shutdown();
01|        try {
01|            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
01|                log.warn("backup jobs still running after five minutes; interrupting them");
01|                executor.shutdownNow();
01|            }
01|        } catch (InterruptedException e) {
01|            executor.shutdownNow();
01|            Thread.currentThread().interrupt();
01|        }
2|        List<Runnable> dropped = executor.shutdownNow(); //@OPS-01
2|        log.info("backup executor stopped, {} queued jobs dropped", dropped.size());
        executor = null;
    }
}
''')
cases_of(case, GH + 'pcal43/fastback/pull/101', 'common/' + src('net.pcal.fastback.utils', 'ExecutorProvider'),
         JV('net.pcal.fastback.utils', {
             0: SLF4J + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.RejectedExecutionException',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'],
             1: SLF4J + ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.RejectedExecutionException',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'],
             2: SLF4J + ['java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.RejectedExecutionException', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit']})(FASTBACK), [
             (1, 'java-00-fastback-job-queue-unbounded',
              'an edit gives the backup executor an unbounded queue, so a world that saves faster than the repository '
              'is written piles up backup jobs without limit', 'edit'),
             (2, 'java-00-fastback-stop-drops-queued-backups',
              'an edit stops the backup executor with shutdownNow, so the backup queued by the shutdown hook is dropped '
              'and the one running is interrupted mid-write', 'edit'),
             (0, 'java-ok-00-fastback-bounded-job-queue',
              'clean: the fix bounds the backup executor\'s queue and rejects jobs beyond it', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: record writer of a columnar storage format (parquet-java)
PARQUET = template('parquet-record-writer', r'''
class InternalParquetRecordWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(InternalParquetRecordWriter.class);

    private final WriteSupport<T> writeSupport;
    private final ParquetProperties props;
    private final long targetRowGroupSize;
    private ColumnWriteStore columnStore;
    private long recordCount;
    private long nextSizeCheck;

    public void write(T value) throws IOException {
        writeSupport.write(value);
        ++recordCount;
        maybeFlushRowGroup();
    }

    /**
     * Called after every record. Measuring the buffered size walks every column writer, so it is done only when the
     * record count reaches the next check point, which is then moved by an estimate of how many records still fit.
     */
    private void maybeFlushRowGroup() throws IOException {
        if (recordCount < nextSizeCheck) {
            return;
        }
        long buffered = columnStore.getBufferedSize();
        long perRecord = Math.max(1, buffered / recordCount);
        if (buffered + 2 * perRecord >= targetRowGroupSize) {
02|            if (LOG.isDebugEnabled()) {
02|                LOG.debug("Row group holds {} bytes (target {}), writing {} records", buffered, targetRowGroupSize, recordCount);
02|            }
1|            LOG.debug("Row group holds " + buffered + " bytes (target " + targetRowGroupSize + "), writing " + recordCount + " records"); //@LOG-02
            flushRowGroupToStore();
            initStore();
            nextSizeCheck = props.getMinRowCountForPageSizeCheck();
            return;
        }
        long fitting = (targetRowGroupSize - buffered) / perRecord;
        nextSizeCheck = recordCount + Math.max(props.getMinRowCountForPageSizeCheck(),
                Math.min(fitting / 2, props.getMaxRowCountForPageSizeCheck()));
2|        LOG.info("Row group at {} of {} bytes after {} records, next size check at record {}", buffered, targetRowGroupSize, recordCount, nextSizeCheck); //@LOG-01
    }
''' + '''
    private void flushRowGroupToStore() throws IOException {
        columnStore.flush();
        recordCount = 0;
    }

    private void initStore() {
        columnStore = props.newColumnWriteStore(writeSupport.getSchema());
    }
}
''')
cases_of(case, GH + 'apache/parquet-java/issues/3461',
         'parquet-hadoop/' + src('org.apache.parquet.hadoop', 'InternalParquetRecordWriter'),
         J('org.apache.parquet.hadoop', SLF4J + ['java.io.IOException', 'org.apache.parquet.column.ColumnWriteStore',
                                                'org.apache.parquet.column.ParquetProperties',
                                                'org.apache.parquet.hadoop.api.WriteSupport'])(PARQUET), [
             (1, 'java-00-parquet-row-group-debug-concatenated',
              'an edit concatenates the row group sizes into the debug message, so every size check builds the string '
              'even with debug logging off', 'edit'),
             (2, 'java-00-parquet-size-check-logged-at-info',
              'an edit logs every row-group size check at info level, a line every few hundred records of every file '
              'being written', 'edit'),
             (0, 'java-ok-00-parquet-row-group-debug-guarded',
              'clean: the fix guards the row-group debug message and passes its values as parameters', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: JDBC sink of a streaming database's connector node (RisingWave)
RISINGWAVE = template('risingwave-jdbc-sink', r'''
/** Writes the changes of one sink to a JDBC table; each checkpoint barrier commits the epoch's batch. */
public class JDBCSink implements SinkWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JDBCSink.class);

    private final Connection conn;
    private final PreparedStatement upsertStatement;
    private final PreparedStatement deleteStatement;

    public JDBCSink(Connection conn, PreparedStatement upsertStatement, PreparedStatement deleteStatement) throws SQLException {
        this.conn = conn;
        this.upsertStatement = upsertStatement;
        this.deleteStatement = deleteStatement;
        this.conn.setAutoCommit(false);
    }

    @Override
    public boolean barrier(boolean isCheckpoint) {
        if (!isCheckpoint) {
            return false;
        }
        try {
            upsertStatement.executeBatch();
            deleteStatement.executeBatch();
            conn.commit();
            return true;
        } catch (SQLException e) { //@{1}TX-01
02|            rollbackAfter(e);
            throw Status.INTERNAL.withDescription("JDBC sink failed to commit the epoch: " + e.getMessage()).withCause(e).asRuntimeException();
        }
    }

    static List<String> primaryKeyColumns(Connection conn, String schemaName, String tableName) throws SQLException {
        List<String> columns = new ArrayList<>();
01|        try (ResultSet keys = conn.getMetaData().getPrimaryKeys(null, schemaName, tableName)) {
01|            while (keys.next()) {
01|                columns.add(keys.getString("COLUMN_NAME"));
01|            }
01|        }
2|        ResultSet keys = conn.getMetaData().getPrimaryKeys(null, schemaName, tableName); //@RES-01
2|        while (keys.next()) {
2|            columns.add(keys.getString("COLUMN_NAME"));
2|        }
        return columns;
    }

    private void rollbackAfter(SQLException cause) {
        try {
            conn.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void drop() {
        try (PreparedStatement upsert = upsertStatement; PreparedStatement delete = deleteStatement; Connection c = conn) {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("JDBC sink could not release its connection cleanly", e);
        }
    }
}
''')
cases_of(case, GH + 'risingwavelabs/risingwave/pull/20597',
         'java/connector-node/risingwave-sink-jdbc/' + src('com.risingwave.connector', 'JDBCSink'),
         J('com.risingwave.connector', SLF4J + ['com.risingwave.connector.api.sink.SinkWriter', 'io.grpc.Status',
                                               'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
                                               'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List'])(RISINGWAVE), [
             (1, 'java-00-risingwave-epoch-commit-not-rolled-back',
              'an edit drops the rollback when an epoch fails to commit, so the sink\'s transaction stays open on the '
              'target database with the failed batch in it', 'edit'),
             (2, 'java-00-risingwave-primary-key-result-set-left-open',
              'an edit reads the target table\'s primary key columns without closing the metadata result set', 'edit'),
             (0, 'java-ok-00-risingwave-epoch-commit-rolled-back',
              'clean: the fix rolls the epoch back when its commit fails and keeps the failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-06: task scheduler of a streaming storage (Fluss), moved file
FLUSS = template('fluss-scheduler', r'''
/** The scheduler of a tablet server's background work: log flushing, retention, checkpoints and metadata refresh. */
public class FlussScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(FlussScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    public FlussScheduler(ScheduledThreadPoolExecutor executor) {
        this.executor = executor;
    }

    /**
     * Schedules task to run after delayMs and then, when periodMs is positive, periodMs after the end of each run. A
     * run that throws is logged and the schedule goes on.
     */
    @Override
    public ScheduledFuture<?> schedule(String name, Runnable task, long delayMs, long periodMs) {
        LOG.debug("Scheduling task {} with initial delay {} ms and period {} ms.", name, delayMs, periodMs);
        if (periodMs > 0) {
02|            return executor.scheduleWithFixedDelay(guard(name, task), delayMs, periodMs, TimeUnit.MILLISECONDS);
1|            return executor.scheduleWithFixedDelay(task, delayMs, periodMs, TimeUnit.MILLISECONDS); //@CONC-07
        }
02|        return executor.schedule(guard(name, task), delayMs, TimeUnit.MILLISECONDS);
1|        return executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Runs task once, as soon as a scheduler thread is free; a failure is logged with the task's name. */
    @Override
    public void runOnce(String name, Runnable task) {
01|        executor.execute(guard(name, task));
2|        executor.submit(task); //@CONC-06
    }

    private static Runnable guard(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("Uncaught exception in task '{}'", name, t);
            }
        };
    }
}
''')
cases_of(case, GH + 'apache/fluss/issues/923',
         'fluss-common/' + src('com.alibaba.fluss.utils.concurrent', 'FlussScheduler'),
         J('com.alibaba.fluss.utils.concurrent', SLF4J + ['java.util.concurrent.ScheduledFuture',
                                                         'java.util.concurrent.ScheduledThreadPoolExecutor',
                                                         'java.util.concurrent.TimeUnit'])(FLUSS), [
             (1, 'java-00-fluss-moved-periodic-task-unguarded',
              'a move of the scheduler into the concurrent package schedules periodic tasks without the guard, so one '
              'exception in log flushing stops every later run of it', 'rename'),
             (2, 'java-00-fluss-moved-one-off-future-dropped',
              'a move of the scheduler into the concurrent package submits one-off tasks and drops their futures, so '
              'an exception in one of them is never seen', 'rename'),
             (0, 'java-ok-00-fluss-moved-scheduler',
              'clean: the move alone; periodic and one-off tasks are guarded and their failures logged', 'rename'),
         ], rename_from='fluss-common/' + src('com.alibaba.fluss.utils', 'FlussScheduler'),
         rename_old=lambda t: t.replace('package com.alibaba.fluss.utils.concurrent;', 'package com.alibaba.fluss.utils;'))


# ---------------------------------------------------------------- TMO-01 / ERR-01: search client of a wildlife data platform (Wildbook), CRLF file
WILDBOOK = template('wildbook-opensearch', r'''
/** The application's one OpenSearch client and the match queries of the image-analysis pipeline. */
public class OpenSearch {
    private static OpenSearchClient client;

    public static synchronized void initializeClient(String scheme, String host, int port) {
        HttpHost httpHost = new HttpHost(scheme, host, port);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(httpHost); //@{1}TMO-01
        builder.setHttpClientConfigCallback(httpClientBuilder -> httpClientBuilder
02|                .setDefaultRequestConfig(RequestConfig.custom()
02|                        .setConnectTimeout(Timeout.ofSeconds(10))
02|                        .setResponseTimeout(Timeout.ofSeconds(120))
02|                        .build())
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(50)
                        .build()));
        client = new OpenSearchClient(builder.build());
    }

    /**
     * The ids of the annotations that match the query; a failed or timed-out query is passed up, so the caller does
     * not report "0 matches" for a query that never finished.
     */
    public List<String> matchIds(String index, Query query, int size) throws IOException {
        SearchRequest request = new SearchRequest.Builder().index(index).query(query).size(size).build();
        SearchResponse<ObjectNode> response;
        try {
            response = client.search(request, ObjectNode.class);
        } catch (SocketTimeoutException e) { //@{2}ERR-01
01|            throw new IOException("match query on " + index + " timed out", e);
2|            return Collections.emptyList();
        }
        List<String> ids = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }
}
''')
_WB = ['com.fasterxml.jackson.databind.node.ObjectNode', 'java.io.IOException', 'java.net.SocketTimeoutException',
       'java.util.ArrayList', 'java.util.List',
       'org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder', 'org.apache.hc.core5.http.HttpHost',
       'org.opensearch.client.opensearch.OpenSearchClient', 'org.opensearch.client.opensearch._types.query_dsl.Query',
       'org.opensearch.client.opensearch.core.SearchRequest', 'org.opensearch.client.opensearch.core.SearchResponse',
       'org.opensearch.client.opensearch.core.search.Hit',
       'org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder']
_WB_TIMEOUTS = ['org.apache.hc.client5.http.config.RequestConfig', 'org.apache.hc.core5.util.Timeout']
cases_of(case, GH + 'WildMeOrg/Wildbook/pull/1651', src('org.ecocean', 'OpenSearch'),
         JV('org.ecocean', {0: _WB + _WB_TIMEOUTS, 1: _WB, 2: _WB + _WB_TIMEOUTS + ['java.util.Collections']})(WILDBOOK), [
             (1, 'java-00-wildbook-search-client-without-timeouts',
              'an edit builds the OpenSearch client without connect and response timeouts, so a query on a cold kNN '
              'index holds a request thread as long as the server keeps the socket open', 'edit'),
             (2, 'java-00-wildbook-match-timeout-returns-empty',
              'an edit turns a timed-out match query into an empty list, so the user is told an annotation has no '
              'matches when the query never finished', 'edit'),
             (0, 'java-ok-00-wildbook-search-client-with-timeouts',
              'clean: the fix gives the OpenSearch client a connect and a response timeout', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-04: crawler downloader of a search engine server (OpenSearchServer)
OSS_TEST = r'''package com.jaeksoft.searchlib.crawler.web.spider;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import org.junit.Test;

public class HttpDownloaderTest {

    @Test
    public void keepsTheUserAgentOfTheCrawl() throws Exception {
        HttpDownloader downloader = new HttpDownloader("OpenSearchServer_Bot", true, 30);
        assertEquals("OpenSearchServer_Bot", downloader.getUserAgent());
        assertEquals(URI.create("http://localhost/"), URI.create("http://localhost/"));
    }
}
'''
OSS = template('opensearchserver-http-downloader', r'''
/** Fetches the pages of a web crawl. One downloader serves a crawl thread for the whole session. */
public class HttpDownloader implements Closeable {
    private final String userAgent;
    private final RequestConfig requestConfig;
    private final CloseableHttpClient httpClient;

    public HttpDownloader(String userAgent, boolean followRedirect, int connectionTimeOutSeconds) {
        this.userAgent = userAgent;
        int timeoutMillis = connectionTimeOutSeconds * 1000;
        this.requestConfig = RequestConfig.custom() //@{1}TMO-01
02|                .setConnectTimeout(timeoutMillis)
02|                .setConnectionRequestTimeout(timeoutMillis)
02|                .setSocketTimeout(timeoutMillis)
                .setRedirectsEnabled(followRedirect)
                .build();
        this.httpClient = HttpClients.custom().setUserAgent(userAgent).setDefaultRequestConfig(requestConfig).build();
    }

    public String getUserAgent() {
        return userAgent;
    }

    public DownloadItem get(URI uri) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setConfig(requestConfig);
01|        try (CloseableHttpResponse response = httpClient.execute(get)) {
2|        try (CloseableHttpClient client = HttpClients.custom().setUserAgent(userAgent).setDefaultRequestConfig(requestConfig).build(); //@RES-04
2|                CloseableHttpResponse response = client.execute(get)) {
            HttpEntity entity = response.getEntity();
            byte[] content = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            String contentType = entity == null || entity.getContentType() == null ? null : entity.getContentType().getValue();
            return new DownloadItem(uri, response.getStatusLine().getStatusCode(), contentType, content);
        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'jaeksoft/opensearchserver/pull/1747',
         src('com.jaeksoft.searchlib.crawler.web.spider', 'HttpDownloader'),
         J('com.jaeksoft.searchlib.crawler.web.spider', ['java.io.Closeable', 'java.io.IOException', 'java.net.URI',
                                                         'org.apache.http.HttpEntity',
                                                         'org.apache.http.client.config.RequestConfig',
                                                         'org.apache.http.client.methods.CloseableHttpResponse',
                                                         'org.apache.http.client.methods.HttpGet',
                                                         'org.apache.http.impl.client.CloseableHttpClient',
                                                         'org.apache.http.impl.client.HttpClients',
                                                         'org.apache.http.util.EntityUtils'])(OSS), [
             (1, 'java-00-opensearchserver-crawl-requests-without-timeout',
              'an edit builds the crawler\'s request configuration without connect, pool and socket timeouts, so one '
              'host that never answers holds a crawl thread for good', 'edit'),
             (2, 'java-00-opensearchserver-http-client-per-page',
              'an edit builds and closes an HTTP client for every fetched page, so the crawl never reuses a '
              'connection to the host it is crawling; the pull request adds a test beside it', 'edit',
              [f(tst('com.jaeksoft.searchlib.crawler.web.spider', 'HttpDownloaderTest'), new=OSS_TEST)]),
             (0, 'java-ok-00-opensearchserver-crawl-requests-with-timeout',
              'clean: the fix sets the connect, pool and socket timeouts of the crawler\'s requests', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-03: listener consumer of a message-queue JMS client (rabbitmq-jms-client)
RABBITJMS = template('rabbitmq-jms-listener-consumer', r'''
/** Delivers the messages of one AMQP consumer to the JMS MessageListener of an RMQMessageConsumer. */
class MessageListenerConsumer extends DefaultConsumer {
    private static final Logger logger = LoggerFactory.getLogger(MessageListenerConsumer.class);

    private final RMQMessageConsumer messageConsumer;
    private final MessageListener messageListener;
    private final boolean autoAck;
    private final boolean requeueOnMessageListenerException;

    MessageListenerConsumer(RMQMessageConsumer messageConsumer, Channel channel, MessageListener messageListener,
                            boolean autoAck, boolean requeueOnMessageListenerException) {
        super(channel);
        this.messageConsumer = messageConsumer;
        this.messageListener = messageListener;
        this.autoAck = autoAck;
        this.requeueOnMessageListenerException = requeueOnMessageListenerException;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        long deliveryTag = envelope.getDeliveryTag();
        String messageId = properties.getMessageId();
        RMQMessage message = messageConsumer.convertDelivery(envelope, properties, body);
        try {
            messageListener.onMessage(message);
            if (!autoAck) {
                getChannel().basicAck(deliveryTag, false);
            }
        } catch (RuntimeException e) { //@{1}ERR-01
0|            logger.error("Message listener of consumer {} failed on delivery {} (message id {})", consumerTag, deliveryTag, messageId, e);
2|            logger.error("Message listener failed", e); //@LOG-03
02|            if (requeueOnMessageListenerException && !autoAck) {
02|                getChannel().basicNack(deliveryTag, false, true);
02|            }
1|            // the delivery is acknowledged on receipt; a listener exception has nothing left to undo
        }
    }
}
''')
cases_of(case, GH + 'rabbitmq/rabbitmq-jms-client/pull/30', src('com.rabbitmq.jms.client', 'MessageListenerConsumer'),
         J('com.rabbitmq.jms.client', SLF4J + ['com.rabbitmq.client.AMQP', 'com.rabbitmq.client.Channel',
                                              'com.rabbitmq.client.DefaultConsumer', 'com.rabbitmq.client.Envelope',
                                              'java.io.IOException', 'javax.jms.MessageListener'])(RABBITJMS), [
             (1, 'java-00-rabbitmq-jms-listener-exception-swallowed',
              'an edit catches a message listener\'s runtime exception and does nothing with it, so the message is '
              'lost without a trace and never requeued', 'edit'),
             (2, 'java-00-rabbitmq-jms-listener-failure-logged-without-ids',
              'an edit logs a failed message listener without the consumer tag, delivery tag or message id', 'edit'),
             (0, 'java-ok-00-rabbitmq-jms-listener-exception-reported',
              'clean: the fix logs the listener\'s exception with the delivery\'s ids and requeues it when configured',
              'fix'),
         ])
