"""Round-54 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / ERR-01: UDP event loop of a real-time network framework (getty)
GETTY = template('getty-udp-event-loop', r'''
// runUDPEventLoop binds the UDP endpoint and serves its single session until the server stops.
func (s *server) runUDPEventLoop(newSession NewSessionCallback) {
    var (
        err  error
        conn *net.UDPConn
        ss   Session
    )

    localAddr, err := net.ResolveUDPAddr("udp", s.addr)
    if err != nil {
        logger.Errorf("resolve udp address %s: %v", s.addr, err)
        return
    }
    if conn, err = net.ListenUDP("udp", localAddr); err != nil {
        logger.Errorf("listen udp %s: %v", s.addr, err)
        return
    }
    s.pktListener = conn
    ss = newUDPSession(conn, s)
01|    if err = newSession(ss); err != nil {
01|        _ = conn.Close()
01|        logger.Errorf("new udp session on %s: %v", s.addr, err)
01|        return
01|    }
2|    _ = newSession(ss) //@ERR-01

    s.wg.Add(1)
    go func() { //@{1}CONC-01
        defer s.wg.Done()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                logger.Errorf("udp event loop on %s panicked: %v\n%s", s.addr, r, debug.Stack())
02|                _ = conn.Close()
02|            }
02|        }()
        ss.(*session).run()
        <-s.done
        logger.Infof("udp event loop on %s stopped", s.addr)
    }()
}

// stop closes the listeners and waits for the event loops to return.
func (s *server) stop() {
    s.lock.Lock()
    defer s.lock.Unlock()
    if s.pktListener != nil {
        _ = s.pktListener.Close()
        s.pktListener = nil
    }
    close(s.done)
    s.wg.Wait()
}
''')
GETTY_BASE = ['net', '', 'github.com/dubbogo/gost/log/logger']
cases_of(case, GH + 'AlexStocks/getty/issues/125', 'transport/server.go',
         GV('getty', {0: ['net', 'runtime/debug', '', 'github.com/dubbogo/gost/log/logger'], 1: GETTY_BASE,
                      2: ['net', 'runtime/debug', '', 'github.com/dubbogo/gost/log/logger']})(GETTY), [
             (1, 'go-00-getty-udp-loop-goroutine-without-recover',
              'an edit drops the recover of the UDP event loop\'s goroutine, so a panic in a session callback '
              'takes the whole server process down', 'edit'),
             (2, 'go-00-getty-udp-new-session-error-ignored',
              'an edit discards the error of the new-session callback, so a UDP endpoint whose setup failed '
              'keeps serving a half-built session', 'edit'),
             (0, 'go-ok-00-getty-udp-loop-recovered-session-error-checked',
              'clean: the fix recovers the event loop\'s panics; a failed session setup closes the socket', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: PRUDP packet reader of a game server library (nex-go)
NEX = template('nex-go-prudp-listen', r'''
// startPacketWorkers starts the fixed set of goroutines that process queued packets.
func (ps *PRUDPServer) startPacketWorkers() {
    for i := 0; i < ps.packetWorkers; i++ {
        go ps.packetWorker()
    }
}

// listenDatagram reads PRUDP packets from the socket and hands each to the packet workers.
func (ps *PRUDPServer) listenDatagram(quit chan struct{}) {
    buffer := make([]byte, 64000)

    for {
        select {
        case <-quit:
            return
        default:
        }

        read, addr, err := ps.udpSocket.ReadFromUDP(buffer)
        if err != nil {
            if errors.Is(err, net.ErrClosed) {
                return
            }
            logger.Errorf("PRUDP read failed: %v", err)
            continue
        }

        packet := &datagram{addr: addr, data: append([]byte(nil), buffer[:read]...)}
2|        logger.Infof("PRUDP packet of %d bytes from %s", read, addr) //@LOG-01
02|        select {
02|        case ps.packetQueue <- packet:
02|        default:
02|            ps.droppedPackets.Add(1)
02|        }
1|        go ps.handleSocketMessage(packet) //@CONC-02
    }
}

// packetWorker handles queued packets one at a time until the queue is closed.
func (ps *PRUDPServer) packetWorker() {
    for packet := range ps.packetQueue {
        ps.handleSocketMessage(packet)
    }
}
''')
cases_of(case, GH + 'PretendoNetwork/nex-go/issues/71', 'prudp_server.go',
         G('nex', ['errors', 'net', '', 'github.com/PretendoNetwork/plogger-go'])(NEX), [
             (1, 'go-00-nex-go-goroutine-per-packet',
              'an edit starts a goroutine for every received packet instead of queueing it for the workers, so a '
              'busy game server piles up goroutines without bound', 'edit'),
             (2, 'go-00-nex-go-every-packet-logged',
              'an edit logs every received packet at INFO, so a server handling thousands of packets a second '
              'floods its log', 'edit'),
             (0, 'go-ok-00-nex-go-packets-queued-for-workers',
              'clean: the fix queues each packet for the fixed set of workers and counts what a full queue drops',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: JSON-RPC client of an Ethereum library (ethrpc)
ETHRPC = template('ethrpc-call', r'''
02|// defaultTimeout bounds every call to the node, connection to last byte.
02|const defaultTimeout = 30 * time.Second
02|
// EthRPC is a JSON-RPC client of one Ethereum node.
type EthRPC struct {
    url    string
    client httpClient
    log    logger
    Debug  bool
}

// New returns a JSON-RPC client for the node at url.
func New(url string, options ...func(rpc *EthRPC)) *EthRPC {
    rpc := &EthRPC{
        url:    url,
02|        client: &http.Client{Timeout: defaultTimeout},
1|        client: new(http.Client), //@TMO-01
        log:    log.New(os.Stderr, "", log.LstdFlags),
    }
    for _, option := range options {
        option(rpc)
    }
    return rpc
}

// CallContext sends one JSON-RPC request and returns the raw result.
func (rpc *EthRPC) CallContext(ctx context.Context, method string, params ...interface{}) (json.RawMessage, error) {
    request := ethRequest{ID: 1, JSONRPC: "2.0", Method: method, Params: params}
    body, err := json.Marshal(request)
    if err != nil {
        return nil, err
    }

01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, rpc.url, bytes.NewReader(body))
2|    req, err := http.NewRequest(http.MethodPost, rpc.url, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")
    response, err := rpc.client.Do(req)
    if err != nil {
        return nil, err
    }
    defer response.Body.Close()

    data, err := io.ReadAll(response.Body)
    if err != nil {
        return nil, err
    }
    if rpc.Debug {
        rpc.log.Println(fmt.Sprintf("%s\nRequest: %s\nResponse: %s\n", method, body, data))
    }

    resp := new(ethResponse)
    if err := json.Unmarshal(data, resp); err != nil {
        return nil, err
    }
    if resp.Error != nil {
        return nil, *resp.Error
    }
    return resp.Result, nil
}
''')
ETH_BASE = ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'log', 'net/http', 'os']
cases_of(case, GH + 'onrik/ethrpc/issues/12', 'ethrpc.go',
         GV('ethrpc', {0: ETH_BASE + ['time'], 1: ETH_BASE, 2: ETH_BASE + ['time']})(ETHRPC), [
             (1, 'go-00-ethrpc-client-without-timeout',
              'an edit builds the RPC client\'s HTTP client without a timeout, so a node that stops answering '
              'hangs the calling service forever', 'edit'),
             (2, 'go-00-ethrpc-call-ignores-context',
              'an edit builds the RPC request without the caller\'s context, so a cancelled or timed-out caller '
              'still waits for the node', 'edit'),
             (0, 'go-ok-00-ethrpc-client-timeout-context-request',
              'clean: the fix gives the HTTP client a timeout; each request carries the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-03: multipart upload of an S3 library (go-amz)
AMZ = template('go-amz-multi-parts', r'''
// putPart uploads one part and returns its ETag.
func (m *Multi) putPart(n int, r io.ReadSeeker, size int64, md5b64 string) (Part, error) {
    headers := http.Header{}
    headers.Set("Content-Length", strconv.FormatInt(size, 10))
    headers.Set("Content-MD5", md5b64)
    params := url.Values{}
    params.Set("uploadId", m.UploadId)
    params.Set("partNumber", strconv.Itoa(n))

    if _, err := r.Seek(0, io.SeekStart); err != nil {
        return Part{}, err
    }
    req, err := m.Bucket.newRequest(http.MethodPut, m.Key, params, headers, r)
    if err != nil {
        return Part{}, err
    }
    resp, err := m.Bucket.S3.client.Do(req)
    if err != nil { //@{1}RES-02
        return Part{}, err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return Part{}, buildError(resp)
    }
    etag := resp.Header.Get("ETag")
    if etag == "" {
        return Part{}, errors.New("s3: part upload answered without an ETag")
    }
    return Part{N: n, ETag: etag, Size: size}, nil
}

// ListParts returns every part uploaded so far, following the listing's pages.
func (m *Multi) ListParts() ([]Part, error) {
    params := url.Values{}
    params.Set("uploadId", m.UploadId)
    params.Set("max-parts", strconv.Itoa(listPartsMax))

    var parts partSlice
    for {
        req, err := m.Bucket.newRequest(http.MethodGet, m.Key, params, nil, nil)
        if err != nil {
            return nil, err
        }
        listing, err := m.Bucket.S3.client.Do(req)
        if err != nil {
            return nil, err
        }
2|        defer listing.Body.Close() //@RES-03
        var page listPartsResp
        err = xml.NewDecoder(listing.Body).Decode(&page)
01|        if closeErr := listing.Body.Close(); err == nil {
01|            err = closeErr
01|        }
        if err != nil {
            return nil, fmt.Errorf("s3: decode part listing of %s: %w", m.Key, err)
        }
        parts = append(parts, page.Part...)
        if !page.IsTruncated {
            break
        }
        params.Set("part-number-marker", page.NextPartNumberMarker)
    }
    sort.Sort(parts)
    return parts, nil
}
''')
cases_of(case, GH + 'go-amz/amz/pull/55', 's3/multi.go',
         G('s3', ['encoding/xml', 'errors', 'fmt', 'io', 'net/http', 'net/url', 'sort', 'strconv'])(AMZ), [
             (1, 'go-00-amz-part-upload-body-never-closed',
              'an edit drops the deferred close of each part upload\'s answer, so a large multipart upload leaks '
              'a connection per part', 'edit'),
             (2, 'go-00-amz-part-listing-close-deferred-in-loop',
              'an edit defers the close of each listing page inside the paging loop, so every page of a long part '
              'listing stays open until the whole listing returns', 'edit'),
             (0, 'go-ok-00-amz-part-bodies-closed',
              'clean: the fix closes each part upload\'s answer by defer; each listing page is closed after its '
              'decode', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: IRC message handling of a Twitch chat client (go-twitch-irc)
TWITCH = template('go-twitch-irc-join', r'''
// handleJoinMessage records a user who joined a channel this client reads.
func (c *Client) handleJoinMessage(message UserJoinMessage) {
02|    c.channelsMtx.Lock()
    users, ok := c.channelUserlist[message.Channel]
    if !ok {
        users = make(map[string]bool)
        c.channelUserlist[message.Channel] = users //@{1}CONC-03
    }
    users[message.User] = true
02|    c.channelsMtx.Unlock()

    if c.onUserJoin != nil {
        c.onUserJoin(message)
    }
}

// parseTimestamp reads the tmi-sent-ts tag, milliseconds since the epoch, falling back to the receive time.
func parseTimestamp(tags map[string]string) time.Time {
    if raw, ok := tags["tmi-sent-ts"]; ok {
        if ms, err := strconv.ParseInt(raw, 10, 64); err == nil {
            return time.UnixMilli(ms).UTC()
        }
    }
01|    return time.Now().UTC()
2|    return time.Now() //@TIME-01
}
''')
cases_of(case, GH + 'gempir/go-twitch-irc/issues/66', 'client.go',
         G('twitch', ['strconv', 'time'])(TWITCH), [
             (1, 'go-00-twitch-irc-user-list-written-without-lock',
              'an edit drops the channel lock around the user-list update, so joins read on the connection '
              'goroutine race with the list\'s readers and crash the bot with concurrent map writes', 'edit'),
             (2, 'go-00-twitch-irc-receive-time-in-host-zone',
              'an edit takes the fallback receive time of a message in the host\'s zone, so messages without a '
              'server timestamp sort hours away from the others', 'edit'),
             (0, 'go-ok-00-twitch-irc-locked-user-list-utc-time',
              'clean: the fix updates the user list under the channel lock; times are in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: remote JSON authorizer of an identity proxy (oathkeeper)
OATHKEEPER = template('oathkeeper-remote-json', r'''
// NewAuthorizerRemoteJSON creates the authorizer with one HTTP client for every call.
func NewAuthorizerRemoteJSON(c configuration.Provider) *AuthorizerRemoteJSON {
    return &AuthorizerRemoteJSON{
        c:      c,
        client: &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}},
    }
}

// Authorize asks the remote endpoint whether the subject may access the request.
func (a *AuthorizerRemoteJSON) Authorize(r *http.Request, session *authn.AuthenticationSession, config json.RawMessage, _ pipeline.Rule) error {
    c, err := a.Config(config)
    if err != nil {
        return err
    }

    var body bytes.Buffer
    if err := c.PayloadTemplate.Execute(&body, session); err != nil {
        return errors.WithStack(err)
    }

01|    req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, c.Remote, &body)
2|    req, err := http.NewRequest(http.MethodPost, c.Remote, &body) //@TMO-02
    if err != nil {
        return errors.WithStack(err)
    }
    req.Header.Set("Content-Type", "application/json")
    if auth := r.Header.Get("Authorization"); auth != "" {
        req.Header.Set("Authorization", auth)
    }

1|    client := &http.Client{Timeout: c.Timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 32}} //@RES-04
1|    res, err := client.Do(req)
02|    res, err := a.client.Do(req)
    if err != nil {
        return errors.WithStack(err)
    }
    defer res.Body.Close()

    switch res.StatusCode {
    case http.StatusOK:
        return nil
    case http.StatusForbidden:
        return errors.WithStack(helper.ErrForbidden)
    default:
        return errors.Errorf("expected status code %d but got %d", http.StatusOK, res.StatusCode)
    }
}
''')
cases_of(case, GH + 'ory/oathkeeper/issues/1045', 'pipeline/authz/remote_json.go',
         G('authz', ['bytes', 'encoding/json', 'net/http', 'time', '', 'github.com/pkg/errors', '',
                     'github.com/ory/oathkeeper/driver/configuration', 'github.com/ory/oathkeeper/helper',
                     'github.com/ory/oathkeeper/pipeline', 'github.com/ory/oathkeeper/pipeline/authn'])(OATHKEEPER), [
             (1, 'go-00-oathkeeper-authorizer-client-per-request',
              'an edit builds a new HTTP client and transport for every authorization call, so each proxied '
              'request opens a fresh connection to the policy endpoint', 'edit'),
             (2, 'go-00-oathkeeper-authorizer-request-without-context',
              'an edit builds the authorization request without the incoming request\'s context, so a client '
              'that gave up still holds a call to the policy endpoint', 'edit'),
             (0, 'go-ok-00-oathkeeper-authorizer-shared-client-request-context',
              'clean: the fix sends every authorization through the shared client; the request carries the '
              'incoming context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: router discovery of a network monitor (netpulse), new file
NETPULSE = template('netpulse-discover', r'''
const (
    scanWorkers  = 100
    probeTimeout = 3 * time.Second
)

var probeClient = &http.Client{Timeout: 2 * probeTimeout}

// Routers probes every host of the subnet and returns those answering like an OpenWrt router.
func Routers(ctx context.Context, subnet string) ([]Router, error) {
    hosts, err := hostsOf(subnet)
    if err != nil {
        return nil, err
    }
    open := pool(ctx, hosts, scanWorkers, func(ctx context.Context, host string) bool {
        return tcpOpen(ctx, host, 80)
    })
    var routers []Router
    for _, host := range open {
02|        info, err := probeUbus(ctx, host)
1|        info, err := probeUbus(context.Background(), host) //@TMO-02
        if err != nil {
            continue
        }
        routers = append(routers, Router{Host: host, Model: info.Model, Release: info.Release.Description})
    }
    if err := ctx.Err(); err != nil {
        return nil, err
    }
    return routers, nil
}

// probeUbus asks the host's ubus JSON-RPC endpoint for its board information.
func probeUbus(ctx context.Context, host string) (*boardInfo, error) {
01|    probeCtx, cancel := context.WithTimeout(ctx, probeTimeout)
01|    defer cancel()
2|    probeCtx, _ := context.WithTimeout(ctx, probeTimeout) //@TMO-03
    body := strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"call","params":["00000000000000000000000000000000","system","board",{}]}`)
    req, err := http.NewRequestWithContext(probeCtx, http.MethodPost, "http://"+host+"/ubus", body)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")
    resp, err := probeClient.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()

    var answer ubusAnswer
    if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
        return nil, fmt.Errorf("decode ubus answer of %s: %w", host, err)
    }
    return answer.board()
}

// tcpOpen reports whether host accepts a TCP connection on port before the probe timeout.
func tcpOpen(ctx context.Context, host string, port int) bool {
    dialer := net.Dialer{Timeout: probeTimeout}
    conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
    if err != nil {
        return false
    }
    _ = conn.Close()
    return true
}
''')
cases_of(case, GH + 'gnacho/netpulse/pull/123', 'internal/discover/discover.go',
         G('discover', ['context', 'encoding/json', 'fmt', 'net', 'net/http', 'strconv', 'strings', 'time'])(NETPULSE), [
             (1, 'go-00-netpulse-new-discover-probe-on-background-context',
              'a new discovery package probes each open host on a background context, so a scan whose caller '
              'gave up keeps probing the whole subnet', 'new'),
             (2, 'go-00-netpulse-new-discover-probe-timeout-never-cancelled',
              'a new discovery package discards the cancel of each probe\'s timeout context, so every probe '
              'leaves a timer behind until it fires', 'new'),
             (0, 'go-ok-00-netpulse-new-discover-caller-context-cancelled',
              'clean: a new discovery package passing the caller\'s context to every probe and cancelling each '
              'probe\'s timeout', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: block indexer of a blockchain web3 gateway (oasis-web3-gateway), renamed
OASIS = template('oasis-block-indexer', r'''
const indexBlockTimeout = 30 * time.Second

// indexBlock fetches one round's block and transactions and stores them.
func (s *Service) indexBlock(round uint64) error {
    ctx, cancel := context.WithTimeout(s.ctx, indexBlockTimeout) //@{1}TMO-03
02|    defer cancel()
    blk, err := s.client.GetBlock(ctx, round)
    if err != nil {
        return fmt.Errorf("querying block: %w", err)
    }

    if s.blockGasLimit == 0 {
        params, err := s.core.GetParameters(ctx, round)
        if err != nil {
            return fmt.Errorf("querying block gas limit: %w", err)
        }
        s.blockGasLimit = params.MaxBatchGas
    }

01|    txs, err := s.client.GetTransactionsWithResults(ctx, blk.Header.Round)
01|    if err != nil {
01|        return fmt.Errorf("querying transactions with results: %w", err)
01|    }
2|    txs, _ := s.client.GetTransactionsWithResults(ctx, blk.Header.Round) //@ERR-01

    err = s.backend.Index(blk, txs, s.blockGasLimit)
1|    cancel()
    if err != nil {
        return fmt.Errorf("indexing block %d: %w", round, err)
    }
    return nil
}

// indexRounds indexes every round from the next unindexed one up to the latest.
func (s *Service) indexRounds(latest uint64) error {
    for round := s.nextRound; round <= latest; round++ {
        if err := s.indexBlock(round); err != nil {
            return fmt.Errorf("round %d: %w", round, err)
        }
        s.nextRound = round + 1
    }
    return nil
}
''')
cases_of(case, GH + 'oasisprotocol/oasis-web3-gateway/pull/238', 'indexer/block_indexer.go',
         G('indexer', ['context', 'fmt', 'time'])(OASIS), [
             (1, 'go-00-oasis-moved-indexer-cancel-on-success-only',
              'a PR moves the block indexing into its own file and cancels its timeout context only after a '
              'successful fetch, so every failed round leaves a timer behind', 'rename'),
             (2, 'go-00-oasis-moved-indexer-transactions-error-ignored',
              'a PR moves the block indexing into its own file and ignores the error of the transaction query, '
              'so a round whose query failed is indexed as a block without transactions', 'rename'),
             (0, 'go-ok-00-oasis-moved-indexer-cancel-deferred-errors-checked',
              'clean: the move alone; the timeout context cancelled by defer, every query error returned',
              'rename'),
         ], rename_from='indexer/indexer.go',
         rename_old=lambda t: t.replace('indexBlockTimeout', 'blockTimeout'))


# ---------------------------------------------------------------- TIME-01 / RES-01: epoch parser and profile loader of a forensic type library (vtypes)
VTYPES = template('vtypes-epoch-profile', r'''
// EpochTimestamp parses an integer count of seconds (or a fraction of them) since 1970.
type EpochTimestamp struct {
    parser Parser
    factor int64
}

// Parse reads the timestamp's integer at offset and converts it to a time.
func (self *EpochTimestamp) Parse(scope vfilter.Scope, reader io.ReaderAt, offset int64) interface{} {
    value, ok := toInt64(self.parser.Parse(scope, reader, offset))
    if !ok {
        return vfilter.Null{}
    }
    sec, nsec := value/self.factor, (value%self.factor)*(1e9/self.factor)
02|    return time.Unix(sec, nsec).UTC()
1|    return time.Unix(sec, nsec) //@TIME-01
}

// LoadProfileFile reads a JSON profile of type definitions from path and adds it to the profile.
func (self *Profile) LoadProfileFile(path string) error {
    fd, err := os.Open(path)
    if err != nil { //@{2}RES-01
        return fmt.Errorf("open profile %s: %w", path, err)
    }
01|    defer fd.Close()

    data, err := io.ReadAll(io.LimitReader(fd, maxProfileSize))
    if err != nil {
        return fmt.Errorf("read profile %s: %w", path, err)
    }
    return self.ParseStructDefinitions(string(data))
}
''')
cases_of(case, GH + 'Velocidex/vtypes/pull/6', 'epoch.go',
         G('vtypes', ['fmt', 'io', 'os', 'time', '', 'www.velocidex.com/golang/vfilter'])(VTYPES), [
             (1, 'go-00-vtypes-epoch-in-host-zone',
              'an edit returns parsed epoch times in the host\'s zone, so the same artifact shows different times '
              'on collectors in different zones', 'edit'),
             (2, 'go-00-vtypes-profile-file-never-closed',
              'an edit drops the deferred close of a loaded profile file, so every profile load leaks a file '
              'descriptor', 'edit'),
             (0, 'go-ok-00-vtypes-utc-epoch-profile-closed',
              'clean: the fix returns epoch times in UTC; the profile file is closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: user address storage of a crypto reserve's statistics (reserve-stats)
RESERVE = template('reserve-stats-user-addresses', r'''
// UpdateUserAddresses replaces the addresses of a user in one transaction.
func (s *DB) UpdateUserAddresses(email string, addrs []common.Address, timestamps []time.Time) (err error) {
    tx, err := s.db.Beginx()
    if err != nil { //@{1}TX-01
        return err
    }
02|    defer func() {
02|        if err != nil {
02|            if rbErr := tx.Rollback(); rbErr != nil {
02|                s.sugar.Errorw("rollback of address update failed", "email", email, "err", rbErr)
02|            }
02|        }
02|    }()

    var userID uint64
    if err = tx.Get(&userID, `SELECT id FROM users WHERE email = $1`, email); err != nil {
        return err
    }
    if _, err = tx.Exec(`DELETE FROM addresses WHERE user_id = $1`, userID); err != nil {
        return err
    }
    for i, addr := range addrs {
        if _, err = tx.Exec(`INSERT INTO addresses (address, timestamp, user_id) VALUES ($1, $2, $3)`,
            addr.Hex(), timestamps[i].UTC(), userID); err != nil {
            return err
        }
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'KyberNetwork/reserve-stats/pull/144', 'users/storage/postgres.go',
         G('storage', ['time', '', 'github.com/ethereum/go-ethereum/common'])(RESERVE), [
             (1, 'go-00-reserve-stats-address-update-not-rolled-back',
              'an edit drops the deferred rollback of the address update, so a failed insert leaves the '
              'transaction open and its connection out of the pool', 'edit'),
             (2, 'go-00-reserve-stats-address-commit-error-ignored',
              'an edit ignores the error of the address update\'s commit, so a refused commit reports the user\'s '
              'addresses as saved', 'edit'),
             (0, 'go-ok-00-reserve-stats-address-update-rolled-back-commit-checked',
              'clean: the fix rolls a failed update back by defer and returns the commit\'s error', 'fix'),
         ])
