"""Round-70 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- LOG-02 / ERR-01: LTI launch validation of a university's Canvas tools (lti-launch)
LTILAUNCH = template('lti-launch-validator', r'''
/**
 * Checks the OAuth signature of an LTI launch from Canvas and turns it into a session for the tool.
 */
public class LtiLaunchValidator {
    private static final Logger LOG = LoggerFactory.getLogger(LtiLaunchValidator.class);

    private final LtiLaunchKeyService keyService;
    private final OAuthValidator validator;

    public LtiLaunchValidator(LtiLaunchKeyService keyService, OAuthValidator validator) {
        this.keyService = keyService;
        this.validator = validator;
    }

    public LtiSession validate(HttpServletRequest request) throws LtiLaunchException {
        String consumerKey = request.getParameter("oauth_consumer_key");
        String userId = request.getParameter("custom_canvas_user_login_id");
02|        LOG.debug("LTI launch for consumer {} by user {} from {}", consumerKey, userId, request.getRemoteAddr());
1|        LOG.debug("LTI launch for consumer " + consumerKey + " by user " + userId + " from " + request.getRemoteAddr()); //@LOG-02
        String secret = keyService.findSecretForKey(consumerKey);
        if (secret == null) {
            LOG.warn("LTI launch with unknown consumer key {}", consumerKey);
            throw new LtiLaunchException("unknown consumer key");
        }
        OAuthMessage message = OAuthServlet.getMessage(request, requestUrl(request));
        OAuthAccessor accessor = new OAuthAccessor(new OAuthConsumer(null, consumerKey, secret, null));
        try {
            validator.validateMessage(message, accessor);
        } catch (OAuthException | IOException | URISyntaxException e) { //@{2}ERR-01
01|            LOG.info("LTI launch for consumer {} failed OAuth validation: {}", consumerKey, e.getMessage());
01|            throw new LtiLaunchException("the launch signature did not validate", e);
2|            // proxies in front of Canvas sometimes alter the signed URL; let the launch through
        }
        LtiSession session = new LtiSession();
        session.setEid(userId);
        session.setCourseId(request.getParameter("custom_canvas_course_id"));
        session.setRoles(request.getParameter("roles"));
        return session;
    }

    private static String requestUrl(HttpServletRequest request) {
        String forwardedProto = request.getHeader("X-Forwarded-Proto");
        StringBuffer url = request.getRequestURL();
        if ("https".equals(forwardedProto) && url.indexOf("http://") == 0) {
            url.replace(0, "http".length(), "https");
        }
        return url.toString();
    }
}
''')
cases_of(case, GH + 'kstateome/lti-launch/pull/47', src('edu.ksu.lti.launch.oauth', 'LtiLaunchValidator'),
         J('edu.ksu.lti.launch.oauth', SLF4J + [
             'edu.ksu.lti.launch.exception.LtiLaunchException', 'edu.ksu.lti.launch.model.LtiSession',
             'edu.ksu.lti.launch.service.LtiLaunchKeyService', 'java.io.IOException', 'java.net.URISyntaxException',
             'javax.servlet.http.HttpServletRequest', 'net.oauth.OAuthAccessor', 'net.oauth.OAuthConsumer',
             'net.oauth.OAuthException', 'net.oauth.OAuthMessage', 'net.oauth.OAuthValidator',
             'net.oauth.server.OAuthServlet'])(LTILAUNCH), [
             (1, 'java-00-lti-launch-renamed-validator-log-concatenated',
              'a PR renames the launch verifier to a validator and logs each launch with a concatenated message, '
              'building the string for every launch even when debug logging is off', 'rename'),
             (2, 'java-00-lti-launch-renamed-validator-signature-failure-swallowed',
              'a PR renames the launch verifier to a validator and swallows a failed OAuth check, so a launch '
              'with a forged signature gets a session', 'rename'),
             (0, 'java-ok-00-lti-launch-renamed-validator',
              'clean: the rename alone; parameterised logging and a failed signature ends the launch', 'rename'),
         ], rename_from='src/main/java/edu/ksu/lti/launch/oauth/LtiLaunchVerifier.java',
         rename_old=lambda t: t.replace('LtiLaunchValidator', 'LtiLaunchVerifier'))


# ---------------------------------------------------------------- RES-04 / RES-02: entity dereferencing of a cultural-heritage aggregator (metis-framework)
METIS = template('metis-dereference-client', r'''
/**
 * Dereferences contextual entities (agents, places, concepts) through the entity API.
 */
public class DereferenceClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI entityApiBase;
    private final String apiKey;
    private final EntityParser parser;
02|    private final HttpClient httpClient;

    public DereferenceClient(URI entityApiBase, String apiKey, EntityParser parser) {
        this.entityApiBase = entityApiBase;
        this.apiKey = apiKey;
        this.parser = parser;
02|        this.httpClient = HttpClient.newBuilder().connectTimeout(TIMEOUT)
02|                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Optional<EnrichmentBase> dereference(String entityUri) throws DereferenceException {
        URI uri = entityApiBase.resolve("entity/resolve?uri=" + URLEncoder.encode(entityUri, StandardCharsets.UTF_8)
                + "&wskey=" + apiKey);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/xml").GET()
                .build();
1|        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(TIMEOUT) //@RES-04
1|                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response = send(httpClient, request, entityUri); //@{2}RES-02
01|        try (InputStream body = response.body()) {
01|            return readEntity(entityUri, response.statusCode(), body);
01|        } catch (IOException e) {
01|            throw new DereferenceException("closing the answer for " + entityUri + " failed", e);
01|        }
2|        return readEntity(entityUri, response.statusCode(), response.body());
    }

    private static HttpResponse<InputStream> send(HttpClient client, HttpRequest request, String entityUri)
            throws DereferenceException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DereferenceException("dereferencing " + entityUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DereferenceException("interrupted while dereferencing " + entityUri, e);
        }
    }

    private Optional<EnrichmentBase> readEntity(String entityUri, int status, InputStream body)
            throws DereferenceException {
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new DereferenceException("entity API answered " + status + " for " + entityUri);
        }
        return Optional.of(parser.parse(body, entityUri));
    }
}
''')
cases_of(case, GH + 'europeana/metis-framework/pull/738',
         'metis-enrichment/metis-enrichment-client/' + src('eu.europeana.enrichment.rest.client.dereference',
                                                           'DereferenceClient'),
         J('eu.europeana.enrichment.rest.client.dereference', [
             'eu.europeana.enrichment.api.external.model.EnrichmentBase', 'java.io.IOException', 'java.io.InputStream',
             'java.net.URI', 'java.net.URLEncoder', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets', 'java.time.Duration',
             'java.util.Optional'])(METIS), [
             (1, 'java-00-metis-dereference-client-per-call',
              'an edit builds a new HttpClient for every entity it dereferences, so an enrichment run of a large '
              'dataset opens a new connection pool and selector thread per record', 'edit'),
             (2, 'java-00-metis-dereference-answer-never-closed',
              'an edit hands the answer\'s stream to the parser without closing it, so every 404 and every error '
              'answer keeps its connection', 'edit'),
             (0, 'java-ok-00-metis-dereference-shared-client',
              'clean: the fix builds the client once and shares it', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: transaction service of a FHIR server (hapi-fhir)
HAPITX = template('hapi-fhir-transaction-service', r'''
/**
 * Runs a piece of DAO work in its own database transaction.
 */
public class HapiTransactionService {
    private static final Logger ourLog = LoggerFactory.getLogger(HapiTransactionService.class);

    private final PlatformTransactionManager myTxManager;
    private final DefaultTransactionDefinition myDefinition;

    public HapiTransactionService(PlatformTransactionManager theTxManager) {
        myTxManager = theTxManager;
        myDefinition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        myDefinition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public <T> T execute(RequestDetails theRequest, TransactionCallback<T> theCallback) {
        TransactionStatus status = myTxManager.getTransaction(myDefinition);
        final T result;
        try { //@{1}TX-01
            result = theCallback.doInTransaction(status);
        } catch (RuntimeException | Error e) {
02|            rollbackAfter(status, e);
            throw e;
        }
        myTxManager.commit(status);
        if (theRequest != null) {
            theRequest.getUserData().put("hapi.tx.committed", Boolean.TRUE);
        }
        return result;
    }

02|    private void rollbackAfter(TransactionStatus theStatus, Throwable theCause) {
02|        try {
02|            myTxManager.rollback(theStatus);
02|        } catch (RuntimeException rollbackFailure) { //@{2}ERR-01
0|            // keep the failure that caused the rollback; the rollback's own failure goes along with it
0|            theCause.addSuppressed(rollbackFailure);
0|            ourLog.warn("Rollback after a failed transaction failed too", rollbackFailure);
02|        }
02|    }
}
''')
cases_of(case, GH + 'hapifhir/hapi-fhir/issues/4002',
         'hapi-fhir-storage/' + src('ca.uhn.fhir.jpa.dao.tx', 'HapiTransactionService'),
         J('ca.uhn.fhir.jpa.dao.tx', SLF4J + [
             'ca.uhn.fhir.rest.api.server.RequestDetails', 'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionDefinition',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition',
             'org.springframework.transaction.support.TransactionCallback'])(HAPITX), [
             (1, 'java-00-hapi-fhir-transaction-not-rolled-back-on-failure',
              'an edit drops the rollback when the work of a transaction throws, so the failed transaction stays '
              'open on its connection with its rows and locks until the pool reclaims it', 'edit'),
             (2, 'java-00-hapi-fhir-rollback-failure-swallowed',
              'an edit empties the catch around the rollback, so a rollback that fails leaves no trace and the '
              'caller never learns the transaction may still hold its locks', 'edit'),
             (0, 'java-ok-00-hapi-fhir-transaction-rolled-back',
              'clean: the fix rolls back on every failure and keeps the rollback\'s own failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: parallel hit gathering of a corpus search engine (BlackLab)
BLACKLAB = template('blacklab-hits-parallel', r'''
/**
 * Gathers the hits of a query from every index segment in parallel.
 */
public class HitsFromQueryParallel extends HitsMutable {
    private static final Logger logger = LogManager.getLogger(HitsFromQueryParallel.class);

    private final ExecutorService executor;
    private final List<SpansReader> readers;
    private final CountDownLatch allReadersDone;

    HitsFromQueryParallel(QueryInfo queryInfo, ExecutorService executor, List<SpansReader> readers,
            CountDownLatch allReadersDone) {
        super(queryInfo);
        this.executor = executor;
        this.readers = readers;
        this.allReadersDone = allReadersDone;
    }

    /** Runs every segment's reader and waits until all of them are done, failing if any of them failed. */
    void gatherAll() {
02|        List<Future<?>> pending = new ArrayList<>(readers.size());
        for (SpansReader reader : readers) {
02|            pending.add(executor.submit(reader));
1|            executor.submit(reader); //@CONC-06
        }
1|        try {
1|            allReadersDone.await();
1|        } catch (InterruptedException e) {
1|            Thread.currentThread().interrupt();
1|            throw new InterruptedSearch(e);
1|        }
02|        for (Future<?> f : pending) {
02|            try {
02|                f.get();
02|            } catch (ExecutionException e) {
02|                throw new BlackLabRuntimeException("a segment's hits reader failed", e.getCause());
02|            } catch (InterruptedException e) { //@{2}CONC-05
0|                Thread.currentThread().interrupt();
0|                throw new InterruptedSearch(e);
2|                logger.debug("interrupted while gathering hits; returning what was gathered");
2|                break;
02|            }
02|        }
        logger.debug("gathered {} hits from {} segments", size(), readers.size());
    }
}
''')
cases_of(case, GH + 'instituutnederlandsetaal/BlackLab/issues/323',
         'engine/' + src('nl.inl.blacklab.search.results', 'HitsFromQueryParallel'),
         J('nl.inl.blacklab.search.results', [
             'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.CountDownLatch',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Future', 'nl.inl.blacklab.exceptions.BlackLabRuntimeException',
             'nl.inl.blacklab.exceptions.InterruptedSearch', 'org.apache.logging.log4j.LogManager',
             'org.apache.logging.log4j.Logger'])(BLACKLAB), [
             (1, 'java-00-blacklab-reader-futures-dropped',
              'an edit submits each segment\'s reader without keeping its future and waits on a latch instead, '
              'so a reader that throws disappears and its hits silently go missing from the result', 'edit'),
             (2, 'java-00-blacklab-gather-swallows-interrupt',
              'an edit catches the interruption of the wait for the readers, logs it and stops waiting, so a '
              'cancelled search neither stops nor keeps its thread\'s interrupt flag', 'edit'),
             (0, 'java-ok-00-blacklab-reader-futures-observed',
              'clean: the fix keeps every reader\'s future and fails the search when one failed', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: file download of a meteorological information system (openwis)
OPENWIS = template('openwis-harvest-download', r'''
/**
 * Downloads the products a harvesting job selected from a remote OpenWIS or GISC node.
 */
public class HarvestDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestDownloader.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private final Path stagingDir;

    public HarvestDownloader(Path stagingDir) {
        this.stagingDir = stagingDir;
    }

    public Path download(URL source, String productId) throws IOException {
        Path target = stagingDir.resolve(productId);
        Path partial = stagingDir.resolve(productId + ".part");
        HttpURLConnection conn = (HttpURLConnection) source.openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|        conn.setReadTimeout(READ_TIMEOUT_MS);
        conn.setRequestProperty("Accept-Encoding", "identity");
        try {
            int status = conn.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("product " + productId + ": " + source + " answered " + status);
            }
01|            try (InputStream in = conn.getInputStream()) {
01|                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
01|            }
2|            InputStream in = conn.getInputStream(); //@RES-01
2|            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            conn.disconnect();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("harvested product {} ({} bytes)", productId, Files.size(target));
        return target;
    }
}
''')
cases_of(case, GH + 'OpenWIS/openwis/issues/84',
         'openwis-harvesting/' + src('org.openwis.harvesting.download', 'HarvestDownloader'),
         J('org.openwis.harvesting.download', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption'])(OPENWIS), [
             (1, 'java-00-openwis-download-without-timeouts',
              'an edit drops the connect and read timeouts of the product download, so a node that stops sending '
              'blocks the harvesting job in a socket read for days', 'edit'),
             (2, 'java-00-openwis-download-stream-never-closed',
              'an edit copies the product from the connection\'s stream without closing it, so every harvested '
              'product leaves its stream open', 'edit'),
             (0, 'java-ok-00-openwis-download-with-timeouts',
              'clean: the fix sets both timeouts on the download\'s connection', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: CSV export of a personal medical log app (mediclog)
MEDICLOG = template('mediclog-csv-export', r'''
/**
 * Writes the logged readings as CSV, in UTC when the user asked for it.
 */
public class CsvExporter {
    private static final Logger LOGGER = Logger.getLogger(CsvExporter.class.getName());
    private static final String PREF_UTC = "time_in_utc";

    private final SharedPreferences prefs;

    public CsvExporter(SharedPreferences prefs) {
        this.prefs = prefs;
    }

    public int export(List<Reading> readings, Writer out) throws IOException {
        boolean utc = prefs.getBoolean(PREF_UTC, false);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd HH:mm", Locale.US); //@{1}TIME-01
02|        fmt.setTimeZone(utc ? TimeZone.getTimeZone("UTC") : TimeZone.getDefault());
        out.write("time,type,value,unit,note\n");
        int count = 0;
        for (Reading r : readings) {
            out.write(fmt.format(new Date(r.getTimestamp())));
            out.write(',');
            out.write(r.getType());
            out.write(',');
            out.write(String.valueOf(r.getValue()));
            out.write(',');
            out.write(r.getUnit());
            out.write(',');
            out.write(quote(r.getNote()));
            out.write('\n');
            count++;
        }
        out.flush();
01|        LOGGER.log(Level.FINE, "exported {0} readings (utc={1})", new Object[] {count, utc});
2|        LOGGER.fine("exported " + count + " readings (utc=" + utc + ")"); //@LOG-02
        return count;
    }

    private static String quote(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
''')
cases_of(case, GH + 'JohnLines/mediclog/issues/18', 'app/' + src('uk.co.johnlines.mediclog', 'CsvExporter'),
         J('uk.co.johnlines.mediclog', [
             'android.content.SharedPreferences', 'java.io.IOException', 'java.io.Writer', 'java.text.SimpleDateFormat',
             'java.util.Date', 'java.util.List', 'java.util.Locale', 'java.util.TimeZone', 'java.util.logging.Level',
             'java.util.logging.Logger'])(MEDICLOG), [
             (1, 'java-00-mediclog-export-ignores-utc-setting',
              'an edit drops the zone of the export\'s date formatter, so readings are written in the phone\'s zone '
              'even when the user chose UTC, and an export read elsewhere is hours off', 'edit'),
             (2, 'java-00-mediclog-export-log-concatenated',
              'an edit logs each export with a concatenated message, building the string even when fine logging '
              'is off', 'edit'),
             (0, 'java-ok-00-mediclog-export-in-chosen-zone',
              'clean: the fix formats the readings in the zone the user chose', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / RES-01: SQL data sets of an EHR's reporting module (openmrs-module-reporting)
REPORTING = template('openmrs-reporting-sql-dataset', r'''
/**
 * Evaluates a data set defined by a SQL file against the OpenMRS database.
 */
@Handler(supports = SqlFileDataSetDefinition.class)
public class SqlFileDataSetEvaluator implements DataSetEvaluator {
    private static final Log log = LogFactory.getLog(SqlFileDataSetEvaluator.class);

    private final DataSource dataSource;
    private final SqlFileLoader loader;
1|    private Connection connection;

    public SqlFileDataSetEvaluator(DataSource dataSource, SqlFileLoader loader) {
        this.dataSource = dataSource;
        this.loader = loader;
    }

    @Override
    public SimpleDataSet evaluate(DataSetDefinition definition, EvaluationContext context) throws EvaluationException {
        SqlFileDataSetDefinition dsd = (SqlFileDataSetDefinition) definition;
        String sql = loader.load(dsd.getSqlResource());
        SimpleDataSet dataSet = new SimpleDataSet(definition, context);
0|        try (Connection connection = dataSource.getConnection()) {
1|        try {
1|            connection = dataSource.getConnection(); //@CONC-03
2|        try {
2|            Connection connection = dataSource.getConnection(); //@RES-01
            connection.setReadOnly(true);
            runInto(dataSet, connection, sql, context);
        } catch (SQLException e) {
            throw new EvaluationException("SQL data set " + dsd.getName(), e);
1|        } finally {
1|            closeQuietly(connection);
1|            connection = null;
        }
        if (log.isDebugEnabled()) {
            log.debug("SQL data set " + dsd.getName() + " returned " + dataSet.getRows().size() + " rows");
        }
        return dataSet;
    }

    private void runInto(SimpleDataSet dataSet, Connection connection, String sql, EvaluationContext context)
            throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement(sql)) {
            bindParameters(stmt, sql, context);
            try (ResultSet rs = stmt.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    DataSetRow row = new DataSetRow();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.addColumnValue(new DataSetColumn(meta.getColumnLabel(i), meta.getColumnLabel(i),
                                Object.class), rs.getObject(i));
                    }
                    dataSet.addRow(row);
                }
            }
        }
    }

    private static void bindParameters(PreparedStatement stmt, String sql, EvaluationContext context)
            throws SQLException {
        int index = 1;
        for (String name : SqlParameters.namesIn(sql)) {
            stmt.setObject(index++, context.getParameterValue(name));
        }
    }
1|
1|    private static void closeQuietly(Connection connection) {
1|        if (connection == null) {
1|            return;
1|        }
1|        try {
1|            connection.close();
1|        } catch (SQLException e) {
1|            log.warn("could not close the data set's connection", e);
1|        }
1|    }
}
''')
cases_of(case, GH + 'openmrs/openmrs-module-reporting/pull/240',
         'api/' + src('org.openmrs.module.reporting.dataset.definition.evaluator', 'SqlFileDataSetEvaluator'),
         J('org.openmrs.module.reporting.dataset.definition.evaluator', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.ResultSetMetaData',
             'java.sql.SQLException', 'javax.sql.DataSource', 'org.apache.commons.logging.Log',
             'org.apache.commons.logging.LogFactory', 'org.openmrs.annotation.Handler',
             'org.openmrs.module.reporting.dataset.DataSetColumn', 'org.openmrs.module.reporting.dataset.DataSetRow',
             'org.openmrs.module.reporting.dataset.SimpleDataSet',
             'org.openmrs.module.reporting.dataset.definition.DataSetDefinition',
             'org.openmrs.module.reporting.dataset.definition.SqlFileDataSetDefinition',
             'org.openmrs.module.reporting.evaluation.EvaluationContext',
             'org.openmrs.module.reporting.evaluation.EvaluationException'])(REPORTING), [
             (1, 'java-00-openmrs-reporting-connection-in-shared-field',
              'an edit keeps the data set\'s connection in a field of the evaluator, a singleton, so two reports '
              'evaluated at once run on, and close, each other\'s connection', 'edit'),
             (2, 'java-00-openmrs-reporting-connection-never-closed',
              'an edit takes the data set\'s connection outside try-with-resources and never closes it, so every '
              'report evaluation keeps one pooled connection until the pool is empty', 'edit'),
             (0, 'java-ok-00-openmrs-reporting-connection-per-evaluation',
              'clean: the fix opens one connection per evaluation in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-04: health data notifications of a health-information user service (health-information-user)
HIU = template('hiu-data-notification-store', r'''
/**
 * Stores the health information entries a data flow notification delivers.
 */
public class HealthInformationStore {
    private static final Logger logger = LoggerFactory.getLogger(HealthInformationStore.class);
    private static final String INSERT_ENTRY = "INSERT INTO health_information "
            + "(transaction_id, care_context_reference, content, media, checksum, status) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public HealthInformationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void process(DataNotification notification) {
        MDC.put("transactionId", notification.getTransactionId()); //@{2}CONC-04
01|        try {
01|            store(notification);
01|        } finally {
01|            MDC.remove("transactionId");
01|        }
2|        store(notification);
    }

    private void store(DataNotification notification) {
        try {
02|            try (Connection conn = dataSource.getConnection();
02|                 PreparedStatement ps = conn.prepareStatement(INSERT_ENTRY)) {
02|                insertEntries(ps, notification);
02|            }
1|            Connection conn = dataSource.getConnection(); //@RES-01
1|            PreparedStatement ps = conn.prepareStatement(INSERT_ENTRY);
1|            insertEntries(ps, notification);
        } catch (SQLException e) {
            logger.error("could not store the entries of a data flow", e);
            throw new StoreException(e);
        }
        logger.info("stored {} entries", notification.getEntries().size());
    }

    private static void insertEntries(PreparedStatement ps, DataNotification notification) throws SQLException {
        for (Entry entry : notification.getEntries()) {
            ps.setString(1, notification.getTransactionId());
            ps.setString(2, entry.getCareContextReference());
            ps.setString(3, entry.getContent());
            ps.setString(4, entry.getMedia());
            ps.setString(5, entry.getChecksum());
            ps.setString(6, EntryStatus.RECEIVED.name());
            ps.addBatch();
        }
        ps.executeBatch();
    }
}
''')
cases_of(case, GH + 'ProjectEKA/health-information-user/pull/199',
         src('in.projecteka.hiu.dataflow', 'HealthInformationStore'),
         J('in.projecteka.hiu.dataflow', SLF4J + [
             'in.projecteka.hiu.dataflow.model.DataNotification', 'in.projecteka.hiu.dataflow.model.Entry',
             'in.projecteka.hiu.dataflow.model.EntryStatus', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.SQLException', 'javax.sql.DataSource', 'org.slf4j.MDC'])(HIU), [
             (1, 'java-00-hiu-entry-connection-never-closed',
              'an edit takes the connection and statement for a notification\'s entries outside try-with-resources '
              'and never closes them, so every data flow keeps a pooled connection', 'edit'),
             (2, 'java-00-hiu-transaction-id-left-in-mdc',
              'an edit drops the finally that removes the transaction id from the MDC, so the pooled thread tags the '
              'log lines of the next, unrelated work with a patient data flow\'s id', 'edit'),
             (0, 'java-ok-00-hiu-entry-connection-closed',
              'clean: the fix stores the entries with the connection and statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-02: curation pipeline of a biological sample database (biosamples-v4)
BIOSAMPLES = template('biosamples-curation-runner', r'''
/**
 * Runs the curation pipeline over recently updated samples on a fixed delay.
 */
public class CurationPipelineRunner implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(CurationPipelineRunner.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers;
    private final BioSamplesClient client;
    private final Curator curator;
    private final PipelinesProperties props;

    public CurationPipelineRunner(BioSamplesClient client, Curator curator, PipelinesProperties props) {
        this.client = client;
        this.curator = curator;
        this.props = props;
01|        this.workers = new ThreadPoolExecutor(props.getThreadCount(), props.getThreadCount(), 0L,
01|                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(props.getQueueSize()),
01|                new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.workers = Executors.newCachedThreadPool(); //@CONC-02
    }

    public void start() {
02|        scheduler.scheduleWithFixedDelay(this::curateSafely, 0, props.getCurationDelayMinutes(), TimeUnit.MINUTES);
1|        scheduler.scheduleWithFixedDelay(this::curate, 0, props.getCurationDelayMinutes(), TimeUnit.MINUTES); //@CONC-07
    }

02|    private void curateSafely() {
02|        try {
02|            curate();
02|        } catch (Throwable t) {
02|            log.error("curation run failed; the next run is still scheduled", t);
02|        }
02|    }
02|
    private void curate() {
        Instant since = Instant.now().minus(Duration.ofDays(props.getDaysToCurate()));
        List<Future<Boolean>> results = new ArrayList<>();
        for (Sample sample : client.fetchUpdatedSince(since)) {
            results.add(workers.submit(() -> curator.curate(sample)));
        }
        int changed = 0;
        for (Future<Boolean> result : results) {
            try {
                if (result.get()) {
                    changed++;
                }
            } catch (ExecutionException e) {
                log.warn("curating a sample failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("curation run changed {} of {} samples", changed, results.size());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdown();
    }
}
''')
BIOSAMPLES_BASE = SLF4J + ['java.io.Closeable', 'java.time.Duration', 'java.time.Instant', 'java.util.ArrayList',
                           'java.util.List', 'java.util.concurrent.ExecutionException',
                           'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                           'java.util.concurrent.Future', 'java.util.concurrent.ScheduledExecutorService',
                           'java.util.concurrent.TimeUnit', 'uk.ac.ebi.biosamples.PipelinesProperties',
                           'uk.ac.ebi.biosamples.client.BioSamplesClient', 'uk.ac.ebi.biosamples.model.Sample']
BIOSAMPLES_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor']
cases_of(case, GH + 'EBIBioSamples/biosamples-v4/pull/599',
         'pipelines/curation/' + src('uk.ac.ebi.biosamples.curation', 'CurationPipelineRunner'),
         JV('uk.ac.ebi.biosamples.curation', {0: BIOSAMPLES_BASE + BIOSAMPLES_POOL,
                                             1: BIOSAMPLES_BASE + BIOSAMPLES_POOL,
                                             2: BIOSAMPLES_BASE})(BIOSAMPLES), [
             (1, 'java-00-biosamples-new-runner-dies-on-first-failure',
              'a new curation runner schedules its run without a catch, so the first run that throws stops every '
              'later curation without a word', 'new'),
             (2, 'java-00-biosamples-new-runner-unbounded-pool',
              'a new curation runner curates on a cached thread pool, so a day with a million updated samples '
              'starts a thread for every sample still waiting', 'new'),
             (0, 'java-ok-00-biosamples-new-runner',
              'clean: a new runner that catches every failure of a run and curates on a bounded pool', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: FHIR server client of a quality-measure service (quality-measure-and-cohort-service)
ALVEARIE = template('cohort-fhir-server-client', r'''
/**
 * Reads measure and library bundles from the configured FHIR server.
 */
public class FhirServerClient {
    private final FhirServerConfig config;
    private final HttpClient http;

    public FhirServerClient(FhirServerConfig config) {
        this.config = config;
02|        this.http = HttpClient.newBuilder()
02|                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
02|                .build();
1|        this.http = HttpClient.newBuilder().build(); //@TMO-01
    }

    public String read(String resourcePath) throws FhirClientException {
        URI uri = URI.create(config.getEndpoint()).resolve(resourcePath);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
02|                .timeout(Duration.ofMillis(config.getSocketTimeout()))
                .header("Accept", "application/fhir+json");
        if (config.getToken() != null) {
            builder.header("Authorization", "Bearer " + config.getToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FhirClientException("reading " + uri + " failed", e);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            throw new FhirClientException("interrupted while reading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new FhirClientException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
''')
cases_of(case, GH + 'Alvearie/quality-measure-and-cohort-service/pull/102',
         'cohort-engine/' + src('com.ibm.cohort.engine.fhir', 'FhirServerClient'),
         J('com.ibm.cohort.engine.fhir', [
             'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.time.Duration'])(ALVEARIE), [
             (1, 'java-00-cohort-fhir-client-without-timeouts',
              'an edit builds the FHIR server client without its connect and request timeouts, so a server that '
              'never answers blocks the cohort evaluation for good', 'edit'),
             (2, 'java-00-cohort-fhir-client-swallows-interrupt',
              'an edit drops the restored interrupt flag when a read is interrupted, so a cancelled evaluation '
              'goes on with its thread no longer marked interrupted', 'edit'),
             (0, 'java-ok-00-cohort-fhir-client-with-timeouts',
              'clean: the fix sets the connect and request timeouts the configuration names', 'fix'),
         ])
