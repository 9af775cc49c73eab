"""Round-27 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 26)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / TX-01: migration runner (jmigrate)
JMIGRATE = r'''
/** Applies the pending migration scripts of one database. */
public class Migrator {
    private static final Logger log = LoggerFactory.getLogger(Migrator.class);
    private final DataSource dataSource;

    public Migrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void apply(List<Migration> pending) throws SQLException {
02|        try (Connection conn = dataSource.getConnection()) {
1|        Connection conn = dataSource.getConnection(); //@RES-01
1|        synchronized (this) {
02|            conn.setAutoCommit(false); //@{2}TX-01
1|            conn.setAutoCommit(false);
2|            log.info("applying {} migrations", pending.size());
            for (Migration m : pending) {
                try (Statement st = conn.createStatement()) {
                    st.setQueryTimeout(300);
                    st.execute(m.up());
                    st.executeUpdate("INSERT INTO jmigrate_already_migrated_script (id) VALUES (" + m.id() + ")");
01|                } catch (SQLException e) {
01|                    conn.rollback();
01|                    throw new MigrationException("migration " + m.id() + " failed", e);
                }
            }
            conn.commit();
        }
    }
}
'''
cases_of(case, GH + 'tanin47/jmigrate/pull/3', src('tanin47.jmigrate', 'Migrator'),
         J('tanin47.jmigrate', SLF4J + ['java.sql.Connection', 'java.sql.SQLException', 'java.sql.Statement', 'java.util.List',
                                'javax.sql.DataSource'])(JMIGRATE), [
             (1, 'java-00-jmigrate-migration-connection-never-closed',
              'an edit takes the connection out of try-with-resources, so every run leaves it open', 'edit'),
             (2, 'java-00-jmigrate-failed-script-not-rolled-back',
              'an edit drops the rollback of a failed script, leaving the transaction open on the connection', 'edit'),
             (0, 'java-ok-00-jmigrate-connection-in-try-rollback-on-failure',
              'clean: the connection in try-with-resources, a failed script rolled back and rethrown', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: batch writer (taos-connector-jdbc)
TAOS = r'''
/** Writes rows of a super table in batches through the JNI connection. */
public class TSDBBatchWriter {
    private static final Logger log = LoggerFactory.getLogger(TSDBBatchWriter.class);
    private final Connection connection;

    public TSDBBatchWriter(Connection connection) {
        this.connection = connection;
    }

    public int write(String table, List<String> values) throws SQLException {
02|        try (Statement stmt = connection.createStatement()) {
1|        Statement stmt = connection.createStatement(); //@RES-01
1|        synchronized (connection) {
            stmt.setQueryTimeout(30);
            for (String v : values) {
                stmt.addBatch("INSERT INTO " + table + " VALUES (" + v + ")");
            }
            int written = 0;
01|            for (int n : stmt.executeBatch()) {
01|                written += n;
01|            }
2|            try {
2|                for (int n : stmt.executeBatch()) {
2|                    written += n;
2|                }
2|            } catch (BatchUpdateException e) { //@ERR-01
2|                log.debug("batch to {} partly failed", table);
2|            }
            return written;
        }
    }
}
'''
cases_of(case, GH + 'taosdata/taos-connector-jdbc/pull/186', src('com.taosdata.jdbc', 'TSDBBatchWriter'),
         J('com.taosdata.jdbc', SLF4J + ['java.sql.BatchUpdateException', 'java.sql.Connection', 'java.sql.SQLException',
                                         'java.sql.Statement', 'java.util.List'])(TAOS), [
             (1, 'java-00-taos-batch-statement-never-closed',
              'an edit takes the statement out of try-with-resources, so each batch leaks its native statement', 'edit'),
             (2, 'java-00-taos-partial-batch-failure-logged-at-debug',
              'an edit catches a failed batch, logs it at debug and reports the rows written so far', 'edit'),
             (0, 'java-ok-00-taos-statement-in-try-failure-propagates',
              'clean: statement in try-with-resources, a failed batch propagates', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: protection store (LWC)
LWC = r'''
/** Stores block protections of the LWC plugin. */
public class PhysDB {
    private static final String SAVE_SQL =
            "REPLACE INTO lwc_protections (id, owner, type, x, y, z, world) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private final DataSource pool;

    public PhysDB(DataSource pool) {
        this.pool = pool;
    }

    public void saveProtection(Protection p) throws SQLException {
02|        try (Connection conn = pool.getConnection();
02|             PreparedStatement ps = conn.prepareStatement(SAVE_SQL)) { //@{2}TMO-01
1|        try (Connection conn = pool.getConnection()) {
1|            PreparedStatement ps = conn.prepareStatement(SAVE_SQL); //@RES-01
01|            ps.setQueryTimeout(5);
            ps.setInt(1, p.getId());
            ps.setString(2, p.getOwner());
            ps.setInt(3, p.getType().ordinal());
            ps.setInt(4, p.getX());
            ps.setInt(5, p.getY());
            ps.setInt(6, p.getZ());
            ps.setString(7, p.getWorld());
            ps.executeUpdate();
        }
    }
}
'''
cases_of(case, GH + 'Hidendra/LWC/issues/789', src('com.griefcraft.sql', 'PhysDB'),
         J('com.griefcraft.sql', ['com.griefcraft.model.Protection', 'java.sql.Connection', 'java.sql.PreparedStatement',
                                  'java.sql.SQLException', 'javax.sql.DataSource'])(LWC), [
             (1, 'java-00-lwc-save-protection-statement-never-closed',
              'an edit prepares the statement inside the block, so every save leaves a statement on the pooled connection',
              'edit'),
             (2, 'java-00-lwc-save-protection-without-query-timeout',
              'an edit drops the query timeout, so a locked table holds the saving thread without a bound', 'edit'),
             (0, 'java-ok-00-lwc-statement-in-try-bounded',
              'clean: statement in try-with-resources with a query timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: block change consumer (LogBlock)
LOGBLOCK = r'''
/** Writes queued block changes of one world to its table. */
public class Consumer {
    private static final Logger log = Logger.getLogger(Consumer.class.getName());
    private final DataSource pool;

    public Consumer(DataSource pool) {
        this.pool = pool;
    }

    void insert(Connection conn, BlockChange bc) throws SQLException {
02|        try (PreparedStatement ps = conn.prepareStatement(INSERT_SQL)) {
1|        PreparedStatement ps = conn.prepareStatement(INSERT_SQL); //@RES-01
1|        synchronized (conn) {
            ps.setQueryTimeout(10);
            ps.setLong(1, bc.date);
            ps.setInt(2, bc.playerId);
            ps.setInt(3, bc.replaced);
            ps.setInt(4, bc.type);
            ps.setInt(5, bc.x);
            ps.setInt(6, bc.y);
            ps.setInt(7, bc.z);
            ps.executeUpdate();
01|            log.log(Level.FINE, "inserted change of {0} at {1},{2},{3}", new Object[] {bc.playerId, bc.x, bc.y, bc.z});
2|            log.fine("inserted change of " + bc.playerId + " at " + bc.x + "," + bc.y + "," + bc.z); //@LOG-02
        }
    }

    private static final String INSERT_SQL =
            "INSERT INTO `lb-world` (date, playerid, replaced, type, x, y, z) VALUES (FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?)";
}
'''
cases_of(case, GH + 'LogBlock/LogBlock/pull/316', src('de.diddiz.LogBlock', 'Consumer'),
         J('de.diddiz.LogBlock', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                                  'java.util.logging.Level', 'java.util.logging.Logger', 'javax.sql.DataSource'])(LOGBLOCK), [
             (1, 'java-00-logblock-insert-statement-never-closed',
              'an edit prepares a statement for every block change and never closes it', 'edit'),
             (2, 'java-00-logblock-insert-line-concatenated',
              'an edit builds the FINE line of every block change by concatenation, paid with FINE off', 'edit'),
             (0, 'java-ok-00-logblock-statement-in-try-parameterised-line',
              'clean: statement in try-with-resources, a parameterised FINE line', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: single-hop executor, renamed (geode)
GEODE = r'''
/** Runs the per-server operations of a single-hop client request. */
public class SingleHopClientExecutor {
    private static final Logger logger = LogService.getLogger();
    private static final ExecutorService execService = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "Function Execution Thread-" + next.incrementAndGet()); //@{2}CONC-01
            t.setDaemon(true);
01|            t.setUncaughtExceptionHandler((th, e) -> logger.error("Uncaught exception in {}", th.getName(), e));
            return t;
        }
    });

    static void submitAll(List<Runnable> tasks) {
        for (Runnable task : tasks) {
02|            execService.execute(task);
1|            execService.submit(task); //@CONC-06
        }
    }
}
'''


def geode_old(text):
    return text.replace('SingleHopClientExecutor', 'SingleHopExecutor')


cases_of(case, GH + 'apache/geode/pull/296', src('org.apache.geode.cache.client.internal', 'SingleHopClientExecutor'),
         J('org.apache.geode.cache.client.internal', ['java.util.List', 'java.util.concurrent.ExecutorService',
                                                     'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
                                                     'java.util.concurrent.atomic.AtomicInteger',
                                                     'org.apache.geode.logging.internal.log4j.api.LogService',
                                                     'org.apache.logging.log4j.Logger'])(GEODE), [
             (1, 'java-00-geode-renamed-executor-submit-future-dropped',
              'a PR renames the executor class and submits each task, dropping the future that holds its failure',
              'rename'),
             (2, 'java-00-geode-renamed-executor-thread-without-handler',
              'a PR renames the executor class and drops the uncaught-exception handler of its threads', 'rename'),
             (0, 'java-ok-00-geode-renamed-executor-execute-handler-kept',
              'clean: the rename alone; tasks executed, threads with a logging handler', 'rename'),
         ], rename_from=src('org.apache.geode.cache.client.internal', 'SingleHopExecutor'), rename_old=geode_old)


# ---------------------------------------------------------------- CONC-03 / CONC-05: culling thread (EntityCulling)
ENTITYCULLING = r'''
/** Decides on a background thread which block entities are hidden; the render thread reads the result. */
public class CullTask implements Runnable {
02|    private final Set<BlockPos> hidden = ConcurrentHashMap.newKeySet();
1|    private final Set<BlockPos> hidden = new HashSet<>(); //@CONC-03
    private final OcclusionCullingInstance culling;
    private volatile boolean running = true;

    public CullTask(OcclusionCullingInstance culling) {
        this.culling = culling;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(10);
                for (BlockPos pos : culling.candidates()) {
                    if (culling.isVisible(pos)) {
                        hidden.remove(pos);
                    } else {
                        hidden.add(pos);
                    }
                }
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
2|            } catch (InterruptedException e) { //@CONC-05
2|                // next pass
            }
        }
    }

    public boolean isHidden(BlockPos pos) {
        return hidden.contains(pos);
    }
}
'''
cases_of(case, GH + 'tr7zw/EntityCulling/issues/6', src('dev.tr7zw.entityculling', 'CullTask'),
         J('dev.tr7zw.entityculling', ['com.logisticscraft.occlusionculling.OcclusionCullingInstance',
                                       'java.util.HashSet', 'java.util.Set', 'java.util.concurrent.ConcurrentHashMap',
                                       'net.minecraft.core.BlockPos'])(ENTITYCULLING), [
             (1, 'java-00-entityculling-hidden-set-plain-hash-set',
              'an edit keeps the hidden set in a HashSet that the cull thread writes while the render thread reads',
              'edit'),
             (2, 'java-00-entityculling-interrupt-swallowed-in-cull-loop',
              'an edit swallows the interrupt of the cull thread\'s sleep, so it cannot be stopped', 'edit'),
             (0, 'java-ok-00-entityculling-concurrent-set-interrupt-restored',
              'clean: a concurrent set, the interrupt restored and the loop left', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: result writer (macrobase)
MACROBASE = r'''
/** Writes the explanation of one analysis to a CSV file. */
public class ExplanationWriter {
    private static final Logger log = LoggerFactory.getLogger(ExplanationWriter.class);

    public void write(Explanation explanation, File target) throws IOException {
02|        try (Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(target), StandardCharsets.UTF_8))) {
1|        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(target), StandardCharsets.UTF_8)); //@RES-01
1|        synchronized (this) {
            out.write("attributes,support,ratio\n");
            for (ItemsetResult r : explanation.getItemsets()) {
01|                out.write(r.toCsvLine());
2|                try {
2|                    out.write(r.toCsvLine());
2|                } catch (IOException e) { //@ERR-01
2|                    log.debug("skipped itemset {}", r);
2|                }
                out.write('\n');
            }
            out.flush();
        }
    }
}
'''
cases_of(case, GH + 'stanford-futuredata/macrobase/pull/154', src('macrobase.analysis.result', 'ExplanationWriter'),
         J('macrobase.analysis.result', SLF4J + ['java.io.BufferedWriter', 'java.io.File', 'java.io.FileOutputStream',
                                                 'java.io.IOException', 'java.io.OutputStreamWriter', 'java.io.Writer',
                                                 'java.nio.charset.StandardCharsets'])(MACROBASE), [
             (1, 'java-00-macrobase-explanation-file-never-closed',
              'an edit opens the output file outside try-with-resources, so the file stays open (and undeletable on Windows)',
              'edit'),
             (2, 'java-00-macrobase-itemset-write-failure-skipped',
              'an edit catches a failed write, logs it at debug and writes the rest of a truncated file', 'edit'),
             (0, 'java-ok-00-macrobase-writer-in-try-failure-propagates',
              'clean: writer in try-with-resources, a failed write propagates', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: SVM trust store (sw360), CRLF
SW360 = r'''
/** Talks to the SVM vulnerability service over TLS with the configured trust store. */
public class SvmConnector {
    private static final Logger log = LogManager.getLogger(SvmConnector.class);

    static SSLSocketFactory createSslSocketFactoryForSVM(String keystoreFile, char[] password) throws SVMException {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
02|            try (FileInputStream fis = new FileInputStream(keystoreFile)) {
02|                trustStore.load(fis, password);
02|            }
1|            trustStore.load(new FileInputStream(keystoreFile), password); //@RES-01
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLSv1.2");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
01|        } catch (IOException | GeneralSecurityException e) {
01|            throw new SVMException("could not build the SVM trust store from " + keystoreFile, e);
2|        } catch (IOException | GeneralSecurityException e) { //@ERR-01
2|            log.debug("SVM trust store unavailable, using the default socket factory");
2|            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
    }
}
'''
cases_of(case, GH + 'eclipse-sw360/sw360/pull/3764', src('org.eclipse.sw360.datahandler.db', 'SvmConnector'),
         J('org.eclipse.sw360.datahandler.db', [
             'java.io.FileInputStream', 'java.io.IOException', 'java.security.GeneralSecurityException',
             'java.security.KeyStore', 'javax.net.ssl.SSLContext', 'javax.net.ssl.SSLSocketFactory',
             'javax.net.ssl.TrustManagerFactory', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
             'org.eclipse.sw360.datahandler.common.SVMException'])(SW360), [
             (1, 'java-00-sw360-svm-trust-store-stream-never-closed',
              'an edit loads the trust store from a stream it never closes, locking the keystore file (CRLF)', 'edit'),
             (2, 'java-00-sw360-svm-trust-store-failure-falls-back-silently',
              'an edit falls back to the default socket factory when the trust store fails, with a debug line (CRLF)',
              'edit'),
             (0, 'java-ok-00-sw360-stream-in-try-failure-thrown',
              'clean: stream in try-with-resources, a broken trust store thrown (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / CONC-03: queue file (tape)
TAPE = r'''
/** A file-backed FIFO queue; one instance per file, shared through the cache. */
public final class QueueFile implements Closeable {
01|    private static final Map<File, QueueFile> OPEN = new ConcurrentHashMap<>();
2|    private static final Map<File, QueueFile> OPEN = new HashMap<>(); //@CONC-03
    private final RandomAccessFile raf;

    public static QueueFile open(File file) throws IOException {
        return OPEN.computeIfAbsent(file, QueueFile::create);
    }

    private static QueueFile create(File file) {
        try {
            return new QueueFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    QueueFile(File file) throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file, "rwd"); //@{1}RES-01
02|        try {
02|            readHeader(raf);
02|        } catch (IOException | RuntimeException e) {
02|            raf.close();
02|            throw e;
02|        }
1|        readHeader(raf);
        this.raf = raf;
    }

    @Override
    public void close() throws IOException {
        raf.close();
    }
}
'''
cases_of(case, GH + 'square/tape/pull/178', src('com.squareup.tape2', 'QueueFile'),
         J('com.squareup.tape2', ['java.io.Closeable', 'java.io.File', 'java.io.IOException', 'java.io.RandomAccessFile',
                                  'java.io.UncheckedIOException', 'java.util.HashMap', 'java.util.Map',
                                  'java.util.concurrent.ConcurrentHashMap'])(TAPE), [
             (1, 'java-00-tape-file-left-open-on-bad-header',
              'an edit reads the header without closing the file when it fails, so a corrupt queue locks its file',
              'edit'),
             (2, 'java-00-tape-open-queues-plain-hash-map',
              'an edit keeps the open queues in a HashMap that threads of the app open queues through', 'edit'),
             (0, 'java-ok-00-tape-file-closed-on-failure-concurrent-cache',
              'clean: the file closed when the header fails, the cache a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: group storage (LuckPerms)
LUCKPERMS = r'''
/** Saves permission groups to the SQL backend. */
public class SqlStorage {
    private final ConnectionFactory connectionFactory;

    public SqlStorage(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public void saveGroup(Group group) throws SQLException {
02|        try (Connection c = this.connectionFactory.getConnection()) {
1|        Connection c = this.connectionFactory.getConnection(); //@RES-01
1|        synchronized (group) {
2|            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false); //@{2}TX-01
            try (PreparedStatement del = c.prepareStatement(DELETE_NODES);
                 PreparedStatement ins = c.prepareStatement(INSERT_NODE)) {
                del.setQueryTimeout(10);
                ins.setQueryTimeout(10);
                del.setString(1, group.getName());
                del.executeUpdate();
                for (Node node : group.getNodes()) {
                    ins.setString(1, group.getName());
                    ins.setString(2, node.getKey());
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
01|            } catch (SQLException e) {
01|                c.rollback();
01|                throw e;
            }
        }
    }

    private static final String DELETE_NODES = "DELETE FROM luckperms_group_permissions WHERE name = ?";
    private static final String INSERT_NODE = "INSERT INTO luckperms_group_permissions (name, permission) VALUES (?, ?)";
}
'''
cases_of(case, GH + 'LuckPerms/LuckPerms/issues/287', src('me.lucko.luckperms.common.storage.implementation.sql', 'SqlStorage'),
         J('me.lucko.luckperms.common.storage.implementation.sql', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
             'me.lucko.luckperms.common.model.Group', 'me.lucko.luckperms.common.storage.implementation.sql.connection.ConnectionFactory',
             'net.luckperms.api.node.Node'])(LUCKPERMS), [
             (1, 'java-00-luckperms-save-group-connection-never-closed',
              'an edit takes the pooled connection out of try-with-resources, so every save leaks it', 'edit'),
             (2, 'java-00-luckperms-save-group-not-rolled-back',
              'an edit drops the rollback, so a failed save returns the connection to the pool mid-transaction', 'edit'),
             (0, 'java-ok-00-luckperms-connection-in-try-rollback-on-failure',
              'clean: connection in try-with-resources, a failed save rolled back and rethrown', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: database setup and ping (Plan)
PLAN = r'''
/** Connects Plan to MySQL and keeps the pool alive. */
public class MySQLDB {
    private static final Logger LOGGER = LoggerFactory.getLogger(MySQLDB.class);
    private HikariDataSource dataSource;

    public void setupDataSource(HikariConfig config, ScheduledExecutorService scheduler) throws SQLException {
        dataSource = new HikariDataSource(config);
02|        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
1|        Connection conn = dataSource.getConnection(); //@RES-01
1|        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(5);
            st.execute("SELECT 1");
        }
        scheduler.scheduleAtFixedRate(this::ping, 1, 1, TimeUnit.MINUTES);
    }

    private void ping() {
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            st.setQueryTimeout(5);
            st.execute("/* ping */ SELECT 1");
        } catch (SQLException e) {
01|            LOGGER.warn("database ping failed", e);
2|            throw new IllegalStateException("database ping failed", e); //@CONC-07
        }
    }
}
'''
cases_of(case, GH + 'plan-player-analytics/Plan/issues/756', src('com.djrapitops.plan.storage.database', 'MySQLDB'),
         J('com.djrapitops.plan.storage.database', SLF4J + ['com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource',
                                                         'java.sql.Connection', 'java.sql.SQLException', 'java.sql.Statement',
                                                         'java.util.concurrent.ScheduledExecutorService',
                                                         'java.util.concurrent.TimeUnit'])(PLAN), [
             (1, 'java-00-plan-setup-check-connection-never-closed',
              'an edit keeps only the statement in try-with-resources, so the setup check leaks its connection', 'edit'),
             (2, 'java-00-plan-ping-failure-ends-schedule',
              'an edit rethrows a failed ping from the scheduled task, which stops every later ping', 'edit'),
             (0, 'java-ok-00-plan-setup-in-try-ping-failure-logged',
              'clean: connection and statement in try-with-resources, a failed ping logged and the schedule kept', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-05: UPnP registry (cling)
CLING = r'''
/** Default configuration of the UPnP stack: its executors and the registry maintainer. */
public class DefaultUpnpServiceConfiguration {
    private static final Logger log = Logger.getLogger(DefaultUpnpServiceConfiguration.class.getName());
    private final ExecutorService defaultExecutorService;

    public DefaultUpnpServiceConfiguration() {
01|        this.defaultExecutorService = new ThreadPoolExecutor(4, 16, 10, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(512), new ClingThreadFactory(), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.defaultExecutorService = Executors.newCachedThreadPool(new ClingThreadFactory()); //@CONC-02
    }

    /** Runs maintenance passes of the registry until the thread is interrupted. */
    static final class RegistryMaintainer implements Runnable {
        private final Registry registry;
        private final long sleepMillis;

        RegistryMaintainer(Registry registry, long sleepMillis) {
            this.registry = registry;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                registry.maintain();
                try {
                    Thread.sleep(sleepMillis);
02|                } catch (InterruptedException e) {
02|                    log.fine("registry maintainer interrupted, stopping");
02|                    Thread.currentThread().interrupt();
1|                } catch (InterruptedException e) { //@CONC-05
1|                    log.fine("registry maintainer interrupted");
                }
            }
        }
    }
}
'''
cases_of(case, GH + '4thline/cling/issues/240', src('org.fourthline.cling', 'DefaultUpnpServiceConfiguration'),
         J('org.fourthline.cling', ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                                    'java.util.concurrent.Executors', 'java.util.concurrent.ThreadPoolExecutor',
                                    'java.util.concurrent.TimeUnit', 'java.util.logging.Logger',
                                    'org.fourthline.cling.registry.Registry'])(CLING), [
             (1, 'java-00-cling-maintainer-interrupt-swallowed',
              'an edit logs the interrupt of the maintainer\'s sleep and loops on, so shutdown cannot stop it', 'edit'),
             (2, 'java-00-cling-cached-pool-unbounded',
              'an edit swaps the bounded pool for a cached one, one thread per queued UPnP message', 'edit'),
             (0, 'java-ok-00-cling-bounded-pool-interrupt-restored',
              'clean: a bounded pool with caller-runs back-pressure, the interrupt restored', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: office connection (yarg)
YARG = r'''
/** Connects to a running office process over its socket and waits for it to accept. */
public class OfficeConnection {
    private static final Logger log = LoggerFactory.getLogger(OfficeConnection.class);
    private final InetSocketAddress address;
    private final int timeoutMillis;

    public OfficeConnection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    public Socket connect() throws IOException {
        Socket socket = new Socket();
0|        socket.connect(address, timeoutMillis);
0|        socket.setSoTimeout(timeoutMillis);
1|        socket.connect(address, timeoutMillis);
1|        socket.setSoTimeout(timeoutMillis);
2|        socket.connect(address); //@TMO-01
        return socket;
    }

    public void waitUntilStopped(Process process) {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            process.destroyForcibly();
1|        } catch (InterruptedException e) { //@CONC-05
1|            log.warn("interrupted while waiting for office to stop");
        }
    }
}
'''
cases_of(case, GH + 'cuba-platform/yarg/pull/137', src('com.haulmont.yarg.formatters.impl.doc.connector', 'OfficeConnection'),
         J('com.haulmont.yarg.formatters.impl.doc.connector', SLF4J + ['java.io.IOException', 'java.net.InetSocketAddress',
                                                                        'java.net.Socket', 'java.util.concurrent.TimeUnit'])(YARG), [
             (1, 'java-00-yarg-office-stop-interrupt-swallowed',
              'an edit logs the interrupt while waiting for the office process and drops it, leaving the process', 'edit'),
             (2, 'java-00-yarg-office-socket-without-timeouts',
              'an edit connects to the office socket without a connect or read timeout, so a hung office hangs the report',
              'edit'),
             (0, 'java-ok-00-yarg-bounded-socket-interrupt-restored',
              'clean: socket with connect and read timeouts, the interrupt restored and the process killed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: EL resolver (webappenhance)
WEBAPP = r'''
/** Escapes XML in every string an EL expression of a JSP page returns, unless the page opted out. */
public class EscapeXmlELResolver extends ELResolver {
    private static final ThreadLocal<Boolean> excludeMe = ThreadLocal.withInitial(() -> Boolean.FALSE);
01|    private static final Map<String, Boolean> optOutPages = new ConcurrentHashMap<>();
2|    private static final Map<String, Boolean> optOutPages = new HashMap<>(); //@CONC-03

    static void markOptOut(String page, boolean out) {
        optOutPages.put(page, out);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
02|        if (excludeMe.get()) {
1|        if (Boolean.TRUE.equals(excludeMe.get())) {
            return null;
        }
        excludeMe.set(Boolean.TRUE); //@{1}CONC-04
        try {
            Object value = context.getELResolver().getValue(context, base, property);
            if (value instanceof String && !optOutPages.getOrDefault(pageOf(context), false)) {
                context.setPropertyResolved(true);
                return escape((String) value);
            }
            return value;
        } finally {
02|            excludeMe.remove();
1|            excludeMe.set(Boolean.FALSE);
        }
    }
}
'''
cases_of(case, GH + 'pukkaone/webappenhance/issues/1', src('com.github.pukkaone.jsp', 'EscapeXmlELResolver'),
         J('com.github.pukkaone.jsp', ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                                       'javax.el.ELContext', 'javax.el.ELResolver'])(WEBAPP), [
             (1, 'java-00-webappenhance-thread-local-reset-not-removed',
              'an edit resets the guard to false instead of removing it, leaving an entry on every pooled request thread',
              'edit'),
             (2, 'java-00-webappenhance-opt-out-pages-plain-hash-map',
              'an edit keeps the opt-out pages in a HashMap that request threads write while others read', 'edit'),
             (0, 'java-ok-00-webappenhance-thread-local-removed-concurrent-map',
              'clean: the guard removed in finally, opt-outs in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: change queue (simperium-android)
SIMPERIUM = r'''
/** Persists the queued local changes of a bucket in SQLite. */
public class QueueSerializer {
    private final SQLiteDatabase database;

    public QueueSerializer(SQLiteDatabase database) {
        this.database = database;
    }

    public List<String> pendingKeys(String bucket) {
        List<String> keys = new ArrayList<>();
02|        try (Cursor cursor = database.query(TABLE, new String[] {"key"}, "bucket=?", new String[] {bucket}, null, null, "rowid")) {
1|        Cursor cursor = database.query(TABLE, new String[] {"key"}, "bucket=?", new String[] {bucket}, null, null, "rowid"); //@RES-01
1|        if (cursor != null) {
            while (cursor.moveToNext()) {
                keys.add(cursor.getString(0));
            }
        }
        return keys;
    }

    public void replace(String bucket, List<ContentValues> changes) {
        database.beginTransaction(); //@{2}TX-01
01|        try {
            database.delete(TABLE, "bucket=?", new String[] {bucket});
            for (ContentValues change : changes) {
                database.insertOrThrow(TABLE, null, change);
            }
            database.setTransactionSuccessful();
01|        } finally {
            database.endTransaction();
01|        }
    }

    private static final String TABLE = "queue";
}
'''
cases_of(case, GH + 'Simperium/simperium-android/issues/152', src('com.simperium.android', 'QueueSerializer'),
         J('com.simperium.android', ['android.content.ContentValues', 'android.database.Cursor',
                                     'android.database.sqlite.SQLiteDatabase', 'java.util.ArrayList', 'java.util.List'])(SIMPERIUM), [
             (1, 'java-00-simperium-pending-keys-cursor-never-closed',
              'an edit reads the queued keys without closing the cursor', 'edit'),
             (2, 'java-00-simperium-queue-transaction-ended-on-success-only',
              'an edit ends the replace transaction only when every insert succeeded, so a failed insert leaves it open',
              'edit'),
             (0, 'java-ok-00-simperium-cursor-in-try-transaction-in-finally',
              'clean: cursor in try-with-resources, transaction ended in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: catalogue counts (Book-Catalogue)
BOOKCAT = r'''
/** Database access of the book catalogue. */
public class CatalogueDBAdapter {
    private static final String TAG = "CatalogueDBAdapter";
    private final SQLiteDatabase mDb;

    public CatalogueDBAdapter(SQLiteDatabase db) {
        mDb = db;
    }

    public int countBooks(long bookshelfId) {
        Cursor count = mDb.rawQuery("SELECT count(*) FROM book_bookshelf_weak WHERE bookshelf=?", //@{1}RES-01
                new String[] {String.valueOf(bookshelfId)});
02|        try {
            count.moveToFirst();
            return count.getInt(0);
02|        } finally {
02|            count.close();
02|        }
    }

    public void deleteBook(long id) {
01|        mDb.delete("books", "_id=?", new String[] {String.valueOf(id)});
2|        try {
2|            mDb.delete("books", "_id=?", new String[] {String.valueOf(id)});
2|        } catch (SQLiteException e) { //@ERR-01
2|            Log.w(TAG, "delete failed");
2|        }
    }
}
'''
cases_of(case, GH + 'eleybourn/Book-Catalogue/issues/73', src('com.eleybourn.bookcatalogue', 'CatalogueDBAdapter'),
         J('com.eleybourn.bookcatalogue', ['android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                                           'android.database.sqlite.SQLiteException', 'android.util.Log'])(BOOKCAT), [
             (1, 'java-00-book-catalogue-count-cursor-never-closed',
              'an edit counts the books of a shelf without closing the cursor', 'edit'),
             (2, 'java-00-book-catalogue-failed-delete-logged-only',
              'an edit catches a failed delete, logs a warning without the cause and reports nothing', 'edit'),
             (0, 'java-ok-00-book-catalogue-cursor-in-finally-delete-propagates',
              'clean: cursor closed in finally, a failed delete propagates', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: entity store, new file (SimpleNoSQL)
SIMPLENOSQL = r'''
/** Stores JSON entities by bucket and id in SQLite, off the main thread. */
public class SimpleNoSQLDBHelper {
    private final SQLiteDatabase db;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    public SimpleNoSQLDBHelper(SQLiteDatabase db) {
        this.db = db;
    }

    public List<String> getEntities(String bucket) {
        List<String> out = new ArrayList<>();
02|        try (Cursor cursor = db.query("entities", new String[] {"data"}, "bucket=?", new String[] {bucket}, null, null, null)) {
02|            while (cursor.moveToNext()) {
02|                out.add(cursor.getString(0));
02|            }
02|        }
1|        Cursor cursor = db.query("entities", new String[] {"data"}, "bucket=?", new String[] {bucket}, null, null, null); //@RES-01
1|        while (cursor.moveToNext()) {
1|            out.add(cursor.getString(0));
1|        }
        return out;
    }

01|    public Future<?> save(String bucket, String id, String json) {
01|        return writer.submit(() -> insert(bucket, id, json));
2|    public void save(String bucket, String id, String json) {
2|        writer.submit(() -> insert(bucket, id, json)); //@CONC-06
    }

    private void insert(String bucket, String id, String json) {
        ContentValues values = new ContentValues();
        values.put("bucket", bucket);
        values.put("id", id);
        values.put("data", json);
        db.insertWithOnConflict("entities", null, values, SQLiteDatabase.CONFLICT_REPLACE);
    }
}
'''
cases_of(case, GH + 'Jearil/SimpleNoSQL/issues/5', src('com.colintmiller.simplenosql.db', 'SimpleNoSQLDBHelper'),
         J('com.colintmiller.simplenosql.db', ['android.content.ContentValues', 'android.database.Cursor',
                                               'android.database.sqlite.SQLiteDatabase', 'java.util.ArrayList',
                                               'java.util.List', 'java.util.concurrent.ExecutorService',
                                               'java.util.concurrent.Executors', 'java.util.concurrent.Future'])(SIMPLENOSQL), [
             (1, 'java-00-simplenosql-new-helper-cursor-never-closed',
              'a new helper reads the entities of a bucket without closing the cursor', 'new'),
             (2, 'java-00-simplenosql-new-helper-save-future-dropped',
              'a new helper submits each save and drops the future, so a failed insert is never seen', 'new'),
             (0, 'java-ok-00-simplenosql-new-helper-cursor-in-try-future-returned',
              'clean: a new helper with the cursor in try-with-resources and the save future returned', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: form list and receiver (skunkworks-crow)
CROW = r'''
/** Lists the filled forms and receives new ones over Bluetooth. */
public class MainActivity extends AppCompatActivity {
    private static final String TAG = "MainActivity";
    private BluetoothServerSocket serverSocket;

    int countInstances() {
02|        try (Cursor cursor = getContentResolver().query(InstanceColumns.CONTENT_URI, null, null, null, null)) {
1|        Cursor cursor = getContentResolver().query(InstanceColumns.CONTENT_URI, null, null, null, null); //@RES-01
1|        if (cursor != null) {
02|            return cursor == null ? 0 : cursor.getCount();
1|            return cursor.getCount();
        }
1|        return 0;
    }

    void startReceiver() {
        Thread receiver = new Thread(this::acceptLoop, "bt-receiver"); //@{2}CONC-01
01|        receiver.setUncaughtExceptionHandler((t, e) -> Log.e(TAG, "receiver stopped", e));
        receiver.setDaemon(true);
        receiver.start();
    }

    private void acceptLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try (BluetoothSocket socket = serverSocket.accept()) {
                new FormReceiver(this).receive(socket.getInputStream());
            } catch (IOException e) {
                Log.w(TAG, "receive failed", e);
            }
        }
    }
}
'''
cases_of(case, GH + 'getodk/skunkworks-crow/pull/67', src('org.odk.share.activities', 'MainActivity'),
         J('org.odk.share.activities', ['android.bluetooth.BluetoothServerSocket', 'android.bluetooth.BluetoothSocket',
                                        'android.database.Cursor', 'android.util.Log', 'androidx.appcompat.app.AppCompatActivity',
                                        'java.io.IOException', 'org.odk.share.provider.InstanceColumns',
                                        'org.odk.share.services.FormReceiver'])(CROW), [
             (1, 'java-00-skunkworks-crow-instance-count-cursor-never-closed',
              'an edit counts the instances without closing the cursor', 'edit'),
             (2, 'java-00-skunkworks-crow-receiver-thread-without-handler',
              'an edit starts the Bluetooth receiver thread without an uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-skunkworks-crow-cursor-in-try-receiver-handled',
              'clean: cursor in try-with-resources, the receiver thread with a logging handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: query engine (torch-old)
TORCH = r'''
/** Runs entity queries against Android's SQLite. */
public class AndroidSQLiteEngine {
    private static final String TAG = "AndroidSQLiteEngine";
    private final SQLiteDatabase database;

    public AndroidSQLiteEngine(SQLiteDatabase database) {
        this.database = database;
    }

    public <E> E first(EntityMetadata<E> metadata, String where, String[] args) {
        Cursor cursor = database.query(metadata.getTableName(), metadata.getColumns(), where, args, null, null, null, "1"); //@{1}RES-01
02|        try {
            if (!cursor.moveToFirst()) {
                return null;
            }
            return metadata.createFromCursor(cursor);
02|        } finally {
02|            cursor.close();
02|        }
    }

    public <E> List<E> list(EntityMetadata<E> metadata, String where, String[] args) {
        List<E> out = new ArrayList<>();
        try (Cursor cursor = database.query(metadata.getTableName(), metadata.getColumns(), where, args, null, null, null)) {
            while (cursor.moveToNext()) {
                E entity = metadata.createFromCursor(cursor);
2|                Log.i(TAG, "loaded " + metadata.getTableName() + " row " + cursor.getPosition()); //@LOG-01
                out.add(entity);
            }
        }
        return out;
    }
}
'''
cases_of(case, GH + 'Brightify/torch-old/pull/51', src('org.brightify.torch.android', 'AndroidSQLiteEngine'),
         J('org.brightify.torch.android', ['android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                                           'android.util.Log', 'java.util.ArrayList', 'java.util.List',
                                           'org.brightify.torch.EntityMetadata'])(TORCH), [
             (1, 'java-00-torch-first-cursor-never-closed',
              'an edit returns the first entity without closing the cursor', 'edit'),
             (2, 'java-00-torch-info-line-per-loaded-row',
              'an edit logs an info line for every row of every list query', 'edit'),
             (0, 'java-ok-00-torch-first-cursor-in-finally',
              'clean: cursor closed in finally, no line per row', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: worker start (jboss-threads)
JBOSS = r'''
/** Starts pool threads on demand for submitted tasks. */
public final class WorkerStarter {
    private static final Logger log = Logger.getLogger("org.jboss.threads.executor");
    private final ThreadFactory threadFactory;
    private final BlockingQueue<Runnable> queue;

    public WorkerStarter(ThreadFactory threadFactory, int queueLimit) {
        this.threadFactory = threadFactory;
01|        this.queue = new LinkedBlockingQueue<>(queueLimit);
2|        this.queue = new LinkedBlockingQueue<>(); //@CONC-02
    }

    boolean tryStart(Runnable firstTask) {
        Thread thread = threadFactory.newThread(firstTask);
        try {
            thread.start();
            return true;
        } catch (OutOfMemoryError e) {
02|            RejectedExecutionException rejected = new RejectedExecutionException("could not start a worker thread");
02|            rejected.addSuppressed(e);
02|            throw rejected;
1|            return false; //@ERR-01
        }
    }

    boolean enqueue(Runnable task) {
        return queue.offer(task);
    }
}
'''
cases_of(case, GH + 'jboss/jboss-threads/issues/173', src('org.jboss.threads', 'WorkerStarter'),
         J('org.jboss.threads', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue',
                                 'java.util.concurrent.RejectedExecutionException', 'java.util.concurrent.ThreadFactory',
                                 'org.jboss.logging.Logger'])(JBOSS), [
             (1, 'java-00-jboss-threads-thread-start-failure-swallowed',
              'an edit turns a failed thread start into a quiet false, losing the error and the task', 'edit'),
             (2, 'java-00-jboss-threads-unbounded-task-queue',
              'an edit drops the queue limit, so a stalled pool queues tasks without a bound', 'edit'),
             (0, 'java-ok-00-jboss-threads-bounded-queue-start-failure-rejected',
              'clean: a bounded queue, a failed start rejected with the error attached', 'fix'),
         ])
