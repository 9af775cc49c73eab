"""Round-85 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-04 / ERR-01: pass-through HTTP worker of an ESB (Apache Synapse)
SYNAPSE = template('synapse-server-worker', r'''
/**
 * Mediates one request received by the pass-through HTTP listener, on a thread of the listener's worker pool. While
 * the mediation runs, the request's message context is published in {@link #CURRENT_MESSAGE} for the mediators and
 * handlers that look it up.
 */
public class ServerWorker implements Runnable {

    private static final Log log = LogFactory.getLog(ServerWorker.class);

    /** The message context of the request the current worker thread is mediating. */
    static final ThreadLocal<MessageContext> CURRENT_MESSAGE = new ThreadLocal<>();

    private final SourceRequest request;
    private final SourceConfiguration sourceConfiguration;
    private final MessageContext msgContext;

    public ServerWorker(SourceRequest request, SourceConfiguration sourceConfiguration) {
        this.request = request;
        this.sourceConfiguration = sourceConfiguration;
        this.msgContext = createMessageContext(request);
    }

    @Override
    public void run() {
        CURRENT_MESSAGE.set(msgContext); //@{1}CONC-04
02|        try {
02|            mediate();
02|        } finally {
02|            CURRENT_MESSAGE.remove();
02|        }
1|        mediate();
    }

    private void mediate() {
        try {
            if (request.isEntityEnclosing()) {
                processEntityEnclosingRequest(msgContext);
            } else {
                processNonEntityEnclosingRestHandler(msgContext);
            }
        } catch (AxisFault fault) { //@{2}ERR-01
01|            handleException("Error processing " + request.getMethod() + " request for : " + request.getUri(), fault);
2|            // the client is usually gone when mediation fails; there is nobody left to answer
        }
    }

    private void handleException(String msg, Exception e) {
        log.error(msg, e);
        msgContext.setProperty(PassThroughConstants.INTERNAL_EXCEPTION_ORIGIN, true);
        try {
            AxisEngine.sendFault(MessageContextBuilder.createFaultMessageContext(msgContext, e));
        } catch (AxisFault fault) {
            log.error("Could not send the fault response for " + request.getUri(), fault);
        }
    }

    private MessageContext createMessageContext(SourceRequest request) {
        MessageContext context = new MessageContext();
        context.setConfigurationContext(sourceConfiguration.getConfigurationContext());
        context.setProperty(PassThroughConstants.PASS_THROUGH_SOURCE_REQUEST, request);
        context.setServerSide(true);
        return context;
    }
}
''')
cases_of(case, GH + 'apache/synapse/pull/23',
         'modules/transports/core/nhttp/' + src('org.apache.synapse.transport.passthru', 'ServerWorker'),
         J('org.apache.synapse.transport.passthru', [
             'org.apache.axis2.AxisFault', 'org.apache.axis2.context.MessageContext', 'org.apache.axis2.engine.AxisEngine',
             'org.apache.axis2.util.MessageContextBuilder',
             'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.apache.synapse.transport.passthru.config.SourceConfiguration'])(SYNAPSE), [
             (1, 'java-00-synapse-worker-message-context-never-removed',
              'an edit publishes each request\'s message context in a thread-local without removing it, so every '
              'pass-through worker thread keeps the last request\'s SOAP envelope in memory until the ESB runs out '
              'of heap', 'edit'),
             (2, 'java-00-synapse-worker-mediation-fault-swallowed',
              'an edit ignores a fault of the mediation, so a request whose mediation fails gets no fault response '
              'and nothing is logged', 'edit'),
             (0, 'java-ok-00-synapse-worker-message-context-removed',
              'clean: the fix removes the message context when the mediation ends', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-02: accounting log watcher of an ERP (metasfresh)
METASFRESH = template('metasfresh-fact-acct-log-watcher', r'''
/**
 * Watches the Fact_Acct_Log table and folds the logged accounting changes into the summary tables, in its own thread.
 * The thread is started with the application and stopped by interrupting it.
 */
@ToString(of = "pollIntervalMillis")
class FactAcctLogDBTableWatcher implements Runnable {

    private static final Logger logger = LogManager.getLogger(FactAcctLogDBTableWatcher.class);

    private static final String SYSCONFIG_RetrieveBatchSize = "de.metas.acct.aggregation.FactAcctLogDBTableWatcher.RetrieveBatchSize";
    private static final int DEFAULT_RetrieveBatchSize = 2000;

    private final ISysConfigBL sysConfigBL = Services.get(ISysConfigBL.class);
    private final FactAcctLogService factAcctLogService;
    private final long pollIntervalMillis;

    @Builder
    private FactAcctLogDBTableWatcher(
            @NonNull final FactAcctLogService factAcctLogService,
            @NonNull final Duration pollInterval) {
        this.factAcctLogService = factAcctLogService;
        this.pollIntervalMillis = pollInterval.toMillis();
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sleep();
                final FactAcctLogProcessResult result = processNow();
01|                logger.debug("Processed {} Fact_Acct_Log records: {}", result.getProcessedLogRecordsCount(), result);
2|                logger.debug("Processed " + result.getProcessedLogRecordsCount() + " Fact_Acct_Log records: " + result); //@LOG-02
            } catch (final InterruptedException e) { //@{1}CONC-05
                logger.info("Got interrupt request. Exiting.");
02|                Thread.currentThread().interrupt();
            } catch (final Exception e) {
                logger.warn("Failed to process the Fact_Acct_Log records. Trying again after the next interval.", e);
            }
        }
    }

    private void sleep() throws InterruptedException {
        logger.debug("Sleeping {}ms", pollIntervalMillis);
        Thread.sleep(pollIntervalMillis);
    }

    private FactAcctLogProcessResult processNow() {
        return factAcctLogService.processAll(QueryLimit.ofInt(retrieveBatchSize()));
    }

    private int retrieveBatchSize() {
        return sysConfigBL.getIntValue(SYSCONFIG_RetrieveBatchSize, DEFAULT_RetrieveBatchSize);
    }
}
''')
cases_of(case, GH + 'metasfresh/metasfresh/pull/19693',
         'backend/de.metas.acct.base/' + src('de.metas.acct.aggregation', 'FactAcctLogDBTableWatcher'),
         J('de.metas.acct.aggregation', [
             'de.metas.dao.selection.pagination.QueryLimit',
             'de.metas.logging.LogManager', 'de.metas.util.Services', 'java.time.Duration', 'lombok.Builder',
             'lombok.NonNull', 'lombok.ToString', 'org.adempiere.service.ISysConfigBL',
             'org.slf4j.Logger'])(METASFRESH), [
             (1, 'java-00-metasfresh-acct-log-watcher-interrupt-lost',
              'an edit logs the interrupt of the accounting log watcher and carries on, so the watcher thread never '
              'stops at shutdown and keeps the application from exiting', 'edit'),
             (2, 'java-00-metasfresh-acct-log-watcher-debug-message-concatenated',
              'an edit builds the watcher\'s per-round debug message by concatenation, so every round formats the '
              'whole processing result even with debug logging off', 'edit'),
             (0, 'java-ok-00-metasfresh-acct-log-watcher-restores-interrupt',
              'clean: the fix restores the interrupt flag so the watcher\'s loop ends', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: JDBC process-instance store of a BPM engine (Apache KIE / Kogito)
KOGITO = template('kogito-jdbc-generic-repository', r'''
/** Stores process instances as serialized payloads in one table, with optimistic locking on a version column. */
public class GenericRepository extends Repository {

    private static final String INSERT = "INSERT INTO process_instances (id, payload, process_id, process_version, version) VALUES (?, ?, ?, ?, ?)";
    private static final String FIND_BY_ID = "SELECT payload, version FROM process_instances WHERE id = ?";
    private static final String UPDATE_WITH_LOCK = "UPDATE process_instances SET payload = ?, version = ? WHERE id = ? and version = ?";
2|    private static final String DELETE_BUSINESS_KEY = "DELETE FROM business_key_mapping WHERE process_instance_id = ?";
2|    private static final String INSERT_BUSINESS_KEY = "INSERT INTO business_key_mapping (business_key, process_instance_id) VALUES (?, ?)";

    private final DataSource dataSource;

    public GenericRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    void insertInternal(String processId, String processVersion, UUID id, byte[] payload) {
02|        try (Connection connection = dataSource.getConnection();
02|                PreparedStatement statement = connection.prepareStatement(INSERT)) {
1|        try (PreparedStatement statement = dataSource.getConnection().prepareStatement(INSERT)) { //@RES-01
            statement.setString(1, id.toString());
            statement.setBytes(2, payload);
            statement.setString(3, processId);
            statement.setString(4, processVersion);
            statement.setLong(5, 1L);
            statement.executeUpdate();
        } catch (Exception e) {
            throw uncheckedException(e, "Error inserting process instance %s", id);
        }
    }

    @Override
    void updateWithLock(String processId, String processVersion, UUID id, byte[] payload, long version, String businessKey) {
        try (Connection connection = dataSource.getConnection()) {
2|            connection.setAutoCommit(false); //@TX-01
            try (PreparedStatement statement = connection.prepareStatement(UPDATE_WITH_LOCK)) {
                statement.setBytes(1, payload);
                statement.setLong(2, version + 1);
                statement.setString(3, id.toString());
                statement.setLong(4, version);
                if (statement.executeUpdate() != 1) {
                    throw uncheckedException(null, "The process instance %s was updated concurrently", id);
                }
            }
2|            try (PreparedStatement delete = connection.prepareStatement(DELETE_BUSINESS_KEY);
2|                    PreparedStatement insert = connection.prepareStatement(INSERT_BUSINESS_KEY)) {
2|                delete.setString(1, id.toString());
2|                delete.executeUpdate();
2|                insert.setString(1, businessKey);
2|                insert.setString(2, id.toString());
2|                insert.executeUpdate();
2|            }
2|            connection.commit();
        } catch (SQLException e) {
            throw uncheckedException(e, "Error updating process instance %s", id);
        }
    }

    @Override
    Optional<Record> findByIdInternal(String processId, String processVersion, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
            statement.setString(1, id.toString());
            try (ResultSet resultSet = statement.executeQuery()) {
                if (resultSet.next()) {
                    return Optional.of(new Record(resultSet.getBytes("payload"), resultSet.getLong("version")));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw uncheckedException(e, "Error finding process instance %s", id);
        }
    }
}
''')
cases_of(case, GH + 'apache/incubator-kie-issues/issues/1625',
         'addons/common/persistence/jdbc/' + src('org.kie.kogito.persistence.jdbc', 'GenericRepository'),
         J('org.kie.kogito.persistence.jdbc', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.Optional', 'java.util.UUID', 'javax.sql.DataSource'])(KOGITO), [
             (1, 'java-00-kogito-jdbc-insert-connection-never-closed',
              'an edit prepares the insert on a connection it never closes, so every started process instance '
              'keeps one pooled connection until the engine cannot reach its database', 'edit'),
             (2, 'java-00-kogito-jdbc-update-transaction-not-rolled-back',
              'an edit updates a process instance and its business key in one transaction without a rollback, so a '
              'concurrent update returns the connection to the pool in the middle of its transaction', 'edit'),
             (0, 'java-ok-00-kogito-jdbc-insert-connection-closed',
              'clean: the fix closes the insert\'s connection with its statement', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: SaaS token fetch of a BPM engine's Spring client (spring-zeebe)
SPRINGZEEBE = template('spring-zeebe-saas-authentication', r'''
/** Fetches and caches the JWT of each Camunda SaaS product from the cloud's OAuth endpoint. */
public class SaaSAuthentication extends JwtAuthentication {

  private static final Logger LOG = LoggerFactory.getLogger(SaaSAuthentication.class);

  private final JsonMapper jsonMapper;
01|  private final CloseableHttpClient httpClient;

  public SaaSAuthentication(JwtConfig jwtConfig, JsonMapper jsonMapper) {
    super(jwtConfig);
    this.jsonMapper = jsonMapper;
01|    this.httpClient = HttpClients.createDefault();
  }

  @Override
  protected JwtToken generateToken(Product product, JwtCredential credential) throws IOException {
    TokenRequest tokenRequest =
        new TokenRequest(getAudience(product), credential.getClientId(), credential.getClientSecret());
    HttpPost httpPost = new HttpPost(credential.getAuthUrl());
    httpPost.addHeader("Content-Type", "application/json");
    httpPost.setEntity(new StringEntity(jsonMapper.toJson(tokenRequest)));
    LOG.debug("Requesting a token for {} from {}", product, credential.getAuthUrl());
0|    try (CloseableHttpResponse response = httpClient.execute(httpPost)) {
1|    CloseableHttpResponse response = httpClient.execute(httpPost); //@RES-02
1|    return parseToken(response);
2|    try (CloseableHttpClient client = HttpClients.createDefault(); //@RES-04
2|        CloseableHttpResponse response = client.execute(httpPost)) {
02|      return parseToken(response);
02|    }
  }

  private JwtToken parseToken(CloseableHttpResponse response) throws IOException {
    if (response.getCode() != 200) {
      throw new RuntimeException("Token request failed with status " + response.getCode());
    }
    try {
      TokenResponse tokenResponse =
          jsonMapper.fromJson(EntityUtils.toString(response.getEntity()), TokenResponse.class);
      return new JwtToken(
          tokenResponse.getAccessToken(),
          LocalDateTime.now().plusSeconds(tokenResponse.getExpiresIn()));
    } catch (ParseException e) {
      throw new IOException("Unreadable token response", e);
    }
  }
}
''')
cases_of(case, GH + 'camunda-community-hub/spring-zeebe/pull/591',
         'camunda-sdk-java/java-common/' + src('io.camunda.common.auth', 'SaaSAuthentication'),
         J('io.camunda.common.auth', SLF4J + [
             'io.camunda.common.json.JsonMapper', 'java.io.IOException', 'java.time.LocalDateTime',
             'org.apache.hc.client5.http.classic.methods.HttpPost',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
             'org.apache.hc.client5.http.impl.classic.HttpClients', 'org.apache.hc.core5.http.ParseException',
             'org.apache.hc.core5.http.io.entity.EntityUtils',
             'org.apache.hc.core5.http.io.entity.StringEntity'])(SPRINGZEEBE), [
             (1, 'java-00-spring-zeebe-token-response-never-closed',
              'an edit stops closing the response of the token request, so each token refresh leaves a connection '
              'of the client\'s pool leased until the worker cannot reach the OAuth endpoint', 'edit'),
             (2, 'java-00-spring-zeebe-token-http-client-per-request',
              'an edit builds a new HTTP client for every token request, so each refresh of each product pays a '
              'fresh connection pool and TLS handshake', 'edit'),
             (0, 'java-ok-00-spring-zeebe-token-response-closed',
              'clean: the fix reads the token response in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: document properties of a spreadsheet writer (fastexcel), renamed file
FASTEXCEL = template('fastexcel-core-properties', r'''
/** The document properties of a workbook, written to docProps/core.xml and docProps/app.xml. */
final class CoreProperties {

    /** W3CDTF as Excel reads it: seconds, no fraction, UTC. */
    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final String DEFAULT_VERSION = "1.0";

    private final String applicationName;
    private final String applicationVersion;

    CoreProperties(String applicationName, String applicationVersion) {
        this.applicationName = applicationName;
        this.applicationVersion = applicationVersion == null ? versionOf(CoreProperties.class) : applicationVersion;
    }

    void writeCore(Writer w) throws IOException {
02|        String now = W3CDTF.format(ZonedDateTime.now(ZoneOffset.UTC));
1|        String now = W3CDTF.format(LocalDateTime.now()); //@TIME-01
        w.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        w.append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        w.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(now).append("</dcterms:created>");
        w.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(now).append("</dcterms:modified>");
        w.append("</cp:coreProperties>");
    }

    void writeApp(Writer w) throws IOException {
        w.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        w.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">");
        w.append("<Application>").append(escape(applicationName)).append("</Application>");
        w.append("<AppVersion>").append(applicationVersion).append("</AppVersion>");
        w.append("</Properties>");
    }

    /** The implementation version in the jar's manifest, as AppVersion wants it (major.minor). */
    static String versionOf(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in == null) {
                return DEFAULT_VERSION;
            }
            String version = new Manifest(in).getMainAttributes().getValue("Implementation-Version");
            if (version == null) {
                return DEFAULT_VERSION;
            }
            String[] parts = version.split("\\.");
            return parts.length < 2 ? parts[0] + ".0" : parts[0] + "." + parts[1];
        } catch (IOException e) { //@{2}ERR-01
01|            throw new UncheckedIOException("Cannot read the manifest of " + type.getName(), e);
2|            return DEFAULT_VERSION;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
''')
cases_of(case, GH + 'dhatim/fastexcel/pull/159', 'fastexcel-writer/' + src('org.dhatim.fastexcel', 'CoreProperties'),
         JV('org.dhatim.fastexcel', {
             0: ['java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException', 'java.io.Writer',
                 'java.time.ZoneOffset', 'java.time.ZonedDateTime', 'java.time.format.DateTimeFormatter',
                 'java.util.jar.Manifest'],
             1: ['java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException', 'java.io.Writer',
                 'java.time.LocalDateTime', 'java.time.format.DateTimeFormatter', 'java.util.jar.Manifest'],
             2: ['java.io.IOException', 'java.io.InputStream', 'java.io.Writer', 'java.time.ZoneOffset',
                 'java.time.ZonedDateTime', 'java.time.format.DateTimeFormatter', 'java.util.jar.Manifest']})(FASTEXCEL), [
             (1, 'java-00-fastexcel-renamed-core-properties-local-time-as-utc',
              'a PR renames the document properties class and stamps the created time from the local clock with a '
              'UTC suffix, so Excel shows every workbook as created hours off on any server not running in UTC',
              'rename'),
             (2, 'java-00-fastexcel-renamed-core-properties-manifest-error-ignored',
              'a PR renames the document properties class and answers an unreadable manifest with a default version, '
              'so a broken jar writes wrong application versions into every workbook without a trace', 'rename'),
             (0, 'java-ok-00-fastexcel-renamed-core-properties',
              'clean: the rename alone; times are written in UTC and an unreadable manifest is reported', 'rename'),
         ], rename_from='fastexcel-writer/src/main/java/org/dhatim/fastexcel/DocProperties.java',
         rename_old=lambda t: t.replace('final class CoreProperties', 'final class DocProperties')
                               .replace('    CoreProperties(String', '    DocProperties(String')
                               .replace('versionOf(CoreProperties.class)', 'versionOf(DocProperties.class)'))


# ---------------------------------------------------------------- RES-01 / LOG-01: registry persistence of a business-intelligence suite (SpagoBI), CRLF
SPAGOBI = template('spagobi-jpa-persistence-manager', r'''
/**
 * Reads and writes the records of a registry document (an editable grid on a JPA entity) through the entity manager of
 * the document's data source.
 */
public class JPAPersistenceManager implements IPersistenceManager {

    public static transient Logger logger = Logger.getLogger(JPAPersistenceManager.class);

    private final JPADataSource dataSource;

    public JPAPersistenceManager(JPADataSource dataSource) {
        super();
        this.dataSource = dataSource;
    }

    public Integer countRecords(RegistryConfiguration registryConf) {
        logger.debug("IN");
        EntityManager entityManager = dataSource.getEntityManager(); //@{1}RES-01
02|        try {
02|            Query query = entityManager.createQuery("select count(*) from " + registryConf.getEntity());
02|            return ((Number) query.getSingleResult()).intValue();
02|        } finally {
02|            entityManager.close();
02|            logger.debug("OUT");
02|        }
1|        Query query = entityManager.createQuery("select count(*) from " + registryConf.getEntity());
1|        return ((Number) query.getSingleResult()).intValue();
    }

    public JSONArray getRecords(RegistryConfiguration registryConf, int start, int limit) {
        logger.debug("IN");
        EntityManager entityManager = dataSource.getEntityManager();
        try {
            Query query = entityManager.createQuery("select o from " + registryConf.getEntity() + " o");
            query.setFirstResult(start);
            query.setMaxResults(limit);
            JSONArray rows = new JSONArray();
            for (Object record : query.getResultList()) {
2|                logger.info("Converting a registry record to JSON"); //@LOG-01
                rows.put(toJSON(record, registryConf));
            }
            return rows;
        } catch (JSONException e) {
            throw new SpagoBIRuntimeException("Error converting the records of " + registryConf.getEntity(), e);
        } finally {
            entityManager.close();
            logger.debug("OUT");
        }
    }

    private JSONObject toJSON(Object record, RegistryConfiguration registryConf) throws JSONException {
        JSONObject row = new JSONObject();
        for (Column column : registryConf.getColumns()) {
            row.put(column.getField(), PropertyUtils.getPropertyValue(record, column.getField()));
        }
        return row;
    }
}
''')
cases_of(case, GH + 'SpagoBILabs/SpagoBI/issues/661',
         'SpagoBIQbeEngine/' + src('it.eng.spagobi.engines.qbe.registry.persistence', 'JPAPersistenceManager'),
         J('it.eng.spagobi.engines.qbe.registry.persistence', [
             'it.eng.qbe.datasource.jpa.JPADataSource', 'it.eng.spagobi.engines.qbe.registry.bo.RegistryConfiguration',
             'it.eng.spagobi.engines.qbe.registry.bo.RegistryConfiguration.Column',
             'it.eng.spagobi.utilities.exceptions.SpagoBIRuntimeException', 'it.eng.spagobi.utilities.objects.PropertyUtils',
             'javax.persistence.EntityManager', 'javax.persistence.Query', 'org.apache.log4j.Logger',
             'org.json.JSONArray', 'org.json.JSONException', 'org.json.JSONObject'])(SPAGOBI), [
             (1, 'java-00-spagobi-registry-count-entity-manager-never-closed',
              'an edit counts a registry\'s records without closing the entity manager, so every refresh of a '
              'registry grid keeps one database connection until the engine\'s pool is exhausted', 'edit'),
             (2, 'java-00-spagobi-registry-logs-every-record',
              'an edit logs each record of a registry page at info level while converting it, so a grid of '
              'thousands of rows writes a log line per row on every page load', 'edit'),
             (0, 'java-ok-00-spagobi-registry-count-entity-manager-closed',
              'clean: the fix closes the entity manager of the count in a finally block', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / LOG-02: blob downloads of a content repository's Java client (nuxeo-java-client)
NUXEO = template('nuxeo-blob-downloader', r'''
/**
 * Downloads the blob of a document through a plain URL connection, for callers that stream a large blob to a file
 * rather than through the client's REST stack.
 */
public class BlobDownloader {

    private static final Logger log = LogManager.getLogger(BlobDownloader.class);

    private final String authorization;
    private final int connectTimeout;
    private final int readTimeout;

    public BlobDownloader(String authorization, Duration connectTimeout, Duration readTimeout) {
        this.authorization = authorization;
        this.connectTimeout = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeout = Math.toIntExact(readTimeout.toMillis());
    }

    /** Writes the blob at url into target and returns its size in bytes. */
    public long download(URL url, Path target) throws IOException {
01|        log.debug("Downloading blob {} to {}", url, target);
2|        log.debug("Downloading blob " + url + " to " + target); //@LOG-02
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(connectTimeout);
02|        connection.setReadTimeout(readTimeout);
        connection.setRequestProperty("Authorization", authorization);
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("Unable to download blob " + url + ": HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            connection.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'nuxeo/nuxeo-java-client/pull/7',
         'nuxeo-java-client/' + src('org.nuxeo.client.objects.blob', 'BlobDownloader'),
         J('org.nuxeo.client.objects.blob', [
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption', 'java.time.Duration',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(NUXEO), [
             (1, 'java-00-nuxeo-blob-download-without-timeouts',
              'an edit opens the blob download\'s connection without connect and read timeouts, so a server that '
              'stops sending in the middle of a large blob hangs the caller\'s thread forever', 'edit'),
             (2, 'java-00-nuxeo-blob-download-log-concatenated',
              'an edit builds the download\'s debug message by concatenation, so every download formats the URL and '
              'path even with debug logging off', 'edit'),
             (0, 'java-ok-00-nuxeo-blob-download-with-timeouts',
              'clean: the fix sets the connect and read timeouts of the download\'s connection', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: cell formats of an office document library (Apache POI)
POI = template('poi-cell-format', r'''
/**
 * Formats a cell value the way Excel does with a format string of up to four parts (positive; negative; zero; text).
 * Instances are immutable and shared: {@link #getInstance(Locale, String)} parses each format string once per locale.
 */
public class CellFormat {

    private static final Logger LOG = LogManager.getLogger(CellFormat.class);

    private static final Pattern ONE_PART = Pattern.compile(CellFormatPart.FORMAT_PAT.pattern() + "(;|$)",
            Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);

    private final Locale locale;
    private final String format;
    private final List<CellFormatPart> parts;

    /** The parsed formats of each locale; a sheet formats thousands of cells with a handful of format strings. */
02|    private static final Map<Locale, Map<String, CellFormat>> formatCache = new ConcurrentHashMap<>();
1|    private static final Map<Locale, Map<String, CellFormat>> formatCache = new HashMap<>();

    public static CellFormat getInstance(Locale locale, String format) {
        Map<String, CellFormat> formatMap = formatCache.computeIfAbsent(locale, k -> new ConcurrentHashMap<>()); //@{1}CONC-03
        return formatMap.computeIfAbsent(format, f -> "General".equalsIgnoreCase(f) || "@".equals(f)
                ? new CellFormat(locale, "General") : new CellFormat(locale, f));
    }

    private CellFormat(Locale locale, String format) {
        this.locale = locale;
        this.format = format;
        List<CellFormatPart> parsed = new ArrayList<>();
        Matcher m = ONE_PART.matcher(format);
        while (m.find()) {
            String valueDesc = m.group();
            try {
                if (valueDesc.endsWith(";")) {
                    valueDesc = valueDesc.substring(0, valueDesc.length() - 1);
                }
                parsed.add(new CellFormatPart(locale, valueDesc));
            } catch (RuntimeException e) { //@{2}ERR-01
01|                LOG.atWarn().withThrowable(e).log("Invalid format: {}", CellFormatter.quote(valueDesc));
                parsed.add(null);
            }
        }
        this.parts = Collections.unmodifiableList(parsed);
    }

    public CellFormatResult apply(Object value) {
        CellFormatPart part = partFor(value);
        return part == null ? new CellFormatResult(true, String.valueOf(value), null) : part.apply(value);
    }

    private CellFormatPart partFor(Object value) {
        if (parts.isEmpty()) {
            return null;
        }
        if (value instanceof Number && ((Number) value).doubleValue() < 0 && parts.size() > 1) {
            return parts.get(1);
        }
        return parts.get(0);
    }
}
''')
cases_of(case, GH + 'apache/poi/pull/709', 'poi/' + src('org.apache.poi.ss.format', 'CellFormat'),
         JV('org.apache.poi.ss.format', {
             0: ['java.util.ArrayList', 'java.util.Collections', 'java.util.List', 'java.util.Locale', 'java.util.Map',
                 'java.util.concurrent.ConcurrentHashMap', 'java.util.regex.Matcher', 'java.util.regex.Pattern',
                 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'],
             1: ['java.util.ArrayList', 'java.util.Collections', 'java.util.HashMap', 'java.util.List',
                 'java.util.Locale', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                 'java.util.regex.Matcher', 'java.util.regex.Pattern', 'org.apache.logging.log4j.LogManager',
                 'org.apache.logging.log4j.Logger'],
             2: ['java.util.ArrayList', 'java.util.Collections', 'java.util.List', 'java.util.Locale', 'java.util.Map',
                 'java.util.concurrent.ConcurrentHashMap', 'java.util.regex.Matcher', 'java.util.regex.Pattern',
                 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']})(POI), [
             (1, 'java-00-poi-cell-format-cache-plain-hash-map',
              'an edit keeps the shared cache of parsed cell formats in a plain HashMap, so two threads formatting '
              'workbooks at once corrupt the map and can spin forever in it', 'edit'),
             (2, 'java-00-poi-cell-format-invalid-part-swallowed',
              'an edit drops the warning about an unparsable part of a format string, so such cells are silently '
              'written with their raw value', 'edit'),
             (0, 'java-ok-00-poi-cell-format-cache-concurrent-map',
              'clean: the fix keeps the shared cache of parsed cell formats in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: event sender of a content services platform (Alfresco), new file
ALFRESCO = template('alfresco-enqueuing-event-sender', r'''
/**
 * Sends the repository's events to the message broker off the thread of the transaction that raised them. The events
 * are handed to a bounded pool of sender threads; when the broker is slow and the pool's queue is full, the raising
 * thread sends the event itself, which slows the repository down instead of piling up threads and events.
 */
public class EnqueuingEventSender extends DirectEventSender {

    protected static final Log LOGGER = LogFactory.getLog(EnqueuingEventSender.class);

    private final ExecutorService enqueuer;
    private final long shutdownTimeoutSeconds;

    public EnqueuingEventSender(Event2MessageProducer producer, int threadPoolSize, int queueCapacity,
            long shutdownTimeoutSeconds) {
        super(producer);
        ThreadFactory threadFactory = new ThreadFactoryBuilder().setNameFormat("EventSender-%d").setDaemon(true).build();
02|        this.enqueuer = new ThreadPoolExecutor(threadPoolSize, threadPoolSize, 0L, TimeUnit.MILLISECONDS,
02|                new ArrayBlockingQueue<>(queueCapacity), threadFactory, new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.enqueuer = Executors.newCachedThreadPool(threadFactory); //@CONC-02
        this.shutdownTimeoutSeconds = shutdownTimeoutSeconds;
    }

    @Override
    public void accept(Callable<Optional<RepoEvent<?>>> eventProducer) {
01|        enqueuer.execute(() -> sendQuietly(eventProducer));
2|        enqueuer.submit(() -> { //@CONC-06
2|            eventProducer.call().ifPresent(producer::send);
2|            return null;
2|        });
    }

01|    private void sendQuietly(Callable<Optional<RepoEvent<?>>> eventProducer) {
01|        try {
01|            eventProducer.call().ifPresent(producer::send);
01|        } catch (Exception e) {
01|            LOGGER.error("Unexpected error while sending a repository event", e);
01|        }
01|    }
01|
    @Override
    public void destroy() {
        enqueuer.shutdown();
        try {
            if (!enqueuer.awaitTermination(shutdownTimeoutSeconds, TimeUnit.SECONDS)) {
                LOGGER.warn("Events still queued at shutdown were dropped");
                enqueuer.shutdownNow();
            }
        } catch (InterruptedException e) {
            enqueuer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
''')
cases_of(case, GH + 'Alfresco/alfresco-community-repo/pull/3302',
         'repository/' + src('org.alfresco.repo.event2', 'EnqueuingEventSender'),
         JV('org.alfresco.repo.event2', {
             0: ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.util.Optional',
                 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.Callable',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                 'org.alfresco.repo.event.v1.model.RepoEvent', 'org.apache.commons.logging.Log',
                 'org.apache.commons.logging.LogFactory'],
             1: ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.util.Optional',
                 'java.util.concurrent.Callable', 'java.util.concurrent.ExecutorService',
                 'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.TimeUnit', 'org.alfresco.repo.event.v1.model.RepoEvent',
                 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory'],
             2: ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.util.Optional',
                 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.Callable',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                 'org.alfresco.repo.event.v1.model.RepoEvent', 'org.apache.commons.logging.Log',
                 'org.apache.commons.logging.LogFactory']})(ALFRESCO), [
             (1, 'java-00-alfresco-new-event-sender-unbounded-thread-pool',
              'a new event sender hands the events to a cached thread pool, so a slow broker makes the repository '
              'start a thread per pending event until the JVM cannot create more', 'new'),
             (2, 'java-00-alfresco-new-event-sender-submit-result-dropped',
              'a new event sender submits each event and drops the future, so an event that fails to send is lost '
              'without a log line', 'new'),
             (0, 'java-ok-00-alfresco-new-event-sender',
              'clean: a new event sender on a bounded pool that runs full sends on the caller and logs failures',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: health check service of an application server (Payara)
PAYARA = template('payara-health-check-service', r'''
/** Runs the registered health checks at the configured interval and hands their results to the notifiers. */
@Service(name = "healthcheck-core")
@RunLevel(StartupRunLevel.VAL)
public class HealthCheckService implements EventListener {

    private static final Logger logger = Logger.getLogger(HealthCheckService.class.getCanonicalName());

    @Inject
    private PayaraExecutorService executor;

    @Inject
    private Events events;

    @Inject
    private StuckThreadsStore stuckThreadsStore;

    private final Map<String, HealthCheckTask> registeredTasks = new ConcurrentHashMap<>();
    private ScheduledFuture<?> checksFuture;
    private volatile boolean enabled;
    private long period = 5;
    private TimeUnit unit = TimeUnit.MINUTES;

    @PostConstruct
    void postConstruct() {
        events.register(this);
        Thread stuckThreadsWatcher = new Thread(stuckThreadsStore::watch, "payara-healthcheck-stuck-threads"); //@{2}CONC-01
        stuckThreadsWatcher.setDaemon(true);
01|        stuckThreadsWatcher.setUncaughtExceptionHandler(
01|                (thread, e) -> logger.log(Level.SEVERE, "The stuck threads watcher stopped", e));
        stuckThreadsWatcher.start();
    }

    @Override
    public void event(Event<?> event) {
        if (event.is(EventTypes.SERVER_READY)) {
            bootstrapHealthCheck();
        } else if (event.is(EventTypes.PREPARE_SHUTDOWN)) {
            shutdownHealthCheck();
        }
    }

    private void bootstrapHealthCheck() {
        if (!enabled) {
            return;
        }
        checksFuture = executor.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|            try {
02|                runChecks();
02|            } catch (RuntimeException e) {
02|                logger.log(Level.WARNING, "A health check run failed; the checks run again at the next interval", e);
02|            }
1|            runChecks();
        }, 0, period, unit);
        logger.info("Payara Health Check Service Started.");
    }

    private void shutdownHealthCheck() {
        if (checksFuture != null) {
            checksFuture.cancel(false);
            checksFuture = null;
            logger.info("Payara Health Check Service is shutdown.");
        }
    }

    private void runChecks() {
        for (HealthCheckTask task : registeredTasks.values()) {
            HealthCheckResult result = task.getCheck().doCheck();
            task.getCheck().publish(task.getName(), result);
        }
    }
}
''')
cases_of(case, GH + 'payara/Payara/pull/3409',
         'nucleus/payara-modules/healthcheck-core/' + src('fish.payara.nucleus.healthcheck', 'HealthCheckService'),
         J('fish.payara.nucleus.healthcheck', [
             'fish.payara.nucleus.executorservice.PayaraExecutorService',
             'fish.payara.nucleus.healthcheck.stuck.StuckThreadsStore', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledFuture',
             'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger',
             'javax.annotation.PostConstruct', 'javax.inject.Inject', 'org.glassfish.api.StartupRunLevel',
             'org.glassfish.api.event.EventListener', 'org.glassfish.api.event.EventListener.Event',
             'org.glassfish.api.event.EventTypes',
             'org.glassfish.api.event.Events', 'org.glassfish.hk2.runlevel.RunLevel',
             'org.jvnet.hk2.annotations.Service'])(PAYARA), [
             (1, 'java-00-payara-health-checks-schedule-dies-on-first-failure',
              'an edit schedules the health check runs without catching a failing check, so one check that throws '
              'cancels every later run and the server silently stops reporting its health', 'edit'),
             (2, 'java-00-payara-stuck-threads-watcher-without-handler',
              'an edit starts the stuck-threads watcher thread without an uncaught-exception handler, so the watcher '
              'dies on its first error with nothing in the server log', 'edit'),
             (0, 'java-ok-00-payara-health-checks-schedule-catches-failures',
              'clean: the fix catches a failing check inside the scheduled run', 'fix'),
         ])
