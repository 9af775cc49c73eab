"""Round-26 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 25)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-04 / RES-02: API connector on OkHttp (github-api)
GITHUBAPI = r'''
/** Sends the API requests of a {@link GitHub} instance through OkHttp. */
public class OkHttpGitHubConnector implements GitHubConnector {
    private final OkHttpClient client;
    private final Cache cache;

    public OkHttpGitHubConnector(OkHttpClient client, Cache cache) {
        this.client = client;
        this.cache = cache;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Request okRequest = toOkHttpRequest(request);
02|        Response response = client.newCall(okRequest).execute(); //@{2}RES-02
1|        OkHttpClient perRequest = new OkHttpClient.Builder().cache(cache) //@RES-04
1|                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
1|        Response response = perRequest.newCall(okRequest).execute();
        if (response.code() >= 400) {
01|            try (ResponseBody body = response.body()) {
01|                throw new HttpException(response.code(), body == null ? "" : body.string(), request.url());
01|            }
2|            throw new HttpException(response.code(), response.message(), request.url());
        }
        // The caller reads the body and closes the response.
        return new OkHttpGitHubConnectorResponse(request, response);
    }
}
'''
cases_of(case, GH + 'hub4j/github-api/issues/997', src('org.kohsuke.github.extras.okhttp3', 'OkHttpGitHubConnector'),
         J('org.kohsuke.github.extras.okhttp3', ['java.io.IOException', 'java.time.Duration', 'okhttp3.Cache',
                                                 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response',
                                                 'okhttp3.ResponseBody', 'org.kohsuke.github.HttpException',
                                                 'org.kohsuke.github.connector.GitHubConnector',
                                                 'org.kohsuke.github.connector.GitHubConnectorRequest',
                                                 'org.kohsuke.github.connector.GitHubConnectorResponse'])(GITHUBAPI), [
             (1, 'java-00-github-api-okhttp-client-per-request',
              'an edit builds a new OkHttp client with its own pool for every API request', 'edit'),
             (2, 'java-00-github-api-error-response-never-closed',
              'an edit throws on an error status without closing the response, leaking its connection', 'edit'),
             (0, 'java-ok-00-github-api-shared-client-error-body-closed',
              'clean: the shared client, an error response closed before the exception', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: topic dispatcher (damibus)
DAMIBUS = r'''
/** Delivers a payload to every listener of its topic, tagging their log lines with the payload id. */
public class TopicDispatcherDefault<C, R> implements TopicDispatcher<C, R> {
    private static final Logger log = LoggerFactory.getLogger(TopicDispatcherDefault.class);

    @Override
    public void dispatch(Payload<C, R> payload, TopicRouter<C, R> router) throws Throwable {
        MDC.put("dami-plid", payload.getPlid()); //@{1}CONC-04
02|        try {
02|            List<TopicListenerHolder<C, R>> targets = router.matching(payload.getTopic());
0|            log.debug("Dispatch topic {} to {} listeners", payload.getTopic(), targets.size());
2|            log.debug("Dispatch topic " + payload.getTopic() + " to " + targets.size() + " listeners"); //@LOG-02
02|            for (TopicListenerHolder<C, R> holder : targets) {
02|                holder.getListener().onEvent(payload);
02|            }
02|        } finally {
02|            MDC.remove("dami-plid");
02|        }
1|        List<TopicListenerHolder<C, R>> targets = router.matching(payload.getTopic());
1|        log.debug("Dispatch topic {} to {} listeners", payload.getTopic(), targets.size());
1|        for (TopicListenerHolder<C, R> holder : targets) {
1|            holder.getListener().onEvent(payload);
1|        }
    }
}
'''
cases_of(case, GH + 'noear/damibus/issues/1', src('org.noear.dami.bus.impl', 'TopicDispatcherDefault'),
         J('org.noear.dami.bus.impl', ['java.util.List', 'org.noear.dami.bus.Payload',
                                       'org.noear.dami.bus.TopicDispatcher', 'org.noear.dami.bus.TopicListenerHolder',
                                       'org.noear.dami.bus.TopicRouter', 'org.slf4j.MDC'] + SLF4J)(DAMIBUS), [
             (1, 'java-00-damibus-payload-id-left-in-mdc',
              'an edit puts the payload id into the MDC and never removes it, so pooled threads carry it on', 'edit'),
             (2, 'java-00-damibus-dispatch-debug-line-concatenated',
              'an edit builds the per-dispatch debug line by concatenation, paid even with debug off', 'edit'),
             (0, 'java-ok-00-damibus-mdc-removed-in-finally',
              'clean: payload id removed in finally, debug line with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: rate-limited requests (Discord4J), new file
DISCORD4J = r'''
/** Runs API requests in the background and retries them while Discord rate-limits the bot. */
public final class RequestBuffer {
    private static final Logger LOGGER = LoggerFactory.getLogger(RequestBuffer.class);
01|    private static final ExecutorService RETRIES = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS,
01|            new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private static final ExecutorService RETRIES = Executors.newCachedThreadPool(); //@CONC-02

    private RequestBuffer() {
    }

    public static <T> Future<T> request(IRequest<T> request) {
        return RETRIES.submit(() -> {
            while (true) {
                try {
                    return request.request();
                } catch (RateLimitException e) {
                    try {
                        Thread.sleep(e.getRetryDelay());
02|                    } catch (InterruptedException ie) {
02|                        Thread.currentThread().interrupt();
02|                        throw new DiscordException("Request interrupted while rate-limited", ie);
1|                    } catch (InterruptedException ie) { //@CONC-05
1|                        LOGGER.debug("Rate-limit wait interrupted, retrying", ie);
                    }
                }
            }
        });
    }
}
'''
DISCORD4J_POM = pom('discord4j-bot', ['com.discord4j:discord4j-core:2.10.1', 'org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'Discord4J/Discord4J/issues/291', src('sx.blah.discord.util', 'RequestBuffer'),
         J('sx.blah.discord.util', ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                                    'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                                    'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'] + SLF4J)(DISCORD4J), [
             (1, 'java-00-discord4j-new-buffer-retry-swallows-interrupt',
              'a new request buffer logs an interrupted rate-limit wait and retries, so shutdown never stops it',
              'new', [f('pom.xml', new=DISCORD4J_POM)]),
             (2, 'java-00-discord4j-retry-pool-unbounded',
              'an edit swaps the bounded retry pool for a cached one, one more thread for every waiting request',
              'edit'),
             (0, 'java-ok-00-discord4j-bounded-pool-interrupt-restored',
              'clean: bounded pool with caller-runs back-pressure, an interrupt restored and the request ended', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: lobby Discord bot (tribaltrouble)
TRIBAL = r'''
/** Announces lobby games on Discord and remembers which Discord user linked which player. */
public final class DiscordBot {
    private static final Logger LOG = Logger.getLogger(DiscordBot.class.getName());
    private static final ThreadFactory BOT_THREADS = new ThreadFactoryBuilder().setNameFormat("discord-bot-%d")
            .setDaemon(true)
            .setUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "Discord bot thread " + t.getName() + " died", e))
            .build();

01|    private final Map<Long, String> linkedPlayers = new ConcurrentHashMap<>();
2|    private final Map<Long, String> linkedPlayers = new HashMap<>(); //@CONC-03
    private final BlockingQueue<GameEvent> events = new LinkedBlockingQueue<>(500);

    public void start() {
02|        Thread t = BOT_THREADS.newThread(this::announceLoop);
1|        Thread t = new Thread(this::announceLoop, "discord-bot"); //@CONC-01
        t.start();
    }

    /** Called on the JDA event threads when a user links a player name. */
    void onLink(long discordUserId, String player) {
        linkedPlayers.put(discordUserId, player);
    }

    private void announceLoop() {
        try {
            while (true) {
                GameEvent e = events.take();
                channel.sendMessage(e.describe(linkedPlayers)).queue();
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
'''
TRIBAL = TRIBAL.replace('    private final BlockingQueue', '    private final TextChannel channel;\n    private final BlockingQueue')
cases_of(case, GH + 'Tribal-Trouble/tribaltrouble/pull/90', src('com.oddlabs.tt.discord', 'DiscordBot'),
         J('com.oddlabs.tt.discord', ['com.google.common.util.concurrent.ThreadFactoryBuilder', 'java.util.HashMap',
                                      'java.util.Map', 'java.util.concurrent.BlockingQueue',
                                      'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.LinkedBlockingQueue',
                                      'java.util.concurrent.ThreadFactory', 'java.util.logging.Level',
                                      'java.util.logging.Logger', 'net.dv8tion.jda.api.entities.channel.concrete.TextChannel'])(TRIBAL), [
             (1, 'java-00-tribaltrouble-bot-on-plain-thread',
              'an edit starts the announcer on a plain thread, so an exception ends it without a word', 'edit'),
             (2, 'java-00-tribaltrouble-linked-players-plain-hash-map',
              'an edit keeps the linked players in a HashMap written by JDA threads and read by the announcer', 'edit'),
             (0, 'java-ok-00-tribaltrouble-guarded-thread-concurrent-map',
              'clean: thread from a factory that logs uncaught failures, a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: quest progression save (ODailyQuests)
ODQ = r'''
/** Saves the quest progression of a player into the SQL database. */
public class SaveProgressionSQL {
    private static final String UPDATE_PROGRESSION =
            "REPLACE INTO odq_progression (player_uuid, quest_index, advancement, achieved) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Logger logger;

    public SaveProgressionSQL(DataSource dataSource, Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    public void saveDatas(UUID player, List<Progression> progressions) {
02|        try (Connection connection = dataSource.getConnection()) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
0|            connection.setAutoCommit(false);
1|            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(UPDATE_PROGRESSION)) {
                ps.setQueryTimeout(10);
                bindAll(ps, player, progressions);
2|                connection.setAutoCommit(false); //@TX-01
                ps.executeBatch();
                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
            }
1|            connection.close();
        } catch (SQLException e) {
            logger.log(Level.SEVERE, "Could not save the quest progression of " + player, e);
        }
    }
}
'''
cases_of(case, GH + 'Ordwen/ODailyQuests/issues/75', src('com.ordwen.odailyquests.externs.sql', 'SaveProgressionSQL'),
         J('com.ordwen.odailyquests.externs.sql', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                   'java.sql.SQLException', 'java.util.List', 'java.util.UUID',
                                                   'java.util.logging.Level', 'java.util.logging.Logger',
                                                   'javax.sql.DataSource'])(ODQ), [
             (1, 'java-00-odailyquests-pooled-connection-closed-on-success-only',
              'an edit takes the connection out of try-with-resources and closes it after the batch, so any failure '
              'leaks a pooled connection', 'edit'),
             (2, 'java-00-odailyquests-batch-transaction-not-rolled-back',
              'an edit opens the transaction just before the batch and drops the rollback, so a failed batch leaves '
              'it open on the pooled connection', 'edit'),
             (0, 'java-ok-00-odailyquests-connection-in-try-rollback-rethrow',
              'clean: connection in try-with-resources, rollback and rethrow', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-01: economy SQL manager (EconomyLite)
ECONOMY = r'''
/** Reads and writes balances in the economy's SQL database. */
public class SqlManager {
    private static final String SELECT_BALANCE = "SELECT balance FROM balances WHERE uuid = ? AND currency = ?";

    private final HikariConfig config;
0|    private final HikariDataSource dataSource;
2|    private final HikariDataSource dataSource;

    public SqlManager(HikariConfig config) {
        this.config = config;
02|        this.dataSource = new HikariDataSource(config);
    }

    private Connection connection() throws SQLException {
02|        return dataSource.getConnection();
1|        return new HikariDataSource(config).getConnection(); //@RES-04
    }

    public Optional<BigDecimal> balance(UUID uuid, String currency) throws SQLException {
        try (Connection c = connection();
01|             PreparedStatement ps = c.prepareStatement(SELECT_BALANCE)) {
2|             ) {
2|            PreparedStatement ps = c.prepareStatement(SELECT_BALANCE); //@RES-01
            ps.setQueryTimeout(5);
            ps.setString(1, uuid.toString());
            ps.setString(2, currency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        }
    }
}
'''
ECONOMY = ECONOMY.replace('''0|    private final HikariDataSource dataSource;
2|    private final HikariDataSource dataSource;''', '''02|    private final HikariDataSource dataSource;''').replace('''        try (Connection c = connection();
01|             PreparedStatement ps = c.prepareStatement(SELECT_BALANCE)) {
2|             ) {
2|            PreparedStatement ps''', '''01|        try (Connection c = connection();
01|             PreparedStatement ps = c.prepareStatement(SELECT_BALANCE)) {
2|        try (Connection c = connection()) {
2|            PreparedStatement ps''')
cases_of(case, GH + 'Flibio/EconomyLite/issues/90', src('io.github.flibio.economylite.impl.storage', 'SqlManager'),
         J('io.github.flibio.economylite.impl.storage', ['com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource',
                                                        'java.math.BigDecimal', 'java.sql.Connection',
                                                        'java.sql.PreparedStatement', 'java.sql.ResultSet',
                                                        'java.sql.SQLException', 'java.util.Optional', 'java.util.UUID'])(ECONOMY), [
             (1, 'java-00-economylite-pool-per-connection',
              'an edit builds a new Hikari pool for every connection the manager hands out', 'edit'),
             (2, 'java-00-economylite-balance-statement-never-closed',
              'an edit moves the statement out of try-with-resources, so every balance lookup leaks it', 'edit'),
             (0, 'java-ok-00-economylite-one-pool-statement-in-try',
              'clean: one pool built in the constructor, statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: ban lookups (BanManager)
BANMANAGER = r'''
/** Looks up and records player bans in the ban database. */
public class PlayerBanStorage {
    private static final String SELECT_BAN = "SELECT 1 FROM bm_player_bans WHERE player_id = ?";

    private final DataSource dataSource;

    public PlayerBanStorage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isBanned(UUID uuid) {
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement ps = connection.prepareStatement(SELECT_BAN)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement ps = connection.prepareStatement(SELECT_BAN);
            ps.setQueryTimeout(5);
            ps.setBytes(1, UUIDUtils.toBytes(uuid));
            try (ResultSet rs = ps.executeQuery()) {
1|                boolean banned = rs.next();
1|                connection.close();
1|                return banned;
02|                return rs.next();
            }
        } catch (SQLException e) { //@{2}ERR-01
01|            throw new StorageException("Could not look up the ban of " + uuid, e);
2|            return false;
        }
    }
}
'''
cases_of(case, GH + 'BanManagement/BanManager/issues/776', src('me.confuser.banmanager.common.storage', 'PlayerBanStorage'),
         J('me.confuser.banmanager.common.storage', ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                     'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.UUID',
                                                     'javax.sql.DataSource', 'me.confuser.banmanager.common.util.UUIDUtils'])(BANMANAGER), [
             (1, 'java-00-banmanager-connection-closed-on-found-path-only',
              'an edit closes the connection by hand after the lookup, so a failed query leaks it', 'edit'),
             (2, 'java-00-banmanager-lookup-failure-reads-not-banned',
              'an edit turns a failed lookup into "not banned", so a database outage lets banned players in', 'edit'),
             (0, 'java-ok-00-banmanager-connection-in-try-failure-propagates',
              'clean: connection and statement in try-with-resources, a failed lookup propagates', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: item data saves (ItemJoin)
ITEMJOIN = r'''
/** Saves first-join item records asynchronously. */
public class SQLite {
    private static final String INSERT_FIRST_JOIN = "INSERT INTO ij_first_join (world_name, player_uuid, item_name) VALUES (?, ?, ?)";

    private final Plugin plugin;
    private final HikariConfig config;
02|    private final HikariDataSource pool;

    public SQLite(Plugin plugin, HikariConfig config) {
        this.plugin = plugin;
        this.config = config;
02|        this.pool = new HikariDataSource(config);
    }

    public void saveFirstJoin(String world, UUID player, String item) {
        Bukkit.getScheduler().runTaskAsynchronously(plugin, () -> {
1|            HikariDataSource pool = new HikariDataSource(config); //@RES-04
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_FIRST_JOIN)) {
                ps.setString(1, world);
                ps.setString(2, player.toString());
                ps.setString(3, item);
01|                ps.setQueryTimeout(10);
                ps.executeUpdate(); //@{2}TMO-01
            } catch (SQLException e) {
                plugin.getLogger().log(Level.WARNING, "Could not save the first-join item " + item, e);
            }
        });
    }
}
'''
cases_of(case, GH + 'RockinChaos/ItemJoin/issues/369', src('me.RockinChaos.itemjoin.utils.sql', 'SQLite'),
         J('me.RockinChaos.itemjoin.utils.sql', ['com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource',
                                                 'java.sql.Connection', 'java.sql.PreparedStatement',
                                                 'java.sql.SQLException', 'java.util.UUID', 'java.util.logging.Level',
                                                 'org.bukkit.Bukkit', 'org.bukkit.plugin.Plugin'])(ITEMJOIN), [
             (1, 'java-00-itemjoin-hikari-pool-per-save',
              'an edit starts a new Hikari pool for every asynchronous save and never closes it', 'edit'),
             (2, 'java-00-itemjoin-insert-without-query-timeout',
              'an edit drops the query timeout, so a locked database holds a scheduler thread without a bound', 'edit'),
             (0, 'java-ok-00-itemjoin-shared-pool-bounded-insert',
              'clean: one pool for the plugin, the insert with a query timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-02: database writer (advanced-achievements)
ACHIEVEMENTS = r'''
/** Writes achievement statistics to the database off the server thread. */
public class DatabaseWriter {
    private static final Logger LOGGER = Logger.getLogger(DatabaseWriter.class.getName());
    private static final String UPDATE_CONNECTIONS =
            "REPLACE INTO achievements_connections (playername, connections, date) VALUES (?, ?, ?)";

    private final DataSource pool;
01|    private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
01|            new ArrayBlockingQueue<>(500), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private final ExecutorService writer = Executors.newCachedThreadPool(); //@CONC-02

    public DatabaseWriter(DataSource pool) {
        this.pool = pool;
    }

    public void updateConnections(UUID player, int connections, String date) {
02|        LOGGER.log(Level.FINE, "Updating connections of {0} to {1}", new Object[] {player, connections});
1|        LOGGER.fine("Updating connections of " + player + " to " + connections + " on " + date); //@LOG-02
        writer.execute(() -> {
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE_CONNECTIONS)) {
                ps.setQueryTimeout(10);
                ps.setString(1, player.toString());
                ps.setInt(2, connections);
                ps.setString(3, date);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOGGER.log(Level.SEVERE, "Database write error while updating connection date and count", e);
            }
        });
    }
}
'''
cases_of(case, GH + 'PyvesB/advanced-achievements/pull/700', src('com.hm.achievement.db', 'DatabaseWriter'),
         J('com.hm.achievement.db', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException',
                                     'java.util.UUID', 'java.util.concurrent.ArrayBlockingQueue',
                                     'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                     'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                                     'java.util.logging.Level', 'java.util.logging.Logger', 'javax.sql.DataSource'])(ACHIEVEMENTS), [
             (1, 'java-00-advanced-achievements-connection-update-logged-by-concatenation',
              'an edit logs every connection update with a concatenated message, built even with FINE off', 'edit'),
             (2, 'java-00-advanced-achievements-writer-pool-unbounded',
              'an edit swaps the single bounded writer for a cached pool, one thread per queued write', 'edit'),
             (0, 'java-ok-00-advanced-achievements-bounded-writer-parameterised-line',
              'clean: one writer thread with a bounded queue and caller-runs, a parameterised FINE line', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-04: async job executor (Activiti), renamed
ACTIVITI = r'''
/** Hands acquired async jobs to the executor's thread pool. */
public class DefaultAsyncJobExecutor {
    private static final Logger log = LoggerFactory.getLogger(DefaultAsyncJobExecutor.class);
    static final ThreadLocal<Job> CURRENT_JOB = new ThreadLocal<>();

    private final ExecutorService executorService;
    private final CommandExecutor commandExecutor;

    public DefaultAsyncJobExecutor(ExecutorService executorService, CommandExecutor commandExecutor) {
        this.executorService = executorService;
        this.commandExecutor = commandExecutor;
    }

    public boolean executeAsyncJob(Job job) {
02|        try {
02|            executorService.execute(new ExecuteAsyncRunnable(job));
02|            return true;
02|        } catch (RejectedExecutionException e) {
02|            log.warn("Job {} rejected by the async executor, it will be acquired again", job.getId());
02|            return false;
02|        }
1|        executorService.submit(new ExecuteAsyncRunnable(job)); //@CONC-06
1|        return true;
    }

    final class ExecuteAsyncRunnable implements Runnable {
        private final Job job;

        ExecuteAsyncRunnable(Job job) {
            this.job = job;
        }

        @Override
        public void run() {
            CURRENT_JOB.set(job); //@{2}CONC-04
01|            try {
01|                commandExecutor.execute(new ExecuteAsyncJobCmd(job.getId()));
01|            } finally {
01|                CURRENT_JOB.remove();
01|            }
2|            commandExecutor.execute(new ExecuteAsyncJobCmd(job.getId()));
        }
    }
}
'''
cases_of(case, GH + 'Activiti/Activiti/issues/1453', src('org.activiti.engine.impl.asyncexecutor', 'DefaultAsyncJobExecutor'),
         J('org.activiti.engine.impl.asyncexecutor', ['java.util.concurrent.ExecutorService',
                                                      'java.util.concurrent.RejectedExecutionException',
                                                      'org.activiti.engine.impl.cmd.ExecuteAsyncJobCmd',
                                                      'org.activiti.engine.impl.interceptor.CommandExecutor',
                                                      'org.activiti.engine.runtime.Job'] + SLF4J)(ACTIVITI), [
             (1, 'java-00-activiti-renamed-executor-job-future-dropped',
              'a PR renames the executor class and submits each job, dropping the future that holds its failure',
              'rename'),
             (2, 'java-00-activiti-renamed-executor-current-job-left-on-thread',
              'a PR renames the executor class and no longer removes the current job from the pooled thread', 'rename'),
             (0, 'java-ok-00-activiti-renamed-executor-rejection-handled-job-removed',
              'clean: the rename alone; execute with the rejection handled, current job removed in finally', 'rename'),
         ], rename_from=src('org.activiti.engine.impl.asyncexecutor', 'DefaultAsyncExecutor'),
         rename_old=lambda text: text.replace('DefaultAsyncJobExecutor', 'DefaultAsyncExecutor'))


# ---------------------------------------------------------------- RES-01 / TX-01: accounts adapter (gnucash-android)
GNUCASH = r'''
/** Reads and writes accounts in the book's SQLite database. */
public class AccountsDbAdapter {
    private final SQLiteDatabase mDb;

    public AccountsDbAdapter(SQLiteDatabase db) {
        mDb = db;
    }

    public List<String> getChildAccountUIDs(String parentUID) {
        List<String> uids = new ArrayList<>();
        Cursor cursor = mDb.query(AccountEntry.TABLE_NAME, new String[] {AccountEntry.COLUMN_UID}, //@{1}RES-01
                AccountEntry.COLUMN_PARENT_ACCOUNT_UID + " = ?", new String[] {parentUID}, null, null, null);
02|        try {
02|            while (cursor.moveToNext()) {
02|                uids.add(cursor.getString(0));
02|            }
02|        } finally {
02|            cursor.close();
02|        }
1|        while (cursor.moveToNext()) {
1|            uids.add(cursor.getString(0));
1|        }
        return uids;
    }

    public void deleteAllRecords() {
        mDb.beginTransaction(); //@{2}TX-01
01|        try {
01|            mDb.delete(SplitEntry.TABLE_NAME, null, null);
01|            mDb.delete(TransactionEntry.TABLE_NAME, null, null);
01|            mDb.delete(AccountEntry.TABLE_NAME, null, null);
01|            mDb.setTransactionSuccessful();
01|        } finally {
01|            mDb.endTransaction();
01|        }
2|        mDb.delete(SplitEntry.TABLE_NAME, null, null);
2|        mDb.delete(TransactionEntry.TABLE_NAME, null, null);
2|        mDb.delete(AccountEntry.TABLE_NAME, null, null);
2|        mDb.setTransactionSuccessful();
2|        mDb.endTransaction();
    }
}
'''
cases_of(case, GH + 'codinguser/gnucash-android/pull/160', 'app/' + src('org.gnucash.android.db', 'AccountsDbAdapter'),
         J('org.gnucash.android.db', ['android.database.Cursor', 'android.database.sqlite.SQLiteDatabase',
                                      'java.util.ArrayList', 'java.util.List',
                                      'org.gnucash.android.db.DatabaseSchema.AccountEntry',
                                      'org.gnucash.android.db.DatabaseSchema.SplitEntry',
                                      'org.gnucash.android.db.DatabaseSchema.TransactionEntry'])(GNUCASH), [
             (1, 'java-00-gnucash-android-child-accounts-cursor-never-closed',
              'an edit reads the child accounts without closing the cursor', 'edit'),
             (2, 'java-00-gnucash-android-delete-all-transaction-ended-on-success-only',
              'an edit ends the delete transaction only after every delete succeeded, so a failure leaves it open',
              'edit'),
             (0, 'java-ok-00-gnucash-android-cursor-and-transaction-in-finally',
              'clean: cursor closed and transaction ended in finally', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: IRC client application (irccloud)
IRCCLOUD = r'''
/** Application start-up and the handler of every event the IRCCloud socket delivers. */
public class IRCCloudApplicationBase extends Application {
    private static final String TAG = "IRCCloud";

    String ringtoneTitle(Uri uri) {
02|        try (Cursor c = getContentResolver().query(uri, new String[] {MediaStore.Audio.Media.TITLE}, null, null, null)) {
02|            return c != null && c.moveToFirst() ? c.getString(0) : null;
02|        }
1|        Cursor c = getContentResolver().query(uri, new String[] {MediaStore.Audio.Media.TITLE}, null, null, null); //@RES-01
1|        if (c == null) {
1|            return null;
1|        }
1|        if (c.moveToFirst()) {
1|            String title = c.getString(0);
1|            c.close();
1|            return title;
1|        }
1|        return null;
    }

    /** Called on the socket thread for every message of every buffer. */
    void onBufferMessage(int cid, int bid, long eid, String type, JsonNode event) {
2|        Log.i(TAG, "Buffer message: cid " + cid + " bid " + bid + " eid " + eid + " type " + type); //@LOG-01
        EventsList.getInstance().addEvent(cid, bid, eid, type, event);
        NotificationsList.getInstance().updateLastSeen(bid, eid);
    }
}
'''
cases_of(case, GH + 'irccloud/android/issues/147', src('com.irccloud.android', 'IRCCloudApplicationBase'),
         J('com.irccloud.android', ['android.app.Application', 'android.database.Cursor', 'android.net.Uri',
                                    'android.provider.MediaStore', 'android.util.Log',
                                    'com.fasterxml.jackson.databind.JsonNode'])(IRCCLOUD), [
             (1, 'java-00-irccloud-ringtone-cursor-closed-when-found-only',
              'an edit closes the ringtone cursor only when it has a row, so an empty answer leaks it', 'edit'),
             (2, 'java-00-irccloud-info-line-per-buffer-message',
              'an edit logs an info line for every message of every buffer on the socket thread', 'edit'),
             (0, 'java-ok-00-irccloud-cursor-in-finally-no-per-message-line',
              'clean: cursor closed in finally, no line per message', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: track directories (osmtracker), CRLF
OSMTRACKER = r'''
/** Helpers around the track database and the track directories. */
public final class DataHelper {
    private DataHelper() {
    }

    public static File getTrackDirFromDB(ContentResolver cr, long trackId) {
        Uri uri = ContentUris.withAppendedId(TrackContentProvider.CONTENT_URI_TRACK, trackId);
        Cursor c = cr.query(uri, new String[] {TrackContentProvider.Schema.COL_DIR}, null, null, null); //@{1}RES-01
02|        try {
02|            if (c == null || !c.moveToFirst() || c.isNull(0)) {
02|                return null;
02|            }
02|            return new File(c.getString(0));
02|        } finally {
02|            if (c != null) {
02|                c.close();
02|            }
02|        }
1|        if (c == null || !c.moveToFirst() || c.isNull(0)) {
1|            return null;
1|        }
1|        File dir = new File(c.getString(0));
1|        c.close();
1|        return dir;
    }

    public static File createTrackDirectory(File storageRoot, String name) {
        File dir = new File(storageRoot, name);
        try {
            Files.createDirectories(dir.toPath());
        } catch (IOException e) { //@{2}ERR-01
01|            throw new IllegalStateException("Could not create the track directory " + dir, e);
        }
        return dir;
    }
}
'''
cases_of(case, GH + 'labexp/osmtracker-android/issues/74', 'app/' + src('net.osmtracker.db', 'DataHelper'),
         J('net.osmtracker.db', ['android.content.ContentResolver', 'android.content.ContentUris', 'android.database.Cursor',
                                 'android.net.Uri', 'java.io.File', 'java.io.IOException', 'java.nio.file.Files'])(OSMTRACKER), [
             (1, 'java-00-osmtracker-track-dir-cursor-leaked-when-empty',
              'an edit closes the cursor only when the track has a directory, so an empty answer leaks it (CRLF)',
              'edit'),
             (2, 'java-00-osmtracker-track-dir-failure-swallowed',
              'an edit empties the catch around creating the track directory, so recording starts without one (CRLF)',
              'edit'),
             (0, 'java-ok-00-osmtracker-cursor-in-finally-failure-thrown',
              'clean: cursor closed in finally, a failed directory creation thrown (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / CONC-06: document store (sync-android)
CLOUDANT = r'''
/** The local document store; every database call runs on its single-threaded queue. */
public class SQLDatastore {
    private final SQLDatabaseQueue queue;

    public SQLDatastore(SQLDatabaseQueue queue) {
        this.queue = queue;
    }

    public List<String> getConflictedDocumentIds() throws ExecutionException, InterruptedException {
        return queue.submit(db -> {
            List<String> ids = new ArrayList<>();
            Cursor cursor = db.rawQuery(SQL_CONFLICTED_IDS, new String[] {}); //@{1}RES-01
02|            try {
02|                while (cursor.moveToNext()) {
02|                    ids.add(cursor.getString(0));
02|                }
02|            } finally {
02|                DatabaseUtils.closeCursorQuietly(cursor);
02|            }
1|            while (cursor.moveToNext()) {
1|                ids.add(cursor.getString(0));
1|            }
            return ids;
        }).get();
    }

01|    public Future<Void> compactAsync() {
01|        return queue.submit(new CompactCallable());
2|    public void compactAsync() {
2|        queue.submit(new CompactCallable()); //@CONC-06
    }

    private static final String SQL_CONFLICTED_IDS =
            "SELECT docs.docid FROM revs, docs WHERE revs.doc_id = docs.doc_id AND revs.current = 1 "
            + "GROUP BY docs.docid HAVING COUNT(*) > 1";
}
'''
cases_of(case, GH + 'cloudant/sync-android/pull/45', src('com.cloudant.sync.internal.documentstore', 'SQLDatastore'),
         J('com.cloudant.sync.internal.documentstore', ['com.cloudant.sync.internal.android.Cursor',
                                                        'com.cloudant.sync.internal.sqlite.SQLDatabaseQueue',
                                                        'com.cloudant.sync.internal.util.DatabaseUtils',
                                                        'java.util.ArrayList', 'java.util.List',
                                                        'java.util.concurrent.ExecutionException',
                                                        'java.util.concurrent.Future'])(CLOUDANT), [
             (1, 'java-00-sync-android-conflicts-cursor-never-closed',
              'an edit reads the conflicted ids without closing the cursor', 'edit'),
             (2, 'java-00-sync-android-compaction-future-dropped',
              'an edit makes compaction fire-and-forget, dropping the future that carries its failure', 'edit'),
             (0, 'java-ok-00-sync-android-cursor-closed-compaction-future-returned',
              'clean: cursor closed in finally, the compaction future returned to the caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: input stream download (vraptor4)
VRAPTOR = r'''
/** A download whose content is read from an input stream. */
public class InputStreamDownload implements Download {
    private final InputStream stream;
    private final String contentType;
    private final String fileName;
    private final boolean doDownload;

    public InputStreamDownload(InputStream input, String contentType, String fileName, boolean doDownload) {
        this.stream = input;
        this.contentType = contentType;
        this.fileName = fileName;
        this.doDownload = doDownload;
    }

    @Override
    public void write(HttpServletResponse response) throws IOException {
        writeDetails(response);
        OutputStream out = response.getOutputStream();
0|        try (InputStream in = stream) {
0|            ByteStreams.copy(in, out);
0|        }
1|        ByteStreams.copy(stream, out); //@RES-01
2|        try (InputStream in = stream) {
2|            ByteStreams.copy(in, out);
2|        } catch (IOException e) { //@ERR-01
2|        }
        out.flush();
    }

    private void writeDetails(HttpServletResponse response) {
        String type = doDownload ? "attachment" : "inline";
        response.setHeader("Content-type", contentType);
        response.setHeader("Content-disposition", type + "; filename=\"" + fileName + "\"");
    }
}
'''
cases_of(case, GH + 'caelum/vraptor4/issues/1070', 'vraptor-core/' + src('br.com.caelum.vraptor.observer.download', 'InputStreamDownload'),
         J('br.com.caelum.vraptor.observer.download', ['com.google.common.io.ByteStreams', 'java.io.IOException',
                                                       'java.io.InputStream', 'java.io.OutputStream',
                                                       'javax.servlet.http.HttpServletResponse'])(VRAPTOR), [
             (1, 'java-00-vraptor4-download-stream-never-closed',
              'an edit copies the stream into the response without closing it, so a served file stays open', 'edit'),
             (2, 'java-00-vraptor4-download-copy-failure-swallowed',
              'an edit empties the catch around the copy, so a broken download looks complete', 'edit'),
             (0, 'java-ok-00-vraptor4-download-stream-in-try',
              'clean: the stream in try-with-resources, a failed copy propagates', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: portal download service (gatein)
GATEIN = r'''
/** Keeps the downloads a portlet has prepared until the browser fetches them. */
public class DownloadService {
01|    private final Map<String, DownloadResource> resources = new ConcurrentHashMap<>();
2|    private final Map<String, DownloadResource> resources = new HashMap<>(); //@CONC-03
    private final int maxResources;

    public DownloadService(int maxResources) {
        this.maxResources = maxResources;
    }

    public String addDownloadResource(DownloadResource resource) {
        if (resources.size() >= maxResources) {
            resources.keySet().stream().findFirst().ifPresent(resources::remove);
        }
        String id = UUID.randomUUID().toString();
        resources.put(id, resource);
        return id;
    }

    public void serve(String id, HttpServletResponse response) throws IOException {
        DownloadResource resource = resources.remove(id);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(resource.getResourceMimeType());
02|        try (InputStream in = resource.getInputStream()) {
02|            in.transferTo(response.getOutputStream());
02|        }
1|        InputStream in = resource.getInputStream(); //@RES-01
1|        in.transferTo(response.getOutputStream());
    }
}
'''
cases_of(case, GH + 'gatein/gatein-portal/pull/344', 'component/web/server/' + src('org.exoplatform.web.application.download', 'DownloadService'),
         J('org.exoplatform.web.application.download', ['java.io.IOException', 'java.io.InputStream', 'java.util.HashMap',
                                                        'java.util.Map', 'java.util.UUID',
                                                        'java.util.concurrent.ConcurrentHashMap',
                                                        'javax.servlet.http.HttpServletResponse'])(GATEIN), [
             (1, 'java-00-gatein-download-stream-never-closed',
              'an edit serves the resource without closing its input stream', 'edit'),
             (2, 'java-00-gatein-download-map-plain-hash-map',
              'an edit keeps the pending downloads in a HashMap that request threads add to and remove from at once',
              'edit'),
             (0, 'java-ok-00-gatein-concurrent-map-stream-in-try',
              'clean: ConcurrentHashMap, the stream in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: uploaded files (primefaces)
PRIMEFACES = r'''
/** Helpers for the files a FileUpload component received. */
public final class FileUploadUtils {
    private static final Logger LOGGER = Logger.getLogger(FileUploadUtils.class.getName());

    private FileUploadUtils() {
    }

    public static byte[] getContents(UploadedFile file) throws IOException {
02|        try (InputStream in = file.getInputStream()) {
02|            return in.readAllBytes();
02|        }
1|        InputStream in = file.getInputStream(); //@RES-01
1|        return in.readAllBytes();
    }

    public static void write(UploadedFile file, Path target) throws IOException {
01|        LOGGER.log(Level.FINE, "Writing upload {0} ({1} bytes) to {2}", new Object[] {file.getFileName(), file.getSize(), target});
2|        LOGGER.fine("Writing upload " + file.getFileName() + " (" + file.getSize() + " bytes) to " + target); //@LOG-02
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
'''
cases_of(case, GH + 'primefaces/primefaces/pull/5406', 'primefaces/' + src('org.primefaces.util', 'FileUploadUtils'),
         J('org.primefaces.util', ['java.io.IOException', 'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.Path',
                                   'java.nio.file.StandardCopyOption', 'java.util.logging.Level', 'java.util.logging.Logger',
                                   'org.primefaces.model.file.UploadedFile'])(PRIMEFACES), [
             (1, 'java-00-primefaces-upload-stream-never-closed',
              'an edit reads the upload\'s contents without closing its stream, which holds a temporary file', 'edit'),
             (2, 'java-00-primefaces-upload-line-concatenated',
              'an edit builds the FINE line of every written upload by concatenation', 'edit'),
             (0, 'java-ok-00-primefaces-stream-in-try-parameterised-line',
              'clean: the stream in try-with-resources, a parameterised FINE line', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: asset endpoint on S3 (opencast)
OPENCAST = r'''
/** REST endpoint that streams archived assets out of the S3 asset store. */
@Path("/assets")
public class AssetManagerRestEndpoint {
    private final AmazonS3 s3;
    private final String bucket;
    private final String region;

    public AssetManagerRestEndpoint(AmazonS3 s3, String bucket, String region) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = region;
    }

    @GET
    @Path("assets/{mediaPackageID}/{mediaPackageElementID}/{version}/{filenameIgnore}")
    public Response getAsset(@PathParam("mediaPackageID") String mpId, @PathParam("mediaPackageElementID") String elementId,
                             @PathParam("version") String version) {
01|        AmazonS3 client = s3;
2|        AmazonS3 client = AmazonS3ClientBuilder.standard().withRegion(region).build(); //@RES-04
        S3Object object = client.getObject(bucket, mpId + "/" + elementId + "/" + version); //@{1}RES-01
        ObjectMetadata meta = object.getObjectMetadata();
        if (meta.getContentLength() == 0) {
02|            closeQuietly(object);
            return Response.noContent().build();
        }
        StreamingOutput body = out -> {
            try (S3ObjectInputStream in = object.getObjectContent()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body).type(meta.getContentType()).build();
    }

    private static void closeQuietly(S3Object object) {
        try {
            object.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(AssetManagerRestEndpoint.class).warn("Closing an empty asset failed", e);
        }
    }
}
'''
OPENCAST_TEST = r'''package org.opencastproject.assetmanager.impl.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.S3Object;
import org.junit.jupiter.api.Test;

class AssetManagerRestEndpointTest {
    @Test
    void anEmptyAssetIsClosedAndAnsweredWithNoContent() throws Exception {
        AmazonS3 s3 = mock(AmazonS3.class);
        S3Object object = mock(S3Object.class);
        when(s3.getObject("assets", "mp/el/1")).thenReturn(object);
        when(object.getObjectMetadata()).thenReturn(new ObjectMetadata());
        AssetManagerRestEndpoint endpoint = new AssetManagerRestEndpoint(s3, "assets", "eu-central-1");
        assertEquals(204, endpoint.getAsset("mp", "el", "1").getStatus());
        verify(object).close();
    }
}
'''
cases_of(case, GH + 'opencast/opencast/pull/2462', 'modules/asset-manager-impl/' + src('org.opencastproject.assetmanager.impl.endpoint', 'AssetManagerRestEndpoint'),
         J('org.opencastproject.assetmanager.impl.endpoint', ['com.amazonaws.services.s3.AmazonS3',
                                                              'com.amazonaws.services.s3.AmazonS3ClientBuilder',
                                                              'com.amazonaws.services.s3.model.ObjectMetadata',
                                                              'com.amazonaws.services.s3.model.S3Object',
                                                              'com.amazonaws.services.s3.model.S3ObjectInputStream',
                                                              'java.io.IOException', 'javax.ws.rs.GET', 'javax.ws.rs.Path',
                                                              'javax.ws.rs.PathParam', 'javax.ws.rs.core.Response',
                                                              'javax.ws.rs.core.StreamingOutput', 'org.slf4j.LoggerFactory'])(OPENCAST), [
             (1, 'java-00-opencast-empty-asset-object-never-closed',
              'an edit answers an empty asset with no content without closing the S3 object and its connection',
              'edit'),
             (2, 'java-00-opencast-s3-client-per-request',
              'an edit builds a new S3 client, with its own connection pool, for every asset request', 'edit'),
             (0, 'java-ok-00-opencast-shared-client-empty-asset-closed',
              'clean: the endpoint\'s shared client, an empty asset closed before answering; a test beside it', 'fix',
              [f('modules/asset-manager-impl/' + tst('org.opencastproject.assetmanager.impl.endpoint',
                                                     'AssetManagerRestEndpointTest'), new=OPENCAST_TEST)]),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: collector request handler (divolte)
DIVOLTE = r'''
/** Turns browser events into records; runs on the server's I/O threads for every request. */
public final class ClientSideCookieEventHandler {
    private static final Logger logger = LoggerFactory.getLogger(ClientSideCookieEventHandler.class);

    private final IncomingRequestProcessingPool processingPool;
    private final LongAdder improperRequests = new LongAdder();

    public ClientSideCookieEventHandler(IncomingRequestProcessingPool processingPool) {
        this.processingPool = processingPool;
    }

    public void handleRequest(HttpServerExchange exchange) {
        Optional<DivolteEvent> event = parse(exchange);
        if (!event.isPresent()) {
1|            logger.info("Improper request received from {}: {}", exchange.getSourceAddress(), exchange.getRequestURI()); //@LOG-01
2|            logger.debug("Improper request received from " + exchange.getSourceAddress() + ": " //@LOG-02
2|                    + exchange.getRequestURI());
0|            logger.debug("Improper request received from {}: {}", exchange.getSourceAddress(), exchange.getRequestURI());
0|            improperRequests.increment();
            exchange.setStatusCode(StatusCodes.BAD_REQUEST).endExchange();
            return;
        }
        processingPool.enqueueIncomingExchangeForProcessing(event.get());
        exchange.setStatusCode(StatusCodes.OK).endExchange();
    }
}
'''
cases_of(case, GH + 'divolte/divolte-collector/pull/232', src('io.divolte.server', 'ClientSideCookieEventHandler'),
         J('io.divolte.server', ['io.undertow.server.HttpServerExchange', 'io.undertow.util.StatusCodes',
                                 'java.util.Optional', 'java.util.concurrent.atomic.LongAdder'] + SLF4J)(DIVOLTE), [
             (1, 'java-00-divolte-info-line-per-improper-request',
              'an edit logs every improper request at info on the I/O threads, so a bad client floods the log',
              'edit'),
             (2, 'java-00-divolte-improper-request-debug-concatenated',
              'an edit builds the per-request debug line by concatenation, paid with debug off', 'edit'),
             (0, 'java-ok-00-divolte-debug-placeholders-improper-counted',
              'clean: a parameterised debug line and a counter of improper requests', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: chunked upload (axelor)
AXELOR = r'''
/** Receives file uploads in chunks and appends them to a temporary file per upload id. */
public class UploadHandler {
01|    private static final Map<String, File> PENDING = new ConcurrentHashMap<>();
2|    private static final Map<String, File> PENDING = new HashMap<>(); //@CONC-03

    public long uploadSave(String uploadId, InputStream chunk) throws IOException {
        File target = PENDING.computeIfAbsent(uploadId, UploadHandler::tempFile);
02|        try (InputStream in = chunk; OutputStream out = new FileOutputStream(target, true)) {
02|            in.transferTo(out);
02|        }
1|        OutputStream out = new FileOutputStream(target, true); //@RES-01
1|        chunk.transferTo(out);
1|        out.flush();
        return target.length();
    }

    public File complete(String uploadId) {
        return PENDING.remove(uploadId);
    }

    private static File tempFile(String uploadId) {
        try {
            return Files.createTempFile("upload-" + uploadId, ".part").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
'''
cases_of(case, GH + 'axelor/axelor-open-platform/issues/51', 'axelor-web/' + src('com.axelor.web.service', 'UploadHandler'),
         J('com.axelor.web.service', ['java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'java.io.InputStream',
                                      'java.io.OutputStream', 'java.io.UncheckedIOException', 'java.nio.file.Files',
                                      'java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap'])(AXELOR), [
             (1, 'java-00-axelor-upload-chunk-file-never-closed',
              'an edit appends each chunk through a stream it never closes, locking the partial file', 'edit'),
             (2, 'java-00-axelor-pending-uploads-plain-hash-map',
              'an edit keeps the pending uploads in a HashMap that concurrent chunk requests change', 'edit'),
             (0, 'java-ok-00-axelor-concurrent-uploads-streams-in-try',
              'clean: ConcurrentHashMap, both streams in try-with-resources', 'fix'),
         ])
