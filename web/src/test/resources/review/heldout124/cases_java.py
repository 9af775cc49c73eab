"""Round-124 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, tst, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / LOG-02: BAM record reader of a Hadoop genomics library (Hadoop-BAM)
HADOOPBAM = template('hadoop-bam-record-reader', r'''
/**
 * Reads the BAM records of one input split. The BAM file reader keeps the file's index open besides the record
 * stream, so it is held in a field and closed with the split.
 */
public class BAMRecordReader extends RecordReader<LongWritable, SAMRecordWritable> {
    private static final Logger LOG = LoggerFactory.getLogger(BAMRecordReader.class);

    private final LongWritable key = new LongWritable();
    private final SAMRecordWritable record = new SAMRecordWritable();
02|    private BAMFileReader bamFileReader;
    private CloseableIterator<SAMRecord> iterator;
    private long fileStart;
    private long virtualEnd;

    @Override
    public void initialize(InputSplit spl, TaskAttemptContext ctx) throws IOException {
        FileVirtualSplit split = (FileVirtualSplit) spl;
        Path file = split.getPath();
        FileSystem fs = file.getFileSystem(ctx.getConfiguration());
        fileStart = split.getStartVirtualOffset();
        virtualEnd = split.getEndVirtualOffset();
02|        bamFileReader = openReader(fs, file);
02|        iterator = bamFileReader.iterator(new BAMFileSpan(new Chunk(fileStart, virtualEnd)));
1|        BAMFileReader reader = openReader(fs, file); //@RES-01
1|        iterator = reader.iterator(new BAMFileSpan(new Chunk(fileStart, virtualEnd)));
01|        LOG.debug("Reading split {} of {} ({} to {})", split, file, fileStart, virtualEnd);
2|        LOG.debug("Reading split " + split + " of " + file + " (" + fileStart + " to " + virtualEnd + ")"); //@LOG-02
    }

    @Override
    public boolean nextKeyValue() {
        if (!iterator.hasNext()) {
            return false;
        }
        SAMRecord r = iterator.next();
        key.set(BAMRecordReader.getKey(r));
        record.set(r);
        return true;
    }

    @Override
    public LongWritable getCurrentKey() {
        return key;
    }

    @Override
    public SAMRecordWritable getCurrentValue() {
        return record;
    }

    @Override
    public float getProgress() {
        return 0f;
    }

    @Override
    public void close() throws IOException {
        iterator.close();
02|        if (bamFileReader != null) {
02|            bamFileReader.close();
02|        }
    }

    /** Opens the BAM file and its index; the reader owns both streams, which are closed here if it cannot be built. */
    static BAMFileReader openReader(FileSystem fs, Path file) throws IOException {
        SeekableStream in = WrapSeekable.openPath(fs, file);
        try {
            SeekableStream index = WrapSeekable.openPath(fs, file.suffix(".bai"));
            try {
                return new BAMFileReader(in, index, false, false, ValidationStringency.SILENT, new DefaultSAMRecordFactory(), null);
            } catch (IOException | RuntimeException e) {
                index.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static long getKey(SAMRecord r) {
        return ((long) r.getReferenceIndex() << 32) | (r.getAlignmentStart() - 1);
    }
}
''')
_HB_PKG = 'org.seqdoop.hadoop_bam'
_HB = SLF4J + ['htsjdk.samtools.BAMFileReader', 'htsjdk.samtools.BAMFileSpan', 'htsjdk.samtools.Chunk',
               'htsjdk.samtools.DefaultSAMRecordFactory', 'htsjdk.samtools.SAMRecord',
               'htsjdk.samtools.ValidationStringency', 'htsjdk.samtools.seekablestream.SeekableStream',
               'htsjdk.samtools.util.CloseableIterator', 'java.io.IOException', 'org.apache.hadoop.fs.FileSystem',
               'org.apache.hadoop.fs.Path', 'org.apache.hadoop.io.LongWritable', 'org.apache.hadoop.mapreduce.InputSplit',
               'org.apache.hadoop.mapreduce.RecordReader', 'org.apache.hadoop.mapreduce.TaskAttemptContext',
               'org.seqdoop.hadoop_bam.util.WrapSeekable']
cases_of(case, GH + 'HadoopGenomics/Hadoop-BAM/pull/152', src(_HB_PKG, 'BAMRecordReader'), J(_HB_PKG, _HB)(HADOOPBAM), [
    (1, 'java-00-hadoop-bam-file-reader-never-closed',
     'an edit keeps the BAM file reader in a local variable, so closing the split closes the record iterator but '
     'leaves the reader and its index stream open', 'edit'),
    (2, 'java-00-hadoop-bam-split-debug-concatenated',
     'an edit builds the split\'s debug line by concatenation, formatting the split on every task even with debug off',
     'edit'),
    (0, 'java-ok-00-hadoop-bam-file-reader-closed-with-split',
     'clean: the fix keeps the BAM file reader in a field and closes it with the split', 'fix'),
])


# ---------------------------------------------------------------- RES-03 / ERR-01: sample counts of VCF files of a genetics toolkit (systemsgenetics)
VCFCOUNTS = template('systemsgenetics-vcf-sample-counts', r'''
/**
 * Counts the samples of every VCF file of a genotype data set (one file per chromosome). A data set has up to a few
 * hundred files, so each file is closed before the next is opened.
 */
public class VcfSampleCounter {
    private static final Logger LOGGER = LoggerFactory.getLogger(VcfSampleCounter.class);

    public Map<String, Integer> countSamples(List<File> vcfFiles) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
1|        List<BufferedReader> readers = new ArrayList<>();
1|        try {
1|            for (File vcf : vcfFiles) {
1|                BufferedReader reader = openVcf(vcf); //@RES-03
1|                readers.add(reader);
1|                counts.put(vcf.getName(), samplesInHeader(reader, vcf));
1|            }
1|        } finally {
1|            for (BufferedReader reader : readers) {
1|                reader.close();
1|            }
1|        }
02|        for (File vcf : vcfFiles) {
02|            try (BufferedReader reader = openVcf(vcf)) {
02|                counts.put(vcf.getName(), samplesInHeader(reader, vcf));
02|            } catch (IOException e) { //@{2}ERR-01
0|                throw new IOException("Cannot read the header of " + vcf, e);
2|                counts.put(vcf.getName(), 0);
02|            }
02|        }
        LOGGER.info("Counted samples of {} VCF files", counts.size());
        return counts;
    }

    private static BufferedReader openVcf(File vcf) throws IOException {
        InputStream in = new FileInputStream(vcf);
        try {
            if (vcf.getName().endsWith(".gz")) {
                in = new BlockCompressedInputStream(in);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int samplesInHeader(BufferedReader reader, File vcf) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#CHROM")) {
                String[] columns = line.split("\t");
                return Math.max(0, columns.length - 9);
            }
            if (!line.startsWith("##")) {
                break;
            }
        }
        throw new IOException("No #CHROM header line in " + vcf);
    }
}
''')
_VC_PKG = 'org.molgenis.genotype.vcf'
_VC = SLF4J + ['htsjdk.samtools.util.BlockCompressedInputStream', 'java.io.BufferedReader', 'java.io.File',
               'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.io.InputStreamReader',
               'java.nio.charset.StandardCharsets', 'java.util.LinkedHashMap', 'java.util.List', 'java.util.Map']
cases_of(case, GH + 'molgenis/systemsgenetics/pull/260', 'Genotype-IO/' + src(_VC_PKG, 'VcfSampleCounter'),
         JV(_VC_PKG, {0: _VC, 1: _VC + ['java.util.ArrayList'], 2: _VC})(VCFCOUNTS), [
             (1, 'java-00-systemsgenetics-vcf-readers-closed-after-loop',
              'an edit keeps every VCF file of the data set open until all headers are read, one descriptor per '
              'chromosome file at once', 'edit'),
             (2, 'java-00-systemsgenetics-vcf-header-error-counted-as-zero',
              'an edit records zero samples for a VCF file whose header cannot be read, hiding the broken file',
              'edit'),
             (0, 'java-ok-00-systemsgenetics-vcf-reader-closed-per-file',
              'clean: the fix reads each file\'s header in its own try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: PostgreSQL storage of a geospatial data hub (naksha), test file beside the fix
NAKSHAPOOL = template('naksha-psql-pool', r'''
/**
 * The PostgreSQL storage of a Naksha hub. All sessions share one connection pool per storage; the driver bounds
 * the connect, login and socket reads so that a database that stops answering fails a request instead of hanging it.
 */
public class PsqlStorage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PsqlStorage.class);

    private final PsqlConfig config;
02|    private final HikariDataSource pool;

    public PsqlStorage(PsqlConfig config) {
        this.config = config;
02|        this.pool = new HikariDataSource(hikariConfig(config));
    }

    public Connection getConnection() throws SQLException {
02|        Connection connection = pool.getConnection();
1|        HikariDataSource dataSource = new HikariDataSource(hikariConfig(config)); //@RES-04
1|        Connection connection = dataSource.getConnection();
        try {
            connection.setSchema(config.schema());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    static HikariConfig hikariConfig(PsqlConfig config) {
        PGSimpleDataSource ds = new PGSimpleDataSource(); //@{2}TMO-01
01|        ds.setConnectTimeout(config.connectTimeoutSeconds());
01|        ds.setLoginTimeout(config.connectTimeoutSeconds());
01|        ds.setSocketTimeout(config.socketTimeoutSeconds());
        ds.setServerNames(new String[] {config.host()});
        ds.setPortNumbers(new int[] {config.port()});
        ds.setDatabaseName(config.db());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        ds.setApplicationName(config.appName());

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(ds);
        hikari.setPoolName("naksha-" + config.appName());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setConnectionTimeout(config.connectTimeoutSeconds() * 1000L);
        return hikari;
    }

    @Override
    public void close() {
02|        pool.close();
        log.info("Closed PostgreSQL storage {}", config.appName());
    }
}
''')
NAKSHATEST = r'''package com.here.naksha.lib.psql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

class PsqlStoragePoolTest {

    @Test
    void connectionsAreReturnedToTheSharedPool() throws Exception {
        try (PsqlStorage storage = new PsqlStorage(PsqlConfig.fromEnv())) {
            for (int i = 0; i < 20; i++) {
                try (Connection c = storage.getConnection()) {
                    assertTrue(c.isValid(5));
                }
            }
        }
    }
}
'''
_NK_PKG = 'com.here.naksha.lib.psql'
_NK = SLF4J + ['com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection',
               'java.sql.SQLException', 'org.postgresql.ds.PGSimpleDataSource']
cases_of(case, GH + 'heremaps/naksha/pull/119', 'here-naksha-lib-psql/' + src(_NK_PKG, 'PsqlStorage'),
         J(_NK_PKG, _NK)(NAKSHAPOOL), [
             (1, 'java-00-naksha-psql-pool-per-connection',
              'an edit builds a new connection pool for every connection it hands out', 'edit'),
             (2, 'java-00-naksha-psql-driver-without-timeouts',
              'an edit drops the driver\'s connect, login and socket timeouts, so a stalled database hangs every '
              'session of the hub', 'edit'),
             (0, 'java-ok-00-naksha-psql-shared-pool-with-timeouts',
              'clean: the fix shares one pool per storage with driver timeouts and adds a test beside it', 'fix',
              [f('here-naksha-lib-psql/' + tst(_NK_PKG, 'PsqlStoragePoolTest'), new=NAKSHATEST)]),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: acquisition manager of a microscope control program (micro-manager)
MMACQ = template('micromanager-acquisition-manager', r'''
/**
 * Runs multi-dimensional acquisitions. A script may run an acquisition on its own thread and cancel it with
 * Thread.interrupt(); the interrupt must reach that script, so it is never swallowed here.
 */
public final class DefaultAcquisitionManager implements AcquisitionManager {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAcquisitionManager.class);

    private final AcquisitionEngine engine;
    private final Studio studio;

    public DefaultAcquisitionManager(Studio studio, AcquisitionEngine engine) {
        this.studio = studio;
        this.engine = engine;
    }

    @Override
    public Datastore runAcquisition(SequenceSettings settings) throws InterruptedException {
        Datastore store = engine.acquire(settings);
        while (engine.isAcquisitionRunning()) {
            try {
                Thread.sleep(50);
02|            } catch (InterruptedException e) {
02|                LOG.info("Acquisition interrupted; stopping it");
02|                engine.abortRequest();
02|                Thread.currentThread().interrupt();
02|                throw e;
1|            } catch (InterruptedException e) { //@CONC-05
1|                LOG.info("Acquisition interrupted; waiting for it to finish");
            }
        }
        return store;
    }

    @Override
    public void runAcquisitionInBackground(SequenceSettings settings) {
        Runnable task = () -> {
            try {
                runAcquisition(settings);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread acquisitionThread = new Thread(task, "MDA acquisition"); //@{2}CONC-01
01|        acquisitionThread.setUncaughtExceptionHandler((t, e) -> {
01|            LOG.error("Acquisition on {} failed", t.getName(), e);
01|            studio.logs().showError(e, "Acquisition failed");
01|        });
        acquisitionThread.start();
    }

    @Override
    public boolean isAcquisitionRunning() {
        return engine.isAcquisitionRunning();
    }
}
''')
_MM_PKG = 'org.micromanager.acquisition.internal'
_MM = SLF4J + ['org.micromanager.Studio', 'org.micromanager.acquisition.AcquisitionManager',
               'org.micromanager.acquisition.SequenceSettings', 'org.micromanager.data.Datastore']
cases_of(case, GH + 'micro-manager/micro-manager/issues/767', 'mmstudio/' + src(_MM_PKG, 'DefaultAcquisitionManager'),
         J(_MM_PKG, _MM)(MMACQ), [
             (1, 'java-00-micromanager-acquisition-interrupt-swallowed',
              'an edit catches the interrupt of a running acquisition and keeps waiting, so the script that cancelled '
              'it never learns and carries on', 'edit'),
             (2, 'java-00-micromanager-acquisition-thread-without-handler',
              'an edit starts the background acquisition thread without an uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-micromanager-acquisition-interrupt-propagated',
              'clean: the fix aborts the acquisition, restores the flag and rethrows the interrupt', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / LOG-02: cache size check of a satellite toolbox (s2tbx)
S2CACHE = template('s2tbx-cache-size-checking', r'''
/**
 * Checks the size of the Sentinel-2 product cache in the background and deletes the oldest entries when it exceeds
 * its limit. {@link #complete()} is called when SNAP shuts down; it stops the loop and lets a running clean-up
 * finish so that no half-deleted entry is left behind.
 */
public class S2CacheSizeChecking {
    private static final Logger logger = Logger.getLogger(S2CacheSizeChecking.class.getName());

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "s2-cache-size-checking");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> logger.log(Level.SEVERE, "Cache size checking stopped", e));
        return t;
    });
    private volatile boolean running = true;

    public void process(S2CacheOptions options) {
        try {
            long limit = options.getMaxCacheSizeBytes();
            long period = options.getCheckPeriodMillis();
            executor.execute(() -> {
                while (running) {
                    try {
                        S2CacheUtils.deleteOldestUntilBelow(limit);
                        Thread.sleep(period);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        logger.log(Level.WARNING, "Cache size check failed", e);
                    }
                }
            });
        } catch (RuntimeException ex) {
01|            logger.log(Level.SEVERE, "Failed to initialize S2Cache options", ex);
2|            logger.log(Level.SEVERE, "Failed to initialize S2Cache options: " + ex.getMessage()); //@LOG-02
        }
    }

    public void complete() {
        running = false;
02|        executor.shutdown();
02|        try {
02|            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
02|                logger.warning("Cache clean-up still running after 30 s; leaving it to the JVM");
02|            }
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        }
1|        executor.shutdownNow(); //@OPS-01
    }
}
''')
_S2_PKG = 'org.esa.s2tbx.dataio.cache'
_S2 = ['java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.logging.Level',
       'java.util.logging.Logger']
cases_of(case, GH + 'senbox-org/s2tbx/pull/92', 's2tbx-cache/' + src(_S2_PKG, 'S2CacheSizeChecking'),
         JV(_S2_PKG, {0: _S2 + ['java.util.concurrent.TimeUnit'], 1: _S2,
                      2: _S2 + ['java.util.concurrent.TimeUnit']})(S2CACHE), [
             (1, 'java-00-s2tbx-cache-check-stopped-mid-cleanup',
              'an edit stops the cache checker with shutdownNow on SNAP\'s exit, interrupting a clean-up halfway '
              'instead of letting it finish', 'edit'),
             (2, 'java-00-s2tbx-cache-options-error-concatenated',
              'an edit logs the failure to read the cache options as a concatenated message without the exception',
              'edit'),
             (0, 'java-ok-00-s2tbx-cache-check-drained-on-exit',
              'clean: the fix shuts the checker down and waits for a running clean-up to finish', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: DICOMweb STOW-RS export of a medical image viewer (Weasis)
WEASISSTOW = template('weasis-stow-rs-export', r'''
/**
 * Sends DICOM instances to a DICOMweb server with STOW-RS. A large study is one multipart request whose body may
 * take minutes to send, so the client bounds the connect and the request carries no deadline over the whole
 * exchange; the server's answer is read and closed on every path.
 */
public class DicomStowRS implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DicomStowRS.class);

    private final HttpClient client;
    private final URI stowUri;
    private final Map<String, String> headers;

    public DicomStowRS(URI stowUri, Map<String, String> headers, Duration connectTimeout) {
        this.stowUri = stowUri;
        this.headers = headers;
02|        this.client = HttpClient.newBuilder()
02|                .connectTimeout(connectTimeout)
02|                .followRedirects(HttpClient.Redirect.NORMAL)
02|                .build();
1|        this.client = HttpClient.newBuilder() //@TMO-01
1|                .followRedirects(HttpClient.Redirect.NORMAL)
1|                .build();
    }

    public StowResult upload(Iterable<Path> instances, String boundary) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stowUri)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> MultipartBody.stream(instances, boundary)));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()); //@{2}RES-02
01|        try (InputStream body = response.body()) {
01|            if (response.statusCode() >= 300) {
01|                String detail = new String(body.readNBytes(8192), StandardCharsets.UTF_8);
01|                LOGGER.warn("STOW-RS to {} answered {}: {}", stowUri, response.statusCode(), detail);
01|                return StowResult.failed(response.statusCode(), detail);
01|            }
01|            return StowResult.parse(body);
01|        }
2|        if (response.statusCode() >= 300) {
2|            LOGGER.warn("STOW-RS to {} answered {}", stowUri, response.statusCode());
2|            return StowResult.failed(response.statusCode(), "");
2|        }
2|        try (InputStream body = response.body()) {
2|            return StowResult.parse(body);
2|        }
    }

    @Override
    public void close() {
        LOGGER.debug("STOW-RS client for {} closed", stowUri);
    }
}
''')
_WS_PKG = 'org.weasis.dicom.web'
_WS = SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient',
               'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets',
               'java.nio.file.Path', 'java.time.Duration', 'java.util.Map']
cases_of(case, GH + 'nroduit/Weasis/issues/899', 'weasis-dicom/weasis-dicom-tools/' + src(_WS_PKG, 'DicomStowRS'),
         J(_WS_PKG, _WS)(WEASISSTOW), [
             (1, 'java-00-weasis-stow-client-without-connect-timeout',
              'an edit builds the STOW-RS HTTP client without a connect timeout, so an export to an unreachable '
              'server hangs the export dialog', 'edit'),
             (2, 'java-00-weasis-stow-error-response-left-open',
              'an edit returns on an error status without closing the response body stream', 'edit'),
             (0, 'java-ok-00-weasis-stow-client-with-connect-timeout',
              'clean: the fix bounds the connect and closes the answer on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-07: file cache of a scientific data library (netcdf-java), renamed file
NCFILECACHE = template('netcdf-java-file-cache', r'''
/**
 * Keeps recently used NetcdfFiles open for reuse. Threads acquire and release files concurrently, and a scheduled
 * clean-up closes the least recently used ones above the soft limit; every access to the cache map holds the lock.
 */
public class FileCache implements FileCacheIF {
    private static final Logger log = LoggerFactory.getLogger(FileCache.class);

    private final String name;
    private final int softLimit;
    private final Map<Object, CacheElement> cache = new HashMap<>();
    private final ScheduledExecutorService exec;

    public FileCache(String name, int softLimit, long periodSeconds, ScheduledExecutorService exec) {
        this.name = name;
        this.softLimit = softLimit;
        this.exec = exec;
01|        exec.scheduleAtFixedRate(this::cleanupSafely, periodSeconds, periodSeconds, TimeUnit.SECONDS);
2|        exec.scheduleAtFixedRate(this::cleanup, periodSeconds, periodSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    public synchronized FileCacheable acquire(Object key) {
        CacheElement elem = cache.get(key);
        if (elem == null || elem.locked) {
            return null;
        }
        elem.locked = true;
        elem.lastAccessed = System.nanoTime();
        return elem.file;
    }

    public synchronized void release(Object key, FileCacheable file) {
        CacheElement elem = cache.computeIfAbsent(key, k -> new CacheElement(file));
        elem.locked = false;
        elem.lastAccessed = System.nanoTime();
    }

01|    private void cleanupSafely() {
01|        try {
01|            cleanup();
01|        } catch (RuntimeException e) {
01|            log.error("FileCache {}: clean-up failed", name, e);
01|        }
01|    }
01|
02|    synchronized void cleanup() {
1|    void cleanup() {
        int size = cache.size(); //@{1}CONC-03
        if (size <= softLimit) {
            return;
        }
        List<Map.Entry<Object, CacheElement>> unlocked = new ArrayList<>();
        for (Map.Entry<Object, CacheElement> e : cache.entrySet()) {
            if (!e.getValue().locked) {
                unlocked.add(e);
            }
        }
        unlocked.sort(Comparator.comparingLong(e -> e.getValue().lastAccessed));
        int toClose = Math.min(size - softLimit, unlocked.size());
        for (int i = 0; i < toClose; i++) {
            Map.Entry<Object, CacheElement> e = unlocked.get(i);
            cache.remove(e.getKey());
            e.getValue().closeQuietly(log);
        }
        log.debug("FileCache {}: closed {} of {} files", name, toClose, size);
    }

    private static final class CacheElement {
        final FileCacheable file;
        boolean locked;
        long lastAccessed;

        CacheElement(FileCacheable file) {
            this.file = file;
        }

        void closeQuietly(Logger log) {
            try {
                file.close();
            } catch (IOException e) {
                log.warn("Closing {} failed", file.getLocation(), e);
            }
        }
    }
}
''')
_NC_PKG = 'ucar.nc2.internal.cache'
_NC_OLD = 'ucar.nc2.util.cache'
_NC = SLF4J + ['java.io.IOException', 'java.util.ArrayList', 'java.util.Comparator', 'java.util.HashMap',
               'java.util.List', 'java.util.Map', 'java.util.concurrent.ScheduledExecutorService',
               'java.util.concurrent.TimeUnit', 'ucar.nc2.util.cache.FileCacheIF', 'ucar.nc2.util.cache.FileCacheable']
cases_of(case, GH + 'Unidata/netcdf-java/pull/61', 'cdm/core/' + src(_NC_PKG, 'FileCache'), J(_NC_PKG, _NC)(NCFILECACHE), [
    (1, 'java-00-netcdf-java-renamed-file-cache-cleanup-unlocked',
     'a move of the file cache to the internal package drops the lock of the clean-up, which walks and edits the map '
     'that acquiring threads change', 'rename'),
    (2, 'java-00-netcdf-java-renamed-file-cache-cleanup-unguarded',
     'a move of the file cache schedules the clean-up without its catch, so one failure stops every later clean-up',
     'rename'),
    (0, 'java-ok-00-netcdf-java-renamed-file-cache',
     'clean: the move alone; the clean-up is synchronized and scheduled through a guard', 'rename'),
], rename_from='cdm/core/' + src(_NC_OLD, 'FileCache'),
   rename_old=lambda t: t.replace('package ' + _NC_PKG + ';', 'package ' + _NC_OLD + ';'))


# ---------------------------------------------------------------- RES-01 / LOG-01: GeoTIFF output of a scientific data server (ERDDAP), CRLF file
ERDDAPTIFF = template('erddap-geotiff-writer', r'''
/**
 * Writes a grid as a GeoTIFF file for a griddap request. The output stream is closed on every path: a request that
 * fails halfway must not leave the descriptor of its (then deleted) temporary file open.
 */
public class GeotiffWriter {
    private static final Logger log = LoggerFactory.getLogger(GeotiffWriter.class);

    private final GeotiffEncoder encoder;

    public GeotiffWriter(GeotiffEncoder encoder) {
        this.encoder = encoder;
    }

    public void saveAsGeotiff(Grid grid, Path target, String requestId) throws IOException {
02|        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
02|            writeGrid(grid, out, requestId);
02|        }
1|        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target)); //@RES-01
1|        writeGrid(grid, out, requestId);
1|        out.close();
        log.info("[{}] wrote GeoTIFF {} ({} x {})", requestId, target.getFileName(), grid.nLon(), grid.nLat());
    }

    private void writeGrid(Grid grid, OutputStream out, String requestId) throws IOException {
        encoder.writeHeader(out, grid.lonRange(), grid.latRange(), grid.nLon(), grid.nLat());
        for (int row = grid.nLat() - 1; row >= 0; row--) {
            encoder.writeRow(out, grid.row(row));
2|            log.info("[{}] GeoTIFF row {} of {} written", requestId, grid.nLat() - row, grid.nLat()); //@LOG-01
        }
        encoder.writeTrailer(out);
    }
}
''')
_ER_PKG = 'gov.noaa.pfel.erddap.dataset'
_ER = SLF4J + ['java.io.BufferedOutputStream', 'java.io.IOException', 'java.io.OutputStream', 'java.nio.file.Files',
               'java.nio.file.Path']
cases_of(case, GH + 'ERDDAP/erddap/issues/20', src(_ER_PKG, 'GeotiffWriter'), J(_ER_PKG, _ER)(ERDDAPTIFF), [
    (1, 'java-00-erddap-geotiff-stream-left-open-on-failure',
     'an edit closes the GeoTIFF output stream only when the grid is written without an error, leaking the '
     'descriptor of every failed request', 'edit'),
    (2, 'java-00-erddap-geotiff-logs-every-row',
     'an edit logs a line at INFO for every row of the grid it writes', 'edit'),
    (0, 'java-ok-00-erddap-geotiff-stream-closed-on-every-path',
     'clean: the fix writes the grid inside try-with-resources', 'fix'),
], crlf=True)


# ---------------------------------------------------------------- TIME-01 / TX-01: run completion of a genomics LIMS (miso-lims)
MISORUN = template('miso-lims-run-completion', r'''
/**
 * Marks a sequencing run completed and records the change in the run's change log, in one transaction. Timestamps
 * are written in the database server's time zone (Pinery and the LIMS read them back in that zone).
 */
public class RunCompletionDao {
    private static final String UPDATE_RUN = "UPDATE Run SET health = 'Completed', completionDate = ? WHERE runId = ?";
    private static final String INSERT_CHANGE = "INSERT INTO RunChangeLog (runId, columnsChanged, userId, message, changeTime) VALUES (?, 'health', ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final TimeZone dbTimeZone;

    public RunCompletionDao(DataSource dataSource, Clock clock, TimeZone dbTimeZone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.dbTimeZone = dbTimeZone;
    }

    public void markCompleted(long runId, long userId) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                try (PreparedStatement run = c.prepareStatement(UPDATE_RUN)) {
0|                    run.setTimestamp(1, now, Calendar.getInstance(dbTimeZone));
1|                    run.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now())); //@TIME-01
01|                    run.setLong(2, runId);
01|                    run.executeUpdate();
01|                }
01|                try (PreparedStatement log = c.prepareStatement(INSERT_CHANGE)) {
01|                    log.setLong(1, runId);
01|                    log.setLong(2, userId);
01|                    log.setString(3, "Run marked completed");
01|                    log.setTimestamp(4, now, Calendar.getInstance(dbTimeZone));
01|                    log.executeUpdate();
01|                }
01|                c.commit();
01|            } catch (SQLException | RuntimeException e) {
01|                c.rollback();
01|                throw e;
01|            }
2|            try (PreparedStatement run = c.prepareStatement(UPDATE_RUN)) {
2|                run.setTimestamp(1, now, Calendar.getInstance(dbTimeZone));
2|                run.setLong(2, runId);
2|                run.executeUpdate();
2|            }
2|            try (PreparedStatement log = c.prepareStatement(INSERT_CHANGE)) {
2|                log.setLong(1, runId);
2|                log.setLong(2, userId);
2|                log.setString(3, "Run marked completed");
2|                log.setTimestamp(4, now, Calendar.getInstance(dbTimeZone));
2|                log.executeUpdate();
2|            }
2|            c.commit();
        }
    }
}
''')
_MI_PKG = 'uk.ac.bbsrc.tgac.miso.persistence.impl'
_MI = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.sql.Timestamp',
       'java.time.Clock', 'java.util.Calendar', 'java.util.TimeZone', 'javax.sql.DataSource']
cases_of(case, GH + 'miso-lims/miso-lims/pull/3029', 'sqlstore/' + src(_MI_PKG, 'RunCompletionDao'),
         JV(_MI_PKG, {0: _MI, 1: _MI + ['java.time.LocalDateTime'], 2: _MI})(MISORUN), [
             (1, 'java-00-miso-lims-completion-date-in-jvm-zone',
              'an edit writes the run\'s completion date from the JVM\'s local clock, so it lands hours off when the '
              'application server and the database run in different zones', 'edit'),
             (2, 'java-00-miso-lims-completion-not-rolled-back',
              'an edit drops the rollback of the completion transaction, leaving a half-written change on a failed '
              'change-log insert', 'edit'),
             (0, 'java-ok-00-miso-lims-completion-date-in-db-zone',
              'clean: the fix writes both timestamps in the database\'s zone inside a transaction that rolls back on '
              'failure', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-02: websocket session of a pipeline platform's agent (tower-agent), new file
TOWERAGENT = template('tower-agent-session', r'''
/**
 * The agent's websocket session with Tower. A heartbeat keeps the session alive and re-authenticates it; messages
 * for Tower wait in a bounded queue while the session reconnects, and the oldest are dropped when it is full.
 */
public class AgentSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);
    static final int MAX_PENDING = 1000;

    private final TowerConnector connector;
    private final ScheduledExecutorService scheduler;
01|    private final BlockingQueue<AgentMessage> pending = new ArrayBlockingQueue<>(MAX_PENDING);
2|    private final BlockingQueue<AgentMessage> pending = new LinkedBlockingQueue<>(); //@CONC-02
    private volatile WebSocketSession session;

    public AgentSession(TowerConnector connector) {
        this.connector = connector;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tower-agent-heartbeat");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> log.error("Heartbeat thread died", e));
            return t;
        });
    }

    public void start(Duration heartbeatPeriod) {
        session = connector.connect();
02|        scheduler.scheduleAtFixedRate(this::heartbeatSafely, heartbeatPeriod.toSeconds(), heartbeatPeriod.toSeconds(), TimeUnit.SECONDS);
1|        scheduler.scheduleAtFixedRate(this::heartbeat, heartbeatPeriod.toSeconds(), heartbeatPeriod.toSeconds(), TimeUnit.SECONDS); //@CONC-07
    }

    public void send(AgentMessage message) {
01|        while (!pending.offer(message)) {
01|            AgentMessage dropped = pending.poll();
01|            if (dropped != null) {
01|                log.warn("Outgoing queue full; dropped message {}", dropped.id());
01|            }
01|        }
2|        pending.add(message);
        flush();
    }

02|    private void heartbeatSafely() {
02|        try {
02|            heartbeat();
02|        } catch (RuntimeException e) {
02|            log.warn("Heartbeat failed; reconnecting on the next one", e);
02|            session = null;
02|        }
02|    }
02|
    private void heartbeat() {
        WebSocketSession s = session;
        if (s == null || !s.isOpen()) {
            log.info("Connection to Tower lost; reconnecting");
            s = connector.connect();
            session = s;
        }
        s.sendHeartbeat();
        flush();
    }

    private synchronized void flush() {
        WebSocketSession s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        AgentMessage next;
        while ((next = pending.peek()) != null) {
            s.send(next);
            pending.poll();
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Heartbeat still running 10 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WebSocketSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
''')
_TA_PKG = 'io.seqera.tower.agent'
_TA = SLF4J + ['java.time.Duration', 'java.util.concurrent.BlockingQueue', 'java.util.concurrent.Executors',
               'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'seqeralabs/tower-agent/issues/42', src(_TA_PKG, 'AgentSession'),
         JV(_TA_PKG, {0: _TA + ['java.util.concurrent.ArrayBlockingQueue'],
                      1: _TA + ['java.util.concurrent.ArrayBlockingQueue'],
                      2: _TA + ['java.util.concurrent.LinkedBlockingQueue']})(TOWERAGENT), [
             (1, 'java-00-tower-agent-new-session-heartbeat-unguarded',
              'a new agent session schedules the heartbeat without a catch, so one failed reconnect ends every later '
              'heartbeat and the agent never reconnects', 'new'),
             (2, 'java-00-tower-agent-new-session-pending-queue-unbounded',
              'a new agent session queues outgoing messages without a bound while Tower is unreachable', 'new'),
             (0, 'java-ok-00-tower-agent-new-session',
              'clean: a new agent session with a bounded queue and a heartbeat that survives a failed reconnect',
              'new'),
         ])
