"""Round-71 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / CONC-06: recipe loading of a Minecraft auto-crafting plugin (automated_crafting)
AUTOCRAFT = template('automated-crafting-recipe-loader', r'''
/**
 * Keeps the crafting recipes the autocrafters can make, rebuilt from the server's recipe list on every reload.
 */
public class RecipeLoader {
    private final AutomatedCrafting plugin;
    private final Map<String, CraftingRecipe> recipes = new HashMap<>();

    public RecipeLoader(AutomatedCrafting plugin) {
        this.plugin = plugin;
    }

    /** Rebuilds the recipe table off the main thread; autocrafters read it on the main thread. */
    public void reload() {
01|        Bukkit.getScheduler().runTaskAsynchronously(plugin, () -> {
2|        CompletableFuture.runAsync(() -> { //@CONC-06
            Map<String, CraftingRecipe> loaded = new HashMap<>();
            Iterator<Recipe> it = Bukkit.recipeIterator();
            while (it.hasNext()) {
                Recipe recipe = it.next();
                if (recipe instanceof ShapedRecipe || recipe instanceof ShapelessRecipe) {
                    CraftingRecipe crafting = new CraftingRecipe(recipe);
                    loaded.put(crafting.key(), crafting);
                }
            }
02|            Bukkit.getScheduler().runTask(plugin, () -> {
02|                recipes.clear();
02|                recipes.putAll(loaded);
02|                plugin.getLogger().info("Loaded " + loaded.size() + " autocrafting recipes");
02|            });
1|            recipes.clear();
1|            recipes.putAll(loaded); //@CONC-03
1|            plugin.getLogger().info("Loaded " + loaded.size() + " autocrafting recipes");
        });
    }

    /** The recipe whose result is the given item, or null. Main thread only. */
    public CraftingRecipe find(ItemStack result) {
        return recipes.get(CraftingRecipe.keyOf(result));
    }
}
''')
AUTOCRAFT_BASE = ['org.bukkit.Bukkit', 'org.bukkit.inventory.ItemStack', 'org.bukkit.inventory.Recipe',
                  'org.bukkit.inventory.ShapedRecipe', 'org.bukkit.inventory.ShapelessRecipe', 'java.util.HashMap',
                  'java.util.Iterator', 'java.util.Map']
cases_of(case, GH + 'Aeltumn/automated_crafting/issues/10', src('nl.aeltumn.automatedcrafting.recipe', 'RecipeLoader'),
         JV('nl.aeltumn.automatedcrafting.recipe', {0: AUTOCRAFT_BASE, 1: AUTOCRAFT_BASE,
                                                      2: AUTOCRAFT_BASE + ['java.util.concurrent.CompletableFuture']})(AUTOCRAFT), [
             (1, 'java-00-automated-crafting-recipes-written-off-main-thread',
              'an edit fills the shared recipe table from the asynchronous reload task, so autocrafters reading '
              'it on the main thread meet a half-cleared HashMap and throw ConcurrentModificationException', 'edit'),
             (2, 'java-00-automated-crafting-reload-future-dropped',
              'an edit runs the reload through CompletableFuture.runAsync and drops the future, so a recipe that '
              'fails to convert ends the reload silently with an empty table', 'edit'),
             (0, 'java-ok-00-automated-crafting-recipes-swapped-on-main-thread',
              'clean: the fix builds the table off the main thread and swaps it in on the main thread', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: build wait of a Jenkins plugin for OpenShift (jenkins-plugin)
OPENSHIFT = template('openshift-jenkins-build-wait', r'''
/**
 * Starts a build on the cluster and follows it until it completes, fails or the step's timeout passes.
 */
public class BuildWatcher {
    private static final long POLL_INTERVAL_MILLIS = 1000;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String apiUrl;
    private final String namespace;
    private final String token;

    public BuildWatcher(String apiUrl, String namespace, String token) {
        this.apiUrl = apiUrl;
        this.namespace = namespace;
        this.token = token;
    }

    public boolean waitForCompletion(TaskListener listener, String buildName, long timeoutMillis)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String phase = fetchPhase(buildName);
            if ("Complete".equals(phase)) {
                return true;
            }
            if ("Failed".equals(phase) || "Cancelled".equals(phase) || "Error".equals(phase)) {
                listener.getLogger().println("Build " + buildName + " ended in phase " + phase);
                return false;
            }
02|            Thread.sleep(POLL_INTERVAL_MILLIS);
1|            try {
1|                Thread.sleep(POLL_INTERVAL_MILLIS);
1|            } catch (InterruptedException e) { //@CONC-05
1|                listener.getLogger().println("Interrupted while waiting for " + buildName + ", still waiting");
1|            }
        }
        listener.getLogger().println("Build " + buildName + " did not complete in " + timeoutMillis + " ms");
        return false;
    }

    private String fetchPhase(String buildName) throws IOException {
        URL url = new URL(apiUrl + "/apis/build.openshift.io/v1/namespaces/" + namespace + "/builds/" + buildName);
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
01|        conn.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
01|        conn.setReadTimeout(READ_TIMEOUT_MILLIS);
        conn.setRequestProperty("Authorization", "Bearer " + token);
        conn.setRequestProperty("Accept", "application/json");
        try (InputStream in = conn.getInputStream()) {
            JSONObject build = JSONObject.fromObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return build.getJSONObject("status").optString("phase", "New");
        } finally {
            conn.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'openshift/jenkins-plugin/pull/106',
         src('com.openshift.jenkins.plugins.pipeline', 'BuildWatcher'),
         J('com.openshift.jenkins.plugins.pipeline', [
             'hudson.model.TaskListener', 'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection',
             'java.net.URL', 'java.nio.charset.StandardCharsets', 'net.sf.json.JSONObject'])(OPENSHIFT), [
             (1, 'java-00-openshift-build-wait-swallows-interrupt',
              'an edit catches the interrupt of the polling sleep and keeps waiting, so aborting the Jenkins job '
              'leaves the step polling the cluster until its timeout', 'edit'),
             (2, 'java-00-openshift-build-phase-without-timeouts',
              'an edit drops the connect and read timeouts of the build-status request, so an API server that '
              'stops answering hangs the step past its own deadline', 'edit'),
             (0, 'java-ok-00-openshift-build-wait-propagates-interrupt',
              'clean: the fix lets the interrupt of the polling sleep end the step', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: put path of a Kafka Connect sink for Kinesis (kinesis-kafka-connector)
KINESIS = template('kinesis-sink-task-put', r'''
public class AmazonKinesisSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(AmazonKinesisSinkTask.class);

    private KinesisProducer producer;
    private String streamName;
    private final List<ListenableFuture<UserRecordResult>> pending = new ArrayList<>();

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
01|            log.debug("Sending record from {} partition {} offset {}", record.topic(), record.kafkaPartition(),
01|                    record.kafkaOffset());
2|            log.debug("Sending record from " + record.topic() + " partition " + record.kafkaPartition() //@LOG-02
2|                    + " offset " + record.kafkaOffset());
02|            pending.add(producer.addUserRecord(streamName, partitionKey(record), toBuffer(record)));
1|            producer.addUserRecord(streamName, partitionKey(record), toBuffer(record)); //@CONC-06
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> offsets) {
        producer.flushSync();
        try {
            for (ListenableFuture<UserRecordResult> future : pending) {
                UserRecordResult result = future.get();
                if (!result.isSuccessful()) {
                    throw new DataException("Kinesis rejected a record after " + result.getAttempts().size()
                            + " attempts");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while flushing to " + streamName, e);
        } catch (ExecutionException e) {
            throw new DataException("Kinesis producer failed to publish to " + streamName, e.getCause());
        } finally {
            pending.clear();
        }
    }

    private static String partitionKey(SinkRecord record) {
        return record.key() == null ? Integer.toString(record.kafkaPartition()) : record.key().toString();
    }
}
''')
cases_of(case, GH + 'awslabs/kinesis-kafka-connector/issues/49',
         src('com.amazon.kinesis.kafka', 'AmazonKinesisSinkTask'),
         J('com.amazon.kinesis.kafka', SLF4J + [
             'com.amazonaws.services.kinesis.producer.KinesisProducer',
             'com.amazonaws.services.kinesis.producer.UserRecordResult', 'com.google.common.util.concurrent.ListenableFuture',
             'java.util.ArrayList', 'java.util.Collection', 'java.util.List', 'java.util.Map',
             'java.util.concurrent.ExecutionException', 'org.apache.kafka.clients.consumer.OffsetAndMetadata',
             'org.apache.kafka.common.TopicPartition', 'org.apache.kafka.connect.errors.ConnectException',
             'org.apache.kafka.connect.errors.DataException', 'org.apache.kafka.connect.sink.SinkRecord',
             'org.apache.kafka.connect.sink.SinkTask'])(KINESIS), [
             (1, 'java-00-kinesis-sink-put-futures-dropped',
              'an edit hands each record to the Kinesis producer and drops the future, so flush commits the '
              'offsets of records Kinesis never accepted', 'edit'),
             (2, 'java-00-kinesis-sink-put-debug-log-concatenated',
              'an edit logs every record at debug with a concatenated message, building the string for each '
              'record even when debug logging is off', 'edit'),
             (0, 'java-ok-00-kinesis-sink-put-futures-checked',
              'clean: the fix keeps every record\'s future and checks it at flush', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: user lookup of a Keycloak user-storage extension (amrc-connectivity-stack)
FPLUS = template('factoryplus-keycloak-user-lookup', r'''
public class FactoryPlusUserStorageProvider implements UserStorageProvider, UserLookupProvider {
    private static final Logger LOG = Logger.getLogger(FactoryPlusUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final HttpClient http;
    private final Duration timeout;

    public FactoryPlusUserStorageProvider(KeycloakSession session, ComponentModel model, HttpClient http,
            Duration timeout) {
        this.session = session;
        this.model = model;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        URI uri = URI.create(model.get("auth.url") + "/v2/principal/find?kerberos="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
02|        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
02|                .header("Authorization", "Bearer " + serviceToken()).GET().build();
1|        HttpRequest request = HttpRequest.newBuilder(uri) //@TMO-01
1|                .header("Authorization", "Bearer " + serviceToken()).GET().build();
        try {
01|            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
2|            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build(); //@RES-04
2|            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                LOG.warnf("Factory+ auth answered %d for %s", response.statusCode(), username);
                return null;
            }
            return new FactoryPlusUser(session, realm, model, username, response.body());
        } catch (IOException e) {
            LOG.warnf(e, "Factory+ auth lookup for %s failed", username);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
''') + r'''
    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return getUserByUsername(realm, StorageId.externalId(id));
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    @Override
    public void close() {
    }
}
'''
TEMPLATES[-1] = (TEMPLATES[-1][0], FPLUS)
cases_of(case, GH + 'AMRC-FactoryPlus/amrc-connectivity-stack/pull/672',
         'acs-keycloak-spi/' + src('uk.co.amrc.factoryplus.keycloak', 'FactoryPlusUserStorageProvider'),
         J('uk.co.amrc.factoryplus.keycloak', [
             'java.io.IOException', 'java.net.URI', 'java.net.URLEncoder', 'java.net.http.HttpClient',
             'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets',
             'java.time.Duration', 'org.jboss.logging.Logger', 'org.keycloak.component.ComponentModel',
             'org.keycloak.models.KeycloakSession', 'org.keycloak.models.RealmModel', 'org.keycloak.models.UserModel',
             'org.keycloak.storage.StorageId', 'org.keycloak.storage.UserStorageProvider',
             'org.keycloak.storage.user.UserLookupProvider'])(FPLUS), [
             (1, 'java-00-factoryplus-user-lookup-without-request-timeout',
              'an edit sends the user lookup without a request timeout, so a slow auth service holds the login '
              'thread until Keycloak kills it and the log shows only an interrupt', 'edit'),
             (2, 'java-00-factoryplus-user-lookup-client-per-call',
              'an edit builds a new HttpClient for every user lookup instead of the factory\'s shared one, so '
              'each login gets a new connection pool and selector thread', 'edit'),
             (0, 'java-ok-00-factoryplus-user-lookup-bounded',
              'clean: the fix bounds every lookup with the configured request timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: schedule time parsing of a Jenkins plugin (schedule-build-plugin)
SCHEDULEBUILD = template('schedule-build-time-parser', r'''
/**
 * Parses and checks the date and time a user picks to schedule a build, in the zone the administrator configured.
 */
public class ScheduleTimeParser {
    private static final String PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final TimeZone zone;

    public ScheduleTimeParser(String zoneId) {
        this.zone = TimeZone.getTimeZone(zoneId);
    }

    public Date parse(String value) throws ParseException {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN); //@{1}TIME-01
02|        format.setTimeZone(zone);
        format.setLenient(false);
        return format.parse(value.trim());
    }

    public String format(Date when) {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN);
        format.setTimeZone(zone);
        return format.format(when);
    }

    public FormValidation check(String value) {
        try {
            Date when = parse(value);
            if (when.before(new Date())) {
                return FormValidation.error("The time " + format(when) + " is in the past");
            }
            return FormValidation.ok();
01|        } catch (ParseException e) {
01|            return FormValidation.error("Not a time of the form " + PATTERN + ": " + e.getMessage());
01|        }
2|        } catch (ParseException e) { //@ERR-01
2|            return FormValidation.ok();
2|        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/schedule-build-plugin/pull/301',
         src('org.jenkinsci.plugins.schedulebuild', 'ScheduleTimeParser'),
         J('org.jenkinsci.plugins.schedulebuild', [
             'hudson.util.FormValidation', 'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
             'java.util.TimeZone'])(SCHEDULEBUILD), [
             (1, 'java-00-schedule-build-renamed-parser-in-controller-zone',
              'a PR renames the date helper to a parser class and drops the configured zone from parsing, so on '
              'a controller in another zone every scheduled build starts hours early or late', 'rename'),
             (2, 'java-00-schedule-build-renamed-parser-accepts-bad-input',
              'a PR renames the date helper to a parser class and answers a parse failure with an OK validation, '
              'so a mistyped time is accepted in the form and fails only when the build is scheduled', 'rename'),
             (0, 'java-ok-00-schedule-build-renamed-parser',
              'clean: the rename alone; parsing uses the configured zone and a bad time is reported', 'rename'),
         ], rename_from='src/main/java/org/jenkinsci/plugins/schedulebuild/ScheduleDateHelper.java',
         rename_old=lambda t: t.replace('ScheduleTimeParser', 'ScheduleDateHelper'))


# ---------------------------------------------------------------- RES-01 / TX-01: batch save of a Minecraft furniture library (FurnitureLib)
FURNITURE = template('furniturelib-batch-save', r'''
/**
 * Saves furniture objects to the configured SQL database.
 */
public class SQLManager {
    private static final String UPSERT =
            "REPLACE INTO FurnitureLib_Objects (ObjID, Data, World, X, Z) VALUES (?, ?, ?, ?, ?)";

    private final FurnitureLib plugin;
    private final DataSource dataSource;

    public SQLManager(FurnitureLib plugin, DataSource dataSource) {
        this.plugin = plugin;
        this.dataSource = dataSource;
    }

    /** Writes every object of the batch, or none of them. */
    public void saveAll(Collection<ObjectID> objects) {
02|        try (Connection con = dataSource.getConnection();
02|             PreparedStatement stmt = con.prepareStatement(UPSERT)) {
1|        try {
1|            Connection con = dataSource.getConnection(); //@RES-01
1|            PreparedStatement stmt = con.prepareStatement(UPSERT);
            con.setAutoCommit(false); //@{2}TX-01
2|            writeBatch(stmt, objects);
2|            con.commit();
01|            try {
01|                writeBatch(stmt, objects);
01|                con.commit();
01|            } catch (SQLException e) {
01|                con.rollback();
01|                throw e;
01|            }
        } catch (SQLException e) {
            plugin.getLogger().log(Level.WARNING, "Could not save " + objects.size() + " furniture objects", e);
        }
    }

    private static void writeBatch(PreparedStatement stmt, Collection<ObjectID> objects) throws SQLException {
        for (ObjectID obj : objects) {
            stmt.setString(1, obj.getID());
            stmt.setString(2, obj.serialize());
            stmt.setString(3, obj.getWorldName());
            stmt.setInt(4, obj.getBlockX());
            stmt.setInt(5, obj.getBlockZ());
            stmt.addBatch();
        }
        stmt.executeBatch();
    }
}
''')
cases_of(case, GH + 'Ste3et/FurnitureLib/pull/71', src('de.Ste3et_C0st.FurnitureLib.Database', 'SQLManager'),
         J('de.Ste3et_C0st.FurnitureLib.Database', [
             'de.Ste3et_C0st.FurnitureLib.main.FurnitureLib', 'de.Ste3et_C0st.FurnitureLib.main.ObjectID',
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Collection',
             'java.util.logging.Level', 'javax.sql.DataSource'])(FURNITURE), [
             (1, 'java-00-furniturelib-save-connection-never-closed',
              'an edit takes the connection and statement outside try-with-resources and never closes them, so '
              'every save keeps a database connection until the server hits its connection limit', 'edit'),
             (2, 'java-00-furniturelib-save-not-rolled-back',
              'an edit drops the rollback of the batch transaction, so a batch that fails half-way returns its '
              'connection to the pool with the transaction still open', 'edit'),
             (0, 'java-ok-00-furniturelib-save-connection-closed',
              'clean: the fix closes the connection and statement with try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-02 / CONC-07: file sync of an Elasticsearch configuration plugin (elasticsearch-configsync)
CONFIGSYNC = template('configsync-flush-service', r'''
public class ConfigSyncService extends AbstractLifecycleComponent {
    private static final Logger logger = LogManager.getLogger(ConfigSyncService.class);

    private final Path configDir;
    private final TimeValue flushInterval;
    private final ConfigIndexReader reader;
    private ScheduledExecutorService scheduler;

    public ConfigSyncService(Path configDir, TimeValue flushInterval, ConfigIndexReader reader) {
        this.configDir = configDir;
        this.flushInterval = flushInterval;
        this.reader = reader;
    }

    @Override
    protected void doStart() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "configsync-flush"));
01|        scheduler.scheduleWithFixedDelay(() -> {
01|            try {
01|                flush();
01|            } catch (Exception e) {
01|                logger.warn("Failed to write the synchronised configuration files.", e);
01|            }
01|        }, flushInterval.millis(), flushInterval.millis(), TimeUnit.MILLISECONDS);
2|        scheduler.scheduleWithFixedDelay(this::flush, flushInterval.millis(), flushInterval.millis(), //@CONC-07
2|                TimeUnit.MILLISECONDS);
    }

    void flush() {
        for (ConfigFile file : reader.changedSince(lastFlush())) {
            Path target = configDir.resolve(file.path()).normalize();
            if (!target.startsWith(configDir)) {
                logger.warn("Skipping {}: outside the configuration directory", file.path());
                continue;
            }
02|            logger.debug("Writing {} ({} bytes) to {}", file.path(), file.size(), target);
1|            logger.debug("Writing " + file.path() + " (" + file.size() + " bytes) to " + target); //@LOG-02
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + target, e);
            }
        }
        markFlushed();
    }
''') + r'''
    @Override
    protected void doStop() {
        scheduler.shutdownNow();
    }

    @Override
    protected void doClose() {
    }
}
'''
TEMPLATES[-1] = (TEMPLATES[-1][0], CONFIGSYNC)
cases_of(case, GH + 'codelibs/elasticsearch-configsync/pull/5',
         src('org.codelibs.elasticsearch.configsync.service', 'ConfigSyncService'),
         J('org.codelibs.elasticsearch.configsync.service', [
             'java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
             'org.elasticsearch.common.component.AbstractLifecycleComponent',
             'org.elasticsearch.core.TimeValue'])(CONFIGSYNC), [
             (1, 'java-00-configsync-flush-debug-log-concatenated',
              'an edit logs every written file at debug with a concatenated message, building the string on each '
              'flush even when debug logging is off', 'edit'),
             (2, 'java-00-configsync-flush-schedule-dies-on-first-failure',
              'an edit schedules the flush without a catch, so the first file that cannot be written stops every '
              'later synchronisation of the node', 'edit'),
             (0, 'java-ok-00-configsync-flush-debug-log-parameterised',
              'clean: the fix logs each written file with a parameterised message', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: plugin download of Jenkins' plugin installation tool (plugin-installation-manager-tool)
PIMT = template('plugin-manager-download', r'''
    /**
     * Downloads one plugin to pluginFile; returns false when the update site does not serve it.
     */
    public boolean downloadToFile(String url, Plugin plugin, File pluginFile) {
        HttpGet get = new HttpGet(url);
        get.setConfig(requestConfig);
1|        CloseableHttpClient httpClient = HttpClients.custom().useSystemProperties() //@RES-04
1|                .setDefaultRequestConfig(requestConfig).build();
01|        try (CloseableHttpResponse response = httpClient.execute(get)) {
2|        try {
2|            CloseableHttpResponse response = httpClient.execute(get); //@RES-02
            int status = response.getStatusLine().getStatusCode();
            if (status != HttpStatus.SC_OK) {
                logVerbose("Unable to download " + plugin.getName() + " from " + url + ": HTTP " + status);
                return false;
            }
            HttpEntity entity = response.getEntity();
            try (InputStream in = entity.getContent()) {
                Files.copy(in, pluginFile.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            logVerbose("Unable to download " + plugin.getName() + " from " + url + ": " + e.getMessage());
            return false;
        }
    }
''')
PIMT_CLASS_HEAD = r'''
public class PluginManager implements Closeable {
    private final Config cfg;
    private final RequestConfig requestConfig;
    private final CloseableHttpClient httpClient;

    public PluginManager(Config cfg) {
        this.cfg = cfg;
        this.requestConfig = RequestConfig.custom().setConnectTimeout(cfg.getConnectTimeoutMillis())
                .setSocketTimeout(cfg.getSocketTimeoutMillis()).build();
        this.httpClient = HttpClients.custom().useSystemProperties().setDefaultRequestConfig(requestConfig).build();
    }
'''
PIMT_CLASS_TAIL = r'''
    private void logVerbose(String message) {
        if (cfg.isVerbose()) {
            System.err.println(message);
        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
'''
TEMPLATES[-1] = (TEMPLATES[-1][0], PIMT_CLASS_HEAD + PIMT + PIMT_CLASS_TAIL)
cases_of(case, GH + 'jenkinsci/plugin-installation-manager-tool/issues/291',
         'plugin-management-library/' + src('io.jenkins.tools.pluginmanager.impl', 'PluginManager'),
         J('io.jenkins.tools.pluginmanager.impl', [
             'io.jenkins.tools.pluginmanager.config.Config', 'java.io.Closeable', 'java.io.File', 'java.io.IOException',
             'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.StandardCopyOption', 'org.apache.http.HttpEntity',
             'org.apache.http.HttpStatus', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients'])(
             PIMT_CLASS_HEAD + PIMT + PIMT_CLASS_TAIL), [
             (1, 'java-00-plugin-manager-client-per-download',
              'an edit builds a new HTTP client for every plugin download and never closes it, so installing a '
              'large plugin set opens a connection pool per plugin and keeps them all', 'edit'),
             (2, 'java-00-plugin-manager-response-left-open',
              'an edit executes the download outside try-with-resources, so every plugin the update site does '
              'not serve keeps its response and pooled connection', 'edit'),
             (0, 'java-ok-00-plugin-manager-shared-client',
              'clean: the fix downloads every plugin with the manager\'s shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: player settings store of a Minecraft mob-hunting plugin (MobHunting)
MOBHUNTING = template('mobhunting-player-settings-store', r'''
public abstract class DatabaseDataStore implements IDataStore {
    protected final MobHunting plugin;
    protected final DataSource dataSource;

    protected DatabaseDataStore(MobHunting plugin, DataSource dataSource) {
        this.plugin = plugin;
        this.dataSource = dataSource;
    }

    @Override
    public void updatePlayerSettings(Set<PlayerSettings> settings) throws DataStoreException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                updateAll(connection, settings); //@{1}TX-01
                connection.commit();
            } catch (SQLException e) {
02|                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new DataStoreException(e);
        }
    }

    private static void updateAll(Connection connection, Set<PlayerSettings> settings) throws SQLException {
        try (PreparedStatement stmt = connection.prepareStatement(
                "UPDATE mh_PlayerSettings SET LEARNING_MODE = ?, MUTE_MODE = ? WHERE UUID = ?")) {
            for (PlayerSettings s : settings) {
                stmt.setInt(1, s.isLearningMode() ? 1 : 0);
                stmt.setInt(2, s.isMuted() ? 1 : 0);
                stmt.setString(3, s.getPlayer().getUniqueId().toString());
                stmt.addBatch();
            }
            stmt.executeBatch();
        }
    }

    private void rollback(Connection connection) {
        try {
            connection.rollback();
01|        } catch (SQLException e) {
01|            plugin.getLogger().log(Level.WARNING, "[MobHunting] Could not roll back the settings update", e);
01|        }
2|        } catch (SQLException ignored) { //@ERR-01
2|        }
    }
}
''')
cases_of(case, GH + 'Rocologo/MobHunting/issues/149', src('one.lindegaard.MobHunting.storage', 'DatabaseDataStore'),
         J('one.lindegaard.MobHunting.storage', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Set',
             'java.util.logging.Level', 'javax.sql.DataSource', 'one.lindegaard.MobHunting.MobHunting',
             'one.lindegaard.MobHunting.PlayerSettings'])(MOBHUNTING), [
             (1, 'java-00-mobhunting-settings-update-not-rolled-back',
              'an edit drops the rollback of the settings update, so a failed batch returns its connection with '
              'the transaction open and SQLite reports the database locked to every later save', 'edit'),
             (2, 'java-00-mobhunting-settings-rollback-failure-swallowed',
              'an edit swallows a failed rollback without a trace, so a connection left locked is never '
              'reported', 'edit'),
             (0, 'java-ok-00-mobhunting-settings-update-rolled-back',
              'clean: the fix rolls the settings update back when it fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-01: hourly update check of a Minecraft Citizens add-on (CitizensCMD)
CITIZENSCMD = template('citizenscmd-update-checker', r'''
/**
 * Checks SpigotMC once an hour for a newer release and remembers it for the join message shown to operators.
 */
public final class UpdateChecker {
    private static final String VERSION_URL = "https://api.spigotmc.org/legacy/update.php?resource=30224";
01|    private static final int TIMEOUT_MILLIS = 5000;

    private final JavaPlugin plugin;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "CitizensCMD-updates"));
    private volatile String latestVersion;

    public UpdateChecker(JavaPlugin plugin) {
        this.plugin = plugin;
    }

    public void start() {
02|        scheduler.scheduleAtFixedRate(this::checkSafely, 0, 1, TimeUnit.HOURS);
1|        scheduler.scheduleAtFixedRate(this::check, 0, 1, TimeUnit.HOURS); //@CONC-07
    }

    public void stop() {
        scheduler.shutdownNow();
    }

    public boolean isOutdated() {
        String latest = latestVersion;
        return latest != null && !latest.equals(plugin.getDescription().getVersion());
    }
02|
02|    private void checkSafely() {
02|        try {
02|            check();
02|        } catch (Exception e) {
02|            plugin.getLogger().log(Level.WARNING, "Could not check for updates: " + e.getMessage());
02|        }
02|    }

    private void check() {
        try {
            URLConnection connection = new URL(VERSION_URL).openConnection(); //@{2}TMO-01
01|            connection.setConnectTimeout(TIMEOUT_MILLIS);
01|            connection.setReadTimeout(TIMEOUT_MILLIS);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String version = reader.readLine();
                if (version != null && !version.isBlank()) {
                    latestVersion = version.trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Update check against " + VERSION_URL + " failed", e);
        }
    }
}
''')
CITIZENSCMD_BASE = ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
                    'java.io.UncheckedIOException', 'java.net.URL', 'java.net.URLConnection',
                    'java.nio.charset.StandardCharsets', 'java.util.concurrent.Executors',
                    'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                    'org.bukkit.plugin.java.JavaPlugin']
cases_of(case, GH + 'LichtHund/CitizensCMD/issues/27', src('me.mattstudios.citizenscmd.updater', 'UpdateChecker'),
         JV('me.mattstudios.citizenscmd.updater', {0: CITIZENSCMD_BASE + ['java.util.logging.Level'],
                                                    1: CITIZENSCMD_BASE,
                                                    2: CITIZENSCMD_BASE + ['java.util.logging.Level']})(CITIZENSCMD), [
             (1, 'java-00-citizenscmd-new-update-check-dies-on-first-failure',
              'a new update checker schedules its hourly check without a catch, so the first time SpigotMC is '
              'unreachable the check stops for the life of the server', 'new'),
             (2, 'java-00-citizenscmd-new-update-check-without-timeouts',
              'a new update checker opens the SpigotMC connection without connect or read timeouts, so a '
              'blackholed network holds the checker thread for good', 'new'),
             (0, 'java-ok-00-citizenscmd-new-update-checker',
              'clean: a new update checker that bounds each request and survives a failed check', 'new'),
         ])
