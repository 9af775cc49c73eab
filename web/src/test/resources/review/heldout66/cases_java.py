"""Round-66 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / CONC-01: Jenkins server task of a Gradle plugin (gradle-jpi-plugin)
JPI = template('jpi-run-jenkins-server-task', r'''
/**
 * Starts a Jenkins with the plugin under development installed and stops it after the configured time, so that a
 * forgotten server does not keep a CI agent busy.
 */
public abstract class RunJenkinsServerTask extends DefaultTask {
    private static final Logger LOGGER = Logging.getLogger(RunJenkinsServerTask.class);

    @Input
    public abstract Property<Duration> getMaxRuntime();

    @Input
    public abstract ListProperty<String> getCommand();

    @TaskAction
    public void runServer() {
        ProcessBuilder builder = new ProcessBuilder(getCommand().get());
        builder.inheritIO();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GradleException("Could not start the Jenkins server", e);
        }
        Duration maxRuntime = getMaxRuntime().get();
        Thread timer = new Thread(() -> stopAfter(process, maxRuntime), "jenkins-server-timer");
        timer.setDaemon(true);
01|        timer.setUncaughtExceptionHandler((t, e) -> LOGGER.error("The Jenkins server timer failed", e));
        timer.start(); //@{2}CONC-01
        try {
            int exit = process.waitFor();
            timer.interrupt();
            if (exit != 0 && exit != 143) {
                throw new GradleException("The Jenkins server exited with status " + exit);
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            process.destroy();
            throw new GradleException("Interrupted while the Jenkins server was running", e);
        }
    }

    private static void stopAfter(Process process, Duration maxRuntime) {
        try {
            Thread.sleep(maxRuntime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOGGER.lifecycle("Stopping the Jenkins server after {}", maxRuntime);
        process.destroy();
    }
}
''')
cases_of(case, GH + 'jenkinsci/gradle-jpi-plugin/pull/393',
         src('org.jenkinsci.gradle.plugins.jpi.server', 'RunJenkinsServerTask'),
         J('org.jenkinsci.gradle.plugins.jpi.server', [
             'java.io.IOException', 'java.time.Duration', 'org.gradle.api.DefaultTask', 'org.gradle.api.GradleException',
             'org.gradle.api.logging.Logger', 'org.gradle.api.logging.Logging', 'org.gradle.api.provider.ListProperty',
             'org.gradle.api.provider.Property', 'org.gradle.api.tasks.Input', 'org.gradle.api.tasks.TaskAction'])(JPI), [
             (1, 'java-00-jpi-server-task-interrupt-wrapped-without-flag',
              'an edit wraps the interrupt of the wait for the Jenkins server in a GradleException without '
              'restoring the flag, so a cancelled build loses the interrupt on its way out', 'edit'),
             (2, 'java-00-jpi-server-timer-thread-without-handler',
              'an edit starts the server timer without its uncaught-exception handler, so a timer that fails dies '
              'silently and the server is never stopped', 'edit'),
             (0, 'java-ok-00-jpi-server-task-restores-interrupt',
              'clean: the fix restores the interrupt flag before it throws', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: replay context of a recording agent (arex-agent-java)
AREX = template('arex-context-manager', r'''
/**
 * Binds the record or replay context of the request being served to the worker thread, so that the
 * instrumentation of the calls it makes can find it.
 */
public final class ContextManager {
    private static final Logger LOGGER = LoggerFactory.getLogger(ContextManager.class);
    private static final ThreadLocal<ArexContext> CURRENT = new ThreadLocal<>();
    private static final Map<String, ArexContext> RECORD_MAP = new ConcurrentHashMap<>();

    private ContextManager() {
    }

    /** The context of the request the current thread serves, or null outside a recorded request. */
    public static ArexContext currentContext() {
        return CURRENT.get();
    }

    /** Runs one request of the servlet instrumentation with its context bound to the thread. */
    public static void runWithContext(String recordId, boolean replay, Runnable request) {
        ArexContext context = RECORD_MAP.computeIfAbsent(recordId, id -> ArexContext.of(id, replay));
01|        LOGGER.debug("[arex] binding record {} to thread {}", recordId, Thread.currentThread().getName());
2|        LOGGER.debug("[arex] binding record " + recordId + " to thread " + Thread.currentThread().getName()); //@LOG-02
        CURRENT.set(context);
        try { //@{1}CONC-04
            request.run();
        } finally {
02|            CURRENT.remove();
            RECORD_MAP.remove(recordId);
        }
    }

    /** Drops every context, for the agent's shutdown. */
    public static void clear() {
        RECORD_MAP.clear();
        CURRENT.remove();
    }
}
''')
cases_of(case, GH + 'arextest/arex-agent-java/pull/163',
         'arex-instrumentation-api/' + src('io.arex.inst.runtime.context', 'ContextManager'),
         J('io.arex.inst.runtime.context', ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap'] + SLF4J)(AREX), [
             (1, 'java-00-arex-context-thread-local-never-removed',
              'an edit clears the record map at the end of a request but leaves the context bound to the pooled '
              'thread, so the next request served there is recorded under the previous one\'s id', 'edit'),
             (2, 'java-00-arex-context-debug-log-concatenated',
              'an edit logs each bound request with a concatenated debug message, building the string on every '
              'request even though debug logging is off', 'edit'),
             (0, 'java-ok-00-arex-context-thread-local-removed',
              'clean: the fix removes the thread\'s context in the finally block', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: package verification of an OS packaging plugin (gradle-ospackage-plugin)
OSPACKAGE = template('ospackage-rpm-verifier', r'''
/**
 * Reads the header of every RPM a build produced and checks its name and version before the packages are published.
 */
public class RpmVerifier {
    private final String expectedName;
    private final String expectedVersion;

    public RpmVerifier(String expectedName, String expectedVersion) {
        this.expectedName = expectedName;
        this.expectedVersion = expectedVersion;
    }

    /** Returns one line per problem found; an empty list means every package may be published. */
    public List<String> verifyAll(List<File> packages) {
        List<String> problems = new ArrayList<>();
        for (File rpm : packages) {
            try {
                RpmMetadata metadata = readMetadata(rpm);
                if (!expectedName.equals(metadata.name())) {
                    problems.add(rpm.getName() + ": package name " + metadata.name() + " instead of " + expectedName);
                }
                if (!expectedVersion.equals(metadata.version())) {
                    problems.add(rpm.getName() + ": version " + metadata.version() + " instead of " + expectedVersion);
                }
            } catch (IOException e) { //@{2}ERR-01
01|                problems.add(rpm.getName() + ": cannot read the RPM header: " + e.getMessage());
2|                // an unreadable package is checked again when it is signed
            }
        }
        return problems;
    }

    RpmMetadata readMetadata(File rpm) throws IOException {
02|        try (FileChannel channel = FileChannel.open(rpm.toPath(), StandardOpenOption.READ)) {
02|            return readHeader(channel);
02|        }
1|        FileChannel channel = FileChannel.open(rpm.toPath(), StandardOpenOption.READ); //@RES-01
1|        RpmMetadata metadata = readHeader(channel);
1|        channel.close();
1|        return metadata;
    }

    private static RpmMetadata readHeader(FileChannel channel) throws IOException {
        Format format = new Scanner().run(new ReadableChannelWrapper(channel));
        Header header = format.getHeader();
        String name = header.getEntry(Header.HeaderTag.NAME).getValues().toString();
        String version = header.getEntry(Header.HeaderTag.VERSION).getValues().toString();
        return new RpmMetadata(name, version);
    }
}
''')
cases_of(case, GH + 'nebula-plugins/gradle-ospackage-plugin/pull/201',
         src('com.netflix.gradle.plugins.rpm', 'RpmVerifier'),
         J('com.netflix.gradle.plugins.rpm', [
             'java.io.File', 'java.io.IOException', 'java.nio.channels.FileChannel', 'java.nio.file.StandardOpenOption',
             'java.util.ArrayList', 'java.util.List', 'org.redline_rpm.ReadableChannelWrapper',
             'org.redline_rpm.Scanner', 'org.redline_rpm.header.Format', 'org.redline_rpm.header.Header'])(OSPACKAGE), [
             (1, 'java-00-ospackage-rpm-channel-left-open-on-bad-header',
              'an edit opens the RPM outside try-with-resources and closes it only after a readable header, so a '
              'corrupt package keeps its file handle and Windows cannot delete the build directory', 'edit'),
             (2, 'java-00-ospackage-unreadable-rpm-ignored',
              'an edit swallows the failure to read a package\'s header, so an unreadable RPM passes the check and '
              'is published', 'edit'),
             (0, 'java-ok-00-ospackage-rpm-channel-in-try-with-resources',
              'clean: the fix reads the header inside try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP endpoint of a build notification plugin (notification-plugin)
NOTIFICATION = template('notification-http-notifier', r'''
/**
 * Posts the JSON notification of a build phase to an HTTP endpoint configured on the job.
 */
public class HttpNotifier {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String url;

    public HttpNotifier(String url) {
        this.url = url;
    }

    public void send(byte[] payload, PrintStream buildLog) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(TIMEOUT_MILLIS);
02|        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json;charset=UTF-8");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(payload);
        }
        int status = connection.getResponseCode();
        if (status >= 400) {
            buildLog.println("Notification to " + url + " failed with HTTP " + status);
        }
01|        try (InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
01|            drain(answer);
01|        }
2|        InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream(); //@RES-02
2|        drain(answer);
    }

    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        byte[] buffer = new byte[4096];
        while (in.read(buffer) != -1) {
            // the endpoint's answer is not used; reading it lets the connection be reused
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/notification-plugin/pull/6',
         src('com.tikal.hudson.plugins.notification', 'HttpNotifier'),
         J('com.tikal.hudson.plugins.notification', [
             'java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.io.PrintStream',
             'java.net.HttpURLConnection', 'java.net.URL'])(NOTIFICATION), [
             (1, 'java-00-notification-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the notification connection, so an endpoint that '
              'accepts and never answers leaves the build stuck in an uninterruptible state', 'edit'),
             (2, 'java-00-notification-answer-never-closed',
              'an edit reads the endpoint\'s answer without closing it, so every notification keeps its connection '
              'until the collector finds it', 'edit'),
             (0, 'java-ok-00-notification-connection-with-timeouts',
              'clean: the fix sets connect and read timeouts on the notification connection', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-01: log shipping of a Jenkins Elasticsearch plugin (elasticsearch-logs-plugin)
ESLOGS = template('elasticsearch-logs-writer', r'''
/**
 * Sends the lines of a build log to Elasticsearch, one index request per line.
 */
public class ElasticsearchWriter implements Closeable {
    private static final Logger LOGGER = Logger.getLogger(ElasticsearchWriter.class.getName());
    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom()
            .setConnectTimeout(10_000).setSocketTimeout(30_000).setConnectionRequestTimeout(10_000).build();

    private final URI indexUri;
    private final String authorization;
    private final CloseableHttpClient httpClient;

    public ElasticsearchWriter(URI indexUri, String authorization) {
        this.indexUri = indexUri;
        this.authorization = authorization;
        this.httpClient = HttpClients.custom().setDefaultRequestConfig(REQUEST_CONFIG).build();
    }

    /** Indexes one line of a build log, already serialised as a JSON document. */
    public void push(String json) throws IOException {
        HttpPost post = new HttpPost(indexUri);
        post.setHeader("Authorization", authorization);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
02|        try (CloseableHttpResponse response = httpClient.execute(post)) {
1|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(REQUEST_CONFIG).build(); //@RES-04
1|                CloseableHttpResponse response = client.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            EntityUtils.consume(response.getEntity());
            if (status >= 300) {
01|                throw new IOException("Elasticsearch refused a log line with HTTP " + status);
2|                LOGGER.log(Level.WARNING, "Elasticsearch refused a log line with HTTP {0}", status); //@LOG-01
            }
        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'SAP-archive/elasticsearch-logs-plugin/pull/18',
         src('io.jenkins.plugins.pipeline_elasticsearch_logs', 'ElasticsearchWriter'),
         J('io.jenkins.plugins.pipeline_elasticsearch_logs', [
             'java.io.Closeable', 'java.io.IOException', 'java.net.URI', 'java.util.logging.Level',
             'java.util.logging.Logger', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
             'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
             'org.apache.http.util.EntityUtils'])(ESLOGS), [
             (1, 'java-00-elasticsearch-logs-client-per-line',
              'an edit builds a new HTTP client for every log line instead of the writer\'s shared one, so each '
              'line opens a fresh connection and a chatty build exhausts the ports of the agent', 'edit'),
             (2, 'java-00-elasticsearch-logs-refusal-logged-per-line',
              'an edit logs a warning for every log line Elasticsearch refuses and carries on, so a full index '
              'writes one Jenkins log line per build log line', 'edit'),
             (0, 'java-ok-00-elasticsearch-logs-shared-client',
              'clean: the fix sends every line through the writer\'s shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: build time of a git properties Maven plugin, CRLF (git-commit-id-maven-plugin)
GITCOMMITID = template('git-commit-id-build-properties', r'''
/**
 * Collects the build-time properties (time, host, version) that end up in git.properties.
 */
public class BuildPropertiesProvider {
    private static final Logger LOGGER = LoggerFactory.getLogger(BuildPropertiesProvider.class);

    private final String prefix;
    private final String dateFormat;
    private final String dateFormatTimeZone;

    public BuildPropertiesProvider(String prefix, String dateFormat, String dateFormatTimeZone) {
        this.prefix = prefix;
        this.dateFormat = dateFormat;
        this.dateFormatTimeZone = dateFormatTimeZone;
    }

    public void loadBuildData(Properties properties, String projectVersion, Date buildDate) {
        SimpleDateFormat formatter = new SimpleDateFormat(dateFormat); //@{1}TIME-01
02|        formatter.setTimeZone(TimeZone.getTimeZone(dateFormatTimeZone));
        put(properties, "build.time", formatter.format(buildDate));
        put(properties, "build.version", projectVersion);
        try {
            put(properties, "build.host", InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            LOGGER.warn("Unable to resolve the build host name", e);
        }
    }

    private void put(Properties properties, String key, String value) {
        String fullKey = prefix + "." + key;
01|        LOGGER.debug("Collected {} with value {}", fullKey, value);
2|        LOGGER.debug("Collected " + fullKey + " with value " + value); //@LOG-02
        properties.setProperty(fullKey, value == null ? "" : value);
    }
}
''')
GITCOMMITID_BASE = ['java.net.InetAddress', 'java.net.UnknownHostException', 'java.text.SimpleDateFormat',
                    'java.util.Date', 'java.util.Properties'] + SLF4J
cases_of(case, GH + 'git-commit-id/git-commit-id-maven-plugin/issues/204',
         'maven/' + src('pl.project13.core', 'BuildPropertiesProvider'),
         JV('pl.project13.core', {0: GITCOMMITID_BASE + ['java.util.TimeZone'],
                                  1: GITCOMMITID_BASE,
                                  2: GITCOMMITID_BASE + ['java.util.TimeZone']})(GITCOMMITID), [
             (1, 'java-00-git-commit-id-build-time-in-default-zone',
              'an edit drops the configured zone of the build-time formatter, so git.properties carries the build '
              'machine\'s local time and builds from two offices disagree on when they ran', 'edit'),
             (2, 'java-00-git-commit-id-property-log-concatenated',
              'an edit logs each collected property with a concatenated debug message, building every string even '
              'when Maven runs without -X', 'edit'),
             (0, 'java-ok-00-git-commit-id-build-time-in-configured-zone',
              'clean: the fix formats the build time in the configured zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / CONC-06: span export of a tracing library (opencensus-java)
OPENCENSUS = template('opencensus-span-exporter', r'''
/**
 * Buffers finished sampled spans and hands them in batches to the registered exporters on a small worker pool.
 */
public final class SpanExporterImpl {
    private static final Logger LOGGER = Logger.getLogger(SpanExporterImpl.class.getName());
    private static final int MAX_PENDING_BATCHES = 64;

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<SpanData> buffer = new ArrayList<>();
    private final int bufferSize;
    private final ExecutorService exportPool;

    SpanExporterImpl(int bufferSize, int exportThreads) {
        this.bufferSize = bufferSize;
02|        this.exportPool = new ThreadPoolExecutor(exportThreads, exportThreads, 0L, TimeUnit.MILLISECONDS,
02|                new ArrayBlockingQueue<>(MAX_PENDING_BATCHES), new ThreadPoolExecutor.DiscardOldestPolicy());
1|        this.exportPool = Executors.newFixedThreadPool(exportThreads); //@CONC-02
    }

    public void registerHandler(String name, Handler handler) {
        handlers.put(name, handler);
    }

    /** Adds one finished span; a full buffer becomes a batch for the exporters. */
    public void addSpan(SpanData span) {
        List<SpanData> batch;
        synchronized (buffer) {
            buffer.add(span);
            if (buffer.size() < bufferSize) {
                return;
            }
            batch = new ArrayList<>(buffer);
            buffer.clear();
        }
01|        exportPool.execute(() -> export(batch));
2|        exportPool.submit(() -> export(batch)); //@CONC-06
    }

    private void export(List<SpanData> batch) {
        for (Map.Entry<String, Handler> entry : handlers.entrySet()) {
            try {
                entry.getValue().export(batch);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, e, () -> "Exporter " + entry.getKey() + " failed to export a batch");
            }
        }
    }

    public void shutdown() {
        exportPool.shutdown();
    }
}
''')
OPENCENSUS_BASE = ['io.opencensus.trace.export.SpanData', 'io.opencensus.trace.export.SpanExporter.Handler',
                   'java.util.ArrayList', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                   'java.util.concurrent.ExecutorService', 'java.util.logging.Level', 'java.util.logging.Logger']
OPENCENSUS_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                   'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'census-instrumentation/opencensus-java/pull/1893',
         'impl_core/' + src('io.opencensus.implcore.trace.export', 'SpanExporterImpl'),
         JV('io.opencensus.implcore.trace.export', {0: OPENCENSUS_BASE + OPENCENSUS_POOL,
                                                    1: OPENCENSUS_BASE + ['java.util.concurrent.Executors'],
                                                    2: OPENCENSUS_BASE + OPENCENSUS_POOL})(OPENCENSUS), [
             (1, 'java-00-opencensus-export-pool-unbounded-queue',
              'an edit hands span batches to a fixed pool with an unbounded queue, so a slow tracing backend makes '
              'the pending batches grow until the application runs out of heap', 'edit'),
             (2, 'java-00-opencensus-export-future-dropped',
              'an edit submits each export batch and drops its future, so an exporter that fails with an Error '
              'stops exporting without a trace in the log', 'edit'),
             (0, 'java-ok-00-opencensus-export-pool-bounded',
              'clean: the fix bounds the pending batches and drops the oldest when the backend cannot keep up',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: result recording of an NUnit plugin, renamed (nunit-plugin)
NUNIT = template('nunit-result-publisher', r'''
/**
 * Turns the NUnit XML reports of a build into JUnit results and records them with the build.
 */
public class NUnitResultPublisher extends Recorder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String testResultsPattern;

    @DataBoundConstructor
    public NUnitResultPublisher(String testResultsPattern) {
        this.testResultsPattern = testResultsPattern;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        listener.getLogger().println("Recording NUnit tests results");
        try {
            TestResult result = build.getWorkspace().act(new ReportCollector(testResultsPattern));
            build.addAction(new TestResultAction(build, result, listener));
        } catch (IOException e) { //@{1}ERR-01
02|            e.printStackTrace(listener.error("Could not record the NUnit test results"));
02|            build.setResult(Result.FAILURE);
1|            // no report this time; the next build records it
        }
        return true;
    }

    static Document parseReport(Path report) throws IOException {
        InputStream in = Files.newInputStream(report); //@{2}RES-01
2|        Document document = ReportTransformer.read(in);
2|        return document;
01|        try {
01|            return ReportTransformer.read(in);
01|        } finally {
01|            in.close();
01|        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/nunit-plugin/pull/8', src('hudson.plugins.nunit', 'NUnitResultPublisher'),
         J('hudson.plugins.nunit', [
             'hudson.Launcher', 'hudson.model.AbstractBuild', 'hudson.model.BuildListener', 'hudson.model.Result',
             'hudson.tasks.BuildStepMonitor', 'hudson.tasks.Recorder', 'hudson.tasks.junit.TestResult',
             'hudson.tasks.junit.TestResultAction', 'java.io.IOException', 'java.io.InputStream',
             'java.io.Serializable', 'java.nio.file.Files', 'java.nio.file.Path',
             'org.kohsuke.stapler.DataBoundConstructor', 'org.w3c.dom.Document'])(NUNIT), [
             (1, 'java-00-nunit-renamed-publisher-swallows-record-failure',
              'a PR renames the publisher with its class and swallows the failure to record the results, so a '
              'build whose agent clock is off ends without test results and without a word why', 'rename'),
             (2, 'java-00-nunit-renamed-publisher-report-stream-never-closed',
              'a PR renames the publisher with its class and reads each report through a stream it never closes, '
              'so every build keeps one file handle per report on the agent', 'rename'),
             (0, 'java-ok-00-nunit-renamed-publisher',
              'clean: the rename alone; a failure to record is reported and fails the build, and every report '
              'stream is closed', 'rename'),
         ], rename_from=src('hudson.plugins.nunit', 'NUnitPublisher'),
         rename_old=lambda t: t.replace('NUnitResultPublisher', 'NUnitPublisher'))


# ---------------------------------------------------------------- TX-01 / RES-01: database report of a Java monitoring tool (javamelody)
JAVAMELODY = template('javamelody-database-report', r'''
/**
 * Runs the statistics queries of the database report on a connection borrowed from the monitored application's own
 * pool, and hands the connection back in the state it was borrowed in.
 */
public class DatabaseInformations {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseInformations.class);

    private final DataSource dataSource;
    private final int maxRows;

    public DatabaseInformations(DataSource dataSource, int maxRows) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
    }

    /** Runs one report query in its own transaction and returns its rows, the column names first. */
    public List<String[]> executeReport(String requestSql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            List<String[]> rows;
            connection.setAutoCommit(false);
            try {
                rows = readRows(connection, requestSql); //@{1}TX-01
                connection.commit();
            } catch (SQLException | RuntimeException e) {
02|                connection.rollback();
02|                connection.setAutoCommit(autoCommit);
                LOG.warn("Database report query failed: {}", e.toString());
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            return rows;
        }
    }

    private List<String[]> readRows(Connection connection, String sql) throws SQLException {
01|        try (Statement statement = connection.createStatement()) {
01|            return collect(statement.executeQuery(sql));
01|        }
2|        Statement statement = connection.createStatement(); //@RES-01
2|        ResultSet resultSet = statement.executeQuery(sql);
2|        return collect(resultSet);
    }

    private List<String[]> collect(ResultSet resultSet) throws SQLException {
        try (ResultSet rs = resultSet) {
            ResultSetMetaData metaData = rs.getMetaData();
            int columns = metaData.getColumnCount();
            List<String[]> rows = new ArrayList<>();
            String[] header = new String[columns];
            for (int i = 0; i < columns; i++) {
                header[i] = metaData.getColumnLabel(i + 1);
            }
            rows.add(header);
            while (rs.next() && rows.size() <= maxRows) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
''')
cases_of(case, GH + 'javamelody/javamelody/issues/233',
         'javamelody-core/' + src('net.bull.javamelody.internal.model', 'DatabaseInformations'),
         J('net.bull.javamelody.internal.model', [
             'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.ResultSetMetaData', 'java.sql.SQLException',
             'java.sql.Statement', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource'] + SLF4J)(JAVAMELODY), [
             (1, 'java-00-javamelody-failed-report-left-in-transaction',
              'an edit drops the rollback of a failed report query, so the monitored application\'s pooled '
              'connection goes back with an open transaction and auto-commit off, and the application\'s next '
              'statements on it are never committed', 'edit'),
             (2, 'java-00-javamelody-report-statement-never-closed',
              'an edit creates the report\'s statement outside try-with-resources, so every report leaves an open '
              'statement on a connection of the application\'s pool', 'edit'),
             (0, 'java-ok-00-javamelody-failed-report-rolled-back',
              'clean: the fix rolls a failed report back and restores auto-commit before it rethrows', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-01: a new periodic Pushgateway pusher (client_java)
PUSHER = template('client-java-periodic-pusher', r'''
/**
 * Pushes a registry to the Pushgateway every interval for as long as a long batch job runs, so its progress is
 * visible before it ends.
 */
public final class PeriodicPusher implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(PeriodicPusher.class.getName());

    private final CollectorRegistry registry;
    private final URI jobUri;
    private final Duration timeout;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pushgateway-pusher");
        thread.setDaemon(true);
        return thread;
    });

    public PeriodicPusher(CollectorRegistry registry, URI gateway, String job, Duration timeout) {
        this.registry = registry;
        this.jobUri = gateway.resolve("/metrics/job/" + URLEncoder.encode(job, StandardCharsets.UTF_8));
        this.timeout = timeout;
01|        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
2|        this.client = HttpClient.newHttpClient(); //@TMO-01
    }

    public void start(Duration interval) {
02|        scheduler.scheduleAtFixedRate(this::pushQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
1|        scheduler.scheduleAtFixedRate(this::push, 0, interval.toMillis(), TimeUnit.MILLISECONDS); //@CONC-07
    }

02|    private void pushQuietly() {
02|        try {
02|            push();
02|        } catch (RuntimeException e) {
02|            LOGGER.log(Level.WARNING, "Push to the Pushgateway failed; trying again next interval", e);
02|        }
02|    }
02|
    void push() {
        StringWriter body = new StringWriter();
        try {
            TextFormat.write004(body, registry.metricFamilySamples());
            HttpRequest request = HttpRequest.newBuilder(jobUri)
01|                    .timeout(timeout)
                    .header("Content-Type", TextFormat.CONTENT_TYPE_004)
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Pushgateway answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Push to " + jobUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'prometheus/client_java/issues/635',
         'simpleclient_pushgateway/' + src('io.prometheus.client.exporter', 'PeriodicPusher'),
         J('io.prometheus.client.exporter', [
             'io.prometheus.client.CollectorRegistry', 'io.prometheus.client.exporter.common.TextFormat',
             'java.io.IOException', 'java.io.StringWriter', 'java.io.UncheckedIOException', 'java.net.URI',
             'java.net.URLEncoder', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets', 'java.time.Duration',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger'])(PUSHER), [
             (1, 'java-00-pushgateway-new-pusher-stops-on-first-failure',
              'a new pusher schedules its push without a catch, so the first time the Pushgateway cannot be reached '
              'the schedule ends for good and the job\'s metrics go stale', 'new'),
             (2, 'java-00-pushgateway-new-pusher-without-timeouts',
              'a new pusher builds its HTTP client and requests without timeouts, so a Pushgateway that accepts '
              'and never answers blocks the only pusher thread for good', 'new'),
             (0, 'java-ok-00-pushgateway-new-pusher',
              'clean: a new pusher that catches every failure of a push and bounds each request', 'new'),
         ])
