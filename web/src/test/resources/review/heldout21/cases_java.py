"""Round-21 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 20)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / CONC-05: request directory poller (jPOS)
JPOS = r'''
/** Polls a request directory and hands each new request file to the processor, oldest first. */
public class DirPoll implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DirPoll.class);

    private final Path requestDir;
    private final long pollIntervalMillis;
    private final RequestProcessor processor;
    private volatile boolean running = true;

    public DirPoll(Path requestDir, long pollIntervalMillis, RequestProcessor processor) {
        this.requestDir = requestDir;
        this.pollIntervalMillis = pollIntervalMillis;
        this.processor = processor;
    }

    List<Path> scan() throws IOException {
        List<Path> files = new ArrayList<>();
02|        try (DirectoryStream<Path> stream = Files.newDirectoryStream(requestDir, "*.req")) {
02|            stream.forEach(files::add);
02|        }
1|        DirectoryStream<Path> stream = Files.newDirectoryStream(requestDir, "*.req"); //@RES-01
1|        for (Path p : stream) {
1|            files.add(p);
1|        }
        files.sort(Comparator.comparing(DirPoll::lastModified));
        return files;
    }

    @Override
    public void run() {
        while (running) {
            try {
                for (Path file : scan()) {
                    processor.process(file);
                }
                Thread.sleep(pollIntervalMillis);
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
2|            } catch (InterruptedException e) { //@CONC-05
2|                log.info("poll of {} interrupted, polling again", requestDir);
            } catch (IOException e) {
                log.warn("scan of {} failed, retrying after the next interval", requestDir, e);
            }
        }
    }

    public void stop() {
        running = false;
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException("stat " + p, e);
        }
    }
}
'''
cases_of(case, GH + 'jpos/jPOS/pull/360', src('org.jpos.util', 'DirPoll'),
         J('org.jpos.util', SLF4J + ['java.io.IOException', 'java.io.UncheckedIOException',
                                     'java.nio.file.DirectoryStream', 'java.nio.file.Files', 'java.nio.file.Path',
                                     'java.nio.file.attribute.FileTime', 'java.util.ArrayList',
                                     'java.util.Comparator', 'java.util.List'])(JPOS), [
             (1, 'java-00-jpos-dir-poll-directory-stream-never-closed',
              'a new poller iterates the directory stream without closing it; every poll keeps a descriptor', 'new'),
             (2, 'java-00-jpos-dir-poll-interrupt-swallowed',
              'an edit logs the interruption and polls again, so stopping the poller by interrupt never works',
              'edit'),
             (0, 'java-ok-00-jpos-dir-poll-stream-closed-interrupt-restored',
              'clean: directory stream in try-with-resources, interrupt restored and the loop left', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: workspace model files (declab)
DECLAB = r'''
/** Reads and writes the persisted models of one workspace directory. */
public class PersistenceDirectoryManager {
    private final Path directory;
    private final String extension;

    public PersistenceDirectoryManager(Path directory, String extension) {
        this.directory = directory;
        this.extension = extension;
    }

    /** Every persisted model of the workspace, by name, with its content. */
    public Map<String, String> getFiles() throws IOException {
        List<Path> models;
02|        try (Stream<Path> paths = Files.list(directory)) {
02|            models = paths.filter(this::isModel).sorted().toList();
02|        }
1|        models = Files.list(directory).filter(this::isModel).sorted().toList(); //@RES-01
        Map<String, String> files = new LinkedHashMap<>();
        for (Path p : models) {
01|            files.put(name(p), Files.readString(p, StandardCharsets.UTF_8));
2|            try {
2|                files.put(name(p), Files.readString(p, StandardCharsets.UTF_8));
2|            } catch (IOException e) { //@ERR-01
2|            }
        }
        return files;
    }

    private boolean isModel(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(extension);
    }

    private String name(Path p) {
        String file = p.getFileName().toString();
        return file.substring(0, file.length() - extension.length());
    }
}
'''
cases_of(case, GH + 'materna-se/declab/issues/46', src('de.materna.declab.persistence', 'PersistenceDirectoryManager'),
         J('de.materna.declab.persistence', ['java.io.IOException', 'java.nio.charset.StandardCharsets',
                                             'java.nio.file.Files', 'java.nio.file.Path', 'java.util.LinkedHashMap',
                                             'java.util.List', 'java.util.Map', 'java.util.stream.Stream'])(DECLAB), [
             (1, 'java-00-declab-workspace-listing-stream-left-open',
              'a new manager lists the workspace with Files.list in one expression and never closes the stream',
              'new'),
             (2, 'java-00-declab-unreadable-model-silently-skipped',
              'a new manager skips a model it cannot read with an empty catch', 'new'),
             (0, 'java-ok-00-declab-workspace-listing-closed-errors-thrown',
              'clean: listing stream closed by try-with-resources, read errors reach the caller', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: SFTP drop-folder upload (feilong)
FEILONG = r'''
/** Uploads files to a partner's SFTP drop folder, one session per batch. */
public class SftpFileTransfer {
    private final JSch jsch;
    private final SftpConfig config;

    public SftpFileTransfer(JSch jsch, SftpConfig config) {
        this.jsch = jsch;
        this.config = config;
    }

    public void upload(List<Path> files, String remoteDir) throws JSchException, SftpException {
        int timeoutMillis = (int) config.connectTimeout().toMillis();
        Session session = jsch.getSession(config.user(), config.host(), config.port()); //@{1}RES-01
        session.setPassword(config.password());
1|        session.setServerAliveInterval(15_000);
        session.setConfig("StrictHostKeyChecking", "yes");
01|        session.connect(timeoutMillis);
2|        session.connect(); //@TMO-01
02|        ChannelSftp channel = null;
02|        try {
02|            channel = (ChannelSftp) session.openChannel("sftp");
02|            channel.connect(timeoutMillis);
02|            for (Path file : files) {
02|                channel.put(file.toString(), remoteDir + "/" + file.getFileName());
02|            }
02|        } finally {
02|            if (channel != null) {
02|                channel.disconnect();
02|            }
02|            session.disconnect();
02|        }
1|        ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
1|        channel.connect(timeoutMillis);
1|        for (Path file : files) {
1|            channel.put(file.toString(), remoteDir + "/" + file.getFileName());
1|        }
1|        channel.disconnect();
1|        session.disconnect();
    }
}
'''
cases_of(case, GH + 'ifeilong/feilong/issues/83', src('com.feilong.net.filetransfer.sftp', 'SftpFileTransfer'),
         J('com.feilong.net.filetransfer.sftp', ['com.jcraft.jsch.ChannelSftp', 'com.jcraft.jsch.JSch',
                                                 'com.jcraft.jsch.JSchException', 'com.jcraft.jsch.Session',
                                                 'com.jcraft.jsch.SftpException', 'java.nio.file.Path',
                                                 'java.util.List'])(FEILONG), [
             (1, 'java-00-feilong-sftp-session-disconnected-only-on-success',
              'an edit disconnects channel and session at the end of the method; a failed put leaves both open',
              'edit'),
             (2, 'java-00-feilong-sftp-session-connect-without-timeout',
              'an edit connects the SSH session without a timeout', 'edit'),
             (0, 'java-ok-00-feilong-sftp-session-released-in-finally',
              'clean: connect timeouts on session and channel, both released in finally', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: JPA record store (liima)
LIIMA = r'''
/** Stores deployment records through a resource-local EntityManager, all records of a call or none. */
public class DeploymentRecordStore {
    private static final Logger log = Logger.getLogger(DeploymentRecordStore.class.getName());

    private final EntityManagerFactory emf;

    public DeploymentRecordStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public void saveAll(List<DeploymentRecord> records) {
        try (EntityManager em = emf.createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin(); //@{1}TX-01
02|            try {
02|                for (DeploymentRecord r : records) {
02|                    em.persist(r);
02|                }
02|                tx.commit();
0|            } catch (RuntimeException e) {
0|                if (tx.isActive()) {
0|                    tx.rollback();
0|                }
0|                throw e;
0|            }
2|            } catch (RuntimeException e) { //@TX-02|TX-01
2|                log.log(Level.WARNING, e, () -> "could not store " + records.size() + " deployment records");
2|            }
1|            for (DeploymentRecord r : records) {
1|                em.persist(r);
1|            }
1|            tx.commit();
        }
    }
}
'''
cases_of(case, GH + 'liimaorg/liima/pull/847', src('ch.puzzle.itc.mobiliar.business.deploy', 'DeploymentRecordStore'),
         J('ch.puzzle.itc.mobiliar.business.deploy', ['jakarta.persistence.EntityManager',
                                                       'jakarta.persistence.EntityManagerFactory',
                                                       'jakarta.persistence.EntityTransaction', 'java.util.List',
                                                       'java.util.logging.Level', 'java.util.logging.Logger'])(LIIMA), [
             (1, 'java-00-liima-record-store-no-rollback-on-failure',
              'an edit drops the rollback: a failed persist leaves the transaction open until the manager closes',
              'edit'),
             (2, 'java-00-liima-record-store-commit-failure-logged-only',
              'an edit catches a failed commit, logs it and returns as if the records were stored', 'edit'),
             (0, 'java-ok-00-liima-record-store-rollback-and-rethrow',
              'clean: rollback when the transaction is still active, the failure rethrown', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: simulator launch (EclipsePlugins)
SIMULATOR = r'''
/** Starts the robot simulator for a launch and waits for it, so that the launch ends with the simulator. */
public class SimulatorLauncher {
    private static final Logger LOGGER = Logger.getLogger(SimulatorLauncher.class.getName());
    static final int DEFAULT_PORT = 1735;

    public int runAndWait(List<String> command, Path workDir) throws IOException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).inheritIO().start();
        while (true) {
            try {
                return process.waitFor();
02|            } catch (InterruptedException e) {
02|                process.destroy();
02|                Thread.currentThread().interrupt();
02|                throw new IOException("interrupted while the simulator was running", e);
1|            } catch (InterruptedException e) { //@CONC-05
1|                LOGGER.log(Level.INFO, "interrupted, still waiting for the simulator");
            }
        }
    }

    /** The port the simulator wrote into its port file, or the default when it has not written one yet. */
    int simulatorPort(Path portFile) {
        try {
            return Integer.parseInt(Files.readString(portFile).trim());
01|        } catch (NoSuchFileException e) {
01|            return DEFAULT_PORT;
01|        } catch (IOException | NumberFormatException e) {
01|            throw new IllegalStateException("unreadable simulator port file " + portFile, e);
01|        }
2|        } catch (Exception e) { //@ERR-01
2|            return DEFAULT_PORT;
2|        }
    }
}
'''
cases_of(case, GH + 'wpilibsuite/EclipsePlugins/issues/86', src('edu.wpi.first.wpilib.plugins.core.launching', 'SimulatorLauncher'),
         J('edu.wpi.first.wpilib.plugins.core.launching', ['java.io.IOException', 'java.nio.file.Files',
                                                           'java.nio.file.NoSuchFileException', 'java.nio.file.Path',
                                                           'java.util.List', 'java.util.logging.Level',
                                                           'java.util.logging.Logger'])(SIMULATOR), [
             (1, 'java-00-eclipse-plugins-simulator-wait-ignores-interrupt',
              'an edit logs an interrupt and goes back to waiting for the simulator', 'edit'),
             (2, 'java-00-eclipse-plugins-port-file-errors-swallowed',
              'an edit turns every failure to read the port file into the default port', 'edit'),
             (0, 'java-ok-00-eclipse-plugins-simulator-interrupt-ends-launch',
              'clean: an interrupt destroys the simulator, restores the flag and ends the launch', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: event upload (Amplitude-Android)
AMPLITUDE = r'''
/** Uploads batches of tracked events to the ingestion endpoint. */
public class EventUploader {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient httpClient; // built once by the SDK with its timeouts and shared by every upload
    private final HttpUrl endpoint;
    private final String apiKey;

    public EventUploader(OkHttpClient httpClient, HttpUrl endpoint, String apiKey) {
        this.httpClient = httpClient;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    /** True when the endpoint accepted the batch; false means keep the events and retry later. */
    public boolean upload(List<JSONObject> events) throws IOException {
        String body = new JSONObject().put("api_key", apiKey).put("events", new JSONArray(events)).toString();
        Request request = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON)).build();
0|        try (Response response = httpClient.newCall(request).execute()) {
0|            if (!response.isSuccessful()) {
0|                return false;
0|            }
0|            return "success".equals(response.body().string());
0|        }
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(Duration.ofSeconds(10))
1|                .readTimeout(Duration.ofSeconds(30))
1|                .build();
1|        try (Response response = client.newCall(request).execute()) {
1|            if (!response.isSuccessful()) {
1|                return false;
1|            }
1|            return "success".equals(response.body().string());
1|        }
2|        Response response = httpClient.newCall(request).execute(); //@RES-02
2|        if (!response.isSuccessful()) {
2|            return false;
2|        }
2|        return "success".equals(response.body().string());
    }
}
'''
cases_of(case, GH + 'amplitude/Amplitude-Android/pull/46', src('com.amplitude.api', 'EventUploader'),
         J('com.amplitude.api', ['java.io.IOException', 'java.time.Duration', 'java.util.List', 'okhttp3.HttpUrl',
                                 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                                 'okhttp3.RequestBody', 'okhttp3.Response', 'org.json.JSONArray',
                                 'org.json.JSONObject'])(AMPLITUDE), [
             (1, 'java-00-amplitude-upload-builds-client-per-batch',
              'an edit builds a new OkHttpClient, with its own pools and threads, for every upload', 'edit'),
             (2, 'java-00-amplitude-upload-response-open-on-rejection',
              'an edit takes the response out of try-with-resources; a rejected batch leaves it open', 'edit'),
             (0, 'java-ok-00-amplitude-upload-shared-client-response-closed',
              'clean: the shared client, the response closed by try-with-resources on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-03: log view timestamps (SWT)
SWT = r'''
/** Formats timestamps of the log view; called from the UI thread and from the background log readers. */
public final class LogTimestamps {
02|    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
1|    private static final SimpleDateFormat STAMP = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS"); //@CONC-03
01|    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();
2|    private static final Map<String, ZoneId> ZONES = new HashMap<>();

    private LogTimestamps() {
    }

    public static String format(long epochMillis, String zoneId) {
02|        return STAMP.format(Instant.ofEpochMilli(epochMillis).atZone(zone(zoneId)));
1|        STAMP.setTimeZone(TimeZone.getTimeZone(zone(zoneId)));
1|        return STAMP.format(new Date(epochMillis));
    }

    static ZoneId zone(String zoneId) {
01|        return ZONES.computeIfAbsent(zoneId, ZoneId::of);
2|        ZoneId zone = ZONES.get(zoneId);
2|        if (zone == null) {
2|            zone = ZoneId.of(zoneId);
2|            ZONES.put(zoneId, zone); //@CONC-03
2|        }
2|        return zone;
    }
}
'''
SWT_TEST = r'''package org.eclipse.swt.internal.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTimestampsTest {
    @Test
    void formatsTheSameInstantTheSameWayFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> LogTimestamps.format(0L, "UTC")));
            }
            for (Future<String> r : results) {
                assertEquals("1970-01-01 00:00:00.000", r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
'''
SWT_PKG = 'org.eclipse.swt.internal.logview'
cases_of(case, GH + 'eclipse-platform/eclipse.platform.swt/pull/702', src(SWT_PKG, 'LogTimestamps'),
         J(SWT_PKG, ['java.text.SimpleDateFormat', 'java.time.Instant', 'java.time.ZoneId',
                     'java.time.format.DateTimeFormatter', 'java.util.Date', 'java.util.HashMap', 'java.util.Map',
                     'java.util.TimeZone', 'java.util.concurrent.ConcurrentHashMap'])(SWT), [
             (1, 'java-00-swt-log-timestamps-shared-simple-date-format',
              'an edit formats every timestamp with one static SimpleDateFormat whose zone each call changes', 'edit'),
             (2, 'java-00-swt-log-timestamps-zone-cache-plain-hash-map',
              'an edit turns the zone cache into a HashMap filled by check-then-put from many threads', 'edit'),
             (0, 'java-ok-00-swt-log-timestamps-immutable-formatter',
              'clean: an immutable formatter and computeIfAbsent on a concurrent map, with a test beside it', 'fix',
              [f(tst(SWT_PKG, 'LogTimestampsTest'), new=SWT_TEST)]),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-04: user id of the request (nexus-oss)
NEXUS = r'''
/** Puts the authenticated user into the logging context and the request's user holder for the rest of the chain. */
public class UserIdMdcFilter implements Filter {
    static final String KEY = "userId";
    static final ThreadLocal<Object> CURRENT_USER = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object principal = SecurityUtils.getSubject().getPrincipal();
        String userId = principal == null ? "*UNKNOWN" : principal.toString();
02|        try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, userId)) {
0|            CURRENT_USER.set(principal);
0|            try {
0|                chain.doFilter(request, response);
0|            } finally {
0|                CURRENT_USER.remove();
0|            }
2|            CURRENT_USER.set(principal); //@CONC-04
2|            chain.doFilter(request, response);
2|            CURRENT_USER.remove();
02|        }
1|        MDC.put(KEY, userId); //@CONC-04
1|        CURRENT_USER.set(principal);
1|        try {
1|            chain.doFilter(request, response);
1|        } finally {
1|            CURRENT_USER.remove();
1|        }
    }
}
'''
cases_of(case, GH + 'sonatype/nexus-oss/pull/302', src('org.sonatype.nexus.security.filter', 'UserIdMdcFilter'),
         J('org.sonatype.nexus.security.filter', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain',
                                                  'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest',
                                                  'jakarta.servlet.ServletResponse', 'java.io.IOException',
                                                  'org.apache.shiro.SecurityUtils', 'org.slf4j.MDC'])(NEXUS), [
             (1, 'java-00-nexus-user-id-put-in-mdc-and-left',
              'a new filter puts the user id into the MDC and never removes it from the pooled thread', 'new'),
             (2, 'java-00-nexus-current-user-removed-only-on-success',
              'an edit removes the thread-local user only after a successful chain; an exception leaves it set',
              'edit'),
             (0, 'java-ok-00-nexus-user-id-closeable-mdc-and-finally',
              'clean: MDC.putCloseable in try-with-resources, the thread-local removed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: connector task stop (brooklin)
BROOKLIN = r'''
/** Stops and pauses connector tasks with a deadline, so that one stuck task does not hold up a rebalance. */
public class TaskStopper {
    private static final Logger LOG = LoggerFactory.getLogger(TaskStopper.class);

    private final ExecutorService stopExecutor;
    private final ScheduledExecutorService timer;
    private final Duration stopTimeout;

    public TaskStopper(ExecutorService stopExecutor, ScheduledExecutorService timer, Duration stopTimeout) {
        this.stopExecutor = stopExecutor;
        this.timer = timer;
        this.stopTimeout = stopTimeout;
    }

    public boolean stop(ConnectorTask task) throws InterruptedException {
        Future<?> stopping = stopExecutor.submit(task::stop);
        try {
            stopping.get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
02|        } catch (TimeoutException e) {
02|            stopping.cancel(true);
02|            LOG.warn("task {} did not stop within {}, interrupted it", task.id(), stopTimeout);
02|            return false;
1|        } catch (TimeoutException e) { //@TMO-02
1|            LOG.warn("task {} did not stop within {}", task.id(), stopTimeout);
1|            return false;
        } catch (ExecutionException e) {
            LOG.error("stop hook of task {} failed", task.id(), e.getCause());
            return false;
        }
    }

    /** Pauses a task on the caller's thread; the watchdog interrupts the pause when it takes too long. */
    public void pause(ConnectorTask task) {
        Thread caller = Thread.currentThread();
        ScheduledFuture<?> watchdog = timer.schedule(caller::interrupt, stopTimeout.toMillis(), TimeUnit.MILLISECONDS); //@{2}TMO-03
01|        try {
01|            task.pause();
01|        } finally {
01|            watchdog.cancel(false);
01|        }
2|        task.pause();
    }
}
'''
cases_of(case, GH + 'linkedin/brooklin/pull/734', src('com.linkedin.datastream.server', 'TaskStopper'),
         J('com.linkedin.datastream.server', SLF4J + ['java.time.Duration', 'java.util.concurrent.ExecutionException',
                                                      'java.util.concurrent.ExecutorService',
                                                      'java.util.concurrent.Future',
                                                      'java.util.concurrent.ScheduledExecutorService',
                                                      'java.util.concurrent.ScheduledFuture',
                                                      'java.util.concurrent.TimeUnit',
                                                      'java.util.concurrent.TimeoutException'])(BROOKLIN), [
             (1, 'java-00-brooklin-stop-timeout-leaves-task-running',
              'an edit stops waiting for a stuck stop hook but never cancels it', 'edit'),
             (2, 'java-00-brooklin-pause-watchdog-never-cancelled',
              'an edit leaves the pause watchdog scheduled after the pause returns; it interrupts the caller later',
              'edit'),
             (0, 'java-ok-00-brooklin-stop-cancelled-watchdog-cancelled',
              'clean: a timed-out stop is cancelled with interruption, the watchdog cancelled in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: event publisher (extension-kafka)
AXON = r'''
/** Publishes domain events to one Kafka topic and waits for the broker's acknowledgement of each batch. */
public class KafkaEventPublisher implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final Map<String, Object> producerConfig;
    private final String topic;
    private final Duration publishTimeout;
02|    private final KafkaProducer<String, byte[]> producer;

    public KafkaEventPublisher(Map<String, Object> producerConfig, String topic, Duration publishTimeout) {
        this.producerConfig = Map.copyOf(producerConfig);
        this.topic = topic;
        this.publishTimeout = publishTimeout;
02|        this.producer = new KafkaProducer<>(this.producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(List<EventMessage> events) {
1|        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()); //@RES-04
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (EventMessage event : events) {
01|            acks.add(producer.send(new ProducerRecord<>(topic, event.aggregateId(), event.payload())));
2|            producer.send(new ProducerRecord<>(topic, event.aggregateId(), event.payload())); //@CONC-06
        }
01|        for (Future<RecordMetadata> ack : acks) {
01|            await(ack);
01|        }
    }

    private void await(Future<RecordMetadata> ack) {
        try {
            ack.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailedException("event not acknowledged on " + topic, e);
        }
    }

    @Override
    public void close() {
02|        producer.close(publishTimeout);
1|        logger.debug("publisher of {} closed", topic);
    }
}
'''
AXON_POM = pom('axon-kafka-publisher', ['org.apache.kafka:kafka-clients:3.7.1', 'org.slf4j:slf4j-api:2.0.13'])
cases_of(case, GH + 'AxonFramework/extension-kafka/issues/31',
         src('org.axonframework.extensions.kafka.eventhandling.producer', 'KafkaEventPublisher'),
         J('org.axonframework.extensions.kafka.eventhandling.producer',
           SLF4J + ['java.time.Duration', 'java.util.ArrayList', 'java.util.List', 'java.util.Map',
                    'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
                    'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException',
                    'org.apache.kafka.clients.producer.KafkaProducer',
                    'org.apache.kafka.clients.producer.ProducerRecord',
                    'org.apache.kafka.clients.producer.RecordMetadata',
                    'org.apache.kafka.common.serialization.ByteArraySerializer',
                    'org.apache.kafka.common.serialization.StringSerializer'])(AXON), [
             (1, 'java-00-axon-kafka-producer-per-publish',
              'a new publisher creates a KafkaProducer for every batch and never closes it', 'new',
              [f('pom.xml', new=AXON_POM)]),
             (2, 'java-00-axon-kafka-send-futures-dropped',
              'an edit stops collecting the send futures, so a failed send is never seen', 'edit'),
             (0, 'java-ok-00-axon-kafka-shared-producer-acks-awaited',
              'clean: one producer for the publisher, closed with it; every send acknowledged or reported', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: collection read cache (restheart)
RESTHEART = r'''
/** Caches collection reads of GET requests; entries expire after the configured TTL. */
public class GetCollectionCache {
    private static final Logger LOGGER = LoggerFactory.getLogger(GetCollectionCache.class);

    private final Cache<CacheKey, CacheEntry> cache;

    public GetCollectionCache(long maxEntries, Duration ttl) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    public Optional<CacheEntry> find(CacheKey key) {
        CacheEntry entry = cache.getIfPresent(key);
        if (entry == null) {
02|            LOGGER.debug("cache miss for {}", key);
1|            LOGGER.debug("cache miss for " + key.collection() + " filter " + key.filter().toJson()); //@LOG-02
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    public void put(CacheKey key, CacheEntry entry) {
        cache.put(key, entry);
    }

    /** Drops every cached read of a collection after a write to it. */
    public void invalidateAll(String db, String collection) {
        int dropped = 0;
        for (CacheKey key : cache.asMap().keySet()) {
            if (key.db().equals(db) && key.collection().equals(collection)) {
                cache.invalidate(key);
                dropped++;
2|                LOGGER.info("invalidated cached read {} of {}.{}", key, db, collection); //@LOG-01
            }
        }
        LOGGER.debug("invalidated {} cached reads of {}.{}", dropped, db, collection);
    }
}
'''
cases_of(case, GH + 'SoftInstigate/restheart/issues/710', src('org.restheart.mongodb.db', 'GetCollectionCache'),
         J('org.restheart.mongodb.db', SLF4J + ['com.github.benmanes.caffeine.cache.Cache',
                                                'com.github.benmanes.caffeine.cache.Caffeine', 'java.time.Duration',
                                                'java.util.Optional'])(RESTHEART), [
             (1, 'java-00-restheart-cache-miss-message-concatenated',
              'a new cache builds its cache-miss debug message by concatenation, serialising the filter on every miss',
              'new'),
             (2, 'java-00-restheart-invalidation-logs-every-entry',
              'a new cache logs an info line for every cached read a write invalidates', 'new'),
             (0, 'java-ok-00-restheart-cache-placeholders-and-summary',
              'clean (a new file): placeholder messages and one summary line per invalidation', 'new'),
         ])


# ---------------------------------------------------------------- TX-02 / ERR-01: last-resource commit (btm)
BTM = r'''
/** Last-resource XA emulation: a plain JDBC connection that takes part in a two-phase transaction last. */
public class LrcXAResource implements XAResource {
    private static final Logger log = LoggerFactory.getLogger(LrcXAResource.class);

    private final Connection connection;
    private volatile Xid current;
    private boolean originalAutoCommit;

    public LrcXAResource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        checkCurrent(xid);
        try {
            connection.commit();
01|        } catch (SQLException ex) {
01|            XAException failed = new XAException(XAException.XA_RBROLLBACK);
01|            failed.initCause(ex);
01|            throw failed;
1|        } catch (SQLException ex) { //@TX-02
1|            log.warn("commit of {} failed on the last resource", xid, ex);
        } finally {
            current = null;
        }
        try {
            connection.setAutoCommit(originalAutoCommit);
01|        } catch (SQLException ex) {
01|            XAException failed = new XAException(XAException.XAER_RMERR);
01|            failed.initCause(ex);
01|            throw failed;
2|        } catch (SQLException ex) {
2|            throw new XAException(XAException.XAER_RMERR); //@ERR-01
        }
    }

    private void checkCurrent(Xid xid) throws XAException {
        if (current == null || !current.equals(xid)) {
            throw new XAException(XAException.XAER_NOTA);
        }
    }
}
'''
cases_of(case, GH + 'scalar-labs/btm/pull/63', src('bitronix.tm.resource.jdbc.lrc', 'LrcXAResource'),
         J('bitronix.tm.resource.jdbc.lrc', SLF4J + ['java.sql.Connection', 'java.sql.SQLException',
                                                     'javax.transaction.xa.XAException',
                                                     'javax.transaction.xa.XAResource',
                                                     'javax.transaction.xa.Xid'])(BTM), [
             (1, 'java-00-btm-last-resource-commit-failure-logged-only',
              'a new resource logs a failed commit of the last resource and lets the transaction manager report success',
              'new'),
             (2, 'java-00-btm-auto-commit-reset-loses-cause',
              'an edit throws the XAException for a failed auto-commit reset without its SQLException cause', 'edit'),
             (0, 'java-ok-00-btm-last-resource-failures-with-cause',
              'clean: both failures reach the transaction manager as XAException with the SQLException cause', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-03: buffered log rows (sirius-biz)
SIRIUS = r'''
/** Writes buffered log rows; a failed batch is retried row by row so that one bad row does not lose the rest. */
public class BatchLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLogWriter.class);
    private static final String INSERT = "INSERT INTO %s (category, level, message, node, tod) VALUES (?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public BatchLogWriter(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    void insertBatches(Map<String, List<LogRow>> byTable) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
01|            for (Map.Entry<String, List<LogRow>> e : byTable.entrySet()) {
01|                try (PreparedStatement ps = c.prepareStatement(String.format(INSERT, e.getKey()))) {
01|                    ps.setQueryTimeout(queryTimeoutSeconds);
01|                    addAll(ps, e.getValue());
01|                    ps.executeBatch();
01|                }
01|            }
2|            List<PreparedStatement> open = new ArrayList<>();
2|            try {
2|                for (Map.Entry<String, List<LogRow>> e : byTable.entrySet()) {
2|                    PreparedStatement ps = c.prepareStatement(String.format(INSERT, e.getKey())); //@RES-03
2|                    open.add(ps);
2|                    ps.setQueryTimeout(queryTimeoutSeconds);
2|                    addAll(ps, e.getValue());
2|                    ps.executeBatch();
2|                }
2|            } finally {
2|                for (PreparedStatement ps : open) {
2|                    ps.close();
2|                }
2|            }
        }
    }

    void insertRowByRow(String table, List<LogRow> rows) throws SQLException {
        int failed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(String.format(INSERT, table))) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (LogRow row : rows) {
                bind(ps, row);
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    failed++;
02|                    if (failed <= 5) {
02|                        LOG.warn("dropping log row of {} ({} chars): {}", row.category(), row.message().length(), e.getMessage());
02|                    }
1|                    LOG.warn("dropping log row {}: {}", row, e.getMessage()); //@LOG-01
                }
            }
        }
        if (failed > 0) {
            LOG.warn("dropped {} of {} log rows of {}", failed, rows.size(), table);
        }
    }

    private static void addAll(PreparedStatement ps, List<LogRow> rows) throws SQLException {
        for (LogRow row : rows) {
            bind(ps, row);
            ps.addBatch();
        }
    }

    private static void bind(PreparedStatement ps, LogRow row) throws SQLException {
        ps.setString(1, row.category());
        ps.setString(2, row.level());
        ps.setString(3, row.message());
        ps.setString(4, row.node());
        ps.setLong(5, row.tod());
    }
}
'''
SIRIUS_PKG = 'sirius.biz.logs'
cases_of(case, GH + 'scireum/sirius-biz/pull/569', src(SIRIUS_PKG, 'BatchLogWriter'),
         J(SIRIUS_PKG, SLF4J + ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                                'java.util.ArrayList', 'java.util.List', 'java.util.Map',
                                'javax.sql.DataSource'])(SIRIUS), [
             (1, 'java-00-sirius-row-retry-warns-per-dropped-row',
              'a file renamed with its class, now warning with the whole row for every row a retry drops', 'rename'),
             (2, 'java-00-sirius-batch-statements-closed-at-the-end',
              'an edit keeps every per-table statement open in a list until all tables are written', 'edit'),
             (0, 'java-ok-00-sirius-statement-per-table-first-drops-logged',
              'clean: one statement per table in try-with-resources, the first five drops logged', 'fix'),
         ], rename_from='src/main/java/sirius/biz/logs/LogBatchWriter.java',
         rename_old=lambda text: text.replace('BatchLogWriter', 'LogBatchWriter'))


# ---------------------------------------------------------------- TX-01 / LOG-01: cast vote record import (ColoradoRLA)
CORLA = r'''
/** Imports one county's cast vote records from an uploaded CSV file: every row of the file or none. */
public class CVRImporter {
    private static final Logger LOGGER = LogManager.getLogger(CVRImporter.class);

    private final SessionFactory sessionFactory;
    private final CVRParser parser;

    public CVRImporter(SessionFactory sessionFactory, CVRParser parser) {
        this.sessionFactory = sessionFactory;
        this.parser = parser;
    }

    public ImportResult importFile(long countyId, Reader csv) throws IOException {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction(); //@{1}TX-01
            int imported = 0;
            int rejected = 0;
02|            try {
02|                for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().build().parse(csv)) {
02|                    Optional<CastVoteRecord> cvr = parser.parse(countyId, line);
02|                    if (cvr.isEmpty()) {
02|                        rejected++;
2|                        LOGGER.warn("rejected CVR line {} of county {}: {}", line.getRecordNumber(), countyId, line); //@LOG-01
02|                        continue;
02|                    }
02|                    session.persist(cvr.get());
02|                    imported++;
02|                }
02|                tx.commit();
02|            } catch (IOException | RuntimeException e) {
02|                tx.rollback();
02|                throw e;
02|            }
1|            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().build().parse(csv)) {
1|                Optional<CastVoteRecord> cvr = parser.parse(countyId, line);
1|                if (cvr.isEmpty()) {
1|                    rejected++;
1|                    continue;
1|                }
1|                session.persist(cvr.get());
1|                imported++;
1|            }
1|            tx.commit();
            LOGGER.info("county {}: imported {} CVRs, rejected {}", countyId, imported, rejected);
            return new ImportResult(imported, rejected);
        }
    }
}
'''
cases_of(case, GH + 'FreeAndFair/ColoradoRLA/pull/811', src('us.freeandfair.corla.csv', 'CVRImporter'),
         J('us.freeandfair.corla.csv', ['java.io.IOException', 'java.io.Reader', 'java.util.Optional',
                                        'org.apache.commons.csv.CSVFormat', 'org.apache.commons.csv.CSVRecord',
                                        'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
                                        'org.hibernate.Session', 'org.hibernate.SessionFactory',
                                        'org.hibernate.Transaction'])(CORLA), [
             (1, 'java-00-colorado-rla-cvr-import-without-rollback',
              'a new importer commits at the end with no rollback when a row fails to parse or persist', 'new'),
             (2, 'java-00-colorado-rla-cvr-import-warns-per-rejected-line',
              'a new importer logs a warning with the whole CSV record for every rejected line', 'new'),
             (0, 'java-ok-00-colorado-rla-cvr-import-rollback-and-counts',
              'clean: rollback and rethrow on failure, rejected lines counted in one summary line', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: CalDAV collection (ical4j-connector)
ICAL = r'''
/** A CalDAV collection on the server: reads and writes calendar objects over WebDAV. */
public class CalDavCollection {
    private final CloseableHttpClient client; // the connector's shared client, with its timeouts
    private final URI collectionUri;

    public CalDavCollection(CloseableHttpClient client, URI collectionUri) {
        this.client = client;
        this.collectionUri = collectionUri;
    }

    /** The calendar stored under uid, or empty when the server has none. */
    public Optional<Calendar> getCalendar(String uid) throws IOException {
        HttpGet get = new HttpGet(collectionUri.resolve(uid + ".ics"));
01|        try (CloseableHttpResponse response = client.execute(get)) {
01|            if (response.getCode() == HttpStatus.SC_NOT_FOUND) {
01|                return Optional.empty();
01|            }
01|            if (response.getCode() != HttpStatus.SC_OK) {
01|                throw new IOException("GET " + get.getRequestUri() + " answered " + response.getCode());
01|            }
01|            try (InputStream in = response.getEntity().getContent()) {
01|                return Optional.of(new CalendarBuilder().build(in));
0|            } catch (ParserException e) {
0|                throw new IOException("calendar " + uid + " is not valid iCalendar", e);
0|            }
1|            } catch (ParserException e) { //@ERR-01
1|                e.printStackTrace();
1|                return Optional.empty();
1|            }
01|        }
2|        CloseableHttpResponse response = client.execute(get); //@RES-01|RES-02
2|        if (response.getCode() == HttpStatus.SC_NOT_FOUND) {
2|            return Optional.empty();
2|        }
2|        if (response.getCode() != HttpStatus.SC_OK) {
2|            throw new IOException("GET " + get.getRequestUri() + " answered " + response.getCode());
2|        }
2|        try (InputStream in = response.getEntity().getContent()) {
2|            return Optional.of(new CalendarBuilder().build(in));
2|        } catch (ParserException e) {
2|            throw new IOException("calendar " + uid + " is not valid iCalendar", e);
2|        }
    }
}
'''
cases_of(case, GH + 'ical4j/ical4j-connector/pull/17', src('org.ical4j.connector.dav', 'CalDavCollection'),
         J('org.ical4j.connector.dav', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI',
                                        'java.util.Optional', 'net.fortuna.ical4j.data.CalendarBuilder',
                                        'net.fortuna.ical4j.data.ParserException',
                                        'net.fortuna.ical4j.model.Calendar',
                                        'org.apache.hc.client5.http.classic.methods.HttpGet',
                                        'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                                        'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                        'org.apache.hc.core5.http.HttpStatus'])(ICAL), [
             (1, 'java-00-ical4j-connector-invalid-calendar-printed-and-hidden',
              'an edit prints the stack trace of an unparsable calendar and answers "no calendar"', 'edit'),
             (2, 'java-00-ical4j-connector-response-never-closed',
              'an edit takes the response out of try-with-resources; no path closes it', 'edit'),
             (0, 'java-ok-00-ical4j-connector-response-closed-parse-error-thrown',
              'clean: response closed by try-with-resources, a parse failure thrown with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: workflow scheduler (imixs-workflow)
IMIXS = r'''
/** Runs the configured scheduler jobs with a fixed delay and keeps the time of each job's last good run. */
public class SchedulerService {
    private static final Logger log = Logger.getLogger(SchedulerService.class.getName());

    private final ScheduledExecutorService executor;
    private final JobLocks locks;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();

    public SchedulerService(ScheduledExecutorService executor, JobLocks locks) {
        this.executor = executor;
        this.locks = locks;
    }

    public ScheduledFuture<?> start(SchedulerJob job) {
02|        return executor.scheduleWithFixedDelay(() -> runGuarded(job), job.initialDelaySeconds(),
02|                job.intervalSeconds(), TimeUnit.SECONDS);
1|        return executor.scheduleWithFixedDelay(job::run, job.initialDelaySeconds(), //@CONC-07
1|                job.intervalSeconds(), TimeUnit.SECONDS);
    }

    void runGuarded(SchedulerJob job) {
        try {
            if (awaitLock(job, Duration.ofSeconds(30))) {
                job.run();
                lastSuccess.put(job.name(), Instant.now());
            }
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            failures.increment();
            log.log(Level.SEVERE, t, () -> "scheduler job " + job.name() + " failed; it runs again after its delay");
        }
    }

    /** Waits until no other node holds the job's lock, polling once a second. */
    boolean awaitLock(SchedulerJob job, Duration max) {
        Instant until = Instant.now().plus(max);
        while (!locks.tryLock(job.name())) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            try {
                Thread.sleep(1000);
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return false;
01|            }
2|            } catch (InterruptedException e) { //@CONC-05
2|                log.log(Level.FINE, "interrupted while waiting for the lock of {0}", job.name());
2|            }
        }
        return true;
    }
}
'''
cases_of(case, GH + 'imixs/imixs-workflow/issues/711', src('org.imixs.workflow.engine.scheduler', 'SchedulerService'),
         J('org.imixs.workflow.engine.scheduler', ['java.time.Duration', 'java.time.Instant', 'java.util.Map',
                                                   'java.util.concurrent.ConcurrentHashMap',
                                                   'java.util.concurrent.ScheduledExecutorService',
                                                   'java.util.concurrent.ScheduledFuture',
                                                   'java.util.concurrent.TimeUnit',
                                                   'java.util.concurrent.atomic.LongAdder', 'java.util.logging.Level',
                                                   'java.util.logging.Logger'])(IMIXS), [
             (1, 'java-00-imixs-scheduler-job-scheduled-unguarded',
              'a new scheduler schedules the job itself instead of the guarded run, so one exception ends its schedule',
              'new'),
             (2, 'java-00-imixs-scheduler-lock-wait-ignores-interrupt',
              'an edit logs an interrupt during the lock wait and keeps polling', 'edit'),
             (0, 'java-ok-00-imixs-scheduler-guarded-run-interrupt-honoured',
              'clean: a guard that lets VirtualMachineError through, an interrupt ends the lock wait', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-07: repository refresh (HubTurbo)
HUBTURBO = r'''
/** Keeps the open repositories in step with the server: a periodic refresh, and a manual one on request. */
public class UpdateService {
    private static final Logger logger = LogManager.getLogger(UpdateService.class);

    private final ScheduledExecutorService scheduler;
    private final ExecutorService manualRefresh; // single thread whose factory logs uncaught exceptions
    private final RepoStore repos;
    private final long intervalSeconds;

    public UpdateService(ScheduledExecutorService scheduler, ExecutorService manualRefresh, RepoStore repos,
                         long intervalSeconds) {
        this.scheduler = scheduler;
        this.manualRefresh = manualRefresh;
        this.repos = repos;
        this.intervalSeconds = intervalSeconds;
    }

    public void start() {
01|        scheduler.scheduleWithFixedDelay(this::refreshGuarded, 0, intervalSeconds, TimeUnit.SECONDS);
2|        scheduler.scheduleAtFixedRate(repos::refreshAll, 0, intervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    /** Refreshes now, off the UI thread, when the user asks for it. */
    public void refreshNow() {
02|        manualRefresh.execute(this::refreshGuarded);
1|        new Thread(repos::refreshAll, "manual-refresh").start(); //@CONC-01
    }

    private void refreshGuarded() {
        try {
            repos.refreshAll();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            logger.error("refresh of the open repositories failed; the next one is in {}s", intervalSeconds, t);
        }
    }
}
'''
cases_of(case, GH + 'HubTurbo/HubTurbo/pull/370', src('backend', 'UpdateService'),
         J('backend', ['java.util.concurrent.ExecutorService', 'java.util.concurrent.ScheduledExecutorService',
                       'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager',
                       'org.apache.logging.log4j.Logger'])(HUBTURBO), [
             (1, 'java-00-hubturbo-manual-refresh-on-bare-thread',
              'a new service runs a manual refresh on a new bare thread per request', 'new'),
             (2, 'java-00-hubturbo-periodic-refresh-unguarded',
              'a new service schedules the refresh itself at a fixed rate, with no guard', 'new'),
             (0, 'java-ok-00-hubturbo-refreshes-guarded-on-owned-executors',
              'clean: both refreshes run the guarded method on executors the service is given', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: HTTP connector workers (java-http)
JAVAHTTP = r'''
/** Accepts connections and hands each to a worker; when every worker and queue slot is busy, it refuses. */
public class Connector implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final ServerSocket serverSocket;
    private final ExecutorService executor;
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopped;

    public Connector(int port, int acceptCount, int maxThreads, int queueSize) throws IOException {
        this.serverSocket = new ServerSocket(port, acceptCount);
02|        this.executor = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(queueSize), new ThreadPoolExecutor.AbortPolicy());
1|        this.executor = Executors.newFixedThreadPool(maxThreads); //@CONC-02
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                process(serverSocket.accept());
            } catch (IOException e) {
                if (!stopped) {
                    log.error("accept failed", e);
                }
            }
        }
    }

    private void process(Socket connection) {
01|        try {
01|            executor.execute(new Http11Processor(connection));
01|        } catch (RejectedExecutionException full) {
01|            refused.incrementAndGet();
01|            closeQuietly(connection);
01|        }
2|        new Thread(new Http11Processor(connection)).start(); //@CONC-02|CONC-01
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // refusing a connection: the peer sees the reset, nothing else to do
        }
    }
}
'''
cases_of(case, GH + 'woowacourse/java-http/pull/1062', src('org.apache.catalina.connector', 'Connector'),
         J('org.apache.catalina.connector', SLF4J + ['java.io.IOException', 'java.net.ServerSocket',
                                                     'java.net.Socket', 'java.util.concurrent.ArrayBlockingQueue',
                                                     'java.util.concurrent.ExecutorService',
                                                     'java.util.concurrent.Executors',
                                                     'java.util.concurrent.RejectedExecutionException',
                                                     'java.util.concurrent.ThreadPoolExecutor',
                                                     'java.util.concurrent.TimeUnit',
                                                     'java.util.concurrent.atomic.AtomicLong',
                                                     'org.apache.coyote.http11.Http11Processor'])(JAVAHTTP), [
             (1, 'java-00-java-http-connector-fixed-pool-unbounded-queue',
              'an edit builds the workers with newFixedThreadPool: a bounded pool with an unbounded queue', 'edit'),
             (2, 'java-00-java-http-connector-thread-per-connection',
              'an edit starts a new thread for every accepted connection', 'edit'),
             (0, 'java-ok-00-java-http-connector-bounded-pool-refuses',
              'clean: a pool with a bounded queue that refuses connections when full', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-06: agent executions (a2a-java)
A2A = r'''
/** Starts agent executions for incoming A2A requests and reports their outcome on the task's event queue. */
public class DefaultRequestHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(DefaultRequestHandler.class);

    private final AgentExecutor agentExecutor;
    private final ExecutorService executor;
    private final Counter failures;

    public DefaultRequestHandler(AgentExecutor agentExecutor, ExecutorService executor, MeterRegistry meters) {
        this.agentExecutor = agentExecutor;
        this.executor = executor;
        this.failures = meters.counter("a2a.agent.failures");
    }

    public void onMessageSend(RequestContext ctx, EventQueue queue) {
02|        CompletableFuture.runAsync(() -> agentExecutor.execute(ctx, queue), executor)
02|                .whenComplete((ok, failure) -> {
02|                    if (failure != null) {
02|                        failures.increment();
02|                        LOGGER.error("agent execution for task {} failed", ctx.getTaskId(), failure);
02|                        queue.enqueueEvent(TaskStatusUpdateEvent.failed(ctx.getTaskId(), failure.getMessage()));
02|                    }
02|                    queue.close();
02|                });
1|        CompletableFuture.runAsync(() -> agentExecutor.execute(ctx, queue), executor); //@CONC-06
    }

    public void onCancelTask(RequestContext ctx, EventQueue queue) {
01|        executor.execute(() -> {
01|            try {
01|                agentExecutor.cancel(ctx, queue);
01|            } catch (RuntimeException e) {
01|                failures.increment();
01|                LOGGER.warn("cancel of task {} failed", ctx.getTaskId(), e);
01|            }
01|        });
2|        executor.submit(() -> agentExecutor.cancel(ctx, queue)); //@CONC-06
    }
}
'''
A2A_GEN = JAVA_GENERATED + r'''// source: a2a.proto

package io.a2a.grpc;

/**
 * Protobuf enum {@code a2a.v1.TaskState}
 */
public enum TaskState implements com.google.protobuf.ProtocolMessageEnum {
  TASK_STATE_UNSPECIFIED(0),
  TASK_STATE_SUBMITTED(1),
  TASK_STATE_WORKING(2),
  TASK_STATE_COMPLETED(3),
  TASK_STATE_FAILED(4),
  TASK_STATE_CANCELLED(5),
  UNRECOGNIZED(-1),
  ;

  private final int value;

  private TaskState(int value) {
    this.value = value;
  }

  public final int getNumber() {
    if (this == UNRECOGNIZED) {
      throw new java.lang.IllegalArgumentException(
          "Can't get the number of an unknown enum value.");
    }
    return value;
  }

  public final com.google.protobuf.Descriptors.EnumValueDescriptor getValueDescriptor() {
    return getDescriptor().getValues().get(ordinal());
  }

  public final com.google.protobuf.Descriptors.EnumDescriptor getDescriptorForType() {
    return getDescriptor();
  }

  public static final com.google.protobuf.Descriptors.EnumDescriptor getDescriptor() {
    return io.a2a.grpc.A2A.getDescriptor().getEnumTypes().get(0);
  }
}
'''
cases_of(case, GH + 'a2aproject/a2a-java/pull/95', src('io.a2a.server.requesthandlers', 'DefaultRequestHandler'),
         J('io.a2a.server.requesthandlers', SLF4J + ['io.micrometer.core.instrument.Counter',
                                                     'io.micrometer.core.instrument.MeterRegistry',
                                                     'java.util.concurrent.CompletableFuture',
                                                     'java.util.concurrent.ExecutorService'])(A2A), [
             (1, 'java-00-a2a-agent-execution-future-dropped',
              'a new handler starts the agent with runAsync and drops the future: a failed agent is never reported',
              'new'),
             (2, 'java-00-a2a-cancel-submitted-and-forgotten',
              'an edit submits the cancel and drops its Future, so a failing cancel vanishes', 'edit'),
             (0, 'java-ok-00-a2a-agent-outcome-reported',
              'clean: a completion handler counts, logs and reports failures; a regenerated protobuf enum beside it',
              'fix', [f(src('io.a2a.grpc', 'TaskState'), new=A2A_GEN)]),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: uplink polls, CRLF (jnode)
JNODE = r'''
/** Polls the configured uplinks, one poll per link at a time, on the poller pool built at start-up. */
public class PollQueue {
    private static final Logger logger = LoggerFactory.getLogger(PollQueue.class);

    private final ExecutorService pollers;
    private final LinkPoller poller;

    public PollQueue(LinkPoller poller, int maxPollers) {
        this.poller = poller;
        ThreadFactory factory = new ThreadFactoryBuilder()
                .setNameFormat("poll-%d")
                .setUncaughtExceptionHandler((t, e) -> logger.error("poll thread {} died", t.getName(), e))
                .build();
01|        this.pollers = new ThreadPoolExecutor(1, maxPollers, 30, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(maxPollers * 4), factory, new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.pollers = Executors.newCachedThreadPool(factory); //@CONC-02
    }

    public void pollAll(List<Link> links) {
        for (Link link : links) {
02|            pollers.execute(() -> pollOne(link));
1|            new Thread(() -> pollOne(link), "poll-" + link.address()).start(); //@CONC-01|CONC-02
        }
    }

    private void pollOne(Link link) {
        try {
            poller.poll(link);
        } catch (IOException e) {
            logger.warn("poll of {} failed; it is polled again on the next round", link.address(), e);
        }
    }
}
'''
cases_of(case, GH + 'annmuor/jnode/issues/16', src('jnode.protocol.binkp', 'PollQueue'),
         J('jnode.protocol.binkp', SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                            'java.io.IOException', 'java.util.List',
                                            'java.util.concurrent.ArrayBlockingQueue',
                                            'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                            'java.util.concurrent.ThreadFactory',
                                            'java.util.concurrent.ThreadPoolExecutor',
                                            'java.util.concurrent.TimeUnit'])(JNODE), [
             (1, 'java-00-jnode-poll-on-new-thread-per-link',
              'an edit (CRLF file) polls each link on a new bare thread instead of the pool', 'edit'),
             (2, 'java-00-jnode-pollers-unbounded-cached-pool',
              'an edit (CRLF file) builds the poller pool as a cached pool with no thread limit', 'edit'),
             (0, 'java-ok-00-jnode-polls-on-bounded-pool',
              'clean (CRLF file): polls on a bounded pool whose threads log uncaught exceptions', 'fix'),
         ], crlf=True)
