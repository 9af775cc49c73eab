"""Round-67 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-01: HTTP transport of a payment provider's SDK (paymill-java)
PAYMILL = template('paymill-url-connection-client', r'''
/**
 * Sends the SDK's requests to the payment API over {@link HttpURLConnection}, authenticating with the merchant's
 * private key.
 */
public final class UrlConnectionClient implements HttpClient {
    private final String apiUrl;
    private final String authorization;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public UrlConnectionClient(String apiUrl, String privateKey, int connectTimeoutMillis, int readTimeoutMillis) {
        this.apiUrl = apiUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((privateKey + ":").getBytes(StandardCharsets.UTF_8));
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public String get(String path) throws IOException {
        HttpURLConnection conn = open(path);
        conn.setRequestMethod("GET");
        return read(conn);
    }

    @Override
    public String post(String path, Map<String, String> params) throws IOException {
        HttpURLConnection conn = open(path);
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
01|        try (Writer out = new OutputStreamWriter(conn.getOutputStream(), StandardCharsets.UTF_8)) {
01|            out.write(encode(params));
01|        }
2|        Writer out = new OutputStreamWriter(conn.getOutputStream(), StandardCharsets.UTF_8); //@RES-01
2|        out.write(encode(params));
2|        out.flush();
        return read(conn);
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(apiUrl + path).openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(connectTimeoutMillis);
02|        conn.setReadTimeout(readTimeoutMillis);
        conn.setRequestProperty("Authorization", authorization);
        conn.setRequestProperty("Accept", "application/json");
        return conn;
    }

    private static String read(HttpURLConnection conn) throws IOException {
        int status = conn.getResponseCode();
        InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
        if (in == null) {
            throw new PaymillException("payment API answered " + status + " without a body");
        }
        try (InputStream body = in) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new PaymillException("payment API answered " + status + ": " + text);
            }
            return text;
        }
    }

    private static String encode(Map<String, String> params) {
        StringJoiner form = new StringJoiner("&");
        for (Map.Entry<String, String> e : params.entrySet()) {
            form.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
''')
cases_of(case, GH + 'paymill/paymill-java/issues/45', src('com.paymill.net', 'UrlConnectionClient'),
         J('com.paymill.net', ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStreamWriter',
                               'java.io.Writer', 'java.net.HttpURLConnection', 'java.net.URL',
                               'java.net.URLEncoder', 'java.nio.charset.StandardCharsets', 'java.util.Base64',
                               'java.util.Map', 'java.util.StringJoiner'])(PAYMILL), [
             (1, 'java-00-paymill-connection-without-timeouts',
              'an edit opens the API connection without its connect and read timeouts, so a payment API that '
              'stops answering holds the checkout thread forever', 'edit'),
             (2, 'java-00-paymill-post-writer-never-closed',
              'an edit writes the form of a POST through a writer it never closes, so a failed write leaves the '
              'request stream and its connection open', 'edit'),
             (0, 'java-ok-00-paymill-connection-with-timeouts',
              'clean: the fix sets the configured connect and read timeouts on every connection', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: new-order transaction of an order-entry benchmark (benchmarksql)
BENCHMARKSQL = template('benchmarksql-new-order', r'''
/**
 * The new-order transaction: one order with its lines, each line taking stock from a warehouse. About one order in a
 * hundred names an item that does not exist and must be rolled back, as the benchmark's rules ask.
 */
public class NewOrderTransaction {
    private final DataSource dataSource;

    public NewOrderTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Enters the order; returns false when it named an unknown item and was rolled back. */
    public boolean execute(NewOrder order) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); //@{1}TX-01
            for (OrderLine line : order.lines()) {
                if (!itemExists(conn, line.itemId())) {
02|                    conn.rollback();
                    return false;
                }
            }
            try {
                int orderId = nextOrderId(conn, order.warehouseId(), order.districtId());
                insertOrder(conn, orderId, order);
                for (int i = 0; i < order.lines().size(); i++) {
                    insertLine(conn, orderId, i + 1, order.lines().get(i));
                }
                conn.commit();
                return true;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    private boolean itemExists(Connection conn, int itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT i_price FROM bmsql_item WHERE i_id = ?")) {
            ps.setInt(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
2|        } catch (SQLException e) { //@ERR-01
2|            return false;
        }
    }

    private int nextOrderId(Connection conn, int warehouseId, int districtId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE bmsql_district SET d_next_o_id = d_next_o_id + 1 WHERE d_w_id = ? AND d_id = ? "
                        + "RETURNING d_next_o_id - 1")) {
            ps.setInt(1, warehouseId);
            ps.setInt(2, districtId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no district " + warehouseId + "/" + districtId);
                }
                return rs.getInt(1);
            }
        }
    }

    private void insertOrder(Connection conn, int orderId, NewOrder order) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO bmsql_oorder (o_id, o_d_id, o_w_id, o_c_id, o_entry_d, o_ol_cnt) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, orderId);
            ps.setInt(2, order.districtId());
            ps.setInt(3, order.warehouseId());
            ps.setInt(4, order.customerId());
            ps.setTimestamp(5, Timestamp.from(order.enteredAt()));
            ps.setInt(6, order.lines().size());
            ps.executeUpdate();
        }
    }

    private void insertLine(Connection conn, int orderId, int number, OrderLine line) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO bmsql_order_line (ol_o_id, ol_number, ol_i_id, ol_supply_w_id, ol_quantity) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, orderId);
            ps.setInt(2, number);
            ps.setInt(3, line.itemId());
            ps.setInt(4, line.supplyWarehouseId());
            ps.setInt(5, line.quantity());
            ps.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'pingcap/benchmarksql/pull/13', src('com.github.pingcap.benchmarksql', 'NewOrderTransaction'),
         J('com.github.pingcap.benchmarksql', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                               'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Timestamp',
                                               'javax.sql.DataSource'])(BENCHMARKSQL), [
             (1, 'java-00-benchmarksql-unknown-item-returns-inside-transaction',
              'an edit returns from an order that names an unknown item without rolling back, so the pooled '
              'connection goes back with its transaction and locks still open', 'edit'),
             (2, 'java-00-benchmarksql-item-lookup-failure-swallowed',
              'an edit turns any failure of the item lookup into "no such item", so a lost connection rolls '
              'valid orders back as if they named unknown items', 'edit'),
             (0, 'java-ok-00-benchmarksql-unknown-item-rolled-back',
              'clean: the fix rolls the order back before giving it up', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: balances kept from an exchange's user-data stream (java-binance-api)
BINANCE = template('binance-balance-cache', r'''
/**
 * Keeps the account's balances up to date from the user-data websocket; trading threads read them to size orders.
 */
public class BalanceCache implements BinanceWebSocketAdapterUserData {
    private static final Logger log = LoggerFactory.getLogger(BalanceCache.class);

    private final Map<String, BinanceWalletAsset> balances = new HashMap<>();
    private volatile long lastUpdateMillis;

    /** Seeds the cache from the REST snapshot taken before the stream was opened. */
    public BalanceCache(Map<String, BinanceWalletAsset> snapshot) {
        balances.putAll(snapshot);
        lastUpdateMillis = System.currentTimeMillis();
    }

    /** Called on the websocket's thread for every account update the exchange pushes. */
    @Override
    public void onOutboundAccountInfo(BinanceEventOutboundAccountInfo event) {
02|        synchronized (balances) {
02|            for (BinanceWalletAsset asset : event.getBalances()) {
02|                balances.put(asset.getAsset(), asset);
02|            }
02|        }
1|        for (BinanceWalletAsset asset : event.getBalances()) {
1|            balances.put(asset.getAsset(), asset); //@CONC-03
1|        }
        lastUpdateMillis = event.getEventTime();
01|        log.debug("balances updated at {} for {} assets", lastUpdateMillis, event.getBalances().size());
2|        log.debug("balances updated at " + lastUpdateMillis + " for " + event.getBalances().size() + " assets"); //@LOG-02
    }

    /** The free amount of asset, zero when the account holds none. */
    public BigDecimal free(String asset) {
        synchronized (balances) {
            BinanceWalletAsset a = balances.get(asset);
            return a == null ? BigDecimal.ZERO : a.getFree();
        }
    }

    public long lastUpdateMillis() {
        return lastUpdateMillis;
    }
}
''')
cases_of(case, GH + 'webcerebrium/java-binance-api/issues/2',
         src('com.webcerebrium.binance.datatype', 'BalanceCache'),
         J('com.webcerebrium.binance.datatype', SLF4J + [
             'com.webcerebrium.binance.websocket.BinanceWebSocketAdapterUserData', 'java.math.BigDecimal',
             'java.util.HashMap', 'java.util.Map'])(BINANCE), [
             (1, 'java-00-binance-balances-updated-without-lock',
              'an edit writes the pushed balances into the plain map without its lock, so trading threads sizing '
              'orders while an update lands read a map being rehashed', 'edit'),
             (2, 'java-00-binance-balance-update-log-concatenated',
              'an edit logs every account update with a concatenated debug message, building the string on the '
              'websocket thread even when debug logging is off', 'edit'),
             (0, 'java-ok-00-binance-balances-updated-under-lock',
              'clean: the fix writes the balances under the map\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / RES-04: on-behalf-of calls of a cross-border payments client (currencycloud-java)
CURRENCYCLOUD = template('currencycloud-on-behalf-of', r'''
/**
 * Entry point of the payments API client. Calls made inside {@link #onBehalfOfDo} act for a sub-account's contact;
 * the contact is kept per thread so that threads sharing the client do not act for each other's contacts.
 */
public class CurrencyCloudClient {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ThreadLocal<String> onBehalfOf = new ThreadLocal<>();
    private final HttpClient http;
    private final URI baseUri;
    private final Duration requestTimeout;
    private volatile String authToken;

    public CurrencyCloudClient(URI baseUri, Duration requestTimeout) {
        this.baseUri = baseUri;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** Runs work with every call acting for contactId; calls cannot be nested. */
    public <T> T onBehalfOfDo(String contactId, Callable<T> work) throws Exception {
        if (!UUID.matcher(contactId).matches()) {
            throw new IllegalArgumentException("contact id must be a UUID: " + contactId);
        }
        if (onBehalfOf.get() != null) {
            throw new IllegalStateException("already acting on behalf of " + onBehalfOf.get());
        }
        onBehalfOf.set(contactId); //@{1}CONC-04
02|        try {
02|            return work.call();
02|        } finally {
02|            onBehalfOf.remove();
02|        }
1|        T result = work.call();
1|        onBehalfOf.remove();
1|        return result;
    }

    String post(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>(form);
        String contact = onBehalfOf.get();
        if (contact != null) {
            params.put("on_behalf_of", contact);
        }
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(requestTimeout)
                .header("X-Auth-Token", authToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(params)))
                .build();
01|        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
2|        HttpClient client = HttpClient.newBuilder().connectTimeout(requestTimeout).build(); //@RES-04
2|        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new CurrencyCloudException(path, response.statusCode(), response.body());
        }
        return response.body();
    }

    void authenticate(String token) {
        this.authToken = token;
    }

    private static String encode(Map<String, String> params) {
        StringJoiner form = new StringJoiner("&");
        params.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
''')
cases_of(case, GH + 'CurrencyCloud/currencycloud-java/pull/51', src('com.currencycloud.client', 'CurrencyCloudClient'),
         J('com.currencycloud.client', ['java.io.IOException', 'java.net.URI', 'java.net.URLEncoder',
                                        'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                                        'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets',
                                        'java.time.Duration', 'java.util.LinkedHashMap', 'java.util.Map',
                                        'java.util.StringJoiner', 'java.util.concurrent.Callable',
                                        'java.util.regex.Pattern'])(CURRENCYCLOUD), [
             (1, 'java-00-currencycloud-on-behalf-of-not-cleared-on-failure',
              'an edit clears the on-behalf-of contact only after work that succeeded, so a call that throws '
              'leaves the pooled thread acting for that contact in the next request', 'edit'),
             (2, 'java-00-currencycloud-http-client-per-call',
              'an edit builds a new HttpClient for every API call instead of the client\'s shared one, so each '
              'payment call starts its own connection pool and selector thread', 'edit'),
             (0, 'java-ok-00-currencycloud-on-behalf-of-cleared-in-finally',
              'clean: the fix clears the contact in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TX-01: transfers of a small banking app (BankApp)
BANKAPP = template('bankapp-transfer-operation', r'''
/**
 * Handles a transfer between two accounts: checks the funds of the source account and moves the money in one
 * database transaction. Every log line of a transfer carries its temporary id through the MDC.
 */
public class TransferOperationService {
    private static final Logger log = LoggerFactory.getLogger(TransferOperationService.class);

    private final DataSource dataSource;
    private final TransactionRecorder recorder;

    public TransferOperationService(DataSource dataSource, TransactionRecorder recorder) {
        this.dataSource = dataSource;
        this.recorder = recorder;
    }

    public Transaction handle(TransferRequest request) {
        MDC.put("tempId", request.getTempId().toString()); //@{1}CONC-04
02|        try {
02|            log.info("Handling transfer of {} from {}", request.getAmount(), request.getSourceIban());
02|            return execute(request);
02|        } finally {
02|            MDC.remove("tempId");
02|        }
1|        log.info("Handling transfer of {} from {}", request.getAmount(), request.getSourceIban());
1|        Transaction done = execute(request);
1|        MDC.remove("tempId");
1|        return done;
    }

    private Transaction execute(TransferRequest request) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try { //@{2}TX-01
                BigDecimal balance = lockBalance(conn, request.getSourceIban());
                if (balance.compareTo(request.getAmount()) < 0) {
01|                    conn.rollback();
                    throw new InsufficientFundsException(request.getSourceIban(), request.getAmount());
                }
                move(conn, request.getSourceIban(), request.getAmount().negate());
                move(conn, request.getDestinationIban(), request.getAmount());
                Transaction recorded = recorder.record(conn, request);
                conn.commit();
                log.info("Transfer {} booked", recorded.getId());
                return recorded;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TransferFailedException("transfer " + request.getTempId() + " failed", e);
        }
    }

    private static BigDecimal lockBalance(Connection conn, String iban) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT balance FROM account WHERE iban = ? FOR UPDATE")) {
            ps.setString(1, iban);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AccountNotFoundException(iban);
                }
                return rs.getBigDecimal(1);
            }
        }
    }

    private static void move(Connection conn, String iban, BigDecimal amount) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE account SET balance = balance + ? WHERE iban = ?")) {
            ps.setBigDecimal(1, amount);
            ps.setString(2, iban);
            ps.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'pawel-mackiewicz/BankApp/pull/252',
         src('info.mackiewicz.bankapp.system.banking.operations.service', 'TransferOperationService'),
         J('info.mackiewicz.bankapp.system.banking.operations.service', SLF4J + [
             'java.math.BigDecimal', 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
             'java.sql.SQLException', 'javax.sql.DataSource', 'org.slf4j.MDC'])(BANKAPP), [
             (1, 'java-00-bankapp-transfer-mdc-not-removed-on-failure',
              'an edit removes the transfer\'s MDC id only when the transfer succeeds, so a failed transfer leaves '
              'its id on the pooled thread and the next request logs under it', 'edit'),
             (2, 'java-00-bankapp-insufficient-funds-leaves-transaction-open',
              'an edit throws on insufficient funds without rolling back, so the source account\'s row lock stays '
              'held until the pooled connection is reused', 'edit'),
             (0, 'java-ok-00-bankapp-transfer-mdc-removed-in-finally',
              'clean: the fix removes the MDC id in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: quote parser thread of a market-data streaming client (ZStreamingQuote)
ZSTREAMING = template('zstreamingquote-parser-thread', r'''
/**
 * Parses the binary frames the broker's websocket delivers into quotes and hands them to the storage. Runs on its
 * own thread, fed by the websocket's callback through a queue.
 */
public class StreamingQuoteParserThread implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StreamingQuoteParserThread.class);

    private final BlockingQueue<ByteBuffer> frames;
    private final QuoteStorage storage;
    private volatile boolean running = true;
    private Thread thread;

    public StreamingQuoteParserThread(BlockingQueue<ByteBuffer> frames, QuoteStorage storage) {
        this.frames = frames;
        this.storage = storage;
    }

    public void start() {
        thread = new Thread(this, "zsq-parser"); //@{1}CONC-01
02|        thread.setUncaughtExceptionHandler((t, e) -> log.error("quote parser thread died", e));
        thread.start();
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public void run() {
        while (running) {
            ByteBuffer frame;
            try {
                frame = frames.take();
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                log.warn("parser wait interrupted", e);
2|                continue;
            }
02|            try {
02|                storage.store(QuoteParser.parse(frame));
02|            } catch (RuntimeException e) {
02|                log.warn("dropping a frame of {} bytes the parser does not understand", frame.remaining(), e);
02|            }
1|            storage.store(QuoteParser.parse(frame));
        }
    }
}
''')
cases_of(case, GH + 'instruritesh/ZStreamingQuote/issues/3',
         src('com.zerodha.kite.streamingquote', 'StreamingQuoteParserThread'),
         J('com.zerodha.kite.streamingquote', SLF4J + ['java.nio.ByteBuffer',
                                                       'java.util.concurrent.BlockingQueue'])(ZSTREAMING), [
             (1, 'java-00-zstreamingquote-parser-thread-dies-on-bad-frame',
              'an edit starts the parser thread without its uncaught-exception handler and drops the per-frame '
              'catch, so the first frame the parser does not understand silently ends the quote feed', 'edit'),
             (2, 'java-00-zstreamingquote-parser-wait-swallows-interrupt',
              'an edit logs and swallows the interrupt of the frame wait, so stopping the stream cannot end a '
              'parser thread that keeps waiting', 'edit'),
             (0, 'java-ok-00-zstreamingquote-parser-thread-survives-bad-frame',
              'clean: the fix reports a dying parser thread and skips frames it cannot parse', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: polling loop of a crypto arbitrage bot, a new file (arbitrader)
ARBITRADER = template('arbitrader-spread-poller', r'''
/**
 * Polls the tickers of every configured exchange on a fixed rate and hands the spreads it sees to the trade
 * service. One failed poll must not end the schedule: exchanges time out and answer garbage regularly.
 */
public class SpreadPoller implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpreadPoller.class);

    private final List<ExchangeClient> exchanges;
    private final SpreadService spreads;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final long pollSeconds;

    public SpreadPoller(List<ExchangeClient> exchanges, SpreadService spreads, long pollSeconds) {
        this.exchanges = exchanges;
        this.spreads = spreads;
        this.pollSeconds = pollSeconds;
    }

    public void start() {
02|        scheduler.scheduleAtFixedRate(this::pollSafely, 0, pollSeconds, TimeUnit.SECONDS);
1|        scheduler.scheduleAtFixedRate(this::poll, 0, pollSeconds, TimeUnit.SECONDS); //@CONC-07
    }

02|    private void pollSafely() {
02|        try {
02|            poll();
02|        } catch (RuntimeException e) {
02|            LOGGER.warn("ticker poll failed; next poll in {}s", pollSeconds, e);
02|        }
02|    }
02|
    private void poll() {
        Map<CurrencyPair, List<Ticker>> byPair = new HashMap<>();
        for (ExchangeClient exchange : exchanges) {
            for (Ticker ticker : exchange.tickers()) {
2|                LOGGER.info("{} {} bid {} ask {}", exchange.name(), ticker.getCurrencyPair(), ticker.getBid(), ticker.getAsk()); //@LOG-01
                byPair.computeIfAbsent(ticker.getCurrencyPair(), p -> new ArrayList<>()).add(ticker);
            }
        }
        byPair.forEach(spreads::consider);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'agonyforge/arbitrader/pull/150', src('com.agonyforge.arbitrader.service', 'SpreadPoller'),
         J('com.agonyforge.arbitrader.service', SLF4J + [
             'java.util.ArrayList', 'java.util.HashMap', 'java.util.List', 'java.util.Map',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.knowm.xchange.currency.CurrencyPair',
             'org.knowm.xchange.dto.marketdata.Ticker'])(ARBITRADER), [
             (1, 'java-00-arbitrader-new-poller-dies-on-first-failure',
              'a new poller schedules its ticker poll without a catch, so the first exchange timeout silently '
              'stops all polling and the bot stops trading', 'new'),
             (2, 'java-00-arbitrader-new-poller-logs-every-ticker',
              'a new poller logs every ticker of every exchange at info on every poll, a line per pair and '
              'exchange every few seconds', 'new'),
             (0, 'java-ok-00-arbitrader-new-poller',
              'clean: a new poller whose scheduled run catches and logs a failed poll', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: order placement of an algo-trading app, renamed (zerodha-algo-trading)
ZERODHA = template('zerodha-order-service', r'''
/**
 * Places the orders a strategy decides on through the broker's API; a basket is placed in parallel, one task per
 * order, and the caller learns which orders went through.
 */
public class OrderService {
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final KiteConnect kite;
    private final ExecutorService executor;

    public OrderService(KiteConnect kite, ExecutorService executor) {
        this.kite = kite;
        this.executor = executor;
    }

    /** Places one order; empty when the broker refused it. */
    public Optional<String> place(OrderParams params) {
        try {
            Order order = kite.placeOrder(params, Constants.VARIETY_REGULAR);
            log.info("order {} placed for {}", order.orderId, params.tradingsymbol);
            return Optional.of(order.orderId);
02|        } catch (KiteException | IOException e) {
02|            log.error("order for {} failed", params.tradingsymbol, e);
02|            return Optional.empty();
02|        }
1|        } catch (KiteException | IOException e) { //@ERR-01
1|            log.error("order for {} failed: {}", params.tradingsymbol, e.getMessage());
1|            return Optional.empty();
1|        }
    }

    /** Places every order of the basket in parallel and returns the ids of those the broker accepted. */
    public List<String> placeBasket(List<OrderParams> basket) throws InterruptedException {
01|        List<Future<Optional<String>>> results = new ArrayList<>();
01|        for (OrderParams params : basket) {
01|            results.add(executor.submit(() -> place(params)));
01|        }
01|        List<String> placed = new ArrayList<>();
01|        for (Future<Optional<String>> result : results) {
01|            try {
01|                result.get().ifPresent(placed::add);
01|            } catch (ExecutionException e) {
01|                log.error("basket order task failed", e.getCause());
01|            }
01|        }
01|        return placed;
2|        List<String> placed = Collections.synchronizedList(new ArrayList<>());
2|        for (OrderParams params : basket) {
2|            executor.submit(() -> place(params).ifPresent(placed::add)); //@CONC-06
2|        }
2|        return placed;
    }
}
''')
ZERODHA_BASE = SLF4J + ['com.zerodhatech.kiteconnect.KiteConnect', 'com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException',
                        'com.zerodhatech.kiteconnect.utils.Constants', 'com.zerodhatech.models.Order',
                        'com.zerodhatech.models.OrderParams', 'java.io.IOException', 'java.util.ArrayList',
                        'java.util.List', 'java.util.Optional', 'java.util.concurrent.ExecutorService']
cases_of(case, GH + 'anandaanv/zerodha-algo-trading/pull/80', src('com.dtech.algo.service', 'OrderService'),
         JV('com.dtech.algo.service', {0: ZERODHA_BASE + ['java.util.concurrent.ExecutionException',
                                                          'java.util.concurrent.Future'],
                                       1: ZERODHA_BASE + ['java.util.concurrent.ExecutionException',
                                                          'java.util.concurrent.Future'],
                                       2: ZERODHA_BASE + ['java.util.Collections']})(ZERODHA), [
             (1, 'java-00-zerodha-renamed-order-service-failure-cause-dropped',
              'a PR renames the trade service to an order service and logs a refused order by its message alone, '
              'dropping the exception and its stack trace', 'rename'),
             (2, 'java-00-zerodha-renamed-order-service-basket-futures-dropped',
              'a PR renames the trade service to an order service and fires the basket\'s orders without keeping '
              'their futures, so the caller gets an incomplete list and a failed task disappears', 'rename'),
             (0, 'java-ok-00-zerodha-renamed-order-service',
              'clean: the rename alone; refused orders are logged with their exception and the basket waits for '
              'every order', 'rename'),
         ], rename_from='src/main/java/com/dtech/algo/service/TradeService.java',
         rename_old=lambda t: t.replace('OrderService', 'TradeService'))


# ---------------------------------------------------------------- TIME-01 / CONC-02: booking confirmations of a B&B booking platform, a new file (restful-booker-platform)
RESTFULBOOKER = template('restful-booker-confirmations', r'''
/**
 * Sends the confirmation message of a new booking without holding up the booking request: messages go out on a
 * small pool whose queue is bounded, so a slow mail relay pushes back on bookings instead of filling the heap.
 */
@Service
public class BookingConfirmations {
    private static final Logger logger = LoggerFactory.getLogger(BookingConfirmations.class);

    private final MessageClient messages;
01|    private final ExecutorService pool = new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS,
01|            new ArrayBlockingQueue<>(200), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private final ExecutorService pool = Executors.newFixedThreadPool(2); //@CONC-02

    public BookingConfirmations(MessageClient messages) {
        this.messages = messages;
    }

    public void confirm(Booking booking, String roomName) {
        Message message = new Message();
        message.setEmail(booking.getEmail());
        message.setSubject("Your booking of " + roomName);
02|        message.setSentAt(OffsetDateTime.now(ZoneOffset.UTC));
1|        message.setSentAt(LocalDateTime.now().atOffset(ZoneOffset.UTC)); //@TIME-01
        message.setDescription("Check-in " + booking.getBookingDates().getCheckin()
                + ", check-out " + booking.getBookingDates().getCheckout() + ".");
        pool.execute(() -> {
            try {
                messages.send(message);
            } catch (RuntimeException e) {
                logger.warn("confirmation of booking {} not sent", booking.getBookingid(), e);
            }
        });
    }

    @PreDestroy
    public void shutdown() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            logger.warn("{} confirmations still queued at shutdown", pool.shutdownNow().size());
        }
    }
}
''')
RESTFULBOOKER_BASE = SLF4J + ['com.automationintesting.model.db.Booking', 'com.automationintesting.model.db.Message',
                              'java.time.ZoneOffset', 'java.util.concurrent.ExecutorService',
                              'java.util.concurrent.TimeUnit', 'javax.annotation.PreDestroy',
                              'org.springframework.stereotype.Service']
cases_of(case, GH + 'mwinteringham/restful-booker-platform/pull/131',
         'booking/' + src('com.automationintesting.service', 'BookingConfirmations'),
         JV('com.automationintesting.service', {
             0: RESTFULBOOKER_BASE + ['java.time.OffsetDateTime', 'java.util.concurrent.ArrayBlockingQueue',
                                      'java.util.concurrent.ThreadPoolExecutor'],
             1: RESTFULBOOKER_BASE + ['java.time.LocalDateTime', 'java.util.concurrent.ArrayBlockingQueue',
                                      'java.util.concurrent.ThreadPoolExecutor'],
             2: RESTFULBOOKER_BASE + ['java.time.OffsetDateTime', 'java.util.concurrent.Executors']})(RESTFULBOOKER), [
             (1, 'java-00-restful-booker-new-confirmations-stamped-in-local-time',
              'a new confirmation service stamps each message with the server\'s local wall-clock time labelled '
              'as UTC, so every confirmation sent from a server outside UTC carries a wrong time', 'new'),
             (2, 'java-00-restful-booker-new-confirmations-unbounded-pool',
              'a new confirmation service sends messages on a fixed pool with an unbounded queue, so a stalled '
              'mail relay lets pending confirmations grow until the heap runs out', 'new'),
             (0, 'java-ok-00-restful-booker-new-confirmations',
              'clean: a new confirmation service stamped in UTC and sending on a bounded pool', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-01: quote requests of a stock-quote library, CRLF (yahoofinance-api)
YAHOO = template('yahoofinance-quotes-request', r'''
/**
 * Requests quotes of a batch of symbols from the quotes CSV service and parses one line per symbol. The last-trade
 * time is given in the exchange's own zone, which depends on where the symbol is listed.
 */
public class QuotesRequest {
    private static final Logger log = Logger.getLogger(QuotesRequest.class.getName());

    private final String symbols;
    private final TimeZone exchangeZone;

    public QuotesRequest(String symbols, TimeZone exchangeZone) {
        this.symbols = symbols;
        this.exchangeZone = exchangeZone;
    }

    public List<StockQuote> getResult() throws IOException {
        URL request = new URL(YahooFinance.QUOTES_BASE_URL + "?s=" + URLEncoder.encode(symbols, "UTF-8")
                + "&f=sl1d1t1&e=.csv");
        URLConnection connection = request.openConnection();
        connection.setConnectTimeout(YahooFinance.CONNECTION_TIMEOUT);
        connection.setReadTimeout(YahooFinance.CONNECTION_TIMEOUT);
        List<StockQuote> result = new ArrayList<>();
01|        try (BufferedReader reader = new BufferedReader(
01|                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
01|            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
01|                result.add(parse(line));
01|            }
01|        }
2|        BufferedReader reader = new BufferedReader( //@RES-01
2|                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
2|        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
2|            result.add(parse(line));
2|        }
        log.fine(() -> "read " + result.size() + " quotes");
        return result;
    }

    private StockQuote parse(String line) {
        String[] fields = line.split(",");
        StockQuote quote = new StockQuote(unquote(fields[0]));
        quote.setPrice(new BigDecimal(fields[1]));
        quote.setLastTradeTime(parseDateTime(unquote(fields[2]), unquote(fields[3])));
        return quote;
    }

    private Calendar parseDateTime(String date, String time) {
        SimpleDateFormat format = new SimpleDateFormat("M/d/yyyy h:mma", Locale.US); //@{1}TIME-01
02|        format.setTimeZone(exchangeZone);
        try {
            Calendar c = Calendar.getInstance(exchangeZone);
            c.setTime(format.parse(date + " " + time));
            return c;
        } catch (ParseException e) {
            log.log(Level.WARNING, "unparseable last-trade time " + date + " " + time, e);
            return null;
        }
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }
}
''')
cases_of(case, GH + 'sstrickx/yahoofinance-api/issues/14', src('yahoofinance.quotes', 'QuotesRequest'),
         J('yahoofinance.quotes', ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
                                   'java.math.BigDecimal', 'java.net.URL', 'java.net.URLConnection',
                                   'java.net.URLEncoder', 'java.nio.charset.StandardCharsets',
                                   'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.ArrayList',
                                   'java.util.Calendar', 'java.util.List', 'java.util.Locale', 'java.util.TimeZone',
                                   'java.util.logging.Level', 'java.util.logging.Logger',
                                   'yahoofinance.YahooFinance'])(YAHOO), [
             (1, 'java-00-yahoofinance-last-trade-time-in-default-zone',
              'an edit drops the exchange\'s zone from the last-trade time format, so quotes of a Singapore listing '
              'are read as New York or server time and come out hours off', 'edit'),
             (2, 'java-00-yahoofinance-quotes-reader-never-closed',
              'an edit reads the quotes answer through a reader it never closes, so every batch request leaves '
              'its connection\'s stream open', 'edit'),
             (0, 'java-ok-00-yahoofinance-last-trade-time-in-exchange-zone',
              'clean: the fix parses the last-trade time in the exchange\'s zone', 'fix'),
         ], crlf=True)
