"""Round-91 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / RES-04: transcript publisher of a SIP-to-conference gateway (jigasi)
JIGASI = template('jigasi-remote-publisher', r'''
/**
 * Publishes every final transcript of a conference as JSON to the URLs configured for it. The HTTP client is shared
 * by all conferences of this gateway; its pool is small, so every response must be given back to it.
 */
public class RemotePublisherTranscriptionHandler
    extends LocalJsonTranscriptHandler
    implements TranscriptionEventListener
{
    private final static Logger logger = Logger.getLogger(RemotePublisherTranscriptionHandler.class.getName());

    private static final int TIMEOUT_MS = 10_000;

    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom()
        .setConnectTimeout(TIMEOUT_MS)
        .setConnectionRequestTimeout(TIMEOUT_MS)
        .setSocketTimeout(TIMEOUT_MS)
        .build();

01|    private final CloseableHttpClient httpClient = HttpClients.custom()
01|        .setDefaultRequestConfig(REQUEST_CONFIG)
01|        .setMaxConnTotal(20)
01|        .build();

    private final List<String> urls;

    public RemotePublisherTranscriptionHandler(List<String> urls)
    {
        this.urls = urls;
    }

    @Override
    public void publish(ChatRoom room, TranscriptionResult result)
    {
        if (result.isInterim())
        {
            return;
        }
        JSONObject json = createTranscriptionJSONObject(result);
        publishJson(room.getName(), json.toString());
    }

    private void publishJson(String roomName, String body)
    {
        for (String url : urls)
        {
            HttpPost post = new HttpPost(url);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
0|            try (CloseableHttpResponse response = httpClient.execute(post))
2|            try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(REQUEST_CONFIG).build(); //@RES-04
2|                CloseableHttpResponse response = client.execute(post))
02|            {
02|                int status = response.getStatusLine().getStatusCode();
02|                if (status / 100 != 2)
02|                {
02|                    logger.warning(() -> "Publishing transcript of " + roomName + " to " + url + " failed: " + status);
02|                }
02|                EntityUtils.consume(response.getEntity());
02|            }
1|            try
1|            {
1|                CloseableHttpResponse response = httpClient.execute(post); //@RES-02
1|                int status = response.getStatusLine().getStatusCode();
1|                if (status / 100 != 2)
1|                {
1|                    logger.warning(() -> "Publishing transcript of " + roomName + " to " + url + " failed: " + status);
1|                }
1|            }
            catch (IOException e)
            {
                logger.log(Level.WARNING, e, () -> "Could not publish transcript of " + roomName + " to " + url);
            }
        }
    }
}
''')
cases_of(case, GH + 'jitsi/jigasi/pull/163', src('org.jitsi.jigasi.transcription', 'RemotePublisherTranscriptionHandler'),
         JV('org.jitsi.jigasi.transcription', {
             v: ['java.io.IOException', 'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger',
                 'net.java.sip.communicator.service.protocol.ChatRoom', 'org.apache.http.client.config.RequestConfig',
                 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
                 'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
                 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
                 'org.json.simple.JSONObject'] + ([] if v == 1 else ['org.apache.http.util.EntityUtils'])
             for v in (0, 1, 2)})(JIGASI), [
             (1, 'java-00-jigasi-transcript-response-not-closed',
              'an edit no longer closes the response of each transcript post, so after twenty posts the shared '
              'client\'s pool is empty and every later transcript waits and fails', 'edit'),
             (2, 'java-00-jigasi-http-client-per-transcript',
              'an edit builds and closes an HTTP client for every transcript post, so each final result opens a new '
              'connection and TLS handshake to the publishing service', 'edit'),
             (0, 'java-ok-00-jigasi-transcript-response-closed',
              'clean: the fix closes each response with try-with-resources on the shared client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-01: receiver thread of an SMPP library (opensmpp)
OPENSMPP = template('opensmpp-receiver', r'''
/**
 * Reads PDUs from the SMSC connection on its own thread and hands them to the listener. The thread ends when the
 * session stops it or when it is interrupted; an interrupted receiver must leave the interrupt set so that the
 * session's unbind sees it.
 */
public class Receiver extends ReceiverBase {
    private static final Logger logger = LoggerFactory.getLogger(Receiver.class);
    private static final long QUEUE_WAIT_MS = 200;

    private final Connection connection;
    private final ServerPDUEventListener listener;
    private final AtomicLong received = new AtomicLong();

    public Receiver(Connection connection, ServerPDUEventListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    protected void receiveAsync() {
        try {
            PDU pdu = tryReceivePDU(connection, null);
            if (pdu == null) {
                Thread.sleep(QUEUE_WAIT_MS);
                return;
            }
            received.incrementAndGet();
2|            logger.info("Received {} with sequence number {}", pdu.getClass().getSimpleName(), pdu.getSequenceNumber()); //@LOG-01
            listener.handleEvent(new ServerPDUEvent(this, connection, pdu));
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
02|            stopProcessing(e);
1|            logger.debug("Receiver interrupted while waiting for a PDU");
        } catch (UnknownCommandIdException e) {
            logger.warn("Received a PDU with an unknown command id {}", e.getCommandId());
            sendGenericNack(e.getCommandId(), e.getSequenceNumber());
        } catch (IOException | PDUException e) {
            logger.error("Receiving from the SMSC failed, stopping the receiver", e);
            stopProcessing(e);
        }
    }

    public long getReceivedCount() {
        return received.get();
    }
}
''')
cases_of(case, GH + 'OpenSmpp/opensmpp/pull/13', src('org.smpp', 'Receiver'),
         J('org.smpp', SLF4J + ['java.io.IOException', 'java.util.concurrent.atomic.AtomicLong',
                                'org.smpp.pdu.PDU', 'org.smpp.pdu.PDUException',
                                'org.smpp.pdu.UnknownCommandIdException'])(OPENSMPP), [
             (1, 'java-00-opensmpp-receiver-swallows-interrupt',
              'an edit logs the receiver\'s interrupt at debug level and carries on, so the receiver thread of a '
              'session being unbound loops on and the application never shuts down cleanly', 'edit'),
             (2, 'java-00-opensmpp-receiver-logs-every-pdu',
              'an edit logs every received PDU at info level, so a gateway taking delivery receipts for a bulk '
              'campaign writes a line per message', 'edit'),
             (0, 'java-ok-00-opensmpp-receiver-keeps-interrupt',
              'clean: the fix restores the interrupt and stops the receiver', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-06: message persistence of an IM server (turms), renamed file
TURMS = template('turms-message-persister', r'''
/**
 * Persists the messages the gateway hands over and notifies the recipients' devices once a message is stored.
 */
@Service
public class MessagePersistenceService {

    private static final Logger LOGGER = LoggerFactory.getLogger(MessagePersistenceService.class);

    private final MessageRepository messageRepository;
    private final OfflineNotificationSender notificationSender;
    private final Executor notificationExecutor;

    public MessagePersistenceService(
            MessageRepository messageRepository,
            OfflineNotificationSender notificationSender,
            @Qualifier("notificationExecutor") Executor notificationExecutor) {
        this.messageRepository = messageRepository;
        this.notificationSender = notificationSender;
        this.notificationExecutor = notificationExecutor;
    }

    public Message persist(Message message, Set<Long> recipientIds) {
        Message saved = messageRepository.save(message);
02|        LOGGER.debug("Persisted the message {} for {} recipients", saved.getId(), recipientIds.size());
1|        LOGGER.debug("Persisted the message " + saved.getId() + " for " + recipientIds.size() //@LOG-02
1|                + " recipients: " + recipientIds);
        if (!recipientIds.isEmpty()) {
01|            CompletableFuture
01|                    .runAsync(() -> notificationSender.notifyOffline(saved, recipientIds), notificationExecutor)
01|                    .whenComplete((ignored, t) -> {
01|                        if (t != null) {
01|                            LOGGER.error("Failed to notify the offline recipients of the message {}", saved.getId(), t);
01|                        }
01|                    });
2|            CompletableFuture.runAsync(() -> notificationSender.notifyOffline(saved, recipientIds), notificationExecutor); //@CONC-06
        }
        return saved;
    }
}
''')
cases_of(case, GH + 'turms-im/turms/issues/876',
         'turms-service/' + src('im.turms.service.domain.message.service', 'MessagePersistenceService'),
         J('im.turms.service.domain.message.service', [
             'im.turms.server.common.infra.logging.core.logger.Logger',
             'im.turms.server.common.infra.logging.core.logger.LoggerFactory',
             'im.turms.service.domain.message.po.Message',
             'im.turms.service.domain.message.repository.MessageRepository',
             'im.turms.service.domain.notification.OfflineNotificationSender', 'java.util.Set',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor',
             'org.springframework.beans.factory.annotation.Qualifier', 'org.springframework.stereotype.Service'])(TURMS), [
             (1, 'java-00-turms-renamed-persister-debug-concatenated',
              'a PR moves the message persister to its own package and builds its debug line by concatenation with '
              'the whole recipient set, so every group message pays for that string with debug logging off',
              'rename'),
             (2, 'java-00-turms-renamed-persister-notification-future-dropped',
              'a PR moves the message persister to its own package and drops the future of the offline '
              'notification, so a failing push provider loses notifications without a trace', 'rename'),
             (0, 'java-ok-00-turms-renamed-persister',
              'clean: the move alone; the debug line is parameterised and notification failures are logged',
              'rename'),
         ], rename_from='turms-service/src/main/java/im/turms/service/domain/message/MessagePersistenceService.java',
         rename_old=lambda t: t.replace('package im.turms.service.domain.message.service;',
                                        'package im.turms.service.domain.message;'))


# ---------------------------------------------------------------- CONC-02 / CONC-01: message processing pool of an ICE library (ice4j)
ICE4J = template('ice4j-net-access-manager', r'''
/**
 * Manages the sockets of an ICE agent and hands every received STUN message to a processing thread, so that a slow
 * listener never blocks the socket's reader.
 */
public class NetAccessManager
{
    private static final Logger logger = Logger.getLogger(NetAccessManager.class.getName());

    private static final int CORE_THREADS = 4;
    private static final int MAX_THREADS = 16;
    private static final int QUEUE_CAPACITY = 1024;

    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();

    private final ExecutorService messageProcessingExecutor = createMessageProcessingExecutor();

    private final MessageEventHandler messageEventHandler;

    NetAccessManager(MessageEventHandler messageEventHandler)
    {
        this.messageEventHandler = messageEventHandler;
    }

    private static ExecutorService createMessageProcessingExecutor()
    {
        ThreadFactory threadFactory = runnable -> {
            Thread thread = new Thread(runnable, "ice4j.NetAccessManager-" + THREAD_COUNTER.incrementAndGet()); //@{2}CONC-01
            thread.setDaemon(true);
01|            thread.setUncaughtExceptionHandler((t, e) ->
01|                logger.log(Level.SEVERE, e, () -> "Uncaught exception in " + t.getName()));
            return thread;
        };
02|        return new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<>(QUEUE_CAPACITY), threadFactory, new ThreadPoolExecutor.CallerRunsPolicy());
1|        return Executors.newCachedThreadPool(threadFactory); //@CONC-02
    }

    void handleRawMessage(RawMessage message)
    {
        messageProcessingExecutor.execute(() -> {
            try
            {
                messageEventHandler.handleMessageEvent(new StunMessageEvent(message));
            }
            catch (RuntimeException e)
            {
                logger.log(Level.WARNING, e, () -> "Failed to process a message from " + message.getRemoteAddress());
            }
        });
    }

    public void stop()
    {
        messageProcessingExecutor.shutdownNow();
    }
}
''')
cases_of(case, GH + 'jitsi/ice4j/pull/171', src('org.ice4j.stack', 'NetAccessManager'),
         JV('org.ice4j.stack', {
             v: ['java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level', 'java.util.logging.Logger']
                + (['java.util.concurrent.Executors'] if v == 1 else
                   ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit'])
             for v in (0, 1, 2)})(ICE4J), [
             (1, 'java-00-ice4j-message-processing-pool-unbounded',
              'an edit replaces the bounded message-processing pool by a cached thread pool, so a flood of STUN '
              'binding requests starts a thread for each message that arrives while the others are busy', 'edit'),
             (2, 'java-00-ice4j-processing-thread-without-handler',
              'an edit builds the processing threads without an uncaught-exception handler, so an error thrown by a '
              'listener ends its thread with nothing in the agent\'s log', 'edit'),
             (0, 'java-ok-00-ice4j-message-processing-pool-bounded',
              'clean: the fix keeps the pool bounded with a caller-runs policy', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: session cleaner of a SIP servlet container (sip-servlets), CRLF
SIPSERVLETS = template('sip-servlets-session-cleaner', r'''
/**
 * Invalidates the SIP application sessions whose timers have expired. It runs every few seconds for the whole life of
 * the container, so one failing session must not end the schedule: a stopped cleaner leaks every later session.
 */
public class ExpiredSessionsCleaner {

    private static final Logger logger = Logger.getLogger(ExpiredSessionsCleaner.class);
    private static final long PERIOD_SECONDS = 5;

    private final SipManager sipManager;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;

    public ExpiredSessionsCleaner(SipManager sipManager, ScheduledExecutorService scheduler) {
        this.sipManager = sipManager;
        this.scheduler = scheduler;
    }

    public void start() {
02|        task = scheduler.scheduleWithFixedDelay(this::runCleanup, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
1|        task = scheduler.scheduleWithFixedDelay(this::cleanup, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

02|    private void runCleanup() {
02|        try {
02|            cleanup();
02|        } catch (Throwable t) {
02|            logger.error("Cleaning up expired SIP application sessions failed", t);
02|        }
02|    }
02|
    void cleanup() {
        long now = System.currentTimeMillis();
        for (MobicentsSipApplicationSession session : sipManager.getAllSipApplicationSessions()) {
            if (session.getExpirationTimeInternal() > now) {
                continue;
            }
            try {
                session.invalidate(true);
01|            } catch (IllegalStateException e) {
01|                if (logger.isDebugEnabled()) {
01|                    logger.debug("Session " + session.getId() + " was already invalidated", e);
01|                }
2|            } catch (IllegalStateException e) { //@ERR-01
            }
        }
    }
}
''')
cases_of(case, GH + 'RestComm/sip-servlets/issues/107',
         'sip-servlets-impl/' + src('org.mobicents.servlet.sip.core.session', 'ExpiredSessionsCleaner'),
         J('org.mobicents.servlet.sip.core.session', ['java.util.concurrent.ScheduledExecutorService',
                                                      'java.util.concurrent.ScheduledFuture',
                                                      'java.util.concurrent.TimeUnit', 'org.apache.log4j.Logger',
                                                      'org.mobicents.servlet.sip.core.SipManager'])(SIPSERVLETS), [
             (1, 'java-00-sip-servlets-cleanup-schedule-without-catch',
              'an edit schedules the expired-session cleanup without its catch-all wrapper, so the first session '
              'whose invalidation throws ends the schedule and no session expires again', 'edit'),
             (2, 'java-00-sip-servlets-cleanup-swallows-invalidate-failure',
              'an edit swallows the failure to invalidate an expired session with an empty catch, so sessions stuck '
              'in a bad state are retried every run with no trace of why', 'edit'),
             (0, 'java-ok-00-sip-servlets-cleanup-schedule-catches-all',
              'clean: the fix schedules the cleanup through a wrapper that catches everything', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / TX-01: message archive import of an XMPP client (xabber-android)
XABBER = template('xabber-archive-import', r'''
/**
 * Stores the messages a server returns from its message archive (XEP-0136). Their timestamps are XEP-0082 UTC
 * strings; the chat shows them in the device's zone.
 */
public class ArchiveImporter {

    private static final String STAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private final SQLiteOpenHelper databaseHelper;

    public ArchiveImporter(SQLiteOpenHelper databaseHelper) {
        this.databaseHelper = databaseHelper;
    }

    public int importChat(String account, String user, List<ArchivedMessage> messages) {
        SimpleDateFormat format = new SimpleDateFormat(STAMP_PATTERN, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));

        SQLiteDatabase db = databaseHelper.getWritableDatabase();
        int imported = 0;
        db.beginTransaction(); //@{2}TX-01
01|        try {
01|            for (ArchivedMessage message : messages) {
01|                if (insert(db, account, user, format, message)) {
01|                    imported++;
01|                }
01|            }
01|            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|        for (ArchivedMessage message : messages) {
2|            if (insert(db, account, user, format, message)) {
2|                imported++;
2|            }
2|        }
2|        db.setTransactionSuccessful();
2|        db.endTransaction();
        return imported;
    }

    private boolean insert(SQLiteDatabase db, String account, String user, SimpleDateFormat format,
            ArchivedMessage message) {
        Date timestamp;
        try {
            timestamp = format.parse(message.getStamp());
        } catch (ParseException e) {
            LogManager.w(this, "Skipping archived message with bad stamp " + message.getStamp());
            return false;
        }
        ContentValues values = new ContentValues();
        values.put(MessageTable.Fields.ACCOUNT, account);
        values.put(MessageTable.Fields.USER, user);
        values.put(MessageTable.Fields.TEXT, message.getBody());
        values.put(MessageTable.Fields.TIMESTAMP, timestamp.getTime());
        return db.insertWithOnConflict(MessageTable.NAME, null, values, SQLiteDatabase.CONFLICT_IGNORE) != -1;
    }
}
''')
cases_of(case, GH + 'redsolution/xabber-android/issues/241',
         'xabber/' + src('com.xabber.android.data.extension.archive', 'ArchiveImporter'),
         JV('com.xabber.android.data.extension.archive', {
             v: ['android.content.ContentValues', 'android.database.sqlite.SQLiteDatabase',
                 'android.database.sqlite.SQLiteOpenHelper'] + [] + ['com.xabber.android.data.log.LogManager',
                 'com.xabber.android.data.message.MessageTable', 'java.text.ParseException',
                 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.List', 'java.util.Locale']
                + ([] if v == 1 else ['java.util.TimeZone'])
             for v in (0, 1, 2)})(XABBER), [
             (1, 'java-00-xabber-archive-stamps-parsed-in-device-zone',
              'an edit parses the archive\'s UTC stamps in the device\'s zone, so every message fetched from the '
              'server\'s archive is shown hours off and sorted out of place among live messages', 'edit'),
             (2, 'java-00-xabber-archive-transaction-not-ended-on-failure',
              'an edit ends the archive import\'s transaction only after the loop, so an insert that throws leaves '
              'the transaction open and the database locked for the rest of the session', 'edit'),
             (0, 'java-ok-00-xabber-archive-stamps-parsed-in-utc',
              'clean: the fix parses the stamps in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TMO-01: webhook sender of a WebRTC platform (openvidu), new file
OPENVIDU = template('openvidu-webhook-sender', r'''
/**
 * Posts the server's session events to the application's webhook endpoint, one event at a time and in order, on a
 * single thread of its own. The session id of the event is put in the logging context so that the lines of a failed
 * delivery can be found next to the session's other lines; the thread is reused, so the key is removed after every
 * event.
 */
public class HttpWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);
    private static final int TIMEOUT_MS = 5000;

    private final String endpoint;
    private final List<Header> headers;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "openvidu-webhook");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("Webhook thread died", e));
        return thread;
    });
    private final CloseableHttpClient httpClient;

    public HttpWebhookSender(String endpoint, List<Header> headers) {
        this.endpoint = endpoint;
        this.headers = headers;
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(TIMEOUT_MS)
02|                .setConnectionRequestTimeout(TIMEOUT_MS)
02|                .setSocketTimeout(TIMEOUT_MS)
02|                .build();
02|        this.httpClient = HttpClients.custom().setDefaultRequestConfig(requestConfig).build();
1|        this.httpClient = HttpClients.createDefault(); //@TMO-01
    }

    public void sendEvent(String sessionId, JsonObject event) {
        executor.execute(() -> {
            MDC.put("sessionId", sessionId); //@{2}CONC-04
01|            try {
01|                post(event);
01|            } finally {
01|                MDC.remove("sessionId");
01|            }
2|            post(event);
        });
    }

    private void post(JsonObject event) {
        HttpPost request = new HttpPost(endpoint);
        headers.forEach(request::addHeader);
        request.setEntity(new StringEntity(event.toString(), ContentType.APPLICATION_JSON));
        try (CloseableHttpResponse response = httpClient.execute(request)) {
            int status = response.getStatusLine().getStatusCode();
            EntityUtils.consume(response.getEntity());
            if (status / 100 != 2) {
                log.warn("Webhook endpoint {} answered {} for event {}", endpoint, status, event.get("event"));
            }
        } catch (IOException e) {
            log.error("Could not send event {} to webhook endpoint {}", event.get("event"), endpoint, e);
        }
    }

    public void close() throws IOException {
        executor.shutdown();
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'OpenVidu/openvidu/issues/260',
         'openvidu-server/' + src('io.openvidu.server.webhook', 'HttpWebhookSender'),
         JV('io.openvidu.server.webhook', {
             v: SLF4J + ['com.google.gson.JsonObject', 'java.io.IOException', 'java.util.List',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'org.apache.http.Header',
                         'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
                         'org.apache.http.entity.ContentType', 'org.apache.http.entity.StringEntity',
                         'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
                         'org.apache.http.util.EntityUtils', 'org.slf4j.MDC']
                + ([] if v == 1 else ['org.apache.http.client.config.RequestConfig'])
             for v in (0, 1, 2)})(OPENVIDU), [
             (1, 'java-00-openvidu-new-webhook-client-without-timeouts',
              'a new webhook sender posts events on a default HTTP client, which has no connect or socket timeout, '
              'so one application endpoint that stops answering holds every later session event for ever', 'new'),
             (2, 'java-00-openvidu-new-webhook-mdc-not-removed',
              'a new webhook sender puts the event\'s session id in the logging context and never removes it, so '
              'the reused thread\'s lines carry the last session\'s id', 'new'),
             (0, 'java-ok-00-openvidu-new-webhook-sender',
              'clean: a new webhook sender with timeouts that removes the logging key after every event', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: CCS connection of an FCM XMPP server (fcmxmppserver)
FCMXMPP = template('fcmxmppserver-ccs-client', r'''
/**
 * Holds the XMPP connection to Firebase Cloud Messaging's connection server (CCS) and reconnects when it drops.
 */
public class CcsClient implements StanzaListener, ConnectionListener {

    private static final Logger logger = LoggerFactory.getLogger(CcsClient.class);

    private final String apiKey;
    private final String username;
    private final boolean debuggable;
    private XMPPTCPConnection xmppConn;

    public CcsClient(String projectId, String apiKey, boolean debuggable) {
        this.apiKey = apiKey;
        this.username = projectId + "@" + Util.FCM_SERVER_AUTH_CONNECTION;
        this.debuggable = debuggable;
    }

    public void connect() throws ConnectionException {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(Util.FCM_SERVER_AUTH_CONNECTION)
                .setHost(Util.FCM_SERVER)
                .setPort(Util.FCM_PORT)
                .setSendPresence(false)
                .setSocketFactory(SSLSocketFactory.getDefault())
                .setDebuggerEnabled(debuggable)
                .build();
        xmppConn = new XMPPTCPConnection(config);
        xmppConn.addAsyncStanzaListener(this, stanza -> stanza.hasExtension(Util.FCM_ELEMENT_NAME, Util.FCM_NAMESPACE));
        xmppConn.addConnectionListener(this);
        try {
            xmppConn.connect(); //@{1}RES-01
            xmppConn.login(username, apiKey);
        } catch (SmackException | IOException | XMPPException e) {
02|            xmppConn.disconnect();
            throw new ConnectionException("Could not connect to FCM CCS", e);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            xmppConn.disconnect();
01|            throw new ConnectionException("Interrupted while connecting to FCM CCS", e);
2|            logger.warn("Interrupted while connecting to FCM CCS, staying disconnected");
2|            return;
        }
        logger.info("Connected to FCM CCS as {}", username);
    }

    public void disconnect() {
        if (xmppConn != null && xmppConn.isConnected()) {
            xmppConn.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'carlosCharz/fcmxmppserver/pull/9', src('com.wedevol.xmpp.server', 'CcsClient'),
         J('com.wedevol.xmpp.server', SLF4J + ['com.wedevol.xmpp.exception.ConnectionException',
                                               'com.wedevol.xmpp.util.Util', 'java.io.IOException',
                                               'javax.net.ssl.SSLSocketFactory',
                                               'org.jivesoftware.smack.ConnectionListener',
                                               'org.jivesoftware.smack.SmackException',
                                               'org.jivesoftware.smack.StanzaListener',
                                               'org.jivesoftware.smack.XMPPException',
                                               'org.jivesoftware.smack.tcp.XMPPTCPConnection',
                                               'org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration'])(FCMXMPP), [
             (1, 'java-00-fcmxmppserver-connection-not-closed-on-login-failure',
              'an edit no longer disconnects the CCS connection when connecting or logging in fails, so every retry '
              'with a revoked server key leaves a TLS socket and its reader thread behind', 'edit'),
             (2, 'java-00-fcmxmppserver-connect-swallows-interrupt',
              'an edit logs an interrupt while connecting and returns as if connected, so the shutdown of the '
              'server that interrupted it loses the flag and the caller goes on sending on a dead connection',
              'edit'),
             (0, 'java-ok-00-fcmxmppserver-connection-closed-on-failure',
              'clean: the fix disconnects on every failed connect', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: reconnection manager of an XMPP library (Smack)
SMACK = template('smack-reconnection', r'''
/**
 * Reconnects the connections it manages after they close on error, with a growing delay. Attempts run on one shared
 * scheduler; a connection whose reconnect keeps failing must not stop the attempts of the others.
 */
public final class ScheduledReconnectionManager implements ConnectionListener {

    private static final Logger LOGGER = Logger.getLogger(ScheduledReconnectionManager.class.getName());
    private static final int BASE_DELAY_SECONDS = 5;
    private static final int MAX_DELAY_SECONDS = 300;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    new SmackExecutorThreadFactory(null, "Reconnection"));
    private final Map<AbstractXMPPConnection, Integer> attempts = new HashMap<>();
    private final Set<AbstractXMPPConnection> managed = ConcurrentHashMap.newKeySet();

    public void manage(AbstractXMPPConnection connection) {
        if (managed.add(connection)) {
            connection.addConnectionListener(this);
        }
    }

    public void start() {
02|        scheduler.scheduleWithFixedDelay(this::attemptAllSafely, BASE_DELAY_SECONDS, BASE_DELAY_SECONDS, TimeUnit.SECONDS);
1|        scheduler.scheduleWithFixedDelay(this::attemptAll, BASE_DELAY_SECONDS, BASE_DELAY_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

02|    private void attemptAllSafely() {
02|        try {
02|            attemptAll();
02|        } catch (RuntimeException e) {
02|            LOGGER.log(Level.WARNING, "Reconnection round failed", e);
02|        }
02|    }
02|
    private void attemptAll() {
        for (AbstractXMPPConnection connection : managed) {
            if (connection.isConnected() || !isDue(connection)) {
                continue;
            }
            try {
                connection.connect().login();
01|                synchronized (attempts) {
01|                    attempts.remove(connection);
01|                }
2|                attempts.remove(connection); //@CONC-03
            } catch (SmackException | IOException | XMPPException e) {
                LOGGER.log(Level.FINE, "Reconnection attempt failed", e);
01|                synchronized (attempts) {
01|                    attempts.merge(connection, 1, Integer::sum);
01|                }
2|                attempts.merge(connection, 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean isDue(AbstractXMPPConnection connection) {
        int failed;
        synchronized (attempts) {
            failed = attempts.getOrDefault(connection, 0);
        }
        long delay = Math.min(MAX_DELAY_SECONDS, (long) BASE_DELAY_SECONDS << Math.min(failed, 6));
        return connection.getLastStanzaReceived() + TimeUnit.SECONDS.toMillis(delay) < System.currentTimeMillis();
    }

    @Override
    public void connectionClosedOnError(Exception e) {
        LOGGER.log(Level.INFO, "Connection closed on error, will reconnect", e);
    }

    @Override
    public void connectionClosed() {
        // A connection the user closed is not reconnected, but it stays managed until it is connected again.
    }
}
''')
cases_of(case, GH + 'igniterealtime/Smack/pull/667', 'smack-core/' + src('org.jivesoftware.smack', 'ScheduledReconnectionManager'),
         J('org.jivesoftware.smack', ['java.io.IOException', 'java.util.HashMap', 'java.util.Map', 'java.util.Set',
                                      'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.Executors',
                                      'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                                      'java.util.logging.Level', 'java.util.logging.Logger',
                                      'org.jivesoftware.smack.util.SmackExecutorThreadFactory'])(SMACK), [
             (1, 'java-00-smack-reconnection-schedule-without-catch',
              'an edit schedules the reconnection rounds without their catch-all wrapper, so the first runtime '
              'exception of one connection\'s reconnect ends the attempts of every connection', 'edit'),
             (2, 'java-00-smack-reconnection-attempts-map-unsynchronized',
              'an edit updates the shared map of failed attempts without its lock while the due check reads it '
              'under the lock, so the counters of concurrent rounds are lost or corrupt the map', 'edit'),
             (0, 'java-ok-00-smack-reconnection-schedule-catches-all',
              'clean: the fix schedules the rounds through a wrapper that catches runtime exceptions', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: socket connect of an XMPP client (Conversations)
CONVERSATIONS = template('conversations-socket-connect', r'''
/**
 * Opens the TCP (or direct TLS) socket of an account: the SRV records of its domain are tried in order until one
 * connects. The error of the last one that failed is what the account's status shows.
 */
public class SocketConnector {

    private final Account account;

    public SocketConnector(Account account) {
        this.account = account;
    }

    public Socket connect(List<Resolver.Result> results) throws IOException {
        IOException lastException = null;
        for (Resolver.Result result : results) {
            Socket socket = new Socket();
            try {
02|                socket.connect(result.getSocketAddress(), Config.SOCKET_TIMEOUT * 1000);
1|                socket.connect(result.getSocketAddress()); //@TMO-01
                socket.setSoTimeout(Config.CONNECT_TIMEOUT * 1000);
                Log.d(Config.LOGTAG, account.getJid().asBareJid() + ": connected to " + result);
                return socket;
            } catch (IOException e) { //@{2}ERR-01
                FileBackend.close(socket);
01|                Log.d(Config.LOGTAG, account.getJid().asBareJid() + ": could not connect to " + result, e);
01|                lastException = e;
            }
        }
        if (lastException != null) {
            throw lastException;
        }
        throw new UnknownHostException("no usable address for " + account.getServer());
    }
}
''')
cases_of(case, GH + 'iNPUTmice/Conversations/issues/811',
         'src/main/java/eu/siacs/conversations/xmpp/SocketConnector.java',
         J('eu.siacs.conversations.xmpp', ['android.util.Log', 'eu.siacs.conversations.Config',
                                           'eu.siacs.conversations.entities.Account',
                                           'eu.siacs.conversations.persistance.FileBackend',
                                           'eu.siacs.conversations.utils.Resolver', 'java.io.IOException',
                                           'java.net.Socket', 'java.net.UnknownHostException', 'java.util.List'])(CONVERSATIONS), [
             (1, 'java-00-conversations-socket-connect-without-timeout',
              'an edit connects each resolved address without a connect timeout, so an address that drops SYNs '
              'holds the account in connecting for minutes before the next record is tried', 'edit'),
             (2, 'java-00-conversations-socket-connect-failure-swallowed',
              'an edit swallows each failed connect, so the account reports "no usable address" instead of the '
              'refused or unreachable error that tells the user what is wrong', 'edit'),
             (0, 'java-ok-00-conversations-socket-connect-with-timeout',
              'clean: the fix connects with the configured timeout', 'fix'),
         ])
