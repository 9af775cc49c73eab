"""Round-55 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / RES-02: result poller of an analytics SaaS SDK (OpenGamma JavaSDK)
OPENGAMMA = template('opengamma-calculation-poller', r'''
/**
 * Waits for a submitted calculation of the OpenGamma service to finish, polling its status.
 */
public final class CalculationPoller {
    private static final Logger LOGGER = LoggerFactory.getLogger(CalculationPoller.class);

    private final OkHttpClient client;
    private final HttpUrl serviceUrl;
    private final AuthClient auth;

    public CalculationPoller(OkHttpClient client, HttpUrl serviceUrl, AuthClient auth) {
        this.client = client;
        this.serviceUrl = serviceUrl;
        this.auth = auth;
    }

    public JsonObject awaitResult(String calculationId, Duration pollInterval, int maxPolls) throws IOException {
        HttpUrl statusUrl = serviceUrl.newBuilder().addPathSegments("calculations/" + calculationId).build();
        for (int attempt = 1; attempt <= maxPolls; attempt++) {
            Request request = new Request.Builder()
                    .url(statusUrl)
                    .header("Authorization", "Bearer " + auth.accessToken())
                    .get()
                    .build();
01|            try (Response response = client.newCall(request).execute()) {
2|            try {
2|                Response response = client.newCall(request).execute(); //@RES-02
                if (!response.isSuccessful()) {
                    throw new IOException("Status of calculation " + calculationId + " failed: HTTP " + response.code());
                }
                JsonObject status = JsonParser.parseString(response.body().string()).getAsJsonObject();
                if ("COMPLETED".equals(status.get("status").getAsString())) {
                    return status;
                }
                LOGGER.debug("Calculation {} not finished after poll {}", calculationId, attempt);
            } catch (JsonParseException ex) {
                throw new IOException("Malformed status of calculation " + calculationId, ex);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException ex) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                throw new InterruptedIOException("Interrupted while waiting for calculation " + calculationId);
1|                LOGGER.debug("Interrupted while waiting for calculation {}, polling again", calculationId);
            }
        }
        throw new IOException("Calculation " + calculationId + " did not finish after " + maxPolls + " polls");
    }
}
''')
OG_BASE = SLF4J + ['com.google.gson.JsonObject', 'com.google.gson.JsonParseException', 'com.google.gson.JsonParser',
                   'com.opengamma.sdk.common.auth.AuthClient', 'java.io.IOException', 'java.time.Duration',
                   'okhttp3.HttpUrl', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response']
OG_IMPORTS = {0: OG_BASE + ['java.io.InterruptedIOException'], 1: OG_BASE,
              2: OG_BASE + ['java.io.InterruptedIOException']}
cases_of(case, GH + 'OpenGamma/JavaSDK/pull/45', 'sdk/' + src('com.opengamma.sdk.common', 'CalculationPoller'),
         JV('com.opengamma.sdk.common', OG_IMPORTS)(OPENGAMMA), [
             (1, 'java-00-opengamma-poll-interrupt-swallowed',
              'an edit catches the interrupt of the poll\'s sleep and polls on, so a caller that cancels the wait '
              'keeps a thread busy until the last poll', 'edit'),
             (2, 'java-00-opengamma-status-response-never-closed',
              'an edit drops the try-with-resources around each status answer, so every failed poll keeps a '
              'pooled connection', 'edit'),
             (0, 'java-ok-00-opengamma-poll-interrupt-restored',
              'clean: the fix restores the interrupt flag and stops waiting', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: request sender of an ads SaaS SDK (facebook-java-business-sdk)
FACEBOOK = template('facebook-business-request-sender', r'''
/**
 * Sends Graph API requests over HttpURLConnection for the SDK's request classes.
 */
public class DefaultRequestExecutor implements IRequestExecutor {
    private static final String USER_AGENT = APIConfig.USER_AGENT;

    @Override
    public ResponseWrapper sendGet(String apiUrl, Map<String, Object> allParams, APIContext context)
            throws APIException, IOException {
        URL url = new URL(RequestHelper.constructUrlString(apiUrl, allParams));
        context.log("Request:");
        context.log("GET: " + url.toString());
        HttpURLConnection con = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
        con.setRequestMethod("GET");
        con.setRequestProperty("User-Agent", USER_AGENT);
02|        con.setConnectTimeout(context.getConnectTimeoutMillis());
02|        con.setReadTimeout(context.getReadTimeoutMillis());
        con.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        return readResponse(con);
    }

    private static ResponseWrapper readResponse(HttpURLConnection con) throws APIException, IOException {
        int responseCode = con.getResponseCode();
        if (responseCode >= 400) {
            throw new APIException.FailedRequestException(readError(con));
        }
        StringBuilder response = new StringBuilder();
01|        try (BufferedReader in = new BufferedReader(new InputStreamReader(con.getInputStream(), StandardCharsets.UTF_8))) {
01|            String inputLine;
01|            while ((inputLine = in.readLine()) != null) {
01|                response.append(inputLine);
01|            }
01|        }
2|        BufferedReader in = new BufferedReader(new InputStreamReader(con.getInputStream(), StandardCharsets.UTF_8)); //@RES-01
2|        String inputLine;
2|        while ((inputLine = in.readLine()) != null) {
2|            response.append(inputLine);
2|        }
        return new ResponseWrapper(response.toString(), con.getHeaderField("X-FB-Debug"));
    }

    private static String readError(HttpURLConnection con) throws IOException {
        try (InputStream err = con.getErrorStream()) {
            return err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
''')
cases_of(case, GH + 'facebook/facebook-java-business-sdk/issues/366',
         src('com.facebook.ads.sdk', 'DefaultRequestExecutor'),
         J('com.facebook.ads.sdk', ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStream',
                                    'java.io.InputStreamReader', 'java.net.HttpURLConnection', 'java.net.URL',
                                    'java.nio.charset.StandardCharsets', 'java.util.Map'])(FACEBOOK), [
             (1, 'java-00-facebook-business-get-without-timeouts',
              'an edit drops the connect and read timeouts of the Graph API connection, so a stalled socket blocks '
              'the calling thread for good', 'edit'),
             (2, 'java-00-facebook-business-answer-stream-never-closed',
              'an edit reads the answer through a reader it never closes, so the connection is not given back to '
              'the keep-alive cache', 'edit'),
             (0, 'java-ok-00-facebook-business-get-with-timeouts',
              'clean: the fix sets the context\'s connect and read timeouts on every connection', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: plain-socket transport of an online-banking library (hbci4java), CRLF
HBCI = template('hbci-socket-transport', r'''
/**
 * Talks HBCI over a plain TCP connection to the bank's server (port 3000).
 */
public class CommStandard extends Comm {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public CommStandard(HBCIPassportInternal passport) {
        super(passport);
    }

    @Override
    protected void open(String host, int port) throws IOException {
        HBCIUtils.log("connecting to " + host + ":" + port, HBCIUtils.LOG_DEBUG);
02|        socket = new Socket();
02|        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
02|        socket.setSoTimeout(READ_TIMEOUT_MS);
1|        socket = new Socket(host, port); //@TMO-01
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    @Override
    protected byte[] exchange(byte[] message) {
        try {
            out.write(message);
            out.flush();
            byte[] header = in.readNBytes(HEADER_LENGTH);
            int length = parseMessageLength(header);
            byte[] rest = in.readNBytes(length - HEADER_LENGTH);
            byte[] answer = new byte[length];
            System.arraycopy(header, 0, answer, 0, HEADER_LENGTH);
            System.arraycopy(rest, 0, answer, HEADER_LENGTH, rest.length);
            return answer;
        } catch (IOException e) { //@{2}ERR-01
01|            throw new CommunicationException(HBCIUtils.getLocMsg("EXCMSG_SENDRECV"), e);
2|            return new byte[0];
        }
    }

    @Override
    protected void closeConnection() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
''')
HBCI_BASE = ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.Socket',
             'org.kapott.hbci.manager.HBCIUtils', 'org.kapott.hbci.passport.HBCIPassportInternal']
HBCI_IMPORTS = {0: HBCI_BASE + ['java.net.InetSocketAddress', 'org.kapott.hbci.exceptions.CommunicationException'],
                1: HBCI_BASE + ['org.kapott.hbci.exceptions.CommunicationException'],
                2: HBCI_BASE + ['java.net.InetSocketAddress']}
cases_of(case, GH + 'willuhn/hbci4java/pull/33', src('org.kapott.hbci.comm', 'CommStandard'),
         JV('org.kapott.hbci.comm', HBCI_IMPORTS)(HBCI), [
             (1, 'java-00-hbci-socket-without-timeouts',
              'an edit opens the bank connection with the plain Socket constructor, without a connect or read '
              'timeout, so an unanswering bank server hangs the dialog forever', 'edit'),
             (2, 'java-00-hbci-exchange-failure-swallowed',
              'an edit turns a failed send or receive into an empty answer, so a broken dialog is reported as a '
              'bank message that cannot be parsed', 'edit'),
             (0, 'java-ok-00-hbci-socket-with-timeouts',
              'clean: the fix connects with a connect timeout and sets a read timeout on the socket', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-02: schema lookup of a PostgreSQL JDBC driver (pgjdbc-ng)
PGJDBC = template('pgjdbc-ng-connection-schema', r'''
/**
 * The parts of the driver's connection that read session settings from the server.
 */
public class PGSessionSettings {
    private static final Logger logger = Logger.getLogger(PGSessionSettings.class.getName());

    private final PGDirectConnection connection;

    PGSessionSettings(PGDirectConnection connection) {
        this.connection = connection;
    }

    public String getSchema() throws SQLException {
        connection.checkClosed();
        return querySingle("SELECT current_schema()");
    }

    public String getSearchPath() throws SQLException {
        connection.checkClosed();
        return querySingle("SHOW search_path");
    }

    private String querySingle(String sql) throws SQLException {
01|        logger.log(Level.FINE, "Reading session setting with {0}", sql);
2|        logger.fine("Reading session setting with " + sql + " on " + connection.getServerInfo()); //@LOG-02
02|        try (Statement stmt = connection.createStatement();
02|             ResultSet rs = stmt.executeQuery(sql)) {
02|            return rs.next() ? rs.getString(1) : null;
02|        }
1|        Statement stmt = connection.createStatement(); //@RES-01
1|        ResultSet rs = stmt.executeQuery(sql);
1|        return rs.next() ? rs.getString(1) : null;
    }
}
''')
PGJDBC_BASE = ['java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement', 'java.util.logging.Logger']
PGJDBC_IMPORTS = {0: PGJDBC_BASE + ['java.util.logging.Level'], 1: PGJDBC_BASE + ['java.util.logging.Level'],
                  2: PGJDBC_BASE}
cases_of(case, GH + 'impossibl/pgjdbc-ng/issues/44', 'driver/' + src('com.impossibl.postgres.jdbc', 'PGSessionSettings'),
         JV('com.impossibl.postgres.jdbc', PGJDBC_IMPORTS)(PGJDBC), [
             (1, 'java-00-pgjdbc-ng-session-query-never-closed',
              'an edit reads session settings through a statement and result set it never closes, so every '
              'getSchema call leaves a server-side portal and a housekeeper warning behind', 'edit'),
             (2, 'java-00-pgjdbc-ng-session-query-log-concatenated',
              'an edit logs each session query by string concatenation, so the message and the server description '
              'are built on every call even with FINE off', 'edit'),
             (0, 'java-ok-00-pgjdbc-ng-session-query-closed',
              'clean: the fix closes statement and result set by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-04: route statistics of a web framework (helidon), renamed
HELIDON = template('helidon-route-stats-handler', r'''
/**
 * Counts requests per route and puts the request id into the logging context while the route runs.
 */
public final class RouteStatsHandler implements Handler {
    private static final String REQUEST_ID = "requestId";

    private final Map<String, Long> hitsByRoute = new HashMap<>();

    @Override
    public void accept(ServerRequest req, ServerResponse res) {
        String route = req.path().toString();
02|        synchronized (hitsByRoute) {
02|            hitsByRoute.merge(route, 1L, Long::sum);
02|        }
1|        hitsByRoute.merge(route, 1L, Long::sum); //@CONC-03
        String requestId = req.headers().first("X-Request-Id").orElseGet(() -> Long.toHexString(req.requestId()));
        MDC.put(REQUEST_ID, requestId); //@{2}CONC-04
01|        try {
01|            req.next();
01|        } finally {
01|            MDC.remove(REQUEST_ID);
01|        }
2|        req.next();
    }

    public Map<String, Long> snapshot() {
        synchronized (hitsByRoute) {
            return Map.copyOf(hitsByRoute);
        }
    }
}
''')
cases_of(case, GH + 'helidon-io/helidon/pull/2435',
         'webserver/webserver/' + src('io.helidon.webserver', 'RouteStatsHandler'),
         J('io.helidon.webserver', ['java.util.HashMap', 'java.util.Map', 'org.slf4j.MDC'])(HELIDON), [
             (1, 'java-00-helidon-renamed-route-hits-unsynchronised',
              'a PR renames the statistics handler and counts route hits in the shared map without its lock, so '
              'concurrent requests corrupt the HashMap', 'rename'),
             (2, 'java-00-helidon-renamed-request-id-left-in-mdc',
              'a PR renames the statistics handler and puts the request id into the MDC without removing it, so '
              'pooled server threads log later requests under an old id', 'rename'),
             (0, 'java-ok-00-helidon-renamed-stats-handler',
              'clean: the rename alone; hits counted under the lock, the request id removed in a finally block',
              'rename'),
         ], rename_from='webserver/webserver/' + src('io.helidon.webserver', 'RequestMetricsHandler'),
         rename_old=lambda t: t.replace('RouteStatsHandler', 'RequestMetricsHandler'))


# ---------------------------------------------------------------- CONC-03 / TIME-01: in-memory store of a gateway rate-limit starter (spring-cloud-zuul-ratelimit)
ZUULRL = template('zuul-ratelimit-in-memory', r'''
/**
 * Keeps the rate of every key in memory; used when no Redis or database is configured.
 */
public class InMemoryRateLimiter extends AbstractRateLimiter {
    private final Map<String, Rate> repository = new HashMap<>();

    public InMemoryRateLimiter(RateLimiterErrorHandler rateLimiterErrorHandler) {
        super(rateLimiterErrorHandler);
    }

    @Override
    protected Rate getRate(String key) {
        synchronized (repository) {
            return repository.get(key);
        }
    }

    @Override
    public Rate consume(Policy policy, String key, Long requestTime) {
        final Long refreshInterval = policy.getRefreshInterval();
        final Long quota = policy.getQuota() != null ? SECONDS.toMillis(policy.getQuota()) : null;
02|        synchronized (repository) {
02|            Rate rate = repository.get(key);
02|            if (rate == null || rate.getExpiration().before(new Date())) {
02|                rate = new Rate(key, policy.getLimit(), quota, SECONDS.toMillis(refreshInterval), expiration(refreshInterval));
02|            }
02|            updateRate(policy, rate, requestTime);
02|            repository.put(key, rate);
02|            return rate;
02|        }
1|        Rate rate = repository.get(key);
1|        if (rate == null || rate.getExpiration().before(new Date())) {
1|            rate = new Rate(key, policy.getLimit(), quota, SECONDS.toMillis(refreshInterval), expiration(refreshInterval));
1|        }
1|        updateRate(policy, rate, requestTime);
1|        repository.put(key, rate); //@CONC-03
1|        return rate;
    }

    private static Date expiration(long refreshIntervalSeconds) {
01|        return Date.from(Instant.now().plusSeconds(refreshIntervalSeconds));
2|        return Date.from(LocalDateTime.now().plusSeconds(refreshIntervalSeconds).toInstant(ZoneOffset.UTC)); //@TIME-01
    }
}
''')
ZUUL_BASE = ['com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.Rate',
             'com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.RateLimiterErrorHandler',
             'com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.properties.RateLimitProperties.Policy',
             'java.util.Date', 'java.util.HashMap', 'java.util.Map', 'static java.util.concurrent.TimeUnit.SECONDS']
ZUUL_IMPORTS = {0: ZUUL_BASE + ['java.time.Instant'], 1: ZUUL_BASE + ['java.time.Instant'],
                2: ZUUL_BASE + ['java.time.LocalDateTime', 'java.time.ZoneOffset']}
cases_of(case, GH + 'marcosbarbero/spring-cloud-zuul-ratelimit/pull/263',
         'spring-cloud-zuul-ratelimit-core/' + src('com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.repository',
                                                   'InMemoryRateLimiter'),
         JV('com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.repository', ZUUL_IMPORTS)(ZUULRL), [
             (1, 'java-00-zuul-ratelimit-rate-updated-without-lock',
              'an edit drops the lock around the read, update and store of a key\'s rate, so concurrent requests '
              'through the gateway race on the HashMap and undercount the limit', 'edit'),
             (2, 'java-00-zuul-ratelimit-expiry-from-local-wall-clock',
              'an edit computes a rate window\'s expiry from the local wall clock read as UTC, so on a gateway '
              'outside UTC windows end hours early or late', 'edit'),
             (0, 'java-ok-00-zuul-ratelimit-rate-updated-under-lock',
              'clean: the fix reads, updates and stores each rate under the repository\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: push sender of a Web Push library (webpush-java), new file
WEBPUSH = template('webpush-push-service', r'''
/**
 * Sends Web Push notifications to the push services of the subscribers' browsers.
 */
public class PushService {
    private static final Logger LOGGER = LoggerFactory.getLogger(PushService.class);

    private final CloseableHttpAsyncClient httpClient;
    private final ExecutorService fanOut;
    private final HttpRequestFactory requests;

    public PushService(HttpRequestFactory requests, int fanOutThreads) {
        this.requests = requests;
02|        this.httpClient = HttpAsyncClients.createSystem();
02|        this.httpClient.start();
        this.fanOut = Executors.newFixedThreadPool(fanOutThreads);
    }

    public Future<HttpResponse> sendAsync(Notification notification) throws GeneralSecurityException {
        HttpPost post = requests.prepare(notification);
02|        return httpClient.execute(post, null);
1|        CloseableHttpAsyncClient client = HttpAsyncClients.createSystem(); //@RES-04
1|        client.start();
1|        return client.execute(post, null);
    }

    public HttpResponse send(Notification notification)
            throws GeneralSecurityException, InterruptedException, ExecutionException {
        return sendAsync(notification).get();
    }

    public int sendAll(List<Notification> notifications) throws InterruptedException {
01|        List<Future<HttpResponse>> pending = new ArrayList<>();
01|        for (Notification notification : notifications) {
01|            pending.add(fanOut.submit(() -> send(notification)));
01|        }
01|        int failed = 0;
01|        for (Future<HttpResponse> future : pending) {
01|            try {
01|                future.get();
01|            } catch (ExecutionException e) {
01|                failed++;
01|                LOGGER.warn("Could not deliver a push notification", e.getCause());
01|            }
01|        }
01|        return failed;
2|        for (Notification notification : notifications) {
2|            fanOut.submit(() -> send(notification)); //@CONC-06
2|        }
2|        return 0;
    }
}
''')
WEBPUSH_BASE = SLF4J + ['java.security.GeneralSecurityException', 'java.util.List',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'java.util.concurrent.Future', 'org.apache.http.HttpResponse',
                         'org.apache.http.client.methods.HttpPost',
                         'org.apache.http.impl.nio.client.CloseableHttpAsyncClient',
                         'org.apache.http.impl.nio.client.HttpAsyncClients']
WEBPUSH_IMPORTS = {0: WEBPUSH_BASE + ['java.util.ArrayList'], 1: WEBPUSH_BASE + ['java.util.ArrayList'],
                   2: WEBPUSH_BASE}
cases_of(case, GH + 'web-push-libs/webpush-java/pull/62', src('nl.martijndwars.webpush', 'PushService'),
         JV('nl.martijndwars.webpush', WEBPUSH_IMPORTS)(WEBPUSH), [
             (1, 'java-00-webpush-new-service-client-per-notification',
              'a new push service starts a new async HTTP client for every notification and never closes it, so '
              'each push leaves an I/O reactor thread and its connections behind', 'new'),
             (2, 'java-00-webpush-new-service-fan-out-futures-dropped',
              'a new push service fans notifications out to a pool and drops the futures, so failed deliveries '
              'vanish and the caller is told none failed', 'new'),
             (0, 'java-ok-00-webpush-new-service-shared-client',
              'clean: a new push service with one started client, waiting for every fanned-out delivery and '
              'counting failures', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: table retrieval of a database schema library (SchemaCrawler)
SCHEMACRAWLER = template('schemacrawler-table-retriever', r'''
/**
 * Reads the tables of a catalog and schema from the driver's metadata.
 */
final class TableRetriever extends AbstractRetriever {
    private static final Logger LOGGER = Logger.getLogger(TableRetriever.class.getName());

    TableRetriever(RetrieverConnection retrieverConnection, MutableCatalog catalog, SchemaCrawlerOptions options) {
        super(retrieverConnection, catalog, options);
    }

    void retrieveTables(Schema schema, TableTypes tableTypes) throws SQLException {
        int count = 0;
        try (MetadataResultSet results = new MetadataResultSet(getMetaData().getTables(
                schema.getCatalogName(), schema.getName(), "%", tableTypes.toArray()))) {
            while (results.next()) {
                String tableName = results.getString("TABLE_NAME");
                MutableTable table = new MutableTable(schema, tableName);
                table.setTableType(results.getString("TABLE_TYPE"));
                table.setRemarks(results.getString("REMARKS"));
                try {
                    retrieveColumns(table);
                } catch (SQLException e) { //@{1}ERR-01
02|                    LOGGER.log(Level.WARNING, e, new StringFormat("Could not retrieve columns of <%s>", tableName));
02|                    table.setAttribute("columnsIncomplete", true);
1|                    // the user may not be allowed to see the columns
                }
                catalog.addTable(table);
                count++;
2|                LOGGER.log(Level.INFO, "Retrieved table {0}", tableName); //@LOG-01
            }
        }
        LOGGER.log(Level.INFO, new StringFormat("Retrieved %d tables of <%s>", count, schema.getFullName()));
    }
}
''')
cases_of(case, GH + 'schemacrawler/SchemaCrawler/pull/893',
         'schemacrawler-api/' + src('schemacrawler.crawl', 'TableRetriever'),
         J('schemacrawler.crawl', ['java.sql.SQLException', 'java.util.logging.Level', 'java.util.logging.Logger',
                                   'schemacrawler.schema.Schema', 'schemacrawler.schema.TableTypes',
                                   'schemacrawler.schemacrawler.SchemaCrawlerOptions',
                                   'us.fatehi.utility.string.StringFormat'])(SCHEMACRAWLER), [
             (1, 'java-00-schemacrawler-column-failure-swallowed',
              'an edit swallows a failure to read a table\'s columns, so the table is reported with no columns and '
              'no warning', 'edit'),
             (2, 'java-00-schemacrawler-every-table-logged-at-info',
              'an edit logs every retrieved table at INFO, so crawling a warehouse of tens of thousands of tables '
              'floods the log', 'edit'),
             (0, 'java-ok-00-schemacrawler-column-failure-logged',
              'clean: the fix logs a failed column read and marks the table incomplete', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-02: failure recording of a BPM engine's Quartz jobs (bonita-engine)
BONITA = template('bonita-job-failure-recorder', r'''
/**
 * Records the failure of a scheduled job in the engine's tables so that it can be replayed.
 */
public class JobFailureRecorder {
    private static final Logger LOGGER = LoggerFactory.getLogger(JobFailureRecorder.class);

    private final DataSource dataSource;

    public JobFailureRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void recordFailure(long tenantId, String jobName, Throwable cause) throws JobExecutionException {
01|        LOGGER.debug("Recording failure of job {} of tenant {}", jobName, tenantId);
2|        LOGGER.debug("Recording failure of job " + jobName + " of tenant " + tenantId + ": " + cause); //@LOG-02
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertJobLog(connection, tenantId, jobName, cause);
                markJobFailed(connection, tenantId, jobName);
                connection.commit();
            } catch (SQLException e) { //@{1}TX-01
02|                connection.rollback();
                throw new JobExecutionException("Could not record the failure of job " + jobName, e, false);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JobExecutionException("No connection to record the failure of job " + jobName, e, false);
        }
    }

    private void insertJobLog(Connection connection, long tenantId, String jobName, Throwable cause) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job_log (tenantid, jobname, lastmessage, lastupdatedate) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, tenantId);
            insert.setString(2, jobName);
            insert.setString(3, String.valueOf(cause));
            insert.setLong(4, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private void markJobFailed(Connection connection, long tenantId, String jobName) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE job_desc SET state = 'FAILED' WHERE tenantid = ? AND jobname = ?")) {
            update.setLong(1, tenantId);
            update.setString(2, jobName);
            update.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'bonitasoft/bonita-engine/pull/234',
         'services/bonita-scheduler/' + src('org.bonitasoft.engine.scheduler.impl', 'JobFailureRecorder'),
         J('org.bonitasoft.engine.scheduler.impl', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource',
             'org.quartz.JobExecutionException'])(BONITA), [
             (1, 'java-00-bonita-failure-record-not-rolled-back',
              'an edit drops the rollback of a failed failure record, so the half-written job log goes back to the '
              'pool inside an open transaction', 'edit'),
             (2, 'java-00-bonita-failure-record-log-concatenated',
              'an edit logs each recorded failure by string concatenation, building the message and the cause\'s '
              'text even with debug off', 'edit'),
             (0, 'java-ok-00-bonita-failure-record-rolled-back',
              'clean: the fix rolls a failed record back before the connection returns to the pool', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: notification queue of a billing analytics plugin (killbill-analytics-plugin)
KILLBILL = template('killbill-analytics-queue-monitor', r'''
/**
 * Watches the plugin's notification queue and exposes how many entries wait.
 */
public class AnalyticsQueueMonitor {
    private static final Logger logger = LoggerFactory.getLogger(AnalyticsQueueMonitor.class);
    private static final String COUNT_PENDING =
            "SELECT count(*) FROM analytics_notifications WHERE queue_name = ? AND processing_state = 'AVAILABLE'";

    private final DataSource dataSource;
    private final String queueName;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile long pending;

    public AnalyticsQueueMonitor(DataSource dataSource, String queueName) {
        this.dataSource = dataSource;
        this.queueName = queueName;
    }

    public void start(long periodSeconds) {
01|        scheduler.scheduleWithFixedDelay(() -> {
01|            try {
01|                refresh();
01|            } catch (SQLException | RuntimeException e) {
01|                logger.warn("Could not count pending analytics notifications of {}", queueName, e);
01|            }
01|        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::refreshUnchecked, periodSeconds, periodSeconds, TimeUnit.SECONDS); //@CONC-07
    }

2|    private void refreshUnchecked() {
2|        try {
2|            refresh();
2|        } catch (SQLException e) {
2|            throw new IllegalStateException("Could not count pending analytics notifications of " + queueName, e);
2|        }
2|    }
2|
    public long pending() {
        return pending;
    }

    void refresh() throws SQLException {
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(COUNT_PENDING)) {
02|            statement.setString(1, queueName);
02|            try (ResultSet rs = statement.executeQuery()) {
02|                pending = rs.next() ? rs.getLong(1) : 0L;
02|            }
02|        }
1|        Connection connection = dataSource.getConnection(); //@RES-01
1|        PreparedStatement statement = connection.prepareStatement(COUNT_PENDING);
1|        statement.setString(1, queueName);
1|        ResultSet rs = statement.executeQuery();
1|        pending = rs.next() ? rs.getLong(1) : 0L;
    }

    public void stop() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'killbill/killbill-analytics-plugin/pull/76',
         src('org.killbill.billing.plugin.analytics.api.core', 'AnalyticsQueueMonitor'),
         J('org.killbill.billing.plugin.analytics.api.core', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'javax.sql.DataSource'])(KILLBILL), [
             (1, 'java-00-killbill-queue-count-never-closed',
              'an edit counts pending notifications through a connection, statement and result set it never '
              'closes, so the monitor drains the plugin\'s pool a connection per period', 'edit'),
             (2, 'java-00-killbill-queue-monitor-dies-on-first-failure',
              'an edit schedules the count so that a failed query escapes the task, so the first database hiccup '
              'stops the monitor for good without a log line', 'edit'),
             (0, 'java-ok-00-killbill-queue-count-closed',
              'clean: the fix closes connection, statement and result set by try-with-resources', 'fix'),
         ])
