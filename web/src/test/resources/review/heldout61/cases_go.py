"""Round-61 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-01: memcached client connections (gomemcache)
GOMEMCACHE = template('gomemcache-client-conns', r'''
// DefaultTimeout is the socket read/write timeout used when Client.Timeout is zero.
const DefaultTimeout = 100 * time.Millisecond

// Client is a memcache client. It is safe for unlocked use by multiple concurrent goroutines.
type Client struct {
    // Timeout specifies the socket read/write timeout.
    Timeout time.Duration
    // MaxIdleConns specifies the maximum number of idle connections that will be maintained per address.
    MaxIdleConns int

    selector ServerSelector
    lk       sync.Mutex
    freeconn map[string][]*conn
}

func (c *Client) netTimeout() time.Duration {
    if c.Timeout != 0 {
        return c.Timeout
    }
    return DefaultTimeout
}

// dial opens a new connection to one memcached server.
func (c *Client) dial(addr net.Addr) (net.Conn, error) {
02|    nc, err := net.DialTimeout(addr.Network(), addr.String(), c.netTimeout())
1|    nc, err := net.Dial(addr.Network(), addr.String()) //@TMO-01
    if err == nil {
        return nc, nil
    }
    if ne, ok := err.(net.Error); ok && ne.Timeout() {
        return nil, &ConnectTimeoutError{addr}
    }
    return nil, err
}

func (c *Client) getConn(addr net.Addr) (*conn, error) {
    cn, ok := c.getFreeConn(addr)
    if ok {
        cn.extendDeadline()
        return cn, nil
    }
    nc, err := c.dial(addr)
    if err != nil {
        return nil, err
    }
    cn = &conn{
        nc:   nc,
        addr: addr,
        rw:   bufio.NewReadWriter(bufio.NewReader(nc), bufio.NewWriter(nc)),
        c:    c,
    }
    cn.extendDeadline()
    return cn, nil
}

// Ping checks that every server answers a version command on a fresh connection, so a caller can tell a dead
// server from an empty cache.
func (c *Client) Ping() error {
    return c.selector.Each(func(addr net.Addr) error {
        nc, err := c.dial(addr)
        if err != nil { //@{2}RES-01
            return err
        }
01|        defer nc.Close()
        if err := nc.SetDeadline(time.Now().Add(c.netTimeout())); err != nil {
            return err
        }
        rw := bufio.NewReadWriter(bufio.NewReader(nc), bufio.NewWriter(nc))
        if _, err := rw.WriteString("version\r\n"); err != nil {
            return err
        }
        if err := rw.Flush(); err != nil {
            return err
        }
        line, err := rw.ReadSlice('\n')
        if err != nil {
            return err
        }
        if !bytes.HasPrefix(line, []byte("VERSION ")) {
            return fmt.Errorf("memcache: unexpected answer to version from %s: %q", addr, line)
        }
        return nil
    })
}
''')
cases_of(case, GH + 'bradfitz/gomemcache/pull/16', 'memcache/memcache.go',
         G('memcache', ['bufio', 'bytes', 'fmt', 'net', 'sync', 'time'])(GOMEMCACHE), [
             (1, 'go-00-gomemcache-dial-without-timeout',
              'an edit dials memcached servers without a timeout, so a server that drops packets blocks the caller '
              'and leaks a goroutine on every request', 'edit'),
             (2, 'go-00-gomemcache-ping-conn-never-closed',
              'an edit drops the deferred close of the connection Ping opens to each server, so every health check '
              'leaves one socket per memcached server open', 'edit'),
             (0, 'go-ok-00-gomemcache-dial-with-timeout',
              'clean: the fix dials every server with the client\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: retrying HTTP helper of a cloud SDK (stackit-sdk-go)
STACKIT = template('stackit-sdk-clients-do', r'''
// RetryConfig bounds how often and how long Do retries a request that failed with a retryable status.
type RetryConfig struct {
    MaxRetries       int
    WaitBetweenCalls time.Duration
    RetryTimeout     time.Duration
}

// NewRetryConfig returns the SDK's default retry settings.
func NewRetryConfig() *RetryConfig {
    return &RetryConfig{
        MaxRetries:       3,
        WaitBetweenCalls: 30 * time.Second,
        RetryTimeout:     2 * time.Minute,
    }
}

var retryableStatus = map[int]bool{
    http.StatusBadGateway:         true,
    http.StatusServiceUnavailable: true,
    http.StatusGatewayTimeout:     true,
}

// Do sends req and retries it while the server answers with a retryable status, waiting between attempts.
func Do(client *http.Client, req *http.Request, cfg *RetryConfig) (*http.Response, error) {
    if cfg == nil {
        cfg = NewRetryConfig()
    }
    if client == nil {
        return nil, fmt.Errorf("clients: no http client given")
    }
02|    ctx := req.Context()
1|    ctx := context.Background() //@TMO-02
    deadline := time.Now().Add(cfg.RetryTimeout)
    for attempt := 0; ; attempt++ {
        resp, err := client.Do(req.WithContext(ctx))
        if err != nil || !retryableStatus[resp.StatusCode] || attempt >= cfg.MaxRetries || time.Now().After(deadline) { //@{2}RES-02
            return resp, err
        }
01|        resp.Body.Close()
        select {
        case <-ctx.Done():
            return nil, ctx.Err()
        case <-time.After(cfg.WaitBetweenCalls):
        }
    }
}
''')
cases_of(case, GH + 'stackitcloud/stackit-sdk-go/issues/302', 'core/clients/clients.go',
         GV('clients', {0: ['fmt', 'net/http', 'time'], 1: ['context', 'fmt', 'net/http', 'time'],
                        2: ['fmt', 'net/http', 'time']})(STACKIT), [
             (1, 'go-00-stackit-sdk-retries-on-background-context',
              'an edit runs the request and its retry waits on a background context, so the deadline the caller '
              'put on the request is ignored and a short-lived call waits through every retry', 'edit'),
             (2, 'go-00-stackit-sdk-retried-answer-body-left-open',
              'an edit drops the close of a retryable answer before the next attempt, so each retry leaves a '
              'response body and its connection open', 'edit'),
             (0, 'go-ok-00-stackit-sdk-retries-on-request-context',
              'clean: the fix runs the retries on the request\'s own context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: control-plane client of a serverless cache SDK (momento client-sdk-go)
MOMENTO = template('momento-scs-control-client', r'''
// ScsControlClient creates, lists and deletes caches through the control plane.
type ScsControlClient struct {
    conn           *grpc.ClientConn
    stub           pb.ScsControlClient
    authToken      string
    requestTimeout time.Duration
}

// NewScsControlClient dials the control endpoint once; every call then shares the connection.
func NewScsControlClient(endpoint string, authToken string, requestTimeout time.Duration) (*ScsControlClient, error) {
    conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{})))
    if err != nil {
        return nil, fmt.Errorf("momento: connecting to %s: %w", endpoint, err)
    }
    return &ScsControlClient{
        conn:           conn,
        stub:           pb.NewScsControlClient(conn),
        authToken:      authToken,
        requestTimeout: requestTimeout,
    }, nil
}

func (c *ScsControlClient) Close() error {
    return c.conn.Close()
}

// CreateCache creates the named cache; an existing cache is reported as ErrAlreadyExists.
func (c *ScsControlClient) CreateCache(ctx context.Context, name string) error {
0|    ctx, cancel := context.WithTimeout(ctx, c.requestTimeout)
0|    defer cancel()
1|    ctx, cancel := context.WithTimeout(context.Background(), c.requestTimeout) //@TMO-02
1|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.requestTimeout) //@TMO-03
    ctx = metadata.AppendToOutgoingContext(ctx, "authorization", c.authToken)
    _, err := c.stub.CreateCache(ctx, &pb.CreateCacheRequest{CacheName: name})
    if status.Code(err) == codes.AlreadyExists {
        return ErrAlreadyExists
    }
    return err
}

// DeleteCache removes the named cache and everything in it.
func (c *ScsControlClient) DeleteCache(ctx context.Context, name string) error {
    ctx, cancel := context.WithTimeout(ctx, c.requestTimeout)
    defer cancel()
    ctx = metadata.AppendToOutgoingContext(ctx, "authorization", c.authToken)
    _, err := c.stub.DeleteCache(ctx, &pb.DeleteCacheRequest{CacheName: name})
    return err
}

// ListCaches pages through every cache of the account.
func (c *ScsControlClient) ListCaches(ctx context.Context) ([]string, error) {
    var names []string
    token := ""
    for {
        page, err := c.listPage(ctx, token)
        if err != nil {
            return nil, err
        }
        for _, cache := range page.Cache {
            names = append(names, cache.CacheName)
        }
        if page.NextToken == "" {
            return names, nil
        }
        token = page.NextToken
    }
}

func (c *ScsControlClient) listPage(ctx context.Context, token string) (*pb.ListCachesResponse, error) {
    ctx, cancel := context.WithTimeout(ctx, c.requestTimeout)
    defer cancel()
    ctx = metadata.AppendToOutgoingContext(ctx, "authorization", c.authToken)
    return c.stub.ListCaches(ctx, &pb.ListCachesRequest{NextToken: token})
}
''')
cases_of(case, GH + 'momentohq/client-sdk-go/issues/47', 'internal/services/scs_control_service.go',
         G('services', ['context', 'crypto/tls', 'fmt', 'time', '',
                        'pb github.com/momentohq/client-sdk-go/internal/protos', 'google.golang.org/grpc',
                        'google.golang.org/grpc/codes', 'google.golang.org/grpc/credentials',
                        'google.golang.org/grpc/metadata', 'google.golang.org/grpc/status'])(MOMENTO), [
             (1, 'go-00-momento-new-control-client-ignores-caller-context',
              'a new control-plane client creates caches on a context of its own, so the caller\'s cancellation '
              'and deadline never reach the gRPC call', 'new'),
             (2, 'go-00-momento-new-control-client-timeout-never-cancelled',
              'a new control-plane client bounds cache creation with a timeout context and drops its cancel, so '
              'each call keeps a timer alive until the timeout passes', 'new'),
             (0, 'go-ok-00-momento-new-control-client',
              'clean: a new control-plane client that derives every call\'s timeout from the caller\'s context and '
              'cancels it', 'new'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: SQL migrations of a service toolkit (contiamo go-base)
GOBASE = template('go-base-migrations', r'''
// Migrate applies every migration of the embedded folder that the version table does not list yet, each in its own
// transaction together with its version row.
func Migrate(ctx context.Context, db *sql.DB, migrations fs.FS) error {
    if _, err := db.ExecContext(ctx, createVersionTable); err != nil {
        return fmt.Errorf("migrate: creating version table: %w", err)
    }
    applied, err := appliedVersions(ctx, db)
    if err != nil {
        return err
    }
    files, err := fs.Glob(migrations, "*.sql")
    if err != nil {
        return err
    }
    sort.Strings(files)
    for _, name := range files {
        if applied[name] {
            continue
        }
        if err := apply(ctx, db, migrations, name); err != nil {
            return fmt.Errorf("migrate: %s: %w", name, err)
        }
        logrus.WithField("migration", name).Info("migration applied")
    }
    return nil
}

func apply(ctx context.Context, db *sql.DB, migrations fs.FS, name string) (err error) {
    stmt, err := fs.ReadFile(migrations, name)
    if err != nil {
        return err
    }
    tx, err := db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return err
    }
01|    defer func() {
01|        if err != nil {
01|            _ = tx.Rollback()
01|        }
01|    }()
    if _, err = tx.ExecContext(ctx, string(stmt)); err != nil {
        return err
    }
    if _, err = tx.ExecContext(ctx, insertVersion, name, time.Now().UTC()); err != nil {
        return err
    }
02|    err = tx.Commit()
02|    return err
1|    tx.Commit() //@TX-02
1|    return nil
}

func appliedVersions(ctx context.Context, db *sql.DB) (map[string]bool, error) {
    rows, err := db.QueryContext(ctx, selectVersions)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
    applied := map[string]bool{}
    for rows.Next() {
        var name string
        if err := rows.Scan(&name); err != nil {
            return nil, err
        }
        applied[name] = true
    }
    return applied, rows.Err()
}
''')
cases_of(case, GH + 'contiamo/go-base/pull/116', 'pkg/db/migrate.go',
         G('db', ['context', 'database/sql', 'fmt', 'io/fs', 'sort', 'time', '', 'github.com/sirupsen/logrus'])(GOBASE), [
             (1, 'go-00-go-base-migration-commit-error-dropped',
              'an edit ignores the error of the migration\'s commit, so a migration the database refused to commit '
              'is reported as applied and the next one runs on the old schema', 'edit'),
             (2, 'go-00-go-base-failed-migration-left-open',
              'an edit drops the deferred rollback of a failed migration, so its transaction stays open and holds '
              'its connection and locks until the pool closes it', 'edit'),
             (0, 'go-ok-00-go-base-migration-commit-error-returned',
              'clean: the fix returns the error of the migration\'s commit', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: token issuing of an RPC framework's registry (koding kite)
KITE = template('kite-kontrol-token-cache', r'''
// tokenCache remembers the tokens kontrol issued, so a kite asking again before expiry gets the same token.
type tokenCache struct {
    mu     sync.Mutex
    tokens map[string]cachedToken
}

type cachedToken struct {
    signed  string
    expires string
}

// generateToken returns a signed token for the kite that asked, reusing a cached one that is still valid.
func (k *Kontrol) generateToken(aud, username, issuer string, kp *KeyPair) (string, error) {
    key := aud + "/" + username + "/" + issuer + "/" + kp.ID
    k.tokens.mu.Lock()
    cached, ok := k.tokens.tokens[key]
    k.tokens.mu.Unlock()
    if ok && !k.tokenExpired(cached) {
        return cached.signed, nil
    }

    now := time.Now()
    claims := &kitekey.KiteClaims{
        StandardClaims: jwt.StandardClaims{
            Issuer:    issuer,
            Subject:   username,
            Audience:  aud,
            ExpiresAt: now.Add(k.tokenTTL).Add(k.tokenLeeway).Unix(),
            IssuedAt:  now.Add(-k.tokenLeeway).Unix(),
            Id:        uuid.Must(uuid.NewV4()).String(),
        },
    }
    signed, err := jwt.NewWithClaims(jwt.GetSigningMethod("RS256"), claims).SignedString(kp.privateKey)
    if err != nil {
        return "", fmt.Errorf("kontrol: signing token for %s: %w", username, err)
    }
02|    expires := now.Add(k.tokenTTL).UTC().Format(time.RFC3339)
1|    expires := now.Add(k.tokenTTL).Format("2006-01-02T15:04:05") //@TIME-01

01|    k.tokens.mu.Lock()
    k.tokens.tokens[key] = cachedToken{signed: signed, expires: expires} //@{2}CONC-03
01|    k.tokens.mu.Unlock()
    return signed, nil
}

// tokenExpired reports whether a cached token is past its expiry, keeping a margin of one leeway.
func (k *Kontrol) tokenExpired(t cachedToken) bool {
02|    expires, err := time.Parse(time.RFC3339, t.expires)
1|    expires, err := time.Parse("2006-01-02T15:04:05", t.expires)
    if err != nil {
        return true
    }
    return time.Now().Add(k.tokenLeeway).After(expires)
}
''')
cases_of(case, GH + 'koding/kite/pull/167', 'kontrol/token.go',
         G('kontrol', ['fmt', 'sync', 'time', '', 'github.com/dgrijalva/jwt-go', 'github.com/koding/kite/kitekey',
                       'github.com/satori/go.uuid'])(KITE), [
             (1, 'go-00-kite-token-expiry-stored-without-zone',
              'an edit stores the cached token\'s expiry as a local wall-clock time without its zone and reads it '
              'back as UTC, so outside UTC tokens are reissued on every call or served after they expired', 'edit'),
             (2, 'go-00-kite-token-cache-written-without-lock',
              'an edit writes the issued token into kontrol\'s cache without its lock, so kites registering at once '
              'write the map concurrently and crash kontrol', 'edit'),
             (0, 'go-ok-00-kite-token-expiry-in-utc',
              'clean: the fix stores and parses the cached expiry in UTC with its zone', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: JSON-RPC codec of an RPC library (gorilla rpc)
GORILLARPC = template('gorilla-rpc-json-codec', r'''
// serverResponse is the JSON-RPC 1.0 answer to one request.
type serverResponse struct {
    Result interface{}      `json:"result"`
    Error  interface{}      `json:"error"`
    Id     *json.RawMessage `json:"id"`
}

// CodecRequest decodes and encodes a single request.
type CodecRequest struct {
    request *serverRequest
    err     error
}

// Method returns the RPC method for the current request, "Service.Method".
func (c *CodecRequest) Method() (string, error) {
    if c.err == nil {
        return c.request.Method, nil
    }
    return "", c.err
}

// ReadRequest fills the request object for the RPC method.
func (c *CodecRequest) ReadRequest(args interface{}) error {
    if c.err == nil && c.request.Params != nil {
        params := [1]interface{}{args}
        c.err = json.Unmarshal(*c.request.Params, &params)
    }
    return c.err
}

// WriteResponse encodes the response and writes it to the ResponseWriter; a notification gets no answer.
func (c *CodecRequest) WriteResponse(w http.ResponseWriter, reply interface{}, methodErr error) error {
    if c.request.Id == nil {
        return nil
    }
    res := &serverResponse{
        Result: reply,
        Error:  &null,
        Id:     c.request.Id,
    }
    if methodErr != nil {
        res.Error = methodErr.Error()
        res.Result = &null
    }
    if c.err != nil {
        res.Error = c.err.Error()
        res.Result = &null
    }
2|    log.Printf("rpc: %s answered request %s (error: %v)", c.request.Method, *c.request.Id, res.Error) //@LOG-01
    w.Header().Set("Content-Type", "application/json; charset=utf-8")
    encoder := json.NewEncoder(w)
02|    c.err = encoder.Encode(res)
02|    return c.err
1|    encoder.Encode(res) //@ERR-01
1|    return nil
}
''')
cases_of(case, GH + 'gorilla/rpc/issues/57', 'json/server.go',
         GV('json', {0: ['encoding/json', 'net/http'], 1: ['encoding/json', 'net/http'],
                     2: ['encoding/json', 'log', 'net/http']})(GORILLARPC), [
             (1, 'go-00-gorilla-rpc-encode-error-dropped',
              'an edit ignores the error of encoding the JSON-RPC answer, so a reply that cannot be marshalled '
              'leaves an empty body with a JSON content type and the server reports success', 'edit'),
             (2, 'go-00-gorilla-rpc-every-answer-logged',
              'an edit logs every JSON-RPC answer with the standard logger, so a busy service writes one line per '
              'call on its request path', 'edit'),
             (0, 'go-ok-00-gorilla-rpc-encode-error-returned',
              'clean: the fix keeps and returns the error of encoding the answer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-01: heartbeats of a socket RPC library (gotalk), file renamed
GOTALK = template('gotalk-sock-heartbeats', r'''
// Connect opens a socket to addr and starts its heartbeats.
func Connect(how, addr string, timeout time.Duration) (*Sock, error) {
01|    c, err := net.DialTimeout(how, addr, timeout)
2|    c, err := net.Dial(how, addr) //@TMO-01
    if err != nil {
        return nil, err
    }
    s := NewSock(nil)
    s.Adopt(c)
    if err := s.Handshake(); err != nil {
        s.Close()
        return nil, err
    }
    s.startHeartbeats(timeout)
    return s, nil
}

// startHeartbeats sends a heartbeat every HeartbeatInterval until the socket closes; a heartbeat that cannot be
// written closes the socket with that error.
func (s *Sock) startHeartbeats(timeout time.Duration) {
    stopc := make(chan struct{})
    s.hbstop = stopc
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                s.CloseError(fmt.Errorf("gotalk: heartbeat stopped: %v", r))
02|            }
02|        }()
        ticker := time.NewTicker(s.HeartbeatInterval)
        defer ticker.Stop()
        for {
            select {
            case <-stopc:
                return
            case now := <-ticker.C:
                if err := s.SendHeartbeat(float32(s.loadFactor()), now); err != nil {
                    s.CloseError(err)
                    return
                }
                if err := s.conn.SetReadDeadline(now.Add(timeout + s.HeartbeatInterval)); err != nil {
                    s.CloseError(err)
                    return
                }
            }
        }
    }()
}

func (s *Sock) stopHeartbeats() {
    if s.hbstop != nil {
        close(s.hbstop)
        s.hbstop = nil
    }
}
''')
cases_of(case, GH + 'rsms/gotalk/issues/15', 'heartbeat.go',
         GV('gotalk', {0: ['fmt', 'net', 'time'], 1: ['net', 'time'], 2: ['fmt', 'net', 'time']})(GOTALK), [
             (1, 'go-00-gotalk-renamed-heartbeat-goroutine-without-recover',
              'a PR renames sock_heartbeat.go to heartbeat.go (runHeartbeats becomes startHeartbeats) and drops the '
              'recover of the heartbeat goroutine, so a heartbeat that panics on a half-closed socket ends the whole '
              'program', 'rename'),
             (2, 'go-00-gotalk-renamed-connect-dials-without-timeout',
              'a PR renames sock_heartbeat.go to heartbeat.go and dials without the caller\'s timeout, so Connect to '
              'a host that drops packets blocks its caller', 'rename'),
             (0, 'go-ok-00-gotalk-renamed-heartbeats',
              'clean: the rename alone; the dial keeps its timeout and the heartbeat goroutine recovers', 'rename'),
         ], rename_from='sock_heartbeat.go', rename_old=lambda t: t.replace('startHeartbeats', 'runHeartbeats'))


# ---------------------------------------------------------------- RES-04 / RES-02: request builder of an HTTP client library (gorequest)
GOREQUEST = template('gorequest-super-agent', r'''
// SuperAgent builds and sends one HTTP request at a time; reuse an agent to reuse its connections.
type SuperAgent struct {
    Url       string
    Method    string
    Header    http.Header
    Data      map[string]interface{}
    Client    *http.Client
    Transport *http.Transport
    Timeout   time.Duration
    Errors    []error
}

// New returns an agent with its own transport and client; both live as long as the agent.
func New() *SuperAgent {
    transport := &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        MaxIdleConnsPerHost: 8,
        IdleConnTimeout:     90 * time.Second,
    }
    return &SuperAgent{
        Header:    http.Header{},
        Data:      make(map[string]interface{}),
        Transport: transport,
        Client:    &http.Client{Transport: transport},
    }
}

// EndBytes sends the request and returns the answer with its whole body.
func (s *SuperAgent) EndBytes() (*http.Response, []byte, []error) {
    if len(s.Errors) != 0 {
        return nil, nil, s.Errors
    }
    req, err := s.MakeRequest()
    if err != nil {
        return nil, nil, append(s.Errors, err)
    }
02|    client := s.Client
1|    client := &http.Client{ //@RES-04
1|        Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 8},
1|    }
    ctx := req.Context()
    if s.Timeout > 0 {
        var cancel context.CancelFunc
        ctx, cancel = context.WithTimeout(ctx, s.Timeout)
        defer cancel()
    }
    resp, err := client.Do(req.WithContext(ctx))
    if err != nil { //@{2}RES-02
        return nil, nil, append(s.Errors, err)
    }
01|    defer resp.Body.Close()

    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, nil, append(s.Errors, err)
    }
    resp.Body = io.NopCloser(bytes.NewReader(body))
    return resp, body, nil
}

// MakeRequest builds the *http.Request for the agent's method, URL, headers and JSON data.
func (s *SuperAgent) MakeRequest() (*http.Request, error) {
    var body io.Reader
    if len(s.Data) > 0 {
        encoded, err := json.Marshal(s.Data)
        if err != nil {
            return nil, err
        }
        body = bytes.NewReader(encoded)
    }
    req, err := http.NewRequest(s.Method, s.Url, body)
    if err != nil {
        return nil, err
    }
    for name, values := range s.Header {
        req.Header[name] = values
    }
    return req, nil
}
''')
cases_of(case, GH + 'parnurzeal/gorequest/issues/16', 'gorequest.go',
         G('gorequest', ['bytes', 'context', 'encoding/json', 'io', 'net/http', 'time'])(GOREQUEST), [
             (1, 'go-00-gorequest-transport-per-request',
              'an edit sends every request through a new client and transport, so each call opens its own '
              'connection pool and the idle sockets of earlier calls pile up', 'edit'),
             (2, 'go-00-gorequest-answer-body-never-closed',
              'an edit drops the deferred close of the answer\'s body, so every request keeps its connection and '
              'file descriptor after the body was read', 'edit'),
             (0, 'go-ok-00-gorequest-shared-client',
              'clean: the fix sends every request through the agent\'s own client', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: streaming encoder of a JSON library (segmentio encoding)
SEGMENTIO = template('segmentio-json-encoder', r'''
// Encoder writes JSON values to an output stream.
type Encoder struct {
    writer io.Writer
    prefix string
    indent string
    buffer *bytes.Buffer
    err    error
    flags  AppendFlags
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
    return &Encoder{writer: w, flags: EscapeHTML | SortMapKeys}
}

// Encode writes the JSON encoding of v to the stream, followed by a newline character. The first write error is
// kept: every later call returns it without writing.
func (enc *Encoder) Encode(v interface{}) error {
    if enc.err != nil {
        return enc.err
    }

    var err error
    buf := encoderBufferPool.Get().(*encoderBuffer)
    defer encoderBufferPool.Put(buf)

    buf.data, err = Append(buf.data[:0], v, enc.flags)
    if err != nil {
        return err
    }
    buf.data = append(buf.data, '\n')
    b := buf.data

    if enc.prefix != "" || enc.indent != "" {
        if enc.buffer == nil {
            enc.buffer = new(bytes.Buffer)
        }
        enc.buffer.Reset()
        if err := Indent(enc.buffer, buf.data, enc.prefix, enc.indent); err != nil {
            return err
        }
        b = enc.buffer.Bytes()
    }

02|    if _, err = enc.writer.Write(b); err != nil {
1|    if _, err := enc.writer.Write(b); err != nil { //@ERR-01
        enc.err = err
    }
    return err
}

// codecCache maps each type to its compiled codec; codecs are built once per type and shared by every encoder.
type codecCache struct {
    mu     sync.RWMutex
    codecs map[reflect.Type]codec
}

var cache = &codecCache{codecs: make(map[reflect.Type]codec)}

func cachedCodec(t reflect.Type) codec {
    cache.mu.RLock()
    c, ok := cache.codecs[t]
    cache.mu.RUnlock()
    if ok {
        return c
    }
    c = constructCodec(t, map[reflect.Type]*structType{}, t.Kind() == reflect.Ptr)
01|    cache.mu.Lock()
    cache.codecs[t] = c //@{2}CONC-03
01|    cache.mu.Unlock()
    return c
}
''')
cases_of(case, GH + 'segmentio/encoding/pull/163', 'json/json.go',
         G('json', ['bytes', 'io', 'reflect', 'sync'])(SEGMENTIO), [
             (1, 'go-00-segmentio-encode-write-error-shadowed',
              'an edit declares a new err for the stream write, so a failed write is kept for later calls but this '
              'Encode returns nil and its caller believes the value was written', 'edit'),
             (2, 'go-00-segmentio-codec-cache-written-without-lock',
              'an edit stores a freshly built codec in the shared type cache without its write lock, so encoders '
              'of new types on several goroutines write the map at once and crash', 'edit'),
             (0, 'go-ok-00-segmentio-encode-write-error-returned',
              'clean: the fix assigns the write error to the error Encode returns', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-03: region-server connection of an HBase client (go-hbase)
GOHBASE = template('go-hbase-region-connection', r'''
// connection is one socket to a region server; a single reader goroutine hands every answer to the call that
// waits for it.
type connection struct {
    host    string
    conn    net.Conn
    in      *inputStream
    mu      sync.Mutex
    calls   map[int]*call
    ongoing bool
    onError func(error)
}

func newConnection(host string, timeout time.Duration, onError func(error)) (*connection, error) {
    conn, err := net.DialTimeout("tcp", host, timeout)
    if err != nil {
        return nil, fmt.Errorf("hbase: connecting to region server %s: %w", host, err)
    }
    c := &connection{
        host:    host,
        conn:    conn,
        in:      newInputStream(conn),
        calls:   make(map[int]*call),
        ongoing: true,
        onError: onError,
    }
    if err := c.init(); err != nil {
        conn.Close()
        return nil, err
    }
    go c.processMessages() //@{1}CONC-01
    return c, nil
}

// processMessages reads answers until the socket fails; a failure, or a panic while decoding, fails every waiting
// call and is reported once.
func (c *connection) processMessages() {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            c.fail(fmt.Errorf("hbase: reading from %s: %v", c.host, r))
02|        }
02|    }()
    for c.ongoing {
        id, payload, err := c.in.processData()
        if err != nil {
            c.fail(err)
            return
        }
        c.mu.Lock()
        cl, ok := c.calls[id]
        delete(c.calls, id)
        c.mu.Unlock()
        if ok {
            cl.complete(payload)
        }
    }
}

func (c *connection) fail(err error) {
    c.mu.Lock()
    c.ongoing = false
    calls := c.calls
    c.calls = make(map[int]*call)
    c.mu.Unlock()
    for _, cl := range calls {
        cl.complete(err)
    }
    c.conn.Close()
    c.onError(err)
}

// checkServers dials every region server once and reports those that do not answer the connection preamble.
func checkServers(hosts []string, timeout time.Duration) map[string]error {
    failed := make(map[string]error)
    for _, host := range hosts {
01|        if err := checkServer(host, timeout); err != nil {
01|            failed[host] = err
01|        }
01|    }
01|    return failed
01|}
01|
01|func checkServer(host string, timeout time.Duration) error {
01|    conn, err := net.DialTimeout("tcp", host, timeout)
01|    if err != nil {
01|        return err
01|    }
01|    defer conn.Close()
01|    if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
01|        return err
01|    }
01|    _, err = conn.Write(preamble)
01|    return err
01|}
2|        conn, err := net.DialTimeout("tcp", host, timeout)
2|        if err != nil {
2|            failed[host] = err
2|            continue
2|        }
2|        defer conn.Close() //@RES-03
2|        if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
2|            failed[host] = err
2|            continue
2|        }
2|        if _, err := conn.Write(preamble); err != nil {
2|            failed[host] = err
2|        }
2|    }
2|    return failed
2|}
''')
cases_of(case, GH + 'Lazyshot/go-hbase/issues/11', 'connection.go',
         G('hbase', ['fmt', 'net', 'sync', 'time'])(GOHBASE), [
             (1, 'go-00-go-hbase-new-connection-reader-without-recover',
              'a new region-server connection starts its reader goroutine without a recover, so one malformed or '
              'truncated answer panics in the reader and ends the application using the client', 'new'),
             (2, 'go-00-go-hbase-new-connection-check-defers-close-in-loop',
              'a new region-server connection checks every server in one loop and defers each socket\'s close, so '
              'a check of a large cluster holds every socket open until the last server answered', 'new'),
             (0, 'go-ok-00-go-hbase-new-connection',
              'clean: a new region-server connection whose reader recovers and reports a panic, each server checked '
              'in its own function', 'new'),
         ])
