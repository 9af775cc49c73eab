"""Round-37 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every HTTP client sets its timeouts unless the case is about exactly that (TMO-01 reads both ways, as in rounds 13 to
35)."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- CONC-07 / CONC-06: AV control host's shared timers (nodel)
NODEL = template('nodel-timers', r'''
/**
 * The shared timers of a node host: one java.util.Timer thread runs every scheduled callback of the host's nodes, and
 * callbacks that may block are handed to the host's thread pool.
 */
public class Timers {
    private static final Logger logger = LoggerFactory.getLogger(Timers.class);

    private final String name;
    private final Timer timer;
    private final ExecutorService pool;

    public Timers(String name, ExecutorService pool) {
        this.name = name;
        this.timer = new Timer("nodel_timer_" + name, true);
        this.pool = pool;
    }

    /** Runs the task on the timer thread after the delay, then every period milliseconds. */
    public TimerTask schedule(final Runnable task, long delay, long period) {
        TimerTask timerTask = new TimerTask() {
            @Override
            public void run() {
02|                try {
02|                    task.run();
02|                } catch (Exception exc) {
02|                    logger.warn("An unhandled exception occurred within this timer's task; the timer keeps running.", exc);
02|                }
1|                task.run(); //@CONC-07
            }
        };
        timer.schedule(timerTask, delay, period);
        return timerTask;
    }

    /** Hands the task to the thread pool after the delay, so that slow work never holds up the timer thread. */
    public TimerTask scheduleOnPool(final Runnable task, long delay) {
        TimerTask timerTask = new TimerTask() {
            @Override
            public void run() {
01|                pool.execute(() -> {
01|                    try {
01|                        task.run();
01|                    } catch (Exception exc) {
01|                        logger.warn("An unhandled exception occurred within a pooled timer task.", exc);
01|                    }
01|                });
2|                pool.submit(task); //@CONC-06
            }
        };
        timer.schedule(timerTask, delay);
        return timerTask;
    }

    /** Cancels every task of these timers; used when the host shuts down. */
    public void cancel() {
        logger.info("Cancelling the timers of {}.", name);
        timer.cancel();
        timer.purge();
    }
}
''')
cases_of(case, GH + 'museumsvictoria/nodel/issues/149', src('org.nodel.threading', 'Timers'),
         J('org.nodel.threading', SLF4J + ['java.util.Timer', 'java.util.TimerTask',
                                           'java.util.concurrent.ExecutorService'])(NODEL), [
             (1, 'java-00-nodel-timer-task-exception-cancels-shared-timer',
              'an edit runs each scheduled callback straight on the shared timer thread, so the first callback that '
              'throws cancels the timer and every node\'s schedule with it', 'edit'),
             (2, 'java-00-nodel-pooled-timer-task-future-dropped',
              'an edit submits each pooled timer task and drops the returned future, so an exception of the task '
              'vanishes without a log line', 'edit'),
             (0, 'java-ok-00-nodel-guarded-timer-tasks-logged-pool-failures',
              'clean: every timer callback inside a catch that logs, pooled tasks executed with their failures logged',
              'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / ERR-01: Minecraft cloud master's module configs (CloudNet)
CLOUDNET = template('cloudnet-module-config', r'''
/** Reads and writes the module.json of every module the cloud master loads. */
public final class ModuleConfigLoader {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private final Path modulesDirectory;

    public ModuleConfigLoader(Path modulesDirectory) {
        this.modulesDirectory = modulesDirectory;
    }

    /** Returns the configuration of a module, or its defaults when the module has none yet. */
    public ModuleConfig load(String moduleName) throws IOException {
        Path file = modulesDirectory.resolve(moduleName).resolve("module.json");
        if (!Files.exists(file)) {
            return ModuleConfig.defaults(moduleName);
        }
02|        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
02|            ModuleConfig config = GSON.fromJson(reader, ModuleConfig.class);
02|            return config == null ? ModuleConfig.defaults(moduleName) : config;
02|        }
1|        Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8); //@RES-01
1|        ModuleConfig config = GSON.fromJson(reader, ModuleConfig.class);
1|        reader.close();
1|        return config == null ? ModuleConfig.defaults(moduleName) : config;
    }

    /** Writes the configuration of a module, creating its directory when needed. */
    public void save(String moduleName, ModuleConfig config) {
        Path file = modulesDirectory.resolve(moduleName).resolve("module.json");
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                GSON.toJson(config, writer);
            }
        } catch (IOException exception) { //@{2}ERR-01
01|            throw new UncheckedIOException("Cannot write the configuration of module " + moduleName, exception);
2|            // the master keeps the configuration in memory
        }
    }

    /** Lists the modules that have a configuration. */
    public List<String> configuredModules() throws IOException {
        try (Stream<Path> dirs = Files.list(modulesDirectory)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("module.json")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
''')
cases_of(case, GH + 'CloudNetService/CloudNet/issues/11', src('de.dytanic.cloudnetcore.module', 'ModuleConfigLoader'),
         J('de.dytanic.cloudnetcore.module', [
             'com.google.gson.Gson', 'com.google.gson.GsonBuilder', 'java.io.IOException', 'java.io.InputStreamReader',
             'java.io.Reader', 'java.io.UncheckedIOException', 'java.io.Writer', 'java.nio.charset.StandardCharsets',
             'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors',
             'java.util.stream.Stream'])(CLOUDNET), [
             (1, 'java-00-cloudnet-moved-module-config-reader-closed-only-on-success',
              'a PR moves the module configuration loader into the module package and reads module.json outside '
              'try-with-resources, so a malformed file leaks its stream on every load', 'rename'),
             (2, 'java-00-cloudnet-moved-module-config-write-failure-swallowed',
              'a PR moves the module configuration loader and empties the catch of writing module.json, so a full '
              'disk loses a module\'s settings without a word', 'rename'),
             (0, 'java-ok-00-cloudnet-moved-module-config-closed-write-failure-thrown',
              'clean: the move alone; module.json read in try-with-resources, a failed write thrown', 'rename'),
         ], rename_from=src('de.dytanic.cloudnetcore.util', 'ModuleConfigLoader'),
         rename_old=lambda t: t.replace('package de.dytanic.cloudnetcore.module;', 'package de.dytanic.cloudnetcore.util;'))


# ---------------------------------------------------------------- CONC-05 / ERR-01: expect-style session automation library (expect4j)
EXPECT4J = template('expect4j-consumer', r'''
/**
 * Reads the output of a session on its own thread into a buffer that the expect loop waits on.
 */
public class ReaderConsumer implements Consumer {
    private static final Logger logger = Logger.getLogger(ReaderConsumer.class.getName());

    private final Reader reader;
    private final StringBuffer buffer = new StringBuffer();
    private volatile boolean stopRequested = false;
    private volatile boolean foundEOF = false;
    private volatile IOException failure;

    public ReaderConsumer(Reader reader) {
        this.reader = reader;
    }

    @Override
    public void run() {
        char[] cs = new char[256];
        try {
            int length;
            while (!stopRequested && (length = reader.read(cs)) != -1) {
                synchronized (this) {
                    buffer.append(cs, 0, length);
                    notifyAll();
                }
            }
        } catch (IOException ioe) { //@{2}ERR-01
01|            failure = ioe;
01|            logger.log(Level.WARNING, "Reading the session output failed", ioe);
2|            // the session is gone, the finally block ends the wait
        } finally {
            synchronized (this) {
                foundEOF = true;
                notifyAll();
            }
        }
    }

    /** Waits until output arrives, the session ends or the timeout passes. */
    @Override
    public void waitForBuffer(long timeoutMilli) throws IOException {
        synchronized (this) {
            if (buffer.length() == 0 && !foundEOF) {
                try {
                    wait(timeoutMilli);
                } catch (InterruptedException ie) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    throw new InterruptedIOException("Interrupted while waiting for the session output");
1|                    logger.log(Level.FINE, "Woken up while waiting for the session output", ie);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized String pause() {
        String current = buffer.toString();
        buffer.setLength(0);
        return current;
    }

    @Override
    public void stop() {
        stopRequested = true;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public boolean foundEOF() {
        return foundEOF;
    }
}
''')
cases_of(case, GH + 'cverges/expect4j/issues/20', src('expect4j', 'ReaderConsumer'),
         JV('expect4j', {
             0: ['java.io.IOException', 'java.io.InterruptedIOException', 'java.io.Reader', 'java.util.logging.Level',
                 'java.util.logging.Logger'],
             1: ['java.io.IOException', 'java.io.Reader', 'java.util.logging.Level', 'java.util.logging.Logger'],
             2: ['java.io.IOException', 'java.io.InterruptedIOException', 'java.io.Reader', 'java.util.logging.Level',
                 'java.util.logging.Logger']})(EXPECT4J), [
             (1, 'java-00-expect4j-wait-for-output-swallows-interrupt',
              'an edit logs the interrupt of a thread waiting for session output and returns as if the wait timed '
              'out, so a cancelled expect loop keeps running', 'edit'),
             (2, 'java-00-expect4j-session-read-failure-swallowed',
              'an edit empties the catch of reading the session output, so a broken connection looks like a session '
              'that ended normally', 'edit'),
             (0, 'java-ok-00-expect4j-interrupt-restored-read-failure-kept',
              'clean: the interrupt restored and turned into an InterruptedIOException, a read failure kept and '
              'thrown to the waiting caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: Android hybrid-app framework's HTTP helper (triaina)
TRIAINA = template('triaina-http', r'''
/** The HTTP client of the triaina bridge: one OkHttp client for the whole application. */
public final class FixedHttpClient {
    private static final int CONNECTION_TIMEOUT_SECONDS = 30;

    private static Context mApplicationContext = null;
02|    private static volatile OkHttpClient sOkHttpClient;

    private FixedHttpClient() {
    }

    public static void init(Context context) {
        mApplicationContext = context.getApplicationContext();
    }

02|    public static OkHttpClient getInstance() {
02|        OkHttpClient client = sOkHttpClient;
02|        if (client == null) {
02|            synchronized (FixedHttpClient.class) {
02|                client = sOkHttpClient;
02|                if (client == null) {
02|                    client = newClient();
02|                    sOkHttpClient = client;
02|                }
02|            }
02|        }
02|        return client;
02|    }
02|
    private static OkHttpClient newClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(CONNECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .writeTimeout(CONNECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .addNetworkInterceptor(new UserAgentInterceptor(getUserAgentString()))
                .build();
    }

    /** Fetches the body of the request as a string; an answer other than 2xx is an IOException. */
    public static String getString(Request request) throws IOException {
02|        OkHttpClient client = getInstance();
1|        OkHttpClient client = newClient(); //@RES-04
01|        try (Response response = client.newCall(request).execute()) {
01|            if (!response.isSuccessful()) {
01|                throw new IOException("Unexpected response " + response.code() + " for " + request.url());
01|            }
01|            return response.body().string();
01|        }
2|        Response response = client.newCall(request).execute(); //@RES-02
2|        if (!response.isSuccessful()) {
2|            throw new IOException("Unexpected response " + response.code() + " for " + request.url());
2|        }
2|        return response.body().string();
    }

    private static String getUserAgentString() {
        String appVersion = "unknown";
        try {
            PackageInfo info = mApplicationContext.getPackageManager()
                    .getPackageInfo(mApplicationContext.getPackageName(), 0);
            appVersion = info.versionName;
        } catch (PackageManager.NameNotFoundException e) {
            Log.w("FixedHttpClient", "Cannot read the version of the application", e);
        }
        return "triaina/" + appVersion + " " + System.getProperty("http.agent");
    }
}
''')
cases_of(case, GH + 'mixi-inc/triaina/pull/51', src('triaina.commons.http', 'FixedHttpClient'),
         J('triaina.commons.http', [
             'android.content.Context', 'android.content.pm.PackageInfo', 'android.content.pm.PackageManager',
             'android.util.Log', 'java.io.IOException', 'java.util.concurrent.TimeUnit', 'okhttp3.OkHttpClient',
             'okhttp3.Request', 'okhttp3.Response'])(TRIAINA), [
             (1, 'java-00-triaina-okhttp-client-built-per-request',
              'an edit builds a new OkHttp client, with its own connection pool and dispatcher, for every request of '
              'the bridge', 'edit'),
             (2, 'java-00-triaina-error-response-left-open',
              'an edit reads the answer outside try-with-resources, so every non-2xx answer keeps its connection',
              'edit'),
             (0, 'java-ok-00-triaina-shared-client-response-closed',
              'clean: one lazily built client for the application, every answer closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: build tool's javadoc link check (maven-javadoc-plugin)
JAVADOC = template('maven-javadoc-plugin', r'''
    /**
     * Reads the package-list (or element-list) of an external javadoc site, so that links to it can be checked before
     * javadoc runs.
     *
     * @param settings the user settings, for the active proxy
     * @param url the URL of the package-list
     * @return the packages the list names
     * @throws IOException if the list cannot be read
     */
    static List<String> readPackageList(Settings settings, URL url) throws IOException {
        URLConnection conn = openConnection(settings, url); //@{1}TMO-01
02|        conn.setConnectTimeout(DEFAULT_TIMEOUT);
02|        conn.setReadTimeout(DEFAULT_TIMEOUT);
        conn.setRequestProperty("User-Agent", "maven-javadoc-plugin");
01|        try (BufferedReader reader = new BufferedReader(
01|                new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))) {
01|            return parsePackageList(reader);
01|        }
2|        BufferedReader reader = new BufferedReader( //@RES-01
2|                new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
2|        List<String> packages = parsePackageList(reader);
2|        reader.close();
2|        return packages;
    }

    static List<String> parsePackageList(BufferedReader reader) throws IOException {
        List<String> packages = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("module:")) {
                continue;
            }
            packages.add(line);
        }
        return packages;
    }

    private static URLConnection openConnection(Settings settings, URL url) throws IOException {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null || !isProxyFor(proxy, url.getHost())) {
            return url.openConnection();
        }
        java.net.Proxy netProxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
                new InetSocketAddress(proxy.getHost(), proxy.getPort()));
        URLConnection conn = url.openConnection(netProxy);
        if (StringUtils.isNotEmpty(proxy.getUsername())) {
            String credentials = proxy.getUsername() + ":" + proxy.getPassword();
            conn.setRequestProperty("Proxy-Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return conn;
    }

    private static boolean isProxyFor(Proxy proxy, String host) {
        String nonProxyHosts = proxy.getNonProxyHosts();
        if (StringUtils.isEmpty(nonProxyHosts)) {
            return true;
        }
        for (String pattern : nonProxyHosts.split("\\|")) {
            String regex = pattern.trim().replace(".", "\\.").replace("*", ".*");
            if (host.matches(regex)) {
                return false;
            }
        }
        return true;
    }
''')
cases_of(case, GH + 'apache/maven-javadoc-plugin/issues/998', src('org.apache.maven.plugins.javadoc', 'JavadocUtil'),
         (lambda body: (lambda v: java('org.apache.maven.plugins.javadoc', sorted([
             'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
             'java.net.InetSocketAddress', 'java.net.URL', 'java.net.URLConnection',
             'java.nio.charset.StandardCharsets', 'java.util.ArrayList', 'java.util.Base64', 'java.util.List',
             'org.apache.maven.settings.Proxy', 'org.apache.maven.settings.Settings',
             'org.codehaus.plexus.util.StringUtils']),
             '/**\n * Set of utilities methods for Javadoc.\n */\npublic class JavadocUtil {\n'
             '    /** The default timeout used when fetching url, i.e. 2000. */\n'
             '    public static final int DEFAULT_TIMEOUT = 2000;\n\n'
             + variant(body, v).strip('\n') + '\n}\n')))(JAVADOC), [
             (1, 'java-00-maven-javadoc-package-list-fetched-without-timeouts',
              'an edit fetches the package-list of a linked javadoc site without connect and read timeouts, so an '
              'unresponsive site hangs the release build', 'edit'),
             (2, 'java-00-maven-javadoc-package-list-reader-closed-only-on-success',
              'an edit reads the package-list outside try-with-resources, so a connection reset leaks the stream and '
              'its socket', 'edit'),
             (0, 'java-ok-00-maven-javadoc-bounded-fetch-reader-closed',
              'clean: the package-list fetched with both timeouts and read in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: mobile SDK's hit database (Adobe acp-sdks)
ACP = template('acp-sdks-database', r'''
/** The SQLite store of the SDK's queued hits, one table per extension. */
class AndroidDatabase implements Database {
    private static final String LOG_TAG = "AndroidDatabase";

    private final SQLiteDatabase database;

    AndroidDatabase(SQLiteDatabase database) {
        this.database = database;
    }

    /** Returns the oldest row of the table as column names and values, or null when the table is empty. */
    @Override
    public Map<String, String> selectFirst(String table, String[] columns, String orderBy) {
        Cursor cursor = database.query(table, columns, null, null, null, null, orderBy, "1"); //@{1}RES-01
02|        try {
02|            if (!cursor.moveToFirst()) {
02|                return null;
02|            }
02|            return toMap(cursor);
02|        } finally {
02|            cursor.close();
02|        }
1|        if (cursor.moveToFirst()) {
1|            Map<String, String> row = toMap(cursor);
1|            cursor.close();
1|            return row;
1|        }
1|        return null;
    }

    /** Inserts every row in one transaction; returns false, with nothing inserted, when one of them fails. */
    @Override
    public boolean insertAll(String table, List<ContentValues> rows) {
        database.beginTransaction(); //@{2}TX-01
01|        try {
01|            if (!insertRows(table, rows)) {
01|                return false;
01|            }
01|            database.setTransactionSuccessful();
01|            return true;
01|        } finally {
01|            database.endTransaction();
01|        }
2|        if (!insertRows(table, rows)) {
2|            return false;
2|        }
2|        database.setTransactionSuccessful();
2|        database.endTransaction();
2|        return true;
    }

    private boolean insertRows(String table, List<ContentValues> rows) {
        for (ContentValues row : rows) {
            if (database.insert(table, null, row) == -1) {
                Log.w(LOG_TAG, "Failed to insert a row into " + table);
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> toMap(Cursor cursor) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < cursor.getColumnCount(); i++) {
            row.put(cursor.getColumnName(i), cursor.getString(i));
        }
        return row;
    }
}
''')
cases_of(case, GH + 'Adobe-Marketing-Cloud/acp-sdks/issues/280', src('com.adobe.marketing.mobile', 'AndroidDatabase'),
         J('com.adobe.marketing.mobile', [
             'android.content.ContentValues', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
             'android.util.Log', 'java.util.HashMap', 'java.util.List', 'java.util.Map'])(ACP), [
             (1, 'java-00-acp-sdk-first-hit-cursor-closed-only-when-not-empty',
              'an edit closes the cursor of the first queued hit only when the table has a row, so every poll of an '
              'empty queue leaks a cursor until the CursorWindow allocation fails', 'edit'),
             (2, 'java-00-acp-sdk-batch-insert-transaction-not-ended-on-failure',
              'an edit ends the batch-insert transaction only when every row was inserted, so a failed insert leaves '
              'the SQLite transaction open on the connection', 'edit'),
             (0, 'java-ok-00-acp-sdk-cursor-and-transaction-ended-in-finally',
              'clean: the cursor closed and the transaction ended in finally blocks', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-01: context-propagation library's MDC executor (context-propagation)
MDCEXEC = template('context-propagation-mdc', r'''
/**
 * Executors whose tasks run with the SLF4J MDC of the thread that submitted them and leave the pooled thread with the
 * MDC it had before.
 */
public final class MdcPropagatingExecutors {
    private static final Logger LOGGER = Logger.getLogger(MdcPropagatingExecutors.class.getName());

    private MdcPropagatingExecutors() {
    }

    /** A fixed pool of daemon threads with a bounded queue; a full queue runs the task on the submitting thread. */
    public static ExecutorService newFixedThreadPool(String name, int threads, int queueCapacity) {
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), threadFactory(name), new ThreadPoolExecutor.CallerRunsPolicy()) {
            @Override
            public void execute(Runnable command) {
                super.execute(withMdcOfCaller(command));
            }
        };
    }

    static Runnable withMdcOfCaller(Runnable task) {
        final Map<String, String> callerContext = MDC.getCopyOfContextMap();
        return () -> {
            final Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.setContextMap(callerContext != null ? callerContext : Collections.emptyMap()); //@{1}CONC-04
02|            try {
02|                task.run();
02|            } finally {
02|                restore(previous);
02|            }
1|            task.run();
1|            restore(previous);
        };
    }

    private static void restore(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }

    private static ThreadFactory threadFactory(String name) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet()); //@{2}CONC-01
            thread.setDaemon(true);
01|            thread.setUncaughtExceptionHandler((t, e) ->
01|                    LOGGER.log(Level.SEVERE, "Uncaught exception in " + t.getName(), e));
            return thread;
        };
    }
}
''')
cases_of(case, GH + 'talsma-ict/context-propagation/issues/204',
         src('nl.talsmasoftware.context.executors', 'MdcPropagatingExecutors'),
         JV('nl.talsmasoftware.context.executors', {
             v: ['java.util.Collections', 'java.util.Map', 'java.util.concurrent.ArrayBlockingQueue',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                 'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Logger', 'org.slf4j.MDC']
                + (['java.util.logging.Level'] if v != 2 else []) for v in (0, 1, 2)})(MDCEXEC), [
             (1, 'java-00-context-propagation-new-executor-mdc-restored-only-on-success',
              'a new executor sets the caller\'s MDC on the pooled thread and restores the thread\'s own only when the '
              'task returns, so a failing task leaves its request ids on the thread for the next task', 'new'),
             (2, 'java-00-context-propagation-new-executor-threads-without-uncaught-handler',
              'a new executor builds its daemon threads without an uncaught-exception handler, so a failing task '
              'kills its thread with nothing in the application log', 'new'),
             (0, 'java-ok-00-context-propagation-new-executor-mdc-restored-in-finally',
              'clean: a new executor that restores the MDC in finally and logs uncaught exceptions of its threads',
              'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-02: Kafka source connector's changes task (cloudant-kafka-connector)
CLOUDANT = template('cloudant-kafka-connector', r'''
public class SourceChangesTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(SourceChangesTask.class);
    private static final int CONVERTER_QUEUE_CAPACITY = 1024;

    private Cloudant service;
    private String db;
    private String since;
    private int batchSize;
    private ExecutorService converters;

    @Override
    public String version() {
        return ConnectorUtils.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        SourceChangesConnectorConfig config = new SourceChangesConnectorConfig(props);
        service = ServiceCallUtils.makeService(config);
        db = config.getString(InterfaceConst.DB);
        batchSize = config.getInt(InterfaceConst.BATCH_SIZE);
        since = config.getString(InterfaceConst.LAST_CHANGE_SEQ);
        int threads = config.getInt(InterfaceConst.CONVERTER_THREADS);
01|        converters = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(CONVERTER_QUEUE_CAPACITY), new ThreadPoolExecutor.CallerRunsPolicy());
2|        converters = Executors.newCachedThreadPool(); //@CONC-02
        LOG.info("Starting the changes task of {} from sequence {} with {} converter threads", db, since, threads);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        PostChangesOptions options = new PostChangesOptions.Builder(db)
                .since(since)
                .limit(batchSize)
                .includeDocs(true)
                .build();
        ChangesResult changes = service.postChanges(options).execute().getResult();
02|        LOG.debug("Got {} changes since {}", changes.getResults().size(), since);
1|        LOG.debug("Got " + changes.getResults().size() + " changes since " + since + ": " + changes.getResults()); //@LOG-02

        List<Future<SourceRecord>> pending = new ArrayList<>(changes.getResults().size());
        for (ChangesResultItem item : changes.getResults()) {
            pending.add(converters.submit(() -> toSourceRecord(item, changes.getLastSeq())));
        }
        List<SourceRecord> records = new ArrayList<>(pending.size());
        for (Future<SourceRecord> future : pending) {
            try {
                records.add(future.get());
            } catch (ExecutionException e) {
                throw new ConnectException("Cannot convert a change of " + db, e.getCause());
            }
        }
        since = changes.getLastSeq();
        return records;
    }

    private SourceRecord toSourceRecord(ChangesResultItem item, String lastSeq) {
        Map<String, String> partition = Collections.singletonMap(InterfaceConst.URL, service.getServiceUrl());
        Map<String, String> offset = Collections.singletonMap(InterfaceConst.DB, lastSeq);
        return new SourceRecord(partition, offset, null, Schema.STRING_SCHEMA, item.getId(),
                null, DocumentAsSchemaStruct.convert(item.getDoc()));
    }

    @Override
    public void stop() {
        if (converters != null) {
            converters.shutdownNow();
        }
    }
}
''')
cases_of(case, GH + 'IBM/cloudant-kafka-connector/issues/130',
         src('com.ibm.cloud.cloudant.kafka.tasks', 'SourceChangesTask'),
         JV('com.ibm.cloud.cloudant.kafka.tasks', {
             v: SLF4J + ['com.ibm.cloud.cloudant.kafka.common.InterfaceConst',
                         'com.ibm.cloud.cloudant.kafka.common.utils.ServiceCallUtils',
                         'com.ibm.cloud.cloudant.kafka.connectors.SourceChangesConnectorConfig',
                         'com.ibm.cloud.cloudant.kafka.schema.DocumentAsSchemaStruct',
                         'com.ibm.cloud.cloudant.kafka.common.utils.ConnectorUtils',
                         'com.ibm.cloud.cloudant.v1.Cloudant', 'com.ibm.cloud.cloudant.v1.model.ChangesResult',
                         'com.ibm.cloud.cloudant.v1.model.ChangesResultItem',
                         'com.ibm.cloud.cloudant.v1.model.PostChangesOptions', 'java.util.ArrayList',
                         'java.util.Collections', 'java.util.List', 'java.util.Map',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Future', 'org.apache.kafka.connect.data.Schema',
                         'org.apache.kafka.connect.errors.ConnectException',
                         'org.apache.kafka.connect.source.SourceRecord', 'org.apache.kafka.connect.source.SourceTask']
                + (['java.util.concurrent.Executors'] if v == 2 else
                   ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit']) for v in (0, 1, 2)})(CLOUDANT), [
             (1, 'java-00-cloudant-changes-debug-line-concatenates-batch',
              'an edit logs every polled batch of changes at debug by concatenating it, so each poll turns every '
              'document of the batch into a string even with debug off', 'edit'),
             (2, 'java-00-cloudant-converters-unbounded-cached-pool',
              'an edit converts the changes of each batch on a cached thread pool, so a large batch starts a thread '
              'for every document', 'edit'),
             (0, 'java-ok-00-cloudant-parameterised-debug-bounded-converters',
              'clean: one parameterised debug line per batch, converters on a fixed pool with a bounded queue that '
              'runs overflow on the task thread', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: cloud storage SDK's API connection (box-java-sdk)
BOX = template('box-java-sdk-connection', r'''
/**
 * Represents an authenticated connection to the Box API; one connection is shared by every thread of the application
 * and refreshes its tokens when they expire.
 */
public class BoxAPIConnection {
    private static final Logger LOGGER = Logger.getLogger(BoxAPIConnection.class.getName());
    private static final long REFRESH_EPSILON = 60000;

    private final String clientID;
    private final String clientSecret;
    private final ReadWriteLock refreshLock = new ReentrantReadWriteLock();
    private final List<BoxAPIConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private String accessToken;
    private String refreshToken;
    private long lastRefresh;
    private long expires;
    private boolean autoRefresh = true;

    public BoxAPIConnection(String clientID, String clientSecret, String accessToken, String refreshToken) {
        this.clientID = clientID;
        this.clientSecret = clientSecret;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    /** Returns the access token, refreshed first when it is about to expire. */
    public String getAccessToken() {
        if (autoRefresh && canRefresh() && needsRefresh()) {
            refresh();
        }
        refreshLock.readLock().lock();
        try {
            return accessToken;
        } finally {
            refreshLock.readLock().unlock();
        }
    }

    /** Exchanges the refresh token for a new pair of tokens and tells the listeners. */
    public void refresh() {
01|        refreshLock.writeLock().lock();
        try {
            JsonObject json = requestTokens("refresh_token", refreshToken);
            accessToken = json.get("access_token").asString(); //@{2}CONC-03
            refreshToken = json.get("refresh_token").asString();
            lastRefresh = System.currentTimeMillis();
            expires = json.get("expires_in").asLong() * 1000;
            LOGGER.fine("Refreshed the access token of the connection");
        } catch (BoxAPIException e) { //@{1}ERR-01
02|            notifyError(e);
02|            throw e;
1|            // keep the current token, the next call retries the refresh
01|        } finally {
01|            refreshLock.writeLock().unlock();
        }
        notifyRefresh();
    }

    private boolean needsRefresh() {
        refreshLock.readLock().lock();
        try {
            return System.currentTimeMillis() - lastRefresh >= expires - REFRESH_EPSILON;
        } finally {
            refreshLock.readLock().unlock();
        }
    }

    private boolean canRefresh() {
        return refreshToken != null;
    }

    private JsonObject requestTokens(String grantType, String token) {
        String body = String.format("grant_type=%s&%s=%s&client_id=%s&client_secret=%s",
                grantType, grantType, token, clientID, clientSecret);
        BoxAPIRequest request = new BoxAPIRequest(this, tokenURL(), "POST");
        request.shouldAuthenticate(false);
        request.setBody(body);
        BoxJSONResponse response = (BoxJSONResponse) request.send();
        return Json.parse(response.getJSON()).asObject();
    }

    private void notifyRefresh() {
        for (BoxAPIConnectionListener listener : listeners) {
            listener.onRefresh(this);
        }
    }

    private void notifyError(BoxAPIException error) {
        for (BoxAPIConnectionListener listener : listeners) {
            listener.onError(this, error);
        }
    }

    private URL tokenURL() {
        try {
            return new URL("https://api.box.com/oauth2/token");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
''')
cases_of(case, GH + 'box/box-java-sdk/pull/1113', src('com.box.sdk', 'BoxAPIConnection'),
         J('com.box.sdk', ['com.eclipsesource.json.Json', 'com.eclipsesource.json.JsonObject',
                           'java.net.MalformedURLException', 'java.net.URL', 'java.util.List',
                           'java.util.concurrent.CopyOnWriteArrayList', 'java.util.concurrent.locks.ReadWriteLock',
                           'java.util.concurrent.locks.ReentrantReadWriteLock', 'java.util.logging.Logger'])(BOX), [
             (1, 'java-00-box-token-refresh-failure-swallowed',
              'an edit empties the catch of a failed token refresh, so listeners never hear of it and every later '
              'call goes out with the expired token', 'edit'),
             (2, 'java-00-box-token-refresh-writes-without-lock',
              'an edit drops the write lock of the token refresh, so threads reading the token under the read lock '
              'can see a new access token with the old expiry', 'edit'),
             (0, 'java-ok-00-box-locked-refresh-failure-rethrown',
              'clean: the tokens written under the write lock, a failed refresh told to the listeners and rethrown',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: JDBC access library's provider (susom database)
SUSOM = template('susom-database-provider', r'''
    /**
     * Runs the code in a transaction of its own connection: committed when the code returns, rolled back when it
     * throws, and the connection closed either way.
     */
    public <T> T transactReturning(DbCodeTyped<T> code) {
        Connection c = connectionSupplier.get();
02|        boolean committed = false;
        try {
            c.setAutoCommit(false); //@{1}TX-01
            T result = code.run(new DatabaseImpl(c, options));
            c.commit();
02|            committed = true;
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("Unable to run the transaction", e);
        } finally {
02|            if (!committed) {
02|                rollbackQuietly(c);
02|            }
            closeQuietly(c);
        }
    }

    /** Commits the provider's own connection and closes it, whatever the commit does. */
    public void commitAndClose() {
        if (connection == null) {
            return;
        }
        try {
            connection.commit(); //@{2}TX-02
        } catch (SQLException e) {
01|            throw new DatabaseException("Unable to commit the transaction", e);
2|            log.warn("Unable to commit the transaction", e);
        } finally {
            closeQuietly(connection);
            connection = null;
            database = null;
        }
    }

    /** Rolls back the provider's own connection and closes it, whatever the rollback does. */
    public void rollbackAndClose() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DatabaseException("Unable to roll back the transaction", e);
        } finally {
            closeQuietly(connection);
            connection = null;
            database = null;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("Unable to roll back the transaction", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("Unable to close the connection", e);
        }
    }
''')
cases_of(case, GH + 'susom/database/pull/19', src('com.github.susom.database', 'DatabaseProvider'),
         (lambda body: (lambda v: java('com.github.susom.database', sorted(SLF4J + [
             'java.sql.Connection', 'java.sql.SQLException', 'java.util.function.Supplier']),
             '/**\n * Provides database connections and transactions to the application.\n */\n'
             'public final class DatabaseProvider implements Supplier<Database> {\n'
             '    private static final Logger log = LoggerFactory.getLogger(DatabaseProvider.class);\n\n'
             '    private final Supplier<Connection> connectionSupplier;\n'
             '    private final Options options;\n'
             '    private Connection connection;\n'
             '    private Database database;\n\n'
             '    public DatabaseProvider(Supplier<Connection> connectionSupplier, Options options) {\n'
             '        this.connectionSupplier = connectionSupplier;\n'
             '        this.options = options;\n'
             '    }\n\n'
             '    @Override\n'
             '    public Database get() {\n'
             '        if (database == null) {\n'
             '            connection = connectionSupplier.get();\n'
             '            database = new DatabaseImpl(connection, options);\n'
             '        }\n'
             '        return database;\n'
             '    }\n\n'
             + variant(body, v).strip('\n') + '\n}\n')))(SUSOM), [
             (1, 'java-00-susom-transaction-not-rolled-back-on-failure',
              'an edit drops the rollback of a transaction whose code threw, so the connection goes back to the pool '
              'with the failed transaction still open', 'edit'),
             (2, 'java-00-susom-commit-failure-logged-and-ignored',
              'an edit logs a failed commit and returns normally, so the caller believes the transaction was written',
              'edit'),
             (0, 'java-ok-00-susom-rollback-on-failure-commit-error-thrown',
              'clean: an uncommitted transaction rolled back in finally, a failed commit thrown to the caller', 'fix'),
         ])
