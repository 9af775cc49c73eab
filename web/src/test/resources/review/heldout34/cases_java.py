"""Round-34 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 32)."""
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


# ---------------------------------------------------------------- RES-01 / ERR-01: Android SQL helpers (WordPress)
WPSQL = template('wordpress', r'''
/** Small helpers over SQLiteDatabase shared by the reader, stats and notification tables. */
public class SqlUtils {
    private SqlUtils() {
        throw new AssertionError();
    }

    public static long longForQuery(SQLiteDatabase db, String query, String[] selectionArgs) {
        SQLiteStatement statement = db.compileStatement(query);
        try {
            statement.bindAllArgsAsStrings(selectionArgs);
            return statement.simpleQueryForLong();
        } finally {
            statement.close();
        }
    }

    public static boolean boolForQuery(SQLiteDatabase db, String query, String[] selectionArgs) {
        return longForQuery(db, query, selectionArgs) != 0;
    }

    /** Returns the first column of every row of the query, in order. */
    public static List<String> getStringList(SQLiteDatabase db, String query, String[] selectionArgs) {
        Cursor cursor = db.rawQuery(query, selectionArgs); //@{1}RES-01
        List<String> values = new ArrayList<>();
02|        try {
02|            while (cursor.moveToNext()) {
02|                values.add(cursor.getString(0));
02|            }
02|        } finally {
02|            closeCursor(cursor);
02|        }
1|        while (cursor.moveToNext()) {
1|            values.add(cursor.getString(0));
1|        }
        return values;
    }

    /** Drops a table the current schema no longer has; the caller recreates what it needs. */
    public static void dropTable(SQLiteDatabase db, String tableName) {
        try {
            db.execSQL("DROP TABLE IF EXISTS " + tableName);
        } catch (SQLiteException e) { //@{2}ERR-01
01|            AppLog.e(T.DB, "cannot drop table " + tableName, e);
01|            throw e;
2|            // the table is dropped again on the next upgrade
        }
    }

    public static void closeCursor(Cursor cursor) {
        if (cursor != null && !cursor.isClosed()) {
            cursor.close();
        }
    }
}
''')
cases_of(case, GH + 'wordpress-mobile/WordPress-Android/pull/3450',
         'WordPressUtils/src/main/java/org/wordpress/android/util/SqlUtils.java',
         J('org.wordpress.android.util', ['android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                                          'android.database.sqlite.SQLiteException',
                                          'android.database.sqlite.SQLiteStatement', 'java.util.ArrayList',
                                          'java.util.List', 'org.wordpress.android.util.AppLog.T'])(WPSQL), [
             (1, 'java-00-wordpress-string-list-cursor-never-closed',
              'an edit reads the string list from a cursor it never closes', 'edit'),
             (2, 'java-00-wordpress-failed-table-drop-swallowed',
              'an edit swallows a failed table drop during an upgrade with only a comment', 'edit'),
             (0, 'java-ok-00-wordpress-cursor-closed-in-finally-drop-failure-rethrown',
              'clean: the cursor closed in finally, a failed drop logged and rethrown', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: agent simulation runner (beam)
BEAM = template('beam', r'''
/**
 * Runs the iterations of one simulation. Agents report failures on a queue that a separate thread writes to the
 * run's error log, so an iteration never waits for the disk.
 */
public class SimulationRunner {
    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(1024);
    private final BeamServices services;
    private final AgentSimScheduler scheduler;
    private Thread errorWriter;

    public SimulationRunner(BeamServices services, AgentSimScheduler scheduler) {
        this.services = services;
        this.scheduler = scheduler;
    }

    public void start() {
        errorWriter = new Thread(this::writeFailures, "beam-error-writer"); //@{1}CONC-01
02|        errorWriter.setUncaughtExceptionHandler((t, e) -> log.error("error writer stopped", e));
        errorWriter.setDaemon(true);
        errorWriter.start();
    }

    /** Runs the iterations one after the other; an interrupt ends the run after the current iteration. */
    public void runIterations(int count) {
        for (int i = 0; i < count; i++) {
            scheduler.startIteration(i);
            try {
                scheduler.awaitIterationDone(i, services.beamConfig().iterationTimeout());
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                log.warn("interrupted during iteration {}, ending the run", i);
01|                return;
2|                log.info("got interrupted while waiting for iteration {} to finish", i, e);
            } catch (TimeoutException e) {
                log.error("iteration {} did not finish in time", i, e);
                failures.offer(e);
            }
            scheduler.finishIteration(i);
        }
    }

    public void reportFailure(Throwable failure) {
        if (!failures.offer(failure)) {
            log.warn("failure queue full, dropping {}", failure.toString());
        }
    }

    private void writeFailures() {
        Path errorLog = services.outputDirectory().resolve("errors.log");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Throwable failure = failures.take();
                Files.write(errorLog, Collections.singletonList(stackTraceOf(failure)), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.error("cannot write {}", errorLog, e);
            }
        }
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
''')
cases_of(case, GH + 'LBNL-UCB-STI/beam/issues/449', src('beam.sim', 'SimulationRunner'),
         J('beam.sim', SLF4J + ['java.io.IOException', 'java.io.PrintWriter', 'java.io.StringWriter',
                                'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path',
                                'java.nio.file.StandardOpenOption', 'java.util.Collections',
                                'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
                                'java.util.concurrent.TimeoutException'])(BEAM), [
             (1, 'java-00-beam-error-writer-thread-without-handler',
              'an edit starts the error-writer thread without an uncaught-exception handler', 'edit'),
             (2, 'java-00-beam-interrupted-iteration-wait-logged-and-continued',
              'an edit logs an interrupt of the iteration wait at info and runs the next iteration, losing the '
              'interrupt', 'edit'),
             (0, 'java-ok-00-beam-error-writer-handled-interrupt-ends-run',
              'clean: the error writer started with its handler, an interrupt restored and the run ended', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: game timers (fairy)
FAIRY = template('fairy', r'''
/** Ticks every running timer once a second on the server's global scheduler. */
@InjectableComponent
public class TimerService {
    private static final Logger LOGGER = LogManager.getLogger(TimerService.class);

01|    private final Set<Timer> timers = ConcurrentHashMap.newKeySet();
2|    private final Set<Timer> timers = new HashSet<>(); //@CONC-03
    private final MCSchedulerProvider schedulers;
    private ScheduledTask<?> task;

    public TimerService(MCSchedulerProvider schedulers) {
        this.schedulers = schedulers;
    }

    @PostInitialize
    public void onPostInitialize() {
        task = schedulers.getGlobalScheduler().scheduleAtFixedRate(this::tick, 20L, 20L);
    }

    @PreDestroy
    public void onPreDestroy() {
        if (task != null) {
            task.cancel();
        }
    }

    /** Starts ticking the timer; commands call this from the async command threads too. */
    public void add(Timer timer) {
        timers.add(timer);
        timer.onStart();
    }

    public boolean isRunning(Class<? extends Timer> type) {
        return timers.stream().anyMatch(type::isInstance);
    }

    private void tick() {
        Iterator<Timer> iterator = timers.iterator();
        while (iterator.hasNext()) {
            Timer timer = iterator.next();
02|            if (!tickSafely(timer)) {
1|            if (!timer.tick()) { //@CONC-07
                iterator.remove();
            }
        }
    }

02|    private boolean tickSafely(Timer timer) {
02|        try {
02|            return timer.tick();
02|        } catch (Throwable throwable) {
02|            LOGGER.error("Timer {} failed and was stopped", timer, throwable);
02|            return false;
02|        }
02|    }
}
''')
FAIRY_IMPORTS = ['io.fairyproject.container.InjectableComponent', 'io.fairyproject.container.PostInitialize',
                 'io.fairyproject.container.PreDestroy',
                 'io.fairyproject.mc.scheduler.MCSchedulerProvider', 'io.fairyproject.scheduler.ScheduledTask',
                 'java.util.Iterator', 'java.util.Set', 'org.apache.logging.log4j.LogManager',
                 'org.apache.logging.log4j.Logger']
cases_of(case, GH + 'FairyProject/fairy/pull/138', 'mc/src/main/java/io/fairyproject/mc/timer/TimerService.java',
         JV('io.fairyproject.mc.timer', {0: FAIRY_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
                                         1: FAIRY_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
                                         2: FAIRY_IMPORTS + ['java.util.HashSet']})(FAIRY), [
             (1, 'java-00-fairy-new-timer-service-failed-tick-ends-schedule',
              'a new timer service ticks each timer without a catch, so one failing timer ends the fixed-rate '
              'schedule of all', 'new'),
             (2, 'java-00-fairy-new-timer-service-timers-in-plain-hash-set',
              'a new timer service keeps its timers in a plain HashSet that async commands add to while the '
              'scheduler iterates it', 'new'),
             (0, 'java-ok-00-fairy-new-timer-service-guarded-ticks-concurrent-set',
              'clean: a new timer service that logs and stops a failing timer, its timers in a concurrent set', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: SDK transport (domo-java-sdk)
DOMO = template('domo', r'''
/** Sends the SDK's API requests over OkHttp and maps their JSON answers. */
public class Transport {
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");
    private static final MediaType CSV = MediaType.parse("text/csv; charset=utf-8");

    private final OkHttpClient httpClient;
01|    private final OkHttpClient uploadClient;
    private final Gson gson;

    public Transport(OkHttpClient httpClient, Gson gson) {
        this.httpClient = httpClient;
01|        this.uploadClient = httpClient.newBuilder()
01|                .readTimeout(5, TimeUnit.MINUTES)
01|                .writeTimeout(5, TimeUnit.MINUTES)
01|                .build();
        this.gson = gson;
    }

    public <T> T getJson(HttpUrl url, Type type) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        return execute(request, type);
    }

    public <T> T postJson(HttpUrl url, Object body, Type type) {
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(JSON, gson.toJson(body)))
                .build();
        return execute(request, type);
    }

    /** Uploads a data set part; parts are large, so the upload client waits longer than the API client. */
    public void putCsv(HttpUrl url, String csv) {
        Request request = new Request.Builder().url(url).put(RequestBody.create(CSV, csv)).build();
2|        OkHttpClient uploadClient = new OkHttpClient.Builder() //@RES-04
2|                .readTimeout(5, TimeUnit.MINUTES)
2|                .writeTimeout(5, TimeUnit.MINUTES)
2|                .build();
        try (Response response = uploadClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new RequestException("Error uploading part url:" + url + " code:" + response.code());
            }
        } catch (IOException e) {
            throw new RequestException("Error uploading part url:" + url, e);
        }
    }

    private <T> T execute(Request request, Type type) {
02|        try (Response response = httpClient.newCall(request).execute()) {
1|        try {
1|            Response response = httpClient.newCall(request).execute(); //@RES-02
            if (!response.isSuccessful()) {
                throw new RequestException("Error making request url:" + request.url() + " code:" + response.code());
            }
            return gson.fromJson(response.body().charStream(), type);
        } catch (IOException e) {
            throw new RequestException("Error making request url:" + request.url(), e);
        }
    }
}
''')
cases_of(case, GH + 'domoinc/domo-java-sdk/issues/3', src('com.domo.sdk.request', 'Transport'),
         J('com.domo.sdk.request', ['com.google.gson.Gson', 'java.io.IOException', 'java.lang.reflect.Type',
                                    'java.util.concurrent.TimeUnit', 'okhttp3.HttpUrl', 'okhttp3.MediaType',
                                    'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody',
                                    'okhttp3.Response'])(DOMO), [
             (1, 'java-00-domo-sdk-api-response-never-closed',
              'an edit no longer closes the response of an API call, leaking a pooled connection on every error '
              'status and every answer', 'edit'),
             (2, 'java-00-domo-sdk-upload-client-built-per-part',
              'an edit builds a new OkHttp client, with its own pool and threads, for every uploaded part', 'edit'),
             (0, 'java-ok-00-domo-sdk-responses-closed-one-upload-client',
              'clean: every response in try-with-resources, one upload client derived once from the shared client',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: Kafka read stream (vertx-kafka-client)
VERTX = template('vertx', r'''
/** Polls the consumer on a worker thread and hands each batch of records to the stream's handler. */
public class KafkaReadStreamImpl<K, V> implements KafkaReadStream<K, V> {
    private static final Logger log = LoggerFactory.getLogger(KafkaReadStreamImpl.class);

    private final Context context;
    private final Consumer<K, V> consumer;
    private final ExecutorService worker;
    private final AtomicBoolean polling = new AtomicBoolean(false);
    private final AtomicBoolean closed = new AtomicBoolean(false);
    private Handler<ConsumerRecord<K, V>> recordHandler;
    private Handler<Throwable> exceptionHandler;
    private long pollTimeout = 1000L;

    public KafkaReadStreamImpl(Context context, Consumer<K, V> consumer, ExecutorService worker) {
        this.context = context;
        this.consumer = consumer;
        this.worker = worker;
    }

    private void pollRecords(Handler<ConsumerRecords<K, V>> handler) {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                if (closed.get()) {
                    return;
                }
                ConsumerRecords<K, V> records = consumer.poll(Duration.ofMillis(pollTimeout));
                if (records != null && records.count() > 0) {
                    context.runOnContext(v -> handler.handle(records));
                }
            } catch (WakeupException ignore) {
                // close() woke the poll up; the stream is ending
            } catch (Exception e) { //@{1}ERR-01
02|                Handler<Throwable> onError = exceptionHandler;
02|                if (onError != null) {
02|                    context.runOnContext(v -> onError.handle(e));
02|                }
1|                // poll again on the next schedule
            } finally {
                polling.set(false);
            }
        });
    }

    private void dispatch(ConsumerRecords<K, V> records) {
        Handler<ConsumerRecord<K, V>> handler = recordHandler;
        if (handler == null) {
            return;
        }
        for (ConsumerRecord<K, V> record : records) {
2|            log.debug("Dispatching record " + record.topic() + "-" + record.partition() + "@" + record.offset()); //@LOG-02
            handler.handle(record);
        }
        schedule(0);
    }

    private void schedule(long delay) {
        if (closed.get()) {
            return;
        }
        if (delay > 0) {
            context.owner().setTimer(delay, id -> pollRecords(this::dispatch));
        } else {
            pollRecords(this::dispatch);
        }
    }

    @Override
    public KafkaReadStreamImpl<K, V> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }
}
''')
cases_of(case, GH + 'vert-x3/vertx-kafka-client/issues/78',
         src('io.vertx.kafka.client.consumer.impl', 'KafkaReadStreamImpl'),
         J('io.vertx.kafka.client.consumer.impl', SLF4J + [
             'io.vertx.core.Context', 'io.vertx.core.Handler', 'io.vertx.kafka.client.consumer.KafkaReadStream',
             'java.time.Duration', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.atomic.AtomicBoolean', 'org.apache.kafka.clients.consumer.Consumer',
             'org.apache.kafka.clients.consumer.ConsumerRecord', 'org.apache.kafka.clients.consumer.ConsumerRecords',
             'org.apache.kafka.common.errors.WakeupException'])(VERTX), [
             (1, 'java-00-vertx-kafka-poll-failure-swallowed',
              'an edit swallows every exception of a poll with only a comment, so a misconfigured consumer reads '
              'nothing and reports nothing', 'edit'),
             (2, 'java-00-vertx-kafka-concatenated-debug-line-per-record',
              'an edit adds a concatenated debug line for every dispatched record', 'edit'),
             (0, 'java-ok-00-vertx-kafka-poll-failure-to-handler-quiet-dispatch',
              'clean: a poll failure handed to the stream\'s exception handler, no line per record', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-02: shadow traffic comparison (shadow-tool)
SHADOW = template('shadow', r'''
/**
 * Calls the current flow for every request and, for a share of them, the new flow in the background, and reports the
 * differences between the two results.
 */
public class ShadowFlow<T> {
    private static final Logger logger = LoggerFactory.getLogger(ShadowFlow.class);
    private static final int QUEUE_CAPACITY = 1000;

    private final int percentage;
    private final String flowName;
    private final ExecutorService executorService;
    private final ShadowFlowReporter reporter;
    private final JaversDiffer differ;

    ShadowFlow(int percentage, int poolSize, String flowName, ShadowFlowReporter reporter) {
        this.percentage = percentage;
        this.flowName = flowName;
        this.reporter = reporter;
        this.differ = new JaversDiffer();
01|        this.executorService = new ThreadPoolExecutor(poolSize, poolSize, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
01|                (task, executor) -> logger.warn("Shadow flow {} is busy, comparison skipped", flowName));
2|        this.executorService = Executors.newFixedThreadPool(poolSize); //@CONC-02
    }

    /** Returns the current flow's result; the new flow runs in the background for a share of the calls. */
    public T compare(Supplier<T> currentFlow, Supplier<T> newFlow) {
        T current = currentFlow.get();
        if (shouldCallNewFlow()) {
02|            executorService.execute(() -> doShadowFlow(current, newFlow));
1|            executorService.submit(() -> doShadowFlow(current, newFlow)); //@CONC-06
        }
        return current;
    }

    private void doShadowFlow(T current, Supplier<T> newFlow) {
        T shadow = newFlow.get();
        Map<String, Difference> differences = differ.diff(current, shadow);
        reporter.report(flowName, differences);
    }

    private boolean shouldCallNewFlow() {
        return ThreadLocalRandom.current().nextInt(100) < percentage;
    }

    public void shutdown() {
        executorService.shutdown();
    }
}
''')
SHADOW_IMPORTS = SLF4J + ['java.util.Map', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadLocalRandom',
                          'java.util.function.Supplier']
SHADOW_BOUNDED = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                  'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'rabobank/shadow-tool/issues/63', src('io.github.rabobank.shadow_tool', 'ShadowFlow'),
         JV('io.github.rabobank.shadow_tool', {0: SHADOW_IMPORTS + SHADOW_BOUNDED, 1: SHADOW_IMPORTS + SHADOW_BOUNDED,
                                               2: SHADOW_IMPORTS + ['java.util.concurrent.Executors']})(SHADOW), [
             (1, 'java-00-shadow-tool-shadow-call-submitted-future-dropped',
              'an edit submits each shadow comparison and drops its future, so a failing new flow or differ is never '
              'logged', 'edit'),
             (2, 'java-00-shadow-tool-fixed-pool-unbounded-queue',
              'an edit runs the shadow calls on a fixed pool whose queue grows without bound when the new flow is '
              'slow', 'edit'),
             (0, 'java-ok-00-shadow-tool-bounded-pool-executed-comparisons',
              'clean: a bounded queue that skips with a warning, comparisons run with execute', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: persistent job queue (android-priority-jobqueue)
JOBQUEUE = template('jobqueue', r'''
/** Persists the jobs of a JobManager in SQLite so that they survive the app being killed. */
public class SqliteJobQueue implements JobQueue {
    private final SQLiteDatabase db;
    private final SqlHelper sqlHelper;
    private final JobSerializer jobSerializer;

    public SqliteJobQueue(Configuration configuration, long sessionId, JobSerializer serializer) {
        DbOpenHelper dbOpenHelper = new DbOpenHelper(configuration.getAppContext(),
                configuration.isInTestMode() ? null : ("db_" + configuration.getId()));
        db = dbOpenHelper.getWritableDatabase();
        sqlHelper = new SqlHelper(db, DbOpenHelper.JOB_HOLDER_TABLE_NAME, DbOpenHelper.ID_COLUMN.columnName,
                DbOpenHelper.COLUMN_COUNT, DbOpenHelper.JOB_TAGS_TABLE_NAME, DbOpenHelper.TAGS_COLUMN_COUNT, sessionId);
        jobSerializer = serializer;
    }

    @Override
    public boolean insert(@NonNull JobHolder jobHolder) {
        persistJobToDisk(jobHolder);
        if (jobHolder.hasTags()) {
            return insertWithTags(jobHolder);
        }
        final SQLiteStatement stmt = sqlHelper.getInsertStatement();
        synchronized (stmt) {
            stmt.clearBindings();
            bindValues(stmt, jobHolder);
            return stmt.executeInsert() != -1;
        }
    }

    private boolean insertWithTags(JobHolder jobHolder) {
        final SQLiteStatement stmt = sqlHelper.getInsertStatement();
        final SQLiteStatement tagsStmt = sqlHelper.getInsertTagsStatement();
02|        db.beginTransaction();
1|        db.beginTransactionNonExclusive(); //@TX-01
        try {
            stmt.clearBindings();
            bindValues(stmt, jobHolder);
            if (stmt.executeInsert() == -1) {
                return false;
            }
            for (String tag : jobHolder.getTags()) {
                tagsStmt.clearBindings();
                bindTag(tagsStmt, jobHolder.getId(), tag);
                tagsStmt.executeInsert();
            }
            db.setTransactionSuccessful();
1|            db.endTransaction();
            return true;
        } catch (Throwable t) {
            JqLog.e(t, "error while inserting job with tags");
            return false;
02|        } finally {
02|            db.endTransaction();
        }
    }

    @Override
    public int countReadyJobs(@NonNull Constraint constraint) {
        final Where where = createWhere(constraint);
        String sql = sqlHelper.createSelectCountQuery(where.query);
        Cursor cursor = db.rawQuery(sql, where.args); //@{2}RES-01
01|        try {
01|            if (!cursor.moveToNext()) {
01|                return 0;
01|            }
01|            return cursor.getInt(0);
01|        } finally {
01|            cursor.close();
01|        }
2|        if (!cursor.moveToNext()) {
2|            return 0;
2|        }
2|        return cursor.getInt(0);
    }
}
''')
cases_of(case, GH + 'yigit/android-priority-jobqueue/issues/261',
         'jobqueue/src/main/java/com/birbit/android/jobqueue/persistentQueue/sqlite/SqliteJobQueue.java',
         J('com.birbit.android.jobqueue.persistentQueue.sqlite', [
             'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
             'android.database.sqlite.SQLiteStatement', 'androidx.annotation.NonNull',
             'com.birbit.android.jobqueue.JobHolder', 'com.birbit.android.jobqueue.JobQueue',
             'com.birbit.android.jobqueue.config.Configuration', 'com.birbit.android.jobqueue.log.JqLog',
             'com.birbit.android.jobqueue.Constraint'])(JOBQUEUE), [
             (1, 'java-00-jobqueue-tagged-insert-transaction-ended-on-success-only',
              'an edit moves the tagged insert to a non-exclusive transaction and ends it only on success, so a failed '
              'insert leaves the database inside a transaction', 'edit'),
             (2, 'java-00-jobqueue-ready-count-cursor-never-closed',
              'an edit no longer closes the cursor of the ready-job count, which the job manager runs on every loop',
              'edit'),
             (0, 'java-ok-00-jobqueue-transaction-ended-in-finally-cursor-closed',
              'clean: the transaction ended in finally, the count cursor closed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-01: Minecraft plugin MySQL store (Bedwars-Cosmetics)
COSMETICS = template('cosmetics', r'''
/** Stores the cosmetics each player selected in a MySQL table, through a HikariCP pool. */
public class MySQLDatabase implements IDatabase {
    private final BedWars1058Cosmetics plugin;
    private final HikariConfig config;
02|    private final HikariDataSource dataSource;

    public MySQLDatabase(BedWars1058Cosmetics plugin, ConfigurationSection section) {
        this.plugin = plugin;
        this.config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://" + section.getString("host") + ":" + section.getInt("port") + "/"
                + section.getString("database"));
        config.setUsername(section.getString("user"));
        config.setPassword(section.getString("password"));
        config.setMaximumPoolSize(section.getInt("pool-size", 5));
        config.setConnectionTimeout(5000);
02|        this.dataSource = new HikariDataSource(config);
    }

    private Connection getConnection() throws SQLException {
02|        return dataSource.getConnection();
1|        HikariDataSource source = new HikariDataSource(config); //@RES-04
1|        return source.getConnection();
    }

    @Override
    public String getSelected(UUID uuid, CosmeticsType type) {
        String sql = "SELECT " + type.getColumn() + " FROM cosmetics_player_data WHERE uuid = ?";
01|        try (Connection connection = getConnection();
01|             PreparedStatement ps = connection.prepareStatement(sql)) {
2|        try {
2|            Connection connection = getConnection(); //@RES-01
2|            PreparedStatement ps = connection.prepareStatement(sql);
            ps.setQueryTimeout(5);
            ps.setString(1, uuid.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : type.getDefault();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the " + type + " of " + uuid, e);
        }
    }

    @Override
    public void setSelected(UUID uuid, CosmeticsType type, String value) {
        String sql = "INSERT INTO cosmetics_player_data (uuid, " + type.getColumn() + ") VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE " + type.getColumn() + " = VALUES(" + type.getColumn() + ")";
        try (Connection connection = getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(5);
            ps.setString(1, uuid.toString());
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the " + type + " of " + uuid, e);
        }
    }
}
''')
cases_of(case, GH + 'IamTheDefender/Bedwars-Cosmetics/issues/7',
         src('me.defender.cosmetics.database', 'MySQLDatabase'),
         J('me.defender.cosmetics.database', [
             'com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection',
             'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.UUID',
             'me.defender.cosmetics.BedWars1058Cosmetics', 'me.defender.cosmetics.api.CosmeticsType',
             'org.bukkit.configuration.ConfigurationSection'])(COSMETICS), [
             (1, 'java-00-bedwars-cosmetics-pool-built-per-connection',
              'an edit builds a new Hikari pool for every connection the plugin asks for, a pool per player query',
              'edit'),
             (2, 'java-00-bedwars-cosmetics-selected-lookup-connection-never-closed',
              'an edit opens the connection and statement of each cosmetics lookup outside try-with-resources',
              'edit'),
             (0, 'java-ok-00-bedwars-cosmetics-one-pool-lookups-in-try-with-resources',
              'clean: one pool built in the constructor, connection and statement in try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / ERR-01: generated app data store (genexus JavaClasses)
GENEXUS = template('genexus', r'''
/**
 * Runs the SQL of the generated procedures on the app's SQLite database. Procedures run on several worker threads at
 * once; the cursors they open are tracked so that a commit or a shutdown can close them.
 */
public class SQLiteDataStore {
    private static final String TAG = "SQLiteDataStore";

    private final SQLiteDatabase db;
02|    private final List<Cursor> openCursors = new CopyOnWriteArrayList<>();
1|    private final List<Cursor> openCursors = new ArrayList<>(); //@CONC-03

    public SQLiteDataStore(SQLiteDatabase db) {
        this.db = db;
    }

    /** Opens a cursor for a generated query; the store closes it at the next commit. */
    public Cursor executeQuery(String sql, String[] args) {
        Cursor cursor = db.rawQuery(sql, args);
        openCursors.add(cursor);
        return cursor;
    }

    /** Runs a generated insert, update or delete and returns the number of rows it changed. */
    public int executeUpdate(String sql, Object[] args) {
        try (SQLiteStatement statement = db.compileStatement(sql)) {
            bindAll(statement, args);
            return statement.executeUpdateDelete();
        } catch (SQLiteException e) {
01|            throw new GXSQLException("cannot run " + sql, e);
2|            Log.e(TAG, "update failed: " + sql, e); //@ERR-01
2|            return 0;
        }
    }

    /** Closes every cursor the procedures left open, then commits. */
    public void commit() {
        for (Cursor cursor : openCursors) {
            if (!cursor.isClosed()) {
                cursor.close();
            }
        }
        openCursors.clear();
        if (db.inTransaction()) {
            db.setTransactionSuccessful();
            db.endTransaction();
        }
    }

    private static void bindAll(SQLiteStatement statement, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.bindNull(i + 1);
            } else if (arg instanceof Number) {
                statement.bindLong(i + 1, ((Number) arg).longValue());
            } else {
                statement.bindString(i + 1, arg.toString());
            }
        }
    }
}
''')
GENEXUS_IMPORTS = ['android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                   'android.database.sqlite.SQLiteException', 'android.database.sqlite.SQLiteStatement',
                   'java.util.List']
cases_of(case, GH + 'genexuslabs/JavaClasses/pull/973', 'android/src/main/java/com/genexus/db/driver/SQLiteDataStore.java',
         JV('com.genexus.db.driver', {0: GENEXUS_IMPORTS + ['java.util.concurrent.CopyOnWriteArrayList'],
                                      1: GENEXUS_IMPORTS + ['java.util.ArrayList'],
                                      2: GENEXUS_IMPORTS + ['android.util.Log',
                                                            'java.util.concurrent.CopyOnWriteArrayList']})(GENEXUS), [
             (1, 'java-00-genexus-open-cursors-in-plain-list-across-workers',
              'an edit tracks the cursors of procedures running on several threads in a plain ArrayList', 'edit'),
             (2, 'java-00-genexus-failed-update-logged-as-zero-rows',
              'an edit logs a failed generated update and reports it as zero changed rows', 'edit'),
             (0, 'java-ok-00-genexus-concurrent-cursor-list-update-failure-thrown',
              'clean: the open cursors in a copy-on-write list, a failed update thrown with its statement', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: LMS REST client renamed (canvas-api)
CANVAS = template('canvas', r'''
/** Sends the API requests of the Canvas client with one pooled HTTP client. */
public class SimpleRestClient implements RestClient {
    private static final Logger LOG = LoggerFactory.getLogger(SimpleRestClient.class);

    private final CloseableHttpClient httpClient;

02|    public SimpleRestClient(int connectTimeoutSeconds, int readTimeoutSeconds) {
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(connectTimeoutSeconds * 1000)
02|                .setSocketTimeout(readTimeoutSeconds * 1000)
02|                .setConnectionRequestTimeout(connectTimeoutSeconds * 1000)
02|                .build();
1|    public SimpleRestClient() {
        this.httpClient = HttpClients.custom() //@{1}TMO-01
02|                .setDefaultRequestConfig(requestConfig)
                .setMaxConnPerRoute(10)
                .build();
    }

    @Override
    public Response sendApiGet(OauthToken token, String url) throws IOException {
        LOG.debug("Sending GET request to URL: {}", url);
        HttpGet httpGet = new HttpGet(url);
        httpGet.setHeader("Authorization", "Bearer " + token.getAccessToken());
        return send(httpGet);
    }

    @Override
    public Response sendApiPost(OauthToken token, String url, Map<String, List<String>> postParameters)
            throws IOException {
        LOG.debug("Sending POST request to URL: {}", url);
        HttpPost httpPost = new HttpPost(url);
        httpPost.setHeader("Authorization", "Bearer " + token.getAccessToken());
        httpPost.setEntity(new UrlEncodedFormEntity(toPairs(postParameters), StandardCharsets.UTF_8));
        return send(httpPost);
    }

    private Response send(HttpUriRequest request) throws IOException {
        CloseableHttpResponse httpResponse = httpClient.execute(request); //@{2}RES-02
01|        try {
01|            checkHeaders(httpResponse, request);
01|            Response response = new Response();
01|            response.setResponseCode(httpResponse.getStatusLine().getStatusCode());
01|            response.setContent(EntityUtils.toString(httpResponse.getEntity(), StandardCharsets.UTF_8));
01|            response.setNextLink(nextLinkOf(httpResponse));
01|            return response;
01|        } finally {
01|            httpResponse.close();
01|        }
2|        checkHeaders(httpResponse, request);
2|        Response response = new Response();
2|        response.setResponseCode(httpResponse.getStatusLine().getStatusCode());
2|        response.setContent(EntityUtils.toString(httpResponse.getEntity(), StandardCharsets.UTF_8));
2|        response.setNextLink(nextLinkOf(httpResponse));
2|        return response;
    }

    private static List<NameValuePair> toPairs(Map<String, List<String>> parameters) {
        List<NameValuePair> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(new BasicNameValuePair(name, value))));
        return pairs;
    }
}
''')
CANVAS_IMPORTS = SLF4J + ['edu.ksu.canvas.oauth.OauthToken', 'java.io.IOException',
                          'java.nio.charset.StandardCharsets', 'java.util.ArrayList', 'java.util.List',
                          'java.util.Map', 'org.apache.http.NameValuePair',
                          'org.apache.http.client.entity.UrlEncodedFormEntity',
                          'org.apache.http.client.methods.CloseableHttpResponse',
                          'org.apache.http.client.methods.HttpGet', 'org.apache.http.client.methods.HttpPost',
                          'org.apache.http.client.methods.HttpUriRequest', 'org.apache.http.impl.client.CloseableHttpClient',
                          'org.apache.http.impl.client.HttpClients', 'org.apache.http.message.BasicNameValuePair',
                          'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'kstateome/canvas-api/pull/36', src('edu.ksu.canvas.net.rest', 'SimpleRestClient'),
         JV('edu.ksu.canvas.net.rest', {0: CANVAS_IMPORTS + ['org.apache.http.client.config.RequestConfig'],
                                        1: CANVAS_IMPORTS,
                                        2: CANVAS_IMPORTS + ['org.apache.http.client.config.RequestConfig']})(CANVAS), [
             (1, 'java-00-canvas-api-moved-rest-client-without-timeouts',
              'a PR moves the REST client into its own package and builds its HTTP client without connect, read or '
              'pool timeouts', 'rename'),
             (2, 'java-00-canvas-api-moved-rest-client-response-never-closed',
              'a PR moves the REST client and no longer closes the responses it reads, leaking a pooled connection '
              'whenever a header check throws', 'rename'),
             (0, 'java-ok-00-canvas-api-moved-rest-client-bounded-responses-closed',
              'clean: the move alone; the client built with its timeouts, each response closed in finally', 'rename'),
         ], rename_from=src('edu.ksu.canvas.net', 'SimpleRestClient'),
         rename_old=lambda t: t.replace('package edu.ksu.canvas.net.rest;', 'package edu.ksu.canvas.net;'))
