"""Round-65 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: HTTP client of a book's cache server (go-implement-your-cache-server)
CACHESERVER = template('cache-server-http-client', r'''
const defaultTimeout = 5 * time.Second

// Client talks to one node of the cache server over its HTTP interface.
type Client struct {
    server string
    client *http.Client
}

// New returns a client for the node at server ("host:port").
func New(server string) *Client {
01|    return &Client{server: server, client: &http.Client{Timeout: defaultTimeout}}
2|    return &Client{server: server, client: &http.Client{}} //@TMO-01
}

func (c *Client) url(key string) string {
    return "http://" + c.server + "/cache/" + key
}

// Get reads the value stored under key; a key the node does not hold gives an empty value.
func (c *Client) Get(key string) (string, error) {
    resp, err := c.client.Get(c.url(key))
    if err != nil { //@{1}RES-02
        return "", err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        return "", nil
    }
    if resp.StatusCode != http.StatusOK {
        return "", errors.New("cache get " + key + ": " + resp.Status)
    }
    b, err := io.ReadAll(resp.Body)
    if err != nil {
        return "", err
    }
    return string(b), nil
}

// Set stores value under key.
func (c *Client) Set(key, value string) error {
    req, err := http.NewRequest(http.MethodPut, c.url(key), strings.NewReader(value))
    if err != nil {
        return err
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return errors.New("cache set " + key + ": " + resp.Status)
    }
    return nil
}

// Del removes key from the node.
func (c *Client) Del(key string) error {
    req, err := http.NewRequest(http.MethodDelete, c.url(key), nil)
    if err != nil {
        return err
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return errors.New("cache del " + key + ": " + resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'stuarthu/go-implement-your-cache-server/issues/4', 'cacheclient/http.go',
         G('cacheclient', ['errors', 'io', 'net/http', 'strings', 'time'])(CACHESERVER), [
             (1, 'go-00-cache-server-get-body-never-closed',
              'an edit reads the value from the response but drops the deferred close of its body, so every Get '
              'keeps its connection out of the client\'s pool', 'edit'),
             (2, 'go-00-cache-server-client-without-timeout',
              'an edit builds the cache client\'s http.Client without a timeout, so a node that accepts and never '
              'answers blocks every caller for good', 'edit'),
             (0, 'go-ok-00-cache-server-get-body-closed',
              'clean: the fix closes the Get response body by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: read requests of a hook-driven TFTP server (hooktftp)
HOOKTFTP = template('hooktftp-read-requests', r'''
// Server answers TFTP read requests with the output of the hook that matches the requested path.
type Server struct {
    conn    *net.UDPConn
    hooks   []Hook
    timeout time.Duration
}

// Serve reads requests until the listening connection is closed.
func (s *Server) Serve() error {
    buf := make([]byte, 1500)
    for {
        n, addr, err := s.conn.ReadFromUDP(buf)
        if err != nil {
            return err
        }
        req, err := parseRRQ(buf[:n])
        if err != nil {
            log.Printf("hooktftp: bad request from %s: %v", addr, err)
            continue
        }
01|        go func() {
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.Printf("hooktftp: panic serving %s to %s: %v", req.Path, addr, r)
01|                }
01|            }()
01|            s.serve(req, addr)
01|        }()
2|        go s.serve(req, addr) //@CONC-01
    }
}

// serve sends the hook's output to addr from a connection of its own, one block at a time.
func (s *Server) serve(req *Request, addr *net.UDPAddr) {
    conn, err := net.DialUDP("udp", nil, addr)
    if err != nil {
        log.Printf("hooktftp: dial %s: %v", addr, err) //@{1}RES-01
        return
    }
02|    defer conn.Close()
    hook := s.match(req.Path)
    if hook == nil {
        sendError(conn, errNotFound, "no hook for "+req.Path)
        return
    }
    out, err := hook.Run(req.Path)
    if err != nil {
        sendError(conn, errNotDefined, err.Error())
        return
    }
    defer out.Close()
    if err := sendBlocks(conn, out, s.timeout); err != nil {
        log.Printf("hooktftp: sending %s to %s: %v", req.Path, addr, err)
    }
}
''')
cases_of(case, GH + 'tftp-go-team/hooktftp/issues/22', 'hooktftp/server.go',
         G('hooktftp', ['log', 'net', 'time'])(HOOKTFTP), [
             (1, 'go-00-hooktftp-reply-connection-kept-on-error',
              'an edit drops the deferred close of the reply connection each read request dials, so every request '
              'that fails or finds no hook keeps a socket open and the server runs out of descriptors', 'edit'),
             (2, 'go-00-hooktftp-request-goroutine-without-recover',
              'an edit serves each read request on a bare goroutine, so one hook output that panics the sender '
              'ends the TFTP server for every client', 'edit'),
             (0, 'go-ok-00-hooktftp-reply-connection-closed',
              'clean: the fix closes the reply connection by defer on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: named database connections of a small REST toolkit (grest)
GREST = template('grest-db-connections', r'''
// DB keeps the named connections a service opened, so handlers can look them up by name.
type DB struct {
    mu    sync.RWMutex
    conns map[string]*sql.DB
}

// NewDB returns an empty set of connections.
func NewDB() *DB {
    return &DB{conns: make(map[string]*sql.DB)}
}

// RegisterConn opens and keeps a connection under name.
func (db *DB) RegisterConn(name, driver, dsn string) error {
    conn, err := sql.Open(driver, dsn)
    if err != nil {
        return fmt.Errorf("open %s: %w", name, err)
    }
    db.mu.Lock()
    db.conns[name] = conn
    db.mu.Unlock()
    return nil
}

// Conn returns the connection registered under name.
func (db *DB) Conn(name string) (*sql.DB, error) {
    db.mu.RLock()
    defer db.mu.RUnlock()
    conn, ok := db.conns[name]
    if !ok {
        return nil, fmt.Errorf("connection %q is not registered", name)
    }
    return conn, nil
}

// CloseConn closes the connection registered under name and forgets it.
func (db *DB) CloseConn(name string) error {
02|    db.mu.Lock()
    conn, ok := db.conns[name]
    if !ok {
02|        db.mu.Unlock()
        return nil
    }
    delete(db.conns, name) //@{1}CONC-03
02|    db.mu.Unlock()
01|    if err := conn.Close(); err != nil {
01|        return fmt.Errorf("close %s: %w", name, err)
01|    }
2|    conn.Close() //@ERR-01
    return nil
}
''')
cases_of(case, GH + 'zahir-core/grest/issues/36', 'db.go',
         G('grest', ['database/sql', 'fmt', 'sync'])(GREST), [
             (1, 'go-00-grest-close-conn-map-written-without-lock',
              'an edit looks up and deletes the named connection without the lock, so handlers closing '
              'connections while others register them crash the service with concurrent map writes', 'edit'),
             (2, 'go-00-grest-close-conn-error-dropped',
              'an edit drops the error of closing the named connection, so a pool that fails to close is '
              'reported as closed', 'edit'),
             (0, 'go-ok-00-grest-close-conn-under-lock',
              'clean: the fix looks up and deletes the connection under the lock', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: document store of a time-series database (seriesly)
SERIESLY = template('seriesly-store-docs', r'''
// storeDocs writes a batch of timestamped documents into dbname in one transaction.
func (d *dbStore) storeDocs(dbname string, docs []Doc) error {
    tx, err := d.db.Begin()
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin %s: %w", dbname, err)
    }
02|    defer tx.Rollback()

    stmt, err := tx.Prepare(`INSERT OR REPLACE INTO docs (db, ts, body) VALUES (?, ?, ?)`)
    if err != nil {
        return fmt.Errorf("prepare %s: %w", dbname, err)
    }
    defer stmt.Close()

    for _, doc := range docs {
        body, err := json.Marshal(doc.Body)
        if err != nil {
            return fmt.Errorf("encode %s/%s: %w", dbname, doc.Key, err)
        }
        if _, err := stmt.Exec(dbname, doc.Key, body); err != nil {
            return fmt.Errorf("store %s/%s: %w", dbname, doc.Key, err)
        }
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit %s: %w", dbname, err)
01|    }
2|    tx.Commit() //@TX-02
    d.stats.stored(dbname, len(docs))
    return nil
}
''')
cases_of(case, GH + 'dustin/seriesly/issues/42', 'store.go',
         G('main', ['encoding/json', 'fmt'])(SERIESLY), [
             (1, 'go-00-seriesly-batch-not-rolled-back-on-error',
              'an edit drops the deferred rollback of the batch transaction, so a document that fails to encode '
              'or store leaves the transaction open and the SQLite database locked', 'edit'),
             (2, 'go-00-seriesly-batch-commit-unchecked',
              'an edit calls Commit without looking at its error, so a batch the database refused is counted '
              'as stored', 'edit'),
             (0, 'go-ok-00-seriesly-batch-rolled-back',
              'clean: the fix rolls the batch back by defer when it does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-03: spamd client (go-spamc)
SPAMC = template('go-spamc-client', r'''
// Client sends messages to a spamd daemon.
type Client struct {
    addr    string
    timeout time.Duration
    user    string
}

func (c *Client) dial() (net.Conn, error) {
02|    conn, err := net.DialTimeout("tcp", c.addr, c.timeout)
1|    conn, err := net.Dial("tcp", c.addr) //@TMO-01
    if err != nil {
        return nil, err
    }
    if c.timeout > 0 {
        conn.SetDeadline(time.Now().Add(c.timeout))
    }
    return conn, nil
}

// Check asks spamd for the score of one message.
func (c *Client) Check(msg []byte) (*Result, error) {
    conn, err := c.dial()
    if err != nil {
        return nil, err
    }
    defer conn.Close()
    return c.roundTrip(conn, "CHECK", msg)
}

// CheckAll scores every message, in order; the first failure stops the run.
func (c *Client) CheckAll(msgs [][]byte) ([]*Result, error) {
    results := make([]*Result, 0, len(msgs))
    for i, msg := range msgs {
01|        res, err := c.Check(msg)
2|        conn, err := c.dial()
2|        if err != nil {
2|            return results, fmt.Errorf("message %d: %w", i, err)
2|        }
2|        defer conn.Close() //@RES-03
2|        res, err := c.roundTrip(conn, "CHECK", msg)
        if err != nil {
            return results, fmt.Errorf("message %d: %w", i, err)
        }
        results = append(results, res)
    }
    return results, nil
}
''')
cases_of(case, GH + 'saintienn/go-spamc/pull/1', 'spamc.go',
         G('spamc', ['fmt', 'net', 'time'])(SPAMC), [
             (1, 'go-00-spamc-dial-without-timeout',
              'an edit dials spamd with net.Dial, so a daemon host that drops packets blocks the mail filter '
              'in connect for minutes despite the configured timeout', 'edit'),
             (2, 'go-00-spamc-check-all-defers-close-in-loop',
              'an edit dials spamd inline for each message of a batch and defers each close inside the loop, '
              'so a large batch holds one connection per message until it ends', 'edit'),
             (0, 'go-ok-00-spamc-dial-with-timeout',
              'clean: the fix dials spamd with the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: page tokens of a Go toolkit (gkit)
GKIT = template('gkit-page-token', r'''
const layout = "2006-01-02 15:04:05"

// PageToken encodes paging positions with the time they were issued, so stale tokens can be refused.
type PageToken struct {
    salt   string
    maxAge time.Duration
    mu     sync.Mutex
    issued map[string]int
}

// New returns a token encoder whose tokens expire after maxAge.
func New(salt string, maxAge time.Duration) *PageToken {
    return &PageToken{salt: salt, maxAge: maxAge, issued: make(map[string]int)}
}

// ForIndex returns the token for a listing position.
func (p *PageToken) ForIndex(index int) string {
02|    generated := time.Now().UTC().Format(layout)
1|    generated := time.Now().Format(layout) //@TIME-01
    raw := fmt.Sprintf("%s%s%d", p.salt, generated, index)
    token := base64.RawURLEncoding.EncodeToString([]byte(raw))
01|    p.mu.Lock()
    p.issued[token] = index //@{2}CONC-03
01|    p.mu.Unlock()
    return token
}

// GetIndex decodes a token, refusing unknown and expired ones.
func (p *PageToken) GetIndex(token string) (int, error) {
    p.mu.Lock()
    index, ok := p.issued[token]
    p.mu.Unlock()
    if !ok {
        return 0, errors.New("page token: unknown token")
    }
    raw, err := base64.RawURLEncoding.DecodeString(token)
    if err != nil {
        return 0, fmt.Errorf("page token: %w", err)
    }
    text := strings.TrimPrefix(string(raw), p.salt)
    if len(text) < len(layout) {
        return 0, errors.New("page token: too short")
    }
    generated, err := time.Parse(layout, text[:len(layout)])
    if err != nil {
        return 0, fmt.Errorf("page token: %w", err)
    }
    if time.Since(generated) > p.maxAge {
        return 0, errors.New("page token: expired")
    }
    return index, nil
}
''')
cases_of(case, GH + 'songzhibin97/gkit/pull/57', 'page_token/page_token.go',
         G('page_token', ['encoding/base64', 'errors', 'fmt', 'strings', 'sync', 'time'])(GKIT), [
             (1, 'go-00-gkit-page-token-issued-in-local-time',
              'an edit writes the issue time of a page token in local time while it is parsed as UTC, so on a '
              'host east of UTC every token is refused as expired and west of it tokens live hours too long',
              'edit'),
             (2, 'go-00-gkit-page-token-map-written-without-lock',
              'an edit records each issued token in the shared map without the encoder\'s lock, so concurrent '
              'listings crash the service with concurrent map writes', 'edit'),
             (0, 'go-ok-00-gkit-page-token-issued-in-utc',
              'clean: the fix writes the issue time in UTC like the parser reads it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: player connections of a Minecraft proxy (GoLilyPad)
LILYPAD = template('golilypad-proxy-connections', r'''
// ListenAndServe accepts players and bridges each one to its backend server.
func (p *Proxy) ListenAndServe() error {
    ln, err := net.Listen("tcp", p.addr)
    if err != nil {
        return err
    }
    p.listener = ln
    for {
        conn, err := ln.Accept()
        if err != nil {
            if p.closed() {
                return nil
            }
            log.Printf("proxy: accept: %v", err)
            time.Sleep(50 * time.Millisecond)
            continue
        }
02|        go func() {
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    log.Printf("proxy: session %s panicked: %v", conn.RemoteAddr(), r)
02|                    conn.Close()
02|                }
02|            }()
02|            p.handle(conn)
02|        }()
1|        go p.handle(conn) //@CONC-01
    }
}

// forward copies packets from one side of a session to the other until either side fails.
func (p *Proxy) forward(s *Session, from *PacketReader, to *PacketWriter) error {
    for {
        packet, err := from.ReadPacket()
        if err != nil {
            return err
        }
2|        log.Printf("proxy: %s packet 0x%02x (%d bytes)", s.Name, packet.ID, len(packet.Data)) //@LOG-01
        if packet.ID == packetKick {
            s.kicked = true
        }
        if err := to.WritePacket(packet); err != nil {
            return err
        }
        s.bytes += int64(len(packet.Data))
    }
}
''')
cases_of(case, GH + 'LilyPad/GoLilyPad/pull/14', 'server/proxy/proxy.go',
         G('proxy', ['log', 'net', 'time'])(LILYPAD), [
             (1, 'go-00-golilypad-session-goroutine-without-recover',
              'an edit serves each player on a bare goroutine, so one malformed handshake that panics the '
              'session takes the whole proxy and every connected player down', 'edit'),
             (2, 'go-00-golilypad-every-packet-logged',
              'an edit logs every forwarded packet, so each connected player writes thousands of log lines a '
              'minute', 'edit'),
             (0, 'go-ok-00-golilypad-session-goroutine-recovers',
              'clean: the fix recovers, logs and closes a session that panics', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: credentials API of an internal access tool, renamed (key-conjurer)
KEYCONJURER = template('key-conjurer-handlers', r'''
// GetTemporaryCredentials exchanges the caller's identity-provider session for cloud credentials.
func (h *Handler) GetTemporaryCredentials(w http.ResponseWriter, r *http.Request) {
    body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
    if err != nil {
        http.Error(w, "could not read request", http.StatusBadRequest)
        return
    }
    var req CredentialsRequest
02|    if err := json.Unmarshal(body, &req); err != nil {
02|        http.Error(w, "malformed request: "+err.Error(), http.StatusBadRequest)
02|        return
02|    }
1|    json.Unmarshal(body, &req) //@ERR-01
    if req.TimeoutInHours < 1 || req.TimeoutInHours > 8 {
        req.TimeoutInHours = 1
    }
    assertion, err := h.authenticate(r.Context(), req.Username, req.Password)
    if err != nil {
        h.log.Printf("authentication of %s failed: %v", req.Username, err)
        http.Error(w, "authentication failed", http.StatusUnauthorized)
        return
    }
    creds, err := h.provider.Assume(r.Context(), req.AppID, assertion, req.TimeoutInHours)
    if err != nil {
        http.Error(w, "could not assume role", http.StatusBadGateway)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    json.NewEncoder(w).Encode(creds)
}

// authenticate logs the user in at the identity provider and returns its SAML assertion.
func (h *Handler) authenticate(ctx context.Context, username, password string) (string, error) {
    form := url.Values{"username": {username}, "password": {password}}
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.idpURL+"/api/v1/authn", strings.NewReader(form.Encode()))
    if err != nil {
        return "", err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    resp, err := h.client.Do(req)
    if err != nil { //@{2}RES-02
        return "", err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("identity provider answered %s", resp.Status)
    }
2|    defer resp.Body.Close()
    var out struct {
        Assertion string `json:"assertion"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return "", err
    }
    return out.Assertion, nil
}
''')
KEYCONJURER_IMPORTS = ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'strings']
cases_of(case, GH + 'RiotGames/key-conjurer/pull/23', 'api/handlers.go',
         G('api', KEYCONJURER_IMPORTS)(KEYCONJURER), [
             (1, 'go-00-key-conjurer-moved-handler-decode-error-dropped',
              'a PR moves the credentials handler into its own file and drops the check of the request\'s JSON '
              'decoding, so a malformed request is served as an empty one with default values', 'rename'),
             (2, 'go-00-key-conjurer-moved-handler-failed-login-body-open',
              'a PR moves the credentials handler into its own file and defers the close of the identity '
              'provider\'s answer past the status check, so every failed login keeps its connection', 'rename'),
             (0, 'go-ok-00-key-conjurer-moved-handler',
              'clean: the move alone; the request is decoded with its error checked and the answer closed on '
              'every path', 'rename'),
         ], rename_from='api/lambda.go')


# ---------------------------------------------------------------- RES-01 / TMO-03: TCP forwarding of a port forwarder (pofwd)
POFWD = template('pofwd-tcp-forward', r'''
// forwardTCP connects a client to the remote end of its rule and copies bytes both ways until either side closes.
func forwardTCP(local net.Conn, rule *Rule) {
    defer local.Close()

01|    ctx, cancel := context.WithTimeout(context.Background(), dialTimeout)
0|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), dialTimeout) //@TMO-03
    var d net.Dialer
    remote, err := d.DialContext(ctx, rule.RemoteNet, rule.RemoteAddr)
    if err != nil {
        log.Printf("pofwd: %s -> %s: %v", local.RemoteAddr(), rule.RemoteAddr, err) //@{1}RES-01
        return
    }
02|    defer remote.Close()

    done := make(chan struct{}, 2)
    go func() {
        io.Copy(remote, local)
        if tcp, ok := remote.(*net.TCPConn); ok {
            tcp.CloseWrite()
        }
        done <- struct{}{}
    }()
    go func() {
        io.Copy(local, remote)
        if tcp, ok := local.(*net.TCPConn); ok {
            tcp.CloseWrite()
        }
        done <- struct{}{}
    }()
    <-done
    <-done
}
''')
cases_of(case, GH + 'm13253/pofwd/issues/1', 'tcp.go',
         G('main', ['context', 'io', 'log', 'net'])(POFWD), [
             (1, 'go-00-pofwd-remote-connection-only-half-closed',
              'an edit drops the deferred close of the remote connection and leaves only the half-closes of the '
              'copies, so every forwarded session keeps a descriptor and the forwarder reports too many open '
              'files after a few weeks', 'edit'),
             (2, 'go-00-pofwd-dial-timeout-never-cancelled',
              'an edit bounds the dial with a timeout context and drops its cancel, so every forwarded session '
              'keeps a timer alive until the dial timeout passes', 'edit'),
             (0, 'go-ok-00-pofwd-remote-connection-closed',
              'clean: the fix closes the remote connection by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: check store of a small monitoring service (seer)
SEER = template('seer-check-store', r'''
// CheckStore keeps the results of monitoring checks in PostgreSQL.
type CheckStore struct {
    db      *sql.DB
    timeout time.Duration
}

// NewCheckStore returns a store whose queries are bounded by timeout.
func NewCheckStore(db *sql.DB, timeout time.Duration) *CheckStore {
    return &CheckStore{db: db, timeout: timeout}
}

// Latest returns the newest result of every check of a service.
func (s *CheckStore) Latest(ctx context.Context, service string) ([]Result, error) {
0|    ctx, cancel := context.WithTimeout(ctx, s.timeout)
0|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, s.timeout) //@TMO-03
02|    rows, err := s.db.QueryContext(ctx,
1|    rows, err := s.db.QueryContext(context.Background(), //@TMO-02
        `SELECT DISTINCT ON (check_name) check_name, status, output, checked_at
           FROM results WHERE service = $1 ORDER BY check_name, checked_at DESC`, service)
    if err != nil {
        return nil, fmt.Errorf("latest results of %s: %w", service, err)
    }
    defer rows.Close()
    var out []Result
    for rows.Next() {
        var r Result
        if err := rows.Scan(&r.Check, &r.Status, &r.Output, &r.CheckedAt); err != nil {
            return nil, err
        }
        out = append(out, r)
    }
    return out, rows.Err()
}

// Record stores one result.
func (s *CheckStore) Record(ctx context.Context, service string, r Result) error {
    ctx, cancel := context.WithTimeout(ctx, s.timeout)
    defer cancel()
    _, err := s.db.ExecContext(ctx,
        `INSERT INTO results (service, check_name, status, output, checked_at) VALUES ($1, $2, $3, $4, $5)`,
        service, r.Check, r.Status, r.Output, r.CheckedAt.UTC())
    if err != nil {
        return fmt.Errorf("record %s/%s: %w", service, r.Check, err)
    }
    return nil
}
''')
cases_of(case, GH + 'MuratDoganer/seer/pull/105', 'store/checks.go',
         G('store', ['context', 'database/sql', 'fmt', 'time'])(SEER), [
             (1, 'go-00-seer-new-store-latest-on-background-context',
              'a new check store queries the latest results on a background context, so a slow database holds '
              'the dashboard request after its caller gave up and the store\'s timeout never applies', 'new'),
             (2, 'go-00-seer-new-store-latest-timeout-never-cancelled',
              'a new check store bounds the latest-results query with a timeout context and drops its cancel, '
              'so every dashboard refresh leaves a timer alive until the timeout passes', 'new'),
             (0, 'go-ok-00-seer-new-store-bounded',
              'clean: a new check store whose queries run on the caller\'s context, bounded and cancelled', 'new'),
         ])
