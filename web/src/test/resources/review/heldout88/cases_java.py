"""Round-88 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant  # noqa: F401
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / ERR-01: schema cache of an XML language server (lemminx)
LEMMINX = template('lemminx-cache-resources', r'''
/**
 * Keeps the XML schemas and DTDs that documents reference over http in a cache folder, so that a document opened
 * offline still validates. A resource is read from the cache when present and downloaded once otherwise.
 */
public class CacheResourcesManager {

    private final Path cacheFolder;
    private final ResourceDownloader downloader;

    public CacheResourcesManager(Path cacheFolder, ResourceDownloader downloader) {
        this.cacheFolder = cacheFolder;
        this.downloader = downloader;
    }

    /** The text of the cached copy of the resource at url, downloaded first when the cache has none. */
    public String getResource(String url) throws IOException {
        Path cached = getCachedPath(url);
        if (!Files.exists(cached)) {
            Files.createDirectories(cached.getParent());
            downloader.download(url, cached);
        }
02|        try (InputStream in = Files.newInputStream(cached)) {
02|            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
02|        }
1|        InputStream in = Files.newInputStream(cached); //@RES-01
1|        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Removes every cached resource; the next validation downloads what it needs again. */
    public void evictCache() throws IOException {
        if (!Files.exists(cacheFolder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(cacheFolder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
01|                Files.deleteIfExists(path);
2|                try {
2|                    Files.deleteIfExists(path);
2|                } catch (IOException e) { //@ERR-01
2|                    // a file another process holds open goes with the next eviction
2|                }
            }
        }
    }

    Path getCachedPath(String url) {
        URI uri = URI.create(url);
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        return cacheFolder.resolve(uri.getScheme()).resolve(uri.getHost()).resolve(path);
    }
}
''')
cases_of(case, GH + 'eclipse-lemminx/lemminx/pull/299', src('org.eclipse.lemminx.uriresolver', 'CacheResourcesManager'),
         J('org.eclipse.lemminx.uriresolver', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI',
                                               'java.nio.charset.StandardCharsets', 'java.nio.file.Files',
                                               'java.nio.file.Path', 'java.util.Comparator',
                                               'java.util.stream.Stream'])(LEMMINX), [
             (1, 'java-00-lemminx-cached-schema-stream-not-closed',
              'an edit reads a cached schema without closing its stream, so every validation keeps a file handle on '
              'the cached XSD and Windows refuses to evict or refresh it', 'edit'),
             (2, 'java-00-lemminx-cache-eviction-error-swallowed',
              'an edit ignores a file that cannot be deleted while evicting the cache, so the user is told the cache '
              'is cleared while stale schemas stay behind', 'edit'),
             (0, 'java-ok-00-lemminx-cached-schema-stream-closed',
              'clean: the fix reads the cached schema in try-with-resources again', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: activity page of a self-hosted git server (gitblit), CRLF
GITBLIT = template('gitblit-activity', r'''
/**
 * Builds the daily activity of the repositories for the activity page: commits grouped by day, the day being the
 * calendar day in the time zone the server is configured with (web.timezone), not the zone the JVM runs in.
 */
public class ActivityUtils {

2|    private static final SimpleDateFormat DAY_FORMAT = new SimpleDateFormat("yyyy-MM-dd"); //@CONC-03
2|
    private final TimeZone timezone;
    private final int maxCommitsPerDay;

    public ActivityUtils(TimeZone timezone, int maxCommitsPerDay) {
        this.timezone = timezone;
        this.maxCommitsPerDay = maxCommitsPerDay;
    }

    /** The activity of the given repositories over the last daysBack days, newest day first. */
    public List<Activity> getRecentActivity(List<RepositoryCommits> repositories, int daysBack) {
01|        SimpleDateFormat df = new SimpleDateFormat("yyyy-MM-dd"); //@{1}TIME-01
2|        SimpleDateFormat df = DAY_FORMAT;
02|        df.setTimeZone(timezone);
        Calendar cal = Calendar.getInstance(timezone);
        cal.add(Calendar.DAY_OF_MONTH, -daysBack);
        Date since = cal.getTime();

        Map<String, Activity> byDay = new TreeMap<>(Comparator.reverseOrder());
        for (RepositoryCommits repository : repositories) {
            for (RepositoryCommit commit : repository.commitsSince(since)) {
                String day = df.format(commit.getWhen());
                Activity activity = byDay.computeIfAbsent(day, Activity::new);
                if (activity.getCommitCount() < maxCommitsPerDay) {
                    activity.addCommit(repository.getName(), commit);
                }
            }
        }
        return new ArrayList<>(byDay.values());
    }
}
''')
cases_of(case, GH + 'gitblit-org/gitblit/issues/350', src('com.gitblit.utils', 'ActivityUtils'),
         J('com.gitblit.utils', ['com.gitblit.models.Activity', 'com.gitblit.models.RepositoryCommit',
                                 'com.gitblit.models.RepositoryCommits', 'java.text.SimpleDateFormat',
                                 'java.util.ArrayList', 'java.util.Calendar', 'java.util.Comparator', 'java.util.Date',
                                 'java.util.List', 'java.util.Map', 'java.util.TimeZone',
                                 'java.util.TreeMap'])(GITBLIT), [
             (1, 'java-00-gitblit-activity-days-in-jvm-zone',
              'an edit formats the activity days without the configured zone, so on a UTC server the commits a team '
              'in Los Angeles made in the evening are counted on the next day', 'edit'),
             (2, 'java-00-gitblit-activity-shared-date-format',
              'an edit hoists the day format into a static field shared by all page requests, so two users opening '
              'the activity page together get commits filed under garbled days', 'edit'),
             (0, 'java-ok-00-gitblit-activity-days-in-configured-zone',
              'clean: the fix formats the activity days in the configured zone again', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-02 / LOG-01: dependency alignment of a Gradle build manipulator (gradle-manipulator)
GME = template('gradle-manipulator-alignment', r'''
/**
 * Applies the versions the dependency analyser recommends to the dependencies of one project of the build. In
 * strict mode only upgrades that keep the major and minor version are applied.
 */
public class DependencyAlignmentService {

    private static final Logger logger = Logging.getLogger(DependencyAlignmentService.class);

    private final boolean strict;

    public DependencyAlignmentService(boolean strict) {
        this.strict = strict;
    }

    public Map<ArtifactRef, String> align(Project project, Collection<ArtifactRef> dependencies,
            Map<ArtifactRef, String> recommendations) {
        Map<ArtifactRef, String> aligned = new LinkedHashMap<>();
        for (ArtifactRef dependency : dependencies) {
            String current = dependency.getVersionString();
            String recommended = recommendations.get(dependency);
            if (recommended == null || recommended.equals(current)) {
                continue;
            }
            if (strict && !isCompatibleUpgrade(current, recommended)) {
02|                logger.debug("Skipping {}: {} is not a compatible upgrade of {} in strict mode", dependency,
02|                        recommended, current);
1|                logger.debug("Skipping " + dependency + ": " + recommended + " is not a compatible upgrade of " //@LOG-02
1|                        + current + " in strict mode");
                continue;
            }
2|            logger.info("Aligning {} in {} to {}", dependency, project.getPath(), recommended); //@LOG-01
            aligned.put(dependency, recommended);
        }
        logger.info("Aligned {} of {} dependencies of {}", aligned.size(), dependencies.size(), project.getPath());
        return aligned;
    }

    static boolean isCompatibleUpgrade(String current, String recommended) {
        String[] from = current.split("\\.");
        String[] to = recommended.split("\\.");
        return from.length >= 2 && to.length >= 2 && from[0].equals(to[0]) && from[1].equals(to[1]);
    }
}
''')
cases_of(case, GH + 'project-ncl/gradle-manipulator/pull/392',
         src('org.jboss.gm.analyzer.alignment', 'DependencyAlignmentService'),
         J('org.jboss.gm.analyzer.alignment', ['java.util.Collection', 'java.util.LinkedHashMap', 'java.util.Map',
                                               'org.commonjava.maven.atlas.ident.ref.ArtifactRef',
                                               'org.gradle.api.Project', 'org.gradle.api.logging.Logger',
                                               'org.gradle.api.logging.Logging'])(GME), [
             (1, 'java-00-gradle-manipulator-skip-debug-concatenated',
              'an edit builds the strict-mode skip message by concatenation, so every skipped dependency of every '
              'project pays for the string while debug logging is off', 'edit'),
             (2, 'java-00-gradle-manipulator-logs-every-aligned-dependency',
              'an edit logs every aligned dependency at info level, so aligning a build of two hundred projects '
              'floods the build log with tens of thousands of lines', 'edit'),
             (0, 'java-ok-00-gradle-manipulator-skip-debug-parameterised',
              'clean: the fix passes the skip message\'s values as parameters again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: launcher of a language server (palantir language-servers), new file
PALANTIR = template('palantir-ls-launcher', r'''
/**
 * Launches a language server over a pair of streams. Requests are handled on a bounded pool: a client that floods
 * the server with requests gets them queued, and past the queue rejected, instead of one thread each.
 */
public final class StreamLanguageServerLauncher {

    private static final Logger log = LoggerFactory.getLogger(StreamLanguageServerLauncher.class);
    private static final int MAX_THREADS = 8;
    private static final int MAX_QUEUED_REQUESTS = 256;

    private final LanguageServer server;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger threadCount = new AtomicInteger();

    public StreamLanguageServerLauncher(LanguageServer server, InputStream in, OutputStream out) {
        this.server = server;
        this.in = in;
        this.out = out;
    }

    /** Starts listening; the returned future completes when the client closes the input stream. */
    public Future<Void> launch() {
02|        ExecutorService executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS), this::newThread);
1|        ExecutorService executor = Executors.newCachedThreadPool(this::newThread); //@CONC-02
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out, executor, null);
        if (server instanceof LanguageClientAware) {
            ((LanguageClientAware) server).connect(launcher.getRemoteProxy());
        }
        return launcher.startListening();
    }

    private Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "language-server-" + threadCount.incrementAndGet()); //@{2}CONC-01
        thread.setDaemon(true);
01|        thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception in {}", t.getName(), e));
        return thread;
    }
}
''')
_PAL = SLF4J + ['java.io.InputStream', 'java.io.OutputStream', 'java.util.concurrent.ExecutorService',
                'java.util.concurrent.Future', 'java.util.concurrent.atomic.AtomicInteger',
                'org.eclipse.lsp4j.jsonrpc.Launcher', 'org.eclipse.lsp4j.launch.LSPLauncher',
                'org.eclipse.lsp4j.services.LanguageClient', 'org.eclipse.lsp4j.services.LanguageClientAware',
                'org.eclipse.lsp4j.services.LanguageServer']
_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
         'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'palantir/language-servers/issues/167', src('com.palantir.ls.util', 'StreamLanguageServerLauncher'),
         JV('com.palantir.ls.util', {0: _PAL + _POOL, 1: _PAL + ['java.util.concurrent.Executors'],
                                     2: _PAL + _POOL})(PALANTIR), [
             (1, 'java-00-palantir-ls-new-launcher-unbounded-pool',
              'a new launcher handles requests on a cached thread pool, so a client that sends a burst of requests '
              'gets a thread for each and the server runs out of memory', 'new'),
             (2, 'java-00-palantir-ls-new-launcher-threads-without-handler',
              'a new launcher creates its request threads without an uncaught-exception handler, so a request that '
              'fails with an error vanishes from the server log', 'new'),
             (0, 'java-ok-00-palantir-ls-new-launcher',
              'clean: a new launcher with a bounded pool whose threads log what they do not catch', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: server wrapper of an Eclipse LSP client (lsp4e)
LSP4E = template('lsp4e-server-wrapper', r'''
/** Connects documents to one running language server and stops the server process when the IDE no longer needs it. */
public class LanguageServerWrapper {

    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final String languageId;
    private final ExecutorService dispatcher;
    private final Map<URI, IDocument> connectedDocuments = new ConcurrentHashMap<>();
    private volatile LanguageServer languageServer;
    private volatile Process process;

    public LanguageServerWrapper(String languageId, ExecutorService dispatcher) {
        this.languageId = languageId;
        this.dispatcher = dispatcher;
    }

    /** Opens document on the server; if the server cannot take it, the document is not marked as connected. */
    public void connect(URI uri, IDocument document) {
        if (connectedDocuments.putIfAbsent(uri, document) != null) {
            return;
        }
        TextDocumentItem item = new TextDocumentItem(uri.toString(), languageId, 1, document.get());
        DidOpenTextDocumentParams params = new DidOpenTextDocumentParams(item);
02|        sendNotification(server -> server.getTextDocumentService().didOpen(params)).exceptionally(e -> {
02|            LanguageServerPlugin.logError(e);
02|            connectedDocuments.remove(uri);
02|            return null;
02|        });
1|        sendNotification(server -> server.getTextDocumentService().didOpen(params)); //@CONC-06
    }

    private CompletableFuture<Void> sendNotification(Consumer<LanguageServer> notification) {
        return CompletableFuture.runAsync(() -> notification.accept(languageServer), dispatcher);
    }

    /** Asks the server to shut down and waits a few seconds for its process to exit before killing it. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            languageServer.shutdown().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            languageServer.exit();
            if (!p.waitFor(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            LanguageServerPlugin.logError(e);
            p.destroyForcibly();
        } finally {
            process = null;
            connectedDocuments.clear();
        }
    }
}
''')
cases_of(case, GH + 'eclipse-lsp4e/lsp4e/pull/808', 'org.eclipse.lsp4e/src/org/eclipse/lsp4e/LanguageServerWrapper.java',
         J('org.eclipse.lsp4e', ['java.net.URI', 'java.util.Map', 'java.util.concurrent.CompletableFuture',
                                 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutionException',
                                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
                                 'java.util.concurrent.TimeoutException', 'java.util.function.Consumer',
                                 'org.eclipse.jface.text.IDocument', 'org.eclipse.lsp4j.DidOpenTextDocumentParams',
                                 'org.eclipse.lsp4j.TextDocumentItem',
                                 'org.eclipse.lsp4j.services.LanguageServer'])(LSP4E), [
             (1, 'java-00-lsp4e-did-open-future-dropped',
              'an edit sends didOpen and drops the future of the notification, so a server that fails to open a '
              'document leaves it marked as connected and the failure is never logged', 'edit'),
             (2, 'java-00-lsp4e-stop-swallows-interrupt',
              'an edit catches the interrupt while waiting for the server process to exit without restoring it, so '
              'an IDE shutdown that interrupts the stopping job carries on as if nothing happened', 'edit'),
             (0, 'java-ok-00-lsp4e-did-open-failure-observed',
              'clean: the fix logs a failed didOpen and unmarks the document again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: lightweight HTTP transport of a Maven repository client (maven-wagon)
WAGON = template('maven-wagon-lightweight-http', r'''
/** Transfers artifacts over HttpURLConnection, without the dependencies of the HttpClient based wagon. */
public class LightweightHttpWagon extends StreamWagon {

    private Proxy proxy = Proxy.NO_PROXY;

    /** Opens a connection to resourceName with the wagon's timeouts, redirects followed. */
    HttpURLConnection openConnection(String resourceName, String method) throws IOException {
        URL url = new URL(getRepositoryUrl(resourceName));
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(proxy); //@{1}TMO-01
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(true);
02|        connection.setConnectTimeout(getTimeout());
        connection.setReadTimeout(getReadTimeout());
        addHeaders(connection);
        return connection;
    }

    @Override
    public boolean resourceExists(String resourceName) throws TransferFailedException, AuthorizationException {
        try {
            HttpURLConnection connection = openConnection(resourceName, "HEAD"); //@{2}RES-01
01|            try {
01|                return checkStatus(resourceName, connection.getResponseCode());
01|            } finally {
01|                connection.disconnect();
01|            }
2|            return checkStatus(resourceName, connection.getResponseCode());
        } catch (IOException e) {
            throw new TransferFailedException("Cannot check whether " + resourceName + " exists", e);
        }
    }

    private boolean checkStatus(String resourceName, int status)
            throws TransferFailedException, AuthorizationException {
        switch (status) {
            case HttpURLConnection.HTTP_OK:
                return true;
            case HttpURLConnection.HTTP_NOT_FOUND:
                return false;
            case HttpURLConnection.HTTP_UNAUTHORIZED:
            case HttpURLConnection.HTTP_FORBIDDEN:
                throw new AuthorizationException("Access denied to " + resourceName + ": HTTP " + status);
            default:
                throw new TransferFailedException("Cannot check " + resourceName + ": HTTP " + status);
        }
    }

    private String getRepositoryUrl(String resourceName) {
        String base = getRepository().getUrl();
        return base.endsWith("/") ? base + resourceName : base + "/" + resourceName;
    }
}
''')
cases_of(case, GH + 'apache/maven-wagon/issues/764',
         'wagon-providers/wagon-http-lightweight/' + src('org.apache.maven.wagon.providers.http', 'LightweightHttpWagon'),
         J('org.apache.maven.wagon.providers.http', ['java.io.IOException', 'java.net.HttpURLConnection',
                                                    'java.net.Proxy', 'java.net.URL',
                                                    'org.apache.maven.wagon.StreamWagon',
                                                    'org.apache.maven.wagon.TransferFailedException',
                                                    'org.apache.maven.wagon.authorization.AuthorizationException'])(WAGON), [
             (1, 'java-00-maven-wagon-connection-without-connect-timeout',
              'an edit opens repository connections with a read timeout only, so a repository host that drops SYN '
              'packets hangs the build on connect for minutes', 'edit'),
             (2, 'java-00-maven-wagon-exists-check-connection-not-released',
              'an edit checks whether a resource exists without disconnecting the HEAD connection, so a deploy that '
              'checks a thousand artifacts keeps a socket open for each', 'edit'),
             (0, 'java-ok-00-maven-wagon-connection-with-connect-timeout',
              'clean: the fix sets the connect timeout again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: catalog loading of a Camel language server (camel-language-server), renamed class
CAMELLS = template('camel-ls-catalog-loader', r'''
/**
 * Loads the Camel catalog of the version the project uses on a background thread. Completion asks for it and,
 * while it is still loading, gets the default catalog instead of waiting.
 */
public class CamelCatalogLoader {

    private static final Logger LOGGER = LoggerFactory.getLogger(CamelCatalogLoader.class);
    private static final long WAIT_MILLIS = 500;

    private final CompletableFuture<CamelCatalog> catalog;
    private final CamelCatalog defaultCatalog;

    public CamelCatalogLoader(String version, ExecutorService executor, CamelCatalog defaultCatalog) {
        this.defaultCatalog = defaultCatalog;
        this.catalog = CompletableFuture.supplyAsync(() -> load(version), executor);
    }

    /** The project's catalog when it is loaded within a short wait, the default catalog otherwise. */
    public CamelCatalog get() {
        try {
            return catalog.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            return defaultCatalog;
        } catch (ExecutionException e) { //@{2}ERR-01
01|            LOGGER.warn("Loading the Camel catalog failed, completing with the default catalog", e);
            return defaultCatalog;
        } catch (TimeoutException e) {
            // still loading: this completion uses the default catalog, the next one may get the project's
            return defaultCatalog;
        }
    }

    private static CamelCatalog load(String version) {
        DefaultCamelCatalog loaded = new DefaultCamelCatalog(true);
        loaded.setVersionManager(new MavenVersionManager());
        if (!loaded.loadVersion(version)) {
            throw new IllegalStateException("Camel catalog version " + version + " is not available");
        }
        return loaded;
    }
}
''')
_CAMELPKG = 'com.github.cameltooling.lsp.internal.catalog'
cases_of(case, GH + 'camel-tooling/camel-language-server/pull/103', src(_CAMELPKG, 'CamelCatalogLoader'),
         J(_CAMELPKG, SLF4J + ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutionException',
                               'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
                               'java.util.concurrent.TimeoutException', 'org.apache.camel.catalog.CamelCatalog',
                               'org.apache.camel.catalog.DefaultCamelCatalog',
                               'org.apache.camel.catalog.maven.MavenVersionManager'])(CAMELLS), [
             (1, 'java-00-camel-ls-renamed-catalog-loader-swallows-interrupt',
              'a PR renames the catalog loader and answers an interrupted wait with the default catalog without '
              'restoring the interrupt, so a cancelled completion request keeps its thread running', 'rename'),
             (2, 'java-00-camel-ls-renamed-catalog-loader-load-failure-swallowed',
              'a PR renames the catalog loader and falls back to the default catalog without logging why the '
              'project\'s catalog failed to load, so a wrong Camel version in the pom is never reported', 'rename'),
             (0, 'java-ok-00-camel-ls-renamed-catalog-loader',
              'clean: the rename alone', 'rename'),
         ], rename_from=src(_CAMELPKG, 'CatalogLoader'),
         rename_old=lambda text: text.replace('CamelCatalogLoader', 'CatalogLoader'))


# ---------------------------------------------------------------- RES-02 / RES-04: commit status of a CI plugin for a code hosting server (gitlab-plugin)
GITLABPLUGIN = template('gitlab-plugin-commit-status', r'''
/** Posts the state of a build to the GitLab commit it built. */
public class CommitStatusUpdater {

    private static final Logger LOGGER = Logger.getLogger(CommitStatusUpdater.class.getName());

    private final Client client;
    private final String gitlabUrl;
    private final String apiToken;

    public CommitStatusUpdater(Client client, String gitlabUrl, String apiToken) {
        this.client = client;
        this.gitlabUrl = gitlabUrl;
        this.apiToken = apiToken;
    }

    public void updateCommitStatus(String projectId, String sha, BuildState state, String targetUrl) {
        if (!existsCommit(projectId, sha)) {
            LOGGER.log(Level.WARNING, "Commit {0} not found in project {1}; no status posted",
                    new Object[] {sha, projectId});
            return;
        }
        Form form = new Form().param("state", state.name()).param("target_url", targetUrl).param("name", "jenkins");
        try (Response response = client.target(gitlabUrl).path("api/v4/projects/{id}/statuses/{sha}")
                .resolveTemplate("id", projectId).resolveTemplate("sha", sha)
                .request().header("PRIVATE-TOKEN", apiToken).post(Entity.form(form))) {
            if (response.getStatus() >= 400) {
                LOGGER.log(Level.WARNING, "Posting {0} to commit {1} failed: HTTP {2}",
                        new Object[] {state, sha, response.getStatus()});
            }
        }
    }

    /** Whether GitLab knows the commit: a status can only be posted to a commit of the project. */
    boolean existsCommit(String projectId, String sha) {
01|        WebTarget target = client.target(gitlabUrl)
2|        Client perCall = ClientBuilder.newClient(); //@RES-04
2|        WebTarget target = perCall.target(gitlabUrl)
                .path("api/v4/projects/{id}/repository/commits/{sha}")
                .resolveTemplate("id", projectId)
                .resolveTemplate("sha", sha);
        Response response = target.request().header("PRIVATE-TOKEN", apiToken).head(); //@{1}RES-02
02|        try {
02|            return response.getStatus() == Response.Status.OK.getStatusCode();
02|        } finally {
02|            response.close();
02|        }
1|        return response.getStatus() == Response.Status.OK.getStatusCode();
    }
}
''')
_GLP = ['com.dabsquared.gitlabjenkins.gitlab.api.model.BuildState', 'java.util.logging.Level',
        'java.util.logging.Logger', 'javax.ws.rs.client.Client', 'javax.ws.rs.client.Entity',
        'javax.ws.rs.client.WebTarget', 'javax.ws.rs.core.Form', 'javax.ws.rs.core.Response']
cases_of(case, GH + 'jenkinsci/gitlab-plugin/issues/302', src('com.dabsquared.gitlabjenkins.util', 'CommitStatusUpdater'),
         JV('com.dabsquared.gitlabjenkins.util', {0: _GLP, 1: _GLP,
                                                  2: _GLP + ['javax.ws.rs.client.ClientBuilder']})(GITLABPLUGIN), [
             (1, 'java-00-gitlab-plugin-commit-check-response-not-closed',
              'an edit checks that the commit exists without closing the HEAD response, so after a few builds the '
              'client\'s connection pool is exhausted and every status post fails', 'edit'),
             (2, 'java-00-gitlab-plugin-client-per-commit-check',
              'an edit builds a JAX-RS client for every commit check, so each build status update opens a new '
              'connection pool to GitLab and never closes it', 'edit'),
             (0, 'java-ok-00-gitlab-plugin-commit-check-response-closed',
              'clean: the fix closes the HEAD response again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: server downloads of a code analysis scanner (sonar-scanner-java-library)
SONARSCANNER = template('sonar-scanner-server-connection', r'''
/** Downloads what an analysis needs from the SonarQube server: the scanner engine, plugins and settings. */
class ServerConnection {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OkHttpClient httpClient;
    private final String baseUrl;

    private ServerConnection(OkHttpClient httpClient, String baseUrl) {
        this.httpClient = httpClient;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static ServerConnection create(String baseUrl, String userAgent, Duration readTimeout) {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
01|                .readTimeout(readTimeout)
2|                .readTimeout(Duration.ZERO) //@TMO-01
                .addNetworkInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", userAgent).build()))
                .build();
        return new ServerConnection(client, baseUrl);
    }

    /** Downloads the file at urlPath to toFile. */
    void downloadFile(String urlPath, Path toFile) throws IOException {
        Request request = new Request.Builder().url(baseUrl + urlPath).get().build();
02|        try (Response response = httpClient.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new IOException(String.format("Error %d when downloading %s", response.code(), urlPath));
02|            }
02|            try (InputStream in = response.body().byteStream()) {
02|                Files.copy(in, toFile, StandardCopyOption.REPLACE_EXISTING);
02|            }
02|        }
1|        Response response = httpClient.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException(String.format("Error %d when downloading %s", response.code(), urlPath));
1|        }
1|        try (InputStream in = response.body().byteStream()) {
1|            Files.copy(in, toFile, StandardCopyOption.REPLACE_EXISTING);
1|        }
    }

    /** The body of the answer at urlPath as text. */
    String downloadString(String urlPath) throws IOException {
        Request request = new Request.Builder().url(baseUrl + urlPath).get().build();
        try (Response response = httpClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(String.format("Error %d on %s", response.code(), urlPath));
            }
            return response.body().string();
        }
    }
}
''')
cases_of(case, GH + 'SonarSource/sonar-scanner-java-library/pull/98',
         src('org.sonarsource.scanner.api.internal', 'ServerConnection'),
         J('org.sonarsource.scanner.api.internal', ['java.io.IOException', 'java.io.InputStream',
                                                    'java.nio.file.Files', 'java.nio.file.Path',
                                                    'java.nio.file.StandardCopyOption', 'java.time.Duration',
                                                    'okhttp3.OkHttpClient', 'okhttp3.Request',
                                                    'okhttp3.Response'])(SONARSCANNER), [
             (1, 'java-00-sonar-scanner-download-response-not-closed-on-error',
              'an edit closes a download\'s response only through its body stream, so every failed download (a '
              'plugin the server no longer has answers 404) leaks its connection', 'edit'),
             (2, 'java-00-sonar-scanner-downloads-without-read-timeout',
              'an edit disables the read timeout because large plugin downloads timed out, so a server that stops '
              'sending mid-download hangs the analysis in CI for good', 'edit'),
             (0, 'java-ok-00-sonar-scanner-download-response-closed',
              'clean: the fix closes every download response again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-04: cache cleanup of an automation platform's artifact repository (step), new file
STEP = template('step-artifact-cache-cleanup', r'''
/**
 * Removes the artifacts the local cache of the Maven artifact repository has not served for longer than the
 * retention period. Runs every hour on the controller's scheduler; a run that fails (the cache folder does not exist
 * yet on a fresh controller) is logged and the next run happens as planned.
 */
public class ArtifactCacheCleanupJob implements Closeable {

    private static final Logger logger = LoggerFactory.getLogger(ArtifactCacheCleanupJob.class);
    private static final String JOB_NAME = "artifact-cache-cleanup";

    private final ScheduledExecutorService scheduler;
    private final Path cacheFolder;
    private final Duration retention;
    private ScheduledFuture<?> scheduled;

    public ArtifactCacheCleanupJob(ScheduledExecutorService scheduler, Path cacheFolder, Duration retention) {
        this.scheduler = scheduler;
        this.cacheFolder = cacheFolder;
        this.retention = retention;
    }

    public void start() {
        scheduled = scheduler.scheduleAtFixedRate(() -> { //@{1}CONC-07
01|            try (MDC.MDCCloseable job = MDC.putCloseable("job", JOB_NAME)) {
2|            MDC.put("job", JOB_NAME); //@CONC-04
2|            try {
                cleanup();
02|            } catch (Exception e) {
02|                logger.error("Cleanup of the artifact cache {} failed", cacheFolder, e);
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    void cleanup() {
        Instant cutoff = Instant.now().minus(retention);
        int removed = 0;
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (lastAccess(file).isBefore(cutoff)) {
                    Files.delete(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cleaning " + cacheFolder, e);
        }
        logger.info("Removed {} artifacts unused since {} from {}", removed, cutoff, cacheFolder);
    }

    private static Instant lastAccess(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).lastAccessTime().toInstant();
    }

    @Override
    public void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
''')
cases_of(case, GH + 'exense/step/pull/342', 'step-repositories/' + src('step.repositories.artifact', 'ArtifactCacheCleanupJob'),
         J('step.repositories.artifact', SLF4J + ['java.io.Closeable', 'java.io.IOException',
                                                  'java.io.UncheckedIOException', 'java.nio.file.Files',
                                                  'java.nio.file.Path', 'java.nio.file.attribute.BasicFileAttributes',
                                                  'java.time.Duration', 'java.time.Instant',
                                                  'java.util.concurrent.ScheduledExecutorService',
                                                  'java.util.concurrent.ScheduledFuture',
                                                  'java.util.concurrent.TimeUnit', 'java.util.stream.Stream',
                                                  'org.slf4j.MDC'])(STEP), [
             (1, 'java-00-step-new-cleanup-job-stops-on-first-failure',
              'a new cache cleanup job schedules a task that catches nothing, so the first run on a controller '
              'without a cache folder throws and the scheduler never runs the cleanup again', 'new'),
             (2, 'java-00-step-new-cleanup-job-leaves-mdc-set',
              'a new cache cleanup job puts its name into the logging context of a pooled scheduler thread and never '
              'removes it, so the lines of every later task on that thread claim to be the cleanup', 'new'),
             (0, 'java-ok-00-step-new-cleanup-job',
              'clean: a new cache cleanup job whose task logs its failures and scopes its logging context', 'new'),
         ])
