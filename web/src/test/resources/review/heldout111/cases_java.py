"""Round-111 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / CONC-02: attachment uploads of a CI wiki publisher plugin (confluence-publisher-plugin)
CONFLUENCE = template('confluence-upload-pool', r'''
/**
 * Publishes build artifacts as attachments of a Confluence page after the build. Uploads of one build run in
 * parallel; the pool is shared by every job of the controller, so a busy controller neither grows threads without
 * bound nor leaks a pool per build.
 */
public class ConfluencePublisher extends Notifier {
    private static final Logger LOGGER = Logger.getLogger(ConfluencePublisher.class.getName());
    private static final int MAX_UPLOAD_THREADS = Integer.getInteger(ConfluencePublisher.class.getName() + ".maxThreads", 5);
0|    private static final ExecutorService UPLOADS = new ThreadPoolExecutor(1, MAX_UPLOAD_THREADS, 60L, TimeUnit.SECONDS,
0|            new LinkedBlockingQueue<>(200), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private static final ExecutorService UPLOADS = Executors.newCachedThreadPool(); //@CONC-02

    private final String siteName;
    private final String spaceName;
    private final String pageName;

    @DataBoundConstructor
    public ConfluencePublisher(String siteName, String spaceName, String pageName) {
        this.siteName = siteName;
        this.spaceName = spaceName;
        this.pageName = pageName;
    }

    boolean uploadAttachments(ConfluenceSession session, RemotePage page, List<FilePath> files, TaskListener listener)
            throws InterruptedException {
1|        ExecutorService uploads = Executors.newFixedThreadPool(MAX_UPLOAD_THREADS); //@RES-04
        List<Future<String>> results = new ArrayList<>();
        for (FilePath file : files) {
02|            results.add(UPLOADS.submit(() -> upload(session, page, file)));
1|            results.add(uploads.submit(() -> upload(session, page, file)));
        }
        boolean ok = true;
        for (Future<String> result : results) {
            try {
                listener.getLogger().println("Uploaded " + result.get());
            } catch (ExecutionException e) {
                ok = false;
                listener.error("Attachment upload to " + spaceName + "/" + pageName + " failed: " + e.getCause());
                LOGGER.log(Level.WARNING, "attachment upload failed", e.getCause());
            }
        }
        return ok;
    }

    private String upload(ConfluenceSession session, RemotePage page, FilePath file) throws IOException, InterruptedException {
        RemoteAttachment attachment = new RemoteAttachment();
        attachment.setPageId(page.getId());
        attachment.setFileName(file.getName());
        attachment.setContentType(URLConnection.guessContentTypeFromName(file.getName()));
        try (InputStream in = file.read()) {
            session.addAttachment(page.getId(), attachment, in.readAllBytes());
        }
        return file.getName();
    }
}
''')
_CF = ['hudson.FilePath', 'hudson.model.TaskListener', 'hudson.tasks.Notifier', 'java.io.IOException', 'java.io.InputStream',
       'java.net.URLConnection', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
       'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.logging.Level',
       'java.util.logging.Logger', 'jenkins.plugins.confluence.soap.v1.RemoteAttachment',
       'jenkins.plugins.confluence.soap.v1.RemotePage', 'org.kohsuke.stapler.DataBoundConstructor']
_CF_BOUNDED = ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
               'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'jenkinsci/confluence-publisher-plugin/pull/82',
         src('com.myyearbook.hudson.plugins.confluence', 'ConfluencePublisher'),
         JV('com.myyearbook.hudson.plugins.confluence', {0: _CF + _CF_BOUNDED,
                                                           1: _CF + ['java.util.concurrent.Executors'],
                                                           2: _CF + ['java.util.concurrent.Executors']})(CONFLUENCE), [
             (1, 'java-00-confluence-upload-pool-per-build',
              'an edit builds a fixed thread pool for each build\'s uploads and never shuts it down, leaking five '
              'threads per published build', 'edit'),
             (2, 'java-00-confluence-upload-pool-unbounded',
              'an edit shares one cached thread pool for all uploads, which starts a thread for every queued '
              'attachment of every build', 'edit'),
             (0, 'java-ok-00-confluence-shared-bounded-upload-pool',
              'clean: the fix shares one bounded pool with a bounded queue and caller-runs back-pressure', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-07: remote durable task watcher of a pipeline plugin (workflow-durable-task-step-plugin)
DURABLE = template('durable-task-thread-pool', r'''
/**
 * Checks running shell steps on their agents every few seconds. The checks share one scheduled pool that lives as
 * long as the controller; at shutdown the pool lets the running checks finish so no step's state is half-written.
 */
public final class DurableTaskWatcher {
    private static final Logger LOGGER = Logger.getLogger(DurableTaskWatcher.class.getName());
    private static final long RECURRENCE_PERIOD_MS = 15_000;
    private static ScheduledThreadPoolExecutor threadPool;

    private final Execution execution;
    private ScheduledFuture<?> task;

    DurableTaskWatcher(Execution execution) {
        this.execution = execution;
    }

    static synchronized ScheduledExecutorService threadPool() {
        if (threadPool == null) {
            threadPool = new ScheduledThreadPoolExecutor(5, new NamingThreadFactory(new DaemonThreadFactory(), "DurableTaskStep"));
            threadPool.setKeepAliveTime(1, TimeUnit.MINUTES);
            threadPool.allowCoreThreadTimeOut(true);
        }
        return threadPool;
    }

    @Terminator
    public static synchronized void shutDownThreadPool() throws InterruptedException {
        if (threadPool == null) {
            return;
        }
02|        threadPool.shutdown();
02|        if (!threadPool.awaitTermination(10, TimeUnit.SECONDS)) {
02|            List<Runnable> pending = threadPool.shutdownNow();
02|            LOGGER.log(Level.WARNING, "DurableTaskStep checks still running after 10s; {0} not started", pending.size());
02|        }
1|        threadPool.shutdownNow(); //@OPS-01
        threadPool = null;
    }

    synchronized void start() {
        if (task == null) {
01|            task = threadPool().scheduleWithFixedDelay(this::checkSafely, 0, RECURRENCE_PERIOD_MS, TimeUnit.MILLISECONDS);
2|            task = threadPool().scheduleWithFixedDelay(this::check, 0, RECURRENCE_PERIOD_MS, TimeUnit.MILLISECONDS); //@CONC-07
        }
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

01|    private void checkSafely() {
01|        try {
01|            check();
01|        } catch (RuntimeException x) {
01|            LOGGER.log(Level.WARNING, x, () -> "could not check " + execution.getRemote());
01|        }
01|    }
01|
    private void check() {
        if (execution.isFinished()) {
            stop();
            return;
        }
        execution.checkOnce();
    }
}
''')
_DT = ['hudson.init.Terminator', 'hudson.util.DaemonThreadFactory', 'hudson.util.NamingThreadFactory',
       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
       'java.util.concurrent.ScheduledThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
       'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'jenkinsci/workflow-durable-task-step-plugin/pull/87',
         src('org.jenkinsci.plugins.workflow.steps.durable_task', 'DurableTaskWatcher'),
         JV('org.jenkinsci.plugins.workflow.steps.durable_task', {0: _DT + ['java.util.List'], 1: _DT,
                                                                  2: _DT + ['java.util.List']})(DURABLE), [
             (1, 'java-00-durable-task-pool-killed-at-shutdown',
              'an edit shuts the check pool down with shutdownNow at controller shutdown, interrupting checks that '
              'are writing a step\'s state', 'edit'),
             (2, 'java-00-durable-task-check-scheduled-unguarded',
              'an edit schedules the periodic check without its catch, so one failed check cancels the schedule and '
              'the step is never checked again', 'edit'),
             (0, 'java-ok-00-durable-task-pool-drained-at-shutdown',
              'clean: the fix shuts the pool down and waits for running checks before interrupting', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: HTTP endpoint of a CI notification plugin (extreme-notification-plugin), new file
EXTREME = template('extreme-notification-http-endpoint', r'''
/**
 * Posts build events as JSON to a configured URL. Notifications are sent from the build's thread, so the request is
 * bounded by the endpoint's timeout.
 */
public class HttpPostEndpoint extends Endpoint {
    private static final Logger LOGGER = Logger.getLogger(HttpPostEndpoint.class.getName());
    private static final int DEFAULT_TIMEOUT_MILLIS = 10_000;

    private final String url;
    private final int timeoutMillis;

    @DataBoundConstructor
    public HttpPostEndpoint(String url, int timeoutMillis) {
        this.url = url;
        this.timeoutMillis = timeoutMillis > 0 ? timeoutMillis : DEFAULT_TIMEOUT_MILLIS;
    }

    @Override
    public void notify(EndpointEvent event) {
        try {
            post(event.toJson());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, e, () -> "could not notify " + url + " of " + event.getName());
        }
    }

    void post(String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@{2}TMO-01
01|        connection.setConnectTimeout(timeoutMillis);
01|        connection.setReadTimeout(timeoutMillis);
1|        ScheduledExecutorService abortTimer = Executors.newSingleThreadScheduledExecutor(); //@RES-01
1|        abortTimer.schedule(connection::disconnect, timeoutMillis, TimeUnit.MILLISECONDS);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
        connection.setDoOutput(true);
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            if (status >= 300) {
                throw new IOException("endpoint " + url + " answered " + status);
            }
        } finally {
            connection.disconnect();
        }
    }
}
''')
_EX = ['java.io.IOException', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL',
       'java.nio.charset.StandardCharsets', 'java.util.logging.Level', 'java.util.logging.Logger',
       'org.kohsuke.stapler.DataBoundConstructor']
cases_of(case, GH + 'jenkinsci/extreme-notification-plugin/pull/1',
         src('org.jenkinsci.plugins.extremenotification', 'HttpPostEndpoint'),
         JV('org.jenkinsci.plugins.extremenotification', {0: _EX, 2: _EX,
                                                          1: _EX + ['java.util.concurrent.Executors',
                                                                    'java.util.concurrent.ScheduledExecutorService',
                                                                    'java.util.concurrent.TimeUnit']})(EXTREME), [
             (1, 'java-00-extreme-notification-abort-timer-per-request',
              'a new endpoint aborts each request with a scheduler of its own that is never shut down, leaking a '
              'thread per notification', 'new'),
             (2, 'java-00-extreme-notification-post-without-timeouts',
              'a new endpoint opens its connection without connect or read timeouts, so a silent endpoint holds the '
              'build thread', 'new'),
             (0, 'java-ok-00-extreme-notification-post-with-timeouts',
              'clean: a new endpoint bounds the request by the connection\'s own timeouts', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: readiness wait of a Kubernetes Maven plugin (fabric8)
FABRIC8 = template('fabric8-service-ready', r'''
/**
 * Waits, after apply, until the service's route answers, so the goal fails when the deployment never becomes
 * reachable. One client serves every poll of the build.
 */
public class ServiceReadyWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceReadyWaiter.class);

    private final OkHttpClient httpClient;
    private final long pollIntervalMillis;

    public ServiceReadyWaiter(long pollIntervalMillis) {
        this.httpClient = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build();
        this.pollIntervalMillis = pollIntervalMillis;
    }

    public void waitUntilReady(String url, int maxAttempts) throws MojoExecutionException, InterruptedException {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
01|            LOG.debug("Waiting for {} (attempt {} of {})", url, attempt, maxAttempts);
2|            LOG.debug("Waiting for " + url + " (attempt " + attempt + " of " + maxAttempts + ")"); //@LOG-02
            try {
                if (isServiceReady(url)) {
                    LOG.info("Service at {} is ready", url);
                    return;
                }
            } catch (IOException e) {
                LOG.debug("Service at {} not reachable yet", url, e);
            }
            Thread.sleep(pollIntervalMillis);
        }
        throw new MojoExecutionException("Service at " + url + " not ready after " + maxAttempts + " attempts");
    }

    private boolean isServiceReady(String url) throws IOException {
        Request request = new Request.Builder().url(url).get().build();
02|        try (Response response = httpClient.newCall(request).execute()) {
02|            return response.isSuccessful();
02|        }
1|        Response response = httpClient.newCall(request).execute(); //@RES-02
1|        return response.isSuccessful();
    }
}
''')
cases_of(case, GH + 'fabric8io/fabric8/issues/5780',
         'fabric8-maven-plugin/' + src('io.fabric8.maven.support', 'ServiceReadyWaiter'),
         J('io.fabric8.maven.support', SLF4J + ['java.io.IOException', 'java.util.concurrent.TimeUnit',
                                                 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response',
                                                 'org.apache.maven.plugin.MojoExecutionException'])(FABRIC8), [
             (1, 'java-00-fabric8-readiness-response-left-open',
              'an edit reads the readiness response without closing it, leaking a connection per poll of the apply '
              'goal', 'edit'),
             (2, 'java-00-fabric8-poll-debug-line-concatenated',
              'an edit concatenates the url and attempt counters into every poll\'s debug message', 'edit'),
             (0, 'java-ok-00-fabric8-readiness-response-closed',
              'clean: the fix closes each readiness response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: Go module proxy analyzer of a dependency registry scanner (hyades)
HYADES = template('hyades-go-modules-analyzer', r'''
/**
 * Looks up the latest version of a Go module on the module proxy. The proxy's {@code Time} field is an RFC 3339
 * instant in UTC.
 */
public class GoModulesMetaAnalyzer extends AbstractMetaAnalyzer {
    private static final Logger LOGGER = LoggerFactory.getLogger(GoModulesMetaAnalyzer.class);
    private static final String API_URL = "%s/%s/%s/@latest";

    @Override
    public MetaModel analyze(final Component component) {
        final MetaModel meta = new MetaModel(component);
        if (component.getPurl() == null) {
            return meta;
        }
        final String url = String.format(API_URL, baseUrl, caseEncode(component.getPurl().getNamespace()),
                caseEncode(component.getPurl().getName()));
        try (final CloseableHttpResponse response = processHttpRequest(url)) {
            if (response.getStatusLine().getStatusCode() == HttpStatus.SC_OK) {
                final JSONObject body = new JSONObject(EntityUtils.toString(response.getEntity()));
                meta.setLatestVersion(body.getString("Version"));
                meta.setPublishedTimestamp(parsePublished(body.getString("Time")));
            } else {
                handleUnexpectedHttpResponse(LOGGER, url, response.getStatusLine().getStatusCode(),
                        response.getStatusLine().getReasonPhrase(), component);
            }
        } catch (IOException | DateTimeParseException e) { //@{2}ERR-01
01|            handleRequestException(LOGGER, e);
2|            return meta;
        }
        return meta;
    }

    static Date parsePublished(final String time) {
02|        return Date.from(OffsetDateTime.parse(time).toInstant());
1|        final SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"); //@TIME-01
1|        return format.parse(time, new ParsePosition(0));
    }

    private static String caseEncode(final String path) {
        final StringBuilder encoded = new StringBuilder();
        for (final char c : path.toCharArray()) {
            if (Character.isUpperCase(c)) {
                encoded.append('!').append(Character.toLowerCase(c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }
}
''')
_HY = SLF4J + ['java.io.IOException', 'java.time.format.DateTimeParseException', 'java.util.Date',
               'org.apache.http.HttpStatus', 'org.apache.http.client.methods.CloseableHttpResponse',
               'org.apache.http.util.EntityUtils', 'org.dependencytrack.persistence.model.Component',
               'org.dependencytrack.repometaanalyzer.model.MetaModel', 'org.json.JSONObject']
HYADES_TEST = f('repository-meta-analyzer/' + 'src/test/java/org/dependencytrack/repometaanalyzer/repositories/GoModulesMetaAnalyzerTest.java',
                new=java('org.dependencytrack.repometaanalyzer.repositories',
                         ['java.time.Instant', 'org.junit.jupiter.api.Test',
                          'static org.assertj.core.api.Assertions.assertThat'], r'''
class GoModulesMetaAnalyzerTest {

    @Test
    void publishedTimeIsReadAsUtc() {
        assertThat(GoModulesMetaAnalyzer.parsePublished("2023-04-26T10:15:30Z").toInstant())
                .isEqualTo(Instant.parse("2023-04-26T10:15:30Z"));
    }
}
'''))
cases_of(case, GH + 'DependencyTrack/hyades/pull/521',
         'repository-meta-analyzer/' + src('org.dependencytrack.repometaanalyzer.repositories', 'GoModulesMetaAnalyzer'),
         JV('org.dependencytrack.repometaanalyzer.repositories',
            {0: _HY + ['java.time.OffsetDateTime'], 2: _HY + ['java.time.OffsetDateTime'],
             1: _HY + ['java.text.ParsePosition', 'java.text.SimpleDateFormat']})(HYADES), [
             (1, 'java-00-hyades-go-module-time-in-default-zone',
              'an edit parses the module proxy\'s UTC timestamp with a format in the JVM\'s default zone, shifting '
              'every published time by the host\'s offset', 'edit'),
             (2, 'java-00-hyades-go-module-lookup-failure-dropped',
              'an edit returns the empty model when the proxy lookup fails, without reporting the failure', 'edit'),
             (0, 'java-ok-00-hyades-go-module-time-in-utc',
              'clean: the fix parses the timestamp as an offset date-time; it adds a test beside it', 'fix',
              [HYADES_TEST]),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-05: background task of a Jenkins IDE plugin (jenkins-control-plugin), moved file
JCONTROL = template('jenkins-control-background-task', r'''
/**
 * Runs a request to the Jenkins server in the background. A failure of the server (an HTTP error, a login that
 * expired) must reach the user as a notification, never as an IDE crash report and never silently.
 */
public class JenkinsBackgroundTask extends Task.Backgroundable {
    private static final Logger LOG = Logger.getInstance(JenkinsBackgroundTask.class);
    private static final long RETRY_DELAY_MS = 2_000;

    private final JenkinsTask task;
    private final int attempts;

    public JenkinsBackgroundTask(Project project, String title, int attempts, JenkinsTask task) {
        super(project, title, true);
        this.task = task;
        this.attempts = attempts;
    }

    @Override
    public void run(@NotNull ProgressIndicator indicator) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                task.run(indicator);
                return;
            } catch (JenkinsPluginRuntimeException e) { //@{1}ERR-01
02|                if (attempt == attempts) {
02|                    JenkinsNotifier.getInstance(getProject()).error(getTitle() + ": " + e.getMessage());
02|                    LOG.info("Jenkins request failed", e);
02|                    return;
02|                }
1|                indicator.cancel();
1|                return;
            }
            try {
                Thread.sleep(RETRY_DELAY_MS);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                LOG.debug("retry wait interrupted", e);
            }
        }
    }

    @FunctionalInterface
    public interface JenkinsTask {
        void run(@NotNull ProgressIndicator indicator);
    }
}
''')
_JC = ['com.intellij.openapi.diagnostic.Logger', 'com.intellij.openapi.progress.ProgressIndicator',
       'com.intellij.openapi.progress.Task', 'com.intellij.openapi.project.Project',
       'org.codinjutsu.tools.jenkins.JenkinsNotifier', 'org.codinjutsu.tools.jenkins.exception.JenkinsPluginRuntimeException',
       'org.jetbrains.annotations.NotNull']
cases_of(case, GH + 'MCMicS/jenkins-control-plugin/pull/310',
         src('org.codinjutsu.tools.jenkins.logic.task', 'JenkinsBackgroundTask'),
         J('org.codinjutsu.tools.jenkins.logic.task', _JC)(JCONTROL), [
             (1, 'java-00-jenkins-control-moved-task-error-dropped',
              'the background task moves into a task package and a failed Jenkins request now cancels the progress '
              'without telling the user or logging why', 'rename'),
             (2, 'java-00-jenkins-control-moved-retry-wait-interrupt-lost',
              'the background task moves and an interrupted retry wait is logged and the loop goes on, losing the '
              'interrupt of a cancelled task', 'rename'),
             (0, 'java-ok-00-jenkins-control-moved-background-task',
              'clean: the move alone; failures reach the user and an interrupt ends the task', 'rename'),
         ], rename_from=src('org.codinjutsu.tools.jenkins.logic', 'JenkinsBackgroundTask'),
         rename_old=lambda t: t.replace('package org.codinjutsu.tools.jenkins.logic.task;',
                                        'package org.codinjutsu.tools.jenkins.logic;'))


# ---------------------------------------------------------------- CONC-07 / CONC-03: status bar of a code review IDE plugin (idea-plugin-revu)
REVU = template('revu-status-bar', r'''
/**
 * Shows reVu's messages in the IDE status bar and blinks while one is unread. Messages arrive from review loading
 * threads and are read by the blink task, so the list is guarded by itself.
 */
public class StatusBarComponent implements Disposable {
    private static final Logger LOG = Logger.getInstance(StatusBarComponent.class);
    private static final long BLINK_PERIOD_MS = 500;

    private final List<StatusBarMessage> messages = new ArrayList<>();
    private final StatusBarPanel panel;
    private ScheduledFuture<?> blinkTask;

    public StatusBarComponent(StatusBarPanel panel) {
        this.panel = panel;
    }

    public void addMessage(StatusBarMessage message) {
01|        synchronized (messages) {
01|            messages.add(message);
01|        }
2|        messages.add(message); //@CONC-03
        updateState();
    }

    private synchronized void updateState() {
        if (blinkTask == null) {
02|            blinkTask = AppExecutorUtil.getAppScheduledExecutorService()
02|                    .scheduleWithFixedDelay(this::blinkGuarded, 0, BLINK_PERIOD_MS, TimeUnit.MILLISECONDS);
1|            blinkTask = AppExecutorUtil.getAppScheduledExecutorService() //@CONC-07
1|                    .scheduleWithFixedDelay(this::blink, 0, BLINK_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

02|    private void blinkGuarded() {
02|        try {
02|            blink();
02|        } catch (RuntimeException e) {
02|            LOG.warn("Could not refresh the reVu status bar", e);
02|        }
02|    }
02|
    private void blink() {
        boolean unread;
        synchronized (messages) {
            unread = messages.stream().anyMatch(m -> !m.isRead());
        }
        ApplicationManager.getApplication().invokeLater(() -> panel.setHighlighted(unread && !panel.isHighlighted()));
    }

    @Override
    public synchronized void dispose() {
        if (blinkTask != null) {
            blinkTask.cancel(false);
            blinkTask = null;
        }
    }
}
''')
cases_of(case, GH + 'syllant/idea-plugin-revu/issues/46',
         'revu-plugin/' + src('org.sylfra.idea.plugins.revu.ui.statusbar', 'StatusBarComponent'),
         J('org.sylfra.idea.plugins.revu.ui.statusbar', [
             'com.intellij.openapi.Disposable', 'com.intellij.openapi.application.ApplicationManager',
             'com.intellij.openapi.diagnostic.Logger', 'com.intellij.util.concurrency.AppExecutorUtil',
             'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ScheduledFuture',
             'java.util.concurrent.TimeUnit'])(REVU), [
             (1, 'java-00-revu-blink-scheduled-unguarded',
              'an edit schedules the status bar\'s blink task without its catch, so one failure stops the blinking '
              'for the rest of the session', 'edit'),
             (2, 'java-00-revu-message-added-unsynchronized',
              'an edit adds messages to the shared list without its lock while the blink task reads it', 'edit'),
             (0, 'java-ok-00-revu-blink-scheduled-guarded',
              'clean: the fix schedules a blink task that catches its failures', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: backend info holder of an observability IDE plugin (digma), CRLF file
DIGMA = template('digma-backend-info-holder', r'''
/**
 * Keeps the last known "about" information of the Digma backend. Refreshes run on the application pool; callers on
 * a background thread may wait a bounded time for a fresh value.
 */
public class BackendInfoHolder implements Disposable {
    private static final Logger LOGGER = Logger.getInstance(BackendInfoHolder.class);

    private final AtomicReference<AboutResult> aboutRef = new AtomicReference<>();
    private final AnalyticsService analyticsService;
    private final ExecutorService executor = AppExecutorUtil.getAppExecutorService();

    public BackendInfoHolder(AnalyticsService analyticsService) {
        this.analyticsService = analyticsService;
    }

    public void refresh() {
01|        executor.execute(this::update);
2|        executor.submit(this::update); //@CONC-06
    }

    private void update() {
        AboutResult about = analyticsService.getAbout();
        aboutRef.set(about);
        LOGGER.debug("backend info refreshed");
    }

    @Nullable
    public AboutResult getAboutBlocking(long timeoutMillis) {
        Future<AboutResult> future = executor.submit(analyticsService::getAbout);
        try {
            AboutResult about = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
            aboutRef.set(about);
            return about;
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            future.cancel(true);
            return aboutRef.get();
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
            LOGGER.warn("could not load backend info, using the last known value", e);
            return aboutRef.get();
        }
    }

    @Nullable
    public AboutResult getAbout() {
        return aboutRef.get();
    }

    @Override
    public void dispose() {
        aboutRef.set(null);
    }
}
''')
cases_of(case, GH + 'digma-ai/digma-intellij-plugin/pull/2647',
         'ide-common/' + src('org.digma.intellij.plugin.common', 'BackendInfoHolder'),
         J('org.digma.intellij.plugin.common', [
             'com.intellij.openapi.Disposable', 'com.intellij.openapi.diagnostic.Logger',
             'com.intellij.util.concurrency.AppExecutorUtil', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException', 'java.util.concurrent.atomic.AtomicReference',
             'org.digma.intellij.plugin.analytics.AnalyticsService', 'org.digma.intellij.plugin.model.rest.AboutResult',
             'org.jetbrains.annotations.Nullable'])(DIGMA), [
             (1, 'java-00-digma-about-wait-interrupt-swallowed',
              'an edit returns the cached value when the wait for backend info is interrupted without restoring the '
              'thread\'s interrupt', 'edit'),
             (2, 'java-00-digma-refresh-future-dropped',
              'an edit submits the refresh and drops its future, so a failed refresh is never reported', 'edit'),
             (0, 'java-ok-00-digma-about-wait-restores-interrupt',
              'clean: the fix restores the interrupt before returning the cached value', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / LOG-02: workspace sync of a Perforce CI plugin (p4-plugin)
P4 = template('p4-sync-logging', r'''
/**
 * Syncs the build workspace to a change. A checkout syncs every file of the workspace view, so the controller's log
 * gets one summary line per sync, not one per file.
 */
public class SyncTask {
    private static final Logger logger = Logger.getLogger(SyncTask.class.getName());

    private final ClientHelper p4;
    private final TaskListener listener;

    public SyncTask(ClientHelper p4, TaskListener listener) {
        this.p4 = p4;
        this.listener = listener;
    }

    public int syncFiles(List<IFileSpec> specs, SyncOptions options) throws Exception {
        long start = System.currentTimeMillis();
        int synced = 0;
        for (IFileSpec spec : p4.getClient().sync(specs, options)) {
            if (spec.getOpStatus() != FileSpecOpStatus.VALID) {
                p4.validateFileSpec(spec);
                continue;
            }
1|            logger.log(Level.INFO, "P4: synced {0}#{1}", new Object[] {spec.getDepotPathString(), spec.getEndRevision()}); //@LOG-01
            synced++;
        }
        long elapsed = System.currentTimeMillis() - start;
01|        logger.log(Level.INFO, "P4: synced {0} files in {1} ms", new Object[] {synced, elapsed});
2|        logger.info("P4: synced " + synced + " files in " + elapsed + " ms"); //@LOG-02
        listener.getLogger().println("P4 Task: synced " + synced + " files");
        return synced;
    }
}
''')
cases_of(case, GH + 'jenkinsci/p4-plugin/pull/45', src('org.jenkinsci.plugins.p4.tasks', 'SyncTask'),
         J('org.jenkinsci.plugins.p4.tasks', [
             'com.perforce.p4java.core.file.FileSpecOpStatus', 'com.perforce.p4java.core.file.IFileSpec',
             'com.perforce.p4java.option.client.SyncOptions', 'hudson.model.TaskListener', 'java.util.List',
             'java.util.logging.Level', 'java.util.logging.Logger',
             'org.jenkinsci.plugins.p4.client.ClientHelper'])(P4), [
             (1, 'java-00-p4-sync-logs-every-file',
              'an edit logs every synced file to the controller log at info, one line per file of each checkout', 'edit'),
             (2, 'java-00-p4-sync-summary-concatenated',
              'an edit builds the sync summary log message by concatenation', 'edit'),
             (0, 'java-ok-00-p4-sync-logs-summary',
              'clean: the fix logs one parameterised summary line per sync', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-04: comment polling of a GitHub pull request builder (ghprb-plugin)
GHPRB = template('ghprb-comment-check', r'''
/**
 * Polls one pull request for new comments that trigger a build. The trigger polls every open pull request each
 * minute, so a poll logs only what is new, and the pull request id it puts in the MDC never outlives the comment.
 */
public class GhprbPullRequest {
    private static final Logger logger = Logger.getLogger(GhprbPullRequest.class.getName());

    private final int id;
    private final GhprbRepository repo;
    private Date lastUpdated;

    public GhprbPullRequest(int id, GhprbRepository repo, Date lastUpdated) {
        this.id = id;
        this.repo = repo;
        this.lastUpdated = lastUpdated;
    }

    void checkComments(List<GHIssueComment> comments) throws IOException {
        Date newest = lastUpdated;
        for (GHIssueComment comment : comments) {
1|            logger.log(Level.INFO, "Checking comment {0} on PR #{1}", new Object[] {comment.getId(), id}); //@LOG-01
            if (!comment.getUpdatedAt().after(lastUpdated)) {
                continue;
            }
            logger.log(Level.INFO, "New comment by {0} on PR #{1}", new Object[] {comment.getUser().getLogin(), id});
            MDC.put("ghprb.pr", Integer.toString(id)); //@{2}CONC-04
01|            try {
01|                repo.handleComment(this, comment);
01|            } finally {
01|                MDC.remove("ghprb.pr");
01|            }
2|            repo.handleComment(this, comment);
2|            MDC.remove("ghprb.pr");
            if (comment.getUpdatedAt().after(newest)) {
                newest = comment.getUpdatedAt();
            }
        }
        lastUpdated = newest;
    }
}
''')
cases_of(case, GH + 'jenkinsci/ghprb-plugin/pull/15', src('org.jenkinsci.plugins.ghprb', 'GhprbPullRequest'),
         J('org.jenkinsci.plugins.ghprb', [
             'java.io.IOException', 'java.util.Date', 'java.util.List', 'java.util.logging.Level',
             'java.util.logging.Logger', 'org.kohsuke.github.GHIssueComment', 'org.slf4j.MDC'])(GHPRB), [
             (1, 'java-00-ghprb-logs-every-comment-each-poll',
              'an edit logs every comment of every open pull request at info on each poll, new or not', 'edit'),
             (2, 'java-00-ghprb-mdc-pr-not-removed-on-failure',
              'an edit removes the pull request id from the MDC only when the comment was handled without an '
              'exception', 'edit'),
             (0, 'java-ok-00-ghprb-logs-new-comments-only',
              'clean: the fix logs only new comments', 'fix'),
         ])
