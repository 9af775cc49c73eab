"""Round-38 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-01 / CONC-05: live replay relay of a game client (downlords-faf-client)
FAF = template('faf-replay-server', r'''
/** Relays the replay stream of a running game to the live-replay server, reconnecting a few times when it is away. */
@Lazy
@Service
@Slf4j
@RequiredArgsConstructor
public class ReplayServerImpl implements ReplayServer {
    private static final int RECONNECT_DELAY_MILLIS = 2_000;
    private static final int MAX_RECONNECTS = 5;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final ClientProperties clientProperties;
    private final ReplayFileWriter replayFileWriter;
    private final NotificationService notificationService;
    private final UncaughtExceptionHandler uncaughtExceptionHandler;

    private volatile boolean stoppedGracefully;
    private volatile ServerSocket serverSocket;

    @Override
    public CompletableFuture<Integer> start(int gameId, Supplier<String> playerName) {
        stoppedGracefully = false;
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Runnable server = () -> runServer(gameId, playerName, future);
        Thread thread = new Thread(server, "replay-server-" + gameId); //@{1}CONC-01
        thread.setDaemon(true);
02|        thread.setUncaughtExceptionHandler(uncaughtExceptionHandler);
        thread.start();
        return future;
    }

    @Override
    public void stop() {
        stoppedGracefully = true;
        IOUtils.closeQuietly(serverSocket);
    }

    private void runServer(int gameId, Supplier<String> playerName, CompletableFuture<Integer> future) {
        try (ServerSocket localSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serverSocket = localSocket;
            future.complete(localSocket.getLocalPort());
            try (Socket gameSocket = localSocket.accept()) {
                relay(gameId, gameSocket, playerName.get());
            }
        } catch (IOException e) {
            if (stoppedGracefully) {
                return;
            }
            future.completeExceptionally(e);
            notificationService.addImmediateErrorNotification(e, "replayServer.listeningFailed");
        }
    }

    private void relay(int gameId, Socket gameSocket, String playerName) throws IOException {
        int attempts = 0;
        while (!stoppedGracefully) {
            try (Socket upstream = connectUpstream()) {
                replayFileWriter.copy(gameSocket.getInputStream(), upstream.getOutputStream(), gameId, playerName);
                return;
            } catch (ConnectException e) {
                if (++attempts > MAX_RECONNECTS) {
                    throw e;
                }
                log.warn("Live replay server unreachable, retry {} of {}", attempts, MAX_RECONNECTS);
            }
            try {
                Thread.sleep(RECONNECT_DELAY_MILLIS);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                log.debug("Interrupted while waiting to reconnect to the live replay server");
            }
        }
    }

    private Socket connectUpstream() throws IOException {
        ClientProperties.Replay replay = clientProperties.getReplay();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(replay.getRemoteHost(), replay.getRemotePort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
''')
cases_of(case, GH + 'FAForever/downlords-faf-client/pull/2394', src('com.faforever.client.replay', 'ReplayServerImpl'),
         J('com.faforever.client.replay', [
             'com.faforever.client.config.ClientProperties', 'com.faforever.client.notification.NotificationService',
             'java.io.IOException', 'java.lang.Thread.UncaughtExceptionHandler', 'java.net.ConnectException',
             'java.net.InetAddress', 'java.net.InetSocketAddress', 'java.net.ServerSocket', 'java.net.Socket',
             'java.util.concurrent.CompletableFuture', 'java.util.function.Supplier', 'lombok.RequiredArgsConstructor',
             'lombok.extern.slf4j.Slf4j', 'org.apache.commons.io.IOUtils', 'org.springframework.context.annotation.Lazy',
             'org.springframework.stereotype.Service'])(FAF), [
             (1, 'java-00-faf-replay-server-thread-without-uncaught-handler',
              'an edit starts the replay server thread without the client\'s uncaught-exception handler, so a failing '
              'relay ends the thread with nothing shown to the player', 'edit'),
             (2, 'java-00-faf-replay-relay-sleep-swallows-interrupt',
              'an edit catches the interrupt of the reconnect pause and keeps relaying, so a cancelled relay retries '
              'until it gives up by itself', 'edit'),
             (0, 'java-ok-00-faf-replay-server-handled-thread-interrupt-restored',
              'clean: the server thread has the uncaught handler, an interrupt of the pause restored and the relay '
              'ended', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-06: input source refresh of a workflow decision server (shesmu)
SHESMU = template('shesmu-refresher', r'''
/** Refreshes the cached rows of every input source on a fixed delay, fetching the sources in parallel. */
public final class InputSourceRefresher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InputSourceRefresher.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService fetchers;
    private final Map<String, InputSource> sources;
    private final Map<String, CachedInput> cache = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh = Instant.EPOCH;

    public InputSourceRefresher(Map<String, InputSource> sources, int parallelism) {
        this.sources = Map.copyOf(sources);
        this.fetchers = Executors.newFixedThreadPool(parallelism);
    }

    public void start(Duration delay) {
02|        scheduler.scheduleWithFixedDelay(this::refreshAllSafely, 0, delay.toSeconds(), TimeUnit.SECONDS);
1|        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, delay.toSeconds(), TimeUnit.SECONDS); //@CONC-07
    }

    public Optional<CachedInput> get(String name) {
        return Optional.ofNullable(cache.get(name));
    }

    public Instant lastRefresh() {
        return lastRefresh;
    }
02|
02|    private void refreshAllSafely() {
02|        try {
02|            refreshAll();
02|        } catch (RuntimeException | Error e) {
02|            LOG.log(Level.SEVERE, "Input source refresh failed; retrying at the next run", e);
02|        }
02|    }

    private void refreshAll() {
        cache.keySet().retainAll(sources.keySet());
01|        List<Future<?>> pending = new ArrayList<>();
        for (Map.Entry<String, InputSource> entry : sources.entrySet()) {
            String name = entry.getKey();
            InputSource source = entry.getValue();
01|            pending.add(fetchers.submit(() -> refresh(name, source)));
2|            fetchers.submit(() -> refresh(name, source)); //@CONC-06
        }
01|        for (Future<?> future : pending) {
01|            try {
01|                future.get();
01|            } catch (ExecutionException e) {
01|                LOG.log(Level.WARNING, "Input source fetch failed", e.getCause());
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
01|            }
01|        }
        lastRefresh = Instant.now();
    }

    private void refresh(String name, InputSource source) {
        try {
            List<Object[]> rows = source.fetch();
            cache.put(name, new CachedInput(rows, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to fetch input source " + name, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        fetchers.shutdownNow();
    }
}
''')
cases_of(case, GH + 'oicr-gsi/shesmu/pull/1071', src('ca.on.oicr.gsi.shesmu.server', 'InputSourceRefresher'),
         JV('ca.on.oicr.gsi.shesmu.server', {v: [
             'java.io.IOException', 'java.io.UncheckedIOException', 'java.time.Duration', 'java.time.Instant',
             'java.util.List', 'java.util.Map', 'java.util.Optional', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
             'java.util.logging.Logger']
             + (['java.util.ArrayList', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future']
                if v != 2 else []) for v in (0, 1, 2)})(SHESMU), [
             (1, 'java-00-shesmu-refresh-scheduled-without-catch',
              'an edit schedules the input refresh directly, so the first refresh that throws cancels every later '
              'one and the decision server runs on stale inputs', 'edit'),
             (2, 'java-00-shesmu-source-fetch-futures-dropped',
              'an edit submits each source fetch and never looks at its future, so a failed fetch vanishes and the '
              'refresh time is set before any fetch ended', 'edit'),
             (0, 'java-ok-00-shesmu-guarded-refresh-fetches-awaited',
              'clean: the scheduled refresh guarded by a catch, every fetch awaited and its failure logged', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: bookmarks of an Android file manager (openintents filemanager)
BOOKMARKS = template('openintents-bookmarks', r'''
/** Reads and writes the bookmarks of the file manager through its content provider. */
public class BookmarkStore {
    private static final String TAG = "BookmarkStore";
    private static final String[] PROJECTION = {BookmarksProvider._ID, BookmarksProvider.NAME, BookmarksProvider.PATH};

    private final ContentResolver resolver;

    public BookmarkStore(Context context) {
        this.resolver = context.getContentResolver();
    }

    /** Returns the bookmarks sorted by name; called every time the bookmark list is shown. */
    public List<Bookmark> loadBookmarks() {
        List<Bookmark> bookmarks = new ArrayList<>();
        Cursor cursor = resolver.query(BookmarksProvider.CONTENT_URI, PROJECTION, null, null, BookmarksProvider.NAME + " COLLATE NOCASE"); //@{1}RES-01
02|        try {
02|            while (cursor != null && cursor.moveToNext()) {
02|                bookmarks.add(new Bookmark(cursor.getLong(0), cursor.getString(1), new File(cursor.getString(2))));
02|            }
02|        } finally {
02|            if (cursor != null) {
02|                cursor.close();
02|            }
02|        }
1|        if (cursor != null && cursor.moveToFirst()) {
1|            do {
1|                bookmarks.add(new Bookmark(cursor.getLong(0), cursor.getString(1), new File(cursor.getString(2))));
1|            } while (cursor.moveToNext());
1|            cursor.close();
1|        }
        return bookmarks;
    }

    /** Adds a bookmark; returns false when it could not be stored. */
    public boolean addBookmark(String name, File path) {
        ContentValues values = new ContentValues();
        values.put(BookmarksProvider.NAME, name);
        values.put(BookmarksProvider.PATH, path.getAbsolutePath());
        try {
            return resolver.insert(BookmarksProvider.CONTENT_URI, values) != null;
        } catch (SQLiteException e) { //@{2}ERR-01
01|            Log.e(TAG, "Could not add bookmark " + path, e);
01|            return false;
2|            e.printStackTrace();
        }
2|        return true;
    }

    public void deleteBookmark(long id) {
        resolver.delete(ContentUris.withAppendedId(BookmarksProvider.CONTENT_URI, id), null, null);
    }
}
''')
cases_of(case, GH + 'openintents/filemanager/pull/84', src('org.openintents.filemanager.bookmarks', 'BookmarkStore'),
         JV('org.openintents.filemanager.bookmarks', {v: [
             'android.content.ContentResolver', 'android.content.ContentUris', 'android.content.ContentValues',
             'android.content.Context', 'android.database.Cursor', 'android.database.sqlite.SQLiteException',
             'java.io.File', 'java.util.ArrayList', 'java.util.List'] + (['android.util.Log'] if v != 2 else [])
             for v in (0, 1, 2)})(BOOKMARKS), [
             (1, 'java-00-openintents-bookmark-cursor-closed-only-when-not-empty',
              'an edit closes the bookmark cursor only inside the branch for a non-empty result, so every empty '
              'bookmark list leaks a cursor and its database window', 'edit'),
             (2, 'java-00-openintents-bookmark-insert-failure-printed-and-reported-saved',
              'an edit prints the stack trace of a failed bookmark insert and reports the bookmark as added', 'edit'),
             (0, 'java-ok-00-openintents-bookmark-cursor-closed-in-finally-failure-logged',
              'clean: the cursor closed in finally, a failed insert logged and reported', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: thread cache of a forum app (Awful.apk)
AWFUL = template('awful-thread-store', r'''
/** Keeps the threads of the forum pages the user opened in the app's database. */
public class ThreadStore {
    private static final String TAG = "ThreadStore";

    private final SQLiteOpenHelper helper;

    public ThreadStore(SQLiteOpenHelper helper) {
        this.helper = helper;
    }

    /** Returns the ids of the threads of a forum that the user has read to the end. */
    public Set<Integer> readThreadIds(int forumId) {
        Set<Integer> ids = new HashSet<>();
        SQLiteDatabase db = helper.getReadableDatabase();
        String selection = AwfulThread.FORUM_ID + "=? AND " + AwfulThread.UNREADCOUNT + "=0";
02|        try (Cursor cursor = db.query(AwfulThread.TABLE, new String[]{AwfulThread.ID}, selection,
02|                new String[]{Integer.toString(forumId)}, null, null, null)) {
02|            if (!cursor.moveToFirst()) {
02|                return Collections.emptySet();
02|            }
02|            do {
02|                ids.add(cursor.getInt(0));
02|            } while (cursor.moveToNext());
02|        }
1|        Cursor cursor = db.query(AwfulThread.TABLE, new String[]{AwfulThread.ID}, selection, //@RES-01
1|                new String[]{Integer.toString(forumId)}, null, null, null);
1|        if (!cursor.moveToFirst()) {
1|            return Collections.emptySet();
1|        }
1|        do {
1|            ids.add(cursor.getInt(0));
1|        } while (cursor.moveToNext());
1|        cursor.close();
        return ids;
    }

    /** Replaces the cached threads of one page of a forum with the threads just parsed from it. */
    public void replacePage(int forumId, int page, List<ContentValues> threads) {
        SQLiteDatabase db = helper.getWritableDatabase();
        String[] args = {Integer.toString(forumId), Integer.toString(page)};
01|        db.beginTransaction();
2|        db.beginTransactionNonExclusive(); //@TX-01
        try {
            db.delete(AwfulThread.TABLE, AwfulThread.FORUM_ID + "=? AND " + AwfulThread.PAGE + "=?", args);
            for (ContentValues thread : threads) {
                db.insertWithOnConflict(AwfulThread.TABLE, null, thread, SQLiteDatabase.CONFLICT_REPLACE);
            }
            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|            db.endTransaction();
2|        } catch (SQLException e) {
2|            Log.e(TAG, "Could not store page " + page + " of forum " + forumId, e);
2|        }
    }
}
''')
cases_of(case, GH + 'Awful/Awful.apk/pull/508', src('com.ferg.awfulapp.provider', 'ThreadStore'),
         JV('com.ferg.awfulapp.provider', {v: [
             'android.content.ContentValues', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
             'android.database.sqlite.SQLiteOpenHelper', 'com.ferg.awfulapp.thread.AwfulThread',
             'java.util.Collections', 'java.util.HashSet', 'java.util.List', 'java.util.Set']
             + (['android.database.SQLException', 'android.util.Log'] if v == 2 else []) for v in (0, 1, 2)})(AWFUL), [
             (1, 'java-00-awful-read-threads-cursor-left-open-when-empty',
              'an edit returns early for a forum with no read threads before closing the cursor, leaking one for '
              'every such forum page shown', 'edit'),
             (2, 'java-00-awful-page-transaction-ended-only-on-success',
              'an edit switches the page transaction to a non-exclusive one and ends it only when every insert '
              'succeeded, logging the failure, so a failed insert leaves the SQLite transaction open on the app\'s '
              'connection', 'edit'),
             (0, 'java-ok-00-awful-cursor-by-try-with-resources-transaction-ended-in-finally',
              'clean: the cursor closed by try-with-resources, the transaction ended in finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: name lookups of a Minecraft PvP plugin (PGM)
PGM = template('pgm-usernames', r'''
/** Resolves player names from the server's SQL database on a background thread, caching them for the main thread. */
public class SQLUsernameResolver implements UsernameResolver {
    private static final String SELECT_SQL = "SELECT name, expires FROM usernames WHERE id = ? LIMIT 1";

    private final Connection connection;
    private final Executor executor;
    private final Logger logger;
02|    private final Map<UUID, String> names = new ConcurrentHashMap<>();
1|    private final Map<UUID, String> names = new HashMap<>(); //@CONC-03

    public SQLUsernameResolver(Connection connection, Executor executor, Logger logger) {
        this.connection = connection;
        this.executor = executor;
        this.logger = logger;
    }

    /** Called on the main thread: the cached name, or null while the lookup runs on the database thread. */
    @Override
    public @Nullable String getName(UUID id) {
        String name = names.get(id);
        if (name == null) {
            resolve(id);
        }
        return name;
    }

    private void resolve(UUID id) {
        executor.execute(() -> {
01|            try (PreparedStatement statement = connection.prepareStatement(SELECT_SQL)) {
2|            try {
2|                PreparedStatement statement = connection.prepareStatement(SELECT_SQL); //@RES-01
                statement.setString(1, id.toString());
01|                try (ResultSet result = statement.executeQuery()) {
01|                    if (result.next() && result.getLong(2) > System.currentTimeMillis()) {
01|                        names.put(id, result.getString(1));
01|                    }
01|                }
2|                ResultSet result = statement.executeQuery();
2|                if (result.next() && result.getLong(2) > System.currentTimeMillis()) {
2|                    names.put(id, result.getString(1));
2|                }
            } catch (SQLException e) {
                logger.log(Level.WARNING, "Could not resolve the name of " + id, e);
            }
        });
    }
}
''')
cases_of(case, GH + 'PGMDev/PGM/pull/168', src('tc.oc.pgm.db', 'SQLUsernameResolver'),
         JV('tc.oc.pgm.db', {v: [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.Map', 'java.util.UUID', 'java.util.concurrent.Executor', 'java.util.logging.Level',
             'java.util.logging.Logger', 'org.jetbrains.annotations.Nullable', 'tc.oc.pgm.api.player.UsernameResolver']
             + (['java.util.HashMap'] if v == 1 else ['java.util.concurrent.ConcurrentHashMap']) for v in (0, 1, 2)})(PGM), [
             (1, 'java-00-pgm-moved-resolver-name-cache-not-concurrent',
              'a PR moves the name resolver into the database package and caches names in a plain HashMap that the '
              'database thread fills while the main thread reads it', 'rename'),
             (2, 'java-00-pgm-moved-resolver-statement-and-result-not-closed',
              'a PR moves the name resolver and runs each lookup on a statement and result set it never closes',
              'rename'),
             (0, 'java-ok-00-pgm-moved-resolver-concurrent-cache-resources-closed',
              'clean: the move alone; a concurrent cache, statement and result closed by try-with-resources',
              'rename'),
         ], rename_from=src('tc.oc.pgm.util.usernames', 'SQLUsernameResolver'),
         rename_old=lambda t: t.replace('package tc.oc.pgm.db;', 'package tc.oc.pgm.util.usernames;'))


# ---------------------------------------------------------------- ERR-01 / CONC-05: Discord rich presence thread of a voxel game (Terasology)
TERASOLOGY = template('terasology-discord', r'''
/** Keeps the Discord rich presence of the game up to date from a background thread, reconnecting when Discord restarts. */
public final class DiscordRPCThread implements IPCListener, Runnable {
    private static final Logger logger = LoggerFactory.getLogger(DiscordRPCThread.class);
    private static final long DISCORD_APP_CLIENT_ID = 515274721080639504L;
    private static final long UPDATE_INTERVAL_MS = 15_000;

    private final IPCClient ipcClient;
    private final Thread thread;
    private final AtomicReference<RichPresence> latest = new AtomicReference<>();
    private volatile boolean alive = true;
    private volatile boolean connected;

    public DiscordRPCThread() {
        ipcClient = new IPCClient(DISCORD_APP_CLIENT_ID);
        ipcClient.setListener(this);
        thread = new Thread(this, "DiscordRPC");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> logger.error("Discord RPC thread died", e));
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        alive = false;
        thread.interrupt();
    }

    public void setPresence(RichPresence presence) {
        latest.set(presence);
    }

    @Override
    public void run() {
        while (alive) {
            if (!connected) {
                try {
                    ipcClient.connect();
                } catch (NoDiscordClientException e) {
                    logger.debug("No Discord client running, retrying in {} ms", UPDATE_INTERVAL_MS);
                } catch (RuntimeException e) { //@{1}ERR-01
02|                    logger.warn("Could not connect to Discord: {}", e.getMessage());
1|                    // the Discord subsystem is optional
                }
            }
            RichPresence presence = latest.getAndSet(null);
            if (connected && presence != null) {
                ipcClient.sendRichPresence(presence);
            }
            try {
                Thread.sleep(UPDATE_INTERVAL_MS);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                alive = false;
2|                logger.trace("Discord RPC thread woken up early");
            }
        }
        if (connected) {
            ipcClient.close();
        }
    }

    @Override
    public void onReady(IPCClient client) {
        connected = true;
    }

    @Override
    public void onClose(IPCClient client, JSONObject json) {
        connected = false;
    }

    @Override
    public void onDisconnect(IPCClient client, Throwable t) {
        connected = false;
    }
}
''')
cases_of(case, GH + 'MovingBlocks/Terasology/pull/5063', 'subsystems/DiscordRPC/' + src('org.terasology.subsystem.discordrpc', 'DiscordRPCThread'),
         J('org.terasology.subsystem.discordrpc', SLF4J + [
             'com.jagrosh.discordipc.IPCClient', 'com.jagrosh.discordipc.IPCListener',
             'com.jagrosh.discordipc.entities.RichPresence', 'com.jagrosh.discordipc.exceptions.NoDiscordClientException',
             'java.util.concurrent.atomic.AtomicReference', 'org.json.JSONObject'])(TERASOLOGY), [
             (1, 'java-00-terasology-discord-connect-failure-swallowed',
              'an edit empties the catch of a failed Discord connection, so a broken IPC setup is retried forever '
              'without a line in the log', 'edit'),
             (2, 'java-00-terasology-discord-thread-swallows-interrupt',
              'an edit catches the interrupt of the update pause and loops on, so stopping the subsystem leaves the '
              'thread running', 'edit'),
             (0, 'java-ok-00-terasology-discord-failure-logged-interrupt-ends-thread',
              'clean: a failed connection logged with its message, an interrupt restored and the thread ended', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: API requests of an Android GIF app (giffun)
GIFFUN = template('giffun-request', r'''
/** Base of every request of the app to the GifFun server: builds the call, signs it and parses the answer. */
public abstract class Request {
    private static final Gson GSON = new Gson();
02|    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
02|            .connectTimeout(10, TimeUnit.SECONDS)
02|            .readTimeout(15, TimeUnit.SECONDS)
02|            .writeTimeout(15, TimeUnit.SECONDS)
02|            .build();

    private final Map<String, String> params = new TreeMap<>();

    /** The address of the endpoint, relative to the API root. */
    protected abstract String path();

    public Request param(String key, String value) {
        params.put(key, value);
        return this;
    }

    /** Runs the request on the calling background thread and parses the answer into type. */
    public <T extends Response> T execute(Class<T> type) throws IOException {
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(10, TimeUnit.SECONDS)
1|                .readTimeout(15, TimeUnit.SECONDS)
1|                .writeTimeout(15, TimeUnit.SECONDS)
1|                .build();
        okhttp3.Request request = buildRequest();
0|        try (okhttp3.Response response = CLIENT.newCall(request).execute()) {
1|        try (okhttp3.Response response = client.newCall(request).execute()) {
01|            if (!response.isSuccessful()) {
01|                throw new IOException("GifFun server answered " + response.code() + " for " + path());
01|            }
01|            return GSON.fromJson(response.body().charStream(), type);
01|        }
2|        okhttp3.Response response = CLIENT.newCall(request).execute(); //@RES-02
2|        if (!response.isSuccessful()) {
2|            throw new IOException("GifFun server answered " + response.code() + " for " + path());
2|        }
2|        return GSON.fromJson(response.body().string(), type);
    }

    private okhttp3.Request buildRequest() {
        FormBody.Builder form = new FormBody.Builder();
        for (Map.Entry<String, String> entry : params.entrySet()) {
            form.add(entry.getKey(), entry.getValue());
        }
        form.add("sign", Signer.sign(params, GifFun.getDeviceSerial()));
        return new okhttp3.Request.Builder()
                .url(GifFun.API_ROOT + path())
                .header("User-Agent", GifFun.getUserAgent())
                .post(form.build())
                .build();
    }
}
''')
cases_of(case, GH + 'guolindev/giffun/issues/27', src('com.quxianggif.network.request', 'Request'),
         J('com.quxianggif.network.request', [
             'com.google.gson.Gson', 'com.quxianggif.core.GifFun', 'com.quxianggif.network.model.Response',
             'com.quxianggif.network.util.Signer', 'java.io.IOException', 'java.util.Map', 'java.util.TreeMap',
             'java.util.concurrent.TimeUnit', 'okhttp3.FormBody', 'okhttp3.OkHttpClient'])(GIFFUN), [
             (1, 'java-00-giffun-new-request-client-per-call',
              'a new request base class builds an OkHttp client, with its own connection pool and dispatcher, for '
              'every request the app sends', 'new'),
             (2, 'java-00-giffun-new-request-error-answer-left-open',
              'a new request base class reads the answer outside try-with-resources, so every error answer keeps its '
              'connection', 'new'),
             (0, 'java-ok-00-giffun-new-request-shared-client-answer-closed',
              'clean: a new request base class on one shared client, each answer closed by try-with-resources',
              'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: packet handling of a game server (Nukkit-Retro)
NUKKIT = template('nukkit-session', r'''
/** The network session of one player: inflates the batches RakNet receives and hands each game packet to the player. */
@Log4j2
public class PlayerNetworkSession {
    private static final int MAX_BATCH_SIZE = 12 * 1024 * 1024;

    private final Server server;
    private final Player player;
    private final Network network;

    public PlayerNetworkSession(Server server, Player player) {
        this.server = server;
        this.player = player;
        this.network = server.getNetwork();
    }

    /** Called on the network thread for every batch the client sends; a batch holds many game packets. */
    public void handleBatch(byte[] payload) {
        List<DataPacket> packets;
        try {
            packets = network.decodeBatch(Zlib.inflate(payload, MAX_BATCH_SIZE));
        } catch (Exception e) {
            log.warn("Dropping malformed batch from {}", player.getAddress(), e);
            player.close("", "Malformed packet");
            return;
        }
        for (DataPacket packet : packets) {
            network.countInbound(packet.pid());
1|            log.debug("Received " + packet + " from " + player.getName()); //@LOG-02
2|            log.info("Received packet {} from {}", packet.getClass().getSimpleName(), player.getName()); //@LOG-01
            player.handleDataPacket(packet);
        }
    }

    /** Queues a packet for the player; the server flushes the queue once per tick. */
    public void sendPacket(DataPacket packet) {
        if (!player.isConnected()) {
            return;
        }
        packet.tryEncode();
        server.batchPackets(new Player[]{player}, new DataPacket[]{packet});
    }
}
''')
cases_of(case, GH + 'MemoriesOfTime/Nukkit-Retro/issues/4', src('cn.nukkit.network.session', 'PlayerNetworkSession'),
         J('cn.nukkit.network.session', [
             'cn.nukkit.Player', 'cn.nukkit.Server', 'cn.nukkit.network.Network',
             'cn.nukkit.network.protocol.DataPacket', 'cn.nukkit.utils.Zlib', 'java.util.List',
             'lombok.extern.log4j.Log4j2'])(NUKKIT), [
             (1, 'java-00-nukkit-packet-debug-line-concatenated',
              'an edit logs every received game packet at debug by concatenating the packet, so every packet is '
              'turned into a string on the network thread even with debug off', 'edit'),
             (2, 'java-00-nukkit-packet-info-line-per-packet',
              'an edit logs every received game packet at info, flooding the console of every server', 'edit'),
             (0, 'java-ok-00-nukkit-packet-counted-not-logged',
              'clean: each packet counted for the network statistics, no line per packet', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: citation processor (citeproc-java)
CITEPROC = template('citeproc-csl', r'''
/** The citation processor: renders citations and bibliographies with a CSL style through the citeproc-js engine. */
public class CSL implements Closeable {
    /** The item provider of the call running on this thread; the engine's callbacks read it back. */
    static final ThreadLocal<ItemDataProvider> CURRENT_PROVIDER = new ThreadLocal<>();
01|    private static final Map<String, String> STYLE_CACHE = new ConcurrentHashMap<>();
2|    private static final Map<String, String> STYLE_CACHE = new HashMap<>(); //@CONC-03

    private final ScriptRunner runner;
    private final Object engine;
    private final ItemDataProvider itemDataProvider;

    public CSL(ItemDataProvider itemDataProvider, String style) throws IOException {
        this.itemDataProvider = itemDataProvider;
        this.runner = ScriptRunnerFactory.createRunner();
        this.runner.loadScript(CSL.class.getResource("citeproc.js"));
        this.engine = runner.callMethod("makeEngine", Object.class, loadStyle(style), "en-US");
    }

    /** Loads a style by name from the class path, once per style for the whole JVM. */
    static String loadStyle(String styleName) throws IOException {
        String cached = STYLE_CACHE.get(styleName);
        if (cached != null) {
            return cached;
        }
        String xml;
        try (InputStream in = CSL.class.getResourceAsStream("/" + styleName + ".csl")) {
            if (in == null) {
                throw new FileNotFoundException("Unknown citation style " + styleName);
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        STYLE_CACHE.put(styleName, xml);
        return xml;
    }

    /** Renders citations of the given items. */
    public List<Citation> makeCitation(String... ids) {
        CURRENT_PROVIDER.set(itemDataProvider);
        try {
            return runner.callMethod("makeCitation", List.class, engine, ids);
        } finally {
            CURRENT_PROVIDER.remove();
        }
    }

    /** Renders the bibliography of every item registered so far. */
    public Bibliography makeBibliography() {
        CURRENT_PROVIDER.set(itemDataProvider); //@{1}CONC-04
02|        try {
02|            return runner.callMethod("makeBibliography", Bibliography.class, engine);
02|        } finally {
02|            CURRENT_PROVIDER.remove();
02|        }
1|        return runner.callMethod("makeBibliography", Bibliography.class, engine);
    }

    @Override
    public void close() {
        runner.release();
    }
}
''')
cases_of(case, GH + 'michel-kraemer/citeproc-java/issues/54', 'citeproc-java/' + src('de.undercouch.citeproc', 'CSL'),
         JV('de.undercouch.citeproc', {v: [
             'de.undercouch.citeproc.output.Bibliography', 'de.undercouch.citeproc.output.Citation',
             'de.undercouch.citeproc.script.ScriptRunner', 'de.undercouch.citeproc.script.ScriptRunnerFactory',
             'java.io.Closeable', 'java.io.FileNotFoundException', 'java.io.IOException', 'java.io.InputStream',
             'java.nio.charset.StandardCharsets', 'java.util.List', 'java.util.Map']
             + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap']) for v in (0, 1, 2)})(CITEPROC), [
             (1, 'java-00-citeproc-bibliography-provider-left-on-thread',
              'an edit sets the item provider of the thread for a bibliography and no longer removes it, so a pooled '
              'web thread keeps the provider and its items after the request', 'edit'),
             (2, 'java-00-citeproc-style-cache-not-concurrent',
              'an edit caches the loaded styles in a plain static HashMap that every request thread reads and fills',
              'edit'),
             (0, 'java-ok-00-citeproc-provider-removed-in-finally-concurrent-cache',
              'clean: the provider removed in finally, the style cache a ConcurrentHashMap', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / TMO-01: Hacker News poller of a repository bot (codexia-bot)
CODEXIA = template('codexia-hackernews', r'''
/** Polls Hacker News every few minutes and hands the new items that link a GitHub repository to Codexia. */
@Slf4j
public final class HackernewsPoller implements AutoCloseable {
    private static final int MAX_ITEMS_PER_POLL = 500;
01|    private static final int CONNECT_TIMEOUT_MS = 5_000;
01|    private static final int READ_TIMEOUT_MS = 15_000;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String apiRoot;
    private final CodexiaClient codexia;
    private long lastSeen;

    public HackernewsPoller(String apiRoot, CodexiaClient codexia) {
        this.apiRoot = apiRoot;
        this.codexia = codexia;
    }

    public void start(Duration period) {
02|        scheduler.scheduleAtFixedRate(() -> {
02|            try {
02|                poll();
02|            } catch (RuntimeException e) {
02|                log.error("Hacker News poll failed, next attempt in {}", period, e);
02|            }
02|        }, 0, period.toSeconds(), TimeUnit.SECONDS);
1|        scheduler.scheduleAtFixedRate(this::poll, 0, period.toSeconds(), TimeUnit.SECONDS); //@CONC-07
    }

    private void poll() {
        long max = fetch(apiRoot + "/maxitem.json", Long.class);
        for (long id = Math.max(lastSeen + 1, max - MAX_ITEMS_PER_POLL); id <= max; id++) {
            HackernewsItem item = fetch(apiRoot + "/item/" + id + ".json", HackernewsItem.class);
            if (item != null && item.linksGithub()) {
                codexia.submit(item.repository(), "hackernews", item.url());
            }
            lastSeen = id;
        }
    }

    private <T> T fetch(String address, Class<T> type) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(address).openConnection(); //@{2}TMO-01
01|            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|            connection.setReadTimeout(READ_TIMEOUT_MS);
            try (InputStream in = connection.getInputStream()) {
                return mapper.readValue(in, type);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + address, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'iakunin/codexia-bot/pull/137', src('dev.iakunin.codexiabot.hackernews', 'HackernewsPoller'),
         J('dev.iakunin.codexiabot.hackernews', [
             'com.fasterxml.jackson.databind.ObjectMapper', 'dev.iakunin.codexiabot.codexia.CodexiaClient',
             'java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException', 'java.net.HttpURLConnection',
             'java.net.URL', 'java.time.Duration', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
             'lombok.extern.slf4j.Slf4j'])(CODEXIA), [
             (1, 'java-00-codexia-new-poller-scheduled-without-catch',
              'a new poller schedules its poll directly, so the first unreadable answer cancels every later poll '
              'without a trace', 'new'),
             (2, 'java-00-codexia-new-poller-connection-without-timeouts',
              'a new poller opens its Hacker News connections without connect or read timeouts, so one stalled '
              'answer blocks the only polling thread for good', 'new'),
             (0, 'java-ok-00-codexia-new-poller-guarded-bounded-connections',
              'clean: a new poller whose scheduled poll is guarded by a catch and whose connections time out', 'new'),
         ])
