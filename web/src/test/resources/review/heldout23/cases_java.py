"""Round-23 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 22)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / ERR-01: log viewer tail (psi-probe)
PSIPROBE = r'''
/** Reads the last lines of a container log file for the log viewer page. */
public class LogTailReader {
    private static final Logger logger = LoggerFactory.getLogger(LogTailReader.class);

    private final int maxLines;

    public LogTailReader(int maxLines) {
        this.maxLines = maxLines;
    }

    public List<String> tail(File logFile, Charset charset) throws IOException {
        Deque<String> lines = new ArrayDeque<>(maxLines);
02|        try (BufferedReader reader = Files.newBufferedReader(logFile.toPath(), charset)) {
02|            String line;
02|            while ((line = reader.readLine()) != null) {
02|                keep(lines, line);
02|            }
02|        }
1|        BufferedReader reader = Files.newBufferedReader(logFile.toPath(), charset); //@RES-01
1|        String line;
1|        while ((line = reader.readLine()) != null) {
1|            keep(lines, line);
1|        }
1|        reader.close();
        return new ArrayList<>(lines);
    }

    /** Size shown beside the file name; -1 when it cannot be read. */
    public long sizeOf(File logFile) {
        try {
            return Files.size(logFile.toPath());
        } catch (IOException e) { //@{2}ERR-01
01|            logger.debug("cannot read the size of {}", logFile, e);
01|            return -1;
2|            return 0;
        }
    }

    private void keep(Deque<String> lines, String line) {
        if (lines.size() == maxLines) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }
}
'''
cases_of(case, GH + 'psi-probe/psi-probe/pull/1003', src('psiprobe.tools.logging', 'LogTailReader'),
         J('psiprobe.tools.logging', SLF4J + ['java.io.BufferedReader', 'java.io.File', 'java.io.IOException',
                                             'java.nio.charset.Charset', 'java.nio.file.Files', 'java.util.ArrayDeque',
                                             'java.util.ArrayList', 'java.util.Deque', 'java.util.List'])(PSIPROBE), [
             (1, 'java-00-psi-probe-log-reader-closed-only-on-success',
              'an edit reads the log outside try-with-resources and closes it only when reading succeeded', 'edit'),
             (2, 'java-00-psi-probe-size-failure-shown-as-empty',
              'an edit turns an unreadable log into size 0 without a word, hiding the failure', 'edit'),
             (0, 'java-ok-00-psi-probe-reader-in-try-size-failure-logged',
              'clean: reader in try-with-resources, size failure logged with its cause and shown as unknown', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: workflow export (DataSphereStudio)
DSS = r'''
/** Exports a workflow definition stored in the resource store. */
@Service
public class FlowExportService {
    private static final Logger LOG = LoggerFactory.getLogger(FlowExportService.class);

    private final BmlClient bmlClient;

    public FlowExportService(BmlClient bmlClient) {
        this.bmlClient = bmlClient;
    }

    public String readFlowJson(String user, String resourceId, String version) throws IOException {
        String json;
02|        try (InputStream in = bmlClient.download(user, resourceId, version).inputStream()) {
02|            json = IOUtils.toString(in, StandardCharsets.UTF_8);
02|        }
1|        InputStream in = bmlClient.download(user, resourceId, version).inputStream(); //@RES-01
1|        json = IOUtils.toString(in, StandardCharsets.UTF_8);
01|        LOG.debug("read flow {} version {} ({} chars)", resourceId, version, json.length());
2|        LOG.debug("read flow " + resourceId + " version " + version + ": " + json); //@LOG-02
        return json;
    }
}
'''
cases_of(case, GH + 'WeBankFinTech/DataSphereStudio/pull/1157',
         src('com.webank.wedatasphere.dss.workflow.service', 'FlowExportService'),
         J('com.webank.wedatasphere.dss.workflow.service',
           SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.nio.charset.StandardCharsets',
                    'org.apache.commons.io.IOUtils', 'org.springframework.stereotype.Service',
                    'com.webank.wedatasphere.dss.common.bml.BmlClient'])(DSS), [
             (1, 'java-00-datasphere-studio-flow-stream-never-closed',
              'an edit reads the downloaded flow stream and never closes it', 'edit'),
             (2, 'java-00-datasphere-studio-flow-debug-line-concatenated',
              'an edit builds the debug line by concatenation, the whole flow JSON included, even with debug off',
              'edit'),
             (0, 'java-ok-00-datasphere-studio-stream-closed-placeholders',
              'clean: stream in try-with-resources, debug line with placeholders and only the size', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: server registry on Redis (MineCloud)
MINECLOUD = r'''
/** Keeps the list of running game servers in Redis. */
public final class RedisServerRegistry {
    private final JedisPool pool;
    private final String host;
    private final int port;

    public RedisServerRegistry(JedisPool pool, String host, int port) {
        this.pool = pool;
        this.host = host;
        this.port = port;
    }

    public void register(String serverId, String address) {
02|        try (Jedis jedis = pool.getResource()) {
02|            jedis.hset("servers", serverId, address);
02|            jedis.expire("servers", 300);
02|        }
1|        Jedis jedis = pool.getResource(); //@RES-01
1|        jedis.hset("servers", serverId, address);
1|        jedis.expire("servers", 300);
    }

    public Map<String, String> servers() {
01|        try (Jedis jedis = pool.getResource()) {
2|        JedisPool perCall = new JedisPool(new JedisPoolConfig(), host, port, 2000); //@RES-04
2|        try (Jedis jedis = perCall.getResource()) {
            return jedis.hgetAll("servers");
        }
    }
}
'''
cases_of(case, GH + 'mkotb/MineCloud/pull/34', src('io.minecloud.db.redis', 'RedisServerRegistry'),
         J('io.minecloud.db.redis', ['java.util.Map', 'redis.clients.jedis.Jedis', 'redis.clients.jedis.JedisPool',
                                     'redis.clients.jedis.JedisPoolConfig'])(MINECLOUD), [
             (1, 'java-00-minecloud-jedis-borrowed-never-returned',
              'an edit borrows a Jedis from the pool and never gives it back', 'edit'),
             (2, 'java-00-minecloud-jedis-pool-per-lookup',
              'an edit builds a new JedisPool for each lookup and never closes it', 'edit'),
             (0, 'java-ok-00-minecloud-shared-pool-resources-returned',
              'clean: the shared pool, each Jedis in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: queue dump tool (Chronicle-Queue)
CHRONICLE = r'''
/** Prints the number of excerpts of every queue below a directory. */
public final class QueueCounter {
    private final PrintStream out;

    public QueueCounter(PrintStream out) {
        this.out = out;
    }

    public long countAll(List<Path> queueDirs) {
        long total = 0;
1|        List<ChronicleQueue> opened = new ArrayList<>();
        for (Path dir : queueDirs) {
02|            try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build()) {
1|            ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build(); //@RES-03
1|            opened.add(queue);
1|            {
                long count = count(queue);
                out.printf("%s: %d excerpts%n", dir, count);
                total += count;
            }
        }
1|        opened.forEach(ChronicleQueue::close);
        return total;
    }

    public long countOne(Path dir) {
01|        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build()) {
01|            return count(queue);
01|        }
2|        ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build(); //@RES-01
2|        return count(queue);
    }

    private static long count(ChronicleQueue queue) {
        ExcerptTailer tailer = queue.createTailer();
        long n = 0;
        while (tailer.readingDocument().isPresent()) {
            n++;
        }
        return n;
    }
}
'''
cases_of(case, GH + 'OpenHFT/Chronicle-Queue/pull/567', src('net.openhft.chronicle.queue.tools', 'QueueCounter'),
         J('net.openhft.chronicle.queue.tools', ['java.io.PrintStream', 'java.nio.file.Path', 'java.util.ArrayList',
                                                'java.util.List', 'net.openhft.chronicle.queue.ChronicleQueue',
                                                'net.openhft.chronicle.queue.ExcerptTailer',
                                                'net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder'])(CHRONICLE), [
             (1, 'java-00-chronicle-queue-queues-kept-open-until-loop-ends',
              'an edit keeps every queue of the loop open in a list and closes them all after the last one', 'edit'),
             (2, 'java-00-chronicle-queue-single-queue-never-closed',
              'an edit opens the queue for a single count and never closes it', 'edit'),
             (0, 'java-ok-00-chronicle-queue-queue-per-iteration-closed',
              'clean: each queue in its own try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: snapshot metadata (gridgain), generated file beside
GRIDGAIN = r'''
/** Reads the metadata file written next to each snapshot. */
public class SnapshotMetaReader {
    private final File snapshotRoot;

    public SnapshotMetaReader(File snapshotRoot) {
        this.snapshotRoot = snapshotRoot;
    }

    public SnapshotMeta read(String snapshotName) throws IgniteCheckedException {
        File metaFile = new File(new File(snapshotRoot, snapshotName), "snapshot.meta");
02|        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new FileInputStream(metaFile)))) {
1|        try {
1|            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new FileInputStream(metaFile))); //@RES-01
            return (SnapshotMeta)in.readObject();
        }
        catch (IOException | ClassNotFoundException e) {
01|            throw new IgniteCheckedException("Failed to read snapshot metadata: " + metaFile, e);
2|            throw new IgniteCheckedException("Failed to read snapshot metadata: " + metaFile + " [" + e + ']'); //@ERR-01
        }
    }
}
'''
GRIDGAIN_PROTO = JAVA_GENERATED + r'''// source: snapshot_meta.proto

package org.apache.ignite.internal.processors.cache.persistence.snapshot.proto;

public enum SnapshotKind implements com.google.protobuf.ProtocolMessageEnum {
  FULL(0),
  INCREMENTAL(1),
  UNRECOGNIZED(-1),
  ;

  private final int value;

  SnapshotKind(int value) {
    this.value = value;
  }

  public final int getNumber() {
    return value;
  }
}
'''
cases_of(case, GH + 'gridgain/gridgain/pull/3328',
         src('org.apache.ignite.internal.processors.cache.persistence.snapshot', 'SnapshotMetaReader'),
         J('org.apache.ignite.internal.processors.cache.persistence.snapshot',
           ['java.io.BufferedInputStream', 'java.io.File', 'java.io.FileInputStream', 'java.io.IOException',
            'java.io.ObjectInputStream', 'org.apache.ignite.IgniteCheckedException'])(GRIDGAIN), [
             (1, 'java-00-gridgain-snapshot-meta-stream-never-closed',
              'an edit opens the metadata stream outside try-with-resources and never closes it', 'edit'),
             (2, 'java-00-gridgain-snapshot-meta-failure-loses-cause',
              'an edit rethrows a read failure with the cause printed into the message but not attached', 'edit'),
             (0, 'java-ok-00-gridgain-snapshot-meta-closed-cause-kept',
              'clean: stream in try-with-resources, cause attached; a generated protobuf enum beside it', 'fix',
              [f('src/main/java/org/apache/ignite/internal/processors/cache/persistence/snapshot/proto/SnapshotKind.java',
                 new=GRIDGAIN_PROTO)]),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: agent jar directory (fox-mock)
FOXMOCK = r'''
/** Finds the mock definition files an agent loads at start-up. */
public class MockFileScanner {
    private static final Logger LOG = LoggerFactory.getLogger(MockFileScanner.class);

    public List<Path> scan(String fileDirectory) throws IOException {
        List<Path> found;
02|        try (Stream<Path> files = Files.list(Paths.get(fileDirectory))) {
02|            found = files.filter(p -> p.toString().endsWith(".mock.json")).collect(Collectors.toList());
02|        }
1|        found = Files.list(Paths.get(fileDirectory)) //@RES-01
1|                .filter(p -> p.toString().endsWith(".mock.json"))
1|                .collect(Collectors.toList());
        List<Path> readable = new ArrayList<>();
        for (Path p : found) {
            if (!Files.isReadable(p)) {
2|                LOG.warn("mock file {} is not readable, skipped", p); //@LOG-01
                continue;
            }
            readable.add(p);
        }
01|        if (readable.size() < found.size()) {
01|            LOG.warn("{} of {} mock files in {} are not readable and were skipped", found.size() - readable.size(),
01|                    found.size(), fileDirectory);
01|        }
        return readable;
    }
}
'''
cases_of(case, GH + 'yinjihuan/fox-mock/issues/11', src('com.cxytiandi.foxmock.agent.scan', 'MockFileScanner'),
         J('com.cxytiandi.foxmock.agent.scan', SLF4J + ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path',
                                                       'java.nio.file.Paths', 'java.util.ArrayList', 'java.util.List',
                                                       'java.util.stream.Collectors', 'java.util.stream.Stream'])(FOXMOCK), [
             (1, 'java-00-fox-mock-directory-listing-never-closed',
              'an edit collects Files.list without closing the stream, leaving a directory handle per scan', 'edit'),
             (2, 'java-00-fox-mock-warns-per-unreadable-file',
              'an edit warns once per unreadable file instead of one summary line', 'edit'),
             (0, 'java-ok-00-fox-mock-listing-closed-one-summary',
              'clean: listing in try-with-resources, one summary line for skipped files', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-05: thread helpers (jodd)
JODD = r'''
/** Small helpers around sleeping and waiting for threads. */
public final class ThreadUtil {
    private ThreadUtil() {
    }

    /** Sleeps without a checked exception; an interrupt ends the sleep and stays visible to the caller. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
1|            // woken early, nothing to do
        }
    }

    /** Waits for a thread to finish; an interrupt ends the wait and stays visible to the caller. */
    public static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
2|            // stop waiting
        }
    }
}
'''
cases_of(case, GH + 'oblac/jodd/issues/317', src('jodd.util', 'ThreadUtil'), J('jodd.util', [])(JODD), [
             (1, 'java-00-jodd-sleep-swallows-interrupt',
              'a new helper catches the interrupt of a sleep and drops it', 'new'),
             (2, 'java-00-jodd-join-swallows-interrupt',
              'an edit catches the interrupt of a join and drops it', 'edit'),
             (0, 'java-ok-00-jodd-sleep-and-join-restore-interrupt',
              'clean: both helpers restore the interrupt flag', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: reactor MDC lifter (webflux-mdc)
WEBFLUXMDC = r'''
/** Copies the subscriber context into the MDC around each signal, so reactive log lines carry the request id. */
class MdcContextLifter<T> implements CoreSubscriber<T> {
    private static final Logger log = LoggerFactory.getLogger(MdcContextLifter.class);

    private final CoreSubscriber<T> coreSubscriber;

    MdcContextLifter(CoreSubscriber<T> coreSubscriber) {
        this.coreSubscriber = coreSubscriber;
    }

    @Override
    public void onNext(T obj) {
        Context context = coreSubscriber.currentContext();
        String requestId = context.getOrDefault("requestId", "none");
02|        MDC.put("requestId", requestId);
02|        try {
02|            coreSubscriber.onNext(obj);
02|        } finally {
02|            MDC.remove("requestId");
02|        }
1|        MDC.put("requestId", requestId); //@CONC-04
1|        coreSubscriber.onNext(obj);
    }

    @Override
    public void onError(Throwable t) {
01|        log.warn("reactive pipeline failed for request {}", coreSubscriber.currentContext().getOrDefault("requestId", "none"), t);
2|        log.warn("reactive pipeline failed for request " + coreSubscriber.currentContext().getOrDefault("requestId", "none") + ": " + t); //@LOG-02
        coreSubscriber.onError(t);
    }

    @Override
    public void onSubscribe(Subscription s) {
        coreSubscriber.onSubscribe(s);
    }

    @Override
    public void onComplete() {
        coreSubscriber.onComplete();
    }

    @Override
    public Context currentContext() {
        return coreSubscriber.currentContext();
    }
}
'''
cases_of(case, GH + 'archie-swif/webflux-mdc/issues/1', src('com.example.webfluxmdc', 'MdcContextLifter'),
         J('com.example.webfluxmdc', SLF4J + ['org.reactivestreams.Subscription', 'org.slf4j.MDC',
                                             'reactor.core.CoreSubscriber', 'reactor.util.context.Context'])(WEBFLUXMDC), [
             (1, 'java-00-webflux-mdc-request-id-left-on-scheduler-thread',
              'an edit puts the request id into the MDC for each signal and never removes it from the pooled thread',
              'edit'),
             (2, 'java-00-webflux-mdc-error-line-concatenated',
              'an edit concatenates the failure line and prints the throwable as text, dropping its stack', 'edit'),
             (0, 'java-ok-00-webflux-mdc-removed-in-finally-placeholders',
              'clean: MDC entry removed in finally, warning with a placeholder and the throwable', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-01: stage runner threads (orca), two files
ORCA = r'''
/** Runs one pipeline stage on the stage pool with the execution id in the MDC. */
public class StageRunner {
    private static final Logger log = LoggerFactory.getLogger(StageRunner.class);

    private final ExecutorService pool;

    public StageRunner(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, new GuardedThreadFactory("stage"));
    }

    public void runStage(String executionId, Runnable stage) {
        pool.execute(() -> {
            MDC.put("executionId", executionId); //@{1}CONC-04
02|            try {
02|                stage.run();
02|            } finally {
02|                MDC.remove("executionId");
02|            }
1|            stage.run();
        });
1|        MDC.remove("executionId");
    }

    public void runDetached(String executionId, Runnable stage) {
01|        Thread t = new GuardedThreadFactory("stage-detached").newThread(() -> runStage(executionId, stage));
2|        Thread t = new Thread(() -> runStage(executionId, stage), "stage-detached-" + executionId); //@CONC-01
        t.start();
        log.debug("stage of {} handed to {}", executionId, t.getName());
    }
}
'''
ORCA_FACTORY = r'''package com.netflix.spinnaker.orca.q;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names stage threads and logs anything that escapes a stage instead of losing it. */
public final class GuardedThreadFactory implements ThreadFactory {
    private static final Logger log = LoggerFactory.getLogger(GuardedThreadFactory.class);

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    public GuardedThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + next.incrementAndGet());
        t.setUncaughtExceptionHandler((thread, e) -> log.error("uncaught in {}", thread.getName(), e));
        return t;
    }
}
'''
cases_of(case, GH + 'spinnaker/orca/pull/1698', src('com.netflix.spinnaker.orca.q', 'StageRunner'),
         J('com.netflix.spinnaker.orca.q', SLF4J + ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                                   'org.slf4j.MDC'])(ORCA), [
             (1, 'java-00-orca-mdc-cleared-on-calling-thread',
              'a new runner puts the execution id into the MDC on the pool thread and removes it on the caller',
              'new', [f(src('com.netflix.spinnaker.orca.q', 'GuardedThreadFactory'), new=ORCA_FACTORY)]),
             (2, 'java-00-orca-detached-stage-on-plain-thread',
              'an edit runs detached stages on a plain thread with no uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-orca-mdc-removed-in-stage-guarded-threads',
              'clean: MDC removed in the stage\'s finally, threads from the guarded factory', 'fix'),
         ], extra=[])


# ---------------------------------------------------------------- CONC-03 / LOG-02: reply targets (OskarsMC message), test beside
OSKARS = r'''
/** Remembers who last messaged whom, so /reply knows its target. */
public class ReplyTargets {
    private static final Logger logger = LoggerFactory.getLogger(ReplyTargets.class);

02|    private final Map<UUID, UUID> lastSender = new ConcurrentHashMap<>();
1|    private final Map<UUID, UUID> lastSender = new HashMap<>(); //@CONC-03

    /** Called from the proxy's event threads for every private message. */
    @Subscribe
    public void onPrivateMessage(PrivateMessageEvent event) {
        lastSender.put(event.recipient().getUniqueId(), event.sender().getUniqueId());
01|        logger.debug("reply target of {} is now {}", event.recipient().getUsername(), event.sender().getUsername());
2|        logger.debug("reply target of " + event.recipient().getUsername() + " is now " + event.sender().getUsername()); //@LOG-02
    }

    @Subscribe
    public void onDisconnect(DisconnectEvent event) {
        lastSender.remove(event.getPlayer().getUniqueId());
    }

    public Optional<UUID> replyTarget(UUID player) {
        return Optional.ofNullable(lastSender.get(player));
    }
}
'''
OSKARS_TEST = r'''package com.oskarsmc.message.logic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplyTargetsTest {
    @Test
    void unknownPlayerHasNoTarget() {
        assertTrue(new ReplyTargets().replyTarget(UUID.randomUUID()).isEmpty());
    }
}
'''
cases_of(case, GH + 'OskarsMC-Plugins/message/pull/9', src('com.oskarsmc.message.logic', 'ReplyTargets'),
         J('com.oskarsmc.message.logic', SLF4J + ['com.velocitypowered.api.event.Subscribe',
                                                 'com.velocitypowered.api.event.connection.DisconnectEvent',
                                                 'com.oskarsmc.message.event.PrivateMessageEvent',
                                                 'java.util.HashMap', 'java.util.Map', 'java.util.Optional',
                                                 'java.util.UUID', 'java.util.concurrent.ConcurrentHashMap'])(OSKARS), [
             (1, 'java-00-oskarsmc-message-reply-targets-plain-hash-map',
              'an edit keeps the reply targets in a HashMap written from several event threads', 'edit'),
             (2, 'java-00-oskarsmc-message-reply-debug-line-concatenated',
              'an edit concatenates the debug line for every private message', 'edit'),
             (0, 'java-ok-00-oskarsmc-message-concurrent-targets-placeholders',
              'clean: ConcurrentHashMap, debug line with placeholders; a test beside it', 'fix',
              [f(tst('com.oskarsmc.message.logic', 'ReplyTargetsTest'), new=OSKARS_TEST)]),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: category plugins (Meeds social)
MEEDS = r'''
/** Registry of the category plugins contributed by add-ons; read on every space request. */
public class CategoryPluginRegistry {
    private static final Log LOG = ExoLogger.getLogger(CategoryPluginRegistry.class);

02|    private final Map<String, CategoryPlugin> plugins = new ConcurrentHashMap<>();
1|    private final Map<String, CategoryPlugin> plugins = new HashMap<>(); //@CONC-03

    /** Called by the container, also when an add-on is deployed while requests are served. */
    public void addCategoryPlugin(CategoryPlugin plugin) {
        try {
            plugin.init();
        } catch (Exception e) { //@{2}ERR-01
01|            LOG.error("Category plugin {} failed to start and is not registered", plugin.getName(), e);
01|            return;
2|            e.printStackTrace();
        }
        plugins.put(plugin.getName(), plugin);
    }

    public CategoryPlugin getCategoryPlugin(String name) {
        return plugins.get(name);
    }
}
'''
cases_of(case, GH + 'Meeds-io/social/pull/5734', src('io.meeds.social.category.service', 'CategoryPluginRegistry'),
         J('io.meeds.social.category.service', ['java.util.HashMap', 'java.util.Map',
                                                'java.util.concurrent.ConcurrentHashMap',
                                                'io.meeds.social.category.plugin.CategoryPlugin',
                                                'org.exoplatform.services.log.ExoLogger',
                                                'org.exoplatform.services.log.Log'])(MEEDS), [
             (1, 'java-00-meeds-social-category-plugins-plain-hash-map',
              'a new registry keeps plugins in a HashMap that deployments write while requests read it', 'new'),
             (2, 'java-00-meeds-social-plugin-init-failure-printed',
              'an edit prints a failed plugin start to stderr and registers the broken plugin anyway', 'edit'),
             (0, 'java-ok-00-meeds-social-concurrent-plugins-failure-logged',
              'clean: ConcurrentHashMap, failed start logged with its cause and the plugin left out', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: require config cache (WebStormRequireJsPlugin), CRLF
REQUIREJS = r'''
/** Caches the path mappings of each require.js config file; read by completion on pooled threads. */
public class RequireConfigCache {
02|    private final Map<String, Map<String, String>> pathsByConfig = new ConcurrentHashMap<>();
1|    private final Map<String, Map<String, String>> pathsByConfig = new HashMap<>(); //@CONC-03

    public Map<String, String> paths(VirtualFile config) throws IOException {
        Map<String, String> cached = pathsByConfig.get(config.getPath());
        if (cached != null && !isStale(config)) {
            return cached;
        }
        Map<String, String> parsed;
01|        try (InputStream in = config.getInputStream()) {
01|            parsed = ConfigParser.parsePaths(in);
01|        }
2|        InputStream in = config.getInputStream(); //@RES-01
2|        parsed = ConfigParser.parsePaths(in);
        pathsByConfig.put(config.getPath(), parsed);
        return parsed;
    }

    private boolean isStale(VirtualFile config) {
        return config.getModificationStamp() != stamps.getOrDefault(config.getPath(), -1L);
    }

    private final Map<String, Long> stamps = new ConcurrentHashMap<>();
}
'''
cases_of(case, GH + 'Fedott/WebStormRequireJsPlugin/pull/42', src('requirejs.settings', 'RequireConfigCache'),
         J('requirejs.settings', ['com.intellij.openapi.vfs.VirtualFile', 'java.io.IOException', 'java.io.InputStream',
                                  'java.util.HashMap', 'java.util.Map',
                                  'java.util.concurrent.ConcurrentHashMap'])(REQUIREJS), [
             (1, 'java-00-webstorm-requirejs-path-cache-plain-hash-map',
              'an edit turns the config cache into a HashMap filled from completion threads (CRLF)', 'edit'),
             (2, 'java-00-webstorm-requirejs-config-stream-never-closed',
              'an edit parses the config from a stream that is never closed (CRLF)', 'edit'),
             (0, 'java-ok-00-webstorm-requirejs-concurrent-cache-stream-closed',
              'clean: ConcurrentHashMap, stream in try-with-resources (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-07: chunk pollution (GT5-Unofficial)
GT5 = r'''
/** Tracks pollution per chunk; the world tick adds to it and a background task saves it. */
public class ChunkPollution {
    private static final Logger LOG = LogManager.getLogger(ChunkPollution.class);

02|    private final Map<Long, Integer> pollution = new ConcurrentHashMap<>();
1|    private final Map<Long, Integer> pollution = new HashMap<>(); //@CONC-03
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    private final PollutionStore store;

    public ChunkPollution(PollutionStore store) {
        this.store = store;
    }

    /** Server thread, every tick. */
    public void addPollution(int chunkX, int chunkZ, int amount) {
        pollution.merge(((long) chunkX << 32) | (chunkZ & 0xffffffffL), amount, Integer::sum);
    }

    public void startSaving() {
01|        saver.scheduleWithFixedDelay(this::saveQuietly, 1, 1, TimeUnit.MINUTES);
2|        saver.scheduleWithFixedDelay(() -> store.save(Map.copyOf(pollution)), 1, 1, TimeUnit.MINUTES); //@CONC-07
    }

    private void saveQuietly() {
        try {
            store.save(Map.copyOf(pollution));
        } catch (RuntimeException e) {
            LOG.warn("Saving chunk pollution failed; retrying next minute", e);
        }
    }
}
'''
cases_of(case, GH + 'GTNewHorizons/GT5-Unofficial/pull/2523', src('gregtech.common.pollution', 'ChunkPollution'),
         J('gregtech.common.pollution', ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                                         'java.util.concurrent.Executors',
                                         'java.util.concurrent.ScheduledExecutorService',
                                         'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager',
                                         'org.apache.logging.log4j.Logger'])(GT5), [
             (1, 'java-00-gt5-pollution-map-plain-hash-map',
              'an edit keeps the pollution map in a HashMap the tick writes while the saver copies it', 'edit'),
             (2, 'java-00-gt5-pollution-saver-unguarded',
              'an edit schedules the save directly, so one failed save silently stops all later saves', 'edit'),
             (0, 'java-ok-00-gt5-pollution-concurrent-map-guarded-saver',
              'clean: ConcurrentHashMap, scheduled save catches and logs its failure', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-02: n-gram counter pools (SLP-Core)
SLPCORE = r'''
/** Counts n-grams of large corpora in parallel. */
public class GigaCounter {
01|    private static final ExecutorService SHARED = Executors.newFixedThreadPool(
01|            Math.max(2, Runtime.getRuntime().availableProcessors()));
2|    private static final ExecutorService SHARED = Executors.newCachedThreadPool(); //@CONC-02

    private final ExecutorService pool;
    private final List<Future<Map<String, Integer>>> parts = new ArrayList<>();

    public GigaCounter() {
02|        this.pool = SHARED;
1|        this.pool = new ForkJoinPool(); //@RES-04
    }

    public void countFile(List<List<String>> sentences, int order) {
        parts.add(pool.submit(() -> countNgrams(sentences, order)));
    }

    public Map<String, Integer> merge() throws InterruptedException, ExecutionException {
        Map<String, Integer> total = new HashMap<>();
        for (Future<Map<String, Integer>> part : parts) {
            part.get().forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        parts.clear();
        return total;
    }

    private static Map<String, Integer> countNgrams(List<List<String>> sentences, int order) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> s : sentences) {
            for (int i = 0; i + order <= s.size(); i++) {
                counts.merge(String.join(" ", s.subList(i, i + order)), 1, Integer::sum);
            }
        }
        return counts;
    }
}
'''
cases_of(case, GH + 'SLP-team/SLP-Core/issues/11', src('slp.core.counting.giga', 'GigaCounter'),
         J('slp.core.counting.giga', ['java.util.ArrayList', 'java.util.HashMap', 'java.util.List', 'java.util.Map',
                                      'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                                      'java.util.concurrent.Executors', 'java.util.concurrent.ForkJoinPool',
                                      'java.util.concurrent.Future'])(SLPCORE), [
             (1, 'java-00-slp-core-pool-per-counter',
              'an edit gives every counter its own ForkJoinPool that is never shut down', 'edit'),
             (2, 'java-00-slp-core-shared-pool-unbounded',
              'an edit makes the shared pool a cached one, one new thread per queued file', 'edit'),
             (0, 'java-ok-00-slp-core-one-fixed-shared-pool',
              'clean: one fixed pool sized to the processors, shared by every counter', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: batch import (rxjava-jdbc)
RXJDBC = r'''
/** Imports a batch of accounts in one JDBC transaction. */
public class AccountImporter {
    private final DataSource dataSource;

    public AccountImporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int importAll(List<Account> accounts) throws SQLException {
01|        try (Connection con = dataSource.getConnection()) {
2|        Connection con = dataSource.getConnection(); //@RES-01
2|        {
            con.setAutoCommit(false); //@{1}TX-01
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO account(id, name, balance) VALUES (?, ?, ?)")) {
02|                ps.setQueryTimeout(30);
1|                ps.setQueryTimeout(120); // large imports run longer than a request
                for (Account a : accounts) {
                    ps.setLong(1, a.id());
                    ps.setString(2, a.name());
                    ps.setBigDecimal(3, a.balance());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                con.commit();
                return counts.length;
02|            } catch (SQLException e) {
02|                con.rollback();
02|                throw e;
            }
        }
    }
}
'''
cases_of(case, GH + 'davidmoten/rxjava-jdbc/issues/72', src('com.github.davidmoten.rx.jdbc.example', 'AccountImporter'),
         J('com.github.davidmoten.rx.jdbc.example', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                     'java.sql.SQLException', 'java.util.List',
                                                     'javax.sql.DataSource'])(RXJDBC), [
             (1, 'java-00-rxjava-jdbc-failed-batch-not-rolled-back',
              'an edit drops the rollback, so a failed batch goes back to the pool with its transaction open', 'edit'),
             (2, 'java-00-rxjava-jdbc-connection-not-in-try',
              'an edit takes the connection outside try-with-resources, so it is never returned to the pool', 'edit'),
             (0, 'java-ok-00-rxjava-jdbc-connection-closed-batch-rolled-back',
              'clean: connection in try-with-resources, rollback and rethrow on failure', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: migration runner (liquigraph), renamed
LIQUIGRAPH = r'''
/** Applies pending changesets in one transaction and restores the connection's auto-commit. */
public class ChangelogWriter {
    private static final Logger LOGGER = LoggerFactory.getLogger(ChangelogWriter.class);

    private final Connection connection;

    public ChangelogWriter(Connection connection) {
        this.connection = connection;
    }

    public void write(List<Changeset> changesets) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); //@{1}TX-01
        try (Statement statement = connection.createStatement()) {
02|            statement.setQueryTimeout(60);
1|            statement.setQueryTimeout(changesets.size() * 60);
            for (Changeset changeset : changesets) {
                for (String query : changeset.getQueries()) {
                    statement.execute(query);
                }
            }
01|            connection.commit();
2|            try {
2|                connection.commit();
2|            } catch (SQLException e) { //@TX-02
2|                LOGGER.error("Could not commit changesets", e);
2|            }
02|        } catch (SQLException e) {
02|            connection.rollback();
02|            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
'''
cases_of(case, GH + 'liquibase/liquigraph/pull/105', src('org.liquigraph.core.io', 'ChangelogWriter'),
         J('org.liquigraph.core.io', SLF4J + ['java.sql.Connection', 'java.sql.SQLException', 'java.sql.Statement',
                                             'java.util.List', 'org.liquigraph.core.model.Changeset'])(LIQUIGRAPH), [
             (1, 'java-00-liquigraph-renamed-writer-without-rollback',
              'a PR renames the writer class and drops the rollback, so a failed changeset is committed by the '
              'auto-commit restore', 'rename'),
             (2, 'java-00-liquigraph-renamed-commit-failure-logged-only',
              'a PR renames the writer class and logs a failed commit instead of reporting it', 'rename'),
             (0, 'java-ok-00-liquigraph-renamed-rollback-and-commit-reported',
              'clean: the rename alone; rollback and rethrow, commit failure propagates', 'rename'),
         ], rename_from=src('org.liquigraph.core.io', 'GraphJdbcWriter'),
         rename_old=lambda text: text.replace('ChangelogWriter', 'GraphJdbcWriter'))


# ---------------------------------------------------------------- TX-01 / ERR-01: transaction helper (jPOS-EE)
JPOS = r'''
/** Runs an action inside one Hibernate transaction: all of it or nothing. */
public final class TxRunner {
    private static final Logger log = LoggerFactory.getLogger(TxRunner.class);

    private TxRunner() {
    }

    public static <T> T execWithTransaction(SessionFactory factory, Function<Session, T> action) {
        try (Session session = factory.openSession()) {
            Transaction tx = session.beginTransaction(); //@{1}TX-01
            try {
                T result = action.apply(session);
                tx.commit();
                return result;
02|            } catch (RuntimeException e) {
02|                if (tx.isActive()) {
02|                    tx.rollback();
02|                }
02|                throw e;
2|            } catch (RuntimeException e) { //@ERR-01
2|                if (tx.isActive()) {
2|                    tx.rollback();
2|                }
2|                log.warn("transaction rolled back");
2|                return null;
1|            } finally {
1|                log.debug("transaction finished");
            }
        }
    }
}
'''
JPOS_POM = pom('dbsupport', ['org.hibernate.orm:hibernate-core:6.6.4.Final', 'org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'jpos/jPOS-EE/issues/405', src('org.jpos.ee', 'TxRunner'),
         J('org.jpos.ee', SLF4J + ['java.util.function.Function', 'org.hibernate.Session', 'org.hibernate.SessionFactory',
                                  'org.hibernate.Transaction'])(JPOS), [
             (1, 'java-00-jpos-ee-action-failure-leaves-transaction-to-close',
              'a new helper commits on success and leaves a failed action\'s transaction to the session close', 'new',
              [f('modules/dbsupport/pom.xml', new=JPOS_POM)]),
             (2, 'java-00-jpos-ee-action-failure-swallowed-as-null',
              'an edit rolls back a failed action and returns null with a bare warning, losing the failure', 'edit'),
             (0, 'java-ok-00-jpos-ee-rollback-and-rethrow',
              'clean: rollback when still active, then rethrow', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: REST client (http-builder-ng)
HTTPBUILDER = r'''
/** Fetches JSON documents for the reporting jobs. */
public class ReportClient implements Closeable {
    private final CloseableHttpClient client;

    public ReportClient(int timeoutMillis) {
01|        RequestConfig config = RequestConfig.custom()
01|                .setConnectTimeout(timeoutMillis)
01|                .setConnectionRequestTimeout(timeoutMillis)
01|                .setSocketTimeout(timeoutMillis)
01|                .build();
01|        this.client = HttpClientBuilder.create().setDefaultRequestConfig(config).build();
2|        this.client = HttpClientBuilder.create().build(); //@TMO-01
    }

    public String fetch(String url) throws IOException {
        HttpGet get = new HttpGet(url);
02|        try (CloseableHttpResponse response = client.execute(get)) {
1|        CloseableHttpResponse response = client.execute(get); //@RES-02
1|        {
            int status = response.getStatusLine().getStatusCode();
            if (status != 200) {
                throw new IOException("GET " + url + " returned " + status);
            }
            return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
'''
cases_of(case, GH + 'http-builder-ng/http-builder-ng/issues/141', src('groovyx.net.http.reports', 'ReportClient'),
         J('groovyx.net.http.reports', ['java.io.Closeable', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
                                        'org.apache.http.client.config.RequestConfig',
                                        'org.apache.http.client.methods.CloseableHttpResponse',
                                        'org.apache.http.client.methods.HttpGet',
                                        'org.apache.http.impl.client.CloseableHttpClient',
                                        'org.apache.http.impl.client.HttpClientBuilder',
                                        'org.apache.http.util.EntityUtils'])(HTTPBUILDER), [
             (1, 'java-00-http-builder-ng-response-never-closed',
              'an edit executes the request outside try-with-resources, so every fetch keeps its pooled connection',
              'edit'),
             (2, 'java-00-http-builder-ng-client-without-timeouts',
              'an edit builds the client without the request config, so a silent server hangs the job', 'edit'),
             (0, 'java-ok-00-http-builder-ng-timeouts-set-response-closed',
              'clean: connect, pool and socket timeouts set, response in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: URL connection wire (verano-http)
VERANO = r'''
/** Sends one request over HttpURLConnection. */
public final class UrlConnectionWire implements Wire {
    private final int connectTimeout;
    private final int readTimeout;

    public UrlConnectionWire(int connectTimeout, int readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Response send(Request request) {
        try {
            HttpURLConnection conn = (HttpURLConnection) new URL(request.uri()).openConnection(); //@{1}TMO-01
            conn.setRequestMethod(request.method());
            conn.setConnectTimeout(connectTimeout);
02|            conn.setReadTimeout(readTimeout);
            request.headers().forEach(conn::setRequestProperty);
            int status = conn.getResponseCode();
            try (InputStream body = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
                return new Response(status, body == null ? new byte[0] : body.readAllBytes());
            } finally {
                conn.disconnect();
            }
        } catch (IOException ex) {
01|            throw new UncheckedIOException("Failed to send " + request.method() + " " + request.uri(), ex);
2|            throw new IllegalStateException("Failed to send " + request.method() + " " + request.uri() + ": " + ex.getMessage()); //@ERR-01
        }
    }
}
'''
cases_of(case, GH + 'Vatavuk/verano-http/issues/26', src('hr.com.vgv.verano.wire', 'UrlConnectionWire'),
         J('hr.com.vgv.verano.wire', ['java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException',
                                      'java.net.HttpURLConnection', 'java.net.URL'])(VERANO), [
             (1, 'java-00-verano-http-connection-without-read-timeout',
              'an edit drops the read timeout, so a server that accepts and never answers holds the caller', 'edit'),
             (2, 'java-00-verano-http-send-failure-loses-cause',
              'an edit rethrows a failed send with the cause\'s message but not the cause', 'edit'),
             (0, 'java-ok-00-verano-http-both-timeouts-cause-kept',
              'clean: connect and read timeouts set, the IOException kept as the cause', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / ERR-01: prefetching stream (crail)
CRAIL = r'''
/** A buffered stream that fetches the next block while the caller reads the current one. */
public class PrefetchingInputStream extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(PrefetchingInputStream.class);

    private final BlockReader reader;
    private final ExecutorService fetcher;
    private Future<ByteBuffer> next;
    private ByteBuffer current = ByteBuffer.allocate(0);

    public PrefetchingInputStream(BlockReader reader, ExecutorService fetcher) {
        this.reader = reader;
        this.fetcher = fetcher;
    }

    @Override
    public int read() throws IOException {
        if (!current.hasRemaining()) {
            current = take();
            if (current == null) {
                return -1;
            }
        }
        return current.get() & 0xff;
    }

    private ByteBuffer take() throws IOException {
        try {
            ByteBuffer block = next != null ? next.get() : reader.readBlock();
            next = block == null ? null : fetcher.submit(reader::readBlock);
1|            fetcher.submit(reader::warmCache); //@CONC-06
            return block;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching a block");
        } catch (ExecutionException e) {
02|            throw new IOException("block fetch failed", e.getCause());
2|            throw new IOException("block fetch failed: " + e.getCause().getMessage()); //@ERR-01
        }
    }

    @Override
    public void close() throws IOException {
        if (next != null) {
            next.cancel(true);
        }
        reader.close();
        LOG.debug("prefetching stream closed");
    }
}
'''
cases_of(case, GH + 'zrlio/crail/issues/13', src('com.ibm.crail.core', 'PrefetchingInputStream'),
         J('com.ibm.crail.core', SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.io.InterruptedIOException',
                                         'java.nio.ByteBuffer', 'java.util.concurrent.ExecutionException',
                                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future'])(CRAIL), [
             (1, 'java-00-crail-cache-warming-future-dropped',
              'an edit submits a cache warm-up beside each fetch and drops its future, so its failures vanish', 'edit'),
             (2, 'java-00-crail-fetch-failure-loses-cause',
              'an edit rethrows a failed block fetch with the message of the cause but not the cause', 'edit'),
             (0, 'java-ok-00-crail-prefetch-observed-cause-kept',
              'clean: only the observed prefetch future, fetch failure keeps its cause', 'fix'),
         ])
