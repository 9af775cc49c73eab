"""Round-92 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / LOG-02: Jib build service of a Kubernetes build tool (jkube)
JKUBE = template('jkube-jib-build-service', r'''
public class JibBuildService extends AbstractImageBuildService {

    private static final String PREFIX = "JIB";

    private final KitLogger kitLogger;
    private final JibLogger jibLogger;
    private final JKubeConfiguration configuration;

    public JibBuildService(JKubeServiceHub jKubeServiceHub) {
        super(jKubeServiceHub);
        this.kitLogger = new PrefixedLogger(PREFIX, jKubeServiceHub.getLog());
        this.jibLogger = new JibLogger(kitLogger);
        this.configuration = jKubeServiceHub.getConfiguration();
    }

    @Override
    public void pushSingleImage(ImageConfiguration imageConfiguration, int retries, boolean skipTag) throws JKubeServiceException {
        final String imageName = imageConfiguration.getName();
        final Credential credential = getRegistryCredentials(configuration.getRegistryConfig(), true, imageName);
        final File tarArchive = getBuildTarArchive(imageConfiguration, configuration);
        final List<String> tags = skipTag ? Collections.emptyList() : imageConfiguration.getBuild().getTags();
01|        kitLogger.info("Pushing image %s", imageName);
2|        kitLogger.debug("Pushing image " + imageName + " with tags " + tags + " from " + tarArchive.getAbsolutePath()); //@LOG-02
        try {
            final Containerizer containerizer = Containerizer.to(RegistryImage.named(imageName).addCredential(
                    credential.getUsername(), credential.getPassword()))
                .setAllowInsecureRegistries(true)
                .setAlwaysCacheBaseImage(true);
            for (String tag : tags) {
                containerizer.withAdditionalTag(tag);
            }
            JibServiceUtil.containerFromImageConfiguration(imageConfiguration, tarArchive)
                .containerize(containerizer.addEventHandler(LogEvent.class, jibLogger));
            kitLogger.info("Pushed image %s", imageName);
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            throw new JKubeServiceException("Thread interrupted while pushing image " + imageName, e);
1|        } catch (InterruptedException e) { //@CONC-05
1|            kitLogger.error("Push of image %s was interrupted: %s", imageName, e.getMessage());
        } catch (RegistryException | CacheDirectoryCreationException | ExecutionException | IOException e) {
            throw new JKubeServiceException("Error when pushing JIB image " + imageName, e);
        }
    }
}
''')
cases_cls = 'org.eclipse.jkube.kit.service.jib'
cases_of(case, GH + 'eclipse-jkube/jkube/pull/948',
         'jkube-kit/service/jib/' + src(cases_cls, 'JibBuildService'),
         J(cases_cls, ['com.google.cloud.tools.jib.api.CacheDirectoryCreationException',
                       'com.google.cloud.tools.jib.api.Containerizer', 'com.google.cloud.tools.jib.api.Credential',
                       'com.google.cloud.tools.jib.api.LogEvent', 'com.google.cloud.tools.jib.api.RegistryException',
                       'com.google.cloud.tools.jib.api.RegistryImage', 'java.io.File', 'java.io.IOException',
                       'java.util.Collections', 'java.util.List', 'java.util.concurrent.ExecutionException',
                       'org.eclipse.jkube.kit.common.JKubeConfiguration', 'org.eclipse.jkube.kit.common.KitLogger',
                       'org.eclipse.jkube.kit.common.PrefixedLogger',
                       'org.eclipse.jkube.kit.config.image.ImageConfiguration',
                       'org.eclipse.jkube.kit.config.service.JKubeServiceException',
                       'org.eclipse.jkube.kit.config.service.JKubeServiceHub',
                       'org.eclipse.jkube.kit.service.build.AbstractImageBuildService'])(JKUBE), [
             (1, 'java-00-jkube-jib-push-interrupt-swallowed',
              'an edit logs an interrupted image push and returns normally, so the build goes on as if the image had '
              'been pushed and the thread\'s interrupt is lost', 'edit'),
             (2, 'java-00-jkube-jib-push-debug-concatenated',
              'an edit logs the push at debug level with a string built by concatenation, so the tag list and the '
              'archive path are rendered for every push even with debug logging off', 'edit'),
             (0, 'java-ok-00-jkube-jib-push-restores-interrupt',
              'clean: the fix restores the interrupt flag and fails the push', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: Consul-to-Nacos sync task of a service discovery sync tool (nacos-sync), CRLF file
NACOSSYNC = template('nacos-sync-consul-sync', r'''
/**
 * Keeps the instances of a Consul service registered in Nacos. Consul has no push to us, so every sync task polls its
 * service on the shared scheduler until the task is deleted.
 */
@Slf4j
@NacosSyncService(sourceCluster = ClusterTypeEnum.CONSUL, destinationCluster = ClusterTypeEnum.NACOS)
public class ConsulSyncToNacosServiceImpl implements SyncService {

    private static final long POLL_SECONDS = 3;

01|    private final Map<String, ScheduledFuture<?>> syncTasks = new ConcurrentHashMap<>();
2|    private final Map<String, ScheduledFuture<?>> syncTasks = new HashMap<>();

    private final ScheduledExecutorService scheduler;
    private final ConsulServerHolder consulServerHolder;
    private final NacosServerHolder nacosServerHolder;
    private final MetricsManager metricsManager;

    public ConsulSyncToNacosServiceImpl(ScheduledExecutorService scheduler, ConsulServerHolder consulServerHolder,
                                        NacosServerHolder nacosServerHolder, MetricsManager metricsManager) {
        this.scheduler = scheduler;
        this.consulServerHolder = consulServerHolder;
        this.nacosServerHolder = nacosServerHolder;
        this.metricsManager = metricsManager;
    }

    @Override
    public boolean sync(TaskDO taskDO) {
        String taskId = taskDO.getTaskId();
01|        syncTasks.computeIfAbsent(taskId, id -> schedule(taskDO));
2|        if (!syncTasks.containsKey(taskId)) {
2|            syncTasks.put(taskId, schedule(taskDO)); //@CONC-03
2|        }
        return true;
    }

    @Override
    public boolean delete(TaskDO taskDO) {
        ScheduledFuture<?> future = syncTasks.remove(taskDO.getTaskId());
        if (future != null) {
            future.cancel(false);
        }
        return true;
    }

    private ScheduledFuture<?> schedule(TaskDO taskDO) {
        return scheduler.scheduleWithFixedDelay(() -> { //@{1}CONC-07
            try {
                syncOnce(taskDO);
02|            } catch (Throwable e) {
1|            } catch (NacosException e) {
                log.error("sync task {} from consul failed, retrying in {}s", taskDO.getTaskId(), POLL_SECONDS, e);
                metricsManager.recordError(MetricsStatisticsType.SYNC_ERROR);
            }
        }, 0, POLL_SECONDS, TimeUnit.SECONDS);
    }

    private void syncOnce(TaskDO taskDO) throws NacosException {
        ConsulClient consul = consulServerHolder.get(taskDO.getSourceClusterId());
        NamingService naming = nacosServerHolder.get(taskDO.getDestClusterId());
        Response<List<HealthService>> response = consul.getHealthServices(taskDO.getServiceName(), true, QueryParams.DEFAULT);
        Set<String> live = new HashSet<>();
        for (HealthService healthService : response.getValue()) {
            Instance instance = buildSyncInstance(healthService, taskDO);
            naming.registerInstance(taskDO.getServiceName(), taskDO.getGroupName(), instance);
            live.add(instance.getIp() + ":" + instance.getPort());
        }
        for (Instance old : naming.getAllInstances(taskDO.getServiceName(), taskDO.getGroupName())) {
            if (isSyncedBy(old, taskDO) && !live.contains(old.getIp() + ":" + old.getPort())) {
                naming.deregisterInstance(taskDO.getServiceName(), taskDO.getGroupName(), old);
            }
        }
    }
}
''')
NS_PKG = 'com.alibaba.nacossync.extension.impl'
NS_IMPORTS = ['com.alibaba.nacos.api.exception.NacosException', 'com.alibaba.nacos.api.naming.NamingService',
              'com.alibaba.nacos.api.naming.pojo.Instance', 'com.alibaba.nacossync.constant.ClusterTypeEnum',
              'com.alibaba.nacossync.constant.MetricsStatisticsType',
              'com.alibaba.nacossync.extension.SyncService', 'com.alibaba.nacossync.extension.annotation.NacosSyncService',
              'com.alibaba.nacossync.extension.holder.ConsulServerHolder',
              'com.alibaba.nacossync.extension.holder.NacosServerHolder',
              'com.alibaba.nacossync.monitor.MetricsManager', 'com.alibaba.nacossync.pojo.model.TaskDO',
              'com.ecwid.consul.v1.ConsulClient', 'com.ecwid.consul.v1.QueryParams', 'com.ecwid.consul.v1.Response',
              'com.ecwid.consul.v1.health.model.HealthService', 'java.util.HashSet', 'java.util.List', 'java.util.Map',
              'java.util.Set', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
              'java.util.concurrent.TimeUnit', 'lombok.extern.slf4j.Slf4j']
cases_of(case, GH + 'nacos-group/nacos-sync/issues/33',
         'nacossync-worker/' + src(NS_PKG, 'ConsulSyncToNacosServiceImpl'),
         JV(NS_PKG, {0: NS_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
                     1: NS_IMPORTS + ['java.util.concurrent.ConcurrentHashMap'],
                     2: NS_IMPORTS + ['java.util.HashMap']})(NACOSSYNC), [
             (1, 'java-00-nacos-sync-consul-poll-without-catch',
              'an edit narrows the scheduled poll\'s catch to Nacos exceptions, so the first runtime failure of the '
              'Consul client (Consul down for a moment) cancels the task\'s schedule and the service is never synced '
              'again', 'edit'),
             (2, 'java-00-nacos-sync-task-map-unsynchronized',
              'an edit keeps the scheduled tasks in a HashMap filled by check-then-put, so two concurrent sync calls '
              'for one task schedule it twice and corrupt the map', 'edit'),
             (0, 'java-ok-00-nacos-sync-consul-poll-catches-all',
              'clean: the fix catches everything inside the scheduled poll', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-01: server connections of a service mesh SDK (polaris-java)
POLARIS = template('polaris-connection-manager', r'''
/**
 * Holds the gRPC connection of each Polaris service cluster the SDK talks to. When the current server fails, the
 * manager probes the next candidate before it switches to it.
 */
public class ConnectionManager extends Destroyable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

    private final Map<ClusterType, ServerAddressList> serverAddresses = new ConcurrentHashMap<>();
    private final long connectTimeoutMs;
    private final Extensions extensions;

    public ConnectionManager(InitContext ctx, Extensions extensions) {
        this.connectTimeoutMs = ctx.getConfig().getGlobal().getServerConnector().getConnectTimeout();
        this.extensions = extensions;
    }

    /**
     * Opens a channel to the candidate and asks it for its health; only a healthy candidate becomes the current
     * server of the cluster.
     */
    boolean probe(ClusterType clusterType, Node candidate) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(candidate.getHost(), candidate.getPort()).usePlaintext().build(); //@{1}RES-01
        try {
            boolean serving = isServing(channel, clusterType, candidate);
1|            channel.shutdownNow();
            return serving;
        } catch (StatusRuntimeException e) {
            LOG.warn("[ConnectionManager] probe of {} for {} failed: {}", candidate, clusterType, e.getStatus());
            return false;
02|        } finally {
02|            channel.shutdownNow();
        }
    }

    private boolean isServing(ManagedChannel channel, ClusterType clusterType, Node candidate) {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(connectTimeoutMs, TimeUnit.MILLISECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
        LOG.debug("[ConnectionManager] probe of {} for {}: {}", candidate, clusterType, response.getStatus());
        return response.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
    }

    /**
     * Called by every request of the SDK (service discovery, heartbeat, rate limit) to pick the connection it uses.
     */
    public Connection getConnection(String opKey, ClusterType clusterType) {
        ServerAddressList addressList = serverAddresses.get(clusterType);
        if (addressList == null) {
            throw new IllegalStateException("no server configured for cluster " + clusterType);
        }
        Connection connection = addressList.tryGetConnection();
2|        LOG.info("[ConnectionManager] {} uses connection {} of {}", opKey, connection, clusterType); //@LOG-01
        if (connection == null) {
            LOG.warn("[ConnectionManager] no ready connection of {} for {}", clusterType, opKey);
        }
        return connection;
    }
}
''')
POL_PKG = 'com.tencent.polaris.plugins.connector.grpc'
cases_of(case, GH + 'polarismesh/polaris-java/pull/359',
         'polaris-plugins/polaris-plugins-connector/connector-polaris-grpc/' + src(POL_PKG, 'ConnectionManager'),
         J(POL_PKG, ['com.tencent.polaris.api.control.Destroyable',
                     'com.tencent.polaris.api.plugin.common.InitContext', 'com.tencent.polaris.api.plugin.compose.Extensions',
                     'com.tencent.polaris.api.pojo.ClusterType', 'com.tencent.polaris.api.utils.Node',
                     'io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'io.grpc.StatusRuntimeException',
                     'io.grpc.health.v1.HealthCheckRequest', 'io.grpc.health.v1.HealthCheckResponse',
                     'io.grpc.health.v1.HealthGrpc', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                     'java.util.concurrent.TimeUnit'] + SLF4J)(POLARIS), [
             (1, 'java-00-polaris-probe-channel-not-shut-down-on-failure',
              'an edit shuts the probe\'s gRPC channel down only after a successful health check, so every failed '
              'probe during a server switch leaves a channel with its connection and threads behind', 'edit'),
             (2, 'java-00-polaris-connection-logged-per-request',
              'an edit logs at info the connection every SDK request picks, so each discovery call and heartbeat of '
              'every service writes a line', 'edit'),
             (0, 'java-ok-00-polaris-probe-channel-shut-down-in-finally',
              'clean: the fix shuts the probe channel down in a finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / ERR-01: Kafka reconciler of a Kubernetes operator (strimzi)
STRIMZI = template('strimzi-kafka-reconciler', r'''
/**
 * Reconciles the Kafka brokers of a Kafka custom resource. Every step returns a Future; a step that fails must fail
 * the reconciliation, which is retried on the next periodic run.
 */
public class KafkaReconciler {

    private static final ReconciliationLogger LOGGER = ReconciliationLogger.create(KafkaReconciler.class.getName());

    private final Reconciliation reconciliation;
    private final Vertx vertx;
    private final PodDisruptionBudgetOperator podDisruptionBudgetOperator;
    private final ConfigMapOperator configMapOperations;
    private final KafkaCluster kafka;

    public KafkaReconciler(Reconciliation reconciliation, Vertx vertx, ResourceOperatorSupplier supplier, KafkaCluster kafka) {
        this.reconciliation = reconciliation;
        this.vertx = vertx;
        this.podDisruptionBudgetOperator = supplier.podDisruptionBudgetOperator;
        this.configMapOperations = supplier.configMapOperations;
        this.kafka = kafka;
    }

    public Future<Void> reconcile(KafkaStatus kafkaStatus, Clock clock) {
        return listeners()
            .compose(i -> brokerConfigurationConfigMaps())
            .compose(i -> podDisruptionBudget())
            .compose(i -> rollingUpdate(clock))
            .compose(i -> updateKafkaStatus(kafkaStatus));
    }

    protected Future<Void> podDisruptionBudget() {
02|        return podDisruptionBudgetOperator
02|            .reconcile(reconciliation, reconciliation.namespace(), kafka.getComponentName(), kafka.generatePodDisruptionBudget())
02|            .mapEmpty();
1|        podDisruptionBudgetOperator
1|            .reconcile(reconciliation, reconciliation.namespace(), kafka.getComponentName(), kafka.generatePodDisruptionBudget()); //@CONC-06
1|        return Future.succeededFuture();
    }

    protected Future<Void> brokerConfigurationConfigMaps() {
        return vertx.executeBlocking(promise -> {
            try {
                List<ConfigMap> configMaps = kafka.generatePerBrokerConfigurationConfigMaps(metricsAndLoggingConfig());
                promise.complete(configMaps);
01|            } catch (Throwable t) {
01|                promise.fail(t);
2|            } catch (Exception e) { //@ERR-01
2|                LOGGER.warnCr(reconciliation, "Failed to generate broker configuration", e);
2|                promise.complete(List.of());
            }
        }).compose(configMaps -> {
            @SuppressWarnings("unchecked")
            List<ConfigMap> maps = (List<ConfigMap>) configMaps;
            List<Future<?>> ops = new ArrayList<>(maps.size());
            for (ConfigMap cm : maps) {
                ops.add(configMapOperations.reconcile(reconciliation, reconciliation.namespace(), cm.getMetadata().getName(), cm));
            }
            return Future.join(ops).mapEmpty();
        });
    }
}
''')
STR_PKG = 'io.strimzi.operator.cluster.operator.assembly'
cases_of(case, GH + 'strimzi/strimzi-kafka-operator/pull/8767',
         'cluster-operator/' + src(STR_PKG, 'KafkaReconciler'),
         J(STR_PKG, ['io.fabric8.kubernetes.api.model.ConfigMap', 'io.strimzi.api.kafka.model.status.KafkaStatus',
                     'io.strimzi.operator.cluster.model.KafkaCluster',
                     'io.strimzi.operator.cluster.operator.resource.ResourceOperatorSupplier',
                     'io.strimzi.operator.common.Reconciliation', 'io.strimzi.operator.common.ReconciliationLogger',
                     'io.strimzi.operator.common.operator.resource.ConfigMapOperator',
                     'io.strimzi.operator.common.operator.resource.PodDisruptionBudgetOperator', 'io.vertx.core.Future',
                     'io.vertx.core.Vertx', 'java.time.Clock', 'java.util.ArrayList', 'java.util.List'])(STRIMZI), [
             (1, 'java-00-strimzi-pdb-future-dropped',
              'an edit starts the pod disruption budget\'s reconciliation and returns success without waiting for its '
              'future, so a rejected budget never fails the reconciliation and its error is lost', 'edit'),
             (2, 'java-00-strimzi-broker-config-failure-swallowed',
              'an edit logs a failure to generate the broker configuration and completes with no config maps, so the '
              'reconciliation reports success while the brokers keep their old configuration', 'edit'),
             (0, 'java-ok-00-strimzi-pdb-future-composed',
              'clean: the fix returns the budget\'s future into the reconciliation chain', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TIME-01: status recorder of a Spark operator (spark-kubernetes-operator)
SPARKOP = template('spark-operator-status-recorder', r'''
/**
 * Persists the status of a SparkApplication. A status update may conflict with a newer version of the resource; the
 * caller then ends this reconcile loop and a new one starts from the latest version.
 */
@Slf4j
public class SparkAppStatusRecorder {

    private static final DateTimeFormatter TRANSITION_TIME = DateTimeFormatter.ISO_INSTANT;

    private final List<SparkAppStatusListener> listeners;
    private final SparkOperatorMetrics metrics;

    public SparkAppStatusRecorder(List<SparkAppStatusListener> listeners, SparkOperatorMetrics metrics) {
        this.listeners = listeners;
        this.metrics = metrics;
    }

    /** Appends a state to the status history and writes the status; returns false when the write did not happen. */
    public boolean appendNewStateAndPersist(SparkAppContext context, ApplicationState newState) {
        SparkApplication app = context.getResource();
        ApplicationStatus current = app.getStatus();
01|        newState.setLastTransitionTime(TRANSITION_TIME.format(Instant.now()));
2|        newState.setLastTransitionTime(LocalDateTime.now().toString()); //@TIME-01
        ApplicationStatus updated = current.appendNewState(newState);
        app.setStatus(updated);
        return persistStatus(context, app, current);
    }

    private boolean persistStatus(SparkAppContext context, SparkApplication app, ApplicationStatus previous) {
        try {
            context.getClient().resource(app).lockResourceVersion().updateStatus();
            metrics.recordStatusUpdate(app.getStatus().getCurrentState().getCurrentStateSummary());
        } catch (KubernetesClientException e) { //@{1}ERR-01
02|            log.warn("Failed to persist status of {}/{} ({}), the reconcile loop is requeued",
02|                app.getMetadata().getNamespace(), app.getMetadata().getName(), e.getCode(), e);
02|            app.setStatus(previous);
02|            return false;
1|            log.debug("Ignoring status conflict of {}", app.getMetadata().getName());
        }
        for (SparkAppStatusListener listener : listeners) {
            listener.listenStatus(app, previous, app.getStatus());
        }
        return true;
    }
}
''')
SPO_PKG = 'org.apache.spark.k8s.operator.utils'
cases_of(case, GH + 'apache/spark-kubernetes-operator/pull/341',
         'spark-operator/' + src(SPO_PKG, 'SparkAppStatusRecorder'),
         JV(SPO_PKG, {v: ['io.fabric8.kubernetes.client.KubernetesClientException', 'java.util.List', 'lombok.extern.slf4j.Slf4j',
                          'java.time.format.DateTimeFormatter', 'java.time.Instant',
                          'org.apache.spark.k8s.operator.SparkApplication',
                          'org.apache.spark.k8s.operator.context.SparkAppContext',
                          'org.apache.spark.k8s.operator.listeners.SparkAppStatusListener',
                          'org.apache.spark.k8s.operator.metrics.SparkOperatorMetrics',
                          'org.apache.spark.k8s.operator.status.ApplicationState',
                          'org.apache.spark.k8s.operator.status.ApplicationStatus'] +
                      (['java.time.LocalDateTime'] if v == 2 else []) for v in (0, 1, 2)})(SPARKOP), [
             (1, 'java-00-spark-operator-status-update-failure-ignored',
              'an edit catches a failed status update and carries on as if it had been written, so listeners see a '
              'state that was never stored and the loop never requeues the conflict', 'edit'),
             (2, 'java-00-spark-operator-transition-time-without-zone',
              'an edit stamps state transitions with the operator pod\'s local date-time and no offset, so the '
              'history of an application mixes zones when operator pods run in different regions', 'edit'),
             (0, 'java-ok-00-spark-operator-status-update-failure-requeued',
              'clean: the fix restores the previous status and returns false so the loop is requeued', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: MDC of reconciler calls in a Quarkus operator extension (quarkus-operator-sdk), renamed file
QOSDK_PKG = 'io.quarkiverse.operatorsdk.runtime.logging'
QOSDK_OLD_PKG = 'io.quarkiverse.operatorsdk.runtime'
QOSDK = template('quarkus-operator-sdk-mdc-interceptor', r'''
/**
 * Puts the name and namespace of the reconciled resource into the MDC around every reconciler call, so the lines the
 * reconciler logs can be told apart when several reconciliations run at once on the worker threads.
 */
@ReconcilerMdc
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ReconcilerMdcInterceptor {

    static final String RESOURCE_NAME = "resource.name";
    static final String RESOURCE_NAMESPACE = "resource.namespace";
    private static final Logger log = Logger.getLogger(ReconcilerMdcInterceptor.class);

    @AroundInvoke
    public Object aroundReconcile(InvocationContext context) throws Exception {
        Object[] parameters = context.getParameters();
        if (parameters.length == 0 || !(parameters[0] instanceof HasMetadata)) {
            return context.proceed();
        }
        HasMetadata resource = (HasMetadata) parameters[0];
        String name = resource.getMetadata().getName();
        String namespace = resource.getMetadata().getNamespace();
01|        log.debugf("Reconciling %s/%s with %s", namespace, name, context.getMethod().getName());
2|        log.debug("Reconciling " + namespace + "/" + name + " with " + context.getMethod().getName()); //@LOG-02
        MDC.put(RESOURCE_NAME, name); //@{1}CONC-04
        MDC.put(RESOURCE_NAMESPACE, namespace);
02|        try {
02|            return context.proceed();
02|        } finally {
02|            MDC.remove(RESOURCE_NAME);
02|            MDC.remove(RESOURCE_NAMESPACE);
02|        }
1|        return context.proceed();
    }
}
''')
cases_of(case, GH + 'quarkiverse/quarkus-operator-sdk/issues/1203',
         'core/runtime/' + src(QOSDK_PKG, 'ReconcilerMdcInterceptor'),
         J(QOSDK_PKG, ['io.fabric8.kubernetes.api.model.HasMetadata', 'jakarta.annotation.Priority',
                       'jakarta.interceptor.AroundInvoke', 'jakarta.interceptor.Interceptor',
                       'jakarta.interceptor.InvocationContext', 'org.jboss.logging.Logger', 'org.jboss.logging.MDC'])(QOSDK), [
             (1, 'java-00-quarkus-operator-sdk-moved-interceptor-mdc-not-removed',
              'a PR moves the MDC interceptor to a logging package and no longer removes the resource\'s name and '
              'namespace after the call, so the next reconciliation on that worker thread logs under the wrong '
              'resource', 'rename'),
             (2, 'java-00-quarkus-operator-sdk-moved-interceptor-debug-concatenated',
              'a PR moves the MDC interceptor to a logging package and logs each call at debug level with a '
              'concatenated message, built for every reconciliation even with debug off', 'rename'),
             (0, 'java-ok-00-quarkus-operator-sdk-moved-interceptor',
              'clean: the move alone; the MDC values are removed in a finally and the debug line is parameterised',
              'rename'),
         ], rename_from='core/runtime/' + src(QOSDK_OLD_PKG, 'ReconcilerMdcInterceptor'),
         rename_old=lambda text: text.replace('package %s;' % QOSDK_PKG, 'package %s;' % QOSDK_OLD_PKG, 1))


# ---------------------------------------------------------------- RES-01 / CONC-06: application controller of a Flink Kubernetes operator (flink-native-k8s-operator)
FLINKNAT = template('flink-native-operator-controller', r'''
/**
 * Observes the jobs of a Flink application cluster and triggers the savepoints its spec asks for. The cluster client
 * of the native Kubernetes integration holds a REST client with its own thread pool and connections.
 */
public class FlinkApplicationController {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkApplicationController.class);
    private static final long SAVEPOINT_TIMEOUT_SECONDS = 60;

    private final KubernetesClusterClientFactory clusterClientFactory = new KubernetesClusterClientFactory();
    private final Map<String, Tuple2<FlinkApplication, Configuration>> flinkApps = new ConcurrentHashMap<>();

    private ClusterClient<String> newClusterClient(Configuration effectiveConfig, String clusterId) throws Exception {
        KubernetesClusterDescriptor descriptor = clusterClientFactory.createClusterDescriptor(effectiveConfig);
        return descriptor.retrieve(clusterId).getClusterClient();
    }

    List<JobStatusMessage> listJobs(String clusterId, Configuration effectiveConfig) throws Exception {
02|        try (ClusterClient<String> clusterClient = newClusterClient(effectiveConfig, clusterId)) {
02|            return new ArrayList<>(clusterClient.listJobs().get(10, TimeUnit.SECONDS));
02|        }
1|        ClusterClient<String> clusterClient = newClusterClient(effectiveConfig, clusterId); //@RES-01
1|        return new ArrayList<>(clusterClient.listJobs().get(10, TimeUnit.SECONDS));
    }

    void triggerSavepoint(FlinkApplication app, Configuration effectiveConfig, JobID jobId) throws Exception {
        String clusterId = app.getMetadata().getName();
        String savepointDir = app.getSpec().getSavepointsDir();
        try (ClusterClient<String> clusterClient = newClusterClient(effectiveConfig, clusterId)) {
01|            String location = clusterClient.triggerSavepoint(jobId, savepointDir)
01|                .get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
01|            app.getStatus().setLastSavepointLocation(location);
01|            LOG.info("Savepoint of job {} of {} written to {}", jobId, clusterId, location);
2|            clusterClient.triggerSavepoint(jobId, savepointDir); //@CONC-06
2|            LOG.info("Savepoint of job {} of {} triggered", jobId, clusterId);
        }
        app.getStatus().setSavepointTriggerNonce(app.getSpec().getSavepointTriggerNonce());
    }
}
''')
FN_PKG = 'org.apache.flink.kubernetes.operator.controller'
cases_of(case, GH + 'wangyang0918/flink-native-k8s-operator/issues/11', src(FN_PKG, 'FlinkApplicationController'),
         J(FN_PKG, ['java.util.ArrayList', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                    'java.util.concurrent.TimeUnit', 'org.apache.flink.api.common.JobID',
                    'org.apache.flink.api.java.tuple.Tuple2', 'org.apache.flink.client.program.ClusterClient',
                    'org.apache.flink.configuration.Configuration',
                    'org.apache.flink.kubernetes.KubernetesClusterClientFactory',
                    'org.apache.flink.kubernetes.KubernetesClusterDescriptor',
                    'org.apache.flink.kubernetes.operator.crd.FlinkApplication',
                    'org.apache.flink.runtime.client.JobStatusMessage'] + SLF4J)(FLINKNAT), [
             (1, 'java-00-flink-native-operator-cluster-client-not-closed',
              'an edit no longer closes the cluster client it retrieves to list the jobs, so every observation leaks '
              'a REST client with its threads and connections until the operator pod is killed', 'edit'),
             (2, 'java-00-flink-native-operator-savepoint-future-dropped',
              'an edit triggers the savepoint and drops its future, so a failed savepoint is never noticed and the '
              'trigger nonce is marked as handled anyway', 'edit'),
             (0, 'java-ok-00-flink-native-operator-cluster-client-closed',
              'clean: the fix closes the cluster client with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: executors of an etcd client library (jetcd), new file
JETCD = template('jetcd-executors', r'''
/**
 * Executors of the client's background work (watch and keep-alive callbacks). Their threads are daemons with a name,
 * so a client that was never closed does not keep the JVM alive and shows up readably in a thread dump.
 */
public final class ClientExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(ClientExecutors.class);
    private static final int MAX_CALLBACK_THREADS = 16;
    private static final int MAX_QUEUED_CALLBACKS = 1024;

    private ClientExecutors() {
    }

    public static ThreadFactory daemonThreadFactory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet()); //@{1}CONC-01
02|            thread.setUncaughtExceptionHandler(
02|                (t, e) -> LOG.error("Uncaught exception in etcd client thread {}", t.getName(), e));
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The executor that runs the watch listeners of one client. */
    public static ExecutorService newCallbackExecutor(String clientName) {
01|        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, MAX_CALLBACK_THREADS, 60L, TimeUnit.SECONDS,
01|            new ArrayBlockingQueue<>(MAX_QUEUED_CALLBACKS),
01|            daemonThreadFactory("jetcd-" + clientName + "-callback"),
01|            new ThreadPoolExecutor.CallerRunsPolicy());
01|        executor.allowCoreThreadTimeOut(true);
01|        return executor;
2|        return Executors.newCachedThreadPool(daemonThreadFactory("jetcd-" + clientName + "-callback")); //@CONC-02
    }
}
''')
JE_PKG = 'io.etcd.jetcd.impl'
cases_of(case, GH + 'etcd-io/jetcd/issues/1057', 'jetcd-core/' + src(JE_PKG, 'ClientExecutors'),
         JV(JE_PKG, {v: ['java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                         'java.util.concurrent.atomic.AtomicInteger'] + SLF4J +
                     (['java.util.concurrent.Executors'] if v == 2 else
                      ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                       'java.util.concurrent.TimeUnit']) for v in (0, 1, 2)})(JETCD), [
             (1, 'java-00-jetcd-new-executors-threads-without-handler',
              'new client executors create their named daemon threads without an uncaught-exception handler, so a '
              'watch listener that throws kills its thread with nothing in the application\'s log', 'new'),
             (2, 'java-00-jetcd-new-executors-unbounded-callback-pool',
              'new client executors run watch listeners on a cached thread pool, so a burst of events with a slow '
              'listener starts a thread per event without limit', 'new'),
             (0, 'java-ok-00-jetcd-new-executors',
              'clean: new client executors with a bounded callback pool and threads that log uncaught exceptions',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / RES-02: service cache of a Nacos-to-Consul API adapter (nacos-consul-adapter)
NCA = template('nacos-consul-adapter-service-cache', r'''
/**
 * Answers Consul's catalog API from Nacos. Prometheus and other Consul clients poll the catalog often, so the adapter
 * keeps the service list in memory and refreshes it from the Nacos open API on a schedule.
 */
@Service
public class NacosServiceCache implements InitializingBean, DisposableBean {

    private static final Logger LOGGER = LoggerFactory.getLogger(NacosServiceCache.class);

    private final CloseableHttpClient httpClient;
    private final NacosAdapterProperties properties;
    private final ObjectMapper objectMapper;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "nacos-consul-adapter-refresh"));
    private volatile Map<String, List<String>> services = Collections.emptyMap();

    public NacosServiceCache(CloseableHttpClient httpClient, NacosAdapterProperties properties, ObjectMapper objectMapper) {
        this.httpClient = httpClient;
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    @Override
    public void afterPropertiesSet() {
        refresher.scheduleWithFixedDelay(this::refreshSafely, 0, properties.getRefreshIntervalSeconds(), TimeUnit.SECONDS);
    }

    public Map<String, List<String>> getServices() {
        return services;
    }

    private void refreshSafely() {
02|        try {
02|            services = fetchServices();
02|        } catch (Exception e) {
02|            LOGGER.warn("Refreshing services from Nacos failed, keeping {} cached services", services.size(), e);
02|        }
1|        services = fetchServices(); //@CONC-07
    }

    private Map<String, List<String>> fetchServices() {
        HttpGet get = new HttpGet(properties.getServerAddr() + "/nacos/v1/ns/service/list?pageNo=1&pageSize="
            + properties.getPageSize() + "&namespaceId=" + properties.getNamespace());
01|        try (CloseableHttpResponse response = httpClient.execute(get)) {
2|        try {
2|            CloseableHttpResponse response = httpClient.execute(get); //@RES-02
            if (response.getStatusLine().getStatusCode() != 200) {
                throw new IllegalStateException("Nacos answered " + response.getStatusLine());
            }
            ServiceList list = objectMapper.readValue(response.getEntity().getContent(), ServiceList.class);
            return list.toServiceMap();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the service list from " + properties.getServerAddr() + " failed", e);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
''')
NCA_PKG = 'io.github.chengliu.nacosconsuladapter.service'
cases_of(case, GH + 'chen-gliu/nacos-consul-adapter/issues/1', src(NCA_PKG, 'NacosServiceCache'),
         J(NCA_PKG, ['com.fasterxml.jackson.databind.ObjectMapper',
                     'io.github.chengliu.nacosconsuladapter.config.NacosAdapterProperties',
                     'io.github.chengliu.nacosconsuladapter.model.ServiceList', 'java.io.IOException', 'java.io.UncheckedIOException',
                     'java.util.Collections', 'java.util.List', 'java.util.Map',
                     'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                     'java.util.concurrent.TimeUnit', 'org.apache.http.client.methods.CloseableHttpResponse',
                     'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient',
                     'org.springframework.beans.factory.DisposableBean',
                     'org.springframework.beans.factory.InitializingBean',
                     'org.springframework.stereotype.Service'] + SLF4J)(NCA), [
             (1, 'java-00-nacos-consul-adapter-refresh-without-catch',
              'an edit lets the scheduled refresh throw, so the first failed refresh (Nacos restarting) cancels the '
              'schedule and the adapter serves a stale catalog for good', 'edit'),
             (2, 'java-00-nacos-consul-adapter-service-list-response-not-closed',
              'an edit no longer closes the Nacos response of each service list refresh, so the shared client\'s '
              'pool runs dry after a few refreshes and the catalog stops changing', 'edit'),
             (0, 'java-ok-00-nacos-consul-adapter-refresh-catches-all',
              'clean: the fix catches everything in the scheduled refresh and keeps the cached services', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: JobManager REST access of the Flink Kubernetes operator (flink-kubernetes-operator)
FKO = template('flink-kubernetes-operator-rest', r'''
/**
 * Reads the state of the jobs of Flink deployments from their JobManager's REST endpoint. One HTTP client serves all
 * deployments the operator manages; it is created with the operator and closed with it.
 */
public class JobManagerRestClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerRestClient.class);

    private final FlinkOperatorConfiguration operatorConfig;
    private final ObjectMapper objectMapper;
    private final ExecutorService executor;
02|    private final HttpClient httpClient;

    public JobManagerRestClient(FlinkOperatorConfiguration operatorConfig, ObjectMapper objectMapper) {
        this.operatorConfig = operatorConfig;
        this.objectMapper = objectMapper;
        this.executor = Executors.newFixedThreadPool(operatorConfig.getRestClientThreads());
02|        this.httpClient = HttpClient.newBuilder()
02|            .connectTimeout(operatorConfig.getFlinkClientTimeout())
02|            .executor(executor)
02|            .build();
    }

    public JobsOverview jobsOverview(String restEndpoint) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restEndpoint + "/jobs/overview")) //@{2}TMO-01
01|            .timeout(operatorConfig.getFlinkClientTimeout())
            .header("Accept", "application/json")
            .GET()
            .build();
1|        HttpClient httpClient = HttpClient.newHttpClient(); //@RES-04
        HttpResponse<byte[]> response = httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("JobManager at " + restEndpoint + " answered " + response.statusCode());
        }
        LOG.debug("Read jobs overview from {}", restEndpoint);
        return objectMapper.readValue(response.body(), JobsOverview.class);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
''')
FKO_PKG = 'org.apache.flink.kubernetes.operator.service'
cases_of(case, GH + 'apache/flink-kubernetes-operator/pull/956',
         'flink-kubernetes-operator/' + src(FKO_PKG, 'JobManagerRestClient'),
         J(FKO_PKG, ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.net.URI',
                     'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
                     'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                     'org.apache.flink.kubernetes.operator.config.FlinkOperatorConfiguration',
                     'org.apache.flink.runtime.rest.messages.job.JobsOverview'] + SLF4J)(FKO), [
             (1, 'java-00-flink-kubernetes-operator-http-client-per-call',
              'an edit builds an HTTP client for every jobs overview request, so each observation of each deployment '
              'opens new connections to its JobManager instead of reusing the shared pool', 'edit'),
             (2, 'java-00-flink-kubernetes-operator-request-without-timeout',
              'an edit drops the request timeout of the jobs overview call, so a JobManager that accepts the '
              'connection and never answers blocks an operator reconcile thread for good', 'edit'),
             (0, 'java-ok-00-flink-kubernetes-operator-shared-client',
              'clean: the fix builds the client once with the operator and shares it', 'fix'),
         ])
