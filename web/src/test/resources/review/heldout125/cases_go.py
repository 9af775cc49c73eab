"""Round-125 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / ERR-01: peer store of a blockchain node's p2p network (go-algorand)
ALGOPEERSTORE = template('algorand-peerstore-wait-time', r'''
// PeerStore keeps the addresses, roles and recent connection times of the peers the node dials. The gossip network,
// the catch-up service and the phonebook refresher all call it at once, so every method holds the store's lock.
type PeerStore struct {
    mu                            sync.Mutex
    data                          map[peer.ID]*addressData
    connectionsRateLimitingCount  uint
    connectionsRateLimitingWindow time.Duration
}

type addressData struct {
    recentConnectionTimes []time.Time
    roles                 phonebook.RoleSet
}

// GetConnectionWaitTime reports whether the peer may be dialled now; if not, how long to wait before the next try.
func (ps *PeerStore) GetConnectionWaitTime(addrOrPeerID string) (bool, time.Duration, time.Time) {
    curTime := time.Now()
01|    peerID, err := peerIDFromAddrOrID(addrOrPeerID)
01|    if err != nil {
01|        return false, 0 /* not used */, curTime /* not used */
01|    }
2|    peerID, _ := peerIDFromAddrOrID(addrOrPeerID) //@ERR-01
02|    ps.mu.Lock()
02|    defer ps.mu.Unlock()
    ad, ok := ps.data[peerID] //@{1}CONC-03
    if !ok {
        return false, 0 /* not used */, curTime /* not used */
    }

    // Remove from the connection times the ones older than the rate limiting window.
    expired := 0
    for _, t := range ad.recentConnectionTimes {
        if curTime.Sub(t) <= ps.connectionsRateLimitingWindow {
            break
        }
        expired++
    }
    ad.recentConnectionTimes = ad.recentConnectionTimes[expired:]

    if uint(len(ad.recentConnectionTimes)) < ps.connectionsRateLimitingCount {
        ad.recentConnectionTimes = append(ad.recentConnectionTimes, curTime)
        return true, 0 /* no wait */, curTime
    }
    oldest := ad.recentConnectionTimes[0]
    return false, ps.connectionsRateLimitingWindow - curTime.Sub(oldest), curTime
}

// UpdateConnectionTime replaces the provisional time handed out by GetConnectionWaitTime with the real dial time.
func (ps *PeerStore) UpdateConnectionTime(addrOrPeerID string, provisionalTime time.Time) bool {
    peerID, err := peerIDFromAddrOrID(addrOrPeerID)
    if err != nil {
        return false
    }
    ps.mu.Lock()
    defer ps.mu.Unlock()
    ad, ok := ps.data[peerID]
    if !ok {
        return false
    }
    for i, t := range ad.recentConnectionTimes {
        if t.Equal(provisionalTime) {
            ad.recentConnectionTimes = append(ad.recentConnectionTimes[:i], ad.recentConnectionTimes[i+1:]...)
            ad.recentConnectionTimes = append(ad.recentConnectionTimes, time.Now())
            return true
        }
    }
    return false
}
''')
_ALGO = ['sync', 'time', '', 'github.com/algorand/go-algorand/network/phonebook', 'github.com/libp2p/go-libp2p/core/peer']
cases_of(case, GH + 'algorand/go-algorand/pull/6261', 'network/p2p/peerstore/peerstore.go',
         G('peerstore', _ALGO)(ALGOPEERSTORE), [
             (1, 'go-00-algorand-peerstore-wait-time-reads-unlocked',
              'an edit drops the store lock from GetConnectionWaitTime, so the gossip and catch-up services trim and '
              'append the same connection times at once', 'edit'),
             (2, 'go-00-algorand-peerstore-peer-id-error-dropped',
              'an edit discards the error of parsing the address or peer id and looks the empty id up instead',
              'edit'),
             (0, 'go-ok-00-algorand-peerstore-wait-time-locked',
              'clean: the fix takes the store lock before reading and trimming the connection times', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: sequencer conductor client of a rollup node (optimism op-node)
OPCONDUCTOR = template('op-node-conductor-client', r'''
// ConductorClient asks op-conductor whether this sequencer is the leader before it publishes a block, and commits
// unsafe payloads to the conductor's raft log.
type ConductorClient struct {
    cfg       *Config
    metrics   *metrics.Metrics
    log       log.Logger
    apiClient *conductorRpc.APIClient
    timeout   time.Duration
}

func (c *ConductorClient) initialize(ctx context.Context) error {
    if c.apiClient != nil {
        return nil
    }
    endpoint, err := retry.Do(ctx, 60, retry.Exponential(), func() (string, error) {
        return c.cfg.ConductorRpc(ctx)
    })
    if err != nil {
        return fmt.Errorf("no conductor RPC endpoint available: %w", err)
    }
02|    conductorRpcClient, err := dial.DialRPCClientWithTimeout(ctx, time.Minute*1, c.log, endpoint)
1|    conductorRpcClient, err := dial.DialRPCClientWithTimeout(context.Background(), time.Minute*1, c.log, endpoint) //@TMO-02
    if err != nil {
        return fmt.Errorf("failed to dial conductor RPC: %w", err)
    }
    c.apiClient = conductorRpc.NewAPIClient(conductorRpcClient)
    return nil
}

// Leader reports whether this sequencer is the raft leader. A conductor that does not answer in time counts as an
// error, so the sequencer stops producing blocks rather than producing them twice.
func (c *ConductorClient) Leader(ctx context.Context) (bool, error) {
    if err := c.initialize(ctx); err != nil {
        return false, err
    }
01|    ctx, cancel := context.WithTimeout(ctx, c.timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.timeout) //@TMO-03

    isLeader, err := retry.Do(ctx, 2, retry.Fixed(50*time.Millisecond), func() (bool, error) {
        record := c.metrics.RecordRPCClientRequest("conductor_leader")
        result, err := c.apiClient.Leader(ctx)
        record(err)
        if err != nil {
            c.log.Error("Failed to check conductor for leadership", "err", err)
        }
        return result, err
    })
    return isLeader, err
}
''')
_OPC = ['context', 'fmt', 'time', '', 'github.com/ethereum/go-ethereum/log', '',
        'conductorRpc github.com/ethereum-optimism/optimism/op-conductor/rpc',
        'github.com/ethereum-optimism/optimism/op-node/metrics', 'github.com/ethereum-optimism/optimism/op-service/dial',
        'github.com/ethereum-optimism/optimism/op-service/retry']
cases_of(case, GH + 'ethereum-optimism/optimism/pull/17026', 'op-node/node/conductor.go',
         G('node', _OPC)(OPCONDUCTOR), [
             (1, 'go-00-op-node-conductor-dialled-on-background-context',
              'an edit dials the conductor RPC on a background context, so an unreachable conductor keeps the node '
              'retrying for minutes after its caller gave up or shut down', 'edit'),
             (2, 'go-00-op-node-conductor-leader-timeout-cancel-dropped',
              'an edit discards the cancel function of the leader check\'s timeout context', 'edit'),
             (0, 'go-ok-00-op-node-conductor-dialled-on-caller-context',
              'clean: the fix dials the conductor on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: peer discovery of a DAG consensus node (go-lachesis)
LACHESISDISC = template('lachesis-peer-discovery', r'''
// checkPeerInfo asks the peer that announced an unknown peer id for that peer's address. Replies are slow on a busy
// network, so each request runs in its own goroutine and is bounded by the client timeout.
func (n *Node) checkPeerInfo(source, id hash.Peer) {
    if !n.discovery.tasks.Add(id) {
        return // already asked
    }
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                n.Errorf("peer discovery of %s panicked: %v", id, r)
01|            }
01|        }()
        n.askPeerInfo(source, id)
    }()
}

func (n *Node) askPeerInfo(source, id hash.Peer) {
    defer n.discovery.tasks.Done(id)

    peer := n.peers.Get(source)
    if peer == nil {
        return
    }
    client, free, err := n.ConnectTo(peer)
    if err != nil {
        n.ConnectFail(peer, err)
        return
    }
    defer free()

02|    ctx, cancel := context.WithTimeout(context.Background(), n.conf.ClientTimeout)
02|    defer cancel()
1|    ctx := context.Background()
    info, err := client.GetPeerInfo(ctx, &api.PeerRequest{PeerID: id.Hex()}) //@{1}TMO-01
    if err != nil {
        n.ConnectFail(peer, err)
        return
    }
    n.ConnectOK(peer)
    n.peers.Add(peerFromInfo(info))
}
''')
_LAC = ['context', '', 'github.com/Fantom-foundation/go-lachesis/src/hash', 'github.com/Fantom-foundation/go-lachesis/src/network/api']
cases_of(case, GH + 'Fantom-foundation/go-lachesis/pull/233', 'src/node/discovery.go',
         G('node', _LAC)(LACHESISDISC), [
             (1, 'go-00-lachesis-peer-info-request-without-timeout',
              'an edit sends the peer-info request on a background context without a deadline, so a peer that never '
              'answers keeps the discovery goroutine and its connection forever', 'edit'),
             (2, 'go-00-lachesis-peer-info-goroutine-without-recover',
              'an edit drops the recover of the discovery goroutine, so one malformed reply crashes the node', 'edit'),
             (0, 'go-ok-00-lachesis-peer-info-request-bounded',
              'clean: the fix bounds each peer-info request by the client timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: TLS security transport of a p2p library (go-libp2p-tls)
LIBP2PTLS = template('libp2p-tls-handshake', r'''
// handshake runs the TLS handshake on the insecure connection and verifies the certificate chain the peer presented.
// A failed handshake leaves nothing the caller could use, so the connection is closed here.
func (t *Transport) handshake(ctx context.Context, tlsConn *tls.Conn, keyCh <-chan ci.PubKey) (sec.SecureConn, error) {
    if deadline, ok := ctx.Deadline(); ok {
        if err := tlsConn.SetDeadline(deadline); err != nil {
            tlsConn.Close()
            return nil, err
        }
    }

    if err := tlsConn.Handshake(); err != nil { //@{1}RES-01
02|        tlsConn.Close()
        return nil, err
    }
    if err := tlsConn.SetDeadline(time.Time{}); err != nil {
        tlsConn.Close()
        return nil, err
    }

    // The verification callback sends the peer's public key on keyCh once the chain checks out.
    var remotePubKey ci.PubKey
    select {
    case remotePubKey = <-keyCh:
    default:
    }
    if remotePubKey == nil {
        tlsConn.Close()
        return nil, errors.New("go-libp2p-tls BUG: expected remote pub key to be set")
    }

    conn, err := t.setupConn(tlsConn, remotePubKey)
    if err != nil { //@{2}ERR-01
01|        tlsConn.Close()
01|        return nil, err
2|        log.Debugf("setting up the secure connection: %s", err)
    }
    return conn, nil
}
''')
_TLS = ['context', 'crypto/tls', 'errors', 'time', '', 'ci github.com/libp2p/go-libp2p-core/crypto',
        'github.com/libp2p/go-libp2p-core/sec']
cases_of(case, GH + 'libp2p/go-libp2p-tls/pull/39', 'transport.go',
         G('libp2ptls', _TLS)(LIBP2PTLS), [
             (1, 'go-00-libp2p-tls-failed-handshake-leaves-connection-open',
              'an edit drops the close after a failed TLS handshake, so every failed simultaneous open leaves the '
              'underlying TCP connection open until the peer gives up', 'edit'),
             (2, 'go-00-libp2p-tls-setup-error-logged-and-dropped',
              'an edit logs the error of setting up the secure connection at debug level and returns a nil '
              'connection with no error', 'edit'),
             (0, 'go-ok-00-libp2p-tls-failed-handshake-closes-connection',
              'clean: the fix closes the underlying connection when the handshake fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: outbound peer dialling of a blockchain node (theta-protocol-ledger)
THETADIAL = template('theta-outbound-peer-dial', r'''
// connectToOutboundPeer dials a seed or discovered peer and runs the node handshake. Peers that fail the handshake
// (wrong chain, self, duplicate) are common on a public network, so they are dropped quietly and counted.
func (discMgr *PeerDiscoveryManager) connectToOutboundPeer(peerNetAddress *netutil.NetAddress, persistent bool) error {
    netconn, err := peerNetAddress.DialTimeout(discMgr.config.DialTimeout)
    if err != nil {
        return err
    }
    peer, err := pr.CreateOutboundPeer(netconn, discMgr.nodeInfo, discMgr.config.PeerConfig) //@{1}RES-01
    if err != nil {
02|        netconn.Close()
        return err
    }
    peer.SetPersistency(persistent)

    if err := discMgr.handshakeAndAddPeer(peer); err != nil {
        peer.Stop()
        discMgr.failedHandshakes.Inc()
2|        logger.Warnf("Handshake with outbound peer %v failed: %v", peerNetAddress, err) //@LOG-01
        return err
    }
    return nil
}

func (discMgr *PeerDiscoveryManager) handshakeAndAddPeer(peer *pr.Peer) error {
    if err := peer.Handshake(discMgr.nodeInfo, discMgr.config.HandshakeTimeout); err != nil {
        return err
    }
    if !discMgr.peerTable.AddPeer(peer) {
        return errDuplicatePeer
    }
    discMgr.messenger.AttachMessageHandlersToPeer(peer)
    return peer.Start()
}
''')
_THETA = ['github.com/thetatoken/theta/common/netutil', 'pr github.com/thetatoken/theta/p2p/peer']
cases_of(case, GH + 'thetatoken/theta-protocol-ledger/pull/112', 'p2p/discovery.go',
         G('p2p', _THETA)(THETADIAL), [
             (1, 'go-00-theta-outbound-peer-connection-leaked',
              'an edit drops the close of the dialled connection when the outbound peer cannot be created, leaking a '
              'socket per failed peer', 'edit'),
             (2, 'go-00-theta-outbound-handshake-warns-every-failure',
              'an edit logs a warning for every failed outbound handshake, which on a public network is most dials',
              'edit'),
             (0, 'go-ok-00-theta-outbound-peer-connection-closed',
              'clean: the fix closes the dialled connection when the peer cannot be created', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: relay requests of a block builder sidecar (mev-boost), with a test beside the change
MEVBOOST = template('mev-boost-relay-status', r'''
// checkRelays asks every relay for its status at the same time and reports whether at least one answered. The
// beacon node calls it on its own status request, whose context ends when the beacon node gives up.
func (m *BoostService) checkRelays(ctx context.Context) int {
    var wg sync.WaitGroup
    var numSuccessRequestsToRelay uint32

    for _, r := range m.relays {
        wg.Add(1)
        go func(relay types.RelayEntry) {
            defer wg.Done()
            defer func() {
                if p := recover(); p != nil {
                    m.log.WithField("relay", relay.String()).Errorf("relay status check panicked: %v", p)
                }
            }()
            url := relay.GetURI(pathStatus)
            log := m.log.WithField("url", url)
02|            req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
1|            req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil) //@TMO-02
            if err != nil {
                log.WithError(err).Error("could not build relay status request")
                return
            }
            resp, err := m.httpClientGetHeader.Do(req)
            if err != nil {
                log.WithError(err).Error("relay status error - request failed")
                return
            }
01|            defer resp.Body.Close()
            if resp.StatusCode != http.StatusOK { //@{2}RES-02
                log.WithField("status", resp.StatusCode).Error("relay status error - unexpected status code")
                return
            }
            atomic.AddUint32(&numSuccessRequestsToRelay, 1)
        }(r)
    }

    wg.Wait()
    return int(numSuccessRequestsToRelay)
}
''')
MEVBOOSTTEST = r'''
func TestCheckRelaysStopsWithCaller(t *testing.T) {
    blocked := make(chan struct{})
    relay := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        <-blocked
    }))
    defer relay.Close()
    defer close(blocked)

    m := newTestBoostService(t, relay.URL)
    ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
    defer cancel()

    start := time.Now()
    require.Equal(t, 0, m.checkRelays(ctx))
    require.Less(t, time.Since(start), 2*time.Second)
}
'''
_MEV = ['context', 'net/http', 'sync', 'sync/atomic', '', 'github.com/flashbots/mev-boost/server/types']
_MEVT = ['context', 'net/http', 'net/http/httptest', 'testing', 'time', '', 'github.com/stretchr/testify/require']
cases_of(case, GH + 'flashbots/mev-boost/issues/689', 'server/service.go',
         G('server', _MEV)(MEVBOOST), [
             (1, 'go-00-mev-boost-relay-status-on-background-context',
              'an edit builds the relay status requests on a background context, so one relay that never answers '
              'keeps the beacon node\'s status call waiting', 'edit'),
             (2, 'go-00-mev-boost-relay-status-body-left-open',
              'an edit drops the close of the relay status response body', 'edit'),
             (0, 'go-ok-00-mev-boost-relay-status-on-caller-context',
              'clean: the fix builds each relay request on the caller\'s context and adds a test', 'fix',
              [f('server/service_status_test.go', new=go('server', _MEVT, MEVBOOSTTEST))]),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: merkle database rebuild of an L1 node (avalanchego), CRLF file
AVAREBUILD = template('avalanchego-merkledb-rebuild', r'''
// rebuild recomputes every intermediate node of the trie from the value nodes on disk, a batch of keys at a time so
// that memory stays bounded on a large database.
func (db *merkleDB) rebuild(ctx context.Context, cacheSize int) error {
    db.root = maybe.Nothing[*node]()

    opsSizeLimit := max(cacheSize/rebuildViewSizeFractionOfCacheSize, minRebuildViewSizePerCommit)
    currentOps := make([]database.BatchOp, 0, opsSizeLimit)
    var start []byte
    for {
        it := db.valueNodeDB.newIteratorWithStartAndPrefix(start, nil)
1|        defer it.Release() //@RES-03
        done := true
        for it.Next() {
            if len(currentOps) >= opsSizeLimit {
                start = it.Key()
                done = false
                break
            }
            currentOps = append(currentOps, database.BatchOp{
                Key:   it.Key(),
                Value: it.Value(),
            })
        }
        err := it.Error()
02|        it.Release()
        if err != nil { //@{2}ERR-01
01|            return err
2|            db.log.Warn("iterating value nodes during rebuild", zap.Error(err))
        }

        view, err := newView(db, db, ViewChanges{BatchOps: currentOps, ConsumeBytes: true})
        if err != nil {
            return err
        }
        if err := view.commitToDB(ctx); err != nil {
            return err
        }
        currentOps = make([]database.BatchOp, 0, opsSizeLimit)
        if done {
            break
        }
    }
    return db.Compact(nil, nil)
}
''')
_AVA = ['context', '', 'go.uber.org/zap', '', 'github.com/ava-labs/avalanchego/database',
        'github.com/ava-labs/avalanchego/utils/maybe']
cases_of(case, GH + 'ava-labs/avalanchego/pull/2581', 'x/merkledb/db.go',
         G('merkledb', _AVA)(AVAREBUILD), [
             (1, 'go-00-avalanchego-rebuild-defers-iterator-release-in-loop',
              'an edit defers the release of each batch\'s iterator inside the rebuild loop, so every iterator of a '
              'large database stays open until the whole rebuild returns', 'edit'),
             (2, 'go-00-avalanchego-rebuild-iterator-error-logged-only',
              'an edit logs the value-node iterator\'s error and carries on rebuilding from a partial batch', 'edit'),
             (0, 'go-ok-00-avalanchego-rebuild-releases-each-iterator',
              'clean: the fix releases each batch\'s iterator before the next is opened', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-01 / LOG-02: mempool bridge between Ethereum peers (mempool-bridge), new file
MEMPOOLSEND = template('mempool-bridge-target-send', r'''
// sendTransactions hands a batch of pending transactions to every target peer. Peers are independent: a panic while
// encoding for one peer fails that peer's send only, and the collector still gets one result per peer.
func (t *TargetPeers) sendTransactions(ctx context.Context, txs types.Transactions) []SendResult {
    results := make(chan SendResult, len(t.peers))
    for _, p := range t.peers {
        go func(p *TargetPeer) { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    t.log.WithField("peer", p.Name()).WithField("panic", r).Error("recovered from panic while sending transactions")
02|                    results <- SendResult{Peer: p.Name(), Err: fmt.Errorf("panic: %v", r)}
02|                }
02|            }()
            err := p.SendTransactions(ctx, txs)
            if err != nil {
02|                t.log.WithError(err).WithField("peer", p.Name()).Debug("failed to send transactions")
2|                t.log.Debug(fmt.Sprintf("failed to send %d transactions to %s: %v", len(txs), p.Name(), err)) //@LOG-02
            }
            results <- SendResult{Peer: p.Name(), Err: err}
        }(p)
    }

    out := make([]SendResult, 0, len(t.peers))
    for range t.peers {
        select {
        case r := <-results:
            out = append(out, r)
        case <-ctx.Done():
            return out
        }
    }
    return out
}

// SendResult is the outcome of one batch sent to one target peer.
type SendResult struct {
    Peer string
    Err  error
}
''')
_MPB = ['context', 'fmt', '', 'github.com/ethereum/go-ethereum/core/types']
cases_of(case, GH + 'ethpandaops/mempool-bridge/pull/68', 'pkg/target/send.go',
         G('target', _MPB)(MEMPOOLSEND), [
             (1, 'go-00-mempool-bridge-new-send-goroutine-without-recover',
              'a new file starts one goroutine per target peer without a recover, so a panic while encoding for one '
              'peer takes the bridge down', 'new'),
             (2, 'go-00-mempool-bridge-new-send-failure-formatted',
              'a new file formats the debug line of every failed send with fmt.Sprintf before the level is checked',
              'new'),
             (0, 'go-ok-00-mempool-bridge-new-send-goroutine-recovers',
              'clean: the new file recovers each peer goroutine and still reports its result', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: peer event fan-out of an EVM chain's syncer (dogechain)
DOGESYNC = template('dogechain-peer-events', r'''
// startPeerEventProcess forwards the network's peer connection events to the syncer until the client is closed.
// The syncer may stop reading first, so every send also watches the client's context.
func (client *syncPeerClient) startPeerEventProcess() {
    peerEventCh, err := client.network.SubscribeCh(client.ctx)
    if err != nil {
        client.logger.Error("failed to subscribe", "err", err)
        return
    }

    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                client.logger.Error("peer event process panicked", "panic", r)
01|            }
01|        }()
2|        defer client.logger.Debug("peer event process stopped")
        for {
            select {
            case <-client.ctx.Done():
                return
            case e, ok := <-peerEventCh:
                if !ok {
                    return
                }
                if e.Type != event.PeerConnected && e.Type != event.PeerDisconnected {
                    continue
                }
02|                select {
02|                case <-client.ctx.Done():
02|                    return
02|                case client.peerConnectionUpdateCh <- e:
02|                }
1|                client.peerConnectionUpdateCh <- e //@TMO-02
            }
        }
    }()
}
''')
_DOGE = ['github.com/dogechain-lab/dogechain/network/event']
cases_of(case, GH + 'dogechain-lab/dogechain/pull/290', 'protocol/client.go',
         G('protocol', _DOGE)(DOGESYNC), [
             (1, 'go-00-dogechain-peer-event-send-ignores-client-context',
              'an edit sends each peer event without watching the client\'s context, so the goroutine blocks for good '
              'once the syncer stops reading', 'edit'),
             (2, 'go-00-dogechain-peer-event-goroutine-without-recover',
              'an edit replaces the recover of the peer event goroutine with a debug line', 'edit'),
             (0, 'go-ok-00-dogechain-peer-event-send-watches-context',
              'clean: the fix sends each peer event in a select on the client\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / OPS-01: peer store manager of a p2p library (go-libp2p), renamed file
PSTOREMGR = template('libp2p-pstoremanager', r'''
// PeerstoreManager removes a disconnected peer from the peer store after a grace period, unless it reconnects.
// Connectedness events arrive on the event bus goroutine; the removal timer fires on the background loop.
type PeerstoreManager struct {
    pstore   peerstore.Peerstore
    eventBus event.Bus
    network  network.Network

    refCount  sync.WaitGroup
    ctx       context.Context
    cancel    context.CancelFunc
    gracePeriod time.Duration

    mu           sync.Mutex
    disconnected map[peer.ID]time.Time
}

func (m *PeerstoreManager) onConnectedness(evt event.EvtPeerConnectednessChanged) {
02|    m.mu.Lock()
02|    defer m.mu.Unlock()
    switch evt.Connectedness {
    case network.Connected:
        delete(m.disconnected, evt.Peer) //@{1}CONC-03
    default:
        if _, ok := m.disconnected[evt.Peer]; !ok {
            m.disconnected[evt.Peer] = time.Now()
        }
    }
}

func (m *PeerstoreManager) removeExpired(now time.Time) {
    m.mu.Lock()
    defer m.mu.Unlock()
    for p, disconnectTime := range m.disconnected {
        if disconnectTime.Add(m.gracePeriod).Before(now) {
            if m.network.Connectedness(p) != network.Connected {
                m.pstore.RemovePeer(p)
            }
            delete(m.disconnected, p)
        }
    }
}

// Close stops the background loop and waits for it, so no timer removes a peer after the host is closed.
func (m *PeerstoreManager) Close() error {
    if m.cancel != nil {
        m.cancel() //@{2}OPS-01
    }
01|    m.refCount.Wait()
    return nil
}
''')
_PSM = ['context', 'sync', 'time', '', 'github.com/libp2p/go-libp2p/core/event', 'github.com/libp2p/go-libp2p/core/network',
        'github.com/libp2p/go-libp2p/core/peer', 'github.com/libp2p/go-libp2p/core/peerstore']
cases_of(case, GH + 'libp2p/go-libp2p/pull/2644', 'p2p/host/pstoremanager/manager.go',
         G('pstoremanager', _PSM)(PSTOREMGR), [
             (1, 'go-00-libp2p-renamed-pstoremanager-events-unlocked',
              'a move of the peer store manager also drops the lock of the connectedness handler, so the event bus '
              'and the removal loop touch the disconnected map at once', 'rename'),
             (2, 'go-00-libp2p-renamed-pstoremanager-close-does-not-wait',
              'a move of the peer store manager also makes Close return without waiting for the background loop',
              'rename'),
             (0, 'go-ok-00-libp2p-renamed-pstoremanager-locked',
              'clean: the move alone; the connectedness handler holds the lock and Close waits', 'rename'),
         ], rename_from='p2p/host/pstoremanager/pstoremanager.go')
