"""Round-41 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / TMO-03: a job queue's worker pool (amboy)
AMBOY = template('amboy-group-pool', r'''
// groupPool runs the jobs of several named queues on one set of workers.
type groupPool struct {
    name       string
    size       int
    jobTimeout time.Duration
    work       chan workUnit
    wg         sync.WaitGroup
    mu         sync.Mutex
    started    bool
    canceler   context.CancelFunc
}

type workUnit struct {
    j amboy.Job
    q amboy.Queue
}

// Start launches the workers; it is a no-op when the pool runs already.
func (g *groupPool) Start(ctx context.Context) error {
    g.mu.Lock()
    defer g.mu.Unlock()
    if g.started {
        return nil
    }
    poolCtx, cancel := context.WithCancel(ctx)
    g.canceler = cancel
    for w := 0; w < g.size; w++ {
        g.startWorker(poolCtx, w)
    }
    g.started = true
    grip.Info(message.Fields{"pool": g.name, "workers": g.size, "message": "group pool started"})
    return nil
}

func (g *groupPool) startWorker(ctx context.Context, id int) {
    g.wg.Add(1)
    go func() { //@{1}CONC-01
        defer g.wg.Done()
        var unit workUnit
02|        defer func() {
02|            if r := recover(); r != nil {
02|                err := fmt.Errorf("worker %d of pool %s panicked: %v", id, g.name, r)
02|                grip.Error(message.WrapError(err, message.Fields{"stack": string(debug.Stack())}))
02|                if unit.j != nil {
02|                    unit.j.AddError(err)
02|                    unit.q.Complete(ctx, unit.j)
02|                }
02|                // a replacement keeps the pool at its size
02|                g.startWorker(ctx, id)
02|            }
02|        }()
        for {
            select {
            case <-ctx.Done():
                return
            case unit = <-g.work:
                if unit.j == nil {
                    continue
                }
01|                jobCtx, cancel := context.WithTimeout(ctx, g.jobTimeout)
2|                jobCtx, _ := context.WithTimeout(ctx, g.jobTimeout) //@TMO-03
                unit.j.Run(jobCtx)
01|                cancel()
                unit.q.Complete(ctx, unit.j)
                unit = workUnit{}
            }
        }
    }()
}

// Close stops the workers and waits until the jobs they run are done.
func (g *groupPool) Close() {
    g.mu.Lock()
    defer g.mu.Unlock()
    if !g.started {
        return
    }
    g.canceler()
    g.wg.Wait()
    g.started = false
}
''')
cases_of(case, GH + 'mongodb/amboy/pull/7', 'pool/group.go',
         G('pool', ['context', 'fmt', 'runtime/debug', 'sync', 'time', '', 'github.com/mongodb/amboy',
                    'github.com/mongodb/grip', 'github.com/mongodb/grip/message'])(AMBOY), [
             (1, 'go-00-amboy-group-pool-worker-without-recover',
              'an edit drops the recover of the group pool\'s workers, so a job that panics takes the whole process '
              'down instead of failing alone', 'edit'),
             (2, 'go-00-amboy-group-pool-job-timeout-cancel-discarded',
              'an edit gives each job a timeout context and discards its cancel function, so every job leaves a timer '
              'and a context behind until the timeout fires', 'edit'),
             (0, 'go-ok-00-amboy-group-pool-recovered-workers-cancel-called',
              'clean: each worker recovers, fails the job and starts a replacement; every job context cancelled', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: a FUSE file system over etcd (etcdfs)
ETCDFS = template('etcdfs-file', r'''
const requestTimeout = 5 * time.Second

// File is one etcd key shown as a regular file.
type File struct {
    cli *clientv3.Client
    key string
    mu  sync.Mutex
}

func (f *File) Attr(ctx context.Context, a *fuse.Attr) error {
    a.Mode = 0o644
    data, err := f.value(ctx)
    if err != nil {
        return err
    }
    a.Size = uint64(len(data))
    return nil
}

// value reads the key's current value; a missing key reads as empty.
func (f *File) value(ctx context.Context) ([]byte, error) {
02|    opCtx, cancel := context.WithTimeout(ctx, requestTimeout)
02|    defer cancel()
1|    opCtx, _ := context.WithTimeout(ctx, requestTimeout) //@TMO-03
    resp, err := f.cli.Get(opCtx, f.key)
    if err != nil {
        return nil, fuse.EIO
    }
    if len(resp.Kvs) == 0 {
        return nil, nil
    }
    return resp.Kvs[0].Value, nil
}

// ReadAll answers a read of the whole file.
func (f *File) ReadAll(ctx context.Context) ([]byte, error) {
    return f.value(ctx)
}

// Write puts the written bytes at their offset into the key's value and stores it back.
func (f *File) Write(ctx context.Context, req *fuse.WriteRequest, resp *fuse.WriteResponse) error {
    f.mu.Lock()
    defer f.mu.Unlock()
    old, err := f.value(ctx)
    if err != nil {
        return err
    }
    end := int(req.Offset) + len(req.Data)
    if end > len(old) {
        grown := make([]byte, end)
        copy(grown, old)
        old = grown
    }
    copy(old[req.Offset:], req.Data)
01|    opCtx, cancel := context.WithTimeout(ctx, requestTimeout)
2|    opCtx, cancel := context.WithTimeout(context.Background(), requestTimeout) //@TMO-02
    defer cancel()
    if _, err := f.cli.Put(opCtx, f.key, string(old)); err != nil {
        return fuse.EIO
    }
    resp.Size = len(req.Data)
    return nil
}
''')
cases_of(case, GH + 'polyrabbit/etcdfs/pull/3', 'fs/file.go',
         G('fs', ['context', 'sync', 'time', '', 'bazil.org/fuse', 'go.etcd.io/etcd/client/v3 clientv3'])(ETCDFS), [
             (1, 'go-00-etcdfs-file-get-timeout-cancel-discarded',
              'an edit reads each key under a timeout context and throws its cancel function away, on the path every '
              'stat and read of the mount takes', 'edit'),
             (2, 'go-00-etcdfs-file-put-ignores-request-context',
              'an edit stores a written value under a timeout derived from the background context, so an interrupted '
              'write keeps talking to etcd', 'edit'),
             (0, 'go-ok-00-etcdfs-file-cancels-and-request-context',
              'clean: every etcd call under a timeout derived from the request context, each cancel deferred', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: a reddit bot framework's HTTP client (graw)
GRAW = template('graw-client', r'''
// client executes http Requests and reads the answer, throttled to the API's rate.
type client interface {
    Do(*http.Request) ([]byte, error)
}

type baseClient struct {
    cli     *http.Client
    limiter *rate.Limiter
}

var (
    // ErrPermission is returned when the account may not do what was asked.
    ErrPermission = errors.New("reddit: permission denied")
    // ErrBusy is returned when reddit asks us to slow down.
    ErrBusy = errors.New("reddit: busy, retry later")
)

func newBaseClient(agent string) *baseClient {
    return &baseClient{
01|        cli: &http.Client{Timeout: 30 * time.Second, Transport: &agentTransport{agent: agent}},
2|        cli: &http.Client{Transport: &agentTransport{agent: agent}}, //@TMO-01
        limiter: rate.NewLimiter(rate.Every(time.Second), 1),
    }
}

func (b *baseClient) Do(req *http.Request) ([]byte, error) {
    if err := b.limiter.Wait(req.Context()); err != nil {
        return nil, err
    }
    resp, err := b.cli.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("reddit: calling %s: %w", req.URL.Path, err)
    }
02|    defer resp.Body.Close()

    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusForbidden:
        return nil, ErrPermission
    case http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusBadGateway:
        return nil, ErrBusy
    default:
        return nil, fmt.Errorf("reddit: bad response code: %d", resp.StatusCode)
    }

    body, err := ioutil.ReadAll(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("reddit: reading answer of %s: %w", req.URL.Path, err)
    }
    return body, nil
}

type agentTransport struct {
    agent string
}

func (t *agentTransport) RoundTrip(req *http.Request) (*http.Response, error) {
    req.Header.Set("User-Agent", t.agent)
    return http.DefaultTransport.RoundTrip(req)
}
''')
cases_of(case, GH + 'turnage/graw/pull/28', 'reddit/client.go',
         G('reddit', ['errors', 'fmt', 'io/ioutil', 'net/http', 'time', '', 'golang.org/x/time/rate'])(GRAW), [
             (1, 'go-00-graw-client-body-left-open-on-every-answer',
              'an edit checks the status before reading and no longer closes the answer\'s body, so every call and '
              'every error status keeps a connection and its buffers', 'edit'),
             (2, 'go-00-graw-client-without-timeout',
              'an edit builds the bot\'s HTTP client with its transport but without a timeout, so a stalled reddit '
              'answer blocks the bot for ever', 'edit'),
             (0, 'go-ok-00-graw-client-timeout-body-closed',
              'clean: a client with a timeout, every answer\'s body closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: a mock-binary call server (bintest)
BINTEST = template('bintest-server', r'''
// Server receives the calls the compiled proxy binaries make and hands them to the waiting mocks.
type Server struct {
    Listener net.Listener
    URL      string

    mu      sync.Mutex
    proxies map[string]*Proxy
}

// StartServer listens on a free local port and serves the proxies' calls until Close.
func StartServer(addrFile string) (*Server, error) {
    l, err := net.Listen("tcp", "127.0.0.1:0") //@{2}RES-01
    if err != nil {
01|        return nil, err
2|        return nil, fmt.Errorf("bintest: listening for proxy calls: %w", err)
    }
    s := &Server{Listener: l, URL: "http://" + l.Addr().String(), proxies: map[string]*Proxy{}}
    if addrFile != "" {
        if err := ioutil.WriteFile(addrFile, []byte(s.URL), 0o600); err != nil {
01|            l.Close()
            return nil, fmt.Errorf("bintest: writing server address: %w", err)
        }
    }
    go func() {
        _ = http.Serve(l, s)
    }()
    return s, nil
}

// ServeHTTP answers one call: the proxy posts its arguments and gets back the exit code and output.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    var req callRequest
    if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    s.mu.Lock()
    p, ok := s.proxies[req.ID]
    s.mu.Unlock()
    if !ok {
        http.Error(w, "unknown proxy "+req.ID, http.StatusNotFound)
        return
    }
    resp := p.handle(req)
    w.Header().Set("Content-Type", "application/json")
02|    if err := json.NewEncoder(w).Encode(resp); err != nil {
02|        log.Printf("bintest: answering call %s of %s: %v", req.CallID, req.ID, err)
02|    }
1|    json.NewEncoder(w).Encode(resp) //@ERR-01
}

// Close stops the listener; calls in flight fail.
func (s *Server) Close() error {
    return s.Listener.Close()
}
''')
cases_of(case, GH + 'buildkite/bintest/pull/8', 'server.go',
         G('bintest', ['encoding/json', 'fmt', 'io/ioutil', 'log', 'net', 'net/http', 'sync'])(BINTEST), [
             (1, 'go-00-bintest-server-answer-encode-error-ignored',
              'a PR renames the proxy server file and writes the proxy\'s answer without looking at the encoder\'s error, so a call whose answer '
              'cannot be written fails with nothing in the log', 'rename'),
             (2, 'go-00-bintest-server-listener-left-open-on-address-error',
              'a PR renames the proxy server file and returns when the server address cannot be written without closing the listener it opened', 'rename'),
             (0, 'go-ok-00-bintest-server-listener-closed-answer-checked',
              'clean: the rename alone; the listener closed when the address file fails, a failed answer logged', 'rename'),
         ], rename_from='proxy_server.go')


# ---------------------------------------------------------------- RES-02 / RES-04: a secrets plugin's IAM API handle (vault-plugin-secrets-gcp)
GCPIAM = template('gcp-iam-handle', r'''
// ApiHandle reads and writes the IAM policies of Google Cloud resources over their REST API.
type ApiHandle struct {
    c           *http.Client
    tokenSource oauth2.TokenSource
    userAgent   string
}

func GetApiHandle(client *http.Client, ts oauth2.TokenSource, userAgent string) *ApiHandle {
    return &ApiHandle{c: client, tokenSource: ts, userAgent: userAgent}
}

// DoGetRequest fetches a resource's policy (or another GET answer) into out.
func (h *ApiHandle) DoGetRequest(ctx context.Context, r IamResource, out interface{}) error {
    config := r.GetConfig()
    req, err := constructRequest(r, &config.GetMethod, nil)
    if err != nil {
        return errwrap.Wrapf("unable to construct Get request: {{err}}", err)
    }
    req.Header.Set("User-Agent", h.userAgent)
01|    resp, err := h.c.Do(req.WithContext(ctx)) //@{1}RES-02
2|    client := oauth2.NewClient(ctx, h.tokenSource) //@RES-04
2|    resp, err := client.Do(req.WithContext(ctx))
    if err != nil {
02|        return err
1|        return errwrap.Wrapf("unable to read IAM policy: {{err}}", err)
    }
02|    defer googleapi.CloseBody(resp)
    if err := googleapi.CheckResponse(resp); err != nil {
        return err
    }
    if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
        return errwrap.Wrapf("unable to decode JSON: {{err}}", err)
    }
    return nil
}

// DoSetRequest writes a policy and decodes the stored one into out.
func (h *ApiHandle) DoSetRequest(ctx context.Context, r IamResource, data interface{}, out interface{}) error {
    config := r.GetConfig()
    req, err := constructRequest(r, &config.SetMethod, data)
    if err != nil {
        return errwrap.Wrapf("unable to construct Set request: {{err}}", err)
    }
    req.Header.Set("User-Agent", h.userAgent)
    resp, err := h.c.Do(req.WithContext(ctx))
    if err != nil {
        return err
    }
    defer googleapi.CloseBody(resp)
    if err := googleapi.CheckResponse(resp); err != nil {
        return err
    }
    if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
        return errwrap.Wrapf("unable to decode JSON: {{err}}", err)
    }
    return nil
}
''')
cases_of(case, GH + 'hashicorp/vault-plugin-secrets-gcp/pull/19', 'plugin/iamutil/api_handle.go',
         G('iamutil', ['context', 'encoding/json', 'net/http', '', 'github.com/hashicorp/errwrap', 'golang.org/x/oauth2',
                       'google.golang.org/api/googleapi'])(GCPIAM), [
             (1, 'go-00-gcp-iam-handle-get-body-never-closed',
              'an edit reads a policy with a GET and no longer closes the answer\'s body, on the path every role '
              'binding takes', 'edit'),
             (2, 'go-00-gcp-iam-handle-oauth-client-per-get',
              'an edit builds a new OAuth2 HTTP client, with its own transport and token cache, for every policy read '
              'instead of the handle\'s client', 'edit'),
             (0, 'go-ok-00-gcp-iam-handle-shared-client-body-closed',
              'clean: the handle\'s one client for every call, each answer\'s body closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: a LoRa network server's MQTT gateway backend (chirpstack)
CHIRPSTACK = template('chirpstack-mqtt-backend', r'''
// Backend receives the frames of the gateways from an MQTT broker.
type Backend struct {
    conn         paho.Client
    rxPacketChan chan gw.UplinkFrame
    handlers     chan struct{}
    closed       bool
    mu           sync.RWMutex
}

// NewBackend connects to the broker; at most maxHandlers frames are decoded at once.
func NewBackend(opts *paho.ClientOptions, maxHandlers int) *Backend {
    b := &Backend{
        rxPacketChan: make(chan gw.UplinkFrame),
        handlers:     make(chan struct{}, maxHandlers),
    }
    // handlers must not block the client's dispatch, or its pings go unanswered and it reconnects
    opts.SetOrderMatters(false)
    b.conn = paho.NewClient(opts)
    return b
}

func (b *Backend) rxPacketHandler(c paho.Client, msg paho.Message) {
    b.handlers <- struct{}{}
    go func() { //@{1}CONC-01
        defer func() { <-b.handlers }()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.WithFields(log.Fields{"topic": msg.Topic(), "panic": r}).Error("gateway/mqtt: uplink handler panicked")
02|            }
02|        }()
        b.handleUplinkFrame(msg)
    }()
}

func (b *Backend) handleUplinkFrame(msg paho.Message) {
    var uplinkFrame gw.UplinkFrame
    if err := proto.Unmarshal(msg.Payload(), &uplinkFrame); err != nil {
        log.WithFields(log.Fields{"data_base64": base64.StdEncoding.EncodeToString(msg.Payload())}).
            WithError(err).Error("gateway/mqtt: unmarshal uplink frame error")
        return
    }
    if uplinkFrame.RxInfo == nil || uplinkFrame.TxInfo == nil {
        log.WithField("topic", msg.Topic()).Error("gateway/mqtt: uplink frame without rx_info or tx_info")
        return
    }
    gatewayID := helpers.GetGatewayID(uplinkFrame.RxInfo)
2|    log.WithFields(log.Fields{"gateway_id": gatewayID, "uplink_id": helpers.GetUplinkID(uplinkFrame.RxInfo), //@LOG-01
2|        "frequency": uplinkFrame.TxInfo.Frequency, "size": len(uplinkFrame.PhyPayload)}).Info("gateway/mqtt: uplink frame received")
    mqttEventCounter("up").Inc()

    b.mu.RLock()
    defer b.mu.RUnlock()
    if b.closed {
        return
    }
    b.rxPacketChan <- uplinkFrame
}
''')
cases_of(case, GH + 'brocaar/chirpstack-network-server/pull/564', 'internal/backend/gateway/mqtt/backend.go',
         G('mqtt', ['encoding/base64', 'sync', '', 'github.com/brocaar/chirpstack-api/go/v3/gw',
                    'github.com/brocaar/chirpstack-network-server/v3/internal/helpers',
                    'paho github.com/eclipse/paho.mqtt.golang', 'github.com/golang/protobuf/proto',
                    'log github.com/sirupsen/logrus'])(CHIRPSTACK), [
             (1, 'go-00-chirpstack-mqtt-uplink-handler-without-recover',
              'an edit drops the recover of the goroutine each uplink frame is decoded in, so one malformed frame '
              'that panics stops the network server', 'edit'),
             (2, 'go-00-chirpstack-mqtt-info-line-per-uplink-frame',
              'an edit logs every uplink frame of every gateway at info level, on the path each LoRa packet takes',
              'edit'),
             (0, 'go-ok-00-chirpstack-mqtt-recovered-handlers-counted-frames',
              'clean: bounded uplink handlers that recover, frames counted by a metric rather than logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: an MQTT router for microcontrollers (tinygo drivers)
TINYGO = template('tinygo-mqtt-router', r'''
// Router dispatches the messages of a client's subscriptions to the callbacks registered for their topics.
type Router struct {
    client Client
    routes []route
}

type route struct {
    topic    string
    qos      byte
    callback MessageHandler
}

func NewRouter(c Client) *Router {
    return &Router{client: c}
}

// Handle registers a callback for a topic filter; Subscribe must be called after the last Handle.
func (r *Router) Handle(topic string, qos byte, cb MessageHandler) {
    r.routes = append(r.routes, route{topic: topic, qos: qos, callback: cb})
}

// Subscribe subscribes the client to every registered topic.
func (r *Router) Subscribe() error {
    for _, rt := range r.routes {
        token := r.client.Subscribe(rt.topic, rt.qos, r.dispatch)
        token.Wait()
        if err := token.Error(); err != nil {
            return err
        }
    }
    return nil
}

// Publish sends a payload to a topic and waits until the broker has it.
func (r *Router) Publish(topic string, qos byte, payload []byte) error {
01|    token := r.client.Publish(topic, qos, false, payload)
01|    token.Wait()
01|    return token.Error()
2|    r.client.Publish(topic, qos, false, payload).Wait() //@ERR-01
2|    return nil
}

func (r *Router) dispatch(c Client, msg Message) {
    for _, rt := range r.routes {
        if !match(rt.topic, msg.Topic()) {
            continue
        }
02|        rt.callback(c, msg)
1|        go rt.callback(c, msg) //@CONC-02|CONC-01
    }
}

func match(filter, topic string) bool {
    if filter == "#" || filter == topic {
        return true
    }
    fs, ts := strings.Split(filter, "/"), strings.Split(topic, "/")
    for i, part := range fs {
        if part == "#" {
            return true
        }
        if i >= len(ts) || (part != "+" && part != ts[i]) {
            return false
        }
    }
    return len(fs) == len(ts)
}
''')
cases_of(case, GH + 'tinygo-org/drivers/pull/142', 'net/mqtt/router.go',
         G('mqtt', ['strings'])(TINYGO), [
             (1, 'go-00-tinygo-mqtt-router-goroutine-per-message',
              'an edit runs every matching callback of every received message on a goroutine of its own, with no '
              'bound, on a board with a few kilobytes of RAM', 'edit'),
             (2, 'go-00-tinygo-mqtt-router-publish-error-dropped',
              'an edit waits for a publish and returns success without looking at the token\'s error', 'edit'),
             (0, 'go-ok-00-tinygo-mqtt-router-inline-callbacks-publish-checked',
              'clean: callbacks run on the router\'s goroutine, a failed publish returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: a web framework's router cache (fireball)
FIREBALL = template('fireball-router', r'''
// BasicRouter matches requests against its routes and remembers the answer per method and URL.
type BasicRouter struct {
    Routes []*Route
    cache  map[string]*RouteMatch
02|    mu     sync.RWMutex
}

func NewBasicRouter(routes []*Route) *BasicRouter {
    return &BasicRouter{
        Routes: routes,
        cache:  map[string]*RouteMatch{},
    }
}

// Match returns the handler and the path variables of the first route that fits the request, or nil.
func (r *BasicRouter) Match(req *http.Request) (*RouteMatch, error) {
    key := req.Method + " " + req.URL.Path
02|    r.mu.RLock()
    match, ok := r.cache[key]
02|    r.mu.RUnlock()
    if ok {
        return match, nil
    }

    for _, route := range r.Routes {
        handler, ok := route.Handlers[req.Method]
        if !ok {
            continue
        }
        vars, ok := r.matchPath(route.Path, req.URL.Path)
        if !ok {
            continue
        }
        match = &RouteMatch{Handler: handler, PathVariables: vars}
        break
    }
2|    log.Printf("fireball: %s matched %v", key, match != nil) //@LOG-01

02|    r.mu.Lock()
    r.cache[key] = match //@{1}CONC-03
02|    r.mu.Unlock()
    return match, nil
}

func (r *BasicRouter) matchPath(pattern, path string) (map[string]string, bool) {
    ps, xs := strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(strings.Trim(path, "/"), "/")
    if len(ps) != len(xs) {
        return nil, false
    }
    vars := map[string]string{}
    for i, p := range ps {
        if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
            vars[p[1:len(p)-1]] = xs[i]
            continue
        }
        if p != xs[i] {
            return nil, false
        }
    }
    return vars, true
}
''')
cases_of(case, GH + 'ridgelines/fireball/issues/6', 'router.go',
         G('fireball', ['log', 'net/http', 'strings', 'sync'])(FIREBALL), [
             (1, 'go-00-fireball-router-cache-written-without-lock',
              'an edit drops the lock around the router\'s match cache, which every request reads and writes from '
              'its own goroutine', 'edit'),
             (2, 'go-00-fireball-router-log-line-per-request',
              'an edit logs the outcome of every route match, on the path each request takes', 'edit'),
             (0, 'go-ok-00-fireball-router-locked-cache-quiet-match',
              'clean: the match cache read and written under its lock, no line per request', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: a generic in-memory cache (go-generics-cache)
GENCACHE = template('generics-cache', r'''
// Cache is a thread-safe cache over one of the eviction policies.
type Cache[K comparable, V any] struct {
    cache   Interface[K, *Item[K, V]]
    mu      sync.Mutex
    janitor *janitor
}

// Set stores a value, replacing the one the key had.
func (c *Cache[K, V]) Set(key K, val V, opts ...ItemOption) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    item := newItem(key, val, opts...)
    c.cache.Set(key, item) //@{1}CONC-03
}

// Get returns the value of a key unless it is missing or expired.
func (c *Cache[K, V]) Get(key K) (value V, ok bool) {
    c.mu.Lock()
    defer c.mu.Unlock()
    item, ok := c.cache.Get(key)
    if !ok || item.Expired() {
        return value, false
    }
    return item.Value, true
}

// DeleteExpired drops every expired entry; the janitor calls it on each tick.
func (c *Cache[K, V]) DeleteExpired() {
    c.mu.Lock()
    defer c.mu.Unlock()
    for _, key := range c.cache.Keys() {
        item, ok := c.cache.Get(key)
        if ok && item.Expired() {
            c.cache.Delete(key)
        }
    }
}

type janitor struct {
    interval time.Duration
    done     chan struct{}
    once     sync.Once
}

func newJanitor(interval time.Duration) *janitor {
    return &janitor{interval: interval, done: make(chan struct{})}
}

// run calls cleanup every interval until stop.
func (j *janitor) run(cleanup func()) {
    ticker := time.NewTicker(j.interval) //@{2}RES-01
01|    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            cleanup()
        case <-j.done:
            return
        }
    }
}

func (j *janitor) stop() {
    j.once.Do(func() { close(j.done) })
}
''')
cases_of(case, GH + 'Code-Hex/go-generics-cache/issues/32', 'cache.go',
         G('cache', ['sync', 'time'])(GENCACHE), [
             (1, 'go-00-generics-cache-set-without-lock',
              'an edit stores values without the cache\'s lock while reads and the janitor\'s sweep take it, so '
              'concurrent callers write the underlying map at once', 'edit'),
             (2, 'go-00-generics-cache-janitor-ticker-never-stopped',
              'an edit no longer stops the janitor\'s ticker when the janitor ends, so every closed cache keeps a '
              'live ticker', 'edit'),
             (0, 'go-ok-00-generics-cache-locked-set-ticker-stopped',
              'clean: every write under the lock, the janitor\'s ticker stopped when it returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: a theme upload CLI's asset loader (themekit)
THEMEKIT = template('themekit-assets', r'''
// Asset is one file of a theme as the Shopify API takes it.
type Asset struct {
    Key         string `json:"key"`
    Value       string `json:"value,omitempty"`
    Attachment  string `json:"attachment,omitempty"`
    ContentType string `json:"content_type,omitempty"`
}

// LoadAssets reads the given theme files under root; binary files are sent base64-encoded.
func LoadAssets(root string, paths []string) ([]Asset, error) {
    assets := make([]Asset, 0, len(paths))
    for _, p := range paths {
        f, err := os.Open(filepath.Join(root, p)) //@{1}RES-01
        if err != nil {
02|            return nil, fmt.Errorf("loading asset %s: %w", p, err)
1|            return nil, fmt.Errorf("opening asset %s: %w", p, err)
        }
2|        defer f.Close() //@RES-03
        info, err := f.Stat()
        if err != nil {
0|            f.Close()
            return nil, fmt.Errorf("loading asset %s: %w", p, err)
        }
        if info.IsDir() {
0|            f.Close()
            continue
        }
        data, err := ioutil.ReadAll(f)
01|        f.Close()
        if err != nil {
            return nil, fmt.Errorf("reading asset %s: %w", p, err)
        }
        asset := Asset{Key: filepath.ToSlash(p), ContentType: http.DetectContentType(data)}
        if isText(asset.ContentType) {
            asset.Value = string(data)
        } else {
            asset.Attachment = base64.StdEncoding.EncodeToString(data)
        }
        assets = append(assets, asset)
    }
    return assets, nil
}

func isText(contentType string) bool {
    return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "json") ||
        strings.Contains(contentType, "javascript")
}
''')
cases_of(case, GH + 'Shopify/themekit/pull/91', 'kit/asset.go',
         G('kit', ['encoding/base64', 'fmt', 'io/ioutil', 'net/http', 'os', 'path/filepath', 'strings'])(THEMEKIT), [
             (1, 'go-00-themekit-assets-directory-entry-left-open',
              'a new asset loader skips directories among the theme paths without closing the file it opened for them', 'new'),
             (2, 'go-00-themekit-assets-closed-by-defer-in-loop',
              'a new asset loader closes each theme file by a defer inside the loop, so a theme of thousands of assets holds '
              'every file open until the whole upload is read', 'new'),
             (0, 'go-ok-00-themekit-assets-closed-on-every-path',
              'clean: a new asset loader that closes each theme file on every path within its own iteration', 'new'),
         ])
