"""Round-73 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-01 / CONC-05: MAVLink connection manager of a drone SDK (dronekit-android)
DRONEKIT = template('dronekit-mavlink-connection', r'''
/**
 * Base for the USB, TCP and UDP links to a vehicle: one thread reads packets, one sends the queued messages.
 */
public abstract class MavLinkConnection {
    private static final String TAG = MavLinkConnection.class.getSimpleName();

    private final LinkedBlockingQueue<byte[]> packetsToSend = new LinkedBlockingQueue<>();
    private final AtomicInteger connectionStatus = new AtomicInteger(MAVLINK_DISCONNECTED);
    private Thread managerThread;

    /** Opens the link and starts the manager thread; the manager starts the sender once the link is up. */
    public void connect() {
        if (connectionStatus.compareAndSet(MAVLINK_DISCONNECTED, MAVLINK_CONNECTING)) {
            managerThread = new Thread(mConnectingTask, "MavLinkConnection-Manager Thread"); //@{1}CONC-01
02|            managerThread.setUncaughtExceptionHandler(mUncaughtHandler);
            managerThread.start();
        }
    }

    private final Thread.UncaughtExceptionHandler mUncaughtHandler = (thread, error) -> {
        Log.e(TAG, "Link thread " + thread.getName() + " died", error);
        reportComError(error.getMessage());
        disconnect();
    };

    /** Takes queued packets and writes them to the link until the link closes or the thread is interrupted. */
    private final Runnable mSendingTask = () -> {
        try {
            while (connectionStatus.get() == MAVLINK_CONNECTED) {
                byte[] buffer = packetsToSend.take();
                try {
                    sendBuffer(buffer);
                } catch (IOException e) {
                    reportComError(e.getMessage());
                }
            }
        } catch (InterruptedException e) { //@{2}CONC-05
2|            Log.d(TAG, "Sender interrupted, dropping " + packetsToSend.size() + " queued packets");
01|            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    };

    private final Runnable mConnectingTask = () -> {
        try {
            openConnection();
        } catch (IOException e) {
            reportComError(e.getMessage());
            disconnect();
            return;
        }
        connectionStatus.set(MAVLINK_CONNECTED);
        Thread sender = new Thread(mSendingTask, "MavLinkConnection-Sending Thread");
        sender.setUncaughtExceptionHandler(mUncaughtHandler);
        sender.start();
        readPackets();
    };

    protected abstract void openConnection() throws IOException;

    protected abstract void sendBuffer(byte[] buffer) throws IOException;

    protected abstract void readPackets();

    protected abstract void reportComError(String message);

    public abstract void disconnect();
}
''')
cases_of(case, GH + 'dronekit/dronekit-android/issues/398',
         src('org.droidplanner.services.android.communication.connection', 'MavLinkConnection'),
         J('org.droidplanner.services.android.communication.connection', [
             'android.util.Log', 'java.io.IOException', 'java.util.concurrent.LinkedBlockingQueue',
             'java.util.concurrent.atomic.AtomicInteger'])(DRONEKIT), [
             (1, 'java-00-dronekit-manager-thread-without-handler',
              'an edit starts the link manager thread without its uncaught-exception handler, so a message that '
              'fails to pack kills the app with FATAL EXCEPTION instead of closing the link', 'edit'),
             (2, 'java-00-dronekit-sender-swallows-interrupt',
              'an edit answers an interrupt of the sending thread with a debug line, so the interrupt flag is lost '
              'and the disconnect that interrupted it cannot tell the thread ended early', 'edit'),
             (0, 'java-ok-00-dronekit-manager-thread-with-handler',
              'clean: the fix gives the manager thread the uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: shared MQTT clients of a stream processor's sinks (snuspl/pluto)
PLUTO = template('pluto-mqtt-shared-resource', r'''
/**
 * Keeps one MQTT client per broker for all MQTT sinks of this task, so queries publishing to the same broker share
 * one connection.
 */
public final class MqttSharedResource implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MqttSharedResource.class.getName());
    private static final String MIST_SINK_CLIENT_ID = "MIST_SINK_CLIENT_";

    private final Map<String, MqttClient> brokerSinkClientMap = new HashMap<>();
    private final MqttConnectOptions connectOptions;

    @Inject
    private MqttSharedResource(@Parameter(MqttKeepAliveSec.class) final int keepAliveSec) {
        this.connectOptions = new MqttConnectOptions();
        this.connectOptions.setKeepAliveInterval(keepAliveSec);
        this.connectOptions.setCleanSession(true);
    }

    /**
     * The client connected to the broker, created on first use; sink operators of different queries call this from
     * their own threads.
     */
02|    public synchronized MqttClient getMqttSinkClient(final String brokerURI) throws MqttException {
1|    public MqttClient getMqttSinkClient(final String brokerURI) throws MqttException {
01|        MqttClient client = brokerSinkClientMap.get(brokerURI);
01|        if (client == null) {
01|            client = new MqttClient(brokerURI, MIST_SINK_CLIENT_ID + brokerURI, new MemoryPersistence()); //@{1}CONC-03
01|            client.connect(connectOptions);
01|            brokerSinkClientMap.put(brokerURI, client);
01|            LOG.log(Level.INFO, "MQTT sink client connected to {0}", brokerURI);
01|        }
2|        final MqttClient client = new MqttClient(brokerURI, MIST_SINK_CLIENT_ID + brokerURI, new MemoryPersistence()); //@RES-04
2|        client.connect(connectOptions);
        return client;
    }

    @Override
    public synchronized void close() throws MqttException {
        for (final MqttClient client : brokerSinkClientMap.values()) {
            client.disconnect();
            client.close();
        }
        brokerSinkClientMap.clear();
    }
}
''')
cases_of(case, GH + 'snuspl/pluto/issues/640', src('edu.snu.mist.core.shared', 'MqttSharedResource'),
         J('edu.snu.mist.core.shared', [
             'edu.snu.mist.core.parameters.MqttKeepAliveSec', 'java.util.HashMap', 'java.util.Map',
             'java.util.logging.Level', 'java.util.logging.Logger', 'javax.inject.Inject',
             'org.apache.reef.tang.annotations.Parameter', 'org.eclipse.paho.client.mqttv3.MqttClient',
             'org.eclipse.paho.client.mqttv3.MqttConnectOptions', 'org.eclipse.paho.client.mqttv3.MqttException',
             'org.eclipse.paho.client.mqttv3.persist.MemoryPersistence'])(PLUTO), [
             (1, 'java-00-pluto-sink-client-map-unsynchronized',
              'an edit drops the synchronization of the lazily filled client map, so two queries submitted at once '
              'both connect a client with the same id and the broker kicks one of them off', 'edit'),
             (2, 'java-00-pluto-sink-client-per-call',
              'an edit connects a fresh MQTT client on every call, so each sink opens its own broker connection '
              'that close() never sees', 'edit'),
             (0, 'java-ok-00-pluto-sink-client-map-synchronized',
              'clean: the fix makes the lazy creation synchronized', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: ROS bridge start-up of a robot arm application (iiwa_stack)
IIWA = template('iiwa-ros-base-application', r'''
/**
 * Common start-up of the ROS applications running on the KUKA Sunrise cabinet: waits for the ROS master, then runs
 * the state publisher next to the control loop.
 */
public abstract class ROSBaseApplication extends RoboticsAPIApplication {
    protected iiwaConfiguration configuration;
    protected iiwaPublisher publisher;
    protected volatile boolean running = true;

    @Override
    public void run() {
        try {
            getLogger().info("Waiting for ROS Master to connect... ");
            configuration.waitForInitialization();
            getLogger().info("ROS Master is connected!");
        } catch (InterruptedException e) { //@{1}CONC-05
1|            e.printStackTrace();
02|            getLogger().warn("Interrupted while waiting for the ROS master; not starting.");
02|            Thread.currentThread().interrupt();
            return;
        }

2|        CompletableFuture.runAsync(this::publishStateLoop); //@CONC-06
01|        CompletableFuture.runAsync(this::publishStateLoop).whenComplete((ignored, error) -> {
01|            if (error != null) {
01|                getLogger().error("State publisher stopped: " + error.getMessage());
01|                running = false;
01|            }
01|        });

        while (running) {
            controlLoop();
        }
    }

    private void publishStateLoop() {
        while (running) {
            publisher.publishCurrentState(robot, motion, getCurrentTime());
            ThreadUtil.milliSleep(publisherPeriodMs());
        }
    }

    protected abstract void controlLoop();

    protected abstract long publisherPeriodMs();
}
''')
cases_of(case, GH + 'IFL-CAMP/iiwa_stack/issues/53', src('de.tum.in.camp.kuka.ros.app', 'ROSBaseApplication'),
         J('de.tum.in.camp.kuka.ros.app', [
             'com.kuka.common.ThreadUtil', 'com.kuka.roboticsAPI.applicationModel.RoboticsAPIApplication',
             'de.tum.in.camp.kuka.ros.iiwaConfiguration', 'de.tum.in.camp.kuka.ros.iiwaPublisher',
             'java.util.concurrent.CompletableFuture'])(IIWA), [
             (1, 'java-00-iiwa-master-wait-prints-interrupt',
              'an edit answers an interrupt while waiting for the ROS master with a printed stack trace, so the '
              'interrupt the cabinet sends to stop the application is lost', 'edit'),
             (2, 'java-00-iiwa-state-publisher-future-dropped',
              'an edit starts the state publisher with runAsync and drops its future, so a publisher that dies on '
              'a lost master leaves the arm moving with no state on ROS and nothing logged', 'edit'),
             (0, 'java-ok-00-iiwa-master-wait-restores-interrupt',
              'clean: the fix logs the interrupt and restores the flag before returning', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: TCP link to a receipt printer (ESCPOS-ThermalPrinter-Android)
ESCPOS = template('escpos-tcp-connection', r'''
public class TcpConnection extends DeviceConnection {
    private Socket socket = null;
    private final String address;
    private final int port;
    private final int timeout;

    /**
     * Create un instance of TcpConnection.
     *
     * @param address IP address of the device
     * @param port    Port of the device
     * @param timeout Connect timeout in milliseconds
     */
    public TcpConnection(String address, int port, int timeout) {
        super();
        this.address = address;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Check if the TCP device is connected by socket.
     */
    public boolean isConnected() {
        return this.socket != null && this.socket.isConnected() && super.isConnected();
    }

    /**
     * Start socket connection with the TCP device.
     */
    public TcpConnection connect() throws EscPosConnectionException {
        if (this.isConnected()) {
            return this;
        }
        try {
            this.socket = new Socket();
02|            this.socket.connect(new InetSocketAddress(InetAddress.getByName(this.address), this.port), this.timeout); //@{2}RES-01
1|            this.socket.connect(new InetSocketAddress(InetAddress.getByName(this.address), this.port)); //@TMO-01
            this.outputStream = this.socket.getOutputStream();
        } catch (IOException e) {
01|            this.disconnect();
            throw new EscPosConnectionException("Unable to connect to TCP device.");
        }
        return this;
    }

    /**
     * Close the socket connection with the TCP device.
     */
    public TcpConnection disconnect() {
        this.data = new byte[0];
        if (this.outputStream != null) {
            try {
                this.outputStream.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
            this.outputStream = null;
        }
        if (this.socket != null) {
            try {
                this.socket.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
            this.socket = null;
        }
        return this;
    }
}
''')
cases_of(case, GH + 'DantSu/ESCPOS-ThermalPrinter-Android/pull/165',
         'escposprinter/' + src('com.dantsu.escposprinter.connection.tcp', 'TcpConnection'),
         J('com.dantsu.escposprinter.connection.tcp', [
             'com.dantsu.escposprinter.connection.DeviceConnection',
             'com.dantsu.escposprinter.exceptions.EscPosConnectionException', 'java.io.IOException',
             'java.net.InetAddress', 'java.net.InetSocketAddress', 'java.net.Socket'])(ESCPOS), [
             (1, 'java-00-escpos-tcp-connect-without-timeout',
              'an edit connects the printer socket without a timeout, so a printer that is switched off holds the '
              'point-of-sale screen for a minute or two on every receipt', 'edit'),
             (2, 'java-00-escpos-tcp-socket-left-open-on-failure',
              'an edit drops the disconnect when connecting fails, so a failed connect leaves its half-open socket '
              'and output stream behind on every retry', 'edit'),
             (0, 'java-ok-00-escpos-tcp-connect-bounded',
              'clean: the fix connects with the configured timeout', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / LOG-02: log-book history of a vehicle command console, renamed (neptus)
NEPTUS = template('neptus-history-message', r'''
/**
 * One line of the log book: a message a vehicle or an operator console sent, shown with its time of day in UTC like
 * every other time on the console.
 */
public class LogBookMessage implements Comparable<LogBookMessage> {
    private static final Logger LOG = LogManager.getLogger(LogBookMessage.class);

    public enum Type {
        INFO, WARNING, ERROR, CRITICAL, DEBUG
    }

    public final long timestamp;
    public final String text;
    public final String context;
    public final Type type;

    public LogBookMessage(long timestamp, String text, String context, Type type) {
        this.timestamp = timestamp;
        this.text = text;
        this.context = context;
        this.type = type;
01|        LOG.debug("Log book message from {}: {}", context, text);
2|        LOG.debug("Log book message from " + context + ": " + text); //@LOG-02
    }

    /** The line shown in the log book panel, for example {@code [12:01:33] [lauv-xplore-1] Plan started}. */
    public String toDisplayString() {
        SimpleDateFormat format = new SimpleDateFormat("HH:mm:ss"); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return "[" + format.format(new Date(timestamp)) + "] [" + context + "] " + text;
    }

    @Override
    public int compareTo(LogBookMessage o) {
        return Long.compare(timestamp, o.timestamp);
    }
}
''')
cases_of(case, GH + 'LSTS/neptus/pull/16', 'plugins-dev/logs/' + src('pt.lsts.neptus.plugins.logs', 'LogBookMessage'),
         J('pt.lsts.neptus.plugins.logs', [
             'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(NEPTUS), [
             (1, 'java-00-neptus-renamed-log-book-message-in-host-zone',
              'a PR renames the history message class and drops the zone of its time formatter, so the log book '
              'shows host-local times next to the console\'s UTC clock', 'rename'),
             (2, 'java-00-neptus-renamed-log-book-message-debug-concatenated',
              'a PR renames the history message class and builds its debug line by concatenation, so every '
              'message a vehicle sends builds a string even with debug logging off', 'rename'),
             (0, 'java-ok-00-neptus-renamed-log-book-message',
              'clean: the rename alone; times are formatted in UTC and the debug line is parameterised', 'rename'),
         ], rename_from='plugins-dev/logs/' + src('pt.lsts.neptus.plugins.logs', 'HistoryMessage'),
         rename_old=lambda t: t.replace('LogBookMessage', 'HistoryMessage'))


# ---------------------------------------------------------------- ERR-01 / TX-01: node store of a home-automation controller (mycontroller)
MYCONTROLLER = template('mycontroller-node-dao', r'''
public class NodeDaoImpl extends BaseAbstractDaoImpl<Node, Integer> implements NodeDao {
    private static final Logger _logger = LoggerFactory.getLogger(NodeDaoImpl.class);

    public NodeDaoImpl(ConnectionSource connectionSource, DataSource dataSource) throws SQLException {
        super(connectionSource, Node.class);
        this.dataSource = dataSource;
    }

    private final DataSource dataSource;

    @Override
    public Node get(Integer gatewayId, String eui) {
        try {
            return this.getDao().queryBuilder()
                    .where().eq(Node.KEY_GATEWAY_ID, gatewayId)
                    .and().eq(Node.KEY_EUI, eui)
                    .queryForFirst();
        } catch (SQLException ex) { //@{1}ERR-01
1|            _logger.error("unable to get node, gatewayId:{}, eui:{}", gatewayId, eui, ex);
1|            return null;
02|            throw new McDatabaseException("Unable to get node " + eui + " of gateway " + gatewayId, ex);
        }
    }

    /** Deletes the nodes and their sensors together; a node without its sensors would orphan their history. */
    @Override
    public void deleteWithSensors(List<Integer> nodeIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sensors = connection.prepareStatement("DELETE FROM sensor WHERE nodeId = ?");
             PreparedStatement nodes = connection.prepareStatement("DELETE FROM node WHERE id = ?")) {
            connection.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                executeDeletes(sensors, nodes, nodeIds);
01|                connection.commit();
01|            } catch (SQLException ex) {
01|                connection.rollback();
01|                throw ex;
01|            }
2|            executeDeletes(sensors, nodes, nodeIds);
2|            connection.commit();
        } catch (SQLException ex) {
            throw new McDatabaseException("Unable to delete nodes " + nodeIds, ex);
        }
    }

    private static void executeDeletes(PreparedStatement sensors, PreparedStatement nodes, List<Integer> nodeIds)
            throws SQLException {
        for (Integer nodeId : nodeIds) {
            sensors.setInt(1, nodeId);
            sensors.addBatch();
            nodes.setInt(1, nodeId);
            nodes.addBatch();
        }
        sensors.executeBatch();
        nodes.executeBatch();
    }
}
''')
cases_of(case, GH + 'mycontroller-org/mycontroller-v1-legacy/issues/484',
         'modules/core/' + src('org.mycontroller.standalone.db.dao', 'NodeDaoImpl'),
         J('org.mycontroller.standalone.db.dao', [
             'com.j256.ormlite.support.ConnectionSource', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.SQLException', 'java.util.List', 'javax.sql.DataSource',
             'org.mycontroller.standalone.db.tables.Node', 'org.mycontroller.standalone.exceptions.McDatabaseException'
         ] + SLF4J)(MYCONTROLLER), [
             (1, 'java-00-mycontroller-node-read-error-turned-into-null',
              'an edit logs a failed node lookup and returns null, so a database hiccup makes the gateway create a '
              'duplicate node for a device it already knows', 'edit'),
             (2, 'java-00-mycontroller-node-delete-not-rolled-back',
              'an edit drops the rollback of the node and sensor delete, so a batch that fails half-way returns '
              'its connection to the pool inside an open transaction', 'edit'),
             (0, 'java-ok-00-mycontroller-node-read-error-raised',
              'clean: the fix raises a failed lookup as a database exception', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: command poller of an OBD-II car diagnostics app (android-obd-reader)
OBD = template('obd-gateway-service', r'''
/**
 * Talks to the ELM327 adapter over Bluetooth: the activity queues commands, a scheduled task sends them.
 */
public class ObdGatewayService extends AbstractGatewayService {
    private static final String TAG = ObdGatewayService.class.getName();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ScheduledFuture<?> pollTask;

    /** Starts sending the queued commands every pollPeriodMs until the service stops. */
    public void startPolling(long pollPeriodMs) {
        pollTask = scheduler.scheduleAtFixedRate(() -> {
            try {
                executeQueue(); //@{1}CONC-07
            } catch (IOException e) {
                Log.e(TAG, "Lost the connection to the OBD adapter", e);
02|            } catch (RuntimeException e) {
02|                Log.w(TAG, "The adapter answered a command it did not understand", e);
            }
        }, 0, pollPeriodMs, TimeUnit.MILLISECONDS);
    }

    /** Sends every queued command once and hands the answers to the activity. */
    private void executeQueue() throws IOException {
        ObdCommandJob job;
        while ((job = jobsQueue.poll()) != null) {
            job.setState(ObdCommandJob.ObdCommandJobState.RUNNING);
            job.getCommand().run(sock.getInputStream(), sock.getOutputStream());
            job.setState(ObdCommandJob.ObdCommandJobState.FINISHED);
2|            Log.i(TAG, "Command " + job.getCommand().getName() + " answered " + job.getCommand().getFormattedResult()); //@LOG-01
            stateUpdate(job);
        }
    }

    @Override
    public void stopService() {
        if (pollTask != null) {
            pollTask.cancel(false);
        }
        scheduler.shutdownNow();
        super.stopService();
    }
}
''')
cases_of(case, GH + 'pires/android-obd-reader/pull/63', src('com.github.pires.obd.reader.io', 'ObdGatewayService'),
         J('com.github.pires.obd.reader.io', [
             'android.util.Log', 'java.io.IOException', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
             'java.util.concurrent.TimeUnit'])(OBD), [
             (1, 'java-00-obd-poller-dies-on-misunderstood-command',
              'an edit catches only I/O errors in the scheduled command poller, so the first command the adapter '
              'does not understand ends the schedule and the dashboard freezes without an error', 'edit'),
             (2, 'java-00-obd-every-answer-logged',
              'an edit logs every command answer at info level, so the poller writes several log lines a second '
              'for as long as the car is driven', 'edit'),
             (0, 'java-ok-00-obd-poller-survives-misunderstood-command',
              'clean: the fix keeps the poller alive when a command is not understood', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: XML-RPC callback client of a home-automation hub (OpenCCU)
OPENCCU = template('openccu-xmlrpc-callback-client', r'''
/**
 * Sends the XML-RPC events of the HmIP interface to the clients that registered with init(); every logic layer
 * (ReGa, Home Assistant, ioBroker) calls init() again after each restart.
 */
public class XmlRpcCallbackClient {
    private static final Logger LOG = LoggerFactory.getLogger(XmlRpcCallbackClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

02|    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Map<String, URI> callbacks = new ConcurrentHashMap<>();

    /** Registers (or with an empty id, removes) the callback of one interface client and greets it. */
    public void init(String url, String interfaceId) throws IOException, InterruptedException {
        if (interfaceId == null || interfaceId.isEmpty()) {
            callbacks.values().remove(URI.create(url));
            return;
        }
        URI uri = URI.create(url);
        callbacks.put(interfaceId, uri);
1|        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(uri) //@{2}TMO-01
                .header("Content-Type", "text/xml")
01|                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(XmlRpc.methodCall("listDevices", interfaceId)))
                .build();
        HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.warn("init of {} answered {}", interfaceId, response.statusCode());
        }
    }

    public Map<String, URI> callbacks() {
        return Collections.unmodifiableMap(callbacks);
    }
}
''')
cases_of(case, GH + 'OpenCCU/OpenCCU/issues/4176', 'hmip-server/' + src('de.openccu.hmip.xmlrpc', 'XmlRpcCallbackClient'),
         J('de.openccu.hmip.xmlrpc', [
             'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.Collections', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap'] + SLF4J)(OPENCCU), [
             (1, 'java-00-openccu-new-callback-client-per-init',
              'a new callback client builds a java.net.http.HttpClient on every init call, so each restart of a '
              'logic layer leaks a client with its selector thread until the server dies of too many open files',
              'new'),
             (2, 'java-00-openccu-new-callback-request-without-timeout',
              'a new callback client sends the init greeting without a request timeout, so one client that '
              'accepts the connection and never answers blocks its registration for ever', 'new'),
             (0, 'java-ok-00-openccu-new-callback-client',
              'clean: the new client shares one HttpClient and bounds every request', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: location publisher of a vehicle tracking gateway (owntracks/gw)
OWNTRACKS = template('owntracks-gw-location', r'''
/**
 * Turns a GPRMC fix of the module's GPS into the OwnTracks location payload.
 */
public class Location {
    private static final String GPS_DATE_FORMAT = "ddMMyyHHmmss";

    public final double lat;
    public final double lon;
    public final double speedKnots;
    public final long tst;

    private Location(double lat, double lon, double speedKnots, long tst) {
        this.lat = lat;
        this.lon = lon;
        this.speedKnots = speedKnots;
        this.tst = tst;
    }

    /** Parses a sentence such as {@code $GPRMC,084709.000,A,5231.0141,N,01323.6410,E,0.12,...,300714,,,A*6B}. */
    public static Location fromGprmc(String sentence) {
        String[] f = sentence.split(",");
        if (f.length < 10 || !"A".equals(f[2])) {
            return null;
        }
        double lat = toDegrees(f[3], f[4]);
        double lon = toDegrees(f[5], f[6]);
        double speed = 0;
        try {
            speed = Double.parseDouble(f[7]);
        } catch (NumberFormatException e) { //@{2}ERR-01
01|            return null;
        }
        return new Location(lat, lon, speed, epochSeconds(f[9], f[1]));
    }

    /** GPS dates and times are UTC; the payload's tst is seconds since the epoch. */
    static long epochSeconds(String ddmmyy, String hhmmss) {
        SimpleDateFormat format = new SimpleDateFormat(GPS_DATE_FORMAT); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return format.parse(ddmmyy + hhmmss.substring(0, 6)).getTime() / 1000L;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad GPS date " + ddmmyy + " " + hhmmss, e);
        }
    }

    private static double toDegrees(String value, String hemisphere) {
        double raw = Double.parseDouble(value);
        int degrees = (int) (raw / 100);
        double result = degrees + (raw - degrees * 100) / 60.0;
        return "S".equals(hemisphere) || "W".equals(hemisphere) ? -result : result;
    }
}
''')
cases_of(case, GH + 'owntracks/gw/issues/15', src('org.owntracks.gw', 'Location'),
         J('org.owntracks.gw', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.TimeZone'])(OWNTRACKS), [
             (1, 'java-00-owntracks-gw-gps-time-read-in-module-zone',
              'an edit drops the UTC zone of the GPS date parser, so every tst the gateway publishes is off by the '
              'module\'s zone offset and positions show up hours in the future', 'edit'),
             (2, 'java-00-owntracks-gw-bad-speed-swallowed',
              'an edit swallows a speed field that does not parse, so a corrupt sentence is published as a fix '
              'standing still', 'edit'),
             (0, 'java-ok-00-owntracks-gw-gps-time-read-in-utc',
              'clean: the fix parses GPS dates in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-04: MQTT callback of an IoT gateway (eclipse-sensinact gateway)
SENSINACT = template('sensinact-mqtt-client-handler', r'''
/**
 * One connection to an MQTT broker; messages arriving on Paho's callback thread go to the registered listeners.
 */
public class MqttClientHandler implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttClientHandler.class);
    private static final String MDC_HANDLER = "sensinact.mqtt.handler";

    private final String handlerId;
    private final List<IMqttMessageListener> listeners = new CopyOnWriteArrayList<>();

    public MqttClientHandler(String handlerId) {
        this.handlerId = handlerId;
    }

    public void addListener(IMqttMessageListener listener) {
        listeners.add(listener);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MDC.put(MDC_HANDLER, handlerId); //@{2}CONC-04
01|        try {
01|            notifyListeners(topic, message);
01|        } finally {
01|            MDC.remove(MDC_HANDLER);
01|        }
2|        notifyListeners(topic, message);
    }

    private void notifyListeners(String topic, MqttMessage message) {
        for (IMqttMessageListener listener : listeners) {
02|            try {
02|                listener.messageArrived(topic, message);
02|            } catch (Exception e) {
02|                LOG.error("MQTT listener {} failed on topic {}", listener, topic, e);
02|            }
1|            listener.messageArrived(topic, message); //@CONC-01
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("Connection of MQTT handler {} lost", handlerId, cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // nothing to do: the gateway publishes with QoS 0
    }
}
''')
cases_of(case, GH + 'eclipse-sensinact/org.eclipse.sensinact.gateway/pull/161',
         'southbound/mqtt/mqtt-device-factory/' + src('org.eclipse.sensinact.gateway.southbound.mqtt.impl',
                                                      'MqttClientHandler'),
         J('org.eclipse.sensinact.gateway.southbound.mqtt.impl', [
             'java.util.List', 'java.util.concurrent.CopyOnWriteArrayList',
             'org.eclipse.paho.client.mqttv3.IMqttDeliveryToken', 'org.eclipse.paho.client.mqttv3.IMqttMessageListener',
             'org.eclipse.paho.client.mqttv3.MqttCallback', 'org.eclipse.paho.client.mqttv3.MqttMessage',
             'org.slf4j.MDC'] + SLF4J)(SENSINACT), [
             (1, 'java-00-sensinact-listener-exception-reaches-paho',
              'an edit calls the message listeners without catching their exceptions, so one listener failing on '
              'a payload throws into Paho\'s callback thread and the broker connection is dropped', 'edit'),
             (2, 'java-00-sensinact-handler-id-left-in-mdc',
              'an edit puts the handler id in the MDC without removing it, so Paho\'s thread keeps tagging later '
              'log lines of other handlers with a stale id', 'edit'),
             (0, 'java-ok-00-sensinact-listener-exceptions-logged',
              'clean: the fix catches and logs each listener\'s exception', 'fix'),
         ])
