"""Round-112 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / CONC-02: task poller of a workflow engine's Java client (cadence-java-client)
CADENCE = template('cadence-poller-executors', r'''
/**
 * Polls a task list with a fixed number of poll threads and hands every polled task to one task executor shared by
 * the poller's life. The executor runs at most {@code taskExecutorThreadPoolSize} tasks; when all of them are busy the
 * poll thread runs the task itself, which slows polling down instead of queueing tasks without a bound.
 */
public final class Poller<T> implements SuspendableWorker {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String identity;
    private final PollTask<T> pollTask;
    private final TaskHandler<T> handler;
    private final PollerOptions options;
    private final ThreadPoolExecutor taskExecutor;
    private final AtomicBoolean started = new AtomicBoolean();
    private ThreadPoolExecutor pollExecutor;

    public Poller(String identity, PollTask<T> pollTask, TaskHandler<T> handler, PollerOptions options) {
        this.identity = identity;
        this.pollTask = pollTask;
        this.handler = handler;
        this.options = options;
01|        this.taskExecutor = new ThreadPoolExecutor(0, options.getTaskExecutorThreadPoolSize(), 1, TimeUnit.SECONDS,
01|                new SynchronousQueue<>(), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.taskExecutor = new ThreadPoolExecutor(options.getTaskExecutorThreadPoolSize(), options.getTaskExecutorThreadPoolSize(), //@CONC-02
2|                1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        int pollers = options.getPollThreadCount();
        pollExecutor = new ThreadPoolExecutor(pollers, pollers, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(pollers));
        pollExecutor.setThreadFactory(new ExecutorThreadFactory(options.getPollThreadNamePrefix()));
        for (int i = 0; i < pollers; i++) {
            pollExecutor.execute(this::pollLoop);
        }
    }

    private void pollLoop() {
        while (!pollExecutor.isShutdown()) {
            T task;
            try {
                task = pollTask.poll();
            } catch (RuntimeException e) {
                log.warn("Failure in poller {}, backing off {} ms", identity, options.getPollBackoffMillis(), e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(options.getPollBackoffMillis()));
                continue;
            }
            if (task == null) {
                continue;
            }
02|            taskExecutor.execute(() -> handler.handle(task));
1|            ExecutorService perTask = Executors.newSingleThreadExecutor(); //@RES-04
1|            perTask.execute(() -> handler.handle(task));
        }
    }

    @Override
    public void shutdown() {
        if (pollExecutor != null) {
            pollExecutor.shutdown();
        }
        taskExecutor.shutdown();
    }
}
''')
_CA = SLF4J + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
               'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicBoolean',
               'java.util.concurrent.locks.LockSupport']
cases_of(case, GH + 'cadence-workflow/cadence-java-client/pull/163',
         src('com.uber.cadence.internal.worker', 'Poller'),
         JV('com.uber.cadence.internal.worker', {0: _CA + ['java.util.concurrent.SynchronousQueue'],
                                                 1: _CA + ['java.util.concurrent.SynchronousQueue',
                                                           'java.util.concurrent.ExecutorService',
                                                           'java.util.concurrent.Executors'],
                                                 2: _CA + ['java.util.concurrent.LinkedBlockingQueue']})(CADENCE), [
             (1, 'java-00-cadence-poller-executor-per-task',
              'an edit hands every polled task to a new single-thread executor that is never shut down, leaking a '
              'thread per task', 'edit'),
             (2, 'java-00-cadence-poller-task-queue-unbounded',
              'an edit gives the task executor an unbounded queue, so a burst of polled tasks queues without limit '
              'instead of slowing the pollers', 'edit'),
             (0, 'java-ok-00-cadence-poller-shared-task-executor',
              'clean: the fix runs polled tasks on the poller\'s one bounded task executor and shuts it down', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TIME-01: job rescheduling of a search engine's job scheduler (job-scheduler)
JOBSCHED = template('job-scheduler-reschedule', r'''
/**
 * Schedules the runs of scheduled jobs on the job scheduler's thread pool. Every run schedules the next one when it
 * ends, so a run that throws, or a next execution time already in the past, must never end the chain.
 */
public class JobScheduler {
    private static final Logger log = LogManager.getLogger(JobScheduler.class);

    private final ThreadPool threadPool;
    private final Clock clock;

    public JobScheduler(ThreadPool threadPool, Clock clock) {
        this.threadPool = threadPool;
        this.clock = clock;
    }

    boolean reschedule(ScheduledJobParameter jobParameter, JobSchedulingInfo jobInfo, ScheduledJobRunner jobRunner,
            JobExecutionContext context) {
        Instant nextExecutionTime = jobParameter.getSchedule().getNextExecutionTime(jobInfo.getExpectedExecutionTime());
        if (nextExecutionTime == null) {
            log.info("No next execution time for job {}, descheduling it", jobParameter.getName());
            return false;
        }
        jobInfo.setExpectedExecutionTime(nextExecutionTime);
01|        Duration duration = Duration.between(this.clock.instant(), nextExecutionTime);
2|        Duration duration = Duration.between(LocalDateTime.now(), LocalDateTime.ofInstant(nextExecutionTime, ZoneId.systemDefault())); //@TIME-01
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }

        Runnable run = () -> {
            if (jobInfo.isDescheduled()) {
                return;
            }
            jobInfo.setActualPreviousExecutionTime(this.clock.instant());
02|            try {
02|                jobRunner.runJob(jobParameter, context);
02|            } catch (Exception e) {
02|                log.error("Failed to run job {}", jobParameter.getName(), e);
02|            } finally {
02|                this.reschedule(jobParameter, jobInfo, jobRunner, context);
02|            }
1|            jobRunner.runJob(jobParameter, context);
1|            this.reschedule(jobParameter, jobInfo, jobRunner, context);
        };
        jobInfo.setScheduledCancellable(this.threadPool.schedule(run, new TimeValue(duration.toNanos(), TimeUnit.NANOSECONDS), //@{1}CONC-07
                JobSchedulerPlugin.JOB_SCHEDULER_THREAD_POOL_NAME));
        return true;
    }
}
''')
_JS = ['java.time.Duration', 'java.time.Instant', 'java.util.concurrent.TimeUnit',
       'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
       'org.opensearch.common.unit.TimeValue', 'org.opensearch.jobscheduler.JobSchedulerPlugin',
       'org.opensearch.jobscheduler.spi.JobExecutionContext', 'org.opensearch.jobscheduler.spi.ScheduledJobParameter',
       'org.opensearch.jobscheduler.spi.ScheduledJobRunner', 'org.opensearch.threadpool.ThreadPool']
JOBSCHED_TEST = f(tst('org.opensearch.jobscheduler.scheduler', 'JobSchedulerTests'),
                  new=java('org.opensearch.jobscheduler.scheduler', sorted([
                      'java.time.Clock', 'java.time.Instant', 'java.time.ZoneOffset',
                      'org.opensearch.jobscheduler.spi.ScheduledJobParameter', 'org.opensearch.threadpool.ThreadPool',
                      'org.opensearch.test.OpenSearchTestCase', 'static org.mockito.ArgumentMatchers.any',
                      'static org.mockito.Mockito.mock', 'static org.mockito.Mockito.verify']), r'''
public class JobSchedulerTests extends OpenSearchTestCase {

    public void testRescheduleWithNextExecutionTimeInThePast() {
        ThreadPool threadPool = mock(ThreadPool.class);
        Clock clock = Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC);
        ScheduledJobParameter job = TestJobs.everyMinute("late-job", Instant.parse("2024-03-01T09:58:00Z"));
        JobSchedulingInfo info = new JobSchedulingInfo("index", "late-job", job);
        info.setExpectedExecutionTime(Instant.parse("2024-03-01T09:58:00Z"));

        assertTrue(new JobScheduler(threadPool, clock).reschedule(job, info, TestJobs.noopRunner(), TestJobs.context()));
        verify(threadPool).schedule(any(), any(), any());
    }
}
'''))
cases_of(case, GH + 'opensearch-project/job-scheduler/pull/409',
         src('org.opensearch.jobscheduler.scheduler', 'JobScheduler'),
         JV('org.opensearch.jobscheduler.scheduler', {0: _JS + ['java.time.Clock'], 1: _JS + ['java.time.Clock'],
                                                      2: _JS + ['java.time.Clock', 'java.time.LocalDateTime',
                                                                'java.time.ZoneId']})(JOBSCHED), [
             (1, 'java-00-job-scheduler-run-outside-catch',
              'an edit runs the job and schedules its next run with no catch around the run, so one failing run ends '
              'the job\'s schedule for good', 'edit'),
             (2, 'java-00-job-scheduler-delay-in-local-time',
              'an edit computes the delay to the next run between local date-times of the default zone, off by an '
              'hour across a daylight-saving change', 'edit'),
             (0, 'java-ok-00-job-scheduler-run-guarded',
              'clean: the fix catches a failing run and always schedules the next one; the change adds a test beside '
              'it', 'fix', [JOBSCHED_TEST]),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: interruptible jobs of a Java job scheduler (Sundial)
SUNDIAL = template('sundial-job-interrupt', r'''
/**
 * Base of Sundial jobs. A job is stopped by interrupting its thread (SundialJobScheduler.stopJob): the helpers below
 * turn an interrupt into a JobInterruptException, which ends doRun and lets the scheduler run cleanUp.
 */
public abstract class Job implements InterruptableJob {
    private static final Logger logger = LoggerFactory.getLogger(Job.class);
    private static final ThreadPoolExecutor STEPS = new ThreadPoolExecutor(2, 8, 30L, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), new ThreadPoolExecutor.CallerRunsPolicy());

    private volatile Thread runner;

    @Override
    public void interrupt() {
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits between the steps of a long job; a stopJob during the wait ends the job. */
    protected void pause(long millis) throws JobInterruptException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
02|            throw new JobInterruptException();
1|            logger.debug("pause of {} cut short", getJobName());
        }
    }

    /** Runs independent steps of the job in parallel and waits for every one of them. */
    protected void runInParallel(List<Runnable> steps) throws JobInterruptException {
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable step : steps) {
01|            futures.add(STEPS.submit(step));
2|            STEPS.submit(step); //@CONC-06
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("step of " + getJobName() + " failed", e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new JobInterruptException();
            }
        }
    }

    protected abstract String getJobName();
}
''')
_SU = SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
               'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
               'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
               'org.knowm.sundial.exceptions.JobInterruptException',
               'org.quartz.jobs.InterruptableJob']
cases_of(case, GH + 'knowm/Sundial/issues/25', src('org.knowm.sundial', 'Job'),
         J('org.knowm.sundial', _SU)(SUNDIAL), [
             (1, 'java-00-sundial-pause-swallows-interrupt',
              'an edit logs an interrupted pause and lets the job go on, so stopJob neither ends the job nor leaves '
              'the interrupt flag set', 'edit'),
             (2, 'java-00-sundial-parallel-step-future-dropped',
              'an edit submits each parallel step and drops its future, so a failing step goes unnoticed and the job '
              'does not wait for its steps', 'edit'),
             (0, 'java-ok-00-sundial-pause-ends-job-on-interrupt',
              'clean: the fix restores the interrupt and ends the job with a JobInterruptException', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: worker pool of a Resque port for Java (jesque), moved file
JESQUE = template('jesque-worker-pool', r'''
/**
 * A worker that takes its redis connections from a JedisPool instead of holding one for its life. Each poll borrows a
 * connection and returns it at once; a failed reconnect is reported and ends the worker instead of leaving it polling
 * with a broken connection.
 */
public class WorkerPoolImpl extends WorkerImpl {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolImpl.class);

    private final Pool<Jedis> jedisPool;

    public WorkerPoolImpl(Config config, Collection<String> queues, JobFactory jobFactory, Pool<Jedis> jedisPool) {
        super(config, queues, jobFactory);
        this.jedisPool = jedisPool;
    }

    @Override
    protected String pop(String queue) {
        final Jedis jedis = this.jedisPool.getResource(); //@{2}RES-01
01|        try {
01|            return jedis.lpop(key(QUEUE, queue));
01|        } finally {
01|            jedis.close();
01|        }
2|        final String payload = jedis.lpop(key(QUEUE, queue));
2|        jedis.close();
2|        return payload;
    }

    @Override
    protected void recoverFromException(String curQueue, Exception ex) {
        RecoveryStrategy strategy = getExceptionHandler().onException(this, ex, curQueue);
        switch (strategy) {
        case RECONNECT:
            LOG.info("Reconnecting to Redis in response to exception", ex);
            try {
                this.jedisPool.getResource().close();
            } catch (Exception e) { //@{1}ERR-01
02|                LOG.error("Reconnecting to Redis failed, stopping worker {}", getName(), e);
02|                end(false);
            }
            break;
        case TERMINATE:
            LOG.warn("Terminating worker {} in response to exception", getName(), ex);
            end(false);
            break;
        case PROCEED:
            fireEvent(WorkerEvent.WORKER_ERROR, this, null, null, null, null, ex);
            break;
        default:
            LOG.error("Unknown RecoveryStrategy: {}, while handling exception", strategy, ex);
            end(false);
        }
    }
}
''')
_JQ = SLF4J + ['java.util.Collection', 'net.greghaines.jesque.Config', 'net.greghaines.jesque.worker.JobFactory',
               'net.greghaines.jesque.worker.RecoveryStrategy', 'net.greghaines.jesque.worker.WorkerEvent',
               'net.greghaines.jesque.worker.WorkerImpl', 'redis.clients.jedis.Jedis', 'redis.clients.jedis.util.Pool',
               'static net.greghaines.jesque.utils.ResqueConstants.QUEUE']
cases_of(case, GH + 'gresrun/jesque/pull/26', src('net.greghaines.jesque.worker.pool', 'WorkerPoolImpl'),
         J('net.greghaines.jesque.worker.pool', _JQ)(JESQUE), [
             (1, 'java-00-jesque-moved-reconnect-failure-swallowed',
              'the pooled worker moves into a pool package and a failed reconnect is caught and ignored, leaving the '
              'worker polling with no working connection', 'rename'),
             (2, 'java-00-jesque-moved-connection-not-returned-on-error',
              'the pooled worker moves and a poll returns its connection only when the pop succeeds, so each redis '
              'error loses a pooled connection', 'rename'),
             (0, 'java-ok-00-jesque-moved-worker-pool',
              'clean: the move alone; connections go back in a finally and a failed reconnect ends the worker',
              'rename'),
         ], rename_from=src('net.greghaines.jesque.worker', 'WorkerPoolImpl'),
         rename_old=lambda t: t.replace('package net.greghaines.jesque.worker.pool;',
                                        'package net.greghaines.jesque.worker;').replace(
             'import net.greghaines.jesque.worker.JobFactory;\n', '').replace(
             'import net.greghaines.jesque.worker.RecoveryStrategy;\n', '').replace(
             'import net.greghaines.jesque.worker.WorkerEvent;\n', '').replace(
             'import net.greghaines.jesque.worker.WorkerImpl;\n', ''))


# ---------------------------------------------------------------- TIME-01 / LOG-02: schedule creation of a data pipeline orchestrator (spring-cloud-dataflow)
DATAFLOW = template('dataflow-schedule-timezone', r'''
/**
 * Creates schedules of task definitions on the platform's scheduler. Cron expressions are evaluated in the
 * platform's time zone, which need not be the server's: the next run shown to the user and written to the audit
 * record must be the one the platform will actually fire.
 */
public class DefaultSchedulerService implements SchedulerService {
    private static final Logger logger = LoggerFactory.getLogger(DefaultSchedulerService.class);

    private final TaskPlatformConfigurationProperties platformProperties;
    private final AuditRecordService auditRecordService;

    public DefaultSchedulerService(TaskPlatformConfigurationProperties platformProperties,
            AuditRecordService auditRecordService) {
        this.platformProperties = platformProperties;
        this.auditRecordService = auditRecordService;
    }

    @Override
    public void schedule(String scheduleName, String taskDefinitionName, String cronExpression, Launcher launcher) {
        ZoneId platformZone = this.platformProperties.getTimeZone(launcher.getName());
        CronExpression cron = CronExpression.parse(cronExpression);
02|        ZonedDateTime next = cron.next(ZonedDateTime.now(platformZone));
1|        ZonedDateTime next = cron.next(ZonedDateTime.now()); //@TIME-01
01|        logger.info("Scheduling {} of task {} on platform {}, next run {}", scheduleName, taskDefinitionName,
01|                launcher.getName(), next);
2|        logger.info("Scheduling " + scheduleName + " of task " + taskDefinitionName + " on platform " //@LOG-02
2|                + launcher.getName() + ", next run " + next);
        ScheduleRequest request = new ScheduleRequest(scheduleName, taskDefinitionName, cronExpression, platformZone);
        launcher.getScheduler().schedule(request);
        this.auditRecordService.populateAndSaveAuditRecord(AuditOperationType.SCHEDULE, AuditActionType.CREATE,
                scheduleName, "next run " + next, launcher.getName());
    }
}
''')
_DF = SLF4J + ['java.time.ZoneId', 'java.time.ZonedDateTime',
               'org.springframework.cloud.dataflow.audit.service.AuditRecordService',
               'org.springframework.cloud.dataflow.core.AuditActionType',
               'org.springframework.cloud.dataflow.core.AuditOperationType',
               'org.springframework.cloud.dataflow.core.Launcher',
               'org.springframework.cloud.dataflow.server.config.features.TaskPlatformConfigurationProperties',
               'org.springframework.cloud.dataflow.server.service.SchedulerService',
               'org.springframework.cloud.deployer.spi.scheduler.ScheduleRequest',
               'org.springframework.scheduling.support.CronExpression']
cases_of(case, GH + 'spring-attic/spring-cloud-dataflow/pull/4325',
         'spring-cloud-dataflow-server-core/' + src('org.springframework.cloud.dataflow.server.service.impl',
                                                    'DefaultSchedulerService'),
         J('org.springframework.cloud.dataflow.server.service.impl', _DF)(DATAFLOW), [
             (1, 'java-00-dataflow-next-run-in-server-zone',
              'an edit evaluates the cron expression against the server\'s default zone instead of the platform\'s, '
              'so the reported next run is off by the zones\' difference', 'edit'),
             (2, 'java-00-dataflow-schedule-log-concatenated',
              'an edit builds the scheduling log message by string concatenation', 'edit'),
             (0, 'java-ok-00-dataflow-next-run-in-platform-zone',
              'clean: the fix evaluates the cron expression in the platform\'s zone', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-03: worker wake-up of a distributed task broker (majordodo), new file
MAJORDODO = template('majordodo-worker-wakeup', r'''
/**
 * Wakes idle workers up when the broker assigns them a task. Wake-ups happen on every assignment, thousands a
 * second on a busy broker. A worker id without a status is the dummy worker a follower broker registers while it
 * downloads a snapshot: it has nothing to wake, which is normal and not worth more than a trace line.
 */
public class WorkerWakeUpNotifier {
    private static final Logger LOGGER = Logger.getLogger(WorkerWakeUpNotifier.class.getName());

    private final Workers workers;

    public WorkerWakeUpNotifier(Workers workers) {
        this.workers = workers;
    }

    public void taskAssigned(long taskId, String workerId) {
01|        LOGGER.log(Level.FINE, "task {0} assigned to {1}", new Object[]{taskId, workerId});
2|        LOGGER.log(Level.FINE, "task assigned to {0}", workerId); //@LOG-03
        wakeUp(workerId);
    }

    private void wakeUp(String workerId) {
        WorkerStatus status = workers.getWorkerStatus(workerId);
        if (status == null) {
02|            LOGGER.log(Level.FINEST, "no status for worker {0}, probably a snapshot download", workerId);
1|            LOGGER.log(Level.SEVERE, "wakeup {0} -> no status?", workerId); //@LOG-01
            return;
        }
        status.wakeUp();
    }
}
''')
cases_of(case, GH + 'diennea/majordodo/issues/43', src('majordodo.task', 'WorkerWakeUpNotifier'),
         J('majordodo.task', ['java.util.logging.Level', 'java.util.logging.Logger'])(MAJORDODO), [
             (1, 'java-00-majordodo-wakeup-logs-every-missing-status',
              'a new notifier logs a severe line for every wake-up of a worker without status, which a follower\'s '
              'snapshot download causes on every assignment', 'new'),
             (2, 'java-00-majordodo-assignment-log-without-task-id',
              'a new notifier logs task assignments without the task\'s id', 'new'),
             (0, 'java-ok-00-majordodo-wakeup-notifier',
              'clean: a new notifier that traces missing statuses and logs each assignment with its task id', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-02: task execution start of a short-lived task framework (spring-cloud-task)
SCTASK = template('spring-cloud-task-start-execution', r'''
/**
 * Stores task executions with plain JDBC. Starting an execution created ahead of time (its id handed to the task)
 * updates the row and writes the arguments in one transaction, keeping the start time the row already has.
 */
public class JdbcTaskExecutionDao implements TaskExecutionDao {
    private static final Log logger = LogFactory.getLog(JdbcTaskExecutionDao.class);
    private static final String START_TASK_EXECUTION = "UPDATE TASK_EXECUTION SET TASK_NAME = ?, "
            + "EXTERNAL_EXECUTION_ID = ?, START_TIME = COALESCE(START_TIME, ?) WHERE TASK_EXECUTION_ID = ?";
    private static final String INSERT_ARGUMENT = "INSERT INTO TASK_EXECUTION_PARAMS (TASK_EXECUTION_ID, TASK_PARAM) VALUES (?, ?)";

    private final DataSource dataSource;

    public JdbcTaskExecutionDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void startTaskExecution(long executionId, String taskName, Instant startTime, List<String> arguments,
            String externalExecutionId) throws SQLException {
02|        if (logger.isDebugEnabled()) {
02|            logger.debug(String.format("Starting task execution %d of %s", executionId, taskName));
02|        }
1|        logger.debug("Starting task execution " + executionId + " of " + taskName); //@LOG-02
        try (Connection con = this.dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                try (PreparedStatement update = con.prepareStatement(START_TASK_EXECUTION)) {
                    update.setString(1, taskName);
                    update.setString(2, externalExecutionId);
                    update.setTimestamp(3, Timestamp.from(startTime));
                    update.setLong(4, executionId);
                    update.executeUpdate();
                }
                try (PreparedStatement insert = con.prepareStatement(INSERT_ARGUMENT)) {
                    for (String argument : arguments) {
                        insert.setLong(1, executionId);
                        insert.setString(2, argument);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                con.commit();
            } catch (SQLException | RuntimeException e) { //@{2}TX-01
01|                con.rollback();
                throw e;
            }
        }
    }
}
''')
cases_of(case, GH + 'spring-cloud/spring-cloud-task/issues/860',
         'spring-cloud-task-core/' + src('org.springframework.cloud.task.repository.dao', 'JdbcTaskExecutionDao'),
         J('org.springframework.cloud.task.repository.dao', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
             'java.time.Instant', 'java.util.List', 'javax.sql.DataSource', 'org.apache.commons.logging.Log',
             'org.apache.commons.logging.LogFactory'])(SCTASK), [
             (1, 'java-00-spring-cloud-task-start-log-concatenated',
              'an edit builds the debug message of every started execution by concatenation, whether debug is on or '
              'not', 'edit'),
             (2, 'java-00-spring-cloud-task-start-transaction-not-rolled-back',
              'an edit drops the rollback when updating the execution or writing its arguments fails, leaving the '
              'transaction open on the connection', 'edit'),
             (0, 'java-ok-00-spring-cloud-task-start-guarded-debug',
              'clean: the fix formats the debug message only when debug is enabled', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP job worker of a workflow engine (zeebe-http-worker)
ZEEBE = template('zeebe-http-worker-request', r'''
/**
 * Handles jobs of type "http": each job describes one HTTP request, and the response becomes the job's result. The
 * worker has a few threads for all jobs, so a request must time out and every response must give its connection
 * back to the client's pool.
 */
public class HttpJobHandler implements JobHandler {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int SOCKET_TIMEOUT_MS = 60_000;

02|    private final CloseableHttpClient client = HttpClients.custom()
02|            .setDefaultRequestConfig(RequestConfig.custom()
02|                    .setConnectTimeout(CONNECT_TIMEOUT_MS)
02|                    .setConnectionRequestTimeout(CONNECT_TIMEOUT_MS)
02|                    .setSocketTimeout(SOCKET_TIMEOUT_MS)
02|                    .build())
02|            .build();
1|    private final CloseableHttpClient client = HttpClients.createDefault(); //@TMO-01

    @Override
    public void handle(JobClient jobClient, ActivatedJob job) throws IOException {
        HttpUriRequest request = RequestBuilder.create(job.getCustomHeaders().getOrDefault("method", "GET"))
                .setUri(job.getCustomHeaders().get("url"))
                .build();
        Map<String, Object> result = execute(request);
        jobClient.newCompleteCommand(job.getKey()).variables(result).send().join(10, TimeUnit.SECONDS);
    }

    private Map<String, Object> execute(HttpUriRequest request) throws IOException {
01|        try (CloseableHttpResponse response = client.execute(request)) {
01|            return toResult(response);
01|        }
2|        CloseableHttpResponse response = client.execute(request); //@RES-02
2|        return toResult(response);
    }

    private static Map<String, Object> toResult(HttpResponse response) throws IOException {
        Map<String, Object> result = new HashMap<>();
        result.put("statusCode", response.getStatusLine().getStatusCode());
        if (response.getEntity() != null) {
            result.put("body", EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
        return result;
    }
}
''')
_ZB = ['io.zeebe.client.api.response.ActivatedJob', 'io.zeebe.client.api.worker.JobClient',
       'io.zeebe.client.api.worker.JobHandler', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
       'java.util.HashMap', 'java.util.Map', 'java.util.concurrent.TimeUnit', 'org.apache.http.HttpResponse',
       'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpUriRequest',
       'org.apache.http.client.methods.RequestBuilder', 'org.apache.http.impl.client.CloseableHttpClient',
       'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils']
cases_of(case, GH + 'camunda-community-hub/zeebe-http-worker/issues/38', src('io.zeebe.http', 'HttpJobHandler'),
         JV('io.zeebe.http', {0: _ZB + ['org.apache.http.client.config.RequestConfig'], 1: _ZB,
                              2: _ZB + ['org.apache.http.client.config.RequestConfig']})(ZEEBE), [
             (1, 'java-00-zeebe-http-worker-client-without-timeouts',
              'an edit builds the worker\'s HTTP client with the defaults, which never time out, so a hung endpoint '
              'holds a worker thread and its job', 'edit'),
             (2, 'java-00-zeebe-http-worker-response-left-open',
              'an edit reads the response without closing it, so its pooled connection is never released', 'edit'),
             (0, 'java-ok-00-zeebe-http-worker-client-with-timeouts',
              'clean: the fix sets connect, pool and socket timeouts on the client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: time formatting of an Android job scheduler (android-job), CRLF file
ANDROIDJOB = template('android-job-time-to-string', r'''
/**
 * Helpers of the job manager. timeToString formats delays and windows of scheduled jobs for the log; it is called
 * from the scheduling threads of every job at once.
 */
public final class JobUtil {
02|    private static final DateTimeFormatter DURATION_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US)
0|            .withZone(ZoneOffset.UTC);
2|            .withZone(ZoneId.systemDefault()); //@TIME-01
1|    private static final SimpleDateFormat DURATION_FORMAT = new SimpleDateFormat("HH:mm:ss", Locale.US);
1|
1|    static {
1|        DURATION_FORMAT.setTimeZone(TimeZone.getTimeZone("GMT"));
1|    }

    private static final long ONE_DAY = TimeUnit.DAYS.toMillis(1);

    private JobUtil() {
        // no instances
    }

    /** Formats a duration in milliseconds as HH:mm:ss, with the number of days in front when it is a day or more. */
    public static String timeToString(long timeMs) {
02|        String result = DURATION_FORMAT.format(Instant.ofEpochMilli(timeMs));
1|        String result = DURATION_FORMAT.format(new Date(timeMs)); //@CONC-03
        long days = timeMs / ONE_DAY;
        if (days == 1) {
            result = "1 day " + result;
        } else if (days > 1) {
            result = days + " days " + result;
        }
        return result;
    }
}
''')
_AJ = ['java.util.Locale', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'Evernote/android-job/issues/208', 'library/' + src('com.evernote.android.job.util', 'JobUtil'),
         JV('com.evernote.android.job.util', {0: _AJ + ['java.time.Instant', 'java.time.ZoneOffset',
                                                         'java.time.format.DateTimeFormatter'],
                                              1: _AJ + ['java.text.SimpleDateFormat', 'java.util.Date',
                                                        'java.util.TimeZone'],
                                              2: _AJ + ['java.time.Instant', 'java.time.ZoneId',
                                                        'java.time.format.DateTimeFormatter']})(ANDROIDJOB), [
             (1, 'java-00-android-job-shared-date-format',
              'an edit formats durations with one static SimpleDateFormat that every scheduling thread shares', 'edit'),
             (2, 'java-00-android-job-duration-in-default-zone',
              'an edit formats durations in the device\'s default zone, shifting every logged delay by its offset',
              'edit'),
             (0, 'java-ok-00-android-job-immutable-formatter',
              'clean: the fix formats durations with an immutable java.time formatter in UTC', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-07: workflow deployer of an integration platform (openengsb)
OPENENGSB = template('openengsb-workflow-deployer', r'''
/**
 * Deploys workflow files dropped into the deploy directory. The artifact listener thread installs and removes files
 * while the retry task, every few seconds, deploys the flows whose dependencies were missing; both touch the
 * deployed-flows map.
 */
public class WorkflowDeployerService implements ArtifactInstaller {
    private static final Logger LOGGER = LoggerFactory.getLogger(WorkflowDeployerService.class);

01|    private final Map<String, Set<String>> deployedFlows = new ConcurrentHashMap<>();
2|    private final Map<String, Set<String>> deployedFlows = new HashMap<>(); //@CONC-03
    private final Set<File> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries;
    private final WorkflowService workflowService;

    public WorkflowDeployerService(WorkflowService workflowService, ScheduledExecutorService retries) {
        this.workflowService = workflowService;
        this.retries = retries;
    }

    public void start() {
02|        retries.scheduleWithFixedDelay(this::retryPendingSafely, 5, 5, TimeUnit.SECONDS);
1|        retries.scheduleWithFixedDelay(this::retryPending, 5, 5, TimeUnit.SECONDS); //@CONC-07
    }

    @Override
    public void install(File artifact) {
        try {
            doInstall(artifact);
        } catch (MissingDependencyException e) {
            LOGGER.info("Workflow {} waits for {}", artifact.getName(), e.getMissing());
            pending.add(artifact);
        }
    }

02|    private void retryPendingSafely() {
02|        try {
02|            retryPending();
02|        } catch (RuntimeException e) {
02|            LOGGER.error("Retrying pending workflows failed, trying again in 5s", e);
02|        }
02|    }
02|
    private void retryPending() {
        for (File artifact : pending) {
            try {
                doInstall(artifact);
                pending.remove(artifact);
            } catch (MissingDependencyException e) {
                LOGGER.debug("Workflow {} still waits for {}", artifact.getName(), e.getMissing());
            }
        }
    }

    private void doInstall(File artifact) throws MissingDependencyException {
        Set<String> flows = workflowService.deploy(artifact);
        deployedFlows.put(artifact.getName(), flows);
    }

    @Override
    public void uninstall(File artifact) {
        Set<String> flows = deployedFlows.remove(artifact.getName());
        if (flows != null) {
            flows.forEach(workflowService::undeploy);
        }
        pending.remove(artifact);
    }
}
''')
_OE = SLF4J + ['java.io.File', 'java.util.Map', 'java.util.Set', 'java.util.concurrent.ConcurrentHashMap',
               'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
               'org.apache.felix.fileinstall.ArtifactInstaller',
               'org.openengsb.core.workflow.api.MissingDependencyException',
               'org.openengsb.core.workflow.api.WorkflowService']
cases_of(case, GH + 'openengsb/openengsb/pull/935',
         'components/workflow/' + src('org.openengsb.core.workflow.internal', 'WorkflowDeployerService'),
         JV('org.openengsb.core.workflow.internal', {0: _OE, 1: _OE, 2: _OE + ['java.util.HashMap']})(OPENENGSB), [
             (1, 'java-00-openengsb-retry-task-unguarded',
              'an edit schedules the retry of pending workflows without a catch, so the first failing retry ends '
              'the retries for good', 'edit'),
             (2, 'java-00-openengsb-deployed-flows-unsynchronized',
              'an edit keeps the deployed flows in a plain HashMap that the listener thread and the retry task '
              'change concurrently', 'edit'),
             (0, 'java-ok-00-openengsb-retry-task-guarded',
              'clean: the fix schedules the retry through a method that catches and logs its failures', 'fix'),
         ])
