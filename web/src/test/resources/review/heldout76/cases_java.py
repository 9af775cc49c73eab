"""Round-76 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-07 / LOG-01: task polling of a workflow client (orkes-conductor-client)
ORKES = template('orkes-task-runner-configurer', r'''
/** Starts one polling schedule per registered worker and stops them on shutdown. */
public class TaskRunnerConfigurer {
    private static final Logger LOGGER = LoggerFactory.getLogger(TaskRunnerConfigurer.class);

    private final List<Worker> workers;
    private final TaskPollExecutor taskPollExecutor;
    private final ScheduledExecutorService scheduler;
    private final int initialDelayMillis;

    public TaskRunnerConfigurer(List<Worker> workers, TaskPollExecutor taskPollExecutor, int initialDelayMillis) {
        this.workers = workers;
        this.taskPollExecutor = taskPollExecutor;
        this.initialDelayMillis = initialDelayMillis;
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, workers.size()));
    }

    public void init() {
        for (Worker worker : workers) {
02|            scheduler.scheduleWithFixedDelay(() -> pollSafely(worker), initialDelayMillis,
1|            scheduler.scheduleWithFixedDelay(() -> taskPollExecutor.pollAndExecute(worker), initialDelayMillis, //@CONC-07
                    worker.getPollingInterval(), TimeUnit.MILLISECONDS);
        }
        LOGGER.info("Started polling for {} task types", workers.size());
    }
02|
02|    private void pollSafely(Worker worker) {
0|        LOGGER.debug("Polling for tasks of type {}", worker.getTaskDefName());
2|        LOGGER.info("Polling for tasks of type {}", worker.getTaskDefName()); //@LOG-01
02|        try {
02|            taskPollExecutor.pollAndExecute(worker);
02|        } catch (Throwable t) {
02|            LOGGER.error("Polling for task type {} failed; polling again on the next tick", worker.getTaskDefName(), t);
02|        }
02|    }

    public void shutdown() {
        scheduler.shutdown();
        taskPollExecutor.shutdown();
    }
}
''')
cases_of(case, GH + 'orkes-io/orkes-conductor-client/pull/56',
         src('io.orkes.conductor.client.automator', 'TaskRunnerConfigurer'),
         J('io.orkes.conductor.client.automator', SLF4J + [
             'com.netflix.conductor.client.worker.Worker', 'java.util.List', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'])(ORKES), [
             (1, 'java-00-orkes-task-polling-dies-on-first-failure',
              'an edit schedules each worker\'s poll without the catch-all wrapper, so the first poll that throws '
              '(a server timeout, a bad payload) silently stops that task type for good', 'edit'),
             (2, 'java-00-orkes-task-polling-logged-at-info',
              'an edit logs every poll of every task type at info level, so an idle worker writes several lines a '
              'second to the default log', 'edit'),
             (0, 'java-ok-00-orkes-task-polling-survives-failures',
              'clean: the fix polls through a wrapper that catches and logs every failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: Kafka outbound adapter (spring-integration-kafka)
SIKAFKA = template('spring-integration-kafka-producer-handler', r'''
public class KafkaProducerMessageHandler extends AbstractMessageHandler {
    private static final Logger logger = LoggerFactory.getLogger(KafkaProducerMessageHandler.class);

    private final KafkaProducerContext kafkaProducerContext;
    private long sendTimeoutMillis = 10_000;

    public KafkaProducerMessageHandler(KafkaProducerContext kafkaProducerContext) {
        this.kafkaProducerContext = kafkaProducerContext;
    }

    public void setSendTimeoutMillis(long sendTimeoutMillis) {
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) throws Exception {
        String topic = resolveTopic(message);
        Integer partitionId = message.getHeaders().get(KafkaHeaders.PARTITION_ID, Integer.class);
        Object messageKey = message.getHeaders().get(KafkaHeaders.MESSAGE_KEY);
01|        logger.debug("Sending message {} to topic {}", message.getHeaders().getId(), topic);
2|        logger.debug("Sending message " + message.getHeaders().getId() + " to topic " + topic); //@LOG-02
02|        Future<RecordMetadata> future =
02|                this.kafkaProducerContext.send(topic, partitionId, messageKey, message.getPayload());
02|        try {
02|            future.get(this.sendTimeoutMillis, TimeUnit.MILLISECONDS);
02|        } catch (ExecutionException e) {
02|            throw new MessageHandlingException(message, "Kafka rejected the message for topic " + topic, e.getCause());
02|        }
1|        this.kafkaProducerContext.send(topic, partitionId, messageKey, message.getPayload()); //@CONC-06
    }

    private String resolveTopic(Message<?> message) {
        String topic = message.getHeaders().get(KafkaHeaders.TOPIC, String.class);
        if (topic == null) {
            throw new MessageHandlingException(message, "No topic header on the message");
        }
        return topic;
    }
}
''')
cases_of(case, GH + 'spring-attic/spring-integration-kafka/issues/62',
         src('org.springframework.integration.kafka.outbound', 'KafkaProducerMessageHandler'),
         J('org.springframework.integration.kafka.outbound', SLF4J + [
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
             'org.apache.kafka.clients.producer.RecordMetadata',
             'org.springframework.integration.handler.AbstractMessageHandler',
             'org.springframework.integration.kafka.support.KafkaHeaders',
             'org.springframework.integration.kafka.support.KafkaProducerContext',
             'org.springframework.messaging.Message', 'org.springframework.messaging.MessageHandlingException'])(SIKAFKA), [
             (1, 'java-00-spring-integration-kafka-send-future-dropped',
              'an edit drops the future of the Kafka send, so a record the producer fails to deliver is reported '
              'as handled and silently lost', 'edit'),
             (2, 'java-00-spring-integration-kafka-debug-log-concatenated',
              'an edit builds the per-message debug line by concatenation, so every sent message pays for the '
              'string even with debug logging off', 'edit'),
             (0, 'java-ok-00-spring-integration-kafka-send-future-checked',
              'clean: the fix waits for the send\'s result and reports a rejected record', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: message sending of a generic JMS resource adapter (generic-jms-ra), CRLF
JMSRA = template('generic-jms-ra-session-send', r'''
/** Sends messages for a pooled session; producers are per call because the pool keeps the session open. */
public class JmsSessionSender {
    private static final Logger log = Logger.getLogger(JmsSessionSender.class.getName());

    private final JmsSession managedSession;
    private final int deliveryMode;
    private final int priority;
    private final long timeToLive;

    public JmsSessionSender(JmsSession managedSession, int deliveryMode, int priority, long timeToLive) {
        this.managedSession = managedSession;
        this.deliveryMode = deliveryMode;
        this.priority = priority;
        this.timeToLive = timeToLive;
    }

    public void send(Destination destination, Message message) throws JMSException {
        Session session = managedSession.getSession();
0|        try (MessageProducer producer = session.createProducer(destination)) {
0|            producer.send(message, deliveryMode, priority, timeToLive);
0|        }
1|        MessageProducer producer = session.createProducer(destination); //@RES-01
1|        producer.send(message, deliveryMode, priority, timeToLive);
2|        MessageProducer producer = session.createProducer(destination);
2|        try {
2|            producer.send(message, deliveryMode, priority, timeToLive);
2|        } finally {
2|            try {
2|                producer.close();
2|            } catch (JMSException e) { //@ERR-01
2|            }
2|        }
        log.log(Level.FINEST, "sent message to {0}", destination);
    }
}
''')
cases_of(case, GH + 'jms-ra/generic-jms-ra/pull/34', src('org.jboss.resource.adapter.jms', 'JmsSessionSender'),
         J('org.jboss.resource.adapter.jms', [
             'java.util.logging.Level', 'java.util.logging.Logger', 'javax.jms.Destination', 'javax.jms.JMSException',
             'javax.jms.Message', 'javax.jms.MessageProducer', 'javax.jms.Session'])(JMSRA), [
             (1, 'java-00-generic-jms-ra-producer-never-closed',
              'an edit creates the message producer without closing it, so a pooled session that is never closed '
              'collects one open producer per sent message on the broker', 'edit'),
             (2, 'java-00-generic-jms-ra-producer-close-failure-swallowed',
              'an edit closes the producer in a finally whose catch drops the close failure without a trace', 'edit'),
             (0, 'java-ok-00-generic-jms-ra-producer-closed',
              'clean: the fix closes the producer with try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / RES-01: RabbitMQ event listener of an identity server (keycloak-event-listener-rabbitmq)
KCRABBIT = template('keycloak-rabbitmq-publish', r'''
public class RabbitMqEventListenerProvider implements EventListenerProvider {
    private static final Logger log = Logger.getLogger(RabbitMqEventListenerProvider.class);

    private final RabbitMqConfig cfg;
    private final ConnectionFactory factory;
    private final Connection connection;

    public RabbitMqEventListenerProvider(RabbitMqConfig cfg, ConnectionFactory factory, Connection connection) {
        this.cfg = cfg;
        this.factory = factory;
        this.connection = connection;
    }

    @Override
    public void onEvent(Event event) {
        EventClientNotificationMqMsg msg = EventClientNotificationMqMsg.create(event);
        String routingKey = RabbitMqConfig.calculateRoutingKey(event);
        publishNotification(RabbitMqConfig.writeAsJson(msg, true), cfg.getMessageProps(event.getClientId()), routingKey);
    }

    private void publishNotification(String messageString, BasicProperties props, String routingKey) {
0|        try (Channel channel = connection.createChannel()) {
1|        try (Connection conn = factory.newConnection(); //@RES-04
1|                Channel channel = conn.createChannel()) {
2|        try {
2|            Channel channel = connection.createChannel(); //@RES-01
            channel.basicPublish(cfg.getExchange(), routingKey, props, messageString.getBytes(StandardCharsets.UTF_8));
            log.tracef("keycloak-to-rabbitmq event published to %s", routingKey);
01|        } catch (IOException | TimeoutException e) {
2|        } catch (IOException e) {
            log.errorf(e, "keycloak-to-rabbitmq could not publish event to %s", routingKey);
        }
    }

    @Override
    public void close() {
    }
}
''')
cases_of(case, GH + 'aznamier/keycloak-event-listener-rabbitmq/pull/27',
         src('com.github.aznamier.keycloak.event.provider', 'RabbitMqEventListenerProvider'),
         JV('com.github.aznamier.keycloak.event.provider', {
             v: ['com.rabbitmq.client.AMQP.BasicProperties', 'com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection',
                 'com.rabbitmq.client.ConnectionFactory', 'java.io.IOException', 'java.nio.charset.StandardCharsets',
                 'org.jboss.logging.Logger', 'org.keycloak.events.Event', 'org.keycloak.events.EventListenerProvider']
                + ([] if v == 2 else ['java.util.concurrent.TimeoutException']) for v in (0, 1, 2)})(KCRABBIT), [
             (1, 'java-00-keycloak-rabbitmq-connection-per-event',
              'an edit opens a new broker connection for every login event instead of using the provider\'s shared '
              'one, so a busy realm floods RabbitMQ with short-lived connections', 'edit'),
             (2, 'java-00-keycloak-rabbitmq-channel-never-closed',
              'an edit opens a channel on the shared connection for every event and never closes it, so the '
              'connection reaches its channel limit', 'edit'),
             (0, 'java-ok-00-keycloak-rabbitmq-shared-connection',
              'clean: the fix publishes on a channel of the shared connection, closed after each event', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: append of a PostgreSQL event store (sliceworkz/eventstore)
EVENTSTORE = template('sliceworkz-eventstore-append', r'''
public class PostgresEventStorage implements EventStorage {
    private static final String INSERT_EVENT =
            "INSERT INTO events (stream, position, type, data, tags, recorded_at) VALUES (?, ?, ?, ?::jsonb, ?, now())";

    private final DataSource dataSource;

    public PostgresEventStorage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(String stream, long expectedPosition, List<StoredEvent> events) {
01|        try (Connection conn = dataSource.getConnection()) {
2|        try {
2|            Connection conn = dataSource.getConnection(); //@RES-01
            try {
                conn.setAutoCommit(false);
                checkExpectedPosition(conn, stream, expectedPosition);
                insertEvents(conn, stream, expectedPosition, events); //@{1}TX-01
                conn.commit();
            } catch (SQLException | RuntimeException e) {
02|                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not append " + events.size() + " events to " + stream, e);
        }
    }

    private void insertEvents(Connection conn, String stream, long position, List<StoredEvent> events) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT_EVENT)) {
            long next = position;
            for (StoredEvent event : events) {
                ps.setString(1, stream);
                ps.setLong(2, ++next);
                ps.setString(3, event.type());
                ps.setString(4, event.json());
                ps.setArray(5, conn.createArrayOf("text", event.tags().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
''')
cases_of(case, GH + 'sliceworkz/eventstore/pull/53', src('org.sliceworkz.eventstore.postgres', 'PostgresEventStorage'),
         J('org.sliceworkz.eventstore.postgres', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List',
             'javax.sql.DataSource'])(EVENTSTORE), [
             (1, 'java-00-sliceworkz-eventstore-append-not-rolled-back',
              'an edit drops the rollback of a failed append, so a conflicting or broken batch returns its '
              'connection to the pool with the transaction still open', 'edit'),
             (2, 'java-00-sliceworkz-eventstore-append-connection-never-closed',
              'an edit takes the connection out of try-with-resources and never closes it, so every append keeps a '
              'pooled connection until the pool is exhausted', 'edit'),
             (0, 'java-ok-00-sliceworkz-eventstore-append-rolled-back',
              'clean: the fix rolls a failed append back before rethrowing', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: stream load of a Flink sink connector (doris-flink-connector)
DORIS = template('doris-flink-stream-load', r'''
/** Sends the buffered rows of one checkpoint to Doris through the HTTP stream-load API. */
public class DorisStreamLoad implements Serializable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DorisStreamLoad.class);

    private final String loadUrl;
    private final String authHeader;
    private final int connectTimeoutMs;
    private final int socketTimeoutMs;
02|    private transient CloseableHttpClient httpClient;

    public DorisStreamLoad(String loadUrl, String authHeader, int connectTimeoutMs, int socketTimeoutMs) {
        this.loadUrl = loadUrl;
        this.authHeader = authHeader;
        this.connectTimeoutMs = connectTimeoutMs;
        this.socketTimeoutMs = socketTimeoutMs;
02|        this.httpClient = buildClient(connectTimeoutMs, socketTimeoutMs);
    }

    static CloseableHttpClient buildClient(int connectTimeoutMs, int socketTimeoutMs) {
        RequestConfig config = RequestConfig.custom() //@{2}TMO-01
01|                .setConnectTimeout(connectTimeoutMs)
01|                .setSocketTimeout(socketTimeoutMs)
                .setRedirectsEnabled(true)
                .build();
        return HttpClients.custom()
                .setDefaultRequestConfig(config)
                .setRedirectStrategy(new DefaultRedirectStrategy() {
                    @Override
                    protected boolean isRedirectable(String method) {
                        return true;
                    }
                })
                .build();
    }

    public String flush(String label, byte[] rows) throws IOException {
        HttpPut put = new HttpPut(loadUrl);
        put.setHeader(HttpHeaders.AUTHORIZATION, authHeader);
        put.setHeader("label", label);
        put.setHeader(HttpHeaders.EXPECT, "100-continue");
        put.setEntity(new ByteArrayEntity(rows));
02|        try (CloseableHttpResponse response = httpClient.execute(put)) {
1|        try (CloseableHttpClient client = buildClient(connectTimeoutMs, socketTimeoutMs); //@RES-04
1|                CloseableHttpResponse response = client.execute(put)) {
            String body = EntityUtils.toString(response.getEntity());
            LOG.info("Stream load {} answered {}", label, response.getStatusLine().getStatusCode());
            return body;
        }
    }

    @Override
    public void close() throws IOException {
02|        httpClient.close();
    }
}
''')
cases_of(case, GH + 'apache/doris-flink-connector/pull/399', src('org.apache.doris.flink.sink.writer', 'DorisStreamLoad'),
         J('org.apache.doris.flink.sink.writer', SLF4J + [
             'java.io.IOException', 'java.io.Serializable', 'org.apache.http.HttpHeaders',
             'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpPut', 'org.apache.http.entity.ByteArrayEntity',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.DefaultRedirectStrategy',
             'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils'])(DORIS), [
             (1, 'java-00-doris-flink-stream-load-client-per-flush',
              'an edit builds a new HTTP client for every flush instead of the writer\'s own, so each checkpoint '
              'opens fresh connections to the frontend and none is reused', 'edit'),
             (2, 'java-00-doris-flink-stream-load-without-timeouts',
              'an edit drops the connect and socket timeouts of the stream-load client, so a backend that stops '
              'answering hangs the sink and with it the checkpoint', 'edit'),
             (0, 'java-ok-00-doris-flink-stream-load-shared-client',
              'clean: the fix builds the client once per writer and closes it with the writer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: message correlation of a workflow engine's streaming bridge (camunda-message-streaming), new file
CAMUNDAMS = template('camunda-message-streaming-correlator', r'''
/** Correlates a message from the stream with the start event of the latest process definition that accepts it. */
public class StartMessageCorrelator {
    private static final Logger log = LoggerFactory.getLogger(StartMessageCorrelator.class);
    static final String MDC_MESSAGE_TYPE = "messageType";
    static final String MDC_PROCESS_KEY = "processDefinitionKey";

    private final RuntimeService runtimeService;
    private final ProcessDefinitionLookup lookup;

    public StartMessageCorrelator(RuntimeService runtimeService, ProcessDefinitionLookup lookup) {
        this.runtimeService = runtimeService;
        this.lookup = lookup;
    }

    public MessageCorrelationResult correlate(GenericMessage message) {
        ProcessDefinition definition = lookup.latestFor(message.getMessageType());
        MDC.put(MDC_MESSAGE_TYPE, message.getMessageType()); //@{1}CONC-04
        MDC.put(MDC_PROCESS_KEY, definition.getKey());
01|        log.debug("Correlating message {} with process {}", message.getMessageType(), definition.getKey());
2|        log.debug("Correlating message " + message.getMessageType() + " with process " + definition.getKey()); //@LOG-02
02|        try {
02|            return runtimeService.createMessageCorrelation(message.getMessageType())
02|                    .processDefinitionId(definition.getId())
02|                    .setVariables(message.getVariables())
02|                    .correlateStartMessage();
02|        } finally {
02|            MDC.remove(MDC_MESSAGE_TYPE);
02|            MDC.remove(MDC_PROCESS_KEY);
02|        }
1|        MessageCorrelationResult result = runtimeService.createMessageCorrelation(message.getMessageType())
1|                .processDefinitionId(definition.getId())
1|                .setVariables(message.getVariables())
1|                .correlateStartMessage();
1|        MDC.remove(MDC_MESSAGE_TYPE);
1|        MDC.remove(MDC_PROCESS_KEY);
1|        return result;
    }
}
''')
cases_of(case, GH + 'UltimateSoftware/camunda-message-streaming/pull/96',
         src('com.ultimatesoftware.workflow.messaging.correlation', 'StartMessageCorrelator'),
         J('com.ultimatesoftware.workflow.messaging.correlation', SLF4J + [
             'com.ultimatesoftware.workflow.messaging.GenericMessage', 'org.camunda.bpm.engine.RuntimeService',
             'org.camunda.bpm.engine.repository.ProcessDefinition',
             'org.camunda.bpm.engine.runtime.MessageCorrelationResult', 'org.slf4j.MDC'])(CAMUNDAMS), [
             (1, 'java-00-camunda-message-streaming-new-correlator-mdc-not-cleared',
              'a new correlator clears its MDC fields only after a successful correlation, so a failing message '
              'leaves its type and process key on the consumer thread for every later log line', 'new'),
             (2, 'java-00-camunda-message-streaming-new-correlator-debug-log-concatenated',
              'a new correlator builds its per-message debug line by concatenation, paid on every message with '
              'debug logging off', 'new'),
             (0, 'java-ok-00-camunda-message-streaming-new-correlator',
              'clean: a new correlator that clears its MDC fields in a finally and logs with parameters', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: notice sender of an error notifier (airbrake-java)
AIRBRAKE = template('airbrake-notifier-send', r'''
public class AirbrakeNotifier {
    private final String url;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public AirbrakeNotifier(String url, int connectTimeoutMillis, int readTimeoutMillis) {
        this.url = url;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    private HttpURLConnection createConnection() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(connectTimeoutMillis);
02|        connection.setReadTimeout(readTimeoutMillis);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-type", "text/xml");
        connection.setRequestProperty("Accept", "text/xml, application/xml");
        return connection;
    }

    /** Posts the notice and returns the HTTP status, or -1 when the notice could not be sent. */
    public int notify(AirbrakeNotice notice) {
        try {
            HttpURLConnection connection = createConnection();
01|            try (OutputStreamWriter writer =
01|                    new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8)) {
01|                writer.write(new NoticeXml(notice).toString());
01|            }
2|            OutputStreamWriter writer = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8); //@RES-01
2|            writer.write(new NoticeXml(notice).toString());
2|            writer.flush();
            return connection.getResponseCode();
        } catch (IOException e) {
            System.err.println("airbrake: could not send notice: " + e.getMessage());
            return -1;
        }
    }
}
''')
cases_of(case, GH + 'airbrake/airbrake-java/pull/31', src('airbrake', 'AirbrakeNotifier'),
         J('airbrake', ['java.io.IOException', 'java.io.OutputStreamWriter', 'java.net.HttpURLConnection', 'java.net.URL',
                        'java.nio.charset.StandardCharsets'])(AIRBRAKE), [
             (1, 'java-00-airbrake-notifier-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the notice connection, so an unreachable collector '
              'blocks the thread that reports the error', 'edit'),
             (2, 'java-00-airbrake-notifier-writer-never-closed',
              'an edit writes the notice through a writer it never closes, so every sent notice leaves the '
              'request stream open', 'edit'),
             (0, 'java-ok-00-airbrake-notifier-connection-bounded',
              'clean: the fix sets the connect and read timeouts of the notice connection', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: job parameter parsing of a batch job runner (spring-batch-lightmin), renamed file
LIGHTMIN = template('spring-batch-lightmin-parameter-parser', r'''
/** Parses the job parameters typed into the scheduling form, in the server's configured zone. */
public final class JobParameterParser {
    static final String DATE_FORMAT = "yyyy/MM/dd HH:mm:ss:SSS";

    private final TimeZone zone;

    public JobParameterParser(TimeZone zone) {
        this.zone = zone;
    }

    public JobParameters parse(Map<String, String> values) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().endsWith("(Date)")) {
                builder.addDate(entry.getKey().replace("(Date)", ""), parseDate(entry.getValue()));
            } else {
                builder.addString(entry.getKey(), entry.getValue());
            }
        }
        return builder.toJobParameters();
    }

    Date parseDate(String value) {
        SimpleDateFormat format = new SimpleDateFormat(DATE_FORMAT); //@{1}TIME-01
02|        format.setTimeZone(zone);
        format.setLenient(false);
        try {
            return format.parse(value);
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("Job parameter " + value + " is not a date of the form " + DATE_FORMAT, e);
2|            return null;
        }
    }
}
''')
cases_of(case, GH + 'tuxdevelop/spring-batch-lightmin/issues/14',
         src('org.tuxdevelop.spring.batch.lightmin.util', 'JobParameterParser'),
         J('org.tuxdevelop.spring.batch.lightmin.util', [
             'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Map',
             'java.util.TimeZone', 'org.springframework.batch.core.JobParameters',
             'org.springframework.batch.core.JobParametersBuilder'])(LIGHTMIN), [
             (1, 'java-00-spring-batch-lightmin-renamed-parser-in-server-zone',
              'a PR renames the parameter parser and drops the configured zone from date parsing, so a job '
              'scheduled from a browser in another zone runs with parameters hours off', 'rename'),
             (2, 'java-00-spring-batch-lightmin-renamed-parser-swallows-bad-date',
              'a PR renames the parameter parser and answers an unparsable date with null, so the job starts with '
              'a missing date parameter instead of the form reporting the typo', 'rename'),
             (0, 'java-ok-00-spring-batch-lightmin-renamed-parser',
              'clean: the rename alone; dates are parsed in the configured zone and a bad one is reported', 'rename'),
         ], rename_from='src/main/java/org/tuxdevelop/spring/batch/lightmin/util/ParameterParser.java',
         rename_old=lambda t: t.replace('JobParameterParser', 'ParameterParser'))


# ---------------------------------------------------------------- CONC-06 / CONC-05: Kafka producer client of a stream-processing toolkit (streamsx.messaging)
STREAMSX = template('streamsx-kafka-producer-client', r'''
public class KafkaProducerClient {
    private static final Logger logger = LoggerFactory.getLogger(KafkaProducerClient.class);

    private final KafkaProducer<String, String> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final AtomicLong failedSends = new AtomicLong();

    public KafkaProducerClient(Properties props) {
        this.producer = new KafkaProducer<>(props);
    }

    public void send(String topic, String key, String message) {
02|        sender.execute(() -> producer.send(new ProducerRecord<>(topic, key, message), this::onCompletion));
1|        sender.execute(() -> producer.send(new ProducerRecord<>(topic, key, message))); //@CONC-06
    }

02|    private void onCompletion(RecordMetadata metadata, Exception e) {
02|        if (e != null) {
02|            failedSends.incrementAndGet();
02|            logger.error("Failed to send a tuple to Kafka", e);
02|        }
02|    }
02|
    public long getFailedSends() {
        return failedSends.get();
    }

    public void shutdown() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            sender.shutdownNow();
01|            Thread.currentThread().interrupt();
2|            logger.warn("Interrupted while draining the Kafka sender");
        }
        producer.close();
    }
}
''')
cases_of(case, GH + 'IBMStreams/streamsx.messaging/issues/247',
         src('com.ibm.streamsx.messaging.kafka', 'KafkaProducerClient'),
         JV('com.ibm.streamsx.messaging.kafka', {
             v: SLF4J + ['java.util.Properties', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                         'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong',
                         'org.apache.kafka.clients.producer.KafkaProducer',
                         'org.apache.kafka.clients.producer.ProducerRecord']
                + ([] if v == 1 else ['org.apache.kafka.clients.producer.RecordMetadata']) for v in (0, 1, 2)})(STREAMSX), [
             (1, 'java-00-streamsx-kafka-send-result-never-observed',
              'an edit sends each tuple without a callback and drops the send\'s future, so a record the broker '
              'rejects is lost without a count or a log line', 'edit'),
             (2, 'java-00-streamsx-kafka-shutdown-swallows-interrupt',
              'an edit catches the interrupt of the shutdown wait and only logs it, so the operator\'s thread loses '
              'its interrupt and the runtime cannot stop it promptly', 'edit'),
             (0, 'java-ok-00-streamsx-kafka-send-with-callback',
              'clean: the fix sends with a callback that counts and logs failed records', 'fix'),
         ])
