"""Round-81 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / TX-01: account store of a Minecraft economy plugin (TotalEconomy), CRLF
TOTALECONOMY = template('totaleconomy-account-store', r'''
/** Reads and moves balances in the economy's SQL database. */
public class SqlAccountStore {
    private static final String TOP_BALANCES = "SELECT uid, balance FROM totaleconomy.balances WHERE currency = ? "
            + "ORDER BY balance DESC LIMIT ?";

    private final DataSource dataSource;
    private final Logger logger;

    public SqlAccountStore(DataSource dataSource, Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    /** The richest accounts of a currency, for the baltop command. */
    public List<TopEntry> topBalances(Currency currency, int limit) {
        List<TopEntry> entries = new ArrayList<>();
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(TOP_BALANCES)) {
1|        try {
1|            Connection connection = dataSource.getConnection(); //@RES-01
1|            PreparedStatement statement = connection.prepareStatement(TOP_BALANCES);
            statement.setString(1, currency.getId());
            statement.setInt(2, limit);
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    entries.add(new TopEntry(UUID.fromString(results.getString("uid")), results.getBigDecimal("balance")));
                }
            }
        } catch (SQLException e) {
            logger.error("Could not read the top balances of {}", currency.getId(), e);
        }
        return entries;
    }

    /** Moves an amount between two accounts: both balances change, or neither does. */
    public boolean transfer(UUID from, UUID to, Currency currency, BigDecimal amount) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); //@{2}TX-01
01|            try {
01|                changeBalance(connection, from, currency, amount.negate());
01|                changeBalance(connection, to, currency, amount);
01|                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
01|            }
2|            changeBalance(connection, from, currency, amount.negate());
2|            changeBalance(connection, to, currency, amount);
2|            connection.commit();
            return true;
        } catch (SQLException e) {
            logger.error("Transfer of {} {} from {} to {} failed", amount, currency.getId(), from, to, e);
            return false;
        }
    }

    private void changeBalance(Connection connection, UUID uid, Currency currency, BigDecimal delta) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE totaleconomy.balances SET balance = balance + ? WHERE uid = ? AND currency = ?")) {
            statement.setBigDecimal(1, delta);
            statement.setString(2, uid.toString());
            statement.setString(3, currency.getId());
            if (statement.executeUpdate() != 1) {
                throw new SQLException("No balance of " + currency.getId() + " for account " + uid);
            }
        }
    }
}
''')
cases_of(case, GH + 'ericgrandt/TotalEconomy/pull/303', src('com.erigitic.sql', 'SqlAccountStore'),
         J('com.erigitic.sql', SLF4J + [
             'java.math.BigDecimal', 'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
             'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'java.util.UUID',
             'javax.sql.DataSource', 'org.spongepowered.api.service.economy.Currency'])(TOTALECONOMY), [
             (1, 'java-00-totaleconomy-baltop-connection-never-closed',
              'an edit opens the baltop query\'s connection and statement without closing them, so every use of '
              'the command keeps one pooled connection until the pool is empty and the server\'s economy stops', 'edit'),
             (2, 'java-00-totaleconomy-transfer-not-rolled-back',
              'an edit moves money without rolling back a failed half, so a deposit that fails after the withdrawal '
              'returns the connection to the pool with the withdrawal still pending in its transaction', 'edit'),
             (0, 'java-ok-00-totaleconomy-baltop-connection-closed',
              'clean: the fix opens the baltop query\'s connection and statement in try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-02: guild settings of a Discord bot (SkyBot)
SKYBOT = template('skybot-guild-settings', r'''
public class SqliteDatabaseAdapter extends DatabaseAdapter {
    private static final Logger LOGGER = LoggerFactory.getLogger(SqliteDatabaseAdapter.class);
    private static final String SELECT_SETTINGS = "SELECT prefix, autoRole, leaveTimeout FROM guildSettings WHERE guildId = ?";

    private final DBManager database;

    public SqliteDatabaseAdapter(DBManager database) {
        this.database = database;
    }

    /** The stored settings of a guild, or null when the guild still has the defaults. */
    @Nullable
    public GuildSetting loadGuildSetting(long guildId) {
02|        try (Connection connection = database.getConnection();
02|             PreparedStatement smt = connection.prepareStatement(SELECT_SETTINGS)) {
1|        try {
1|            Connection connection = database.getConnection(); //@RES-01
1|            PreparedStatement smt = connection.prepareStatement(SELECT_SETTINGS);
            smt.setLong(1, guildId);
            try (ResultSet res = smt.executeQuery()) {
                if (!res.next()) {
                    return null;
                }
                GuildSetting setting = new GuildSetting(guildId)
                        .setCustomPrefix(res.getString("prefix"))
                        .setAutoroleRole(res.getLong("autoRole"))
                        .setLeaveTimeout(res.getInt("leaveTimeout"));
01|                LOGGER.debug("Loaded settings of guild {}: {}", guildId, setting);
2|                LOGGER.debug("Loaded settings of guild " + guildId + ": " + setting); //@LOG-02
1|                connection.close();
                return setting;
            }
        } catch (SQLException e) {
            LOGGER.error("Could not load the settings of guild {}", guildId, e);
            return null;
        }
    }
}
''')
cases_of(case, GH + 'DuncteBot/SkyBot/issues/122', src('ml.duncte123.skybot.adapters', 'SqliteDatabaseAdapter'),
         J('ml.duncte123.skybot.adapters', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'javax.annotation.Nullable', 'ml.duncte123.skybot.connections.database.DBManager',
             'ml.duncte123.skybot.objects.guild.GuildSetting'])(SKYBOT), [
             (1, 'java-00-skybot-settings-connection-closed-by-hand',
              'an edit closes the settings query\'s connection by hand on the success path only, so every guild '
              'without stored settings and every failed query leaks a connection of the bot\'s database', 'edit'),
             (2, 'java-00-skybot-settings-debug-log-concatenated',
              'an edit builds the settings debug message by concatenation, so every guild lookup renders the whole '
              'settings object even with debug logging off', 'edit'),
             (0, 'java-ok-00-skybot-settings-connection-in-try-with-resources',
              'clean: the fix opens the connection and statement in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: live-tracking upload of a paragliding flight app (Gaggle)
GAGGLE = template('gaggle-leonardo-live-writer', r'''
/** Sends the pilot's position to a Leonardo Live server while the flight is being recorded. */
public class LeonardoLiveWriter {
    private static final String TAG = "LeonardoLiveWriter";
    private static final int CONNECT_TIMEOUT_MS = 15 * 1000;
    private static final int READ_TIMEOUT_MS = 30 * 1000;
    private static final int MAX_ATTEMPTS = 3;
    private static final long RETRY_DELAY_MS = 5 * 1000;

    private final String serverURL;
    private final String userName;
    private final String password;
    private int sessionId;

    public LeonardoLiveWriter(String serverURL, String userName, String password) {
        this.serverURL = serverURL;
        this.userName = userName;
        this.password = password;
    }

    /** Logs in once per flight; the server answers with the session id the positions are sent under. */
    void doLogin() throws IOException {
        URL url = new URL(serverURL + "/client.php?op=login&user=" + URLEncoder.encode(userName, "UTF-8")
                + "&pass=" + URLEncoder.encode(password, "UTF-8"));
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|        conn.setReadTimeout(READ_TIMEOUT_MS);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(conn.getInputStream(), "UTF-8"))) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("Empty login answer from " + serverURL);
            }
            sessionId = Integer.parseInt(line.trim());
        } finally {
            conn.disconnect();
        }
    }

    /** Logs in, retrying a few times with a growing pause when the phone has no coverage. */
    void loginWithRetry() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                doLogin();
                return;
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Log.w(TAG, "Login to " + serverURL + " failed, attempt " + attempt, e);
            }
            try {
                Thread.sleep(RETRY_DELAY_MS * attempt);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                throw new InterruptedIOException("Login to " + serverURL + " interrupted");
2|                Log.d(TAG, "Retry pause interrupted");
            }
        }
    }
}
''')
cases_of(case, GH + 'geeksville/Gaggle/issues/9', src('com.geeksville.location', 'LeonardoLiveWriter'),
         J('com.geeksville.location', [
             'android.util.Log', 'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
             'java.io.InterruptedIOException', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.net.URLEncoder'])(GAGGLE), [
             (1, 'java-00-gaggle-live-login-without-timeouts',
              'an edit opens the live-tracking login without connect and read timeouts, so a server that never '
              'answers blocks the tracking thread for the whole flight', 'edit'),
             (2, 'java-00-gaggle-live-login-retry-swallows-interrupt',
              'an edit catches the interrupt of the retry pause and goes on retrying, so stopping the flight '
              'recording cannot stop a login that keeps failing', 'edit'),
             (0, 'java-ok-00-gaggle-live-login-bounded',
              'clean: the fix gives the login connection connect and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: date helpers of a blogging app (quill), renamed file
QUILL = template('quill-date-time-utils', r'''
/** Dates of the Ghost API: it sends and expects ISO 8601 timestamps in UTC. */
public final class DateTimeUtils {
    private static final String ISO_8601 = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    private DateTimeUtils() {
    }

    /** The instant of an API timestamp, for sorting posts and for the "published 3 hours ago" line. */
    public static Date parseIsoDate(String iso) {
        SimpleDateFormat format = new SimpleDateFormat(ISO_8601, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return format.parse(iso);
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("Not a Ghost API timestamp: " + iso, e);
2|            return new Date();
        }
    }

    /** An instant as the API expects it in a post's published_at. */
    public static String formatIsoDate(Date date) {
        SimpleDateFormat format = new SimpleDateFormat(ISO_8601, Locale.US);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }

    public static String formatRelative(Date date, long nowMillis) {
        return DateUtils.getRelativeTimeSpanString(date.getTime(), nowMillis, DateUtils.MINUTE_IN_MILLIS).toString();
    }
}
''')
cases_of(case, GH + 'vickychijwani/quill/issues/63', src('me.vickychijwani.spectre.util', 'DateTimeUtils'),
         J('me.vickychijwani.spectre.util', [
             'android.text.format.DateUtils', 'java.text.ParseException', 'java.text.SimpleDateFormat',
             'java.util.Date', 'java.util.Locale', 'java.util.TimeZone'])(QUILL), [
             (1, 'java-00-quill-renamed-date-utils-parse-in-device-zone',
              'a PR renames the date helpers and parses API timestamps without the UTC zone, so every post shows a '
              'time off by the phone\'s offset', 'rename'),
             (2, 'java-00-quill-renamed-date-utils-swallows-bad-timestamp',
              'a PR renames the date helpers and answers an unparsable timestamp with the current time, so a post '
              'with a broken date silently jumps to the top of the list', 'rename'),
             (0, 'java-ok-00-quill-renamed-date-utils',
              'clean: the rename alone; timestamps are parsed in UTC and a bad one is reported', 'rename'),
         ], rename_from='src/main/java/me/vickychijwani/spectre/util/DateUtils.java',
         rename_old=lambda t: t.replace('public final class DateTimeUtils', 'public final class DateUtils')
                               .replace('private DateTimeUtils()', 'private DateUtils()')
                               .replace('DateUtils.getRelative', 'android.text.format.DateUtils.getRelative')
                               .replace('DateUtils.MINUTE', 'android.text.format.DateUtils.MINUTE')
                               .replace('import android.text.format.DateUtils;\n', ''))


# ---------------------------------------------------------------- CONC-05 / CONC-07: whitelist sync of a Minecraft server mod (Whitelist-Sync-2)
WHITELIST = template('whitelist-sync-poller', r'''
/** Pulls the shared whitelist from the database into the server at a fixed period. */
public class WhitelistSyncPoller {
    private static final Logger LOGGER = LogManager.getLogger("WhitelistSync2");
    private static final int MAX_ATTEMPTS = 3;
    private static final long RETRY_SECONDS = 10;

    private final BaseService service;
    private final MinecraftServer server;
    private final int periodSeconds;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "WhitelistSync-Poller");
        thread.setDaemon(false);
        return thread;
    });

    public WhitelistSyncPoller(BaseService service, MinecraftServer server, int periodSeconds) {
        this.service = service;
        this.server = server;
        this.periodSeconds = periodSeconds;
    }

    public void start() {
01|        scheduler.scheduleWithFixedDelay(this::syncSafely, 0, periodSeconds, TimeUnit.SECONDS);
2|        scheduler.scheduleWithFixedDelay(this::syncOnce, 0, periodSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    /** Called when the server stops; interrupts a sync that is waiting to retry. */
    public void stop() {
        scheduler.shutdownNow();
    }
01|
01|    private void syncSafely() {
01|        try {
01|            syncOnce();
01|        } catch (RuntimeException e) {
01|            LOGGER.error("Whitelist sync failed; trying again in {} seconds", periodSeconds, e);
01|        }
01|    }

    private void syncOnce() {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (service.pullDatabaseWhitelistToLocal(server)) {
                return;
            }
            LOGGER.warn("Whitelist database not reachable (attempt {} of {})", attempt, MAX_ATTEMPTS);
            try {
                TimeUnit.SECONDS.sleep(RETRY_SECONDS);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return;
1|                LOGGER.debug("Retry pause interrupted, trying again");
            }
        }
    }
}
''')
cases_of(case, GH + 'rmnaderdev/Whitelist-Sync-2/issues/30', src('pw.twpi.whitelistsync2.services', 'WhitelistSyncPoller'),
         J('pw.twpi.whitelistsync2.services', [
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'net.minecraft.server.MinecraftServer',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(WHITELIST), [
             (1, 'java-00-whitelist-sync-retry-swallows-interrupt',
              'an edit goes on retrying after the retry pause is interrupted, so a server stopping while the '
              'database is down hangs on the sync thread instead of shutting down', 'edit'),
             (2, 'java-00-whitelist-sync-schedule-dies-on-first-failure',
              'an edit schedules the sync without its catch-all, so the first database error that escapes stops '
              'whitelist syncing until the server restarts', 'edit'),
             (0, 'java-ok-00-whitelist-sync-stops-on-interrupt',
              'clean: the fix restores the interrupt and leaves the retry loop', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-01: queue command of a Discord music bot (aiode)
AIODE = template('aiode-queue-command', r'''
public class QueueCommand extends AbstractQueueLoadingCommand {
    private static final Logger LOGGER = LoggerFactory.getLogger(QueueCommand.class);

    private final MessageService messageService;
    private final ExecutorService eventHandlerPool;

    public QueueCommand(CommandContribution contribution, CommandContext context, MessageService messageService,
                        ExecutorService eventHandlerPool) {
        super(contribution, context);
        this.messageService = messageService;
        this.eventHandlerPool = eventHandlerPool;
    }

    @Override
    protected void handleResults(List<Playable> playables) {
        AudioQueue queue = getAudioManager().getPlaybackForGuild(getContext().getGuild()).getAudioQueue();
        for (Playable playable : playables) {
            queue.add(playable);
2|            LOGGER.info("Track {} added for {}", playable.getDisplay(), getContext().getUser().getName()); //@LOG-01
        }
        LOGGER.debug("Queued {} tracks in guild {}", playables.size(), getContext().getGuild().getId());

        CompletableFuture<Message> futureMessage = messageService.send(queueSummary(queue), getContext().getChannel());
02|        futureMessage
02|                .thenAcceptAsync(this::addQueueControls, eventHandlerPool)
02|                .exceptionally(e -> {
02|                    LOGGER.error("Could not add the queue controls to the summary message", e);
02|                    return null;
02|                });
1|        futureMessage.thenAccept(this::addQueueControls); //@CONC-06
    }

    private void addQueueControls(Message message) {
        message.addReaction("\u23ea").queue();
        message.addReaction("\u23e9").queue();
    }
}
''')
cases_of(case, GH + 'robinfriedli/aiode/pull/289', src('net.robinfriedli.aiode.command.commands.playback', 'QueueCommand'),
         J('net.robinfriedli.aiode.command.commands.playback', SLF4J + [
             'java.util.List', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
             'net.dv8tion.jda.api.entities.Message', 'net.robinfriedli.aiode.audio.AudioQueue',
             'net.robinfriedli.aiode.audio.Playable', 'net.robinfriedli.aiode.command.CommandContext',
             'net.robinfriedli.aiode.command.commands.AbstractQueueLoadingCommand',
             'net.robinfriedli.aiode.discord.MessageService',
             'net.robinfriedli.aiode.entities.xml.CommandContribution'])(AIODE), [
             (1, 'java-00-aiode-queue-controls-future-dropped',
              'an edit adds the queue controls in a callback whose future nobody looks at, so a failure while adding '
              'them (a missing permission) disappears without a trace', 'edit'),
             (2, 'java-00-aiode-queue-logs-every-track',
              'an edit logs every queued track at info level, so queueing a playlist of a thousand tracks writes a '
              'thousand lines per command', 'edit'),
             (0, 'java-ok-00-aiode-queue-controls-failure-logged',
              'clean: the fix runs the callback on the bot\'s pool and logs its failure', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: session state file of a Telegram client library (TelegramApi)
TELEGRAM = template('telegram-api-state-file', r'''
/** Keeps the MTProto authorisation state of one account in a file, so a restart needs no new login. */
public class FileApiStateStorage {
    private static final String TAG = "FileApiStateStorage";

    private final File file;

    public FileApiStateStorage(File file) {
        this.file = file;
    }

    /** The stored state, or null when this account never logged in. */
    public byte[] load() {
        if (!file.exists()) {
            return null;
        }
        try (FileInputStream in = new FileInputStream(file)) {
            return StreamingUtils.readBytes((int) file.length(), in);
        } catch (IOException e) { //@{2}ERR-01
01|            Logger.e(TAG, e);
01|            throw new UncheckedIOException("Could not read the api state " + file, e);
2|            return null;
        }
    }

    public synchronized void save(byte[] state) {
02|        try (FileOutputStream out = new FileOutputStream(file)) {
02|            out.write(state);
02|            out.getFD().sync();
1|        try {
1|            FileOutputStream out = new FileOutputStream(file); //@RES-01
1|            out.write(state);
1|            out.getFD().sync();
        } catch (IOException e) {
            Logger.e(TAG, e);
        }
    }
}
''')
cases_of(case, GH + 'rubenlagus/TelegramApi/pull/65', src('org.telegram.api.engine.storage', 'FileApiStateStorage'),
         J('org.telegram.api.engine.storage', [
             'java.io.File', 'java.io.FileInputStream', 'java.io.FileOutputStream', 'java.io.IOException',
             'java.io.UncheckedIOException', 'org.telegram.api.engine.Logger',
             'org.telegram.tl.StreamingUtils'])(TELEGRAM), [
             (1, 'java-00-telegram-api-state-file-never-closed',
              'an edit writes the session state through a stream it never closes, so every state change (each new '
              'salt or key) leaks one file handle until the bot process runs out of them', 'edit'),
             (2, 'java-00-telegram-api-state-read-failure-swallowed',
              'an edit answers an unreadable state file with "never logged in", so a disk error silently logs the '
              'account out and starts a new authorisation', 'edit'),
             (0, 'java-ok-00-telegram-api-state-file-closed',
              'clean: the fix writes the state in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / RES-04: bot turns of a collectible card game server (Spellsource), new file
SPELLSOURCE = template('spellsource-bot-turns', r'''
/**
 * Plays the bot's side of a match: each decision is computed on the shared bot pool. The game context of the
 * decision being computed is kept in a thread-local so the card scripts the AI simulates can reach it.
 */
public class BotTurnRunner {
    private static final Logger LOGGER = LoggerFactory.getLogger(BotTurnRunner.class);
    private static final ThreadLocal<GameContext> SIMULATED = new ThreadLocal<>();

    private final ExecutorService botPool;
    private final Behaviour behaviour;

    public BotTurnRunner(ExecutorService botPool, Behaviour behaviour) {
        this.botPool = botPool;
        this.behaviour = behaviour;
    }

    public static GameContext simulated() {
        return SIMULATED.get();
    }

    /** Asks the AI for the bot's next action; the game server completes the turn when the future completes. */
    public CompletableFuture<GameAction> requestAction(GameContext context, int playerId, List<GameAction> validActions) {
2|        ExecutorService turnPool = Executors.newSingleThreadExecutor(); //@RES-04
2|        return CompletableFuture.supplyAsync(() -> decide(context, playerId, validActions), turnPool);
01|        return CompletableFuture.supplyAsync(() -> decide(context, playerId, validActions), botPool);
    }

    private GameAction decide(GameContext context, int playerId, List<GameAction> validActions) {
        SIMULATED.set(context.clone()); //@{1}CONC-04
02|        try {
02|            GameAction action = behaviour.requestAction(SIMULATED.get(), SIMULATED.get().getPlayer(playerId), validActions);
02|            LOGGER.debug("Bot {} chose {}", playerId, action);
02|            return action;
02|        } finally {
02|            SIMULATED.remove();
02|        }
1|        GameAction action = behaviour.requestAction(SIMULATED.get(), SIMULATED.get().getPlayer(playerId), validActions);
1|        LOGGER.debug("Bot {} chose {}", playerId, action);
1|        return action;
    }
}
''')
cases_of(case, GH + 'hiddenswitch/Spellsource/issues/459', src('com.hiddenswitch.spellsource.net.impl', 'BotTurnRunner'),
         J('com.hiddenswitch.spellsource.net.impl', SLF4J + [
             'java.util.List', 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'net.demilich.metastone.game.GameContext',
             'net.demilich.metastone.game.actions.GameAction',
             'net.demilich.metastone.game.behaviour.Behaviour'])(SPELLSOURCE), [
             (1, 'java-00-spellsource-new-bot-runner-simulated-context-kept',
              'a new bot runner stores each decision\'s cloned game in a thread-local it never removes, so every pool '
              'thread keeps the last simulated match alive and memory grows with every bot game', 'new'),
             (2, 'java-00-spellsource-new-bot-runner-pool-per-decision',
              'a new bot runner creates a thread pool for every decision and never shuts it down, so a long bot '
              'match leaves hundreds of idle threads behind', 'new'),
             (0, 'java-ok-00-spellsource-new-bot-runner',
              'clean: a new bot runner that decides on the shared pool and clears its thread-local', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-07: script intervals of a Minecraft scripting plugin (CommandHelper)
COMMANDHELPER = template('commandhelper-interval-scheduler', r'''
/** Runs the intervals scripts register with set_interval: a timer thread hands each run to the server thread. */
public class IntervalScheduler {
    private static final Logger LOGGER = LoggerFactory.getLogger(IntervalScheduler.class);

    private final Timer timer = new Timer("CommandHelper-Intervals", true);
    private final AtomicInteger nextId = new AtomicInteger();
    private final Plugin plugin;

    public IntervalScheduler(Plugin plugin) {
        this.plugin = plugin;
    }

    public int setInterval(long delayMs, long intervalMs, Callable<Object> script) {
        int id = nextId.incrementAndGet();
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
01|                try {
01|                    runOnce(id, script);
01|                } catch (RuntimeException e) {
01|                    LOGGER.error("Interval {} failed; it runs again at its next tick", id, e);
01|                }
2|                runOnce(id, script);
            }
        };
        timer.scheduleAtFixedRate(task, delayMs, intervalMs); //@{2}CONC-07
        return id;
    }

    private void runOnce(int id, Callable<Object> script) {
        Future<Object> result = Bukkit.getScheduler().callSyncMethod(plugin, script);
        try {
            result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
02|        } catch (CancellationException e) {
02|            if (plugin.isEnabled()) {
02|                LOGGER.warn("Interval {} was cancelled while CommandHelper is still enabled", id, e);
02|            }
02|        } catch (ExecutionException e) {
02|            LOGGER.error("Interval {} threw", id, e.getCause());
1|        } catch (CancellationException | ExecutionException e) { //@ERR-01
1|            // the server is shutting down
        }
    }

    public void shutdown() {
        timer.cancel();
    }
}
''')
cases_of(case, GH + 'EngineHub/CommandHelper/pull/431', src('com.laytonsmith.core.functions.scheduling', 'IntervalScheduler'),
         J('com.laytonsmith.core.functions.scheduling', SLF4J + [
             'java.util.Timer', 'java.util.TimerTask', 'java.util.concurrent.Callable',
             'java.util.concurrent.CancellationException', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.Future', 'java.util.concurrent.atomic.AtomicInteger', 'org.bukkit.Bukkit',
             'org.bukkit.plugin.Plugin'])(COMMANDHELPER), [
             (1, 'java-00-commandhelper-interval-failure-swallowed',
              'an edit treats every failed interval run as a shutdown and drops it, so a script that throws on each '
              'run fails forever without a line in the log', 'edit'),
             (2, 'java-00-commandhelper-interval-timer-dies-on-first-failure',
              'an edit runs each interval on the timer without a catch-all, so the first run that cannot reach the '
              'server thread kills the timer and every other script\'s interval with it', 'edit'),
             (0, 'java-ok-00-commandhelper-interval-cancel-on-shutdown-quiet',
              'clean: the fix keeps cancellations on shutdown quiet and logs every other failure', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-06: alert delivery of a Discord notification bot (novabot)
NOVABOT = template('novabot-alert-sender', r'''
/** Delivers a spawn alert to each subscribed user in a private message. */
public class AlertSender {
    private static final Logger LOGGER = LoggerFactory.getLogger(AlertSender.class);

    private final DataManager dataManager;

    public AlertSender(DataManager dataManager) {
        this.dataManager = dataManager;
    }

    public void sendToAll(List<User> users, Message alert) {
        for (User user : users) {
            user.openPrivateChannel().queue(
01|                    channel -> channel.sendMessage(alert).queue(
01|                            sent -> LOGGER.debug("Sent alert to {}", user.getId()),
0|                            failure -> handleUndeliverable(user, failure)),
1|                            failure -> LOGGER.error("Could not send an alert to {}", user.getName(), failure)), //@LOG-01
2|                    channel -> channel.sendMessage(alert).submit(), //@CONC-06
                    failure -> handleUndeliverable(user, failure));
        }
    }

    private void handleUndeliverable(User user, Throwable failure) {
        if (failure instanceof ErrorResponseException
                && ((ErrorResponseException) failure).getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
            dataManager.pauseUser(user.getId());
            LOGGER.info("{} does not accept messages from the bot; their alerts are paused", user.getName());
            return;
        }
        LOGGER.warn("Could not send an alert to {}", user.getName(), failure);
    }
}
''')
cases_of(case, GH + 'novskey/novabot/pull/17', src('com.github.novskey.novabot.notifier', 'AlertSender'),
         J('com.github.novskey.novabot.notifier', SLF4J + [
             'com.github.novskey.novabot.data.DataManager', 'java.util.List',
             'net.dv8tion.jda.core.entities.Message', 'net.dv8tion.jda.core.entities.User',
             'net.dv8tion.jda.core.exceptions.ErrorResponseException',
             'net.dv8tion.jda.core.requests.ErrorResponse'])(NOVABOT), [
             (1, 'java-00-novabot-alert-failures-logged-with-trace',
              'an edit logs every undeliverable alert with its stack trace at error level, so each user who blocked '
              'the bot adds a stack trace per spawn and the error log fills the disk', 'edit'),
             (2, 'java-00-novabot-alert-send-future-dropped',
              'an edit submits each alert message and drops the future, so a message that cannot be delivered is '
              'neither logged nor paused and its failure is never seen', 'edit'),
             (0, 'java-ok-00-novabot-alert-blocked-users-paused',
              'clean: the fix pauses users who blocked the bot and logs other failures once at warn', 'fix'),
         ])
