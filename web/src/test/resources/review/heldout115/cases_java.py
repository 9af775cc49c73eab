"""Round-115 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / LOG-02: retrying API client of a data platform's SDK (databricks-sdk-java)
DATABRICKS = template('databricks-api-client-retry', r'''
/**
 * Executes the SDK's REST calls against a workspace, retrying throttled and transient failures with backoff. An
 * interrupted caller stops the retries at once: the interrupt is restored and the call ends with an exception.
 */
public class ApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

  private final int maxAttempts;
  private final HttpClient httpClient;
  private final Timer timer;
  private final Random random = new Random();

  public ApiClient(DatabricksConfig config, Timer timer) {
    this.httpClient = config.getHttpClient();
    this.timer = timer;
    this.maxAttempts = 4;
  }

  Response executeWithRetries(Request in) {
    int attemptNumber = 0;
    while (true) {
      attemptNumber++;
      IOException err = null;
      Response out = null;
      try {
        out = httpClient.execute(in);
      } catch (IOException e) {
        err = e;
      }
      if (!isRetriable(out, err)) {
        if (err != null) {
          throw new DatabricksException("IO error: " + err.getMessage(), err);
        }
        return out;
      }
      if (attemptNumber == maxAttempts) {
        throw new DatabricksException(
            String.format("Request %s failed after %d retries", in, maxAttempts), err);
      }
      long sleepMillis = getBackoffMillis(out, attemptNumber);
01|      LOG.debug("Retry {} in {}ms", in.getRequestLine(), sleepMillis);
2|      LOG.debug("Retry " + in.getRequestLine() + " in " + sleepMillis + "ms"); //@LOG-02
      try {
        timer.sleep(sleepMillis);
      } catch (InterruptedException e) { //@{1}CONC-05
02|        Thread.currentThread().interrupt();
02|        throw new DatabricksException("Current thread was interrupted", e);
1|        LOG.debug("Backoff of {} was interrupted; retrying now", in.getRequestLine());
      }
    }
  }

  private long getBackoffMillis(Response response, int attemptNumber) {
    if (response != null && response.getRetryAfter().isPresent()) {
      return response.getRetryAfter().get() * 1000L;
    }
    long backoff = Math.min(10_000L, 1000L * (1L << Math.min(attemptNumber, 4)));
    return backoff + random.nextInt(1000);
  }

  private boolean isRetriable(Response out, IOException err) {
    if (err != null) {
      return true;
    }
    int status = out.getStatusCode();
    return status == 429 || status == 503 || status == 504;
  }
}
''')
cases_of(case, GH + 'databricks/databricks-sdk-java/pull/272',
         'databricks-sdk-java/' + src('com.databricks.sdk.core', 'ApiClient'),
         J('com.databricks.sdk.core', ['com.databricks.sdk.core.http.HttpClient', 'com.databricks.sdk.core.http.Request',
                                       'com.databricks.sdk.core.http.Response', 'com.databricks.sdk.core.utils.Timer',
                                       'java.io.IOException', 'java.util.Random'] + SLF4J)(DATABRICKS), [
             (1, 'java-00-databricks-retry-backoff-interrupt-swallowed',
              'an edit logs an interrupted backoff and retries at once, dropping the interrupt, so an interrupted '
              'caller keeps calling the API without sleeping until the retries run out', 'edit'),
             (2, 'java-00-databricks-retry-debug-line-concatenated',
              'an edit builds the retry\'s debug message by string concatenation, paid on every retry with debug off',
              'edit'),
             (0, 'java-ok-00-databricks-retry-backoff-interrupt-restored',
              'clean: the fix restores the interrupt and ends the call with an exception', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: request execution of a cloud SDK's core (aliyun tea-java)
TEA = template('tea-do-action', r'''
/**
 * Sends one request of a generated Alibaba Cloud client. OkHttp clients are shared per endpoint through
 * ClientHelper, and every response is closed before doAction returns, so its connection goes back to the pool.
 */
public class Tea {

    public static TeaResponse doAction(TeaRequest request, Map<String, Object> runtimeOptions) {
        String host = request.headers.get("host");
2|        int connectTimeout = intOption(runtimeOptions, "connectTimeout", 5000);
2|        int readTimeout = intOption(runtimeOptions, "readTimeout", 10000);
        try {
01|            OkHttpClient client = ClientHelper.getOkHttpClient(host, request.port, runtimeOptions);
2|            OkHttpClient client = new OkHttpClient.Builder() //@RES-04
2|                    .connectTimeout(connectTimeout, TimeUnit.MILLISECONDS)
2|                    .readTimeout(readTimeout, TimeUnit.MILLISECONDS)
2|                    .build();
            Request okRequest = new OkRequestBuilder().url(composeUrl(request)).header(request.headers)
                    .buildRequest(request);
02|            try (Response response = client.newCall(okRequest).execute()) {
02|                return toTeaResponse(response);
02|            }
1|            Response response = client.newCall(okRequest).execute(); //@RES-02
1|            return toTeaResponse(response);
        } catch (IOException e) {
            throw new TeaRetryableException(e);
        }
    }

    private static TeaResponse toTeaResponse(Response response) throws IOException {
        TeaResponse teaResponse = new TeaResponse();
        teaResponse.statusCode = response.code();
        teaResponse.statusMessage = response.message();
        for (String name : response.headers().names()) {
            teaResponse.headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
        }
        ResponseBody body = response.body();
        teaResponse.body = body == null ? new byte[0] : readAll(body.byteStream());
        return teaResponse;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static int intOption(Map<String, Object> options, String key, int defaultValue) {
        Object value = options.get(key);
        return value instanceof Number ? ((Number) value).intValue() : defaultValue;
    }
}
''')
_TEA = ['com.aliyun.tea.okhttp.ClientHelper', 'com.aliyun.tea.okhttp.OkRequestBuilder', 'java.io.ByteArrayOutputStream',
        'java.io.IOException', 'java.io.InputStream', 'java.util.Locale', 'java.util.Map', 'okhttp3.OkHttpClient',
        'okhttp3.Request', 'okhttp3.Response', 'okhttp3.ResponseBody']
cases_of(case, GH + 'aliyun/tea-java/pull/141', src('com.aliyun.tea', 'Tea'),
         JV('com.aliyun.tea', {0: _TEA, 1: _TEA, 2: _TEA + ['java.util.concurrent.TimeUnit']})(TEA), [
             (1, 'java-00-tea-response-left-open',
              'an edit reads the response of every request without closing it, so each call of a generated client '
              'leaves its connection to the OkHttp pool\'s leak detector', 'edit'),
             (2, 'java-00-tea-okhttp-client-per-request',
              'an edit builds a new OkHttpClient for every request instead of the shared client of the endpoint, each '
              'with a connection pool and dispatcher of its own', 'edit'),
             (0, 'java-ok-00-tea-response-closed',
              'clean: the fix closes each response with try-with-resources after reading it', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: entity parsing of an ALM REST SDK (ALMOctaneJavaRESTSDK)
OCTANE = template('octane-entity-dates', r'''
/**
 * Turns the JSON entities Octane returns into entity models. Octane writes dates in UTC ("2017-03-15T10:00:00Z"), so
 * they are parsed in UTC whatever the zone of the machine the SDK runs on.
 */
public final class EntityListService {
    private static final String SERVER_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private final OctaneHttpClient octaneHttpClient;
    private final String baseDomain;
    private final String entityName;

    public EntityListService(OctaneHttpClient octaneHttpClient, String baseDomain, String entityName) {
        this.octaneHttpClient = octaneHttpClient;
        this.baseDomain = baseDomain;
        this.entityName = entityName;
    }

    EntityModel getEntityModel(JSONObject jsonEntityObj) {
        Set<FieldModel> fieldModels = new HashSet<>();
        for (String key : jsonEntityObj.keySet()) {
            Object value = jsonEntityObj.get(key);
            if (value instanceof JSONObject) {
                fieldModels.add(new ReferenceFieldModel(key, getEntityModel((JSONObject) value)));
            } else if (value instanceof String && isDateField(key)) {
                try {
                    fieldModels.add(new DateFieldModel(key, parseServerDate((String) value)));
                } catch (ParseException e) { //@{2}ERR-01
01|                    throw new IllegalStateException("Octane returned an unreadable date in " + entityName + "." + key
01|                            + ": " + value, e);
2|                    fieldModels.add(new StringFieldModel(key, (String) value));
                }
            } else if (value instanceof String) {
                fieldModels.add(new StringFieldModel(key, (String) value));
            } else if (value instanceof Number) {
                fieldModels.add(new LongFieldModel(key, ((Number) value).longValue()));
            } else if (value instanceof Boolean) {
                fieldModels.add(new BooleanFieldModel(key, (Boolean) value));
            }
        }
        return new EntityModel(fieldModels);
    }

    static Date parseServerDate(String value) throws ParseException {
        SimpleDateFormat format = new SimpleDateFormat(SERVER_DATE_PATTERN); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.parse(value);
    }

    private static boolean isDateField(String key) {
        return key.equals("creation_time") || key.equals("last_modified") || key.endsWith("_date");
    }
}
''')
OCTANE_TEST = f('sdk-src/' + tst('com.hpe.adm.nga.sdk', 'EntityListServiceDateTest'), new=java(
    'com.hpe.adm.nga.sdk', ['java.util.Date', 'org.junit.Assert', 'org.junit.Test'], r'''
public class EntityListServiceDateTest {

    @Test
    public void serverDatesAreReadAsUtc() throws Exception {
        Date parsed = EntityListService.parseServerDate("2017-03-15T10:00:00Z");
        Assert.assertEquals(1489572000000L, parsed.getTime());
    }
}
'''))
cases_of(case, GH + 'MicroFocus/ALMOctaneJavaRESTSDK/pull/8', 'sdk-src/' + src('com.hpe.adm.nga.sdk', 'EntityListService'),
         J('com.hpe.adm.nga.sdk', ['com.hpe.adm.nga.sdk.model.BooleanFieldModel', 'com.hpe.adm.nga.sdk.model.DateFieldModel',
                                   'com.hpe.adm.nga.sdk.model.EntityModel', 'com.hpe.adm.nga.sdk.model.FieldModel',
                                   'com.hpe.adm.nga.sdk.model.LongFieldModel', 'com.hpe.adm.nga.sdk.model.ReferenceFieldModel',
                                   'com.hpe.adm.nga.sdk.model.StringFieldModel',
                                   'com.hpe.adm.nga.sdk.network.OctaneHttpClient', 'java.text.ParseException',
                                   'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.HashSet', 'java.util.Set',
                                   'java.util.TimeZone', 'org.json.JSONObject'])(OCTANE), [
             (1, 'java-00-octane-entity-dates-in-default-zone',
              'an edit parses Octane\'s UTC dates with a formatter in the JVM\'s default zone, shifting every date by '
              'the machine\'s offset', 'edit'),
             (2, 'java-00-octane-unreadable-date-kept-as-string',
              'an edit keeps an unreadable date as a plain string field instead of failing, hiding the parse error '
              'from the caller', 'edit'),
             (0, 'java-ok-00-octane-entity-dates-in-utc',
              'clean: the fix parses the dates in UTC; the change adds a test beside it', 'fix', [OCTANE_TEST]),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: REST calls of a tax API client (AvaTax-REST-V2-JRE-SDK)
AVATAX = template('avatax-rest-call', r'''
/**
 * One call of the AvaTax REST API, run on the AvaTaxClient's executor. Every call of a client shares the client's
 * CloseableHttpClient and its connection pool; the client closes it when it is closed itself.
 */
public class RestCall<T> implements Callable<T> {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int SOCKET_TIMEOUT_MS = 120_000;

    private final CloseableHttpClient client;
    private final HttpRequestBase request;
    private final TypeToken<T> typeToken;

    RestCall(CloseableHttpClient client, HttpRequestBase request, TypeToken<T> typeToken) {
        this.client = client;
        this.request = request;
        this.typeToken = typeToken;
    }

    /** The client an AvaTaxClient builds once and hands to every call. */
    static CloseableHttpClient sharedClient() {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(50);
        pool.setDefaultMaxPerRoute(20);
01|        return HttpClients.custom().setConnectionManager(pool).setDefaultRequestConfig(timeouts()).build();
2|        return HttpClients.custom().setConnectionManager(pool).build(); //@TMO-01
    }

01|    static RequestConfig timeouts() {
01|        return RequestConfig.custom()
01|                .setConnectTimeout(CONNECT_TIMEOUT_MS)
01|                .setConnectionRequestTimeout(CONNECT_TIMEOUT_MS)
01|                .setSocketTimeout(SOCKET_TIMEOUT_MS)
01|                .build();
01|    }
01|
    @Override
    public T call() throws Exception {
02|        try (CloseableHttpResponse response = client.execute(request)) {
1|        CloseableHttpClient perCall = HttpClients.custom().setDefaultRequestConfig(timeouts()).build(); //@RES-04
1|        try (CloseableHttpResponse response = perCall.execute(request)) {
            String json = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            int status = response.getStatusLine().getStatusCode();
            if (status / 100 != 2) {
                throw new AvaTaxClientException(JsonSerializer.deserialize(json, ErrorResult.class), status);
            }
            return JsonSerializer.deserialize(json, typeToken.getType());
        }
    }
}
''')
_AVA = ['com.google.gson.reflect.TypeToken', 'java.util.concurrent.Callable', 'net.avalara.avatax.rest.client.models.ErrorResult',
        'net.avalara.avatax.rest.client.serializer.JsonSerializer', 'org.apache.http.client.methods.CloseableHttpResponse',
        'org.apache.http.client.methods.HttpRequestBase', 'org.apache.http.impl.client.CloseableHttpClient',
        'org.apache.http.impl.client.HttpClients', 'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
        'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'avadev/AvaTax-REST-V2-JRE-SDK/issues/97', src('net.avalara.avatax.rest.client', 'RestCall'),
         JV('net.avalara.avatax.rest.client', {0: _AVA + ['org.apache.http.client.config.RequestConfig'],
                                               1: _AVA + ['org.apache.http.client.config.RequestConfig'],
                                               2: _AVA})(AVATAX), [
             (1, 'java-00-avatax-http-client-per-call',
              'an edit builds a new CloseableHttpClient inside every call, with a connection pool of its own that is '
              'never closed, instead of the client\'s shared one', 'edit'),
             (2, 'java-00-avatax-shared-client-without-timeouts',
              'an edit builds the shared client without its request config, so a call to an AvaTax endpoint that '
              'stops answering blocks an executor thread for good', 'edit'),
             (0, 'java-ok-00-avatax-shared-http-client',
              'clean: the fix runs every call on the client\'s shared CloseableHttpClient', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-07: decision log buffer of a policy engine's Java SDK (java-opa-sdk), new file
OPA = template('opa-decision-log-buffer', r'''
/**
 * Buffers decision log events and uploads them in batches to the decision log service. The buffer has a hard cap:
 * when uploads are slow or failing, the oldest events are dropped and counted instead of memory growing, and a
 * failed upload never ends the periodic flush.
 */
public final class DecisionLogBuffer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLogBuffer.class);

    private final BlockingQueue<DecisionEvent> events;
    private final AtomicLong dropped = new AtomicLong();
    private final DecisionLogUploader uploader;
    private final ScheduledExecutorService flusher;
    private final ScheduledFuture<?> schedule;
    private final int batchSize;

    public DecisionLogBuffer(DecisionLogUploader uploader, int capacity, int batchSize, Duration flushInterval) {
        this.uploader = uploader;
        this.batchSize = batchSize;
02|        this.events = new ArrayBlockingQueue<>(capacity);
1|        this.events = new LinkedBlockingQueue<>(); //@CONC-02
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opa-decision-logs");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("decision log thread failed", e));
            return t;
        });
        long interval = flushInterval.toMillis();
01|        this.schedule = flusher.scheduleWithFixedDelay(this::flushSafely, interval, interval, TimeUnit.MILLISECONDS);
2|        this.schedule = flusher.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS); //@CONC-07
    }

    /** Adds an event, dropping the oldest buffered one when the buffer is full. */
    public void add(DecisionEvent event) {
        while (!events.offer(event)) {
            if (events.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    public long droppedEvents() {
        return dropped.get();
    }

01|    private void flushSafely() {
01|        try {
01|            flush();
01|        } catch (Throwable t) {
01|            LOG.warn("decision log upload failed; {} events stay buffered", events.size(), t);
01|        }
01|    }
01|
    void flush() {
        List<DecisionEvent> batch = new ArrayList<>(batchSize);
        events.drainTo(batch, batchSize);
        if (batch.isEmpty()) {
            return;
        }
        try {
            uploader.upload(batch);
        } catch (IOException e) {
            for (DecisionEvent event : batch) {
                add(event);
            }
            throw new UncheckedIOException("uploading " + batch.size() + " decision events", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        schedule.cancel(false);
        flusher.shutdown();
        if (!flusher.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("decision log flush still running after 10s; {} events not uploaded", events.size());
        }
    }
}
''')
_OPA = ['java.io.IOException', 'java.io.UncheckedIOException', 'java.time.Duration', 'java.util.ArrayList', 'java.util.List',
        'java.util.concurrent.BlockingQueue', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
        'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'] + SLF4J
cases_of(case, GH + 'open-policy-agent/java-opa-sdk/issues/76', src('org.openpolicyagent.opa.plugins.logs', 'DecisionLogBuffer'),
         JV('org.openpolicyagent.opa.plugins.logs', {0: _OPA + ['java.util.concurrent.ArrayBlockingQueue'],
                                                     1: _OPA + ['java.util.concurrent.LinkedBlockingQueue'],
                                                     2: _OPA + ['java.util.concurrent.ArrayBlockingQueue']})(OPA), [
             (1, 'java-00-opa-decision-log-buffer-unbounded',
              'a new decision log buffer on an unbounded queue, so a stuck upload service grows the buffer until the '
              'process runs out of memory', 'new'),
             (2, 'java-00-opa-decision-log-flush-scheduled-unguarded',
              'a new decision log buffer whose periodic flush is scheduled without a catch, so the first failed upload '
              'ends all flushing', 'new'),
             (0, 'java-ok-00-opa-decision-log-buffer',
              'clean: the new buffer is bounded, drops the oldest events and flushes through a guarded task', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-03: retry strategy of a data ingestion SDK (snowflake-ingest-java), CRLF file
SNOWFLAKE = template('snowflake-ingest-retry-logging', r'''
/** HTTP helpers of the ingest SDK: the shared client and its retry strategy for throttled and unavailable service. */
public final class HttpUtil {
  private static final Logger LOGGER = LoggerFactory.getLogger(HttpUtil.class);

  static final int MAX_RETRIES = 10;
  static final long RETRY_INTERVAL_MS = 2000L;
  static final String REQUEST_ID = "requestId";

  private static final int REQUEST_TIMEOUT = 408;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVER_ERRORS = 500;
02|  private static final long THROTTLE_INFO_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
02|  private static final AtomicLong LAST_THROTTLE_INFO_NANOS = new AtomicLong(System.nanoTime() - THROTTLE_INFO_INTERVAL_NANOS);

  private HttpUtil() {}

  /**
   * Retries throttled (429) and unavailable responses. Throttling is routine under load and the SDK recovers from it,
   * so retries are logged at debug, and at info at most once every ten seconds; each line names the request id.
   */
  static ServiceUnavailableRetryStrategy getServiceUnavailableRetryStrategy() {
    return new ServiceUnavailableRetryStrategy() {
      @Override
      public boolean retryRequest(HttpResponse response, int executionCount, HttpContext context) {
        int statusCode = response.getStatusLine().getStatusCode();
        boolean retry = executionCount <= MAX_RETRIES
            && (statusCode == REQUEST_TIMEOUT || statusCode == TOO_MANY_REQUESTS || statusCode >= SERVER_ERRORS);
        if (!retry) {
          return false;
        }
02|        if (executionCount == 1 && throttleInfoDue()) {
0|          LOGGER.info("Retrying request {} to {} after status {}, up to {} times",
0|              requestIdOf(context), uriOf(context), statusCode, MAX_RETRIES);
2|          LOGGER.info("Retrying request to {} after status {}, up to {} times", //@LOG-03
2|              uriOf(context), statusCode, MAX_RETRIES);
02|        } else {
02|          LOGGER.debug("Retry {} of request {} after status {}", executionCount, requestIdOf(context), statusCode);
02|        }
1|        LOGGER.warn("Retrying request {} to {} after status {}", requestIdOf(context), uriOf(context), statusCode); //@LOG-01
        return true;
      }

      @Override
      public long getRetryInterval() {
        return RETRY_INTERVAL_MS;
      }
    };
  }

02|  private static boolean throttleInfoDue() {
02|    long now = System.nanoTime();
02|    long last = LAST_THROTTLE_INFO_NANOS.get();
02|    return now - last >= THROTTLE_INFO_INTERVAL_NANOS && LAST_THROTTLE_INFO_NANOS.compareAndSet(last, now);
02|  }
02|
  private static String uriOf(HttpContext context) {
    HttpRequestWrapper request = (HttpRequestWrapper) context.getAttribute(HttpCoreContext.HTTP_REQUEST);
    return request == null ? "<unknown>" : request.getURI().getPath();
  }

  private static String requestIdOf(HttpContext context) {
    HttpRequestWrapper request = (HttpRequestWrapper) context.getAttribute(HttpCoreContext.HTTP_REQUEST);
    if (request == null || request.getURI().getQuery() == null) {
      return "<none>";
    }
    for (String pair : request.getURI().getQuery().split("&")) {
      if (pair.startsWith(REQUEST_ID + "=")) {
        return pair.substring(REQUEST_ID.length() + 1);
      }
    }
    return "<none>";
  }
}
''')
_SF = ['org.apache.http.HttpResponse', 'org.apache.http.client.ServiceUnavailableRetryStrategy',
       'org.apache.http.client.methods.HttpRequestWrapper', 'org.apache.http.protocol.HttpContext',
       'org.apache.http.protocol.HttpCoreContext'] + SLF4J
_SF_RATE = ['java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong']
cases_of(case, GH + 'snowflakedb/snowflake-ingest-java/pull/302', src('net.snowflake.ingest.utils', 'HttpUtil'),
         JV('net.snowflake.ingest.utils', {0: _SF + _SF_RATE, 1: _SF, 2: _SF + _SF_RATE})(SNOWFLAKE), [
             (1, 'java-00-snowflake-ingest-every-retry-warned',
              'an edit logs every retry of every throttled request at warn, so a throttled ingestion floods the '
              'application\'s log with one warning per request per retry', 'edit'),
             (2, 'java-00-snowflake-ingest-retry-line-without-request-id',
              'an edit drops the request id from the first retry\'s log line, the one line a user can match with '
              'Snowflake support', 'edit'),
             (0, 'java-ok-00-snowflake-ingest-retry-logged-once',
              'clean: the fix logs retries at debug and throttling at info at most every ten seconds', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / ERR-01: token cache of an OAuth client library (microsoft-authentication-library-for-java)
MSAL = template('msal-token-cache', r'''
/**
 * The in-memory token cache of a client application. Applications share one ClientApplication between threads, so
 * every read and write of the cache's maps happens under the cache's read-write lock.
 */
public class TokenCache implements ITokenCache {
    static final int MIN_ACCESS_TOKEN_EXPIRE_IN_SEC = 5 * 60;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    Map<String, AccessTokenCacheEntity> accessTokens = new LinkedHashMap<>();
    Map<String, RefreshTokenCacheEntity> refreshTokens = new LinkedHashMap<>();

    @Override
    public void deserialize(String data) {
        if (StringHelper.isBlank(data)) {
            return;
        }
        lock.writeLock().lock();
        try {
            TokenCache deserialized = JsonHelper.convertJsonToObject(data, TokenCache.class);
            this.accessTokens = deserialized.accessTokens;
            this.refreshTokens = deserialized.refreshTokens;
2|        } catch (MsalClientException e) { //@ERR-01
2|            this.accessTokens.clear();
2|            this.refreshTokens.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void saveTokens(AuthenticationResult result, String environment) {
02|        lock.writeLock().lock();
02|        try {
02|            saveTokensLocked(result, environment);
02|        } finally {
02|            lock.writeLock().unlock();
02|        }
1|        saveTokensLocked(result, environment); //@CONC-03
    }

    private void saveTokensLocked(AuthenticationResult result, String environment) {
        if (!StringHelper.isBlank(result.accessToken())) {
            AccessTokenCacheEntity at = AccessTokenCacheEntity.create(result, environment);
            accessTokens.put(at.getKey(), at);
        }
        if (!StringHelper.isBlank(result.refreshToken())) {
            RefreshTokenCacheEntity rt = RefreshTokenCacheEntity.create(result, environment);
            refreshTokens.put(rt.getKey(), rt);
        }
    }

    Optional<AccessTokenCacheEntity> getAccessToken(String key) {
        lock.readLock().lock();
        try {
            AccessTokenCacheEntity at = accessTokens.get(key);
            long now = Instant.now().getEpochSecond();
            if (at == null || Long.parseLong(at.expiresOn()) - now < MIN_ACCESS_TOKEN_EXPIRE_IN_SEC) {
                return Optional.empty();
            }
            return Optional.of(at);
        } finally {
            lock.readLock().unlock();
        }
    }
}
''')
cases_of(case, GH + 'AzureAD/microsoft-authentication-library-for-java/pull/79', src('com.microsoft.aad.msal4j', 'TokenCache'),
         J('com.microsoft.aad.msal4j', ['java.time.Instant', 'java.util.LinkedHashMap', 'java.util.Map', 'java.util.Optional',
                                        'java.util.concurrent.locks.ReadWriteLock',
                                        'java.util.concurrent.locks.ReentrantReadWriteLock'])(MSAL), [
             (1, 'java-00-msal-token-cache-saved-without-lock',
              'an edit saves a token response into the cache\'s maps without the write lock, while other threads of '
              'the shared application read them', 'edit'),
             (2, 'java-00-msal-token-cache-unreadable-cache-swallowed',
              'an edit catches a cache that cannot be deserialized and silently starts empty, so every user of a '
              'corrupted cache is signed in again without anyone learning why', 'edit'),
             (0, 'java-ok-00-msal-token-cache-saved-under-lock',
              'clean: the fix saves the tokens under the cache\'s write lock', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: event dispatcher of an analytics SDK (analytics-android), moved file
SEGMENT = template('segment-dispatcher-shutdown', r'''
/**
 * Uploads queued events to Segment in batches from a bounded network executor. Shutting down stops the flush
 * trigger at once but lets the uploads already running finish (within a bound), so no accepted batch is cut off.
 */
public class SegmentDispatcher {
    static final int SHUTDOWN_WAIT_SECONDS = 10;

    private final Logger logger;
    private final ScheduledExecutorService flushScheduler;
    private final ExecutorService networkExecutor;
    private final ScheduledFuture<?> flushTask;
    private final Client client;
    private final PayloadQueue payloadQueue;

    SegmentDispatcher(Client client, PayloadQueue payloadQueue, Logger logger, long flushIntervalMillis) {
        this.client = client;
        this.payloadQueue = payloadQueue;
        this.logger = logger;
        this.networkExecutor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<Runnable>(16),
                this::newNetworkThread, new ThreadPoolExecutor.CallerRunsPolicy());
        this.flushScheduler = Executors.newSingleThreadScheduledExecutor(this::newNetworkThread);
        this.flushTask = flushScheduler.scheduleAtFixedRate(this::flushSafely, flushIntervalMillis, flushIntervalMillis,
                TimeUnit.MILLISECONDS);
    }

    private Thread newNetworkThread(Runnable r) {
        Thread t = new Thread(r, "SegmentAnalytics-Network"); //@{2}CONC-01
        t.setPriority(Thread.MIN_PRIORITY);
01|        t.setUncaughtExceptionHandler((thread, e) -> logger.error(e, "Segment network thread failed"));
        return t;
    }

    private void flushSafely() {
        try {
            networkExecutor.execute(this::upload);
        } catch (Throwable t) {
            logger.error(t, "could not schedule a Segment upload");
        }
    }

    private void upload() {
        try {
            payloadQueue.uploadBatch(client);
        } catch (IOException e) {
            logger.error(e, "Segment upload failed; the batch stays queued");
        }
    }

    void shutdown() {
        flushTask.cancel(false);
        flushScheduler.shutdown();
02|        networkExecutor.shutdown();
02|        try {
02|            if (!networkExecutor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
02|                logger.info("Segment uploads still running after %d s; abandoning them", SHUTDOWN_WAIT_SECONDS);
02|                networkExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            networkExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        networkExecutor.shutdownNow(); //@OPS-01
    }
}
''')
cases_of(case, GH + 'segmentio/analytics-android/pull/331', 'analytics/' + src('com.segment.analytics.internal', 'SegmentDispatcher'),
         J('com.segment.analytics.internal', ['com.segment.analytics.Client', 'com.segment.analytics.PayloadQueue',
                                              'com.segment.analytics.integrations.Logger', 'java.io.IOException', 'java.util.concurrent.ExecutorService',
                                              'java.util.concurrent.Executors', 'java.util.concurrent.LinkedBlockingQueue',
                                              'java.util.concurrent.ScheduledExecutorService',
                                              'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'])(SEGMENT), [
             (1, 'java-00-segment-moved-dispatcher-shutdown-kills-uploads',
              'the dispatcher moves into the internal package and its shutdown kills the network executor with '
              'shutdownNow, interrupting the batches being uploaded', 'rename'),
             (2, 'java-00-segment-moved-network-thread-without-handler',
              'the dispatcher moves into the internal package and its network threads lose their uncaught-exception '
              'handler, so a failing upload task dies without a trace', 'rename'),
             (0, 'java-ok-00-segment-moved-dispatcher',
              'clean: the move alone; shutdown drains the uploads and threads report failures', 'rename'),
         ], rename_from='analytics/' + src('com.segment.analytics', 'SegmentDispatcher'),
         rename_old=lambda t: t.replace('package com.segment.analytics.internal;', 'package com.segment.analytics;')
         .replace('import com.segment.analytics.Client;\n', '').replace('import com.segment.analytics.PayloadQueue;\n', ''))


# ---------------------------------------------------------------- CONC-07 / CONC-05: token refresh of an identity SDK (here-aaa-java-sdk)
HERE = template('here-refreshable-token', r'''
/**
 * Keeps an access token fresh: the first token is fetched when the provider is built, and each following one a
 * minute before the current one expires. A failed refresh is retried shortly after; it never ends the refreshing.
 */
public class RefreshableResponseProvider<T extends ExpiringResponse> implements Closeable {
    private static final Logger LOGGER = Logger.getLogger(RefreshableResponseProvider.class.getName());
    private static final long RETRY_MILLIS = 5_000L;
    private static final long REFRESH_BEFORE_EXPIRY_MILLIS = 60_000L;
    private static final int MAX_INITIAL_ATTEMPTS = 3;

    private final ScheduledExecutorService scheduledExecutorService;
    private final ResponseRefresher<T> refresher;
    private volatile T refreshToken;
    private volatile ScheduledFuture<?> nextRefresh;

    public RefreshableResponseProvider(ResponseRefresher<T> refresher, ScheduledExecutorService scheduledExecutorService) {
        this.refresher = refresher;
        this.scheduledExecutorService = scheduledExecutorService;
        this.refreshToken = fetchInitialToken();
        scheduleTokenRefresh(refreshDelayMillis(refreshToken));
    }

    public T getUnexpiredResponse() {
        return refreshToken;
    }

    private T fetchInitialToken() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_INITIAL_ATTEMPTS; attempt++) {
            try {
                return refresher.refresh(null);
            } catch (RuntimeException e) {
                last = e;
            }
            if (attempt < MAX_INITIAL_ATTEMPTS) {
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) { //@{2}CONC-05
01|                    Thread.currentThread().interrupt();
01|                    throw new IllegalStateException("interrupted while waiting to retry the token request", e);
2|                    LOGGER.fine("token retry wait interrupted");
                }
            }
        }
        throw new IllegalStateException("no access token after " + MAX_INITIAL_ATTEMPTS + " attempts", last);
    }

    private void scheduleTokenRefresh(long delayMillis) {
02|        nextRefresh = scheduledExecutorService.schedule(this::refreshSafely, delayMillis, TimeUnit.MILLISECONDS);
1|        nextRefresh = scheduledExecutorService.schedule(this::refreshNow, delayMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

02|    private void refreshSafely() {
02|        try {
02|            refreshNow();
02|        } catch (Throwable t) {
02|            LOGGER.log(Level.WARNING, "access token refresh failed; retrying shortly", t);
02|            scheduleTokenRefresh(RETRY_MILLIS);
02|        }
02|    }
02|
    private void refreshNow() {
        T fresh = refresher.refresh(refreshToken);
        refreshToken = fresh;
        scheduleTokenRefresh(refreshDelayMillis(fresh));
    }

    private static long refreshDelayMillis(ExpiringResponse token) {
        return Math.max(0L, token.getExpiresIn() * 1000L - REFRESH_BEFORE_EXPIRY_MILLIS);
    }

    @Override
    public void close() {
        ScheduledFuture<?> pending = nextRefresh;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
''')
cases_of(case, GH + 'heremaps/here-aaa-java-sdk/pull/40', 'here-oauth-client/' + src('com.here.account.oauth2', 'RefreshableResponseProvider'),
         J('com.here.account.oauth2', ['java.io.Closeable', 'java.util.concurrent.ScheduledExecutorService',
                                       'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                       'java.util.logging.Level', 'java.util.logging.Logger'])(HERE), [
             (1, 'java-00-here-token-refresh-scheduled-unguarded',
              'an edit schedules the token refresh without its catch, so the first refresh that fails ends all '
              'refreshing and the application keeps an expired token', 'edit'),
             (2, 'java-00-here-initial-token-retry-interrupt-swallowed',
              'an edit logs an interrupted wait between initial token attempts and goes on, dropping the interrupt '
              'of a thread being shut down', 'edit'),
             (0, 'java-ok-00-here-token-refresh-retried',
              'clean: the fix refreshes through a guarded task that retries a failed refresh shortly after', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-06: push connection of a Loki logging client (tjahzi)
TJAHZI = template('tjahzi-http-connection-close', r'''
/**
 * The connection that pushes log batches to Loki, driven by a Netty event loop of its own. Pushes are pipelined;
 * close waits, within the shutdown budget, until every push written so far is answered and the event loop has
 * stopped, because the JVM usually exits as soon as close returns and would take the last batch with it.
 */
public class HttpConnection {
    private final EventLoopGroup group;
    private final Channel channel;
    private final MonitoringModule monitoringModule;
    private final AtomicInteger outstanding = new AtomicInteger();

    HttpConnection(EventLoopGroup group, Channel channel, MonitoringModule monitoringModule) {
        this.group = group;
        this.channel = channel;
        this.monitoringModule = monitoringModule;
    }

    public void execute(FullHttpRequest request) {
        outstanding.incrementAndGet();
01|        channel.writeAndFlush(request).addListener((ChannelFutureListener) future -> {
01|            if (!future.isSuccess()) {
01|                outstanding.decrementAndGet();
01|                monitoringModule.addPipelineError(future.cause());
01|            }
01|        });
2|        channel.writeAndFlush(request); //@CONC-06
    }

    /** Called by the response handler on the event loop for every answer of Loki. */
    void onResponse(FullHttpResponse response) {
        outstanding.decrementAndGet();
        if (response.status().code() / 100 != 2) {
            monitoringModule.incrementHttpErrors(response.status().code(), response.content().toString(StandardCharsets.UTF_8));
        }
    }

    public void close(Duration timeout) {
02|        long deadline = System.nanoTime() + timeout.toNanos();
02|        while (outstanding.get() > 0 && channel.isActive() && System.nanoTime() < deadline) {
02|            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
02|        }
02|        boolean stopped = group.shutdownGracefully(0, remainingMillis(deadline), TimeUnit.MILLISECONDS)
02|                .awaitUninterruptibly(remainingMillis(deadline) + 100);
02|        if (!stopped || outstanding.get() > 0) {
02|            monitoringModule.addPipelineError(new TimeoutException(outstanding.get() + " pushes unanswered at shutdown"));
02|        }
1|        group.shutdownGracefully(); //@OPS-01
    }
02|
02|    static long remainingMillis(long deadlineNanos) {
02|        return Math.max(0L, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
02|    }
}
''')
_TJ = ['io.netty.channel.Channel', 'io.netty.channel.ChannelFutureListener', 'io.netty.channel.EventLoopGroup',
       'io.netty.handler.codec.http.FullHttpRequest', 'io.netty.handler.codec.http.FullHttpResponse',
       'java.nio.charset.StandardCharsets', 'java.time.Duration', 'java.util.concurrent.atomic.AtomicInteger',
       'pl.tkowalcz.tjahzi.stats.MonitoringModule']
_TJ_WAIT = ['java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException', 'java.util.concurrent.locks.LockSupport']
TJAHZI_TEST = f('core/' + tst('pl.tkowalcz.tjahzi.http', 'HttpConnectionTest'), new=java(
    'pl.tkowalcz.tjahzi.http', ['static org.assertj.core.api.Assertions.assertThat', 'java.util.concurrent.TimeUnit',
                                'org.junit.jupiter.api.Test'], r'''
class HttpConnectionTest {

    @Test
    void shouldHaveNoTimeLeftPastTheDeadline() {
        assertThat(HttpConnection.remainingMillis(System.nanoTime() - TimeUnit.SECONDS.toNanos(1))).isZero();
    }

    @Test
    void shouldCountDownToTheDeadline() {
        long left = HttpConnection.remainingMillis(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        assertThat(left).isBetween(4_000L, 5_000L);
    }
}
'''))
cases_of(case, GH + 'tkowalcz/tjahzi/pull/182', 'core/' + src('pl.tkowalcz.tjahzi.http', 'HttpConnection'),
         JV('pl.tkowalcz.tjahzi.http', {0: _TJ + _TJ_WAIT, 1: _TJ, 2: _TJ + _TJ_WAIT})(TJAHZI), [
             (1, 'java-00-tjahzi-close-without-awaiting-pushes',
              'an edit makes close start the event loop\'s shutdown and return at once, without waiting for the pushes '
              'in flight, so the last log batch dies with the JVM', 'edit'),
             (2, 'java-00-tjahzi-push-write-future-dropped',
              'an edit writes each push without observing its write future, so a push that never reaches Loki is '
              'neither counted nor reported and close waits for it in vain', 'edit'),
             (0, 'java-ok-00-tjahzi-close-awaits-pushes',
              'clean: the fix waits for the pushes in flight and the event loop within the budget; the change adds a '
              'test beside it', 'fix', [TJAHZI_TEST]),
         ])
