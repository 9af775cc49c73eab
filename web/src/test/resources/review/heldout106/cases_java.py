"""Round-106 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- ERR-01 / LOG-02: stream reader of a social network API library (Twitter4J)
TWITTER4J = template('twitter4j-stream-loop', r'''
/**
 * Reads one streaming connection and hands each line to the listeners. {@link #run()} reconnects with back-off until
 * {@link #close()} is called; an element the stream cannot handle must end the current connection, not the loop.
 */
class TwitterStreamConsumer extends Thread {
    private static final Logger logger = LoggerFactory.getLogger(TwitterStreamConsumer.class);

    private final StreamListener[] streamListeners;
    private final RawStreamListener[] rawStreamListeners;
    private final StreamProvider provider;
    private volatile boolean closed = false;
    private StatusStream stream = null;

    TwitterStreamConsumer(StreamProvider provider, StreamListener[] streamListeners, RawStreamListener[] rawStreamListeners) {
        super("Twitter4J Stream consumer");
        this.provider = provider;
        this.streamListeners = streamListeners;
        this.rawStreamListeners = rawStreamListeners;
    }

    @Override
    public void run() {
        int backoff = 0;
        while (!closed) {
            try {
                if (stream == null) {
                    stream = provider.open();
                    backoff = 0;
                }
                stream.next(streamListeners, rawStreamListeners);
            } catch (IllegalStateException ise) { //@{1}ERR-01
02|                logger.warn("Stream already closed, reconnecting", ise);
02|                closeStream();
1|                // the stream is already closed; keep reading
            } catch (TwitterException te) {
                logger.info("Stream connection failed, retrying in {} ms", backoff, te);
                closeStream();
                backoff = sleepBackoff(backoff);
            }
        }
        closeStream();
    }

    void onLine(String line) {
01|        logger.debug("Received {} chars on the stream", line.length());
2|        logger.debug("Received: " + line); //@LOG-02
        for (RawStreamListener listener : rawStreamListeners) {
            listener.onMessage(line);
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                logger.debug("Closing the stream failed", e);
            }
            stream = null;
        }
    }

    private int sleepBackoff(int backoff) {
        int next = backoff == 0 ? 250 : Math.min(backoff * 2, 16_000);
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        return next;
    }

    void close() {
        closed = true;
        interrupt();
    }
}
''')
cases_of(case, GH + 'Twitter4J/Twitter4J/pull/179', 'twitter4j-stream/' + src('twitter4j', 'TwitterStreamConsumer'),
         J('twitter4j', SLF4J + ['java.io.IOException'])(TWITTER4J), [
             (1, 'java-00-twitter4j-closed-stream-error-swallowed',
              'an edit catches the closed stream\'s IllegalStateException without logging it or dropping the stream, '
              'so the consumer loops on the same dead stream for good', 'edit'),
             (2, 'java-00-twitter4j-debug-line-concatenated',
              'an edit concatenates every received line into its debug message, building the string for each line '
              'of the stream even with debug logging off', 'edit'),
             (0, 'java-ok-00-twitter4j-closed-stream-reconnects',
              'clean: the fix logs the closed stream and drops it so the loop reconnects', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: streaming channel of a Mastodon and Twitter client (Yukari)
YUKARI = template('yukari-stream-channel', r'''
/**
 * One Mastodon streaming connection of the background service. {@link #stop()} is called when the service unbinds;
 * the reader thread must notice the interrupt and end, or it keeps reconnecting after the service is gone.
 */
public class MastodonStreamChannel {
    private static final String TAG = "MastodonStreamChannel";
    private static final long RECONNECT_DELAY_MS = 5_000;

    private final OkHttpClient client;
    private final Request request;
    private final StreamListener listener;
    private final Thread reader;

    public MastodonStreamChannel(OkHttpClient client, String instance, String accessToken, StreamListener listener) {
        this.client = client;
        this.listener = listener;
        this.request = new Request.Builder()
                .url("https://" + instance + "/api/v1/streaming/user")
                .header("Authorization", "Bearer " + accessToken)
                .build();
        this.reader = new Thread(this::readLoop, "MastodonStream-" + instance); //@{2}CONC-01
01|        this.reader.setUncaughtExceptionHandler((t, e) -> Log.e(TAG, "stream reader died", e));
    }

    public void start() {
        reader.start();
    }

    public void stop() {
        reader.interrupt();
    }

    private void readLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Response response = client.newCall(request).execute();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    listener.onLine(line);
                }
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                Log.w(TAG, "stream disconnected, reconnecting", e);
            }
            try {
                Thread.sleep(RECONNECT_DELAY_MS);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                return;
1|                Log.d(TAG, "reconnect wait interrupted");
            }
        }
    }
}
''')
cases_of(case, GH + 'shibafu528/Yukari/issues/163', 'Yukari/' + src('shibafu.yukari.mastodon.streaming', 'MastodonStreamChannel'),
         J('shibafu.yukari.mastodon.streaming', ['android.util.Log', 'java.io.BufferedReader', 'java.io.IOException',
                                                 'java.io.InputStreamReader', 'java.io.InterruptedIOException',
                                                 'java.nio.charset.StandardCharsets', 'okhttp3.OkHttpClient',
                                                 'okhttp3.Request', 'okhttp3.Response'])(YUKARI), [
             (1, 'java-00-yukari-reconnect-wait-interrupt-lost',
              'an edit logs the interrupt of the reconnect wait and carries on, so a stopped channel clears its '
              'interrupt flag and keeps reconnecting after the service unbound', 'edit'),
             (2, 'java-00-yukari-reader-thread-without-handler',
              'an edit starts the stream reader thread without an uncaught-exception handler, so a listener failure '
              'ends the stream with nothing in the log', 'edit'),
             (0, 'java-ok-00-yukari-reconnect-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag and ends the reader', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TIME-01: reminder scheduler of a community Discord bot (KHUx-Discord-Bot)
KHUX = template('khux-reminder-scheduler', r'''
/**
 * Posts the lux bonus reminders and the game's tweets into the channels that enabled them. One tick a minute; a
 * tick that fails (Discord down, a deleted channel) must not end the schedule.
 */
public class ReminderScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final ZoneId GAME_ZONE = ZoneId.of("America/Los_Angeles");

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ReminderSettings settings;
    private final ChannelNotifier notifier;

    public ReminderScheduler(ReminderSettings settings, ChannelNotifier notifier) {
        this.settings = settings;
        this.notifier = notifier;
    }

    public void start() {
02|        executor.scheduleAtFixedRate(guarded(this::tick), secondsToNextMinute(), 60, TimeUnit.SECONDS);
1|        executor.scheduleAtFixedRate(this::tick, secondsToNextMinute(), 60, TimeUnit.SECONDS); //@CONC-07
    }
02|
02|    private static Runnable guarded(Runnable tick) {
02|        return () -> {
02|            try {
02|                tick.run();
02|            } catch (RuntimeException e) {
02|                LOG.error("Reminder tick failed; the next tick runs as scheduled", e);
02|            }
02|        };
02|    }

    private void tick() {
01|        ZonedDateTime now = ZonedDateTime.now(GAME_ZONE);
2|        LocalDateTime now = LocalDateTime.now(); //@TIME-01
        for (LuxWindow window : settings.luxWindows()) {
            if (now.getHour() == window.startHour() && now.getMinute() == 0) {
                notifier.postLuxReminder(window);
            }
        }
        notifier.postNewTweets();
    }

    private static long secondsToNextMinute() {
        return 60 - Instant.now().getEpochSecond() % 60;
    }

    public void stop() {
        executor.shutdown();
    }
}
''')
_KHUX_BASE = SLF4J + ['java.time.Instant', 'java.time.ZoneId', 'java.util.concurrent.Executors',
                      'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'xlash123/KHUx-Discord-Bot/issues/14', src('xlash.bot.khux', 'ReminderScheduler'),
         JV('xlash.bot.khux', {0: _KHUX_BASE + ['java.time.ZonedDateTime'],
                               1: _KHUX_BASE + ['java.time.ZonedDateTime'],
                               2: _KHUX_BASE + ['java.time.LocalDateTime']})(KHUX), [
             (1, 'java-00-khux-reminder-tick-unguarded',
              'an edit schedules the reminder tick without the guard that catches its failures, so one failed post '
              'silently cancels every later reminder', 'edit'),
             (2, 'java-00-khux-lux-window-in-host-zone',
              'an edit reads the lux window\'s hour in the host\'s default time zone, so a bot hosted outside the '
              'game\'s zone posts reminders at the wrong hour', 'edit'),
             (0, 'java-ok-00-khux-reminder-tick-guarded',
              'clean: the fix schedules the tick through a guard that logs a failure and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: client builder of a Mastodon API library (bigbone)
BIGBONE = template('bigbone-instance-version', r'''
    /**
     * Asks the instance which API version it runs, first on the v2 endpoint. The builder is used once per client,
     * but apps build a client per account switch, so a leaked response shows up as a pool warning quickly.
     */
    private InstanceVersion getInstanceVersion() throws BigBoneRequestException {
        Request request = new Request.Builder()
                .url("https://" + instanceName + "/api/v2/instance")
                .get()
                .build();
0|        try (Response response = httpClient.newCall(request).execute()) {
1|        try {
1|            Response response = httpClient.newCall(request).execute(); //@RES-02
2|        OkHttpClient client = new OkHttpClient.Builder().readTimeout(readTimeoutSeconds, TimeUnit.SECONDS).build(); //@RES-04
2|        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                return getInstanceVersionViaV1();
            }
            return InstanceVersion.parse(JsonParser.parseString(body.string()).getAsJsonObject().get("version").getAsString());
        } catch (IOException e) {
            throw new BigBoneRequestException("Fetching the version of " + instanceName + " failed", e);
        }
    }
''')
_BB_BASE = ['com.google.gson.JsonParser', 'java.io.IOException', 'okhttp3.Request', 'okhttp3.Response',
            'okhttp3.ResponseBody', 'social.bigbone.api.exception.BigBoneRequestException',
            'social.bigbone.data.InstanceVersion']
_BB_HEAD = r'''
/**
 * Builds a {@link MastodonClient}: resolves the instance's API version and the client's HTTP settings.
 */
public class MastodonClientBuilder {
    private final String instanceName;
    private final OkHttpClient httpClient;
    private final long readTimeoutSeconds;

    public MastodonClientBuilder(String instanceName, OkHttpClient httpClient, long readTimeoutSeconds) {
        this.instanceName = instanceName;
        this.httpClient = httpClient;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    public MastodonClient build() throws BigBoneRequestException {
        InstanceVersion version = getInstanceVersion();
        return new MastodonClient(instanceName, httpClient, version);
    }
'''
_BB_TAIL = r'''
    private InstanceVersion getInstanceVersionViaV1() throws BigBoneRequestException {
        Request request = new Request.Builder().url("https://" + instanceName + "/api/v1/instance").get().build();
        try (Response response = httpClient.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new BigBoneRequestException("Instance " + instanceName + " answered " + response.code());
            }
            return InstanceVersion.parse(JsonParser.parseString(body.string()).getAsJsonObject().get("version").getAsString());
        } catch (IOException e) {
            throw new BigBoneRequestException("Fetching the version of " + instanceName + " failed", e);
        }
    }
}
'''
cases_of(case, GH + 'PattaFeuFeu/bigbone/pull/187', 'bigbone/' + src('social.bigbone', 'MastodonClientBuilder'),
         JV('social.bigbone', {0: _BB_BASE + ['okhttp3.OkHttpClient'], 1: _BB_BASE + ['okhttp3.OkHttpClient'],
                               2: _BB_BASE + ['okhttp3.OkHttpClient', 'java.util.concurrent.TimeUnit']})(
             _BB_HEAD + BIGBONE + _BB_TAIL), [
             (1, 'java-00-bigbone-version-response-left-open',
              'an edit takes the v2 instance response out of its try-with-resources, so an instance without the v2 '
              'endpoint leaves the response and its connection open', 'edit'),
             (2, 'java-00-bigbone-http-client-per-version-check',
              'an edit builds a new OkHttpClient, with its own pool and dispatcher threads, for the version check of '
              'every client built', 'edit'),
             (0, 'java-ok-00-bigbone-version-response-closed',
              'clean: the fix closes the v2 instance response on every path', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: status date parsing of a microblogging client (Twidere)
TWIDERE = template('twidere-created-at', r'''
/**
 * Parses the {@code created_at} of Twitter-compatible APIs (Twitter, GNU social, StatusNet). The servers send UTC with
 * a literal {@code +0000}; the timeline loaders of several accounts parse on their own threads.
 */
public final class TwitterDateConverter {
    private static final SimpleDateFormat CREATED_AT_FORMAT =
            new SimpleDateFormat("EEE MMM dd HH:mm:ss '+0000' yyyy", Locale.ENGLISH); //@{1}TIME-01

    static {
02|        CREATED_AT_FORMAT.setTimeZone(TimeZone.getTimeZone("UTC"));
        CREATED_AT_FORMAT.setLenient(false);
    }

    private TwitterDateConverter() {
    }

    // SimpleDateFormat keeps its parse state in the instance, so every use goes through this lock.
01|    public static synchronized Date parseCreatedAt(String value) throws ParseException {
2|    public static Date parseCreatedAt(String value) throws ParseException {
        return CREATED_AT_FORMAT.parse(value); //@{2}CONC-03
    }

    public static long parseCreatedAtMillis(String value, long fallback) {
        try {
            return parseCreatedAt(value).getTime();
        } catch (ParseException e) {
            return fallback;
        }
    }
}
''')
cases_of(case, GH + 'TwidereProject/Twidere-Android/issues/305',
         'twidere/' + src('org.mariotaku.twidere.util', 'TwitterDateConverter'),
         JV('org.mariotaku.twidere.util', {0: ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                                'java.util.Locale', 'java.util.TimeZone'],
                                            1: ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                                'java.util.Locale'],
                                            2: ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                                'java.util.Locale', 'java.util.TimeZone']})(TWIDERE), [
             (1, 'java-00-twidere-created-at-parsed-in-device-zone',
              'an edit drops the UTC zone of the created_at format, so the literal +0000 is ignored and every status '
              'from a server in UTC is dated by the device\'s offset', 'edit'),
             (2, 'java-00-twidere-shared-format-unsynchronized',
              'an edit drops the lock around the shared SimpleDateFormat, so timelines loading on several threads '
              'corrupt each other\'s parse state', 'edit'),
             (0, 'java-ok-00-twidere-created-at-parsed-in-utc',
              'clean: the fix parses created_at with the format set to UTC', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: streaming service of a desktop Twitter client (Lyrebird), moved file
LYREBIRD = template('lyrebird-streaming-service', r'''
/**
 * Keeps the user stream of the current session and hands its statuses to the timeline on a single dispatch thread.
 * A session switch restarts the stream; the application context closes it on exit.
 */
@Component
public class TwitterStreamingService implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(TwitterStreamingService.class);
    private static final int DISPATCH_QUEUE_SIZE = 1_000;

    private final TwitterStreamFactory streamFactory;
01|    private final ExecutorService dispatchExecutor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
01|            new ArrayBlockingQueue<>(DISPATCH_QUEUE_SIZE), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private final ExecutorService dispatchExecutor = Executors.newCachedThreadPool(); //@CONC-02
    private TwitterStream stream;

    public TwitterStreamingService(TwitterStreamFactory streamFactory) {
        this.streamFactory = streamFactory;
    }

    public synchronized void restart(StatusListener timeline) {
02|        if (stream != null) {
02|            stream.clearListeners();
02|            stream.shutdown();
02|        }
        stream = streamFactory.getInstance(); //@{1}RES-01
        stream.addListener(dispatching(timeline));
        stream.user();
        LOG.info("User stream started");
    }

    private StatusListener dispatching(StatusListener timeline) {
        return new StatusAdapter() {
            @Override
            public void onStatus(Status status) {
                dispatchExecutor.execute(() -> timeline.onStatus(status));
            }
        };
    }

    @Override
    public synchronized void destroy() {
        if (stream != null) {
            stream.clearListeners();
            stream.shutdown();
        }
        dispatchExecutor.shutdown();
    }
}
''')
_LB_BASE = SLF4J + ['java.util.concurrent.ExecutorService', 'org.springframework.beans.factory.DisposableBean',
                    'org.springframework.stereotype.Component', 'twitter4j.Status', 'twitter4j.StatusAdapter',
                    'twitter4j.StatusListener', 'twitter4j.TwitterStream', 'twitter4j.TwitterStreamFactory']
_LB_BOUNDED = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
               'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'Tristan971/Lyrebird/issues/25',
         'lyrebird/' + src('moe.lyrebird.model.twitter.streaming', 'TwitterStreamingService'),
         JV('moe.lyrebird.model.twitter.streaming', {0: _LB_BASE + _LB_BOUNDED, 1: _LB_BASE + _LB_BOUNDED,
                                                    2: _LB_BASE + ['java.util.concurrent.Executors']})(LYREBIRD), [
             (1, 'java-00-lyrebird-moved-restart-leaves-old-stream',
              'a PR moves the streaming service into its own package and restarts the stream without shutting the '
              'previous one down, so each session switch leaves a stream and its threads running', 'rename'),
             (2, 'java-00-lyrebird-moved-unbounded-dispatch-pool',
              'a PR moves the streaming service into its own package and dispatches statuses on a cached pool, so a '
              'burst of statuses starts a thread per status', 'rename'),
             (0, 'java-ok-00-lyrebird-moved-streaming-service',
              'clean: the move alone; a restart shuts the previous stream down and dispatch is bounded', 'rename'),
         ], rename_from='lyrebird/' + src('moe.lyrebird.model.twitter', 'TwitterStreamingService'),
         rename_old=lambda t: t.replace('package moe.lyrebird.model.twitter.streaming;',
                                        'package moe.lyrebird.model.twitter;'))


# ---------------------------------------------------------------- TMO-01 / LOG-01: filtered stream executor of a social network API SDK (twitter-api-java-sdk), new file
XSTREAM = template('twitter-sdk-stream-executor', r'''
/**
 * Reads a filtered stream into a bounded queue and feeds the listeners from it. The API sends a keep-alive newline
 * every 20 seconds, so a read that waits much longer means the connection went stale and must be reopened.
 */
public class TweetsStreamListenersExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(TweetsStreamListenersExecutor.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int KEEP_ALIVE_TIMEOUT_MS = 30_000;

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(10_000);
    private final List<TweetsStreamListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public void addListener(TweetsStreamListener listener) {
        listeners.add(listener);
    }

    InputStream openStream(URL streamUrl, String bearerToken) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) streamUrl.openConnection(); //@{1}TMO-01
        connection.setRequestProperty("Authorization", "Bearer " + bearerToken);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|        connection.setReadTimeout(KEEP_ALIVE_TIMEOUT_MS);
        return connection.getInputStream();
    }

    void queueLines(BufferedReader reader) throws IOException, InterruptedException {
        String line;
        while (running && (line = reader.readLine()) != null) {
            if (!line.isEmpty()) {
                queue.put(line);
            }
        }
    }

    void dispatchLoop() {
        while (running) {
            try {
                String line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
2|                    LOG.debug("Waiting to receive a tweet, queue size {}", queue.size()); //@LOG-01
                    continue;
                }
                for (TweetsStreamListener listener : listeners) {
                    listener.actionOnTweetsStream(line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    public void shutdown() {
        running = false;
    }
}
''')
cases_of(case, GH + 'xdevplatform/twitter-api-java-sdk/issues/37',
         src('com.twitter.clientlib.stream', 'TweetsStreamListenersExecutor'),
         J('com.twitter.clientlib.stream', SLF4J + ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStream',
                                                    'java.net.HttpURLConnection', 'java.net.URL', 'java.util.List',
                                                    'java.util.concurrent.ArrayBlockingQueue',
                                                    'java.util.concurrent.BlockingQueue',
                                                    'java.util.concurrent.CopyOnWriteArrayList',
                                                    'java.util.concurrent.TimeUnit'])(XSTREAM), [
             (1, 'java-00-twitter-sdk-stream-without-read-timeout',
              'a new stream executor opens the filtered stream without a read timeout, so a connection that stops '
              'sending keep-alives goes stale and the listeners wait forever', 'new'),
             (2, 'java-00-twitter-sdk-log-per-empty-poll',
              'a new stream executor logs every empty poll of its queue, ten lines a second on a quiet stream', 'new'),
             (0, 'java-ok-00-twitter-sdk-stream-executor',
              'clean: a new stream executor with a keep-alive read timeout and no log per poll', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-06: notification retrieval of a Mastodon client (mastalab)
MASTALAB = template('mastalab-notifications', r'''
/**
 * Fetches the account's notifications off the main thread and reports the outcome to the listener, which shows the
 * list or an error message. A failed fetch must reach the listener, or the screen keeps its spinner forever.
 */
public class NotificationsRetriever {
    private static final String TAG = "NotificationsRetriever";

    private final API api;
    private final ExecutorService executor;
    private final OnRetrieveNotificationsListener listener;

    public NotificationsRetriever(API api, ExecutorService executor, OnRetrieveNotificationsListener listener) {
        this.api = api;
        this.executor = executor;
        this.listener = listener;
    }

    public void refresh(Account account, String maxId) {
01|        CompletableFuture
01|                .supplyAsync(() -> fetch(account, maxId), executor)
01|                .whenComplete((notifications, error) -> {
01|                    if (error != null) {
01|                        Log.w(TAG, "Retrieving notifications failed", error);
01|                        listener.onRetrieveNotificationsFailed(error);
01|                        return;
01|                    }
01|                    listener.onRetrieveNotifications(notifications);
01|                });
2|        executor.submit(() -> listener.onRetrieveNotifications(fetch(account, maxId))); //@CONC-06
    }

    private List<Notification> fetch(Account account, String maxId) {
        try {
            return api.getNotifications(account, maxId);
        } catch (IOException e) { //@{1}ERR-01
02|            throw new UncheckedIOException("Fetching notifications of " + account.getAcct() + " failed", e);
1|            return Collections.emptyList();
        }
    }
}
''')
_MASTA_BASE = ['android.util.Log', 'fr.gouv.etalab.mastodon.client.API', 'fr.gouv.etalab.mastodon.client.Entities.Account',
               'fr.gouv.etalab.mastodon.client.Entities.Notification',
               'fr.gouv.etalab.mastodon.interfaces.OnRetrieveNotificationsListener', 'java.io.IOException',
               'java.util.List', 'java.util.concurrent.ExecutorService']
cases_of(case, GH + 'stom79/mastalab/issues/67',
         'app/' + src('fr.gouv.etalab.mastodon.asynctasks', 'NotificationsRetriever'),
         JV('fr.gouv.etalab.mastodon.asynctasks', {0: _MASTA_BASE + ['java.io.UncheckedIOException',
                                                                     'java.util.concurrent.CompletableFuture'],
                                                   1: _MASTA_BASE + ['java.util.Collections',
                                                                     'java.util.concurrent.CompletableFuture'],
                                                   2: _MASTA_BASE + ['java.io.UncheckedIOException']})(MASTALAB), [
             (1, 'java-00-mastalab-fetch-failure-returns-empty-list',
              'an edit turns a failed notifications fetch into an empty list, so a network or parse failure shows '
              '"no notifications" instead of an error', 'edit'),
             (2, 'java-00-mastalab-fetch-future-ignored',
              'an edit submits the fetch to the executor and drops the returned future, so a failed fetch is lost '
              'with its exception and the listener never hears back', 'edit'),
             (0, 'java-ok-00-mastalab-fetch-failure-reported',
              'clean: the fix reports a failed fetch to the listener', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-03: event notification consumer of a community organising platform (grassroot), CRLF file
GRASSROOT = template('grassroot-event-notifications', r'''
/**
 * Queues the notifications of a newly called meeting or vote for every member of its group. Members are loaded
 * lazily, so the work runs inside one transaction that this consumer opens itself (it runs on the queue's thread).
 */
@Component
public class EventNotificationConsumer {
    private static final Logger log = LoggerFactory.getLogger(EventNotificationConsumer.class);

    private final PlatformTransactionManager transactionManager;
    private final EventRepository eventRepository;
    private final NotificationService notificationService;

    public EventNotificationConsumer(PlatformTransactionManager transactionManager, EventRepository eventRepository,
                                     NotificationService notificationService) {
        this.transactionManager = transactionManager;
        this.eventRepository = eventRepository;
        this.notificationService = notificationService;
    }

    public void sendNewEventNotifications(String eventUid) {
        TransactionStatus tx = transactionManager.getTransaction(new DefaultTransactionDefinition()); //@{1}TX-01
02|        try {
02|            queueNotifications(eventUid);
02|            transactionManager.commit(tx);
02|        } catch (RuntimeException e) {
02|            transactionManager.rollback(tx);
02|            throw e;
02|        }
1|        queueNotifications(eventUid);
1|        transactionManager.commit(tx);
    }

    private void queueNotifications(String eventUid) {
        Event event = eventRepository.findOneByUid(eventUid);
        int queued = 0;
        for (User member : event.getAllMembers()) {
            if (!member.equals(event.getCreatedByUser())) {
                notificationService.queue(new EventInfoNotification(member, event));
                queued++;
            }
        }
01|        log.info("Queued {} notifications for event {} of group {}", queued, eventUid, event.getAncestorGroup().getUid());
2|        log.info("Queued {} event notifications", queued); //@LOG-03
    }
}
''')
cases_of(case, GH + 'grassrootza/grassroot-platform/pull/83',
         'grassroot-services/' + src('za.org.grassroot.services.async', 'EventNotificationConsumer'),
         J('za.org.grassroot.services.async', SLF4J + [
             'org.springframework.stereotype.Component', 'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition',
             'za.org.grassroot.core.domain.User', 'za.org.grassroot.core.domain.notification.EventInfoNotification',
             'za.org.grassroot.core.domain.task.Event', 'za.org.grassroot.core.repository.EventRepository',
             'za.org.grassroot.services.NotificationService'])(GRASSROOT), [
             (1, 'java-00-grassroot-notification-transaction-not-rolled-back',
              'an edit drops the rollback of the consumer\'s own transaction, so a member the notification service '
              'rejects leaves the transaction and its connection open on the queue thread', 'edit'),
             (2, 'java-00-grassroot-queued-log-without-event',
              'an edit logs the queued notifications without the event and group they belong to, so the line cannot '
              'be traced to a meeting or vote', 'edit'),
             (0, 'java-ok-00-grassroot-notification-transaction-rolled-back',
              'clean: the fix rolls the consumer\'s transaction back when queueing fails', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-01 / CONC-04: Discord relay of a community game server mod (DiscordIntegration-Forge)
DCINTEGRATION = template('discord-integration-stop', r'''
/**
 * Relays chat between the Minecraft server and a Discord channel. On server stop the "server stopped" message is
 * the last thing sent, so the JDA connection is shut down only after its queued messages went out.
 */
public class DiscordRelay extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordRelay.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final JDA jda;
    private final TextChannel channel;
    private final MinecraftChat chat;

    public DiscordRelay(JDA jda, TextChannel channel, MinecraftChat chat) {
        this.jda = jda;
        this.channel = channel;
        this.chat = chat;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot() || !event.getChannel().getId().equals(channel.getId())) {
            return;
        }
        MDC.put("discordUser", event.getAuthor().getId()); //@{2}CONC-04
01|        try {
01|            chat.broadcast(event.getAuthor().getName(), event.getMessage().getContentDisplay());
01|        } finally {
01|            MDC.remove("discordUser");
01|        }
2|        chat.broadcast(event.getAuthor().getName(), event.getMessage().getContentDisplay());
2|        MDC.remove("discordUser");
    }

    public void onServerStopping(String stoppedMessage) {
        channel.sendMessage(stoppedMessage).queue();
02|        jda.shutdown();
02|        try {
02|            if (!jda.awaitShutdown(Duration.ofSeconds(SHUTDOWN_GRACE_SECONDS))) {
02|                LOG.warn("Discord connection still busy after {} s, closing it", SHUTDOWN_GRACE_SECONDS);
02|                jda.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            jda.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        jda.shutdownNow(); //@OPS-01
    }
}
''')
_DI_BASE = SLF4J + ['de.erdbeerbaerlp.dcintegration.common.minecraftCommands.MinecraftChat', 'net.dv8tion.jda.api.JDA',
                    'net.dv8tion.jda.api.entities.channel.concrete.TextChannel',
                    'net.dv8tion.jda.api.events.message.MessageReceivedEvent',
                    'net.dv8tion.jda.api.hooks.ListenerAdapter', 'org.slf4j.MDC']
cases_of(case, GH + 'ErdbeerbaerLP/DiscordIntegration-Forge/issues/8',
         src('de.erdbeerbaerlp.dcintegration.common', 'DiscordRelay'),
         JV('de.erdbeerbaerlp.dcintegration.common', {0: _DI_BASE + ['java.time.Duration'], 1: _DI_BASE,
                                                      2: _DI_BASE + ['java.time.Duration']})(DCINTEGRATION), [
             (1, 'java-00-dcintegration-stop-message-killed-by-shutdown-now',
              'an edit shuts the Discord connection down with shutdownNow right after queueing the stop message, so '
              'the message is cancelled and the mod touches a dead connection on the way out', 'edit'),
             (2, 'java-00-dcintegration-mdc-user-not-removed-on-failure',
              'an edit removes the Discord user from the MDC only after a successful broadcast, so a failed relay '
              'leaves the user id on the JDA thread for every later log line', 'edit'),
             (0, 'java-ok-00-dcintegration-stop-waits-for-queued-messages',
              'clean: the fix shuts JDA down gracefully and waits for the stop message within a grace period', 'fix'),
         ])
