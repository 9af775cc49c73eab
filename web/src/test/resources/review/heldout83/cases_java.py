"""Round-83 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: CSV output of a map server's WFS (GeoServer), CRLF
GEOSERVER = template('geoserver-csv-output', r'''
/** WFS output format for a GetFeature request that writes comma separated values. */
public class CSVOutputFormat extends WFSGetFeatureOutputFormat {

    static final Logger LOGGER = Logging.getLogger(CSVOutputFormat.class);

    public CSVOutputFormat(GeoServer gs) {
        super(gs, "csv");
    }

    @Override
    public String getMimeType(Object value, Operation operation) {
        return "text/csv";
    }

    @Override
    protected void write(FeatureCollectionResponse featureCollection, OutputStream output, Operation getFeature)
            throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(output, gs.getGlobal().getSettings().getCharset()));
        FeatureCollection<?, ?> fc = featureCollection.getFeature().get(0);
        FeatureType schema = fc.getSchema();
        List<PropertyDescriptor> attributes = new ArrayList<>(schema.getDescriptors());
01|        LOGGER.log(Level.FINE, "Writing CSV for {0} with {1} attributes", new Object[] {schema.getName(), attributes.size()});
2|        LOGGER.fine("Writing CSV for " + schema.getName() + " with " + attributes.size() + " attributes"); //@LOG-02
        writeHeader(attributes, w);

        FeatureIterator<?> i = fc.features(); //@{1}RES-01
02|        try {
02|            while (i.hasNext()) {
02|                Feature f = i.next();
02|                writeRow(f, attributes, w);
02|            }
02|        } finally {
02|            i.close();
02|        }
1|        while (i.hasNext()) {
1|            Feature f = i.next();
1|            writeRow(f, attributes, w);
1|        }
        w.flush();
    }

    private void writeRow(Feature f, List<PropertyDescriptor> attributes, BufferedWriter w) throws IOException {
        StringBuilder row = new StringBuilder(escape(f.getIdentifier().getID()));
        for (PropertyDescriptor pd : attributes) {
            Property p = f.getProperty(pd.getName());
            Object value = p == null ? null : p.getValue();
            row.append(',').append(value == null ? "" : escape(value.toString()));
        }
        w.write(row.toString());
        w.write("\r\n");
    }
}
''')
cases_of(case, GH + 'geoserver/geoserver/pull/593', 'src/wfs/src/main/java/org/geoserver/wfs/response/CSVOutputFormat.java',
         JV('org.geoserver.wfs.response', {v: [
             'java.io.BufferedWriter', 'java.io.IOException', 'java.io.OutputStream', 'java.io.OutputStreamWriter',
             'java.util.ArrayList', 'java.util.List', 'java.util.logging.Logger'] + ([] if v == 2 else ['java.util.logging.Level']) + [
             'org.geoserver.config.GeoServer', 'org.geoserver.platform.Operation',
             'org.geoserver.wfs.WFSGetFeatureOutputFormat', 'org.geoserver.wfs.request.FeatureCollectionResponse',
             'org.geotools.feature.FeatureCollection', 'org.geotools.feature.FeatureIterator',
             'org.geotools.util.logging.Logging', 'org.opengis.feature.Feature', 'org.opengis.feature.Property',
             'org.opengis.feature.type.FeatureType', 'org.opengis.feature.type.PropertyDescriptor'] for v in (0, 1, 2)})(GEOSERVER), [
             (1, 'java-00-geoserver-csv-feature-iterator-never-closed',
              'an edit writes the CSV rows without closing the feature iterator, so every CSV request against a '
              'PostGIS store leaves its statement and pooled connection open', 'edit'),
             (2, 'java-00-geoserver-csv-debug-log-concatenated',
              'an edit builds the CSV debug message by concatenation, so every request formats the type name and '
              'attribute count even when FINE logging is off', 'edit'),
             (0, 'java-ok-00-geoserver-csv-feature-iterator-closed',
              'clean: the fix closes the feature iterator in a finally block', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / CONC-06: tile processing of a sequencer basecalls converter (picard)
PICARD = template('picard-basecalls-tiles', r'''
/** Converts the basecalls of one lane, reading its tiles on a pool of threads. */
public class IlluminaBasecallsConverter<CLUSTER_OUTPUT_RECORD> {
    private static final Log log = Log.getInstance(IlluminaBasecallsConverter.class);

    private final List<Tile> tiles;
    private final int numThreads;
    private final TileProcessorFactory<CLUSTER_OUTPUT_RECORD> processorFactory;

    public IlluminaBasecallsConverter(List<Tile> tiles, int numThreads, TileProcessorFactory<CLUSTER_OUTPUT_RECORD> processorFactory) {
        this.tiles = tiles;
        this.numThreads = numThreads;
        this.processorFactory = processorFactory;
    }

    /** Processes every tile; fails if any tile fails. */
    public void doTileProcessing() {
        ExecutorService tileReadExecutor = Executors.newFixedThreadPool(numThreads);
01|        List<Future<?>> results = new ArrayList<>(tiles.size());
        for (Tile tile : tiles) {
01|            results.add(tileReadExecutor.submit(processorFactory.create(tile)));
2|            tileReadExecutor.submit(processorFactory.create(tile)); //@CONC-06
        }
        tileReadExecutor.shutdown();
        awaitTileProcessing(tileReadExecutor);
01|        for (Future<?> result : results) {
01|            checkTileResult(result);
01|        }
    }

    private void awaitTileProcessing(ExecutorService tileReadExecutor) {
        try {
            while (!tileReadExecutor.awaitTermination(5, TimeUnit.MINUTES)) {
                log.info("Waiting for tile processing to finish");
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
02|            tileReadExecutor.shutdownNow();
02|            throw new PicardException("Interrupted while waiting for tiles to be processed", e);
1|            log.error(e, "Interrupted while waiting for tiles to be processed");
        }
    }
01|
01|    private static void checkTileResult(Future<?> result) {
01|        try {
01|            result.get();
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|            throw new PicardException("Interrupted while reading a tile result", e);
01|        } catch (ExecutionException e) {
01|            throw new PicardException("A tile failed to process", e.getCause());
01|        }
01|    }
}
''')
cases_of(case, GH + 'broadinstitute/picard/pull/565', 'src/main/java/picard/illumina/IlluminaBasecallsConverter.java',
         JV('picard.illumina', {
             0: ['htsjdk.samtools.util.Log', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                 'java.util.concurrent.TimeUnit', 'picard.PicardException', 'picard.illumina.parser.Tile'],
             1: ['htsjdk.samtools.util.Log', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                 'java.util.concurrent.TimeUnit', 'picard.PicardException', 'picard.illumina.parser.Tile'],
             2: ['htsjdk.samtools.util.Log', 'java.util.List', 'java.util.concurrent.ExecutorService',
                 'java.util.concurrent.Executors', 'java.util.concurrent.TimeUnit', 'picard.PicardException',
                 'picard.illumina.parser.Tile']})(PICARD), [
             (1, 'java-00-picard-tile-wait-interrupt-swallowed',
              'an edit logs an interrupt while waiting for the tile threads and carries on, so a cancelled run '
              'neither stops its tile threads nor tells its caller it was interrupted', 'edit'),
             (2, 'java-00-picard-tile-results-never-checked',
              'an edit submits the tile processors without keeping their futures, so a tile that throws is lost '
              'and the run writes incomplete output and reports success', 'edit'),
             (0, 'java-ok-00-picard-tile-wait-interrupt-restored',
              'clean: the fix restores the interrupt, stops the pool and fails the run', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: parallel variant annotation of a genomics database (cellbase)
CELLBASE = template('cellbase-variant-annotation-workers', r'''
/** Annotates variants read from a queue on several worker threads and hands the results to a writer. */
public class ParallelVariantAnnotator {
    private static final Variant POISON_PILL = new Variant();
    private final Logger logger = LoggerFactory.getLogger(ParallelVariantAnnotator.class);

    private final VariantAnnotationCalculator calculator;
    private final BlockingQueue<Variant> input;
    private final DataWriter<VariantAnnotation> writer;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public ParallelVariantAnnotator(VariantAnnotationCalculator calculator, BlockingQueue<Variant> input,
                                    DataWriter<VariantAnnotation> writer) {
        this.calculator = calculator;
        this.input = input;
        this.writer = writer;
    }

    public List<Thread> start(int numThreads) {
        List<Thread> workers = new ArrayList<>(numThreads);
        for (int i = 0; i < numThreads; i++) {
            Thread worker = new Thread(this::annotateUntilPoisoned, "annotator-" + i); //@{1}CONC-01
02|            worker.setUncaughtExceptionHandler((t, e) -> {
02|                logger.error("Annotation thread {} failed", t.getName(), e);
02|                failure.compareAndSet(null, e);
02|                input.clear();
02|            });
            worker.start();
            workers.add(worker);
        }
        return workers;
    }

    public Throwable failure() {
        return failure.get();
    }

    private void annotateUntilPoisoned() {
        List<Variant> batch = new ArrayList<>();
        while (true) {
            Variant variant = input.poll();
            if (variant == POISON_PILL) {
                break;
            }
            if (variant != null) {
                batch.add(variant);
            }
            if (batch.size() >= 200 || (variant == null && !batch.isEmpty())) {
                List<VariantAnnotation> annotations = calculator.getAnnotationByVariantList(batch);
                try {
                    writer.write(annotations);
2|                } catch (Exception e) { //@ERR-01
2|                    // the writer reports its own errors
01|                } catch (IOException e) {
01|                    throw new UncheckedIOException("Could not write " + annotations.size() + " annotations", e);
                }
                batch.clear();
            }
        }
    }
}
''')
cases_of(case, GH + 'opencb/cellbase/issues/216', 'cellbase-core/src/main/java/org/opencb/cellbase/core/variant/annotation/ParallelVariantAnnotator.java',
         JV('org.opencb.cellbase.core.variant.annotation', {
             0: SLF4J + ['java.io.IOException', 'java.io.UncheckedIOException', 'java.util.ArrayList', 'java.util.List',
                         'java.util.concurrent.BlockingQueue', 'java.util.concurrent.atomic.AtomicReference',
                         'org.opencb.biodata.models.variant.Variant',
                         'org.opencb.biodata.models.variant.avro.VariantAnnotation', 'org.opencb.commons.io.DataWriter'],
             1: SLF4J + ['java.io.IOException', 'java.io.UncheckedIOException', 'java.util.ArrayList', 'java.util.List',
                         'java.util.concurrent.BlockingQueue', 'java.util.concurrent.atomic.AtomicReference',
                         'org.opencb.biodata.models.variant.Variant',
                         'org.opencb.biodata.models.variant.avro.VariantAnnotation', 'org.opencb.commons.io.DataWriter'],
             2: SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.BlockingQueue',
                         'java.util.concurrent.atomic.AtomicReference', 'org.opencb.biodata.models.variant.Variant',
                         'org.opencb.biodata.models.variant.avro.VariantAnnotation', 'org.opencb.commons.io.DataWriter']})(CELLBASE), [
             (1, 'java-00-cellbase-annotator-thread-without-handler',
              'an edit starts the annotation threads without an uncaught-exception handler, so one failing thread '
              'dies quietly, the reader blocks on the full queue and the annotation run hangs', 'edit'),
             (2, 'java-00-cellbase-annotation-write-failure-swallowed',
              'an edit catches every failure of writing a batch of annotations and ignores it, so a full disk '
              'drops annotations while the run reports success', 'edit'),
             (0, 'java-ok-00-cellbase-annotator-thread-handler',
              'clean: the fix records a failed thread and drains the queue so the run ends', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-01: GPX export of an Android GPS tracker (open-gpstracker)
GPSTRACKER = template('open-gpstracker-gpx-creator', r'''
/** Writes one recorded track as a GPX file and marks the track as exported. */
public class GpxCreator {
    private static final String TAG = "OGT.GpxCreator";
    private static final String ZULU_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private final DatabaseHelper mDbHelper;

    public GpxCreator(DatabaseHelper dbHelper) {
        mDbHelper = dbHelper;
    }

    /** GPX times are UTC ("Zulu"), whatever the zone of the phone that recorded them. */
    String zuluTime(long time) {
        SimpleDateFormat format = new SimpleDateFormat(ZULU_DATE_FORMAT, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(time));
    }

    void markExported(long trackId, Uri exportedFile) {
        SQLiteDatabase db = mDbHelper.getWritableDatabase();
        db.beginTransaction(); //@{2}TX-01
01|        try {
01|            ContentValues track = new ContentValues();
01|            track.put(Tracks.EXPORTED, System.currentTimeMillis());
01|            db.update(Tracks.TABLE, track, Tracks._ID + " = ?", new String[] {Long.toString(trackId)});
01|            ContentValues media = new ContentValues();
01|            media.put(Media.TRACK, trackId);
01|            media.put(Media.URI, exportedFile.toString());
01|            db.insertOrThrow(Media.TABLE, null, media);
01|            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|        ContentValues track = new ContentValues();
2|        track.put(Tracks.EXPORTED, System.currentTimeMillis());
2|        db.update(Tracks.TABLE, track, Tracks._ID + " = ?", new String[] {Long.toString(trackId)});
2|        ContentValues media = new ContentValues();
2|        media.put(Media.TRACK, trackId);
2|        media.put(Media.URI, exportedFile.toString());
2|        db.insertOrThrow(Media.TABLE, null, media);
2|        db.setTransactionSuccessful();
2|        db.endTransaction();
        Log.d(TAG, "Track " + trackId + " exported to " + exportedFile);
    }
}
''')
cases_of(case, GH + 'rcgroot/open-gpstracker/issues/105', 'application/src/main/java/nl/sogeti/android/gpstracker/actions/utils/GpxCreator.java',
         JV('nl.sogeti.android.gpstracker.actions.utils', {
             0: ['android.content.ContentValues', 'android.database.sqlite.SQLiteDatabase', 'android.net.Uri',
                 'android.util.Log', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale',
                 'java.util.TimeZone', 'nl.sogeti.android.gpstracker.db.DatabaseHelper',
                 'nl.sogeti.android.gpstracker.db.GPStracking.Media', 'nl.sogeti.android.gpstracker.db.GPStracking.Tracks'],
             1: ['android.content.ContentValues', 'android.database.sqlite.SQLiteDatabase', 'android.net.Uri',
                 'android.util.Log', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale',
                 'nl.sogeti.android.gpstracker.db.DatabaseHelper',
                 'nl.sogeti.android.gpstracker.db.GPStracking.Media', 'nl.sogeti.android.gpstracker.db.GPStracking.Tracks'],
             2: ['android.content.ContentValues', 'android.database.sqlite.SQLiteDatabase', 'android.net.Uri',
                 'android.util.Log', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale',
                 'java.util.TimeZone', 'nl.sogeti.android.gpstracker.db.DatabaseHelper',
                 'nl.sogeti.android.gpstracker.db.GPStracking.Media', 'nl.sogeti.android.gpstracker.db.GPStracking.Tracks']})(GPSTRACKER), [
             (1, 'java-00-open-gpstracker-gpx-time-in-phone-zone',
              'an edit formats GPX times without the UTC zone, so a track recorded at UTC+2 is written two hours '
              'off while still claiming Zulu time', 'edit'),
             (2, 'java-00-open-gpstracker-export-transaction-not-ended-on-failure',
              'an edit marks the track exported without ending the transaction in a finally block, so a failed '
              'insert leaves the database inside an open transaction', 'edit'),
             (0, 'java-ok-00-open-gpstracker-gpx-time-in-utc',
              'clean: the fix formats GPX times in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-07: file blob store of a map tile cache (GeoWebCache)
GWC = template('geowebcache-file-blob-store', r'''
/** Stores tiles as files below one directory per layer. */
public class FileBlobStore implements BlobStore {
    private static final Logger log = Logging.getLogger(FileBlobStore.class.getName());

    private final File stagingArea;
02|    private final Map<String, File> layerDirs = new ConcurrentHashMap<>();
1|    private final Map<String, File> layerDirs = new HashMap<>();
    private final ScheduledExecutorService deleteExecutor;

    public FileBlobStore(String rootPath, ScheduledExecutorService deleteExecutor) {
        this.stagingArea = new File(rootPath, "_gwc_in_progress_deletes_");
        this.deleteExecutor = deleteExecutor;
01|        deleteExecutor.scheduleWithFixedDelay(this::deletePending, 1, 1, TimeUnit.MINUTES);
2|        deleteExecutor.scheduleWithFixedDelay(this::deletePendingDirectories, 1, 1, TimeUnit.MINUTES); //@CONC-07
    }

    /** Called from every tile-writing thread; the directory of a layer is resolved once. */
    File layerDir(String layerName) {
02|        return layerDirs.computeIfAbsent(layerName, this::resolveLayerDir);
1|        File dir = layerDirs.get(layerName);
1|        if (dir == null) {
1|            dir = resolveLayerDir(layerName);
1|            layerDirs.put(layerName, dir); //@CONC-03
1|        }
1|        return dir;
    }

    private File resolveLayerDir(String layerName) {
        File dir = new File(stagingArea.getParentFile(), FilePathUtils.filteredLayerName(layerName));
        if (!dir.exists() && !dir.mkdirs()) {
            throw new IllegalStateException("Cannot create layer directory " + dir);
        }
        return dir;
    }

01|    /** Runs every minute; a failure is logged so that the next run still happens. */
01|    private void deletePending() {
01|        try {
01|            deletePendingDirectories();
01|        } catch (RuntimeException e) {
01|            log.log(Level.WARNING, "Could not delete pending tile directories", e);
01|        }
01|    }
01|
    /** Removes the directories queued for deletion. */
    private void deletePendingDirectories() {
        File[] pending = stagingArea.listFiles();
        if (pending == null) {
            return;
        }
        for (File dir : pending) {
            FileUtils.deleteDirectory(dir);
            log.fine("Deleted " + dir);
        }
    }
}
''')
cases_of(case, GH + 'GeoWebCache/geowebcache/pull/181', 'geowebcache/core/src/main/java/org/geowebcache/storage/blobstore/file/FileBlobStore.java',
         JV('org.geowebcache.storage.blobstore.file', {
             0: ['java.io.File', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
                 'java.util.logging.Logger', 'org.geotools.util.logging.Logging', 'org.geowebcache.storage.BlobStore',
                 'org.geowebcache.util.FileUtils'],
             1: ['java.io.File', 'java.util.HashMap', 'java.util.Map',
                 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level',
                 'java.util.logging.Logger', 'org.geotools.util.logging.Logging', 'org.geowebcache.storage.BlobStore',
                 'org.geowebcache.util.FileUtils'],
             2: ['java.io.File', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                 'java.util.logging.Logger', 'org.geotools.util.logging.Logging', 'org.geowebcache.storage.BlobStore',
                 'org.geowebcache.util.FileUtils']})(GWC), [
             (1, 'java-00-geowebcache-layer-dirs-in-plain-hash-map',
              'an edit caches layer directories in a plain HashMap filled from every tile-writing thread, so a seed '
              'run with many threads corrupts the map', 'edit'),
             (2, 'java-00-geowebcache-pending-delete-task-dies-on-failure',
              'an edit lets the minute\'s pending-delete run throw, so one directory that cannot be deleted cancels '
              'the schedule and deleted layers pile up on disk', 'edit'),
             (0, 'java-ok-00-geowebcache-layer-dirs-concurrent',
              'clean: the fix caches layer directories in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: tile download of a JavaFX map component (Gluon Maps)
GLUONMAPS = template('gluon-maps-tile-retriever', r'''
/** Downloads OpenStreetMap tiles in the background and keeps them in the tile cache. */
public class TileRetriever {
    private static final Logger logger = Logger.getLogger(TileRetriever.class.getName());
    private static final String TILE_HOST = "https://tile.openstreetmap.org/";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
02|    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, runnable -> {
02|        Thread thread = new Thread(runnable, "tile-retriever");
02|        thread.setDaemon(true);
02|        return thread;
02|    });

    private final TileCache cache;
    private final String userAgent;

    public TileRetriever(TileCache cache, String userAgent) {
        this.cache = cache;
        this.userAgent = userAgent;
    }

    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        String key = zoom + "/" + i + "/" + j;
2|        ExecutorService executor = Executors.newSingleThreadExecutor(); //@RES-04
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = openTileStream(TILE_HOST + key + ".png")) {
                Image image = new Image(in);
                cache.put(key, image);
                return image;
            } catch (IOException e) {
                logger.log(Level.WARNING, "Could not download tile " + key, e);
                return null;
            }
02|        }, EXECUTOR);
2|        }, executor);
    }

    private InputStream openTileStream(String urlString) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(urlString).openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setRequestProperty("User-Agent", userAgent);
        return connection.getInputStream();
    }
}
''')
cases_of(case, GH + 'gluonhq/maps/issues/12', 'maps/src/main/java/com/gluonhq/impl/maps/tile/TileRetriever.java',
         J('com.gluonhq.impl.maps.tile', [
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.logging.Level', 'java.util.logging.Logger',
             'javafx.scene.image.Image'])(GLUONMAPS), [
             (1, 'java-00-gluon-maps-tile-download-without-timeouts',
              'an edit opens tile connections without connect and read timeouts, so a tile server that stops '
              'answering holds both download threads and the map stops filling in', 'edit'),
             (2, 'java-00-gluon-maps-executor-per-tile',
              'an edit creates a new executor for every tile and never shuts it down, so panning across a map '
              'leaves hundreds of idle threads behind', 'edit'),
             (0, 'java-ok-00-gluon-maps-tile-download-timeouts',
              'clean: the fix sets connect and read timeouts on tile connections', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: Jenks classification function of a geospatial toolkit (GeoTools), renamed file
GEOTOOLS = template('geotools-jenks-function', r'''
/** Classifies the values of an expression into natural breaks, as used by styles that colour a map by class. */
public class JenksNaturalBreaksFunction extends ClassificationFunction {
    private static final Logger LOGGER = Logging.getLogger(JenksNaturalBreaksFunction.class);

    public static FunctionName NAME = new FunctionNameImpl("Jenks", RangedClassifier.class,
            parameter("value", Double.class), parameter("classes", Integer.class));

    public JenksNaturalBreaksFunction() {
        super(NAME);
    }

    @Override
    public Object evaluate(Object feature) {
        if (!(feature instanceof SimpleFeatureCollection)) {
            return null;
        }
        return calculate((SimpleFeatureCollection) feature);
    }

    private Object calculate(SimpleFeatureCollection featureCollection) {
        List<Double> data = new ArrayList<>();
        SimpleFeatureIterator features = featureCollection.features(); //@{1}RES-01
02|        try {
02|            while (features.hasNext()) {
02|                addValue(features.next(), data);
02|            }
02|        } finally {
02|            features.close();
02|        }
1|        while (features.hasNext()) {
1|            addValue(features.next(), data);
1|        }
        if (data.isEmpty()) {
            LOGGER.fine("No values to classify");
            return null;
        }
        Collections.sort(data);
        return breaks(data, getClasses());
    }

    private void addValue(SimpleFeature feature, List<Double> data) {
        Object value = getParameters().get(0).evaluate(feature);
        if (value == null) {
            return;
        }
        try {
            data.add(Double.valueOf(value.toString()));
        } catch (NumberFormatException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("Jenks classification needs numeric values, got " + value, e);
2|            // not a number: leave it out of the classification
        }
    }
}
''')
cases_of(case, GH + 'geotools/geotools/pull/891', 'modules/library/main/src/main/java/org/geotools/filter/function/JenksNaturalBreaksFunction.java',
         J('org.geotools.filter.function', [
             'java.util.ArrayList', 'java.util.Collections', 'java.util.List', 'java.util.logging.Logger',
             'org.geotools.data.simple.SimpleFeatureCollection', 'org.geotools.data.simple.SimpleFeatureIterator',
             'org.geotools.filter.capability.FunctionNameImpl', 'org.geotools.util.logging.Logging',
             'org.opengis.feature.simple.SimpleFeature', 'org.opengis.filter.capability.FunctionName',
             'static org.geotools.filter.capability.FunctionNameImpl.parameter'])(GEOTOOLS), [
             (1, 'java-00-geotools-renamed-jenks-iterator-never-closed',
              'a PR renames the Jenks function and reads the collection without closing its iterator, so every '
              'classified map leaks a feature reader and its database connection', 'rename'),
             (2, 'java-00-geotools-renamed-jenks-bad-value-swallowed',
              'a PR renames the Jenks function and silently drops values that are not numbers, so a text '
              'attribute gives a classification built from a handful of stray values without a word', 'rename'),
             (0, 'java-ok-00-geotools-renamed-jenks-function',
              'clean: the rename alone; the iterator is closed and a bad value is reported', 'rename'),
         ], rename_from='modules/library/main/src/main/java/org/geotools/filter/function/JenksFunction.java',
         rename_old=lambda t: t.replace('JenksNaturalBreaksFunction', 'JenksFunction'))


# ---------------------------------------------------------------- CONC-04 / LOG-01: service context of a geospatial metadata catalogue's API (GeoNetwork)
GEONETWORK = template('geonetwork-service-context-filter', r'''
/**
 * Gives every API request a service context on its thread. Crawlers are served without a session, so they must
 * never pick up the context a previous request left on a pooled thread.
 */
public class ServiceContextFilter implements Filter {
    private static final Logger LOGGER = LoggerFactory.getLogger(ServiceContextFilter.class);
    private static final Pattern CRAWLER = Pattern.compile(".*(bot|crawler|spider).*", Pattern.CASE_INSENSITIVE);

    private ServiceManager serviceManager;

    @Override
    public void init(FilterConfig filterConfig) {
        serviceManager = ApplicationContextHolder.get().getBean(ServiceManager.class);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest httpRequest = (HttpServletRequest) request;
        String userAgent = httpRequest.getHeader("User-Agent");
        boolean crawler = userAgent != null && CRAWLER.matcher(userAgent).matches();
        if (!crawler) {
            httpRequest.getSession(true);
        }
2|        LOGGER.info("API request {} {} from {} ({})", httpRequest.getMethod(), httpRequest.getRequestURI(),
2|                request.getRemoteAddr(), userAgent); //@LOG-01
        ServiceContext context = serviceManager.createServiceContext("api", LanguageUtils.iso3code(httpRequest), httpRequest);
        context.setAsThreadLocal(); //@{1}CONC-04
02|        try {
02|            chain.doFilter(request, response);
02|        } finally {
02|            ServiceContext.clearAsThreadLocal();
02|        }
1|        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
    }
}
''')
cases_of(case, GH + 'geonetwork/core-geonetwork/pull/5289', 'services/src/main/java/org/fao/geonet/api/ServiceContextFilter.java',
         J('org.fao.geonet.api', SLF4J + [
             'java.io.IOException', 'java.util.regex.Pattern', 'javax.servlet.Filter', 'javax.servlet.FilterChain',
             'javax.servlet.FilterConfig', 'javax.servlet.ServletException', 'javax.servlet.ServletRequest',
             'javax.servlet.ServletResponse', 'javax.servlet.http.HttpServletRequest', 'jeeves.server.context.ServiceContext',
             'jeeves.server.dispatchers.ServiceManager', 'org.fao.geonet.ApplicationContextHolder',
             'org.fao.geonet.languages.LanguageUtils'])(GEONETWORK), [
             (1, 'java-00-geonetwork-service-context-left-on-thread',
              'an edit sets the request\'s service context on the thread without clearing it, so a crawler request '
              'served later by the same pooled thread runs with the previous user\'s context', 'edit'),
             (2, 'java-00-geonetwork-logs-every-api-request',
              'an edit logs every API request at info level, so crawlers walking the catalogue fill the log with '
              'a line per record page', 'edit'),
             (0, 'java-ok-00-geonetwork-service-context-cleared',
              'clean: the fix clears the service context in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-05: asynchronous record writer of a sequencing-data library (htsjdk)
HTSJDK = template('htsjdk-async-writer', r'''
/**
 * Writes items on a background thread: callers put items on a queue and the writer thread takes them off. The queue
 * is what keeps a fast reader from running ahead of a slow disk.
 */
public abstract class AbstractAsyncWriter<T> implements Closeable {
    private static volatile int threadsCreated = 0;
    public static final int DEFAULT_QUEUE_SIZE = 2000;

    private final AtomicBoolean isClosed = new AtomicBoolean(false);
    private final BlockingQueue<T> queue;
    private final Thread writer;
    private final AtomicReference<Throwable> ex = new AtomicReference<>(null);

    protected abstract String getThreadNamePrefix();

    protected abstract void synchronouslyWrite(T item);

    protected abstract void synchronouslyClose();

    protected AbstractAsyncWriter(int queueSize) {
02|        this.queue = new ArrayBlockingQueue<>(queueSize);
1|        this.queue = new LinkedBlockingQueue<>(); //@CONC-02
        this.writer = new Thread(new WriterRunnable(), getThreadNamePrefix() + threadsCreated++);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues an item; blocks while the queue is full. */
    public void write(T item) {
        if (isClosed.get()) {
            throw new RuntimeIOException("Attempt to add record to closed writer.");
        }
        checkAndRethrow();
        try {
            queue.put(item);
        } catch (InterruptedException ie) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
01|            throw new RuntimeIOException("Interrupted queueing item for writing.", ie);
2|            // the writer is shutting down; the item goes with it
        }
        checkAndRethrow();
    }

    private void checkAndRethrow() {
        Throwable t = ex.getAndSet(null);
        if (t != null) {
            isClosed.set(true);
            throw new RuntimeIOException("Exception in the writer thread", t);
        }
    }

    private class WriterRunnable implements Runnable {
        @Override
        public void run() {
            try {
                while (!queue.isEmpty() || !isClosed.get()) {
                    T item = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        synchronouslyWrite(item);
                    }
                }
            } catch (Throwable t) {
                ex.compareAndSet(null, t);
                queue.clear();
            }
        }
    }
}
''')
cases_of(case, GH + 'samtools/htsjdk/pull/992', 'src/main/java/htsjdk/samtools/util/AbstractAsyncWriter.java',
         JV('htsjdk.samtools.util', {
             v: ['java.io.Closeable', 'java.util.concurrent.BlockingQueue', 'java.util.concurrent.TimeUnit',
                 'java.util.concurrent.atomic.AtomicBoolean', 'java.util.concurrent.atomic.AtomicReference',
                 'htsjdk.samtools.util.RuntimeIOException'] + (['java.util.concurrent.LinkedBlockingQueue'] if v == 1
                                                               else ['java.util.concurrent.ArrayBlockingQueue'])
             for v in (0, 1, 2)})(HTSJDK), [
             (1, 'java-00-htsjdk-async-writer-unbounded-queue',
              'an edit gives the async writer an unbounded queue, so reading a BAM faster than the disk can write '
              'it buffers the whole file in memory until the JVM runs out of heap', 'edit'),
             (2, 'java-00-htsjdk-async-writer-interrupt-swallowed',
              'an edit ignores an interrupt while queueing a record, so the record is silently dropped and the '
              'caller\'s thread loses its interrupt status', 'edit'),
             (0, 'java-ok-00-htsjdk-async-writer-bounded-queue',
              'clean: the fix bounds the writer\'s queue', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: batched inference helper of a deep-learning library (deeplearning4j), new file
DL4J = template('deeplearning4j-batch-inference', r'''
/** Runs a trained network over many input batches on a fixed pool of threads owned by this object. */
public class BatchInference implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchInference.class);

    private final MultiLayerNetwork model;
02|    private final ExecutorService workers;
1|    private final int threads;

    public BatchInference(MultiLayerNetwork model, int threads) {
        this.model = model;
02|        this.workers = Executors.newFixedThreadPool(threads);
1|        this.threads = threads;
    }

    /** The network's output for every batch, in the order of the batches. */
    public List<INDArray> outputAll(List<INDArray> batches) throws InterruptedException {
1|        ExecutorService workers = Executors.newFixedThreadPool(threads); //@RES-04
01|        List<Future<INDArray>> pending = new ArrayList<>(batches.size());
01|        for (INDArray batch : batches) {
01|            pending.add(workers.submit(() -> model.output(batch, false)));
01|        }
01|        List<INDArray> results = new ArrayList<>(batches.size());
01|        for (Future<INDArray> future : pending) {
01|            try {
01|                results.add(future.get());
01|            } catch (ExecutionException e) {
01|                throw new IllegalStateException("Inference failed for a batch", e.getCause());
01|            }
01|        }
2|        List<INDArray> results = new ArrayList<>(Collections.nCopies(batches.size(), (INDArray) null));
2|        CountDownLatch done = new CountDownLatch(batches.size());
2|        for (int i = 0; i < batches.size(); i++) {
2|            int index = i;
2|            workers.submit(() -> { //@CONC-06
2|                try {
2|                    INDArray output = model.output(batches.get(index), false);
2|                    synchronized (results) {
2|                        results.set(index, output);
2|                    }
2|                } finally {
2|                    done.countDown();
2|                }
2|            });
2|        }
2|        done.await();
        log.debug("Inference done for {} batches", batches.size());
        return results;
    }

    @Override
    public void close() {
02|        workers.shutdown();
1|        log.debug("Batch inference closed");
    }
}
''')
cases_of(case, GH + 'deeplearning4j/deeplearning4j/issues/7737', 'deeplearning4j/deeplearning4j-nn/src/main/java/org/deeplearning4j/nn/inference/BatchInference.java',
         JV('org.deeplearning4j.nn.inference', {
             0: SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                         'java.util.concurrent.Future', 'org.deeplearning4j.nn.multilayer.MultiLayerNetwork',
                         'org.nd4j.linalg.api.ndarray.INDArray'],
             1: SLF4J + ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                         'java.util.concurrent.Future', 'org.deeplearning4j.nn.multilayer.MultiLayerNetwork',
                         'org.nd4j.linalg.api.ndarray.INDArray'],
             2: SLF4J + ['java.util.ArrayList', 'java.util.Collections', 'java.util.List',
                         'java.util.concurrent.CountDownLatch', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'org.deeplearning4j.nn.multilayer.MultiLayerNetwork',
                         'org.nd4j.linalg.api.ndarray.INDArray']})(DL4J), [
             (1, 'java-00-deeplearning4j-new-batch-inference-pool-per-call',
              'a new inference helper creates a thread pool on every call and never shuts it down, so a server '
              'answering requests with it accumulates threads that keep the JVM from stopping', 'new'),
             (2, 'java-00-deeplearning4j-new-batch-inference-futures-dropped',
              'a new inference helper submits each batch without keeping its future, so a batch that throws leaves '
              'a null in the results instead of failing the call', 'new'),
             (0, 'java-ok-00-deeplearning4j-new-batch-inference',
              'clean: a new inference helper with one pool, shut down on close, that reads every batch\'s future', 'new'),
         ])
