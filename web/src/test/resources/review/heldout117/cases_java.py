"""Round-117 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, tst, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TMO-01 / LOG-02: southbound HTTP client of an API gateway (zowe api-layer)
ZOWEHTTP = template('zowe-gateway-http-client', r'''
/**
 * Builds the HTTP client the gateway routes southbound requests with. Every limit comes from configuration, so that
 * a registered service that stops answering holds a routed request for a known time, not the system default.
 */
@Configuration
public class HttpConfig {
    private static final Logger log = LoggerFactory.getLogger(HttpConfig.class);

    @Value("${server.maxConnectionsPerRoute:100}")
    private int maxConnectionsPerRoute;
    @Value("${server.maxTotalConnections:1000}")
    private int maxTotalConnections;
    @Value("${apiml.httpclient.conn-pool.requestConnectionTimeout:10000}")
    private int requestConnectionTimeout;
    @Value("${apiml.httpclient.conn-pool.readTimeout:30000}")
    private int readTimeout;
    @Value("${apiml.httpclient.conn-pool.timeToLive:10000}")
    private int timeToLive;

    @Bean
    public CloseableHttpClient secureHttpClient(Registry<ConnectionSocketFactory> socketFactoryRegistry) {
        PoolingHttpClientConnectionManager connectionManager = new PoolingHttpClientConnectionManager(
            socketFactoryRegistry, null, null, null, timeToLive, TimeUnit.MILLISECONDS);
        connectionManager.setMaxTotal(maxTotalConnections);
        connectionManager.setDefaultMaxPerRoute(maxConnectionsPerRoute);
02|        RequestConfig requestConfig = RequestConfig.custom()
02|            .setConnectionRequestTimeout(requestConnectionTimeout)
02|            .setConnectTimeout(requestConnectionTimeout)
02|            .setSocketTimeout(readTimeout)
02|            .build();
01|        log.debug("Gateway HTTP client: {} connections, {} per route, read timeout {} ms",
01|            maxTotalConnections, maxConnectionsPerRoute, readTimeout);
2|        log.debug("Gateway HTTP client: " + maxTotalConnections + " connections, " + maxConnectionsPerRoute //@LOG-02
2|            + " per route, read timeout " + readTimeout + " ms");
        return HttpClientBuilder.create() //@{1}TMO-01
            .setConnectionManager(connectionManager)
02|            .setDefaultRequestConfig(requestConfig)
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    }
}
''')
_ZOWE = SLF4J + ['java.util.concurrent.TimeUnit', 'org.apache.http.client.config.RequestConfig',
                 'org.apache.http.config.Registry', 'org.apache.http.conn.socket.ConnectionSocketFactory',
                 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClientBuilder',
                 'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
                 'org.springframework.beans.factory.annotation.Value', 'org.springframework.context.annotation.Bean',
                 'org.springframework.context.annotation.Configuration']
cases_of(case, GH + 'zowe/api-layer/pull/3174', 'gateway-service/' + src('org.zowe.apiml.gateway.config', 'HttpConfig'),
         JV('org.zowe.apiml.gateway.config', {0: _ZOWE, 1: [i for i in _ZOWE if not i.endswith('RequestConfig')],
                                              2: _ZOWE})(ZOWEHTTP), [
             (1, 'java-00-zowe-gateway-http-client-without-timeouts',
              'an edit builds the gateway\'s southbound HTTP client without its request config, so routed calls '
              'run with no connect or read timeout', 'edit'),
             (2, 'java-00-zowe-gateway-http-client-settings-concatenated',
              'an edit logs the client\'s settings at debug by string concatenation', 'edit'),
             (0, 'java-ok-00-zowe-gateway-http-client-with-timeouts',
              'clean: the fix sets the connection request, connect and socket timeouts from configuration', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: in-memory rate limiter of an API gateway (apiman)
RATELIMIT = template('apiman-in-memory-rate-limiter', r'''
/**
 * Rate limiter of a single gateway node. Buckets live in one map; a bucket's count is reset when its period
 * (second to month, in UTC) has rolled over. Every read and write of a bucket happens under the map's lock.
 */
public class InMemoryRateLimiterComponent extends AbstractRateLimiterComponent {
    private final Map<String, RateBucketInfo> buckets = new HashMap<>();

    @Override
    public void accept(String bucketId, RateBucketPeriod period, long limit, long increment,
                       IAsyncResultHandler<RateLimitResponse> handler) {
        RateLimitResponse response = new RateLimitResponse();
02|        synchronized (buckets) {
02|            RateBucketInfo bucket = buckets.computeIfAbsent(bucketId, id -> new RateBucketInfo());
02|            resetIfNecessary(bucket, period);
02|            if (bucket.getCount() + increment > limit) {
02|                response.setAccepted(false);
02|            } else {
02|                bucket.setCount(bucket.getCount() + increment);
02|                response.setAccepted(true);
02|            }
02|            response.setRemaining(Math.max(0, limit - bucket.getCount()));
02|            response.setReset(secondsUntilReset(bucket, period));
02|        }
1|        RateBucketInfo info;
1|        synchronized (buckets) {
1|            info = buckets.computeIfAbsent(bucketId, id -> new RateBucketInfo());
1|        }
1|        resetIfNecessary(info, period);
1|        if (info.getCount() + increment > limit) {
1|            response.setAccepted(false);
1|        } else {
1|            info.setCount(info.getCount() + increment); //@CONC-03
1|            response.setAccepted(true);
1|        }
1|        response.setRemaining(Math.max(0, limit - info.getCount()));
1|        response.setReset(secondsUntilReset(info, period));
        handler.handle(AsyncResultImpl.create(response));
    }

    private static void resetIfNecessary(RateBucketInfo bucket, RateBucketPeriod period) {
        long periodStart = periodStart(period);
        if (bucket.getLast() < periodStart) {
            bucket.setCount(0);
            bucket.setLast(System.currentTimeMillis());
        }
    }

    private static long periodStart(RateBucketPeriod period) {
01|        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
2|        Calendar calendar = Calendar.getInstance(); //@TIME-01
        switch (period) {
            case Month:
                calendar.set(Calendar.DAY_OF_MONTH, 1);
                // fall through
            case Day:
                calendar.set(Calendar.HOUR_OF_DAY, 0);
                // fall through
            case Hour:
                calendar.set(Calendar.MINUTE, 0);
                // fall through
            case Minute:
                calendar.set(Calendar.SECOND, 0);
                // fall through
            default:
                calendar.set(Calendar.MILLISECOND, 0);
        }
        return calendar.getTimeInMillis();
    }

    private static int secondsUntilReset(RateBucketInfo bucket, RateBucketPeriod period) {
        long next = periodStart(period) + period.getMillis();
        return (int) Math.max(0, (next - System.currentTimeMillis()) / 1000);
    }
}
''')
_RL = ['io.apiman.gateway.engine.async.AsyncResultImpl', 'io.apiman.gateway.engine.async.IAsyncResultHandler',
       'io.apiman.gateway.engine.rates.RateBucketPeriod', 'io.apiman.gateway.engine.rates.RateLimitResponse',
       'java.util.Calendar', 'java.util.HashMap', 'java.util.Map', 'java.util.TimeZone']
cases_of(case, GH + 'apiman/apiman/issues/1511',
         'gateway/engine/core/' + src('io.apiman.gateway.engine.impl', 'InMemoryRateLimiterComponent'),
         JV('io.apiman.gateway.engine.impl', {0: _RL, 1: _RL, 2: [i for i in _RL if i != 'java.util.TimeZone']})(RATELIMIT), [
             (1, 'java-00-apiman-rate-limiter-counts-outside-lock',
              'an edit shortens the rate limiter\'s lock to the bucket lookup and counts outside it, so concurrent '
              'requests lose updates of the same bucket', 'edit'),
             (2, 'java-00-apiman-rate-limiter-period-in-default-zone',
              'an edit computes the start of a rate limit period in the JVM\'s default time zone', 'edit'),
             (0, 'java-ok-00-apiman-rate-limiter-counts-under-lock',
              'clean: the fix keeps the whole read, reset and count of a bucket under the lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: SRV resolver of a DNS client library (spotify dns-java)
SRVRESOLVER = template('dns-java-srv-resolver', r'''
/**
 * Resolves SRV records through dnsjava. The configured timeout applies to the whole lookup and to each server the
 * extended resolver asks, so a slow server cannot hold a lookup longer than the caller allowed.
 */
class XBillDnsSrvResolver implements DnsSrvResolver {
    private final LookupFactory lookupFactory;

    XBillDnsSrvResolver(LookupFactory lookupFactory) {
        this.lookupFactory = lookupFactory;
    }

    static XBillDnsSrvResolver create(List<String> servers, Duration timeout) {
        ExtendedResolver resolver;
        try {
            resolver = new ExtendedResolver(servers.toArray(new String[0]));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown DNS server in " + servers, e);
        }
        resolver.setTimeout(timeout); //@{1}TMO-01
02|        for (Resolver single : resolver.getResolvers()) {
02|            single.setTimeout(timeout);
02|        }
        return new XBillDnsSrvResolver(new SimpleLookupFactory(resolver));
    }

    @Override
    public List<LookupResult> resolve(String fqdn) {
        Lookup lookup;
01|        try {
01|            lookup = lookupFactory.forName(fqdn);
01|        } catch (TextParseException e) {
01|            throw new DnsException("unable to create lookup for name: " + fqdn, e);
01|        }
2|        try {
2|            lookup = lookupFactory.forName(fqdn);
2|        } catch (TextParseException e) { //@ERR-01
2|            return Collections.emptyList();
2|        }
        Record[] records = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL:
                return toResults(records);
            case Lookup.HOST_NOT_FOUND:
            case Lookup.TYPE_NOT_FOUND:
                return Collections.emptyList();
            default:
                throw new DnsException(String.format("Lookup of '%s' failed with code: %d - %s ",
                    fqdn, lookup.getResult(), lookup.getErrorString()));
        }
    }

    private static List<LookupResult> toResults(Record[] records) {
        List<LookupResult> results = new ArrayList<>(records.length);
        for (Record record : records) {
            if (record instanceof SRVRecord) {
                SRVRecord srv = (SRVRecord) record;
                results.add(LookupResult.create(srv.getTarget().toString(), srv.getPort(), srv.getPriority(),
                    srv.getWeight(), srv.getTTL()));
            }
        }
        return results;
    }
}
''')
_SRV = ['java.net.UnknownHostException', 'java.time.Duration', 'java.util.ArrayList', 'java.util.Collections',
        'java.util.List', 'org.xbill.DNS.ExtendedResolver', 'org.xbill.DNS.Lookup', 'org.xbill.DNS.Record',
        'org.xbill.DNS.Resolver', 'org.xbill.DNS.SRVRecord', 'org.xbill.DNS.TextParseException']
SRV_TEST = f(tst('com.spotify.dns', 'XBillDnsSrvResolverTimeoutTest'), new=java('com.spotify.dns', [
    'static org.junit.Assert.assertEquals', 'java.time.Duration', 'java.util.Arrays', 'org.junit.Test',
    'org.xbill.DNS.ExtendedResolver', 'org.xbill.DNS.SimpleResolver'], r'''
public class XBillDnsSrvResolverTimeoutTest {

    @Test
    public void extendedResolverCarriesTheConfiguredTimeout() throws Exception {
        ExtendedResolver resolver = new ExtendedResolver(new String[] {"127.0.0.1", "127.0.0.2"});
        resolver.setTimeout(Duration.ofMillis(300));
        assertEquals(Duration.ofMillis(300), resolver.getTimeout());
        assertEquals(2, Arrays.stream(resolver.getResolvers()).filter(r -> r instanceof SimpleResolver).count());
    }
}
'''))
cases_of(case, GH + 'spotify/dns-java/pull/56', src('com.spotify.dns', 'XBillDnsSrvResolver'),
         J('com.spotify.dns', _SRV)(SRVRESOLVER), [
             (1, 'java-00-dns-java-srv-resolver-servers-keep-default-timeout',
              'an edit stops passing the configured timeout to each server of the extended resolver, so every '
              'server keeps the library default; the change adds a test beside it', 'edit', [SRV_TEST]),
             (2, 'java-00-dns-java-srv-resolver-bad-name-answers-empty',
              'an edit answers a name that does not parse with an empty result instead of an error', 'edit'),
             (0, 'java-ok-00-dns-java-srv-resolver-timeout-on-every-server',
              'clean: the fix sets the configured timeout on every server of the extended resolver', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-05: Tor onion proxy manager (Tor_Onion_Proxy_Library), CRLF file
ONIONPROXY = template('tor-onion-proxy-manager', r'''
/**
 * Starts and watches the Tor process behind the onion proxy. Callers wait for Tor to bootstrap before they use the
 * SOCKS port; the port probe below opens one short-lived socket per check.
 */
public abstract class OnionProxyManager {
    private static final Logger LOG = LoggerFactory.getLogger(OnionProxyManager.class);
    private static final int PROBE_TIMEOUT_MS = 500;

    protected abstract boolean isBootstrapped();

    public abstract int getIPv4LocalHostSocksPort() throws IOException;

    public boolean isRunning() throws IOException {
        return isBootstrapped() && isLocalPortOpen(getIPv4LocalHostSocksPort());
    }

01|    public boolean waitForBootstrap(int secondsBeforeTimeOut) throws InterruptedException {
2|    public boolean waitForBootstrap(int secondsBeforeTimeOut) {
        for (int i = 0; i < secondsBeforeTimeOut * 2; i++) {
            if (isBootstrapped()) {
                return true;
            }
01|            Thread.sleep(500);
2|            try {
2|                Thread.sleep(500);
2|            } catch (InterruptedException e) { //@CONC-05
2|                LOG.warn("Interrupted while waiting for Tor to bootstrap", e);
2|            }
        }
        LOG.warn("Tor did not bootstrap within {} seconds", secondsBeforeTimeOut);
        return false;
    }

    private static boolean isLocalPortOpen(int port) {
02|        try (Socket socket = new Socket()) {
02|            socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
02|            return true;
02|        } catch (IOException e) {
02|            LOG.debug("SOCKS port {} is not open: {}", port, e.getMessage());
02|            return false;
02|        }
1|        try {
1|            Socket socket = new Socket(); //@RES-01
1|            socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
1|            return true;
1|        } catch (IOException e) {
1|            LOG.debug("SOCKS port {} is not open: {}", port, e.getMessage());
1|            return false;
1|        }
    }
}
''')
cases_of(case, GH + 'thaliproject/Tor_Onion_Proxy_Library/pull/132',
         'universal/' + src('com.msopentech.thali.toronionproxy', 'OnionProxyManager'),
         J('com.msopentech.thali.toronionproxy', SLF4J + ['java.io.IOException', 'java.net.InetSocketAddress',
                                                          'java.net.Socket'])(ONIONPROXY), [
             (1, 'java-00-tor-onion-proxy-port-probe-socket-left-open',
              'an edit opens the SOCKS port probe\'s socket outside try-with-resources and never closes it, so each '
              'isRunning check leaks a socket', 'edit'),
             (2, 'java-00-tor-onion-proxy-bootstrap-wait-interrupt-lost',
              'an edit catches the interrupt of the bootstrap wait, logs it and keeps waiting', 'edit'),
             (0, 'java-ok-00-tor-onion-proxy-port-probe-socket-closed',
              'clean: the fix closes the probe socket with try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-01 / CONC-01: connection factory of a network communication framework (sofa-bolt)
BOLTFACTORY = template('sofa-bolt-connection-factory', r'''
/**
 * Creates client connections for the RPC client. The factory owns its Netty worker group and the timer of the
 * connect timeouts; shutdown lets connections in flight finish within a grace period before the group is gone.
 */
public class RpcConnectionFactory implements ConnectionFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(RpcConnectionFactory.class);
    private static final long QUIET_PERIOD_MS = 200;
    private static final long SHUTDOWN_TIMEOUT_MS = 5000;

    private final EventLoopGroup workerGroup;
    private final HashedWheelTimer timer;

    public RpcConnectionFactory(int workerThreads) {
        this.workerGroup = NettyEventLoopUtil.newEventLoopGroup(workerThreads,
            new NamedThreadFactory("bolt-netty-client-worker", true));
        this.timer = new HashedWheelTimer(RpcConnectionFactory::timerThread, 10, TimeUnit.MILLISECONDS);
    }

    private static Thread timerThread(Runnable task) {
        Thread thread = new Thread(task, "bolt-connect-timeout-timer"); //@{2}CONC-01
        thread.setDaemon(true);
01|        thread.setUncaughtExceptionHandler(
01|            (t, e) -> LOGGER.error("Uncaught exception in {}", t.getName(), e));
        return thread;
    }

    public EventLoopGroup workerGroup() {
        return workerGroup;
    }

    public Timer timer() {
        return timer;
    }

    @Override
    public void shutdown() {
        timer.stop();
02|        Future<?> termination = workerGroup.shutdownGracefully(QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS,
02|            TimeUnit.MILLISECONDS);
02|        if (!termination.awaitUninterruptibly(QUIET_PERIOD_MS + SHUTDOWN_TIMEOUT_MS)) {
02|            LOGGER.warn("Netty worker group did not terminate within {} ms", SHUTDOWN_TIMEOUT_MS);
02|        }
1|        workerGroup.shutdownNow(); //@OPS-01
    }
}
''')
_BOLT = SLF4J + ['com.alipay.remoting.NamedThreadFactory', 'com.alipay.remoting.util.NettyEventLoopUtil',
                 'io.netty.channel.EventLoopGroup', 'io.netty.util.HashedWheelTimer', 'io.netty.util.Timer',
                 'io.netty.util.concurrent.Future', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'sofastack/sofa-bolt/pull/31', src('com.alipay.remoting.rpc', 'RpcConnectionFactory'),
         JV('com.alipay.remoting.rpc', {0: _BOLT, 1: [i for i in _BOLT if not i.endswith('.Future')],
                                        2: _BOLT})(BOLTFACTORY), [
             (1, 'java-00-sofa-bolt-factory-worker-group-killed-at-shutdown',
              'an edit stops the factory\'s Netty worker group with shutdownNow, cutting connections in flight '
              'instead of letting them finish within the grace period', 'edit'),
             (2, 'java-00-sofa-bolt-factory-timer-thread-without-handler',
              'an edit builds the connect timeout timer\'s thread without an uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-sofa-bolt-factory-worker-group-drained',
              'clean: the fix shuts the worker group down gracefully and waits for it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TIME-01: server list updater of a client load balancer (ribbon)
SERVERLIST = template('ribbon-polling-server-list-updater', r'''
/**
 * Refreshes a dynamic load balancer's server list on a shared scheduler. An update that fails, errors included, is
 * logged and retried at the next interval; it never ends the schedule.
 */
public class PollingServerListUpdater implements ServerListUpdater {
    private static final Logger logger = LoggerFactory.getLogger(PollingServerListUpdater.class);

    private final AtomicBoolean isActive = new AtomicBoolean(false);
    private final long initialDelayMs;
    private final long refreshIntervalMs;
    private volatile long lastUpdated = System.currentTimeMillis();
    private volatile ScheduledFuture<?> scheduledFuture;

    public PollingServerListUpdater(long initialDelayMs, long refreshIntervalMs) {
        this.initialDelayMs = initialDelayMs;
        this.refreshIntervalMs = refreshIntervalMs;
    }

    @Override
    public synchronized void start(final UpdateAction updateAction) {
        if (isActive.compareAndSet(false, true)) {
            final Runnable wrapperRunnable = () -> {
                if (!isActive.get()) {
                    return;
                }
02|                try {
02|                    updateAction.doUpdate();
02|                    lastUpdated = System.currentTimeMillis();
02|                } catch (Throwable e) {
02|                    logger.warn("Failed one update cycle", e);
02|                }
1|                updateAction.doUpdate(); //@CONC-07
1|                lastUpdated = System.currentTimeMillis();
            };
            scheduledFuture = getRefreshExecutor().scheduleWithFixedDelay(wrapperRunnable, initialDelayMs,
                refreshIntervalMs, TimeUnit.MILLISECONDS);
        } else {
            logger.info("Already active, no-op");
        }
    }

    @Override
    public synchronized void stop() {
        if (isActive.compareAndSet(true, false) && scheduledFuture != null) {
            scheduledFuture.cancel(true);
        }
    }

    @Override
    public String getLastUpdate() {
01|        return Instant.ofEpochMilli(lastUpdated).toString();
2|        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").format(new Date(lastUpdated)); //@TIME-01
    }

    @Override
    public long getDurationSinceLastUpdateMs() {
        return System.currentTimeMillis() - lastUpdated;
    }

    private static ScheduledThreadPoolExecutor getRefreshExecutor() {
        return LazyHolder.SERVER_LIST_REFRESH_EXECUTOR;
    }

    private static final class LazyHolder {
        static final ScheduledThreadPoolExecutor SERVER_LIST_REFRESH_EXECUTOR = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "PollingServerListUpdater");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> logger.error("Uncaught error in {}", t.getName(), e));
            return thread;
        });
    }
}
''')
_SL = SLF4J + ['java.time.Instant', 'java.util.concurrent.ScheduledFuture',
               'java.util.concurrent.ScheduledThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
               'java.util.concurrent.atomic.AtomicBoolean']
cases_of(case, GH + 'Netflix/ribbon/issues/438', 'ribbon-loadbalancer/' + src('com.netflix.loadbalancer', 'PollingServerListUpdater'),
         JV('com.netflix.loadbalancer', {0: _SL, 1: _SL,
                                         2: [i for i in _SL if i != 'java.time.Instant'] + [
                                             'java.text.SimpleDateFormat', 'java.util.Date']})(SERVERLIST), [
             (1, 'java-00-ribbon-server-list-update-unguarded',
              'an edit runs the scheduled server list update without its catch, so one failed update, an '
              'OutOfMemoryError included, ends the refresh for good', 'edit'),
             (2, 'java-00-ribbon-server-list-last-update-local-time',
              'an edit formats the last update time with a SimpleDateFormat in the JVM\'s default zone', 'edit'),
             (0, 'java-ok-00-ribbon-server-list-update-guarded',
              'clean: the fix catches everything an update cycle throws and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: hosts resolver of an HTTP DNS library (happy-dns-java), moved file
HOSTS = template('happy-dns-hosts', r'''
/**
 * Answers names from a hosts table before any DNS server is asked. A name with several addresses rotates them on
 * every query, so callers spread over them; the rotation of one name's list happens under that list's lock.
 */
public final class Hosts implements IResolver {
    private final ConcurrentHashMap<String, LinkedList<String>> hosts = new ConcurrentHashMap<>();

    public static Hosts load(Path file) throws IOException {
01|        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
2|        List<String> lines;
2|        try {
2|            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
2|        } catch (IOException e) { //@ERR-01
2|            lines = Collections.emptyList();
2|        }
        Hosts table = new Hosts();
        for (String line : lines) {
            String entry = line.replaceFirst("#.*", "").trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                table.put(fields[i], fields[0]);
            }
        }
        return table;
    }

    public void put(String domain, String address) {
        LinkedList<String> values = hosts.computeIfAbsent(domain, d -> new LinkedList<>());
        synchronized (values) {
            values.add(address);
        }
    }

    @Override
    public String[] query(Domain domain, NetworkInfo info) {
        LinkedList<String> values = hosts.get(domain.domain);
        if (values == null) {
            return null;
        }
02|        synchronized (values) {
02|            if (values.size() > 1) {
02|                values.addLast(values.removeFirst());
02|            }
02|            return values.toArray(new String[0]);
02|        }
1|        if (values.size() > 1) {
1|            values.addLast(values.removeFirst()); //@CONC-03
1|        }
1|        return values.toArray(new String[0]);
    }
}
''')
_HOSTS = ['java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path',
          'java.util.LinkedList', 'java.util.List', 'java.util.concurrent.ConcurrentHashMap', 'qiniu.happydns.Domain',
          'qiniu.happydns.IResolver', 'qiniu.happydns.NetworkInfo']
cases_of(case, GH + 'qiniu/happy-dns-java/pull/2', src('qiniu.happydns.hosts', 'Hosts'),
         JV('qiniu.happydns.hosts', {0: _HOSTS, 1: _HOSTS, 2: _HOSTS + ['java.util.Collections']})(HOSTS), [
             (1, 'java-00-happy-dns-moved-hosts-rotated-unlocked',
              'a change that moves the hosts resolver to its own package also rotates a name\'s address list '
              'without its lock while other queries read it', 'rename'),
             (2, 'java-00-happy-dns-moved-hosts-file-error-dropped',
              'a change that moves the hosts resolver also answers an unreadable hosts file with an empty table',
              'rename'),
             (0, 'java-ok-00-happy-dns-moved-hosts',
              'clean: the move alone; the rotation happens under the list\'s lock', 'rename'),
         ], rename_from=src('qiniu.happydns.local', 'Hosts'),
         rename_old=lambda t: t.replace('package qiniu.happydns.hosts;', 'package qiniu.happydns.local;'))


# ---------------------------------------------------------------- RES-01 / CONC-02: tunnel handler of a Redis proxy client (x-pipe), new file
PROXYCLIENT = template('x-pipe-proxy-client-tunnel-handler', r'''
/**
 * Front end of a proxied Redis connection. Bytes that arrive before the tunnel to the proxy is up wait in a small
 * bounded queue; a client that outruns it is disconnected. Every buffer this handler keeps is released when the
 * front channel goes away.
 */
public class ProxyClientTunnelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger logger = LoggerFactory.getLogger(ProxyClientTunnelHandler.class);
    private static final int MAX_PENDING_BUFFERS = 256;

01|    private final BlockingQueue<ByteBuf> pending = new LinkedBlockingQueue<>(MAX_PENDING_BUFFERS);
2|    private final BlockingQueue<ByteBuf> pending = new LinkedBlockingQueue<>(); //@CONC-02
    private volatile Channel backend;

    public void tunnelEstablished(Channel backend) {
        this.backend = backend;
        ByteBuf buf;
        while ((buf = pending.poll()) != null) {
            backend.write(buf);
        }
        backend.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg; //@{1}RES-01
        Channel tunnel = backend;
        if (tunnel != null && tunnel.isActive()) {
            tunnel.writeAndFlush(buf);
            return;
        }
        if (!pending.offer(buf)) {
            buf.release();
            logger.warn("[channelRead] {} pending buffers reached before the tunnel is up, closing {}",
                MAX_PENDING_BUFFERS, ctx.channel());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
02|        ByteBuf buf;
02|        while ((buf = pending.poll()) != null) {
02|            buf.release();
02|        }
        Channel tunnel = backend;
        if (tunnel != null) {
            tunnel.close();
        }
        super.channelInactive(ctx);
    }
}
''')
cases_of(case, GH + 'ctripcorp/x-pipe/pull/531',
         'redis/redis-proxy-client/' + src('com.ctrip.xpipe.redis.proxy.client', 'ProxyClientTunnelHandler'),
         J('com.ctrip.xpipe.redis.proxy.client', SLF4J + [
             'io.netty.buffer.ByteBuf', 'io.netty.channel.Channel', 'io.netty.channel.ChannelHandlerContext',
             'io.netty.channel.ChannelInboundHandlerAdapter', 'java.util.concurrent.BlockingQueue',
             'java.util.concurrent.LinkedBlockingQueue'])(PROXYCLIENT), [
             (1, 'java-00-x-pipe-proxy-client-pending-buffers-never-released',
              'a new tunnel handler of the proxy client queues buffers until the tunnel is up but never releases '
              'those still queued when the client goes away', 'new'),
             (2, 'java-00-x-pipe-proxy-client-pending-queue-unbounded',
              'a new tunnel handler of the proxy client queues early buffers without a bound, so a fast client fills '
              'the heap while the tunnel connects', 'new'),
             (0, 'java-ok-00-x-pipe-proxy-client-tunnel-handler',
              'clean: early buffers wait in a bounded queue and are released when the front channel goes away', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: caching service discovery of a client load balancer (smallrye-stork)
CACHINGSD = template('stork-caching-service-discovery', r'''
/**
 * Service discovery that keeps the last instances it fetched for a refresh period. A fetch that fails or does not
 * answer within the fetch timeout keeps the previous instances, so a discovery server that is down or slow does not
 * fail every call made through the load balancer.
 */
public abstract class CachingServiceDiscovery implements ServiceDiscovery {
    private static final Logger log = LoggerFactory.getLogger(CachingServiceDiscovery.class);

    public final Duration refreshPeriod;
    public final Duration fetchTimeout;
    private volatile List<ServiceInstance> lastResults = Collections.emptyList();
    private volatile Instant lastFetch = Instant.EPOCH;
    private final Uni<List<ServiceInstance>> instances;

    protected CachingServiceDiscovery(Duration refreshPeriod, Duration fetchTimeout) {
        this.refreshPeriod = refreshPeriod;
        this.fetchTimeout = fetchTimeout;
        this.instances = Uni.createFrom().deferred(() -> fetchNewServiceInstances(this.lastResults) //@{1}TMO-01
02|                .ifNoItem().after(this.fetchTimeout).fail()
                .invoke(this::remember)
                .onFailure().invoke(this::handleFetchError)
                .onFailure().recoverWithItem(() -> this.lastResults))
            .memoize().atLeast(this.refreshPeriod);
    }

    @Override
    public Uni<List<ServiceInstance>> getServiceInstances() {
        return instances;
    }

    public Instant lastFetch() {
        return lastFetch;
    }

    private void remember(List<ServiceInstance> fetched) {
        this.lastResults = fetched;
01|        this.lastFetch = Instant.now();
2|        this.lastFetch = LocalDateTime.now().toInstant(ZoneOffset.UTC); //@TIME-01
    }

    protected void handleFetchError(Throwable error) {
        log.error("Failed to fetch service instances, keeping the {} previous ones", lastResults.size(), error);
    }

    public abstract Uni<List<ServiceInstance>> fetchNewServiceInstances(List<ServiceInstance> previousInstances);
}
''')
_SD = SLF4J + ['io.smallrye.mutiny.Uni', 'io.smallrye.stork.api.ServiceDiscovery', 'io.smallrye.stork.api.ServiceInstance',
               'java.time.Duration', 'java.time.Instant', 'java.util.Collections', 'java.util.List']
cases_of(case, GH + 'smallrye/smallrye-stork/issues/231', 'core/' + src('io.smallrye.stork.impl', 'CachingServiceDiscovery'),
         JV('io.smallrye.stork.impl', {0: _SD, 1: _SD,
                                       2: _SD + ['java.time.LocalDateTime', 'java.time.ZoneOffset']})(CACHINGSD), [
             (1, 'java-00-stork-caching-discovery-fetch-without-timeout',
              'an edit drops the fetch timeout of the caching service discovery, so a discovery server that does not '
              'answer holds every call that needs a refresh', 'edit'),
             (2, 'java-00-stork-caching-discovery-fetch-stamped-local-time',
              'an edit stamps the last fetch with the local wall clock read as if it were UTC', 'edit'),
             (0, 'java-ok-00-stork-caching-discovery-fetch-bounded',
              'clean: the fix bounds each fetch with the fetch timeout and keeps the previous instances', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-01: health checker of a router's load balancer (galeb), new file
HEALTHCHECKER = template('galeb-health-checker-service', r'''
/**
 * Checks every backend target of the router on a fixed delay. Checks run on a bounded pool; the scheduled run
 * waits for each result, so a check that throws is counted instead of lost, and reports the pass once.
 */
@Service
public class HealthCheckerService {
    private static final Logger LOGGER = LoggerFactory.getLogger(HealthCheckerService.class);
    private static final long CHECK_TIMEOUT_MS = 5000;

    private final TargetRepository targets;
    private final HealthProbe probe;
    private final ExecutorService checkers = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(1024), new ThreadPoolExecutor.CallerRunsPolicy());

    public HealthCheckerService(TargetRepository targets, HealthProbe probe) {
        this.targets = targets;
        this.probe = probe;
    }

    @Scheduled(fixedDelay = 10000)
    public void check() {
        try {
            List<Target> all = targets.findAll();
            List<Future<Boolean>> results = new ArrayList<>(all.size());
            for (Target target : all) {
02|                results.add(checkers.submit(() -> probe.check(target)));
1|                checkers.submit(() -> probe.check(target)); //@CONC-06
            }
            int unhealthy = 0;
02|            for (int i = 0; i < results.size(); i++) {
02|                if (!passed(results.get(i))) {
02|                    unhealthy++;
02|                    all.get(i).markUnhealthy();
02|                }
02|            }
02|            if (unhealthy > 0) {
02|                LOGGER.warn("{} of {} targets failed their health check", unhealthy, all.size());
02|            }
2|            for (int i = 0; i < results.size(); i++) {
2|                if (!passed(results.get(i))) {
2|                    unhealthy++;
2|                    all.get(i).markUnhealthy();
2|                    LOGGER.warn("Target {} failed its health check", all.get(i).getName()); //@LOG-01
2|                }
2|            }
            LOGGER.debug("Health check pass done: {} targets, {} unhealthy", all.size(), unhealthy);
        } catch (Throwable t) {
            LOGGER.error("Health check pass failed", t);
        }
    }

    private static boolean passed(Future<Boolean> result) {
        try {
            return result.get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            result.cancel(true);
            return false;
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        checkers.shutdown();
        if (!checkers.awaitTermination(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            checkers.shutdownNow();
        }
    }
}
''')
cases_of(case, GH + 'galeb/galeb/pull/24', 'health/' + src('io.galeb.health.services', 'HealthCheckerService'),
         J('io.galeb.health.services', SLF4J + [
             'io.galeb.core.entity.Target', 'io.galeb.health.probe.HealthProbe',
             'io.galeb.health.repository.TargetRepository', 'java.util.ArrayList', 'java.util.List',
             'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException', 'javax.annotation.PreDestroy',
             'org.springframework.scheduling.annotation.Scheduled', 'org.springframework.stereotype.Service'])(HEALTHCHECKER), [
             (1, 'java-00-galeb-health-checker-results-dropped',
              'a new health checker submits one check per target and drops the futures, so a check that throws is '
              'lost and no target is ever marked unhealthy', 'new'),
             (2, 'java-00-galeb-health-checker-warns-every-target',
              'a new health checker logs a warning for every failing target on every pass', 'new'),
             (0, 'java-ok-00-galeb-health-checker-service',
              'clean: the checker waits for every check\'s result and reports the pass once', 'new'),
         ])
