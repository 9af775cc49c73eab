"""Round-54 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
LOG4J = ['org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TMO-01 / ERR-01: downstream forwarder of an Ethereum transaction signer (ethsigner)
ETHSIGNER = template('ethsigner-downstream-forwarder', r'''
/**
 * Forwards the JSON-RPC requests the signer does not handle itself to the Ethereum node.
 */
public class DownstreamForwarder {
    private static final Logger LOG = LogManager.getLogger();

    private final HttpClient httpClient;
    private final URI downstream;
    private final Duration timeout;

    public DownstreamForwarder(URI downstream, Duration timeout) {
        this.downstream = downstream;
        this.timeout = timeout;
        this.httpClient = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public JsonRpcResponse forward(JsonRpcRequest rpcRequest) throws InterruptedException {
        String body = Json.encode(rpcRequest);
        HttpRequest request = HttpRequest.newBuilder(downstream) //@{1}TMO-01
02|                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("Ethereum node answered {} to {}", response.statusCode(), rpcRequest.getMethod());
                return JsonRpcResponse.error(rpcRequest.getId(), JsonRpcError.INTERNAL_ERROR);
            }
            return Json.decodeValue(response.body(), JsonRpcResponse.class);
01|        } catch (IOException e) {
01|            LOG.error("Forwarding {} to the Ethereum node failed", rpcRequest.getMethod(), e);
2|        } catch (IOException ignored) { //@ERR-01
            return JsonRpcResponse.error(rpcRequest.getId(), JsonRpcError.INTERNAL_ERROR);
        }
    }
}
''')
cases_of(case, GH + 'Consensys-Incorporated/ethsigner/pull/73',
         'ethsigner/core/' + src('tech.pegasys.ethsigner.core.http', 'DownstreamForwarder'),
         J('tech.pegasys.ethsigner.core.http', LOG4J + [
             'io.vertx.core.json.Json', 'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration',
             'tech.pegasys.ethsigner.core.jsonrpc.JsonRpcRequest',
             'tech.pegasys.ethsigner.core.jsonrpc.response.JsonRpcError',
             'tech.pegasys.ethsigner.core.jsonrpc.response.JsonRpcResponse'])(ETHSIGNER), [
             (1, 'java-00-ethsigner-forward-without-request-timeout',
              'an edit drops the timeout of each forwarded request, so a node that accepts the connection and '
              'never answers holds the signer\'s caller forever', 'edit'),
             (2, 'java-00-ethsigner-forward-failure-swallowed',
              'an edit drops the log of a failed forward and names the exception ignored, so a node outage shows '
              'only as internal errors with no cause', 'edit'),
             (0, 'java-ok-00-ethsigner-forward-timeout-failure-logged',
              'clean: the fix bounds each forwarded request with the timeout; a failed forward is logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: receive buffer of a queue client in a cloud SDK (aws-sdk-java)
AWSSDK = template('aws-sqs-receive-buffer', r'''
/**
 * Keeps a local buffer of messages received from one queue, filled by a background thread.
 */
public class ReceiveQueueBuffer implements Runnable {
    private static final Log log = LogFactory.getLog(ReceiveQueueBuffer.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 20_000;

    private final AmazonSQS sqsClient;
    private final String queueUrl;
    private final BlockingQueue<Message> buffer;
    private volatile boolean shutDown;
    private long backoff = MIN_BACKOFF_MS;

    public ReceiveQueueBuffer(AmazonSQS sqsClient, String queueUrl, int capacity) {
        this.sqsClient = sqsClient;
        this.queueUrl = queueUrl;
        this.buffer = new ArrayBlockingQueue<>(capacity);
    }

    /** Keeps the local buffer filled with messages received from the queue until shutdown or interruption. */
    @Override
    public void run() {
        while (!shutDown && !Thread.currentThread().isInterrupted()) {
            try {
                ReceiveMessageResult result = sqsClient.receiveMessage(new ReceiveMessageRequest(queueUrl)
                        .withMaxNumberOfMessages(10)
                        .withWaitTimeSeconds(20));
                for (Message message : result.getMessages()) {
                    buffer.put(message);
                }
                backoff = MIN_BACKOFF_MS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (AmazonClientException e) { //@{2}ERR-01
01|                log.warn("Receiving from " + queueUrl + " failed; retrying in " + backoff + " ms", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
        }
    }

    public Message poll(long timeout, TimeUnit unit) throws InterruptedException {
        return buffer.poll(timeout, unit);
    }

    public void shutdown() {
        shutDown = true;
    }
}
''')
cases_of(case, GH + 'aws/aws-sdk-java/pull/39',
         'aws-java-sdk-sqs/' + src('com.amazonaws.services.sqs.buffered', 'ReceiveQueueBuffer'),
         J('com.amazonaws.services.sqs.buffered', [
             'com.amazonaws.AmazonClientException', 'com.amazonaws.services.sqs.AmazonSQS',
             'com.amazonaws.services.sqs.model.Message', 'com.amazonaws.services.sqs.model.ReceiveMessageRequest',
             'com.amazonaws.services.sqs.model.ReceiveMessageResult', 'java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit',
             'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory'])(AWSSDK), [
             (1, 'java-00-aws-sqs-backoff-interrupt-swallowed',
              'an edit catches the interruption of the back-off sleep without restoring the flag, so cancelling '
              'the receive thread leaves it polling the queue', 'edit'),
             (2, 'java-00-aws-sqs-receive-failure-swallowed',
              'an edit drops the log of a failed receive, so a queue the client may not read is retried forever '
              'without a trace', 'edit'),
             (0, 'java-ok-00-aws-sqs-interrupt-restored-failure-logged',
              'clean: the fix restores the interrupt flag after the back-off; a failed receive is logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-02: stream management queue of an XMPP server (tigase-server)
TIGASE = template('tigase-stream-management-queue', r'''
/**
 * Keeps stanzas sent to a client until the client acknowledges them (XEP-0198 stream management).
 */
public class StreamManagementQueue {
    private static final Logger log = Logger.getLogger(StreamManagementQueue.class.getName());
    private static final String OUT_QUEUE_KEY = "sm-out-queue";

    private final int maxQueueSize;

    public StreamManagementQueue(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    /**
     * Queues a stanza sent to the client until the client acknowledges it, closing the stream when the client
     * stops acknowledging.
     */
    public boolean queueOutgoing(XMPPIOService<?> service, Packet packet) {
        OutQueue queue = (OutQueue) service.getSessionData().get(OUT_QUEUE_KEY);
        if (queue == null) {
            return true;
        }
02|        if (queue.size() >= maxQueueSize) {
02|            log.log(Level.WARNING, "{0}: client has not acknowledged {1} stanzas, closing the stream",
02|                    new Object[] {service, queue.size()});
02|            service.forceStop();
02|            return false;
02|        }
        queue.append(packet); //@{1}CONC-02
01|        if (log.isLoggable(Level.FINEST)) {
01|            log.log(Level.FINEST, "{0}: queued {1}, {2} unacknowledged",
01|                    new Object[] {service, packet.getElemName(), queue.size()});
01|        }
2|        log.finest(service + ": queued " + packet.getElemName() + ", " + queue.size() + " unacknowledged"); //@LOG-02
        return true;
    }

    /** Drops every stanza up to the count the client acknowledged. */
    public void acknowledge(XMPPIOService<?> service, int handled) {
        OutQueue queue = (OutQueue) service.getSessionData().get(OUT_QUEUE_KEY);
        if (queue != null) {
            queue.ack(handled);
        }
    }
}
''')
cases_of(case, GH + 'tigase/tigase-server/pull/109',
         src('tigase.server.xmppclient', 'StreamManagementQueue'),
         J('tigase.server.xmppclient', ['java.util.logging.Level', 'java.util.logging.Logger', 'tigase.server.Packet',
                                        'tigase.xmpp.XMPPIOService'])(TIGASE), [
             (1, 'java-00-tigase-unacked-queue-without-limit',
              'an edit drops the limit of the unacknowledged-stanza queue, so a client that never acknowledges '
              'makes the server keep every stanza sent to it until the heap is gone', 'edit'),
             (2, 'java-00-tigase-queue-log-concatenated',
              'an edit logs every queued stanza by string concatenation, building the text for each stanza even '
              'with FINEST off', 'edit'),
             (0, 'java-ok-00-tigase-bounded-queue-parameterised-log',
              'clean: the fix closes the stream of a client past the queue limit; the queue log is guarded and '
              'parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-01: backup listing of a Bitcoin wallet (multibit-hd)
MULTIBIT = template('multibit-backup-listing', r'''
/**
 * Finds the rolling and zip backups of a wallet.
 */
public class BackupManager {
    private static final Logger log = LoggerFactory.getLogger(BackupManager.class);
    private static final String BACKUP_SUFFIX = ".zip";
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /**
     * Lists the wallet's backups, newest first, with the time each was made (backup names carry it in UTC).
     */
    public List<BackupSummary> getWalletBackups(File backupDirectory) throws IOException {
        List<BackupSummary> summaries = new ArrayList<>();
        File[] files = backupDirectory.listFiles((dir, name) -> name.endsWith(BACKUP_SUFFIX));
        if (files == null) {
            return summaries;
        }
        for (File file : files) {
            String name = file.getName();
            String stamp = name.substring(name.lastIndexOf('-') + 1, name.length() - BACKUP_SUFFIX.length());
            Instant created;
            try {
02|                created = LocalDateTime.parse(stamp, BACKUP_STAMP).toInstant(ZoneOffset.UTC);
02|            } catch (DateTimeParseException e) {
1|                created = new SimpleDateFormat("yyyyMMddHHmmss").parse(stamp).toInstant(); //@TIME-01
1|            } catch (ParseException e) {
                log.warn("Skipping backup {} with an unreadable time", name);
                continue;
            }
01|            try (ZipFile zip = new ZipFile(file)) {
01|                summaries.add(new BackupSummary(walletIdOf(zip), file, created));
01|            }
2|            summaries.add(new BackupSummary(walletIdOf(new ZipFile(file)), file, created)); //@RES-01
        }
        summaries.sort(Comparator.comparing(BackupSummary::getCreated).reversed());
        return summaries;
    }

    private static WalletId walletIdOf(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("wallet-id.txt");
        if (entry == null) {
            throw new IOException("backup " + zip.getName() + " has no wallet id");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new WalletId(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
''')
MB_BASE = SLF4J + ['java.io.File', 'java.io.IOException', 'java.io.InputStream', 'java.nio.charset.StandardCharsets',
                   'java.time.Instant', 'java.time.LocalDateTime', 'java.time.ZoneOffset',
                   'java.time.format.DateTimeFormatter', 'java.util.ArrayList', 'java.util.Comparator',
                   'java.util.List', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile',
                   'org.multibit.hd.core.dto.BackupSummary', 'org.multibit.hd.core.dto.WalletId']
cases_of(case, GH + 'Multibit-Legacy/multibit-hd/issues/521',
         'mbhd-core/' + src('org.multibit.hd.core.managers', 'BackupManager'),
         JV('org.multibit.hd.core.managers', {
             0: MB_BASE + ['java.time.format.DateTimeParseException'],
             1: MB_BASE + ['java.text.ParseException', 'java.text.SimpleDateFormat'],
             2: MB_BASE + ['java.time.format.DateTimeParseException']})(MULTIBIT), [
             (1, 'java-00-multibit-backup-time-in-host-zone',
              'an edit parses the UTC time in each backup\'s name with a formatter in the host\'s zone, so the '
              'restore list shows backups hours off', 'edit'),
             (2, 'java-00-multibit-backup-zip-never-closed',
              'an edit opens each backup zip to read its wallet id without closing it, so listing the backups '
              'leaks a file handle per backup and locks the files on Windows', 'edit'),
             (0, 'java-ok-00-multibit-backup-utc-time-zip-closed',
              'clean: the fix parses backup times in UTC; each zip is closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / TX-01: balance storage of a game server economy plugin (XConomy), CRLF
XCONOMY = template('xconomy-sql-update', r'''
/**
 * Writes balance changes to the economy database.
 */
public class SQLUpdate {
    private static final Logger LOGGER = XConomy.getInstance().getLogger();

    /** Saves a balance change off the server thread. */
    public static void saveAsync(UUID uuid, BigDecimal balance) {
02|        CompletableFuture.runAsync(() -> save(uuid, balance), DataLink.DB_EXECUTOR)
02|                .exceptionally(t -> {
02|                    LOGGER.log(Level.SEVERE, "Saving a balance failed", t);
02|                    return null;
02|                });
1|        DataLink.DB_EXECUTOR.submit(() -> save(uuid, balance)); //@CONC-06
    }

    /**
     * Moves money between two accounts in one transaction.
     */
    public static boolean transfer(UUID from, UUID to, BigDecimal amount) {
        Connection connection = DataCon.getConnectionAndCheck();
        if (connection == null) {
            return false;
        }
        try {
            connection.setAutoCommit(false);
            withdraw(connection, from, amount);
            deposit(connection, to, amount);
            connection.commit();
            return true;
        } catch (SQLException e) { //@{2}TX-01
01|            DataCon.rollbackQuietly(connection);
            LOGGER.log(Level.SEVERE, "Transfer between accounts failed", e);
            return false;
        } finally {
            DataCon.restoreAutoCommit(connection);
            DataCon.closeHikariConnection(connection);
        }
    }

    private static void withdraw(Connection connection, UUID uuid, BigDecimal amount) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + DataCon.tableName + " SET balance = balance - ? WHERE UID = ? AND balance >= ?")) {
            statement.setBigDecimal(1, amount);
            statement.setString(2, uuid.toString());
            statement.setBigDecimal(3, amount);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("insufficient balance for " + uuid);
            }
        }
    }

    private static void deposit(Connection connection, UUID uuid, BigDecimal amount) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + DataCon.tableName + " SET balance = balance + ? WHERE UID = ?")) {
            statement.setBigDecimal(1, amount);
            statement.setString(2, uuid.toString());
            statement.executeUpdate();
        }
    }

    private static void save(UUID uuid, BigDecimal balance) {
        Connection connection = DataCon.getConnectionAndCheck();
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + DataCon.tableName + " SET balance = ? WHERE UID = ?")) {
            statement.setBigDecimal(1, balance);
            statement.setString(2, uuid.toString());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the balance of " + uuid + " failed", e);
        } finally {
            DataCon.closeHikariConnection(connection);
        }
    }
}
''')
XC_BASE = ['java.math.BigDecimal', 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
           'java.util.UUID', 'java.util.logging.Level', 'java.util.logging.Logger', 'me.yic.xconomy.XConomy']
cases_of(case, GH + 'YiC200333/XConomy/issues/140',
         'XConomy-Bukkit/' + src('me.yic.xconomy.data.sql', 'SQLUpdate'),
         JV('me.yic.xconomy.data.sql', {0: XC_BASE + ['java.util.concurrent.CompletableFuture'], 1: XC_BASE,
                                        2: XC_BASE + ['java.util.concurrent.CompletableFuture']})(XCONOMY), [
             (1, 'java-00-xconomy-async-save-future-dropped',
              'an edit submits each asynchronous balance save and drops its future, so a save that fails on the '
              'database is lost without a trace', 'edit'),
             (2, 'java-00-xconomy-transfer-not-rolled-back',
              'an edit drops the rollback of a failed transfer, so the withdrawal already made stays in the '
              'connection\'s transaction when it goes back to the pool', 'edit'),
             (0, 'java-ok-00-xconomy-async-save-observed-transfer-rolled-back',
              'clean: the fix logs a failed asynchronous save; a failed transfer is rolled back', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-01: statistics storage of a game server heads plugin (HeadsPlus)
HEADSPLUS = template('headsplus-statistics', r'''
/**
 * Stores per-player statistics of heads sold, crafted and hunted in the plugin's SQL database.
 */
public class StatisticsSQLManager {
    private static final String UPDATE_TOTAL =
            "UPDATE headsplus_stats SET total = total + ? WHERE user_id = ? AND stat = ? AND critera = ?";

    private final SQLImplementation implementation;

    public StatisticsSQLManager(SQLImplementation implementation) {
        this.implementation = implementation;
    }

    /** Adds to a player's statistic; called for every head a player gets. */
    public CompletableFuture<Void> addToTotal(UUID uuid, String statistic, String critera, int amount) {
        return CompletableFuture.runAsync(() -> {
02|            try (Connection connection = implementation.getConnection();
02|                 PreparedStatement statement = connection.prepareStatement(UPDATE_TOTAL)) {
1|            try {
1|                Connection connection = implementation.getConnection(); //@RES-01
1|                PreparedStatement statement = connection.prepareStatement(UPDATE_TOTAL);
                statement.setInt(1, amount);
                statement.setString(2, uuid.toString());
                statement.setString(3, statistic);
                statement.setString(4, critera);
                statement.executeUpdate();
2|                HeadsPlus.get().getLogger().log(Level.INFO, "Added {0} to {1} ({2}) of {3}", //@LOG-01
2|                        new Object[] {amount, statistic, critera, uuid});
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, HeadsPlus.async());
    }
}
''')
cases_of(case, GH + 'Errored-Innovations/HeadsPlus/issues/86',
         src('io.github.thatsmusic99.headsplus.storage', 'StatisticsSQLManager'),
         J('io.github.thatsmusic99.headsplus.storage', [
             'io.github.thatsmusic99.headsplus.HeadsPlus', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.SQLException', 'java.util.UUID', 'java.util.concurrent.CompletableFuture',
             'java.util.concurrent.CompletionException', 'java.util.logging.Level'])(HEADSPLUS), [
             (1, 'java-00-headsplus-statistic-connection-never-closed',
              'an edit takes the connection and statement of each statistic update outside try-with-resources, so '
              'every head a player gets leaks a connection and SQLite reports the database locked', 'edit'),
             (2, 'java-00-headsplus-every-statistic-logged',
              'an edit logs every statistic update at INFO, so a busy server writes a log line for every head a '
              'player gets', 'edit'),
             (0, 'java-ok-00-headsplus-statistic-resources-closed',
              'clean: the fix closes each update\'s connection and statement by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / RES-04: request execution of a WebDAV client (sardine)
SARDINE = template('sardine-execute', r'''
/**
 * WebDAV client on Apache HttpClient; one client and context serve every call.
 */
public class SardineImpl implements Sardine {
    /** The request being executed on this thread, read by the redirect strategy. */
    static final ThreadLocal<HttpRequestBase> CURRENT_REQUEST = new ThreadLocal<>();

    private final CloseableHttpClient client;
    private final HttpClientContext context;
    private final CredentialsProvider credentials;

    public SardineImpl(HttpClientBuilder builder, CredentialsProvider credentials) {
        this.credentials = credentials;
        this.client = builder.setDefaultCredentialsProvider(credentials).build();
        this.context = HttpClientContext.create();
    }

    @Override
    public boolean exists(String url) throws IOException {
        HttpHead head = new HttpHead(url);
01|        return this.execute(this.context, head, new ExistsResponseHandler());
2|        try (CloseableHttpClient single = HttpClients.custom().setDefaultCredentialsProvider(credentials).build()) { //@RES-04
2|            return single.execute(head, new ExistsResponseHandler(), this.context);
2|        }
    }

    /**
     * Executes the request and hands the response to the handler.
     */
    protected <T> T execute(HttpClientContext context, HttpRequestBase request, ResponseHandler<T> responseHandler)
            throws IOException {
        CURRENT_REQUEST.set(request); //@{1}CONC-04
02|        try {
02|            context.removeAttribute(HttpClientContext.REDIRECT_LOCATIONS);
02|            return this.client.execute(request, responseHandler, context);
02|        } catch (IOException e) {
02|            request.abort();
02|            throw e;
02|        } finally {
02|            CURRENT_REQUEST.remove();
02|        }
1|        context.removeAttribute(HttpClientContext.REDIRECT_LOCATIONS);
1|        T result = this.client.execute(request, responseHandler, context);
1|        CURRENT_REQUEST.remove();
1|        return result;
    }
}
''')
SARDINE_BASE = ['com.github.sardine.Sardine', 'com.github.sardine.impl.handler.ExistsResponseHandler',
                'java.io.IOException', 'org.apache.http.client.CredentialsProvider',
                'org.apache.http.client.ResponseHandler', 'org.apache.http.client.methods.HttpHead',
                'org.apache.http.client.methods.HttpRequestBase', 'org.apache.http.client.protocol.HttpClientContext',
                'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClientBuilder']
cases_of(case, GH + 'lookfirst/sardine/issues/165', src('com.github.sardine.impl', 'SardineImpl'),
         JV('com.github.sardine.impl', {0: SARDINE_BASE, 1: SARDINE_BASE,
                                       2: SARDINE_BASE + ['org.apache.http.impl.client.HttpClients']})(SARDINE), [
             (1, 'java-00-sardine-current-request-not-removed-on-failure',
              'an edit removes the thread\'s current request after the call rather than in a finally block, so a '
              'failed call leaves its request on the pooled thread', 'edit'),
             (2, 'java-00-sardine-exists-client-per-call',
              'an edit builds and closes a new HTTP client for every existence check, so a sync that checks '
              'thousands of paths opens a connection pool and TLS session for each', 'edit'),
             (0, 'java-ok-00-sardine-current-request-removed-in-finally',
              'clean: the fix removes the current request in a finally block; every call goes through the shared '
              'client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: peer network timers of a blockchain node (nem.core), renamed
NEM = template('nem-peer-network-scheduler', r'''
/**
 * Runs the node's periodic network tasks and receives transactions pushed by peers.
 */
public class PeerNetworkScheduler {
    private static final Logger LOGGER = Logger.getLogger(PeerNetworkScheduler.class.getName());
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(3);
    private static final Duration BROADCAST_INTERVAL = Duration.ofMinutes(2);
    private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor;
    private final BlockSynchronizer synchronizer;
    private final PeerNetwork peerNetwork;
    private final UnconfirmedTransactions unconfirmedTransactions;
    private final BroadcastBuffer broadcastBuffer;

    public PeerNetworkScheduler(ScheduledExecutorService executor, BlockSynchronizer synchronizer,
            PeerNetwork peerNetwork, UnconfirmedTransactions unconfirmedTransactions, BroadcastBuffer broadcastBuffer) {
        this.executor = executor;
        this.synchronizer = synchronizer;
        this.peerNetwork = peerNetwork;
        this.unconfirmedTransactions = unconfirmedTransactions;
        this.broadcastBuffer = broadcastBuffer;
    }

    /** Schedules synchronisation with a partner, broadcast of buffered entities and refresh of the partners. */
    public void start() {
        this.schedule("SYNC", this.synchronizer::synchronizeWithRandomPartner, SYNC_INTERVAL);
        this.schedule("BROADCAST", () -> this.peerNetwork.broadcast(this.broadcastBuffer), BROADCAST_INTERVAL);
        this.schedule("REFRESH", this.peerNetwork::refresh, REFRESH_INTERVAL);
    }

    private void schedule(String name, Runnable task, Duration interval) {
02|        this.executor.scheduleWithFixedDelay(() -> {
02|            try {
02|                task.run();
02|            } catch (RuntimeException e) {
02|                LOGGER.log(Level.WARNING, e, () -> "Timer " + name + " raised exception");
02|            }
02|        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
1|        this.executor.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS); //@CONC-07
    }

    /** Adds a transaction a peer pushed to the unconfirmed transactions and queues it for broadcast. */
    public ValidationResult pushTransaction(Transaction transaction, NodeIdentity identity) {
        ValidationResult result = this.unconfirmedTransactions.addNew(transaction);
2|        LOGGER.log(Level.INFO, "transaction {0} from {1}: {2}", //@LOG-01
2|                new Object[] {HashUtils.calculateHash(transaction), identity, result});
        if (result.isSuccess()) {
            this.broadcastBuffer.add(NisPeerId.REST_PUSH_TRANSACTIONS, transaction);
        }
        return result;
    }
}
''')
cases_of(case, GH + 'NemProject/nem.core/issues/18',
         'nis/' + src('org.nem.nis.connect', 'PeerNetworkScheduler'),
         J('org.nem.nis.connect', [
             'java.time.Duration', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
             'java.util.logging.Level', 'java.util.logging.Logger', 'org.nem.core.crypto.HashUtils',
             'org.nem.core.model.Transaction', 'org.nem.core.model.ValidationResult',
             'org.nem.core.node.NisPeerId', 'org.nem.core.node.NodeIdentity', 'org.nem.nis.BlockSynchronizer',
             'org.nem.nis.cache.UnconfirmedTransactions', 'org.nem.peer.BroadcastBuffer',
             'org.nem.peer.PeerNetwork'])(NEM), [
             (1, 'java-00-nem-renamed-timers-stop-after-exception',
              'a PR renames the network scheduler and schedules each timer task without a catch, so one failed '
              'synchronisation stops the node syncing until it is restarted', 'rename'),
             (2, 'java-00-nem-renamed-every-pushed-transaction-logged',
              'a PR renames the network scheduler and logs every transaction a peer pushes at INFO, so a busy '
              'network floods the node\'s log', 'rename'),
             (0, 'java-ok-00-nem-renamed-timers-catch-failures',
              'clean: the rename alone; every timer task catches and logs its failures', 'rename'),
         ], rename_from='nis/' + src('org.nem.nis.connect', 'NisPeerNetworkHost'),
         rename_old=lambda t: t.replace('PeerNetworkScheduler', 'NisPeerNetworkHost'))


# ---------------------------------------------------------------- CONC-03 / CONC-01: block sync service of a blockchain node (java-tron)
TRON = template('java-tron-sync-service', r'''
/**
 * Fetches blocks from peers while the node catches up and hands them to the block handler.
 */
@Slf4j(topic = "net")
@Component
public class SyncService {
    private final Map<BlockMessage, PeerConnection> blockJustReceived = new HashMap<>();
    private final int syncFetchBatchNum;
    private volatile boolean handleFlag = false;

    public SyncService(int syncFetchBatchNum) {
        this.syncFetchBatchNum = syncFetchBatchNum;
    }

    public void init() {
        Thread handler = new Thread(this::handleSyncBlockLoop, "sync-handle-block"); //@{2}CONC-01
01|        handler.setUncaughtExceptionHandler((t, e) -> logger.error("Sync block handler {} died", t.getName(), e));
        handler.setDaemon(true);
        handler.start();
    }

    /** Records a block a peer sent during sync; the handler thread processes it later. */
    public void processBlock(PeerConnection peer, BlockMessage blockMessage) {
02|        synchronized (blockJustReceived) {
02|            blockJustReceived.put(blockMessage, peer);
02|        }
1|        blockJustReceived.put(blockMessage, peer); //@CONC-03
        handleFlag = true;
        if (peer.isIdle()) {
            if (peer.getRemainNum() > 0 && peer.getSyncBlockToFetch().size() <= syncFetchBatchNum) {
                syncNext(peer);
            } else if (peer.getSyncBlockToFetch().isEmpty()) {
                peer.setNeedSyncFromPeer(false);
            }
        }
    }

    private void handleSyncBlockLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            if (handleFlag) {
                handleFlag = false;
                handleSyncBlock();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private void handleSyncBlock() {
        synchronized (blockJustReceived) {
            blockJustReceived.forEach((message, peer) -> processSyncBlock(message.getBlockCapsule(), peer));
            blockJustReceived.clear();
        }
    }
}
''')
cases_of(case, GH + 'tronprotocol/java-tron/issues/4513',
         'framework/' + src('org.tron.core.net.service.sync', 'SyncService'),
         J('org.tron.core.net.service.sync', [
             'java.util.HashMap', 'java.util.Map', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.locks.LockSupport', 'lombok.extern.slf4j.Slf4j',
             'org.springframework.stereotype.Component', 'org.tron.core.net.message.adv.BlockMessage',
             'org.tron.core.net.peer.PeerConnection'])(TRON), [
             (1, 'java-00-tron-received-blocks-written-without-lock',
              'an edit records each received block in the shared map outside its lock, so network threads race '
              'the handler thread and sync stalls on a corrupted map', 'edit'),
             (2, 'java-00-tron-sync-handler-thread-without-handler',
              'an edit starts the sync block handler thread without an uncaught-exception handler, so a failure '
              'in block processing ends sync with nothing in the log', 'edit'),
             (0, 'java-ok-00-tron-locked-blocks-handled-thread',
              'clean: the fix records received blocks under the map\'s lock; the handler thread logs its death',
              'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: cookie helper of a real-time web framework (atmosphere), new file
ATMOSPHERE = template('atmosphere-cookie-util', r'''
/**
 * Formats Set-Cookie headers for the transports that cannot use the container's cookie support.
 */
public final class CookieUtil {
    private static final String OLD_COOKIE_PATTERN = "EEE, dd-MMM-yyyy HH:mm:ss z";
    private static final String TSPECIALS = ",; ";

    private CookieUtil() {
    }

    public static String toHeader(Cookie cookie) {
        StringBuilder header = new StringBuilder();
        header.append(cookie.getName()).append('=');
        appendValue(header, cookie.getValue());
        if (cookie.getMaxAge() >= 0) {
            header.append("; Expires=").append(formatExpires(cookie.getMaxAge()));
        }
        if (cookie.getPath() != null) {
            header.append("; Path=").append(cookie.getPath());
        }
        if (cookie.getSecure()) {
            header.append("; Secure");
        }
        if (cookie.isHttpOnly()) {
            header.append("; HttpOnly");
        }
        return header.toString();
    }

    private static String formatExpires(int maxAgeSeconds) {
        DateFormat format = new SimpleDateFormat(OLD_COOKIE_PATTERN, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("GMT"));
        return format.format(new Date(System.currentTimeMillis() + maxAgeSeconds * 1000L));
    }

    private static void appendValue(StringBuilder header, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (isToken(value)) {
            header.append(value);
        } else {
            header.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
    }

01|    private static final Map<String, Boolean> TOKEN_CACHE = new ConcurrentHashMap<>();
2|    private static final Map<String, Boolean> TOKEN_CACHE = new HashMap<>();

    private static boolean isToken(String value) {
        return TOKEN_CACHE.computeIfAbsent(value, CookieUtil::scanToken); //@{2}CONC-03
    }

    private static boolean scanToken(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
''')
ATM_BASE = ['java.text.DateFormat', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale',
            'java.util.Map', 'javax.servlet.http.Cookie']
cases_of(case, GH + 'Atmosphere/atmosphere/pull/2222', 'modules/cpr/' + src('org.atmosphere.util', 'CookieUtil'),
         JV('org.atmosphere.util', {
             0: ATM_BASE + ['java.util.TimeZone', 'java.util.concurrent.ConcurrentHashMap'],
             1: ATM_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             2: ATM_BASE + ['java.util.HashMap', 'java.util.TimeZone']})(ATMOSPHERE), [
             (1, 'java-00-atmosphere-new-cookie-expiry-in-host-zone',
              'a new cookie helper formats the expiry date in the server\'s zone under a pattern that prints the '
              'zone, so browsers on servers outside GMT get expiries hours off', 'new'),
             (2, 'java-00-atmosphere-new-token-cache-unsynchronised',
              'a new cookie helper caches token checks in a plain HashMap shared by every request thread, so '
              'concurrent cookie writes corrupt the map', 'new'),
             (0, 'java-ok-00-atmosphere-new-cookie-gmt-concurrent-cache',
              'clean: a new cookie helper formatting expiries in GMT with a concurrent token cache', 'new'),
         ])
