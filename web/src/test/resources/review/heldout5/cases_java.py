"""Round-5 Java cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""


def jfile(pkg, imports, decl, *members):
    imp = ''.join('import %s;\n' % i for i in imports)
    body = '\n\n'.join(m.strip('\n') for m in members if m)
    return 'package %s;\n\n%s\n%s {\n%s\n}\n' % (pkg, imp, decl, body)


def mod(pkg, imports, decl, before, old_m, new_m, after='', new_imports=None):
    return {'old': jfile(pkg, imports, decl, before, old_m, after),
            'new': jfile(pkg, new_imports or imports, decl, before, new_m, after)}


PAD_A = '''
    private static String key(String table, long id) {
        return table + ":" + id;
    }
'''

PAD_B = '''
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
'''

PAD_C = '''
    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
'''

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def src(pkg_path, cls):
    return 'src/main/java/%s/%s.java' % (pkg_path, cls)


def test(pkg_path, cls):
    return 'src/test/java/%s/%s.java' % (pkg_path, cls)


# ---------------------------------------------------------------- RES-01: JDBC
case('java-01-queue-dao-statement-never-closed', 'https://github.com/wso2/andes/pull/520',
     'a new DAO method prepares a statement on a pooled connection and closes only the connection; the statement is never closed',
     path=src('org/wso2/andes/store', 'QueueDao'), **mod('org.wso2.andes.store',
     ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource'],
     'public class QueueDao', '''
    private final DataSource ds;
    private final String name = "queues";

    public QueueDao(DataSource ds) {
        this.ds = ds;
    }
''', '''
    public void deleteQueue(String queue) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM queues WHERE name = ?")) {
            ps.setString(1, queue);
            ps.executeUpdate();
        }
    }
''', '''
    public void deleteQueue(String queue) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM queues WHERE name = ?")) {
            ps.setString(1, queue);
            ps.executeUpdate();
        }
    }

    public void purgeQueue(String queue) throws SQLException {
        Connection c = ds.getConnection();
        try {
            PreparedStatement ps = c.prepareStatement("DELETE FROM messages WHERE queue = ?"); //@RES-01,~TMO-01
            ps.setString(1, queue);
            ps.executeUpdate();
        } finally {
            c.close();
        }
    }
''', PAD_B))

case('java-02-performance-metrics-result-set-open', 'https://github.com/apache/dolphinscheduler/issues/1688',
     'a new monitor class reads server status through createStatement/executeQuery and closes neither the result set nor the statement',
     files=[{'path': src('org/apache/dolphinscheduler/dao/utils', 'MysqlPerformance'), 'new': jfile(
         'org.apache.dolphinscheduler.dao.utils',
         ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement', 'java.util.HashMap', 'java.util.Map'],
         'public class MysqlPerformance', '''
    public Map<String, Long> status(Connection conn) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        Statement st = conn.createStatement(); //@RES-01,~TMO-01
        ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_%'"); //@RES-01
        while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }
''')}])

case('java-03-seq-of-result-set-never-closes', 'https://github.com/jOOQ/jOOL/issues/3',
     'a helper turns a ResultSet into a Stream; neither the stream nor the caller ever closes the result set (no onClose)',
     files=[{'path': src('org/jooq/lambda', 'ResultSets'), 'new': jfile(
         'org.jooq.lambda',
         ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.Spliterators', 'java.util.function.Function', 'java.util.stream.Stream', 'java.util.stream.StreamSupport'],
         'public final class ResultSets', '''
    private ResultSets() {
    }
''', '''
    public static <T> Stream<T> query(Connection c, String sql, Function<ResultSet, T> row) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql); //@RES-01,~TMO-01
        ResultSet rs = ps.executeQuery(); //@RES-01
        ResultSetIterator<T> it = new ResultSetIterator<>(rs, row);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false);
    }
''')}])

case('java-04-consult-form-result-set-closed-by-hand', 'https://github.com/carlos-emr/carlos/pull/2233',
     'a change moves a form loader to a new query helper that returns a ResultSet; it is closed by hand at the end, so any exception while reading leaks it',
     path=src('io/github/carlos_emr/carlos/form', 'FrmConsultantRecord'), **mod('io.github.carlos_emr.carlos.form',
     ['java.sql.ResultSet', 'java.sql.SQLException', 'java.util.Properties'],
     'public class FrmConsultantRecord', '''
    private final String name = "consultant";
''', '''
    public Properties getFormRecord(int demographicNo) throws SQLException {
        Properties props = new Properties();
        String sql = "SELECT demographic_no, last_name, first_name, phone FROM demographic WHERE demographic_no = ?";
        ResultSet rs = DBHandler.GetPreSQL(sql, demographicNo);
        if (rs.next()) {
            props.setProperty("pName", rs.getString("last_name") + ", " + rs.getString("first_name"));
            props.setProperty("phone", rs.getString("phone"));
        }
        rs.close();
        return props;
    }
''', '''
    public Properties getFormRecord(int demographicNo) throws SQLException {
        Properties props = new Properties();
        String sql = "SELECT demographic_no, last_name, first_name, phone FROM demographic WHERE demographic_no = ?";
        ResultSet rs = LegacyJdbcQuery.getPreparedResultSet(sql, demographicNo); //@RES-01
        if (rs.next()) {
            props.setProperty("pName", rs.getString("last_name") + ", " + rs.getString("first_name"));
            props.setProperty("phone", rs.getString("phone"));
        }
        rs.close();
        return props;
    }
''', PAD_B))

case('java-05-cosmetics-stats-statement-unclosed', 'https://github.com/yapzhenyie/GadgetsMenu/issues/521',
     'a new MySQL stats store prepares a statement per lookup and closes neither it nor its result set; the test beside it is ordinary',
     files=[{'path': src('com/yapzhenyie/gadgetsmenu/mysql', 'StatsStore'), 'new': jfile(
         'com.yapzhenyie.gadgetsmenu.mysql',
         ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.UUID'],
         'public class StatsStore', '''
    private final Connection connection;

    public StatsStore(Connection connection) {
        this.connection = connection;
    }
''', '''
    public int mysteryDust(UUID player) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("SELECT dust FROM gm_players WHERE uuid = ?"); //@RES-01,~TMO-01
        ps.setString(1, player.toString());
        ResultSet rs = ps.executeQuery(); //@RES-01
        return rs.next() ? rs.getInt("dust") : 0;
    }
''')},
            {'path': test('com/yapzhenyie/gadgetsmenu/mysql', 'StatsStoreTest'), 'new': jfile(
         'com.yapzhenyie.gadgetsmenu.mysql',
         ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.sql.Connection', 'java.sql.DriverManager', 'java.util.UUID', 'org.junit.jupiter.api.Test'],
         'class StatsStoreTest', '''
    @Test
    void unknownPlayerHasNoDust() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:stats;INIT=RUNSCRIPT FROM 'classpath:schema.sql'")) {
            assertEquals(0, new StatsStore(c).mysteryDust(UUID.randomUUID()));
        }
    }
''')}])

# ---------------------------------------------------------------- RES-01: NIO streams
case('java-06-mirror-walk-stream-not-closed', 'https://github.com/line/centraldogma/pull/638',
     'a change replaces a recursive File listing with Files.walk; the stream is filtered and collected but never closed',
     path=src('com/linecorp/centraldogma/server/mirror', 'LocalMirror'), **mod('com.linecorp.centraldogma.server.mirror',
     ['java.io.File', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors'],
     'final class LocalMirror', '''
    private final String name = "local";
''', '''
    List<Path> filesToMirror(Path root) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        collect(root.toFile(), out);
        return out;
    }
''', '''
    List<Path> filesToMirror(Path root) throws IOException {
        return Files.walk(root) //@RES-01
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .collect(Collectors.toList());
    }
''', PAD_B))

case('java-07-renamed-pipeline-walk-unclosed', 'https://github.com/LabKey/platform/pull/3813',
     'the file scanner is moved to a new class (rename); on the way the try-with-resources around Files.walk is dropped',
     files=[dict(path=src('org/labkey/pipeline', 'FileScanner'), rename_from=src('org/labkey/pipeline', 'PipelineScanner'),
                 old=jfile('org.labkey.pipeline',
                           ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.stream.Stream'],
                           'public class PipelineScanner', '''
    private final String name = "scanner";
''', '''
    public long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
''', PAD_B),
                 new=jfile('org.labkey.pipeline',
                           ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.stream.Stream'],
                           'public class FileScanner', '''
    private final String name = "scanner";
''', '''
    public long countFiles(Path dir) throws IOException {
        Stream<Path> s = Files.walk(dir); //@RES-01
        return s.filter(Files::isRegularFile).count();
    }
''', PAD_B))])

case('java-08-quarkus-build-step-walk-foreach', 'https://github.com/apache/camel-quarkus/pull/3954',
     'a new build step registers every route file found by Files.walk(...).forEach; the stream is never closed; the test is ordinary',
     files=[{'path': src('org/apache/camel/quarkus/core/deployment', 'RouteFilesProcessor'), 'new': jfile(
         'org.apache.camel.quarkus.core.deployment',
         ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List'],
         'class RouteFilesProcessor', '''
    List<String> routeFiles(Path routesDir) {
        List<String> out = new ArrayList<>();
        try {
            Files.walk(routesDir).forEach(p -> { //@RES-01
                if (p.toString().endsWith(".yaml")) {
                    out.add(routesDir.relativize(p).toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
''')},
            {'path': test('org/apache/camel/quarkus/core/deployment', 'RouteFilesProcessorTest'), 'new': jfile(
         'org.apache.camel.quarkus.core.deployment',
         ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir'],
         'class RouteFilesProcessorTest', '''
    @TempDir
    Path dir;

    @Test
    void findsYamlRoutes() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "- from: timer:x");
        Files.writeString(dir.resolve("b.txt"), "not a route");
        assertEquals(List.of("a.yaml"), new RouteFilesProcessor().routeFiles(dir));
    }
''')}])

case('java-09-class-loader-list-jars', 'https://github.com/wala/WALA/pull/1032',
     'a change lists the jars of a lib directory with Files.list and maps them to URLs; the listing stream is never closed',
     path=src('com/ibm/wala/core/util/config', 'AnalysisScopeReader'), **mod('com.ibm.wala.core.util.config',
     ['java.io.IOException', 'java.net.URL', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors'],
     'public class AnalysisScopeReader', '''
    private final String name = "scope";
''', '''
    List<URL> libraryJars(Path lib) throws IOException {
        return List.of(lib.resolve("rt.jar").toUri().toURL());
    }
''', '''
    List<URL> libraryJars(Path lib) throws IOException {
        return Files.list(lib) //@RES-01
            .filter(p -> p.toString().endsWith(".jar"))
            .map(AnalysisScopeReader::toUrl)
            .collect(Collectors.toList());
    }
''', PAD_B))

case('java-10-bot-commands-walk-assigned', 'https://github.com/Java-Discord/JavaBot/pull/109',
     'a change loads command definitions from Files.walk into a local stream that is mapped and collected; nothing closes it',
     path=src('net/javadiscord/javabot/command', 'CommandLoader'), **mod('net.javadiscord.javabot.command',
     ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors', 'java.util.stream.Stream'],
     'public class CommandLoader', '''
    private final String name = "commands";
''', '''
    public List<CommandConfig> load(Path dir) throws IOException {
        return List.of(CommandConfig.parse(dir.resolve("commands.yaml")));
    }
''', '''
    public List<CommandConfig> load(Path dir) throws IOException {
        Stream<Path> files = Files.walk(dir, 2); //@RES-01
        return files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(CommandConfig::parse)
                    .collect(Collectors.toList());
    }
''', PAD_B))

case('java-11-source-root-walk-any-match', 'https://github.com/javaparser/javaparser/pull/3398',
     'a new helper asks Files.walk(...).anyMatch whether a source root holds Java files; the walk is never closed',
     files=[{'path': src('com/github/javaparser/utils', 'SourceRootFinder'), 'new': jfile(
         'com.github.javaparser.utils',
         ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path'],
         'public class SourceRootFinder', '''
    static boolean containsJava(Path root) throws IOException {
        return Files.walk(root).anyMatch(p -> p.toString().endsWith(".java")); //@RES-01
    }
''')}])

# ---------------------------------------------------------------- RES-01: streams
case('java-12-cache-load-close-not-in-finally', 'https://github.com/BijoySingh/AndroidBasicsLibrary/pull/4',
     'a new cache loader closes its ObjectInputStream as the last statement of the try; a failing readObject skips it',
     path=src('com/github/bijoysingh/starter/util', 'FileManager'), **mod('com.github.bijoysingh.starter.util',
     ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.ObjectInputStream'],
     'public class FileManager', '''
    private final String name = "files";
''', '''
    public static boolean exists(File dir, String file) {
        return new File(dir, file).exists();
    }
''', '''
    public static boolean exists(File dir, String file) {
        return new File(dir, file).exists();
    }

    public static Object readCache(File dir, String file) {
        try {
            ObjectInputStream in = new ObjectInputStream(new FileInputStream(new File(dir, file))); //@RES-01,~DEP-02
            Object value = in.readObject();
            in.close();
            return value;
        } catch (IOException | ClassNotFoundException e) {
            return null; //@~ERR-01
        }
    }
''', PAD_B))

case('java-13-deleted-finally-close-of-artifact-stream', 'https://github.com/gocd/gocd/pull/1745',
     'a change deletes the finally that closed the artifact stream, assuming the caller closes it; the checksum path reads it and returns',
     deletion=True, path=src('com/thoughtworks/go/server/service', 'ArtifactsService'), **mod('com.thoughtworks.go.server.service',
     ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'org.apache.commons.codec.digest.DigestUtils'],
     'public class ArtifactsService', '''
    private final String name = "artifacts";
''', '''
    public String md5Of(File artifact) throws IOException {
        InputStream in = new FileInputStream(artifact);
        try {
            return DigestUtils.md5Hex(in);
        } catch (IOException e) {
            throw new ArtifactException("cannot checksum " + artifact, e);
        } finally {
            in.close();
        }
    }
''', '''
    public String md5Of(File artifact) throws IOException {
        InputStream in = new FileInputStream(artifact); //@RES-01
        try {
            return DigestUtils.md5Hex(in).toLowerCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            throw new ArtifactException("cannot checksum " + artifact, e);
        }
    }
''', PAD_B))

case('java-14-data-service-config-stream-not-closed', 'https://github.com/wso2/carbon-data/issues/218',
     'a change reads the data-service descriptor from a FileInputStream handed to the XML parser and never closes it, so the file cannot be deleted on Windows',
     path=src('org/wso2/carbon/dataservices/core', 'DSDeployer'), **mod('org.wso2.carbon.dataservices.core',
     ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'org.apache.axiom.om.OMElement'],
     'public class DSDeployer', '''
    private final String name = "dbs";
''', '''
    OMElement readDescriptor(File dbsFile) throws IOException {
        return DBUtils.parse(dbsFile.toURI().toURL());
    }
''', '''
    OMElement readDescriptor(File dbsFile) throws IOException {
        FileInputStream in = new FileInputStream(dbsFile); //@RES-01
        OMElement root = DBUtils.parse(in);
        root.build();
        return root;
    }
''', PAD_B))

case('java-15-ipfs-store-file-stream-never-closed', 'https://github.com/Consensys/Mahuta/issues/39',
     'a new client method wraps a FileInputStream for upload and never closes it',
     files=[{'path': src('net/consensys/tools/ipfs/ipfsstore/client/java', 'IPFSStore'), 'new': jfile(
         'net.consensys.tools.ipfs.ipfsstore.client.java',
         ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream'],
         'public class IPFSStore', '''
    private final IPFSStoreWrapper wrapper;

    public IPFSStore(IPFSStoreWrapper wrapper) {
        this.wrapper = wrapper;
    }
''', '''
    public String store(File file) throws IOException {
        InputStream content = new FileInputStream(file); //@RES-01
        return wrapper.store(content, file.getName());
    }
''')}])

case('java-16-torrent-info-stream-error-path', 'https://github.com/frostwire/frostwire/pull/1286',
     'a change reads the torrent header through a FileInputStream; the size check throws before the manual close',
     path=src('com/frostwire/bittorrent', 'TorrentInfoReader'), **mod('com.frostwire.bittorrent',
     ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException'],
     'final class TorrentInfoReader', '''
    private final String name = "torrent";
''', '''
    byte[] read(File torrent) throws IOException {
        return java.nio.file.Files.readAllBytes(torrent.toPath());
    }
''', '''
    byte[] read(File torrent) throws IOException {
        FileInputStream in = new FileInputStream(torrent); //@RES-01
        long size = torrent.length();
        if (size > MAX_TORRENT_SIZE) {
            throw new IOException("torrent file too large: " + size);
        }
        byte[] data = in.readAllBytes();
        in.close();
        return data;
    }
''', PAD_B))

case('java-17-docu-writer-output-stream-leaks-on-exception', 'https://github.com/scenarioo/scenarioo/pull/123',
     'a new writer serialises a report into a FileOutputStream and closes it after marshalling; a marshalling exception leaks it',
     files=[{'path': src('org/scenarioo/api/files', 'ReportWriter'), 'new': jfile(
         'org.scenarioo.api.files',
         ['java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'javax.xml.bind.JAXBException'],
         'public class ReportWriter', '''
    private final XmlMarshaller marshaller;

    public ReportWriter(XmlMarshaller marshaller) {
        this.marshaller = marshaller;
    }
''', '''
    public void write(Object report, File target) throws IOException, JAXBException {
        FileOutputStream out = new FileOutputStream(target); //@RES-01
        marshaller.marshal(report, out);
        out.flush();
        out.close();
    }
''')}])

case('java-18-physical-path-directory-stream-unassigned', 'https://github.com/MyCoRe-Org/mycore/pull/1640',
     'a change checks whether a derivate directory is empty with Files.newDirectoryStream(dir).iterator().hasNext(); the stream is never stored or closed',
     path=src('org/mycore/datamodel/niofs', 'MCRPath'), **mod('org.mycore.datamodel.niofs',
     ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path'],
     'public class MCRPath', '''
    private final String name = "mcr";
''', '''
    boolean isEmptyDirectory(Path physical) throws IOException {
        return physical.toFile().list().length == 0;
    }
''', '''
    boolean isEmptyDirectory(Path physical) throws IOException {
        return !Files.newDirectoryStream(physical).iterator().hasNext(); //@RES-01
    }
''', PAD_B))

# ---------------------------------------------------------------- RES-02
case('java-19-odata-response-not-released', 'https://github.com/apache/olingo-odata4/pull/3',
     'a change executes the metadata request with a CloseableHttpClient and reads only the status; the response is never consumed or closed',
     path=src('org/apache/olingo/client/core/communication/request', 'MetadataProbe'), **mod('org.apache.olingo.client.core.communication.request',
     ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient'],
     'public class MetadataProbe', '''
    private final CloseableHttpClient client;
    private final String name = "probe";
''', '''
    public boolean reachable(String serviceRoot) throws IOException {
        return serviceRoot != null;
    }
''', '''
    public boolean reachable(String serviceRoot) throws IOException {
        HttpGet get = new HttpGet(serviceRoot + "/$metadata");
        CloseableHttpResponse resp = client.execute(get); //@RES-02|RES-01
        return resp.getStatusLine().getStatusCode() == 200;
    }
''', PAD_B))

case('java-20-okhttp-adapter-body-string-on-success-only', 'https://github.com/wvlet/airframe/issues/1212',
     'a new OkHttp adapter reads body().string() on 2xx (which closes it) and throws on any other status without closing the response',
     files=[{'path': src('wvlet/airframe/http/okhttp', 'OkHttpAdapter'), 'new': jfile(
         'wvlet.airframe.http.okhttp',
         ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'],
         'public class OkHttpAdapter', '''
    private final OkHttpClient client;

    public OkHttpAdapter(OkHttpClient client) {
        this.client = client;
    }
''', '''
    public String get(String url) throws IOException {
        Request req = new Request.Builder().url(url).build();
        Response resp = client.newCall(req).execute(); //@RES-02|RES-01
        if (!resp.isSuccessful()) {
            throw new HttpStatusException(resp.code(), url);
        }
        return resp.body().string();
    }
''')}])

case('java-21-solr-query-response-stream-parsed', 'https://github.com/takezoe/solr-scala-client/issues/47',
     'a change streams the OkHttp body of a Solr query into the JSON parser through byteStream(); the response is never closed',
     path=src('jp/sf/amateras/solr/client', 'QueryExecutor'), **mod('jp.sf.amateras.solr.client',
     ['java.io.IOException', 'java.util.Map', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'],
     'public class QueryExecutor', '''
    private final OkHttpClient http;
    private final String name = "solr";
''', '''
    public Map<String, Object> query(String url) throws IOException {
        try (Response resp = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return Json.parse(resp.body().string());
        }
    }
''', '''
    public Map<String, Object> query(String url) throws IOException {
        Response resp = http.newCall(new Request.Builder().url(url).build()).execute(); //@RES-02|RES-01
        return Json.parse(resp.body().byteStream());
    }
''', PAD_B))

# ---------------------------------------------------------------- RES-04
case('java-22-replicate-handler-executor-per-request', 'https://github.com/NCEAS/metacat/issues/1442',
     'the replicate handler (one instance per request) creates a single-thread executor for the async call and never shuts it down',
     path=src('edu/ucsb/nceas/metacat/restservice/v2', 'MNResourceHandler'), **mod('edu.ucsb.nceas.metacat.restservice.v2',
     ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'],
     'public class MNResourceHandler', '''
    private final String name = "mn";
''', '''
    protected void replicate(String pid, String sourceNode) {
        replicationService.replicate(pid, sourceNode);
    }
''', '''
    protected void replicate(String pid, String sourceNode) {
        ExecutorService executor = Executors.newSingleThreadExecutor(); //@RES-04,~CONC-02
        executor.execute(() -> replicationService.replicate(pid, sourceNode));
        response.setStatus(202);
    }
''', PAD_B))

case('java-23-console-service-executor-per-execution', 'https://github.com/apache/texera/issues/7455',
     'a new console service (one per workflow execution) owns a single-thread executor that nothing shuts down',
     files=[{'path': src('org/apache/texera/web/service', 'ExecutionConsoleService'), 'new': jfile(
         'org.apache.texera.web.service',
         ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'],
         'public class ExecutionConsoleService', '''
    private final ExecutorService consoleWriter = Executors.newSingleThreadExecutor(); //@RES-04,~CONC-02
    private final ConsoleStore store;

    public ExecutionConsoleService(ConsoleStore store) {
        this.store = store;
    }

    public void onMessage(ConsoleMessage m) {
        consoleWriter.execute(() -> store.append(m));
    }
''')},
            {'path': src('org/apache/texera/web/service', 'WorkflowService'), 'old': jfile(
         'org.apache.texera.web.service', [], 'public class WorkflowService', '''
    private final ConsoleStore store;
''', '''
    public void startExecution(Workflow wf) {
        executor.submit(wf);
    }
'''), 'new': jfile(
         'org.apache.texera.web.service', [], 'public class WorkflowService', '''
    private final ConsoleStore store;
''', '''
    public void startExecution(Workflow wf) {
        ExecutionConsoleService console = new ExecutionConsoleService(store); //@~RES-04
        wf.onConsoleMessage(console::onMessage);
        executor.submit(wf);
    }
''')}])

# ---------------------------------------------------------------- TMO-01
case('java-24-activity-send-connection-no-timeouts', 'https://github.com/adjust/android_sdk/pull/139',
     'a new package sender opens an HttpURLConnection and posts without connect or read timeout',
     files=[{'path': src('com/adjust/sdk', 'PackageSender'), 'new': jfile(
         'com.adjust.sdk',
         ['java.io.IOException', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL'],
         'public class PackageSender', '''
    public int send(String endpoint, byte[] body) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(endpoint).openConnection(); //@TMO-01
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        try (OutputStream out = conn.getOutputStream()) {
            out.write(body);
        }
        int code = conn.getResponseCode();
        conn.disconnect();
        return code;
    }
''')}])

case('java-25-metrics-client-built-without-timeouts', 'https://github.com/kairosdb/kairosdb-client/issues/35',
     'the HTTP client of the metrics library is built by HttpClientBuilder.create().build() with no connect or socket timeout',
     path=src('org/kairosdb/client', 'HttpClient'), **mod('org.kairosdb.client',
     ['java.net.MalformedURLException', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClientBuilder'],
     'public class HttpClient extends AbstractClient', '''
    private CloseableHttpClient client;
    private final String name = "kairos";
''', '''
    public HttpClient(String url) throws MalformedURLException {
        super(url);
    }
''', '''
    public HttpClient(String url) throws MalformedURLException {
        super(url);
        HttpClientBuilder builder = HttpClientBuilder.create();
        client = builder.build(); //@TMO-01
    }
''', PAD_B))

case('java-26-deleted-read-timeout-on-media-connection', 'https://github.com/sonyxperiadev/MultimediaForAndroidLibrary/issues/7',
     'a change deletes the read timeout of the media connection (judged too short) instead of raising it; a stalled server now blocks the reader forever',
     deletion=True, path=src('com/sonymobile/android/media/internal', 'HttpBufferedDataSource'), **mod('com.sonymobile.android.media.internal',
     ['java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL'],
     'public class HttpBufferedDataSource', '''
    private HttpURLConnection connection;
    private final String name = "http";
''', '''
    private void openHttpConnection(URL url, long offset) throws IOException {
        connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        connection.setRequestProperty("Range", "bytes=" + offset + "-");
        connection.connect();
    }
''', '''
    private void openHttpConnection(URL url, long offset) throws IOException {
        connection = (HttpURLConnection) url.openConnection(); //@TMO-01
        connection.setConnectTimeout(5000);
        connection.setRequestProperty("Range", "bytes=" + offset + "-");
        connection.connect();
    }
''', PAD_B))

# ---------------------------------------------------------------- TX-01 / TX-02
case('java-27-batch-insert-commit-without-rollback', 'https://github.com/jdbi/jdbi/pull/123',
     'a change runs a batch with auto-commit off and commits at the end; an exception from the batch or the commit leaves the pooled connection inside an open transaction',
     path=src('org/skife/jdbi/v2', 'BatchWriter'), **mod('org.skife.jdbi.v2',
     ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.List', 'javax.sql.DataSource'],
     'public class BatchWriter', '''
    private final DataSource ds;
    private final String name = "batch";
''', '''
    public void write(List<Row> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (Row r : rows) {
                insert(c, r);
            }
        }
    }
''', '''
    public void write(List<Row> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); //@TX-01
            for (Row r : rows) {
                insert(c, r);
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }
''', PAD_B))

case('java-28-sql2o-style-update-no-rollback', 'https://github.com/aaberg/sql2o/issues/248',
     'a new repository method turns auto-commit off, runs two updates and commits; there is no rollback on any exception',
     files=[{'path': src('org/sql2o/sample', 'AccountRepository'), 'new': jfile(
         'org.sql2o.sample',
         ['java.math.BigDecimal', 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'javax.sql.DataSource'],
         'public class AccountRepository', '''
    private final DataSource ds;

    public AccountRepository(DataSource ds) {
        this.ds = ds;
    }
''', '''
    public void transfer(long from, long to, BigDecimal amount) throws SQLException {
        Connection con = ds.getConnection();
        con.setAutoCommit(false); //@TX-01,~RES-01
        try (PreparedStatement debit = con.prepareStatement("UPDATE account SET balance = balance - ? WHERE id = ?"); //@~TMO-01
             PreparedStatement credit = con.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) { //@~TMO-01
            debit.setBigDecimal(1, amount);
            debit.setLong(2, from);
            debit.executeUpdate();
            credit.setBigDecimal(1, amount);
            credit.setLong(2, to);
            credit.executeUpdate();
        }
        con.commit();
        con.close();
    }
''')}])

case('java-29-commit-failure-logged-and-reported-ok', 'https://github.com/xtclang/xvm/pull/568',
     'a change wraps the commit of a client transaction in a try whose catch only logs; the caller is told the write succeeded',
     path=src('org/xvm/jsondb', 'Client'), **mod('org.xvm.jsondb',
     ['java.sql.Connection', 'java.sql.SQLException', 'java.util.logging.Logger'],
     'public class Client', '''
    private static final Logger LOG = Logger.getLogger(Client.class.getName());
    private final String name = "client";
''', '''
    public boolean commit(Connection c) throws SQLException {
        c.commit();
        return true;
    }
''', '''
    public boolean commit(Connection c) {
        try {
            c.commit(); //@TX-02
        } catch (SQLException e) {
            LOG.warning("exception during commit of " + name + ": " + e); //@~LOG-02
        }
        return true;
    }
''', PAD_B))

# ---------------------------------------------------------------- CONC-04
case('java-30-local-transaction-context-set-null', 'https://github.com/domaframework/doma/pull/1120',
     'a change "clears" the per-thread transaction context with set(null) at the end of the transaction instead of remove()',
     path=src('org/seasar/doma/jdbc/tx', 'LocalTransaction'), **mod('org.seasar.doma.jdbc.tx',
     ['java.sql.SQLException'],
     'public class LocalTransaction', '''
    private final ThreadLocal<LocalTransactionContext> localTxContextHolder = new ThreadLocal<>();
    private final String name = "local";
''', '''
    public void begin() {
        LocalTransactionContext ctx = new LocalTransactionContext(dataSource.getConnection());
        localTxContextHolder.set(ctx);
        ctx.begin();
    }

    public void commit() throws SQLException {
        LocalTransactionContext ctx = localTxContextHolder.get();
        try {
            ctx.commit();
        } finally {
            ctx.close();
        }
    }
''', '''
    public void begin() {
        LocalTransactionContext ctx = new LocalTransactionContext(dataSource.getConnection());
        localTxContextHolder.set(ctx); //@CONC-04
        ctx.begin(defaultIsolation);
    }

    public void commit() throws SQLException {
        LocalTransactionContext ctx = localTxContextHolder.get();
        try {
            ctx.commit();
        } finally {
            ctx.close();
            localTxContextHolder.set(null); //@~CONC-04
        }
    }
''', PAD_B))

case('java-31-recipe-context-threadlocal-never-removed', 'https://github.com/Anvil-Dev/AnvilCraft/pull/2869',
     'a change keeps the recipe being matched in a ThreadLocal for the duration of a match; nothing removes it',
     path=src('dev/dubhe/anvilcraft/recipe', 'RecipeMatcher'), **mod('dev.dubhe.anvilcraft.recipe',
     ['java.util.List', 'java.util.Optional'],
     'public class RecipeMatcher', '''
    private static final ThreadLocal<Recipe> CURRENT = new ThreadLocal<>();
    private final String name = "matcher";
''', '''
    public Optional<Recipe> match(List<Recipe> recipes, Input input) {
        for (Recipe r : recipes) {
            if (r.matches(input)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
''', '''
    public Optional<Recipe> match(List<Recipe> recipes, Input input) {
        for (Recipe r : recipes) {
            CURRENT.set(r); //@CONC-04
            if (r.matches(input)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
''', PAD_B))

case('java-32-debug-eval-remove-replaced-by-set-null', 'https://github.com/eclipse-jdt/eclipse.jdt.debug/pull/249',
     'a change replaces the remove() in finally by set(null) when the evaluation ends',
     path=src('org/eclipse/jdt/internal/debug/eval', 'EvaluationEngine'), **mod('org.eclipse.jdt.internal.debug.eval',
     [],
     'public class EvaluationEngine', '''
    private static final ThreadLocal<EvaluationContext> CONTEXT = new ThreadLocal<>();
    private final String name = "eval";
''', '''
    public Value evaluate(String expression, EvaluationContext context) throws EvalException {
        CONTEXT.set(context);
        try {
            return compile(expression).run(context);
        } finally {
            CONTEXT.remove();
        }
    }
''', '''
    public Value evaluate(String expression, EvaluationContext context) throws EvalException {
        CONTEXT.set(context); //@CONC-04
        try {
            return compile(expression, context.imports()).run(context);
        } finally {
            CONTEXT.set(null); //@~CONC-04
        }
    }
''', PAD_B))

case('java-33-deleted-finally-remove-of-connect-context', 'https://github.com/StarRocks/starrocks/pull/34758',
     'a refactor deletes the finally that removed the per-thread connect context after a statement (the log line is reworded in the same hunk)',
     deletion=True, path=src('com/starrocks/qe', 'StmtRunner'), **mod('com.starrocks.qe',
     ['org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'],
     'public class StmtRunner', '''
    private static final Logger LOG = LogManager.getLogger(StmtRunner.class);
    private final String name = "runner";
''', '''
    public void run(ConnectContext ctx, String sql) throws Exception {
        ctx.setThreadLocalInfo();
        try {
            LOG.debug("run statement {}", sql);
            new StmtExecutor(ctx, sql).execute();
        } catch (UserException e) {
            ctx.getState().setError(e.getMessage());
        } finally {
            ConnectContext.remove();
        }
    }
''', '''
    public void run(ConnectContext ctx, String sql) throws Exception {
        ctx.setThreadLocalInfo(); //@CONC-04
        try {
            LOG.debug("executing statement: {}", sql);
            new StmtExecutor(ctx, sql).execute();
        } catch (UserException e) {
            ctx.getState().setError(e.getMessage());
        }
    }
''', PAD_B))

case('java-34-resource-filter-puts-request-ids', 'https://github.com/Commonjava/indy/pull/603',
     'a new servlet filter puts the internal and external request ids into the MDC and never removes them',
     files=[{'path': src('org/commonjava/indy/bind/jaxrs', 'RequestIdFilter'), 'new': jfile(
         'org.commonjava.indy.bind.jaxrs',
         ['java.io.IOException', 'java.util.UUID', 'javax.servlet.Filter', 'javax.servlet.FilterChain', 'javax.servlet.ServletException',
          'javax.servlet.ServletRequest', 'javax.servlet.ServletResponse', 'javax.servlet.http.HttpServletRequest', 'org.slf4j.MDC'],
         'public class RequestIdFilter implements Filter', '''
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest hsr = (HttpServletRequest) req;
        String internalId = UUID.randomUUID().toString();
        MDC.put("internal-id", internalId); //@CONC-04
        String externalId = hsr.getHeader("X-Request-Id");
        MDC.put("preferred-id", externalId != null ? externalId : internalId); //@CONC-04
        chain.doFilter(req, res);
    }
''')}])

case('java-35-interceptor-puts-user-never-clears', 'https://github.com/inugamiio/inugami/issues/352',
     'a change makes the request interceptor put the user and correlation id into the MDC in preHandle; no afterCompletion or finally clears them',
     path=src('io/inugami/monitoring/core/interceptors', 'MdcInterceptor'), **mod('io.inugami.monitoring.core.interceptors',
     ['javax.servlet.http.HttpServletRequest', 'javax.servlet.http.HttpServletResponse', 'org.slf4j.MDC'],
     'public class MdcInterceptor implements HandlerInterceptor', '''
    private final String name = "mdc";
''', '''
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        return true;
    }
''', '''
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        MDC.put("correlationId", correlationId(request)); //@CONC-04
        if (request.getUserPrincipal() != null) {
            MDC.put("user", request.getUserPrincipal().getName()); //@CONC-04
        }
        return true;
    }
''', PAD_B))

# ---------------------------------------------------------------- CONC-05
case('java-36-image-load-prints-interrupt', 'https://github.com/openjdk/jdk/pull/17406',
     'a change waits for an image with a MediaTracker and, when interrupted, prints a message and carries on with the flag cleared',
     path=src('javax/swing', 'IconLoader'), **mod('javax.swing',
     ['java.awt.Image', 'java.awt.MediaTracker'],
     'class IconLoader', '''
    private final String name = "icon";
''', '''
    int loadImage(Image image, MediaTracker tracker, int id) {
        tracker.addImage(image, id);
        tracker.checkID(id, true);
        return tracker.statusID(id, false);
    }
''', '''
    int loadImage(Image image, MediaTracker tracker, int id) {
        tracker.addImage(image, id);
        try {
            tracker.waitForID(id, 0);
        } catch (InterruptedException e) { //@CONC-05
            System.out.println("INTERRUPTED while loading Image");
        }
        return tracker.statusID(id, false);
    }
''', PAD_B))

case('java-37-profiler-loop-logs-interrupt', 'https://github.com/krzysztofslusarski/continuous-async-profiler/pull/8',
     'a new profiling loop sleeps between dumps and only logs an InterruptedException, so it keeps looping after being asked to stop',
     files=[{'path': src('pl/ks/profiling/async', 'ContinuousProfiler'), 'new': jfile(
         'pl.ks.profiling.async',
         ['java.time.Duration', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
         'public class ContinuousProfiler implements Runnable', '''
    private static final Logger log = LoggerFactory.getLogger(ContinuousProfiler.class);
    private volatile boolean running = true;
    private final Duration interval;

    public ContinuousProfiler(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void run() {
        while (running) {
            dumpProfile();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) { //@CONC-05
                log.error("profiler sleep interrupted", e);
            }
        }
    }
''')}])

case('java-38-thread-utils-sleep-ignores', 'https://github.com/apache/eventmesh/pull/4297',
     'a new sleep helper catches InterruptedException and ignores it; the test beside it sleeps through it too (test code)',
     files=[dict(path=src('org/apache/eventmesh/common/utils', 'ThreadUtils'), **mod('org.apache.eventmesh.common.utils',
     ['java.util.concurrent.ThreadLocalRandom', 'java.util.concurrent.TimeUnit'],
     'public final class ThreadUtils', '''
    private ThreadUtils() {
    }
''', '''
    public static long currentPid() {
        return ProcessHandle.current().pid();
    }
''', '''
    public static long currentPid() {
        return ProcessHandle.current().pid();
    }

    public static void randomPause(long min, long max, TimeUnit unit) {
        try {
            unit.sleep(ThreadLocalRandom.current().nextLong(min, max + 1));
        } catch (InterruptedException ignore) { //@CONC-05,~ERR-01
            // ignore
        }
    }
''')),
            {'path': test('org/apache/eventmesh/common/utils', 'ThreadUtilsTest'), 'new': jfile(
         'org.apache.eventmesh.common.utils',
         ['static org.junit.jupiter.api.Assertions.assertTrue', 'java.util.concurrent.TimeUnit', 'org.junit.jupiter.api.Test'],
         'class ThreadUtilsTest', '''
    @Test
    void randomPauseWaitsAtLeastTheMinimum() {
        long start = System.nanoTime();
        ThreadUtils.randomPause(10, 20, TimeUnit.MILLISECONDS);
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            // a test thread is never interrupted here
        }
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(10));
    }
''')}])

case('java-39-crawler-join-wrapped-runtime', 'https://github.com/apache/sdap-mudrod/pull/46',
     'a new crawler waits for its worker threads and wraps an InterruptedException in a RuntimeException without restoring the flag',
     files=[{'path': src('org/apache/sdap/mudrod/crawler', 'CrawlerPool'), 'new': jfile(
         'org.apache.sdap.mudrod.crawler',
         ['java.util.List'],
         'public class CrawlerPool', '''
    private final List<Thread> workers;

    public CrawlerPool(List<Thread> workers) {
        this.workers = workers;
    }

    public void awaitAll() {
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) { //@CONC-05
                throw new RuntimeException("crawler interrupted", e);
            }
        }
    }
''')}])

case('java-40-catch-up-task-logs-interrupt', 'https://github.com/apache/iotdb/issues/5876',
     'a change makes the catch-up task wait between retries; an InterruptedException is logged and the retry loop continues',
     path=src('org/apache/iotdb/cluster/log/catchup', 'CatchUpTask'), **mod('org.apache.iotdb.cluster.log.catchup',
     ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
     'public class CatchUpTask implements Runnable', '''
    private static final Logger logger = LoggerFactory.getLogger(CatchUpTask.class);
    private final String name = "catch-up";
''', '''
    @Override
    public void run() {
        if (!checkMatchIndex()) {
            logger.warn("{}: cannot find a matching index", name);
            return;
        }
        doCatchUp();
    }
''', '''
    @Override
    public void run() {
        int attempts = 0;
        while (!checkMatchIndex() && attempts++ < MAX_ATTEMPTS) {
            try {
                Thread.sleep(RETRY_WAIT_MS);
            } catch (InterruptedException e) { //@CONC-05
                logger.warn("{}: interrupted while waiting to retry", name, e);
            }
        }
        doCatchUp();
    }
''', PAD_B))

case('java-41-deleted-reinterrupt-in-audit-runner', 'https://github.com/jshiell/checkstyle-idea/pull/247',
     'a refactor of the scan runner deletes the Thread.currentThread().interrupt() of its catch, keeping only the log line',
     deletion=True, path=src('org/infernus/idea/checkstyle/checker', 'ScanRunner'), **mod('org.infernus.idea.checkstyle.checker',
     ['java.util.List', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future', 'java.util.logging.Logger'],
     'public class ScanRunner', '''
    private static final Logger LOG = Logger.getLogger(ScanRunner.class.getName());
    private final String name = "scan";
''', '''
    public List<Problem> await(Future<List<Problem>> scan) {
        try {
            return scan.get();
        } catch (InterruptedException e) {
            LOG.warning("scan interrupted");
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new CheckStylePluginException("scan failed", e.getCause());
        }
    }
''', '''
    public List<Problem> await(Future<List<Problem>> scan) {
        try {
            return scan.get();
        } catch (InterruptedException e) { //@CONC-05
            LOG.warning("scan interrupted");
            return List.of();
        } catch (ExecutionException e) {
            throw new CheckStylePluginException("scan failed", e.getCause());
        }
    }
''', PAD_B))

# ---------------------------------------------------------------- CONC-07
case('java-42-debounce-action-catches-exception-only', 'https://github.com/apache/samza/pull/450',
     'a change schedules the leader-election check every few seconds; its lambda catches Exception only, so an Error (NoSuchMethodError, ...) cancels the schedule silently',
     path=src('org/apache/samza/zk', 'ZkLeaderMonitor'), **mod('org.apache.samza.zk',
     ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
     'public class ZkLeaderMonitor', '''
    private static final Logger LOG = LoggerFactory.getLogger(ZkLeaderMonitor.class);
    private final ScheduledExecutorService scheduler;
    private final String name = "leader";
''', '''
    public void start() {
        checkLeader();
    }
''', '''
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> { //@CONC-07
            try {
                checkLeader();
            } catch (Exception e) {
                LOG.error("leader check failed", e);
            }
        }, 0, 5, TimeUnit.SECONDS);
    }
''', PAD_B))

case('java-43-mail-service-update-check-unguarded', 'https://github.com/thingsboard/thingsboard/pull/11689',
     'a new update service checks for new versions on a fixed schedule through a lambda with no catch; one failed check stops every later one',
     files=[{'path': src('org/thingsboard/server/service/update', 'DefaultUpdateService'), 'new': jfile(
         'org.thingsboard.server.service.update',
         ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'],
         'public class DefaultUpdateService', '''
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final UpdateClient client;
    private volatile UpdateMessage latest;

    public DefaultUpdateService(UpdateClient client) {
        this.client = client;
    }

    public void init() {
        scheduler.scheduleAtFixedRate(() -> latest = client.checkForUpdates(), 0, 1, TimeUnit.HOURS); //@CONC-07
    }
''')}])

case('java-44-flag-poller-method-catches-io-only', 'https://github.com/mixpanel/mixpanel-java/pull/93',
     'a change schedules fetchDefinitions by method reference; the method catches only IOException, so any runtime failure ends the polling for good',
     path=src('com/mixpanel/mixpanelapi/featureflags', 'LocalFlagsProvider'), **mod('com.mixpanel.mixpanelapi.featureflags',
     ['java.io.IOException', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger'],
     'public class LocalFlagsProvider', '''
    private static final Logger logger = Logger.getLogger(LocalFlagsProvider.class.getName());
    private final ScheduledExecutorService executor;
    private final String name = "flags";
''', '''
    public void startPolling(long seconds) {
        fetchDefinitions();
    }

    void fetchDefinitions() {
        try {
            definitions = parse(http.get(definitionsUrl));
        } catch (IOException e) {
            logger.log(Level.WARNING, "fetching flag definitions failed", e);
        }
    }
''', '''
    public void startPolling(long seconds) {
        executor.scheduleAtFixedRate(this::fetchDefinitions, 0, seconds, TimeUnit.SECONDS); //@CONC-07
    }

    void fetchDefinitions() {
        try {
            definitions = parse(http.get(definitionsUrl));
        } catch (IOException e) {
            logger.log(Level.WARNING, "fetching flag definitions failed", e);
        }
    }
''', PAD_B))

case('java-45-allocation-manager-schedule-unguarded', 'https://github.com/apache/spark/pull/7352',
     'a change runs the executor allocation schedule through scheduleWithFixedDelay with an anonymous Runnable that lets exceptions escape',
     path=src('org/apache/spark', 'AllocationManager'), **mod('org.apache.spark',
     ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'],
     'public class AllocationManager', '''
    private final ScheduledExecutorService executor;
    private final String name = "allocation";
''', '''
    public void start() {
        listenerBus.addListener(listener);
    }
''', '''
    public void start() {
        listenerBus.addListener(listener);
        Runnable scheduleTask = new Runnable() {
            @Override
            public void run() {
                schedule();
            }
        };
        executor.scheduleWithFixedDelay(scheduleTask, 0, intervalMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }
''', PAD_B))

# ---------------------------------------------------------------- CONC-01
case('java-46-export-thread-without-handler', 'https://github.com/PCGen/pcgen/pull/4716',
     'a new export action runs the export on a plain Thread with no uncaught-exception handler: a failure dies with a stack trace on stderr',
     files=[{'path': src('pcgen/gui2/dialog', 'ExportAction'), 'new': jfile(
         'pcgen.gui2.dialog',
         ['java.io.File'],
         'public class ExportAction', '''
    private final CharacterExporter exporter;

    public ExportAction(CharacterExporter exporter) {
        this.exporter = exporter;
    }

    public void export(File target) {
        Thread t = new Thread(() -> exporter.export(target), "pcgen-export");
        t.start(); //@CONC-01
    }
''')}])

case('java-47-scheduler-worker-thread-no-handler', 'https://github.com/threadly/threadly/issues/100',
     'a change starts the scheduler worker thread from a method reference with no uncaught-exception handler',
     path=src('org/threadly/concurrent', 'SingleThreadScheduler'), **mod('org.threadly.concurrent',
     [],
     'public class SingleThreadScheduler', '''
    private volatile boolean running;
    private final String name = "single";
''', '''
    public void start() {
        running = true;
    }
''', '''
    public void start() {
        running = true;
        Thread worker = new Thread(this::runTasks, name + "-worker");
        worker.setDaemon(true);
        worker.start(); //@CONC-01
    }
''', PAD_B))

# ---------------------------------------------------------------- LOG-01
case('java-48-config-model-info-per-host', 'https://github.com/vespa-engine/vespa/pull/11674',
     'a change logs an info line for every host of every cluster while building the config model',
     path=src('com/yahoo/vespa/model', 'HostAllocator'), **mod('com.yahoo.vespa.model',
     ['java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger'],
     'public class HostAllocator', '''
    private static final Logger log = Logger.getLogger(HostAllocator.class.getName());
    private final String name = "hosts";
''', '''
    void allocate(List<Cluster> clusters) {
        for (Cluster c : clusters) {
            for (Host h : c.hosts()) {
                reserve(c, h);
            }
        }
    }
''', '''
    void allocate(List<Cluster> clusters) {
        for (Cluster c : clusters) {
            for (Host h : c.hosts()) {
                log.log(Level.INFO, "Allocating host " + h.hostname() + " to cluster " + c.id()); //@LOG-01,~LOG-02
                reserve(c, h);
            }
        }
    }
''', PAD_B))

case('java-49-vocabulary-import-info-per-word', 'https://github.com/Siversoul/VocabularyTrial/issues/23',
     'a new importer writes an info line for every imported word inside the import loop',
     files=[{'path': src('de/siversoul/vocabulary/io', 'VocabularyImporter'), 'new': jfile(
         'de.siversoul.vocabulary.io',
         ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
         'public class VocabularyImporter', '''
    private static final Logger LOG = LoggerFactory.getLogger(VocabularyImporter.class);
    private final WordRepository repository;

    public VocabularyImporter(WordRepository repository) {
        this.repository = repository;
    }

    public int importAll(List<Word> words) {
        int imported = 0;
        for (Word w : words) {
            LOG.info("importing word {} -> {}", w.source(), w.translation()); //@LOG-01
            if (repository.saveIfAbsent(w)) {
                imported++;
            }
        }
        return imported;
    }
''')}])

# ================================================================ clean look-alikes (Java)
case('java-ok-01-result-set-closed-with-its-statement', 'https://github.com/camunda/camunda-bpm-platform/pull/4183',
     'the ResultSet is not in its own try-with-resources but the PreparedStatement that produced it is; closing the statement closes the result set (JDBC)',
     path=src('org/camunda/bpm/engine/impl/db', 'DbBootstrap'), **mod('org.camunda.bpm.engine.impl.db',
     ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException'],
     'public class DbBootstrap', '''
    private final String name = "bootstrap";
''', '''
    boolean schemaPresent(Connection c) throws SQLException {
        return c.getMetaData().getTables(null, null, "ACT_GE_PROPERTY", null).next();
    }
''', '''
    boolean schemaPresent(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'")) {
            ps.setQueryTimeout(10);
            ResultSet rs = ps.executeQuery(); //@~RES-01
            return rs.next();
        }
    }
''', PAD_B))

case('java-ok-02-walk-in-try-with-resources-test-leaks', 'https://github.com/line/centraldogma/pull/638',
     'the Files.walk stream is declared in try-with-resources; the test beside it walks a temp dir without closing (test code, skipped by design)',
     files=[dict(path=src('com/linecorp/centraldogma/server/mirror', 'LocalMirror'), **mod('com.linecorp.centraldogma.server.mirror',
     ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors', 'java.util.stream.Stream'],
     'final class LocalMirror', '''
    private final String name = "local";
''', '''
    List<Path> filesToMirror(Path root) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        collect(root.toFile(), out);
        return out;
    }
''', '''
    List<Path> filesToMirror(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                       .filter(p -> !p.getFileName().toString().startsWith("."))
                       .collect(Collectors.toList());
        }
    }
''', PAD_B)),
            {'path': test('com/linecorp/centraldogma/server/mirror', 'LocalMirrorTest'), 'new': jfile(
         'com.linecorp.centraldogma.server.mirror',
         ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.nio.file.Files', 'java.nio.file.Path', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir'],
         'class LocalMirrorTest', '''
    @TempDir
    Path root;

    @Test
    void skipsHiddenFiles() throws Exception {
        Files.writeString(root.resolve("a.json"), "{}");
        Files.writeString(root.resolve(".git"), "x");
        long all = Files.walk(root).filter(Files::isRegularFile).count();
        assertEquals(2, all);
        assertEquals(1, new LocalMirror().filesToMirror(root).size());
    }
''')}])

case('java-ok-03-dns-refresh-lambda-catches-everything', 'https://github.com/nhenneaux/resilient-httpclient/issues/38',
     'the DNS refresh is scheduled through a lambda that calls a method wrapping the work in catch (Exception | Error) without rethrowing; the schedule survives a failure',
     files=[{'path': src('com/github/nhenneaux/resilienthttpclient/singlehostclient', 'HttpClientPool'), 'new': jfile(
         'com.github.nhenneaux.resilienthttpclient.singlehostclient',
         ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger'],
         'public class HttpClientPool', '''
    private static final Logger LOGGER = Logger.getLogger(HttpClientPool.class.getName());
    private final ScheduledExecutorService scheduler;
    private final DnsLookup dns;

    public HttpClientPool(ScheduledExecutorService scheduler, DnsLookup dns, long periodSeconds) {
        this.scheduler = scheduler;
        this.dns = dns;
        scheduler.scheduleAtFixedRate(this::refreshWrappedInTryCatch, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private void refreshWrappedInTryCatch() {
        try {
            refresh();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Exception | Error e) {
            LOGGER.log(Level.SEVERE, "DNS refresh failed; it will run again at the next period", e);
        }
    }
''')}])

case('java-ok-04-interrupted-exception-propagated', 'https://github.com/pivovarit/parallel-collectors/pull/478',
     'the method declares InterruptedException and lets it propagate after cancelling the pending futures; nothing is swallowed',
     path=src('com/pivovarit/collectors', 'Dispatcher'), **mod('com.pivovarit.collectors',
     ['java.util.List', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutionException'],
     'final class Dispatcher<T>', '''
    private final String name = "dispatcher";
''', '''
    List<T> join(List<CompletableFuture<T>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }
''', '''
    List<T> join(List<CompletableFuture<T>> futures) throws InterruptedException, ExecutionException {
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).get();
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
''', PAD_B))

case('java-ok-05-media-connection-both-timeouts', 'https://github.com/sonyxperiadev/MultimediaForAndroidLibrary/issues/7',
     'the media connection sets connect and read timeouts (the read timeout raised to 15 s, as the thread asks)',
     path=src('com/sonymobile/android/media/internal', 'HttpBufferedDataSource'), **mod('com.sonymobile.android.media.internal',
     ['java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL'],
     'public class HttpBufferedDataSource', '''
    private HttpURLConnection connection;
    private final String name = "http";
''', '''
    private void openHttpConnection(URL url, long offset) throws IOException {
        connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        connection.setRequestProperty("Range", "bytes=" + offset + "-");
        connection.connect();
    }
''', '''
    private void openHttpConnection(URL url, long offset) throws IOException {
        connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(15000);
        connection.setRequestProperty("Range", "bytes=" + offset + "-");
        connection.connect();
    }
''', PAD_B))

case('java-ok-06-suspend-removes-in-finally', 'https://github.com/domaframework/doma/pull/1122',
     'the per-thread transaction context is removed with remove() in the finally of suspend; the value is kept in a local for the caller',
     path=src('org/seasar/doma/jdbc/tx', 'LocalTransaction'), **mod('org.seasar.doma.jdbc.tx',
     [],
     'public class LocalTransaction', '''
    private final ThreadLocal<LocalTransactionContext> localTxContextHolder = new ThreadLocal<>();
    private final String name = "local";
''', '''
    public void begin() {
        localTxContextHolder.set(new LocalTransactionContext(dataSource.getConnection()));
    }
''', '''
    public void begin() {
        localTxContextHolder.set(new LocalTransactionContext(dataSource.getConnection()));
    }

    public LocalTransactionContext suspend() {
        LocalTransactionContext ctx = localTxContextHolder.get();
        try {
            ctx.suspend();
            return ctx;
        } finally {
            localTxContextHolder.remove();
        }
    }
''', PAD_B))

case('java-ok-07-http-response-consumed-and-closed', 'https://github.com/apache/olingo-odata4/pull/3',
     'the CloseableHttpResponse is held in try-with-resources and its entity consumed, so the connection goes back to the pool on every status',
     path=src('org/apache/olingo/client/core/communication/request', 'MetadataProbe'), **mod('org.apache.olingo.client.core.communication.request',
     ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.util.EntityUtils'],
     'public class MetadataProbe', '''
    private final CloseableHttpClient client;
    private final String name = "probe";
''', '''
    public boolean reachable(String serviceRoot) throws IOException {
        return serviceRoot != null;
    }
''', '''
    public boolean reachable(String serviceRoot) throws IOException {
        HttpGet get = new HttpGet(serviceRoot + "/$metadata");
        try (CloseableHttpResponse resp = client.execute(get)) {
            EntityUtils.consume(resp.getEntity());
            return resp.getStatusLine().getStatusCode() == 200;
        }
    }
''', PAD_B))

case('java-ok-08-shared-executor-owned-by-service', 'https://github.com/NCEAS/metacat/issues/1442',
     'the replicate handler hands work to one executor owned by a long-lived service (created once, shut down by the service), not one per request',
     path=src('edu/ucsb/nceas/metacat/restservice/v2', 'MNResourceHandler'), **mod('edu.ucsb.nceas.metacat.restservice.v2',
     ['java.util.concurrent.ExecutorService'],
     'public class MNResourceHandler', '''
    private final String name = "mn";
''', '''
    protected void replicate(String pid, String sourceNode) {
        replicationService.replicate(pid, sourceNode);
    }
''', '''
    protected void replicate(String pid, String sourceNode) {
        ExecutorService executor = ReplicationService.getInstance().executor();
        executor.execute(() -> replicationService.replicate(pid, sourceNode));
        response.setStatus(202);
    }
''', PAD_B))

case('java-ok-09-artifact-stream-try-with-resources', 'https://github.com/gocd/gocd/pull/1745',
     'the artifact stream is opened in a try-with-resources header, so the checksum path closes it whatever happens',
     path=src('com/thoughtworks/go/server/service', 'ArtifactsService'), **mod('com.thoughtworks.go.server.service',
     ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'org.apache.commons.codec.digest.DigestUtils'],
     'public class ArtifactsService', '''
    private final String name = "artifacts";
''', '''
    public String md5Of(File artifact) throws IOException {
        InputStream in = new FileInputStream(artifact);
        try {
            return DigestUtils.md5Hex(in);
        } catch (IOException e) {
            throw new ArtifactException("cannot checksum " + artifact, e);
        } finally {
            in.close();
        }
    }
''', '''
    public String md5Of(File artifact) throws IOException {
        try (InputStream in = new FileInputStream(artifact)) {
            return DigestUtils.md5Hex(in);
        } catch (IOException e) {
            throw new ArtifactException("cannot checksum " + artifact, e);
        }
    }
''', PAD_B))

case('java-ok-10-batch-rollback-rethrow-restore-autocommit', 'https://github.com/jdbi/jdbi/pull/123',
     'auto-commit off, commit at the end of the try, rollback in a catch that rethrows, auto-commit restored in finally (the checklist\'s good shape)',
     path=src('org/skife/jdbi/v2', 'BatchWriter'), **mod('org.skife.jdbi.v2',
     ['java.sql.Connection', 'java.sql.SQLException', 'java.util.List', 'javax.sql.DataSource'],
     'public class BatchWriter', '''
    private final DataSource ds;
    private final String name = "batch";
''', '''
    public void write(List<Row> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (Row r : rows) {
                insert(c, r);
            }
        }
    }
''', '''
    public void write(List<Row> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Row r : rows) {
                    insert(c, r);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
''', PAD_B))

case('java-ok-11-scheduled-through-guard-wrapper', 'https://github.com/thingsboard/thingsboard/pull/11689',
     'the periodic check is scheduled through a small guard (same class) that catches Throwable except VirtualMachineError, logs and counts',
     files=[{'path': src('org/thingsboard/server/service/update', 'DefaultUpdateService'), 'new': jfile(
         'org.thingsboard.server.service.update',
         ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
         'public class DefaultUpdateService', '''
    private static final Logger log = LoggerFactory.getLogger(DefaultUpdateService.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong failures = new AtomicLong();
    private final UpdateClient client;
    private volatile UpdateMessage latest;

    public DefaultUpdateService(UpdateClient client) {
        this.client = client;
    }

    public void init() {
        scheduler.scheduleAtFixedRate(guarded("update-check", () -> latest = client.checkForUpdates()), 0, 1, TimeUnit.HOURS);
    }

    private Runnable guarded(String job, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                failures.incrementAndGet();
                log.error("scheduled job {} failed; it will run again", job, t);
            }
        };
    }
''')}])

case('java-ok-12-catch-up-restores-and-stops', 'https://github.com/apache/iotdb/issues/5876',
     'an InterruptedException while waiting to retry restores the interrupt flag and stops the task',
     path=src('org/apache/iotdb/cluster/log/catchup', 'CatchUpTask'), **mod('org.apache.iotdb.cluster.log.catchup',
     ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
     'public class CatchUpTask implements Runnable', '''
    private static final Logger logger = LoggerFactory.getLogger(CatchUpTask.class);
    private final String name = "catch-up";
''', '''
    @Override
    public void run() {
        if (!checkMatchIndex()) {
            logger.warn("{}: cannot find a matching index", name);
            return;
        }
        doCatchUp();
    }
''', '''
    @Override
    public void run() {
        int attempts = 0;
        while (!checkMatchIndex() && attempts++ < MAX_ATTEMPTS) {
            try {
                Thread.sleep(RETRY_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                logger.info("{}: interrupted, giving up the catch-up", name);
                return;
            }
        }
        doCatchUp();
    }
''', PAD_B))

case('java-ok-13-per-host-detail-at-fine-guarded', 'https://github.com/vespa-engine/vespa/pull/11674',
     'per-host detail is logged at FINE behind isLoggable (free when off); one INFO summary per cluster after the loop',
     path=src('com/yahoo/vespa/model', 'HostAllocator'), **mod('com.yahoo.vespa.model',
     ['java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger'],
     'public class HostAllocator', '''
    private static final Logger log = Logger.getLogger(HostAllocator.class.getName());
    private final String name = "hosts";
''', '''
    void allocate(List<Cluster> clusters) {
        for (Cluster c : clusters) {
            for (Host h : c.hosts()) {
                reserve(c, h);
            }
        }
    }
''', '''
    void allocate(List<Cluster> clusters) {
        for (Cluster c : clusters) {
            for (Host h : c.hosts()) {
                if (log.isLoggable(Level.FINE)) {
                    log.fine("Allocating host " + h.hostname() + " to cluster " + c.id());
                }
                reserve(c, h);
            }
            log.info(() -> "Allocated " + c.hosts().size() + " hosts to cluster " + c.id());
        }
    }
''', PAD_B))

case('java-ok-14-filter-mdc-put-closeable', 'https://github.com/Commonjava/indy/pull/603',
     'the request id filter puts the ids with MDC.putCloseable in a try-with-resources header around the chain, so both are removed on every path',
     files=[{'path': src('org/commonjava/indy/bind/jaxrs', 'RequestIdFilter'), 'new': jfile(
         'org.commonjava.indy.bind.jaxrs',
         ['java.io.IOException', 'java.util.UUID', 'javax.servlet.Filter', 'javax.servlet.FilterChain', 'javax.servlet.ServletException',
          'javax.servlet.ServletRequest', 'javax.servlet.ServletResponse', 'javax.servlet.http.HttpServletRequest', 'org.slf4j.MDC'],
         'public class RequestIdFilter implements Filter', '''
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest hsr = (HttpServletRequest) req;
        String internalId = UUID.randomUUID().toString();
        String externalId = hsr.getHeader("X-Request-Id");
        try (MDC.MDCCloseable a = MDC.putCloseable("internal-id", internalId);
             MDC.MDCCloseable b = MDC.putCloseable("preferred-id", externalId != null ? externalId : internalId)) {
            chain.doFilter(req, res);
        }
    }
''')}])


# ---------------------------------------------------------------- test files travelling with the change
# Ordinary test code added beside the production change (several do resource handling that would be a defect in
# production code: the review skips test files by default, so none carries an expectation).
def with_test(name_prefix, path, text):
    c = [c for c in CASES if c['name'].startswith(name_prefix)][0]
    if 'files' not in c:
        f = {k: c.pop(k) for k in ('path', 'new', 'old', 'rename_from', 'full') if k in c}
        c['files'] = [f]
    c['files'].append({'path': path, 'new': text})


with_test('java-01-', test('org/wso2/andes/store', 'QueueDaoTest'), jfile('org.wso2.andes.store',
    ['static org.junit.jupiter.api.Assertions.assertFalse', 'java.sql.Connection', 'java.sql.ResultSet', 'org.junit.jupiter.api.Test'],
    'class QueueDaoTest', '''
    @Test
    void purgeRemovesMessages() throws Exception {
        QueueDao dao = new QueueDao(TestDb.dataSource());
        dao.purgeQueue("orders");
        Connection c = TestDb.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM messages WHERE queue = 'orders'");
        assertFalse(rs.next());
    }
'''))

with_test('java-06-', test('com/linecorp/centraldogma/server/mirror', 'LocalMirrorTest'), jfile('com.linecorp.centraldogma.server.mirror',
    ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.nio.file.Files', 'java.nio.file.Path', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir'],
    'class LocalMirrorTest', '''
    @TempDir
    Path root;

    @Test
    void mirrorsVisibleFilesOnly() throws Exception {
        Files.writeString(root.resolve("a.json"), "{}");
        Files.writeString(root.resolve(".hidden"), "x");
        assertEquals(1, new LocalMirror().filesToMirror(root).size());
    }
'''))

with_test('java-22-', test('edu/ucsb/nceas/metacat/restservice/v2', 'MNResourceHandlerTest'), jfile('edu.ucsb.nceas.metacat.restservice.v2',
    ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit', 'org.junit.jupiter.api.Test'],
    'class MNResourceHandlerTest', '''
    @Test
    void replicateAnswersAccepted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        MNResourceHandler handler = new MNResourceHandler(new FakeResponse());
        pool.submit(() -> handler.replicate("pid-1", "urn:node:A")).get(5, TimeUnit.SECONDS);
    }
'''))

with_test('java-30-', test('org/seasar/doma/jdbc/tx', 'LocalTransactionTest'), jfile('org.seasar.doma.jdbc.tx',
    ['static org.junit.jupiter.api.Assertions.assertNotNull', 'org.junit.jupiter.api.Test'],
    'class LocalTransactionTest', '''
    private static final ThreadLocal<String> MARK = new ThreadLocal<>();

    @Test
    void beginThenCommit() throws Exception {
        MARK.set("test");
        LocalTransaction tx = new LocalTransaction(TestDataSource.create());
        tx.begin();
        tx.commit();
        assertNotNull(MARK.get());
    }
'''))

with_test('java-36-', test('javax/swing', 'IconLoaderTest'), jfile('javax.swing',
    ['static org.junit.jupiter.api.Assertions.assertEquals', 'java.awt.MediaTracker', 'org.junit.jupiter.api.Test'],
    'class IconLoaderTest', '''
    @Test
    void completeImageReportsComplete() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            // not interrupted in this test
        }
        assertEquals(MediaTracker.COMPLETE, new IconLoader().loadImage(TestImages.solid(4, 4), new MediaTracker(new JLabel()), 1));
    }
'''))

with_test('java-43-', test('org/thingsboard/server/service/update', 'DefaultUpdateServiceTest'), jfile('org.thingsboard.server.service.update',
    ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'org.junit.jupiter.api.Test'],
    'class DefaultUpdateServiceTest', '''
    @Test
    void initSchedulesAFirstCheck() throws Exception {
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        FakeUpdateClient client = new FakeUpdateClient();
        new DefaultUpdateService(client).init();
        probe.scheduleAtFixedRate(client::tick, 0, 10, TimeUnit.MILLISECONDS);
        client.awaitCalls(1);
    }
'''))

with_test('java-ok-10-', test('org/skife/jdbi/v2', 'BatchWriterTest'), jfile('org.skife.jdbi.v2',
    ['static org.junit.jupiter.api.Assertions.assertThrows', 'java.sql.Connection', 'java.sql.SQLException', 'java.util.List', 'org.junit.jupiter.api.Test'],
    'class BatchWriterTest', '''
    @Test
    void failedBatchIsRolledBack() throws Exception {
        BatchWriter w = new BatchWriter(TestDb.dataSource());
        assertThrows(SQLException.class, () -> w.write(List.of(Row.valid(), Row.duplicateKey())));
        Connection c = TestDb.dataSource().getConnection();
        c.setAutoCommit(false);
        c.createStatement().executeUpdate("DELETE FROM rows");
        c.commit();
    }
'''))
