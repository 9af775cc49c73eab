"""Round-63 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TIME-01 / RES-02: next-launch data of a Wear OS watch face (SpaceLaunchNow-Android)
SPACELAUNCH = template('spacelaunchnow-wear-next-launch', r'''
public class NextLaunchLoader {
    private static final String TAG = "NextLaunchLoader";
    private static final String NET_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private final OkHttpClient client;
    private final String apiUrl;

    public NextLaunchLoader(OkHttpClient client, String apiUrl) {
        this.client = client;
        this.apiUrl = apiUrl;
    }

    /** Returns the next launch's name and its time of liftoff, or null when the API has none. */
    public NextLaunch load() throws IOException {
        Request request = new Request.Builder()
                .url(apiUrl + "/launch/upcoming/?limit=1&mode=list")
                .header("Accept", "application/json")
                .build();
02|        try (Response response = client.newCall(request).execute()) {
02|            if (!response.isSuccessful() || response.body() == null) {
02|                Log.w(TAG, "Upcoming launch request answered " + response.code());
02|                return null;
02|            }
02|            return parse(response.body().string());
02|        }
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful() || response.body() == null) {
1|            Log.w(TAG, "Upcoming launch request answered " + response.code());
1|            return null;
1|        }
1|        return parse(response.body().string());
    }

    NextLaunch parse(String json) throws IOException {
        try {
            JSONArray results = new JSONObject(json).getJSONArray("results");
            if (results.length() == 0) {
                return null;
            }
            JSONObject launch = results.getJSONObject(0);
            SimpleDateFormat net = new SimpleDateFormat(NET_PATTERN, Locale.US); //@{2}TIME-01
01|            net.setTimeZone(TimeZone.getTimeZone("UTC"));
            Date liftoff = net.parse(launch.getString("net"));
            return new NextLaunch(launch.getString("name"), liftoff.getTime());
        } catch (JSONException | ParseException e) {
            throw new IOException("Malformed upcoming launch: " + e.getMessage(), e);
        }
    }
}
''')
SPACELAUNCH_IMPORTS = ['android.util.Log', 'java.io.IOException', 'java.text.ParseException',
                       'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale', 'okhttp3.OkHttpClient',
                       'okhttp3.Request', 'okhttp3.Response', 'org.json.JSONArray', 'org.json.JSONException',
                       'org.json.JSONObject']
cases_of(case, GH + 'ItsCalebJones/SpaceLaunchNow-Android/issues/108',
         'wear/' + src('me.calebjones.spacelaunchnow.wear.data', 'NextLaunchLoader'),
         JV('me.calebjones.spacelaunchnow.wear.data', {0: SPACELAUNCH_IMPORTS + ['java.util.TimeZone'],
                                                       1: SPACELAUNCH_IMPORTS + ['java.util.TimeZone'],
                                                       2: SPACELAUNCH_IMPORTS})(SPACELAUNCH), [
             (1, 'java-00-spacelaunchnow-upcoming-response-never-closed',
              'an edit executes the upcoming-launch request without try-with-resources, so every failed answer '
              'leaves its response body and connection open on the watch', 'edit'),
             (2, 'java-00-spacelaunchnow-liftoff-parsed-in-device-zone',
              'an edit drops the UTC zone of the formatter that parses the API\'s liftoff time, so the watch face '
              'shows a liftoff shifted by the wearer\'s offset', 'edit'),
             (0, 'java-ok-00-spacelaunchnow-upcoming-response-closed',
              'clean: the fix reads the answer inside try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: file icons of a JavaFX file chooser, CRLF (FileChooserFx)
FILECHOOSER = template('filechooserfx-icons', r'''
public class IconsImpl implements Icons {
    private static final Logger LOG = Logger.getLogger(IconsImpl.class.getName());
    private static final int SIZE = 16;

    private final Map<String, Image> cache = new ConcurrentHashMap<>();
    private final Path iconDir;
    private final Image defaultIcon;

    public IconsImpl(Path iconDir, Image defaultIcon) {
        this.iconDir = iconDir;
        this.defaultIcon = defaultIcon;
    }

    @Override
    public Image getIcon(Path file) {
        String ext = extensionOf(file);
        Image cached = cache.get(ext);
        if (cached != null) {
            return cached;
        }
        Path iconFile = iconDir.resolve(ext + ".png");
        if (!Files.isRegularFile(iconFile)) {
            return defaultIcon;
        }
02|        try (InputStream in = Files.newInputStream(iconFile)) {
1|        try {
1|            InputStream in = Files.newInputStream(iconFile); //@RES-01
            Image icon = new Image(in, SIZE, SIZE, true, true);
            cache.put(ext, icon);
            return icon;
        } catch (IOException e) { //@{2}ERR-01
01|            LOG.log(Level.WARNING, "Cannot read icon " + iconFile, e);
            return defaultIcon;
        }
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
''')
cases_of(case, GH + 'ricemery/FileChooserFx/issues/7', src('com.chainstaysoftware.filechooser.icons', 'IconsImpl'),
         J('com.chainstaysoftware.filechooser.icons', [
             'java.io.IOException', 'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.util.Locale', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.logging.Level',
             'java.util.logging.Logger', 'javafx.scene.image.Image'])(FILECHOOSER), [
             (1, 'java-00-filechooserfx-icon-stream-never-closed',
              'an edit opens each icon file outside try-with-resources and never closes it, so browsing a large '
              'folder leaks a file handle per file type and locks the icons on Windows', 'edit'),
             (2, 'java-00-filechooserfx-icon-read-failure-swallowed',
              'an edit drops the warning when an icon cannot be read, so a broken icon set silently shows the '
              'default icon everywhere', 'edit'),
             (0, 'java-ok-00-filechooserfx-icon-stream-closed',
              'clean: the fix reads each icon inside try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / CONC-05: observation source load task of a desktop astronomy tool, renamed (VStar)
VSTAR = template('vstar-obsource-load-task', r'''
public class ObSourceLoadTask extends SwingWorker<Void, Void> {
    private final ObservationSourcePluginBase plugin;
    private final CountDownLatch parametersReady;
    private volatile File input;

    public ObSourceLoadTask(ObservationSourcePluginBase plugin, CountDownLatch parametersReady) {
        this.plugin = plugin;
        this.parametersReady = parametersReady;
    }

    public void setInput(File input) {
        this.input = input;
    }

    @Override
    protected Void doInBackground() throws Exception {
        if (!waitForParameters()) {
            return null;
        }
        InputStream in = new BufferedInputStream(new FileInputStream(input)); //@{1}RES-01
        AbstractObservationRetriever retriever = plugin.getObservationRetriever(in, input.getName());
        if (retriever == null) {
02|            in.close();
            return null;
        }
        try {
            retriever.retrieveObservations();
            Mediator.getInstance().createNewStarObservationArtefacts(plugin.getNewStarType(), retriever);
        } finally {
            in.close();
        }
        return null;
    }

    private boolean waitForParameters() {
        try {
            parametersReady.await();
            return true;
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected void done() {
        Mediator.getInstance().getProgressNotifier().notifyListeners(ProgressInfo.COMPLETE_PROGRESS);
    }
}
''')
VSTAR_PATH = 'src/org/aavso/tools/vstar/ui/task/'
cases_of(case, GH + 'AAVSO/VStar/issues/80', VSTAR_PATH + 'ObSourceLoadTask.java',
         J('org.aavso.tools.vstar.ui.task', [
             'java.io.BufferedInputStream', 'java.io.File', 'java.io.FileInputStream', 'java.io.InputStream',
             'java.util.concurrent.CountDownLatch', 'javax.swing.SwingWorker',
             'org.aavso.tools.vstar.data.validation.AbstractObservationRetriever',
             'org.aavso.tools.vstar.plugin.ObservationSourcePluginBase', 'org.aavso.tools.vstar.ui.mediator.Mediator',
             'org.aavso.tools.vstar.ui.mediator.message.ProgressInfo'])(VSTAR), [
             (1, 'java-00-vstar-renamed-load-task-stream-left-open',
              'a PR renames the observation source load task and drops the close of the input stream when the '
              'plugin has no retriever, so a cancelled parameter dialog leaves the file open and locked on Windows',
              'rename'),
             (2, 'java-00-vstar-renamed-load-task-interrupt-swallowed',
              'a PR renames the observation source load task and drops the restore of the interrupt when the wait '
              'for parameters is interrupted, so a cancelled load loses the interrupt', 'rename'),
             (0, 'java-ok-00-vstar-renamed-load-task',
              'clean: the rename alone; the stream is closed on every path and the interrupt restored', 'rename'),
         ], rename_from=VSTAR_PATH + 'NewStarFromObSourcePluginTask.java',
         rename_old=lambda t: t.replace('ObSourceLoadTask', 'NewStarFromObSourcePluginTask'))


# ---------------------------------------------------------------- CONC-06 / CONC-01: asynchronous view loading of a JavaFX framework (EasyFXML)
EASYFXML = template('easyfxml-fx-async', r'''
public final class FxAsync {
    private static final Logger LOG = LoggerFactory.getLogger(FxAsync.class);

    private final ExecutorService loader;

    public FxAsync() {
        this.loader = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fx-async-loader"); //@{2}CONC-01
            thread.setDaemon(true);
01|            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("View loading failed on {}", t.getName(), e));
            return thread;
        });
    }

    /** Runs action on the FX thread; the stage completes with element, or exceptionally when action throws. */
    public <T> CompletionStage<T> doOnFxThread(T element, Consumer<T> action) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.accept(element);
                done.complete(element);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Loads the view of component off the FX thread and shows it in stage. */
    public void loadInto(Stage stage, FxmlComponent component, FxmlLoader fxmlLoader) {
02|        loader.execute(() -> {
1|        loader.submit(() -> { //@CONC-06
            Pane pane = fxmlLoader.load(component);
            doOnFxThread(stage, s -> s.getScene().setRoot(pane));
        });
    }

    public void shutdown() {
        loader.shutdownNow();
    }
}
''')
cases_of(case, GH + 'Tristan971/EasyFXML/issues/23', 'easyfxml/' + src('moe.tristan.easyfxml.util', 'FxAsync'),
         J('moe.tristan.easyfxml.util', SLF4J + [
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.CompletionStage',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.function.Consumer',
             'javafx.application.Platform', 'javafx.scene.layout.Pane', 'javafx.stage.Stage',
             'moe.tristan.easyfxml.api.FxmlComponent', 'moe.tristan.easyfxml.api.FxmlLoader'])(EASYFXML), [
             (1, 'java-00-easyfxml-view-load-future-dropped',
              'an edit submits the loading of a view and drops the returned future, so an FXML error while loading '
              'is captured in a future nobody reads and the window stays empty', 'edit'),
             (2, 'java-00-easyfxml-loader-threads-without-handler',
              'an edit drops the uncaught-exception handler of the loader threads, so a view that fails to load '
              'dies with nothing but a stack trace on stderr', 'edit'),
             (0, 'java-ok-00-easyfxml-view-load-executed',
              'clean: the fix hands view loading to execute, so failures reach the loader threads\' handler', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: link preview fetcher of a chat Android app (deltachat-android)
DELTACHAT = template('deltachat-link-preview-fetcher', r'''
public class LinkPreviewFetcher {
    private static final String TAG = LinkPreviewFetcher.class.getSimpleName();
    private static final int MAX_HTML = 512 * 1024;

    private final Executor executor;

    public LinkPreviewFetcher(Executor executor) {
        this.executor = executor;
    }

    /** Fetches the page's title for a preview; waits at most timeoutMs and returns null when it has none by then. */
    public @Nullable String fetchTitleBlocking(String url, long timeoutMs) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> title = new AtomicReference<>();
        executor.execute(() -> {
            try {
                title.set(extractTitle(readHtml(url)));
            } catch (IOException e) {
                Log.w(TAG, "No preview for " + url, e);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
        }
        return title.get();
    }

    private String readHtml(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(); //@{2}TMO-01
01|        connection.setConnectTimeout(10_000);
01|        connection.setReadTimeout(15_000);
        connection.setInstanceFollowRedirects(true);
        connection.setRequestProperty("User-Agent", "Mozilla/5.0 (compatible; DeltaChat)");
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[MAX_HTML];
            int total = 0;
            int read;
            while (total < MAX_HTML && (read = in.read(buffer, total, MAX_HTML - total)) != -1) {
                total += read;
            }
            return new String(buffer, 0, total, StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    static @Nullable String extractTitle(String html) {
        int start = html.indexOf("<title>");
        int end = html.indexOf("</title>", start + 1);
        return start < 0 || end < 0 ? null : html.substring(start + 7, end).trim();
    }
}
''')
cases_of(case, GH + 'deltachat/deltachat-android/pull/3501',
         src('org.thoughtcrime.securesms.linkpreview', 'LinkPreviewFetcher'),
         J('org.thoughtcrime.securesms.linkpreview', [
             'android.util.Log', 'androidx.annotation.Nullable', 'java.io.IOException', 'java.io.InputStream',
             'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets',
             'java.util.concurrent.CountDownLatch', 'java.util.concurrent.Executor', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.atomic.AtomicReference'])(DELTACHAT), [
             (1, 'java-00-deltachat-preview-wait-interrupt-swallowed',
              'an edit catches the interruption of the wait for a link preview and carries on, so the interrupt of '
              'a chat thread being stopped is lost', 'edit'),
             (2, 'java-00-deltachat-preview-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the preview connection, so a site that never answers '
              'keeps an executor thread forever', 'edit'),
             (0, 'java-ok-00-deltachat-preview-wait-interrupt-restored',
              'clean: the fix restores the interrupt when the wait for a preview is interrupted', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-03: restriction store of an Android privacy module (XPrivacy)
XPRIVACY = template('xprivacy-restriction-store', r'''
public class RestrictionStore {
    private static final String TABLE = "restriction";

    private final SQLiteDatabase db;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
01|    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();
2|    private final Map<String, Boolean> cache = new HashMap<>(); //@CONC-03

    public RestrictionStore(SQLiteDatabase db) {
        this.db = db;
    }

    /** Stores the restrictions of one app, replacing what was there, in one transaction. */
    public void setRestrictionList(int uid, List<PRestriction> restrictions) {
        lock.writeLock().lock();
        try {
            db.beginTransaction(); //@{1}TX-01
02|            try {
02|                for (PRestriction r : restrictions) {
02|                    db.insertWithOnConflict(TABLE, null, toValues(uid, r), SQLiteDatabase.CONFLICT_REPLACE);
02|                }
02|                db.setTransactionSuccessful();
02|            } finally {
02|                db.endTransaction();
02|            }
1|            for (PRestriction r : restrictions) {
1|                db.insertWithOnConflict(TABLE, null, toValues(uid, r), SQLiteDatabase.CONFLICT_REPLACE);
1|            }
1|            db.setTransactionSuccessful();
1|            db.endTransaction();
        } finally {
            lock.writeLock().unlock();
        }
        for (PRestriction r : restrictions) {
            cache.put(uid + "." + r.restrictionName + "." + r.methodName, r.restricted);
        }
    }

    public boolean isRestricted(int uid, String restrictionName, String methodName) {
        Boolean cached = cache.get(uid + "." + restrictionName + "." + methodName);
        return cached != null && cached;
    }

    private static ContentValues toValues(int uid, PRestriction r) {
        ContentValues values = new ContentValues();
        values.put("uid", uid);
        values.put("restriction", r.restrictionName);
        values.put("method", r.methodName == null ? "" : r.methodName);
        values.put("restricted", r.restricted ? 1 : 0);
        return values;
    }
}
''')
XPRIVACY_BASE = ['android.content.ContentValues', 'android.database.sqlite.SQLiteDatabase', 'java.util.List',
                 'java.util.Map', 'java.util.concurrent.locks.ReentrantReadWriteLock']
cases_of(case, GH + 'M66B/XPrivacy/pull/1939', src('biz.bokhorst.xprivacy', 'RestrictionStore'),
         JV('biz.bokhorst.xprivacy', {0: XPRIVACY_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                                      1: XPRIVACY_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                                      2: XPRIVACY_BASE + ['java.util.HashMap']})(XPRIVACY), [
             (1, 'java-00-xprivacy-restriction-transaction-not-ended-in-finally',
              'an edit ends the restriction transaction after the inserts instead of in a finally block, so a '
              'failed insert leaves the transaction open and the next write to the database blocks', 'edit'),
             (2, 'java-00-xprivacy-restriction-cache-plain-hash-map',
              'an edit keeps the restriction cache in a plain HashMap that binder threads write and read at once, '
              'so lookups can loop or miss while a list is stored', 'edit'),
             (0, 'java-ok-00-xprivacy-restriction-transaction-ended-in-finally',
              'clean: the fix ends the restriction transaction in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: content provider of an Android provider generator (schematic)
SCHEMATIC = template('schematic-notes-provider', r'''
public class NotesProvider extends ContentProvider {
    public static final String AUTHORITY = "net.simonvt.schematic.sample.NotesProvider";

    private NotesDatabase database;

    @Override
    public boolean onCreate() {
        database = NotesDatabase.getInstance(getContext());
        return true;
    }

    @Override
    public ContentProviderResult[] applyBatch(ArrayList<ContentProviderOperation> ops)
            throws OperationApplicationException {
        SQLiteDatabase db = database.getWritableDatabase();
        db.beginTransaction(); //@{1}TX-01
02|        try {
02|            ContentProviderResult[] results = super.applyBatch(ops);
02|            db.setTransactionSuccessful();
02|            return results;
02|        } finally {
02|            db.endTransaction();
02|        }
1|        ContentProviderResult[] results = super.applyBatch(ops);
1|        db.setTransactionSuccessful();
1|        db.endTransaction();
1|        return results;
    }

    @Override
    public Uri insert(Uri uri, ContentValues values) {
        long listId = values.getAsLong(NoteColumns.LIST_ID);
        if (!listExists(listId)) {
            throw new IllegalArgumentException("No list " + listId + " for " + uri);
        }
        long id = database.getWritableDatabase().insertOrThrow(NotesDatabase.NOTES, null, values);
        getContext().getContentResolver().notifyChange(uri, null);
        return ContentUris.withAppendedId(uri, id);
    }

    private boolean listExists(long listId) {
        Cursor c = database.getReadableDatabase().query(NotesDatabase.LISTS, new String[] {ListColumns.ID}, //@{2}RES-01
                ListColumns.ID + "=?", new String[] {String.valueOf(listId)}, null, null, null);
01|        try {
01|            return c.moveToFirst();
01|        } finally {
01|            c.close();
01|        }
2|        return c.moveToFirst();
    }

    @Override
    public Cursor query(Uri uri, String[] projection, String selection, String[] selectionArgs, String sortOrder) {
        Cursor c = database.getReadableDatabase().query(NotesDatabase.NOTES, projection, selection, selectionArgs,
                null, null, sortOrder);
        c.setNotificationUri(getContext().getContentResolver(), uri);
        return c;
    }

    @Override
    public int delete(Uri uri, String selection, String[] selectionArgs) {
        int count = database.getWritableDatabase().delete(NotesDatabase.NOTES, selection, selectionArgs);
        getContext().getContentResolver().notifyChange(uri, null);
        return count;
    }

    @Override
    public int update(Uri uri, ContentValues values, String selection, String[] selectionArgs) {
        int count = database.getWritableDatabase().update(NotesDatabase.NOTES, values, selection, selectionArgs);
        getContext().getContentResolver().notifyChange(uri, null);
        return count;
    }

    @Override
    public String getType(Uri uri) {
        return "vnd.android.cursor.dir/note";
    }
}
''')
cases_of(case, GH + 'SimonVT/schematic/pull/29',
         'schematic-sample/' + src('net.simonvt.schematic.sample.database', 'NotesProvider'),
         J('net.simonvt.schematic.sample.database', [
             'android.content.ContentProvider', 'android.content.ContentProviderOperation',
             'android.content.ContentProviderResult', 'android.content.ContentUris', 'android.content.ContentValues',
             'android.content.OperationApplicationException', 'android.database.Cursor',
             'android.database.sqlite.SQLiteDatabase', 'android.net.Uri', 'java.util.ArrayList'])(SCHEMATIC), [
             (1, 'java-00-schematic-batch-transaction-not-ended-in-finally',
              'an edit ends the batch transaction after applying the operations instead of in a finally block, so a '
              'failing operation leaves the transaction open and the provider\'s database unusable', 'edit'),
             (2, 'java-00-schematic-list-check-cursor-never-closed',
              'an edit checks that a note\'s list exists with a cursor it never closes, so every insert leaks a '
              'cursor until StrictMode reports it', 'edit'),
             (0, 'java-ok-00-schematic-batch-transaction-ended-in-finally',
              'clean: the fix ends the batch transaction in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: shared HTTP client of an Android OkHttp wrapper (OkHttp3)
OKHTTP3 = template('okhttp3-client-holder', r'''
public final class HttpClientHolder {
    private static final long CONNECT_TIMEOUT_SECONDS = 15;
    private static final long READ_TIMEOUT_SECONDS = 30;
    private static final long CACHE_SIZE = 10L * 1024 * 1024;

    private static volatile OkHttpClient shared;

    private HttpClientHolder() {
    }

    /** The client every request of the app goes through; its pool, cache and dispatcher are shared. */
    public static OkHttpClient get(Context context) {
02|        OkHttpClient client = shared;
02|        if (client == null) {
02|            synchronized (HttpClientHolder.class) {
02|                client = shared;
02|                if (client == null) {
02|                    client = shared = build(context.getApplicationContext());
02|                }
02|            }
02|        }
02|        return client;
1|        return build(context.getApplicationContext()); //@RES-04
    }

    private static OkHttpClient build(Context context) {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
01|                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
2|                .readTimeout(0, TimeUnit.SECONDS) //@TMO-01
                .writeTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .cache(new Cache(new File(context.getCacheDir(), "okhttp"), CACHE_SIZE))
                .retryOnConnectionFailure(true)
                .build();
    }
}
''')
cases_of(case, GH + 'MrZhousf/OkHttp3/issues/25', 'okhttplib/' + src('com.okhttplib', 'HttpClientHolder'),
         J('com.okhttplib', ['android.content.Context', 'java.io.File', 'java.util.concurrent.TimeUnit',
                             'okhttp3.Cache', 'okhttp3.OkHttpClient'])(OKHTTP3), [
             (1, 'java-00-okhttp3-new-holder-client-per-call',
              'a new client holder builds a fresh OkHttpClient, with its own pool, cache and dispatcher threads, for '
              'every request', 'new'),
             (2, 'java-00-okhttp3-new-holder-read-timeout-disabled',
              'a new client holder shares one OkHttpClient but disables its read timeout, so a server that stalls '
              'mid-response blocks a dispatcher thread forever', 'new'),
             (0, 'java-ok-00-okhttp3-new-holder-shared-client',
              'clean: a new client holder handing out one shared client with bounded timeouts', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-07: SOP class list of a self-hosted PACS archive (dicoogle)
DICOOGLE = template('dicoogle-sop-list', r'''
public class SOPList {
    private static final Logger logger = LoggerFactory.getLogger(SOPList.class);

    private final Map<String, TransfersStorage> table = new ConcurrentHashMap<>();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    private final SOPListStore store;
    private volatile boolean dirty;

    public SOPList(SOPListStore store) {
        this.store = store;
    }

    /** Starts saving the list once a minute when it changed. */
    public void startAutosave() {
01|        saver.scheduleWithFixedDelay(() -> {
01|            try {
01|                saveIfDirty();
01|            } catch (RuntimeException e) {
01|                logger.error("Could not save the SOP list, will retry", e);
01|            }
01|        }, 1, 1, TimeUnit.MINUTES);
2|        saver.scheduleWithFixedDelay(this::saveIfDirty, 1, 1, TimeUnit.MINUTES); //@CONC-07
    }

    /** Accepts or refuses one transfer syntax of a SOP class. */
    public void updateTS(String uid, String transferSyntax, boolean accepted) {
        TransfersStorage storage = table.computeIfAbsent(uid, k -> new TransfersStorage());
        storage.setTS(transferSyntax, accepted);
        dirty = true;
02|        logger.debug("SOP class {}: transfer syntax {} {}", uid, transferSyntax, accepted ? "accepted" : "refused");
1|        logger.debug("SOP class " + uid + ": transfer syntax " + transferSyntax + " " //@LOG-02
1|                + (accepted ? "accepted" : "refused"));
    }

    public TransfersStorage getTS(String uid) {
        return table.get(uid);
    }

    private void saveIfDirty() {
        if (!dirty) {
            return;
        }
        try {
            store.save(table);
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
''')
cases_of(case, GH + 'dicoogle/dicoogle/pull/213', 'dicoogle/' + src('pt.ua.dicoogle.server', 'SOPList'),
         J('pt.ua.dicoogle.server', SLF4J + [
             'java.io.IOException', 'java.io.UncheckedIOException', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'])(DICOOGLE), [
             (1, 'java-00-dicoogle-transfer-syntax-log-concatenated',
              'an edit builds the debug line of every transfer syntax change by string concatenation, so loading '
              'the SOP list formats hundreds of strings that are thrown away at info level', 'edit'),
             (2, 'java-00-dicoogle-autosave-dies-on-first-failure',
              'an edit schedules the SOP list autosave without its catch, so the first failed save stops every '
              'later save silently', 'edit'),
             (0, 'java-ok-00-dicoogle-transfer-syntax-log-parameterised',
              'clean: the fix logs transfer syntax changes with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-04: media scanner of a self-hosted music server (airsonic)
AIRSONIC = template('airsonic-media-scanner', r'''
@Service
public class MediaScannerService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaScannerService.class);
    private static final int PROGRESS_EVERY = 250;

    private final MediaFileService mediaFileService;
    private final MediaFileDao mediaFileDao;
    private final ExecutorService scanExecutor = Executors.newSingleThreadExecutor();
    private final AtomicInteger scanCount = new AtomicInteger();

    public MediaScannerService(MediaFileService mediaFileService, MediaFileDao mediaFileDao) {
        this.mediaFileService = mediaFileService;
        this.mediaFileDao = mediaFileDao;
    }

    /** Starts a scan of every music folder on the scanner thread. */
    public void scanLibrary(List<MusicFolder> folders) {
        String scanId = Long.toHexString(System.currentTimeMillis());
        scanExecutor.execute(() -> {
            MDC.put("scan", scanId); //@{2}CONC-04
01|            try {
01|                doScanLibrary(folders);
01|            } finally {
01|                MDC.remove("scan");
01|            }
2|            doScanLibrary(folders);
        });
    }

    private void doScanLibrary(List<MusicFolder> folders) {
        LOG.info("Starting to scan media library.");
        scanCount.set(0);
        Date lastScanned = new Date();
        for (MusicFolder folder : folders) {
            scanFile(mediaFileService.getMediaFile(folder.getPath(), false), folder, lastScanned);
        }
        mediaFileDao.markNonPresent(lastScanned);
        LOG.info("Scanned media library with {} entries.", scanCount.get());
    }

    private void scanFile(MediaFile file, MusicFolder folder, Date lastScanned) {
        int count = scanCount.incrementAndGet();
        if (count % PROGRESS_EVERY == 0) {
            LOG.info("Scanned media library with {} entries.", count);
        }
1|        LOG.info("Scanning file {} ({}) in {}", file.getId(), file.getPath(), folder.getName()); //@LOG-01
        mediaFileDao.markPresent(file.getPath(), lastScanned);
        if (file.isDirectory()) {
            for (MediaFile child : mediaFileService.getChildrenOf(file, true, false, false, false)) {
                scanFile(child, folder, lastScanned);
            }
        }
    }
}
''')
cases_of(case, GH + 'airsonic/airsonic/pull/1310', 'airsonic-main/' + src('org.airsonic.player.service', 'MediaScannerService'),
         J('org.airsonic.player.service', SLF4J + [
             'java.util.Date', 'java.util.List', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.atomic.AtomicInteger',
             'org.airsonic.player.dao.MediaFileDao', 'org.airsonic.player.domain.MediaFile',
             'org.airsonic.player.domain.MusicFolder', 'org.slf4j.MDC',
             'org.springframework.stereotype.Service'])(AIRSONIC), [
             (1, 'java-00-airsonic-every-scanned-file-logged',
              'an edit logs every scanned file at info level, so a scan of a library of a hundred thousand tracks '
              'writes a hundred thousand lines', 'edit'),
             (2, 'java-00-airsonic-scan-id-left-in-mdc',
              'an edit puts the scan id into the MDC of the scanner thread and no longer removes it, so every later '
              'log line of that pooled thread carries a stale scan id', 'edit'),
             (0, 'java-ok-00-airsonic-progress-logged-every-250',
              'clean: the fix logs progress every 250 files only', 'fix'),
         ])
