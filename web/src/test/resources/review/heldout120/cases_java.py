"""Round-120 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: Paho client of an IoT connectivity service (eclipse-ditto)
DITTO = template('ditto-paho-client-holder', r'''
/**
 * Creates the Paho MQTT client of one connection and tears it down again. Paho starts its comms threads when it
 * connects and only {@code close()} ends them, so a client whose connect fails is closed right away instead of being
 * dropped: otherwise every failed reconnect attempt leaks its threads.
 */
public final class PahoClientHolder implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(PahoClientHolder.class);
    private static final long DISCONNECT_QUIESCE_MS = 1_000;
    private static final long DISCONNECT_TIMEOUT_MS = 5_000;

    private final String connectionId;
    private final MqttConnectOptions options;
    @Nullable private MqttAsyncClient client;

    public PahoClientHolder(final String connectionId, final MqttConnectOptions options) {
        this.connectionId = connectionId;
        this.options = options;
    }

    public synchronized MqttAsyncClient connect(final String serverUri, final String clientId, final long timeoutMillis)
            throws MqttException {
        close();
        final MqttAsyncClient newClient = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence()); //@{1}RES-01
02|        try {
02|            newClient.connect(options).waitForCompletion(timeoutMillis);
02|        } catch (final MqttException e) {
02|            closeQuietly(newClient);
02|            throw e;
02|        }
1|        newClient.connect(options).waitForCompletion(timeoutMillis);
        client = newClient;
01|        LOGGER.info("Connected MQTT client <{}> of connection <{}> to <{}>", clientId, connectionId, serverUri);
2|        LOGGER.info("Connected MQTT client <" + clientId + "> of connection <" + connectionId + "> to <" + serverUri + ">"); //@LOG-02
        return newClient;
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(DISCONNECT_QUIESCE_MS, DISCONNECT_TIMEOUT_MS);
            }
        } catch (final MqttException e) {
            LOGGER.warn("Forced disconnect of connection <{}> failed; closing the client anyway", connectionId, e);
        }
        closeQuietly(client);
        client = null;
    }

    private void closeQuietly(final MqttAsyncClient mqttClient) {
        try {
            mqttClient.close(true);
        } catch (final MqttException e) {
            LOGGER.warn("Closing MQTT client of connection <{}> failed", connectionId, e);
        }
    }
}
''')
_DITTO_PKG = 'org.eclipse.ditto.connectivity.service.messaging.mqtt.paho'
cases_of(case, GH + 'eclipse-ditto/ditto/issues/450',
         'connectivity/service/' + src(_DITTO_PKG, 'PahoClientHolder'),
         J(_DITTO_PKG, SLF4J + ['javax.annotation.Nullable', 'org.eclipse.paho.client.mqttv3.MqttAsyncClient',
                                'org.eclipse.paho.client.mqttv3.MqttConnectOptions',
                                'org.eclipse.paho.client.mqttv3.MqttException',
                                'org.eclipse.paho.client.mqttv3.persist.MemoryPersistence'])(DITTO), [
             (1, 'java-00-ditto-paho-client-kept-open-after-failed-connect',
              'an edit drops the close of a Paho client whose connect fails, so every failed reconnect leaks the '
              'client\'s comms threads', 'edit'),
             (2, 'java-00-ditto-paho-connected-logged-concatenated',
              'an edit builds the connected log line by string concatenation', 'edit'),
             (0, 'java-ok-00-ditto-paho-client-closed-after-failed-connect',
              'clean: the fix closes the Paho client when its connect fails and rethrows', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: event thread of a WebSocket push client (pusher-websocket-java)
PUSHER = template('pusher-factory-event-queue', r'''
/**
 * Creates the objects a Pusher client shares: its event thread and its timers. shutdownThreads lets events already
 * queued reach their listeners within a grace period before the threads are stopped, so a disconnect does not drop
 * the last events delivered by the connection.
 */
public class Factory {

    private static final Logger LOGGER = Logger.getLogger(Factory.class.getName());
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private ExecutorService eventQueue;
    private ScheduledExecutorService timers;

    public synchronized ExecutorService getEventQueue() {
        if (eventQueue == null) {
            eventQueue = Executors.newSingleThreadExecutor(new DaemonThreadFactory("eventQueue"));
        }
        return eventQueue;
    }

    public synchronized ScheduledExecutorService getTimers() {
        if (timers == null) {
            timers = Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("timers"));
        }
        return timers;
    }

    public synchronized void queueOnEventThread(final Runnable r) {
        getEventQueue().execute(r);
    }

    public synchronized void shutdownThreads() {
        if (eventQueue != null) {
02|            awaitQuietly(eventQueue);
1|            eventQueue.shutdown(); //@OPS-01
            eventQueue = null;
        }
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
    }

02|    private static void awaitQuietly(final ExecutorService executor) {
02|        executor.shutdown();
02|        try {
02|            if (!executor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                LOGGER.warning("Pusher event thread did not finish its queued events in time");
02|                executor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            executor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
02|    }
02|
    private static class DaemonThreadFactory implements ThreadFactory {
        private final String name;

        DaemonThreadFactory(final String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(final Runnable r) {
            final Thread t = new Thread(r, "pusher-java-client " + name); //@{2}CONC-01
            t.setDaemon(true);
01|            t.setUncaughtExceptionHandler((thread, e) -> LOGGER.log(Level.SEVERE, e, () -> "Uncaught error in " + thread.getName()));
            return t;
        }
    }
}
''')
_PU = ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ThreadFactory',
       'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'pusher/pusher-websocket-java/issues/27', src('com.pusher.client.util', 'Factory'),
         JV('com.pusher.client.util', {0: _PU, 1: [i for i in _PU if i != 'java.util.concurrent.TimeUnit'],
                                       2: [i for i in _PU if i != 'java.util.logging.Level']})(PUSHER), [
             (1, 'java-00-pusher-event-queue-shutdown-without-waiting',
              'an edit shuts the event thread down without waiting for it, so events queued before a disconnect '
              'may never reach their listeners', 'edit'),
             (2, 'java-00-pusher-event-thread-without-handler',
              'an edit drops the uncaught-exception handler of the client\'s threads, so a listener that throws '
              'ends the event thread without a trace', 'edit'),
             (0, 'java-ok-00-pusher-event-queue-drained-at-shutdown',
              'clean: the fix shuts the event thread down, waits a grace period for queued events, then forces it',
              'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-06: XMPP connection executor of a chat app (ChatSecureAndroid)
CHATSECURE = template('chatsecure-xmpp-executor', r'''
/**
 * An XMPP account's connection. Network work runs on one worker thread so that the UI thread never blocks on the
 * server; when the account is disposed the worker finishes the logout it was given, within a grace period, before it
 * is stopped, so its thread does not outlive the connection.
 */
public class XmppConnection extends ImConnection {

    private static final String TAG = "XmppConnection";
    private static final long WORKER_GRACE_SECONDS = 3;

    private final ExecutorService mExecutor;
    private XMPPConnection mConnection;

    public XmppConnection(Context context) {
        super(context);
        mExecutor = Executors.newSingleThreadExecutor(XmppConnection::newWorker);
    }

    private static Thread newWorker(Runnable r) {
        Thread t = new Thread(r, "xmpp-connection-worker");
        t.setUncaughtExceptionHandler((thread, e) -> Log.e(TAG, "XMPP worker failed", e));
        return t;
    }

    private void execute(final Runnable task) {
01|        mExecutor.execute(() -> {
01|            try {
01|                task.run();
01|            } catch (RuntimeException e) {
01|                Log.e(TAG, "XMPP task failed", e);
01|            }
01|        });
2|        mExecutor.submit(task); //@CONC-06
    }

    @Override
    public void logoutAsync() {
        execute(this::do_logout);
    }

    private void do_logout() {
        if (mConnection != null && mConnection.isConnected()) {
            mConnection.disconnect();
        }
        mConnection = null;
        setState(LoggedOut, null);
    }

    public void dispose() {
        logoutAsync();
02|        mExecutor.shutdown();
02|        try {
02|            if (!mExecutor.awaitTermination(WORKER_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                Log.w(TAG, "XMPP worker did not finish within the grace period; interrupting it");
02|                mExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            mExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        mExecutor.shutdownNow(); //@OPS-01
    }
}
''')
_CS_PKG = 'info.guardianproject.otr.app.im.plugin.xmpp'
_CS = ['android.content.Context', 'android.util.Log', 'info.guardianproject.otr.app.im.engine.ImConnection',
       'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit',
       'org.jivesoftware.smack.XMPPConnection']
cases_of(case, GH + 'guardianproject/ChatSecureAndroid/pull/139',
         'src/' + _CS_PKG.replace('.', '/') + '/XmppConnection.java',
         JV(_CS_PKG, {0: _CS, 1: [i for i in _CS if i != 'java.util.concurrent.TimeUnit'], 2: _CS})(CHATSECURE), [
             (1, 'java-00-chatsecure-xmpp-worker-killed-at-dispose',
              'an edit stops the XMPP worker with shutdownNow as soon as the account is disposed, interrupting the '
              'logout it was just given', 'edit'),
             (2, 'java-00-chatsecure-xmpp-task-future-dropped',
              'an edit submits the XMPP tasks and drops their futures, so an exception of a network task is never '
              'seen', 'edit'),
             (0, 'java-ok-00-chatsecure-xmpp-worker-drained-at-dispose',
              'clean: the fix lets the worker finish the logout within a grace period before stopping it', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: AMQP connection of a Pentaho step (PDI-Plugin-Step-AMQP)
PDIAMQP = template('pdi-amqp-connection', r'''
/**
 * Opens the AMQP connection and channel a step reads from or writes to. A connection whose channel cannot be set up
 * (the exchange does not exist, access is refused) is closed before the error goes up, so a step that keeps retrying
 * does not pile up connections on the broker.
 */
public class AMQPConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(AMQPConnectionManager.class);

    private final ConnectionFactory factory;
    private Connection connection;
    private Channel channel;

    public AMQPConnectionManager(ConnectionFactory factory) {
        this.factory = factory;
    }

    public Channel open(String exchange) throws IOException, TimeoutException {
        Connection conn = factory.newConnection(); //@{1}RES-01
02|        try {
02|            Channel ch = conn.createChannel();
02|            ch.exchangeDeclarePassive(exchange);
02|            this.connection = conn;
02|            this.channel = ch;
02|            return ch;
02|        } catch (IOException | RuntimeException e) {
02|            closeQuietly(conn);
02|            throw e;
02|        }
1|        Channel ch = conn.createChannel();
1|        ch.exchangeDeclarePassive(exchange);
1|        this.connection = conn;
1|        this.channel = ch;
1|        return ch;
    }

    public void disconnect() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) { //@{2}ERR-01
01|            LOG.warn("Closing the AMQP channel failed; closing the connection anyway", e);
2|            // the channel goes away with the connection below
        } finally {
            channel = null;
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection conn) {
        if (conn == null || !conn.isOpen()) {
            return;
        }
        try {
            conn.close();
        } catch (IOException | ShutdownSignalException e) {
            LOG.warn("Closing the AMQP connection failed", e);
        }
    }
}
''')
_PDI_PKG = 'com.instaclick.pentaho.plugin.amqp'
_PDI = SLF4J + ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'com.rabbitmq.client.ConnectionFactory',
                'com.rabbitmq.client.ShutdownSignalException', 'java.io.IOException', 'java.util.concurrent.TimeoutException']
PDI_TEST = f(tst(_PDI_PKG, 'AMQPConnectionManagerTest'), new=java(_PDI_PKG, [
    'static org.junit.Assert.assertThrows', 'static org.mockito.Mockito.doThrow', 'static org.mockito.Mockito.mock',
    'static org.mockito.Mockito.verify', 'static org.mockito.Mockito.when', 'com.rabbitmq.client.Channel',
    'com.rabbitmq.client.Connection', 'com.rabbitmq.client.ConnectionFactory', 'java.io.IOException',
    'org.junit.Test'], r'''
public class AMQPConnectionManagerTest {

    @Test
    public void closesTheConnectionWhenTheExchangeIsMissing() throws Exception {
        ConnectionFactory factory = mock(ConnectionFactory.class);
        Connection connection = mock(Connection.class);
        Channel channel = mock(Channel.class);
        when(factory.newConnection()).thenReturn(connection);
        when(connection.createChannel()).thenReturn(channel);
        when(connection.isOpen()).thenReturn(true);
        doThrow(new IOException("NOT_FOUND - no exchange 'missing'")).when(channel).exchangeDeclarePassive("missing");

        AMQPConnectionManager manager = new AMQPConnectionManager(factory);
        assertThrows(IOException.class, () -> manager.open("missing"));

        verify(connection).close();
    }
}
'''))
cases_of(case, GH + 'instaclick/PDI-Plugin-Step-AMQP/pull/32', src(_PDI_PKG, 'AMQPConnectionManager'),
         J(_PDI_PKG, _PDI)(PDIAMQP), [
             (1, 'java-00-pdi-amqp-connection-left-open-when-exchange-missing',
              'an edit drops the close of the AMQP connection when its channel cannot be set up, so a step retrying '
              'against a missing exchange piles up connections on the broker', 'edit'),
             (2, 'java-00-pdi-amqp-channel-close-failure-dropped',
              'an edit drops the failure to close the AMQP channel without a trace', 'edit'),
             (0, 'java-ok-00-pdi-amqp-connection-closed-when-exchange-missing',
              'clean: the fix closes the connection when the channel cannot be set up; a test checks it', 'fix',
              [PDI_TEST]),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: connection reset of a Flume RabbitMQ source (flume-ng-rabbitmq)
FLUMERMQ = template('flume-rabbitmq-reset', r'''
/**
 * A pollable Flume source reading from a RabbitMQ queue. When the connection or channel fails, everything tied to it
 * is closed and forgotten (connection, channel and consumer), so the next poll starts from a fresh connection instead
 * of reading from a consumer bound to a dead channel.
 */
public class RabbitMQSource extends AbstractSource implements Configurable, PollableSource {

    private static final Logger log = LoggerFactory.getLogger(RabbitMQSource.class);

    private ConnectionFactory _ConnectionFactory;
    private Connection _Connection;
    private Channel _Channel;
    private QueueingConsumer _Consumer;
    private String _QueueName;
    private long _BackoffMillis = 1000;

    @Override
    public Status process() throws EventDeliveryException {
        try {
            if (_Consumer == null) {
                _Connection = _ConnectionFactory.newConnection();
                _Channel = _Connection.createChannel();
                _Consumer = new QueueingConsumer(_Channel);
                _Channel.basicConsume(_QueueName, false, _Consumer);
            }
            QueueingConsumer.Delivery delivery = _Consumer.nextDelivery(1000);
            if (delivery == null) {
                return Status.BACKOFF;
            }
            getChannelProcessor().processEvent(EventBuilder.withBody(delivery.getBody(), headers(delivery)));
            _Channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            return Status.READY;
        } catch (IOException | TimeoutException | ShutdownSignalException | ConsumerCancelledException ex) {
            log.warn("RabbitMQ connection failed; resetting it before the next poll", ex);
            resetConnection();
            backoff();
            return Status.BACKOFF;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Status.BACKOFF;
        }
    }

    private void resetConnection() {
        _Consumer = null;
02|        closeQuietly(_Channel);
02|        closeQuietly(_Connection);
        _Channel = null;
        _Connection = null; //@{1}RES-01
    }

    private void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ex) {
            log.warn("Closing a failed RabbitMQ resource failed", ex);
        }
    }

    private void backoff() {
        try {
            Thread.sleep(_BackoffMillis);
        } catch (InterruptedException ex) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
2|            log.debug("RabbitMQ back-off interrupted");
        }
    }

    private static Map<String, String> headers(QueueingConsumer.Delivery delivery) {
        Map<String, String> headers = new HashMap<>();
        headers.put("routingKey", delivery.getEnvelope().getRoutingKey());
        headers.put("exchange", delivery.getEnvelope().getExchange());
        return headers;
    }
}
''')
_FL_PKG = 'org.apache.flume.source.rabbitmq'
cases_of(case, GH + 'jcustenborder/flume-ng-rabbitmq/pull/12', src(_FL_PKG, 'RabbitMQSource'),
         J(_FL_PKG, SLF4J + ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection',
                             'com.rabbitmq.client.ConnectionFactory', 'com.rabbitmq.client.ConsumerCancelledException',
                             'com.rabbitmq.client.QueueingConsumer', 'com.rabbitmq.client.ShutdownSignalException',
                             'java.io.IOException', 'java.util.HashMap', 'java.util.Map',
                             'java.util.concurrent.TimeoutException', 'org.apache.flume.EventDeliveryException',
                             'org.apache.flume.PollableSource', 'org.apache.flume.conf.Configurable',
                             'org.apache.flume.event.EventBuilder', 'org.apache.flume.source.AbstractSource'])(FLUMERMQ), [
             (1, 'java-00-flume-rabbitmq-reset-without-closing',
              'an edit forgets the failed connection and channel on reset without closing them, so every reset '
              'leaves a connection open on the broker', 'edit'),
             (2, 'java-00-flume-rabbitmq-backoff-interrupt-lost',
              'an edit swallows the interrupt of the reconnect back-off, so Flume cannot stop the source while the '
              'broker is down', 'edit'),
             (0, 'java-ok-00-flume-rabbitmq-reset-closes-connection',
              'clean: the fix closes the failed channel and connection on reset and forgets the consumer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: device status monitoring task of an IoT server (product-iots)
IOTSTASK = template('iots-device-status-task', r'''
/**
 * Marks the devices of one device type unreachable or inactive when they stop reporting. The task runs for every
 * tenant in turn; a device that fails one tenant's pass (a push notification that throws, a broken record) is logged
 * and that tenant skipped, so the devices of the other tenants are still monitored.
 */
public class DeviceStatusMonitoringTask implements Task {

    private static final Logger log = LoggerFactory.getLogger(DeviceStatusMonitoringTask.class);

    private String deviceType;
    private DeviceStatusTaskPluginConfig config;

    @Override
    public void setProperties(Map<String, String> properties) {
        deviceType = properties.get(DeviceMgtConstants.DEVICE_TYPE);
        config = DeviceStatusTaskConfigParser.parse(properties.get(DeviceMgtConstants.DEVICE_STATUS_TASK_CONFIG));
    }

    @Override
    public void init() {
    }

    @Override
    public void execute() {
        for (int tenantId : DeviceManagementDataHolder.getInstance().getActiveTenants()) {
02|            try {
02|                monitorTenant(tenantId);
02|            } catch (RuntimeException e) {
02|                log.error("Device status monitoring of type {} failed for tenant {}", deviceType, tenantId, e);
02|            }
1|            monitorTenant(tenantId); //@CONC-07
        }
    }

    private void monitorTenant(int tenantId) {
        PrivilegedCarbonContext.startTenantFlow();
        try {
            PrivilegedCarbonContext.getThreadLocalCarbonContext().setTenantId(tenantId, true);
            List<DeviceMonitoringData> devices = statusDao().getDevicesToMonitor(deviceType, config);
01|            log.debug("Updating the status of {} devices of type {} for tenant {}", devices.size(), deviceType, tenantId);
2|            log.debug("Updating the status of " + devices.size() + " devices of type " + deviceType + " for tenant " + tenantId); //@LOG-02
            for (DeviceMonitoringData device : devices) {
                EnrolmentInfo.Status status = device.isOverdue(config) ? EnrolmentInfo.Status.UNREACHABLE : device.getStatus();
                if (status != device.getStatus()) {
                    statusDao().updateStatus(device.getDeviceId(), tenantId, status);
                    notifier().onStatusChange(device, status);
                }
            }
        } finally {
            PrivilegedCarbonContext.endTenantFlow();
        }
    }

    private static DeviceStatusDAO statusDao() {
        return DeviceManagementDataHolder.getInstance().getDeviceStatusDAO();
    }

    private static DeviceStatusNotifier notifier() {
        return DeviceManagementDataHolder.getInstance().getDeviceStatusNotifier();
    }
}
''')
_IOTS_PKG = 'org.wso2.carbon.device.mgt.core.status.task.impl'
cases_of(case, GH + 'wso2/product-iots/issues/1901',
         'components/device-mgt/org.wso2.carbon.device.mgt.core/' + src(_IOTS_PKG, 'DeviceStatusMonitoringTask'),
         J(_IOTS_PKG, SLF4J + ['java.util.List', 'java.util.Map', 'org.wso2.carbon.context.PrivilegedCarbonContext',
                               'org.wso2.carbon.device.mgt.common.EnrolmentInfo',
                               'org.wso2.carbon.device.mgt.common.DeviceMonitoringData',
                               'org.wso2.carbon.device.mgt.common.DeviceStatusTaskPluginConfig',
                               'org.wso2.carbon.device.mgt.core.DeviceMgtConstants',
                               'org.wso2.carbon.device.mgt.core.dao.DeviceStatusDAO',
                               'org.wso2.carbon.device.mgt.core.internal.DeviceManagementDataHolder',
                               'org.wso2.carbon.device.mgt.core.status.task.DeviceStatusNotifier',
                               'org.wso2.carbon.device.mgt.core.status.task.DeviceStatusTaskConfigParser',
                               'org.wso2.carbon.ntask.core.Task'])(IOTSTASK), [
             (1, 'java-00-iots-status-task-one-tenant-failure-ends-pass',
              'an edit runs each tenant\'s monitoring pass outside any catch, so one device that throws ends the '
              'task\'s run for every tenant after it', 'edit'),
             (2, 'java-00-iots-status-task-debug-line-concatenated',
              'an edit builds the per-tenant debug line by string concatenation', 'edit'),
             (0, 'java-ok-00-iots-status-task-tenant-failure-contained',
              'clean: the fix catches and logs one tenant\'s failure and goes on with the next tenant', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-04: RTM connect of a Slack client (simple-slack-api)
SLACKWS = template('simple-slack-rtm-connect', r'''
/**
 * A Slack session over the RTM API: rtm.start over HTTPS, then a websocket to the URL it returns. The HTTPS call is
 * bounded by connect and read timeouts, so connect() fails instead of hanging when Slack does not answer.
 */
class SlackWebSocketSessionImpl extends AbstractSlackSessionImpl {

    private static final Logger LOGGER = LoggerFactory.getLogger(SlackWebSocketSessionImpl.class);
    private static final String SLACK_HTTPS_AUTH_URL = "https://slack.com/api/rtm.start?token=";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final String authToken;
    private final CloseableHttpClient httpClient;
    private final List<SlackEventListener> listeners = new CopyOnWriteArrayList<>();

    SlackWebSocketSessionImpl(String authToken) {
        this.authToken = authToken;
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(CONNECT_TIMEOUT_MS)
02|                .setConnectionRequestTimeout(CONNECT_TIMEOUT_MS)
02|                .setSocketTimeout(READ_TIMEOUT_MS)
02|                .build();
02|        this.httpClient = HttpClientBuilder.create().setDefaultRequestConfig(requestConfig).build();
1|        this.httpClient = HttpClientBuilder.create().build(); //@TMO-01
    }

    @Override
    public void connect() throws IOException {
        LOGGER.info("connecting to slack");
        HttpGet request = new HttpGet(SLACK_HTTPS_AUTH_URL + authToken);
        try (CloseableHttpResponse response = httpClient.execute(request)) {
            String json = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            SlackJSONSessionStatusParser parser = new SlackJSONSessionStatusParser(json);
            parser.parse();
            if (parser.getError() != null) {
                throw new IOException("rtm.start failed: " + parser.getError());
            }
            openWebSocket(parser.getWebSocketURL());
        }
    }

    void dispatchEvent(SlackEvent event, String channelId) {
        MDC.put("slack.channel", channelId); //@{2}CONC-04
01|        try {
01|            for (SlackEventListener listener : listeners) {
01|                listener.onEvent(event, this);
01|            }
01|        } finally {
01|            MDC.remove("slack.channel");
01|        }
2|        for (SlackEventListener listener : listeners) {
2|            listener.onEvent(event, this);
2|        }
2|        MDC.remove("slack.channel");
    }
}
''')
_SL_PKG = 'com.ullink.slack.simpleslackapi.impl'
cases_of(case, GH + 'Itiviti/simple-slack-api/issues/174', src(_SL_PKG, 'SlackWebSocketSessionImpl'),
         JV(_SL_PKG, {v: SLF4J + ['com.ullink.slack.simpleslackapi.events.SlackEvent',
                                  'com.ullink.slack.simpleslackapi.listeners.SlackEventListener',
                                  'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.List',
                                  'java.util.concurrent.CopyOnWriteArrayList',
                                  'org.apache.http.client.methods.CloseableHttpResponse',
                                  'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient',
                                  'org.apache.http.impl.client.HttpClientBuilder', 'org.apache.http.util.EntityUtils',
                                  'org.slf4j.MDC'] + ([] if v == 1 else ['org.apache.http.client.config.RequestConfig'])
                      for v in (0, 1, 2)})(SLACKWS), [
             (1, 'java-00-simple-slack-rtm-client-without-timeouts',
              'an edit builds the session\'s HTTP client without connect and read timeouts, so connect() hangs for '
              'good when rtm.start never answers', 'edit'),
             (2, 'java-00-simple-slack-event-mdc-not-removed-in-finally',
              'an edit removes the channel from the MDC after dispatching an event but outside a finally, so a '
              'listener that throws leaves it on the thread', 'edit'),
             (0, 'java-ok-00-simple-slack-rtm-client-with-timeouts',
              'clean: the fix builds the session\'s HTTP client with connect, pool and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: timestamps of an IoT link SDK (sdk-dslink-java), moved file
DSLINK = template('dslink-time-utils', r'''
/**
 * Formats and parses the timestamps DSA values carry. The wire format ends in a literal Z, so both directions use
 * UTC explicitly whatever the zone of the machine the link runs on.
 */
public final class TimeUtils {

    private static final Logger LOGGER = LoggerFactory.getLogger(TimeUtils.class);
    private static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private TimeUtils() {
    }

    public static String format(long millis) {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN); //@{1}TIME-01
02|        format.setTimeZone(UTC);
        return format.format(new Date(millis));
    }

    public static long parse(String time) {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN);
        format.setTimeZone(UTC);
        try {
            return format.parse(time).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Unparseable DSA timestamp: " + time, e);
        }
    }

    public static long alignToInterval(long millis, long intervalMillis, String requestedBy) {
        long aligned = millis - (millis % intervalMillis);
01|        LOGGER.debug("Aligned {} to {} for {}", millis, aligned, requestedBy);
2|        LOGGER.debug("Aligned " + format(millis) + " to " + format(aligned) + " for " + requestedBy); //@LOG-02
        return aligned;
    }
}
''')
_DS_NEW, _DS_OLD = 'org.dsa.iot.dslink.util.time', 'org.dsa.iot.dslink.util'
_DS = SLF4J + ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone']
cases_of(case, GH + 'IOT-DSA/sdk-dslink-java/pull/20', 'sdk/dslink/' + src(_DS_NEW, 'TimeUtils'),
         J(_DS_NEW, _DS)(DSLINK), [
             (1, 'java-00-dslink-moved-time-format-in-default-zone',
              'a move of TimeUtils into the time package also drops the UTC zone of the formatter, so the literal Z '
              'of the wire format stamps local time', 'rename'),
             (2, 'java-00-dslink-moved-align-debug-concatenated',
              'a move of TimeUtils into the time package also builds the alignment debug line by concatenation, '
              'formatting two dates for a line that is usually off', 'rename'),
             (0, 'java-ok-00-dslink-moved-time-utils',
              'clean: the move alone; timestamps are formatted and parsed in UTC', 'rename'),
         ], rename_from='sdk/dslink/' + src(_DS_OLD, 'TimeUtils'),
         rename_old=lambda t: t.replace('package %s;' % _DS_NEW, 'package %s;' % _DS_OLD))


# ---------------------------------------------------------------- LOG-01 / CONC-05: Telegram sender of a Graylog alert plugin (TelegramAlert), new file
TGSEND = template('telegram-alert-sender', r'''
/**
 * Sends alert messages to Telegram's Bot API. A failed send is retried with back-off. While Telegram keeps failing,
 * one warning is written when the failures start and one line when sending works again, with the number of failed
 * attempts, instead of an error for every attempt.
 */
public class TelegramSender {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
    private static final String API = "https://api.telegram.org/bot";
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String token;
    private int consecutiveFailures;

    public TelegramSender(String token) {
        this.token = token;
    }

    public synchronized boolean send(String chatId, String text) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + token + "/sendMessage"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(chatId, text)))
                .build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    recovered();
                    return true;
                }
                failed(attempt, "HTTP " + response.statusCode(), null);
            } catch (IOException e) {
                failed(attempt, e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!backOff(attempt)) {
                return false;
            }
        }
        return false;
    }

    private void failed(int attempt, String reason, Exception cause) {
        consecutiveFailures++;
02|        if (consecutiveFailures == 1) {
02|            LOG.warn("Sending to Telegram failed ({}); retrying, further failures are only counted", reason, cause);
02|        }
1|        LOG.error("Sending to Telegram failed on attempt {}: {}", attempt, reason, cause); //@LOG-01
    }

    private void recovered() {
        if (consecutiveFailures > 0) {
            LOG.info("Sending to Telegram works again after {} failed attempts", consecutiveFailures);
            consecutiveFailures = 0;
        }
    }

    private boolean backOff(int attempt) {
        try {
            Thread.sleep(Math.min(30_000L, 500L << attempt));
            return true;
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String body(String chatId, String text) {
        return "{\"chat_id\":\"" + escape(chatId) + "\",\"text\":\"" + escape(text) + "\",\"parse_mode\":\"HTML\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
''')
_TG_PKG = 'de.irgendwr.telegramalert'
cases_of(case, GH + 'irgendwr/TelegramAlert/issues/1', src(_TG_PKG, 'TelegramSender'),
         J(_TG_PKG, SLF4J + ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient',
                             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'])(TGSEND), [
             (1, 'java-00-telegram-alert-sender-logs-every-failed-attempt',
              'a new Telegram sender logs an error with its stack trace for every failed attempt, so a Telegram '
              'outage fills the Graylog log with thousands of lines', 'new'),
             (2, 'java-00-telegram-alert-sender-backoff-interrupt-lost',
              'a new Telegram sender swallows the interrupt of its retry back-off, so Graylog cannot stop an alert '
              'that is retrying', 'new'),
             (0, 'java-ok-00-telegram-alert-sender',
              'clean: a new Telegram sender that reports an outage once and restores the interrupt of its back-off',
              'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: time sync of a smartwatch driver (Gadgetbridge), CRLF file
ZETIME = template('gadgetbridge-zetime-set-time', r'''
public class ZeTimeDeviceSupport extends AbstractBTLEDeviceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ZeTimeDeviceSupport.class);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private BluetoothGattCharacteristic writeCharacteristic;

    public ZeTimeDeviceSupport() {
        super(LOG);
        addSupportedService(ZeTimeConstants.ZETIME_SERVICE_UUID);
    }

    @Override
    public void onSetTime() {
        try {
            TransactionBuilder builder = performInitialized("setTime");
            setLocalTime(builder);
            builder.queue(getQueue());
        } catch (IOException e) { //@{2}ERR-01
01|            GB.toast(getContext(), "Error setting the time: " + e.getLocalizedMessage(), Toast.LENGTH_LONG, GB.ERROR, e);
2|            // the watch is synced again on the next connection
        }
    }

    /**
     * The watch keeps wall-clock time: it wants the local date and time fields and the zone's current offset
     * (daylight saving included) in quarter hours. The fields are read from a UTC calendar set to the local wall time,
     * so neither the phone's zone nor a DST change shifts them twice.
     */
    private void setLocalTime(TransactionBuilder builder) {
        long now = System.currentTimeMillis();
        TimeZone zone = TimeZone.getDefault();
        int offsetMillis = zone.getOffset(now);
02|        Calendar wallClock = Calendar.getInstance(UTC);
1|        Calendar wallClock = Calendar.getInstance(); //@TIME-01
        wallClock.setTimeInMillis(now + offsetMillis);

        byte[] command = {
                ZeTimeConstants.CMD_PREAMBLE,
                ZeTimeConstants.CMD_DATE_TIME,
                ZeTimeConstants.CMD_SEND,
                0x0c,
                0x00,
                (byte) (wallClock.get(Calendar.YEAR) & 0xff),
                (byte) (wallClock.get(Calendar.YEAR) >> 8),
                (byte) (wallClock.get(Calendar.MONTH) + 1),
                (byte) wallClock.get(Calendar.DAY_OF_MONTH),
                (byte) wallClock.get(Calendar.HOUR_OF_DAY),
                (byte) wallClock.get(Calendar.MINUTE),
                (byte) wallClock.get(Calendar.SECOND),
                (byte) (offsetMillis / (15 * 60 * 1000)),
                ZeTimeConstants.CMD_END
        };
        builder.write(writeCharacteristic, command);
    }
}
''')
_ZT_PKG = 'nodomain.freeyourgadget.gadgetbridge.service.devices.zetime'
_ZT = SLF4J + ['android.bluetooth.BluetoothGattCharacteristic', 'android.widget.Toast', 'java.io.IOException',
               'java.util.Calendar', 'java.util.TimeZone',
               'nodomain.freeyourgadget.gadgetbridge.service.btle.AbstractBTLEDeviceSupport',
               'nodomain.freeyourgadget.gadgetbridge.service.btle.TransactionBuilder',
               'nodomain.freeyourgadget.gadgetbridge.util.GB']
cases_of(case, GH + 'Freeyourgadget/Gadgetbridge/pull/1555', 'app/' + src(_ZT_PKG, 'ZeTimeDeviceSupport'),
         JV(_ZT_PKG, {0: _ZT, 1: _ZT, 2: [i for i in _ZT if i not in ('android.widget.Toast', 'nodomain.freeyourgadget.gadgetbridge.util.GB')]})(ZETIME), [
             (1, 'java-00-gadgetbridge-zetime-wall-clock-in-default-zone',
              'an edit reads the watch\'s wall-clock fields from a calendar in the phone\'s zone after adding the '
              'zone\'s offset, shifting the watch by the offset twice', 'edit'),
             (2, 'java-00-gadgetbridge-zetime-set-time-failure-dropped',
              'an edit drops the failure to send the time to the watch without a trace', 'edit'),
             (0, 'java-ok-00-gadgetbridge-zetime-wall-clock-in-utc-calendar',
              'clean: the fix reads the wall-clock fields from a UTC calendar set to the local time', 'fix'),
         ], crlf=True)
