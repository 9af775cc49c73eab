"""Round-129 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / CONC-07: connection-lost checker of a WebSocket server library (Java-WebSocket)
TTNLOST = template('java-websocket-connection-lost-checker', r'''
/**
 * Base of the WebSocket client and server: one scheduled checker pings every connection and closes the ones whose last
 * pong is older than one and a half connection-lost timeouts. Connections are added and removed by the selector
 * thread while the checker runs, so the checker works on a copy taken under the collection's lock.
 */
public abstract class AbstractWebSocket extends WebSocketAdapter {
    private final Logger log = LoggerFactory.getLogger(AbstractWebSocket.class);

    private int connectionLostTimeout = 60;
    private ScheduledExecutorService connectionLostCheckerService;
    private ScheduledFuture<?> connectionLostCheckerFuture;
    private final Object syncConnectionLost = new Object();

    protected abstract Collection<WebSocket> getConnections();

    protected void startConnectionLostTimer() {
        synchronized (syncConnectionLost) {
            if (connectionLostTimeout <= 0) {
                log.trace("Connection lost timer deactivated");
                return;
            }
            log.trace("Connection lost timer started");
            cancelConnectionLostTimer();
            connectionLostCheckerService = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("connectionLostChecker"));
01|            connectionLostCheckerFuture = connectionLostCheckerService.scheduleAtFixedRate(() -> {
01|                try {
01|                    checkConnections();
01|                } catch (RuntimeException e) {
01|                    log.error("Connection lost check failed, checking again at the next interval", e);
01|                }
01|            }, connectionLostTimeout, connectionLostTimeout, TimeUnit.SECONDS);
2|            connectionLostCheckerFuture = connectionLostCheckerService.scheduleAtFixedRate(this::checkConnections, //@CONC-07
2|                    connectionLostTimeout, connectionLostTimeout, TimeUnit.SECONDS);
        }
    }

    private void checkConnections() {
        long minimumPongTime = System.nanoTime() - TimeUnit.SECONDS.toNanos(connectionLostTimeout) * 3 / 2;
02|        Collection<WebSocket> connections = getConnections();
02|        List<WebSocket> snapshot;
02|        synchronized (connections) {
02|            snapshot = new ArrayList<>(connections);
02|        }
02|        for (WebSocket conn : snapshot) {
1|        for (WebSocket conn : getConnections()) { //@CONC-03
            executeConnectionLostDetection(conn, minimumPongTime);
        }
    }

    private void executeConnectionLostDetection(WebSocket webSocket, long minimumPongTime) {
        if (!(webSocket instanceof WebSocketImpl)) {
            return;
        }
        WebSocketImpl impl = (WebSocketImpl) webSocket;
        if (impl.getLastPong() < minimumPongTime) {
            log.trace("Closing connection due to no pong received: {}", impl);
            impl.closeConnection(CloseFrame.ABNORMAL_CLOSE, "The connection was closed because the other endpoint did not respond with a pong in time.");
        } else if (impl.isOpen()) {
            impl.sendPing();
        } else {
            log.trace("Trying to ping a non open connection: {}", impl);
        }
    }

    protected void stopConnectionLostTimer() {
        synchronized (syncConnectionLost) {
            if (connectionLostCheckerService != null || connectionLostCheckerFuture != null) {
                log.trace("Connection lost timer stopped");
                cancelConnectionLostTimer();
            }
        }
    }

    private void cancelConnectionLostTimer() {
        if (connectionLostCheckerFuture != null) {
            connectionLostCheckerFuture.cancel(false);
            connectionLostCheckerFuture = null;
        }
        if (connectionLostCheckerService != null) {
            connectionLostCheckerService.shutdownNow();
            connectionLostCheckerService = null;
        }
    }
}
''')
_TTN_PKG = 'org.java_websocket'
_TTN = SLF4J + ['java.util.ArrayList', 'java.util.Collection', 'java.util.List', 'java.util.concurrent.Executors',
                'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
                'java.util.concurrent.TimeUnit', 'org.java_websocket.framing.CloseFrame',
                'org.java_websocket.util.NamedThreadFactory']
cases_of(case, GH + 'TooTallNate/Java-WebSocket/issues/504', src(_TTN_PKG, 'AbstractWebSocket'),
         JV(_TTN_PKG, {0: _TTN, 1: [i for i in _TTN if not i.endswith(('ArrayList', '.List'))], 2: _TTN})(TTNLOST), [
             (1, 'java-00-java-websocket-lost-checker-iterates-live-connections',
              'an edit makes the connection-lost checker iterate the live connection collection while the selector '
              'thread adds and removes clients, the ConcurrentModificationException of the thread', 'edit'),
             (2, 'java-00-java-websocket-lost-checker-unguarded',
              'an edit schedules the connection-lost check without its catch, so one failed check silently ends every '
              'later one', 'edit'),
             (0, 'java-ok-00-java-websocket-lost-checker-copies-under-lock',
              'clean: the fix iterates a copy of the connections taken under their lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: callback executor of a real-time collaboration client (deepstream.io-client-java), with a test beside the fix
DEEPSTREAMEXEC = template('deepstream-callback-executor', r'''
/**
 * Runs the callbacks of the event, record, RPC and presence handlers off the connection's reading thread. The client
 * owns one per handler and closes them with the connection, so an application that creates and closes clients does
 * not keep their threads; a slow listener fills the bounded queue and then runs callbacks on the reading thread.
 */
class CallbackExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    private static final int MAX_QUEUED_CALLBACKS = 10_000;

    private final String name;
    private final ExecutorService executor;

    CallbackExecutor(String name) {
        this.name = name;
01|        this.executor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(MAX_QUEUED_CALLBACKS), daemonThreads(name), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.executor = Executors.newCachedThreadPool(daemonThreads(name)); //@CONC-02
    }

    void execute(Runnable callback) {
        executor.execute(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.error("Listener of {} failed", name, e);
            }
        });
    }

    boolean isClosed() {
        return executor.isShutdown();
    }

    @Override
    public void close() { //@{1}RES-01
02|        executor.shutdown();
02|        try {
02|            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
02|                executor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            executor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        LOG.debug("Callback executor of {} released", name);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "deepstream-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Callback thread {} died", t.getName(), e));
            return thread;
        };
    }
}
''')
DEEPSTREAMTEST = r'''
public class CallbackExecutorTest {

    @Test
    public void closeStopsTheCallbackThread() throws Exception {
        CallbackExecutor executor = new CallbackExecutor("event");
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));

        executor.close();

        assertTrue(executor.isClosed());
    }
}
'''
_DS_PKG = 'io.deepstream'
_DS = SLF4J + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
               'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
               'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'deepstreamIO/deepstream.io-client-java/issues/92', src(_DS_PKG, 'CallbackExecutor'),
         JV(_DS_PKG, {0: _DS, 1: _DS,
                      2: [i for i in _DS if not i.endswith(('ArrayBlockingQueue', 'ThreadPoolExecutor'))]
                      + ['java.util.concurrent.Executors']})(DEEPSTREAMEXEC), [
             (1, 'java-00-deepstream-callback-executor-never-shut-down',
              'an edit makes close only log, so every closed client leaves its callback threads behind', 'edit'),
             (2, 'java-00-deepstream-callback-executor-cached-pool',
              'an edit runs callbacks on a cached thread pool, a new thread per callback while listeners are slow',
              'edit'),
             (0, 'java-ok-00-deepstream-callback-executor-shut-down-on-close',
              'clean: the fix shuts the callback executor down on close and adds a test beside it', 'fix',
              [f(tst(_DS_PKG, 'CallbackExecutorTest'),
                 new=java(_DS_PKG, ['java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit', 'org.junit.Test',
                                    'static org.junit.Assert.assertTrue'], DEEPSTREAMTEST))]),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: UDP server of a voice-chat mod (simple-voice-chat)
VOICESERVER = template('simple-voice-chat-server', r'''
/**
 * The voice server: one thread reads UDP packets, the server tick sends keep-alives and drops clients that stopped
 * answering, and players join and leave from the game thread. All three touch the connection map.
 */
public class Server extends Thread {

    private final Map<UUID, ClientConnection> connections;
    private final Map<UUID, UUID> secrets;
    private final int keepAlive;
    private final ServerVoiceEvents voiceEvents;
    private NetworkMessage.SocketFactory socketFactory;

    public Server(int port, ServerVoiceEvents voiceEvents) {
        this.keepAlive = Voicechat.SERVER_CONFIG.keepAlive.get();
        this.voiceEvents = voiceEvents;
02|        this.connections = new ConcurrentHashMap<>();
1|        this.connections = new HashMap<>(); //@CONC-03
        this.secrets = new ConcurrentHashMap<>();
        setDaemon(true);
        setName("VoiceChatServerThread");
        setUncaughtExceptionHandler((thread, e) -> Voicechat.LOGGER.error("Voice chat server thread died", e));
    }

    void processPacket(NetworkMessage message) {
        UUID playerUUID = message.getSender();
        ClientConnection conn = connections.get(playerUUID);
        if (conn == null) {
            return;
        }
2|        Voicechat.LOGGER.info("Received {} from {}", message.getPacket().getClass().getSimpleName(), playerUUID); //@LOG-01
        if (message.getPacket() instanceof MicPacket micPacket) {
            processMicPacket(conn, micPacket);
        } else if (message.getPacket() instanceof KeepAlivePacket) {
            conn.setLastKeepAliveResponse(System.currentTimeMillis());
        } else if (message.getPacket() instanceof PingPacket pingPacket) {
            conn.send(this, new NetworkMessage(pingPacket));
        }
    }

    /** Called every tick: sends keep-alives and disconnects the clients that did not answer the last ten. */
    public void keepAlive() {
        long timestamp = System.currentTimeMillis();
        List<ClientConnection> timedOut = new ArrayList<>();
        for (ClientConnection connection : connections.values()) {
            if (timestamp - connection.getLastKeepAliveResponse() >= keepAlive * 10L) {
                timedOut.add(connection);
            } else if (timestamp - connection.getLastKeepAlive() > keepAlive) {
                connection.setLastKeepAlive(timestamp);
                connection.send(this, new NetworkMessage(new KeepAlivePacket()));
            }
        }
        for (ClientConnection connection : timedOut) {
            Voicechat.LOGGER.info("Player {} timed out", connection.getPlayerUUID());
            disconnectClient(connection.getPlayerUUID());
        }
    }

    public void disconnectClient(UUID playerUUID) {
        connections.remove(playerUUID);
        secrets.remove(playerUUID);
        voiceEvents.onDisconnect(playerUUID);
    }
}
''')
_VC_PKG = 'de.maxhenkel.voicechat.voice.server'
_VC = ['de.maxhenkel.voicechat.Voicechat', 'de.maxhenkel.voicechat.voice.common.KeepAlivePacket',
       'de.maxhenkel.voicechat.voice.common.MicPacket', 'de.maxhenkel.voicechat.voice.common.NetworkMessage',
       'de.maxhenkel.voicechat.voice.common.PingPacket', 'java.util.ArrayList', 'java.util.List', 'java.util.Map',
       'java.util.UUID', 'java.util.concurrent.ConcurrentHashMap']
cases_of(case, GH + 'henkelmax/simple-voice-chat/pull/77', 'common/' + src(_VC_PKG, 'Server'),
         JV(_VC_PKG, {0: _VC, 1: _VC + ['java.util.HashMap'], 2: _VC})(VOICESERVER), [
             (1, 'java-00-simple-voice-chat-connections-in-hash-map',
              'an edit keeps the voice connections in a plain HashMap that the packet thread, the tick and the game '
              'thread change at once, the ConcurrentModificationException of the thread', 'edit'),
             (2, 'java-00-simple-voice-chat-logs-every-packet',
              'an edit logs every voice packet at info, fifty per speaking player per second', 'edit'),
             (0, 'java-ok-00-simple-voice-chat-connections-concurrent',
              'clean: the fix keeps the connections in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: update check of a game-server plugin (graves), CRLF file
GRAVESUPDATE = template('graves-update-check', r'''
/**
 * Asks SpigotMC for the latest published version. Runs on an async scheduler thread once a day; a slow or unreachable
 * endpoint must give up within the timeouts instead of holding the thread, and the connection is released either way.
 */
public final class UpdateUtil {
    private static final int TIMEOUT_MILLIS = 5000;

    private UpdateUtil() {
    }

    public static String getLatestVersion(int resourceId, Logger logger) {
        try {
            URL url = new URL("https://api.spigotmc.org/legacy/update.php?resource=" + resourceId);
            HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(TIMEOUT_MILLIS);
02|            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty("User-Agent", "Graves");
01|            try (InputStream inputStream = connection.getInputStream();
01|                 Scanner scanner = new Scanner(inputStream, StandardCharsets.UTF_8)) {
01|                if (scanner.hasNext()) {
01|                    return scanner.next();
01|                }
01|            }
2|            Scanner scanner = new Scanner(connection.getInputStream(), StandardCharsets.UTF_8); //@RES-01
2|            if (scanner.hasNext()) {
2|                return scanner.next();
2|            }
        } catch (IOException exception) {
            logger.log(Level.WARNING, "Could not check for updates: {0}", exception.getMessage());
        }
        return null;
    }
}
''')
_GR_PKG = 'com.ranull.graves.util'
_GR = ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
       'java.nio.charset.StandardCharsets', 'java.util.Scanner', 'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'AvarionMC/graves/pull/342', src(_GR_PKG, 'UpdateUtil'),
         JV(_GR_PKG, {0: _GR, 1: _GR, 2: [i for i in _GR if not i.endswith('InputStream')]})(GRAVESUPDATE), [
             (1, 'java-00-graves-update-check-without-timeouts',
              'an edit opens the SpigotMC update request with no connect or read timeout, so an endpoint that drops '
              'packets holds the checking thread for good', 'edit'),
             (2, 'java-00-graves-update-check-stream-left-open',
              'an edit reads the update answer through a Scanner that is never closed, leaking the connection on every '
              'daily check', 'edit'),
             (0, 'java-ok-00-graves-update-check-bounded',
              'clean: the fix sets the connect and read timeouts', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / LOG-02: downstream packet warnings of a proxy scoreboard API (VelocityScoreboardAPI), new file
VSAWARN = template('velocity-scoreboard-downstream-warnings', r'''
/**
 * Reports scoreboard packets from backend servers that do not match the proxy's view of a player's scoreboard. A
 * broken backend plugin sends such packets every tick, so each problem is reported once per player, packet and
 * objective or team, and only when print_invalid_downstream_packet_warnings is enabled.
 */
public class DownstreamPacketWarnings {

    private final Logger logger;
    private final boolean enabled;
02|    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public DownstreamPacketWarnings(Logger logger, boolean enabled) {
        this.logger = logger;
        this.enabled = enabled;
    }

    public void invalidPacket(Player player, String packet, String problem, String name) {
        if (!enabled) {
            return;
        }
02|        if (reported.add(player.getUniqueId() + "|" + packet + "|" + problem + "|" + name)) {
0|            logger.warn("[VSA] Player {} received invalid {} packet ({}: {}); further ones are not reported",
0|                    player.getUsername(), packet, problem, name);
2|            logger.warn("[VSA] Player " + player.getUsername() + " received invalid " + packet + " packet (" + problem //@LOG-02
2|                    + ": " + name + "); further ones are not reported");
02|        }
1|        logger.warn("[VSA] Player {} received invalid {} packet ({}: {})", player.getUsername(), packet, problem, name); //@LOG-01
    }
02|
02|    public void forget(Player player) {
02|        String prefix = player.getUniqueId() + "|";
02|        reported.removeIf(key -> key.startsWith(prefix));
02|    }
}
''')
_VSA_PKG = 'com.velocitypowered.proxy.scoreboard.downstream'
_VSA = ['com.velocitypowered.api.proxy.Player', 'org.slf4j.Logger']
_VSAS = ['java.util.Set', 'java.util.concurrent.ConcurrentHashMap']
cases_of(case, GH + 'NEZNAMY/VelocityScoreboardAPI/issues/12', src(_VSA_PKG, 'DownstreamPacketWarnings'),
         JV(_VSA_PKG, {0: _VSA + _VSAS, 1: _VSA, 2: _VSA + _VSAS})(VSAWARN), [
             (1, 'java-00-velocity-scoreboard-new-warning-per-packet',
              'a new file warns on every invalid scoreboard packet a backend sends, a console line per tick per player',
              'new'),
             (2, 'java-00-velocity-scoreboard-new-warning-concatenated',
              'a new file builds each invalid-packet warning by string concatenation', 'new'),
             (0, 'java-ok-00-velocity-scoreboard-new-warning-once',
              'clean: a new file that reports each invalid packet kind once per player, with a parameterised message',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / ERR-01: asynchronous teleport of a game-server plugin (EssentialsX)
ESSTELEPORT = template('essentials-async-teleport', r'''
    /**
     * Teleports the player once the target chunk has loaded. The future the command handed in completes in every case:
     * true after the teleport, false when an event cancelled it, exceptionally when loading or teleporting failed.
     */
    protected void nowAsync(final IUser teleportee, final ITarget target, final TeleportCause cause, final CompletableFuture<Boolean> future) {
        cancel(false);
        final Location loc = target.getLocation();
        final TeleportPreEvent event = new TeleportPreEvent(teleportee, cause, target);
        ess.getServer().getPluginManager().callEvent(event);
        if (event.isCancelled()) {
            future.complete(false);
            return;
        }
        teleportee.setLastLocation();

02|        PaperLib.getChunkAtAsync(loc)
02|                .thenAccept(chunk -> teleportLoaded(teleportee, loc, cause, future))
02|                .exceptionally(e -> {
02|                    future.completeExceptionally(e);
02|                    return null;
02|                });
1|        PaperLib.getChunkAtAsync(loc).thenAccept(chunk -> teleportLoaded(teleportee, loc, cause, future)); //@CONC-06
    }

    private void teleportLoaded(final IUser teleportee, final Location loc, final TeleportCause cause, final CompletableFuture<Boolean> future) {
        try {
            final Location safe = LocationUtil.getSafeDestination(ess, teleportee, loc);
            PaperLib.teleportAsync(teleportee.getBase(), safe, cause).whenComplete((teleported, error) -> {
                if (error != null) {
                    future.completeExceptionally(error);
                } else {
                    future.complete(teleported);
                }
            });
01|        } catch (final Exception e) {
01|            future.completeExceptionally(e);
2|        } catch (final Exception ignored) { //@ERR-01
2|            future.complete(false);
        }
    }
''')
_ES_PKG = 'com.earth2me.essentials'
_ES = ['com.earth2me.essentials.utils.LocationUtil', 'io.papermc.lib.PaperLib', 'java.util.concurrent.CompletableFuture',
       'net.ess3.api.IUser', 'net.ess3.api.events.teleport.TeleportPreEvent', 'org.bukkit.Location',
       'org.bukkit.event.player.PlayerTeleportEvent.TeleportCause']
ESSCLASS = lambda body: (lambda v: java(_ES_PKG, sorted(_ES), 'public class AsyncTeleport implements IAsyncTeleport {\n'
                                      '    private final IEssentials ess;\n\n'
                                      '    public AsyncTeleport(final IEssentials ess) {\n'
                                      '        this.ess = ess;\n'
                                      '    }\n\n'
                                      '    public void cancel(final boolean notifyUser) {\n'
                                      '        ess.getTimer().cancelTeleport(notifyUser);\n'
                                      '    }\n'
                                      + variant(body, v).rstrip('\n') + '\n}\n'))
cases_of(case, GH + 'EssentialsX/Essentials/pull/4016', 'Essentials/' + src(_ES_PKG, 'AsyncTeleport'),
         ESSCLASS(ESSTELEPORT), [
             (1, 'java-00-essentials-teleport-chunk-failure-unobserved',
              'an edit drops the exceptionally stage of the chunk load, so a failed load leaves the command\'s future '
              'open for good and the failure unseen', 'edit'),
             (2, 'java-00-essentials-teleport-failure-swallowed',
              'an edit catches a failed teleport and completes the future with false, dropping the exception', 'edit'),
             (0, 'java-ok-00-essentials-teleport-completes-every-future',
              'clean: the fix completes the future exceptionally when the chunk load fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: disconnect of a WebSocket client library (nv-websocket-client)
NVWS = template('nv-websocket-finish', r'''
    /**
     * Called when the reading thread has to stop: a disconnect was requested or no pong arrived in time. Interrupting
     * a thread blocked in a socket read does not wake it on most platforms, so the socket is closed first; the blocked
     * read then fails and the thread ends.
     */
    void finish() {
        mPingSender.stop();
        mPongSender.stop();
02|        try {
02|            mSocket.close();
02|        } catch (IOException e) {
02|            mListenerManager.callOnError(new WebSocketException(WebSocketError.SOCKET_CLOSE_FAILED, "Failed to close the socket", e));
02|        }
        mReadingThread.interrupt(); //@{1}RES-01
        joinThreads();

        synchronized (mStateManager) {
            mStateManager.changeState(WebSocketState.CLOSED);
        }
        mListenerManager.callOnStateChanged(WebSocketState.CLOSED);
    }

    private void joinThreads() {
        try {
            mReadingThread.join(JOIN_TIMEOUT_MILLIS);
            mWritingThread.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
        }
    }
''')
_NV_PKG = 'com.neovisionaries.ws.client'
NVCLASS = lambda body: (lambda v: java(_NV_PKG, ['java.net.Socket'] if v == 1 else ['java.io.IOException', 'java.net.Socket'],
                                      'public class WebSocket {\n'
                                      '    private static final long JOIN_TIMEOUT_MILLIS = 10_000;\n\n'
                                      '    private final Socket mSocket;\n'
                                      '    private final StateManager mStateManager = new StateManager();\n'
                                      '    private final ListenerManager mListenerManager = new ListenerManager(this);\n'
                                      '    private final PingSender mPingSender = new PingSender(this);\n'
                                      '    private final PongSender mPongSender = new PongSender(this);\n'
                                      '    private ReadingThread mReadingThread;\n'
                                      '    private WritingThread mWritingThread;\n\n'
                                      '    WebSocket(Socket socket) {\n'
                                      '        mSocket = socket;\n'
                                      '    }\n'
                                      + variant(body, v).rstrip('\n') + '\n}\n'))
cases_of(case, GH + 'TakahikoKawasaki/nv-websocket-client/issues/48', src(_NV_PKG, 'WebSocket'),
         NVCLASS(NVWS), [
             (1, 'java-00-nv-websocket-finish-only-interrupts-reader',
              'an edit ends a connection by interrupting the reading thread only, so the socket stays open and the '
              'blocked read never returns', 'edit'),
             (2, 'java-00-nv-websocket-join-interrupt-swallowed',
              'an edit swallows the interrupt that arrives while joining the reading and writing threads', 'edit'),
             (0, 'java-ok-00-nv-websocket-finish-closes-socket',
              'clean: the fix closes the socket before interrupting the reading thread', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: backend connector of a Minecraft proxy (Velocity-CTD)
VCTDCONNECT = template('velocity-ctd-backend-connector', r'''
/**
 * Connects players to backend servers. A backend that is down but still routed drops the connect packets, so every
 * connect is bounded by the configured connection timeout, and the fallback search pings candidates one at a time
 * with the read timeout.
 */
public class BackendConnector {
  private static final Logger logger = LogManager.getLogger(BackendConnector.class);

  private final VelocityServer server;
  private final VelocityConfiguration configuration;

  public BackendConnector(VelocityServer server) {
    this.server = server;
    this.configuration = server.getConfiguration();
  }

  public CompletableFuture<Channel> connect(ConnectedPlayer player, RegisteredServer target) {
    CompletableFuture<Channel> result = new CompletableFuture<>();
    server.createBootstrap(player.getConnection().eventLoop())
02|        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, configuration.getConnectTimeout())
        .handler(server.getBackendChannelInitializer())
        .connect(target.getServerInfo().getAddress()) //@{1}TMO-01
        .addListener((ChannelFutureListener) future -> {
          if (future.isSuccess()) {
            result.complete(future.channel());
          } else {
            result.completeExceptionally(future.cause());
          }
        });
    return result;
  }

  /** Runs on the proxy's worker pool, never on an event loop: pings each fallback in order and returns the first to answer. */
  public Optional<RegisteredServer> findFallback(List<RegisteredServer> candidates) {
    for (RegisteredServer candidate : candidates) {
      try {
        candidate.ping().get(configuration.getReadTimeout(), TimeUnit.MILLISECONDS);
        return Optional.of(candidate);
      } catch (InterruptedException e) { //@{2}CONC-05
01|        Thread.currentThread().interrupt();
01|        return Optional.empty();
2|        logger.debug("Interrupted while pinging {}, trying the next fallback", candidate.getServerInfo().getName());
      } catch (ExecutionException | TimeoutException e) {
        logger.debug("Fallback {} did not answer: {}", candidate.getServerInfo().getName(), e.toString());
      }
    }
    return Optional.empty();
  }
}
''')
_VC2_PKG = 'com.velocitypowered.proxy.connection.backend'
_VC2 = ['com.velocitypowered.api.proxy.server.RegisteredServer', 'com.velocitypowered.proxy.VelocityServer',
        'com.velocitypowered.proxy.config.VelocityConfiguration', 'com.velocitypowered.proxy.connection.client.ConnectedPlayer',
        'io.netty.channel.Channel', 'io.netty.channel.ChannelFutureListener', 'io.netty.channel.ChannelOption',
        'java.util.List', 'java.util.Optional', 'java.util.concurrent.CompletableFuture',
        'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit',
        'java.util.concurrent.TimeoutException', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
cases_of(case, GH + 'GemstoneGG/Velocity-CTD/issues/938', 'proxy/' + src(_VC2_PKG, 'BackendConnector'),
         JV(_VC2_PKG, {0: _VC2, 1: [i for i in _VC2 if not i.endswith('ChannelOption')], 2: _VC2})(VCTDCONNECT), [
             (1, 'java-00-velocity-ctd-backend-connect-without-timeout',
              'an edit drops the connect timeout from the backend bootstrap, so a player sent to a silently dead '
              'server waits until the operating system gives up', 'edit'),
             (2, 'java-00-velocity-ctd-fallback-interrupt-swallowed',
              'an edit logs an interrupt during the fallback search and moves on to the next server, losing the '
              'interrupt', 'edit'),
             (0, 'java-ok-00-velocity-ctd-backend-connect-bounded',
              'clean: the fix bounds each backend connect with the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: network error handler of a server networking mod (connectivity)
CONNERR = template('connectivity-network-error-handler', r'''
/**
 * Closes a connection whose pipeline failed and reports the failure. Clients that drop mid-handshake produce these
 * errors all day, so the full report with its stack is written at most once per interval and the rest go to debug.
 */
public class NetworkErrorHandler extends ChannelInboundHandlerAdapter {
    private static final long REPORT_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final AtomicLong lastReport = new AtomicLong();
    private final AtomicInteger suppressed = new AtomicInteger();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
01|        ctx.close();
        String listener = describeListener(ctx.channel()); //@{2}RES-01
02|        long now = System.currentTimeMillis();
02|        long last = lastReport.get();
02|        if (now - last >= REPORT_INTERVAL_MILLIS && lastReport.compareAndSet(last, now)) {
02|            Connectivity.LOGGER.warn("Network error in: {} with: {} ({} similar errors since the last report)",
02|                    ctx.name(), listener, suppressed.getAndSet(0), cause);
02|        } else {
02|            suppressed.incrementAndGet();
02|            Connectivity.LOGGER.debug("Network error in: {} with: {}: {}", ctx.name(), listener, cause.toString());
02|        }
1|        Connectivity.LOGGER.warn("Network error in: {} with: {}", ctx.name(), listener, cause); //@LOG-01
    }

    private static String describeListener(Channel channel) {
        Connection connection = (Connection) channel.pipeline().get("packet_handler");
        return connection == null ? "unknown" : String.valueOf(connection.getPacketListener());
    }
}
''')
_CN_PKG = 'com.connectivity.network'
_CN = ['com.connectivity.Connectivity', 'io.netty.channel.Channel', 'io.netty.channel.ChannelHandlerContext',
       'io.netty.channel.ChannelInboundHandlerAdapter', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.atomic.AtomicInteger', 'java.util.concurrent.atomic.AtomicLong',
       'net.minecraft.network.Connection']
cases_of(case, GH + 'someaddons/connectivity/issues/127', src(_CN_PKG, 'NetworkErrorHandler'),
         JV(_CN_PKG, {0: _CN, 1: [i for i in _CN if not i.endswith(('TimeUnit', 'AtomicInteger', 'AtomicLong'))], 2: _CN})(CONNERR), [
             (1, 'java-00-connectivity-warns-every-network-error',
              'an edit writes every pipeline error at warn with its stack, the console spam of the thread', 'edit'),
             (2, 'java-00-connectivity-failed-channel-left-open',
              'an edit reports a failed pipeline without closing its channel, so the half-open connection stays',
              'edit'),
             (0, 'java-ok-00-connectivity-network-errors-rate-limited',
              'clean: the fix reports the full error at most once per interval and the rest at debug', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-07: async timer task of a game-server scheduler library (FoliaScheduler), renamed file
FOLIATASK = template('folia-scheduler-async-timer', r'''
/**
 * An asynchronous timer task run on the plugin's scheduled executor (Bukkit's async scheduler cannot express periods
 * below a tick). The scheduled future is kept so cancel() stops the task, and one failing run is logged without ending
 * the schedule.
 */
public class AsyncTimerTask implements ScheduledTask {
    private final Plugin owner;
    private final Consumer<ScheduledTask> callback;
    private final CompletableFuture<ScheduledTask> done = new CompletableFuture<>();
    private volatile ScheduledFuture<?> scheduled;

    public AsyncTimerTask(Plugin owner, Consumer<ScheduledTask> callback) {
        this.owner = owner;
        this.callback = callback;
    }

    void schedule(ScheduledExecutorService executor, long delay, long period, TimeUnit unit) {
0|        scheduled = executor.scheduleAtFixedRate(() -> {
1|        executor.scheduleAtFixedRate(() -> { //@CONC-06
01|            try {
01|                callback.accept(this);
01|            } catch (Throwable t) {
01|                owner.getLogger().log(Level.SEVERE, t, () -> "Async timer task of " + owner.getName() + " failed; it keeps running");
01|            }
01|        }, delay, period, unit);
2|        scheduled = executor.scheduleAtFixedRate(() -> callback.accept(this), delay, period, unit); //@CONC-07
    }

    @Override
    public void cancel() {
        ScheduledFuture<?> future = scheduled;
        if (future != null) {
            future.cancel(false);
        }
        done.complete(this);
    }

    @Override
    public boolean isCancelled() {
        ScheduledFuture<?> future = scheduled;
        return future != null && future.isCancelled();
    }

    @Override
    public CompletableFuture<ScheduledTask> asFuture() {
        return done;
    }
}
''')
_FS_PKG = 'com.cjcrafter.scheduler.bukkit'
_FS_OLD = 'com.cjcrafter.scheduler'
_FS = ['com.cjcrafter.scheduler.ScheduledTask', 'java.util.concurrent.CompletableFuture',
       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
       'java.util.concurrent.TimeUnit', 'java.util.function.Consumer', 'java.util.logging.Level', 'org.bukkit.plugin.Plugin']
cases_of(case, GH + 'CJCrafter/FoliaScheduler/pull/26', src(_FS_PKG, 'AsyncTimerTask'),
         JV(_FS_PKG, {0: _FS, 1: _FS, 2: [i for i in _FS if not i.endswith('Level')]})(FOLIATASK), [
             (1, 'java-00-folia-scheduler-renamed-timer-future-dropped',
              'a move of the async timer task also drops the scheduled future, so cancel can never stop the task and '
              'its completion is never observed', 'rename'),
             (2, 'java-00-folia-scheduler-renamed-timer-unguarded',
              'a move of the async timer task also schedules the callback without its catch, so one failing run ends '
              'the timer for good', 'rename'),
             (0, 'java-ok-00-folia-scheduler-renamed-timer-kept-and-guarded',
              'clean: the move alone; the scheduled future is kept and every run is guarded', 'rename'),
         ], rename_from=src(_FS_OLD, 'AsyncTimerTask'),
         rename_old=lambda t: t.replace('package ' + _FS_PKG + ';', 'package ' + _FS_OLD + ';').replace(
             'import com.cjcrafter.scheduler.ScheduledTask;\n', ''))
