"""Round-84 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / RES-04: JSON-RPC over HTTP of an Ethereum client library (web3j)
WEB3J = template('web3j-http-service', r'''
/** HTTP implementation of our services API. */
public class HttpService extends Service {

    public static final MediaType JSON_MEDIA_TYPE = MediaType.parse("application/json; charset=utf-8");
    public static final String DEFAULT_URL = "http://localhost:8545/";

    private static final Logger log = LoggerFactory.getLogger(HttpService.class);

    private final OkHttpClient httpClient;
    private final String url;
    private final boolean includeRawResponse;
    private final Duration readTimeout;
    private final HashMap<String, String> headers = new HashMap<>();

    public HttpService(String url, OkHttpClient httpClient, boolean includeRawResponse) {
        super(includeRawResponse);
        this.url = url;
        this.httpClient = httpClient;
        this.includeRawResponse = includeRawResponse;
        this.readTimeout = Duration.ofMillis(httpClient.readTimeoutMillis());
    }

    @Override
    protected InputStream performIO(String request) throws IOException {
        RequestBody requestBody = RequestBody.create(request, JSON_MEDIA_TYPE);
        Headers requestHeaders = buildHeaders();
        okhttp3.Request httpRequest =
                new okhttp3.Request.Builder().url(url).headers(requestHeaders).post(requestBody).build();

2|        OkHttpClient client = new OkHttpClient.Builder().readTimeout(readTimeout).build(); //@RES-04
2|        try (okhttp3.Response response = client.newCall(httpRequest).execute()) {
0|        try (okhttp3.Response response = httpClient.newCall(httpRequest).execute()) {
02|            return readBody(response);
02|        }
1|        okhttp3.Response response = httpClient.newCall(httpRequest).execute(); //@RES-02
1|        return readBody(response);
    }

    private InputStream readBody(okhttp3.Response response) throws IOException {
        processHeaders(response.headers());
        ResponseBody responseBody = response.body();
        if (!response.isSuccessful()) {
            String text = responseBody == null ? "N/A" : responseBody.string();
            throw new ClientConnectionException("Invalid response received: " + response.code() + "; " + text);
        }
        if (responseBody == null) {
            throw new ClientConnectionException("Empty response body received from " + url);
        }
        byte[] bytes = responseBody.bytes();
        if (includeRawResponse) {
            log.debug("Raw response of {} bytes kept for the caller", bytes.length);
        }
        return new ByteArrayInputStream(bytes);
    }

    protected void processHeaders(Headers headers) {
        // Default implementation is empty
    }

    private Headers buildHeaders() {
        return Headers.of(headers);
    }
}
''')
cases_of(case, GH + 'LFDT-web3j/web3j/pull/1325', 'core/' + src('org.web3j.protocol.http', 'HttpService'),
         J('org.web3j.protocol.http', SLF4J + [
             'java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.time.Duration',
             'java.util.HashMap', 'okhttp3.Headers', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.RequestBody',
             'okhttp3.ResponseBody', 'org.web3j.protocol.Service',
             'org.web3j.protocol.exceptions.ClientConnectionException'])(WEB3J), [
             (1, 'java-00-web3j-http-service-response-never-closed',
              'an edit reads each JSON-RPC answer without closing the OkHttp response, so an error answer that '
              'is thrown out of readBody leaks its connection and OkHttp warns of leaked connections', 'edit'),
             (2, 'java-00-web3j-http-service-client-per-request',
              'an edit builds a new OkHttp client for every JSON-RPC request, so each call gets its own connection '
              'pool and dispatcher threads and the thread count of a busy service keeps climbing', 'edit'),
             (0, 'java-ok-00-web3j-http-service-response-closed',
              'clean: the fix reads each answer inside try-with-resources on the response', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: block tracing of an Ethereum node's JSON-RPC (besu)
BESU = template('besu-trace-block', r'''
/** trace_block: replays a block and returns the flat traces of its transactions. */
public class TraceBlock extends AbstractBlockParameterMethod {
    private static final Logger LOG = LoggerFactory.getLogger(TraceBlock.class);
    private static final long TRACE_TIMEOUT_SECONDS = 30;

    private final ProtocolSchedule protocolSchedule;
    private final ExecutorService tracingExecutor;

    public TraceBlock(final ProtocolSchedule protocolSchedule, final BlockchainQueries blockchainQueries,
            final ExecutorService tracingExecutor) {
        super(blockchainQueries);
        this.protocolSchedule = protocolSchedule;
        this.tracingExecutor = tracingExecutor;
    }

    @Override
    public String getName() {
        return RpcMethod.TRACE_BLOCK.getMethodName();
    }

    @Override
    protected Object resultByBlockNumber(final JsonRpcRequestContext requestContext, final long blockNumber) {
        final Optional<Block> block = getBlockchainQueries().getBlockchain().getBlockByNumber(blockNumber);
        if (block.isEmpty()) {
            return null;
        }
        final Future<ArrayNodeWrapper> traces =
                tracingExecutor.submit(() -> traceBlock(block.get(), new TraceFilter(requestContext)));
        try {
            return traces.get(TRACE_TIMEOUT_SECONDS, TimeUnit.SECONDS).getArrayNode();
0|        } catch (final InterruptedException e) {
0|            Thread.currentThread().interrupt();
0|            traces.cancel(true);
0|            LOG.debug("Interrupted while tracing block {}", blockNumber);
0|            return emptyResult().getArrayNode();
0|        } catch (final ExecutionException | TimeoutException e) {
1|        } catch (final InterruptedException | ExecutionException | TimeoutException e) { //@CONC-05
01|            traces.cancel(true);
01|            LOG.warn("Tracing block {} failed", blockNumber, e);
01|            return emptyResult().getArrayNode();
01|        }
2|        } catch (final InterruptedException e) {
2|            Thread.currentThread().interrupt();
2|            traces.cancel(true);
2|            LOG.debug("Interrupted while tracing block {}", blockNumber);
2|            return emptyResult().getArrayNode();
2|        } catch (final ExecutionException | TimeoutException e) { //@ERR-01
2|            return emptyResult().getArrayNode();
2|        }
    }

    private ArrayNodeWrapper traceBlock(final Block block, final TraceFilter filter) {
        final ArrayNodeWrapper result = new ArrayNodeWrapper(MAPPER.createArrayNode());
        Tracer.processTracing(getBlockchainQueries(), block.getHash(), mutableWorldState -> {
            filter.apply(protocolSchedule, block, mutableWorldState).forEach(result::addPOJO);
            return Optional.empty();
        });
        return result;
    }
}
''')
cases_of(case, GH + 'besu-eth/besu/pull/10326',
         'ethereum/api/' + src('org.hyperledger.besu.ethereum.api.jsonrpc.internal.methods', 'TraceBlock'),
         J('org.hyperledger.besu.ethereum.api.jsonrpc.internal.methods', SLF4J + [
             'java.util.Optional', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException',
             'org.hyperledger.besu.ethereum.api.jsonrpc.RpcMethod',
             'org.hyperledger.besu.ethereum.api.jsonrpc.internal.JsonRpcRequestContext',
             'org.hyperledger.besu.ethereum.api.query.BlockchainQueries', 'org.hyperledger.besu.ethereum.core.Block',
             'org.hyperledger.besu.ethereum.mainnet.ProtocolSchedule'])(BESU), [
             (1, 'java-00-besu-trace-block-multi-catch-drops-interrupt',
              'an edit folds InterruptedException into the multi-catch of a block trace, so an interrupted RPC '
              'worker logs a warning and goes on as if nothing happened, delaying the node\'s shutdown', 'edit'),
             (2, 'java-00-besu-trace-block-failure-answered-empty-silently',
              'an edit answers a failed or timed-out block trace with an empty result and no log, so a broken '
              'tracer looks like a block without transactions', 'edit'),
             (0, 'java-ok-00-besu-trace-block-interrupt-restored',
              'clean: the fix catches the interrupt on its own and restores the flag', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: JSON-RPC client for Bitcoin Core (bitcoin-rpc-client)
BTCRPC = template('bitcoin-rpc-client-query', r'''
    /** How long a connection to the node may take, and how long the node may think about one call (rescans are slow). */
    private static final int CONNECT_TIMEOUT_MILLIS = (int) TimeUnit.SECONDS.toMillis(60);
    private static final int READ_TIMEOUT_MILLIS = (int) TimeUnit.MINUTES.toMillis(15);

    public Object query(String method, Object... o) throws GenericRpcException {
        HttpURLConnection conn;
        try {
            conn = (HttpURLConnection) noAuthURL.openConnection(); //@{1}TMO-01
02|            conn.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
02|            conn.setReadTimeout(READ_TIMEOUT_MILLIS);
            conn.setDoOutput(true);
            conn.setDoInput(true);

            if (conn instanceof HttpsURLConnection) {
                if (hostnameVerifier != null) {
                    ((HttpsURLConnection) conn).setHostnameVerifier(hostnameVerifier);
                }
                if (sslSocketFactory != null) {
                    ((HttpsURLConnection) conn).setSSLSocketFactory(sslSocketFactory);
                }
            }
            conn.setRequestProperty("Authorization", "Basic " + authStr);
            byte[] r = prepareRequest(method, o);
            logger.log(Level.FINE, "Bitcoin JSON-RPC request: {0}", new String(r, QUERY_CHARSET));
            try (OutputStream out = conn.getOutputStream()) {
                out.write(r);
            }
            int responseCode = conn.getResponseCode();
            if (responseCode != 200) {
                InputStream errorStream = conn.getErrorStream();
                throw new BitcoinRPCException(method, Arrays.deepToString(o), responseCode, conn.getResponseMessage(),
                        errorStream == null ? null : new String(loadStream(errorStream, true)));
            }
01|            try (InputStream in = conn.getInputStream()) {
01|                return loadResponse(in, "1", true);
01|            }
2|            InputStream in = conn.getInputStream(); //@RES-01
2|            return loadResponse(in, "1", false);
        } catch (IOException ex) {
            throw new BitcoinRPCException(method, Arrays.deepToString(o), ex);
        }
    }
''')


def btcrpc(v):
    body = variant(BTCRPC, v)
    return java('wf.bitcoin.javabitcoindrpcclient', sorted([
        'java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection',
        'java.util.Arrays', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger',
        'javax.net.ssl.HttpsURLConnection']),
        'public class BitcoinJSONRPCClient implements BitcoindRpcClient {\n\n'
        '    private static final Logger logger = Logger.getLogger(BitcoinJSONRPCClient.class.getPackage().getName());\n\n'
        + body.strip('\n') + '\n}')


cases_of(case, GH + 'Polve/bitcoin-rpc-client/pull/113', src('wf.bitcoin.javabitcoindrpcclient', 'BitcoinJSONRPCClient'),
         btcrpc, [
             (1, 'java-00-bitcoin-rpc-client-query-without-timeouts',
              'an edit opens each JSON-RPC connection to the node with the platform\'s default of no timeout, so a '
              'node that accepts and never answers blocks the calling thread forever', 'edit'),
             (2, 'java-00-bitcoin-rpc-client-response-stream-left-open',
              'an edit reads the answer from the connection\'s input stream without closing it, so a parse error '
              'in loadResponse keeps the socket out of the keep-alive cache', 'edit'),
             (0, 'java-ok-00-bitcoin-rpc-client-query-with-timeouts',
              'clean: the fix sets connect and read timeouts on every connection', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: HTTP provider of a StarkNet SDK for the JVM (starknet-jvm)
STARKNET = template('starknet-jvm-http-service', r'''
/** Sends JSON-RPC requests of the provider to a StarkNet node, blocking or asynchronously. */
public final class OkHttpService implements HttpService {
    private static final Logger LOG = Logger.getLogger(OkHttpService.class.getName());
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private volatile String chainId;

    public OkHttpService(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
1|        OkHttpClient callClient = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build(); //@RES-04
1|        callClient.newCall(toOkHttp(request)).enqueue(new Callback() {
02|        client.newCall(toOkHttp(request)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                future.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody body = response.body()) {
                    future.complete(new HttpResponse(response.isSuccessful(), response.code(), body == null ? "" : body.string()));
                } catch (IOException e) {
                    future.completeExceptionally(e);
                }
            }
        });
        return future;
    }

    /** Looks the node's chain id up in the background; transactions signed before it arrives use the configured one. */
    public void refreshChainId(HttpRequest chainIdRequest) {
01|        sendAsync(chainIdRequest)
01|                .thenApply(OkHttpService::parseChainId)
01|                .whenComplete((id, failure) -> {
01|                    if (failure != null) {
01|                        LOG.log(Level.WARNING, "Could not read the chain id of the node", failure);
01|                    } else {
01|                        chainId = id;
01|                    }
01|                });
2|        sendAsync(chainIdRequest).thenApply(OkHttpService::parseChainId).thenAccept(id -> chainId = id); //@CONC-06
    }

    public String chainId() {
        return chainId;
    }

    private static Request toOkHttp(HttpRequest request) {
        return new Request.Builder().url(request.getUrl()).post(RequestBody.create(request.getBody(), JSON)).build();
    }

    private static String parseChainId(HttpResponse response) {
        if (!response.isSuccessful()) {
            throw new RequestFailedException("chain id request failed with " + response.getCode(), response.getBody());
        }
        return JsonRpc.resultOf(response.getBody());
    }
}
''')
cases_of(case, GH + 'software-mansion/starknet-jvm/pull/152', 'lib/' + src('com.swmansion.starknet.service.http', 'OkHttpService'),
         JV('com.swmansion.starknet.service.http', {v: [
             'com.swmansion.starknet.provider.exceptions.RequestFailedException', 'java.io.IOException',
             'java.util.concurrent.CompletableFuture', 'java.util.logging.Level', 'java.util.logging.Logger',
             'okhttp3.Call', 'okhttp3.Callback', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
             'okhttp3.RequestBody', 'okhttp3.Response', 'okhttp3.ResponseBody'] + (['java.time.Duration'] if v == 1 else [])
             for v in (0, 1, 2)})(STARKNET), [
             (1, 'java-00-starknet-http-service-client-per-async-request',
              'an edit builds a new OkHttp client for every asynchronous request, so each request starts its own '
              'dispatcher and connection pool and a busy wallet runs out of threads', 'edit'),
             (2, 'java-00-starknet-http-service-chain-id-failure-dropped',
              'an edit refreshes the chain id with a future chain nobody observes, so a failed lookup leaves the '
              'service on the configured chain id without a trace in the log', 'edit'),
             (0, 'java-ok-00-starknet-http-service-shared-client',
              'clean: the fix sends every request through the one client the service was built with', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: transaction watcher of an Ethereum contract proxy library (eth-propeller-core)
PROPELLER = template('eth-propeller-transaction-watcher', r'''
/** Watches the transactions the proxy sent until their receipt is mined, then completes the caller's future. */
public class TransactionWatcher {
    private static final Logger log = LoggerFactory.getLogger(TransactionWatcher.class);

    private final EthereumBackend backend;
    private final Executor executor;
    private final Map<EthHash, PendingTransaction> pending = new ConcurrentHashMap<>();

    public TransactionWatcher(EthereumBackend backend, Executor executor) {
        this.backend = backend;
        this.executor = executor;
    }

    public CompletableFuture<TransactionReceipt> watch(EthHash hash) {
        PendingTransaction tx = new PendingTransaction(hash);
        pending.put(hash, tx);
        return tx.result;
    }

    /** Called on every new block. */
    public void processTransactions() {
        pending.forEach((hash, tx) -> {
02|            CompletableFuture.runAsync(() -> checkReceipt(tx), executor)
02|                    .exceptionally(failure -> {
02|                        pending.remove(hash);
02|                        tx.result.completeExceptionally(failure);
02|                        return null;
02|                    });
1|            CompletableFuture.runAsync(() -> checkReceipt(tx), executor); //@CONC-06
        });
    }

    private void checkReceipt(PendingTransaction tx) {
        Optional<TransactionReceipt> receipt = backend.getTransactionReceipt(tx.hash);
        if (receipt.isPresent()) {
            pending.remove(tx.hash);
            tx.result.complete(receipt.get());
            return;
        }
        tx.checks++;
01|        log.debug("transaction {} still pending after {} checks", tx.hash.withLeading0x(), tx.checks);
2|        log.debug("transaction " + tx.hash.withLeading0x() + " still pending after " + tx.checks + " checks"); //@LOG-02
    }

    private static final class PendingTransaction {
        private final EthHash hash;
        private final CompletableFuture<TransactionReceipt> result = new CompletableFuture<>();
        private int checks;

        private PendingTransaction(EthHash hash) {
            this.hash = hash;
        }
    }
}
''')
cases_of(case, GH + 'adridadou/eth-propeller-core/issues/13', src('org.adridadou.ethereum.propeller', 'TransactionWatcher'),
         J('org.adridadou.ethereum.propeller', SLF4J + [
             'java.util.Map', 'java.util.Optional', 'java.util.concurrent.CompletableFuture',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.Executor',
             'org.adridadou.ethereum.propeller.backend.EthereumBackend',
             'org.adridadou.ethereum.propeller.values.EthHash',
             'org.adridadou.ethereum.propeller.values.TransactionReceipt'])(PROPELLER), [
             (1, 'java-00-propeller-watcher-receipt-check-failure-lost',
              'an edit checks each pending receipt on the executor and drops the future, so a backend error in the '
              'check never reaches the caller, whose transaction future then never completes', 'edit'),
             (2, 'java-00-propeller-watcher-pending-log-concatenated',
              'an edit builds the "still pending" debug message by concatenation, so every check of every pending '
              'transaction formats a string on each block even with debug logging off', 'edit'),
             (0, 'java-ok-00-propeller-watcher-failure-completes-caller',
              'clean: the fix hands a failed receipt check to the caller\'s future', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: chain synchronisation timer of a blockchain node (nem)
NEM = template('nem-node-sync-scheduler', r'''
/** Synchronises the local chain with one partner node at a fixed delay. */
public class ChainSynchronizationScheduler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(ChainSynchronizationScheduler.class.getName());
    private static final long INITIAL_DELAY_MS = 3_000;
    private static final long SYNC_INTERVAL_MS = 3_000;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final NodeSelector selector;
    private final ChainServices chainServices;
    private final BlockChainUpdater updater;

    public ChainSynchronizationScheduler(NodeSelector selector, ChainServices chainServices, BlockChainUpdater updater) {
        this.selector = selector;
        this.chainServices = chainServices;
        this.updater = updater;
    }

    public void start() {
02|        scheduler.scheduleWithFixedDelay(this::synchronizeSafely, INITIAL_DELAY_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS);
1|        scheduler.scheduleWithFixedDelay(this::synchronize, INITIAL_DELAY_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS); //@CONC-07
    }
02|
02|    /** A failed round (a partner that went away, a cancelled request) must not end the schedule. */
02|    private void synchronizeSafely() {
02|        try {
02|            synchronize();
02|        } catch (Throwable t) {
02|            LOGGER.log(Level.WARNING, "chain synchronization round failed", t);
02|        }
02|    }

    private void synchronize() {
        Node partner = selector.selectNode();
        if (partner == null) {
            LOGGER.fine("no partner node available for synchronization");
            return;
        }
        BlockChainScore remoteScore = chainServices.getChainScoreAsync(partner).join();
        if (remoteScore.compareTo(updater.getScore()) <= 0) {
            return;
        }
        Collection<Block> blocks = chainServices.getChainAfterAsync(partner, updater.getLastBlockHeight()).join();
        for (Block block : blocks) {
2|            LOGGER.info(() -> String.format("synchronizing with %s: height %s, %s transactions", partner, block.getHeight(), block.getTransactions().size())); //@LOG-01
            if (updater.updateBlock(block) != ValidationResult.SUCCESS) {
                LOGGER.warning(() -> String.format("block %d from %s rejected", block.getHeight().getRaw(), partner));
                break;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'NemProject/nem/issues/12', 'nis/' + src('org.nem.nis.sync', 'ChainSynchronizationScheduler'),
         J('org.nem.nis.sync', [
             'java.util.Collection', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger',
             'org.nem.core.model.Block', 'org.nem.core.model.BlockChainScore', 'org.nem.core.model.ValidationResult',
             'org.nem.peer.node.Node', 'org.nem.peer.services.ChainServices', 'org.nem.peer.trust.NodeSelector',
             'org.nem.nis.BlockChainUpdater'])(NEM), [
             (1, 'java-00-nem-sync-schedule-dies-on-first-failure',
              'an edit schedules the synchronisation round itself, so the first round whose partner request is '
              'cancelled throws out of the task and the node silently never synchronises again', 'edit'),
             (2, 'java-00-nem-sync-logs-every-applied-block',
              'an edit logs every block applied during synchronisation at info level, so a node catching up on '
              'thousands of blocks writes a line for each of them', 'edit'),
             (0, 'java-ok-00-nem-sync-schedule-survives-failed-round',
              'clean: the fix schedules a wrapper that logs a failed round and keeps the schedule going', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: SQL block store of an Ethereum client (ethereumj), CRLF
ETHEREUMJ = template('ethereumj-sql-block-store', r'''
/** Keeps the main chain's blocks and their receipts in the node's SQL database. */
public class SqlBlockStore implements BlockStore {
    private static final Logger logger = LoggerFactory.getLogger("blockstore");

    private static final String SELECT_RANGE = "SELECT rlp FROM block WHERE number BETWEEN ? AND ? ORDER BY number";
    private static final String INSERT_BLOCK = "INSERT INTO block (hash, number, difficulty, rlp) VALUES (?, ?, ?, ?)";
    private static final String INSERT_RECEIPT = "INSERT INTO receipt (tx_hash, block_hash, rlp) VALUES (?, ?, ?)";

    private final DataSource dataSource;

    public SqlBlockStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Block> getBlocksByNumberRange(long from, long to) {
        List<Block> blocks = new ArrayList<>();
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(SELECT_RANGE)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(SELECT_RANGE);
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new Block(rs.getBytes(1)));
                }
            }
        } catch (SQLException e) {
            throw new BlockStoreException("Could not read blocks " + from + " to " + to, e);
        }
        return blocks;
    }

    @Override
    public void saveBlock(Block block, List<TransactionReceipt> receipts) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                insertBlock(connection, block);
01|                insertReceipts(connection, block, receipts);
01|                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
01|            }
2|            insertBlock(connection, block);
2|            insertReceipts(connection, block, receipts);
2|            connection.commit();
        } catch (SQLException e) {
            throw new BlockStoreException("Could not save block " + block.getShortDescr(), e);
        }
        logger.debug("Block saved: {}", block.getShortDescr());
    }

    private void insertBlock(Connection connection, Block block) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_BLOCK)) {
            statement.setBytes(1, block.getHash());
            statement.setLong(2, block.getNumber());
            statement.setBytes(3, block.getDifficulty());
            statement.setBytes(4, block.getEncoded());
            statement.executeUpdate();
        }
    }

    private void insertReceipts(Connection connection, Block block, List<TransactionReceipt> receipts) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RECEIPT)) {
            for (TransactionReceipt receipt : receipts) {
                statement.setBytes(1, receipt.getTransaction().getHash());
                statement.setBytes(2, block.getHash());
                statement.setBytes(3, receipt.getReceiptTrieEncoded());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
''')
cases_of(case, GH + 'ethereum/ethereumj/issues/68', 'ethereumj-core/' + src('org.ethereum.db', 'SqlBlockStore'),
         J('org.ethereum.db', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource', 'org.ethereum.core.Block',
             'org.ethereum.core.TransactionReceipt'])(ETHEREUMJ), [
             (1, 'java-00-ethereumj-block-range-connection-never-closed',
              'an edit reads a range of blocks without closing the connection or the statement, so a peer asking '
              'for blocks again and again drains the connection pool and the heap keeps growing', 'edit'),
             (2, 'java-00-ethereumj-save-block-not-rolled-back',
              'an edit saves a block and its receipts in a transaction with no rollback, so a failed receipt insert '
              'returns the connection to the pool with the half-written block still pending', 'edit'),
             (0, 'java-ok-00-ethereumj-block-range-connection-closed',
              'clean: the fix reads the range with the connection and statement in try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / LOG-02: inbound message reader of a P2P exchange's network layer (bisq2)
BISQ = template('bisq2-inbound-reader', r'''
/** Reads the envelopes a peer sent on one connection and hands them to the node's handlers. */
@Slf4j
public class InboundReader implements Runnable {
    private final Connection connection;
    private final BlockingQueue<NetworkEnvelope> inbound;
    private final Consumer<NetworkEnvelope> handler;
    private final BooleanSupplier isShutdownStarted;
    private volatile boolean stopped;

    public InboundReader(Connection connection, BlockingQueue<NetworkEnvelope> inbound, Consumer<NetworkEnvelope> handler,
            BooleanSupplier isShutdownStarted) {
        this.connection = connection;
        this.inbound = inbound;
        this.handler = handler;
        this.isShutdownStarted = isShutdownStarted;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                NetworkEnvelope envelope = inbound.take();
                handler.accept(envelope);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
                if (!isShutdownStarted.getAsBoolean()) {
                    log.warn("Inbound reader of connection {} was interrupted", connection.getId(), e);
                }
02|                return;
            } catch (RuntimeException e) {
                log.error("Handling an envelope from {} failed", connection.getPeerAddress(), e);
            }
        }
    }

    public void stop(CloseReason reason) {
        stopped = true;
01|        log.info("Inbound reader of connection {} stopped: {}", connection.getId(), reason);
2|        log.info("Inbound reader of connection " + connection.getId() + " stopped: " + reason); //@LOG-02
    }
}
''')
cases_of(case, GH + 'bisq-network/bisq2/pull/4771', 'network/network/' + src('bisq.network.p2p.node', 'InboundReader'),
         J('bisq.network.p2p.node', [
             'bisq.network.p2p.message.NetworkEnvelope', 'java.util.concurrent.BlockingQueue',
             'java.util.function.BooleanSupplier', 'java.util.function.Consumer', 'lombok.extern.slf4j.Slf4j'])(BISQ), [
             (1, 'java-00-bisq2-inbound-reader-interrupt-swallowed',
              'an edit keeps reading after an interrupt without restoring the flag, so the node\'s shutdown cannot '
              'stop the reader thread and the reader spins on a cleared interrupt', 'edit'),
             (2, 'java-00-bisq2-inbound-reader-stop-log-concatenated',
              'an edit logs the reader\'s stop with a concatenated message, so the connection and reason are '
              'formatted even when info logging is off', 'edit'),
             (0, 'java-ok-00-bisq2-inbound-reader-interrupt-restored',
              'clean: the fix restores the interrupt flag and leaves the reader loop', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-02: API request executor of a blockchain node (semux), new file
SEMUX = template('semux-api-request-executor', r'''
/**
 * Runs API requests off the Netty event loop. The account a request was authenticated for is kept in a thread-local
 * while its handler runs, so that wallet operations deep in the call can check it without passing it around.
 */
public class ApiRequestExecutor implements Closeable {
    private static final Logger logger = LoggerFactory.getLogger(ApiRequestExecutor.class);
    private static final ThreadLocal<String> CURRENT_CALLER = new ThreadLocal<>();

    private final ExecutorService workers;

    public ApiRequestExecutor(int threads, int queueCapacity) {
01|        this.workers = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(queueCapacity), new ThreadPoolExecutor.AbortPolicy());
2|        this.workers = Executors.newFixedThreadPool(threads); //@CONC-02
    }

    public static String currentCaller() {
        return CURRENT_CALLER.get();
    }

    public Future<ApiResponse> submit(String caller, ApiHandler handler, Map<String, String> params) {
        return workers.submit(() -> handle(caller, handler, params));
    }

    private ApiResponse handle(String caller, ApiHandler handler, Map<String, String> params) {
02|        CURRENT_CALLER.set(caller);
02|        try {
02|            return handler.handle(params);
02|        } catch (RuntimeException e) {
02|            logger.warn("API handler {} failed", handler.getClass().getSimpleName(), e);
02|            return ApiResponse.error(e.getMessage());
02|        } finally {
02|            CURRENT_CALLER.remove();
02|        }
1|        CURRENT_CALLER.set(caller); //@CONC-04
1|        try {
1|            return handler.handle(params);
1|        } catch (RuntimeException e) {
1|            logger.warn("API handler {} failed", handler.getClass().getSimpleName(), e);
1|            return ApiResponse.error(e.getMessage());
1|        }
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
''')
cases_of(case, GH + 'semuxproject/semux/issues/419', src('org.semux.api.http', 'ApiRequestExecutor'),
         JV('org.semux.api.http', {v: SLF4J + [
             'java.io.Closeable', 'java.util.Map', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
             'org.semux.api.ApiHandler', 'org.semux.api.ApiResponse'] + (
                 ['java.util.concurrent.Executors'] if v == 2 else
                 ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                  'java.util.concurrent.TimeUnit']) for v in (0, 1, 2)})(SEMUX), [
             (1, 'java-00-semux-new-api-executor-caller-never-removed',
              'a new API executor sets the caller\'s account in a thread-local and never removes it, so each pooled '
              'worker keeps the last caller of the wallet GUI and the next request can see it', 'new'),
             (2, 'java-00-semux-new-api-executor-unbounded-queue',
              'a new API executor queues requests on a fixed pool\'s unbounded queue, so a flood of API calls grows '
              'the heap without bound instead of being refused', 'new'),
             (0, 'java-ok-00-semux-new-api-executor',
              'clean: a new API executor with a bounded queue that removes the caller in a finally block', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: Bitcore block explorer client of a crypto ATM server (batm_public), renamed file
BATM = template('batm-bitcore-api-client', r'''
/** Reads addresses and transactions from a Bitcore (Insight) block explorer. */
public class BitcoreApiClient {
    private static final Logger log = LoggerFactory.getLogger(BitcoreApiClient.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final String BLOCK_TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    private final String baseUrl;

    public BitcoreApiClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public String get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + path).openConnection(); //@{1}TMO-01
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
02|        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /** The time a block was mined, as the explorer reports it (always UTC, the trailing Z). */
    public Date parseBlockTime(String value) {
        SimpleDateFormat format = new SimpleDateFormat(BLOCK_TIME_PATTERN, Locale.US); //@{2}TIME-01
01|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return format.parse(value);
        } catch (ParseException e) {
            log.warn("Unreadable block time {} from {}", value, baseUrl);
            return null;
        }
    }
}
''')
cases_of(case, GH + 'GENERALBYTESCOM/batm_public/pull/14',
         'server_extensions_extra/' + src('com.generalbytes.batm.server.extensions.extra.bitcoin.sources.bitcore', 'BitcoreApiClient'),
         J('com.generalbytes.batm.server.extensions.extra.bitcoin.sources.bitcore', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.nio.charset.StandardCharsets', 'java.text.ParseException', 'java.text.SimpleDateFormat',
             'java.util.Date', 'java.util.Locale', 'java.util.TimeZone'])(BATM), [
             (1, 'java-00-batm-renamed-bitcore-client-without-read-timeout',
              'a PR renames the Bitcore proxy to an API client and drops its read timeout, so an explorer that '
              'stops answering mid-response hangs the ATM\'s transaction screen', 'rename'),
             (2, 'java-00-batm-renamed-bitcore-client-block-time-in-server-zone',
              'a PR renames the Bitcore proxy to an API client and parses block times in the server\'s zone, so '
              'confirmation times are off by the server\'s UTC offset', 'rename'),
             (0, 'java-ok-00-batm-renamed-bitcore-client',
              'clean: the rename alone; the client keeps its read timeout and parses block times in UTC', 'rename'),
         ], rename_from='server_extensions_extra/src/main/java/com/generalbytes/batm/server/extensions/extra/bitcoin/sources/bitcore/BitcoreProxy.java',
         rename_old=lambda t: t.replace('BitcoreApiClient', 'BitcoreProxy'))
