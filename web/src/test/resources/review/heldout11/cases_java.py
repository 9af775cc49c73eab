"""Round-11 Java cases (written for this corpus from the checklist items; see SOURCES.md). //@ITEM markers are stripped
by the renderer; `//@~ITEM` marks an item that arguably applies too (accepted, neither a miss nor a false positive)."""
from cases_common import java, src, tst, f
from common11 import make_case, java_edit, pom

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'

# ---------------------------------------------------------------- RES-01: JDBC
SCHEMA = r'''
public final class SchemaReader {
    private final DataSource dataSource;

    public SchemaReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> tables(String schema) throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }
+|
+|    public Map<String, List<String>> primaryKeys(String schema, List<String> tables) throws SQLException {
+|        Map<String, List<String>> keys = new LinkedHashMap<>();
+|        try (Connection c = dataSource.getConnection()) {
+|            DatabaseMetaData meta = c.getMetaData();
+|            for (String table : tables) {
+|                ResultSet rs = meta.getPrimaryKeys(null, schema, table); //@RES-01
+|                List<String> columns = new ArrayList<>();
+|                while (rs.next()) {
+|                    columns.add(rs.getString("COLUMN_NAME"));
+|                }
+|                keys.put(table, columns);
+|            }
+|        }
+|        return keys;
+|    }
}
'''
case('java-01-schema-reader-leaves-primary-key-result-sets-open', GH + 'r5v9/persist/issues/4',
     'a schema reader whose table listing uses try-with-resources gains a primary-key lookup that opens one metadata ResultSet per table and never closes any; Oracle runs out of cursors',
     files=[java_edit(src('net.sf.persist.meta', 'SchemaReader'), 'net.sf.persist.meta',
                      ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource'],
                      SCHEMA, new_imports=['java.sql.Connection', 'java.sql.DatabaseMetaData', 'java.sql.ResultSet', 'java.sql.SQLException',
                                           'java.util.ArrayList', 'java.util.LinkedHashMap', 'java.util.List', 'java.util.Map', 'javax.sql.DataSource'])])

case('java-ok-01-metadata-binder-hands-result-set-to-caller-in-closeable-record', GH + 'jinahya/database-metadata-bind/issues/9',
     'clean: a metadata binder returns the ResultSet inside a record that implements AutoCloseable; the caller in the same change uses it in try-with-resources',
     files=[f(src('com.github.jinahya.database.metadata', 'Columns'), new=java('com.github.jinahya.database.metadata', ['java.sql.DatabaseMetaData', 'java.sql.ResultSet', 'java.sql.SQLException'], r'''
public record Columns(ResultSet rows) implements AutoCloseable {

    public static Columns of(DatabaseMetaData meta, String schema, String table) throws SQLException {
        return new Columns(meta.getColumns(null, schema, table, "%"));
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
''')), f(src('com.github.jinahya.database.metadata', 'ColumnNames'), new=java('com.github.jinahya.database.metadata', ['java.sql.DatabaseMetaData', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List'], r'''
final class ColumnNames {

    private ColumnNames() {
    }

    static List<String> of(DatabaseMetaData meta, String schema, String table) throws SQLException {
        try (var columns = Columns.of(meta, schema, table)) {
            List<String> names = new ArrayList<>();
            while (columns.rows().next()) {
                names.add(columns.rows().getString("COLUMN_NAME"));
            }
            return names;
        }
    }
}
'''))])

case('java-02-beam-writer-leaks-pooled-connection-when-batch-fails', GH + 'mercari/pipeline/pull/97',
     'a Beam DoFn writing rows over JDBC takes a pooled connection per bundle and closes it only after a successful batch; a failing executeBatch leaks it',
     files=[f(src('com.mercari.solution.module.sink', 'JdbcBundleWriter'), new=java('com.mercari.solution.module.sink', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource', 'org.apache.beam.sdk.transforms.DoFn'], r'''
public class JdbcBundleWriter extends DoFn<Row, Void> {
    private final DataSource dataSource;
    private final String insertSql;
    private transient List<Row> buffer;

    public JdbcBundleWriter(DataSource dataSource, String insertSql) {
        this.dataSource = dataSource;
        this.insertSql = insertSql;
    }

    @StartBundle
    public void startBundle() {
        buffer = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element Row row) {
        buffer.add(row);
    }

    @FinishBundle
    public void finishBundle() throws SQLException {
        Connection connection = dataSource.getConnection(); //@RES-01
        PreparedStatement statement = connection.prepareStatement(insertSql);
        for (Row row : buffer) {
            row.bind(statement);
            statement.addBatch();
        }
        statement.executeBatch();
        statement.close();
        connection.close();
    }
}
'''))])

case('java-03-sqlite-open-leaks-file-when-header-check-fails', GH + 'xerial/sqlite-jdbc/pull/665',
     'a database opener reads the file header through a RandomAccessFile and throws on a bad magic number without closing the file; each failed open leaks a descriptor',
     files=[f(src('org.sqlite.core', 'HeaderCheck'), new=java('org.sqlite.core', ['java.io.File', 'java.io.IOException', 'java.io.RandomAccessFile', 'java.nio.charset.StandardCharsets', 'java.sql.SQLException'], r'''
final class HeaderCheck {
    private static final String MAGIC = "SQLite format 3\u0000";

    private HeaderCheck() {
    }

    static int pageSize(File db) throws IOException, SQLException {
        RandomAccessFile raf = new RandomAccessFile(db, "r"); //@RES-01
        byte[] header = new byte[100];
        raf.readFully(header);
        if (!new String(header, 0, 16, StandardCharsets.US_ASCII).equals(MAGIC)) {
            throw new SQLException("not a database: " + db);
        }
        int size = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        raf.close();
        return size == 1 ? 65536 : size;
    }
}
'''))])

CACHED = r'''
    Connection getConnection() throws SQLException {
        pool.reserve();
        try {
            return borrowed(connect(connectionString, connectTimeoutSeconds));
        } catch (SQLException e) {
            pool.cancelReservation();
            throw e;
        }
    }

    private Connection connect(String url, int timeoutSeconds) throws SQLException {
-|        return DriverManager.getConnection(url, properties);
+|        Connection connection = DriverManager.getConnection(url, properties); //@RES-01
+|        try {
+|            connection.setNetworkTimeout(executor, timeoutSeconds * 1000);
+|            dialect.initialize(connection);
+|            return connection;
+|        } catch (SQLException e) {
+|            connection.close();
+|            throw e;
+|        }
    }
'''
case('java-04-backend-connect-closes-only-on-sql-exception', GH + 'OpenIdentityPlatform/OpenDJ/pull/884',
     'a directory backend\'s connect gains a dialect initialisation step guarded by a catch of SQLException only; an unchecked exception from the dialect leaks the physical connection',
     files=[java_edit(src('org.opends.server.backends.jdbc', 'CachedConnection'), 'org.opends.server.backends.jdbc',
                      ['java.sql.Connection', 'java.sql.DriverManager', 'java.sql.SQLException', 'java.util.Properties', 'java.util.concurrent.Executor'],
                      'final class CachedConnection {\n    private final Pool pool;\n    private final String connectionString;\n    private final int connectTimeoutSeconds;\n    private final Properties properties;\n    private final Executor executor;\n    private final Dialect dialect;\n\n    CachedConnection(Pool pool, String connectionString, int connectTimeoutSeconds, Properties properties, Executor executor, Dialect dialect) {\n        this.pool = pool;\n        this.connectionString = connectionString;\n        this.connectTimeoutSeconds = connectTimeoutSeconds;\n        this.properties = properties;\n        this.executor = executor;\n        this.dialect = dialect;\n    }\n' + CACHED + '}\n')])

# ---------------------------------------------------------------- RES-01: NIO, zip, gzip
case('java-05-index-restore-lists-directory-without-closing-stream', GH + 'Yelp/nrtsearch/pull/494',
     'a search node restoring an index counts segment files with Files.list and never closes the stream, keeping the directory handle open',
     files=[f(src('com.yelp.nrtsearch.server.backup', 'RestoreCheck'), new=java('com.yelp.nrtsearch.server.backup', ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path'], r'''
public final class RestoreCheck {

    private RestoreCheck() {
    }

    public static boolean hasSegments(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return false;
        }
        return Files.list(indexDir) //@RES-01
                .map(p -> p.getFileName().toString())
                .anyMatch(name -> name.startsWith("segments_"));
    }
}
'''))])

case('java-06-zip-walker-wraps-stream-it-never-closes', GH + 'zeroturnaround/zt-zip/issues/89',
     'a zip utility wraps the caller\'s stream in a ZipInputStream to visit entries and never closes the wrapper, leaking its native inflater',
     files=[f(src('org.zeroturnaround.zip', 'EntryWalker'), new=java('org.zeroturnaround.zip', ['java.io.IOException', 'java.io.InputStream', 'java.nio.charset.Charset', 'java.util.zip.ZipEntry', 'java.util.zip.ZipInputStream'], r'''
public final class EntryWalker {

    public interface Visitor {
        void visit(InputStream in, ZipEntry entry) throws IOException;
    }

    private EntryWalker() {
    }

    public static void walk(InputStream is, Visitor visitor, Charset charset) throws IOException {
        ZipInputStream in = new ZipInputStream(new UncloseableStream(is), charset); //@RES-01
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            visitor.visit(in, entry);
        }
    }
}
'''))])

case('java-ok-02-asset-reader-walks-zip-in-try-with-resources', GH + 'koush/AndroidAsync/pull/91',
     'clean: the asset reader opens the ZipInputStream in try-with-resources and copies the wanted entry before the stream closes',
     files=[f(src('com.koushikdutta.async.http.server', 'AssetReader'), new=java('com.koushikdutta.async.http.server', ['java.io.FileInputStream', 'java.io.IOException', 'java.util.Optional', 'java.util.zip.ZipEntry', 'java.util.zip.ZipInputStream'], r'''
final class AssetReader {

    private AssetReader() {
    }

    static Optional<byte[]> read(String apkPath, String assetName) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new FileInputStream(apkPath))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("assets/" + assetName)) {
                    return Optional.of(zip.readAllBytes());
                }
            }
            return Optional.empty();
        }
    }
}
'''))])

case('java-07-repository-importer-closes-zip-file-only-on-success', GH + 'projectnessie/nessie/pull/5796',
     'an export importer opens the export as a ZipFile and closes it after the last entry; a malformed entry throws and the file stays open',
     files=[f(src('org.projectnessie.tools.admin.importer', 'ZipImporter'), new=java('org.projectnessie.tools.admin.importer', ['java.io.IOException', 'java.io.InputStream', 'java.nio.file.Path', 'java.util.Enumeration', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'], r'''
public final class ZipImporter {
    private final CommitSink sink;

    public ZipImporter(CommitSink sink) {
        this.sink = sink;
    }

    public long importFrom(Path export) throws IOException {
        ZipFile zip = new ZipFile(export.toFile()); //@RES-01
        long commits = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.getName().startsWith("commits/")) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                sink.accept(CommitRecord.parse(in));
                commits++;
            }
        }
        zip.close();
        return commits;
    }
}
'''))])

case('java-08-replicator-decompresses-body-without-closing-gzip-stream', GH + 'couchbase/couchbase-lite-java-core/pull/450',
     'a replicator inflates gzip-encoded change feeds with a GZIPInputStream read in full and never closed, leaking the inflater\'s native memory per request',
     files=[f(src('com.couchbase.lite.replicator', 'ChangeFeedDecoder'), new=java('com.couchbase.lite.replicator', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.util.zip.GZIPInputStream'], r'''
final class ChangeFeedDecoder {

    private ChangeFeedDecoder() {
    }

    static byte[] body(byte[] raw, String contentEncoding) throws IOException {
        if (!"gzip".equalsIgnoreCase(contentEncoding)) {
            return raw;
        }
        GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw)); //@RES-01
        return gz.readAllBytes();
    }
}
'''))])

case('java-09-module-resource-opens-entry-streams-never-closed', GH + 'ceylon/ceylon.language/issues/423',
     'a module resource reads text from a jar entry through zipFile.getInputStream and returns without closing the entry stream',
     files=[f(src('org.eclipse.ceylon.language.meta.model', 'ZipResource'), new=java('org.eclipse.ceylon.language.meta.model', ['java.io.IOException', 'java.io.InputStream', 'java.nio.charset.Charset', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'], r'''
public final class ZipResource {
    private final ZipFile zipFile;
    private final ZipEntry entry;

    ZipResource(ZipFile zipFile, ZipEntry entry) {
        this.zipFile = zipFile;
        this.entry = entry;
    }

    public long size() {
        return entry.getSize();
    }

    public String textContent(Charset charset) throws IOException {
        InputStream in = zipFile.getInputStream(entry); //@RES-01
        return new String(in.readAllBytes(), charset);
    }
}
'''))])

# ---------------------------------------------------------------- RES-01: SFTP, RabbitMQ
case('java-10-sftp-poller-opens-client-session-never-closed', GH + 'spring-projects/spring-integration/issues/9272',
     'an SFTP poller opens an Apache MINA SSHD ClientSession per poll and closes only the SftpClient, so sessions pile up until the server refuses connections',
     files=[f(src('org.example.ingest.sftp', 'SftpPoller'), new=java('org.example.ingest.sftp', ['java.io.IOException', 'java.time.Duration', 'java.util.ArrayList', 'java.util.List', 'org.apache.sshd.client.SshClient', 'org.apache.sshd.client.session.ClientSession', 'org.apache.sshd.sftp.client.SftpClient', 'org.apache.sshd.sftp.client.SftpClientFactory'], r'''
public class SftpPoller {
    private final SshClient ssh;
    private final String host;
    private final String user;

    public SftpPoller(SshClient ssh, String host, String user) {
        this.ssh = ssh;
        this.host = host;
        this.user = user;
    }

    public List<String> poll(String dir) throws IOException {
        ClientSession session = ssh.connect(user, host, 22).verify(Duration.ofSeconds(10)).getSession(); //@RES-01
        session.auth().verify(Duration.ofSeconds(10));
        List<String> names = new ArrayList<>();
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                if (e.getAttributes().isRegularFile()) {
                    names.add(e.getFilename());
                }
            }
        }
        return names;
    }
}
'''))])

case('java-11-event-bridge-creates-channel-per-event-never-closed', GH + 'reinhapa/rabbitmq-cdi/issues/18',
     'a CDI event bridge publishes each event on a freshly created RabbitMQ channel that is never closed; every publish leaves an open channel on the connection',
     files=[f(src('net.reini.rabbitmq.cdi', 'EventPublisher'), new=java('net.reini.rabbitmq.cdi', ['com.rabbitmq.client.AMQP', 'com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException', 'java.nio.charset.StandardCharsets'], r'''
public class EventPublisher {
    private final Connection connection;
    private final JsonEncoder encoder;

    public EventPublisher(Connection connection, JsonEncoder encoder) {
        this.connection = connection;
        this.encoder = encoder;
    }

    public void publish(String exchange, String routingKey, Object event) throws IOException {
        Channel channel = connection.createChannel(); //@RES-01
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .build();
        channel.basicPublish(exchange, routingKey, props, encoder.encode(event).getBytes(StandardCharsets.UTF_8));
    }
}
'''))])

case('java-ok-03-template-publishes-on-channel-in-try-with-resources', GH + 'spring-projects/spring-amqp/pull/558',
     'clean: the publisher opens each channel in try-with-resources and waits for confirms before it closes',
     files=[f(src('org.example.messaging', 'ConfirmingPublisher'), new=java('org.example.messaging', ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException', 'java.util.concurrent.TimeoutException'], r'''
public class ConfirmingPublisher {
    private final Connection connection;

    public ConfirmingPublisher(Connection connection) {
        this.connection = connection;
    }

    public void publish(String exchange, String routingKey, byte[] body) throws IOException, InterruptedException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, null, body);
            channel.waitForConfirmsOrDie(5_000);
        }
    }
}
'''))])

# ---------------------------------------------------------------- RES-02: HTTP responses
case('java-12-retry-interceptor-drops-failed-response-without-closing', GH + 'making/retryable-client-http-request-interceptor/issues/28',
     'a Spring RestClient retry interceptor re-executes on a 503 and overwrites the previous ClientHttpResponse without closing it, pinning one pooled connection per retry',
     files=[f(src('am.ik.spring.http.client', 'RetryInterceptor'), new=java('am.ik.spring.http.client', ['java.io.IOException', 'org.springframework.http.HttpRequest', 'org.springframework.http.HttpStatus', 'org.springframework.http.client.ClientHttpRequestExecution', 'org.springframework.http.client.ClientHttpRequestInterceptor', 'org.springframework.http.client.ClientHttpResponse'], r'''
public class RetryInterceptor implements ClientHttpRequestInterceptor {
    private final int maxAttempts;

    public RetryInterceptor(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        ClientHttpResponse response = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            response = execution.execute(request, body); //@RES-02
            if (response.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
                return response;
            }
        }
        return response;
    }
}
'''))])

# ---------------------------------------------------------------- RES-04: clients and pools per call
case('java-13-consent-client-builds-connection-manager-per-request', GH + 'wso2/financial-services-accelerator/issues/525',
     'a consent service builds a PoolingHttpClientConnectionManager and a CloseableHttpClient for every outbound request and never closes either',
     files=[f(src('org.wso2.financial.services.accelerator.common.util', 'HttpCalls'), new=java('org.wso2.financial.services.accelerator.common.util', ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost', 'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients', 'org.apache.http.impl.conn.PoolingHttpClientConnectionManager', 'org.apache.http.util.EntityUtils'], r'''
public final class HttpCalls {

    private HttpCalls() {
    }

    public static String post(String url, String json) throws IOException {
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(); //@RES-04
        manager.setMaxTotal(50);
        CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager).build(); //@~RES-04
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, "UTF-8"));
        try (CloseableHttpResponse response = client.execute(post)) {
            return EntityUtils.toString(response.getEntity());
        }
    }
}
'''))])

case('java-14-crawler-downloader-creates-pool-per-site', GH + 'code4craft/webmagic/issues/30',
     'a crawler\'s downloader creates a new HttpClient 5 pooling connection manager each time it builds a client for a site, so nothing is pooled and managers accumulate',
     files=[f(src('us.codecraft.webmagic.downloader', 'ClientGenerator'), new=java('us.codecraft.webmagic.downloader', ['org.apache.hc.client5.http.config.RequestConfig', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.client5.http.impl.classic.HttpClients', 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager', 'org.apache.hc.core5.util.Timeout'], r'''
public class ClientGenerator {

    public CloseableHttpClient clientFor(Site site) {
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(); //@RES-04
        manager.setDefaultMaxPerRoute(site.threads());
        RequestConfig config = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofSeconds(site.timeoutSeconds()))
                .build();
        return HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(config)
                .setUserAgent(site.userAgent())
                .build();
    }
}
''')), f(src('us.codecraft.webmagic.downloader', 'HttpDownloader'), new=java('us.codecraft.webmagic.downloader', ['java.io.IOException', 'org.apache.hc.client5.http.classic.methods.HttpGet', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.core5.http.io.entity.EntityUtils'], r'''
public class HttpDownloader {
    private final ClientGenerator generator = new ClientGenerator();

    public Page download(Request request, Site site) throws IOException {
        CloseableHttpClient client = generator.clientFor(site);
        return client.execute(new HttpGet(request.url()), response -> new Page(request, response.getCode(), EntityUtils.toString(response.getEntity())));
    }
}
'''))])

case('java-15-lookup-service-builds-http-client-in-each-call', GH + 'jborgers/PMD-jPinpoint-rules/issues/137',
     'a lookup service calls HttpClientBuilder.create().build() inside the method that sends the request, so every lookup pays for a new client and pool',
     files=[f(src('com.example.customer', 'CreditLookup'), new=java('com.example.customer', ['java.io.IOException', 'org.apache.http.client.HttpClient', 'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.HttpClientBuilder', 'org.apache.http.util.EntityUtils'], r'''
public class CreditLookup {
    private final String baseUrl;

    public CreditLookup(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int score(String customerId) throws IOException {
        HttpClient client = HttpClientBuilder.create().setMaxConnPerRoute(10).build(); //@RES-04|TMO-01
        HttpGet get = new HttpGet(baseUrl + "/scores/" + customerId);
        String body = EntityUtils.toString(client.execute(get).getEntity()); //@~RES-02
        return Integer.parseInt(body.trim());
    }
}
'''))])

case('java-ok-04-resource-provider-shares-one-static-client', GH + 'aws-cloudformation/cloudformation-cli-java-plugin/pull/218',
     'clean: the handler keeps one static HTTP client built once with timeouts and reuses it for every invocation',
     files=[f(src('software.amazon.cloudformation', 'CallbackClient'), new=java('software.amazon.cloudformation', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
final class CallbackClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private CallbackClient() {
    }

    static int report(URI endpoint, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
'''))])

case('java-16-vector-client-creates-default-client-per-request', GH + 'weaviate/java-client/issues/92',
     'a vector-database client creates HttpClients.createDefault() in every request method and closes it afterwards, so no connection is ever reused and sockets pile up in TIME_WAIT',
     accept=[(src('io.weaviate.client.base.http.impl', 'CommonsHttpClientImpl'), 19, 'TMO-01')],
     files=[f(src('io.weaviate.client.base.http.impl', 'CommonsHttpClientImpl'), new=java('io.weaviate.client.base.http.impl', ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils'], r'''
public class CommonsHttpClientImpl implements HttpClient {
    private final java.util.Map<String, String> headers;

    public CommonsHttpClientImpl(java.util.Map<String, String> headers) {
        this.headers = headers;
    }

    @Override
    public HttpResponse sendGetRequest(String url) throws IOException {
        try (CloseableHttpClient client = HttpClients.createDefault()) { //@RES-04
            HttpGet get = new HttpGet(url);
            headers.forEach(get::addHeader);
            try (CloseableHttpResponse response = client.execute(get)) {
                return new HttpResponse(response.getStatusLine().getStatusCode(), EntityUtils.toString(response.getEntity()));
            }
        }
    }
}
'''))])

case('java-17-chat-sender-builds-okhttp-client-per-message', GH + 'signalapp/libsignal-service-java/pull/40',
     'a message sender builds a new OkHttpClient for every message to set a per-call timeout; each client owns its own connection pool and dispatcher threads',
     files=[f(src('org.whispersystems.signalservice.internal.push', 'MessageSender'), new=java('org.whispersystems.signalservice.internal.push', ['java.io.IOException', 'java.util.concurrent.TimeUnit', 'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response'], r'''
public class MessageSender {
    private static final MediaType JSON = MediaType.get("application/json");
    private final String baseUrl;

    public MessageSender(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int send(String destination, String json, int timeoutSeconds) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
                .callTimeout(timeoutSeconds, TimeUnit.SECONDS)
                .build();
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/messages/" + destination)
                .put(RequestBody.create(json, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }
}
'''))])

case('java-ok-05-connector-derives-clients-from-shared-okhttp-pool', GH + 'clescot/kafka-connect-http/pull/286',
     'clean: per-configuration clients are derived with newBuilder() from one shared OkHttpClient, so they share its pool and dispatcher',
     files=[f(src('io.github.clescot.kafka.connect.http.client.okhttp', 'OkHttpClientFactory'), new=java('io.github.clescot.kafka.connect.http.client.okhttp', ['java.time.Duration', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'okhttp3.OkHttpClient'], r'''
public class OkHttpClientFactory {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    private final Map<String, OkHttpClient> byConfig = new ConcurrentHashMap<>();

    public OkHttpClient forConfig(String id, Duration callTimeout) {
        return byConfig.computeIfAbsent(id, k -> SHARED.newBuilder().callTimeout(callTimeout).build());
    }
}
'''))])

# ---------------------------------------------------------------- TMO-01
case('java-18-registry-proxy-forwards-with-default-rest-template', GH + 'terrakube-io/terrakube/pull/3390',
     'a registry proxy endpoint forwards each request with new RestTemplate(): no connect or read timeout, so a silent target holds the request thread forever',
     files=[f(src('io.terrakube.registry.controller', 'ProxyController'), new=java('io.terrakube.registry.controller', ['org.springframework.http.ResponseEntity', 'org.springframework.web.bind.annotation.GetMapping', 'org.springframework.web.bind.annotation.RequestParam', 'org.springframework.web.bind.annotation.RestController', 'org.springframework.web.client.RestTemplate'], r'''
@RestController
public class ProxyController {

    @GetMapping("/proxy/v1")
    public ResponseEntity<byte[]> proxy(@RequestParam("targetUrl") String targetUrl) {
        RestTemplate restTemplate = new RestTemplate(); //@TMO-01
        return restTemplate.getForEntity(allowListed(targetUrl), byte[].class);
    }

    private static String allowListed(String url) {
        if (!url.startsWith("https://registry.terraform.io/")) {
            throw new IllegalArgumentException("target not allowed: " + url);
        }
        return url;
    }
}
'''))])

case('java-19-local-deployer-shutdown-calls-without-timeouts', GH + 'spring-attic/spring-cloud-deployer-local/issues/120',
     'a local deployer asks each app to shut down through a RestTemplate built with its default constructor; a hung app blocks undeploy indefinitely',
     files=[f(src('org.springframework.cloud.deployer.spi.local', 'ShutdownClient'), new=java('org.springframework.cloud.deployer.spi.local', ['java.net.URI', 'org.springframework.web.client.RestClientException', 'org.springframework.web.client.RestTemplate'], r'''
class ShutdownClient {
    private final RestTemplate restTemplate = new RestTemplate(); //@TMO-01

    boolean requestShutdown(URI baseUri) {
        try {
            restTemplate.postForObject(baseUri.resolve("/actuator/shutdown"), null, String.class);
            return true;
        } catch (RestClientException e) {
            return false;
        }
    }
}
'''))])

case('java-ok-06-service-client-configures-connect-and-read-timeouts', GH + '4finance/micro-infra-spring/pull/176',
     'clean: the shared RestTemplate bean is built once from a request factory with connect and read timeouts',
     files=[f(src('com.ofg.infrastructure.web.resttemplate', 'RestClientConfiguration'), new=java('com.ofg.infrastructure.web.resttemplate', ['java.time.Duration', 'org.springframework.beans.factory.annotation.Value', 'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration', 'org.springframework.http.client.SimpleClientHttpRequestFactory', 'org.springframework.web.client.RestTemplate'], r'''
@Configuration
public class RestClientConfiguration {

    @Bean
    public RestTemplate serviceRestTemplate(@Value("${rest.client.connectTimeoutMs:2000}") int connectMs,
                                            @Value("${rest.client.readTimeoutMs:10000}") int readMs) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofMillis(connectMs));
        factory.setReadTimeout(Duration.ofMillis(readMs));
        return new RestTemplate(factory);
    }
}
'''))])

case('java-20-kms-client-sends-vault-requests-without-timeout', GH + 'kroxylicious/kroxylicious/issues/795',
     'a KMS client talks to Vault with the JDK HttpClient; the client has no connect timeout and the requests no timeout, so a stalled Vault blocks key fetches forever',
     files=[f(src('io.kroxylicious.kms.provider.hashicorp.vault', 'VaultKms'), new=java('io.kroxylicious.kms.provider.hashicorp.vault', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse'], r'''
public class VaultKms {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(); //@~TMO-01
    private final URI vaultUrl;
    private final String token;

    public VaultKms(URI vaultUrl, String token) {
        this.vaultUrl = vaultUrl;
        this.token = token;
    }

    public String readKey(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(vaultUrl.resolve("v1/transit/keys/" + name)) //@TMO-01
                .header("X-Vault-Token", token)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
'''))])

# ---------------------------------------------------------------- DEP-02
case('java-21-alias-registry-reads-plugin-aliases-with-object-input-stream', GH + 'elastic/logstash/issues/17162',
     'a plugin alias registry loads aliases from a file named in the settings by deserialising it with a plain ObjectInputStream',
     files=[f(src('org.logstash.plugins', 'AliasRegistry'), new=java('org.logstash.plugins', ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputStream', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Map'], r'''
public final class AliasRegistry {
    private final Map<String, String> aliases;

    private AliasRegistry(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    @SuppressWarnings("unchecked")
    public static AliasRegistry load(Path file) throws IOException, ClassNotFoundException {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
            return new AliasRegistry((Map<String, String>) ois.readObject()); //@DEP-02
        }
    }

    public String resolve(String name) {
        return aliases.getOrDefault(name, name);
    }
}
'''))])

case('java-22-file-storage-deserialises-whatever-file-it-is-given', GH + 'DeBukkIt/SimpleFileStorage/issues/12',
     'a small key-value store loads its map by deserialising the file passed to its constructor, so an attacker-supplied file runs gadget chains on start',
     files=[f(src('de.bukkit.simplefilestorage', 'FileStorage'), new=java('de.bukkit.simplefilestorage', ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.util.HashMap'], r'''
public class FileStorage {
    private final File file;
    private HashMap<String, Object> storage = new HashMap<>();

    public FileStorage(File file) throws IOException, ClassNotFoundException {
        this.file = file;
        if (file.isFile() && file.length() > 0) {
            load();
        }
    }

    @SuppressWarnings("unchecked")
    private void load() throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(file))) {
            storage = (HashMap<String, Object>) in.readObject(); //@DEP-02
        }
    }

    public Object get(String key) {
        return storage.get(key);
    }
}
'''))])

case('java-23-model-loader-validates-one-stream-and-reads-another', GH + 'opensearch-project/ml-commons/issues/4470',
     'a model deserialiser builds a ValidatingObjectInputStream with an accept list but reads the model from a second, plain ObjectInputStream over the same bytes',
     files=[f(src('org.opensearch.ml.engine.utils', 'ModelSerDeSer'), new=java('org.opensearch.ml.engine.utils', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'org.apache.commons.io.serialization.ValidatingObjectInputStream'], r'''
public final class ModelSerDeSer {
    private static final String[] ACCEPT = {"org.opensearch.ml.*", "java.lang.*", "java.util.*", "[D", "[I"};

    private ModelSerDeSer() {
    }

    public static Object deserialize(byte[] modelBin) {
        try (ByteArrayInputStream bytes = new ByteArrayInputStream(modelBin);
             ValidatingObjectInputStream validating = new ValidatingObjectInputStream(bytes);
             ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(modelBin))) {
            validating.accept(ACCEPT);
            return in.readObject(); //@DEP-02
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read model", e);
        }
    }
}
'''))])

case('java-24-step-meta-mapper-enables-default-typing', GH + 'pentaho/pentaho-kettle/pull/9582',
     'a transformation importer configures its Jackson ObjectMapper with default typing for every non-final type before reading uploaded step metadata',
     files=[f(src('org.pentaho.di.trans.steps.jsonimport', 'StepMetaReader'), new=java('org.pentaho.di.trans.steps.jsonimport', ['com.fasterxml.jackson.databind.ObjectMapper', 'com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator', 'java.io.IOException', 'java.io.InputStream'], r'''
public class StepMetaReader {
    private final ObjectMapper mapper = new ObjectMapper();

    public StepMetaReader() {
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL); //@DEP-02
    }

    public StepMeta read(InputStream upload) throws IOException {
        return mapper.readValue(upload, StepMeta.class);
    }
}
''')), f('pom.xml', new=pom('step-import', ['com.fasterxml.jackson.core:jackson-databind:2.17.2']))])

case('java-25-snapshot-codec-turns-off-kryo-registration', GH + 'EsotericSoftware/kryo/issues/398',
     'a cache snapshot codec decodes bytes received from peers with a Kryo instance whose class registration requirement is switched off',
     files=[f(src('org.example.cache.snapshot', 'SnapshotCodec'), new=java('org.example.cache.snapshot', ['com.esotericsoftware.kryo.Kryo', 'com.esotericsoftware.kryo.io.Input'], r'''
public final class SnapshotCodec {
    private static final ThreadLocal<Kryo> KRYO = ThreadLocal.withInitial(() -> {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false); //@DEP-02
        kryo.setReferences(true);
        return kryo;
    });

    private SnapshotCodec() {
    }

    public static Object decode(byte[] fromPeer) {
        try (Input input = new Input(fromPeer)) {
            return KRYO.get().readClassAndObject(input);
        }
    }
}
'''))])

case('java-26-world-serializer-loads-save-files-with-open-kryo', GH + 'junkdog/artemis-odb/issues/501',
     'a game world serializer reads shared save files with a Kryo whose constructor turns registration off, so a crafted save names any class on the classpath',
     files=[f(src('com.artemis.io', 'KryoWorldSerializer'), new=java('com.artemis.io', ['com.esotericsoftware.kryo.Kryo', 'com.esotericsoftware.kryo.io.Input', 'java.io.InputStream'], r'''
public class KryoWorldSerializer {
    private final Kryo kryo;

    public KryoWorldSerializer() {
        kryo = new Kryo();
        kryo.setRegistrationRequired(false); //@DEP-02
        kryo.register(SaveFileFormat.class);
    }

    public SaveFileFormat load(InputStream save) {
        try (Input input = new Input(save)) {
            return (SaveFileFormat) kryo.readClassAndObject(input);
        }
    }
}
'''))])

case('java-ok-07-record-reader-registers-every-class-it-reads', GH + 'disq-bio/disq/issues/41',
     'clean: the Kryo registrator keeps registration required and registers the few record classes the reader expects',
     files=[f(src('org.disq_bio.disq.serializer', 'DisqKryoRegistrator'), new=java('org.disq_bio.disq.serializer', ['com.esotericsoftware.kryo.Kryo', 'java.util.ArrayList', 'java.util.HashMap'], r'''
public class DisqKryoRegistrator {

    public Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.register(ArrayList.class);
        kryo.register(HashMap.class);
        kryo.register(ReadRecord.class);
        kryo.register(VariantRecord.class);
        kryo.register(byte[].class);
        return kryo;
    }
}
'''))])

# ---------------------------------------------------------------- CONC-04
case('java-27-audit-service-puts-job-ids-in-mdc-and-never-removes', GH + 'mercedes-benz/sechub/issues/293',
     'an audit service puts the project and job ids into the SLF4J MDC for its log lines and never removes them, so the next request on the pooled thread logs a stale job id',
     files=[f(src('com.mercedesbenz.sechub.sharedkernel.logging', 'AuditLogService'), new=java('com.mercedesbenz.sechub.sharedkernel.logging', ['java.util.UUID', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.slf4j.MDC'], r'''
public class AuditLogService {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogService.class);

    public void reportDownload(String userId, String projectId, UUID jobUUID) {
        MDC.put("sechub_project_id", projectId); //@CONC-04
        MDC.put("sechub_job_uuid", jobUUID.toString()); //@~CONC-04
        LOG.info("[AUDIT] ({}) starts download of report for job: {}", userId, jobUUID);
    }
}
'''))])

case('java-28-tenant-filter-sets-thread-local-and-never-clears', GH + 'sunitk/multitenancy-dynamic-tenant/issues/2',
     'a servlet filter stores the tenant of the request in a ThreadLocal and never removes it, so a pooled thread serves the next request with the previous tenant',
     files=[f(src('com.example.multitenancy', 'TenantFilter'), new=java('com.example.multitenancy', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException'], r'''
public class TenantFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String tenant = ((HttpServletRequest) request).getHeader("X-Tenant-ID");
        TenantContext.setCurrentTenant(tenant == null ? "public" : tenant); //@~CONC-04
        chain.doFilter(request, response);
    }
}
''')), f(src('com.example.multitenancy', 'TenantContext'), new=java('com.example.multitenancy', [], r'''
public final class TenantContext {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static void setCurrentTenant(String tenant) {
        CURRENT.set(tenant); //@CONC-04
    }

    public static String getCurrentTenant() {
        return CURRENT.get();
    }

    public static void clear() {
        CURRENT.remove();
    }
}
'''))])

REQUEST = r'''
    @Override
    public void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        BroadleafRequestContext context = new BroadleafRequestContext();
        context.setSite(siteResolver.resolve(request));
        context.setLocale(localeResolver.resolve(request));
        BroadleafRequestContext.setBroadleafRequestContext(context); //@CONC-04
        chain.doFilter(request, response);
+|        BroadleafRequestContext.setBroadleafRequestContext(null);
    }
'''
case('java-29-request-processor-clears-context-only-after-normal-return', GH + 'BroadleafCommerce/BroadleafCommerce/issues/269',
     'a commerce request processor starts clearing its thread-local request context after the chain returns, but not in a finally and with set(null): an exception from the chain leaves the context on the thread',
     files=[java_edit(src('org.broadleafcommerce.common.web', 'BroadleafRequestProcessor'), 'org.broadleafcommerce.common.web',
                      ['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException'],
                      'public class BroadleafRequestProcessor {\n    private final SiteResolver siteResolver;\n    private final LocaleResolver localeResolver;\n\n    public BroadleafRequestProcessor(SiteResolver siteResolver, LocaleResolver localeResolver) {\n        this.siteResolver = siteResolver;\n        this.localeResolver = localeResolver;\n    }\n' + REQUEST + '}\n')])

case('java-ok-08-tenant-service-removes-tenant-in-finally', GH + 'redis/redis-om-spring/pull/756',
     'clean: the interceptor sets the tenant before the handler runs and removes it in afterCompletion, which Spring calls on every outcome; the helper removes rather than nulls',
     files=[f(src('com.redis.om.multitenant', 'TenantInterceptor'), new=java('com.redis.om.multitenant', ['jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse', 'org.springframework.web.servlet.HandlerInterceptor'], r'''
public class TenantInterceptor implements HandlerInterceptor {
    private final TenantService tenants;

    public TenantInterceptor(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        tenants.setCurrentTenant(request.getHeader("X-Tenant"));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        tenants.clearTenant();
    }
}
''')), f(src('com.redis.om.multitenant', 'TenantService'), new=java('com.redis.om.multitenant', [], r'''
public class TenantService {
    private final ThreadLocal<String> currentTenant = new ThreadLocal<>();

    public void setCurrentTenant(String tenantId) {
        currentTenant.set(tenantId);
    }

    public String getCurrentTenant() {
        return currentTenant.get();
    }

    public void clearTenant() {
        currentTenant.remove();
    }
}
'''))])

# ---------------------------------------------------------------- CONC-05
case('java-30-shot-detector-swallows-interrupt-and-keeps-scanning', GH + 'phrack/ShootOFF/issues/492',
     'a camera shot detector waits between frames, catches InterruptedException with a log line and keeps looping; shutdownNow cannot stop it',
     files=[f(src('com.shootoff.camera.shotdetection', 'FrameScanner'), new=java('com.shootoff.camera.shotdetection', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class FrameScanner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameScanner.class);
    private final BlockingQueue<Frame> frames;
    private final ShotListener listener;
    private volatile boolean running = true;

    public FrameScanner(BlockingQueue<Frame> frames, ShotListener listener) {
        this.frames = frames;
        this.listener = listener;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Frame frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    detect(frame).ifPresent(listener::shotDetected);
                }
            } catch (InterruptedException e) { //@CONC-05
                LOG.warn("frame wait interrupted", e);
            }
        }
    }

    public void stop() {
        running = false;
    }
}
'''))])

case('java-31-unchecked-wrapper-turns-interrupt-into-runtime-exception', GH + 'robertvazan/noexception/pull/1',
     'an exception-wrapping helper converts every checked exception, InterruptedException included, into an unchecked one without restoring the interrupt flag',
     files=[f(src('com.machinezoo.noexception', 'Unchecked'), new=java('com.machinezoo.noexception', ['java.util.concurrent.Callable'], r'''
public final class Unchecked {

    private Unchecked() {
    }

    public static <T> T get(Callable<T> callable) {
        try {
            return callable.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) { //@CONC-05
            throw new WrappedException(e);
        } catch (Exception e) {
            throw new WrappedException(e);
        }
    }
}
'''))])

case('java-32-s3-channel-wraps-interrupted-future-get-in-io-exception', GH + 'awslabs/aws-java-nio-spi-for-s3/pull/464',
     'an S3 NIO channel waits on the async read future and rethrows an InterruptedException as IOException without re-interrupting the thread',
     files=[f(src('software.amazon.nio.spi.s3', 'S3ReadAheadChannel'), new=java('software.amazon.nio.spi.s3', ['java.io.IOException', 'java.nio.ByteBuffer', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'], r'''
class S3ReadAheadChannel {
    private final long timeoutMinutes;

    S3ReadAheadChannel(long timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    ByteBuffer await(CompletableFuture<ByteBuffer> fragment) throws IOException {
        try {
            return fragment.get(timeoutMinutes, TimeUnit.MINUTES);
        } catch (InterruptedException e) { //@CONC-05
            throw new IOException("interrupted while reading fragment", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(e);
        }
    }
}
'''))])

case('java-ok-09-riak-future-restores-interrupt-before-wrapping', GH + 'basho/riak-java-client/pull/682',
     'clean: the client restores the interrupt flag before wrapping the InterruptedException, and a second method simply declares it',
     files=[f(src('com.basho.riak.client.core', 'FutureOperation'), new=java('com.basho.riak.client.core', ['java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit'], r'''
public class FutureOperation<T> {
    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile T result;

    public T getUninterruptiblyOrFail(long timeoutMs) {
        try {
            if (!latch.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("operation timed out");
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for operation", e);
        }
    }

    public T get() throws InterruptedException {
        latch.await();
        return result;
    }

    void complete(T value) {
        result = value;
        latch.countDown();
    }
}
'''))])

# ---------------------------------------------------------------- CONC-07, CONC-01, CONC-06
case('java-33-model-refresher-scheduled-without-catch', GH + 'wro4j/wro4j/issues/93',
     'a resource-model cache schedules its reload with scheduleWithFixedDelay; a parse error thrown by one reload cancels every later one',
     files=[f(src('ro.isdc.wro.cache', 'ModelRefresher'), new=java('ro.isdc.wro.cache', ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicReference'], r'''
public class ModelRefresher {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<WroModel> current = new AtomicReference<>();
    private final ModelFactory factory;

    public ModelRefresher(ModelFactory factory) {
        this.factory = factory;
    }

    public void start(long periodSeconds) {
        scheduler.scheduleWithFixedDelay(() -> current.set(factory.create()), 0, periodSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    public WroModel model() {
        return current.get();
    }

    public void stop() {
        scheduler.shutdownNow();
    }
}
'''))])

case('java-ok-10-hologram-refresh-task-catches-everything', GH + 'FancyMcPlugins/FancyHolograms/pull/180',
     'clean: the scheduled refresh runs a method that catches and logs every exception, so one bad hologram does not end the schedule',
     files=[f(src('de.oliver.fancyholograms', 'HologramRefresher'), new=java('de.oliver.fancyholograms', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger'], r'''
public class HologramRefresher {
    private static final Logger LOG = Logger.getLogger(HologramRefresher.class.getName());
    private final ScheduledExecutorService scheduler;
    private final HologramRegistry registry;

    public HologramRefresher(ScheduledExecutorService scheduler, HologramRegistry registry) {
        this.scheduler = scheduler;
        this.registry = registry;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::refreshSafely, 1, 1, TimeUnit.SECONDS);
    }

    private void refreshSafely() {
        try {
            registry.all().forEach(Hologram::refreshForViewers);
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "hologram refresh failed; next run in one second", t);
        }
    }
}
'''))])

case('java-34-sdk-flushes-events-on-virtual-thread-without-handler', GH + 'statsig-io/java-server-sdk/pull/44',
     'an SDK starts its event flusher on a virtual thread with no uncaught-exception handler; an exception in the flush loop ends it silently and events pile up',
     files=[f(src('com.statsig.sdk', 'EventFlusher'), new=java('com.statsig.sdk', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit'], r'''
public class EventFlusher {
    private final BlockingQueue<Event> queue;
    private final EventSink sink;

    public EventFlusher(BlockingQueue<Event> queue, EventSink sink) {
        this.queue = queue;
        this.sink = sink;
    }

    public Thread start() {
        return Thread.ofVirtual().name("statsig-flusher").start(this::loop); //@CONC-01
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Event first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    sink.send(Batch.startingWith(first, queue));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
'''))])

case('java-35-session-handler-fires-async-login-without-observing-failure', GH + 'alibaba/p3c/issues/773',
     'a login handler runs the profile warm-up with CompletableFuture.runAsync and drops the future; an exception inside it is never logged',
     files=[f(src('com.example.session', 'LoginHandler'), new=java('com.example.session', ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor'], r'''
public class LoginHandler {
    private final Executor executor;
    private final ProfileCache profiles;
    private final SessionStore sessions;

    public LoginHandler(Executor executor, ProfileCache profiles, SessionStore sessions) {
        this.executor = executor;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    public Session login(String userId) {
        Session session = sessions.open(userId);
        CompletableFuture.runAsync(() -> profiles.warm(userId), executor); //@CONC-06
        return session;
    }
}
'''))])

case('java-ok-11-async-pipeline-chains-exceptionally-with-log', GH + 'vsilaev/tascalate-concurrent/issues/9',
     'clean: the async warm-up ends its chain with whenComplete that logs a failure, and the future is returned to the caller',
     files=[f(src('net.tascalate.concurrent.example', 'Warmup'), new=java('net.tascalate.concurrent.example', ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private final Executor executor;

    public Warmup(Executor executor) {
        this.executor = executor;
    }

    public CompletableFuture<Void> warm(String userId, Runnable task) {
        return CompletableFuture.runAsync(task, executor)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.warn("warm-up of {} failed", userId, failure);
                    }
                });
    }
}
'''))])

case('java-36-record-store-checks-is-done-and-drops-failed-future', GH + 'FoundationDB/fdb-record-layer/issues/441',
     'a record store submits an index build to an executor and only checks isDone later, never calling get: a failed build is treated as finished',
     files=[f(src('com.apple.foundationdb.record.provider', 'IndexBuilds'), new=java('com.apple.foundationdb.record.provider', ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Future'], r'''
public class IndexBuilds {
    private final ExecutorService executor;
    private Future<?> pending;

    public IndexBuilds(ExecutorService executor) {
        this.executor = executor;
    }

    public void rebuild(IndexSpec spec) {
        pending = executor.submit(() -> spec.build()); //@CONC-06
    }

    public boolean ready() {
        return pending != null && pending.isDone();
    }
}
'''))])

# ---------------------------------------------------------------- TX-01, TX-02
case('java-37-storage-aborts-transaction-without-closing-on-abort-failure', GH + 'Carbonado/Carbonado/pull/3',
     'a JDBC repository runs a unit of work with autocommit off and, on failure, rolls back and closes in sequence; a failing rollback skips the close and the rollback itself is skipped for an Error',
     files=[f(src('com.amazon.carbonado.repo.jdbc', 'JdbcUnitOfWork'), new=java('com.amazon.carbonado.repo.jdbc', ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource'], r'''
public class JdbcUnitOfWork {
    private final DataSource dataSource;

    public JdbcUnitOfWork(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(Work<T> work) throws SQLException {
        Connection con = dataSource.getConnection(); //@RES-01|TX-01
        con.setAutoCommit(false);
        try {
            T result = work.apply(con);
            con.commit();
            con.close();
            return result;
        } catch (SQLException | RuntimeException e) {
            con.rollback();
            con.close();
            throw e;
        }
    }
}
'''))])

case('java-38-session-store-logs-failed-commit-and-reports-success', GH + 'AmadeusITGroup/HttpSessionReplacer/pull/42',
     'a session replacer commits session attributes at the end of the request, logs a failed commit and returns normally, so the response goes out as if the session were saved',
     files=[f(src('com.amadeus.session', 'SessionCommitter'), new=java('com.amadeus.session', ['java.sql.Connection', 'java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class SessionCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCommitter.class);

    public void commit(Connection con, SessionData session) throws SQLException {
        con.setAutoCommit(false); //@~TX-01
        try {
            session.writeAttributes(con);
            con.commit();
        } catch (SQLException e) { //@TX-02|ERR-01
            LOG.warn("could not commit session {}", session.id(), e);
        }
    }
}
'''))])

case('java-ok-12-registry-commits-in-transaction-template', GH + 'google/nomulus/pull/1262',
     'clean: the replay step runs its writes in Spring\'s TransactionTemplate, which commits on return and rolls back on any exception, and lets the exception reach the caller',
     files=[f(src('google.registry.backup', 'ReplayWriter'), new=java('google.registry.backup', ['java.util.List', 'org.springframework.jdbc.core.JdbcTemplate', 'org.springframework.transaction.support.TransactionTemplate'], r'''
public class ReplayWriter {
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    public ReplayWriter(TransactionTemplate tx, JdbcTemplate jdbc) {
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public void replay(List<Mutation> mutations) {
        tx.executeWithoutResult(status -> {
            for (Mutation m : mutations) {
                jdbc.update(m.sql(), m.args());
            }
        });
    }
}
'''))])

# ---------------------------------------------------------------- LOG-01, ERR-01
case('java-39-batch-job-logs-error-for-every-rejected-record', GH + 'j-easy/easy-batch/issues/390',
     'a batch job logs an error line with the whole record for every record a validator rejects; a bad file of a million records turns the job into a log writer',
     files=[f(src('org.jeasy.batch.core.job', 'RecordLoop'), new=java('org.jeasy.batch.core.job', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
class RecordLoop {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordLoop.class);
    private final RecordValidator validator;
    private final RecordWriter writer;

    RecordLoop(RecordValidator validator, RecordWriter writer) {
        this.validator = validator;
        this.writer = writer;
    }

    JobMetrics process(List<Record> batch) throws Exception {
        JobMetrics metrics = new JobMetrics();
        for (Record record : batch) {
            try {
                validator.validate(record);
                writer.write(record);
                metrics.incrementWriteCount();
            } catch (ValidationException e) {
                LOGGER.error("Unable to process record {}", record, e); //@LOG-01
                metrics.incrementErrorCount();
            }
        }
        return metrics;
    }
}
'''))])

case('java-ok-13-batch-job-counts-rejects-and-logs-summary', GH + 'j-easy/easy-batch/issues/390',
     'clean: rejected records are counted, the first few are logged at debug behind a level check, and one summary line is written per batch',
     files=[f(src('org.jeasy.batch.core.job', 'RecordLoop'), new=java('org.jeasy.batch.core.job', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
class RecordLoop {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordLoop.class);
    private static final int DETAILED = 10;
    private final RecordValidator validator;
    private final RecordWriter writer;

    RecordLoop(RecordValidator validator, RecordWriter writer) {
        this.validator = validator;
        this.writer = writer;
    }

    JobMetrics process(List<Record> batch) throws Exception {
        JobMetrics metrics = new JobMetrics();
        for (Record record : batch) {
            try {
                validator.validate(record);
                writer.write(record);
                metrics.incrementWriteCount();
            } catch (ValidationException e) {
                metrics.incrementErrorCount();
                if (metrics.getErrorCount() <= DETAILED && LOGGER.isDebugEnabled()) {
                    LOGGER.debug("rejected record {}: {}", record.header().number(), e.getMessage());
                }
            }
        }
        if (metrics.getErrorCount() > 0) {
            LOGGER.warn("{} of {} records rejected in this batch", metrics.getErrorCount(), batch.size());
        }
        return metrics;
    }
}
'''))])

CHANNEL = r'''
    @Override
    public void channelClosed(ChannelHandlerContext ctx, ChannelStateEvent e) {
        try {
            requestTracker.abortAll(ctx.getChannel());
-|        } catch (TTransportException ex) {
-|            LOG.warn("failed to abort pending requests on {}", ctx.getChannel(), ex);
+|        } catch (TTransportException ignored) { //@ERR-01
        }
        ctx.sendUpstream(e);
    }
'''
case('java-40-thrift-channel-handler-empties-catch-on-close', GH + 'facebookarchive/nifty/pull/59',
     'a Thrift channel handler\'s edit replaces the warning for a failed abort of pending requests with an empty catch',
     files=[java_edit(src('com.facebook.nifty.core', 'NiftyDispatcher'), 'com.facebook.nifty.core',
                      ['org.apache.thrift.transport.TTransportException', 'org.jboss.netty.channel.ChannelHandlerContext', 'org.jboss.netty.channel.ChannelStateEvent', 'org.jboss.netty.channel.SimpleChannelUpstreamHandler', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
                      'public class NiftyDispatcher extends SimpleChannelUpstreamHandler {\n    private static final Logger LOG = LoggerFactory.getLogger(NiftyDispatcher.class);\n    private final RequestTracker requestTracker;\n\n    public NiftyDispatcher(RequestTracker requestTracker) {\n        this.requestTracker = requestTracker;\n    }\n' + CHANNEL + '}\n')])

case('java-41-portal-upgrade-swallows-exception-with-print', GH + 'brianchandotcom/liferay-portal/pull/83683',
     'a portal upgrade step catches the exception of a failed column rename and only prints its stack trace, carrying on with a half-upgraded table',
     files=[f(src('com.liferay.portal.upgrade.v7_4_x', 'UpgradeAssetEntry'), new=java('com.liferay.portal.upgrade.v7_4_x', ['java.sql.Connection', 'java.sql.SQLException', 'java.sql.Statement'], r'''
public class UpgradeAssetEntry {
    private final Connection connection;

    public UpgradeAssetEntry(Connection connection) {
        this.connection = connection;
    }

    public void upgrade() {
        try (Statement s = connection.createStatement()) { //@~TMO-01
            s.executeUpdate("ALTER TABLE AssetEntry RENAME COLUMN classUuid TO externalReferenceCode");
        } catch (SQLException e) { //@ERR-01
            e.printStackTrace();
        }
    }
}
'''))])

case('java-ok-14-closer-ignores-close-failure-with-reason', GH + 'facebookarchive/nifty/pull/59',
     'clean: a best-effort close of a transport after the response was sent ignores an IOException with a comment saying why, and the main path rethrows',
     files=[f(src('com.facebook.nifty.client', 'TransportCloser'), new=java('com.facebook.nifty.client', ['java.io.Closeable', 'java.io.IOException'], r'''
final class TransportCloser {

    private TransportCloser() {
    }

    static void closeAfterResponse(Closeable transport) {
        try {
            transport.close();
        } catch (IOException ignored) {
            // The response has already been delivered; a failed close only means the peer went away first, and the
            // connection is discarded either way.
        }
    }
}
'''))])

# ---------------------------------------------------------------- MEM-02
case('java-42-shuffle-server-releases-block-before-async-flush', GH + 'xtaci/kcp-go/issues/146',
     'a shuffle server hands a block\'s ByteBuf to an asynchronous flush and releases it immediately afterwards, before the flush has read it',
     files=[f(src('org.apache.uniffle.server.buffer', 'ShuffleBuffer'), new=java('org.apache.uniffle.server.buffer', ['io.netty.buffer.ByteBuf', 'java.util.concurrent.Executor'], r'''
public class ShuffleBuffer {
    private final Executor flushExecutor;
    private final FlushHandler handler;

    public ShuffleBuffer(Executor flushExecutor, FlushHandler handler) {
        this.flushExecutor = flushExecutor;
        this.handler = handler;
    }

    public void flush(long blockId, ByteBuf data) {
        flushExecutor.execute(() -> handler.write(blockId, data));
        data.release(); //@MEM-02
    }
}
'''))])

# ---------------------------------------------------------------- PR shapes: CRLF, rename, generated, test beside
CRLF_DAO = r'''
    public void deleteExpired(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM upload_token WHERE expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.executeUpdate();
        }
    }
+|
+|    public int countForUser(String userId) throws SQLException {
+|        Connection c = dataSource.getConnection(); //@RES-01
+|        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM upload_token WHERE user_id = ?"); //@~TMO-01
+|        ps.setString(1, userId);
+|        ResultSet rs = ps.executeQuery(); //@~RES-01
+|        rs.next();
+|        int count = rs.getInt(1);
+|        c.close();
+|        return count;
+|    }
'''
case('java-43-token-dao-crlf-count-query-closes-only-connection', GH + 'r5v9/persist/issues/4',
     'a DAO kept with CRLF line ends gains a count query that closes the connection at the end but not the statement or result set, and nothing at all when the query throws',
     files=[java_edit(src('org.example.upload', 'UploadTokenDao'), 'org.example.upload',
                      ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp', 'java.time.Instant', 'javax.sql.DataSource'],
                      'public class UploadTokenDao {\n    private final DataSource dataSource;\n\n    public UploadTokenDao(DataSource dataSource) {\n        this.dataSource = dataSource;\n    }\n' + CRLF_DAO + '}\n',
                      new_imports=['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Timestamp', 'java.time.Instant', 'javax.sql.DataSource'],
                      crlf=True)])

MOVED = r'''
public class ChangelogParser {
    private final ChangeSetFactory factory;

    public ChangelogParser(ChangeSetFactory factory) {
        this.factory = factory;
    }

    public List<ChangeSet> parse(Path changelog) throws IOException {
-|        try (BufferedReader reader = Files.newBufferedReader(changelog)) {
-|            return factory.fromLines(reader.lines().toList());
-|        }
+|        BufferedReader reader = Files.newBufferedReader(changelog); //@RES-01
+|        List<ChangeSet> sets = factory.fromLines(reader.lines().toList());
+|        if (sets.isEmpty()) {
+|            throw new IOException("no change sets in " + changelog);
+|        }
+|        reader.close();
+|        return sets;
    }
}
'''
case('java-44-changelog-parser-moved-and-loses-try-with-resources', GH + 'jenkinsci/naginator-plugin/pull/12',
     'a changelog parser is moved to a new package and, in the same commit, its reader leaves try-with-resources for a close at the end that an empty changelog skips',
     files=[java_edit(src('org.example.migrate.parse', 'ChangelogParser'), 'org.example.migrate',
                      ['java.io.BufferedReader', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List'],
                      MOVED, rename_from=src('org.example.migrate', 'ChangelogParser'), new_pkg='org.example.migrate.parse')])

case('java-ok-15-generated-grpc-stub-and-service-closing-channel', GH + 'panghy/lionrock/pull/55',
     'clean: a regenerated gRPC stub (marked @Generated) beside a service that builds one ManagedChannel in its constructor and shuts it down in close()',
     files=[f(src('io.github.panghy.lionrock.proto', 'TransactionalKeyValueStoreGrpc'), new=java('io.github.panghy.lionrock.proto', ['io.grpc.Channel', 'io.grpc.stub.AbstractBlockingStub', 'javax.annotation.processing.Generated'], r'''
@Generated(value = "by gRPC proto compiler (version 1.64.0)", comments = "Source: lionrock.proto")
public final class TransactionalKeyValueStoreGrpc {

    private TransactionalKeyValueStoreGrpc() {
    }

    public static BlockingStub newBlockingStub(Channel channel) {
        return new BlockingStub(channel);
    }

    public static final class BlockingStub extends AbstractBlockingStub<BlockingStub> {
        private BlockingStub(Channel channel) {
            super(channel, io.grpc.CallOptions.DEFAULT);
        }

        @Override
        protected BlockingStub build(Channel channel, io.grpc.CallOptions callOptions) {
            return new BlockingStub(channel);
        }
    }
}
''')), f(src('io.github.panghy.lionrock.client', 'RemoteStore'), new=java('io.github.panghy.lionrock.client', ['io.github.panghy.lionrock.proto.TransactionalKeyValueStoreGrpc', 'io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'java.util.concurrent.TimeUnit'], r'''
public class RemoteStore implements AutoCloseable {
    private final ManagedChannel channel;
    private final TransactionalKeyValueStoreGrpc.BlockingStub stub;

    public RemoteStore(String host, int port) {
        this.channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
        this.stub = TransactionalKeyValueStoreGrpc.newBlockingStub(channel);
    }

    public TransactionalKeyValueStoreGrpc.BlockingStub stub() {
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
'''))])

case('java-45-report-exporter-with-test-beside-leaks-writer-on-failure', GH + 'hail-is/hail/pull/9295',
     'a report exporter writes gzip-compressed CSV through a Writer it closes only at the end; a failing row formatter leaks the file and the deflater (the test added beside it covers the happy path only)',
     files=[f(src('is.hail.io.export', 'CsvExporter'), new=java('is.hail.io.export', ['java.io.IOException', 'java.io.OutputStreamWriter', 'java.io.Writer', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.zip.GZIPOutputStream'], r'''
public class CsvExporter {

    public void export(Path target, List<Row> rows) throws IOException {
        Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8); //@RES-01
        out.write(Row.HEADER);
        for (Row row : rows) {
            out.write(row.toCsvLine());
        }
        out.close();
    }
}
''')), f(tst('is.hail.io.export', 'CsvExporterTest'), new=java('is.hail.io.export', ['java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir', 'static org.junit.jupiter.api.Assertions.assertTrue'], r'''
class CsvExporterTest {

    @Test
    void writes_a_non_empty_gzip_file(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv.gz");
        new CsvExporter().export(target, List.of(new Row("a", 1)));
        assertTrue(Files.size(target) > 0);
    }
}
'''))])

# ---------------------------------------------------------------- more clean look-alikes
case('java-ok-16-change-stream-handed-to-caller-through-stream-close', GH + 'srikanth-lingala/zip4j/issues/155',
     'clean: a method returns a Stream over a zip\'s entries with onClose closing the ZipFile; the caller in the change consumes it in try-with-resources',
     files=[f(src('net.lingala.zip4j.util', 'EntryNames'), new=java('net.lingala.zip4j.util', ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Path', 'java.util.stream.Stream', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'], r'''
public final class EntryNames {

    private EntryNames() {
    }

    /** The entry names of a zip; the caller must close the stream, which closes the file. */
    public static Stream<String> of(Path zip) throws IOException {
        ZipFile file = new ZipFile(zip.toFile());
        return file.stream().map(ZipEntry::getName).onClose(() -> {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static long countClasses(Path zip) throws IOException {
        try (Stream<String> names = of(zip)) {
            return names.filter(n -> n.endsWith(".class")).count();
        }
    }
}
'''))])

case('java-ok-17-scoped-mdc-through-put-closeable', GH + 'sumanentc/multitenant/issues/13',
     'clean: a message listener scopes its correlation id with MDC.putCloseable in try-with-resources, so the key is removed on every path',
     files=[f(src('com.example.multitenant.messaging', 'OrderListener'), new=java('com.example.multitenant.messaging', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.slf4j.MDC'], r'''
public class OrderListener {
    private static final Logger LOG = LoggerFactory.getLogger(OrderListener.class);
    private final OrderService orders;

    public OrderListener(OrderService orders) {
        this.orders = orders;
    }

    public void onMessage(OrderMessage message) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", message.correlationId())) {
            LOG.info("order {} received", message.orderId());
            orders.accept(message);
        }
    }
}
'''))])


# ---------------------------------------------------------------- PR shapes: edits of existing classes
def _replace(name, desc, files):
    c = next(c for c in CASES if c['name'] == name)
    c['desc'] = desc
    c['files'] = files


REFRESHER = r'''
public class ModelRefresher {
    private static final Logger LOG = Logger.getLogger(ModelRefresher.class.getName());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<WroModel> current = new AtomicReference<>();
    private final ModelFactory factory;

    public ModelRefresher(ModelFactory factory) {
        this.factory = factory;
    }

    public void start(long periodSeconds) {
-|        scheduler.scheduleWithFixedDelay(this::reloadSafely, 0, periodSeconds, TimeUnit.SECONDS);
+|        scheduler.scheduleWithFixedDelay(() -> current.set(factory.create()), 0, periodSeconds, TimeUnit.SECONDS); //@CONC-07
    }
-|
-|    private void reloadSafely() {
-|        try {
-|            current.set(factory.create());
-|        } catch (RuntimeException e) {
-|            LOG.log(Level.WARNING, "model reload failed, keeping the previous model", e);
-|        }
-|    }

    public WroModel model() {
        return current.get();
    }

    public void stop() {
        scheduler.shutdownNow();
    }
}
'''
_replace('java-33-model-refresher-scheduled-without-catch',
         'a resource-model cache "simplifies" its scheduled reload into a lambda and deletes the catching wrapper; a parse error thrown by one reload now cancels every later one',
         [java_edit(src('ro.isdc.wro.cache', 'ModelRefresher'), 'ro.isdc.wro.cache',
                    ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                     'java.util.concurrent.atomic.AtomicReference', 'java.util.logging.Level', 'java.util.logging.Logger'], REFRESHER)])

SCANNER = r'''
public class FrameScanner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameScanner.class);
    private final BlockingQueue<Frame> frames;
    private final ShotListener listener;
    private volatile boolean running = true;

    public FrameScanner(BlockingQueue<Frame> frames, ShotListener listener) {
        this.frames = frames;
        this.listener = listener;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Frame frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    detect(frame).ifPresent(listener::shotDetected);
                }
-|            } catch (InterruptedException e) {
-|                Thread.currentThread().interrupt();
-|                return;
+|            } catch (InterruptedException e) { //@CONC-05
+|                LOG.warn("frame wait interrupted, continuing", e);
            }
        }
    }

    public void stop() {
        running = false;
    }
}
'''
_replace('java-30-shot-detector-swallows-interrupt-and-keeps-scanning',
         'a camera shot detector\'s edit turns the interrupt handling of its frame wait into a warning and keeps looping; shutdownNow can no longer stop it',
         [java_edit(src('com.shootoff.camera.shotdetection', 'FrameScanner'), 'com.shootoff.camera.shotdetection',
                    ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], SCANNER)])

PUBLISHER = r'''
public class EventPublisher {
    private final Connection connection;
    private final JsonEncoder encoder;

    public EventPublisher(Connection connection, JsonEncoder encoder) {
        this.connection = connection;
        this.encoder = encoder;
    }

    public void declare(String exchange) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", true);
        }
    }
+|
+|    public void publish(String exchange, String routingKey, Object event) throws IOException {
+|        Channel channel = connection.createChannel(); //@RES-01
+|        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
+|                .contentType("application/json")
+|                .deliveryMode(2)
+|                .build();
+|        channel.basicPublish(exchange, routingKey, props, encoder.encode(event).getBytes(StandardCharsets.UTF_8));
+|    }
}
'''
_replace('java-11-event-bridge-creates-channel-per-event-never-closed',
         'a CDI event bridge whose exchange declaration closes its channel gains a publish method that opens a fresh RabbitMQ channel per event and never closes it',
         [java_edit(src('net.reini.rabbitmq.cdi', 'EventPublisher'), 'net.reini.rabbitmq.cdi',
                    ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException', 'java.util.concurrent.TimeoutException'], PUBLISHER,
                    new_imports=['com.rabbitmq.client.AMQP', 'com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException',
                                 'java.nio.charset.StandardCharsets', 'java.util.concurrent.TimeoutException'])])

RESTORE = r'''
public final class RestoreCheck {

    private RestoreCheck() {
    }

    public static Path indexDir(Path root, String indexName) {
        return root.resolve(indexName).resolve("shard0").resolve("index");
    }
+|
+|    public static boolean hasSegments(Path indexDir) throws IOException {
+|        if (!Files.isDirectory(indexDir)) {
+|            return false;
+|        }
+|        return Files.list(indexDir) //@RES-01
+|                .map(p -> p.getFileName().toString())
+|                .anyMatch(name -> name.startsWith("segments_"));
+|    }
}
'''
_replace('java-05-index-restore-lists-directory-without-closing-stream',
         'a search node\'s restore helper gains a segment check that counts files with Files.list and never closes the stream, keeping the directory handle open',
         [java_edit(src('com.yelp.nrtsearch.server.backup', 'RestoreCheck'), 'com.yelp.nrtsearch.server.backup', ['java.nio.file.Path'], RESTORE,
                    new_imports=['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path'])])
