"""Round-82 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / ERR-01: URL image source of a thumbnail library (thumbnailator)
THUMBNAILATOR = template('thumbnailator-url-image-source', r'''
/**
 * An {@link ImageSource} that reads the original image from a URL, for thumbnails of remote images. The stream is
 * opened and closed here; callers that pool HTTP connections depend on it being closed once the image is read.
 */
public class URLImageSource extends AbstractImageSource<URL> {
    private final URL url;
    private final Proxy proxy;

    public URLImageSource(URL url) {
        this(url, Proxy.NO_PROXY);
    }

    public URLImageSource(URL url, Proxy proxy) {
        if (url == null) {
            throw new NullPointerException("URL cannot be null.");
        }
        this.url = url;
        this.proxy = proxy;
    }

    @Override
    public BufferedImage read() throws IOException {
02|        try (InputStream is = url.openConnection(proxy).getInputStream()) {
02|            InputStreamImageSource source = new InputStreamImageSource(is);
02|            source.setThumbnailParameter(param);
02|            BufferedImage image = source.read();
02|            inputFormatName = source.getInputFormatName();
02|            return finishedReading(image);
1|        try {
1|            InputStream is = url.openConnection(proxy).getInputStream(); //@RES-01
1|            InputStreamImageSource source = new InputStreamImageSource(is);
1|            source.setThumbnailParameter(param);
1|            BufferedImage image = source.read();
1|            inputFormatName = source.getInputFormatName();
1|            return finishedReading(image);
        } catch (UnsupportedFormatException e) {
            String sourcePath = url.getPath();
            throw new UnsupportedFormatException(e.getFormatName(), "No suitable ImageReader found for " + sourcePath + ".");
        } catch (IOException e) { //@{2}ERR-01
01|            throw new IOException("Could not read image from " + url + ".", e);
2|            return null;
        }
    }

    public URL getSource() {
        return url;
    }
}
''')
cases_of(case, GH + 'coobird/thumbnailator/issues/126', src('net.coobird.thumbnailator.tasks.io', 'URLImageSource'),
         J('net.coobird.thumbnailator.tasks.io', [
             'java.awt.image.BufferedImage', 'java.io.IOException', 'java.io.InputStream', 'java.net.Proxy',
             'java.net.URL', 'net.coobird.thumbnailator.tasks.UnsupportedFormatException'])(THUMBNAILATOR), [
             (1, 'java-00-thumbnailator-url-stream-never-closed',
              'an edit reads the remote image without closing its stream, so a caller that pools HTTP connections '
              'runs out of them after a few thumbnails and hangs waiting for one', 'edit'),
             (2, 'java-00-thumbnailator-url-read-failure-swallowed',
              'an edit answers a failed read of the remote image with no image, so the caller gets a null pointer '
              'far from the network error that caused it', 'edit'),
             (0, 'java-ok-00-thumbnailator-url-stream-closed',
              'clean: the fix reads the remote image in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: image loading of a media toolkit (quick-media)
QUICKMEDIA = template('quick-media-image-load-util', r'''
/** Loads images from the class path, the file system or the network for the image and QR-code tools. */
@Slf4j
public class ImageLoadUtil {
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private ImageLoadUtil() {
    }

    /** Reads an image from a path: a class-path resource first, then a file. */
    public static BufferedImage getImageByPath(String path) throws IOException {
        if (StringUtils.isBlank(path)) {
            return null;
        }
        InputStream resource = ImageLoadUtil.class.getClassLoader().getResourceAsStream(path);
        if (resource != null) {
            try (InputStream stream = resource) {
                return ImageIO.read(stream);
            }
        }
02|        try (InputStream stream = new FileInputStream(path)) {
02|            return ImageIO.read(stream);
02|        }
1|        InputStream stream = new FileInputStream(path); //@RES-01
1|        return ImageIO.read(stream);
    }

    /** Reads an image from an http(s) URL. */
    public static BufferedImage getImageByUrl(String url) throws IOException {
        URLConnection connection = new URL(url).openConnection(); //@{2}TMO-01
        connection.setRequestProperty("User-Agent", "quick-media");
01|        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
01|        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        try (InputStream stream = connection.getInputStream()) {
            BufferedImage image = ImageIO.read(stream);
            if (image == null) {
                log.warn("not an image: {}", url);
            }
            return image;
        }
    }
}
''')
cases_of(case, GH + 'liuyueyi/quick-media/issues/91', src('com.github.hui.quick.plugin.base.io', 'ImageLoadUtil'),
         J('com.github.hui.quick.plugin.base.io', [
             'java.awt.image.BufferedImage', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream',
             'java.net.URL', 'java.net.URLConnection', 'javax.imageio.ImageIO', 'lombok.extern.slf4j.Slf4j',
             'org.apache.commons.lang3.StringUtils'])(QUICKMEDIA), [
             (1, 'java-00-quick-media-image-file-stream-never-closed',
              'an edit hands a file stream to ImageIO without closing it (ImageIO does not close the stream it is '
              'given), so a QR service that loads a logo per request fails with too many open files', 'edit'),
             (2, 'java-00-quick-media-image-url-without-timeouts',
              'an edit loads remote images without connect and read timeouts, so one slow image host blocks the '
              'request thread that asked for it indefinitely', 'edit'),
             (0, 'java-ok-00-quick-media-image-file-stream-closed',
              'clean: the fix reads the image file in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: publication dates of a CMS delivery framework (dd4t-2-java)
DD4T = template('dd4t-date-utils', r'''
/** Dates of published items. Tridion 9.5 publishes them as UTC timestamps without an offset. */
public final class DateUtils {
    private static final Logger LOG = LoggerFactory.getLogger(DateUtils.class);
    private static final DateTimeFormatter PUBLISHED_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]");

    private DateUtils() {
    }

    /** The instant of a published date string, or null when the string is empty or not a date. */
    public static ZonedDateTime convertStringToDate(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime published = LocalDateTime.parse(value, PUBLISHED_FORMAT);
02|            ZonedDateTime result = published.atZone(ZoneOffset.UTC);
1|            ZonedDateTime result = published.atZone(ZoneId.systemDefault()); //@TIME-01
01|            LOG.debug("Converted published date {} to {}", value, result);
2|            LOG.debug("Converted published date " + value + " to " + result); //@LOG-02
            return result;
        } catch (DateTimeParseException e) {
            LOG.warn("Not a published date: {}", value, e);
            return null;
        }
    }

    /** A date as the broker's queries expect it. */
    public static String convertDateToString(ZonedDateTime date) {
        return date.withZoneSameInstant(ZoneOffset.UTC).format(PUBLISHED_FORMAT);
    }
}
''')
cases_of(case, GH + 'dd4t/dd4t-2-java/pull/145', src('org.dd4t.core.util', 'DateUtils'),
         JV('org.dd4t.core.util', {
             0: SLF4J + ['java.time.LocalDateTime', 'java.time.ZoneOffset', 'java.time.ZonedDateTime',
                         'java.time.format.DateTimeFormatter', 'java.time.format.DateTimeParseException'],
             1: SLF4J + ['java.time.LocalDateTime', 'java.time.ZoneId', 'java.time.ZoneOffset',
                         'java.time.ZonedDateTime', 'java.time.format.DateTimeFormatter',
                         'java.time.format.DateTimeParseException'],
             2: SLF4J + ['java.time.LocalDateTime', 'java.time.ZoneOffset', 'java.time.ZonedDateTime',
                         'java.time.format.DateTimeFormatter', 'java.time.format.DateTimeParseException']})(DD4T), [
             (1, 'java-00-dd4t-published-date-in-server-zone',
              'an edit reads published dates in the server\'s zone, so on any server not running in UTC every page '
              'shows its items hours off and schedules them in the wrong order', 'edit'),
             (2, 'java-00-dd4t-published-date-debug-concatenated',
              'an edit builds the debug line of every converted date by concatenation, so each date of every page '
              'pays for the string even with debug logging off', 'edit'),
             (0, 'java-ok-00-dd4t-published-date-in-utc',
              'clean: the fix reads published dates as UTC', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: delivery client of a headless CMS SDK (kontent-ai java-packages)
KONTENT = template('kontent-delivery-client', r'''
/** Reads content items from the Kontent delivery API. One client serves the whole application. */
public class DeliveryClient implements Closeable {
    private static final Logger logger = LoggerFactory.getLogger(DeliveryClient.class);

    private final DeliveryOptions options;
    private final ObjectMapper objectMapper;
02|    private final CloseableHttpClient httpClient;

    public DeliveryClient(DeliveryOptions options) {
        this.options = options;
        this.objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
02|        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
02|        connections.setMaxTotal(options.getMaxConnections());
02|        connections.setDefaultMaxPerRoute(options.getMaxConnections());
02|        this.httpClient = HttpClients.custom().setConnectionManager(connections).build();
    }

    /** The items of a query, in the order the API answers them. */
    public ContentItemsListingResponse getItems(List<NameValuePair> params) throws IOException {
        HttpGet request = new HttpGet(options.getProductionEndpoint() + "/" + options.getProjectId() + "/items?"
                + URLEncodedUtils.format(params, StandardCharsets.UTF_8));
        request.addHeader(HttpHeaders.ACCEPT, "application/json");
        if (options.getProductionApiKey() != null) {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + options.getProductionApiKey());
        }
0|        try (CloseableHttpResponse response = httpClient.execute(request)) {
1|        try (CloseableHttpClient client = HttpClients.createDefault(); //@RES-04
1|             CloseableHttpResponse response = client.execute(request)) {
01|            return readItems(request, response);
01|        }
2|        CloseableHttpResponse response = httpClient.execute(request); //@RES-02
2|        return readItems(request, response);
    }

    private ContentItemsListingResponse readItems(HttpGet request, CloseableHttpResponse response) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        if (status >= 400) {
            logger.error("Delivery API answered {} for {}", status, request.getURI());
            throw new KontentException("Delivery API answered " + status + " for " + request.getURI());
        }
        return objectMapper.readValue(response.getEntity().getContent(), ContentItemsListingResponse.class);
    }

    @Override
    public void close() throws IOException {
02|        httpClient.close();
    }
}
''')
cases_of(case, GH + 'kontent-ai/java-packages/issues/8', src('kentico.kontent.delivery', 'DeliveryClient'),
         JV('kentico.kontent.delivery', {
             0: SLF4J + ['com.fasterxml.jackson.databind.ObjectMapper',
                         'com.fasterxml.jackson.datatype.jsr310.JavaTimeModule', 'java.io.Closeable',
                         'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.List',
                         'org.apache.http.HttpHeaders', 'org.apache.http.NameValuePair',
                         'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
                         'org.apache.http.client.utils.URLEncodedUtils', 'org.apache.http.impl.client.CloseableHttpClient',
                         'org.apache.http.impl.client.HttpClients',
                         'org.apache.http.impl.conn.PoolingHttpClientConnectionManager'],
             1: SLF4J + ['com.fasterxml.jackson.databind.ObjectMapper',
                         'com.fasterxml.jackson.datatype.jsr310.JavaTimeModule', 'java.io.Closeable',
                         'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.List',
                         'org.apache.http.HttpHeaders', 'org.apache.http.NameValuePair',
                         'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
                         'org.apache.http.client.utils.URLEncodedUtils', 'org.apache.http.impl.client.CloseableHttpClient',
                         'org.apache.http.impl.client.HttpClients'],
             2: SLF4J + ['com.fasterxml.jackson.databind.ObjectMapper',
                         'com.fasterxml.jackson.datatype.jsr310.JavaTimeModule', 'java.io.Closeable',
                         'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.List',
                         'org.apache.http.HttpHeaders', 'org.apache.http.NameValuePair',
                         'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
                         'org.apache.http.client.utils.URLEncodedUtils', 'org.apache.http.impl.client.CloseableHttpClient',
                         'org.apache.http.impl.client.HttpClients',
                         'org.apache.http.impl.conn.PoolingHttpClientConnectionManager']})(KONTENT), [
             (1, 'java-00-kontent-delivery-client-per-request',
              'an edit builds a default HTTP client for every delivery query, so each query pays a new connection '
              'and TLS handshake and a busy site exhausts its local ports', 'edit'),
             (2, 'java-00-kontent-delivery-response-never-closed',
              'an edit reads the delivery answer without closing the response, so after a few queries every pooled '
              'connection is leased and the next query waits forever', 'edit'),
             (0, 'java-ok-00-kontent-delivery-client-shared',
              'clean: the fix builds one pooled client for the delivery client\'s life and closes it with it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: publishing date formats of a CMS (percussioncms), renamed file
PERCUSSION = template('percussion-publish-dates', r'''
/** Formats the dates of the publishing log and the site's scheduled-publish pages. */
public class PSPublishDateFormatter {
    private static final Logger log = LogManager.getLogger(PSPublishDateFormatter.class);

02|    private static final FastDateFormat LOG_DATE = FastDateFormat.getInstance("yyyy-MM-dd HH:mm:ss z", TimeZone.getTimeZone("UTC"));
1|    private static final SimpleDateFormat LOG_DATE = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss z"); //@CONC-03

1|    static {
1|        LOG_DATE.setTimeZone(TimeZone.getTimeZone("UTC"));
1|    }
1|
    private PSPublishDateFormatter() {
    }

    /** The log line of each item of a finished job, oldest first. Called from every publishing worker thread. */
    public static List<String> formatJobItems(List<PSPublishingJobItem> items) {
        List<String> lines = new ArrayList<>(items.size());
        for (PSPublishingJobItem item : items) {
            String line = LOG_DATE.format(item.getPublishedDate()) + " " + item.getStatus() + " " + item.getLocation();
2|            log.info("Formatted publishing item {}: {}", item.getId(), line); //@LOG-01
            lines.add(line);
        }
        log.debug("Formatted {} publishing items", lines.size());
        return lines;
    }

    public static String formatScheduled(Date date) {
        return LOG_DATE.format(date);
    }
}
''')
cases_of(case, GH + 'percussion/percussioncms/pull/55',
         src('com.percussion.rx.publisher.impl', 'PSPublishDateFormatter'),
         JV('com.percussion.rx.publisher.impl', {
             0: ['com.percussion.rx.publisher.data.PSPublishingJobItem', 'java.util.ArrayList', 'java.util.Date',
                 'java.util.List', 'java.util.TimeZone', 'org.apache.commons.lang3.time.FastDateFormat',
                 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'],
             1: ['com.percussion.rx.publisher.data.PSPublishingJobItem', 'java.text.SimpleDateFormat',
                 'java.util.ArrayList', 'java.util.Date', 'java.util.List', 'java.util.TimeZone',
                 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'],
             2: ['com.percussion.rx.publisher.data.PSPublishingJobItem', 'java.util.ArrayList', 'java.util.Date',
                 'java.util.List', 'java.util.TimeZone', 'org.apache.commons.lang3.time.FastDateFormat',
                 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']})(PERCUSSION), [
             (1, 'java-00-percussion-renamed-publish-dates-shared-simple-date-format',
              'a PR renames the publishing date helpers and shares one SimpleDateFormat between the publishing '
              'worker threads, so concurrent jobs write garbled or wrong dates into the publishing log', 'rename'),
             (2, 'java-00-percussion-renamed-publish-dates-log-per-item',
              'a PR renames the publishing date helpers and logs every formatted item at info, so a site publish of '
              'tens of thousands of items floods the server log', 'rename'),
             (0, 'java-ok-00-percussion-renamed-publish-dates',
              'clean: the rename alone; the formatter is the thread-safe FastDateFormat', 'rename'),
         ], rename_from='src/main/java/com/percussion/rx/publisher/impl/PSPublishDateUtils.java',
         rename_old=lambda t: t.replace('PSPublishDateFormatter', 'PSPublishDateUtils'))


# ---------------------------------------------------------------- CONC-06 / CONC-02: parallel page rendering of a static site generator (opoopress), new file
OPOOPRESS = template('opoopress-parallel-renderer', r'''
/**
 * Renders the pages of a site on a fixed pool of worker threads. The site is built only when every page rendered:
 * a failure of one page fails the build with that page's error.
 */
public class ParallelRenderer implements Renderer {
    private static final Logger log = LoggerFactory.getLogger(ParallelRenderer.class);

    private final Renderer delegate;
    private final ExecutorService executor;

    public ParallelRenderer(Renderer delegate, int threads) {
        this.delegate = delegate;
01|        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
2|                new LinkedBlockingQueue<>()); //@CONC-02
    }

    @Override
    public void render(Site site) {
        List<Page> pages = site.getPages();
        log.info("Rendering {} pages on {} threads", pages.size(), ((ThreadPoolExecutor) executor).getCorePoolSize());
02|        List<Future<?>> rendered = new ArrayList<>(pages.size());
        for (Page page : pages) {
1|            executor.submit(() -> delegate.render(page)); //@CONC-06
02|            rendered.add(executor.submit(() -> delegate.render(page)));
        }
02|        for (Future<?> result : rendered) {
02|            try {
02|                result.get();
02|            } catch (InterruptedException e) {
02|                Thread.currentThread().interrupt();
02|                throw new RuntimeException("Interrupted while rendering " + site.getTitle(), e);
02|            } catch (ExecutionException e) {
02|                throw new RuntimeException("Rendering failed: " + e.getCause().getMessage(), e.getCause());
02|            }
02|        }
    }

    @Override
    public void render(Page page) {
        delegate.render(page);
    }

    public void shutdown() {
        executor.shutdown();
    }
}
''')
cases_of(case, GH + 'opoo/opoopress/issues/11', src('org.opoo.press.renderer', 'ParallelRenderer'),
         JV('org.opoo.press.renderer', {
             0: SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Future', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit', 'org.opoo.press.Page', 'org.opoo.press.Renderer',
                         'org.opoo.press.Site'],
             1: SLF4J + ['java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit', 'org.opoo.press.Page', 'org.opoo.press.Renderer',
                         'org.opoo.press.Site'],
             2: SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                         'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                         'java.util.concurrent.TimeUnit', 'org.opoo.press.Page', 'org.opoo.press.Renderer',
                         'org.opoo.press.Site']})(OPOOPRESS), [
             (1, 'java-00-opoopress-new-parallel-renderer-futures-dropped',
              'a new parallel renderer submits every page and never looks at the results, so a page whose template '
              'fails is silently missing from a build reported as complete', 'new'),
             (2, 'java-00-opoopress-new-parallel-renderer-unbounded-queue',
              'a new parallel renderer queues every page of the site at once in an unbounded queue, so a large site '
              'holds all its pending page models in memory together', 'new'),
             (0, 'java-ok-00-opoopress-new-parallel-renderer',
              'clean: a new parallel renderer with a bounded queue that waits for every page and fails on the first '
              'error', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: library sender of a media jukebox's file scanner (yamj-v3)
YAMJ = template('yamj-library-send-scheduler', r'''
/** Sends the scanned libraries to the core server every few seconds until all of them are sent. */
public class LibrarySendScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(LibrarySendScheduler.class);
    private static final int RETRY_DELAY_SECONDS = 10;

    private final LibraryCollection libraryCollection;
    private final SendToCore sender;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public LibrarySendScheduler(LibraryCollection libraryCollection, SendToCore sender) {
        this.libraryCollection = libraryCollection;
        this.sender = sender;
    }

    public void start() {
02|        scheduler.scheduleWithFixedDelay(this::sendLibrariesSafely, 1, 5, TimeUnit.SECONDS);
1|        scheduler.scheduleWithFixedDelay(this::sendLibraries, 1, 5, TimeUnit.SECONDS); //@CONC-07
    }
02|
02|    private void sendLibrariesSafely() {
02|        try {
02|            sendLibraries();
02|        } catch (Exception e) {
02|            LOG.error("Execution error, will retry on the next run", e);
02|        }
02|    }

    private void sendLibraries() {
        for (Library library : libraryCollection.getLibraries()) {
            if (library.isSendingComplete()) {
                continue;
            }
            if (!sender.isConnected()) {
                LOG.info("Core server not available, waiting {} seconds", RETRY_DELAY_SECONDS);
                try {
                    TimeUnit.SECONDS.sleep(RETRY_DELAY_SECONDS);
                } catch (InterruptedException e) { //@{2}CONC-05
01|                    Thread.currentThread().interrupt();
01|                    return;
2|                    LOG.debug("Interrupted while waiting for the core server");
                }
                continue;
            }
            int sent = sender.send(library.getPendingImports());
            LOG.info("Sent {} files of library {}", sent, library.getPath());
        }
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'YAMJ/yamj-v3/issues/326', src('org.yamj.filescanner.service', 'LibrarySendScheduler'),
         J('org.yamj.filescanner.service', SLF4J + [
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.yamj.filescanner.model.Library',
             'org.yamj.filescanner.model.LibraryCollection'])(YAMJ), [
             (1, 'java-00-yamj-library-sender-dies-on-first-failure',
              'an edit schedules the library sender without a catch-all, so the first failed send (the core server '
              'restarting) cancels the schedule and the scanner never sends another file', 'edit'),
             (2, 'java-00-yamj-library-sender-swallows-interrupt',
              'an edit logs and ignores an interrupt while waiting for the core server, so shutting the scanner down '
              'waits for every library\'s retry loop', 'edit'),
             (0, 'java-ok-00-yamj-library-sender-catches-everything',
              'clean: the fix runs each send inside a catch-all so one failure waits for the next run', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: thread-local JCR sessions of a CMS (brix-cms), new file
BRIX = template('brix-thread-local-sessions', r'''
/**
 * Hands out one JCR session per workspace to the thread serving a request. The request cycle calls {@link #cleanup()}
 * when the request ends; the server's threads are pooled, so nothing of one request may stay on its thread.
 */
public abstract class AbstractThreadLocalSessionFactory {
    private static final Logger logger = LoggerFactory.getLogger(AbstractThreadLocalSessionFactory.class);

    private final ThreadLocal<Map<String, Session>> container = new ThreadLocal<>();

    /** The thread's session of a workspace, opened on first use and reopened when it is no longer live. */
    public Session getCurrentSession(String workspace) {
        Map<String, Session> sessions = container.get();
        if (sessions == null) {
            sessions = new HashMap<>();
            container.set(sessions); //@{1}CONC-04
        }
        Session session = sessions.get(workspace);
        if (session == null || !session.isLive()) {
            session = createSession(workspace);
2|            logger.debug("Opened session " + session + " for workspace " + workspace + " on " + Thread.currentThread().getName()); //@LOG-02
01|            logger.debug("Opened session {} for workspace {} on {}", session, workspace, Thread.currentThread().getName());
            sessions.put(workspace, session);
        }
        return session;
    }

    /** Logs out every session of the thread and forgets them. */
    public void cleanup() {
        Map<String, Session> sessions = container.get();
        if (sessions == null) {
            return;
        }
02|        try {
02|            for (Session session : sessions.values()) {
02|                if (session.isLive()) {
02|                    session.logout();
02|                }
02|            }
02|        } finally {
02|            container.remove();
02|        }
1|        for (Session session : sessions.values()) {
1|            if (session.isLive()) {
1|                session.logout();
1|            }
1|        }
    }

    protected abstract Session createSession(String workspace);
}
''')
cases_of(case, GH + 'brix-cms/brix-cms/issues/129', src('org.brixcms.jcr', 'AbstractThreadLocalSessionFactory'),
         J('org.brixcms.jcr', SLF4J + ['java.util.HashMap', 'java.util.Map', 'javax.jcr.Session'])(BRIX), [
             (1, 'java-00-brix-new-thread-sessions-never-removed',
              'a new session factory logs the thread\'s sessions out at the end of a request but leaves their map on '
              'the pooled thread, so every worker thread keeps its last request\'s dead sessions and the web '
              'application\'s class loader after an undeploy', 'new'),
             (2, 'java-00-brix-new-thread-sessions-debug-concatenated',
              'a new session factory builds the debug line of every opened session by concatenation, so each '
              'request pays for the session\'s string even with debug logging off', 'new'),
             (0, 'java-ok-00-brix-new-thread-sessions',
              'clean: a new session factory that removes the thread\'s session map in a finally block after the '
              'logouts', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: server-sent events of a DLNA media server's web interface (UniversalMediaServer), CRLF
UMS = template('ums-server-sent-events', r'''
/** One browser's stream of server-sent events; a ping keeps proxies from closing an idle stream. */
public class ServerSentEvents {
    private static final Logger LOGGER = LoggerFactory.getLogger(ServerSentEvents.class);
    private static final long PING_INTERVAL_MILLIS = 30_000;

    private final Object lock = new Object();
    private OutputStream os;
    private boolean opened;

    public ServerSentEvents(OutputStream os) {
        this.os = os;
        this.opened = true;
        startPing();
    }

    public boolean isOpened() {
        synchronized (lock) {
            return opened;
        }
    }

    public void sendMessage(String message) {
        synchronized (lock) {
            if (!opened) {
                return;
            }
            try {
                os.write(("data: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
                os.flush();
            } catch (IOException e) {
                LOGGER.debug("Server-sent events stream closed by the browser: {}", e.getMessage());
                close();
            }
        }
    }

    public void close() {
        synchronized (lock) {
            opened = false;
            if (os != null) {
                try {
                    os.close();
                } catch (IOException e) {
                    LOGGER.trace("Closing the server-sent events stream", e);
                }
                os = null;
            }
        }
    }

    private void startPing() {
        Thread ping = new Thread(this::pingUntilClosed, "ServerSentEvents ping"); //@{1}CONC-01
        ping.setDaemon(true);
02|        ping.setUncaughtExceptionHandler((thread, e) -> {
02|            LOGGER.debug("Server-sent events ping stopped: {}", e.getMessage());
02|            close();
02|        });
        ping.start();
    }

    private void pingUntilClosed() {
        while (isOpened()) {
            sendMessage(":ping");
            try {
                Thread.sleep(PING_INTERVAL_MILLIS);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                close();
01|                return;
2|                LOGGER.trace("Ping interrupted");
            }
        }
    }
}
''')
cases_of(case, GH + 'UniversalMediaServer/UniversalMediaServer/issues/3204',
         src('net.pms.network.webinterfaceserver', 'ServerSentEvents'),
         J('net.pms.network.webinterfaceserver', SLF4J + [
             'java.io.IOException', 'java.io.OutputStream', 'java.nio.charset.StandardCharsets'])(UMS), [
             (1, 'java-00-ums-sse-ping-thread-without-handler',
              'an edit starts the ping thread without an uncaught-exception handler, so a failure while pinging a '
              'closed stream dies as a bare stack trace on the console and leaves the stream half open', 'edit'),
             (2, 'java-00-ums-sse-ping-swallows-interrupt',
              'an edit ignores an interrupt of the ping\'s sleep, so stopping the web interface cannot stop the '
              'ping threads of open browser streams', 'edit'),
             (0, 'java-ok-00-ums-sse-ping-thread-with-handler',
              'clean: the fix gives the ping thread a handler that logs the failure and closes the stream', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / RES-01: photo DAO of a collaboration portal's gallery (Silverpeas-Core)
SILVERPEAS = template('silverpeas-gallery-photo-dao', r'''
/** Stores the photos of a gallery and their place in the gallery's album tree. */
public class MediaDAO {
    private static final String INSERT_MEDIA = "INSERT INTO SC_Gallery_Media (mediaId, mediaType, instanceId, title, "
            + "createDate, createdBy) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PATH = "INSERT INTO SC_Gallery_Path (mediaId, nodeId, instanceId) VALUES (?, ?, ?)";

    private MediaDAO() {
    }

    /** Saves a new photo and links it to its album: both rows are written, or neither is. */
    public static void createPhoto(Photo photo, String albumId) throws SQLException {
        Connection con = DBUtil.openConnection(); //@{2}RES-01
01|        try {
01|            con.setAutoCommit(false); //@{1}TX-01
0|            try {
0|                insertMedia(con, photo);
0|                insertPath(con, photo.getId(), albumId, photo.getInstanceId());
0|                con.commit();
0|            } catch (SQLException | RuntimeException e) {
0|                con.rollback();
0|                throw e;
0|            }
1|            insertMedia(con, photo);
1|            insertPath(con, photo.getId(), albumId, photo.getInstanceId());
1|            con.commit();
01|        } finally {
01|            DBUtil.close(con);
01|        }
2|        con.setAutoCommit(false);
2|        try {
2|            insertMedia(con, photo);
2|            insertPath(con, photo.getId(), albumId, photo.getInstanceId());
2|            con.commit();
2|        } catch (SQLException | RuntimeException e) {
2|            con.rollback();
2|            throw e;
2|        }
    }

    private static void insertMedia(Connection con, Photo photo) throws SQLException {
        try (PreparedStatement statement = con.prepareStatement(INSERT_MEDIA)) {
            statement.setString(1, photo.getId());
            statement.setString(2, MediaType.Photo.name());
            statement.setString(3, photo.getInstanceId());
            statement.setString(4, photo.getTitle());
            statement.setTimestamp(5, Timestamp.from(photo.getCreationDate().toInstant()));
            statement.setString(6, photo.getCreatorId());
            statement.executeUpdate();
        }
    }

    private static void insertPath(Connection con, String mediaId, String albumId, String instanceId) throws SQLException {
        try (PreparedStatement statement = con.prepareStatement(INSERT_PATH)) {
            statement.setString(1, mediaId);
            statement.setInt(2, Integer.parseInt(albumId));
            statement.setString(3, instanceId);
            statement.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'Silverpeas/Silverpeas-Core/pull/541', src('org.silverpeas.components.gallery.dao', 'MediaDAO'),
         J('org.silverpeas.components.gallery.dao', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
             'org.silverpeas.components.gallery.constant.MediaType', 'org.silverpeas.components.gallery.model.Photo',
             'org.silverpeas.core.persistence.jdbc.DBUtil'])(SILVERPEAS), [
             (1, 'java-00-silverpeas-gallery-photo-insert-not-rolled-back',
              'an edit drops the rollback of a failed photo insert, so a photo whose album link fails goes back to '
              'the pool with its half-written transaction still open on the connection', 'edit'),
             (2, 'java-00-silverpeas-gallery-photo-connection-never-closed',
              'an edit writes the photo without closing its connection on any path, so every uploaded photo keeps '
              'one pooled connection until the gallery stops answering', 'edit'),
             (0, 'java-ok-00-silverpeas-gallery-photo-insert-rolled-back',
              'clean: the fix rolls the transaction back when either insert fails and rethrows', 'fix'),
         ])
