"""Round-29 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP connection its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 28)."""
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


# ---------------------------------------------------------------- RES-01 / LOG-02: block reports (PrismRefracted)
PRISM = template('prism', r'''
/** Counts the blocks each player placed and broke near a location, for the /prism report command. */
public class BlockReportQuery {
    private static final Logger LOG = LoggerFactory.getLogger(BlockReportQuery.class);
    private static final String SQL = "SELECT p.player, SUM(CASE WHEN a.action = 'block-place' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN a.action = 'block-break' THEN 1 ELSE 0 END) FROM prism_data d "
            + "JOIN prism_players p ON p.player_id = d.player_id JOIN prism_actions a ON a.action_id = d.action_id "
            + "WHERE d.world_id = ? AND d.x BETWEEN ? AND ? AND d.z BETWEEN ? AND ? GROUP BY p.player";

    private final DataSource dataSource;

    public BlockReportQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, int[]> report(int worldId, int x, int z, int radius) throws SQLException {
01|        LOG.debug("Block report for world {} around {},{} (radius {})", worldId, x, z, radius);
2|        LOG.debug("Block report for world " + worldId + " around " + x + "," + z + " (radius " + radius + "): " + SQL); //@LOG-02
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement s = conn.prepareStatement(SQL)) {
            s.setQueryTimeout(30);
            s.setInt(1, worldId);
            s.setInt(2, x - radius);
            s.setInt(3, x + radius);
            s.setInt(4, z - radius);
            s.setInt(5, z + radius);
02|            try (ResultSet rs = s.executeQuery()) {
02|                while (rs.next()) {
02|                    counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
02|                }
02|            }
1|            ResultSet rs = s.executeQuery(); //@RES-01
1|            while (rs.next()) {
1|                counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
1|            }
        }
        return counts;
    }
}
''')
cases_of(case, GH + 'prism/PrismRefracted/pull/23', src('me.botsko.prism.actionlibs', 'BlockReportQuery'),
         J('me.botsko.prism.actionlibs', SLF4J + ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
                                                 'java.sql.SQLException', 'java.util.LinkedHashMap', 'java.util.Map',
                                                 'javax.sql.DataSource'])(PRISM), [
             (1, 'java-00-prism-block-report-result-set-never-closed',
              'an edit takes the result set out of try-with-resources and never closes it', 'edit'),
             (2, 'java-00-prism-block-report-debug-line-concatenated',
              'an edit builds the debug line of every report by concatenation, paid with debug off', 'edit'),
             (0, 'java-ok-00-prism-result-set-in-try-parameterised-debug',
              'clean: the result set in try-with-resources, a parameterised debug line', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: table browser (DatabaseManager_For_Android)
DBMANAGER = template('dbmanager', r'''
/** Lists the tables of the app database and reads rows for the in-app database browser. */
public class TableBrowser {
    private static final String TAG = "TableBrowser";

    private final SQLiteOpenHelper helper;

    public TableBrowser(SQLiteOpenHelper helper) {
        this.helper = helper;
    }

    public List<String> tableNames() {
        SQLiteDatabase db = helper.getReadableDatabase();
        List<String> names = new ArrayList<>();
02|        try (Cursor c = db.rawQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", null)) {
02|            while (c.moveToNext()) {
02|                names.add(c.getString(0));
02|            }
02|        }
1|        Cursor c = db.rawQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", null); //@RES-01
1|        while (c.moveToNext()) {
1|            names.add(c.getString(0));
1|        }
        return names;
    }

    public List<String[]> rows(String table, int limit) {
        SQLiteDatabase db = helper.getReadableDatabase();
        List<String[]> rows = new ArrayList<>();
        try (Cursor c = db.query(table, null, null, null, null, null, null, String.valueOf(limit))) {
            while (c.moveToNext()) {
                String[] row = new String[c.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = c.getString(i);
                }
                rows.add(row);
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Cannot read table " + table, e);
2|            Log.d(TAG, "table not readable");
        }
        return rows;
    }
}
''')
cases_of(case, GH + 'sanathp/DatabaseManager_For_Android/issues/20', src('com.sanathp.dbmanager', 'TableBrowser'),
         J('com.sanathp.dbmanager', ['android.database.Cursor', 'android.database.SQLException',
                                     'android.database.sqlite.SQLiteDatabase', 'android.database.sqlite.SQLiteOpenHelper',
                                     'android.util.Log', 'java.util.ArrayList', 'java.util.List'])(DBMANAGER), [
             (1, 'java-00-dbmanager-table-names-cursor-never-closed',
              'an edit takes the table-name cursor out of try-with-resources and never closes it', 'edit'),
             (2, 'java-00-dbmanager-unreadable-table-shown-empty',
              'an edit turns a failed table read into an empty page with a debug line that drops the exception', 'edit'),
             (0, 'java-ok-00-dbmanager-cursor-in-try-failure-thrown',
              'clean: the cursor in try-with-resources, a failed read thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: report state (Ushahidi_Android)
USHAHIDI = template('ushahidi', r'''
/** Reads and writes the OpenGeoSMS state of reports; used by the UI and by the sync service's thread. */
public class OpenGeoSmsDao extends DbContentProvider {
    private static final String TABLE = "opengeosms";
01|    private static final Map<Long, Integer> STATE_CACHE = new ConcurrentHashMap<>();
2|    private static final Map<Long, Integer> STATE_CACHE = new HashMap<>(); //@CONC-03

    public OpenGeoSmsDao(SQLiteDatabase db) {
        super(db);
    }

    public int getReportState(long reportId) {
        Integer cached = STATE_CACHE.get(reportId);
        if (cached != null) {
            return cached;
        }
        int state = STATE_UNKNOWN;
        Cursor cursor = mDb.query(TABLE, new String[] {"state"}, "report_id = ?", //@{1}RES-01
                new String[] {String.valueOf(reportId)}, null, null, null);
02|        try {
02|            if (cursor.moveToFirst()) {
02|                state = cursor.getInt(0);
02|            }
02|        } finally {
02|            cursor.close();
02|        }
1|        if (cursor.moveToFirst()) {
1|            state = cursor.getInt(0);
1|            cursor.close();
1|        }
        STATE_CACHE.put(reportId, state);
        return state;
    }

    public void setReportState(long reportId, int state) {
        ContentValues values = new ContentValues();
        values.put("report_id", reportId);
        values.put("state", state);
        mDb.insertWithOnConflict(TABLE, null, values, SQLiteDatabase.CONFLICT_REPLACE);
        STATE_CACHE.put(reportId, state);
    }
}
''')
cases_of(case, GH + 'ushahidi/Ushahidi_Android/issues/100', src('com.ushahidi.android.app.database', 'OpenGeoSmsDao'),
         JV('com.ushahidi.android.app.database', {
             0: ['android.content.ContentValues', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap'],
             1: ['android.content.ContentValues', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap'],
             2: ['android.content.ContentValues', 'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                 'java.util.HashMap', 'java.util.Map']})(USHAHIDI), [
             (1, 'java-00-ushahidi-report-state-cursor-left-open-when-empty',
              'an edit closes the state cursor only when a row was found, leaking it for every unknown report (CRLF)', 'edit'),
             (2, 'java-00-ushahidi-report-state-cache-plain-hash-map',
              'an edit caches report states in a HashMap that the UI and the sync thread update at once (CRLF)', 'edit'),
             (0, 'java-ok-00-ushahidi-cursor-closed-in-finally-concurrent-cache',
              'clean: the cursor closed in finally on every path, the cache a ConcurrentHashMap (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-01: product download (usgs pdl)
PDL = template('pdl', r'''
/** Downloads product contents from a hub's URL storage. */
public class URLContentFetcher {
    private static final int CONNECT_TIMEOUT = 15000;
    private static final int READ_TIMEOUT = 60000;

    public byte[] fetch(URL url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
01|        conn.setConnectTimeout(CONNECT_TIMEOUT);
01|        conn.setReadTimeout(READ_TIMEOUT);
        conn.setRequestProperty("Accept-Encoding", "gzip");
        int status = conn.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            throw new IOException("Unexpected status " + status + " from " + url);
        }
02|        try (InputStream in = openBody(conn)) {
02|            return in.readAllBytes();
02|        }
1|        InputStream in = openBody(conn); //@RES-01
1|        return in.readAllBytes();
    }

    private static InputStream openBody(HttpURLConnection conn) throws IOException {
        InputStream in = conn.getInputStream();
        return "gzip".equals(conn.getContentEncoding()) ? new GZIPInputStream(in) : in;
    }
}
''')
cases_of(case, GH + 'usgs/pdl/pull/132', src('gov.usgs.earthquake.product.io', 'URLContentFetcher'),
         J('gov.usgs.earthquake.product.io', ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection',
                                              'java.net.URL', 'java.util.zip.GZIPInputStream'])(PDL), [
             (1, 'java-00-pdl-product-body-stream-never-closed',
              'an edit takes the body stream out of try-with-resources, so every download leaks its connection', 'edit'),
             (2, 'java-00-pdl-product-connection-without-timeouts',
              'an edit drops the connect and read timeouts, so a stalled hub holds the download thread', 'edit'),
             (0, 'java-ok-00-pdl-bounded-connection-stream-in-try',
              'clean: connect and read timeouts set, the body stream in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: price cache (gw2-wardrobe-unlock)
GW2 = template('gw2', r'''
/** Downloads the trading-post price of every item into the local cache directory. */
public class ApiCacher {
    private static final Logger logger = LoggerFactory.getLogger(ApiCacher.class);

    private final Gson gson;
    private final PriceApi api;
    private final Path cacheDir;

    public ApiCacher(Gson gson, PriceApi api, Path cacheDir) {
        this.gson = gson;
        this.api = api;
        this.cacheDir = cacheDir;
    }

    public void cachePrices(List<Integer> itemIds) throws IOException, InterruptedException {
        ExecutorService executor = new ThreadPoolExecutor(8, 8, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
01|            List<Future<?>> pending = new ArrayList<>();
01|            for (int id : itemIds) {
01|                pending.add(executor.submit(() -> cachePrice(id)));
01|            }
01|            for (Future<?> f : pending) {
01|                try {
01|                    f.get();
01|                } catch (ExecutionException e) {
01|                    throw new IOException("Failed to cache a price", e.getCause());
01|                }
01|            }
2|            for (int id : itemIds) {
2|                executor.submit(() -> cachePrice(id)); //@CONC-06
2|            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.MINUTES);
        }
    }

    private Void cachePrice(int id) throws IOException {
        Price price = api.price(id);
        Path file = cacheDir.resolve("prices").resolve(id + ".json");
02|        try (JsonWriter writer = gson.newJsonWriter(Files.newBufferedWriter(file))) {
02|            gson.toJson(price, Price.class, writer);
02|        }
1|        JsonWriter writer = gson.newJsonWriter(Files.newBufferedWriter(file)); //@RES-01
1|        gson.toJson(price, Price.class, writer);
1|        writer.flush();
        logger.debug("Cached price of item {}", id);
        return null;
    }
}
''')
cases_of(case, GH + 'immortius/gw2-wardrobe-unlock/issues/1', src('au.net.immortius.wardrobe.gw2api', 'ApiCacher'),
         JV('au.net.immortius.wardrobe.gw2api', {
             0: SLF4J + ['com.google.gson.Gson', 'com.google.gson.stream.JsonWriter', 'java.io.IOException',
                         'java.nio.file.Files', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit'],
             1: SLF4J + ['com.google.gson.Gson', 'com.google.gson.stream.JsonWriter', 'java.io.IOException',
                         'java.nio.file.Files', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit'],
             2: SLF4J + ['com.google.gson.Gson', 'com.google.gson.stream.JsonWriter', 'java.io.IOException',
                         'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit']})(GW2), [
             (1, 'java-00-gw2-price-json-writer-never-closed',
              'an edit takes the JSON writer out of try-with-resources, so every cached price leaks a file handle', 'edit'),
             (2, 'java-00-gw2-price-download-futures-dropped',
              'an edit submits each price download and drops its future, so failed downloads go unnoticed', 'edit'),
             (0, 'java-ok-00-gw2-writer-in-try-futures-checked',
              'clean: the writer in try-with-resources, every download future checked', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: resource bytes (incubator-kie)
KIE = template('kie', r'''
/** Small helpers for reading the files a KIE module is built from. */
public final class ResourceIo {
    private static final int BUFFER_SIZE = 8192;

    private ResourceIo() {
    }

    public static byte[] getBytes(File file) {
02|        try (InputStream in = new FileInputStream(file)) {
1|        try {
1|            InputStream in = new FileInputStream(file); //@RES-01
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(file.length(), BUFFER_SIZE));
            byte[] buffer = new byte[BUFFER_SIZE];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) { //@{2}ERR-01
01|            throw new UncheckedIOException("Unable to read " + file, e);
2|            return new byte[0];
        }
    }

    public static String getString(File file) {
        return new String(getBytes(file), StandardCharsets.UTF_8);
    }
}
''')


def kie_old(text):
    return text.replace('ResourceIo', 'IoUtils')


cases_of(case, GH + 'apache/incubator-kie/pull/865', src('org.kie.builder.impl', 'ResourceIo'),
         J('org.kie.builder.impl', ['java.io.ByteArrayOutputStream', 'java.io.File', 'java.io.FileInputStream',
                                    'java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException',
                                    'java.nio.charset.StandardCharsets'])(KIE), [
             (1, 'java-00-kie-renamed-io-file-stream-never-closed',
              'a PR renames the helper class and opens the file outside try-with-resources, never closing it', 'rename'),
             (2, 'java-00-kie-renamed-io-unreadable-file-read-as-empty',
              'a PR renames the helper class and turns an unreadable file into empty content', 'rename'),
             (0, 'java-ok-00-kie-renamed-io-stream-in-try-failure-thrown',
              'clean: the rename alone; the stream in try-with-resources, a failure thrown with its cause', 'rename'),
         ], rename_from=src('org.kie.builder.impl', 'IoUtils'), rename_old=kie_old)


# ---------------------------------------------------------------- RES-01 / CONC-01: TLS server (RISE-V2G)
RISE = template('rise', r'''
/** Accepts the TLS connections of electric vehicles and hands each to its own communication session. */
public final class TLSServer implements Runnable {
    private static final Logger logger = LogManager.getLogger(TLSServer.class);

    private static final int MAX_SESSIONS = 16;

    private final String keyStorePath;
    private final char[] password;
    private final int port;
    private final ExecutorService sessions = new ThreadPoolExecutor(MAX_SESSIONS, MAX_SESSIONS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_SESSIONS), TLSServer::sessionThread, new ThreadPoolExecutor.AbortPolicy());
    private volatile boolean running = true;

    public TLSServer(String keyStorePath, char[] password, int port) {
        this.keyStorePath = keyStorePath;
        this.password = password;
        this.port = port;
    }

    private SSLServerSocket open() throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("JKS");
02|        try (InputStream in = new FileInputStream(keyStorePath)) {
02|            keyStore.load(in, password);
02|        }
1|        keyStore.load(new FileInputStream(keyStorePath), password); //@RES-01
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(kmf.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port);
    }

    @Override
    public void run() {
        try (SSLServerSocket server = open()) {
            while (running) {
                SSLSocket socket = (SSLSocket) server.accept();
                try {
                    sessions.execute(new ConnectionHandler(socket));
                } catch (RejectedExecutionException e) {
                    logger.warn("Too many vehicle sessions, refusing {}", socket.getInetAddress());
                    socket.close();
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            logger.error("TLS server stopped", e);
        }
    }

    private static Thread sessionThread(Runnable session) {
        Thread thread = new Thread(session, "EVCC-session"); //@{2}CONC-01
01|        thread.setUncaughtExceptionHandler((t, e) -> logger.error("Session {} failed", t.getName(), e));
        return thread;
    }

    public void stop() {
        running = false;
        sessions.shutdown();
    }
}
''')
cases_of(case, GH + 'SwitchEV/RISE-V2G/pull/47', src('com.v2gclarity.risev2g.secc.transportLayer', 'TLSServer'),
         J('com.v2gclarity.risev2g.secc.transportLayer', [
             'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.security.GeneralSecurityException',
             'java.security.KeyStore', 'javax.net.ssl.KeyManagerFactory', 'javax.net.ssl.SSLContext',
             'javax.net.ssl.SSLServerSocket', 'javax.net.ssl.SSLSocket', 'org.apache.logging.log4j.LogManager',
             'org.apache.logging.log4j.Logger', 'java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.RejectedExecutionException',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'])(RISE), [
             (1, 'java-00-rise-keystore-stream-never-closed',
              'an edit loads the key store straight from a new file stream that nobody closes', 'edit'),
             (2, 'java-00-rise-session-threads-without-handler',
              'an edit drops the uncaught-exception handler from the threads of the vehicle session pool', 'edit'),
             (0, 'java-ok-00-rise-keystore-in-try-sessions-handled',
              'clean: the key store read in try-with-resources, each session pool thread with a logging handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: punishments (AdvancedBan)
ADVANCEDBAN = template('advancedban', r'''
/** Stores punishments and removes the expired ones on a schedule. */
public class PunishmentStore {
    private static final Logger LOG = Logger.getLogger(PunishmentStore.class.getName());

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public PunishmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::removeExpired, 1, 1, TimeUnit.MINUTES);
    }

    public void stop() {
        scheduler.shutdown();
    }

    public void insert(Punishment p) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
02|            try (PreparedStatement ps = conn.prepareStatement(
02|                    "INSERT INTO Punishments (name, uuid, reason, operator, punishmentType, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
02|                bind(ps, p);
02|                ps.executeUpdate();
02|            }
1|            PreparedStatement ps = conn.prepareStatement( //@RES-01
1|                    "INSERT INTO Punishments (name, uuid, reason, operator, punishmentType, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)");
1|            bind(ps, p);
1|            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Punishment p) throws SQLException {
        ps.setQueryTimeout(10);
        ps.setString(1, p.getName());
        ps.setString(2, p.getUuid());
        ps.setString(3, p.getReason());
        ps.setString(4, p.getOperator());
        ps.setString(5, p.getType().name());
        ps.setLong(6, p.getStart());
        ps.setLong(7, p.getEnd());
    }

    void removeExpired() {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("DELETE FROM Punishments WHERE end <> -1 AND end < ?")) {
            ps.setQueryTimeout(10);
            ps.setLong(1, System.currentTimeMillis());
            int removed = ps.executeUpdate();
            LOG.fine(() -> "Removed " + removed + " expired punishments");
        } catch (SQLException e) {
01|            LOG.log(Level.WARNING, "Could not remove expired punishments, retrying next minute", e);
2|            throw new IllegalStateException("Could not remove expired punishments", e); //@CONC-07
        }
    }
}
''')
cases_of(case, GH + 'DevLeoko/AdvancedBan/pull/304', src('me.leoko.advancedban.manager', 'PunishmentStore'),
         J('me.leoko.advancedban.manager', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                                            'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                                            'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
                                            'java.util.logging.Logger', 'javax.sql.DataSource',
                                            'me.leoko.advancedban.utils.Punishment'])(ADVANCEDBAN), [
             (1, 'java-00-advancedban-insert-statement-never-closed',
              'an edit takes the insert statement out of try-with-resources, leaking one per punishment', 'edit'),
             (2, 'java-00-advancedban-expiry-failure-ends-schedule',
              'an edit rethrows a failed expiry pass from the scheduled task, which cancels every later pass', 'edit'),
             (0, 'java-ok-00-advancedban-statement-in-try-expiry-failure-logged',
              'clean: the statement in try-with-resources, a failed expiry pass logged and the schedule kept', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-04: transactions (pgnio)
PGNIO = template('pgnio', r'''
/** Runs work in one database transaction and exposes its connection to the code it calls. */
public final class Transactions {
    private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Connection current() {
        Connection conn = CURRENT.get();
        if (conn == null) {
            throw new IllegalStateException("No transaction on this thread");
        }
        return conn;
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
1|            CURRENT.set(conn);
            conn.setAutoCommit(false); //@{1}TX-01
0|            CURRENT.set(conn);
            try {
2|                CURRENT.set(conn); //@CONC-04
                T result = work.run(conn);
                conn.commit();
2|                CURRENT.remove();
                return result;
02|            } catch (SQLException | RuntimeException e) {
02|                conn.rollback();
02|                throw e;
01|            } finally {
01|                CURRENT.remove();
            }
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection conn) throws SQLException;
    }
}
''')
cases_of(case, GH + 'cretz/pgnio/issues/10', src('pgnio.tx', 'Transactions'),
         J('pgnio.tx', ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource'])(PGNIO), [
             (1, 'java-00-pgnio-failed-work-never-rolled-back',
              'an edit drops the rollback, so failed work returns the connection to the pool mid-transaction', 'edit'),
             (2, 'java-00-pgnio-connection-thread-local-removed-on-success-only',
              'an edit removes the thread-local connection only when the work commits, not in finally', 'edit'),
             (0, 'java-ok-00-pgnio-rolled-back-thread-local-removed-in-finally',
              'clean: failed work rolled back, the thread-local removed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-02: OAI harvester (harvest-manager)
HARVEST = template('harvest', r'''
/** Harvests every configured OAI-PMH endpoint in parallel. */
public class HarvestScheduler {
    private static final Logger logger = LoggerFactory.getLogger(HarvestScheduler.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;
    private static final int QUEUE_CAPACITY = 64;

    private final List<Endpoint> endpoints;
    private final ExecutorService pool;
    private final ResponseHandler handler;

    public HarvestScheduler(List<Endpoint> endpoints, int maxParallel, ResponseHandler handler) {
        this.endpoints = endpoints;
        this.handler = handler;
01|        this.pool = new ThreadPoolExecutor(maxParallel, maxParallel, 60, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.pool = Executors.newCachedThreadPool(); //@CONC-02
    }

    public List<Future<Integer>> harvestAll() {
        List<Future<Integer>> results = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            results.add(pool.submit(() -> harvest(endpoint)));
        }
        return results;
    }

    int harvest(Endpoint endpoint) throws IOException {
        int records = 0;
        String token = null;
        do {
            URL url = endpoint.listRecordsUrl(token);
            URLConnection conn = url.openConnection(); //@{1}TMO-01
02|            conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|            conn.setReadTimeout(READ_TIMEOUT_MS);
            try (InputStream in = conn.getInputStream()) {
                Page page = handler.handle(endpoint, in);
                records += page.records();
                token = page.resumptionToken();
            }
            logger.debug("Harvested {} records from {} so far", records, endpoint.name());
        } while (token != null);
        return records;
    }
}
''')
cases_of(case, GH + 'clarin-eric/harvest-manager/issues/20', src('nl.mpi.oai.harvester.control', 'HarvestScheduler'),
         JV('nl.mpi.oai.harvester.control', {
             v: SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.net.URL', 'java.net.URLConnection',
                         'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Future']
             + (['java.util.concurrent.Executors'] if v == 2 else
                ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                 'java.util.concurrent.TimeUnit'])
             for v in (0, 1, 2)})(HARVEST), [
             (1, 'java-00-harvest-new-scheduler-connection-without-timeouts',
              'a new harvest scheduler opens each OAI page without connect or read timeouts', 'new'),
             (2, 'java-00-harvest-new-scheduler-cached-pool-per-endpoint',
              'a new harvest scheduler runs every endpoint on an unbounded cached pool', 'new'),
             (0, 'java-ok-00-harvest-new-scheduler-bounded-pool-timeouts',
              'clean: a new harvest scheduler with a bounded caller-runs pool and connect and read timeouts', 'new'),
         ])
