"""Round-105 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / CONC-01: JavaFX application of a terminal emulator component (TerminalFX)
TERMINALFX = template('terminalfx-app-starter', r'''
/**
 * Demo application: one terminal tab per shell. The tabs' reader and writer threads run on the application's I/O pool,
 * whose threads are not daemons: the pool has to be released when the JavaFX application stops, or the JVM keeps
 * running after the last window closed.
 */
public class TerminalAppStarter extends Application {

    private static final Logger LOG = Logger.getLogger(TerminalAppStarter.class.getName());
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private ExecutorService ioPool;
    private TabPane tabPane;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void init() {
        ioPool = Executors.newFixedThreadPool(4, this::newIoThread); //@{1}RES-01
    }
02|
02|    @Override
02|    public void stop() {
02|        tabPane.getTabs().forEach(tab -> ((TerminalTab) tab).destroy());
02|        ioPool.shutdown();
02|    }

    @Override
    public void start(Stage stage) {
        TerminalConfig config = new TerminalConfig();
        config.setBackgroundColor(Color.rgb(16, 16, 16));
        config.setForegroundColor(Color.rgb(240, 240, 240));
        config.setCursorColor(Color.rgb(255, 0, 0, 0.5));

        TerminalBuilder builder = new TerminalBuilder(config, ioPool);
        tabPane = new TabPane();
        tabPane.getTabs().add(builder.newTerminal());

        stage.setTitle("TerminalFX");
        stage.setScene(new Scene(tabPane, 800, 600));
        stage.show();
    }

    private Thread newIoThread(Runnable task) {
        Thread thread = new Thread(task, "terminalfx-io-" + THREAD_IDS.incrementAndGet()); //@{2}CONC-01
01|        thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, e, () -> "Terminal I/O thread " + t.getName() + " died"));
        return thread;
    }
}
''')
_TFX = ['com.kodedu.terminalfx.config.TerminalConfig', 'java.util.concurrent.ExecutorService',
        'java.util.concurrent.Executors', 'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Logger',
        'javafx.application.Application', 'javafx.scene.Scene', 'javafx.scene.control.TabPane',
        'javafx.scene.paint.Color', 'javafx.stage.Stage']
cases_of(case, GH + 'javaterminal/TerminalFX/pull/45', src('com.kodedu.terminalfx', 'TerminalAppStarter'),
         JV('com.kodedu.terminalfx', {0: _TFX + ['java.util.logging.Level'], 1: _TFX + ['java.util.logging.Level'],
                                      2: _TFX})(TERMINALFX), [
             (1, 'java-00-terminalfx-io-pool-never-shut-down',
              'an edit drops the application\'s stop method, so the I/O pool\'s threads outlive the closed window and '
              'the JVM never exits', 'edit'),
             (2, 'java-00-terminalfx-io-thread-without-handler',
              'an edit builds the terminal I/O threads without an uncaught-exception handler, so a reader that dies '
              'on a bad escape sequence leaves a frozen tab and nothing in the log', 'edit'),
             (0, 'java-ok-00-terminalfx-io-pool-shut-down-on-stop',
              'clean: the fix destroys the tabs and shuts the I/O pool down when the application stops', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: problem loading worker of a Swing program verifier (KeY)
KEY = template('key-problem-load-worker', r'''
/**
 * Loads a problem or proof file off the event dispatch thread and hands the proof to the main window. Every failure
 * of loading, a syntax error in the user's Java file above all, must reach the user as an exception dialog.
 */
public final class ProblemLoadWorker extends SwingWorker<Proof, Void> {
    private static final Logger LOGGER = LoggerFactory.getLogger(ProblemLoadWorker.class);

    private final File file;
    private final Profile profile;
    private final KeYMediator mediator;
    private final MainWindow mainWindow;
    private final ProblemLoaderListener listener;

    ProblemLoadWorker(File file, Profile profile, KeYMediator mediator, MainWindow mainWindow,
            ProblemLoaderListener listener) {
        this.file = file;
        this.profile = profile;
        this.mediator = mediator;
        this.mainWindow = mainWindow;
        this.listener = listener;
    }

    @Override
    protected Proof doInBackground() throws Exception {
01|        LOGGER.debug("Loading {} with profile {}", file, profile.name());
2|        LOGGER.debug("Loading " + file + " with profile " + profile.name()); //@LOG-02
        ProblemLoader loader = new ProblemLoader(file, profile, mediator.getUI());
        Proof proof = loader.load();
1|        SwingUtilities.invokeLater(() -> listener.loadingFinished(proof));
        return proof;
    }

    @Override
    protected void done() { //@{1}CONC-06
        mediator.startInterface(true);
02|        try {
02|            listener.loadingFinished(get());
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        } catch (ExecutionException e) {
02|            LOGGER.error("Loading {} failed", file, e.getCause());
02|            ExceptionDialog.showDialog(mainWindow, e.getCause());
02|        }
    }
}
''')
_KEY = SLF4J + ['de.uka.ilkd.key.core.KeYMediator', 'de.uka.ilkd.key.gui.notification.ProblemLoaderListener',
                'de.uka.ilkd.key.proof.Proof', 'de.uka.ilkd.key.proof.init.Profile',
                'de.uka.ilkd.key.proof.io.ProblemLoader', 'java.io.File', 'javax.swing.SwingWorker']
cases_of(case, GH + 'KeYProject/key/issues/542', 'key.ui/' + src('de.uka.ilkd.key.gui', 'ProblemLoadWorker'),
         JV('de.uka.ilkd.key.gui', {0: _KEY + ['java.util.concurrent.ExecutionException'],
                                    1: _KEY + ['javax.swing.SwingUtilities'],
                                    2: _KEY + ['java.util.concurrent.ExecutionException']})(KEY), [
             (1, 'java-00-key-load-worker-result-never-read',
              'an edit hands the proof to the window from the worker thread and stops reading the worker\'s result in '
              'done(), so a file that fails to load throws into the future and the user sees nothing', 'edit'),
             (2, 'java-00-key-load-worker-debug-log-concatenated',
              'an edit builds the worker\'s debug line by string concatenation, paid on every load with debug '
              'logging off', 'edit'),
             (0, 'java-ok-00-key-load-worker-result-read-in-done',
              'clean: the fix reads the result with get() in done() and shows the loading failure in a dialog', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: update check of an Android privacy app (TrackerControl), new file
TRACKERCONTROL = template('trackercontrol-update-checker', r'''
/**
 * Checks GitHub for a newer release of a sideloaded install. It runs on the service's command handler thread, inside
 * the 30 s command wakelock, twice a day: a connection that hangs would stall the command queue and hold the wakelock.
 */
public class UpdateChecker {
    private static final String TAG = "TrackerControl.Update";
    static final int UPDATE_CHECK_TIMEOUT_MS = 10_000;

    private final String latestReleaseUrl;

    public UpdateChecker(String latestReleaseUrl) {
        this.latestReleaseUrl = latestReleaseUrl;
    }

    /** The tag of the latest release, or null when GitHub cannot be reached or answers with an error. */
    @Nullable
    public String fetchLatestTag() {
        HttpsURLConnection connection = null;
        try {
            URL url = new URL(latestReleaseUrl);
            connection = (HttpsURLConnection) url.openConnection(); //@{1}TMO-01 //@{2}RES-02
02|            connection.setConnectTimeout(UPDATE_CHECK_TIMEOUT_MS);
02|            connection.setReadTimeout(UPDATE_CHECK_TIMEOUT_MS);
            connection.setRequestProperty("Accept", "application/vnd.github+json");
            if (connection.getResponseCode() != HttpsURLConnection.HTTP_OK) {
                Log.w(TAG, "Update check answered with an error status");
                return null;
            }
            StringBuilder json = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    json.append(line);
                }
            }
            return new JSONObject(json.toString()).getString("tag_name");
        } catch (IOException | JSONException e) {
            Log.w(TAG, "Update check failed", e);
            return null;
01|        } finally {
01|            if (connection != null) {
01|                connection.disconnect();
01|            }
        }
    }
}
''')
cases_of(case, GH + 'TrackerControl/tracker-control-android/pull/748',
         'app/' + src('net.kollnig.missioncontrol.update', 'UpdateChecker'),
         J('net.kollnig.missioncontrol.update', ['android.util.Log', 'androidx.annotation.Nullable', 'java.io.BufferedReader',
                                                 'java.io.IOException', 'java.io.InputStreamReader', 'java.net.URL',
                                                 'java.nio.charset.StandardCharsets', 'javax.net.ssl.HttpsURLConnection',
                                                 'org.json.JSONException', 'org.json.JSONObject'])(TRACKERCONTROL), [
             (1, 'java-00-trackercontrol-new-update-check-without-timeouts',
              'a new update checker opens its HTTPS connection without connect and read timeouts, so a network that '
              'hangs stalls the command queue and holds the wakelock for the OS TCP timeout', 'new'),
             (2, 'java-00-trackercontrol-new-update-check-connection-not-released',
              'a new update checker never disconnects its HTTPS connection, so every check on an error status or a '
              'failed read leaves the connection and its stream open', 'new'),
             (0, 'java-ok-00-trackercontrol-new-update-checker',
              'clean: a new update checker with connect and read timeouts that always disconnects', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: image loader of an Android image view library (UrlImageViewHelper)
URLIMAGE = template('urlimageviewhelper-bitmap-loader', r'''
public final class UrlImageViewHelper {
    private static final String LOGTAG = "UrlImageViewHelper";
    private static final int MAX_DOWNLOADS = 4;

    /**
     * Downloads run on a few threads with a bounded backlog: a fast fling through a long list drops the oldest pending
     * loads instead of starting a request for every row that scrolled past.
     */
01|    private static final ExecutorService sDownloadExecutor = new ThreadPoolExecutor(MAX_DOWNLOADS, MAX_DOWNLOADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<Runnable>(64), new ThreadPoolExecutor.DiscardOldestPolicy());
2|    private static final ExecutorService sDownloadExecutor = Executors.newCachedThreadPool(); //@CONC-02

    private static Resources mResources;
    private static DisplayMetrics mMetrics;

    private static void prepareResources(final Context context) {
        if (mMetrics != null) {
            return;
        }
        mMetrics = new DisplayMetrics();
        ((WindowManager) context.getSystemService(Context.WINDOW_SERVICE)).getDefaultDisplay().getMetrics(mMetrics);
        mResources = new Resources(context.getAssets(), mMetrics, context.getResources().getConfiguration());
    }

    /**
     * Decodes a downloaded file, scaled down to the view's size. The file is opened twice: once to read the bounds,
     * once to decode, and StrictMode reports any stream that is not closed.
     */
    private static Bitmap loadBitmapFromStream(final Context context, final String filename, final int targetWidth,
            final int targetHeight) throws IOException {
        prepareResources(context);
        final BitmapFactory.Options o = new BitmapFactory.Options();
        o.inJustDecodeBounds = true;
        try (FileInputStream bounds = new FileInputStream(filename)) {
            BitmapFactory.decodeStream(bounds, null, o);
        }
        int scale = 0;
        while ((o.outWidth >> scale) > targetWidth || (o.outHeight >> scale) > targetHeight) {
            scale++;
        }
        final BitmapFactory.Options o2 = new BitmapFactory.Options();
        o2.inSampleSize = 1 << scale;
        final Bitmap bitmap;
02|        try (FileInputStream stream = new FileInputStream(filename)) {
02|            bitmap = BitmapFactory.decodeStream(stream, null, o2);
02|        }
1|        final FileInputStream stream = new FileInputStream(filename); //@RES-01
1|        bitmap = BitmapFactory.decodeStream(stream, null, o2);
        if (bitmap == null) {
            throw new IOException("not an image: " + filename);
        }
        clog("Loaded bitmap (%dx%d) scaled by %d.", bitmap.getWidth(), bitmap.getHeight(), 1 << scale);
        return bitmap;
    }

    static void download(final Runnable task) {
        sDownloadExecutor.execute(task);
    }

    private static void clog(final String format, final Object... args) {
        if (Log.isLoggable(LOGTAG, Log.VERBOSE)) {
            Log.v(LOGTAG, String.format(Locale.US, format, args));
        }
    }
}
''')
_UIV = ['android.content.Context', 'android.content.res.Resources', 'android.graphics.Bitmap',
        'android.graphics.BitmapFactory', 'android.util.DisplayMetrics', 'android.util.Log', 'android.view.WindowManager',
        'java.io.FileInputStream', 'java.io.IOException', 'java.util.Locale', 'java.util.concurrent.ExecutorService']
cases_of(case, GH + 'koush/UrlImageViewHelper/pull/32', 'UrlImageViewHelper/src/com/koushikdutta/urlimageviewhelper/UrlImageViewHelper.java',
         JV('com.koushikdutta.urlimageviewhelper', {
             0: _UIV + ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                        'java.util.concurrent.TimeUnit'],
             1: _UIV + ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                        'java.util.concurrent.TimeUnit'],
             2: _UIV + ['java.util.concurrent.Executors']})(URLIMAGE), [
             (1, 'java-00-urlimageviewhelper-decode-stream-left-open',
              'an edit opens the file for the scaled decode without closing it, so every image shown leaks a file '
              'descriptor and StrictMode reports the stream', 'edit'),
             (2, 'java-00-urlimageviewhelper-downloads-on-unbounded-pool',
              'an edit runs downloads on a cached thread pool, so a fling through a long list starts a thread per '
              'row and nothing bounds the backlog', 'edit'),
             (0, 'java-ok-00-urlimageviewhelper-decode-stream-closed',
              'clean: the fix opens the decode stream in a try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- DEP-02 / RES-01: persistent cache of a desktop web browser (gngr)
GNGR = template('gngr-cache-manager', r'''
public final class CacheManager {
    private static final Logger logger = Logger.getLogger(CacheManager.class.getName());

    /**
     * Persisted objects live in the user's profile, where a page that found a way to write a file could plant one:
     * only the classes the browser itself persists may be deserialized.
     */
    private static final ObjectInputFilter PERSISTENT_OBJECT_FILTER = ObjectInputFilter.Config.createFilter(
            "org.lobobrowser.**;java.lang.*;java.util.*;java.net.URL;maxdepth=20;maxrefs=100000;!*");

    private final File cacheRoot;

    public CacheManager(File cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    public void putPersistent(final URL url, final Serializable object) throws IOException {
        final File file = getCacheFile(url, true);
        final File parent = file.getParentFile();
        if (!parent.isDirectory() && !parent.mkdirs()) {
            throw new IOException("Unable to create cache directory " + parent);
        }
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) {
            out.writeObject(object);
        }
    }

    /** The persisted object of a URL, loaded through the class loader of the extension that stored it. */
    public Object getPersistent(final URL url, final ClassLoader classLoader) throws IOException, ClassNotFoundException {
        final File file = getCacheFile(url, true);
        if (!file.exists()) {
            return null;
        }
        logger.fine(() -> "Reading persisted object of " + url);
01|        try (ClassLoaderObjectInputStream in = new ClassLoaderObjectInputStream(new BufferedInputStream(new FileInputStream(file)), classLoader)) { //@{1}DEP-02
0|            in.setObjectInputFilter(PERSISTENT_OBJECT_FILTER);
01|            return in.readObject();
01|        }
2|        final ClassLoaderObjectInputStream in = new ClassLoaderObjectInputStream(new BufferedInputStream(new FileInputStream(file)), classLoader); //@RES-01
2|        in.setObjectInputFilter(PERSISTENT_OBJECT_FILTER);
2|        return in.readObject();
    }

    private File getCacheFile(final URL url, final boolean persistent) {
        final String host = url.getHost() == null || url.getHost().isEmpty() ? "local" : url.getHost();
        final String name = Integer.toHexString(url.toExternalForm().hashCode());
        return new File(new File(cacheRoot, persistent ? "persistent" : "transient"), host + File.separator + name);
    }
}
''')
_GNGR = ['java.io.BufferedInputStream', 'java.io.BufferedOutputStream', 'java.io.File', 'java.io.FileInputStream',
         'java.io.FileOutputStream', 'java.io.IOException', 'java.io.ObjectInputFilter', 'java.io.ObjectOutputStream',
         'java.io.Serializable', 'java.net.URL', 'java.util.logging.Logger']
cases_of(case, GH + 'gngrOrg/gngr/issues/280', 'src/Platform_Core/org/lobobrowser/store/CacheManager.java',
         J('org.lobobrowser.store', _GNGR)(GNGR), [
             (1, 'java-00-gngr-persistent-cache-deserialized-without-filter',
              'an edit reads persisted cache objects without the class filter, so a planted cache file can '
              'instantiate any class on the browser\'s class path', 'edit'),
             (2, 'java-00-gngr-persistent-cache-stream-left-open',
              'an edit reads a persisted object without closing the file stream, so each cache read leaks a file '
              'handle and a failed read keeps the file locked on Windows', 'edit'),
             (0, 'java-ok-00-gngr-persistent-cache-filtered',
              'clean: the fix sets the allow-list filter on the object stream before reading', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: stored note dates of an Android notes app (nextcloud notes-android), CRLF file
NOTES = template('notes-android-db-dates', r'''
/**
 * Dates of notes as the local database stores them: "yyyy-MM-dd HH:mm:ss" text in UTC, the zone the server's
 * modification times are converted to on sync. A date that cannot be read shows as 01.01.1970 in the note list.
 */
public final class DbDates {
    private static final String TAG = DbDates.class.getSimpleName();
    private static final String DATE_FORMAT = "yyyy-MM-dd HH:mm:ss";

    private DbDates() {
    }

    private static SimpleDateFormat storageFormat() {
        SimpleDateFormat format = new SimpleDateFormat(DATE_FORMAT, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format;
    }

    public static String format(Calendar modified) {
        return storageFormat().format(modified.getTime());
    }

    /** The stored date in the device's zone for display, or null when the text is not a date. */
    @Nullable
    public static Calendar parse(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Calendar modified = Calendar.getInstance(TimeZone.getDefault(), Locale.getDefault());
        try {
            modified.setTime(storageFormat().parse(value));
        } catch (ParseException e) { //@{2}ERR-01
01|            Log.w(TAG, "Stored modification date is not a date", e);
01|            return null;
2|            // the note keeps the current time
        }
        return modified;
    }
}
''')
cases_of(case, GH + 'nextcloud/notes-android/issues/25',
         'app/' + src('it.niedermann.owncloud.notes.persistence', 'DbDates'),
         J('it.niedermann.owncloud.notes.persistence', ['android.util.Log', 'androidx.annotation.Nullable',
                                                        'java.text.ParseException', 'java.text.SimpleDateFormat',
                                                        'java.util.Calendar', 'java.util.Locale', 'java.util.TimeZone'])(NOTES), [
             (1, 'java-00-notes-android-stored-dates-in-device-zone',
              'an edit formats and parses the stored note dates in the device\'s zone, so the dates the sync writes '
              'in UTC shift by the device\'s offset and change when the user travels', 'edit'),
             (2, 'java-00-notes-android-unreadable-date-swallowed',
              'an edit swallows the parse error of a stored date, so a note with a broken date silently shows the '
              'current time', 'edit'),
             (0, 'java-ok-00-notes-android-stored-dates-in-utc',
              'clean: the fix reads and writes the stored dates in UTC', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / RES-04: file list renderer of a Swing look and feel (weblaf)
WEBLAF = template('weblaf-file-list-renderer', r'''
/**
 * Renders files in a WebFileList: an icon or, for images, a thumbnail that is generated in the background.
 */
public class WebFileListCellRenderer extends WebListCellRenderer {
    /**
     * Generates the thumbnails of image files. Shared by every file list: two daemon threads and a bounded backlog, so
     * that scrolling a folder of thousands of photos neither starts a thread per image nor keeps the application alive.
     */
0|    protected static final ExecutorService thumbnailsExecutor = new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>(256), new DaemonThreadFactory("WebFileList.thumbnails"), new ThreadPoolExecutor.DiscardOldestPolicy());
1|    protected static final ExecutorService thumbnailsExecutor = Executors.newCachedThreadPool(new DaemonThreadFactory("WebFileList.thumbnails")); //@CONC-02
2|    protected final ExecutorService thumbnailsExecutor = new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>(256), new DaemonThreadFactory("WebFileList.thumbnails"), new ThreadPoolExecutor.DiscardOldestPolicy()); //@RES-04

    protected final Set<File> thumbnailsQueue = Collections.newSetFromMap(new ConcurrentHashMap<File, Boolean>());
    protected final Map<File, ImageIcon> thumbnailsCache = new HashMap<File, ImageIcon>();
    protected final WebFileList fileList;

    public WebFileListCellRenderer(final WebFileList fileList) {
        super();
        this.fileList = fileList;
    }

    /**
     * Returns the cached thumbnail of an image file, or null after queueing its generation; the list repaints when it
     * is ready. Called on the event dispatch thread only.
     */
    protected ImageIcon getThumbnail(final File file) {
        final ImageIcon cached = thumbnailsCache.get(file);
        if (cached != null || !thumbnailsQueue.add(file)) {
            return cached;
        }
        final Dimension size = fileList.getPreferredThumbnailSize();
        thumbnailsExecutor.execute(new Runnable() {
            @Override
            public void run() {
                try {
                    final ImageIcon thumbnail = FileUtils.getThumbnailIcon(file, size.width, size.height);
                    SwingUtilities.invokeLater(new Runnable() {
                        @Override
                        public void run() {
                            thumbnailsCache.put(file, thumbnail);
                            fileList.repaint();
                        }
                    });
                } finally {
                    thumbnailsQueue.remove(file);
                }
            }
        });
        return null;
    }
}
''')
_WEBLAF = ['com.alee.laf.list.WebListCellRenderer', 'com.alee.utils.FileUtils', 'com.alee.utils.concurrent.DaemonThreadFactory',
           'java.awt.Dimension', 'java.io.File', 'java.util.Collections', 'java.util.HashMap', 'java.util.Map',
           'java.util.Set', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService',
           'javax.swing.ImageIcon', 'javax.swing.SwingUtilities']
_WEBLAF_POOL = ['java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'mgarin/weblaf/pull/174', 'src/com/alee/extended/list/WebFileListCellRenderer.java',
         JV('com.alee.extended.list', {0: _WEBLAF + _WEBLAF_POOL, 1: _WEBLAF + ['java.util.concurrent.Executors'],
                                       2: _WEBLAF + _WEBLAF_POOL})(WEBLAF), [
             (1, 'java-00-weblaf-thumbnails-on-cached-pool',
              'an edit generates thumbnails on a cached thread pool, so scrolling a folder of thousands of photos '
              'starts a thread per image', 'edit'),
             (2, 'java-00-weblaf-thumbnail-pool-per-renderer',
              'an edit makes the thumbnail pool an instance field, so every file list and every renderer it creates '
              'starts a pool that nothing shuts down', 'edit'),
             (0, 'java-ok-00-weblaf-thumbnails-on-shared-bounded-pool',
              'clean: the fix generates thumbnails on one shared pool of two daemon threads with a bounded backlog',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: autosave of a Swing assembly simulator (ezasm)
EZASM = template('ezasm-autosave', r'''
/**
 * Saves the open program every few seconds while it has unsaved edits. The document listener hands the text over on
 * the event dispatch thread; the timer task writes it on the timer's own thread, and a java.util.Timer whose task
 * throws is cancelled for good.
 */
public final class Autosave {
    private static final long INTERVAL_MS = 10_000;

    private final Supplier<File> openFile;
    private final Consumer<Exception> errorHandler;
    private String pendingText;
    private Timer timer;

    public Autosave(Supplier<File> openFile, Consumer<Exception> errorHandler) {
        this.openFile = openFile;
        this.errorHandler = errorHandler;
    }

    /** Called by the editor's document listener, on the event dispatch thread, with the text after the edit. */
    public synchronized void markDirty(String text) {
        pendingText = text;
    }

    public void start() {
        timer = new Timer("ezasm-autosave", true);
        timer.scheduleAtFixedRate(new TimerTask() { //@{1}CONC-07
            @Override
            public void run() {
02|                try {
02|                    saveIfDirty();
02|                } catch (RuntimeException e) {
02|                    errorHandler.accept(e);
02|                }
1|                saveIfDirty();
            }
        }, INTERVAL_MS, INTERVAL_MS);
    }

    public void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

01|    private synchronized String takePendingText() {
2|    private String takePendingText() { //@CONC-03
        String text = pendingText;
        pendingText = null;
        return text;
    }

    private void saveIfDirty() {
        String text = takePendingText();
        File file = openFile.get();
        if (text == null || file == null) {
            return;
        }
        try {
            Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            markDirty(text);
            throw new UncheckedIOException("Autosave of " + file.getName() + " failed", e);
        }
    }
}
''')
cases_of(case, GH + 'ezasm-org/ezasm/pull/138', src('com.ezasm.gui.util', 'Autosave'),
         J('com.ezasm.gui.util', ['java.io.File', 'java.io.IOException', 'java.io.UncheckedIOException',
                                  'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.util.Timer',
                                  'java.util.TimerTask', 'java.util.function.Consumer',
                                  'java.util.function.Supplier'])(EZASM), [
             (1, 'java-00-ezasm-autosave-task-without-catch',
              'an edit runs the autosave on the timer without a catch, so the first failed write cancels the timer '
              'and the program is never autosaved again in that session', 'edit'),
             (2, 'java-00-ezasm-autosave-pending-text-taken-unsynchronized',
              'an edit takes the pending text on the timer thread without the lock the editor thread sets it under, '
              'so an edit made during a save can be lost or never seen', 'edit'),
             (0, 'java-ok-00-ezasm-autosave-task-guarded',
              'clean: the fix catches a failed autosave inside the timer task and reports it', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TX-01: controller of a JavaFX time tracker (KeepTime)
KEEPTIME = template('keeptime-controller', r'''
/**
 * Keeps the running work item and saves it: every minute by the autosave, and when the application shuts down, so
 * that closing the window or shutting the PC down never loses the time of the active work.
 */
@Service
public class Controller {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    private static final long AUTOSAVE_SHUTDOWN_GRACE_SECONDS = 5;

    private final Model model;
    private final WorkRepository workRepository;
    private final PlatformTransactionManager transactionManager;
    private final ScheduledExecutorService autoSaveExecutor;

    public Controller(Model model, WorkRepository workRepository, PlatformTransactionManager transactionManager) {
        this.model = model;
        this.workRepository = workRepository;
        this.transactionManager = transactionManager;
        this.autoSaveExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "keeptime-autosave");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Autosave thread died", e));
            return thread;
        });
        autoSaveExecutor.scheduleAtFixedRate(this::autoSave, 1, 1, TimeUnit.MINUTES);
    }

    /** Called from Application.stop(): waits for a running autosave, then ends and saves the active work. */
    public void shutdown() {
        LOG.info("Controller shutdown");
        autoSaveExecutor.shutdown(); //@{1}OPS-01
02|        try {
02|            if (!autoSaveExecutor.awaitTermination(AUTOSAVE_SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                LOG.warn("Autosave still running after {} s, saving the active work anyway", AUTOSAVE_SHUTDOWN_GRACE_SECONDS);
02|            }
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        }
        Work active = model.activeWorkItem.get();
        if (active != null) {
            active.setEndTime(Instant.now());
            persistWork(active);
        }
    }

    private void autoSave() {
        try {
            Work active = model.activeWorkItem.get();
            if (active != null) {
                persistWork(active);
            }
        } catch (RuntimeException e) {
            LOG.error("Autosave failed, retrying on the next run", e);
        }
    }

    private void persistWork(Work work) {
        TransactionStatus tx = transactionManager.getTransaction(new DefaultTransactionDefinition()); //@{2}TX-01
01|        try {
01|            workRepository.save(work);
01|            transactionManager.commit(tx);
01|        } catch (RuntimeException e) {
01|            transactionManager.rollback(tx);
01|            throw e;
01|        }
2|        workRepository.save(work);
2|        transactionManager.commit(tx);
    }
}
''')
cases_of(case, GH + 'doubleSlashde/KeepTime/issues/1', src('de.doubleslash.keeptime.controller', 'Controller'),
         J('de.doubleslash.keeptime.controller', SLF4J + [
             'de.doubleslash.keeptime.model.Model', 'de.doubleslash.keeptime.model.Work',
             'de.doubleslash.keeptime.model.repos.WorkRepository', 'java.time.Instant',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.springframework.stereotype.Service',
             'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition'])(KEEPTIME), [
             (1, 'java-00-keeptime-shutdown-does-not-wait-for-autosave',
              'an edit stops the autosave executor without waiting for it, so the shutdown save of the active work '
              'races a running autosave of the same item', 'edit'),
             (2, 'java-00-keeptime-work-transaction-not-rolled-back',
              'an edit saves a work item without rolling its transaction back on failure, so a failed save leaves '
              'the transaction open on the autosave thread', 'edit'),
             (0, 'java-ok-00-keeptime-shutdown-waits-for-autosave',
              'clean: the fix waits for a running autosave within a grace period before the shutdown save', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-05: reader context of a console input library (jline2), renamed file
JLINE = template('jline-reader-context', r'''
/**
 * The console reader a completer or widget runs for. readLine sets it for the duration of one call so that code deep
 * in a completer can reach the reader without it being passed down. The value must be gone when the call returns, or
 * the thread, often a pooled one in an embedding application, keeps the reader and its class loader alive.
 */
public final class ReaderContext {
    private static final ThreadLocal<ConsoleReader> CURRENT = new ThreadLocal<ConsoleReader>();

    private ReaderContext() {
    }

    /** The reader of the line being read on this thread, or null outside readLine. */
    public static ConsoleReader current() {
        return CURRENT.get();
    }

    static String readWithContext(ConsoleReader reader, String prompt) throws IOException {
        CURRENT.set(reader); //@{1}CONC-04
02|        try {
02|            return reader.readLineInternal(prompt);
02|        } finally {
02|            CURRENT.remove();
02|        }
1|        String line = reader.readLineInternal(prompt);
1|        CURRENT.remove();
1|        return line;
    }

    /**
     * Waits out the escape timeout before a lone ESC is taken as a key of its own. An interrupt means the reader is
     * being closed: it ends the wait and is passed on to the caller.
     */
    static void awaitEscapeTimeout(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
01|            throw new InterruptedIOException("interrupted while waiting for an escape sequence");
2|            Log.debug("Interrupted while waiting for an escape sequence: ", e);
        }
    }
}
''')
cases_of(case, GH + 'jline/jline2/pull/98', src('jline.console', 'ReaderContext'),
         JV('jline.console', {0: ['java.io.IOException', 'java.io.InterruptedIOException'],
                              1: ['java.io.IOException', 'java.io.InterruptedIOException'],
                              2: ['java.io.IOException', 'java.io.InterruptedIOException', 'jline.internal.Log']})(JLINE), [
             (1, 'java-00-jline-moved-reader-context-not-removed-on-error',
              'a PR moves the reader context into the console package and clears the thread-local only after a '
              'successful read, so a read that throws leaves the reader on the thread', 'rename'),
             (2, 'java-00-jline-moved-reader-context-interrupt-swallowed',
              'a PR moves the reader context into the console package and logs an interrupt of the escape wait '
              'instead of restoring it, so closing the reader does not stop the reading thread', 'rename'),
             (0, 'java-ok-00-jline-moved-reader-context',
              'clean: the move alone; the thread-local is removed in a finally block and the interrupt is passed on',
              'rename'),
         ], rename_from=src('jline.internal', 'ReaderContext'),
         rename_old=lambda t: t.replace('package jline.console;', 'package jline.internal;\n\nimport jline.console.ConsoleReader;', 1))
