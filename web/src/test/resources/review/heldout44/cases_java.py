"""Round-44 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant  # noqa: F401
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / ERR-01: remote database service of an Android plugin (SQLiteStudio remote, letos)
LETOS = template('letos-android-db-service', r'''
/**
 * Serves the queries a desktop SQLiteStudio sends to the databases of the app it is embedded in.
 */
public class SQLiteStudioDbService {
    private static final String TAG = "SQLiteStudioRemote";
    private static final int MAX_ROWS = 10_000;

    private final Map<String, SQLiteDatabase> managedDatabases = new HashMap<>();
    private final Context context;

    public SQLiteStudioDbService(Context context) {
        this.context = context;
    }

    public synchronized List<String> getDbList() {
        List<String> names = new ArrayList<>();
        for (String name : context.databaseList()) {
            if (!name.endsWith("-journal") && !name.endsWith("-wal") && !name.endsWith("-shm")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Runs one statement and returns its columns and at most MAX_ROWS rows, or the error for the client. */
    public synchronized QueryResult execQuery(String dbName, String query) {
        QueryResult result = new QueryResult();
        SQLiteDatabase db = getDb(dbName);
        if (db == null) {
            result.setErrorMessage("No such database: " + dbName);
            return result;
        }
        try {
            Cursor cursor = db.rawQuery(query, null); //@{1}RES-01
02|            try {
02|                readRows(cursor, result);
02|            } finally {
02|                cursor.close();
02|            }
1|            readRows(cursor, result);
        } catch (SQLiteException e) { //@{2}ERR-01
01|            Log.w(TAG, "Query on " + dbName + " failed", e);
01|            result.setErrorMessage(e.getMessage());
        }
        return result;
    }

    private void readRows(Cursor cursor, QueryResult result) {
        result.setColumnNames(Arrays.asList(cursor.getColumnNames()));
        int rows = 0;
        while (cursor.moveToNext() && rows++ < MAX_ROWS) {
            List<Object> row = new ArrayList<>(cursor.getColumnCount());
            for (int i = 0; i < cursor.getColumnCount(); i++) {
                row.add(readValue(cursor, i));
            }
            result.addRow(row);
        }
        result.setTruncated(!cursor.isAfterLast());
    }

    private Object readValue(Cursor cursor, int column) {
        switch (cursor.getType(column)) {
            case Cursor.FIELD_TYPE_INTEGER:
                return cursor.getLong(column);
            case Cursor.FIELD_TYPE_FLOAT:
                return cursor.getDouble(column);
            case Cursor.FIELD_TYPE_BLOB:
                return cursor.getBlob(column);
            case Cursor.FIELD_TYPE_NULL:
                return null;
            default:
                return cursor.getString(column);
        }
    }

    private SQLiteDatabase getDb(String dbName) {
        SQLiteDatabase db = managedDatabases.get(dbName);
        if (db == null || !db.isOpen()) {
            if (!getDbList().contains(dbName)) {
                return null;
            }
            db = context.openOrCreateDatabase(dbName, Context.MODE_PRIVATE, null);
            managedDatabases.put(dbName, db);
        }
        return db;
    }
}
''')
cases_of(case, GH + 'pawelsalawa/letos/issues/2977',
         'SQLiteStudioRemote/sqlitestudioremote/' + src('pl.com.salsoft.sqlitestudioremote.internal', 'SQLiteStudioDbService'),
         J('pl.com.salsoft.sqlitestudioremote.internal', [
             'android.content.Context', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
             'android.database.sqlite.SQLiteException', 'android.util.Log', 'java.util.ArrayList', 'java.util.Arrays',
             'java.util.HashMap', 'java.util.List', 'java.util.Map'])(LETOS), [
             (1, 'java-00-letos-remote-query-cursor-never-closed',
              'an edit drops the finally that closed the cursor of every remote query, so each query the desktop '
              'sends leaves a cursor and its window open in the app until Android reports the leak', 'edit'),
             (2, 'java-00-letos-remote-query-error-swallowed',
              'an edit swallows a failed remote query in an empty catch, so the desktop gets an empty result with no '
              'error and the app\'s log has no trace of it', 'edit'),
             (0, 'java-ok-00-letos-remote-query-cursor-closed-error-reported',
              'clean: every cursor closed in a finally, a failed query logged and returned to the client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: tick scheduler of a game server (Minestom)
MINESTOM = template('minestom-scheduler-tick', r'''
final class SchedulerImpl implements Scheduler {
    private static final Logger LOGGER = LoggerFactory.getLogger(SchedulerImpl.class);

    private final Object lock = new Object();
    private final Int2ObjectAVLTreeMap<List<TaskImpl>> tickTaskQueue = new Int2ObjectAVLTreeMap<>();
    private final MpscUnboundedArrayQueue<TaskImpl> taskQueue = new MpscUnboundedArrayQueue<>(64);
    private int tickState;

    /**
     * Runs every task due at this tick. The server's tick thread calls it once per tick, so everything a task
     * throws must stay inside that task.
     */
    @Override
    public void processTick() {
        final int tick;
        synchronized (lock) {
            tick = ++tickState;
            List<TaskImpl> due = tickTaskQueue.remove(tick);
            if (due != null) {
                due.forEach(taskQueue::relaxedOffer);
            }
        }
        TaskImpl task;
        while ((task = taskQueue.poll()) != null) {
            if (!task.isAlive()) {
                continue;
            }
            TaskSchedule next;
02|            try {
02|                next = task.task().get();
02|            } catch (Throwable t) {
02|                MinecraftServer.getExceptionManager().handleException(t);
02|                task.cancel();
02|                continue;
02|            }
1|            next = task.task().get(); //@CONC-07
            if (next instanceof TaskSchedule.TickSchedule tickSchedule) {
                final int delay = Math.max(1, tickSchedule.tick());
01|                LOGGER.debug("Task {} runs again in {} ticks", task.id(), delay);
2|                LOGGER.debug("Task " + task.id() + " runs again in " + delay + " ticks"); //@LOG-02
                synchronized (lock) {
                    tickTaskQueue.computeIfAbsent(tick + delay, t -> new ArrayList<>()).add(task);
                }
            } else if (next instanceof TaskSchedule.Stop) {
                task.cancel();
            } else {
                handleOtherSchedule(task, next);
            }
        }
    }

    private void handleOtherSchedule(TaskImpl task, TaskSchedule schedule) {
        if (schedule instanceof TaskSchedule.FutureSchedule futureSchedule) {
            futureSchedule.future().thenRun(() -> taskQueue.relaxedOffer(task));
        } else if (schedule instanceof TaskSchedule.Park) {
            task.park();
        } else {
            throw new IllegalStateException("Unknown schedule " + schedule);
        }
    }
}
''')
cases_of(case, GH + 'Minestom/Minestom/pull/2037', src('net.minestom.server.timer', 'SchedulerImpl'),
         J('net.minestom.server.timer', SLF4J + [
             'it.unimi.dsi.fastutil.ints.Int2ObjectAVLTreeMap', 'java.util.ArrayList', 'java.util.List',
             'net.minestom.server.MinecraftServer', 'org.jctools.queues.MpscUnboundedArrayQueue'])(MINESTOM), [
             (1, 'java-00-minestom-scheduler-task-failure-ends-tick',
              'an edit runs each due task outside any catch, so one task that throws skips every later task of the '
              'tick and the exception reaches the server\'s tick loop', 'edit'),
             (2, 'java-00-minestom-scheduler-reschedule-debug-concatenated',
              'an edit builds the per-task reschedule debug line by string concatenation, on a path every repeating '
              'task takes twenty times a second, whether or not debug is on', 'edit'),
             (0, 'java-ok-00-minestom-scheduler-task-failure-contained-parameterised-debug',
              'clean: a failing task handled and cancelled on its own, the reschedule line parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-03: async task pool of a game server (Nukkit)
NUKKIT = template('nukkit-server-scheduler', r'''
public class ServerScheduler {
    public static int WORKERS = 4;

    private final AsyncPool asyncPool;
    private final Queue<TaskHandler> pending = new ConcurrentLinkedQueue<>();
02|    private final Map<Integer, TaskHandler> taskMap = new ConcurrentHashMap<>();
1|    private final Map<Integer, TaskHandler> taskMap = new HashMap<>(); //@CONC-03
    private final AtomicInteger currentTaskId = new AtomicInteger();
    private volatile int currentTick = -1;

    public ServerScheduler() {
        this.asyncPool = new AsyncPool(Server.getInstance(), WORKERS);
    }

    /** Runs task on the async pool now; plugins call it from any thread, async tasks included. */
    public TaskHandler scheduleAsyncTask(Plugin plugin, AsyncTask task) {
        validate(plugin);
        TaskHandler handler = new TaskHandler(plugin, task, nextTaskId(), true);
        taskMap.put(handler.getTaskId(), handler);
01|        asyncPool.execute(() -> runAsync(handler, task));
2|        asyncPool.submit(task); //@CONC-06
        return handler;
    }

01|    private void runAsync(TaskHandler handler, AsyncTask task) {
01|        try {
01|            task.run();
01|        } catch (Throwable t) {
01|            Server.getInstance().getLogger().critical("Async task " + handler.getTaskId() + " of "
01|                    + handler.getPlugin().getName() + " failed", t);
01|        } finally {
01|            taskMap.remove(handler.getTaskId());
01|        }
01|    }
01|
    public void cancelTask(int taskId) {
        TaskHandler handler = taskMap.remove(taskId);
        if (handler != null) {
            handler.cancel();
        }
    }

    public void cancelTask(Plugin plugin) {
        taskMap.values().removeIf(handler -> {
            if (handler.getPlugin() == plugin) {
                handler.cancel();
                return true;
            }
            return false;
        });
    }

    public boolean isQueued(int taskId) {
        return taskMap.containsKey(taskId);
    }

    private void validate(Plugin plugin) {
        if (plugin == null) {
            throw new PluginException("Plugin cannot be null");
        }
        if (!plugin.isEnabled()) {
            throw new PluginException("Plugin #" + plugin.getName() + " attempted to register a task while disabled");
        }
    }

    private int nextTaskId() {
        return currentTaskId.incrementAndGet();
    }
}
''')
NUKKIT_BASE = ['cn.nukkit.Server', 'cn.nukkit.plugin.Plugin', 'cn.nukkit.utils.PluginException', 'java.util.Map',
               'java.util.Queue', 'java.util.concurrent.ConcurrentLinkedQueue',
               'java.util.concurrent.atomic.AtomicInteger']
NUKKIT_IMPORTS = {0: NUKKIT_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                  1: NUKKIT_BASE + ['java.util.HashMap'],
                  2: NUKKIT_BASE + ['java.util.concurrent.ConcurrentHashMap']}
cases_of(case, GH + 'Nukkit/Nukkit/issues/1109', src('cn.nukkit.scheduler', 'ServerScheduler'),
         JV('cn.nukkit.scheduler', NUKKIT_IMPORTS)(NUKKIT), [
             (1, 'java-00-nukkit-scheduler-task-map-plain-hashmap',
              'an edit turns the task map into a plain HashMap, while plugins schedule and cancel tasks from the '
              'main thread and from async tasks at once', 'edit'),
             (2, 'java-00-nukkit-scheduler-async-task-future-dropped',
              'an edit hands async tasks to the pool with submit and drops the future, so whatever a plugin\'s async '
              'task throws disappears and its handler stays queued forever', 'edit'),
             (0, 'java-ok-00-nukkit-scheduler-concurrent-map-guarded-async-run',
              'clean: a concurrent task map, each async task run through a wrapper that logs a failure and forgets '
              'the handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: mining script of a game client's plugin hub (Microbot-Hub)
MICROBOT = template('microbot-motherlode-script', r'''
public class MotherloadMineScript extends Script {
    private static final Logger log = LoggerFactory.getLogger(MotherloadMineScript.class);
    private static final long TICK_MS = 600;

    private final MotherloadMineConfig config;
    private volatile MLMStatus status = MLMStatus.IDLE;

    public MotherloadMineScript(MotherloadMineConfig config) {
        this.config = config;
    }

    public boolean run() {
        mainScheduledFuture = scheduledExecutorService.scheduleWithFixedDelay(this::executeTask, 0, TICK_MS,
                TimeUnit.MILLISECONDS);
        return true;
    }

    private void executeTask() {
        if (!super.run() || !Microbot.isLoggedIn()) {
            return;
        }
02|        try {
02|            tick();
02|        } catch (Exception e) {
02|            log.warn("Motherlode tick failed in state {}, starting over", status, e);
02|            status = MLMStatus.IDLE;
02|        }
1|        tick(); //@CONC-07
    }

    private void tick() {
        switch (status) {
            case IDLE:
                status = Rs2Inventory.isFull() ? MLMStatus.DEPOSIT_HOPPER : MLMStatus.MINING;
                break;
            case MINING:
                mineVein();
                break;
            case DEPOSIT_HOPPER:
                depositHopper();
                break;
            case EMPTY_SACK:
                emptySack();
                break;
            default:
                status = MLMStatus.IDLE;
        }
    }

    private void depositHopper() {
        if (!Rs2GameObject.interact(ObjectID.HOPPER_26674)) {
            return;
        }
        try {
            Thread.sleep(config.hopperWaitMs());
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|            return;
01|        }
2|        } catch (InterruptedException ignored) { //@CONC-05
2|        }
        status = sackNeedsEmptying() ? MLMStatus.EMPTY_SACK : MLMStatus.MINING;
    }

    private boolean sackNeedsEmptying() {
        return Microbot.getVarbitValue(Varbits.SACK_NUMBER) >= config.sackLimit();
    }

    private void mineVein() {
        if (Rs2Inventory.isFull()) {
            status = MLMStatus.DEPOSIT_HOPPER;
            return;
        }
        Rs2GameObject.interact("Ore vein", "Mine");
    }

    private void emptySack() {
        Rs2GameObject.interact(ObjectID.SACK_26688);
        status = MLMStatus.IDLE;
    }
}
''')
cases_of(case, GH + 'chsami/Microbot-Hub/pull/475',
         src('net.runelite.client.plugins.microbot.mining.motherloadmine', 'MotherloadMineScript'),
         J('net.runelite.client.plugins.microbot.mining.motherloadmine', SLF4J + [
             'java.util.concurrent.TimeUnit', 'net.runelite.api.ObjectID', 'net.runelite.api.Varbits',
             'net.runelite.client.plugins.microbot.Microbot', 'net.runelite.client.plugins.microbot.Script',
             'net.runelite.client.plugins.microbot.util.gameobject.Rs2GameObject',
             'net.runelite.client.plugins.microbot.util.inventory.Rs2Inventory'])(MICROBOT), [
             (1, 'java-00-microbot-motherlode-tick-outside-any-catch',
              'an edit calls the mining tick outside any catch, so the first tick that throws silently cancels the '
              'fixed-delay loop and the plugin sits on IDLE while it still shows as running', 'edit'),
             (2, 'java-00-microbot-motherlode-hopper-wait-interrupt-swallowed',
              'an edit swallows the interrupt of the hopper wait, so stopping the plugin (which interrupts the '
              'script thread) goes on to the next state as if nothing happened', 'edit'),
             (0, 'java-ok-00-microbot-motherlode-tick-caught-interrupt-restored',
              'clean: each tick catching and logging its failure, the hopper wait restoring the interrupt and '
              'returning', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP transport of a cloud SDK integration (micronaut-oracle-cloud), a renamed class
OCI = template('oci-http-transport', r'''
/**
 * Sends the requests of the OCI SDK through the JDK's HTTP client, with the connect and read timeouts of the
 * SDK's client configuration.
 */
public final class JdkOciHttpTransport implements OciHttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JdkOciHttpTransport.class);

01|    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Executor executor;

    public JdkOciHttpTransport(ClientConfiguration configuration, Executor executor) {
        this.connectTimeout = Duration.ofMillis(configuration.getConnectionTimeoutMillis());
        this.readTimeout = Duration.ofMillis(configuration.getReadTimeoutMillis());
        this.executor = executor;
01|        this.client = HttpClient.newBuilder()
01|                .connectTimeout(connectTimeout)
01|                .executor(executor)
01|                .followRedirects(HttpClient.Redirect.NEVER)
01|                .build();
    }

    @Override
    public CompletableFuture<OciHttpResponse> send(OciHttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()) //@{1}TMO-01
02|                .timeout(readTimeout)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
2|        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor).build(); //@RES-04
        LOG.trace("OCI {} {}", request.method(), request.uri());
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new OciHttpResponse(response.statusCode(), response.headers().map(),
                        response.body()));
    }
}
''')
cases_of(case, GH + 'micronaut-projects/micronaut-oracle-cloud/pull/743',
         'oraclecloud-httpclient/' + src('io.micronaut.oraclecloud.httpclient', 'JdkOciHttpTransport'),
         J('io.micronaut.oraclecloud.httpclient', SLF4J + [
             'com.oracle.bmc.ClientConfiguration', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.concurrent.CompletableFuture',
             'java.util.concurrent.Executor'])(OCI), [
             (1, 'java-00-oci-renamed-transport-request-without-read-timeout',
              'a PR renames the SDK\'s HTTP transport class and builds its requests without the read timeout of the '
              'configuration, so a server that accepts and never answers holds the call forever', 'rename'),
             (2, 'java-00-oci-renamed-transport-client-per-request',
              'a PR renames the SDK\'s HTTP transport class and builds a new JDK client for every request, so no '
              'connection is reused and each call pays a new TLS handshake and selector thread', 'rename'),
             (0, 'java-ok-00-oci-renamed-transport-shared-client-read-timeout',
              'clean: the rename alone; one client built with the connect timeout, every request with the read '
              'timeout', 'rename'),
         ], rename_from='oraclecloud-httpclient/' + src('io.micronaut.oraclecloud.httpclient', 'NettyOciHttpTransport'),
         rename_old=lambda t: t.replace('JdkOciHttpTransport', 'NettyOciHttpTransport'))


# ---------------------------------------------------------------- TMO-01 / RES-02: request helper of a storage SDK (azure-storage-java), a CRLF file
AZURE = template('azure-storage-base-request', r'''
/**
 * Builds the HttpURLConnections of the storage clients and reads their answers.
 */
public final class BaseRequest {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private BaseRequest() {
    }

    /** Opens a connection to uri with the options' timeouts, ready for its method and headers. */
    public static HttpURLConnection createURLConnection(URI uri, RequestOptions options, OperationContext opContext)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(opContext.getProxy()); //@{1}TMO-01
        int timeoutMs = Utility.getRemainingTimeout(options.getOperationExpiryTimeInMs(), options.getTimeoutIntervalInMs());
        connection.setConnectTimeout(timeoutMs);
02|        connection.setReadTimeout(timeoutMs);
        connection.setUseCaches(false);
        connection.setDoInput(true);
        connection.setRequestProperty(Constants.HeaderConstants.STORAGE_VERSION_HEADER,
                Constants.HeaderConstants.TARGET_STORAGE_VERSION);
        connection.setRequestProperty(Constants.HeaderConstants.USER_AGENT, getUserAgent());
        connection.setRequestProperty(Constants.HeaderConstants.CLIENT_REQUEST_ID_HEADER,
                opContext.getClientRequestID());
        return connection;
    }

    /** Reads the body of a successful answer, or throws the storage error an unsuccessful one carries. */
    public static byte[] readResponse(HttpURLConnection connection, OperationContext opContext)
            throws IOException, StorageException {
        int status = connection.getResponseCode();
        if (status >= 400) {
01|            try (InputStream error = connection.getErrorStream()) {
01|                String body = error == null ? "" : readLimited(error, MAX_ERROR_BODY);
01|                throw StorageException.translateFromHttpStatus(status, connection.getResponseMessage(), body, opContext);
01|            }
2|            InputStream error = connection.getErrorStream(); //@RES-02
2|            String body = error == null ? "" : readLimited(error, MAX_ERROR_BODY);
2|            throw StorageException.translateFromHttpStatus(status, connection.getResponseMessage(), body, opContext);
        }
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String readLimited(InputStream in, int limit) throws IOException {
        byte[] buf = in.readNBytes(limit);
        return new String(buf, StandardCharsets.UTF_8);
    }

    private static String getUserAgent() {
        return Constants.HeaderConstants.USER_AGENT_PREFIX + "/" + Constants.HeaderConstants.USER_AGENT_VERSION;
    }
}
''')
cases_of(case, GH + 'Azure/azure-storage-java/issues/33',
         'microsoft-azure-storage/' + src('com.microsoft.azure.storage.core', 'BaseRequest'),
         J('com.microsoft.azure.storage.core', [
             'com.microsoft.azure.storage.Constants', 'com.microsoft.azure.storage.OperationContext',
             'com.microsoft.azure.storage.RequestOptions', 'com.microsoft.azure.storage.StorageException',
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URI',
             'java.nio.charset.StandardCharsets'])(AZURE), [
             (1, 'java-00-azure-storage-connection-without-read-timeout',
              'an edit drops the read timeout of every storage connection, so a kept-alive connection the service '
              'stopped answering on blocks the operation forever', 'edit'),
             (2, 'java-00-azure-storage-error-stream-not-closed',
              'an edit reads the error body of a failed answer without closing the stream, so each storage error '
              'keeps its connection out of the keep-alive cache', 'edit'),
             (0, 'java-ok-00-azure-storage-read-timeout-error-stream-closed',
              'clean: connect and read timeouts set on every connection, the error body read in a '
              'try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / ERR-01: cron scheduler of an IoT platform (beaver-iot)
BEAVER = template('beaver-cron-next-fire', r'''
@Slf4j
@Component
public class CronNextFireCalculator {
    private final ScheduledTaskRepository repository;

    public CronNextFireCalculator(ScheduledTaskRepository repository) {
        this.repository = repository;
    }

    /**
     * The next time the task's cron expression fires after now, in the time zone the user chose for the task
     * (a "0 0 8 * * *" of a user in Shanghai means 08:00 in Shanghai whatever the server's zone is).
     */
    public Optional<Instant> nextFire(ScheduledTask task) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(task.getCron());
        } catch (IllegalArgumentException e) { //@{2}ERR-01
01|            log.warn("Task {} has an invalid cron expression '{}'", task.getId(), task.getCron(), e);
01|            task.setStatus(TaskStatus.INVALID);
01|            repository.save(task);
            return Optional.empty();
        }
02|        ZoneId zone = ZoneId.of(task.getTimezone());
02|        ZonedDateTime next = cron.next(ZonedDateTime.now(zone));
1|        ZonedDateTime next = cron.next(ZonedDateTime.now()); //@TIME-01
        if (next == null) {
            log.info("Task {} has no further fire time", task.getId());
            return Optional.empty();
        }
        return Optional.of(next.toInstant());
    }

    /** Recomputes the next fire time of every enabled task, after a restart or a change of the tasks. */
    public void refreshAll() {
        for (ScheduledTask task : repository.findByStatus(TaskStatus.ENABLED)) {
            nextFire(task).ifPresent(at -> {
                task.setNextFireAt(at.toEpochMilli());
                repository.save(task);
            });
        }
    }
}
''')
BEAVER_BASE = ['com.milesight.beaveriot.scheduler.po.ScheduledTask',
               'com.milesight.beaveriot.scheduler.po.TaskStatus',
               'com.milesight.beaveriot.scheduler.repository.ScheduledTaskRepository', 'java.time.Instant',
               'java.time.ZonedDateTime', 'java.util.Optional', 'lombok.extern.slf4j.Slf4j',
               'org.springframework.scheduling.support.CronExpression', 'org.springframework.stereotype.Component']
BEAVER_IMPORTS = {0: BEAVER_BASE + ['java.time.ZoneId'], 1: BEAVER_BASE, 2: BEAVER_BASE + ['java.time.ZoneId']}
cases_of(case, GH + 'Milesight-IoT/beaver-iot/pull/215',
         'services/scheduler/' + src('com.milesight.beaveriot.scheduler.core', 'CronNextFireCalculator'),
         JV('com.milesight.beaveriot.scheduler.core', BEAVER_IMPORTS)(BEAVER), [
             (1, 'java-00-beaver-cron-next-fire-in-server-zone',
              'an edit computes a task\'s next fire time from the server\'s default zone instead of the zone the '
              'user chose, so every task fires hours off on a server that runs in UTC', 'edit'),
             (2, 'java-00-beaver-cron-invalid-expression-swallowed',
              'an edit answers an invalid cron expression with an empty result and nothing else, so the task stays '
              'enabled, never fires and nobody learns why', 'edit'),
             (0, 'java-ok-00-beaver-cron-user-zone-invalid-expression-flagged',
              'clean: the next fire time computed in the task\'s own zone, an invalid expression logged and the task '
              'marked invalid', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-05: queue consumer of a search-index river (elasticsearch-river-activemq), a new file
RIVER = template('river-activemq-consumer', r'''
/**
 * Reads the river's queue and hands the messages to the bulk indexer, reconnecting after a broker failure.
 */
public class ActiveMQConsumer implements Runnable {
    private final ESLogger logger;
    private final ConnectionFactory connectionFactory;
    private final String sourceName;
    private final BulkIndexer indexer;
    private final long receiveTimeoutMs;
    private final long reconnectDelayMs;
    private volatile boolean closed;

    public ActiveMQConsumer(ESLogger logger, ConnectionFactory connectionFactory, String sourceName,
            BulkIndexer indexer, long receiveTimeoutMs, long reconnectDelayMs) {
        this.logger = logger;
        this.connectionFactory = connectionFactory;
        this.sourceName = sourceName;
        this.indexer = indexer;
        this.receiveTimeoutMs = receiveTimeoutMs;
        this.reconnectDelayMs = reconnectDelayMs;
    }

    public void close() {
        closed = true;
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                consume();
            } catch (JMSException e) {
                if (closed) {
                    return;
                }
                logger.warn("activemq connection failed, reconnecting in {} ms", e, reconnectDelayMs);
                try {
                    Thread.sleep(reconnectDelayMs);
02|                } catch (InterruptedException ie) {
02|                    Thread.currentThread().interrupt();
02|                    return;
02|                }
1|                } catch (InterruptedException ie) { //@CONC-05
1|                    // try again at once
1|                }
            }
        }
    }

    private void consume() throws JMSException {
        Connection connection = connectionFactory.createConnection();
        try {
            connection.start();
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(sourceName));
            while (!closed) {
                Message message = consumer.receive(receiveTimeoutMs);
                if (message == null) {
                    indexer.flushIfDue();
                    continue;
                }
2|                logger.info("received message [{}] from [{}]", message.getJMSMessageID(), sourceName); //@LOG-01
                if (message instanceof TextMessage) {
                    indexer.add(((TextMessage) message).getText());
                } else {
                    logger.warn("skipping a non-text message on [{}]", sourceName);
                }
                if (indexer.flushIfDue()) {
                    message.acknowledge();
                }
            }
        } finally {
            connection.close();
        }
    }
}
''')
cases_of(case, GH + 'domdorn/elasticsearch-river-activemq/pull/6',
         src('org.elasticsearch.river.activemq', 'ActiveMQConsumer'),
         J('org.elasticsearch.river.activemq', [
             'javax.jms.Connection', 'javax.jms.ConnectionFactory', 'javax.jms.JMSException', 'javax.jms.Message',
             'javax.jms.MessageConsumer', 'javax.jms.Session', 'javax.jms.TextMessage',
             'org.elasticsearch.common.logging.ESLogger'])(RIVER), [
             (1, 'java-00-river-new-consumer-reconnect-interrupt-swallowed',
              'a new queue consumer swallows the interrupt of its reconnect wait, so closing the river while the '
              'broker is down leaves the thread looping on reconnects', 'new'),
             (2, 'java-00-river-new-consumer-info-line-per-message',
              'a new queue consumer logs every message it receives at info level, one line per indexed document', 'new'),
             (0, 'java-ok-00-river-new-consumer-interrupt-restored-quiet-messages',
              'clean: a new queue consumer that restores the interrupt and stops, with no log line per message', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: transaction runner of a database client (vertx-jdbc-client)
VERTX = template('vertx-jdbc-tx-runner', r'''
/**
 * Runs a unit of work in one JDBC transaction on a worker thread, on a connection of the pool.
 */
public class JDBCTxRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JDBCTxRunner.class);

    private final DataSource dataSource;

    public JDBCTxRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs work in a transaction and gives the connection back to the pool in autocommit mode. */
    public <T> T withTransaction(SqlFunction<Connection, T> work) throws SQLException {
01|        try (Connection conn = dataSource.getConnection()) {
01|            return inTransaction(conn, work);
01|        }
2|        Connection conn = dataSource.getConnection(); //@RES-01
2|        return inTransaction(conn, work);
    }

    private <T> T inTransaction(Connection conn, SqlFunction<Connection, T> work) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try {
            T result = work.apply(conn);
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) { //@{1}TX-01
02|            rollbackQuietly(conn, e);
            throw e;
        } finally {
            restoreAutoCommit(conn, autoCommit);
        }
    }

    private static void rollbackQuietly(Connection conn, Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
            LOG.warn("rollback failed", rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection conn, boolean autoCommit) throws SQLException {
        if (conn.getAutoCommit() != autoCommit) {
            conn.setAutoCommit(autoCommit);
        }
    }
}
''')
cases_of(case, GH + 'vert-x3/vertx-jdbc-client/issues/356', src('io.vertx.jdbcclient.impl', 'JDBCTxRunner'),
         J('io.vertx.jdbcclient.impl', SLF4J + [
             'io.vertx.jdbcclient.SqlFunction', 'java.sql.Connection', 'java.sql.SQLException',
             'javax.sql.DataSource'])(VERTX), [
             (1, 'java-00-vertx-jdbc-failed-work-not-rolled-back',
              'an edit drops the rollback when the work throws, and the finally then turns autocommit back on, '
              'which commits the half-done work of the failed transaction', 'edit'),
             (2, 'java-00-vertx-jdbc-connection-never-returned',
              'an edit takes a pooled connection per transaction and never closes it, so the pool runs dry after as '
              'many transactions as it has connections', 'edit'),
             (0, 'java-ok-00-vertx-jdbc-rolled-back-connection-returned',
              'clean: failed work rolled back before autocommit is restored, each connection closed by '
              'try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-01: message loop of a NATS-JMS bridge (nats-jms-bridge)
NATSBRIDGE = template('nats-bridge-process', r'''
public class MessageBridgeImpl implements MessageBridge {
    private final String name;
    private final MessageBus sourceBus;
    private final MessageBus destinationBus;
    private final boolean requestReply;
    private final Logger runtimeLogger;
    private final Counter forwarded;
    private final Counter failures;

    public MessageBridgeImpl(String name, MessageBus sourceBus, MessageBus destinationBus, boolean requestReply,
            Logger runtimeLogger, MeterRegistry registry) {
        this.name = name;
        this.sourceBus = sourceBus;
        this.destinationBus = destinationBus;
        this.requestReply = requestReply;
        this.runtimeLogger = runtimeLogger;
        this.forwarded = registry.counter("bridge.forwarded", "bridge", name);
        this.failures = registry.counter("bridge.failures", "bridge", name);
    }

    /** Moves at most one message from the source to the destination; the bridge's worker calls it in a loop. */
    @Override
    public int process() {
        Optional<Message> receive = sourceBus.receive();
        if (receive.isEmpty()) {
            return 0;
        }
        Message message = receive.get();
        MDC.put("bridge", name); //@{1}CONC-04
        MDC.put("correlationId", message.correlationID());
02|        try {
02|            return forward(message);
02|        } catch (RuntimeException e) {
02|            failures.increment();
02|            runtimeLogger.error("The {} bridge could not forward a message", name, e);
02|            return 0;
02|        } finally {
02|            MDC.remove("bridge");
02|            MDC.remove("correlationId");
02|        }
1|        return forward(message);
    }

    private int forward(Message message) {
2|        runtimeLogger.info("The {} bridge received message with body {}", name, message.bodyAsString()); //@LOG-01
        if (requestReply) {
            destinationBus.request(message, reply -> message.reply(reply));
        } else {
            destinationBus.publish(message);
        }
        forwarded.increment();
        return 1;
    }
}
''')
cases_of(case, GH + 'nats-io/nats-jms-bridge/issues/176',
         'core/' + src('io.nats.bridge.support', 'MessageBridgeImpl'),
         J('io.nats.bridge.support', [
             'io.micrometer.core.instrument.Counter', 'io.micrometer.core.instrument.MeterRegistry',
             'io.nats.bridge.MessageBridge', 'io.nats.bridge.MessageBus', 'io.nats.bridge.messages.Message',
             'java.util.Optional', 'org.slf4j.Logger', 'org.slf4j.MDC'])(NATSBRIDGE), [
             (1, 'java-00-nats-bridge-mdc-left-on-worker-thread',
              'an edit drops the try/finally that removed the bridge\'s MDC keys, so the worker thread carries the '
              'last message\'s correlation id into every later log line', 'edit'),
             (2, 'java-00-nats-bridge-body-logged-per-message',
              'an edit logs the whole body of every message the bridge moves at info level, so the logs grow with '
              'the traffic', 'edit'),
             (0, 'java-ok-00-nats-bridge-mdc-removed-quiet-bodies',
              'clean: the MDC keys removed in a finally, no log line per message', 'fix'),
         ])
