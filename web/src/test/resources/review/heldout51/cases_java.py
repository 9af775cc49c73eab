"""Round-51 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / ERR-01: batch sender of an analytics SDK (posthog-java)
POSTHOG = template('posthog-http-sender', r'''
/**
 * Sends queued events to PostHog's batch endpoint, one batch per call.
 */
public class HttpSender implements Sender {
    private static final Logger LOGGER = LoggerFactory.getLogger(HttpSender.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String apiKey;
    private final String host;
    private final OkHttpClient client;

    public HttpSender(String apiKey, String host, OkHttpClient client) {
        this.apiKey = apiKey;
        this.host = host;
        this.client = client;
    }

    @Override
    public boolean send(List<JSONObject> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        JSONObject body = new JSONObject();
        body.put("api_key", apiKey);
        body.put("batch", new JSONArray(batch));
        Request request = new Request.Builder()
                .url(host + "/batch")
                .post(RequestBody.create(body.toString(), JSON))
                .build();
02|        try (Response response = client.newCall(request).execute()) {
1|        try {
1|            Response response = client.newCall(request).execute(); //@RES-02
            if (!response.isSuccessful()) {
                LOGGER.warn("PostHog refused a batch of {} events: HTTP {}", batch.size(), response.code());
                return response.code() < 500;
            }
            return true;
        } catch (IOException e) { //@{2}ERR-01
01|            LOGGER.error("Could not send a batch of {} events to PostHog", batch.size(), e);
            return false;
        }
    }
}
''')
cases_of(case, GH + 'PostHog/posthog-java/pull/21', 'posthog/' + src('com.posthog.java', 'HttpSender'),
         J('com.posthog.java', SLF4J + ['java.io.IOException', 'java.util.List', 'okhttp3.MediaType',
                                        'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody',
                                        'okhttp3.Response', 'org.json.JSONArray', 'org.json.JSONObject'])(POSTHOG), [
             (1, 'java-00-posthog-batch-response-never-closed',
              'an edit drops the try-with-resources around the batch answer, so every batch leaks a pooled '
              'connection and OkHttp warns of leaked connections', 'edit'),
             (2, 'java-00-posthog-batch-send-failure-swallowed',
              'an edit drops the log of a failed batch send, so events lost to network errors leave no trace', 'edit'),
             (0, 'java-ok-00-posthog-batch-response-closed-failure-logged',
              'clean: the fix closes every answer by try-with-resources; a failed send is logged', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: webhook endpoint of a Telegram bot library (TelegramBots)
TGWEBHOOK = template('telegrambots-webhook-rest-api', r'''
/**
 * The Jersey resource Telegram posts webhook updates to, one path per registered bot.
 */
@Path("callback")
public class RestApi {
    private static final Logger log = LoggerFactory.getLogger(RestApi.class);

    private final ConcurrentHashMap<String, WebhookBot> callbacks = new ConcurrentHashMap<>();

    public void registerCallback(WebhookBot callback) {
        callbacks.putIfAbsent(callback.getBotPath(), callback);
    }

    @POST
    @Path("/{botPath}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateReceived(@PathParam("botPath") String botPath, Update update) {
        WebhookBot bot = callbacks.get(botPath);
        if (bot == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        try {
            BotApiMethod<?> response = bot.onWebhookUpdateReceived(update);
            if (response != null) {
                response.validate();
            }
02|            log.debug("Update {} of bot {} answered with {}", update.getUpdateId(), botPath, response);
1|            log.debug("Update " + update.getUpdateId() + " of bot " + botPath + " answered with " + response); //@LOG-02
            return Response.ok(response).build();
        } catch (TelegramApiValidationException e) {
            log.error("Invalid answer of bot {} to update {}", botPath, update.getUpdateId(), e);
            return Response.serverError().build();
        } catch (RuntimeException e) { //@{2}ERR-01
01|            log.error("Bot {} failed on update {}", botPath, update.getUpdateId(), e);
01|            return Response.serverError().build();
2|            return Response.ok().build();
        }
    }

    @GET
    @Path("/{botPath}")
    @Produces(MediaType.TEXT_PLAIN)
    public String testReceived(@PathParam("botPath") String botPath) {
        return callbacks.containsKey(botPath) ? "Hi there " + botPath + "!" : "Callback not found for " + botPath;
    }
}
''')
cases_of(case, GH + 'rubenlagus/TelegramBots/pull/801',
         'telegrambots/' + src('org.telegram.telegrambots.updatesreceivers', 'RestApi'),
         J('org.telegram.telegrambots.updatesreceivers', SLF4J + [
             'jakarta.ws.rs.Consumes', 'jakarta.ws.rs.GET', 'jakarta.ws.rs.POST', 'jakarta.ws.rs.Path',
             'jakarta.ws.rs.PathParam', 'jakarta.ws.rs.Produces', 'jakarta.ws.rs.core.MediaType',
             'jakarta.ws.rs.core.Response', 'java.util.concurrent.ConcurrentHashMap',
             'org.telegram.telegrambots.meta.api.methods.BotApiMethod', 'org.telegram.telegrambots.meta.api.objects.Update',
             'org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException',
             'org.telegram.telegrambots.meta.generics.WebhookBot'])(TGWEBHOOK), [
             (1, 'java-00-telegrambots-webhook-debug-log-concatenated',
              'an edit logs every answered update at debug level by string concatenation, so each update builds '
              'the answer\'s whole text even with debug off', 'edit'),
             (2, 'java-00-telegrambots-webhook-bot-failure-swallowed',
              'an edit answers OK to an update whose bot threw, without a log, so a bot failing on every update '
              'looks healthy to Telegram and to its owner', 'edit'),
             (0, 'java-ok-00-telegrambots-webhook-parameterised-failure-logged',
              'clean: the fix logs with parameters; a failing bot is logged and answered with an error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: long-polling loop of a Telegram bot library (java-telegram-bot-api)
PENGRAD = template('pengrad-updates-handler', r'''
/**
 * Polls getUpdates on a schedule and hands every batch to the bot's listener.
 */
public class UpdatesHandler {
    private static final Logger logger = Logger.getLogger(UpdatesHandler.class.getName());
    private static final long MAX_BACKOFF_MS = 60_000;

    private final long sleepTimeout;
    private final AtomicInteger failures = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "telegram-updates");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ScheduledFuture<?> pollTask;

    public UpdatesHandler(long sleepTimeout) {
        this.sleepTimeout = sleepTimeout;
    }

    public void start(TelegramBot bot, UpdatesListener listener, GetUpdates request) {
        stop();
02|        pollTask = scheduler.scheduleWithFixedDelay(() -> pollSafely(bot, listener, request),
1|        pollTask = scheduler.scheduleWithFixedDelay(() -> poll(bot, listener, request), //@CONC-07
                0, sleepTimeout, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledFuture<?> task = pollTask;
        if (task != null) {
            task.cancel(false);
        }
    }

02|    private void pollSafely(TelegramBot bot, UpdatesListener listener, GetUpdates request) {
02|        try {
02|            poll(bot, listener, request);
02|        } catch (RuntimeException e) {
02|            logger.log(Level.SEVERE, "Update listener failed; polling goes on", e);
02|        }
02|    }
02|
    private void poll(TelegramBot bot, UpdatesListener listener, GetUpdates request) {
        GetUpdatesResponse response = bot.execute(request);
        if (!response.isOk() || response.updates() == null) {
            long backoff = Math.min(MAX_BACKOFF_MS, sleepTimeout << Math.min(failures.incrementAndGet(), 10));
            logger.warning(() -> "getUpdates failed with " + response.errorCode() + ", retrying in " + backoff + " ms");
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
            }
            return;
        }
        failures.set(0);
        List<Update> updates = response.updates();
        if (updates.isEmpty()) {
            return;
        }
        int confirmed = listener.process(updates);
        if (confirmed == UpdatesListener.CONFIRMED_UPDATES_ALL) {
            confirmed = updates.get(updates.size() - 1).updateId();
        }
        request.offset(confirmed + 1);
    }
}
''')
cases_of(case, GH + 'pengrad/java-telegram-bot-api/issues/161', 'library/' + src('com.pengrad.telegrambot.impl', 'UpdatesHandler'),
         J('com.pengrad.telegrambot.impl', [
             'com.pengrad.telegrambot.TelegramBot', 'com.pengrad.telegrambot.UpdatesListener',
             'com.pengrad.telegrambot.model.Update', 'com.pengrad.telegrambot.request.GetUpdates',
             'com.pengrad.telegrambot.response.GetUpdatesResponse', 'java.util.List',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level', 'java.util.logging.Logger'])(PENGRAD), [
             (1, 'java-00-pengrad-updates-poll-outside-catch',
              'an edit schedules the poll without its catch-all wrapper, so the first exception of a listener '
              'cancels the polling for good and the bot goes silent', 'edit'),
             (2, 'java-00-pengrad-updates-backoff-interrupt-swallowed',
              'an edit catches the interruption of the back-off sleep without restoring the flag, so stopping the '
              'bot\'s executor does not stop the thread', 'edit'),
             (0, 'java-ok-00-pengrad-updates-poll-guarded-interrupt-restored',
              'clean: the fix schedules the guarded poll; the back-off restores the interrupt flag', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: router monitor of a JDBC wrapper (aws-advanced-jdbc-wrapper)
AWSJDBC = template('aws-jdbc-limitless-router-monitor', r'''
/**
 * Refreshes the router list of one Limitless shard group in the background, on its own connection.
 */
public class LimitlessRouterMonitor implements AutoCloseable, Runnable {
    private static final Logger LOGGER = Logger.getLogger(LimitlessRouterMonitor.class.getName());

    private final PluginService pluginService;
    private final HostSpec hostSpec;
    private final Properties props;
    private final int intervalMs;
    private final SlidingExpirationCacheWithCleanupThread<String, List<HostSpec>> routerCache;
    private final String cacheKey;
    private final LimitlessQueryHelper queryHelper;
    private final AtomicBoolean stopped = new AtomicBoolean(false);

    public LimitlessRouterMonitor(PluginService pluginService, HostSpec hostSpec, Properties props, int intervalMs,
            SlidingExpirationCacheWithCleanupThread<String, List<HostSpec>> routerCache, String cacheKey) {
        this.pluginService = pluginService;
        this.hostSpec = hostSpec;
        this.props = props;
        this.intervalMs = intervalMs;
        this.routerCache = routerCache;
        this.cacheKey = cacheKey;
        this.queryHelper = new LimitlessQueryHelper(pluginService);
    }

    @Override
    public void run() {
        LOGGER.fine(() -> "Router monitor started for " + this.hostSpec.getHost());
        try {
            while (!this.stopped.get()) {
02|                try (Connection conn = this.pluginService.forceConnect(this.hostSpec, this.props)) {
1|                try {
1|                    Connection conn = this.pluginService.forceConnect(this.hostSpec, this.props); //@RES-01
                    List<HostSpec> routers = this.queryHelper.queryForLimitlessRouters(conn, this.hostSpec.getPort());
                    if (routers != null && !routers.isEmpty()) {
                        this.routerCache.put(this.cacheKey, routers, TimeUnit.MILLISECONDS.toNanos(this.intervalMs * 10L));
                    }
                } catch (SQLException e) {
                    LOGGER.log(Level.FINE, e, () -> "Could not refresh the routers of " + this.hostSpec.getHost());
                }
                TimeUnit.MILLISECONDS.sleep(this.intervalMs);
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            LOGGER.fine(() -> "Router monitor interrupted for " + this.hostSpec.getHost());
        } finally {
            this.stopped.set(true);
        }
    }

    @Override
    public void close() {
        this.stopped.set(true);
    }
}
''')
cases_of(case, GH + 'aws/aws-advanced-jdbc-wrapper/pull/1369',
         'wrapper/' + src('software.amazon.jdbc.plugin.limitless', 'LimitlessRouterMonitor'),
         J('software.amazon.jdbc.plugin.limitless', [
             'java.sql.Connection', 'java.sql.SQLException', 'java.util.List', 'java.util.Properties',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicBoolean', 'java.util.logging.Level',
             'java.util.logging.Logger', 'software.amazon.jdbc.HostSpec', 'software.amazon.jdbc.PluginService',
             'software.amazon.jdbc.util.SlidingExpirationCacheWithCleanupThread'])(AWSJDBC), [
             (1, 'java-00-aws-jdbc-router-monitor-connection-never-closed',
              'an edit opens the monitor\'s connection per round without try-with-resources, so every refresh '
              'leaves a database connection open', 'edit'),
             (2, 'java-00-aws-jdbc-router-monitor-interrupt-swallowed',
              'an edit catches the interruption of the monitor without restoring the flag, so the pool that stops '
              'it cannot tell the thread was interrupted', 'edit'),
             (0, 'java-ok-00-aws-jdbc-router-monitor-connection-closed-interrupt-restored',
              'clean: the fix closes each round\'s connection by try-with-resources and restores the interrupt flag',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / ERR-01: rate-limit queue of a Discord bot library (Javacord)
JAVACORD = template('javacord-ratelimit-manager', r'''
/**
 * Queues REST requests per rate-limit bucket and drains each bucket on the API's executor.
 */
public class RatelimitManager {
    private static final Logger logger = LoggerUtil.getLogger(RatelimitManager.class);

    private final DiscordApiImpl api;
    private final Set<RatelimitBucket> buckets = ConcurrentHashMap.newKeySet();

    public RatelimitManager(DiscordApiImpl api) {
        this.api = api;
    }

    public void queueRequest(RestRequest<?> request) {
        RatelimitBucket bucket = buckets.stream()
                .filter(b -> b.equals(request.getEndpoint(), request.getMajorUrlParameter().orElse(null)))
                .findAny()
                .orElseGet(() -> new RatelimitBucket(api, request.getEndpoint(),
                        request.getMajorUrlParameter().orElse(null)));
        buckets.add(bucket);
        boolean alreadyDraining = bucket.addRequestToQueue(request);
        if (!alreadyDraining) {
02|            api.getThreadPool().getExecutorService().execute(() -> drain(bucket));
1|            api.getThreadPool().getExecutorService().submit(() -> drain(bucket)); //@CONC-06
        }
    }

    private void drain(RatelimitBucket bucket) {
        RestRequest<?> request = bucket.peekRequestFromQueue();
        while (request != null) {
            long wait = bucket.getTimeTillSpaceGetsAvailable();
            if (wait > 0) {
                api.getThreadPool().getScheduler().schedule(() -> drain(bucket), wait, TimeUnit.MILLISECONDS);
                return;
            }
            try {
                RestRequestResult result = request.executeBlocking();
                bucket.setRatelimitRemaining(result.getRatelimitRemaining());
                bucket.setRatelimitResetTimestamp(result.getRatelimitResetTimestamp());
                request.getResult().complete(result);
            } catch (Throwable t) { //@{2}ERR-01
01|                logger.debug("Request to {} failed", request.getEndpoint(), t);
01|                request.getResult().completeExceptionally(t);
            }
            bucket.pollRequestFromQueue();
            request = bucket.peekRequestFromQueue();
        }
    }
}
''')
cases_of(case, GH + 'Javacord/Javacord/pull/120', 'javacord-core/' + src('org.javacord.core.util.ratelimit', 'RatelimitManager'),
         J('org.javacord.core.util.ratelimit', [
             'java.util.Set', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.TimeUnit',
             'org.apache.logging.log4j.Logger', 'org.javacord.core.DiscordApiImpl', 'org.javacord.core.util.logging.LoggerUtil',
             'org.javacord.core.util.rest.RestRequest', 'org.javacord.core.util.rest.RestRequestResult'])(JAVACORD), [
             (1, 'java-00-javacord-bucket-drain-future-dropped',
              'an edit submits each bucket\'s drain and drops the future, so an exception escaping the drain '
              'vanishes and the bucket\'s queue stalls unseen', 'edit'),
             (2, 'java-00-javacord-request-failure-swallowed',
              'an edit catches a failed REST request and does nothing, so the caller\'s future never completes '
              'and the error is lost', 'edit'),
             (0, 'java-ok-00-javacord-bucket-drain-executed-failure-completed',
              'clean: the fix runs the drain with execute; a failed request completes its future exceptionally',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: page fetcher of a boilerplate remover (boilerpipe)
BOILERPIPE = template('boilerpipe-html-fetcher', r'''
/**
 * Fetches a page for extraction, detecting its charset from the Content-Type header.
 */
public class HTMLFetcher {
    private static final Pattern PAT_CHARSET = Pattern.compile("charset=([^; ]+)$");
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private HTMLFetcher() {
    }

    public static HTMLDocument fetch(final URL url) throws IOException {
        final URLConnection conn = url.openConnection(); //@{2}TMO-01
01|        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|        conn.setReadTimeout(READ_TIMEOUT_MS);
        conn.setRequestProperty("User-Agent", "boilerpipe/1.3 (+https://github.com/kohlschutter/boilerpipe)");
        final String ct = conn.getContentType();

        Charset cs = StandardCharsets.ISO_8859_1;
        if (ct != null) {
            Matcher m = PAT_CHARSET.matcher(ct);
            if (m.find()) {
                try {
                    cs = Charset.forName(m.group(1));
                } catch (UnsupportedCharsetException e) {
                    // keep the default
                }
            }
        }

02|        try (InputStream in = conn.getInputStream()) {
02|            return new HTMLDocument(readFully(in), cs);
02|        }
1|        InputStream in = conn.getInputStream(); //@RES-01
1|        return new HTMLDocument(readFully(in), cs);
    }

    private static byte[] readFully(InputStream in) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int r;
        while ((r = in.read(buf)) != -1) {
            if (bos.size() + r > MAX_BYTES) {
                throw new IOException("Page larger than " + MAX_BYTES + " bytes");
            }
            bos.write(buf, 0, r);
        }
        return bos.toByteArray();
    }
}
''')
cases_of(case, GH + 'kohlschutter/boilerpipe/issues/12', 'boilerpipe-core/' + src('de.l3s.boilerpipe.sax', 'HTMLFetcher'),
         J('de.l3s.boilerpipe.sax', [
             'java.io.ByteArrayOutputStream', 'java.io.IOException', 'java.io.InputStream', 'java.net.URL',
             'java.net.URLConnection', 'java.nio.charset.Charset', 'java.nio.charset.StandardCharsets',
             'java.nio.charset.UnsupportedCharsetException', 'java.util.regex.Matcher',
             'java.util.regex.Pattern'])(BOILERPIPE), [
             (1, 'java-00-boilerpipe-fetch-stream-never-closed',
              'an edit reads the page without closing its stream, so a crawler fetching thousands of pages keeps '
              'their sockets until the collector runs', 'edit'),
             (2, 'java-00-boilerpipe-fetch-without-timeouts',
              'an edit drops the connect and read timeouts of the page fetch, so one site that never answers '
              'hangs the crawler\'s thread forever', 'edit'),
             (0, 'java-ok-00-boilerpipe-fetch-timeouts-stream-closed',
              'clean: the fix sets both timeouts and closes the stream by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-02: a new crawl task dispatcher of a web crawler (crawljax)
CRAWLJAX = template('crawljax-task-dispatcher', r'''
/**
 * Hands crawl tasks to one worker per browser; a full queue makes the discovering thread crawl the task itself.
 */
public class CrawlTaskDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlTaskDispatcher.class);
    private static final int QUEUE_PER_BROWSER = 64;

    private final ThreadPoolExecutor executor;
    private final AtomicLong dispatched = new AtomicLong();

    public CrawlTaskDispatcher(CrawljaxConfiguration config) {
        int browsers = config.getBrowserConfig().getNumberOfBrowsers();
        this.executor = new ThreadPoolExecutor(browsers, browsers, 30, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(browsers * QUEUE_PER_BROWSER),
1|                new LinkedBlockingQueue<>(), //@CONC-02
                new CrawlThreadFactory(config.getUrl().getHost()),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public void dispatch(CrawlTask task) {
        long n = dispatched.incrementAndGet();
01|        LOG.debug("Dispatching crawl task {} ({}) for state {}, {} queued", n, task.getId(),
01|                task.getState().getName(), executor.getQueue().size());
2|        LOG.debug("Dispatching crawl task " + n + " (" + task.getId() + ") for state " //@LOG-02
2|                + task.getState().getName() + ", " + executor.getQueue().size() + " queued");
        executor.execute(task);
    }

    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.warn("Crawl workers did not stop within a minute; {} tasks dropped", executor.shutdownNow().size());
        }
    }
}
''')
CRAWLJAX_BASE = SLF4J + ['com.crawljax.core.configuration.CrawljaxConfiguration',
                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                         'java.util.concurrent.atomic.AtomicLong']
CRAWLJAX_IMPORTS = {0: CRAWLJAX_BASE + ['java.util.concurrent.ArrayBlockingQueue'],
                    1: CRAWLJAX_BASE + ['java.util.concurrent.LinkedBlockingQueue'],
                    2: CRAWLJAX_BASE + ['java.util.concurrent.ArrayBlockingQueue']}
cases_of(case, GH + 'zaproxy/crawljax/pull/18', 'core/' + src('com.crawljax.core', 'CrawlTaskDispatcher'),
         JV('com.crawljax.core', CRAWLJAX_IMPORTS)(CRAWLJAX), [
             (1, 'java-00-crawljax-new-dispatcher-unbounded-queue',
              'a new crawl dispatcher gives its workers an unbounded queue, so a site with endless links queues '
              'tasks until the heap is gone', 'new'),
             (2, 'java-00-crawljax-new-dispatcher-debug-log-concatenated',
              'a new crawl dispatcher logs every task at debug level by string concatenation, building the text '
              'even with debug off', 'new'),
             (0, 'java-ok-00-crawljax-new-dispatcher-bounded-parameterised',
              'clean: a new crawl dispatcher with a bounded queue, caller-runs back-pressure and parameterised logs',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: span naming helper of an APM agent (apm-agent-java), renamed
APMAGENT = template('apm-agent-span-naming', r'''
/**
 * Names the spans a traced block creates and counts how often each name is used.
 */
public final class SpanNaming {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Map<String, Integer> USES = new HashMap<>();

    private SpanNaming() {
    }

    @Nullable
    public static String current() {
        return CURRENT.get();
    }

    public static void runNamed(String name, Runnable body) {
        CURRENT.set(name); //@{1}CONC-04
02|        try {
02|            body.run();
02|        } finally {
02|            CURRENT.remove();
02|        }
1|        body.run();
1|        CURRENT.remove();
01|        synchronized (USES) {
01|            USES.merge(name, 1, Integer::sum);
01|        }
2|        USES.merge(name, 1, Integer::sum); //@CONC-03
    }

    public static Map<String, Integer> snapshot() {
        synchronized (USES) {
            return new HashMap<>(USES);
        }
    }
}
''')
cases_of(case, GH + 'elastic/apm-agent-java/pull/1273',
         'apm-agent-core/' + src('co.elastic.apm.agent.impl.transaction', 'SpanNaming'),
         J('co.elastic.apm.agent.impl.transaction', ['java.util.HashMap', 'java.util.Map',
                                                     'javax.annotation.Nullable'])(APMAGENT), [
             (1, 'java-00-apm-agent-renamed-span-name-not-removed-on-failure',
              'a PR renames the naming helper and removes the thread\'s span name after the body rather than in a '
              'finally block, so a throwing body leaves its name on the pooled thread', 'rename'),
             (2, 'java-00-apm-agent-renamed-use-count-unsynchronised',
              'a PR renames the naming helper and counts name uses in the shared map without its lock, so '
              'application threads corrupt the map', 'rename'),
             (0, 'java-ok-00-apm-agent-renamed-name-removed-in-finally',
              'clean: the rename alone; the name removed in a finally block, the counts updated under the lock',
              'rename'),
         ], rename_from='apm-agent-core/' + src('co.elastic.apm.agent.impl.transaction', 'CallDepthNames'),
         rename_old=lambda t: t.replace('SpanNaming', 'CallDepthNames'))


# ---------------------------------------------------------------- TX-01 / LOG-01: model export of an Eclipse modelling plugin (database-plugin), CRLF
ARCHI = template('archi-database-export', r'''
/**
 * Exports a whole model to the database in one transaction.
 */
public class DBDatabaseExportConnection extends DBDatabaseConnection {
    private static final DBLogger logger = new DBLogger(MethodHandles.lookup().lookupClass());

    public DBDatabaseExportConnection(DBDatabaseEntry databaseEntry) throws SQLException {
        super(databaseEntry);
    }

    public void exportModel(DBArchimateModel model, IProgressMonitor monitor) throws Exception {
        monitor.beginTask("Exporting " + model.getName(), model.getAllElements().size());
        this.connection.setAutoCommit(false);
        try {
            exportModelVersion(model);
            for (IArchimateElement element : model.getAllElements()) {
                if (monitor.isCanceled()) {
                    throw new InterruptedException("Export cancelled");
                }
                exportElement(model, element);
2|                logger.info("Exported element {} ({})", element.getId(), element.getName()); //@LOG-01
                monitor.worked(1);
            }
            for (IArchimateRelationship relationship : model.getAllRelationships()) {
                exportRelationship(model, relationship);
            }
            this.connection.commit();
            logger.info("Exported {} elements of {}", model.getAllElements().size(), model.getName());
        } catch (Exception err) { //@{1}TX-01
02|            this.connection.rollback();
            throw err;
        } finally {
            this.connection.setAutoCommit(true);
            monitor.done();
        }
    }
}
''')
cases_of(case, GH + 'archi-contribs/database-plugin/issues/51',
         'sources/' + src('org.archicontribs.database.connection', 'DBDatabaseExportConnection'),
         J('org.archicontribs.database.connection', [
             'com.archimatetool.model.IArchimateElement', 'com.archimatetool.model.IArchimateRelationship',
             'java.lang.invoke.MethodHandles', 'java.sql.SQLException', 'org.archicontribs.database.DBDatabaseEntry',
             'org.archicontribs.database.DBLogger', 'org.archicontribs.database.model.DBArchimateModel',
             'org.eclipse.core.runtime.IProgressMonitor'])(ARCHI), [
             (1, 'java-00-archi-export-not-rolled-back',
              'an edit drops the rollback of a failed model export, so the half-written model stays in the open '
              'transaction and is committed by the next export on the connection', 'edit'),
             (2, 'java-00-archi-export-every-element-logged',
              'an edit logs every exported element at INFO, so exporting a model of tens of thousands of elements '
              'floods the plugin\'s log', 'edit'),
             (0, 'java-ok-00-archi-export-rolled-back-summary-log',
              'clean: the fix rolls a failed export back; one summary line per export', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / TIME-01: message sender of a Jenkins Telegram plugin (telegram-notifications-plugin)
TGJENKINS = template('telegram-jenkins-sender', r'''
/**
 * Sends build notifications to the subscribed chats through the Bot API.
 */
public class TelegramSender {
    private static final Logger LOGGER = Logger.getLogger(TelegramSender.class.getName());
    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom()
            .setConnectTimeout(10_000)
            .setSocketTimeout(30_000)
            .setConnectionRequestTimeout(10_000)
            .build();
02|    private static final CloseableHttpClient CLIENT = HttpClients.custom()
02|            .setDefaultRequestConfig(REQUEST_CONFIG)
02|            .build();
01|    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm z")
01|            .withZone(ZoneOffset.UTC);

    private final String apiUrl;

    public TelegramSender(String token) {
        this.apiUrl = "https://api.telegram.org/bot" + token;
    }

    public String describe(Run<?, ?> run) {
01|        String started = STARTED.format(Instant.ofEpochMilli(run.getStartTimeInMillis()));
2|        String started = new SimpleDateFormat("dd.MM.yyyy HH:mm").format(new Date(run.getStartTimeInMillis())); //@TIME-01
        return run.getFullDisplayName() + " started " + started + ": " + run.getResult();
    }

    public void sendMessage(long chatId, String text) {
        HttpPost post = new HttpPost(apiUrl + "/sendMessage");
        List<NameValuePair> params = new ArrayList<>();
        params.add(new BasicNameValuePair("chat_id", Long.toString(chatId)));
        params.add(new BasicNameValuePair("text", text));
        post.setEntity(new UrlEncodedFormEntity(params, StandardCharsets.UTF_8));
02|        try (CloseableHttpResponse response = CLIENT.execute(post)) {
1|        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(REQUEST_CONFIG).build(); //@RES-04
1|                CloseableHttpResponse response = client.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            EntityUtils.consume(response.getEntity());
            if (status != 200) {
                LOGGER.log(Level.WARNING, "Telegram refused the message to chat {0}: HTTP {1}", new Object[] {chatId, status});
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, e, () -> "Could not send the message to chat " + chatId);
        }
    }
}
''')
TGJ_BASE = ['hudson.model.Run', 'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList',
            'java.util.List', 'java.util.logging.Level', 'java.util.logging.Logger', 'org.apache.http.NameValuePair',
            'org.apache.http.client.config.RequestConfig', 'org.apache.http.client.entity.UrlEncodedFormEntity',
            'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
            'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
            'org.apache.http.message.BasicNameValuePair', 'org.apache.http.util.EntityUtils']
TGJ_TIME = ['java.time.Instant', 'java.time.ZoneOffset', 'java.time.format.DateTimeFormatter']
TGJ_IMPORTS = {0: TGJ_BASE + TGJ_TIME, 1: TGJ_BASE + TGJ_TIME,
               2: TGJ_BASE + ['java.text.SimpleDateFormat', 'java.util.Date']}
cases_of(case, GH + 'jenkinsci/telegram-notifications-plugin/issues/36',
         src('jenkinsci.plugins.telegrambot.telegram', 'TelegramSender'),
         JV('jenkinsci.plugins.telegrambot.telegram', TGJ_IMPORTS)(TGJENKINS), [
             (1, 'java-00-telegram-jenkins-client-built-per-message',
              'an edit builds and closes a new HTTP client for every message, so each notification pays a new '
              'connection pool and TLS handshake', 'edit'),
             (2, 'java-00-telegram-jenkins-start-time-in-controller-zone',
              'an edit formats the build\'s start time with a formatter in the controller\'s zone and no zone in '
              'the text, so chats in other zones read wrong times', 'edit'),
             (0, 'java-ok-00-telegram-jenkins-shared-client-utc-time',
              'clean: the fix sends through one shared client; the start time formatted in UTC with its zone',
              'fix'),
         ])
