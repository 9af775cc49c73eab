"""Round-87 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / TX-01: MySQL statistics of a BedWars plugin (BedWars1058)
BEDWARS = template('bedwars-mysql-stats', r'''
/** Player statistics in a MySQL database shared by every arena server of the network. */
public class MySQL implements Database {

    private static final String UPDATE_STATS = "UPDATE global_stats SET wins = wins + ?, kills = kills + ?, "
            + "deaths = deaths + ?, beds_destroyed = beds_destroyed + ? WHERE uuid = ?";
    private static final String INSERT_GAME = "INSERT INTO game_history (uuid, arena, won, played_at) VALUES (?, ?, ?, ?)";

    private final BedWars plugin;
    private final HikariDataSource dataSource;

    public MySQL(BedWars plugin, HikariDataSource dataSource) {
        this.plugin = plugin;
        this.dataSource = dataSource;
    }

    /** One column of the player's global statistics, 0 when the player has none yet. */
    @Override
    public int getColumn(UUID player, String column) {
        String sql = "SELECT " + column + " FROM global_stats WHERE uuid = ?";
02|        try (Connection connection = dataSource.getConnection();
02|             PreparedStatement statement = connection.prepareStatement(sql)) {
1|        try (Connection connection = dataSource.getConnection()) {
1|            PreparedStatement statement = connection.prepareStatement(sql); //@RES-01
            statement.setString(1, player.toString());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getInt(column) : 0;
            }
        } catch (SQLException e) {
            plugin.getLogger().log(Level.WARNING, e, () -> "Could not read " + column + " of " + player);
            return 0;
        }
    }

    /** Adds the statistics of one finished game and records the game, both or neither. */
    @Override
    public void saveGame(UUID player, String arena, GameStats stats) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try { //@{2}TX-01
                writeGame(connection, player, arena, stats);
                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            plugin.getLogger().log(Level.SEVERE, e, () -> "Could not save the game of " + player + " in " + arena);
        }
    }

    private static void writeGame(Connection connection, UUID player, String arena, GameStats stats) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_STATS);
             PreparedStatement insert = connection.prepareStatement(INSERT_GAME)) {
            update.setInt(1, stats.isWinner() ? 1 : 0);
            update.setInt(2, stats.getKills());
            update.setInt(3, stats.getDeaths());
            update.setInt(4, stats.getBedsDestroyed());
            update.setString(5, player.toString());
            update.executeUpdate();
            insert.setString(1, player.toString());
            insert.setString(2, arena);
            insert.setBoolean(3, stats.isWinner());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
''')
cases_of(case, GH + 'andrei1058/BedWars1058/pull/4',
         src('com.andrei1058.bedwars.database', 'MySQL'),
         J('com.andrei1058.bedwars.database', ['com.andrei1058.bedwars.BedWars', 'com.andrei1058.bedwars.api.arena.GameStats',
                                                'com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection',
                                                'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
                                                'java.sql.Timestamp', 'java.time.Instant', 'java.util.UUID',
                                                'java.util.logging.Level'])(BEDWARS), [
             (1, 'java-00-bedwars-stats-statement-not-closed',
              'an edit takes the statement of a statistics read out of the try-with-resources, so every scoreboard '
              'refresh leaves a statement open on the pooled connection until the server freezes', 'edit'),
             (2, 'java-00-bedwars-game-transaction-without-rollback',
              'an edit drops the rollback of the game-saving transaction, so a failed history insert leaves the '
              'updated statistics to be committed when the finally block turns auto-commit back on', 'edit'),
             (0, 'java-ok-00-bedwars-stats-statement-closed',
              'clean: the fix closes the statement with the connection again', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: guild protection message of a guilds plugin (FunnyGuilds), CRLF
FUNNYGUILDS = template('funnyguilds-protection-message', r'''
/** Builds the chat lines that tell a player until when a guild is protected from attacks. */
public class ProtectionMessageFormatter {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProtectionMessageFormatter.class);

    private final PluginConfiguration config;
    private final MessageConfiguration messages;

    public ProtectionMessageFormatter(PluginConfiguration config, MessageConfiguration messages) {
        this.config = config;
        this.messages = messages;
    }

    public String protectionEnd(Guild guild) {
        SimpleDateFormat format = new SimpleDateFormat(config.dateFormat, config.locale); //@{1}TIME-01
02|        format.setTimeZone(config.timeZone);
        String end = format.format(new Date(guild.getProtection()));
01|        LOGGER.debug("Protection of guild {} ends at {}", guild.getTag(), end);
2|        LOGGER.debug("Protection of guild " + guild.getTag() + " ends at " + end); //@LOG-02
        return messages.guildProtectionEnd
                .replace("{TAG}", guild.getTag())
                .replace("{DATE}", end);
    }
}
''')
cases_of(case, GH + 'FunnyGuilds/FunnyGuilds/pull/2400',
         src('net.dzikoysk.funnyguilds.guild', 'ProtectionMessageFormatter'),
         J('net.dzikoysk.funnyguilds.guild', SLF4J + ['java.text.SimpleDateFormat', 'java.util.Date',
                                                        'net.dzikoysk.funnyguilds.config.MessageConfiguration',
                                                        'net.dzikoysk.funnyguilds.config.PluginConfiguration'])(FUNNYGUILDS), [
             (1, 'java-00-funnyguilds-protection-end-in-server-zone',
              'an edit formats the end of a guild\'s protection in the server\'s default zone instead of the '
              'configured one, so players of a server hosted abroad are told the wrong hour', 'edit'),
             (2, 'java-00-funnyguilds-protection-debug-line-concatenated',
              'an edit builds the protection debug line by concatenation, so every message shown pays for a string '
              'that the disabled debug level throws away', 'edit'),
             (0, 'java-ok-00-funnyguilds-protection-end-in-configured-zone',
              'clean: the fix formats in the configured time zone again', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-02 / CONC-06: vote party rewards of a voting plugin (VotingPlugin)
VOTING = template('votingplugin-party-rewards', r'''
/** Gives the vote party reward to every player who ever voted, online or not, off the server thread. */
public class VotePartyRewarder {

    private final VotingPluginMain plugin;
02|    private final ExecutorService rewardExecutor = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<>(512), new ThreadPoolExecutor.CallerRunsPolicy());
1|    private final ExecutorService rewardExecutor = Executors.newCachedThreadPool(); //@CONC-02

    public VotePartyRewarder(VotingPluginMain plugin) {
        this.plugin = plugin;
    }

    public void giveAllPlayers(Collection<UUID> voters) {
        for (UUID uuid : voters) {
01|            CompletableFuture.runAsync(() -> giveReward(uuid), rewardExecutor)
01|                    .exceptionally(error -> logFailure(uuid, error));
2|            rewardExecutor.submit(() -> giveReward(uuid)); //@CONC-06
        }
    }

    private void giveReward(UUID uuid) {
        VotingPluginUser user = plugin.getUserManager().getVotingPluginUser(uuid);
        if (user.isOnline()) {
            plugin.getRewardHandler().giveReward(user, "VoteParty");
        } else {
            user.addOfflineRewards("VoteParty");
        }
    }

    private Void logFailure(UUID uuid, Throwable error) {
        plugin.getLogger().log(Level.WARNING, error, () -> "Could not give the vote party reward to " + uuid);
        return null;
    }

    public void shutdown() {
        rewardExecutor.shutdown();
    }
}
''')
cases_of(case, GH + 'BenCodez/VotingPlugin/issues/480',
         src('com.bencodez.votingplugin.voteparty', 'VotePartyRewarder'),
         JV('com.bencodez.votingplugin.voteparty', {
             0: ['com.bencodez.votingplugin.VotingPluginMain', 'com.bencodez.votingplugin.user.VotingPluginUser',
                 'java.util.Collection', 'java.util.UUID', 'java.util.concurrent.ArrayBlockingQueue',
                 'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService',
                 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit', 'java.util.logging.Level'],
             1: ['com.bencodez.votingplugin.VotingPluginMain', 'com.bencodez.votingplugin.user.VotingPluginUser',
                 'java.util.Collection', 'java.util.UUID', 'java.util.concurrent.CompletableFuture',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.logging.Level'],
             2: ['com.bencodez.votingplugin.VotingPluginMain', 'com.bencodez.votingplugin.user.VotingPluginUser',
                 'java.util.Collection', 'java.util.UUID', 'java.util.concurrent.ArrayBlockingQueue',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
                 'java.util.concurrent.TimeUnit', 'java.util.logging.Level'],
         })(VOTING), [
             (1, 'java-00-votingplugin-party-rewards-on-cached-pool',
              'an edit gives the vote party rewards on a cached thread pool, so a party for twenty thousand offline '
              'voters starts a thread per voter and the server dies unable to create native threads', 'edit'),
             (2, 'java-00-votingplugin-party-reward-future-dropped',
              'an edit submits each reward and drops the future, so a reward that throws for one voter is lost '
              'without a line in the log', 'edit'),
             (0, 'java-ok-00-votingplugin-party-rewards-on-bounded-pool',
              'clean: the fix gives the rewards on a bounded pool that runs overflow on the caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-07: task scheduler of a homes plugin on Fabric (HuskHomes)
HUSKHOMES = template('huskhomes-fabric-task', r'''
/** A task of the plugin on Fabric, which has no scheduler of its own for asynchronous work. */
public class FabricTask implements Task {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService ASYNC_EXECUTOR = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "HuskHomes-async-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final FabricHuskHomes plugin;
    private final Runnable runnable;
    private final long delayTicks;
    private final long periodTicks;
    private ScheduledFuture<?> future;

    public FabricTask(FabricHuskHomes plugin, Runnable runnable, long delayTicks, long periodTicks) {
        this.plugin = plugin;
        this.runnable = runnable;
        this.delayTicks = delayTicks;
        this.periodTicks = periodTicks;
    }

    @Override
    public void run() {
        if (periodTicks > 0) {
            runRepeating();
            return;
        }
02|        future = ASYNC_EXECUTOR.schedule(runnable, delayTicks * 50, TimeUnit.MILLISECONDS);
1|        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(); //@RES-04
1|        future = executor.schedule(runnable, delayTicks * 50, TimeUnit.MILLISECONDS);
    }

    private void runRepeating() {
01|        future = ASYNC_EXECUTOR.scheduleAtFixedRate(() -> {
01|            try {
01|                runnable.run();
01|            } catch (Throwable e) {
01|                plugin.log(Level.SEVERE, "Failed to run a repeating task", e);
01|            }
01|        }, delayTicks * 50, periodTicks * 50, TimeUnit.MILLISECONDS);
2|        future = ASYNC_EXECUTOR.scheduleAtFixedRate(runnable, delayTicks * 50, periodTicks * 50, TimeUnit.MILLISECONDS); //@CONC-07
    }

    @Override
    public void cancel() {
        if (future != null) {
            future.cancel(false);
        }
    }
}
''')
cases_of(case, GH + 'WiIIiam278/HuskHomes/pull/661',
         src('net.william278.huskhomes.util', 'FabricTask'),
         J('net.william278.huskhomes.util', ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                                             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                             'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level',
                                             'net.william278.huskhomes.FabricHuskHomes'])(HUSKHOMES), [
             (1, 'java-00-huskhomes-executor-per-delayed-task',
              'an edit schedules each delayed task on an executor of its own, so every teleport warm-up leaves a '
              'non-daemon scheduler thread behind that nobody shuts down', 'edit'),
             (2, 'java-00-huskhomes-repeating-task-without-catch',
              'an edit schedules repeating tasks without catching what they throw, so the first failure of the '
              'cooldown sweeper cancels it silently for the rest of the server\'s life', 'edit'),
             (0, 'java-ok-00-huskhomes-delayed-task-on-shared-executor',
              'clean: the fix schedules delayed tasks on the shared executor again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: update check of a Discord bridge mod (DiscordIntegration), new file
DISCORDINT = template('discordintegration-update-checker', r'''
/** Asks the project's release feed for the newest version once at start-up, so the console can suggest an update. */
public final class UpdateChecker {

    private static final Logger LOGGER = LogManager.getLogger("DiscordIntegration");
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    private UpdateChecker() {
    }

    public static Optional<String> latestVersion(String feedUrl, String minecraftVersion) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(feedUrl).openConnection(); //@{1}TMO-01
02|            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestProperty("Accept", "application/json");
01|            try (Reader reader = new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8)) {
01|                return Optional.ofNullable(promotedVersion(reader, minecraftVersion));
01|            }
2|            Reader reader = new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8); //@RES-01
2|            return Optional.ofNullable(promotedVersion(reader, minecraftVersion));
        } catch (IOException | JsonParseException e) {
            LOGGER.warn("Could not check for updates: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String promotedVersion(Reader reader, String minecraftVersion) {
        JsonObject promos = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("promos");
        JsonElement recommended = promos.get(minecraftVersion + "-recommended");
        return recommended == null ? null : recommended.getAsString();
    }
}
''')
cases_of(case, GH + 'MiraWaNeko/DiscordIntegration/issues/199',
         src('chikachi.discord.core', 'UpdateChecker'),
         J('chikachi.discord.core', ['com.google.gson.JsonElement', 'com.google.gson.JsonObject',
                                     'com.google.gson.JsonParseException', 'com.google.gson.JsonParser',
                                     'java.io.IOException', 'java.io.InputStreamReader', 'java.io.Reader',
                                     'java.net.HttpURLConnection', 'java.net.URL', 'java.nio.charset.StandardCharsets',
                                     'java.util.Optional', 'org.apache.logging.log4j.LogManager',
                                     'org.apache.logging.log4j.Logger'])(DISCORDINT), [
             (1, 'java-00-discordintegration-new-update-check-without-timeouts',
              'a new update check opens its connection without connect or read timeouts, so a release host that is '
              'down holds the server\'s start-up with it', 'new'),
             (2, 'java-00-discordintegration-new-update-check-reader-not-closed',
              'a new update check never closes the reader of the feed, so its connection stays open after the '
              'check', 'new'),
             (0, 'java-ok-00-discordintegration-new-update-check',
              'clean: a new update check with timeouts that closes its reader', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: lyrics lookup of a music bot (java-music-bot), moved file
MUSICBOT = template('musicbot-lyrics-service', r'''
/** Looks up song lyrics and cover art for the now-playing message, over the bot's one shared HTTP client. */
public class LyricsService {

    private static final Logger LOG = LoggerFactory.getLogger(LyricsService.class);
    private static final String SEARCH_URL = "https://api.genius.com/search";

    private final OkHttpClient http;
    private final String token;

    public LyricsService(OkHttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public Optional<String> findSongUrl(String query) throws IOException {
        HttpUrl url = HttpUrl.get(SEARCH_URL).newBuilder().addQueryParameter("q", query).build();
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
02|        try (Response response = http.newCall(request).execute()) {
1|        OkHttpClient client = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build(); //@RES-04
1|        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                LOG.debug("Lyrics search for {} answered {}", query, response.code());
                return Optional.empty();
            }
            JSONArray hits = new JSONObject(response.body().string()).getJSONObject("response").getJSONArray("hits");
            return hits.isEmpty() ? Optional.empty()
                    : Optional.of(hits.getJSONObject(0).getJSONObject("result").getString("url"));
        }
    }

    public byte[] coverArt(String imageUrl) throws IOException {
01|        try (Response response = http.newCall(new Request.Builder().url(imageUrl).build()).execute()) {
01|            return bodyOf(response);
01|        }
2|        Response response = http.newCall(new Request.Builder().url(imageUrl).build()).execute(); //@RES-02
2|        return bodyOf(response);
    }

    private static byte[] bodyOf(Response response) throws IOException {
        if (!response.isSuccessful() || response.body() == null) {
            throw new IOException("Cover art request answered " + response.code());
        }
        return response.body().bytes();
    }
}
''')
cases_of(case, GH + 'dabbotorg/java-music-bot/pull/60',
         src('ovh.not.javamusicbot.lyrics', 'LyricsService'),
         J('ovh.not.javamusicbot.lyrics', SLF4J + ['java.io.IOException', 'java.util.Optional',
                                                   'java.util.concurrent.TimeUnit', 'okhttp3.HttpUrl', 'okhttp3.OkHttpClient',
                                                   'okhttp3.Request', 'okhttp3.Response', 'org.json.JSONArray',
                                                   'org.json.JSONObject'])(MUSICBOT), [
             (1, 'java-00-musicbot-moved-lyrics-client-per-search',
              'a PR moves the lyrics service into its own package and builds an OkHttp client for every search, so '
              'each now-playing message starts a new connection pool and dispatcher', 'rename'),
             (2, 'java-00-musicbot-moved-cover-art-response-not-closed',
              'a PR moves the lyrics service into its own package and no longer closes the cover-art response, so '
              'every missing image leaks its connection', 'rename'),
             (0, 'java-ok-00-musicbot-moved-lyrics-service',
              'clean: the move alone, over the shared client', 'rename'),
         ], rename_from=src('ovh.not.javamusicbot.utils', 'LyricsService'),
         rename_old=lambda text: text.replace('package ovh.not.javamusicbot.lyrics;', 'package ovh.not.javamusicbot.utils;'))


# ---------------------------------------------------------------- ERR-01 / CONC-05: REST requester of a Discord library (JDA)
JDA = template('jda-requester', r'''
/** Executes the REST requests of one JDA session, retrying once when Discord does not answer in time. */
public class Requester {

    private static final Logger LOG = LoggerFactory.getLogger(Requester.class);

    private final OkHttpClient httpClient;
    private final boolean retryOnTimeout;

    public Requester(OkHttpClient httpClient, boolean retryOnTimeout) {
        this.httpClient = httpClient;
        this.retryOnTimeout = retryOnTimeout;
    }

    /** The response of the request, or null when the request failed and its callbacks were told so. */
    public Response execute(Request<?> apiRequest, boolean retried) {
        Call call = httpClient.newCall(apiRequest.toOkHttpRequest());
        try {
            return call.execute();
        } catch (SocketTimeoutException e) {
            return retryOnTimeout && !retried ? execute(apiRequest, true) : fail(apiRequest, e);
        } catch (IOException e) { //@{1}ERR-01
02|            return fail(apiRequest, e);
1|            return null;
        }
    }

    private Response fail(Request<?> apiRequest, IOException e) {
        LOG.error("There was an I/O error while executing a REST request to {}", apiRequest.getRoute(), e);
        apiRequest.onFailure(e);
        return null;
    }

    /** Waits out a rate limit before the bucket's next request. */
    void backoff(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
2|            LOG.debug("Interrupted while waiting out a rate limit of {} ms", millis);
        }
    }
}
''')
cases_of(case, GH + 'discord-jda/JDA/pull/413',
         src('net.dv8tion.jda.core.requests', 'Requester'),
         J('net.dv8tion.jda.core.requests', SLF4J + ['java.io.IOException', 'java.net.SocketTimeoutException',
                                                     'okhttp3.Call', 'okhttp3.OkHttpClient', 'okhttp3.Response'])(JDA), [
             (1, 'java-00-jda-requester-io-error-swallowed',
              'an edit answers a failed REST call with null without logging it or failing the request, so the '
              'caller\'s callbacks never run and the action hangs without a trace', 'edit'),
             (2, 'java-00-jda-requester-backoff-interrupt-swallowed',
              'an edit logs and swallows the interrupt of a rate-limit wait, so shutting the session down leaves its '
              'rate-limit thread running', 'edit'),
             (0, 'java-ok-00-jda-requester-io-error-fails-request',
              'clean: the fix fails the request and logs the error again', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: sanction dates of a BungeeCord admin plugin (BungeeAdminTools), two hunks
BAT = template('bat-sanction-dates', r'''
/** Formats the dates of bans and mutes for the lookup command, relative ("today", "tomorrow") when close. */
public class SanctionDateFormatter {

    private final ZoneId zone;
    private final DateTimeFormatter absolute;
01|    private final Map<String, String> lastLookups = new ConcurrentHashMap<>();
2|    private final Map<String, String> lastLookups = new HashMap<>(); //@CONC-03

    public SanctionDateFormatter(BATConfig config) {
        this.zone = ZoneId.of(config.getTimeZone());
        this.absolute = DateTimeFormatter.ofPattern(config.getDateFormat()).withZone(zone);
    }

    public String format(Timestamp date) {
02|        LocalDate day = date.toInstant().atZone(zone).toLocalDate();
02|        LocalDate today = LocalDate.now(zone);
1|        LocalDate day = date.toLocalDateTime().toLocalDate(); //@TIME-01
1|        LocalDate today = LocalDate.now();
        if (day.equals(today)) {
            return "today";
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return absolute.format(date.toInstant());
    }

    /** Remembers what the staff member looked up last, for the lookup command's "again" shortcut. */
    public void rememberLookup(String staff, String target) {
        lastLookups.put(staff, target);
    }

    public String lastLookup(String staff) {
        return lastLookups.get(staff);
    }
}
''')
cases_of(case, GH + 'alphartdev/BungeeAdminTools/issues/19',
         src('fr.Alphart.BAT.Utils', 'SanctionDateFormatter'),
         JV('fr.Alphart.BAT.Utils', {
             0: ['fr.Alphart.BAT.BATConfig', 'java.sql.Timestamp', 'java.time.LocalDate', 'java.time.ZoneId',
                 'java.time.format.DateTimeFormatter', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap'],
             1: ['fr.Alphart.BAT.BATConfig', 'java.sql.Timestamp', 'java.time.LocalDate', 'java.time.ZoneId',
                 'java.time.format.DateTimeFormatter', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap'],
             2: ['fr.Alphart.BAT.BATConfig', 'java.sql.Timestamp', 'java.time.LocalDate', 'java.time.ZoneId',
                 'java.time.format.DateTimeFormatter', 'java.util.HashMap', 'java.util.Map'],
         })(BAT), [
             (1, 'java-00-bat-sanction-day-in-jvm-zone',
              'an edit works out "today" and "tomorrow" from the JVM\'s default zone and the database\'s local '
              'time, so a ban ending on the sixth shows as tomorrow on the sixth when the proxy and MySQL disagree '
              'on the zone', 'edit'),
             (2, 'java-00-bat-lookup-map-not-thread-safe',
              'an edit keeps the staff members\' last lookups in a plain HashMap that the proxy\'s command threads '
              'write at once', 'edit'),
             (0, 'java-ok-00-bat-sanction-day-in-configured-zone',
              'clean: the fix compares days in the configured zone again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-04: async scheduler of a command framework (LiteCommands), new file
LITECOMMANDS = template('litecommands-bukkit-scheduler', r'''
/** Runs command executions on the Bukkit main thread or on the framework's own pool, as each command asks. */
public class BukkitSchedulerImpl implements Scheduler {

    private static final ThreadLocal<Invocation<?>> CURRENT_INVOCATION = new ThreadLocal<>();

    private final BukkitScheduler bukkitScheduler;
    private final Plugin plugin;
    private final ExecutorService asyncExecutor;

    public BukkitSchedulerImpl(BukkitScheduler bukkitScheduler, Plugin plugin, ExecutorService asyncExecutor) {
        this.bukkitScheduler = bukkitScheduler;
        this.plugin = plugin;
        this.asyncExecutor = asyncExecutor;
    }

    /** The invocation whose command runs on this thread, for argument resolvers that need it. */
    public static Invocation<?> currentInvocation() {
        return CURRENT_INVOCATION.get();
    }

    @Override
    public <T> CompletableFuture<T> supplySync(Invocation<?> invocation, Supplier<T> supplier) {
        CompletableFuture<T> future = new CompletableFuture<>();
        bukkitScheduler.runTask(plugin, () -> tryRun(invocation, future, supplier));
        return future;
    }

    @Override
    public <T> CompletableFuture<T> supplyAsync(Invocation<?> invocation, Supplier<T> supplier) {
        CompletableFuture<T> future = new CompletableFuture<>();
02|        asyncExecutor.execute(() -> tryRun(invocation, future, supplier));
1|        asyncExecutor.submit(() -> future.complete(supplier.get())); //@CONC-06
        return future;
    }

    private <T> void tryRun(Invocation<?> invocation, CompletableFuture<T> future, Supplier<T> supplier) {
        CURRENT_INVOCATION.set(invocation); //@{2}CONC-04
01|        try {
01|            future.complete(supplier.get());
01|        } catch (Throwable throwable) {
01|            future.completeExceptionally(throwable);
01|        } finally {
01|            CURRENT_INVOCATION.remove();
01|        }
2|        try {
2|            future.complete(supplier.get());
2|        } catch (Throwable throwable) {
2|            future.completeExceptionally(throwable);
2|        }
    }
}
''')
cases_of(case, GH + 'Rollczi/LiteCommands/pull/486',
         src('dev.rollczi.litecommands.bukkit', 'BukkitSchedulerImpl'),
         J('dev.rollczi.litecommands.bukkit', ['dev.rollczi.litecommands.invocation.Invocation',
                                               'dev.rollczi.litecommands.scheduler.Scheduler',
                                               'java.util.concurrent.CompletableFuture',
                                               'java.util.concurrent.ExecutorService', 'java.util.function.Supplier',
                                               'org.bukkit.plugin.Plugin',
                                               'org.bukkit.scheduler.BukkitScheduler'])(LITECOMMANDS), [
             (1, 'java-00-litecommands-new-scheduler-async-future-dropped',
              'a new scheduler submits asynchronous executions and drops the pool\'s future, so a command that '
              'throws leaves its own future incomplete and the exception in a future nobody reads', 'new'),
             (2, 'java-00-litecommands-new-scheduler-invocation-left-on-thread',
              'a new scheduler sets the current invocation on the pool thread and never removes it, so the next '
              'command on that thread sees the previous sender\'s invocation', 'new'),
             (0, 'java-ok-00-litecommands-new-scheduler',
              'clean: a new scheduler that completes every future and clears the invocation in a finally block',
              'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-03: movement check of a multi-threaded tick mod (TickThreading)
TICKTHREADING = template('tickthreading-movement-check', r'''
/**
 * Checks player movement on the tick threads: with TickThreading every world region ticks on its own thread, so
 * this check runs concurrently for players in different regions.
 */
public class MovementCheck {

    private static final Logger log = Logger.getLogger("TickThreading");

    private final TickThreadingConfig config;
    private final Map<String, Integer> violations = new HashMap<>();
    private final RateLimiter warnLimiter;

    public MovementCheck(TickThreadingConfig config) {
        this.config = config;
        this.warnLimiter = new RateLimiter(config.fastMovementWarningsPerMinute);
    }

    public void checkMovement(EntityPlayerMP player, double distanceSq) {
        if (distanceSq <= config.maxMovementSq) {
            return;
        }
        int count = recordViolation(player.username);
02|        if (config.logFastMovement && warnLimiter.tryAcquire()) {
02|            log.log(Level.WARNING, "{0} was travelling too fast ({1} blocks, violation {2})",
02|                    new Object[] {player.username, Math.sqrt(distanceSq), count});
02|        }
1|        log.log(Level.WARNING, "{0} moved too fast: {1} blocks", new Object[] {player.username, Math.sqrt(distanceSq)}); //@LOG-01
        if (config.kickForFastMovement && count >= config.maxViolations) {
            player.playerNetServerHandler.kickPlayerFromServer("You moved too quickly :( (Hacking?)");
        }
    }

01|    private synchronized int recordViolation(String username) {
2|    private int recordViolation(String username) {
        return violations.merge(username, 1, Integer::sum); //@{2}CONC-03
    }

    public synchronized void reset(String username) {
        violations.remove(username);
    }
}
''')
cases_of(case, GH + 'MinimallyCorrect/TickThreading/issues/116',
         src('nallar.tickthreading.minecraft', 'MovementCheck'),
         J('nallar.tickthreading.minecraft', ['java.util.HashMap', 'java.util.Map', 'java.util.logging.Level',
                                              'java.util.logging.Logger', 'nallar.tickthreading.util.RateLimiter',
                                              'net.minecraft.entity.player.EntityPlayerMP'])(TICKTHREADING), [
             (1, 'java-00-tickthreading-logs-every-fast-move',
              'an edit logs every movement over the limit at warning level, so one lagging player fills the console '
              'with a line per tick', 'edit'),
             (2, 'java-00-tickthreading-violation-count-unsynchronized',
              'an edit drops the synchronisation of the violation counter, so tick threads of two regions update the '
              'same HashMap at once', 'edit'),
             (0, 'java-ok-00-tickthreading-fast-move-warnings-limited',
              'clean: the fix logs fast movement only when configured and rate-limited', 'fix'),
         ])
