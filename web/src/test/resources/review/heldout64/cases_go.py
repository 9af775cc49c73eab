"""Round-64 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-03 / TMO-02: RPC client of a data-availability node (celestia-node)
CELESTIA = template('celestia-node-rpc-client', r'''
var log = logging.Logger("rpc-client")

// Client bundles the node modules a caller talks to over one JSON-RPC connection.
type Client struct {
    Header header.API
    Blob   blob.API
    State  state.API

    closer multiClientCloser
}

// Close closes the connections of every module.
func (c *Client) Close() {
    c.closer.closeAll()
}

// NewClient connects to addr with token as bearer and wires every module's API.
func NewClient(ctx context.Context, addr string, token string) (*Client, error) {
    authHeader := http.Header{perms.AuthKey: []string{fmt.Sprintf("Bearer %s", token)}}
    return newClient(ctx, addr, authHeader)
}

// InitClient connects to addr and checks that the node answers before handing the client out.
func InitClient(parent context.Context, addr, token string, timeout time.Duration) (*Client, error) {
02|    ctx, cancel := context.WithTimeout(parent, timeout)
02|    defer cancel()
1|    ctx, _ := context.WithTimeout(parent, timeout) //@TMO-03

    client, err := NewClient(ctx, addr, token)
    if err != nil {
        return nil, fmt.Errorf("connect to node at %s: %w", addr, err)
    }
    head, err := client.Header.LocalHead(ctx)
    if err != nil {
        client.Close()
        return nil, fmt.Errorf("node at %s did not answer: %w", addr, err)
    }
    log.Infow("connected to node", "addr", addr, "height", head.Height())
    return client, nil
}

// SubmitBlob posts data under namespace ns and returns the height it was included at.
func (c *Client) SubmitBlob(ctx context.Context, ns share.Namespace, data []byte, gasPrice float64) (uint64, error) {
    b, err := blob.NewBlobV0(ns, data)
    if err != nil {
        return 0, fmt.Errorf("build blob: %w", err)
    }
    opts := state.NewTxConfig(state.WithGasPrice(gasPrice))
01|    height, err := c.Blob.Submit(ctx, []*blob.Blob{b}, opts)
2|    height, err := c.Blob.Submit(context.Background(), []*blob.Blob{b}, opts) //@TMO-02
    if err != nil {
        return 0, fmt.Errorf("submit blob of %d bytes: %w", len(data), err)
    }
    return height, nil
}
''')
cases_of(case, GH + 'celestiaorg/celestia-node/pull/4416', 'api/rpc/client/client.go',
         G('client', ['context', 'fmt', 'net/http', 'time', '', 'logging github.com/ipfs/go-log/v2', '',
                      'github.com/celestiaorg/celestia-node/api/rpc/perms',
                      'github.com/celestiaorg/celestia-node/nodebuilder/blob',
                      'github.com/celestiaorg/celestia-node/nodebuilder/header',
                      'github.com/celestiaorg/celestia-node/nodebuilder/state',
                      'github.com/celestiaorg/celestia-node/share'])(CELESTIA), [
             (1, 'go-00-celestia-node-init-client-timeout-never-cancelled',
              'an edit bounds the client\'s start-up check with a timeout context and discards its cancel, so every '
              'client initialised keeps a timer and its context until the timeout passes', 'edit'),
             (2, 'go-00-celestia-node-blob-submitted-on-background-context',
              'an edit submits a blob on a background context instead of the caller\'s, so a caller that gives up '
              'or times out leaves the submission waiting for inclusion on the node', 'edit'),
             (0, 'go-ok-00-celestia-node-init-client-timeout-cancelled',
              'clean: the fix cancels the start-up timeout context when InitClient returns', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: digest authorizer of a SIP user agent (go-sip-ua)
SIPUA = template('go-sip-ua-server-authorizer', r'''
const (
    nonceTTL    = 30 * time.Second
    nonceLayout = "2006-01-02T15:04:05"
)

type authSession struct {
    nonce   string
    realm   string
    expires string
}

// ServerAuthorizer challenges REGISTER and INVITE requests with digest authentication.
type ServerAuthorizer struct {
    realm        string
    authenticate AuthenticateCallback
    mu           sync.Mutex
    sessions     map[string]authSession
    log          log.Logger
}

// NewServerAuthorizer returns an authorizer that asks authenticate for the password of each user.
func NewServerAuthorizer(callback AuthenticateCallback, realm string, logger log.Logger) *ServerAuthorizer {
    return &ServerAuthorizer{
        realm:        realm,
        authenticate: callback,
        sessions:     make(map[string]authSession),
        log:          logger.WithPrefix("ServerAuthorizer"),
    }
}

// requestCredentials answers request with a 401 carrying a fresh nonce and remembers it by Call-ID.
func (auth *ServerAuthorizer) requestCredentials(request sip.Request, tx sip.ServerTransaction) {
    callID, ok := request.CallID()
    if !ok {
        auth.log.Errorf("request without Call-ID from %s", request.Source())
        return
    }
    nonce, err := generateNonce(16)
    if err != nil {
        auth.log.Errorf("cannot create nonce: %v", err)
        return
    }
01|    expires := time.Now().UTC().Add(nonceTTL).Format(nonceLayout)
2|    expires := time.Now().Add(nonceTTL).Format(nonceLayout) //@TIME-01
02|    auth.mu.Lock()
    auth.sessions[callID.Value()] = authSession{nonce: nonce, realm: auth.realm, expires: expires} //@{1}CONC-03
02|    auth.mu.Unlock()

    response := sip.NewResponseFromRequest(request.MessageID(), request, 401, "Unauthorized", "")
    challenge := fmt.Sprintf(`Digest realm="%s", nonce="%s", algorithm=MD5, qop="auth"`, auth.realm, nonce)
    response.AppendHeader(&sip.GenericHeader{HeaderName: "WWW-Authenticate", Contents: challenge})
    if err := tx.Respond(response); err != nil {
        auth.log.Errorf("cannot send 401 for call %s: %v", callID.Value(), err)
    }
}

// checkSession reports whether the nonce presented for callID is the one handed out and still valid.
func (auth *ServerAuthorizer) checkSession(callID, nonce string) bool {
    auth.mu.Lock()
    session, ok := auth.sessions[callID]
    if ok {
        delete(auth.sessions, callID)
    }
    auth.mu.Unlock()
    if !ok || session.nonce != nonce {
        return false
    }
    expires, err := time.Parse(nonceLayout, session.expires)
    if err != nil {
        return false
    }
    return time.Now().Before(expires)
}
''')
cases_of(case, GH + 'cloudwebrtc/go-sip-ua/pull/61', 'pkg/auth/server_authorizer.go',
         G('auth', ['fmt', 'sync', 'time', '', 'github.com/ghettovoice/gosip/log',
                    'github.com/ghettovoice/gosip/sip'])(SIPUA), [
             (1, 'go-00-go-sip-ua-challenge-written-to-session-map-unlocked',
              'an edit stores each challenged call\'s nonce in the session map without the mutex its readers take, '
              'so two REGISTERs challenged at once crash the user agent with concurrent map writes', 'edit'),
             (2, 'go-00-go-sip-ua-nonce-expiry-written-in-local-time',
              'an edit writes the nonce expiry in the machine\'s zone while it is parsed back as UTC, so on a host '
              'west of UTC every nonce looks expired and east of it nonces live for hours', 'edit'),
             (0, 'go-ok-00-go-sip-ua-challenge-written-under-lock',
              'clean: the fix takes the mutex around the session map write', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: SMPP session of an SMS gateway library (go-smpp)
SMPP = template('go-smpp-conn', r'''
// Conn is one SMPP session; each request waits for the response with its sequence number.
type Conn struct {
    conn     net.Conn
    reader   *bufio.Reader
    sequence int32
    mu       sync.Mutex
    pending  map[int32]chan pdu.Responsable
    incoming chan any
    closed   chan struct{}
}

// NewConn wraps c and starts reading PDUs from it.
func NewConn(c net.Conn) *Conn {
    conn := &Conn{
        conn:     c,
        reader:   bufio.NewReader(c),
        pending:  make(map[int32]chan pdu.Responsable),
        incoming: make(chan any, 64),
        closed:   make(chan struct{}),
    }
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("smpp: reader of %s panicked: %v", c.RemoteAddr(), r)
01|                _ = conn.Close()
01|            }
01|        }()
        conn.readLoop()
    }()
    return conn
}

// Submit sends packet and waits for its response or ctx's end.
func (c *Conn) Submit(ctx context.Context, packet pdu.Responsable) (any, error) {
    seq := atomic.AddInt32(&c.sequence, 1)
    packet.SetSequence(seq)
    wait := make(chan pdu.Responsable, 1)
02|    c.mu.Lock()
    c.pending[seq] = wait //@{1}CONC-03
02|    c.mu.Unlock()
    if _, err := packet.WriteTo(c.conn); err != nil {
        c.forget(seq)
        return nil, fmt.Errorf("smpp: write %T: %w", packet, err)
    }
    select {
    case resp := <-wait:
        return resp, nil
    case <-ctx.Done():
        c.forget(seq)
        return nil, ctx.Err()
    case <-c.closed:
        return nil, ErrConnectionClosed
    }
}

func (c *Conn) forget(seq int32) {
    c.mu.Lock()
    delete(c.pending, seq)
    c.mu.Unlock()
}

func (c *Conn) readLoop() {
    defer close(c.incoming)
    for {
        packet, err := pdu.ReadPDU(c.reader)
        if err != nil {
            return
        }
        if resp, ok := packet.(pdu.Responsable); ok && resp.IsResponse() {
            c.mu.Lock()
            wait, found := c.pending[resp.GetSequence()]
            delete(c.pending, resp.GetSequence())
            c.mu.Unlock()
            if found {
                wait <- resp
            }
            continue
        }
        c.incoming <- packet
    }
}

// Close ends the session.
func (c *Conn) Close() error {
    select {
    case <-c.closed:
        return nil
    default:
        close(c.closed)
    }
    return c.conn.Close()
}
''')
cases_of(case, GH + 'CursedHardware/go-smpp/issues/14', 'conn.go',
         G('smpp', ['bufio', 'context', 'fmt', 'log', 'net', 'sync', 'sync/atomic', '',
                    'github.com/M2MGateway/go-smpp/pdu'])(SMPP), [
             (1, 'go-00-go-smpp-pending-response-registered-unlocked',
              'an edit registers each submitted request in the pending map without the mutex the reader takes, so '
              'a busy gateway submitting from several goroutines dies with concurrent map writes', 'edit'),
             (2, 'go-00-go-smpp-reader-goroutine-without-recover',
              'an edit starts the session reader without a recover, so one malformed PDU that panics the decoder '
              'takes down the whole SMS gateway', 'edit'),
             (0, 'go-ok-00-go-smpp-pending-response-registered-under-lock',
              'clean: the fix registers pending responses under the mutex', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: WebSocket reverse proxy (websocketproxy)
WSPROXY = template('websocketproxy-serve', r'''
// ServeHTTP dials the backend, upgrades the client and copies messages both ways until one side closes.
func (w *WebsocketProxy) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
    backendURL := w.Backend(req)
    if backendURL == nil {
        http.Error(rw, "websocketproxy: backend URL is nil", http.StatusInternalServerError)
        return
    }
    dialer := w.Dialer
    if dialer == nil {
        dialer = DefaultDialer
    }

    requestHeader := http.Header{}
    if origin := req.Header.Get("Origin"); origin != "" {
        requestHeader.Add("Origin", origin)
    }
    for _, prot := range req.Header[http.CanonicalHeaderKey("Sec-WebSocket-Protocol")] {
        requestHeader.Add("Sec-WebSocket-Protocol", prot)
    }
    if clientIP, _, err := net.SplitHostPort(req.RemoteAddr); err == nil {
        requestHeader.Set("X-Forwarded-For", clientIP)
    }

    connBackend, resp, err := dialer.Dial(backendURL.String(), requestHeader)
    if err != nil {
        w.dialFailed(rw, resp, err) //@{2}RES-01
        return
    }
01|    defer connBackend.Close()

    upgrader := w.Upgrader
    if upgrader == nil {
        upgrader = DefaultUpgrader
    }
    upgradeHeader := http.Header{}
    if hdr := resp.Header.Get("Sec-Websocket-Protocol"); hdr != "" {
        upgradeHeader.Set("Sec-Websocket-Protocol", hdr)
    }
    connPub, err := upgrader.Upgrade(rw, req, upgradeHeader)
    if err != nil {
        log.Printf("websocketproxy: couldn't upgrade %s", err)
        return
    }
    defer connPub.Close()

    errClient := make(chan error, 1)
    errBackend := make(chan error, 1)
    replicate := func(dst, src *websocket.Conn, errc chan error, direction string) {
        for {
            msgType, msg, err := src.ReadMessage()
            if err != nil {
                errc <- err
                return
            }
1|            log.Printf("websocketproxy: copied %d bytes %s", len(msg), direction) //@LOG-01
            if err := dst.WriteMessage(msgType, msg); err != nil {
                errc <- err
                return
            }
        }
    }
    go replicate(connPub, connBackend, errClient, "from backend to client")
    go replicate(connBackend, connPub, errBackend, "from client to backend")

    select {
    case err = <-errClient:
        w.logUnexpected("backend to client", err)
    case err = <-errBackend:
        w.logUnexpected("client to backend", err)
    }
}
''')
cases_of(case, GH + 'koding/websocketproxy/issues/18', 'websocketproxy.go',
         G('websocketproxy', ['log', 'net', 'net/http', '', 'github.com/gorilla/websocket'])(WSPROXY), [
             (1, 'go-00-websocketproxy-every-copied-message-logged',
              'an edit logs every message the proxy copies in either direction, so a proxy with thousands of '
              'clients writes millions of log lines an hour', 'edit'),
             (2, 'go-00-websocketproxy-backend-connection-never-closed',
              'an edit drops the deferred close of the backend connection, so every proxied session whose client '
              'fails to upgrade or goes away leaves a socket to the backend open', 'edit'),
             (0, 'go-ok-00-websocketproxy-copies-without-logging',
              'clean: the fix copies messages without logging each one', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: state storage of a zk rollup node (zkevm-node)
ZKEVM = template('zkevm-node-transaction-storage', r'''
const (
    getTxsOlderThanNL1BlocksSQL = `
        SELECT hash FROM state.transaction t
        INNER JOIN state.l2block b ON t.l2_block_num = b.block_num
        WHERE b.block_num <= (SELECT MAX(block_num) FROM state.virtual_batch) - $1`
    insertTransactionSQL = `INSERT INTO state.transaction (hash, encoded, decoded, l2_block_num, effective_percentage)
        VALUES ($1, $2, $3, $4, $5)`
)

// GetTxsOlderThanNL1Blocks returns the hashes of the transactions virtualised more than nL1Blocks ago.
func (p *PostgresStorage) GetTxsOlderThanNL1Blocks(ctx context.Context, nL1Blocks uint64, dbTx pgx.Tx) ([]common.Hash, error) {
    e := p.getExecQuerier(dbTx)
    rows, err := e.Query(ctx, getTxsOlderThanNL1BlocksSQL, nL1Blocks)
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer rows.Close()

    hashes := make([]common.Hash, 0, len(rows.RawValues()))
    for rows.Next() {
        var hash string
        if err := rows.Scan(&hash); err != nil {
            return nil, err
        }
        hashes = append(hashes, common.HexToHash(hash))
    }
    return hashes, rows.Err()
}

// AddL2BlockTransactions stores the transactions of one L2 block in a transaction of its own.
func (p *PostgresStorage) AddL2BlockTransactions(ctx context.Context, blockNumber uint64, txs []*types.Transaction, percentages []uint8) error {
    dbTx, err := p.Begin(ctx)
    if err != nil { //@{2}TX-01
        return err
    }
01|    defer func() { _ = dbTx.Rollback(ctx) }()
    for i, tx := range txs {
        encoded, err := tx.MarshalBinary()
        if err != nil {
            return fmt.Errorf("encode tx %s: %w", tx.Hash(), err)
        }
        decoded, err := tx.MarshalJSON()
        if err != nil {
            return fmt.Errorf("decode tx %s: %w", tx.Hash(), err)
        }
        if _, err := dbTx.Exec(ctx, insertTransactionSQL, tx.Hash().String(), hex.EncodeToHex(encoded), string(decoded),
            blockNumber, percentages[i]); err != nil {
            return err
        }
    }
    return dbTx.Commit(ctx)
}
''')
cases_of(case, GH + '0xPolygon/zkevm-node/issues/3444', 'state/pgstatestorage/transaction.go',
         G('pgstatestorage', ['context', 'fmt', '', 'github.com/0xPolygonHermez/zkevm-node/hex',
                              'github.com/ethereum/go-ethereum/common', 'github.com/ethereum/go-ethereum/core/types',
                              'github.com/jackc/pgx/v4'])(ZKEVM), [
             (1, 'go-00-zkevm-node-old-transactions-rows-never-closed',
              'an edit drops the deferred close of the rows of old transactions, so a scan that fails part way '
              'keeps its pooled connection and the state database runs out of connections', 'edit'),
             (2, 'go-00-zkevm-node-block-transactions-not-rolled-back',
              'an edit drops the deferred rollback of the transaction storing a block\'s transactions, so a failed '
              'encode or insert returns with the transaction and its connection still open', 'edit'),
             (0, 'go-ok-00-zkevm-node-old-transactions-rows-closed',
              'clean: the fix closes the rows by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: JSON-RPC client of a block explorer (gochain explorer), moved
EXPLORER = template('gochain-explorer-rpc-client', r'''
// RPCClient calls a GoChain node's JSON-RPC API.
type RPCClient struct {
    url    string
    client *http.Client
}

type rpcRequest struct {
    JSONRPC string        `json:"jsonrpc"`
    ID      int           `json:"id"`
    Method  string        `json:"method"`
    Params  []interface{} `json:"params"`
}

type rpcResponse struct {
    Result json.RawMessage `json:"result"`
    Error  *struct {
        Code    int    `json:"code"`
        Message string `json:"message"`
    } `json:"error"`
}

// NewRPCClient returns a client of the node at url.
func NewRPCClient(url string) *RPCClient {
02|    return &RPCClient{url: url, client: &http.Client{Timeout: 15 * time.Second}}
1|    return &RPCClient{url: url, client: &http.Client{}} //@TMO-01
}

func (c *RPCClient) call(ctx context.Context, method string, result interface{}, params ...interface{}) error {
    body, err := json.Marshal(rpcRequest{JSONRPC: "2.0", ID: 1, Method: method, Params: params})
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.client.Do(req)
    if err != nil { //@{2}RES-02
        return fmt.Errorf("%s: %w", method, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("%s: node answered %s", method, resp.Status)
    }
    var out rpcResponse
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return fmt.Errorf("%s: decode: %w", method, err)
    }
    if out.Error != nil {
        return fmt.Errorf("%s: %d %s", method, out.Error.Code, out.Error.Message)
    }
    return json.Unmarshal(out.Result, result)
}

// BlockNumber returns the number of the node's newest block.
func (c *RPCClient) BlockNumber(ctx context.Context) (uint64, error) {
    var hexNumber string
    if err := c.call(ctx, "eth_blockNumber", &hexNumber); err != nil {
        return 0, err
    }
    return strconv.ParseUint(strings.TrimPrefix(hexNumber, "0x"), 16, 64)
}
''')
EXPLORER_IMPORTS = ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'strconv', 'strings', 'time']
cases_of(case, GH + 'gochain/explorer/pull/488', 'server/backend/rpc_client.go',
         GV('backend', {0: EXPLORER_IMPORTS, 1: [i for i in EXPLORER_IMPORTS if i != 'time'],
                        2: EXPLORER_IMPORTS})(EXPLORER), [
             (1, 'go-00-gochain-explorer-moved-rpc-client-without-timeout',
              'a PR moves the node\'s RPC client into its own file and builds its HTTP client without a timeout, so '
              'a node that stops answering stalls the explorer\'s block importer forever', 'rename'),
             (2, 'go-00-gochain-explorer-moved-rpc-response-never-closed',
              'a PR moves the node\'s RPC client into its own file and drops the close of each response body, so '
              'every call keeps a connection and the importer runs out of sockets', 'rename'),
             (0, 'go-ok-00-gochain-explorer-moved-rpc-client',
              'clean: the move alone; the HTTP client has a timeout and each response body is closed', 'rename'),
         ], rename_from='server/backend/rpc.go',
         rename_old=lambda t: t.replace('NewRPCClient', 'newRPCClient'))


# ---------------------------------------------------------------- TMO-01 / RES-04: RPC client of a blockchain node (canopy)
CANOPY = template('canopy-rpc-client', r'''
const (
    ApplicationJSON = "application/json"
    defaultTimeout  = 10 * time.Second
)

// Client calls a canopy node's public and admin RPC servers.
type Client struct {
    rpcURL   string
    adminURL string
    h        http.Client
}

// NewClient returns a client of the node's RPC at rpcURL and its admin RPC at adminURL.
func NewClient(rpcURL, adminURL string) *Client {
02|    return &Client{rpcURL: rpcURL, adminURL: adminURL, h: http.Client{Timeout: defaultTimeout}}
1|    return &Client{rpcURL: rpcURL, adminURL: adminURL, h: http.Client{}} //@TMO-01
}

// Height returns the node's current block height.
func (c *Client) Height() (*uint64, error) {
    out := new(heightResponse)
    if err := c.post(HeightRouteName, nil, out, false); err != nil {
        return nil, err
    }
    return &out.Height, nil
}

func (c *Client) post(routeName string, json []byte, ptr any, admin bool) error {
    base := c.rpcURL
    if admin {
        base = c.adminURL
    }
    url := base + routePaths[routeName].Path
01|    resp, err := c.h.Post(url, ApplicationJSON, bytes.NewBuffer(json))
2|    client := &http.Client{Timeout: defaultTimeout} //@RES-04
2|    resp, err := client.Post(url, ApplicationJSON, bytes.NewBuffer(json))
    if err != nil {
        return fmt.Errorf("post %s: %w", routeName, err)
    }
    defer resp.Body.Close()
    bz, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("read %s: %w", routeName, err)
    }
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("%s: %s: %s", routeName, resp.Status, bz)
    }
    return lib.UnmarshalJSON(bz, ptr)
}
''')
cases_of(case, GH + 'canopy-network/canopy/pull/554', 'cmd/rpc/client.go',
         G('rpc', ['bytes', 'fmt', 'io', 'net/http', 'time', '', 'github.com/canopy-network/canopy/lib'])(CANOPY), [
             (1, 'go-00-canopy-rpc-client-without-timeout',
              'an edit builds the node client\'s HTTP client without a timeout, so a node that accepts the '
              'connection and never answers hangs the command line and every tool using the client', 'edit'),
             (2, 'go-00-canopy-http-client-per-rpc-call',
              'an edit builds a new HTTP client for every RPC call, so no connection is reused and a busy wallet '
              'opens a fresh TCP and TLS session for each request', 'edit'),
             (0, 'go-ok-00-canopy-rpc-client-with-timeout',
              'clean: the fix gives the shared HTTP client a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: packet receiver of an MQTT broker (volantmq)
VOLANTMQ = template('volantmq-receiver', r'''
type receiver struct {
    conn      net.Conn
    version   mqttp.ProtocolVersion
    keepAlive time.Duration
    onPacket  func(mqttp.IFace) error
    onError   func(error)
    wg        sync.WaitGroup
    log       *zap.Logger
}

func (r *receiver) start() {
    r.wg.Add(1)
    go func() { //@{2}CONC-01
        defer r.wg.Done()
01|        defer func() {
01|            if rec := recover(); rec != nil {
01|                r.log.Error("receiver panicked", zap.Any("panic", rec), zap.Stack("stack"))
01|                r.onError(fmt.Errorf("receiver panic: %v", rec))
01|            }
01|        }()
        r.run()
    }()
}

func (r *receiver) run() {
    buf := bufio.NewReader(r.conn)
    for {
        if r.keepAlive > 0 {
            if err := r.conn.SetReadDeadline(time.Now().Add(r.keepAlive + r.keepAlive/2)); err != nil {
                r.onError(err)
                return
            }
        }
        header, err := buf.Peek(2)
        if err != nil {
            r.onError(err)
            return
        }
        length, err := mqttp.RemainingLength(header)
        if err != nil {
            r.onError(err)
            return
        }
        raw := make([]byte, length)
        if _, err := io.ReadFull(buf, raw); err != nil {
            r.onError(err)
            return
        }
        pkt, _, err := mqttp.Decode(r.version, raw)
        if err != nil {
02|            r.onError(err)
            return //@{1}ERR-01
        }
        if err := r.onPacket(pkt); err != nil {
            r.onError(err)
            return
        }
    }
}
''')
cases_of(case, GH + 'VolantMQ/volantmq/issues/80', 'connection/receiver.go',
         G('connection', ['bufio', 'fmt', 'io', 'net', 'sync', 'time', '', 'github.com/VolantMQ/vlapi/mqttp',
                          'go.uber.org/zap'])(VOLANTMQ), [
             (1, 'go-00-volantmq-decode-error-dropped',
              'an edit returns from the receiver on a malformed packet without reporting the decode error, so the '
              'connection is left half open and the client is never told why it stopped being served', 'edit'),
             (2, 'go-00-volantmq-receiver-goroutine-without-recover',
              'an edit starts the connection\'s receiver goroutine without a recover, so one packet that panics the '
              'handler takes the broker down for every client', 'edit'),
             (0, 'go-ok-00-volantmq-decode-error-reported',
              'clean: the fix reports the decode error before the receiver returns', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: JSON-RPC execution client of a rollup node (go-execution), new file
EXECUTION = template('go-execution-jsonrpc-client', r'''
// Client is the execution client a rollup node uses over JSON-RPC.
type Client struct {
    endpoint string
    http     *http.Client
    nextID   atomic.Uint64
}

// NewClient returns a client of endpoint whose every call is bounded by timeout.
func NewClient(endpoint string, timeout time.Duration) *Client {
02|    return &Client{endpoint: endpoint, http: &http.Client{Timeout: timeout}}
1|    return &Client{endpoint: endpoint, http: &http.Client{}} //@TMO-01
}

type request struct {
    JSONRPC string `json:"jsonrpc"`
    ID      uint64 `json:"id"`
    Method  string `json:"method"`
    Params  any    `json:"params"`
}

type response struct {
    Result json.RawMessage `json:"result"`
    Error  *Error          `json:"error"`
}

// ExecuteTxs runs txs on top of prevStateRoot at height and returns the new state root.
func (c *Client) ExecuteTxs(ctx context.Context, txs []types.Tx, height uint64, ts time.Time, prevStateRoot types.Hash) (types.Hash, error) {
    var out struct {
        StateRoot types.Hash `json:"state_root"`
    }
    params := map[string]any{"txs": txs, "height": height, "timestamp": ts.UTC().Unix(), "prev_state_root": prevStateRoot}
    if err := c.call(ctx, "execution_executeTxs", params, &out); err != nil {
        return types.Hash{}, err
    }
    return out.StateRoot, nil
}

func (c *Client) call(ctx context.Context, method string, params any, result any) error {
    body, err := json.Marshal(request{JSONRPC: "2.0", ID: c.nextID.Add(1), Method: method, Params: params})
    if err != nil {
        return fmt.Errorf("encode %s: %w", method, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.http.Do(req)
    if err != nil {
        return fmt.Errorf("%s: %w", method, err)
    }
    defer resp.Body.Close()
    raw, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("read %s response: %w", method, err)
    }
    var out response
01|    if err := json.Unmarshal(raw, &out); err != nil {
01|        return fmt.Errorf("decode %s response: %w", method, err)
01|    }
2|    _ = json.Unmarshal(raw, &out) //@ERR-01
    if out.Error != nil {
        return out.Error
    }
    return json.Unmarshal(out.Result, result)
}
''')
cases_of(case, GH + 'evstack/go-execution/issues/32', 'proxy/jsonrpc/client.go',
         G('jsonrpc', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'sync/atomic', 'time', '',
                       'github.com/rollkit/go-execution/types'])(EXECUTION), [
             (1, 'go-00-go-execution-new-jsonrpc-client-without-timeout',
              'a new JSON-RPC execution client builds its HTTP client without a timeout although it takes one, so '
              'an execution layer that stops answering stalls block production for good', 'new'),
             (2, 'go-00-go-execution-new-jsonrpc-client-decode-error-dropped',
              'a new JSON-RPC execution client ignores the error of decoding each answer, so a proxy\'s HTML error '
              'page is read as an empty success and the rollup commits a zero state root', 'new'),
             (0, 'go-ok-00-go-execution-new-jsonrpc-client',
              'clean: a new JSON-RPC client whose HTTP client has the timeout and whose decode errors are returned',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-02: settlement tracker of a payment channel service (mysterium payments)
PAYMENTS = template('mysterium-payments-settlements', r'''
// Tracker follows settlements of payment channels on chain and records them in the database.
type Tracker struct {
    db        *sql.DB
    bc        *Blockchain
    bcTimeout time.Duration
}

// SettledAmount reads how much of channelID the hermes has settled so far.
func (t *Tracker) SettledAmount(ctx context.Context, hermes common.Address, channelID [32]byte) (*big.Int, error) {
    caller, err := bindings.NewHermesImplementationCaller(hermes, t.bc.Client())
    if err != nil {
        return nil, fmt.Errorf("bind hermes %s: %w", hermes.Hex(), err)
    }
02|    ctx, cancel := context.WithTimeout(ctx, t.bcTimeout)
02|    defer cancel()
02|    channel, err := caller.Channels(&bind.CallOpts{Context: ctx}, channelID)
1|    channel, err := caller.Channels(&bind.CallOpts{Context: context.Background()}, channelID) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("read channel %x: %w", channelID, err)
    }
    return channel.Settled, nil
}

// RecordSettlement stores a settlement the chain confirmed and adds it to the channel's settled total.
func (t *Tracker) RecordSettlement(ctx context.Context, channelID [32]byte, amount *big.Int, txHash common.Hash) error {
    tx, err := t.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin settlement of %x: %w", channelID, err)
    }
    defer func() { _ = tx.Rollback() }()

    id := common.Bytes2Hex(channelID[:])
    if _, err := tx.ExecContext(ctx, `update channels set settled = settled + $1 where id = $2`, amount.String(), id); err != nil {
        return fmt.Errorf("update channel %s: %w", id, err)
    }
    if _, err := tx.ExecContext(ctx, `insert into settlements (channel_id, amount, tx_hash, settled_at) values ($1, $2, $3, now())`,
        id, amount.String(), txHash.Hex()); err != nil {
        return fmt.Errorf("insert settlement %s: %w", txHash.Hex(), err)
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'mysteriumnetwork/payments/issues/108', 'client/settlements.go',
         G('client', ['context', 'database/sql', 'fmt', 'math/big', 'time', '',
                      'github.com/ethereum/go-ethereum/accounts/abi/bind', 'github.com/ethereum/go-ethereum/common',
                      'github.com/mysteriumnetwork/payments/bindings'])(PAYMENTS), [
             (1, 'go-00-mysterium-payments-channel-read-on-background-context',
              'an edit reads a channel from the chain on a background context instead of the caller\'s bounded one, '
              'so a stuck Ethereum node hangs the settlement check with no deadline', 'edit'),
             (2, 'go-00-mysterium-payments-settlement-commit-unchecked',
              'an edit ignores the error of committing a recorded settlement, so a settlement the database refused '
              'is reported as stored and the channel\'s settled total drifts from the chain', 'edit'),
             (0, 'go-ok-00-mysterium-payments-channel-read-bounded',
              'clean: the fix reads the channel on the caller\'s context bounded by the chain timeout', 'fix'),
         ])
