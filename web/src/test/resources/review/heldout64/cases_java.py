"""Round-64 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / LOG-02: module lifecycle of an SDN controller toolkit (lighty)
LIGHTY = template('lighty-module-shutdown', r'''
public abstract class AbstractLightyModule implements LightyModule {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractLightyModule.class);

    private final ExecutorService executorService;
    private final CountDownLatch shutdownLatch = new CountDownLatch(1);
    private volatile boolean running;

    protected AbstractLightyModule(ExecutorService executorService) {
        this.executorService = executorService;
    }

    protected abstract boolean initProcedure() throws InterruptedException;

    protected abstract boolean stopProcedure() throws InterruptedException;

    @Override
    public final boolean shutdown(long timeout, TimeUnit unit) {
        String name = getClass().getSimpleName();
        if (!running) {
            LOG.warn("Module {} is not running, nothing to shut down", name);
            return false;
        }
        long started = System.nanoTime();
        try {
            boolean stopped = executorService.submit(this::stopProcedure).get(timeout, unit);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
01|            LOG.debug("Module {} stopped in {} ms", name, elapsed);
2|            LOG.debug("Module " + name + " stopped in " + elapsed + " ms"); //@LOG-02
            running = false;
            shutdownLatch.countDown();
            return stopped;
        } catch (InterruptedException e) { //@{1}CONC-05
            LOG.error("Interrupted while shutting down module {}", name, e);
02|            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            LOG.error("Module {} failed to stop", name, e.getCause());
            return false;
        } catch (TimeoutException e) {
            LOG.error("Module {} did not stop within {} {}", name, timeout, unit);
            return false;
        }
    }

    @Override
    public final void awaitShutdown() throws InterruptedException {
        shutdownLatch.await();
    }
}
''')
cases_of(case, GH + 'PANTHEONtech/lighty/pull/1034',
         'lighty-core/lighty-common/' + src('io.lighty.core.controller.api', 'AbstractLightyModule'),
         J('io.lighty.core.controller.api', SLF4J + [
             'java.util.concurrent.CountDownLatch', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException'])(LIGHTY), [
             (1, 'java-00-lighty-module-shutdown-interrupt-swallowed',
              'an edit logs an interrupted module shutdown without restoring the interrupt flag, so the thread '
              'stopping the controller carries on as if nobody asked it to stop', 'edit'),
             (2, 'java-00-lighty-module-stop-time-log-concatenated',
              'an edit builds the debug line about a stopped module by string concatenation, so the message is '
              'assembled on every shutdown even with debug logging off', 'edit'),
             (0, 'java-ok-00-lighty-module-shutdown-interrupt-restored',
              'clean: the fix restores the interrupt flag after an interrupted shutdown', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: ZooKeeper registry center of a distributed job scheduler (ElasticJob), renamed
ELASTICJOB = template('elasticjob-zookeeper-registry-center', r'''
public final class ZookeeperRegistryCenter implements CoordinatorRegistryCenter {

    private final ZookeeperConfiguration zkConfig;

02|    private final Map<String, CuratorCache> caches = new ConcurrentHashMap<>();
1|    private final Map<String, CuratorCache> caches = new HashMap<>(); //@CONC-03

    private CuratorFramework client;

    public ZookeeperRegistryCenter(final ZookeeperConfiguration zkConfig) {
        this.zkConfig = zkConfig;
    }

    @Override
    public void addCacheData(final String cachePath) {
        CuratorCache cache = CuratorCache.build(client, cachePath);
        try {
            cache.start();
        } catch (final Exception ex) {
            RegExceptionHandler.handleException(ex);
        }
        caches.put(cachePath + "/", cache);
    }

    @Override
    public void evictCacheData(final String cachePath) {
        CuratorCache cache = caches.remove(cachePath + "/");
        if (null != cache) {
            cache.close();
        }
    }

    @Override
    public void executeInLeader(final String key, final LeaderExecutionCallback callback) {
01|        try (LeaderLatch latch = new LeaderLatch(client, key + "/leader")) {
2|        try {
2|            LeaderLatch latch = new LeaderLatch(client, key + "/leader"); //@RES-01
            latch.start();
            latch.await();
            callback.execute();
        } catch (final Exception ex) {
            RegExceptionHandler.handleException(ex);
        }
    }

    @Override
    public void close() {
        caches.values().forEach(CuratorCache::close);
        caches.clear();
        CloseableUtils.closeQuietly(client);
    }
}
''')
ELASTICJOB_BASE = ['org.apache.curator.framework.CuratorFramework',
                   'org.apache.curator.framework.recipes.cache.CuratorCache',
                   'org.apache.curator.framework.recipes.leader.LeaderLatch', 'org.apache.curator.utils.CloseableUtils',
                   'org.apache.shardingsphere.elasticjob.reg.base.CoordinatorRegistryCenter',
                   'org.apache.shardingsphere.elasticjob.reg.base.LeaderExecutionCallback',
                   'org.apache.shardingsphere.elasticjob.reg.exception.RegExceptionHandler', 'java.util.Map']
ELASTICJOB_PKG = 'org.apache.shardingsphere.elasticjob.reg.zookeeper'
cases_of(case, GH + 'apache/shardingsphere-elasticjob/pull/606',
         'elasticjob-registry-center/' + src(ELASTICJOB_PKG, 'ZookeeperRegistryCenter'),
         JV(ELASTICJOB_PKG, {0: ELASTICJOB_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                             1: ELASTICJOB_BASE + ['java.util.HashMap'],
                             2: ELASTICJOB_BASE + ['java.util.concurrent.ConcurrentHashMap']})(ELASTICJOB), [
             (1, 'java-00-elasticjob-renamed-registry-caches-in-plain-hash-map',
              'a PR renames the ZooKeeper registry center and keeps its path caches in a plain HashMap, so jobs '
              'adding and evicting caches from several threads corrupt the map under load', 'rename'),
             (2, 'java-00-elasticjob-renamed-leader-latch-never-closed',
              'a PR renames the ZooKeeper registry center and no longer closes the leader latch after the leader\'s '
              'work, so the node keeps leadership and its ZooKeeper node forever', 'rename'),
             (0, 'java-ok-00-elasticjob-renamed-registry-center',
              'clean: the rename alone; caches in a ConcurrentHashMap, the latch closed by try-with-resources',
              'rename'),
         ], rename_from='elasticjob-registry-center/' + src(ELASTICJOB_PKG, 'ZookeeperRegCenter'),
         rename_old=lambda t: t.replace('ZookeeperRegistryCenter', 'ZookeeperRegCenter'))


# ---------------------------------------------------------------- CONC-07 / CONC-06: broker session of a message-queue SDK (blazingmq-sdk-java)
BLAZINGMQ = template('blazingmq-broker-session', r'''
public final class BrokerSession {
    private static final Logger logger = LoggerFactory.getLogger(BrokerSession.class);

    private final ScheduledExecutorService scheduler;
    private final BrokerConnection connection;
    private final Map<Integer, PendingAck> pendingAcks = new ConcurrentHashMap<>();
    private final Duration ackTimeout;
    private final long ackCheckIntervalMillis;

    public BrokerSession(ScheduledExecutorService scheduler, BrokerConnection connection, SessionOptions options) {
        this.scheduler = scheduler;
        this.connection = connection;
        this.ackTimeout = options.ackTimeout();
        this.ackCheckIntervalMillis = options.ackCheckInterval().toMillis();
    }

    public void start() {
        connection.setConnectionLostHandler(this::onConnectionLost);
        scheduler.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|            try {
02|                expirePendingAcks();
02|            } catch (RuntimeException e) {
02|                logger.error("Failed to expire pending ACKs", e);
02|            }
1|            expirePendingAcks();
        }, ackCheckIntervalMillis, ackCheckIntervalMillis, TimeUnit.MILLISECONDS);
    }

    private void expirePendingAcks() {
        Instant deadline = Instant.now().minus(ackTimeout);
        pendingAcks.values().removeIf(ack -> {
            if (ack.sentAt().isBefore(deadline)) {
                ack.handler().onAck(AckResult.TIMEOUT);
                return true;
            }
            return false;
        });
    }

    void onConnectionLost(Throwable cause) {
        logger.warn("Connection to the broker lost: {}", cause.toString());
01|        scheduler.execute(() -> reconnect(cause));
2|        scheduler.submit(() -> reconnect(cause)); //@CONC-06
    }

    private void reconnect(Throwable cause) {
        pendingAcks.values().forEach(ack -> ack.handler().onAck(AckResult.CONNECTION_LOST));
        pendingAcks.clear();
        connection.reconnect();
        logger.info("Reconnected to the broker after {}", cause.getClass().getSimpleName());
    }
}
''')
cases_of(case, GH + 'bloomberg/blazingmq-sdk-java/pull/89',
         'bmq-sdk/' + src('com.bloomberg.bmq.impl', 'BrokerSession'),
         J('com.bloomberg.bmq.impl', SLF4J + [
             'java.time.Duration', 'java.time.Instant', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'])(BLAZINGMQ), [
             (1, 'java-00-blazingmq-ack-expiry-task-dies-on-first-failure',
              'an edit schedules the expiry of pending ACKs without a catch, so the first handler that throws stops '
              'ACK timeouts for the rest of the session and publishers wait forever', 'edit'),
             (2, 'java-00-blazingmq-reconnect-submitted-and-dropped',
              'an edit submits the reconnect after a lost connection and drops its future, so a reconnect that '
              'fails leaves the session down with no trace of why', 'edit'),
             (0, 'java-ok-00-blazingmq-ack-expiry-task-guarded',
              'clean: the fix runs the scheduled ACK expiry inside a catch that logs', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: consensus node client of a ledger mirror node (hiero mirror node)
HIERO = template('hiero-mirror-node-consensus-client', r'''
public class ConsensusNodeClient {
    private static final Logger log = LoggerFactory.getLogger(ConsensusNodeClient.class);
01|    private static final DateTimeFormatter TIMESTAMP_FORMAT =
01|            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
2|    private static final DateTimeFormatter TIMESTAMP_FORMAT =
2|            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); //@TIME-01

    private final URI endpoint;
    private final Web3Properties properties;

    public ConsensusNodeClient(URI endpoint, Web3Properties properties) {
        this.endpoint = endpoint;
        this.properties = properties;
    }

    public String call(String method, JSONArray params) throws IOException {
        JSONObject request = new JSONObject()
                .put("jsonrpc", "2.0")
                .put("id", 1)
                .put("method", method)
                .put("params", params);
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout((int) properties.getConnectTimeout().toMillis());
02|        connection.setReadTimeout((int) properties.getRequestTimeout().toMillis());
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("Node answered " + status + " to " + method);
            }
            try (InputStream in = connection.getInputStream()) {
                JSONObject answer = new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return answer.optString("result");
            }
        } finally {
            connection.disconnect();
        }
    }

    public String describeConsensusTimestamp(long consensusNanos) {
        Instant timestamp = Instant.ofEpochSecond(0, consensusNanos);
        String formatted = TIMESTAMP_FORMAT.format(timestamp);
        log.debug("Consensus timestamp {} is {}", consensusNanos, formatted);
        return formatted;
    }
}
''')
HIERO_BASE = SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection',
                      'java.net.URI', 'java.nio.charset.StandardCharsets', 'java.time.Instant',
                      'java.time.format.DateTimeFormatter', 'org.hiero.mirror.web3.Web3Properties',
                      'org.json.JSONArray', 'org.json.JSONObject']
cases_of(case, GH + 'hiero-ledger/hiero-mirror-node/issues/11144',
         'web3/' + src('org.hiero.mirror.web3.service', 'ConsensusNodeClient'),
         JV('org.hiero.mirror.web3.service', {0: HIERO_BASE + ['java.time.ZoneOffset'],
                                              1: HIERO_BASE + ['java.time.ZoneOffset'],
                                              2: HIERO_BASE + ['java.time.ZoneId']})(HIERO), [
             (1, 'java-00-hiero-mirror-node-consensus-call-without-timeouts',
              'an edit opens the connection to the consensus node without connect and read timeouts, so one node '
              'that stops answering holds a web3 request thread forever', 'edit'),
             (2, 'java-00-hiero-mirror-node-consensus-timestamp-in-server-zone',
              'an edit formats consensus timestamps in the server\'s zone, so the same transaction shows a '
              'different time on every mirror node and none of them matches the ledger\'s UTC', 'edit'),
             (0, 'java-ok-00-hiero-mirror-node-consensus-call-with-timeouts',
              'clean: the fix bounds the connection by the configured connect and request timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: transport and gossip of a cluster membership library (scalecube-cluster)
SCALECUBE = template('scalecube-cluster-gossip', r'''
public final class GossipProtocolImpl implements GossipProtocol {
    private static final Logger LOGGER = LoggerFactory.getLogger(GossipProtocolImpl.class);

    private final Member localMember;
    private final Transport transport;
    private final Map<String, GossipState> gossips = new ConcurrentHashMap<>();
    private final Sinks.Many<Message> sink = Sinks.many().multicast().directBestEffort();

    public GossipProtocolImpl(Member localMember, Transport transport) {
        this.localMember = localMember;
        this.transport = transport;
    }

    void onGossipRequest(Message message) {
        GossipRequest request = message.data();
        for (Gossip gossip : request.gossips()) {
2|            LOGGER.info("Received gossip {} from {}", gossip.gossipId(), request.from()); //@LOG-01
            GossipState state = gossips.get(gossip.gossipId());
            if (state == null) {
                gossips.put(gossip.gossipId(), new GossipState(gossip, System.currentTimeMillis()));
                sink.tryEmitNext(gossip.message());
            } else {
                state.addToInfected(request.from());
            }
        }
    }

    void spreadGossip(Member member, List<Gossip> toSend) {
        Message message = Message.withData(new GossipRequest(toSend, localMember.id()))
                .qualifier(GOSSIP_REQ)
                .build();
        try {
            transport.send(member.address(), message).subscribe(null, ex -> LOGGER.debug(
                    "Failed to send gossip to {}: {}", member, ex.toString()));
        } catch (Exception e) { //@{1}ERR-01
02|            LOGGER.warn("Could not encode gossip request of {} gossips for {}", toSend.size(), member, e);
02|            sink.tryEmitError(e);
        }
    }
}
''')
cases_of(case, GH + 'scalecube/scalecube-cluster/pull/67',
         'cluster/' + src('io.scalecube.cluster.gossip', 'GossipProtocolImpl'),
         J('io.scalecube.cluster.gossip', SLF4J + [
             'io.scalecube.cluster.Member', 'io.scalecube.cluster.transport.api.Message',
             'io.scalecube.cluster.transport.api.Transport', 'java.util.List', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap', 'reactor.core.publisher.Sinks'])(SCALECUBE), [
             (1, 'java-00-scalecube-gossip-send-failure-swallowed',
              'an edit catches a failure to encode or send a gossip request and does nothing with it, so a broken '
              'codec silently stops the member from spreading gossip', 'edit'),
             (2, 'java-00-scalecube-every-received-gossip-logged',
              'an edit logs every received gossip at info level, so a large cluster writes a line per gossip per '
              'member every gossip interval', 'edit'),
             (0, 'java-ok-00-scalecube-gossip-send-failure-reported',
              'clean: the fix logs the failed gossip request and reports it to subscribers', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: transaction history store of a blockchain node (xdagj), CRLF
XDAGJ = template('xdagj-transaction-history-store', r'''
@Slf4j
public class TransactionHistoryStoreImpl implements TransactionHistoryStore {
    private static final String SQL_INSERT = "insert into t_transaction_history(faddress,faddresstype,fhash,famount,"
            + "ftype,fremark,ftime) values(?,?,?,?,?,?,?)";
    private static final String SQL_QUERY_BY_ADDRESS = "select faddress,faddresstype,fhash,famount,ftype,fremark,"
            + "ftime from t_transaction_history where faddress = ? order by ftime desc limit ?, ?";

    private final int pageSize;

    public TransactionHistoryStoreImpl(int pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public List<TxHistory> listTxHistoryByAddress(String address, int page) {
        List<TxHistory> result = new ArrayList<>();
02|        try (Connection conn = DruidUtils.getConnection();
02|             PreparedStatement pstmt = conn.prepareStatement(SQL_QUERY_BY_ADDRESS)) {
1|        try {
1|            Connection conn = DruidUtils.getConnection(); //@RES-01
1|            PreparedStatement pstmt = conn.prepareStatement(SQL_QUERY_BY_ADDRESS);
            pstmt.setString(1, address);
            pstmt.setInt(2, (page - 1) * pageSize);
            pstmt.setInt(3, pageSize);
            try (ResultSet rs = pstmt.executeQuery()) {
                while (rs.next()) {
                    result.add(readHistory(rs));
                }
            }
        } catch (SQLException e) {
            log.error("Failed to list transaction history of {}", address, e);
        }
        return result;
    }

    @Override
    public boolean batchSaveTxHistory(List<TxHistory> histories) {
        try (Connection conn = DruidUtils.getConnection();
             PreparedStatement pstmt = conn.prepareStatement(SQL_INSERT)) {
            conn.setAutoCommit(false);
            try { //@{2}TX-01
                addAll(pstmt, histories);
                conn.commit();
01|            } catch (SQLException e) {
01|                conn.rollback();
01|                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            log.error("Failed to save {} transaction histories", histories.size(), e);
            return false;
        }
    }

    private void addAll(PreparedStatement pstmt, List<TxHistory> histories) throws SQLException {
        for (TxHistory history : histories) {
            pstmt.setString(1, history.getAddress());
            pstmt.setInt(2, history.getAddressType());
            pstmt.setString(3, history.getHash());
            pstmt.setBigDecimal(4, history.getAmount());
            pstmt.setInt(5, history.getType());
            pstmt.setString(6, history.getRemark());
            pstmt.setTimestamp(7, new Timestamp(history.getTimestamp()));
            pstmt.addBatch();
        }
        pstmt.executeBatch();
    }

    private TxHistory readHistory(ResultSet rs) throws SQLException {
        return new TxHistory(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5),
                rs.getString(6), rs.getTimestamp(7).getTime());
    }
}
''')
cases_of(case, GH + 'XDagger/xdagj/pull/241', src('io.xdag.db.mysql', 'TransactionHistoryStoreImpl'),
         J('io.xdag.db.mysql', [
             'io.xdag.db.TransactionHistoryStore', 'io.xdag.db.mysql.util.DruidUtils', 'io.xdag.core.TxHistory',
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.sql.Timestamp', 'java.util.ArrayList', 'java.util.List', 'lombok.extern.slf4j.Slf4j'])(XDAGJ), [
             (1, 'java-00-xdagj-history-query-connection-never-closed',
              'an edit opens a pooled connection and statement for each history query and never closes them, so '
              'the wallet\'s history page drains the Druid pool after a few hundred requests', 'edit'),
             (2, 'java-00-xdagj-history-batch-not-rolled-back',
              'an edit drops the rollback of a failed history batch, so the pooled connection goes back with half a '
              'batch uncommitted and the next user of it commits the rest', 'edit'),
             (0, 'java-ok-00-xdagj-history-query-connection-closed',
              'clean: the fix closes the connection and statement with try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-02 / TMO-01: synchronous APNs client of a push library (apns-http2)
APNSHTTP2 = template('apns-http2-sync-client', r'''
public class SyncOkHttpApnsClient implements ApnsClient {
    private static final String PRODUCTION_GATEWAY = "https://api.push.apple.com";
    private static final String DEVELOPMENT_GATEWAY = "https://api.development.push.apple.com";
    private static final MediaType JSON = MediaType.parse("application/json");

    private final OkHttpClient client;
    private final String gateway;
    private final String defaultTopic;
    private final JwtTokenProvider tokens;

    public SyncOkHttpApnsClient(String teamId, String keyId, String authKey, boolean production, String defaultTopic) {
        this(teamId, keyId, authKey, production, defaultTopic, new ConnectionPool(10, 10, TimeUnit.MINUTES));
    }

    public SyncOkHttpApnsClient(String teamId, String keyId, String authKey, boolean production, String defaultTopic,
                                ConnectionPool connectionPool) {
        this.tokens = new JwtTokenProvider(teamId, keyId, authKey);
        this.gateway = production ? PRODUCTION_GATEWAY : DEVELOPMENT_GATEWAY;
        this.defaultTopic = defaultTopic;
        OkHttpClient.Builder builder = new OkHttpClient.Builder() //@{2}TMO-01
01|                .connectTimeout(10, TimeUnit.SECONDS)
01|                .writeTimeout(10, TimeUnit.SECONDS)
01|                .readTimeout(30, TimeUnit.SECONDS)
                .connectionPool(connectionPool)
                .protocols(Arrays.asList(Protocol.HTTP_2, Protocol.HTTP_1_1));
        this.client = builder.build();
    }

    @Override
    public NotificationResponse push(Notification notification) {
        String topic = notification.getTopic() != null ? notification.getTopic() : defaultTopic;
        Request request = new Request.Builder()
                .url(gateway + "/3/device/" + notification.getToken())
                .header("apns-topic", topic)
                .header("authorization", "bearer " + tokens.current())
                .post(RequestBody.create(notification.getPayload(), JSON))
                .build();
02|        try (Response response = client.newCall(request).execute()) {
1|        try {
1|            Response response = client.newCall(request).execute(); //@RES-02
            return parseResponse(response);
        } catch (IOException e) {
            return new NotificationResponse(null, -1, null, e);
        }
    }

    private NotificationResponse parseResponse(Response response) throws IOException {
        String body = response.body() != null ? response.body().string() : null;
        NotificationRequestError error = response.code() == 200 ? null : NotificationRequestError.get(response.code());
        return new NotificationResponse(error, response.code(), body, null);
    }
}
''')
cases_of(case, GH + 'CleverTap/apns-http2/pull/114',
         src('com.clevertap.apns.clients', 'SyncOkHttpApnsClient'),
         J('com.clevertap.apns.clients', [
             'com.clevertap.apns.ApnsClient', 'com.clevertap.apns.Notification',
             'com.clevertap.apns.NotificationRequestError', 'com.clevertap.apns.NotificationResponse',
             'com.clevertap.apns.internal.JwtTokenProvider', 'java.io.IOException', 'java.util.Arrays',
             'java.util.concurrent.TimeUnit', 'okhttp3.ConnectionPool', 'okhttp3.MediaType', 'okhttp3.OkHttpClient',
             'okhttp3.Protocol', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response'])(APNSHTTP2), [
             (1, 'java-00-apns-http2-push-response-never-closed',
              'an edit reads each APNs answer without closing the response, so the HTTP/2 streams are never '
              'released and the client stops reusing its connection to Apple', 'edit'),
             (2, 'java-00-apns-http2-client-without-timeouts',
              'an edit builds the APNs client without connect, write and read timeouts, so a stalled connection to '
              'Apple blocks the sending thread forever', 'edit'),
             (0, 'java-ok-00-apns-http2-push-response-closed',
              'clean: the fix closes each response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: notification sender on an APNs library (pushy), new file
PUSHY = template('pushy-notification-sender', r'''
public class ApnsNotificationSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApnsNotificationSender.class);

    private final ApnsSigningKey signingKey;
    private final String apnsHost;
02|    private final ApnsClient apnsClient;

    public ApnsNotificationSender(File p8File, String teamId, String keyId, boolean production)
            throws IOException, NoSuchAlgorithmException, InvalidKeyException {
        this.signingKey = ApnsSigningKey.loadFromPkcs8File(p8File, teamId, keyId);
        this.apnsHost = production ? ApnsClientBuilder.PRODUCTION_APNS_HOST : ApnsClientBuilder.DEVELOPMENT_APNS_HOST;
02|        this.apnsClient = new ApnsClientBuilder().setApnsServer(apnsHost).setSigningKey(signingKey).build();
    }

    public void send(String deviceToken, String topic, String alert) throws SSLException {
        String payload = new SimpleApnsPayloadBuilder().setAlertBody(alert).build();
        SimpleApnsPushNotification notification =
                new SimpleApnsPushNotification(TokenUtil.sanitizeTokenString(deviceToken), topic, payload);
1|        ApnsClient client = new ApnsClientBuilder().setApnsServer(apnsHost).setSigningKey(signingKey).build(); //@RES-04
1|        client.sendNotification(notification).whenComplete((response, cause) -> report(notification, response, cause));
0|        apnsClient.sendNotification(notification).whenComplete((response, cause) -> report(notification, response, cause));
2|        apnsClient.sendNotification(notification); //@CONC-06
    }

    private void report(SimpleApnsPushNotification notification,
                        PushNotificationResponse<SimpleApnsPushNotification> response, Throwable cause) {
        if (cause != null) {
            log.error("Failed to send notification to {}", notification.getToken(), cause);
        } else if (!response.isAccepted()) {
            log.warn("APNs rejected notification to {}: {}", notification.getToken(),
                    response.getRejectionReason().orElse("unknown"));
        }
    }

    @Override
    public void close() throws InterruptedException, ExecutionException {
02|        apnsClient.close().get();
    }
}
''')
cases_of(case, GH + 'jchambers/pushy/pull/521',
         'examples/' + src('com.eatthepath.pushy.examples', 'ApnsNotificationSender'),
         J('com.eatthepath.pushy.examples', SLF4J + [
             'com.eatthepath.pushy.apns.ApnsClient', 'com.eatthepath.pushy.apns.ApnsClientBuilder',
             'com.eatthepath.pushy.apns.PushNotificationResponse', 'com.eatthepath.pushy.apns.auth.ApnsSigningKey',
             'com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder',
             'com.eatthepath.pushy.apns.util.SimpleApnsPushNotification', 'com.eatthepath.pushy.apns.util.TokenUtil',
             'java.io.File', 'java.io.IOException', 'java.security.InvalidKeyException',
             'java.security.NoSuchAlgorithmException', 'java.util.concurrent.ExecutionException',
             'javax.net.ssl.SSLException'])(PUSHY), [
             (1, 'java-00-pushy-new-sender-client-per-notification',
              'a new notification sender builds an APNs client for every notification and never closes it, so each '
              'push opens its own TLS connection and event-loop threads pile up', 'new'),
             (2, 'java-00-pushy-new-sender-send-future-dropped',
              'a new notification sender drops the future of each sent notification, so APNs rejections and '
              'connection failures are never seen', 'new'),
             (0, 'java-ok-00-pushy-new-sender-shared-client',
              'clean: a new sender sharing one APNs client and reporting each notification\'s outcome', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: publisher scheduling of an MQTT load tester (mqttloader)
MQTTLOADER = template('mqttloader-loader', r'''
public class Loader {
    private static final Logger logger = Logger.getLogger(Loader.class.getName());

    private final ScheduledExecutorService publishers;
    private final List<Publisher> publisherList;
    private final long intervalMillis;
    private final long measurementEnd;
    private final Recorder recorder;

    public Loader(List<Publisher> publisherList, long intervalMillis, long measurementEnd, Recorder recorder) {
        this.publisherList = publisherList;
        this.intervalMillis = intervalMillis;
        this.measurementEnd = measurementEnd;
        this.recorder = recorder;
        this.publishers = Executors.newScheduledThreadPool(Math.max(1, publisherList.size()));
    }

    public void startMeasurement() {
        for (Publisher publisher : publisherList) {
            publishers.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|                try {
02|                    publisher.publish(recorder);
02|                } catch (RuntimeException e) {
02|                    logger.log(Level.WARNING, "Publisher " + publisher.getClientId() + " failed to publish.", e);
02|                }
1|                publisher.publish(recorder);
            }, 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    public void awaitMeasurementEnd() {
        while (System.currentTimeMillis() < measurementEnd) {
            try {
                Thread.sleep(Math.min(1000, Math.max(1, measurementEnd - System.currentTimeMillis())));
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                break;
2|                logger.warning("Interrupted while waiting for the measurement to end.");
            }
        }
        publishers.shutdownNow();
        recorder.finish();
    }
}
''')
cases_of(case, GH + 'dist-sys/mqttloader/pull/11', src('mqttloader', 'Loader'),
         J('mqttloader', ['java.util.List', 'java.util.concurrent.Executors',
                          'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                          'java.util.logging.Level', 'java.util.logging.Logger'])(MQTTLOADER), [
             (1, 'java-00-mqttloader-publisher-task-dies-on-first-failure',
              'an edit schedules each publisher without a catch, so the first publish that throws stops that '
              'publisher for the rest of the run and the measured throughput silently drops', 'edit'),
             (2, 'java-00-mqttloader-measurement-wait-interrupt-swallowed',
              'an edit logs an interrupted wait for the measurement end and loops on, so interrupting the loader '
              'neither stops the wait nor leaves the flag set for its caller', 'edit'),
             (0, 'java-ok-00-mqttloader-publisher-task-guarded',
              'clean: the fix runs each scheduled publish inside a catch that logs', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-04: raw transaction sender of an Ethereum wallet app (AlphaWallet)
ALPHAWALLET = template('alphawallet-transaction-sender', r'''
public class RawTransactionSender {
    private static final String TAG = "RawTransactionSender";
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private final OkHttpClient httpClient;
    private final String rpcUrl;

    public interface SendCallback {
        void onSent(String txHash);

        void onError(Throwable error);
    }

    public RawTransactionSender(OkHttpClient httpClient, String rpcUrl) {
        this.httpClient = httpClient;
        this.rpcUrl = rpcUrl;
    }

    public void send(String signedTxHex, SendCallback callback) {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                + signedTxHex + "\"]}";
        Request request = new Request.Builder().url(rpcUrl).post(RequestBody.create(json, JSON)).build();
01|        httpClient.newCall(request).enqueue(new Callback() {
2|        OkHttpClient client = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build(); //@RES-04
2|        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                callback.onError(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody body = response.body()) {
                    JSONObject answer = new JSONObject(body.string());
                    if (answer.has("error")) {
                        callback.onError(new TransactionException(answer.getJSONObject("error").optString("message")));
                    } else {
                        callback.onSent(answer.getString("result"));
                    }
                } catch (IOException | JSONException e) { //@{1}ERR-01
02|                    Log.e(TAG, "Unreadable answer to eth_sendRawTransaction", e);
02|                    callback.onError(e);
                }
            }
        });
    }
}
''')
ALPHAWALLET_BASE = ['android.util.Log', 'com.alphawallet.app.entity.TransactionException', 'java.io.IOException',
                    'okhttp3.Call', 'okhttp3.Callback', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                    'okhttp3.RequestBody', 'okhttp3.Response', 'okhttp3.ResponseBody', 'org.json.JSONException',
                    'org.json.JSONObject']
cases_of(case, GH + 'AlphaWallet/alpha-wallet-android/pull/585',
         'app/' + src('com.alphawallet.app.service', 'RawTransactionSender'),
         JV('com.alphawallet.app.service', {0: ALPHAWALLET_BASE, 1: ALPHAWALLET_BASE,
                                            2: ALPHAWALLET_BASE + ['java.util.concurrent.TimeUnit']})(ALPHAWALLET), [
             (1, 'java-00-alphawallet-unreadable-send-answer-swallowed',
              'an edit catches an unreadable answer to a sent transaction and does nothing, so the wallet neither '
              'shows an error nor the transaction hash and the user sends the payment again', 'edit'),
             (2, 'java-00-alphawallet-http-client-per-transaction-send',
              'an edit builds a new OkHttp client for every transaction sent, so each send starts its own '
              'connection pool and dispatcher threads that linger after it', 'edit'),
             (0, 'java-ok-00-alphawallet-unreadable-send-answer-reported',
              'clean: the fix logs an unreadable answer and reports it to the caller', 'fix'),
         ])
