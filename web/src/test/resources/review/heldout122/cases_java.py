"""Round-122 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / TMO-01: operation task factory of a table maintenance job scheduler (openhouse)
OPENHOUSE = template('openhouse-operation-task-factory', r'''
/**
 * Builds the operation tasks the jobs scheduler submits for every table. All tasks share one tables client and one
 * jobs client, and with them one connection pool with bounded connect and response timeouts.
 */
public class OperationTaskFactory<T extends OperationTask<?>> {
    private static final Logger log = LoggerFactory.getLogger(OperationTaskFactory.class);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Class<T> cls;
    private final JobsClientFactory jobsClientFactory;
    private final TablesClient tablesClient;
    private final JobsClient jobsClient;
    private final long pollIntervalMs;
    private final long queuedTimeoutMs;

    public OperationTaskFactory(Class<T> cls, TablesClientFactory tablesClientFactory, JobsClientFactory jobsClientFactory,
            long pollIntervalMs, long queuedTimeoutMs) {
        this.cls = cls;
        this.jobsClientFactory = jobsClientFactory;
        this.pollIntervalMs = pollIntervalMs;
        this.queuedTimeoutMs = queuedTimeoutMs;
        HttpClient httpClient = HttpClient.create() //@{2}TMO-01
01|                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
01|                .responseTimeout(RESPONSE_TIMEOUT);
2|                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        this.tablesClient = tablesClientFactory.create(httpClient);
        this.jobsClient = jobsClientFactory.create(httpClient);
    }

    public T create(Metadata metadata) throws ReflectiveOperationException {
        log.debug("Creating {} for {}", cls.getSimpleName(), metadata.getEntityName());
        return cls.getDeclaredConstructor(
                        JobsClient.class, TablesClient.class, metadata.getClass(), long.class, long.class)
02|                .newInstance(jobsClient, tablesClient, metadata, pollIntervalMs, queuedTimeoutMs);
1|                .newInstance(jobsClientFactory.create(), tablesClient, metadata, pollIntervalMs, queuedTimeoutMs); //@RES-04
    }
}
''')
_OH_PKG = 'com.linkedin.openhouse.jobs.scheduler.tasks'
_OH = SLF4J + ['com.linkedin.openhouse.jobs.client.JobsClient', 'com.linkedin.openhouse.jobs.client.JobsClientFactory',
               'com.linkedin.openhouse.jobs.client.TablesClient',
               'com.linkedin.openhouse.jobs.client.TablesClientFactory', 'com.linkedin.openhouse.jobs.util.Metadata',
               'io.netty.channel.ChannelOption', 'java.time.Duration', 'reactor.netty.http.client.HttpClient']
cases_of(case, GH + 'linkedin/openhouse/pull/338', 'apps/spark/' + src(_OH_PKG, 'OperationTaskFactory'),
         J(_OH_PKG, _OH)(OPENHOUSE), [
             (1, 'java-00-openhouse-jobs-client-per-task',
              'an edit builds a new jobs client, with its own pool of 500 connections, for every operation task the '
              'scheduler submits', 'edit'),
             (2, 'java-00-openhouse-shared-client-without-response-timeout',
              'an edit drops the response timeout of the shared HTTP client, so a jobs service that stops answering '
              'parks the submission threads', 'edit'),
             (0, 'java-ok-00-openhouse-jobs-client-shared',
              'clean: the fix hands one jobs client and one tables client to every task', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: schedule status store of a BI server (stylebi), renamed file
STYLEBISTATUS = template('stylebi-schedule-status-dao', r'''
/**
 * Keeps the last status of every schedule task in the cluster cache. Writes go through a single-threaded executor
 * and are waited for with a timeout, because Quartz worker threads call this while a task runs and must not hang.
 */
public class ScheduleStatusDao {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleStatusDao.class);
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    private final ExecutorService executor;
    private final Map<String, TaskActivity> cache;

    public ScheduleStatusDao(ExecutorService executor, Map<String, TaskActivity> cache) {
        this.executor = executor;
        this.cache = cache;
    }

    public void setStatus(String taskName, TaskActivity status) {
        Future<?> future = executor.submit(() -> cache.put(taskName, status));
        try {
            future.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch(InterruptedException ex) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while saving the status of task {}", taskName, ex);
        }
        catch(ExecutionException | TimeoutException ex) { //@{2}ERR-01
01|            LOG.error("Failed to save the status of task {}", taskName, ex);
2|            future.cancel(false);
        }
    }

    public void clearStatus(String taskName) {
        Future<?> future = executor.submit(() -> cache.remove(taskName));
        try {
            future.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
02|        catch(InterruptedException ex) {
02|            Thread.currentThread().interrupt();
02|            LOG.warn("Interrupted while clearing the status of task {}", taskName, ex);
02|        }
02|        catch(ExecutionException | TimeoutException ex) {
02|            LOG.error("Failed to clear the status of task {}", taskName, ex);
02|        }
1|        catch(InterruptedException | ExecutionException | TimeoutException ex) { //@CONC-05
1|            LOG.error("Failed to clear the status of task {}", taskName, ex);
1|        }
    }

    public TaskActivity getStatus(String taskName) {
        return cache.get(taskName);
    }
}
''')
_SB_PKG = 'inetsoft.sree.schedule.status'
_SB_OLD = 'inetsoft.sree.schedule'
_SB = SLF4J + ['inetsoft.sree.schedule.TaskActivity', 'java.util.Map', 'java.util.concurrent.ExecutionException',
               'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
               'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'inetsoft-technology/stylebi/pull/4095', 'core/' + src(_SB_PKG, 'ScheduleStatusDao'),
         J(_SB_PKG, _SB)(STYLEBISTATUS), [
             (1, 'java-00-stylebi-renamed-status-clear-interrupt-swallowed',
              'a move of the schedule status store into its own package also folds the interrupt into a multi-catch '
              'that logs it, so a Quartz worker interrupted at shutdown loses the flag', 'rename'),
             (2, 'java-00-stylebi-renamed-status-write-failure-dropped',
              'a move of the schedule status store into its own package also cancels a failed or timed-out status '
              'write without a word', 'rename'),
             (0, 'java-ok-00-stylebi-renamed-status-interrupt-restored',
              'clean: the move alone; both writes restore the interrupt flag and log failures', 'rename'),
         ], rename_from='core/' + src(_SB_OLD, 'ScheduleStatusDao'),
         rename_old=lambda t: t.replace('package ' + _SB_PKG + ';', 'package ' + _SB_OLD + ';')
                               .replace('import inetsoft.sree.schedule.TaskActivity;\n', ''))


# ---------------------------------------------------------------- OPS-01 / LOG-02: worker lifecycle of a queue worker framework (worker-framework)
WFAPP = template('worker-framework-application-stop', r'''
/**
 * Runs a worker: consumes tasks from the queue and hands them to the worker thread pool. On stop the queue stops
 * delivering, the tasks already taken are allowed to finish within the configured period, and only then is the
 * queue connection closed, so no message is acknowledged for work that did not happen.
 */
public final class WorkerApplication extends Application<WorkerConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerApplication.class);

    @Override
    public void run(WorkerConfiguration config, Environment environment) throws QueueException, WorkerException {
        WorkerFactory factory = WorkerFactoryProvider.getFactory(config);
        ManagedWorkerQueue workerQueue = WorkerQueueProvider.getQueue(config.getQueue());
        ExecutorService workerThreadPool = WorkerThreadPool.create(factory.getWorkerThreads());
        Duration shutdownTimeout = config.getShutdownTimeout();
        WorkerCore core = new WorkerCore(workerThreadPool, workerQueue, factory);

        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() throws QueueException {
                core.start();
            }

            @Override
            public void stop() throws InterruptedException {
                LOG.debug("Worker stop requested, allowing in-progress tasks to complete.");
                workerQueue.shutdownIncoming();
02|                workerThreadPool.shutdown();
02|                if (!workerThreadPool.awaitTermination(shutdownTimeout.toMilliseconds(), TimeUnit.MILLISECONDS)) {
0|                    LOG.warn("In-progress tasks did not complete within {} ms", shutdownTimeout.toMilliseconds());
2|                    LOG.warn("In-progress tasks did not complete within " + shutdownTimeout.toMilliseconds() + " ms"); //@LOG-02
02|                    workerThreadPool.shutdownNow();
02|                }
1|                workerThreadPool.shutdownNow(); //@OPS-01
                workerQueue.shutdown();
                LOG.debug("Worker stopped.");
            }
        });
        environment.healthChecks().register("queue", new WorkerHealthCheck(workerQueue));
    }
}
''')
_WF_PKG = 'com.hpe.caf.worker.core'
_WF = SLF4J + ['com.hpe.caf.api.worker.ManagedWorkerQueue', 'com.hpe.caf.api.worker.QueueException',
               'com.hpe.caf.api.worker.WorkerException', 'com.hpe.caf.api.worker.WorkerFactory',
               'io.dropwizard.core.Application', 'io.dropwizard.core.setup.Environment',
               'io.dropwizard.lifecycle.Managed', 'io.dropwizard.util.Duration', 'java.util.concurrent.ExecutorService',
               'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'WorkerFramework/worker-framework/pull/175', 'worker-core/' + src(_WF_PKG, 'WorkerApplication'),
         J(_WF_PKG, _WF)(WFAPP), [
             (1, 'java-00-worker-framework-stop-interrupts-tasks',
              'an edit makes the lifecycle stop interrupt the worker threads at once instead of letting the tasks '
              'already taken finish', 'edit'),
             (2, 'java-00-worker-framework-stop-warning-concatenated',
              'an edit builds the shutdown warning by string concatenation', 'edit'),
             (0, 'java-ok-00-worker-framework-stop-drains-tasks',
              'clean: the fix lets in-progress tasks finish within the shutdown timeout before the queue closes',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-07: task monitor of a workflow manager's scheduler executor (nextflow)
NFSCHED = template('nextflow-sched-task-monitor', r'''
/**
 * Polls the scheduler service for the state of the tasks this executor submitted. One poll thread serves every
 * task, so each request is bounded by the configured request timeout and a failed poll is logged and retried on the
 * next tick instead of ending the schedule.
 */
public class SchedTaskMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchedTaskMonitor.class);

    private final HttpClient httpClient;
    private final URI endpoint;
    private final Duration requestTimeout;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sched-task-monitor");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> log.error("Uncaught error in {}", th.getName(), e));
        return t;
    });
    private final Map<String, TaskHandler> tasks = new ConcurrentHashMap<>();

    public SchedTaskMonitor(URI endpoint, Duration connectTimeout, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.requestTimeout = requestTimeout;
        this.httpClient = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public void start(Duration interval) {
01|        poller.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
2|        poller.scheduleWithFixedDelay(() -> { //@CONC-07
2|            try {
2|                checkAllTasks();
2|            } catch (IOException e) {
2|                log.warn("Unable to check the state of {} tasks", tasks.size(), e);
2|            }
2|        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

01|    private void pollSafely() {
01|        try {
01|            checkAllTasks();
01|        } catch (Throwable t) {
01|            log.warn("Unable to check the state of {} tasks; retrying on the next poll", tasks.size(), t);
01|        }
01|    }
01|
    void checkAllTasks() throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        String ids = String.join(",", tasks.keySet());
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/v1/tasks?ids=" + ids)) //@{1}TMO-01
02|                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.statusCode() != 200) {
            throw new IOException("Task state request failed with status " + response.statusCode());
        }
        for (TaskState state : TaskState.parseAll(response.body())) {
            TaskHandler handler = tasks.get(state.getId());
            if (handler != null) {
                handler.update(state);
            }
        }
    }

    public void register(String id, TaskHandler handler) {
        tasks.put(id, handler);
    }

    @Override
    public void close() throws InterruptedException {
        poller.shutdown();
        if (!poller.awaitTermination(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            poller.shutdownNow();
        }
    }
}
''')
_NF_PKG = 'io.seqera.executor'
_NF = SLF4J + ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
               'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.Map',
               'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.Executors',
               'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'nextflow-io/nextflow/issues/7435', 'plugins/nf-seqera/src/main/io/seqera/executor/SchedTaskMonitor.java',
         J(_NF_PKG, _NF)(NFSCHED), [
             (1, 'java-00-nextflow-task-state-request-without-timeout',
              'an edit builds the task state request without a timeout, so a scheduler that accepts the connection '
              'and stalls blocks the single poll thread for good', 'edit'),
             (2, 'java-00-nextflow-task-poll-scheduled-unguarded',
              'an edit schedules the task state poll without its catch, so one failed poll silently ends every later '
              'poll', 'edit'),
             (0, 'java-ok-00-nextflow-task-state-request-with-timeout',
              'clean: the fix bounds every task state request by the configured request timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: job times of a clinical trial system's bulk processor (ctsms), new file and test
CTSMSTIMES = template('ctsms-job-time-converter', r'''
/**
 * Converts the timestamps of bulk-processor jobs between the database, which stores them in UTC, and the user's
 * time zone, in which job output and e-mails show them.
 */
public final class JobTimeConverter {
    private static final Logger LOG = LoggerFactory.getLogger(JobTimeConverter.class);
    private static final String PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final ZoneId userZone;

    public JobTimeConverter(String userTimeZone) {
        this.userZone = ZoneId.of(userTimeZone);
    }

    /** Formats a stored UTC timestamp for the user. */
    public String format(Timestamp stored) {
02|        ZonedDateTime local = stored.toInstant().atZone(userZone);
02|        return DateTimeFormatter.ofPattern(PATTERN).format(local);
1|        return new SimpleDateFormat(PATTERN).format(stored); //@TIME-01
    }

    /** Parses a time the user entered in the job's parameters into the UTC timestamp to store. */
    public Timestamp parse(String entered) {
        LocalDateTime local = LocalDateTime.parse(entered, DateTimeFormatter.ofPattern(PATTERN));
        Instant instant = local.atZone(userZone).toInstant();
01|        LOG.debug("Job time {} in {} is {} UTC", entered, userZone, instant);
2|        LOG.debug("Job time " + entered + " in " + userZone + " is " + instant + " UTC"); //@LOG-02
        return Timestamp.from(instant);
    }
}
''')
_CT_PKG = 'org.phoenixctms.ctsms.executable.bulkprocessor'
_CT = SLF4J + ['java.sql.Timestamp', 'java.time.Instant', 'java.time.LocalDateTime', 'java.time.ZoneId',
               'java.time.format.DateTimeFormatter']
CTSMS_TEST = f('core/' + tst(_CT_PKG, 'JobTimeConverterTest'), new=java(_CT_PKG, [
    'static org.junit.Assert.assertEquals', 'java.sql.Timestamp', 'java.time.Instant', 'org.junit.Test'], r'''
public class JobTimeConverterTest {

    @Test
    public void formatsStoredUtcTimeInTheUserZone() {
        JobTimeConverter converter = new JobTimeConverter("Europe/Vienna");
        Timestamp stored = Timestamp.from(Instant.parse("2024-01-15T10:00:00Z"));
        assertEquals("2024-01-15 11:00:00", converter.format(stored));
    }

    @Test
    public void parsesUserTimeIntoUtc() {
        JobTimeConverter converter = new JobTimeConverter("Europe/Vienna");
        assertEquals(Instant.parse("2024-07-01T06:30:00Z"), converter.parse("2024-07-01 08:30:00").toInstant());
    }
}
'''))
cases_of(case, GH + 'phoenixctms/ctsms/pull/196', 'core/' + src(_CT_PKG, 'JobTimeConverter'),
         heldoutlib.java_versions(_CT_PKG, {0: _CT + ['java.time.ZonedDateTime'], 1: _CT + ['java.text.SimpleDateFormat'],
                                            2: _CT + ['java.time.ZonedDateTime']})(CTSMSTIMES), [
             (1, 'java-00-ctsms-new-job-time-formatted-in-server-zone',
              'a new job time converter that formats the stored UTC time with a SimpleDateFormat in the server\'s '
              'default zone, so job output shows times off by the user\'s offset', 'new', [CTSMS_TEST]),
             (2, 'java-00-ctsms-new-job-time-debug-concatenated',
              'a new job time converter that concatenates its debug line for every parsed job time', 'new',
              [CTSMS_TEST]),
             (0, 'java-ok-00-ctsms-new-job-time-in-user-zone',
              'clean: a new job time converter that formats and parses in the user\'s zone; a test covers both', 'new',
              [CTSMS_TEST]),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-01: execution log listener of a db-scheduler UI (db-scheduler-ui), new file
DBSLOG = template('db-scheduler-ui-log-listener', r'''
/**
 * Writes one row per task execution to the execution log table. Writes happen off the scheduler's threads on a
 * small pool with a bounded queue: when the database falls behind, the oldest pending rows are dropped and counted
 * instead of growing the heap.
 */
public class LogSchedulerListener extends AbstractSchedulerListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogSchedulerListener.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final String INSERT_SQL = "insert into scheduled_execution_logs "
            + "(task_name, task_instance, time_started, time_finished, succeeded, exception_message) "
            + "values (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final ExecutorService executorService;
    private final AtomicLong dropped = new AtomicLong();

    public LogSchedulerListener(DataSource dataSource) {
        this.dataSource = dataSource;
02|        this.executorService = new ThreadPoolExecutor(1, 5, 60, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(QUEUE_CAPACITY), (task, pool) -> {
02|                    dropped.incrementAndGet();
02|                    pool.getQueue().poll();
02|                    pool.execute(task);
02|                });
1|        this.executorService = Executors.newFixedThreadPool(5); //@CONC-02
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        executorService.execute(() -> insert(complete));
    }

    private void insert(ExecutionComplete complete) {
01|        try (Connection connection = dataSource.getConnection();
01|                PreparedStatement ps = connection.prepareStatement(INSERT_SQL)) {
2|        try {
2|            PreparedStatement ps = dataSource.getConnection().prepareStatement(INSERT_SQL); //@RES-01
            ps.setString(1, complete.getExecution().taskInstance.getTaskName());
            ps.setString(2, complete.getExecution().taskInstance.getId());
            ps.setTimestamp(3, Timestamp.from(complete.getTimeDone().minus(complete.getDuration())));
            ps.setTimestamp(4, Timestamp.from(complete.getTimeDone()));
            ps.setBoolean(5, complete.getResult() == ExecutionComplete.Result.OK);
            ps.setString(6, complete.getCause().map(Throwable::getMessage).orElse(null));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not log execution of {}", complete.getExecution().taskInstance, e);
        }
    }

    public long droppedRows() {
        return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
        executorService.shutdown();
        if (!executorService.awaitTermination(10, TimeUnit.SECONDS)) {
            executorService.shutdownNow();
        }
    }
}
''')
_DB_PKG = 'no.bekk.dbscheduler.ui.log.listener'
_DB = SLF4J + ['com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener',
               'com.github.kagkarlsson.scheduler.task.ExecutionComplete', 'java.sql.Connection',
               'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
               'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
               'java.util.concurrent.atomic.AtomicLong', 'javax.sql.DataSource']
cases_of(case, GH + 'bekk/db-scheduler-ui/pull/175', 'db-scheduler-ui/' + src(_DB_PKG, 'LogSchedulerListener'),
         JV(_DB_PKG, {0: _DB + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
                      1: _DB + ['java.util.concurrent.Executors'],
                      2: _DB + ['java.util.concurrent.ArrayBlockingQueue',
                                'java.util.concurrent.ThreadPoolExecutor']})(DBSLOG), [
             (1, 'java-00-db-scheduler-ui-new-log-listener-unbounded-pool',
              'a new execution log listener that writes on Executors.newFixedThreadPool, whose unbounded queue grows '
              'without limit when the database falls behind the scheduler', 'new'),
             (2, 'java-00-db-scheduler-ui-new-log-listener-connection-left-open',
              'a new execution log listener that takes a connection for every row and never closes it', 'new'),
             (0, 'java-ok-00-db-scheduler-ui-new-log-listener-bounded-pool',
              'clean: a new execution log listener with a bounded write queue and closed connections', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-03: queue listener of a BaaS stack (usergrid), CRLF file
UGQUEUE = template('usergrid-queue-listener', r'''
/**
 * Takes index events off the queue and applies them. The loop polls every few hundred milliseconds whether or not
 * there is work, so it only logs what it received, and it says which message failed.
 */
public class QueueListener implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(QueueListener.class);

    private final LegacyQueueManager queue;
    private final String queueName;
    private final EventHandler handler;
    private final int batchSize;
    private volatile boolean running = true;

    public QueueListener(LegacyQueueManager queue, String queueName, EventHandler handler, int batchSize) {
        this.queue = queue;
        this.queueName = queueName;
        this.handler = handler;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            List<LegacyQueueMessage> messages = queue.getMessages(batchSize, LegacyQueueMessage.class);
02|            if (!messages.isEmpty() && logger.isTraceEnabled()) {
02|                logger.trace("Received {} messages from queue {}", messages.size(), queueName);
02|            }
1|            logger.info("Polled queue {} and received {} messages", queueName, messages.size()); //@LOG-01
            for (LegacyQueueMessage message : messages) {
                try {
                    handler.handle(message);
                    queue.commitMessage(message);
                } catch (Exception e) {
01|                    logger.error("Failed to process message {} of queue {}", message.getMessageId(), queueName, e);
2|                    logger.error("Failed to process queue message", e); //@LOG-03
                }
            }
        }
    }

    public void stop() {
        running = false;
    }
}
''')
_UG_PKG = 'org.apache.usergrid.corepersistence.asyncevents'
_UG = SLF4J + ['java.util.List', 'org.apache.usergrid.persistence.queue.LegacyQueueManager',
               'org.apache.usergrid.persistence.queue.LegacyQueueMessage']
cases_of(case, GH + 'apache/usergrid/pull/509', 'stack/core/' + src(_UG_PKG, 'QueueListener'),
         J(_UG_PKG, _UG)(UGQUEUE), [
             (1, 'java-00-usergrid-queue-listener-logs-every-poll',
              'an edit logs an info line on every poll of the queue, empty or not, flooding the logs every few hundred '
              'milliseconds', 'edit'),
             (2, 'java-00-usergrid-queue-listener-failure-without-message-id',
              'an edit drops the message id and queue name from the line logged when a message fails', 'edit'),
             (0, 'java-ok-00-usergrid-queue-listener-logs-received-only',
              'clean: the fix logs only polls that received messages, at trace level', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / ERR-01: cron job trigger client of a job platform (bk-job)
BKJOB = template('bk-job-crontab-execute-client', r'''
/**
 * Asks job-execute to launch the task of a cron job. The crontab service triggers many jobs on the same second, so
 * it shares one pooled HTTP client with bounded timeouts, observable through its connection manager.
 */
public class ExecuteTaskClient implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String executeUrl;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient httpClient;

    public ExecuteTaskClient(String executeUrl, int maxConnections) {
        this.executeUrl = executeUrl;
        this.connectionManager = new PoolingHttpClientConnectionManager();
        connectionManager.setMaxTotal(maxConnections);
        connectionManager.setDefaultMaxPerRoute(maxConnections);
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(5_000)
                .setConnectionRequestTimeout(5_000)
                .setSocketTimeout(30_000)
                .build();
        this.httpClient = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(requestConfig)
                .build();
    }

    public TaskInstanceDTO launch(CronJobInfoDTO cronJob) {
        HttpPost post = new HttpPost(executeUrl + "/service/execute/task/cron");
        try {
            post.setEntity(new StringEntity(MAPPER.writeValueAsString(cronJob), ContentType.APPLICATION_JSON));
02|            try (CloseableHttpResponse response = httpClient.execute(post)) {
1|            try (CloseableHttpClient client = HttpClients.createDefault(); //@RES-04
1|                    CloseableHttpResponse response = client.execute(post)) {
                int status = response.getStatusLine().getStatusCode();
                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (status != 200) {
                    throw new CronJobLaunchException("Launch of cron job " + cronJob.getId() + " failed with " + status);
                }
                return MAPPER.readValue(body, TaskInstanceDTO.class);
            }
        } catch (IOException e) { //@{2}ERR-01
01|            throw new CronJobLaunchException("Launch of cron job " + cronJob.getId() + " failed", e);
2|            return null;
        }
    }

    public int leasedConnections() {
        return connectionManager.getTotalStats().getLeased();
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
_BK_PKG = 'com.tencent.bk.job.crontab.client'
_BK = ['com.fasterxml.jackson.databind.ObjectMapper', 'com.tencent.bk.job.crontab.exception.CronJobLaunchException',
       'com.tencent.bk.job.crontab.model.dto.CronJobInfoDTO', 'com.tencent.bk.job.crontab.model.dto.TaskInstanceDTO',
       'java.io.Closeable', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
       'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.methods.CloseableHttpResponse',
       'org.apache.http.client.methods.HttpPost', 'org.apache.http.entity.ContentType',
       'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient',
       'org.apache.http.impl.client.HttpClients', 'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
       'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'TencentBlueKing/bk-job/pull/2141', 'src/backend/job-crontab/service-job-crontab/'
         + src(_BK_PKG, 'ExecuteTaskClient'), J(_BK_PKG, _BK)(BKJOB), [
             (1, 'java-00-bk-job-cron-launch-client-per-call',
              'an edit launches every cron job through a new default HTTP client, bypassing the shared pool and its '
              'timeouts', 'edit'),
             (2, 'java-00-bk-job-cron-launch-failure-dropped',
              'an edit answers null when a cron job\'s launch request fails, so the trigger records nothing', 'edit'),
             (0, 'java-ok-00-bk-job-cron-launch-shared-client',
              'clean: the fix launches cron jobs through the shared pooled client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / RES-01: media inspection of a media processing workflow manager (openmpf)
MPFINSPECT = template('openmpf-media-inspection-processor', r'''
/**
 * Inspects the media of a job before its tasks are split. Every log line of the inspection carries the job id
 * through the MDC, which is removed again before the Camel thread takes the next exchange.
 */
@Component(MediaInspectionProcessor.REF)
public class MediaInspectionProcessor extends WfmProcessor {
    public static final String REF = "mediaInspectionProcessor";
    private static final Logger LOG = LoggerFactory.getLogger(MediaInspectionProcessor.class);
    private static final String JOB_ID = "jobId";

    private final InProgressBatchJobsService inProgressJobs;
    private final Tika tika = new Tika();

    @Inject
    public MediaInspectionProcessor(InProgressBatchJobsService inProgressJobs) {
        this.inProgressJobs = inProgressJobs;
    }

    @Override
    public void wfmProcess(Exchange exchange) throws WfmProcessingException {
        long jobId = exchange.getIn().getHeader(MpfHeaders.JOB_ID, Long.class);
        long mediaId = exchange.getIn().getHeader(MpfHeaders.MEDIA_ID, Long.class);
        MDC.put(JOB_ID, String.valueOf(jobId)); //@{1}CONC-04
02|        try {
02|            inspect(jobId, mediaId);
02|        } finally {
02|            MDC.remove(JOB_ID);
02|        }
1|        inspect(jobId, mediaId);
1|        MDC.remove(JOB_ID);
    }

    private void inspect(long jobId, long mediaId) {
        try {
            Media media = inProgressJobs.getJob(jobId).getMedia(mediaId);
            String mimeType = detectMimeType(media.getLocalPath());
            inProgressJobs.addMediaInspectionInfo(jobId, mediaId, mimeType);
            LOG.info("Media {} is of type {}", mediaId, mimeType);
        } catch (IOException e) {
            LOG.error("Could not inspect media {}", mediaId, e);
            inProgressJobs.addError(jobId, mediaId, IssueCodes.LOCAL_STORAGE, e.getMessage());
        }
    }

    private String detectMimeType(Path path) throws IOException {
01|        try (InputStream in = Files.newInputStream(path)) {
01|            return tika.detect(in, path.getFileName().toString());
01|        }
2|        InputStream in = Files.newInputStream(path); //@RES-01
2|        return tika.detect(in, path.getFileName().toString());
    }
}
''')
_MP_PKG = 'org.mitre.mpf.wfm.camel.operations.mediainspection'
_MP = SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.Path',
               'javax.inject.Inject', 'org.apache.camel.Exchange', 'org.apache.tika.Tika',
               'org.mitre.mpf.wfm.WfmProcessingException', 'org.mitre.mpf.wfm.camel.WfmProcessor',
               'org.mitre.mpf.wfm.data.InProgressBatchJobsService', 'org.mitre.mpf.wfm.data.entities.persistent.Media',
               'org.mitre.mpf.wfm.enums.IssueCodes', 'org.mitre.mpf.wfm.enums.MpfHeaders', 'org.slf4j.MDC',
               'org.springframework.stereotype.Component']
cases_of(case, GH + 'openmpf/openmpf/pull/1381', 'trunk/workflow-manager/' + src(_MP_PKG, 'MediaInspectionProcessor'),
         J(_MP_PKG, _MP)(MPFINSPECT), [
             (1, 'java-00-openmpf-inspection-job-id-mdc-not-removed-in-finally',
              'an edit removes the job id from the MDC after the try instead of in a finally, so an unchecked '
              'exception leaves it on the Camel thread for the next job\'s log lines', 'edit'),
             (2, 'java-00-openmpf-inspection-media-stream-left-open',
              'an edit opens the media file for type detection without closing it', 'edit'),
             (0, 'java-ok-00-openmpf-inspection-job-id-mdc-removed-in-finally',
              'clean: the fix removes the job id from the MDC in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / OPS-01: ZooKeeper task queue of a workflow library (nirmata workflow)
NIRMATAQ = template('nirmata-simple-queue', r'''
/**
 * Consumes the tasks of one queue path and runs them on a single consumer thread. The thread reports uncaught
 * errors, and close lets the task in progress finish before the ZooKeeper session goes away.
 */
public class SimpleQueue implements Closeable, Queue {
    private static final Logger log = LoggerFactory.getLogger(SimpleQueue.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final CuratorFramework client;
    private final String path;
    private final TaskRunner taskRunner;
    private final AtomicBoolean started = new AtomicBoolean(false);
02|    private final ExecutorService executorService;
1|    private Thread consumer;

    SimpleQueue(CuratorFramework client, TaskRunner taskRunner, String path) {
        this.client = client;
        this.taskRunner = taskRunner;
        this.path = path;
02|        this.executorService = Executors.newSingleThreadExecutor(r -> {
02|            Thread t = new Thread(r, "SimpleQueue-" + path);
02|            t.setUncaughtExceptionHandler((th, e) -> log.error("Consumer {} died", th.getName(), e));
02|            return t;
02|        });
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
02|            executorService.execute(this::runLoop);
1|            consumer = new Thread(this::runLoop, "SimpleQueue-" + path); //@CONC-01
1|            consumer.start();
        }
    }

    @Override
    public void close() {
        if (started.compareAndSet(true, false)) {
0|            executorService.shutdown();
0|            try {
0|                if (!executorService.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
0|                    log.warn("Queue {} did not finish its task within {}s", path, CLOSE_TIMEOUT_SECONDS);
0|                    executorService.shutdownNow();
0|                }
0|            } catch (InterruptedException e) {
0|                Thread.currentThread().interrupt();
0|                executorService.shutdownNow();
0|            }
1|            try {
1|                consumer.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
1|            } catch (InterruptedException e) {
1|                Thread.currentThread().interrupt();
1|            }
2|            executorService.shutdownNow(); //@OPS-01
        }
    }

    private void runLoop() {
        while (started.get() && !Thread.currentThread().isInterrupted()) {
            try {
                String node = takeNext();
                if (node != null) {
                    taskRunner.run(node);
                    client.delete().guaranteed().forPath(ZKPaths.makePath(path, node));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("Could not process a task of queue {}", path, e);
            }
        }
    }

    private String takeNext() throws Exception {
        List<String> nodes = client.getChildren().forPath(path);
        if (nodes.isEmpty()) {
            Thread.sleep(1000);
            return null;
        }
        Collections.sort(nodes);
        return nodes.get(0);
    }
}
''')
_NQ_PKG = 'com.nirmata.workflow.queue.zookeeper'
_NQ = SLF4J + ['com.nirmata.workflow.queue.Queue', 'com.nirmata.workflow.queue.TaskRunner', 'java.io.Closeable',
               'java.util.Collections', 'java.util.List', 'java.util.concurrent.atomic.AtomicBoolean',
               'org.apache.curator.framework.CuratorFramework', 'org.apache.curator.utils.ZKPaths']
_NQX = ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors']
cases_of(case, GH + 'nirmata/workflow/issues/53', src(_NQ_PKG, 'SimpleQueue'),
         JV(_NQ_PKG, {0: _NQ + _NQX + ['java.util.concurrent.TimeUnit'], 1: _NQ + ['java.util.concurrent.TimeUnit'], 2: _NQ + _NQX})(NIRMATAQ), [
             (1, 'java-00-nirmata-queue-consumer-thread-without-handler',
              'an edit runs the queue consumer on a bare thread without an uncaught-exception handler, so an error '
              'in a task runner ends consumption with nothing in the logs', 'edit'),
             (2, 'java-00-nirmata-queue-close-interrupts-task',
              'an edit makes close interrupt the consumer at once instead of letting the task in progress finish',
              'edit'),
             (0, 'java-ok-00-nirmata-queue-consumer-drained-on-close',
              'clean: the fix runs the consumer on an executor whose thread reports uncaught errors and drains it on '
              'close', 'fix'),
         ])
