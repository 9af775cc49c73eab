"""Round-8 Java cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by the generator."""
from cases_common import java, src, tst, f

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def grow(path, pkg, imports, klass, added, new_imports=()):
    """A modification of an existing class: `klass` holds one line `    //+` where the change adds `added`."""
    old_body = klass.replace('    //+\n', '')
    new_body = klass.replace('    //+\n', added.strip('\n') + '\n')
    return f(path, old=java(pkg, sorted(imports), old_body), new=java(pkg, sorted(set(imports) | set(new_imports)), new_body))


# ============================================================== RES-01: JDBC statements and result sets
TABLES = r'''
public final class YdbMetadataReader {
    private final DataSource dataSource;

    public YdbMetadataReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> tables(String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, prefix + "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    //+
}
'''
case('java-01-metadata-reader-row-count-statement-never-closed', 'https://github.com/ydb-platform/ydb-jdbc-driver/pull/88',
     'a metadata reader gains a row-count method: the Connection is in try-with-resources, but the Statement from createStatement and its ResultSet never are',
     files=[grow(src('tech.ydb.jdbc.meta', 'YdbMetadataReader'), 'tech.ydb.jdbc.meta',
                 ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource'], TABLES, r'''
    public long rowCount(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Statement st = c.createStatement(); //@RES-01
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + table + "`"); //@~RES-01,~TMO-01
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
''', new_imports=['java.sql.Statement'])])

FIXTURE = r'''
public class QueryStatsFixture {
    private final Connection connection;

    public QueryStatsFixture(Connection connection) {
        this.connection = connection;
    }

    public List<Map<String, Object>> rows(String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery();
        List<Map<String, Object>> out = readAll(rs);
        rs.close();
        ps.close();
        return out;
    }

    private static List<Map<String, Object>> readAll(ResultSet rs) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns; i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
'''
case('java-02-fixture-closes-result-set-by-hand', 'https://github.com/dbfit/dbfit/pull/190',
     'a test-fixture helper in main code closes its PreparedStatement and ResultSet by hand after reading; an exception while reading leaks both',
     files=[f(src('dbfit.util', 'QueryStatsFixture'), new=java('dbfit.util', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.LinkedHashMap', 'java.util.List', 'java.util.Map'],
                                                           FIXTURE.replace('        PreparedStatement ps = connection.prepareStatement(sql);\n', '        PreparedStatement ps = connection.prepareStatement(sql); //@RES-01\n')
                                                           .replace('        ResultSet rs = ps.executeQuery();\n', '        ResultSet rs = ps.executeQuery(); //@~RES-01,~TMO-01\n')))])

S3AUTH = r'''
final class ObjectResource {
    private final S3Client s3;
    private final String bucket;

    ObjectResource(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    byte[] range(String key, long from, long to) throws IOException {
        GetObjectRequest req = GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=" + from + "-" + to).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(req)) {
            return in.readAllBytes();
        }
    }

    //+
}
'''
case('java-03-partial-content-total-length-opens-object', 'https://github.com/yegor256/s3auth/pull/195',
     'to fill Content-Range an S3 resource opens the whole object (AWS SDK v2 ResponseInputStream) only to read its length, and never closes the stream',
     files=[grow(src('com.s3auth.hosts', 'ObjectResource'), 'com.s3auth.hosts',
                 ['java.io.IOException', 'software.amazon.awssdk.core.ResponseInputStream', 'software.amazon.awssdk.services.s3.S3Client', 'software.amazon.awssdk.services.s3.model.GetObjectRequest', 'software.amazon.awssdk.services.s3.model.GetObjectResponse'], S3AUTH, r'''
    long totalLength(String key) {
        ResponseInputStream<GetObjectResponse> whole = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()); //@RES-01|RES-02
        return whole.response().contentLength();
    }
''')])

MAPPER_SVC = r'''
public class AuditService {
    private final SqlSessionFactory factory;

    public AuditService(SqlSessionFactory factory) {
        this.factory = factory;
    }

    public List<AuditEntry> recent(int limit) {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(AuditMapper.class).recent(limit);
        }
    }

    //+
}
'''
case('java-04-audit-service-closes-session-after-commit-only', 'https://github.com/mybatis/mybatis-3/pull/2193',
     'a MyBatis service adds a batch insert that opens a SqlSession and closes it by hand after commit; a failing insert leaves the session and its connection open',
     files=[grow(src('org.example.audit', 'AuditService'), 'org.example.audit',
                 ['java.util.List', 'org.apache.ibatis.session.SqlSession', 'org.apache.ibatis.session.SqlSessionFactory'], MAPPER_SVC, r'''
    public void record(List<AuditEntry> entries) {
        SqlSession session = factory.openSession(ExecutorType.BATCH, false); //@RES-01|TX-01
        AuditMapper mapper = session.getMapper(AuditMapper.class);
        for (AuditEntry e : entries) {
            mapper.insert(e);
        }
        session.commit();
        session.close();
    }
''', new_imports=['org.apache.ibatis.session.ExecutorType'])])

case('java-ok-01-audit-service-batch-session-in-try', 'https://github.com/mybatis/mybatis-3/pull/2193',
     'clean: the same batch insert opens the SqlSession in try-with-resources, commits at the end, and an exception rolls back when the session closes',
     files=[grow(src('org.example.audit', 'AuditService'), 'org.example.audit',
                 ['java.util.List', 'org.apache.ibatis.session.SqlSession', 'org.apache.ibatis.session.SqlSessionFactory'], MAPPER_SVC, r'''
    public void record(List<AuditEntry> entries) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH, false)) {
            AuditMapper mapper = session.getMapper(AuditMapper.class);
            for (AuditEntry e : entries) {
                mapper.insert(e);
            }
            session.commit();
        }
    }
''', new_imports=['org.apache.ibatis.session.ExecutorType'])])

case('java-05-provisioning-target-opens-hibernate-session', 'https://github.com/TremoloSecurity/OpenUnison/issues/271',
     'a provisioning target looks a user up through a Hibernate Session it opens and never closes',
     files=[f(src('com.tremolosecurity.provisioning.targets', 'JpaUserLookup'), new=java('com.tremolosecurity.provisioning.targets', ['java.util.Optional', 'org.hibernate.Session', 'org.hibernate.SessionFactory'], r'''
public class JpaUserLookup {
    private final SessionFactory sessionFactory;

    public JpaUserLookup(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public Optional<UserRecord> byLogin(String login) {
        Session session = sessionFactory.openSession(); //@RES-01
        UserRecord user = session.createQuery("from UserRecord u where u.login = :login", UserRecord.class)
                .setParameter("login", login)
                .uniqueResult();
        return Optional.ofNullable(user);
    }
}
'''))])

case('java-06-export-streams-mybatis-cursor-unclosed', 'https://github.com/quarkiverse/quarkus-mybatis/pull/241',
     'an export endpoint streams rows through a MyBatis Cursor and never closes it (nor the statement behind it)',
     files=[f(src('io.quarkiverse.mybatis.demo', 'ExportResource'), new=java('io.quarkiverse.mybatis.demo', ['jakarta.inject.Inject', 'jakarta.ws.rs.GET', 'jakarta.ws.rs.Path', 'jakarta.ws.rs.Produces', 'java.io.StringWriter', 'org.apache.ibatis.cursor.Cursor'], r'''
@Path("/export")
public class ExportResource {
    @Inject
    OrderMapper mapper;

    @GET
    @Produces("text/csv")
    public String export() {
        Cursor<Order> orders = mapper.streamAll(); //@RES-01
        StringWriter out = new StringWriter();
        for (Order o : orders) {
            out.append(o.id()).append(',').append(o.customer()).append(',').append(o.total().toPlainString()).append('\n');
        }
        return out.toString();
    }
}
'''))])

case('java-ok-02-order-repository-hands-cursor-to-caller', 'https://github.com/quarkiverse/quarkus-mybatis/pull/241',
     'clean: a repository returns the open Cursor (documented: the caller closes it) and the resource in the same change iterates it in try-with-resources',
     files=[f(src('io.quarkiverse.mybatis.demo', 'OrderRepository'), new=java('io.quarkiverse.mybatis.demo', ['org.apache.ibatis.cursor.Cursor', 'org.apache.ibatis.session.SqlSession'], r'''
public class OrderRepository {
    private final SqlSession session;

    OrderRepository(SqlSession session) {
        this.session = session;
    }

    /** Streams every order; the returned cursor is the caller's to close. */
    public Cursor<Order> streamAll() {
        return session.getMapper(OrderMapper.class).streamAll();
    }
}
''')),
            f(src('io.quarkiverse.mybatis.demo', 'CsvExport'), new=java('io.quarkiverse.mybatis.demo', ['java.io.IOException', 'java.io.UncheckedIOException', 'java.io.Writer', 'org.apache.ibatis.cursor.Cursor'], r'''
public class CsvExport {
    private final OrderRepository repository;

    CsvExport(OrderRepository repository) {
        this.repository = repository;
    }

    public void write(Writer out) throws IOException {
        try (Cursor<Order> orders = repository.streamAll()) {
            for (Order o : orders) {
                out.write(o.id() + "," + o.customer() + "," + o.total().toPlainString() + "\n");
            }
        }
    }
}
'''))])

case('java-07-spring-service-opens-batch-session-by-hand', 'https://github.com/mybatis/spring/issues/565',
     'a Spring service bypasses the managed SqlSessionTemplate and opens a batch SqlSession from the factory that is never closed',
     files=[f(src('com.example.inventory', 'StockImportService'), new=java('com.example.inventory', ['java.util.List', 'org.apache.ibatis.session.ExecutorType', 'org.apache.ibatis.session.SqlSession', 'org.apache.ibatis.session.SqlSessionFactory', 'org.springframework.stereotype.Service'], r'''
@Service
public class StockImportService {
    private final SqlSessionFactory sqlSessionFactory;

    public StockImportService(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    public int importLevels(List<StockLevel> levels) {
        SqlSession batch = sqlSessionFactory.openSession(ExecutorType.BATCH); //@RES-01|TX-01
        StockMapper mapper = batch.getMapper(StockMapper.class);
        levels.forEach(mapper::upsert);
        batch.flushStatements();
        batch.commit();
        return levels.size();
    }
}
'''))])

# ============================================================== RES-02: HTTP responses
SWIFT = r'''
public class ObjectStoreCommand {
    private final CloseableHttpClient http;
    private final String endpoint;

    public ObjectStoreCommand(CloseableHttpClient http, String endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    //+
}
'''
case('java-08-object-store-consumes-entity-only-on-success', 'https://github.com/javaswift/joss/issues/148',
     'an object-store command (Apache HttpClient 4) consumes the entity only on the success path; an unexpected status throws with the connection still leased',
     files=[grow(src('org.javaswift.joss.command', 'ObjectStoreCommand'), 'org.javaswift.joss.command',
                 ['org.apache.http.impl.client.CloseableHttpClient'], SWIFT, r'''
    public Map<String, String> metadata(String container, String object) throws IOException {
        HttpHead head = new HttpHead(endpoint + "/" + container + "/" + object);
        CloseableHttpResponse response = http.execute(head); //@RES-02
        int status = response.getStatusLine().getStatusCode();
        if (status != HttpStatus.SC_OK && status != HttpStatus.SC_NO_CONTENT) {
            throw new CommandException("HEAD " + object + " answered " + status);
        }
        Map<String, String> meta = new HashMap<>();
        for (Header h : response.getAllHeaders()) {
            if (h.getName().startsWith("X-Object-Meta-")) {
                meta.put(h.getName().substring(14), h.getValue());
            }
        }
        EntityUtils.consume(response.getEntity());
        return meta;
    }
''', new_imports=['java.io.IOException', 'java.util.HashMap', 'java.util.Map', 'org.apache.http.Header', 'org.apache.http.HttpStatus',
                  'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpHead', 'org.apache.http.util.EntityUtils'])])

case('java-09-geocoder-error-status-throws-without-close', 'https://github.com/graphhopper/geocoder-converter/pull/53',
     'a geocoder resource (JAX-RS client) throws on an error status before reading the entity and never closes the Response: the pooled connection is lost on every failure',
     files=[f(src('com.graphhopper.converter.resources', 'NominatimResource'), new=java('com.graphhopper.converter.resources', ['jakarta.ws.rs.WebApplicationException', 'jakarta.ws.rs.client.WebTarget', 'jakarta.ws.rs.core.MediaType', 'jakarta.ws.rs.core.Response'], r'''
public class NominatimResource {
    private final WebTarget nominatim;

    public NominatimResource(WebTarget nominatim) {
        this.nominatim = nominatim;
    }

    public NominatimEntry[] search(String query, int limit) {
        Response response = nominatim.queryParam("q", query).queryParam("limit", limit) //@RES-02
                .request(MediaType.APPLICATION_JSON).get();
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            throw new WebApplicationException("nominatim answered " + status, status);
        }
        return response.readEntity(NominatimEntry[].class);
    }
}
'''))])

# ============================================================== TMO-01 (Java)
case('java-10-oauth-request-opens-connection-without-timeouts', 'https://github.com/scribejava/scribejava/pull/31',
     'an OAuth request sends itself over HttpURLConnection with neither a connect nor a read timeout',
     files=[f(src('com.github.scribejava.core.model', 'OAuthRequest'), new=java('com.github.scribejava.core.model', ['java.io.IOException', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.util.Map'], r'''
public class OAuthRequest {
    private final String verb;
    private final String url;
    private final Map<String, String> headers;
    private final String payload;

    public OAuthRequest(String verb, String url, Map<String, String> headers, String payload) {
        this.verb = verb;
        this.url = url;
        this.headers = headers;
        this.payload = payload;
    }

    public int send() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@TMO-01
        connection.setRequestMethod(verb);
        headers.forEach(connection::setRequestProperty);
        if (payload != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        return connection.getResponseCode();
    }
}
'''))])

case('java-11-facade-jdk-client-request-without-timeout', 'https://github.com/openfacade/http-facade/pull/28',
     'an HTTP facade over the JDK HttpClient builds the client without a connect timeout and the request without a timeout, ignoring the configured values',
     files=[f(src('io.github.openfacade.http', 'JdkHttpClient'), new=java('io.github.openfacade.http', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse'], r'''
public class JdkHttpClient implements FacadeClient {
    private final HttpClientConfig config;
    private final HttpClient client;

    public JdkHttpClient(HttpClientConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); //@TMO-01
    }

    @Override
    public FacadeResponse get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build(); //@TMO-01
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new FacadeResponse(response.statusCode(), response.body());
    }
}
'''))])

case('java-ok-03-facade-jdk-client-with-both-timeouts', 'https://github.com/openfacade/http-facade/pull/28',
     'clean: the fixed facade sets the connect timeout on the client and the request timeout on every request, and reads the body with ofString()',
     files=[f(src('io.github.openfacade.http', 'JdkHttpClient'), new=java('io.github.openfacade.http', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public class JdkHttpClient implements FacadeClient {
    private final HttpClientConfig config;
    private final HttpClient client;

    public JdkHttpClient(HttpClientConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
                .build();
    }

    @Override
    public FacadeResponse get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(config.requestTimeoutMillis()))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new FacadeResponse(response.statusCode(), response.body());
    }
}
'''))])

case('java-12-rest-adapter-url-connection-defaults', 'https://github.com/lysine-dev/retrofit/issues/221',
     'a REST adapter opens each call with URL.openConnection() and keeps the platform default timeouts, which are zero (wait forever)',
     files=[f(src('retrofit.client', 'UrlConnectionClient'), new=java('retrofit.client', ['java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL'], r'''
public class UrlConnectionClient implements Client {
    @Override
    public Response execute(Request request) throws IOException {
        HttpURLConnection connection = openConnection(request);
        prepareRequest(connection, request);
        return readResponse(connection);
    }

    protected HttpURLConnection openConnection(Request request) throws IOException {
        return (HttpURLConnection) new URL(request.getUrl()).openConnection(); //@TMO-01
    }
}
'''))])

GPS = r'''
public class CustomUrlJob {
    private final CustomUrlRequest request;

    public CustomUrlJob(CustomUrlRequest request) {
        this.request = request;
    }

    //+
}
'''
case('java-13-gps-logger-apache5-client-without-timeouts', 'https://github.com/mendhak/gpslogger/pull/335',
     'a location uploader builds an Apache HttpClient 5 client for every job (not shared) and without any request or connection timeout',
     files=[grow(src('com.mendhak.gpslogger.senders.customurl', 'CustomUrlJob'), 'com.mendhak.gpslogger.senders.customurl', [], GPS, r'''
    public void onRun() throws IOException {
        try (CloseableHttpClient client = HttpClients.custom().disableCookieManagement().build()) { //@TMO-01,RES-04
            ClassicHttpRequest post = ClassicRequestBuilder.post(request.url())
                    .setEntity(request.body(), ContentType.APPLICATION_FORM_URLENCODED)
                    .build();
            int status = client.execute(post, response -> response.getCode());
            if (status >= 400) {
                throw new IOException("upload failed with " + status);
            }
        }
    }
''', new_imports=['java.io.IOException', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.client5.http.impl.classic.HttpClients',
                  'org.apache.hc.core5.http.ClassicHttpRequest', 'org.apache.hc.core5.http.ContentType', 'org.apache.hc.core5.http.io.support.ClassicRequestBuilder'])])

case('java-14-updater-sets-connect-timeout-only', 'https://github.com/update4j/update4j/issues/176',
     'an updater downloads files over URLConnection with a connect timeout but no read timeout: a stalled server hangs the update',
     files=[f(src('org.update4j', 'FileDownloader'), new=java('org.update4j', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.URLConnection', 'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption'], r'''
final class FileDownloader {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    void download(URI uri, Path target) throws IOException {
        URLConnection connection = uri.toURL().openConnection(); //@TMO-01
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.addRequestProperty("User-Agent", "update4j");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
'''))])

# ============================================================== RES-04: clients, producers, executors per call
case('java-15-adapter-builds-es-rest-client-per-schema', 'https://github.com/apache/calcite/pull/2698',
     'an Elasticsearch adapter builds a low-level RestClient for every schema it creates and never closes it: descriptors and I/O threads pile up',
     files=[f(src('org.apache.calcite.adapter.elasticsearch', 'ElasticsearchSchemaFactory'), new=java('org.apache.calcite.adapter.elasticsearch', ['java.util.List', 'java.util.Map', 'org.apache.calcite.schema.Schema', 'org.apache.calcite.schema.SchemaFactory', 'org.apache.calcite.schema.SchemaPlus', 'org.apache.http.HttpHost', 'org.elasticsearch.client.RestClient'], r'''
public class ElasticsearchSchemaFactory implements SchemaFactory {
    @Override
    public Schema create(SchemaPlus parent, String name, Map<String, Object> operand) {
        List<HttpHost> hosts = HostParser.parse((String) operand.get("hosts"));
        RestClient client = RestClient.builder(hosts.toArray(new HttpHost[0])).build(); //@RES-04
        String index = (String) operand.get("index");
        return new ElasticsearchSchema(client, index);
    }
}
'''))])

case('java-16-sink-verifies-client-before-storing-it', 'https://github.com/apache/flink/pull/9468',
     'a search sink builds a RestHighLevelClient and pings it before storing it in its field; a failed ping throws, and close() (which closes the field) never sees that client',
     files=[f(src('org.apache.flink.streaming.connectors.elasticsearch', 'Elasticsearch7ApiCallBridge'), new=java('org.apache.flink.streaming.connectors.elasticsearch', ['java.io.IOException', 'java.util.List', 'org.apache.http.HttpHost', 'org.elasticsearch.client.RequestOptions', 'org.elasticsearch.client.RestClient', 'org.elasticsearch.client.RestHighLevelClient'], r'''
public class Elasticsearch7ApiCallBridge {
    private final List<HttpHost> hosts;

    public Elasticsearch7ApiCallBridge(List<HttpHost> hosts) {
        this.hosts = hosts;
    }

    public RestHighLevelClient createClient() throws IOException {
        RestHighLevelClient client = new RestHighLevelClient(RestClient.builder(hosts.toArray(new HttpHost[0]))); //@RES-01|RES-04
        if (!client.ping(RequestOptions.DEFAULT)) {
            throw new IOException("There are no reachable Elasticsearch nodes!");
        }
        return client;
    }
}
'''))])

case('java-17-exporter-reopens-search-client-on-every-open', 'https://github.com/camunda/camunda/issues/29146',
     'a record exporter creates a new search client each time it is (re)opened and only drops the old reference: thread count climbs until restart',
     files=[f(src('io.camunda.exporter', 'SearchExporter'), new=java('io.camunda.exporter', ['co.elastic.clients.elasticsearch.ElasticsearchClient', 'co.elastic.clients.json.jackson.JacksonJsonpMapper', 'co.elastic.clients.transport.rest_client.RestClientTransport', 'org.apache.http.HttpHost', 'org.elasticsearch.client.RestClient'], r'''
public class SearchExporter implements Exporter {
    private ExporterConfiguration config;
    private ElasticsearchClient client;

    @Override
    public void configure(ExporterConfiguration config) {
        this.config = config;
    }

    @Override
    public void open(Controller controller) {
        RestClient rest = RestClient.builder(HttpHost.create(config.url())).build(); //@RES-04
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        controller.scheduleCancellableTask(config.flushInterval(), this::flush);
    }

    @Override
    public void export(Record record) {
        batch().add(record);
    }
}
'''))])

case('java-ok-04-search-client-bean-closed-on-shutdown', 'https://github.com/jillesvangurp/es-kotlin-client/issues/5',
     'clean: one RestHighLevelClient is built as a Spring bean with a destroy method, shared by every request and closed once at shutdown',
     files=[f(src('com.example.search', 'SearchConfig'), new=java('com.example.search', ['org.apache.http.HttpHost', 'org.elasticsearch.client.RestClient', 'org.elasticsearch.client.RestHighLevelClient', 'org.springframework.beans.factory.annotation.Value', 'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration'], r'''
@Configuration
public class SearchConfig {
    @Bean(destroyMethod = "close")
    public RestHighLevelClient searchClient(@Value("${search.url}") String url) {
        return new RestHighLevelClient(RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(2_000).setSocketTimeout(10_000)));
    }
}
'''))])

SINK = r'''
public class KafkaSink extends AbstractSink<Record<Event>> {
    private final KafkaSinkConfig config;
    private final ExecutorService executorService;

    public KafkaSink(KafkaSinkConfig config, ExecutorService executorService) {
        this.config = config;
        this.executorService = executorService;
    }

    //+
}
'''
case('java-18-kafka-sink-creates-producer-per-batch', 'https://github.com/opensearch-project/data-prepper/issues/7131',
     'a Kafka sink creates a new producer on every doOutput call and never closes it: one network thread leaks per buffer read',
     files=[grow(src('org.opensearch.dataprepper.plugins.kafka.sink', 'KafkaSink'), 'org.opensearch.dataprepper.plugins.kafka.sink',
                 ['java.util.concurrent.ExecutorService'], SINK, r'''
    @Override
    public void doOutput(Collection<Record<Event>> records) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(config.producerProperties()); //@RES-04,~RES-01
        for (Record<Event> record : records) {
            executorService.submit(() -> producer.send(new ProducerRecord<>(config.topic(), record.getData().toJsonString()))); //@~CONC-06
        }
    }
''', new_imports=['java.util.Collection', 'org.apache.kafka.clients.producer.KafkaProducer', 'org.apache.kafka.clients.producer.ProducerRecord'])])

case('java-ok-05-kafka-sink-producer-owned-and-closed', 'https://github.com/opensearch-project/data-prepper/pull/7135',
     'clean: the fixed sink creates its producer once at initialisation, reuses it for every batch and closes it in shutdown()',
     files=[grow(src('org.opensearch.dataprepper.plugins.kafka.sink', 'KafkaSink'), 'org.opensearch.dataprepper.plugins.kafka.sink',
                 ['java.util.concurrent.ExecutorService'], SINK, r'''
    private KafkaProducer<String, String> producer;

    @Override
    public void doInitialize() {
        producer = new KafkaProducer<>(config.producerProperties());
    }

    @Override
    public void doOutput(Collection<Record<Event>> records) {
        for (Record<Event> record : records) {
            producer.send(new ProducerRecord<>(config.topic(), record.getData().toJsonString()), this::onSent);
        }
    }

    @Override
    public void shutdown() {
        producer.close(Duration.ofSeconds(30));
    }
''', new_imports=['java.time.Duration', 'java.util.Collection', 'org.apache.kafka.clients.producer.KafkaProducer', 'org.apache.kafka.clients.producer.ProducerRecord'])])

case('java-19-ddl-verification-leaves-queries-open', 'https://github.com/confluentinc/ksql/pull/556',
     'a statement validator builds query metadata (with its streams client) for each statement only to check it, and never closes what it built',
     files=[f(src('io.confluent.ksql.engine', 'StatementValidator'), new=java('io.confluent.ksql.engine', ['java.util.List'], r'''
public class StatementValidator {
    private final QueryBuilder builder;

    public StatementValidator(QueryBuilder builder) {
        this.builder = builder;
    }

    public void validate(List<PreparedStatement> statements) {
        for (PreparedStatement statement : statements) {
            QueryMetadata query = builder.buildQuery(statement); //@RES-01
            if (!query.getSinkSchema().isCompatibleWith(statement.expectedSchema())) {
                throw new KsqlStatementException("schema mismatch", statement.text());
            }
        }
    }
}
'''))])

case('java-20-async-retry-builds-executor-per-call', 'https://github.com/elennick/retry4j/issues/67',
     'an async retry executor creates a fixed thread pool for every call and never shuts it down',
     files=[f(src('com.evanlennick.retry4j', 'AsyncCallExecutor'), new=java('com.evanlennick.retry4j', ['java.util.concurrent.Callable', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'], r'''
public class AsyncCallExecutor<T> {
    private final RetryConfig config;

    public AsyncCallExecutor(RetryConfig config) {
        this.config = config;
    }

    public CompletableFuture<Status<T>> execute(Callable<T> callable) {
        ExecutorService executor = Executors.newFixedThreadPool(config.threads()); //@RES-04,~CONC-02
        CallExecutor<T> sync = new CallExecutor<>(config);
        return CompletableFuture.supplyAsync(() -> sync.execute(callable), executor);
    }
}
'''))])

QUEUE = r'''
public class ReactiveQueue<T> {
    private final Consumer<T> handler;
    private ExecutorService executor = Executors.newFixedThreadPool(2);

    public ReactiveQueue(Consumer<T> handler) {
        this.handler = handler;
    }

    public boolean isShutdown() {
        return executor.isShutdown();
    }

    public synchronized void shutdown() {
        executor.shutdown();
    }

    //+
}
'''
case('java-21-queue-recreates-executor-after-shutdown', 'https://github.com/tpwalke2/BlueMapSignMarkers/issues/134',
     'a queue adds a getter that silently builds a fresh thread pool when the old one was shut down: a retired queue comes back with threads nobody stops',
     files=[grow(src('com.tpwalke2.bluemapsignmarkers.core.reactive', 'ReactiveQueue'), 'com.tpwalke2.bluemapsignmarkers.core.reactive',
                 ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.function.Consumer'], QUEUE, r'''
    public void enqueue(T item) {
        getExecutor().submit(() -> handler.accept(item)); //@~CONC-06
    }

    private synchronized ExecutorService getExecutor() {
        if (executor.isShutdown()) {
            executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()); //@RES-04,~CONC-02
        }
        return executor;
    }
''')])

case('java-ok-06-interpreter-owns-executor-closes-it', 'https://github.com/apache/zeppelin/pull/3491',
     'clean: an interpreter creates its scheduler executor once in open() and shuts it down with shutdownNow() in close()',
     files=[f(src('org.apache.zeppelin.interpreter', 'RemoteInterpreterServer'), new=java('org.apache.zeppelin.interpreter', ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit'], r'''
public class RemoteInterpreterServer implements AutoCloseable {
    private ExecutorService jobExecutor;

    public void open() {
        jobExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "interpreter-jobs");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOGGER.error("job thread died", e));
            return t;
        });
    }

    public void submit(Runnable job) {
        jobExecutor.execute(job);
    }

    @Override
    public void close() throws InterruptedException {
        jobExecutor.shutdownNow();
        jobExecutor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
'''))])

case('java-22-peer-client-channel-leaks-on-failed-handshake', 'https://github.com/snowblossomcoin/snowblossom/issues/57',
     'a peer client builds a gRPC ManagedChannel in its constructor and throws on a failed handshake without shutting the channel down',
     files=[f(src('snowblossom.node', 'PeerClient'), new=java('snowblossom.node', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'java.util.concurrent.TimeUnit'], r'''
public class PeerClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final PeerServiceGrpc.PeerServiceBlockingStub stub;

    public PeerClient(PeerInfo info) {
        channel = ManagedChannelBuilder.forAddress(info.host(), info.port()).usePlaintext().build(); //@RES-01
        stub = PeerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        HelloReply hello = stub.hello(HelloRequest.newBuilder().setNetwork(info.network()).build());
        if (!hello.getNetwork().equals(info.network())) {
            throw new IllegalStateException("peer " + info + " is on network " + hello.getNetwork());
        }
    }

    @Override
    public void close() {
        channel.shutdown();
    }
}
'''))])

case('java-23-grpc-module-builds-channel-per-unary-call', 'https://github.com/Mitch528/react-native-grpc/pull/3',
     'a gRPC bridge module builds a new ManagedChannel for every unary call and never shuts any of them down',
     files=[f(src('com.reactnativegrpc', 'GrpcModule'), new=java('com.reactnativegrpc', ['io.grpc.CallOptions', 'io.grpc.ClientCall', 'io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'io.grpc.Metadata'], r'''
public class GrpcModule {
    private String host;
    private boolean insecure;

    public void unaryCall(int id, String path, byte[] payload, Metadata headers, CallListener listener) {
        ClientCall<byte[], byte[]> call = startCall(path, headers, listener);
        call.sendMessage(payload);
        call.halfClose();
        call.request(1);
    }

    private ClientCall<byte[], byte[]> startCall(String path, Metadata headers, CallListener listener) {
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(host); //@~RES-04
        if (insecure) {
            builder.usePlaintext();
        }
        ManagedChannel channel = builder.build(); //@RES-04
        ClientCall<byte[], byte[]> call = channel.newCall(GrpcMethods.unary(path), CallOptions.DEFAULT);
        call.start(listener.wrap(), headers);
        return call;
    }
}
'''))])

case('java-ok-07-grpc-module-shares-one-channel', 'https://github.com/Mitch528/react-native-grpc/pull/3',
     'clean: the fixed module keeps one channel per host in a field, builds it lazily once, and shuts it down when the host changes or the module is destroyed',
     files=[f(src('com.reactnativegrpc', 'ChannelHolder'), new=java('com.reactnativegrpc', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'java.util.concurrent.TimeUnit'], r'''
final class ChannelHolder {
    private ManagedChannel channel;
    private String host;

    synchronized ManagedChannel channel(String target) {
        if (channel == null || !target.equals(host)) {
            shutdown();
            host = target;
            channel = ManagedChannelBuilder.forTarget(target).keepAliveTime(30, TimeUnit.SECONDS).build();
        }
        return channel;
    }

    synchronized void shutdown() {
        if (channel != null) {
            channel.shutdown();
            channel = null;
        }
    }
}
'''))])

# ============================================================== RES-01: Jedis
case('java-24-region-returns-jedis-only-on-success', 'https://github.com/hibernate-redis/hibernate-redis/pull/18',
     'a cache region borrows a Jedis connection and gives it back only after a successful read; a Redis error leaks it from the pool',
     files=[f(src('org.hibernate.cache.redis.client', 'RedisRegionAccess'), new=java('org.hibernate.cache.redis.client', ['redis.clients.jedis.Jedis', 'redis.clients.jedis.JedisPool'], r'''
public class RedisRegionAccess {
    private final JedisPool pool;
    private final RedisSerializer serializer;

    public RedisRegionAccess(JedisPool pool, RedisSerializer serializer) {
        this.pool = pool;
        this.serializer = serializer;
    }

    public Object get(String region, Object key) {
        Jedis jedis = pool.getResource(); //@RES-01
        byte[] raw = jedis.hget(region.getBytes(), serializer.serialize(key));
        Object value = raw == null ? null : serializer.deserialize(raw);
        jedis.close();
        return value;
    }
}
'''))])

case('java-25-codis-base-borrows-jedis-never-returns', 'https://github.com/CodisLabs/jodis/issues/17',
     'a key-expiry helper borrows a Jedis from a round-robin pool and never closes it: the pool runs dry after a few hundred requests',
     files=[f(src('com.example.codis', 'CodisOther'), new=java('com.example.codis', ['io.codis.jodis.JedisResourcePool', 'redis.clients.jedis.Jedis'], r'''
public class CodisOther {
    private final JedisResourcePool pool;

    public CodisOther(JedisResourcePool pool) {
        this.pool = pool;
    }

    public void expireKey(String key, int seconds) {
        Jedis jedis = pool.getResource(); //@RES-01
        if (jedis.exists(key)) {
            jedis.expire(key, seconds);
        }
    }
}
'''))])

case('java-ok-08-job-store-jedis-in-try-with-resources', 'https://github.com/RedisLabs/redis-quartz/issues/11',
     'clean: a job store borrows every Jedis in try-with-resources (close returns it to the pool) and keeps its own lock release in finally',
     files=[f(src('com.redislabs.quartz', 'RedisJobStore'), new=java('com.redislabs.quartz', ['redis.clients.jedis.Jedis', 'redis.clients.jedis.JedisPool'], r'''
public class RedisJobStore {
    private final JedisPool pool;
    private final LockPool lockPool;

    public RedisJobStore(JedisPool pool, LockPool lockPool) {
        this.pool = pool;
        this.lockPool = lockPool;
    }

    public void storeJob(JobDetail job) throws JobPersistenceException {
        lockPool.acquire();
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(jobKey(job), jobFields(job));
            jedis.sadd(groupKey(job), jobKey(job));
        } finally {
            lockPool.release();
        }
    }
}
'''))])

# ============================================================== RES-01: Netty buffers
case('java-26-request-factory-allocates-empty-buffer', 'https://github.com/line/armeria/pull/2497',
     'a request factory allocates a pooled buffer for the content and, when the content turns out empty, returns a request without it and never releases it',
     files=[f(src('com.linecorp.armeria.common', 'Requests'), new=java('com.linecorp.armeria.common', ['io.netty.buffer.ByteBuf', 'io.netty.buffer.ByteBufAllocator', 'java.nio.charset.Charset'], r'''
final class Requests {
    static HttpRequest of(RequestHeaders headers, CharSequence content, Charset charset, ByteBufAllocator alloc) {
        ByteBuf buf = alloc.buffer(content.length()); //@RES-01
        buf.writeCharSequence(content, charset);
        if (!buf.isReadable()) {
            return HttpRequest.of(headers);
        }
        return HttpRequest.of(headers, HttpData.wrap(buf));
    }

    private Requests() {
    }
}
'''))])

HANDLER = r'''
final class ResponseHandler<T> extends ChannelInboundHandlerAdapter {
    private final Class<T> type;
    private final Marshallers marshallers;
    private final ResultListener<T> listener;

    ResponseHandler(Class<T> type, Marshallers marshallers, ResultListener<T> listener) {
        this.type = type;
        this.marshallers = marshallers;
        this.listener = listener;
    }

    //+
}
'''
case('java-27-response-handler-keeps-content-on-error-status', 'https://github.com/timboudreau/netty-http-client/issues/13',
     'a Netty response handler takes the inbound content buffer and returns on an error status (and after decoding) without releasing it',
     files=[grow(src('com.mastfrog.netty.http.client', 'ResponseHandler'), 'com.mastfrog.netty.http.client',
                 ['io.netty.channel.ChannelInboundHandlerAdapter'], HANDLER, r'''
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        FullHttpResponse response = (FullHttpResponse) msg; //@RES-01
        ByteBuf content = response.content();
        if (response.status().code() > 399) {
            listener.onError(response.status(), content.toString(CharsetUtil.UTF_8));
            return;
        }
        listener.onResult(marshallers.read(type, content));
    }
''', new_imports=['io.netty.buffer.ByteBuf', 'io.netty.channel.ChannelHandlerContext', 'io.netty.handler.codec.http.FullHttpResponse', 'io.netty.util.CharsetUtil'])])

case('java-28-packet-encoder-buffer-lost-on-failed-write', 'https://github.com/NEZNAMY/TAB/pull/233',
     'a plugin builds a scoreboard packet in a buffer from the channel allocator and, when the channel is not writable, drops it without releasing',
     files=[f(src('me.neznamy.tab.platforms.bukkit', 'PacketSender'), new=java('me.neznamy.tab.platforms.bukkit', ['io.netty.buffer.ByteBuf', 'io.netty.channel.Channel'], r'''
public class PacketSender {
    public void sendObjective(Channel channel, Objective objective) {
        ByteBuf buf = channel.alloc().buffer(); //@RES-01
        PacketWriter.writeVarInt(buf, PacketIds.SCOREBOARD_OBJECTIVE);
        PacketWriter.writeString(buf, objective.name());
        buf.writeByte(objective.action());
        if (!channel.isWritable()) {
            return;
        }
        channel.writeAndFlush(buf);
    }
}
'''))])

case('java-ok-09-restful-handler-extends-simple-inbound', 'https://github.com/netty/netty/issues/6930',
     'clean: a REST handler extends SimpleChannelInboundHandler, which releases the request after channelRead0, and only copies what it keeps',
     files=[f(src('com.example.restful', 'RestfulServiceHandler'), new=java('com.example.restful', ['io.netty.buffer.Unpooled', 'io.netty.channel.ChannelHandlerContext', 'io.netty.channel.SimpleChannelInboundHandler', 'io.netty.handler.codec.http.DefaultFullHttpResponse', 'io.netty.handler.codec.http.FullHttpRequest', 'io.netty.handler.codec.http.HttpResponseStatus', 'io.netty.handler.codec.http.HttpVersion', 'io.netty.util.CharsetUtil'], r'''
public class RestfulServiceHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Router router;

    public RestfulServiceHandler(Router router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String body = request.content().toString(CharsetUtil.UTF_8);
        String answer = router.handle(request.method(), request.uri(), body);
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(answer, CharsetUtil.UTF_8)));
    }
}
'''))])

# ============================================================== CONC-05: interrupts
case('java-29-hot-deployment-thread-ignores-interrupt', 'https://github.com/membrane/api-gateway/issues/162',
     'a hot-deployment thread loops on isInterrupted() but catches InterruptedException from its sleep and carries on, so interrupt() never stops it',
     files=[f(src('com.predic8.membrane.core', 'HotDeploymentThread'), new=java('com.predic8.membrane.core', ['java.io.File', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class HotDeploymentThread extends Thread {
    private static final Logger log = LoggerFactory.getLogger(HotDeploymentThread.class);
    private final File config;
    private long lastModified;

    public HotDeploymentThread(File config) {
        super("hot-deployment");
        this.config = config;
        this.lastModified = config.lastModified();
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            try {
                if (config.lastModified() > lastModified) {
                    lastModified = config.lastModified();
                    Router.reload(config);
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) { //@CONC-05
                log.debug("hot deployment sleep interrupted");
            } catch (Exception e) {
                log.error("could not reload {}", config, e);
            }
        }
    }
}
'''))])

case('java-30-binding-shutdown-swallows-interrupt', 'https://github.com/openhab/openhab1-addons/issues/2105',
     'a binding waits for its connection thread to finish during deactivation and swallows the InterruptedException, cancelling the shutdown sequence silently',
     files=[f(src('org.openhab.binding.knx.internal', 'KNXConnection'), new=java('org.openhab.binding.knx.internal', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class KNXConnection {
    private static final Logger logger = LoggerFactory.getLogger(KNXConnection.class);
    private Thread reconnector;

    public void deactivate() {
        if (reconnector != null) {
            reconnector.interrupt();
            try {
                reconnector.join(5_000);
            } catch (InterruptedException e) { //@CONC-05
                logger.warn("interrupted while waiting for the reconnect thread");
            }
        }
        disconnect();
    }
}
'''))])

case('java-31-transfer-worker-wraps-interrupt-in-runtime-exception', 'https://github.com/well-grounded-java/resources/pull/41',
     'a transfer worker on virtual threads converts the InterruptedException of its queue take into an unchecked exception without restoring the interrupt flag',
     files=[f(src('ch06.accounts', 'AccountManager'), new=java('ch06.accounts', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue'], r'''
public class AccountManager {
    private final BlockingQueue<TransferTask> pending = new LinkedBlockingQueue<>(1_000);
    private Thread withdrawals;

    public void init() {
        withdrawals = Thread.ofVirtual().name("withdrawals").start(this::drain); //@~CONC-01
    }

    private void drain() {
        while (true) {
            TransferTask task = take();
            task.run();
        }
    }

    private TransferTask take() {
        try {
            return pending.take();
        } catch (InterruptedException e) { //@CONC-05
            throw new IllegalStateException("transfer queue interrupted", e);
        }
    }
}
'''))])

case('java-ok-10-watcher-restores-interrupt-and-stops', 'https://github.com/membrane/api-gateway/issues/162',
     'clean: the fixed watcher restores the interrupt flag and leaves its loop when its sleep is interrupted',
     files=[f(src('com.predic8.membrane.core', 'ConfigWatcher'), new=java('com.predic8.membrane.core', ['java.nio.file.Path', 'java.time.Duration'], r'''
public class ConfigWatcher implements Runnable {
    private final Path config;
    private final Duration every;

    public ConfigWatcher(Path config, Duration every) {
        this.config = config;
        this.every = every;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Reloader.reloadIfChanged(config);
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
'''))])

# ============================================================== CONC-04: MDC and ThreadLocal
case('java-32-handler-puts-correlation-id-on-worker-thread', 'https://github.com/networknt/light-4j/issues/193',
     'a server handler puts the correlation id into the MDC on the worker thread that runs the request and never removes it',
     files=[f(src('com.networknt.correlation', 'CorrelationHandler'), new=java('com.networknt.correlation', ['io.undertow.server.HttpHandler', 'io.undertow.server.HttpServerExchange', 'io.undertow.util.HttpString', 'java.util.UUID', 'org.slf4j.MDC'], r'''
public class CorrelationHandler implements HttpHandler {
    private static final HttpString CID = new HttpString("X-Correlation-Id");
    private final HttpHandler next;

    public CorrelationHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String cid = exchange.getRequestHeaders().getFirst(CID);
        if (cid == null) {
            cid = UUID.randomUUID().toString();
            exchange.getRequestHeaders().put(CID, cid);
        }
        MDC.put("cid", cid); //@CONC-04
        next.handleRequest(exchange);
    }
}
'''))])

case('java-33-cxf-interceptor-sets-mdc-never-clears', 'https://github.com/tracee/tracee/issues/64',
     'a CXF in-interceptor copies the incoming trace context into the MDC; no out-interceptor removes it, so the next call on the thread logs the old ids',
     files=[f(src('io.tracee.binding.cxf', 'TraceeInInterceptor'), new=java('io.tracee.binding.cxf', ['java.util.Map', 'org.apache.cxf.message.Message', 'org.apache.cxf.phase.AbstractPhaseInterceptor', 'org.apache.cxf.phase.Phase', 'org.slf4j.MDC'], r'''
public class TraceeInInterceptor extends AbstractPhaseInterceptor<Message> {
    public TraceeInInterceptor() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(Message message) {
        Map<String, String> context = TraceeHeaders.read(message);
        for (Map.Entry<String, String> e : context.entrySet()) {
            MDC.put(e.getKey(), e.getValue()); //@CONC-04
        }
    }
}
'''))])

case('java-34-request-context-filter-never-removes-user', 'https://github.com/thehyve/fairspace/pull/1582',
     'a servlet filter stores the user IRI in a ThreadLocal for the request and never removes it: a pooled thread serves the next user with the previous identity',
     files=[f(src('io.fairspace.saturn.rdf', 'RequestContextFilter'), new=java('io.fairspace.saturn.rdf', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException'], r'''
public class RequestContextFilter implements Filter {
    static final ThreadLocal<String> USER_IRI = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String user = UserIris.of((HttpServletRequest) req);
        if (user != null) {
            USER_IRI.set(user); //@CONC-04
        }
        chain.doFilter(req, res);
    }
}
'''))])

case('java-35-webdav-filter-registers-request-thread-locals', 'https://github.com/miltonio/milton2/issues/158',
     'a WebDAV filter wraps the request in an object whose constructor registers request and context ThreadLocals; the filter never clears them',
     files=[f(src('io.milton.servlet', 'MiltonFilter'), new=java('io.milton.servlet', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException'], r'''
public class MiltonFilter implements Filter {
    private HttpManager httpManager;

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest hsr = (HttpServletRequest) req;
        if (!isDav(hsr)) {
            chain.doFilter(req, resp);
            return;
        }
        ServletRequest.setThreadLocals(hsr, hsr.getServletContext()); //@CONC-04
        Request request = new io.milton.servlet.ServletRequest(hsr, hsr.getServletContext());
        Response response = new io.milton.servlet.ServletResponse((HttpServletResponse) resp);
        httpManager.process(request, response);
    }
}
'''))])

SHIRO = r'''
public abstract class AbstractShiroFilter extends OncePerRequestFilter {
    private WebSecurityManager securityManager;

    public WebSecurityManager getSecurityManager() {
        return securityManager;
    }

    //+
}
'''
case('java-36-security-filter-unbinds-subject-without-finally', 'https://github.com/apache/shiro/issues/2473',
     'a security filter binds the subject into its ThreadContext and unbinds it after the chain; an exception from the chain skips the unbind and the next request on the thread inherits the identity',
     files=[grow(src('org.apache.shiro.web.servlet', 'AbstractShiroFilter'), 'org.apache.shiro.web.servlet',
                 ['org.apache.shiro.web.mgt.WebSecurityManager'], SHIRO, r'''
    @Override
    protected void doFilterInternal(ServletRequest request, ServletResponse response, FilterChain chain) throws ServletException, IOException {
        Subject subject = createSubject(request, response);
        ThreadContext.bind(subject); //@CONC-04
        ThreadContext.bind(securityManager); //@~CONC-04
        updateSessionLastAccessTime(request, response);
        chain.doFilter(request, response);
        ThreadContext.remove();
    }
''', new_imports=['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'java.io.IOException',
                  'org.apache.shiro.subject.Subject', 'org.apache.shiro.util.ThreadContext'])])

case('java-ok-11-sample-filter-removes-in-finally', 'https://github.com/Adobe-Consulting-Services/acs-aem-samples/pull/29',
     'clean: a sample filter sets its ThreadLocal, runs the chain in try, and removes the value in finally',
     files=[f(src('com.adobe.acs.samples.filters', 'SampleThreadLocalFilter'), new=java('com.adobe.acs.samples.filters', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'java.io.IOException'], r'''
public class SampleThreadLocalFilter implements Filter {
    static final ThreadLocal<RequestInfo> CURRENT = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        CURRENT.set(RequestInfo.of(req));
        try {
            chain.doFilter(req, res);
        } finally {
            CURRENT.remove();
        }
    }
}
'''))])

case('java-ok-12-web-listener-scopes-subject-per-request', 'https://github.com/apache/artemis/pull/4897',
     'clean: a servlet request listener sets the subject when a request starts and removes it in requestDestroyed (a different method of the same listener)',
     files=[f(src('org.apache.activemq.artemis.component', 'SubjectRequestListener'), new=java('org.apache.activemq.artemis.component', ['jakarta.servlet.ServletRequestEvent', 'jakarta.servlet.ServletRequestListener', 'jakarta.servlet.http.HttpServletRequest', 'javax.security.auth.Subject'], r'''
public class SubjectRequestListener implements ServletRequestListener {
    static final ThreadLocal<Subject> SUBJECT = new ThreadLocal<>();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        Object subject = ((HttpServletRequest) event.getServletRequest()).getSession(false) == null ? null
                : ((HttpServletRequest) event.getServletRequest()).getSession().getAttribute("subject");
        if (subject instanceof Subject s) {
            SUBJECT.set(s);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        SUBJECT.remove();
    }
}
'''))])

# ============================================================== CONC-06: futures
case('java-37-redis-service-run-async-not-observed', 'https://github.com/anvilpowered/anvil/issues/45',
     'a messaging service publishes through CompletableFuture.runAsync and drops the future: an exception in the publish is never seen',
     files=[f(src('org.anvilpowered.anvil.common.messaging', 'CommonRedisService'), new=java('org.anvilpowered.anvil.common.messaging', ['java.util.concurrent.CompletableFuture', 'redis.clients.jedis.JedisPool'], r'''
public class CommonRedisService {
    private final JedisPool pool;

    public CommonRedisService(JedisPool pool) {
        this.pool = pool;
    }

    public void broadcast(String channel, String message) {
        CompletableFuture.runAsync(() -> publish(channel, message)); //@CONC-06
    }

    private void publish(String channel, String message) {
        try (var jedis = pool.getResource()) {
            jedis.publish(channel, message);
        }
    }
}
'''))])

case('java-38-view-loader-supply-async-without-handler', 'https://github.com/AdamBien/afterburner.fx/pull/55',
     'a view loader builds its FXML view with supplyAsync and consumes it with thenAccept; a failed load completes the chain exceptionally and nothing reports it',
     files=[f(src('com.airhacks.afterburner.views', 'FXMLView'), new=java('com.airhacks.afterburner.views', ['java.util.concurrent.CompletableFuture', 'java.util.function.Consumer', 'javafx.application.Platform', 'javafx.scene.Parent'], r'''
public class FXMLView {
    public void getView(Consumer<Parent> consumer) {
        CompletableFuture.supplyAsync(this::loadSynchronously) //@CONC-06
                .thenAccept(parent -> Platform.runLater(() -> consumer.accept(parent)));
    }

    Parent loadSynchronously() {
        return FxmlLoaderSupport.load(getClass());
    }
}
'''))])

case('java-39-ffmpeg-reader-submits-and-forgets', 'https://github.com/kokorin/Jaffree/issues/276',
     'a process runner submits its stderr reader to an executor and drops the Future: a runtime error while parsing progress disappears',
     files=[f(src('com.github.kokorin.jaffree.process', 'ProcessHandler'), new=java('com.github.kokorin.jaffree.process', ['java.io.IOException', 'java.util.List', 'java.util.concurrent.ExecutorService'], r'''
public class ProcessHandler<T> {
    private final ExecutorService executor;
    private final StdReader<T> stderrReader;

    public ProcessHandler(ExecutorService executor, StdReader<T> stderrReader) {
        this.executor = executor;
        this.stderrReader = stderrReader;
    }

    public int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        executor.submit(() -> stderrReader.read(process.getErrorStream())); //@CONC-06
        return process.waitFor();
    }
}
'''))])

case('java-ok-13-activity-future-chain-logs-failures', 'https://github.com/microsoft/botbuilder-java/pull/916',
     'clean: a bot adapter returns its future chain to the caller and also attaches exceptionally() that logs and maps the failure',
     files=[f(src('com.microsoft.bot.builder', 'ActivityForwarder'), new=java('com.microsoft.bot.builder', ['java.util.concurrent.CompletableFuture', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class ActivityForwarder {
    private static final Logger log = LoggerFactory.getLogger(ActivityForwarder.class);
    private final ConnectorClient connector;

    public ActivityForwarder(ConnectorClient connector) {
        this.connector = connector;
    }

    public CompletableFuture<ResourceResponse> forward(Activity activity) {
        return connector.conversations().sendToConversation(activity)
                .exceptionally(ex -> {
                    log.error("forwarding activity {} failed", activity.getId(), ex);
                    throw new CompletionException(ex);
                });
    }
}
'''.replace('import java.util.concurrent.CompletableFuture;', 'import java.util.concurrent.CompletableFuture;\nimport java.util.concurrent.CompletionException;')))])

# ============================================================== CONC-07 / CONC-01: scheduled tasks and threads
case('java-41-metrics-poller-scheduled-without-guard', 'https://github.com/Netflix/spectator/pull/509',
     'a metrics poller schedules its collection at a fixed rate with a body that can throw: one failing gauge cancels every later poll',
     files=[f(src('com.netflix.spectator.impl', 'GaugePoller'), new=java('com.netflix.spectator.impl', ['java.util.List', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class GaugePoller {
    private final ScheduledExecutorService scheduler;
    private final List<PolledGauge> gauges;

    public GaugePoller(ScheduledExecutorService scheduler, List<PolledGauge> gauges) {
        this.scheduler = scheduler;
        this.gauges = gauges;
    }

    public void start(long periodMillis) {
        scheduler.scheduleAtFixedRate(this::pollAll, 0, periodMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void pollAll() {
        for (PolledGauge g : gauges) {
            g.update(g.source().getAsDouble());
        }
    }
}
'''))])

case('java-42-registry-heartbeat-with-fixed-delay-lambda', 'https://github.com/Netflix/spectator/pull/509',
     'a registry client schedules its heartbeat with a fixed delay through a lambda that calls a throwing method: an HTTP failure stops the heartbeat for good',
     files=[f(src('com.netflix.spectator.sidecar', 'HeartbeatTask'), new=java('com.netflix.spectator.sidecar', ['java.time.Duration', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public final class HeartbeatTask {
    private final ScheduledExecutorService executor;
    private final SidecarClient client;

    public HeartbeatTask(ScheduledExecutorService executor, SidecarClient client) {
        this.executor = executor;
        this.client = client;
    }

    public void schedule(Duration every) {
        executor.scheduleWithFixedDelay(() -> client.heartbeat(), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS); //@CONC-07
    }
}
'''))])

case('java-ok-14-scheduler-guards-every-run', 'https://github.com/Netflix/spectator/pull/509',
     'clean: the fixed scheduler wraps every periodic task in a guard that catches Throwable (errors of the VM excepted), logs and counts it, so the schedule survives',
     files=[f(src('com.netflix.spectator.impl', 'GuardedTask'), new=java('com.netflix.spectator.impl', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
final class GuardedTask implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(GuardedTask.class);
    private final String name;
    private final Runnable task;
    private final Counter failures;

    GuardedTask(String name, Runnable task, Counter failures) {
        this.name = name;
        this.task = task;
        this.failures = failures;
    }

    @Override
    public void run() {
        try {
            task.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            failures.increment();
            LOGGER.warn("scheduled task {} failed", name, t);
        }
    }
}
''')),
            f(src('com.netflix.spectator.impl', 'Scheduler'), new=java('com.netflix.spectator.impl', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit'], r'''
public class Scheduler {
    private final ScheduledExecutorService executor;
    private final Counter failures;

    public Scheduler(ScheduledExecutorService executor, Counter failures) {
        this.executor = executor;
        this.failures = failures;
    }

    public ScheduledFuture<?> schedule(String name, long periodMillis, Runnable task) {
        return executor.scheduleAtFixedRate(new GuardedTask(name, task, failures), 0, periodMillis, TimeUnit.MILLISECONDS);
    }
}
'''))])

case('java-43-account-manager-starts-raw-threads', 'https://github.com/well-grounded-java/resources/pull/41',
     'an account manager starts its deposit and withdrawal workers as raw threads with no uncaught-exception handler: a failing transfer silently ends a worker',
     files=[f(src('ch06.accounts', 'TransferWorkers'), new=java('ch06.accounts', ['java.util.concurrent.BlockingQueue'], r'''
public class TransferWorkers {
    private final BlockingQueue<TransferTask> deposits;
    private final BlockingQueue<TransferTask> withdrawals;

    public TransferWorkers(BlockingQueue<TransferTask> deposits, BlockingQueue<TransferTask> withdrawals) {
        this.deposits = deposits;
        this.withdrawals = withdrawals;
    }

    public void start() {
        new Thread(() -> drain(deposits), "deposits").start(); //@CONC-01
        new Thread(() -> drain(withdrawals), "withdrawals").start(); //@CONC-01
    }

    private void drain(BlockingQueue<TransferTask> queue) {
        try {
            while (true) {
                queue.take().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
'''))])

case('java-ok-15-worker-factory-sets-uncaught-handler', 'https://github.com/Netflix/spectator/pull/509',
     'clean: workers are created by a ThreadFactory (another file of the change) that sets an uncaught-exception handler which logs and counts',
     files=[f(src('com.netflix.spectator.impl', 'CountingThreadFactory'), new=java('com.netflix.spectator.impl', ['java.util.concurrent.ThreadFactory', 'java.util.concurrent.atomic.AtomicInteger', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public final class CountingThreadFactory implements ThreadFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(CountingThreadFactory.class);
    private final String prefix;
    private final Counter uncaught;
    private final AtomicInteger next = new AtomicInteger();

    public CountingThreadFactory(String prefix, Counter uncaught) {
        this.prefix = prefix;
        this.uncaught = uncaught;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + next.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> {
            uncaught.increment();
            LOGGER.error("uncaught exception in {}", thread.getName(), e);
        });
        return t;
    }
}
''')),
            f(src('com.netflix.spectator.impl', 'Workers'), new=java('com.netflix.spectator.impl', ['java.util.concurrent.ThreadFactory'], r'''
public class Workers {
    private final ThreadFactory factory;

    public Workers(ThreadFactory factory) {
        this.factory = factory;
    }

    public void start(Runnable loop, int count) {
        for (int i = 0; i < count; i++) {
            factory.newThread(loop).start();
        }
    }
}
'''))])

# ============================================================== DEP-02: deserialization
case('java-40-payload-codec-reads-any-class', 'https://github.com/wh1t3p1g/ysomap/pull/64',
     'a payload codec deserialises bytes it receives from a socket with a plain ObjectInputStream: the sender picks which classes are instantiated',
     files=[f(src('ysomap.core.util', 'PayloadCodec'), new=java('ysomap.core.util', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream'], r'''
public final class PayloadCodec {
    public static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject(); //@DEP-02
        }
    }

    private PayloadCodec() {
    }
}
'''))])

case('java-41-imap-session-state-restored-from-cache', 'https://github.com/Zimbra/zm-mailbox/pull/850',
     'an IMAP session cache restores folder state from bytes kept in a shared external cache with an unfiltered ObjectInputStream',
     files=[f(src('com.zimbra.cs.imap', 'ImapSessionCache'), new=java('com.zimbra.cs.imap', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream'], r'''
public class ImapSessionCache {
    private final RemoteCache cache;

    public ImapSessionCache(RemoteCache cache) {
        this.cache = cache;
    }

    public ImapFolderData restore(String key) throws IOException {
        byte[] raw = cache.get(key);
        if (raw == null) {
            return null;
        }
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return (ImapFolderData) ois.readObject(); //@DEP-02
        } catch (ClassNotFoundException e) {
            throw new IOException("unreadable folder state " + key, e);
        }
    }
}
'''))])

case('java-42-cookie-session-data-deserialized', 'https://github.com/pippo-java/pippo/pull/470',
     'a cookie session store base64-decodes the session cookie and deserialises it with readObject: the browser decides what gets instantiated',
     files=[f(src('ro.pippo.session', 'CookieSessionDataStorage'), new=java('ro.pippo.session', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.util.Base64'], r'''
public class CookieSessionDataStorage {
    private final String cookieName;

    public CookieSessionDataStorage(String cookieName) {
        this.cookieName = cookieName;
    }

    public SessionData get(Request request) {
        String value = request.getCookie(cookieName);
        if (value == null) {
            return null;
        }
        byte[] raw = Base64.getUrlDecoder().decode(value);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return (SessionData) in.readObject(); //@DEP-02
        } catch (IOException | ClassNotFoundException e) {
            return null; //@~ERR-01
        }
    }
}
'''))])

case('java-ok-16-cache-copies-value-through-own-serialization', 'https://github.com/cache2k/cache2k/pull/215',
     'clean: a copy-on-read cache clones values by serialising and deserialising them inside the process; the bytes never come from outside',
     files=[f(src('org.cache2k.jcache.provider', 'SerializableCopyTransformer'), new=java('org.cache2k.jcache.provider', ['java.io.ByteArrayInputStream', 'java.io.ByteArrayOutputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.io.ObjectOutputStream', 'java.io.UncheckedIOException'], r'''
final class SerializableCopyTransformer<T> {
    private final ClassLoader loader;

    SerializableCopyTransformer(ClassLoader loader) {
        this.loader = loader;
    }

    @SuppressWarnings("unchecked")
    T copy(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ObjectInputStream in = new LoaderAwareObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class of a cached value vanished", e);
        }
    }
}
'''))])

case('java-ok-17-fuzz-input-stream-with-allowlist-filter', 'https://github.com/rohanpadhye/JQF/pull/276',
     'clean: a serializer that reads saved inputs back sets an allowlist ObjectInputFilter on the stream before readObject',
     files=[f(src('edu.berkeley.cs.jqf.fuzz.difffuzz', 'Serializer'), new=java('edu.berkeley.cs.jqf.fuzz.difffuzz', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputFilter', 'java.io.ObjectInputStream'], r'''
public final class Serializer {
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "edu.berkeley.cs.jqf.**;java.lang.*;java.util.*;maxdepth=20;!*");

    public static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return in.readObject();
        }
    }

    private Serializer() {
    }
}
'''))])

# ============================================================== TX-01 / TX-02 (Java)
case('java-43-datasource-validation-updates-without-commit', 'https://github.com/ebean-orm/ebean-datasource/issues/116',
     'a maintenance job turns auto-commit off, runs an update, and returns the connection to the pool on the early path without commit or rollback',
     files=[f(src('io.ebean.datasource.jobs', 'StaleLockCleaner'), new=java('io.ebean.datasource.jobs', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource'], r'''
public class StaleLockCleaner {
    private final DataSource pool;

    public StaleLockCleaner(DataSource pool) {
        this.pool = pool;
    }

    public int clean(long olderThanMillis) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false); //@TX-01
            int released;
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_locks SET owner = NULL WHERE heartbeat < ?")) { //@~TMO-01
                ps.setLong(1, System.currentTimeMillis() - olderThanMillis);
                released = ps.executeUpdate();
            }
            if (released == 0) {
                return 0;
            }
            c.commit();
            return released;
        }
    }
}
'''))])

case('java-44-ledger-commit-failure-only-logged', 'https://github.com/zio-archive/zio-jdbc/issues/103',
     'a ledger writer commits its transaction inside a catch that only logs a failed commit, so the caller is told the entry was booked',
     files=[f(src('com.example.ledger', 'LedgerWriter'), new=java('com.example.ledger', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class LedgerWriter {
    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private final DataSource ds;

    public LedgerWriter(DataSource ds) {
        this.ds = ds;
    }

    public void book(Entry entry) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger(account, amount, booked_at) VALUES (?, ?, now())")) { //@~TMO-01
                ps.setString(1, entry.account());
                ps.setBigDecimal(2, entry.amount());
                ps.executeUpdate();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) { //@TX-02|ERR-01
                log.warn("commit of ledger entry for {} failed", entry.account(), e);
            }
        }
    }
}
'''))])

case('java-ok-18-transfer-runs-in-transaction-template', 'https://github.com/SonarSource/sonar-java/pull/6049',
     'clean: a transfer service runs its two JdbcTemplate updates inside TransactionTemplate.executeWithoutResult, which commits or rolls back for it',
     files=[f(src('com.example.bank', 'TransferService'), new=java('com.example.bank', ['java.math.BigDecimal', 'org.springframework.jdbc.core.JdbcTemplate', 'org.springframework.transaction.support.TransactionTemplate'], r'''
public class TransferService {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public TransferService(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void transfer(long from, long to, BigDecimal amount) {
        tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
            jdbc.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
        });
    }
}
'''))])

case('java-ok-19-plan-versions-saved-in-transactional-service', 'https://github.com/spring-ai-alibaba/Lynxe/pull/250',
     'clean: the version history is saved by a public @Transactional service method called from the controller (through the proxy); the dead private @Transactional method is gone',
     files=[f(src('com.alibaba.cloud.ai.lynxe.planning', 'PlanTemplateService'), new=java('com.alibaba.cloud.ai.lynxe.planning', ['org.springframework.stereotype.Service', 'org.springframework.transaction.annotation.Transactional'], r'''
@Service
public class PlanTemplateService {
    private final PlanTemplateRepository templates;
    private final PlanVersionRepository versions;

    public PlanTemplateService(PlanTemplateRepository templates, PlanVersionRepository versions) {
        this.templates = templates;
        this.versions = versions;
    }

    @Transactional
    public PlanVersion saveToVersionHistory(String planId, String planJson) {
        PlanTemplate template = templates.findById(planId).orElseGet(() -> templates.save(new PlanTemplate(planId)));
        PlanVersion version = new PlanVersion(template, versions.nextVersion(planId), planJson);
        return versions.save(version);
    }
}
'''))])

# ============================================================== LOG-01 / LOG-02 (Java)
MONGO_OUT = r'''
public class MongoRecordWriter<K, V> extends RecordWriter<K, V> {
    private static final Log LOG = LogFactory.getLog(MongoRecordWriter.class);
    private final DBCollection collection;
    private final List<DBObject> pending = new ArrayList<>();

    public MongoRecordWriter(DBCollection collection) {
        this.collection = collection;
    }

    @Override
    public void write(K key, V value) {
        DBObject doc = toBson(key, value);
        pending.add(doc);
        if (pending.size() >= 1000) {
            flush();
        }
    }

    private void flush() {
        collection.insert(pending);
        pending.clear();
    }
}
'''
case('java-45-record-writer-logs-every-record-at-info', 'https://github.com/mongodb/mongo-hadoop/pull/123',
     'a Hadoop record writer (commons-logging) gains an info line for every record it writes, with the whole document printed',
     files=[f(src('com.mongodb.hadoop.output', 'MongoRecordWriter'),
              old=java('com.mongodb.hadoop.output', ['com.mongodb.DBCollection', 'com.mongodb.DBObject', 'java.util.ArrayList', 'java.util.List', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.apache.hadoop.mapreduce.RecordWriter'], MONGO_OUT),
              new=java('com.mongodb.hadoop.output', ['com.mongodb.DBCollection', 'com.mongodb.DBObject', 'java.util.ArrayList', 'java.util.List', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.apache.hadoop.mapreduce.RecordWriter'],
                       MONGO_OUT.replace('        pending.add(doc);\n', '        LOG.info("writing record " + key + " -> " + doc); //@LOG-01|LOG-02\n        pending.add(doc);\n')))])

case('java-ok-20-record-writer-debug-behind-guard', 'https://github.com/mongodb/mongo-hadoop/pull/123',
     'clean: the fixed writer keeps the per-record line at debug level behind isDebugEnabled(), and logs one line per flushed batch',
     files=[f(src('com.mongodb.hadoop.output', 'MongoRecordWriter'),
              old=java('com.mongodb.hadoop.output', ['com.mongodb.DBCollection', 'com.mongodb.DBObject', 'java.util.ArrayList', 'java.util.List', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.apache.hadoop.mapreduce.RecordWriter'], MONGO_OUT),
              new=java('com.mongodb.hadoop.output', ['com.mongodb.DBCollection', 'com.mongodb.DBObject', 'java.util.ArrayList', 'java.util.List', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.apache.hadoop.mapreduce.RecordWriter'],
                       MONGO_OUT.replace('        pending.add(doc);\n', '        if (LOG.isDebugEnabled()) {\n            LOG.debug("writing record " + key + " -> " + doc);\n        }\n        pending.add(doc);\n')
                       .replace('        collection.insert(pending);\n', '        collection.insert(pending);\n        LOG.info("flushed " + pending.size() + " records to " + collection.getName());\n')))])

case('java-46-remote-session-logs-each-command', 'https://github.com/jdeast/FruitJuice/issues/7',
     'a remote-control session logs every command line it handles at INFO on the server thread; a build of a few hundred thousand blocks writes as many lines',
     files=[f(src('net.fruitjuice.api', 'RemoteSession'), new=java('net.fruitjuice.api', ['java.io.BufferedReader', 'java.io.IOException', 'java.util.logging.Logger'], r'''
public class RemoteSession {
    private final Logger logger;
    private final BufferedReader in;
    private final CommandHandler handler;

    public RemoteSession(Logger logger, BufferedReader in, CommandHandler handler) {
        this.logger = logger;
        this.in = in;
        this.handler = handler;
    }

    public void pump() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            logger.info(line); //@LOG-01
            handler.handleLine(line);
        }
    }
}
'''))])

case('java-47-proxy-har-capture-debug-concatenation', 'https://github.com/valfirst/browserup-proxy/pull/81',
     'a proxy filter builds a debug message by string concatenation (including the whole request) for every captured request, debug enabled or not',
     files=[f(src('com.browserup.bup.filters', 'HarCaptureFilter'), new=java('com.browserup.bup.filters', ['io.netty.handler.codec.http.HttpObject', 'io.netty.handler.codec.http.HttpRequest', 'io.netty.handler.codec.http.HttpResponse', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class HarCaptureFilter {
    private static final Logger log = LoggerFactory.getLogger(HarCaptureFilter.class);
    private final HarEntry entry;

    public HarCaptureFilter(HarEntry entry) {
        this.entry = entry;
    }

    public HttpResponse clientToProxyRequest(HttpObject httpObject) {
        if (httpObject instanceof HttpRequest request) {
            log.debug("Capturing request " + request.method() + " " + request.uri() + " headers " + request.headers()); //@LOG-02
            entry.captureRequest(request);
        }
        return null;
    }
}
'''))])

case('java-48-tablet-balancer-warns-per-tablet', 'https://github.com/apache/accumulo/pull/4689',
     'a tablet balancer writes a warning for every tablet it cannot assign inside its loop; during an outage that is thousands of lines a second',
     files=[f(src('org.apache.accumulo.core.spi.balancer', 'GroupBalancer'), new=java('org.apache.accumulo.core.spi.balancer', ['java.util.Map', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class GroupBalancer {
    private static final Logger log = LoggerFactory.getLogger(GroupBalancer.class);

    public void getAssignments(Map<TabletId, TServerId> unassigned, Map<TServerId, TServerStatus> current, Map<TabletId, TServerId> assignments) {
        for (Map.Entry<TabletId, TServerId> e : unassigned.entrySet()) {
            TServerId target = pick(e.getKey(), current);
            if (target == null) {
                log.warn("no tablet server available for tablet {} (last location {})", e.getKey(), e.getValue()); //@LOG-01
                continue;
            }
            assignments.put(e.getKey(), target);
        }
    }
}
'''))])

# ============================================================== ERR-01 (Java)
case('java-49-launcher-version-resolver-swallows-failure', 'https://github.com/KaotoIO/camel-catalog/issues/144',
     'a catalog generator resolves a launcher version and, on failure, an empty catch falls back silently (a Windows-edited file, CRLF line ends)',
     files=[f(src('io.kaoto.camelcatalog.generator', 'CamelLauncherVersionResolver'), crlf=True, new=java('io.kaoto.camelcatalog.generator', ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Properties'], r'''
public class CamelLauncherVersionResolver {
    private static final String FALLBACK = "4.8.0";

    public String resolve(Path launcherJar) {
        Properties props = new Properties();
        try (var in = Files.newInputStream(launcherJar.resolveSibling("launcher.properties"))) {
            props.load(in);
        } catch (IOException e) { //@ERR-01
        }
        return props.getProperty("camel.version", FALLBACK);
    }
}
'''))])

case('java-50-catalog-loader-prints-stack-trace', 'https://github.com/KaotoIO/camel-catalog/issues/144',
     'the same generator loads catalog entries and handles a parse failure with printStackTrace(), returning a half-filled catalog; a test for the happy path travels with it',
     files=[f(src('io.kaoto.camelcatalog.generator', 'CatalogLoader'), new=java('io.kaoto.camelcatalog.generator', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List'], r'''
public class CatalogLoader {
    private final ObjectMapper mapper = new ObjectMapper();

    public List<CatalogEntry> load(List<Path> files) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.add(mapper.readValue(file.toFile(), CatalogEntry.class));
            } catch (IOException e) { //@ERR-01
                e.printStackTrace();
            }
        }
        return entries;
    }
}
''')),
            f(tst('io.kaoto.camelcatalog.generator', 'CatalogLoaderTest'), new=java('io.kaoto.camelcatalog.generator', ['java.nio.file.Path', 'java.util.List', 'org.junit.jupiter.api.Test', 'static org.junit.jupiter.api.Assertions.assertEquals'], r'''
class CatalogLoaderTest {
    @Test
    void loadsEveryEntry() throws Exception {
        Path dir = Path.of(getClass().getResource("/catalog").toURI());
        List<CatalogEntry> entries = new CatalogLoader().load(List.of(dir.resolve("a.json"), dir.resolve("b.json")));
        try {
            assertEquals(2, entries.size());
        } catch (AssertionError e) {
            throw e;
        }
    }
}
'''))])


# ============================================================== other pull-request shapes
def _find(name):
    for c in CASES:
        if c['name'] == name:
            return c
    raise KeyError(name)


_find('java-18-kafka-sink-creates-producer-per-batch')['files'].append(
    f('data-prepper-plugins/kafka-plugins/pom.xml',
      old='<project>\n  <artifactId>kafka-plugins</artifactId>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-clients</artifactId>\n      <version>3.6.1</version>\n    </dependency>\n  </dependencies>\n</project>\n',
      new='<project>\n  <artifactId>kafka-plugins</artifactId>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-clients</artifactId>\n      <version>3.7.0</version>\n    </dependency>\n  </dependencies>\n</project>\n'))

_c = _find('java-05-provisioning-target-opens-hibernate-session')
_c['files'][0]['rename_from'] = src('com.tremolosecurity.provisioning.targets', 'UserLookup')
_c['files'][0]['old'] = java('com.tremolosecurity.provisioning.targets', ['java.util.Optional', 'org.hibernate.Session', 'org.hibernate.SessionFactory'], r'''
public class JpaUserLookup {
    private final SessionFactory sessionFactory;

    public JpaUserLookup(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }
}
''')

_find('java-23-grpc-module-builds-channel-per-unary-call')['files'].append(
    f(src('com.reactnativegrpc', 'GrpcMethods'), new='// Code generated by grpc-method-gen. DO NOT EDIT.\n' + java('com.reactnativegrpc', ['io.grpc.MethodDescriptor'], r'''
final class GrpcMethods {
    static MethodDescriptor<byte[], byte[]> unary(String path) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(path.startsWith("/") ? path.substring(1) : path)
                .setRequestMarshaller(BytesMarshaller.INSTANCE)
                .setResponseMarshaller(BytesMarshaller.INSTANCE)
                .build();
    }

    private GrpcMethods() {
    }
}
''')))


# Most changes edit an existing class: for the cases below the old text is the new class without the method that holds
# the (first) expectation, or, for clean cases, without its last method; the diff shows the method as an added hunk.
def _method_span(lines, at):
    """(first, last) line index of the method (4-space member) that contains line `at`."""
    start = at
    while start > 0 and not (lines[start].startswith('    ') and not lines[start].startswith('     ')
                             and lines[start].rstrip().endswith('{') and '(' in lines[start]):
        start -= 1
    while start > 0 and lines[start - 1].startswith('    @'):
        start -= 1
    end = at
    while not lines[end].startswith('    }'):
        end += 1
    return start, end


def java_as_edit(name):
    c = _find(name)
    fl = [x for x in c['files'] if x['path'].endswith('.java') and 'old' not in x and '/src/test/' not in '/' + x['path']
          and 'DO NOT EDIT' not in x['new'].split('\n', 1)[0]][0]
    lines = fl['new'].split('\n')
    marked = [i for i, ln in enumerate(lines) if '//@' in ln and '//@~' not in ln]
    if marked:
        first, last = _method_span(lines, marked[0])
    else:
        closers = [i for i, ln in enumerate(lines) if ln.startswith('    }')]
        first, last = _method_span(lines, closers[-1])
    if first > 0 and lines[first - 1].strip() == '':
        first -= 1
    old = lines[:first] + lines[last + 1:]
    fl['old'] = '\n'.join(ln.split(' //@')[0] if '//@' in ln else ln for ln in old)


for _n in ['java-02-fixture-closes-result-set-by-hand', 'java-06-export-streams-mybatis-cursor-unclosed',
           'java-07-spring-service-opens-batch-session-by-hand', 'java-09-geocoder-error-status-throws-without-close',
           'java-10-oauth-request-opens-connection-without-timeouts', 'java-12-rest-adapter-url-connection-defaults',
           'java-14-updater-sets-connect-timeout-only', 'java-16-sink-verifies-client-before-storing-it',
           'java-17-exporter-reopens-search-client-on-every-open', 'java-19-ddl-verification-leaves-queries-open',
           'java-20-async-retry-builds-executor-per-call', 'java-22-peer-client-channel-leaks-on-failed-handshake',
           'java-24-region-returns-jedis-only-on-success', 'java-25-codis-base-borrows-jedis-never-returns',
           'java-28-packet-encoder-buffer-lost-on-failed-write', 'java-29-hot-deployment-thread-ignores-interrupt',
           'java-30-binding-shutdown-swallows-interrupt', 'java-32-handler-puts-correlation-id-on-worker-thread',
           'java-34-request-context-filter-never-removes-user', 'java-37-redis-service-run-async-not-observed',
           'java-39-ffmpeg-reader-submits-and-forgets', 'java-41-metrics-poller-scheduled-without-guard',
           'java-43-account-manager-starts-raw-threads', 'java-41-imap-session-state-restored-from-cache',
           'java-43-datasource-validation-updates-without-commit', 'java-44-ledger-commit-failure-only-logged',
           'java-46-remote-session-logs-each-command', 'java-48-tablet-balancer-warns-per-tablet',
           'java-ok-06-interpreter-owns-executor-closes-it', 'java-ok-08-job-store-jedis-in-try-with-resources',
           'java-ok-13-activity-future-chain-logs-failures', 'java-ok-18-transfer-runs-in-transaction-template',
           'java-ok-19-plan-versions-saved-in-transactional-service']:
    java_as_edit(_n)


def _renumber():
    """Cases are numbered in file order, defects and clean look-alikes separately."""
    import re
    counters = {'java': 0, 'java-ok': 0}
    for c in CASES:
        kind = 'java-ok' if c['name'].startswith('java-ok-') else 'java'
        counters[kind] += 1
        slug = re.sub(r'^java-(ok-)?\d+-', '', c['name'])
        c['name'] = '%s-%02d-%s' % (kind, counters[kind], slug)


_renumber()
