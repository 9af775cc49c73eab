"""Round-40 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every HTTP client sets its timeouts unless the case is about exactly that (TMO-01 reads both ways, as in rounds 13 to
39)."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / ERR-01: NBT editor of a mod maker (MCreator)
MCREATOR = template('mcreator-nbt-editor', r'''
public class NBTEditorView extends ViewBase {

    private static final Logger LOG = LogManager.getLogger("NBT Editor");

    private final File file;
    private final JTree tree = new JTree(new DefaultMutableTreeNode("root"));
    private final JLabel status = L10N.label("dialog.nbt_editor.loading");
    private boolean compressed = true;

    public NBTEditorView(MCreator mcreator, File file) {
        super(mcreator);
        this.file = file;
        setLayout(new BorderLayout());
        add("Center", new JScrollPane(tree));
        add("South", status);
        loadFromFile();
    }

    private void loadFromFile() {
02|        try (FileInputStream fis = new FileInputStream(file)) {
1|        try {
1|            FileInputStream fis = new FileInputStream(file); //@RES-01
            byte[] head = new byte[2];
            compressed = fis.read(head) == 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
            fis.getChannel().position(0);
            InputStream in = compressed ? new GZIPInputStream(fis) : fis;
            NamedTag root = new NBTDeserializer(false).fromStream(in);
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(root.getName());
            addChildren(node, root.getTag());
            tree.setModel(new DefaultTreeModel(node));
            status.setText(L10N.t("dialog.nbt_editor.loaded", file.getName(), countNodes(node)));
        } catch (IOException e) { //@{2}ERR-01
01|            LOG.error("Failed to load NBT file " + file, e);
01|            status.setText(L10N.t("dialog.nbt_editor.load_failed", e.getMessage()));
2|            // an unreadable file simply shows an empty tree
        }
    }

    private void addChildren(DefaultMutableTreeNode parent, Tag<?> tag) {
        if (tag instanceof CompoundTag compound) {
            for (Map.Entry<String, Tag<?>> entry : compound) {
                DefaultMutableTreeNode child = new DefaultMutableTreeNode(entry.getKey());
                addChildren(child, entry.getValue());
                parent.add(child);
            }
        } else if (tag instanceof ListTag<?> list) {
            int i = 0;
            for (Tag<?> element : list) {
                DefaultMutableTreeNode child = new DefaultMutableTreeNode("[" + i++ + "]");
                addChildren(child, element);
                parent.add(child);
            }
        } else {
            parent.add(new DefaultMutableTreeNode(tag.valueToString()));
        }
    }

    private static int countNodes(DefaultMutableTreeNode node) {
        int count = 1;
        for (int i = 0; i < node.getChildCount(); i++) {
            count += countNodes((DefaultMutableTreeNode) node.getChildAt(i));
        }
        return count;
    }

    @Override public String getViewName() {
        return file.getName();
    }
}
''')
cases_of(case, GH + 'MCreator/MCreator/pull/6201', src('net.mcreator.ui.views', 'NBTEditorView'),
         J('net.mcreator.ui.views', [
             'java.awt.BorderLayout', 'java.io.File', 'java.io.FileInputStream', 'java.io.IOException',
             'java.io.InputStream', 'java.util.Map', 'java.util.zip.GZIPInputStream', 'javax.swing.JLabel',
             'javax.swing.JScrollPane', 'javax.swing.JTree', 'javax.swing.tree.DefaultMutableTreeNode',
             'javax.swing.tree.DefaultTreeModel', 'net.mcreator.ui.MCreator', 'net.mcreator.ui.init.L10N',
             'net.querz.nbt.io.NBTDeserializer', 'net.querz.nbt.io.NamedTag', 'net.querz.nbt.tag.CompoundTag',
             'net.querz.nbt.tag.ListTag', 'net.querz.nbt.tag.Tag', 'org.apache.logging.log4j.LogManager',
             'org.apache.logging.log4j.Logger'])(MCREATOR), [
             (1, 'java-00-mcreator-nbt-editor-file-stream-never-closed',
              'an edit opens the NBT file outside a try-with-resources, so every file the editor shows stays open '
              'until the view is collected', 'edit'),
             (2, 'java-00-mcreator-nbt-editor-load-failure-swallowed',
              'an edit empties the catch of a failed NBT load, so a broken file shows as an empty tree with nothing in '
              'the log', 'edit'),
             (0, 'java-ok-00-mcreator-nbt-editor-stream-closed-failure-logged',
              'clean: the file stream closed by try-with-resources, a failed load logged and shown', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: Android launcher's app cache (BlueLineConsole)
BLUELINE = template('blueline-app-cache', r'''
/**
 * Keeps the label and icon of every launchable application in a small SQLite table, so the console can list them
 * without asking the package manager on every keystroke.
 */
public class ApplicationInformationCache {
    private static final String TABLE = "application_cache";

    private final ApplicationDatabaseHelper helper;

    public ApplicationInformationCache(Context context) {
        this.helper = new ApplicationDatabaseHelper(context);
    }

    public List<ApplicationInformation> getAllApplicationCaches() {
        List<ApplicationInformation> result = new ArrayList<>();
        SQLiteDatabase db = helper.getReadableDatabase();
        Cursor curApp = db.query(TABLE, new String[] {"package_name", "activity_name", "label", "version_code"}, //@{1}RES-01
                null, null, null, null, "label");
02|        try {
02|            while (curApp.moveToNext()) {
02|                result.add(new ApplicationInformation(curApp.getString(0), curApp.getString(1), curApp.getString(2),
02|                        curApp.getLong(3)));
02|            }
02|        } finally {
02|            curApp.close();
02|        }
1|        while (curApp.moveToNext()) {
1|            result.add(new ApplicationInformation(curApp.getString(0), curApp.getString(1), curApp.getString(2),
1|                    curApp.getLong(3)));
1|        }
1|        curApp.close();
        return result;
    }

    public void replaceAll(List<ApplicationInformation> applications) {
        SQLiteDatabase db = helper.getWritableDatabase();
        db.beginTransaction(); //@{2}TX-01
01|        try {
01|            db.delete(TABLE, null, null);
01|            ContentValues values = new ContentValues();
01|            for (ApplicationInformation app : applications) {
01|                values.clear();
01|                values.put("package_name", app.getPackageName());
01|                values.put("activity_name", app.getActivityName());
01|                values.put("label", app.getLabel());
01|                values.put("version_code", app.getVersionCode());
01|                db.insertOrThrow(TABLE, null, values);
01|            }
01|            db.setTransactionSuccessful();
01|        } finally {
01|            db.endTransaction();
01|        }
2|        db.delete(TABLE, null, null);
2|        ContentValues values = new ContentValues();
2|        for (ApplicationInformation app : applications) {
2|            values.clear();
2|            values.put("package_name", app.getPackageName());
2|            values.put("activity_name", app.getActivityName());
2|            values.put("label", app.getLabel());
2|            values.put("version_code", app.getVersionCode());
2|            db.insertOrThrow(TABLE, null, values);
2|        }
2|        db.setTransactionSuccessful();
2|        db.endTransaction();
    }

    public void remove(String packageName) {
        SQLiteDatabase db = helper.getWritableDatabase();
        int removed = db.delete(TABLE, "package_name = ?", new String[] {packageName});
        Log.d("BlueLineConsole", "removed " + removed + " cached activities of " + packageName);
    }
}
''')
cases_of(case, GH + 'nhirokinet/bluelineconsole/issues/428',
         'app/' + src('net.nhiroki.bluelineconsole.applicationMain.lib', 'ApplicationInformationCache'),
         J('net.nhiroki.bluelineconsole.applicationMain.lib', [
             'android.content.ContentValues', 'android.content.Context', 'android.database.Cursor',
             'android.database.sqlite.SQLiteDatabase', 'android.util.Log', 'java.util.ArrayList', 'java.util.List',
             'net.nhiroki.bluelineconsole.dataStore.cache.ApplicationDatabaseHelper',
             'net.nhiroki.bluelineconsole.dataStore.cache.ApplicationInformation'])(BLUELINE), [
             (1, 'java-00-blueline-app-cache-cursor-closed-after-loop-only',
              'an edit closes the application cursor after the read loop instead of in a finally, so a row that fails '
              'to read leaves the cursor open', 'edit'),
             (2, 'java-00-blueline-app-cache-transaction-ended-outside-finally',
              'an edit ends the cache-rebuild transaction after the inserts instead of in a finally, so a failing insert '
              'leaves the database inside a transaction', 'edit'),
             (0, 'java-ok-00-blueline-app-cache-cursor-and-transaction-in-finally',
              'clean: the cursor closed and the transaction ended in finally blocks', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-05: async log shipper (le_java)
LEJAVA = template('le-java-async-logger', r'''
    /**
     * Adds the line to the queue the socket appender drains; drops the oldest line when the queue is full. Every log
     * call of the application passes here.
     */
    public void addLineToQueue(String line) {
        if (!started) {
            init();
        }
        if (line.length() > LOG_LENGTH_LIMIT) {
            for (String chunk : Splitter.fixedLength(LOG_LENGTH_LIMIT).split(line)) {
                addLineToQueue(chunk);
            }
            return;
        }
1|        dbg("Queueing line of " + line.length() + " characters, " + queue.size() + " already waiting"); //@LOG-02
        if (!queue.offer(line)) {
            queue.poll();
            if (!queue.offer(line) && debug) {
                dbg(QUEUE_OVERFLOW);
            }
        }
    }

    /** Drains the queue to the Logentries endpoint, reconnecting with back-off whenever the socket fails. */
    private class SocketAppender extends Thread {
        private final Random random = new Random();
        private LogentriesClient client;

        SocketAppender() {
            super("Logentries Socket appender");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                openConnection();
                while (true) {
                    String data = queue.take();
                    data = prefix + data.replace('\n', '\u2028') + '\n';
                    boolean sent = false;
                    while (!sent) {
                        try {
                            client.write(data.getBytes(UTF8));
                            sent = true;
                        } catch (IOException e) {
                            reopenConnection();
                        }
                    }
                }
            } catch (InterruptedException e) { //@{2}CONC-05
01|                // interrupted by close(): stop
01|                Thread.currentThread().interrupt();
01|                dbg("Asynchronous socket writer interrupted");
2|                // nothing left to do
            }
            closeConnection();
        }

        private void reopenConnection() throws InterruptedException {
            closeConnection();
            long delay = MIN_DELAY;
            while (true) {
                try {
                    openConnection();
                    return;
                } catch (IOException e) {
                    if (debug) {
                        dbg("Unable to connect to Logentries: " + e.getMessage());
                    }
                }
                delay = Math.min(delay * 2, MAX_DELAY);
                Thread.sleep(delay + random.nextInt((int) delay));
            }
        }

        private void openConnection() throws IOException {
            client = new LogentriesClient(httpPut, ssl, useDataHub, dataHubAddr, dataHubPort);
            client.connect();
        }

        private void closeConnection() {
            if (client != null) {
                client.close();
            }
        }
    }
''')
LEJAVA_CLASS = lambda body: (lambda v: java('com.logentries.net', [
    'com.google.common.base.Splitter', 'java.io.IOException', 'java.nio.charset.Charset', 'java.util.Random',
    'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue'],
    '''/** Logentries asynchronous logger: queues lines and sends them from a socket appender thread. */
public class AsyncLogger {
    private static final int QUEUE_SIZE = 32768;
    private static final int LOG_LENGTH_LIMIT = 65536;
    private static final long MIN_DELAY = 100;
    private static final long MAX_DELAY = 10000;
    private static final String QUEUE_OVERFLOW = "Logentries Buffer Queue Overflow. Message Dropped!";
    private static final Charset UTF8 = Charset.forName("UTF-8");

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private String prefix = "";
    private boolean httpPut;
    private boolean ssl;
    private boolean useDataHub;
    private String dataHubAddr;
    private int dataHubPort;
    private boolean debug;
    private volatile boolean started;
    private SocketAppender appender;

    private synchronized void init() {
        if (!started) {
            appender = new SocketAppender();
            appender.start();
            started = true;
        }
    }

    public void close() {
        if (appender != null) {
            appender.interrupt();
        }
    }

    private void dbg(String msg) {
        if (debug) {
            System.err.println("LE: " + msg);
        }
    }
''' + variant(body, v).rstrip('\n') + '\n}\n'))
cases_of(case, GH + 'rapid7/le_java/pull/52', src('com.logentries.net', 'AsyncLogger'), LEJAVA_CLASS(LEJAVA), [
    (1, 'java-00-le-java-async-logger-debug-line-per-queued-line',
     'an edit writes a debug line for every line the application logs, on the path each log call takes, with the '
     'concatenation done even when debug output is off', 'edit'),
    (2, 'java-00-le-java-async-logger-appender-interrupt-swallowed',
     'an edit leaves the socket appender\'s InterruptedException with an empty comment, so the interrupt close() sends '
     'is lost to whatever runs on after it', 'edit'),
    (0, 'java-ok-00-le-java-async-logger-quiet-queue-interrupt-restored',
     'clean: no debug line per queued line, the appender restoring the interrupt before it stops', 'fix'),
])


# ---------------------------------------------------------------- LOG-02 / RES-01: Maven build manipulation (pom-manipulation-ext)
PME = template('pme-dependency-manipulator', r'''
/**
 * Applies the dependency overrides of the build (from the REST service or the properties) to every project of the
 * reactor: managed dependencies first, then the direct ones.
 */
public class DependencyManipulator implements Manipulator {
    private static final Logger logger = LoggerFactory.getLogger(DependencyManipulator.class);

    private ManipulationSession session;

    @Override
    public void init(ManipulationSession session) {
        this.session = session;
    }

    @Override
    public Set<Project> applyChanges(List<Project> projects) throws ManipulationException {
        DependencyState state = session.getState(DependencyState.class);
        if (state == null || !state.isEnabled()) {
            logger.debug("{}: Nothing to do!", getClass().getSimpleName());
            return Collections.emptySet();
        }
        Map<ArtifactRef, String> overrides = state.getRemoteRESTOverrides();
        Set<Project> changed = new HashSet<>();
        for (Project project : projects) {
            Model model = readEffectivePom(project.getPom());
            for (Dependency dependency : model.getDependencies()) {
                ArtifactRef ref = new SimpleArtifactRef(dependency.getGroupId(), dependency.getArtifactId(),
                        dependency.getVersion(), dependency.getType(), dependency.getClassifier());
                String newVersion = overrides.get(ref.asProjectVersionRef().asProjectRef());
                if (newVersion == null || newVersion.equals(dependency.getVersion())) {
                    continue;
                }
02|                logger.debug("Updating {} in {} from {} to {}", ref, project, dependency.getVersion(), newVersion);
1|                logger.debug("Updating " + ref + " in " + project + " from " + dependency.getVersion() + " to " //@LOG-02
1|                        + newVersion);
                project.updateDependency(dependency, newVersion);
                changed.add(project);
            }
        }
        return changed;
    }

    private static Model readEffectivePom(File pom) throws ManipulationException {
01|        try (Reader reader = new FileReader(pom)) {
01|            return new MavenXpp3Reader().read(reader);
2|        try {
2|            Reader reader = new FileReader(pom); //@RES-01
2|            return new MavenXpp3Reader().read(reader);
        } catch (IOException | XmlPullParserException e) {
            throw new ManipulationException("Unable to read " + pom, e);
        }
    }

    @Override
    public int getExecutionIndex() {
        return 40;
    }
}
''')
cases_of(case, GH + 'project-ncl/pom-manipulation-ext/pull/638',
         'core/' + src('org.commonjava.maven.ext.core.impl', 'DependencyManipulator'),
         J('org.commonjava.maven.ext.core.impl', SLF4J + [
             'java.io.File', 'java.io.FileReader', 'java.io.IOException', 'java.io.Reader', 'java.util.Collections',
             'java.util.HashSet', 'java.util.List', 'java.util.Map', 'java.util.Set', 'org.apache.maven.model.Dependency',
             'org.apache.maven.model.Model', 'org.apache.maven.model.io.xpp3.MavenXpp3Reader',
             'org.codehaus.plexus.util.xml.pull.XmlPullParserException',
             'org.commonjava.maven.atlas.ident.ref.ArtifactRef',
             'org.commonjava.maven.atlas.ident.ref.SimpleArtifactRef',
             'org.commonjava.maven.ext.common.ManipulationException', 'org.commonjava.maven.ext.common.model.Project',
             'org.commonjava.maven.ext.core.ManipulationSession', 'org.commonjava.maven.ext.core.state.DependencyState'])(PME), [
             (1, 'java-00-pme-dependency-manipulator-debug-line-concatenated',
              'an edit builds the debug line of every updated dependency by concatenation, so each of the thousands of '
              'dependencies of a large reactor pays for the string with debug off', 'edit'),
             (2, 'java-00-pme-dependency-manipulator-pom-reader-never-closed',
              'an edit reads each project\'s pom through a reader outside a try-with-resources, so every pom of the '
              'reactor keeps its file handle', 'edit'),
             (0, 'java-ok-00-pme-dependency-manipulator-parameterised-debug-reader-closed',
              'clean: a parameterised debug line, each pom read with its reader closed', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / CONC-01: event bus (mbassador)
MBASSADOR = template('mbassador-bus', r'''
public class MBassador<T> extends AbstractSyncAsyncMessageBus<T, IMessagePublication> implements IMessageBus<T, IMessagePublication> {

    private final BlockingQueue<IMessagePublication> pendingMessages;
    private final List<Thread> dispatchers;

    public MBassador(IBusConfiguration configuration) {
        super(configuration);
        Feature.AsynchronousHandlerInvocation asyncInvocation = configuration.getFeature(Feature.AsynchronousMessageDispatch.class) == null
                ? null : configuration.getFeature(Feature.AsynchronousHandlerInvocation.class);
        Feature.AsynchronousMessageDispatch dispatch = configuration.getFeature(Feature.AsynchronousMessageDispatch.class);
02|        pendingMessages = new LinkedBlockingQueue<>(dispatch.getMessageQueueCapacity());
1|        pendingMessages = new LinkedBlockingQueue<>(); //@CONC-02
        dispatchers = new ArrayList<>(dispatch.getNumberOfMessageDispatchers());
        for (int i = 0; i < dispatch.getNumberOfMessageDispatchers(); i++) {
            Thread dispatcher = dispatch.getDispatcherThreadFactory().newThread(new Runnable() {
                @Override
                public void run() {
                    while (true) {
                        IMessagePublication publication = null;
                        try {
                            publication = pendingMessages.take();
                            publication.execute();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
            dispatcher.setName("MsgDispatcher-" + i); //@{2}CONC-01
01|            dispatcher.setUncaughtExceptionHandler((thread, error) -> handlePublicationError(
01|                    new PublicationError(error, "Dispatcher thread " + thread.getName() + " died", null, null, null)));
            dispatchers.add(dispatcher);
            dispatcher.start();
        }
    }

    @Override
    public IMessagePublication publish(T message) {
        try {
            IMessagePublication publication = createMessagePublication(message);
            publication.execute();
            return publication;
        } catch (Throwable e) {
            handlePublicationError(new PublicationError(e, "Error during publication of message", null, null, message));
            return null;
        }
    }

    @Override
    public IMessagePublication publishAsync(T message) {
        IMessagePublication publication = createMessagePublication(message);
        try {
            pendingMessages.put(publication);
            return publication.markScheduled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handlePublicationError(new PublicationError(e, "Interrupted while queueing message", null, null, message));
            return publication;
        }
    }

    @Override
    public void shutdown() {
        for (Thread dispatcher : dispatchers) {
            dispatcher.interrupt();
        }
        super.shutdown();
    }
}
''')
cases_of(case, GH + 'bennidi/mbassador/issues/6', src('net.engio.mbassy.bus', 'MBassador'),
         J('net.engio.mbassy.bus', [
             'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.BlockingQueue',
             'java.util.concurrent.LinkedBlockingQueue', 'net.engio.mbassy.bus.common.IMessageBus',
             'net.engio.mbassy.bus.config.Feature', 'net.engio.mbassy.bus.config.IBusConfiguration',
             'net.engio.mbassy.bus.error.PublicationError'])(MBASSADOR), [
             (1, 'java-00-mbassador-pending-messages-queue-unbounded',
              'an edit creates the bus\'s pending-message queue without the configured capacity, so asynchronous '
              'publishers faster than the dispatchers grow it until the heap is gone', 'edit'),
             (2, 'java-00-mbassador-dispatcher-threads-without-handler',
              'an edit drops the uncaught-exception handler of the dispatcher threads, so a handler error kills a '
              'dispatcher with nothing reported to the bus\'s error handlers', 'edit'),
             (0, 'java-ok-00-mbassador-bounded-queue-handled-dispatchers',
              'clean: a queue bounded by the configured capacity, every dispatcher reporting its death', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-04: JDBC interface proxies (mjdbc)
MJDBC = template('mjdbc-dbimpl', r'''
    /**
     * Runs op in a transaction of its own, or inside the one this thread already holds. The outermost call commits,
     * rolls back on failure and gives the connection back.
     */
    @Nullable
    public <T> T executeImpl(@NotNull DbOp<T> op) {
        DbConnection existing = activeConnections.get();
        if (existing != null) {
            try {
                return op.run(existing);
            } catch (Exception e) {
                throw new SqlException(e);
            }
        }
        DbConnection c = new DbConnection(dataSource);
        activeConnections.set(c);
        try {
            T result = op.run(c);
            c.commit();
2|            activeConnections.remove(); //@CONC-04
            return result;
        } catch (Throwable e) { //@{1}TX-01
02|            try {
02|                c.rollback();
02|            } catch (SQLException rollbackError) {
02|                e.addSuppressed(rollbackError);
02|            }
            throw e instanceof RuntimeException ? (RuntimeException) e : new SqlException(e);
        } finally {
01|            activeConnections.remove();
            try {
                c.close();
            } catch (SQLException e) {
                log.error("Failed to close connection", e);
            }
        }
    }
''')
MJDBC_CLASS = lambda body: (lambda v: java('com.github.mjdbc', [
    'java.sql.SQLException', 'javax.sql.DataSource', 'org.jetbrains.annotations.NotNull',
    'org.jetbrains.annotations.Nullable', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
    '''/** The database: proxies of SQL interfaces and the transactions they run in. */
public class DbImpl implements Db {
    private static final Logger log = LoggerFactory.getLogger(DbImpl.class);

    private final DataSource dataSource;
    private final ThreadLocal<DbConnection> activeConnections = new ThreadLocal<>();

    public DbImpl(@NotNull DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T attachSql(@NotNull Class<T> sqlInterface) {
        return SqlProxy.create(this, sqlInterface);
    }

    @Override
    public <T> T execute(@NotNull DbOp<T> op) {
        return executeImpl(op);
    }

''' + variant(body, v).rstrip('\n') + '\n}\n'))
cases_of(case, GH + 'mjdbc/mjdbc/pull/2', src('com.github.mjdbc', 'DbImpl'), MJDBC_CLASS(MJDBC), [
    (1, 'java-00-mjdbc-execute-failed-op-connection-closed-without-rollback',
     'an edit drops the rollback of a failed operation, so the connection goes back to the pool with its '
     'auto-commit-off transaction still open', 'edit'),
    (2, 'java-00-mjdbc-execute-thread-connection-cleared-on-success-only',
     'an edit clears the thread\'s active connection only after a commit, so a failed operation leaves a closed '
     'connection in the ThreadLocal of a pooled thread', 'edit'),
    (0, 'java-ok-00-mjdbc-execute-rollback-and-threadlocal-removed-in-finally',
     'clean: a failed operation rolled back, the thread\'s connection removed in finally', 'fix'),
])


# ---------------------------------------------------------------- CONC-05 / CONC-07: game bot main loop (pokubot)
POKUBOT = template('pokubot-launcher', r'''
public class BotLauncher {
    private static final Logger logger = Logger.getLogger(BotLauncher.class.getName());
    private static final long TROPHY_CHECK_MINUTES = 10;

    private final Context context = new Context();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trophy-checker");
        t.setDaemon(true);
        return t;
    });

    public void start() throws InterruptedException, BotConfigurationException {
        if (!Settings.instance().isInitialized()) {
            throw new BotConfigurationException("Please set up the bot before starting it");
        }
        logger.info("Starting bot...");
        checker.scheduleWithFixedDelay(this::checkTrophies, 1, TROPHY_CHECK_MINUTES, TimeUnit.MINUTES);
        try {
            loop();
        } finally {
            checker.shutdownNow();
        }
    }

    private void checkTrophies() {
01|        try {
            int trophies = Screen.instance().readTrophies(); //@{2}CONC-07
            if (trophies < Settings.instance().getMinTrophies()) {
                logger.info("Trophies " + trophies + " below the minimum, switching to collect mode");
                context.setMode(Mode.COLLECT);
            }
01|        } catch (Exception e) {
01|            logger.log(Level.WARNING, "Trophy check failed, trying again in " + TROPHY_CHECK_MINUTES + " minutes", e);
01|        }
    }

    private void loop() throws InterruptedException {
        context.setState(StateIdle.instance());
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Interrupted by user.");
            }
            context.handle();
            sleepBetweenActions();
        }
    }

    private void sleepBetweenActions() throws InterruptedException {
        long delay = 1000 + random.nextInt(2000);
02|        Thread.sleep(delay);
1|        try {
1|            Thread.sleep(delay);
1|        } catch (InterruptedException e) { //@CONC-05
1|            logger.fine("Sleep interrupted, continuing");
1|        }
    }

    private final Random random = new Random();
}
''')
cases_of(case, GH + 'norecha/pokubot/issues/26', src('aok.coc.launcher', 'BotLauncher'),
         J('aok.coc.launcher', [
             'aok.coc.exception.BotConfigurationException', 'aok.coc.state.Context', 'aok.coc.state.Mode',
             'aok.coc.state.StateIdle', 'aok.coc.util.Screen', 'aok.coc.util.Settings', 'java.util.Random',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.logging.Level', 'java.util.logging.Logger'])(POKUBOT), [
             (1, 'java-00-pokubot-launcher-sleep-interrupt-swallowed',
              'an edit catches the interrupt of the pause between bot actions and carries on, so the user\'s stop only '
              'lands if it arrives outside a sleep', 'edit'),
             (2, 'java-00-pokubot-launcher-trophy-check-throws-out-of-schedule',
              'an edit lets a failed screen read escape the scheduled trophy check, so the first failure silently ends '
              'every later check', 'edit'),
             (0, 'java-ok-00-pokubot-launcher-interrupt-propagated-check-guarded',
              'clean: the sleep\'s interrupt propagated out of the loop, the scheduled check catching its failures',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: Thing Description HTTP client (wot-td-java)
WOTTD = template('wot-td-http-client', r'''
/**
 * Sends the HTTP requests of Thing Description interaction affordances. One client serves every request of the
 * application, so connections to the same Thing are pooled.
 */
public final class TDHttpClient {
02|    private static final int MAX_TOTAL_CONNECTIONS = 200;
02|    private static final int MAX_CONNECTIONS_PER_ROUTE = 20;
01|    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
01|    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(30);

02|    private static final CloseableHttpClient CLIENT = createClient();
02|
    private TDHttpClient() {
    }

02|    private static CloseableHttpClient createClient() {
02|        PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder.create()
02|                .setMaxConnTotal(MAX_TOTAL_CONNECTIONS)
02|                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
0|                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
02|                .build();
02|        return HttpClients.custom() //@{2}TMO-01
02|                .setConnectionManager(manager)
0|                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT).build())
02|                .build();
02|    }
02|
    /** Executes the request and hands the response, with its body read, to the caller. */
    public static TDHttpResponse execute(TDHttpRequest request) throws IOException {
        ClassicHttpRequest httpRequest = request.toClassicRequest();
1|        try (CloseableHttpClient client = HttpClients.custom() //@RES-04
1|                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(CONNECT_TIMEOUT)
1|                        .setResponseTimeout(RESPONSE_TIMEOUT).build())
1|                .build()) {
1|            return client.execute(httpRequest, response -> TDHttpResponse.of(response, request.getForm()));
1|        }
02|        return CLIENT.execute(httpRequest, response -> TDHttpResponse.of(response, request.getForm()));
    }
}
''')
cases_of(case, GH + 'Interactions-HSG/wot-td-java/pull/237', src('ch.unisg.ics.interactions.wot.td.clients', 'TDHttpClient'),
         JV('ch.unisg.ics.interactions.wot.td.clients', {
             0: ['java.io.IOException', 'org.apache.hc.client5.http.config.ConnectionConfig',
                 'org.apache.hc.client5.http.config.RequestConfig', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                 'org.apache.hc.client5.http.impl.classic.HttpClients',
                 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
                 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
                 'org.apache.hc.core5.http.ClassicHttpRequest', 'org.apache.hc.core5.util.Timeout'],
             1: ['java.io.IOException', 'org.apache.hc.client5.http.config.RequestConfig',
                 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                 'org.apache.hc.client5.http.impl.classic.HttpClients', 'org.apache.hc.core5.http.ClassicHttpRequest',
                 'org.apache.hc.core5.util.Timeout'],
             2: ['java.io.IOException', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                 'org.apache.hc.client5.http.impl.classic.HttpClients',
                 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
                 'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
                 'org.apache.hc.core5.http.ClassicHttpRequest', 'org.apache.hc.core5.util.Timeout'],
         })(WOTTD), [
             (1, 'java-00-wot-td-new-http-client-built-per-request',
              'a new HTTP client class for Thing interactions builds and closes an Apache client for every request, so '
              'no connection to a Thing is ever reused', 'new'),
             (2, 'java-00-wot-td-new-pooled-client-without-timeouts',
              'a new HTTP client class for Thing interactions pools its connections but sets neither a connect nor a '
              'response timeout, so a Thing that stops answering holds the caller forever', 'new'),
             (0, 'java-ok-00-wot-td-new-pooled-client-with-timeouts',
              'clean: a new HTTP client class with one pooled client bounded by connect and response timeouts', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: workflow job runner (Taskana)
TASKANA = template('taskana-job-runner', r'''
/** Runs the jobs that are due, each in a transaction of its own, on a small pool of worker threads. */
public class JobRunner {

    private static final Logger LOGGER = LoggerFactory.getLogger(JobRunner.class);

    private final TaskanaEngine taskanaEngine;
    private final JobServiceImpl jobService;
    private final ExecutorService workers;
    private TaskanaTransactionProvider txProvider;

    public JobRunner(TaskanaEngine taskanaEngine, int workerCount) {
        this.taskanaEngine = taskanaEngine;
        this.jobService = (JobServiceImpl) taskanaEngine.getJobService();
        this.workers = Executors.newFixedThreadPool(workerCount, new NamedThreadFactory("taskana-job-"));
    }

    public void registerTransactionProvider(TaskanaTransactionProvider txProvider) {
        this.txProvider = txProvider;
    }

    public void runJobs() {
        List<ScheduledJob> jobs = findAndLockJobsToRun();
01|        List<Future<?>> running = new ArrayList<>(jobs.size());
        for (ScheduledJob job : jobs) {
01|            running.add(workers.submit(() -> runJobTransactionally(job)));
2|            workers.submit(() -> runJobTransactionally(job)); //@CONC-06
        }
01|        for (Future<?> future : running) {
01|            try {
01|                future.get();
01|            } catch (ExecutionException e) {
01|                LOGGER.error("Job failed outside its own error handling", e.getCause());
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
01|            }
01|        }
    }

    private List<ScheduledJob> findAndLockJobsToRun() {
        List<ScheduledJob> locked = new ArrayList<>();
        for (ScheduledJob job : jobService.findJobsToRun()) {
            ScheduledJob lockedJob = jobService.lockJob(job, hostAddress());
            if (lockedJob != null) {
                locked.add(lockedJob);
            }
        }
        return locked;
    }

    private void runJobTransactionally(ScheduledJob job) {
        try {
            if (txProvider != null) {
                txProvider.executeInTransaction(() -> {
                    runScheduledJob(job);
                    return null;
                });
            } else {
                runScheduledJob(job);
            }
            jobService.deleteJob(job);
        } catch (Exception e) { //@{1}ERR-01
02|            LOGGER.error("Processing of job {} failed, it will be retried", job.getJobId(), e);
1|            e.printStackTrace();
            jobService.unlockAndRetry(job);
        }
    }

    private void runScheduledJob(ScheduledJob job) throws Exception {
        AbstractTaskanaJob.createFromScheduledJob(taskanaEngine, txProvider, job).run();
    }

    private static String hostAddress() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "UNKNOWN_HOST";
        }
    }
}
''')
cases_of(case, GH + 'Taskana/taskana/pull/911', 'lib/taskana-core/' + src('pro.taskana.common.internal.jobs', 'JobRunner'),
         JV('pro.taskana.common.internal.jobs', {
             v: SLF4J + ['java.net.InetAddress', 'java.net.UnknownHostException', 'java.util.ArrayList', 'java.util.List',
                         'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                         'pro.taskana.TaskanaEngine', 'pro.taskana.common.internal.transaction.TaskanaTransactionProvider',
                         'pro.taskana.common.internal.util.NamedThreadFactory',
                         'pro.taskana.common.api.ScheduledJob', 'pro.taskana.common.internal.JobServiceImpl']
             + (['java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'] if v != 2 else [])
             for v in (0, 1, 2)})(TASKANA), [
             (1, 'java-00-taskana-job-runner-failure-printed-to-stderr',
              'an edit replaces the error log of a failed job with printStackTrace, so job failures never reach the '
              'application log', 'edit'),
             (2, 'java-00-taskana-job-runner-submitted-jobs-never-observed',
              'an edit submits each job to the worker pool and drops its future, so a job that fails outside its own '
              'catch goes unseen and runJobs returns before the jobs ran', 'edit'),
             (0, 'java-ok-00-taskana-job-runner-futures-awaited-failures-logged',
              'clean: every submitted job\'s future awaited and its failure logged, a failed job logged with its cause',
              'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: entitlement refresh job (candlepin)
CANDLEPIN = template('candlepin-refresh-pools-job', r'''
/**
 * Refreshes the pools of one owner from the upstream subscriptions. Jobs of the same owner must not run at once, so
 * each takes the owner's lock first.
 */
public class RefreshPoolsJob implements AsyncJob {
    private static final Logger log = LoggerFactory.getLogger(RefreshPoolsJob.class);

    public static final String JOB_KEY = "RefreshPoolsJob";
01|    private static final Map<String, ReentrantLock> OWNER_LOCKS = new ConcurrentHashMap<>();
2|    private static final Map<String, ReentrantLock> OWNER_LOCKS = new HashMap<>(); //@CONC-03

    private final OwnerCurator ownerCurator;
    private final PoolManager poolManager;
    private final SubscriptionServiceAdapter subAdapter;
    private final OwnerServiceAdapter ownerAdapter;

    @Inject
    public RefreshPoolsJob(OwnerCurator ownerCurator, PoolManager poolManager, SubscriptionServiceAdapter subAdapter,
            OwnerServiceAdapter ownerAdapter) {
        this.ownerCurator = ownerCurator;
        this.poolManager = poolManager;
        this.subAdapter = subAdapter;
        this.ownerAdapter = ownerAdapter;
    }

    @Override
    public Object execute(JobExecutionContext context) throws JobExecutionException {
        JobArguments args = context.getJobArguments();
        String ownerKey = args.getAsString("owner_key");
        boolean lazyRegen = args.getAsBoolean("lazy_regen");
        Owner owner = ownerCurator.getByKey(ownerKey);
        if (owner == null) {
            throw new JobExecutionException("Nothing to do; owner no longer exists: " + ownerKey, true);
        }
        ReentrantLock lock = OWNER_LOCKS.computeIfAbsent(ownerKey, key -> new ReentrantLock());
        lock.lock();
        try {
            poolManager.getRefresher(subAdapter, ownerAdapter, lazyRegen).add(owner).run();
            return "Pools refreshed for owner: " + owner.getDisplayName();
        } catch (Exception e) { //@{1}ERR-01
02|            log.error("Unable to refresh pools for owner {}", ownerKey, e);
02|            throw new JobExecutionException("Unable to refresh pools for owner " + ownerKey, e, false);
1|            log.error("Unable to refresh pools for owner " + ownerKey + ": " + e.getMessage());
1|            return "Pools not refreshed for owner: " + owner.getDisplayName();
        } finally {
            lock.unlock();
        }
    }

    public static JobConfig createJobConfig() {
        return new RefreshPoolsJobConfig();
    }
}
''')
cases_of(case, GH + 'candlepin/candlepin/pull/141', 'server/' + src('org.candlepin.async.tasks', 'RefreshPoolsJob'),
         JV('org.candlepin.async.tasks', {
             v: SLF4J + ['java.util.Map', 'java.util.concurrent.locks.ReentrantLock', 'javax.inject.Inject',
                         'org.candlepin.async.AsyncJob', 'org.candlepin.async.JobArguments',
                         'org.candlepin.async.JobConfig', 'org.candlepin.async.JobExecutionContext',
                         'org.candlepin.async.JobExecutionException', 'org.candlepin.controller.PoolManager',
                         'org.candlepin.model.Owner', 'org.candlepin.model.OwnerCurator',
                         'org.candlepin.service.OwnerServiceAdapter', 'org.candlepin.service.SubscriptionServiceAdapter']
             + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap'])
             for v in (0, 1, 2)})(CANDLEPIN), [
             (1, 'java-00-candlepin-moved-refresh-job-failure-reduced-to-message',
              'a PR moves the pool refresh job to the async package and, on a failed refresh, logs only the exception\'s '
              'message and reports the job as done', 'rename'),
             (2, 'java-00-candlepin-moved-refresh-job-owner-locks-plain-hashmap',
              'a PR moves the pool refresh job to the async package and keeps the owner locks in a plain HashMap that '
              'concurrent jobs fill through computeIfAbsent', 'rename'),
             (0, 'java-ok-00-candlepin-moved-refresh-job-failure-rethrown-concurrent-locks',
              'clean: the move alone; a failed refresh logged with its cause and rethrown, the owner locks in a '
              'ConcurrentHashMap', 'rename'),
         ], rename_from='server/' + src('org.candlepin.pinsetter.tasks', 'RefreshPoolsJob'),
         rename_old=lambda t: t.replace('package org.candlepin.async.tasks;', 'package org.candlepin.pinsetter.tasks;'))
