"""Round-74 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: temporary file cleanup of a PDF toolbox (Stirling-PDF)
STIRLING = template('stirling-temp-file-cleanup', r'''
/**
 * Deletes the temporary files conversions leave behind once they are older than the configured age. Runs on a fixed
 * delay; a file still being written is younger than the cut-off and stays.
 */
@Service
public class TempFileCleanupService {
    private static final Logger log = LoggerFactory.getLogger(TempFileCleanupService.class);

    private final Path tempRoot;
    private final Duration maxAge;

    public TempFileCleanupService(ApplicationProperties properties) {
        ApplicationProperties.TempFileManagement settings = properties.getSystem().getTempFileManagement();
        this.tempRoot = Path.of(settings.getBaseTmpDir());
        this.maxAge = Duration.ofHours(settings.getMaxAgeHours());
    }

    @Scheduled(fixedDelayString = "${system.tempFileManagement.cleanupIntervalMinutes:30}",
            timeUnit = TimeUnit.MINUTES)
    public void cleanupOldFiles() {
        Instant cutoff = Instant.now().minus(maxAge);
        int deleted = 0;
02|        try (Stream<Path> files = Files.walk(tempRoot)) {
1|        try {
1|            Stream<Path> files = Files.walk(tempRoot); //@RES-01
            Iterator<Path> it = files.filter(Files::isRegularFile).iterator();
            while (it.hasNext()) {
                Path file = it.next();
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.toInstant().isBefore(cutoff)) {
01|                    log.debug("Deleting temporary file {} (last modified {})", file, modified);
2|                    log.debug("Deleting temporary file " + file + " (last modified " + modified + ")"); //@LOG-02
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean up temporary files under {}", tempRoot, e);
        }
        if (deleted > 0) {
            log.info("Removed {} stale temporary files from {}", deleted, tempRoot);
        }
    }
}
''')
cases_of(case, GH + 'Stirling-Tools/Stirling-PDF/pull/4404',
         'app/common/' + src('stirling.software.common.service', 'TempFileCleanupService'),
         J('stirling.software.common.service', SLF4J + [
             'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.attribute.FileTime',
             'java.time.Duration', 'java.time.Instant', 'java.util.Iterator', 'java.util.concurrent.TimeUnit',
             'java.util.stream.Stream', 'org.springframework.scheduling.annotation.Scheduled',
             'org.springframework.stereotype.Service',
             'stirling.software.common.model.ApplicationProperties'])(STIRLING), [
             (1, 'java-00-stirling-cleanup-walk-stream-never-closed',
              'an edit takes the Files.walk stream out of try-with-resources, so every cleanup run leaves the '
              'directory handles of the whole temporary tree open', 'edit'),
             (2, 'java-00-stirling-cleanup-debug-log-concatenated',
              'an edit builds the per-file debug message by concatenation, so every run formats a string for '
              'every stale file even with debug logging off', 'edit'),
             (0, 'java-ok-00-stirling-cleanup-walk-stream-closed',
              'clean: the fix closes the walk stream with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: bounded wait for an office conversion (documents4j)
DOCUMENTS4J = template('documents4j-bounded-conversion', r'''
/**
 * Runs one conversion through the Microsoft Office bridge and waits for it no longer than the converter's process
 * timeout, so a damaged document that makes Word open a repair dialog fails its job instead of blocking the caller.
 */
final class BoundedConversionCall {
    private final MicrosoftOfficeBridge bridge;
    private final ExecutorService executor;
    private final long processTimeoutMillis;

    BoundedConversionCall(MicrosoftOfficeBridge bridge, ExecutorService executor, long processTimeoutMillis) {
        this.bridge = bridge;
        this.executor = executor;
        this.processTimeoutMillis = processTimeoutMillis;
    }

    boolean convert(File source, DocumentType sourceType, File target, DocumentType targetType) {
        Future<Boolean> future = executor.submit(
                () -> bridge.startConversion(source, sourceType, target, targetType).get());
        try {
02|            return future.get(processTimeoutMillis, TimeUnit.MILLISECONDS);
1|            return future.get(); //@TMO-01
02|        } catch (TimeoutException e) {
02|            future.cancel(true);
02|            throw new ConverterAccessException("Conversion of " + source + " did not finish within "
02|                    + processTimeoutMillis + " ms", e);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            future.cancel(true);
01|            throw new ConverterAccessException("Interrupted while converting " + source, e);
2|            return false;
        } catch (ExecutionException e) {
            throw new ConversionException("Could not convert " + source, e.getCause());
        }
    }
}
''')
DOCUMENTS4J_BASE = ['com.documents4j.api.DocumentType', 'com.documents4j.conversion.msoffice.MicrosoftOfficeBridge',
                    'com.documents4j.throwables.ConversionException',
                    'com.documents4j.throwables.ConverterAccessException', 'java.io.File',
                    'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                    'java.util.concurrent.Future']
cases_of(case, GH + 'documents4j/documents4j/issues/158',
         'documents4j-local/' + src('com.documents4j.job', 'BoundedConversionCall'),
         JV('com.documents4j.job', {0: DOCUMENTS4J_BASE + ['java.util.concurrent.TimeUnit',
                                                           'java.util.concurrent.TimeoutException'],
                                    1: DOCUMENTS4J_BASE,
                                    2: DOCUMENTS4J_BASE + ['java.util.concurrent.TimeUnit',
                                                           'java.util.concurrent.TimeoutException']})(DOCUMENTS4J), [
             (1, 'java-00-documents4j-conversion-wait-unbounded',
              'an edit waits for the conversion with a bare Future.get, so a document that makes Word show a '
              'dialog blocks the converting thread for good', 'edit'),
             (2, 'java-00-documents4j-conversion-interrupt-swallowed',
              'an edit answers an interrupted wait with false and drops the interrupt, so a shutting-down '
              'converter keeps starting conversions on a thread that was asked to stop', 'edit'),
             (0, 'java-ok-00-documents4j-conversion-wait-bounded',
              'clean: the fix waits no longer than the process timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: schedule date fields of a CMS's editor (brightspot-cms), CRLF file
BRIGHTSPOT = template('brightspot-schedule-date-format', r'''
/**
 * Reads and writes the publish and schedule date fields of the content edit form in the editor's own time zone,
 * so a story scheduled for 9:00 in New York goes live at 9:00 in New York whatever zone the server runs in.
 */
public class ScheduleDateFormat {
    private static final String PATTERN = "yyyy-MM-dd HH:mm";
2|    private static final DateFormat FORMAT = new SimpleDateFormat(PATTERN);

    private final TimeZone zone;

    public ScheduleDateFormat(ToolUser user) {
        String zoneId = user != null ? user.getTimeZone() : null;
        this.zone = zoneId != null ? TimeZone.getTimeZone(zoneId) : TimeZone.getDefault();
    }

    public Date parse(String value) throws ParseException {
        if (value == null || value.isBlank()) {
            return null;
        }
01|        DateFormat format = new SimpleDateFormat(PATTERN); //@{1}TIME-01
0|        format.setTimeZone(zone);
01|        format.setLenient(false);
01|        return format.parse(value.trim());
2|        FORMAT.setTimeZone(zone); //@CONC-03
2|        FORMAT.setLenient(false);
2|        return FORMAT.parse(value.trim());
    }

    public String format(Date date) {
        if (date == null) {
            return "";
        }
        DateFormat format = new SimpleDateFormat(PATTERN);
        format.setTimeZone(zone);
        return format.format(date);
    }
}
''')
cases_of(case, GH + 'perfectsense/brightspot-cms/pull/1015', 'tool-ui/' + src('com.psddev.cms.tool', 'ScheduleDateFormat'),
         J('com.psddev.cms.tool', ['com.psddev.cms.db.ToolUser', 'java.text.DateFormat', 'java.text.ParseException',
                                   'java.text.SimpleDateFormat', 'java.util.Date',
                                   'java.util.TimeZone'])(BRIGHTSPOT), [
             (1, 'java-00-brightspot-schedule-parse-in-server-zone',
              'an edit drops the editor\'s zone from parsing while formatting keeps it, so a schedule typed in '
              'the form is read in the server\'s zone and the story goes live hours early or late', 'edit'),
             (2, 'java-00-brightspot-schedule-shared-formatter',
              'an edit parses with one static SimpleDateFormat whose zone each call resets, so two editors '
              'saving at once parse each other\'s dates in the wrong zone or corrupt the formatter', 'edit'),
             (0, 'java-ok-00-brightspot-schedule-parse-in-editor-zone',
              'clean: the fix parses in the editor\'s zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / CONC-04: scheduled publication job of a Hippo CMS site (NHS digital website), new file
HIPPO = template('hippo-scheduled-publication-job', r'''
/**
 * Publishes the documents whose scheduled publication time has passed. A document an editor holds is retried a few
 * times before the job leaves it for the next run.
 */
public class ScheduledPublicationJob implements RepositoryJob {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublicationJob.class);
    private static final String QUERY = "//element(*, website:publication)[@website:publicationdate <= $now]";
    private static final int MAX_ATTEMPTS = 3;
    private static final long RETRY_DELAY_MILLIS = 2000;

    @Override
    public void execute(RepositoryJobExecutionContext context) throws RepositoryException {
        Session session = context.createSystemSession();
        MDC.put("job", "scheduled-publication"); //@{2}CONC-04
        try {
            QueryManager queries = session.getWorkspace().getQueryManager();
            Query query = queries.createQuery(QUERY, Query.XPATH);
            query.bindValue("now", session.getValueFactory().createValue(Calendar.getInstance()));
            NodeIterator due = query.execute().getNodes();
            while (due.hasNext()) {
                publishWithRetry(session, due.nextNode().getParent());
            }
        } finally {
01|            MDC.remove("job");
            session.logout();
        }
    }

    private void publishWithRetry(Session session, Node handle) throws RepositoryException {
        for (int attempt = 1; ; attempt++) {
            try {
                DocumentWorkflow workflow = (DocumentWorkflow) ((HippoWorkspace) session.getWorkspace())
                        .getWorkflowManager().getWorkflow("default", handle);
                workflow.publish();
                LOG.info("Published {}", handle.getPath());
                return;
            } catch (WorkflowException | RemoteException e) {
                if (attempt == MAX_ATTEMPTS) {
                    LOG.warn("Giving up on {} after {} attempts", handle.getPath(), attempt, e);
                    return;
                }
                LOG.info("Could not publish {} yet, retrying in {} ms", handle.getPath(), RETRY_DELAY_MILLIS);
                try {
                    Thread.sleep(RETRY_DELAY_MILLIS);
                } catch (InterruptedException ie) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    throw new RepositoryException("Interrupted while waiting to publish " + handle.getPath(), ie);
1|                    LOG.debug("Retry delay for {} interrupted", handle.getPath());
                }
            }
        }
    }
}
''')
cases_of(case, GH + 'NHS-digital-website/hippo/pull/2226',
         'repository-data/application/' + src('uk.nhs.digital.common.jobs', 'ScheduledPublicationJob'),
         J('uk.nhs.digital.common.jobs', SLF4J + [
             'java.rmi.RemoteException', 'java.util.Calendar', 'javax.jcr.Node', 'javax.jcr.NodeIterator',
             'javax.jcr.RepositoryException', 'javax.jcr.Session', 'javax.jcr.query.Query',
             'javax.jcr.query.QueryManager', 'org.hippoecm.repository.api.HippoWorkspace',
             'org.hippoecm.repository.api.WorkflowException', 'org.onehippo.repository.documentworkflow.DocumentWorkflow',
             'org.onehippo.repository.scheduling.RepositoryJob',
             'org.onehippo.repository.scheduling.RepositoryJobExecutionContext', 'org.slf4j.MDC'])(HIPPO), [
             (1, 'java-00-hippo-new-publication-job-swallows-interrupt',
              'a new publication job answers an interrupted retry delay with a debug line and carries on, so a '
              'repository shutdown waits for every remaining document\'s retries', 'new'),
             (2, 'java-00-hippo-new-publication-job-mdc-left-set',
              'a new publication job puts its name into the MDC and never removes it, so every later log line of '
              'the scheduler thread is tagged as the publication job', 'new'),
             (0, 'java-ok-00-hippo-new-publication-job',
              'clean: a new publication job that restores the interrupt and clears its MDC entry', 'new'),
         ])


# ---------------------------------------------------------------- DEP-02 / ERR-01: XML loading of a document template engine (xdocreport)
XDOCREPORT = template('xdocreport-dom-utils', r'''
/**
 * DOM helpers for the XML parts of .docx, .odt and .pptx archives. The archives come from users, so the parser
 * refuses document types and external entities.
 */
public class DOMUtils {

    public static Document load(InputStream stream) throws ParserConfigurationException, SAXException, IOException {
        return newDocumentBuilder().parse(stream);
    }

    /** The parsed entry of the archive, or null when the archive has no such entry. */
    public static Document loadEntry(ZipFile archive, String entryName) throws IOException {
        ZipEntry entry = archive.getEntry(entryName);
        if (entry == null) {
            return null;
        }
        try (InputStream in = archive.getInputStream(entry)) {
            return load(in);
        } catch (ParserConfigurationException | SAXException e) { //@{2}ERR-01
01|            throw new IOException("Entry " + entryName + " is not well-formed XML", e);
2|            return null;
        }
    }

    private static DocumentBuilder newDocumentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance(); //@{1}DEP-02
02|        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
02|        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
02|        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
02|        factory.setXIncludeAware(false);
02|        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder();
    }
}
''')
cases_of(case, GH + 'opensagres/xdocreport/pull/547',
         'core/fr.opensagres.xdocreport.core/' + src('fr.opensagres.xdocreport.core.utils', 'DOMUtils'),
         J('fr.opensagres.xdocreport.core.utils', [
             'java.io.IOException', 'java.io.InputStream', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile',
             'javax.xml.parsers.DocumentBuilder', 'javax.xml.parsers.DocumentBuilderFactory',
             'javax.xml.parsers.ParserConfigurationException', 'org.w3c.dom.Document',
             'org.xml.sax.SAXException'])(XDOCREPORT), [
             (1, 'java-00-xdocreport-dom-parser-resolves-entities',
              'an edit drops the hardening of the DOM parser, so a crafted .docx can read local files or reach '
              'internal hosts through external entities when a report is rendered', 'edit'),
             (2, 'java-00-xdocreport-dom-entry-parse-error-swallowed',
              'an edit turns a malformed archive entry into null, so a corrupt template renders as if the part '
              'were absent and the broken document is never reported', 'edit'),
             (0, 'java-ok-00-xdocreport-dom-parser-hardened',
              'clean: the fix refuses document types and external entities', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: thumbnail generation of an enterprise search server (fess)
FESS = template('fess-thumbnail-manager', r'''
/**
 * Generates the thumbnails of crawled documents. Generation reads whole images into memory, so at most
 * {@code queueCapacity} tasks wait for the pool and a full queue makes the job's own thread do the work.
 */
public class ThumbnailManager {
    private static final Logger logger = LogManager.getLogger(ThumbnailManager.class);

    protected int threadPoolSize = 2;
    protected int queueCapacity = 100;
    protected ExecutorService executor;

    @PostConstruct
    public void init() {
02|        executor = new ThreadPoolExecutor(threadPoolSize, threadPoolSize, 0L, TimeUnit.MILLISECONDS,
02|                new ArrayBlockingQueue<>(queueCapacity), new ThreadPoolExecutor.CallerRunsPolicy());
1|        executor = Executors.newFixedThreadPool(threadPoolSize); //@CONC-02
    }

    public int generate(List<ThumbnailTask> tasks) {
01|        List<Future<Boolean>> futures = new ArrayList<>();
        for (ThumbnailTask task : tasks) {
01|            futures.add(executor.submit(() -> process(task)));
2|            executor.submit(() -> process(task)); //@CONC-06
        }
01|        int created = 0;
01|        for (Future<Boolean> future : futures) {
01|            try {
01|                if (future.get()) {
01|                    created++;
01|                }
01|            } catch (ExecutionException e) {
01|                logger.warn("Failed to generate a thumbnail.", e.getCause());
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                break;
01|            }
01|        }
01|        return created;
2|        return tasks.size();
    }

    protected boolean process(ThumbnailTask task) throws IOException {
        ThumbnailGenerator generator = task.getGenerator();
        if (!generator.isAvailable()) {
            return false;
        }
        return generator.generate(task.getThumbnailId(), task.getOutputFile());
    }

    @PreDestroy
    public void destroy() {
        executor.shutdown();
    }
}
''')
FESS_BASE = ['java.io.IOException', 'java.util.List', 'java.util.concurrent.ExecutorService',
             'javax.annotation.PostConstruct', 'javax.annotation.PreDestroy', 'org.apache.logging.log4j.LogManager',
             'org.apache.logging.log4j.Logger']
FESS_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
             'java.util.concurrent.TimeUnit']
FESS_FUTURES = ['java.util.ArrayList', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future']
cases_of(case, GH + 'codelibs/fess/issues/776', src('org.codelibs.fess.thumbnail', 'ThumbnailManager'),
         JV('org.codelibs.fess.thumbnail', {0: FESS_BASE + FESS_POOL + FESS_FUTURES,
                                            1: FESS_BASE + FESS_FUTURES + ['java.util.concurrent.Executors'],
                                            2: FESS_BASE + FESS_POOL})(FESS), [
             (1, 'java-00-fess-thumbnail-pool-unbounded-queue',
              'an edit builds the thumbnail pool with Executors.newFixedThreadPool, so a crawl that queues tens of '
              'thousands of thumbnails holds every task in memory until the generator runs out of heap', 'edit'),
             (2, 'java-00-fess-thumbnail-futures-dropped',
              'an edit submits the thumbnail tasks and drops their futures, so a generator that throws is never '
              'logged and the job reports every thumbnail as created', 'edit'),
             (0, 'java-ok-00-fess-thumbnail-pool-bounded',
              'clean: the fix bounds the queue and runs overflow on the caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: library scan of a media streaming server (airsonic-advanced), renamed file
AIRSONIC = template('airsonic-media-scanner', r'''
/**
 * Scans the music folders in parallel, one task per folder, and counts what it found by media type.
 */
@Service
public class MediaScannerService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaScannerService.class);

    private final MediaFolderService mediaFolderService;
    private final MediaFileService mediaFileService;
    private final int parallelism;
    private volatile boolean scanning;

    public MediaScannerService(MediaFolderService mediaFolderService, MediaFileService mediaFileService,
            @Value("${airsonic.scan.parallelism:4}") int parallelism) {
        this.mediaFolderService = mediaFolderService;
        this.mediaFileService = mediaFileService;
        this.parallelism = parallelism;
    }

    public synchronized void scanLibrary() {
        if (scanning) {
            return;
        }
        scanning = true;
01|        Map<MediaType, Integer> counts = new ConcurrentHashMap<>();
2|        Map<MediaType, Integer> counts = new EnumMap<>(MediaType.class); //@CONC-03
02|        ExecutorService pool = Executors.newFixedThreadPool(parallelism, new ScanThreadFactory());
1|        ExecutorService pool = Executors.newFixedThreadPool(parallelism); //@RES-01
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (MusicFolder folder : mediaFolderService.getAllMusicFolders()) {
                scans.add(pool.submit(() -> scanFolder(folder, counts)));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
1|            pool.shutdown();
            LOG.info("Scan completed: {}", counts);
        } catch (ExecutionException e) {
            LOG.error("Scan failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
02|            pool.shutdown();
            scanning = false;
        }
    }

    private void scanFolder(MusicFolder folder, Map<MediaType, Integer> counts) {
        mediaFileService.walk(folder, file -> counts.merge(file.getMediaType(), 1, Integer::sum));
    }
}
''')
AIRSONIC_BASE = SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.Map',
                         'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                         'org.airsonic.player.domain.MediaFile.MediaType', 'org.airsonic.player.domain.MusicFolder',
                         'org.airsonic.player.service.MediaFileService', 'org.airsonic.player.service.MediaFolderService',
                         'org.springframework.beans.factory.annotation.Value', 'org.springframework.stereotype.Service']
cases_of(case, GH + 'airsonic-advanced/airsonic-advanced/pull/306',
         'airsonic-main/' + src('org.airsonic.player.service.scanner', 'MediaScannerService'),
         JV('org.airsonic.player.service.scanner', {
             0: AIRSONIC_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             1: AIRSONIC_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             2: AIRSONIC_BASE + ['java.util.EnumMap']})(AIRSONIC), [
             (1, 'java-00-airsonic-moved-scanner-pool-leaks-on-failure',
              'a PR moves the scanner into its own package and shuts its pool down only after a successful scan, '
              'so every failed scan leaves its worker threads running', 'rename'),
             (2, 'java-00-airsonic-moved-scanner-counts-unsynchronized',
              'a PR moves the scanner into its own package and counts media types in an EnumMap that every folder '
              'task updates at once, so the totals come out wrong', 'rename'),
             (0, 'java-ok-00-airsonic-moved-scanner',
              'clean: the move alone; the pool is shut down on every path and the counts are concurrent', 'rename'),
         ], rename_from='airsonic-main/' + src('org.airsonic.player.service', 'MediaScannerService'),
         rename_old=lambda t: t.replace('package org.airsonic.player.service.scanner;',
                                        'package org.airsonic.player.service;').replace(
             'import org.airsonic.player.service.MediaFileService;\n', '').replace(
             'import org.airsonic.player.service.MediaFolderService;\n', ''))


# ---------------------------------------------------------------- CONC-07 / TMO-01: feed refresh of a self-hosted RSS reader (commafeed)
COMMAFEED = template('commafeed-feed-refresh', r'''
/**
 * Refreshes the feeds whose next refresh is due, once a minute, and fetches each with bounded connect and read
 * timeouts so one dead site cannot hold the refresh thread.
 */
public class FeedRefreshService implements Managed {
    private static final Logger log = LoggerFactory.getLogger(FeedRefreshService.class);

    private final FeedDAO feedDAO;
    private final FeedRefreshUpdater updater;
    private final int timeoutMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public FeedRefreshService(FeedDAO feedDAO, FeedRefreshUpdater updater, CommaFeedConfiguration config) {
        this.feedDAO = feedDAO;
        this.updater = updater;
        this.timeoutMillis = config.getApplicationSettings().getFeedFetchTimeoutMillis();
    }

    @Override
    public void start() {
02|        scheduler.scheduleWithFixedDelay(this::refreshDueFeedsSafely, 1, 1, TimeUnit.MINUTES);
1|        scheduler.scheduleWithFixedDelay(this::refreshDueFeeds, 1, 1, TimeUnit.MINUTES); //@CONC-07
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }
02|
02|    private void refreshDueFeedsSafely() {
02|        try {
02|            refreshDueFeeds();
02|        } catch (RuntimeException e) {
02|            log.error("Feed refresh run failed", e);
02|        }
02|    }

    private void refreshDueFeeds() {
        for (Feed feed : feedDAO.findNextUpdatable(100, Instant.now())) {
            try {
                updater.update(feed, fetch(feed.getUrl()));
            } catch (IOException e) {
                updater.markError(feed, e.getMessage());
            }
        }
    }

    private byte[] fetch(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@{2}TMO-01
01|        connection.setConnectTimeout(timeoutMillis);
01|        connection.setReadTimeout(timeoutMillis);
        connection.setRequestProperty("User-Agent", "CommaFeed");
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'Athou/commafeed/issues/1034',
         'commafeed-server/' + src('com.commafeed.backend.feed', 'FeedRefreshService'),
         J('com.commafeed.backend.feed', SLF4J + [
             'com.commafeed.CommaFeedConfiguration', 'com.commafeed.backend.dao.FeedDAO',
             'com.commafeed.backend.model.Feed', 'io.dropwizard.lifecycle.Managed', 'java.io.IOException',
             'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL', 'java.time.Instant',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(COMMAFEED), [
             (1, 'java-00-commafeed-refresh-dies-on-first-failure',
              'an edit schedules the refresh run itself, so the first unexpected exception of a run silently '
              'cancels every later refresh until the server restarts', 'edit'),
             (2, 'java-00-commafeed-fetch-without-timeouts',
              'an edit drops the connect and read timeouts of the feed fetch, so a site that stalls mid-response '
              'holds the single refresh thread and no feed refreshes', 'edit'),
             (0, 'java-ok-00-commafeed-refresh-survives-failures',
              'clean: the fix schedules a wrapper that logs a failed run', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: episode download of a self-hosted podcast server (pigeon-pod), new file
PIGEONPOD = template('pigeon-pod-episode-downloader', r'''
/**
 * Downloads the audio of an episode into the podcast's folder. One HTTP client serves every download.
 */
@Service
public class EpisodeDownloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

02|    private final HttpClient httpClient = HttpClient.newBuilder()
02|            .connectTimeout(CONNECT_TIMEOUT)
02|            .followRedirects(HttpClient.Redirect.NORMAL)
02|            .build();
02|
    public Path download(Episode episode, Path folder) throws IOException, InterruptedException {
1|        HttpClient httpClient = HttpClient.newBuilder() //@RES-04
1|                .connectTimeout(CONNECT_TIMEOUT)
1|                .followRedirects(HttpClient.Redirect.NORMAL)
1|                .build();
        Path target = folder.resolve(episode.getId() + ".mp3");
        HttpRequest request = HttpRequest.newBuilder(URI.create(episode.getAudioUrl()))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream()); //@{2}RES-02
01|        try (InputStream body = response.body()) {
01|            if (response.statusCode() != 200) {
01|                throw new IOException("Download of episode " + episode.getId() + " answered " + response.statusCode());
01|            }
01|            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
01|        }
2|        if (response.statusCode() != 200) {
2|            throw new IOException("Download of episode " + episode.getId() + " answered " + response.statusCode());
2|        }
2|        try (InputStream body = response.body()) {
2|            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
2|        }
        return target;
    }
}
''')
cases_of(case, GH + 'aizhimou/pigeon-pod/issues/2', 'backend/' + src('top.asimov.pigeon.service', 'EpisodeDownloader'),
         J('top.asimov.pigeon.service', [
             'java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.nio.file.StandardCopyOption', 'java.time.Duration', 'org.springframework.stereotype.Service',
             'top.asimov.pigeon.model.Episode'])(PIGEONPOD), [
             (1, 'java-00-pigeon-pod-new-downloader-client-per-episode',
              'a new episode downloader builds an HttpClient for every episode, so each download starts its own '
              'connection pool and selector thread', 'new'),
             (2, 'java-00-pigeon-pod-new-downloader-error-body-left-open',
              'a new episode downloader throws on a non-200 answer before it takes the body stream, so every '
              'failed episode leaves its connection open', 'new'),
             (0, 'java-ok-00-pigeon-pod-new-downloader',
              'clean: a new episode downloader with one shared client that closes every answer\'s body', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: transactional save of a JCR content repository (ModeShape)
MODESHAPE = template('modeshape-transactional-save', r'''
/**
 * Writes the change sets of one session save in a single transaction of the repository's transaction manager.
 */
final class TransactionalChangeWriter {
    private static final Logger LOGGER = Logger.getLogger(TransactionalChangeWriter.class);

    private final TransactionManager txnMgr;
    private final DocumentStore store;

    TransactionalChangeWriter(TransactionManager txnMgr, DocumentStore store) {
        this.txnMgr = txnMgr;
        this.store = store;
    }

    void write(List<ChangeSet> changes) throws Exception {
        txnMgr.begin();
        try {
            persistAll(changes); //@{1}TX-01
            txnMgr.commit();
        } catch (RuntimeException | RollbackException e) {
02|            rollback(e);
            throw e;
        }
    }

    private void persistAll(List<ChangeSet> changes) {
        for (ChangeSet change : changes) {
            for (NodeKey key : change.changedNodes()) {
                store.updateDocument(key.toString(), change.documentFor(key), null);
            }
        }
    }

    private void rollback(Exception cause) {
        try {
            txnMgr.rollback();
        } catch (SystemException | IllegalStateException e) { //@{2}ERR-01
01|            cause.addSuppressed(e);
01|            LOGGER.error(e, JcrI18n.errorWhileRollingBackTransaction, cause.getMessage());
2|            // the caller rethrows the original failure
        }
    }
}
''')
cases_of(case, GH + 'ModeShape/modeshape/pull/1605',
         'modeshape-jcr/' + src('org.modeshape.jcr.cache.document', 'TransactionalChangeWriter'),
         J('org.modeshape.jcr.cache.document', [
             'java.util.List', 'javax.transaction.RollbackException', 'javax.transaction.SystemException',
             'javax.transaction.TransactionManager', 'org.modeshape.common.logging.Logger',
             'org.modeshape.jcr.JcrI18n', 'org.modeshape.jcr.cache.ChangeSet', 'org.modeshape.jcr.cache.NodeKey',
             'org.modeshape.jcr.cache.document.DocumentStore'])(MODESHAPE), [
             (1, 'java-00-modeshape-save-not-rolled-back',
              'an edit rethrows a failed save without rolling the transaction back, so the thread keeps a '
              'half-written transaction bound to it and the next save joins it', 'edit'),
             (2, 'java-00-modeshape-rollback-failure-swallowed',
              'an edit swallows a failing rollback, so a transaction the manager could not roll back leaves no '
              'trace next to the save failure that triggered it', 'edit'),
             (0, 'java-ok-00-modeshape-save-rolled-back',
              'clean: the fix rolls a failed save back', 'fix'),
         ])
