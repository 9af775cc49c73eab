"""Round-61 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / LOG-02: cache registry of a bean transformer library (bull)
BULL = template('bull-cache-manager-factory', r'''
/**
 * Hands out one {@link CacheManager} per cache name; the managers are shared by every transformer of the JVM.
 */
public final class CacheManagerFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(CacheManagerFactory.class);
    private static final int INITIAL_CAPACITY = 64;
02|    private static final Map<String, CacheManager> CACHE_MAP = new ConcurrentHashMap<>();
1|    private static final Map<String, CacheManager> CACHE_MAP = new HashMap<>();

    private CacheManagerFactory() {
    }

    /**
     * Returns the cache manager of the given name, creating it on first use.
     * @param cacheName the cache name
     * @return the shared cache manager
     */
    public static CacheManager getCacheManager(final String cacheName) {
        Objects.requireNonNull(cacheName, "cacheName cannot be null!");
02|        return CACHE_MAP.computeIfAbsent(cacheName, CacheManagerFactory::createCacheManager);
1|        CacheManager cacheManager = CACHE_MAP.get(cacheName);
1|        if (cacheManager == null) {
1|            cacheManager = createCacheManager(cacheName);
1|            CACHE_MAP.put(cacheName, cacheManager); //@CONC-03
1|        }
1|        return cacheManager;
    }

    private static CacheManager createCacheManager(final String cacheName) {
01|        LOGGER.debug("Creating cache manager {} with {} initial slots", cacheName, INITIAL_CAPACITY);
2|        LOGGER.debug("Creating cache manager " + cacheName + " with " + INITIAL_CAPACITY + " initial slots"); //@LOG-02
        return new CacheManager(new ConcurrentHashMap<>(INITIAL_CAPACITY));
    }

    /**
     * Empties every cache; the managers themselves stay registered.
     */
    public static void clearAll() {
        CACHE_MAP.values().forEach(CacheManager::removeAll);
    }
}
''')
BULL_BASE = SLF4J + ['java.util.Map', 'java.util.Objects', 'java.util.concurrent.ConcurrentHashMap']
cases_of(case, GH + 'ExpediaGroup/bull/issues/49',
         'bull-common/' + src('com.expediagroup.beans.cache', 'CacheManagerFactory'),
         JV('com.expediagroup.beans.cache', {0: BULL_BASE, 1: BULL_BASE + ['java.util.HashMap'], 2: BULL_BASE})(BULL), [
             (1, 'java-00-bull-cache-managers-in-plain-hash-map',
              'an edit keeps the shared cache managers in a plain HashMap filled by get-then-put, so transformers '
              'created on several threads race on the map and may build two managers for one cache', 'edit'),
             (2, 'java-00-bull-cache-creation-log-concatenated',
              'an edit builds the debug message of every new cache manager by string concatenation, so the text is '
              'assembled even when debug logging is off', 'edit'),
             (0, 'java-ok-00-bull-cache-managers-in-concurrent-map',
              'clean: the fix keeps the managers in a ConcurrentHashMap and creates them with computeIfAbsent',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-01: R script runner of a Java-to-R library (rcaller)
RCALLER = template('rcaller-run-r-code', r'''
public class RCaller {
    private static final Logger LOGGER = Logger.getLogger(RCaller.class.getName());

    private final RCallerOptions options;
    private final StreamConsumer outputConsumer;
    private RCode rCode;

    public RCaller(RCallerOptions options, StreamConsumer outputConsumer) {
        this.options = options;
        this.outputConsumer = outputConsumer;
    }

    public void setRCode(RCode rCode) {
        this.rCode = rCode;
    }

    /**
     * Runs the current R code once with Rscript and returns its exit code.
     */
    public int runOnly() {
        File rSourceFile = writeSource(rCode.toString());
        try {
            return runRCode(rSourceFile);
        } finally {
            if (!rSourceFile.delete()) {
                LOGGER.log(Level.FINE, "Could not delete temporary R source {0}", rSourceFile);
            }
        }
    }

    private File writeSource(String code) {
        try {
            File rSourceFile = File.createTempFile("rcaller", ".R");
01|            try (Writer writer = Files.newBufferedWriter(rSourceFile.toPath(), StandardCharsets.UTF_8)) {
01|                writer.write(code);
01|            }
2|            Writer writer = Files.newBufferedWriter(rSourceFile.toPath(), StandardCharsets.UTF_8); //@RES-01
2|            writer.write(code);
2|            writer.flush();
            return rSourceFile;
        } catch (IOException e) {
            throw new ExecutionException("Can not write R source: " + e.getMessage(), e);
        }
    }

    private int runRCode(File rSourceFile) {
        Process process = null;
        try {
            process = new ProcessBuilder(options.getRscriptExecutable(), rSourceFile.getAbsolutePath())
                    .redirectErrorStream(true)
                    .start();
            outputConsumer.consume(process.getInputStream());
            return process.waitFor();
        } catch (IOException e) {
            throw new ExecutionException("Can not run " + options.getRscriptExecutable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            throw new ExecutionException("Interrupted while waiting for " + options.getRscriptExecutable(), e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
    }
}
''')
cases_of(case, GH + 'jbytecode/rcaller/issues/15',
         'RCaller/' + src('com.github.rcaller.rstuff', 'RCaller'),
         J('com.github.rcaller.rstuff', [
             'com.github.rcaller.exception.ExecutionException', 'com.github.rcaller.util.StreamConsumer',
             'java.io.File', 'java.io.IOException', 'java.io.Writer', 'java.nio.charset.StandardCharsets',
             'java.nio.file.Files', 'java.util.logging.Level', 'java.util.logging.Logger'])(RCALLER), [
             (1, 'java-00-rcaller-wait-interrupt-flag-lost',
              'an edit stops restoring the interrupt flag when waiting for Rscript is interrupted, so a caller that '
              'cancels an R run finds its thread no longer interrupted and keeps going', 'edit'),
             (2, 'java-00-rcaller-source-writer-never-closed',
              'an edit writes the temporary R source through a writer it never closes, so every run leaks a file '
              'handle and on Windows the source file can no longer be deleted', 'edit'),
             (0, 'java-ok-00-rcaller-wait-interrupt-restored',
              'clean: the fix restores the interrupt flag before wrapping the InterruptedException', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-02: HTTP client of a scheduler's Java SDK (nomad-java-sdk)
NOMAD = template('nomad-java-sdk-api-client', r'''
/**
 * Low-level access to the Nomad HTTP API shared by every endpoint class of the SDK.
 */
public class NomadApiClient implements Closeable {
    private final CloseableHttpClient httpClient;
    private final HttpHost address;
    private final ObjectMapper mapper;

    public NomadApiClient(NomadApiConfiguration config) {
        this.address = config.getAddress();
        this.httpClient = HttpClientBuilder.create()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(config.getConnectTimeoutMillis())
                        .setSocketTimeout(config.getSocketTimeoutMillis())
                        .build())
                .build();
        this.mapper = buildObjectMapper();
    }

    static ObjectMapper buildObjectMapper() {
        SimpleDateFormat dateFormat = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"); //@{1}TIME-01
02|        dateFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
        return new ObjectMapper()
                .setDateFormat(dateFormat)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    <T> T executeJson(HttpUriRequest request, Class<T> type) throws IOException, NomadException {
01|        try (CloseableHttpResponse response = httpClient.execute(address, request)) {
01|            int status = response.getStatusLine().getStatusCode();
01|            if (status != 200) {
01|                throw new ErrorResponseException(request.getURI(), status, EntityUtils.toString(response.getEntity()));
01|            }
01|            return mapper.readValue(response.getEntity().getContent(), type);
01|        }
2|        CloseableHttpResponse response = httpClient.execute(address, request); //@RES-02
2|        int status = response.getStatusLine().getStatusCode();
2|        if (status != 200) {
2|            throw new ErrorResponseException(request.getURI(), status, EntityUtils.toString(response.getEntity()));
2|        }
2|        return mapper.readValue(response.getEntity().getContent(), type);
    }

    String toJson(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'hashicorp/nomad-java-sdk/issues/6',
         'sdk/' + src('com.hashicorp.nomad.javasdk', 'NomadApiClient'),
         J('com.hashicorp.nomad.javasdk', [
             'com.fasterxml.jackson.core.JsonProcessingException', 'com.fasterxml.jackson.databind.DeserializationFeature',
             'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.Closeable', 'java.io.IOException',
             'java.text.SimpleDateFormat', 'java.util.TimeZone', 'org.apache.http.HttpHost',
             'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpUriRequest', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.impl.client.HttpClientBuilder', 'org.apache.http.util.EntityUtils'])(NOMAD), [
             (1, 'java-00-nomad-sdk-dates-formatted-in-local-zone',
              'an edit drops the UTC zone of the JSON date format while the pattern still appends a literal Z, so '
              'on a machine outside UTC every date sent to Nomad is off by the local offset', 'edit'),
             (2, 'java-00-nomad-sdk-error-answer-left-open',
              'an edit reads Nomad\'s answer without try-with-resources, so an error answer throws before the '
              'response is closed and its pooled connection is never released', 'edit'),
             (0, 'java-ok-00-nomad-sdk-dates-in-utc',
              'clean: the fix formats and parses the SDK\'s dates in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: JDBC transactions of a data-frame library (dflib)
DFLIB = template('dflib-jdbc-tx', r'''
/**
 * Runs a unit of work on one connection inside one transaction.
 */
public class Tx {
    private final JdbcConnector connector;

    protected Tx(JdbcConnector connector) {
        this.connector = connector;
    }

    public static Tx newTransaction(JdbcConnector connector) {
        return new Tx(connector);
    }

    public void run(Consumer<Connection> op) {
        call(c -> {
            op.accept(c);
            return null;
        });
    }

    public <T> T call(Function<Connection, T> op) {
01|        try (Connection connection = connector.getConnection()) {
2|        try {
2|            Connection connection = connector.getConnection(); //@RES-01
            return inTransaction(connection, op);
        } catch (SQLException e) {
            throw new RuntimeException("Error processing connection", e);
        }
    }

    private <T> T inTransaction(Connection connection, Function<Connection, T> op) throws SQLException {
        connection.setAutoCommit(false);
        try { //@{1}TX-01
            return commit(connection, op.apply(connection));
        } catch (RuntimeException | SQLException e) {
02|            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static <T> T commit(Connection connection, T result) throws SQLException {
        connection.commit();
        return result;
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
''')
cases_of(case, GH + 'dflib/dflib/issues/139',
         'dflib-jdbc/' + src('com.nhl.dflib.jdbc.connector.tx', 'Tx'),
         J('com.nhl.dflib.jdbc.connector.tx', [
             'com.nhl.dflib.jdbc.connector.JdbcConnector', 'java.sql.Connection', 'java.sql.SQLException',
             'java.util.function.Consumer', 'java.util.function.Function'])(DFLIB), [
             (1, 'java-00-dflib-failed-unit-of-work-not-rolled-back',
              'an edit drops the rollback of a failed unit of work, so restoring autocommit on the way out commits '
              'the half-written rows of the failed save', 'edit'),
             (2, 'java-00-dflib-transaction-connection-never-closed',
              'an edit takes the transaction\'s connection outside try-with-resources, so every unit of work keeps '
              'its pooled connection until the pool runs dry', 'edit'),
             (0, 'java-ok-00-dflib-failed-unit-of-work-rolled-back',
              'clean: the fix rolls a failed unit of work back before autocommit is restored', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: client of a secrets service (cerberus-java-client)
CERBERUS = template('cerberus-java-client', r'''
public class CerberusClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(CerberusClient.class);
    private static final int DEFAULT_TIMEOUT_SECONDS = 15;

    private final String baseUrl;
    private final CerberusCredentialsProvider credentialsProvider;
    private final OkHttpClient httpClient;
    private final Gson gson = new Gson();

    public CerberusClient(String baseUrl, CerberusCredentialsProvider credentialsProvider) {
        this.baseUrl = baseUrl;
        this.credentialsProvider = credentialsProvider;
01|        this.httpClient = new OkHttpClient.Builder()
01|                .connectTimeout(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
01|                .readTimeout(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
01|                .writeTimeout(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
01|                .build();
2|        this.httpClient = new OkHttpClient.Builder().build(); //@TMO-01
    }

    /**
     * Reads the secrets stored under the given path.
     */
    public Map<String, String> getSecrets(String path) {
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/secret/" + path)
                .header("X-Cerberus-Token", credentialsProvider.getCredentials().getToken())
                .get()
                .build();
        try (Response response = httpClient.newCall(request).execute()) {
            String body = response.body() != null ? response.body().string() : "";
            if (!response.isSuccessful()) {
                parseAndThrowErrorResponse(response.code(), request.url().toString(), body);
            }
            SecretResponse secrets = gson.fromJson(body, SecretResponse.class);
            return secrets.getData();
        } catch (IOException e) {
            throw new CerberusClientException("Failed to read secrets at " + path, e);
        }
    }

    protected void parseAndThrowErrorResponse(int status, String url, String body) {
        String message = "Cerberus answered " + status + " for " + url;
        try {
            ErrorResponse error = gson.fromJson(body, ErrorResponse.class);
            throw new CerberusServerApiException(status, message, error.getErrors());
        } catch (JsonSyntaxException e) { //@{1}ERR-01
02|            LOGGER.error("{}; the error body is not JSON: {}", message, body, e);
02|            throw new CerberusServerException(status, message + ": unreadable error response", e);
1|            // not an error document, nothing more we can report
        }
    }
}
''')
cases_of(case, GH + 'Nike-Inc/cerberus-java-client/pull/55',
         src('com.nike.cerberus.client', 'CerberusClient'),
         J('com.nike.cerberus.client', SLF4J + [
             'com.google.gson.Gson', 'com.google.gson.JsonSyntaxException',
             'com.nike.cerberus.client.auth.CerberusCredentialsProvider', 'com.nike.cerberus.client.model.ErrorResponse',
             'com.nike.cerberus.client.model.SecretResponse', 'java.io.IOException', 'java.util.Map',
             'java.util.concurrent.TimeUnit', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(CERBERUS), [
             (1, 'java-00-cerberus-unreadable-error-answer-swallowed',
              'an edit swallows an error answer whose body is not JSON, so a failed secret read returns normally, '
              'the caller goes on with missing secrets and nothing is logged', 'edit'),
             (2, 'java-00-cerberus-http-client-without-timeouts',
              'an edit builds the client\'s OkHttpClient without its timeouts, so a Cerberus that accepts the '
              'connection and never answers blocks the caller', 'edit'),
             (0, 'java-ok-00-cerberus-unreadable-error-answer-reported',
              'clean: the fix logs an unreadable error answer and throws with its status', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-06: queue poller of a durable-workflow library (dbos-transact-java)
DBOS = template('dbos-queue-service', r'''
/**
 * Polls one workflow queue and starts the workflows it dequeues on the queue's worker pool.
 */
public class QueueService {
    private static final Logger logger = LoggerFactory.getLogger(QueueService.class);

    private final Queue queue;
    private final SystemDatabase systemDatabase;
    private final DBOSExecutor dbosExecutor;
    private final String executorId;
    private final ExecutorService workers;
    private final ScheduledExecutorService poller;

    public QueueService(Queue queue, SystemDatabase systemDatabase, DBOSExecutor dbosExecutor, String executorId) {
        this.queue = queue;
        this.systemDatabase = systemDatabase;
        this.dbosExecutor = dbosExecutor;
        this.executorId = executorId;
        int concurrency = queue.getWorkerConcurrency();
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(concurrency * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        this.poller = Executors.newSingleThreadScheduledExecutor();
    }

    public void start(Duration pollInterval) {
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            logger.warn("Polling queue {} failed; retrying on the next tick", queue.getName(), e);
        }
    }

    void poll() {
        List<String> workflowIds = systemDatabase.dequeue(queue.getName(), queue.getConcurrency(), executorId);
02|        logger.debug("Dequeued {} workflows from queue {}", workflowIds.size(), queue.getName());
1|        logger.debug("Dequeued " + workflowIds.size() + " workflows from queue " + queue.getName()); //@LOG-02
        for (String workflowId : workflowIds) {
01|            workers.execute(() -> startDequeued(workflowId));
2|            workers.submit(() -> dbosExecutor.resumeWorkflow(workflowId)); //@CONC-06
        }
    }
01|
01|    private void startDequeued(String workflowId) {
01|        try {
01|            dbosExecutor.resumeWorkflow(workflowId);
01|        } catch (RuntimeException e) {
01|            logger.error("Workflow {} dequeued from {} failed to start", workflowId, queue.getName(), e);
01|            systemDatabase.releaseDequeued(workflowId);
01|        }
01|    }

    public void stop(Duration timeout) throws InterruptedException {
        poller.shutdown();
        workers.shutdown();
        if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
    }
}
''')
cases_of(case, GH + 'dbos-inc/dbos-transact-java/issues/50',
         'transact/' + src('dev.dbos.transact.queue', 'QueueService'),
         J('dev.dbos.transact.queue', SLF4J + [
             'dev.dbos.transact.database.SystemDatabase', 'dev.dbos.transact.execution.DBOSExecutor',
             'java.time.Duration', 'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
             'java.util.concurrent.TimeUnit'])(DBOS), [
             (1, 'java-00-dbos-new-queue-service-log-concatenated',
              'a new queue poller builds its debug line on every poll by string concatenation, so the message is '
              'assembled many times a second even with debug logging off', 'new'),
             (2, 'java-00-dbos-new-queue-service-start-future-dropped',
              'a new queue poller submits each dequeued workflow and drops the future, so a workflow that fails '
              'to start is neither logged nor released back to its queue', 'new'),
             (0, 'java-ok-00-dbos-new-queue-service',
              'clean: a new queue poller with a parameterised debug line whose workers log and release a workflow '
              'that fails to start', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: token cache of an identity SDK (auth0-java), class renamed
AUTH0 = template('auth0-token-cache', r'''
/**
 * Caches the machine-to-machine tokens of each audience until shortly before they expire; shared by every API
 * client of the application.
 */
public class TokenCache {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final HttpUrl baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
02|    private final Map<String, TokenHolder> tokens = new ConcurrentHashMap<>();
1|    private final Map<String, TokenHolder> tokens = new HashMap<>(); //@CONC-03

    public TokenCache(HttpUrl baseUrl, String clientId, String clientSecret, OkHttpClient client) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.client = client;
    }

    public String getToken(String audience) {
        TokenHolder cached = tokens.get(audience);
        if (cached != null && cached.getExpiresAt().toInstant().isAfter(Instant.now().plus(LEEWAY))) {
            return cached.getAccessToken();
        }
        TokenHolder fresh = requestToken(audience);
        tokens.put(audience, fresh);
        return fresh.getAccessToken();
    }

    private TokenHolder requestToken(String audience) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("audience", audience);
        try {
            Request request = new Request.Builder()
                    .url(baseUrl.newBuilder().addPathSegments("oauth/token").build())
                    .post(RequestBody.create(mapper.writeValueAsString(form), JSON))
                    .build();
01|            try (Response response = client.newCall(request).execute()) {
2|            OkHttpClient tokenClient = new OkHttpClient.Builder() //@RES-04
2|                    .connectTimeout(10, TimeUnit.SECONDS)
2|                    .readTimeout(10, TimeUnit.SECONDS)
2|                    .build();
2|            try (Response response = tokenClient.newCall(request).execute()) {
                if (!response.isSuccessful() || response.body() == null) {
                    throw new IllegalStateException("Token request for " + audience + " answered " + response.code());
                }
                return mapper.readValue(response.body().string(), TokenHolder.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Token request for " + audience + " failed", e);
        }
    }
}
''')
AUTH0_BASE = ['com.auth0.json.auth.TokenHolder', 'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
              'java.io.UncheckedIOException', 'java.time.Duration', 'java.time.Instant', 'java.util.LinkedHashMap',
              'java.util.Map', 'okhttp3.HttpUrl', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
              'okhttp3.RequestBody', 'okhttp3.Response']
cases_of(case, GH + 'auth0/auth0-java/pull/272', src('com.auth0.client.auth', 'TokenCache'),
         JV('com.auth0.client.auth', {0: AUTH0_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                                      1: AUTH0_BASE + ['java.util.HashMap'],
                                      2: AUTH0_BASE + ['java.util.concurrent.ConcurrentHashMap',
                                                       'java.util.concurrent.TimeUnit']})(AUTH0), [
             (1, 'java-00-auth0-renamed-token-cache-in-plain-hash-map',
              'a PR renames the token store to TokenCache and keeps the tokens in a plain HashMap, so API clients '
              'refreshing tokens on several threads write the shared map at once', 'rename'),
             (2, 'java-00-auth0-renamed-token-cache-client-per-request',
              'a PR renames the token store to TokenCache and builds a new OkHttpClient for every token request, so '
              'each refresh gets its own connection pool and dispatcher threads', 'rename'),
             (0, 'java-ok-00-auth0-renamed-token-cache',
              'clean: the rename alone; the tokens stay in a ConcurrentHashMap and requests use the shared client',
              'rename'),
         ], rename_from=src('com.auth0.client.auth', 'TokenStore'),
         rename_old=lambda t: t.replace('TokenCache', 'TokenStore'))


# ---------------------------------------------------------------- ERR-01 / LOG-01: MPX file reader of a project-file library (mpxj), CRLF file
MPXJ = template('mpxj-mpx-reader', r'''
/**
 * Reads the records of an MPX file into a project.
 */
public final class MPXReader extends AbstractProjectStreamReader {
    private static final Logger LOGGER = Logger.getLogger(MPXReader.class.getName());

    private boolean m_ignoreErrors = true;

    public void setIgnoreErrors(boolean ignoreErrors) {
        m_ignoreErrors = ignoreErrors;
    }

    @Override
    public ProjectFile read(InputStream is) throws MPXJException {
        ProjectFile file = new ProjectFile();
        try {
            Tokenizer tk = new ReaderTokenizer(new InputStreamReader(is, StandardCharsets.ISO_8859_1));
            tk.setDelimiter(',');
            processRecords(file, tk);
            return file;
        } catch (IOException ex) {
            throw new MPXJException(MPXJException.READ_ERROR, ex);
        }
    }

    private void processRecords(ProjectFile file, Tokenizer tk) throws MPXJException, IOException {
        Record record;
        while ((record = nextRecord(tk)) != null) {
2|            LOGGER.log(Level.INFO, "Read record {0} at line {1}", new Object[] {record.getRecordNumber(), tk.getLineNumber()}); //@LOG-01
            try {
                processRecord(file, record);
            } catch (MPXJException | RuntimeException ex) { //@{1}ERR-01
02|                if (!m_ignoreErrors) {
02|                    throw new MPXJException(MPXJException.READ_ERROR + " at line " + tk.getLineNumber(), ex);
02|                }
02|                file.addIgnoredError(ex);
1|                // skip a record we cannot read
            }
        }
    }

    private Record nextRecord(Tokenizer tk) throws IOException {
        if (tk.nextToken() == Tokenizer.TT_EOF) {
            return null;
        }
        return new Record(tk);
    }

    private void processRecord(ProjectFile file, Record record) throws MPXJException {
        switch (record.getRecordNumber()) {
            case "30":
                file.addTask().read(record);
                break;
            case "20":
                file.addResource().read(record);
                break;
            default:
                file.getProjectProperties().read(record);
                break;
        }
    }
}
''')
MPXJ_BASE = ['java.io.IOException', 'java.io.InputStream', 'java.io.InputStreamReader',
             'java.nio.charset.StandardCharsets', 'java.util.logging.Logger', 'net.sf.mpxj.MPXJException',
             'net.sf.mpxj.ProjectFile', 'net.sf.mpxj.common.ReaderTokenizer', 'net.sf.mpxj.common.Tokenizer',
             'net.sf.mpxj.reader.AbstractProjectStreamReader']
cases_of(case, GH + 'joniles/mpxj/pull/277', src('net.sf.mpxj.mpx', 'MPXReader'),
         JV('net.sf.mpxj.mpx', {0: MPXJ_BASE, 1: MPXJ_BASE, 2: MPXJ_BASE + ['java.util.logging.Level']})(MPXJ), [
             (1, 'java-00-mpxj-unreadable-record-swallowed',
              'an edit silently skips every record that fails to read, even when the caller asked for errors, so '
              'a damaged file loads as a project with missing tasks and no ignored error recorded', 'edit'),
             (2, 'java-00-mpxj-every-record-logged',
              'an edit logs every record read at info level, so reading a large schedule writes one log line per '
              'task and resource', 'edit'),
             (0, 'java-ok-00-mpxj-unreadable-record-reported',
              'clean: the fix throws on an unreadable record, or records it as an ignored error', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-04 / TX-01: command invoker of an O/R mapper (dbflute)
DBFLUTE = template('dbflute-command-invoker', r'''
/**
 * Runs behavior commands with the access context of the caller bound to the executing thread, so that common
 * columns such as REGISTER_USER are filled from it.
 */
public class ContextualCommandInvoker {
    private static final ThreadLocal<AccessContext> ACCESS_CONTEXT = new ThreadLocal<>();

    private final TransactionManager transactionManager;

    public ContextualCommandInvoker(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    public static AccessContext getAccessContextOnThread() {
        return ACCESS_CONTEXT.get();
    }

    /**
     * Runs the command with the given access context bound to this thread.
     */
    public <RESULT> RESULT invokeAs(AccessContext context, Supplier<RESULT> command) {
        ACCESS_CONTEXT.set(context); //@{1}CONC-04
02|        try {
02|            return command.get();
02|        } finally {
02|            ACCESS_CONTEXT.remove();
02|        }
1|        return command.get();
    }

    /**
     * Runs the command inside a new JTA transaction; the transaction is rolled back when the command fails.
     */
    public <RESULT> RESULT invokeInTransaction(Supplier<RESULT> command) {
        try {
            transactionManager.begin();
            RESULT result = command.get(); //@{2}TX-01
            transactionManager.commit();
            return result;
01|        } catch (RuntimeException e) {
01|            rollbackQuietly(e);
01|            throw e;
        } catch (NotSupportedException | SystemException | RollbackException | HeuristicMixedException
                | HeuristicRollbackException e) {
            throw new IllegalStateException("Failed to run the command in a transaction", e);
        }
    }

    private void rollbackQuietly(RuntimeException cause) {
        try {
            transactionManager.rollback();
        } catch (SystemException | IllegalStateException e) {
            cause.addSuppressed(e);
        }
    }
}
''')
DBFLUTE_BASE = ['java.util.function.Supplier', 'javax.transaction.HeuristicMixedException',
                'javax.transaction.HeuristicRollbackException', 'javax.transaction.NotSupportedException',
                'javax.transaction.RollbackException', 'javax.transaction.SystemException',
                'javax.transaction.TransactionManager', 'org.seasar.dbflute.AccessContext']
cases_of(case, GH + 'seasarorg/dbflute/issues/8',
         'dbflute-runtime/' + src('org.seasar.dbflute.bhv.core', 'ContextualCommandInvoker'),
         J('org.seasar.dbflute.bhv.core', DBFLUTE_BASE)(DBFLUTE), [
             (1, 'java-00-dbflute-access-context-left-on-thread',
              'an edit binds the caller\'s access context to the thread without removing it afterwards, so the '
              'next command on that pooled thread writes the previous user into its common columns', 'edit'),
             (2, 'java-00-dbflute-failed-command-transaction-left-open',
              'an edit drops the rollback of a command that fails inside its JTA transaction, so the transaction '
              'stays bound to the thread with its locks until it times out', 'edit'),
             (0, 'java-ok-00-dbflute-access-context-removed',
              'clean: the fix removes the access context from the thread in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-07: Elasticsearch client of a search abstraction library (vind)
VIND = template('vind-elastic-client', r'''
/**
 * One Elasticsearch client per Vind search server; refreshes the index on a schedule so that documents indexed
 * without an explicit commit become searchable.
 */
public class ElasticVindClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ElasticVindClient.class);

    private final RestHighLevelClient client;
    private final String index;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vind-elastic-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public ElasticVindClient(String host, int port, String index, int connectTimeoutMs, int socketTimeoutMs,
            long refreshIntervalSeconds) {
        RestClientBuilder builder = RestClient.builder(new HttpHost(host, port, "http")); //@{1}TMO-01
02|        builder.setRequestConfigCallback(config -> config
02|                .setConnectTimeout(connectTimeoutMs)
02|                .setSocketTimeout(socketTimeoutMs));
        this.client = new RestHighLevelClient(builder);
        this.index = index;
01|        refresher.scheduleAtFixedRate(this::refreshSafely, refreshIntervalSeconds, refreshIntervalSeconds,
01|                TimeUnit.SECONDS);
2|        refresher.scheduleAtFixedRate(() -> { //@CONC-07
2|            try {
2|                refresh();
2|            } catch (IOException e) {
2|                throw new UncheckedIOException(e);
2|            }
2|        }, refreshIntervalSeconds, refreshIntervalSeconds, TimeUnit.SECONDS);
    }
01|
01|    private void refreshSafely() {
01|        try {
01|            refresh();
01|        } catch (IOException | RuntimeException e) {
01|            log.warn("Refreshing index {} failed; retrying on the next run", index, e);
01|        }
01|    }

    public void refresh() throws IOException {
        client.indices().refresh(new RefreshRequest(index), RequestOptions.DEFAULT);
    }

    public IndexResponse index(String id, Map<String, Object> document) throws IOException {
        return client.index(new IndexRequest(index).id(id).source(document), RequestOptions.DEFAULT);
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        client.close();
    }
}
''')
VIND_BASE = SLF4J + ['java.io.IOException', 'java.util.Map', 'java.util.concurrent.Executors',
                     'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                     'org.apache.http.HttpHost', 'org.elasticsearch.action.admin.indices.refresh.RefreshRequest',
                     'org.elasticsearch.action.index.IndexRequest', 'org.elasticsearch.action.index.IndexResponse',
                     'org.elasticsearch.client.RequestOptions', 'org.elasticsearch.client.RestClient',
                     'org.elasticsearch.client.RestClientBuilder', 'org.elasticsearch.client.RestHighLevelClient']
cases_of(case, GH + 'RBMHTechnology/vind/issues/215',
         'backend/elasticsearch/' + src('com.rbmhtechnology.vind.elasticsearch.backend.client', 'ElasticVindClient'),
         JV('com.rbmhtechnology.vind.elasticsearch.backend.client', {
             0: VIND_BASE, 1: VIND_BASE, 2: VIND_BASE + ['java.io.UncheckedIOException']})(VIND), [
             (1, 'java-00-vind-new-elastic-client-without-timeouts',
              'a new Elasticsearch client ignores the configured connect and socket timeouts, so a cluster that '
              'stops answering blocks every search and index call', 'new'),
             (2, 'java-00-vind-new-elastic-client-refresh-dies-on-first-failure',
              'a new Elasticsearch client schedules its index refresh without a catch, so the first failed refresh '
              'ends the schedule and later documents never become searchable', 'new'),
             (0, 'java-ok-00-vind-new-elastic-client',
              'clean: a new Elasticsearch client with its timeouts set whose scheduled refresh logs a failure and '
              'runs again', 'new'),
         ])
