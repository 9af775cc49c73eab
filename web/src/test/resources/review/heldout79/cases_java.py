"""Round-79 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-01: URL polling of a build trigger plug-in (urltrigger-plugin)
URLTRIGGER = template('urltrigger-fetch-content', r'''
/** Reads the content of a polled URL so the trigger can compare it with the previous poll. */
public class URLContentFetcher {
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private final URLTriggerEntry entry;

    public URLContentFetcher(URLTriggerEntry entry) {
        this.entry = entry;
    }

    private int timeoutMillis() {
        int seconds = entry.getTimeout() > 0 ? entry.getTimeout() : DEFAULT_TIMEOUT_SECONDS;
        return seconds * 1000;
    }

    public String fetch(XTriggerLog log) throws XTriggerException {
        log.info("Polling " + entry.getUrl());
        try {
            URLConnection connection = new URL(entry.getUrl()).openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(timeoutMillis());
02|            connection.setReadTimeout(timeoutMillis());
            if (entry.isBasicAuth()) {
                String credentials = entry.getUsername() + ":" + entry.getPassword();
                connection.setRequestProperty("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
01|            try (InputStream in = connection.getInputStream()) {
01|                return IOUtils.toString(in, StandardCharsets.UTF_8);
01|            }
2|            InputStream in = connection.getInputStream(); //@RES-01
2|            return IOUtils.toString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new XTriggerException("Polling " + entry.getUrl() + " failed", e);
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/urltrigger-plugin/pull/1', src('org.jenkinsci.plugins.urltrigger', 'URLContentFetcher'),
         J('org.jenkinsci.plugins.urltrigger', [
             'java.io.IOException', 'java.io.InputStream', 'java.net.URL', 'java.net.URLConnection',
             'java.nio.charset.StandardCharsets', 'java.util.Base64', 'org.apache.commons.io.IOUtils',
             'org.jenkinsci.lib.xtrigger.XTriggerException', 'org.jenkinsci.lib.xtrigger.XTriggerLog'])(URLTRIGGER), [
             (1, 'java-00-urltrigger-poll-connection-without-timeouts',
              'an edit opens the polled URL\'s connection without connect and read timeouts, so a server that '
              'accepts and never answers blocks the trigger thread and every later scheduled poll', 'edit'),
             (2, 'java-00-urltrigger-poll-stream-never-closed',
              'an edit reads the polled content from a stream it never closes, one connection leaked per poll', 'edit'),
             (0, 'java-ok-00-urltrigger-poll-connection-bounded',
              'clean: the fix sets the entry\'s timeout as connect and read timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: room notifier of a chat notification plug-in (jenkins-hipchat-plugin)
HIPCHAT = template('hipchat-standard-service', r'''
public class StandardHipChatService implements HipChatService {
    private static final Logger logger = Logger.getLogger(StandardHipChatService.class.getName());
    private static final int TIMEOUT_MILLIS = 30000;

01|    private final HttpClient client;
    private final String server;
    private final String token;
    private final String[] roomIds;
    private final String from;

    public StandardHipChatService(String server, String token, String roomIds, String from) {
        this.server = server;
        this.token = token;
        this.roomIds = roomIds.split("\\s*,\\s*");
        this.from = from;
01|        this.client = newClient();
    }

    private static HttpClient newClient() {
        HttpClient client = new HttpClient(); //@{1}TMO-01
02|        client.getHttpConnectionManager().getParams().setConnectionTimeout(TIMEOUT_MILLIS);
02|        client.getHttpConnectionManager().getParams().setSoTimeout(TIMEOUT_MILLIS);
        Jenkins jenkins = Jenkins.getInstance();
        if (jenkins != null && jenkins.proxy != null) {
            client.getHostConfiguration().setProxy(jenkins.proxy.name, jenkins.proxy.port);
        }
        return client;
    }

    public void publish(String message, String color) {
        for (String roomId : roomIds) {
            logger.fine("Posting to room " + roomId);
            PostMethod post = new PostMethod("https://" + server + "/v1/rooms/message?auth_token=" + token);
            try {
                post.addParameter("from", from);
                post.addParameter("room_id", roomId);
                post.addParameter("message", message);
                post.addParameter("color", color);
                post.getParams().setContentCharset("UTF-8");
01|                int status = client.executeMethod(post);
2|                int status = newClient().executeMethod(post); //@RES-04
                if (status != HttpStatus.SC_OK) {
                    logger.log(Level.WARNING, "HipChat post to room {0} answered {1}", new Object[] {roomId, status});
                }
            } catch (IOException e) {
                logger.log(Level.WARNING, "Error posting to HipChat", e);
            } finally {
                post.releaseConnection();
            }
        }
    }
}
''')
cases_of(case, GH + 'jlewallen/jenkins-hipchat-plugin/issues/62', src('jenkins.plugins.hipchat', 'StandardHipChatService'),
         J('jenkins.plugins.hipchat', [
             'hudson.model.Jenkins', 'java.io.IOException', 'java.util.logging.Level', 'java.util.logging.Logger',
             'org.apache.commons.httpclient.HttpClient', 'org.apache.commons.httpclient.HttpStatus',
             'org.apache.commons.httpclient.methods.PostMethod'])(HIPCHAT), [
             (1, 'java-00-hipchat-notifier-client-without-timeouts',
              'an edit builds the notifier\'s HttpClient without connection and socket timeouts, so a HipChat server '
              'that stops answering keeps the build\'s executor stuck in the post-build step for days', 'edit'),
             (2, 'java-00-hipchat-notifier-client-per-room',
              'an edit drops the notifier\'s shared client and builds a new HttpClient for every room it posts to, '
              'each with its own connection manager', 'edit'),
             (0, 'java-ok-00-hipchat-notifier-client-bounded',
              'clean: the fix gives the shared client connection and socket timeouts', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / ERR-01: start goal of a Docker build plug-in (docker-maven-plugin)
DMP = template('docker-maven-plugin-start-mojo', r'''
    private void shutdownExecutorService(ExecutorService executorService) {
        if (executorService.isShutdown()) {
            return;
        }
        executorService.shutdown();
        try {
            if (!executorService.awaitTermination(startWaitSeconds, TimeUnit.SECONDS)) {
                log.warn("Not all containers were started within %d seconds", startWaitSeconds);
            }
        } catch (InterruptedException e) { //@{1}CONC-05
            log.warn("Interrupted while waiting for the containers to start: %s", e.getMessage());
02|            Thread.currentThread().interrupt();
        }
    }

    private void stopStartedContainers(ServiceHub hub, GavLabel pomLabel) {
        RunService runService = hub.getRunService();
        try {
            runService.stopStartedContainers(keepContainer, removeVolumes, autoCreateCustomNetworks, pomLabel);
        } catch (DockerAccessException | ExecException e) { //@{2}ERR-01
01|            log.error("Failed to stop the containers started by this run: %s", e.getMessage());
2|            // the next docker:stop removes whatever is left
        }
    }
}
''')
cases_of(case, GH + 'fabric8io/docker-maven-plugin/pull/1935', src('io.fabric8.maven.docker', 'StartMojo'),
         lambda v: JV('io.fabric8.maven.docker', {k: [
             'io.fabric8.maven.docker.access.DockerAccessException', 'io.fabric8.maven.docker.access.ExecException',
             'io.fabric8.maven.docker.service.RunService', 'io.fabric8.maven.docker.service.ServiceHub',
             'io.fabric8.maven.docker.util.GavLabel', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.TimeUnit'] for k in (0, 1, 2)})(
             '/** Starts the configured containers and stops them again when the build is over. */\n'
             'public class StartMojo extends AbstractDockerMojo {\n'
             '    private int startWaitSeconds = 10;\n'
             '    private boolean keepContainer;\n'
             '    private boolean removeVolumes;\n'
             '    private boolean autoCreateCustomNetworks;\n\n' + DMP)(v), [
             (1, 'java-00-docker-maven-plugin-start-wait-swallows-interrupt',
              'an edit logs an interrupt of the wait for started containers and goes on without restoring the '
              'interrupt flag, so a cancelled Maven build keeps running instead of unwinding', 'edit'),
             (2, 'java-00-docker-maven-plugin-stop-failure-swallowed',
              'an edit drops the failure to stop the containers a run started, leaving them running without a '
              'trace in the build log', 'edit'),
             (0, 'java-ok-00-docker-maven-plugin-start-wait-restores-interrupt',
              'clean: the fix re-interrupts the thread after logging the interrupted wait', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: bytecode generator of a benchmark build plug-in (jmh-gradle-plugin)
JMH = template('jmh-bytecode-generator-runnable', r'''
/** Generates the JMH benchmark sources and resources in a worker, from the compiled benchmark classes. */
public class JmhBytecodeGeneratorRunnable implements Runnable {
    private static final Logger LOGGER = Logging.getLogger(JmhBytecodeGeneratorRunnable.class);

    private final File[] compiledBytecodeDirectories;
    private final File outputSourceDirectory;
    private final File outputResourceDirectory;
    private final Collection<File> classpath;

    @Inject
    public JmhBytecodeGeneratorRunnable(File[] compiledBytecodeDirectories, File outputSourceDirectory,
                                        File outputResourceDirectory, Collection<File> classpath) {
        this.compiledBytecodeDirectories = compiledBytecodeDirectories;
        this.outputSourceDirectory = outputSourceDirectory;
        this.outputResourceDirectory = outputResourceDirectory;
        this.classpath = classpath;
    }

    @Override
    public void run() {
        URL[] urls = classpath.stream().map(JmhBytecodeGeneratorRunnable::toUrl).toArray(URL[]::new);
02|        try (URLClassLoader amendedCL = new URLClassLoader(urls, getClass().getClassLoader())) {
02|            generate(amendedCL);
02|        } catch (IOException e) {
02|            throw new UncheckedIOException("Could not close the benchmark class loader", e);
02|        }
1|        URLClassLoader amendedCL = new URLClassLoader(urls, getClass().getClassLoader()); //@RES-01
1|        generate(amendedCL);
    }

    private void generate(ClassLoader loader) {
        for (File directory : compiledBytecodeDirectories) {
01|            LOGGER.debug("Generating benchmarks from {} into {}", directory, outputSourceDirectory);
2|            LOGGER.debug("Generating benchmarks from " + directory + " into " + outputSourceDirectory); //@LOG-02
            JmhBenchmarkGenerator.generate(loader, directory, outputSourceDirectory, outputResourceDirectory);
        }
    }

    private static URL toUrl(File file) {
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a classpath entry: " + file, e);
        }
    }
}
''')
cases_of(case, GH + 'melix/jmh-gradle-plugin/issues/148', src('me.champeau.jmh', 'JmhBytecodeGeneratorRunnable'),
         JV('me.champeau.jmh', {
             0: ['java.io.File', 'java.io.IOException', 'java.io.UncheckedIOException', 'java.net.MalformedURLException',
                 'java.net.URL', 'java.net.URLClassLoader', 'java.util.Collection', 'javax.inject.Inject',
                 'org.gradle.api.logging.Logger', 'org.gradle.api.logging.Logging'],
             1: ['java.io.File', 'java.net.MalformedURLException', 'java.net.URL', 'java.net.URLClassLoader',
                 'java.util.Collection', 'javax.inject.Inject', 'org.gradle.api.logging.Logger',
                 'org.gradle.api.logging.Logging'],
             2: ['java.io.File', 'java.io.IOException', 'java.io.UncheckedIOException', 'java.net.MalformedURLException',
                 'java.net.URL', 'java.net.URLClassLoader', 'java.util.Collection', 'javax.inject.Inject',
                 'org.gradle.api.logging.Logger', 'org.gradle.api.logging.Logging']})(JMH), [
             (1, 'java-00-jmh-gradle-plugin-new-generator-class-loader-never-closed',
              'a new generator worker loads the benchmark classes through a URLClassLoader it never closes, so the '
              'Gradle daemon keeps the jars open and Windows builds cannot clean them', 'new'),
             (2, 'java-00-jmh-gradle-plugin-new-generator-debug-log-concatenated',
              'a new generator worker builds its per-directory debug line by concatenation, paid with debug '
              'logging off', 'new'),
             (0, 'java-ok-00-jmh-gradle-plugin-new-generator',
              'clean: a new generator worker that closes its class loader and logs with placeholders', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: text report of a dependency-updates build plug-in (gradle-versions-plugin)
VERSIONS = template('gradle-versions-plain-text-reporter', r'''
/** Writes the dependency updates report as plain text next to the other reports. */
public class PlainTextReporter implements Reporter {
    private final String revision;

    public PlainTextReporter(String revision) {
        this.revision = revision;
    }

    @Override
    public void write(File reportDir, Result result) {
        File file = new File(reportDir, "report.txt");
02|        try (PrintStream out = new PrintStream(new FileOutputStream(file), false, "UTF-8")) {
1|        try {
1|            PrintStream out = new PrintStream(new FileOutputStream(file), false, "UTF-8"); //@RES-01
            out.println("Dependency updates, revision " + revision);
            writeSection(out, "up to date", result.getCurrent());
            writeSection(out, "exceeding the latest version", result.getExceeded());
            writeSection(out, "with later versions", result.getOutdated());
        } catch (IOException e) { //@{2}ERR-01
01|            throw new UncheckedIOException("Could not write the report " + file, e);
2|            // the same report was printed to the console already
        }
    }

    private static void writeSection(PrintStream out, String title, Collection<Dependency> dependencies) {
        if (dependencies.isEmpty()) {
            return;
        }
        out.println();
        out.println("The following dependencies are " + title + ":");
        for (Dependency dependency : dependencies) {
            out.println(" - " + dependency.getGroup() + ":" + dependency.getName() + " [" + dependency.getVersion() + "]");
        }
    }
}
''')
cases_of(case, GH + 'ben-manes/gradle-versions-plugin/issues/156',
         src('com.github.benmanes.gradle.versions.reporter', 'PlainTextReporter'),
         J('com.github.benmanes.gradle.versions.reporter', [
             'com.github.benmanes.gradle.versions.reporter.result.Dependency',
             'com.github.benmanes.gradle.versions.reporter.result.Result', 'java.io.File', 'java.io.FileOutputStream',
             'java.io.IOException', 'java.io.PrintStream', 'java.io.UncheckedIOException',
             'java.util.Collection'])(VERSIONS), [
             (1, 'java-00-gradle-versions-renamed-text-reporter-stream-never-closed',
              'a PR renames the text reporter and writes the report through a stream it never closes, so the Gradle '
              'daemon holds the report file open after the task', 'rename'),
             (2, 'java-00-gradle-versions-renamed-text-reporter-write-failure-swallowed',
              'a PR renames the text reporter and drops a failure to write the report, so the task succeeds with no '
              'report file', 'rename'),
             (0, 'java-ok-00-gradle-versions-renamed-text-reporter',
              'clean: the rename alone; the report stream is closed and a write failure fails the task', 'rename'),
         ], rename_from='src/main/java/com/github/benmanes/gradle/versions/reporter/TextReporter.java',
         rename_old=lambda t: t.replace('PlainTextReporter', 'TextReporter'))


# ---------------------------------------------------------------- CONC-06 / RES-01: file-based controller of a durable build-step plug-in (durable-task-plugin)
DURABLE = template('durable-task-file-monitoring-controller', r'''
    /** Asks the agent to watch the control directory and call the handler back when the process is done. */
    @Override
    public void watch(FilePath workspace, Handler handler, TaskListener listener) throws IOException, InterruptedException {
        if (watchService == null) {
            throw new UnsupportedOperationException("watching is not enabled on this controller");
        }
02|        workspace.act(new StartWatching(this, handler, listener));
1|        workspace.actAsync(new StartWatching(this, handler, listener)); //@CONC-06
        LOGGER.log(Level.FINE, "started watching {0}", controlDir);
    }

    /** The whole output of a process that was started with output capture. */
    @Override
    public byte[] getOutput(FilePath workspace, Launcher launcher) throws IOException, InterruptedException {
        FilePath output = getOutputFile(workspace);
01|        try (InputStream is = output.read()) {
01|            return IOUtils.toByteArray(is);
01|        }
2|        InputStream is = output.read(); //@RES-01
2|        return IOUtils.toByteArray(is);
    }
}
''')
cases_of(case, GH + 'jenkinsci/durable-task-plugin/pull/147',
         src('org.jenkinsci.plugins.durabletask', 'FileMonitoringController'),
         lambda v: J('org.jenkinsci.plugins.durabletask', [
             'hudson.FilePath', 'hudson.Launcher', 'hudson.model.TaskListener', 'java.io.IOException',
             'java.io.InputStream', 'java.util.logging.Level', 'java.util.logging.Logger',
             'org.apache.commons.io.IOUtils'])(
             '/** Controls a process started by a file-monitoring task through files in its control directory. */\n'
             'public class FileMonitoringController extends Controller {\n'
             '    private static final Logger LOGGER = Logger.getLogger(FileMonitoringController.class.getName());\n\n'
             '    private final String controlDir;\n'
             '    private transient WatchService watchService;\n\n'
             '    FileMonitoringController(String controlDir, WatchService watchService) {\n'
             '        this.controlDir = controlDir;\n'
             '        this.watchService = watchService;\n'
             '    }\n\n'
             '    FilePath getOutputFile(FilePath workspace) {\n'
             '        return workspace.child(controlDir).child("output.txt");\n'
             '    }\n\n' + DURABLE)(v), [
             (1, 'java-00-durable-task-watch-started-asynchronously',
              'an edit starts the agent-side watch with actAsync and drops the returned future, so a watch that '
              'fails to start is never reported and the step waits forever', 'edit'),
             (2, 'java-00-durable-task-output-stream-never-closed',
              'an edit reads the captured output through a remote stream it never closes', 'edit'),
             (0, 'java-ok-00-durable-task-watch-started-synchronously',
              'clean: the fix starts the watch with a synchronous act, so its failure reaches the step', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: build version of a Gradle configuration-management plug-in (GradleCMPlugin)
GRADLECM = template('gradlecm-build-version', r'''
/** The version of a build: the release numbers from the last tag and, for snapshots, the build time. */
public class BuildVersion {
    private static final Logger LOGGER = Logging.getLogger(BuildVersion.class);
    private static final String TIMESTAMP_PATTERN = "yyyyMMdd.HHmmss";

    private final int major;
    private final int minor;
    private final int build;
    private final Date buildDate;
    private final boolean snapshot;

    public BuildVersion(int major, int minor, int build, Date buildDate, boolean snapshot) {
        this.major = major;
        this.minor = minor;
        this.build = build;
        this.buildDate = buildDate;
        this.snapshot = snapshot;
    }

    /** The build time as Maven writes it into snapshot versions: always in UTC, whatever the machine's zone. */
    public String getBuildTimestamp() {
        SimpleDateFormat format = new SimpleDateFormat(TIMESTAMP_PATTERN); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(buildDate);
    }

    @Override
    public String toString() {
        String version = major + "." + minor + "." + build;
        if (snapshot) {
            version = version + "-" + getBuildTimestamp();
        }
01|        LOGGER.debug("Computed version {} from tag {}.{}.{}", version, major, minor, build);
2|        LOGGER.debug("Computed version " + version + " from tag " + major + "." + minor + "." + build); //@LOG-02
        return version;
    }
}
''')
cases_of(case, GH + 'kercheval/GradleCMPlugin/issues/27', src('com.kercheval.gradle.buildversion', 'BuildVersion'),
         J('com.kercheval.gradle.buildversion', [
             'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone', 'org.gradle.api.logging.Logger',
             'org.gradle.api.logging.Logging'])(GRADLECM), [
             (1, 'java-00-gradlecm-build-timestamp-in-machine-zone',
              'an edit formats the snapshot build timestamp in the machine\'s default zone, so the same commit gets '
              'a different version in California and in Germany', 'edit'),
             (2, 'java-00-gradlecm-version-debug-log-concatenated',
              'an edit builds the debug line of every computed version by concatenation, paid on every toString with '
              'debug logging off', 'edit'),
             (0, 'java-ok-00-gradlecm-build-timestamp-in-utc',
              'clean: the fix formats the build timestamp in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: Jenkins build monitor of a CI integration service (igor)
IGOR = template('igor-jenkins-build-monitor', r'''
/** Polls every configured Jenkins master for finished builds and publishes them as events. */
public class JenkinsBuildMonitor {
    private static final Logger log = LoggerFactory.getLogger(JenkinsBuildMonitor.class);

    private final JenkinsMasters masters;
    private final BuildEventPublisher publisher;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final long pollIntervalSeconds;

    public JenkinsBuildMonitor(JenkinsMasters masters, BuildEventPublisher publisher, long pollIntervalSeconds) {
        this.masters = masters;
        this.publisher = publisher;
        this.pollIntervalSeconds = pollIntervalSeconds;
    }

    @PostConstruct
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> { //@{1}CONC-07
            for (String master : masters.getNames()) {
02|                try {
02|                    pollMaster(master);
02|                } catch (Exception e) {
02|                    log.error("Polling Jenkins master {} failed; trying again in {}s", master, pollIntervalSeconds, e);
02|                }
1|                pollMaster(master);
            }
        }, 0, pollIntervalSeconds, TimeUnit.SECONDS);
    }

    private void pollMaster(String master) {
        for (Build build : masters.get(master).getFinishedBuildsSince(publisher.lastPolled(master))) {
01|            log.debug("Publishing build {} #{} of {}", build.getJob(), build.getNumber(), master);
2|            log.info("Publishing build {} #{} of {}", build.getJob(), build.getNumber(), master); //@LOG-01
            publisher.publish(master, build);
        }
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'spinnaker/igor/pull/115', 'igor-web/' + src('com.netflix.spinnaker.igor.jenkins', 'JenkinsBuildMonitor'),
         J('com.netflix.spinnaker.igor.jenkins', SLF4J + [
             'com.netflix.spinnaker.igor.history.BuildEventPublisher', 'com.netflix.spinnaker.igor.jenkins.client.model.Build',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'javax.annotation.PostConstruct',
             'javax.annotation.PreDestroy'])(IGOR), [
             (1, 'java-00-igor-jenkins-poll-dies-on-first-failure',
              'an edit polls the masters from the scheduled task without catching a failure, so one unreachable '
              'master ends the schedule for all of them, silently', 'edit'),
             (2, 'java-00-igor-jenkins-poll-logs-every-build-at-info',
              'an edit logs every published build at info, one line per build per master on every poll', 'edit'),
             (0, 'java-ok-00-igor-jenkins-poll-survives-failures',
              'clean: the fix catches each master\'s failure inside the scheduled task and logs it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: framework driver thread of a cloud agent plug-in (mesos-plugin)
MESOS = template('mesos-jenkins-scheduler', r'''
    /** Starts the Mesos driver on its own thread; the thread keeps the scheduler's state right whatever happens. */
    public synchronized void init() {
        running = true;
        Thread driverThread = new Thread(() -> { //@{1}CONC-01
02|            try {
                driver = createDriver();
                Status status = driver.run();
                LOGGER.info("The Mesos driver stopped with status " + status);
02|            } catch (RuntimeException e) {
02|                LOGGER.log(Level.SEVERE, "The Mesos driver thread failed", e);
02|            } finally {
02|                running = false;
02|                driver = null;
02|            }
        }, "mesos-driver-" + framework.getName());
        driverThread.setDaemon(true);
        driverThread.start();
    }

    /** Waits until the driver has registered the framework, for at most the configured time. */
    public boolean awaitRegistration() {
        try {
            return registered.await(registrationTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            return false;
        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/mesos-plugin/pull/182', src('org.jenkinsci.plugins.mesos', 'JenkinsScheduler'),
         lambda v: J('org.jenkinsci.plugins.mesos', [
             'java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
             'java.util.logging.Logger', 'org.apache.mesos.Protos.FrameworkInfo', 'org.apache.mesos.Protos.Status',
             'org.apache.mesos.SchedulerDriver'])(
             '/** The Jenkins side of the Mesos framework: offers, launches and the driver\'s lifecycle. */\n'
             'public abstract class JenkinsScheduler {\n'
             '    private static final Logger LOGGER = Logger.getLogger(JenkinsScheduler.class.getName());\n\n'
             '    private final FrameworkInfo framework;\n'
             '    private final CountDownLatch registered = new CountDownLatch(1);\n'
             '    private final long registrationTimeoutSeconds;\n'
             '    private volatile boolean running;\n'
             '    private volatile SchedulerDriver driver;\n\n'
             '    protected JenkinsScheduler(FrameworkInfo framework, long registrationTimeoutSeconds) {\n'
             '        this.framework = framework;\n'
             '        this.registrationTimeoutSeconds = registrationTimeoutSeconds;\n'
             '    }\n\n'
             '    protected abstract SchedulerDriver createDriver();\n\n' + MESOS)(v), [
             (1, 'java-00-mesos-driver-thread-without-handler',
              'an edit lets the driver thread run without catching its failure, so a runtime exception kills the '
              'thread without a trace and leaves the scheduler marked running with a dead driver', 'edit'),
             (2, 'java-00-mesos-registration-wait-swallows-interrupt',
              'an edit answers an interrupted wait for the framework\'s registration with false and drops the '
              'interrupt', 'edit'),
             (0, 'java-ok-00-mesos-driver-thread-handled',
              'clean: the fix catches and logs the driver thread\'s failure and resets the state in a finally', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: results retriever of a security-scan plug-in (appscan-plugin)
APPSCAN = template('appscan-results-retriever', r'''
/** Fetches the scan results in the background and attaches them to the build once they are in. */
public class ResultsRetriever extends AppScanAction {
    private static final Logger LOGGER = Logger.getLogger(ResultsRetriever.class.getName());

    private final transient ResultsProvider m_provider;
    private final transient ExecutorService executor;
    private transient Future<Boolean> futureTask;

    public ResultsRetriever(Run<?, ?> build, ResultsProvider provider, ExecutorService executor) {
        super(build);
        m_provider = provider;
        this.executor = executor;
        futureTask = executor.submit(m_provider::hasResults);
    }

    public boolean checkResults(Run<?, ?> r) {
        boolean results = false;
        if (futureTask != null && futureTask.isDone()) {
            try {
                results = futureTask.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) { //@{1}ERR-01
02|                LOGGER.log(Level.WARNING, "Fetching the scan results failed", e.getCause());
            }
            if (results) {
                publishResults(r);
            }
        }
        return results;
    }

    private void publishResults(Run<?, ?> r) {
01|        executor.execute(() -> {
01|            try {
01|                r.addAction(createResults());
01|                r.save();
01|            } catch (IOException e) {
01|                LOGGER.log(Level.WARNING, "Could not save the scan results to the build", e);
01|            }
01|        });
2|        executor.submit(() -> { //@CONC-06
2|            r.addAction(createResults());
2|            r.save();
2|            return null;
2|        });
    }
}
''')
cases_of(case, GH + 'jenkinsci/appscan-plugin/pull/69',
         src('com.hcl.appscan.jenkins.plugin.actions', 'ResultsRetriever'),
         J('com.hcl.appscan.jenkins.plugin.actions', [
             'com.hcl.appscan.sdk.results.ResultsProvider', 'hudson.model.Run', 'java.io.IOException',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Future', 'java.util.logging.Level', 'java.util.logging.Logger'])(APPSCAN), [
             (1, 'java-00-appscan-results-fetch-failure-swallowed',
              'an edit drops the failure of the background results fetch in an empty catch, so a scan whose results '
              'never arrive shows nothing in the build and nothing in the log', 'edit'),
             (2, 'java-00-appscan-results-publish-future-dropped',
              'an edit publishes the results through submit and drops the future, so a failure to save them to the '
              'build is lost with it', 'edit'),
             (0, 'java-ok-00-appscan-results-fetch-failure-logged',
              'clean: the fix logs the cause of a failed results fetch', 'fix'),
         ])
