"""Round-89 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / TMO-01: Modbus TCP master (jlibmodbus)
JLIBMODBUS = template('jlibmodbus-master-tcp', r'''
public class ModbusMasterTCP extends ModbusMaster {

    private final TcpParameters parameters;
    private Socket socket;
    private ModbusTransport transport;

    public ModbusMasterTCP(TcpParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    protected void connectImpl() throws ModbusIOException {
        try {
            socket = new Socket();
            socket.setSoTimeout(getResponseTimeout());
01|            socket.connect(new InetSocketAddress(parameters.getHost(), parameters.getPort()), getConnectionTimeout()); //@{1}RES-01
2|            socket.connect(new InetSocketAddress(parameters.getHost(), parameters.getPort())); //@TMO-01
            transport = ModbusTransportFactory.createTCP(socket);
        } catch (IOException e) {
02|            closeSocket();
            throw new ModbusIOException(e);
        }
        setConnected(true);
    }

    @Override
    protected void disconnectImpl() throws ModbusIOException {
        try {
            if (transport != null) {
                transport.close();
            }
        } catch (IOException e) {
            throw new ModbusIOException(e);
        } finally {
            closeSocket();
            transport = null;
            setConnected(false);
        }
    }

    @Override
    protected ModbusTransport getTransport() {
        return transport;
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                Modbus.log().warning("Closing the socket failed: " + e.getMessage());
            }
            socket = null;
        }
    }
}
''')
cases_of(case, GH + 'kochedykov/jlibmodbus/issues/22',
         src('com.intelligt.modbus.jlibmodbus.master', 'ModbusMasterTCP'),
         J('com.intelligt.modbus.jlibmodbus.master', [
             'com.intelligt.modbus.jlibmodbus.Modbus', 'com.intelligt.modbus.jlibmodbus.exception.ModbusIOException',
             'com.intelligt.modbus.jlibmodbus.net.transport.ModbusTransport',
             'com.intelligt.modbus.jlibmodbus.net.transport.ModbusTransportFactory',
             'com.intelligt.modbus.jlibmodbus.tcp.TcpParameters', 'java.io.IOException', 'java.net.InetSocketAddress',
             'java.net.Socket'])(JLIBMODBUS), [
             (1, 'java-00-jlibmodbus-master-socket-leaked-on-failed-connect',
              'an edit stops closing the socket when connecting to the Modbus slave fails, so a master that retries '
              'an unreachable PLC every few seconds leaks one socket per attempt', 'edit'),
             (2, 'java-00-jlibmodbus-master-connect-without-timeout',
              'an edit connects to the Modbus slave without the configured connection timeout, so a PLC behind a '
              'dead route blocks the polling thread for the operating system\'s whole connect retry time', 'edit'),
             (0, 'java-ok-00-jlibmodbus-master-socket-closed-on-failed-connect',
              'clean: the fix closes the socket again when the connect fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: serial controller of a Z-Wave binding (openHAB Z-Wave)
ZWAVE = template('zwave-controller-input-thread', r'''
/**
 * Talks to the Z-Wave controller stick: a sender writes queued serial messages, an input thread hands every received
 * frame to the protocol layer.
 */
public class ZWaveController {
    private final Logger logger = LoggerFactory.getLogger(ZWaveController.class);

    private final BlockingQueue<SerialMessage> recvQueue = new LinkedBlockingQueue<>();
    private final ZWaveIoHandler ioHandler;
    private volatile Thread inputThread;

    public ZWaveController(ZWaveIoHandler ioHandler) {
        this.ioHandler = ioHandler;
    }

    public void incomingPacket(SerialMessage packet) {
        recvQueue.add(packet);
    }

    void startInputThread() {
        Thread thread = new Thread(this::receiveLoop, "ZWaveInputThread"); //@{1}CONC-01
02|        thread.setUncaughtExceptionHandler((t, e) -> {
02|            logger.error("Exception during Z-Wave thread: Input, restarting it", e);
02|            startInputThread();
02|        });
        thread.setDaemon(true);
        inputThread = thread;
        thread.start();
    }

    void stopInputThread() {
        Thread thread = inputThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void receiveLoop() {
        logger.debug("Starting Z-Wave thread: Input");
        while (!Thread.currentThread().isInterrupted()) {
            SerialMessage message;
            try {
                message = recvQueue.take();
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                break;
2|                logger.debug("Z-Wave input thread woken up while waiting for a frame");
2|                continue;
            }
            logger.trace("Receive queue TAKE: Length={}", recvQueue.size());
            ioHandler.handleIncomingMessage(message);
        }
        logger.debug("Stopped Z-Wave thread: Input");
    }
}
''')
cases_of(case, GH + 'openhab/org.openhab.binding.zwave/issues/538',
         src('org.openhab.binding.zwave.internal.protocol', 'ZWaveController'),
         J('org.openhab.binding.zwave.internal.protocol', SLF4J + [
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue'])(ZWAVE), [
             (1, 'java-00-zwave-input-thread-without-handler',
              'an edit starts the Z-Wave input thread without its uncaught-exception handler, so one frame that makes '
              'the protocol layer throw ends the thread and the controller stops hearing every device', 'edit'),
             (2, 'java-00-zwave-input-thread-swallows-interrupt',
              'an edit logs and ignores the interrupt of the input thread\'s wait, so stopping the binding no longer '
              'ends the thread and each restart of the binding leaves one more behind', 'edit'),
             (0, 'java-ok-00-zwave-input-thread-with-handler',
              'clean: the fix gives the input thread its uncaught-exception handler back', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: polling of an eBUS heating binding (openhab-ebus-binding), CRLF
EBUS = template('ebus-bridge-polling', r'''
/**
 * Bridge to the eBUS adapter of a heating system; polls the configured commands of every thing on a fixed delay.
 */
public class EBusBridgeHandler extends BaseBridgeHandler {

    private final Logger logger = LoggerFactory.getLogger(EBusBridgeHandler.class);

    private final List<EBusPollingCommand> pollingCommands = new CopyOnWriteArrayList<>();
    private @Nullable ScheduledFuture<?> pollingJob;
    private long pollingInterval = 60;

    public EBusBridgeHandler(Bridge bridge) {
        super(bridge);
    }

    void startPolling() {
        stopPolling();
02|        pollingJob = scheduler.scheduleWithFixedDelay(this::pollSafely, 10, pollingInterval, TimeUnit.SECONDS);
1|        pollingJob = scheduler.scheduleWithFixedDelay(this::pollAll, 10, pollingInterval, TimeUnit.SECONDS); //@CONC-07
    }

    void stopPolling() {
        ScheduledFuture<?> job = pollingJob;
        if (job != null) {
            job.cancel(true);
            pollingJob = null;
        }
    }

02|    private void pollSafely() {
02|        try {
02|            pollAll();
02|        } catch (RuntimeException e) {
02|            logger.warn("Polling the eBUS commands failed, trying again in {} s", pollingInterval, e);
02|        }
02|    }
02|
    private void pollAll() {
        EBusClient client = getLibClient();
        for (EBusPollingCommand command : pollingCommands) {
            byte[] telegram = client.buildPollingTelegram(command);
01|            logger.trace("Send polling telegram for command {} ({} bytes)", command.getId(), telegram.length);
2|            logger.trace("Send polling telegram " + EBusUtils.toHexDumpString(telegram) + " for command " + command.getId()); //@LOG-02
            client.send(telegram);
        }
    }
}
''')
cases_of(case, GH + 'csowada/openhab-ebus-binding/pull/8',
         src('org.openhab.binding.ebus.internal.handler', 'EBusBridgeHandler'),
         J('org.openhab.binding.ebus.internal.handler', SLF4J + [
             'de.csdev.ebus.utils.EBusUtils', 'java.util.List', 'java.util.concurrent.CopyOnWriteArrayList',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'org.eclipse.jdt.annotation.Nullable', 'org.openhab.core.thing.Bridge',
             'org.openhab.core.thing.binding.BaseBridgeHandler'])(EBUS), [
             (1, 'java-00-ebus-polling-dies-on-first-failure',
              'an edit schedules the eBUS polling without its catch-all wrapper, so the first telegram the library '
              'cannot build ends the polling for good and the heating values freeze (CRLF file)', 'edit'),
             (2, 'java-00-ebus-polling-trace-line-concatenated',
              'an edit builds the trace line of every polling telegram by concatenation with a hex dump, paid on '
              'each poll of each command with trace logging off (CRLF file)', 'edit'),
             (0, 'java-ok-00-ebus-polling-catches-failures',
              'clean: the fix schedules the polling through the catching wrapper again (CRLF file)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / TX-01: relay settings repository of a smart grid platform (OSGP)
OSGP = template('osgp-relay-map-repository', r'''
@Repository
public class RelayMapJdbcRepository {

    private static final String SELECT_WITHOUT_SCHEDULE = "SELECT d.device_identification FROM device d "
            + "LEFT JOIN device_output_setting s ON s.device_id = d.id WHERE d.organisation = ? AND s.id IS NULL";
    private static final String DELETE_RELAY_MAP = "DELETE FROM device_output_setting WHERE device_id = "
            + "(SELECT id FROM device WHERE device_identification = ?)";
    private static final String INSERT_RELAY_MAP = "INSERT INTO device_output_setting (device_id, internal_id, "
            + "external_id, relay_type, alias) SELECT id, ?, ?, ?, ? FROM device WHERE device_identification = ?";

    private final DataSource dataSource;

    public RelayMapJdbcRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> findDevicesWithoutRelayMap(String organisation) throws SQLException {
        List<String> devices = new ArrayList<>();
02|        try (Connection connection = this.dataSource.getConnection();
02|                PreparedStatement statement = connection.prepareStatement(SELECT_WITHOUT_SCHEDULE)) {
1|        Connection connection = this.dataSource.getConnection(); //@RES-01
1|        try (PreparedStatement statement = connection.prepareStatement(SELECT_WITHOUT_SCHEDULE)) {
            statement.setString(1, organisation);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    devices.add(resultSet.getString(1));
                }
            }
        }
        return devices;
    }

    public void replaceRelayMap(String deviceIdentification, List<RelayMap> relayMaps) throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                this.writeRelayMap(connection, deviceIdentification, relayMaps);
01|                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
01|            }
2|            this.writeRelayMap(connection, deviceIdentification, relayMaps);
2|            connection.commit();
        }
    }

    private void writeRelayMap(Connection connection, String deviceIdentification, List<RelayMap> relayMaps)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RELAY_MAP);
                PreparedStatement insert = connection.prepareStatement(INSERT_RELAY_MAP)) {
            delete.setString(1, deviceIdentification);
            delete.executeUpdate();
            for (RelayMap relayMap : relayMaps) {
                insert.setInt(1, relayMap.getIndex());
                insert.setInt(2, relayMap.getAddress());
                insert.setString(3, relayMap.getRelayType().name());
                insert.setString(4, relayMap.getAlias());
                insert.setString(5, deviceIdentification);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
''')
cases_of(case, GH + 'OSGP/open-smart-grid-platform/pull/404',
         src('org.opensmartgridplatform.adapter.ws.core.infra.jdbc', 'RelayMapJdbcRepository'),
         J('org.opensmartgridplatform.adapter.ws.core.infra.jdbc', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource',
             'org.opensmartgridplatform.domain.core.valueobjects.RelayMap',
             'org.springframework.stereotype.Repository'])(OSGP), [
             (1, 'java-00-osgp-relay-map-query-connection-not-closed',
              'an edit takes the connection of the device query out of the try-with-resources, so every lookup of '
              'devices without a relay map keeps a pooled connection until the pool of the web service runs dry',
              'edit'),
             (2, 'java-00-osgp-relay-map-replace-without-rollback',
              'an edit drops the rollback of the relay map replacement, so a failed insert after the delete returns '
              'the connection with an open transaction holding the device\'s row locks', 'edit'),
             (0, 'java-ok-00-osgp-relay-map-query-connection-closed',
              'clean: the fix closes the query\'s connection with its statement again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: registration cleaner of an LwM2M server (Leshan)
LESHAN = template('leshan-redis-registration-cleaner', r'''
/**
 * A registration store backed by Redis, shared by the LwM2M server nodes of a cluster. Expired registrations are
 * removed by a cleaner task every cleanPeriod seconds.
 */
public class RedisRegistrationStore implements RegistrationStore, Startable, Stoppable, Destroyable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRegistrationStore.class);
    private static final String REG_EP = "REG:EP:";

    private final Pool<Jedis> pool;
    private final ScheduledExecutorService schedExecutor;
    private final long cleanPeriod;
    private final long gracePeriod;
    private ScheduledFuture<?> cleanerTask;
    private boolean started = false;
    private ExpirationListener expirationListener;

    public RedisRegistrationStore(Pool<Jedis> pool, long cleanPeriodInSec, long lifetimeGracePeriodInSec) {
        this.pool = pool;
        this.cleanPeriod = cleanPeriodInSec;
        this.gracePeriod = lifetimeGracePeriodInSec;
        this.schedExecutor = Executors.newScheduledThreadPool(1, new NamedThreadFactory("RedisRegistrationStore Cleaner"));
    }

    @Override
    public synchronized void start() {
        if (!started) {
            started = true;
            cleanerTask = schedExecutor.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|                try {
02|                    removeExpiredRegistrations();
02|                } catch (RuntimeException e) {
02|                    LOG.warn("Unexpected exception while cleaning expired registrations", e);
02|                }
1|                removeExpiredRegistrations();
            }, cleanPeriod, cleanPeriod, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (started) {
            started = false;
            if (cleanerTask != null) {
                cleanerTask.cancel(false);
                cleanerTask = null;
            }
        }
    }

    private void removeExpiredRegistrations() {
        int removed = 0;
        try (Jedis j = pool.getResource()) {
            ScanParams params = new ScanParams().match(REG_EP + "*").count(100);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<byte[]> result = j.scan(cursor.getBytes(), params);
                for (byte[] key : result.getResult()) {
                    Registration registration = deserializeReg(j.get(key));
                    if (!registration.isAlive(gracePeriod)) {
                        Deregistration deregistration = removeRegistration(j, registration.getId(), true);
                        if (deregistration != null) {
                            removed++;
2|                            LOG.info("Registration {} of endpoint {} expired", registration.getId(), registration.getEndpoint()); //@LOG-01
                            expirationListener.registrationExpired(deregistration.getRegistration(),
                                    deregistration.getObservations());
                        }
                    }
                }
                cursor = result.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        if (removed > 0) {
            LOG.debug("{} expired registrations removed", removed);
        }
    }
}
''')
cases_of(case, GH + 'eclipse-leshan/leshan/issues/743',
         src('org.eclipse.leshan.server.redis', 'RedisRegistrationStore'),
         J('org.eclipse.leshan.server.redis', SLF4J + [
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'org.eclipse.leshan.core.util.NamedThreadFactory', 'org.eclipse.leshan.server.registration.Deregistration',
             'org.eclipse.leshan.server.registration.ExpirationListener',
             'org.eclipse.leshan.server.registration.Registration',
             'org.eclipse.leshan.server.registration.RegistrationStore', 'org.eclipse.leshan.core.Destroyable',
             'org.eclipse.leshan.core.Startable', 'org.eclipse.leshan.core.Stoppable', 'redis.clients.jedis.Jedis',
             'redis.clients.jedis.ScanParams', 'redis.clients.jedis.ScanResult',
             'redis.clients.jedis.util.Pool'])(LESHAN), [
             (1, 'java-00-leshan-redis-cleaner-dies-on-first-failure',
              'an edit runs the expired-registration cleaner without its catch-all, so one registration that fails to '
              'deserialize ends the cleaning for good and dead devices stay registered', 'edit'),
             (2, 'java-00-leshan-redis-cleaner-logs-every-expiry',
              'an edit logs every expired registration at info level, so a fleet of sleeping devices whose lifetimes '
              'lapse together writes one line per device on every cleaning run', 'edit'),
             (0, 'java-ok-00-leshan-redis-cleaner-catches-failures',
              'clean: the fix catches and logs a failed cleaning run so the next one still happens', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-03 / CONC-02: exchange matcher of a CoAP library (Californium), renamed file
CALIFORNIUM = template('californium-exchange-matcher', r'''
/**
 * Matches the responses and notifications received over UDP to the exchanges of the requests sent. Observe
 * notifications are handed to the listeners on the matcher's own executor, never on the receiving thread.
 */
public class UdpExchangeMatcher extends BaseMatcher {

    private static final Logger LOGGER = LoggerFactory.getLogger(UdpExchangeMatcher.class);

    private final String tag;
    private final ExecutorService notificationExecutor;

    public UdpExchangeMatcher(Configuration config, String tag, NotificationListener listener,
            ObservationStore observationStore, MessageExchangeStore exchangeStore) {
        super(config, listener, observationStore, exchangeStore);
        this.tag = tag;
01|        this.notificationExecutor = new ThreadPoolExecutor(1, config.get(CoapConfig.NOTIFICATION_THREADS), 60,
01|                TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.get(CoapConfig.NOTIFICATION_QUEUE_SIZE)),
01|                new NamedThreadFactory(tag + "Notify#"));
2|        this.notificationExecutor = Executors.newCachedThreadPool(new NamedThreadFactory(tag + "Notify#")); //@CONC-02
    }

    @Override
    public Exchange receiveResponse(final Response response) {
        KeyMID idByMID = new KeyMID(response.getMID(), response.getSourceContext().getPeerAddress());
        Exchange exchange = exchangeStore.get(KeyToken.fromInbound(response));
        if (exchange == null) {
02|            LOGGER.debug("{}ignoring response {}, no matching exchange for {}", tag, response, idByMID);
1|            LOGGER.debug("ignoring response {}, no matching exchange", response); //@LOG-03
            return null;
        }
        if (response.getOptions().hasObserve()) {
            notificationExecutor.execute(() -> notifyListeners(exchange, response));
        }
        LOGGER.trace("{}matched response {} to exchange {}", tag, response, exchange);
        return exchange;
    }

    @Override
    public void stop() {
        notificationExecutor.shutdown();
        super.stop();
    }
}
''')
CALIFORNIUM_IMPORTS = SLF4J + [
    'org.eclipse.californium.core.coap.Response', 'org.eclipse.californium.core.config.CoapConfig',
    'org.eclipse.californium.core.network.Exchange', 'org.eclipse.californium.core.network.KeyMID',
    'org.eclipse.californium.core.network.KeyToken', 'org.eclipse.californium.core.observe.NotificationListener',
    'org.eclipse.californium.core.observe.ObservationStore', 'org.eclipse.californium.elements.config.Configuration',
    'org.eclipse.californium.elements.util.NamedThreadFactory', 'java.util.concurrent.ExecutorService']
cases_of(case, GH + 'eclipse-californium/californium/pull/1497',
         src('org.eclipse.californium.core.network', 'UdpExchangeMatcher'),
         JV('org.eclipse.californium.core.network', {
             0: CALIFORNIUM_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue',
                                       'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'],
             1: CALIFORNIUM_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue',
                                       'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'],
             2: CALIFORNIUM_IMPORTS + ['java.util.concurrent.Executors']})(CALIFORNIUM), [
             (1, 'java-00-californium-renamed-matcher-log-without-tag',
              'a PR renames the UDP matcher and logs an unmatched response without the endpoint\'s logging tag and '
              'the exchange key, so on a server with many endpoints the line cannot be tied to a peer or request',
              'rename'),
             (2, 'java-00-californium-renamed-matcher-unbounded-notification-pool',
              'a PR renames the UDP matcher and hands notifications to a cached thread pool, so a burst of observe '
              'notifications from thousands of sensors starts a thread per notification', 'rename'),
             (0, 'java-ok-00-californium-renamed-matcher',
              'clean: the rename alone; tagged log lines and a bounded notification executor', 'rename'),
         ], rename_from='src/main/java/org/eclipse/californium/core/network/UdpMatcher.java',
         rename_old=lambda t: t.replace('UdpExchangeMatcher', 'UdpMatcher'))


# ---------------------------------------------------------------- CONC-06 / CONC-03: node handler of a Zigbee binding (openHAB Zigbee)
ZIGBEE = template('zigbee-coordinator-node-updates', r'''
/**
 * Coordinator of a Zigbee network: forwards node discoveries and updates of the network manager to the thing
 * handlers registered for those nodes.
 */
public abstract class ZigBeeCoordinatorHandler extends BaseBridgeHandler implements ZigBeeNetworkNodeListener {

    private final Logger logger = LoggerFactory.getLogger(ZigBeeCoordinatorHandler.class);

01|    private final Set<ZigBeeNetworkNodeListener> nodeListeners = new CopyOnWriteArraySet<>();
2|    private final Set<ZigBeeNetworkNodeListener> nodeListeners = new HashSet<>(); //@CONC-03

    public ZigBeeCoordinatorHandler(Bridge coordinator) {
        super(coordinator);
    }

    public void addNetworkNodeListener(ZigBeeNetworkNodeListener listener) {
        nodeListeners.add(listener);
    }

    public void removeNetworkNodeListener(ZigBeeNetworkNodeListener listener) {
        nodeListeners.remove(listener);
    }

    @Override
    public void nodeUpdated(ZigBeeNode node) {
        logger.debug("{}: Node updated - {}", node.getIeeeAddress(), node);
02|        scheduler.execute(() -> {
02|            try {
02|                notifyNodeUpdated(node);
02|            } catch (RuntimeException e) {
02|                logger.warn("{}: Node update could not be handled", node.getIeeeAddress(), e);
02|            }
02|        });
1|        scheduler.submit(() -> notifyNodeUpdated(node)); //@CONC-06
    }

    private void notifyNodeUpdated(ZigBeeNode node) {
        for (ZigBeeNetworkNodeListener listener : nodeListeners) {
            listener.nodeUpdated(node);
        }
    }
}
''')
cases_of(case, GH + 'openhab/org.openhab.binding.zigbee/issues/653',
         src('org.openhab.binding.zigbee.handler', 'ZigBeeCoordinatorHandler'),
         JV('org.openhab.binding.zigbee.handler', {
             v: SLF4J + ['com.zsmartsystems.zigbee.ZigBeeNetworkNodeListener', 'com.zsmartsystems.zigbee.ZigBeeNode',
                         'java.util.Set', 'org.openhab.core.thing.Bridge',
                         'org.openhab.core.thing.binding.BaseBridgeHandler']
             + (['java.util.HashSet'] if v == 2 else ['java.util.concurrent.CopyOnWriteArraySet'])
             for v in (0, 1, 2)})(ZIGBEE), [
             (1, 'java-00-zigbee-node-update-future-dropped',
              'an edit submits each node update to the scheduler and drops the future, so an exception of a thing '
              'handler (a device without endpoints) vanishes and the device stays offline without a trace', 'edit'),
             (2, 'java-00-zigbee-node-listeners-plain-hash-set',
              'an edit keeps the node listeners in a plain HashSet, added and removed by thing handlers while the '
              'scheduler threads iterate it to deliver node updates', 'edit'),
             (0, 'java-ok-00-zigbee-node-update-failure-logged',
              'clean: the fix runs each node update in a catching task again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: MQTT to Pub/Sub bridge of a building IoT toolkit (UDMI), new file
UDMI = template('udmi-mqtt-bridge', r'''
/**
 * Relays device messages from the site's MQTT broker to a Pub/Sub topic. The broker accepts the bridge with a
 * short-lived token fetched from the site's token endpoint; the bridge reconnects with a fresh token when the broker
 * drops it.
 */
public class MqttPubSubBridge implements MqttCallbackExtended {

  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 30_000;

  private final URL tokenUrl;
  private final MqttClient mqttClient;
  private final Publisher publisher;

  public MqttPubSubBridge(URL tokenUrl, MqttClient mqttClient, Publisher publisher) {
    this.tokenUrl = tokenUrl;
    this.mqttClient = mqttClient;
    this.publisher = publisher;
    mqttClient.setCallback(this);
  }

  public void connect() throws IOException, MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName("unused");
    options.setPassword(fetchToken().toCharArray());
    options.setAutomaticReconnect(false);
    mqttClient.connect(options);
    mqttClient.subscribe("/devices/+/events/#");
  }

  @Override
  public void connectComplete(boolean reconnect, String serverURI) {
    System.err.println(isoTimestamp(new Date()) + " bridge connected to " + serverURI);
  }

  @Override
  public void connectionLost(Throwable cause) {
    System.err.println(isoTimestamp(new Date()) + " bridge connection lost: " + cause);
    try {
      connect();
    } catch (IOException | MqttException e) {
      throw new RuntimeException("While reconnecting the bridge", e);
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    String deviceId = topic.split("/")[2];
    PubsubMessage pubsubMessage = PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(message.getPayload()))
        .putAttributes("deviceId", deviceId)
        .putAttributes("subFolder", topic.substring(topic.lastIndexOf('/') + 1))
        .putAttributes("publishTime", isoTimestamp(new Date()))
        .build();
    publisher.publish(pubsubMessage);
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
  }

  private String fetchToken() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) tokenUrl.openConnection(); //@{1}TMO-01
02|    connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|    connection.setReadTimeout(READ_TIMEOUT_MS);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } finally {
      connection.disconnect();
    }
  }

  private static String isoTimestamp(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"); //@{2}TIME-01
01|    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(date);
  }
}
''')
UDMI_IMPORTS = ['com.google.cloud.pubsub.v1.Publisher', 'com.google.protobuf.ByteString',
                'com.google.pubsub.v1.PubsubMessage', 'java.io.IOException', 'java.io.InputStream',
                'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets',
                'java.text.SimpleDateFormat', 'java.util.Date',
                'org.eclipse.paho.client.mqttv3.IMqttDeliveryToken', 'org.eclipse.paho.client.mqttv3.MqttCallbackExtended',
                'org.eclipse.paho.client.mqttv3.MqttClient', 'org.eclipse.paho.client.mqttv3.MqttConnectOptions',
                'org.eclipse.paho.client.mqttv3.MqttException', 'org.eclipse.paho.client.mqttv3.MqttMessage']
cases_of(case, GH + 'faucetsdn/udmi/pull/1340',
         src('com.google.bos.udmi.bridge', 'MqttPubSubBridge'),
         JV('com.google.bos.udmi.bridge', {0: UDMI_IMPORTS + ['java.util.TimeZone'],
                                           1: UDMI_IMPORTS + ['java.util.TimeZone'],
                                           2: UDMI_IMPORTS})(UDMI), [
             (1, 'java-00-udmi-new-bridge-token-fetch-without-timeouts',
              'a new MQTT to Pub/Sub bridge fetches its broker token without connect or read timeouts, so a token '
              'endpoint that stops answering hangs the reconnect of the bridge and the site\'s telemetry stops',
              'new'),
             (2, 'java-00-udmi-new-bridge-timestamp-in-default-zone',
              'a new MQTT to Pub/Sub bridge formats its publish times with a literal Z in the JVM\'s default zone, '
              'so a bridge run on a site server in local time stamps every message hours off', 'new'),
             (0, 'java-ok-00-udmi-new-bridge',
              'clean: a new bridge whose token fetch has timeouts and whose timestamps are formatted in UTC', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-04: HTTP agent protocol of an IoT platform (OpenRemote)
OPENREMOTE = template('openremote-http-protocol', r'''
public class HTTPProtocol extends AbstractProtocol<HTTPAgent, HTTPAgentLink> {

    private static final Logger LOG = SyslogCategory.getLogger(PROTOCOL, HTTPProtocol.class);
    public static final int DEFAULT_HTTP_TIMEOUT_MILLIS = 10000;

    protected ResteasyClient client;
    protected URI baseUri;

    public HTTPProtocol(HTTPAgent agent) {
        super(agent);
    }

    @Override
    protected void doStart(Container container) throws Exception {
        baseUri = new URI(agent.getBaseURI().orElseThrow(() -> new IllegalArgumentException("Missing base URI")));
        client = createClient(executorService, CONNECTION_POOL_SIZE, DEFAULT_HTTP_TIMEOUT_MILLIS, null);
        setConnectionStatus(ConnectionStatus.CONNECTED);
    }

    @Override
    protected void doStop(Container container) {
        if (client != null) {
            client.close();
        }
    }

    protected void executeRequest(String path, String method, Entity<?> body, Consumer<Response> responseConsumer) {
01|        WebTarget target = client.target(baseUri).path(path);
2|        ResteasyClient requestClient = createClient(executorService, 1, DEFAULT_HTTP_TIMEOUT_MILLIS, null); //@RES-04
2|        WebTarget target = requestClient.target(baseUri).path(path);
        try (Response response = target.request().method(method, body)) {
            responseConsumer.accept(response);
02|        } catch (Exception e) {
02|            LOG.log(Level.WARNING, e, () -> prefixLogMessage("HTTP request failed: " + method + " " + path));
02|            setConnectionStatus(ConnectionStatus.ERROR);
1|        } catch (Exception ignored) { //@ERR-01
1|            // the next poll of the attribute tries again
        }
    }
}
''')
cases_of(case, GH + 'openremote/openremote/issues/336',
         src('org.openremote.agent.protocol.http', 'HTTPProtocol'),
         J('org.openremote.agent.protocol.http', [
             'jakarta.ws.rs.client.Entity', 'jakarta.ws.rs.client.WebTarget', 'jakarta.ws.rs.core.Response',
             'java.net.URI', 'java.util.function.Consumer', 'java.util.logging.Level', 'java.util.logging.Logger',
             'org.jboss.resteasy.client.jaxrs.ResteasyClient', 'org.openremote.agent.protocol.AbstractProtocol',
             'org.openremote.model.Container', 'org.openremote.model.asset.agent.ConnectionStatus',
             'org.openremote.model.syslog.SyslogCategory',
             'static org.openremote.container.web.WebTargetBuilder.CONNECTION_POOL_SIZE',
             'static org.openremote.container.web.WebTargetBuilder.createClient',
             'static org.openremote.model.syslog.SyslogCategory.PROTOCOL'])(OPENREMOTE), [
             (1, 'java-00-openremote-http-agent-request-failure-swallowed',
              'an edit swallows every failure of an HTTP agent request, so an agent whose device rejects its '
              'requests stays CONNECTED with stale attribute values and nothing in the log', 'edit'),
             (2, 'java-00-openremote-http-agent-client-per-request',
              'an edit builds a RESTEasy client for every request of the HTTP agent and never closes it, so each '
              'poll of each linked attribute opens a new connection pool', 'edit'),
             (0, 'java-ok-00-openremote-http-agent-request-failure-reported',
              'clean: the fix logs a failed request and marks the agent in error again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-04: MQTT inbound endpoint of an integration server (WSO2 carbon-mediation)
WSO2MQTT = template('wso2-mqtt-inbound-listener', r'''
/**
 * Reconnects the MQTT inbound endpoint to its broker after a lost connection and injects every arrived message into
 * the endpoint's sequence in the tenant that deployed it.
 */
public class MqttConnectionListener implements Runnable {
    private static final Log log = LogFactory.getLog(MqttConnectionListener.class);

    private final MqttConnectionConsumer connectionConsumer;
    private final MqttInjectHandler injectHandler;
    private final String tenantDomain;
    private final long retryInterval;
    private final int retryCount;
    private volatile boolean execute = true;

    public MqttConnectionListener(MqttConnectionConsumer connectionConsumer, MqttInjectHandler injectHandler,
            String tenantDomain, long retryInterval, int retryCount) {
        this.connectionConsumer = connectionConsumer;
        this.injectHandler = injectHandler;
        this.tenantDomain = tenantDomain;
        this.retryInterval = retryInterval;
        this.retryCount = retryCount;
    }

    @Override
    public void run() {
        int attempt = 0;
        while (execute && !connectionConsumer.getMqttAsyncClient().isConnected()
                && (retryCount < 0 || attempt < retryCount)) {
            try {
                Thread.sleep(retryInterval);
                connectionConsumer.getMqttAsyncClient().connect(connectionConsumer.getConnectOptions()).waitForCompletion();
            } catch (MqttException e) {
                attempt++;
                log.error("Error while reconnecting the MQTT inbound endpoint to the broker, attempt " + attempt, e);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                log.warn("Reconnection of the MQTT inbound endpoint interrupted, giving up");
02|                return;
1|                log.error("Interrupted while waiting to reconnect the MQTT inbound endpoint", e);
            }
        }
    }

    public void shutdown() {
        execute = false;
    }

    public void messageArrived(String topic, MqttMessage mqttMessage) {
        PrivilegedCarbonContext.startTenantFlow(); //@{2}CONC-04
        PrivilegedCarbonContext.getThreadLocalCarbonContext().setTenantDomain(tenantDomain, true);
01|        try {
01|            injectHandler.invoke(mqttMessage, topic);
01|        } finally {
01|            PrivilegedCarbonContext.endTenantFlow();
01|        }
2|        injectHandler.invoke(mqttMessage, topic);
2|        PrivilegedCarbonContext.endTenantFlow();
    }
}
''')
cases_of(case, GH + 'wso2/carbon-mediation/pull/720',
         src('org.wso2.carbon.inbound.endpoint.protocol.mqtt', 'MqttConnectionListener'),
         J('org.wso2.carbon.inbound.endpoint.protocol.mqtt', [
             'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.eclipse.paho.client.mqttv3.MqttException', 'org.eclipse.paho.client.mqttv3.MqttMessage',
             'org.wso2.carbon.context.PrivilegedCarbonContext'])(WSO2MQTT), [
             (1, 'java-00-wso2-mqtt-reconnect-swallows-interrupt',
              'an edit logs the interrupt of the reconnect wait and keeps looping, so undeploying the MQTT inbound '
              'endpoint while the broker is down leaves its reconnect thread running', 'edit'),
             (2, 'java-00-wso2-mqtt-tenant-flow-not-ended-in-finally',
              'an edit ends the tenant flow of an arrived message only after a successful injection, so a sequence '
              'that throws leaves the tenant set on the pooled MQTT callback thread for the next message', 'edit'),
             (0, 'java-ok-00-wso2-mqtt-reconnect-restores-interrupt',
              'clean: the fix restores the interrupt and stops reconnecting again', 'fix'),
         ])
