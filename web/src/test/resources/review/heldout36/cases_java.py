"""Round-36 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every HTTP client sets its timeouts unless the case is about exactly that (TMO-01 reads both ways, as in rounds 13 to
35)."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / ERR-01: Jenkins pipeline step (pipeline-utility-steps)
MANIFEST = template('pipeline-read-manifest', r'''
/** Execution of the {@code readManifest} step: reads a manifest file, or the manifest inside a jar, war or ear. */
public class ReadManifestStepExecution extends SynchronousNonBlockingStepExecution<SimpleManifest> {
    private static final long serialVersionUID = 1L;

    private final transient ReadManifestStep step;

    protected ReadManifestStepExecution(@NonNull ReadManifestStep step, @NonNull StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected SimpleManifest run() throws Exception {
        if (!StringUtils.isBlank(step.getText())) {
            return parseText(step.getText());
        }
        FilePath ws = getContext().get(FilePath.class);
        if (ws == null) {
            throw new MissingContextVariableException(FilePath.class);
        }
        FilePath path = ws.child(step.getFile());
        if (!path.exists()) {
            throw new FileNotFoundException(path.getRemote() + " does not exist.");
        }
        if (path.isDirectory()) {
            throw new FileNotFoundException(path.getRemote() + " is a directory.");
        }
        String lowerName = path.getName().toLowerCase(Locale.ROOT);
        if (lowerName.endsWith(".jar") || lowerName.endsWith(".war") || lowerName.endsWith(".ear")) {
            return path.act(new ReadJarManifest());
        }
        return parseFile(path);
    }

    private SimpleManifest parseText(String text) throws IOException {
        try (InputStream is = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return new SimpleManifest(new Manifest(is));
        }
    }

    private SimpleManifest parseFile(FilePath path) throws IOException, InterruptedException {
02|        try (InputStream is = path.read()) {
02|            return new SimpleManifest(new Manifest(is));
02|        }
1|        InputStream is = path.read(); //@RES-01
1|        return new SimpleManifest(new Manifest(is));
    }

    /** Reads the manifest of an archive on the agent that holds it. */
    private static final class ReadJarManifest extends MasterToSlaveFileCallable<SimpleManifest> {
        private static final long serialVersionUID = 1L;

        @Override
        public SimpleManifest invoke(File file, VirtualChannel channel) throws IOException {
            try (JarFile jar = new JarFile(file)) {
                Manifest manifest = jar.getManifest();
                if (manifest == null) {
                    throw new FileNotFoundException(file.getPath() + " has no manifest.");
                }
                return new SimpleManifest(manifest);
            } catch (ZipException e) { //@{2}ERR-01
01|                throw new IOException(file.getPath() + " is not a valid archive.", e);
2|                return new SimpleManifest(new Manifest());
            }
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/pipeline-utility-steps-plugin/pull/29',
         src('org.jenkinsci.plugins.pipeline.utility.steps.conf.mf', 'ReadManifestStepExecution'),
         J('org.jenkinsci.plugins.pipeline.utility.steps.conf.mf', [
             'edu.umd.cs.findbugs.annotations.NonNull', 'hudson.FilePath', 'hudson.remoting.VirtualChannel',
             'java.io.ByteArrayInputStream', 'java.io.File', 'java.io.FileNotFoundException', 'java.io.IOException',
             'java.io.InputStream', 'java.nio.charset.StandardCharsets', 'java.util.Locale', 'java.util.jar.JarFile',
             'java.util.jar.Manifest', 'java.util.zip.ZipException', 'jenkins.MasterToSlaveFileCallable',
             'org.apache.commons.lang.StringUtils',
             'org.jenkinsci.plugins.workflow.steps.MissingContextVariableException',
             'org.jenkinsci.plugins.workflow.steps.StepContext',
             'org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution'])(MANIFEST), [
             (1, 'java-00-pipeline-read-manifest-file-stream-never-closed',
              'an edit reads a manifest file through a stream it never closes, so on Windows agents the workspace '
              'file stays locked until Jenkins restarts', 'edit'),
             (2, 'java-00-pipeline-read-manifest-bad-archive-returns-empty',
              'an edit turns an archive that cannot be read into an empty manifest, so the pipeline goes on with no '
              'version and no error', 'edit'),
             (0, 'java-ok-00-pipeline-read-manifest-stream-closed-bad-archive-thrown',
              'clean: the manifest stream closed by try-with-resources, an unreadable archive thrown with its cause',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: CLI installer of a Jenkins plugin (snyk-security-scanner)
SNYK = template('snyk-installer', r'''
/** Downloads the Snyk CLI for the agent's platform into the tool directory. */
public class SnykInstaller extends ToolInstaller {
    private static final Logger LOG = Logger.getLogger(SnykInstaller.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;
    private static final String DOWNLOAD_URL = "https://static.snyk.io/cli/%s/%s";

    private final String version;

    @DataBoundConstructor
    public SnykInstaller(String label, String version) {
        super(label);
        this.version = Util.fixEmptyAndTrim(version) != null ? version : "latest";
    }

    @Override
    public FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log) throws IOException, InterruptedException {
        FilePath expected = preferredLocation(tool, node);
        Platform platform = expected.act(new Platform.GetPlatform());
        FilePath binary = expected.child(platform.snykWrapperFileName);
        if (binary.exists() && isUpToDate(expected)) {
            log.getLogger().println("Snyk CLI is up to date at " + binary.getRemote());
            return expected;
        }
        expected.mkdirs();
        URL url = new URL(String.format(DOWNLOAD_URL, version, platform.snykWrapperFileName));
        log.getLogger().println("Downloading Snyk CLI from " + url);
        expected.act(new Download(url, platform.snykWrapperFileName));
        binary.chmod(0755);
        return expected;
    }

    private boolean isUpToDate(FilePath dir) throws IOException, InterruptedException {
        return dir.child(".timestamp").exists() && !"latest".equals(version);
    }

    /** Downloads the CLI on the agent into the tool directory. */
    private static final class Download extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final URL url;
        private final String fileName;

        Download(URL url, String fileName) {
            this.url = url;
            this.fileName = fileName;
        }

        @Override
        public Void invoke(File dir, VirtualChannel channel) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) ProxyConfiguration.open(url); //@{2}TMO-01
01|            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestProperty("User-Agent", "snyk-jenkins-plugin");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                connection.disconnect();
                throw new IOException("Downloading " + url + " failed with HTTP " + status);
            }
            File target = new File(dir, fileName);
02|            try (InputStream in = connection.getInputStream();
02|                 OutputStream out = Files.newOutputStream(target.toPath())) {
02|                IOUtils.copy(in, out);
02|            } finally {
02|                connection.disconnect();
02|            }
1|            InputStream in = connection.getInputStream();
1|            OutputStream out = new FileOutputStream(target); //@RES-01
1|            IOUtils.copy(in, out);
1|            out.close();
1|            in.close();
1|            connection.disconnect();
            Files.write(new File(dir, ".timestamp").toPath(), Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
            LOG.log(Level.FINE, "Downloaded {0} to {1}", new Object[] {url, target});
            return null;
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/snyk-security-scanner-plugin/pull/58', src('io.snyk.jenkins.tools', 'SnykInstaller'),
         JV('io.snyk.jenkins.tools', {
             v: ['hudson.FilePath', 'hudson.ProxyConfiguration', 'hudson.Util', 'hudson.model.Node',
                 'hudson.model.TaskListener', 'hudson.remoting.VirtualChannel', 'hudson.tools.ToolInstallation',
                 'hudson.tools.ToolInstaller', 'java.io.File', 'java.io.IOException', 'java.io.InputStream',
                 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL',
                 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.util.logging.Level',
                 'java.util.logging.Logger', 'jenkins.MasterToSlaveFileCallable', 'org.apache.commons.io.IOUtils',
                 'org.kohsuke.stapler.DataBoundConstructor'] + (['java.io.FileOutputStream'] if v == 1 else [])
             for v in (0, 1, 2)})(SNYK), [
             (1, 'java-00-snyk-installer-download-streams-closed-only-on-success',
              'an edit copies the downloaded CLI through streams closed only when the copy succeeds, so a broken '
              'download leaves the binary open and locked on Windows agents', 'edit'),
             (2, 'java-00-snyk-installer-download-without-timeouts',
              'an edit opens the CLI download without connect and read timeouts, so a stalled mirror hangs the '
              'build on the installer', 'edit'),
             (0, 'java-ok-00-snyk-installer-bounded-download-streams-closed',
              'clean: the download bounded by connect and read timeouts, both streams closed by try-with-resources',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: session dispatcher of a FIX engine (quickfixj)
QFJ = template('quickfixj-dispatcher', r'''
/** Processes the messages of each session on a thread of its own. */
public class ThreadPerSessionEventHandlingStrategy implements EventHandlingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPerSessionEventHandlingStrategy.class);
    private static final long THREAD_WAIT_FOR_MESSAGE_MS = 250;

    private final ConcurrentMap<SessionID, MessageDispatchingThread> dispatchers = new ConcurrentHashMap<>();
    private final SessionConnector sessionConnector;
    private final int queueCapacity;

    public ThreadPerSessionEventHandlingStrategy(SessionConnector connector, int queueCapacity) {
        this.sessionConnector = connector;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public void onMessage(Session quickfixSession, Message message) {
        MessageDispatchingThread dispatcher = dispatchers.computeIfAbsent(quickfixSession.getSessionID(),
                id -> startDispatcher(quickfixSession));
        dispatcher.enqueue(message);
    }

    private MessageDispatchingThread startDispatcher(Session quickfixSession) {
        MessageDispatchingThread dispatcher = new MessageDispatchingThread(quickfixSession, queueCapacity); //@{2}CONC-01
        dispatcher.setDaemon(true);
01|        dispatcher.setUncaughtExceptionHandler((thread, e) ->
01|                LOG.error("Dispatcher {} of {} died", thread.getName(), quickfixSession.getSessionID(), e));
        dispatcher.start();
        return dispatcher;
    }

    @Override
    public SessionConnector getSessionConnector() {
        return sessionConnector;
    }

    /** Hands the queued messages of one session to {@link Session#next(Message)} until it is stopped. */
    protected class MessageDispatchingThread extends Thread {
        private final Session quickfixSession;
        private final BlockingQueue<Message> messages;
        private volatile boolean stopping;

        MessageDispatchingThread(Session session, int queueCapacity) {
            super("QF/J Session dispatcher: " + session.getSessionID());
            this.quickfixSession = session;
            this.messages = new LinkedBlockingQueue<>(queueCapacity);
        }

        void enqueue(Message message) {
            try {
                messages.put(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeIOException("Interrupted while queueing message for " + quickfixSession.getSessionID());
            }
        }

        @Override
        public void run() {
            while (!stopping) {
                try {
                    Message message = messages.poll(THREAD_WAIT_FOR_MESSAGE_MS, TimeUnit.MILLISECONDS);
                    if (message != null) {
                        quickfixSession.next(message);
                    } else {
                        quickfixSession.next();
                    }
                } catch (InterruptedException e) { //@{1}CONC-05
02|                    LOG.debug("{} interrupted, stopping", getName());
02|                    Thread.currentThread().interrupt();
02|                    return;
1|                    LOG.debug("{} interrupted while waiting for a message", getName());
                } catch (Exception e) {
                    LogUtil.logThrowable(quickfixSession.getSessionID(), "Error processing message", e);
                }
            }
            LOG.info("{} stopped", getName());
        }

        void stopDispatching() {
            stopping = true;
            interrupt();
        }
    }
}
''')
cases_of(case, GH + 'quickfix-j/quickfixj/pull/421', src('quickfix.mina', 'ThreadPerSessionEventHandlingStrategy'),
         J('quickfix.mina', SLF4J + [
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.ConcurrentMap', 'java.util.concurrent.LinkedBlockingQueue',
             'java.util.concurrent.TimeUnit', 'quickfix.LogUtil', 'quickfix.Message', 'quickfix.RuntimeIOException',
             'quickfix.Session', 'quickfix.SessionID'])(QFJ), [
             (1, 'java-00-quickfixj-dispatcher-swallows-interrupt',
              'an edit makes the session dispatcher log an interrupt and keep polling, so stopping the connector '
              'never ends the dispatcher threads', 'edit'),
             (2, 'java-00-quickfixj-dispatcher-thread-without-uncaught-handler',
              'an edit starts the per-session dispatcher threads without an uncaught-exception handler, so an error '
              'escaping a session ends its dispatcher with no trace', 'edit'),
             (0, 'java-ok-00-quickfixj-dispatcher-restores-interrupt-handled-thread',
              'clean: the interrupt restored and the dispatcher ended, each dispatcher thread with an uncaught '
              'handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-06: event recorder of a Java agent (appmap-java), moved
APPMAP = template('appmap-recorder', r'''
/** Records the events of every thread and writes them to the AppMap output in batches. */
public class Recorder {
    private static final Recorder INSTANCE = new Recorder();
    private static final int BATCH_SIZE = 256;

01|    private final Map<Long, ThreadState> threadState = new ConcurrentHashMap<>();
2|    private final Map<Long, ThreadState> threadState = new HashMap<>(); //@CONC-03
    private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1024), r -> {
                Thread t = new Thread(r, "appmap-writer");
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((thread, e) -> Logger.error(e, "AppMap writer failed"));
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    private volatile AppMapSerializer serializer;

    public static Recorder getInstance() {
        return INSTANCE;
    }

    /** Starts a recording that writes to serializer. */
    public synchronized void start(AppMapSerializer serializer) {
        this.serializer = serializer;
        threadState.clear();
    }

    /** Records one event of the current thread; a full batch goes to the writer. */
    public void add(Event event) {
        long threadId = Thread.currentThread().getId();
        ThreadState state = threadState.computeIfAbsent(threadId, id -> new ThreadState());
        List<Event> batch = state.addAndDrainIfFull(event);
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    /** Writes the remaining events of every thread. */
    public void flush() {
        for (ThreadState state : threadState.values()) {
            List<Event> batch = state.drain();
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    private void write(List<Event> batch) {
        AppMapSerializer out = serializer;
        if (out == null) {
            return;
        }
02|        writer.execute(() -> {
02|            try {
02|                out.writeEvents(batch);
02|            } catch (IOException e) {
02|                Logger.error(e, "Could not write {} events", batch.size());
02|            }
02|        });
1|        writer.submit(() -> { //@CONC-06
1|            out.writeEvents(batch);
1|            return null;
1|        });
    }

    private static final class ThreadState {
        private final List<Event> events = new ArrayList<>();

        synchronized List<Event> addAndDrainIfFull(Event event) {
            events.add(event);
            return events.size() >= BATCH_SIZE ? drain() : List.of();
        }

        synchronized List<Event> drain() {
            List<Event> drained = new ArrayList<>(events);
            events.clear();
            return drained;
        }
    }
}
''')
cases_of(case, GH + 'getappmap/appmap-java/pull/115', src('com.appland.appmap.record', 'Recorder'),
         JV('com.appland.appmap.record', {
             v: ['com.appland.appmap.output.v1.Event', 'com.appland.appmap.util.Logger',
                 'com.appland.appmap.output.AppMapSerializer', 'java.util.ArrayList', 'java.util.List',
                 'java.util.Map', 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit']
                + (['java.io.IOException'] if v != 1 else [])
                + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap'])
             for v in (0, 1, 2)})(APPMAP), [
             (1, 'java-00-appmap-moved-recorder-write-future-dropped',
              'a PR moves the recorder into the record package and submits each batch write to the writer thread '
              'without looking at the future, so a failed write loses the events with no message', 'rename'),
             (2, 'java-00-appmap-moved-recorder-thread-state-map-not-concurrent',
              'a PR moves the recorder and keeps the per-thread state in a plain HashMap that every recorded thread '
              'adds to while a flush iterates it', 'rename'),
             (0, 'java-ok-00-appmap-moved-recorder-concurrent-map-handled-writes',
              'clean: the move alone; a concurrent state map, every write run with its failure logged', 'rename'),
         ], rename_from=src('com.appland.appmap.output', 'Recorder'),
         rename_old=lambda t: t.replace('package com.appland.appmap.record;', 'package com.appland.appmap.output;'))


# ---------------------------------------------------------------- CONC-04 / LOG-02: current-user filter of a forum (jcommune), new file
JCOMMUNE = template('jcommune-user-filter', r'''
/**
 * Resolves the forum user of each request once and keeps it for the services the request calls, so that they do not
 * load it again from the security context.
 */
public class CurrentUserFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentUserFilter.class);
    private static final ThreadLocal<JCUser> CURRENT_USER = new ThreadLocal<>();

    private final UserService userService;
    private final SecurityContextFacade securityContextFacade;

    public CurrentUserFilter(UserService userService, SecurityContextFacade securityContextFacade) {
        this.userService = userService;
        this.securityContextFacade = securityContextFacade;
    }

    /** The user of the current request, or null outside a request. */
    public static JCUser currentUser() {
        return CURRENT_USER.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = securityContextFacade.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        JCUser user = userService.getByUsername(auth.getName());
02|        LOG.debug("Resolved user {} for {}", user.getUsername(), request.getRequestURI());
1|        LOG.debug("Resolved user " + user + " for " + request.getRequestURI() + " with roles " + auth.getAuthorities()); //@LOG-02
        CURRENT_USER.set(user); //@{2}CONC-04
01|        try {
01|            chain.doFilter(request, response);
01|        } finally {
01|            CURRENT_USER.remove();
01|        }
2|        chain.doFilter(request, response);
    }
}
''')
cases_of(case, GH + 'jtalks-org/jcommune/pull/292', src('org.jtalks.jcommune.web.filters', 'CurrentUserFilter'),
         J('org.jtalks.jcommune.web.filters', SLF4J + [
             'java.io.IOException', 'javax.servlet.FilterChain', 'javax.servlet.ServletException',
             'javax.servlet.http.HttpServletRequest', 'javax.servlet.http.HttpServletResponse',
             'org.jtalks.common.service.security.SecurityContextFacade', 'org.jtalks.jcommune.model.entity.JCUser',
             'org.jtalks.jcommune.service.UserService', 'org.springframework.security.core.Authentication',
             'org.springframework.web.filter.OncePerRequestFilter'])(JCOMMUNE), [
             (1, 'java-00-jcommune-new-user-filter-debug-line-concatenated',
              'a new filter logs the resolved user of every request at debug by concatenating the user and its '
              'roles, so each request builds the string even with debug off', 'new'),
             (2, 'java-00-jcommune-new-user-filter-thread-local-never-removed',
              'a new filter keeps the user of each request in a thread-local it never removes, so the pooled '
              'container thread serves the next request, and keeps the class loader, with it', 'new'),
             (0, 'java-ok-00-jcommune-new-user-filter-removed-in-finally',
              'clean: a new filter whose thread-local user is removed in finally, with a parameterised debug line',
              'new'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: HTTP client of FHIR tooling (org.hl7.fhir.core)
FHIR = template('fhir-managed-http', r'''
/** Sends the HTTP requests of the FHIR tooling: terminology servers, package registries and IG sources. */
public class ManagedHTTPClient {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(30))
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private final int retries;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders;

    public ManagedHTTPClient(int retries, Duration timeout, Map<String, String> defaultHeaders) {
        this.retries = retries;
        this.timeout = timeout;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    public HTTPResult execute(HTTPRequest request) throws IOException {
02|        OkHttpClient client = SHARED.newBuilder()
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .addInterceptor(new RetryInterceptor(retries))
                .build();
        Request.Builder builder = new Request.Builder().url(request.getUrl());
        defaultHeaders.forEach(builder::addHeader);
        request.getHeaders().forEach(h -> builder.header(h.getName(), h.getValue()));
        switch (request.getMethod()) {
            case POST:
                builder.post(RequestBody.create(request.getBody(), MediaType.parse(request.getContentType())));
                break;
            case PUT:
                builder.put(RequestBody.create(request.getBody(), MediaType.parse(request.getContentType())));
                break;
            case DELETE:
                builder.delete();
                break;
            default:
                builder.get();
        }
01|        try (Response response = client.newCall(builder.build()).execute()) {
01|            ResponseBody body = response.body();
01|            return new HTTPResult(request.getUrl(), response.code(), response.message(),
01|                    response.header("Content-Type"), body == null ? null : body.bytes());
01|        }
2|        Response response = client.newCall(builder.build()).execute(); //@RES-02
2|        if (!response.isSuccessful()) {
2|            return new HTTPResult(request.getUrl(), response.code(), response.message(), null, null);
2|        }
2|        try (ResponseBody body = response.body()) {
2|            return new HTTPResult(request.getUrl(), response.code(), response.message(),
2|                    response.header("Content-Type"), body == null ? null : body.bytes());
2|        }
    }
}
''')
cases_of(case, GH + 'hapifhir/org.hl7.fhir.core/pull/2536', src('org.hl7.fhir.utilities.http', 'ManagedHTTPClient'),
         J('org.hl7.fhir.utilities.http', [
             'java.io.IOException', 'java.time.Duration', 'java.util.Map', 'okhttp3.MediaType', 'okhttp3.OkHttpClient',
             'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response', 'okhttp3.ResponseBody'])(FHIR), [
             (1, 'java-00-fhir-http-client-built-per-request',
              'an edit builds a new OkHttp client for every request instead of deriving it from the shared one, so '
              'each call opens its own connection pool and leaves sockets in CLOSE_WAIT', 'edit'),
             (2, 'java-00-fhir-http-error-response-left-open',
              'an edit returns early on an error answer without closing the response, so every failed terminology '
              'call keeps its connection', 'edit'),
             (0, 'java-ok-00-fhir-http-derived-client-response-closed',
              'clean: every client derived from the shared one with newBuilder, each response closed by '
              'try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: HTTP connection of a payments SDK (cybersource), CRLF
CYBERSOURCE = template('cybersource-connection', r'''
/** Sends the SOAP requests of the SDK with Apache HttpClient. */
class HttpClientConnection extends Connection {
    private static final Logger LOG = LoggerFactory.getLogger(HttpClientConnection.class);
02|    private static final PoolingHttpClientConnectionManager CONNECTION_MANAGER = new PoolingHttpClientConnectionManager();
02|    private static final CloseableHttpClient CLIENT = HttpClients.custom()
02|            .setConnectionManager(CONNECTION_MANAGER)
02|            .build();

    private HttpPost httpPost;
    private CloseableHttpResponse httpResponse;

    HttpClientConnection(MerchantConfig mc, DocumentBuilder builder, LoggerWrapper logger) {
        super(mc, builder, logger);
    }

    @Override
    void postDocument(Document request) throws IOException, TransformerException {
        String serverURL = mc.getEffectiveServerURL();
        httpPost = new HttpPost(serverURL);
        httpPost.setEntity(new StringEntity(documentToString(request), ContentType.TEXT_XML));
        httpPost.setConfig(RequestConfig.custom()
                .setConnectTimeout(mc.getTimeout() * 1000)
                .setSocketTimeout(mc.getTimeout() * 1000)
                .setConnectionRequestTimeout(mc.getTimeout() * 1000)
                .build());
1|        CloseableHttpClient client = HttpClients.custom() //@RES-04
1|                .setConnectionManager(new PoolingHttpClientConnectionManager())
1|                .build();
1|        httpResponse = client.execute(httpPost);
02|        httpResponse = CLIENT.execute(httpPost);
    }

    @Override
    int getHttpResponseCode() {
        return httpResponse != null ? httpResponse.getStatusLine().getStatusCode() : -1;
    }

    @Override
    InputStream getResponseStream() throws IOException {
        return httpResponse.getEntity().getContent();
    }

    @Override
    public void release() {
        if (httpResponse == null) {
            return;
        }
        try {
            EntityUtils.consume(httpResponse.getEntity());
            httpResponse.close();
        } catch (IOException e) { //@{2}ERR-01
01|            LOG.warn("Could not release the connection to {}", mc.getEffectiveServerURL(), e);
        } finally {
            httpResponse = null;
            httpPost = null;
        }
    }
}
''')
cases_of(case, GH + 'CyberSource/cybersource-sdk-java/pull/84', src('com.cybersource.ws.client', 'HttpClientConnection'),
         J('com.cybersource.ws.client', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'javax.xml.parsers.DocumentBuilder',
             'javax.xml.transform.TransformerException', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
             'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
             'org.apache.http.impl.conn.PoolingHttpClientConnectionManager', 'org.apache.http.util.EntityUtils',
             'org.w3c.dom.Document'])(CYBERSOURCE), [
             (1, 'java-00-cybersource-http-client-and-pool-per-request',
              'an edit builds a new HttpClient with its own connection pool for every request and never closes '
              'it, so no connection is reused and every payment opens a new TLS session', 'edit'),
             (2, 'java-00-cybersource-release-failure-swallowed',
              'an edit empties the catch of releasing the connection, so a response that cannot be consumed is lost '
              'with its connection and no message', 'edit'),
             (0, 'java-ok-00-cybersource-shared-client-release-failure-logged',
              'clean: one shared client and pool for the SDK, a failed release logged', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / RES-01: filter store of an Android ad blocker (ContentBlocker)
ADGUARD = template('adguard-filter-dao', r'''
/** Stores the filter lists of the content blocker in SQLite. */
public class FilterListDaoImpl implements FilterListDao {
    private static final String TAG = "FilterListDao";
    private static final String[] COLUMNS = {
            DbHelper.COLUMN_FILTER_ID, DbHelper.COLUMN_NAME, DbHelper.COLUMN_DESCRIPTION,
            DbHelper.COLUMN_ENABLED, DbHelper.COLUMN_VERSION, DbHelper.COLUMN_TIME_UPDATED};

    private final DbHelper dbHelper;

    public FilterListDaoImpl(Context context) {
        dbHelper = new DbHelper(context);
    }

    @Override
    public List<FilterList> selectFilterLists() {
        SQLiteDatabase db = dbHelper.getReadableDatabase();
01|        try (Cursor cursor = db.query(DbHelper.TABLE_FILTER_LISTS, COLUMNS, null, null, null, null, DbHelper.COLUMN_DISPLAY_ORDER)) {
01|            return readFilterLists(cursor);
01|        }
2|        Cursor cursor = db.query(DbHelper.TABLE_FILTER_LISTS, COLUMNS, null, null, null, null, DbHelper.COLUMN_DISPLAY_ORDER); //@RES-01
2|        return readFilterLists(cursor);
    }

    @Override
    public void updateFilterLists(List<FilterList> filterLists) {
        SQLiteDatabase db = dbHelper.getWritableDatabase();
        db.beginTransaction(); //@{1}TX-01
02|        try {
02|            writeFilterLists(db, filterLists);
02|            db.setTransactionSuccessful();
02|        } finally {
02|            db.endTransaction();
02|        }
1|        writeFilterLists(db, filterLists);
1|        db.setTransactionSuccessful();
1|        db.endTransaction();
        Log.d(TAG, "Updated filter lists");
    }

    private void writeFilterLists(SQLiteDatabase db, List<FilterList> filterLists) {
        for (FilterList filter : filterLists) {
            ContentValues values = new ContentValues();
            values.put(DbHelper.COLUMN_ENABLED, filter.isEnabled() ? 1 : 0);
            values.put(DbHelper.COLUMN_VERSION, filter.getVersion());
            values.put(DbHelper.COLUMN_TIME_UPDATED, filter.getTimeUpdated().getTime());
            int updated = db.update(DbHelper.TABLE_FILTER_LISTS, values, DbHelper.COLUMN_FILTER_ID + " = ?",
                    new String[] {String.valueOf(filter.getFilterId())});
            if (updated == 0) {
                values.put(DbHelper.COLUMN_FILTER_ID, filter.getFilterId());
                values.put(DbHelper.COLUMN_NAME, filter.getName());
                values.put(DbHelper.COLUMN_DESCRIPTION, filter.getDescription());
                db.insertOrThrow(DbHelper.TABLE_FILTER_LISTS, null, values);
            }
        }
    }

    private static List<FilterList> readFilterLists(Cursor cursor) {
        List<FilterList> result = new ArrayList<>(cursor.getCount());
        while (cursor.moveToNext()) {
            FilterList filter = new FilterList();
            filter.setFilterId(cursor.getInt(0));
            filter.setName(cursor.getString(1));
            filter.setDescription(cursor.getString(2));
            filter.setEnabled(cursor.getInt(3) != 0);
            filter.setVersion(cursor.getString(4));
            filter.setTimeUpdated(new Date(cursor.getLong(5)));
            result.add(filter);
        }
        return result;
    }
}
''')
cases_of(case, GH + 'AdguardTeam/ContentBlocker/pull/64', src('com.adguard.android.contentblocker.db', 'FilterListDaoImpl'),
         J('com.adguard.android.contentblocker.db', [
             'android.content.ContentValues', 'android.content.Context', 'android.database.Cursor',
             'android.database.sqlite.SQLiteDatabase', 'android.util.Log',
             'com.adguard.android.contentblocker.model.FilterList', 'java.util.ArrayList', 'java.util.Date',
             'java.util.List'])(ADGUARD), [
             (1, 'java-00-adguard-filter-update-transaction-not-ended-on-failure',
              'an edit ends the filter-update transaction only when every write succeeded, so a failed insert '
              'leaves the SQLite transaction open and the next write finds the database locked', 'edit'),
             (2, 'java-00-adguard-filter-list-cursor-never-closed',
              'an edit hands the query cursor of the filter lists to the reader and never closes it', 'edit'),
             (0, 'java-ok-00-adguard-transaction-ended-in-finally-cursor-closed',
              'clean: the update transaction ended in finally, the cursor closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-07: status monitor of an Android client (BOINC)
BOINC = template('boinc-monitor', r'''
/** Polls the BOINC client for its status while the manager is bound to it. */
public class Monitor extends Service {
    private static final long REFRESH_RATE_MS = 1000;

    private final Timer updateTimer = new Timer(true);
    private ClientStatus clientStatus;
    private RpcClient rpc;

    @Override
    public void onCreate() {
        super.onCreate();
        clientStatus = new ClientStatus(getApplicationContext());
        rpc = new RpcClient();
        updateTimer.schedule(new StatusUpdateTimerTask(), 0, REFRESH_RATE_MS);
        if (Logging.DEBUG) {
            Log.d(Logging.TAG, "Monitor.onCreate: status updates scheduled");
        }
    }

    @Override
    public void onDestroy() {
        updateTimer.cancel();
        rpc.close();
        super.onDestroy();
    }

    /** Updates the status at once instead of waiting for the next tick. */
    public void forceRefresh() {
        if (Logging.DEBUG) {
            Log.d(Logging.TAG, "forceRefresh()");
        }
        try {
            updateTimer.schedule(new StatusUpdateTimerTask(), 0);
01|        } catch (IllegalStateException e) {
01|            Log.w(Logging.TAG, "Monitor.forceRefresh: the update timer was already cancelled", e);
2|        } catch (Exception e) { //@ERR-01
        }
    }

    private void updateStatus() {
        if (!rpc.isConnected() && !rpc.connect()) {
            clientStatus.setupStatus = ClientStatus.SETUP_STATUS_ERROR;
            return;
        }
        CcStatus status = rpc.getCcStatus();
        List<Result> results = rpc.getActiveResults();
        List<Project> projects = rpc.getProjectStatus();
        if (status == null || results == null || projects == null) {
            Log.w(Logging.TAG, "Monitor.updateStatus: incomplete answer from the client");
            return;
        }
        clientStatus.setClientStatus(status, results, projects);
        sendBroadcast(new Intent("edu.berkeley.boinc.clientstatuschange"));
    }

    private final class StatusUpdateTimerTask extends TimerTask {
        @Override
        public void run() {
02|            try {
02|                updateStatus();
02|            } catch (Throwable t) {
02|                Log.e(Logging.TAG, "Monitor.StatusUpdateTimerTask: status update failed", t);
02|            }
1|            updateStatus(); //@CONC-07
        }
    }
}
''')
cases_of(case, GH + 'BOINC/boinc/pull/2901', 'android/BOINC/app/' + src('edu.berkeley.boinc.client', 'Monitor'),
         J('edu.berkeley.boinc.client', [
             'android.app.Service', 'android.content.Intent', 'android.util.Log', 'edu.berkeley.boinc.rpc.CcStatus',
             'edu.berkeley.boinc.rpc.Project', 'edu.berkeley.boinc.rpc.Result', 'edu.berkeley.boinc.rpc.RpcClient',
             'edu.berkeley.boinc.utils.Logging', 'java.util.List', 'java.util.Timer', 'java.util.TimerTask'])(BOINC), [
             (1, 'java-00-boinc-monitor-status-task-exception-kills-timer',
              'an edit runs the status update of the timer task outside any catch, so the first exception ends the '
              'timer thread and the manager shows a stale status from then on', 'edit'),
             (2, 'java-00-boinc-monitor-force-refresh-failure-swallowed',
              'an edit catches every exception of scheduling a forced refresh in an empty block', 'edit'),
             (0, 'java-ok-00-boinc-monitor-guarded-task-refresh-failure-logged',
              'clean: the timer task catches everything it runs, a refresh on a cancelled timer is logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-01: consumer event loop (reactor-kafka)
REACTOR = template('reactor-kafka-event-loop', r'''
/** Runs the poll loop of one Kafka consumer on a single scheduler thread. */
class ConsumerEventLoop<K, V> {
    private static final Logger log = LoggerFactory.getLogger(ConsumerEventLoop.class);

    private final AtomicBoolean isActive = new AtomicBoolean();
    private final ReceiverOptions<K, V> receiverOptions;
    private final Scheduler eventScheduler;
    private final PollEvent pollEvent = new PollEvent();
    private final FluxSink<ConsumerRecords<K, V>> sink;
    private final Consumer<K, V> consumer;

    ConsumerEventLoop(Consumer<K, V> consumer, ReceiverOptions<K, V> options, Scheduler scheduler,
                      FluxSink<ConsumerRecords<K, V>> sink) {
        this.consumer = consumer;
        this.receiverOptions = options;
        this.eventScheduler = scheduler;
        this.sink = sink;
    }

    void start() {
        log.debug("Starting the event loop for group {}", receiverOptions.groupId());
        isActive.set(true);
        eventScheduler.schedule(pollEvent);
    }

    /** Stops polling and waits up to timeout for the consumer to close. */
    void stop(Duration timeout) {
        if (!isActive.compareAndSet(true, false)) {
            return;
        }
        consumer.wakeup();
        CountDownLatch closed = new CountDownLatch(1);
        eventScheduler.schedule(() -> {
            try {
                consumer.close(receiverOptions.closeTimeout());
            } finally {
                closed.countDown();
            }
        });
        try {
            if (!closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Consumer of group {} did not close within {}", receiverOptions.groupId(), timeout);
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
02|            log.warn("Interrupted while closing the consumer of group {}", receiverOptions.groupId());
1|            log.debug("Interrupted while closing the consumer of group {}", receiverOptions.groupId(), e);
        }
    }

    class PollEvent implements Runnable {
        @Override
        public void run() {
            if (!isActive.get()) {
                return;
            }
            try {
                ConsumerRecords<K, V> records = consumer.poll(receiverOptions.pollTimeout());
2|                log.info("Polled {} records from {} for group {}", records.count(), consumer.assignment(), receiverOptions.groupId()); //@LOG-01
                if (!records.isEmpty()) {
                    sink.next(records);
                }
                if (isActive.get()) {
                    eventScheduler.schedule(this);
                }
            } catch (WakeupException e) {
                log.debug("Consumer woken up for group {}", receiverOptions.groupId());
            } catch (Exception e) {
                if (isActive.get()) {
                    log.error("Unexpected exception in the poll loop of group {}", receiverOptions.groupId(), e);
                    sink.error(e);
                }
            }
        }
    }
}
''')
cases_of(case, GH + 'reactor/reactor-kafka/pull/236', src('reactor.kafka.receiver.internals', 'ConsumerEventLoop'),
         J('reactor.kafka.receiver.internals', SLF4J + [
             'java.time.Duration', 'java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.atomic.AtomicBoolean', 'org.apache.kafka.clients.consumer.Consumer',
             'org.apache.kafka.clients.consumer.ConsumerRecords', 'org.apache.kafka.common.errors.WakeupException',
             'reactor.core.publisher.FluxSink', 'reactor.core.scheduler.Scheduler',
             'reactor.kafka.receiver.ReceiverOptions'])(REACTOR), [
             (1, 'java-00-reactor-kafka-stop-swallows-interrupt',
              'an edit logs an interrupt while waiting for the consumer to close and returns as if nothing '
              'happened, so the caller\'s shutdown never sees it was interrupted', 'edit'),
             (2, 'java-00-reactor-kafka-info-line-per-poll',
              'an edit logs every poll of the consumer at info level, with its assignment, on the loop that runs '
              'many times a second', 'edit'),
             (0, 'java-ok-00-reactor-kafka-stop-restores-interrupt-quiet-poll',
              'clean: the interrupt restored after a warning, no line per poll', 'fix'),
         ])
