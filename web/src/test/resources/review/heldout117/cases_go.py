"""Round-117 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / ERR-01: backend health check of an inverting proxy agent (inverting-proxy)
INVHEALTH = template('inverting-proxy-agent-health', r'''
// healthChecker polls the backend's health endpoint, so that the agent stops pulling requests from the proxy for
// a backend that no longer answers and starts again once it does.
type healthChecker struct {
    client   *http.Client
    url      string
    interval time.Duration
    healthy  atomic.Bool
}

func newHealthChecker(backend string, interval time.Duration) *healthChecker {
    return &healthChecker{
        client:   &http.Client{Timeout: 5 * time.Second},
        url:      strings.TrimSuffix(backend, "/") + "/healthz",
        interval: interval,
    }
}

// Healthy reports the result of the last check.
func (h *healthChecker) Healthy() bool {
    return h.healthy.Load()
}

func (h *healthChecker) checkOnce(ctx context.Context) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.url, nil)
    if err != nil {
        return fmt.Errorf("building health check request: %w", err)
    }
    resp, err := h.client.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("health check of %s: %w", h.url, err)
    }
02|    defer resp.Body.Close()
01|    if _, err := io.Copy(io.Discard, resp.Body); err != nil {
01|        return fmt.Errorf("reading health check response of %s: %w", h.url, err)
01|    }
2|    if _, err := io.Copy(io.Discard, resp.Body); err != nil { //@ERR-01
2|        return nil
2|    }
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("health check of %s: status %d", h.url, resp.StatusCode)
    }
    return nil
}

// run checks the backend every interval until ctx ends.
func (h *healthChecker) run(ctx context.Context) {
    ticker := time.NewTicker(h.interval)
    defer ticker.Stop()
    for {
        err := h.checkOnce(ctx)
        if err != nil && h.healthy.Load() {
            log.Printf("Backend became unhealthy: %v", err)
        }
        h.healthy.Store(err == nil)
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
    }
}
''')
cases_of(case, GH + 'google/inverting-proxy/pull/59', 'agent/health.go',
         G('main', ['context', 'fmt', 'io', 'log', 'net/http', 'strings', 'sync/atomic', 'time'])(INVHEALTH), [
             (1, 'go-00-inverting-proxy-agent-health-response-left-open',
              'an edit drops the close of the health check response, so every check of the backend keeps a socket '
              'open', 'edit'),
             (2, 'go-00-inverting-proxy-agent-health-read-error-dropped',
              'an edit reports a backend whose health response cannot be read as healthy, dropping the read error',
              'edit'),
             (0, 'go-ok-00-inverting-proxy-agent-health-response-closed',
              'clean: the fix closes and drains the health check response', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: on-demand health probe of an HTTP accelerator proxy (trickster)
DEMANDPROBE = template('trickster-demand-probe', r'''
// DemandProbe runs the backend's health check once, on request of the /trickster/health/<backend> endpoint, and
// copies the upstream's answer to the caller. The probe is bounded by the caller's request and the probe timeout.
func (t *target) DemandProbe(w http.ResponseWriter, r *http.Request) {
    if err := t.demandProbe(w, r); err != nil {
        t.recordFailure(err)
        http.Error(w, "health probe failed: "+err.Error(), http.StatusBadGateway)
    }
}

func (t *target) demandProbe(w http.ResponseWriter, r *http.Request) error {
01|    ctx, cancel := context.WithTimeout(r.Context(), t.timeout)
01|    defer cancel()
01|    req := t.baseRequest.Clone(ctx)
2|    req := t.baseRequest.Clone(context.Background()) //@TMO-02
    resp, err := t.httpClient.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("health probe of %s: %w", t.name, err)
    }
02|    defer resp.Body.Close()
    for name, values := range resp.Header {
        w.Header()[name] = values
    }
    w.WriteHeader(resp.StatusCode)
    if _, err := io.Copy(w, resp.Body); err != nil {
        // the status line is already out: the failure is recorded, not answered
        t.recordFailure(fmt.Errorf("copying probe body: %w", err))
        return nil
    }
    t.recordStatus(resp.StatusCode)
    return nil
}

func (t *target) recordFailure(err error) {
    t.mu.Lock()
    defer t.mu.Unlock()
    t.failures++
    t.lastError = err
}

func (t *target) recordStatus(code int) {
    t.mu.Lock()
    defer t.mu.Unlock()
    t.lastStatus = code
    t.lastError = nil
}
''')
PROBE_TEST = f('pkg/backends/healthcheck/demand_probe_test.go', new=go('healthcheck', [
    'io', 'net/http', 'net/http/httptest', 'strings', 'sync', 'testing', 'time'], r'''
type trackingBody struct {
    io.Reader
    closed bool
}

func (b *trackingBody) Close() error {
    b.closed = true
    return nil
}

type stubTransport struct {
    body *trackingBody
}

func (s stubTransport) RoundTrip(*http.Request) (*http.Response, error) {
    return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: s.body}, nil
}

func TestDemandProbeClosesUpstreamBody(t *testing.T) {
    body := &trackingBody{Reader: strings.NewReader("ok")}
    base, _ := http.NewRequest(http.MethodGet, "http://backend/health", nil)
    tg := &target{
        httpClient:  &http.Client{Transport: stubTransport{body: body}, Timeout: time.Second},
        baseRequest: base,
        timeout:     time.Second,
        mu:          &sync.Mutex{},
    }
    rec := httptest.NewRecorder()
    tg.DemandProbe(rec, httptest.NewRequest(http.MethodGet, "/trickster/health/backend", nil))
    if rec.Body.String() != "ok" {
        t.Fatalf("got body %q, want ok", rec.Body.String())
    }
    if !body.closed {
        t.Fatal("upstream body was not closed")
    }
}
'''))
cases_of(case, GH + 'trickstercache/trickster/pull/1057', 'pkg/backends/healthcheck/demand_probe.go',
         GV('healthcheck', {0: ['context', 'fmt', 'io', 'net/http'], 1: ['context', 'fmt', 'io', 'net/http'],
                            2: ['context', 'fmt', 'io', 'net/http']})(DEMANDPROBE), [
             (1, 'go-00-trickster-demand-probe-body-left-open',
              'an edit drops the close of the upstream body the demand probe copies to the caller, so each probe '
              'keeps its connection', 'edit'),
             (2, 'go-00-trickster-demand-probe-detached-from-request',
              'an edit clones the probe request with a background context, so a probe outlives the caller\'s request '
              'and its timeout', 'edit'),
             (0, 'go-ok-00-trickster-demand-probe-body-closed',
              'clean: the fix closes the upstream body after forwarding it; a test with a tracking body checks it',
              'fix', [PROBE_TEST]),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: upstream configuration of a DNS proxy (dnsproxy)
DNSUPSTREAMS = template('dnsproxy-upstreams', r'''
// initUpstreams builds the main and the fallback upstream configurations from the command line. Every upstream,
// fallbacks included, gets the configured timeout: an unreachable resolver must hand over to the fallback quickly.
func initUpstreams(conf *configuration, boot upstream.Resolver, l *slog.Logger) (*proxy.UpstreamConfig, *proxy.UpstreamConfig, error) {
    opts := &upstream.Options{ //@{1}TMO-01
        Logger:             l,
        Bootstrap:          boot,
02|        Timeout:            conf.Timeout.Duration,
        InsecureSkipVerify: conf.Insecure,
        HTTPVersions:       httpVersions(conf),
    }
    upstreams, err := proxy.ParseUpstreamsConfig(conf.Upstreams, opts)
    if err != nil {
        return nil, nil, fmt.Errorf("parsing upstreams: %w", err)
    }
    if len(conf.Fallbacks) == 0 {
        return upstreams, nil, nil
    }
    fallbacks, err := proxy.ParseUpstreamsConfig(conf.Fallbacks, opts)
01|    if err != nil {
01|        return nil, nil, fmt.Errorf("parsing fallback upstreams: %w", err)
01|    }
2|    if err != nil { //@ERR-01
2|        fallbacks = nil
2|    }
    return upstreams, fallbacks, nil
}

func httpVersions(conf *configuration) []upstream.HTTPVersion {
    if conf.HTTP3 {
        return []upstream.HTTPVersion{upstream.HTTPVersion3, upstream.HTTPVersion2, upstream.HTTPVersion11}
    }
    return upstream.DefaultHTTPVersions
}
''')
cases_of(case, GH + 'AdguardTeam/dnsproxy/issues/333', 'internal/cmd/upstreams.go',
         G('cmd', ['fmt', 'log/slog', '', 'github.com/AdguardTeam/dnsproxy/proxy',
                   'github.com/AdguardTeam/dnsproxy/upstream'])(DNSUPSTREAMS), [
             (1, 'go-00-dnsproxy-upstreams-without-timeout',
              'an edit builds the upstream options without the configured timeout, so a dead upstream holds every '
              'query for the library default before the fallback answers', 'edit'),
             (2, 'go-00-dnsproxy-fallback-parse-error-dropped',
              'an edit drops the error of a fallback list that does not parse and runs without fallbacks', 'edit'),
             (0, 'go-ok-00-dnsproxy-upstreams-with-timeout',
              'clean: the fix gives every upstream the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: proxied DNS exchanges over a tunnel (easyss), new file
UDPEXCH = template('easyss-udp-exchange', r'''
// udpExchange relays one local UDP client's datagrams through a tunnel stream. For DNS exchanges the server may
// stay silent for good; respTimeout then closes the exchange, so that its stream and goroutine do not pile up.
type udpExchange struct {
    key       string
    stream    io.ReadWriteCloser
    conn      net.PacketConn
    client    net.Addr
    onClose   func(key string)
    closeOnce sync.Once
}

func (s *Socks5Server) startExchange(key string, stream io.ReadWriteCloser, conn net.PacketConn, client net.Addr, dns bool) *udpExchange {
    ex := &udpExchange{key: key, stream: stream, conn: conn, client: client, onClose: s.removeExchange}
    respTimeout := time.Duration(0)
    if dns {
        respTimeout = s.dnsRespTimeout
    }
    go ex.receiveLoop(respTimeout) //@{2}CONC-01
    return ex
}

func (e *udpExchange) close() {
    e.closeOnce.Do(func() {
        _ = e.stream.Close() // a stream already reset by the server has nothing left to report
        e.onClose(e.key)
    })
}

// receiveLoop copies the server's answers back to the local client until the stream ends.
func (e *udpExchange) receiveLoop(respTimeout time.Duration) {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            log.Error("[UDP_EXCHANGE] receive loop panicked", "key", e.key, "panic", r)
02|        }
02|    }()
    defer e.close()
02|    var timer *time.Timer
02|    if respTimeout > 0 {
02|        timer = time.AfterFunc(respTimeout, e.close)
02|        defer timer.Stop()
02|    }
    buf := make([]byte, 64*1024)
    for {
        n, err := e.stream.Read(buf) //@{1}TMO-01
        if err != nil {
            if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
                log.Warn("[UDP_EXCHANGE] reading from tunnel", "key", e.key, "err", err)
            }
            return
        }
02|        if timer != nil {
02|            timer.Reset(respTimeout)
02|        }
        if _, err := e.conn.WriteTo(buf[:n], e.client); err != nil {
            log.Warn("[UDP_EXCHANGE] writing to local client", "key", e.key, "err", err)
            return
        }
    }
}
''')
cases_of(case, GH + 'nange/easyss/pull/115', 'client/proxy/udp_exchange.go',
         G('proxy', ['errors', 'io', 'net', 'sync', 'time', '', 'github.com/nange/easyss/v2/log'])(UDPEXCH), [
             (1, 'go-00-easyss-dns-exchange-without-response-timeout',
              'a new UDP exchange relay waits on the tunnel without any response timeout, so a silent DNS upstream '
              'keeps the stream and its goroutine forever', 'new'),
             (2, 'go-00-easyss-dns-exchange-loop-without-recover',
              'a new UDP exchange relay starts its receive loop without a recover, so a panic in one exchange ends '
              'the client', 'new'),
             (0, 'go-ok-00-easyss-dns-exchange-reaped',
              'clean: the relay closes a DNS exchange that stays silent beyond its timeout and recovers its loop',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: sandbox tunnel of a dev environment (blimp), CRLF file
TUNNEL = template('blimp-tunnel', r'''
// connect serves one tunnel stream opened by the CLI: it dials the port inside the sandbox and copies in both
// directions until either side ends or the tunnel's context is cancelled.
func connect(ctx context.Context, tnl TunnelStream, addr string) error {
    conn, err := net.DialTimeout("tcp", addr, dialTimeout)
    if err != nil { //@{2}RES-01
        return fmt.Errorf("dial %s: %w", addr, err)
    }
01|    defer conn.Close()
    return streamBidirectional(ctx, conn, tnl)
}

func streamBidirectional(ctx context.Context, conn net.Conn, tnl TunnelStream) error {
02|    ctx, cancel := context.WithCancel(ctx)
1|    ctx, cancel := context.WithCancel(context.Background()) //@TMO-02
    defer cancel()

    fromConn := make(chan []byte)
    errs := make(chan error, 2)
    go func() {
        defer func() {
            if r := recover(); r != nil {
                errs <- fmt.Errorf("tunnel reader panicked: %v", r)
            }
        }()
        buf := make([]byte, 32*1024)
        for {
            n, err := conn.Read(buf)
            if err != nil {
                errs <- err
                return
            }
            select {
            case fromConn <- append([]byte(nil), buf[:n]...):
            case <-ctx.Done():
                return
            }
        }
    }()

    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case err := <-errs:
            if errors.Is(err, io.EOF) {
                return nil
            }
            return err
        case chunk := <-fromConn:
            if err := tnl.Send(&TunnelMsg{Data: chunk}); err != nil {
                return fmt.Errorf("send to tunnel: %w", err)
            }
        }
    }
}
''')
cases_of(case, GH + 'kelda/blimp/pull/17', 'pkg/tunnel/tunnel.go',
         G('tunnel', ['context', 'errors', 'fmt', 'io', 'net'])(TUNNEL), [
             (1, 'go-00-blimp-tunnel-reader-detached-from-tunnel',
              'an edit derives the stream copy\'s context from the background, so the reading goroutine is not '
              'cancelled when the tunnel stops and stays blocked for good', 'edit'),
             (2, 'go-00-blimp-tunnel-sandbox-conn-left-open',
              'an edit drops the close of the connection dialled into the sandbox, so every tunnel stream leaves '
              'one behind', 'edit'),
             (0, 'go-ok-00-blimp-tunnel-reader-cancelled-with-tunnel',
              'clean: the fix derives the copy\'s context from the tunnel\'s, so the reader ends with it', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-02: sidecar egress map of a service mesh controller (admiral)
EGRESS = template('admiral-sidecar-egress-map', r'''
type SidecarEgress struct {
    Namespace string
    FQDN      string
    CNAMEs    map[string]string
}

// SidecarEgressMap keeps, per identity, the egress hosts the generated Sidecar resources must allow. It is
// written by the service handlers and read by the sidecar generator, each from its own goroutine.
type SidecarEgressMap struct {
    cache map[string]map[string]SidecarEgress
    mutex *sync.Mutex
}

func NewSidecarEgressMap() *SidecarEgressMap {
    return &SidecarEgressMap{
        cache: make(map[string]map[string]SidecarEgress),
        mutex: &sync.Mutex{},
    }
}

func (s *SidecarEgressMap) Put(identity, namespace, fqdn string, cnames map[string]string) {
    s.mutex.Lock()
    defer s.mutex.Unlock()
    entries, ok := s.cache[identity]
    if !ok {
        entries = make(map[string]SidecarEgress)
        s.cache[identity] = entries
    }
    entries[namespace] = SidecarEgress{Namespace: namespace, FQDN: fqdn, CNAMEs: cnames}
01|    log.Debugf("op=%s type=%v name=%v namespace=%v message=%v", "put", "sidecarEgress", identity, namespace, fqdn)
2|    log.Debug(fmt.Sprintf("op=%s type=%v name=%v namespace=%v message=%v", "put", "sidecarEgress", identity, namespace, fqdn)) //@LOG-02
}

// Get returns a copy of the identity's entries, safe to range over while Put runs.
func (s *SidecarEgressMap) Get(identity string) map[string]SidecarEgress {
02|    s.mutex.Lock()
02|    defer s.mutex.Unlock()
    entries := s.cache[identity] //@{1}CONC-03
    out := make(map[string]SidecarEgress, len(entries))
    for namespace, egress := range entries {
        out[namespace] = egress
    }
    return out
}
''')
cases_of(case, GH + 'istio-ecosystem/admiral/issues/219', 'admiral/pkg/controller/common/types.go',
         GV('common', {0: ['sync', '', 'log "github.com/sirupsen/logrus"'],
                       1: ['sync', '', 'log "github.com/sirupsen/logrus"'],
                       2: ['fmt', 'sync', '', 'log "github.com/sirupsen/logrus"']})(EGRESS), [
             (1, 'go-00-admiral-sidecar-egress-get-unlocked',
              'an edit reads the sidecar egress map without its mutex while the service handlers write it', 'edit'),
             (2, 'go-00-admiral-sidecar-egress-put-debug-formatted',
              'an edit formats the put debug line with fmt.Sprintf before the level check', 'edit'),
             (0, 'go-ok-00-admiral-sidecar-egress-get-locked',
              'clean: the fix reads the map under its mutex and hands back a copy', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: container cache of a service discovery sidecar (sidecar), renamed file
DOCKERDISC = template('sidecar-docker-discovery', r'''
// DockerDiscovery turns the containers of the local Docker daemon into services for the gossip cluster. Inspecting
// a container is slow, so results are cached; the cache is read and written from the discovery and the HTTP
// goroutines under cacheLock.
type DockerDiscovery struct {
    client         DockerClient
    hostname       string
    containerCache map[string]*docker.Container
    cacheLock      sync.RWMutex
}

func (d *DockerDiscovery) inspectContainer(id string) (*docker.Container, error) {
    d.cacheLock.RLock()
    container, ok := d.containerCache[id]
    d.cacheLock.RUnlock()
    if ok {
        return container, nil
    }
    container, err := d.client.InspectContainer(id)
    if err != nil {
        return nil, fmt.Errorf("inspecting container %s: %w", id, err)
    }
02|    d.cacheLock.Lock()
    d.containerCache[id] = container //@{1}CONC-03
02|    d.cacheLock.Unlock()
    return container, nil
}

// toService builds the gossiped record of one container; Updated is compared across hosts.
func (d *DockerDiscovery) toService(c docker.APIContainers) (*service.Service, error) {
    container, err := d.inspectContainer(c.ID)
    if err != nil {
        return nil, err
    }
    return &service.Service{
        ID:       c.ID[:12],
        Name:     container.Config.Labels["ServiceName"],
        Image:    c.Image,
        Hostname: d.hostname,
01|        Updated:  time.Now().UTC(),
2|        Updated:  time.Now(), //@TIME-01
        Status:   service.ALIVE,
    }, nil
}
''')
cases_of(case, GH + 'newrelic/sidecar/pull/39', 'discovery/docker.go',
         G('discovery', ['fmt', 'sync', 'time', '', 'github.com/NinesStack/sidecar/service',
                         'docker "github.com/fsouza/go-dockerclient"'])(DOCKERDISC), [
             (1, 'go-00-sidecar-renamed-container-cache-written-unlocked',
              'a change that renames the Docker discovery file also writes the container cache without its lock '
              'while other goroutines read it', 'rename'),
             (2, 'go-00-sidecar-renamed-service-stamped-local-time',
              'a change that renames the Docker discovery file also stamps gossiped services with the host\'s local '
              'time', 'rename'),
             (0, 'go-ok-00-sidecar-renamed-docker-discovery',
              'clean: the rename alone; the cache is written under its lock and services are stamped in UTC', 'rename'),
         ], rename_from='discovery/docker_discovery.go')


# ---------------------------------------------------------------- RES-01 / LOG-01: reverse connection dialer of a fleet manager (Dominator)
REVCONN = template('dominator-reverse-connection', r'''
// connectLoop keeps one reverse connection to the manager at address: it dials, sends the hello, hands the
// connection to the listener's accept queue and dials again once the previous connection is gone.
func (l *Listener) connectLoop(address string) {
    defer func() {
        if r := recover(); r != nil {
            l.logger.Printf("reverse connection loop for %s panicked: %v\n", address, r)
        }
    }()
    var failures int
01|    var lastLogged time.Time
    for {
        conn, err := net.DialTimeout("tcp", address, l.dialTimeout)
        if err != nil {
            failures++
01|            if time.Since(lastLogged) >= time.Minute {
01|                l.logger.Printf("error connecting to %s (%d failures): %s\n", address, failures, err)
01|                lastLogged = time.Now()
01|            }
2|            l.logger.Printf("error connecting to %s (%d failures): %s\n", address, failures, err) //@LOG-01
            time.Sleep(l.retryInterval)
            continue
        }
        failures = 0
        if err := l.sendHello(conn); err != nil { //@{1}RES-01
02|            conn.Close()
            time.Sleep(l.retryInterval)
            continue
        }
        done := make(chan struct{})
        l.accepted <- &listenerConn{Conn: conn, done: done}
        <-done
    }
}
''')
cases_of(case, GH + 'Symantec/Dominator/pull/624', 'lib/net/reverseconnection/dialer.go',
         G('reverseconnection', ['net', 'time'])(REVCONN), [
             (1, 'go-00-dominator-reverse-connection-hello-failure-leaks-conn',
              'an edit drops the close of a connection whose hello fails, so every failed handshake leaks one',
              'edit'),
             (2, 'go-00-dominator-reverse-connection-logs-every-failure',
              'an edit logs every failed dial of the retry loop, once a retry interval while the manager is down',
              'edit'),
             (0, 'go-ok-00-dominator-reverse-connection-closed-on-hello-failure',
              'clean: the fix closes the connection whose hello failed', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / OPS-01: connection client of a database auth proxy (cloud-sql-proxy)
SQLCLIENT = template('cloud-sql-proxy-client', r'''
// DialContext connects to instance through its secure endpoint. A dial that fails leaves nothing running behind it.
func (c *Client) DialContext(ctx context.Context, instance string) (net.Conn, error) {
    addr, cfg, err := c.cachedCfg(ctx, instance)
    if err != nil {
        return nil, err
    }
02|    dialCtx, cancel := context.WithTimeout(ctx, c.dialTimeout)
02|    defer cancel()
1|    dialCtx, _ := context.WithTimeout(ctx, c.dialTimeout) //@TMO-03
    conn, err := c.dialer.DialContext(dialCtx, "tcp", addr)
    if err != nil {
        c.invalidateCfg(instance)
        return nil, fmt.Errorf("dialing %s at %s: %w", instance, addr, err)
    }
    atomic.AddUint64(&c.connectionsCounter, 1)
    return &countedConn{Conn: tls.Client(conn, cfg), onClose: c.connClosed}, nil
}

func (c *Client) connClosed() {
    atomic.AddUint64(&c.connectionsCounter, ^uint64(0))
}

// Shutdown stops the certificate refreshes and waits up to termTimeout for the open connections to end.
func (c *Client) Shutdown(termTimeout time.Duration) error {
    c.cancelRefresh() //@{2}OPS-01
01|    deadline := time.Now().Add(termTimeout)
01|    for {
01|        active := atomic.LoadUint64(&c.connectionsCounter)
01|        if active == 0 {
01|            return nil
01|        }
01|        if time.Now().After(deadline) {
01|            return fmt.Errorf("%d active connections still exist after waiting for %v", active, termTimeout)
01|        }
01|        time.Sleep(100 * time.Millisecond)
01|    }
2|    return nil
}
''')
cases_of(case, GH + 'GoogleCloudPlatform/cloud-sql-proxy/pull/644', 'proxy/proxy/client.go',
         GV('proxy', {0: ['context', 'crypto/tls', 'fmt', 'net', 'sync/atomic', 'time'],
                      1: ['context', 'crypto/tls', 'fmt', 'net', 'sync/atomic', 'time'],
                      2: ['context', 'crypto/tls', 'fmt', 'net', 'sync/atomic', 'time']})(SQLCLIENT), [
             (1, 'go-00-cloud-sql-proxy-dial-timeout-cancel-dropped',
              'an edit discards the cancel of each dial\'s timeout context, so every failed dial leaves its timer '
              'and context behind', 'edit'),
             (2, 'go-00-cloud-sql-proxy-shutdown-without-waiting',
              'an edit makes Shutdown stop the refreshes and return at once, cutting the open connections', 'edit'),
             (0, 'go-ok-00-cloud-sql-proxy-dial-timeout-cancelled',
              'clean: the fix cancels each dial\'s timeout context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-03: TUN adapter sessions of an overlay network (yggdrasil-go), new file
TUNCONN = template('yggdrasil-tun-conn', r'''
// tunConn carries the packets of one session between the TUN interface and the overlay. One reader goroutine per
// session writes its packets to the interface in order; the session ends when it stays idle past tunConnTimeout.
type tunConn struct {
    tun  *TunAdapter
    conn *yggdrasil.Conn
    stop chan struct{}
}

func (tun *TunAdapter) listen(l *yggdrasil.Listener) {
    for {
        conn, err := l.Accept()
        if err != nil {
            tun.log.Errorln("TUN listener stopped:", err)
            return
        }
2|        defer conn.Close() //@RES-03
        s := &tunConn{tun: tun, conn: conn, stop: make(chan struct{})}
        go s.reader()
    }
}

func (s *tunConn) close() {
    close(s.stop)
    s.conn.Close()
}

func (s *tunConn) reader() {
    defer func() {
        if r := recover(); r != nil {
            s.tun.log.Errorln("TUN session reader panicked:", r)
        }
    }()
    defer s.close()
    for {
        select {
        case <-s.stop:
            return
        default:
        }
        if err := s.conn.SetReadDeadline(time.Now().Add(tunConnTimeout)); err != nil {
            s.tun.log.Debugln("Setting session read deadline:", err)
            return
        }
        packet, err := s.conn.ReadNoCopy()
        if err != nil {
            var netErr net.Error
            if !errors.As(err, &netErr) || !netErr.Timeout() {
                s.tun.log.Debugln("Session read failed:", err)
            }
            return
        }
02|        s.tun.writePacket(packet)
1|        go s.tun.writePacket(packet) //@CONC-02
    }
}
''')
cases_of(case, GH + 'yggdrasil-network/yggdrasil-go/pull/461', 'src/tuntap/conn.go',
         G('tuntap', ['errors', 'net', 'time', '', 'github.com/yggdrasil-network/yggdrasil-go/src/yggdrasil'])(TUNCONN), [
             (1, 'go-00-yggdrasil-tun-conn-goroutine-per-packet',
              'a new TUN session reader starts a goroutine for every packet it reads, without any bound on how many '
              'run at once', 'new'),
             (2, 'go-00-yggdrasil-tun-listener-defers-close-in-loop',
              'a new TUN session listener defers the close of each accepted session inside its accept loop', 'new'),
             (0, 'go-ok-00-yggdrasil-tun-conn-one-reader-per-session',
              'clean: one reader per session writes its packets in order and closes the session when it idles out',
              'new'),
         ])
