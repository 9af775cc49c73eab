"""Round-121 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-04: Kubernetes API client factory of a delivery platform's delegate (harness-core)
HARNESSK8S = template('harness-k8s-api-client-factory', r'''
/**
 * Builds the Kubernetes API clients the delegate's deployment tasks use. Every call except watches is bounded by
 * connect and read timeouts (configurable through the environment), and all clients share one connection pool.
 */
@Singleton
public class ApiClientFactoryImpl implements ApiClientFactory {
    private static final Logger log = LoggerFactory.getLogger(ApiClientFactoryImpl.class);
    static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;
    static final long DEFAULT_READ_TIMEOUT_SECONDS = 120;

    private final OkHttpClient httpClient;

    @Inject
    public ApiClientFactoryImpl() {
02|        this.httpClient = new OkHttpClient.Builder()
02|                .connectTimeout(timeoutFromEnv("K8S_API_CONNECT_TIMEOUT_SECONDS", DEFAULT_CONNECT_TIMEOUT_SECONDS), TimeUnit.SECONDS)
02|                .readTimeout(timeoutFromEnv("K8S_API_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS), TimeUnit.SECONDS)
02|                .retryOnConnectionFailure(true)
02|                .build();
1|        this.httpClient = new OkHttpClient.Builder() //@TMO-01
1|                .readTimeout(0, TimeUnit.SECONDS)
1|                .retryOnConnectionFailure(true)
1|                .build();
    }

    @Override
    public ApiClient getClient(KubernetesConfig kubernetesConfig) {
        ApiClient apiClient = new ApiClient();
        apiClient.setBasePath(kubernetesConfig.getMasterUrl());
01|        apiClient.setHttpClient(httpClient.newBuilder()
01|                .sslSocketFactory(sslSocketFactory(kubernetesConfig), trustManager(kubernetesConfig))
01|                .build());
2|        apiClient.setHttpClient(new OkHttpClient.Builder() //@RES-04
2|                .connectTimeout(DEFAULT_CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                .readTimeout(DEFAULT_READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                .sslSocketFactory(sslSocketFactory(kubernetesConfig), trustManager(kubernetesConfig))
2|                .build());
        if (kubernetesConfig.getServiceAccountTokenSupplier() != null) {
            apiClient.setApiKeyPrefix("Bearer");
            apiClient.setApiKey(kubernetesConfig.getServiceAccountTokenSupplier().get());
        }
        return apiClient;
    }

    static long timeoutFromEnv(String name, long defaultSeconds) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return defaultSeconds;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            log.warn("Ignoring {}={}: not a number of seconds, using {}", name, value, defaultSeconds, e);
            return defaultSeconds;
        }
    }

    private static SSLSocketFactory sslSocketFactory(KubernetesConfig config) {
        return KubernetesSslSupport.socketFactory(config.getCaCert(), config.getClientCert(), config.getClientKey());
    }

    private static X509TrustManager trustManager(KubernetesConfig config) {
        return KubernetesSslSupport.trustManager(config.getCaCert());
    }
}
''')
_HK_PKG = 'io.harness.k8s.apiclient'
_HK = SLF4J + ['com.google.inject.Inject', 'com.google.inject.Singleton', 'io.harness.k8s.model.KubernetesConfig',
               'io.kubernetes.client.openapi.ApiClient', 'java.util.concurrent.TimeUnit', 'javax.net.ssl.SSLSocketFactory',
               'javax.net.ssl.X509TrustManager', 'okhttp3.OkHttpClient']
cases_of(case, GH + 'harness/harness-core/pull/48994', '930-delegate-tasks/' + src(_HK_PKG, 'ApiClientFactoryImpl'),
         J(_HK_PKG, _HK)(HARNESSK8S), [
             (1, 'java-00-harness-k8s-api-client-without-read-timeout',
              'an edit builds the shared Kubernetes HTTP client with a read timeout of zero, so a call to an API '
              'server that stops answering parks the delegate\'s thread for good', 'edit'),
             (2, 'java-00-harness-k8s-http-client-per-call',
              'an edit builds a new OkHttp client, with its own connection pool and threads, for every Kubernetes API '
              'client the factory hands out', 'edit'),
             (0, 'java-ok-00-harness-k8s-api-client-with-timeouts',
              'clean: the fix bounds connect and read on the shared client, configurable through the environment',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: pod log stream of a workflow engine's Kubernetes plugin (plugin-kubernetes), renamed file
KESTRALOG = template('kestra-pod-log-stream', r'''
/**
 * Receives the bytes of a container's log stream and emits one log entry per line. Several containers of a pod
 * stream at once (watchLog for each container, then a final fetch), so writes are synchronized and a line that
 * both paths deliver is emitted once.
 */
public class LoggingOutputStream extends OutputStream {
    private final Logger logger;
    private final String containerName;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Set<Integer> emittedLines = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
02|    private volatile Instant lastTimestamp;
1|    private Instant lastTimestamp;

    public LoggingOutputStream(Logger logger, String containerName) {
        this.logger = logger;
        this.containerName = containerName;
    }

    @Override
02|    public synchronized void write(int b) {
1|    public void write(int b) {
        if (b != '\n') {
            buffer.write(b); //@{1}CONC-03
            return;
        }
        emit(buffer.toString(StandardCharsets.UTF_8));
        buffer.reset();
    }

    private void emit(String line) {
        if (!emittedLines.add(line.hashCode())) {
01|            duplicates.incrementAndGet();
2|            logger.warn("Skipping duplicate log line of container {}", containerName); //@LOG-01
            return;
        }
        int space = line.indexOf(' ');
        if (space > 0) {
            lastTimestamp = Instant.parse(line.substring(0, space));
            line = line.substring(space + 1);
        }
        logger.info("[{}] {}", containerName, line);
    }

    /** The timestamp of the last line emitted, to resume the final fetch after it. */
    public Instant getLastTimestamp() {
        return lastTimestamp;
    }

    @Override
02|    public synchronized void close() {
1|    public void close() {
        if (buffer.size() > 0) {
            emit(buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
        }
01|        if (duplicates.get() > 0) {
01|            logger.debug("Skipped {} duplicate log lines of container {}", duplicates.get(), containerName);
01|        }
    }
}
''')
_KL_OLD = 'io.kestra.plugin.kubernetes.models'
_KL_PKG = 'io.kestra.plugin.kubernetes.services'
_KL = ['java.io.ByteArrayOutputStream', 'java.io.OutputStream', 'java.nio.charset.StandardCharsets', 'java.time.Instant',
       'java.util.Set', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.atomic.AtomicLong', 'org.slf4j.Logger']
cases_of(case, GH + 'kestra-io/plugin-kubernetes/pull/224', src(_KL_PKG, 'LoggingOutputStream'),
         J(_KL_PKG, _KL)(KESTRALOG), [
             (1, 'java-00-kestra-renamed-log-stream-written-unsynchronized',
              'the log stream moves to the services package and drops the synchronization of its writes, so two '
              'container streams of one pod interleave bytes in the shared line buffer', 'rename'),
             (2, 'java-00-kestra-renamed-log-stream-warns-every-duplicate',
              'the log stream moves to the services package and warns once for every duplicate line it skips, one '
              'warning per log line of a pod whose logs both paths deliver', 'rename'),
             (0, 'java-ok-00-kestra-renamed-log-stream-synchronized',
              'clean: the move alone; writes are synchronized and duplicates are counted and reported once', 'rename'),
         ], rename_from=src(_KL_OLD, 'LoggingOutputStream'),
         rename_old=lambda t: t.replace('package ' + _KL_PKG + ';', 'package ' + _KL_OLD + ';'))


# ---------------------------------------------------------------- CONC-05 / RES-01: docker exec of a confidential computing worker (iexec-common)
IEXECEXEC = template('iexec-docker-exec', r'''
/**
 * Runs a command in a running container and returns what it printed, or empty when the command could not run.
 */
public Optional<String> exec(String containerName, String... cmd) {
    if (!isContainerActive(containerName)) {
        log.warn("Cannot exec in inactive container [containerName:{}]", containerName);
        return Optional.empty();
    }
    ExecCreateCmdResponse execCreate = getClient().execCreateCmd(containerName)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withCmd(cmd)
            .exec();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
02|    try (ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId())
02|            .exec(new ExecStartResultCallback(stdout, stderr))) {
1|    try (ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId())
1|            .exec(new ExecStartResultCallback(stdout, stderr))) {
        if (!callback.awaitCompletion(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("Docker exec timed out [containerName:{}, cmd:{}]", containerName, String.join(" ", cmd));
            return Optional.empty();
        }
    } catch (InterruptedException e) { //@{1}CONC-05
0|        Thread.currentThread().interrupt();
2|        Thread.currentThread().interrupt();
        log.error("Docker exec interrupted [containerName:{}]", containerName, e);
        return Optional.empty();
    } catch (IOException e) {
        log.error("Failed to close docker exec stream [containerName:{}]", containerName, e);
    }
    return Optional.of(stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8));
}
''')
IEXECEXEC_V2 = IEXECEXEC.replace('''02|    try (ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId())
02|            .exec(new ExecStartResultCallback(stdout, stderr))) {
1|    try (ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId())
1|            .exec(new ExecStartResultCallback(stdout, stderr))) {''', '''01|    try (ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId())
01|            .exec(new ExecStartResultCallback(stdout, stderr))) {
2|    ExecStartResultCallback callback = getClient().execStartCmd(execCreate.getId()) //@RES-01
2|            .exec(new ExecStartResultCallback(stdout, stderr));
2|    try {''').replace('''0|        Thread.currentThread().interrupt();
2|        Thread.currentThread().interrupt();''', '''02|        Thread.currentThread().interrupt();''')
TEMPLATES[-1] = ('iexec-docker-exec', IEXECEXEC_V2)
_IX_PKG = 'com.iexec.common.docker.client'
_IX = ['com.github.dockerjava.api.command.ExecCreateCmdResponse', 'com.github.dockerjava.core.command.ExecStartResultCallback',
       'java.io.ByteArrayOutputStream', 'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.Optional',
       'java.util.concurrent.TimeUnit', 'lombok.extern.slf4j.Slf4j']
IEXEC_CLASS = '''@Slf4j
public class DockerClientInstance {
    static final long EXEC_TIMEOUT_SECONDS = 60;

    private final DockerClient client;

    public DockerClientInstance(DockerClient client) {
        this.client = client;
    }

    public DockerClient getClient() {
        return client;
    }

    public boolean isContainerActive(String containerName) {
        return Boolean.TRUE.equals(client.inspectContainerCmd(containerName).exec().getState().getRunning());
    }

%s}
'''
def _iexec(v):
    body = variant(IEXECEXEC_V2, v)
    body = '\n'.join(('    ' + l) if l else l for l in body.strip('\n').split('\n')) + '\n'
    return java(_IX_PKG, sorted(set(_IX + ['com.github.dockerjava.api.DockerClient'])), IEXEC_CLASS % body)
cases_of(case, GH + 'iExecBlockchainComputing/iexec-common/pull/372', src(_IX_PKG, 'DockerClientInstance'), _iexec, [
             (1, 'java-00-iexec-docker-exec-interrupt-swallowed',
              'an edit drops the restore of the interrupt flag when the wait for a docker exec is interrupted, so the '
              'worker thread that is being stopped carries on', 'edit'),
             (2, 'java-00-iexec-docker-exec-stream-left-open',
              'an edit takes the docker exec\'s result callback out of its try-with-resources, so its attached stream '
              'is never closed', 'edit'),
             (0, 'java-ok-00-iexec-docker-exec-interrupt-restored',
              'clean: the fix restores the interrupt flag before giving up on the exec', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: Jib build of a Kubernetes Maven plugin (fabric8-maven-plugin)
FMPJIB = template('fmp-jib-build', r'''
/**
 * Builds container images with Jib. Jib's log events are printed through a single-threaded executor so that the
 * progress footer and the messages never interleave; the executor is drained when the build ends, however it ends.
 */
public class JibServiceUtil {
    private static final long JIB_EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS = 10L;
    private static final String JIB_LOG_PREFIX = "JIB> ";

    private JibServiceUtil() {
    }

    public static void buildContainer(JibContainerBuilder containerBuilder, TarImage image, Logger logger)
            throws InterruptedException {
        SingleThreadedExecutor singleThreadedExecutor = new SingleThreadedExecutor(); //@{1}RES-01
        try {
            containerBuilder.containerize(containerizerFor(image, logger, singleThreadedExecutor));
1|            singleThreadedExecutor.shutDownAndAwaitTermination(Duration.ofSeconds(10));
        } catch (CacheDirectoryCreationException | IOException | ExecutionException | RegistryException e) {
            logger.error("Unable to build the image tarball: %s", e.getMessage());
            throw new IllegalStateException(e);
02|        } finally {
02|            singleThreadedExecutor.shutDownAndAwaitTermination(Duration.ofSeconds(JIB_EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS));
        }
    }

    private static Containerizer containerizerFor(TarImage image, Logger logger, SingleThreadedExecutor executor) {
        return Containerizer.to(image)
                .addEventHandler(LogEvent.class, event -> executor.execute(() -> log(logger, event)))
                .addEventHandler(ProgressEvent.class, event -> executor.execute(() -> logger.progressUpdate(
                        event.getAllocation().getDescription(), "", String.valueOf(event.getUnits()))));
    }

    private static void log(Logger logger, LogEvent event) {
        switch (event.getLevel()) {
            case ERROR:
                logger.error("%s%s", JIB_LOG_PREFIX, event.getMessage());
                break;
            case WARN:
                logger.warn("%s%s", JIB_LOG_PREFIX, event.getMessage());
                break;
            case DEBUG:
01|                logger.debug("%s%s", JIB_LOG_PREFIX, event.getMessage());
2|                logger.debug(JIB_LOG_PREFIX + event.getMessage()); //@LOG-02
                break;
            default:
                logger.info("%s%s", JIB_LOG_PREFIX, event.getMessage());
                break;
        }
    }
}
''')
_FMP_PKG = 'io.fabric8.maven.core.service.kubernetes.jib'
_FMP = ['com.google.cloud.tools.jib.api.CacheDirectoryCreationException', 'com.google.cloud.tools.jib.api.Containerizer',
        'com.google.cloud.tools.jib.api.JibContainerBuilder', 'com.google.cloud.tools.jib.api.LogEvent',
        'com.google.cloud.tools.jib.api.RegistryException', 'com.google.cloud.tools.jib.api.TarImage',
        'com.google.cloud.tools.jib.event.events.ProgressEvent',
        'com.google.cloud.tools.jib.plugins.common.logging.SingleThreadedExecutor',
        'io.fabric8.maven.docker.util.Logger', 'java.io.IOException', 'java.time.Duration',
        'java.util.concurrent.ExecutionException']
cases_of(case, GH + 'fabric8io/fabric8-maven-plugin/pull/1796', 'core/' + src(_FMP_PKG, 'JibServiceUtil'),
         J(_FMP_PKG, _FMP)(FMPJIB), [
             (1, 'java-00-fmp-jib-log-executor-not-shut-down-on-failure',
              'an edit shuts the Jib log executor down only after a successful build, so a failed build leaves its '
              'thread running in the Maven JVM', 'edit'),
             (2, 'java-00-fmp-jib-debug-log-concatenated',
              'an edit builds the Jib debug line by string concatenation instead of the logger\'s format arguments',
              'edit'),
             (0, 'java-ok-00-fmp-jib-log-executor-shut-down-in-finally',
              'clean: the fix shuts the Jib log executor down in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-04: gRPC error relay of an IaC provider SDK (pulumi-java), new file
PULUMIERR = template('pulumi-provider-error-interceptor', r'''
/**
 * Relays an exception thrown by a provider method (the SDK's own code or the user's implementation) to the engine
 * as a gRPC status that carries its message and stack trace, instead of the bare INTERNAL error gRPC sends by
 * default. The method being served is kept in a thread-local for the provider's log lines while it runs.
 */
public final class ErrorHandlingInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingInterceptor.class);
    private static final ThreadLocal<String> CURRENT_METHOD = new ThreadLocal<>();

    /** The full name of the provider method served on this thread, or null outside a call. */
    public static String currentMethod() {
        return CURRENT_METHOD.get();
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        ServerCall.Listener<ReqT> delegate = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onHalfClose() {
                CURRENT_METHOD.set(method); //@{2}CONC-04
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) { //@{1}ERR-01
02|                    log.debug("Provider method {} failed", method, e);
02|                    call.close(Status.INTERNAL.withDescription(describe(e)).withCause(e), new Metadata());
1|                    call.close(Status.INTERNAL, new Metadata());
01|                } finally {
01|                    CURRENT_METHOD.remove();
                }
            }
        };
    }

    static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getClass().getName() + ": " + e.getMessage() + "\n" + trace;
    }
}
''')
_PJ_PKG = 'com.pulumi.provider.internal'
_PJ = SLF4J + ['io.grpc.ForwardingServerCallListener', 'io.grpc.Metadata', 'io.grpc.ServerCall',
               'io.grpc.ServerCallHandler', 'io.grpc.ServerInterceptor', 'io.grpc.Status', 'java.io.PrintWriter',
               'java.io.StringWriter']
cases_of(case, GH + 'pulumi/pulumi-java/pull/1677', 'sdk/java/pulumi/' + src(_PJ_PKG, 'ErrorHandlingInterceptor'),
         J(_PJ_PKG, _PJ)(PULUMIERR), [
             (1, 'java-00-pulumi-provider-error-relayed-without-cause',
              'a new interceptor catches a provider method\'s exception and answers a bare INTERNAL status, dropping '
              'the exception\'s message and stack trace', 'new'),
             (2, 'java-00-pulumi-provider-current-method-not-removed',
              'a new interceptor relays provider errors but sets the thread-local of the method being served without '
              'removing it in a finally block', 'new'),
             (0, 'java-ok-00-pulumi-provider-error-relayed-with-cause',
              'clean: the interceptor relays the exception\'s description and cause and clears its thread-local in '
              'a finally block', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / TIME-01: build relist of an OpenShift Jenkins sync plugin (jenkins-sync-plugin)
SYNCBUILDS = template('openshift-sync-build-relist', r'''
/**
 * Keeps Jenkins jobs in step with OpenShift Builds. Besides the watch, a relist runs every few minutes and replays
 * the Builds in creation order, so that events the watch missed are not lost.
 */
public class BuildWatcher {
    private static final Logger LOGGER = Logger.getLogger(BuildWatcher.class.getName());
    static final Comparator<Build> CREATION_ORDER = Comparator.comparing(BuildWatcher::creationTime);

    private final OpenShiftClient client;
    private final String[] namespaces;
    private final long relistIntervalSeconds;
    private final ScheduledExecutorService relistExecutor;

    public BuildWatcher(OpenShiftClient client, String[] namespaces, long relistIntervalSeconds) {
        this.client = client;
        this.namespaces = namespaces;
        this.relistIntervalSeconds = relistIntervalSeconds;
        this.relistExecutor = Executors.newSingleThreadScheduledExecutor(BuildWatcher::relistThread);
    }

    private static Thread relistThread(Runnable task) {
        Thread thread = new Thread(task, "openshift-sync-build-relist");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOGGER.log(Level.SEVERE, "Uncaught error in the Build relist thread", e));
        return thread;
    }

    public void start() {
02|        relistExecutor.scheduleWithFixedDelay(this::relistSafely, 0, relistIntervalSeconds, TimeUnit.SECONDS);
1|        relistExecutor.scheduleWithFixedDelay(this::relistBuilds, 0, relistIntervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }

02|    private void relistSafely() {
02|        try {
02|            relistBuilds();
02|        } catch (Throwable t) {
02|            LOGGER.log(Level.SEVERE, "Failed to load initial Builds; retrying at the next relist", t);
02|        }
02|    }
02|
    void relistBuilds() {
        for (String namespace : namespaces) {
            List<Build> builds = new ArrayList<>(client.builds().inNamespace(namespace)
                    .withLabel(OPENSHIFT_LABELS_BUILD_CONFIG_NAME).list().getItems());
            builds.sort(CREATION_ORDER);
            for (Build build : builds) {
                BuildSyncRunListener.upsertJobRun(build);
            }
        }
    }

    static Instant creationTime(Build build) {
        String timestamp = build.getMetadata().getCreationTimestamp();
        if (timestamp == null) {
            return Instant.EPOCH;
        }
01|        return Instant.parse(timestamp);
2|        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'").parse(timestamp, new ParsePosition(0)).toInstant(); //@TIME-01
    }

    public void stop() {
        relistExecutor.shutdown();
    }
}
''')
_OS_PKG = 'io.fabric8.jenkins.openshiftsync'
_OS = ['io.fabric8.openshift.api.model.Build', 'io.fabric8.openshift.client.OpenShiftClient', 'java.time.Instant',
       'java.util.ArrayList', 'java.util.Comparator', 'java.util.List', 'java.util.concurrent.Executors',
       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
       'java.util.logging.Logger', 'static io.fabric8.jenkins.openshiftsync.Constants.OPENSHIFT_LABELS_BUILD_CONFIG_NAME']
cases_of(case, GH + 'openshift/jenkins-sync-plugin/issues/180', src(_OS_PKG, 'BuildWatcher'),
         JV(_OS_PKG, {0: _OS, 1: _OS, 2: _OS + ['java.text.ParsePosition', 'java.text.SimpleDateFormat']})(SYNCBUILDS), [
             (1, 'java-00-openshift-sync-relist-scheduled-unguarded',
              'an edit schedules the Build relist without its catch, so one failed list ends relisting until Jenkins '
              'restarts', 'edit'),
             (2, 'java-00-openshift-sync-creation-time-in-default-zone',
              'an edit parses the Builds\' UTC creation timestamps with a formatter in the JVM\'s default zone',
              'edit'),
             (0, 'java-ok-00-openshift-sync-relist-guarded',
              'clean: the fix schedules a relist that catches and logs its failures', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: secrets watch of a Jenkins Kubernetes credentials provider (kubernetes-credentials-provider-plugin)
K8SCREDS = template('k8s-credentials-provider-watch', r'''
    @Initializer(after = InitMilestone.PLUGINS_PREPARED, fatal = false)
    public void startWatchingForSecrets() {
        final String initialLabelSelector = SecretUtils.JENKINS_IO_CREDENTIALS_TYPE_LABEL;
        try {
            KubernetesClient _client = getKubernetesClient();
            LOG.log(Level.FINER, "retrieving secrets with selector: {0}", initialLabelSelector);
            SecretList list = _client.secrets().withLabel(initialLabelSelector).list();
            for (Secret s : list.getItems()) {
                addSecret(s, false);
            }
01|            LOG.log(Level.FINE, "Loaded {0} Kubernetes credentials", list.getItems().size());
2|            LOG.fine("Loaded " + list.getItems().size() + " Kubernetes credentials"); //@LOG-02
            watch = _client.secrets().withLabel(initialLabelSelector)
                    .watch(list.getMetadata().getResourceVersion(), this);
            reconnectAttempts.set(0);
        } catch (KubernetesClientException kex) { //@{1}ERR-01
02|            LOG.log(Level.SEVERE, "Failed to initialise k8s secret provider, secrets from Kubernetes will not be available", kex);
02|            reportError(kex);
1|            watch = null;
        }
    }

    @Override
    public void onClose(WatcherException cause) {
        if (cause == null) {
            return;
        }
        LOG.log(Level.WARNING, "Secrets watch closed unexpectedly, restarting it", cause);
        startWatchingForSecrets();
    }
''')
_KC_PKG = 'com.cloudbees.jenkins.plugins.kubernetes_credentials_provider'
_KC = ['hudson.init.InitMilestone', 'hudson.init.Initializer', 'io.fabric8.kubernetes.api.model.Secret',
       'io.fabric8.kubernetes.api.model.SecretList', 'io.fabric8.kubernetes.client.KubernetesClient',
       'io.fabric8.kubernetes.client.KubernetesClientException', 'io.fabric8.kubernetes.client.Watch',
       'io.fabric8.kubernetes.client.Watcher', 'io.fabric8.kubernetes.client.WatcherException',
       'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level', 'java.util.logging.Logger',
       'jenkins.model.Jenkins']
KC_CLASS = '''/**
 * Provides the Kubernetes secrets labelled as Jenkins credentials. The secrets are listed once and then watched;
 * a watch that closes with an error is started again, and a failure to start it is reported to the administrator.
 */
public abstract class KubernetesCredentialProviderWatch implements Watcher<Secret> {
    private static final Logger LOG = Logger.getLogger(KubernetesCredentialProviderWatch.class.getName());

    private final AtomicInteger reconnectAttempts = new AtomicInteger();
    private volatile Watch watch;

    abstract KubernetesClient getKubernetesClient();

    abstract void addSecret(Secret secret, boolean notify);

    void reportError(KubernetesClientException kex) {
        Jenkins.get().getExtensionList(KubernetesCredentialsAdministrativeMonitor.class).get(0).setError(kex);
    }

%s}
'''
cases_of(case, GH + 'jenkinsci/kubernetes-credentials-provider-plugin/pull/31',
         src(_KC_PKG, 'KubernetesCredentialProviderWatch'),
         lambda v: java(_KC_PKG, sorted(_KC), KC_CLASS % variant(K8SCREDS, v).strip('\n').__add__('\n')), [
             (1, 'java-00-k8s-credentials-watch-start-failure-dropped',
              'an edit swallows the client exception of the secrets list and watch, so credentials silently stop '
              'coming from Kubernetes and nobody is told', 'edit'),
             (2, 'java-00-k8s-credentials-loaded-count-concatenated',
              'an edit logs the count of loaded credentials by string concatenation at FINE level', 'edit'),
             (0, 'java-ok-00-k8s-credentials-watch-start-failure-reported',
              'clean: the fix logs and reports a failure to list or watch the secrets', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-01: instance provisioning of a Jenkins Compute Engine cloud (google-compute-engine-plugin), CRLF file
GCELAUNCH = template('gce-instance-provision', r'''
    /**
     * Sends the insert request for a new agent instance and returns the node that will wait for it. The launch
     * timeout is configured in seconds; the node keeps it in seconds and converts it where it waits.
     */
    public ComputeEngineInstance provision(Label label) throws IOException {
        String instanceId = uniqueName();
        Instance instance = instance(label, instanceId);
        Operation operation = getCloud().getClient().insertInstance(getCloud().getProjectId(), template, instance);
        LOGGER.log(Level.INFO, "Sent insert request for instance configuration [{0}]", description);
        return ComputeEngineInstance.builder()
                .cloud(getCloud())
                .name(instance.getName())
                .zone(ComputeEngineCloud.nameFromSelfLink(zone))
                .insertOperationId(operation.getName())
02|                .launchTimeout(getLaunchTimeoutSeconds())
1|                .launchTimeout(getLaunchTimeoutMillis()) //@TMO-01
                .retentionStrategy(retentionStrategy())
                .build();
    }

    /**
     * Polls the insert operation until it is done or the node's launch timeout passes. An operation that has expired
     * on the Compute Engine side answers 404 on every poll; that is reported once, not on every poll.
     */
    static Operation waitForInsert(ComputeClient client, ComputeEngineInstance node, String projectId)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + node.getLaunchTimeoutMillis();
        boolean notFoundReported = false;
        while (System.currentTimeMillis() < deadline) {
            try {
                Operation operation = client.getZoneOperation(projectId, node.getZone(), node.getInsertOperationId());
                if ("DONE".equals(operation.getStatus())) {
                    return operation;
                }
            } catch (GoogleJsonResponseException e) {
01|                if (!notFoundReported) {
01|                    LOGGER.log(Level.WARNING, "Insert operation {0} not found; waiting for the instance until the launch timeout",
01|                            node.getInsertOperationId());
01|                    notFoundReported = true;
01|                }
2|                LOGGER.log(Level.WARNING, "Error retrieving operation.", e); //@LOG-01
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Error polling an insert operation; polling again", e);
            }
            Thread.sleep(POLL_INTERVAL_MILLIS);
        }
        return null;
    }
''')
_GCE_PKG = 'com.google.jenkins.plugins.computeengine'
_GCE = ['com.google.api.client.googleapis.json.GoogleJsonResponseException', 'com.google.api.services.compute.model.Instance',
        'com.google.api.services.compute.model.Operation', 'com.google.cloud.graphite.platforms.plugin.client.ComputeClient',
        'hudson.model.Label', 'java.io.IOException', 'java.util.logging.Level', 'java.util.logging.Logger']
GCE_CLASS = '''public abstract class InstanceProvisioner {
    private static final Logger LOGGER = Logger.getLogger(InstanceProvisioner.class.getName());
    static final long POLL_INTERVAL_MILLIS = 5_000;

    protected String description;
    protected String zone;
    protected String template;
    protected int launchTimeoutSeconds;

    abstract ComputeEngineCloud getCloud();

    abstract String uniqueName();

    abstract Instance instance(Label label, String instanceId) throws IOException;

    abstract ComputeEngineRetentionStrategy retentionStrategy();

    public long getLaunchTimeoutSeconds() {
        return launchTimeoutSeconds;
    }

    public long getLaunchTimeoutMillis() {
        return launchTimeoutSeconds * 1000L;
    }

%s}
'''
cases_of(case, GH + 'jenkinsci/google-compute-engine-plugin/pull/562', src(_GCE_PKG, 'InstanceProvisioner'),
         lambda v: java(_GCE_PKG, sorted(_GCE), GCE_CLASS % (variant(GCELAUNCH, v).strip('\n') + '\n')), [
             (1, 'java-00-gce-launch-timeout-passed-in-millis',
              'an edit hands the node its launch timeout in milliseconds where seconds are expected, so the wait for '
              'a new instance runs a thousand times longer than configured', 'edit'),
             (2, 'java-00-gce-insert-poll-warns-every-poll',
              'an edit logs a warning with a stack trace on every poll of an insert operation that is no longer '
              'found, one every five seconds for as long as the launch waits', 'edit'),
             (0, 'java-ok-00-gce-launch-timeout-in-seconds',
              'clean: the fix hands the node its launch timeout in seconds', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / CONC-01: container group provisioning of a Jenkins Azure container agents plugin (azure-container-agents-plugin)
ACIPROV = template('aci-container-group-provision', r'''
    /**
     * Deploys the container group of a new agent and waits until it runs. A deployment that fails or never starts
     * is deleted again, so that failed provisioning does not leave container groups (and their cost) behind.
     */
    public void createDeployment(AciCloud cloud, AciContainerTemplate template, AciAgent agent) throws Exception {
        String deployName = deploymentName(template);
02|        boolean running = false;
02|        try {
02|            azureClient(cloud).deployments().define(deployName)
02|                    .withExistingResourceGroup(cloud.getResourceGroup())
02|                    .withTemplate(templateJson(template, agent))
02|                    .withParameters(parameters(template, agent))
02|                    .withMode(DeploymentMode.INCREMENTAL)
02|                    .create();
02|            waitUntilRunning(cloud, agent, template.getTimeout());
02|            running = true;
02|        } finally {
02|            if (!running) {
02|                LOGGER.log(Level.WARNING, "Deployment {0} of agent {1} did not start; deleting it", new Object[] {deployName, agent.getNodeName()});
02|                deleteDeployment(cloud, deployName);
02|            }
02|        }
1|        azureClient(cloud).deployments().define(deployName) //@RES-01
1|                .withExistingResourceGroup(cloud.getResourceGroup())
1|                .withTemplate(templateJson(template, agent))
1|                .withParameters(parameters(template, agent))
1|                .withMode(DeploymentMode.INCREMENTAL)
1|                .create();
1|        waitUntilRunning(cloud, agent, template.getTimeout());
    }

    /** Provisions the agent on its own thread so that the cloud's provisioner is not held up by the deployment. */
    public void provisionAsync(AciCloud cloud, AciContainerTemplate template, AciAgent agent) {
        Thread provisioner = new Thread(() -> provision(cloud, template, agent), "aci-provision-" + agent.getNodeName()); //@{2}CONC-01
        provisioner.setDaemon(true);
01|        provisioner.setUncaughtExceptionHandler((t, e) -> {
01|            LOGGER.log(Level.SEVERE, "Provisioning of an ACI agent failed; removing its node", e);
01|            removeNode(agent);
01|        });
        provisioner.start();
    }
''')
_ACI_PKG = 'com.microsoft.jenkins.containeragents.aci'
_ACI = ['com.azure.resourcemanager.resources.models.DeploymentMode', 'java.util.logging.Level', 'java.util.logging.Logger']
ACI_CLASS = '''public abstract class AciService {
    private static final Logger LOGGER = Logger.getLogger(AciService.class.getName());

    abstract AzureResourceManager azureClient(AciCloud cloud);

    abstract String deploymentName(AciContainerTemplate template);

    abstract String templateJson(AciContainerTemplate template, AciAgent agent) throws Exception;

    abstract String parameters(AciContainerTemplate template, AciAgent agent) throws Exception;

    abstract void waitUntilRunning(AciCloud cloud, AciAgent agent, int timeoutMinutes) throws Exception;

    abstract void deleteDeployment(AciCloud cloud, String deployName);

    abstract void provision(AciCloud cloud, AciContainerTemplate template, AciAgent agent);

    abstract void removeNode(AciAgent agent);

%s}
'''
cases_of(case, GH + 'jenkinsci/azure-container-agents-plugin/issues/74', src(_ACI_PKG, 'AciService'),
         lambda v: java(_ACI_PKG, sorted(_ACI + ['com.azure.resourcemanager.AzureResourceManager']),
                        ACI_CLASS % (variant(ACIPROV, v).strip('\n') + '\n')), [
             (1, 'java-00-aci-failed-deployment-left-behind',
              'an edit drops the deletion of a container group deployment that fails or never starts, leaving it '
              'running and billed after the agent is given up', 'edit'),
             (2, 'java-00-aci-provision-thread-without-handler',
              'an edit starts each agent\'s provisioning thread without an uncaught-exception handler, so a failure '
              'there is lost and the planned node is never removed', 'edit'),
             (0, 'java-ok-00-aci-failed-deployment-deleted',
              'clean: the fix deletes a deployment that did not start', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / OPS-01: event watcher of a Kubernetes operator (weblogic-kubernetes-operator)
WLSWATCH = template('weblogic-watcher-events', r'''
/**
 * Delivers the events of a Kubernetes watch to the operator's listener on a dispatcher thread. At most
 * MAX_PENDING_EVENTS events wait for delivery; beyond that the watcher drops them and asks for a relist, which
 * rebuilds the state the dropped events carried. Stopping lets the dispatcher deliver what is already queued.
 */
public abstract class Watcher<T> {
    private static final LoggingFacade LOGGER = LoggingFactory.getLogger("Operator", "Operator");
    static final int MAX_PENDING_EVENTS = 1_000;
    static final long STOP_DRAIN_MILLIS = 5_000;

02|    private final BlockingQueue<Watch.Response<T>> pending = new ArrayBlockingQueue<>(MAX_PENDING_EVENTS);
1|    private final BlockingQueue<Watch.Response<T>> pending = new LinkedBlockingQueue<>(); //@CONC-02
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final WatchListener<T> listener;
    private final Thread dispatcher;

    protected Watcher(String name, WatchListener<T> listener) {
        this.listener = listener;
        this.dispatcher = new Thread(this::dispatchLoop, "watcher-" + name);
        this.dispatcher.setDaemon(true);
        this.dispatcher.setUncaughtExceptionHandler((t, e) -> LOGGER.severe(MessageKeys.EXCEPTION, e));
    }

    public void start() {
        dispatcher.start();
    }

    /** Called by the watch for every event it receives. */
    void enqueue(Watch.Response<T> item) {
        if (!pending.offer(item) && dropped.getAndIncrement() == 0) {
            LOGGER.warning(MessageKeys.WATCH_EVENTS_DROPPED, getClass().getSimpleName());
            requestRelist();
        }
    }

    private void dispatchLoop() {
        try {
            while (!stopping.get() || !pending.isEmpty()) {
                Watch.Response<T> item = pending.poll(1, TimeUnit.SECONDS);
                if (item != null) {
                    listener.receivedResponse(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected abstract void requestRelist();

    public void stop() throws InterruptedException {
        stopping.set(true);
02|        dispatcher.join(STOP_DRAIN_MILLIS);
1|        dispatcher.join(STOP_DRAIN_MILLIS);
2|        dispatcher.interrupt(); //@OPS-01
    }
}
''')
WLSWATCH_FIXED = WLSWATCH.replace('''02|        dispatcher.join(STOP_DRAIN_MILLIS);
1|        dispatcher.join(STOP_DRAIN_MILLIS);
2|''', '''01|        dispatcher.join(STOP_DRAIN_MILLIS);
2|''')
TEMPLATES[-1] = ('weblogic-watcher-events', WLSWATCH_FIXED)
_WL_PKG = 'oracle.kubernetes.operator'
_WL = ['io.kubernetes.client.util.Watch', 'java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.atomic.AtomicBoolean', 'java.util.concurrent.atomic.AtomicLong',
       'oracle.kubernetes.operator.logging.LoggingFacade', 'oracle.kubernetes.operator.logging.LoggingFactory',
       'oracle.kubernetes.operator.logging.MessageKeys']
WLS_TEST = f('operator/' + tst(_WL_PKG, 'WatcherQueueTest'), new=java(_WL_PKG, [
    'static org.hamcrest.MatcherAssert.assertThat', 'static org.hamcrest.Matchers.equalTo',
    'io.kubernetes.client.util.Watch', 'org.junit.jupiter.api.Test'], r'''
class WatcherQueueTest {

    @Test
    void whenListenerStalls_pendingEventsStayBounded() {
        CountingWatcher watcher = new CountingWatcher(response -> { });
        for (int i = 0; i < Watcher.MAX_PENDING_EVENTS + 10; i++) {
            watcher.enqueue(new Watch.Response<>("MODIFIED", "pod-" + i));
        }
        assertThat(watcher.relists, equalTo(1));
    }

    static class CountingWatcher extends Watcher<String> {
        int relists;

        CountingWatcher(WatchListener<String> listener) {
            super("test", listener);
        }

        @Override
        protected void requestRelist() {
            relists++;
        }
    }
}
'''))
cases_of(case, GH + 'oracle/weblogic-kubernetes-operator/pull/313', 'operator/' + src(_WL_PKG, 'Watcher'),
         JV(_WL_PKG, {0: _WL + ['java.util.concurrent.ArrayBlockingQueue'],
                      1: _WL + ['java.util.concurrent.LinkedBlockingQueue'],
                      2: _WL + ['java.util.concurrent.ArrayBlockingQueue']})(WLSWATCH_FIXED), [
             (1, 'java-00-weblogic-watcher-pending-events-unbounded',
              'an edit makes the queue of events waiting for the listener unbounded, so a stalled listener lets the '
              'watch fill the operator\'s heap', 'edit'),
             (2, 'java-00-weblogic-watcher-stop-interrupts-dispatcher',
              'an edit makes stop interrupt the dispatcher instead of letting it deliver the events already queued',
              'edit'),
             (0, 'java-ok-00-weblogic-watcher-pending-events-bounded',
              'clean: the fix bounds the pending events and asks for a relist when they overflow; a test checks the '
              'bound', 'fix', [WLS_TEST]),
         ])
