"""Round-86 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-01 / CONC-05: connection acceptor of an HL7 v2 library (hapi-hl7v2)
HAPIHL7 = template('hapi-hl7v2-acceptor', r'''
/**
 * Accepts MLLP connections on one port and hands each to its own processing thread. A failure while processing one
 * connection must not stop the acceptor: a sending system that gets two errors in a row would otherwise find the
 * port dead until the whole interface engine is restarted.
 */
public class ConnectionAcceptor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionAcceptor.class);
    private static final long RETRY_DELAY_MS = 1000;

    private final ServerSocket serverSocket;
    private final ConnectionProcessor processor;
    private volatile boolean running = true;

    public ConnectionAcceptor(ServerSocket serverSocket, ConnectionProcessor processor) {
        this.serverSocket = serverSocket;
        this.processor = processor;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                Socket socket = serverSocket.accept();
                Thread worker = new Thread(() -> processor.process(socket), "hl7-connection-" + socket.getPort()); //@{1}CONC-01
02|                worker.setUncaughtExceptionHandler((thread, e) -> {
02|                    log.error("Processing of connection from {} failed", socket.getRemoteSocketAddress(), e);
02|                    closeQuietly(socket);
02|                });
                worker.start();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                log.warn("Accepting on port {} failed, retrying in {} ms", serverSocket.getLocalPort(), RETRY_DELAY_MS, e);
                try {
                    Thread.sleep(RETRY_DELAY_MS);
                } catch (InterruptedException ie) { //@{2}CONC-05
01|                    Thread.currentThread().interrupt();
01|                    return;
2|                    log.debug("Interrupted while waiting to accept again on port {}", serverSocket.getLocalPort());
                }
            }
        }
    }

    public void stop() {
        running = false;
        closeQuietly(serverSocket);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("Close failed", e);
        }
    }
}
''')
cases_of(case, GH + 'hapifhir/hapi-hl7v2/issues/11', src('ca.uhn.hl7v2.app', 'ConnectionAcceptor'),
         J('ca.uhn.hl7v2.app', SLF4J + ['java.io.Closeable', 'java.io.IOException', 'java.net.ServerSocket',
                                         'java.net.Socket'])(HAPIHL7), [
             (1, 'java-00-hapi-hl7v2-connection-thread-without-handler',
              'an edit starts each connection\'s processing thread without an uncaught-exception handler, so a '
              'message that breaks the processor kills its thread silently and leaves the sender\'s socket open',
              'edit'),
             (2, 'java-00-hapi-hl7v2-acceptor-swallows-interrupt',
              'an edit answers an interrupt during the acceptor\'s retry pause with a debug line, so stopping the '
              'interface engine leaves the acceptor looping on a closed port', 'edit'),
             (0, 'java-ok-00-hapi-hl7v2-connection-thread-with-handler',
              'clean: the fix logs a failed connection\'s exception and closes its socket', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: target selection of a data exchange layer's client proxy (X-Road)
XROAD = template('xroad-fastest-connection', r'''
/**
 * Opens the connection of a service call to the first security server of the provider that accepts one. Providers
 * publish several addresses; those that do not answer are skipped.
 */
@Slf4j
public class FirstAvailableConnector {
    private final int connectTimeoutMs;
    private final int socketTimeoutMs;

    public FirstAvailableConnector(int connectTimeoutMs, int socketTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.socketTimeoutMs = socketTimeoutMs;
    }

    public Socket connect(List<InetSocketAddress> targets) throws IOException {
        IOException lastFailure = null;
        for (InetSocketAddress target : targets) {
            Socket socket = new Socket();
            try {
01|                socket.connect(target, connectTimeoutMs); //@{1}RES-01
2|                socket.connect(target); //@TMO-01
            } catch (IOException e) {
02|                closeQuietly(socket);
                log.debug("Security server {} did not accept a connection: {}", target, e.getMessage());
                lastFailure = e;
                continue;
            }
            socket.setSoTimeout(socketTimeoutMs);
            return socket;
        }
        throw new IOException("No security server of the provider accepted a connection", lastFailure);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.trace("Closing a discarded socket failed", e);
        }
    }
}
''')
cases_of(case, GH + 'nordic-institute/X-Road/pull/94', src('ee.ria.xroad.proxy.clientproxy', 'FirstAvailableConnector'),
         J('ee.ria.xroad.proxy.clientproxy', ['java.io.IOException', 'java.net.InetSocketAddress', 'java.net.Socket',
                                              'java.util.List', 'lombok.extern.slf4j.Slf4j'])(XROAD), [
             (1, 'java-00-xroad-discarded-socket-not-closed',
              'an edit no longer closes a socket whose connect failed, so every call to a provider with an address '
              'that is down leaks one descriptor until the client proxy stops accepting calls', 'edit'),
             (2, 'java-00-xroad-connect-without-timeout',
              'an edit connects to each security server without a connect timeout, so one address that drops SYNs '
              'holds the service call for the operating system\'s two-minute connect timeout', 'edit'),
             (0, 'java-ok-00-xroad-discarded-socket-closed',
              'clean: the fix closes every socket that failed to connect', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: appointment export of a government service-centre queue system (sbc-qsystem), CRLF
QSYSTEM = template('sbc-qsystem-appointments', r'''
/**
 * Writes the day's appointments of an office for the booking kiosk. The application server runs in UTC while the
 * offices are in British Columbia, so times are formatted in the office's zone.
 */
public class AppointmentExport {

    private static final String TIME_PATTERN = "yyyy-MM-dd HH:mm";

    private final QOffice office;

    public AppointmentExport(QOffice office) {
        this.office = office;
    }

    public List<String> lines(List<QAdvanceCustomer> appointments) {
        final SimpleDateFormat format = new SimpleDateFormat(TIME_PATTERN, Locale.CANADA); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone(office.getTimeZoneId()));
        final List<String> lines = new ArrayList<>(appointments.size());
        for (QAdvanceCustomer appointment : appointments) {
            final String line = format.format(appointment.getAdvanceTime()) + ";" + appointment.getService().getName()
                    + ";" + appointment.getId();
            lines.add(line);
01|            QLog.l().logger().debug("Exported appointment {} of office {}", appointment.getId(), office.getName());
2|            QLog.l().logger().debug("Exported appointment " + appointment.getId() + " of office " + office.getName() //@LOG-02
2|                    + ": " + line);
        }
        return lines;
    }
}
''')
cases_of(case, GH + 'bcgov/sbc-qsystem/pull/112', src('ru.apertum.qsystem.server.http', 'AppointmentExport'),
         JV('ru.apertum.qsystem.server.http', {
             v: ['java.text.SimpleDateFormat', 'java.util.ArrayList', 'java.util.List', 'java.util.Locale',
                 'ru.apertum.qsystem.common.QLog', 'ru.apertum.qsystem.server.model.QAdvanceCustomer',
                 'ru.apertum.qsystem.server.model.QOffice'] + ([] if v == 1 else ['java.util.TimeZone'])
             for v in (0, 1, 2)})(QSYSTEM), [
             (1, 'java-00-sbc-qsystem-appointment-times-in-server-zone',
              'an edit formats appointment times without the office\'s zone, so the kiosk of every Service BC office '
              'shows bookings seven or eight hours late, in the server\'s UTC', 'edit'),
             (2, 'java-00-sbc-qsystem-appointment-debug-concatenated',
              'an edit builds each exported appointment\'s debug line by concatenation, so the export pays for the '
              'strings of every appointment while debug logging is off', 'edit'),
             (0, 'java-ok-00-sbc-qsystem-appointment-times-in-office-zone',
              'clean: the fix formats appointment times in the office\'s zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / TX-01: composition versions of an openEHR server (ehrbase)
EHRBASE = template('ehrbase-composition-versions', r'''
/** Reads and writes composition versions with plain JDBC where the jOOQ mapping is too slow for large EHRs. */
@Repository
public class CompositionVersionRepository {

    private static final String SELECT_VERSION = "SELECT data FROM ehr.composition_history "
            + "WHERE id = ? AND sys_version = ?";

    private final DataSource dataSource;

    public CompositionVersionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The composition as it was at the given version, or empty when that version does not exist. */
    public Optional<String> findVersion(UUID compositionId, int version) {
02|        try (Connection connection = dataSource.getConnection();
02|                PreparedStatement statement = connection.prepareStatement(SELECT_VERSION)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(SELECT_VERSION);
            statement.setObject(1, compositionId);
            statement.setInt(2, version);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString("data")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new InternalServerException("Could not read version " + version + " of composition " + compositionId, e);
        }
    }

    /** Moves the current composition into the history and stores the new one, as one change. */
    public void storeNewVersion(UUID compositionId, String data) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                archiveCurrent(connection, compositionId);
01|                replaceCurrent(connection, compositionId, data);
01|                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
01|            }
2|            archiveCurrent(connection, compositionId);
2|            replaceCurrent(connection, compositionId, data);
2|            connection.commit();
        } catch (SQLException e) {
            throw new InternalServerException("Could not store a new version of composition " + compositionId, e);
        }
    }

    private void archiveCurrent(Connection connection, UUID compositionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO ehr.composition_history SELECT * FROM ehr.composition WHERE id = ?")) {
            statement.setObject(1, compositionId);
            statement.executeUpdate();
        }
    }

    private void replaceCurrent(Connection connection, UUID compositionId, String data) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE ehr.composition SET data = ?::jsonb, sys_version = sys_version + 1 WHERE id = ?")) {
            statement.setString(1, data);
            statement.setObject(2, compositionId);
            statement.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'ehrbase/ehrbase/issues/61', src('org.ehrbase.dao.access.jooq', 'CompositionVersionRepository'),
         J('org.ehrbase.dao.access.jooq', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.Optional', 'java.util.UUID', 'javax.sql.DataSource',
             'org.ehrbase.api.exception.InternalServerException',
             'org.springframework.stereotype.Repository'])(EHRBASE), [
             (1, 'java-00-ehrbase-version-read-connection-never-closed',
              'an edit reads a composition version on a connection it never closes, so after a handful of version '
              'reads the pool is empty and every EHR request fails with a connection timeout', 'edit'),
             (2, 'java-00-ehrbase-new-version-not-rolled-back',
              'an edit stores a new composition version without rolling back a failed half, so a failed update '
              'returns its connection with the history row still pending in an open transaction', 'edit'),
             (0, 'java-ok-00-ehrbase-version-read-connection-closed',
              'clean: the fix reads versions with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: message engine of an HL7 v2 to FHIR converter (hl7v2-fhir-converter), renamed file
CONVERTER = template('hl7v2-fhir-message-engine', r'''
/**
 * Converts the segments of one HL7 v2 message into FHIR resources with the segment templates of the message type.
 */
public class HL7MessageEngine implements MessageEngine {
    private static final Logger LOGGER = LoggerFactory.getLogger(HL7MessageEngine.class);

    private final MessageTemplateRegistry registry;

    public HL7MessageEngine(MessageTemplateRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Bundle transform(HL7MessageData message, Bundle bundle) {
        MessageTemplate template = registry.templateFor(message.getMessageType());
        LOGGER.info("Converting {} message {} with {} segments", message.getMessageType(), message.getId(),
                message.getSegments().size());
        for (Segment segment : message.getSegments()) {
            List<Resource> resources = template.resourcesFor(segment);
1|            LOGGER.info("Segment {} of message {} gave {} resources", segment.getName(), message.getId(), resources.size()); //@LOG-01
            for (Resource resource : resources) {
                bundle.addEntry().setResource(resource).setFullUrl(resource.getIdElement().getValue());
2|                LOGGER.debug("Added " + resource.getResourceType() + "/" + resource.getIdElement().getIdPart() //@LOG-02
2|                        + " for segment " + segment.getName() + " of message " + message.getId());
            }
        }
        LOGGER.info("Converted message {} into {} resources", message.getId(), bundle.getEntry().size());
        return bundle;
    }
}
''')
cases_of(case, GH + 'LinuxForHealth/hl7v2-fhir-converter/pull/85',
         src('io.github.linuxforhealth.hl7.message', 'HL7MessageEngine'),
         J('io.github.linuxforhealth.hl7.message', SLF4J + [
             'ca.uhn.hl7v2.model.Segment', 'io.github.linuxforhealth.api.MessageEngine', 'java.util.List',
             'org.hl7.fhir.r4.model.Bundle', 'org.hl7.fhir.r4.model.Resource'])(CONVERTER), [
             (1, 'java-00-hl7v2-fhir-renamed-engine-logs-every-segment',
              'a PR renames the message engine and logs every converted segment at info level, so a feed of ADT '
              'messages writes a log line for each of their dozens of segments', 'rename'),
             (2, 'java-00-hl7v2-fhir-renamed-engine-debug-concatenated',
              'a PR renames the message engine and builds a debug line per added resource by concatenation, so '
              'every conversion pays for those strings with debug logging off', 'rename'),
             (0, 'java-ok-00-hl7v2-fhir-renamed-engine',
              'clean: the rename alone; one info line per message before and after', 'rename'),
         ], rename_from='src/main/java/io/github/linuxforhealth/hl7/message/MessageEngineImpl.java',
         rename_old=lambda t: t.replace('HL7MessageEngine', 'MessageEngineImpl'))


# ---------------------------------------------------------------- ERR-01 / CONC-06: screen-sharing sender of a virtual classroom (bigbluebutton)
BBB = template('bigbluebutton-deskshare-sender', r'''
/**
 * Sends the changed blocks of the shared screen to the server. When the tunnel to the server breaks, sharing must
 * stop and the presenter be told, instead of the applet capturing a screen nobody receives.
 */
public class NetworkStreamSender {
    private static final Logger log = LoggerFactory.getLogger(NetworkStreamSender.class);

    private final ExecutorService sendExecutor = Executors.newSingleThreadExecutor();
    private final BlockStreamConnection connection;
    private final NetworkStreamListener listener;
    private volatile boolean sending = true;

    public NetworkStreamSender(BlockStreamConnection connection, NetworkStreamListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    public void send(BlockMessage message) {
        if (!sending) {
            return;
        }
01|        sendExecutor.execute(() -> sendOrStop(message));
2|        sendExecutor.submit(() -> connection.send(message)); //@CONC-06
    }

    private void sendOrStop(BlockMessage message) {
        try {
            connection.send(message);
        } catch (ConnectionException e) { //@{1}ERR-01
02|            log.error("Sending block {} failed, stopping desktop sharing", message.getPosition(), e);
02|            sending = false;
02|            listener.networkException(e);
        }
    }

    public void stop() {
        sending = false;
        sendExecutor.shutdownNow();
        connection.disconnect();
    }
}
''')
cases_of(case, GH + 'bigbluebutton/bigbluebutton/pull/2999',
         src('org.bigbluebutton.deskshare.client.net', 'NetworkStreamSender'),
         J('org.bigbluebutton.deskshare.client.net', SLF4J + [
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'])(BBB), [
             (1, 'java-00-bigbluebutton-send-failure-swallowed',
              'an edit catches a failed block send and does nothing, so when the tunnel to the server breaks the '
              'presenter keeps sharing a screen that no student sees', 'edit'),
             (2, 'java-00-bigbluebutton-send-future-dropped',
              'an edit submits each block send and drops the returned future, so a send that fails throws into a '
              'future nobody reads and sharing never stops', 'edit'),
             (0, 'java-ok-00-bigbluebutton-send-failure-stops-sharing',
              'clean: the fix logs the failure, stops sending and tells the presenter', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: module activator of an EHR's FHIR module (openmrs-module-fhir), new file
OPENMRSFHIR = template('openmrs-fhir-activator', r'''
/**
 * Starts and stops the FHIR module. The capability statement depends on the installed modules and the global
 * properties, so it is rebuilt every ten minutes in the background rather than on each metadata request.
 */
public class FHIRActivator extends BaseModuleActivator {
    private static final Log log = LogFactory.getLog(FHIRActivator.class);
    private static final long REFRESH_MINUTES = 10;

    private ScheduledExecutorService refresher;

    @Override
    public void started() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fhir-capability-refresh");
            thread.setDaemon(true);
            return thread;
        });
02|        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_MINUTES, TimeUnit.MINUTES);
1|        refresher.scheduleWithFixedDelay(() -> Context.getService(FHIRCapabilityService.class).rebuild(), 0, //@CONC-07
1|                REFRESH_MINUTES, TimeUnit.MINUTES);
        log.info("FHIR module started");
    }

02|    private void refreshQuietly() {
02|        try {
02|            Context.getService(FHIRCapabilityService.class).rebuild();
02|        } catch (Exception e) {
02|            log.warn("Could not rebuild the FHIR capability statement, keeping the previous one", e);
02|        }
02|    }
02|
    @Override
    public void stopped() {
        refresher.shutdown();
        try {
            if (!refresher.awaitTermination(30, TimeUnit.SECONDS)) {
                refresher.shutdownNow();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
            refresher.shutdownNow();
01|            Thread.currentThread().interrupt();
        }
        log.info("FHIR module stopped");
    }
}
''')
cases_of(case, GH + 'openmrs/openmrs-module-fhir/pull/10', src('org.openmrs.module.fhir', 'FHIRActivator'),
         J('org.openmrs.module.fhir', [
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.apache.commons.logging.Log',
             'org.apache.commons.logging.LogFactory', 'org.openmrs.api.context.Context',
             'org.openmrs.module.BaseModuleActivator',
             'org.openmrs.module.fhir.api.FHIRCapabilityService'])(OPENMRSFHIR), [
             (1, 'java-00-openmrs-fhir-new-activator-refresh-dies-on-first-failure',
              'a new module activator schedules the capability refresh without catching its failures, so one '
              'failed rebuild (a module still starting) cancels the schedule and the statement stays stale', 'new'),
             (2, 'java-00-openmrs-fhir-new-activator-interrupt-lost',
              'a new module activator waits for its refresher on shutdown and drops an interrupt, so the server\'s '
              'shutdown thread no longer sees that it was asked to stop', 'new'),
             (0, 'java-ok-00-openmrs-fhir-new-activator',
              'clean: a new module activator whose refresh catches its failures and whose shutdown keeps the interrupt',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: OAI-PMH harvester of a repository platform (xoai)
XOAI = template('xoai-harvester-client', r'''
/**
 * Fetches OAI-PMH responses from a repository for the harvester. Repositories that are half down accept the
 * connection and never answer, so the harvest of one must not hold up the others.
 */
public class HttpOAIClient implements OAIClient {
    private static final String DATESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private final String baseUrl;
    private final int connectTimeout;
    private final int readTimeout;

    public HttpOAIClient(String baseUrl, int connectTimeout, int readTimeout) {
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public InputStream execute(Parameters parameters) throws HttpException {
        try {
            URL url = new URL(parameters.toUrl(baseUrl));
            HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(connectTimeout);
02|            connection.setReadTimeout(readTimeout);
            connection.setRequestProperty("Accept", "text/xml");
            if (connection.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new HttpException("OAI-PMH request to " + url + " answered " + connection.getResponseCode());
            }
            return connection.getInputStream();
        } catch (IOException e) {
            throw new HttpException(e);
        }
    }

    /** The from and until arguments, which OAI-PMH defines in UTC. */
    public static String datestamp(Date date) {
        SimpleDateFormat format = new SimpleDateFormat(DATESTAMP_PATTERN); //@{2}TIME-01
01|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }
}
''')
cases_of(case, GH + 'DSpace/xoai/pull/39', src('com.lyncode.xoai.serviceprovider.client', 'HttpOAIClient'),
         JV('com.lyncode.xoai.serviceprovider.client', {
             v: ['com.lyncode.xoai.serviceprovider.exceptions.HttpException',
                 'com.lyncode.xoai.serviceprovider.parameters.Parameters', 'java.io.IOException',
                 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL', 'java.text.SimpleDateFormat',
                 'java.util.Date'] + ([] if v == 2 else ['java.util.TimeZone'])
             for v in (0, 1, 2)})(XOAI), [
             (1, 'java-00-xoai-harvest-connection-without-timeouts',
              'an edit opens the OAI-PMH connection without connect and read timeouts, so one repository that '
              'accepts connections and never answers stalls the whole harvest', 'edit'),
             (2, 'java-00-xoai-datestamp-in-default-zone',
              'an edit formats the from and until datestamps in the harvester\'s zone while writing a Z suffix, so an '
              'incremental harvest asks for the wrong window and misses records', 'edit'),
             (0, 'java-ok-00-xoai-harvest-connection-with-timeouts',
              'clean: the fix sets connect and read timeouts on the connection', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-04: activity export of an aid management platform (amp)
AMP = template('amp-activity-export', r'''
/**
 * Exports the activities of a workspace for the public portal. The job runs outside any HTTP request, so it sets up
 * the thread's request context (locale and workspace) itself for the translation and filter code it calls.
 */
public class PublicActivityExportJob implements Job {
    private static final Logger logger = LoggerFactory.getLogger(PublicActivityExportJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Long workspaceId = context.getMergedJobDataMap().getLong("workspaceId");
        TLSUtils.populate(new ExportRequestContext(workspaceId, "en")); //@{2}CONC-04
01|        try {
01|            export(workspaceId);
01|        } finally {
01|            TLSUtils.clear();
01|        }
2|        export(workspaceId);
    }

    private void export(Long workspaceId) throws JobExecutionException {
        List<Long> activityIds = ActivityUtil.getPublicActivityIds(workspaceId);
02|        try (Connection connection = PersistenceManager.getJdbcConnection();
02|                PreparedStatement statement = connection.prepareStatement(
02|                        "UPDATE amp_activity_version SET last_exported = now() WHERE amp_activity_id = ?")) {
1|        try {
1|            Connection connection = PersistenceManager.getJdbcConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(
1|                    "UPDATE amp_activity_version SET last_exported = now() WHERE amp_activity_id = ?");
            for (Long activityId : activityIds) {
                PublicPortalClient.push(ActivityUtil.loadForExport(activityId));
                statement.setLong(1, activityId);
                statement.addBatch();
            }
            statement.executeBatch();
            logger.info("Exported {} activities of workspace {}", activityIds.size(), workspaceId);
        } catch (SQLException e) {
            throw new JobExecutionException("Export of workspace " + workspaceId + " failed", e);
        }
    }
}
''')
cases_of(case, GH + 'devgateway/amp/pull/4175', src('org.dgfoundation.amp.ar.publicportal', 'PublicActivityExportJob'),
         J('org.dgfoundation.amp.ar.publicportal', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List',
             'org.digijava.kernel.persistence.PersistenceManager', 'org.digijava.kernel.request.TLSUtils',
             'org.digijava.module.aim.util.ActivityUtil', 'org.quartz.Job', 'org.quartz.JobExecutionContext',
             'org.quartz.JobExecutionException'])(AMP), [
             (1, 'java-00-amp-export-connection-never-closed',
              'an edit marks exported activities on a JDBC connection it never closes, so each nightly export run '
              'keeps a connection until the pool of the whole platform is exhausted', 'edit'),
             (2, 'java-00-amp-export-request-context-left-on-thread',
              'an edit sets the job thread\'s request context without clearing it, so the next job on the same '
              'scheduler thread runs in the previous workspace and language', 'edit'),
             (0, 'java-ok-00-amp-export-connection-closed',
              'clean: the fix marks activities on a connection closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-02: Canvas API client of a class attendance LTI tool (lti-attendance)
LTIATTENDANCE = template('lti-attendance-canvas-client', r'''
/** Reads the sections and enrollments of a course from the Canvas API for the attendance roster. */
@Component
public class CanvasSectionClient {
    private static final Logger LOG = LoggerFactory.getLogger(CanvasSectionClient.class);

    private final CloseableHttpClient httpClient;
    private final ExecutorService rosterPool;
    private final String canvasBaseUrl;

    @Autowired
    public CanvasSectionClient(CloseableHttpClient httpClient, @Value("${canvas.url}") String canvasBaseUrl) {
        this.httpClient = httpClient;
        this.canvasBaseUrl = canvasBaseUrl;
01|        this.rosterPool = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50),
01|                new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.rosterPool = Executors.newCachedThreadPool(); //@CONC-02
    }

    /** The enrollments of every section, read in parallel: large courses have dozens of sections. */
    public Map<Long, String> enrollmentsBySection(List<Long> sectionIds, String token) throws IOException {
        Map<Long, Future<String>> pending = new LinkedHashMap<>();
        for (Long sectionId : sectionIds) {
            pending.put(sectionId, rosterPool.submit(() -> get("/api/v1/sections/" + sectionId + "/enrollments", token)));
        }
        Map<Long, String> enrollments = new LinkedHashMap<>();
        for (Map.Entry<Long, Future<String>> entry : pending.entrySet()) {
            try {
                enrollments.put(entry.getKey(), entry.getValue().get(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading section " + entry.getKey(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("Could not read the enrollments of section " + entry.getKey(), e);
            }
        }
        return enrollments;
    }

    private String get(String path, String token) throws IOException {
        HttpGet request = new HttpGet(canvasBaseUrl + path);
        request.setHeader("Authorization", "Bearer " + token);
02|        try (CloseableHttpResponse response = httpClient.execute(request)) {
1|        try (CloseableHttpClient client = HttpClients.createDefault(); //@RES-04
1|                CloseableHttpResponse response = client.execute(request)) {
            if (response.getStatusLine().getStatusCode() != 200) {
                LOG.warn("Canvas answered {} for {}", response.getStatusLine().getStatusCode(), path);
                throw new IOException("Canvas request failed: " + response.getStatusLine());
            }
            return EntityUtils.toString(response.getEntity());
        }
    }
}
''')
LTI_IMPORTS = SLF4J + [
    'java.io.IOException', 'java.util.LinkedHashMap', 'java.util.List', 'java.util.Map',
    'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
    'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException',
    'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
    'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.util.EntityUtils',
    'org.springframework.beans.factory.annotation.Autowired', 'org.springframework.beans.factory.annotation.Value',
    'org.springframework.stereotype.Component']
cases_of(case, GH + 'kstateome/lti-attendance/pull/123', src('edu.ksu.canvas.attendance.services', 'CanvasSectionClient'),
         JV('edu.ksu.canvas.attendance.services', {
             0: LTI_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
             1: LTI_IMPORTS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                               'org.apache.http.impl.client.HttpClients'],
             2: LTI_IMPORTS + ['java.util.concurrent.Executors']})(LTIATTENDANCE), [
             (1, 'java-00-lti-attendance-http-client-per-request',
              'an edit opens a new HTTP client for every Canvas request, so each section of a roster pays a new TLS '
              'handshake and a semester\'s first morning exhausts the server\'s ephemeral ports', 'edit'),
             (2, 'java-00-lti-attendance-unbounded-roster-pool',
              'an edit reads section rosters on a cached thread pool, so a teacher opening a course of hundreds of '
              'sections starts hundreds of threads against Canvas at once', 'edit'),
             (0, 'java-ok-00-lti-attendance-shared-http-client',
              'clean: the fix sends every Canvas request through the shared client', 'fix'),
         ])
