"""Round-69 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / LOG-02: incoming-webhook sender of a Slack API client (java-slack-sdk)
SLACK = template('slack-webhook-sender', r'''
/**
 * Entry point of the client: posts incoming-webhook payloads and calls Web API methods over one shared HTTP client.
 */
public class Slack {
    private static final Logger log = LoggerFactory.getLogger(Slack.class);
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");
    private static final Gson GSON = new GsonBuilder().create();
    private static final Slack SINGLETON = new Slack(new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .build());

    private final OkHttpClient okHttpClient;

    public Slack(OkHttpClient okHttpClient) {
        this.okHttpClient = okHttpClient;
    }

    public static Slack getInstance() {
        return SINGLETON;
    }

    /** Posts one message to an incoming webhook and returns Slack's answer. */
    public WebhookResponse send(String url, Payload payload) throws IOException {
        String json = GSON.toJson(payload);
01|        log.debug("Posting webhook payload ({} chars) to channel {}", json.length(), payload.getChannel());
2|        log.debug("Posting webhook payload " + json + " to channel " + payload.getChannel()); //@LOG-02
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create(json, JSON))
                .build();
02|        try (Response response = okHttpClient.newCall(request).execute()) {
1|        OkHttpClient client = new OkHttpClient.Builder().build(); //@RES-04
1|        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            return WebhookResponse.builder()
                    .code(response.code())
                    .message(response.message())
                    .body(body == null ? null : body.string())
                    .build();
        }
    }

    /** A client for the Web API methods that take the given token. */
    public MethodsClient methods(String token) {
        return new MethodsClientImpl(okHttpClient, GSON, token);
    }
}
''')
cases_of(case, GH + 'slackapi/java-slack-sdk/issues/39', src('com.github.seratch.jslack', 'Slack'),
         J('com.github.seratch.jslack', SLF4J + [
             'com.github.seratch.jslack.api.methods.MethodsClient',
             'com.github.seratch.jslack.api.methods.impl.MethodsClientImpl',
             'com.github.seratch.jslack.api.webhook.Payload', 'com.github.seratch.jslack.api.webhook.WebhookResponse',
             'com.google.gson.Gson', 'com.google.gson.GsonBuilder', 'java.io.IOException', 'java.time.Duration',
             'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response',
             'okhttp3.ResponseBody'])(SLACK), [
             (1, 'java-00-slack-webhook-client-per-message',
              'an edit builds a new OkHttpClient for every webhook message instead of the shared one, so each '
              'message gets its own connection pool and dispatcher threads', 'edit'),
             (2, 'java-00-slack-webhook-payload-log-concatenated',
              'an edit logs the webhook payload with a concatenated message, building the whole JSON string into '
              'it even when debug logging is off', 'edit'),
             (0, 'java-ok-00-slack-webhook-shared-client',
              'clean: the fix sends every message over the shared client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: timeouts of a Discord bot's event waiter (JDA-Utilities)
EVENTWAITER = template('jda-utilities-event-waiter', r'''
/**
 * Lets a command wait for a later event (a reply, a reaction) that matches a condition, with an optional timeout.
 */
public class EventWaiter implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventWaiter.class);

01|    private final Map<Class<?>, Set<WaitingEvent>> waitingEvents = new ConcurrentHashMap<>();
2|    private final Map<Class<?>, Set<WaitingEvent>> waitingEvents = new HashMap<>();
    private final ScheduledExecutorService threadpool;

    public EventWaiter(ScheduledExecutorService threadpool) {
        this.threadpool = threadpool;
    }

    public <T extends Event> void waitForEvent(Class<T> classType, Predicate<T> condition, Consumer<T> action,
                                               long timeout, TimeUnit unit, Runnable timeoutAction) {
        if (threadpool.isShutdown()) {
            throw new IllegalStateException("The EventWaiter's thread pool is already shut down");
        }
        WaitingEvent<T> we = new WaitingEvent<>(condition, action);
01|        Set<WaitingEvent> set = waitingEvents.computeIfAbsent(classType, c -> ConcurrentHashMap.newKeySet());
2|        Set<WaitingEvent> set = waitingEvents.computeIfAbsent(classType, c -> new HashSet<>()); //@CONC-03
        set.add(we);
        if (timeout > 0 && unit != null) {
            threadpool.schedule(() -> { //@{1}CONC-07
02|                try {
02|                    if (set.remove(we) && timeoutAction != null) {
02|                        timeoutAction.run();
02|                    }
02|                } catch (Exception ex) {
02|                    LOG.error("Failed to run the timeout action of a waiting event", ex);
02|                }
1|                if (set.remove(we) && timeoutAction != null) timeoutAction.run();
            }, timeout, unit);
        }
    }

    @Override
    public void onEvent(GenericEvent event) {
        Class<?> c = event.getClass();
        while (c != null) {
            Set<WaitingEvent> set = waitingEvents.get(c);
            if (set != null) {
                set.removeIf(we -> we.attempt(event));
            }
            c = c.getSuperclass();
        }
    }
}
''')
EW_BASE = SLF4J + ['java.util.Map', 'java.util.Set', 'java.util.concurrent.ScheduledExecutorService',
                   'java.util.concurrent.TimeUnit', 'java.util.function.Consumer', 'java.util.function.Predicate',
                   'net.dv8tion.jda.api.events.Event', 'net.dv8tion.jda.api.events.GenericEvent',
                   'net.dv8tion.jda.api.hooks.EventListener']
cases_of(case, GH + 'JDA-Applications/JDA-Utilities/pull/112',
         'commons/' + src('com.jagrosh.jdautilities.commons.waiter', 'EventWaiter'),
         JV('com.jagrosh.jdautilities.commons.waiter', {
             0: EW_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             1: EW_BASE + ['java.util.concurrent.ConcurrentHashMap'],
             2: EW_BASE + ['java.util.HashMap', 'java.util.HashSet']})(EVENTWAITER), [
             (1, 'java-00-jda-event-waiter-timeout-task-uncaught',
              'an edit schedules the timeout action without its catch, so a failing timeout action vanishes into '
              'a future nobody reads and is never logged', 'edit'),
             (2, 'java-00-jda-event-waiter-map-not-thread-safe',
              'an edit keeps the waiting events in a HashMap of HashSets, written by command threads while the '
              'gateway thread reads and removes from them', 'edit'),
             (0, 'java-ok-00-jda-event-waiter-timeout-task-caught',
              'clean: the fix catches and logs a failing timeout action', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: exception reports mailed by a web framework's trap, renamed (rexsl)
REXSL = template('rexsl-smtp-notifier', r'''
/**
 * Mails the report of an exception caught by the trap servlet, through the SMTP server named in its properties.
 */
public abstract class SmtpNotifier implements Notifier {
    private final Properties props;

    protected SmtpNotifier(final Properties props) {
        this.props = props;
    }

    /** The message for a report; subclasses choose its body and attachments. */
    protected abstract Message compose(Session session, String report) throws MessagingException;

    @Override
    public final void send(final String report) throws IOException {
        final Session session = Session.getInstance(this.props);
        try {
            final Message message = this.compose(session, report);
            message.setFrom(new InternetAddress(this.prop("from")));
            message.setSubject(this.prop("subject"));
            final Transport transport = session.getTransport(this.prop("protocol")); //@{1}RES-01
02|            try {
02|                transport.connect(this.prop("host"), Integer.parseInt(this.prop("port")),
02|                    this.prop("login"), this.prop("password"));
02|                transport.sendMessage(message, message.getAllRecipients());
02|            } finally {
02|                transport.close();
02|            }
1|            transport.connect(this.prop("host"), Integer.parseInt(this.prop("port")),
1|                this.prop("login"), this.prop("password"));
1|            transport.sendMessage(message, message.getAllRecipients());
1|            transport.close();
        } catch (final MessagingException ex) { //@{2}ERR-01
01|            throw new IOException("Could not mail the exception report", ex);
2|            // a report that cannot be mailed must not hide the exception it reports
        }
    }

    private String prop(final String name) {
        final String value = this.props.getProperty("mail." + name);
        if (value == null) {
            throw new IllegalStateException(String.format("mail.%s is not set", name));
        }
        return value;
    }
}
''')
cases_of(case, GH + 'yegor256/rexsl/issues/339', src('com.rexsl.trap', 'SmtpNotifier'),
         J('com.rexsl.trap', ['java.io.IOException', 'java.util.Properties', 'javax.mail.Message',
                              'javax.mail.MessagingException', 'javax.mail.Session', 'javax.mail.Transport',
                              'javax.mail.internet.InternetAddress'])(REXSL), [
             (1, 'java-00-rexsl-renamed-notifier-transport-left-open',
              'a PR renames the SMTP notifier and closes its transport only after a successful send, so every '
              'report the server refuses leaves an SMTP connection open', 'rename'),
             (2, 'java-00-rexsl-renamed-notifier-send-failure-swallowed',
              'a PR renames the SMTP notifier and swallows the failure to mail a report, so a broken mail '
              'configuration goes unnoticed while every report is lost', 'rename'),
             (0, 'java-ok-00-rexsl-renamed-notifier',
              'clean: the rename alone; the transport is closed in finally and a failed send is reported', 'rename'),
         ], rename_from=src('com.rexsl.trap', 'AbstractSmtpNotifier'),
         rename_old=lambda t: t.replace('SmtpNotifier', 'AbstractSmtpNotifier'))


# ---------------------------------------------------------------- CONC-01 / CONC-05: housekeeping thread of a mailer's transport pool (simple-java-mail)
SIMPLEMAIL = template('simple-java-mail-pool-housekeeper', r'''
/**
 * Keeps the SMTP transport pool at its core size and closes transports that outlived their expiry, from one
 * background thread that runs until the pool is shut down and every transport is closed.
 */
class TransportPoolHousekeeper {
    private static final Logger LOGGER = LoggerFactory.getLogger(TransportPoolHousekeeper.class);

    private final TransportPool pool;
    private final long checkIntervalMillis;
    private volatile boolean shuttingDown;

    TransportPoolHousekeeper(TransportPool pool, long checkIntervalMillis) {
        this.pool = pool;
        this.checkIntervalMillis = checkIntervalMillis;
    }

    void start() {
        Thread housekeeper = new Thread(() -> { //@{1}CONC-01
            while (!shuttingDown || pool.hasTransportsToClose()) {
02|                try {
02|                    pool.allocateCoreTransports();
02|                    pool.closeExpiredTransports();
02|                } catch (RuntimeException e) {
02|                    LOGGER.error("SMTP pool housekeeping failed, trying again in {} ms", checkIntervalMillis, e);
02|                }
1|                pool.allocateCoreTransports();
1|                pool.closeExpiredTransports();
                try {
                    Thread.sleep(checkIntervalMillis);
                } catch (InterruptedException e) { //@{2}CONC-05
01|                    Thread.currentThread().interrupt();
01|                    return;
2|                    LOGGER.debug("SMTP pool housekeeper woken early", e);
                }
            }
            LOGGER.debug("SMTP pool housekeeper finished");
        }, "smtp-pool-housekeeper");
        housekeeper.setDaemon(true);
        housekeeper.start();
    }

    void shutdown() {
        shuttingDown = true;
    }
}
''')
cases_of(case, GH + 'bbottema/simple-java-mail/issues/387',
         'modules/batch-module/' + src('org.simplejavamail.internal.batchsupport', 'TransportPoolHousekeeper'),
         J('org.simplejavamail.internal.batchsupport', SLF4J)(SIMPLEMAIL), [
             (1, 'java-00-simple-java-mail-housekeeper-dies-silently',
              'an edit runs the pool housekeeping without its catch, so the first failing transport kills the '
              'housekeeper thread and expired transports pile up for good', 'edit'),
             (2, 'java-00-simple-java-mail-housekeeper-swallows-interrupt',
              'an edit logs and drops the interrupt of the housekeeper\'s sleep, so stopping the mailer cannot end '
              'the thread before shutdown is flagged', 'edit'),
             (0, 'java-ok-00-simple-java-mail-housekeeper-catches',
              'clean: the fix catches a failed round of housekeeping and tries again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: requests of an HTTP proxy on Netty (proxyee)
PROXYEE = template('proxyee-server-handler', r'''
/**
 * Handles what a browser sends to the proxy: certificate downloads are answered here, everything else is relayed to
 * the upstream channel, which then owns the message.
 */
public class HttpProxyServerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpProxyServerHandler.class);

    private final ProxyConfig config;
    private Channel upstream;

    public HttpProxyServerHandler(ProxyConfig config) {
        this.config = config;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest) {
            FullHttpRequest request = (FullHttpRequest) msg; //@{1}RES-01
            if (isCertDownload(request)) {
                sendCertificate(ctx, request);
02|                request.release();
                return;
            }
            connectAndRelay(ctx, request);
        } else if (msg instanceof HttpContent) {
2|            LOG.info("relaying {} bytes from {} to {}", ((HttpContent) msg).content().readableBytes(), //@LOG-01
2|                    ctx.channel().remoteAddress(), upstream.remoteAddress());
            upstream.writeAndFlush(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private boolean isCertDownload(FullHttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host != null && host.startsWith(config.getCertHost());
    }

    private void sendCertificate(ChannelHandlerContext ctx, FullHttpRequest request) {
        byte[] der = config.getCaCertificateDer();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(der));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-x509-ca-cert");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, der.length);
        ctx.writeAndFlush(response);
    }

    private void connectAndRelay(ChannelHandlerContext ctx, FullHttpRequest request) {
        upstream = config.getUpstreamConnector().connect(ctx, request);
        upstream.writeAndFlush(request);
    }
}
''')
cases_of(case, GH + 'monkeyWie/proxyee/issues/182', src('com.github.monkeywie.proxyee.handler', 'HttpProxyServerHandler'),
         J('com.github.monkeywie.proxyee.handler', SLF4J + [
             'com.github.monkeywie.proxyee.server.ProxyConfig', 'io.netty.buffer.Unpooled', 'io.netty.channel.Channel',
             'io.netty.channel.ChannelHandlerContext', 'io.netty.channel.ChannelInboundHandlerAdapter',
             'io.netty.handler.codec.http.DefaultFullHttpResponse', 'io.netty.handler.codec.http.FullHttpRequest',
             'io.netty.handler.codec.http.FullHttpResponse', 'io.netty.handler.codec.http.HttpContent',
             'io.netty.handler.codec.http.HttpHeaderNames', 'io.netty.handler.codec.http.HttpResponseStatus',
             'io.netty.handler.codec.http.HttpVersion'])(PROXYEE), [
             (1, 'java-00-proxyee-cert-download-request-leaked',
              'an edit answers certificate downloads without releasing the aggregated request, so every download '
              'leaks its pooled buffer ("LEAK: ByteBuf.release() was not called")', 'edit'),
             (2, 'java-00-proxyee-every-chunk-logged',
              'an edit logs every relayed body chunk at info level, so a large download through the proxy writes '
              'thousands of log lines', 'edit'),
             (0, 'java-ok-00-proxyee-cert-download-request-released',
              'clean: the fix releases the request the handler answered itself', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: long polling of a Telegram bot API client (JavaTelegramBot-API)
TELEGRAM = template('telegram-request-updates-manager', r'''
/**
 * Long-polls getUpdates on its own thread and hands every update to the bot's listeners, until stopUpdates.
 */
public class RequestUpdatesManager extends UpdateManager {
    private static final int LONG_POLL_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long RETRY_DELAY_MILLIS = 5_000;

    private volatile boolean running;
    private Thread updater;
    private long lastUpdateId;

    public RequestUpdatesManager(TelegramBot telegramBot) {
        super(telegramBot);
    }

    public void startUpdates() {
        running = true;
        updater = new Thread(this::pollUntilStopped, "telegram-updates-" + getBot().getBotUsername());
        updater.setUncaughtExceptionHandler((t, e) -> System.err.println("Update thread died: " + e));
        updater.start();
    }

    public void stopUpdates() {
        running = false;
        updater.interrupt();
    }

    private void pollUntilStopped() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                for (Update update : fetchUpdates()) {
                    lastUpdateId = Math.max(lastUpdateId, update.getId());
                    getBot().getEventsManager().callEvents(update);
                }
            } catch (IOException | JSONException e) {
                System.err.println("Could not fetch updates, retrying in " + RETRY_DELAY_MILLIS + " ms: " + e);
                try {
                    Thread.sleep(RETRY_DELAY_MILLIS);
                } catch (InterruptedException ie) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    return;
1|                    ie.printStackTrace();
                }
            }
        }
    }

    private List<Update> fetchUpdates() throws IOException {
        URL url = new URL(getBot().getBotAPIUrl() + "getUpdates?offset=" + (lastUpdateId + 1)
                + "&timeout=" + LONG_POLL_SECONDS);
        HttpURLConnection conn = (HttpURLConnection) url.openConnection(); //@{2}TMO-01
01|        conn.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
01|        conn.setReadTimeout((LONG_POLL_SECONDS + 10) * 1000);
        try (InputStream in = conn.getInputStream()) {
            JSONObject json = new JSONObject(new JSONTokener(in));
            List<Update> updates = new ArrayList<>();
            JSONArray result = json.getJSONArray("result");
            for (int i = 0; i < result.length(); i++) {
                updates.add(UpdateImpl.createUpdate(result.getJSONObject(i)));
            }
            return updates;
        } finally {
            conn.disconnect();
        }
    }
}
''')
cases_of(case, GH + 'JavaTelegramBot-API/JavaTelegramBot-API/pull/45',
         src('pro.zackpollard.telegrambot.api.internal.managers', 'RequestUpdatesManager'),
         J('pro.zackpollard.telegrambot.api.internal.managers', [
             'java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.util.ArrayList', 'java.util.List', 'org.json.JSONArray', 'org.json.JSONException',
             'org.json.JSONObject', 'org.json.JSONTokener', 'pro.zackpollard.telegrambot.api.TelegramBot',
             'pro.zackpollard.telegrambot.api.internal.updates.UpdateImpl',
             'pro.zackpollard.telegrambot.api.updates.Update'])(TELEGRAM), [
             (1, 'java-00-telegram-updates-retry-swallows-interrupt',
              'an edit prints and swallows the interrupt of the retry sleep, so stopUpdates cannot end the update '
              'thread while Telegram is unreachable', 'edit'),
             (2, 'java-00-telegram-updates-poll-without-timeout',
              'an edit opens the long-poll connection without connect and read timeouts, so a connection that '
              'stalls mid-poll freezes the bot for good', 'edit'),
             (0, 'java-ok-00-telegram-updates-retry-restores-interrupt',
              'clean: the fix restores the interrupt flag and ends the thread', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-02: page fetcher of a web crawler (crawler4j)
CRAWLER4J = template('crawler4j-page-fetcher', r'''
/**
 * Fetches pages for the crawler threads over one pooled HTTP client, and parses them on a small pool of its own.
 */
public class PageFetcher implements Closeable {
    protected static final Logger logger = LoggerFactory.getLogger(PageFetcher.class);

    private final CrawlConfig config;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient httpClient;
    private final ExecutorService parserPool;

    public PageFetcher(CrawlConfig config) {
        this.config = config;
        RequestConfig requestConfig = RequestConfig.custom() //@{1}TMO-01
                .setConnectTimeout(config.getConnectionTimeout())
02|                .setSocketTimeout(config.getSocketTimeout())
                .setExpectContinueEnabled(false)
                .setCookieSpec(config.getCookiePolicy())
                .setRedirectsEnabled(false)
                .build();
        connectionManager = new PoolingHttpClientConnectionManager();
        connectionManager.setMaxTotal(config.getMaxTotalConnections());
        connectionManager.setDefaultMaxPerRoute(config.getMaxConnectionsPerHost());
02|        connectionManager.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(config.getSocketTimeout()).build());
        httpClient = HttpClients.custom()
                .setDefaultRequestConfig(requestConfig)
                .setConnectionManager(connectionManager)
                .setUserAgent(config.getUserAgentString())
                .build();
01|        int parsers = config.getNumberOfParsers();
01|        parserPool = new ThreadPoolExecutor(parsers, parsers, 60, TimeUnit.SECONDS,
01|                new ArrayBlockingQueue<>(parsers * 50), new ThreadPoolExecutor.CallerRunsPolicy());
2|        parserPool = Executors.newCachedThreadPool(); //@CONC-02
    }

    public PageFetchResult fetchPage(WebURL webUrl) throws IOException {
        HttpGet get = new HttpGet(webUrl.getURL());
        CloseableHttpResponse response = httpClient.execute(get);
        PageFetchResult result = new PageFetchResult(response, webUrl.getURL());
        if (response.getStatusLine().getStatusCode() != HttpStatus.SC_OK) {
            result.discardContentIfNotConsumed();
        }
        return result;
    }

    public Future<Page> parseLater(PageFetchResult fetched, Parser parser) {
        return parserPool.submit(() -> parser.parse(fetched));
    }

    @Override
    public void close() throws IOException {
        parserPool.shutdown();
        httpClient.close();
    }
}
''')
C4J_BASE = ['edu.uci.ics.crawler4j.crawler.CrawlConfig', 'edu.uci.ics.crawler4j.crawler.Page',
            'edu.uci.ics.crawler4j.parser.Parser', 'edu.uci.ics.crawler4j.url.WebURL', 'java.io.Closeable',
            'java.io.IOException', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
            'org.apache.http.HttpStatus', 'org.apache.http.client.config.RequestConfig',
            'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
            'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
            'org.apache.http.impl.conn.PoolingHttpClientConnectionManager'] + SLF4J
C4J_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
            'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'yasserg/crawler4j/issues/320',
         'crawler4j/' + src('edu.uci.ics.crawler4j.fetcher', 'PageFetcher'),
         JV('edu.uci.ics.crawler4j.fetcher', {
             0: C4J_BASE + C4J_POOL + ['org.apache.http.config.SocketConfig'],
             1: C4J_BASE + C4J_POOL,
             2: C4J_BASE + ['java.util.concurrent.Executors', 'org.apache.http.config.SocketConfig']})(CRAWLER4J), [
             (1, 'java-00-crawler4j-fetcher-without-socket-timeout',
              'an edit drops the socket timeout of the fetcher\'s requests and connections, so a site that stops '
              'sending halfway holds a crawler thread for good', 'edit'),
             (2, 'java-00-crawler4j-unbounded-parser-pool',
              'an edit parses fetched pages on a cached thread pool, so a fast crawl of a slow-to-parse site '
              'starts a thread per page until memory runs out', 'edit'),
             (0, 'java-ok-00-crawler4j-fetcher-with-socket-timeout',
              'clean: the fix sets the socket timeout on requests and pooled connections', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / TIME-01: response handling of a crawler framework (venom)
VENOM = template('venom-response-dispatcher', r'''
/**
 * Hands every fetched response to its handler on the crawler's worker pool and records when it was handled.
 */
public class ResponseDispatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResponseDispatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ExecutorService workers;
    private final Semaphore connections;
    private final Scheduler scheduler;
    private final HandlerRouter router;

    public ResponseDispatcher(ExecutorService workers, Semaphore connections, Scheduler scheduler, HandlerRouter router) {
        this.workers = workers;
        this.connections = connections;
        this.scheduler = scheduler;
        this.router = router;
    }

    /** Called by the fetcher's callback thread once a response is complete. */
    public void completed(Request request, Response response) {
        connections.release();
02|        workers.execute(() -> {
02|            try {
02|                handle(request, response);
02|            } catch (RuntimeException e) {
02|                LOGGER.error("Handler failed for {}, scheduling a retry", request.getUrl(), e);
02|                scheduler.retry(request);
02|            }
02|        });
1|        workers.submit(() -> handle(request, response)); //@CONC-06
    }

    /** Called by the fetcher's callback thread when the request could not be fetched. */
    public void failed(Request request, Exception cause) {
        connections.release();
        LOGGER.warn("Fetching {} failed", request.getUrl(), cause);
        scheduler.retry(request);
    }

    private void handle(Request request, Response response) {
        Handler handler = router.resolve(request);
01|        String handledAt = OffsetDateTime.now(ZoneOffset.UTC).format(STAMP) + "Z";
2|        String handledAt = LocalDateTime.now().format(STAMP); //@TIME-01
        handler.handle(request, response, scheduler);
        LOGGER.debug("Handled {} at {}", request.getUrl(), handledAt);
        response.getMetadata().put("handledAt", handledAt);
    }
}
''')
VENOM_BASE = SLF4J + ['ai.preferred.venom.Handler', 'ai.preferred.venom.HandlerRouter',
                      'ai.preferred.venom.fetcher.Scheduler', 'ai.preferred.venom.request.Request',
                      'ai.preferred.venom.response.Response', 'java.time.format.DateTimeFormatter',
                      'java.util.concurrent.ExecutorService', 'java.util.concurrent.Semaphore']
cases_of(case, GH + 'PreferredAI/venom/pull/6', src('ai.preferred.venom', 'ResponseDispatcher'),
         JV('ai.preferred.venom', {0: VENOM_BASE + ['java.time.OffsetDateTime', 'java.time.ZoneOffset'],
                                   1: VENOM_BASE + ['java.time.OffsetDateTime', 'java.time.ZoneOffset'],
                                   2: VENOM_BASE + ['java.time.LocalDateTime']})(VENOM), [
             (1, 'java-00-venom-new-dispatcher-handler-future-dropped',
              'a new response dispatcher submits each handler and drops the future, so a handler that throws is '
              'neither logged nor retried', 'new'),
             (2, 'java-00-venom-new-dispatcher-stamps-local-time',
              'a new response dispatcher stamps handled responses with the machine\'s local wall-clock time, so '
              'stamps from crawler nodes in different zones cannot be compared', 'new'),
             (0, 'java-ok-00-venom-new-dispatcher',
              'clean: a new dispatcher that catches handler failures and stamps in UTC', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-02: batch point updates of a Twitch chat bot, CRLF (PhantomBot)
PHANTOMBOT = template('phantombot-sqlite-increment-batch', r'''
    /**
     * Adds amount to the value of every key of a table section in one transaction: the points and time given to
     * everybody in chat on each payout.
     */
    public void incrementBatch(String fName, String section, String[] keys, int amount) {
        String table = validateFName(fName);
01|        LOG.debug("Adding {} to {} keys of {}.{}", amount, keys.length, table, section);
2|        LOG.debug("Adding " + amount + " to " + keys.length + " keys of " + table + "." + section); //@LOG-02
        try (Connection connection = getConnection()) {
02|            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); //@{1}TX-01
            try (PreparedStatement statement = connection.prepareStatement("UPDATE phantombot_" + table
                    + " SET value = CAST(value AS INTEGER) + ? WHERE section = ? AND variable = ?;")) {
                for (String key : keys) {
                    statement.setInt(1, amount);
                    statement.setString(2, section);
                    statement.setString(3, key);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
02|            } catch (SQLException ex) {
02|                connection.rollback();
02|                throw ex;
02|            } finally {
02|                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException ex) {
            com.gmt2001.Console.err.printStackTrace(ex);
        }
    }
''')
PHANTOM_CLASS_HEAD = r'''
/**
 * The SQLite data store of the bot: one table per script, rows of (section, variable, value).
 */
public final class SqliteStore extends DataStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private final SqliteConnectionPool pool;

    public SqliteStore(SqliteConnectionPool pool) {
        this.pool = pool;
    }

    private Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    private static String validateFName(String fName) {
        return fName.replaceAll("[^a-zA-Z0-9_]", "_");
    }
'''
cases_of(case, GH + 'PhantomBot/PhantomBot/pull/742', 'source/' + src('com.gmt2001.datastore', 'SqliteStore'),
         lambda v: java('com.gmt2001.datastore', sorted(SLF4J + ['java.sql.Connection', 'java.sql.PreparedStatement',
                                                                 'java.sql.SQLException']),
                        PHANTOM_CLASS_HEAD + variant(PHANTOMBOT, v) + '}\n'), [
             (1, 'java-00-phantombot-increment-batch-not-rolled-back',
              'an edit turns auto-commit off for the point payout and drops the rollback and the restore, so a '
              'failed batch leaves the pooled connection inside an open transaction', 'edit'),
             (2, 'java-00-phantombot-increment-batch-log-concatenated',
              'an edit logs each payout with a concatenated message, building the string on every payout even '
              'when debug logging is off', 'edit'),
             (0, 'java-ok-00-phantombot-increment-batch-rolled-back',
              'clean: the fix rolls the batch back on failure and restores auto-commit', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-03 / CONC-04: request ids of a workflow service's API proxy (styx)
STYX = template('styx-scheduler-proxy', r'''
/**
 * Forwards the scheduler's API through the API service, keeping the request id of the caller on both sides.
 */
public class SchedulerProxyResource {
  private static final Logger log = LoggerFactory.getLogger(SchedulerProxyResource.class);
  static final String REQUEST_ID = "X-Request-Id";

  private final Client client;
  private final String schedulerApiUrl;

  public SchedulerProxyResource(Client client, String schedulerApiUrl) {
    this.client = client;
    this.schedulerApiUrl = schedulerApiUrl;
  }

  CompletionStage<Response<ByteString>> proxy(RequestContext rc, String path) {
    final String requestId = rc.request().header(REQUEST_ID).orElseGet(() -> UUID.randomUUID().toString());
    return withRequestIdInMdc(requestId, () -> {
      log.info("Proxying {} {} to the scheduler", rc.request().method(), path);
      final Request forwarded = rc.request().withUri(schedulerApiUrl + path).withHeader(REQUEST_ID, requestId);
      return client.send(forwarded)
          .whenComplete((response, failure) -> {
            if (failure != null) {
02|              log.warn("Scheduler call {} {} failed [request {}]", rc.request().method(), path, requestId, failure);
1|              log.warn("Scheduler call {} {} failed", rc.request().method(), path, failure); //@LOG-03
            }
          });
    });
  }

  private static <T> T withRequestIdInMdc(String requestId, Supplier<T> action) {
    MDC.put(REQUEST_ID, requestId); //@{2}CONC-04
01|    try {
01|      return action.get();
01|    } finally {
01|      MDC.remove(REQUEST_ID);
01|    }
2|    return action.get();
  }
}
''')
cases_of(case, GH + 'spotify/styx/pull/509',
         'styx-api-service/' + src('com.spotify.styx.api', 'SchedulerProxyResource'),
         J('com.spotify.styx.api', SLF4J + [
             'com.spotify.apollo.Client', 'com.spotify.apollo.Request', 'com.spotify.apollo.RequestContext',
             'com.spotify.apollo.Response', 'java.util.UUID', 'java.util.concurrent.CompletionStage',
             'java.util.function.Supplier', 'okio.ByteString', 'org.slf4j.MDC'])(STYX), [
             (1, 'java-00-styx-proxy-failure-logged-without-request-id',
              'an edit logs a failed scheduler call from the completion callback without the request id, on a '
              'client thread whose MDC does not carry it', 'edit'),
             (2, 'java-00-styx-proxy-mdc-request-id-never-removed',
              'an edit puts the request id into the MDC without removing it, so the next request handled on the '
              'same thread logs under the previous caller\'s id', 'edit'),
             (0, 'java-ok-00-styx-proxy-failure-logged-with-request-id',
              'clean: the fix names the request id in the callback\'s log line', 'fix'),
         ])
