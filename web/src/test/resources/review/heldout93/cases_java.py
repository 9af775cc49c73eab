"""Round-93 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / RES-04: health calls of a time-series database client (influxdb-client-java)
INFLUXJ = template('influxdb-client-java-ping', r'''
/**
 * The health endpoints of the server are called with the plain OkHttp client rather than through Retrofit. A plain
 * OkHttp response holds its pooled connection until it is closed, whatever its status.
 */
public final class InfluxDBClientImpl extends AbstractInfluxDBClient implements InfluxDBClient {

    private static final Logger LOG = Logger.getLogger(InfluxDBClientImpl.class.getName());

    public InfluxDBClientImpl(@Nonnull final InfluxDBClientOptions options) {
        super(options, "java");
    }

    @Nonnull
    @Override
    public Boolean ping() {
        Request request = new Request.Builder()
                .url(options.getUrl() + "ping")
                .get()
                .build();
0|        try (Response response = okHttpClient.newCall(request).execute()) {
1|        try {
1|            Response response = okHttpClient.newCall(request).execute(); //@RES-02
2|        OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build(); //@RES-04
2|        try (Response response = client.newCall(request).execute()) {
            return response.isSuccessful();
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "Ping to " + options.getUrl() + " failed");
            return false;
        }
    }

    @Nonnull
    @Override
    public String version() {
        Request request = new Request.Builder()
                .url(options.getUrl() + "ping")
                .head()
                .build();
        try (Response response = okHttpClient.newCall(request).execute()) {
            String version = response.header("X-Influxdb-Version");
            return version != null ? version : "unknown";
        } catch (IOException e) {
            throw new InfluxException(e);
        }
    }
}
''')
_INFLUXJ_IMPORTS = ['com.influxdb.client.InfluxDBClient', 'com.influxdb.client.InfluxDBClientOptions',
                    'com.influxdb.exceptions.InfluxException', 'java.io.IOException', 'java.util.logging.Level',
                    'java.util.logging.Logger', 'javax.annotation.Nonnull', 'okhttp3.Request', 'okhttp3.Response']
cases_of(case, GH + 'influxdata/influxdb-client-java/pull/151',
         'client/' + src('com.influxdb.client.internal', 'InfluxDBClientImpl'),
         JV('com.influxdb.client.internal', {
             0: _INFLUXJ_IMPORTS, 1: _INFLUXJ_IMPORTS,
             2: _INFLUXJ_IMPORTS + ['java.util.concurrent.TimeUnit', 'okhttp3.OkHttpClient']})(INFLUXJ), [
             (1, 'java-00-influxdb-client-java-ping-response-not-closed',
              'an edit no longer closes the plain OkHttp response of a ping, so a health check that runs every few '
              'seconds leaks one pooled connection per call', 'edit'),
             (2, 'java-00-influxdb-client-java-ping-client-per-call',
              'an edit builds a new OkHttp client for every ping, so each health check starts its own connection '
              'pool and dispatcher threads that linger after the call', 'edit'),
             (0, 'java-ok-00-influxdb-client-java-ping-response-closed',
              'clean: the fix closes the ping response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-07: host connection pool of a Cassandra client (astyanax)
ASTYANAX = template('astyanax-host-pool', r'''
/**
 * Pool of connections to one Cassandra host. Connections are opened in the background by a single thread whose queue
 * is bounded: while a host is down, attempts that cannot be queued fail at once instead of piling up in memory.
 */
public class SimpleHostConnectionPool<CL> implements HostConnectionPool<CL> {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleHostConnectionPool.class);

    private final Host host;
    private final ConnectionFactory<CL> factory;
    private final ConnectionPoolConfiguration config;
    private final BlockingQueue<Connection<CL>> availableConnections;
    private final AtomicInteger pendingConnections = new AtomicInteger();
    private final ThreadPoolExecutor openExecutor;
    private final ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> reconnectTask;

    public SimpleHostConnectionPool(Host host, ConnectionFactory<CL> factory, ConnectionPoolConfiguration config,
            ScheduledExecutorService scheduler) {
        this.host = host;
        this.factory = factory;
        this.config = config;
        this.scheduler = scheduler;
        this.availableConnections = new ArrayBlockingQueue<Connection<CL>>(config.getMaxConnsPerHost());
        this.openExecutor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<Runnable>(config.getMaxPendingConnectionsPerHost()),
1|                new LinkedBlockingQueue<Runnable>(), //@CONC-02
                new ThreadFactoryBuilder().setDaemon(true)
                        .setNameFormat("AstyanaxOpen-" + host.getHostName() + "-%d").build());
    }

    /** Opens one connection in the background; a full queue means the host is already struggling. */
    private void openConnectionAsync() {
        pendingConnections.incrementAndGet();
        try {
            openExecutor.execute(() -> {
                try {
                    Connection<CL> connection = factory.createConnection(this);
                    connection.open();
                    if (!availableConnections.offer(connection)) {
                        connection.close();
                    }
                } catch (Throwable t) {
                    LOG.warn("Failed to open connection to {}", host, t);
                    markAsDown();
                } finally {
                    pendingConnections.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pendingConnections.decrementAndGet();
            LOG.debug("Connection attempts to {} are queued up, not adding another", host);
        }
    }

    /** Marks the host down and retries it at the configured interval until a connection opens. */
    private synchronized void markAsDown() {
        if (reconnectTask != null) {
            return;
        }
        long delay = config.getRetryDelay();
01|        reconnectTask = scheduler.scheduleWithFixedDelay(() -> {
01|            try {
01|                tryReconnect();
01|            } catch (Throwable t) {
01|                LOG.warn("Reconnect attempt to {} failed, will retry in {} ms", host, delay, t);
01|            }
01|        }, delay, delay, TimeUnit.MILLISECONDS);
2|        reconnectTask = scheduler.scheduleWithFixedDelay(this::tryReconnect, delay, delay, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void tryReconnect() {
        Connection<CL> connection = factory.createConnection(this);
        connection.open();
        synchronized (this) {
            reconnectTask.cancel(false);
            reconnectTask = null;
        }
        if (!availableConnections.offer(connection)) {
            connection.close();
        }
        LOG.info("Host {} is reachable again", host);
    }
}
''')
_ASTY_IMPORTS = ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                 'com.netflix.astyanax.connectionpool.Connection',
                 'com.netflix.astyanax.connectionpool.ConnectionFactory',
                 'com.netflix.astyanax.connectionpool.ConnectionPoolConfiguration',
                 'com.netflix.astyanax.connectionpool.Host', 'com.netflix.astyanax.connectionpool.HostConnectionPool',
                 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
                 'java.util.concurrent.RejectedExecutionException', 'java.util.concurrent.ScheduledExecutorService',
                 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.ThreadPoolExecutor',
                 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger'] + SLF4J
cases_of(case, GH + 'Netflix/astyanax/issues/112',
         'astyanax-core/' + src('com.netflix.astyanax.connectionpool.impl', 'SimpleHostConnectionPool'),
         JV('com.netflix.astyanax.connectionpool.impl', {
             0: _ASTY_IMPORTS, 1: _ASTY_IMPORTS + ['java.util.concurrent.LinkedBlockingQueue'],
             2: _ASTY_IMPORTS})(ASTYANAX), [
             (1, 'java-00-astyanax-open-executor-unbounded-queue',
              'an edit gives the background connection opener an unbounded queue, so while a host is down every '
              'request queues another open attempt and the client runs out of memory', 'edit'),
             (2, 'java-00-astyanax-reconnect-scheduled-without-catch',
              'an edit schedules the reconnect of a down host without its catch, so the first failed attempt ends '
              'the schedule and the host is never tried again', 'edit'),
             (0, 'java-ok-00-astyanax-open-executor-bounded-queue',
              'clean: the fix bounds the queue of the background connection opener', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: range alignment of a time-series database's aggregators (kairosdb)
KAIROS = template('kairosdb-range-aggregator', r'''
public abstract class RangeAggregator implements Aggregator, TimezoneAware
{
	public static final Logger logger = LoggerFactory.getLogger(RangeAggregator.class);

	private boolean m_alignSampling;
	private boolean m_alignStartTime;
	protected Sampling m_sampling;
	private DateTimeZone m_timeZone = DateTimeZone.UTC;

	@Override
	public void setTimeZone(DateTimeZone timeZone)
	{
		m_timeZone = timeZone;
	}

	public void setAlignSampling(boolean align)
	{
		m_alignSampling = align;
	}

	/**
	 Start of the range that holds timestamp, aligned to the sampling unit in the query's time zone: a day starts at
	 midnight of the zone the query asked for, not at midnight of the server.
	 */
	protected long alignedStart(long timestamp)
	{
02|		Calendar calendar = Calendar.getInstance(m_timeZone.toTimeZone());
1|		Calendar calendar = Calendar.getInstance(); //@TIME-01
		calendar.setTimeInMillis(timestamp);
		switch (m_sampling.getUnit())
		{
			case YEARS:
				calendar.set(Calendar.MONTH, 0);
			case MONTHS:
				calendar.set(Calendar.DAY_OF_MONTH, 1);
			case DAYS:
				calendar.set(Calendar.HOUR_OF_DAY, 0);
			case HOURS:
				calendar.set(Calendar.MINUTE, 0);
			case MINUTES:
				calendar.set(Calendar.SECOND, 0);
			case SECONDS:
				calendar.set(Calendar.MILLISECOND, 0);
			default:
		}
2|		logger.debug("Aligned " + timestamp + " to " + calendar.getTimeInMillis() + " in " + m_timeZone); //@LOG-02
		return calendar.getTimeInMillis();
	}
}
''')
cases_of(case, GH + 'kairosdb/kairosdb/pull/171', src('org.kairosdb.core.aggregator', 'RangeAggregator'),
         J('org.kairosdb.core.aggregator', ['java.util.Calendar', 'org.joda.time.DateTimeZone'] + SLF4J)(KAIROS), [
             (1, 'java-00-kairosdb-range-alignment-in-server-zone',
              'an edit aligns the aggregation ranges in the server\'s default time zone instead of the query\'s, so '
              'daily sums of a query asking for Europe/Paris cut the days at the server\'s midnight', 'edit'),
             (2, 'java-00-kairosdb-range-alignment-debug-concatenated',
              'an edit logs every aligned range start with a debug line built by string concatenation, so each data '
              'point of every aggregated query builds a message nobody reads', 'edit'),
             (0, 'java-ok-00-kairosdb-range-alignment-in-query-zone',
              'clean: the fix aligns the ranges in the query\'s time zone', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: connection of a cloud warehouse's JDBC driver (snowflake-jdbc)
SNOW = template('snowflake-jdbc-connection', r'''
  /**
   * The current warehouse of the session, read with a query because a USE WAREHOUSE statement may have changed it
   * behind the driver's back.
   */
  String currentWarehouse() throws SQLException {
02|    try (Statement stmt = createStatement();
02|        ResultSet rs = stmt.executeQuery("SELECT CURRENT_WAREHOUSE()")) {
02|      return rs.next() ? rs.getString(1) : null;
02|    }
1|    Statement stmt = createStatement(); //@RES-01
1|    ResultSet rs = stmt.executeQuery("SELECT CURRENT_WAREHOUSE()");
1|    return rs.next() ? rs.getString(1) : null;
  }

  /**
   * Closes the connection: every statement it opened is closed first, which closes their result sets, then the
   * session is ended on the server. A statement that fails to close does not keep the others open.
   */
  @Override
  public void close() throws SQLException {
    logger.debug("public void close()", false);
    if (isClosed) {
      return;
    }
    SQLException failure = null;
    for (Statement stmt : openStatements) {
      try {
        stmt.close();
      } catch (SQLException e) { //@{2}ERR-01
01|        if (failure == null) {
01|          failure = e;
01|        } else {
01|          failure.addSuppressed(e);
01|        }
      }
    }
    openStatements.clear();
    try {
      if (sfSession != null) {
        sfSession.close();
        sfSession = null;
      }
    } catch (SFException ex) {
      throw new SnowflakeSQLLoggedException(sfSession, ex.getSqlState(), ex.getVendorCode(), ex.getCause(),
          ex.getParams());
    } finally {
      isClosed = true;
    }
01|    if (failure != null) {
01|      throw failure;
01|    }
  }
''')
cases_of(case, GH + 'snowflakedb/snowflake-jdbc/issues/11', src('net.snowflake.client.jdbc', 'SnowflakeConnectionV1'),
         lambda v: (lambda body: 'package net.snowflake.client.jdbc;\n\n'
                    + ''.join('import %s;\n' % i for i in sorted([
                        'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement',
                        'java.util.Set', 'java.util.concurrent.ConcurrentHashMap',
                        'net.snowflake.client.core.SFException', 'net.snowflake.client.core.SFSession',
                        'net.snowflake.client.log.SFLogger', 'net.snowflake.client.log.SFLoggerFactory']))
                    + '\n/** Snowflake connection implementation (excerpt: session queries and close). */\n'
                    + 'public class SnowflakeConnectionV1 implements Connection, SnowflakeConnection {\n'
                    + '  static final SFLogger logger = SFLoggerFactory.getLogger(SnowflakeConnectionV1.class);\n\n'
                    + '  private volatile SFSession sfSession;\n'
                    + '  private volatile boolean isClosed;\n'
                    + '  private final Set<Statement> openStatements = ConcurrentHashMap.newKeySet();\n\n'
                    + body.strip('\n') + '\n}\n')(variant(SNOW, v)), [
             (1, 'java-00-snowflake-jdbc-warehouse-query-not-closed',
              'an edit reads the session\'s warehouse with a statement and result set it never closes, so every '
              'call holds a server-side result and a statement until the connection closes', 'edit'),
             (2, 'java-00-snowflake-jdbc-close-swallows-statement-failure',
              'an edit swallows the failure to close a statement with an empty catch, so a connection whose '
              'statements fail to close reports a clean close', 'edit'),
             (0, 'java-ok-00-snowflake-jdbc-warehouse-query-closed',
              'clean: the fix reads the warehouse in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: keep-alive thread of a MySQL binlog client (mysql-binlog-connector-java), CRLF file
BINLOG = template('binlog-client-keepalive', r'''
    /**
     * Starts the thread that reconnects when no event arrived within the keep-alive interval. disconnect() stops it by
     * setting keepAliveThreadStop and interrupting it.
     */
    private void spawnKeepAliveThread() {
        Runnable keepAlive = new Runnable() {
            @Override
            public void run() {
                while (!keepAliveThreadStop) {
                    try {
                        Thread.sleep(keepAliveInterval);
                    } catch (InterruptedException e) { //@{1}CONC-05
02|                        // disconnect() interrupts this thread to stop it: keep the flag and leave the loop.
02|                        Thread.currentThread().interrupt();
02|                        return;
1|                        // woken early: check the connection right away
                    }
                    if (needsReconnect()) {
                        if (logger.isLoggable(Level.INFO)) {
                            logger.info("Trying to restore lost connection to " + hostname + ":" + port);
                        }
                        try {
                            terminateConnect();
                            connect(connectTimeout);
                        } catch (Exception ce) {
                            logger.log(Level.WARNING, ce, () -> "Failed to restore connection to " + hostname + ":" + port
                                + ". Next attempt in " + keepAliveInterval + "ms");
                        }
                    }
                }
            }
        };
        Thread thread = newNamedThread(keepAlive, "blc-keepalive-" + hostname + ":" + port); //@{2}CONC-01
01|        thread.setUncaughtExceptionHandler((t, e) ->
01|            logger.log(Level.SEVERE, e, () -> "Keep-alive thread " + t.getName() + " died, reconnects are off"));
        thread.setDaemon(true);
        thread.start();
        keepAliveThread = thread;
    }

    private boolean needsReconnect() {
        return System.currentTimeMillis() - eventLastSeen > keepAliveConnectTimeout;
    }
''')
cases_of(case, GH + 'shyiko/mysql-binlog-connector-java/pull/213',
         src('com.github.shyiko.mysql.binlog', 'BinaryLogClient'),
         lambda v: ('package com.github.shyiko.mysql.binlog;\n\n'
                    'import java.util.concurrent.TimeUnit;\nimport java.util.logging.Level;\nimport java.util.logging.Logger;\n\n'
                    '/** MySQL replication stream client (excerpt: the keep-alive thread). */\n'
                    'public class BinaryLogClient implements BinaryLogClientMXBean {\n\n'
                    '    private final Logger logger = Logger.getLogger(getClass().getName());\n\n'
                    '    private final String hostname;\n    private final int port;\n'
                    '    private long keepAliveInterval = TimeUnit.MINUTES.toMillis(1);\n'
                    '    private long keepAliveConnectTimeout = TimeUnit.MINUTES.toMillis(1);\n'
                    '    private long connectTimeout = TimeUnit.SECONDS.toMillis(3);\n'
                    '    private volatile long eventLastSeen;\n'
                    '    private volatile boolean keepAliveThreadStop;\n'
                    '    private volatile Thread keepAliveThread;\n\n'
                    + variant(BINLOG, v).strip('\n') + '\n}\n'), [
             (1, 'java-00-binlog-client-keepalive-swallows-interrupt',
              'an edit makes the keep-alive thread swallow its interrupt and go on looping, so disconnect() can no '
              'longer stop it and the thread keeps reconnecting after the application closed the client', 'edit'),
             (2, 'java-00-binlog-client-keepalive-thread-without-handler',
              'an edit starts the keep-alive thread without its uncaught-exception handler, so an error that ends '
              'the thread silently turns reconnection off', 'edit'),
             (0, 'java-ok-00-binlog-client-keepalive-keeps-interrupt',
              'clean: the fix restores the interrupt flag and leaves the keep-alive loop', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-06 / LOG-01: change applier of a CDC replicator (scylla-cdc-java), new file
SCYLLA = template('scylla-cdc-change-applier', r'''
/**
 * Applies each CDC change of the source table to the destination table. The driver executes statements
 * asynchronously; the future of every statement goes back to the CDC library, which advances the table's checkpoint
 * only when the future completes and retries the window when it fails.
 */
public class ChangeApplier implements RawChangeConsumer {
    private static final FluentLogger logger = FluentLogger.forEnclosingClass();

    private final Session session;
    private final OperationHandler handler;
    private final AtomicLong applied = new AtomicLong();

    public ChangeApplier(Session session, OperationHandler handler) {
        this.session = session;
        this.handler = handler;
    }

    @Override
    public CompletableFuture<Void> consume(RawChange change) {
2|        logger.atInfo().log("Applying change %s of stream %s", change.getId(), change.getId().getStreamId()); //@LOG-01
        Statement stmt = handler.statementFor(change);
        if (stmt == null) {
            return CompletableFuture.completedFuture(null);
        }
02|        return FutureUtils.convert(session.executeAsync(stmt), "Applying change " + change.getId())
02|                .thenRun(applied::incrementAndGet);
1|        FutureUtils.convert(session.executeAsync(stmt), "Applying change " + change.getId()); //@CONC-06
1|        applied.incrementAndGet();
1|        return CompletableFuture.completedFuture(null);
    }

    public long appliedCount() {
        return applied.get();
    }
}
''')
cases_of(case, GH + 'scylladb/scylla-cdc-java/pull/86',
         'scylla-cdc-replicator/' + src('com.scylladb.cdc.replicator.operations', 'ChangeApplier'),
         J('com.scylladb.cdc.replicator.operations', [
             'com.datastax.driver.core.Session', 'com.datastax.driver.core.Statement', 'com.google.common.flogger.FluentLogger',
             'com.scylladb.cdc.model.worker.RawChange', 'com.scylladb.cdc.model.worker.RawChangeConsumer',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.atomic.AtomicLong'])(SCYLLA), [
             (1, 'java-00-scylla-cdc-new-applier-drops-write-future',
              'a new change applier drops the future of each replicated write and reports the change as done, so a '
              'write the destination rejects is lost while the checkpoint moves past it', 'new'),
             (2, 'java-00-scylla-cdc-new-applier-logs-every-change',
              'a new change applier logs every change it applies at info level, so a busy source table writes a log '
              'line per replicated row', 'new'),
             (0, 'java-ok-00-scylla-cdc-new-applier',
              'clean: a new change applier that hands each write\'s future back to the CDC library', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: binlog entry publisher of a CDC service (eventuate-cdc), renamed file
EVENTUATE = template('eventuate-cdc-publisher', r'''
package io.eventuate.local.common.publisher;

import io.eventuate.local.common.BinlogEntry;
import io.eventuate.local.common.BinlogEntryHandler;
import io.eventuate.local.common.BinlogFileOffset;
import io.eventuate.local.common.OffsetStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the binlog entries of one reader. Publishing is asynchronous; the offset of an entry is saved only when
 * its publishing completes, and the reader stops when publishing fails, so that no entry is skipped.
 */
public class BinlogEntryPublisher {
  private static final Logger logger = LoggerFactory.getLogger(BinlogEntryPublisher.class);

  private final String readerName;
  private final OffsetStore offsetStore;
  private final Consumer<Exception> onFailure;
  private final AtomicLong timeOfLastProcessedMessage = new AtomicLong();

  public BinlogEntryPublisher(String readerName, OffsetStore offsetStore, Consumer<Exception> onFailure) {
    this.readerName = readerName;
    this.offsetStore = offsetStore;
    this.onFailure = onFailure;
  }

  public void publish(BinlogEntry entry, BinlogEntryHandler handler, BinlogFileOffset offset) {
    timeOfLastProcessedMessage.set(System.currentTimeMillis());
    try {
01|      handler.publish(entry).whenComplete((result, failure) -> onPublished(offset, failure));
2|      handler.publish(entry); //@CONC-06
2|      offsetStore.save(offset);
    } catch (Exception e) { //@{1}ERR-01
02|      handleProcessingFailException(e);
    }
  }

  private void onPublished(BinlogFileOffset offset, Throwable failure) {
    if (failure != null) {
      handleProcessingFailException(new RuntimeException("Could not publish the binlog entry at " + offset, failure));
      return;
    }
    offsetStore.save(offset);
  }

  private void handleProcessingFailException(Exception e) {
    logger.error("Stopping binlog reader {} after a publishing failure", readerName, e);
    onFailure.accept(e);
  }

  public long getTimeOfLastProcessedMessage() {
    return timeOfLastProcessedMessage.get();
  }
}
''')
cases_of(case, GH + 'eventuate-foundation/eventuate-cdc/pull/58',
         'eventuate-local-java-cdc-connector-common/' + src('io.eventuate.local.common.publisher', 'BinlogEntryPublisher'),
         lambda v: variant(EVENTUATE, v).strip('\n') + '\n', [
             (1, 'java-00-eventuate-cdc-renamed-publisher-swallows-publish-failure',
              'a PR moves the binlog entry publisher to a package of its own and swallows an exception thrown by '
              'publish with an empty catch, so the reader goes on and the entry is never published', 'rename'),
             (2, 'java-00-eventuate-cdc-renamed-publisher-drops-publish-future',
              'a PR moves the binlog entry publisher to a package of its own and drops the publishing future, saving '
              'the offset at once, so an entry the broker rejects is skipped for good', 'rename'),
             (0, 'java-ok-00-eventuate-cdc-renamed-publisher',
              'clean: the move alone; failures stop the reader and the offset waits for the publishing future',
              'rename'),
         ], rename_from='eventuate-local-java-cdc-connector-common/' + src('io.eventuate.local.common', 'BinlogEntryPublisher'),
         rename_old=lambda t: t.replace('package io.eventuate.local.common.publisher;', 'package io.eventuate.local.common;'))


# ---------------------------------------------------------------- TX-01 / RES-01: catalog store of a SQL-on-Hadoop query engine (tajo)
TAJO = template('tajo-catalog-store', r'''
public abstract class AbstractDBStore extends CatalogConstants implements CatalogStore {
  protected final Log LOG = LogFactory.getLog(getClass());

  protected Connection conn;

  /**
   * Adds a database row and its owner row in one transaction: a failure between the two inserts leaves neither.
   */
  @Override
  public void createDatabase(String databaseName, String tablespaceName, String owner) throws CatalogException {
    try {
      int spaceId = getTablespaceId(tablespaceName);
      conn.setAutoCommit(false);
      insertDatabase(databaseName, spaceId);
      insertDatabaseOwner(databaseName, owner); //@{1}TX-01
      conn.commit();
    } catch (SQLException se) {
02|      rollback();
      throw new TajoInternalError(se);
    } finally {
      resetAutoCommit();
    }
  }

  private int getTablespaceId(String spaceName) throws SQLException {
    String sql = "SELECT SPACE_ID FROM " + TB_SPACES + " WHERE SPACE_NAME = ?";
    if (LOG.isDebugEnabled()) {
      LOG.debug(sql);
    }
01|    try (PreparedStatement pstmt = conn.prepareStatement(sql)) {
01|      pstmt.setString(1, spaceName);
01|      try (ResultSet res = pstmt.executeQuery()) {
01|        if (!res.next()) {
01|          throw new UndefinedTablespaceException(spaceName);
01|        }
01|        return res.getInt(1);
01|      }
01|    }
2|    PreparedStatement pstmt = conn.prepareStatement(sql); //@RES-01
2|    pstmt.setString(1, spaceName);
2|    ResultSet res = pstmt.executeQuery();
2|    if (!res.next()) {
2|      throw new UndefinedTablespaceException(spaceName);
2|    }
2|    return res.getInt(1);
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException e) {
      LOG.error("Rollback of the catalog transaction failed", e);
    }
  }

  private void resetAutoCommit() {
    try {
      conn.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.error("Could not turn auto-commit back on", e);
    }
  }
}
''')
cases_of(case, GH + 'apache/tajo/pull/589', 'tajo-catalog/tajo-catalog-server/' + src('org.apache.tajo.catalog.store', 'AbstractDBStore'),
         J('org.apache.tajo.catalog.store', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.apache.tajo.catalog.CatalogConstants', 'org.apache.tajo.exception.TajoInternalError',
             'org.apache.tajo.exception.UndefinedTablespaceException'])(TAJO), [
             (1, 'java-00-tajo-catalog-create-database-no-rollback',
              'an edit no longer rolls back the catalog transaction when an insert fails, so the shared catalog '
              'connection keeps the half-done transaction and its locks until the next commit', 'edit'),
             (2, 'java-00-tajo-catalog-tablespace-lookup-not-closed',
              'an edit looks up the tablespace id with a statement and result set it never closes, so every '
              'database created leaks a cursor on the catalog connection', 'edit'),
             (0, 'java-ok-00-tajo-catalog-create-database-rolls-back',
              'clean: the fix rolls the catalog transaction back when an insert fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-03: HTTP client of a bulk loader's Elasticsearch output (embulk-output-elasticsearch)
EMBULK = template('embulk-es-http-client', r'''
/**
 * Sends the bulk requests of the Elasticsearch output. One instance is shared by the page outputs of every task, and
 * the tasks run on threads of their own.
 */
public class ElasticsearchHttpClient
{
    private final Logger log = Exec.getLogger(ElasticsearchHttpClient.class);

01|    private final Map<String, Long> bulkErrorsByIndex = new ConcurrentHashMap<>();
2|    private final Map<String, Long> bulkErrorsByIndex = new HashMap<>();

    Jetty92RetryHelper createRetryHelper(final PluginTask task)
    {
        return new Jetty92RetryHelper(
                task.getMaximumRetries(),
                task.getInitialRetryIntervalMillis(),
                task.getMaximumRetryIntervalMillis(),
                new Jetty92ClientCreator() {
                    @Override
                    public org.eclipse.jetty.client.HttpClient createAndStart()
                    {
                        org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient(new SslContextFactory()); //@{1}TMO-01
                        try {
02|                            client.setConnectTimeout(task.getConnectTimeoutMills());
                            client.setIdleTimeout(task.getTimeoutMills());
                            client.start();
                            return client;
                        }
                        catch (Exception e) {
                            throw Throwables.propagate(e);
                        }
                    }
                });
    }

    void recordBulkFailures(String index, int failures)
    {
01|        bulkErrorsByIndex.merge(index, (long) failures, Long::sum);
2|        Long before = bulkErrorsByIndex.get(index);
2|        bulkErrorsByIndex.put(index, before == null ? failures : before + failures); //@CONC-03
        log.warn("{} documents of a bulk request to index '{}' failed", failures, index);
    }

    long bulkFailures(String index)
    {
        return bulkErrorsByIndex.getOrDefault(index, 0L);
    }
}
''')
_EMBULK_IMPORTS = ['com.google.common.base.Throwables', 'java.util.Map', 'org.eclipse.jetty.util.ssl.SslContextFactory',
                   'org.embulk.output.elasticsearch.ElasticsearchOutputPluginDelegate.PluginTask',
                   'org.embulk.spi.Exec', 'org.embulk.util.retryhelper.jetty92.Jetty92ClientCreator',
                   'org.embulk.util.retryhelper.jetty92.Jetty92RetryHelper', 'org.slf4j.Logger']
cases_of(case, GH + 'embulk/embulk-output-elasticsearch/pull/53',
         src('org.embulk.output.elasticsearch', 'ElasticsearchHttpClient'),
         JV('org.embulk.output.elasticsearch', {
             0: _EMBULK_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
             1: _EMBULK_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
             2: _EMBULK_IMPORTS + ['java.util.HashMap']})(EMBULK), [
             (1, 'java-00-embulk-es-client-without-connect-timeout',
              'an edit starts the output\'s Jetty client without its connect timeout, so a bulk load against a node '
              'that drops SYN packets hangs on the connect of its first request', 'edit'),
             (2, 'java-00-embulk-es-bulk-failures-map-unsynchronized',
              'an edit counts bulk failures per index in a plain HashMap with a get and a put, so tasks that fail at '
              'once on their own threads lose counts or corrupt the map', 'edit'),
             (0, 'java-ok-00-embulk-es-client-with-connect-timeout',
              'clean: the fix sets the client\'s connect timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TIME-01: query logging and literals of a SQL query builder (querydsl)
QUERYDSL = template('querydsl-sql-query-logging', r'''
public abstract class AbstractSQLQuery<T, Q extends AbstractSQLQuery<T, Q>> extends ProjectableSQLQuery<T, Q> {

    protected static final String MDC_QUERY = "querydsl.query";

    protected static final String MDC_PARAMETERS = "querydsl.parameters";

    private static final Logger logger = LoggerFactory.getLogger(AbstractSQLQuery.class);

    private final TimeZone databaseTimeZone;

    public AbstractSQLQuery(@Nullable Connection conn, Configuration configuration, QueryMetadata metadata) {
        super(new QueryMixin<Q>(metadata, false), configuration);
        this.conn = conn;
        this.databaseTimeZone = configuration.getDatabaseTimeZone();
    }

    /**
     * Runs one JDBC call with the query and its parameters in the MDC, so that the driver's and the pool's log lines
     * of that call carry them. The pooled thread must not keep them for the next query.
     */
    protected <R> R logged(String queryString, Collection<Object> constants, SQLCallable<R> call) throws SQLException {
        if (!logger.isDebugEnabled()) {
            return call.call();
        }
        String normalized = queryString.replace('\n', ' ');
        MDC.put(MDC_QUERY, normalized); //@{1}CONC-04
        MDC.put(MDC_PARAMETERS, String.valueOf(constants));
02|        try {
02|            logger.debug(normalized);
02|            return call.call();
02|        } finally {
02|            MDC.remove(MDC_QUERY);
02|            MDC.remove(MDC_PARAMETERS);
02|        }
1|        logger.debug(normalized);
1|        R result = call.call();
1|        MDC.remove(MDC_QUERY);
1|        MDC.remove(MDC_PARAMETERS);
1|        return result;
    }

    /**
     * A timestamp constant written as a literal, in the database's time zone, for queries run with useLiterals.
     */
    protected String timestampLiteral(java.util.Date value) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS"); //@{2}TIME-01
01|        format.setTimeZone(databaseTimeZone);
        return "(timestamp '" + format.format(value) + "')";
    }
}
''')
cases_of(case, GH + 'querydsl/querydsl/pull/1052', 'querydsl-sql/' + src('com.querydsl.sql', 'AbstractSQLQuery'),
         J('com.querydsl.sql', ['com.querydsl.core.QueryMetadata', 'com.querydsl.core.support.QueryMixin',
                                'java.sql.Connection', 'java.sql.SQLException', 'java.text.SimpleDateFormat',
                                'java.util.Collection', 'java.util.TimeZone', 'javax.annotation.Nullable',
                                'org.slf4j.MDC'] + SLF4J)(QUERYDSL), [
             (1, 'java-00-querydsl-query-mdc-removed-outside-finally',
              'an edit removes the query and its parameters from the MDC after the JDBC call instead of in a finally, '
              'so a failing query leaves them on the pooled thread and later log lines name the wrong query', 'edit'),
             (2, 'java-00-querydsl-timestamp-literal-in-jvm-zone',
              'an edit formats timestamp literals in the JVM\'s default time zone instead of the database\'s, so '
              'queries run with literals compare against times shifted by the zone offset', 'edit'),
             (0, 'java-ok-00-querydsl-query-mdc-removed-in-finally',
              'clean: the fix removes the MDC entries in a finally', 'fix'),
         ])
