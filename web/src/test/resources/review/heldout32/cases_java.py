"""Round-32 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 30)."""
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


# ---------------------------------------------------------------- RES-01 / ERR-01: table cache (leveldb)
LEVELDB = template('leveldb', r'''
/** Keeps the open tables of a database, each backed by one file channel, in a bounded cache. */
public class TableCache {
    private final LoadingCache<Long, TableAndFile> cache;
    private final Finalizer<Table> finalizer = new Finalizer<>(1);

    public TableCache(final File databaseDir, int tableCacheSize, final UserComparator userComparator,
            final boolean verifyChecksums) {
        requireNonNull(databaseDir, "databaseName is null");
        cache = CacheBuilder.newBuilder()
                .maximumSize(tableCacheSize)
                .removalListener((RemovalListener<Long, TableAndFile>) notification -> {
                    Table table = notification.getValue().getTable();
                    finalizer.addCleanup(table, table.closer());
                })
                .build(new CacheLoader<Long, TableAndFile>() {
                    @Override
                    public TableAndFile load(Long fileNumber) throws IOException {
                        return new TableAndFile(databaseDir, fileNumber, userComparator, verifyChecksums);
                    }
                });
    }

    public InternalTableIterator newIterator(FileMetaData file) {
        return new InternalTableIterator(getTable(file.getNumber()).iterator());
    }

    /** Returns the open table of fileNumber, opening its file on a miss. */
    public Table getTable(long fileNumber) {
        try {
            return cache.get(fileNumber).getTable();
        }
        catch (ExecutionException e) {
01|            Throwable cause = e.getCause() == null ? e : e.getCause();
01|            throw new RuntimeException("Could not open table " + fileNumber, cause);
2|            return null; //@ERR-01
        }
    }

    public void evict(long number) {
        cache.invalidate(number);
    }

    private static final class TableAndFile {
        private final Table table;

        private TableAndFile(File databaseDir, long fileNumber, UserComparator userComparator, boolean verifyChecksums)
                throws IOException {
            String tableFileName = Filename.tableFileName(fileNumber);
            File tableFile = new File(databaseDir, tableFileName);
02|            FileChannel fileChannel = FileChannel.open(tableFile.toPath(), StandardOpenOption.READ);
02|            try {
02|                table = new FileChannelTable(tableFile.getAbsolutePath(), fileChannel, userComparator, verifyChecksums);
02|            }
02|            catch (IOException | RuntimeException e) {
02|                fileChannel.close();
02|                throw e;
02|            }
1|            FileChannel fileChannel = FileChannel.open(tableFile.toPath(), StandardOpenOption.READ); //@RES-01
1|            table = new FileChannelTable(tableFile.getAbsolutePath(), fileChannel, userComparator, verifyChecksums);
        }

        public Table getTable() {
            return table;
        }
    }
}
''')
cases_of(case, GH + 'dain/leveldb/pull/34', src('org.iq80.leveldb.impl', 'TableCache'),
         J('org.iq80.leveldb.impl', [
             'com.google.common.cache.CacheBuilder', 'com.google.common.cache.CacheLoader',
             'com.google.common.cache.LoadingCache', 'com.google.common.cache.RemovalListener',
             'java.io.File', 'java.io.IOException', 'java.nio.channels.FileChannel', 'java.nio.file.StandardOpenOption',
             'java.util.concurrent.ExecutionException', 'org.iq80.leveldb.table.FileChannelTable',
             'org.iq80.leveldb.table.Table', 'org.iq80.leveldb.table.UserComparator',
             'org.iq80.leveldb.util.Finalizer', 'org.iq80.leveldb.util.InternalTableIterator',
             'static java.util.Objects.requireNonNull'])(LEVELDB), [
             (1, 'java-00-leveldb-table-channel-left-open-on-corrupt-footer',
              'an edit opens the table file channel and no longer closes it when reading the table fails', 'edit'),
             (2, 'java-00-leveldb-failed-table-open-read-as-null',
              'an edit turns a failed table open into null, so a corrupt file reads as a missing table', 'edit'),
             (0, 'java-ok-00-leveldb-channel-closed-on-failure-open-error-thrown',
              'clean: the channel closed when the table cannot be read, a failed open thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: streaming cloud SDK (pili)
PILI = template('pili', r'''
/** Signs and sends the REST calls of the Pili streaming API. */
public final class RPC {
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private final Mac mac;
    private final Configuration config;
02|    private final OkHttpClient client;

    public RPC(Mac mac, Configuration config) {
        this.mac = mac;
        this.config = config;
02|        this.client = new OkHttpClient.Builder()
02|                .connectTimeout(config.connectTimeout, TimeUnit.SECONDS)
02|                .readTimeout(config.readTimeout, TimeUnit.SECONDS)
02|                .build();
    }

    public String callWithJson(String method, String urlStr, String body) throws PiliException {
        RequestBody requestBody = body == null ? null : RequestBody.create(JSON, body);
        Request request = new Request.Builder()
                .url(urlStr)
                .method(method, requestBody)
                .header("User-Agent", Configuration.userAgent())
                .header("Authorization", "Qiniu " + mac.signRequest(urlStr, method, body, "application/json"))
                .build();
        return send(request);
    }

    public String callWithGet(String urlStr) throws PiliException {
        Request request = new Request.Builder()
                .url(urlStr)
                .get()
                .header("User-Agent", Configuration.userAgent())
                .header("Authorization", "Qiniu " + mac.signRequest(urlStr, "GET", null, null))
                .build();
        return send(request);
    }

    private String send(Request request) throws PiliException {
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(config.connectTimeout, TimeUnit.SECONDS)
1|                .readTimeout(config.readTimeout, TimeUnit.SECONDS)
1|                .build();
01|        try (Response response = client.newCall(request).execute()) {
01|            String text = response.body() == null ? "" : response.body().string();
01|            if (response.code() / 100 != 2) {
01|                throw new PiliException(response.code(), text);
01|            }
01|            return text;
01|        }
01|        catch (IOException e) {
01|            throw new PiliException(e);
01|        }
2|        try {
2|            Response response = client.newCall(request).execute(); //@RES-02
2|            if (response.code() / 100 != 2) {
2|                throw new PiliException(response.code(), response.message());
2|            }
2|            return response.body() == null ? "" : response.body().string();
2|        }
2|        catch (IOException e) {
2|            throw new PiliException(e);
2|        }
    }
}
''')
cases_of(case, GH + 'pili-engineering/pili-sdk-java/pull/87', src('com.qiniu.pili', 'RPC'),
         J('com.qiniu.pili', ['com.qiniu.pili.utils.Mac', 'java.io.IOException', 'java.util.concurrent.TimeUnit',
                              'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody',
                              'okhttp3.Response'])(PILI), [
             (1, 'java-00-pili-sdk-client-built-per-call',
              'an edit builds a new OkHttp client, with its own pool and threads, for every API call', 'edit'),
             (2, 'java-00-pili-sdk-error-response-never-closed',
              'an edit reads the response outside try-with-resources, so every error status leaks its connection',
              'edit'),
             (0, 'java-ok-00-pili-sdk-shared-client-response-closed',
              'clean: one client built in the constructor, each response closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-02: UPnP search command (jupnp)
JUPNP = template('jupnp', r'''
/** The "search" command: sends an M-SEARCH, waits for the answers and prints the devices found. */
public class SearchCommand {
    private static final Logger logger = LoggerFactory.getLogger(SearchCommand.class);

    private final JUPnPTool tool;

    public SearchCommand(JUPnPTool tool) {
        this.tool = tool;
    }

    public int run(int timeout, String sortBy, String filter, boolean verbose) {
        logger.info("Searching for UPnP devices for {} seconds", timeout);
        UpnpService upnpService = tool.createUpnpService();
        upnpService.startup();
        SearchResultPrinter printer = new SearchResultPrinter(sortBy, verbose);
        upnpService.getRegistry().addListener(new SearchRegistryListener(printer, filter));
        upnpService.getControlPoint().search();

        try {
            Thread.sleep(timeout * 1000L);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            logger.error("Search interrupted", e);
02|            Thread.currentThread().interrupt();
02|            upnpService.shutdown();
02|            return JUPnPTool.RC_INTERRUPTED;
1|            logger.error("Search interrupted, printing what was found so far", e);
        }
        upnpService.shutdown();
        printer.printResults();
        return JUPnPTool.RC_OK;
    }

    private static final class SearchRegistryListener extends DefaultRegistryListener {
        private final SearchResultPrinter printer;
        private final String filter;

        SearchRegistryListener(SearchResultPrinter printer, String filter) {
            this.printer = printer;
            this.filter = filter;
        }

        @Override
        public void remoteDeviceAdded(Registry registry, RemoteDevice device) {
            String ip = device.getIdentity().getDescriptorURL().getHost();
            String model = device.getDetails().getModelDetails().getModelName();
01|            logger.debug("Device added: {} ({}) at {}", device.getDisplayString(), model, ip);
2|            logger.debug("Device added: " + device.getDisplayString() + " (" + model + ") at " + ip //@LOG-02
2|                    + " with services " + Arrays.toString(device.findServiceTypes()));
            if (filter == null || "*".equals(filter) || device.getDisplayString().contains(filter)) {
                printer.add(ip, model, device.getIdentity().getUdn().getIdentifierString(),
                        device.getDetails().getSerialNumber());
            }
        }
    }
}
''')
cases_of(case, GH + 'jupnp/jupnp/pull/84', src('org.jupnp.tool.cli', 'SearchCommand'),
         JV('org.jupnp.tool.cli', {v: SLF4J + [
             'org.jupnp.UpnpService', 'org.jupnp.model.meta.RemoteDevice', 'org.jupnp.registry.DefaultRegistryListener',
             'org.jupnp.registry.Registry'] + (['java.util.Arrays'] if v == 2 else []) for v in (0, 1, 2)})(JUPNP), [
             (1, 'java-00-jupnp-search-interrupt-logged-and-ignored',
              'an edit logs an interrupted search wait and carries on printing, losing the interrupt', 'edit'),
             (2, 'java-00-jupnp-device-debug-line-concatenated',
              'an edit builds the debug line of every discovered device by concatenation, service list included',
              'edit'),
             (0, 'java-ok-00-jupnp-interrupt-restored-parameterised-debug',
              'clean: the interrupt restored and the command ended, a parameterised debug line', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: Minecraft ender chests (EnderContainers)
ENDER = template('endercontainers', r'''
/** Loads, caches and saves the ender chests of online players. */
public class EnderChestManager extends AbstractManager {
02|    private final Map<UUID, PlayerContext> contextMap = new ConcurrentHashMap<>();
1|    private final Map<UUID, PlayerContext> contextMap = new HashMap<>(); //@CONC-03

    private DataSource dataSource;

    @Override
    public void load() {
        this.dataSource = plugin.getDatabase().getDataSource();
    }

    /** Loads the context of a player on an async task, then runs callback on the main thread. */
    public void loadPlayerContext(UUID owner, Consumer<PlayerContext> callback) {
        PlayerContext cached = this.contextMap.get(owner);
        if (cached != null) {
            callback.accept(cached);
            return;
        }
        this.plugin.executeTaskOnOtherThread(() -> {
            PlayerContext context = new PlayerContext(owner, readChests(owner));
            this.contextMap.put(owner, context);
            this.plugin.executeTaskOnMainThread(() -> callback.accept(context));
        });
    }

    public void savePlayerContext(UUID owner, boolean unload) {
        PlayerContext context = this.contextMap.get(owner);
        if (context != null) {
            context.save();
            if (unload) {
                this.contextMap.remove(owner);
            }
        }
    }

    private List<ChestData> readChests(UUID owner) {
        List<ChestData> chests = new ArrayList<>();
01|        try (Connection connection = this.dataSource.getConnection();
01|             PreparedStatement statement = connection.prepareStatement(
01|                     "SELECT num, rows, contents FROM enderchests WHERE owner = ?")) {
2|        try {
2|            Connection connection = this.dataSource.getConnection(); //@RES-01
2|            PreparedStatement statement = connection.prepareStatement(
2|                    "SELECT num, rows, contents FROM enderchests WHERE owner = ?");
            statement.setQueryTimeout(5);
            statement.setString(1, owner.toString());
            try (ResultSet set = statement.executeQuery()) {
                while (set.next()) {
                    chests.add(new ChestData(set.getInt("num"), set.getInt("rows"), set.getString("contents")));
                }
            }
        } catch (SQLException e) {
            this.logger.log(Level.SEVERE, "Cannot load the ender chests of " + owner, e);
        }
        return chests;
    }
}
''')
ENDER_IMPORTS = ['fr.utarwyn.endercontainers.AbstractManager', 'fr.utarwyn.endercontainers.storage.ChestData',
                 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
                 'java.util.ArrayList', 'java.util.List', 'java.util.Map', 'java.util.UUID',
                 'java.util.function.Consumer', 'java.util.logging.Level', 'javax.sql.DataSource']
cases_of(case, GH + 'utarwyn/EnderContainers/pull/28', src('fr.utarwyn.endercontainers.enderchest', 'EnderChestManager'),
         JV('fr.utarwyn.endercontainers.enderchest', {
             0: ENDER_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
             1: ENDER_IMPORTS + ['java.util.HashMap'],
             2: ENDER_IMPORTS + ['java.util.concurrent.ConcurrentHashMap']})(ENDER), [
             (1, 'java-00-endercontainers-contexts-in-hash-map-filled-async',
              'an edit keeps the player contexts, filled by async load tasks while the main thread reads them, in a HashMap',
              'edit'),
             (2, 'java-00-endercontainers-chest-query-connection-never-closed',
              'an edit opens the connection and statement of each chest load outside try-with-resources', 'edit'),
             (0, 'java-ok-00-endercontainers-concurrent-map-query-in-try',
              'clean: a concurrent map of contexts, connection and statement in try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / LOG-02: simulation server broker proxy (powertac)
POWERTAC = template('powertac', r'''
/** Routes the messages of the simulation to the brokers' JMS queues. */
@Service
public class BrokerProxyService implements BrokerProxy {
    private static final Logger log = LogManager.getLogger(BrokerProxyService.class);

    @Autowired
    private JmsTemplate template;

    @Autowired
    private XMLMessageConverter converter;

    @Autowired
    private MessageRouter router;

    private boolean deferredBroadcast = false;
    private final List<Object> deferredMessages = new ArrayList<>();

    @Override
    public void routeMessage(Broker broker, Object messageObject) {
        if (broker == null || !broker.isEnabled()) {
            return;
        }
        if (broker.isLocal()) {
            broker.receiveMessage(messageObject);
            return;
        }
        final String text = converter.toXML(messageObject);
        final String queueName = broker.toQueueName();
01|        log.trace("sending {} to {}", text, queueName);
2|        log.debug("sending " + text + " to " + queueName); //@LOG-02
        template.send(queueName, session -> session.createTextMessage(text));
    }

    @Override
    public void broadcastMessage(Object messageObject) {
        if (deferredBroadcast) {
            deferredMessages.add(messageObject);
            return;
        }
        for (Broker broker : brokerRepo.findRetailBrokers()) {
02|            routeMessage(broker, messageObject);
1|            log.info("broadcasting {} to broker {}", messageObject.getClass().getSimpleName(), broker.getUsername()); //@LOG-01
1|            routeMessage(broker, messageObject);
        }
    }

    @Override
    public void setDeferredBroadcast(boolean value) {
        deferredBroadcast = value;
    }

    @Override
    public void broadcastDeferredMessages() {
        List<Object> pending = new ArrayList<>(deferredMessages);
        deferredMessages.clear();
        log.info("broadcasting {} deferred messages", pending.size());
        for (Object message : pending) {
            broadcastMessage(message);
        }
    }

    @Autowired
    private BrokerRepo brokerRepo;
}
''')
cases_of(case, GH + 'powertac/powertac-server/issues/451', src('org.powertac.server', 'BrokerProxyService'),
         J('org.powertac.server', ['java.util.ArrayList', 'java.util.List', 'org.apache.logging.log4j.LogManager',
                                   'org.apache.logging.log4j.Logger', 'org.powertac.common.Broker',
                                   'org.powertac.common.XMLMessageConverter',
                                   'org.powertac.common.interfaces.BrokerProxy',
                                   'org.powertac.common.repo.BrokerRepo',
                                   'org.springframework.beans.factory.annotation.Autowired',
                                   'org.springframework.jms.core.JmsTemplate',
                                   'org.springframework.stereotype.Service'])(POWERTAC), [
             (1, 'java-00-powertac-renamed-proxy-info-line-per-broadcast-message',
              'a PR renames the broker proxy and logs every broadcast message for every broker at info', 'rename'),
             (2, 'java-00-powertac-renamed-proxy-debug-line-concatenates-message-xml',
              'a PR renames the broker proxy and raises the per-message line to debug, concatenating the whole XML',
              'rename'),
             (0, 'java-ok-00-powertac-renamed-proxy-parameterised-trace',
              'clean: the rename alone; a parameterised trace line, no info line per message', 'rename'),
         ], rename_from=src('org.powertac.server', 'BrokerMessageProxy'),
         rename_old=lambda t: t.replace('BrokerProxyService', 'BrokerMessageProxy'))


# ---------------------------------------------------------------- TMO-01 / ERR-01: issue tracker REST client (jira-client)
JIRA = template('jira', r'''
/** Sends the REST calls of a JIRA client and parses their JSON answers. */
public class RestClient {
    private final HttpClient httpClient;
    private final ICredentials creds;
    private final URI uri;

    public RestClient(ICredentials creds, URI uri, int connectTimeoutMs, int readTimeoutMs) {
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(connectTimeoutMs)
                .setConnectionRequestTimeout(connectTimeoutMs)
                .setSocketTimeout(readTimeoutMs)
                .build();
02|        this.httpClient = HttpClientBuilder.create().setDefaultRequestConfig(config).build();
1|        this.httpClient = HttpClientBuilder.create().build(); //@TMO-01
        this.creds = creds;
        this.uri = uri;
    }

    public JSON get(String path, Map<String, String> params) throws RestException, IOException, URISyntaxException {
        return request(new HttpGet(buildURI(path, params)));
    }

    private JSON request(HttpRequestBase req) throws RestException, IOException {
        req.addHeader("Accept", "application/json");
        if (creds != null) {
            creds.authenticate(req);
        }
        HttpResponse resp = httpClient.execute(req);
        HttpEntity ent = resp.getEntity();
        StringBuilder result = new StringBuilder();
        if (ent != null) {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(ent.getContent(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = br.readLine()) != null) {
                    result.append(line);
                }
            }
        }
        StatusLine sl = resp.getStatusLine();
        if (sl.getStatusCode() >= 300) {
            throw new RestException(sl.getReasonPhrase(), sl.getStatusCode(), result.toString(), resp.getAllHeaders());
        }
        if (result.length() == 0) {
            return null;
        }
        try {
            return JSONSerializer.toJSON(result.toString());
        } catch (JSONException ex) {
01|            throw new RestException("Unreadable JSON from " + req.getURI(), sl.getStatusCode(), result.toString(),
01|                    resp.getAllHeaders());
2|            return null; //@ERR-01
        }
    }

    private URI buildURI(String path, Map<String, String> params) throws URISyntaxException {
        URIBuilder ub = new URIBuilder(uri);
        ub.setPath(ub.getPath() + path);
        if (params != null) {
            params.forEach(ub::addParameter);
        }
        return ub.build();
    }
}
''')
cases_of(case, GH + 'bobcarroll/jira-client/issues/100', src('net.rcarz.jiraclient', 'RestClient'),
         J('net.rcarz.jiraclient', ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
                                    'java.net.URI', 'java.net.URISyntaxException', 'java.nio.charset.StandardCharsets',
                                    'java.util.Map', 'net.sf.json.JSON', 'net.sf.json.JSONException',
                                    'net.sf.json.JSONSerializer', 'org.apache.http.HttpEntity',
                                    'org.apache.http.HttpResponse', 'org.apache.http.StatusLine',
                                    'org.apache.http.client.HttpClient', 'org.apache.http.client.config.RequestConfig',
                                    'org.apache.http.client.methods.HttpGet',
                                    'org.apache.http.client.methods.HttpRequestBase',
                                    'org.apache.http.client.utils.URIBuilder',
                                    'org.apache.http.impl.client.HttpClientBuilder'])(JIRA), [
             (1, 'java-00-jira-client-built-without-its-request-config',
              'an edit builds the HTTP client without the timeouts it computes, so a stalled JIRA hangs the caller forever',
              'edit'),
             (2, 'java-00-jira-unreadable-json-read-as-empty',
              'an edit turns an unreadable JSON answer into null, the value of an empty answer', 'edit'),
             (0, 'java-ok-00-jira-client-timeouts-bad-json-thrown',
              'clean: the client built with its timeouts, unreadable JSON thrown with the body', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: card game CPU player (minitruco)
MINITRUCO = template('minitruco', r'''
/** A CPU player: waits for its turn on its own thread and asks its strategy what to play. */
public class JogadorCPU extends Jogador implements Runnable {
    private static final Logger LOGGER = Logger.getLogger("JogadorCPU");

    private final Estrategia estrategia;
    private volatile boolean minhaVez = false;
    private volatile boolean ativo = true;
    private Thread thread;

    public JogadorCPU(Estrategia estrategia) {
        this.estrategia = estrategia;
    }

    public void start() {
        thread = new Thread(this, "JogadorCPU-" + getPosicao()); //@{2}CONC-01
        thread.setDaemon(true);
01|        thread.setUncaughtExceptionHandler((t, e) -> {
01|            LOGGER.log(Level.SEVERE, "CPU player " + getPosicao() + " failed", e);
01|            getPartida().abandona(getPosicao());
01|        });
        thread.start();
    }

    @Override
    public void run() {
        while (ativo) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return;
1|                LOGGER.fine("CPU player woken up early");
            }
            if (!minhaVez) {
                continue;
            }
            SituacaoJogo situacao = new SituacaoJogo();
            getPartida().atualizaSituacao(situacao, this);
            int posCarta = estrategia.joga(situacao);
            Carta carta = getCartas()[posCarta];
            minhaVez = false;
            getPartida().jogaCarta(this, carta);
        }
    }

    @Override
    public void vez(Jogador j, boolean podeFechada) {
        if (j == this) {
            minhaVez = true;
        }
    }

    public void encerra() {
        ativo = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
''')
cases_of(case, GH + 'chesterbr/minitruco-android/issues/128', src('me.chester.minitruco.core', 'JogadorCPU'),
         JV('me.chester.minitruco.core', {0: ['java.util.logging.Level', 'java.util.logging.Logger'],
                                          1: ['java.util.logging.Level', 'java.util.logging.Logger'],
                                          2: ['java.util.logging.Logger']})(MINITRUCO), [
             (1, 'java-00-minitruco-cpu-player-interrupt-swallowed',
              'an edit logs the interrupt of the CPU player\'s wait and keeps looping, so ending the game never stops it',
              'edit'),
             (2, 'java-00-minitruco-cpu-player-thread-without-handler',
              'an edit starts the CPU player thread without its uncaught-exception handler, so a failing strategy '
              'silently freezes the game', 'edit'),
             (0, 'java-ok-00-minitruco-interrupt-ends-loop-thread-handled',
              'clean: the interrupt restored and the loop ended, the thread started with a handler that abandons the game',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: Android notifications store (SWADroid)
SWADROID = template('swadroid', r'''
/** Reads and writes the notifications the sync adapter downloads, in the app's SQLite database. */
public class NotificationsStore {
    private static final String TAG = "NotificationsStore";

    private final SQLiteDatabase db;

    public NotificationsStore(SQLiteDatabase db) {
        this.db = db;
    }

    /** Replaces the stored notifications of a user by the downloaded ones, in one transaction. */
    public void replaceNotifications(long userCode, List<SWADNotification> notifications) {
        db.beginTransaction(); //@{1}TX-01
02|        try {
02|            db.delete(TABLE_NOTIFICATIONS, "userCode = ?", new String[] {String.valueOf(userCode)});
02|            for (SWADNotification n : notifications) {
02|                db.insertOrThrow(TABLE_NOTIFICATIONS, null, toValues(userCode, n));
02|            }
02|            db.setTransactionSuccessful();
02|        } finally {
02|            db.endTransaction();
02|        }
1|        db.delete(TABLE_NOTIFICATIONS, "userCode = ?", new String[] {String.valueOf(userCode)});
1|        for (SWADNotification n : notifications) {
1|            db.insertOrThrow(TABLE_NOTIFICATIONS, null, toValues(userCode, n));
1|        }
1|        db.setTransactionSuccessful();
1|        db.endTransaction();
        Log.i(TAG, "Stored " + notifications.size() + " notifications");
    }

    /** Returns the number of unread notifications of a user. */
    public int countUnread(long userCode) {
        Cursor cursor = db.rawQuery("SELECT COUNT(*) FROM " + TABLE_NOTIFICATIONS //@{2}RES-01
                + " WHERE userCode = ? AND seenLocal = 0", new String[] {String.valueOf(userCode)});
01|        try {
01|            return cursor.moveToFirst() ? cursor.getInt(0) : 0;
01|        } finally {
01|            cursor.close();
01|        }
2|        if (cursor.moveToFirst()) {
2|            int unread = cursor.getInt(0);
2|            cursor.close();
2|            return unread;
2|        }
2|        return 0;
    }

    private static ContentValues toValues(long userCode, SWADNotification n) {
        ContentValues values = new ContentValues();
        values.put("userCode", userCode);
        values.put("id", n.getId());
        values.put("eventType", n.getEventType());
        values.put("eventTime", n.getEventTime());
        values.put("summary", n.getSummary());
        values.put("seenLocal", n.isSeenLocal() ? 1 : 0);
        return values;
    }

    private static final String TABLE_NOTIFICATIONS = "notifications";
}
''')
cases_of(case, GH + 'Amab/SWADroid/issues/75', src('es.ugr.swad.swadroid.model', 'NotificationsStore'),
         J('es.ugr.swad.swadroid.model', ['android.content.ContentValues', 'android.database.Cursor',
                                          'android.database.sqlite.SQLiteDatabase', 'android.util.Log',
                                          'java.util.List'])(SWADROID), [
             (1, 'java-00-swadroid-notifications-transaction-not-ended-on-error',
              'an edit ends the notifications transaction only after a complete insert, leaving the database locked '
              'when an insert throws', 'edit'),
             (2, 'java-00-swadroid-unread-count-cursor-left-open-when-empty',
              'an edit closes the unread-count cursor only when it has a row', 'edit'),
             (0, 'java-ok-00-swadroid-transaction-ended-in-finally-cursor-closed',
              'clean: the transaction ended in finally, the cursor closed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-06: bot routines (TJ-Bot)
TJBOT = template('tjbot', r'''
/** Starts the bot's routines: periodic ones on a shared scheduler, one-off ones on the worker pool. */
public final class RoutineScheduler {
    private static final Logger logger = LoggerFactory.getLogger(RoutineScheduler.class);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final JDA jda;

    public RoutineScheduler(JDA jda) {
        this.jda = jda;
    }

    public void start(Collection<Routine> routines) {
        for (Routine routine : routines) {
            Routine.Schedule schedule = routine.createSchedule();
            if (schedule.mode() == Routine.ScheduleMode.ONCE) {
02|                workers.execute(() -> runLogged(routine));
1|                workers.submit(() -> runLogged(routine)); //@CONC-06
                continue;
            }
            logger.info("Scheduling routine {} every {} {}", routine.getClass().getSimpleName(), schedule.period(),
                    schedule.unit());
            scheduler.scheduleAtFixedRate(() -> runLogged(routine), schedule.initialDuration(), schedule.period(),
                    schedule.unit());
        }
    }

    private void runLogged(Routine routine) {
        try {
            routine.runRoutine(jda);
01|        } catch (Exception e) {
01|            logger.error("Routine {} failed, it runs again on schedule", routine.getClass().getSimpleName(), e);
2|        } catch (IllegalStateException e) {
2|            logger.warn("Routine {} skipped: {}", routine.getClass().getSimpleName(), e.getMessage());
2|        } catch (Exception e) {
2|            throw new IllegalStateException("Routine " + routine.getClass().getSimpleName() + " failed", e); //@CONC-07
        }
    }

    public void stop() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
''')
cases_of(case, GH + 'Together-Java/TJ-Bot/pull/494', src('org.togetherjava.tjbot.routines', 'RoutineScheduler'),
         J('org.togetherjava.tjbot.routines', SLF4J + ['java.util.Collection', 'java.util.concurrent.ExecutorService',
                                                      'java.util.concurrent.Executors',
                                                      'java.util.concurrent.ScheduledExecutorService',
                                                      'net.dv8tion.jda.api.JDA'])(TJBOT), [
             (1, 'java-00-tjbot-new-scheduler-one-off-routine-future-dropped',
              'a new routine scheduler submits each one-off routine and drops its future, so an Error in it is never seen',
              'new'),
             (2, 'java-00-tjbot-new-scheduler-failed-routine-ends-its-schedule',
              'a new routine scheduler rethrows a routine failure out of the scheduled task, ending that routine for good',
              'new'),
             (0, 'java-ok-00-tjbot-new-scheduler-logged-failures-executed-once',
              'clean: a new routine scheduler that logs every failure and runs one-off routines with execute', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: chat bridge send queue (DiscordChat)
DISCORDCHAT = template('discordchat', r'''
/** Bridges the Minecraft chat to a Discord channel: chat lines are queued and sent by one thread. */
public class DiscordChat {
    private static final int QUEUE_CAPACITY = 1000;

01|    private final BlockingQueue<String> sendQueue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
2|    private final BlockingQueue<String> sendQueue = new LinkedBlockingQueue<>(); //@CONC-02
    private final Logger logger;
    private final Config config;
    private JDA jda;
    private Thread sendThread;

    public DiscordChat(Logger logger, Config config) {
        this.logger = logger;
        this.config = config;
    }

    public void start() throws LoginException {
        jda = JDABuilder.createDefault(config.getToken()).build();
        sendThread = new Thread(this::sendLoop, "DiscordChat-send-queue");
        sendThread.setDaemon(true);
        sendThread.setUncaughtExceptionHandler((t, e) -> logger.error("Uncaught exception in " + t.getName(), e));
        sendThread.start();
    }

    /** Called on the server thread for every chat line. */
    public void sendMessage(String message) {
01|        if (!sendQueue.offer(message)) {
01|            logger.warn("Discord send queue full, dropping a chat line");
01|        }
2|        sendQueue.add(message);
    }

    private void sendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            String message;
            try {
                message = sendQueue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (String id : config.getChannels()) {
                TextChannel channel = jda.getTextChannelById(id);
                if (channel == null) {
                    continue;
                }
                try {
                    channel.sendMessage(message).complete();
02|                } catch (RuntimeException e) {
02|                    logger.warn("Could not send a chat line to channel " + id, e);
1|                } catch (RuntimeException e) { //@ERR-01
1|                    // the next line will go through
                }
            }
        }
    }
}
''')
DISCORD_IMPORTS = ['javax.security.auth.login.LoginException', 'net.dv8tion.jda.api.JDA',
                   'net.dv8tion.jda.api.JDABuilder', 'net.dv8tion.jda.api.entities.TextChannel',
                   'org.apache.logging.log4j.Logger', 'java.util.concurrent.BlockingQueue']
cases_of(case, GH + 'shadowfacts/DiscordChat/issues/74', src('net.shadowfacts.discordchat.core', 'DiscordChat'),
         JV('net.shadowfacts.discordchat.core', {
             0: DISCORD_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue'],
             1: DISCORD_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue'],
             2: DISCORD_IMPORTS + ['java.util.concurrent.LinkedBlockingQueue']})(DISCORDCHAT), [
             (1, 'java-00-discordchat-failed-send-swallowed',
              'an edit swallows a failed send to a Discord channel with only a comment', 'edit'),
             (2, 'java-00-discordchat-send-queue-unbounded',
              'an edit makes the chat send queue unbounded, so a Discord outage grows it with every chat line', 'edit'),
             (0, 'java-ok-00-discordchat-bounded-queue-send-failure-logged',
              'clean: a bounded send queue that drops with a warning, a failed send logged with its cause', 'fix'),
         ])
