"""Round-39 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / ERR-01: Android form app's instance sync (ODK Collect)
ODK = template('odk-instance-sync', r'''
/**
 * Brings the instances table in line with the instance folders on the SD card: forgets the rows whose file is gone
 * and adds a row for every instance file that has none.
 */
public class InstanceSyncTask extends AsyncTask<Void, String, String> {
    private static int counter;

    private DiskSyncListener diskSyncListener;
    private String currentStatus = "";

    public String getStatusMessage() {
        return currentStatus;
    }

    public void setDiskSyncListener(DiskSyncListener diskSyncListener) {
        this.diskSyncListener = diskSyncListener;
    }

    @Override
    protected String doInBackground(Void... params) {
        int instance = ++counter;
        Timber.i("[%d] doInBackground begins!", instance);
        try {
            List<String> candidateInstances = new LinkedList<>();
            File instancesPath = new File(Collect.INSTANCES_PATH);
            if (instancesPath.exists() && instancesPath.isDirectory()) {
                File[] instanceFolders = instancesPath.listFiles();
                if (instanceFolders == null || instanceFolders.length == 0) {
                    Timber.i("[%d] Empty instance folder. Stopping scan process.", instance);
                    return currentStatus;
                }
                for (File instanceDir : instanceFolders) {
                    File instanceFile = new File(instanceDir, instanceDir.getName() + ".xml");
                    if (instanceFile.exists() && instanceFile.canRead()) {
                        candidateInstances.add(instanceFile.getAbsolutePath());
                    }
                }
                Collections.sort(candidateInstances);
            }

            ContentResolver resolver = Collect.getInstance().getContentResolver();
            Cursor instanceCursor = resolver.query(InstanceColumns.CONTENT_URI, null, null, null, null); //@{1}RES-01
02|            if (instanceCursor != null) {
1|            if (instanceCursor != null && instanceCursor.getCount() > 0) {
                try {
                    instanceCursor.moveToPosition(-1);
                    while (instanceCursor.moveToNext()) {
                        String path = instanceCursor.getString(
                                instanceCursor.getColumnIndexOrThrow(InstanceColumns.INSTANCE_FILE_PATH));
                        if (!candidateInstances.remove(path)) {
                            String id = instanceCursor.getString(instanceCursor.getColumnIndexOrThrow(InstanceColumns._ID));
                            resolver.delete(Uri.withAppendedPath(InstanceColumns.CONTENT_URI, id), null, null);
                        }
                    }
                } finally {
                    instanceCursor.close();
                }
            }

            int added = 0;
            for (String candidateInstance : candidateInstances) {
                try {
                    String formId = readFormId(new File(candidateInstance));
                    ContentValues values = new ContentValues();
                    values.put(InstanceColumns.INSTANCE_FILE_PATH, candidateInstance);
                    values.put(InstanceColumns.JR_FORM_ID, formId);
                    values.put(InstanceColumns.STATUS, InstanceProviderAPI.STATUS_COMPLETE);
                    resolver.insert(InstanceColumns.CONTENT_URI, values);
                    added++;
                } catch (IOException | XmlPullParserException e) { //@{2}ERR-01
01|                    Timber.w(e, "[%d] Skipping instance %s, its form id cannot be read", instance, candidateInstance);
2|                    // not an instance file after all
                }
            }
            currentStatus = Collect.getInstance().getString(R.string.instance_scan_completed, added);
        } finally {
            Timber.i("[%d] doInBackground ends!", instance);
        }
        return currentStatus;
    }

    @Override
    protected void onPostExecute(String result) {
        super.onPostExecute(result);
        if (diskSyncListener != null) {
            diskSyncListener.syncComplete(result);
        }
    }

    private static String readFormId(File instanceFile) throws IOException, XmlPullParserException {
        try (InputStream in = new FileInputStream(instanceFile)) {
            XmlPullParser parser = Xml.newPullParser();
            parser.setInput(in, null);
            while (parser.next() != XmlPullParser.START_TAG) {
                if (parser.getEventType() == XmlPullParser.END_DOCUMENT) {
                    throw new XmlPullParserException("no root element in " + instanceFile);
                }
            }
            String id = parser.getAttributeValue(null, "id");
            if (id == null) {
                throw new XmlPullParserException("root element of " + instanceFile + " has no id");
            }
            return id;
        }
    }
}
''')
cases_of(case, GH + 'getodk/collect/issues/757', 'collect_app/' + src('org.odk.collect.android.tasks', 'InstanceSyncTask'),
         J('org.odk.collect.android.tasks', [
             'android.content.ContentResolver', 'android.content.ContentValues', 'android.database.Cursor',
             'android.net.Uri', 'android.os.AsyncTask', 'android.util.Xml', 'java.io.File', 'java.io.FileInputStream',
             'java.io.IOException', 'java.io.InputStream', 'java.util.Collections', 'java.util.LinkedList',
             'java.util.List', 'org.odk.collect.android.R', 'org.odk.collect.android.application.Collect',
             'org.odk.collect.android.listeners.DiskSyncListener',
             'org.odk.collect.android.provider.InstanceProviderAPI',
             'org.odk.collect.android.provider.InstanceProviderAPI.InstanceColumns',
             'org.xmlpull.v1.XmlPullParser', 'org.xmlpull.v1.XmlPullParserException', 'timber.log.Timber'])(ODK), [
             (1, 'java-00-odk-instance-sync-empty-cursor-never-closed',
              'an edit skips the sync when the instances cursor is empty and closes the cursor only inside that branch, '
              'so every sync of an empty table leaks a cursor', 'edit'),
             (2, 'java-00-odk-instance-sync-unreadable-instance-skipped-silently',
              'an edit empties the catch of an instance file whose form id cannot be read, so the instance is left out '
              'of the table without a trace', 'edit'),
             (0, 'java-ok-00-odk-instance-sync-cursor-closed-unreadable-logged',
              'clean: the cursor closed in finally whenever it was opened, an unreadable instance logged and skipped',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: Kafka to Greenplum sync (bireme)
BIREME = template('bireme-pipelines', r'''
/** Starts one thread per pipeline; each pulls change batches from Kafka and queues them for the loaders. */
public class PipeLineRunner {
    private static final Logger logger = LoggerFactory.getLogger(PipeLineRunner.class);

    private final List<PipeLine> pipeLines;
    private final BlockingQueue<ChangeBatch> changeQueue;
    private final Thread.UncaughtExceptionHandler failureHandler;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean failed;

    public PipeLineRunner(List<PipeLine> pipeLines, BlockingQueue<ChangeBatch> changeQueue) {
        this.pipeLines = pipeLines;
        this.changeQueue = changeQueue;
        this.failureHandler = (thread, e) -> {
            failed = true;
            logger.error("{} died, bireme stops syncing", thread.getName(), e);
        };
    }

    public void start() {
        for (PipeLine pipeLine : pipeLines) {
            Thread thread = new Thread(() -> pump(pipeLine), "bireme-pipeline-" + pipeLine.name()); //@{2}CONC-01
01|            thread.setUncaughtExceptionHandler(failureHandler);
            thread.start();
            threads.add(thread);
        }
    }

    public boolean isHealthy() {
        return !failed && threads.stream().allMatch(Thread::isAlive);
    }

    public void stop() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void pump(PipeLine pipeLine) {
        while (!Thread.currentThread().isInterrupted()) {
            ChangeBatch batch = pipeLine.poll(Duration.ofMillis(500));
            if (batch.isEmpty()) {
                continue;
            }
            try {
                changeQueue.put(batch);
                pipeLine.markQueued(batch);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                logger.info("pipeline {} interrupted, {} changes not queued", pipeLine.name(), batch.size());
02|                return;
1|                logger.warn("pipeline {} interrupted while queueing {} changes, retrying", pipeLine.name(), batch.size());
1|                pipeLine.rewind(batch);
            }
        }
        pipeLine.close();
    }
}
''')
cases_of(case, GH + 'HashDataInc/bireme/pull/85', src('cn.hashdata.bireme', 'PipeLineRunner'),
         J('cn.hashdata.bireme', SLF4J + [
             'cn.hashdata.bireme.pipeline.PipeLine', 'java.time.Duration', 'java.util.ArrayList', 'java.util.List',
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit'])(BIREME), [
             (1, 'java-00-bireme-pipeline-interrupt-swallowed-while-queueing',
              'an edit catches the interrupt of a full change queue, logs it and polls on, so stopping bireme never ends '
              'the pipeline threads', 'edit'),
             (2, 'java-00-bireme-pipeline-threads-without-uncaught-handler',
              'an edit starts the pipeline threads without the handler that marks bireme failed, so a pipeline that '
              'throws dies silently while the health check still reports the process alive', 'edit'),
             (0, 'java-ok-00-bireme-pipeline-interrupt-restored-handled-threads',
              'clean: the interrupt restored and the pipeline ended, every pipeline thread with the failure handler',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-04: sharded Hibernate DAO (dropwizard-db-sharding-bundle)
SHARDING = template('db-sharding-transactions', r'''
/**
 * Runs a unit of work in one Hibernate transaction on the shard a key maps to. The shard of the work in progress is
 * kept on the thread so that listeners and audit hooks deeper in the call can find it.
 */
@Slf4j
public class ShardedTransactionExecutor {
    private static final ThreadLocal<Integer> CURRENT_SHARD = new ThreadLocal<>();

    private final ShardManager shardManager;
    private final BucketIdExtractor<String> bucketIdExtractor;
    private final List<SessionFactory> sessionFactories;

    public ShardedTransactionExecutor(ShardManager shardManager, BucketIdExtractor<String> bucketIdExtractor,
                                      List<SessionFactory> sessionFactories) {
        this.shardManager = shardManager;
        this.bucketIdExtractor = bucketIdExtractor;
        this.sessionFactories = sessionFactories;
    }

    public static Optional<Integer> currentShard() {
        return Optional.ofNullable(CURRENT_SHARD.get());
    }

    public <T> T execute(String parentKey, Function<Session, T> work) {
        int shardId = shardManager.shardForBucket(bucketIdExtractor.bucketId(parentKey));
        SessionFactory sessionFactory = sessionFactories.get(shardId);
        CURRENT_SHARD.set(shardId); //@{2}CONC-04
01|        try {
01|            return inTransaction(sessionFactory, work);
01|        } finally {
01|            CURRENT_SHARD.remove();
01|        }
2|        return inTransaction(sessionFactory, work);
    }

    private <T> T inTransaction(SessionFactory sessionFactory, Function<Session, T> work) {
        Session session = sessionFactory.openSession();
        Transaction transaction = session.beginTransaction(); //@{1}TX-01
02|        boolean committed = false;
        try {
            T result = work.apply(session);
            session.flush();
            transaction.commit();
02|            committed = true;
            return result;
        } finally {
02|            if (!committed && transaction.isActive()) {
02|                try {
02|                    transaction.rollback();
02|                } catch (RuntimeException e) {
02|                    log.warn("Rollback on shard {} failed", CURRENT_SHARD.get(), e);
02|                }
02|            }
            session.close();
        }
    }
}
''')
cases_of(case, GH + 'santanusinha/dropwizard-db-sharding-bundle/pull/169',
         src('io.appform.dropwizard.sharding.utils', 'ShardedTransactionExecutor'),
         J('io.appform.dropwizard.sharding.utils', [
             'io.appform.dropwizard.sharding.sharding.BucketIdExtractor',
             'io.appform.dropwizard.sharding.sharding.ShardManager', 'java.util.List', 'java.util.Optional',
             'java.util.function.Function', 'lombok.extern.slf4j.Slf4j', 'org.hibernate.Session',
             'org.hibernate.SessionFactory', 'org.hibernate.Transaction'])(SHARDING), [
             (1, 'java-00-db-sharding-failed-work-transaction-not-rolled-back',
              'an edit drops the rollback of a unit of work that throws, so the session is closed with its transaction '
              'open and the pooled connection goes back dirty', 'edit'),
             (2, 'java-00-db-sharding-current-shard-left-on-thread',
              'an edit sets the current shard on the thread and no longer removes it, so the next work on that pooled '
              'thread sees the shard of the previous one', 'edit'),
             (0, 'java-ok-00-db-sharding-rollback-on-failure-shard-removed',
              'clean: a failed unit of work rolled back, the current shard removed from the thread in finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: game networking client (kryonet)
KRYONET = template('kryonet-client', r'''
/** A TCP and UDP client of a kryonet server; {@link #start()} runs its update loop on a thread of its own. */
public class Client extends Connection implements EndPoint {
    private static final long REQUEST_TIMEOUT_MILLIS = 30_000;

    private final Serialization serialization;
    private final Selector selector;
0|    private final Map<Integer, PendingRequest> pendingRequests = new ConcurrentHashMap<>();
1|    private final Map<Integer, PendingRequest> pendingRequests = new HashMap<>(); //@CONC-03
2|    private final Map<Integer, PendingRequest> pendingRequests = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequestId = new AtomicInteger();
    private volatile boolean shutdown;
    private Thread updateThread;

    public Client(int writeBufferSize, int objectBufferSize, Serialization serialization) throws IOException {
        this.serialization = serialization;
        this.selector = Selector.open();
        initialize(serialization, writeBufferSize, objectBufferSize);
    }

    /** Sends a request over TCP; the answer is handed to callback from the update thread. */
    public int sendRequest(Object request, Listener callback) {
        int id = nextRequestId.incrementAndGet();
        pendingRequests.put(id, new PendingRequest(callback, System.currentTimeMillis()));
        sendTCP(new RequestEnvelope(id, request));
        return id;
    }

    /** Reads and dispatches what arrived, and times out the requests nobody answered. */
    public void update(int timeout) throws IOException {
        if (selector.select(timeout) > 0) {
            readSelectedKeys();
        }
        long now = System.currentTimeMillis();
        for (Iterator<Map.Entry<Integer, PendingRequest>> it = pendingRequests.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, PendingRequest> entry = it.next();
            if (now - entry.getValue().sentAt > REQUEST_TIMEOUT_MILLIS) {
                it.remove();
                entry.getValue().callback.idle(this);
            }
        }
    }

    @Override
    public void run() {
        while (!shutdown) {
            try {
                update(250);
            } catch (IOException ex) {
                Log.debug("kryonet", "Unable to update connection.", ex);
                close();
            }
        }
    }

    public void start() {
        if (updateThread != null) {
            shutdown = true;
            try {
                updateThread.join(5000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        shutdown = false;
        updateThread = new Thread(this, "Client"); //@{2}CONC-01
01|        updateThread.setUncaughtExceptionHandler((thread, ex) -> {
01|            Log.error("kryonet", "Update thread died, closing the connection.", ex);
01|            close();
01|        });
        updateThread.setDaemon(true);
        updateThread.start();
    }

    public void stop() {
        if (shutdown) {
            return;
        }
        close();
        shutdown = true;
        selector.wakeup();
    }
}
''')
cases_of(case, GH + 'EsotericSoftware/kryonet/issues/153', src('com.esotericsoftware.kryonet', 'Client'),
         JV('com.esotericsoftware.kryonet', {
             0: ['com.esotericsoftware.minlog.Log', 'java.io.IOException', 'java.nio.channels.Selector',
                 'java.util.Iterator', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                 'java.util.concurrent.atomic.AtomicInteger'],
             1: ['com.esotericsoftware.minlog.Log', 'java.io.IOException', 'java.nio.channels.Selector',
                 'java.util.HashMap', 'java.util.Iterator', 'java.util.Map',
                 'java.util.concurrent.atomic.AtomicInteger'],
             2: ['com.esotericsoftware.minlog.Log', 'java.io.IOException', 'java.nio.channels.Selector',
                 'java.util.Iterator', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                 'java.util.concurrent.atomic.AtomicInteger']})(KRYONET), [
             (1, 'java-00-kryonet-client-pending-requests-plain-hashmap',
              'an edit keeps the pending requests in a plain HashMap that callers\' threads add to while the update '
              'thread iterates and removes', 'edit'),
             (2, 'java-00-kryonet-client-update-thread-without-handler',
              'an edit drops the uncaught-exception handler of the update thread, so a listener that throws kills the '
              'thread and leaves the client connected but deaf', 'edit'),
             (0, 'java-ok-00-kryonet-client-concurrent-requests-handled-update-thread',
              'clean: the pending requests in a concurrent map, the update thread closes the connection when it dies',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: card game server tables (sbking)
SBKING = template('sbking-tables', r'''
/** Opens game tables for the players of the lobby and runs each table's game server on the game pool. */
public class TableManager {
    private static final Logger LOGGER = LoggerFactory.getLogger(TableManager.class);
    private static final int MAX_TABLES = 32;
    private static final int MAX_WAITING_TABLES = 64;

    private final Map<UUID, Table> tables = new ConcurrentHashMap<>();
    private final ThreadFactory gameThreads = runnable -> {
        Thread thread = new Thread(runnable, "sbking-table");
        thread.setUncaughtExceptionHandler((t, e) -> LOGGER.error("Uncaught error on {}", t.getName(), e));
        return thread;
    };
02|    private final ExecutorService gamePool = new ThreadPoolExecutor(MAX_TABLES, MAX_TABLES, 60L, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<>(MAX_WAITING_TABLES), gameThreads, new ThreadPoolExecutor.AbortPolicy());
1|    private final ExecutorService gamePool = Executors.newCachedThreadPool(gameThreads); //@CONC-02
    private final SBKingServer server;

    public TableManager(SBKingServer server) {
        this.server = server;
    }

    public Table openTable(GameServer gameServer, Player owner) {
        Table table = new Table(gameServer, owner);
        tables.put(table.getId(), table);
        try {
01|            CompletableFuture.runAsync(gameServer, gamePool)
01|                    .whenComplete((ignored, failure) -> onGameEnded(table, failure));
2|            gamePool.submit(gameServer); //@CONC-06
        } catch (RejectedExecutionException e) {
            tables.remove(table.getId());
            server.sendTablesFullTo(owner);
            return null;
        }
        server.sendTableListToAll(new ArrayList<>(tables.values()));
        return table;
    }

    private void onGameEnded(Table table, Throwable failure) {
        tables.remove(table.getId());
        if (failure != null) {
            LOGGER.error("Game on table {} ended with an error", table.getId(), failure);
            server.sendGameAbortedTo(table.getPlayers());
        }
        server.sendTableListToAll(new ArrayList<>(tables.values()));
    }

    public void shutdown() {
        gamePool.shutdownNow();
    }
}
''')
cases_of(case, GH + 'rulojuka/sbking/issues/64', src('br.com.sbk.sbking.networking.server', 'TableManager'),
         JV('br.com.sbk.sbking.networking.server', {
             0: SLF4J + ['br.com.sbk.sbking.networking.server.gameserver.GameServer', 'java.util.ArrayList',
                         'java.util.Map', 'java.util.UUID', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentHashMap',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.RejectedExecutionException',
                         'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit'],
             1: SLF4J + ['br.com.sbk.sbking.networking.server.gameserver.GameServer', 'java.util.ArrayList',
                         'java.util.Map', 'java.util.UUID', 'java.util.concurrent.CompletableFuture',
                         'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'java.util.concurrent.RejectedExecutionException',
                         'java.util.concurrent.ThreadFactory'],
             2: SLF4J + ['br.com.sbk.sbking.networking.server.gameserver.GameServer', 'java.util.ArrayList',
                         'java.util.Map', 'java.util.UUID', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.RejectedExecutionException', 'java.util.concurrent.ThreadFactory',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit']})(SBKING), [
             (1, 'java-00-sbking-tables-unbounded-cached-game-pool',
              'an edit runs the game servers on a cached pool, so every table opened in a burst gets a thread of its '
              'own and the server never answers that the tables are full', 'edit'),
             (2, 'java-00-sbking-tables-game-future-dropped',
              'an edit submits each table\'s game server and drops the future, so a game that throws ends without a '
              'log line and its table is never freed', 'edit'),
             (0, 'java-ok-00-sbking-tables-bounded-pool-observed-games',
              'clean: a bounded game pool that refuses extra tables, every game\'s completion observed', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: HTTP proxy connection (LittleProxy)
LITTLEPROXY = template('littleproxy-server-connection', r'''
/**
 * Represents a connection from our proxy to a server on the web. Reads from the server are handed back to the
 * client connection that asked for them.
 */
public class ProxyToServerConnection extends ProxyConnection<HttpResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyToServerConnection.class);

    private final ClientToProxyConnection clientConnection;
    private final String serverHostAndPort;
    private volatile HttpRequest currentHttpRequest;
    private volatile HttpResponse currentHttpResponse;

    ProxyToServerConnection(DefaultHttpProxyServer proxyServer, ClientToProxyConnection clientConnection,
                            String serverHostAndPort, HttpFilters initialFilters) {
        super(AWAITING_INITIAL, proxyServer, true);
        this.clientConnection = clientConnection;
        this.serverHostAndPort = serverHostAndPort;
        this.currentFilters = initialFilters;
    }

    @Override
    protected ConnectionState readHTTPInitial(HttpResponse httpResponse) {
        LOG.debug("Received raw response: {}", httpResponse);
        if (httpResponse.decoderResult().isFailure()) {
            LOG.debug("Could not parse response from server. Decoder result: {}", httpResponse.decoderResult());
            return DISCONNECT_REQUESTED;
        }
        rememberCurrentResponse(httpResponse);
        respondWith(httpResponse);
        return ProxyUtils.isChunked(httpResponse) ? AWAITING_CHUNK : AWAITING_INITIAL;
    }

    @Override
    protected void readHTTPChunk(HttpContent chunk) {
1|        LOG.info("Read chunk of {} bytes from {} for {}", chunk.content().readableBytes(), serverHostAndPort, //@LOG-01
1|                currentHttpRequest.uri());
        respondWith(chunk);
    }

    @Override
    protected void readRaw(ByteBuf buf) {
        clientConnection.write(buf);
    }

    void write(Object msg, HttpFilters filters) {
        if (msg instanceof HttpRequest) {
            currentHttpRequest = (HttpRequest) msg;
            currentFilters = filters;
01|            LOG.debug("Writing request to server {}: {}", serverHostAndPort, msg);
2|            LOG.debug("Writing request to server " + serverHostAndPort + ": " + msg + " on " + channel); //@LOG-02
        }
        super.write(msg);
    }

    private void respondWith(HttpObject httpObject) {
        clientConnection.respond(this, currentFilters, currentHttpRequest, currentHttpResponse, httpObject);
    }

    private void rememberCurrentResponse(HttpResponse response) {
        currentHttpResponse = ProxyUtils.copyMutableResponseFields(response);
    }
}
''')
cases_of(case, GH + 'LittleProxy/LittleProxy/pull/85', src('org.littleshoot.proxy.impl', 'ProxyToServerConnection'),
         J('org.littleshoot.proxy.impl', SLF4J + [
             'io.netty.buffer.ByteBuf', 'io.netty.handler.codec.http.HttpContent',
             'io.netty.handler.codec.http.HttpObject', 'io.netty.handler.codec.http.HttpRequest',
             'io.netty.handler.codec.http.HttpResponse', 'org.littleshoot.proxy.HttpFilters',
             'static org.littleshoot.proxy.impl.ConnectionState.AWAITING_CHUNK',
             'static org.littleshoot.proxy.impl.ConnectionState.AWAITING_INITIAL',
             'static org.littleshoot.proxy.impl.ConnectionState.DISCONNECT_REQUESTED'])(LITTLEPROXY), [
             (1, 'java-00-littleproxy-info-line-per-response-chunk',
              'an edit logs every chunk read from the server at info, on the path every byte of a streamed response '
              'takes', 'edit'),
             (2, 'java-00-littleproxy-debug-request-line-concatenated',
              'an edit builds the debug line of every request written to a server by concatenation, so each request is '
              'turned into a string even with debug off', 'edit'),
             (0, 'java-ok-00-littleproxy-quiet-chunks-parameterised-debug',
              'clean: no line per chunk, the request debug line parameterised', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / CONC-07: log segment retention of a log store (distributedlog)
DLOG = template('distributedlog-retention', r'''
/**
 * Purges the log segments of a stream that fell out of its retention period, once per purge interval, and deletes
 * the ledgers behind them.
 */
public class SegmentRetentionManager implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRetentionManager.class);

    private final String streamName;
    private final BKLogWriteHandler writeHandler;
    private final BookKeeperClient bookKeeperClient;
    private final ScheduledExecutorService scheduler;
    private final long retentionMillis;
    private ScheduledFuture<?> purgeTask;

    public SegmentRetentionManager(String streamName, BKLogWriteHandler writeHandler, BookKeeperClient bookKeeperClient,
                                   ScheduledExecutorService scheduler, long retentionMillis) {
        this.streamName = streamName;
        this.writeHandler = writeHandler;
        this.bookKeeperClient = bookKeeperClient;
        this.scheduler = scheduler;
        this.retentionMillis = retentionMillis;
    }

    public void start(long purgeIntervalSeconds) {
        purgeTask = scheduler.scheduleAtFixedRate(() -> {
01|            try {
01|                purgeExpiredSegments(System.currentTimeMillis());
2|            purgeExpiredSegments(System.currentTimeMillis()); //@CONC-07
01|            } catch (Throwable t) {
01|                LOG.error("Purging the expired log segments of {} failed, retrying in {}s", streamName,
01|                        purgeIntervalSeconds, t);
01|            }
        }, purgeIntervalSeconds, purgeIntervalSeconds, TimeUnit.SECONDS);
    }

    void purgeExpiredSegments(long now) throws IOException {
        List<LogSegmentMetadata> segments = writeHandler.getCachedLogSegments(LogSegmentMetadata.COMPARATOR);
        int purged = 0;
        for (LogSegmentMetadata segment : segments) {
            if (segment.isInProgress() || now - segment.getCompletionTime() < retentionMillis) {
                break;
            }
            writeHandler.deleteLogSegment(segment);
            try {
                bookKeeperClient.get().deleteLedger(segment.getLogSegmentId());
            } catch (BKException.BKNoSuchLedgerExistsException e) {
                LOG.debug("Ledger {} of {} is already gone", segment.getLogSegmentId(), streamName);
            } catch (BKException | InterruptedException e) { //@{1}ERR-01
02|                if (e instanceof InterruptedException) {
02|                    Thread.currentThread().interrupt();
02|                }
02|                throw new IOException("Failed to delete ledger " + segment.getLogSegmentId() + " of " + streamName, e);
1|                // the ledger is orphaned; the auditor will find it
            }
            purged++;
        }
        if (purged > 0) {
            LOG.info("Purged {} expired log segments of {}", purged, streamName);
        }
    }

    @Override
    public void close() {
        if (purgeTask != null) {
            purgeTask.cancel(false);
        }
    }
}
''')
cases_of(case, GH + 'apache/distributedlog/pull/74', 'distributedlog-core/' + src('org.apache.distributedlog', 'SegmentRetentionManager'),
         J('org.apache.distributedlog', SLF4J + [
             'java.io.Closeable', 'java.io.IOException', 'java.util.List',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
             'java.util.concurrent.TimeUnit', 'org.apache.bookkeeper.client.BKException'])(DLOG), [
             (1, 'java-00-distributedlog-retention-ledger-delete-failure-swallowed',
              'an edit empties the catch of a failed ledger delete, so a purged segment\'s ledger stays on the bookies '
              'with nothing in the log about it, and an interrupt is lost with it', 'edit'),
             (2, 'java-00-distributedlog-retention-purge-exception-ends-schedule',
              'an edit runs the purge straight in the fixed-rate task, so the first failed purge ends the schedule and '
              'the stream is never purged again', 'edit'),
             (0, 'java-ok-00-distributedlog-retention-delete-failure-thrown-purge-guarded',
              'clean: a failed delete thrown with its cause, every purge run inside a catch of everything', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: Exchange web services SDK transport (ews-java-api)
EWS = template('ews-http-request', r'''
/** One EWS request over Apache HttpClient: the SOAP body is posted, the answer read by the service. */
public class HttpClientWebRequest extends HttpWebRequest {
    private final CloseableHttpClient httpClient;
    private final HttpClientContext httpContext;
    private HttpPost httpPost;
    private CloseableHttpResponse response;

    public HttpClientWebRequest(CloseableHttpClient httpClient, HttpClientContext httpContext) {
        this.httpClient = httpClient;
        this.httpContext = httpContext;
    }

    @Override
    public void prepareConnection() {
        httpPost = new HttpPost(getUrl().toString());
        httpPost.addHeader("Content-type", getContentType());
        httpPost.addHeader("User-Agent", getUserAgent());
        httpPost.addHeader("Accept", getAccept());
        httpPost.addHeader("Keep-Alive", "300");
        httpPost.addHeader("Connection", "Keep-Alive");
        if (isAcceptGzipEncoding()) {
            httpPost.addHeader("Accept-Encoding", "gzip,deflate");
        }
        RequestConfig.Builder config = RequestConfig.custom()
                .setAuthenticationEnabled(true)
01|                .setConnectionRequestTimeout(getTimeout())
01|                .setConnectTimeout(getTimeout())
01|                .setSocketTimeout(getTimeout())
                .setRedirectsEnabled(isAllowAutoRedirect()); //@{2}TMO-01
        httpPost.setConfig(config.build());
    }

    @Override
    public int executeRequest() throws EWSHttpException, IOException {
        throwIfRequestIsNull();
        response = httpClient.execute(httpPost, httpContext); //@{1}RES-02
        int status = response.getStatusLine().getStatusCode();
02|        if (status == HttpStatus.SC_UNAUTHORIZED || status >= HttpStatus.SC_INTERNAL_SERVER_ERROR) {
1|        if (status >= HttpStatus.SC_BAD_REQUEST) {
            String reason = response.getStatusLine().getReasonPhrase();
02|            close();
            throw new EWSHttpException("EWS answered " + status + " " + reason + " for " + getUrl());
        }
        return status;
    }

    @Override
    public InputStream getInputStream() throws EWSHttpException, IOException {
        throwIfResponseIsNull();
        return new BufferedInputStream(response.getEntity().getContent());
    }

    @Override
    public void close() throws IOException {
        // Consuming the whole answer gives the connection back to the pool for the next request; when that is not
        // possible the connection is closed with the response.
        if (response != null) {
            try {
                EntityUtils.consume(response.getEntity());
            } finally {
                response.close();
                response = null;
            }
        }
        httpPost = null;
    }

    private void throwIfRequestIsNull() throws EWSHttpException {
        if (httpPost == null) {
            throw new EWSHttpException("Connection not established");
        }
    }

    private void throwIfResponseIsNull() throws EWSHttpException {
        if (response == null) {
            throw new EWSHttpException("Connection not established");
        }
    }
}
''')
cases_of(case, GH + 'OfficeDev/ews-java-api/pull/227', src('microsoft.exchange.webservices.data.core.request', 'HttpClientWebRequest'),
         J('microsoft.exchange.webservices.data.core.request', [
             'java.io.BufferedInputStream', 'java.io.IOException', 'java.io.InputStream',
             'microsoft.exchange.webservices.data.core.exception.http.EWSHttpException',
             'org.apache.http.HttpStatus', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
             'org.apache.http.client.protocol.HttpClientContext', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.util.EntityUtils'])(EWS), [
             (1, 'java-00-ews-request-error-answer-left-open',
              'an edit throws on every 4xx and 5xx status of the Exchange server and no longer closes the answer first, '
              'so every failed call keeps a pooled connection leased', 'edit'),
             (2, 'java-00-ews-request-config-without-timeouts',
              'an edit builds the request configuration without its timeouts, so a stalled Exchange server hangs the '
              'calling thread on connect, pool lease or read', 'edit'),
             (0, 'java-ok-00-ews-request-error-answer-closed-timeouts-set',
              'clean: an error answer released before the exception, connect, lease and read bounded by the request '
              'timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: Jenkins cloud plugin's container count (docker-plugin)
DOCKER = template('docker-plugin-counter', r'''
/**
 * Counts the containers a Docker cloud runs for one of its templates, so that provisioning stays under the
 * template's and the cloud's container caps.
 */
public class ContainerCounter {
    private static final Logger LOGGER = LoggerFactory.getLogger(ContainerCounter.class);

    private final DockerAPI dockerApi;

    public ContainerCounter(DockerAPI dockerApi) {
        this.dockerApi = dockerApi;
    }

    /** The number of containers labelled with the template's id, stopped ones included when asked. */
    public int countContainers(String templateId, boolean includeStopped) throws IOException {
        Map<String, String> labels = Collections.singletonMap(DockerContainerLabelKeys.TEMPLATE_ID, templateId);
0|        try (DockerClient client = dockerApi.getClient()) {
1|        DockerClient client = dockerApi.getClient(); //@RES-01
1|        try {
2|        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
2|                .withDockerHost(dockerApi.getDockerHost().getUri())
2|                .build();
2|        try (DockerClient client = DockerClientBuilder.getInstance(config).build()) { //@RES-04
            List<Container> containers = client.listContainersCmd()
                    .withShowAll(includeStopped)
                    .withLabelFilter(labels)
                    .exec();
            LOGGER.debug("Docker host {} runs {} containers of template {}", dockerApi.getDockerHost().getUri(),
                    containers.size(), templateId);
            return containers.size();
        } catch (DockerException e) {
            throw new IOException("Could not list the containers of template " + templateId + " on "
                    + dockerApi.getDockerHost().getUri(), e);
        }
    }

    /** Whether the cloud may start one more container of the template. */
    public boolean canProvision(DockerTemplate template, int cloudCap) throws IOException {
        int ofTemplate = countContainers(template.getId(), false);
        if (template.getInstanceCap() > 0 && ofTemplate >= template.getInstanceCap()) {
            return false;
        }
        return cloudCap <= 0 || countAllContainers() < cloudCap;
    }

    private int countAllContainers() throws IOException {
        try (DockerClient client = dockerApi.getClient()) {
            return client.listContainersCmd()
                    .withLabelFilter(Collections.singletonMap(DockerContainerLabelKeys.JENKINS_INSTANCE_ID,
                            DockerContainerLabelKeys.currentInstanceId()))
                    .exec()
                    .size();
        } catch (DockerException e) {
            throw new IOException("Could not list the containers on " + dockerApi.getDockerHost().getUri(), e);
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/docker-plugin/pull/788', src('io.jenkins.docker.client', 'ContainerCounter'),
         JV('io.jenkins.docker.client', {
             0: SLF4J + ['com.github.dockerjava.api.DockerClient', 'com.github.dockerjava.api.exception.DockerException',
                         'com.github.dockerjava.api.model.Container', 'com.nirima.jenkins.plugins.docker.DockerTemplate',
                         'io.jenkins.docker.DockerContainerLabelKeys', 'java.io.IOException', 'java.util.Collections',
                         'java.util.List', 'java.util.Map'],
             1: SLF4J + ['com.github.dockerjava.api.DockerClient', 'com.github.dockerjava.api.exception.DockerException',
                         'com.github.dockerjava.api.model.Container', 'com.nirima.jenkins.plugins.docker.DockerTemplate',
                         'io.jenkins.docker.DockerContainerLabelKeys', 'java.io.IOException', 'java.util.Collections',
                         'java.util.List', 'java.util.Map'],
             2: SLF4J + ['com.github.dockerjava.api.DockerClient', 'com.github.dockerjava.api.exception.DockerException',
                         'com.github.dockerjava.api.model.Container', 'com.github.dockerjava.core.DefaultDockerClientConfig',
                         'com.github.dockerjava.core.DockerClientBuilder', 'com.github.dockerjava.core.DockerClientConfig',
                         'com.nirima.jenkins.plugins.docker.DockerTemplate', 'io.jenkins.docker.DockerContainerLabelKeys',
                         'java.io.IOException', 'java.util.Collections', 'java.util.List', 'java.util.Map']})(DOCKER), [
             (1, 'java-00-docker-plugin-new-counter-client-never-closed',
              'a new container counter takes a Docker client from the cloud\'s API for every count and never closes it, '
              'so each provisioning check keeps a connection to the Docker host', 'new'),
             (2, 'java-00-docker-plugin-new-counter-client-built-per-count',
              'a new container counter builds a Docker client of its own, with its own connection pool, for every count '
              'instead of the cloud\'s shared one', 'new'),
             (0, 'java-ok-00-docker-plugin-new-counter-shared-client-closed',
              'clean: a new container counter that borrows the cloud\'s client and closes it by try-with-resources',
              'new'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: identity server migration client (product-is)
WSO2 = template('wso2-token-cleanup', r'''
/** Moves the expired access tokens of every tenant to the audit table and deletes them, tenant by tenant. */
public class TokenCleanupMigrator extends Migrator {
    private static final Logger log = LoggerFactory.getLogger(TokenCleanupMigrator.class);

    private static final String MOVE_TO_AUDIT = "INSERT INTO IDN_OAUTH2_ACCESS_TOKEN_AUDIT "
            + "(TOKEN_ID, ACCESS_TOKEN, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, TOKEN_STATE, TIME_CREATED) "
            + "SELECT TOKEN_ID, ACCESS_TOKEN, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, TOKEN_STATE, TIME_CREATED "
            + "FROM IDN_OAUTH2_ACCESS_TOKEN WHERE TENANT_ID = ? AND TOKEN_STATE = 'EXPIRED' AND TIME_CREATED < ?";
    private static final String DELETE_EXPIRED = "DELETE FROM IDN_OAUTH2_ACCESS_TOKEN "
            + "WHERE TENANT_ID = ? AND TOKEN_STATE = 'EXPIRED' AND TIME_CREATED < ?";

    @Override
    public void migrate() throws MigrationClientException {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(getRetentionDays(), ChronoUnit.DAYS));
        List<Integer> tenantIds = getTenantIds();
        try (Connection connection = getDataSource().getConnection()) {
1|            log.info("Moving the expired tokens created before {} of {} tenants to the audit table", cutoff,
1|                    tenantIds.size());
            connection.setAutoCommit(false); //@{1}TX-01
01|            try (PreparedStatement audit = connection.prepareStatement(MOVE_TO_AUDIT);
01|                 PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
2|            PreparedStatement audit = connection.prepareStatement(MOVE_TO_AUDIT); //@RES-01
2|            PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED);
2|            try {
                for (int tenantId : tenantIds) {
                    audit.setInt(1, tenantId);
                    audit.setTimestamp(2, cutoff);
                    audit.executeUpdate();
                    delete.setInt(1, tenantId);
                    delete.setTimestamp(2, cutoff);
                    int deleted = delete.executeUpdate();
                    connection.commit();
                    log.info("Moved {} expired tokens of tenant {} to the audit table", deleted, tenantId);
                }
            } catch (SQLException e) {
02|                connection.rollback();
                throw new MigrationClientException("Error while moving the expired tokens to the audit table", e);
            }
        } catch (SQLException e) {
            throw new MigrationClientException("Error while getting a connection to the identity database", e);
        }
    }
}
''')
cases_of(case, GH + 'wso2/product-is/issues/5778',
         src('org.wso2.carbon.is.migration.service.v570.migrator', 'TokenCleanupMigrator'),
         J('org.wso2.carbon.is.migration.service.v570.migrator', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
             'java.time.Instant', 'java.time.temporal.ChronoUnit', 'java.util.List',
             'org.wso2.carbon.is.migration.service.Migrator',
             'org.wso2.carbon.is.migration.service.MigrationClientException'])(WSO2), [
             (1, 'java-00-wso2-moved-token-cleanup-failed-tenant-not-rolled-back',
              'a PR moves the token clean-up into the 5.7.0 migrators and no longer rolls back a tenant whose move '
              'fails, so the connection goes back to the pool in the middle of a transaction', 'rename'),
             (2, 'java-00-wso2-moved-token-cleanup-statements-not-closed',
              'a PR moves the token clean-up into the 5.7.0 migrators and prepares its two statements outside '
              'try-with-resources, so they are never closed', 'rename'),
             (0, 'java-ok-00-wso2-moved-token-cleanup-rollback-statements-closed',
              'clean: the move alone; a failed tenant rolled back, both statements closed by try-with-resources',
              'rename'),
         ], rename_from=src('org.wso2.carbon.is.migration.service.v560.migrator', 'TokenCleanupMigrator'),
         rename_old=lambda t: t.replace('.v570.', '.v560.'))
