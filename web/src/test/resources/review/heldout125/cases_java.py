"""Round-125 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, tst, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / CONC-07: service discovery of a permissioned-ledger SDK (fabric-sdk-java)
FABRICSD = template('fabric-sdk-service-discovery', r'''
/**
 * Refreshes a channel's view of its peers and orderers from the discovery service at a fixed rate. The channel owns
 * the schedule: it starts it with {@link #run()} and stops it, with the executor behind it, in {@link #shutdown()}.
 */
public class ServiceDiscovery {
    private static final Log logger = LogFactory.getLog(ServiceDiscovery.class);
    private static final Config config = Config.getConfig();
    private static final int SERVICE_DISCOVER_FREQ_SECONDS = config.getServiceDiscoveryFreqSeconds();
    private static final ThreadFactory DAEMON_THREADS = r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        return t;
    };

    private final Channel channel;
02|    private final AtomicReference<ScheduledExecutorService> serviceDiscoveryExecutor = new AtomicReference<>();
    private volatile ScheduledFuture<?> seviceDiscovery;

    ServiceDiscovery(Channel channel) {
        this.channel = channel;
    }

    void run() {
        if (channel.isShutdown() || SERVICE_DISCOVER_FREQ_SECONDS < 1 || seviceDiscovery != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DAEMON_THREADS); //@{1}RES-01
02|        serviceDiscoveryExecutor.set(executor);
01|        seviceDiscovery = executor.scheduleAtFixedRate(() -> {
01|            try {
01|                fullNetworkDiscovery(true);
01|            } catch (Exception e) {
01|                logger.error("Service discovery refresh failed, retrying at the next interval", e);
01|            }
01|        }, SERVICE_DISCOVER_FREQ_SECONDS, SERVICE_DISCOVER_FREQ_SECONDS, TimeUnit.SECONDS);
2|        seviceDiscovery = executor.scheduleAtFixedRate(() -> fullNetworkDiscovery(true), //@CONC-07
2|                SERVICE_DISCOVER_FREQ_SECONDS, SERVICE_DISCOVER_FREQ_SECONDS, TimeUnit.SECONDS);
    }

    void shutdown() {
        logger.trace("Service discovery shutdown.");
        final ScheduledFuture<?> lseviceDiscovery = seviceDiscovery;
        seviceDiscovery = null;
        if (null != lseviceDiscovery) {
            lseviceDiscovery.cancel(true);
        }
02|        ScheduledExecutorService executor = serviceDiscoveryExecutor.getAndSet(null);
02|        if (executor != null) {
02|            executor.shutdown();
02|        }
    }

    SDNetwork fullNetworkDiscovery(boolean force) {
        if (channel.isShutdown()) {
            return null;
        }
        return networkDiscovery(channel.getServiceDiscoveryPeers(), force);
    }

    private SDNetwork networkDiscovery(Collection<Peer> peers, boolean force) {
        return channel.discoverNetwork(peers, force);
    }
}
''')
_FSD_PKG = 'org.hyperledger.fabric.sdk'
_FSD = ['java.util.Collection', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
        'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit',
        'java.util.concurrent.atomic.AtomicReference', 'org.apache.commons.logging.Log',
        'org.apache.commons.logging.LogFactory', 'org.hyperledger.fabric.sdk.helper.Config']
cases_of(case, GH + 'hyperledger/fabric-sdk-java/pull/35', src(_FSD_PKG, 'ServiceDiscovery'),
         JV(_FSD_PKG, {0: _FSD, 1: [i for i in _FSD if not i.endswith('AtomicReference')], 2: _FSD})(FABRICSD), [
             (1, 'java-00-fabric-sdk-service-discovery-executor-never-shut-down',
              'an edit keeps only the scheduled future of the discovery executor, so a shut-down channel leaves its '
              'executor thread behind, one per channel ever created', 'edit'),
             (2, 'java-00-fabric-sdk-service-discovery-refresh-unguarded',
              'an edit schedules the discovery refresh without its catch, so one failed refresh cancels every later '
              'one', 'edit'),
             (0, 'java-ok-00-fabric-sdk-service-discovery-executor-shut-down',
              'clean: the fix keeps the executor and shuts it down with the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: block index polling of a blockchain SDK (neow3j)
NEOPOLL = template('neow3j-block-index-polling', r'''
/**
 * Emits the index of every new block by polling the node's block count. Each subscription polls on its own daemon
 * thread; a thread that dies hands its failure to the subscriber instead of vanishing.
 */
public class BlockIndexPolling {
    private static final Logger LOG = LoggerFactory.getLogger(BlockIndexPolling.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Neow3j neow3j;
    private final long pollingIntervalMillis;

    public BlockIndexPolling(Neow3j neow3j, long pollingIntervalMillis) {
        this.neow3j = neow3j;
        this.pollingIntervalMillis = pollingIntervalMillis;
    }

    public Observable<BigInteger> blockIndexObservable() {
        return Observable.create(emitter -> {
            Thread poller = new Thread(() -> poll(emitter), "neow3j-block-poll-" + THREADS.incrementAndGet()); //@{1}CONC-01
            poller.setDaemon(true);
02|            poller.setUncaughtExceptionHandler((thread, e) -> {
02|                LOG.error("Block index polling thread {} died", thread.getName(), e);
02|                emitter.tryOnError(e);
02|            });
            emitter.setCancellable(poller::interrupt);
            poller.start();
        });
    }

    private void poll(ObservableEmitter<BigInteger> emitter) {
        BigInteger last = null;
        while (!emitter.isDisposed()) {
            try {
                BigInteger current = neow3j.getBlockCount().send().getBlockCount().subtract(BigInteger.ONE);
                if (last == null || current.compareTo(last) > 0) {
                    emitter.onNext(current);
                    last = current;
                }
            } catch (IOException e) {
                emitter.tryOnError(e);
                return;
            }
            try {
                Thread.sleep(pollingIntervalMillis);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                LOG.debug("Block index polling woke up early");
            }
        }
    }
}
''')
_NEO_PKG = 'io.neow3j.protocol.rx'
_NEO = SLF4J + ['io.neow3j.protocol.Neow3j', 'io.reactivex.Observable', 'io.reactivex.ObservableEmitter',
                'java.io.IOException', 'java.math.BigInteger', 'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'neow3j/neow3j/issues/1', 'core/' + src(_NEO_PKG, 'BlockIndexPolling'),
         J(_NEO_PKG, _NEO)(NEOPOLL), [
             (1, 'java-00-neow3j-block-poll-thread-without-handler',
              'an edit drops the uncaught-exception handler of the polling thread, so a failure in onNext kills the '
              'thread and the subscriber just stops getting blocks', 'edit'),
             (2, 'java-00-neow3j-block-poll-interrupt-swallowed',
              'an edit logs the interrupt of the polling sleep and keeps polling without restoring the flag', 'edit'),
             (0, 'java-ok-00-neow3j-block-poll-thread-with-handler',
              'clean: the fix hands a dead polling thread\'s failure to the subscriber', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Ethereum client factory of a Spring Boot starter (web3j-spring-boot-starter)
WEB3JFACTORY = template('web3j-client-factory', r'''
/**
 * Hands out a {@link Web3j} for each configured node. All of them share one OkHttp client, so they share its
 * connection pool and dispatcher threads; timeouts come from {@code web3j.http-timeout-seconds}.
 */
@Component
public class Web3jClientFactory {
    private static final Logger log = LoggerFactory.getLogger(Web3jClientFactory.class);

    private final Web3jProperties properties;
    private final OkHttpClient httpClient;

    public Web3jClientFactory(Web3jProperties properties) {
        this.properties = properties;
        long timeout = properties.getHttpTimeoutSeconds();
02|        this.httpClient = new OkHttpClient.Builder()
02|                .connectTimeout(timeout, TimeUnit.SECONDS)
02|                .readTimeout(timeout, TimeUnit.SECONDS)
02|                .writeTimeout(timeout, TimeUnit.SECONDS)
02|                .build();
1|        this.httpClient = new OkHttpClient.Builder() //@TMO-01
1|                .readTimeout(0, TimeUnit.SECONDS)
1|                .build();
        log.info("web3j HTTP timeout: {} s", timeout);
    }

    public Web3j forNode(String nodeAddress) {
01|        HttpService service = new HttpService(nodeAddress, httpClient, properties.isIncludeRawResponses());
2|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
2|                .connectTimeout(properties.getHttpTimeoutSeconds(), TimeUnit.SECONDS)
2|                .readTimeout(properties.getHttpTimeoutSeconds(), TimeUnit.SECONDS)
2|                .build();
2|        HttpService service = new HttpService(nodeAddress, client, properties.isIncludeRawResponses());
        if (properties.getAdminClient()) {
            return Admin.build(service);
        }
        return Web3j.build(service);
    }
}
''')
_W3_PKG = 'org.web3j.spring.autoconfigure'
_W3 = SLF4J + ['java.util.concurrent.TimeUnit', 'okhttp3.OkHttpClient', 'org.springframework.stereotype.Component',
               'org.web3j.protocol.Web3j', 'org.web3j.protocol.admin.Admin', 'org.web3j.protocol.http.HttpService']
cases_of(case, GH + 'web3j/web3j-spring-boot-starter/issues/3', 'web3j-spring-boot-autoconfigure/' + src(_W3_PKG, 'Web3jClientFactory'),
         J(_W3_PKG, _W3)(WEB3JFACTORY), [
             (1, 'java-00-web3j-starter-client-without-read-timeout',
              'an edit builds the shared OkHttp client with a read timeout of zero so long eth_getLogs calls are not '
              'cut off, and a node that stops answering parks the caller for good', 'edit'),
             (2, 'java-00-web3j-starter-http-client-per-node-call',
              'an edit builds a new OkHttp client, with its own pool and threads, every time a Web3j is handed out',
              'edit'),
             (0, 'java-ok-00-web3j-starter-client-with-timeouts',
              'clean: the fix bounds connect, read and write of the shared client by the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: peer socket timeout of a wallet library (dashj), CRLF file
DASHJSOCKET = template('dashj-peer-socket-timeout', r'''
/**
 * Handles the socket of one peer. When a peer times out we log what the network threads were doing, since a stuck
 * block store has shown up as timeouts before; a full thread dump is rate-limited across all peers, because timeouts
 * come in bursts when masternode connections fail.
 */
public abstract class PeerSocketHandler implements TimeoutHandler, StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(PeerSocketHandler.class);
    private static final long THREAD_DUMP_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final AtomicLong lastThreadDump = new AtomicLong();

    protected PeerAddress peerAddress;

    @Override
    public void timeoutOccurred() {
01|        log.info("{}: Timed out", getAddress());
2|        log.info(getAddress() + ": Timed out, checking the block store"); //@LOG-02
        checkForBlockStoreTimeout();
        close();
    }

    private void checkForBlockStoreTimeout() {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        if (log.isDebugEnabled()) {
            for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
                String name = entry.getKey().getName();
                if (name.startsWith("PeerGroup") || name.startsWith("NioClientManager")) {
                    log.debug("network thread {}: {}", name, Arrays.toString(entry.getValue()));
                }
            }
        }
02|        long now = System.currentTimeMillis();
02|        long last = lastThreadDump.get();
02|        if (now - last >= THREAD_DUMP_INTERVAL_MILLIS && lastThreadDump.compareAndSet(last, now)) {
02|            for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
02|                log.info("thread dump: {} ({}) {}", entry.getKey().getName(), entry.getKey().getState(), Arrays.toString(entry.getValue()));
02|            }
02|        }
1|        for (Map.Entry<Thread, StackTraceElement[]> all : stacks.entrySet()) {
1|            log.info("all threads: {} ({}) {}", all.getKey().getName(), all.getKey().getState(), Arrays.toString(all.getValue())); //@LOG-01
1|        }
        SPVBlockStore.checkForFreeze(stacks);
    }

    public PeerAddress getAddress() {
        return peerAddress;
    }

    public abstract void close();
}
''')
_DJ_PKG = 'org.bitcoinj.core'
_DJ = SLF4J + ['java.util.Arrays', 'java.util.Map', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong',
               'org.bitcoinj.net.StreamConnection', 'org.bitcoinj.store.SPVBlockStore', 'org.bitcoinj.utils.TimeoutHandler']
cases_of(case, GH + 'dashpay/dashj/pull/301', 'core/' + src(_DJ_PKG, 'PeerSocketHandler'),
         J(_DJ_PKG, _DJ)(DASHJSOCKET), [
             (1, 'java-00-dashj-socket-timeout-dumps-all-threads-every-time',
              'an edit dumps every thread\'s stack on every peer socket timeout, flooding the log when timeouts come '
              'in bursts', 'edit'),
             (2, 'java-00-dashj-socket-timeout-line-concatenated',
              'an edit concatenates the peer address into the timeout log line', 'edit'),
             (0, 'java-ok-00-dashj-socket-timeout-thread-dump-rate-limited',
              'clean: the fix dumps all threads at most once per ten minutes across all peers', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / CONC-07: party info polling of a private transaction manager (tessera)
TESSERAPOLL = template('tessera-party-info-poller', r'''
/**
 * Polls every known party for its party info on a fixed delay. A request must finish well inside the polling
 * interval (three quarters of it), so a node that is down does not hold a polling thread past the next round.
 */
public class PartyInfoPoller {
    private static final Logger LOGGER = LoggerFactory.getLogger(PartyInfoPoller.class);

    private final PartyStore partyStore;
    private final ScheduledExecutorService executor;
    private final long pollIntervalMillis;
    private final Client client;

    public PartyInfoPoller(PartyStore partyStore, ScheduledExecutorService executor, long pollIntervalMillis) {
        this.partyStore = partyStore;
        this.executor = executor;
        this.pollIntervalMillis = pollIntervalMillis;
        long requestTimeoutMillis = pollIntervalMillis * 3 / 4;
02|        this.client = ClientBuilder.newBuilder()
02|                .connectTimeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
02|                .readTimeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
02|                .build();
1|        this.client = ClientBuilder.newClient(); //@TMO-01
        LOGGER.debug("Polling parties every {} ms, request timeout {} ms", pollIntervalMillis, requestTimeoutMillis);
    }

    public void start() {
        executor.scheduleWithFixedDelay(() -> { //@{2}CONC-07
            for (Party party : partyStore.getParties()) {
01|                try {
01|                    pollSingleParty(party);
01|                } catch (RuntimeException e) {
01|                    LOGGER.debug("Polling party {} failed", party.getUrl(), e);
01|                }
2|                pollSingleParty(party);
            }
        }, pollIntervalMillis, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    private void pollSingleParty(Party party) {
        PartyInfo info = client.target(party.getUrl())
                .path("partyinfo")
                .request(MediaType.APPLICATION_JSON)
                .get(PartyInfo.class);
        partyStore.store(party, info);
    }
}
''')
_TS_PKG = 'com.quorum.tessera.p2p'
_TS = SLF4J + ['com.quorum.tessera.partyinfo.model.Party', 'com.quorum.tessera.partyinfo.model.PartyInfo',
               'com.quorum.tessera.p2p.partyinfo.PartyStore', 'java.util.concurrent.ScheduledExecutorService',
               'java.util.concurrent.TimeUnit', 'javax.ws.rs.client.Client', 'javax.ws.rs.client.ClientBuilder',
               'javax.ws.rs.core.MediaType']
cases_of(case, GH + 'Consensys-Incorporated/tessera/issues/960', 'tessera-jaxrs/sync-jaxrs/' + src(_TS_PKG, 'PartyInfoPoller'),
         J(_TS_PKG, _TS)(TESSERAPOLL), [
             (1, 'java-00-tessera-party-poller-client-without-timeouts',
              'an edit builds the polling client with the JAX-RS defaults, so a party that is down holds the polling '
              'thread with no read timeout', 'edit'),
             (2, 'java-00-tessera-party-poll-round-unguarded',
              'an edit drops the catch around each party\'s poll, so one failing party ends the scheduled polling',
              'edit'),
             (0, 'java-ok-00-tessera-party-poller-client-bounded',
              'clean: the fix bounds connect and read by three quarters of the polling interval', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: SDK entry point of a blockchain platform (bumo-sdk-java), new file
BUMOSDK = template('bumo-sdk-client', r'''
/**
 * Entry point of the SDK: holds the node URL, the HTTP client and the thread pool that submits transactions. It owns
 * both, so it must be closed when the application stops.
 */
public class BumoSdk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BumoSdk.class);

    private final String nodeUrl;
    private final CloseableHttpClient httpClient;
    private final ExecutorService submitter;

    public BumoSdk(String nodeUrl, int submitThreads) {
        this.nodeUrl = nodeUrl;
        this.httpClient = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(10_000).setSocketTimeout(30_000).build())
                .build();
        this.submitter = Executors.newFixedThreadPool(submitThreads); //@{1}RES-01
    }

01|    public CompletableFuture<TransactionSubmitResult> submitAsync(Transaction transaction) {
01|        return CompletableFuture.supplyAsync(() -> submit(transaction), submitter);
01|    }
2|    public void submitAsync(Transaction transaction) {
2|        submitter.submit(() -> submit(transaction)); //@CONC-06
2|    }

    public TransactionSubmitResult submit(Transaction transaction) {
        return TransactionSubmitter.post(httpClient, nodeUrl, transaction);
    }

    @Override
    public void close() throws IOException {
02|        submitter.shutdown();
02|        try {
02|            if (!submitter.awaitTermination(30, TimeUnit.SECONDS)) {
02|                log.warn("Transaction submitter did not finish in 30 s, interrupting");
02|                submitter.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            submitter.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
        httpClient.close();
    }
}
''')
_BU_PKG = 'io.bumo.sdk'
_BU = SLF4J + ['io.bumo.sdk.transaction.Transaction', 'io.bumo.sdk.transaction.TransactionSubmitResult',
               'io.bumo.sdk.transaction.TransactionSubmitter', 'java.io.IOException',
               'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
               'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit',
               'org.apache.http.client.config.RequestConfig', 'org.apache.http.impl.client.CloseableHttpClient',
               'org.apache.http.impl.client.HttpClients']
cases_of(case, GH + 'bumoproject/bumo-sdk-java/issues/3', src(_BU_PKG, 'BumoSdk'),
         JV(_BU_PKG, {0: _BU, 1: [i for i in _BU if not i.endswith('TimeUnit')], 2: [i for i in _BU if not i.endswith('CompletableFuture')]})(BUMOSDK), [
             (1, 'java-00-bumo-sdk-new-client-submitter-never-shut-down',
              'a new SDK entry point closes its HTTP client but never shuts down the transaction submitter pool, so '
              'its threads outlive the SDK', 'new'),
             (2, 'java-00-bumo-sdk-new-client-submit-result-dropped',
              'a new SDK entry point submits transactions asynchronously and drops the future, so a failed submission '
              'is never seen', 'new'),
             (0, 'java-ok-00-bumo-sdk-new-client-closes-submitter',
              'clean: the new entry point returns each submission\'s future and shuts the submitter down on close',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: Bitcoin Core RPC transport of a desktop wallet (sparrow)
SPARROWRPC = template('sparrow-bitcoind-transport', r'''
/**
 * Sends JSON-RPC requests to Bitcoin Core over HTTP. Connects are bounded (longer over Tor), and so are reads, with a
 * much longer bound for importdescriptors, whose wallet rescan can legitimately run for hours.
 */
public class BitcoindTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(BitcoindTransport.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 15_000;
    private static final int ONION_CONNECT_TIMEOUT_MILLIS = 60_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int IMPORT_READ_TIMEOUT_MILLIS = (int) TimeUnit.HOURS.toMillis(6);

    private final URL bitcoindUrl;
    private final Proxy proxy;
    private final String bitcoindAuthEncoded;

    public BitcoindTransport(URL bitcoindUrl, Proxy proxy, String bitcoindAuth) {
        this.bitcoindUrl = bitcoindUrl;
        this.proxy = proxy;
        this.bitcoindAuthEncoded = Base64.getEncoder().encodeToString(bitcoindAuth.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String send(String method, String request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) bitcoindUrl.openConnection(proxy); //@{1}TMO-01
02|        boolean onion = bitcoindUrl.getHost().endsWith(".onion");
02|        connection.setConnectTimeout(onion ? ONION_CONNECT_TIMEOUT_MILLIS : CONNECT_TIMEOUT_MILLIS);
02|        connection.setReadTimeout("importdescriptors".equals(method) ? IMPORT_READ_TIMEOUT_MILLIS : READ_TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Basic " + bitcoindAuthEncoded);
        connection.setDoOutput(true);

01|        log.trace("> {} {}", method, request);
2|        log.trace("> " + method + " " + request); //@LOG-02
        try (OutputStream os = connection.getOutputStream()) {
            os.write(request.getBytes(StandardCharsets.UTF_8));
        }

        int statusCode = connection.getResponseCode();
        if (statusCode == 401) {
            throw new IOException("Authentication failed for bitcoind at " + bitcoindUrl.getHost());
        }
        try (InputStream in = statusCode < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            log.trace("< {}", response);
            return response;
        } finally {
            connection.disconnect();
        }
    }
}
''')
_SP_PKG = 'com.sparrowwallet.sparrow.net'
_SP = SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection',
               'java.net.Proxy', 'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.util.Base64',
               'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'sparrowwallet/sparrow/pull/2043', src(_SP_PKG, 'BitcoindTransport'),
         J(_SP_PKG, _SP)(SPARROWRPC), [
             (1, 'java-00-sparrow-bitcoind-request-without-timeouts',
              'an edit drops the connect and read timeouts of the Bitcoin Core connection, so a black-holed node '
              'hangs the wallet\'s RPC thread forever', 'edit'),
             (2, 'java-00-sparrow-bitcoind-request-trace-concatenated',
              'an edit concatenates the method and the whole request body into the trace line of every RPC call',
              'edit'),
             (0, 'java-ok-00-sparrow-bitcoind-request-with-timeouts',
              'clean: the fix bounds connect (longer over Tor) and read (much longer for importdescriptors)', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: RPC connection of a Monero wallet library (monero-java)
MONERORPC = template('monero-rpc-connection', r'''
/**
 * Connection to monerod or monero-wallet-rpc. Every request carries the connection's timeout, which callers may
 * override with {@link #setTimeout(long)} for slow calls such as a wallet refresh.
 */
public class MoneroRpcConnection {
    private static final long DEFAULT_TIMEOUT_MS = 20_000;

    private final URI uri;
    private final CloseableHttpClient client;
    private volatile long timeoutInMs = DEFAULT_TIMEOUT_MS;

    public MoneroRpcConnection(URI uri, CloseableHttpClient client) {
        this.uri = uri;
        this.client = client;
    }

    public MoneroRpcConnection setTimeout(long timeoutInMs) {
        this.timeoutInMs = timeoutInMs;
        return this;
    }

    public Map<String, Object> sendPathRequest(String path, Map<String, Object> params) {
        try {
            HttpPost post = new HttpPost(uri.toString() + "/" + path); //@{1}TMO-01
02|            post.setConfig(RequestConfig.custom()
02|                    .setConnectTimeout((int) timeoutInMs)
02|                    .setSocketTimeout((int) timeoutInMs)
02|                    .build());
            if (params != null) {
                post.setEntity(new StringEntity(JsonUtils.serialize(params), StandardCharsets.UTF_8));
            }
01|            try (CloseableHttpResponse resp = client.execute(post)) {
01|                validateHttpResponse(resp);
01|                return JsonUtils.deserialize(EntityUtils.toString(resp.getEntity(), StandardCharsets.UTF_8));
01|            }
2|            CloseableHttpResponse resp = client.execute(post); //@RES-01
2|            validateHttpResponse(resp);
2|            return JsonUtils.deserialize(EntityUtils.toString(resp.getEntity(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MoneroError(e);
        }
    }

    private static void validateHttpResponse(CloseableHttpResponse resp) {
        int code = resp.getStatusLine().getStatusCode();
        if (code < 200 || code > 299) {
            throw new MoneroRpcError(code + " " + resp.getStatusLine().getReasonPhrase(), code, null, null);
        }
    }
}
''')
_MO_PKG = 'monero.common'
_MO = ['java.io.IOException', 'java.net.URI', 'java.nio.charset.StandardCharsets', 'java.util.Map',
       'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
       'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient',
       'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'woodser/monero-java/pull/98', src(_MO_PKG, 'MoneroRpcConnection'),
         JV(_MO_PKG, {0: _MO + ['org.apache.http.client.config.RequestConfig'], 1: _MO,
                      2: _MO + ['org.apache.http.client.config.RequestConfig']})(MONERORPC), [
             (1, 'java-00-monero-rpc-request-without-timeout',
              'an edit stops putting the connection\'s timeout on each request, so setTimeout does nothing and a '
              'daemon that stops answering blocks the wallet thread', 'edit'),
             (2, 'java-00-monero-rpc-response-left-open',
              'an edit takes the RPC response out of its try-with-resources, so each call keeps a pooled connection',
              'edit'),
             (0, 'java-ok-00-monero-rpc-request-with-timeout',
              'clean: the fix puts the connection\'s timeout on every request', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: channel exception handler of a DLT node's p2p transport (olympia-node), renamed file
RADIXEXC = template('radix-channel-exception-handler', r'''
/**
 * Last handler of every peer channel: logs what went wrong and closes the channel, for inbound events
 * ({@link #exceptionCaught}) and for failed outbound connects and writes. Peers resetting connections is routine on a
 * public network, so I/O failures are logged at debug without a stack trace.
 */
public final class ExceptionHandler extends ChannelDuplexHandler {
    private static final Logger log = LogManager.getLogger();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        logAndCloseChannel(ctx, cause);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remoteAddress, SocketAddress localAddress,
                        ChannelPromise promise) {
        ctx.connect(remoteAddress, localAddress, promise.addListener(future -> handleFailure(future, ctx)));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise.addListener(future -> handleFailure(future, ctx)));
    }

    private void handleFailure(Future<?> future, ChannelHandlerContext ctx) {
        if (!future.isSuccess()) { //@{1}ERR-01
02|            logAndCloseChannel(ctx, future.cause());
1|            ctx.close();
        }
    }

    private void logAndCloseChannel(ChannelHandlerContext ctx, Throwable cause) {
        SocketAddress remote = ctx.channel().remoteAddress();
01|        if (cause instanceof IOException) {
01|            log.debug("Closing channel to {}: {}", remote, cause.getMessage());
01|        } else {
01|            log.warn("Unexpected exception on channel to {}", remote, cause);
01|        }
2|        log.warn("Closing channel to {} after an exception", remote, cause); //@LOG-01
        ctx.close();
    }
}
''')
_RX_PKG = 'com.radixdlt.network.p2p.transport.handler'
_RX_OLD = 'com.radixdlt.network.p2p.transport'
_RX = ['io.netty.channel.ChannelDuplexHandler', 'io.netty.channel.ChannelHandlerContext', 'io.netty.channel.ChannelPromise',
       'io.netty.util.concurrent.Future', 'java.io.IOException', 'java.net.SocketAddress',
       'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
cases_of(case, GH + 'radixdlt/olympia-node/pull/658', 'radixdlt-core/radixdlt/' + src(_RX_PKG, 'ExceptionHandler'),
         JV(_RX_PKG, {0: _RX, 1: _RX, 2: [i for i in _RX if not i.endswith('IOException')]})(RADIXEXC), [
             (1, 'java-00-radix-renamed-exception-handler-connect-failure-dropped',
              'a move of the channel exception handler also closes channels whose connect or write failed without '
              'logging the cause', 'rename'),
             (2, 'java-00-radix-renamed-exception-handler-warns-every-reset',
              'a move of the channel exception handler also logs every channel exception, routine peer resets '
              'included, at warn with a stack trace', 'rename'),
             (0, 'java-ok-00-radix-renamed-exception-handler-logs-and-closes',
              'clean: the move alone; failures are logged by kind and the channel closed', 'rename'),
         ], rename_from='radixdlt-core/radixdlt/' + src(_RX_OLD, 'ExceptionHandler'),
         rename_old=lambda t: t.replace('package ' + _RX_PKG + ';', 'package ' + _RX_OLD + ';'))


# ---------------------------------------------------------------- CONC-02 / OPS-01: client executor of a permissioned-ledger gateway (fabric-gateway-java), with a test beside the change
FABRICGW = template('fabric-gateway-executor', r'''
/**
 * Builds the executor the gateway's SDK client uses for event delivery and endorsement calls. Replaying a channel's
 * blocks queues one task per block, so the pool and its queue are both bounded and a full queue makes the caller run
 * the task; close drains what is queued before the gateway goes away.
 */
public final class GatewayExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayExecutor.class);
    static final int DEFAULT_QUEUE_CAPACITY = 1_000;

    private final ExecutorService executor;

    public GatewayExecutor(int maxThreads, int queueCapacity) {
02|        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60L, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(queueCapacity), daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
02|        pool.allowCoreThreadTimeOut(true);
02|        this.executor = pool;
1|        this.executor = Executors.newCachedThreadPool(daemonThreads()); //@CONC-02
    }

    public ExecutorService executorService() {
        return executor;
    }

    @Override
    public void close() {
01|        executor.shutdown();
01|        try {
01|            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
01|                LOG.warn("Gateway executor still busy after 30 s, interrupting remaining tasks");
01|                executor.shutdownNow();
01|            }
01|        } catch (InterruptedException e) {
01|            executor.shutdownNow();
01|            Thread.currentThread().interrupt();
01|        }
2|        executor.shutdownNow(); //@OPS-01
    }

    private static ThreadFactory daemonThreads() {
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return r -> {
            Thread t = defaults.newThread(r);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), e));
            return t;
        };
    }
}
''')
FABRICGWTEST = r'''
class GatewayExecutorTest {
    @Test
    void runsTasksOnDaemonThreads() throws Exception {
        try (GatewayExecutor gatewayExecutor = new GatewayExecutor(2, 10)) {
            Future<Boolean> daemon = gatewayExecutor.executorService().submit(() -> Thread.currentThread().isDaemon());
            assertThat(daemon.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
'''
_GW_PKG = 'org.hyperledger.fabric.gateway.impl'
_GW = SLF4J + ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
               'java.util.concurrent.TimeUnit']
_GWB = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor']
cases_of(case, GH + 'hyperledger/fabric-gateway-java/pull/124', src(_GW_PKG, 'GatewayExecutor'),
         JV(_GW_PKG, {0: _GW + _GWB, 1: _GW, 2: _GW + _GWB})(FABRICGW), [
             (1, 'java-00-fabric-gateway-executor-unbounded-threads',
              'an edit gives the gateway a cached thread pool, so replaying thousands of blocks starts a thread per '
              'block until the JVM cannot create more', 'edit'),
             (2, 'java-00-fabric-gateway-executor-close-drops-queued-work',
              'an edit makes close interrupt the executor at once, dropping queued event deliveries, and adds a test of '
              'the executor\'s daemon threads',
              'edit', [f(tst(_GW_PKG, 'GatewayExecutorTest'),
                         new=java(_GW_PKG, ['java.util.concurrent.Future', 'java.util.concurrent.TimeUnit', 'org.junit.jupiter.api.Test',
                                            'static org.assertj.core.api.Assertions.assertThat'], FABRICGWTEST))]),
             (0, 'java-ok-00-fabric-gateway-executor-bounded',
              'clean: the fix bounds the pool and its queue, with the caller running tasks when it is full', 'fix'),
         ])
