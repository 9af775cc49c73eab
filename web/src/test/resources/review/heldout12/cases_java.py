"""Round-12 Java cases (written for this corpus from the checklist items; see SOURCES.md). Each template is written
once with `B|` (defect only) and `C|` (clean only) lines; //@ITEM markers are stripped by the renderer."""
from common12 import make_case, java_edit, pom, java, src, tst, f, pick, keep

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def J(pkg, cls, imports, body, bad=True):
    return f(src(pkg, cls), new=java(pkg, sorted(imports), pick(body, bad)))


# ---------------------------------------------------------------- RES-01: JDBC
JDBC = r'''
public final class %(cls)s {
    private final DataSource dataSource;

    public %(cls)s(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> %(meth)s(long owner) throws SQLException {
B|        Connection c = dataSource.getConnection(); //@RES-01
B|        PreparedStatement ps = c.prepareStatement("SELECT name FROM %(table)s WHERE owner = ?");
C|        try (Connection c = dataSource.getConnection();
C|             PreparedStatement ps = c.prepareStatement("SELECT name FROM %(table)s WHERE owner = ?")) {
        ps.setLong(1, owner);
C|            try (ResultSet rs = ps.executeQuery()) {
B|        ResultSet rs = ps.executeQuery();
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString(1));
        }
B|        rs.close();
B|        ps.close();
B|        c.close();
        return names;
C|            }
C|        }
    }
}
'''
JDBCI = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
         'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource']
case('java-01-sequence-reader-closes-connection-only-on-success', GH + 'zendesk/maxwell/pull/1703'.replace('zendesk/maxwell/pull/1703', 'enioka-Haute-Couture/jqm/issues/100'),
     'a job queue reads names with a pooled connection closed by hand at the end; a failing query leaks it',
     files=[J('com.enioka.jqm.jdbc', 'NodeNames', JDBCI, JDBC % dict(cls='NodeNames', meth='names', table='node'))])
case('java-ok-01-node-names-in-try-with-resources', GH + 'enioka-Haute-Couture/jqm/issues/100',
     'clean: connection, statement and result set are all in try-with-resources',
     files=[J('com.enioka.jqm.jdbc', 'NodeNames', JDBCI, JDBC % dict(cls='NodeNames', meth='names', table='node'), False)])
case('java-02-consent-dao-closes-connection-by-hand', GH + 'wso2/carbon-consent-management/pull/158',
     'a consent DAO lists purposes and closes its connection by hand after the loop',
     files=[J('org.wso2.carbon.consent.mgt.core.dao', 'PurposeNames', JDBCI, JDBC % dict(cls='PurposeNames', meth='purposes', table='cm_purpose'))])
case('java-03-as4-store-lists-messages-without-try-with-resources', GH + 'OxalisCommunity/oxalis/issues/577',
     'an AS2 message store lists message ids with resources closed only on the happy path',
     files=[J('network.oxalis.persist', 'MessageIds', JDBCI, JDBC % dict(cls='MessageIds', meth='ids', table='message'))])
case('java-ok-02-message-ids-in-try-with-resources', GH + 'OxalisCommunity/oxalis/issues/577',
     'clean: the message store uses try-with-resources for every JDBC object',
     files=[J('network.oxalis.persist', 'MessageIds', JDBCI, JDBC % dict(cls='MessageIds', meth='ids', table='message'), False)])

EDITJDBC = r'''
public class BinlogPositionStore {
    private final DataSource dataSource;

    public BinlogPositionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long lastPosition(String server) throws SQLException {
-|        try (Connection c = dataSource.getConnection();
-|             PreparedStatement ps = c.prepareStatement("SELECT position FROM positions WHERE server_id = ?")) {
+|        Connection c = dataSource.getConnection(); //@RES-01
+|        PreparedStatement ps = c.prepareStatement("SELECT position FROM positions WHERE server_id = ?");
+|        {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }
}
'''
case('java-04-binlog-store-edit-drops-try-with-resources', GH + 'zendesk/maxwell/pull/1703',
     'an edit moves the connection and statement out of try-with-resources and never closes them',
     files=[java_edit(src('com.zendesk.maxwell.schema', 'BinlogPositionStore'), 'com.zendesk.maxwell.schema',
                      ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'javax.sql.DataSource'], EDITJDBC)])

TX = r'''
public class %(cls)s {
    private final DataSource dataSource;

    public %(cls)s(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void move(long from, long to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@TX-01
C|            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE %(table)s SET owner = ? WHERE owner = ?")) {
                    ps.setLong(1, to);
                    ps.setLong(2, from);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM owners WHERE id = ?")) {
                    ps.setLong(1, from);
                    ps.executeUpdate();
                }
                c.commit();
C|            } catch (SQLException e) {
C|                c.rollback();
C|                throw e;
C|            }
        }
    }
}
'''
TXI = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource']
case('java-05-wps-process-store-moves-rows-without-rollback', GH + '52North/WPS/issues/130',
     'a processing service moves rows in a manual transaction with no rollback on failure',
     files=[J('org.n52.wps.server.database', 'ProcessOwners', TXI, TX % dict(cls='ProcessOwners', table='process'))])
case('java-ok-03-process-owners-roll-back-and-rethrow', GH + '52North/WPS/issues/130',
     'clean: the manual transaction rolls back and rethrows on failure',
     files=[J('org.n52.wps.server.database', 'ProcessOwners', TXI, TX % dict(cls='ProcessOwners', table='process'), False)])
case('java-06-trip-planner-store-without-rollback', GH + 'opentripplanner/OpenTripPlanner/pull/4461',
     'a feed store moves patterns between feeds in a transaction no failure path rolls back',
     files=[J('org.opentripplanner.datastore', 'PatternOwners', TXI, TX % dict(cls='PatternOwners', table='trip_pattern'))])

COMMIT = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);

    public boolean save(Connection c, String id, String payload) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO records (id, payload) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, payload);
            ps.executeUpdate();
        }
        try {
            c.commit();
B|        } catch (SQLException e) { //@TX-02
B|            LOG.warn("commit failed for {}", id, e);
C|        } catch (SQLException e) {
C|            c.rollback();
C|            throw new SQLException("commit of record " + id + " failed", e);
        }
        return true;
    }
}
'''
COMMITI = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-07-terracotta-store-logs-failed-commit-and-returns-true', GH + 'Terracotta-OSS/terracotta-core/pull/843',
     'a record store logs a failed commit and still tells the caller the record was saved',
     files=[J('com.tc.objectserver.persistence', 'RecordWriter', COMMITI, COMMIT % dict(cls='RecordWriter'))])
case('java-ok-04-record-writer-rethrows-failed-commit', GH + 'Terracotta-OSS/terracotta-core/pull/843',
     'clean: a failed commit is rolled back and rethrown with context',
     files=[J('com.tc.objectserver.persistence', 'RecordWriter', COMMITI, COMMIT % dict(cls='RecordWriter'), False)])
case('java-08-sirius-store-swallows-commit-failure', GH + 'scireum/sirius-kernel/pull/16',
     'a kernel store catches the commit failure, logs it and reports success',
     files=[J('sirius.db.jdbc', 'Journal', COMMITI, COMMIT % dict(cls='Journal'))])

# ---------------------------------------------------------------- RES-01: files and streams
WALK = r'''
public final class %(cls)s {

    private %(cls)s() {
    }

    public static List<Path> %(meth)s(Path root, String suffix) throws IOException {
B|        return Files.walk(root) //@RES-01
B|                .filter(p -> p.toString().endsWith(suffix))
B|                .toList();
C|        try (Stream<Path> paths = Files.walk(root)) {
C|            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
C|        }
    }
}
'''
WALKI = ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Stream']
case('java-09-vulnerability-scanner-walks-tree-without-closing-stream', GH + 'eclipse-steady/steady/pull/105',
     'a scanner collects archive paths from Files.walk and never closes the stream',
     files=[J('org.eclipse.steady.java', 'ArchiveFinder', WALKI, WALK % dict(cls='ArchiveFinder', meth='find'))])
case('java-ok-05-archive-finder-closes-walk-stream', GH + 'eclipse-steady/steady/pull/105',
     'clean: the walk stream is closed by try-with-resources',
     files=[J('org.eclipse.steady.java', 'ArchiveFinder', WALKI, WALK % dict(cls='ArchiveFinder', meth='find'), False)])
case('java-10-solidity-plugin-walks-sources-without-closing', GH + 'LFDT-web3j/web3j-gradle-plugin/pull/56',
     'a build plugin lists contract sources with Files.walk and leaves the stream open',
     files=[J('org.web3j.gradle.plugin', 'SourceScanner', WALKI, WALK % dict(cls='SourceScanner', meth='sources'))])

PROPS = r'''
public final class %(cls)s {

    private %(cls)s() {
    }

    public static Properties load(String resource) throws IOException {
        InputStream in = %(cls)s.class.getResourceAsStream(resource); //@RES-01
        if (in == null) {
            throw new IOException("missing " + resource);
        }
        Properties props = new Properties();
        props.load(in);
        if (props.getProperty("version") == null) {
            throw new IOException(resource + " has no version");
        }
        in.close();
        return props;
    }
}
'''
case('java-11-plugin-version-reader-leaks-stream-on-bad-file', GH + 'LFDT-web3j/web3j-gradle-plugin/pull/56',
     'a plugin reads its properties and returns with an exception before the manual close',
     files=[J('org.web3j.gradle.plugin', 'VersionInfo', ['java.io.IOException', 'java.io.InputStream', 'java.util.Properties'], PROPS % dict(cls='VersionInfo'))])
case('java-12-qwazr-config-loader-leaks-stream', GH + 'qwazr/QWAZR/pull/379',
     'a server loads its configuration with a stream closed only when the file is valid',
     files=[J('com.qwazr.utils', 'ConfigLoader', ['java.io.IOException', 'java.io.InputStream', 'java.util.Properties'], PROPS % dict(cls='ConfigLoader'))])
PROPSOK = PROPS.replace(' //@RES-01', '').replace('''        InputStream in = %(cls)s.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing " + resource);
        }
        Properties props = new Properties();
        props.load(in);''', '''        Properties props = new Properties();
        try (InputStream in = %(cls)s.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            props.load(in);
        }''').replace('''        in.close();
''', '')
case('java-ok-06-config-loader-in-try-with-resources', GH + 'qwazr/QWAZR/pull/379',
     'clean: the configuration stream is read inside try-with-resources',
     files=[J('com.qwazr.utils', 'ConfigLoader', ['java.io.IOException', 'java.io.InputStream', 'java.util.Properties'], PROPSOK % dict(cls='ConfigLoader'))])

READERS = r'''
public class %(cls)s {

    public long countLines(List<Path> batch) throws IOException {
B|        List<BufferedReader> readers = new ArrayList<>();
        long lines = 0;
B|        try {
            for (Path p : batch) {
B|                BufferedReader r = Files.newBufferedReader(p); //@RES-03
B|                readers.add(r);
C|                try (BufferedReader r = Files.newBufferedReader(p)) {
                while (r.readLine() != null) {
                    lines++;
                }
C|                }
            }
B|        } finally {
B|            for (BufferedReader r : readers) {
B|                r.close();
B|            }
B|        }
        return lines;
    }
}
'''
READI = ['java.io.BufferedReader', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List']
case('java-13-secor-uploader-keeps-every-reader-open-until-batch-ends', GH + 'pinterest/secor/pull/108',
     'a log uploader collects a reader per file and closes them all only after the batch',
     files=[J('com.pinterest.secor.uploader', 'LineCounter', READI, READERS % dict(cls='LineCounter'))])
case('java-ok-07-line-counter-closes-each-reader-per-iteration', GH + 'pinterest/secor/pull/108',
     'clean: each reader is opened in try-with-resources inside the loop',
     files=[J('com.pinterest.secor.uploader', 'LineCounter', READI, READERS % dict(cls='LineCounter'), False)])

# ---------------------------------------------------------------- RES-02 / RES-04: HTTP clients
APACHE = r'''
public class %(cls)s {
C|    private final CloseableHttpClient client;
C|
C|    public %(cls)s(CloseableHttpClient client) {
C|        this.client = client;
C|    }

    public String fetch(String url) throws IOException {
B|        CloseableHttpClient client = HttpClients.createDefault(); //@RES-04
        HttpGet get = new HttpGet(url);
        try (CloseableHttpResponse response = client.execute(get)) {
            return EntityUtils.toString(response.getEntity());
        }
    }
}
'''
APACHEI = ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
           'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils']
case('java-14-pubmed-retrieval-creates-client-per-request', GH + 'wcmc-its/ReCiter-PubMed-Retrieval-Tool/issues/108',
     'a retrieval service builds a default Apache client for every request and never closes it',
     files=[J('reciter.service', 'ArticleFetcher', APACHEI, APACHE % dict(cls='ArticleFetcher'))])
case('java-ok-08-article-fetcher-uses-injected-client', GH + 'wcmc-its/ReCiter-PubMed-Retrieval-Tool/issues/108',
     'clean: the fetcher uses one injected client and closes each response',
     files=[J('reciter.service', 'ArticleFetcher', [i for i in APACHEI if not i.endswith('HttpClients')], APACHE % dict(cls='ArticleFetcher'), False)])
case('java-15-geoserver-publisher-creates-client-per-call', GH + 'geosolutions-it/geoserver-manager/issues/21',
     'a GeoServer publisher creates an HTTP client on every call instead of sharing one',
     files=[J('it.geosolutions.geoserver.rest', 'RestFetcher', APACHEI, APACHE % dict(cls='RestFetcher'))])

RESP = r'''
public class %(cls)s {
    private final CloseableHttpClient client;

    public %(cls)s(CloseableHttpClient client) {
        this.client = client;
    }

    public boolean delete(String url) throws IOException {
B|        CloseableHttpResponse response = client.execute(new HttpDelete(url)); //@RES-02
B|        return response.getStatusLine().getStatusCode() == 204;
C|        try (CloseableHttpResponse response = client.execute(new HttpDelete(url))) {
C|            return response.getStatusLine().getStatusCode() == 204;
C|        }
    }
}
'''
RESPI = ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpDelete',
         'org.apache.http.impl.client.CloseableHttpClient']
case('java-16-jolokia-client-never-closes-delete-response', GH + 'jolokia/jolokia/issues/287',
     'a management client checks the status of a delete and never closes the response, so the pool runs dry',
     files=[J('org.jolokia.client', 'Deleter', RESPI, RESP % dict(cls='Deleter'))])
case('java-ok-09-deleter-closes-response', GH + 'jolokia/jolokia/issues/287',
     'clean: the response is closed by try-with-resources',
     files=[J('org.jolokia.client', 'Deleter', RESPI, RESP % dict(cls='Deleter'), False)])
case('java-17-object-storage-sdk-leaks-response-of-head', GH + 'volcengine/ve-tos-java-sdk/pull/10',
     'an object storage SDK issues a delete and drops the response without closing it',
     files=[J('com.volcengine.tos.transport', 'ObjectDeleter', RESPI, RESP % dict(cls='ObjectDeleter'))])

JDK = r'''
public class %(cls)s {
C|    private static final HttpClient CLIENT = HttpClient.newBuilder()
C|            .connectTimeout(Duration.ofSeconds(5))
C|            .build();

    public String tools(URI endpoint) throws IOException, InterruptedException {
B|        HttpClient client = HttpClient.newHttpClient(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(endpoint) //@TMO-01
C|                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
B|        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
C|        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
'''
JDKI = ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse']
case('java-18-mcp-transport-builds-jdk-client-per-call', GH + 'modelcontextprotocol/java-sdk/issues/620',
     'an MCP transport builds a JDK HttpClient per call, each with its selector thread',
     files=[J('io.modelcontextprotocol.client.transport', 'ToolLister', JDKI, JDK % dict(cls='ToolLister'))],
     accept=[])
case('java-ok-10-tool-lister-shares-one-client-with-timeouts', GH + 'modelcontextprotocol/java-sdk/issues/620',
     'clean: one static client with a connect timeout, each request with its own timeout',
     files=[J('io.modelcontextprotocol.client.transport', 'ToolLister', JDKI + ['java.time.Duration'], JDK % dict(cls='ToolLister'), False)])
case('java-19-cf-client-builds-log-client-per-call', GH + 'SAP-archive/cf-java-client-sap/pull/289',
     'a Cloud Foundry client builds a JDK client for every log request',
     files=[J('com.sap.cloudfoundry.client.facade', 'LogFetcher', JDKI, JDK % dict(cls='LogFetcher'))])

TIMEOUT = r'''
public class %(cls)s {

    public String get(String url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); //@TMO-01
C|        conn.setConnectTimeout(5_000);
C|        conn.setReadTimeout(30_000);
        conn.setRequestMethod("GET");
        try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            conn.disconnect();
        }
    }
}
'''
TIMEOUTI = ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets']
case('java-20-twitter-client-opens-connection-without-timeouts', GH + 'redouane59/twittered/pull/402',
     'an API client opens URL connections with neither connect nor read timeout',
     files=[J('io.github.redouane59.twitter.helpers', 'UrlFetcher', TIMEOUTI, TIMEOUT % dict(cls='UrlFetcher'))])
case('java-ok-11-url-fetcher-sets-both-timeouts', GH + 'redouane59/twittered/pull/402',
     'clean: the connection gets a connect and a read timeout',
     files=[J('io.github.redouane59.twitter.helpers', 'UrlFetcher', TIMEOUTI, TIMEOUT % dict(cls='UrlFetcher'), False)])
case('java-21-spinnaker-plugin-fetches-accounts-without-timeout', GH + 'spinnaker-plugins/aws-account-registration-plugin-spinnaker/issues/38',
     'an account registration plugin fetches remote accounts with an untimed URL connection',
     files=[J('com.amazon.spinnaker.accountregistration', 'AccountFetcher', TIMEOUTI, TIMEOUT % dict(cls='AccountFetcher'))])
REST = r'''
@Configuration
public class %(cls)s {

    @Bean
    public RestTemplate registryRestTemplate() {
B|        return new RestTemplate(); //@TMO-01
C|        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
C|        factory.setConnectTimeout(5_000);
C|        factory.setReadTimeout(30_000);
C|        return new RestTemplate(factory);
    }
}
'''
case('java-22-spring-ai-client-config-plain-rest-template', GH + 'spring-projects/spring-ai/pull/5602',
     'a client configuration registers a RestTemplate with the default factory, which never times out',
     files=[J('org.springframework.ai.model', 'RestClientConfig', ['org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration', 'org.springframework.web.client.RestTemplate'], REST % dict(cls='RestClientConfig'))])
case('java-ok-12-rest-client-config-with-timeouts', GH + 'spring-projects/spring-ai/pull/5602',
     'clean: the RestTemplate is built on a factory with connect and read timeouts',
     files=[J('org.springframework.ai.model', 'RestClientConfig', ['org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration', 'org.springframework.http.client.SimpleClientHttpRequestFactory', 'org.springframework.web.client.RestTemplate'], REST % dict(cls='RestClientConfig'), False)])

# ---------------------------------------------------------------- CONC-04: ThreadLocal and MDC
TL = r'''
public class %(cls)s implements Filter {
    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        CURRENT.set(((HttpServletRequest) req).getRequestURI()); //@CONC-04
B|        chain.doFilter(req, res);
B|        CURRENT.remove();
C|        try {
C|            chain.doFilter(req, res);
C|        } finally {
C|            CURRENT.remove();
C|        }
    }
}
'''
TLI = ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest',
       'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException']
case('java-23-router-filter-clears-thread-local-only-after-normal-return', GH + 'resthub/springmvc-router/issues/53',
     'a routing filter removes its ThreadLocal after the chain, so an exception leaves it on the pooled thread',
     files=[J('org.resthub.web.springmvc.router', 'RequestAdapterFilter', TLI, TL % dict(cls='RequestAdapterFilter'))])
case('java-ok-13-request-adapter-filter-removes-in-finally', GH + 'resthub/springmvc-router/issues/53',
     'clean: the ThreadLocal is removed in a finally around the chain',
     files=[J('org.resthub.web.springmvc.router', 'RequestAdapterFilter', TLI, TL % dict(cls='RequestAdapterFilter'), False)])
MDC1 = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);

    public void handle(Message message) {
        MDC.put("messageId", message.id()); //@CONC-04
C|        try {
            LOG.info("processing");
            process(message);
C|        } finally {
C|            MDC.remove("messageId");
C|        }
    }

    private void process(Message message) {
        LOG.debug("payload size {}", message.payload().length);
    }

    public record Message(String id, byte[] payload) {
    }
}
'''
MDCI = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.slf4j.MDC']
case('java-24-oxalis-inbound-puts-message-id-in-mdc-never-removed', GH + 'OxalisCommunity/oxalis/issues/577',
     'an inbound handler puts the message id in the MDC and never removes it from the pooled thread',
     files=[J('network.oxalis.inbound', 'InboundHandler', MDCI, MDC1 % dict(cls='InboundHandler'))])
case('java-ok-14-inbound-handler-removes-mdc-in-finally', GH + 'OxalisCommunity/oxalis/issues/577',
     'clean: the MDC key is removed in finally',
     files=[J('network.oxalis.inbound', 'InboundHandler', MDCI, MDC1 % dict(cls='InboundHandler'), False)])
case('java-25-kafka-connect-task-sets-mdc-context-without-cleanup', GH + 'confluentinc/kafka/pull/113',
     'a connector task tags its log lines with an MDC key it never removes',
     files=[J('org.apache.kafka.connect.runtime', 'TaskLogging', MDCI, MDC1 % dict(cls='TaskLogging'))])
TLEDIT = r'''
public class TenantInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TenantContext.set(request.getHeader("X-Tenant")); //@CONC-04
        return true;
    }
-|
-|    @Override
-|    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
-|        TenantContext.clear();
-|    }
}
'''
case('java-26-tenant-interceptor-edit-removes-after-completion', GH + 'spinnaker-plugins/aws-account-registration-plugin-spinnaker/issues/38'.replace('spinnaker-plugins/aws-account-registration-plugin-spinnaker/issues/38', 'resthub/springmvc-router/issues/53'),
     'an edit deletes the afterCompletion that cleared the tenant ThreadLocal set in preHandle',
     files=[java_edit(src('org.resthub.web.tenant', 'TenantInterceptor'), 'org.resthub.web.tenant',
                      ['jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse', 'org.springframework.web.servlet.HandlerInterceptor'], TLEDIT)])

# ---------------------------------------------------------------- CONC-05: interrupts
INT = r'''
public class %(cls)s implements Runnable {
    private final BlockingQueue<byte[]> queue;
    private volatile boolean running = true;

    public %(cls)s(BlockingQueue<byte[]> queue) {
        this.queue = queue;
    }

    @Override
    public void run() {
        while (running) {
            try {
                byte[] batch = queue.take();
                ship(batch);
B|            } catch (InterruptedException e) { //@CONC-05
B|                // keep polling
C|            } catch (InterruptedException e) {
C|                Thread.currentThread().interrupt();
C|                return;
            }
        }
    }

    private void ship(byte[] batch) {
    }
}
'''
case('java-27-profiler-uploader-swallows-interrupt-and-keeps-polling', GH + 'Terracotta-OSS/terracotta-core/pull/843'.replace('Terracotta-OSS/terracotta-core/pull/843', 'pinterest/secor/pull/108'),
     'an uploader thread swallows the interrupt and loops again, so shutdown cannot stop it',
     files=[J('com.pinterest.secor.consumer', 'Shipper', ['java.util.concurrent.BlockingQueue'], INT % dict(cls='Shipper'))])
case('java-ok-15-shipper-restores-interrupt-and-returns', GH + 'pinterest/secor/pull/108',
     'clean: the interrupt flag is restored and the loop ends',
     files=[J('com.pinterest.secor.consumer', 'Shipper', ['java.util.concurrent.BlockingQueue'], INT % dict(cls='Shipper'), False)])
case('java-28-maxwell-producer-ignores-interrupt-in-loop', GH + 'zendesk/maxwell/pull/1703',
     'a producer thread catches InterruptedException in its take loop and keeps going',
     files=[J('com.zendesk.maxwell.producer', 'RowShipper', ['java.util.concurrent.BlockingQueue'], INT % dict(cls='RowShipper'))])
WRAP = r'''
public final class Sleeper {

    private Sleeper() {
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { //@CONC-05
            throw new IllegalStateException("interrupted while pausing", e);
        }
    }
}
'''
case('java-29-sirius-sleeper-wraps-interrupt-without-restoring', GH + 'scireum/sirius-kernel/pull/16',
     'a sleep helper turns InterruptedException into a runtime exception without restoring the flag',
     files=[J('sirius.kernel.commons', 'Sleeper', [], WRAP)])
case('java-ok-16-sleeper-restores-flag-before-wrapping', GH + 'scireum/sirius-kernel/pull/16',
     'clean: the helper re-interrupts the thread before wrapping',
     files=[J('sirius.kernel.commons', 'Sleeper', [], WRAP.replace(' //@CONC-05', '').replace('            throw new Illegal', '            Thread.currentThread().interrupt();\n            throw new Illegal'))])
FUTGET = r'''
public class PartFetcher {
    private final ExecutorService pool;

    public PartFetcher(ExecutorService pool) {
        this.pool = pool;
    }

    public byte[] fetch(Callable<byte[]> part) throws IOException {
        Future<byte[]> f = pool.submit(part);
        try {
            return f.get(30, TimeUnit.SECONDS);
-|        } catch (InterruptedException e) {
-|            Thread.currentThread().interrupt();
-|            throw new IOException("interrupted", e);
-|        } catch (ExecutionException | TimeoutException e) {
+|        } catch (InterruptedException | ExecutionException | TimeoutException e) { //@CONC-05
            throw new IOException("part failed", e);
        }
    }
}
'''
case('java-30-tos-part-fetcher-edit-merges-interrupt-into-multi-catch', GH + 'volcengine/ve-tos-java-sdk/pull/10',
     'an edit folds InterruptedException into a multi-catch that wraps it without restoring the flag',
     files=[java_edit(src('com.volcengine.tos.internal', 'PartFetcher'), 'com.volcengine.tos.internal',
                      ['java.io.IOException', 'java.util.concurrent.Callable', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                       'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'], FUTGET)])

# ---------------------------------------------------------------- CONC-07 / CONC-06 / CONC-01
SCHED = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public void start(Runnable refresh) {
B|        scheduler.scheduleWithFixedDelay(refresh, 0, 30, TimeUnit.SECONDS); //@CONC-07
C|        scheduler.scheduleWithFixedDelay(() -> {
C|            try {
C|                refresh.run();
C|            } catch (RuntimeException e) {
C|                LOG.error("refresh failed, next run in 30 s", e);
C|            }
C|        }, 0, 30, TimeUnit.SECONDS);
        LOG.info("refresh scheduled");
    }
}
'''
SCHEDI = ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-31-jqm-poller-schedules-refresh-without-guard', GH + 'enioka-Haute-Couture/jqm/issues/100',
     'a job queue schedules a refresh task that has no catch, so one failure ends the schedule',
     files=[J('com.enioka.jqm.engine', 'PollerScheduler', SCHEDI, SCHED % dict(cls='PollerScheduler'))])
case('java-ok-17-poller-scheduler-guards-each-run', GH + 'enioka-Haute-Couture/jqm/issues/100',
     'clean: each scheduled run is wrapped in a catch that logs and returns',
     files=[J('com.enioka.jqm.engine', 'PollerScheduler', SCHEDI, SCHED % dict(cls='PollerScheduler'), False)])
case('java-32-dogtag-crl-refresh-scheduled-without-catch', GH + 'dogtagpki/pki/pull/4008',
     'a certificate service schedules CRL refresh with no guard around the task',
     files=[J('com.netscape.cmscore.ldap', 'CrlRefresher', SCHEDI, SCHED % dict(cls='CrlRefresher'))])
SUBMIT = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);
    private final ExecutorService executor;

    public %(cls)s(ExecutorService executor) {
        this.executor = executor;
    }

    public void publish(Event event) {
B|        executor.submit(() -> send(event)); //@CONC-06
C|        CompletableFuture.runAsync(() -> send(event), executor)
C|                .exceptionally(e -> {
C|                    LOG.error("publishing {} failed", event.id(), e);
C|                    return null;
C|                });
    }

    private void send(Event event) {
        LOG.debug("sending {}", event.id());
    }

    public record Event(String id) {
    }
}
'''
SUBI = ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-33-nakadi-publisher-submits-and-drops-future', GH + 'dehora/nakadi-java/pull/174',
     'an event publisher submits each send and drops the Future, so a failure vanishes',
     files=[J('nakadi', 'AsyncPublisher', SUBI, SUBMIT % dict(cls='AsyncPublisher'))])
case('java-ok-18-async-publisher-logs-failed-send', GH + 'dehora/nakadi-java/pull/174',
     'clean: the send runs as a CompletableFuture whose failure is logged',
     files=[J('nakadi', 'AsyncPublisher', SUBI, SUBMIT % dict(cls='AsyncPublisher'), False)])
case('java-34-castled-sync-submits-batch-and-ignores-future', GH + 'castledio/castled/pull/202',
     'a data sync submits each batch to an executor and never looks at the result',
     files=[J('io.castled.sync', 'BatchPublisher', SUBI, SUBMIT % dict(cls='BatchPublisher'))])
THREAD = r'''
public class %(cls)s {

    public void start(Runnable loop) {
B|        Thread t = new Thread(loop, "%(name)s"); //@CONC-01
C|        Thread t = new Thread(loop, "%(name)s");
C|        t.setUncaughtExceptionHandler((th, e) -> System.getLogger("%(name)s").log(System.Logger.Level.ERROR, "thread died", e));
        t.setDaemon(true);
        t.start();
    }
}
'''
case('java-35-geoserver-watcher-starts-thread-without-handler', GH + 'geosolutions-it/geoserver-manager/issues/21',
     'a watcher starts a raw thread with no uncaught-exception handler; it dies silently',
     files=[J('it.geosolutions.geoserver.watch', 'Watcher', [], THREAD % dict(cls='Watcher', name='geoserver-watch'))])
case('java-ok-19-watcher-thread-has-handler', GH + 'geosolutions-it/geoserver-manager/issues/21',
     'clean: the thread gets an uncaught-exception handler that logs',
     files=[J('it.geosolutions.geoserver.watch', 'Watcher', [], THREAD % dict(cls='Watcher', name='geoserver-watch'), False)])
case('java-36-wildfly-test-helper-starts-raw-thread', GH + 'wildfly/wildfly/pull/19664',
     'a server helper starts a background thread without any exception handler',
     files=[J('org.wildfly.test.integration', 'Pinger', [], THREAD % dict(cls='Pinger', name='pinger'))])

# ---------------------------------------------------------------- DEP-02
OIS = r'''
public final class %(cls)s {

    private %(cls)s() {
    }

    public static Object read(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
C|            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.lang.*;java.util.*;%(pkg)s.*;!*"));
            return in.readObject(); //@DEP-02
        }
    }
}
'''
OISI = ['java.io.IOException', 'java.io.ObjectInputStream', 'java.nio.file.Files', 'java.nio.file.Path']
case('java-37-chili-storage-reads-objects-from-disk-unfiltered', GH + 'codingchili/chili-core/issues/281',
     'a storage module deserialises whatever file it is given with a plain ObjectInputStream',
     files=[J('com.codingchili.core.storage', 'DiskSnapshot', OISI, OIS % dict(cls='DiskSnapshot', pkg='com.codingchili'))])
case('java-ok-20-disk-snapshot-sets-allowlist-filter', GH + 'codingchili/chili-core/issues/281',
     'clean: an allowlist ObjectInputFilter is set before readObject',
     files=[J('com.codingchili.core.storage', 'DiskSnapshot', OISI + ['java.io.ObjectInputFilter'], OIS % dict(cls='DiskSnapshot', pkg='com.codingchili'), False)])
case('java-38-pentaho-shim-reads-serialized-config', GH + 'pentaho/pentaho-hadoop-shims/pull/1554',
     'a Hadoop shim reads a serialised configuration file with no class filter',
     files=[J('org.pentaho.hadoop.shim.common', 'ConfigSnapshot', OISI, OIS % dict(cls='ConfigSnapshot', pkg='org.pentaho'))])
JACK = r'''
public final class %(cls)s {

    private %(cls)s() {
    }

    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL); //@DEP-02
        return mapper;
    }
}
'''
case('java-39-pentaho-mapper-enables-default-typing', GH + 'pentaho/pentaho-hadoop-shims/pull/1554',
     'a mapper factory turns on default typing with a validator that allows every class',
     files=[J('org.pentaho.hadoop.shim.json', 'Mappers', ['com.fasterxml.jackson.databind.ObjectMapper', 'com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator'], JACK % dict(cls='Mappers'))])
JACKOK = r'''
public final class %(cls)s {

    private %(cls)s() {
    }

    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.deactivateDefaultTyping();
        return mapper;
    }
}
'''
case('java-ok-21-dogtag-serializer-deactivates-default-typing', GH + 'dogtagpki/pki/pull/4008',
     'clean: the serializer explicitly deactivates default typing and reads concrete classes',
     files=[J('com.netscape.certsrv.base', 'JsonMappers', ['com.fasterxml.jackson.databind.ObjectMapper'], JACKOK % dict(cls='JsonMappers'))])
case('java-40-yapion-bridge-reads-object-from-socket', GH + 'yoyosource/YAPION/pull/7',
     'a serialisation bridge reads a Java object from the socket stream without a filter',
     files=[J('yapion.serializing', 'JavaBridge', ['java.io.IOException', 'java.io.ObjectInputStream', 'java.net.Socket'], r'''
public final class JavaBridge {

    private JavaBridge() {
    }

    public static Object receive(Socket socket) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(socket.getInputStream());
        return in.readObject(); //@DEP-02
    }
}
''')])

# ---------------------------------------------------------------- ERR-01, LOG-01, LOG-02
EMPTY = r'''
public class %(cls)s {

    public void close(AutoCloseable resource) {
        try {
            resource.close();
B|        } catch (Exception e) { //@ERR-01
B|            e.printStackTrace();
C|        } catch (Exception e) {
C|            // close after a completed read: nothing is lost, the cause is only logged
C|            System.getLogger("%(cls)s").log(System.Logger.Level.WARNING, "close failed", e);
        }
    }
}
'''
case('java-41-yapion-closer-prints-stack-trace', GH + 'yoyosource/YAPION/pull/7',
     'a closer swallows the exception with printStackTrace',
     files=[J('yapion.utils', 'Closer', [], EMPTY % dict(cls='Closer'))])
case('java-ok-22-closer-logs-with-reason', GH + 'yoyosource/YAPION/pull/7',
     'clean: the close failure is logged with a comment that says why it may be absorbed',
     files=[J('yapion.utils', 'Closer', [], EMPTY % dict(cls='Closer'), False)])
EMPTYCATCH = r'''
public class TokenCache {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public String token(String user, Supplier<String> issue) {
        String t = tokens.get(user);
        if (t == null) {
            try {
                t = issue.get();
                tokens.put(user, t);
            } catch (RuntimeException e) { //@ERR-01
            }
        }
        return t;
    }
}
'''
case('java-42-twitter-token-cache-empty-catch', GH + 'redouane59/twittered/pull/402',
     'a token cache swallows the failure to issue a token in an empty catch and returns null',
     files=[J('io.github.redouane59.twitter.signature', 'TokenCache', ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.function.Supplier'], EMPTYCATCH)])
LOGLOOP = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);

    public int importAll(List<String> lines) {
        int rejected = 0;
        for (String line : lines) {
            if (!valid(line)) {
B|                LOG.warn("rejected line {}", line); //@LOG-01
                rejected++;
            }
        }
C|        LOG.info("import done: {} lines, {} rejected", lines.size(), rejected);
        return rejected;
    }

    private boolean valid(String line) {
        return !line.isBlank();
    }
}
'''
LOGI = ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-43-trip-planner-warns-per-rejected-line', GH + 'opentripplanner/OpenTripPlanner/pull/4461',
     'a feed importer warns once per rejected line of a large feed',
     files=[J('org.opentripplanner.graph_builder', 'StopImporter', LOGI, LOGLOOP % dict(cls='StopImporter'))])
case('java-ok-23-stop-importer-logs-one-summary', GH + 'opentripplanner/OpenTripPlanner/pull/4461',
     'clean: rejected lines are counted and one summary is logged',
     files=[J('org.opentripplanner.graph_builder', 'StopImporter', LOGI, LOGLOOP % dict(cls='StopImporter'), False)])
case('java-44-wps-importer-logs-every-bad-record', GH + '52North/WPS/issues/130',
     'a processing service logs a warning per bad record of a batch',
     files=[J('org.n52.wps.io', 'RecordImporter', LOGI, LOGLOOP % dict(cls='RecordImporter'))])
CONCAT = r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);

    public void write(String path, byte[] data) {
B|        LOG.debug("created writer for path " + path + " with " + data.length + " bytes"); //@LOG-02
C|        LOG.debug("created writer for path {} with {} bytes", path, data.length);
    }
}
'''
CONCATI = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-45-secor-registry-concatenates-debug-message', GH + 'pinterest/secor/pull/108',
     'a file registry builds its debug message with string concatenation',
     files=[J('com.pinterest.secor.common', 'FileRegistry', CONCATI, CONCAT % dict(cls='FileRegistry'))])
case('java-ok-24-file-registry-uses-placeholders', GH + 'pinterest/secor/pull/108',
     'clean: the debug message uses placeholders',
     files=[J('com.pinterest.secor.common', 'FileRegistry', CONCATI, CONCAT % dict(cls='FileRegistry'), False)])
case('java-46-terracotta-stage-concatenates-debug', GH + 'Terracotta-OSS/terracotta-core/pull/843',
     'a server stage concatenates its debug message before the level check',
     files=[J('com.tc.async.impl', 'StageWriter', CONCATI, CONCAT % dict(cls='StageWriter'))])

# ---------------------------------------------------------------- shapes: CRLF, rename, test beside, pom, generated
case('java-47-crlf-cf-client-builds-client-per-call', GH + 'SAP-archive/cf-java-client-sap/pull/289',
     'a CRLF file builds a JDK HttpClient for each call',
     files=[dict(J('com.sap.cloudfoundry.client.facade.log', 'RecentLogs', JDKI, JDK % dict(cls='RecentLogs')), crlf=True)])
case('java-48-renamed-router-filter-loses-finally', GH + 'resthub/springmvc-router/issues/53',
     'a filter moved to a new package loses the finally that removed its ThreadLocal',
     files=[dict(f(src('org.resthub.web.filter', 'RequestAdapterFilter'),
                   old=java('org.resthub.web.springmvc.router', sorted(TLI), pick(TL % dict(cls='RequestAdapterFilter'), False)),
                   new=java('org.resthub.web.filter', sorted(TLI), pick(TL % dict(cls='RequestAdapterFilter'), True))),
                 rename_from=src('org.resthub.web.springmvc.router', 'RequestAdapterFilter'))])
TESTJ = r'''
class NodeNamesTest {

    @Test
    void names_of_an_unknown_owner_are_empty() throws Exception {
        DataSource ds = Mockito.mock(DataSource.class);
        Assertions.assertThrows(NullPointerException.class, () -> new NodeNames(ds).names(42));
    }
}
'''
case('java-49-node-names-with-test-beside-closes-by-hand', GH + 'enioka-Haute-Couture/jqm/issues/100',
     'a DAO with its test beside it closes its connection by hand at the end',
     files=[J('com.enioka.jqm.model', 'NodeNames', JDBCI, JDBC % dict(cls='NodeNames', meth='names', table='node')),
            f(tst('com.enioka.jqm.model', 'NodeNamesTest'), new=java('com.enioka.jqm.model', ['javax.sql.DataSource', 'org.junit.jupiter.api.Assertions', 'org.junit.jupiter.api.Test', 'org.mockito.Mockito'], TESTJ))])
case('java-50-pom-and-mapper-with-default-typing', GH + 'codingchili/chili-core/issues/281',
     'a new module with its pom turns on default typing for every mapper',
     files=[f('pom.xml', new=pom('chili-json', ['com.fasterxml.jackson.core:jackson-databind:2.17.1'])),
            J('com.codingchili.core.protocol', 'Mappers', ['com.fasterxml.jackson.databind.ObjectMapper', 'com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator'], JACK % dict(cls='Mappers'))])
GEN = r'''
/**
 * Generated by the protocol buffer compiler. DO NOT EDIT!
 */
@javax.annotation.Generated("protoc")
public final class TripProto {

    private TripProto() {
    }

    public static Object parse(byte[] bytes) {
        try {
            return bytes.length;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
'''
case('java-ok-25-generated-proto-beside-guarded-scheduler', GH + 'opentripplanner/OpenTripPlanner/pull/4461',
     'clean: a generated protobuf class beside a scheduler whose task is guarded',
     files=[f(src('org.opentripplanner.proto', 'TripProto'), new=java('org.opentripplanner.proto', [], GEN)),
            J('org.opentripplanner.updater', 'UpdaterScheduler', SCHEDI, SCHED % dict(cls='UpdaterScheduler'), False)])

# The round keeps 60 Java cases: these near-repeats of a template were written first and left out (numbers as written).
CASES[:] = keep(CASES, {'bad': {'02', '06', '10', '17', '19', '25', '28', '34', '36', '46'},
                        'ok': {'05', '09', '16', '21', '24'}}, 'java')

# Run 2 (CORRECTIONS.md): items the code really has and the case did not label, added after the blind run 1 as
# accepted items; no case code or expectation changed.
_M = 'src/main/java/'
ACCEPT = {
    'java-01-sequence-reader-closes-connection-only-on-success': [(_M + 'com/enioka/jqm/jdbc/NodeNames.java', 20, 'TMO-01'),
                                                                  (_M + 'com/enioka/jqm/jdbc/NodeNames.java', 22, 'RES-01')],
    'java-02-as4-store-lists-messages-without-try-with-resources': [(_M + 'network/oxalis/persist/MessageIds.java', 20, 'TMO-01'),
                                                                    (_M + 'network/oxalis/persist/MessageIds.java', 22, 'RES-01')],
    'java-03-binlog-store-edit-drops-try-with-resources': [(_M + 'com/zendesk/maxwell/schema/BinlogPositionStore.java', 18, 'TMO-01')],
    'java-05-terracotta-store-logs-failed-commit-and-returns-true': [(_M + 'com/tc/objectserver/persistence/RecordWriter.java', 22, 'TX-01')],
    'java-06-sirius-store-swallows-commit-failure': [(_M + 'sirius/db/jdbc/Journal.java', 13, 'TX-01'),
                                                     (_M + 'sirius/db/jdbc/Journal.java', 14, 'TMO-01')],
    'java-10-secor-uploader-keeps-every-reader-open-until-batch-ends': [(_M + 'com/pinterest/secor/uploader/LineCounter.java', 17, 'RES-01')],
    'java-11-pubmed-retrieval-creates-client-per-request': [(_M + 'reciter/service/ArticleFetcher.java', 13, 'TMO-01')],
    'java-12-geoserver-publisher-creates-client-per-call': [(_M + 'it/geosolutions/geoserver/rest/RestFetcher.java', 13, 'TMO-01')],
    'java-39-node-names-with-test-beside-closes-by-hand': [(_M + 'com/enioka/jqm/model/NodeNames.java', 20, 'TMO-01'),
                                                           (_M + 'com/enioka/jqm/model/NodeNames.java', 22, 'RES-01')],
    'java-ok-01-node-names-in-try-with-resources': [(_M + 'com/enioka/jqm/jdbc/NodeNames.java', 20, 'TMO-01')],
    'java-ok-02-message-ids-in-try-with-resources': [(_M + 'network/oxalis/persist/MessageIds.java', 20, 'TMO-01')],
}
for c in CASES:
    c['accept'] = c.get('accept', []) + ACCEPT.get(c['name'], [])
