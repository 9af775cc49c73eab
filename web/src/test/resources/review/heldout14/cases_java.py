"""Round-14 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates use `B|` (defect
only) and `C|` (clean only) lines, or `-|`/`+|` lines for edits of an existing file; //@ITEM markers name the line a
reviewer reading that item should flag. Every JDBC statement sets a query timeout and every HTTP client its timeouts
unless the case is about exactly that (TMO-01 reads both ways)."""
from common14 import make_case, java_edit, pom, java, src, tst, f, pick, numbered, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def nest(text):
    """Lines after one ending in ` //>` and before one ending in ` //<` move four spaces right (a block that only the
    clean version wraps in a try); the two markers are dropped."""
    out, depth = [], 0
    for line in text.split('\n'):
        if line.endswith(' //<'):
            depth -= 1
            line = line[:-4]
        out.append('    ' * depth + line if line.strip() else line)
        if line.endswith(' //>'):
            out[-1] = out[-1][:-4]
            depth += 1
    return '\n'.join(out)


def J(pkg, cls, imports, body, bad=True):
    return f(src(pkg, cls), new=java(pkg, sorted(imports), nest(pick(body, bad))))


JDBC = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
        'javax.sql.DataSource']
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']

# ---------------------------------------------------------------- RES-01: JDBC and stream resources
case('java-00-hapi-fhir-dialect-probe-never-closes-connection', GH + 'hapifhir/hapi-fhir-jpaserver-starter/pull/435',
     'a starter resolves the Hibernate dialect from a connection\'s metadata and never closes the connection',
     files=[J('ca.uhn.fhir.jpa.starter.common', 'DialectResolver', ['java.sql.Connection', 'java.sql.SQLException',
                                                                    'java.util.Locale', 'javax.sql.DataSource'], r'''
public class DialectResolver {
    private final DataSource dataSource;

    public DialectResolver(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The dialect class for the configured database, chosen from its product name. */
    public String resolve() throws SQLException {
        Connection connection = dataSource.getConnection(); //@RES-01
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return switch (product) {
            case "postgresql" -> "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect";
            case "h2" -> "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect";
            case "microsoft sql server" -> "ca.uhn.fhir.jpa.model.dialect.HapiFhirSQLServerDialect";
            default -> throw new IllegalStateException("unsupported database " + product);
        };
    }
}
''')])

case('java-ok-00-hapi-fhir-connection-handed-to-caller-who-closes', GH + 'hapifhir/hapi-fhir-jpaserver-starter/pull/435',
     'clean: a factory returns a connection with its catalog set (the caller closes it) and closes it itself when that fails',
     files=[J('ca.uhn.fhir.jpa.starter.common', 'CatalogConnections', ['java.sql.Connection', 'java.sql.SQLException',
                                                                       'javax.sql.DataSource'], r'''
public class CatalogConnections {
    private final DataSource dataSource;

    public CatalogConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection switched to the given catalog. The caller owns it and closes it (try-with-resources). */
    public Connection open(String catalog) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setCatalog(catalog);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Number of tables of the catalog. */
    public int tableCount(String catalog) throws SQLException {
        try (Connection c = open(catalog);
             var tables = c.getMetaData().getTables(catalog, null, "%", new String[] {"TABLE"})) {
            int n = 0;
            while (tables.next()) {
                n++;
            }
            return n;
        }
    }
}
''')])

BENCH_EDIT = r'''
    /** Reloads the table catalog from the database's metadata. */
    public void refreshCatalog() throws SQLException {
-|        try (Connection conn = makeConnection()) {
-|            this.catalog = CatalogUtil.load(conn.getMetaData(), workloadConfiguration.getDatabaseType());
-|        }
+|        Connection conn = makeConnection(); //@RES-01
+|        this.catalog = CatalogUtil.load(conn.getMetaData(), workloadConfiguration.getDatabaseType());
+|        conn.close();
    }
'''
case('java-00-benchbase-edit-closes-catalog-connection-by-hand', GH + 'cmu-db/benchbase/pull/28',
     'an edit replaces try-with-resources with a close at the end; a metadata failure leaks the connection',
     files=[java_edit(src('com.oltpbenchmark.api', 'BenchmarkModule'), 'com.oltpbenchmark.api',
                      ['java.sql.Connection', 'java.sql.DriverManager', 'java.sql.SQLException'], r'''
public abstract class BenchmarkModule {
    protected final WorkloadConfiguration workloadConfiguration;
    private AbstractCatalog catalog;

    protected BenchmarkModule(WorkloadConfiguration workloadConfiguration) {
        this.workloadConfiguration = workloadConfiguration;
    }

    /** A new connection to the benchmark database; the caller closes it. */
    public final Connection makeConnection() throws SQLException {
        return DriverManager.getConnection(workloadConfiguration.getUrl(), workloadConfiguration.getUsername(),
                workloadConfiguration.getPassword());
    }
''' + BENCH_EDIT + r'''
    public AbstractCatalog getCatalog() {
        return catalog;
    }
}
''')])


def openfire(bad):
    return J('org.jivesoftware.database', 'ConnectionTester', JDBC + ['java.sql.Statement'] + SLF4J, r'''
public class ConnectionTester {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);
    private static final int TIMEOUT_SECONDS = 5;

    /** Whether the database answers and the schema is installed. */
    public static boolean testConnection(DataSource ds) {
        try (Connection con = ds.getConnection()) {
B|            Statement stmt = con.createStatement(); //@RES-01
B|            stmt.setQueryTimeout(TIMEOUT_SECONDS);
B|            ResultSet rs = stmt.executeQuery("SELECT version FROM ofVersion WHERE name = 'openfire'");
B|            boolean installed = rs.next();
B|            stmt.close();
B|            return installed;
C|            try (Statement stmt = con.createStatement()) {
C|                stmt.setQueryTimeout(TIMEOUT_SECONDS);
C|                try (ResultSet rs = stmt.executeQuery("SELECT version FROM ofVersion WHERE name = 'openfire'")) {
C|                    return rs.next();
C|                }
C|            }
        } catch (SQLException e) {
            LOG.warn("Database connection test failed", e);
            return false;
        }
    }
}
''', bad)


case('java-00-openfire-connection-test-closes-statement-on-success-only', GH + 'igniterealtime/Openfire/pull/3507',
     'a connection test closes its statement only after a successful query; a missing schema leaks the statement',
     files=[openfire(True)])
case('java-ok-00-openfire-connection-test-statement-in-try', GH + 'igniterealtime/Openfire/pull/3507',
     'clean: statement and result set are resources of nested try blocks inside the connection\'s try',
     files=[openfire(False)])


def yb_loader(bad):
    return J('com.yugabyte.sample.apps', 'SqlBatchLoader', JDBC + SLF4J + ['java.util.List'], r'''
public class SqlBatchLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SqlBatchLoader.class);
    private static final int QUERY_TIMEOUT_SECONDS = 30;
    private final DataSource dataSource;

    public SqlBatchLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the rows in batches of batchSize, one connection per batch. */
    public long load(List<KeyValue> rows, int batchSize) throws SQLException {
        long written = 0;
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<KeyValue> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
B|            Connection conn = dataSource.getConnection(); //@RES-01
B|            PreparedStatement ps = conn.prepareStatement("INSERT INTO sqlkeyvalue (k, v) VALUES (?, ?)");
C|            try (Connection conn = dataSource.getConnection();
C|                 PreparedStatement ps = conn.prepareStatement("INSERT INTO sqlkeyvalue (k, v) VALUES (?, ?)")) { //>
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (KeyValue kv : batch) {
                ps.setString(1, kv.key());
                ps.setString(2, kv.value());
                ps.addBatch();
            }
            written += ps.executeBatch().length;
B|            ps.close();
B|            conn.close();
C|            } //<
        }
        LOG.info("loaded {} rows in batches of {}", written, batchSize);
        return written;
    }

    public record KeyValue(String key, String value) {
    }
}
''', bad)


case('java-00-yb-sample-batch-loader-closes-connection-at-end-of-iteration', GH + 'yugabyte/yb-sample-apps/pull/67',
     'a sample loader takes a connection per batch and closes it by hand at the end; a failed batch leaks it',
     files=[yb_loader(True)])
case('java-ok-00-yb-sample-batch-loader-connection-per-batch-in-try', GH + 'yugabyte/yb-sample-apps/pull/67',
     'clean: each batch\'s connection and statement are resources of a try inside the loop',
     files=[yb_loader(False)])

case('java-00-weevent-topic-scan-leaves-lines-stream-open', GH + 'WeBankBlockchain/WeEvent/pull/84',
     'a broker counts topics in a file through Files.lines used in one expression; the stream and its file stay open',
     files=[J('com.webank.weevent.broker.config', 'TopicFileScanner', ['java.io.IOException', 'java.io.UncheckedIOException',
                                                                       'java.nio.file.Files', 'java.nio.file.Path'], r'''
public final class TopicFileScanner {
    private TopicFileScanner() {
    }

    /** Number of non-comment lines of the topic file. */
    public static long topicCount(Path file) {
        try {
            return Files.lines(file).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count(); //@RES-01
        } catch (IOException e) {
            throw new UncheckedIOException("read topics from " + file, e);
        }
    }
}
''')])


# ---------------------------------------------------------------- TX-01 / TX-02
def pnc_move(bad):
    return J('org.jboss.pnc.datastore', 'BuildRecordMover', JDBC + SLF4J, r'''
public class BuildRecordMover {
    private static final Logger LOG = LoggerFactory.getLogger(BuildRecordMover.class);
    private static final int TIMEOUT_SECONDS = 20;
    private final DataSource dataSource;

    public BuildRecordMover(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves a build record to the archive table in one transaction. */
    public void archive(long buildRecordId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@TX-01
C|            try { //>
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO build_record_archive SELECT * FROM build_record WHERE id = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM build_record WHERE id = ?")) {
                copy.setQueryTimeout(TIMEOUT_SECONDS);
                copy.setLong(1, buildRecordId);
                copy.executeUpdate();
                delete.setQueryTimeout(TIMEOUT_SECONDS);
                delete.setLong(1, buildRecordId);
                delete.executeUpdate();
            }
            c.commit();
C|            } catch (SQLException | RuntimeException e) { //<
C|                c.rollback();
C|                throw e;
C|            }
            LOG.debug("archived build record {}", buildRecordId);
        }
    }
}
''', bad)


case('java-00-pnc-archive-commits-without-rollback-path', GH + 'project-ncl/pnc/pull/1758',
     'a build-record archiver runs a manual transaction with no rollback; a failed delete leaves the copy pending',
     files=[pnc_move(True)])
case('java-ok-00-pnc-archive-rolls-back-and-rethrows', GH + 'project-ncl/pnc/pull/1758',
     'clean: the archive transaction rolls back and rethrows on any failure',
     files=[pnc_move(False)])

YACI_EDIT = r'''
    /** Stores the block's transactions. */
    public void saveAll(List<TxnRow> txns) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(INSERT_TXN)) {
+|            conn.setAutoCommit(false); //@TX-01
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            for (TxnRow t : txns) {
                ps.setString(1, t.hash());
                ps.setLong(2, t.slot());
                ps.setLong(3, t.fee());
                ps.addBatch();
            }
            ps.executeBatch();
+|            conn.commit();
        }
    }
'''
case('java-00-yaci-store-edit-batches-inserts-in-transaction-without-rollback', GH + 'bloxbean/yaci-store/issues/53',
     'an edit moves the writer out of impl and wraps its batch insert in a manual transaction with no rollback on the failure path',
     files=[java_edit(src('com.bloxbean.cardano.yaci.store.transaction.storage', 'TxnWriter'),
                      'com.bloxbean.cardano.yaci.store.transaction.storage.impl', JDBC + ['java.util.List'], r'''
public class TxnWriter {
    private static final String INSERT_TXN = "INSERT INTO transaction (tx_hash, slot, fee) VALUES (?, ?, ?)";
    private static final int TIMEOUT_SECONDS = 30;
    private final DataSource dataSource;

    public TxnWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }
''' + YACI_EDIT + r'''
    public record TxnRow(String hash, long slot, long fee) {
    }
}
''', rename_from=src('com.bloxbean.cardano.yaci.store.transaction.storage.impl', 'TxnWriter'),
                      new_pkg='com.bloxbean.cardano.yaci.store.transaction.storage')])


def pnc_commit(bad):
    return J('org.jboss.pnc.datastore', 'MilestoneCloser', JDBC + SLF4J, r'''
public class MilestoneCloser {
    private static final Logger LOG = LoggerFactory.getLogger(MilestoneCloser.class);
    private static final int TIMEOUT_SECONDS = 10;
    private final DataSource dataSource;

    public MilestoneCloser(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks the milestone closed and records when. */
    public void close(long milestoneId, long endDateMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE product_milestone SET end_date = ? WHERE id = ? AND end_date IS NULL")) {
B|            c.setAutoCommit(false); //@~TX-01
C|            c.setAutoCommit(false);
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            ps.setTimestamp(1, new java.sql.Timestamp(endDateMillis));
            ps.setLong(2, milestoneId);
            try {
                ps.executeUpdate();
B|                c.commit();
B|            } catch (SQLException e) { //@TX-02|ERR-01
B|                LOG.warn("could not close milestone {}", milestoneId, e);
B|            }
C|                c.commit();
C|            } catch (SQLException e) {
C|                c.rollback();
C|                throw e;
C|            }
        }
    }
}
''', bad)


case('java-00-pnc-milestone-close-logs-commit-failure', GH + 'project-ncl/pnc/pull/1758',
     'a milestone update logs a failed commit and returns normally; the caller reports the milestone closed',
     files=[pnc_commit(True)])
case('java-ok-00-pnc-milestone-close-rolls-back-and-rethrows', GH + 'project-ncl/pnc/pull/1758',
     'clean: a failed update or commit is rolled back and rethrown',
     files=[pnc_commit(False)],
     # Run 2 (RESULTS.md): the catch takes SQLException only, so a RuntimeException from the statement leaves the
     # transaction without a rollback; TX-01's Good example catches both. Accepted after run 1, no code changed.
     accept=[(src('org.jboss.pnc.datastore', 'MilestoneCloser'), 24, 'TX-01')])

case('java-00-yaci-store-cursor-update-ignores-row-count', GH + 'bloxbean/yaci-store/issues/53',
     'an optimistic cursor update ignores the row count, so a lost race is reported as a stored cursor',
     files=[J('com.bloxbean.cardano.yaci.store.core.storage', 'CursorStore', JDBC, r'''
public class CursorStore {
    private static final int TIMEOUT_SECONDS = 10;
    private final DataSource dataSource;

    public CursorStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Advances the cursor of an event consumer from expectedSlot to newSlot. */
    public void advance(String consumer, long expectedSlot, long newSlot) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE cursor_ SET slot = ? WHERE consumer = ? AND slot = ?")) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            ps.setLong(1, newSlot);
            ps.setString(2, consumer);
            ps.setLong(3, expectedSlot);
            ps.executeUpdate(); //@TX-02
        }
    }
}
''')])


# ---------------------------------------------------------------- CONC-04: MDC and ThreadLocal
def mdc_filter(bad):
    return J('uk.gov.ida.notification.logging', 'JourneyIdFilter', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain',
             'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse',
             'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException', 'java.util.UUID', 'org.slf4j.MDC'], r'''
public class JourneyIdFilter implements Filter {
    static final String JOURNEY_ID = "journeyId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String journeyId = ((HttpServletRequest) request).getHeader("X-Journey-Id");
        if (journeyId == null || journeyId.isBlank()) {
            journeyId = UUID.randomUUID().toString();
        }
B|        MDC.put(JOURNEY_ID, journeyId); //@CONC-04|HTTP-01
B|        chain.doFilter(request, response);
C|        try (MDC.MDCCloseable ignored = MDC.putCloseable(JOURNEY_ID, journeyId)) {
C|            chain.doFilter(request, response);
C|        }
    }
}
''', bad)


case('java-00-verify-proxy-journey-filter-leaves-mdc-on-thread', GH + 'alphagov/verify-proxy-node/pull/128',
     'a servlet filter puts the journey id in the MDC and never removes it; the pooled thread carries it to the next request',
     files=[mdc_filter(True)])
case('java-ok-00-verify-proxy-journey-filter-uses-closeable-mdc', GH + 'alphagov/verify-proxy-node/pull/128',
     'clean: the filter scopes the journey id with MDC.putCloseable in try-with-resources',
     files=[mdc_filter(False)])

case('java-00-verify-proxy-tenant-thread-local-removed-on-success-only', GH + 'alphagov/verify-proxy-node/pull/128',
     'a message handler sets the tenant thread-local and removes it after the work, not in finally; a failure leaves it set',
     files=[J('uk.gov.ida.notification.messaging', 'SamlMessageHandler', SLF4J, r'''
public class SamlMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SamlMessageHandler.class);
    static final ThreadLocal<String> CURRENT_CONNECTOR = new ThreadLocal<>();
    private final ResponseTranslator translator;

    public SamlMessageHandler(ResponseTranslator translator) {
        this.translator = translator;
    }

    /** Called on a listener-pool thread for every queued response. */
    public void onMessage(String connectorEntityId, byte[] samlResponse) {
        CURRENT_CONNECTOR.set(connectorEntityId); //@CONC-04
        translator.translate(samlResponse);
        CURRENT_CONNECTOR.remove();
        LOG.debug("translated response for {}", connectorEntityId);
    }
}
''')])

case('java-ok-00-verify-proxy-connector-context-helper-restores-in-finally', GH + 'alphagov/verify-proxy-node/pull/128',
     'clean: a handler runs its work through a context helper of another class that sets and removes the value in finally',
     files=[J('uk.gov.ida.notification.messaging', 'ConnectorContext', ['java.util.function.Supplier'], r'''
public final class ConnectorContext {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ConnectorContext() {
    }

    /** Runs work with the connector id visible to the code it calls; the value is gone when this returns. */
    public static <T> T with(String connectorEntityId, Supplier<T> work) {
        CURRENT.set(connectorEntityId);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    public static String current() {
        return CURRENT.get();
    }
}
'''), J('uk.gov.ida.notification.messaging', 'TranslatingHandler', [], r'''
public class TranslatingHandler {
    private final ResponseTranslator translator;

    public TranslatingHandler(ResponseTranslator translator) {
        this.translator = translator;
    }

    public String onMessage(String connectorEntityId, byte[] samlResponse) {
        return ConnectorContext.with(connectorEntityId, () -> translator.translate(samlResponse));
    }
}
''')])

case('java-00-verify-proxy-async-task-copies-mdc-without-clearing', GH + 'alphagov/verify-proxy-node/pull/128',
     'an async audit task copies the caller\'s MDC onto a pool thread and never clears it',
     files=[J('uk.gov.ida.notification.audit', 'AuditPublisher', ['java.util.Map', 'java.util.concurrent.Executor',
                                                                  'org.slf4j.MDC'], r'''
public class AuditPublisher {
    private final Executor executor;
    private final AuditClient client;

    public AuditPublisher(Executor executor, AuditClient client) {
        this.executor = executor;
        this.client = client;
    }

    /** Sends the event on the audit pool, with the caller's logging context. */
    public void publish(AuditEvent event) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        executor.execute(() -> {
            if (context != null) {
                MDC.setContextMap(context); //@CONC-04
            }
            client.send(event);
        });
    }
}
''')])


# ---------------------------------------------------------------- CONC-05: interruption
def jsmpp_reader(bad):
    return J('org.jsmpp.session', 'PduReaderWorker', SLF4J + ['java.util.concurrent.BlockingQueue',
                                                              'java.util.concurrent.TimeUnit'], r'''
public class PduReaderWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PduReaderWorker.class);
    private final BlockingQueue<byte[]> queue;
    private final PduProcessor processor;
    private volatile boolean running = true;

    public PduReaderWorker(BlockingQueue<byte[]> queue, PduProcessor processor) {
        this.queue = queue;
        this.processor = processor;
    }

    @Override
    public void run() {
        while (running) {
            try {
                byte[] pdu = queue.poll(500, TimeUnit.MILLISECONDS);
                if (pdu != null) {
                    processor.process(pdu);
                }
B|            } catch (InterruptedException e) { //@CONC-05
B|                LOG.warn("PDU reader interrupted, continuing", e);
C|            } catch (InterruptedException e) {
C|                Thread.currentThread().interrupt();
C|                LOG.info("PDU reader interrupted, stopping");
C|                return;
            }
        }
    }

    public void stop() {
        running = false;
    }
}
''', bad)


case('java-00-jsmpp-pdu-reader-logs-interrupt-and-keeps-polling', GH + 'opentelecoms-org/jsmpp/pull/49',
     'an SMPP reader loop logs InterruptedException and polls again, so shutdownNow never stops it',
     files=[jsmpp_reader(True)])
case('java-ok-00-jsmpp-pdu-reader-restores-interrupt-and-stops', GH + 'opentelecoms-org/jsmpp/pull/49',
     'clean: the reader restores the interrupt flag and leaves the loop',
     files=[jsmpp_reader(False)])

case('java-00-rrd4j-lock-wait-wraps-interrupt-in-runtime-exception', GH + 'rrd4j/rrd4j/pull/91',
     'a database pool converts InterruptedException into an IllegalStateException without restoring the flag',
     files=[J('org.rrd4j.core', 'RrdDbPool', ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.locks.Condition',
                                             'java.util.concurrent.locks.ReentrantLock'], r'''
public class RrdDbPool {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Map<String, Integer> usage = new HashMap<>();
    private final int capacity;

    public RrdDbPool(int capacity) {
        this.capacity = capacity;
    }

    /** Reserves a slot for path, waiting while the pool is full. */
    public void acquire(String path) {
        lock.lock();
        try {
            while (usage.size() >= capacity && !usage.containsKey(path)) {
                released.await();
            }
            usage.merge(path, 1, Integer::sum);
        } catch (InterruptedException e) { //@CONC-05
            throw new IllegalStateException("interrupted while waiting for a free RRD slot", e);
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot taken by acquire. */
    public void release(String path) {
        lock.lock();
        try {
            if (usage.merge(path, -1, Integer::sum) <= 0) {
                usage.remove(path);
                released.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
''')])

PODLISTEN_EDIT = r'''
    @Override
    public void run() {
        while (!stopped) {
            try {
                Thread.sleep(PROGRESS_INTERVAL_MS);
                publishProgress();
            } catch (InterruptedException e) { //@CONC-05
-|                Thread.currentThread().interrupt();
-|                return;
+|                Log.d(TAG, "progress updater woken up early");
            }
        }
    }
'''
case('java-00-podlisten-edit-progress-updater-swallows-interrupt', GH + 'einmalfel/PodListen/pull/52',
     'an edit replaces the restore-and-return in a progress updater\'s catch with a debug line; the loop goes on',
     files=[java_edit(src('com.einmalfel.podlisten', 'ProgressUpdater'), 'com.einmalfel.podlisten', ['android.util.Log'], r'''
class ProgressUpdater implements Runnable {
    private static final String TAG = "PPU";
    private static final long PROGRESS_INTERVAL_MS = 1000;
    private final PlayerService service;
    private volatile boolean stopped;

    ProgressUpdater(PlayerService service) {
        this.service = service;
    }
''' + PODLISTEN_EDIT + r'''
    private void publishProgress() {
        service.broadcastProgress();
    }

    void stop() {
        stopped = true;
    }
}
''')])

case('java-ok-00-jitsi-keyframe-wait-propagates-interrupt', GH + 'jitsi/jitsi-videobridge/pull/1252',
     'clean: a keyframe waiter declares InterruptedException and lets it propagate to the caller',
     files=[J('org.jitsi.videobridge.cc', 'KeyframeWaiter', ['java.util.concurrent.CountDownLatch',
                                                             'java.util.concurrent.TimeUnit'], r'''
public class KeyframeWaiter {
    private final CountDownLatch keyframe = new CountDownLatch(1);

    /** Called by the packet path when a keyframe for the source arrives. */
    public void onKeyframe() {
        keyframe.countDown();
    }

    /** Waits up to timeoutMs for a keyframe; an interrupt propagates to the caller. */
    public boolean await(long timeoutMs) throws InterruptedException {
        return keyframe.await(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
''')])


# ---------------------------------------------------------------- CONC-03: shared mutable state
def ftp_dates(bad):
    return J('be.ppareit.swiftp.server', 'FtpDates', ['java.text.SimpleDateFormat', 'java.time.Instant', 'java.time.ZoneOffset',
             'java.time.format.DateTimeFormatter', 'java.util.Date', 'java.util.Locale', 'java.util.TimeZone'], r'''
public final class FtpDates {
B|    private static final SimpleDateFormat MDTM = new SimpleDateFormat("yyyyMMddHHmmss", Locale.US); //@CONC-03
B|
B|    static {
B|        MDTM.setTimeZone(TimeZone.getTimeZone("UTC"));
B|    }
C|    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.US)
C|            .withZone(ZoneOffset.UTC);

    private FtpDates() {
    }

    /** The MDTM reply value for a file modified at millis; called by every session thread. */
    public static String mdtm(long millis) {
B|        return MDTM.format(new Date(millis));
C|        return MDTM.format(Instant.ofEpochMilli(millis));
    }
}
''', bad)


case('java-00-swiftp-shared-static-date-format-for-mdtm', GH + 'ppareit/swiftp/issues/65',
     'an FTP server formats modification times for every session with one static SimpleDateFormat',
     files=[ftp_dates(True)])
case('java-ok-00-swiftp-mdtm-uses-immutable-formatter', GH + 'ppareit/swiftp/issues/65',
     'clean: the MDTM formatter is an immutable DateTimeFormatter fixed to UTC',
     files=[ftp_dates(False)])

case('java-00-cqlkit-row-mapper-shares-date-format-across-workers', GH + 'tenmax/cqlkit/pull/10',
     'a row mapper used by parallel export workers keeps one SimpleDateFormat instance field',
     files=[J('io.tenmax.cqlkit', 'RowFormatter', ['java.text.SimpleDateFormat', 'java.util.Date', 'java.util.List',
                                                   'java.util.stream.Collectors'], r'''
public class RowFormatter {
    private final SimpleDateFormat timestampFormat = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ"); //@CONC-03
    private final String delimiter;

    public RowFormatter(String delimiter) {
        this.delimiter = delimiter;
    }

    /** Formats the rows of one token range; ranges are exported in parallel with one shared formatter. */
    public List<String> format(List<Object[]> rows) {
        return rows.parallelStream().map(this::line).collect(Collectors.toList());
    }

    private String line(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            Object v = values[i];
            sb.append(v instanceof Date d ? timestampFormat.format(d) : String.valueOf(v));
        }
        return sb.toString();
    }
}
''')])


def perun_sessions(bad):
    return J('cz.metacentrum.perun.registrar', 'ApplicationLocks', ['java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.ConcurrentMap', 'java.util.concurrent.locks.ReentrantLock'], r'''
public class ApplicationLocks {
    private final ConcurrentMap<Integer, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The lock serialising approvals of one application; shared by every request thread. */
    public ReentrantLock lockFor(int applicationId) {
B|        ReentrantLock lock = locks.get(applicationId);
B|        if (lock == null) { //@CONC-03
B|            lock = new ReentrantLock();
B|            locks.put(applicationId, lock);
B|        }
B|        return lock;
C|        return locks.computeIfAbsent(applicationId, id -> new ReentrantLock());
    }
}
''', bad)


case('java-00-perun-application-lock-check-then-put', GH + 'CESNET/perun/pull/630',
     'a registrar hands out per-application locks with get-then-put on a concurrent map; two threads can get different locks',
     files=[perun_sessions(True)])
case('java-ok-00-perun-application-lock-compute-if-absent', GH + 'CESNET/perun/pull/630',
     'clean: the lock is created with one atomic computeIfAbsent',
     files=[perun_sessions(False)])

case('java-ok-00-timetracker-date-format-made-per-call', GH + 'netmackan/ATimeTracker/issues/109',
     'clean: a report builds a SimpleDateFormat locally for each call, so no two threads share one',
     files=[J('com.markuspage.android.atimetracker', 'ReportRow', ['java.text.SimpleDateFormat', 'java.util.Date',
                                                                  'java.util.Locale'], r'''
public record ReportRow(String task, long startMillis, long endMillis) {

    /** One CSV line of the report. */
    public String toCsv() {
        var format = new SimpleDateFormat("yyyy-MM-dd HH:mm", Locale.ROOT);
        return String.join(",", task, format.format(new Date(startMillis)), format.format(new Date(endMillis)),
                Long.toString((endMillis - startMillis) / 60_000));
    }
}
''')])


# ---------------------------------------------------------------- CONC-06: futures dropped
def uploader(bad):
    return J('com.datadog.android.core.internal.data.upload', 'UploadScheduler', SLF4J + [
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService'], r'''
public class UploadScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(UploadScheduler.class);
    private final ExecutorService executor;
    private final BatchUploader uploader;

    public UploadScheduler(ExecutorService executor, BatchUploader uploader) {
        this.executor = executor;
        this.uploader = uploader;
    }

    /** Uploads the batch in the background. */
    public void schedule(Batch batch) {
B|        executor.submit(() -> uploader.upload(batch)); //@CONC-06
C|        CompletableFuture.runAsync(() -> uploader.upload(batch), executor)
C|                .whenComplete((ok, failure) -> {
C|                    if (failure != null) {
C|                        LOG.warn("upload of batch {} failed", batch.id(), failure);
C|                    }
C|                });
    }
}
''', bad)


case('java-00-datadog-upload-submit-drops-future', GH + 'DataDog/dd-sdk-android/pull/1125',
     'an SDK submits batch uploads to an executor and drops the Future, so a failing upload is never seen',
     files=[uploader(True)])
case('java-ok-00-datadog-upload-observes-completion', GH + 'DataDog/dd-sdk-android/pull/1125',
     'clean: the upload runs as a CompletableFuture whose failure is logged by a completion handler',
     files=[uploader(False)])

case('java-00-revenuecat-cache-refresh-run-async-unobserved', GH + 'RevenueCat/purchases-android/pull/234',
     'an offerings cache refreshes through runAsync with no handler; an exception in the refresh vanishes',
     files=[J('com.revenuecat.purchases.offerings', 'OfferingsCache', ['java.time.Clock', 'java.time.Duration',
             'java.time.Instant', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor'], r'''
public class OfferingsCache {
    private final Executor executor;
    private final OfferingsFetcher fetcher;
    private final Clock clock;
    private volatile Offerings cached;
    private volatile Instant fetchedAt = Instant.EPOCH;

    public OfferingsCache(Executor executor, OfferingsFetcher fetcher, Clock clock) {
        this.executor = executor;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The cached offerings; a stale cache is refreshed in the background. */
    public Offerings get() {
        if (Duration.between(fetchedAt, clock.instant()).toMinutes() >= 5) {
            CompletableFuture.runAsync(this::refresh, executor); //@CONC-06
        }
        return cached;
    }

    private void refresh() {
        cached = fetcher.fetch();
        fetchedAt = clock.instant();
    }
}
''')])


# ---------------------------------------------------------------- LOG-02 / LOG-01 / ERR-01
def waggle(bad):
    return J('com.hotels.bdp.waggledance.mapping.service', 'DatabaseResolver', SLF4J + ['java.util.Map'], r'''
public class DatabaseResolver {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseResolver.class);
    private final Map<String, DatabaseMapping> mappings;

    public DatabaseResolver(Map<String, DatabaseMapping> mappings) {
        this.mappings = mappings;
    }

    /** The mapping serving dbName, or the primary one. Called for every metastore request. */
    public DatabaseMapping resolve(String dbName) {
        DatabaseMapping mapping = mappings.getOrDefault(dbName, mappings.get("primary"));
B|        LOG.debug("Resolved database " + dbName + " to " + mapping); //@LOG-02
C|        LOG.debug("Resolved database {} to {}", dbName, mapping.name());
        return mapping;
    }
}
''', bad)


case('java-00-waggle-dance-resolver-concatenates-debug-message', GH + 'ExpediaGroup/waggle-dance/pull/298',
     'a metastore federation resolver builds its per-request debug message by concatenation, toString included',
     files=[waggle(True)])
case('java-ok-00-waggle-dance-resolver-uses-placeholders', GH + 'ExpediaGroup/waggle-dance/pull/298',
     'clean: the debug line uses placeholders and logs the mapping name, not the whole object',
     files=[waggle(False)])

XRPC_EDIT = r'''
    @Override
    public void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Route route = router.match(request.method(), request.uri());
+|        LOG.debug(String.format("Matched %s %s to %s with headers %s", request.method(), request.uri(), route, request.headers())); //@LOG-02
        if (route == null) {
            ctx.writeAndFlush(Responses.notFound()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        route.handle(ctx, request);
    }
'''
case('java-00-xrpc-edit-adds-eager-debug-format-per-request', GH + 'Nordstrom/xrpc/pull/107',
     'an edit adds a String.format debug line with every request\'s headers to the router\'s hot path',
     files=[java_edit(src('com.nordstrom.xrpc.server', 'RouterHandler'), 'com.nordstrom.xrpc.server', SLF4J + [
         'io.netty.channel.ChannelFutureListener', 'io.netty.channel.ChannelHandlerContext',
         'io.netty.channel.SimpleChannelInboundHandler', 'io.netty.handler.codec.http.FullHttpRequest'], r'''
public class RouterHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RouterHandler.class);
    private final Router router;

    public RouterHandler(Router router) {
        this.router = router;
    }
''' + XRPC_EDIT + '}\n')])

case('java-00-canreg-import-logs-every-record', GH + 'IARC-CSU/CanReg5/issues/118',
     'a cancer-registry import writes an info line with the whole record for every row of a file of many thousand',
     files=[J('canreg.common.importer', 'RecordImporter', SLF4J + ['java.util.List'], r'''
public class RecordImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordImporter.class);
    private final RecordStore store;

    public RecordImporter(RecordStore store) {
        this.store = store;
    }

    /** Imports every record of a parsed file; returns how many were rejected. */
    public int importAll(List<PatientRecord> records) {
        int rejected = 0;
        for (PatientRecord r : records) {
            LOG.info("Importing record {}", r); //@LOG-01
            if (!store.save(r)) {
                rejected++;
            }
        }
        return rejected;
    }
}
''')])

case('java-ok-00-canreg-import-samples-rejections-and-summarises', GH + 'IARC-CSU/CanReg5/issues/118',
     'clean: the import logs the first few rejections by id and one summary line for the file',
     files=[J('canreg.common.importer', 'RecordImporter', SLF4J + ['java.util.List'], r'''
public class RecordImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordImporter.class);
    private static final int LOGGED_REJECTIONS = 5;
    private final RecordStore store;

    public RecordImporter(RecordStore store) {
        this.store = store;
    }

    /** Imports every record of a parsed file; returns how many were rejected. */
    public int importAll(List<PatientRecord> records) {
        int rejected = 0;
        for (PatientRecord r : records) {
            if (!store.save(r) && rejected++ < LOGGED_REJECTIONS) {
                LOG.warn("Rejected record id={}", r.id());
            }
        }
        LOG.info("Imported {} records, {} rejected ({} not logged)", records.size(), rejected,
                Math.max(0, rejected - LOGGED_REJECTIONS));
        return rejected;
    }
}
''')])


def oie_writer(bad):
    return J('com.mirth.connect.server.util', 'MessageArchiver', ['java.io.IOException', 'java.io.UncheckedIOException',
             'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.nio.file.StandardOpenOption'], r'''
public class MessageArchiver {
    private final Path directory;

    public MessageArchiver(Path directory) {
        this.directory = directory;
    }

    /** Appends the message to the channel's archive file. */
    public void archive(String channelId, String message) {
        Path file = directory.resolve(channelId + ".log");
        try {
            Files.writeString(file, message + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
B|        } catch (IOException e) { //@ERR-01
B|            e.printStackTrace();
C|        } catch (IOException e) {
C|            throw new UncheckedIOException("archive message of channel " + channelId, e);
        }
    }
}
''', bad)


case('java-00-oie-archiver-prints-stack-trace-and-carries-on', GH + 'OpenIntegrationEngine/engine/issues/207',
     'a message archiver prints the stack trace of a failed write and returns as if the message were archived',
     files=[oie_writer(True)])
case('java-ok-00-oie-archiver-rethrows-with-context', GH + 'OpenIntegrationEngine/engine/issues/207',
     'clean: the archiver rethrows the failure as UncheckedIOException with the channel id',
     files=[oie_writer(False)])


# ---------------------------------------------------------------- RES-04 / RES-02 / TMO-01: HTTP clients
def preview(bad):
    return J('io.github.ponnamkarthik.richlinkpreview', 'MetaFetcher', ['java.io.IOException', 'java.util.concurrent.TimeUnit',
             'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'], r'''
public class MetaFetcher {
C|    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
C|            .connectTimeout(5, TimeUnit.SECONDS)
C|            .callTimeout(15, TimeUnit.SECONDS)
C|            .build();

    /** The HTML of the page, for its Open Graph tags. */
    public String fetchHtml(String url) throws IOException {
B|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
B|                .connectTimeout(5, TimeUnit.SECONDS)
B|                .callTimeout(15, TimeUnit.SECONDS)
B|                .build();
        Request request = new Request.Builder().url(url).header("User-Agent", "RichLinkPreview").build();
B|        try (Response response = client.newCall(request).execute()) {
C|        try (Response response = CLIENT.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET " + url + ": " + response.code());
            }
            return response.body().string();
        }
    }
}
''', bad)


case('java-00-richlinkpreview-builds-okhttp-client-per-fetch', GH + 'ponnamkarthik/RichLinkPreview/issues/6',
     'a link-preview fetcher builds a new OkHttpClient, with its own pool and threads, for every page',
     files=[preview(True)])
case('java-ok-00-richlinkpreview-shares-one-okhttp-client', GH + 'ponnamkarthik/RichLinkPreview/issues/6',
     'clean: one OkHttpClient with timeouts is built once and shared by every fetch',
     files=[preview(False)])

case('java-00-k8s-client-builds-jdk-http-client-per-watch-call', GH + 'kubernetes-client/java/issues/1002',
     'a controller helper builds a JDK HttpClient (executor and selector thread) for every API call',
     files=[J('io.kubernetes.client.extended.controller', 'ApiCaller', ['java.io.IOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public class ApiCaller {
    private final URI apiServer;
    private final String token;

    public ApiCaller(URI apiServer, String token) {
        this.apiServer = apiServer;
        this.token = token;
    }

    /** GETs a path of the API server and returns the JSON body. */
    public String get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(apiServer.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }
}
''')])

case('java-ok-00-k8s-client-built-once-in-configuration', GH + 'kubernetes-client/java/issues/1002',
     'clean: a Spring configuration builds the JDK HttpClient once as a bean, with timeouts, and injects it',
     files=[J('io.kubernetes.client.spring.extended.controller', 'ApiClientConfiguration', ['java.net.http.HttpClient',
             'java.time.Duration', 'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration'], r'''
@Configuration
public class ApiClientConfiguration {

    /** One client for the whole application: its selector thread and connection pool are shared by every call. */
    @Bean
    public HttpClient apiHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Bean
    public ApiCaller apiCaller(HttpClient apiHttpClient, ApiServerProperties props) {
        return new ApiCaller(apiHttpClient, props.uri(), props.token());
    }
}
''')])


def social_http(bad):
    return J('com.belerweb.social.http', 'Http', ['java.io.IOException', 'org.apache.http.HttpStatus',
             'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils'], r'''
public final class Http {
    private static final RequestConfig CONFIG = RequestConfig.custom()
            .setConnectTimeout(5_000).setConnectionRequestTimeout(5_000).setSocketTimeout(20_000).build();
    private static final CloseableHttpClient CLIENT = HttpClients.custom()
            .setDefaultRequestConfig(CONFIG).setMaxConnPerRoute(20).setMaxConnTotal(100).build();

    private Http() {
    }

    /** The body of a GET, or null when the API answers with an error status. */
    public static String get(String url) throws IOException {
        HttpGet request = new HttpGet(url);
B|        CloseableHttpResponse response = CLIENT.execute(request); //@RES-02
C|        try (CloseableHttpResponse response = CLIENT.execute(request)) { //>
        if (response.getStatusLine().getStatusCode() != HttpStatus.SC_OK) {
            return null;
        }
        return EntityUtils.toString(response.getEntity(), "UTF-8");
C|        } //<
    }
}
''', bad)


case('java-00-social-sdk-get-leaves-error-responses-unclosed', GH + 'belerweb/social-sdk/issues/73',
     'a social API client returns null on an error status without closing the response; the pooled connection is never released',
     files=[social_http(True)])
case('java-ok-00-social-sdk-get-response-in-try', GH + 'belerweb/social-sdk/issues/73',
     'clean: the response is a try-with-resources resource, closed on the error status too',
     files=[social_http(False)])

case('java-00-esa-restclient-stream-body-unclosed-on-error-status', GH + 'esastack/esa-restclient/pull/103',
     'a download client asks for an InputStream body and throws on an error status without closing the stream',
     files=[J('io.esastack.restclient.download', 'Downloader', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.file.Files',
             'java.nio.file.Path', 'java.nio.file.StandardCopyOption', 'java.time.Duration'], r'''
public class Downloader {
    private final HttpClient client;

    public Downloader(HttpClient client) {
        this.client = client;
    }

    /** Saves the resource at uri to target. */
    public long download(URI uri, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + ": " + response.statusCode());
        }
        try (InputStream body = response.body()) {
            return Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
''')])

case('java-00-esa-restclient-url-connection-without-read-timeout', GH + 'esastack/esa-restclient/pull/103',
     'a health probe sets a connect timeout on its URL connection but no read timeout, so a stalled server blocks it',
     files=[J('io.esastack.restclient.health', 'HealthProbe', ['java.io.IOException', 'java.io.InputStream',
             'java.net.HttpURLConnection', 'java.net.URL'], r'''
public class HealthProbe {
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    /** Whether the endpoint answers 200 with a body starting with "UP". */
    public boolean isUp(URL endpoint) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) endpoint.openConnection(); //@TMO-01
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        try {
            if (conn.getResponseCode() != 200) {
                return false;
            }
            try (InputStream in = conn.getInputStream()) {
                return new String(in.readNBytes(2)).equals("UP");
            }
        } finally {
            conn.disconnect();
        }
    }
}
''')])

case('java-00-k8s-client-static-http-client-without-timeouts', GH + 'kubernetes-client/java/issues/687',
     'a shared JDK HttpClient is built with newHttpClient and its requests carry no timeout',
     files=[J('io.kubernetes.client.util', 'TokenReviewer', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse'], r'''
public class TokenReviewer {
    private static final HttpClient CLIENT = HttpClient.newHttpClient(); //@TMO-01
    private final URI reviewEndpoint;

    public TokenReviewer(URI reviewEndpoint) {
        this.reviewEndpoint = reviewEndpoint;
    }

    /** Posts a TokenReview and returns the API server's answer. */
    public String review(String tokenReviewJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(reviewEndpoint) //@~TMO-01
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tokenReviewJson))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')])

case('java-00-openfire-user-lookup-statement-without-query-timeout', GH + 'igniterealtime/Openfire/pull/3507',
     'a user provider runs its lookup with no query timeout, so a locked table holds the request thread',
     files=[J('org.jivesoftware.openfire.user', 'JdbcUserLookup', JDBC + ['java.util.Optional'], r'''
public class JdbcUserLookup {
    private final DataSource dataSource;

    public JdbcUserLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The display name of a user, if the user exists. */
    public Optional<String> displayName(String username) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT name FROM ofUser WHERE username = ?")) { //@TMO-01
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
''')])

case('java-ok-00-esa-restclient-jdk-client-with-timeouts', GH + 'esastack/esa-restclient/pull/103',
     'clean: a shared JDK client with a connect timeout and a request timeout, reading the body as a string',
     files=[J('io.esastack.restclient.health', 'StatusClient', ['java.io.IOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public class StatusClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The status document of a service, or an exception when it does not answer 200 in time. */
    public String status(URI service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/status")).timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 200 -> response.body();
            case 503 -> throw new IOException(service + " is starting");
            default -> throw new IOException(service + ": status " + response.statusCode());
        };
    }
}
''')])

case('java-00-runelite-okhttp-response-leaks-on-error-status', GH + 'runelite/runelite/pull/5704',
     'a price client throws on an unsuccessful response without closing it; only the success path reads and closes the body',
     files=[J('net.runelite.client.game', 'PriceClient', ['java.io.IOException', 'okhttp3.HttpUrl', 'okhttp3.OkHttpClient',
             'okhttp3.Request', 'okhttp3.Response'], r'''
public class PriceClient {
    private final OkHttpClient client;
    private final HttpUrl apiBase;

    public PriceClient(OkHttpClient client, HttpUrl apiBase) {
        this.client = client;
        this.apiBase = apiBase;
    }

    /** The current price of an item, as the JSON the API returns. */
    public String price(int itemId) throws IOException {
        Request request = new Request.Builder().url(apiBase.newBuilder().addPathSegment("item").addPathSegment(Integer.toString(itemId)).build()).build();
        Response response = client.newCall(request).execute(); //@RES-02
        if (!response.isSuccessful()) {
            throw new IOException("price of item " + itemId + ": HTTP " + response.code());
        }
        return response.body().string();
    }
}
''')])


# ---------------------------------------------------------------- CONC-02 / CONC-01 / CONC-07: executors and threads
def player_sync(bad):
    return J('vip.fubuki.playersync.sync', 'SyncExecutor', SLF4J + ['java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'], r'''
public class SyncExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SyncExecutor.class);
B|    private final ExecutorService pool = Executors.newCachedThreadPool(); //@CONC-02
C|    private final ExecutorService pool = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS,
C|            new ArrayBlockingQueue<>(256), r -> {
C|                Thread t = new Thread(r, "player-sync");
C|                t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
C|                return t;
C|            }, new ThreadPoolExecutor.CallerRunsPolicy());
B|    private final PlayerStore store; //@~CONC-01
C|    private final PlayerStore store;

    public SyncExecutor(PlayerStore store) {
        this.store = store;
    }

    /** Saves a player's inventory when they log out; one task per logout. */
    public void onLogout(PlayerSnapshot snapshot) {
        pool.execute(() -> store.save(snapshot));
    }

    public void shutdown() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("player sync did not finish in time");
        }
    }
}
''', bad)


case('java-00-playersync-cached-pool-per-logout-save', GH + 'mlus-asuka/PlayerSync/pull/172',
     'a game-server plugin saves players on a cached thread pool, which grows a thread per waiting save when the database is slow',
     files=[player_sync(True)])
case('java-ok-00-playersync-bounded-pool-with-caller-runs', GH + 'mlus-asuka/PlayerSync/pull/172',
     'clean: a bounded pool with a small queue, CallerRunsPolicy for back-pressure and a thread factory with a handler',
     files=[player_sync(False)])

case('java-00-doris-fixed-pool-queues-every-load-task', GH + 'apache/doris/issues/3387',
     'a load scheduler uses Executors.newFixedThreadPool, whose queue has no bound, for every submitted load',
     files=[J('org.apache.doris.load', 'LoadTaskScheduler', ['java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors'], r'''
public class LoadTaskScheduler {
    private final ExecutorService executor = Executors.newFixedThreadPool(Config.loadWorkers()); //@CONC-02
    private final LoadRunner runner; //@~CONC-01

    public LoadTaskScheduler(LoadRunner runner) {
        this.runner = runner;
    }

    /** Queues a load job; called for every stream-load request. */
    public void schedule(LoadJob job) {
        executor.execute(() -> runner.run(job));
    }
}
''')])

case('java-00-hiero-event-drain-thread-without-handler', GH + 'hiero-ledger/hiero-consensus-node/pull/6024',
     'a node starts its event-drain loop on a raw thread with no uncaught-exception handler; a failure stops draining silently',
     files=[J('com.swirlds.platform.event', 'EventDrain', ['java.util.concurrent.BlockingQueue'], r'''
public class EventDrain {
    private final BlockingQueue<GossipEvent> queue;
    private final EventSink sink;
    private volatile boolean running = true;

    public EventDrain(BlockingQueue<GossipEvent> queue, EventSink sink) {
        this.queue = queue;
        this.sink = sink;
    }

    public void start() {
        Thread t = new Thread(this::drain, "event-drain"); //@CONC-01
        t.setDaemon(true);
        t.start();
    }

    private void drain() {
        try {
            while (running) {
                sink.accept(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
    }
}
''')])

case('java-ok-00-hiero-thread-factory-sets-handler', GH + 'hiero-ledger/hiero-consensus-node/pull/6024',
     'clean: node threads come from a factory that names them and sets an uncaught-exception handler that logs and counts',
     files=[J('com.swirlds.common.threading', 'NodeThreads', SLF4J + ['java.util.concurrent.ThreadFactory',
             'java.util.concurrent.atomic.AtomicInteger', 'java.util.concurrent.atomic.LongAdder'], r'''
public final class NodeThreads {
    private static final Logger LOG = LoggerFactory.getLogger(NodeThreads.class);
    private static final LongAdder UNCAUGHT = new LongAdder();

    private NodeThreads() {
    }

    /** A factory of daemon threads named prefix-N whose uncaught exceptions are logged and counted. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> {
                UNCAUGHT.increment();
                LOG.error("uncaught exception in {}", th.getName(), e);
            });
            return t;
        };
    }

    /** Starts body on a new guarded thread. */
    public static Thread start(String name, Runnable body) {
        Thread t = factory(name).newThread(body);
        t.start();
        return t;
    }

    public static long uncaughtCount() {
        return UNCAUGHT.sum();
    }
}
''')])

case('java-00-dcache-pool-refresh-scheduled-unguarded', GH + 'dCache/dcache/pull/1931',
     'a pool manager schedules its pool-list refresh at a fixed rate; one exception in the refresh cancels every later run',
     files=[J('org.dcache.poolmanager', 'PoolListRefresher', SLF4J + ['java.util.List',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class PoolListRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(PoolListRefresher.class);
    private final ScheduledExecutorService scheduler;
    private final PoolMonitor monitor;
    private volatile List<String> pools = List.of();

    public PoolListRefresher(ScheduledExecutorService scheduler, PoolMonitor monitor) {
        this.scheduler = scheduler;
        this.monitor = monitor;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::refresh, 0, 30, TimeUnit.SECONDS); //@CONC-07
    }

    private void refresh() {
        pools = List.copyOf(monitor.onlinePools());
        LOG.debug("{} pools online", pools.size());
    }

    public List<String> pools() {
        return pools;
    }
}
''')])

DCACHE_EDIT = r'''
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> { //@CONC-07
-|            try {
            flushCounters();
-|            } catch (RuntimeException e) {
-|                LOG.warn("Failed to flush transfer counters: {}", e.toString());
-|            }
        }, 10, 10, TimeUnit.SECONDS);
    }
'''
case('java-00-dcache-edit-unwraps-counter-flush-task', GH + 'dCache/dcache/pull/1932',
     'an edit removes the catch around a periodic counter flush, so its first exception ends the schedule (CRLF file)',
     files=[java_edit(src('org.dcache.services.billing', 'CounterFlusher'), 'org.dcache.services.billing', SLF4J + [
         'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class CounterFlusher {
    private static final Logger LOG = LoggerFactory.getLogger(CounterFlusher.class);
    private final ScheduledExecutorService scheduler;
    private final CounterStore store;

    public CounterFlusher(ScheduledExecutorService scheduler, CounterStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }
''' + DCACHE_EDIT + r'''
    private void flushCounters() {
        store.flush();
    }
}
''', crlf=True)])

case('java-ok-00-dcache-scheduled-tasks-go-through-guard', GH + 'dCache/dcache/pull/1931',
     'clean: periodic tasks are scheduled through a guard that catches everything but VirtualMachineError and counts failures',
     files=[J('org.dcache.util', 'GuardedSchedule', SLF4J + ['java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.atomic.LongAdder'], r'''
public final class GuardedSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSchedule.class);
    private static final LongAdder FAILURES = new LongAdder();

    private GuardedSchedule() {
    }

    /** Runs body every period; a failing run is logged and counted, and the next run still happens. */
    public static ScheduledFuture<?> every(ScheduledExecutorService scheduler, String job, long period, TimeUnit unit,
                                           Runnable body) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                FAILURES.increment();
                LOG.error("scheduled job {} failed; it will run again", job, t);
            }
        }, period, period, unit);
    }
}
'''), J('org.dcache.poolmanager', 'PoolListRefresher', ['java.util.List', 'java.util.concurrent.ScheduledExecutorService',
         'java.util.concurrent.TimeUnit', 'org.dcache.util.GuardedSchedule'], r'''
public class PoolListRefresher {
    private final ScheduledExecutorService scheduler;
    private final PoolMonitor monitor;
    private volatile List<String> pools = List.of();

    public PoolListRefresher(ScheduledExecutorService scheduler, PoolMonitor monitor) {
        this.scheduler = scheduler;
        this.monitor = monitor;
    }

    public void start() {
        GuardedSchedule.every(scheduler, "pool-list-refresh", 30, TimeUnit.SECONDS, this::refresh);
    }

    private void refresh() {
        pools = List.copyOf(monitor.onlinePools());
    }
}
''')])


# ---------------------------------------------------------------- TMO-02 / TMO-03: futures and watchdogs
def brooklyn_wait(bad):
    return J('org.apache.brooklyn.util.net', 'ReachabilityChecker', ['java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException'], r'''
public class ReachabilityChecker {
    private final ExecutorService executor;
    private final SocketProber prober;

    public ReachabilityChecker(ExecutorService executor, SocketProber prober) {
        this.executor = executor;
        this.prober = prober;
    }

    /** Whether host:port accepts a connection within timeoutMs. */
    public boolean reachable(String host, int port, long timeoutMs) throws InterruptedException {
        Future<Boolean> probe = executor.submit(() -> prober.probe(host, port));
        try {
            return probe.get(timeoutMs, TimeUnit.MILLISECONDS); //@TMO-02
        } catch (TimeoutException e) {
C|            probe.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
''', bad)


case('java-00-brooklyn-reachability-probe-not-cancelled-on-timeout', GH + 'apache/brooklyn-server/pull/1062',
     'a reachability check stops waiting for its probe on timeout but leaves the probe running on the pool',
     files=[brooklyn_wait(True)])
case('java-ok-00-brooklyn-reachability-probe-cancelled-on-timeout', GH + 'apache/brooklyn-server/pull/1062',
     'clean: the probe future is cancelled with interruption when the wait times out',
     files=[brooklyn_wait(False)])

case('java-00-concurrency-limits-watchdog-never-cancelled', GH + 'Netflix/concurrency-limits/issues/231',
     'a blocking executor schedules a watchdog per task and never cancels it when the task finishes in time',
     files=[J('com.netflix.concurrency.limits.executors', 'DeadlineRunner', ['java.util.concurrent.Callable',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class DeadlineRunner {
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    public DeadlineRunner(ExecutorService workers, ScheduledExecutorService timer) {
        this.workers = workers;
        this.timer = timer;
    }

    /** Runs task, interrupting it if it takes longer than deadlineMs. */
    public <T> T run(Callable<T> task, long deadlineMs) throws InterruptedException, ExecutionException {
        Future<T> f = workers.submit(task);
        timer.schedule(() -> f.cancel(true), deadlineMs, TimeUnit.MILLISECONDS); //@TMO-03
        return f.get();
    }
}
''')])

case('java-00-brooklyn-rest-call-without-remaining-budget', GH + 'apache/brooklyn-server/pull/1062',
     'an entity effector calls a sensor feed over HTTP with a fixed timeout instead of the effector\'s remaining deadline',
     files=[J('org.apache.brooklyn.feed.http', 'SensorPoller', ['java.io.IOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration',
             'java.time.Instant'], r'''
public class SensorPoller {
    private final HttpClient client;

    public SensorPoller(HttpClient client) {
        this.client = client;
    }

    /** Reads each sensor before the effector's deadline. */
    public String poll(URI sensor, Instant deadline) throws IOException, InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            throw new IOException("effector deadline passed before polling " + sensor);
        }
        HttpRequest request = HttpRequest.newBuilder(sensor).timeout(Duration.ofSeconds(60)).GET().build(); //@TMO-02
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')])


# ---------------------------------------------------------------- a multi-file PR with a test, a pom and a generated stub
case('java-ok-00-idealo-profiler-reader-with-test-pom-and-generated-stub', GH + 'idealo/mongodb-slow-operations-profiler/pull/1',
     'clean: a report reader with a test beside it, a pom and a generated protobuf stub; formatter and reader are safe',
     files=[J('de.idealo.mongodb.slowops.report', 'ReportReader', ['java.io.BufferedReader', 'java.io.IOException',
             'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.time.Instant',
             'java.time.ZoneOffset', 'java.time.format.DateTimeFormatter', 'java.util.ArrayList', 'java.util.List'], r'''
public class ReportReader {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public record Entry(String day, String op, long millis) {
    }

    /** Reads "epochMillis op durationMillis" lines from a report file. */
    public List<Entry> read(Path report) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                var parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    entries.add(new Entry(DAY.format(Instant.ofEpochMilli(Long.parseLong(parts[0]))), parts[1],
                            Long.parseLong(parts[2])));
                }
            }
        }
        return entries;
    }
}
'''), f(tst('de.idealo.mongodb.slowops.report', 'ReportReaderTest'), new=java('de.idealo.mongodb.slowops.report', sorted([
        'java.nio.file.Files', 'java.nio.file.Path', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir',
        'static org.junit.jupiter.api.Assertions.assertEquals']), r'''
class ReportReaderTest {
    @TempDir
    Path dir;

    @Test
    void reads_one_entry_per_well_formed_line() throws Exception {
        Path report = Files.writeString(dir.resolve("r.txt"), "0 find 120\nbroken\n86400000 update 5\n");
        var entries = new ReportReader().read(report);
        assertEquals(2, entries.size());
        assertEquals("1970-01-02", entries.get(1).day());
    }
}
''')), f('pom.xml', new=pom('mongodb-slow-operations-profiler', ['org.junit.jupiter:junit-jupiter:5.10.2'])),
        f(src('de.idealo.mongodb.slowops.proto', 'SlowOpProto'), new=JAVA_GENERATED + java('de.idealo.mongodb.slowops.proto', [], r'''
public final class SlowOpProto {
    private SlowOpProto() {
    }

    public static final class SlowOp {
        private final String op;
        private final long millis;

        private SlowOp(String op, long millis) {
            this.op = op;
            this.millis = millis;
        }

        public static SlowOp of(String op, long millis) {
            return new SlowOp(op, millis);
        }

        public String getOp() {
            return op;
        }

        public long getMillis() {
            return millis;
        }
    }
}
'''))])

# Near-repeats left out to keep 60 Java cases, two thirds of them defects (their templates stay above, unused):
DROPPED = {
    'java-ok-00-pnc-archive-rolls-back-and-rethrows',
    'java-ok-00-oie-archiver-rethrows-with-context',
    'java-ok-00-yb-sample-batch-loader-connection-per-batch-in-try',
    'java-ok-00-jsmpp-pdu-reader-restores-interrupt-and-stops',
    'java-ok-00-richlinkpreview-shares-one-okhttp-client',
}
CASES = numbered([c for c in CASES if c['name'] not in DROPPED], 'java')
