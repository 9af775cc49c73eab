"""Round-102 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / TMO-01: TCP transport of a multi-group Raft library (dragonboat)
DRAGONBOAT = template('dragonboat-tcp-transport', r'''
// TCPConnection is the connection used to send raft messages and snapshot chunks to a remote node host.
type TCPConnection struct {
    conn    net.Conn
    header  []byte
    payload []byte
}

// NewTCPConnection creates and returns a new TCPConnection instance.
func NewTCPConnection(conn net.Conn) *TCPConnection {
    return &TCPConnection{
        conn:    conn,
        header:  make([]byte, requestHeaderSize),
        payload: make([]byte, perConnBufSize),
    }
}

// Close closes the connection.
func (c *TCPConnection) Close() {
    if err := c.conn.Close(); err != nil {
        plog.Errorf("failed to close the connection %v", err)
    }
}

// GetConnection returns a new raftio.IConnection for sending raft messages to the remote node host at target.
func (t *TCP) GetConnection(ctx context.Context, target string) (raftio.IConnection, error) {
    conn, err := t.getConnection(ctx, target)
    if err != nil {
        return nil, err
    }
    return NewTCPConnection(conn), nil
}

func (t *TCP) getConnection(ctx context.Context, target string) (net.Conn, error) {
    timeout := time.Duration(getDialTimeoutSecond()) * time.Second
01|    conn, err := net.DialTimeout("tcp", target, timeout)
2|    conn, err := net.Dial("tcp", target) //@TMO-01
    if err != nil {
        return nil, err //@{1}RES-01
    }
    if err := t.writeMagic(conn); err != nil {
02|        conn.Close()
        return nil, err
    }
    if tcpConn, ok := conn.(*net.TCPConn); ok {
        if err := setTCPConn(tcpConn); err != nil {
            conn.Close()
            return nil, err
        }
    }
    select {
    case <-ctx.Done():
        conn.Close()
        return nil, ctx.Err()
    default:
    }
    return conn, nil
}

func (t *TCP) writeMagic(conn net.Conn) error {
    tt := time.Now().Add(magicNumberDuration)
    if err := conn.SetWriteDeadline(tt); err != nil {
        return err
    }
    _, err := conn.Write(magicNumber[:])
    return err
}
''')
cases_of(case, GH + 'lni/dragonboat/pull/323', 'internal/transport/tcp.go',
         G('transport', ['context', 'net', 'time', '', 'github.com/lni/dragonboat/v4/raftio'])(DRAGONBOAT), [
             (1, 'go-00-dragonboat-conn-left-open-when-magic-write-fails',
              'an edit drops the close of a freshly dialled connection when writing the magic number fails, so every '
              'failed handshake leaves a socket behind on the node host', 'edit'),
             (2, 'go-00-dragonboat-dial-without-timeout',
              'an edit dials the remote node host without the dial timeout, so a host that drops SYNs holds the '
              'sending goroutine for the kernel\'s connect timeout', 'edit'),
             (0, 'go-ok-00-dragonboat-conn-closed-when-magic-write-fails',
              'clean: the fix closes the connection when the magic number cannot be written', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: OpenTelemetry metrics of an actor framework (protoactor-go)
PROTOACTOR = template('protoactor-metrics', r'''
// ActorMetrics holds the instruments the actor system records into. The mailbox length gauge is registered lazily by
// the first props that spawn an actor, which may happen on any goroutine.
type ActorMetrics struct {
    mu                 sync.Mutex
    actorMailboxLength metric.Int64ObservableGauge
    actorSpawnCount    metric.Int64Counter
    actorStoppedCount  metric.Int64Counter
}

// NewActorMetrics creates the counters of the actor system on the given meter.
func NewActorMetrics(meter metric.Meter, logger *slog.Logger) *ActorMetrics {
    spawned, err := meter.Int64Counter("protoactor_actor_spawn_count",
        metric.WithDescription("ActorSystem spawned Actor count"), metric.WithUnit("1"))
    if err != nil {
        logger.Error("failed to create ActorSpawnCount instrument", slog.Any("error", err))
    }
    stopped, err := meter.Int64Counter("protoactor_actor_stopped_count",
        metric.WithDescription("ActorSystem stopped Actor count"), metric.WithUnit("1"))
    if err != nil {
        logger.Error("failed to create ActorStoppedCount instrument", slog.Any("error", err))
    }
    return &ActorMetrics{actorSpawnCount: spawned, actorStoppedCount: stopped}
}

// PrepareMailboxLengthGauge registers the mailbox length gauge once; later calls keep the first gauge.
func (m *ActorMetrics) PrepareMailboxLengthGauge(meter metric.Meter, logger *slog.Logger) {
01|    gauge, err := meter.Int64ObservableGauge("protoactor_actor_mailbox_length",
01|        metric.WithDescription("Actor's Mailbox Length"), metric.WithUnit("1"))
01|    if err != nil {
01|        logger.Error("failed to create ActorMailBoxLength instrument", slog.Any("error", err))
01|        return
01|    }
2|    gauge, _ := meter.Int64ObservableGauge("protoactor_actor_mailbox_length", //@ERR-01
2|        metric.WithDescription("Actor's Mailbox Length"), metric.WithUnit("1"))
02|    m.mu.Lock()
02|    defer m.mu.Unlock()
    if m.actorMailboxLength == nil {
        m.actorMailboxLength = gauge //@{1}CONC-03
    }
}

// MailboxLengthGauge returns the registered gauge, or nil before the first spawn.
func (m *ActorMetrics) MailboxLengthGauge() metric.Int64ObservableGauge {
    m.mu.Lock()
    defer m.mu.Unlock()
    return m.actorMailboxLength
}
''')
cases_of(case, GH + 'asynkron/protoactor-go/pull/550', 'actor/metrics.go',
         G('actor', ['log/slog', 'sync', '', 'go.opentelemetry.io/otel/metric'])(PROTOACTOR), [
             (1, 'go-00-protoactor-mailbox-gauge-set-without-lock',
              'an edit drops the lock around the lazy registration of the mailbox length gauge, so two props spawning '
              'on different goroutines write the field while the getter reads it', 'edit'),
             (2, 'go-00-protoactor-mailbox-gauge-error-dropped',
              'an edit drops the error of creating the mailbox length gauge, so a meter that refuses the instrument '
              'stores a nil gauge and no one hears why the metric is missing', 'edit'),
             (0, 'go-ok-00-protoactor-mailbox-gauge-set-under-lock',
              'clean: the fix registers the gauge under the metrics lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / OPS-01: ZooKeeper-to-etcd bridge session (zetcd)
ZETCD = template('zetcd-session', r'''
// session is one ZooKeeper client session served from an etcd client of its own; its watches run on goroutines that
// Close must stop before the client goes away.
type session struct {
    Conn
    c      *etcd.Client
    id     etcd.LeaseID
    ctx    context.Context
    cancel context.CancelFunc
    wg     sync.WaitGroup
    leases *leaseKeeper
}

func newSession(ctx context.Context, cfg etcd.Config, zkc Conn, id etcd.LeaseID) (s *session, err error) {
    c, err := etcd.New(cfg)
    if err != nil {
        return nil, err //@{1}RES-01
    }
02|    defer func() {
02|        if err != nil {
02|            c.Close()
02|        }
02|    }()
    kalive, err := c.KeepAlive(ctx, id)
    if err != nil {
        return nil, err
    }
    sctx, cancel := context.WithCancel(ctx)
    s = &session{Conn: zkc, c: c, id: id, ctx: sctx, cancel: cancel, leases: newLeaseKeeper()}
    s.wg.Add(1)
    go func() {
        defer s.wg.Done()
        defer cancel()
        for range kalive {
        }
    }()
    return s, nil
}

// Watch registers a watch on a path; its events are delivered until the session closes.
func (s *session) Watch(rev int64, xid Xid, path string, evtype EventType, cb func(*WatcherEvent)) {
    s.wg.Add(1)
    go func() {
        defer s.wg.Done()
        wch := s.c.Watch(s.ctx, mkPath(path), etcd.WithRev(rev))
        for resp := range wch {
            if ev := toWatcherEvent(resp, evtype, path); ev != nil {
                cb(ev)
                return
            }
        }
    }()
}

// Close ends the session: it stops the watches and the keepalive, then closes the etcd client.
func (s *session) Close() {
    s.cancel()
    s.Conn.Close()
01|    s.wg.Wait()
01|    s.c.Close()
2|    s.c.Close() //@OPS-01
}
''')
cases_of(case, GH + 'etcd-io/zetcd/pull/44', 'session.go',
         G('zetcd', ['context', 'sync', '', 'etcd "go.etcd.io/etcd/client/v3"'])(ZETCD), [
             (1, 'go-00-zetcd-etcd-client-left-open-on-keepalive-error',
              'an edit drops the close of the session\'s etcd client when the lease keepalive cannot start, so every '
              'refused session leaves a client with its connections behind', 'edit'),
             (2, 'go-00-zetcd-close-does-not-wait-for-watches',
              'an edit makes Close close the etcd client without waiting for the watch goroutines, so watches still '
              'running use a closed client and their callbacks fire after the session ended', 'edit'),
             (0, 'go-ok-00-zetcd-etcd-client-closed-on-keepalive-error',
              'clean: the fix closes the etcd client when the keepalive cannot start', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-03: request path of a ZooKeeper client (go-zookeeper)
GOZK = template('gozk-request', r'''
type request struct {
    xid        int32
    opcode     int32
    pkt        interface{}
    recvStruct interface{}
    recvChan   chan response
}

type response struct {
    zxid int64
    err  error
}

func (c *Conn) queueRequest(opcode int32, req interface{}, res interface{}) <-chan response {
    rq := &request{
        xid:        c.nextXid(),
        opcode:     opcode,
        pkt:        req,
        recvStruct: res,
        recvChan:   make(chan response, 1),
    }
    select {
    case c.sendChan <- rq:
    case <-c.shouldQuit:
        rq.recvChan <- response{-1, ErrClosing}
    }
    return rq.recvChan
}

// request sends one request and waits for its answer, or for the connection to close.
func (c *Conn) request(opcode int32, req interface{}, res interface{}) (int64, error) {
    recv := c.queueRequest(opcode, req, res)
02|    select {
02|    case r := <-recv:
02|        if r.err != nil {
0|            c.logger.Printf("zk: request op=%d failed for session %d: %v", opcode, c.SessionID(), r.err)
2|            c.logger.Printf("zk: request op=%d failed: %v", opcode, r.err) //@LOG-03
02|        }
02|        return r.zxid, r.err
02|    case <-c.shouldQuit:
02|        return -1, ErrClosing
02|    }
1|    r := <-recv //@TMO-01
1|    if r.err != nil {
1|        c.logger.Printf("zk: request op=%d failed for session %d: %v", opcode, c.SessionID(), r.err)
1|    }
1|    return r.zxid, r.err
}

// Get returns the data of the node at path and its stat.
func (c *Conn) Get(path string) ([]byte, *Stat, error) {
    if err := validatePath(path, false); err != nil {
        return nil, nil, err
    }
    res := &getDataResponse{}
    _, err := c.request(opGetData, &getDataRequest{Path: path, Watch: false}, res)
    if err != nil {
        return nil, nil, err
    }
    return res.Data, &res.Stat, nil
}
''')
cases_of(case, GH + 'samuel/go-zookeeper/pull/253', 'zk/conn.go',
         G('zk', [])(GOZK), [
             (1, 'go-00-gozk-request-waits-without-quit',
              'an edit makes a request wait for its answer only, so a request queued while the connection closes '
              'blocks its goroutine for good', 'edit'),
             (2, 'go-00-gozk-request-error-log-without-session',
              'an edit logs a failed request without the session id, so the log of a client with many sessions '
              'cannot say which session failed', 'edit'),
             (0, 'go-ok-00-gozk-request-waits-for-answer-or-quit',
              'clean: the fix waits for the answer or for the connection to close', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: actor process of an actor framework (goakt)
GOAKT = template('goakt-pid', r'''
// PID is the handle of a live actor: it owns the actor's mailbox and the goroutine that processes it.
type PID struct {
    actor       Actor
    name        string
    mailbox     Mailbox
    supervisor  *Supervisor
    logger      log.Logger
    processing  atomic.Bool
    stopSignal  chan struct{}
}

func newPID(actor Actor, name string, supervisor *Supervisor, logger log.Logger, mailboxSize int) *PID {
    return &PID{
        actor:      actor,
        name:       name,
01|        mailbox:    NewBoundedMailbox(mailboxSize),
2|        mailbox:    NewUnboundedMailbox(), //@CONC-02
        supervisor: supervisor,
        logger:     logger,
        stopSignal: make(chan struct{}),
    }
}

// doReceive enqueues a message and starts the processing goroutine when none is running.
func (pid *PID) doReceive(rctx *ReceiveContext) {
    if err := pid.mailbox.Enqueue(rctx); err != nil {
        pid.logger.Warnf("actor=%s mailbox rejected a message: %v", pid.name, err)
        pid.toDeadletters(rctx, err)
        return
    }
    pid.process()
}

func (pid *PID) process() {
    if !pid.processing.CompareAndSwap(false, true) {
        return
    }
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                pid.processing.Store(false)
02|                pid.supervisor.escalate(pid, fmt.Errorf("panic: %v", r))
02|            }
02|        }()
        for {
            received := pid.mailbox.Dequeue()
            if received == nil {
                pid.processing.Store(false)
                return
            }
            pid.actor.Receive(received)
        }
    }()
}
''')
cases_of(case, GH + 'Tochemey/goakt/issues/513', 'actor/pid.go',
         G('actor', ['fmt', 'sync/atomic', '', 'github.com/tochemey/goakt/v2/log'])(GOAKT), [
             (1, 'go-00-goakt-actor-goroutine-without-recover',
              'an edit drops the recover of the goroutine that runs an actor\'s mailbox, so one panicking message '
              'handler ends the whole process instead of reaching the supervisor', 'edit'),
             (2, 'go-00-goakt-unbounded-mailbox',
              'an edit gives every actor an unbounded mailbox, so a slow actor queues messages without limit and '
              'senders are never pushed back', 'edit'),
             (0, 'go-ok-00-goakt-actor-goroutine-recovers',
              'clean: the fix recovers the panic and escalates it to the supervisor', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: request forwarding of a consistent hash ring (ringpop-go), new file
RINGPOP = template('ringpop-forward', r'''
// requestSender forwards one request to the member that owns its key, retrying on another member when the ring
// changes under it.
type requestSender struct {
    sender      Sender
    channel     shared.SubChannel
    destination string
    service     string
    endpoint    string
    format      tchannel.Format
    timeout     time.Duration
    logger      *zap.Logger
}

// Send forwards the request within the caller's deadline and returns the member's answer.
func (s *requestSender) Send(ctx context.Context, request []byte) ([]byte, error) {
0|    ctx, cancel := context.WithTimeout(ctx, s.timeout)
1|    ctx, cancel := context.WithTimeout(context.Background(), s.timeout) //@TMO-02
2|    ctx, cancel := context.WithTimeout(ctx, s.timeout)
    defer cancel()

    type result struct {
        body []byte
        err  error
    }
    done := make(chan result, 1)
    go func() {
        var body []byte
        err := s.makeCall(ctx, request, &body)
        done <- result{body, err}
    }()

    select {
    case r := <-done:
        if r.err != nil {
            s.logger.Warn("forwarded request failed", zap.String("destination", s.destination),
                zap.String("endpoint", s.endpoint), zap.Error(r.err))
            return nil, r.err
        }
        return r.body, nil
    case <-ctx.Done():
        return nil, errors.New("request timed out")
    }
}

func (s *requestSender) makeCall(ctx context.Context, request []byte, response *[]byte) error {
    call, err := s.channel.BeginCall(ctx, s.destination, s.service, s.endpoint, &tchannel.CallOptions{Format: s.format})
    if err != nil {
        return err
    }
    if err := tchannel.NewArgWriter(call.Arg2Writer()).Write(nil); err != nil {
        return err
    }
    if err := tchannel.NewArgWriter(call.Arg3Writer()).Write(request); err != nil {
        return err
    }
    var arg2 []byte
    if err := tchannel.NewArgReader(call.Response().Arg2Reader()).Read(&arg2); err != nil {
        return err
    }
01|    return tchannel.NewArgReader(call.Response().Arg3Reader()).Read(response)
2|    _ = tchannel.NewArgReader(call.Response().Arg3Reader()).Read(response) //@ERR-01
2|    return nil
}
''')
cases_of(case, GH + 'uber/ringpop-go/pull/63', 'forward/request_sender.go',
         G('forward', ['context', 'errors', 'time', '', 'github.com/uber/ringpop-go/shared',
                       'github.com/uber/tchannel-go', 'go.uber.org/zap'])(RINGPOP), [
             (1, 'go-00-ringpop-forward-ignores-caller-deadline',
              'a new request sender derives the forwarding timeout from a background context, so a caller that gave '
              'up keeps a forwarded call running on the owner for the whole timeout', 'new'),
             (2, 'go-00-ringpop-forward-response-read-error-dropped',
              'a new request sender drops the error of reading the response body, so a truncated answer from the '
              'owner reaches the caller as an empty success', 'new'),
             (0, 'go-ok-00-ringpop-forward-request-sender',
              'clean: a new request sender bound to the caller\'s context that reports a response it cannot read', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: peer table of a gossip mesh (weaveworks/mesh), CRLF file
MESH = template('mesh-peers', r'''
// Peers collects all of the known peers in the mesh, including ourself. Connections of the local peer are changed by
// the connection maker's goroutine while the status and gossip goroutines read them.
type Peers struct {
    sync.RWMutex
    ourself   *localPeer
    byName    map[PeerName]*Peer
    byShortID map[PeerShortID]shortIDPeers
    onGC      []func(*Peer)
    logger    Logger
}

// Descriptions returns descriptions for all known peers.
func (peers *Peers) Descriptions() []PeerDescription {
02|    peers.RLock()
02|    defer peers.RUnlock()
    descriptions := make([]PeerDescription, 0, len(peers.byName))
    for _, peer := range peers.byName { //@{1}CONC-03
        descriptions = append(descriptions, PeerDescription{
            Name:           peer.Name,
            NickName:       peer.peerSummary.NickName,
            UID:            peer.UID,
            Self:           peer.Name == peers.ourself.Name,
            NumConnections: len(peer.connections),
        })
    }
    return descriptions
}

// applyUpdate merges a gossiped topology update and returns the names of the peers it changed.
func (peers *Peers) applyUpdate(update []byte) (peerNameSet, error) {
    peers.Lock()
    defer peers.Unlock()
2|    peers.logger.Printf("->[%s] applying topology update of %d bytes", peers.ourself.Name, len(update)) //@LOG-01
    newPeers, decodedUpdate, decodedConns, err := peers.decodeUpdate(update)
    if err != nil {
        return nil, err
    }
    for name, peer := range newPeers {
        peers.byName[name] = peer
        peers.addByShortID(peer)
    }
    return peers.applyDecodedUpdate(decodedUpdate, decodedConns), nil
}
''')
cases_of(case, GH + 'weaveworks/mesh/issues/14', 'peers.go',
         G('mesh', ['sync'])(MESH), [
             (1, 'go-00-mesh-peer-descriptions-read-without-lock',
              'an edit reads the peer table for the status page without the read lock, while the connection maker '
              'and the gossip goroutines change it', 'edit'),
             (2, 'go-00-mesh-topology-update-logged-every-gossip',
              'an edit logs every topology update the peer applies, a line per gossip message per peer on a busy '
              'mesh', 'edit'),
             (0, 'go-ok-00-mesh-peer-descriptions-read-under-lock',
              'clean: the fix reads the peer table under the read lock', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-03 / CONC-03: expiring cache of a Redis distributed lock (redlock-go), renamed file
REDLOCK = template('redlock-cache', r'''
// SimpleCache keeps the lock values this client set, so that Unlock can tell its own locks apart; a background
// goroutine drops expired entries until the cache is closed.
type SimpleCache struct {
    mu     sync.Mutex
    items  map[string]*item
    cancel context.CancelFunc
    done   chan struct{}
}

type item struct {
    value    string
    expireAt time.Time
}

// NewSimpleCache starts the cache's collector; Close stops it.
func NewSimpleCache(ctx context.Context, interval time.Duration) *SimpleCache {
    c := &SimpleCache{items: make(map[string]*item), done: make(chan struct{})}
02|    ctx, c.cancel = context.WithCancel(ctx)
1|    ctx, _ = context.WithCancel(ctx) //@TMO-03
    go c.gc(ctx, interval)
    return c
}

// Set stores the value of a lock until its expiry.
func (c *SimpleCache) Set(key, value string, ttl time.Duration) {
01|    c.mu.Lock()
01|    defer c.mu.Unlock()
    c.items[key] = &item{value: value, expireAt: time.Now().Add(ttl)} //@{2}CONC-03
}

// Get returns the value of a lock that has not expired.
func (c *SimpleCache) Get(key string) (string, bool) {
    c.mu.Lock()
    defer c.mu.Unlock()
    it, ok := c.items[key]
    if !ok || time.Now().After(it.expireAt) {
        return "", false
    }
    return it.value, true
}

// Close stops the collector and waits for it.
func (c *SimpleCache) Close() {
02|    c.cancel()
    <-c.done
}

func (c *SimpleCache) gc(ctx context.Context, interval time.Duration) {
    defer close(c.done)
    ticker := time.NewTicker(interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case now := <-ticker.C:
            c.mu.Lock()
            for key, it := range c.items {
                if now.After(it.expireAt) {
                    delete(c.items, key)
                }
            }
            c.mu.Unlock()
        }
    }
}
''')
cases_of(case, GH + 'amyangfei/redlock-go/issues/5', 'redlock/simple_cache.go',
         G('redlock', ['context', 'sync', 'time'])(REDLOCK), [
             (1, 'go-00-redlock-renamed-cache-cancel-discarded',
              'a PR renames the cache file and derives the collector\'s context without keeping its cancel, so the '
              'collector of every closed cache runs on and Close waits for it forever', 'rename'),
             (2, 'go-00-redlock-renamed-cache-set-without-lock',
              'a PR renames the cache file and writes lock values into the map without the cache lock, while the '
              'collector deletes from it', 'rename'),
             (0, 'go-ok-00-redlock-renamed-cache',
              'clean: the rename alone; the collector\'s cancel is kept for Close and Set takes the lock', 'rename'),
         ], rename_from='redlock/cache.go')


# ---------------------------------------------------------------- MEM-02 / RES-03: chunk writer of a BitTorrent client (anacrolix/torrent), new file
TORRENT = template('torrent-chunk-writer', r'''
// chunkWriter copies received chunks into storage off the peer's read goroutine. The chunk buffers come from the
// torrent's pool and go back to it once their data is in storage.
type chunkWriter struct {
    t        *Torrent
    pool     *sync.Pool
    writes   chan chunkWrite
    wg       sync.WaitGroup
    logger   log.Logger
}

type chunkWrite struct {
    piece  pieceIndex
    offset int64
    buf    *[]byte
    n      int
}

// receive copies the message's payload into a pooled buffer and queues the write.
func (w *chunkWriter) receive(piece pieceIndex, offset int64, payload []byte) {
    buf := w.pool.Get().(*[]byte)
    n := copy(*buf, payload)
    w.wg.Add(1)
    w.writes <- chunkWrite{piece: piece, offset: offset, buf: buf, n: n}
1|    w.pool.Put(buf) //@MEM-02
}

func (w *chunkWriter) run() {
    for cw := range w.writes {
        err := w.t.writeChunk(int(cw.piece), cw.offset, (*cw.buf)[:cw.n])
02|        w.pool.Put(cw.buf)
        if err != nil {
            w.logger.Levelf(log.Error, "error writing chunk of piece %d at %d: %v", cw.piece, cw.offset, err)
            w.t.pendAllChunkSpecs(cw.piece)
        }
        w.wg.Done()
    }
}

// verifyFiles hashes the files of a completed piece from storage.
func (w *chunkWriter) verifyFiles(files []string, h hash.Hash) error {
    for _, name := range files {
01|        if err := hashFile(name, h); err != nil {
01|            return err
01|        }
2|        f, err := os.Open(name)
2|        if err != nil {
2|            return err
2|        }
2|        defer f.Close() //@RES-03
2|        if _, err := io.Copy(h, f); err != nil {
2|            return err
2|        }
    }
    return nil
}

func hashFile(name string, h hash.Hash) error {
    f, err := os.Open(name)
    if err != nil {
        return err
    }
    defer f.Close()
    _, err = io.Copy(h, f)
    return err
}
''')
cases_of(case, GH + 'anacrolix/torrent/pull/113', 'chunk_writer.go',
         G('torrent', ['hash', 'io', 'os', 'sync', '', 'github.com/anacrolix/log'])(TORRENT), [
             (1, 'go-00-torrent-chunk-buffer-returned-before-write',
              'a new chunk writer puts the chunk buffer back into the pool as soon as the write is queued, so the '
              'next received chunk overwrites data the writer has not stored yet', 'new'),
             (2, 'go-00-torrent-verify-defers-close-in-loop',
              'a new chunk writer hashes the piece\'s files with a deferred close inside the loop, so a piece over '
              'many files keeps every one open until the hash ends', 'new'),
             (0, 'go-ok-00-torrent-chunk-writer',
              'clean: a new chunk writer that returns buffers after the write and closes each file as it is hashed',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: gRPC transport of a Raft library (raft-grpc-transport)
RAFTGRPC = template('raftgrpc-api', r'''
// gRPCAPI implements the RaftTransport service; every call is handed to raft through the manager's RPC channel.
type gRPCAPI struct {
    manager *Manager

    // "Unsafe" to ensure compilation fails if new methods are added but not implemented
    pb.UnsafeRaftTransportServer
}

func (g gRPCAPI) handleRPC(ctx context.Context, command interface{}, data io.Reader) (interface{}, error) {
    ch := make(chan raft.RPCResponse, 1)
    rpc := raft.RPC{
        Command:  command,
        RespChan: ch,
        Reader:   data,
    }
    if isHeartbeat(command) {
        g.manager.heartbeatFuncMtx.Lock()
        fn := g.manager.heartbeatFunc
        g.manager.heartbeatFuncMtx.Unlock()
        if fn != nil {
            fn(rpc)
            goto wait
        }
    }
02|    select {
02|    case g.manager.rpcChan <- rpc:
02|    case <-ctx.Done():
02|        return nil, ctx.Err()
02|    case <-g.manager.shutdownCh:
02|        return nil, raft.ErrTransportShutdown
02|    }
1|    g.manager.rpcChan <- rpc //@TMO-02

wait:
02|    select {
02|    case resp := <-ch:
02|        if resp.Error != nil {
02|            return nil, resp.Error
02|        }
02|        return resp.Response, nil
02|    case <-ctx.Done():
02|        return nil, ctx.Err()
02|    }
1|    resp := <-ch
1|    if resp.Error != nil {
1|        return nil, resp.Error
1|    }
1|    return resp.Response, nil
}

func (g gRPCAPI) AppendEntriesPipeline(s pb.RaftTransport_AppendEntriesPipelineServer) error {
    for {
        msg, err := s.Recv()
        if err != nil {
            return err
        }
        resp, err := g.handleRPC(s.Context(), decodeAppendEntriesRequest(msg), nil)
        if err != nil {
            // TODO(quis): One failure doesn't have to break the entire stream?
            // Or does it all go wrong when it's out of order anyway?
            return err
        }
01|        if err := s.Send(encodeAppendEntriesResponse(resp.(*raft.AppendEntriesResponse))); err != nil {
01|            return err
01|        }
2|        _ = s.Send(encodeAppendEntriesResponse(resp.(*raft.AppendEntriesResponse))) //@ERR-01
    }
}
''')
cases_of(case, GH + 'Jille/raft-grpc-transport/pull/7', 'grpcapi.go',
         G('transport', ['context', 'io', '', 'pb "github.com/Jille/raft-grpc-transport/proto"',
                         'github.com/hashicorp/raft'])(RAFTGRPC), [
             (1, 'go-00-raftgrpc-handler-ignores-stream-context',
              'an edit hands the RPC to raft and waits for its answer without watching the call\'s context or the '
              'shutdown, so calls arriving while raft shuts down hang their gRPC goroutines', 'edit'),
             (2, 'go-00-raftgrpc-pipeline-send-error-dropped',
              'an edit drops the error of sending a pipelined append response, so a broken stream keeps feeding '
              'entries to raft whose answers go nowhere', 'edit'),
             (0, 'go-ok-00-raftgrpc-handler-watches-stream-context',
              'clean: the fix waits on the call\'s context and the shutdown as well', 'fix'),
         ])
