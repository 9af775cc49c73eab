"""Round-41 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / ERR-01: a Minecraft proxy plugin's player API (Floodgate)
FLOODGATE = template('floodgate-api', r'''
/**
 * The API other plugins use to ask about Bedrock players. Players are added on the network threads when they log in
 * and looked up from any plugin thread, including the async chat and scheduler threads.
 */
public class SimpleFloodgateApi implements FloodgateApi {
    private static final String XUID_ENDPOINT = "https://api.geysermc.org/v2/xbox/xuid/";

02|    private final Map<UUID, FloodgatePlayer> players = new ConcurrentHashMap<>();
1|    private final Map<UUID, FloodgatePlayer> players = new HashMap<>(); //@CONC-03
    private final FloodgateLogger logger;
    private final HttpClient httpClient;

    public SimpleFloodgateApi(FloodgateLogger logger, HttpClient httpClient) {
        this.logger = logger;
        this.httpClient = httpClient;
    }

    @Override
    public boolean isFloodgatePlayer(UUID uuid) {
        return getPlayer(uuid) != null;
    }

    @Override
    public FloodgatePlayer getPlayer(UUID uuid) {
        FloodgatePlayer player = players.get(uuid);
        if (player != null || isFloodgateId(uuid)) {
            return player;
        }
        // a linked player is known by their Java UUID
        for (FloodgatePlayer candidate : players.values()) {
            if (candidate.isLinked() && candidate.getLinkedPlayer().getJavaUniqueId().equals(uuid)) {
                return candidate;
            }
        }
        return null;
    }

    public FloodgatePlayer addPlayer(FloodgatePlayer player) {
        return players.put(player.getJavaUniqueId(), player);
    }

    public boolean removePlayer(FloodgatePlayer player) {
        return players.remove(player.getJavaUniqueId(), player);
    }

    @Override
    public CompletableFuture<Long> getXuidFor(String gamertag) {
        return httpClient.asyncGet(XUID_ENDPOINT + gamertag).thenApply(result -> {
            try {
                JsonObject response = result.getResponse();
                if (!result.isCodeOk() || response == null || !response.has("xuid")) {
                    return null;
                }
                return response.get("xuid").getAsLong();
01|            } catch (RuntimeException exception) {
01|                logger.error("Unreadable xuid answer for gamertag {}", exception, gamertag);
01|                return null;
01|            }
2|            } catch (RuntimeException ignored) { //@ERR-01
2|                return null;
2|            }
        });
    }

    private boolean isFloodgateId(UUID uuid) {
        return uuid.getMostSignificantBits() == 0;
    }
}
''')
cases_of(case, GH + 'GeyserMC/Floodgate/issues/374',
         'core/' + src('org.geysermc.floodgate.api', 'SimpleFloodgateApi'),
         J('org.geysermc.floodgate.api', [
             'com.google.gson.JsonObject', 'java.util.HashMap', 'java.util.Map', 'java.util.UUID',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentHashMap',
             'org.geysermc.floodgate.api.logger.FloodgateLogger', 'org.geysermc.floodgate.api.player.FloodgatePlayer',
             'org.geysermc.floodgate.util.HttpClient'])(FLOODGATE), [
             (1, 'java-00-floodgate-api-players-in-plain-hashmap',
              'an edit keeps the Bedrock players in a plain HashMap that the login threads write while plugins read it '
              'from their async threads', 'edit'),
             (2, 'java-00-floodgate-api-unreadable-xuid-answer-swallowed',
              'an edit empties the handling of an unreadable xuid answer, so a changed API format looks like an '
              'unknown gamertag with nothing in the log', 'edit'),
             (0, 'java-ok-00-floodgate-api-concurrent-players-xuid-failure-logged',
              'clean: the players in a ConcurrentHashMap, an unreadable xuid answer logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: a plot plugin's owner-name update (PlotMe-Core)
PLOTME = template('plotme-core-manager', r'''
public class PlotMeCoreManager {
    private final PlotMe_Core plugin;
    private final SqlManager sqlManager;
02|    private final Map<UUID, PlotOwner> ownersById = new ConcurrentHashMap<>();
1|    private final Map<UUID, PlotOwner> ownersById = new HashMap<>(); //@CONC-03

    public PlotMeCoreManager(PlotMe_Core plugin) {
        this.plugin = plugin;
        this.sqlManager = plugin.getSqlManager();
    }

    /** Called on the server thread for every player that joins. */
    public void addPlayer(IPlayer player) {
        ownersById.computeIfAbsent(player.getUniqueId(), id -> new PlotOwner(id, player.getName()));
    }

    /** Called on the server thread when a player leaves. */
    public void removePlayer(IPlayer player) {
        ownersById.remove(player.getUniqueId());
    }

    /**
     * A player renamed their account: their plots are updated in the database off the server thread, and the
     * cached owners right away.
     */
    public void updatePlayerNameFromId(final UUID playerId, final String name) {
        PlotOwner owner = ownersById.get(playerId);
        if (owner != null) {
            owner.setName(name);
        }
        plugin.getServerBridge().runTaskAsynchronously(() -> {
            for (PlotOwner cached : ownersById.values()) {
                cached.renameAllowed(playerId, name);
            }
            try {
                sqlManager.updatePlotsNewUUID(playerId, name);
01|            } catch (SQLException e) {
01|                plugin.getLogger().log(Level.SEVERE, "Could not update the owner name of the plots of " + playerId, e);
01|            }
2|            } catch (SQLException ignored) { //@ERR-01
2|            }
        });
    }

    public PlotOwner getOwner(UUID playerId) {
        return ownersById.get(playerId);
    }
}
''')
cases_of(case, GH + 'WorldCretornica/PlotMe-Core/issues/295',
         'PlotMe-Core/' + src('com.worldcretornica.plotme_core', 'PlotMeCoreManager'),
         J('com.worldcretornica.plotme_core', [
             'com.worldcretornica.plotme_core.api.IPlayer', 'com.worldcretornica.plotme_core.sql.SqlManager',
             'java.sql.SQLException', 'java.util.HashMap', 'java.util.Map', 'java.util.UUID',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.logging.Level'])(PLOTME), [
             (1, 'java-00-plotme-core-owners-plain-hashmap-iterated-async',
              'an edit keeps the cached plot owners in a plain HashMap that an async rename task iterates while the '
              'server thread adds and removes joining players', 'edit'),
             (2, 'java-00-plotme-core-rename-sql-failure-swallowed',
              'an edit empties the catch of the database update of a renamed owner, so the plots keep the old name '
              'with nothing in the log', 'edit'),
             (0, 'java-ok-00-plotme-core-concurrent-owners-rename-failure-logged',
              'clean: the owners in a ConcurrentHashMap, a failed rename logged with its cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: a static analyser's file regex check (sonar-cxx)
SONARCXX = template('sonar-cxx-file-regex', r'''
@Rule(key = "FileRegularExpression", name = "Track lines matching a regular expression", priority = Priority.MAJOR)
@RuleTemplate
@NoSqale
public class FileRegularExpressionCheck extends SquidCheck<Grammar> implements CxxCharsetAwareVisitor {
    private static final Logger LOG = LoggerFactory.getLogger(FileRegularExpressionCheck.class);
    private static final String DEFAULT_MATCH_FILE_PATTERN = "";
    private static final String DEFAULT_REGULAR_EXPRESSION = "";
    private static final String DEFAULT_MESSAGE = "The regular expression matches this file";

    @RuleProperty(key = "matchFilePattern", defaultValue = DEFAULT_MATCH_FILE_PATTERN)
    public String matchFilePattern = DEFAULT_MATCH_FILE_PATTERN;

    @RuleProperty(key = "regularExpression", defaultValue = DEFAULT_REGULAR_EXPRESSION)
    public String regularExpression = DEFAULT_REGULAR_EXPRESSION;

    @RuleProperty(key = "message", defaultValue = DEFAULT_MESSAGE)
    public String message = DEFAULT_MESSAGE;

    private Charset charset = StandardCharsets.UTF_8;
    private Pattern pattern;

    @Override
    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void init() {
        if (!Strings.isNullOrEmpty(regularExpression)) {
            pattern = Pattern.compile(regularExpression, Pattern.DOTALL);
        }
    }

    @Override
    public void visitFile(AstNode fileNode) {
        if (pattern == null || !compliesWithMatchFilePattern(getContext().getFile())) {
            return;
        }
        File file = getContext().getFile();
02|        LOG.debug("Checking {} against {}", file.getPath(), regularExpression);
1|        LOG.debug("Checking " + file.getPath() + " against " + regularExpression); //@LOG-02
01|        try (InputStream input = new FileInputStream(file)) {
2|        try {
2|            InputStream input = new FileInputStream(file); //@RES-01
            String fileContent = new String(ByteStreams.toByteArray(input), charset);
            if (pattern.matcher(fileContent).find()) {
                getContext().createFileViolation(this, message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private boolean compliesWithMatchFilePattern(File file) {
        if (Strings.isNullOrEmpty(matchFilePattern)) {
            return true;
        }
        return WildcardPattern.create(matchFilePattern).match(file.getPath());
    }
}
''')
cases_of(case, GH + 'SonarOpenCommunity/sonar-cxx/pull/355',
         'cxx-checks/' + src('org.sonar.cxx.checks', 'FileRegularExpressionCheck'),
         J('org.sonar.cxx.checks', SLF4J + [
             'com.google.common.base.Strings', 'com.google.common.io.ByteStreams', 'com.sonar.sslr.api.AstNode',
             'com.sonar.sslr.api.Grammar', 'java.io.File', 'java.io.FileInputStream', 'java.io.IOException',
             'java.io.InputStream', 'java.nio.charset.Charset', 'java.nio.charset.StandardCharsets',
             'java.util.regex.Pattern', 'org.sonar.check.Priority', 'org.sonar.check.Rule',
             'org.sonar.check.RuleProperty', 'org.sonar.cxx.visitors.CxxCharsetAwareVisitor',
             'org.sonar.squidbridge.annotations.NoSqale', 'org.sonar.squidbridge.annotations.RuleTemplate',
             'org.sonar.squidbridge.checks.SquidCheck', 'org.sonar.api.utils.WildcardPattern'])(SONARCXX), [
             (1, 'java-00-sonar-cxx-file-regex-debug-line-concatenated',
              'an edit builds the debug line of every checked source file by string concatenation, which runs with '
              'debug off on each file of the analysis', 'edit'),
             (2, 'java-00-sonar-cxx-file-regex-input-never-closed',
              'an edit opens each source file\'s stream outside try-with-resources and never closes it, so a large '
              'analysis runs out of file handles', 'edit'),
             (0, 'java-ok-00-sonar-cxx-file-regex-parameterised-stream-closed',
              'clean: a parameterised debug line, the stream closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: a test automation server's queue DAO (cerberus-core)
CERBERUS = template('cerberus-queue-dao', r'''
@Repository
public class TestCaseExecutionQueueDAO implements ITestCaseExecutionQueueDAO {
    private static final Logger LOG = LogManager.getLogger(TestCaseExecutionQueueDAO.class);

    private final DatabaseSpring databaseSpring;

    public TestCaseExecutionQueueDAO(DatabaseSpring databaseSpring) {
        this.databaseSpring = databaseSpring;
    }

    /** The ids of the queued executions a robot may take, oldest first. */
    public List<Long> findWaitingIds(String robot, int max) throws CerberusException {
        final String query = "SELECT id FROM testcaseexecutionqueue WHERE state = 'QUEUED' AND robot = ? "
                + "ORDER BY priority, id LIMIT ?";
        List<Long> ids = new ArrayList<>();
02|        try (Connection connection = databaseSpring.connect();
02|             PreparedStatement preStat = connection.prepareStatement(query)) {
1|        try {
1|            Connection connection = databaseSpring.connect(); //@RES-01
1|            PreparedStatement preStat = connection.prepareStatement(query);
            preStat.setString(1, robot);
            preStat.setInt(2, max);
            try (ResultSet resultSet = preStat.executeQuery()) {
                while (resultSet.next()) {
                    ids.add(resultSet.getLong("id"));
                }
            }
        } catch (SQLException exception) {
            LOG.error("Unable to list the waiting executions of robot {}", robot, exception);
            throw new CerberusException(new MessageGeneral(MessageGeneralEnum.DATA_OPERATION_ERROR));
        }
        return ids;
    }

    /** Moves the given executions to WAITING for one robot; all of them or none. */
    public void assignToRobot(List<Long> ids, String robot) throws CerberusException {
        final String query = "UPDATE testcaseexecutionqueue SET state = 'WAITING', robot = ?, dateModif = now() "
                + "WHERE id = ? AND state = 'QUEUED'";
        try (Connection connection = databaseSpring.connect()) {
            connection.setAutoCommit(false); //@{2}TX-01
2|            LOG.debug("Assigning {} executions to robot {}", ids.size(), robot);
            try (PreparedStatement preStat = connection.prepareStatement(query)) {
                for (Long id : ids) {
                    preStat.setString(1, robot);
                    preStat.setLong(2, id);
                    preStat.addBatch();
                }
                preStat.executeBatch();
                connection.commit();
01|            } catch (SQLException exception) {
01|                connection.rollback();
01|                throw exception;
01|            } finally {
01|                connection.setAutoCommit(true);
            }
        } catch (SQLException exception) {
            LOG.error("Unable to assign {} executions to robot {}", ids.size(), robot, exception);
            throw new CerberusException(new MessageGeneral(MessageGeneralEnum.DATA_OPERATION_ERROR));
        }
    }
}
''')
cases_of(case, GH + 'cerberustesting/cerberus-core/issues/983',
         'source/' + src('org.cerberus.core.crud.dao.impl', 'TestCaseExecutionQueueDAO'),
         J('org.cerberus.core.crud.dao.impl', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.ArrayList', 'java.util.List', 'org.apache.logging.log4j.LogManager',
             'org.apache.logging.log4j.Logger', 'org.cerberus.core.crud.dao.ITestCaseExecutionQueueDAO',
             'org.cerberus.core.database.DatabaseSpring', 'org.cerberus.core.engine.entity.MessageGeneral',
             'org.cerberus.core.enums.MessageGeneralEnum', 'org.cerberus.core.exception.CerberusException',
             'org.springframework.stereotype.Repository'])(CERBERUS), [
             (1, 'java-00-cerberus-queue-dao-connection-never-closed',
              'an edit takes the connection and statement of the waiting-queue query outside try-with-resources, so '
              'every poll of every robot keeps a pooled connection', 'edit'),
             (2, 'java-00-cerberus-queue-dao-failed-batch-not-rolled-back',
              'an edit no longer rolls back a failed assignment batch, so the connection goes back to the pool with '
              'half the executions moved and auto-commit off', 'edit'),
             (0, 'java-ok-00-cerberus-queue-dao-connection-closed-batch-rolled-back',
              'clean: connection and statement in try-with-resources, a failed batch rolled back', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-04: a data platform's cluster lock (stroom)
STROOM = template('stroom-cluster-lock', r'''
/**
 * Cluster-wide locks held as rows of the cluster_lock table: a lock is taken with SELECT ... FOR UPDATE inside a
 * transaction and released when the transaction ends.
 */
@Singleton
class DbClusterLock implements ClusterLockService {
    private static final Logger LOGGER = LoggerFactory.getLogger(DbClusterLock.class);
    private static final ThreadLocal<String> HELD_LOCK = new ThreadLocal<>();

    private final ClusterLockDbConnProvider connProvider;

    @Inject
    DbClusterLock(final ClusterLockDbConnProvider connProvider) {
        this.connProvider = connProvider;
    }

    @Override
    public void lock(final String lockName, final Runnable runnable) {
        if (lockName.equals(HELD_LOCK.get())) {
            // re-entrant: this thread holds the lock already
            runnable.run();
            return;
        }
        HELD_LOCK.set(lockName); //@{2}CONC-04
01|        try {
            JooqUtil.transaction(connProvider, context -> {
                ensureLockRow(context, lockName);
                context.select(CLUSTER_LOCK.NAME).from(CLUSTER_LOCK).where(CLUSTER_LOCK.NAME.eq(lockName))
                        .forUpdate().fetch();
                LOGGER.debug("Acquired cluster lock {}", lockName);
                runnable.run();
            });
01|        } finally {
01|            HELD_LOCK.remove();
01|        }
    }

    /** Counts the lock rows, for the system info page. */
    public int countLocks() {
02|        try (final Connection connection = connProvider.getConnection();
02|             final PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM cluster_lock");
02|             final ResultSet resultSet = statement.executeQuery()) {
1|        try {
1|            final Connection connection = connProvider.getConnection(); //@RES-01
1|            final PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM cluster_lock");
1|            final ResultSet resultSet = statement.executeQuery();
            return resultSet.next() ? resultSet.getInt(1) : 0;
        } catch (final SQLException e) {
            throw new RuntimeException("Unable to count the cluster locks", e);
        }
    }

    private void ensureLockRow(final DSLContext context, final String lockName) {
        context.insertInto(CLUSTER_LOCK, CLUSTER_LOCK.NAME, CLUSTER_LOCK.VERSION)
                .values(lockName, 1)
                .onDuplicateKeyIgnore()
                .execute();
    }
}
''')
cases_of(case, GH + 'gchq/stroom/issues/607',
         'stroom-cluster/stroom-cluster-lock-impl-db/' + src('stroom.cluster.lock.impl.db', 'DbClusterLock'),
         J('stroom.cluster.lock.impl.db', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'javax.inject.Inject', 'javax.inject.Singleton', 'org.jooq.DSLContext',
             'stroom.cluster.lock.api.ClusterLockService', 'stroom.db.util.JooqUtil',
             'static stroom.cluster.lock.impl.db.jooq.tables.ClusterLock.CLUSTER_LOCK'])(STROOM), [
             (1, 'java-00-stroom-moved-cluster-lock-count-connection-never-closed',
              'a PR moves the cluster lock into its own module and counts the lock rows on a connection, statement and '
              'result set it never closes', 'rename'),
             (2, 'java-00-stroom-moved-cluster-lock-held-name-left-on-thread',
              'a PR moves the cluster lock into its own module and no longer removes the held lock\'s name from the '
              'thread, so a pooled thread later skips a lock it does not hold', 'rename'),
             (0, 'java-ok-00-stroom-moved-cluster-lock-closed-count-name-removed',
              'clean: the move alone; the count query closed by try-with-resources, the held name removed in finally',
              'rename'),
         ], rename_from='stroom-cluster/stroom-cluster-lock-impl/' + src('stroom.cluster.lock.impl.db', 'DbClusterLock'))


# ---------------------------------------------------------------- TMO-01 / ERR-01: an acceptance test harness's Jenkins controller (acceptance-test-harness)
ATH = template('ath-jenkins-controller', r'''
/**
 * Starts a Jenkins war as a local process and waits until it answers.
 */
public class WinstoneController extends LocalController {
    private static final Logger LOGGER = Logger.getLogger(WinstoneController.class.getName());
    private static final Pattern VERSION = Pattern.compile("Jenkins ver\\. ([0-9.]+)");

    private final int httpPort;
    private final Duration startTimeout;

    public WinstoneController(Injector injector, int httpPort, Duration startTimeout) {
        super(injector);
        this.httpPort = httpPort;
        this.startTimeout = startTimeout;
    }

    /** Polls the login page until Jenkins answers 200 or the start timeout passes. */
    public void waitForUp() throws IOException, InterruptedException {
        URL url = new URL("http://127.0.0.1:" + httpPort + "/login");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(5_000);
02|            connection.setReadTimeout(10_000);
            try {
                if (connection.getResponseCode() == HttpURLConnection.HTTP_OK) {
                    return;
                }
            } catch (IOException notYet) {
                // Jenkins is still starting: try again below
            } finally {
                connection.disconnect();
            }
            Thread.sleep(500);
        }
        throw new IOException("Jenkins did not answer on port " + httpPort + " within " + startTimeout);
    }

    /** The version Jenkins prints in its log when it has started, or null when the log does not have it. */
    public String readVersion() {
        try {
            String log = new String(Files.readAllBytes(getLogFile().toPath()), StandardCharsets.UTF_8);
            Matcher matcher = VERSION.matcher(log);
            return matcher.find() ? matcher.group(1) : null;
01|        } catch (IOException e) {
01|            LOGGER.log(Level.WARNING, "Unable to read the Jenkins log " + getLogFile(), e);
01|            return null;
01|        }
2|        } catch (IOException e) { //@ERR-01
2|            return null;
2|        }
    }
}
''')
cases_of(case, GH + 'jenkinsci/acceptance-test-harness/pull/372',
         src('org.jenkinsci.test.acceptance.controller', 'WinstoneController'),
         J('org.jenkinsci.test.acceptance.controller', [
             'com.google.inject.Injector', 'java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.time.Duration',
             'java.util.logging.Level', 'java.util.logging.Logger', 'java.util.regex.Matcher',
             'java.util.regex.Pattern'])(ATH), [
             (1, 'java-00-ath-jenkins-controller-poll-without-timeouts',
              'an edit polls the starting Jenkins with connections that set no connect or read timeout, so a Jenkins '
              'that accepts but never answers hangs the whole test run past its start timeout', 'edit'),
             (2, 'java-00-ath-jenkins-controller-log-read-failure-swallowed',
              'an edit drops the warning when the Jenkins log cannot be read, so the version silently reads as unknown',
              'edit'),
             (0, 'java-ok-00-ath-jenkins-controller-timeouts-log-failure-warned',
              'clean: every poll with connect and read timeouts, an unreadable log warned about', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: a hunger-games plugin's game saver (MyHungerGames)
HUNGER = template('hungergames-game-saver', r'''
/**
 * Saves the running games to games.yml every few minutes and once more when the plugin is disabled.
 */
public class GameSaver {
    private static final long SAVE_PERIOD_MS = TimeUnit.MINUTES.toMillis(5);

    private final HungerGames plugin;
    private final Timer timer = new Timer("HungerGames-saver", true);

    public GameSaver(HungerGames plugin) {
        this.plugin = plugin;
    }

    public void start() {
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
02|                try {
                    saveAll(); //@{1}CONC-07
02|                } catch (RuntimeException e) {
02|                    plugin.getLogger().log(Level.SEVERE, "Could not save the games; trying again next period", e);
02|                }
            }
        }, SAVE_PERIOD_MS, SAVE_PERIOD_MS);
    }

    /** Stops the periodic save and writes the games one last time off the server thread. */
    public void stop() {
        timer.cancel();
        Thread finalSave = new Thread(this::saveAll, "HungerGames-final-save"); //@{2}CONC-01
01|        finalSave.setUncaughtExceptionHandler((thread, e) ->
01|                plugin.getLogger().log(Level.SEVERE, "The final save of the games failed", e));
        finalSave.start();
    }

    synchronized void saveAll() {
        YamlConfiguration config = new YamlConfiguration();
        for (HungerGame game : plugin.getGameManager().getGames()) {
            ConfigurationSection section = config.createSection(game.getName());
            game.saveTo(section);
        }
        try {
            config.save(new File(plugin.getDataFolder(), "games.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write games.yml", e);
        }
    }
}
''')
cases_of(case, GH + 'kitskub/MyHungerGames/issues/37',
         src('com.randude14.hungergames.games', 'GameSaver'),
         J('com.randude14.hungergames.games', [
             'com.randude14.hungergames.HungerGames', 'java.io.File', 'java.io.IOException',
             'java.io.UncheckedIOException', 'java.util.Timer', 'java.util.TimerTask', 'java.util.concurrent.TimeUnit',
             'java.util.logging.Level', 'org.bukkit.configuration.ConfigurationSection',
             'org.bukkit.configuration.file.YamlConfiguration'])(HUNGER), [
             (1, 'java-00-hungergames-saver-timer-task-unguarded',
              'an edit drops the catch around the periodic save, so the first game that cannot be written cancels the '
              'saver\'s Timer and no game is saved again until a restart', 'edit'),
             (2, 'java-00-hungergames-saver-final-save-thread-without-handler',
              'an edit runs the final save on a thread without an uncaught-exception handler, so a failed last save '
              'goes only to stderr', 'edit'),
             (0, 'java-ok-00-hungergames-saver-guarded-timer-handled-final-save',
              'clean: the periodic save inside a catch of runtime failures, the final save thread with a handler',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: a producer-consumer pipeline (java-concurrency-patterns)
PIPELINE = template('concurrency-patterns-pipeline', r'''
/**
 * A producer and a pool of consumers joined by a queue: the producer reads lines, the consumers parse and store them.
 * Stopping the pipeline interrupts the consumers, which must leave their loop when they see the interrupt.
 */
public class LinePipeline implements AutoCloseable {
    private static final int QUEUE_CAPACITY = 10_000;

    private final BlockingQueue<String> queue;
    private final ExecutorService consumers;
    private final LineStore store;
    private final AtomicLong stored = new AtomicLong();

    public LinePipeline(LineStore store, int consumerCount) {
        this.store = store;
01|        this.queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
2|        this.queue = new LinkedBlockingQueue<>(); //@CONC-02
        this.consumers = Executors.newFixedThreadPool(consumerCount);
        for (int i = 0; i < consumerCount; i++) {
            consumers.execute(this::consume);
        }
    }

    /** Hands a line to the consumers; blocks while the queue is full. */
    public void offer(String line) throws InterruptedException {
        queue.put(line);
    }

    private void consume() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String line = queue.take();
                store.save(Line.parse(line));
                stored.incrementAndGet();
02|            } catch (InterruptedException e) {
02|                Thread.currentThread().interrupt();
02|                return;
1|            } catch (InterruptedException e) { //@CONC-05
1|                e.printStackTrace();
            } catch (RuntimeException e) {
                store.reject(e);
            }
        }
    }

    public long storedCount() {
        return stored.get();
    }

    @Override
    public void close() throws InterruptedException {
        consumers.shutdownNow();
        if (!consumers.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("consumers did not stop within 30 s");
        }
    }
}
''')
cases_of(case, GH + 'LeonardoZ/java-concurrency-patterns/issues/4',
         src('br.com.leonardoz.patterns.pipeline', 'LinePipeline'),
         J('br.com.leonardoz.patterns.pipeline', [
             'java.util.concurrent.BlockingQueue', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.LinkedBlockingQueue',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'])(PIPELINE), [
             (1, 'java-00-concurrency-patterns-new-pipeline-consumer-swallows-interrupt',
              'a new pipeline whose consumers print an interrupt and go back to the queue, so closing the pipeline '
              'never stops them', 'new'),
             (2, 'java-00-concurrency-patterns-new-pipeline-unbounded-queue',
              'a new pipeline whose producer puts lines on an unbounded queue, so a slow store lets the backlog grow '
              'until the heap is gone', 'new'),
             (0, 'java-ok-00-concurrency-patterns-new-pipeline-bounded-interrupt-restored',
              'clean: a new pipeline with a bounded queue whose consumers restore the interrupt and leave', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-05: a CDC service's Kafka lag monitor (eventuate-tram-core)
EVENTUATE = template('eventuate-lag-monitor', r'''
/**
 * Publishes the lag of the CDC's consumer group every few seconds, so the readiness check can see a stuck reader.
 */
public class KafkaLagMonitor implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(KafkaLagMonitor.class);

    private final String groupId;
    private final Properties adminProperties;
    private final long pollIntervalMs;
    private final AtomicLong lastLag = new AtomicLong(-1);
    private final AdminClient adminClient;
    private volatile boolean running = true;

    public KafkaLagMonitor(String bootstrapServers, String groupId, long pollIntervalMs) {
        this.groupId = groupId;
        this.pollIntervalMs = pollIntervalMs;
        this.adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.adminClient = AdminClient.create(adminProperties);
    }

    @Override
    public void run() {
        while (running) {
            try {
                lastLag.set(measureLag());
            } catch (ExecutionException | TimeoutException e) {
                logger.warn("Could not measure the lag of group {}", groupId, e);
            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
2|                logger.info("Lag monitor of group {} interrupted, going on", groupId); //@CONC-05
            }
            try {
                Thread.sleep(pollIntervalMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long measureLag() throws InterruptedException, ExecutionException, TimeoutException {
02|        Map<TopicPartition, OffsetAndMetadata> committed = adminClient.listConsumerGroupOffsets(groupId)
02|                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
02|        return sumLag(adminClient, committed);
1|        try (AdminClient client = AdminClient.create(adminProperties)) { //@RES-04
1|            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
1|                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
1|            return sumLag(client, committed);
1|        }
    }

    private static long sumLag(AdminClient client, Map<TopicPartition, OffsetAndMetadata> committed)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                client.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
        }
        return lag;
    }

    public long getLastLag() {
        return lastLag.get();
    }

    public void stop() {
        running = false;
        adminClient.close();
    }
}
''')
cases_of(case, GH + 'eventuate-tram/eventuate-tram-core/issues/66',
         'eventuate-tram-cdc-connector-kafka/' + src('io.eventuate.tram.cdc.kafka', 'KafkaLagMonitor'),
         J('io.eventuate.tram.cdc.kafka', SLF4J + [
             'java.util.HashMap', 'java.util.Map', 'java.util.Properties', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException',
             'java.util.concurrent.atomic.AtomicLong', 'org.apache.kafka.clients.admin.AdminClient',
             'org.apache.kafka.clients.admin.AdminClientConfig', 'org.apache.kafka.clients.admin.ListOffsetsResult',
             'org.apache.kafka.clients.admin.OffsetSpec', 'org.apache.kafka.clients.consumer.OffsetAndMetadata',
             'org.apache.kafka.common.TopicPartition'])(EVENTUATE), [
             (1, 'java-00-eventuate-lag-monitor-admin-client-per-measure',
              'an edit creates and closes a Kafka admin client, with its own connections and metadata fetch, for '
              'every lag measurement every few seconds instead of the monitor\'s one client', 'edit'),
             (2, 'java-00-eventuate-lag-monitor-interrupt-swallowed',
              'an edit logs an interrupt of the lag measurement and goes on polling, so stopping the CDC never ends '
              'the monitor thread', 'edit'),
             (0, 'java-ok-00-eventuate-lag-monitor-shared-admin-interrupt-restored',
              'clean: one admin client for every measurement, an interrupt restored and the loop left', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-06: a Kafka protocol handler's offset requests (kop)
KOP = template('kop-list-offsets', r'''
@Slf4j
public class ListOffsetsHandler {
    private final KafkaTopicManager topicManager;
    private final String namespacePrefix;

    public ListOffsetsHandler(KafkaTopicManager topicManager, String namespacePrefix) {
        this.topicManager = topicManager;
        this.namespacePrefix = namespacePrefix;
    }

    /**
     * Answers a ListOffsets request of version 0: for each partition the earliest or latest offset. The response
     * future completes when every partition has its answer.
     */
    public CompletableFuture<ListOffsetResponse> handleListOffsetRequestV0(ListOffsetRequest request) {
        Map<TopicPartition, ListOffsetResponse.PartitionData> answers = new ConcurrentHashMap<>();
        CompletableFuture<ListOffsetResponse> responseFuture = new CompletableFuture<>();
        Map<TopicPartition, Long> timestamps = request.partitionTimestamps();
1|        log.info("handleListOffsetRequestV0 for {} partitions: {}", timestamps.size(), timestamps); //@LOG-01
        if (timestamps.isEmpty()) {
            responseFuture.complete(new ListOffsetResponse(answers));
            return responseFuture;
        }
        for (Map.Entry<TopicPartition, Long> entry : timestamps.entrySet()) {
            TopicPartition partition = entry.getKey();
            String topicName = KopTopic.toString(partition, namespacePrefix);
01|            topicManager.getTopic(topicName).whenComplete((topic, error) -> {
01|                if (error != null || topic == null) {
01|                    answers.put(partition, new ListOffsetResponse.PartitionData(Errors.UNKNOWN_TOPIC_OR_PARTITION,
01|                            Collections.emptyList()));
01|                } else {
01|                    answers.put(partition, offsetOf(topic, entry.getValue()));
01|                }
2|            topicManager.getTopic(topicName).thenAccept(topic -> { //@CONC-06
2|                answers.put(partition, offsetOf(topic, entry.getValue()));
                if (answers.size() == timestamps.size()) {
                    responseFuture.complete(new ListOffsetResponse(answers));
                }
            });
        }
        return responseFuture;
    }

    private ListOffsetResponse.PartitionData offsetOf(PersistentTopic topic, long timestamp) {
        ManagedLedgerImpl ledger = (ManagedLedgerImpl) topic.getManagedLedger();
        long offset = timestamp == ListOffsetRequest.EARLIEST_TIMESTAMP
                ? MessageIdUtils.getLogStartOffset(ledger)
                : MessageIdUtils.getLogEndOffset(ledger);
        return new ListOffsetResponse.PartitionData(Errors.NONE, Collections.singletonList(offset));
    }
}
''')
cases_of(case, GH + 'streamnative/kop/issues/258',
         'kafka-impl/' + src('io.streamnative.pulsar.handlers.kop', 'ListOffsetsHandler'),
         J('io.streamnative.pulsar.handlers.kop', [
             'io.streamnative.pulsar.handlers.kop.utils.KopTopic',
             'io.streamnative.pulsar.handlers.kop.utils.MessageIdUtils', 'java.util.Collections', 'java.util.Map',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentHashMap', 'lombok.extern.slf4j.Slf4j',
             'org.apache.bookkeeper.mledger.impl.ManagedLedgerImpl', 'org.apache.kafka.common.TopicPartition',
             'org.apache.kafka.common.protocol.Errors', 'org.apache.kafka.common.requests.ListOffsetRequest',
             'org.apache.kafka.common.requests.ListOffsetResponse',
             'org.apache.pulsar.broker.service.persistent.PersistentTopic'])(KOP), [
             (1, 'java-00-kop-list-offsets-info-line-per-request',
              'an edit logs every ListOffsets request with all its partitions at info level, on the path each Kafka '
              'consumer\'s offset lookup takes', 'edit'),
             (2, 'java-00-kop-list-offsets-topic-failure-never-answered',
              'an edit answers a partition only when its topic lookup succeeds, so a failed lookup leaves the response '
              'future incomplete and the client waiting', 'edit'),
             (0, 'java-ok-00-kop-list-offsets-quiet-every-partition-answered',
              'clean: no line per request, every partition answered, with an error when its topic lookup fails', 'fix'),
         ])
