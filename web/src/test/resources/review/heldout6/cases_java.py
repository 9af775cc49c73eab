"""Round-6 Java cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""


def jfile(pkg, imports, decl, *members, tail='}'):
    imp = ''.join('import %s;\n' % i for i in imports)
    body = '\n\n'.join(m.strip('\n') for m in members)
    return 'package %s;\n\n%s\n%s {\n\n%s\n%s\n' % (pkg, imp, decl, body, tail)


def jmod(pkg, imports, decl, before, old_m, new_m, after='', new_imports=None):
    old = jfile(pkg, imports, decl, *[m for m in (before, old_m, after) if m])
    new = jfile(pkg, new_imports or imports, decl, *[m for m in (before, new_m, after) if m])
    return {'old': old, 'new': new}


def f(path, **kw):
    d = {'path': path}
    d.update(kw)
    return d


CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


POM_OLD = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>%s</artifactId>
  <version>1.4.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
</project>
'''
POM_NEW = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>%s</artifactId>
  <version>1.5.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
</project>
'''

# ---------------------------------------------------------------- RES-01 streams
case('java-01-date-picker-font-data-stream-open', 'https://github.com/LGoodDatePicker/LGoodDatePicker/pull/192',
     'loading the bundled calendar font now reads a header through a DataInputStream that is never closed',
     path='src/main/java/com/github/datepicker/FontLoader.java', **jmod('com.github.datepicker',
        ['java.awt.Font', 'java.io.DataInputStream', 'java.io.IOException', 'java.io.InputStream'],
        'final class FontLoader', '''
    private static final String FONT = "/fonts/calendar.ttf";
''', '''
    static Font load() throws IOException {
        try (InputStream in = FontLoader.class.getResourceAsStream(FONT)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }
''', '''
    static Font load() throws IOException {
        try (InputStream in = FontLoader.class.getResourceAsStream(FONT)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (java.awt.FontFormatException e) {
            throw new IOException("bad font " + FONT, e);
        }
    }

    static int version() throws IOException {
        DataInputStream data = new DataInputStream(FontLoader.class.getResourceAsStream(FONT)); //@RES-01
        int sfntVersion = data.readInt();
        return sfntVersion >>> 16;
    }
'''))

case('java-02-broker-config-helper-stream-never-closed', 'https://github.com/apache/rocketmq/pull/9459',
     'a new helper (another file of the change) opens the config file and returns the stream; the broker startup parses it into Properties and never closes it',
     files=[
         f('broker/src/main/java/org/apache/rocketmq/broker/ConfigFiles.java', new=jfile('org.apache.rocketmq.broker',
            ['java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.nio.file.Path'],
            'final class ConfigFiles', '''
    private ConfigFiles() {
    }
''', '''
    /** Opens the broker config; the caller owns the stream. */
    static InputStream open(Path file) throws IOException {
        return new FileInputStream(file.toFile());
    }
''')),
         f('broker/src/main/java/org/apache/rocketmq/broker/BrokerStartup.java', **jmod('org.apache.rocketmq.broker',
            ['java.io.IOException', 'java.nio.file.Path', 'java.util.Properties'],
            'public final class BrokerStartup', '''
    private BrokerStartup() {
    }
''', '''
    static Properties readConfig(Path file) throws IOException {
        return new Properties();
    }
''', '''
    static Properties readConfig(Path file) throws IOException {
        Properties props = new Properties();
        props.load(ConfigFiles.open(file)); //@RES-01
        return props;
    }
''')),
     ])

case('java-03-karaf-feature-descriptor-stream', 'https://github.com/apache/karaf/pull/957',
     'the feature deployer reads a descriptor through a URL stream assigned inside try and closed at the end of the block by hand; a parse exception skips the close',
     path='features/core/src/main/java/org/apache/karaf/features/internal/DescriptorReader.java', **jmod(
        'org.apache.karaf.features.internal',
        ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'javax.xml.parsers.DocumentBuilderFactory', 'org.w3c.dom.Document'],
        'public class DescriptorReader', '''
    private final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
''', '''
    public Document read(URI uri) throws Exception {
        return factory.newDocumentBuilder().parse(uri.toString());
    }
''', '''
    public Document read(URI uri) throws Exception {
        InputStream in = null;
        try {
            in = uri.toURL().openStream(); //@RES-01
            Document doc = factory.newDocumentBuilder().parse(in, uri.toString());
            in.close();
            return doc;
        } catch (IOException e) {
            throw new IOException("cannot read feature descriptor " + uri, e);
        }
    }
'''))

case('java-04-package-helper-reads-version-file', 'https://github.com/apache/camel/pull/17833',
     'a helper that finds the version of a package reads a properties resource through getResourceAsStream and never closes the stream',
     path='core/camel-util/src/main/java/org/apache/camel/util/PackageHelper.java', **jmod('org.apache.camel.util',
        ['java.io.IOException', 'java.io.InputStream', 'java.util.Properties'],
        'public final class PackageHelper', '''
    private PackageHelper() {
    }
''', '''
    public static String version(Class<?> type) {
        Package p = type.getPackage();
        return p == null ? null : p.getImplementationVersion();
    }
''', '''
    public static String version(Class<?> type) {
        Package p = type.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        try {
            InputStream is = type.getResourceAsStream("/META-INF/camel-version.properties"); //@RES-01
            if (is == null) {
                return null;
            }
            Properties props = new Properties();
            props.load(is);
            return props.getProperty("version");
        } catch (IOException e) { //@~ERR-01
            return null;
        }
    }
'''))

case('java-05-nucleus-plugin-dir-list-unclosed', 'https://github.com/aws-greengrass/aws-greengrass-nucleus/pull/771',
     'the component store counts the versions of a component with Files.list and never closes the directory stream',
     path='src/main/java/com/aws/greengrass/componentmanager/ComponentStore.java', **jmod(
        'com.aws.greengrass.componentmanager',
        ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors'],
        'public class ComponentStore', '''
    private final Path root;

    public ComponentStore(Path root) {
        this.root = root;
    }
''', '''
    public boolean exists(String name) {
        return Files.isDirectory(root.resolve(name));
    }
''', '''
    public boolean exists(String name) {
        return Files.isDirectory(root.resolve(name));
    }

    public List<String> versions(String name) throws IOException {
        return Files.list(root.resolve(name)) //@RES-01
                .filter(Files::isDirectory)
                .map(p -> p.getFileName().toString())
                .sorted()
                .collect(Collectors.toList());
    }
'''))

case('java-06-supervisor-walk-through-method-reference', 'https://github.com/apache/storm/issues/7582',
     'the supervisor totals the size of a worker directory with Files.walk mapped through a method reference; the walk stream is never closed',
     path='storm-server/src/main/java/org/apache/storm/daemon/supervisor/DirSizes.java', new=jfile(
        'org.apache.storm.daemon.supervisor',
        ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path'],
        'final class DirSizes', '''
    private DirSizes() {
    }
''', '''
    static long totalBytes(Path workerDir) throws IOException {
        return Files.walk(workerDir) //@RES-01
                .filter(Files::isRegularFile)
                .mapToLong(DirSizes::sizeOf)
                .sum();
    }
''', '''
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
'''))

case('java-07-extender-cleanup-job-lists-build-dirs', 'https://github.com/defold/extender/issues/881',
     'a scheduled cleanup job lists old build directories with Files.list inside its loop over roots and never closes the listings',
     path='server/src/main/java/com/defold/extender/cleanup/CleanupJob.java', crlf=True, **jmod(
        'com.defold.extender.cleanup',
        ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.time.Duration', 'java.time.Instant', 'java.util.List',
         'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class CleanupJob', '''
    private static final Logger LOG = LoggerFactory.getLogger(CleanupJob.class);
    private final List<Path> roots;
    private final Duration maxAge;

    public CleanupJob(List<Path> roots, Duration maxAge) {
        this.roots = roots;
        this.maxAge = maxAge;
    }
''', '''
    public void run() {
        LOG.info("cleanup of {} roots", roots.size());
    }
''', '''
    public void run() {
        Instant cutoff = Instant.now().minus(maxAge);
        int removed = 0;
        for (Path root : roots) {
            try {
                for (Path dir : Files.list(root).toList()) { //@RES-01
                    if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                        FileUtils.deleteRecursively(dir);
                        removed++;
                    }
                }
            } catch (IOException e) { //@~ERR-01
                LOG.warn("cleanup of {} failed", root, e);
            }
        }
        LOG.info("cleanup removed {} build directories", removed);
    }
'''))

case('java-08-openhab-addon-walk-assigned-then-iterated', 'https://github.com/openhab/openhab-core/pull/3504',
     'the add-on installer assigns a Files.walk stream to a variable and iterates it with forEach; the stream is never closed',
     path='bundles/org.openhab.core.addon/src/main/java/org/openhab/core/addon/internal/JarScanner.java', **jmod(
        'org.openhab.core.addon.internal',
        ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List', 'java.util.stream.Stream'],
        'public class JarScanner', '''
    private final Path addonsDir;

    public JarScanner(Path addonsDir) {
        this.addonsDir = addonsDir;
    }
''', '''
    public List<Path> jars() throws IOException {
        return new ArrayList<>();
    }
''', '''
    public List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        Stream<Path> files = Files.walk(addonsDir, 2); //@RES-01
        files.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
        return jars;
    }
'''))

# ---------------------------------------------------------------- RES-01 JDBC
case('java-09-field-store-statements-never-closed', 'https://github.com/marcelo-mason/PreciousStones/issues/270',
     'a new field-count query creates a Statement and a ResultSet on the long-lived connection and closes neither',
     path='src/main/java/net/sacredlabyrinth/stones/storage/SQLiteCore.java', **jmod(
        'net.sacredlabyrinth.stones.storage',
        ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement', 'java.util.logging.Logger'],
        'public class SQLiteCore', '''
    private static final Logger LOG = Logger.getLogger("stones");
    private final Connection connection;

    public SQLiteCore(Connection connection) {
        this.connection = connection;
    }
''', '''
    public boolean existsTable(String table) throws SQLException {
        return connection.getMetaData().getTables(null, null, table, null).next();
    }
''', '''
    public int countFields(String world) {
        try {
            Statement st = connection.createStatement(); //@RES-01,~TMO-01
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pstone_fields WHERE world = '" + world + "'"); //@RES-01,~TMO-01
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) { //@~ERR-01
            LOG.severe("count fields of " + world + ": " + e.getMessage());
            return 0;
        }
    }
'''))

case('java-10-batch-repository-counts-with-unclosed-statement', 'https://github.com/jberet/jsr352/issues/10',
     'creating the job tables now first counts partition executions with a prepared statement whose statement and result set are never closed',
     path='jberet-core/src/main/java/org/jberet/repository/JdbcRepository.java', **jmod(
        'org.jberet.repository',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'javax.sql.DataSource'],
        'public final class JdbcRepository', '''
    private final DataSource dataSource;
    private final String countPartitionExecutions;

    public JdbcRepository(DataSource dataSource, String countPartitionExecutions) {
        this.dataSource = dataSource;
        this.countPartitionExecutions = countPartitionExecutions;
    }
''', '''
    void createTables(Connection connection) throws SQLException {
        connection.createStatement().execute(DDL);
    }
''', '''
    void createTables(Connection connection) throws SQLException {
        PreparedStatement count = connection.prepareStatement(countPartitionExecutions); //@RES-01,~TMO-01
        ResultSet rs = count.executeQuery(); //@RES-01,~TMO-01
        if (rs.next() && rs.getInt(1) >= 0) {
            return;
        }
        try (var ddl = connection.createStatement()) { //@~TMO-01
            ddl.execute(DDL);
        }
    }
''', after='''
    private static final String DDL = "CREATE TABLE PARTITION_EXECUTION (ID BIGINT PRIMARY KEY)";
'''))

case('java-11-flight-sql-metadata-tables-result-set', 'https://github.com/apache/arrow-java/pull/991',
     'the JDBC driver\'s table check asks DatabaseMetaData.getTables and keeps only the boolean; the metadata ResultSet is never closed',
     path='flight/flight-sql-jdbc-core/src/main/java/org/apache/arrow/driver/jdbc/TableCheck.java', new=jfile(
        'org.apache.arrow.driver.jdbc',
        ['java.sql.Connection', 'java.sql.DatabaseMetaData', 'java.sql.ResultSet', 'java.sql.SQLException'],
        'final class TableCheck', '''
    private TableCheck() {
    }
''', '''
    static boolean exists(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        ResultSet tables = meta.getTables(null, schema, table, new String[] {"TABLE"}); //@RES-01
        return tables.next();
    }
'''))

case('java-12-zimbra-store-closes-by-hand-at-end', 'https://github.com/zextras/openzal/pull/14',
     'a mailbox query closes its ResultSet and PreparedStatement by hand after the loop; an exception while reading rows skips both closes',
     path='src/java/org/openzal/zal/MailboxIndex.java', **jmod('org.openzal.zal',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List'],
        'public class MailboxIndex', '''
    private final Connection conn;

    public MailboxIndex(Connection conn) {
        this.conn = conn;
    }
''', '''
    public List<Integer> itemIds(int mailboxId) throws SQLException {
        return new ArrayList<>();
    }
''', '''
    public List<Integer> itemIds(int mailboxId) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        PreparedStatement stmt = conn.prepareStatement("SELECT id FROM mail_item WHERE mailbox_id = ?"); //@RES-01,~TMO-01
        stmt.setInt(1, mailboxId);
        ResultSet rs = stmt.executeQuery(); //@RES-01,~TMO-01
        while (rs.next()) {
            ids.add(rs.getInt(1));
        }
        rs.close();
        stmt.close();
        return ids;
    }
'''))

# ---------------------------------------------------------------- RES-02
case('java-13-rest-client-response-entity-never-consumed', 'https://github.com/Kong/unirest-java/issues/50',
     'the request executor reads only the status line and headers of an Apache HttpClient response; the entity is neither consumed nor the response closed',
     path='src/main/java/kong/unirest/apache/ApacheClient.java', **jmod('kong.unirest.apache',
        ['org.apache.http.HttpResponse', 'org.apache.http.client.HttpClient', 'org.apache.http.client.methods.HttpHead', 'java.io.IOException'],
        'public class ApacheClient', '''
    private final HttpClient client;

    public ApacheClient(HttpClient client) {
        this.client = client;
    }
''', '''
    public int status(String url) throws IOException {
        return 0;
    }
''', '''
    public int status(String url) throws IOException {
        HttpResponse response = client.execute(new HttpHead(url)); //@RES-02
        int code = response.getStatusLine().getStatusCode();
        if (code == 405) {
            return fallbackGet(url);
        }
        return code;
    }
'''))

case('java-14-helix-health-check-response-kept', 'https://github.com/apache/helix/issues/1471',
     'the customized health check posts to the participant and reads the JSON entity only on 200; other statuses return without releasing the pooled connection',
     path='helix-rest/src/main/java/org/apache/helix/rest/client/CustomRestClientImpl.java', **jmod('org.apache.helix.rest.client',
        ['com.fasterxml.jackson.databind.JsonNode', 'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.util.Map',
         'org.apache.http.HttpResponse', 'org.apache.http.HttpStatus', 'org.apache.http.client.HttpClient',
         'org.apache.http.client.methods.HttpPost', 'org.apache.http.entity.StringEntity', 'org.apache.http.util.EntityUtils'],
        'class CustomRestClientImpl implements CustomRestClient', '''
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient httpClient;

    CustomRestClientImpl(HttpClient httpClient) {
        this.httpClient = httpClient;
    }
''', '''
    @Override
    public Map<String, Boolean> getInstanceStoppableCheck(String baseUrl, Map<String, String> payload) throws IOException {
        return Map.of();
    }
''', '''
    @Override
    public Map<String, Boolean> getInstanceStoppableCheck(String baseUrl, Map<String, String> payload) throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/instanceHealthStatus");
        post.setEntity(new StringEntity(MAPPER.writeValueAsString(payload)));
        HttpResponse response = httpClient.execute(post); //@RES-02
        int status = response.getStatusLine().getStatusCode();
        if (status != HttpStatus.SC_OK) {
            throw new IOException("health check of " + baseUrl + " answered " + status);
        }
        JsonNode json = MAPPER.readTree(EntityUtils.toString(response.getEntity()));
        return MAPPER.convertValue(json, Map.class);
    }
'''))

case('java-15-scraper-okhttp-response-not-closed', 'https://github.com/jhy/jsoup/issues/1074',
     'a page fetcher moves to OkHttp and returns the body string on success; the error path throws without closing the response',
     path='src/main/java/org/example/scrape/PageFetcher.java', **jmod('org.example.scrape',
        ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'],
        'public class PageFetcher', '''
    private final OkHttpClient client;

    public PageFetcher(OkHttpClient client) {
        this.client = client;
    }
''', '''
    public String fetch(String url) throws IOException {
        throw new UnsupportedOperationException();
    }
''', '''
    public String fetch(String url) throws IOException {
        Request request = new Request.Builder().url(url).header("User-Agent", "scrape/1.0").build();
        Response response = client.newCall(request).execute(); //@RES-02
        if (!response.isSuccessful()) {
            throw new IOException("GET " + url + " answered " + response.code());
        }
        String html = response.body().string();
        return html;
    }
'''))

case('java-16-solr-jdk-client-input-stream-body', 'https://github.com/apache/solr/pull/4626',
     'the JDK HttpClient-based Solr client requests the body as an InputStream and hands it to the parser; the stream is never closed on the error path or after parsing',
     path='solr/solrj/src/java/org/apache/solr/client/solrj/impl/HttpJdkSolrClient.java', **jmod(
        'org.apache.solr.client.solrj.impl',
        ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
         'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.Map'],
        'public class HttpJdkSolrClient', '''
    private final HttpClient client;
    private final Duration requestTimeout;
    private final ResponseParser parser;

    public HttpJdkSolrClient(HttpClient client, Duration requestTimeout, ResponseParser parser) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.parser = parser;
    }
''', '''
    public Map<String, Object> request(URI uri) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        return parser.parse(resp.body());
    }
''', '''
    public Map<String, Object> request(URI uri) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (resp.statusCode() >= 400) {
            throw new IOException("Solr answered " + resp.statusCode() + " for " + uri);
        }
        return parser.parse(resp.body());
    }
'''))

# ---------------------------------------------------------------- RES-04
case('java-17-sauce-build-action-pool-per-call', 'https://github.com/jenkinsci/sauce-ondemand-plugin/pull/67',
     'stopping the jobs of a build creates a new fixed thread pool on every call and waits for it to terminate in a busy loop',
     path='src/main/java/hudson/plugins/sauce_ondemand/SauceOnDemandBuildAction.java', **jmod('hudson.plugins.sauce_ondemand',
        ['java.util.List', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'],
        'public class SauceOnDemandBuildAction', '''
    private final SauceREST sauceREST;

    public SauceOnDemandBuildAction(SauceREST sauceREST) {
        this.sauceREST = sauceREST;
    }
''', '''
    public void stopJobs(List<JobInformation> jobs) {
        for (JobInformation job : jobs) {
            new StopJobThread(sauceREST, job).run();
        }
    }
''', '''
    public void stopJobs(List<JobInformation> jobs) {
        ExecutorService executor = Executors.newFixedThreadPool(5); //@RES-04,~CONC-02
        for (JobInformation job : jobs) {
            executor.execute(new StopJobThread(sauceREST, job));
        }
        executor.shutdown();
        while (!executor.isTerminated()) {
            Thread.onSpinWait();
        }
    }
'''))

case('java-18-ledger-client-executor-per-validation', 'https://github.com/hiero-ledger/hiero-sdk-java/issues/1084',
     'the node validator builds a client with its own executor for every validation round and closes the client, which does not shut the executor down',
     files=[
         f('sdk/src/main/java/com/hedera/hashgraph/sdk/NodeValidator.java', **jmod('com.hedera.hashgraph.sdk',
            ['java.util.List', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'],
            'public class NodeValidator', '''
    private final List<AccountId> nodes;

    public NodeValidator(List<AccountId> nodes) {
        this.nodes = nodes;
    }
''', '''
    public boolean validate() {
        return !nodes.isEmpty();
    }
''', '''
    public boolean validate() {
        ExecutorService executor = Executors.newFixedThreadPool(4); //@RES-04,~CONC-02
        try (Client client = Client.forNetwork(nodes, executor)) {
            for (AccountId node : nodes) {
                if (!client.ping(node)) {
                    return false;
                }
            }
            return true;
        }
    }
''')),
         f('sdk/src/main/java/com/hedera/hashgraph/sdk/Client.java', old=jfile('com.hedera.hashgraph.sdk',
            ['java.util.List', 'java.util.concurrent.ExecutorService'], 'public final class Client implements AutoCloseable', '''
    private final ExecutorService executor;
    private final List<AccountId> nodes;

    private Client(List<AccountId> nodes, ExecutorService executor) {
        this.nodes = nodes;
        this.executor = executor;
    }
''', '''
    @Override
    public void close() {
        nodes.clear();
    }
'''), new=jfile('com.hedera.hashgraph.sdk',
            ['java.util.List', 'java.util.concurrent.ExecutorService'], 'public final class Client implements AutoCloseable', '''
    private final ExecutorService executor;
    private final List<AccountId> nodes;

    private Client(List<AccountId> nodes, ExecutorService executor) {
        this.nodes = nodes;
        this.executor = executor;
    }

    public static Client forNetwork(List<AccountId> nodes, ExecutorService executor) {
        return new Client(nodes, executor);
    }

    public boolean ping(AccountId node) {
        return nodes.contains(node);
    }
''', '''
    @Override
    public void close() {
        nodes.clear();
    }
''')),
     ])

case('java-19-dapr-client-channel-per-invocation', 'https://github.com/dapr/java-sdk/issues/305',
     'each service invocation builds a new gRPC ManagedChannel and never shuts it down',
     path='sdk/src/main/java/io/dapr/client/InvokeHelper.java', **jmod('io.dapr.client',
        ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'io.dapr.v1.DaprGrpc', 'io.dapr.v1.DaprProtos', 'java.util.concurrent.TimeUnit'],
        'final class InvokeHelper', '''
    private final String host;
    private final int port;

    InvokeHelper(String host, int port) {
        this.host = host;
        this.port = port;
    }
''', '''
    DaprProtos.InvokeServiceResponse invoke(DaprProtos.InvokeServiceRequest request) {
        throw new UnsupportedOperationException();
    }
''', '''
    DaprProtos.InvokeServiceResponse invoke(DaprProtos.InvokeServiceRequest request) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build(); //@RES-04|RES-01
        return DaprGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .invokeService(request);
    }
'''))

case('java-20-course-client-built-per-request', 'https://github.com/Aalto-LeTech/aplus-courses/pull/954',
     'every course download builds a new CloseableHttpClient (with its own connection pool) and closes only the response',
     path='src/main/java/fi/aalto/cs/apluscourses/utils/CoursesClient.java', **jmod('fi.aalto.cs.apluscourses.utils',
        ['java.io.IOException', 'java.io.InputStream', 'java.net.URL', 'java.nio.file.Files', 'java.nio.file.Path',
         'java.nio.file.StandardCopyOption', 'org.apache.http.client.methods.CloseableHttpResponse',
         'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients'],
        'public final class CoursesClient', '''
    private CoursesClient() {
    }
''', '''
    public static void fetch(URL url, Path target) throws IOException {
        try (InputStream in = url.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
''', '''
    public static void fetch(URL url, Path target) throws IOException {
        CloseableHttpClient client = HttpClients.custom().setUserAgent(userAgent()).build(); //@RES-04,~TMO-01,~RES-01
        try (CloseableHttpResponse response = client.execute(new HttpGet(url.toString()))) {
            try (InputStream in = response.getEntity().getContent()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String userAgent() {
        return "aplus-courses/" + CoursesClient.class.getPackage().getImplementationVersion();
    }
'''))

# ---------------------------------------------------------------- TMO-01
case('java-21-graph-sdk-url-connection-no-timeouts', 'https://github.com/microsoftgraph/msgraph-sdk-java/issues/166',
     'the default connection opens an HttpURLConnection for each request and sets neither a connect nor a read timeout',
     path='src/main/java/com/microsoft/graph/http/DefaultConnection.java', **jmod('com.microsoft.graph.http',
        ['java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL', 'java.util.Map'],
        'public class DefaultConnection implements IConnection', '''
    private final HttpURLConnection connection;
''', '''
    public DefaultConnection(IHttpRequest request) throws IOException {
        connection = (HttpURLConnection) request.getRequestUrl().openConnection();
        connection.setConnectTimeout(request.connectTimeoutMillis());
        connection.setReadTimeout(request.readTimeoutMillis());
    }
''', '''
    public DefaultConnection(IHttpRequest request) throws IOException {
        URL url = request.getRequestUrl();
        connection = (HttpURLConnection) url.openConnection(); //@TMO-01
        for (Map.Entry<String, String> header : request.getHeaders().entrySet()) {
            connection.addRequestProperty(header.getKey(), header.getValue());
        }
        connection.setUseCaches(false);
    }
''', after='''
    @Override
    public int getResponseCode() throws IOException {
        return connection.getResponseCode();
    }
'''))

case('java-22-crash-sdk-download-task-no-read-timeout', 'https://github.com/bitstadium/HockeySDK-Android/issues/369',
     'the update download task sets a connect timeout on the URLConnection but no read timeout, so a stalled download blocks its thread forever',
     path='hockeysdk/src/main/java/net/hockeyapp/android/tasks/DownloadFileTask.java', **jmod('net.hockeyapp.android.tasks',
        ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.URL', 'java.net.URLConnection'],
        'public class DownloadFileTask', '''
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private final String urlString;

    public DownloadFileTask(String urlString) {
        this.urlString = urlString;
    }
''', '''
    long download(OutputStream out) throws IOException {
        URLConnection connection = new URL(urlString).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(CONNECT_TIMEOUT_MS);
        try (InputStream in = connection.getInputStream()) {
            return in.transferTo(out);
        }
    }
''', '''
    long download(OutputStream out) throws IOException {
        URLConnection connection = new URL(urlString).openConnection(); //@TMO-01
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.addRequestProperty("Accept", "application/vnd.android.package-archive");
        try (InputStream in = connection.getInputStream()) {
            return in.transferTo(out);
        }
    }
'''))

case('java-23-webhook-notifier-jdk-client-no-timeouts', 'https://github.com/eugenp/tutorials/pull/12248',
     'a webhook notifier (a record with a compact constructor) builds a java.net.http client without a connect timeout and requests without a timeout',
     files=[
         f('notify/src/main/java/org/example/notify/WebhookNotifier.java', new='''package org.example.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

public record WebhookNotifier(URI endpoint, HttpClient client) {

    public WebhookNotifier {
        Objects.requireNonNull(endpoint, "endpoint");
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build(); //@TMO-01
        }
    }

    public int send(Event event) throws IOException, InterruptedException {
        String body = """
                {"type": "%s", "id": "%s"}
                """.formatted(event.type(), event.id());
        HttpRequest request = HttpRequest.newBuilder(endpoint) //@TMO-01
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
'''),
         f('notify/pom.xml', old=POM_OLD % 'notify', new=POM_NEW % 'notify'),
     ])

case('java-24-generated-client-url-connection-timeouts', 'https://github.com/robotoworks/mechanoid/issues/101',
     'a hand-maintained client under a generated-looking path (src/main/java/.../gen/) opens URLConnections without any timeout',
     path='src/main/java/com/robotoworks/mechanoid/net/gen/ServiceClientBase.java', **jmod('com.robotoworks.mechanoid.net.gen',
        ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL'],
        'public abstract class ServiceClientBase', '''
    protected final String baseUrl;

    protected ServiceClientBase(String baseUrl) {
        this.baseUrl = baseUrl;
    }
''', '''
    protected InputStream get(String path) throws IOException {
        throw new UnsupportedOperationException();
    }
''', '''
    protected InputStream get(String path) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(baseUrl + path).openConnection(); //@TMO-01
        conn.setRequestMethod("GET");
        conn.setRequestProperty("Accept", "application/json");
        if (conn.getResponseCode() >= 400) {
            throw new IOException("GET " + path + ": " + conn.getResponseCode());
        }
        return conn.getInputStream();
    }
'''))

# ---------------------------------------------------------------- TX-01 / TX-02
case('java-25-jdbc-session-no-rollback-on-business-error', 'https://github.com/jcabi/jcabi-jdbc/issues/71',
     'an order import switches the connection to manual commit and commits at the end; a business exception thrown in between leaves the transaction open on a pooled connection',
     path='src/main/java/com/example/orders/OrderImport.java', **jmod('com.example.orders',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List', 'javax.sql.DataSource'],
        'public class OrderImport', '''
    private final DataSource dataSource;
    private final PaymentGateway gateway;

    public OrderImport(DataSource dataSource, PaymentGateway gateway) {
        this.dataSource = dataSource;
        this.gateway = gateway;
    }
''', '''
    public void importAll(List<Order> orders) throws SQLException {
        for (Order o : orders) {
            insert(o);
        }
    }
''', '''
    public void importAll(List<Order> orders) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); //@TX-01
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders (id, total) VALUES (?, ?)")) { //@~TMO-01
                for (Order o : orders) {
                    if (!gateway.isSettled(o.id())) {
                        throw new UnsettledOrderException(o.id());
                    }
                    ps.setLong(1, o.id());
                    ps.setBigDecimal(2, o.total());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            conn.commit();
        }
    }
'''))

case('java-26-fluent-tx-rolls-back-only-sql-errors', 'https://github.com/cellux-git/fluent-jdbc/issues/70',
     'the transaction helper rolls back when the callback throws SQLException but not on a RuntimeException, which escapes with the transaction still open',
     path='fluent-jdbc/src/main/java/org/codejargon/fluentjdbc/internal/query/TransactionInternal.java', **jmod(
        'org.codejargon.fluentjdbc.internal.query',
        ['java.sql.Connection', 'java.sql.SQLException', 'java.util.function.Function', 'javax.sql.DataSource'],
        'class TransactionInternal', '''
    private final DataSource dataSource;

    TransactionInternal(DataSource dataSource) {
        this.dataSource = dataSource;
    }
''', '''
    <T> T inNewTransaction(Function<Connection, T> body) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            return body.apply(conn);
        }
    }
''', '''
    <T> T inNewTransaction(SqlFunction<Connection, T> body) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); //@TX-01
            try {
                T result = body.apply(conn);
                conn.commit();
                return result;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        }
    }
'''))

case('java-27-benchmark-commit-failure-logged', 'https://github.com/StarExec/StarExec/pull/381',
     'a job-pair update turns off auto-commit and wraps commit in a catch that only logs, so the caller is told the pairs were saved',
     path='src/org/starexec/data/database/JobPairs.java', **jmod('org.starexec.data.database',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List', 'org.apache.log4j.Logger'],
        'public class JobPairs', '''
    private static final Logger log = Logger.getLogger(JobPairs.class);
''', '''
    public static boolean setStatus(Connection con, List<Integer> pairIds, int status) throws SQLException {
        return false;
    }
''', '''
    public static boolean setStatus(Connection con, List<Integer> pairIds, int status) throws SQLException {
        con.setAutoCommit(false);
        try (PreparedStatement ps = con.prepareStatement("UPDATE job_pairs SET status_code = ? WHERE id = ?")) { //@~TMO-01
            for (int id : pairIds) {
                ps.setInt(1, status);
                ps.setInt(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            con.rollback();
            throw e;
        }
        try {
            con.commit();
        } catch (SQLException e) { //@TX-02|ERR-01
            log.error("commit of job pair status failed", e);
        }
        return true;
    }
'''))

# ---------------------------------------------------------------- CONC-04
case('java-28-logging-filter-mdc-cleared-outside-finally', 'https://github.com/woowacourse-teams/2025-hEARit/pull/249',
     'a servlet filter puts request data into the MDC and clears it after the chain, outside any finally; an exception in the chain leaves the values on the pooled thread',
     path='backend/src/main/java/com/onair/hearit/common/log/MdcLoggingFilter.java', new='''package com.onair.hearit.common.log;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;

public class MdcLoggingFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        MDC.put("requestId", UUID.randomUUID().toString()); //@CONC-04
        MDC.put("httpMethod", http.getMethod()); //@~CONC-04
        MDC.put("requestUri", http.getRequestURI()); //@~CONC-04
        chain.doFilter(request, response);
        MDC.clear();
    }
}
''')

case('java-29-request-id-filter-puts-and-never-removes', 'https://github.com/CMSgov/dpc-app/pull/1724',
     'a JAX-RS request filter puts the request id, resource and method into the MDC; no response filter or finally removes them',
     path='dpc-common/src/main/java/gov/cms/dpc/common/logging/filters/GenerateRequestIdFilter.java', **jmod(
        'gov.cms.dpc.common.logging.filters',
        ['jakarta.ws.rs.container.ContainerRequestContext', 'jakarta.ws.rs.container.ContainerRequestFilter', 'java.io.IOException',
         'java.util.UUID', 'org.slf4j.MDC'],
        'public class GenerateRequestIdFilter implements ContainerRequestFilter', '''
    private final boolean useProvidedRequestId;

    public GenerateRequestIdFilter(boolean useProvidedRequestId) {
        this.useProvidedRequestId = useProvidedRequestId;
    }
''', '''
    @Override
    public void filter(ContainerRequestContext requestContext) throws IOException {
        requestContext.getHeaders().putSingle("X-Request-Id", UUID.randomUUID().toString());
    }
''', '''
    @Override
    public void filter(ContainerRequestContext requestContext) throws IOException {
        String requestId = requestContext.getHeaderString("X-Request-Id");
        if (!useProvidedRequestId || requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        MDC.put("request_id", requestId); //@CONC-04
        MDC.put("resource_requested", requestContext.getUriInfo().getPath()); //@~CONC-04
        MDC.put("method", requestContext.getMethod()); //@~CONC-04
        requestContext.getHeaders().putSingle("X-Request-Id", requestId);
    }
'''))

case('java-30-vector-index-thread-local-scratch', 'https://github.com/datastax/jvector/pull/169',
     'the graph searcher caches a scratch buffer per thread in a ThreadLocal that is set on first use and never removed, pinning the searcher on pooled threads',
     path='jvector-base/src/main/java/io/github/jbellis/jvector/graph/GraphSearcher.java', **jmod('io.github.jbellis.jvector.graph',
        ['java.util.Arrays'],
        'public class GraphSearcher', '''
    private static final ThreadLocal<float[]> SCRATCH = new ThreadLocal<>();
    private final int dimension;

    public GraphSearcher(int dimension) {
        this.dimension = dimension;
    }
''', '''
    public float[] search(float[] query, int topK) {
        float[] scores = new float[topK];
        return score(query, scores);
    }
''', '''
    public float[] search(float[] query, int topK) {
        float[] scratch = SCRATCH.get();
        if (scratch == null || scratch.length < dimension * topK) {
            scratch = new float[dimension * topK];
            SCRATCH.set(scratch); //@CONC-04
        }
        Arrays.fill(scratch, 0f);
        return score(query, Arrays.copyOf(scratch, topK));
    }
'''))

case('java-31-kv-backend-transaction-local-removed-on-success', 'https://github.com/apache/gravitino/issues/1963',
     'the transactional KV backend keeps the current transaction in a ThreadLocal and removes it after commit, but not when the body throws',
     path='core/src/main/java/org/apache/gravitino/storage/kv/TransactionalKvBackendImpl.java', **jmod('org.apache.gravitino.storage.kv',
        ['java.io.IOException', 'java.util.concurrent.Callable'],
        'public class TransactionalKvBackendImpl', '''
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final KvBackend backend;

    public TransactionalKvBackendImpl(KvBackend backend) {
        this.backend = backend;
    }
''', '''
    public <R> R executeInTransaction(Callable<R> body) throws Exception {
        return body.call();
    }
''', '''
    public <R> R executeInTransaction(Callable<R> body) throws Exception {
        current.set(backend.begin()); //@CONC-04
        R result = body.call();
        current.get().commit();
        current.remove();
        return result;
    }
'''))

case('java-32-action-scope-tags-without-cleanup', 'https://github.com/cashapp/misk/pull/2874',
     'a web action wrapper adds MDC tags for the action and caller through a helper in another file; nothing removes them when the action ends',
     files=[
         f('misk/src/main/java/misk/web/LogTags.java', new=jfile('misk.web', ['java.util.Map', 'org.slf4j.MDC'],
            'final class LogTags', '''
    private LogTags() {
    }
''', '''
    static void tag(Map<String, String> tags) {
        tags.forEach(MDC::put); //@CONC-04
    }
''')),
         f('misk/src/main/java/misk/web/BoundAction.java', **jmod('misk.web',
            ['java.util.Map'],
            'final class BoundAction', '''
    private final WebAction action;

    BoundAction(WebAction action) {
        this.action = action;
    }
''', '''
    Response scopeAndHandle(Request request) throws Exception {
        return action.handle(request);
    }
''', '''
    Response scopeAndHandle(Request request) throws Exception {
        LogTags.tag(Map.of("action", action.name(), "caller", request.caller())); //@~CONC-04
        return action.handle(request);
    }
''')),
     ])

# ---------------------------------------------------------------- CONC-05
case('java-33-address-space-controller-interrupted-getter', 'https://github.com/EnMasseProject/enmasse/issues/1357',
     'the controller\'s wait for the router config catches InterruptedException and calls Thread.interrupted(), which reads and clears the flag instead of restoring it',
     path='address-space-controller/src/main/java/io/enmasse/controller/RouterConfigWaiter.java', **jmod('io.enmasse.controller',
        ['java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'class RouterConfigWaiter', '''
    private static final Logger log = LoggerFactory.getLogger(RouterConfigWaiter.class);
    private final CountDownLatch applied = new CountDownLatch(1);
''', '''
    boolean awaitApplied(long seconds) throws InterruptedException {
        return applied.await(seconds, TimeUnit.SECONDS);
    }
''', '''
    boolean awaitApplied(long seconds) {
        try {
            return applied.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) { //@CONC-05
            Thread.interrupted();
            log.warn("interrupted while waiting for router config");
            return false;
        }
    }
'''))

case('java-34-token-fetch-retry-swallows-interrupt', 'https://github.com/SAP/cloud-security-services-integration-library/pull/270',
     'a token fetch retries with a back-off sleep; an InterruptedException during the sleep is logged and the loop tries again',
     path='token-client/src/main/java/com/sap/cloud/security/xsuaa/client/RetryingTokenService.java', **jmod(
        'com.sap.cloud.security.xsuaa.client',
        ['java.io.IOException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class RetryingTokenService', '''
    private static final Logger LOGGER = LoggerFactory.getLogger(RetryingTokenService.class);
    private final TokenService delegate;
    private final int maxAttempts;

    public RetryingTokenService(TokenService delegate, int maxAttempts) {
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
    }
''', '''
    public Token fetch(TokenRequest request) throws IOException {
        return delegate.fetch(request);
    }
''', '''
    public Token fetch(TokenRequest request) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return delegate.fetch(request);
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) { //@CONC-05
                    LOGGER.warn("back-off interrupted, retrying", ie);
                }
            }
        }
        throw last;
    }
'''))

case('java-35-coordinator-heartbeat-join-ignored', 'https://github.com/apache/kafka/pull/3841',
     'closing the heartbeat thread joins it and ignores an InterruptedException with an empty catch',
     path='clients/src/main/java/org/apache/kafka/clients/consumer/internals/HeartbeatCloser.java', **jmod(
        'org.apache.kafka.clients.consumer.internals', [],
        'final class HeartbeatCloser', '''
    private final Thread heartbeatThread;
    private final Runnable disable;

    HeartbeatCloser(Thread heartbeatThread, Runnable disable) {
        this.heartbeatThread = heartbeatThread;
        this.disable = disable;
    }
''', '''
    void close() {
        disable.run();
    }
''', '''
    void close() {
        disable.run();
        heartbeatThread.interrupt();
        try {
            heartbeatThread.join();
        } catch (InterruptedException e) { //@CONC-05,~ERR-01
            // ignore: we are closing anyway
        }
    }
'''))

case('java-36-sneaky-future-get-wraps-interrupt', 'https://github.com/zalando/faux-pas/issues/4',
     'a helper that waits for a future converts InterruptedException into an unchecked exception without restoring the interrupt flag',
     path='src/main/java/org/zalando/fauxpas/Futures.java', new=jfile('org.zalando.fauxpas',
        ['java.util.concurrent.CompletionException', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
         'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'],
        'public final class Futures', '''
    private Futures() {
    }
''', '''
    public static <T> T join(Future<T> future, long timeout, TimeUnit unit) {
        try {
            return future.get(timeout, unit);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CompletionException(e);
        } catch (InterruptedException e) { //@CONC-05
            throw new CompletionException(e);
        }
    }
'''))

# ---------------------------------------------------------------- CONC-07 / CONC-06 / CONC-01
case('java-37-task-killer-fixed-rate-unguarded', 'https://github.com/d2iq-archive/dcos-commons/pull/2191',
     'the task killer schedules killAllTasks at a fixed rate through an anonymous Runnable; one exception cancels every later run',
     path='sdk/scheduler/src/main/java/com/mesosphere/sdk/scheduler/TaskKiller.java', **jmod('com.mesosphere.sdk.scheduler',
        ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'],
        'public final class TaskKiller', '''
    private static ScheduledExecutorService executor;
    private static final long KILL_INTERVAL_S = 5;
''', '''
    static void killAllTasks() {
        TaskKillQueue.drain();
    }
''', '''
    static void killAllTasks() {
        TaskKillQueue.drain();
    }

    static synchronized void startScheduling() {
        executor = Executors.newSingleThreadScheduledExecutor();
        executor.scheduleAtFixedRate( //@CONC-07
                new Runnable() {
                    @Override
                    public void run() {
                        killAllTasks();
                    }
                },
                KILL_INTERVAL_S,
                KILL_INTERVAL_S,
                TimeUnit.SECONDS);
    }
'''))

case('java-38-lock-watchdog-fixed-delay-method-ref', 'https://github.com/redisson/redisson/issues/5143',
     'the lock watchdog renews leases with scheduleWithFixedDelay(this::renewAll, ...); renewAll catches only the client exception, so any other runtime failure stops renewal for good',
     path='redisson/src/main/java/org/redisson/renewal/LockWatchdog.java', **jmod('org.redisson.renewal',
        ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledExecutorService',
         'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class LockWatchdog', '''
    private static final Logger log = LoggerFactory.getLogger(LockWatchdog.class);
    private final Map<String, Long> leases = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final RedisClient redis;

    public LockWatchdog(ScheduledExecutorService scheduler, RedisClient redis) {
        this.scheduler = scheduler;
        this.redis = redis;
    }
''', '''
    public void start() {
    }
''', '''
    public void start() {
        scheduler.scheduleWithFixedDelay(this::renewAll, 10, 10, TimeUnit.SECONDS); //@CONC-07
    }

    private void renewAll() {
        for (Map.Entry<String, Long> lease : leases.entrySet()) {
            try {
                redis.pexpire(lease.getKey(), lease.getValue());
            } catch (RedisException e) {
                log.warn("renewal of {} failed", lease.getKey(), e);
            }
        }
    }
'''))

case('java-39-timelock-submit-future-dropped', 'https://github.com/palantir/atlasdb/pull/4882',
     'the lease refresher hands each refresh to executor.submit and drops the Future, so a failed refresh is never logged',
     path='timelock-agent/src/main/java/com/palantir/atlasdb/timelock/LeaseRefresher.java', **jmod('com.palantir.atlasdb.timelock',
        ['java.util.Set', 'java.util.concurrent.ExecutorService'],
        'final class LeaseRefresher', '''
    private final ExecutorService executor;
    private final LockService locks;

    LeaseRefresher(ExecutorService executor, LockService locks) {
        this.executor = executor;
        this.locks = locks;
    }
''', '''
    void refresh(Set<LockToken> tokens) {
        locks.refresh(tokens);
    }
''', '''
    void refresh(Set<LockToken> tokens) {
        for (LockToken token : tokens) {
            executor.submit(() -> locks.refresh(Set.of(token))); //@CONC-06
        }
    }
'''))

case('java-40-peer-discovery-submit-ignored', 'https://github.com/PegaSysEng/pantheon/pull/1379',
     'peer discovery schedules bond requests with submit on a worker pool through a method reference and ignores the returned futures',
     path='ethereum/p2p/src/main/java/tech/pegasys/pantheon/ethereum/p2p/discovery/PeerBonder.java', **jmod(
        'tech.pegasys.pantheon.ethereum.p2p.discovery',
        ['java.util.List', 'java.util.concurrent.ExecutorService'],
        'class PeerBonder', '''
    private final ExecutorService workers;
    private final DiscoveryController controller;

    PeerBonder(ExecutorService workers, DiscoveryController controller) {
        this.workers = workers;
        this.controller = controller;
    }
''', '''
    void bondAll(List<DiscoveryPeer> peers) {
        peers.forEach(controller::bond);
    }
''', '''
    void bondAll(List<DiscoveryPeer> peers) {
        for (DiscoveryPeer peer : peers) {
            workers.submit(() -> controller.bond(peer)); //@CONC-06
        }
    }
'''))

case('java-41-telemetry-flusher-raw-thread', 'https://github.com/awaitility/awaitility/issues/119',
     'the telemetry client starts its flusher on a plain Thread with no uncaught-exception handler; a runtime failure ends flushing silently',
     path='client/src/main/java/io/example/telemetry/TelemetryClient.java', **jmod('io.example.telemetry',
        ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.TimeUnit'],
        'public final class TelemetryClient implements AutoCloseable', '''
    private final BlockingQueue<Metric> queue = new LinkedBlockingQueue<>(10_000);
    private final Exporter exporter;
    private volatile boolean running = true;

    public TelemetryClient(Exporter exporter) {
        this.exporter = exporter;
    }
''', '''
    public void record(Metric m) {
        queue.offer(m);
    }
''', '''
    public void record(Metric m) {
        queue.offer(m);
    }

    public void start() {
        Thread flusher = new Thread(this::flushLoop, "telemetry-flusher");
        flusher.setDaemon(true);
        flusher.start(); //@CONC-01
    }

    private void flushLoop() {
        while (running) {
            try {
                Metric m = queue.poll(1, TimeUnit.SECONDS);
                if (m != null) {
                    exporter.export(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
''', after='''
    @Override
    public void close() {
        running = false;
    }
'''))

# ---------------------------------------------------------------- LOG-01 / LOG-02 / ERR-01
case('java-42-sync-client-logs-every-path', 'https://github.com/nextcloud/desktop/pull/7718',
     'the discovery phase of a sync client logs every discovered path at info level inside the tree walk',
     path='src/main/java/com/example/sync/Discovery.java', **jmod('com.example.sync',
        ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class Discovery', '''
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);
''', '''
    public int discover(List<RemoteEntry> entries, SyncJournal journal) {
        int changed = 0;
        for (RemoteEntry e : entries) {
            if (journal.isChanged(e)) {
                changed++;
            }
        }
        log.info("discovery done: {} entries, {} changed", entries.size(), changed);
        return changed;
    }
''', '''
    public int discover(List<RemoteEntry> entries, SyncJournal journal) {
        int changed = 0;
        for (RemoteEntry e : entries) {
            log.info("discovered {} etag={} size={}", e.path(), e.etag(), e.size()); //@LOG-01
            if (journal.isChanged(e)) {
                changed++;
            }
        }
        log.info("discovery done: {} entries, {} changed", entries.size(), changed);
        return changed;
    }
'''))

case('java-43-converter-debug-string-concatenation', 'https://github.com/blaze/odo/pull/502',
     'the conversion path adds a debug line that concatenates the whole source and target descriptions, built even when debug is off',
     path='core/src/main/java/org/example/odo/Converter.java', **jmod('org.example.odo',
        ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class Converter', '''
    private static final Logger log = LoggerFactory.getLogger(Converter.class);
    private final ConversionGraph graph;

    public Converter(ConversionGraph graph) {
        this.graph = graph;
    }
''', '''
    public Object convert(Object source, Class<?> target) {
        return graph.path(source.getClass(), target).apply(source);
    }
''', '''
    public Object convert(Object source, Class<?> target) {
        Path path = graph.path(source.getClass(), target);
        log.debug("converting " + source + " to " + target.getName() + " via " + path.describe()); //@LOG-02
        return path.apply(source);
    }
'''))

case('java-44-scoreboard-save-empty-catch', 'https://github.com/rollerderby/scoreboard/issues/117',
     'saving the game state to disk catches IOException with an empty block; a failed save looks like a successful one',
     path='src/com/carolinarollergirls/scoreboard/json/AutoSave.java', **jmod('com.carolinarollergirls.scoreboard.json',
        ['java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path'],
        'public class AutoSave implements Runnable', '''
    private final Path dir;
    private final JsonState state;

    public AutoSave(Path dir, JsonState state) {
        this.dir = dir;
        this.state = state;
    }
''', '''
    @Override
    public void run() {
        state.snapshot();
    }
''', '''
    @Override
    public void run() {
        String json = state.snapshot();
        try {
            Files.writeString(dir.resolve("scoreboard-0-secs-ago.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) { //@ERR-01
        }
    }
'''))

case('java-45-search-agent-print-stack-trace', 'https://github.com/aimacode/aima-java/issues/286',
     'a search agent catches the exception of one expansion with printStackTrace and carries on with a null result',
     path='aima-core/src/main/java/aima/core/search/framework/SearchAgent.java', **jmod('aima.core.search.framework',
        ['java.util.List'],
        'public class SearchAgent', '''
    private final SearchForActions search;
    private List<Action> actions;

    public SearchAgent(SearchForActions search) {
        this.search = search;
    }
''', '''
    public void plan(Problem problem) throws Exception {
        actions = search.findActions(problem);
    }
''', '''
    public void plan(Problem problem) {
        try {
            actions = search.findActions(problem);
        } catch (Exception e) { //@ERR-01
            e.printStackTrace();
        }
    }
'''))

# ---------------------------------------------------------------- DEP-02 / HTTP-01 / MEM-02
case('java-46-dicom-bulk-data-read-object', 'https://github.com/dcm4che/dcm4che/pull/1585',
     'bulk data arriving on a DICOM association is deserialized with ObjectInputStream.readObject and no filter',
     path='dcm4che-core/src/main/java/org/dcm4che3/io/BulkDataReader.java', new=jfile('org.dcm4che3.io',
        ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputStream'],
        'public final class BulkDataReader', '''
    private BulkDataReader() {
    }
''', '''
    public static BulkData read(InputStream fromPeer) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(fromPeer); //@DEP-02,~RES-01
        return (BulkData) in.readObject();
    }
'''))

case('java-47-audit-filter-closes-input-and-blocks', 'https://github.com/qos-ch/logback/pull/769',
     'an audit servlet filter closes the container\'s request input stream in finally and sends the audit record synchronously before the response completes',
     path='src/main/java/org/example/audit/AuditFilter.java', new='''package org.example.audit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

public class AuditFilter implements Filter {

    private final AuditClient auditClient;

    public AuditFilter(AuditClient auditClient) {
        this.auditClient = auditClient;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            req.getInputStream().close(); //@HTTP-01
            auditClient.send(AuditRecord.of((HttpServletRequest) req, System.nanoTime() - start)); //@HTTP-01,~TMO-01
        }
    }
}
''')

case('java-48-frame-reader-pooled-buffer-view-escapes', 'https://github.com/thanos-io/thanos/pull/4792',
     'a frame reader wraps a pooled byte array in a ByteBuffer view, queues the view and gives the array back to the pool',
     path='src/main/java/org/example/net/FrameReader.java', **jmod('org.example.net',
        ['java.io.IOException', 'java.io.InputStream', 'java.nio.ByteBuffer', 'java.util.Queue'],
        'final class FrameReader', '''
    private final BufferPool pool;
    private final Queue<ByteBuffer> pending;

    FrameReader(BufferPool pool, Queue<ByteBuffer> pending) {
        this.pool = pool;
        this.pending = pending;
    }
''', '''
    void readOne(InputStream in) throws IOException {
        byte[] frame = in.readNBytes(4096);
        pending.add(ByteBuffer.wrap(frame));
    }
''', '''
    void readOne(InputStream in) throws IOException {
        byte[] buf = pool.take();
        int n = in.read(buf);
        if (n > 0) {
            pending.add(ByteBuffer.wrap(buf, 0, n)); //@MEM-02
        }
        pool.give(buf);
    }
'''))

case('java-49-session-cache-check-then-act', 'https://github.com/keybase/client/pull/23634',
     'a session cache on a ConcurrentHashMap does get, then put when absent; two threads both open a session and one leaks',
     path='src/main/java/org/example/chat/SessionCache.java', **jmod('org.example.chat',
        ['java.util.concurrent.ConcurrentHashMap'],
        'public class SessionCache', '''
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionFactory factory;

    public SessionCache(SessionFactory factory) {
        this.factory = factory;
    }
''', '''
    public Session get(String user) {
        return sessions.computeIfAbsent(user, factory::open);
    }
''', '''
    public Session get(String user) {
        Session s = sessions.get(user);
        if (s == null || s.isExpired()) {
            s = factory.open(user);
            sessions.put(user, s); //@CONC-03
        }
        return s;
    }
'''))

# ================================================================ clean look-alikes (Java)
case('java-ok-01-font-version-try-with-resources', 'https://github.com/LGoodDatePicker/LGoodDatePicker/pull/192',
     'the fixed shape of java-01: the DataInputStream is opened in a try-with-resources header',
     path='src/main/java/com/github/datepicker/FontLoader.java', **jmod('com.github.datepicker',
        ['java.io.DataInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.util.Objects'],
        'final class FontLoader', '''
    private static final String FONT = "/fonts/calendar.ttf";
''', '''
    static int version() throws IOException {
        return 1;
    }
''', '''
    static int version() throws IOException {
        InputStream raw = Objects.requireNonNull(FontLoader.class.getResourceAsStream(FONT), FONT);
        try (DataInputStream data = new DataInputStream(raw)) {
            return data.readInt() >>> 16;
        }
    }
'''))

case('java-ok-02-component-versions-list-closed-in-lambda', 'https://github.com/aws-greengrass/aws-greengrass-nucleus/pull/771',
     'the fixed shape of java-05: each Files.list is opened in try-with-resources, also the one inside a lambda over component names',
     path='src/main/java/com/aws/greengrass/componentmanager/ComponentStore.java', **jmod('com.aws.greengrass.componentmanager',
        ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List',
         'java.util.Map', 'java.util.stream.Collectors', 'java.util.stream.Stream'],
        'public class ComponentStore', '''
    private final Path root;

    public ComponentStore(Path root) {
        this.root = root;
    }
''', '''
    public List<String> versions(String name) throws IOException {
        return List.of();
    }
''', '''
    public List<String> versions(String name) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve(name))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public Map<String, List<String>> allVersions(List<String> names) {
        return names.stream().collect(Collectors.toMap(n -> n, n -> {
            try {
                return versions(n);
            } catch (IOException e) {
                throw new UncheckedIOException("list versions of " + n, e);
            }
        }));
    }
'''))

case('java-ok-03-mailbox-index-nested-resources', 'https://github.com/zextras/openzal/pull/14',
     'the fixed shape of java-12: statement and result set in nested try-with-resources, with a query timeout',
     path='src/java/org/openzal/zal/MailboxIndex.java', **jmod('org.openzal.zal',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List'],
        'public class MailboxIndex', '''
    private final Connection conn;

    public MailboxIndex(Connection conn) {
        this.conn = conn;
    }
''', '''
    public List<Integer> itemIds(int mailboxId) throws SQLException {
        return new ArrayList<>();
    }
''', '''
    public List<Integer> itemIds(int mailboxId) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement stmt = conn.prepareStatement("SELECT id FROM mail_item WHERE mailbox_id = ?")) {
            stmt.setQueryTimeout(10);
            stmt.setInt(1, mailboxId);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
'''))

case('java-ok-04-health-check-response-closed', 'https://github.com/apache/helix/issues/1471',
     'the fixed shape of java-14: the CloseableHttpResponse is held in try-with-resources, so every status releases the connection',
     path='helix-rest/src/main/java/org/apache/helix/rest/client/CustomRestClientImpl.java', **jmod('org.apache.helix.rest.client',
        ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.util.Map', 'org.apache.http.HttpStatus',
         'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
         'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.util.EntityUtils'],
        'class CustomRestClientImpl implements CustomRestClient', '''
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CloseableHttpClient httpClient;

    CustomRestClientImpl(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }
''', '''
    @Override
    public Map<String, Boolean> getInstanceStoppableCheck(String baseUrl, Map<String, String> payload) throws IOException {
        return Map.of();
    }
''', '''
    @Override
    public Map<String, Boolean> getInstanceStoppableCheck(String baseUrl, Map<String, String> payload) throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/instanceHealthStatus");
        post.setEntity(new StringEntity(MAPPER.writeValueAsString(payload)));
        try (CloseableHttpResponse response = httpClient.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            String body = EntityUtils.toString(response.getEntity());
            if (status != HttpStatus.SC_OK) {
                throw new IOException("health check of " + baseUrl + " answered " + status + ": " + body);
            }
            return MAPPER.readValue(body, Map.class);
        }
    }
'''))

case('java-ok-05-build-action-shared-timer-pool', 'https://github.com/jenkinsci/sauce-ondemand-plugin/pull/67',
     'the fixed shape of java-17: jobs are submitted to the shared, container-owned executor and every future is waited on with a timeout',
     path='src/main/java/hudson/plugins/sauce_ondemand/SauceOnDemandBuildAction.java', **jmod('hudson.plugins.sauce_ondemand',
        ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
         'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException', 'java.util.logging.Level', 'java.util.logging.Logger',
         'jenkins.util.Timer'],
        'public class SauceOnDemandBuildAction', '''
    private static final Logger LOG = Logger.getLogger(SauceOnDemandBuildAction.class.getName());
    private final SauceREST sauceREST;

    public SauceOnDemandBuildAction(SauceREST sauceREST) {
        this.sauceREST = sauceREST;
    }
''', '''
    public void stopJobs(List<JobInformation> jobs) {
        for (JobInformation job : jobs) {
            new StopJobThread(sauceREST, job).run();
        }
    }
''', '''
    public void stopJobs(List<JobInformation> jobs) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (JobInformation job : jobs) {
            futures.add(Timer.get().submit(new StopJobThread(sauceREST, job)));
        }
        for (Future<?> f : futures) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(Level.WARNING, "stopping a Sauce job failed", e);
            }
        }
    }
'''))

case('java-ok-06-download-task-both-timeouts', 'https://github.com/bitstadium/HockeySDK-Android/issues/369',
     'the fixed shape of java-22: the URLConnection gets both a connect and a read timeout before the stream is opened',
     path='hockeysdk/src/main/java/net/hockeyapp/android/tasks/DownloadFileTask.java', crlf=True, **jmod('net.hockeyapp.android.tasks',
        ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.URL', 'java.net.URLConnection'],
        'public class DownloadFileTask', '''
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private final String urlString;

    public DownloadFileTask(String urlString) {
        this.urlString = urlString;
    }
''', '''
    long download(OutputStream out) throws IOException {
        URLConnection connection = new URL(urlString).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(CONNECT_TIMEOUT_MS);
        try (InputStream in = connection.getInputStream()) {
            return in.transferTo(out);
        }
    }
''', '''
    long download(OutputStream out) throws IOException {
        URLConnection connection = new URL(urlString).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.addRequestProperty("Accept", "application/vnd.android.package-archive");
        try (InputStream in = connection.getInputStream()) {
            return in.transferTo(out);
        }
    }
'''))

case('java-ok-07-order-import-rollback-and-rethrow', 'https://github.com/jcabi/jcabi-jdbc/issues/71',
     'the fixed shape of java-25: manual commit with a catch that rolls back and rethrows, and the statement gets a query timeout',
     path='src/main/java/com/example/orders/OrderImport.java', **jmod('com.example.orders',
        ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List', 'javax.sql.DataSource'],
        'public class OrderImport', '''
    private final DataSource dataSource;
    private final PaymentGateway gateway;

    public OrderImport(DataSource dataSource, PaymentGateway gateway) {
        this.dataSource = dataSource;
        this.gateway = gateway;
    }
''', '''
    public void importAll(List<Order> orders) throws SQLException {
        for (Order o : orders) {
            insert(o);
        }
    }
''', '''
    public void importAll(List<Order> orders) throws SQLException {
        for (Order o : orders) {
            if (!gateway.isSettled(o.id())) {
                throw new UnsettledOrderException(o.id()); // checked before the transaction starts
            }
        }
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders (id, total) VALUES (?, ?)")) {
                ps.setQueryTimeout(30);
                for (Order o : orders) {
                    ps.setLong(1, o.id());
                    ps.setBigDecimal(2, o.total());
                    ps.addBatch();
                }
                ps.executeBatch();
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }
'''))

case('java-ok-08-mdc-filter-put-closeable', 'https://github.com/woowacourse-teams/2025-hEARit/pull/249',
     'the fixed shape of java-28: MDC values are put with putCloseable in try-with-resources, so they are removed whatever the chain does',
     path='backend/src/main/java/com/onair/hearit/common/log/MdcLoggingFilter.java', new='''package com.onair.hearit.common.log;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;

public class MdcLoggingFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        try (MDC.MDCCloseable id = MDC.putCloseable("requestId", UUID.randomUUID().toString());
             MDC.MDCCloseable method = MDC.putCloseable("httpMethod", http.getMethod());
             MDC.MDCCloseable uri = MDC.putCloseable("requestUri", http.getRequestURI())) {
            chain.doFilter(request, response);
        }
    }
}
''')

case('java-ok-09-kv-backend-remove-in-finally', 'https://github.com/apache/gravitino/issues/1963',
     'the fixed shape of java-31: the thread-local transaction is removed in finally, and rolled back when the body throws',
     path='core/src/main/java/org/apache/gravitino/storage/kv/TransactionalKvBackendImpl.java', **jmod('org.apache.gravitino.storage.kv',
        ['java.util.concurrent.Callable'],
        'public class TransactionalKvBackendImpl', '''
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final KvBackend backend;

    public TransactionalKvBackendImpl(KvBackend backend) {
        this.backend = backend;
    }
''', '''
    public <R> R executeInTransaction(Callable<R> body) throws Exception {
        return body.call();
    }
''', '''
    public <R> R executeInTransaction(Callable<R> body) throws Exception {
        Transaction tx = backend.begin();
        current.set(tx);
        try {
            R result = body.call();
            tx.commit();
            return result;
        } catch (Exception e) {
            tx.rollback();
            throw e;
        } finally {
            current.remove();
        }
    }
'''))

case('java-ok-10-router-wait-restores-interrupt', 'https://github.com/EnMasseProject/enmasse/issues/1357',
     'the fixed shape of java-33: the catch restores the flag with Thread.currentThread().interrupt() and stops waiting',
     path='address-space-controller/src/main/java/io/enmasse/controller/RouterConfigWaiter.java', **jmod('io.enmasse.controller',
        ['java.util.concurrent.CountDownLatch', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'class RouterConfigWaiter', '''
    private static final Logger log = LoggerFactory.getLogger(RouterConfigWaiter.class);
    private final CountDownLatch applied = new CountDownLatch(1);
''', '''
    boolean awaitApplied(long seconds) throws InterruptedException {
        return applied.await(seconds, TimeUnit.SECONDS);
    }
''', '''
    boolean awaitApplied(long seconds) {
        try {
            return applied.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("interrupted while waiting for router config; giving up");
            return false;
        }
    }
'''))

case('java-ok-11-watchdog-guarded-method-reference', 'https://github.com/redisson/redisson/issues/5143',
     'the fixed shape of java-38: the method scheduled by reference catches everything except VM errors, logs, counts and returns',
     path='redisson/src/main/java/org/redisson/renewal/LockWatchdog.java', **jmod('org.redisson.renewal',
        ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledExecutorService',
         'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.LongAdder', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class LockWatchdog', '''
    private static final Logger log = LoggerFactory.getLogger(LockWatchdog.class);
    private final Map<String, Long> leases = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final ScheduledExecutorService scheduler;
    private final RedisClient redis;

    public LockWatchdog(ScheduledExecutorService scheduler, RedisClient redis) {
        this.scheduler = scheduler;
        this.redis = redis;
    }
''', '''
    public void start() {
    }
''', '''
    public void start() {
        scheduler.scheduleWithFixedDelay(this::renewAllGuarded, 10, 10, TimeUnit.SECONDS);
    }

    private void renewAllGuarded() {
        try {
            leases.forEach(redis::pexpire);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            failures.increment();
            log.error("lease renewal failed; it runs again in 10 s", t);
        }
    }
'''))

case('java-ok-12-lease-refresh-execute-with-completion', 'https://github.com/palantir/atlasdb/pull/4882',
     'the fixed shape of java-39: refreshes go through CompletableFuture.runAsync on the executor, with a timeout and a handler that logs and counts failures',
     path='timelock-agent/src/main/java/com/palantir/atlasdb/timelock/LeaseRefresher.java', **jmod('com.palantir.atlasdb.timelock',
        ['java.util.Set', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
         'java.util.concurrent.atomic.LongAdder', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'final class LeaseRefresher', '''
    private static final Logger log = LoggerFactory.getLogger(LeaseRefresher.class);
    private final ExecutorService executor;
    private final LockService locks;
    private final LongAdder refreshFailures = new LongAdder();

    LeaseRefresher(ExecutorService executor, LockService locks) {
        this.executor = executor;
        this.locks = locks;
    }
''', '''
    void refresh(Set<LockToken> tokens) {
        locks.refresh(tokens);
    }
''', '''
    void refresh(Set<LockToken> tokens) {
        for (LockToken token : tokens) {
            CompletableFuture.runAsync(() -> locks.refresh(Set.of(token)), executor)
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            refreshFailures.increment();
                            log.warn("refresh of lock {} failed", token.id(), failure);
                        }
                    });
        }
    }
'''))

case('java-ok-13-discovery-summary-and-guarded-debug', 'https://github.com/nextcloud/desktop/pull/7718',
     'the fixed shape of java-42: per-entry detail goes to a guarded debug line with placeholders, and one summary line per run is logged at info',
     path='src/main/java/com/example/sync/Discovery.java', **jmod('com.example.sync',
        ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
        'public class Discovery', '''
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);
''', '''
    public int discover(List<RemoteEntry> entries, SyncJournal journal) {
        int changed = 0;
        for (RemoteEntry e : entries) {
            if (journal.isChanged(e)) {
                changed++;
            }
        }
        return changed;
    }
''', '''
    public int discover(List<RemoteEntry> entries, SyncJournal journal) {
        int changed = 0;
        boolean trace = log.isDebugEnabled();
        for (RemoteEntry e : entries) {
            if (journal.isChanged(e)) {
                changed++;
                if (trace) {
                    log.debug("changed {} etag={}", e.path(), e.etag());
                }
            }
        }
        log.info("discovery done: {} entries, {} changed", entries.size(), changed);
        return changed;
    }
'''))

case('java-ok-14-webhook-record-switch-with-timeouts', 'https://github.com/eugenp/tutorials/pull/12248',
     'the fixed shape of java-23 written with a record, a switch expression and a text block: the client has a connect timeout, each request a timeout, and the body is read with ofString (nothing to close)',
     files=[
         f('notify/src/main/java/org/example/notify/WebhookNotifier.java', new='''package org.example.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public record WebhookNotifier(URI endpoint, HttpClient client, Duration timeout) {

    public static WebhookNotifier create(URI endpoint) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return new WebhookNotifier(endpoint, client, Duration.ofSeconds(10));
    }

    public Outcome send(Event event) throws IOException, InterruptedException {
        String body = """
                {"type": "%s", "id": "%s"}
                """.formatted(event.type(), event.id());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode() / 100) {
            case 2 -> Outcome.DELIVERED;
            case 4 -> Outcome.REJECTED;
            default -> Outcome.RETRY;
        };
    }
}
'''),
         f('notify/pom.xml', old=POM_OLD % 'notify', new=POM_NEW % 'notify'),
     ])

case('java-ok-15-test-only-leaks-beside-correct-fix', 'https://github.com/openhab/openhab-core/pull/3504',
     'the fixed shape of java-08 (walk in try-with-resources) with a new test class that leaks streams and sets a ThreadLocal, as tests do; the review skips test code',
     files=[
         f('bundles/org.openhab.core.addon/src/main/java/org/openhab/core/addon/internal/JarScanner.java', **jmod(
            'org.openhab.core.addon.internal',
            ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Stream'],
            'public class JarScanner', '''
    private final Path addonsDir;

    public JarScanner(Path addonsDir) {
        this.addonsDir = addonsDir;
    }
''', '''
    public List<Path> jars() throws IOException {
        return List.of();
    }
''', '''
    public List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.walk(addonsDir, 2)) {
            return files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
    }
''')),
         f('bundles/org.openhab.core.addon/src/test/java/org/openhab/core/addon/internal/JarScannerTest.java', new='''package org.openhab.core.addon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarScannerTest {

    private static final ThreadLocal<Path> LAST = new ThreadLocal<>();

    @Test
    void finds_jars_two_levels_down(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createFile(dir.resolve("a/x.jar"));
        Files.createFile(dir.resolve("a/b/y.jar"));
        LAST.set(dir);
        long all = Files.walk(dir).count();
        assertEquals(5, all);
        assertEquals(2, new JarScanner(dir).jars().size());
    }
}
'''),
     ])
