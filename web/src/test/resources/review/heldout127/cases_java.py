"""Round-127 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / CONC-07: connection keep-alive of a Jenkins IM plugin (instant-messaging-plugin), CRLF file
IMPROVIDER = template('im-connection-provider', r'''
/**
 * Keeps the plugin's connection to the IM server alive: a keep-alive task checks it once a minute and reconnects
 * when it dropped. The task runs on a daemon thread that {@link #shutdown()} stops, so it never holds Jenkins (or the
 * servlet container) up when it shuts down.
 */
public abstract class IMConnectionProvider implements IMConnectionListener {
    private static final Logger LOGGER = Logger.getLogger(IMConnectionProvider.class.getName());
    private static final long KEEPALIVE_SECONDS = 60;
02|    private static final ThreadFactory KEEPALIVE_THREADS = r -> {
02|        Thread t = new Thread(r, "IM keep-alive");
02|        t.setDaemon(true);
02|        t.setUncaughtExceptionHandler((thread, e) -> LOGGER.log(Level.SEVERE, "IM keep-alive thread died", e));
02|        return t;
02|    };

02|    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(KEEPALIVE_THREADS);
1|    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(); //@RES-01
    private IMConnection imConnection = IMConnection.NULL_CONNECTION;

    protected void init() {
01|        scheduler.scheduleWithFixedDelay(() -> {
01|            try {
01|                ensureConnected();
01|            } catch (RuntimeException e) {
01|                LOGGER.log(Level.WARNING, "IM keep-alive check failed; retrying at the next interval", e);
01|            }
01|        }, 0, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::ensureConnected, 0, KEEPALIVE_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    protected abstract IMConnection createConnection() throws IMException;

    private synchronized void ensureConnected() {
        if (imConnection.isConnected()) {
            return;
        }
        try {
            IMConnection connection = createConnection();
            connection.addConnectionListener(this);
            imConnection = connection;
        } catch (IMException e) {
            LOGGER.log(Level.WARNING, "Could not connect to the IM server; retrying at the next keep-alive", e);
            imConnection = IMConnection.NULL_CONNECTION;
        }
    }

    public synchronized IMConnection currentConnection() {
        return imConnection;
    }

    public synchronized void releaseConnection() {
        imConnection.close();
        imConnection = IMConnection.NULL_CONNECTION;
    }

    @Override
    public void connectionBroken(Exception e) {
        LOGGER.log(Level.INFO, "IM connection broken; the keep-alive task reconnects", e);
        releaseConnection();
    }

    /** Called when Jenkins shuts down or the plugin is disabled. */
    public void shutdown() {
        releaseConnection();
02|        scheduler.shutdownNow();
    }
}
''')
_IM_PKG = 'hudson.plugins.im'
_IM = ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
       'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
       'java.util.logging.Logger']
cases_of(case, GH + 'jenkinsci/instant-messaging-plugin/pull/13', src(_IM_PKG, 'IMConnectionProvider'),
         JV(_IM_PKG, {0: _IM, 1: [i for i in _IM if not i.endswith('ThreadFactory')], 2: _IM})(IMPROVIDER), [
             (1, 'java-00-im-keepalive-executor-never-shut-down',
              'an edit gives the keep-alive task a default executor and no longer shuts it down, so its user thread '
              'keeps the JVM from exiting after Jenkins stops', 'edit'),
             (2, 'java-00-im-keepalive-task-unguarded',
              'an edit schedules the keep-alive check without its catch, so one failed check ends the schedule and '
              'the plugin never reconnects', 'edit'),
             (0, 'java-ok-00-im-keepalive-daemon-executor-shut-down',
              'clean: the fix runs the keep-alive on a daemon thread and shuts it down with the plugin', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / CONC-06: event dispatch of an SCM API plugin (scm-api-plugin)
SCMEVENT = template('scm-event-executor', r'''
/**
 * Base class of the events SCM plugins fire when a webhook arrives. Listeners are notified on the plugin's own pool,
 * so a burst of webhooks cannot take the threads of Jenkins' shared {@code Timer}; the pool's queue is bounded and,
 * when it is full, the webhook's request thread dispatches the event itself.
 */
public abstract class SCMEvent<P> {
    private static final Logger LOGGER = Logger.getLogger(SCMEvent.class.getName());
    private static final int EVENT_THREADS = Integer.getInteger(SCMEvent.class.getName() + ".EVENT_THREADS", 10);
    private static final int EVENT_QUEUE = Integer.getInteger(SCMEvent.class.getName() + ".EVENT_QUEUE", 1000);
    private static ThreadPoolExecutor executorService;

    private final Type type;
    private final long timestamp;
    private final P payload;

    protected SCMEvent(@NonNull Type type, long timestamp, @NonNull P payload) {
        this.type = type;
        this.timestamp = timestamp;
        this.payload = payload;
    }

    protected static synchronized ExecutorService executorService() {
        if (executorService == null) {
            ThreadFactory threads = new ExceptionCatchingThreadFactory(
                    new NamingThreadFactory(new DaemonThreadFactory(), "SCMEvent"));
02|            executorService = new ThreadPoolExecutor(EVENT_THREADS, EVENT_THREADS, 60, TimeUnit.SECONDS,
02|                    new ArrayBlockingQueue<>(EVENT_QUEUE), threads, new ThreadPoolExecutor.CallerRunsPolicy());
1|            executorService = new ThreadPoolExecutor(EVENT_THREADS, EVENT_THREADS, 60, TimeUnit.SECONDS, //@CONC-02
1|                    new LinkedBlockingQueue<>(), threads);
            executorService.allowCoreThreadTimeOut(true);
        }
        return executorService;
    }

    /** Notifies every {@link SCMEventListener} of the event, off the calling thread. */
    public static void fireNow(@NonNull final SCMHeadEvent<?> event) {
01|        executorService().execute(new Dispatcher(event));
2|        executorService().submit(new Dispatcher(event)); //@CONC-06
    }

    @NonNull
    public Type getType() {
        return type;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @NonNull
    public P getPayload() {
        return payload;
    }

    private static final class Dispatcher implements Runnable {
        private final SCMHeadEvent<?> event;

        Dispatcher(SCMHeadEvent<?> event) {
            this.event = event;
        }

        @Override
        public void run() {
            LOGGER.log(Level.FINE, "Dispatching {0}", event);
            for (SCMEventListener listener : ExtensionList.lookup(SCMEventListener.class)) {
                listener.onSCMHeadEvent(event);
            }
        }
    }

    public enum Type {
        CREATED, UPDATED, REMOVED
    }
}
''')
_SCM_PKG = 'jenkins.scm.api'
_SCM = ['edu.umd.cs.findbugs.annotations.NonNull', 'hudson.ExtensionList', 'hudson.util.DaemonThreadFactory',
        'hudson.util.ExceptionCatchingThreadFactory', 'hudson.util.NamingThreadFactory',
        'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
        'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
        'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'jenkinsci/scm-api-plugin/pull/61', src(_SCM_PKG, 'SCMEvent'),
         JV(_SCM_PKG, {0: _SCM, 1: [i for i in _SCM if not i.endswith('ArrayBlockingQueue')]
                       + ['java.util.concurrent.LinkedBlockingQueue'], 2: _SCM})(SCMEVENT), [
             (1, 'java-00-scm-event-pool-queue-unbounded',
              'an edit gives the event pool an unbounded queue, so a webhook storm queues events without limit or '
              'back-pressure', 'edit'),
             (2, 'java-00-scm-event-dispatch-future-dropped',
              'an edit submits each dispatch and drops its future, so a listener that throws fails silently', 'edit'),
             (0, 'java-ok-00-scm-event-pool-bounded',
              'clean: the fix bounds the event queue and lets the request thread run the overflow', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: remote repository contents cache of a build system (bazel)
BAZELOVERLAY = template('bazel-remote-overlay-download', r'''
/**
 * File system that serves the contents of external repositories from the remote cache. Files are downloaded on first
 * access; a download that neither finishes nor fails in time is cancelled, so one stuck ByteStream read cannot keep a
 * Skyframe thread (and the monitor it holds) forever.
 */
public final class RemoteExternalOverlayFileSystem {
  private final CombinedCache remoteCache;
  private final RemoteActionExecutionContext context;
  private final Duration downloadTimeout;
  private final Path overlayRoot;

  public RemoteExternalOverlayFileSystem(
      CombinedCache remoteCache, RemoteActionExecutionContext context, RemoteOptions options, Path overlayRoot) {
    this.remoteCache = remoteCache;
    this.context = context;
    this.downloadTimeout = options.remoteTimeout.plusSeconds(30);
    this.overlayRoot = overlayRoot;
  }

  /** Makes sure the file is present locally, downloading it if needed. */
  synchronized Path materialize(PathFragment path, Digest digest) throws IOException, InterruptedException {
    Path local = overlayRoot.getRelative(path);
    if (local.exists()) {
      return local;
    }
    ListenableFuture<Void> download = remoteCache.downloadFile(context, path.getPathString(), local, digest);
    try {
02|      download.get(downloadTimeout.toMillis(), TimeUnit.MILLISECONDS);
1|      download.get(); //@TMO-01
02|    } catch (TimeoutException e) {
02|      download.cancel(true);
02|      throw new IOException(
02|          String.format("Download of %s did not finish within %s", path, downloadTimeout), e);
    } catch (ExecutionException e) {
      Throwables.throwIfInstanceOf(e.getCause(), IOException.class);
      throw new IOException(String.format("Download of %s failed", path), e.getCause());
01|    } catch (InterruptedException e) {
01|      download.cancel(true);
01|      throw e;
2|    } catch (InterruptedException e) { //@CONC-05
2|      download.cancel(true);
2|      throw new IOException(String.format("Download of %s was interrupted", path), e);
    }
    return local;
  }
}
''')
_BZ_PKG = 'com.google.devtools.build.lib.remote'
_BZ = ['build.bazel.remote.execution.v2.Digest', 'com.google.common.base.Throwables',
       'com.google.common.util.concurrent.ListenableFuture',
       'com.google.devtools.build.lib.remote.common.RemoteActionExecutionContext',
       'com.google.devtools.build.lib.remote.options.RemoteOptions', 'com.google.devtools.build.lib.vfs.Path',
       'com.google.devtools.build.lib.vfs.PathFragment', 'java.io.IOException', 'java.time.Duration',
       'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'bazelbuild/bazel/issues/30780', 'src/main/java/' + _BZ_PKG.replace('.', '/') + '/RemoteExternalOverlayFileSystem.java',
         JV(_BZ_PKG, {0: _BZ, 1: [i for i in _BZ if not i.endswith(('TimeUnit', 'TimeoutException'))], 2: _BZ})(BAZELOVERLAY), [
             (1, 'java-00-bazel-overlay-download-waits-forever',
              'an edit waits for the remote-cache download without a limit, so a read whose stream never ends keeps '
              'the thread and the file system monitor for good', 'edit'),
             (2, 'java-00-bazel-overlay-download-interrupt-wrapped',
              'an edit turns the interrupt of a download into an IOException without restoring the flag, so a '
              'cancelled build keeps evaluating', 'edit'),
             (0, 'java-ok-00-bazel-overlay-download-bounded',
              'clean: the fix bounds the wait for the download and cancels it on timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: artifact download of an Android test runner (fork), new file
FORKDOWNLOAD = template('fork-artifact-downloader', r'''
/**
 * Downloads the application and test APKs a run names by URL into the run's work directory, before they are installed
 * on the devices.
 */
public class ArtifactDownloader {
    private static final Logger logger = LoggerFactory.getLogger(ArtifactDownloader.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final File downloadDirectory;

    public ArtifactDownloader(File downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    public File download(URL artifactUrl) throws IOException {
        File target = new File(downloadDirectory, fileNameOf(artifactUrl));
        HttpURLConnection connection = (HttpURLConnection) artifactUrl.openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("Downloading " + artifactUrl + " failed with HTTP " + status);
        }
02|        try (InputStream in = connection.getInputStream()) {
02|            Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
02|        }
1|        InputStream in = connection.getInputStream(); //@RES-02
1|        Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
01|        logger.debug("Downloaded {} to {} ({} bytes)", artifactUrl, target, target.length());
2|        logger.debug("Downloaded " + artifactUrl + " to " + target + " (" + target.length() + " bytes)"); //@LOG-02
        return target;
    }

    private static String fileNameOf(URL url) {
        String path = url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "artifact.apk" : name;
    }
}
''')
_FK_PKG = 'com.shazam.fork.system.io'
_FK = ['java.io.File', 'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
       'java.nio.file.Files', 'java.nio.file.StandardCopyOption'] + SLF4J
_FK_TEST = java(_FK_PKG, sorted(['com.sun.net.httpserver.HttpServer', 'java.io.File', 'java.io.OutputStream',
                                 'java.net.InetSocketAddress', 'java.net.URL', 'java.nio.charset.StandardCharsets',
                                 'java.nio.file.Files', 'org.junit.After', 'org.junit.Before', 'org.junit.Rule',
                                 'org.junit.Test', 'org.junit.rules.TemporaryFolder',
                                 'static org.junit.Assert.assertEquals']), r'''
public class ArtifactDownloaderTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HttpServer server;

    @Before
    public void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/app.apk", exchange -> {
            byte[] body = "apk".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @After
    public void stopServer() {
        server.stop(0);
    }

    @Test
    public void downloadsIntoTheWorkDirectory() throws Exception {
        URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/app.apk");
        File file = new ArtifactDownloader(folder.getRoot()).download(url);
        assertEquals("app.apk", file.getName());
        assertEquals("apk", new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8));
    }
}
''')
cases_of(case, GH + 'shazam/fork/pull/109', 'fork-runner/' + src(_FK_PKG, 'ArtifactDownloader'),
         J(_FK_PKG, _FK)(FORKDOWNLOAD), [
             (1, 'java-00-fork-new-artifact-download-stream-left-open',
              'a new artifact downloader copies the response stream to the file and never closes it, so every '
              'download keeps its connection', 'new'),
             (2, 'java-00-fork-new-artifact-download-debug-concatenated',
              'a new artifact downloader builds its debug line by concatenation on every download', 'new'),
             (0, 'java-ok-00-fork-new-artifact-downloader-closes-stream',
              'clean: a new artifact downloader that closes the response stream, with a test beside it', 'new',
              [f('fork-runner/' + tst(_FK_PKG, 'ArtifactDownloaderTest'), new=_FK_TEST)]),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: point publication of a Jenkins InfluxDB plugin (influxdb-plugin)
INFLUXPUB = template('influxdb-publication-service', r'''
/**
 * Writes the points a build produced to every selected InfluxDB target. Runs once per build, with one point per
 * test, stage or metric, so it logs per target, never per point.
 */
public class InfluxDbPublicationService {
    private static final Logger LOGGER = Logger.getLogger(InfluxDbPublicationService.class.getName());

    private final List<Target> selectedTargets;
    private final List<PointGenerator> generators;

    public InfluxDbPublicationService(List<Target> selectedTargets, List<PointGenerator> generators) {
        this.selectedTargets = selectedTargets;
        this.generators = generators;
    }

    public void perform(Run<?, ?> build, TaskListener listener) throws InfluxReportException {
        List<AbstractPoint> points = new ArrayList<>();
        for (PointGenerator generator : generators) {
            if (generator.hasReport()) {
                points.addAll(Arrays.asList(generator.generate()));
            }
        }
        for (Target target : selectedTargets) {
0|            LOGGER.log(Level.FINE, "[InfluxDB Plugin] Writing {0} points to {1}",
0|                    new Object[] {points.size(), target.getDescription()});
1|            for (AbstractPoint point : points) {
1|                LOGGER.log(Level.INFO, "[InfluxDB Plugin] Writing point {0} to {1}", //@LOG-01
1|                        new Object[] {point.getV2Point().toLineProtocol(), target.getDescription()});
1|            }
2|            LOGGER.fine("[InfluxDB Plugin] Writing " + points.size() + " points to " + target.getDescription()); //@LOG-02
            InfluxDBClient client = target.getClient(); // one client per target, shared by every build
            try {
                client.getWriteApiBlocking().writePoints(
                        points.stream().map(AbstractPoint::getV2Point).collect(Collectors.toList()));
            } catch (InfluxException e) {
                throw new InfluxReportException(e);
            }
        }
        listener.getLogger().println("[InfluxDB Plugin] Completed.");
    }
}
''')
_IF_PKG = 'jenkinsci.plugins.influxdb'
_IF = ['com.influxdb.client.InfluxDBClient', 'com.influxdb.exceptions.InfluxException', 'hudson.model.Run',
       'hudson.model.TaskListener', 'java.util.ArrayList', 'java.util.Arrays', 'java.util.List',
       'java.util.logging.Level', 'java.util.logging.Logger', 'java.util.stream.Collectors',
       'jenkinsci.plugins.influxdb.generators.PointGenerator', 'jenkinsci.plugins.influxdb.models.AbstractPoint',
       'jenkinsci.plugins.influxdb.models.Target']
cases_of(case, GH + 'jenkinsci/influxdb-plugin/pull/141', src(_IF_PKG, 'InfluxDbPublicationService'),
         JV(_IF_PKG, {0: _IF, 1: _IF, 2: [i for i in _IF if not i.endswith('Level')]})(INFLUXPUB), [
             (1, 'java-00-influxdb-logs-every-point',
              'an edit logs every point of every build at INFO before writing it, thousands of lines per test '
              'report', 'edit'),
             (2, 'java-00-influxdb-target-line-concatenated',
              'an edit builds the per-target debug line by concatenation, built whether FINE is on or not', 'edit'),
             (0, 'java-ok-00-influxdb-logs-per-target',
              'clean: the fix logs one parameterised FINE line per target instead of one INFO line per point',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: stream-events connection of a Gerrit client library (gerrit-events)
GERRITSTREAM = template('gerrit-events-stream-connection', r'''
/**
 * Reads Gerrit's stream-events over SSH and hands every event to the handler. When the channel or the session drops
 * without the stream reaching its end, the loop leaves and reconnects instead of waiting on a dead stream.
 */
public class GerritConnection implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(GerritConnection.class);
    private static final String CMD_STREAM_EVENTS = "gerrit stream-events";
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int ALIVE_INTERVAL_MILLIS = 15_000;

    private final String gerritHostName;
    private final int gerritSshPort;
    private final Authentication authentication;
    private final GerritHandler handler;
    private final StreamWatchdog watchdog;
    private final int reconnectSeconds;
    private volatile boolean shutdownInProgress;

    public GerritConnection(String gerritHostName, int gerritSshPort, Authentication authentication,
            GerritHandler handler, StreamWatchdog watchdog, int reconnectSeconds) {
        this.gerritHostName = gerritHostName;
        this.gerritSshPort = gerritSshPort;
        this.authentication = authentication;
        this.handler = handler;
        this.watchdog = watchdog;
        this.reconnectSeconds = reconnectSeconds;
    }

    @Override
    public void run() {
        while (!shutdownInProgress) {
            Session session = null;
            try {
                session = openSession();
                handler.notifyConnectionEstablished();
                streamEvents(session);
01|            } catch (JSchException | IOException e) {
01|                logger.warn("Stream-events connection to {} failed, reconnecting", gerritHostName, e);
01|                handler.notifyConnectionDown();
2|            } catch (JSchException | IOException ignored) { //@ERR-01
2|                // the loop reconnects
            } finally {
                if (session != null) {
                    session.disconnect();
                }
            }
            sleepBeforeReconnect();
        }
    }

    private Session openSession() throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(authentication.getPrivateKeyFile().getAbsolutePath(),
                authentication.getPrivateKeyFilePassword());
        Session session = jsch.getSession(authentication.getUsername(), gerritHostName, gerritSshPort);
        session.setServerAliveInterval(ALIVE_INTERVAL_MILLIS);
        try {
            session.connect(CONNECT_TIMEOUT_MILLIS);
        } catch (JSchException e) {
            session.disconnect();
            throw e;
        }
        return session;
    }

    private void streamEvents(Session session) throws JSchException, IOException {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand(CMD_STREAM_EVENTS);
02|        channel.connect(CONNECT_TIMEOUT_MILLIS);
1|        channel.connect(); //@TMO-01
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(channel.getInputStream(), StandardCharsets.UTF_8))) {
            while (!shutdownInProgress) {
                if (channel.isClosed() || !session.isConnected()) {
                    logger.info("Stream-events channel to {} closed, reconnecting", gerritHostName);
                    return;
                }
                String line = reader.readLine();
                if (line == null) {
                    return;
                }
                if (!line.isEmpty()) {
                    watchdog.signal();
                    handler.post(line);
                }
            }
        } finally {
            channel.disconnect();
        }
    }

    private void sleepBeforeReconnect() {
        if (shutdownInProgress) {
            return;
        }
        try {
            TimeUnit.SECONDS.sleep(reconnectSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownInProgress = true;
        }
    }

    public void shutdown() {
        shutdownInProgress = true;
    }
}
''')
_GE_PKG = 'com.sonymobile.tools.gerrit.gerritevents'
_GE = ['com.jcraft.jsch.ChannelExec', 'com.jcraft.jsch.JSch', 'com.jcraft.jsch.JSchException', 'com.jcraft.jsch.Session',
       'com.sonymobile.tools.gerrit.gerritevents.ssh.Authentication',
       'com.sonymobile.tools.gerrit.gerritevents.watchdog.StreamWatchdog', 'java.io.BufferedReader',
       'java.io.IOException', 'java.io.InputStreamReader', 'java.nio.charset.StandardCharsets',
       'java.util.concurrent.TimeUnit'] + SLF4J
cases_of(case, GH + 'sonyxperiadev/gerrit-events/pull/62', src(_GE_PKG, 'GerritConnection'),
         J(_GE_PKG, _GE)(GERRITSTREAM), [
             (1, 'java-00-gerrit-events-channel-connect-without-timeout',
              'an edit connects the stream-events channel without a timeout, so a server that accepts the session '
              'but never opens the channel hangs the connection thread', 'edit'),
             (2, 'java-00-gerrit-events-connection-failure-swallowed',
              'an edit swallows the failure of the stream-events connection, so neither the log nor the listeners '
              'learn that events stopped', 'edit'),
             (0, 'java-ok-00-gerrit-events-channel-connect-bounded',
              'clean: the fix bounds the channel connect like the session connect', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / OPS-01: event client of a Jenkins Datadog plugin (jenkins-datadog-plugin)
DATADOG = template('datadog-http-client', r'''
/**
 * Sends events to Datadog from one shared sender thread, so a build never waits on Datadog. The queue is bounded:
 * when Datadog is slow, new events are dropped and counted; so are the payloads Datadog refuses.
 */
public class DatadogHttpClient {
    private static final Logger logger = Logger.getLogger(DatadogHttpClient.class.getName());
    private static final String EVENT_PATH = "/v1/events";
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int SHUTDOWN_SECONDS = 10;

    private final String url;
    private final Secret apiKey;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), new NamingThreadFactory(new DaemonThreadFactory(), "Datadog sender"),
            (task, executor) -> dropped.incrementAndGet());

    public DatadogHttpClient(String url, Secret apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    public void postEvent(JSONObject event) {
02|        sender.execute(() -> send(EVENT_PATH, event));
1|        ExecutorService eventSender = Executors.newSingleThreadExecutor(); //@RES-04
1|        eventSender.execute(() -> send(EVENT_PATH, event));
    }

    public long droppedEvents() {
        return dropped.get();
    }

    /** Payloads Datadog refused or could not be reached for; shown on the plugin's configuration page. */
    public long failedPayloads() {
        return failed.get();
    }

    /** Called when Jenkins stops: the events already queued are still sent, for a few seconds at most. */
    public void stop() throws InterruptedException {
01|        sender.shutdown();
01|        if (!sender.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
01|            logger.log(Level.WARNING, "Datadog events still queued after {0} seconds, dropping them", SHUTDOWN_SECONDS);
01|            sender.shutdownNow();
01|        }
2|        sender.shutdownNow(); //@OPS-01
    }

    private void send(String path, JSONObject payload) {
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) new URL(url + path).openConnection();
            conn.setConnectTimeout(TIMEOUT_MILLIS);
            conn.setReadTimeout(TIMEOUT_MILLIS);
            conn.setRequestMethod("POST");
            conn.setRequestProperty("Content-Type", "application/json");
            conn.setRequestProperty("DD-API-KEY", Secret.toString(apiKey));
            conn.setDoOutput(true);
            try (OutputStreamWriter out = new OutputStreamWriter(conn.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write(payload.toString());
            }
            int status = conn.getResponseCode();
            if (status >= 300) {
                failed.incrementAndGet();
                logger.log(Level.FINE, "Datadog rejected a payload for {0}: HTTP {1}", new Object[] {path, status});
            }
        } catch (IOException e) {
            failed.incrementAndGet();
            logger.log(Level.FINE, "Could not send a payload to Datadog", e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }
}
''')
_DD_PKG = 'org.datadog.jenkins.plugins.datadog.clients'
_DD = ['hudson.util.DaemonThreadFactory', 'hudson.util.NamingThreadFactory', 'hudson.util.Secret',
       'java.io.IOException', 'java.io.OutputStreamWriter', 'java.net.HttpURLConnection', 'java.net.URL',
       'java.nio.charset.StandardCharsets', 'java.util.concurrent.ArrayBlockingQueue',
       'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
       'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong', 'java.util.logging.Level',
       'java.util.logging.Logger', 'net.sf.json.JSONObject']
cases_of(case, GH + 'DataDog/jenkins-datadog-plugin/issues/170', src(_DD_PKG, 'DatadogHttpClient'),
         JV(_DD_PKG, {0: _DD, 1: _DD + ['java.util.concurrent.Executors'], 2: _DD})(DATADOG), [
             (1, 'java-00-datadog-executor-per-event',
              'an edit creates a new single-thread executor for every event and never shuts it down, one leaked '
              'thread per build event', 'edit'),
             (2, 'java-00-datadog-stop-drops-queued-events',
              'an edit stops the sender with shutdownNow, so the events still queued when Jenkins stops are lost',
              'edit'),
             (0, 'java-ok-00-datadog-shared-sender',
              'clean: the fix sends every event on the one shared sender', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: oc process of an OpenShift Jenkins client plugin (jenkins-client-plugin)
OCRUNNER = template('openshift-oc-runner', r'''
/**
 * Runs the {@code oc} binary for a pipeline step. The process never outlives the step: a step that times out or is
 * aborted destroys it, so aborted builds do not leave {@code oc watch} processes and their threads behind.
 */
public class OcRunner {
    private final List<String> baseCommand;

    public OcRunner(List<String> baseCommand) {
        this.baseCommand = baseCommand;
    }

    /** Runs one oc command and returns its exit code, or -1 when it did not finish in time. */
    public int run(List<String> args, TaskListener listener, long timeoutMinutes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(baseCommand);
        command.addAll(args);
        File output = File.createTempFile("oc", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        } catch (IOException e) {
            Files.deleteIfExists(output.toPath());
            throw e;
        }
        try {
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                listener.error("oc %s did not finish within %d minutes", args.get(0), timeoutMinutes);
                return -1;
            }
            return process.exitValue();
2|        } catch (InterruptedException e) { //@CONC-05
2|            throw new AbortException(String.format("oc %s was interrupted", args.get(0)));
        } finally {
02|            process.destroyForcibly();
            copyAndDelete(output, listener); //@{1}RES-01
        }
    }

    private static void copyAndDelete(File output, TaskListener listener) throws IOException {
        try {
            Files.copy(output.toPath(), listener.getLogger());
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }
}
''')
_OC_PKG = 'com.openshift.jenkins.plugins.pipeline'
_OC = ['hudson.model.TaskListener', 'java.io.File', 'java.io.IOException', 'java.nio.file.Files',
       'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'openshift/jenkins-client-plugin/issues/191', src(_OC_PKG, 'OcRunner'),
         JV(_OC_PKG, {0: _OC, 1: _OC, 2: _OC + ['hudson.AbortException']})(OCRUNNER), [
             (1, 'java-00-openshift-oc-process-not-destroyed',
              'an edit no longer destroys the oc process when the step ends, so a timed-out or aborted step leaves '
              'it running with its threads', 'edit'),
             (2, 'java-00-openshift-oc-interrupt-swallowed',
              'an edit turns the interrupt of an aborted step into an AbortException without restoring the flag',
              'edit'),
             (0, 'java-ok-00-openshift-oc-process-destroyed',
              'clean: the fix destroys the oc process in the step\'s finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-07: stream watchdog of a Jenkins Gerrit trigger (gerrit-trigger-plugin), renamed file
WATCHDOG = template('gerrit-trigger-stream-watchdog', r'''
/**
 * Reconnects the stream-events connection when no event arrived for longer than the configured quiet period. The
 * connection starts the watchdog on every (re)connect; a previous schedule is stopped first.
 */
public class StreamWatchdog {
    private static final Logger logger = LoggerFactory.getLogger(StreamWatchdog.class);
    private static final long CHECK_SECONDS = 10;
    private static final ThreadFactory WATCHDOG_THREADS = r -> {
        Thread t = new Thread(r, "Gerrit stream watchdog");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> logger.error("Gerrit stream watchdog thread died", e));
        return t;
    };

    private final Reconnectable connection;
    private final long timeoutSeconds;
    private ScheduledExecutorService checker;
    private volatile long lastSignal = System.nanoTime();

    public StreamWatchdog(Reconnectable connection, long timeoutSeconds) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
    }

    public synchronized void start() {
02|        stop();
        lastSignal = System.nanoTime();
        checker = Executors.newSingleThreadScheduledExecutor(WATCHDOG_THREADS); //@{1}RES-01
01|        checker.scheduleWithFixedDelay(() -> {
01|            try {
01|                check();
01|            } catch (RuntimeException e) {
01|                logger.error("Gerrit stream watchdog check failed", e);
01|            }
01|        }, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
2|        checker.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    public void signal() {
        lastSignal = System.nanoTime();
    }

    private void check() {
        long quietSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastSignal);
        if (quietSeconds > timeoutSeconds) {
            logger.warn("No Gerrit event for {} seconds, reconnecting", quietSeconds);
            lastSignal = System.nanoTime();
            connection.reconnect();
        }
    }
}
''')
_WD_PKG = 'com.sonyericsson.hudson.plugins.gerrit.trigger.watchdog'
_WD_OLD = 'com.sonyericsson.hudson.plugins.gerrit.gerritevents.watchdog'
_WD = ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
       'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit'] + SLF4J
cases_of(case, GH + 'jenkinsci/gerrit-trigger-plugin/pull/100', src(_WD_PKG, 'StreamWatchdog'),
         J(_WD_PKG, _WD)(WATCHDOG), [
             (1, 'java-00-gerrit-trigger-renamed-watchdog-restart-leaks-executor',
              'a move of the watchdog also drops the stop of the previous schedule, so every reconnect leaves one '
              'more watchdog thread running', 'rename'),
             (2, 'java-00-gerrit-trigger-renamed-watchdog-check-unguarded',
              'a move of the watchdog also schedules the check without its catch, so one failed reconnect ends the '
              'watchdog', 'rename'),
             (0, 'java-ok-00-gerrit-trigger-renamed-watchdog-restarts-cleanly',
              'clean: the move alone; a restart stops the previous schedule and the check catches its failures',
              'rename'),
         ], rename_from=src(_WD_OLD, 'StreamWatchdog'),
         rename_old=lambda t: t.replace('package ' + _WD_PKG + ';', 'package ' + _WD_OLD + ';'))


# ---------------------------------------------------------------- CONC-05 / ERR-01: post-build steps of a Jenkins plugin (postbuildscript-plugin)
POSTBUILD = template('postbuildscript-build-steps', r'''
/**
 * Runs the build steps configured to run after the build. An abort of the build interrupts the running step; the
 * interrupt propagates, so the build ends as aborted instead of running the remaining steps.
 */
public class BuildStepExecutor {
    private final AbstractBuild<?, ?> build;
    private final Launcher launcher;
    private final BuildListener listener;
    private final Logger logger;

    public BuildStepExecutor(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
        this.build = build;
        this.launcher = launcher;
        this.listener = listener;
        this.logger = new Logger(listener);
    }

    public boolean execute(List<BuildStep> steps) throws InterruptedException {
        for (BuildStep step : steps) {
            logger.info(Messages.PostBuildScript_ExecutingBuildStep(step.getClass().getSimpleName()));
            try {
                if (!step.perform(build, launcher, listener)) {
                    logger.info(Messages.PostBuildScript_BuildStepFailed(step.getClass().getSimpleName()));
                    return false;
                }
            } catch (IOException e) { //@{2}ERR-01
01|                Functions.printStackTrace(e, listener.error("Post build step %s failed", step.getClass().getSimpleName()));
01|                return false;
2|                // a failing post build step must not fail the build
1|            } catch (InterruptedException e) { //@CONC-05
1|                logger.info(Messages.PostBuildScript_Interrupted());
1|                break;
            }
        }
        return true;
    }
}
''')
_PB_PKG = 'org.jenkinsci.plugins.postbuildscript.processor'
_PB = ['hudson.Functions', 'hudson.Launcher', 'hudson.model.AbstractBuild', 'hudson.model.BuildListener',
       'hudson.tasks.BuildStep', 'java.io.IOException', 'java.util.List', 'org.jenkinsci.plugins.postbuildscript.Messages',
       'org.jenkinsci.plugins.postbuildscript.logging.Logger']
cases_of(case, GH + 'jenkinsci/postbuildscript-plugin/pull/233', src(_PB_PKG, 'BuildStepExecutor'),
         JV(_PB_PKG, {0: _PB, 1: _PB, 2: [i for i in _PB if i != 'hudson.Functions']})(POSTBUILD), [
             (1, 'java-00-postbuildscript-interrupt-swallowed',
              'an edit catches the interrupt of an aborted build and leaves the loop as if every step had run, so '
              'the abort is lost', 'edit'),
             (2, 'java-00-postbuildscript-step-failure-swallowed',
              'an edit swallows the IOException of a post build step and carries on as if it succeeded', 'edit'),
             (0, 'java-ok-00-postbuildscript-interrupt-propagates',
              'clean: the fix lets the interrupt propagate so the build ends as aborted', 'fix'),
         ])
