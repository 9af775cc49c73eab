"""Round-56 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / LOG-02: UUID cache of a Minecraft server mod (TotalFreedomMod)
TFM = template('totalfreedom-uuid-manager', r'''
/**
 * Maps player names to the UUIDs the mod stores its player data under; chat and login listeners call it from the
 * server thread and from asynchronous chat threads.
 */
public final class TFM_UuidManager {
    private static final Logger LOGGER = Logger.getLogger(TFM_UuidManager.class.getName());
    private static final Map<String, UUID> UUID_CACHE = new HashMap<>();
    private static File cacheFile;

    private TFM_UuidManager() {
    }

    public static void load(File file) throws IOException {
        cacheFile = file;
        YamlConfiguration config = YamlConfiguration.loadConfiguration(file);
        synchronized (UUID_CACHE) {
            for (String name : config.getKeys(false)) {
                UUID_CACHE.put(name, UUID.fromString(config.getString(name)));
            }
        }
    }

    public static UUID getUniqueId(String playerName) {
        final String name = playerName.toLowerCase(Locale.ROOT);
02|        synchronized (UUID_CACHE) {
02|            return UUID_CACHE.computeIfAbsent(name, TFM_UuidManager::generateUuid);
02|        }
1|        return UUID_CACHE.computeIfAbsent(name, TFM_UuidManager::generateUuid); //@CONC-03
    }

    public static void save() throws IOException {
        YamlConfiguration config = new YamlConfiguration();
        int count;
        synchronized (UUID_CACHE) {
            for (Map.Entry<String, UUID> entry : UUID_CACHE.entrySet()) {
                config.set(entry.getKey(), entry.getValue().toString());
            }
            count = UUID_CACHE.size();
        }
        config.save(cacheFile);
01|        LOGGER.log(Level.FINE, "Saved {0} UUIDs to {1}", new Object[] {count, cacheFile.getName()});
2|        LOGGER.fine("Saved " + count + " UUIDs to " + cacheFile.getName()); //@LOG-02
    }

    private static UUID generateUuid(String name) {
        return UUID.nameUUIDFromBytes(("OfflinePlayer:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
''')
cases_of(case, GH + 'TotalFreedom/TotalFreedomMod/issues/549', src('me.StevenLawson.TotalFreedomMod', 'TFM_UuidManager'),
         J('me.StevenLawson.TotalFreedomMod',
           ['java.io.File', 'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.HashMap',
            'java.util.Locale', 'java.util.Map', 'java.util.UUID', 'java.util.logging.Level',
            'java.util.logging.Logger', 'org.bukkit.configuration.file.YamlConfiguration'])(TFM), [
             (1, 'java-00-totalfreedom-uuid-cache-written-unsynchronised',
              'an edit drops the lock around the cache lookup, so an asynchronous chat event and the save iterate '
              'and write the HashMap at once and the server throws ConcurrentModificationException', 'edit'),
             (2, 'java-00-totalfreedom-uuid-save-log-concatenated',
              'an edit builds the save message by string concatenation at FINE level, paid on every save with '
              'FINE off', 'edit'),
             (0, 'java-ok-00-totalfreedom-uuid-cache-synchronised',
              'clean: the fix looks the UUID up under the cache\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-06: update check of a Discord music bot (MusicBot)
MUSICBOT = template('musicbot-update-check', r'''
/**
 * Looks up the newest release of the bot on GitHub and tells the owner when the running version is older.
 */
public final class UpdateChecker {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateChecker.class);
    private static final String RELEASES_URL = "https://api.github.com/repos/jagrosh/MusicBot/releases/latest";
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    private UpdateChecker() {
    }

    public static void checkVersion(Prompt prompt, ExecutorService executor) {
01|        CompletableFuture.runAsync(() -> notifyIfOutdated(prompt), executor)
01|                .exceptionally(ex -> {
01|                    LOG.warn("Version check failed", ex);
01|                    return null;
01|                });
2|        executor.submit(() -> notifyIfOutdated(prompt)); //@CONC-06
    }

    private static void notifyIfOutdated(Prompt prompt) {
        String current = OtherUtil.getCurrentVersion();
        String latest = getLatestVersion();
        if (latest != null && !latest.equals(current)) {
            prompt.alert(Prompt.Level.WARNING, "Version",
                    String.format("There is a new version of JMusicBot available: %s (you run %s)", latest, current));
        }
    }

    static String getLatestVersion() {
        try {
            URL url = new URL(RELEASES_URL);
            HttpURLConnection con = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|            con.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|            con.setReadTimeout(READ_TIMEOUT_MS);
            con.setRequestProperty("Accept", "application/vnd.github+json");
            try (Reader reader = new InputStreamReader(con.getInputStream(), StandardCharsets.UTF_8)) {
                return new JSONObject(new JSONTokener(reader)).getString("tag_name");
            } finally {
                con.disconnect();
            }
        } catch (IOException | JSONException ex) {
            LOG.warn("Could not read the latest release", ex);
            return null;
        }
    }
}
''')
MUSIC_BASE = SLF4J + ['com.jagrosh.jmusicbot.entities.Prompt', 'java.io.IOException', 'java.io.InputStreamReader',
                      'java.io.Reader', 'java.net.HttpURLConnection', 'java.net.URL',
                      'java.nio.charset.StandardCharsets', 'java.util.concurrent.ExecutorService',
                      'org.json.JSONException', 'org.json.JSONObject', 'org.json.JSONTokener']
MUSIC_IMPORTS = {0: MUSIC_BASE + ['java.util.concurrent.CompletableFuture'],
                 1: MUSIC_BASE + ['java.util.concurrent.CompletableFuture'], 2: MUSIC_BASE}
cases_of(case, GH + 'jagrosh/MusicBot/issues/495', src('com.jagrosh.jmusicbot.utils', 'UpdateChecker'),
         JV('com.jagrosh.jmusicbot.utils', MUSIC_IMPORTS)(MUSICBOT), [
             (1, 'java-00-musicbot-release-check-without-timeouts',
              'an edit drops the connect and read timeouts of the release lookup, so a GitHub connection that '
              'stalls holds the thread for good', 'edit'),
             (2, 'java-00-musicbot-version-check-future-dropped',
              'an edit submits the version check and drops its future, so an exception in it vanishes without a '
              'log line', 'edit'),
             (0, 'java-ok-00-musicbot-release-check-with-timeouts',
              'clean: the fix sets connect and read timeouts on the release lookup', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: query endpoint of a JDBC bridge server (jdbcx)
JDBCX = template('jdbcx-bridge-query', r'''
/**
 * Runs the query of a bridge request on the configured data source and streams the result to the client.
 */
public class QueryHandler {
    private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

    private final DataSource dataSource;
    private final ResultSerializer serializer;

    public QueryHandler(DataSource dataSource, ResultSerializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    public void writeResult(QueryInfo info, OutputStream out) throws IOException {
        log.debug("Executing query {} for {}", info.getQueryId(), info.getClient());
        try {
02|            try (Connection conn = dataSource.getConnection();
02|                    Statement stmt = conn.createStatement();
1|            Connection conn = dataSource.getConnection(); //@RES-01
1|            try (Statement stmt = conn.createStatement();
                    ResultSet rs = stmt.executeQuery(info.getQuery())) {
                stmt.setQueryTimeout(info.getTimeoutSeconds());
                serializer.write(rs, out);
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new IOException("Query " + info.getQueryId() + " failed", e);
2|            serializer.writeEmpty(out);
        }
    }
}
''')
cases_of(case, GH + 'jdbcx/jdbcx/pull/93', 'server/' + src('io.github.jdbcx.server', 'QueryHandler'),
         J('io.github.jdbcx.server', SLF4J + ['java.io.IOException', 'java.io.OutputStream', 'java.sql.Connection',
                                              'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement',
                                              'javax.sql.DataSource'])(JDBCX), [
             (1, 'java-00-jdbcx-bridge-connection-never-closed',
              'an edit takes the connection out of the try-with-resources, so every bridged query keeps a pooled '
              'connection until the pool is exhausted', 'edit'),
             (2, 'java-00-jdbcx-bridge-query-failure-swallowed',
              'an edit answers a failed query with an empty result and no log, so the client cannot tell an error '
              'from no rows', 'edit'),
             (0, 'java-ok-00-jdbcx-bridge-connection-closed',
              'clean: the fix opens the connection in the try-with-resources with its statement and result set',
              'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: timestamp literals of a kdb+ q client (java-q)
JAVAQ = template('java-q-timestamp-formatter', r'''
/**
 * Converts between java.util.Date and q timestamp literals (kdb+ stores timestamps in UTC).
 */
public final class QTimestampFormatter {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final String PATTERN = "yyyy.MM.dd'D'HH:mm:ss.SSS";

    private QTimestampFormatter() {
    }

    public static String toLiteral(Date date) {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT); //@{1}TIME-01
02|        format.setTimeZone(UTC);
        return format.format(date) + "000000";
    }

    public static Date fromLiteral(String literal) {
        if (literal.length() < 23) {
            throw new IllegalArgumentException("not a q timestamp: " + literal);
        }
        SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
        format.setTimeZone(UTC);
        try {
            return format.parse(literal.substring(0, 23));
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("not a q timestamp: " + literal, e);
2|            return null;
        }
    }
}
''')
cases_of(case, GH + 'michaelwittig/java-q/pull/10', src('info.michaelwittig.javaq.query.type', 'QTimestampFormatter'),
         J('info.michaelwittig.javaq.query.type', ['java.text.ParseException', 'java.text.SimpleDateFormat',
                                                   'java.util.Date', 'java.util.Locale', 'java.util.TimeZone'])(JAVAQ), [
             (1, 'java-00-java-q-renamed-formatter-in-local-zone',
              'a PR renames the timestamp formatter and drops its UTC zone, so on a non-UTC machine every '
              'timestamp sent to kdb+ is off by the local offset', 'rename'),
             (2, 'java-00-java-q-renamed-parse-error-to-null',
              'a PR renames the timestamp formatter and turns an unparsable literal into null, so a bad timestamp '
              'from the server surfaces later as a NullPointerException', 'rename'),
             (0, 'java-ok-00-java-q-renamed-formatter',
              'clean: the rename alone; literals formatted in UTC, a parse failure reported with its cause', 'rename'),
         ], rename_from=src('info.michaelwittig.javaq.query.type', 'QDateFormatter'),
         rename_old=lambda t: t.replace('QTimestampFormatter', 'QDateFormatter'))


# ---------------------------------------------------------------- CONC-07 / RES-01: periodic database flush of a Minecraft statistics plugin (Statz)
STATZ = template('statz-update-database-task', r'''
/**
 * Writes the statistics queued by the listeners to the database every few seconds.
 */
public class UpdateDatabaseTask implements Runnable {
    private static final String UPSERT = "INSERT INTO statz_stats (uuid, stat, world, value) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE value = value + VALUES(value)";

    private final Statz plugin;

    public UpdateDatabaseTask(Statz plugin) {
        this.plugin = plugin;
    }

    public static ScheduledFuture<?> start(ScheduledExecutorService scheduler, Statz plugin) {
        UpdateDatabaseTask task = new UpdateDatabaseTask(plugin);
        long period = plugin.getConfigHandler().getPeriodicSaveTime();
02|        return scheduler.scheduleWithFixedDelay(task::runGuarded, period, period, TimeUnit.SECONDS);
1|        return scheduler.scheduleWithFixedDelay(task, period, period, TimeUnit.SECONDS); //@CONC-07
    }

02|    void runGuarded() {
02|        try {
02|            run();
02|        } catch (RuntimeException e) {
02|            plugin.getLogger().log(Level.WARNING, "Could not write the queued statistics, retrying next period", e);
02|        }
02|    }
02|
    @Override
    public void run() {
        List<Query> queries = plugin.getUpdatePoolManager().drainQueries();
        if (queries.isEmpty()) {
            return;
        }
        try (Connection conn = plugin.getDataManager().getConnection()) {
01|            try (PreparedStatement ps = conn.prepareStatement(UPSERT)) {
01|                for (Query query : queries) {
01|                    query.bind(ps);
01|                    ps.addBatch();
01|                }
01|                ps.executeBatch();
01|            }
2|            PreparedStatement ps = conn.prepareStatement(UPSERT); //@RES-01
2|            for (Query query : queries) {
2|                query.bind(ps);
2|                ps.addBatch();
2|            }
2|            ps.executeBatch();
        } catch (SQLException e) {
            plugin.getUpdatePoolManager().requeue(queries);
            throw new IllegalStateException("Statz database update failed", e);
        }
    }
}
''')
cases_of(case, GH + 'Staartvin/Statz/issues/82', src('me.staartvin.statz.tasks', 'UpdateDatabaseTask'),
         J('me.staartvin.statz.tasks', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                                        'java.util.List', 'java.util.concurrent.ScheduledExecutorService',
                                        'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                        'java.util.logging.Level', 'me.staartvin.statz.Statz',
                                        'me.staartvin.statz.update.Query'])(STATZ), [
             (1, 'java-00-statz-flush-scheduled-unguarded',
              'an edit schedules the database flush itself instead of its guarded wrapper, so the first failed '
              'flush cancels the schedule and no statistic is written again until a restart', 'edit'),
             (2, 'java-00-statz-flush-statement-never-closed',
              'an edit takes the batch statement out of its try-with-resources, so every flush leaves a statement '
              'open on the pooled connection', 'edit'),
             (0, 'java-ok-00-statz-flush-scheduled-guarded',
              'clean: the fix schedules the wrapper that catches and logs a failed flush', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: training loop of a multi-label learner (XMLC)
XMLC = template('xmlc-training-loop', r'''
/**
 * Online training of the probabilistic label tree on one data set.
 */
public class PLTLearner extends AbstractLearner {
    private static final Logger logger = LoggerFactory.getLogger(PLTLearner.class);

    public PLTLearner(LearnerProperties properties) {
        super(properties);
    }

    @Override
    public void train(AVTable data) {
        initTree(data.m);
        for (int epoch = 0; epoch < this.epochs; epoch++) {
            double loss = 0.0;
            int[] order = shuffledIndices(data.n);
02|            logger.info("Epoch {} of {}: {} instances", epoch + 1, this.epochs, data.n);
1|            logger.info("Epoch " + (epoch + 1) + " of " + this.epochs + ": " + data.n + " instances"); //@LOG-02
            for (int i : order) {
                loss += updateTree(data.x[i], data.y[i]);
2|                logger.info("Updated instance {} with {} labels, running loss {}", i, data.y[i].length, loss); //@LOG-01
                this.T++;
            }
            logger.info("Epoch {} done, average loss {}", epoch + 1, loss / data.n);
        }
    }
}
''')
cases_of(case, GH + 'busarobi/XMLC/pull/11', src('Learner', 'PLTLearner'),
         J('Learner', SLF4J + ['Data.AVTable', 'util.LearnerProperties'])(XMLC), [
             (1, 'java-00-xmlc-epoch-log-concatenated',
              'an edit builds the epoch message by string concatenation instead of SLF4J placeholders', 'edit'),
             (2, 'java-00-xmlc-every-instance-logged',
              'an edit logs every instance update of every epoch at INFO, one line per training example', 'edit'),
             (0, 'java-ok-00-xmlc-epoch-log-parameterised',
              'clean: the fix logs the epoch with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: event publishing of an analytics SaaS client (KeenClient-Java)
KEEN = template('keen-client-publish', r'''
/**
 * Publishes single events to the Keen IO API over HttpURLConnection.
 */
public class KeenClient {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final String projectId;
    private final String writeKey;
    private final KeenJsonHandler jsonHandler;

    public KeenClient(String projectId, String writeKey, KeenJsonHandler jsonHandler) {
        this.projectId = projectId;
        this.writeKey = writeKey;
        this.jsonHandler = jsonHandler;
    }

    public void addEvent(String collection, Map<String, Object> event) throws IOException {
        URL url = new URL(String.format("%s/%s/projects/%s/events/%s", KeenConstants.SERVER_ADDRESS,
                KeenConstants.API_VERSION, projectId, URLEncoder.encode(collection, "UTF-8")));
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", writeKey);
01|        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            jsonHandler.writeJson(new OutputStreamWriter(out, StandardCharsets.UTF_8), event);
        }
        int code = connection.getResponseCode();
02|        try (InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
02|            handleResponse(code, in);
02|        }
1|        InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream(); //@RES-02
1|        handleResponse(code, in);
    }

    private void handleResponse(int code, InputStream in) throws IOException {
        if (code / 100 != 2) {
            throw new ServerException("Keen answered " + code + ": " + KeenUtils.convertStreamToString(in));
        }
    }
}
''')
cases_of(case, GH + 'keenlabs/KeenClient-Java/pull/6', 'core/' + src('io.keen.client.java', 'KeenClient'),
         J('io.keen.client.java', ['io.keen.client.java.exceptions.ServerException', 'java.io.IOException',
                                   'java.io.InputStream', 'java.io.OutputStream', 'java.io.OutputStreamWriter',
                                   'java.net.HttpURLConnection', 'java.net.URL', 'java.net.URLEncoder',
                                   'java.nio.charset.StandardCharsets', 'java.util.Map'])(KEEN), [
             (1, 'java-00-keen-answer-stream-never-closed',
              'an edit reads the answer of each published event without closing its stream, so a busy server '
              'piles up connections in CLOSE_WAIT until it runs out of file descriptors', 'edit'),
             (2, 'java-00-keen-publish-without-timeouts',
              'an edit drops the connect and read timeouts of the publish connection, so an unanswering API '
              'blocks the publishing thread forever', 'edit'),
             (0, 'java-ok-00-keen-answer-stream-closed',
              'clean: the fix reads the answer in a try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-04 / LOG-02: request context filter of a messenger back end (chaos-e2ee-messenger)
CHAOS = template('chaos-messenger-new-request-filter', r'''
/**
 * Gives every request an id, returns it to the client and puts it into the logging context of the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContextFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestContextFilter.class);
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID_KEY = "requestId";
    private static final int MAX_ID_LENGTH = 64;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_ID_LENGTH) {
            requestId = UUID.randomUUID().toString();
01|            log.debug("No usable {} on {} {}, generated {}", REQUEST_ID_HEADER, request.getMethod(),
01|                    request.getRequestURI(), requestId);
2|            log.debug("No usable " + REQUEST_ID_HEADER + " on " + request.getMethod() + " " //@LOG-02
2|                    + request.getRequestURI() + ", generated " + requestId);
        }
        response.setHeader(REQUEST_ID_HEADER, requestId);
02|        try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID_KEY, requestId)) {
02|            chain.doFilter(request, response);
02|        }
1|        MDC.put(REQUEST_ID_KEY, requestId); //@CONC-04
1|        chain.doFilter(request, response);
    }
}
''')
cases_of(case, GH + 'vaazhen/chaos-e2ee-messenger/issues/286', 'backend/' + src('io.chaos.messenger.web', 'RequestContextFilter'),
         J('io.chaos.messenger.web', SLF4J + ['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException',
                                              'jakarta.servlet.http.HttpServletRequest',
                                              'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException',
                                              'java.util.UUID', 'org.slf4j.MDC', 'org.springframework.core.Ordered',
                                              'org.springframework.core.annotation.Order',
                                              'org.springframework.stereotype.Component',
                                              'org.springframework.web.filter.OncePerRequestFilter'])(CHAOS), [
             (1, 'java-00-chaos-new-filter-request-id-left-in-mdc',
              'a new request filter puts the request id into the MDC and never removes it, so a pooled server '
              'thread logs later work under the id of an earlier request', 'new'),
             (2, 'java-00-chaos-new-filter-debug-log-concatenated',
              'a new request filter builds its debug message by concatenation, paid on every request without an '
              'id even with DEBUG off', 'new'),
             (0, 'java-ok-00-chaos-new-filter',
              'clean: a new request filter whose MDC entry is closed when the request ends, logging with '
              'placeholders', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: accept loop of a mod-sync game server (ServerSync)
SERVERSYNC = template('serversync-accept-loop', r'''
/**
 * Accepts the connections of ServerSync clients and serves each on its own worker thread.
 */
public class ServerSyncServer implements Runnable {
    private static final Logger LOGGER = Logger.getLogger(ServerSyncServer.class.getName());
    private static final long RETRY_DELAY_MS = 2_000L;

    private final ServerSocket serverSocket;
    private final SyncConfig config;

    public ServerSyncServer(ServerSocket serverSocket, SyncConfig config) {
        this.serverSocket = serverSocket;
        this.config = config;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted() && !serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                client.setSoTimeout(config.getClientTimeoutMillis());
                startWorker(client);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not accept a client, retrying", e);
                try {
                    Thread.sleep(RETRY_DELAY_MS);
                } catch (InterruptedException ie) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    return;
1|                    LOGGER.fine("Interrupted while waiting to accept again");
                }
            }
        }
    }

    private void startWorker(Socket client) {
        Thread worker = new Thread(new ServerWorker(client, config), "ServerSync worker"); //@{2}CONC-01
01|        worker.setUncaughtExceptionHandler((thread, ex) ->
01|                LOGGER.log(Level.SEVERE, ex, () -> thread.getName() + " failed for " + client.getRemoteSocketAddress()));
        worker.setDaemon(true);
        worker.start();
    }
}
''')
cases_of(case, GH + 'superzanti/ServerSync/pull/273', src('com.superzanti.serversync.server', 'ServerSyncServer'),
         J('com.superzanti.serversync.server', ['com.superzanti.serversync.config.SyncConfig', 'java.io.IOException',
                                                'java.net.ServerSocket', 'java.net.Socket', 'java.util.logging.Level',
                                                'java.util.logging.Logger'])(SERVERSYNC), [
             (1, 'java-00-serversync-accept-retry-interrupt-swallowed',
              'an edit logs the interrupt of the retry sleep and loops on with the flag cleared, so stopping the '
              'game server leaves the accept thread running', 'edit'),
             (2, 'java-00-serversync-worker-thread-without-handler',
              'an edit starts each client worker thread without an uncaught-exception handler, so a worker that '
              'dies on a bad client leaves nothing in the server log', 'edit'),
             (0, 'java-ok-00-serversync-accept-retry-interrupt-restored',
              'clean: the fix restores the interrupt flag and leaves the accept loop', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-07: clan storage of a Minecraft clans plugin (SimpleClans)
SIMPLECLANS = template('simpleclans-storage-manager', r'''
/**
 * Saves clans and their members to MySQL, right away on commands and every few minutes for the rest.
 */
public final class StorageManager {
    private final SimpleClans plugin;
    private final DBCore core;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    private final Set<Clan> modifiedClans = ConcurrentHashMap.newKeySet();

    public StorageManager(SimpleClans plugin, DBCore core) {
        this.plugin = plugin;
        this.core = core;
    }

    public void startSaveTask() {
        long period = plugin.getSettingsManager().getSaveIntervalMinutes() * 60L;
01|        saver.scheduleAtFixedRate(this::saveModifiedClansSafely, period, period, TimeUnit.SECONDS);
2|        saver.scheduleAtFixedRate(this::saveModifiedClans, period, period, TimeUnit.SECONDS); //@CONC-07
    }

01|    private void saveModifiedClansSafely() {
01|        try {
01|            saveModifiedClans();
01|        } catch (RuntimeException e) {
01|            plugin.getLogger().log(Level.SEVERE, "Periodic clan save failed, retrying next period", e);
01|        }
01|    }
01|
    private void saveModifiedClans() {
        for (Clan clan : modifiedClans) {
            updateClan(clan);
            modifiedClans.remove(clan);
        }
    }

    public void updateClan(Clan clan) {
        try (Connection conn = core.getConnection()) {
            conn.setAutoCommit(false); //@{1}TX-01
02|            try {
02|                writeClan(conn, clan);
02|                conn.commit();
02|            } catch (SQLException | RuntimeException e) {
02|                conn.rollback();
02|                throw e;
02|            } finally {
02|                conn.setAutoCommit(true);
02|            }
1|            writeClan(conn, clan);
1|            conn.commit();
1|            conn.setAutoCommit(true);
        } catch (SQLException e) {
            plugin.getLogger().log(Level.SEVERE, e, () -> "Could not save clan " + clan.getTag());
        }
    }
}
''')
cases_of(case, GH + 'RoinujNosde/SimpleClans/issues/43', src('net.sacredlabyrinth.phaed.simpleclans.storage', 'StorageManager'),
         J('net.sacredlabyrinth.phaed.simpleclans.storage',
           ['java.sql.Connection', 'java.sql.SQLException', 'java.util.Set', 'java.util.concurrent.ConcurrentHashMap',
            'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
            'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'net.sacredlabyrinth.phaed.simpleclans.Clan',
            'net.sacredlabyrinth.phaed.simpleclans.SimpleClans'])(SIMPLECLANS), [
             (1, 'java-00-simpleclans-clan-update-not-rolled-back',
              'an edit drops the rollback of a failed clan update, so a half-written clan goes back to the pool '
              'with an open transaction and autocommit off, and the next save commits it', 'edit'),
             (2, 'java-00-simpleclans-save-task-unguarded',
              'an edit schedules the periodic save without its catch, so one failing clan cancels every later '
              'periodic save until a restart', 'edit'),
             (0, 'java-ok-00-simpleclans-clan-update-rolled-back',
              'clean: the fix rolls a failed update back and restores autocommit in a finally block', 'fix'),
         ])
