"""Round-50 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / ERR-01: SQL front end of a search cluster (elasticsearch-sql)
ESSQL = template('essql-query-action', r'''
/**
 * Runs one SQL statement against the cluster and writes the hits back as JSON.
 */
public class RestSqlAction extends BaseRestHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(RestSqlAction.class);

    private final Settings settings;

    public RestSqlAction(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "sql_action";
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        String sql = request.param("sql");
        if (sql == null) {
            sql = request.content().utf8ToString();
        }
        final String statement = sql;
02|        SearchDao searchDao = new SearchDao(client);
1|        TransportClient perQueryClient = new PreBuiltTransportClient(settings); //@RES-04
1|        SearchDao searchDao = new SearchDao(perQueryClient);
        return channel -> {
            try {
                QueryAction queryAction = searchDao.explain(statement);
                Object result = queryAction.explain().get();
                RestExecutor executor = ActionRequestRestExecuterFactory.createExecutor(request.param("format"));
                executor.execute(client, request.params(), queryAction, channel);
                LOGGER.debug("sql executed: {} ({})", statement, result.getClass().getSimpleName());
            } catch (SqlParseException | SQLFeatureNotSupportedException e) { //@{2}ERR-01
01|                LOGGER.warn("cannot run sql {}", statement, e);
01|                channel.sendResponse(new BytesRestResponse(RestStatus.BAD_REQUEST, e.getMessage()));
2|                channel.sendResponse(new BytesRestResponse(RestStatus.OK, "{}"));
            }
        };
    }
}
''')
cases_of(case, GH + 'NLPchina/elasticsearch-sql/pull/10', src('org.nlpcn.es4sql.plugin', 'RestSqlAction'),
         JV('org.nlpcn.es4sql.plugin', {
             v: SLF4J + ['java.io.IOException', 'java.sql.SQLFeatureNotSupportedException',
                         'org.elasticsearch.client.node.NodeClient', 'org.elasticsearch.common.settings.Settings',
                         'org.elasticsearch.rest.BaseRestHandler', 'org.elasticsearch.rest.BytesRestResponse',
                         'org.elasticsearch.rest.RestRequest', 'org.elasticsearch.rest.RestStatus',
                         'org.nlpcn.es4sql.SearchDao', 'org.nlpcn.es4sql.exception.SqlParseException',
                         'org.nlpcn.es4sql.query.QueryAction',
                         'org.elasticsearch.plugin.nlpcn.executors.ActionRequestRestExecuterFactory',
                         'org.elasticsearch.plugin.nlpcn.executors.RestExecutor']
             + (['org.elasticsearch.client.transport.TransportClient',
                 'org.elasticsearch.transport.client.PreBuiltTransportClient'] if v == 1 else [])
             for v in (0, 1, 2)})(ESSQL), [
             (1, 'java-00-essql-transport-client-per-query',
              'an edit builds a new transport client for every SQL request, each with its own threads and '
              'connections to the cluster, and never closes it', 'edit'),
             (2, 'java-00-essql-parse-error-answered-as-empty-ok',
              'an edit answers a statement that does not parse with an empty 200 and no log line, so a wrong query '
              'looks like no hits', 'edit'),
             (0, 'java-ok-00-essql-node-client-parse-error-reported',
              'clean: the fix searches through the node\'s own client and reports a bad statement as a 400', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: Spark/Hadoop connector's scroll reader (elasticsearch-hadoop)
ESHADOOP = template('es-hadoop-scroll-reader', r'''
/**
 * Reads every hit of one shard's query through scroll requests, one repository per partition.
 */
public class PartitionReader {
    private static final Log LOG = LogFactory.getLog(PartitionReader.class);

    private final Settings settings;
    private final PartitionDefinition partition;
    private final ScrollReader scrollReader;

    public PartitionReader(Settings settings, PartitionDefinition partition, ScrollReader scrollReader) {
        this.settings = settings;
        this.partition = partition;
        this.scrollReader = scrollReader;
    }

    public long readAll(HitConsumer consumer) throws IOException {
        long hits = 0;
        for (String shardIndex : partition.getIndices()) {
            SearchRequestBuilder query = QueryUtils.populateRequest(settings, shardIndex, partition);
02|            try (RestRepository repository = new RestRepository(settings)) {
02|                ScrollQuery scroll = query.build(repository, scrollReader);
02|                while (scroll.hasNext()) {
02|                    consumer.accept(scroll.next());
02|                    hits++;
02|                }
02|            }
1|            RestRepository repository = new RestRepository(settings); //@RES-01
1|            ScrollQuery scroll = query.build(repository, scrollReader);
1|            while (scroll.hasNext()) {
1|                consumer.accept(scroll.next());
1|                hits++;
1|            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(String.format("Read %d hits from index %s of partition %s", hits, shardIndex, partition));
            }
2|            LOG.debug("Read " + hits + " hits from index " + shardIndex + " of partition " + partition); //@LOG-02
        }
        return hits;
    }
}
''')
cases_of(case, GH + 'elastic/elasticsearch-hadoop/pull/1781',
         'mr/' + src('org.elasticsearch.hadoop.rest', 'PartitionReader'),
         J('org.elasticsearch.hadoop.rest', [
             'java.io.IOException', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.elasticsearch.hadoop.cfg.Settings', 'org.elasticsearch.hadoop.rest.query.QueryUtils',
             'org.elasticsearch.hadoop.serialization.ScrollReader'])(ESHADOOP), [
             (1, 'java-00-es-hadoop-scroll-repository-not-closed',
              'an edit opens a REST repository for every index of the partition and never closes it, so a job with '
              'many fast scrolls runs the cluster out of connections', 'edit'),
             (2, 'java-00-es-hadoop-per-index-debug-concatenated',
              'an edit logs the per-index count with an unguarded concatenated debug message, built for every index '
              'of every partition whatever the level', 'edit'),
             (0, 'java-ok-00-es-hadoop-repository-closed-debug-guarded',
              'clean: the fix closes each repository with try-with-resources; the debug line stays guarded', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: learning-analytics dashboard's JDBC provider (OpenDashboard)
OPENDASH = template('opendashboard-jdbc-course-provider', r'''
/**
 * Reads a learner's courses and the course statistics from the institution's student-records database.
 */
@Component
public class JdbcCourseProvider implements CourseProvider {
    private static final Logger log = LoggerFactory.getLogger(JdbcCourseProvider.class);

    private static final String COURSES_FOR_LEARNER =
            "SELECT c.course_id, c.title, c.term FROM enrollment e JOIN course c ON c.course_id = e.course_id "
            + "WHERE e.person_id = ? ORDER BY c.term DESC";
    private static final String ENROLLMENT_COUNT = "SELECT COUNT(*) FROM enrollment WHERE course_id = ?";

    private final DataSource dataSource;

    public JdbcCourseProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Course> getCoursesForLearner(ProviderData providerData, String personId) throws ProviderException {
        List<Course> courses = new ArrayList<>();
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(COURSES_FOR_LEARNER)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(COURSES_FOR_LEARNER);
            statement.setString(1, personId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Course course = new Course();
                    course.setId(rs.getString("course_id"));
                    course.setTitle(rs.getString("title"));
                    course.setTerm(rs.getString("term"));
                    courses.add(course);
                }
            }
        } catch (SQLException e) {
            log.error("Cannot read courses of learner {}", personId, e);
            throw new ProviderException(ProviderException.DEFAULT_PROVIDER_EXCEPTION_MESSAGE);
        }
        return courses;
    }

    public long getEnrollmentCount(String courseId) throws ProviderException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ENROLLMENT_COUNT)) {
            statement.setString(1, courseId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            log.error("Cannot count enrollments of course {}", courseId, e);
01|            throw new ProviderException(ProviderException.DEFAULT_PROVIDER_EXCEPTION_MESSAGE);
2|            return 0L;
        }
    }
}
''')
cases_of(case, GH + 'Apereo-Learning-Analytics-Initiative/OpenDashboard-legacy/pull/57',
         src('od.providers.course.jdbc', 'JdbcCourseProvider'),
         J('od.providers.course.jdbc', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource', 'od.providers.ProviderData',
             'od.providers.ProviderException', 'od.providers.course.CourseProvider', 'org.springframework.stereotype.Component',
             'unicon.matthews.oneroster.Course'])(OPENDASH), [
             (1, 'java-00-opendashboard-new-provider-connection-never-closed',
              'a new JDBC course provider opens a connection and statement per learner and never closes them, so '
              'the records database soon refuses connections', 'new'),
             (2, 'java-00-opendashboard-new-provider-count-failure-reads-zero',
              'a new JDBC course provider answers a failed enrollment count with zero and no log line, so a broken '
              'database shows as empty courses', 'new'),
             (0, 'java-ok-00-opendashboard-new-provider-closed-failures-thrown',
              'clean: a new JDBC course provider closing everything with try-with-resources and reporting every '
              'failure', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: offline-sync Android app's timestamps (RapidFTR)
RAPIDFTR = template('rapidftr-record-timestamps', r'''
public class RapidFtrDateTime {
    public static final String FORMAT = "yyyy-MM-dd HH:mm:ss";
02|    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
2|    private static final SimpleDateFormat SHARED_FORMAT = utcFormat(); //@CONC-03

    private final Calendar calendar;

    public RapidFtrDateTime(int day, int month, int year) {
        calendar = Calendar.getInstance();
        calendar.clear();
        calendar.set(year, month - 1, day);
    }

    public RapidFtrDateTime(Calendar calendar) {
        this.calendar = calendar;
    }

    public static RapidFtrDateTime now() {
        return new RapidFtrDateTime(Calendar.getInstance());
    }

    /** The timestamp the sync server expects on every record: the instant in UTC. */
    public String defaultFormat() {
2|        return SHARED_FORMAT.format(calendar.getTime());
0|        return utcFormat().format(calendar.getTime());
1|        return new SimpleDateFormat(FORMAT, Locale.US).format(calendar.getTime()); //@TIME-01
    }

    public static Calendar parse(String timestamp) throws ParseException {
        Calendar parsed = Calendar.getInstance();
02|        parsed.setTime(utcFormat().parse(timestamp));
1|        parsed.setTime(new SimpleDateFormat(FORMAT, Locale.US).parse(timestamp));
        return parsed;
    }
02|
02|    private static SimpleDateFormat utcFormat() {
02|        SimpleDateFormat format = new SimpleDateFormat(FORMAT, Locale.US);
02|        format.setTimeZone(UTC);
02|        return format;
02|    }
}
''')
RAPID_BASE = ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Calendar', 'java.util.Locale']
cases_of(case, GH + 'rapidftr/RapidFTR-Android/pull/80',
         'RapidFTR-Android/' + src('com.rapidftr.utils', 'RapidFtrDateTime'),
         JV('com.rapidftr.utils', {0: RAPID_BASE + ['java.util.TimeZone'], 1: RAPID_BASE,
                                   2: RAPID_BASE + ['java.util.TimeZone']})(RAPIDFTR), [
             (1, 'java-00-rapidftr-record-timestamp-in-device-zone',
              'an edit formats and parses record timestamps in the phone\'s zone, so records synced from phones in '
              'different zones carry shifted times', 'edit'),
             (2, 'java-00-rapidftr-shared-static-date-format',
              'an edit shares one static date format between the sync thread and the UI, so concurrent formats '
              'corrupt each other\'s timestamps', 'edit'),
             (0, 'java-ok-00-rapidftr-utc-format-per-call',
              'clean: the fix builds a UTC formatter for every call', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: cloud-storage connector's batch deletes (hadoop-connectors)
GCSBATCH = template('gcs-batch-helper', r'''
/**
 * Queues storage requests and sends them in batches of at most maxRequestsPerBatch, on a small pool.
 */
public class BatchHelper {
    private static final GoogleLogger logger = GoogleLogger.forEnclosingClass();

    private final Queue<Future<Void>> pendingBatches = new ConcurrentLinkedQueue<>();
    private final ExecutorService requestsExecutor;
    private final Storage storage;
    private final int maxRequestsPerBatch;
    private BatchRequest batch;

    BatchHelper(Storage storage, ExecutorService requestsExecutor, int maxRequestsPerBatch) {
        this.storage = storage;
        this.requestsExecutor = requestsExecutor;
        this.maxRequestsPerBatch = maxRequestsPerBatch;
        this.batch = storage.batch();
    }

    /** Sends the current batch on the pool and starts a new one. */
    private void flushPendingRequests() {
        if (batch.size() == 0) {
            return;
        }
        BatchRequest toSend = batch;
        batch = storage.batch();
01|        pendingBatches.add(requestsExecutor.submit(() -> {
01|            toSend.execute();
01|            return null;
01|        }));
2|        requestsExecutor.submit(() -> { //@CONC-06
2|            toSend.execute();
2|            return null;
2|        });
    }

    /** Sends what is queued and waits for every batch sent so far. */
    public void flush() throws IOException {
        flushPendingRequests();
        try {
            Future<Void> pending;
            while ((pending = pendingBatches.poll()) != null) {
                pending.get();
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for batch requests", e);
        } catch (ExecutionException e) {
            logger.atWarning().withCause(e.getCause()).log("Batch request failed");
            throw new IOException("Batch request failed", e.getCause());
        }
    }
}
''')
cases_of(case, GH + 'GoogleCloudDataproc/hadoop-connectors/pull/248',
         'gcsio/' + src('com.google.cloud.hadoop.gcsio', 'BatchHelper'),
         J('com.google.cloud.hadoop.gcsio', [
             'com.google.api.client.googleapis.batch.BatchRequest', 'com.google.api.services.storage.Storage',
             'com.google.common.flogger.GoogleLogger', 'java.io.IOException', 'java.util.Queue',
             'java.util.concurrent.ConcurrentLinkedQueue', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future'])(GCSBATCH), [
             (1, 'java-00-gcs-batch-flush-interrupt-cleared',
              'an edit turns an interrupted wait for the batches into an IOException without restoring the interrupt '
              'flag, so the caller\'s shutdown goes unnoticed', 'edit'),
             (2, 'java-00-gcs-batch-future-dropped',
              'an edit submits each batch without keeping its future, so a failed delete batch is never seen and '
              'flush returns before the batch ran', 'edit'),
             (0, 'java-ok-00-gcs-batch-interrupt-restored-futures-awaited',
              'clean: the fix keeps every batch\'s future and restores the interrupt flag', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-01: analytics client's network executor (analytics-java)
SEGMENT = template('segment-analytics-builder', r'''
    /** Builds the client: one HTTP client for the API and a bounded pool that sends the batches. */
    public Analytics build() {
        Gson gson = new GsonBuilder()
                .registerTypeAdapterFactory(new AutoValueAdapterFactory())
                .registerTypeAdapter(Date.class, new ISO8601DateAdapter())
                .create();

        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
        if (flushQueueSize == 0) {
            flushQueueSize = Platform.get().defaultFlushQueueSize();
        }
        if (flushIntervalInMillis == 0) {
            flushIntervalInMillis = Platform.get().defaultFlushIntervalInMillis();
        }
        if (threadFactory == null) {
            threadFactory = Platform.get().defaultThreadFactory();
        }
        if (networkExecutor == null) {
02|            networkExecutor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
02|                    new LinkedBlockingQueue<>(maximumQueueSizeInBytes / MAX_BATCH_SIZE),
02|                    threadFactory, new ThreadPoolExecutor.CallerRunsPolicy());
1|            networkExecutor = Executors.newSingleThreadExecutor(threadFactory); //@CONC-02
        }

        OkHttpClient httpClient = new OkHttpClient.Builder() //@{2}TMO-01
01|                .connectTimeout(15, TimeUnit.SECONDS)
01|                .readTimeout(15, TimeUnit.SECONDS)
01|                .writeTimeout(15, TimeUnit.SECONDS)
                .addInterceptor(new AnalyticsRequestInterceptor(userAgent))
                .build();

        Retrofit restAdapter = new Retrofit.Builder()
                .baseUrl(endpoint)
                .client(httpClient)
                .addConverterFactory(GsonConverterFactory.create(gson))
                .build();
        SegmentService segmentService = restAdapter.create(SegmentService.class);

        AnalyticsClient client = AnalyticsClient.create(endpoint, segmentService, flushQueueSize,
                flushIntervalInMillis, maximumRetries, log, threadFactory, networkExecutor, callbacks, writeKey, gson);
        return new Analytics(client, messageTransformers, messageInterceptors, log);
    }
}
''')
SEGMENT_TEXT = '''
/**
 * Builds an {@link Analytics} client for one write key.
 */
public class AnalyticsBuilder {
    static final HttpUrl DEFAULT_ENDPOINT = HttpUrl.parse("https://api.segment.io");
    static final int MAX_BATCH_SIZE = 500 * 1024;

    private final String writeKey;
    private HttpUrl endpoint;
    private String userAgent = "analytics-java";
    private int flushQueueSize;
    private long flushIntervalInMillis;
    private int maximumRetries = 3;
    private int maximumQueueSizeInBytes = 32 * 1024 * 1024;
    private Log log = Log.NONE;
    private ExecutorService networkExecutor;
    private ThreadFactory threadFactory;
    private final List<MessageTransformer> messageTransformers = new ArrayList<>();
    private final List<MessageInterceptor> messageInterceptors = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();

    public AnalyticsBuilder(String writeKey) {
        this.writeKey = writeKey;
    }
'''
SEGMENT_IMPORTS = ['com.google.gson.Gson', 'com.google.gson.GsonBuilder', 'com.segment.analytics.gson.AutoValueAdapterFactory',
                   'com.segment.analytics.gson.ISO8601DateAdapter', 'com.segment.analytics.http.SegmentService',
                   'com.segment.analytics.internal.AnalyticsClient', 'java.util.ArrayList', 'java.util.Date',
                   'java.util.List', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                   'java.util.concurrent.TimeUnit', 'okhttp3.HttpUrl', 'okhttp3.OkHttpClient', 'retrofit2.Retrofit',
                   'retrofit2.converter.gson.GsonConverterFactory']
cases_of(case, GH + 'segmentio/analytics-java/issues/239',
         'analytics/' + src('com.segment.analytics', 'AnalyticsBuilder'),
         JV('com.segment.analytics', {
             0: SEGMENT_IMPORTS + ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
             1: SEGMENT_IMPORTS + ['java.util.concurrent.Executors'],
             2: SEGMENT_IMPORTS + ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
         })(SEGMENT_TEXT + SEGMENT), [
             (1, 'java-00-segment-network-executor-unbounded-queue',
              'an edit gives the default network executor an unbounded queue, so a slow API lets queued batches grow '
              'until the host runs out of memory', 'edit'),
             (2, 'java-00-segment-http-client-without-timeouts',
              'an edit builds the API client without connect, read or write timeouts, so a stalled API holds the '
              'only sending thread forever', 'edit'),
             (0, 'java-ok-00-segment-bounded-executor-client-timeouts',
              'clean: the fix bounds the executor\'s queue with caller-runs back-pressure; the client has all three '
              'timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-04: graph loader's parallel batch inserts (hugegraph-toolchain)
HUGEGRAPH = template('hugegraph-task-manager', r'''
/**
 * Runs the loader's batch and single inserts on two pools, at most batchSemaphore batches queued at once.
 */
public final class TaskManager {
    private static final Logger LOG = Log.logger(TaskManager.class);

    private static final ThreadLocal<List<Record>> FAILED_RECORDS = new ThreadLocal<>();

    private final LoadContext context;
    private final LoadOptions options;
    private final ExecutorService batchService;
    private final ExecutorService singleService;

    public TaskManager(LoadContext context) {
        this.context = context;
        this.options = context.options();
02|        this.batchService = new ThreadPoolExecutor(options.batchInsertThreads, options.batchInsertThreads,
02|                0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(options.batchInsertThreads * 2),
02|                ExecutorUtil.threadFactory("batch-insert-%d"), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.batchService = new ThreadPoolExecutor(options.batchInsertThreads, options.batchInsertThreads,
1|                0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), //@CONC-02
1|                ExecutorUtil.threadFactory("batch-insert-%d"));
        this.singleService = ExecutorUtil.newFixedThreadPool(options.singleInsertThreads, "single-insert-%d");
    }

    public void submitBatch(InputStruct struct, ElementMapping mapping, List<Record> batch) {
        long start = System.currentTimeMillis();
        CompletableFuture.runAsync(() -> {
            BatchInsertTask task = new BatchInsertTask(context, struct, mapping, batch);
            FAILED_RECORDS.set(new ArrayList<>()); //@{2}CONC-04
01|            try {
                task.execute();
                context.summary().metrics(struct).plusFlighting(-batch.size());
01|            } finally {
01|                FAILED_RECORDS.remove();
01|            }
2|            if (!FAILED_RECORDS.get().isEmpty()) {
2|                LOG.warn("{} records of a batch of {} were not inserted", FAILED_RECORDS.get().size(), struct);
2|            }
        }, batchService).exceptionally(e -> {
            LOG.error("Batch insert of {} failed, retrying record by record", struct, e);
            submitInSingle(struct, mapping, batch);
            return null;
        }).whenComplete((r, e) -> context.summary().metrics(struct).plusLoadTime(System.currentTimeMillis() - start));
    }

    private void submitInSingle(InputStruct struct, ElementMapping mapping, List<Record> batch) {
        CompletableFuture.runAsync(new SingleInsertTask(context, struct, mapping, batch), singleService)
                .exceptionally(e -> {
                    LOG.error("Single insert of {} failed", struct, e);
                    return null;
                });
    }
}
''')
HG_BASE = ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.CompletableFuture',
           'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
           'java.util.concurrent.TimeUnit', 'org.apache.hugegraph.loader.builder.Record',
           'org.apache.hugegraph.loader.executor.LoadContext', 'org.apache.hugegraph.loader.executor.LoadOptions',
           'org.apache.hugegraph.loader.mapping.ElementMapping', 'org.apache.hugegraph.loader.mapping.InputStruct',
           'org.apache.hugegraph.loader.util.ExecutorUtil', 'org.apache.hugegraph.util.Log', 'org.slf4j.Logger']
cases_of(case, GH + 'apache/hugegraph-toolchain/issues/58',
         'hugegraph-loader/' + src('org.apache.hugegraph.loader.task', 'TaskManager'),
         JV('org.apache.hugegraph.loader.task', {
             0: HG_BASE + ['java.util.concurrent.ArrayBlockingQueue'],
             1: HG_BASE + ['java.util.concurrent.LinkedBlockingQueue'],
             2: HG_BASE + ['java.util.concurrent.ArrayBlockingQueue']})(HUGEGRAPH), [
             (1, 'java-00-hugegraph-moved-task-manager-unbounded-batch-queue',
              'a PR moves the task manager into the task package and gives the batch pool an unbounded queue, so a '
              'fast reader piles parsed batches up until the loader runs out of memory', 'rename'),
             (2, 'java-00-hugegraph-moved-task-manager-thread-local-kept',
              'a PR moves the task manager into the task package and leaves each pool thread\'s failed-records list '
              'in its thread-local, so every batch\'s failures stay reachable on the thread', 'rename'),
             (0, 'java-ok-00-hugegraph-moved-task-manager-bounded-removed',
              'clean: the move alone; a bounded queue with caller-runs back-pressure, the thread-local removed in a '
              'finally', 'rename'),
         ], rename_from='hugegraph-loader/' + src('org.apache.hugegraph.loader.task', 'LoadTaskManager'),
         rename_old=lambda t: t.replace('TaskManager', 'LoadTaskManager'))


# ---------------------------------------------------------------- CONC-01 / CONC-05: push-notification client's queued sender (java-apns)
APNS = template('apns-queued-service', r'''
/**
 * Sends notifications from a queue on one background thread, so callers never block on the APNs connection.
 */
public class QueuedApnsService extends AbstractApnsService {
    private static final Logger logger = LoggerFactory.getLogger(QueuedApnsService.class);

    private final ApnsService service;
    private final BlockingQueue<ApnsNotification> queue = new LinkedBlockingQueue<>(10_000);
    private final AtomicBoolean started = new AtomicBoolean(false);
    private volatile boolean shouldContinue;
    private Thread thread;

    public QueuedApnsService(ApnsService service) {
        super(null);
        this.service = service;
    }

    @Override
    public void push(ApnsNotification msg) {
        if (!started.get()) {
            throw new IllegalStateException("service hasn't be started or was closed");
        }
        if (!queue.offer(msg)) {
            logger.warn("Notification queue is full, dropping notification {}", msg.getIdentifier());
        }
    }

    public void start() {
        if (started.getAndSet(true)) {
            return;
        }
        service.start();
        shouldContinue = true;
        thread = new Thread(this::drain, "apns-queue-sender"); //@{2}CONC-01
01|        thread.setUncaughtExceptionHandler((t, e) -> logger.error("Queued APNs sender stopped", e));
        thread.setDaemon(true);
        thread.start();
    }

    private void drain() {
        while (shouldContinue) {
            try {
                ApnsNotification msg = queue.take();
                service.push(msg);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return;
1|                logger.debug("Queued APNs sender interrupted, polling again");
            } catch (NetworkIOException e) {
                logger.warn("Could not send queued notification, it is dropped", e);
            }
        }
    }

    public void stop() {
        started.set(false);
        shouldContinue = false;
        thread.interrupt();
        service.stop();
    }
}
''')
cases_of(case, GH + 'notnoop/java-apns/pull/74', src('com.notnoop.apns.internal', 'QueuedApnsService'),
         J('com.notnoop.apns.internal', SLF4J + [
             'com.notnoop.apns.ApnsNotification', 'com.notnoop.apns.ApnsService',
             'com.notnoop.exceptions.NetworkIOException', 'java.util.concurrent.BlockingQueue',
             'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.atomic.AtomicBoolean'])(APNS), [
             (1, 'java-00-apns-queue-sender-interrupt-swallowed',
              'an edit logs and swallows the interrupt of the queue\'s sender thread, so stop() no longer ends it '
              'and the thread polls on after shutdown', 'edit'),
             (2, 'java-00-apns-queue-sender-thread-without-handler',
              'an edit starts the sender thread without an uncaught-exception handler, so a runtime exception of one '
              'push ends the sending silently', 'edit'),
             (0, 'java-ok-00-apns-queue-sender-handler-interrupt-restored',
              'clean: the fix gives the thread a handler that logs, and restores the interrupt and returns', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / RES-01: data-lake framework's JDBC table writes (smart-data-lake)
SDL = template('sdl-jdbc-table-connection', r'''
/**
 * Runs statements on a pooled JDBC connection of one data lake table's database.
 */
public class JdbcTableConnection {
    private static final Logger logger = LoggerFactory.getLogger(JdbcTableConnection.class);

    private final DataSource pool;
    private final String id;

    public JdbcTableConnection(String id, DataSource pool) {
        this.id = id;
        this.pool = pool;
    }

    /** Runs all statements in one transaction; either all of them are applied or none. */
    public void execWithTransaction(List<String> statements) throws SQLException {
        try (Connection conn = pool.getConnection()) {
            conn.setAutoCommit(false);
            try {
                for (String sql : statements) {
02|                    try (Statement stmt = conn.createStatement()) {
02|                        logger.debug("({}) executing {}", id, sql);
02|                        stmt.execute(sql);
02|                    }
1|                    Statement stmt = conn.createStatement(); //@RES-01
1|                    logger.debug("({}) executing {}", id, sql);
1|                    stmt.execute(sql);
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) { //@{2}TX-01
01|                conn.rollback();
                logger.error("({}) transaction of {} statements failed", id, statements.size(), e);
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    public boolean tableExists(String schema, String table) throws SQLException {
        try (Connection conn = pool.getConnection();
             ResultSet rs = conn.getMetaData().getTables(null, schema, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
''')
cases_of(case, GH + 'smart-data-lake/smart-data-lake/pull/750',
         'sdl-core/' + src('io.smartdatalake.workflow.connection.jdbc', 'JdbcTableConnection'),
         J('io.smartdatalake.workflow.connection.jdbc', SLF4J + [
             'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement',
             'java.util.List', 'javax.sql.DataSource'])(SDL), [
             (1, 'java-00-sdl-transaction-statements-not-closed',
              'an edit runs each statement of a transaction without closing it, so every write batch leaves its '
              'statements open on the pooled connection', 'edit'),
             (2, 'java-00-sdl-failed-transaction-not-rolled-back',
              'an edit logs and rethrows a failed transaction without rolling it back, so the pooled connection '
              'goes back with a dirty, half-applied transaction', 'edit'),
             (0, 'java-ok-00-sdl-statements-closed-transaction-rolled-back',
              'clean: the fix closes each statement and rolls back every failed transaction', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: push server's scheduled campaign sender (powerauth-push-server)
POWERAUTH = template('powerauth-push-sending-scheduler', r'''
/**
 * Sends queued push messages every few seconds and retries the failed ones.
 */
@Service
public class PushSendingScheduler {
    private static final Logger logger = LoggerFactory.getLogger(PushSendingScheduler.class);

    private final TaskScheduler taskScheduler;
    private final PushMessageDAO pushMessageDAO;
    private final PushSendingWorker worker;
    private final PushServiceConfiguration configuration;

    public PushSendingScheduler(TaskScheduler taskScheduler, PushMessageDAO pushMessageDAO, PushSendingWorker worker,
                                PushServiceConfiguration configuration) {
        this.taskScheduler = taskScheduler;
        this.pushMessageDAO = pushMessageDAO;
        this.worker = worker;
        this.configuration = configuration;
    }

    @PostConstruct
    public void start() {
        Duration interval = Duration.ofMillis(configuration.getSendingIntervalMillis());
02|        taskScheduler.scheduleWithFixedDelay(this::sendPendingSafely, interval);
1|        taskScheduler.scheduleWithFixedDelay(this::sendPending, interval); //@CONC-07
    }

02|    private void sendPendingSafely() {
02|        try {
02|            sendPending();
02|        } catch (Exception e) {
02|            logger.error("Sending of pending push messages failed, trying again at the next run", e);
02|        }
02|    }
02|
    void sendPending() {
        List<PushMessageEntity> pending = pushMessageDAO.findPending(configuration.getBatchSize());
        for (PushMessageEntity message : pending) {
2|            logger.debug("Sending push message " + message.getId() + " to device " + message.getDeviceId() + ", attempt " + message.getAttempts()); //@LOG-02
            boolean sent = worker.send(message);
            message.setAttempts(message.getAttempts() + 1);
            message.setStatus(sent ? PushMessageStatus.SENT : PushMessageStatus.FAILED);
            pushMessageDAO.save(message);
        }
        logger.debug("Processed {} pending push messages", pending.size());
    }
}
''')
cases_of(case, GH + 'wultra/powerauth-push-server/pull/182',
         'powerauth-push-server/' + src('io.getlime.push.service.batch', 'PushSendingScheduler'),
         J('io.getlime.push.service.batch', SLF4J + [
             'io.getlime.push.configuration.PushServiceConfiguration', 'io.getlime.push.model.enumeration.PushMessageStatus',
             'io.getlime.push.repository.PushMessageDAO', 'io.getlime.push.repository.model.PushMessageEntity',
             'io.getlime.push.service.PushSendingWorker', 'jakarta.annotation.PostConstruct', 'java.time.Duration',
             'java.util.List', 'org.springframework.scheduling.TaskScheduler',
             'org.springframework.stereotype.Service'])(POWERAUTH), [
             (1, 'java-00-powerauth-sender-scheduled-without-catch',
              'an edit schedules the pending-message sender directly, so the first database error stops every later '
              'run and nothing is sent again until a restart', 'edit'),
             (2, 'java-00-powerauth-per-message-debug-concatenated',
              'an edit logs every pending message with a concatenated debug line, built for each message of every '
              'run whatever the level', 'edit'),
             (0, 'java-ok-00-powerauth-sender-guarded-summary-debug',
              'clean: the fix runs each scheduled send inside a catch-all; one parameterised debug line per run',
              'fix'),
         ])
