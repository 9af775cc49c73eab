"""Round-53 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike;
a prefix lists the versions that keep the line."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TX-01 / ERR-01: event transactions of a systems-management server (uyuni)
UYUNI = template('uyuni-transaction-helper', r'''
/**
 * Runs the actions of asynchronous events, each in a Hibernate transaction of its own.
 */
public final class TransactionHelper {
    private static final Logger LOG = LogManager.getLogger(TransactionHelper.class);

    private TransactionHelper() {
    }

    /**
     * Runs an event action in its own transaction, committing on success and rolling back on any failure.
     *
     * @param eventName name of the event, for the log
     * @param action the action to run
     */
    public static void run(String eventName, Runnable action) {
        Session session = HibernateFactory.getSession();
        Transaction tx = session.beginTransaction();
        try {
            action.run();
            tx.commit();
            LOG.debug("Event {} committed", eventName);
        }
        catch (RuntimeException e) { //@{1}TX-01
02|            rollbackQuietly(tx);
            LOG.error("Event {} failed", eventName, e);
            throw e;
        }
        finally {
            HibernateFactory.closeSession();
        }
    }

    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        }
        catch (PersistenceException e) { //@{2}ERR-01
01|            LOG.error("Additional error during rollback", e);
2|            // the original failure is rethrown by the caller
        }
    }
}
''')
cases_of(case, GH + 'uyuni-project/uyuni/pull/138', 'java/code/src/com/redhat/rhn/frontend/events/TransactionHelper.java',
         J('com.redhat.rhn.frontend.events', [
             'com.redhat.rhn.common.hibernate.HibernateFactory', 'javax.persistence.PersistenceException',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger', 'org.hibernate.Session',
             'org.hibernate.Transaction'])(UYUNI), [
             (1, 'java-00-uyuni-event-transaction-not-rolled-back',
              'an edit drops the rollback of a failed event action, so its half-done changes stay in the open '
              'transaction of the worker thread\'s session', 'edit'),
             (2, 'java-00-uyuni-rollback-failure-swallowed',
              'an edit leaves the catch of a failed rollback empty, so a broken connection after a failed event '
              'action leaves no trace in the log', 'edit'),
             (0, 'java-ok-00-uyuni-rolled-back-rollback-failure-logged',
              'clean: the fix rolls a failed action back; a failed rollback is logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: IDLE session of a mail API's IMAP provider (mail-api)
MAILAPI = template('mail-api-idle-session', r'''
/**
 * Keeps an IDLE command open on one folder, on a connection of its own.
 */
final class IdleSession {
    private final String host;
    private final int port;
    private final int connectTimeout;
    private final int readTimeout;
    private final int minIdleMillis;
    private final MailLogger logger;

    IdleSession(String host, int port, Properties props, MailLogger logger) {
        this.host = host;
        this.port = port;
        this.connectTimeout = PropUtil.getIntProperty(props, "mail.imap.connectiontimeout", 30000);
        this.readTimeout = PropUtil.getIntProperty(props, "mail.imap.timeout", 60000);
        this.minIdleMillis = PropUtil.getIntProperty(props, "mail.imap.minidletime", 10);
        this.logger = logger;
    }

    Socket connect() throws IOException {
        Socket socket = new Socket();
01|        socket.connect(new InetSocketAddress(host, port), connectTimeout);
01|        socket.setSoTimeout(readTimeout);
2|        socket.connect(new InetSocketAddress(host, port)); //@TMO-01
        logger.log(Level.FINE, "IDLE connection to {0}:{1} open", new Object[] {host, port});
        return socket;
    }

    /**
     * Waits the minimum idle time, then issues one IDLE on the folder; returns false when the thread was interrupted.
     */
    boolean idleOnce(IMAPFolder folder) throws MessagingException {
        if (minIdleMillis > 0) {
            try {
                Thread.sleep(minIdleMillis);
            } catch (InterruptedException ex) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return false;
1|                logger.log(Level.FINE, "IDLE pause interrupted");
            }
        }
        folder.idle(true);
        return true;
    }
}
''')
cases_of(case, GH + 'jakartaee/mail-api/issues/128', 'providers/imap/' + src('com.sun.mail.imap', 'IdleSession'),
         J('com.sun.mail.imap', ['com.sun.mail.util.MailLogger', 'com.sun.mail.util.PropUtil',
                                 'jakarta.mail.MessagingException', 'java.io.IOException',
                                 'java.net.InetSocketAddress', 'java.net.Socket', 'java.util.Properties',
                                 'java.util.logging.Level'])(MAILAPI), [
             (1, 'java-00-mail-api-idle-pause-interrupt-swallowed',
              'an edit logs an interrupted IDLE pause and carries on, so the interrupt flag is lost and the thread '
              'that should stop keeps idling', 'edit'),
             (2, 'java-00-mail-api-idle-socket-without-timeouts',
              'an edit opens the IDLE connection without connect and read timeouts, so a silent server holds the '
              'thread forever', 'edit'),
             (0, 'java-ok-00-mail-api-idle-interrupt-restored-timeouts',
              'clean: the fix restores the interrupt and stops; the socket has both timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: client handling of a test mail server (greenmail)
GREENMAIL = template('greenmail-abstract-server', r'''
/**
 * A protocol server: accepts clients on its socket and serves each on the client-handler pool.
 */
public abstract class AbstractServer extends Thread implements Service {
    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final ServerSetup setup;
    protected final ExecutorService handlers;
    protected volatile boolean running;

    protected AbstractServer(String name, ServerSetup setup, int maxClients) {
        super(name);
        this.setup = setup;
01|        this.handlers = new ThreadPoolExecutor(maxClients, maxClients, 60L, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(maxClients), new ThreadPoolExecutor.AbortPolicy());
2|        this.handlers = Executors.newFixedThreadPool(maxClients); //@CONC-02
    }

    protected abstract ProtocolHandler createProtocolHandler(Socket clientSocket);

    protected abstract void closeServerSocket();

    @Override
    public synchronized void stopService(long millis) {
        running = false;
        closeServerSocket();
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                log.warn("Client handlers of {} still running after {} ms", getName(), millis);
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            handlers.shutdownNow();
        }
    }
}
''')
GM_BASE = SLF4J + ['com.icegreen.greenmail.util.ServerSetup', 'com.icegreen.greenmail.util.Service', 'java.net.Socket',
                   'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit']
GM_IMPORTS = {0: GM_BASE + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
              1: GM_BASE + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
              2: GM_BASE + ['java.util.concurrent.Executors']}
cases_of(case, GH + 'greenmail-mail-test/greenmail/issues/232', 'greenmail-core/' + src('com.icegreen.greenmail.server', 'AbstractServer'),
         JV('com.icegreen.greenmail.server', GM_IMPORTS)(GREENMAIL), [
             (1, 'java-00-greenmail-stop-interrupt-swallowed',
              'an edit drops the restored interrupt when stopping the server is interrupted, so the caller\'s '
              'thread forgets it was asked to stop', 'edit'),
             (2, 'java-00-greenmail-client-pool-unbounded-queue',
              'an edit serves clients on a fixed pool with an unbounded queue, so a flood of connections queues '
              'sockets without limit instead of refusing them', 'edit'),
             (0, 'java-ok-00-greenmail-interrupt-restored-bounded-pool',
              'clean: the fix restores the interrupt; the client pool has a bounded queue', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: post dates of a learning platform's Commons tool (sakai), renamed
SAKAI = template('sakai-commons-post-dates', r'''
/**
 * Parses the dates Commons posts are stored with.
 */
public final class PostDates {
    private static final Logger log = LoggerFactory.getLogger(PostDates.class);
    private static final String STORAGE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";

    private PostDates() {
    }

    public static Date parseStored(String stored) {
        SimpleDateFormat format = new SimpleDateFormat(STORAGE_PATTERN); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return format.parse(stored);
        } catch (ParseException e) {
            log.warn("Unparseable post date {}: {}", stored, e.getMessage());
            return null;
        }
    }

    public static List<Date> parseAll(List<String> stored) {
        List<Date> dates = new ArrayList<>(stored.size());
        for (String s : stored) {
01|            log.debug("Parsing stored post date {}", s);
2|            log.debug("Parsing stored post date " + s); //@LOG-02
            Date date = parseStored(s);
            if (date != null) {
                dates.add(date);
            }
        }
        return dates;
    }
}
''')
SAKAI_BASE = SLF4J + ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.ArrayList', 'java.util.Date',
                      'java.util.List']
SAKAI_IMPORTS = {0: SAKAI_BASE + ['java.util.TimeZone'], 1: SAKAI_BASE, 2: SAKAI_BASE + ['java.util.TimeZone']}
cases_of(case, GH + 'sakaiproject/sakai/pull/13439', 'commons/impl/' + src('org.sakaiproject.commons.impl', 'PostDates'),
         JV('org.sakaiproject.commons.impl', SAKAI_IMPORTS)(SAKAI), [
             (1, 'java-00-sakai-renamed-post-date-parsed-in-server-zone',
              'a PR renames the date helper and parses stored post dates without a zone, so a server outside UTC '
              'shows every post hours off', 'rename'),
             (2, 'java-00-sakai-renamed-debug-log-concatenated',
              'a PR renames the date helper and builds its per-date debug line by concatenation, so every parse '
              'pays for the string with debug off', 'rename'),
             (0, 'java-ok-00-sakai-renamed-utc-parameterised',
              'clean: the rename alone; stored dates parsed in UTC, the debug line parameterised', 'rename'),
         ], rename_from='commons/impl/' + src('org.sakaiproject.commons.impl', 'CommonsDateUtils'),
         rename_old=lambda t: t.replace('PostDates', 'CommonsDateUtils'))


# ---------------------------------------------------------------- CONC-03 / LOG-01: congestion control of an SMS gateway (smscgateway)
SMSC = template('smscgateway-congestion-control', r'''
/**
 * Admits or rejects incoming messages that are not stored and forwarded, by the number of activities in progress.
 */
public class SmscCongestionControl {
    private static final Logger logger = LoggerFactory.getLogger(SmscCongestionControl.class);

    private final AtomicInteger activityCount = new AtomicInteger();
    private final Map<String, Integer> rejectedByEsme = new HashMap<>();
    private volatile int maxActivityCount;
    private volatile boolean congested;

    public SmscCongestionControl(int maxActivityCount) {
        this.maxActivityCount = maxActivityCount;
    }

    /**
     * Admits a datagram or transactional message, or rejects it with a throttling cause when the gateway is congested.
     */
    public boolean admit(Sms sms, String esmeName) {
        int current = activityCount.incrementAndGet();
        if (current <= maxActivityCount) {
            if (congested) {
                congested = false;
                logger.info("SMSC congestion control: activity back under MaxActivityCount {}", maxActivityCount);
            }
            return true;
        }
        activityCount.decrementAndGet();
        if (!congested) {
            congested = true;
            logger.warn("SMSC congestion control: threshold MaxActivityCount {} is exceeded", maxActivityCount);
        }
2|        logger.info("Rejected message {} of {}: congestion, {} activities", sms.getMessageId(), esmeName, current); //@LOG-01
02|        synchronized (rejectedByEsme) {
02|            rejectedByEsme.merge(esmeName, 1, Integer::sum);
02|        }
1|        rejectedByEsme.merge(esmeName, 1, Integer::sum); //@CONC-03
        return false;
    }

    public void activityDone() {
        activityCount.decrementAndGet();
    }

    public Map<String, Integer> rejectedSnapshot() {
        synchronized (rejectedByEsme) {
            return new HashMap<>(rejectedByEsme);
        }
    }
}
''')
cases_of(case, GH + 'RestComm/smscgateway/issues/90', 'core/domain/' + src('org.mobicents.smsc.domain', 'SmscCongestionControl'),
         J('org.mobicents.smsc.domain', SLF4J + ['java.util.HashMap', 'java.util.Map',
                                                 'java.util.concurrent.atomic.AtomicInteger',
                                                 'org.mobicents.smsc.library.Sms'])(SMSC), [
             (1, 'java-00-smscgateway-rejections-counted-without-lock',
              'an edit counts rejected messages per ESME in the shared map without its lock, so concurrent SMPP '
              'sessions corrupt the counts', 'edit'),
             (2, 'java-00-smscgateway-every-rejection-logged',
              'an edit logs every message rejected for congestion at INFO, so the log grows fastest exactly when '
              'the gateway is overloaded', 'edit'),
             (0, 'java-ok-00-smscgateway-locked-counts-threshold-log',
              'clean: the fix counts rejections under the lock; one line when the threshold is crossed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-07: scheduler of a media server (media-core)
MEDIACORE = template('media-core-scheduler', r'''
/**
 * Runs the media tasks of the server on one core thread and watches that thread with a heartbeat.
 */
public class PriorityQueueScheduler {
    private static final Logger logger = LoggerFactory.getLogger(PriorityQueueScheduler.class);

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock;
    private final OrderedTaskQueue queue = new OrderedTaskQueue();
    private volatile long lastCycle;
    private volatile boolean active;

    public PriorityQueueScheduler(Clock clock) {
        this.clock = clock;
    }

    public void start() {
        active = true;
        lastCycle = clock.getTime();
        Thread core = new Thread(this::runCoreLoop, "media-scheduler-core");
        core.setDaemon(true);
02|        core.setUncaughtExceptionHandler((t, e) -> logger.error("Scheduler core thread {} died", t.getName(), e));
        core.start(); //@{1}CONC-01
01|        heartbeat.scheduleAtFixedRate(this::checkHeartbeatSafely, 1, 1, TimeUnit.SECONDS);
2|        heartbeat.scheduleAtFixedRate(this::checkHeartbeat, 1, 1, TimeUnit.SECONDS); //@CONC-07
        logger.info("Media scheduler started");
    }

    private void runCoreLoop() {
        while (active) {
            Task task = queue.poll();
            if (task != null) {
                task.run();
            }
            lastCycle = clock.getTime();
        }
    }

01|    private void checkHeartbeatSafely() {
01|        try {
01|            checkHeartbeat();
01|        } catch (RuntimeException e) {
01|            logger.error("Scheduler heartbeat check failed; next check in one second", e);
01|        }
01|    }
01|
    private void checkHeartbeat() {
        long idle = clock.getTime() - lastCycle;
        if (idle > TimeUnit.SECONDS.toNanos(5)) {
            logger.warn("Scheduler core thread idle for {} ms with {} tasks queued", idle / 1_000_000, queue.size());
        }
    }
}
''')
cases_of(case, GH + 'RestComm/media-core/issues/101', 'scheduler/' + src('org.restcomm.media.scheduler', 'PriorityQueueScheduler'),
         J('org.restcomm.media.scheduler', SLF4J + ['java.util.concurrent.Executors',
                                                    'java.util.concurrent.ScheduledExecutorService',
                                                    'java.util.concurrent.TimeUnit'])(MEDIACORE), [
             (1, 'java-00-media-core-core-thread-without-handler',
              'an edit starts the scheduler\'s core thread without an uncaught-exception handler, so a task that '
              'throws kills the thread and the server stops processing media without a word', 'edit'),
             (2, 'java-00-media-core-heartbeat-check-unguarded',
              'an edit schedules the heartbeat check without its catch, so one failing check silently ends the '
              'heartbeat for good', 'edit'),
             (0, 'java-ok-00-media-core-handler-set-heartbeat-guarded',
              'clean: the fix gives the core thread a handler; the heartbeat check catches its failures', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-04: event writer of a firewall's reports app (ngfw_src)
UNTANGLE = template('untangle-event-writer', r'''
/**
 * Writes queued log events to the reports database in batches.
 */
public class EventWriterImpl implements Runnable {
    private static final Logger logger = LogManager.getLogger(EventWriterImpl.class);
    private static final ThreadLocal<String> CURRENT_TABLE = new ThreadLocal<>();

    private final BlockingQueue<LogEvent> queue;
    private final int batchSize;
    private volatile boolean running = true;

    public EventWriterImpl(BlockingQueue<LogEvent> queue, int batchSize) {
        this.queue = queue;
        this.batchSize = batchSize;
    }

    /** The table the writing thread is inserting into, for the database error handler. */
    public static String currentTable() {
        return CURRENT_TABLE.get();
    }

    @Override
    public void run() {
        List<LogEvent> batch = new ArrayList<>(batchSize);
        while (running) {
            batch.clear();
            queue.drainTo(batch, batchSize);
            if (batch.isEmpty()) {
                sleepQuietly();
                continue;
            }
            long start = System.currentTimeMillis();
            writeBatch(batch);
            logger.debug("Wrote {} events in {} ms", batch.size(), System.currentTimeMillis() - start);
        }
    }

    private void writeBatch(List<LogEvent> batch) {
        for (LogEvent event : batch) {
            String table = event.getTableName();
1|            logger.info("Writing {} to {}: {}", event.getClass().getSimpleName(), table, event.toJSONString()); //@LOG-01
            CURRENT_TABLE.set(table); //@{2}CONC-04
01|            try {
01|                insert(event);
01|            } finally {
01|                CURRENT_TABLE.remove();
01|            }
2|            insert(event);
2|            CURRENT_TABLE.remove();
        }
    }

    private void insert(LogEvent event) {
        ReportsApp.dbConnection().insert(event.getTableName(), event.toColumns());
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
''')
cases_of(case, GH + 'untangle/ngfw_src/pull/181', 'reports/src/com/untangle/app/reports/EventWriterImpl.java',
         J('com.untangle.app.reports', ['com.untangle.uvm.logging.LogEvent', 'java.util.ArrayList', 'java.util.List',
                                        'java.util.concurrent.BlockingQueue', 'org.apache.logging.log4j.LogManager',
                                        'org.apache.logging.log4j.Logger'])(UNTANGLE), [
             (1, 'java-00-untangle-every-event-logged',
              'an edit logs every event the writer inserts at INFO, with its whole JSON, so a busy firewall floods '
              'its log with one line per session', 'edit'),
             (2, 'java-00-untangle-current-table-not-removed-on-failure',
              'an edit removes the writer\'s current-table value after the insert instead of in a finally block, '
              'so a failing insert leaves a stale table name on the thread', 'edit'),
             (0, 'java-ok-00-untangle-batch-summary-table-removed-in-finally',
              'clean: the fix logs one summary per batch; the table value removed in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: SQL explorer of an integration platform (metl), CRLF
METL = template('metl-sql-explorer-tables', r'''
/**
 * Supplies the tree of the SQL explorer with the tables of a database resource.
 */
public class DbTreeProvider {
    private static final Logger log = LoggerFactory.getLogger(DbTreeProvider.class);
    private static final String[] TABLE_TYPES = {"TABLE", "VIEW"};

    private final IResourceFactory resourceFactory;

    public DbTreeProvider(IResourceFactory resourceFactory) {
        this.resourceFactory = resourceFactory;
    }

    /**
     * Lists the tables of a resource's database for the explorer's tree.
     */
    public List<String> listTables(Resource resource) {
        DataSource dataSource = resourceFactory.create(resource).reference();
        List<String> tables = new ArrayList<>();
02|        try (Connection connection = dataSource.getConnection();
02|                ResultSet rs = connection.getMetaData().getTables(null, null, "%", TABLE_TYPES)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            ResultSet rs = connection.getMetaData().getTables(null, null, "%", TABLE_TYPES);
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Could not list the tables of " + resource.getName(), e);
2|            // an empty list shows an empty tree
        }
        log.debug("Resource {} has {} tables", resource.getName(), tables.size());
        return tables;
    }
}
''')
cases_of(case, GH + 'jumpmindinc/metl/issues/600', 'metl-ui/' + src('org.jumpmind.metl.ui.views.explore', 'DbTreeProvider'),
         J('org.jumpmind.metl.ui.views.explore', SLF4J + [
             'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList',
             'java.util.List', 'javax.sql.DataSource', 'org.jumpmind.metl.core.model.Resource',
             'org.jumpmind.metl.core.runtime.resource.IResourceFactory'])(METL), [
             (1, 'java-00-metl-explorer-connection-never-closed',
              'an edit opens the explorer\'s connection and result set without closing either, so each visit to '
              'the SQL explorer keeps a pooled connection', 'edit'),
             (2, 'java-00-metl-explorer-table-listing-failure-swallowed',
              'an edit swallows a failure to list the tables, so a broken database looks like one without tables',
              'edit'),
             (0, 'java-ok-00-metl-explorer-try-with-resources-failure-raised',
              'clean: the fix closes connection and result set by try-with-resources; a failure is raised', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-02 / RES-04: HTTP executor of an e-procurement SMP client (peppol-commons), new file
PEPPOL = template('peppol-smp-http-executor', r'''
/**
 * Executes the SMP client's HTTP queries on one connection pool shared for the life of the client.
 */
public class SMPHttpExecutor implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SMPHttpExecutor.class);

    private final CloseableHttpClient httpClient;
    private final RequestConfig requestConfig;

    public SMPHttpExecutor(PoolingHttpClientConnectionManager connectionManager, Timeout responseTimeout) {
        this.requestConfig = RequestConfig.custom().setResponseTimeout(responseTimeout).build();
        this.httpClient = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setConnectionManagerShared(true)
                .setDefaultRequestConfig(requestConfig)
                .build();
    }

    /**
     * Fetches one SMP document; null when the SMP has no record for it.
     */
    public byte[] get(String url) throws IOException {
        HttpGet get = new HttpGet(url);
        LOGGER.debug("SMP query {}", url);
0|        try (ClassicHttpResponse response = httpClient.executeOpen(null, get, null)) {
0|            return readAnswer(url, response);
0|        }
1|        ClassicHttpResponse response = httpClient.executeOpen(null, get, null); //@RES-02
1|        return readAnswer(url, response);
2|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(requestConfig).build(); //@RES-04
2|                ClassicHttpResponse response = client.executeOpen(null, get, null)) {
2|            return readAnswer(url, response);
2|        }
    }

    private static byte[] readAnswer(String url, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == HttpStatus.SC_NOT_FOUND) {
            return null;
        }
        if (status != HttpStatus.SC_OK) {
            throw new IOException("SMP answered " + status + " for " + url);
        }
        return EntityUtils.toByteArray(response.getEntity());
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
''')
cases_of(case, GH + 'phax/peppol-commons/pull/75', 'peppol-smp-client/' + src('com.helger.smpclient.httpclient', 'SMPHttpExecutor'),
         J('com.helger.smpclient.httpclient', SLF4J + [
             'java.io.IOException', 'org.apache.hc.client5.http.classic.methods.HttpGet',
             'org.apache.hc.client5.http.config.RequestConfig',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
             'org.apache.hc.client5.http.impl.classic.HttpClients',
             'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
             'org.apache.hc.core5.http.ClassicHttpResponse', 'org.apache.hc.core5.http.HttpStatus',
             'org.apache.hc.core5.http.io.entity.EntityUtils', 'org.apache.hc.core5.util.Timeout'])(PEPPOL), [
             (1, 'java-00-peppol-new-executor-response-never-closed',
              'a new SMP executor never closes the opened response, so every not-found answer keeps its pooled '
              'connection until the pool is exhausted', 'new'),
             (2, 'java-00-peppol-new-executor-client-per-query',
              'a new SMP executor builds an HTTP client with a fresh connection pool for every query, so no '
              'connection to the SMP is ever reused', 'new'),
             (0, 'java-ok-00-peppol-new-executor-shared-client-closed-response',
              'clean: a new SMP executor on the shared client, every response closed by try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: calendar sync of a task manager (simpletask-android)
SIMPLETASK = template('simpletask-calendar-sync', r'''
/**
 * Mirrors the due and threshold dates of the todo list into a device calendar, a short while after each change.
 */
public class CalendarSync {
    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);
    private static final long SYNC_DELAY_MS = 1000;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final ContentResolver resolver;
    private final TodoList todoList;
    private final long calendarId;
    private ScheduledFuture<?> pending;

    public CalendarSync(ContentResolver resolver, TodoList todoList, long calendarId) {
        this.resolver = resolver;
        this.todoList = todoList;
        this.calendarId = calendarId;
    }

    public synchronized void syncLater() {
        if (pending != null) {
            pending.cancel(false);
        }
02|        pending = executor.schedule(this::syncLogged, SYNC_DELAY_MS, TimeUnit.MILLISECONDS);
1|        executor.schedule(this::sync, SYNC_DELAY_MS, TimeUnit.MILLISECONDS); //@CONC-06
    }

    public void syncNow() {
        executor.execute(this::syncLogged);
    }

    private void syncLogged() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.error("Calendar sync failed", e);
        }
    }

    private void sync() {
        resolver.delete(CalendarContract.Events.CONTENT_URI, CalendarContract.Events.CALENDAR_ID + "=?",
                new String[] {String.valueOf(calendarId)});
        for (Task task : todoList.getTasks()) {
            String due = task.getDueDate();
            if (due == null || task.isCompleted()) {
                continue;
            }
01|            log.debug("Inserting calendar event for {} due {}", task.getText(), due);
2|            log.debug("Inserting calendar event for " + task.getText() + " due " + due); //@LOG-02
            ContentValues values = new ContentValues();
            values.put(CalendarContract.Events.CALENDAR_ID, calendarId);
            values.put(CalendarContract.Events.TITLE, task.getText());
            values.put(CalendarContract.Events.DTSTART, DateUtils.utcMillis(due));
            values.put(CalendarContract.Events.ALL_DAY, 1);
            values.put(CalendarContract.Events.EVENT_TIMEZONE, "UTC");
            resolver.insert(CalendarContract.Events.CONTENT_URI, values);
        }
    }
}
''')
cases_of(case, GH + 'mpcjanssen/simpletask-android/pull/232', 'app/' + src('nl.mpcjanssen.simpletask', 'CalendarSync'),
         J('nl.mpcjanssen.simpletask', SLF4J + [
             'android.content.ContentResolver', 'android.content.ContentValues', 'android.provider.CalendarContract',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.ScheduledThreadPoolExecutor',
             'java.util.concurrent.TimeUnit', 'nl.mpcjanssen.simpletask.task.Task',
             'nl.mpcjanssen.simpletask.task.TodoList', 'nl.mpcjanssen.simpletask.util.DateUtils'])(SIMPLETASK), [
             (1, 'java-00-simpletask-scheduled-sync-future-dropped',
              'an edit schedules the delayed sync directly and drops its future, so an exception in the sync is '
              'kept in a future nobody reads and the calendar silently stops following the list', 'edit'),
             (2, 'java-00-simpletask-per-task-debug-log-concatenated',
              'an edit builds the per-task debug line by concatenation, so every sync pays for one string per task '
              'with debug off', 'edit'),
             (0, 'java-ok-00-simpletask-sync-logged-parameterised',
              'clean: the fix schedules the logging wrapper and keeps its future; the debug line parameterised',
              'fix'),
         ])
