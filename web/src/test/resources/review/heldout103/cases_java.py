"""Round-103 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: SMPP client of a messaging gateway library (cloudhopper-smpp)
CLOUDHOPPER = template('cloudhopper-smpp-client', r'''
/**
 * Opens SMPP sessions to message centres. Each client owns a worker group for its channels and a monitor executor
 * for its windows; {@link #destroy()} is called once the application no longer binds sessions through it.
 */
public class DefaultSmppClient implements SmppClient {
    private static final Logger logger = LoggerFactory.getLogger(DefaultSmppClient.class);

    private final ExecutorService workerExecutor;
    private final ScheduledExecutorService monitorExecutor;
    private final ChannelGroup channels;

    public DefaultSmppClient(ExecutorService workerExecutor, int expectedSessions) {
        this.workerExecutor = workerExecutor;
        this.monitorExecutor = Executors.newScheduledThreadPool(1, new DaemonThreadFactory("SmppClientMonitor")); //@{1}RES-01
        this.channels = new DefaultChannelGroup();
        logger.info("SMPP client created for {} expected sessions", expectedSessions);
    }

    public SmppSession bind(SmppSessionConfiguration config, SmppSessionHandler handler) throws SmppException {
2|        logger.debug("Binding session " + config.getName() + " to " + config.getHost() + ":" + config.getPort()); //@LOG-02
01|        logger.debug("Binding session {} to {}:{}", config.getName(), config.getHost(), config.getPort());
        Channel channel = createConnectedChannel(config.getHost(), config.getPort(), config.getConnectTimeout());
        channels.add(channel);
        return doBind(channel, config, handler, monitorExecutor);
    }

    @Override
    public void destroy() {
        channels.close().awaitUninterruptibly();
02|        monitorExecutor.shutdown();
    }
}
''')
cases_of(case, GH + 'twitter-archive/cloudhopper-smpp/issues/104', src('com.cloudhopper.smpp.impl', 'DefaultSmppClient'),
         J('com.cloudhopper.smpp.impl', SLF4J + [
             'com.cloudhopper.smpp.SmppClient', 'com.cloudhopper.smpp.SmppSession',
             'com.cloudhopper.smpp.SmppSessionConfiguration', 'com.cloudhopper.smpp.SmppSessionHandler',
             'com.cloudhopper.smpp.type.SmppException', 'com.cloudhopper.commons.util.DaemonThreadFactory',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'org.jboss.netty.channel.Channel',
             'org.jboss.netty.channel.group.ChannelGroup', 'org.jboss.netty.channel.group.DefaultChannelGroup'])(CLOUDHOPPER), [
             (1, 'java-00-cloudhopper-monitor-executor-never-shut-down',
              'a new client never shuts down its monitor executor in destroy, so every client an application '
              'rebuilds on reconnect leaves a monitor thread behind', 'new'),
             (2, 'java-00-cloudhopper-bind-debug-line-concatenated',
              'a new client builds the bind debug line by string concatenation, paid on every bind with debug off',
              'new'),
             (0, 'java-ok-00-cloudhopper-smpp-client',
              'clean: a new client that shuts down its monitor executor in destroy', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: asynchronous request handling of an OCPP library (Java-OCA-OCPP)
OCA = template('oca-ocpp-async-fulfiller', r'''
/**
 * Runs the application's request handlers off the websocket thread, so that a slow handler does not block the
 * messages of other charge points. Shared by every session of the server.
 */
public class AsyncPromiseFulfillerDecorator implements PromiseFulfiller {
    private static final Logger logger = LoggerFactory.getLogger(AsyncPromiseFulfillerDecorator.class);

    private static final ExecutorService executor = createDefaultExecutor();

    private final PromiseFulfiller promiseFulfiller;

    public AsyncPromiseFulfillerDecorator(PromiseFulfiller promiseFulfiller) {
        this.promiseFulfiller = promiseFulfiller;
    }

    private static ExecutorService createDefaultExecutor() {
02|        int coreSize = Runtime.getRuntime().availableProcessors();
02|        return new ThreadPoolExecutor(coreSize, coreSize * 2, 60L, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.CallerRunsPolicy());
1|        return Executors.newCachedThreadPool(); //@CONC-02
    }

    @Override
    public void fulfill(CompletableFuture<Confirmation> promise, SessionEvents eventHandler, Request request) {
01|        CompletableFuture.runAsync(() -> promiseFulfiller.fulfill(promise, eventHandler, request), executor)
01|                .exceptionally(failure -> {
01|                    logger.error("Handler for {} failed", request.getClass().getSimpleName(), failure);
01|                    promise.completeExceptionally(failure);
01|                    return null;
01|                });
2|        CompletableFuture.runAsync(() -> promiseFulfiller.fulfill(promise, eventHandler, request), executor); //@CONC-06
    }
}
''')
_OCA_BASE = SLF4J + ['eu.chargetime.ocpp.model.Confirmation', 'eu.chargetime.ocpp.model.Request',
                     'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService']
_OCA_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
             'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'ChargeTimeEU/Java-OCA-OCPP/pull/433',
         'ocpp-common/' + src('eu.chargetime.ocpp', 'AsyncPromiseFulfillerDecorator'),
         JV('eu.chargetime.ocpp', {0: _OCA_BASE + _OCA_POOL, 1: _OCA_BASE + ['java.util.concurrent.Executors'],
                                   2: _OCA_BASE + _OCA_POOL})(OCA), [
             (1, 'java-00-oca-ocpp-handlers-on-unbounded-cached-pool',
              'an edit runs request handlers on an unbounded cached pool, so a central system that floods a station '
              'with requests starts a thread per request', 'edit'),
             (2, 'java-00-oca-ocpp-handler-failure-never-observed',
              'an edit drops the failure handling of the asynchronous handler run, so a handler that throws leaves '
              'the promise open and the failure unlogged', 'edit'),
             (0, 'java-ok-00-oca-ocpp-handlers-on-bounded-pool',
              'clean: the fix runs handlers on a bounded pool that pushes back on the caller', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: readout job of a BACnet building automation binding (connectorio-addons), CRLF file
CONNECTORIO = template('connectorio-bacnet-readout', r'''
/**
 * Reads the present values of a BACnet device's objects on a fixed interval and updates the linked channels.
 */
public class BACnetDeviceHandler extends BaseBridgeHandler {
    private final Logger logger = LoggerFactory.getLogger(BACnetDeviceHandler.class);

    private ScheduledFuture<?> readoutJob;
    private BacNetClient client;
    private Device device;

    @Override
    public void initialize() {
        BACnetDeviceConfiguration config = getConfigAs(BACnetDeviceConfiguration.class);
        device = config.toDevice();
        client = getBridgeClient();
        readoutJob = scheduler.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|            try {
02|                readout();
02|            } catch (RuntimeException e) {
02|                logger.warn("Readout of device {} failed, retrying in the next cycle", device, e);
02|            }
1|            readout();
        }, 0, config.refreshInterval, TimeUnit.MILLISECONDS);
        updateStatus(ThingStatus.ONLINE);
    }

    private void readout() {
        Map<Property, Object> values = client.getPresentValues(device, getLinkedProperties());
        for (Map.Entry<Property, Object> entry : values.entrySet()) {
2|            logger.info("Device {} property {} has value {}", device, entry.getKey(), entry.getValue()); //@LOG-01
            updateState(channelOf(entry.getKey()), toState(entry.getValue()));
        }
    }

    @Override
    public void dispose() {
        if (readoutJob != null) {
            readoutJob.cancel(true);
        }
    }
}
''')
cases_of(case, GH + 'ConnectorIO/connectorio-addons/issues/92',
         'bundles/org.connectorio.addons.binding.bacnet/' + src('org.connectorio.addons.binding.bacnet.internal.handler.object', 'BACnetDeviceHandler'),
         J('org.connectorio.addons.binding.bacnet.internal.handler.object', SLF4J + [
             'java.util.Map', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'org.code_house.bacnet4j.wrapper.api.BacNetClient', 'org.code_house.bacnet4j.wrapper.api.Device',
             'org.code_house.bacnet4j.wrapper.api.Property',
             'org.connectorio.addons.binding.bacnet.internal.config.BACnetDeviceConfiguration',
             'org.openhab.core.thing.ThingStatus', 'org.openhab.core.thing.binding.BaseBridgeHandler'])(CONNECTORIO), [
             (1, 'java-00-connectorio-bacnet-readout-stops-on-first-failure',
              'an edit drops the catch around the scheduled readout, so the first timeout the BACnet client throws '
              'cancels the schedule and the device is never read again', 'edit'),
             (2, 'java-00-connectorio-bacnet-every-value-logged-per-readout',
              'an edit logs every property value at info level on each readout of each device', 'edit'),
             (0, 'java-ok-00-connectorio-bacnet-readout-survives-failures',
              'clean: the fix catches readout failures so the schedule keeps running', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / CONC-05: connection setup of an industrial PLC driver (plc4x)
PLC4X = template('plc4x-s7-connect', r'''
/**
 * Opens TCP channels to S7 controllers. An application polls many controllers and reconnects whenever one of them
 * drops the link, so this runs often.
 */
public class TcpChannelFactory implements ChannelFactory {
    private static final Logger logger = LoggerFactory.getLogger(TcpChannelFactory.class);
02|    private static final EventLoopGroup WORKER_GROUP = new NioEventLoopGroup(0, new DefaultThreadFactory("plc4x-tcp", true));

    private final SocketAddress address;
    private final long connectTimeoutMillis;

    public TcpChannelFactory(SocketAddress address, long connectTimeoutMillis) {
        this.address = address;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Channel createChannel(ChannelHandler handler) throws PlcConnectionException {
1|        EventLoopGroup workerGroup = new NioEventLoopGroup(); //@RES-04
        Bootstrap bootstrap = new Bootstrap()
02|            .group(WORKER_GROUP)
1|            .group(workerGroup)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMillis)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .handler(handler);
        ChannelFuture future = bootstrap.connect(address);
        try {
            future.await(connectTimeoutMillis + 1000);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            throw new PlcConnectionException("Interrupted while connecting to " + address, e);
        }
        if (!future.isSuccess()) {
            logger.debug("Connection to {} failed", address, future.cause());
            throw new PlcConnectionException("Connection to " + address + " failed", future.cause());
        }
        return future.channel();
    }
}
''')
_PLC4X = SLF4J + ['io.netty.bootstrap.Bootstrap', 'io.netty.channel.Channel', 'io.netty.channel.ChannelFuture',
                  'io.netty.channel.ChannelHandler', 'io.netty.channel.ChannelOption', 'io.netty.channel.EventLoopGroup',
                  'io.netty.channel.nio.NioEventLoopGroup', 'io.netty.channel.socket.nio.NioSocketChannel',
                  'java.net.SocketAddress', 'org.apache.plc4x.java.api.exceptions.PlcConnectionException',
                  'org.apache.plc4x.java.spi.connection.ChannelFactory']
cases_of(case, GH + 'apache/plc4x/issues/801',
         'plc4j/transports/tcp/' + src('org.apache.plc4x.java.transport.tcp', 'TcpChannelFactory'),
         JV('org.apache.plc4x.java.transport.tcp', {0: _PLC4X + ['io.netty.util.concurrent.DefaultThreadFactory'],
                                                   1: _PLC4X,
                                                   2: _PLC4X + ['io.netty.util.concurrent.DefaultThreadFactory']})(PLC4X), [
             (1, 'java-00-plc4x-event-loop-group-per-connection',
              'an edit creates a new event loop group for every channel instead of sharing one, so each reconnect '
              'to an unreachable controller leaves a group of parked threads behind', 'edit'),
             (2, 'java-00-plc4x-connect-interrupt-flag-lost',
              'an edit stops restoring the interrupt flag when the wait for a connection is interrupted, so a '
              'poller being shut down keeps reconnecting', 'edit'),
             (0, 'java-ok-00-plc4x-shared-event-loop-group',
              'clean: the fix shares one event loop group between all channels', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: TCP master of a Modbus library used by building automation (modbus4j)
MODBUS4J = template('modbus4j-tcp-master', r'''
/**
 * Modbus TCP master. {@link #init()} opens the socket to the slave; a slave that is switched off or missing must not
 * leave half-open sockets behind, because pollers call init() again on every cycle until the slave answers.
 */
public class TcpMaster extends ModbusMaster {
    private static final Log LOG = LogFactory.getLog(TcpMaster.class);

    private final IpParameters ipParameters;
    private Socket socket;
    private StreamTransport transport;
    private MessageControl conn;

    public TcpMaster(IpParameters params) {
        this.ipParameters = params;
    }

    @Override
    public void init() throws ModbusInitException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(ipParameters.getHost(), ipParameters.getPort()), getTimeout()); //@{1}RES-01
            transport = new StreamTransport(socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
02|            closeConnection();
            throw new ModbusInitException("Cannot connect to " + ipParameters.getHost(), e);
        }
        conn = getMessageControl();
        conn.start(transport, new XaMessageParser(false), null, new XaWaitingRoomKeyFactory());
        transport.start("Modbus4J TcpMaster");
        initialized = true;
    }

    @Override
    public void destroy() {
        closeConnection();
        initialized = false;
    }

    private void closeConnection() {
        if (conn != null) {
            conn.close();
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) { //@{2}ERR-01
01|            LOG.warn("Closing the Modbus TCP connection failed", e);
        }
        conn = null;
        socket = null;
    }
}
''')
cases_of(case, GH + 'MangoAutomation/modbus4j/pull/62', 'src/' + src('com.serotonin.modbus4j.ip.tcp', 'TcpMaster')[len('src/main/java/'):],
         J('com.serotonin.modbus4j.ip.tcp', [
             'com.serotonin.modbus4j.ModbusMaster', 'com.serotonin.modbus4j.exception.ModbusInitException',
             'com.serotonin.modbus4j.ip.IpParameters', 'com.serotonin.modbus4j.ip.xa.XaMessageParser',
             'com.serotonin.modbus4j.ip.xa.XaWaitingRoomKeyFactory', 'com.serotonin.modbus4j.sero.messaging.MessageControl',
             'com.serotonin.modbus4j.sero.messaging.StreamTransport', 'java.io.IOException', 'java.net.InetSocketAddress',
             'java.net.Socket', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory'])(MODBUS4J), [
             (1, 'java-00-modbus4j-socket-left-open-when-connect-fails',
              'an edit stops closing the socket when connecting to the slave fails, so a poller retrying a missing '
              'slave leaks one socket per cycle', 'edit'),
             (2, 'java-00-modbus4j-socket-close-failure-swallowed',
              'an edit drops the log of a failed socket close, leaving an empty catch', 'edit'),
             (0, 'java-ok-00-modbus4j-socket-closed-when-connect-fails',
              'clean: the fix closes the socket when connecting fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-03: external service call of a USSD gateway (Restcomm-Connect)
RESTCOMM = template('restcomm-ussd-external-service', r'''
/**
 * Fetches the next USSD menu from the application's external service for a running USSD session. The network
 * drops a USSD dialogue after a few seconds, so the call must give up before the dialogue does.
 */
public class ExternalServiceClient {
    private static final Logger logger = LoggerFactory.getLogger(ExternalServiceClient.class);

    private final CloseableHttpClient httpClient;

    public ExternalServiceClient(int timeoutMillis) {
02|        RequestConfig config = RequestConfig.custom()
02|                .setConnectTimeout(timeoutMillis)
02|                .setConnectionRequestTimeout(timeoutMillis)
02|                .setSocketTimeout(timeoutMillis)
02|                .build();
02|        this.httpClient = HttpClients.custom().setDefaultRequestConfig(config).build();
1|        this.httpClient = HttpClients.custom().build(); //@TMO-01
    }

    public String nextMenu(String callSid, URI service, List<NameValuePair> params) throws IOException {
        HttpPost post = new HttpPost(service);
        post.setEntity(new UrlEncodedFormEntity(params, StandardCharsets.UTF_8));
        long start = System.currentTimeMillis();
        try (CloseableHttpResponse response = httpClient.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            long elapsed = System.currentTimeMillis() - start;
01|            logger.info("USSD session {}: external service answered {} in {} ms", callSid, status, elapsed);
2|            logger.info("External service answered {} in {} ms", status, elapsed); //@LOG-03
            if (status != HttpStatus.SC_OK) {
                throw new IOException("external service " + service + " answered " + status);
            }
            return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        }
    }
}
''')
_RC = ['java.io.IOException', 'java.net.URI', 'java.nio.charset.StandardCharsets', 'java.util.List',
       'org.apache.http.HttpStatus', 'org.apache.http.NameValuePair', 'org.apache.http.client.entity.UrlEncodedFormEntity',
       'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
       'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
       'org.apache.http.util.EntityUtils'] + SLF4J
cases_of(case, GH + 'RestComm/Restcomm-Connect/issues/2410',
         'restcomm/restcomm.ussd/' + src('org.restcomm.connect.ussd.http', 'ExternalServiceClient'),
         JV('org.restcomm.connect.ussd.http', {0: _RC + ['org.apache.http.client.config.RequestConfig'], 1: _RC,
                                              2: _RC + ['org.apache.http.client.config.RequestConfig']})(RESTCOMM), [
             (1, 'java-00-restcomm-ussd-external-service-without-timeout',
              'an edit builds the external service client without its request config, so a slow application holds '
              'the USSD session thread after the network has already dropped the dialogue', 'edit'),
             (2, 'java-00-restcomm-ussd-answer-logged-without-session',
              'an edit logs the external service\'s answer without the USSD session it belongs to', 'edit'),
             (0, 'java-ok-00-restcomm-ussd-external-service-with-timeouts',
              'clean: the fix builds the client with connect, pool and socket timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TIME-01: stop transaction of an OCPP central system (steve)
STEVE = template('steve-stop-transaction', r'''
/**
 * Stores a StopTransaction of a charge point: the stop row and the connector status must both be written, or
 * neither, so that the transaction overview never shows a stopped transaction on a charging connector.
 */
@Repository
public class TransactionStopRepository {
    private final DataSource dataSource;

    public TransactionStopRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void stopTransaction(int transactionPk, int connectorPk, String stopValue, String reason) throws SQLException {
01|        OffsetDateTime stoppedAt = OffsetDateTime.now(ZoneOffset.UTC);
2|        LocalDateTime stoppedAt = LocalDateTime.now(); //@TIME-01
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                writeStop(conn, transactionPk, connectorPk, stoppedAt, stopValue, reason); //@{1}TX-01
                conn.commit();
            } catch (SQLException | RuntimeException e) {
02|                conn.rollback();
                throw e;
            }
        }
    }

    private void writeStop(Connection conn, int transactionPk, int connectorPk, Object stoppedAt, String value,
            String reason) throws SQLException {
        insertStop(conn, transactionPk, stoppedAt, value, reason);
        updateConnectorStatus(conn, connectorPk, "Available", stoppedAt);
    }

    private void insertStop(Connection conn, int transactionPk, Object stoppedAt, String value, String reason)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO transaction_stop (transaction_pk, event_timestamp, stop_value, stop_reason) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, transactionPk);
            ps.setObject(2, stoppedAt);
            ps.setString(3, value);
            ps.setString(4, reason);
            ps.executeUpdate();
        }
    }

    private void updateConnectorStatus(Connection conn, int connectorPk, String status, Object at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO connector_status (connector_pk, status_timestamp, status) VALUES (?, ?, ?)")) {
            ps.setInt(1, connectorPk);
            ps.setObject(2, at);
            ps.setString(3, status);
            ps.executeUpdate();
        }
    }
}
''')
_STEVE = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource',
          'org.springframework.stereotype.Repository']
cases_of(case, GH + 'steve-community/steve/issues/816',
         src('de.rwth.idsg.steve.repository.impl', 'TransactionStopRepository'),
         JV('de.rwth.idsg.steve.repository.impl', {0: _STEVE + ['java.time.OffsetDateTime', 'java.time.ZoneOffset'],
                                                  1: _STEVE + ['java.time.OffsetDateTime', 'java.time.ZoneOffset'],
                                                  2: _STEVE + ['java.time.LocalDateTime']})(STEVE), [
             (1, 'java-00-steve-stop-transaction-not-rolled-back',
              'an edit drops the rollback of the stop transaction, so a failed connector update leaves the '
              'connection with an open transaction and the stop row written', 'edit'),
             (2, 'java-00-steve-stop-time-without-zone',
              'an edit takes the stop time as a LocalDateTime of the server\'s zone, so stops are stored hours off '
              'from the UTC start times', 'edit'),
             (0, 'java-ok-00-steve-stop-transaction-rolled-back',
              'clean: the fix rolls the stop transaction back when a write fails', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-04: slave poller of a Modbus link for an IoT platform (dslink-java-modbus)
DSLINK = template('dslink-modbus-poller', r'''
/**
 * Polls the points of one Modbus slave. {@link #stop()} runs when the link is disabled or the slave is removed; the
 * connection it shares with other slaves is closed right after.
 */
public class SlavePoller {
    private static final Logger LOGGER = LoggerFactory.getLogger(SlavePoller.class);
    private static final long STOP_GRACE_SECONDS = 10;

    private final ScheduledExecutorService pollExecutor;
    private final SlaveNode slave;
    private final ModbusConnection connection;

    public SlavePoller(SlaveNode slave, ModbusConnection connection, ScheduledExecutorService pollExecutor) {
        this.slave = slave;
        this.connection = connection;
        this.pollExecutor = pollExecutor;
    }

    public void start(long intervalMillis) {
        pollExecutor.scheduleWithFixedDelay(this::pollSafely, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        MDC.put("slave", slave.getName()); //@{2}CONC-04
01|        try {
01|            slave.readPoints(connection);
01|        } catch (RuntimeException e) {
01|            LOGGER.warn("Polling failed", e);
01|        } finally {
01|            MDC.remove("slave");
01|        }
2|        slave.readPoints(connection);
    }

    public void stop() {
02|        pollExecutor.shutdown();
02|        try {
02|            if (!pollExecutor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                LOGGER.warn("Polls of {} still running after {} s, interrupting them", slave.getName(), STOP_GRACE_SECONDS);
02|                pollExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            pollExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        pollExecutor.shutdownNow(); //@OPS-01
        connection.release(slave);
    }
}
''')
cases_of(case, GH + 'IOT-DSA/dslink-java-modbus/pull/20', src('modbus', 'SlavePoller'),
         J('modbus', SLF4J + ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                              'org.slf4j.MDC'])(DSLINK), [
             (1, 'java-00-dslink-modbus-stop-interrupts-running-polls',
              'an edit stops the slave\'s polls with shutdownNow and releases the connection at once, so a poll in '
              'the middle of a Modbus transaction is cut off and the shared connection closed under it', 'edit'),
             (2, 'java-00-dslink-modbus-mdc-slave-never-removed',
              'an edit drops the try/finally around the poll, so the slave name stays in the pool thread\'s MDC and '
              'labels the log lines of other slaves', 'edit'),
             (0, 'java-ok-00-dslink-modbus-stop-drains-polls',
              'clean: the fix lets running polls finish before the connection is released', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: local device of a BACnet stack (BACnet4J)
BACNET4J = template('bacnet4j-local-device', r'''
/**
 * The local BACnet device: owns the transport thread that reads the network and the timer that runs retries and
 * COV subscriptions.
 */
public class LocalDevice {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDevice.class);

    private final Transport transport;
    private final int instanceNumber;
    private ScheduledExecutorService timer;
    private Thread transportThread;

    public LocalDevice(int instanceNumber, Transport transport) {
        this.instanceNumber = instanceNumber;
        this.transport = transport;
    }

    public synchronized LocalDevice initialize() throws Exception {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "BACnet4J timer " + instanceNumber));
        transport.initialize();
        transportThread = new Thread(transport::run, "BACnet4J transport " + instanceNumber); //@{2}CONC-01
01|        transportThread.setUncaughtExceptionHandler((t, e) -> LOG.error("BACnet4J transport thread died", e));
        transportThread.setDaemon(true);
        transportThread.start();
        return this;
    }

    public synchronized void terminate(long timeoutSeconds) {
        transport.terminate();
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(timeoutSeconds, TimeUnit.SECONDS)) {
                    LOG.warn("BACnet4J timer did not shutdown within {} seconds", timeoutSeconds);
                }
            } catch (final InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
1|                LOG.warn("Interrupted while waiting for the BACnet4J timer to shut down", e);
            }
            timer = null;
        }
    }
}
''')
cases_of(case, GH + 'RadixIoT/BACnet4J/pull/74', src('com.serotonin.bacnet4j', 'LocalDevice'),
         J('com.serotonin.bacnet4j', SLF4J + ['com.serotonin.bacnet4j.transport.Transport',
                                              'java.util.concurrent.Executors',
                                              'java.util.concurrent.ScheduledExecutorService',
                                              'java.util.concurrent.TimeUnit'])(BACNET4J), [
             (1, 'java-00-bacnet4j-terminate-interrupt-flag-lost',
              'an edit logs an interrupted wait for the timer instead of restoring the interrupt flag, so the '
              'thread that terminates the device no longer knows it was interrupted', 'edit'),
             (2, 'java-00-bacnet4j-transport-thread-without-handler',
              'an edit starts the transport thread without an uncaught-exception handler, so a transport that dies '
              'leaves the device deaf without a log line', 'edit'),
             (0, 'java-ok-00-bacnet4j-terminate-restores-interrupt',
              'clean: the fix restores the interrupt flag when the wait for the timer is interrupted', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: property reads of a BACnet client wrapper (bacnet4j-wrapper), new file
WRAPPER = template('bacnet4j-wrapper-property-reader', r'''
/**
 * Reads the properties of remote BACnet devices for callers that want a plain list. A device that is switched off
 * never answers, so every read has an upper bound.
 */
public class PropertyReader {
    private static final Logger logger = LoggerFactory.getLogger(PropertyReader.class);

    private final LocalDevice localDevice;
    private final long readTimeoutMillis;

    public PropertyReader(LocalDevice localDevice, long readTimeoutMillis) {
        this.localDevice = localDevice;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public List<Property> getDeviceProperties(Device device) throws BacNetClientException {
        CompletableFuture<List<Property>> result = new CompletableFuture<>();
        localDevice.send(device.getBacNet4jAddress(), new ReadPropertyRequest(device.getObjectIdentifier(),
                PropertyIdentifier.objectList), new PropertyListCallback(device, result));
        try {
02|            return result.get(readTimeoutMillis, TimeUnit.MILLISECONDS);
1|            return result.get(); //@TMO-01
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacNetClientException("Interrupted while reading properties of " + device, e);
02|        } catch (TimeoutException e) {
02|            throw new BacNetClientException("No answer from " + device + " within " + readTimeoutMillis + " ms", e);
        } catch (ExecutionException e) { //@{2}ERR-01
01|            throw new BacNetClientException("Could not read properties of " + device, e.getCause());
2|            logger.debug("Could not read properties of {}", device, e.getCause());
2|            return Collections.emptyList();
        }
    }
}
''')
_WR = SLF4J + ['com.serotonin.bacnet4j.LocalDevice', 'com.serotonin.bacnet4j.service.confirmed.ReadPropertyRequest',
               'com.serotonin.bacnet4j.type.enumerated.PropertyIdentifier', 'java.util.List',
               'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutionException',
               'org.code_house.bacnet4j.wrapper.api.BacNetClientException', 'org.code_house.bacnet4j.wrapper.api.Device',
               'org.code_house.bacnet4j.wrapper.api.Property']
_WR_T = ['java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'Code-House/bacnet4j-wrapper/issues/20',
         'ip/' + src('org.code_house.bacnet4j.wrapper.ip', 'PropertyReader'),
         JV('org.code_house.bacnet4j.wrapper.ip', {0: _WR + _WR_T, 1: _WR,
                                                  2: _WR + _WR_T + ['java.util.Collections']})(WRAPPER), [
             (1, 'java-00-bacnet4j-wrapper-read-waits-forever',
              'a new property reader waits for the answer without a bound, so reading a device that is switched off '
              'holds the caller\'s thread for good', 'new'),
             (2, 'java-00-bacnet4j-wrapper-read-failure-returns-empty',
              'a new property reader turns a failed read into an empty list, so a device error looks like a device '
              'without objects', 'new'),
             (0, 'java-ok-00-bacnet4j-wrapper-property-reader',
              'clean: a new property reader with a bounded wait that reports failed reads', 'new'),
         ])
