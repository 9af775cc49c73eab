"""Round-109 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP client of a billing platform's plugin framework (killbill), with a test
KILLBILL = template('killbill-plugin-http-client', r'''
/**
 * Base HTTP client of the payment plugins (gateways, tax and fraud services). One instance is built per plugin
 * configuration and shared by every call the plugin makes, so its connection pool and its timeouts apply to all of
 * them; a gateway that stops answering must fail the payment call, not hold a Kill Bill thread.
 */
public class HttpClient implements Closeable {

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_READ_TIMEOUT_MS = 60_000;

    protected final String url;
    protected final String username;
    protected final String password;
    private final Duration readTimeout;
01|    private final java.net.http.HttpClient httpClient;
2|    private final Duration connectTimeout;

    public HttpClient(final String url, final String username, final String password,
                      final int connectTimeoutMs, final int readTimeoutMs) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.readTimeout = Duration.ofMillis(readTimeoutMs > 0 ? readTimeoutMs : DEFAULT_READ_TIMEOUT_MS);
01|        this.httpClient = java.net.http.HttpClient.newBuilder() //@{1}TMO-01
0|                .connectTimeout(Duration.ofMillis(connectTimeoutMs > 0 ? connectTimeoutMs : DEFAULT_CONNECT_TIMEOUT_MS))
01|                .followRedirects(Redirect.NORMAL)
01|                .build();
2|        this.connectTimeout = Duration.ofMillis(connectTimeoutMs > 0 ? connectTimeoutMs : DEFAULT_CONNECT_TIMEOUT_MS);
    }

    Duration readTimeout() {
        return readTimeout;
    }

    protected <T> T doCall(final String verb, final String uri, final String body,
                           final Map<String, String> headers, final Class<T> clazz)
            throws IOException, InterruptedException, InvalidRequest {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + uri))
02|                .timeout(readTimeout)
                .method(verb, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (username != null && password != null) {
            request.header("Authorization", basicAuthorization(username, password));
        }
01|        final HttpResponse<InputStream> response = httpClient.send(request.build(), BodyHandlers.ofInputStream());
2|        final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build(); //@RES-04
2|        final HttpResponse<InputStream> response = client.send(request.build(), BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 400) {
                throw new InvalidRequest("HTTP " + response.statusCode() + " from " + uri, response.statusCode());
            }
            return deserialize(in, clazz);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient releases its pool when it becomes unreachable
    }
}
''')
_KB_BASE = ['java.io.Closeable', 'java.io.IOException', 'java.io.InputStream', 'java.net.URI',
            'java.net.http.HttpRequest', 'java.net.http.HttpRequest.BodyPublishers', 'java.net.http.HttpResponse',
            'java.net.http.HttpResponse.BodyHandlers', 'java.time.Duration', 'java.util.Map']
KILLBILL_TEST = f('src/test/java/org/killbill/billing/plugin/util/http/TestHttpClient.java', new=java(
    'org.killbill.billing.plugin.util.http', ['java.time.Duration', 'org.testng.Assert', 'org.testng.annotations.Test'], r'''
public class TestHttpClient {

    @Test(groups = "fast")
    public void testDefaultReadTimeoutWhenUnset() {
        final HttpClient client = new HttpClient("http://127.0.0.1:8080", "admin", "password", 0, 0);
        Assert.assertEquals(client.readTimeout(), Duration.ofMillis(HttpClient.DEFAULT_READ_TIMEOUT_MS));
    }

    @Test(groups = "fast")
    public void testConfiguredReadTimeoutIsKept() {
        final HttpClient client = new HttpClient("http://127.0.0.1:8080", "admin", "password", 1_000, 5_000);
        Assert.assertEquals(client.readTimeout(), Duration.ofMillis(5_000));
    }
}
'''))
cases_of(case, GH + 'killbill/killbill-plugin-framework-java/pull/28',
         src('org.killbill.billing.plugin.util.http', 'HttpClient'),
         JV('org.killbill.billing.plugin.util.http', {0: _KB_BASE + ['java.net.http.HttpClient.Redirect'],
                                                      1: _KB_BASE + ['java.net.http.HttpClient.Redirect'],
                                                      2: _KB_BASE})(KILLBILL), [
             (1, 'java-00-killbill-plugin-http-client-without-timeouts',
              'an edit builds the plugins\' HTTP client without a connect timeout and sends requests without a '
              'read timeout, so a gateway that stops answering holds the payment thread', 'edit', [KILLBILL_TEST]),
             (2, 'java-00-killbill-plugin-http-client-per-call',
              'an edit builds a new java.net.http client for every plugin call, so no call to a gateway reuses a '
              'connection', 'edit', [KILLBILL_TEST]),
             (0, 'java-ok-00-killbill-plugin-http-client-timeouts',
              'clean: the fix gives the shared client its connect timeout and every request the read timeout', 'fix',
              [KILLBILL_TEST]),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: timestamp parsing of a stock broker's trading API client (javakiteconnect)
KITE = template('kiteconnect-dates', r'''
/**
 * Kite Connect API client. One instance is shared by a trading application's threads; order, trade and quote answers
 * carry exchange timestamps in Indian Standard Time without an offset.
 */
public class KiteConnect {
    private static final String DATE_PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final TimeZone IST = TimeZone.getTimeZone("Asia/Kolkata");
1|    private static final SimpleDateFormat TIMESTAMP_FORMAT = new SimpleDateFormat(DATE_PATTERN);
1|
1|    static {
1|        TIMESTAMP_FORMAT.setTimeZone(IST);
1|    }

    private final String apiKey;
    private final KiteRequestHandler kiteRequestHandler;
    private final Gson gson;

    public KiteConnect(String apiKey, Proxy userProxy, boolean enableDebugLog) {
        this.apiKey = apiKey;
        this.kiteRequestHandler = new KiteRequestHandler(userProxy);
        GsonBuilder gsonBuilder = new GsonBuilder();
        gsonBuilder.registerTypeAdapter(Date.class, new JsonDeserializer<Date>() {
            @Override
            public Date deserialize(JsonElement json, Type typeOfT, JsonDeserializationContext context)
                    throws JsonParseException {
                try {
02|                    SimpleDateFormat format = new SimpleDateFormat(DATE_PATTERN); //@{2}TIME-01
0|                    format.setTimeZone(IST);
02|                    return format.parse(json.getAsString());
1|                    return TIMESTAMP_FORMAT.parse(json.getAsString()); //@CONC-03
                } catch (ParseException e) {
                    throw new JsonParseException("Kite timestamp not in " + DATE_PATTERN + ": " + json, e);
                }
            }
        });
        this.gson = gsonBuilder.create();
    }

    public List<Order> getOrders() throws KiteException, IOException, JSONException {
        String url = routes.get("orders");
        JSONObject response = kiteRequestHandler.getRequest(url, apiKey, accessToken);
        return Arrays.asList(gson.fromJson(String.valueOf(response.get("data")), Order[].class));
    }
}
''')
_KITE = ['com.google.gson.Gson', 'com.google.gson.GsonBuilder', 'com.google.gson.JsonDeserializationContext',
         'com.google.gson.JsonDeserializer', 'com.google.gson.JsonElement', 'com.google.gson.JsonParseException',
         'com.zerodhatech.kiteconnect.kitehttp.KiteRequestHandler', 'com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException',
         'com.zerodhatech.models.Order', 'java.io.IOException', 'java.lang.reflect.Type', 'java.net.Proxy',
         'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Arrays', 'java.util.Date',
         'java.util.List', 'java.util.TimeZone', 'org.json.JSONException', 'org.json.JSONObject']
cases_of(case, GH + 'zerodha/javakiteconnect/issues/5', 'kiteconnect/src/com/zerodhatech/kiteconnect/KiteConnect.java',
         J('com.zerodhatech.kiteconnect', _KITE)(KITE), [
             (1, 'java-00-kiteconnect-shared-timestamp-format',
              'an edit parses every answer\'s timestamps with one static SimpleDateFormat shared by the trading '
              'threads, so concurrent order and trade calls corrupt each other\'s dates', 'edit'),
             (2, 'java-00-kiteconnect-timestamps-in-host-zone',
              'an edit drops the IST zone of the per-call timestamp format, so order times are read in the zone of '
              'the machine running the strategy', 'edit'),
             (0, 'java-ok-00-kiteconnect-timestamp-format-per-call',
              'clean: the fix builds the IST timestamp format per call', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: server dates of a crypto payments Android SDK (kin-ecosystem-android-sdk)
KIN = template('kin-date-util', r'''
/**
 * Converts the ISO-8601 dates of the marketplace server (order and offer expiry, payment confirmation time). Order
 * callbacks and the offer list are parsed on different background threads.
 */
public final class DateUtil {

    private static final String ISO_8601 = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
02|    private static final ThreadLocal<SimpleDateFormat> SERVER_FORMAT = new ThreadLocal<SimpleDateFormat>() {
02|        @Override
02|        protected SimpleDateFormat initialValue() {
02|            SimpleDateFormat format = new SimpleDateFormat(ISO_8601, Locale.US);
02|            format.setTimeZone(TimeZone.getTimeZone("UTC"));
02|            return format;
02|        }
02|    };
1|    private static final SimpleDateFormat SERVER_FORMAT = new SimpleDateFormat(ISO_8601, Locale.US);

    private DateUtil() {
    }

    /** Milliseconds since the epoch of a server date; a date the server should never send is a programming error. */
    public static long toMillis(@NonNull String serverDate) {
        try {
02|            return SERVER_FORMAT.get().parse(serverDate).getTime();
1|            SERVER_FORMAT.setTimeZone(TimeZone.getTimeZone("UTC")); //@CONC-03
1|            return SERVER_FORMAT.parse(serverDate).getTime();
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("server date not in " + ISO_8601 + ": " + serverDate, e);
2|            return 0L;
        }
    }

    public static boolean isExpired(@NonNull String expiration, long nowMillis) {
        return toMillis(expiration) <= nowMillis;
    }
}
''')
cases_of(case, GH + 'kinecosystem/kin-ecosystem-android-sdk/pull/221',
         'core/' + src('com.kin.ecosystem.core.util', 'DateUtil'),
         J('com.kin.ecosystem.core.util', ['android.support.annotation.NonNull', 'java.text.ParseException',
                                           'java.text.SimpleDateFormat', 'java.util.Locale', 'java.util.TimeZone'])(KIN), [
             (1, 'java-00-kin-shared-format-zone-set-per-call',
              'an edit shares one SimpleDateFormat between the SDK\'s background threads and sets its zone on every '
              'call, so an order callback and the offer list parse into each other\'s dates', 'edit'),
             (2, 'java-00-kin-unparseable-server-date-becomes-zero',
              'an edit turns a server date that does not parse into 0, so an offer with a broken expiry counts as '
              'expired in 1970 and nobody hears of it', 'edit'),
             (0, 'java-ok-00-kin-server-format-per-thread',
              'clean: the fix gives each thread its own UTC format', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: JSON-RPC service of a blockchain payments SDK (ckb-sdk-java)
CKB = template('ckb-http-service', r'''
/**
 * Sends JSON-RPC requests to a CKB node. The wallet and payment APIs share one service instance and its OkHttp
 * connection pool; every answer, a JSON-RPC error or an HTTP error alike, must give its connection back.
 */
public class HttpService {
    private static final Logger log = LoggerFactory.getLogger(HttpService.class);
    private static final MediaType JSON_MEDIA_TYPE = MediaType.parse("application/json; charset=utf-8");

    private final OkHttpClient httpClient;
    private final String url;
    private final Gson gson;

    public HttpService(String url, OkHttpClient httpClient, Gson gson) {
        this.url = url;
        this.httpClient = httpClient;
        this.gson = gson;
    }

    public <T> T post(String method, List<?> params, Type resultType) throws IOException {
        String payload = gson.toJson(new RequestParams(method, params));
01|        log.debug("ckb rpc request {}: {}", method, payload);
2|        log.debug("ckb rpc request " + method + ": " + payload); //@LOG-02
        Request request = new Request.Builder().url(url).post(RequestBody.create(payload, JSON_MEDIA_TYPE)).build();
02|        try (Response response = httpClient.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new IOException("ckb rpc " + method + " failed with HTTP " + response.code());
02|            }
02|            return decode(method, response.body().string(), resultType);
02|        }
1|        Response response = httpClient.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException("ckb rpc " + method + " failed with HTTP " + response.code());
1|        }
1|        return decode(method, response.body().string(), resultType);
    }

    private <T> T decode(String method, String body, Type resultType) throws IOException {
        ResponseParams<T> answer = gson.fromJson(body, TypeToken.getParameterized(ResponseParams.class, resultType).getType());
        if (answer.error != null) {
            throw new IOException("ckb rpc " + method + ": " + answer.error.message + " (" + answer.error.code + ")");
        }
        return answer.result;
    }
}
''')
cases_of(case, GH + 'nervosnetwork/ckb-sdk-java/pull/544', 'core/' + src('org.nervos.ckb.service', 'HttpService'),
         J('org.nervos.ckb.service', SLF4J + ['com.google.gson.Gson', 'com.google.gson.reflect.TypeToken',
                                             'java.io.IOException', 'java.lang.reflect.Type', 'java.util.List',
                                             'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                                             'okhttp3.RequestBody', 'okhttp3.Response'])(CKB), [
             (1, 'java-00-ckb-rpc-response-left-open-on-http-error',
              'an edit takes the RPC response out of its try-with-resources, so every HTTP error answer of the node '
              'keeps its connection out of the pool', 'edit'),
             (2, 'java-00-ckb-rpc-debug-payload-concatenated',
              'an edit concatenates every RPC payload into its debug message, building the string for each call '
              'of the wallet even with debug logging off', 'edit'),
             (0, 'java-ok-00-ckb-rpc-response-closed',
              'clean: the fix closes the RPC response on every answer', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-01: invoice issuing of an invoicing library (billy), CRLF file
BILLY = template('billy-invoice-issuing', r'''
/**
 * Issues Portuguese invoices: numbers the document in its series, stamps its issue date and persists it. The local
 * issue date printed on the invoice and reported in the SAF-T file is the date in the business's time zone.
 */
public abstract class PTGenericInvoiceIssuingHandler<T extends PTGenericInvoiceEntity, P extends PTIssuingParams>
        extends PTGenericIssuingHandler<T, P> {

    private final EntityManager entityManager;

    protected PTGenericInvoiceIssuingHandler(Injector injector, EntityManager entityManager) {
        super(injector);
        this.entityManager = entityManager;
    }

    protected <D extends AbstractDAOPTGenericInvoice<T>> T issue(final T document, final P parameters, final D daoInvoice,
                                                              final TYPE documentType) throws DocumentIssuingException {
        final String series = parameters.getInvoiceSeries();
        final Integer seriesNumber = this.nextSeriesNumber(daoInvoice, document.getBusiness(), series, documentType);
        final Date issueDate = new Date();
02|        final ZoneId timezone = document.getBusiness().getTimezone();

        document.setSeries(series);
        document.setSeriesNumber(seriesNumber);
        document.setNumber(String.format("%s %s/%d", documentType.toString(), series, seriesNumber));
        document.setDate(issueDate);
02|        document.setLocalDate(LocalDate.ofInstant(issueDate.toInstant(), timezone));
1|        document.setLocalDate(LocalDate.now()); //@TIME-01
        document.setHash(this.generateHash(document, parameters));

        final EntityTransaction tx = this.entityManager.getTransaction(); //@{2}TX-01
        tx.begin();
01|        try {
01|            daoInvoice.create(document);
01|            tx.commit();
01|        } catch (final RuntimeException e) {
01|            tx.rollback();
01|            throw new DocumentIssuingException(e);
01|        }
2|        daoInvoice.create(document);
2|        tx.commit();
        return document;
    }
}
''')
_BILLY_BASE = ['com.google.inject.Injector', 'com.premiumminds.billy.core.services.exceptions.DocumentIssuingException',
               'com.premiumminds.billy.portugal.persistence.dao.AbstractDAOPTGenericInvoice',
               'com.premiumminds.billy.portugal.persistence.entities.PTGenericInvoiceEntity',
               'com.premiumminds.billy.portugal.persistence.entities.PTGenericInvoiceEntity.TYPE',
               'com.premiumminds.billy.portugal.services.documents.util.PTIssuingParams',
               'java.time.LocalDate', 'java.util.Date', 'javax.persistence.EntityManager',
               'javax.persistence.EntityTransaction']
cases_of(case, GH + 'premium-minds/billy/pull/441',
         'billy-portugal/' + src('com.premiumminds.billy.portugal.services.documents', 'PTGenericInvoiceIssuingHandler'),
         JV('com.premiumminds.billy.portugal.services.documents', {0: _BILLY_BASE + ['java.time.ZoneId'],
                                                                   1: _BILLY_BASE,
                                                                   2: _BILLY_BASE + ['java.time.ZoneId']})(BILLY), [
             (1, 'java-00-billy-invoice-local-date-in-server-zone',
              'an edit stamps the invoice\'s local issue date in the server\'s default zone, so an invoice issued '
              'near midnight carries another day than the business\'s and the SAF-T report', 'edit'),
             (2, 'java-00-billy-invoice-transaction-not-rolled-back',
              'an edit persists the issued invoice without rolling its transaction back when the insert fails, so '
              'the failed transaction stays open on the shared entity manager', 'edit'),
             (0, 'java-ok-00-billy-invoice-local-date-in-business-zone',
              'clean: the fix stamps the local issue date in the business\'s time zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / CONC-01: websocket channel of a bitcoin CoinShuffle client (Shufflepuff), new file
SHUFFLE = template('shufflepuff-ws-channel', r'''
/**
 * Client side of a websocket channel between CoinShuffle players. openSession starts the reader thread and waits
 * until the connection is open; a protocol round that is cancelled interrupts the waiting player thread.
 */
public class WebsocketClientChannel {
    private static final Logger log = LogManager.getLogger(WebsocketClientChannel.class);
    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    private final URI uri;
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile WebsocketClientEndpoint endpoint;

    public WebsocketClientChannel(URI uri) {
        this.uri = uri;
    }

    public WebsocketSession openSession(Listener<URI, Bytestring> listener) throws IOException {
        Thread reader = new Thread(() -> readLoop(listener), "ws-reader-" + uri.getHost()); //@{2}CONC-01
01|        reader.setUncaughtExceptionHandler((t, e) -> {
01|            log.error("websocket reader for {} died", uri, e);
01|            closeAfterFailure();
01|        });
        reader.setDaemon(true);
        reader.start();
        try {
            if (!connected.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                reader.interrupt();
                throw new IOException("websocket to " + uri + " not open after " + CONNECT_TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) { //@{1}CONC-05
            reader.interrupt();
02|            Thread.currentThread().interrupt();
02|            throw new InterruptedIOException("interrupted while opening the websocket to " + uri);
1|            log.warn("interrupted while opening the websocket to {}", uri);
1|            return null;
        }
        return new WebsocketSession(uri, endpoint);
    }

    private void readLoop(Listener<URI, Bytestring> listener) {
        endpoint = new WebsocketClientEndpoint(uri, listener, connected::countDown);
        endpoint.run();
    }

    private void closeAfterFailure() {
        WebsocketClientEndpoint current = endpoint;
        if (current != null) {
            current.close();
        }
    }
}
''')
cases_of(case, GH + 'DanielKrawisz/Shufflepuff/pull/16', 'shuffler/' + src('com.shuffle.p2p', 'WebsocketClientChannel'),
         J('com.shuffle.p2p', ['com.shuffle.bitcoin.Bytestring', 'java.io.IOException', 'java.io.InterruptedIOException',
                               'java.net.URI', 'java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit',
                               'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(SHUFFLE), [
             (1, 'java-00-shufflepuff-ws-open-interrupt-lost',
              'a new file catches the interrupt of the connect wait, logs it and returns no session, so a cancelled '
              'shuffle round never learns its player thread was interrupted', 'new'),
             (2, 'java-00-shufflepuff-ws-reader-thread-without-handler',
              'a new file starts the websocket reader thread without an uncaught-exception handler, so a reader that '
              'dies leaves the channel open and silent', 'new'),
             (0, 'java-ok-00-shufflepuff-ws-channel',
              'clean: the channel restores the interrupt and its reader thread has a handler', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-07: exchange polling of a crypto trading terminal (orko), moved file
ORKO = template('orko-market-data-poll', r'''
/**
 * Polls the exchanges that have no streaming support for balances and open orders, once per loop interval. A
 * throttled or unreachable exchange fails every poll for as long as it lasts.
 */
public class MarketDataSubscriptionManager extends AbstractExecutionThreadService {

    private static final Logger LOGGER = LoggerFactory.getLogger(MarketDataSubscriptionManager.class);

    private final ExchangeService exchangeService;
    private final OrkoConfiguration configuration;
    private final ScheduledExecutorService scheduler;
02|    private final Map<String, Integer> balanceFailures = new ConcurrentHashMap<>();

    @Inject
    MarketDataSubscriptionManager(ExchangeService exchangeService, OrkoConfiguration configuration,
                                  ScheduledExecutorService scheduler) {
        this.exchangeService = exchangeService;
        this.configuration = configuration;
        this.scheduler = scheduler;
    }

    @Override
    protected void startUp() {
01|        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, configuration.getLoopSeconds(), TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::pollAllExchanges, 0, configuration.getLoopSeconds(), TimeUnit.SECONDS); //@CONC-07
    }

01|    private void pollSafely() {
01|        try {
01|            pollAllExchanges();
01|        } catch (RuntimeException e) {
01|            LOGGER.error("Exchange poll failed; next poll in {}s", configuration.getLoopSeconds(), e);
01|        }
01|    }
01|
    private void pollAllExchanges() {
        exchangeService.pollingExchanges().forEach(this::fetchBalances);
    }

    private void fetchBalances(String exchangeName) {
        try {
            Wallet wallet = exchangeService.get(exchangeName).getAccountService().getAccountInfo().getWallet();
            publishBalances(exchangeName, wallet);
02|            Integer failures = balanceFailures.remove(exchangeName);
02|            if (failures != null) {
02|                LOGGER.info("Balances on {} fetched again after {} failed polls", exchangeName, failures);
02|            }
        } catch (Exception e) {
02|            if (balanceFailures.merge(exchangeName, 1, Integer::sum) == 1) {
02|                LOGGER.error("Error fetching balance on {}; failures are counted until it recovers", exchangeName, e);
02|            }
1|            LOGGER.error("Error fetching balance on {}", exchangeName, e); //@LOG-01
        }
    }
}
''')
_ORKO_BASE = SLF4J + ['com.google.common.util.concurrent.AbstractExecutionThreadService', 'com.google.inject.Inject',
                      'com.gruelbox.orko.OrkoConfiguration', 'com.gruelbox.orko.exchange.ExchangeService',
                      'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                      'org.knowm.xchange.dto.account.Wallet']
cases_of(case, GH + 'gruelbox/orko/issues/89',
         'orko-app/' + src('com.gruelbox.orko.exchange.marketdata', 'MarketDataSubscriptionManager'),
         JV('com.gruelbox.orko.exchange.marketdata', {0: _ORKO_BASE + ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap'],
                                                      1: _ORKO_BASE,
                                                      2: _ORKO_BASE + ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap']})(ORKO), [
             (1, 'java-00-orko-moved-balance-error-logged-every-poll',
              'a moved file (marketdata into exchange.marketdata) logs the balance error with its stack trace on '
              'every poll, a full trace per interval for as long as the exchange throttles', 'rename'),
             (2, 'java-00-orko-moved-poll-scheduled-unguarded',
              'a moved file (marketdata into exchange.marketdata) schedules the exchange poll without a catch, so '
              'one unexpected exception ends polling for good', 'rename'),
             (0, 'java-ok-00-orko-moved-market-data-poll',
              'clean: the move alone; failures are counted and logged once and the poll is guarded', 'rename'),
         ], rename_from='orko-app/' + src('com.gruelbox.orko.marketdata', 'MarketDataSubscriptionManager'),
         rename_old=lambda t: t.replace('package com.gruelbox.orko.exchange.marketdata;',
                                        'package com.gruelbox.orko.marketdata;'))


# ---------------------------------------------------------------- RES-01 / CONC-06: exchange client endpoint of a price aggregator (ftso-prices-aggregator)
FTSO = template('ftso-client-endpoint', r'''
/**
 * Base of every exchange's websocket client. onOpen runs again after each reconnect; the message-timeout check is
 * one periodic task per client, replaced on reconnect, and at most one reconnect waits behind the running one.
 */
public abstract class AbstractClientEndpoint {
    private static final Logger log = LoggerFactory.getLogger(AbstractClientEndpoint.class);
    private static final long MESSAGE_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(2);

02|    private final ScheduledExecutorService timeoutChecker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService reconnectExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.DiscardPolicy());
02|    private ScheduledFuture<?> timeoutCheck;
    private volatile long lastMessageTime;
    protected Session userSession;

    @OnOpen
    public void onOpen(Session session) {
        this.userSession = session;
        this.lastMessageTime = System.currentTimeMillis();
        subscribe();
02|        synchronized (this) {
02|            if (timeoutCheck != null) {
02|                timeoutCheck.cancel(false);
02|            }
02|            timeoutCheck = timeoutChecker.scheduleAtFixedRate(this::checkMessageTimeout, 1, 1, TimeUnit.MINUTES);
02|        }
1|        ScheduledExecutorService timeoutChecker = Executors.newSingleThreadScheduledExecutor(); //@RES-01
1|        timeoutChecker.scheduleAtFixedRate(this::checkMessageTimeout, 1, 1, TimeUnit.MINUTES);
    }

    @OnMessage
    public void onMessage(String message) {
        lastMessageTime = System.currentTimeMillis();
        onMessageReceived(message);
    }

    private void checkMessageTimeout() {
        try {
            if (System.currentTimeMillis() - lastMessageTime > MESSAGE_TIMEOUT_MS) {
                log.warn("{}: no message for {} ms, reconnecting", getExchange(), MESSAGE_TIMEOUT_MS);
                reconnect();
            }
        } catch (RuntimeException e) {
            log.error("{}: message timeout check failed", getExchange(), e);
        }
    }

    private void reconnect() {
01|        CompletableFuture.runAsync(this::connect, reconnectExecutor).whenComplete((ignored, e) -> {
01|            if (e != null) {
01|                log.error("{}: reconnect failed", getExchange(), e);
01|            }
01|        });
2|        reconnectExecutor.submit(this::connect); //@CONC-06
    }

    public void shutdown() {
02|        timeoutChecker.shutdown();
        reconnectExecutor.shutdown();
    }

    protected abstract void connect();

    protected abstract void subscribe();

    protected abstract void onMessageReceived(String message);

    protected abstract String getExchange();
}
''')
_FTSO_BASE = SLF4J + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                      'java.util.concurrent.Executors', 'java.util.concurrent.ThreadPoolExecutor',
                      'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                      'javax.websocket.OnMessage', 'javax.websocket.OnOpen', 'javax.websocket.Session']
cases_of(case, GH + 'mouradski/ftso-prices-aggregator/pull/15',
         src('dev.mouradski.ftso.prices.client', 'AbstractClientEndpoint'),
         JV('dev.mouradski.ftso.prices.client', {0: _FTSO_BASE + ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ScheduledFuture'],
                                                 1: _FTSO_BASE + ['java.util.concurrent.CompletableFuture'],
                                                 2: _FTSO_BASE + ['java.util.concurrent.ScheduledFuture']})(FTSO), [
             (1, 'java-00-ftso-timeout-executor-per-connect',
              'an edit starts a new scheduled executor for the message-timeout check on every connect and never '
              'shuts the previous one down, so each reconnect leaves a thread and a duplicate check behind', 'edit'),
             (2, 'java-00-ftso-reconnect-future-dropped',
              'an edit submits the reconnect and drops its future, so a reconnect that fails is never logged and the '
              'exchange stays silent', 'edit'),
             (0, 'java-ok-00-ftso-timeout-check-replaced-on-connect',
              'clean: the fix keeps one checker and replaces its scheduled check on every connect', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-03: order service of a trading web UI (cf-SpringBootTrader)
TRADER = template('springboottrader-order', r'''
/**
 * Web UI side of order placement: forwards the order to the portfolio service and returns the saved order to the
 * controller, which shows it or the reason it could not be placed.
 */
@Service
public class MarketService {
    private static final Logger log = LoggerFactory.getLogger(MarketService.class);

    @Autowired
    @LoadBalanced
    private RestTemplate restTemplate;

    @Value("${pivotal.portfolioService.name}")
    private String portfolioService;

    public Order sendOrder(Order order, String requestId) throws OrderNotSavedException {
        try {
            ResponseEntity<Order> result = restTemplate.postForEntity(
                    "http://" + portfolioService + "/portfolio/{accountId}", order, Order.class, order.getAccountId());
            return result.getBody();
        } catch (RestClientException e) { //@{1}ERR-01
02|            log.warn("[{}] order for account {} on {} not placed: {}", requestId, order.getAccountId(),
02|                    order.getSymbol(), e.getMessage());
2|            log.warn("order not placed: {}", e.getMessage()); //@LOG-03
02|            throw new OrderNotSavedException("order not placed: " + e.getMessage(), e);
1|            return null;
        }
    }
}
''')
cases_of(case, GH + 'davpin/cf-SpringBootTrader/issues/4',
         'springboottrades-web/' + src('io.pivotal.web.service', 'MarketService'),
         J('io.pivotal.web.service', SLF4J + ['io.pivotal.web.domain.Order', 'io.pivotal.web.exception.OrderNotSavedException',
                                             'org.springframework.beans.factory.annotation.Autowired',
                                             'org.springframework.beans.factory.annotation.Value',
                                             'org.springframework.cloud.client.loadbalancer.LoadBalanced',
                                             'org.springframework.http.ResponseEntity',
                                             'org.springframework.stereotype.Service',
                                             'org.springframework.web.client.RestClientException',
                                             'org.springframework.web.client.RestTemplate'])(TRADER), [
             (1, 'java-00-springboottrader-failed-order-returns-null',
              'an edit catches the failed order call and returns null without a word, so the user gets an error '
              'page with no reason and the failure is in no log', 'edit'),
             (2, 'java-00-springboottrader-order-failure-logged-without-ids',
              'an edit logs the failed order without the request id, account or symbol, so the line cannot be tied '
              'to the user\'s request', 'edit'),
             (0, 'java-ok-00-springboottrader-failed-order-reported',
              'clean: the fix logs the failed order with its request id and raises OrderNotSavedException', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / OPS-01: market feed websocket of a broker API client (riko, Upstox)
RIKO = template('riko-websocket-service', r'''
/**
 * Upstox market and order feed. Messages read from the websocket are handed to the subscribers on the dispatcher
 * threads; close() is called when the trading session ends and must not lose the order updates already queued.
 */
public class WebSocketService implements AutoCloseable {
    private static final Logger log = LogManager.getLogger(WebSocketService.class);

    private final AtomicInteger threadCount = new AtomicInteger();
    private final ThreadPoolExecutor dispatcher = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024), this::newDispatchThread, new ThreadPoolExecutor.CallerRunsPolicy());
    private final SubmissionPublisher<String> publisher = new SubmissionPublisher<>(dispatcher, Flow.defaultBufferSize());

    public void subscribe(Flow.Subscriber<String> subscriber) {
        publisher.subscribe(subscriber);
    }

    void onMessage(String message) {
        publisher.submit(message);
    }

    private Thread newDispatchThread(Runnable task) {
        Thread thread = new Thread(task, "riko-feed-dispatch-" + threadCount.incrementAndGet()); //@{1}CONC-01
02|        thread.setUncaughtExceptionHandler((t, e) -> log.error("Upstox feed dispatcher {} died", t.getName(), e));
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        publisher.close();
01|        dispatcher.shutdown();
01|        try {
01|            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
01|                log.warn("Upstox feed dispatcher still busy after 5s; leaving its daemon threads to finish");
01|            }
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|        }
2|        dispatcher.shutdownNow(); //@OPS-01
    }
}
''')
cases_of(case, GH + 'rishabh9/riko/issues/1',
         src('com.github.rishabh9.riko.upstox.websockets', 'WebSocketService'),
         J('com.github.rishabh9.riko.upstox.websockets', ['java.util.concurrent.ArrayBlockingQueue',
                                                          'java.util.concurrent.Flow',
                                                          'java.util.concurrent.SubmissionPublisher',
                                                          'java.util.concurrent.ThreadPoolExecutor',
                                                          'java.util.concurrent.TimeUnit',
                                                          'java.util.concurrent.atomic.AtomicInteger',
                                                          'org.apache.logging.log4j.LogManager',
                                                          'org.apache.logging.log4j.Logger'])(RIKO), [
             (1, 'java-00-riko-dispatch-thread-without-handler',
              'an edit builds the feed dispatcher threads without an uncaught-exception handler, so a subscriber '
              'that throws kills its dispatcher with nothing but a stack trace on stderr', 'edit'),
             (2, 'java-00-riko-close-drops-queued-feed',
              'an edit closes the feed with shutdownNow, so order updates already queued for the subscribers are '
              'dropped when the trading session ends', 'edit'),
             (0, 'java-ok-00-riko-dispatch-thread-handler',
              'clean: the fix gives every dispatcher thread an uncaught-exception handler', 'fix'),
         ])
