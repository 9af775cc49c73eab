"""Round-33 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-02 / RES-01: block change queue (AdamantineShield)
ADAMANTINE = template('adamantine', r'''
/**
 * Collects the block and container changes the listeners report on the server thread and writes them to the database
 * in batches from an asynchronous task that runs every second.
 */
public class ChangeQueue implements Runnable {
    private static final int MAX_PENDING = 50_000;
    private static final int BATCH_SIZE = 500;
    private static final String INSERT_SQL = "INSERT INTO AS_Blocks (x, y, z, world, type, old_block, new_block, "
            + "cause, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AdamantineShield plugin;
    private final Database db;
02|    private final BlockingQueue<BlockChange> queue = new ArrayBlockingQueue<>(MAX_PENDING);
02|    private final AtomicLong dropped = new AtomicLong();
1|    private final Queue<BlockChange> queue = new ConcurrentLinkedQueue<>(); //@CONC-02

    public ChangeQueue(AdamantineShield plugin, Database db) {
        this.plugin = plugin;
        this.db = db;
    }

    /** Called by the listeners for every change; never blocks the server thread. */
    public void add(BlockChange change) {
02|        if (!queue.offer(change) && dropped.incrementAndGet() % 1000 == 1) {
02|            plugin.getLogger().warn("The change queue is full, {} changes dropped so far", dropped.get());
02|        }
1|        queue.add(change);
    }

    @Override
    public void run() {
        if (queue.isEmpty()) {
            return;
        }
01|        try (Connection conn = db.getConnection();
01|                PreparedStatement ps = conn.prepareStatement(INSERT_SQL)) {
2|        try {
2|            Connection conn = db.getConnection(); //@RES-01
2|            PreparedStatement ps = conn.prepareStatement(INSERT_SQL);
            ps.setQueryTimeout(30);
            int count = 0;
            BlockChange change;
            while (count < BATCH_SIZE && (change = queue.poll()) != null) {
                change.bind(ps);
                ps.addBatch();
                count++;
            }
            ps.executeBatch();
        } catch (SQLException e) {
            plugin.getLogger().error("Could not write a batch of block changes", e);
        }
    }
}
''')
ADAMANTINE_IMPORTS = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                      'com.karanumcoding.adamantineshield.AdamantineShield', 'com.karanumcoding.adamantineshield.db.Database']
cases_of(case, GH + 'Karanum/AdamantineShield/issues/8', src('com.karanumcoding.adamantineshield.db.queue', 'ChangeQueue'),
         JV('com.karanumcoding.adamantineshield.db.queue', {
             0: ADAMANTINE_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
                                      'java.util.concurrent.atomic.AtomicLong'],
             1: ADAMANTINE_IMPORTS + ['java.util.Queue', 'java.util.concurrent.ConcurrentLinkedQueue'],
             2: ADAMANTINE_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
                                      'java.util.concurrent.atomic.AtomicLong']})(ADAMANTINE), [
             (1, 'java-00-adamantine-change-queue-unbounded',
              'an edit keeps the pending block changes in an unbounded queue, so a slow database grows it until the server runs out of memory', 'edit'),
             (2, 'java-00-adamantine-batch-connection-never-closed',
              'an edit takes the connection and statement of each batch outside try-with-resources and never closes them', 'edit'),
             (0, 'java-ok-00-adamantine-bounded-queue-batch-in-try',
              'clean: a bounded queue that drops with a warning, connection and statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: timed commands, renamed (CommandTimer)
COMMANDTIMER = template('commandtimer', r'''
/** Runs the configured command tasks at their times of day; the timer checks once a second which tasks are due. */
public class TaskScheduler {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Plugin plugin;
    private final Timer timer = new Timer("CommandTimer-tasks", true);
    private volatile Map<CommandTask, List<LocalTime>> timesByTask = Collections.emptyMap();

    public TaskScheduler(Plugin plugin) {
        this.plugin = plugin;
    }

    public void start(Collection<CommandTask> tasks) {
        timesByTask = loadTimes(tasks);
        timer.scheduleAtFixedRate(new TimerTask() { //@{1}CONC-07
            @Override
            public void run() {
02|                try {
02|                    runDueTasks(LocalTime.now().withNano(0));
02|                } catch (RuntimeException e) {
02|                    plugin.getLogger().log(Level.SEVERE, "Could not run the due command tasks", e);
02|                }
1|                runDueTasks(LocalTime.now().withNano(0));
            }
        }, 1000L, 1000L);
    }

    public void stop() {
        timer.cancel();
    }

    private void runDueTasks(LocalTime now) {
        for (Map.Entry<CommandTask, List<LocalTime>> entry : timesByTask.entrySet()) {
            CommandTask task = entry.getKey();
            if (!entry.getValue().contains(now) || !task.conditionsMet()) {
                continue;
            }
            for (String command : task.getCommands()) {
                // Commands must be dispatched on the server thread.
                Bukkit.getScheduler().runTask(plugin, () -> task.getGender().dispatch(command));
            }
        }
    }

    private Map<CommandTask, List<LocalTime>> loadTimes(Collection<CommandTask> tasks) {
        Map<CommandTask, List<LocalTime>> result = new HashMap<>();
        for (CommandTask task : tasks) {
            List<LocalTime> times = new ArrayList<>();
            for (String time : task.getTimes()) {
                try {
                    times.add(LocalTime.parse(time, TIME));
                } catch (DateTimeParseException e) { //@{2}ERR-01
01|                    plugin.getLogger().log(Level.WARNING, "Task {0} has an invalid time ''{1}'', expected HH:mm:ss",
01|                            new Object[] {task.getName(), time});
2|                    // a malformed time is skipped
                }
            }
            result.put(task, times);
        }
        return Collections.unmodifiableMap(result);
    }
}
''')
cases_of(case, GH + 'titivermeesch/CommandTimer/issues/63', src('me.playbosswar.com.tasks', 'TaskScheduler'),
         J('me.playbosswar.com.tasks', [
             'java.time.LocalTime', 'java.time.format.DateTimeFormatter', 'java.time.format.DateTimeParseException',
             'java.util.ArrayList', 'java.util.Collection', 'java.util.Collections', 'java.util.HashMap', 'java.util.List',
             'java.util.Map', 'java.util.Timer', 'java.util.TimerTask', 'java.util.logging.Level', 'org.bukkit.Bukkit',
             'org.bukkit.plugin.Plugin'])(COMMANDTIMER), [
             (1, 'java-00-commandtimer-renamed-scheduler-timer-task-dies-on-first-error',
              'a PR renames the timer class and runs the due tasks from a TimerTask without a catch, so one failure kills the timer for good', 'rename'),
             (2, 'java-00-commandtimer-renamed-scheduler-bad-time-skipped-silently',
              'a PR renames the timer class and skips a task time it cannot parse without a word', 'rename'),
             (0, 'java-ok-00-commandtimer-renamed-scheduler-caught-and-warned',
              'clean: the rename alone; the timer task catches and logs, a bad time is reported', 'rename'),
         ], rename_from=src('me.playbosswar.com', 'Tools'),
         rename_old=lambda t: t.replace('package me.playbosswar.com.tasks;', 'package me.playbosswar.com;')
                               .replace('TaskScheduler', 'Tools'))


# ---------------------------------------------------------------- CONC-06 / CONC-05: async task scheduler, new (Sponge)
SPONGE = template('sponge', r'''
/**
 * Runs the asynchronous tasks of plugins: one thread keeps the schedule and hands every due task to a cached pool.
 */
public class AsyncScheduler extends SchedulerBase {
    private static final long DEFAULT_SLEEP_MILLIS = 100;

    private final ExecutorService executor = Executors.newCachedThreadPool(
            new ThreadFactoryBuilder().setNameFormat("Sponge-AsyncScheduler-%d").build());
    private final Lock lock = new ReentrantLock();
    private final Condition condition = this.lock.newCondition();
    private final Thread schedulerThread;
    private volatile boolean running = true;
    private long minimumTimeout = DEFAULT_SLEEP_MILLIS;

    public AsyncScheduler() {
        super(TaskSynchronicity.ASYNCHRONOUS);
        this.schedulerThread = new Thread(this::mainLoop, "Sponge Async Scheduler Thread");
        this.schedulerThread.setDaemon(true);
        this.schedulerThread.setUncaughtExceptionHandler(
                (thread, e) -> SpongeImpl.getLogger().error("The async scheduler thread died", e));
        this.schedulerThread.start();
    }

    private void mainLoop() {
        while (this.running) {
            this.lock.lock();
            try {
                this.condition.await(this.minimumTimeout, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                SpongeImpl.getLogger().debug("The async scheduler was woken up early");
            } finally {
                this.lock.unlock();
            }
            this.minimumTimeout = runTick();
        }
    }

    @Override
    protected void addTask(ScheduledTask task) {
        this.lock.lock();
        try {
            super.addTask(task);
            this.condition.signalAll();
        } finally {
            this.lock.unlock();
        }
    }

    @Override
    protected void executeTaskRunnable(ScheduledTask task, Runnable runnable) {
02|        this.executor.execute(() -> {
02|            try {
02|                runnable.run();
02|            } catch (Throwable t) {
02|                SpongeImpl.getLogger().error("The async task {} of {} failed", task.getName(), task.getOwner().getId(), t);
02|            }
02|        });
1|        this.executor.submit(runnable); //@CONC-06
    }

    public void shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        this.running = false;
        this.schedulerThread.interrupt();
        this.executor.shutdown();
        if (!this.executor.awaitTermination(timeout, unit)) {
            SpongeImpl.getLogger().warn("Async tasks are still running after {} {}", timeout, unit);
        }
    }
}
''')
cases_of(case, GH + 'SpongePowered/Sponge/issues/67', src('org.spongepowered.common.scheduler', 'AsyncScheduler'),
         J('org.spongepowered.common.scheduler', [
             'com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.locks.Condition',
             'java.util.concurrent.locks.Lock', 'java.util.concurrent.locks.ReentrantLock',
             'org.spongepowered.common.SpongeImpl'])(SPONGE), [
             (1, 'java-00-sponge-new-async-scheduler-task-futures-dropped',
              'a new async scheduler submits each due task to its pool and drops the future, so a failing task is never reported', 'new'),
             (2, 'java-00-sponge-new-async-scheduler-interrupt-logged-and-ignored',
              'a new async scheduler logs an interrupt of its wait and keeps looping, losing the interrupt', 'new'),
             (0, 'java-ok-00-sponge-new-async-scheduler-failures-logged-interrupt-ends-loop',
              'clean: a new async scheduler that runs tasks with a logging catch and ends its loop on interrupt', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / TX-01: Android monster box store (PADListener)
PADLISTENER = template('padlistener', r'''
/** Opens the app's database and stores the monster box captured from the game's traffic. */
public class DatabaseHelper extends SQLiteOpenHelper {
    private static final String TAG = DatabaseHelper.class.getSimpleName();
    private static final String DATABASE_NAME = "padlistener.db";
    private static final int DATABASE_VERSION = 5;

    private static DatabaseHelper instance;

    /** The one helper of the app; the capture service and the activities share it. */
02|    public static synchronized DatabaseHelper getInstance(Context context) {
1|    public static DatabaseHelper getInstance(Context context) {
        if (instance == null) {
            instance = new DatabaseHelper(context.getApplicationContext()); //@{1}CONC-03
        }
        return instance;
    }

    private DatabaseHelper(Context context) {
        super(context, DATABASE_NAME, null, DATABASE_VERSION);
    }

    @Override
    public void onCreate(SQLiteDatabase db) {
        db.execSQL(MonsterInfoDescriptor.CREATE_TABLE);
        db.execSQL(CapturedMonsterDescriptor.CREATE_TABLE);
    }

    @Override
    public void onUpgrade(SQLiteDatabase db, int oldVersion, int newVersion) {
        Log.w(TAG, "Upgrading database from " + oldVersion + " to " + newVersion + ", dropping the captured data");
        db.execSQL("DROP TABLE IF EXISTS " + CapturedMonsterDescriptor.TABLE_NAME);
        db.execSQL("DROP TABLE IF EXISTS " + MonsterInfoDescriptor.TABLE_NAME);
        onCreate(db);
    }

    /** Replaces the captured monsters of an account by the box the game just sent. */
    public void saveCapturedMonsters(long accountId, List<CapturedMonsterModel> monsters) {
        SQLiteDatabase db = getWritableDatabase();
        db.beginTransaction(); //@{2}TX-01
01|        try {
01|            db.delete(CapturedMonsterDescriptor.TABLE_NAME, "account_id = ?", new String[] {String.valueOf(accountId)});
01|            for (CapturedMonsterModel monster : monsters) {
01|                db.insertOrThrow(CapturedMonsterDescriptor.TABLE_NAME, null, CapturedMonsterDescriptor.toValues(accountId, monster));
01|            }
01|            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|        db.delete(CapturedMonsterDescriptor.TABLE_NAME, "account_id = ?", new String[] {String.valueOf(accountId)});
2|        for (CapturedMonsterModel monster : monsters) {
2|            db.insertOrThrow(CapturedMonsterDescriptor.TABLE_NAME, null, CapturedMonsterDescriptor.toValues(accountId, monster));
2|        }
2|        db.setTransactionSuccessful();
2|        db.endTransaction();
    }

    public List<CapturedMonsterModel> findCapturedMonsters(long accountId) {
        Cursor cursor = getReadableDatabase().query(CapturedMonsterDescriptor.TABLE_NAME, null, "account_id = ?",
                new String[] {String.valueOf(accountId)}, null, null, "monster_id");
        try {
            List<CapturedMonsterModel> monsters = new ArrayList<>(cursor.getCount());
            while (cursor.moveToNext()) {
                monsters.add(CapturedMonsterDescriptor.fromCursor(cursor));
            }
            return monsters;
        } finally {
            cursor.close();
        }
    }
}
''')
cases_of(case, GH + 'Neraud/PADListener/issues/23', src('fr.neraud.padlistener.provider', 'DatabaseHelper'),
         J('fr.neraud.padlistener.provider', [
             'android.content.Context', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
             'android.database.sqlite.SQLiteOpenHelper', 'android.util.Log', 'java.util.ArrayList', 'java.util.List',
             'fr.neraud.padlistener.model.CapturedMonsterModel',
             'fr.neraud.padlistener.provider.descriptor.CapturedMonsterDescriptor',
             'fr.neraud.padlistener.provider.descriptor.MonsterInfoDescriptor'])(PADLISTENER), [
             (1, 'java-00-padlistener-helper-singleton-unsynchronized',
              'an edit drops the synchronization of the helper singleton, so the capture service and an activity can open two helpers', 'edit'),
             (2, 'java-00-padlistener-box-transaction-not-ended-on-error',
              'an edit ends the monster box transaction only after a complete save, so a failed insert leaves the database locked', 'edit'),
             (0, 'java-ok-00-padlistener-synchronized-helper-transaction-in-finally',
              'clean: a synchronized singleton, the transaction ended in finally', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-02: plugin update check (sleep-most)
SLEEPMOST = template('sleepmost', r'''
/** Asks the Spigot API for the latest version of the plugin, for the update notice shown to admins who join. */
public class UpdateRepository {
    private static final String VERSION_URL = "https://api.spigotmc.org/legacy/update.php?resource=60623";
    private static final int TIMEOUT_MILLIS = 5000;
    private static final long CACHE_MILLIS = TimeUnit.HOURS.toMillis(6);

    private volatile String cachedVersion;
    private volatile long cachedAt;

    /** Checks off the server thread and calls onNewer on the server thread when a newer version exists. */
    public void checkAsync(Plugin plugin, Consumer<String> onNewer) {
        Bukkit.getScheduler().runTaskAsynchronously(plugin, () -> {
            try {
                String latest = getLatestVersion();
                if (!latest.equals(plugin.getDescription().getVersion())) {
                    Bukkit.getScheduler().runTask(plugin, () -> onNewer.accept(latest));
                }
            } catch (IOException e) {
                plugin.getLogger().log(Level.WARNING, "Could not check for updates: {0}", e.getMessage());
            }
        });
    }

    public String getLatestVersion() throws IOException {
        if (cachedVersion != null && System.currentTimeMillis() - cachedAt < CACHE_MILLIS) {
            return cachedVersion;
        }
        HttpURLConnection connection = (HttpURLConnection) new URL(VERSION_URL).openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(TIMEOUT_MILLIS);
02|        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("User-Agent", "sleep-most");
01|        try (BufferedReader reader = new BufferedReader(
01|                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
01|            String version = reader.readLine();
01|            if (version == null || version.isEmpty()) {
01|                throw new IOException("Empty answer from " + VERSION_URL);
01|            }
01|            cachedVersion = version.trim();
01|            cachedAt = System.currentTimeMillis();
01|            return cachedVersion;
01|        } finally {
01|            connection.disconnect();
01|        }
2|        BufferedReader reader = new BufferedReader(
2|                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8)); //@RES-02
2|        String version = reader.readLine();
2|        if (version == null || version.isEmpty()) {
2|            throw new IOException("Empty answer from " + VERSION_URL);
2|        }
2|        cachedVersion = version.trim();
2|        cachedAt = System.currentTimeMillis();
2|        return cachedVersion;
    }
}
''')
cases_of(case, GH + 'mrgeneralq/sleep-most/issues/35', src('me.mrgeneralq.sleepmost.repositories', 'UpdateRepository'),
         J('me.mrgeneralq.sleepmost.repositories', [
             'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader', 'java.net.HttpURLConnection',
             'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.util.concurrent.TimeUnit',
             'java.util.function.Consumer', 'java.util.logging.Level', 'org.bukkit.Bukkit',
             'org.bukkit.plugin.Plugin'])(SLEEPMOST), [
             (1, 'java-00-sleepmost-version-check-without-timeouts',
              'an edit drops the connect and read timeouts of the version check, so a stalled Spigot API holds its thread forever', 'edit'),
             (2, 'java-00-sleepmost-version-answer-never-closed',
              'an edit reads the version answer outside try-with-resources and never closes or disconnects it', 'edit'),
             (0, 'java-ok-00-sleepmost-bounded-check-answer-closed',
              'clean: the check bounded by connect and read timeouts, the answer read in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: weather sync client (RealTimeWeather)
WEATHER = template('weather', r'''
/** Fetches the current weather of the configured place and mirrors it in the configured worlds. */
public class WeatherSyncer {
    private static final String API = "https://api.openweathermap.org/data/2.5/weather?zip=%s,%s&appid=%s";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RealTimeWeather plugin;
    private final String zipCode;
    private final String countryCode;
    private final String apiKey;
02|    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public WeatherSyncer(RealTimeWeather plugin, String zipCode, String countryCode, String apiKey) {
        this.plugin = plugin;
        this.zipCode = zipCode;
        this.countryCode = countryCode;
        this.apiKey = apiKey;
    }

    /** Runs asynchronously at every sync interval. */
    public void sync() {
        try {
            WeatherState state = fetch();
            Bukkit.getScheduler().runTask(plugin, () -> apply(state));
        } catch (IOException e) { //@{2}ERR-01
01|            plugin.getLogger().log(Level.WARNING, "Could not fetch the weather, keeping the current one", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WeatherState fetch() throws IOException, InterruptedException {
1|        HttpClient client = HttpClient.newHttpClient(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(URI.create(String.format(API, zipCode, countryCode, apiKey)))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The weather API answered " + response.statusCode());
        }
        return WeatherState.fromJson(JsonParser.parseString(response.body()).getAsJsonObject());
    }

    private void apply(WeatherState state) {
        for (World world : plugin.getSyncedWorlds()) {
            world.setStorm(state.isRaining() || state.isThundering());
            world.setThundering(state.isThundering());
            world.setWeatherDuration(Integer.MAX_VALUE);
        }
    }
}
''')
cases_of(case, GH + 'Jack1424/RealTimeWeather/issues/24', src('io.github.jack1424.realtimeweather', 'WeatherSyncer'),
         J('io.github.jack1424.realtimeweather', [
             'com.google.gson.JsonParser', 'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.logging.Level',
             'org.bukkit.Bukkit', 'org.bukkit.World'])(WEATHER), [
             (1, 'java-00-realtimeweather-http-client-built-per-sync',
              'an edit builds a new HTTP client, with its own selector thread and pool, for every weather sync', 'edit'),
             (2, 'java-00-realtimeweather-failed-sync-swallowed',
              'an edit swallows a failed weather fetch without a log line, so a wrong key or a dead API goes unnoticed', 'edit'),
             (0, 'java-ok-00-realtimeweather-shared-client-failure-logged',
              'clean: one client with a connect timeout for the syncer, a failed fetch logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TX-01: plugin database worker (EvenMoreFish)
EVENMOREFISH = template('evenmorefish', r'''
/** Runs the plugin's database writes on one worker thread, in the order they were submitted. */
public class DatabaseWorker {
    private static final int MAX_BACKLOG = 10_000;
    private static final String INSERT_CATCH = "INSERT INTO emf_catches (uuid, fish, rarity, length, competition, caught_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_STATS = "UPDATE emf_users SET fish_caught = fish_caught + 1, "
            + "largest_fish = GREATEST(largest_fish, ?) WHERE uuid = ?";

    private final ConnectionFactory connections;
    private final ExecutorService executor;

    public DatabaseWorker(ConnectionFactory connections) {
        this.connections = connections;
        ThreadFactory threads = new ThreadFactoryBuilder().setNameFormat("EMF-Database-Worker").setDaemon(true).build();
02|        this.executor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
02|                new ArrayBlockingQueue<>(MAX_BACKLOG), threads, new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.executor = Executors.newSingleThreadExecutor(threads); //@CONC-02
    }

    /** Stores a catch; the future completes when it is written. */
    public CompletableFuture<Void> submitCatch(FishCatch fishCatch) {
        return CompletableFuture.runAsync(() -> {
            try {
                writeCatch(fishCatch);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private void writeCatch(FishCatch fishCatch) throws SQLException {
        try (Connection conn = connections.getConnection()) {
            conn.setAutoCommit(false); //@{2}TX-01
2|            conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement insert = conn.prepareStatement(INSERT_CATCH);
                    PreparedStatement stats = conn.prepareStatement(UPDATE_STATS)) {
                insert.setQueryTimeout(10);
                stats.setQueryTimeout(10);
                insert.setString(1, fishCatch.getPlayer().toString());
                insert.setString(2, fishCatch.getFishName());
                insert.setString(3, fishCatch.getRarity());
                insert.setFloat(4, fishCatch.getLength());
                insert.setString(5, fishCatch.getCompetitionId());
                insert.setTimestamp(6, Timestamp.from(fishCatch.getCaughtAt()));
                insert.executeUpdate();
                stats.setFloat(1, fishCatch.getLength());
                stats.setString(2, fishCatch.getPlayer().toString());
                stats.executeUpdate();
                conn.commit();
01|            } catch (SQLException e) {
01|                conn.rollback();
01|                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    public void shutdown() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
''')
EMF_IMPORTS = ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.sql.Connection',
               'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
               'java.util.concurrent.CompletableFuture', 'java.util.concurrent.CompletionException',
               'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
               'java.util.concurrent.TimeUnit', 'com.oheers.fish.database.connection.ConnectionFactory',
               'com.oheers.fish.database.model.FishCatch']
cases_of(case, GH + 'EvenMoreFish/EvenMoreFish/pull/1024', src('com.oheers.fish.database', 'DatabaseWorker'),
         JV('com.oheers.fish.database', {
             0: EMF_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
             1: EMF_IMPORTS + ['java.util.concurrent.Executors'],
             2: EMF_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor']})(EVENMOREFISH), [
             (1, 'java-00-evenmorefish-database-worker-backlog-unbounded',
              'an edit gives the database worker a single-thread executor, whose backlog grows without bound when the database is slow', 'edit'),
             (2, 'java-00-evenmorefish-catch-transaction-not-rolled-back',
              'an edit sets the isolation of the catch write and drops its rollback, so re-enabling auto-commit commits a half-written catch', 'edit'),
             (0, 'java-ok-00-evenmorefish-bounded-worker-rollback-on-failure',
              'clean: a bounded backlog that runs overflow on the caller, a failed write rolled back', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: encoder logging (htm.java)
HTM = template('htm', r'''
/**
 * Passes an already-encoded bit array through unchanged; it is called for every record of every input field, so its
 * encode path is the hottest code of a network.
 */
public class PassThroughEncoder<T> extends Encoder<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(PassThroughEncoder.class);

    protected PassThroughEncoder() {
    }

    public PassThroughEncoder(int outputWidth, Integer outputBitsOnCount) {
        super.setW(outputBitsOnCount == null ? -1 : outputBitsOnCount);
        super.setN(outputWidth);
        super.setForced(false);
        LOGGER.info("Building new PassThroughEncoder instance, outputWidth: {} outputBitsOnCount: {}", outputWidth,
                outputBitsOnCount);
    }

    @Override
    public int getWidth() {
        return n;
    }

    @Override
    public void encodeIntoArray(T t, int[] output) {
        int[] input = (int[]) t;
        if (input.length != output.length) {
            throw new IllegalArgumentException(String.format("Different input (%d) and output (%d) sizes",
                    input.length, output.length));
        }
        if (w > 0 && ArrayUtils.sum(input) != w) {
            throw new IllegalArgumentException(String.format("Input has %d bits on, %d expected",
                    ArrayUtils.sum(input), w));
        }
        System.arraycopy(input, 0, output, 0, input.length);
0|        if (LOGGER.isTraceEnabled()) {
0|            LOGGER.trace("input: {} output: {}", Arrays.toString(input), Arrays.toString(output));
0|        }
1|        LOGGER.debug("input: " + Arrays.toString(input) + " output: " + Arrays.toString(output)); //@LOG-02
2|        LOGGER.info("Encoded {} of {} bits on for {}", ArrayUtils.sum(output), output.length, name); //@LOG-01
    }

    @Override
    public Set<FieldMetaType> getDecoderOutputFieldTypes() {
        return new LinkedHashSet<>(Arrays.asList(FieldMetaType.LIST, FieldMetaType.STRING));
    }

    @Override
    public DecodeResult decode(int[] encoded, String parentFieldName) {
        String fieldName = parentFieldName == null || parentFieldName.isEmpty() ? name : parentFieldName + "." + name;
        List<MinMax> ranges = new ArrayList<>();
        ranges.add(new MinMax(0, 0));
        RangeList inner = new RangeList(ranges, "input");
        Map<String, RangeList> fieldsDict = new HashMap<>();
        fieldsDict.put(fieldName, inner);
        return new DecodeResult(fieldsDict, Arrays.asList(fieldName));
    }
}
''')
cases_of(case, GH + 'numenta/htm.java/pull/219', src('org.numenta.nupic.encoders', 'PassThroughEncoder'),
         J('org.numenta.nupic.encoders', SLF4J + [
             'java.util.ArrayList', 'java.util.Arrays', 'java.util.HashMap', 'java.util.LinkedHashSet', 'java.util.List',
             'java.util.Map', 'java.util.Set', 'org.numenta.nupic.FieldMetaType', 'org.numenta.nupic.util.ArrayUtils',
             'org.numenta.nupic.util.MinMax'])(HTM), [
             (1, 'java-00-htm-encoder-debug-line-concatenates-both-arrays',
              'an edit logs every encoding at debug by concatenating both bit arrays, built even when debug is off', 'edit'),
             (2, 'java-00-htm-encoder-info-line-per-encoding',
              'an edit logs every encoding of every record at info', 'edit'),
             (0, 'java-ok-00-htm-encoder-guarded-trace-line',
              'clean: a parameterised trace line behind isTraceEnabled', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: Discord bot server registry (Zoe)
ZOE = template('zoe', r'''
/** Keeps the configuration of every guild the bot is in; JDA's event threads add and remove guilds. */
public class ServerData {
    private static final Logger logger = LoggerFactory.getLogger(ServerData.class);

02|    private static final Map<String, Server> servers = new ConcurrentHashMap<>();
1|    private static final Map<String, Server> servers = new HashMap<>(); //@CONC-03

    private ServerData() {
    }

    /** Called from the guild join listener. */
    public static void onGuildJoin(Guild guild) {
        servers.put(guild.getId(), new Server(guild.getIdLong(), SpellingLanguage.EN, new ServerConfiguration()));
    }

    /** Called from the guild leave listener. */
    public static void onGuildLeave(Guild guild) {
        servers.remove(guild.getId());
    }

    public static Server getServer(String guildId) {
        return servers.get(guildId);
    }

    /** Loads the saved guilds in the background when the bot starts, so it can answer commands at once. */
    public static void loadAsync(JDA jda, ServerRepository repository) {
        Thread loader = new Thread(() -> loadAll(jda, repository), "Zoe-server-loader"); //@{2}CONC-01
01|        loader.setUncaughtExceptionHandler((thread, e) -> logger.error("Loading the saved guilds failed", e));
        loader.setDaemon(true);
        loader.start();
    }

    private static void loadAll(JDA jda, ServerRepository repository) {
        for (Guild guild : jda.getGuilds()) {
            Server server = repository.load(guild.getIdLong());
            servers.put(guild.getId(), server != null ? server
                    : new Server(guild.getIdLong(), SpellingLanguage.EN, new ServerConfiguration()));
        }
        logger.info("Loaded the configuration of {} guilds", servers.size());
    }
}
''')
ZOE_IMPORTS = SLF4J + ['java.util.Map', 'net.dv8tion.jda.api.JDA', 'net.dv8tion.jda.api.entities.Guild',
                       'ch.kalunight.zoe.model.Server', 'ch.kalunight.zoe.model.config.ServerConfiguration',
                       'ch.kalunight.zoe.repositories.ServerRepository', 'ch.kalunight.zoe.translation.SpellingLanguage']
cases_of(case, GH + 'Zoe-Discord-Bot/Zoe-Discord-Bot/pull/12', src('ch.kalunight.zoe', 'ServerData'),
         JV('ch.kalunight.zoe', {0: ZOE_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
                                 1: ZOE_IMPORTS + ['java.util.HashMap'],
                                 2: ZOE_IMPORTS + ['java.util.concurrent.ConcurrentHashMap']})(ZOE), [
             (1, 'java-00-zoe-guild-registry-in-plain-hash-map',
              'an edit keeps the guild registry, written by JDA event threads and the loader, in a plain HashMap', 'edit'),
             (2, 'java-00-zoe-guild-loader-thread-without-handler',
              'an edit starts the guild loader thread without its uncaught-exception handler, so a failed load vanishes', 'edit'),
             (0, 'java-ok-00-zoe-concurrent-registry-loader-handled',
              'clean: a concurrent guild registry, the loader thread started with a logging handler', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: Telegram long polling (TelegramChat)
TELEGRAM = template('telegram', r'''
/** Polls the Telegram Bot API for updates on its own thread and relays the chat messages to the Minecraft chat. */
public class TelegramPoller implements Runnable {
    private static final String API = "https://api.telegram.org/bot";
    private static final int POLL_SECONDS = 30;
    private static final Gson GSON = new Gson();

    private final Logger logger;
    private final String token;
    private final Consumer<ChatMessageToMc> onMessage;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean running = true;
    private long lastUpdateId;

    public TelegramPoller(Logger logger, String token, Consumer<ChatMessageToMc> onMessage) {
        this.logger = logger;
        this.token = token;
        this.onMessage = onMessage;
    }

    @Override
    public void run() {
        while (running) {
            try {
                pollOnce();
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                logger.fine("Telegram poll interrupted, polling again");
            }
        }
    }

    private void pollOnce() throws InterruptedException {
        try {
            JsonObject answer = call("getUpdates", "offset=" + (lastUpdateId + 1) + "&timeout=" + POLL_SECONDS);
            handleUpdates(answer.getAsJsonArray("result"));
        } catch (IOException e) {
            logger.log(Level.WARNING, "Telegram poll failed, retrying in 5 seconds", e);
            TimeUnit.SECONDS.sleep(5);
        }
    }

    public void stop() {
        running = false;
    }

    private void handleUpdates(JsonArray updates) {
        for (JsonElement element : updates) {
            Update update = GSON.fromJson(element, Update.class);
            lastUpdateId = Math.max(lastUpdateId, update.getUpdateId());
            if (update.getMessage() != null && update.getMessage().getText() != null) {
                onMessage.accept(ChatMessageToMc.from(update.getMessage()));
            }
        }
    }

    private JsonObject call(String method, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + token + "/" + method + "?" + query)) //@{1}TMO-01
02|                .timeout(Duration.ofSeconds(POLL_SECONDS + 10))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Telegram answered " + response.statusCode() + " to " + method);
        }
        return GSON.fromJson(response.body(), JsonObject.class);
    }
}
''')
cases_of(case, GH + 'mastercake10/TelegramChat/issues/23', src('de.Linus122.Telegram', 'TelegramPoller'),
         J('de.Linus122.Telegram', [
             'com.google.gson.Gson', 'com.google.gson.JsonArray', 'com.google.gson.JsonElement',
             'com.google.gson.JsonObject', 'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration',
             'java.util.concurrent.TimeUnit', 'java.util.function.Consumer', 'java.util.logging.Level',
             'java.util.logging.Logger', 'de.Linus122.TelegramComponents.ChatMessageToMc',
             'de.Linus122.TelegramComponents.Update'])(TELEGRAM), [
             (1, 'java-00-telegramchat-long-poll-without-request-timeout',
              'an edit builds the long-poll request without its timeout, so a half-open connection stops the relay forever', 'edit'),
             (2, 'java-00-telegramchat-poll-interrupt-logged-and-ignored',
              'an edit logs an interrupt of the poll loop and polls again, so disabling the plugin never stops the thread', 'edit'),
             (0, 'java-ok-00-telegramchat-bounded-poll-interrupt-ends-loop',
              'clean: the long poll bounded by a request timeout, an interrupt restored and the loop ended', 'fix'),
         ])
