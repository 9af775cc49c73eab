"""Round-68 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / RES-04: S3 backup provider of a ZooKeeper supervisor (exhibitor)
EXHIBITOR = template('exhibitor-s3-backup-provider', r'''
/**
 * Keeps ZooKeeper transaction-log backups in S3 and restores them on request.
 */
public class S3BackupProvider implements BackupProvider {

    private final AmazonS3 s3;
    private final String bucket;

    public S3BackupProvider(AmazonS3 s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void uploadBackup(Exhibitor exhibitor, BackupMetaData backup, File source) throws Exception {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(source.length());
        s3.putObject(new PutObjectRequest(bucket, toKey(backup), source).withMetadata(metadata));
        exhibitor.getLog().add(ActivityLog.Type.INFO, "Backed up " + backup.getName() + " to " + bucket);
    }

    @Override
    public BackupStream getBackupStream(Exhibitor exhibitor, BackupMetaData backup) throws Exception {
        S3Object object = s3.getObject(bucket, toKey(backup));
        return new BackupStream(object.getObjectContent(), object);
    }

    @Override
    public void downloadBackup(Exhibitor exhibitor, BackupMetaData backup, OutputStream destination)
            throws Exception {
2|        AmazonS3 client = AmazonS3ClientBuilder.standard().withRegion(regionOf(bucket)).build(); //@RES-04
0|        try (S3Object object = s3.getObject(bucket, toKey(backup))) {
0|            copy(object.getObjectContent(), destination);
0|        }
1|        S3Object object = s3.getObject(bucket, toKey(backup)); //@RES-01
1|        copy(object.getObjectContent(), destination);
2|        try (S3Object object = client.getObject(bucket, toKey(backup))) {
2|            copy(object.getObjectContent(), destination);
2|        }
        exhibitor.getLog().add(ActivityLog.Type.INFO, "Restored " + backup.getName() + " from " + bucket);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
    }

    private String regionOf(String bucketName) {
        return s3.getBucketLocation(bucketName);
    }

    private static String toKey(BackupMetaData backup) {
        return backup.getName() + "/" + backup.getModifiedDate();
    }
}
''')
EXHIBITOR_BASE = ['com.amazonaws.services.s3.AmazonS3', 'com.amazonaws.services.s3.model.ObjectMetadata',
                  'com.amazonaws.services.s3.model.PutObjectRequest', 'com.amazonaws.services.s3.model.S3Object',
                  'com.netflix.exhibitor.core.Exhibitor', 'com.netflix.exhibitor.core.activity.ActivityLog',
                  'com.netflix.exhibitor.core.backup.BackupMetaData', 'com.netflix.exhibitor.core.backup.BackupProvider',
                  'com.netflix.exhibitor.core.backup.BackupStream', 'java.io.File', 'java.io.IOException',
                  'java.io.InputStream', 'java.io.OutputStream']
cases_of(case, GH + 'soabase/exhibitor/pull/25',
         'exhibitor-core/' + src('com.netflix.exhibitor.core.backup.s3', 'S3BackupProvider'),
         JV('com.netflix.exhibitor.core.backup.s3', {
             0: EXHIBITOR_BASE, 1: EXHIBITOR_BASE,
             2: EXHIBITOR_BASE + ['com.amazonaws.services.s3.AmazonS3ClientBuilder']})(EXHIBITOR), [
             (1, 'java-00-exhibitor-restore-object-never-closed',
              'an edit restores a backup without closing the S3 object, so every restore keeps a pooled HTTP '
              'connection until the client runs out of them', 'edit'),
             (2, 'java-00-exhibitor-restore-client-per-call',
              'an edit builds a new S3 client for each restore instead of the provider\'s shared one, so every '
              'restore starts its own connection pool', 'edit'),
             (0, 'java-ok-00-exhibitor-restore-object-in-try-with-resources',
              'clean: the fix reads the S3 object in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: file downloads of a cloud storage SDK (pcloud-sdk-java)
PCLOUD = template('pcloud-file-downloads', r'''
/**
 * Downloads file contents from the links the API hands out.
 */
class FileDownloader {

    private static final Logger log = LoggerFactory.getLogger(FileDownloader.class);

    private final OkHttpClient httpClient;

    FileDownloader(OkHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    byte[] download(long fileId, HttpUrl link) throws IOException {
01|        log.debug("Downloading file {} from {}", fileId, link.host());
2|        log.debug("Downloading file " + fileId + " from " + link.host()); //@LOG-02
        Request request = new Request.Builder().url(link).get().build();
02|        try (Response response = httpClient.newCall(request).execute()) {
02|            return readBody(fileId, response);
02|        }
1|        Response response = httpClient.newCall(request).execute(); //@RES-02
1|        return readBody(fileId, response);
    }

    void downloadTo(long fileId, HttpUrl link, File target) throws IOException {
        Request request = new Request.Builder().url(link).get().build();
        try (Response response = httpClient.newCall(request).execute();
             BufferedSink sink = Okio.buffer(Okio.sink(target))) {
            if (!response.isSuccessful()) {
                throw new IOException("Download of " + fileId + " failed: HTTP " + response.code());
            }
            sink.writeAll(response.body().source());
        }
    }

    private static byte[] readBody(long fileId, Response response) throws IOException {
        if (!response.isSuccessful()) {
            throw new IOException("Download of " + fileId + " failed: HTTP " + response.code());
        }
        return response.body().bytes();
    }
}
''')
cases_of(case, GH + 'pCloud/pcloud-sdk-java/issues/24', src('com.pcloud.sdk.internal', 'FileDownloader'),
         J('com.pcloud.sdk.internal', SLF4J + ['java.io.File', 'java.io.IOException', 'okhttp3.HttpUrl',
                                               'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response',
                                               'okio.BufferedSink', 'okio.Okio'])(PCLOUD), [
             (1, 'java-00-pcloud-download-response-never-closed',
              'an edit reads a download\'s body without closing the response, so a failed download leaks the '
              'connection and OkHttp reports a leaked connection', 'edit'),
             (2, 'java-00-pcloud-download-log-concatenated',
              'an edit logs every download with a concatenated debug message, building it when debug is off', 'edit'),
             (0, 'java-ok-00-pcloud-download-response-closed',
              'clean: the fix reads the download in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: script execution of a database migration tool (dbmaintain)
DBMAINTAIN = template('dbmaintain-sql-handler', r'''
/**
 * Executes the statements of one script on a data source, in one transaction when the database allows it.
 */
public class DefaultSQLHandler implements SQLHandler {

    private static final Log logger = LogFactory.getLog(DefaultSQLHandler.class);

    private final boolean doExecuteUpdates;

    public DefaultSQLHandler(boolean doExecuteUpdates) {
        this.doExecuteUpdates = doExecuteUpdates;
    }

    @Override
    public void executeStatements(List<String> statements, DataSource dataSource) {
        if (!doExecuteUpdates) {
            logger.info("Updates disabled, skipping " + statements.size() + " statements");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                runAll(connection, statements); //@{1}TX-01
                connection.commit();
            } catch (SQLException e) { //@{2}ERR-01
02|                connection.rollback();
01|                throw new DbMaintainException("Script failed and was rolled back: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DbMaintainException("Unable to execute statements: " + e.getMessage(), e);
        }
    }

    private void runAll(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                logger.debug(sql);
                statement.execute(sql);
            }
        }
    }
}
''')
cases_of(case, GH + 'DbMaintain/dbmaintain/issues/26',
         'dbmaintain/' + src('org.dbmaintain.database.impl', 'DefaultSQLHandler'),
         J('org.dbmaintain.database.impl', [
             'java.sql.Connection', 'java.sql.SQLException', 'java.sql.Statement', 'java.util.List',
             'javax.sql.DataSource', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.dbmaintain.database.DbMaintainException', 'org.dbmaintain.database.SQLHandler'])(DBMAINTAIN), [
             (1, 'java-00-dbmaintain-failed-script-not-rolled-back',
              'an edit drops the rollback of a failed script, so its first statements stay pending on the '
              'connection and are committed by whatever runs next on it', 'edit'),
             (2, 'java-00-dbmaintain-failed-script-swallowed',
              'an edit rolls a failed script back but no longer rethrows, so the migration run reports success '
              'and records the script as applied', 'edit'),
             (0, 'java-ok-00-dbmaintain-failed-script-rolled-back',
              'clean: the fix rolls the failed script back before rethrowing', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: BDB environment of a web archiving crawler, CRLF (heritrix3)
HERITRIX = template('heritrix-bdb-module', r'''
/**
 * Owns the crawler's Berkeley DB environment: opens it with retries and checkpoints it in the background.
 */
public class BdbModule implements Lifecycle {

    private static final Logger LOGGER = Logger.getLogger(BdbModule.class.getName());
    private static final long RETRY_DELAY_MS = 5_000;

    private final File directory;
    private volatile Environment environment;
    private Thread checkpointer;

    public BdbModule(File directory) {
        this.directory = directory;
    }

    @Override
    public void start() {
        environment = openWithRetries(3);
        checkpointer = new Thread(this::checkpointLoop, "bdb-checkpointer"); //@{2}CONC-01
        checkpointer.setDaemon(true);
01|        checkpointer.setUncaughtExceptionHandler((t, e) ->
01|                LOGGER.log(Level.SEVERE, "checkpointer died; crawl state is no longer checkpointed", e));
        checkpointer.start();
    }

    private Environment openWithRetries(int attempts) {
        EnvironmentConfig config = new EnvironmentConfig().setAllowCreate(true).setTransactional(true);
        for (int i = 1; ; i++) {
            try {
                return new Environment(directory, config);
            } catch (EnvironmentLockedException e) {
                if (i == attempts) {
                    throw e;
                }
                LOGGER.warning("BDB environment locked, retry " + i + " of " + attempts);
            }
            try {
                Thread.sleep(RETRY_DELAY_MS);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                throw new IllegalStateException("interrupted while opening " + directory, e);
1|                LOGGER.fine("retry wait interrupted");
            }
        }
    }

    private void checkpointLoop() {
        CheckpointConfig force = new CheckpointConfig().setForce(true);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            environment.checkpoint(force);
        }
    }

    @Override
    public void stop() {
        checkpointer.interrupt();
        environment.close();
    }
}
''')
HERITRIX_BASE = ['com.sleepycat.je.CheckpointConfig', 'com.sleepycat.je.Environment', 'com.sleepycat.je.EnvironmentConfig',
                 'com.sleepycat.je.EnvironmentLockedException', 'java.io.File', 'java.util.logging.Logger',
                 'org.springframework.context.Lifecycle']
cases_of(case, GH + 'internetarchive/heritrix3/pull/671', 'commons/' + src('org.archive.bdb', 'BdbModule'),
         JV('org.archive.bdb', {0: HERITRIX_BASE + ['java.util.logging.Level'],
                                1: HERITRIX_BASE + ['java.util.logging.Level'], 2: HERITRIX_BASE})(HERITRIX), [
             (1, 'java-00-heritrix-bdb-open-retry-swallows-interrupt',
              'an edit logs and ignores an interrupt of the retry wait while the environment is locked, so a '
              'crawler being shut down keeps retrying and never stops', 'edit'),
             (2, 'java-00-heritrix-checkpointer-without-handler',
              'an edit starts the checkpoint thread without its uncaught-exception handler, so a failing '
              'checkpoint ends checkpointing without a word in the crawl log', 'edit'),
             (0, 'java-ok-00-heritrix-bdb-open-retry-restores-interrupt',
              'clean: the fix restores the interrupt flag and gives up opening the environment', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / LOG-01: expired-profile flush of a security analytics profiler (metron)
METRON = template('metron-profile-builder-bolt', r'''
/**
 * Builds profiles from the telemetry it receives and flushes profiles that stopped receiving messages.
 */
public class ProfileBuilderBolt extends BaseWindowedBolt {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileBuilderBolt.class);

    private transient ScheduledExecutorService expiredFlusher;
    private transient MessageDistributor distributor;
    private transient ProfileWriter writer;
    private long profileTimeToLiveMillis;

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        super.prepare(conf, context, collector);
        distributor = new DefaultMessageDistributor(profileTimeToLiveMillis);
        writer = new ProfileWriter(collector);
        expiredFlusher = Executors.newSingleThreadScheduledExecutor();
        long period = profileTimeToLiveMillis / 2;
02|        expiredFlusher.scheduleAtFixedRate(this::flushExpiredSafely, period, period, TimeUnit.MILLISECONDS);
1|        expiredFlusher.scheduleAtFixedRate(this::flushExpired, period, period, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void flushExpiredSafely() {
        try {
            flushExpired();
        } catch (Throwable t) {
            LOG.error("Flushing expired profiles failed; will retry on the next period", t);
        }
    }

    private void flushExpired() {
        List<ProfileMeasurement> measurements = distributor.flushExpired();
        int written = 0;
        for (ProfileMeasurement m : measurements) {
            writer.write(m);
            written++;
2|            LOG.info("Flushed expired profile {} for entity {}", m.getProfileName(), m.getEntity()); //@LOG-01
        }
        LOG.debug("Flushed {} expired profiles", written);
    }

    @Override
    public void execute(TupleWindow window) {
        for (Tuple tuple : window.get()) {
            distributor.distribute(tuple);
        }
    }

    @Override
    public void cleanup() {
        expiredFlusher.shutdownNow();
    }
}
''')
cases_of(case, GH + 'apache/metron/pull/1194',
         'metron-analytics/metron-profiler-storm/' + src('org.apache.metron.profiler.storm', 'ProfileBuilderBolt'),
         J('org.apache.metron.profiler.storm', SLF4J + [
             'java.util.List', 'java.util.Map', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
             'org.apache.metron.profiler.DefaultMessageDistributor', 'org.apache.metron.profiler.MessageDistributor',
             'org.apache.metron.profiler.ProfileMeasurement', 'org.apache.storm.task.OutputCollector',
             'org.apache.storm.task.TopologyContext', 'org.apache.storm.topology.base.BaseWindowedBolt',
             'org.apache.storm.tuple.Tuple', 'org.apache.storm.windowing.TupleWindow'])(METRON), [
             (1, 'java-00-metron-expired-flush-scheduled-without-catch',
              'an edit schedules the expired-profile flush directly, so the first exception silently suppresses '
              'every later flush and expired profiles pile up in memory', 'edit'),
             (2, 'java-00-metron-every-expired-profile-logged',
              'an edit logs each expired profile at info level inside the flush loop, so a burst of expiring '
              'entities floods the worker log', 'edit'),
             (0, 'java-ok-00-metron-expired-flush-caught',
              'clean: the fix schedules a wrapper that logs every failure of a flush and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: object uploads of a diskless Kafka storage layer, new file (inkless)
INKLESS = template('inkless-file-uploader', r'''
/**
 * Uploads produced batches to object storage on a pool of its own, so that the request threads never wait on S3.
 */
public class FileUploader implements Closeable {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileUploader.class);

    private final ObjectUploader uploader;
    private final ExecutorService pool;

    public FileUploader(ObjectUploader uploader, int threads, int maxQueued) {
        this.uploader = uploader;
0|        this.pool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
0|                new ArrayBlockingQueue<>(maxQueued), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.pool = Executors.newCachedThreadPool(); //@CONC-02
2|        this.pool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
2|                new ArrayBlockingQueue<>(maxQueued), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Starts the upload of one file; the returned future completes with its object key. */
01|    public Future<ObjectKey> upload(ClosedFile file) {
01|        return pool.submit(() -> {
01|            ObjectKey key = uploader.upload(file.data());
01|            LOGGER.debug("Uploaded {} bytes as {}", file.size(), key);
01|            return key;
01|        });
01|    }
2|    public void upload(ClosedFile file) {
2|        pool.submit(() -> { //@CONC-06
2|            ObjectKey key = uploader.upload(file.data());
2|            LOGGER.debug("Uploaded {} bytes as {}", file.size(), key);
2|            file.committer().commit(key);
2|        });
2|    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
''')
cases_of(case, GH + 'aiven/inkless/pull/299', 'storage/inkless/' + src('io.aiven.inkless.produce', 'FileUploader'),
         JV('io.aiven.inkless.produce', {
             0: SLF4J + ['io.aiven.inkless.common.ObjectKey', 'io.aiven.inkless.storage.ObjectUploader',
                         'java.io.Closeable', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'],
             1: SLF4J + ['io.aiven.inkless.common.ObjectKey', 'io.aiven.inkless.storage.ObjectUploader',
                         'java.io.Closeable', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                         'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit'],
             2: SLF4J + ['io.aiven.inkless.common.ObjectKey', 'io.aiven.inkless.storage.ObjectUploader',
                         'java.io.Closeable', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit']})(INKLESS), [
             (1, 'java-00-inkless-new-uploader-on-cached-pool',
              'a new uploader runs uploads on a cached thread pool, so while commits are slow every produce '
              'request starts another upload thread with nothing to push back', 'new'),
             (2, 'java-00-inkless-new-uploader-future-dropped',
              'a new uploader submits each upload and drops its future, so a failed upload is never seen and the '
              'batch is never acknowledged or failed', 'new'),
             (0, 'java-ok-00-inkless-new-uploader-bounded',
              'clean: a new uploader on a bounded pool whose full queue runs work on the caller, returning each '
              'upload\'s future', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-01: request signing of a Vert.x S3 client (vertx-s3-client)
VERTXS3 = template('vertx-s3-client-signing', r'''
/**
 * A non-blocking S3 client: signs each request with AWS signature version 4 and sends it on a shared HttpClient.
 */
public class S3Client {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final HttpClient client;
    private final S3ClientOptions options;
    private final Clock clock;

    public S3Client(Vertx vertx, S3ClientOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
01|        this.client = vertx.createHttpClient(new HttpClientOptions()
01|                .setDefaultHost(options.getHostnameOverride())
01|                .setConnectTimeout(options.getConnectTimeoutMillis())
01|                .setIdleTimeout(options.getIdleTimeoutSeconds()));
2|        this.client = vertx.createHttpClient(new HttpClientOptions() //@TMO-01
2|                .setDefaultHost(options.getHostnameOverride()));
    }

    void sign(HttpClientRequest request, String payloadHash) {
02|        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
1|        ZonedDateTime now = ZonedDateTime.now(); //@TIME-01
        String amzDate = AMZ_DATE.format(now);
        String scope = SCOPE_DATE.format(now) + "/" + options.getAwsRegion() + "/s3/aws4_request";
        request.putHeader("x-amz-date", amzDate);
        request.putHeader("x-amz-content-sha256", payloadHash);
        String signature = Signer.signature(options.getSecretKey(), scope, canonicalRequest(request, payloadHash),
                amzDate);
        request.putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + options.getAccessKey() + "/" + scope
                + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature);
    }

    private static String canonicalRequest(HttpClientRequest request, String payloadHash) {
        return request.method() + "\n" + request.path() + "\n" + nullToEmpty(request.query()) + "\n"
                + "host:" + request.getHost() + "\n" + "x-amz-content-sha256:" + payloadHash + "\n"
                + "x-amz-date:" + request.headers().get("x-amz-date") + "\n\n"
                + "host;x-amz-content-sha256;x-amz-date\n" + payloadHash;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
''')
VERTX_BASE = ['io.vertx.core.Vertx', 'io.vertx.core.http.HttpClient', 'io.vertx.core.http.HttpClientOptions',
              'io.vertx.core.http.HttpClientRequest', 'java.time.Clock', 'java.time.ZonedDateTime',
              'java.time.format.DateTimeFormatter']
cases_of(case, GH + 'hubrick/vertx-s3-client/pull/7', src('com.hubrick.vertx.s3.client', 'S3Client'),
         JV('com.hubrick.vertx.s3.client', {0: VERTX_BASE + ['java.time.ZoneOffset'], 1: VERTX_BASE,
                                            2: VERTX_BASE + ['java.time.ZoneOffset']})(VERTXS3), [
             (1, 'java-00-vertx-s3-signing-date-in-local-zone',
              'an edit takes the signing time from the machine\'s zone while the header claims UTC, so every '
              'request from a server outside UTC is rejected as badly dated', 'edit'),
             (2, 'java-00-vertx-s3-http-client-without-timeouts',
              'an edit builds the shared HttpClient without its connect and idle timeouts, so a stalled S3 '
              'endpoint holds requests open indefinitely', 'edit'),
             (0, 'java-ok-00-vertx-s3-signing-date-in-utc',
              'clean: the fix signs with the injected clock in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-03: cache advice of a memcached integration, renamed class (simple-spring-memcached)
MEMCACHED = template('ssm-cache-advice-base', r'''
/**
 * Shared steps of the caching advices: building keys, reading and writing the cache, and logging what happened.
 */
public abstract class CacheAdviceBase {

    private static final Logger LOG = LoggerFactory.getLogger(CacheAdviceBase.class);

    private final Cache cache;
    private final CacheKeyMethodStore keyMethods;
2|    private final Map<String, String> namespaceKeys = new HashMap<>();

    protected CacheAdviceBase(Cache cache, CacheKeyMethodStore keyMethods) {
        this.cache = cache;
        this.keyMethods = keyMethods;
    }

    protected Object getFromCache(String namespace, Object keyObject, int expiration) throws Exception {
        String cacheKey = buildCacheKey(namespace, keyObject);
        Object value = cache.get(cacheKey, SerializationType.PROVIDER);
        if (value == null) {
02|            LOG.debug("Cache miss for key {} (expiration {})", cacheKey, expiration);
1|            LOG.debug("Cache miss for key " + cacheKey + " (expiration " + expiration + ")"); //@LOG-02
        }
        return value;
    }

    protected void addToCache(String namespace, Object keyObject, int expiration, Object value) {
        String cacheKey = buildCacheKey(namespace, keyObject);
        try {
            cache.add(cacheKey, expiration, value, SerializationType.PROVIDER);
        } catch (TimeoutException | CacheException e) {
            LOG.warn("Cannot add value under key {}", cacheKey, e);
        }
    }

    protected String buildCacheKey(String namespace, Object keyObject) {
        String objectId = keyMethods.getKeyMethod(keyObject.getClass()).apply(keyObject);
2|        String key = namespaceKeys.get(namespace + ":" + objectId);
2|        if (key == null) {
2|            key = namespace + ":" + objectId;
2|            namespaceKeys.put(namespace + ":" + objectId, key); //@CONC-03
2|        }
2|        return key;
01|        return namespace + ":" + objectId;
    }
}
''')
MEMCACHED_BASE = SLF4J + ['com.google.code.ssm.api.format.SerializationType', 'com.google.code.ssm.providers.CacheException',
                          'com.google.code.ssm.Cache', 'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'ragnor/simple-spring-memcached/pull/67',
         'simple-spring-memcached/' + src('com.google.code.ssm.aop', 'CacheAdviceBase'),
         JV('com.google.code.ssm.aop', {0: MEMCACHED_BASE, 1: MEMCACHED_BASE,
                                        2: MEMCACHED_BASE + ['java.util.HashMap', 'java.util.Map']})(MEMCACHED), [
             (1, 'java-00-ssm-renamed-advice-miss-log-concatenated',
              'a PR renames the cache advice base class and logs each cache miss with a concatenated debug message, '
              'built on every miss whether debug is on or not', 'rename'),
             (2, 'java-00-ssm-renamed-advice-key-memo-in-hash-map',
              'a PR renames the cache advice base class and memoises keys in a plain HashMap that every advised '
              'call writes from its own thread', 'rename'),
             (0, 'java-ok-00-ssm-renamed-advice',
              'clean: the rename alone; misses are logged with placeholders and keys are built without shared state',
              'rename'),
         ], rename_from='simple-spring-memcached/' + src('com.google.code.ssm.aop', 'CacheBase'),
         rename_old=lambda t: t.replace('CacheAdviceBase', 'CacheBase'))


# ---------------------------------------------------------------- TMO-01 / RES-01: sessions of a Cassandra JDBC wrapper (cassandra-jdbc-wrapper)
CASSJDBC = template('cassandra-jdbc-session-holder', r'''
/**
 * Builds the driver session behind a JDBC connection from the properties parsed out of the JDBC URL.
 */
class SessionHolder {

    private static final Logger logger = LoggerFactory.getLogger(SessionHolder.class);

    final Session session;

    SessionHolder(Properties properties) {
        String[] hosts = properties.getProperty(TAG_SERVER_NAME).split("--");
        int port = Integer.parseInt(properties.getProperty(TAG_PORT_NUMBER, "9042"));
        String keyspace = properties.getProperty(TAG_DATABASE_NAME);
        SocketOptions socketOptions = new SocketOptions()
                .setConnectTimeoutMillis(intProperty(properties, TAG_CONNECT_TIMEOUT, 5_000))
                .setReadTimeoutMillis(intProperty(properties, TAG_READ_TIMEOUT, 12_000));
        Cluster.Builder builder = Cluster.builder() //@{1}TMO-01
                .addContactPoints(hosts)
                .withPort(port)
02|                .withSocketOptions(socketOptions)
                .withCompression(ProtocolOptions.Compression.LZ4);
        if (properties.containsKey(TAG_USER)) {
            builder.withCredentials(properties.getProperty(TAG_USER), properties.getProperty(TAG_PASSWORD));
        }
        Cluster cluster = builder.build(); //@{2}RES-01
01|        try {
01|            session = cluster.connect(keyspace);
01|        } catch (RuntimeException e) {
01|            cluster.close();
01|            throw e;
01|        }
2|        session = cluster.connect(keyspace);
        logger.info("Connected to keyspace {} on {}", keyspace, String.join(",", hosts));
    }

    private static int intProperty(Properties properties, String name, int defaultValue) {
        String value = properties.getProperty(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }
}
''')
cases_of(case, GH + 'adejanovski/cassandra-jdbc-wrapper/pull/17',
         src('com.github.adejanovski.cassandra.jdbc', 'SessionHolder'),
         J('com.github.adejanovski.cassandra.jdbc', SLF4J + [
             'com.datastax.driver.core.Cluster', 'com.datastax.driver.core.ProtocolOptions',
             'com.datastax.driver.core.Session', 'com.datastax.driver.core.SocketOptions', 'java.util.Properties',
             'static com.github.adejanovski.cassandra.jdbc.Utils.*'])(CASSJDBC), [
             (1, 'java-00-cassandra-jdbc-cluster-without-socket-timeouts',
              'an edit builds the cluster without the socket options parsed from the URL, so the connect and read '
              'timeouts a user sets are ignored and a dead node hangs the JDBC call', 'edit'),
             (2, 'java-00-cassandra-jdbc-cluster-left-open-on-connect-failure',
              'an edit connects to the keyspace without closing the cluster when that fails, so each failed JDBC '
              'connection leaves the driver\'s threads and sockets behind', 'edit'),
             (0, 'java-ok-00-cassandra-jdbc-cluster-with-socket-timeouts',
              'clean: the fix passes the socket options to the cluster builder', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TX-01: scheduled functions of an embedded database, new file (youtrackdb)
YOUTRACK = template('youtrackdb-scheduled-event-runner', r'''
/**
 * Runs one scheduled function on a pooled thread: opens a session of its own, makes it the thread's active one for
 * the duration of the run and executes the function in a transaction.
 */
public class ScheduledEventRunner implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(ScheduledEventRunner.class);
    private static final ThreadLocal<DatabaseSessionInternal> ACTIVE_SESSION = new ThreadLocal<>();

    private final YouTrackDBInternal context;
    private final String databaseName;
    private final ScheduledEvent event;

    public ScheduledEventRunner(YouTrackDBInternal context, String databaseName, ScheduledEvent event) {
        this.context = context;
        this.databaseName = databaseName;
        this.event = event;
    }

    public static DatabaseSessionInternal activeSession() {
        return ACTIVE_SESSION.get();
    }

    @Override
    public void run() {
        DatabaseSessionInternal session = context.openNoAuthorization(databaseName);
        try {
            ACTIVE_SESSION.set(session); //@{1}CONC-04
            execute(session);
        } catch (RuntimeException e) {
            logger.error("Scheduled event {} failed", event.getName(), e);
        } finally {
02|            ACTIVE_SESSION.remove();
            session.close();
        }
    }

    private void execute(DatabaseSessionInternal session) {
01|        session.begin();
01|        try {
01|            event.getFunction().execute(session, event.getArguments());
01|            session.commit();
01|        } catch (RuntimeException e) {
01|            session.rollback();
01|            throw e;
01|        }
2|        session.begin(); //@TX-01
2|        event.getFunction().execute(session, event.getArguments());
2|        session.commit();
    }
}
''')
cases_of(case, GH + 'JetBrains/youtrackdb/issues/270',
         'core/' + src('com.jetbrains.youtrack.db.internal.core.schedule', 'ScheduledEventRunner'),
         J('com.jetbrains.youtrack.db.internal.core.schedule', SLF4J + [
             'com.jetbrains.youtrack.db.internal.core.db.DatabaseSessionInternal',
             'com.jetbrains.youtrack.db.internal.core.db.YouTrackDBInternal'])(YOUTRACK), [
             (1, 'java-00-youtrackdb-new-runner-session-left-in-thread-local',
              'a new scheduled-event runner makes its session the thread\'s active one and never removes it, so '
              'the pooled thread keeps a closed session and the next event sees the wrong database', 'new'),
             (2, 'java-00-youtrackdb-new-runner-transaction-open-on-failure',
              'a new scheduled-event runner begins a transaction around the function without rolling it back when '
              'the function throws, so the session is closed with the transaction still open', 'new'),
             (0, 'java-ok-00-youtrackdb-new-runner',
              'clean: a new runner that removes its thread-local session in finally and rolls back a failed event',
              'new'),
         ])
