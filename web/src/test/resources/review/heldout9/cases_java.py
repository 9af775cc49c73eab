"""Round-9 Java cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""
from cases_common import java, src, tst, f, edit

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def added_to(path, pkg, imports, klass, added, more_imports=(), crlf=False, rename_from=None):
    """An existing class (`klass` holds the line `    // <new members>`) that the change extends by `added`."""
    old = java(pkg, sorted(imports), klass.replace('    // <new members>\n', ''))
    new = java(pkg, sorted(set(imports) | set(more_imports)), klass.replace('    // <new members>\n', added.strip('\n') + '\n'))
    d = f(path, old=old, new=new, crlf=crlf)
    if rename_from:
        d['rename_from'] = rename_from
    return d


def moved(old_path, new_path, old_pkg, new_pkg, imports, klass, added, more_imports=()):
    """A class moved to another package by the change, which also extends it by `added`."""
    old = java(old_pkg, sorted(imports), klass.replace('    // <new members>\n', ''))
    new = java(new_pkg, sorted(set(imports) | set(more_imports)), klass.replace('    // <new members>\n', added.strip('\n') + '\n'))
    d = f(new_path, old=old, new=new)
    d['rename_from'] = old_path
    return d


def pom(deps):
    return ('<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
            '  <groupId>com.example</groupId>\n  <artifactId>service</artifactId>\n  <version>1.0.0</version>\n'
            '  <dependencies>\n' + ''.join(
                '    <dependency>\n      <groupId>%s</groupId>\n      <artifactId>%s</artifactId>\n      <version>%s</version>\n    </dependency>\n'
                % tuple(d.split(':')) for d in deps) + '  </dependencies>\n</project>\n')


# ============================================================== RES-01: JPA EntityManager
LOGSTORE = r'''
public class LogRecordStore {
    private final EntityManagerFactory emf;

    public LogRecordStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public void save(LogRecord rec) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(rec);
            em.getTransaction().commit();
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    // <new members>
}
'''
case('java-01-log-store-count-query-entity-manager-never-closed', 'https://github.com/flowable/flowable-engine/pull/486',
     'a log store moves to the jpa package (a rename with edits); the class, whose save closes its EntityManager in finally, gains a count query that creates an EntityManager and never closes it',
     files=[moved(src('org.openl.rules.ruleservice.storelogdata.db', 'LogRecordStore'), src('org.openl.rules.ruleservice.storelogdata.jpa', 'LogRecordStore'),
                  'org.openl.rules.ruleservice.storelogdata.db', 'org.openl.rules.ruleservice.storelogdata.jpa',
                  ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory'], LOGSTORE, r'''
    public long countSince(Instant since) {
        EntityManager em = emf.createEntityManager(); //@RES-01
        return em.createQuery("select count(r) from LogRecord r where r.createdAt >= :since", Long.class)
                .setParameter("since", since)
                .getSingleResult();
    }
''', more_imports=['java.time.Instant'])])

case('java-ok-01-log-store-count-in-try-with-resources', 'https://github.com/flowable/flowable-engine/pull/486',
     'clean: the count query opens the EntityManager (AutoCloseable since Jakarta Persistence 3.1) in try-with-resources',
     files=[added_to(src('org.openl.rules.ruleservice.storelogdata.db', 'LogRecordStore'), 'org.openl.rules.ruleservice.storelogdata.db',
                     ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory'], LOGSTORE, r'''
    public long countSince(Instant since) {
        try (EntityManager em = emf.createEntityManager()) {
            return em.createQuery("select count(r) from LogRecord r where r.createdAt >= :since", Long.class)
                    .setParameter("since", since)
                    .getSingleResult();
        }
    }
''', more_imports=['java.time.Instant'])])

case('java-02-unit-of-work-entity-manager-kept-in-thread-local', 'https://github.com/google/guice/issues/739',
     'a persistence provider creates an EntityManager per thread on first use, stores it in a ThreadLocal and never closes it nor removes it',
     files=[f(src('com.example.persist', 'EntityManagerProvider'), new=java('com.example.persist', ['jakarta.inject.Provider', 'jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory'], r'''
public final class EntityManagerProvider implements Provider<EntityManager> {
    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();
    private final EntityManagerFactory emf;

    public EntityManagerProvider(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public EntityManager get() {
        EntityManager em = CURRENT.get();
        if (em == null) {
            em = emf.createEntityManager(); //@RES-01
            CURRENT.set(em); //@CONC-04
        }
        return em;
    }
}
'''))])

# ============================================================== RES-01: NIO streams, properties, zip/jar
case('java-03-worker-storage-size-walk-stream-not-closed', 'https://github.com/Alluxio/alluxio/pull/14265',
     'a worker computes the size of its storage directory with Files.walk and a stream pipeline, never closing the stream (and its directory handles)',
     files=[f(src('alluxio.worker.block', 'StorageDirSize'), new=java('alluxio.worker.block', ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path'], r'''
final class StorageDirSize {
    private StorageDirSize() {
    }

    static long of(Path root) throws IOException {
        return Files.walk(root) //@RES-01
                .filter(Files::isRegularFile)
                .mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .sum();
    }
}
'''))])

case('java-04-plugin-finder-directory-stream-early-return', 'https://github.com/Konloch/bytecode-viewer/pull/365',
     'a plugin finder iterates a DirectoryStream and returns on the first match without ever closing the stream',
     files=[f(src('the.bytecode.club.bytecodeviewer.plugin', 'PluginFinder'), new=java('the.bytecode.club.bytecodeviewer.plugin', ['java.io.IOException', 'java.nio.file.DirectoryStream', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Optional'], r'''
public final class PluginFinder {
    private final Path pluginDir;

    public PluginFinder(Path pluginDir) {
        this.pluginDir = pluginDir;
    }

    public Optional<Path> find(String name) throws IOException {
        DirectoryStream<Path> entries = Files.newDirectoryStream(pluginDir, "*.{jar,js,py}"); //@RES-01
        for (Path p : entries) {
            String file = p.getFileName().toString();
            if (file.substring(0, file.lastIndexOf('.')).equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
'''))])

case('java-ok-02-index-dirs-walk-in-try-with-resources', 'https://github.com/Alluxio/alluxio/pull/14265',
     'clean: a record-based index helper lists directories with Files.walk inside try-with-resources and returns a collected list',
     files=[f(src('alluxio.master.journal', 'JournalDirs'), new=java('alluxio.master.journal', ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Stream'], r'''
public record JournalDirs(Path root, int maxDepth) {
    public List<Path> checkpoints() throws IOException {
        try (Stream<Path> paths = Files.walk(root, maxDepth)) {
            return paths.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("checkpoint-"))
                    .sorted()
                    .toList();
        }
    }
}
'''))])

case('java-05-analysis-config-load-skips-close-on-error', 'https://github.com/jd-opensource/sql-analysis/pull/11',
     'a configuration loader reads a classpath properties file and closes the stream after load: an exception from load leaves it open',
     files=[f(src('com.jd.sql.analysis.config', 'AnalysisConfig'), new=java('com.jd.sql.analysis.config', ['java.io.IOException', 'java.io.InputStream', 'java.util.Properties'], r'''
public final class AnalysisConfig {
    private final Properties props = new Properties();

    public static AnalysisConfig load(String resource) throws IOException {
        AnalysisConfig cfg = new AnalysisConfig();
        InputStream in = AnalysisConfig.class.getClassLoader().getResourceAsStream(resource); //@RES-01
        if (in == null) {
            throw new IOException("missing " + resource);
        }
        cfg.props.load(in);
        in.close();
        return cfg;
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }
}
'''))])

case('java-06-property-provider-reads-files-never-closes', 'https://github.com/qatools/properties/issues/42',
     'a property provider loads every configured file through a FileInputStream passed straight to Properties.load, never closing any of them',
     files=[f(src('ru.qatools.properties.providers', 'FilePropertyProvider'), new=java('ru.qatools.properties.providers', ['java.io.FileInputStream', 'java.io.IOException', 'java.util.List', 'java.util.Properties'], r'''
public class FilePropertyProvider {
    private final List<String> paths;

    public FilePropertyProvider(List<String> paths) {
        this.paths = paths;
    }

    public Properties provide() throws IOException {
        Properties result = new Properties();
        for (String path : paths) {
            result.load(new FileInputStream(path)); //@RES-01
        }
        return result;
    }
}
'''))])

case('java-ok-03-graph-config-properties-in-try-with-resources', 'https://github.com/GIScience/openrouteservice/pull/110',
     'clean: the graph configuration reads its properties file with var in try-with-resources',
     files=[f(src('org.heigit.ors.config', 'GraphConfigLoader'), new=java('org.heigit.ors.config', ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Properties'], r'''
public final class GraphConfigLoader {
    private GraphConfigLoader() {
    }

    public static Properties load(Path file) throws IOException {
        var props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }
}
'''))])

case('java-07-archive-factory-zip-file-leaks-on-import-failure', 'https://github.com/shrinkwrap/shrinkwrap/pull/102',
     'an archive factory opens a ZipFile and imports from it; the ZipFile is never closed, on success or when the import throws',
     files=[f(src('org.jboss.shrinkwrap.api', 'ArchiveImports'), new=java('org.jboss.shrinkwrap.api', ['java.io.File', 'java.io.IOException', 'java.util.zip.ZipFile'], r'''
public final class ArchiveImports {
    private ArchiveImports() {
    }

    public static <T extends Archive<T>> T fromZip(Class<T> type, File archiveFile) {
        final ZipFile zipFile;
        try {
            zipFile = new ZipFile(archiveFile); //@RES-01
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not open " + archiveFile, e);
        }
        return ShrinkWrap.create(type, archiveFile.getName()).as(ZipImporter.class).importFrom(zipFile).as(type);
    }
}
'''))])

case('java-08-signature-checker-jar-entries-never-closed', 'https://github.com/mojohaus/animal-sniffer/pull/52',
     'a class-file visitor walks the entries of a JarFile and never closes it',
     files=[f(src('org.codehaus.mojo.animal_sniffer', 'ClassFileVisitor'), new=java('org.codehaus.mojo.animal_sniffer', ['java.io.File', 'java.io.IOException', 'java.io.InputStream', 'java.util.Enumeration', 'java.util.jar.JarEntry', 'java.util.jar.JarFile'], r'''
public abstract class ClassFileVisitor {
    protected abstract void process(String name, InputStream image) throws IOException;

    public void processJarFile(File file) throws IOException {
        JarFile jar = new JarFile(file); //@RES-01
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().endsWith(".class")) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                process(entry.getName(), in);
            }
        }
    }
}
'''))])

case('java-09-plugin-version-read-from-unclosed-jar', 'https://github.com/andune/HomeSpawnPlus/pull/7',
     'a plugin reads its build number from the manifest of a JarFile opened inline in one expression and never stored, so it is never closed',
     files=[f(src('com.andune.minecraft.hsp', 'BuildInfo'), new=java('com.andune.minecraft.hsp', ['java.io.File', 'java.io.IOException', 'java.util.jar.JarFile'], r'''
public final class BuildInfo {
    private final File pluginJar;

    public BuildInfo(File pluginJar) {
        this.pluginJar = pluginJar;
    }

    public String buildNumber() throws IOException {
        return new JarFile(pluginJar).getManifest().getMainAttributes().getValue("Implementation-Build"); //@RES-01
    }
}
'''))])

case('java-ok-04-nested-jar-owned-and-closed-in-close', 'https://github.com/spring-projects/spring-boot/issues/17123',
     'clean: an archive class opens its JarFile in the constructor, closes it there if reading the index fails, and otherwise owns it until its own close()',
     files=[f(src('org.springframework.boot.loader', 'IndexedArchive'), new=java('org.springframework.boot.loader', ['java.io.Closeable', 'java.io.File', 'java.io.IOException', 'java.util.List', 'java.util.jar.JarFile'], r'''
public final class IndexedArchive implements Closeable {
    private final JarFile jar;
    private final List<String> classpathIndex;

    public IndexedArchive(File file) throws IOException {
        JarFile opened = new JarFile(file);
        try {
            this.classpathIndex = ClasspathIndex.read(opened);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        this.jar = opened;
    }

    public List<String> classpathIndex() {
        return classpathIndex;
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}
'''))])

# ============================================================== RES-01: Jackson parsers
case('java-10-event-parser-creates-json-parser-per-line', 'https://github.com/mozilla-services/foxsec-pipeline/pull/299',
     'an event parser creates a Jackson JsonParser for each log line, reads a few fields and never closes it',
     files=[f(src('com.mozilla.secops.parser', 'EventFieldReader'), new=java('com.mozilla.secops.parser', ['com.fasterxml.jackson.core.JsonFactory', 'com.fasterxml.jackson.core.JsonParser', 'com.fasterxml.jackson.core.JsonToken', 'java.io.IOException', 'java.util.HashMap', 'java.util.Map', 'java.util.Set'], r'''
public class EventFieldReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Set<String> wanted;

    public EventFieldReader(Set<String> wanted) {
        this.wanted = wanted;
    }

    public Map<String, String> read(String line) throws IOException {
        Map<String, String> out = new HashMap<>();
        JsonParser p = FACTORY.createParser(line); //@RES-01
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (wanted.contains(name) && p.currentToken().isScalarValue()) {
                out.put(name, p.getValueAsString());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }
}
'''))])

case('java-ok-05-loader-parser-in-try-with-resources', 'https://github.com/apache/drill/pull/2678',
     'clean: a JSON loader opens its parser over a stream it does not own in try-with-resources, with AUTO_CLOSE_SOURCE disabled so the caller keeps the stream',
     files=[f(src('org.apache.drill.exec.store.easy.json', 'JsonHeaderReader'), new=java('org.apache.drill.exec.store.easy.json', ['com.fasterxml.jackson.core.JsonFactory', 'com.fasterxml.jackson.core.JsonParser', 'com.fasterxml.jackson.core.JsonToken', 'java.io.IOException', 'java.io.InputStream', 'java.util.ArrayList', 'java.util.List'], r'''
public final class JsonHeaderReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    public List<String> topLevelFields(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return names;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return names;
    }
}
'''))])

# ============================================================== HTTP clients: TMO-01 / RES-02 (JDK, Apache HttpClient 5, OkHttp)
WIKI = r'''
public class WikiApiClient {
    private final URI endpoint;
    // <new members>
}
'''
case('java-11-wiki-client-jdk-http-without-timeouts', 'https://github.com/MER-C/wiki-java/issues/180',
     'a wiki API client moves to the JDK HttpClient, built without a connect timeout and sending requests without a request timeout',
     files=[added_to(src('org.wikipedia', 'WikiApiClient'), 'org.wikipedia', ['java.net.URI'], WIKI, r'''
    private final HttpClient client = HttpClient.newBuilder() //@TMO-01
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public WikiApiClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    public String call(String query) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(endpoint.resolve("?" + query)) //@~TMO-01
                .header("User-Agent", "wiki-java")
                .GET()
                .build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
''', more_imports=['java.io.IOException', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse'])])

case('java-12-tuf-fetcher-input-stream-body-left-open-on-error', 'https://github.com/sigstore/sigstore-java/pull/281',
     'a metadata fetcher asks the JDK client for an InputStream body and throws on a non-200 status without closing the stream',
     files=[f(src('dev.sigstore.tuf', 'HttpFetcher'), new=java('dev.sigstore.tuf', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public class HttpFetcher {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public byte[] fetch(URI uri, int maxBytes) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (resp.statusCode() != 200) {
            throw new IOException("fetch " + uri + ": status " + resp.statusCode());
        }
        try (InputStream in = resp.body()) {
            return in.readNBytes(maxBytes);
        }
    }
}
'''))])

case('java-ok-06-driver-client-both-timeouts-string-body', 'https://github.com/SeleniumHQ/selenium/pull/12055',
     'clean: a driver client sets a connect timeout on the JDK client and a timeout on every request, and reads bodies as strings',
     files=[f(src('org.openqa.selenium.remote.http.jdk', 'JdkCommandClient'), new=java('org.openqa.selenium.remote.http.jdk', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public final class JdkCommandClient {
    private final HttpClient client;
    private final Duration readTimeout;

    public JdkCommandClient(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
    }

    public String post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        return resp.body();
    }
}
'''))])

case('java-13-rest-gateway-apache5-client-without-timeouts', 'https://github.com/gooddata/gooddata-java/issues/335',
     'a REST gateway builds its Apache HttpClient 5 with a pooling connection manager but no connect, socket or response timeout anywhere',
     files=[f(src('com.gooddata.sdk.common', 'GatewayHttpClientFactory'), new=java('com.gooddata.sdk.common', ['org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.client5.http.impl.classic.HttpClients', 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager', 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder'], r'''
public final class GatewayHttpClientFactory {
    private GatewayHttpClientFactory() {
    }

    public static CloseableHttpClient create(int maxConnections, String userAgent) {
        PoolingHttpClientConnectionManager cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        return HttpClients.custom() //@TMO-01
                .setConnectionManager(cm)
                .setUserAgent(userAgent)
                .build();
    }
}
''')),
            f('pom.xml', old=pom(['org.slf4j:slf4j-api:2.0.13']), new=pom(['org.slf4j:slf4j-api:2.0.13', 'org.apache.httpcomponents.client5:httpclient5:5.3.1']))])

SYNC = r'''
public class MatrixSyncClient {
    private final CloseableHttpClient http;
    private final String homeserver;

    public MatrixSyncClient(CloseableHttpClient http, String homeserver) {
        this.http = http;
        this.homeserver = homeserver;
    }

    // <new members>
}
'''
case('java-14-matrix-client-apache5-response-open-on-error-status', 'https://github.com/kamax-matrix/matrix-java-sdk/issues/30',
     'a Matrix client gains a whoami call that executes a classic Apache HttpClient 5 request and throws on an error status without closing the response',
     files=[added_to(src('io.kamax.matrix.client', 'MatrixSyncClient'), 'io.kamax.matrix.client', ['org.apache.hc.client5.http.impl.classic.CloseableHttpClient'], SYNC, r'''
    public String whoAmI(String token) throws IOException, ParseException {
        HttpGet get = new HttpGet(homeserver + "/_matrix/client/v3/account/whoami");
        get.setHeader("Authorization", "Bearer " + token);
        CloseableHttpResponse res = http.execute(get); //@RES-02
        if (res.getCode() != 200) {
            throw new MatrixClientRequestException("whoami failed: " + res.getCode());
        }
        String body = EntityUtils.toString(res.getEntity());
        res.close();
        return body;
    }
''', more_imports=['java.io.IOException', 'org.apache.hc.client5.http.classic.methods.HttpGet', 'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse', 'org.apache.hc.core5.http.ParseException', 'org.apache.hc.core5.http.io.entity.EntityUtils'])])

case('java-ok-07-matrix-client-response-handler-closes', 'https://github.com/kamax-matrix/matrix-java-sdk/issues/30',
     'clean: the whoami call uses the execute overload with a response handler, which consumes and releases the response on every path',
     files=[added_to(src('io.kamax.matrix.client', 'MatrixSyncClient'), 'io.kamax.matrix.client', ['org.apache.hc.client5.http.impl.classic.CloseableHttpClient'], SYNC, r'''
    public String whoAmI(String token) throws IOException {
        HttpGet get = new HttpGet(homeserver + "/_matrix/client/v3/account/whoami");
        get.setHeader("Authorization", "Bearer " + token);
        return http.execute(get, res -> {
            if (res.getCode() != 200) {
                throw new MatrixClientRequestException("whoami failed: " + res.getCode());
            }
            return EntityUtils.toString(res.getEntity());
        });
    }
''', more_imports=['java.io.IOException', 'org.apache.hc.client5.http.classic.methods.HttpGet', 'org.apache.hc.core5.http.io.entity.EntityUtils'])])

case('java-15-reviews-api-okhttp-body-closed-only-on-success', 'https://github.com/bazaarvoice/bv-android-sdk/issues/16',
     'a reviews API client closes the OkHttp response only after a successful parse; an unsuccessful status throws with the connection still held',
     files=[f(src('com.bazaarvoice.bvandroidsdk', 'ReviewsRequest'), new=java('com.bazaarvoice.bvandroidsdk', ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'], r'''
final class ReviewsRequest {
    private final OkHttpClient client;
    private final ReviewsParser parser;

    ReviewsRequest(OkHttpClient client, ReviewsParser parser) {
        this.client = client;
        this.parser = parser;
    }

    ReviewsPage load(String url) throws IOException {
        Response response = client.newCall(new Request.Builder().url(url).build()).execute(); //@RES-02
        if (!response.isSuccessful()) {
            throw new BazaarException("Unexpected status " + response.code() + " for " + url);
        }
        ReviewsPage page = parser.parse(response.body().string());
        response.close();
        return page;
    }
}
'''))])

case('java-ok-08-networking-okhttp-response-in-try-with-resources', 'https://github.com/amitshekhariitbhu/Fast-Android-Networking/issues/171',
     'clean: the OkHttp response is opened in try-with-resources; the error status throws inside it',
     files=[f(src('com.androidnetworking.internal', 'SynchronousCall'), new=java('com.androidnetworking.internal', ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'], r'''
public final class SynchronousCall {
    private final OkHttpClient client;

    public SynchronousCall(OkHttpClient client) {
        this.client = client;
    }

    public String get(String url) throws IOException {
        Request request = new Request.Builder().url(url).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " for " + url);
            }
            return response.body().string();
        }
    }
}
'''))])

# ============================================================== RabbitMQ channels, Kafka consumers, Lettuce connections
case('java-16-amqp-sender-connection-lost-when-channel-creation-fails', 'https://github.com/wso2/product-integrator-mi/issues/4413',
     'an AMQP sender borrows a connection from its pool and creates a channel; when createChannel throws, the borrowed connection is never returned',
     files=[f(src('org.apache.axis2.transport.rabbitmq', 'RabbitMQChannelFactory'), new=java('org.apache.axis2.transport.rabbitmq', ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException'], r'''
public class RabbitMQChannelFactory {
    private final RabbitMQConnectionPool pool;

    public RabbitMQChannelFactory(RabbitMQConnectionPool pool) {
        this.pool = pool;
    }

    public PooledChannel borrow(String factoryName) throws IOException {
        Connection connection = pool.borrowObject(factoryName); //@RES-01
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        return new PooledChannel(factoryName, connection, channel, pool);
    }
}
'''))])

case('java-17-rpc-publisher-opens-channel-per-message', 'https://github.com/rabbitmq/rabbitmq-java-client/issues/1168',
     'a publisher opens a new RabbitMQ channel for every message and never closes it',
     files=[f(src('com.example.notify', 'NotificationPublisher'), new=java('com.example.notify', ['com.rabbitmq.client.AMQP', 'com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException', 'java.nio.charset.StandardCharsets'], r'''
public class NotificationPublisher {
    private final Connection connection;
    private final String exchange;

    public NotificationPublisher(Connection connection, String exchange) {
        this.connection = connection;
        this.exchange = exchange;
    }

    public void publish(String routingKey, String json) throws IOException {
        Channel channel = connection.createChannel(); //@RES-01
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(exchange, routingKey, props, json.getBytes(StandardCharsets.UTF_8));
    }
}
'''))])

case('java-18-checkpoint-reads-offsets-with-unclosed-consumer', 'https://github.com/apache/hudi/pull/1303',
     'an offset checker builds a KafkaConsumer on every call to read end offsets and never closes it',
     files=[f(src('org.apache.hudi.utilities.sources.helpers', 'KafkaOffsetGen'), new=java('org.apache.hudi.utilities.sources.helpers', ['java.util.List', 'java.util.Map', 'java.util.Properties', 'java.util.stream.Collectors', 'org.apache.kafka.clients.consumer.KafkaConsumer', 'org.apache.kafka.common.TopicPartition', 'org.apache.kafka.common.serialization.ByteArrayDeserializer'], r'''
public class KafkaOffsetGen {
    private final Properties kafkaProps;
    private final String topic;

    public KafkaOffsetGen(Properties kafkaProps, String topic) {
        this.kafkaProps = kafkaProps;
        this.topic = topic;
    }

    public Map<TopicPartition, Long> latestOffsets() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafkaProps, new ByteArrayDeserializer(), new ByteArrayDeserializer()); //@RES-04|RES-01
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toList());
        return consumer.endOffsets(partitions);
    }
}
'''))])

case('java-19-availability-probe-consumer-per-check', 'https://github.com/microsoft/Availability-Monitor-for-Kafka/pull/15',
     'an availability probe creates a KafkaConsumer for every check and closes it only when the poll succeeds',
     files=[f(src('com.microsoft.kafkaavailability', 'ConsumerProbe'), new=java('com.microsoft.kafkaavailability', ['java.time.Duration', 'java.util.List', 'java.util.Properties', 'org.apache.kafka.clients.consumer.ConsumerRecords', 'org.apache.kafka.clients.consumer.KafkaConsumer'], r'''
public class ConsumerProbe {
    private final Properties props;

    public ConsumerProbe(Properties props) {
        this.props = props;
    }

    public boolean check(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props); //@RES-04|RES-01
        consumer.subscribe(List.of(topic));
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(5));
        boolean ok = !records.isEmpty();
        if (ok) {
            consumer.close();
        }
        return ok;
    }
}
'''))])

case('java-ok-09-lag-reporter-owns-consumer-closed-on-shutdown', 'https://github.com/microsoft/Availability-Monitor-for-Kafka/pull/15',
     'clean: a lag reporter creates its consumer once in the constructor and closes it in close(); each report reuses it',
     files=[f(src('com.microsoft.kafkaavailability', 'LagReporter'), new=java('com.microsoft.kafkaavailability', ['java.util.Collection', 'java.util.Map', 'java.util.Properties', 'org.apache.kafka.clients.consumer.KafkaConsumer', 'org.apache.kafka.common.TopicPartition'], r'''
public final class LagReporter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    public LagReporter(Properties props) {
        this.consumer = new KafkaConsumer<>(props);
    }

    public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
'''))])

case('java-20-feature-state-lettuce-connection-per-lookup', 'https://github.com/togglz/togglz/pull/1364',
     'a feature-state repository opens a Lettuce connection on every lookup and never closes it',
     files=[f(src('org.togglz.redis', 'LettuceStateRepository'), new=java('org.togglz.redis', ['io.lettuce.core.RedisClient', 'io.lettuce.core.api.StatefulRedisConnection', 'java.util.Map'], r'''
public class LettuceStateRepository {
    private final RedisClient client;
    private final String prefix;

    public LettuceStateRepository(RedisClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    public FeatureState getFeatureState(Feature feature) {
        StatefulRedisConnection<String, String> conn = client.connect(); //@RES-01|RES-04
        Map<String, String> fields = conn.sync().hgetall(prefix + feature.name());
        if (fields.isEmpty()) {
            return null;
        }
        return FeatureState.fromMap(feature, fields);
    }
}
'''))])

case('java-ok-10-rate-limiter-shares-one-lettuce-connection', 'https://github.com/jcustenborder/kafka-connect-redis/pull/35',
     'clean: a rate limiter connects once, keeps the thread-safe Lettuce connection in a field and closes connection and client in close()',
     files=[f(src('com.github.jcustenborder.kafka.connect.redis', 'RedisRateLimiter'), new=java('com.github.jcustenborder.kafka.connect.redis', ['io.lettuce.core.RedisClient', 'io.lettuce.core.api.StatefulRedisConnection'], r'''
public final class RedisRateLimiter implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final long limit;

    public RedisRateLimiter(String uri, long limit) {
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
        this.limit = limit;
    }

    public boolean tryAcquire(String key) {
        long count = connection.sync().incr(key);
        if (count == 1) {
            connection.sync().expire(key, 60);
        }
        return count <= limit;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
'''))])

# ============================================================== JDBC, JDBI, jOOQ, transactions
ACCT = r'''
public class AccountRecoveryDao {
    private final DataSource dataSource;

    public AccountRecoveryDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // <new members>
}
'''
case('java-21-recovery-dao-updates-without-rollback', 'https://github.com/wso2-extensions/identity-governance/pull/292',
     'a recovery DAO turns off auto-commit, runs two updates and commits; an exception after the first update neither rolls back nor restores the connection state before it goes back to the pool',
     files=[added_to(src('org.wso2.carbon.identity.recovery.store', 'AccountRecoveryDao'), 'org.wso2.carbon.identity.recovery.store', ['javax.sql.DataSource'], ACCT, r'''
    public void invalidateAndStore(String user, String code, String scenario) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@TX-01
            try (PreparedStatement del = c.prepareStatement(""" //@~TMO-01
                    DELETE FROM IDN_RECOVERY_DATA
                    WHERE USER_NAME = ? AND SCENARIO = ?
                    """);
                 PreparedStatement ins = c.prepareStatement("INSERT INTO IDN_RECOVERY_DATA (USER_NAME, CODE, SCENARIO, TIME_CREATED) VALUES (?, ?, ?, ?)")) { //@~TMO-01
                del.setString(1, user);
                del.setString(2, scenario);
                del.executeUpdate(); //@~TMO-01
                ins.setString(1, user);
                ins.setString(2, code);
                ins.setString(3, scenario);
                ins.setTimestamp(4, Timestamp.from(Instant.now()));
                ins.executeUpdate(); //@~TMO-01
            }
            c.commit();
        }
    }
''', more_imports=['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp', 'java.time.Instant'])])

case('java-22-tpcc-commit-helper-swallows-failure', 'https://github.com/AgilData/tpcc/issues/2',
     'a benchmark statement helper catches the SQLException of commit and only logs it, so every caller reports the transaction as committed',
     files=[f(src('com.codefutures.tpcc', 'TpccStatements'), new=java('com.codefutures.tpcc', ['java.sql.Connection', 'java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class TpccStatements {
    private static final Logger logger = LoggerFactory.getLogger(TpccStatements.class);
    private final Connection conn;

    public TpccStatements(Connection conn) {
        this.conn = conn;
    }

    public void commit() {
        try {
            conn.commit();
        } catch (SQLException e) { //@TX-02|ERR-01
            logger.error("commit failed", e);
        }
    }

    public void rollback() throws SQLException {
        conn.rollback();
    }
}
'''))])

case('java-23-session-interceptor-commit-failure-reported-as-success', 'https://github.com/fieldenms/tg/issues/2832',
     'a session interceptor commits the unit of work and, if commit throws, logs the failure and returns the method result as if it had committed',
     files=[f(src('ua.com.fielden.platform.dao.session', 'SessionInterceptor'), new=java('ua.com.fielden.platform.dao.session', ['org.aopalliance.intercept.MethodInterceptor', 'org.aopalliance.intercept.MethodInvocation', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger', 'org.hibernate.Session', 'org.hibernate.SessionFactory', 'org.hibernate.Transaction'], r'''
public class SessionInterceptor implements MethodInterceptor {
    private static final Logger LOGGER = LogManager.getLogger(SessionInterceptor.class);
    private final SessionFactory sessionFactory;

    public SessionInterceptor(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        try (Session session = sessionFactory.openSession()) {
            Transaction tr = session.beginTransaction();
            try {
                Object result = invocation.proceed();
                commitQuietly(tr);
                return result;
            } catch (Throwable t) {
                tr.rollback();
                throw t;
            }
        }
    }

    private static void commitQuietly(Transaction tr) {
        try {
            tr.commit();
        } catch (RuntimeException e) { //@TX-02|ERR-01
            LOGGER.error("Could not commit transaction.", e);
        }
    }
}
'''))])

case('java-ok-11-transfer-service-transactional-rollback-for-all', 'https://github.com/jhipster/generator-jhipster/pull/34175',
     'clean: a Spring service marks its method @Transactional(rollbackFor = Exception.class) and does not manage the transaction by hand',
     files=[f(src('com.example.bank.service', 'TransferService'), new=java('com.example.bank.service', ['java.math.BigDecimal', 'org.springframework.stereotype.Service', 'org.springframework.transaction.annotation.Transactional'], r'''
@Service
public class TransferService {
    private final AccountRepository accounts;
    private final LedgerClient ledger;

    public TransferService(AccountRepository accounts, LedgerClient ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @Transactional(rollbackFor = Exception.class)
    public void transfer(long from, long to, BigDecimal amount) throws InsufficientFundsException {
        Account source = accounts.findByIdForUpdate(from).orElseThrow();
        Account target = accounts.findByIdForUpdate(to).orElseThrow();
        if (source.balance().compareTo(amount) < 0) {
            throw new InsufficientFundsException(from, amount);
        }
        accounts.save(source.withdraw(amount));
        accounts.save(target.deposit(amount));
    }
}
'''))])

case('java-ok-12-outbox-writer-transaction-template', 'https://github.com/ebean-orm/ebean/issues/45',
     'clean: an outbox writer runs its two inserts through Spring\'s TransactionTemplate, which commits or rolls back on every path',
     files=[f(src('com.example.outbox', 'OutboxWriter'), new=java('com.example.outbox', ['org.springframework.jdbc.core.JdbcTemplate', 'org.springframework.transaction.support.TransactionTemplate'], r'''
public class OutboxWriter {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public OutboxWriter(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void write(OrderEvent event) {
        tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE orders SET state = ? WHERE id = ?", event.state().name(), event.orderId());
            jdbc.update("INSERT INTO outbox (aggregate_id, type, payload) VALUES (?, ?, ?::jsonb)",
                    event.orderId(), event.type(), event.toJson());
        });
    }
}
'''))])

case('java-24-jdbi-handle-bound-to-thread-cleared-only-on-success', 'https://github.com/ApolloFoundation/Apollo/pull/1190',
     'a JDBI handle manager opens a Handle, binds it to the thread and clears (and closes) it only after the work succeeds: an exception leaves the handle open and bound',
     files=[f(src('com.apollocurrency.aplwallet.apl.core.db', 'JdbiHandleScope'), new=java('com.apollocurrency.aplwallet.apl.core.db', ['java.util.function.Function', 'org.jdbi.v3.core.Handle', 'org.jdbi.v3.core.Jdbi'], r'''
public class JdbiHandleScope {
    private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();
    private final Jdbi jdbi;

    public JdbiHandleScope(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T inScope(Function<Handle, T> work) {
        Handle handle = jdbi.open(); //@RES-01
        CURRENT.set(handle); //@CONC-04
        T result = work.apply(handle);
        CURRENT.remove();
        handle.close();
        return result;
    }
}
'''))])

case('java-25-cost-summary-fetch-stream-cut-by-limit', 'https://github.com/finos/waltz/pull/7589',
     'a jOOQ DAO reads a lazy fetchStream and cuts it with limit(): the cursor and its pooled connection are released only when the stream is drained, so every limited call leaks one',
     files=[f(src('org.finos.waltz.data.cost', 'CostDao'), new=java('org.finos.waltz.data.cost', ['java.util.Set', 'java.util.stream.Collectors', 'org.jooq.DSLContext', 'org.jooq.Record', 'org.jooq.SelectConditionStep'], r'''
public class CostDao {
    private final DSLContext dsl;

    public CostDao(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Set<Cost> findTopCosts(long costKindId, int year, int limit) {
        SelectConditionStep<Record> qry = dsl.select()
                .from(COST)
                .where(COST.COST_KIND_ID.eq(costKindId).and(COST.YEAR.eq(year)));
        return qry.orderBy(COST.AMOUNT.desc())
                .fetchStream() //@RES-01
                .map(CostDao::toCost)
                .limit(limit)
                .collect(Collectors.toSet());
    }
}
'''))])

case('java-ok-13-descriptor-dao-fetch-optional-eager', 'https://github.com/USACE/cwms-data-api/pull/1672',
     'clean: the DAO reads one row with fetchOptional, which fetches eagerly and releases the cursor itself',
     files=[f(src('cwms.cda.data.dao', 'TimeSeriesDescriptorDao'), new=java('cwms.cda.data.dao', ['java.util.Optional', 'org.jooq.DSLContext'], r'''
public class TimeSeriesDescriptorDao {
    private final DSLContext dsl;

    public TimeSeriesDescriptorDao(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<TimeSeriesDescriptor> find(String office, String tsId) {
        return dsl.selectFrom(TS_VIEW)
                .where(TS_VIEW.CWMS_TS_ID.eq(tsId).and(TS_VIEW.DB_OFFICE_ID.eq(office.toUpperCase())))
                .orderBy(TS_VIEW.DB_OFFICE_ID, TS_VIEW.CWMS_TS_ID)
                .limit(1)
                .fetchOptional(TimeSeriesDescriptorDao::toDescriptor);
    }
}
'''))])

case('java-26-device-config-statement-closed-by-hand', 'https://github.com/eclipse-kura/kura/pull/605',
     'a device configuration store closes its PreparedStatement and ResultSet by hand after reading; an exception while reading leaks both',
     files=[f(src('org.eclipse.kura.core.db', 'DeviceConfigStore'), new=java('org.eclipse.kura.core.db', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.HashMap', 'java.util.Map'], r'''
public class DeviceConfigStore {
    private final Connection connection;

    public DeviceConfigStore(Connection connection) {
        this.connection = connection;
    }

    public Map<String, String> load(String deviceId) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("SELECT name, value FROM device_config WHERE device_id = ?"); //@RES-01
        ps.setString(1, deviceId);
        ResultSet rs = ps.executeQuery(); //@~RES-01,~TMO-01
        Map<String, String> out = new HashMap<>();
        while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
        }
        rs.close();
        ps.close();
        return out;
    }
}
'''))])

# ============================================================== Executors and threads: RES-04, CONC-01/06/07
case('java-27-http-client-factory-builds-executor-per-client', 'https://github.com/apereo/cas/pull/1465',
     'an HTTP client factory bean creates a fixed thread pool every time it builds a client and never shuts it down',
     files=[f(src('org.apereo.cas.util.http', 'SimpleHttpClientFactoryBean'), new=java('org.apereo.cas.util.http', ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'], r'''
public class SimpleHttpClientFactoryBean {
    private int threadsNumber = 200;

    public SimpleHttpClient getObject() {
        ExecutorService executor = Executors.newFixedThreadPool(threadsNumber); //@RES-04,~CONC-02
        return new SimpleHttpClient(buildHttpClient(), executor);
    }

    private org.apache.hc.client5.http.impl.classic.CloseableHttpClient buildHttpClient() {
        return HttpClientBuilders.standard();
    }

    public void setThreadsNumber(int threadsNumber) {
        this.threadsNumber = threadsNumber;
    }
}
'''))])

case('java-28-replication-handler-virtual-thread-executor-per-request', 'https://github.com/couchbase/couchbase-lite-android/pull/555',
     'a replication request handler creates a virtual-thread-per-task executor for every request, submits the fetches and returns without closing it',
     files=[f(src('com.couchbase.lite.replicator', 'BatchFetcher'), new=java('com.couchbase.lite.replicator', ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.Future'], r'''
public class BatchFetcher {
    private final RevisionSource source;

    public BatchFetcher(RevisionSource source) {
        this.source = source;
    }

    public List<Revision> fetchAll(List<String> docIds) throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor(); //@RES-04|RES-01
        List<Future<Revision>> futures = new ArrayList<>();
        for (String id : docIds) {
            futures.add(executor.submit(() -> source.fetch(id)));
        }
        List<Revision> out = new ArrayList<>(futures.size());
        for (Future<Revision> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
'''))])

case('java-ok-14-resolver-executor-field-shutdown-now-on-close', 'https://github.com/Netflix/eureka/pull/876',
     'clean: a resolver keeps one scheduled executor in a field (threads from a factory with an uncaught-exception handler) and shuts it down in shutdown()',
     files=[f(src('com.netflix.discovery.shared.resolver', 'AsyncResolver'), new=java('com.netflix.discovery.shared.resolver', ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class AsyncResolver implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(AsyncResolver.class);
    private final ScheduledExecutorService executor;

    public AsyncResolver(String name) {
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "AsyncResolver-" + name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> logger.error("resolver thread {} failed", th.getName(), e));
            return t;
        };
        this.executor = Executors.newSingleThreadScheduledExecutor(factory);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                logger.warn("resolver executor did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
'''))])

case('java-29-processor-submit-discards-future', 'https://github.com/Workiva/frugal/pull/943',
     'a request processor hands each request to an executor with submit and drops the returned Future, so an exception thrown by the handler vanishes',
     files=[f(src('com.workiva.frugal.server', 'FNatsServer'), new=java('com.workiva.frugal.server', ['java.util.concurrent.ExecutorService'], r'''
public class FNatsServer {
    private final ExecutorService workers;
    private final FProcessor processor;

    public FNatsServer(ExecutorService workers, FProcessor processor) {
        this.workers = workers;
        this.processor = processor;
    }

    void onMessage(Message msg) {
        workers.submit(() -> processor.process(msg.getData(), msg.getReplyTo())); //@CONC-06
    }
}
'''))])

case('java-30-dataset-loader-run-async-without-handler', 'https://github.com/keycloak/keycloak-benchmark/pull/849',
     'a dataset loader starts each creation task with CompletableFuture.runAsync and keeps none of the futures: a failed task is never reported',
     files=[f(src('org.keycloak.benchmark.dataset', 'DatasetLoader'), new=java('org.keycloak.benchmark.dataset', ['java.util.List', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor'], r'''
public class DatasetLoader {
    private final Executor executor;
    private final RealmWriter writer;

    public DatasetLoader(Executor executor, RealmWriter writer) {
        this.executor = executor;
        this.writer = writer;
    }

    public void createUsers(String realm, List<UserSpec> users) {
        for (UserSpec u : users) {
            CompletableFuture.runAsync(() -> writer.createUser(realm, u), executor); //@CONC-06
        }
    }
}
'''))])

case('java-ok-15-background-requests-execute-with-handler', 'https://github.com/tt-rss/tt-rss-android/pull/110',
     'clean: background API requests go through execute (no Future to drop) on an executor whose thread factory logs uncaught exceptions',
     files=[f(src('org.fox.ttrss.util', 'BackgroundRequests'), new=java('org.fox.ttrss.util', ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.logging.Level', 'java.util.logging.Logger'], r'''
public final class BackgroundRequests {
    private static final Logger LOG = Logger.getLogger(BackgroundRequests.class.getName());
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, r -> { //@~CONC-02
        Thread t = new Thread(r, "api-request");
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, "background request failed", e));
        return t;
    });

    private BackgroundRequests() {
    }

    public static void run(Runnable request) {
        EXECUTOR.execute(request);
    }
}
'''))])

case('java-31-optimizer-scheduler-fixed-delay-without-guard', 'https://github.com/apache/amoro/pull/1739',
     'an optimizer keeper schedules its expiry scan with scheduleWithFixedDelay and no catch: the first exception silently cancels every later run',
     files=[f(src('com.netease.arctic.ams.server', 'OptimizerKeeper'), new=java('com.netease.arctic.ams.server', ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class OptimizerKeeper {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OptimizerRegistry registry;
    private final long timeoutMs;

    public OptimizerKeeper(OptimizerRegistry registry, long timeoutMs) {
        this.registry = registry;
        this.timeoutMs = timeoutMs;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::expireStale, 10, 10, TimeUnit.SECONDS); //@CONC-07
    }

    private void expireStale() {
        long now = System.currentTimeMillis();
        for (Optimizer o : registry.all()) {
            if (now - o.lastHeartbeat() > timeoutMs) {
                registry.unregister(o.token());
            }
        }
    }
}
'''))])

case('java-32-cron-service-at-fixed-rate-lambda-unguarded', 'https://github.com/SORMAS-Foundation/SORMAS-Project/issues/7007',
     'a cron service schedules a cleanup lambda at a fixed rate; the lambda calls a repository that can throw and nothing catches it',
     files=[f(src('de.symeda.sormas.backend.common', 'CronService'), new=java('de.symeda.sormas.backend.common', ['java.time.Duration', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class CronService {
    private final ScheduledExecutorService scheduler;
    private final DocumentRepository documents;

    public CronService(ScheduledExecutorService scheduler, DocumentRepository documents) {
        this.scheduler = scheduler;
        this.documents = documents;
    }

    public void start(Duration every) {
        scheduler.scheduleAtFixedRate(() -> { //@CONC-07
            int removed = documents.deleteExpired(java.time.Instant.now());
            documents.recordCleanup(removed);
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
'''))])

case('java-ok-16-job-scheduler-wraps-every-run', 'https://github.com/playframework/play1/pull/1160',
     'clean: every periodic job is scheduled through a wrapper that catches Throwable (letting only VirtualMachineError through), logs and counts it',
     files=[f(src('play.jobs', 'JobScheduler'), new=java('play.jobs', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class JobScheduler {
    private static final Logger logger = LoggerFactory.getLogger(JobScheduler.class);
    private final ScheduledExecutorService executor;
    private final AtomicLong failures = new AtomicLong();

    public JobScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public ScheduledFuture<?> every(String name, long seconds, Runnable job) {
        return executor.scheduleWithFixedDelay(() -> runGuarded(name, job), seconds, seconds, TimeUnit.SECONDS);
    }

    private void runGuarded(String name, Runnable job) {
        try {
            job.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            failures.incrementAndGet();
            logger.error("job {} failed; it stays scheduled", name, t);
        }
    }
}
'''))])

case('java-33-task-runner-starts-raw-worker-threads', 'https://github.com/apache/gobblin/pull/13',
     'a task runner starts one raw Thread per work unit with no uncaught-exception handler: a failing task dies silently',
     files=[f(src('org.apache.gobblin.runtime', 'TaskRunner'), new=java('org.apache.gobblin.runtime', ['java.util.List'], r'''
public class TaskRunner {
    private final TaskStateTracker tracker;

    public TaskRunner(TaskStateTracker tracker) {
        this.tracker = tracker;
    }

    public void runAll(List<Task> tasks) {
        for (Task task : tasks) {
            Thread worker = new Thread(() -> { //@CONC-01
                task.run();
                tracker.onTaskCompletion(task);
            }, "task-" + task.getId());
            worker.start(); //@~CONC-01
        }
    }
}
'''))])

case('java-34-tracker-emitter-thread-started-from-method-reference', 'https://github.com/snowplow/snowplow-android-tracker/issues/394',
     'an event emitter starts its flush thread from a method reference with Thread.ofPlatform().start, without any uncaught-exception handler',
     files=[f(src('com.snowplowanalytics.core.emitter', 'Emitter'), new=java('com.snowplowanalytics.core.emitter', ['java.util.concurrent.atomic.AtomicBoolean'], r'''
public class Emitter {
    private final AtomicBoolean running = new AtomicBoolean();
    private final EventStore store;
    private final NetworkConnection network;

    public Emitter(EventStore store, NetworkConnection network) {
        this.store = store;
        this.network = network;
    }

    public void flush() {
        if (running.compareAndSet(false, true)) {
            Thread.ofPlatform().name("emitter-flush").start(this::attemptEmit); //@CONC-01
        }
    }

    private void attemptEmit() {
        try {
            while (store.size() > 0) {
                network.send(store.emittableEvents(50));
            }
        } finally {
            running.set(false);
        }
    }
}
'''))])

# ============================================================== CONC-05: interrupts
case('java-35-poa-lock-wait-swallows-interrupt-and-loops', 'https://github.com/eclipse-ee4j/orb/issues/11',
     'a lock acquisition loop catches InterruptedException, notes it in a local flag and waits again: the interrupt never stops the loop',
     files=[f(src('com.sun.corba.ee.impl.oa.poa', 'POALock'), new=java('com.sun.corba.ee.impl.oa.poa', ['java.util.concurrent.locks.Condition', 'java.util.concurrent.locks.ReentrantLock'], r'''
final class POALock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private boolean busy;

    void acquire() {
        lock.lock();
        try {
            boolean interrupted = false;
            while (busy) {
                try {
                    released.await();
                } catch (InterruptedException exc) { //@CONC-05
                    interrupted = true;
                }
            }
            busy = true;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            busy = false;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
'''))])

case('java-36-calculation-runner-wraps-interrupt-in-runtime-exception', 'https://github.com/OpenGamma/Strata/pull/1671',
     'a calculation runner waits for its results and turns an InterruptedException into an unchecked exception without restoring the interrupt flag',
     files=[f(src('com.opengamma.strata.calc.runner', 'ResultsCollector'), new=java('com.opengamma.strata.calc.runner', ['java.util.List', 'java.util.concurrent.CompletionService', 'java.util.concurrent.ExecutionException', 'java.util.ArrayList'], r'''
final class ResultsCollector {
    private final CompletionService<CalculationResult> completion;

    ResultsCollector(CompletionService<CalculationResult> completion) {
        this.completion = completion;
    }

    List<CalculationResult> collect(int expected) {
        List<CalculationResult> out = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            try {
                out.add(completion.take().get());
            } catch (InterruptedException ex) { //@CONC-05
                throw new IllegalStateException("calculation interrupted", ex);
            } catch (ExecutionException ex) {
                throw new IllegalStateException("calculation failed", ex.getCause());
            }
        }
        return out;
    }
}
'''))])

TRIGGER = r'''
@Service
public class ProgrammingTriggerService {
    private static final Logger log = LoggerFactory.getLogger(ProgrammingTriggerService.class);
    private final ContinuousIntegrationTriggerService ci;
    private final long batchWaitMs;

    public ProgrammingTriggerService(ContinuousIntegrationTriggerService ci, long batchWaitMs) {
        this.ci = ci;
        this.batchWaitMs = batchWaitMs;
    }

    // <new members>
}
'''
TRIGGER_IMPORTS = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.springframework.stereotype.Service']
case('java-37-build-trigger-restores-flag-but-keeps-looping', 'https://github.com/ls1intum/Artemis/pull/13754',
     'a build trigger paces its requests with Thread.sleep; the catch restores the interrupt flag but the loop goes on triggering builds',
     files=[added_to(src('de.tum.cit.aet.artemis.programming.service', 'ProgrammingTriggerService'), 'de.tum.cit.aet.artemis.programming.service', TRIGGER_IMPORTS, TRIGGER, r'''
    public void triggerAll(List<Long> participationIds, int batchSize) {
        for (int i = 0; i < participationIds.size(); i++) {
            if (i > 0 && i % batchSize == 0) {
                try {
                    Thread.sleep(batchWaitMs);
                } catch (InterruptedException ex) { //@CONC-05
                    Thread.currentThread().interrupt();
                    log.warn("pause between build batches interrupted");
                }
            }
            ci.triggerBuild(participationIds.get(i));
        }
    }
''', more_imports=['java.util.List'])])

case('java-ok-17-build-trigger-stops-when-interrupted', 'https://github.com/ls1intum/Artemis/pull/13754',
     'clean: the same pacing loop restores the interrupt flag and returns, triggering nothing more',
     files=[added_to(src('de.tum.cit.aet.artemis.programming.service', 'ProgrammingTriggerService'), 'de.tum.cit.aet.artemis.programming.service', TRIGGER_IMPORTS, TRIGGER, r'''
    public int triggerAll(List<Long> participationIds, int batchSize) {
        int triggered = 0;
        for (int i = 0; i < participationIds.size(); i++) {
            if (i > 0 && i % batchSize == 0) {
                try {
                    Thread.sleep(Duration.ofMillis(batchWaitMs));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    log.info("build triggering interrupted after {} builds", triggered);
                    return triggered;
                }
            }
            ci.triggerBuild(participationIds.get(i));
            triggered++;
        }
        return triggered;
    }
''', more_imports=['java.time.Duration', 'java.util.List'])])

# ============================================================== CONC-04: MDC and ThreadLocal
case('java-38-activity-task-handler-puts-mdc-never-removes', 'https://github.com/temporalio/sdk-java/issues/2314',
     'an activity task handler puts workflow identifiers into the MDC of a pooled worker thread and never removes them',
     files=[f(src('io.temporal.internal.activity', 'ActivityTaskHandlerImpl'), new=java('io.temporal.internal.activity', ['org.slf4j.MDC'], r'''
public final class ActivityTaskHandlerImpl {
    private final ActivityRegistry registry;

    public ActivityTaskHandlerImpl(ActivityRegistry registry) {
        this.registry = registry;
    }

    public Result handle(ActivityTask task) {
        MDC.put("WorkflowId", task.workflowId()); //@CONC-04
        MDC.put("ActivityType", task.activityType()); //@~CONC-04
        ActivityImplementation impl = registry.get(task.activityType());
        return impl.execute(task);
    }
}
''')),
            f(tst('io.temporal.internal.activity', 'ActivityTaskHandlerImplTest'), new=java('io.temporal.internal.activity', ['static org.junit.jupiter.api.Assertions.assertEquals', 'org.junit.jupiter.api.Test', 'org.slf4j.MDC'], r'''
class ActivityTaskHandlerImplTest {
    @Test
    void handlerSeesWorkflowIdInMdc() {
        ActivityTaskHandlerImpl handler = new ActivityTaskHandlerImpl(TestRegistry.echo());
        handler.handle(new ActivityTask("wf-1", "echo"));
        assertEquals("wf-1", MDC.get("WorkflowId"));
    }
}
'''))])

case('java-39-tracer-runnable-copies-mdc-without-cleanup', 'https://github.com/sofastack/sofa-tracer/pull/537',
     'a tracing Runnable wrapper copies the caller\'s MDC into the pool thread before running the task and never clears it afterwards',
     files=[f(src('com.alipay.common.tracer.core.async', 'SofaTracerRunnable'), new=java('com.alipay.common.tracer.core.async', ['java.util.Map', 'org.slf4j.MDC'], r'''
public class SofaTracerRunnable implements Runnable {
    private final Runnable wrapped;
    private final Map<String, String> callerContext;

    public SofaTracerRunnable(Runnable wrapped) {
        this.wrapped = wrapped;
        this.callerContext = MDC.getCopyOfContextMap();
    }

    @Override
    public void run() {
        if (callerContext != null) {
            MDC.setContextMap(callerContext); //@CONC-04
        }
        wrapped.run();
    }
}
'''))])

case('java-40-mdc-task-decorator-clears-before-task-runs', 'https://github.com/ballcat-projects/ballcat/pull/230',
     'a Spring TaskDecorator sets the MDC for the async task and clears it in a finally around the wrapping, before the task has even run',
     files=[f(src('org.ballcat.log.mdc', 'MdcTaskDecorator'), new=java('org.ballcat.log.mdc', ['java.util.Map', 'org.slf4j.MDC', 'org.springframework.core.task.TaskDecorator'], r'''
public class MdcTaskDecorator implements TaskDecorator {
    @Override
    public Runnable decorate(Runnable runnable) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            return () -> {
                if (context != null) {
                    MDC.setContextMap(context); //@CONC-04
                }
                runnable.run();
            };
        } finally {
            MDC.clear();
        }
    }
}
'''))])

CTX_FILTER = r'''
public class TokenContextFilter extends OncePerRequestFilter {
    private final TokenParser tokens;

    public TokenContextFilter(TokenParser tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TokenInfo info = tokens.parse(request.getHeader("Authorization"));
        ContextUtil.setUserId(info.userId()); //@CONC-04
        MDC.put("userId", String.valueOf(info.userId())); //@~CONC-04
        chain.doFilter(request, response);
        ContextUtil.remove();
        MDC.remove("userId");
    }
}
'''
CTX_IMPORTS = ['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException', 'org.slf4j.MDC', 'org.springframework.web.filter.OncePerRequestFilter']
case('java-41-token-filter-clears-context-after-chain-not-in-finally', 'https://github.com/dromara/lamp-cloud/pull/332',
     'a token filter sets the user id in a ThreadLocal context and the MDC and clears both after the chain, not in finally: an exception thrown by a handler leaves them on the thread',
     files=[f(src('top.tangyh.lamp.common.filter', 'TokenContextFilter'), new=java('top.tangyh.lamp.common.filter', CTX_IMPORTS, CTX_FILTER))])

case('java-ok-18-token-filter-clears-through-helper-in-finally', 'https://github.com/dromara/lamp-cloud/pull/332',
     'clean: the filter clears the request context in finally through a helper of another class (RequestContexts.clear removes the ThreadLocal and the MDC keys)',
     files=[f(src('top.tangyh.lamp.common.filter', 'TokenContextFilter'), new=java('top.tangyh.lamp.common.filter', [i for i in CTX_IMPORTS if i != 'org.slf4j.MDC'], r'''
public class TokenContextFilter extends OncePerRequestFilter {
    private final TokenParser tokens;

    public TokenContextFilter(TokenParser tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TokenInfo info = tokens.parse(request.getHeader("Authorization"));
        RequestContexts.bind(info.userId());
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContexts.clear();
        }
    }
}
''')),
            f(src('top.tangyh.lamp.common.filter', 'RequestContexts'), new=java('top.tangyh.lamp.common.filter', ['org.slf4j.MDC'], r'''
/** Binds the per-request user to the thread; every bind is paired with clear() in a finally. */
final class RequestContexts {
    private static final ThreadLocal<Long> USER = new ThreadLocal<>();

    private RequestContexts() {
    }

    static void bind(long userId) {
        USER.set(userId);
        MDC.put("userId", Long.toString(userId));
    }

    static Long userId() {
        return USER.get();
    }

    static void clear() {
        USER.remove();
        MDC.remove("userId");
    }
}
'''))])

case('java-ok-19-worker-mdc-put-closeable', 'https://github.com/temporalio/sdk-java/issues/2314',
     'clean: the task handler scopes its MDC entries with MDC.putCloseable in try-with-resources',
     files=[f(src('io.temporal.internal.worker', 'WorkflowTaskHandler'), new=java('io.temporal.internal.worker', ['org.slf4j.MDC'], r'''
public final class WorkflowTaskHandler {
    private final WorkflowRunner runner;

    public WorkflowTaskHandler(WorkflowRunner runner) {
        this.runner = runner;
    }

    public Result handle(WorkflowTask task) {
        try (MDC.MDCCloseable id = MDC.putCloseable("WorkflowId", task.workflowId());
             MDC.MDCCloseable type = MDC.putCloseable("WorkflowType", task.workflowType())) {
            return runner.run(task);
        }
    }
}
'''))])

# ============================================================== LOG-01 / LOG-02
RUIN = r'''
public final class RuinRandom implements RuinStrategy {
    private static final Logger logger = LogManager.getLogger(RuinRandom.class);
    private final Random random;
    private final double share;

    public RuinRandom(Random random, double share) {
        this.random = random;
        this.share = share;
    }

    @Override
    public Collection<Job> ruin(Collection<VehicleRoute> routes) {
        List<Job> unassigned = new ArrayList<>();
        for (VehicleRoute route : routes) {
            for (Job job : route.jobs()) {
                if (random.nextDouble() < share) {
                    route.remove(job);
                    unassigned.add(job);
                }
            }
        }
        return unassigned;
    }
}
'''
RUIN_IMPORTS = ['java.util.ArrayList', 'java.util.Collection', 'java.util.List', 'java.util.Random', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
case('java-42-ruin-strategy-traces-each-job-with-concatenation', 'https://github.com/graphhopper/jsprit/issues/173',
     'an edit of a ruin strategy\'s inner loop adds a trace line per removed job built with string concatenation (toString of route and job on every iteration, even with tracing off)',
     files=[f(src('com.graphhopper.jsprit.core.algorithm.ruin', 'RuinRandom'), old=java('com.graphhopper.jsprit.core.algorithm.ruin', RUIN_IMPORTS, RUIN),
              new=java('com.graphhopper.jsprit.core.algorithm.ruin', RUIN_IMPORTS, RUIN.replace('''                    route.remove(job);
''', '''                    route.remove(job);
                    logger.trace("ruin: job " + job + " removed from " + route); //@LOG-02|LOG-01
''')))])

case('java-43-aggregation-debug-concatenation-per-event', 'https://github.com/siddhi-io/siddhi/issues/992',
     'an incremental aggregation executor logs every processed event at debug level with string concatenation in its hot path',
     files=[f(src('io.siddhi.core.aggregation', 'IncrementalExecutor'), new=java('io.siddhi.core.aggregation', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class IncrementalExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalExecutor.class);
    private final BaseIncrementalValueStore store;

    public IncrementalExecutor(BaseIncrementalValueStore store) {
        this.store = store;
    }

    public void execute(ComplexEventChunk<StreamEvent> chunk) {
        while (chunk.hasNext()) {
            StreamEvent event = chunk.next();
            LOG.debug("Event dispatched by " + this + " for timestamp " + event.getTimestamp() + ": " + event); //@LOG-02|LOG-01
            store.process(event);
        }
    }
}
'''))])

case('java-44-queue-processor-info-per-expired-queue', 'https://github.com/swisspost/gateleen/pull/368',
     'a reduced-propagation manager logs at info level for every expired queue it processes, inside the loop over all queues',
     files=[f(src('org.swisspush.gateleen.hook.reducedpropagation', 'ExpiredQueueProcessor'), crlf=True, new=java('org.swisspush.gateleen.hook.reducedpropagation', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class ExpiredQueueProcessor {
    private static final Logger log = LoggerFactory.getLogger(ExpiredQueueProcessor.class);
    private final QueueClient queues;

    public ExpiredQueueProcessor(QueueClient queues) {
        this.queues = queues;
    }

    public void process(List<String> expiredQueues) {
        for (String queue : expiredQueues) {
            log.info("Going to perform a lockedEnqueue for (original) queue '{}' and start a new timer", queue); //@LOG-01
            queues.lockedEnqueue(queue);
        }
    }
}
'''))])

case('java-45-bigquery-sink-logs-every-record-in-put', 'https://github.com/wepay/kafka-connect-bigquery/pull/263',
     'a sink task logs each record of every put at info level before converting it',
     files=[f(src('com.wepay.kafka.connect.bigquery', 'BigQuerySinkTask'), new=java('com.wepay.kafka.connect.bigquery', ['java.util.Collection', 'org.apache.kafka.connect.sink.SinkRecord', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class BigQuerySinkTask {
    private static final Logger logger = LoggerFactory.getLogger(BigQuerySinkTask.class);
    private final RowBatcher batcher;

    public BigQuerySinkTask(RowBatcher batcher) {
        this.batcher = batcher;
    }

    public void put(Collection<SinkRecord> records) {
        for (SinkRecord r : records) {
            logger.info("Putting record topic={} partition={} offset={}", r.topic(), r.kafkaPartition(), r.kafkaOffset()); //@LOG-01
            batcher.add(switch (r.valueSchema() == null ? "none" : r.valueSchema().type().getName()) {
                case "struct" -> RowConverter.fromStruct(r);
                case "map" -> RowConverter.fromMap(r);
                default -> RowConverter.raw(r);
            });
        }
        batcher.flushIfFull();
    }
}
'''))])

case('java-46-schema-error-built-with-concatenation', 'https://github.com/gchq/Gaffer/issues/862',
     'a schema validator builds its error message by concatenation inside the log call',
     files=[f(src('uk.gov.gchq.gaffer.store.schema', 'SchemaTypeCheck'), new=java('uk.gov.gchq.gaffer.store.schema', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class SchemaTypeCheck {
    private static final Logger LOGGER = LoggerFactory.getLogger(SchemaTypeCheck.class);

    public boolean validate(Schema schema, String typeName, String idType) {
        if (schema.getType(typeName) == null) {
            LOGGER.error("No class type found for type definition " + typeName //@LOG-02
                    + " used by identifier " + idType + ". Please ensure it is defined in the schema.");
            return false;
        }
        return true;
    }
}
'''))])

case('java-ok-20-aggregation-debug-guarded-parameterised', 'https://github.com/siddhi-io/siddhi/issues/992',
     'clean: the per-event line is guarded by isDebugEnabled() read once before the loop and uses placeholders; one summary line per chunk',
     files=[f(src('io.siddhi.core.aggregation', 'IncrementalDataPurger'), new=java('io.siddhi.core.aggregation', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class IncrementalDataPurger {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalDataPurger.class);
    private final Table table;

    public IncrementalDataPurger(Table table) {
        this.table = table;
    }

    public void purge(ComplexEventChunk<StreamEvent> chunk) {
        boolean debug = LOG.isDebugEnabled();
        int purged = 0;
        while (chunk.hasNext()) {
            StreamEvent event = chunk.next();
            if (debug) {
                LOG.debug("purging event at {}", event.getTimestamp());
            }
            table.delete(event);
            purged++;
        }
        LOG.info("purged {} events from {}", purged, table.getName());
    }
}
'''))])

# ============================================================== DEP-02: deserialization
case('java-47-cluster-message-decoder-reads-any-object', 'https://github.com/find-sec-bugs/find-sec-bugs/pull/566',
     'a cluster message decoder deserializes the bytes of a network frame with a plain ObjectInputStream, typed as ObjectInput',
     files=[f(src('com.example.cluster', 'FrameDecoder'), new=java('com.example.cluster', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInput', 'java.io.ObjectInputStream'], r'''
public final class FrameDecoder {
    public ClusterMessage decode(byte[] frame) throws IOException {
        try (ObjectInput in = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            return (ClusterMessage) in.readObject(); //@DEP-02
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown message class", e);
        }
    }
}
''')),
            f(src('com.example.cluster', 'ClusterMessage'), new=java('com.example.cluster', ['java.io.Serializable'], r'''
public sealed interface ClusterMessage extends Serializable permits ClusterMessage.Join, ClusterMessage.Leave {
    record Join(String member, long incarnation) implements ClusterMessage {
    }

    record Leave(String member) implements ClusterMessage {
    }
}
''')),
            f('src/main/java/com/example/cluster/proto/FrameHeaderOuterClass.java', new='// Generated by the protocol buffer compiler.  DO NOT EDIT!\n// source: frame_header.proto\n\npackage com.example.cluster.proto;\n\npublic final class FrameHeaderOuterClass {\n  private FrameHeaderOuterClass() {}\n  public static java.io.ObjectInputStream open(java.io.InputStream in) throws java.io.IOException {\n    return new java.io.ObjectInputStream(in);\n  }\n}\n')])

case('java-48-remember-me-cookie-deserialized', 'https://github.com/find-sec-bugs/find-sec-bugs/issues/563',
     'a remember-me filter Base64-decodes a cookie and reads it back with ObjectInputStream.readObject',
     files=[f(src('com.example.auth', 'RememberMeCookies'), new=java('com.example.auth', ['jakarta.servlet.http.Cookie', 'java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.util.Base64', 'java.util.Optional'], r'''
public class RememberMeCookies {
    public Optional<RememberedUser> read(Cookie[] cookies) throws IOException, ClassNotFoundException {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if ("remember-me".equals(c.getName())) {
                byte[] raw = Base64.getUrlDecoder().decode(c.getValue());
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
                    return Optional.of((RememberedUser) in.readObject()); //@DEP-02
                }
            }
        }
        return Optional.empty();
    }
}
'''))])

case('java-ok-21-snapshot-reader-with-allowlist-filter', 'https://github.com/find-sec-bugs/find-sec-bugs/pull/566',
     'clean: a snapshot reader sets an allowlist ObjectInputFilter (JEP 290) on the stream before readObject',
     files=[f(src('com.example.cluster', 'SnapshotReader'), new=java('com.example.cluster', ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputFilter', 'java.io.ObjectInputStream'], r'''
public final class SnapshotReader {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "com.example.cluster.snapshot.*;java.util.*;java.lang.*;maxdepth=20;maxbytes=16777216;!*");

    public Snapshot read(InputStream source) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(source)) {
            in.setObjectInputFilter(FILTER);
            return (Snapshot) in.readObject();
        }
    }
}
'''))])

# ============================================================== ERR-01: swallowed exceptions
case('java-49-config-reload-empty-catch', 'https://github.com/fundacionjala/enforce-sonarqube-plugin/issues/52',
     'a configuration watcher reloads its file on change and swallows any IOException with an empty catch, keeping the stale configuration silently',
     files=[f(src('com.example.config', 'ConfigWatcher'), new=java('com.example.config', ['java.io.IOException', 'java.nio.file.Path'], r'''
public class ConfigWatcher {
    private final Path file;
    private volatile Config current;

    public ConfigWatcher(Path file, Config initial) {
        this.file = file;
        this.current = initial;
    }

    void onChange() {
        try {
            current = Config.parse(file);
        } catch (IOException e) { //@ERR-01
        }
    }

    public Config current() {
        return current;
    }
}
'''))])

case('java-50-index-repair-prints-stack-trace', 'https://github.com/JanusGraph/janusgraph/issues/796',
     'an index repair job catches a backend exception per index and only prints its stack trace, then reports the repair as done',
     files=[f(src('org.janusgraph.graphdb.olap.job', 'IndexRepairJob'), new=java('org.janusgraph.graphdb.olap.job', ['java.util.List'], r'''
public class IndexRepairJob {
    private final IndexBackend backend;

    public IndexRepairJob(IndexBackend backend) {
        this.backend = backend;
    }

    public RepairReport repair(List<String> indexes) {
        RepairReport report = new RepairReport();
        for (String index : indexes) {
            try {
                report.add(index, backend.reindex(index));
            } catch (BackendException e) { //@ERR-01
                e.printStackTrace();
            }
        }
        report.markDone();
        return report;
    }
}
'''))])

case('java-ok-22-optional-plugin-missing-logged-and-counted', 'https://github.com/pmd/pmd/pull/748',
     'clean: a plugin loader catches ClassNotFoundException for an optional plugin, with a comment saying why, logs it and counts it',
     files=[f(src('com.example.plugins', 'OptionalPlugins'), new=java('com.example.plugins', ['java.util.concurrent.atomic.AtomicInteger', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public final class OptionalPlugins {
    private static final Logger log = LoggerFactory.getLogger(OptionalPlugins.class);
    private final AtomicInteger missing = new AtomicInteger();

    public void loadIfPresent(String className, PluginRegistry registry) {
        try {
            registry.register(Class.forName(className).asSubclass(Plugin.class));
        } catch (ClassNotFoundException e) {
            // Optional plugins are absent from the slim distribution: not an error, but visible.
            missing.incrementAndGet();
            log.info("optional plugin {} not on the classpath", className);
        }
    }

    public int missingCount() {
        return missing.get();
    }
}
'''))])

# ============================================================== Reactor / RxJava subscriptions
case('java-51-keepalive-interval-subscription-never-disposed', 'https://github.com/Netflix/titus-control-plane/pull/1187',
     'a job-stream client starts a Flux.interval keep-alive subscription per stream and drops the Disposable: when the stream ends the interval keeps firing',
     files=[f(src('com.netflix.titus.runtime.connector.jobmanager', 'KeepAliveStreams'), new=java('com.netflix.titus.runtime.connector.jobmanager', ['java.time.Duration', 'java.util.concurrent.atomic.AtomicLong', 'reactor.core.publisher.Flux'], r'''
public class KeepAliveStreams {
    private final Duration interval;
    private final AtomicLong requestIds = new AtomicLong();

    public KeepAliveStreams(Duration interval) {
        this.interval = interval;
    }

    public void observe(JobStream stream) {
        Flux.interval(interval).subscribe(tick -> stream.sendKeepAlive(requestIds.getAndIncrement())); //@RES-01
        stream.onTerminate(() -> stream.log("job stream terminated"));
    }
}
'''))])

case('java-ok-23-counter-disposes-interval-in-close', 'https://github.com/ReactiveX/RxJava/issues/5803',
     'clean: a counter keeps the Disposable of its interval subscription in a field and disposes it in close()',
     files=[f(src('com.example.metrics', 'TickCounter'), new=java('com.example.metrics', ['io.reactivex.rxjava3.core.Observable', 'io.reactivex.rxjava3.disposables.Disposable', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'], r'''
public final class TickCounter implements AutoCloseable {
    private final AtomicLong value = new AtomicLong();
    private final Disposable ticks;

    public TickCounter(long periodSeconds) {
        this.ticks = Observable.interval(periodSeconds, TimeUnit.SECONDS).subscribe(t -> value.incrementAndGet());
    }

    public long value() {
        return value.get();
    }

    @Override
    public void close() {
        ticks.dispose();
    }
}
'''))])
