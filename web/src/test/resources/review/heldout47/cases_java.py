"""Round-47 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-05 / ERR-01: template preview of a Jenkins plugin (email-ext)
EMAILEXT = template('emailext-template-action', r'''
/**
 * The "Email Template Testing" page of a job: renders a template against one of the job's builds.
 */
public class EmailExtTemplateAction implements Action {
    private static final Logger LOGGER = Logger.getLogger(EmailExtTemplateAction.class.getName());

    private final AbstractProject<?, ?> project;

    public EmailExtTemplateAction(AbstractProject<?, ?> project) {
        this.project = project;
    }

    @JavaScriptMethod
    public String[] renderTemplate(String templateFile, String buildId) {
        String[] result = new String[2];
        project.checkPermission(Item.CONFIGURE);
        Run<?, ?> run = project.getBuild(buildId);
        if (run == null) {
            result[0] = "";
            result[1] = "No build with id " + Util.escape(buildId);
            return result;
        }
        try {
            TaskListener listener = new StreamTaskListener(new ByteArrayOutputStream(), StandardCharsets.UTF_8);
            ContentBuilder.ScriptContent content = new ContentBuilder.ScriptContent(templateFile);
            result[0] = content.evaluate(run, run.getParent().getRootDir(), listener);
            result[1] = "";
        } catch (InterruptedException ex) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            result[0] = "";
            result[1] = "Rendering was interrupted";
        } catch (IOException | MacroEvaluationException ex) { //@{2}ERR-01
01|            LOGGER.log(Level.WARNING, ex, () -> "Could not render template " + templateFile);
            result[0] = "";
01|            result[1] = renderError(ex);
2|            // a template that does not render leaves the preview empty
        }
        return result;
    }

    private static String renderError(Exception ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        return "<h3>An error occurred trying to render the template:</h3><br/>" + Util.escape(sw.toString());
    }

    @Override
    public String getIconFileName() {
        return "notepad.png";
    }

    @Override
    public String getDisplayName() {
        return "Email Template Testing";
    }

    @Override
    public String getUrlName() {
        return "templateTest";
    }
}
''')
cases_of(case, GH + 'jenkinsci/email-ext-plugin/pull/1553', src('hudson.plugins.emailext', 'EmailExtTemplateAction'),
         J('hudson.plugins.emailext', [
             'hudson.Util', 'hudson.model.AbstractProject', 'hudson.model.Action', 'hudson.model.Item',
             'hudson.model.Run', 'hudson.model.TaskListener', 'hudson.plugins.emailext.plugins.ContentBuilder',
             'hudson.util.StreamTaskListener', 'java.io.ByteArrayOutputStream', 'java.io.IOException',
             'java.io.PrintWriter', 'java.io.StringWriter', 'java.nio.charset.StandardCharsets',
             'java.util.logging.Level', 'java.util.logging.Logger',
             'org.jenkinsci.plugins.tokenmacro.MacroEvaluationException',
             'org.kohsuke.stapler.bind.JavaScriptMethod'])(EMAILEXT), [
             (1, 'java-00-emailext-template-render-interrupt-swallowed',
              'an edit catches the interruption of a template rendering without restoring the flag, so an aborted '
              'request thread goes on as if nothing happened', 'edit'),
             (2, 'java-00-emailext-template-render-failure-swallowed',
              'an edit answers a failed template rendering with two empty strings and no log, so a broken template '
              'shows a blank preview and leaves no trace', 'edit'),
             (0, 'java-ok-00-emailext-template-render-interrupt-restored',
              'clean: the fix restores the interrupt flag; a failed rendering is logged and shown', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: BitMEX ticker of a price-watch app (BitcoinChecker)
BITMEX = template('bitcoinchecker-bitmex', r'''
public class BitMEX extends Market {

    private static final String NAME = "BitMEX";
    private static final String TTS_NAME = NAME;
    private static final String URL = "https://www.bitmex.com/api/v1/instrument?symbol=%1$s%2$s&columns=%3$s";
    private static final String COLUMNS = "bidPrice,askPrice,highPrice,lowPrice,lastPrice,volume24h,timestamp";
    private static final HashMap<String, CharSequence[]> CURRENCY_PAIRS = new LinkedHashMap<>();

    static {
        CURRENCY_PAIRS.put(VirtualCurrency.XBT, new String[]{Currency.USD, VirtualCurrency.XBJ});
        CURRENCY_PAIRS.put(VirtualCurrency.ETH, new String[]{VirtualCurrency.XBT});
    }
2|
2|    private static final SimpleDateFormat ISO_DATE_FORMAT = isoFormatInUtc(); //@CONC-03

    public BitMEX() {
        super(NAME, TTS_NAME, CURRENCY_PAIRS);
    }

    @Override
    public String getUrl(int requestId, CheckerInfo checkerInfo) {
        return String.format(URL, checkerInfo.getCurrencyBase(), checkerInfo.getCurrencyCounter(), COLUMNS);
    }

    @Override
    protected void parseTickerFromJsonObject(int requestId, JSONObject jsonObject, Ticker ticker,
            CheckerInfo checkerInfo) throws Exception {
        if (!jsonObject.isNull("bidPrice"))
            ticker.bid = jsonObject.getDouble("bidPrice");
        if (!jsonObject.isNull("askPrice"))
            ticker.ask = jsonObject.getDouble("askPrice");
        if (!jsonObject.isNull("highPrice"))
            ticker.high = jsonObject.getDouble("highPrice");
        if (!jsonObject.isNull("lowPrice"))
            ticker.low = jsonObject.getDouble("lowPrice");
        ticker.vol = jsonObject.getDouble("volume24h");
        ticker.last = jsonObject.getDouble("lastPrice");
        // an ISO-8601 timestamp, always in UTC
0|        ticker.timestamp = Instant.parse(jsonObject.getString("timestamp")).toEpochMilli();
1|        SimpleDateFormat isoFormat = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ENGLISH); //@TIME-01
1|        ticker.timestamp = isoFormat.parse(jsonObject.getString("timestamp")).getTime();
2|        ticker.timestamp = ISO_DATE_FORMAT.parse(jsonObject.getString("timestamp")).getTime();
    }

    @Override
    protected void parseTicker(int requestId, String responseString, Ticker ticker, CheckerInfo checkerInfo)
            throws Exception {
        parseTickerFromJsonObject(requestId, new JSONArray(responseString).getJSONObject(0), ticker, checkerInfo);
    }
2|
2|    private static SimpleDateFormat isoFormatInUtc() {
2|        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ENGLISH);
2|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
2|        return format;
2|    }
}
''')
BITMEX_BASE = ['com.mobnetic.coinguardian.model.CheckerInfo', 'com.mobnetic.coinguardian.model.Market',
               'com.mobnetic.coinguardian.model.Ticker', 'com.mobnetic.coinguardian.model.currency.Currency',
               'com.mobnetic.coinguardian.model.currency.VirtualCurrency', 'java.util.HashMap',
               'java.util.LinkedHashMap', 'org.json.JSONArray', 'org.json.JSONObject']
BITMEX_IMPORTS = {0: BITMEX_BASE + ['java.time.Instant'],
                  1: BITMEX_BASE + ['java.text.SimpleDateFormat', 'java.util.Locale'],
                  2: BITMEX_BASE + ['java.text.SimpleDateFormat', 'java.util.Locale', 'java.util.TimeZone']}
cases_of(case, GH + 'mobnetic/BitcoinChecker/pull/304', 'dataModule/' + src('com.mobnetic.coinguardian.model.market', 'BitMEX'),
         JV('com.mobnetic.coinguardian.model.market', BITMEX_IMPORTS)(BITMEX), [
             (1, 'java-00-bitcoinchecker-bitmex-timestamp-parsed-in-device-zone',
              'an edit parses BitMEX\'s UTC timestamp with a formatter in the phone\'s zone, so every ticker time is '
              'off by the device\'s offset', 'edit'),
             (2, 'java-00-bitcoinchecker-bitmex-shared-static-date-format',
              'an edit parses the timestamp with one static SimpleDateFormat, so two tickers refreshed at once on '
              'different threads corrupt each other\'s dates', 'edit'),
             (0, 'java-ok-00-bitcoinchecker-bitmex-instant-parse',
              'clean: the fix parses the timestamp as an Instant, zone-explicit and thread-safe', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: stack storage of a Minecraft plugin (RoseStacker)
ROSE = template('rosestacker-data-manager', r'''
/**
 * Loads and saves the stacked entities of each chunk in the plugin's SQLite or MySQL database.
 */
public class DataManager {
    private static final String SELECT_STACKS =
            "SELECT id, entity_uuid, stack_size, entity_data FROM rosestacker_stacked_entity WHERE world = ? AND chunk_x = ? AND chunk_z = ?";
    private static final String UPSERT_STACK =
            "REPLACE INTO rosestacker_stacked_entity (entity_uuid, stack_size, entity_data, world, chunk_x, chunk_z) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Logger logger;

    public DataManager(DataSource dataSource, Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    public List<StackedEntityData> loadStacks(String world, int chunkX, int chunkZ) throws SQLException {
        List<StackedEntityData> stacks = new ArrayList<>();
        try (Connection connection = this.dataSource.getConnection()) {
02|            try (PreparedStatement statement = connection.prepareStatement(SELECT_STACKS)) {
02|                statement.setString(1, world);
02|                statement.setInt(2, chunkX);
02|                statement.setInt(3, chunkZ);
02|                try (ResultSet result = statement.executeQuery()) {
02|                    while (result.next()) {
02|                        stacks.add(new StackedEntityData(result.getInt("id"), UUID.fromString(result.getString("entity_uuid")),
02|                                result.getInt("stack_size"), result.getBytes("entity_data")));
02|                    }
02|                }
02|            }
1|            PreparedStatement statement = connection.prepareStatement(SELECT_STACKS); //@RES-01
1|            statement.setString(1, world);
1|            statement.setInt(2, chunkX);
1|            statement.setInt(3, chunkZ);
1|            ResultSet result = statement.executeQuery();
1|            while (result.next()) {
1|                stacks.add(new StackedEntityData(result.getInt("id"), UUID.fromString(result.getString("entity_uuid")),
1|                        result.getInt("stack_size"), result.getBytes("entity_data")));
1|            }
        }
        return stacks;
    }

    public void saveStacks(String world, int chunkX, int chunkZ, Collection<StackedEntityData> stacks) throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_STACK)) {
                for (StackedEntityData stack : stacks) {
                    statement.setString(1, stack.getEntityUuid().toString());
                    statement.setInt(2, stack.getStackSize());
                    statement.setBytes(3, stack.getEntityData());
                    statement.setString(4, world);
                    statement.setInt(5, chunkX);
                    statement.setInt(6, chunkZ);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) { //@{2}TX-01
01|                connection.rollback();
                this.logger.log(Level.WARNING, "Could not save the stacks of chunk " + chunkX + "," + chunkZ, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
''')
cases_of(case, GH + 'Rosewood-Development/RoseStacker/pull/14', src('dev.rosewood.rosestacker.manager', 'DataManager'),
         J('dev.rosewood.rosestacker.manager', [
             'dev.rosewood.rosestacker.stack.StackedEntityData', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.Collection',
             'java.util.List', 'java.util.UUID', 'java.util.logging.Level', 'java.util.logging.Logger',
             'javax.sql.DataSource'])(ROSE), [
             (1, 'java-00-rosestacker-chunk-load-statement-and-result-not-closed',
              'an edit flattens the chunk load so its statement and result set are never closed, and every chunk '
              'load leaves both behind until the server runs out of memory', 'edit'),
             (2, 'java-00-rosestacker-chunk-save-not-rolled-back',
              'an edit drops the rollback of a failed chunk save, so the pooled connection goes back with half a '
              'batch pending and the next commit on it writes that half', 'edit'),
             (0, 'java-ok-00-rosestacker-chunk-load-closed-save-rolled-back',
              'clean: the fix closes statement and result set by try-with-resources; a failed save rolls back', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: deferred work queue of a mod loader (MinecraftForge)
FORGE = template('forge-deferred-work-queue', r'''
/**
 * Work that mods enqueue during parallel loading and that must run on the main thread, once the parallel stage ends.
 */
public class DeferredWorkQueue {
    private static final Logger LOGGER = LogManager.getLogger();
    private static final Marker LOADING = MarkerManager.getMarker("LOADING");

    private final ConcurrentLinkedDeque<TaskInfo> tasks = new ConcurrentLinkedDeque<>();
    private final ModLoadingStage modLoadingStage;

    public DeferredWorkQueue(ModLoadingStage modLoadingStage) {
        this.modLoadingStage = modLoadingStage;
    }

    public CompletableFuture<Void> enqueueWork(IModInfo owner, Runnable work) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        tasks.add(new TaskInfo(owner, work, future));
        return future;
    }

    /**
     * Runs every enqueued task on the given executor and waits for all of them; a task that throws is reported
     * against its mod instead of being lost in its future.
     */
    public void runTasks(Executor mainThread) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        TaskInfo task;
        while ((task = tasks.poll()) != null) {
01|            LOGGER.debug(LOADING, "Running deferred work for {} ({} left)", task.owner.getModId(), tasks.size());
2|            LOGGER.debug(LOADING, "Running deferred work for " + task.owner.getModId() + " (" + tasks.size() + " left)"); //@LOG-02
            final TaskInfo current = task;
02|            running.add(CompletableFuture.runAsync(current.work, mainThread)
02|                    .whenComplete((ignored, failure) -> {
02|                        if (failure != null) {
02|                            LOGGER.error(LOADING, "Deferred work of {} failed", current.owner.getModId(), failure);
02|                            current.future.completeExceptionally(failure);
02|                        } else {
02|                            current.future.complete(null);
02|                        }
02|                    }));
1|            CompletableFuture.runAsync(current.work, mainThread); //@CONC-06
        }
02|        CompletableFuture.allOf(running.toArray(new CompletableFuture[0])).exceptionally(failure -> null).join();
    }

    public ModLoadingStage getModLoadingStage() {
        return modLoadingStage;
    }

    private record TaskInfo(IModInfo owner, Runnable work, CompletableFuture<Void> future) {
    }
}
''')
FORGE_BASE = ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentLinkedDeque',
              'java.util.concurrent.Executor', 'net.minecraftforge.fml.ModLoadingStage',
              'net.minecraftforge.forgespi.language.IModInfo', 'org.apache.logging.log4j.LogManager',
              'org.apache.logging.log4j.Logger', 'org.apache.logging.log4j.Marker',
              'org.apache.logging.log4j.MarkerManager']
FORGE_IMPORTS = {0: FORGE_BASE + ['java.util.ArrayList', 'java.util.List'], 1: FORGE_BASE,
                 2: FORGE_BASE + ['java.util.ArrayList', 'java.util.List']}
cases_of(case, GH + 'MinecraftForge/MinecraftForge/issues/8255', 'fmlcore/' + src('net.minecraftforge.fml', 'DeferredWorkQueue'),
         JV('net.minecraftforge.fml', FORGE_IMPORTS)(FORGE), [
             (1, 'java-00-forge-deferred-work-futures-dropped',
              'an edit runs each deferred task with runAsync and drops the future, so a mod\'s task that throws is '
              'swallowed and its own future never completes', 'edit'),
             (2, 'java-00-forge-deferred-work-debug-log-concatenated',
              'an edit builds the debug line of every deferred task by concatenation, paid for on every task even '
              'with debug logging off', 'edit'),
             (0, 'java-ok-00-forge-deferred-work-futures-observed',
              'clean: the fix reports each failed task against its mod and waits for all of them', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: update-center fetcher of a plugin-health service (plugin-health-scoring)
PHS = template('plugin-health-update-center', r'''
/**
 * Downloads the update-center JSON that the scoring probes read, on a schedule.
 */
@Service
public class UpdateCenterService {
    private static final Logger LOGGER = LoggerFactory.getLogger(UpdateCenterService.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final ObjectMapper objectMapper;
    private final String updateCenterURL;
02|    private final HttpClient httpClient;

    public UpdateCenterService(ObjectMapper objectMapper, ApplicationConfiguration configuration) {
        this.objectMapper = objectMapper;
        this.updateCenterURL = configuration.jenkins().updateCenter();
02|        this.httpClient = HttpClient.newBuilder()
02|                .connectTimeout(CONNECT_TIMEOUT)
02|                .followRedirects(HttpClient.Redirect.NORMAL)
02|                .build();
    }

    public UpdateCenter fetchUpdateCenter() throws IOException {
        LOGGER.debug("Fetching update-center from {}", updateCenterURL);
        try (InputStream in = getDataStream(URI.create(updateCenterURL))) {
            return objectMapper.readValue(in, UpdateCenter.class);
        }
    }

    private InputStream getDataStream(URI uri) throws IOException {
1|        HttpClient httpClient = HttpClient.newBuilder() //@RES-04
1|                .connectTimeout(CONNECT_TIMEOUT)
1|                .followRedirects(HttpClient.Redirect.NORMAL)
1|                .build();
01|        HttpRequest request = HttpRequest.newBuilder(uri)
01|                .timeout(REQUEST_TIMEOUT)
2|        HttpRequest request = HttpRequest.newBuilder(uri) //@TMO-01
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("Update-center answered " + response.statusCode() + " for " + uri);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching " + uri, e);
        }
    }
}
''')
cases_of(case, GH + 'jenkins-infra/plugin-health-scoring/issues/873',
         'core/' + src('io.jenkins.pluginhealth.scoring.http', 'UpdateCenterService'),
         J('io.jenkins.pluginhealth.scoring.http', SLF4J + [
             'com.fasterxml.jackson.databind.ObjectMapper', 'io.jenkins.pluginhealth.scoring.config.ApplicationConfiguration',
             'io.jenkins.pluginhealth.scoring.model.updatecenter.UpdateCenter', 'java.io.IOException',
             'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.time.Duration', 'org.springframework.stereotype.Service'])(PHS), [
             (1, 'java-00-plugin-health-renamed-service-client-per-download',
              'a PR renames the update-center downloader to a service and builds a new HttpClient for every '
              'download, each with its own executor and connection pool', 'rename'),
             (2, 'java-00-plugin-health-renamed-service-request-without-timeout',
              'a PR renames the update-center downloader to a service and sends the download without a request '
              'timeout, so a stalled mirror holds the scheduled refresh forever', 'rename'),
             (0, 'java-ok-00-plugin-health-renamed-service-shared-client-timeouts',
              'clean: the rename alone; one shared client with a connect timeout, every request with its own',
              'rename'),
         ], rename_from='core/' + src('io.jenkins.pluginhealth.scoring.http', 'UpdateCenterDownloader'),
         rename_old=lambda t: t.replace('UpdateCenterService', 'UpdateCenterDownloader'))


# ---------------------------------------------------------------- CONC-01 / CONC-05: CAN-bus polling thread of a socket library (JavaCAN)
JAVACAN = template('javacan-polling-thread', r'''
/**
 * Polls a set of CAN sockets on one thread and hands every readable socket to its handler.
 */
public class PollingThread implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PollingThread.class);

    private final String name;
    private final Poller poller;
    private final long timeoutMillis;
    private volatile boolean running;
    private Thread thread;

    public PollingThread(String name, Poller poller, long timeoutMillis) {
        this.name = name;
        this.poller = poller;
        this.timeoutMillis = timeoutMillis;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("Already started: " + name);
        }
        running = true;
        thread = new Thread(this::pollLoop, "javacan-poller-" + name); //@{1}CONC-01
02|        thread.setUncaughtExceptionHandler((t, e) -> LOGGER.error("Polling thread {} died", t.getName(), e));
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        while (running) {
            try {
                int ready = poller.poll(timeoutMillis);
                if (ready > 0) {
                    poller.handleReadable();
                }
            } catch (IOException e) {
                LOGGER.warn("Polling {} failed, retrying", name, e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        running = false;
        poller.wakeup();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
2|                LOGGER.debug("Interrupted while waiting for {} to stop", name);
            }
            thread = null;
        }
        poller.close();
    }
}
''')
cases_of(case, GH + 'pschichtel/JavaCAN/issues/3', 'core/' + src('tel.schich.javacan.util', 'PollingThread'),
         J('tel.schich.javacan.util', SLF4J + ['java.io.IOException', 'java.util.concurrent.TimeUnit'])(JAVACAN), [
             (1, 'java-00-javacan-polling-thread-without-handler',
              'an edit starts the CAN polling thread without an uncaught-exception handler, so a runtime exception '
              'in a frame handler ends polling with no trace', 'edit'),
             (2, 'java-00-javacan-close-interrupt-swallowed',
              'an edit only logs at debug when close is interrupted while joining the poller, so the caller\'s '
              'interrupt is lost', 'edit'),
             (0, 'java-ok-00-javacan-polling-thread-handler-interrupt-restored',
              'clean: the fix gives the polling thread a handler that logs its death; close restores the interrupt',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: protocol adapter polling of an IoT edge gateway (hivemq-edge)
HIVEMQ = template('hivemq-edge-polling-service', r'''
/**
 * Polls every configured tag of a protocol adapter at the adapter's interval and publishes the samples to MQTT.
 */
public class AdapterPollingService {
    private static final Logger log = LoggerFactory.getLogger(AdapterPollingService.class);

    private final ScheduledExecutorService scheduler;
    private final ProtocolAdapterPublishService publishService;
    private final Map<String, ScheduledFuture<?>> pollingJobs = new ConcurrentHashMap<>();

    public AdapterPollingService(ScheduledExecutorService scheduler, ProtocolAdapterPublishService publishService) {
        this.scheduler = scheduler;
        this.publishService = publishService;
    }

    public void schedulePolling(PollingProtocolAdapter adapter) {
        long interval = adapter.getPollingIntervalMillis();
02|        ScheduledFuture<?> job = scheduler.scheduleWithFixedDelay(() -> pollSafely(adapter), interval, interval,
02|                TimeUnit.MILLISECONDS);
1|        ScheduledFuture<?> job = scheduler.scheduleWithFixedDelay(() -> poll(adapter), interval, interval, //@CONC-07
1|                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pollingJobs.put(adapter.getId(), job);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    public void stopPolling(String adapterId) {
        ScheduledFuture<?> job = pollingJobs.remove(adapterId);
        if (job != null) {
            job.cancel(false);
        }
    }

02|    private void pollSafely(PollingProtocolAdapter adapter) {
02|        try {
02|            poll(adapter);
02|        } catch (Throwable t) {
02|            log.warn("Polling adapter '{}' failed, the next poll runs as scheduled", adapter.getId(), t);
02|        }
02|    }
02|
    private void poll(PollingProtocolAdapter adapter) {
        List<DataPoint> samples = adapter.poll();
        int published = 0;
        for (DataPoint sample : samples) {
2|            log.info("Adapter '{}' sampled tag '{}' = {}", adapter.getId(), sample.getTagName(), sample.getTagValue()); //@LOG-01
            if (publishService.publish(adapter.getId(), sample)) {
                published++;
            }
        }
        log.trace("Adapter '{}' published {} of {} samples", adapter.getId(), published, samples.size());
    }
}
''')
cases_of(case, GH + 'hivemq/hivemq-edge/pull/478',
         'hivemq-edge/' + src('com.hivemq.edge.modules.adapters.impl.polling', 'AdapterPollingService'),
         J('com.hivemq.edge.modules.adapters.impl.polling', SLF4J + [
             'com.hivemq.adapter.sdk.api.data.DataPoint', 'com.hivemq.adapter.sdk.api.polling.PollingProtocolAdapter',
             'com.hivemq.edge.modules.adapters.impl.ProtocolAdapterPublishService', 'java.util.List', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit'])(HIVEMQ), [
             (1, 'java-00-hivemq-edge-adapter-poll-outside-catch',
              'an edit schedules each adapter\'s poll without the catch-all wrapper, so the first exception a device '
              'read throws cancels that adapter\'s polling for good', 'edit'),
             (2, 'java-00-hivemq-edge-every-sample-logged-at-info',
              'an edit logs every sampled tag at INFO, so a gateway polling thousands of tags a second floods its '
              'log', 'edit'),
             (0, 'java-ok-00-hivemq-edge-poll-guarded-trace-summary',
              'clean: the fix wraps each scheduled poll in a catch-all; one trace line per poll', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-04 / ERR-01: tenant context filter of a low-code platform (iPLAss)
IPLASS = template('iplass-tenant-context-filter', r'''
/**
 * Resolves the tenant of each request from its URL and keeps it on the request thread for the services below.
 */
public class TenantContextFilter implements Filter {
    private static final Logger LOGGER = LoggerFactory.getLogger(TenantContextFilter.class);
    private static final ThreadLocal<TenantContext> CURRENT = new ThreadLocal<>();

    private TenantContextService tenantContextService;

    public static TenantContext current() {
        return CURRENT.get();
    }

    @Override
    public void init(FilterConfig filterConfig) {
        tenantContextService = ServiceRegistry.getRegistry().getService(TenantContextService.class);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String tenantUrl = tenantUrlOf(req.getRequestURI(), req.getContextPath());
        TenantContext tenant;
        try {
            tenant = tenantContextService.getTenantContext(tenantUrl);
        } catch (RuntimeException e) { //@{2}ERR-01
01|            LOGGER.error("Could not resolve the tenant of {}", tenantUrl, e);
01|            res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
01|            return;
2|            tenant = null;
        }
        if (tenant == null) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CURRENT.set(tenant); //@{1}CONC-04
02|        try {
02|            chain.doFilter(request, response);
02|        } finally {
02|            CURRENT.remove();
02|        }
1|        chain.doFilter(request, response);
1|        CURRENT.remove();
    }

    private static String tenantUrlOf(String uri, String contextPath) {
        String path = uri.substring(contextPath.length());
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path : path.substring(0, slash);
    }

    @Override
    public void destroy() {
        tenantContextService = null;
    }
}
''')
cases_of(case, GH + 'dentsusoken/iPLAss/issues/1298', 'iplass-web/' + src('org.iplass.mtp.impl.web', 'TenantContextFilter'),
         J('org.iplass.mtp.impl.web', SLF4J + [
             'jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.FilterConfig',
             'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse',
             'jakarta.servlet.http.HttpServletRequest', 'jakarta.servlet.http.HttpServletResponse',
             'java.io.IOException', 'org.iplass.mtp.impl.core.TenantContext',
             'org.iplass.mtp.impl.core.TenantContextService', 'org.iplass.mtp.spi.ServiceRegistry'])(IPLASS), [
             (1, 'java-00-iplass-new-tenant-filter-context-not-removed-on-failure',
              'a new tenant filter removes the thread\'s tenant only when the chain returns normally, so a request '
              'that throws leaves its tenant on a pooled thread for the next request', 'new'),
             (2, 'java-00-iplass-new-tenant-filter-resolve-failure-swallowed',
              'a new tenant filter turns any failure to resolve the tenant into "no tenant", so a database outage '
              'answers 404 and leaves no log', 'new'),
             (0, 'java-ok-00-iplass-new-tenant-filter-context-removed-in-finally',
              'clean: a new tenant filter that removes the thread\'s tenant in finally and logs a resolve failure',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: hit sender of an analytics client (google-analytics-java)
GAJ = template('google-analytics-executor', r'''
/**
 * Sends Measurement Protocol hits, synchronously or on a small pool of background threads.
 */
public class GoogleAnalytics implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(GoogleAnalytics.class);

    private final GoogleAnalyticsConfig config;
    private final HttpClient httpClient;
    private volatile ThreadPoolExecutor executor;

    public GoogleAnalytics(GoogleAnalyticsConfig config, HttpClient httpClient) {
        this.config = config;
        this.httpClient = httpClient;
    }

    public GoogleAnalyticsResponse post(GoogleAnalyticsRequest<?> request) {
        if (!config.isEnabled()) {
            return new GoogleAnalyticsResponse();
        }
        return httpClient.post(config.getUrl(), request.getParameters());
    }

    /** Sends a hit in the background; the caller does not wait for Google's answer. */
    public void postInBackground(GoogleAnalyticsRequest<?> request) {
        if (!config.isEnabled()) {
            return;
        }
01|        getExecutor().execute(() -> {
01|            try {
01|                post(request);
01|            } catch (RuntimeException e) {
01|                logger.warn("Background hit to {} failed", config.getUrl(), e);
01|            }
01|        });
2|        getExecutor().submit(() -> post(request)); //@CONC-06
    }

    private ThreadPoolExecutor getExecutor() {
        if (executor == null) {
            synchronized (this) {
                if (executor == null) {
                    executor = createExecutor(config);
                }
            }
        }
        return executor;
    }

    protected ThreadPoolExecutor createExecutor(GoogleAnalyticsConfig config) {
        return new ThreadPoolExecutor(config.getMinThreads(), config.getMaxThreads(), 5, TimeUnit.MINUTES,
02|                new ArrayBlockingQueue<>(config.getMaxHitsQueued()),
1|                new LinkedBlockingDeque<>(), //@CONC-02
                createThreadFactory(config.getThreadNameFormat()),
02|                new ThreadPoolExecutor.DiscardOldestPolicy());
1|                new ThreadPoolExecutor.AbortPolicy());
    }

    protected ThreadFactory createThreadFactory(String nameFormat) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, String.format(nameFormat, count.incrementAndGet()));
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
''')
GAJ_BASE = SLF4J + ['java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger']
GAJ_IMPORTS = {0: GAJ_BASE + ['java.util.concurrent.ArrayBlockingQueue'],
               1: GAJ_BASE + ['java.util.concurrent.LinkedBlockingDeque'],
               2: GAJ_BASE + ['java.util.concurrent.ArrayBlockingQueue']}
cases_of(case, GH + 'brsanthu/google-analytics-java/issues/31',
         src('com.brsanthu.googleanalytics', 'GoogleAnalytics'),
         JV('com.brsanthu.googleanalytics', GAJ_IMPORTS)(GAJ), [
             (1, 'java-00-google-analytics-background-hits-unbounded-queue',
              'an edit queues background hits in an unbounded deque, so an app that sends faster than Google answers '
              'piles hits up until it runs out of memory', 'edit'),
             (2, 'java-00-google-analytics-background-hit-future-dropped',
              'an edit submits each background hit and drops the future, so a failing hit\'s exception is kept in '
              'a future nobody reads', 'edit'),
             (0, 'java-ok-00-google-analytics-bounded-queue-failures-logged',
              'clean: the fix bounds the hit queue and drops the oldest hit when full; failures logged', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: Bitbucket API client of a Jenkins plugin (bitbucket-pullrequest-builder)
BBPR = template('bitbucket-api-client', r'''
/**
 * Talks to the Bitbucket Cloud REST API for the pull-request builder: lists open pull requests, posts comments.
 */
public class ApiClient {
    private static final Logger logger = Logger.getLogger(ApiClient.class.getName());
    private static final String V2_API_BASE_URL = "https://api.bitbucket.org/2.0/repositories/";
    private static final int TIMEOUT_MILLIS = 60_000;

    private final String owner;
    private final String repositoryName;
    private final UsernamePasswordCredentials credentials;
    private final CloseableHttpClient client;

    public ApiClient(String username, String password, String owner, String repositoryName) {
        this.owner = owner;
        this.repositoryName = repositoryName;
        this.credentials = new UsernamePasswordCredentials(username, password);
        this.client = createClient();
    }

    private CloseableHttpClient createClient() {
02|        RequestConfig requestConfig = RequestConfig.custom()
02|                .setConnectTimeout(TIMEOUT_MILLIS)
02|                .setSocketTimeout(TIMEOUT_MILLIS)
02|                .setConnectionRequestTimeout(TIMEOUT_MILLIS)
02|                .build();
02|        return HttpClients.custom().setDefaultRequestConfig(requestConfig).build();
1|        return HttpClients.custom().useSystemProperties().build(); //@TMO-01
    }

    public String post(String path, Map<String, String> params) {
        HttpPost req = new HttpPost(V2_API_BASE_URL + owner + "/" + repositoryName + path);
        List<NameValuePair> form = new ArrayList<>();
        params.forEach((name, value) -> form.add(new BasicNameValuePair(name, value)));
        req.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        return send(req);
    }

    public String get(String path) {
        return send(new HttpGet(V2_API_BASE_URL + owner + "/" + repositoryName + path));
    }

    private String send(HttpRequestBase req) {
        try {
            req.addHeader(new BasicScheme().authenticate(credentials, req, null));
01|            try (CloseableHttpResponse response = client.execute(req)) {
01|                int status = response.getStatusLine().getStatusCode();
01|                if (status != HttpStatus.SC_OK && status != HttpStatus.SC_CREATED) {
01|                    logger.log(Level.WARNING, "Bitbucket answered {0} for {1}", new Object[] {status, req.getURI()});
01|                    return null;
01|                }
01|                return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
01|            }
2|            CloseableHttpResponse response = client.execute(req); //@RES-02
2|            int status = response.getStatusLine().getStatusCode();
2|            if (status != HttpStatus.SC_OK && status != HttpStatus.SC_CREATED) {
2|                logger.log(Level.WARNING, "Bitbucket answered {0} for {1}", new Object[] {status, req.getURI()});
2|                return null;
2|            }
2|            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
2|            response.close();
2|            return body;
        } catch (IOException | AuthenticationException e) {
            logger.log(Level.WARNING, "Failed to send request to " + req.getURI(), e);
            return null;
        }
    }
}
''')
BBPR_BASE = [
             'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList', 'java.util.List',
             'java.util.Map', 'java.util.logging.Level', 'java.util.logging.Logger', 'org.apache.http.HttpStatus',
             'org.apache.http.NameValuePair', 'org.apache.http.auth.AuthenticationException',
             'org.apache.http.auth.UsernamePasswordCredentials', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.entity.UrlEncodedFormEntity', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpGet', 'org.apache.http.client.methods.HttpPost',
             'org.apache.http.client.methods.HttpRequestBase', 'org.apache.http.impl.auth.BasicScheme',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
             'org.apache.http.message.BasicNameValuePair', 'org.apache.http.util.EntityUtils']
BBPR_IMPORTS = {0: BBPR_BASE, 2: BBPR_BASE,
                1: [i for i in BBPR_BASE if i != 'org.apache.http.client.config.RequestConfig']}
cases_of(case, GH + 'nishio-dens/bitbucket-pullrequest-builder-plugin/pull/76',
         src('bitbucketpullrequestbuilder.bitbucketpullrequestbuilder.bitbucket', 'ApiClient'),
         JV('bitbucketpullrequestbuilder.bitbucketpullrequestbuilder.bitbucket', BBPR_IMPORTS)(BBPR), [
             (1, 'java-00-bitbucket-api-client-without-timeouts',
              'an edit builds the plugin\'s Bitbucket client without connect, socket or pool timeouts, so a stalled '
              'API call hangs the polling trigger forever', 'edit'),
             (2, 'java-00-bitbucket-api-response-open-on-error-status',
              'an edit closes the Bitbucket answer only on success, so every refused or failed call keeps its pooled '
              'connection and the pool runs dry', 'edit'),
             (0, 'java-ok-00-bitbucket-api-client-timeouts-response-closed',
              'clean: the fix gives the client connect, socket and pool timeouts; every answer closed by '
              'try-with-resources', 'fix'),
         ])
