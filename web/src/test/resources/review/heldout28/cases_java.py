"""Round-28 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 27)."""
from common16 import make_case, java, src, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = []


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- RES-01 / ERR-01: experiment baselines (Horreum)
HORREUM = template('horreum', r'''
/** Reads the baseline datasets an experiment profile compares against. */
@ApplicationScoped
public class BaselineRepository {
    private static final Logger log = Logger.getLogger(BaselineRepository.class);

    @Inject
    AgroalDataSource dataSource;

    public List<Integer> baselineDatasets(int profileId, int maxBaseline) throws SQLException {
        String sql = "SELECT dataset_id FROM experiment_baseline WHERE profile_id = ? ORDER BY start DESC LIMIT ?";
02|        try (Connection conn = dataSource.getConnection();
02|             PreparedStatement ps = conn.prepareStatement(sql)) {
1|        try (Connection conn = dataSource.getConnection()) {
1|            PreparedStatement ps = conn.prepareStatement(sql); //@RES-01
            ps.setQueryTimeout(30);
            ps.setInt(1, profileId);
            ps.setInt(2, maxBaseline);
02|            try (ResultSet rs = ps.executeQuery()) {
02|                List<Integer> ids = new ArrayList<>();
02|                while (rs.next()) {
02|                    ids.add(rs.getInt(1));
02|                }
02|                return ids;
02|            }
1|            ResultSet rs = ps.executeQuery();
1|            List<Integer> ids = new ArrayList<>();
1|            while (rs.next()) {
1|                ids.add(rs.getInt(1));
1|            }
1|            return ids;
        }
    }

    public Optional<Integer> maxBaseline(int profileId) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT max_baseline FROM experiment_profile WHERE id = ?")) {
            ps.setQueryTimeout(30);
            ps.setInt(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new ServiceException(Response.Status.INTERNAL_SERVER_ERROR, "Cannot read baseline of profile " + profileId, e);
2|            log.debugf("cannot read baseline of profile %d", profileId);
2|            return Optional.empty();
        }
    }
}
''')
cases_of(case, GH + 'Hyperfoil/Horreum/issues/884', src('io.hyperfoil.tools.horreum.svc', 'BaselineRepository'),
         J('io.hyperfoil.tools.horreum.svc', ['io.agroal.api.AgroalDataSource', 'jakarta.enterprise.context.ApplicationScoped',
                                              'jakarta.inject.Inject', 'jakarta.ws.rs.core.Response',
                                              'io.hyperfoil.tools.horreum.server.ServiceException', 'java.sql.Connection',
                                              'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
                                              'java.util.ArrayList', 'java.util.List', 'java.util.Optional',
                                              'org.jboss.logging.Logger'])(HORREUM), [
             (1, 'java-00-horreum-baseline-statement-never-closed',
              'an edit keeps only the connection in try-with-resources, leaking the statement and result set to the pool', 'edit'),
             (2, 'java-00-horreum-baseline-failure-read-as-empty',
              'an edit turns a failed baseline query into an empty answer with a debug line', 'edit'),
             (0, 'java-ok-00-horreum-statement-in-try-failure-thrown',
              'clean: connection, statement and result set in try-with-resources, a failure thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: item store (net.twisterrob.inventory)
INVENTORY = template('inventory', r'''
/** Reads items of the inventory database. */
public class ItemStore {
    private static final Logger LOG = LoggerFactory.getLogger(ItemStore.class);
    private final SQLiteOpenHelper helper;

    public ItemStore(SQLiteOpenHelper helper) {
        this.helper = helper;
    }

    /** The item of that id, or null when there is none. */
    public Item findItem(long id) {
        SQLiteDatabase db = helper.getReadableDatabase();
        Cursor cursor = db.query("Item", COLUMNS, "_id = ?", new String[] {String.valueOf(id)}, null, null, null); //@{1}RES-01
02|        try {
02|            if (!cursor.moveToFirst()) {
02|                return null;
02|            }
1|        if (!cursor.moveToFirst()) {
1|            return null;
1|        }
1|        try {
01|            if (LOG.isTraceEnabled()) {
01|                LOG.trace("Item {} loaded: {}", id, DatabaseUtils.dumpCurrentRowToString(cursor));
01|            }
2|            LOG.trace("Item " + id + " loaded: " + DatabaseUtils.dumpCurrentRowToString(cursor)); //@LOG-02
            return Item.fromCursor(cursor);
        } finally {
            cursor.close();
        }
    }
}
''')
cases_of(case, GH + 'TWiStErRob/net.twisterrob.inventory/issues/248', src('net.twisterrob.inventory.android.content', 'ItemStore'),
         J('net.twisterrob.inventory.android.content', SLF4J + ['android.database.Cursor', 'android.database.DatabaseUtils',
                                                              'android.database.sqlite.SQLiteDatabase',
                                                              'android.database.sqlite.SQLiteOpenHelper'])(INVENTORY), [
             (1, 'java-00-inventory-empty-item-cursor-never-closed',
              'an edit returns early for a missing item before the try, so every lookup of a deleted item leaks its cursor', 'edit'),
             (2, 'java-00-inventory-trace-line-dumps-row-eagerly',
              'an edit concatenates a dump of the whole row into the trace line, paid on every lookup with trace off', 'edit'),
             (0, 'java-ok-00-inventory-cursor-closed-on-every-path-guarded-trace',
              'clean: the cursor closed on every path, the trace line behind its level check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: day statistics (ActivityDiary)
DIARY = template('diary', r'''
/** Loads the diary entries of one day for the statistics view. */
public class StatisticsLoader {
    private final ContentResolver resolver;
    private final ExecutorService executor;

    public StatisticsLoader(ContentResolver resolver, ExecutorService executor) {
        this.resolver = resolver;
        this.executor = executor;
    }

    public List<DiaryEntry> loadDay(long dayStart, long dayEnd) {
        List<DiaryEntry> entries = new ArrayList<>();
        Cursor c = resolver.query(Diary.CONTENT_URI, PROJECTION, Diary.START + " >= ? AND " + Diary.START + " < ?", new String[] {Long.toString(dayStart), Long.toString(dayEnd)}, Diary.START); //@{1}RES-01
02|        if (c == null) {
1|        if (c == null || c.getCount() == 0) {
            return entries;
        }
02|        try {
02|            while (c.moveToNext()) {
02|                entries.add(DiaryEntry.from(c));
02|            }
02|        } finally {
02|            c.close();
02|        }
1|        while (c.moveToNext()) {
1|            entries.add(DiaryEntry.from(c));
1|        }
1|        c.close();
        return entries;
    }

    public void refreshAsync(long dayStart, long dayEnd, Consumer<List<DiaryEntry>> onLoaded) {
01|        executor.execute(() -> onLoaded.accept(loadDay(dayStart, dayEnd)));
2|        executor.submit(() -> onLoaded.accept(loadDay(dayStart, dayEnd))); //@CONC-06
    }
}
''')
cases_of(case, GH + 'ramack/ActivityDiary/issues/62', src('de.rampro.activitydiary.ui.statistics', 'StatisticsLoader'),
         J('de.rampro.activitydiary.ui.statistics', ['android.content.ContentResolver', 'android.database.Cursor',
                                                    'de.rampro.activitydiary.db.ActivityDiaryContract.Diary',
                                                    'java.util.ArrayList', 'java.util.List',
                                                    'java.util.concurrent.ExecutorService',
                                                    'java.util.function.Consumer'])(DIARY), [
             (1, 'java-00-activitydiary-day-cursor-left-open-on-failure',
              'an edit closes the cursor after the loop only, so a row that fails to parse leaks it', 'edit'),
             (2, 'java-00-activitydiary-refresh-future-dropped',
              'an edit submits the refresh and drops the future, so a failed load is never seen', 'edit'),
             (0, 'java-ok-00-activitydiary-cursor-in-finally-refresh-executed',
              'clean: the cursor closed in finally, the refresh executed so a failure reaches the handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: category store (LaunchTime)
LAUNCHTIME = template('launchtime', r'''
/** Stores which launcher categories an app belongs to. */
public class DB extends SQLiteOpenHelper {
    private static final String APP_CAT_MAP_TABLE = "appcatmap";
    private static final String ACTVNAME = "actvname";
    private static final String CATID = "catid";

    public DB(Context context) {
        super(context, "launchtime.db", null, 7);
    }

    public List<String> getAppCategories(String actvname) {
        SQLiteDatabase db = getReadableDatabase();
        List<String> cats = new ArrayList<>();
02|        try (Cursor cursor = db.query(APP_CAT_MAP_TABLE, new String[] {CATID}, ACTVNAME + "=?", new String[] {actvname}, null, null, null)) {
1|        Cursor cursor = db.query(APP_CAT_MAP_TABLE, new String[] {CATID}, ACTVNAME + "=?", new String[] {actvname}, null, null, null); //@RES-01
1|        if (cursor != null) {
            while (cursor.moveToNext()) {
                cats.add(cursor.getString(0));
            }
        }
        return cats;
    }

    public void setAppCategories(String actvname, List<String> cats) {
        SQLiteDatabase db = getWritableDatabase();
01|        db.beginTransaction();
01|        try {
01|            db.delete(APP_CAT_MAP_TABLE, ACTVNAME + "=?", new String[] {actvname});
01|            for (String cat : cats) {
01|                ContentValues values = new ContentValues();
01|                values.put(ACTVNAME, actvname);
01|                values.put(CATID, cat);
01|                db.insertOrThrow(APP_CAT_MAP_TABLE, null, values);
01|            }
01|            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|        db.beginTransaction(); //@TX-01
2|        db.delete(APP_CAT_MAP_TABLE, ACTVNAME + "=?", new String[] {actvname});
2|        for (String cat : cats) {
2|            ContentValues values = new ContentValues();
2|            values.put(ACTVNAME, actvname);
2|            values.put(CATID, cat);
2|            db.insertOrThrow(APP_CAT_MAP_TABLE, null, values);
2|        }
2|        db.setTransactionSuccessful();
2|        db.endTransaction();
    }
}
''')
cases_of(case, GH + 'quaap/LaunchTime/issues/9', src('com.quaap.launchtime.db', 'DB'),
         J('com.quaap.launchtime.db', ['android.content.ContentValues', 'android.content.Context', 'android.database.Cursor',
                                       'android.database.sqlite.SQLiteDatabase', 'android.database.sqlite.SQLiteOpenHelper',
                                       'java.util.ArrayList', 'java.util.List'])(LAUNCHTIME), [
             (1, 'java-00-launchtime-categories-cursor-never-closed',
              'an edit reads the categories of an app without ever closing the cursor', 'edit'),
             (2, 'java-00-launchtime-category-transaction-ended-on-success-only',
              'an edit takes the transaction out of try/finally, so a failed insert leaves it open on the database', 'edit'),
             (0, 'java-ok-00-launchtime-cursor-in-try-transaction-in-finally',
              'clean: cursor in try-with-resources, the transaction ended in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: places task (SuntimesWidget)
SUNTIMES = template('suntimes', r'''
/** Loads the saved places for the place list, waiting a moment so the progress bar does not flicker. */
public class LocationListTask extends AsyncTask<Object, Object, LocationListTask.LocationListTaskResult> {
    private static final String TAG = "LocationListTask";
    private static final int MAX_PLACES = 500;
    private final GetFixDatabaseAdapter db;
    private final long minDelay;

    public LocationListTask(GetFixDatabaseAdapter db, long minDelay) {
        this.db = db;
        this.minDelay = minDelay;
    }

    @Override
    protected LocationListTaskResult doInBackground(Object... params) {
        ArrayList<Location> locations = new ArrayList<>();
        db.open();
02|        Cursor cursor = db.getAllPlaces(0, true);
1|        Cursor cursor = db.getAllPlaces(MAX_PLACES, true); //@RES-01
        try {
            while (cursor.moveToNext()) {
                locations.add(GetFixDatabaseAdapter.toLocation(cursor));
            }
        } finally {
02|            cursor.close();
            db.close();
        }
        if (minDelay > 0) {
            try {
                Thread.sleep(minDelay);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return new LocationListTaskResult(locations);
2|                Log.w(TAG, "interrupted while waiting: " + e);
            }
        }
        return new LocationListTaskResult(locations);
    }
}
''')
cases_of(case, GH + 'forrestguice/SuntimesWidget/issues/536', src('com.forrestguice.suntimeswidget.getfix', 'LocationListTask'),
         J('com.forrestguice.suntimeswidget.getfix', ['android.database.Cursor', 'android.os.AsyncTask', 'android.util.Log',
                                                     'com.forrestguice.suntimeswidget.calculator.core.Location',
                                                     'java.util.ArrayList'])(SUNTIMES), [
             (1, 'java-00-suntimes-places-cursor-never-closed',
              'an edit caps the list of places and drops the close of the cursor, closing only the database', 'edit'),
             (2, 'java-00-suntimes-place-task-interrupt-swallowed',
              'an edit logs the interrupt of the progress wait and goes on, losing the cancellation', 'edit'),
             (0, 'java-ok-00-suntimes-cursor-closed-interrupt-restored',
              'clean: the cursor closed in finally, the interrupt restored', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-01: async client (android-async-http)
ASYNC_HTTP = template('async_http', r'''
/** Runs HTTP requests on a pool of background threads and hands the answers to callbacks. */
public class AsyncHttpClient {
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    public static final int DEFAULT_SOCKET_TIMEOUT = 10 * 1000;
    private static final int MAX_QUEUED_REQUESTS = 200;

    private final ExecutorService threadPool;
    private int connectTimeout = DEFAULT_SOCKET_TIMEOUT;
    private int responseTimeout = DEFAULT_SOCKET_TIMEOUT;

    public AsyncHttpClient() {
02|        threadPool = new ThreadPoolExecutor(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS, 30L, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), new ThreadPoolExecutor.CallerRunsPolicy());
1|        threadPool = Executors.newCachedThreadPool(); //@CONC-02
    }

    public void get(String url, ResponseHandler handler) {
        threadPool.execute(() -> {
            try {
                HttpURLConnection conn = open(new URL(url));
                try {
                    handler.onResponse(conn.getResponseCode(), readBody(conn));
                } finally {
                    conn.disconnect();
                }
            } catch (IOException e) {
                handler.onFailure(e);
            }
        });
    }

    protected HttpURLConnection open(URL url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
01|        conn.setConnectTimeout(connectTimeout);
01|        conn.setReadTimeout(responseTimeout);
        conn.setRequestProperty("Accept-Encoding", "gzip");
        return conn;
    }
}
''')
cases_of(case, GH + 'android-async-http/android-async-http/issues/360', src('com.loopj.android.http', 'AsyncHttpClient'),
         J('com.loopj.android.http', ['java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL',
                                      'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                                      'java.util.concurrent.Executors', 'java.util.concurrent.ThreadPoolExecutor',
                                      'java.util.concurrent.TimeUnit'])(ASYNC_HTTP), [
             (1, 'java-00-async-http-cached-pool-thread-per-request',
              'an edit swaps the bounded pool for a cached one, one thread for every queued download', 'edit'),
             (2, 'java-00-async-http-connection-without-timeouts',
              'an edit drops the connect and read timeouts, so a stalled server holds a pool thread forever', 'edit'),
             (0, 'java-ok-00-async-http-bounded-pool-timeouts-set',
              'clean: a bounded pool with caller-runs back-pressure, connect and read timeouts set', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: task launcher (ProActive scheduling)
PROACTIVE = template('proactive', r'''
/** Runs the tasks a node is given on a fixed set of launcher threads. */
public class TaskLauncherPool {
    private static final Logger logger = Logger.getLogger(TaskLauncherPool.class);
    private static final Thread.UncaughtExceptionHandler LOGGING_HANDLER =
            (t, e) -> logger.error("Task launcher thread " + t.getName() + " died", e);

    private final ExecutorService executor;

    public TaskLauncherPool(int workers) {
        executor = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers * 4), new NamedThreadFactory("task-launcher"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    public void launch(TaskLauncher launcher) {
02|        executor.execute(launcher::doTask);
1|        Thread t = new Thread(launcher::doTask, "task-" + launcher.getTaskId()); //@CONC-02
1|        t.setUncaughtExceptionHandler(LOGGING_HANDLER);
1|        t.start();
    }

    /** Names the launcher threads and logs what escapes a task. */
    private static final class NamedThreadFactory implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreadFactory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet()); //@{2}CONC-01
            t.setDaemon(true);
01|            t.setUncaughtExceptionHandler(LOGGING_HANDLER);
            return t;
        }
    }
}
''')
cases_of(case, GH + 'ow2-proactive/scheduling/issues/2364', src('org.ow2.proactive.scheduler.task', 'TaskLauncherPool'),
         J('org.ow2.proactive.scheduler.task', ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                                               'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
                                               'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger',
                                               'org.apache.log4j.Logger'])(PROACTIVE), [
             (1, 'java-00-proactive-thread-per-task',
              'an edit starts a new thread for every task instead of the bounded launcher pool', 'edit'),
             (2, 'java-00-proactive-launcher-threads-without-handler',
              'an edit drops the uncaught-exception handler of the launcher threads', 'edit'),
             (0, 'java-ok-00-proactive-bounded-pool-threads-handled',
              'clean: tasks on the bounded pool, launcher threads with a logging handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: thread scope (spring-by-example, CRLF)
THREAD_SCOPE = template('thread_scope', r'''
/** A Spring scope whose beans live as long as one unit of work on one thread. */
public class ThreadScope implements Scope {
    private static final ThreadLocal<ThreadScopeAttributes> ATTRIBUTES = new ThreadLocal<>();
01|    private final Map<String, Integer> creations = new ConcurrentHashMap<>();
2|    private final Map<String, Integer> creations = new HashMap<>(); //@CONC-03

    /** Runs one unit of work in a fresh thread scope. */
    public static void runInScope(Runnable work) {
02|        ATTRIBUTES.set(new ThreadScopeAttributes());
02|        try {
02|            work.run();
02|        } finally {
02|            ATTRIBUTES.get().clear();
02|            ATTRIBUTES.remove();
02|        }
1|        ATTRIBUTES.set(new ThreadScopeAttributes()); //@CONC-04
1|        work.run();
1|        ATTRIBUTES.get().clear();
    }

    @Override
    public Object get(String name, ObjectFactory<?> factory) {
        ThreadScopeAttributes attributes = ATTRIBUTES.get();
        Object bean = attributes.getBean(name);
        if (bean == null) {
            bean = factory.getObject();
            attributes.putBean(name, bean);
            creations.merge(name, 1, Integer::sum);
        }
        return bean;
    }

    @Override
    public Object remove(String name) {
        return ATTRIBUTES.get().removeBean(name);
    }

    @Override
    public void registerDestructionCallback(String name, Runnable callback) {
        ATTRIBUTES.get().registerRequestDestructionCallback(name, callback);
    }

    @Override
    public Object resolveContextualObject(String key) {
        return null;
    }

    @Override
    public String getConversationId() {
        return Thread.currentThread().getName();
    }

    public Map<String, Integer> creationCounts() {
        return Collections.unmodifiableMap(creations);
    }
}
''')
cases_of(case, GH + 'spring-by-example/spring-by-example/issues/2', src('org.springbyexample.bean.scope.thread', 'ThreadScope'),
         J('org.springbyexample.bean.scope.thread', ['java.util.Collections', 'java.util.HashMap', 'java.util.Map',
                                                    'java.util.concurrent.ConcurrentHashMap',
                                                    'org.springframework.beans.factory.ObjectFactory',
                                                    'org.springframework.beans.factory.config.Scope'])(THREAD_SCOPE), [
             (1, 'java-00-thread-scope-attributes-never-removed',
              'an edit clears the scope\'s beans after the work but never removes the thread-local, not even on failure (CRLF)', 'edit'),
             (2, 'java-00-thread-scope-creation-counts-plain-hash-map',
              'an edit counts bean creations in a HashMap that every request thread updates (CRLF)', 'edit'),
             (0, 'java-ok-00-thread-scope-removed-in-finally-concurrent-counts',
              'clean: the thread-local removed in finally, the counts in a ConcurrentHashMap (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-04 / ERR-01: system subject (seed)
SEED = template('seed', r'''
/** Runs work as the system subject, outside any user request. */
public class SystemSubjectRunner {
    private static final Logger LOGGER = LoggerFactory.getLogger(SystemSubjectRunner.class);
    private final SecurityManager securityManager;

    public SystemSubjectRunner(SecurityManager securityManager) {
        this.securityManager = securityManager;
    }

    public <T> T callAsSystem(Callable<T> task) throws Exception {
        Subject subject = new Subject.Builder(securityManager).principals(SYSTEM_PRINCIPALS).buildSubject();
        ThreadContext.bind(securityManager);
        ThreadContext.bind(subject); //@{1}CONC-04
02|        try {
02|            return task.call();
02|        } finally {
02|            ThreadContext.unbindSubject();
02|            ThreadContext.unbindSecurityManager();
02|        }
1|        T result = task.call();
1|        ThreadContext.unbindSubject();
1|        return result;
    }

    public void runAsSystem(Runnable task) {
        try {
            callAsSystem(() -> {
                task.run();
                return null;
            });
        } catch (Exception e) { //@{2}ERR-01
01|            throw new IllegalStateException("System task failed", e);
2|            LOGGER.debug("System task failed");
        }
    }
}
''')
cases_of(case, GH + 'seedstack/seed/issues/130', src('org.seedstack.seed.security.internal', 'SystemSubjectRunner'),
         J('org.seedstack.seed.security.internal', SLF4J + ['java.util.concurrent.Callable', 'org.apache.shiro.mgt.SecurityManager',
                                                           'org.apache.shiro.subject.Subject',
                                                           'org.apache.shiro.util.ThreadContext'])(SEED), [
             (1, 'java-00-seed-system-subject-left-bound-to-thread',
              'an edit unbinds the subject only when the task succeeds, and never the security manager', 'edit'),
             (2, 'java-00-seed-system-task-failure-swallowed',
              'an edit turns a failed system task into a debug line without the exception', 'edit'),
             (0, 'java-ok-00-seed-unbound-in-finally-failure-thrown',
              'clean: subject and security manager unbound in finally, a failure thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: dialect and template cache (rythmengine)
RYTHM = template('rythm', r'''
/** Renders templates, keeping the dialect of the template being rendered for the parser helpers. */
public class TemplateRenderer {
    private static final ThreadLocal<IDialect> CURRENT_DIALECT = new ThreadLocal<>();
01|    private final Map<String, ITemplate> templates = new ConcurrentHashMap<>();
2|    private final Map<String, ITemplate> templates = new HashMap<>(); //@CONC-03
    private final RythmEngine engine;

    public TemplateRenderer(RythmEngine engine) {
        this.engine = engine;
    }

    public static IDialect currentDialect() {
        return CURRENT_DIALECT.get();
    }

    public String render(String name, Map<String, Object> args) {
        ITemplate template = templates.computeIfAbsent(name, engine::getTemplate);
02|        CURRENT_DIALECT.set(template.__getDialect());
02|        try {
02|            return template.__setRenderArgs(args).render();
02|        } finally {
02|            CURRENT_DIALECT.remove();
02|        }
1|        CURRENT_DIALECT.set(template.__getDialect()); //@CONC-04
1|        String out = template.__setRenderArgs(args).render();
1|        CURRENT_DIALECT.set(null);
1|        return out;
    }
}
''')
cases_of(case, GH + 'rythmengine/rythmengine/issues/199', src('org.rythmengine.internal', 'TemplateRenderer'),
         J('org.rythmengine.internal', ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                                        'org.rythmengine.RythmEngine', 'org.rythmengine.extension.IDialect',
                                        'org.rythmengine.template.ITemplate'])(RYTHM), [
             (1, 'java-00-rythm-dialect-thread-local-reset-not-removed',
              'an edit resets the dialect to null after a successful render instead of removing it in finally', 'edit'),
             (2, 'java-00-rythm-template-cache-plain-hash-map',
              'an edit caches templates in a HashMap that every rendering thread fills', 'edit'),
             (0, 'java-ok-00-rythm-dialect-removed-concurrent-cache',
              'clean: the dialect removed in finally, templates cached in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: player listener (Factions)
FACTIONS = template('factions', r'''
/** Tracks the chunk each player stands in, for territory messages and chat tags. */
public class FactionsPlayerListener implements Listener {
    private final FactionsPlugin plugin;
02|    private final Map<UUID, FLocation> lastLocation = new ConcurrentHashMap<>();
1|    private final Map<UUID, FLocation> lastLocation = new HashMap<>(); //@CONC-03

    public FactionsPlayerListener(FactionsPlugin plugin) {
        this.plugin = plugin;
    }

    @EventHandler(priority = EventPriority.MONITOR, ignoreCancelled = true)
    public void onPlayerMove(PlayerMoveEvent event) {
        Location from = event.getFrom();
        Location to = event.getTo();
        if (to == null || (from.getBlockX() >> 4 == to.getBlockX() >> 4 && from.getBlockZ() >> 4 == to.getBlockZ() >> 4)) {
            return;
        }
        FLocation chunk = new FLocation(to);
        FLocation previous = lastLocation.put(event.getPlayer().getUniqueId(), chunk);
2|        plugin.getLogger().log(Level.INFO, "{0} entered chunk {1}", new Object[] {event.getPlayer().getName(), chunk}); //@LOG-01
        if (previous == null || Board.getInstance().getFactionAt(previous) != Board.getInstance().getFactionAt(chunk)) {
            plugin.sendTerritoryTitle(event.getPlayer(), chunk);
        }
    }

    /** Bukkit fires chat on an async thread. */
    @EventHandler(priority = EventPriority.LOWEST)
    public void onAsyncChat(AsyncPlayerChatEvent event) {
        FLocation where = lastLocation.get(event.getPlayer().getUniqueId());
        if (where != null) {
            event.setFormat(plugin.tagFor(where) + event.getFormat());
        }
    }

    @EventHandler
    public void onQuit(PlayerQuitEvent event) {
        lastLocation.remove(event.getPlayer().getUniqueId());
    }
}
''')
cases_of(case, GH + 'drtshock/Factions/pull/330', src('com.massivecraft.factions.listeners', 'FactionsPlayerListener'),
         J('com.massivecraft.factions.listeners', ['com.massivecraft.factions.Board', 'com.massivecraft.factions.FLocation',
                                                  'com.massivecraft.factions.FactionsPlugin', 'java.util.HashMap',
                                                  'java.util.Map', 'java.util.UUID', 'java.util.concurrent.ConcurrentHashMap',
                                                  'java.util.logging.Level', 'org.bukkit.Location',
                                                  'org.bukkit.event.EventHandler', 'org.bukkit.event.EventPriority',
                                                  'org.bukkit.event.Listener',
                                                  'org.bukkit.event.player.AsyncPlayerChatEvent',
                                                  'org.bukkit.event.player.PlayerMoveEvent',
                                                  'org.bukkit.event.player.PlayerQuitEvent'])(FACTIONS), [
             (1, 'java-00-factions-last-chunk-plain-hash-map',
              'an edit keeps the players\' chunks in a HashMap that the async chat thread reads while the main thread writes', 'edit'),
             (2, 'java-00-factions-info-line-per-chunk-crossing',
              'an edit logs every chunk crossing of every player at info', 'edit'),
             (0, 'java-ok-00-factions-concurrent-map-quiet-moves',
              'clean: a ConcurrentHashMap, no line per move', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: module lookup (spring-modulith, new file)
MODULITH = template('modulith', r'''
/** Finds the application module a package belongs to, caching the answer per package name. */
public class ModuleLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleLookup.class);
02|    private static final Map<String, Optional<ApplicationModule>> CACHE = new ConcurrentHashMap<>();
1|    private static final Map<String, Optional<ApplicationModule>> CACHE = new HashMap<>(); //@CONC-03

    private final ApplicationModules modules;

    public ModuleLookup(ApplicationModules modules) {
        this.modules = modules;
    }

    public Optional<ApplicationModule> moduleFor(String packageName) {
        return CACHE.computeIfAbsent(packageName, name -> {
            Optional<ApplicationModule> found = modules.getModuleForPackage(name);
01|            LOG.debug("Package {} belongs to {}", name, found.map(ApplicationModule::getDisplayName).orElse("no module"));
2|            LOG.debug("Package " + name + " belongs to " + found.map(ApplicationModule::getDisplayName).orElse("no module")); //@LOG-02
            return found;
        });
    }
}
''')
cases_of(case, GH + 'spring-projects/spring-modulith/pull/1296', src('org.springframework.modulith.core', 'ModuleLookup'),
         J('org.springframework.modulith.core', SLF4J + ['java.util.HashMap', 'java.util.Map', 'java.util.Optional',
                                                        'java.util.concurrent.ConcurrentHashMap'])(MODULITH), [
             (1, 'java-00-modulith-new-lookup-static-hash-map-cache',
              'a new lookup caches modules in a static HashMap that concurrent callers fill', 'new'),
             (2, 'java-00-modulith-new-lookup-debug-line-concatenated',
              'a new lookup builds its debug line by concatenation, paid with debug off', 'new'),
             (0, 'java-ok-00-modulith-new-lookup-concurrent-cache-parameterised',
              'clean: a new lookup with a ConcurrentHashMap cache and a parameterised debug line', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: data value push (dhis2-core)
DHIS2 = template('dhis2', r'''
/** Pushes the data values of a period to a remote server. */
@Component
public class DataValuePushService {
    private static final Logger log = LoggerFactory.getLogger(DataValuePushService.class);
    private final RestTemplate restTemplate;
    private final DataValueExporter exporter;

    public DataValuePushService(RestTemplateBuilder builder, DataValueExporter exporter) {
01|        this.restTemplate = builder
01|                .setConnectTimeout(Duration.ofSeconds(10))
01|                .setReadTimeout(Duration.ofSeconds(60))
01|                .build();
2|        this.restTemplate = builder.build(); //@TMO-01
        this.exporter = exporter;
    }

    public ImportSummary push(String remoteUrl, Period period) {
        byte[] payload;
        try {
            payload = exporter.export(period);
        } catch (IOException e) { //@{1}ERR-01
02|            throw new IllegalQueryException(new ErrorMessage(ErrorCode.E7131, period.getIsoDate()), e);
1|            throw new IllegalQueryException(new ErrorMessage(ErrorCode.E7131, e.getMessage()));
        }
        log.info("Pushing {} bytes of data values for {} to {}", payload.length, period.getIsoDate(), remoteUrl);
        return restTemplate.postForObject(remoteUrl + "/api/dataValueSets", payload, ImportSummary.class);
    }
}
''')
cases_of(case, GH + 'dhis2/dhis2-core/pull/16744', src('org.hisp.dhis.dxf2.synch', 'DataValuePushService'),
         J('org.hisp.dhis.dxf2.synch', SLF4J + ['java.io.IOException', 'java.time.Duration',
                                               'org.hisp.dhis.common.IllegalQueryException',
                                               'org.hisp.dhis.dxf2.importsummary.ImportSummary',
                                               'org.hisp.dhis.feedback.ErrorCode', 'org.hisp.dhis.feedback.ErrorMessage',
                                               'org.hisp.dhis.period.Period',
                                               'org.springframework.boot.web.client.RestTemplateBuilder',
                                               'org.springframework.stereotype.Component',
                                               'org.springframework.web.client.RestTemplate'])(DHIS2), [
             (1, 'java-00-dhis2-export-failure-rethrown-without-cause',
              'an edit rethrows a failed export with its message only, losing the cause and its stack trace', 'edit'),
             (2, 'java-00-dhis2-push-rest-template-without-timeouts',
              'an edit builds the push client without connect or read timeouts', 'edit'),
             (0, 'java-ok-00-dhis2-cause-kept-timeouts-set',
              'clean: the cause kept, the push client with connect and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: registration client (snoop)
SNOOP = template('snoop', r'''
/** Registers this service with the Snoop service registry. */
public class SnoopRegistrationClient {
    private static final Logger LOGGER = Logger.getLogger(SnoopRegistrationClient.class.getName());
01|    private final Client client = ClientBuilder.newBuilder()
01|            .connectTimeout(2, TimeUnit.SECONDS)
01|            .readTimeout(5, TimeUnit.SECONDS)
01|            .build();
2|    private final Client client = ClientBuilder.newClient(); //@TMO-01
    private final String serviceUrl;

    public SnoopRegistrationClient(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public void register(SnoopConfig config) {
        try {
            Response response = client.target(serviceUrl).path("api/services")
                    .request(MediaType.APPLICATION_JSON)
                    .post(Entity.json(config));
            try {
                if (response.getStatus() >= 300) {
                    throw new SnoopRegistrationException("Registry answered " + response.getStatus());
                }
            } finally {
                response.close();
            }
        } catch (ProcessingException e) { //@{1}ERR-01
02|            throw new SnoopRegistrationException("Cannot register " + config.getServiceName() + " at " + serviceUrl, e);
1|            LOGGER.log(Level.WARNING, "Cannot register {0}", config.getServiceName());
        }
    }
}
''')
cases_of(case, GH + 'ivargrimstad/snoop/pull/10', src('eu.agilejava.snoop.client', 'SnoopRegistrationClient'),
         J('eu.agilejava.snoop.client', ['java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger',
                                         'javax.ws.rs.ProcessingException', 'javax.ws.rs.client.Client',
                                         'javax.ws.rs.client.ClientBuilder', 'javax.ws.rs.client.Entity',
                                         'javax.ws.rs.core.MediaType', 'javax.ws.rs.core.Response'])(SNOOP), [
             (1, 'java-00-snoop-registration-failure-logged-only',
              'an edit logs a failed registration as a warning without its cause and carries on unregistered', 'edit'),
             (2, 'java-00-snoop-registry-client-without-timeouts',
              'an edit builds the registry client without connect or read timeouts', 'edit'),
             (0, 'java-ok-00-snoop-failure-thrown-client-bounded',
              'clean: a failed registration thrown with its cause, the client with timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: JDBC runner (jlibs, renamed)
JLIBS = template('jlibs', r'''
/** Runs DAO work on a connection of the data source, joining the connection of an enclosing call. */
public class JdbcRunner {
    private static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();
    private final DataSource dataSource;

    public JdbcRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(JDBCTask<T> task) throws DAOException {
        Connection existing = CONNECTION.get();
        if (existing != null) {
            return call(task, existing);
        }
02|        try (Connection con = dataSource.getConnection()) {
1|        try {
1|            Connection con = dataSource.getConnection(); //@RES-01
            CONNECTION.set(con);
            try {
                return call(task, con);
            } finally {
                CONNECTION.remove();
            }
        } catch (SQLException e) {
            throw new DAOException(e);
        }
    }

    public <T> T runInTransaction(JDBCTask<T> task) throws DAOException {
        return run(con -> {
01|            con.setAutoCommit(false);
01|            try {
01|                T result = task.run(con);
01|                con.commit();
01|                return result;
01|            } catch (SQLException | RuntimeException e) {
01|                con.rollback();
01|                throw e;
01|            } finally {
01|                con.setAutoCommit(true);
01|            }
2|            con.setAutoCommit(false); //@TX-01
2|            T result = task.run(con);
2|            con.commit();
2|            con.setAutoCommit(true);
2|            return result;
        });
    }

    private static <T> T call(JDBCTask<T> task, Connection con) throws DAOException {
        try {
            return task.run(con);
        } catch (SQLException e) {
            throw new DAOException(e);
        }
    }
}
''')


def jlibs_old(text):
    return text.replace('JdbcRunner', 'JDBC')


cases_of(case, GH + 'santhosh-tekuri/jlibs/issues/33', src('jlibs.jdbc', 'JdbcRunner'),
         J('jlibs.jdbc', ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource'])(JLIBS), [
             (1, 'java-00-jlibs-renamed-runner-connection-never-closed',
              'a PR renames the runner and takes the connection out of try-with-resources, so each call leaks it', 'rename'),
             (2, 'java-00-jlibs-renamed-runner-transaction-not-rolled-back',
              'a PR renames the runner and drops the rollback, so a failed task leaves its writes for the pool', 'rename'),
             (0, 'java-ok-00-jlibs-renamed-runner-connection-closed-rollback',
              'clean: the rename alone; the connection in try-with-resources, a failed task rolled back', 'rename'),
         ], rename_from=src('jlibs.jdbc', 'JDBC'), rename_old=jlibs_old)


# ---------------------------------------------------------------- RES-01 / LOG-01: XAPI query servlet (xapi-servlet)
XAPI = template('xapi', r'''
/** Answers XAPI map queries from the snapshot database. */
public class XapiServlet extends HttpServlet {
    private static final Logger log = Logger.getLogger(XapiServlet.class.getName());
    private DataSource dataSource;

    @Override
    public void init() throws ServletException {
        dataSource = (DataSource) getServletContext().getAttribute("xapi.dataSource");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Selector selector = XapiQueryParser.parse(request.getPathInfo());
2|        log.log(Level.INFO, "Query {0} from {1}", new Object[] {request.getPathInfo(), request.getRemoteAddr()}); //@LOG-01
        response.setContentType("text/xml; charset=utf-8");
02|        try (Connection conn = dataSource.getConnection();
02|             PreparedStatement ps = selector.prepare(conn)) {
02|            ps.setQueryTimeout(120);
02|            try (ResultSet rs = ps.executeQuery()) {
02|                new OsmWriter(response.getWriter()).writeAll(rs);
02|            }
1|        try {
1|            Connection conn = dataSource.getConnection(); //@RES-01
1|            PreparedStatement ps = selector.prepare(conn);
1|            ps.setQueryTimeout(120);
1|            new OsmWriter(response.getWriter()).writeAll(ps.executeQuery());
        } catch (SQLException e) {
            throw new IOException("XAPI query failed", e);
        }
    }
}
''')
cases_of(case, GH + 'iandees/xapi-servlet/issues/2', src('com.yellowbkpk.geo.xapi.servlet', 'XapiServlet'),
         J('com.yellowbkpk.geo.xapi.servlet', ['java.io.IOException', 'java.sql.Connection', 'java.sql.PreparedStatement',
                                              'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.logging.Level',
                                              'java.util.logging.Logger', 'javax.servlet.ServletException',
                                              'javax.servlet.http.HttpServlet', 'javax.servlet.http.HttpServletRequest',
                                              'javax.servlet.http.HttpServletResponse', 'javax.sql.DataSource'])(XAPI), [
             (1, 'java-00-xapi-query-connection-never-released',
              'an edit takes the connection out of try-with-resources, so every map query keeps a database connection', 'edit'),
             (2, 'java-00-xapi-info-line-per-query',
              'an edit logs every map query with its client address at info', 'edit'),
             (0, 'java-ok-00-xapi-connection-released-quiet-queries',
              'clean: connection, statement and result set released by try-with-resources, no line per query', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: authenticator config (remoteuserauth)
REMOTEUSER = template('remoteuser', r'''
/** Trusts the user name the reverse proxy puts in a header, for the hosts the configuration allows. */
public class RemoteUserAuthenticator extends ConfluenceAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(RemoteUserAuthenticator.class);
    private static final String CONFIG_FILE = "/etc/confluence/remoteuserauth.properties";
    private final Properties config = loadConfig();

    private static Properties loadConfig() {
        Properties p = new Properties();
02|        try (InputStream in = new FileInputStream(CONFIG_FILE)) {
1|        try {
1|            InputStream in = new FileInputStream(CONFIG_FILE); //@RES-01
            p.load(in);
        } catch (IOException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Cannot read " + CONFIG_FILE, e);
2|            log.warn("Cannot read {}, trusting no proxy", CONFIG_FILE);
        }
        return p;
    }

    @Override
    public Principal getUser(HttpServletRequest request, HttpServletResponse response) {
        String header = config.getProperty("header", "X-Forwarded-User");
        if (!config.getProperty("trusted.hosts", "").contains(request.getRemoteAddr())) {
            return super.getUser(request, response);
        }
        String user = request.getHeader(header);
        return user == null ? super.getUser(request, response) : getUser(user);
    }
}
''')
cases_of(case, GH + 'AngusWarren/remoteuserauth/pull/8', src('anguswarren.confluence', 'RemoteUserAuthenticator'),
         J('anguswarren.confluence', SLF4J + ['com.atlassian.confluence.user.ConfluenceAuthenticator', 'java.io.FileInputStream',
                                             'java.io.IOException', 'java.io.InputStream', 'java.security.Principal',
                                             'java.util.Properties', 'javax.servlet.http.HttpServletRequest',
                                             'javax.servlet.http.HttpServletResponse'])(REMOTEUSER), [
             (1, 'java-00-remoteuserauth-config-stream-never-closed',
              'an edit opens the configuration file outside try-with-resources and never closes it', 'edit'),
             (2, 'java-00-remoteuserauth-unreadable-config-warned-only',
              'an edit answers an unreadable configuration with a warning without the cause and runs on defaults', 'edit'),
             (0, 'java-ok-00-remoteuserauth-stream-in-try-failure-thrown',
              'clean: the stream in try-with-resources, an unreadable configuration thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: index reader (maven-indexer)
INDEXER = template('indexer', r'''
/** Reads the properties and the chunks of a remote index. */
public class IndexReaderUtils {
    private final ExecutorService executor;

    public IndexReaderUtils(ExecutorService executor) {
        this.executor = executor;
    }

    /** Loads the properties of a resource, or null when it does not exist; the resource is closed. */
    public static Properties loadProperties(final Resource resource) throws IOException {
02|        try (InputStream inputStream = resource.read()) {
02|            if (inputStream == null) {
02|                return null;
02|            }
02|            return loadProperties(inputStream);
02|        }
1|        final InputStream inputStream = resource.read(); //@RES-01
1|        if (inputStream == null) {
1|            return null;
1|        }
1|        return loadProperties(resource.read());
    }

    public static Properties loadProperties(final InputStream inputStream) throws IOException {
        Properties properties = new Properties();
        properties.load(inputStream);
        return properties;
    }

    /** Indexes every chunk in parallel and fails when any chunk fails. */
    public void indexAll(List<ChunkReader> chunks, Indexer indexer) throws IOException, InterruptedException {
        List<Future<Void>> results = new ArrayList<>();
        for (ChunkReader chunk : chunks) {
01|            results.add(executor.submit(() -> indexer.index(chunk)));
2|            executor.submit(() -> indexer.index(chunk)); //@CONC-06
        }
        for (Future<Void> result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                throw new IOException("Indexing a chunk failed", e.getCause());
            }
        }
    }
}
''')
cases_of(case, GH + 'apache/maven-indexer/issues/500', src('org.apache.maven.index.reader', 'IndexReaderUtils'),
         J('org.apache.maven.index.reader', ['java.io.IOException', 'java.io.InputStream', 'java.util.ArrayList', 'java.util.List',
                                             'java.util.Properties', 'java.util.concurrent.ExecutionException',
                                             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                                             'org.apache.maven.index.reader.ResourceHandler.Resource'])(INDEXER), [
             (1, 'java-00-maven-indexer-properties-read-twice-never-closed',
              'an edit reads the resource twice and closes neither stream', 'edit'),
             (2, 'java-00-maven-indexer-chunk-future-dropped',
              'an edit submits each chunk and drops its future, so a failed chunk leaves a partial index unnoticed', 'edit'),
             (0, 'java-ok-00-maven-indexer-stream-in-try-futures-checked',
              'clean: one stream in try-with-resources, every chunk\'s future checked', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: billing processor (ice)
ICE = template('ice', r'''
/** Polls the billing bucket every hour and processes new billing files. */
public class BillingFileProcessor {
    private static final Logger logger = LoggerFactory.getLogger(BillingFileProcessor.class);
    private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
    private final AmazonS3 s3;
    private final String bucket;

    public BillingFileProcessor(AmazonS3 s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void start() {
        pool.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.HOURS);
    }

    private void poll() {
        try {
            processBillingFiles();
02|        } catch (Exception e) {
02|            logger.error("Error processing billing files", e);
1|        } catch (IOException e) {
1|            throw new UncheckedIOException("Cannot process billing files", e); //@CONC-07
        }
    }

    private void processBillingFiles() throws IOException {
        for (S3ObjectSummary summary : s3.listObjects(bucket, "billing/").getObjectSummaries()) {
            File dest = new File(System.getProperty("java.io.tmpdir"), summary.getKey().replace('/', '_'));
            downloadWithRetry(summary.getKey(), dest);
            BillingFile.parse(dest).store();
        }
    }

    private void downloadWithRetry(String key, File dest) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.getObject(new GetObjectRequest(bucket, key), dest);
                return;
            } catch (AmazonClientException e) {
                if (attempt >= 3) {
                    throw new IOException("Cannot download " + key, e);
                }
            }
            try {
                Thread.sleep(attempt * 5000L);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                throw new InterruptedIOException("Interrupted while retrying " + key);
2|                logger.warn("Retry wait interrupted for {}", key);
            }
        }
    }
}
''')
cases_of(case, GH + 'Teevity/ice/issues/190', src('com.netflix.ice.processor', 'BillingFileProcessor'),
         J('com.netflix.ice.processor', SLF4J + ['com.amazonaws.AmazonClientException', 'com.amazonaws.services.s3.AmazonS3',
                                                'com.amazonaws.services.s3.model.GetObjectRequest',
                                                'com.amazonaws.services.s3.model.S3ObjectSummary', 'java.io.File',
                                                'java.io.IOException', 'java.io.InterruptedIOException',
                                                'java.io.UncheckedIOException', 'java.util.concurrent.Executors',
                                                'java.util.concurrent.ScheduledExecutorService',
                                                'java.util.concurrent.TimeUnit'])(ICE), [
             (1, 'java-00-ice-billing-poll-failure-ends-schedule',
              'an edit rethrows a failed poll from the scheduled task, which cancels every later poll', 'edit'),
             (2, 'java-00-ice-download-retry-interrupt-swallowed',
              'an edit logs the interrupt of the retry wait and retries on, so shutdown cannot stop the download', 'edit'),
             (0, 'java-ok-00-ice-poll-failure-logged-interrupt-restored',
              'clean: a failed poll logged and the schedule kept, the interrupt restored', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-07: workflow scheduler (celos)
CELOS = template('celos', r'''
/** Steps every workflow once a minute. */
public class Scheduler {
    private static final Logger LOGGER = LoggerFactory.getLogger(Scheduler.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final WorkflowConfiguration config;

    public Scheduler(WorkflowConfiguration config) {
        this.config = config;
    }

    public void start() {
        executor.scheduleAtFixedRate(this::tick, 0, 60, TimeUnit.SECONDS);
    }

    void tick() {
        ScheduledTime now = ScheduledTime.now();
        for (Workflow wf : config.getWorkflows()) {
02|            MDC.put("workflow", wf.getID().toString());
1|            MDC.put("workflow", String.valueOf(wf.getID())); //@CONC-04
            try {
                stepWorkflow(wf, now);
            } catch (Exception e) {
01|                LOGGER.error("Exception in workflow: " + wf.getID(), e);
2|                throw new IllegalStateException("Workflow " + wf.getID() + " failed", e); //@CONC-07
02|            } finally {
02|                MDC.remove("workflow");
            }
        }
    }

    private void stepWorkflow(Workflow wf, ScheduledTime now) throws Exception {
        for (SlotState slot : wf.getSchedule().getSlots(now)) {
            wf.getTrigger().step(slot);
        }
    }
}
''')
cases_of(case, GH + 'collectivemedia/celos/issues/530', src('com.collective.celos', 'Scheduler'),
         J('com.collective.celos', SLF4J + ['org.slf4j.MDC', 'java.util.concurrent.Executors',
                                           'java.util.concurrent.ScheduledExecutorService',
                                           'java.util.concurrent.TimeUnit'])(CELOS), [
             (1, 'java-00-celos-workflow-mdc-never-removed',
              'an edit drops the finally that removes the workflow from the MDC of the scheduler thread', 'edit'),
             (2, 'java-00-celos-failed-workflow-ends-schedule',
              'an edit rethrows a failed workflow step from the scheduled tick, which stops every later tick', 'edit'),
             (0, 'java-ok-00-celos-mdc-removed-failure-logged',
              'clean: the MDC entry removed in finally, a failed workflow logged and the schedule kept', 'fix'),
         ])
