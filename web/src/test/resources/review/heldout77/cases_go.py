"""Round-77 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- CONC-01 / ERR-01: backend connection manager of a database proxy (tiproxy)
TIPROXY = template('tiproxy-backend-conn-signals', r'''
// signalRedirect asks the manager to move the session to another backend between two transactions.
type signalRedirect struct {
    newAddr string
}

// BackendConnManager owns one client session's connection to a backend and moves it when the router asks.
type BackendConnManager struct {
    logger    *zap.Logger
    signalCh  chan signalRedirect
    processMu sync.Mutex
    wg        sync.WaitGroup
    redirects atomic.Int64
}

// Start launches the loop that serves redirect signals until ctx ends.
func (mgr *BackendConnManager) Start(ctx context.Context) {
    mgr.wg.Add(1)
    go func() { //@{1}CONC-01
        defer mgr.wg.Done()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                mgr.logger.Error("redirect loop panicked; the session keeps its current backend",
02|                    zap.Any("panic", r), zap.Stack("stack"))
02|            }
02|        }()
        mgr.processSignals(ctx)
    }()
}

func (mgr *BackendConnManager) processSignals(ctx context.Context) {
    for {
        select {
        case <-ctx.Done():
            return
        case s := <-mgr.signalCh:
            mgr.processMu.Lock()
01|            if err := mgr.tryRedirect(ctx, s.newAddr); err != nil {
01|                mgr.logger.Warn("redirect failed, staying on the current backend",
01|                    zap.String("to", s.newAddr), zap.Error(err))
01|            } else {
01|                mgr.redirects.Add(1)
01|            }
2|            mgr.tryRedirect(ctx, s.newAddr) //@ERR-01
2|            mgr.redirects.Add(1)
            mgr.processMu.Unlock()
        }
    }
}

// Close waits for the redirect loop to finish.
func (mgr *BackendConnManager) Close() {
    mgr.wg.Wait()
}
''')
cases_of(case, GH + 'pingcap/tiproxy/pull/488', 'pkg/proxy/backend/backend_conn_mgr.go',
         G('backend', ['context', 'sync', 'sync/atomic', '', 'go.uber.org/zap'])(TIPROXY), [
             (1, 'go-00-tiproxy-redirect-loop-goroutine-without-recover',
              'an edit drops the recover of the session\'s redirect loop, so a panic while moving one session '
              'to another backend takes the whole proxy down', 'edit'),
             (2, 'go-00-tiproxy-redirect-error-dropped',
              'an edit calls the redirect without looking at its error and counts every attempt as a redirect, so '
              'a session that could not move is reported as moved', 'edit'),
             (0, 'go-ok-00-tiproxy-redirect-loop-recovers',
              'clean: the fix recovers a panic of the redirect loop and logs it', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: TCP proxy of an HTTP/TCP tunnel server (go-http-tunnel), moved close
TUNNEL = template('go-http-tunnel-tcp-proxy', r'''
// TCPProxy forwards tunnelled TCP streams to local services.
type TCPProxy struct {
    localAddr   string
    dialTimeout time.Duration
    logger      log.Logger
}

// Proxy dials the local service and copies the tunnelled stream to it both ways.
func (p *TCPProxy) Proxy(w io.Writer, r io.ReadCloser, msg *proto.ControlMessage) error {
    defer r.Close()
    local, err := net.DialTimeout("tcp", p.localAddr, p.dialTimeout)
    if err != nil { //@{1}RES-01
        return fmt.Errorf("dial local service %s: %w", p.localAddr, err)
    }
02|    defer local.Close()

    if err := writePreamble(local, msg); err != nil {
        return fmt.Errorf("preamble to %s: %w", p.localAddr, err)
    }
    done := make(chan struct{})
    go func() {
        defer close(done)
        transfer(local, r, p.logger)
    }()
    transfer(w, local, p.logger)
    <-done
1|    local.Close()
    return nil
}

// probeTargets reports which of the configured local services accept a connection right now.
func (p *TCPProxy) probeTargets(targets []string) []string {
    var alive []string
    for _, target := range targets {
        conn, err := net.DialTimeout("tcp", target, p.dialTimeout)
        if err != nil {
            p.logger.Log("level", 2, "msg", "local service unreachable", "addr", target, "err", err)
            continue
        }
01|        conn.Close()
2|        defer conn.Close() //@RES-03
        alive = append(alive, target)
    }
    return alive
}
''')
cases_of(case, GH + 'mmatczuk/go-http-tunnel/pull/45', 'tcpproxy.go',
         G('tunnel', ['fmt', 'io', 'net', 'time', '', 'github.com/mmatczuk/go-http-tunnel/log',
                      'github.com/mmatczuk/go-http-tunnel/proto'])(TUNNEL), [
             (1, 'go-00-go-http-tunnel-local-conn-closed-only-after-transfer',
              'an edit moves the close of the local connection to the end of the transfer, so a stream whose '
              'preamble fails returns with the local connection still open', 'edit'),
             (2, 'go-00-go-http-tunnel-probe-defers-close-in-loop',
              'an edit defers the close of every probe connection inside the loop over targets, so all probe '
              'connections stay open until every target has been tried', 'edit'),
             (0, 'go-ok-00-go-http-tunnel-local-conn-deferred-close',
              'clean: the fix closes the local connection with a defer right after the dial', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: DNS record updater of a dynamic DNS client (cloudflare-ddns), moved close
DDNS = template('cloudflare-ddns-provider', r'''
const apiBase = "https://api.cloudflare.com/client/v4"

// Cloudflare updates one A record through the Cloudflare API.
type Cloudflare struct {
    Zone   string
    Host   string
    Token  string
    client *http.Client
}

func New(zone, host, token string) *Cloudflare {
    return &Cloudflare{Zone: zone, Host: host, Token: token, client: &http.Client{Timeout: 15 * time.Second}}
}

func (c *Cloudflare) call(method, path string, body io.Reader, out interface{}) error {
    req, err := http.NewRequest(method, apiBase+path, body)
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+c.Token)
    req.Header.Set("Content-Type", "application/json")
01|    resp, err := c.client.Do(req)
2|    client := &http.Client{Timeout: 15 * time.Second}
2|    resp, err := client.Do(req) //@RES-04
    if err != nil { //@{1}RES-02
        return fmt.Errorf("cloudflare %s %s: %w", method, path, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("cloudflare %s %s: %s", method, path, resp.Status)
    }
1|    defer resp.Body.Close()
    return json.NewDecoder(resp.Body).Decode(out)
}

// SetIP points the host's A record at ip.
func (c *Cloudflare) SetIP(recordID, ip string) error {
    payload, err := json.Marshal(map[string]interface{}{"type": "A", "name": c.Host, "content": ip, "ttl": 120})
    if err != nil {
        return err
    }
    var result apiResult
    if err := c.call(http.MethodPut, "/zones/"+c.Zone+"/dns_records/"+recordID, bytes.NewReader(payload), &result); err != nil {
        return err
    }
    if !result.Success {
        return fmt.Errorf("cloudflare refused the update of %s: %v", c.Host, result.Errors)
    }
    return nil
}
''')
cases_of(case, GH + 'hugomd/cloudflare-ddns/pull/15', 'lib/providers/cloudflare/cloudflare.go',
         G('cloudflare', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(DDNS), [
             (1, 'go-00-cloudflare-ddns-body-closed-only-on-ok',
              'an edit moves the close of the API response below the status check, so every refused or '
              'rate-limited update leaves its response body open', 'edit'),
             (2, 'go-00-cloudflare-ddns-client-per-call',
              'an edit builds a new HTTP client for every API call instead of the provider\'s own, so no '
              'connection to the API is reused between updates', 'edit'),
             (0, 'go-ok-00-cloudflare-ddns-body-closed-on-every-status',
              'clean: the fix closes the response right after the call, before the status check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: TCP forwarding of an edge tunnel's cloud side (superedge)
SUPEREDGE = template('superedge-tunnel-cloud-tcp', r'''
// TcpProxySvc serves the in-cluster addresses edge nodes reach through the tunnel.
type TcpProxySvc struct {
    nodes       *connect.NodeRegistry
    dialTimeout time.Duration
}

// handleConnect opens the in-cluster address an edge node asked for and pipes it through the node's tunnel.
func (s *TcpProxySvc) handleConnect(node string, msg *proto.StreamMsg) error {
01|    remote, err := net.DialTimeout("tcp", msg.Addr, s.dialTimeout)
2|    remote, err := net.Dial("tcp", msg.Addr) //@TMO-01
    if err != nil { //@{1}RES-01
        return fmt.Errorf("dial %s for node %s: %w", msg.Addr, node, err)
    }
02|    defer remote.Close()

    stream, err := s.nodes.OpenStream(node, msg.Topic)
    if err != nil {
        return fmt.Errorf("open stream to node %s: %w", node, err)
    }
    defer stream.Close()

    errCh := make(chan error, 2)
    go func() {
        _, err := io.Copy(remote, stream)
        errCh <- err
    }()
    go func() {
        _, err := io.Copy(stream, remote)
        errCh <- err
    }()
    if err := <-errCh; err != nil && !errors.Is(err, net.ErrClosed) {
        klog.V(4).Infof("stream %s of node %s ended: %v", msg.Topic, node, err)
    }
    return nil
}
''')
cases_of(case, GH + 'superedge/superedge/pull/516', 'pkg/tunnel/proxy/modules/stream/streammng/tcp/proxy.go',
         G('tcp', ['errors', 'fmt', 'io', 'net', 'time', '', 'github.com/superedge/superedge/pkg/tunnel/conf/connect',
                   'github.com/superedge/superedge/pkg/tunnel/proto', 'k8s.io/klog/v2'])(SUPEREDGE), [
             (1, 'go-00-superedge-tunnel-remote-conn-never-closed',
              'an edit drops the deferred close of the in-cluster connection, so every stream an edge node opens '
              'leaves its connection behind in the tunnel server', 'edit'),
             (2, 'go-00-superedge-tunnel-remote-dial-without-timeout',
              'an edit dials the in-cluster address without a timeout, so an address that drops SYNs holds the '
              'edge node\'s stream for minutes', 'edit'),
             (0, 'go-ok-00-superedge-tunnel-remote-conn-closed',
              'clean: the fix closes the in-cluster connection when the stream ends', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-01: DNS-over-HTTPS upstream of a DNS proxy (blocky)
BLOCKY = template('blocky-doh-upstream', r'''
// httpUpstreamClient resolves through a DNS-over-HTTPS server.
type httpUpstreamClient struct {
    client    *http.Client
    userAgent string
}

func newHTTPUpstreamClient(cfg config.Upstreams, bootstrap *Bootstrap) *httpUpstreamClient {
    transport := &http.Transport{
        DialContext:         bootstrap.dialContext,
        TLSHandshakeTimeout: cfg.Timeout.ToDuration(),
        ForceAttemptHTTP2:   true,
    }
02|    client := &http.Client{Transport: transport, Timeout: cfg.Timeout.ToDuration()}
1|    client := &http.Client{Transport: transport} //@TMO-01
    return &httpUpstreamClient{client: client, userAgent: cfg.UserAgent}
}

func (r *httpUpstreamClient) callExternal(ctx context.Context, msg *dns.Msg, upstreamURL string) (*dns.Msg, error) {
    raw, err := msg.Pack()
    if err != nil {
        return nil, fmt.Errorf("can't pack message: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, upstreamURL, bytes.NewReader(raw))
    if err != nil {
        return nil, fmt.Errorf("can't create the new request %w", err)
    }
    req.Header.Set("User-Agent", r.userAgent)
    req.Header.Set("Content-Type", dnsContentType)
    resp, err := r.client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("can't perform https request: %w", err)
    }
    defer resp.Body.Close()
01|    log.FromCtx(ctx).Debugf("DoH answer from %s: %s", upstreamURL, resp.Status)
2|    log.FromCtx(ctx).Infof("DoH answer from %s: %s", upstreamURL, resp.Status) //@LOG-01
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("http return code should be %d, but received %d", http.StatusOK, resp.StatusCode)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, dns.MaxMsgSize))
    if err != nil {
        return nil, fmt.Errorf("can't read response body: %w", err)
    }
    answer := new(dns.Msg)
    if err := answer.Unpack(body); err != nil {
        return nil, fmt.Errorf("can't unpack message: %w", err)
    }
    return answer, nil
}
''')
cases_of(case, GH + '0xERR0R/blocky/issues/256', 'resolver/upstream_resolver.go',
         G('resolver', ['bytes', 'context', 'fmt', 'io', 'net/http', '', 'github.com/0xERR0R/blocky/config',
                        'github.com/0xERR0R/blocky/log', 'github.com/miekg/dns'])(BLOCKY), [
             (1, 'go-00-blocky-doh-client-without-timeout',
              'an edit builds the DNS-over-HTTPS client without the upstream timeout, so a server that accepts '
              'the connection and never answers holds every query sent to it', 'edit'),
             (2, 'go-00-blocky-doh-answer-logged-at-info',
              'an edit logs every DNS-over-HTTPS answer at info level, one line per resolved query', 'edit'),
             (0, 'go-ok-00-blocky-doh-client-bounded',
              'clean: the fix gives the DNS-over-HTTPS client the configured upstream timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-03: nameserver query of a privacy firewall's resolver (portmaster)
PORTMASTER = template('portmaster-plain-resolver', r'''
// PlainResolver queries a nameserver over plain UDP.
type PlainResolver struct {
    resolver *Resolver
    client   *dns.Client
}

// Query asks the nameserver for q and gives up when the caller's context ends.
func (pr *PlainResolver) Query(ctx context.Context, q *Query) (*RRCache, error) {
    queryStarted := time.Now()
    msg := q.ToDNSMsg()

02|    reply, ttl, err := pr.client.ExchangeContext(ctx, msg, pr.resolver.ServerAddress)
1|    reply, ttl, err := pr.client.Exchange(msg, pr.resolver.ServerAddress) //@TMO-02
    if err != nil {
        var netErr net.Error
        if errors.As(err, &netErr) && netErr.Timeout() {
            return nil, &TimeoutError{Server: pr.resolver.Server, Took: time.Since(queryStarted)}
        }
        return nil, fmt.Errorf("query %s: %w", pr.resolver.Server, err)
    }
    if reply == nil {
        return nil, ErrNoReply
    }
    if !reply.Response {
01|        log.Tracer(ctx).Warningf("resolver: %s answered %s without the response flag", pr.resolver.Server, q.FQDN)
2|        log.Warningf("resolver: %s answered %s without the response flag", pr.resolver.Server, q.FQDN) //@LOG-03
        return nil, ErrInvalidReply
    }
    return &RRCache{
        Domain:   q.FQDN,
        Question: q.QType,
        RCode:    reply.Rcode,
        Answer:   reply.Answer,
        Ns:       reply.Ns,
        Extra:    reply.Extra,
        Server:   pr.resolver.Server,
        TTL:      ttl,
    }, nil
}
''')
cases_of(case, GH + 'safing/portmaster/pull/134', 'resolver/resolver-plain.go',
         G('resolver', ['context', 'errors', 'fmt', 'net', 'time', '', 'github.com/miekg/dns',
                        'github.com/safing/portbase/log'])(PORTMASTER), [
             (1, 'go-00-portmaster-exchange-ignores-caller-context',
              'an edit exchanges the query without the caller\'s context, so a cancelled or expired lookup keeps '
              'waiting for the nameserver\'s full timeout', 'edit'),
             (2, 'go-00-portmaster-reply-warning-without-query-trace',
              'an edit logs a malformed nameserver reply on the global logger instead of the query\'s tracer, so '
              'the warning no longer names the connection that asked', 'edit'),
             (0, 'go-ok-00-portmaster-exchange-on-caller-context',
              'clean: the fix exchanges the query on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: registry heartbeat of a service-mesh sidecar (amalgam8), renamed file
AMALGAM8 = template('amalgam8-sidecar-heartbeat', r'''
// Registrator keeps one service instance registered with the registry.
type Registrator struct {
    client       *http.Client
    registerURL  string
    heartbeatURL string
    instance     []byte
    ttl          time.Duration
}

// Heartbeat renews the registration until stop is closed.
func (r *Registrator) Heartbeat(stop <-chan struct{}) {
    ticker := time.NewTicker(r.ttl / 3)
    defer ticker.Stop()
    for {
        select {
        case <-stop:
            return
        case <-ticker.C:
02|            if err := r.sendHeartbeat(); err != nil {
02|                logrus.WithError(err).Warn("Heartbeat to the registry failed")
02|            }
1|            r.sendHeartbeat() //@ERR-01
        }
    }
}

// sendHeartbeat renews the registration once; an instance the registry already expired registers again.
func (r *Registrator) sendHeartbeat() error {
    resp, err := r.client.Post(r.heartbeatURL, "application/json", nil)
    if err != nil { //@{2}RES-02
        return fmt.Errorf("heartbeat: %w", err)
    }
01|    defer resp.Body.Close()
    switch {
    case resp.StatusCode == http.StatusGone:
        logrus.Info("Registration expired at the registry; registering again")
        return r.register()
    case resp.StatusCode >= http.StatusMultipleChoices:
        return fmt.Errorf("heartbeat: registry answered %s", resp.Status)
    }
    return nil
}

func (r *Registrator) register() error {
    resp, err := r.client.Post(r.registerURL, "application/json", bytes.NewReader(r.instance))
    if err != nil {
        return fmt.Errorf("register: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        return fmt.Errorf("register: registry answered %s", resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'amalgam8/amalgam8/issues/9', 'sidecar/register/heartbeat.go',
         G('register', ['bytes', 'fmt', 'net/http', 'time', '', 'github.com/Sirupsen/logrus'])(AMALGAM8), [
             (1, 'go-00-amalgam8-renamed-heartbeat-error-dropped',
              'a PR moves the registration code to its own file and drops the heartbeat\'s error, so a sidecar '
              'whose renewals fail goes on silently until the registry expires it', 'rename'),
             (2, 'go-00-amalgam8-renamed-heartbeat-body-never-closed',
              'a PR moves the registration code to its own file and no longer closes the heartbeat response, so '
              'each renewal keeps a connection to the registry open', 'rename'),
             (0, 'go-ok-00-amalgam8-renamed-heartbeat',
              'clean: the move alone; heartbeat failures are logged and responses closed', 'rename'),
         ], rename_from='sidecar/register/svcregistration.go')


# ---------------------------------------------------------------- CONC-03 / CONC-01: in-tunnel health pings of a WireGuard proxy (wireproxy)
WIREPROXY = template('wireproxy-ping-ips', r'''
// pingIPs pings every address configured for health checks from inside the tunnel and records when each answered.
func (d VirtualTun) pingIPs() {
    for _, addr := range d.Conf.CheckAlive {
        addr := addr
        go func() { //@{2}CONC-01
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    errorLogger.Printf("ping of %s panicked: %v", addr, r)
01|                }
01|            }()
            rtt, err := d.ping(addr, d.Conf.CheckAliveInterval)
            if err != nil {
                errorLogger.Printf("failed to ping %s: %v", addr, err)
                return
            }
02|            d.PingRecordLock.Lock()
            d.PingRecord[addr.String()] = uint64(time.Now().Unix()) //@{1}CONC-03
02|            d.PingRecordLock.Unlock()
            if rtt > d.Conf.CheckAliveInterval/2 {
                errorLogger.Printf("ping of %s took %s", addr, rtt)
            }
        }()
    }
}

// ServeHealth answers 200 when every checked address answered within the last two intervals.
func (d VirtualTun) ServeHealth(w http.ResponseWriter, _ *http.Request) {
    limit := uint64(time.Now().Add(-2 * time.Duration(d.Conf.CheckAliveInterval) * time.Second).Unix())
    d.PingRecordLock.Lock()
    defer d.PingRecordLock.Unlock()
    for addr, last := range d.PingRecord {
        if last < limit {
            http.Error(w, addr+" is not answering", http.StatusServiceUnavailable)
            return
        }
    }
    w.WriteHeader(http.StatusOK)
}
''')
cases_of(case, GH + 'windtf/wireproxy/issues/171', 'routine.go',
         G('wireproxy', ['net/http', 'time'])(WIREPROXY), [
             (1, 'go-00-wireproxy-ping-record-written-without-lock',
              'an edit records a successful ping in the shared map without its lock, so two pings answering at '
              'once crash the proxy with concurrent map writes', 'edit'),
             (2, 'go-00-wireproxy-ping-goroutine-without-recover',
              'an edit drops the recover of each ping goroutine, so a failing ping of one address takes the whole '
              'proxy down', 'edit'),
             (0, 'go-ok-00-wireproxy-ping-record-written-under-lock',
              'clean: the fix records each ping under the map\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TX-02: client connections of a sharding MySQL proxy (saashard)
SAASHARD = template('saashard-client-conn', r'''
// Close ends the client session, returns a transaction's backend connection and forgets the session.
func (c *ClientConn) Close() error {
    if c.closed {
        return nil
    }
    c.closed = true
    if c.txConn != nil {
        if err := c.txConn.Rollback(); err != nil {
            golog.Warn("proxy", "Close", "rollback on close", c.connectionID, "error", err.Error())
        }
        c.txConn.Close()
        c.txConn = nil
    }
02|    c.proxy.connsMu.Lock()
    delete(c.proxy.conns, c.connectionID) //@{1}CONC-03
02|    c.proxy.connsMu.Unlock()
    return c.c.Close()
}

// handleCommit commits the session's transaction on its backend connection and reports the outcome to the client.
func (c *ClientConn) handleCommit() error {
    if c.txConn == nil {
        return c.writeOK(nil)
    }
    conn := c.txConn
    c.txConn = nil
    defer conn.Close()
    c.status &^= mysql.SERVER_STATUS_IN_TRANS
01|    if err := conn.Commit(); err != nil {
01|        return err
01|    }
2|    conn.Commit() //@TX-02
    return c.writeOK(nil)
}
''')
cases_of(case, GH + 'berkaroad/saashard/issues/11', 'proxy/conn.go',
         G('proxy', ['github.com/berkaroad/saashard/net/mysql', 'github.com/berkaroad/saashard/utils/golog'])(SAASHARD), [
             (1, 'go-00-saashard-close-deletes-session-without-lock',
              'an edit removes a closing session from the proxy\'s connection table without the table\'s lock, so '
              'sessions closing together crash the proxy with concurrent map writes', 'edit'),
             (2, 'go-00-saashard-commit-error-dropped',
              'an edit commits the backend transaction without checking the result and answers OK, so a commit '
              'the backend refused is reported to the client as done', 'edit'),
             (0, 'go-ok-00-saashard-close-deletes-session-under-lock',
              'clean: the fix removes the session from the table under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: dialer stream of a cluster tunnel tool (telepresence), new file
TELEPRESENCE = template('telepresence-stream-dialer', r'''
// streamDialer pumps one dialed connection through a tunnel stream to the traffic manager.
type streamDialer struct {
    conn      net.Conn
    sessionID string
    id        ConnID
}

// Serve opens the tunnel stream for the connection and copies both ways until either side is done. The stream's
// context ends with Serve, so the stream's own goroutines end with it.
func (d *streamDialer) Serve(ctx context.Context, client manager.ManagerClient) error {
    defer d.conn.Close()
02|    streamCtx, cancel := context.WithCancel(ctx)
02|    defer cancel()
1|    streamCtx, _ := context.WithCancel(ctx) //@TMO-03
    tc, err := client.Tunnel(streamCtx)
    if err != nil {
        return fmt.Errorf("open tunnel for %s: %w", d.id, err)
    }
    stream, err := NewClientStream(streamCtx, tc, d.id, d.sessionID)
    if err != nil {
        return fmt.Errorf("start stream %s: %w", d.id, err)
    }
    defer stream.CloseSend(streamCtx)

    var wg sync.WaitGroup
    wg.Add(1)
    go func() { //@{2}CONC-01
        defer wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                dlog.Errorf(streamCtx, "stream %s reader panicked: %v", d.id, r)
01|            }
01|        }()
        d.connToStream(streamCtx, stream)
    }()
    d.streamToConn(streamCtx, stream)
    wg.Wait()
    return nil
}

func (d *streamDialer) connToStream(ctx context.Context, stream Stream) {
    buf := make([]byte, 32*1024)
    for {
        n, err := d.conn.Read(buf)
        if n > 0 {
            if sendErr := stream.Send(ctx, NewMessage(Normal, buf[:n])); sendErr != nil {
                dlog.Debugf(ctx, "stream %s send: %v", d.id, sendErr)
                return
            }
        }
        if err != nil {
            return
        }
    }
}
''')
cases_of(case, GH + 'telepresenceio/telepresence/pull/3776', 'pkg/tunnel/stream_dialer.go',
         G('tunnel', ['context', 'fmt', 'net', 'sync', '', 'github.com/datawire/dlib/dlog',
                      'github.com/telepresenceio/telepresence/rpc/v2/manager'])(TELEPRESENCE), [
             (1, 'go-00-telepresence-new-stream-dialer-cancel-discarded',
              'a new stream dialer derives the stream\'s context and discards its cancel, so every finished dial '
              'leaves the stream and its goroutine behind until the session ends', 'new'),
             (2, 'go-00-telepresence-new-stream-dialer-reader-without-recover',
              'a new stream dialer reads the connection in a goroutine without a recover, so one panicking stream '
              'takes the whole daemon down', 'new'),
             (0, 'go-ok-00-telepresence-new-stream-dialer',
              'clean: a new stream dialer that cancels the stream\'s context on return and recovers its reader', 'new'),
         ])
