"""Round-102 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- OPS-01 / CONC-06: primary-backup service context of a coordination framework (atomix)
ATOMIX = template('atomix-primary-backup-context', r'''
/**
 * Raft-less primary-backup service context. Every partition runs its service and its current role on the context's
 * own thread; {@link #close()} is called when the partition group shuts down and must leave no thread behind.
 */
public class PrimaryBackupServiceContext implements ServiceContext {
    private static final Logger LOGGER = LoggerFactory.getLogger(PrimaryBackupServiceContext.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final String serverName;
    private final PrimitiveId primitiveId;
    private final ThreadContext threadContext;
    private final ExecutorService roleExecutor;
    private final ClusterMembershipService clusterMembershipService;
    private final PrimaryElection primaryElection;
    private final ClusterMembershipEventListener membershipEventListener = this::handleClusterEvent;
    private final PrimaryElectionEventListener primaryElectionListener = event -> changeRole(event.term());
    private volatile PrimaryBackupRole role;

    public PrimaryBackupServiceContext(String serverName, PrimitiveId primitiveId, ThreadContext threadContext,
            ClusterMembershipService clusterMembershipService, PrimaryElection primaryElection) {
        this.serverName = serverName;
        this.primitiveId = primitiveId;
        this.threadContext = threadContext;
        this.roleExecutor = Executors.newSingleThreadExecutor(namedThreads("primary-backup-role-" + serverName));
        this.clusterMembershipService = clusterMembershipService;
        this.primaryElection = primaryElection;
        this.role = new NoneRole(this);
        clusterMembershipService.addListener(membershipEventListener);
        primaryElection.addListener(primaryElectionListener);
    }

    private void changeRole(PrimaryTerm term) {
        threadContext.execute(() -> {
            PrimaryBackupRole previous = role;
            role = term.primary() != null && term.primary().memberId().equals(clusterMembershipService.getLocalMember().id())
                    ? new PrimaryRole(this, roleExecutor)
                    : new BackupRole(this, roleExecutor);
            previous.close();
            LOGGER.debug("{} - Role changed to {} in term {}", serverName, role.role(), term.term());
        });
    }

    private void handleClusterEvent(ClusterMembershipEvent event) {
        if (event.type() == ClusterMembershipEvent.Type.MEMBER_REMOVED) {
            threadContext.execute(() -> role.memberRemoved(event.subject()));
        }
    }

    /**
     * Closes the service context: stops listening, closes the current role and stops the role thread.
     */
    public CompletableFuture<Void> close() {
        clusterMembershipService.removeListener(membershipEventListener);
        primaryElection.removeListener(primaryElectionListener);
0|        return role.close().thenRun(this::stopRoleExecutor);
1|        CompletableFuture<Void> closed = role.close();
1|        roleExecutor.shutdownNow(); //@OPS-01
1|        return closed;
2|        role.close(); //@CONC-06
2|        stopRoleExecutor();
2|        return CompletableFuture.completedFuture(null);
    }
02|
02|    private void stopRoleExecutor() {
02|        roleExecutor.shutdown();
02|        try {
02|            if (!roleExecutor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
02|                LOGGER.warn("{} - Role thread of {} did not stop in time", serverName, primitiveId);
02|                roleExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            roleExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
02|    }
}
''')
_ATOMIX_BASE = SLF4J + ['io.atomix.cluster.ClusterMembershipEvent', 'io.atomix.cluster.ClusterMembershipEventListener',
                        'io.atomix.cluster.ClusterMembershipService', 'io.atomix.primitive.PrimitiveId',
                        'io.atomix.primitive.partition.PrimaryElection',
                        'io.atomix.primitive.partition.PrimaryElectionEventListener',
                        'io.atomix.primitive.partition.PrimaryTerm', 'io.atomix.primitive.service.ServiceContext',
                        'io.atomix.protocols.backup.roles.BackupRole', 'io.atomix.protocols.backup.roles.NoneRole',
                        'io.atomix.protocols.backup.roles.PrimaryBackupRole',
                        'io.atomix.protocols.backup.roles.PrimaryRole', 'io.atomix.utils.concurrent.ThreadContext',
                        'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
                        'java.util.concurrent.Executors']
cases_of(case, GH + 'atomix/atomix/pull/519',
         src('io.atomix.protocols.backup.service.impl', 'PrimaryBackupServiceContext'),
         JV('io.atomix.protocols.backup.service.impl',
            {0: _ATOMIX_BASE + ['java.util.concurrent.TimeUnit', 'static io.atomix.utils.concurrent.Threads.namedThreads'],
             1: _ATOMIX_BASE + ['static io.atomix.utils.concurrent.Threads.namedThreads'],
             2: _ATOMIX_BASE + ['java.util.concurrent.TimeUnit', 'static io.atomix.utils.concurrent.Threads.namedThreads']})(ATOMIX), [
             (1, 'java-00-atomix-role-thread-stopped-without-waiting',
              'an edit stops the role thread with shutdownNow while the role is still closing, so a primary\'s last '
              'replication task is interrupted half done when the partition group shuts down', 'edit'),
             (2, 'java-00-atomix-role-close-future-ignored',
              'an edit reports the context closed at once and ignores the future of closing the role, so a role that '
              'fails to close is never heard of and the caller proceeds before it is done', 'edit'),
             (0, 'java-ok-00-atomix-role-closed-before-thread-stops',
              'clean: the fix stops the role thread after the role has closed, waiting for it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / TMO-01: touch latch of a distributed cache client (EVCache)
EVCACHE = template('evcache-touch-latch', r'''
/**
 * Touches a key on every replica of the app's cache cluster and lets the caller wait for the replicas' answers. A
 * touch whose future is not kept cannot be counted, so a replica that failed to extend the TTL goes unnoticed.
 */
public class EVCacheTouchLatch {
    private static final Logger log = LoggerFactory.getLogger(EVCacheTouchLatch.class);

    private final String appName;
    private final long timeoutMillis;
    private final List<Future<Boolean>> futures = new ArrayList<>();

    public EVCacheTouchLatch(String appName, long timeoutMillis) {
        this.appName = appName;
        this.timeoutMillis = timeoutMillis;
    }

    public void touch(List<EVCacheClient> clients, String key, int timeToLive) throws EVCacheException {
        for (EVCacheClient client : clients) {
02|            futures.add(client.touch(key, timeToLive));
1|            client.touch(key, timeToLive); //@CONC-06
        }
    }

    /** Waits for the replicas within the latch's timeout and returns how many extended the TTL. */
    public int await() {
        int succeeded = 0;
01|        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Future<Boolean> future : futures) {
            try {
01|                long left = Math.max(deadline - System.nanoTime(), 0);
01|                if (future.get(left, TimeUnit.NANOSECONDS)) {
2|                if (future.get()) { //@TMO-01
                    succeeded++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.warn("Touch on a replica of {} failed", appName, e.getCause());
01|            } catch (TimeoutException e) {
01|                log.warn("Touch on a replica of {} did not complete within {} ms", appName, timeoutMillis);
            }
        }
        return succeeded;
    }
}
''')
_EVC_BASE = SLF4J + ['com.netflix.evcache.EVCacheException', 'com.netflix.evcache.pool.EVCacheClient',
                     'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                     'java.util.concurrent.Future']
cases_of(case, GH + 'Netflix/EVCache/pull/41', src('com.netflix.evcache.operation', 'EVCacheTouchLatch'),
         JV('com.netflix.evcache.operation',
            {0: _EVC_BASE + ['java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'],
             1: _EVC_BASE + ['java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'],
             2: _EVC_BASE})(EVCACHE), [
             (1, 'java-00-evcache-touch-futures-dropped',
              'an edit touches every replica without keeping the touch\'s future, so await counts nothing and a '
              'replica that failed to extend the TTL is never noticed', 'edit'),
             (2, 'java-00-evcache-await-without-timeout',
              'an edit waits for each replica\'s touch without the latch\'s deadline, so one replica that never answers '
              'holds the caller\'s request thread', 'edit'),
             (0, 'java-ok-00-evcache-touch-futures-kept',
              'clean: the fix keeps every touch\'s future for the latch to wait on', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: transport thread pool of a group communication toolkit (JGroups), CRLF file
JGROUPS = template('jgroups-thread-pool', r'''
/**
 * Creates the thread pool that delivers incoming messages to the protocol stack. When the pool is full the transport
 * must drop (and later retransmit) rather than queue without end, or a slow member takes the whole heap.
 */
public class ThreadPoolFactory {
    private static final Log log = LogFactory.getLog(ThreadPoolFactory.class);

    protected int minThreads = 2;
    protected int maxThreads = 200;
    protected long keepAliveTime = 30000;
    protected int queueMaxSize = 500;
    protected String clusterName;

    public ThreadPoolFactory(String clusterName) {
        this.clusterName = clusterName;
    }

    public ThreadPoolExecutor createThreadPool() {
02|        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(queueMaxSize);
1|        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(); //@CONC-02
        ThreadPoolExecutor pool = new ThreadPoolExecutor(minThreads, maxThreads, keepAliveTime, TimeUnit.MILLISECONDS,
                queue, this::newThread, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    protected Thread newThread(Runnable r) {
        Thread t = new Thread(r, "jgroups-" + clusterName + "-" + THREAD_ID.incrementAndGet()); //@{2}CONC-01
        t.setDaemon(true);
01|        t.setUncaughtExceptionHandler((thread, ex) ->
01|                log.error(String.format("%s: uncaught exception in %s", clusterName, thread.getName()), ex));
        return t;
    }

    private static final AtomicInteger THREAD_ID = new AtomicInteger();
}
''')
_JG_BASE = ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
            'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger', 'org.jgroups.logging.Log',
            'org.jgroups.logging.LogFactory']
cases_of(case, GH + 'belaban/JGroups/pull/237', src('org.jgroups.util', 'ThreadPoolFactory'),
         JV('org.jgroups.util', {0: _JG_BASE + ['java.util.concurrent.ArrayBlockingQueue'],
                                 1: _JG_BASE + ['java.util.concurrent.LinkedBlockingQueue'],
                                 2: _JG_BASE + ['java.util.concurrent.ArrayBlockingQueue']})(JGROUPS), [
             (1, 'java-00-jgroups-message-pool-unbounded-queue',
              'an edit gives the message delivery pool an unbounded queue, so the abort policy never fires and a '
              'member that falls behind queues incoming messages until the heap is gone', 'edit'),
             (2, 'java-00-jgroups-pool-thread-without-handler',
              'an edit builds the pool\'s threads without the uncaught-exception handler, so a protocol that throws '
              'on a delivery thread dies without a line in the cluster\'s log', 'edit'),
             (0, 'java-ok-00-jgroups-message-pool-bounded-queue',
              'clean: the fix bounds the delivery queue so the abort policy sheds load', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / RES-04: outgoing peer connections of a BitTorrent library (bt)
BT = template('bt-peer-connection-factory', r'''
/**
 * Opens outgoing connections to peers. A failed connect or handshake must give its socket back, or a client that
 * dials many dead peers runs out of file descriptors.
 */
public class PeerConnectionFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(PeerConnectionFactory.class);

    private final SelectorProvider selector;
    private final IConnectionHandlerFactory connectionHandlerFactory;
    private final Duration peerConnectionTimeout;
    private final ExecutorService handshakeExecutor;

    public PeerConnectionFactory(SelectorProvider selector, IConnectionHandlerFactory connectionHandlerFactory,
            Config config, ExecutorService handshakeExecutor) {
        this.selector = selector;
        this.connectionHandlerFactory = connectionHandlerFactory;
        this.peerConnectionTimeout = config.getPeerConnectionTimeout();
        this.handshakeExecutor = handshakeExecutor;
    }

    public ConnectionResult createOutgoingConnection(Peer peer, TorrentId torrentId) {
        InetSocketAddress address = peer.getInetSocketAddress();
        SocketChannel channel = null;
        try {
            channel = selector.openSocketChannel(); //@{1}RES-01
            channel.socket().connect(address, (int) peerConnectionTimeout.toMillis());
        } catch (IOException e) {
02|            closeQuietly(channel);
            LOGGER.debug("Failed to connect to peer {}: {}", peer, e.getMessage());
            return ConnectionResult.failure("I/O error", e);
        }
        SocketChannel connected = channel;
01|        return handshake(peer, torrentId, connected, handshakeExecutor);
2|        ExecutorService executor = Executors.newSingleThreadExecutor(); //@RES-04
2|        return handshake(peer, torrentId, connected, executor);
    }

    private ConnectionResult handshake(Peer peer, TorrentId torrentId, SocketChannel channel, ExecutorService executor) {
        Future<Boolean> done = executor.submit(() ->
                connectionHandlerFactory.getOutgoingHandler(torrentId).handleConnection(peer, channel));
        try {
            if (done.get(peerConnectionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return ConnectionResult.success(channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.debug("Handshake with peer {} failed", peer, e);
        }
        done.cancel(true);
        closeQuietly(channel);
        return ConnectionResult.failure("handshake failed", null);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOGGER.warn("Failed to close channel", e);
            }
        }
    }
}
''')
_BT_BASE = SLF4J + ['bt.metainfo.TorrentId', 'bt.net.Peer', 'bt.net.pipeline.IConnectionHandlerFactory',
                    'bt.runtime.Config', 'java.io.IOException', 'java.net.InetSocketAddress',
                    'java.nio.channels.SocketChannel', 'java.nio.channels.spi.SelectorProvider', 'java.time.Duration',
                    'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                    'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
                    'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'atomashpolskiy/bt/issues/185', src('bt.net', 'PeerConnectionFactory'),
         JV('bt.net', {0: _BT_BASE, 1: _BT_BASE, 2: _BT_BASE + ['java.util.concurrent.Executors']})(BT), [
             (1, 'java-00-bt-channel-left-open-on-connect-failure',
              'an edit drops the close of the socket channel when connecting to a peer fails, so every dead peer the '
              'client dials keeps a file descriptor', 'edit'),
             (2, 'java-00-bt-executor-per-handshake',
              'an edit starts a new single-thread executor for every outgoing handshake and never shuts it down, so '
              'each peer connection leaves a thread behind', 'edit'),
             (0, 'java-ok-00-bt-channel-closed-on-connect-failure',
              'clean: the fix closes the channel when the connect fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: HTTP tracker announces of a BitTorrent library (ttorrent)
TTORRENT = template('ttorrent-http-announce', r'''
/**
 * Announces to HTTP trackers. A tracker that answers with an error status still sends a body, which must be read
 * and closed so that the keep-alive connection can go back to the JDK's cache.
 */
public class HTTPTrackerClient extends TrackerClient {
    private static final Logger logger = LoggerFactory.getLogger(HTTPTrackerClient.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    public HTTPTrackerClient(URI tracker) {
        super(tracker);
    }

    @Override
    public void announce(AnnounceRequestMessage.RequestEvent event, boolean inhibitEvents, AnnounceableInformation torrent)
            throws AnnounceException {
        URL target = buildAnnounceURL(event, torrent);
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) target.openConnection();
            conn.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            conn.setReadTimeout(READ_TIMEOUT_MILLIS);
            ByteBuffer answer;
            if (conn.getResponseCode() >= 400) {
02|                try (InputStream err = conn.getErrorStream()) {
02|                    answer = err == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(err.readAllBytes());
02|                }
1|                InputStream err = conn.getErrorStream(); //@RES-02
1|                answer = err == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(err.readAllBytes());
            } else {
                try (InputStream in = conn.getInputStream()) {
                    answer = ByteBuffer.wrap(in.readAllBytes());
                }
            }
            HTTPTrackerMessage message;
            try {
                message = HTTPTrackerMessage.parse(answer);
            } catch (MessageValidationException e) {
01|                throw new AnnounceException("Tracker message violates expected protocol", e);
2|                logger.debug("Ignoring invalid answer from {}", target); //@ERR-01
2|                return;
            }
            handleTrackerAnnounceResponse(message, inhibitEvents, torrent.getHexInfoHash());
        } catch (IOException e) {
            throw new AnnounceException("Error reading tracker response!", e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }
}
''')
cases_of(case, GH + 'mpetazzoni/ttorrent/pull/15', src('com.turn.ttorrent.client.announce', 'HTTPTrackerClient'),
         J('com.turn.ttorrent.client.announce', SLF4J + [
             'com.turn.ttorrent.common.AnnounceableInformation', 'com.turn.ttorrent.common.protocol.AnnounceRequestMessage',
             'com.turn.ttorrent.common.protocol.http.HTTPTrackerMessage',
             'com.turn.ttorrent.bcodec.MessageValidationException', 'java.io.IOException', 'java.io.InputStream',
             'java.net.HttpURLConnection', 'java.net.URI', 'java.net.URL', 'java.nio.ByteBuffer'])(TTORRENT), [
             (1, 'java-00-ttorrent-error-stream-not-closed',
              'an edit reads the tracker\'s error body without closing it, so every failed announce leaves its '
              'stream and connection open', 'edit'),
             (2, 'java-00-ttorrent-invalid-answer-swallowed',
              'an edit logs an unparseable tracker answer at debug and returns, so an announce that failed reads as '
              'a success and the client never retries another tracker', 'edit'),
             (0, 'java-ok-00-ttorrent-error-stream-closed',
              'clean: the fix reads the error body in a try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-07: reconnection of a memcached client (xmemcached)
XMEMCACHED = template('xmemcached-session-monitor', r'''
/**
 * Reconnects the sessions to memcached nodes that were lost or timed out while connecting. The monitor runs on the
 * connector's scheduler for the client's whole life; a node that stays unreachable is retried at the heal interval.
 */
public class SessionMonitor {
    private static final Logger log = LoggerFactory.getLogger(SessionMonitor.class);

    private final MemcachedConnector connector;
    private final BlockingQueue<ReconnectRequest> waitingQueue;
    private final ScheduledExecutorService scheduler;
    private final long healSessionInterval;

    public SessionMonitor(MemcachedConnector connector, BlockingQueue<ReconnectRequest> waitingQueue,
            ScheduledExecutorService scheduler, long healSessionInterval) {
        this.connector = connector;
        this.waitingQueue = waitingQueue;
        this.scheduler = scheduler;
        this.healSessionInterval = healSessionInterval;
    }

    public void start() {
01|        scheduler.scheduleWithFixedDelay(this::healSafely, healSessionInterval, healSessionInterval,
01|                TimeUnit.MILLISECONDS);
2|        scheduler.scheduleWithFixedDelay(this::heal, healSessionInterval, healSessionInterval, //@CONC-07
2|                TimeUnit.MILLISECONDS);
    }
01|
01|    private void healSafely() {
01|        try {
01|            heal();
01|        } catch (RuntimeException e) {
01|            log.error("Session monitor failed to heal sessions", e);
01|        }
01|    }

    private void heal() {
        ReconnectRequest request;
        while ((request = waitingQueue.poll()) != null) {
            InetSocketAddressWrapper address = request.getInetSocketAddressWrapper();
            Future<Boolean> future = null;
            try {
                future = connector.connect(address);
                if (!future.get(MemcachedClient.DEFAULT_CONNECT_TIMEOUT, TimeUnit.MILLISECONDS)) {
                    retryLater(request);
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                connector.closeLateSession(address);
                retryLater(request);
            } catch (ExecutionException e) { //@{1}ERR-01
02|                log.error("Reconnect to " + address.getInetSocketAddress() + " failed", e.getCause());
02|                retryLater(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void retryLater(ReconnectRequest request) {
        request.setTries(request.getTries() + 1);
        waitingQueue.offer(request);
    }
}
''')
cases_of(case, GH + 'killme2008/xmemcached/issues/139', src('net.rubyeye.xmemcached.impl', 'SessionMonitor'),
         J('net.rubyeye.xmemcached.impl', SLF4J + [
             'net.rubyeye.xmemcached.MemcachedClient', 'net.rubyeye.xmemcached.utils.InetSocketAddressWrapper',
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.Future', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'])(XMEMCACHED), [
             (1, 'java-00-xmemcached-reconnect-failure-swallowed',
              'an edit empties the catch of a failed reconnect, so a node that refuses connections is neither logged '
              'nor queued again and the client silently runs with one node fewer', 'edit'),
             (2, 'java-00-xmemcached-heal-task-without-catch',
              'an edit schedules the heal task without its catch, so the first runtime exception while reconnecting '
              'cancels the schedule and no lost session is healed again', 'edit'),
             (0, 'java-ok-00-xmemcached-reconnect-failure-retried',
              'clean: the fix logs a failed reconnect and queues it again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: MDC of typed actors in an actor toolkit (akka), new file
AKKA = template('akka-mdc-interceptor', r'''
/**
 * Puts the actor's path, system and tags into the SLF4J MDC while a message is processed, so that log lines written
 * by the behavior carry them. Dispatcher threads are shared by every actor: what one actor puts must be gone before
 * the thread runs the next actor's message.
 */
public final class MdcBehaviorInterceptor<T> extends BehaviorInterceptor<T, T> {
    private static final Logger LOG = LoggerFactory.getLogger(MdcBehaviorInterceptor.class);

    private final String actorPath;
    private final String systemName;
    private final String tags;

    public MdcBehaviorInterceptor(String actorPath, String systemName, String tags) {
        this.actorPath = actorPath;
        this.systemName = systemName;
        this.tags = tags;
    }

    @Override
    public Behavior<T> aroundReceive(TypedActorContext<T> ctx, T msg, ReceiveTarget<T> target) {
        MDC.put("akkaSource", actorPath); //@{1}CONC-04
        MDC.put("sourceActorSystem", systemName);
        MDC.put("akkaTags", tags);
1|        return target.apply(ctx, msg);
02|        try {
02|            return target.apply(ctx, msg);
02|        } finally {
02|            MDC.remove("akkaSource");
02|            MDC.remove("sourceActorSystem");
02|            MDC.remove("akkaTags");
02|        }
    }

    @Override
    public Behavior<T> aroundSignal(TypedActorContext<T> ctx, Signal signal, SignalTarget<T> target) {
01|        LOG.debug("Actor {} received signal {}", actorPath, signal);
2|        LOG.debug("Actor " + actorPath + " received signal " + signal); //@LOG-02
        return target.apply(ctx, signal);
    }
}
''')
cases_of(case, GH + 'akka/akka-core/pull/27587', src('akka.actor.typed.internal.javadsl', 'MdcBehaviorInterceptor'),
         J('akka.actor.typed.internal.javadsl', SLF4J + [
             'akka.actor.typed.Behavior', 'akka.actor.typed.BehaviorInterceptor', 'akka.actor.typed.Signal',
             'akka.actor.typed.TypedActorContext', 'org.slf4j.MDC'])(AKKA), [
             (1, 'java-00-akka-mdc-left-on-dispatcher-thread',
              'a new interceptor puts the actor\'s MDC values before each message and never removes them, so the '
              'next actor on the same dispatcher thread logs under the previous actor\'s path', 'new'),
             (2, 'java-00-akka-signal-debug-line-concatenated',
              'a new interceptor builds its debug line for every signal by concatenation, paying for the string '
              'when debug logging is off', 'new'),
             (0, 'java-ok-00-akka-mdc-interceptor',
              'clean: a new interceptor that removes its MDC values in a finally block and logs with parameters',
              'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: local snapshot storage of a Raft library (sofa-jraft)
JRAFT = template('jraft-snapshot-storage', r'''
/**
 * Keeps the snapshots of one Raft node on local disk. A writer's temporary directory becomes the new snapshot when
 * the writer is closed successfully; a failure must be reported so the state machine does not think it is saved.
 */
public class LocalSnapshotStorage implements SnapshotStorage {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSnapshotStorage.class);
    private static final String TEMP_PATH = "temp";
    private static final String META_FILE = "__raft_snapshot_meta";

    private final String path;
    private final RaftOptions raftOptions;
    private long lastSnapshotIndex;

    public LocalSnapshotStorage(String path, RaftOptions raftOptions) {
        this.path = path;
        this.raftOptions = raftOptions;
    }

    void close(LocalSnapshotWriter writer, boolean keepDataOnError) throws IOException {
        int ret = writer.getCode();
        try {
            if (ret == 0) {
                saveMeta(writer);
                long index = writer.getSnapshotIndex();
                moveToSnapshot(index);
                lastSnapshotIndex = index;
            }
        } catch (IOException e) { //@{1}ERR-01
02|            LOG.error("Fail to close snapshot writer {}.", writer.getPath(), e);
02|            writer.setError(RaftError.EIO, "Fail to close writer: %s", e.getMessage());
02|            ret = RaftError.EIO.getNumber();
        }
        if (ret != 0 && !keepDataOnError) {
            destroySnapshot(writer.getPath());
        }
    }

    private void saveMeta(LocalSnapshotWriter writer) throws IOException {
        File meta = new File(writer.getPath(), META_FILE + ".tmp");
01|        try (FileOutputStream out = new FileOutputStream(meta)) {
01|            writer.getMetaTable().saveTo(out);
01|            out.getFD().sync();
01|        }
2|        FileOutputStream out = new FileOutputStream(meta); //@RES-01
2|        writer.getMetaTable().saveTo(out);
2|        out.getFD().sync();
2|        out.close();
        Utils.atomicMoveFile(meta, new File(writer.getPath(), META_FILE), raftOptions.isSync());
    }

    private void moveToSnapshot(long index) throws IOException {
        Path temp = Paths.get(path, TEMP_PATH);
        Path target = Paths.get(path, "snapshot_" + index);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void destroySnapshot(String dir) {
        try {
            FileUtils.deleteDirectory(new File(dir));
        } catch (IOException e) {
            LOG.warn("Fail to delete snapshot directory {}.", dir, e);
        }
    }
}
''')
cases_of(case, GH + 'sofastack/sofa-jraft/pull/822', src('com.alipay.sofa.jraft.storage.snapshot.local', 'LocalSnapshotStorage'),
         J('com.alipay.sofa.jraft.storage.snapshot.local', SLF4J + [
             'com.alipay.sofa.jraft.error.RaftError', 'com.alipay.sofa.jraft.option.RaftOptions',
             'com.alipay.sofa.jraft.storage.snapshot.SnapshotStorage', 'com.alipay.sofa.jraft.util.Utils',
             'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'java.nio.file.Files',
             'java.nio.file.Path', 'java.nio.file.Paths', 'java.nio.file.StandardCopyOption',
             'org.apache.commons.io.FileUtils'])(JRAFT), [
             (1, 'java-00-jraft-snapshot-close-failure-swallowed',
              'an edit empties the catch of closing a snapshot writer, so a snapshot whose meta or move failed is '
              'reported as saved and the log is truncated past it', 'edit'),
             (2, 'java-00-jraft-meta-stream-not-closed-on-error',
              'an edit writes the snapshot meta through a stream closed only on success, so a failed write or sync '
              'leaves the file open and its directory cannot be removed', 'edit'),
             (0, 'java-ok-00-jraft-snapshot-close-failure-reported',
              'clean: the fix logs the failure and sets the writer\'s error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TX-01: transaction timeouts of a data grid (ignite)
IGNITE = template('ignite-tx-timeout', r'''
/**
 * Runs cache transactions of the data-loading service with a timeout. A transaction whose body fails, or that times
 * out, must be rolled back so that its locks on the partitions are released.
 */
public class TxLoadService {
    private static final Logger log = LoggerFactory.getLogger(TxLoadService.class);

    private final Ignite ignite;
    private final long txTimeoutMillis;

    public TxLoadService(Ignite ignite, long txTimeoutMillis) {
        this.ignite = ignite;
        this.txTimeoutMillis = txTimeoutMillis;
    }

    public void putAll(String cacheName, Map<Long, BinaryObject> batch) {
        IgniteCache<Long, BinaryObject> cache = ignite.cache(cacheName).withKeepBinary();
        IgniteTransactions txs = ignite.transactions();
01|        try (Transaction tx = txs.txStart(PESSIMISTIC, REPEATABLE_READ, txTimeoutMillis, batch.size())) {
01|            cache.putAll(batch);
01|            tx.commit();
01|        }
2|        Transaction tx = txs.txStart(PESSIMISTIC, REPEATABLE_READ, txTimeoutMillis, batch.size()); //@TX-01
2|        cache.putAll(batch);
2|        tx.commit();
    }

    /** Waits for the rebalancing of the cache before a load starts; gives up when the thread is interrupted. */
    public boolean awaitRebalance(String cacheName, long timeoutMillis) {
        IgniteFuture<Boolean> rebalance = ignite.cache(cacheName).rebalance();
        try {
            return rebalance.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (IgniteInterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for the rebalance of {}", cacheName);
            return false;
        }
    }
}
''')
_IGNITE_BASE = SLF4J + ['java.util.Map', 'java.util.concurrent.TimeUnit', 'org.apache.ignite.Ignite',
                        'org.apache.ignite.IgniteCache', 'org.apache.ignite.IgniteInterruptedException',
                        'org.apache.ignite.IgniteTransactions', 'org.apache.ignite.binary.BinaryObject',
                        'org.apache.ignite.lang.IgniteFuture', 'org.apache.ignite.transactions.Transaction',
                        'static org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC',
                        'static org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ']
cases_of(case, GH + 'apache/ignite/pull/2279', src('org.apache.ignite.examples.loader', 'TxLoadService'),
         J('org.apache.ignite.examples.loader', _IGNITE_BASE)(IGNITE), [
             (1, 'java-00-ignite-rebalance-wait-interrupt-eaten',
              'an edit logs an interrupted rebalance wait without restoring the interrupt flag, so a loader thread '
              'stopped by the node\'s shutdown goes on loading', 'edit'),
             (2, 'java-00-ignite-tx-not-closed-on-failure',
              'an edit starts the load transaction outside a try-with-resources, so a failing putAll leaves the '
              'pessimistic transaction and its key locks open until the timeout', 'edit'),
             (0, 'java-ok-00-ignite-rebalance-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag before giving up the wait', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-07: subscription lock service of an event store (occurrent), moved file
OCCURRENT = template('occurrent-lock-service', r'''
/**
 * Leases the right to consume a subscription to one node of the cluster. The lease expiry is written by the node that
 * takes or refreshes the lease and read by every other node, in whatever zone it runs.
 */
public class MongoListenerLockService implements ListenerLockService {
    private static final Logger log = LoggerFactory.getLogger(MongoListenerLockService.class);

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final Duration leaseTime;
    private final ScheduledExecutorService refresher;

    public MongoListenerLockService(MongoCollection<Document> collection, Clock clock, Duration leaseTime,
            ScheduledExecutorService refresher) {
        this.collection = collection;
        this.clock = clock;
        this.leaseTime = leaseTime;
        this.refresher = refresher;
    }

    @Override
    public Optional<ListenerLock> acquireOrRefreshFor(String subscriptionId, String subscriberId) {
1|        LocalDateTime expiresAt = LocalDateTime.now(clock).plus(leaseTime); //@TIME-01
1|        Bson filter = and(eq("_id", subscriptionId), or(eq("subscriberId", subscriberId), lt("expiresAt", LocalDateTime.now(clock))));
02|        Instant expiresAt = clock.instant().plus(leaseTime);
02|        Bson filter = and(eq("_id", subscriptionId), or(eq("subscriberId", subscriberId), lt("expiresAt", clock.instant())));
        Document lock = collection.findOneAndUpdate(filter,
                combine(set("subscriberId", subscriberId), set("expiresAt", expiresAt)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(lock).map(doc -> new ListenerLock(subscriptionId, subscriberId));
    }

    /** Keeps the lease of a competing consumer alive while it consumes. */
    public ScheduledFuture<?> keepAlive(String subscriptionId, String subscriberId, Runnable onLost) {
        long period = leaseTime.toMillis() / 3;
        return refresher.scheduleAtFixedRate(() -> { //@{2}CONC-07
01|            try {
01|                if (acquireOrRefreshFor(subscriptionId, subscriberId).isEmpty()) {
01|                    onLost.run();
01|                }
01|            } catch (MongoException e) {
01|                log.warn("Failed to refresh the lease of subscription {} for {}", subscriptionId, subscriberId, e);
01|            }
2|            if (acquireOrRefreshFor(subscriptionId, subscriberId).isEmpty()) {
2|                onLost.run();
2|            }
        }, period, period, TimeUnit.MILLISECONDS);
    }
}
''')
_OCC_BASE = SLF4J + ['com.mongodb.client.MongoCollection',
                     'com.mongodb.client.model.FindOneAndUpdateOptions', 'com.mongodb.client.model.ReturnDocument',
                     'org.bson.Document', 'org.bson.conversions.Bson', 'java.time.Clock', 'java.time.Duration',
                     'java.util.Optional', 'java.util.concurrent.ScheduledExecutorService',
                     'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                     'org.occurrent.subscription.mongodb.spring.blocking.ListenerLock',
                     'org.occurrent.subscription.mongodb.spring.blocking.ListenerLockService',
                     'static com.mongodb.client.model.Filters.and', 'static com.mongodb.client.model.Filters.eq',
                     'static com.mongodb.client.model.Filters.lt', 'static com.mongodb.client.model.Filters.or',
                     'static com.mongodb.client.model.Updates.combine', 'static com.mongodb.client.model.Updates.set']
cases_of(case, GH + 'johanhaleby/occurrent/issues/659',
         src('org.occurrent.subscription.mongodb.lock', 'MongoListenerLockService'),
         JV('org.occurrent.subscription.mongodb.lock', {0: _OCC_BASE + ['com.mongodb.MongoException', 'java.time.Instant'],
                                                        1: _OCC_BASE + ['com.mongodb.MongoException', 'java.time.LocalDateTime'],
                                                        2: _OCC_BASE + ['java.time.Instant']})(OCCURRENT), [
             (1, 'java-00-occurrent-moved-lease-expiry-local-time',
              'a PR moves the lock service into its own package and writes the lease expiry as a local date-time, so '
              'nodes in different zones read each other\'s leases hours off', 'rename'),
             (2, 'java-00-occurrent-moved-lease-refresh-without-catch',
              'a PR moves the lock service into its own package and refreshes the lease without a catch, so the '
              'first Mongo error cancels the refresh and the consumer loses its lease while still consuming',
              'rename'),
             (0, 'java-ok-00-occurrent-moved-lock-service',
              'clean: the move alone; the expiry is an instant and the refresh catches Mongo errors', 'rename'),
         ], rename_from=src('org.occurrent.subscription.mongodb.spring.blocking', 'MongoListenerLockService'),
         rename_old=lambda t: t.replace('package org.occurrent.subscription.mongodb.lock;',
                                        'package org.occurrent.subscription.mongodb.spring.blocking;').replace(
             'import org.occurrent.subscription.mongodb.spring.blocking.ListenerLock;\n', '').replace(
             'import org.occurrent.subscription.mongodb.spring.blocking.ListenerLockService;\n', ''))
