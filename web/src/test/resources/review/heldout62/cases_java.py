"""Round-62 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-04: Vault secrets provider of an identity server (keycloak-secrets-vault-provider)
KCVAULT = template('keycloak-vault-secrets-provider', r'''
/**
 * Resolves Keycloak vault expressions such as {@code ${vault.smtp-password}} from a HashiCorp Vault or OpenBao KV
 * engine.
 */
public class OpenBaoVaultProvider implements VaultProvider {
    private static final Logger logger = Logger.getLogger(OpenBaoVaultProvider.class);
02|    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
02|    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI address;
    private final String kvMount;
    private final String realm;
    private final TokenSource tokenSource;
01|    private final HttpClient httpClient;
2|    private final SSLContext sslContext;

    public OpenBaoVaultProvider(URI address, String kvMount, String realm, TokenSource tokenSource,
            SSLContext sslContext) {
        this.address = address;
        this.kvMount = kvMount;
        this.realm = realm;
        this.tokenSource = tokenSource;
01|        this.httpClient = HttpClient.newBuilder() //@{1}TMO-01
0|                .connectTimeout(CONNECT_TIMEOUT)
01|                .sslContext(sslContext)
01|                .build();
2|        this.sslContext = sslContext;
    }

    @Override
    public VaultRawSecret obtainSecret(String vaultSecretId) {
        URI uri = address.resolve("/v1/" + kvMount + "/data/" + realm + "/" + vaultSecretId);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("X-Vault-Token", tokenSource.currentToken())
02|                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
2|        HttpClient httpClient = HttpClient.newBuilder() //@RES-04
2|                .connectTimeout(CONNECT_TIMEOUT)
2|                .sslContext(sslContext)
2|                .build();
        try {
            HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return DefaultVaultRawSecret.forBuffer(Optional.empty());
            }
            if (response.statusCode() != 200) {
                logger.warnf("Vault answered %d for secret %s", response.statusCode(), vaultSecretId);
                return DefaultVaultRawSecret.forBuffer(Optional.empty());
            }
            String value = JsonSerialization.readValue(response.body(), KvResponse.class).value();
            return DefaultVaultRawSecret.forBuffer(Optional.of(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new VaultException("Could not read secret " + vaultSecretId + " from " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("Interrupted while reading secret " + vaultSecretId, e);
        }
    }

    @Override
    public void close() {
    }
}
''')
KCVAULT_BASE = ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                'java.net.http.HttpResponse', 'java.nio.ByteBuffer', 'java.nio.charset.StandardCharsets',
                'java.util.Optional', 'org.jboss.logging.Logger', 'org.keycloak.util.JsonSerialization',
                'org.keycloak.vault.DefaultVaultRawSecret', 'org.keycloak.vault.VaultProvider',
                'org.keycloak.vault.VaultRawSecret', 'javax.net.ssl.SSLContext']
cases_of(case, GH + 'Nordix/keycloak-secrets-vault-provider/pull/65', src('io.github.nordix.keycloak.vault', 'OpenBaoVaultProvider'),
         JV('io.github.nordix.keycloak.vault', {0: KCVAULT_BASE + ['java.time.Duration'], 1: KCVAULT_BASE,
                                                2: KCVAULT_BASE + ['java.time.Duration']})(KCVAULT), [
             (1, 'java-00-keycloak-vault-new-provider-client-without-timeouts',
              'a new vault provider reads secrets with an HTTP client and requests that have no timeout, so a Vault '
              'that stops answering blocks every login that resolves a vault expression', 'new'),
             (2, 'java-00-keycloak-vault-new-provider-client-per-secret',
              'a new vault provider builds a fresh HTTP client, with its own pool and selector thread, for every '
              'secret it resolves', 'new'),
             (0, 'java-ok-00-keycloak-vault-new-provider',
              'clean: a new vault provider with one shared client, a connect timeout and a timeout on every request',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: execution directory cleaner of a workflow scheduler (azkaban), moved to its own class
AZKABAN = template('azkaban-execution-dir-cleaner', r'''
/**
 * Deletes the working directories of finished executions once they are older than the retention period.
 */
public class ExecutionDirCleaner {
    private static final Logger logger = LoggerFactory.getLogger(ExecutionDirCleaner.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("azk-execution-dir-cleaner").setDaemon(true).build());
    private final File executionDirectory;
    private final Duration retention;
    private final Set<Integer> runningExecutions;

    public ExecutionDirCleaner(File executionDirectory, Duration retention, Set<Integer> runningExecutions) {
        this.executionDirectory = executionDirectory;
        this.retention = retention;
        this.runningExecutions = runningExecutions;
    }

    public void start() {
02|        scheduler.scheduleAtFixedRate(this::cleanSafely, 1, 60, TimeUnit.MINUTES);
1|        scheduler.scheduleAtFixedRate(this::clean, 1, 60, TimeUnit.MINUTES); //@CONC-07
    }

02|    private void cleanSafely() {
02|        try {
02|            clean();
02|        } catch (Throwable t) {
02|            logger.error("Cleaning execution directories failed; retrying at the next run", t);
02|        }
02|    }
02|
    void clean() {
        long cutoff = System.currentTimeMillis() - retention.toMillis();
        File[] dirs = executionDirectory.listFiles(File::isDirectory);
        if (dirs == null) {
            throw new UncheckedIOException(new IOException("Cannot list " + executionDirectory));
        }
        int deleted = 0;
        for (File dir : dirs) {
            int execId = Integer.parseInt(dir.getName());
            if (runningExecutions.contains(execId) || dir.lastModified() >= cutoff) {
                continue;
            }
01|            logger.debug("Deleting execution directory {}", dir);
2|            logger.debug("Deleting execution directory " + dir.getAbsolutePath() + " of execution " + execId); //@LOG-02
            try {
                FileUtils.deleteDirectory(dir);
                deleted++;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + dir, e);
            }
        }
        logger.info("Deleted {} old execution directories", deleted);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'azkaban/azkaban/issues/423', 'azkaban-exec-server/' + src('azkaban.execapp', 'ExecutionDirCleaner'),
         J('azkaban.execapp', SLF4J + [
             'com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.io.File', 'java.io.IOException',
             'java.io.UncheckedIOException', 'java.time.Duration', 'java.util.Set',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.apache.commons.io.FileUtils'])(AZKABAN), [
             (1, 'java-00-azkaban-moved-cleaner-dies-on-first-failure',
              'a PR moves the execution directory cleaner into its own class and schedules it without a catch, so '
              'the first directory that cannot be read or deleted stops all later cleanups silently', 'rename'),
             (2, 'java-00-azkaban-moved-cleaner-concatenates-debug-log',
              'a PR moves the execution directory cleaner into its own class and builds its per-directory debug '
              'line by concatenation, so every sweep formats a string per directory with debug off', 'rename'),
             (0, 'java-ok-00-azkaban-moved-cleaner',
              'clean: the move alone; the scheduled cleanup catches everything and logs with placeholders',
              'rename'),
         ], rename_from='azkaban-exec-server/' + src('azkaban.execapp', 'CleanerThread'),
         rename_old=lambda t: t.replace('ExecutionDirCleaner', 'CleanerThread'))


# ---------------------------------------------------------------- CONC-03 / CONC-06: in-memory job service of a workflow engine (kogito runtimes)
KOGITO = template('kogito-in-memory-jobs', r'''
public class InMemoryJobService implements JobsService {
    private static final Logger LOGGER = LoggerFactory.getLogger(InMemoryJobService.class);

02|    private final Map<String, ScheduledFuture<?>> scheduledJobs = new ConcurrentHashMap<>();
1|    private final Map<String, ScheduledFuture<?>> scheduledJobs = new HashMap<>(); //@CONC-03
    private final ScheduledExecutorService scheduler;
    private final ExecutorService processExecutor;
    private final ProcessRuntime processRuntime;

    public InMemoryJobService(ProcessRuntime processRuntime, ScheduledExecutorService scheduler,
            ExecutorService processExecutor) {
        this.processRuntime = processRuntime;
        this.scheduler = scheduler;
        this.processExecutor = processExecutor;
    }

    @Override
    public String scheduleProcessInstanceJob(ProcessInstanceJobDescription description) {
        long delay = calculateDelay(description.expirationTime().get());
        ScheduledFuture<?> future = scheduler.schedule(() -> trigger(description), delay, TimeUnit.MILLISECONDS);
        scheduledJobs.put(description.id(), future);
        LOGGER.debug("Scheduled job {} for process instance {}", description.id(), description.processInstanceId());
        return description.id();
    }

    @Override
    public boolean cancelJob(String id) {
        ScheduledFuture<?> future = scheduledJobs.remove(id);
        return future != null && future.cancel(false);
    }

    private void trigger(ProcessInstanceJobDescription description) {
        scheduledJobs.remove(description.id());
        try {
01|            processExecutor.execute(() -> signalTimer(description));
2|            processExecutor.submit(() -> signalTimer(description)); //@CONC-06
        } catch (RejectedExecutionException e) {
            LOGGER.error("Job {} could not be handed to the process executor", description.id(), e);
        }
    }

    private void signalTimer(ProcessInstanceJobDescription description) {
        processRuntime.signalEvent("timerTriggered", new TimerInstance(description.id(), description.timerId()),
                description.processInstanceId());
    }

    private long calculateDelay(ZonedDateTime expirationDate) {
        return Math.max(0, Duration.between(ZonedDateTime.now(), expirationDate).toMillis());
    }
}
''')
KOGITO_BASE = SLF4J + ['java.time.Duration', 'java.time.ZonedDateTime', 'java.util.Map',
                       'java.util.concurrent.ExecutorService', 'java.util.concurrent.RejectedExecutionException',
                       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
                       'java.util.concurrent.TimeUnit', 'org.kie.kogito.jobs.JobsService',
                       'org.kie.kogito.jobs.ProcessInstanceJobDescription', 'org.kie.kogito.process.ProcessRuntime',
                       'org.kie.kogito.timer.TimerInstance']
cases_of(case, GH + 'apache/incubator-kie-kogito-runtimes/pull/3606',
         'jbpm/jbpm-flow/' + src('org.kie.kogito.services.jobs.impl', 'InMemoryJobService'),
         JV('org.kie.kogito.services.jobs.impl', {0: KOGITO_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                                                  1: KOGITO_BASE + ['java.util.HashMap'],
                                                  2: KOGITO_BASE + ['java.util.concurrent.ConcurrentHashMap']})(KOGITO), [
             (1, 'java-00-kogito-scheduled-jobs-in-plain-hash-map',
              'an edit keeps the scheduled jobs in a plain HashMap that timer threads and request threads update at '
              'once, so jobs get lost or cancelled jobs fire', 'edit'),
             (2, 'java-00-kogito-timer-signal-submitted-and-dropped',
              'an edit submits the timer signal and drops its future, so a process instance whose signal fails '
              'stays waiting with no trace of the failure', 'edit'),
             (0, 'java-ok-00-kogito-scheduled-jobs-in-concurrent-map',
              'clean: the fix keeps the scheduled jobs in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: user repository of a Keycloak database federation (singular-keycloak-database-federation)
SINGULAR = template('singular-keycloak-user-repository', r'''
public class UserRepository {
    private static final Logger log = Logger.getLogger(UserRepository.class);

    private final DataSourceProvider dataSourceProvider;
    private final QueryConfigurations queryConfigurations;

    public UserRepository(DataSourceProvider dataSourceProvider, QueryConfigurations queryConfigurations) {
        this.dataSourceProvider = dataSourceProvider;
        this.queryConfigurations = queryConfigurations;
    }

    private <T> T doQuery(String query, Pageable pageable, Function<ResultSet, T> resultTransformer, Object... params) {
        Optional<DataSource> dataSourceOpt = dataSourceProvider.getDataSource();
        if (dataSourceOpt.isEmpty()) {
            return null;
        }
        DataSource dataSource = dataSourceOpt.get();
        String sql = pageable == null ? query : PagingUtil.formatScriptWithPageable(query, pageable, queryConfigurations.getRDBMS());
        log.debugv("Query: {0} params: {1}", sql, Arrays.toString(params));
02|        try (Connection c = dataSource.getConnection();
02|             PreparedStatement statement = c.prepareStatement(sql)) {
1|        try {
1|            Connection c = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return resultTransformer.apply(rs);
            }
01|        } catch (SQLException e) {
01|            throw new DataAccessException("Query failed: " + sql, e);
01|        }
2|        } catch (SQLException ignored) { //@ERR-01
2|            return null;
2|        }
    }

    public Map<String, String> findUserByUsername(String username) {
        return doQuery(queryConfigurations.getFindByUsername(), null, this::readSingle, username);
    }

    public List<Map<String, String>> findUsers(String search, Pageable pageable) {
        if (search == null || search.isEmpty()) {
            return doQuery(queryConfigurations.getListAll(), pageable, this::readMap);
        }
        return doQuery(queryConfigurations.getFindBySearchTerm(), pageable, this::readMap, search);
    }

    private Map<String, String> readSingle(ResultSet rs) {
        List<Map<String, String>> rows = readMap(rs);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Map<String, String>> readMap(ResultSet rs) {
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read the result of a user query", e);
        }
    }
}
''')
cases_of(case, GH + 'opensingular/singular-keycloak-database-federation/pull/14',
         src('org.opensingular.dbuserprovider.persistence', 'UserRepository'),
         J('org.opensingular.dbuserprovider.persistence', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.Arrays', 'java.util.HashMap', 'java.util.List', 'java.util.Map',
             'java.util.Optional', 'java.util.function.Function', 'javax.sql.DataSource', 'org.jboss.logging.Logger',
             'org.opensingular.dbuserprovider.DataAccessException', 'org.opensingular.dbuserprovider.model.QueryConfigurations',
             'org.opensingular.dbuserprovider.util.PagingUtil', 'org.opensingular.dbuserprovider.util.PagingUtil.Pageable'])(SINGULAR), [
             (1, 'java-00-singular-keycloak-user-query-connection-never-closed',
              'an edit takes the query\'s connection and statement out of try-with-resources and never closes them, '
              'so every user lookup keeps a pooled connection until the pool is exhausted', 'edit'),
             (2, 'java-00-singular-keycloak-user-query-failure-swallowed',
              'an edit turns a failed user query into a null result, so a broken database looks to Keycloak like an '
              'unknown user and logins fail without a trace', 'edit'),
             (0, 'java-ok-00-singular-keycloak-user-query-resources-closed',
              'clean: the fix keeps the connection and statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: Keycloak admin client provider of a configuration CLI (keycloak-config-cli)
KCCONFIG = template('keycloak-config-cli-provider', r'''
@Component
public class KeycloakProvider implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(KeycloakProvider.class);

    private final KeycloakConfigProperties properties;
    private Keycloak keycloak;

    @Autowired
    public KeycloakProvider(KeycloakConfigProperties properties) {
        this.properties = properties;
    }

    public Keycloak getInstance() {
        if (keycloak == null || keycloak.isClosed()) {
            keycloak = properties.getAvailabilityCheck().isEnabled() ? getKeycloakWithRetry() : createKeycloak();
        }
        return keycloak;
    }

    private Keycloak getKeycloakWithRetry() {
        Duration timeout = properties.getAvailabilityCheck().getTimeout();
        Duration retryDelay = properties.getAvailabilityCheck().getRetryDelay();
        long deadline = System.nanoTime() + timeout.toNanos();

        while (System.nanoTime() < deadline) {
            Keycloak candidate = createKeycloak();
            if (isAvailable(candidate)) { //@{1}RES-01
                return candidate;
            }
02|            candidate.close();
            try {
                Thread.sleep(retryDelay.toMillis());
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                throw new KeycloakProviderException("Interrupted while waiting for Keycloak", e);
2|            } catch (InterruptedException ignored) { //@CONC-05
2|                logger.debug("Woken up early while waiting for Keycloak; checking again");
            }
        }
        throw new KeycloakProviderException("Could not connect to keycloak in " + timeout.getSeconds() + " seconds");
    }

    private boolean isAvailable(Keycloak candidate) {
        try {
            candidate.serverInfo().getInfo();
            return true;
        } catch (ProcessingException | WebApplicationException e) {
            logger.debug("Keycloak at {} is not available yet: {}", properties.getUrl(), e.getMessage());
            return false;
        }
    }

    private Keycloak createKeycloak() {
        return KeycloakBuilder.builder()
                .serverUrl(properties.getUrl())
                .realm(properties.getLoginRealm())
                .clientId(properties.getClientId())
                .clientSecret(properties.getClientSecret())
                .username(properties.getUser())
                .password(properties.getPassword())
                .grantType(properties.getGrantType())
                .build();
    }

    @Override
    public void close() {
        if (keycloak != null && !keycloak.isClosed()) {
            keycloak.close();
        }
    }
}
''')
cases_of(case, GH + 'adorsys/keycloak-config-cli/pull/683', src('de.adorsys.keycloak.config.provider', 'KeycloakProvider'),
         J('de.adorsys.keycloak.config.provider', SLF4J + [
             'de.adorsys.keycloak.config.exception.KeycloakProviderException',
             'de.adorsys.keycloak.config.properties.KeycloakConfigProperties', 'jakarta.ws.rs.ProcessingException',
             'jakarta.ws.rs.WebApplicationException', 'java.time.Duration', 'org.keycloak.admin.client.Keycloak',
             'org.keycloak.admin.client.KeycloakBuilder', 'org.springframework.beans.factory.annotation.Autowired',
             'org.springframework.stereotype.Component'])(KCCONFIG), [
             (1, 'java-00-keycloak-config-cli-failed-client-never-closed',
              'an edit stops closing the admin client of a failed availability check, so every retry while Keycloak '
              'starts leaves a client with its connection pool behind', 'edit'),
             (2, 'java-00-keycloak-config-cli-retry-swallows-interrupt',
              'an edit keeps retrying when the wait between availability checks is interrupted, so a CLI asked to '
              'stop keeps polling until the timeout and loses the interrupt', 'edit'),
             (0, 'java-ok-00-keycloak-config-cli-failed-client-closed',
              'clean: the fix closes the admin client of every failed availability check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-01: operator start-up of a Java operator SDK (java-operator-sdk)
JOSDK = template('java-operator-sdk-operator-start', r'''
public class Operator implements LifecycleAware {
    private static final Logger log = LoggerFactory.getLogger(Operator.class);

    private final OkHttpClient httpClient;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String masterUrl;
    private final List<ControllerRef> controllers = new ArrayList<>();
    private volatile boolean started;

    public Operator(OkHttpClient httpClient, String masterUrl) {
        this.httpClient = httpClient;
        this.masterUrl = masterUrl;
    }

    public void register(ControllerRef controller) {
        controllers.add(controller);
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        logServerVersion();
        controllers.forEach(this::startController);
        started = true;
        log.info("Operator started with {} controllers", controllers.size());
    }

    private void logServerVersion() {
        Request request = new Request.Builder().url(masterUrl + "version").get().build();
02|        try (Response response = httpClient.newCall(request).execute()) {
1|        try {
1|            Response response = httpClient.newCall(request).execute(); //@RES-02
            if (!response.isSuccessful()) {
                log.warn("Could not read the Kubernetes server version: HTTP {}", response.code());
                return;
            }
            VersionInfo info = mapper.readValue(response.body().string(), VersionInfo.class);
            log.info("Kubernetes server version: {}.{}", info.getMajor(), info.getMinor());
        } catch (IOException e) {
            log.warn("Could not read the Kubernetes server version", e);
        }
    }

    private void startController(ControllerRef controller) {
        Thread thread = new Thread(controller::run, "controller-" + controller.name()); //@{2}CONC-01
01|        thread.setUncaughtExceptionHandler(
01|                (t, e) -> log.error("Controller {} stopped after an unexpected error", controller.name(), e));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        controllers.forEach(ControllerRef::stop);
        started = false;
    }
}
''')
cases_of(case, GH + 'operator-framework/java-operator-sdk/issues/625',
         'operator-framework-core/' + src('io.javaoperatorsdk.operator', 'Operator'),
         J('io.javaoperatorsdk.operator', SLF4J + [
             'com.fasterxml.jackson.databind.ObjectMapper', 'io.fabric8.kubernetes.client.VersionInfo',
             'io.javaoperatorsdk.operator.api.LifecycleAware', 'java.io.IOException', 'java.util.ArrayList',
             'java.util.List', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(JOSDK), [
             (1, 'java-00-java-operator-sdk-version-response-never-closed',
              'an edit takes the server version call out of try-with-resources, so an unsuccessful answer leaves its '
              'connection unreleased and OkHttp reports a leak', 'edit'),
             (2, 'java-00-java-operator-sdk-controller-thread-without-handler',
              'an edit starts each controller on a thread without an uncaught-exception handler, so a controller '
              'that dies takes its reconciliation away without a log line', 'edit'),
             (0, 'java-ok-00-java-operator-sdk-version-response-closed',
              'clean: the fix closes the version response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-01: pod launcher of a CI server's Kubernetes plugin (jenkins kubernetes-plugin)
K8SPLUGIN = template('jenkins-kubernetes-launcher', r'''
public class PodReadinessWaiter {
    private static final Logger LOGGER = Logger.getLogger(PodReadinessWaiter.class.getName());
    private static final long POLL_INTERVAL_MS = 1000;

    private final KubernetesClient client;
    private final Duration connectTimeout;

    public PodReadinessWaiter(KubernetesClient client, Duration connectTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
    }

    public Pod waitUntilRunning(String namespace, String podName, TaskListener listener) throws InterruptedException {
        long deadline = System.currentTimeMillis() + connectTimeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
            if (pod == null) {
                throw new IllegalStateException("Pod " + namespace + "/" + podName + " no longer exists");
            }
            String phase = pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase();
            if ("Running".equals(phase) && allContainersReady(pod)) {
                listener.getLogger().printf("Pod %s/%s is running%n", namespace, podName);
                return pod;
            }
            if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
                throw new IllegalStateException("Pod " + podName + " terminated before it was ready: " + phase);
            }
2|            LOGGER.log(Level.INFO, "Pod {0}/{1} is {2}; waiting", new Object[] {namespace, podName, phase}); //@LOG-01
1|            try {
1|                Thread.sleep(POLL_INTERVAL_MS);
1|            } catch (InterruptedException e) { //@CONC-05
1|                LOGGER.log(Level.FINE, "Interrupted while waiting for pod {0}; trying again", podName);
1|            }
02|            Thread.sleep(POLL_INTERVAL_MS);
        }
        throw new IllegalStateException("Pod " + podName + " was not running after " + connectTimeout.getSeconds() + " s");
    }

    private static boolean allContainersReady(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses != null && statuses.stream().allMatch(ContainerStatus::getReady);
    }
}
''')
cases_of(case, GH + 'jenkinsci/kubernetes-plugin/pull/385',
         src('org.csanchez.jenkins.plugins.kubernetes', 'PodReadinessWaiter'),
         J('org.csanchez.jenkins.plugins.kubernetes', [
             'hudson.model.TaskListener', 'io.fabric8.kubernetes.api.model.ContainerStatus',
             'io.fabric8.kubernetes.api.model.Pod', 'io.fabric8.kubernetes.client.KubernetesClient',
             'java.time.Duration', 'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger'])(K8SPLUGIN), [
             (1, 'java-00-jenkins-kubernetes-pod-wait-retries-after-interrupt',
              'an edit catches the interrupt of the wait for a pod and keeps polling, so an aborted build keeps its '
              'executor busy until the connect timeout and the interrupt is lost', 'edit'),
             (2, 'java-00-jenkins-kubernetes-pod-wait-logs-every-poll',
              'an edit logs every poll of a starting pod at info level, so a busy controller writes a line per agent '
              'per second while pods are scheduled', 'edit'),
             (0, 'java-ok-00-jenkins-kubernetes-pod-wait-interruptible',
              'clean: the fix lets the interrupt of the wait propagate to the launcher', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-01: token service of an OpenID Connect server (MITREid Connect)
MITREID = template('mitreid-token-service', r'''
@Service("defaultOAuth2ProviderTokenService")
public class DefaultOAuth2ProviderTokenService {
    private static final Logger logger = LoggerFactory.getLogger(DefaultOAuth2ProviderTokenService.class);

    @PersistenceContext(unitName = "defaultPersistenceUnit")
    private EntityManager manager;

    @Autowired
    private JWTSigningAndValidationService jwtService;

    @Autowired
    private ConfigurationPropertiesBean configBean;

    public OAuth2AccessTokenEntity createAccessToken(ClientDetailsEntity client, AuthenticationHolderEntity authHolder) {
        OAuth2AccessTokenEntity token = new OAuth2AccessTokenEntity();
        token.setClient(client);
        token.setAuthenticationHolder(authHolder);

02|        Instant issuedAt = Instant.now();
02|        Date issueTime = Date.from(issuedAt);
1|        LocalDateTime issuedAt = LocalDateTime.now(); //@TIME-01
1|        Date issueTime = Date.from(issuedAt.toInstant(ZoneOffset.UTC));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(configBean.getIssuer())
                .audience(client.getClientId())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(issueTime);
        Integer validity = client.getAccessTokenValiditySeconds();
        if (validity != null && validity > 0) {
02|            Date expiration = Date.from(issuedAt.plusSeconds(validity));
1|            Date expiration = Date.from(issuedAt.plusSeconds(validity).toInstant(ZoneOffset.UTC));
            claims.expirationTime(expiration);
            token.setExpiration(expiration);
        }

        SignedJWT signed = new SignedJWT(new JWSHeader(jwtService.getDefaultSigningAlgorithm()), claims.build());
        jwtService.signJwt(signed);
        token.setJwt(signed);
        return token;
    }

    public int clearExpiredTokens() {
        EntityTransaction tx = manager.getTransaction();
        tx.begin(); //@{2}TX-01
01|        try {
01|            int removed = manager.createQuery("DELETE FROM OAuth2AccessTokenEntity t WHERE t.expiration < :now")
01|                    .setParameter("now", new Date())
01|                    .executeUpdate();
01|            tx.commit();
01|            logger.info("Removed {} expired access tokens", removed);
01|            return removed;
01|        } catch (RuntimeException e) {
01|            if (tx.isActive()) {
01|                tx.rollback();
01|            }
01|            throw e;
01|        }
2|        int removed = manager.createQuery("DELETE FROM OAuth2AccessTokenEntity t WHERE t.expiration < :now")
2|                .setParameter("now", new Date())
2|                .executeUpdate();
2|        tx.commit();
2|        logger.info("Removed {} expired access tokens", removed);
2|        return removed;
    }
}
''')
MITREID_BASE = SLF4J + ['com.nimbusds.jose.JWSHeader', 'com.nimbusds.jwt.JWTClaimsSet', 'com.nimbusds.jwt.SignedJWT',
                        'java.util.Date', 'java.util.UUID', 'javax.persistence.EntityManager',
                        'javax.persistence.EntityTransaction', 'javax.persistence.PersistenceContext',
                        'org.mitre.jwt.signer.service.JWTSigningAndValidationService',
                        'org.mitre.oauth2.model.AuthenticationHolderEntity', 'org.mitre.oauth2.model.ClientDetailsEntity',
                        'org.mitre.oauth2.model.OAuth2AccessTokenEntity', 'org.mitre.openid.connect.config.ConfigurationPropertiesBean',
                        'org.springframework.beans.factory.annotation.Autowired', 'org.springframework.stereotype.Service']
cases_of(case, GH + 'mitreid-connect/OpenID-Connect-Java-Spring-Server/issues/176',
         'openid-connect-server/' + src('org.mitre.oauth2.service.impl', 'DefaultOAuth2ProviderTokenService'),
         JV('org.mitre.oauth2.service.impl', {0: MITREID_BASE + ['java.time.Instant'],
                                              1: MITREID_BASE + ['java.time.LocalDateTime', 'java.time.ZoneOffset'],
                                              2: MITREID_BASE + ['java.time.Instant']})(MITREID), [
             (1, 'java-00-mitreid-token-times-from-local-wall-clock',
              'an edit takes the token\'s issue time from the server\'s local wall clock and reads it as UTC, so on '
              'any server not running in UTC tokens are issued and expire hours off', 'edit'),
             (2, 'java-00-mitreid-expired-token-cleanup-left-open',
              'an edit drops the rollback of the expired-token cleanup, so a failed delete leaves its transaction '
              'active on the entity manager for the next caller', 'edit'),
             (0, 'java-ok-00-mitreid-token-times-from-instant',
              'clean: the fix takes the token times from an Instant', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-04: token persistence of an API manager's auth server (wso2 carbon-auth), CRLF
CARBONAUTH = template('wso2-carbon-auth-token-dao', r'''
public class OAuthDAOImpl implements OAuthDAO {
    private static final Logger log = LoggerFactory.getLogger(OAuthDAOImpl.class);
    private static final String INSERT_TOKEN = "INSERT INTO AUTH_OAUTH2_ACCESS_TOKEN (ACCESS_TOKEN, REFRESH_TOKEN, "
            + "CLIENT_ID, AUTHZ_USER, TIME_CREATED, VALIDITY_PERIOD, TOKEN_STATE) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final TenantContextHolder tenantContext;

    public OAuthDAOImpl(DataSource dataSource, TenantContextHolder tenantContext) {
        this.dataSource = dataSource;
        this.tenantContext = tenantContext;
    }

    @Override
    public void addAccessTokenInfo(String tenantDomain, AccessTokenDTO token) throws OAuthDAOException {
        tenantContext.set(tenantDomain); //@{2}CONC-04
01|        try {
01|            insertToken(token);
01|        } finally {
01|            tenantContext.remove();
01|        }
2|        insertToken(token);
    }

    private void insertToken(AccessTokenDTO token) throws OAuthDAOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_TOKEN)) {
            statement.setString(1, token.getAccessToken());
            statement.setString(2, token.getRefreshToken());
            statement.setString(3, token.getClientId());
            statement.setString(4, token.getAuthUser());
02|            statement.setTimestamp(5, new Timestamp(token.getTimeCreated()), utcCalendar());
1|            statement.setTimestamp(5, new Timestamp(token.getTimeCreated())); //@TIME-01
            statement.setLong(6, token.getValidityPeriod());
            statement.setString(7, token.getTokenState());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OAuthDAOException("Error while storing the access token of " + token.getClientId(), e);
        }
    }

    @Override
    public boolean isTokenActive(String accessToken) throws OAuthDAOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT TIME_CREATED, VALIDITY_PERIOD FROM AUTH_OAUTH2_ACCESS_TOKEN WHERE ACCESS_TOKEN = ?")) {
            statement.setString(1, accessToken);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                long created = rs.getTimestamp(1, utcCalendar()).getTime();
                long validity = rs.getLong(2);
                return validity < 0 || created + validity > System.currentTimeMillis();
            }
        } catch (SQLException e) {
            throw new OAuthDAOException("Error while reading the access token", e);
        }
    }

    private static Calendar utcCalendar() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
''')
cases_of(case, GH + 'wso2/carbon-auth/pull/132',
         'components/org.wso2.carbon.auth.oauth/' + src('org.wso2.carbon.auth.oauth.dao.impl', 'OAuthDAOImpl'),
         J('org.wso2.carbon.auth.oauth.dao.impl', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.sql.Timestamp', 'java.util.Calendar', 'java.util.TimeZone', 'javax.sql.DataSource',
             'org.wso2.carbon.auth.core.tenant.TenantContextHolder', 'org.wso2.carbon.auth.oauth.dao.OAuthDAO',
             'org.wso2.carbon.auth.oauth.dto.AccessTokenDTO',
             'org.wso2.carbon.auth.oauth.exception.OAuthDAOException'])(CARBONAUTH), [
             (1, 'java-00-wso2-carbon-auth-token-time-stored-in-server-zone',
              'an edit stores the token\'s creation time without the UTC calendar the reads use, so on a server not '
              'running in UTC tokens expire hours early or late', 'edit'),
             (2, 'java-00-wso2-carbon-auth-tenant-context-never-removed',
              'an edit sets the tenant of the request on a thread-local and never removes it, so the pooled thread '
              'carries one tenant\'s domain into the next request', 'edit'),
             (0, 'java-ok-00-wso2-carbon-auth-token-time-stored-in-utc',
              'clean: the fix stores the creation time with the UTC calendar', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-02 / ERR-01: platform detection and watch of an operator framework (jvm-operators abstract-operator)
ABSTRACTOP = template('abstract-operator-platform-watch', r'''
public abstract class AbstractOperator<T extends EntityInfo> {
    protected final Logger log = LoggerFactory.getLogger(getClass());

    protected final KubernetesClient client;
    protected final OkHttpClient httpClient;
    protected final String namespace;
    protected volatile boolean fullReconciliationRequested;

    protected AbstractOperator(KubernetesClient client, OkHttpClient httpClient, String namespace) {
        this.client = client;
        this.httpClient = httpClient;
        this.namespace = namespace;
    }

    protected abstract void onAdd(T entity);

    protected abstract void onDelete(T entity);

    protected boolean isOpenShift() {
        Request request = new Request.Builder()
                .url(client.getMasterUrl() + "apis/route.openshift.io/v1")
                .get()
                .build();
        Response response = null;
        try {
            response = httpClient.newCall(request).execute();
            return response.code() == 200;
        } catch (IOException e) { //@{1}RES-02
            log.warn("Could not detect the platform; assuming plain Kubernetes", e);
            return false;
02|        } finally {
02|            if (response != null) {
02|                response.close();
02|            }
        }
    }

    protected void handleAction(Watcher.Action action, T entity) {
        log.info("{} {} in namespace {}", action, entity.getName(), namespace);
        try {
            switch (action) {
                case ADDED:
                case MODIFIED:
                    onAdd(entity);
                    break;
                case DELETED:
                    onDelete(entity);
                    break;
                default:
                    log.warn("Unknown action {} for {}", action, entity.getName());
            }
01|        } catch (RuntimeException e) {
01|            log.error("Handling {} of {} failed; requesting a full reconciliation", action, entity.getName(), e);
01|            fullReconciliationRequested = true;
01|        }
2|        } catch (RuntimeException ignored) { //@ERR-01
2|            // the next periodic reconciliation repairs whatever this event left behind
2|        }
    }
}
''')
cases_of(case, GH + 'jvm-operators/abstract-operator/issues/40',
         src('io.radanalytics.operator.common', 'AbstractOperator'),
         J('io.radanalytics.operator.common', SLF4J + [
             'io.fabric8.kubernetes.client.KubernetesClient', 'io.fabric8.kubernetes.client.Watcher',
             'java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(ABSTRACTOP), [
             (1, 'java-00-abstract-operator-platform-probe-response-never-closed',
              'an edit drops the close of the platform probe\'s response, so every operator start leaks a connection '
              'and OkHttp warns that a response body was never closed', 'edit'),
             (2, 'java-00-abstract-operator-watch-action-failure-swallowed',
              'an edit swallows a failed watch action without a log line or a full reconciliation request, so a '
              'resource the operator could not create silently stays missing', 'edit'),
             (0, 'java-ok-00-abstract-operator-platform-probe-response-closed',
              'clean: the fix closes the probe\'s response in a finally block', 'fix'),
         ])
