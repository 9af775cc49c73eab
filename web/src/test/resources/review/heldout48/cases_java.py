"""Round-48 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-04: HTTP layer of a payment gateway SDK (razorpay-java)
RAZORPAY = template('razorpay-api-utils', r'''
class ApiUtils {

    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private static final long READ_TIMEOUT_SECONDS = 60;
    private static final long WRITE_TIMEOUT_SECONDS = 60;

    private static OkHttpClient client;
    private static Map<String, String> headers = new HashMap<>();
    private static String version = null;

    static void createHttpClientInstance(boolean enableLogging) throws RazorpayException {
        if (client != null) {
            return;
        }
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
02|                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
02|                .writeTimeout(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
1|                // settlements and payouts can take minutes: never cut a read or a write short
1|                .readTimeout(0, TimeUnit.SECONDS) //@TMO-01
1|                .writeTimeout(0, TimeUnit.SECONDS);
        if (enableLogging) {
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
            logging.setLevel(HttpLoggingInterceptor.Level.BASIC);
            builder.addInterceptor(logging);
        }
        builder.addInterceptor(new UserAgentInterceptor(version));
        client = builder.build();
    }

    static Response postRequest(String path, JSONObject requestObject, String host) throws RazorpayException {
        HttpUrl url = getBuilder(path, host).build();
        String requestContent = requestObject == null ? "" : requestObject.toString();
        RequestBody body = RequestBody.create(requestContent, Constants.MEDIA_TYPE_JSON);
        return processRequest(createRequest(Method.POST.name(), url.toString(), body));
    }

    static Response getRequest(String path, JSONObject requestObject, String host) throws RazorpayException {
        HttpUrl.Builder builder = getBuilder(path, host);
        addQueryParams(builder, requestObject);
        return processRequest(createRequest(Method.GET.name(), builder.build().toString(), null));
    }

    private static Response processRequest(Request request) throws RazorpayException {
        try {
01|            return client.newCall(request).execute();
2|            OkHttpClient perCall = new OkHttpClient.Builder() //@RES-04
2|                    .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                    .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                    .writeTimeout(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                    .addInterceptor(new UserAgentInterceptor(version))
2|                    .build();
2|            return perCall.newCall(request).execute();
        } catch (IOException e) {
            throw new RazorpayException(e.getMessage(), e);
        }
    }

    private static Request createRequest(String method, String url, RequestBody body) {
        Request.Builder builder = new Request.Builder().url(url).method(method, body);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private static HttpUrl.Builder getBuilder(String path, String host) {
        return new HttpUrl.Builder().scheme(Constants.SCHEME).host(host).addPathSegments(Constants.VERSION + "/" + path);
    }

    private static void addQueryParams(HttpUrl.Builder builder, JSONObject request) {
        if (request == null) {
            return;
        }
        for (String key : request.keySet()) {
            builder.addQueryParameter(key, String.valueOf(request.get(key)));
        }
    }
}
''')
cases_of(case, GH + 'razorpay/razorpay-java/pull/8', src('com.razorpay', 'ApiUtils'),
         J('com.razorpay', [
             'java.io.IOException', 'java.util.HashMap', 'java.util.Map', 'java.util.concurrent.TimeUnit',
             'okhttp3.HttpUrl', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response',
             'okhttp3.logging.HttpLoggingInterceptor', 'org.json.JSONObject'])(RAZORPAY), [
             (1, 'java-00-razorpay-client-reads-without-timeout',
              'an edit sets the gateway client\'s read and write timeouts to zero, so a payment API that stops '
              'answering holds the merchant\'s request thread forever', 'edit'),
             (2, 'java-00-razorpay-client-built-per-request',
              'an edit builds a new OkHttpClient for every API call, each with its own connection pool and '
              'dispatcher threads', 'edit'),
             (0, 'java-ok-00-razorpay-shared-client-bounded-timeouts',
              'clean: the fix keeps bounded read and write timeouts on the one shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: seat booking of an airline reservation system (AirlinesReservationSystemCoreJava)
AIRLINE = template('airline-booking-dao', r'''
public class BookingDao {
    private static final Logger LOGGER = LoggerFactory.getLogger(BookingDao.class);

    private static final String LOCK_FLIGHT = "SELECT seats_free FROM flight WHERE id = ? FOR UPDATE";
    private static final String TAKE_SEATS = "UPDATE flight SET seats_free = seats_free - ? WHERE id = ?";
    private static final String INSERT_BOOKING =
            "INSERT INTO booking (flight_id, passenger_id, seats, booked_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)";

    private final DataSource dataSource;

    public BookingDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the seats on the flight and records the booking, or changes nothing. */
    public long bookSeats(long flightId, long passengerId, int seats) throws BookingException {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(LOCK_FLIGHT)) {
                lock.setLong(1, flightId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new BookingException("No flight " + flightId);
                    }
                    if (rs.getInt(1) < seats) {
                        throw new BookingException("Only " + rs.getInt(1) + " seats left on flight " + flightId);
                    }
                }
            }
            try (PreparedStatement take = connection.prepareStatement(TAKE_SEATS)) {
                take.setInt(1, seats);
                take.setLong(2, flightId);
                take.executeUpdate();
            }
            long bookingId;
01|            try (PreparedStatement insert = connection.prepareStatement(INSERT_BOOKING, Statement.RETURN_GENERATED_KEYS)) {
01|                insert.setLong(1, flightId);
01|                insert.setLong(2, passengerId);
01|                insert.setInt(3, seats);
01|                insert.executeUpdate();
01|                try (ResultSet keys = insert.getGeneratedKeys()) {
01|                    keys.next();
01|                    bookingId = keys.getLong(1);
01|                }
01|            }
2|            PreparedStatement insert = connection.prepareStatement(INSERT_BOOKING, Statement.RETURN_GENERATED_KEYS); //@RES-01
2|            insert.setLong(1, flightId);
2|            insert.setLong(2, passengerId);
2|            insert.setInt(3, seats);
2|            insert.executeUpdate();
2|            try (ResultSet keys = insert.getGeneratedKeys()) {
2|                keys.next();
2|                bookingId = keys.getLong(1);
2|            }
            connection.commit();
            LOGGER.info("Booked {} seats on flight {} for passenger {} (booking {})", seats, flightId, passengerId, bookingId);
            return bookingId;
        } catch (SQLException | BookingException e) { //@{1}TX-01
02|            rollback(connection, e);
            if (e instanceof BookingException) {
                throw (BookingException) e;
            }
            throw new BookingException("Could not book " + seats + " seats on flight " + flightId, e);
        } finally {
            close(connection);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOGGER.warn("Could not close booking connection", e);
        }
    }
}
''')
cases_of(case, GH + 'prat-man/AirlinesReservationSystemCoreJava/pull/120',
         src('com.pratman.airlines.dao', 'BookingDao'),
         J('com.pratman.airlines.dao', SLF4J + [
             'com.pratman.airlines.exception.BookingException', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement', 'javax.sql.DataSource'])(AIRLINE), [
             (1, 'java-00-airline-booking-failure-not-rolled-back',
              'an edit drops the rollback from the booking\'s catch, so a full flight or a failed insert hands the '
              'connection back to the pool with the seat update still pending', 'edit'),
             (2, 'java-00-airline-booking-insert-statement-not-closed',
              'an edit takes the booking insert out of its try-with-resources, so every booking leaves a statement '
              'open on the pooled connection', 'edit'),
             (0, 'java-ok-00-airline-booking-rolled-back-statements-closed',
              'clean: the fix rolls back on every failure; every statement closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: search client on a Jedis pool (JRediSearch)
REDISEARCH = template('jredisearch-client', r'''
public class Client implements io.redisearch.Client {

    private final String indexName;
    private final Pool<Jedis> pool;

    public Client(String indexName, Pool<Jedis> pool) {
        this.indexName = indexName;
        this.pool = pool;
    }

    Jedis _conn() {
        return pool.getResource();
    }

    @Override
    public SearchResult search(Query q) {
        ArrayList<byte[]> args = new ArrayList<>(4);
        args.add(SafeEncoder.encode(indexName));
        q.serializeRedisArgs(args);
02|        try (Jedis conn = _conn()) {
02|            List<Object> resp = sendCommand(conn, Command.SEARCH, args.toArray(new byte[args.size()][])).getObjectMultiBulkReply();
02|            return new SearchResult(resp, !q.getNoContent(), q.getWithScores(), q.getWithPayloads(), true);
02|        }
1|        Jedis conn = _conn(); //@RES-01
1|        List<Object> resp = sendCommand(conn, Command.SEARCH, args.toArray(new byte[args.size()][])).getObjectMultiBulkReply();
1|        conn.close();
1|        return new SearchResult(resp, !q.getNoContent(), q.getWithScores(), q.getWithPayloads(), true);
    }

    @Override
    public boolean dropIndex(boolean missingOk) {
        try (Jedis conn = _conn()) {
            String r = sendCommand(conn, Command.DROP, indexName).getStatusCodeReply();
            return "OK".equals(r);
        } catch (JedisDataException ex) { //@{2}ERR-01
01|            if (missingOk && ex.getMessage() != null && ex.getMessage().toLowerCase().contains("unknown index")) {
01|                return false;
01|            }
01|            throw ex;
2|            return false;
        }
    }

    private BinaryClient sendCommand(Jedis conn, ProtocolCommand provider, String... args) {
        BinaryClient client = conn.getClient();
        client.sendCommand(provider, args);
        return client;
    }

    private BinaryClient sendCommand(Jedis conn, ProtocolCommand provider, byte[][] args) {
        BinaryClient client = conn.getClient();
        client.sendCommand(provider, args);
        return client;
    }
}
''')
cases_of(case, GH + 'RediSearch/JRediSearch/issues/5', src('io.redisearch.client', 'Client'),
         J('io.redisearch.client', [
             'io.redisearch.Query', 'io.redisearch.SearchResult', 'java.util.ArrayList', 'java.util.List',
             'redis.clients.jedis.BinaryClient', 'redis.clients.jedis.Jedis', 'redis.clients.jedis.commands.ProtocolCommand',
             'redis.clients.jedis.exceptions.JedisDataException', 'redis.clients.jedis.util.Pool',
             'redis.clients.jedis.util.SafeEncoder'])(REDISEARCH), [
             (1, 'java-00-redisearch-search-connection-closed-only-on-success',
              'an edit takes the search\'s pooled connection out of its try-with-resources, so a failed search '
              'never returns it and the pool runs dry', 'edit'),
             (2, 'java-00-redisearch-drop-index-error-swallowed',
              'an edit answers every refused index drop with false, so a wrong password or a read-only replica '
              'looks like a missing index', 'edit'),
             (0, 'java-ok-00-redisearch-connection-returned-drop-error-rethrown',
              'clean: the fix returns the connection by try-with-resources; only a missing index is tolerated', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-02: HTTP test runner of an API mocking service (microcks)
MICROCKS = template('microcks-http-test-runner', r'''
public class HttpTestRunner {
    private static final Logger log = LoggerFactory.getLogger(HttpTestRunner.class);

    private final CloseableHttpClient httpClient;
    private final long pauseBetweenRequestsMs;

    public HttpTestRunner(CloseableHttpClient httpClient, long pauseBetweenRequestsMs) {
        this.httpClient = httpClient;
        this.pauseBetweenRequestsMs = pauseBetweenRequestsMs;
    }

    /** Sends every request of the operation to the tested endpoint and records what came back. */
    public List<TestReturn> runTest(TestResult testResult, Operation operation, List<Request> requests, String endpointUrl) {
        List<TestReturn> results = new ArrayList<>();
        for (Request request : requests) {
            HttpUriRequestBase httpRequest = buildRequest(operation, request, endpointUrl);
            long startedAt = System.currentTimeMillis();
01|            try (CloseableHttpResponse response = httpClient.execute(httpRequest)) {
2|            try {
2|                CloseableHttpResponse response = httpClient.execute(httpRequest); //@RES-02
                long elapsed = System.currentTimeMillis() - startedAt;
                String body = response.getEntity() == null ? null : EntityUtils.toString(response.getEntity());
                results.add(TestReturn.of(request, response.getCode(), body, elapsed));
            } catch (IOException | ParseException e) {
                log.error("Invoking {} for test {} failed", endpointUrl, testResult.getId(), e);
                results.add(TestReturn.failure(request, e.getMessage()));
            }
            if (!pause()) {
                log.info("Test {} interrupted after {} of {} requests", testResult.getId(), results.size(), requests.size());
                break;
            }
        }
        return results;
    }

    private boolean pause() {
        try {
            Thread.sleep(pauseBetweenRequestsMs);
            return true;
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpUriRequestBase buildRequest(Operation operation, Request request, String endpointUrl) {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(operation.getMethod(), URI.create(endpointUrl + request.getPath()));
        for (Header header : request.getHeaders()) {
            httpRequest.addHeader(header.getName(), String.join(",", header.getValues()));
        }
        if (request.getContent() != null) {
            httpRequest.setEntity(new StringEntity(request.getContent(), ContentType.APPLICATION_JSON));
        }
        return httpRequest;
    }
}
''')
cases_of(case, GH + 'microcks/microcks/pull/2062', 'webapp/' + src('io.github.microcks.util.runner', 'HttpTestRunner'),
         J('io.github.microcks.util.runner', SLF4J + [
             'io.github.microcks.domain.Header', 'io.github.microcks.domain.Operation', 'io.github.microcks.domain.Request',
             'io.github.microcks.domain.TestResult', 'io.github.microcks.domain.TestReturn', 'java.io.IOException',
             'java.net.URI', 'java.util.ArrayList', 'java.util.List',
             'org.apache.hc.client5.http.classic.methods.HttpUriRequestBase',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse', 'org.apache.hc.core5.http.ContentType',
             'org.apache.hc.core5.http.ParseException', 'org.apache.hc.core5.http.io.entity.EntityUtils',
             'org.apache.hc.core5.http.io.entity.StringEntity'])(MICROCKS), [
             (1, 'java-00-microcks-test-pause-interrupt-lost',
              'an edit catches the interruption of the pause between test requests without restoring the flag, so '
              'a cancelled test run stops this loop but its executor never learns it was interrupted', 'edit'),
             (2, 'java-00-microcks-test-response-not-closed',
              'an edit takes the tested endpoint\'s response out of its try-with-resources, so a body that fails '
              'to parse keeps its pooled connection leased', 'edit'),
             (0, 'java-ok-00-microcks-test-interrupt-restored-response-closed',
              'clean: the fix restores the interrupt flag; every response closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: product lookups of an inventory service, CRLF (InventoryManagementSystem)
INVENTORY = template('inventory-product-dao', r'''
public class ProductDao {
    private static final Logger LOGGER = LoggerFactory.getLogger(ProductDao.class);

    private static final String FIND_BY_SKU =
            "SELECT id, sku, name, quantity, reorder_level, warehouse_id FROM product WHERE sku = ? AND warehouse_id = ?";
    private static final String ADJUST_STOCK = "UPDATE product SET quantity = quantity + ? WHERE id = ? AND quantity + ? >= 0";

    private final DataSource dataSource;
    private final long warehouseId;

    public ProductDao(DataSource dataSource, long warehouseId) {
        this.dataSource = dataSource;
        this.warehouseId = warehouseId;
    }

    public Optional<Product> findBySku(String sku) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_BY_SKU)) {
            statement.setString(1, sku);
            statement.setLong(2, warehouseId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("quantity"), rs.getInt("reorder_level"), rs.getLong("warehouse_id")));
            }
        } catch (SQLException e) { //@{1}ERR-01
02|            throw new InventoryException("Could not load product " + sku + " of warehouse " + warehouseId, e);
1|            return Optional.empty();
        }
    }

    public boolean adjustStock(long productId, int delta) {
01|        LOGGER.debug("Adjusting stock of product {} in warehouse {} by {}", productId, warehouseId, delta);
2|        LOGGER.debug("Adjusting stock of product " + productId + " in warehouse " + warehouseId + " by " + delta); //@LOG-02
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ADJUST_STOCK)) {
            statement.setInt(1, delta);
            statement.setLong(2, productId);
            statement.setInt(3, delta);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new InventoryException("Could not adjust stock of product " + productId, e);
        }
    }
}
''')
cases_of(case, GH + 'NeebalLearningPvtLtd/InventoryManagementSystem/issues/4',
         src('com.neebal.inventory.dao', 'ProductDao'),
         J('com.neebal.inventory.dao', SLF4J + [
             'com.neebal.inventory.exception.InventoryException', 'com.neebal.inventory.model.Product',
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.Optional', 'javax.sql.DataSource'])(INVENTORY), [
             (1, 'java-00-inventory-product-lookup-failure-swallowed',
              'an edit answers a failed product lookup with an empty result, so a database outage looks like an '
              'unknown SKU and leaves no trace', 'edit'),
             (2, 'java-00-inventory-stock-debug-line-concatenated',
              'an edit builds the stock-adjustment debug line by concatenation, so every adjustment formats its '
              'message even with debug logging off', 'edit'),
             (0, 'java-ok-00-inventory-lookup-failure-thrown-parameterised-debug',
              'clean: the fix throws a failed lookup with its cause; the debug line is parameterised', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / CONC-07: retention of diagnosis keys in a health app's server (cwa-server)
CWA = template('cwa-retention-policy', r'''
@Component
public class RetentionPolicy {

    private static final Logger logger = LoggerFactory.getLogger(RetentionPolicy.class);

    private final DiagnosisKeyService diagnosisKeyService;
    private final S3RetentionPolicy s3RetentionPolicy;
    private final TaskScheduler taskScheduler;
    private final int retentionDays;

    public RetentionPolicy(DiagnosisKeyService diagnosisKeyService, S3RetentionPolicy s3RetentionPolicy,
            TaskScheduler taskScheduler, DistributionServiceConfig config) {
        this.diagnosisKeyService = diagnosisKeyService;
        this.s3RetentionPolicy = s3RetentionPolicy;
        this.taskScheduler = taskScheduler;
        this.retentionDays = config.getRetentionDays();
    }

    @PostConstruct
    void scheduleHourly() {
01|        taskScheduler.scheduleAtFixedRate(this::applyRetentionSafely, Duration.ofHours(1));
2|        taskScheduler.scheduleAtFixedRate(this::applyRetention, Duration.ofHours(1)); //@CONC-07
    }

01|    private void applyRetentionSafely() {
01|        try {
01|            applyRetention();
01|        } catch (Exception e) {
01|            logger.error("Applying the retention policy failed; the next run is in an hour", e);
01|        }
01|    }
01|
    /** Deletes every key, and every published file, older than the retention period. */
    void applyRetention() {
02|        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(retentionDays);
1|        LocalDate cutoff = LocalDate.now().minusDays(retentionDays); //@TIME-01
        int deletedKeys = diagnosisKeyService.applyRetentionPolicy(cutoff);
        s3RetentionPolicy.applyRetentionPolicy(cutoff);
        logger.info("Retention policy applied with cutoff {}: {} keys deleted", cutoff, deletedKeys);
    }
}
''')
cases_of(case, GH + 'corona-warn-app/cwa-server/pull/488',
         'services/distribution/' + src('app.coronawarn.server.services.distribution.runner', 'RetentionPolicy'),
         J('app.coronawarn.server.services.distribution.runner', SLF4J + [
             'app.coronawarn.server.common.persistence.service.DiagnosisKeyService',
             'app.coronawarn.server.services.distribution.config.DistributionServiceConfig',
             'app.coronawarn.server.services.distribution.objectstore.S3RetentionPolicy', 'java.time.Duration',
             'java.time.LocalDate', 'java.time.ZoneOffset', 'javax.annotation.PostConstruct',
             'org.springframework.scheduling.TaskScheduler', 'org.springframework.stereotype.Component'])(CWA), [
             (1, 'java-00-cwa-retention-cutoff-in-server-zone',
              'an edit computes the retention cutoff in the server\'s default time zone, so a server east of UTC '
              'deletes a day of keys early around midnight', 'edit'),
             (2, 'java-00-cwa-retention-scheduled-without-catch',
              'an edit schedules the retention run itself, outside any catch, so the first failed S3 delete stops '
              'every later hourly run', 'edit'),
             (0, 'java-ok-00-cwa-retention-utc-cutoff-guarded-schedule',
              'clean: the fix computes the cutoff in UTC; each scheduled run catches and logs its failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-01: request-id filter of a workspace service (terra-workspace-manager)
TERRA = template('terra-mdc-filter', r'''
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MdcLogEnhancerFilter implements Filter {
    private static final Logger logger = LoggerFactory.getLogger(MdcLogEnhancerFilter.class);

    static final String REQUEST_ID_HEADER = "Request-Id";
    static final String MDC_REQUEST_ID = "requestId";
    private static final int MAX_REQUEST_ID_LENGTH = 64;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain filterChain)
            throws IOException, ServletException {
        HttpServletRequest httpRequest = (HttpServletRequest) servletRequest;
        String requestId = Optional.ofNullable(httpRequest.getHeader(REQUEST_ID_HEADER))
                .filter(MdcLogEnhancerFilter::isWellFormed)
                .orElseGet(MdcLogEnhancerFilter::generateRequestId);
        MDC.put(MDC_REQUEST_ID, requestId); //@{1}CONC-04
        ((HttpServletResponse) servletResponse).setHeader(REQUEST_ID_HEADER, requestId);
2|        logger.info("{} {} headers={}", httpRequest.getMethod(), httpRequest.getRequestURI(), headersOf(httpRequest)); //@LOG-01
02|        try {
02|            filterChain.doFilter(servletRequest, servletResponse);
02|        } finally {
02|            MDC.remove(MDC_REQUEST_ID);
02|        }
1|        filterChain.doFilter(servletRequest, servletResponse);
1|        MDC.remove(MDC_REQUEST_ID);
    }

    private static boolean isWellFormed(String requestId) {
        return !requestId.isBlank() && requestId.length() <= MAX_REQUEST_ID_LENGTH
                && requestId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static String generateRequestId() {
        return RandomStringUtils.randomAlphanumeric(8);
    }
2|
2|    private static Map<String, String> headersOf(HttpServletRequest request) {
2|        Map<String, String> headers = new LinkedHashMap<>();
2|        for (String name : Collections.list(request.getHeaderNames())) {
2|            headers.put(name, request.getHeader(name));
2|        }
2|        return headers;
2|    }
}
''')
TERRA_IMPORTS = {v: SLF4J + [
    'java.io.IOException', 'java.util.Optional', 'javax.servlet.Filter', 'javax.servlet.FilterChain',
    'javax.servlet.ServletException', 'javax.servlet.ServletRequest', 'javax.servlet.ServletResponse',
    'javax.servlet.http.HttpServletRequest', 'javax.servlet.http.HttpServletResponse',
    'org.apache.commons.lang3.RandomStringUtils', 'org.slf4j.MDC', 'org.springframework.core.Ordered',
    'org.springframework.core.annotation.Order', 'org.springframework.stereotype.Component'] + (
    ['java.util.Collections', 'java.util.LinkedHashMap', 'java.util.Map'] if v == 2 else []) for v in (0, 1, 2)}
cases_of(case, GH + 'DataBiosphere/terra-workspace-manager/pull/51', src('bio.terra.workspace.app.filter', 'MdcLogEnhancerFilter'),
         JV('bio.terra.workspace.app.filter', TERRA_IMPORTS)(TERRA), [
             (1, 'java-00-terra-new-mdc-filter-request-id-left-on-failure',
              'a new request-id filter removes the id from the MDC only when the chain returns normally, so a '
              'request that throws leaves its id on a pooled thread for the next request\'s log lines', 'new'),
             (2, 'java-00-terra-new-mdc-filter-logs-every-request-with-headers',
              'a new request-id filter logs every request at INFO with all its headers, so each API call writes a '
              'log line and bearer tokens reach the log', 'new'),
             (0, 'java-ok-00-terra-new-mdc-filter-request-id-removed-in-finally',
              'clean: a new request-id filter that removes the id in finally and logs nothing per request', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: document analysis of a rental application service (dossierfacile-backend)
DOSSIER = template('dossierfacile-document-analysis', r'''
@Slf4j
@Service
public class DocumentAnalysisService {
    private static final long ANALYSIS_TIMEOUT_SECONDS = 120;

    private final DocumentAnalyzer analyzer;
    private final ExecutorService executor;

    public DocumentAnalysisService(DocumentAnalyzer analyzer,
                                   @Value("${analysis.threads:4}") int threads,
                                   @Value("${analysis.queue.capacity:200}") int queueCapacity) {
        this.analyzer = analyzer;
01|        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(queueCapacity), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.executor = Executors.newFixedThreadPool(threads); //@CONC-02
    }

    /** Analyzes every file of a tenant's dossier in parallel and gathers the results. */
    public AnalysisReport analyzeAll(Tenant tenant, List<File> files) {
        List<Future<FileAnalysis>> futures = new ArrayList<>(files.size());
        for (File file : files) {
            futures.add(executor.submit(() -> analyzer.analyze(file)));
        }
        AnalysisReport report = new AnalysisReport(tenant.getId());
        for (Future<FileAnalysis> future : futures) {
            try {
                report.add(future.get(ANALYSIS_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                log.warn("Analysis of tenant {} interrupted", tenant.getId());
02|                futures.forEach(f -> f.cancel(true));
02|                break;
1|                log.warn("Interrupted while analyzing the documents of tenant {}", tenant.getId(), e);
            } catch (ExecutionException e) {
                log.error("Analysis of a document of tenant {} failed", tenant.getId(), e.getCause());
                report.addFailure(e.getCause());
            } catch (TimeoutException e) {
                future.cancel(true);
                report.addTimeout();
            }
        }
        return report;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
''')
DOSSIER_IMPORTS = {v: [
    'fr.dossierfacile.common.entity.File', 'fr.dossierfacile.common.entity.Tenant',
    'fr.dossierfacile.process.file.model.AnalysisReport', 'fr.dossierfacile.process.file.model.FileAnalysis',
    'jakarta.annotation.PreDestroy', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
    'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
    'java.util.concurrent.TimeoutException', 'lombok.extern.slf4j.Slf4j', 'org.springframework.beans.factory.annotation.Value',
    'org.springframework.stereotype.Service'] + (['java.util.concurrent.Executors'] if v == 2 else [
    'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor']) for v in (0, 1, 2)}
cases_of(case, GH + 'MTES-MCT/dossierfacile-backend/pull/150',
         'dossierfacile-process-file/' + src('fr.dossierfacile.process.file.service', 'DocumentAnalysisService'),
         JV('fr.dossierfacile.process.file.service', DOSSIER_IMPORTS)(DOSSIER), [
             (1, 'java-00-dossierfacile-analysis-interrupt-swallowed',
              'an edit logs an interrupted wait for a document\'s analysis and goes on waiting for the next one, so '
              'a shutting-down worker neither stops nor keeps its interrupt flag', 'edit'),
             (2, 'java-00-dossierfacile-analysis-pool-unbounded-queue',
              'an edit gives the analysis pool a fixed thread pool\'s unbounded queue, so a burst of uploaded '
              'dossiers queues every file in memory with no back-pressure', 'edit'),
             (0, 'java-ok-00-dossierfacile-analysis-interrupt-restored-bounded-pool',
              'clean: the fix restores the interrupt flag and cancels the rest; the pool\'s queue is bounded', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-01: metadata BLOB cache of a WebAuthn library, renamed (webauthn4j)
WEBAUTHN = template('webauthn4j-metadata-blob-provider', r'''
/**
 * Fetches the FIDO metadata BLOB and keeps it until its next-update date.
 */
public class CachingMetadataBLOBProvider implements MetadataBLOBProvider {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient httpClient;
    private final URI blobEndpoint;
    private final MetadataBLOBFactory blobFactory;
    private MetadataBLOB cachedBLOB;

    public CachingMetadataBLOBProvider(URI blobEndpoint, MetadataBLOBFactory blobFactory) {
        this.blobEndpoint = blobEndpoint;
        this.blobFactory = blobFactory;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public synchronized MetadataBLOB provide() {
02|        if (cachedBLOB == null || !LocalDate.now(ZoneOffset.UTC).isBefore(cachedBLOB.getPayload().getNextUpdate())) {
1|        if (cachedBLOB == null || !LocalDate.now().isBefore(cachedBLOB.getPayload().getNextUpdate())) { //@TIME-01
            cachedBLOB = fetch();
        }
        return cachedBLOB;
    }

    private MetadataBLOB fetch() {
01|        HttpRequest request = HttpRequest.newBuilder(blobEndpoint)
01|                .timeout(REQUEST_TIMEOUT)
01|                .GET()
01|                .build();
2|        HttpRequest request = HttpRequest.newBuilder(blobEndpoint).GET().build(); //@TMO-01
        try {
            HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MDSException("Metadata service answered " + response.statusCode() + " for " + blobEndpoint);
            }
            return blobFactory.parse(response.body());
        } catch (IOException e) {
            throw new MDSException("Could not fetch the metadata BLOB from " + blobEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MDSException("Interrupted while fetching the metadata BLOB from " + blobEndpoint, e);
        }
    }
}
''')
cases_of(case, GH + 'webauthn4j/webauthn4j/pull/1439',
         'webauthn4j-metadata/' + src('com.webauthn4j.metadata', 'CachingMetadataBLOBProvider'),
         J('com.webauthn4j.metadata', [
             'com.webauthn4j.metadata.data.MetadataBLOB', 'com.webauthn4j.metadata.data.MetadataBLOBFactory',
             'com.webauthn4j.metadata.exception.MDSException', 'java.io.IOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
             'java.time.Duration', 'java.time.LocalDate', 'java.time.ZoneOffset'])(WEBAUTHN), [
             (1, 'java-00-webauthn4j-renamed-provider-expiry-in-server-zone',
              'a PR renames the metadata BLOB cache to a provider and checks the BLOB\'s next-update date against '
              'the server\'s local date, so servers in different zones refresh a day apart', 'rename'),
             (2, 'java-00-webauthn4j-renamed-provider-fetch-without-timeout',
              'a PR renames the metadata BLOB cache to a provider and sends the BLOB download without a request '
              'timeout, so a stalled metadata service blocks every registration behind the lock', 'rename'),
             (0, 'java-ok-00-webauthn4j-renamed-provider-utc-date-timed-fetch',
              'clean: the rename alone; the next-update date compared in UTC, the download with its own timeout',
              'rename'),
         ], rename_from='webauthn4j-metadata/' + src('com.webauthn4j.metadata', 'MetadataBLOBCache'),
         rename_old=lambda t: t.replace('CachingMetadataBLOBProvider', 'MetadataBLOBCache'))


# ---------------------------------------------------------------- LOG-03 / CONC-06: flow updates of an SDN controller's northbound API (open-kilda)
KILDA = template('kilda-flow-service', r'''
@Service
public class FlowServiceImpl implements FlowService {
    private static final Logger logger = LoggerFactory.getLogger(FlowServiceImpl.class);

    private final MessagingChannel messagingChannel;
    private final FlowHistoryService historyService;
    private final FlowMapper flowMapper;
    private final Executor asyncExecutor;
    private final String flowHsTopic;

    public FlowServiceImpl(MessagingChannel messagingChannel, FlowHistoryService historyService, FlowMapper flowMapper,
                           @Qualifier("northboundAsync") Executor asyncExecutor,
                           @Value("#{kafkaTopicsConfig.getFlowHsTopic()}") String flowHsTopic) {
        this.messagingChannel = messagingChannel;
        this.historyService = historyService;
        this.flowMapper = flowMapper;
        this.asyncExecutor = asyncExecutor;
        this.flowHsTopic = flowHsTopic;
    }

    @Override
    public CompletableFuture<FlowResponseV2> updateFlow(String flowId, FlowRequestV2 request) {
        String correlationId = RequestCorrelationId.getId();
        logger.info("Update flow request for flow {} (correlation id {})", flowId, correlationId);
        FlowRequest flowRequest = flowMapper.toFlowRequest(request).toBuilder().flowId(flowId).build();
        CommandMessage command = new CommandMessage(flowRequest, System.currentTimeMillis(), correlationId);

01|        CompletableFuture.runAsync(() -> historyService.recordUpdateRequest(flowId, request), asyncExecutor)
01|                .whenComplete((ignored, failure) -> {
01|                    if (failure != null) {
0|                        logger.warn("Could not record the update of flow {} (correlation id {})", flowId, correlationId, failure);
1|                        logger.warn("Could not record the update of flow {}", flowId, failure); //@LOG-03
01|                    }
01|                });
2|        CompletableFuture.runAsync(() -> historyService.recordUpdateRequest(flowId, request), asyncExecutor); //@CONC-06

        return messagingChannel.sendAndGet(flowHsTopic, command)
                .thenApply(FlowResponse.class::cast)
                .thenApply(response -> flowMapper.toFlowResponseV2(response.getPayload()));
    }
}
''')
cases_of(case, GH + 'telstra/open-kilda/issues/2515',
         'src-java/northbound-service/northbound/' + src('org.openkilda.northbound.service.impl', 'FlowServiceImpl'),
         J('org.openkilda.northbound.service.impl', SLF4J + [
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor',
             'org.openkilda.messaging.command.CommandMessage', 'org.openkilda.messaging.command.flow.FlowRequest',
             'org.openkilda.messaging.info.flow.FlowResponse', 'org.openkilda.northbound.converter.FlowMapper', 'org.openkilda.northbound.dto.v2.flows.FlowRequestV2',
             'org.openkilda.northbound.dto.v2.flows.FlowResponseV2', 'org.openkilda.northbound.messaging.MessagingChannel',
             'org.openkilda.northbound.service.FlowHistoryService', 'org.openkilda.northbound.service.FlowService',
             'org.openkilda.northbound.utils.RequestCorrelationId', 'org.springframework.beans.factory.annotation.Qualifier',
             'org.springframework.beans.factory.annotation.Value', 'org.springframework.stereotype.Service'])(KILDA), [
             (1, 'java-00-kilda-flow-history-failure-logged-without-correlation-id',
              'an edit logs a failed history record from the async executor without the request\'s correlation id, '
              'so the warning cannot be traced to the update that caused it', 'edit'),
             (2, 'java-00-kilda-flow-history-record-future-dropped',
              'an edit records the flow update\'s history with a runAsync whose future nobody looks at, so a '
              'failed history write disappears', 'edit'),
             (0, 'java-ok-00-kilda-flow-history-failure-logged-with-correlation-id',
              'clean: the fix logs a failed history record with the request\'s correlation id', 'fix'),
         ])
