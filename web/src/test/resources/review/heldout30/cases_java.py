"""Round-30 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP connection its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 29)."""
from common16 import make_case, java, src, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = []


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


def JV(pkg, imports_of):
    """Like J, but the imports depend on the version (`imports_of[v]`), as an IDE would leave them."""
    return lambda body: (lambda v: java(pkg, sorted(set(imports_of[v])), variant(body, v)))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- RES-01 / LOG-02: protection store (Modern-LWC)
LWC = template('lwc', r'''
/** Reads and writes chest protections in the plugin's SQL database. */
public class PhysDB extends Database {
    private static final Logger LOGGER = Logger.getLogger("LWC");

    private final LWC lwc;

    public PhysDB(LWC lwc, Type type) {
        super(type);
        this.lwc = lwc;
    }

    /** Writes a changed protection back; called whenever a player edits flags or access of a protection. */
    public void saveProtection(Protection protection) throws SQLException {
02|        try (PreparedStatement statement = prepare("UPDATE " + prefix + "protections SET type = ?, blockId = ?, "
02|                + "world = ?, password = ?, data = ?, date = ?, last_accessed = ? WHERE id = ?")) {
02|            statement.setQueryTimeout(10);
02|            statement.setInt(1, protection.getType().ordinal());
02|            statement.setInt(2, protection.getBlockId());
02|            statement.setString(3, protection.getWorld());
02|            statement.setString(4, protection.getPassword());
02|            statement.setString(5, protection.getData().toJSONString());
02|            statement.setString(6, protection.getCreation());
02|            statement.setLong(7, protection.getLastAccessed());
02|            statement.setInt(8, protection.getId());
02|            statement.executeUpdate();
02|        }
1|        PreparedStatement statement = prepare("UPDATE " + prefix + "protections SET type = ?, blockId = ?, " //@RES-01
1|                + "world = ?, password = ?, data = ?, date = ?, last_accessed = ? WHERE id = ?");
1|        statement.setQueryTimeout(10);
1|        statement.setInt(1, protection.getType().ordinal());
1|        statement.setInt(2, protection.getBlockId());
1|        statement.setString(3, protection.getWorld());
1|        statement.setString(4, protection.getPassword());
1|        statement.setString(5, protection.getData().toJSONString());
1|        statement.setString(6, protection.getCreation());
1|        statement.setLong(7, protection.getLastAccessed());
1|        statement.setInt(8, protection.getId());
1|        statement.executeUpdate();
    }

    /** Loads the protections a player owns; runs on every /lwc info and on each chest the player opens. */
    public List<Protection> loadProtectionsByPlayer(String player) throws SQLException {
        List<Protection> protections = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT id, owner, type, x, y, z, data, blockId, world, password, "
                + "date, last_accessed FROM " + prefix + "protections WHERE owner = ?")) {
            statement.setQueryTimeout(10);
            statement.setString(1, player);
            try (ResultSet set = statement.executeQuery()) {
                while (set.next()) {
                    protections.add(resolveProtection(set));
                }
            }
        }
01|        LOGGER.log(Level.FINE, "Loaded {0} protections for {1}", new Object[] {protections.size(), player});
2|        LOGGER.fine("Loaded " + protections.size() + " protections for " + player + ": " + protections); //@LOG-02
        return protections;
    }
}
''')
cases_of(case, GH + 'megoesrawr/Modern-LWC/issues/33', src('com.griefcraft.sql', 'PhysDB'),
         J('com.griefcraft.sql', ['com.griefcraft.lwc.LWC', 'com.griefcraft.model.Protection', 'java.sql.PreparedStatement',
                                  'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List',
                                  'java.util.logging.Level', 'java.util.logging.Logger'])(LWC), [
             (1, 'java-00-lwc-save-protection-statement-never-closed',
              'an edit takes the update statement of saveProtection out of try-with-resources and never closes it', 'edit'),
             (2, 'java-00-lwc-player-protections-fine-line-concatenated',
              'an edit builds the fine line of every player lookup by concatenation, list included, with fine off',
              'edit'),
             (0, 'java-ok-00-lwc-statement-in-try-parameterised-fine-line',
              'clean: the update statement in try-with-resources, a parameterised fine line', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: balance storage (craftconomy3)
CRAFTCONOMY = template('craftconomy', r'''
/** Stores account balances in MySQL and writes changed balances back on a schedule. */
public class SQLStorageEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SQLStorageEngine.class);

    private final HikariDataSource db;
    private final String tablePrefix;
    private final Map<String, Double> dirty = new ConcurrentHashMap<>();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();

    public SQLStorageEngine(HikariDataSource db, String tablePrefix) {
        this.db = db;
        this.tablePrefix = tablePrefix;
01|        saver.scheduleWithFixedDelay(this::flushSafely, 30, 30, TimeUnit.SECONDS);
2|        saver.scheduleWithFixedDelay(this::flushDirty, 30, 30, TimeUnit.SECONDS);
    }

    public double getBalance(String account, String currency, String world) throws SQLException {
02|        try (Connection connection = db.getConnection();
02|             PreparedStatement statement = connection.prepareStatement("SELECT balance FROM " + tablePrefix
02|                     + "balance WHERE username_id = ? AND currency_id = ? AND worldName = ?")) {
1|        Connection connection = db.getConnection(); //@RES-01
1|        try (PreparedStatement statement = connection.prepareStatement("SELECT balance FROM " + tablePrefix
1|                + "balance WHERE username_id = ? AND currency_id = ? AND worldName = ?")) {
            statement.setQueryTimeout(5);
            statement.setString(1, account);
            statement.setString(2, currency);
            statement.setString(3, world);
            try (ResultSet set = statement.executeQuery()) {
                return set.next() ? set.getDouble("balance") : 0.0;
            }
        }
    }

    public void setBalance(String account, double balance) {
        dirty.put(account, balance);
    }

01|    private void flushSafely() {
01|        try {
01|            flushDirty();
01|        } catch (RuntimeException e) {
01|            LOG.error("Saving {} changed balances failed; retrying on the next pass", dirty.size(), e);
01|        }
01|    }
01|
    private void flushDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE " + tablePrefix
                     + "balance SET balance = ? WHERE username_id = ?")) {
            statement.setQueryTimeout(10);
            for (Map.Entry<String, Double> entry : dirty.entrySet()) {
                statement.setDouble(1, entry.getValue());
                statement.setString(2, entry.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
            dirty.clear();
        } catch (SQLException e) {
01|            throw new IllegalStateException("Could not save balances", e);
2|            throw new IllegalStateException("Could not save " + dirty.size() + " balances", e); //@CONC-07
        }
    }

    public void disable() {
        saver.shutdown();
        flushDirty();
        db.close();
    }
}
''')
cases_of(case, GH + 'greatman/craftconomy3/issues/37', src('com.greatmancode.craftconomy3.storage.sql', 'SQLStorageEngine'),
         J('com.greatmancode.craftconomy3.storage.sql', SLF4J + [
             'com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
             'java.sql.SQLException', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(CRAFTCONOMY), [
             (1, 'java-00-craftconomy-balance-lookup-connection-never-closed',
              'an edit keeps the pooled connection of each balance lookup outside try-with-resources, never closing it',
              'edit'),
             (2, 'java-00-craftconomy-failed-save-ends-balance-schedule',
              'an edit schedules the balance flush directly, so one failed save stops every later save', 'edit'),
             (0, 'java-ok-00-craftconomy-connection-in-try-flush-failures-logged',
              'clean: the connection in try-with-resources, a failed flush logged and the schedule kept', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: local database table (KitPvP), CRLF
KITPVP = template('kitpvp', r'''
/** One table of the plugin's SQLite database: kills, deaths and levels of each player. */
public class Table {
    private final String name;
    private final SQLite sqLite;
    private final Logger logger;

    public Table(String name, SQLite sqLite, Logger logger) {
        this.name = name;
        this.sqLite = sqLite;
        this.logger = logger;
    }

    /** Whether a row with the given key exists; asked on every join before the stats are loaded. */
    public boolean containsRecord(String keyColumn, Object keyValue) {
        String sql = "SELECT 1 FROM " + name + " WHERE " + keyColumn + " = ? LIMIT 1";
02|        try (Connection connection = sqLite.getSQLConnection();
02|             PreparedStatement statement = connection.prepareStatement(sql)) {
1|        try {
1|            Connection connection = sqLite.getSQLConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setQueryTimeout(5);
            statement.setObject(1, keyValue);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up " + keyValue + " in " + name, e);
        }
    }

    /** Reads one column of the row with the given key, or null when there is no such row. */
    public Object getValue(String keyColumn, Object keyValue, String column) {
        String sql = "SELECT " + column + " FROM " + name + " WHERE " + keyColumn + " = ?";
        try (Connection connection = sqLite.getSQLConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(5);
            statement.setObject(1, keyValue);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getObject(column) : null;
            }
        } catch (SQLException e) {
01|            throw new IllegalStateException("Could not read " + column + " of " + keyValue + " from " + name, e);
2|            e.printStackTrace(); //@ERR-01
        }
2|        return null;
    }
}
''')
cases_of(case, GH + 'cervinakuy/KitPvP/issues/166', src('com.zp4rker.localdb', 'Table'),
         J('com.zp4rker.localdb', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
                                   'java.sql.SQLException', 'java.util.logging.Logger'])(KITPVP), [
             (1, 'java-00-kitpvp-record-lookup-connection-and-statement-never-closed',
              'an edit opens the connection and statement of each record lookup outside try-with-resources', 'edit'),
             (2, 'java-00-kitpvp-failed-read-printed-and-read-as-missing',
              'an edit prints a failed column read and returns null, the value of a missing row', 'edit'),
             (0, 'java-ok-00-kitpvp-lookups-in-try-read-failure-thrown',
              'clean: connection and statement in try-with-resources, a failed read thrown with its cause', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-01: update downloader (cordova-hot-code-push)
CHCP = template('chcp', r'''
/** Downloads the files of a web content update into the download folder. */
public class FileDownloader {
    private static final int CONNECTION_TIMEOUT = 30000;
    private static final int READ_TIMEOUT = 60000;
    private static final int BUFFER_SIZE = 8192;

    /**
     * Downloads every file of the list from the content url into the folder, checking each one's hash.
     *
     * @throws Exception when a file can not be loaded or its hash does not match
     */
    public static void downloadFiles(String downloadFolder, String contentFolderUrl, List<ManifestFile> files,
                                     Map<String, String> requestHeaders) throws Exception {
        for (ManifestFile file : files) {
            String fileUrl = URLUtility.construct(contentFolderUrl, file.name);
            String filePath = Paths.get(downloadFolder, file.name);
            download(fileUrl, filePath, file.hash, requestHeaders);
        }
    }

    public static void download(String urlFrom, String filePath, String checkSum, Map<String, String> requestHeaders)
            throws Exception {
        Log.d("CHCP", "Loading file: " + urlFrom);
        MD5 md5 = new MD5();

        File downloadFile = new File(filePath);
        FilesUtility.delete(downloadFile);
        FilesUtility.ensureDirectoryExists(downloadFile.getParentFile());

        URLConnection connection = createConnectionToURL(urlFrom, requestHeaders);
02|        try (InputStream input = new BufferedInputStream(connection.getInputStream());
02|             OutputStream output = new BufferedOutputStream(new FileOutputStream(filePath, false))) {
1|        OutputStream output = new BufferedOutputStream(new FileOutputStream(filePath, false)); //@RES-01
1|        try (InputStream input = new BufferedInputStream(connection.getInputStream())) {
            byte[] data = new byte[BUFFER_SIZE];
            int count;
            while ((count = input.read(data)) != -1) {
                output.write(data, 0, count);
                md5.write(data, count);
            }
1|            output.close();
        }

        String downloadedFileHash = md5.calculateHash();
        if (!downloadedFileHash.equals(checkSum)) {
            throw new IOException("File is corrupted: checksum " + checkSum + " doesn't match hash "
                    + downloadedFileHash + " of the downloaded file");
        }
    }

    private static URLConnection createConnectionToURL(String url, Map<String, String> requestHeaders)
            throws IOException {
        URLConnection urlConnection = new URL(url).openConnection(); //@{2}TMO-01
01|        urlConnection.setConnectTimeout(CONNECTION_TIMEOUT);
01|        urlConnection.setReadTimeout(READ_TIMEOUT);
        if (requestHeaders != null) {
            for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
                urlConnection.setRequestProperty(header.getKey(), header.getValue());
            }
        }
        return urlConnection;
    }
}
''')
cases_of(case, GH + 'nordnet/cordova-hot-code-push/pull/107', src('com.nordnetab.chcp.main.network', 'FileDownloader'),
         J('com.nordnetab.chcp.main.network', [
             'android.util.Log', 'com.nordnetab.chcp.main.model.ManifestFile', 'com.nordnetab.chcp.main.utils.FilesUtility',
             'com.nordnetab.chcp.main.utils.MD5', 'com.nordnetab.chcp.main.utils.Paths',
             'com.nordnetab.chcp.main.utils.URLUtility', 'java.io.BufferedInputStream', 'java.io.BufferedOutputStream',
             'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'java.io.InputStream',
             'java.io.OutputStream', 'java.net.URL', 'java.net.URLConnection', 'java.util.List',
             'java.util.Map'])(CHCP), [
             (1, 'java-00-chcp-download-file-stream-left-open-on-error',
              'an edit opens the output file before the try and closes it only after a complete copy', 'edit'),
             (2, 'java-00-chcp-update-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the update download connection', 'edit'),
             (0, 'java-ok-00-chcp-streams-in-try-connection-timeouts',
              'clean: both streams in try-with-resources, connect and read timeouts set', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: activation service (powerauth-server)
POWERAUTH = template('powerauth', r'''
/** Commits activations: the activation row and its history entry change together. */
@Component
public class ActivationCommitBehavior {
    private static final Logger logger = LoggerFactory.getLogger(ActivationCommitBehavior.class);

    private final PlatformTransactionManager transactionManager;
    private final ActivationRepository activationRepository;
    private final ActivationHistoryServiceBehavior historyService;
    private final CallbackUrlBehavior callbackUrlBehavior;

    public ActivationCommitBehavior(PlatformTransactionManager transactionManager,
                                    ActivationRepository activationRepository,
                                    ActivationHistoryServiceBehavior historyService,
                                    CallbackUrlBehavior callbackUrlBehavior) {
        this.transactionManager = transactionManager;
        this.activationRepository = activationRepository;
        this.historyService = historyService;
        this.callbackUrlBehavior = callbackUrlBehavior;
    }

    public CommitActivationResponse commitActivation(String activationId, String externalUserId)
            throws GenericServiceException {
        TransactionStatus status = transactionManager.getTransaction(new DefaultTransactionDefinition()); //@{1}TX-01
02|        ActivationRecordEntity activation;
1|        ActivationRecordEntity activation = null;
        try {
            activation = activationRepository.findActivationWithLock(activationId);
            if (activation == null) {
                throw new GenericServiceException(ServiceError.ACTIVATION_NOT_FOUND, "Activation not found");
            }
            if (activation.getActivationStatus() != ActivationStatus.PENDING_COMMIT) {
                throw new GenericServiceException(ServiceError.ACTIVATION_INCORRECT_STATE, "Activation is not ready");
            }
            activation.setActivationStatus(ActivationStatus.ACTIVE);
            activationRepository.save(activation);
            historyService.saveActivationAndLogChange(activation, externalUserId);
            transactionManager.commit(status);
02|        } catch (GenericServiceException | RuntimeException ex) {
02|            transactionManager.rollback(status);
02|            throw ex;
1|        } catch (RuntimeException ex) {
1|            throw new GenericServiceException(ServiceError.UNKNOWN_ERROR, ex.getMessage());
        }

        try {
            callbackUrlBehavior.notifyCallbackListeners(activation.getApplication().getId(), activationId);
        } catch (RuntimeException ex) {
01|            logger.warn("Callback for committed activation {} failed", activationId, ex);
2|            // the activation is committed either way //@ERR-01
        }
        CommitActivationResponse response = new CommitActivationResponse();
        response.setActivationId(activationId);
        response.setActivated(true);
        return response;
    }
}
''')
cases_of(case, GH + 'wultra/powerauth-server/pull/370',
         src('io.getlime.security.powerauth.app.server.service.behavior.tasks', 'ActivationCommitBehavior'),
         J('io.getlime.security.powerauth.app.server.service.behavior.tasks', SLF4J + [
             'com.wultra.security.powerauth.client.v3.CommitActivationResponse',
             'io.getlime.security.powerauth.app.server.database.model.ActivationStatus',
             'io.getlime.security.powerauth.app.server.database.model.entity.ActivationRecordEntity',
             'io.getlime.security.powerauth.app.server.database.repository.ActivationRepository',
             'io.getlime.security.powerauth.app.server.service.exceptions.GenericServiceException',
             'io.getlime.security.powerauth.app.server.service.model.ServiceError',
             'org.springframework.stereotype.Component',
             'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition'])(POWERAUTH), [
             (1, 'java-00-powerauth-commit-failure-leaves-transaction-open',
              'an edit turns a failed commit into a service exception without rolling the transaction back', 'edit'),
             (2, 'java-00-powerauth-callback-failure-swallowed',
              'an edit swallows a failed callback notification of a committed activation with no trace', 'edit'),
             (0, 'java-ok-00-powerauth-rolled-back-callback-failure-logged',
              'clean: any failure rolled back and rethrown, a failed callback logged with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: rollup writer (blueflood)
BLUEFLOOD = template('blueflood', r'''
/** Computes one rollup of one locator and writes it; the rollup service runs thousands of these per minute. */
public class RollupRunnable implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RollupRunnable.class);
    private static final MetadataCache metaCache = MetadataCache.getInstance();

    protected final SingleRollupReadContext singleRollupReadContext;
    protected final RollupExecutionContext executionContext;
    protected final RollupBatchWriter rollupBatchWriter;
    private final long startWait;

    public RollupRunnable(RollupExecutionContext executionContext, SingleRollupReadContext singleRollupReadContext,
                          RollupBatchWriter rollupBatchWriter) {
        this.executionContext = executionContext;
        this.singleRollupReadContext = singleRollupReadContext;
        this.rollupBatchWriter = rollupBatchWriter;
        startWait = System.currentTimeMillis();
    }

    public void run() {
        Locator rollupLocator = singleRollupReadContext.getLocator();
        Granularity srcGran = singleRollupReadContext.getRollupGranularity().finer();
        Range range = singleRollupReadContext.getRange();
01|        log.trace("Executing rollup from {} for {} {}", srcGran.shortName(), range, rollupLocator);
2|        log.debug("Executing rollup from " + srcGran.shortName() + " for " + range + " " + rollupLocator); //@LOG-02
        singleRollupReadContext.getWaitHist().update(System.currentTimeMillis() - startWait);

        Timer.Context timerContext = singleRollupReadContext.getExecuteTimer().time();
        try {
            RollupType rollupType = RollupType.fromString(metaCache.get(rollupLocator, MetricMetadata.ROLLUP_TYPE.name()));
            Points input = AstyanaxReader.getInstance().getDataToRoll(rollupType.getRollupClass(), rollupLocator,
                    range, CassandraModel.getColumnFamily(rollupType.getRollupClass(), srcGran));
            Rollup rollup = Rollup.getRollupComputer(rollupType, srcGran).compute(input);
            rollupBatchWriter.enqueueRollupForWrite(new SingleRollupWriteContext(rollup, singleRollupReadContext,
                    CassandraModel.getColumnFamily(rollupType.getRollupClass(), srcGran.coarser())));
1|            log.info("Rolled up {} points of {} into {}", input.getPoints().size(), rollupLocator, range); //@LOG-01
            RollupService.lastRollupTime.set(System.currentTimeMillis());
        } catch (Exception e) {
            log.error("Rollup failed; Locator: {}, Source Granularity: {}, For period: {}",
                    rollupLocator, srcGran.name(), range, e);
            executionContext.markUnsuccessful(e);
        } finally {
            executionContext.decrementReadCounter();
            timerContext.stop();
        }
    }
}
''')
cases_of(case, GH + 'rax-maas/blueflood/pull/312', src('com.rackspacecloud.blueflood.service', 'RollupRunnable'),
         J('com.rackspacecloud.blueflood.service', SLF4J + [
             'com.codahale.metrics.Timer', 'com.rackspacecloud.blueflood.cache.MetadataCache',
             'com.rackspacecloud.blueflood.io.AstyanaxReader',
             'com.rackspacecloud.blueflood.io.CassandraModel', 'com.rackspacecloud.blueflood.rollup.Granularity',
             'com.rackspacecloud.blueflood.types.Locator', 'com.rackspacecloud.blueflood.types.MetricMetadata',
             'com.rackspacecloud.blueflood.types.Points', 'com.rackspacecloud.blueflood.types.Range',
             'com.rackspacecloud.blueflood.types.Rollup', 'com.rackspacecloud.blueflood.types.RollupType'])(BLUEFLOOD), [
             (1, 'java-00-blueflood-info-line-per-rollup',
              'an edit logs every computed rollup of every locator at info', 'edit'),
             (2, 'java-00-blueflood-rollup-debug-line-concatenated',
              'an edit raises the per-rollup trace line to debug and builds it by concatenation', 'edit'),
             (0, 'java-ok-00-blueflood-parameterised-trace-no-line-per-rollup',
              'clean: a parameterised trace line, no info line per rollup', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-03: monitor poller (servo), renamed
SERVO = template('servo', r'''
/** Polls the registered monitors and hands their values to the observers, once per poll interval. */
public final class MonitorRegistryPoller implements MetricPoller {
    private static final Logger LOGGER = LoggerFactory.getLogger(MonitorRegistryPoller.class);

01|    private final Map<MonitorConfig, Monitor<?>> monitors = new ConcurrentHashMap<>();
2|    private final Map<MonitorConfig, Monitor<?>> monitors = new HashMap<>(); //@CONC-03
    private final Clock clock;

    public MonitorRegistryPoller(Clock clock) {
        this.clock = clock;
    }

    /** Registers a monitor; called by application threads at any time, also while a poll runs. */
    public void register(Monitor<?> monitor) {
        monitors.put(monitor.getConfig(), monitor);
    }

    public void unregister(Monitor<?> monitor) {
        monitors.remove(monitor.getConfig());
    }

    @Override
    public List<Metric> poll(MetricFilter filter, boolean reset) {
        long now = clock.now();
        List<Metric> metrics = new ArrayList<>(monitors.size());
        for (Monitor<?> monitor : monitors.values()) {
            MonitorConfig config = monitor.getConfig();
            if (!filter.matches(config)) {
                continue;
            }
            Object value = monitor.getValue();
            if (value == null) {
                LOGGER.debug("monitor {} returned null, skipping", config.getName());
                continue;
            }
1|            LOGGER.info("polled monitor {} = {}", config.getName(), value); //@LOG-01
            metrics.add(new Metric(config, now, value));
        }
        return metrics;
    }
}
''')


def servo_old(text):
    return text.replace('MonitorRegistryPoller', 'RegistryPoller')


cases_of(case, GH + 'Netflix/servo/pull/131', src('com.netflix.servo.publish', 'MonitorRegistryPoller'),
         JV('com.netflix.servo.publish', {v: SLF4J + [
             'com.netflix.servo.Metric', 'com.netflix.servo.monitor.Monitor', 'com.netflix.servo.monitor.MonitorConfig',
             'com.netflix.servo.util.Clock', 'java.util.ArrayList', 'java.util.List', 'java.util.Map',
             'java.util.HashMap' if v == 2 else 'java.util.concurrent.ConcurrentHashMap'] for v in (0, 1, 2)})(SERVO), [
             (1, 'java-00-servo-renamed-poller-info-line-per-monitor-value',
              'a PR renames the poller and logs every monitor value of every poll at info', 'rename'),
             (2, 'java-00-servo-renamed-poller-registry-plain-hash-map',
              'a PR renames the poller and keeps the monitors, registered by any thread during polls, in a HashMap',
              'rename'),
             (0, 'java-ok-00-servo-renamed-poller-concurrent-map-quiet',
              'clean: the rename alone; a concurrent map, no line per polled value', 'rename'),
         ], rename_from=src('com.netflix.servo.publish', 'RegistryPoller'), rename_old=servo_old)


# ---------------------------------------------------------------- CONC-05 / TMO-01: instance launcher (ec2-plugin)
EC2 = template('ec2', r'''
/** Waits for a freshly launched instance to boot and accept SSH before the agent is started on it. */
public class EC2InstanceWaiter {
    private static final Logger LOGGER = Logger.getLogger(EC2InstanceWaiter.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final EC2Computer computer;
    private final PrintStream logger;
    private final long launchTimeoutMillis;

    public EC2InstanceWaiter(EC2Computer computer, PrintStream logger, long launchTimeoutMillis) {
        this.computer = computer;
        this.logger = logger;
        this.launchTimeoutMillis = launchTimeoutMillis;
    }

    /** Polls the instance state every five seconds until it runs; fails when the launch timeout passes. */
    public Instance waitForRunning() throws AmazonClientException, IOException, InterruptedException {
        long start = System.currentTimeMillis();
        while (true) {
            Instance instance = computer.updateInstanceDescription();
            InstanceState state = InstanceState.find(instance.getState().getName());
            if (state == InstanceState.RUNNING) {
                return instance;
            }
            if (state == InstanceState.TERMINATED || state == InstanceState.STOPPED) {
                throw new IOException("Instance " + instance.getInstanceId() + " is " + state + ", giving up");
            }
            if (System.currentTimeMillis() - start > launchTimeoutMillis) {
                throw new IOException("Instance " + instance.getInstanceId() + " did not start in time");
            }
            logger.println("Waiting for instance " + instance.getInstanceId() + " (" + state + ")");
02|            Thread.sleep(5000);
1|            try {
1|                Thread.sleep(5000);
1|            } catch (InterruptedException e) { //@CONC-05
1|                LOGGER.log(Level.FINE, "interrupted while waiting for " + instance.getInstanceId(), e);
1|            }
        }
    }

    /** Whether the SSH port of the instance accepts a connection yet. */
    public boolean sshPortOpen(String host, int port) {
        try (Socket socket = new Socket()) {
01|            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
2|            socket.connect(new InetSocketAddress(host, port)); //@TMO-01
            return true;
        } catch (IOException e) {
            logger.println("SSH port " + port + " of " + host + " not open yet: " + e.getMessage());
            return false;
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/ec2-plugin/pull/209', src('hudson.plugins.ec2', 'EC2InstanceWaiter'),
         J('hudson.plugins.ec2', ['com.amazonaws.AmazonClientException', 'com.amazonaws.services.ec2.model.Instance',
                                  'java.io.IOException', 'java.io.PrintStream', 'java.net.InetSocketAddress',
                                  'java.net.Socket', 'java.util.logging.Level', 'java.util.logging.Logger'])(EC2), [
             (1, 'java-00-ec2-launch-wait-swallows-interrupt',
              'an edit catches the interrupt of the launch wait, logs it and keeps polling', 'edit'),
             (2, 'java-00-ec2-ssh-probe-connect-without-timeout',
              'an edit probes the SSH port with a connect that has no timeout', 'edit'),
             (0, 'java-ok-00-ec2-interrupt-propagated-probe-bounded',
              'clean: the interrupt propagates out of the wait, the SSH probe connects with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-04: computation manager (powsybl-core)
POWSYBL = template('powsybl', r'''
/** Runs computations as local processes, each in its own working directory. */
public class LocalComputationManager implements ComputationManager {
    private static final Logger LOGGER = LoggerFactory.getLogger(LocalComputationManager.class);

    private final LocalComputationConfig config;
    private final ExecutorService threadPool;
    private final Semaphore permits;
    private final LocalCommandExecutor localCommandExecutor;

    public LocalComputationManager(LocalComputationConfig config, LocalCommandExecutor localCommandExecutor,
                                   ExecutorService threadPool) {
        this.config = config;
        this.localCommandExecutor = localCommandExecutor;
        this.threadPool = threadPool;
        this.permits = new Semaphore(config.getAvailableCore());
    }

    @Override
    public <R> CompletableFuture<R> execute(ExecutionEnvironment environment, ExecutionHandler<R> handler) {
        CompletableFuture<R> result = new CompletableFuture<>();
        threadPool.execute(() -> {
02|            MDC.put("computation", environment.getWorkingDirPrefix());
1|            MDC.put("computation", environment.getWorkingDirPrefix() + config.getLocalDir()); //@CONC-04
            try (WorkingDirectory workingDir = new WorkingDirectory(config.getLocalDir(),
                    environment.getWorkingDirPrefix(), environment.isDebug())) {
                List<CommandExecution> commandExecutionList = handler.before(workingDir.toPath());
                ExecutionReport report = execute(workingDir.toPath(), commandExecutionList, environment.getVariables());
                result.complete(handler.after(workingDir.toPath(), report));
            } catch (Throwable e) {
                result.completeExceptionally(e);
02|            } finally {
02|                MDC.remove("computation");
            }
        });
        return result;
    }

    private ExecutionReport execute(Path workingDir, List<CommandExecution> commandExecutionList,
                                    Map<String, String> variables) throws IOException, InterruptedException {
        List<ExecutionError> errors = new ArrayList<>();
        permits.acquire();
        try {
            for (CommandExecution commandExecution : commandExecutionList) {
                int exitValue = localCommandExecutor.execute(commandExecution.getCommand(), workingDir, variables);
                if (exitValue != 0) {
                    errors.add(new ExecutionError(commandExecution.getCommand(), 0, exitValue));
                }
            }
        } finally {
            permits.release();
        }
01|        threadPool.execute(() -> cleanStaleOutputs(workingDir));
2|        threadPool.submit(() -> cleanStaleOutputs(workingDir)); //@CONC-06
        return new ExecutionReport(errors);
    }

    private void cleanStaleOutputs(Path workingDir) {
        try (Stream<Path> files = Files.list(workingDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cleaning " + workingDir, e);
        }
    }
}
''')
cases_of(case, GH + 'powsybl/powsybl-core/pull/657', src('com.powsybl.computation.local', 'LocalComputationManager'),
         J('com.powsybl.computation.local', SLF4J + [
             'com.powsybl.computation.CommandExecution', 'com.powsybl.computation.ComputationManager',
             'com.powsybl.computation.ExecutionEnvironment', 'com.powsybl.computation.ExecutionError',
             'com.powsybl.computation.ExecutionHandler', 'com.powsybl.computation.ExecutionReport',
             'java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.util.ArrayList', 'java.util.List', 'java.util.Map', 'java.util.concurrent.CompletableFuture',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Semaphore', 'java.util.stream.Stream',
             'org.slf4j.MDC'])(POWSYBL), [
             (1, 'java-00-powsybl-computation-mdc-never-removed',
              'an edit puts the computation into the MDC of a pooled thread and no longer removes it', 'edit'),
             (2, 'java-00-powsybl-stale-output-cleanup-future-dropped',
              'an edit submits the clean-up of stale outputs and drops its future, losing its failure', 'edit'),
             (0, 'java-ok-00-powsybl-mdc-removed-in-finally-cleanup-executed',
              'clean: the MDC entry removed in finally, the clean-up run with execute so a failure reaches the handler',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: API dates (eveapi)
EVEAPI = template('eveapi', r'''
/** Parses the timestamps of EVE API responses; the parsers of many concurrent API calls share it. */
public final class DateUtils {
01|    private static final ThreadLocal<SimpleDateFormat> FORMAT = ThreadLocal.withInitial(() -> {
01|        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
01|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
01|        return format;
01|    });
2|    private static final SimpleDateFormat FORMAT = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss"); //@CONC-03
2|
2|    static {
2|        FORMAT.setTimeZone(TimeZone.getTimeZone("UTC"));
2|    }

    private DateUtils() {
    }

    /** Parses an API timestamp such as the cachedUntil of a response. */
    public static Date getGMTConverter(String dateString) {
        try {
01|            return FORMAT.get().parse(dateString);
2|            return FORMAT.parse(dateString);
        } catch (ParseException e) {
02|            throw new IllegalArgumentException("Unparseable EVE API date: " + dateString, e);
1|            return null; //@ERR-01
        }
    }

    /** Formats a date the way the API writes it. */
    public static String format(Date date) {
01|        return FORMAT.get().format(date);
2|        return FORMAT.format(date);
    }
}
''')
cases_of(case, GH + 'ZyorTaelon/eveapi/issues/14', src('com.beimin.eveapi.utils', 'DateUtils'),
         J('com.beimin.eveapi.utils', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                       'java.util.TimeZone'])(EVEAPI), [
             (1, 'java-00-eveapi-unparseable-date-read-as-null',
              'an edit returns null for an unparseable API date, so a cache time silently becomes "no time"', 'edit'),
             (2, 'java-00-eveapi-date-format-shared-by-all-threads',
              'an edit shares one SimpleDateFormat between every thread that parses API responses', 'edit'),
             (0, 'java-ok-00-eveapi-format-per-thread-bad-date-thrown',
              'clean: a format per thread, an unparseable date thrown with its cause', 'fix'),
         ])
