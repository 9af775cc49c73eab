"""Round-77 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / ERR-01: UDP transport of a DNS library (dnsjava), moved close
DNSJAVA = template('dnsjava-udp-client', r'''
/** Sends one query over UDP and waits for the answer that carries the query's id. */
final class UdpClient {
    private static final Logger log = LoggerFactory.getLogger(UdpClient.class);

    private UdpClient() {}

    static byte[] sendrecv(InetSocketAddress remote, byte[] query, int max, Duration timeout) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.setSoTimeout((int) timeout.toMillis()); //@{1}RES-01
            socket.send(new DatagramPacket(query, query.length, remote));
            byte[] answer = receive(socket, query, max);
1|            socket.close();
            return answer;
        } catch (SocketTimeoutException e) { //@{2}ERR-01
01|            throw new SocketTimeoutException("Timed out while waiting for an answer from " + remote);
2|            return null;
02|        } finally {
02|            socket.close();
        }
    }

    private static byte[] receive(DatagramSocket socket, byte[] query, int max) throws IOException {
        int id = ((query[0] & 0xFF) << 8) | (query[1] & 0xFF);
        byte[] buf = new byte[max];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            if (packet.getLength() >= Header.LENGTH && (((buf[0] & 0xFF) << 8) | (buf[1] & 0xFF)) == id) {
                return Arrays.copyOf(buf, packet.getLength());
            }
            log.debug("Dropping an answer with a foreign id from {}", packet.getSocketAddress());
        }
    }
}
''')
cases_of(case, GH + 'dnsjava/dnsjava/issues/110', src('org.xbill.DNS', 'UdpClient'),
         J('org.xbill.DNS', SLF4J + [
             'java.io.IOException', 'java.net.DatagramPacket', 'java.net.DatagramSocket', 'java.net.InetSocketAddress',
             'java.net.SocketTimeoutException', 'java.time.Duration', 'java.util.Arrays'])(DNSJAVA), [
             (1, 'java-00-dnsjava-udp-socket-closed-only-on-answer',
              'an edit closes the query\'s UDP socket only after an answer arrived, so every query that times out '
              'or fails leaves its port open until the process ends', 'edit'),
             (2, 'java-00-dnsjava-udp-timeout-answered-with-null',
              'an edit answers a query timeout with null instead of the timeout exception, so callers cannot tell a '
              'silent server from an empty answer', 'edit'),
             (0, 'java-ok-00-dnsjava-udp-socket-closed-in-finally',
              'clean: the fix closes the socket in a finally, on every path', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: upstream forwarding of a gateway on Reactor Netty (reactor-netty)
REACTOR = template('reactor-netty-upstream-forwarder', r'''
/** Forwards a routed request to its upstream and hands back the upstream's answer. */
public class UpstreamForwarder {
    private final HttpClient httpClient;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public UpstreamForwarder(ConnectionProvider provider, Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
01|        this.httpClient = HttpClient.create(provider)
01|                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
01|                .responseTimeout(responseTimeout);
2|        this.httpClient = HttpClient.create(provider); //@TMO-01
    }

    public Mono<UpstreamResponse> forward(URI upstream, String method, Map<String, String> headers, byte[] body) {
02|        return httpClient
1|        return HttpClient.create(ConnectionProvider.newConnection()) //@RES-04
1|                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
1|                .responseTimeout(responseTimeout)
                .headers(h -> headers.forEach(h::set))
                .request(HttpMethod.valueOf(method))
                .uri(upstream)
                .send(ByteBufFlux.fromInbound(Mono.just(body)))
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new UpstreamResponse(response.status().code(), response.responseHeaders(), bytes)));
    }
}
''')
cases_of(case, GH + 'reactor/reactor-netty/issues/1515', src('io.gateway.forward', 'UpstreamForwarder'),
         J('io.gateway.forward', [
             'io.netty.channel.ChannelOption', 'io.netty.handler.codec.http.HttpMethod', 'java.net.URI',
             'java.time.Duration', 'java.util.Map', 'reactor.core.publisher.Mono', 'reactor.netty.ByteBufFlux',
             'reactor.netty.http.client.HttpClient', 'reactor.netty.resources.ConnectionProvider'])(REACTOR), [
             (1, 'java-00-reactor-netty-forwarder-new-connection-per-request',
              'an edit forwards every request through a new client on a non-pooled connection provider, so each '
              'request opens a connection and a DNS resolver socket that nothing reuses', 'edit'),
             (2, 'java-00-reactor-netty-forwarder-without-timeouts',
              'an edit builds the shared client without the connect and response timeouts, so an upstream that '
              'stops answering holds the gateway\'s request for ever', 'edit'),
             (0, 'java-ok-00-reactor-netty-forwarder-shared-client',
              'clean: the fix forwards through the forwarder\'s one pooled client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: trace id handler of a Netty gateway (qing-gateway), new file
QING = template('qing-gateway-trace-id-handler', r'''
/** Tags the log lines of one request's routing with its trace id, on the Netty worker thread that routes it. */
@ChannelHandler.Sharable
public class TraceIdHandler extends ChannelInboundHandlerAdapter {
    public static final String TRACE_ID = "traceId";
    static final String HEADER = "X-Qing-Trace-Id";
    private static final Logger log = LoggerFactory.getLogger(TraceIdHandler.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        String traceId = request.headers().get(HEADER);
        if (traceId == null || traceId.isEmpty()) {
            traceId = UUID.randomUUID().toString().replace("-", "");
            request.headers().set(HEADER, traceId);
        }
        MDC.put(TRACE_ID, traceId); //@{1}CONC-04
02|        try {
0|            log.debug("Routing {} {}", request.method(), request.uri());
2|            log.debug("Routing " + request.method() + " " + request.uri()); //@LOG-02
02|            ctx.fireChannelRead(request);
02|        } finally {
02|            MDC.remove(TRACE_ID);
02|        }
1|        log.debug("Routing {} {}", request.method(), request.uri());
1|        ctx.fireChannelRead(request);
1|        MDC.remove(TRACE_ID);
    }
}
''')
cases_of(case, GH + 'conghuhu/qing-gateway/pull/24', src('com.qing.gateway.core.netty', 'TraceIdHandler'),
         J('com.qing.gateway.core.netty', SLF4J + [
             'io.netty.channel.ChannelHandler', 'io.netty.channel.ChannelHandlerContext',
             'io.netty.channel.ChannelInboundHandlerAdapter', 'io.netty.handler.codec.http.FullHttpRequest',
             'java.util.UUID', 'org.slf4j.MDC'])(QING), [
             (1, 'java-00-qing-gateway-new-trace-handler-mdc-not-cleared-on-failure',
              'a new trace handler removes the trace id from the MDC only when routing returns normally, so a '
              'request that throws leaves its id on the worker thread for the next requests\' log lines', 'new'),
             (2, 'java-00-qing-gateway-new-trace-handler-debug-concatenated',
              'a new trace handler builds its per-request debug line by concatenation, paid on every request with '
              'debug logging off', 'new'),
             (0, 'java-ok-00-qing-gateway-new-trace-handler',
              'clean: a new trace handler that clears the MDC in a finally and logs with parameters', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: process thread of an Android VPN client (ics-openvpn)
OPENVPN = template('ics-openvpn-thread', r'''
public class OpenVPNThread implements Runnable {
    private static final String TAG = "OpenVPN";
    private final OpenVPNService mService;
    private final String[] mArgv;
    private Process mProcess;

    public OpenVPNThread(OpenVPNService service, String[] argv) {
        mService = service;
        mArgv = argv;
    }

    @Override
    public void run() {
        try {
            Log.i(TAG, "Starting openvpn");
            mProcess = new ProcessBuilder(mArgv).redirectErrorStream(true).start();
            int exitCode = waitForExit(mProcess);
            VpnStatus.logInfo(R.string.openvpn_exited, exitCode);
        } catch (IOException e) {
            VpnStatus.logException("Starting OpenVPN", e);
        } finally {
            mService.openvpnStopped();
        }
    }

    /** Waits for the process; an interrupt from stopVPN() kills it and ends the thread with the flag still set. */
    private int waitForExit(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) { //@{1}CONC-05
            VpnStatus.logInfo("OpenVPN thread interrupted, stopping the process");
            process.destroy();
02|            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Closes the management socket once the daemon connected to it. */
    static void closeManagementSocket(LocalServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) { //@{2}ERR-01
01|            VpnStatus.logException("Closing the management socket", e);
        }
    }
}
''')
cases_of(case, GH + 'schwabe/ics-openvpn/pull/572', 'main/' + src('de.blinkt.openvpn.core', 'OpenVPNThread'),
         J('de.blinkt.openvpn.core', ['android.net.LocalServerSocket', 'android.util.Log', 'de.blinkt.openvpn.R',
                                      'java.io.IOException'])(OPENVPN), [
             (1, 'java-00-ics-openvpn-wait-swallows-interrupt',
              'an edit kills the process on an interrupt but drops the restored interrupt flag, so the code that '
              'runs after the wait on the stopping thread never learns it was told to stop', 'edit'),
             (2, 'java-00-ics-openvpn-management-socket-close-failure-dropped',
              'an edit drops the log of a failed close of the management socket, so a socket that stays bound '
              'leaves no trace when the next connection cannot bind it', 'edit'),
             (0, 'java-ok-00-ics-openvpn-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag after killing the process', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: IP filtering policy of an API gateway (gravitee), CRLF
GRAVITEE = template('gravitee-ip-filtering-policy', r'''
public class IPFilteringPolicy {
    private static final Logger LOGGER = LoggerFactory.getLogger(IPFilteringPolicy.class);
    private final IPFilteringPolicyConfiguration configuration;

    public IPFilteringPolicy(IPFilteringPolicyConfiguration configuration) {
        this.configuration = configuration;
    }

    @OnRequest
    public void onRequest(Request request, Response response, ExecutionContext ctx, PolicyChain chain) {
        List<String> hosts = configuration.getWhitelistHosts();
        if (hosts.isEmpty()) {
            check(request.remoteAddress(), configuration.getWhitelistIps(), chain);
            return;
        }
        Vertx vertx = ctx.getComponent(Vertx.class);
        DnsClient dns = vertx.createDnsClient(configuration.getDnsPort(), configuration.getDnsHost()); //@{1}RES-01
        List<Future<List<String>>> lookups = hosts.stream().map(dns::resolveA).collect(Collectors.toList());
        Future.all(lookups).onComplete(ar -> {
02|            dns.close();
            if (ar.failed()) {
                LOGGER.error("Unable to resolve the whitelisted hosts {}", hosts, ar.cause());
                chain.failWith(PolicyResult.failure(HttpStatusCode.FORBIDDEN_403, "Unable to resolve whitelisted hosts"));
                return;
            }
            List<String> ips = new ArrayList<>(configuration.getWhitelistIps());
            for (Future<List<String>> lookup : lookups) {
                ips.addAll(lookup.result());
            }
01|            LOGGER.debug("Whitelisted hosts {} resolve to {}", hosts, ips);
2|            LOGGER.info("Whitelisted hosts {} resolve to {}", hosts, ips); //@LOG-01
            check(request.remoteAddress(), ips, chain);
        });
    }

    private void check(String remoteAddress, List<String> allowed, PolicyChain chain) {
        if (allowed.contains(remoteAddress)) {
            chain.doNext(null, null);
        } else {
            chain.failWith(PolicyResult.failure(HttpStatusCode.FORBIDDEN_403, "Your IP (" + remoteAddress + ") is not allowed"));
        }
    }
}
''')
cases_of(case, GH + 'gravitee-io/issues/issues/4362',
         src('io.gravitee.policy.ipfiltering', 'IPFilteringPolicy'),
         J('io.gravitee.policy.ipfiltering', SLF4J + [
             'io.gravitee.common.http.HttpStatusCode', 'io.gravitee.gateway.api.ExecutionContext',
             'io.gravitee.gateway.api.Request', 'io.gravitee.gateway.api.Response',
             'io.gravitee.policy.api.PolicyChain', 'io.gravitee.policy.api.PolicyResult',
             'io.gravitee.policy.api.annotations.OnRequest', 'io.vertx.core.Future', 'io.vertx.core.Vertx',
             'io.vertx.core.dns.DnsClient', 'java.util.ArrayList', 'java.util.List',
             'java.util.stream.Collectors'])(GRAVITEE), [
             (1, 'java-00-gravitee-ip-filter-dns-client-never-closed',
              'an edit no longer closes the DNS client it creates for each request, so every filtered request '
              'leaves a UDP socket open in the gateway', 'edit'),
             (2, 'java-00-gravitee-ip-filter-resolution-logged-at-info',
              'an edit logs the resolved whitelist at info level, one line for every request the policy filters',
              'edit'),
             (0, 'java-ok-00-gravitee-ip-filter-dns-client-closed',
              'clean: the fix closes the request\'s DNS client once the lookups are done', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-02: connection pool service of a reverse proxy (repose)
REPOSE = template('repose-connection-pool-service', r'''
/** Hands out one pooled HTTP client per configured pool; filters ask for a pool by id on every request. */
public class HttpConnectionPoolServiceImpl implements HttpClientService {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectionPoolServiceImpl.class);

02|    private final Map<String, CloseableHttpClient> poolMap = new ConcurrentHashMap<>();
1|    private final Map<String, CloseableHttpClient> poolMap = new HashMap<>();
    private volatile HttpConnectionPoolConfig config;
    private volatile String defaultPoolId;

    public HttpConnectionPoolServiceImpl(HttpConnectionPoolConfig config) {
        this.config = config;
        this.defaultPoolId = config.getDefaultPoolId();
    }

    @Override
    public CloseableHttpClient getClient(String clientId) {
        String poolId = clientId == null || clientId.isEmpty() ? defaultPoolId : clientId;
01|        LOG.trace("Client {} uses pool {}", clientId, poolId);
2|        LOG.trace("Client " + clientId + " uses pool " + poolId); //@LOG-02
02|        return poolMap.computeIfAbsent(poolId, this::createClient);
1|        CloseableHttpClient client = poolMap.get(poolId);
1|        if (client == null) {
1|            client = createClient(poolId);
1|            poolMap.put(poolId, client); //@CONC-03
1|        }
1|        return client;
    }

    private CloseableHttpClient createClient(String poolId) {
        PoolType pool = config.getPool(poolId);
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager();
        manager.setMaxTotal(pool.getHttpConnManagerMaxTotal());
        manager.setDefaultMaxPerRoute(pool.getHttpConnManagerMaxPerRoute());
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(pool.getHttpConnectionTimeout())
                .setSocketTimeout(pool.getHttpSocketTimeout())
                .setConnectionRequestTimeout(pool.getHttpConnectionRequestTimeout())
                .build();
        return HttpClients.custom().setConnectionManager(manager).setDefaultRequestConfig(requestConfig).build();
    }
}
''')
cases_of(case, GH + 'rackerlabs/repose/pull/1054',
         'repose-aggregator/core/' + src('org.openrepose.core.services.httpclient', 'HttpConnectionPoolServiceImpl'),
         JV('org.openrepose.core.services.httpclient', {
             v: SLF4J + ['org.apache.http.client.config.RequestConfig', 'org.apache.http.impl.client.CloseableHttpClient',
                         'org.apache.http.impl.client.HttpClients',
                         'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
                         'org.openrepose.core.service.httpclient.config.HttpConnectionPoolConfig',
                         'org.openrepose.core.service.httpclient.config.PoolType', 'java.util.Map']
                + (['java.util.HashMap'] if v == 1 else ['java.util.concurrent.ConcurrentHashMap'])
             for v in (0, 1, 2)})(REPOSE), [
             (1, 'java-00-repose-pool-map-check-then-put',
              'an edit keeps the pools in a plain map filled by check-then-put from request threads, so two '
              'requests for a new pool build two clients and can corrupt the map', 'edit'),
             (2, 'java-00-repose-pool-lookup-trace-concatenated',
              'an edit builds the pool lookup\'s trace line by concatenation, paid on every proxied request with '
              'trace logging off', 'edit'),
             (0, 'java-ok-00-repose-pool-map-compute-if-absent',
              'clean: the fix keeps the pools in a concurrent map filled with computeIfAbsent', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-06: remote resolvers of a DNS proxy server (dns-proxy-server)
MAGEDDO = template('dns-proxy-server-remote-resolvers', r'''
@Slf4j
@Singleton
public class RemoteResolvers {
    private final List<InetSocketAddress> servers;
    private final Map<InetSocketAddress, Resolver> resolvers;
    private final Duration timeout;
    private final ExecutorService executor;

    @Inject
    public RemoteResolvers(Config config, ExecutorService executor) {
        this.servers = config.getRemoteDnsServers();
        this.resolvers = servers.stream().collect(Collectors.toMap(Function.identity(), SimpleResolver::new));
        this.timeout = config.getResolverTimeout();
        this.executor = executor;
    }

    /** Asks each remote server in turn and returns the first answer that is not a server failure. */
    public Message resolve(Message query) throws InterruptedException {
        for (InetSocketAddress server : servers) {
            try {
02|                Message answer = resolvers.get(server).sendAsync(query).toCompletableFuture()
02|                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
1|                Message answer = resolvers.get(server).sendAsync(query).toCompletableFuture().get(); //@TMO-01
                if (answer.getRcode() != Rcode.SERVFAIL) {
                    return answer;
                }
02|            } catch (ExecutionException | TimeoutException e) {
1|            } catch (ExecutionException e) {
                log.warn("status=resolveFailed, server={}, question={}", server, query.getQuestion(), e);
            }
        }
        return null;
    }

    /** Checks every remote server in the background so the status page can show which ones answer. */
    public void probeAll() {
        for (InetSocketAddress server : servers) {
01|            CompletableFuture.runAsync(() -> probe(server), executor)
01|                    .exceptionally(e -> {
01|                        log.warn("status=probeFailed, server={}", server, e);
01|                        return null;
01|                    });
2|            executor.submit(() -> probe(server)); //@CONC-06
        }
    }

    private void probe(InetSocketAddress server) {
        Message query = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        Message answer = resolve(server, query);
        ServerStatus.record(server, answer.getRcode());
    }

    private Message resolve(InetSocketAddress server, Message query) {
        return resolvers.get(server).sendAsync(query).toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }
}
''')
cases_of(case, GH + 'mageddo/dns-proxy-server/pull/281',
         src('com.mageddo.dnsproxyserver.solver', 'RemoteResolvers'),
         J('com.mageddo.dnsproxyserver.solver', [
             'com.mageddo.dnsproxyserver.config.Config', 'java.net.InetSocketAddress', 'java.time.Duration',
             'java.util.List', 'java.util.Map', 'java.util.concurrent.CompletableFuture',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException', 'java.util.function.Function',
             'java.util.stream.Collectors', 'javax.inject.Inject', 'javax.inject.Singleton', 'lombok.extern.slf4j.Slf4j',
             'org.xbill.DNS.DClass', 'org.xbill.DNS.Message', 'org.xbill.DNS.Name', 'org.xbill.DNS.Rcode',
             'org.xbill.DNS.Record', 'org.xbill.DNS.Resolver', 'org.xbill.DNS.SimpleResolver',
             'org.xbill.DNS.Type'])(MAGEDDO), [
             (1, 'java-00-dns-proxy-server-remote-answer-awaited-without-bound',
              'an edit waits for each remote server\'s answer without a bound, so one server that never answers '
              'hangs every lookup that reaches it', 'edit'),
             (2, 'java-00-dns-proxy-server-probe-future-dropped',
              'an edit submits the server probes and drops their futures, so a probe that fails leaves the status '
              'page stale without a trace', 'edit'),
             (0, 'java-ok-00-dns-proxy-server-remote-answer-bounded',
              'clean: the fix bounds the wait for each remote answer by the resolver timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: node health checks of a SIP/HTTP load balancer (load-balancer), renamed file
RESTCOMM = template('restcomm-node-health-checker', r'''
/** Pings every HTTP node on a fixed schedule and takes nodes that stop answering out of the balancing set. */
public class NodeHealthChecker {
    private static final Logger logger = LoggerFactory.getLogger(NodeHealthChecker.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BalancerContext balancerContext;
    private final String healthPath;
    private final int intervalMillis;
    private final int pingTimeoutMillis;

    public NodeHealthChecker(BalancerContext balancerContext, String healthPath, int intervalMillis, int pingTimeoutMillis) {
        this.balancerContext = balancerContext;
        this.healthPath = healthPath;
        this.intervalMillis = intervalMillis;
        this.pingTimeoutMillis = pingTimeoutMillis;
    }

    public void start() {
02|        scheduler.scheduleAtFixedRate(this::checkAllSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
1|        scheduler.scheduleAtFixedRate(this::checkAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

    public void stop() {
        scheduler.shutdownNow();
    }

02|    private void checkAllSafely() {
02|        try {
02|            checkAll();
02|        } catch (Throwable t) {
02|            logger.error("Health check round failed; checking again on the next tick", t);
02|        }
02|    }
02|
    private void checkAll() {
        for (Node node : balancerContext.getHttpNodes()) {
            boolean healthy = ping(node);
01|            logger.debug("Node {} healthy: {}", node, healthy);
2|            logger.info("Node {} healthy: {}", node, healthy); //@LOG-01
            if (healthy) {
                balancerContext.includeNode(node);
            } else {
                balancerContext.excludeNode(node);
            }
        }
    }

    private boolean ping(Node node) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL("http", node.getIp(), node.getHttpPort(), healthPath).openConnection();
            connection.setConnectTimeout(pingTimeoutMillis);
            connection.setReadTimeout(pingTimeoutMillis);
            return connection.getResponseCode() == HttpURLConnection.HTTP_OK;
        } catch (IOException e) {
            logger.debug("Ping of {} failed: {}", node, e.toString());
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
''')
cases_of(case, GH + 'RestComm/load-balancer/issues/121',
         'jar/' + src('org.mobicents.tools.heartbeat.impl', 'NodeHealthChecker'),
         J('org.mobicents.tools.heartbeat.impl', SLF4J + [
             'java.io.IOException', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.mobicents.tools.sip.balancer.BalancerContext',
             'org.mobicents.tools.sip.balancer.Node'])(RESTCOMM), [
             (1, 'java-00-restcomm-renamed-health-checker-round-unguarded',
              'a PR renames the node checker and schedules its check round without a guard, so one unexpected '
              'exception stops every later health check and failed nodes keep getting traffic', 'rename'),
             (2, 'java-00-restcomm-renamed-health-checker-logs-every-ping',
              'a PR renames the node checker and logs every node\'s ping result at info level on every tick', 'rename'),
             (0, 'java-ok-00-restcomm-renamed-health-checker',
              'clean: the rename alone; the check round is guarded and pings are logged at debug', 'rename'),
         ], rename_from='jar/' + src('org.mobicents.tools.heartbeat.impl', 'NodeChecker'),
         rename_old=lambda t: t.replace('NodeHealthChecker', 'NodeChecker'))


# ---------------------------------------------------------------- CONC-01 / CONC-02: I/O worker threads of a socket library (litesockets)
LITESOCKETS = template('litesockets-threaded-executer', r'''
/** Runs client reads and writes on a fixed set of worker threads fed by the selector thread. */
public class ThreadedSocketExecuter extends AbstractSocketExecuter {
    private static final Logger log = LoggerFactory.getLogger(ThreadedSocketExecuter.class);
    private static final int MAX_QUEUED_TASKS = 10_000;

    private final ExecutorService workers;

    public ThreadedSocketExecuter(int workerCount) {
01|        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(MAX_QUEUED_TASKS), threadFactory("litesockets-io"),
01|                new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.workers = Executors.newFixedThreadPool(workerCount, threadFactory("litesockets-io")); //@CONC-02
    }

    @Override
    protected void dispatchRead(TCPClient client) {
        workers.execute(client::doClientRead);
    }

    @Override
    protected void dispatchWrite(TCPClient client) {
        workers.execute(client::doClientWrite);
    }

    private static ThreadFactory threadFactory(String prefix) {
        AtomicInteger sequence = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + sequence.incrementAndGet()); //@{1}CONC-01
            thread.setDaemon(true);
02|            thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
            return thread;
        };
    }
}
''')
cases_of(case, GH + 'threadly/litesockets/issues/52', src('org.threadly.litesockets', 'ThreadedSocketExecuter'),
         JV('org.threadly.litesockets', {
             v: SLF4J + ['java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadFactory',
                         'java.util.concurrent.atomic.AtomicInteger']
                + (['java.util.concurrent.Executors'] if v == 2 else
                   ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                    'java.util.concurrent.TimeUnit'])
             for v in (0, 1, 2)})(LITESOCKETS), [
             (1, 'java-00-litesockets-worker-threads-without-handler',
              'an edit drops the uncaught-exception handler of the I/O worker threads, so a read that throws kills '
              'its worker with nothing but a stack trace on stderr', 'edit'),
             (2, 'java-00-litesockets-workers-on-unbounded-queue',
              'an edit feeds the workers from a fixed pool\'s unbounded queue, so a burst of slow reads queues '
              'without limit instead of pushing back on the selector', 'edit'),
             (0, 'java-ok-00-litesockets-worker-threads-with-handler',
              'clean: the fix gives every worker thread an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TIME-01: hosts file download of a DNS-filtering VPN app (dns66)
DNS66 = template('dns66-rule-database-item-update', r'''
/** Downloads one hosts file of the rule database when the server has a newer one. */
class RuleDatabaseItemUpdateRunnable implements Runnable {
    private static final String TAG = "RuleDbItemUpdate";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final RuleDatabaseUpdateTask parentTask;
    private final Configuration.Item item;
    private final File file;

    RuleDatabaseItemUpdateRunnable(RuleDatabaseUpdateTask parentTask, Configuration.Item item, File file) {
        this.parentTask = parentTask;
        this.item = item;
        this.file = file;
    }

    @Override
    public void run() {
        try {
            HttpURLConnection connection = getHttpURLConnection(new URL(item.location));
            downloadFile(connection);
        } catch (IOException e) {
            parentTask.addError(item, e.getLocalizedMessage());
        } finally {
            parentTask.releaseItem(item);
        }
    }

    HttpURLConnection getHttpURLConnection(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        if (file.exists()) {
            SimpleDateFormat format = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US); //@{2}TIME-01
01|            format.setTimeZone(TimeZone.getTimeZone("GMT"));
            connection.setRequestProperty("If-Modified-Since", format.format(new Date(file.lastModified())));
        }
        return connection;
    }

    void downloadFile(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        if (status == HttpURLConnection.HTTP_NOT_MODIFIED) {
            return;
        }
        if (status != HttpURLConnection.HTTP_OK) {
            throw new IOException(item.location + " answered " + status);
        }
        AtomicFile atomicFile = new AtomicFile(file);
        FileOutputStream out = atomicFile.startWrite();
        boolean success = false;
02|        try (InputStream in = connection.getInputStream()) {
1|        InputStream in = connection.getInputStream(); //@RES-01
1|        try {
            copyStream(in, out);
            success = true;
        } finally {
            if (success) {
                atomicFile.finishWrite(out);
            } else {
                atomicFile.failWrite(out);
            }
        }
    }

    private static void copyStream(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
        }
    }
}
''')
cases_of(case, GH + 'julian-klode/dns66/issues/381',
         'app/' + src('org.jak_linux.dns66.db', 'RuleDatabaseItemUpdateRunnable'),
         J('org.jak_linux.dns66.db', [
             'android.support.v4.util.AtomicFile', 'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException',
             'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale', 'java.util.TimeZone',
             'org.jak_linux.dns66.Configuration'])(DNS66), [
             (1, 'java-00-dns66-hosts-download-stream-never-closed',
              'an edit reads the downloaded hosts file from a stream it never closes, so every update leaves a '
              'connection stream for the finalizer to report', 'edit'),
             (2, 'java-00-dns66-if-modified-since-in-device-zone',
              'an edit formats the If-Modified-Since date in the device\'s zone under a GMT label, so servers '
              'compare against a time hours off and resend or withhold updates', 'edit'),
             (0, 'java-ok-00-dns66-hosts-download-stream-closed',
              'clean: the fix reads the download in try-with-resources', 'fix'),
         ])
