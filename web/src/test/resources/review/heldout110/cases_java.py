"""Round-110 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- OPS-01 / CONC-02: command executor of a game server mod library (Uniform), with a test
UNIFORM = template('uniform-fabric-executor', r'''
/**
 * Registers Uniform commands with a Fabric server. Suggestions and command bodies marked async run on
 * {@link #CACHED_EXECUTOR}; the executor must be stopped with the server, after the commands already queued have run,
 * or its threads keep {@code /stop} waiting.
 */
public final class FabricUniform implements Uniform {
    private static final Logger LOGGER = LoggerFactory.getLogger(FabricUniform.class);
01|    static final ExecutorService CACHED_EXECUTOR = new ThreadPoolExecutor(
01|            0, 4, 30L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
01|            r -> new Thread(r, "uniform-async"), new ThreadPoolExecutor.CallerRunsPolicy());
2|    static final ExecutorService CACHED_EXECUTOR = Executors.newCachedThreadPool( //@CONC-02
2|            r -> new Thread(r, "uniform-async"));
    private static FabricUniform INSTANCE;

    private final Set<Command> commands = new CopyOnWriteArraySet<>();

    private FabricUniform() {
        CommandRegistrationCallback.EVENT.register((dispatcher, registry, environment) ->
                commands.forEach(command -> dispatcher.register(FabricCommand.build(command, CACHED_EXECUTOR))));
        ServerLifecycleEvents.SERVER_STOPPED.register(server -> shutdownExecutor());
    }

    public static synchronized FabricUniform getInstance() {
        if (INSTANCE == null) {
            INSTANCE = new FabricUniform();
        }
        return INSTANCE;
    }

    @Override
    public void register(Command... toRegister) {
        commands.addAll(Arrays.asList(toRegister));
    }

    static void shutdownExecutor() {
02|        CACHED_EXECUTOR.shutdown();
02|        try {
02|            if (!CACHED_EXECUTOR.awaitTermination(10, TimeUnit.SECONDS)) {
02|                LOGGER.warn("Async command tasks still running after 10 seconds; interrupting them");
02|                CACHED_EXECUTOR.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            CACHED_EXECUTOR.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        CACHED_EXECUTOR.shutdownNow(); //@OPS-01
    }
}
''')
UNIFORM_TEST = r'''
class FabricUniformTest {
    @Test
    void shutdownStopsTheAsyncExecutor() {
        FabricUniform.shutdownExecutor();
        assertTrue(FabricUniform.CACHED_EXECUTOR.isShutdown());
    }
}
'''
_UNI = ['java.util.Arrays', 'java.util.Set', 'java.util.concurrent.CopyOnWriteArraySet',
        'java.util.concurrent.ExecutorService',
        'net.fabricmc.fabric.api.command.v2.CommandRegistrationCallback',
        'net.fabricmc.fabric.api.event.lifecycle.v1.ServerLifecycleEvents', 'net.william278.uniform.Command',
        'net.william278.uniform.Uniform'] + SLF4J
_UNI_BOUNDED = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'WiIIiam278/Uniform/pull/53', 'fabric/' + src('net.william278.uniform.fabric', 'FabricUniform'),
         JV('net.william278.uniform.fabric', {0: _UNI + _UNI_BOUNDED, 1: _UNI + _UNI_BOUNDED,
                                              2: _UNI + ['java.util.concurrent.Executors',
                                                         'java.util.concurrent.TimeUnit']})(UNIFORM), [
             (1, 'java-00-uniform-executor-stopped-with-shutdown-now',
              'an edit stops the async command executor with shutdownNow when the server stops, so command '
              'bodies already queued are dropped mid-way instead of finishing', 'edit'),
             (2, 'java-00-uniform-executor-cached-pool',
              'an edit runs async commands on a cached thread pool, so a burst of suggestions starts a thread for '
              'each of them', 'edit'),
             (0, 'java-ok-00-uniform-executor-drained-on-stop',
              'clean: the fix shuts the executor down with the server and waits for the queued commands', 'fix'),
         ], extra=[f('fabric/' + tst('net.william278.uniform.fabric', 'FabricUniformTest'),
                     new=java('net.william278.uniform.fabric',
                              ['static org.junit.jupiter.api.Assertions.assertTrue', 'org.junit.jupiter.api.Test'],
                              UNIFORM_TEST))])


# ---------------------------------------------------------------- RES-01 / CONC-03: audio player of a music bot library (lavaplayer), moved file
LAVAPLAYER = template('lavaplayer-default-player', r'''
/**
 * An audio player that plays one track at a time. Each playing track owns a LocalAudioTrackExecutor with its own
 * thread and frame buffer; only the track's stop releases them. Track switches come from command threads and from
 * the executor's end-of-track callback at once, so every change of the active track is made under trackSwitchLock.
 */
public class DefaultAudioPlayer implements AudioPlayer, TrackStateListener {
    private static final Logger log = LoggerFactory.getLogger(AudioPlayer.class);

    private final DefaultAudioPlayerManager manager;
    private final List<AudioEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Object trackSwitchLock = new Object();
    private volatile InternalAudioTrack activeTrack;

    public DefaultAudioPlayer(DefaultAudioPlayerManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean startTrack(AudioTrack track, boolean noInterrupt) {
        InternalAudioTrack newTrack = (InternalAudioTrack) track;
        synchronized (trackSwitchLock) {
            InternalAudioTrack previous = activeTrack;
            if (noInterrupt && previous != null) {
                return false;
            }
02|            if (previous != null) {
02|                previous.stop();
02|            }
            activeTrack = newTrack; //@{1}RES-01
            if (previous != null) {
                dispatchEvent(new TrackEndEvent(this, previous, AudioTrackEndReason.REPLACED));
            }
            if (newTrack != null) {
                manager.executeTrack(this, newTrack, manager.getConfiguration(), this);
            }
            return true;
        }
    }

    @Override
    public void stopTrack() {
01|        synchronized (trackSwitchLock) {
01|            stopWithReason(AudioTrackEndReason.STOPPED);
01|        }
2|        stopWithReason(AudioTrackEndReason.STOPPED); //@CONC-03
    }

    private void stopWithReason(AudioTrackEndReason reason) {
        InternalAudioTrack previous = activeTrack;
        activeTrack = null;
        if (previous != null) {
            previous.stop();
            dispatchEvent(new TrackEndEvent(this, previous, reason));
        }
    }

    @Override
    public void onTrackException(AudioTrack track, FriendlyException exception) {
        dispatchEvent(new TrackExceptionEvent(this, track, exception));
    }

    private void dispatchEvent(AudioEvent event) {
        for (AudioEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (Exception e) {
                log.error("Handler of event {} threw an exception.", event, e);
            }
        }
    }
}
''')
_LP_OLD = 'com.sedmelluq.discord.lavaplayer.player'
_LP_NEW = 'com.sedmelluq.discord.lavaplayer.player.base'
cases_of(case, GH + 'lavalink-devs/lavaplayer/pull/125', 'main/' + src(_LP_NEW, 'DefaultAudioPlayer'),
         J(_LP_NEW, SLF4J + ['java.util.List', 'java.util.concurrent.CopyOnWriteArrayList',
                             _LP_OLD + '.AudioPlayer', _LP_OLD + '.DefaultAudioPlayerManager',
                             _LP_OLD + '.event.AudioEvent', _LP_OLD + '.event.AudioEventListener',
                             _LP_OLD + '.event.TrackEndEvent', _LP_OLD + '.event.TrackExceptionEvent',
                             'com.sedmelluq.discord.lavaplayer.tools.FriendlyException',
                             'com.sedmelluq.discord.lavaplayer.track.AudioTrack',
                             'com.sedmelluq.discord.lavaplayer.track.AudioTrackEndReason',
                             'com.sedmelluq.discord.lavaplayer.track.InternalAudioTrack',
                             'com.sedmelluq.discord.lavaplayer.track.TrackStateListener'])(LAVAPLAYER), [
             (1, 'java-00-lavaplayer-moved-replaced-track-keeps-executor',
              'a move of the player also stops stopping the replaced track, so each track switch leaves its '
              'executor thread and frame buffer running', 'rename'),
             (2, 'java-00-lavaplayer-moved-stop-outside-switch-lock',
              'a move of the player also stops the track outside the track-switch lock, so a stop racing an '
              'end-of-track callback works on an active track that is being replaced', 'rename'),
             (0, 'java-ok-00-lavaplayer-moved-default-player',
              'clean: the move alone; a replaced track is stopped and every switch holds the lock', 'rename'),
         ], rename_from='main/' + src(_LP_OLD, 'DefaultAudioPlayer'),
         rename_old=lambda t: t.replace('package ' + _LP_NEW + ';', 'package ' + _LP_OLD + ';').replace(
             'import ' + _LP_OLD + '.AudioPlayer;\n', '').replace(
             'import ' + _LP_OLD + '.DefaultAudioPlayerManager;\n', ''))


# ---------------------------------------------------------------- CONC-03 / LOG-02: glTF model loader of a game engine (jMonkeyEngine)
JME = template('jme-gltf-loader', r'''
/**
 * Loads glTF 2.0 models. An application may load models from several threads with one AssetManager; each loading
 * thread gets a loader instance of its own, so the material adapters a load configures must belong to that instance
 * and not to the class.
 */
public class GltfLoader implements AssetLoader {
    private static final Logger logger = Logger.getLogger(GltfLoader.class.getName());

02|    private final Map<String, MaterialAdapter> defaultMaterialAdapters = new HashMap<>();
1|    private static final Map<String, MaterialAdapter> defaultMaterialAdapters = new HashMap<>(); //@CONC-03
    private JsonObject docRoot;
    private AssetInfo info;
    private Material defaultMat;

    public GltfLoader() {
        defaultMaterialAdapters.put("pbrMetallicRoughness", new PBRMetalRoughMaterialAdapter());
    }

    @Override
    public Object load(AssetInfo assetInfo) throws IOException {
        this.info = assetInfo;
        try (InputStream stream = assetInfo.openStream()) {
            docRoot = JsonParser.parse(stream).getAsJsonObject();
            return readScenes();
        }
    }

    public Material readMaterial(int materialIndex) throws IOException {
        JsonObject matData = docRoot.getAsJsonArray("materials").get(materialIndex).getAsJsonObject();
        String name = getAsString(matData, "name");
        MaterialAdapter adapter = getAdapterForMaterial(info, "pbrMetallicRoughness");
        if (adapter == null) {
01|            logger.log(Level.WARNING, "No adapter for material {0}, using the default material", name);
2|            logger.log(Level.WARNING, "No adapter for material " + name + ", using the default material"); //@LOG-02
            return defaultMaterial();
        }
        adapter.init(info.getManager());
        adapter.setParam("baseColorFactor", getAsColor(matData, "baseColorFactor", ColorRGBA.White));
        adapter.setParam("metallicFactor", getAsFloat(matData, "metallicFactor", 1f));
        adapter.setParam("roughnessFactor", getAsFloat(matData, "roughnessFactor", 1f));
        return adapter.getMaterial();
    }

    private MaterialAdapter getAdapterForMaterial(AssetInfo info, String defName) {
        GltfModelKey key = info.getKey() instanceof GltfModelKey ? (GltfModelKey) info.getKey() : null;
        if (key != null && key.getAdapterForMaterial(defName) != null) {
            return key.getAdapterForMaterial(defName);
        }
        return defaultMaterialAdapters.get(defName);
    }

    private Material defaultMaterial() {
        if (defaultMat == null) {
            defaultMat = new Material(info.getManager(), "Common/MatDefs/Light/PBRLighting.j3md");
        }
        return defaultMat;
    }

    private Object readScenes() throws IOException {
        return new SceneReader(this, docRoot).read();
    }
}
''')
cases_of(case, GH + 'jMonkeyEngine/jmonkeyengine/issues/1809',
         'jme3-plugins/' + src('com.jme3.scene.plugins.gltf', 'GltfLoader'),
         J('com.jme3.scene.plugins.gltf', ['com.google.gson.JsonObject', 'com.jme3.asset.AssetInfo',
                                           'com.jme3.asset.AssetLoader', 'com.jme3.material.Material',
                                           'com.jme3.math.ColorRGBA', 'com.jme3.plugins.json.JsonParser',
                                           'java.io.IOException', 'java.io.InputStream', 'java.util.HashMap',
                                           'java.util.Map', 'java.util.logging.Level', 'java.util.logging.Logger',
                                           'static com.jme3.scene.plugins.gltf.GltfUtils.*'])(JME), [
             (1, 'java-00-jme-gltf-adapters-static',
              'an edit makes the loader\'s material adapters a static map, so models loaded on two threads '
              'configure the same adapter and get each other\'s materials', 'edit'),
             (2, 'java-00-jme-gltf-warning-concatenated',
              'an edit concatenates the material name into the missing-adapter warning instead of passing it as a '
              'parameter', 'edit'),
             (0, 'java-ok-00-jme-gltf-adapters-per-loader',
              'clean: the fix keeps the material adapters per loader instance', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: GetMedia worker of a video stream parser library (Kinesis Video Streams)
KINESIS = template('kinesis-video-getmedia-worker', r'''
/**
 * Reads fragments of a Kinesis video stream with GetMedia and hands every MKV element to the visitor. GetMedia keeps
 * its HTTP connection open for as long as the payload is read; only closing the payload gives it back.
 */
@Slf4j
public class GetMediaWorker extends KinesisVideoCommon implements Runnable {
    private final AmazonKinesisVideoMedia videoMedia;
    private final MkvElementVisitor elementVisitor;
    private final StartSelector startSelector;

    private GetMediaWorker(Regions region, AWSCredentialsProvider credentialsProvider, String streamName,
            StartSelector startSelector, String endPoint, MkvElementVisitor elementVisitor) {
        super(region, credentialsProvider, streamName);
        AmazonKinesisVideoMediaClientBuilder builder = AmazonKinesisVideoMediaClientBuilder.standard() //@{2}TMO-01
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endPoint, region.getName()))
01|                .withClientConfiguration(new ClientConfiguration()
01|                        .withConnectionTimeout(10_000)
01|                        .withSocketTimeout(30_000))
                .withCredentials(getCredentialsProvider());
        this.videoMedia = builder.build();
        this.elementVisitor = elementVisitor;
        this.startSelector = startSelector;
    }

    public static GetMediaWorker create(Regions region, AWSCredentialsProvider credentialsProvider, String streamName,
            StartSelector startSelector, AmazonKinesisVideo amazonKinesisVideo, MkvElementVisitor visitor) {
        String endPoint = amazonKinesisVideo.getDataEndpoint(new GetDataEndpointRequest()
                .withAPIName(APIName.GET_MEDIA)
                .withStreamName(streamName)).getDataEndpoint();
        return new GetMediaWorker(region, credentialsProvider, streamName, startSelector, endPoint, visitor);
    }

    @Override
    public void run() {
        try {
            log.info("Start GetMedia worker on stream {}", streamName);
            GetMediaResult result = videoMedia.getMedia(new GetMediaRequest()
                    .withStreamName(streamName)
                    .withStartSelector(startSelector));
            log.info("GetMedia called on stream {} response {} requestId {}", streamName,
                    result.getSdkHttpMetadata().getHttpStatusCode(),
                    result.getSdkResponseMetadata().getRequestId());
02|            try (InputStream payload = result.getPayload()) {
02|                readElements(payload);
02|            }
1|            readElements(result.getPayload()); //@RES-01
        } catch (IOException | MkvElementVisitException e) {
            log.error("Failure in GetMediaWorker for streamName {}", streamName, e);
        } finally {
            log.info("Exiting GetMediaWorker for stream {}", streamName);
        }
    }

    private void readElements(InputStream payload) throws MkvElementVisitException {
        StreamingMkvReader mkvStreamReader = StreamingMkvReader.createDefault(new InputStreamParserByteSource(payload));
        while (mkvStreamReader.mightHaveNext()) {
            Optional<MkvElement> element = mkvStreamReader.nextIfAvailable();
            if (element.isPresent()) {
                element.get().accept(elementVisitor);
            }
        }
    }
}
''')
_KV = ['com.amazonaws.auth.AWSCredentialsProvider', 'com.amazonaws.client.builder.AwsClientBuilder',
       'com.amazonaws.kinesisvideo.parser.ebml.InputStreamParserByteSource',
       'com.amazonaws.kinesisvideo.parser.mkv.MkvElement', 'com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitException',
       'com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitor', 'com.amazonaws.kinesisvideo.parser.mkv.StreamingMkvReader',
       'com.amazonaws.regions.Regions', 'com.amazonaws.services.kinesisvideo.AmazonKinesisVideo',
       'com.amazonaws.services.kinesisvideo.AmazonKinesisVideoMedia',
       'com.amazonaws.services.kinesisvideo.AmazonKinesisVideoMediaClientBuilder',
       'com.amazonaws.services.kinesisvideo.model.APIName',
       'com.amazonaws.services.kinesisvideo.model.GetDataEndpointRequest',
       'com.amazonaws.services.kinesisvideo.model.GetMediaRequest',
       'com.amazonaws.services.kinesisvideo.model.GetMediaResult',
       'com.amazonaws.services.kinesisvideo.model.StartSelector', 'java.io.IOException', 'java.io.InputStream',
       'java.util.Optional', 'lombok.extern.slf4j.Slf4j']
cases_of(case, GH + 'aws/amazon-kinesis-video-streams-parser-library/pull/49',
         src('com.amazonaws.kinesisvideo.parser.examples', 'GetMediaWorker'),
         JV('com.amazonaws.kinesisvideo.parser.examples', {0: _KV + ['com.amazonaws.ClientConfiguration'],
                                                          1: _KV + ['com.amazonaws.ClientConfiguration'],
                                                          2: _KV})(KINESIS), [
             (1, 'java-00-kinesis-getmedia-payload-left-open',
              'an edit reads the GetMedia payload without closing it, so every worker that ends keeps its HTTP '
              'connection to the stream\'s data endpoint', 'edit'),
             (2, 'java-00-kinesis-media-client-without-timeouts',
              'an edit builds the media client without connection and socket timeouts, so a stalled data endpoint '
              'holds the worker\'s read for good', 'edit'),
             (0, 'java-ok-00-kinesis-getmedia-payload-closed',
              'clean: the fix reads the payload in a try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-01: RTMP client IO handler of a media server client (Red5)
RED5 = template('red5-client-io-handler', r'''
/**
 * Handles the MINA events of the RTMP client's connections. Handlers of a message reach the connection through
 * Red5's connection-local, a thread-local of the IO processor thread, which must not outlive the message: the next
 * message on that thread may belong to another connection.
 */
public class RTMPMinaIoHandler extends IoHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RTMPMinaIoHandler.class);

    private final BaseRTMPClientHandler handler;
    private final RTMPConnManager connManager;

    public RTMPMinaIoHandler(BaseRTMPClientHandler handler, RTMPConnManager connManager) {
        this.handler = handler;
        this.connManager = connManager;
    }

    @Override
    public void messageReceived(IoSession session, Object message) throws Exception {
        String sessionId = (String) session.getAttribute(RTMPConnection.RTMP_SESSION_ID);
        RTMPMinaConnection conn = (RTMPMinaConnection) connManager.getConnectionBySessionId(sessionId);
        if (conn == null) {
            log.warn("Message on a session without connection: {}", sessionId);
            return;
        }
01|        if (log.isTraceEnabled()) {
01|            log.trace("Message received on {}: {}", sessionId, message);
01|        }
2|        log.info("Message received on {}: {}", sessionId, message); //@LOG-01
        Red5.setConnectionLocal(conn); //@{1}CONC-04
02|        try {
02|            handler.messageReceived(conn, (Packet) message);
02|        } finally {
02|            Red5.setConnectionLocal(null);
02|        }
1|        handler.messageReceived(conn, (Packet) message);
1|        Red5.setConnectionLocal(null);
    }

    @Override
    public void sessionClosed(IoSession session) throws Exception {
        String sessionId = (String) session.getAttribute(RTMPConnection.RTMP_SESSION_ID);
        RTMPMinaConnection conn = (RTMPMinaConnection) connManager.removeConnection(sessionId);
        if (conn != null) {
            handler.connectionClosed(conn);
        }
        log.debug("Session closed: {}", sessionId);
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) throws Exception {
        log.warn("Exception on session {}", session.getAttribute(RTMPConnection.RTMP_SESSION_ID), cause);
        session.closeNow();
    }
}
''')
cases_of(case, GH + 'Red5/red5-client/issues/42', src('org.red5.client.net.rtmp', 'RTMPMinaIoHandler'),
         J('org.red5.client.net.rtmp', SLF4J + ['org.apache.mina.core.service.IoHandlerAdapter',
                                                'org.apache.mina.core.session.IoSession', 'org.red5.server.api.Red5',
                                                'org.red5.server.net.rtmp.RTMPConnManager',
                                                'org.red5.server.net.rtmp.RTMPConnection',
                                                'org.red5.server.net.rtmp.RTMPMinaConnection',
                                                'org.red5.server.net.rtmp.message.Packet'])(RED5), [
             (1, 'java-00-red5-connection-local-not-cleared-on-failure',
              'an edit clears the connection-local only after a message was handled, so a handler that throws '
              'leaves the IO thread pointing at that connection for the next session\'s messages', 'edit'),
             (2, 'java-00-red5-every-message-logged-at-info',
              'an edit logs every received RTMP message at info, so each audio and video packet of every stream '
              'writes a log line', 'edit'),
             (0, 'java-ok-00-red5-connection-local-cleared-in-finally',
              'clean: the fix clears the connection-local in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / ERR-01: lookup executor of a game proxy plugin (AntiVPN)
ANTIVPN = template('antivpn-executor', r'''
/**
 * Runs the VPN lookups of joining players off the proxy's event threads. On proxy shutdown the lookups already queued
 * finish and store their results before the database closes.
 */
public class VPNExecutor {
    private final ExecutorService threadExecutor = new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(500), r -> new Thread(r, "AntiVPN-Lookup"), new ThreadPoolExecutor.AbortPolicy());
    private final VPNDatabase database;
    private final LookupClient client;
    private final Logger logger;

    public VPNExecutor(VPNDatabase database, LookupClient client, Logger logger) {
        this.database = database;
        this.client = client;
        this.logger = logger;
    }

    public CompletableFuture<VPNResponse> checkIp(String ip) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<VPNResponse> cached = database.getStoredResponse(ip);
            if (cached.isPresent()) {
                return cached.get();
            }
            try {
                VPNResponse response = client.lookup(ip);
                database.cacheResponse(response);
                return response;
01|            } catch (IOException e) {
01|                logger.warn("VPN lookup of {} failed", ip, e);
01|                throw new UncheckedIOException(e);
01|            }
2|            } catch (IOException e) { //@ERR-01
2|                return VPNResponse.FAILED_RESPONSE;
2|            }
        }, threadExecutor);
    }

    public void shutdown() {
        threadExecutor.shutdown(); //@{1}OPS-01
02|        try {
02|            if (!threadExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
02|                logger.warn("VPN lookups still running after 10 seconds; closing the database anyway");
02|            }
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        }
        database.shutdown();
    }
}
''')
cases_of(case, GH + 'funkemunky/AntiVPN/pull/63', 'Common/' + src('dev.brighten.antivpn.api', 'VPNExecutor'),
         J('dev.brighten.antivpn.api', ['dev.brighten.antivpn.database.VPNDatabase',
                                        'dev.brighten.antivpn.web.LookupClient',
                                        'dev.brighten.antivpn.web.objects.VPNResponse', 'java.io.IOException',
                                        'java.io.UncheckedIOException', 'java.util.Optional',
                                        'java.util.concurrent.ArrayBlockingQueue',
                                        'java.util.concurrent.CompletableFuture',
                                        'java.util.concurrent.ExecutorService',
                                        'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                                        'org.slf4j.Logger'])(ANTIVPN), [
             (1, 'java-00-antivpn-shutdown-closes-database-under-lookups',
              'an edit closes the database right after asking the lookup executor to stop, so lookups still queued '
              'at proxy shutdown fail against a closed database', 'edit'),
             (2, 'java-00-antivpn-lookup-failure-swallowed',
              'an edit turns a failed VPN lookup into the failed-response constant without logging it, so an API '
              'outage lets every player through with nothing in the log', 'edit'),
             (0, 'java-ok-00-antivpn-shutdown-waits-for-lookups',
              'clean: the fix waits for the queued lookups before closing the database', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-05: looping player of a sleep sounds app (baby-sleep-sounds)
BABYSLEEP = template('baby-sleep-looping-player', r'''
/**
 * Plays one sound seamlessly with two MediaPlayers on two threads: each thread waits for its turn, plays its player
 * and hands the turn to the other shortly before its own end. stop() is called from the UI thread.
 */
class LoopingPlayer {
    private static final String TAG = "BabySleepSounds";
    private static final int OVERLAP_MS = 250;

    private final MediaPlayer[] players;
    private final Object handoff = new Object();
    private final Thread[] threads = new Thread[2];
    private int turn = 0;
02|    private volatile boolean running;
1|    private boolean running; //@CONC-03

    LoopingPlayer(MediaPlayer first, MediaPlayer second) {
        this.players = new MediaPlayer[] {first, second};
    }

    void start() {
        running = true;
        for (int i = 0; i < 2; i++) {
            final int me = i;
            threads[i] = new Thread(() -> playLoop(me), "LoopingPlayer-" + i);
            threads[i].setUncaughtExceptionHandler((t, e) -> Log.e(TAG, "Playback thread died", e));
            threads[i].start();
        }
    }

    void stop() {
        running = false;
        for (Thread thread : threads) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private void playLoop(int me) {
        while (running) {
            synchronized (handoff) {
                while (running && turn != me) {
                    try {
                        handoff.wait();
01|                    } catch (InterruptedException e) {
01|                        Thread.currentThread().interrupt();
01|                        return;
01|                    }
2|                    } catch (InterruptedException e) { //@CONC-05
2|                        Log.d(TAG, "Handoff wait interrupted");
2|                    }
                }
            }
            if (!running) {
                return;
            }
            MediaPlayer player = players[me];
            player.seekTo(0);
            player.start();
            if (!sleepUntilHandoff(player)) {
                return;
            }
            synchronized (handoff) {
                turn = 1 - me;
                handoff.notifyAll();
            }
        }
    }

    private boolean sleepUntilHandoff(MediaPlayer player) {
        long remaining = player.getDuration() - player.getCurrentPosition() - OVERLAP_MS;
        if (remaining <= 0) {
            return true;
        }
        try {
            Thread.sleep(remaining);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
''')
cases_of(case, GH + 'brarcher/baby-sleep-sounds/issues/30', 'app/' + src('protect.babysleepsounds', 'LoopingPlayer'),
         J('protect.babysleepsounds', ['android.media.MediaPlayer', 'android.util.Log'])(BABYSLEEP), [
             (1, 'java-00-babysleep-running-flag-not-volatile',
              'an edit drops volatile from the players\' running flag, so the playback threads may never see the '
              'UI thread\'s stop and both keep playing out of step', 'edit'),
             (2, 'java-00-babysleep-handoff-interrupt-swallowed',
              'an edit logs the interrupt of the turn wait and waits again, so stop() cannot end a thread that is '
              'waiting for its turn', 'edit'),
             (0, 'java-ok-00-babysleep-running-flag-volatile',
              'clean: the fix keeps the running flag volatile', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: Icecast reconnect monitor of a radio streaming tool (sdrtrunk), new file
SDRTRUNK = template('sdrtrunk-icecast-reconnect', r'''
/**
 * Keeps an Icecast broadcaster connected: every 15 seconds it reconnects a broadcaster that lost its server, for as
 * long as streaming is enabled. The server may refuse, time out or answer with a malformed response; each attempt
 * that fails is reported and the next one runs on schedule.
 */
public class IcecastReconnectMonitor {
    private static final Logger mLog = LoggerFactory.getLogger(IcecastReconnectMonitor.class);
    private static final long RECONNECT_INTERVAL_SECONDS = 15;

    private final IcecastAudioBroadcaster mBroadcaster;
    private final ScheduledExecutorService mScheduler;
    private ScheduledFuture<?> mReconnectFuture;
    private int mFailedAttempts;

    public IcecastReconnectMonitor(IcecastAudioBroadcaster broadcaster, ScheduledExecutorService scheduler) {
        mBroadcaster = broadcaster;
        mScheduler = scheduler;
    }

    public synchronized void start() {
        if (mReconnectFuture == null) {
            mReconnectFuture = mScheduler.scheduleWithFixedDelay(this::reconnectIfNeeded, RECONNECT_INTERVAL_SECONDS, //@{1}CONC-07
                    RECONNECT_INTERVAL_SECONDS, TimeUnit.SECONDS);
        }
    }

    public synchronized void stop() {
        if (mReconnectFuture != null) {
            mReconnectFuture.cancel(false);
            mReconnectFuture = null;
        }
    }

    private void reconnectIfNeeded() {
        if (mBroadcaster.isConnected()) {
            mFailedAttempts = 0;
            return;
        }
        try {
            mBroadcaster.connect();
            mLog.info("Reconnected to Icecast server {} after {} failed attempts", mBroadcaster.getServerAddress(),
                    mFailedAttempts);
            mFailedAttempts = 0;
0|        } catch (IOException ioe) {
0|            mFailedAttempts++;
0|            mLog.warn("Icecast reconnect to {} failed (attempt {})", mBroadcaster.getServerAddress(), mFailedAttempts, ioe);
0|        } catch (RuntimeException re) {
0|            mFailedAttempts++;
0|            mLog.error("Icecast server {} answered the reconnect unexpectedly", mBroadcaster.getServerAddress(), re);
0|        }
1|        } catch (IOException ioe) {
1|            mFailedAttempts++;
1|            mLog.warn("Icecast reconnect to {} failed (attempt {})", mBroadcaster.getServerAddress(), mFailedAttempts, ioe);
1|        }
2|        } catch (IOException ioe) { //@ERR-01
2|            mFailedAttempts++;
2|        } catch (RuntimeException re) {
2|            mFailedAttempts++;
2|            mLog.error("Icecast server {} answered the reconnect unexpectedly", mBroadcaster.getServerAddress(), re);
2|        }
    }
}
''')
cases_of(case, GH + 'DSheirer/sdrtrunk/pull/540',
         src('io.github.dsheirer.audio.broadcast.icecast', 'IcecastReconnectMonitor'),
         J('io.github.dsheirer.audio.broadcast.icecast', SLF4J + ['java.io.IOException',
                                                                 'java.util.concurrent.ScheduledExecutorService',
                                                                 'java.util.concurrent.ScheduledFuture',
                                                                 'java.util.concurrent.TimeUnit'])(SDRTRUNK), [
             (1, 'java-00-sdrtrunk-reconnect-stops-on-protocol-error',
              'a new file schedules the Icecast reconnect with a catch for I/O errors only, so the first malformed '
              'server response ends the schedule and the stream stays down for good', 'new'),
             (2, 'java-00-sdrtrunk-reconnect-io-failure-swallowed',
              'a new file counts failed Icecast reconnects without logging them, so a stream that never comes back '
              'leaves nothing in the log', 'new'),
             (0, 'java-ok-00-sdrtrunk-icecast-reconnect-monitor',
              'clean: every failed reconnect is logged and the schedule survives any exception', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-06: stats database of a game server plugin (ScoreboardStats), CRLF file
SCOREBOARD = template('scoreboardstats-database', r'''
/**
 * Stores the PvP stats of players. Saves run on the plugin's database executor; on disable the last save must end
 * before the plugin's connection pool closes.
 */
public class Database {
    private static final String UPDATE_STATS = "UPDATE player_stats SET kills = ?, deaths = ?, mobkills = ?, "
            + "killstreak = ?, last_online = ? WHERE uuid = ?";

    private final ScoreboardStats plugin;
    private final HikariDataSource dataSource;
    private final ExecutorService executor;
    private final Map<UUID, PlayerStats> cache = new ConcurrentHashMap<>();

    public Database(ScoreboardStats plugin, HikariDataSource dataSource, ExecutorService executor) {
        this.plugin = plugin;
        this.dataSource = dataSource;
        this.executor = executor;
    }

    public void saveAsync(Collection<PlayerStats> stats) {
        List<PlayerStats> snapshot = new ArrayList<>(stats);
        executor.execute(() -> save(snapshot));
    }

    void save(Collection<PlayerStats> stats) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement stmt = conn.prepareStatement(UPDATE_STATS)) {
            conn.setAutoCommit(false);
02|            try {
02|                writeBatch(stmt, stats);
02|                conn.commit();
02|            } catch (SQLException ex) {
02|                conn.rollback();
02|                throw ex;
02|            }
1|            writeBatch(stmt, stats); //@TX-01
1|            conn.commit();
        } catch (SQLException ex) {
            plugin.getLog().error("Error saving the stats of {} players", stats.size(), ex);
        }
    }

    private void writeBatch(PreparedStatement stmt, Collection<PlayerStats> stats) throws SQLException {
        for (PlayerStats stat : stats) {
            stmt.setInt(1, stat.getKills());
            stmt.setInt(2, stat.getDeaths());
            stmt.setInt(3, stat.getMobkills());
            stmt.setInt(4, stat.getKillstreak());
            stmt.setLong(5, stat.getLastOnline());
            stmt.setString(6, stat.getUuid().toString());
            stmt.addBatch();
        }
        stmt.executeBatch();
    }

    public void close() {
        List<PlayerStats> snapshot = new ArrayList<>(cache.values());
01|        Future<?> lastSave = executor.submit(() -> save(snapshot));
01|        try {
01|            lastSave.get(30, TimeUnit.SECONDS);
01|        } catch (ExecutionException | TimeoutException ex) {
01|            plugin.getLog().error("Saving the stats on disable failed", ex);
01|        } catch (InterruptedException ex) {
01|            Thread.currentThread().interrupt();
01|        }
2|        executor.submit(() -> save(snapshot)); //@CONC-06
        dataSource.close();
    }
}
''')
_SB = ['com.github.games647.scoreboardstats.ScoreboardStats', 'com.zaxxer.hikari.HikariDataSource',
       'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.ArrayList',
       'java.util.Collection', 'java.util.List', 'java.util.Map', 'java.util.UUID',
       'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService']
_SB_WAIT = ['java.util.concurrent.ExecutionException', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
            'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'TuxCoding/ScoreboardStats/issues/175',
         src('com.github.games647.scoreboardstats.pvpstats', 'Database'),
         JV('com.github.games647.scoreboardstats.pvpstats', {0: _SB + _SB_WAIT, 1: _SB + _SB_WAIT, 2: _SB})(SCOREBOARD), [
             (1, 'java-00-scoreboardstats-save-without-rollback',
              'an edit drops the rollback of the stats batch, so a failed save gives its connection back to the pool '
              'with the transaction still open', 'edit'),
             (2, 'java-00-scoreboardstats-last-save-not-awaited',
              'an edit submits the last save on disable and closes the pool without looking at its future, so the '
              'save fails against a closed pool and nobody hears of it', 'edit'),
             (0, 'java-ok-00-scoreboardstats-save-rolled-back',
              'clean: the fix rolls the stats batch back when it fails', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-01 / CONC-02: scheduler of a game server (Glowstone)
GLOWSTONE = template('glowstone-scheduler', r'''
/**
 * Runs the server's tick and the plugins' tasks. Asynchronous plugin tasks run on asyncTaskExecutor; stop() ends the
 * tick, waits a bounded time for the asynchronous tasks in flight and stops their pool, so that no pool thread is
 * left when the server exits.
 */
public final class GlowScheduler {
    private static final int PULSE_EVERY = 50;

    private final GlowServer server;
    private final WorldScheduler worlds;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "Glowstone-scheduler"));
01|    private final ExecutorService asyncTaskExecutor = new ThreadPoolExecutor(4, 4, 60L, TimeUnit.SECONDS,
01|            new ArrayBlockingQueue<>(1024), r -> new Thread(r, "Glowstone-async"), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private final ExecutorService asyncTaskExecutor = Executors.newCachedThreadPool( //@CONC-02
2|            r -> new Thread(r, "Glowstone-async"));
    private final ConcurrentMap<Integer, GlowTask> tasks = new ConcurrentHashMap<>();

    public GlowScheduler(GlowServer server, WorldScheduler worlds) {
        this.server = server;
        this.worlds = worlds;
    }

    public void start() {
        executor.scheduleAtFixedRate(() -> {
            try {
                pulse();
            } catch (Exception ex) {
                GlowServer.logger.log(Level.SEVERE, "Error while pulsing", ex);
            }
        }, 0, PULSE_EVERY, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        cancelAllTasks();
        worlds.stop();
        executor.shutdown(); //@{1}OPS-01
02|        asyncTaskExecutor.shutdown();
02|        try {
02|            if (!asyncTaskExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
02|                GlowServer.logger.warning("Asynchronous tasks still running after 10 seconds; interrupting them");
02|                asyncTaskExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            asyncTaskExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
    }

    public GlowTask scheduleAsync(GlowTask task) {
        tasks.put(task.getTaskId(), task);
        asyncTaskExecutor.execute(task);
        return task;
    }

    public void cancelAllTasks() {
        for (GlowTask task : tasks.values()) {
            task.cancel();
        }
        tasks.clear();
    }

    private void pulse() {
        worlds.beginTick();
        try {
            tasks.values().removeIf(task -> task.pulse() == TaskPhase.FINISHED);
        } finally {
            worlds.doTickEnd();
        }
    }
}
''')
_GS = ['java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ConcurrentMap',
       'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
       'net.glowstone.GlowServer']
cases_of(case, GH + 'GlowstoneMC/Glowstone-Legacy/issues/129', src('net.glowstone.scheduler', 'GlowScheduler'),
         JV('net.glowstone.scheduler', {0: _GS + ['java.util.concurrent.ArrayBlockingQueue',
                                                  'java.util.concurrent.ThreadPoolExecutor'],
                                        1: _GS + ['java.util.concurrent.ArrayBlockingQueue',
                                                  'java.util.concurrent.ThreadPoolExecutor'],
                                        2: _GS})(GLOWSTONE), [
             (1, 'java-00-glowstone-stop-leaves-async-pool',
              'an edit drops the shutdown of the asynchronous task pool from stop(), so plugin tasks in flight are '
              'cut off at exit and the pool\'s threads are left as rogue threads', 'edit'),
             (2, 'java-00-glowstone-async-tasks-cached-pool',
              'an edit runs asynchronous plugin tasks on a cached thread pool, so a plugin that schedules many '
              'tasks at once starts a thread for each', 'edit'),
             (0, 'java-ok-00-glowstone-stop-drains-async-pool',
              'clean: the fix stops the asynchronous pool after its tasks in flight, with a bounded wait', 'fix'),
         ])
