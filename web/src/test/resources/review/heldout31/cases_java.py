"""Round-31 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP connection its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 30)."""
from common16 import make_case, java, src, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = []


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


def JV(pkg, imports_of):
    """Like J, but the imports depend on the version (`imports_of[v]`), as an IDE would leave them."""
    return lambda body: (lambda v: java(pkg, sorted(set(imports_of[v])), variant(body, v)))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- CONC-05 / ERR-01: Android vehicle interface (openxc)
OPENXC = template('openxc', r'''
/** A vehicle interface reached over Bluetooth; a background thread keeps the socket connected while the source runs. */
public class BluetoothVehicleInterface extends BytestreamDataSource implements VehicleInterface {
    private static final String TAG = "BluetoothVehicleInterface";
    private static final long RECONNECT_DELAY_MS = 5000;

    private final DeviceManager mDeviceManager;
    private final Lock mConnectionLock = new ReentrantLock();
    private final Condition mDeviceChanged = mConnectionLock.newCondition();
    private BluetoothSocket mSocket;
    private BufferedOutputStream mOutStream;
    private String mExplicitAddress;

    public BluetoothVehicleInterface(SourceCallback callback, Context context, String address)
            throws DataSourceException {
        super(callback, context);
        mDeviceManager = new DeviceManager(context);
        mExplicitAddress = address;
        start();
    }

    /** Points the interface at another device and wakes the connection thread. */
    public void setAddress(String address) {
        mConnectionLock.lock();
        try {
            mExplicitAddress = address;
            disconnect();
            mDeviceChanged.signalAll();
        } finally {
            mConnectionLock.unlock();
        }
    }

    /**
     * Blocks the connection thread until a device is connected or the source stops. An interrupt means the source is
     * being stopped: the thread must give up.
     */
    private void waitForConnection() {
        mConnectionLock.lock();
        try {
            while (isRunning() && !isConnected()) {
                try {
                    mDeviceChanged.await(RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    Log.i(TAG, "Interrupted while waiting for a vehicle interface, stopping");
02|                    return;
1|                    Log.w(TAG, "Interrupted while waiting for a vehicle interface", e);
                }
                if (!isConnected()) {
                    connectToDevice(mExplicitAddress);
                }
            }
        } finally {
            mConnectionLock.unlock();
        }
    }

    /** Sends a command to the vehicle interface; false when it did not reach the socket. */
    @Override
    protected boolean write(byte[] bytes) {
        mConnectionLock.lock();
        boolean success = false;
        try {
            if (isConnected()) {
                mOutStream.write(bytes);
                mOutStream.flush();
                success = true;
            } else {
                Log.w(TAG, "Unable to write -- not connected");
            }
        } catch (IOException e) {
01|            Log.w(TAG, "Unable to write to the vehicle interface, disconnecting", e);
01|            disconnect();
2|            // the reader thread notices a dead socket on its next read //@ERR-01
        } finally {
            mConnectionLock.unlock();
        }
        return success;
    }

    @Override
    public boolean isConnected() {
        mConnectionLock.lock();
        try {
            return mSocket != null && mSocket.isConnected();
        } finally {
            mConnectionLock.unlock();
        }
    }
}
''')
cases_of(case, GH + 'openxc/openxc-android/pull/351', src('com.openxc.interfaces.bluetooth', 'BluetoothVehicleInterface'),
         J('com.openxc.interfaces.bluetooth', [
             'android.bluetooth.BluetoothSocket', 'android.content.Context', 'android.util.Log',
             'com.openxc.interfaces.VehicleInterface', 'com.openxc.sources.BytestreamDataSource',
             'com.openxc.sources.DataSourceException', 'com.openxc.sources.SourceCallback', 'java.io.BufferedOutputStream',
             'java.io.IOException', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.locks.Condition',
             'java.util.concurrent.locks.Lock', 'java.util.concurrent.locks.ReentrantLock'])(OPENXC), [
             (1, 'java-00-openxc-connection-wait-swallows-interrupt',
              'an edit logs the interrupt of the connection wait and keeps waiting, so a stopped source never stops',
              'edit'),
             (2, 'java-00-openxc-failed-command-write-swallowed',
              'an edit swallows a failed command write with a comment, leaving the dead socket connected', 'edit'),
             (0, 'java-ok-00-openxc-interrupt-kept-write-failure-disconnects',
              'clean: the interrupt restored and the wait left, a failed write logged and the socket dropped', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: OSGi timer dispatcher (ogema)
OGEMA = template('ogema', r'''
/** Runs the apps' timers: one dispatcher thread finds the due timers and hands them to the apps' executor. */
public class DefaultTimerScheduler implements TimerScheduler {
    private static final Logger logger = LoggerFactory.getLogger(DefaultTimerScheduler.class);
    private static final long TICK_MS = 10;

01|    private final Map<ApplicationTimer, Long> timers = new ConcurrentHashMap<>();
2|    private final Map<ApplicationTimer, Long> timers = new HashMap<>(); //@CONC-03
    private final ScheduledExecutorService dispatcher =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "OGEMA timer dispatcher"));
    private final FrameworkClock clock;
    private final ExecutorService executor;

    public DefaultTimerScheduler(FrameworkClock clock, ExecutorService executor) {
        this.clock = clock;
        this.executor = executor;
    }

    public void start() {
02|        dispatcher.scheduleWithFixedDelay(this::dispatchSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
1|        dispatcher.scheduleWithFixedDelay(this::dispatchDueTimers, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        dispatcher.shutdownNow();
    }

    /** Called by apps on their own threads while the dispatcher runs. */
    @Override
    public void addTimer(ApplicationTimer timer) {
        timers.put(timer, clock.getExecutionTime() + timer.getTimingInterval());
    }

    @Override
    public void removeTimer(ApplicationTimer timer) {
        timers.remove(timer);
    }

02|    private void dispatchSafely() {
02|        try {
02|            dispatchDueTimers();
02|        } catch (RuntimeException e) {
02|            logger.error("Timer dispatch failed, trying again at the next tick", e);
02|        }
02|    }
02|
    void dispatchDueTimers() {
        long now = clock.getExecutionTime();
        Iterator<Map.Entry<ApplicationTimer, Long>> it = timers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ApplicationTimer, Long> due = it.next();
            if (due.getValue() > now) {
                continue;
            }
            ApplicationTimer timer = due.getKey();
            due.setValue(now + timer.getTimingInterval());
            try {
                executor.execute(timer);
            } catch (RejectedExecutionException e) {
02|                logger.warn("Timer {} of {} rejected, its executor is shut down; dropping it", timer,
02|                        timer.getApplicationName(), e);
02|                it.remove();
1|                throw new IllegalStateException("Timer executor shut down while dispatching " + timer, e); //@CONC-07
            }
        }
    }
}
''')
OGEMA_IMPORTS = SLF4J + ['java.util.Iterator', 'java.util.Map', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'java.util.concurrent.RejectedExecutionException',
                         'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                         'org.ogema.core.application.Timer', 'org.ogema.core.administration.FrameworkClock']
cases_of(case, GH + 'ogema/ogema/issues/54', src('org.ogema.application.manager.impl.scheduler', 'DefaultTimerScheduler'),
         JV('org.ogema.application.manager.impl.scheduler', {
             v: [i for i in OGEMA_IMPORTS if i != 'org.ogema.core.application.Timer']
             + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap']) for v in (0, 1, 2)})(OGEMA), [
             (1, 'java-00-ogema-rejected-timer-ends-the-dispatch-schedule',
              'an edit schedules the dispatch directly and turns a rejected timer into an exception, so one rejection '
              'stops every timer', 'edit'),
             (2, 'java-00-ogema-timers-in-plain-hash-map',
              'an edit keeps the timers, added by apps on their own threads while the dispatcher iterates, in a HashMap',
              'edit'),
             (0, 'java-ok-00-ogema-dispatch-guarded-concurrent-timers',
              'clean: the dispatch wrapped in a logging catch, a rejected timer dropped, the timers in a concurrent map',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: offline mutation cache (appsync SDK)
APPSYNC = template('appsync', r'''
/** The SQLite table that keeps the mutations made offline until the device is back online. */
class AppSyncMutationSqlCacheOperations {
    private static final String TAG = AppSyncMutationSqlCacheOperations.class.getSimpleName();
    static final String TABLE = "mutation_records";
    static final String COLUMN_ID = "_id";
    static final String COLUMN_RECORD_ID = "record_id";
    static final String COLUMN_RECORD = "record";
    static final String COLUMN_RESPONSE_CLASS = "response_class";
    static final String COLUMN_CLIENT_STATE = "client_state";
    private static final String[] ALL_COLUMNS =
            {COLUMN_ID, COLUMN_RECORD_ID, COLUMN_RECORD, COLUMN_RESPONSE_CLASS, COLUMN_CLIENT_STATE};

    private final SQLiteDatabase database;
    private final SQLiteStatement insertStatement;
    private final SQLiteStatement deleteStatement;

    AppSyncMutationSqlCacheOperations(SQLiteOpenHelper dbHelper) {
        database = dbHelper.getWritableDatabase();
        insertStatement = database.compileStatement("INSERT INTO " + TABLE + " (" + COLUMN_RECORD_ID + ","
                + COLUMN_RECORD + "," + COLUMN_RESPONSE_CLASS + "," + COLUMN_CLIENT_STATE + ") VALUES (?,?,?,?)");
        deleteStatement = database.compileStatement("DELETE FROM " + TABLE + " WHERE " + COLUMN_RECORD_ID + " = ?");
    }

    long createRecord(String recordId, String record, String responseClassName, JSONObject clientState) {
        insertStatement.bindString(1, recordId);
        insertStatement.bindString(2, record);
        insertStatement.bindString(3, responseClassName);
        insertStatement.bindString(4, clientState.toString());
        return insertStatement.executeInsert();
    }

    boolean deleteRecord(String recordId) {
        deleteStatement.bindString(1, recordId);
        return deleteStatement.executeUpdateDelete() > 0;
    }

    /** Every persisted mutation, oldest first, so the queue replays them in the order they were made. */
    List<PersistentOfflineMutationObject> fetchAllRecords() {
02|        try (Cursor cursor = database.query(TABLE, ALL_COLUMNS, null, null, null, null, COLUMN_ID + " ASC")) {
02|            return readAll(cursor);
02|        }
1|        Cursor cursor = database.query(TABLE, ALL_COLUMNS, null, null, null, null, COLUMN_ID + " ASC"); //@RES-01
1|        return readAll(cursor);
    }

    private List<PersistentOfflineMutationObject> readAll(Cursor cursor) {
        List<PersistentOfflineMutationObject> records = new ArrayList<>();
        while (cursor.moveToNext()) {
            records.add(readRecord(cursor));
        }
        return records;
    }

    private PersistentOfflineMutationObject readRecord(Cursor cursor) {
        String recordId = cursor.getString(cursor.getColumnIndexOrThrow(COLUMN_RECORD_ID));
        String clientState = cursor.getString(cursor.getColumnIndexOrThrow(COLUMN_CLIENT_STATE));
        JSONObject state;
        try {
            state = new JSONObject(clientState);
        } catch (JSONException e) {
01|            throw new IllegalStateException("Corrupt client state in persisted mutation " + recordId, e);
2|            state = new JSONObject(); //@ERR-01
        }
        return new PersistentOfflineMutationObject(
                recordId,
                cursor.getString(cursor.getColumnIndexOrThrow(COLUMN_RECORD)),
                cursor.getString(cursor.getColumnIndexOrThrow(COLUMN_RESPONSE_CLASS)),
                state.optString("bucket"),
                state.optString("key"),
                state.optString("region"));
    }
}
''')
cases_of(case, GH + 'awslabs/aws-mobile-appsync-sdk-android/pull/141',
         'aws-android-sdk-appsync/' + src('com.amazonaws.mobileconnectors.appsync', 'AppSyncMutationSqlCacheOperations'),
         J('com.amazonaws.mobileconnectors.appsync', [
             'android.database.Cursor', 'android.database.sqlite.SQLiteDatabase', 'android.database.sqlite.SQLiteOpenHelper',
             'android.database.sqlite.SQLiteStatement', 'java.util.ArrayList', 'java.util.List', 'org.json.JSONException',
             'org.json.JSONObject'])(APPSYNC), [
             (1, 'java-00-appsync-mutation-cursor-never-closed',
              'an edit takes the cursor over the persisted mutations out of try-with-resources and never closes it',
              'edit'),
             (2, 'java-00-appsync-corrupt-client-state-read-as-empty',
              'an edit reads a persisted mutation whose client state does not parse as an empty state, silently',
              'edit'),
             (0, 'java-ok-00-appsync-cursor-in-try-corrupt-state-thrown',
              'clean: the cursor in try-with-resources, a corrupt client state thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-04: schedule service (oceanbase odc)
ODC = template('odc', r'''
/** Creates and triggers database change schedules; each schedule is a row plus a Quartz job. */
@Service
public class ScheduleService {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    private static final String SCHEDULE_ID_KEY = "scheduleId";

    private final ScheduleRepository scheduleRepository;
    private final ScheduleTaskRepository taskRepository;
    private final QuartzJobService quartzJobService;
    private final PlatformTransactionManager transactionManager;
    private final ThreadPoolTaskExecutor triggerExecutor;

    public ScheduleService(ScheduleRepository scheduleRepository, ScheduleTaskRepository taskRepository,
            QuartzJobService quartzJobService, PlatformTransactionManager transactionManager,
            ThreadPoolTaskExecutor triggerExecutor) {
        this.scheduleRepository = scheduleRepository;
        this.taskRepository = taskRepository;
        this.quartzJobService = quartzJobService;
        this.transactionManager = transactionManager;
        this.triggerExecutor = triggerExecutor;
    }

    /** Stores the schedule and creates its job; a schedule whose job could not be created is not kept. */
    public ScheduleEntity create(CreateScheduleReq req) {
        DefaultTransactionDefinition def = new DefaultTransactionDefinition();
02|        def.setName("createSchedule");
1|        def.setName("createSchedule:" + req.getName());
        TransactionStatus tx = transactionManager.getTransaction(def); //@{1}TX-01
        try {
            ScheduleEntity schedule = scheduleRepository.save(toEntity(req));
            quartzJobService.createJob(buildJobReq(schedule));
            transactionManager.commit(tx);
            return schedule;
        } catch (SchedulerException e) {
02|            transactionManager.rollback(tx);
            throw new UnexpectedException("Failed to create the job of schedule " + req.getName(), e);
02|        } catch (RuntimeException e) {
02|            transactionManager.rollback(tx);
02|            throw e;
        }
    }

    /** Runs a schedule now, on the trigger pool, outside its cron expression. */
    public void triggerNow(Long scheduleId) {
        ScheduleEntity schedule = scheduleRepository.findById(scheduleId)
                .orElseThrow(() -> new NotFoundException(ResourceType.ODC_SCHEDULE, "id", scheduleId));
        triggerExecutor.execute(() -> runTriggered(schedule));
    }

    private void runTriggered(ScheduleEntity schedule) {
        MDC.put(SCHEDULE_ID_KEY, String.valueOf(schedule.getId())); //@{2}CONC-04
        try {
01|            log.info("Triggering schedule {} by hand", schedule.getId());
2|            log.info("Manual trigger of schedule {}", schedule.getId());
            quartzJobService.triggerJob(QuartzKeyGenerator.generateJobKey(schedule));
            taskRepository.markTriggered(schedule.getId(), new Date());
        } catch (SchedulerException e) {
            log.warn("Manual trigger of schedule {} failed", schedule.getId(), e);
01|        } finally {
01|            MDC.remove(SCHEDULE_ID_KEY);
        }
    }

    private ScheduleEntity toEntity(CreateScheduleReq req) {
        ScheduleEntity entity = new ScheduleEntity();
        entity.setName(req.getName());
        entity.setConnectionId(req.getConnectionId());
        entity.setTriggerConfigJson(req.getTriggerConfig().toJson());
        entity.setStatus(ScheduleStatus.ENABLED);
        return entity;
    }

    private CreateQuartzJobReq buildJobReq(ScheduleEntity schedule) {
        CreateQuartzJobReq jobReq = new CreateQuartzJobReq();
        jobReq.setScheduleId(schedule.getId());
        jobReq.setJobKey(QuartzKeyGenerator.generateJobKey(schedule));
        jobReq.setTriggerConfig(TriggerConfig.fromJson(schedule.getTriggerConfigJson()));
        return jobReq;
    }
}
''')
cases_of(case, GH + 'oceanbase/odc/pull/4069',
         'server/odc-service/' + src('com.oceanbase.odc.service.schedule', 'ScheduleService'),
         J('com.oceanbase.odc.service.schedule', SLF4J + [
             'com.oceanbase.odc.common.exception.UnexpectedException', 'com.oceanbase.odc.core.shared.constant.ResourceType',
             'com.oceanbase.odc.core.shared.exception.NotFoundException',
             'com.oceanbase.odc.metadb.schedule.ScheduleEntity', 'com.oceanbase.odc.metadb.schedule.ScheduleRepository',
             'com.oceanbase.odc.metadb.schedule.ScheduleTaskRepository',
             'com.oceanbase.odc.service.quartz.QuartzJobService', 'com.oceanbase.odc.service.quartz.model.CreateQuartzJobReq',
             'com.oceanbase.odc.service.quartz.util.QuartzKeyGenerator',
             'com.oceanbase.odc.service.schedule.model.CreateScheduleReq',
             'com.oceanbase.odc.service.schedule.model.ScheduleStatus',
             'com.oceanbase.odc.service.schedule.model.TriggerConfig', 'java.util.Date', 'org.quartz.SchedulerException',
             'org.slf4j.MDC', 'org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor',
             'org.springframework.stereotype.Service', 'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition'])(ODC), [
             (1, 'java-00-odc-failed-job-creation-leaves-schedule-transaction-open',
              'an edit stops rolling back when the Quartz job cannot be created, leaving the schedule transaction open',
              'edit'),
             (2, 'java-00-odc-trigger-mdc-never-removed',
              'an edit puts the schedule id into the MDC of a pooled trigger thread and no longer removes it', 'edit'),
             (0, 'java-ok-00-odc-rolled-back-mdc-removed-in-finally',
              'clean: any failure rolled back, the MDC entry removed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: build tool plugin store (gjf gradle)
GJF = template('gjf', r'''
/** Remembers the state of every source file the format task has seen, one line per file, in the build directory. */
class FileInfoStore {
    private final Logger log;
    private final Path backingFile;
    private final FileInfoEncoder encoder;

    FileInfoStore(Logger log, Path backingFile, FileInfoEncoder encoder) {
        this.log = log;
        this.backingFile = backingFile;
        this.encoder = encoder;
    }

    /** Every stored state; a line that does not decode means the store is corrupt and fails the task. */
    Set<FileInfo> read() throws IOException {
        return new HashSet<>(readAll().values());
    }

    /** Replaces the stored states of the given files and keeps the others. */
    void update(Iterable<FileInfo> infos) throws IOException {
        Map<Path, FileInfo> merged = readAll();
        for (FileInfo info : infos) {
            merged.put(info.path(), info);
        }
        Files.createDirectories(backingFile.getParent());
02|        try (Writer writer = Channels.newWriter(FileChannel.open(backingFile, CREATE, WRITE, TRUNCATE_EXISTING), UTF_8.name())) {
02|            writeAll(writer, merged.values());
02|        }
1|        FileChannel channel = FileChannel.open(backingFile, CREATE, WRITE, TRUNCATE_EXISTING); //@RES-01
1|        Writer writer = Channels.newWriter(channel, UTF_8.name());
1|        writeAll(writer, merged.values());
1|        writer.flush();
        log.debug("Stored the state of {} files in {}", merged.size(), backingFile);
    }

    private void writeAll(Writer writer, Iterable<FileInfo> infos) throws IOException {
        for (FileInfo info : infos) {
            writer.write(encoder.encode(info));
            writer.write('\n');
        }
    }

    private Map<Path, FileInfo> readAll() throws IOException {
        Map<Path, FileInfo> result = new HashMap<>();
        if (!Files.exists(backingFile)) {
            return result;
        }
        List<String> lines = Files.readAllLines(backingFile, UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            try {
                FileInfo info = encoder.decode(line);
                result.put(info.path(), info);
            } catch (IllegalArgumentException e) {
01|                throw new IOException("Corrupt line " + (i + 1) + " in " + backingFile + ": " + line, e);
2|                // a line we cannot read only means that file is formatted again //@ERR-01
            }
        }
        return result;
    }
}
''')
GJF_IMPORTS = ['java.io.IOException', 'java.io.Writer', 'java.nio.channels.Channels', 'java.nio.channels.FileChannel',
               'java.nio.file.Files', 'java.nio.file.Path', 'java.util.HashMap', 'java.util.HashSet', 'java.util.List',
               'java.util.Map', 'java.util.Set', 'org.gradle.api.logging.Logger',
               'static java.nio.charset.StandardCharsets.UTF_8', 'static java.nio.file.StandardOpenOption.CREATE',
               'static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING', 'static java.nio.file.StandardOpenOption.WRITE']
cases_of(case, GH + 'sherter/google-java-format-gradle-plugin/issues/9',
         src('com.github.sherter.googlejavaformatgradleplugin', 'FileInfoStore'),
         J('com.github.sherter.googlejavaformatgradleplugin', GJF_IMPORTS)(GJF), [
             (1, 'java-00-gjf-store-channel-never-closed',
              'an edit writes the file store through a channel and writer it never closes, locking the file on Windows',
              'edit'),
             (2, 'java-00-gjf-corrupt-store-line-skipped-silently',
              'an edit skips a store line that does not decode, with only a comment', 'edit'),
             (0, 'java-ok-00-gjf-writer-in-try-corrupt-line-thrown',
              'clean: the channel writer in try-with-resources, a corrupt store line thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: image FFT op, renamed (imagej-ops)
IMAGEJ = template('imagej', r'''
/**
 * Forward FFT of a real image into a complex image, one dimension after the other, each dimension split over the
 * threads of the context's executor.
 */
@Plugin(type = Ops.Filter.FFT.class, priority = Priority.HIGH)
public class FFTMethodsOpC<T extends RealType<T>, C extends ComplexType<C>>
        extends AbstractUnaryComputerOp<RandomAccessibleInterval<T>, RandomAccessibleInterval<C>> {

    @Parameter
    private ThreadService ts;

    @Parameter(required = false)
    private OutOfBoundsFactory<T, RandomAccessibleInterval<T>> obf;

    @Override
    public void compute(RandomAccessibleInterval<T> input, RandomAccessibleInterval<C> output) {
02|        ExecutorService service = ts.getExecutorService();
1|        ExecutorService service = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()); //@RES-04
        if (obf == null) {
            obf = new OutOfBoundsConstantValueFactory<>(Util.getTypeFromInterval(input).createVariable());
        }
        Interval inputInterval = FFTMethods.paddingIntervalCentered(input, FinalDimensions.wrap(Intervals.dimensionsAsLongArray(output)));
        FFTMethods.realToComplex(Views.interval(Views.extend(input, obf), inputInterval), output, 0, false, service);
        for (int d = 1; d < input.numDimensions(); d++) {
            FFTMethods.complexToComplex(output, d, true, false, service);
        }
    }

    /** Transforms every plane of a stack, one task per plane, and returns when all of them are done. */
    public void computePlanes(List<RandomAccessibleInterval<T>> planes, List<RandomAccessibleInterval<C>> outputs) {
        ExecutorService service = ts.getExecutorService();
01|        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < planes.size(); i++) {
            RandomAccessibleInterval<T> in = planes.get(i);
            RandomAccessibleInterval<C> out = outputs.get(i);
01|            pending.add(service.submit(() -> compute(in, out)));
2|            service.submit(() -> compute(in, out)); //@CONC-06
        }
01|        awaitAll(pending);
    }

01|    private static void awaitAll(List<Future<?>> pending) {
01|        try {
01|            for (Future<?> f : pending) {
01|                f.get();
01|            }
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|            throw new IllegalStateException("Interrupted while transforming planes", e);
01|        } catch (ExecutionException e) {
01|            throw new IllegalStateException("Transforming a plane failed", e.getCause());
01|        }
01|    }
}
''')


def imagej_old(text):
    return text.replace('FFTMethodsOpC', 'FFTRAI')


IMAGEJ_IMPORTS = ['java.util.List', 'java.util.concurrent.ExecutorService',
                  'net.imagej.ops.Ops', 'net.imagej.ops.special.computer.AbstractUnaryComputerOp',
                  'net.imglib2.FinalDimensions', 'net.imglib2.Interval', 'net.imglib2.RandomAccessibleInterval',
                  'net.imglib2.algorithm.fft2.FFTMethods', 'net.imglib2.outofbounds.OutOfBoundsConstantValueFactory',
                  'net.imglib2.outofbounds.OutOfBoundsFactory', 'net.imglib2.type.numeric.ComplexType',
                  'net.imglib2.type.numeric.RealType', 'net.imglib2.util.Intervals', 'net.imglib2.util.Util',
                  'net.imglib2.view.Views', 'org.scijava.Priority', 'org.scijava.plugin.Parameter',
                  'org.scijava.plugin.Plugin', 'org.scijava.thread.ThreadService']
cases_of(case, GH + 'imagej/imagej-ops/pull/383', src('net.imagej.ops.filter.fft', 'FFTMethodsOpC'),
         JV('net.imagej.ops.filter.fft', {
             0: IMAGEJ_IMPORTS + ['java.util.ArrayList', 'java.util.concurrent.ExecutionException',
                                  'java.util.concurrent.Future'],
             1: IMAGEJ_IMPORTS + ['java.util.ArrayList', 'java.util.concurrent.ExecutionException',
                                  'java.util.concurrent.Executors', 'java.util.concurrent.Future'],
             2: IMAGEJ_IMPORTS})(IMAGEJ), [
             (1, 'java-00-imagej-renamed-fft-op-builds-thread-pool-per-call',
              'a PR renames the FFT op and builds a new fixed thread pool on every call, never shut down', 'rename'),
             (2, 'java-00-imagej-renamed-fft-op-plane-futures-dropped',
              'a PR renames the FFT op and submits one task per plane without keeping the futures, losing failures and '
              'returning early', 'rename'),
             (0, 'java-ok-00-imagej-renamed-fft-op-shared-executor-planes-awaited',
              'clean: the rename alone; the context\'s shared executor, every plane awaited', 'rename'),
         ], rename_from=src('net.imagej.ops.filter.fft', 'FFTRAI'), rename_old=imagej_old)


# ---------------------------------------------------------------- TMO-01 / CONC-01: Minecraft mod web helper (Citadel)
CITADEL = template('citadel', r'''
/** Reads small text files from the web (contributor lists, version notes), falling back to a bundled copy. */
public final class WebHelper {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final String CONTRIBUTORS_URL = "https://raw.githubusercontent.com/AlexModGuy/Citadel/master/contributors.txt";
    private static final String CONTRIBUTORS_BACKUP = "assets/citadel/contributors.txt";

    private WebHelper() {
    }

    /** The contents of the URL, or of the bundled file when the URL cannot be read; null when neither exists. */
    @Nullable
    public static BufferedReader getURLContents(@Nonnull String urlString, @Nonnull String backupFileLoc) {
        try {
            URL url = new URL(urlString);
            URLConnection connection = url.openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestProperty("User-Agent", "Citadel");
            InputStream stream = connection.getInputStream();
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        } catch (IOException e) {
            Citadel.LOGGER.warn("Could not read {}, using the bundled copy", urlString, e);
        }
        InputStream bundled = WebHelper.class.getClassLoader().getResourceAsStream(backupFileLoc);
        return bundled == null ? null : new BufferedReader(new InputStreamReader(bundled, StandardCharsets.UTF_8));
    }

    /** Loads the contributor list off the game thread and hands it to the callback. */
    public static void loadContributorsAsync(Consumer<List<String>> whenDone) {
        Thread loader = new Thread(() -> whenDone.accept(readLines(CONTRIBUTORS_URL, CONTRIBUTORS_BACKUP)), //@{2}CONC-01
                "Citadel contributor list");
        loader.setDaemon(true);
01|        loader.setUncaughtExceptionHandler((t, e) -> Citadel.LOGGER.error("Loading the contributor list failed", e));
        loader.start();
    }

    private static List<String> readLines(String urlString, String backupFileLoc) {
        BufferedReader reader = getURLContents(urlString, backupFileLoc);
        if (reader == null) {
            return Collections.emptyList();
        }
        try (BufferedReader in = reader) {
            return in.lines().map(String::trim).filter(line -> !line.isEmpty()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + urlString + " failed", e);
        }
    }
}
''')
cases_of(case, GH + 'AlexModGuy/Citadel/issues/72', src('com.github.alexthe666.citadel.web', 'WebHelper'),
         J('com.github.alexthe666.citadel.web', [
             'com.github.alexthe666.citadel.Citadel', 'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStream',
             'java.io.InputStreamReader', 'java.io.UncheckedIOException', 'java.net.URL', 'java.net.URLConnection',
             'java.nio.charset.StandardCharsets', 'java.util.Collections', 'java.util.List', 'java.util.function.Consumer',
             'java.util.stream.Collectors', 'javax.annotation.Nonnull', 'javax.annotation.Nullable'])(CITADEL), [
             (1, 'java-00-citadel-url-contents-without-timeouts',
              'an edit drops the connect and read timeouts of the web helper, so an unreachable host hangs server start',
              'edit'),
             (2, 'java-00-citadel-contributor-thread-without-handler',
              'an edit drops the uncaught-exception handler of the contributor loading thread', 'edit'),
             (0, 'java-ok-00-citadel-bounded-connection-thread-handled',
              'clean: connect and read timeouts set, the loader thread has an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: search indexing on Ray (elasticray), new
ELASTICRAY = template('elasticray', r'''
/** Writes documents to an index in bulk requests of a fixed size and reports the documents that failed. */
public class BulkDocumentWriter {
    private static final Logger LOG = LogManager.getLogger(BulkDocumentWriter.class);

    private final RestHighLevelClient client;
    private final String index;
    private final int batchSize;

    public BulkDocumentWriter(RestHighLevelClient client, String index, int batchSize) {
        this.client = client;
        this.index = index;
        this.batchSize = batchSize;
    }

    /** Writes every document and returns the ids of those the cluster rejected. */
    public List<String> write(List<Document> documents) throws IOException {
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += batchSize) {
            List<Document> batch = documents.subList(from, Math.min(from + batchSize, documents.size()));
            BulkRequest request = new BulkRequest(index).timeout(TimeValue.timeValueSeconds(30));
            for (Document doc : batch) {
                request.add(new IndexRequest().id(doc.getId()).source(doc.getSource(), XContentType.JSON));
1|                LOG.info("Queued document {} for index {}", doc.getId(), index); //@LOG-01
            }
            BulkResponse response = client.bulk(request, RequestOptions.DEFAULT);
            for (BulkItemResponse item : response.getItems()) {
                if (item.isFailed()) {
                    failed.add(item.getId());
                }
            }
            if (response.hasFailures()) {
                LOG.warn("{} of {} documents rejected by {}", failed.size(), batch.size(), index);
01|                LOG.debug("Bulk failures for {}: {}", () -> index, response::buildFailureMessage);
2|                LOG.debug("Bulk failures for " + index + ": " + response.buildFailureMessage()); //@LOG-02
            }
        }
        LOG.info("Wrote {} documents to {}, {} rejected", documents.size(), index, failed.size());
        return failed;
    }
}
''')
cases_of(case, GH + 'CognitivZen/elasticray/issues/10', src('com.cognitivzen.elasticray.index', 'BulkDocumentWriter'),
         J('com.cognitivzen.elasticray.index', [
             'com.cognitivzen.elasticray.model.Document', 'java.io.IOException', 'java.util.ArrayList', 'java.util.List',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
             'org.elasticsearch.action.bulk.BulkItemResponse', 'org.elasticsearch.action.bulk.BulkRequest',
             'org.elasticsearch.action.bulk.BulkResponse', 'org.elasticsearch.action.index.IndexRequest',
             'org.elasticsearch.client.RequestOptions', 'org.elasticsearch.client.RestHighLevelClient',
             'org.elasticsearch.common.unit.TimeValue', 'org.elasticsearch.common.xcontent.XContentType'])(ELASTICRAY), [
             (1, 'java-00-elasticray-new-writer-info-line-per-document',
              'a new bulk writer logs every queued document at info', 'new'),
             (2, 'java-00-elasticray-new-writer-failure-debug-line-concatenated',
              'a new bulk writer builds the debug line of bulk failures by concatenation, with debug off', 'new'),
             (0, 'java-ok-00-elasticray-new-writer-summary-lines-parameterised',
              'clean: a new bulk writer with one summary line per call and parameterised failure lines', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-05: trading SDK websocket (alpaca-java)
ALPACA = template('alpaca', r'''
/** The streaming connection of the trading API: one websocket, messages handed to the registered listeners. */
public class AlpacaWebsocketClient implements WebsocketClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(AlpacaWebsocketClient.class);
    private static final int MAX_RECONNECT_ATTEMPTS = 5;
    private static final long RECONNECT_SLEEP_MS = 1_000;

01|    private final List<AlpacaStreamListener> listeners = new CopyOnWriteArrayList<>();
2|    private final List<AlpacaStreamListener> listeners = new ArrayList<>(); //@CONC-03
    private final String streamUrl;
    private final WebsocketClientEndpoint endpoint;
    private volatile boolean wantsConnected;

    public AlpacaWebsocketClient(String streamUrl, WebsocketClientEndpoint endpoint) {
        this.streamUrl = streamUrl;
        this.endpoint = endpoint;
    }

    /** Called by the application on any thread, also while messages arrive. */
    public void addListener(AlpacaStreamListener listener) throws WebsocketException {
        if (listeners.isEmpty()) {
            connect();
        }
        listeners.add(listener);
        subscribe(listener.getStreamMessageTypes());
    }

    public void removeListener(AlpacaStreamListener listener) {
        listeners.remove(listener);
        if (listeners.isEmpty()) {
            disconnect();
        }
    }

    /** Called on the websocket thread for every message. */
    @Override
    public void handleWebsocketMessage(String message) {
        AlpacaStreamMessage parsed = AlpacaStreamMessage.parse(message);
        for (AlpacaStreamListener listener : listeners) {
            if (listener.getStreamMessageTypes().contains(parsed.getType())) {
                listener.onStreamUpdate(parsed.getType(), parsed);
            }
        }
    }

    /** Reconnects with a growing pause; an interrupt of the calling thread ends the attempts. */
    @Override
    public void handleWebsocketClose(int code, String reason) {
        LOGGER.info("Websocket to {} closed: {} {}", streamUrl, code, reason);
        for (int attempt = 1; wantsConnected && attempt <= MAX_RECONNECT_ATTEMPTS; attempt++) {
            try {
                Thread.sleep(RECONNECT_SLEEP_MS * attempt);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                LOGGER.info("Reconnect to {} interrupted, giving up", streamUrl);
02|                return;
1|                LOGGER.warn("Reconnect pause interrupted, trying now", e);
            }
            try {
                connect();
                return;
            } catch (WebsocketException e) {
                LOGGER.warn("Reconnect attempt {} to {} failed", attempt, streamUrl, e);
            }
        }
    }

    private void connect() throws WebsocketException {
        wantsConnected = true;
        endpoint.connect(streamUrl);
    }

    private void disconnect() {
        wantsConnected = false;
        endpoint.close();
    }

    private void subscribe(Collection<AlpacaStreamMessageType> types) throws WebsocketException {
        endpoint.send(AlpacaStreamMessage.subscription(types));
    }
}
''')
ALPACA_IMPORTS = SLF4J + ['java.util.Collection', 'java.util.List',
                          'net.jacobpeterson.alpaca.websocket.listener.AlpacaStreamListener',
                          'net.jacobpeterson.alpaca.websocket.message.AlpacaStreamMessage',
                          'net.jacobpeterson.alpaca.websocket.message.AlpacaStreamMessageType',
                          'net.jacobpeterson.abstracts.websocket.WebsocketClient',
                          'net.jacobpeterson.abstracts.websocket.WebsocketClientEndpoint',
                          'net.jacobpeterson.abstracts.websocket.exception.WebsocketException']
cases_of(case, GH + 'Petersoj/alpaca-java/pull/76', src('net.jacobpeterson.alpaca.websocket', 'AlpacaWebsocketClient'),
         JV('net.jacobpeterson.alpaca.websocket', {
             v: ALPACA_IMPORTS + (['java.util.ArrayList'] if v == 2 else ['java.util.concurrent.CopyOnWriteArrayList'])
             for v in (0, 1, 2)})(ALPACA), [
             (1, 'java-00-alpaca-reconnect-pause-swallows-interrupt',
              'an edit logs the interrupt of the reconnect pause and reconnects at once, so a stopping app keeps '
              'reconnecting', 'edit'),
             (2, 'java-00-alpaca-listeners-in-plain-array-list',
              'an edit keeps the listeners, added by the application while the websocket thread iterates, in an '
              'ArrayList', 'edit'),
             (0, 'java-ok-00-alpaca-interrupt-kept-listeners-copy-on-write',
              'clean: the interrupt restored and the attempts ended, the listeners in a copy-on-write list', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: conformance tool results (piv-conformance), CRLF
PIV = template('piv', r'''
/** The SQLite database of the conformance tool: test definitions and the results of every run. */
public class ConformanceTestDatabase {
    private static final Logger s_logger = LoggerFactory.getLogger(ConformanceTestDatabase.class);
    private static final int QUERY_TIMEOUT_S = 30;
    private static final String INSERT_RUN =
            "INSERT INTO TestRuns (Name, Started, Finished, CardReader) VALUES (?, ?, ?, ?)";
    private static final String INSERT_RESULT =
            "INSERT INTO TestResults (RunId, StepId, Status, Message) VALUES (?, ?, ?, ?)";

    private Connection m_conn;

    public ConformanceTestDatabase(Connection conn) {
        m_conn = conn;
    }

    /** Stores one test run with all its step results: either every row lands or none does. */
    public void addTestRun(TestRun run) throws ConfigurationException {
        Connection conn = m_conn;
        try {
            conn.setAutoCommit(false); //@{1}TX-01
1|            s_logger.debug("Storing test run {}", run.getName());
            long runId = insertRun(conn, run);
            for (TestStepResult result : run.getResults()) {
                insertResult(conn, runId, result);
            }
            conn.commit();
        } catch (SQLException e) {
02|            rollback(conn, e);
            throw new ConfigurationException("Unable to store test run " + run.getName(), e);
02|        } finally {
02|            restoreAutoCommit(conn);
        }
    }

    private long insertRun(Connection conn, TestRun run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT_RUN, Statement.RETURN_GENERATED_KEYS)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_S);
            ps.setString(1, run.getName());
            ps.setTimestamp(2, Timestamp.from(run.getStarted()));
            ps.setTimestamp(3, Timestamp.from(run.getFinished()));
            ps.setString(4, run.getReaderName());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No id returned for test run " + run.getName());
                }
                return keys.getLong(1);
            }
        }
    }

    private void insertResult(Connection conn, long runId, TestStepResult result) throws SQLException {
01|        try (PreparedStatement ps = conn.prepareStatement(INSERT_RESULT)) {
01|            bindResult(ps, runId, result);
01|            ps.executeUpdate();
01|        }
2|        PreparedStatement ps = conn.prepareStatement(INSERT_RESULT); //@RES-01
2|        bindResult(ps, runId, result);
2|        ps.executeUpdate();
    }

    private static void bindResult(PreparedStatement ps, long runId, TestStepResult result) throws SQLException {
        ps.setQueryTimeout(QUERY_TIMEOUT_S);
        ps.setLong(1, runId);
        ps.setString(2, result.getStepId());
        ps.setString(3, result.getStatus().name());
        ps.setString(4, result.getMessage());
    }

02|    private static void rollback(Connection conn, SQLException cause) {
02|        try {
02|            conn.rollback();
02|        } catch (SQLException e) {
02|            cause.addSuppressed(e);
02|        }
02|    }
02|
02|    private static void restoreAutoCommit(Connection conn) {
02|        try {
02|            conn.setAutoCommit(true);
02|        } catch (SQLException e) {
02|            s_logger.error("Unable to restore auto-commit on the results database", e);
02|        }
02|    }
}
''')
cases_of(case, GH + 'GSA/piv-conformance/issues/37',
         'conformancelib/' + src('gov.gsa.conformancelib.configuration', 'ConformanceTestDatabase'),
         J('gov.gsa.conformancelib.configuration', SLF4J + [
             'gov.gsa.conformancelib.tests.TestRun', 'gov.gsa.conformancelib.tests.TestStepResult',
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.sql.Statement', 'java.sql.Timestamp'])(PIV), [
             (1, 'java-00-piv-failed-run-insert-leaves-transaction-open',
              'an edit stops rolling back a failed run insert and no longer restores auto-commit, leaving the shared '
              'connection in an open transaction', 'edit'),
             (2, 'java-00-piv-result-statement-never-closed',
              'an edit takes the result insert statement out of try-with-resources and never closes it', 'edit'),
             (0, 'java-ok-00-piv-rolled-back-statement-in-try',
              'clean: a failed run rolled back and auto-commit restored, each statement in try-with-resources', 'fix'),
         ], crlf=True)
