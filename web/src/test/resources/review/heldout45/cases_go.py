"""Round-45 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: base client of an SMS and voice API SDK (plivo-go)
PLIVO = template('plivo-base-client', r'''
const defaultTimeout = 30 * time.Second

// BaseClient holds what every API resource of the SDK shares: credentials, the base URL and one HTTP client.
type BaseClient struct {
    httpClient *http.Client
    authID     string
    authToken  string
    baseURL    *url.URL
    userAgent  string
}

// NewBaseClient builds the shared client; a nil httpClient gets one with the SDK's default timeout.
func NewBaseClient(authID, authToken string, httpClient *http.Client) (*BaseClient, error) {
    base, err := url.Parse(baseURLString)
    if err != nil {
        return nil, err
    }
    if httpClient == nil {
02|        httpClient = &http.Client{Timeout: defaultTimeout}
1|        httpClient = &http.Client{} //@TMO-01
    }
    return &BaseClient{httpClient: httpClient, authID: authID, authToken: authToken, baseURL: base,
        userAgent: fmt.Sprintf("plivo-go/%s (Go: %s)", sdkVersion, runtime.Version())}, nil
}

// ExecuteRequest sends req and decodes a JSON answer into v; an error status becomes an *APIError.
func (c *BaseClient) ExecuteRequest(req *http.Request, v interface{}) error {
    req.SetBasicAuth(c.authID, c.authToken)
    req.Header.Set("User-Agent", c.userAgent)
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.httpClient.Do(req)
    if err != nil {
        return fmt.Errorf("plivo request %s %s: %w", req.Method, req.URL.Path, err) //@{2}RES-02
    }
01|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("read plivo answer: %w", err)
    }
    if resp.StatusCode >= 400 {
        return &APIError{Status: resp.StatusCode, Body: string(body)}
    }
    if v == nil || len(body) == 0 {
        return nil
    }
    return json.Unmarshal(body, v)
}
''')
cases_of(case, GH + 'plivo/plivo-go/pull/194', 'baseclient.go',
         G('plivo', ['encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'runtime', 'time'])(PLIVO), [
             (1, 'go-00-plivo-base-client-default-client-without-timeout',
              'an edit gives the SDK a bare http.Client when the caller brings none, so a message send that stalls '
              'at the API blocks the calling goroutine forever', 'edit'),
             (2, 'go-00-plivo-execute-request-body-never-closed',
              'an edit drops the deferred close of the answer body, so every API call keeps its connection out of '
              'the pool and long-running senders leak sockets', 'edit'),
             (0, 'go-ok-00-plivo-base-client-timeout-and-body-closed',
              'clean: the fix gives the default client its timeout back; every answer body closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: HTTP client of a payment gateway kit (paygap)
PAYGAP = template('paygap-gateway-client', r'''
// Client posts JSON to a payment provider's REST API and decodes its answer.
type Client struct {
    http    *http.Client
    baseURL string
    apiKey  string
}

// New builds a client for one provider with a bounded HTTP client.
func New(baseURL, apiKey string, timeout time.Duration) *Client {
    return &Client{http: &http.Client{Timeout: timeout}, baseURL: strings.TrimRight(baseURL, "/"), apiKey: apiKey}
}

// Post sends body to path and decodes the provider's answer into out; the caller's ctx bounds the whole call.
func (c *Client) Post(ctx context.Context, path string, body, out any) error {
    payload, err := json.Marshal(body)
    if err != nil {
        return fmt.Errorf("encode %s request: %w", path, err)
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(payload))
1|    req, err := http.NewRequest(http.MethodPost, c.baseURL+path, bytes.NewReader(payload)) //@TMO-02
    if err != nil {
        return fmt.Errorf("build %s request: %w", path, err)
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Authorization", "Bearer "+c.apiKey)
    resp, err := c.http.Do(req) //@{2}RES-02
    if err != nil {
        return fmt.Errorf("post %s: %w", path, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode >= http.StatusBadRequest {
        var failure ProviderError
        if err := json.NewDecoder(resp.Body).Decode(&failure); err != nil {
            return fmt.Errorf("post %s: status %d", path, resp.StatusCode)
        }
        failure.Status = resp.StatusCode
        return &failure
    }
2|    defer resp.Body.Close()
    if out == nil {
        return nil
    }
    return json.NewDecoder(resp.Body).Decode(out)
}

// ProviderError is the error body a provider answers with.
type ProviderError struct {
    Status  int    `json:"-"`
    Code    string `json:"code"`
    Message string `json:"message"`
}

func (e *ProviderError) Error() string {
    return fmt.Sprintf("provider error %d %s: %s", e.Status, e.Code, e.Message)
}
''')
cases_of(case, GH + 'GoFarsi/paygap/pull/43', 'client/client.go',
         G('client', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'strings', 'time'])(PAYGAP), [
             (1, 'go-00-paygap-new-gateway-client-request-ignores-context',
              'a new payment gateway client builds its request without the caller\'s context, so a cancelled '
              'checkout still waits for the provider until the client timeout', 'new'),
             (2, 'go-00-paygap-new-gateway-client-error-answer-body-open',
              'a new payment gateway client returns on an error status before it defers the close, so every '
              'declined payment keeps its connection', 'new'),
             (0, 'go-ok-00-paygap-new-gateway-client-context-body-deferred',
              'clean: a new payment gateway client with the caller\'s context and the body closed right after Do',
              'new'),
         ], )


# ---------------------------------------------------------------- TMO-03 / TMO-02: gRPC client of a microservice framework (go-chassis)
CHASSIS = template('chassis-grpc-client', r'''
// Client calls one gRPC service through a shared connection, each call bounded by the configured timeout.
type Client struct {
    opts   client.Options
    conn   *grpc.ClientConn
    health healthpb.HealthClient
}

// Call invokes the operation of inv; a reply of the wrong type is an error.
func (c *Client) Call(ctx context.Context, addr string, inv *invocation.Invocation, rsp interface{}) error {
    if _, ok := rsp.(proto.Message); !ok {
        return fmt.Errorf("grpc client: reply of %s is not a proto.Message", inv.OperationID)
    }
    if c.opts.Timeout > 0 {
        var cancel context.CancelFunc
        ctx, cancel = context.WithTimeout(ctx, c.opts.Timeout)
        defer cancel()
    }
    method := "/" + inv.SchemaID + "/" + inv.OperationID
    md := metadata.New(inv.Headers())
    ctx = metadata.NewOutgoingContext(ctx, md)
    if err := c.conn.Invoke(ctx, method, inv.Args, rsp); err != nil {
        return fmt.Errorf("grpc call %s on %s: %w", method, addr, err)
    }
    return nil
}

// Ready asks the server's health service whether the service is serving, within the caller's deadline.
func (c *Client) Ready(ctx context.Context, service string) (bool, error) {
0|    checkCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
0|    defer cancel()
1|    checkCtx, _ := context.WithTimeout(ctx, 3*time.Second) //@TMO-03
01|    resp, err := c.health.Check(checkCtx, &healthpb.HealthCheckRequest{Service: service})
2|    resp, err := c.health.Check(context.Background(), &healthpb.HealthCheckRequest{Service: service}) //@TMO-02
    if err != nil {
        return false, fmt.Errorf("health check of %s: %w", service, err)
    }
    return resp.Status == healthpb.HealthCheckResponse_SERVING, nil
}

// Close releases the shared connection.
func (c *Client) Close() error {
    return c.conn.Close()
}
''')
CHASSIS_IMPORTS = {v: ['context', 'fmt'] + (['time'] if v != 2 else []) + ['', 'github.com/go-chassis/go-chassis/v2/core/client',
                       'github.com/go-chassis/go-chassis/v2/core/invocation', 'github.com/golang/protobuf/proto',
                       'google.golang.org/grpc', 'google.golang.org/grpc/health/grpc_health_v1',
                       'google.golang.org/grpc/metadata'] for v in (0, 1, 2)}
cases_of(case, GH + 'go-chassis/go-chassis/pull/490', 'client/grpc/client.go',
         GV('grpc', CHASSIS_IMPORTS)(CHASSIS.replace('healthpb.', 'grpc_health_v1.')), [
             (1, 'go-00-chassis-grpc-ready-check-cancel-dropped',
              'an edit of the readiness check throws the cancel of its timeout context away, so every probe leaves '
              'a timer and a context child of the caller\'s context behind until the deadline', 'edit'),
             (2, 'go-00-chassis-grpc-ready-check-ignores-caller-context',
              'an edit makes the readiness check call the health service with a background context, so a probe '
              'whose caller gave up keeps waiting on a stuck server', 'edit'),
             (0, 'go-ok-00-chassis-grpc-ready-check-bounded-and-cancelled',
              'clean: the fix cancels the check\'s timeout context when it returns', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: message router of an MQTT client (paho.golang)
PAHO = template('paho-router', r'''
// StandardRouter hands each incoming PUBLISH to the handlers whose subscription matches its topic.
type StandardRouter struct {
    sync.RWMutex
    subscriptions  map[string][]MessageHandler
    defaultHandler MessageHandler
    debug          Logger
}

// Route runs every matching handler of pb in its own goroutine, or the default handler when none matches.
func (r *StandardRouter) Route(pb *packets.Publish) {
    r.RLock()
    defer r.RUnlock()
    m := PublishFromPacketPublish(pb)
    var handled bool
    for route, handlers := range r.subscriptions {
        if !match(route, routeIncludesTopic(m.Topic)) {
            continue
        }
        for _, h := range handlers {
            handled = true
2|            log.Printf("routing %d bytes on %s to a handler of %s", len(m.Payload), m.Topic, route) //@LOG-01
02|            go r.call(h, m)
1|            go h(m) //@CONC-01
        }
    }
    if !handled && r.defaultHandler != nil {
        go r.call(r.defaultHandler, m)
    }
}

// call runs one handler and turns its panic into a debug line, so one bad message cannot stop the client.
func (r *StandardRouter) call(h MessageHandler, m *Publish) {
    defer func() {
        if p := recover(); p != nil {
            r.debug.Println(fmt.Sprintf("handler for %s panicked: %v\n%s", m.Topic, p, debug.Stack()))
        }
    }()
    h(m)
}
''')
cases_of(case, GH + 'eclipse-paho/paho.golang/issues/106', 'paho/router.go',
         G('paho', ['fmt', 'log', 'runtime/debug', 'sync', '', 'github.com/eclipse/paho.golang/packets'])(PAHO), [
             (1, 'go-00-paho-router-subscription-handler-without-recover',
              'an edit starts each matching handler as a bare goroutine, so a handler that panics on a malformed '
              'topic takes the whole ingesting process down', 'edit'),
             (2, 'go-00-paho-router-logs-every-routed-message',
              'an edit logs every message routed to every handler, so a busy subscription writes one line per '
              'message and handler', 'edit'),
             (0, 'go-ok-00-paho-router-handlers-recovered',
              'clean: the fix runs each handler through the recovering call', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: UDP frontend of a LoRaWAN gateway server (lorawan-stack)
LORA = template('lorawan-udp-frontend', r'''
const packetQueueSize = 1 << 12

type srv struct {
    ctx      context.Context
    conn     *net.UDPConn
    packetCh chan encoding.Packet
    workers  int
}

// Start runs the fixed pool of packet handlers and the read loop.
func (s *srv) Start() {
    for i := 0; i < s.workers; i++ {
02|        go s.recovered("handle packets", s.handlePackets)
1|        go s.handlePackets() //@CONC-01
    }
    go s.recovered("read packets", func() {
        if err := s.read(); err != nil {
            log.FromContext(s.ctx).WithError(err).Warn("UDP read loop stopped")
        }
    })
}

// recovered runs f and logs a panic instead of letting it end the gateway server.
func (s *srv) recovered(name string, f func()) {
    defer func() {
        if p := recover(); p != nil {
            log.FromContext(s.ctx).WithField("panic", p).Error("Recovered from a panic in " + name)
        }
    }()
    f()
}

func (s *srv) read() error {
    var buf [65507]byte
    for {
        n, addr, err := s.conn.ReadFromUDP(buf[:])
        if err != nil {
            if s.ctx.Err() != nil {
                return nil
            }
            return err
        }
        packet := encoding.Packet{GatewayAddr: addr, ReceivedAt: time.Now()}
        if err := packet.UnmarshalBinary(buf[:n]); err != nil {
            continue
        }
02|        select {
02|        case s.packetCh <- packet:
02|        default:
02|            log.FromContext(s.ctx).Warn("Packet queue full, dropping packet")
02|        }
2|        go s.handlePacket(packet) //@CONC-02
    }
}

func (s *srv) handlePackets() {
    for {
        select {
        case <-s.ctx.Done():
            return
        case packet := <-s.packetCh:
            s.handlePacket(packet)
        }
    }
}
''')
cases_of(case, GH + 'TheThingsNetwork/lorawan-stack/pull/2219', 'pkg/gatewayserver/io/udp/udp.go',
         G('udp', ['context', 'net', 'time', '', 'go.thethings.network/lorawan-stack/v3/pkg/log',
                   'go.thethings.network/lorawan-stack/v3/pkg/ttnpb/udp'])(LORA.replace('encoding.', 'udp.')), [
             (1, 'go-00-lorawan-udp-packet-workers-without-recover',
              'an edit starts the packet workers without the recovering wrapper, so one malformed uplink that '
              'panics a handler stops the gateway server', 'edit'),
             (2, 'go-00-lorawan-udp-goroutine-per-packet',
              'an edit hands every received datagram to its own goroutine instead of the bounded queue, so a '
              'flood of uplinks starts goroutines without limit', 'edit'),
             (0, 'go-ok-00-lorawan-udp-recovered-bounded-workers',
              'clean: the fix starts the workers through the recovering wrapper', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: Redis queue transport of a messaging library (vice)
VICE = template('vice-redis-transport', r'''
// Transport moves messages through Redis lists, one list per queue name.
type Transport struct {
    sync.Mutex
    client    *redis.Client
    sendChans map[string]chan []byte
    errChan   chan vice.Error
    stopchan  chan struct{}
}

// New returns a transport over one shared client; the client pools its connections.
func New(opts ...Option) *Transport {
    t := &Transport{sendChans: make(map[string]chan []byte), errChan: make(chan vice.Error, 10),
        stopchan: make(chan struct{})}
    for _, o := range opts {
        o(t)
    }
    if t.client == nil {
        t.client = redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
    }
    return t
}

// Send returns the channel whose messages go to the list name; it is made once per name.
func (t *Transport) Send(name string) chan<- []byte {
    t.Lock()
    defer t.Unlock()
    if ch, ok := t.sendChans[name]; ok {
        return ch
    }
    ch := make(chan []byte)
    go func() {
        for {
            select {
            case <-t.stopchan:
                return
            case msg := <-ch:
                t.push(name, msg)
            }
        }
    }()
    t.sendChans[name] = ch
    return ch
}

func (t *Transport) push(name string, msg []byte) {
    ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
    defer cancel()
02|    if err := t.client.RPush(ctx, name, msg).Err(); err != nil {
1|    client := redis.NewClient(&redis.Options{Addr: t.client.Options().Addr}) //@RES-04
1|    defer client.Close()
1|    if err := client.RPush(ctx, name, msg).Err(); err != nil {
01|        t.errChan <- vice.Error{Name: name, Message: msg, Err: err}
01|    }
2|    t.client.RPush(ctx, name, msg) //@ERR-01
}
''')
cases_of(case, GH + 'matryer/vice/pull/26', 'queues/redis/redis.go',
         G('redis', ['context', 'sync', 'time', '', 'github.com/matryer/vice/v2', 'github.com/redis/go-redis/v9'])(VICE), [
             (1, 'go-00-vice-redis-push-client-per-message',
              'an edit opens a new Redis client for every pushed message, so each message dials a connection pool '
              'of its own and closes it again', 'edit'),
             (2, 'go-00-vice-redis-push-error-dropped',
              'an edit pushes each message without looking at the error, so a message Redis refused is lost with '
              'nothing on the error channel', 'edit'),
             (0, 'go-ok-00-vice-redis-shared-client-error-reported',
              'clean: the fix pushes through the shared client and reports a failed push', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: per-request session registry of a web toolkit (gorilla/sessions)
SESSIONS = template('sessions-registry', r'''
// Registry keeps the sessions one request opened, so every handler of the request sees the same ones.
type Registry struct {
    request  *http.Request
    mu       sync.Mutex
    sessions map[string]sessionInfo
}

// Get returns the session of the given name, loading it from store the first time.
func (s *Registry) Get(store Store, name string) (session *Session, err error) {
    if !isCookieNameValid(name) {
        return nil, fmt.Errorf("sessions: invalid character in cookie name: %s", name)
    }
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    if info, ok := s.sessions[name]; ok { //@{1}CONC-03
        session, err = info.s, info.e
    } else {
        session, err = store.New(s.request, name)
        session.name = name
        s.sessions[name] = sessionInfo{s: session, e: err}
    }
    session.store = store
    return
}

// Save writes every session of the request through its store and reports each failure.
func (s *Registry) Save(w http.ResponseWriter) error {
    s.mu.Lock()
    defer s.mu.Unlock()
    var errMulti MultiError
    for name, info := range s.sessions {
        session := info.s
        if session.store == nil {
            errMulti = append(errMulti, fmt.Errorf("sessions: missing store for session %q", name))
01|        } else if err := session.store.Save(s.request, w, session); err != nil {
01|            errMulti = append(errMulti, fmt.Errorf("sessions: error saving session %q: %w", name, err))
2|        } else {
2|            session.store.Save(s.request, w, session) //@ERR-01
        }
    }
    if errMulti != nil {
        return errMulti
    }
    return nil
}
''')
cases_of(case, GH + 'gorilla/sessions/pull/285', 'sessions.go',
         G('sessions', ['fmt', 'net/http', 'sync'])(SESSIONS), [
             (1, 'go-00-sessions-registry-get-without-lock',
              'an edit drops the lock from Registry.Get, so subscription handlers of one request read and write '
              'the session map at the same time and crash the server', 'edit'),
             (2, 'go-00-sessions-registry-save-error-dropped',
              'an edit saves each session without looking at the store\'s error, so a cookie too large to write '
              'is lost while Save reports success', 'edit'),
             (0, 'go-ok-00-sessions-registry-locked-get-checked-save',
              'clean: the fix takes the registry lock in Get again', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-01: HTTP layer of a cloud management API client (rsc)
RSC = template('rsc-http-layer', r'''
// API is the low-level client shared by the generated cloud management commands.
type API struct {
    Host      string
    AccountID int
    Auth      Authenticator
    Client    *http.Client
    DumpFile  io.Writer
}

// newClient builds the HTTP client of the API: bounded connects, header waits and whole requests.
func newClient(timeout time.Duration, insecure bool) *http.Client {
01|    transport := &http.Transport{
01|        Proxy:                 http.ProxyFromEnvironment,
01|        DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
01|        ResponseHeaderTimeout: timeout,
01|        TLSClientConfig:       &tls.Config{InsecureSkipVerify: insecure},
01|    }
01|    return &http.Client{Transport: transport, Timeout: timeout}
2|    transport := &http.Transport{Proxy: http.ProxyFromEnvironment, TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}}
2|    return &http.Client{Transport: transport} //@TMO-01
}

// PerformRequestWithContext signs req and sends it, cancelled when ctx is done.
func (a *API) PerformRequestWithContext(ctx context.Context, req *http.Request) (*http.Response, error) {
    if err := a.Auth.Sign(req, a.Host, a.AccountID); err != nil {
        return nil, fmt.Errorf("sign request: %w", err)
    }
    id := dumpRequest(a.DumpFile, req)
    started := time.Now()
02|    resp, err := a.Client.Do(req.WithContext(ctx))
1|    resp, err := a.Client.Do(req) //@TMO-02
    if err != nil {
        return nil, err
    }
    dumpResponse(a.DumpFile, id, resp, time.Since(started))
    return resp, nil
}
''')
cases_of(case, GH + 'flexera-public/rsc/pull/58', 'rsapi/http.go',
         GV('rsapi', {v: ['context', 'crypto/tls', 'fmt', 'io'] + (['net'] if v != 2 else []) + ['net/http', 'time']
                      for v in (0, 1, 2)})(RSC), [
             (1, 'go-00-rsc-perform-request-drops-context',
              'an edit sends the signed request without the caller\'s context, so a command cancelled by the user '
              'keeps waiting for the API', 'edit'),
             (2, 'go-00-rsc-client-without-timeouts',
              'an edit builds the API client on the default transport without any timeout, so a stalled API '
              'call hangs the command forever', 'edit'),
             (0, 'go-ok-00-rsc-perform-request-with-context',
              'clean: the fix sends the request with the caller\'s context again', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: knowledge store of an AI agent platform (coze-studio)
COZE = template('coze-knowledge-dao', r'''
// KnowledgeDAO stores knowledge bases and their documents.
type KnowledgeDAO struct {
    DB *gorm.DB
}

// InitTx begins a transaction for a multi-table change of a knowledge base.
func (dao *KnowledgeDAO) InitTx() (*gorm.DB, error) {
    tx := dao.DB.Begin() //@{1}TX-02
02|    if tx.Error != nil {
02|        return nil, tx.Error
02|    }
    return tx, nil
}

// DeleteWithDocuments removes a knowledge base and every document of it in one transaction.
func (dao *KnowledgeDAO) DeleteWithDocuments(ctx context.Context, id int64) error {
    tx, err := dao.InitTx()
    if err != nil {
        return err
    }
    if err := tx.WithContext(ctx).Where("knowledge_id = ?", id).Delete(&model.KnowledgeDocument{}).Error; err != nil { //@{2}TX-01
01|        tx.Rollback()
        return fmt.Errorf("delete documents of knowledge %d: %w", id, err)
    }
    if err := tx.WithContext(ctx).Delete(&model.Knowledge{}, id).Error; err != nil {
        tx.Rollback()
        return fmt.Errorf("delete knowledge %d: %w", id, err)
    }
    if err := tx.Commit().Error; err != nil {
        return fmt.Errorf("commit delete of knowledge %d: %w", id, err)
    }
    return nil
}
''')
cases_of(case, GH + 'coze-dev/coze-studio/pull/2720', 'backend/domain/knowledge/internal/dal/dao/knowledge.go',
         G('dao', ['context', 'fmt', '', 'gorm.io/gorm', '',
                   'github.com/coze-dev/coze-studio/backend/domain/knowledge/internal/dal/model'])(COZE), [
             (1, 'go-00-coze-knowledge-init-tx-begin-error-ignored',
              'an edit returns the transaction of InitTx without looking at its Begin error, so a failed Begin '
              'reaches the callers as a transaction whose statements all fail', 'edit'),
             (2, 'go-00-coze-knowledge-delete-leaves-tx-open',
              'an edit drops the rollback when deleting the documents fails, so that transaction stays open and '
              'holds its connection and row locks', 'edit'),
             (0, 'go-ok-00-coze-knowledge-begin-checked',
              'clean: the fix checks the Begin error of InitTx again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: SSE transport of an MCP client (mcp-go)
MCP = template('mcp-sse-transport', r'''
// SSE is the client side of the server-sent-events transport: one GET stream in, POSTs out.
type SSE struct {
    baseURL    *url.URL
    httpClient *http.Client
    handler    func(JSONRPCMessage)
    logger     *slog.Logger
    cancel     context.CancelFunc
    done       chan struct{}
}

// NewSSEClient returns a transport for the server at baseURL.
func NewSSEClient(baseURL *url.URL, httpClient *http.Client, logger *slog.Logger) *SSE {
    return &SSE{baseURL: baseURL, httpClient: httpClient, logger: logger}
}

// Start opens the event stream and reads it in the background until Close or ctx ends it.
func (c *SSE) Start(ctx context.Context) error {
01|    streamCtx, cancel := context.WithCancel(ctx)
2|    streamCtx, _ := context.WithCancel(ctx) //@TMO-03
    req, err := http.NewRequestWithContext(streamCtx, http.MethodGet, c.baseURL.String(), nil)
    if err != nil {
01|        cancel()
        return fmt.Errorf("build the stream request: %w", err)
    }
    req.Header.Set("Accept", "text/event-stream")
    resp, err := c.httpClient.Do(req)
    if err != nil {
01|        cancel()
        return fmt.Errorf("open the event stream: %w", err)
    }
    if resp.StatusCode != http.StatusOK {
        resp.Body.Close()
01|        cancel()
        return fmt.Errorf("event stream answered %s", resp.Status)
    }
01|    c.cancel = cancel
    c.done = make(chan struct{})
    go func() { //@{1}CONC-01
02|        defer c.recoverStream()
        defer close(c.done)
        defer resp.Body.Close()
        c.readEvents(streamCtx, resp.Body)
    }()
    return nil
}

// recoverStream logs a panic of the reader instead of letting it end the host process.
func (c *SSE) recoverStream() {
    if p := recover(); p != nil {
        c.logger.Error("the event stream reader panicked", "panic", p, "stack", string(debug.Stack()))
    }
}

// Close stops the reader and waits for it.
func (c *SSE) Close() error {
    if c.cancel != nil {
        c.cancel()
    }
    if c.done != nil {
        <-c.done
    }
    return nil
}
''')
cases_of(case, GH + 'mark3labs/mcp-go/issues/860', 'client/transport/sse_client.go',
         G('transport', ['context', 'fmt', 'log/slog', 'net/http', 'net/url', 'runtime/debug'])(MCP), [
             (1, 'go-00-mcp-moved-sse-reader-without-recover',
              'a PR moves the SSE transport into its own file and starts the stream reader without its recover, '
              'so a panic while decoding one event ends the host process', 'rename'),
             (2, 'go-00-mcp-moved-sse-stream-cancel-dropped',
              'a PR moves the SSE transport into its own file and throws the cancel of the stream context away, so '
              'Close can no longer stop the reader and the stream stays open', 'rename'),
             (0, 'go-ok-00-mcp-moved-sse-transport',
              'clean: the move alone, the constructor renamed; the reader recovered and the stream cancelled on Close',
              'rename'),
         ], rename_from='client/transport/sse.go',
         rename_old=lambda t: t.replace('NewSSEClient', 'NewSSE'))
