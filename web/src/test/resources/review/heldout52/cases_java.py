"""Round-52 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / TMO-01: REST layer of a secret-store client (vault-java-driver)
VAULTREST = template('vault-java-rest', r'''
/**
 * A minimal REST client over {@link HttpURLConnection}, used by every Vault API class of the driver.
 */
public class Rest {
    private final String urlString;
    private final Map<String, String> headers = new TreeMap<>();
    private final Map<String, String> parameters = new TreeMap<>();
    private int connectTimeoutSeconds = 30;
    private int readTimeoutSeconds = 60;

    public Rest(final String urlString) {
        this.urlString = urlString;
    }

    public Rest header(final String name, final String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, value);
        }
        return this;
    }

    public Rest connectTimeoutSeconds(final int seconds) {
        this.connectTimeoutSeconds = seconds;
        return this;
    }

    public Rest readTimeoutSeconds(final int seconds) {
        this.readTimeoutSeconds = seconds;
        return this;
    }

    public RestResponse get() throws RestException {
        return send("GET", null);
    }

    public RestResponse post(final byte[] body) throws RestException {
        return send("POST", body);
    }

    private RestResponse send(final String method, final byte[] payload) throws RestException {
        final URLConnection urlConnection;
        try {
            urlConnection = new URL(urlWithQueryString()).openConnection();
        } catch (IOException e) {
            throw new RestException(e);
        }
        final HttpURLConnection connection = (HttpURLConnection) urlConnection; //@{2}TMO-01
01|        connection.setConnectTimeout(connectTimeoutSeconds * 1000);
01|        connection.setReadTimeout(readTimeoutSeconds * 1000);
        try {
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (payload != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(payload);
                }
            }
            final int status = connection.getResponseCode();
            return new RestResponse(status, connection.getContentType(), responseBodyBytes(connection, status));
        } catch (IOException e) {
            throw new RestException(e);
        }
    }

    private static byte[] responseBodyBytes(final HttpURLConnection connection, final int status) throws IOException {
        final InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) { //@{1}RES-01
            return new byte[0];
        }
02|        try (InputStream body = in) {
02|            return body.readAllBytes();
02|        }
1|        return in.readAllBytes();
    }

    private String urlWithQueryString() {
        if (parameters.isEmpty()) {
            return urlString;
        }
        final StringBuilder url = new StringBuilder(urlString).append('?');
        parameters.forEach((name, value) -> url.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }
}
''')
cases_of(case, GH + 'BetterCloud/vault-java-driver/issues/57', src('com.bettercloud.vault.rest', 'Rest'),
         J('com.bettercloud.vault.rest', ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream',
                                          'java.net.HttpURLConnection', 'java.net.URL', 'java.net.URLConnection',
                                          'java.net.URLEncoder', 'java.nio.charset.StandardCharsets', 'java.util.Map',
                                          'java.util.TreeMap'])(VAULTREST), [
             (1, 'java-00-vault-rest-response-stream-not-closed',
              'an edit reads the answer without closing its stream, so every Vault call holds its connection until '
              'the garbage collector finds the stream and token renewals run out of sockets', 'edit'),
             (2, 'java-00-vault-rest-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the connection, so a Vault that accepts but never '
              'answers blocks the calling thread forever', 'edit'),
             (0, 'java-ok-00-vault-rest-stream-closed-timeouts-set',
              'clean: the fix closes the answer\'s stream with try-with-resources; both timeouts are set', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: remote fetch of a Maven proxy repository (artipie maven-adapter)
ARTIPIE = template('artipie-maven-proxy', r'''
/**
 * Fetches artifacts from the remote Maven repository and keeps a copy of each in the local storage.
 */
public final class MavenProxy {
    private static final Logger LOGGER = LoggerFactory.getLogger(MavenProxy.class);

    private final URI remote;
    private final CloseableHttpClient client;
    private final Storage storage;

    public MavenProxy(final URI remote, final CloseableHttpClient client, final Storage storage) {
        this.remote = remote;
        this.client = client;
        this.storage = storage;
    }

    /**
     * The artifact at the given path, fetched from the remote, or empty when the remote does not have it.
     */
    public Optional<byte[]> fetch(final String path) throws IOException {
        final HttpGet get = new HttpGet(this.remote.resolve(path));
        get.setHeader("Accept", "*/*");
        final CloseableHttpResponse response = this.client.execute(get); //@{1}RES-02
        final int status = response.getStatusLine().getStatusCode();
        if (status == HttpStatus.SC_NOT_FOUND) {
02|            response.close();
            return Optional.empty();
        }
        if (status != HttpStatus.SC_OK) {
02|            response.close();
            throw new IOException(String.format("Remote %s answered %d for %s", this.remote, status, path));
        }
        final byte[] bytes;
        try {
            bytes = EntityUtils.toByteArray(response.getEntity());
        } finally {
            response.close();
        }
        try {
            this.storage.save(new Key.From(path), bytes);
01|        } catch (final IOException ex) {
01|            LOGGER.warn("Could not cache {} from {}", path, this.remote, ex);
2|        } catch (final IOException ignored) { //@ERR-01
        }
        return Optional.of(bytes);
    }
}
''')
cases_of(case, GH + 'artipie/maven-adapter/issues/114', src('com.artipie.maven.proxy', 'MavenProxy'),
         J('com.artipie.maven.proxy', SLF4J + ['com.artipie.asto.Key', 'com.artipie.asto.Storage', 'java.io.IOException',
                                               'java.net.URI', 'java.util.Optional', 'org.apache.http.HttpStatus',
                                               'org.apache.http.client.methods.CloseableHttpResponse',
                                               'org.apache.http.client.methods.HttpGet',
                                               'org.apache.http.impl.client.CloseableHttpClient',
                                               'org.apache.http.util.EntityUtils'])(ARTIPIE), [
             (1, 'java-00-artipie-proxy-error-answers-not-closed',
              'an edit stops closing the remote\'s 404 and error answers, so every missing artifact keeps a pooled '
              'connection and the proxy stalls once the pool is used up', 'edit'),
             (2, 'java-00-artipie-proxy-cache-failure-swallowed',
              'an edit swallows the failure to cache a fetched artifact without a word, so a full or read-only '
              'storage turns every request into a remote fetch and nobody learns why', 'edit'),
             (0, 'java-ok-00-artipie-proxy-answers-closed-cache-failure-logged',
              'clean: the fix closes the answer on every path; a caching failure is logged', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: component upload of a repository-manager Jenkins plugin (nexus-platform-plugin)
NEXUSUP = template('nexus-platform-uploader', r'''
/**
 * Uploads build outputs to a hosted repository of Nexus Repository Manager.
 */
public class RepositoryUploader {
    private static final Logger LOGGER = Logger.getLogger(RepositoryUploader.class.getName());

    private final String baseUrl;
    private final String authorization;
    private final CloseableHttpClient httpClient;
    private final RequestConfig requestConfig;

    public RepositoryUploader(String baseUrl, String username, String password, CloseableHttpClient httpClient) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.httpClient = httpClient;
        this.requestConfig = RequestConfig.custom().setConnectTimeout(30_000).setSocketTimeout(300_000).build();
    }

    public void upload(String repository, String path, File file, PrintStream log) throws IOException {
        HttpPut put = new HttpPut(baseUrl + "/repository/" + repository + "/" + path);
        put.setConfig(requestConfig);
        put.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        put.setEntity(new FileEntity(file, ContentType.APPLICATION_OCTET_STREAM));
        log.println("Uploading " + file.getName() + " to " + put.getURI());
0|        try (CloseableHttpResponse response = httpClient.execute(put)) {
2|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(requestConfig).build(); //@RES-04
2|                CloseableHttpResponse response = client.execute(put)) {
02|            int status = response.getStatusLine().getStatusCode();
02|            EntityUtils.consume(response.getEntity());
02|            if (status < 200 || status > 299) {
02|                throw new IOException("Upload of " + file.getName() + " failed: " + response.getStatusLine());
02|            }
02|        }
1|        CloseableHttpResponse response = httpClient.execute(put); //@RES-02
1|        int status = response.getStatusLine().getStatusCode();
1|        if (status < 200 || status > 299) {
1|            throw new IOException("Upload of " + file.getName() + " failed: " + response.getStatusLine());
1|        }
        LOGGER.log(Level.FINE, "Uploaded {0} to {1}", new Object[] {file, repository});
    }
}
''')
NX_BASE = ['java.io.File', 'java.io.IOException', 'java.io.PrintStream',
           'java.nio.charset.StandardCharsets', 'java.util.Base64', 'java.util.logging.Level',
           'java.util.logging.Logger', 'org.apache.http.HttpHeaders', 'org.apache.http.client.config.RequestConfig',
           'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPut',
           'org.apache.http.entity.ContentType', 'org.apache.http.entity.FileEntity',
           'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.util.EntityUtils']
NX_IMPORTS = {0: NX_BASE, 1: NX_BASE, 2: NX_BASE + ['org.apache.http.impl.client.HttpClients']}
cases_of(case, GH + 'jenkinsci/nexus-platform-plugin/pull/5',
         src('org.sonatype.nexus.ci.nxrm', 'RepositoryUploader'),
         JV('org.sonatype.nexus.ci.nxrm', NX_IMPORTS)(NEXUSUP), [
             (1, 'java-00-nexus-upload-answer-never-closed',
              'an edit stops closing the answer of each upload, so a build publishing many components uses up the '
              'plugin\'s connection pool and the next upload hangs', 'edit'),
             (2, 'java-00-nexus-upload-client-built-per-file',
              'an edit builds and closes a new HTTP client for every uploaded file, so each component pays a new '
              'pool and TLS handshake', 'edit'),
             (0, 'java-ok-00-nexus-upload-shared-client-answer-closed',
              'clean: the fix uploads through the plugin\'s shared client and closes each answer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: artifact download handler of a repository manager (reposilite), new file
REPOSILITE = template('reposilite-artifact-handler', r'''
/**
 * Serves artifacts of the hosted repositories straight from the file system.
 */
public final class ArtifactHandler implements Handler {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArtifactHandler.class);

    private final Path repositoriesRoot;
    private final RepositoryAuthenticator authenticator;

    public ArtifactHandler(Path repositoriesRoot, RepositoryAuthenticator authenticator) {
        this.repositoriesRoot = repositoriesRoot.toAbsolutePath().normalize();
        this.authenticator = authenticator;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String uri = ctx.path();
        if (!authenticator.canRead(ctx, uri)) {
            ctx.status(401);
            return;
        }
        Path file = repositoriesRoot.resolve(uri.substring(1)).normalize();
        if (!file.startsWith(repositoriesRoot) || !Files.isRegularFile(file)) {
            ctx.status(404).result("Artifact " + uri + " not found");
            return;
        }
01|        LOGGER.debug("Serving {} ({} bytes)", uri, Files.size(file));
2|        LOGGER.debug("Serving " + uri + " (" + Files.size(file) + " bytes)"); //@LOG-02
        ctx.contentType(contentTypeOf(file.getFileName().toString()));
02|        try (InputStream in = Files.newInputStream(file)) {
02|            ctx.result(in.readAllBytes());
02|        }
1|        InputStream in = Files.newInputStream(file); //@RES-01
1|        ctx.result(in.readAllBytes());
    }

    private static String contentTypeOf(String fileName) {
        if (fileName.endsWith(".pom") || fileName.endsWith(".xml")) {
            return "application/xml";
        }
        if (fileName.endsWith(".jar")) {
            return "application/java-archive";
        }
        if (fileName.endsWith(".sha1") || fileName.endsWith(".md5")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
''')
cases_of(case, GH + 'dzikoysk/reposilite/issues/36', src('org.panda_lang.reposilite.repository', 'ArtifactHandler'),
         J('org.panda_lang.reposilite.repository', SLF4J + ['io.javalin.http.Context', 'io.javalin.http.Handler',
                                                            'java.io.IOException', 'java.io.InputStream',
                                                            'java.nio.file.Files', 'java.nio.file.Path',
                                                            'org.panda_lang.reposilite.auth.RepositoryAuthenticator'])(REPOSILITE), [
             (1, 'java-00-reposilite-new-handler-stream-never-closed',
              'a new artifact handler opens each artifact file and never closes it, so a busy repository runs out '
              'of file descriptors and memory grows with every download', 'new'),
             (2, 'java-00-reposilite-new-handler-debug-log-concatenated',
              'a new artifact handler builds its debug line by concatenation and sizes the file for it, so every '
              'download pays for the text and a stat call even with debug off', 'new'),
             (0, 'java-ok-00-reposilite-new-handler-stream-closed',
              'clean: a new artifact handler reading each file in try-with-resources, its debug line parameterised',
              'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: block compression job of a metrics back end (hawkular-metrics)
HAWKULAR = template('hawkular-compress-job', r'''
/**
 * Compresses one block of raw data points per metric into a single compressed row.
 */
public class CompressBlockJob {
    private static final Logger log = Logger.getLogger(CompressBlockJob.class);
    private static final long BLOCK_SIZE = TimeUnit.HOURS.toMillis(2);

    private final ExecutorService workers;
    private final DataAccess dataAccess;

    public CompressBlockJob(ExecutorService workers, DataAccess dataAccess) {
        this.workers = workers;
        this.dataAccess = dataAccess;
    }

    public void compressBlock(long startTime, List<MetricId> metrics) throws InterruptedException {
01|        List<Future<?>> pending = new ArrayList<>(metrics.size());
        for (MetricId id : metrics) {
01|            pending.add(workers.submit(() -> compress(id, startTime)));
2|            workers.submit(() -> compress(id, startTime)); //@CONC-06
        }
01|        int failed = 0;
01|        for (Future<?> future : pending) {
01|            try {
01|                future.get();
01|            } catch (ExecutionException e) {
01|                failed++;
01|                log.warnf(e.getCause(), "Block %d of a metric was not compressed", startTime);
01|            }
01|        }
01|        log.infof("Compressed block %d of %d metrics, %d failed", startTime, metrics.size(), failed);
2|        log.infof("Submitted compression of block %d for %d metrics", startTime, metrics.size());
    }

    private void compress(MetricId id, long startTime) {
        long endTime = startTime + BLOCK_SIZE;
        try {
            List<DataPoint> points = dataAccess.findRawData(id, startTime, endTime);
            if (points.isEmpty()) {
                return;
            }
            dataAccess.insertCompressedData(id, startTime, Codec.compress(points));
            dataAccess.deleteRawData(id, startTime, endTime);
        } catch (Exception e) { //@{1}ERR-01
02|            log.errorf(e, "Compression of %s for block %d failed", id, startTime);
02|            throw new CompressionException(id, startTime, e);
1|            // the raw rows stay in place, so a later run picks the block up again
        }
    }
}
''')
HK_BASE = ['java.util.List', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
           'org.hawkular.metrics.model.DataPoint', 'org.hawkular.metrics.model.MetricId', 'org.jboss.logging.Logger']
HK_IMPORTS = {0: HK_BASE + ['java.util.ArrayList', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
              1: HK_BASE + ['java.util.ArrayList', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
              2: HK_BASE}
cases_of(case, GH + 'hawkular/hawkular-metrics/pull/969', src('org.hawkular.metrics.core.jobs', 'CompressBlockJob'),
         JV('org.hawkular.metrics.core.jobs', HK_IMPORTS)(HAWKULAR), [
             (1, 'java-00-hawkular-compression-failure-swallowed',
              'an edit catches every failure of a block\'s compression and leaves only a comment, so a block that '
              'never compresses is reported as done on every run', 'edit'),
             (2, 'java-00-hawkular-compression-futures-dropped',
              'an edit submits each metric\'s compression and drops the future, so a failing compression is lost '
              'in its future and the job logs success', 'edit'),
             (0, 'java-ok-00-hawkular-compression-failures-observed',
              'clean: the fix logs and rethrows a failed compression; every future is waited on and its failure '
              'counted', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: cohort review store of a research workbench (workbench)
WORKBENCH = template('workbench-cohort-review-store', r'''
/**
 * Replaces the participant statuses of a cohort review in one transaction.
 */
public class CohortReviewStore {
    private static final Logger log = Logger.getLogger(CohortReviewStore.class.getName());
    private static final String DELETE_STATUSES = "DELETE FROM participant_cohort_status WHERE cohort_review_id = ?";
    private static final String INSERT_STATUS =
            "INSERT INTO participant_cohort_status (cohort_review_id, participant_id, status) VALUES (?, ?, ?)";
    private static final String TOUCH_REVIEW = "UPDATE cohort_review SET last_modified_time = ? WHERE cohort_review_id = ?";

    private final DataSource dataSource;
    private final Clock clock;

    public CohortReviewStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void replaceStatuses(long reviewId, List<ParticipantCohortStatus> statuses) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(DELETE_STATUSES);
                    PreparedStatement insert = connection.prepareStatement(INSERT_STATUS)) {
                delete.setLong(1, reviewId);
                delete.executeUpdate();
                for (ParticipantCohortStatus status : statuses) {
                    insert.setLong(1, reviewId);
                    insert.setLong(2, status.getParticipantId());
                    insert.setString(3, status.getStatus().name());
                    insert.addBatch();
                }
                insert.executeBatch();
                touchReview(connection, reviewId);
                connection.commit();
            } catch (SQLException e) { //@{1}TX-01
                log.log(Level.WARNING, "Replacing statuses of cohort review " + reviewId + " failed", e);
02|                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

01|    private void touchReview(Connection connection, long reviewId) throws SQLException {
2|    private void touchReview(Connection connection, long reviewId) {
        try (PreparedStatement touch = connection.prepareStatement(TOUCH_REVIEW)) {
            touch.setTimestamp(1, Timestamp.from(clock.instant()));
            touch.setLong(2, reviewId);
            touch.executeUpdate();
2|        } catch (SQLException e) { //@ERR-01
2|            // only the modification time is lost; the statuses themselves are saved
        }
    }
}
''')
cases_of(case, GH + 'all-of-us/workbench/pull/421', 'api/' + src('org.pmiops.workbench.cohortreview', 'CohortReviewStore'),
         J('org.pmiops.workbench.cohortreview', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                 'java.sql.SQLException', 'java.sql.Timestamp', 'java.time.Clock',
                                                 'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger',
                                                 'javax.sql.DataSource',
                                                 'org.pmiops.workbench.model.ParticipantCohortStatus'])(WORKBENCH), [
             (1, 'java-00-workbench-review-statuses-not-rolled-back',
              'an edit drops the rollback of a failed status replacement, so the finally block\'s switch back to '
              'auto-commit commits the half-replaced statuses', 'edit'),
             (2, 'java-00-workbench-review-touch-failure-swallowed',
              'an edit catches the failure to update the review\'s modification time and ignores it, so a broken '
              'statement goes unnoticed and the transaction commits without it', 'edit'),
             (0, 'java-ok-00-workbench-review-rolled-back-touch-propagated',
              'clean: the fix rolls a failed replacement back; the touch failure fails the transaction', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: promotion environment of a CI server plugin (promoted-builds-plugin)
PROMOTED = template('promoted-builds-environment', r'''
/**
 * Exposes the promoted build to the promotion's build steps as environment variables.
 */
public class PromotedBuildEnvironment extends EnvironmentContributingAction {
    private static final Logger LOGGER = Logger.getLogger(PromotedBuildEnvironment.class.getName());

    private final AbstractBuild<?, ?> target;
    private final String dateFormat;
02|    private final String timeZone;

02|    public PromotedBuildEnvironment(AbstractBuild<?, ?> target, String dateFormat, String timeZone) {
1|    public PromotedBuildEnvironment(AbstractBuild<?, ?> target, String dateFormat) {
        this.target = target;
        this.dateFormat = dateFormat;
02|        this.timeZone = timeZone;
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.put("PROMOTED_URL", target.getAbsoluteUrl());
        env.put("PROMOTED_JOB_NAME", target.getParent().getName());
        env.put("PROMOTED_JOB_FULL_NAME", target.getParent().getFullName());
        env.put("PROMOTED_NUMBER", Integer.toString(target.getNumber()));
        env.put("PROMOTED_ID", target.getId());
        String pattern = Util.fixEmpty(dateFormat) != null ? dateFormat : "yyyy-MM-dd'T'HH:mm:ssXXX";
02|        ZoneId zone = Util.fixEmpty(timeZone) != null ? ZoneId.of(timeZone) : ZoneId.systemDefault();
02|        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withZone(zone);
02|        env.put("PROMOTED_TIMESTAMP", formatter.format(Instant.ofEpochMilli(target.getTimeInMillis())));
1|        env.put("PROMOTED_TIMESTAMP", new SimpleDateFormat(pattern).format(target.getTime())); //@TIME-01
        String user = target.getCause(Cause.UserIdCause.class) != null
                ? target.getCause(Cause.UserIdCause.class).getUserId() : "anonymous";
        env.put("PROMOTED_USER_ID", user);
01|        LOGGER.log(Level.FINE, "Promotion environment of {0}: {1}", new Object[] {target.getFullDisplayName(), env});
2|        LOGGER.fine("Promotion environment of " + target.getFullDisplayName() + ": " + env); //@LOG-02
    }
}
''')
PB_BASE = ['edu.umd.cs.findbugs.annotations.NonNull', 'hudson.EnvVars', 'hudson.Util', 'hudson.model.AbstractBuild',
           'hudson.model.Cause', 'hudson.model.EnvironmentContributingAction', 'hudson.model.Run',
           'java.util.logging.Level', 'java.util.logging.Logger']
PB_TIME = ['java.time.Instant', 'java.time.ZoneId', 'java.time.format.DateTimeFormatter']
PB_IMPORTS = {0: PB_BASE + PB_TIME, 1: PB_BASE + ['java.text.SimpleDateFormat'], 2: PB_BASE + PB_TIME}
cases_of(case, GH + 'jenkinsci/promoted-builds-plugin/pull/86',
         src('hudson.plugins.promoted_builds', 'PromotedBuildEnvironment'),
         JV('hudson.plugins.promoted_builds', PB_IMPORTS)(PROMOTED), [
             (1, 'java-00-promoted-builds-timestamp-in-controller-zone',
              'an edit formats PROMOTED_TIMESTAMP with a SimpleDateFormat in the controller\'s default zone and '
              'drops the configured zone, so promotions read different times on controllers in other zones', 'edit'),
             (2, 'java-00-promoted-builds-environment-log-concatenated',
              'an edit builds the fine-level log line of the whole environment by concatenation, so every '
              'promotion renders every variable even with fine logging off', 'edit'),
             (0, 'java-ok-00-promoted-builds-zoned-timestamp',
              'clean: the fix formats the timestamp in the configured zone with java.time; the log is '
              'parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-04: REST client of an artifact repository (artifactory-client-java), renamed file
ARTIFACTORY = template('artifactory-rest-client', r'''
/**
 * Thread-safe client of the Artifactory REST API over one pooled HTTP client.
 */
public class ArtifactoryRestClient implements Closeable {
    private static final ThreadLocal<String> CURRENT_API_PATH = new ThreadLocal<>();

    private final String url;
    private final CloseableHttpClient httpClient;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, RepositorySettings> settingsCache = new HashMap<>();

    public ArtifactoryRestClient(String url, CloseableHttpClient httpClient) {
        this.url = url;
        this.httpClient = httpClient;
    }

    /** The API path of the call the current thread is making; the request interceptor tags its log lines with it. */
    static String currentApiPath() {
        return CURRENT_API_PATH.get();
    }

    public RepositorySettings repositorySettings(String repository) throws IOException {
02|        synchronized (settingsCache) {
02|            RepositorySettings cached = settingsCache.get(repository);
02|            if (cached != null) {
02|                return cached;
02|            }
02|        }
1|        RepositorySettings cached = settingsCache.get(repository);
1|        if (cached != null) {
1|            return cached;
1|        }
        RepositorySettings fetched = getJson("/api/repositories/" + repository, RepositorySettings.class);
02|        synchronized (settingsCache) {
02|            settingsCache.put(repository, fetched);
02|        }
1|        settingsCache.put(repository, fetched); //@CONC-03
        return fetched;
    }

    private <T> T getJson(String apiPath, Class<T> type) throws IOException {
        CURRENT_API_PATH.set(apiPath); //@{2}CONC-04
01|        try {
01|            HttpGet get = new HttpGet(url + apiPath);
01|            get.setHeader("Accept", "application/json");
01|            try (CloseableHttpResponse response = httpClient.execute(get)) {
01|                if (response.getStatusLine().getStatusCode() != 200) {
01|                    throw new IOException("GET " + apiPath + " answered " + response.getStatusLine());
01|                }
01|                return mapper.readValue(response.getEntity().getContent(), type);
01|            }
01|        } finally {
01|            CURRENT_API_PATH.remove();
01|        }
2|        HttpGet get = new HttpGet(url + apiPath);
2|        get.setHeader("Accept", "application/json");
2|        try (CloseableHttpResponse response = httpClient.execute(get)) {
2|            if (response.getStatusLine().getStatusCode() != 200) {
2|                throw new IOException("GET " + apiPath + " answered " + response.getStatusLine());
2|            }
2|            T value = mapper.readValue(response.getEntity().getContent(), type);
2|            CURRENT_API_PATH.remove();
2|            return value;
2|        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'jfrog/artifactory-client-java/pull/115',
         'services/' + src('org.jfrog.artifactory.client.impl', 'ArtifactoryRestClient'),
         J('org.jfrog.artifactory.client.impl', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.Closeable',
                                                 'java.io.IOException', 'java.util.HashMap', 'java.util.Map',
                                                 'org.apache.http.client.methods.CloseableHttpResponse',
                                                 'org.apache.http.client.methods.HttpGet',
                                                 'org.apache.http.impl.client.CloseableHttpClient',
                                                 'org.jfrog.artifactory.client.model.RepositorySettings'])(ARTIFACTORY), [
             (1, 'java-00-artifactory-renamed-settings-cache-unsynchronised',
              'a PR renames the REST client and drops the lock around its settings cache, so threads sharing the '
              'client read and write the plain HashMap at once', 'rename'),
             (2, 'java-00-artifactory-renamed-api-path-not-removed-on-failure',
              'a PR renames the REST client and removes the thread\'s API path only after a successful call, so a '
              'failed call leaves its path on the pooled thread and later log lines name the wrong call',
              'rename'),
             (0, 'java-ok-00-artifactory-renamed-locked-cache-path-removed',
              'clean: the rename alone; the cache used under its lock, the API path removed in a finally block',
              'rename'),
         ], rename_from='services/' + src('org.jfrog.artifactory.client.impl', 'ArtifactoryClientImpl'),
         rename_old=lambda t: t.replace('ArtifactoryRestClient', 'ArtifactoryClientImpl'))


# ---------------------------------------------------------------- CONC-07 / CONC-05: environment polling of a feature-flag SDK (flagsmith-java-client)
FLAGSMITHJ = template('flagsmith-polling-manager', r'''
/**
 * Refreshes the environment document of local evaluation on a fixed interval.
 */
public class PollingManager {
    private static final Logger logger = LoggerFactory.getLogger(PollingManager.class);

    private final FlagsmithClient client;
    private final int intervalSeconds;
    private final ScheduledExecutorService executor;

    public PollingManager(FlagsmithClient client, int intervalSeconds) {
        this.client = client;
        this.intervalSeconds = intervalSeconds;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flagsmith-environment-poller");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void startPolling() {
        executor.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|            try {
02|                client.updateEnvironment();
02|            } catch (Exception e) {
02|                logger.error("Could not refresh the environment; trying again in {} seconds", intervalSeconds, e);
02|            }
1|            client.updateEnvironment();
        }, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    public void stopPolling() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
            executor.shutdownNow();
01|            Thread.currentThread().interrupt();
        }
    }
}
''')
cases_of(case, GH + 'Flagsmith/flagsmith-java-client/pull/79', src('com.flagsmith.threads', 'PollingManager'),
         J('com.flagsmith.threads', SLF4J + ['com.flagsmith.FlagsmithClient', 'java.util.concurrent.Executors',
                                             'java.util.concurrent.ScheduledExecutorService',
                                             'java.util.concurrent.TimeUnit'])(FLAGSMITHJ), [
             (1, 'java-00-flagsmith-polling-stops-after-first-failure',
              'an edit drops the catch around the scheduled refresh, so the first failed call to the API cancels the '
              'schedule and the SDK evaluates a stale environment from then on', 'edit'),
             (2, 'java-00-flagsmith-stop-polling-swallows-interrupt',
              'an edit stops restoring the interrupt flag when stopping is interrupted, so the thread that closes '
              'the client no longer sees that it was asked to stop', 'edit'),
             (0, 'java-ok-00-flagsmith-polling-survives-failures',
              'clean: the fix catches and logs a failed refresh inside the task; the interrupt is restored', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: remote command of a CI server's SSH plugin (ssh-plugin), CRLF
SSHPLUGIN = template('ssh-plugin-site', r'''
/**
 * One SSH host a build can run commands on.
 */
public class SSHSite {
    private static final int POLL_MILLIS = 200;

    private final String hostname;
    private final int port;
    private final String username;
    private final Secret password;
    private final int timeoutMillis;

    public SSHSite(String hostname, int port, String username, Secret password, int timeoutMillis) {
        this.hostname = hostname;
        this.port = port;
        this.username = username;
        this.password = password;
        this.timeoutMillis = timeoutMillis;
    }

    private Session createSession(PrintStream logger) throws JSchException {
        JSch jsch = new JSch();
        Session session = jsch.getSession(username, hostname, port);
        session.setPassword(Secret.toString(password));
        Properties config = new Properties();
        config.put("StrictHostKeyChecking", "no");
        session.setConfig(config);
        logger.printf("[SSH] connecting to %s@%s:%d%n", username, hostname, port);
01|        session.setTimeout(timeoutMillis);
01|        session.connect(timeoutMillis);
2|        session.connect(); //@TMO-01
        return session;
    }

    public int executeCommand(PrintStream logger, String command) throws JSchException, IOException, InterruptedException {
        Session session = createSession(logger);
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            channel.setOutputStream(logger, true);
            channel.setErrStream(logger, true);
            channel.connect();
            while (!channel.isClosed()) {
02|                Thread.sleep(POLL_MILLIS);
1|                try {
1|                    Thread.sleep(POLL_MILLIS);
1|                } catch (InterruptedException e) { //@CONC-05
1|                    logger.println("[SSH] interrupted while the command runs; still waiting for it");
1|                }
            }
            int status = channel.getExitStatus();
            logger.printf("[SSH] exit-status: %d%n", status);
            return status;
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
            session.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/ssh-plugin/pull/5', src('org.jvnet.hudson.plugins', 'SSHSite'),
         J('org.jvnet.hudson.plugins', ['com.jcraft.jsch.ChannelExec', 'com.jcraft.jsch.JSch',
                                        'com.jcraft.jsch.JSchException', 'com.jcraft.jsch.Session',
                                        'hudson.util.Secret', 'java.io.IOException', 'java.io.PrintStream',
                                        'java.util.Properties'])(SSHPLUGIN), [
             (1, 'java-00-ssh-plugin-command-wait-ignores-interrupt',
              'an edit catches the interruption of the wait for the remote command and keeps waiting, so aborting '
              'the build does nothing and the executor stays busy until the command ends', 'edit'),
             (2, 'java-00-ssh-plugin-session-connect-without-timeout',
              'an edit connects the SSH session without a timeout, so a host that accepts TCP but never finishes '
              'the handshake hangs the build', 'edit'),
             (0, 'java-ok-00-ssh-plugin-interruptible-wait-timed-connect',
              'clean: the fix lets the interruption end the wait; the session connects with the site\'s timeout',
              'fix'),
         ], crlf=True)
