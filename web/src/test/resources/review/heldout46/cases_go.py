"""Round-46 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-02: streaming ingestion client of a data explorer SDK (azure-kusto-go)
KUSTO = template('kusto-streaming-ingest', r'''
// streamingPath is the streaming ingestion API below the cluster URI: database, then table.
const streamingPath = "/v1/rest/ingest/%s/%s"

// maxErrorBody bounds how much of a failed answer goes into the returned error.
const maxErrorBody = 4 << 10

// StreamResult is the service's answer to an accepted streaming ingestion.
type StreamResult struct {
    ActivityID string `json:"activityId"`
    Status     string `json:"status"`
    Rows       int64  `json:"rows"`
}

// TokenSource hands out bearer tokens for the cluster.
type TokenSource func(ctx context.Context) (string, error)

// StreamClient posts small batches straight into a table, bypassing the queued ingestion pipeline.
type StreamClient struct {
    endpoint string
    http     *http.Client
    token    TokenSource
}

// NewStreamClient returns a client for the cluster at endpoint; hc is shared with the query client.
func NewStreamClient(endpoint string, hc *http.Client, token TokenSource) *StreamClient {
    return &StreamClient{endpoint: strings.TrimSuffix(endpoint, "/"), http: hc, token: token}
}

// Ingest compresses payload and posts it to db.table in the given format (csv, json, parquet). The caller's context
// bounds the whole call, the upload included.
func (c *StreamClient) Ingest(ctx context.Context, db, table, format string, payload io.Reader) (*StreamResult, error) {
    var buf bytes.Buffer
    zw := gzip.NewWriter(&buf)
    if _, err := io.Copy(zw, payload); err != nil {
        return nil, fmt.Errorf("compressing payload for %s.%s: %w", db, table, err)
    }
    if err := zw.Close(); err != nil {
        return nil, fmt.Errorf("compressing payload for %s.%s: %w", db, table, err)
    }
    token, err := c.token(ctx)
    if err != nil {
        return nil, fmt.Errorf("getting a token: %w", err)
    }
    u := c.endpoint + fmt.Sprintf(streamingPath, url.PathEscape(db), url.PathEscape(table)) +
        "?streamFormat=" + url.QueryEscape(format)
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, &buf)
2|    req, err := http.NewRequest(http.MethodPost, u, &buf) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+token)
    req.Header.Set("Content-Encoding", "gzip")
    req.Header.Set("Content-Type", "application/octet-stream")
    resp, err := c.http.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("streaming ingest into %s.%s: %w", db, table, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("streaming ingest into %s.%s: %s: %s", db, table, resp.Status, errorText(resp.Body))
    }
    var res StreamResult
    if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
        return nil, fmt.Errorf("decoding the answer for %s.%s: %w", db, table, err)
    }
1|    resp.Body.Close()
    return &res, nil
}

// errorText returns the start of a failed answer's body, or a note that it could not be read.
func errorText(body io.Reader) string {
    b, err := io.ReadAll(io.LimitReader(body, maxErrorBody))
    if err != nil {
        return fmt.Sprintf("(body unreadable: %v)", err)
    }
    return string(bytes.TrimSpace(b))
}
''')
cases_of(case, GH + 'Azure/azure-kusto-go/pull/146', 'kusto/ingest/streaming.go',
         G('ingest', ['bytes', 'compress/gzip', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url',
                      'strings'])(KUSTO), [
             (1, 'go-00-kusto-new-stream-client-body-closed-only-after-decode',
              'a new streaming ingestion client closes the answer only after a successful decode, so every rejected '
              'batch (a 4xx or 5xx answer) keeps its connection', 'new'),
             (2, 'go-00-kusto-new-stream-client-request-without-context',
              'a new streaming ingestion client builds its request without the caller\'s context, so a cancelled '
              'ingestion keeps uploading and waiting for the cluster', 'new'),
             (0, 'go-ok-00-kusto-new-stream-client-body-deferred-context-passed',
              'clean: a new streaming ingestion client, the request bound to the caller\'s context and the answer '
              'closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: draft block minting of a blockchain node (iotex-core)
IOTEX = template('iotex-block-preparer', r'''
// mintResult is what one mint goroutine produced.
type mintResult struct {
    blk *block.Block
    err error
}

// blockPreparer mints draft blocks ahead of their round, one goroutine per requested height.
type blockPreparer struct {
    mu      sync.Mutex
    tasks   map[uint64]chan mintResult
    drafts  draftCache
    timeout time.Duration
    panics  prometheus.Counter
    logger  *zap.Logger
}

// draftCache keeps minted drafts so that a restarted round does not mint them again.
type draftCache interface {
    Put(height uint64, blk *block.Block) error
}

func newBlockPreparer(drafts draftCache, timeout time.Duration, panics prometheus.Counter, logger *zap.Logger) *blockPreparer {
    return &blockPreparer{
        tasks:   make(map[uint64]chan mintResult),
        drafts:  drafts,
        timeout: timeout,
        panics:  panics,
        logger:  logger,
    }
}

// PrepareOrWait starts minting the draft block at height unless that already happened, and waits for it until ctx
// ends or the preparer's timeout passes.
func (d *blockPreparer) PrepareOrWait(ctx context.Context, height uint64, mint func() (*block.Block, error)) (*block.Block, error) {
    d.mu.Lock()
    ch, ok := d.tasks[height]
    if !ok {
        ch = make(chan mintResult, 1)
        d.tasks[height] = ch
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    d.panics.Inc()
02|                    d.logger.Error("mint panicked", zap.Uint64("height", height), zap.Any("panic", r), zap.Stack("stack"))
02|                    ch <- mintResult{err: fmt.Errorf("minting height %d panicked: %v", height, r)}
02|                }
02|            }()
            blk, err := mint()
            if err == nil {
01|                if perr := d.drafts.Put(height, blk); perr != nil {
01|                    d.logger.Warn("caching the draft block failed", zap.Uint64("height", height), zap.Error(perr))
01|                }
2|                d.drafts.Put(height, blk) //@ERR-01
            }
            ch <- mintResult{blk: blk, err: err}
        }()
    }
    d.mu.Unlock()

    timer := time.NewTimer(d.timeout)
    defer timer.Stop()
    select {
    case res := <-ch:
        ch <- res // later callers for the same height get the same result
        return res.blk, res.err
    case <-timer.C:
        return nil, fmt.Errorf("minting height %d: timed out after %s", height, d.timeout)
    case <-ctx.Done():
        return nil, ctx.Err()
    }
}

// ReceiveBlock forgets the drafts at or below the height of a committed block.
func (d *blockPreparer) ReceiveBlock(blk *block.Block) {
    d.mu.Lock()
    defer d.mu.Unlock()
    for h := range d.tasks {
        if h <= blk.Height() {
            delete(d.tasks, h)
        }
    }
}
''')
cases_of(case, GH + 'iotexproject/iotex-core/pull/4840', 'state/factory/blockpreparer.go',
         G('factory', ['context', 'fmt', 'sync', 'time', '', 'github.com/prometheus/client_golang/prometheus',
                       'go.uber.org/zap', '', 'github.com/iotexproject/iotex-core/v2/blockchain/block'])(IOTEX), [
             (1, 'go-00-iotex-block-preparer-mint-goroutine-without-recover',
              'an edit removes the recover from the mint goroutine, so a draft block that panics while reading '
              'pruned state takes the whole delegate node down', 'edit'),
             (2, 'go-00-iotex-block-preparer-draft-cache-error-dropped',
              'an edit stores each minted draft in the cache without looking at the error, so a failing cache makes '
              'every restarted round mint again without a trace', 'edit'),
             (0, 'go-ok-00-iotex-block-preparer-recovered-mint-cache-error-logged',
              'clean: the fix recovers, counts and reports a panicking mint, and logs a failed cache write', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: request pairing of an observability agent (kindling)
KINDLING = template('kindling-network-analyzer', r'''
// connKey identifies one in-flight request on a connection of a process.
type connKey struct {
    pid   uint32
    sport uint16
    dport uint16
}

// NetworkAnalyzer pairs the request and response events of a connection into request records.
type NetworkAnalyzer struct {
    mu       sync.Mutex
    inflight map[connKey]*model.KindlingEvent
    out      chan<- *model.RequestRecord
    maxAge   time.Duration
    dropped  atomic.Int64
    logger   *zap.Logger
}

// ConsumeEvent is called by the receiver, one goroutine per CPU ring buffer, for every syscall event.
func (na *NetworkAnalyzer) ConsumeEvent(evt *model.KindlingEvent) error {
    key := connKey{pid: evt.Ctx.ThreadInfo.Pid, sport: evt.Ctx.FdInfo.Sport, dport: evt.Ctx.FdInfo.Dport}
2|    na.logger.Info("event received", zap.String("name", evt.Name), zap.Uint32("pid", key.pid), zap.Uint64("ts", evt.Timestamp)) //@LOG-01
    switch evt.Name {
    case "sendmsg", "sendto", "write":
02|        na.mu.Lock()
        na.inflight[key] = evt //@{1}CONC-03
02|        na.mu.Unlock()
        return nil
    case "recvmsg", "recvfrom", "read":
        na.mu.Lock()
        req, ok := na.inflight[key]
        if ok {
            delete(na.inflight, key)
        }
        na.mu.Unlock()
        if !ok {
            na.dropped.Add(1)
            return nil
        }
        na.out <- &model.RequestRecord{
            Pid:      key.pid,
            Start:    req.Timestamp,
            Duration: evt.Timestamp - req.Timestamp,
            Request:  req,
            Response: evt,
        }
        return nil
    default:
        return nil
    }
}

// expire drops requests that never got a response; the analyzer's ticker calls it every few seconds.
func (na *NetworkAnalyzer) expire(now time.Time) {
    cutoff := uint64(now.Add(-na.maxAge).UnixNano())
    na.mu.Lock()
    defer na.mu.Unlock()
    for k, evt := range na.inflight {
        if evt.Timestamp < cutoff {
            delete(na.inflight, k)
            na.dropped.Add(1)
        }
    }
}
''')
cases_of(case, GH + 'harmonycloud/kindling/issues/116', 'collector/pkg/component/analyzer/network/network_analyzer.go',
         G('network', ['sync', 'sync/atomic', 'time', '', 'go.uber.org/zap', '',
                       'github.com/Kindling-project/kindling/collector/pkg/model'])(KINDLING), [
             (1, 'go-00-kindling-network-analyzer-request-stored-without-lock',
              'an edit stores each request event in the in-flight map without the lock, so the ring-buffer '
              'goroutines write the map while others read, delete and expire it', 'edit'),
             (2, 'go-00-kindling-network-analyzer-info-line-per-syscall-event',
              'an edit logs every syscall event at info level, so a busy node writes one log line per send and '
              'receive', 'edit'),
             (0, 'go-ok-00-kindling-network-analyzer-locked-map-quiet-events',
              'clean: the fix writes the in-flight map under its lock, no line per event', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: websocket subscriptions of a blockchain node's EVM RPC (sei-chain)
SEI = template('sei-subscription-manager', r'''
// SubscriberID names one websocket subscription.
type SubscriberID string

// EventSource delivers new block events until its context ends.
type EventSource interface {
    SubscribeNewBlocks(ctx context.Context, subscriber string) (<-chan BlockEvent, error)
}

// SubscriptionManager fans new-block events out to the websocket subscribers of the EVM RPC.
type SubscriptionManager struct {
    mu     sync.Mutex
    subs   map[SubscriberID]context.CancelFunc
    source EventSource
    logger log.Logger
}

// Subscribe starts delivering new headers to send until Unsubscribe is called, send fails or ctx ends.
func (m *SubscriptionManager) Subscribe(ctx context.Context, id SubscriberID, send func(*Header) error) error {
    subCtx, cancel := context.WithCancel(ctx) //@{2}TMO-03
    events, err := m.source.SubscribeNewBlocks(subCtx, string(id))
    if err != nil {
01|        cancel()
        return fmt.Errorf("subscribing %s to new blocks: %w", id, err)
    }
    m.mu.Lock()
    m.subs[id] = cancel
    m.mu.Unlock()
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                m.logger.Error("subscription goroutine panicked", "id", id, "panic", r, "stack", string(debug.Stack()))
02|            }
02|        }()
        defer m.Unsubscribe(id)
        for {
            select {
            case <-subCtx.Done():
                return
            case ev, ok := <-events:
                if !ok {
                    return
                }
                if err := send(ev.Header); err != nil {
                    m.logger.Info("subscriber went away", "id", id, "err", err)
                    return
                }
            }
        }
    }()
    return nil
}

// Unsubscribe stops the subscription's goroutine; unknown ids are ignored.
func (m *SubscriptionManager) Unsubscribe(id SubscriberID) {
    m.mu.Lock()
    cancel, ok := m.subs[id]
    delete(m.subs, id)
    m.mu.Unlock()
    if ok {
        cancel()
    }
}
''')
SEI_IMPORTS = {0: ['context', 'fmt', 'runtime/debug', 'sync', '', 'github.com/tendermint/tendermint/libs/log'],
               1: ['context', 'fmt', 'sync', '', 'github.com/tendermint/tendermint/libs/log'],
               2: ['context', 'fmt', 'runtime/debug', 'sync', '', 'github.com/tendermint/tendermint/libs/log']}
cases_of(case, GH + 'sei-protocol/sei-chain/pull/2166', 'evmrpc/subscribe.go',
         GV('evmrpc', SEI_IMPORTS)(SEI), [
             (1, 'go-00-sei-subscription-manager-goroutine-without-recover',
              'an edit starts each subscription\'s delivery goroutine without a recover, so a panic while encoding '
              'one header crashes the whole node', 'edit'),
             (2, 'go-00-sei-subscription-manager-cancel-skipped-on-subscribe-error',
              'an edit drops the cancel when subscribing to new blocks fails, so each failed websocket '
              'subscription leaves its derived context registered under the connection\'s', 'edit'),
             (0, 'go-ok-00-sei-subscription-manager-recovered-delivery-cancel-on-error',
              'clean: the fix recovers and logs a panicking delivery goroutine, the context cancelled on the error '
              'path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-01: RTMP ingest of a video transcoding node (go-livepeer)
LIVEPEER = template('livepeer-rtmp-ingest', r'''
// IngestServer accepts RTMP publishers and hands each stream to the segmenter.
type IngestServer struct {
    segmenter        Segmenter
    handshakeTimeout time.Duration
    maxStreams       int
    active           atomic.Int32
}

// Serve accepts publishers on ln until it is closed; every connection is handled on its own goroutine.
func (s *IngestServer) Serve(ln net.Listener) error {
    for {
        conn, err := ln.Accept()
        if err != nil {
            if errors.Is(err, net.ErrClosed) {
                return nil
            }
            return fmt.Errorf("rtmp accept: %w", err)
        }
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    glog.Errorf("panic serving RTMP publisher %s: %v\n%s", conn.RemoteAddr(), r, debug.Stack())
02|                    conn.Close()
02|                }
02|            }()
            s.handleConn(conn)
        }()
    }
}

// handleConn runs the handshake under a deadline, then feeds the stream to the segmenter until the publisher stops.
func (s *IngestServer) handleConn(conn net.Conn) {
01|    defer conn.Close()
    if n := s.active.Add(1); int(n) > s.maxStreams { //@{2}RES-01
        s.active.Add(-1)
        glog.Warningf("refusing RTMP publisher %s: %d streams already active", conn.RemoteAddr(), s.maxStreams)
        return
    }
    defer s.active.Add(-1)
    if err := conn.SetDeadline(time.Now().Add(s.handshakeTimeout)); err != nil {
        glog.Errorf("setting the handshake deadline for %s: %v", conn.RemoteAddr(), err)
        return
    }
    stream, err := rtmpHandshake(conn)
    if err != nil {
        glog.Errorf("RTMP handshake with %s failed: %v", conn.RemoteAddr(), err)
        return
    }
    if err := conn.SetDeadline(time.Time{}); err != nil {
        glog.Errorf("clearing the deadline for %s: %v", conn.RemoteAddr(), err)
        return
    }
    if err := s.segmenter.Segment(stream); err != nil {
        glog.Errorf("segmenting stream %s: %v", stream.Name(), err)
    }
2|    conn.Close()
}
''')
LIVEPEER_IMPORTS = {0: ['errors', 'fmt', 'net', 'runtime/debug', 'sync/atomic', 'time', '', 'github.com/golang/glog'],
                    1: ['errors', 'fmt', 'net', 'sync/atomic', 'time', '', 'github.com/golang/glog'],
                    2: ['errors', 'fmt', 'net', 'runtime/debug', 'sync/atomic', 'time', '', 'github.com/golang/glog']}
cases_of(case, GH + 'livepeer/go-livepeer/issues/75', 'core/rtmp_ingest.go',
         GV('core', LIVEPEER_IMPORTS)(LIVEPEER), [
             (1, 'go-00-livepeer-rtmp-ingest-connection-goroutine-without-recover',
              'an edit serves each RTMP publisher on a goroutine without a recover, so one malformed stream that '
              'panics the parser stops the node', 'edit'),
             (2, 'go-00-livepeer-rtmp-ingest-connection-closed-only-after-segmenting',
              'an edit closes the publisher\'s connection only after segmenting, so every refused, failed or timed '
              'out handshake leaves its socket open', 'edit'),
             (0, 'go-ok-00-livepeer-rtmp-ingest-recovered-goroutine-deferred-close',
              'clean: the fix recovers a panicking connection goroutine and closes every connection by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: transaction store of a blockchain transaction processor (arc)
ARC = template('arc-claim-unmined', r'''
const claimUnminedQuery = `
SELECT hash, stored_at, status, raw_tx FROM metamorph.transactions
WHERE locked_by = 'NONE' AND status < $1
ORDER BY stored_at
LIMIT $2
FOR UPDATE SKIP LOCKED`

const markLockedQuery = `UPDATE metamorph.transactions SET locked_by = $1 WHERE hash = ANY($2)`

// PostgreSQL is the metamorph store on Postgres.
type PostgreSQL struct {
    db       *sql.DB
    hostname string
    logger   *slog.Logger
}

// ClaimUnmined locks up to limit transactions that no instance holds yet for this instance and returns them, so that
// two metamorph instances never re-broadcast the same transaction.
func (p *PostgreSQL) ClaimUnmined(ctx context.Context, limit int) ([]*store.Data, error) {
01|    tx, err := p.db.BeginTx(ctx, nil)
01|    if err != nil {
01|        return nil, fmt.Errorf("begin claim: %w", err) //@{1}TX-01
01|    }
2|    tx, _ := p.db.BeginTx(ctx, nil) //@TX-02
02|    defer func() {
02|        if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
02|            p.logger.Warn("rolling back the claim failed", slog.String("err", err.Error()))
02|        }
02|    }()
    rows, err := tx.QueryContext(ctx, claimUnminedQuery, metamorph_api.Status_MINED, limit)
    if err != nil {
        return nil, fmt.Errorf("selecting unmined transactions: %w", err)
    }
    defer rows.Close()
    var claimed []*store.Data
    var hashes [][]byte
    for rows.Next() {
        d, err := scanData(rows)
        if err != nil {
            return nil, err
        }
        claimed = append(claimed, d)
        hashes = append(hashes, d.Hash[:])
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("reading unmined transactions: %w", err)
    }
    if _, err := tx.ExecContext(ctx, markLockedQuery, p.hostname, pq.Array(hashes)); err != nil {
        return nil, fmt.Errorf("locking %d transactions: %w", len(hashes), err)
    }
    if err := tx.Commit(); err != nil {
        return nil, fmt.Errorf("commit claim: %w", err)
    }
    return claimed, nil
}
''')
ARC_TAIL = ['', 'github.com/lib/pq', '', 'github.com/bitcoin-sv/arc/internal/metamorph/metamorph_api',
            'github.com/bitcoin-sv/arc/internal/metamorph/store']
ARC_IMPORTS = {0: ['context', 'database/sql', 'errors', 'fmt', 'log/slog'] + ARC_TAIL,
               1: ['context', 'database/sql', 'fmt', 'log/slog'] + ARC_TAIL,
               2: ['context', 'database/sql', 'errors', 'fmt', 'log/slog'] + ARC_TAIL}
cases_of(case, GH + 'bitcoin-sv/arc/pull/528', 'internal/metamorph/store/postgresql/claim.go',
         GV('postgresql', ARC_IMPORTS)(ARC), [
             (1, 'go-00-arc-claim-unmined-failed-claim-not-rolled-back',
              'an edit removes the deferred rollback of the claim, so every failed select, lock or scan returns with '
              'the transaction open and its rows locked FOR UPDATE', 'edit'),
             (2, 'go-00-arc-claim-unmined-begin-error-discarded',
              'an edit discards the error of BeginTx, so a pool that cannot hand out a connection panics on a nil '
              'transaction instead of failing the claim', 'edit'),
             (0, 'go-ok-00-arc-claim-unmined-begin-checked-rollback-deferred',
              'clean: the fix checks BeginTx and rolls the claim back by defer on every early return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / LOG-01: catch-up reading of a log ingester (gravwell)
GRAVWELL = template('gravwell-file-catchup', r'''
// entryWriter is the part of the ingest muxer the follower writes through.
type entryWriter interface {
    WriteEntry(e *entry.Entry) error
}

// Follower ingests the lines appended to a set of log files, remembering how far it got in each.
type Follower struct {
    igst  entryWriter
    state *stateFile
    tag   entry.EntryTag
    lg    *log.Logger
}

// catchUp reads every matching file from its saved offset to its end before live following starts.
func (f *Follower) catchUp(paths []string) error {
    for _, p := range paths {
        fh, err := os.Open(p)
        if err != nil {
            f.lg.Warn("cannot open file for catch-up", log.KV("path", p), log.KVErr(err))
            continue
        }
1|        defer fh.Close() //@RES-03
        off := f.state.Offset(p)
        if _, err := fh.Seek(off, io.SeekStart); err != nil {
02|            fh.Close()
            return fmt.Errorf("seek %s to %d: %w", p, off, err)
        }
        n, err := f.readLines(p, fh, off)
02|        fh.Close()
        if err != nil {
            return err
        }
        f.lg.Info("caught up", log.KV("path", p), log.KV("lines", n))
    }
    return nil
}

// readLines sends each complete line of r to the muxer and records the offset after it.
func (f *Follower) readLines(path string, r io.Reader, off int64) (int, error) {
    br := bufio.NewReaderSize(r, 64*1024)
    var n int
    for {
        line, err := br.ReadBytes('\n')
        if len(line) > 0 && line[len(line)-1] == '\n' {
            off += int64(len(line))
2|            f.lg.Info("ingesting line", log.KV("path", path), log.KV("offset", off), log.KV("line", string(line))) //@LOG-01
            ent := &entry.Entry{TS: entry.Now(), Tag: f.tag, Data: bytes.TrimRight(line, "\r\n")}
            if werr := f.igst.WriteEntry(ent); werr != nil {
                return n, fmt.Errorf("writing an entry of %s: %w", path, werr)
            }
            f.state.SetOffset(path, off)
            n++
        }
        if err == io.EOF {
            return n, nil
        }
        if err != nil {
            return n, fmt.Errorf("reading %s: %w", path, err)
        }
    }
}
''')
cases_of(case, GH + 'gravwell/gravwell/pull/656', 'ingesters/filewatch/catchup.go',
         G('filewatch', ['bufio', 'bytes', 'fmt', 'io', 'os', '', 'github.com/gravwell/gravwell/v3/ingest/entry',
                         'github.com/gravwell/gravwell/v3/ingest/log'])(GRAVWELL), [
             (1, 'go-00-gravwell-file-catchup-files-closed-by-defer-in-loop',
              'an edit closes each caught-up file by a defer inside the loop, so a directory of thousands of rotated '
              'logs stays open until the whole catch-up ends', 'edit'),
             (2, 'go-00-gravwell-file-catchup-info-line-per-ingested-line',
              'an edit logs every ingested line, its text included, at info level, so the ingester writes one log '
              'line of its own per line it ships', 'edit'),
             (0, 'go-ok-00-gravwell-file-catchup-closed-per-file-quiet-lines',
              'clean: the fix closes each file as soon as it is read, no line per ingested line', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: chronyd scrape of a metrics exporter (chrony_exporter)
CHRONY = template('chrony-exporter-scrape', r'''
// Exporter collects chronyd's tracking and sources data over its command socket.
type Exporter struct {
    network string
    address string
    timeout time.Duration
    logger  *slog.Logger

    collectTracking bool
    collectSources  bool
}

// Collect implements prometheus.Collector: one scrape, one command socket.
func (e Exporter) Collect(ch chan<- prometheus.Metric) {
    start := time.Now()
    up := 1.0
    if err := e.scrape(ch); err != nil {
        e.logger.Error("scrape of chronyd failed", "address", e.address, "err", err)
        up = 0
    }
    ch <- prometheus.MustNewConstMetric(upDesc, prometheus.GaugeValue, up)
    ch <- prometheus.MustNewConstMetric(scrapeDurationDesc, prometheus.GaugeValue, time.Since(start).Seconds())
}

// scrape asks chronyd for tracking and sources over a fresh socket; --chrony.timeout bounds the dial and every
// exchange after it.
func (e Exporter) scrape(ch chan<- prometheus.Metric) error {
    conn, err := net.DialTimeout(e.network, e.address, e.timeout)
    if err != nil {
        return fmt.Errorf("dialing chronyd at %s: %w", e.address, err)
    } //@{2}RES-01
01|    defer conn.Close() //@{1}TMO-01
02|    if err := conn.SetDeadline(time.Now().Add(e.timeout)); err != nil {
02|        return fmt.Errorf("setting the deadline: %w", err)
02|    }
    client := chrony.Client{Connection: conn, Sequence: 1}
    if e.collectTracking {
        if err := e.getTrackingMetrics(ch, client); err != nil {
            return fmt.Errorf("tracking: %w", err)
        }
    }
    if e.collectSources {
        if err := e.getSourcesMetrics(ch, client); err != nil {
            return fmt.Errorf("sources: %w", err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'SuperQ/chrony_exporter/issues/173', 'collector/collector.go',
         G('collector', ['fmt', 'log/slog', 'net', 'time', '', 'github.com/facebook/time/ntp/chrony',
                         'github.com/prometheus/client_golang/prometheus'])(CHRONY), [
             (1, 'go-00-chrony-exporter-scrape-socket-without-deadline',
              'an edit no longer sets a deadline on the command socket, so a chronyd that accepts the datagram and '
              'never answers holds the scrape until Prometheus gives up', 'edit'),
             (2, 'go-00-chrony-exporter-scrape-socket-never-closed',
              'an edit drops the close of the command socket, so every scrape leaves one UDP socket open in the '
              'exporter', 'edit'),
             (0, 'go-ok-00-chrony-exporter-scrape-deadline-set-socket-closed',
              'clean: the fix sets the timeout as a deadline on the socket, closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-01: background notice sender of an error-reporting client (gobrake)
GOBRAKE = template('gobrake-notice-sender', r'''
// maxPendingNotices bounds the notices in flight; more are dropped and counted.
const maxPendingNotices = 1000

// noticeSender posts notices to the Airbrake API in the background so that SendAsync never blocks the caller.
type noticeSender struct {
    url     string
    key     string
    client  *http.Client
    sem     chan struct{}
    wg      sync.WaitGroup
    dropped atomic.Uint64
}

func newNoticeSender(host string, projectID int64, projectKey string) *noticeSender {
    return &noticeSender{
        url: fmt.Sprintf("%s/api/v3/projects/%d/notices", host, projectID),
        key: projectKey,
01|        client: &http.Client{
01|            Timeout: 10 * time.Second,
01|            Transport: &http.Transport{
01|                TLSHandshakeTimeout: 5 * time.Second,
01|                MaxIdleConnsPerHost: 10,
01|            },
01|        },
2|        client: &http.Client{ //@TMO-01
2|            Transport: &http.Transport{
2|                MaxIdleConnsPerHost: 10,
2|            },
2|        },
        sem: make(chan struct{}, maxPendingNotices),
    }
}

// SendAsync queues the notice and returns at once; when maxPendingNotices are already in flight the notice is
// dropped and counted.
func (s *noticeSender) SendAsync(n *Notice) {
02|    select {
02|    case s.sem <- struct{}{}:
02|    default:
02|        s.dropped.Add(1)
02|        logger.Printf("gobrake: %d notices in flight, dropping one", maxPendingNotices)
02|        return
02|    }
    s.wg.Add(1)
    go func() { //@{1}CONC-02
        defer s.wg.Done()
02|        defer func() { <-s.sem }()
        defer func() {
            if r := recover(); r != nil {
                logger.Printf("gobrake: sending a notice panicked: %v", r)
            }
        }()
        if err := s.send(n); err != nil {
            logger.Printf("gobrake: sending a notice failed: %s", err)
        }
    }()
}

// send posts one notice and checks the answer.
func (s *noticeSender) send(n *Notice) error {
    body, err := json.Marshal(n)
    if err != nil {
        return err
    }
    req, err := http.NewRequest(http.MethodPost, s.url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+s.key)
    req.Header.Set("Content-Type", "application/json")
    resp, err := s.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        return fmt.Errorf("airbrake answered %s", resp.Status)
    }
    return nil
}

// Flush waits for the notices in flight.
func (s *noticeSender) Flush() {
    s.wg.Wait()
}
''')
cases_of(case, GH + 'airbrake/gobrake/pull/45', 'notice_sender.go',
         G('gobrake', ['bytes', 'encoding/json', 'fmt', 'net/http', 'sync', 'sync/atomic', 'time'])(GOBRAKE), [
             (1, 'go-00-gobrake-renamed-notice-sender-goroutine-per-notice-unbounded',
              'a PR renames the notifier\'s sender with its file and drops the bound on notices in flight, so an '
              'error storm against a slow API starts one goroutine per notice until memory runs out', 'rename'),
             (2, 'go-00-gobrake-renamed-notice-sender-client-without-timeout',
              'a PR renames the notifier\'s sender with its file and builds its HTTP client without a timeout, so an '
              'API that stops answering keeps every pending notice\'s goroutine forever', 'rename'),
             (0, 'go-ok-00-gobrake-renamed-notice-sender-bounded-timed-out',
              'clean: the rename alone; notices in flight bounded, the client with a timeout', 'rename'),
         ], rename_from='sender.go',
         rename_old=lambda t: t.replace('newNoticeSender', 'newSender').replace('noticeSender', 'sender'))


# ---------------------------------------------------------------- TMO-03 / TMO-02: traces exporter of a telemetry collector (opentelemetry-collector-contrib)
OTEL = template('otel-datadog-traces-exporter', r'''
// traceExporter sends translated trace payloads to the trace intake.
type traceExporter struct {
    client     traceClient
    translator *translator
    logger     *zap.Logger
}

// traceClient is the intake API the exporter sends payloads through.
type traceClient interface {
    SendTraces(ctx context.Context, p *payload) error
}

// createTracesExporter builds the traces exporter; host metadata is pushed in the background until the exporter
// shuts down.
func (f *factory) createTracesExporter(ctx context.Context, set exporter.CreateSettings, c component.Config) (exporter.Traces, error) {
    cfg := c.(*Config)
    pushCtx, cancel := context.WithCancel(ctx) //@{1}TMO-03
    exp, err := newTraceExporter(pushCtx, set, cfg, f.sourceProvider)
    if err != nil {
02|        cancel()
        return nil, err
    }
    if cfg.HostMetadata.Enabled {
        go hostmetadata.RunPusher(pushCtx, set, newMetadataConfig(cfg), f.sourceProvider)
    }
    return exporterhelper.NewTracesExporter(ctx, set, cfg, exp.consumeTraces,
        exporterhelper.WithCapabilities(consumer.Capabilities{MutatesData: false}),
        exporterhelper.WithTimeout(exporterhelper.TimeoutSettings{Timeout: 0}),
        exporterhelper.WithShutdown(func(context.Context) error {
            cancel()
            return nil
        }),
    )
}

// consumeTraces translates a batch and sends every payload; the pipeline's context bounds each send.
func (exp *traceExporter) consumeTraces(ctx context.Context, td ptrace.Traces) error {
    payloads := exp.translator.translate(td)
    for _, p := range payloads {
01|        if err := exp.client.SendTraces(ctx, p); err != nil {
2|        if err := exp.client.SendTraces(context.Background(), p); err != nil { //@TMO-02
            return fmt.Errorf("sending %d spans: %w", p.spanCount, err)
        }
    }
    exp.logger.Debug("sent trace payloads", zap.Int("payloads", len(payloads)))
    return nil
}
''')
cases_of(case, GH + 'open-telemetry/opentelemetry-collector-contrib/pull/9797', 'exporter/datadogexporter/traces_exporter.go',
         G('datadogexporter', ['context', 'fmt', '', 'go.opentelemetry.io/collector/component',
                               'go.opentelemetry.io/collector/consumer', 'go.opentelemetry.io/collector/exporter',
                               'go.opentelemetry.io/collector/exporter/exporterhelper',
                               'go.opentelemetry.io/collector/pdata/ptrace', 'go.uber.org/zap', '',
                               'github.com/open-telemetry/opentelemetry-collector-contrib/exporter/datadogexporter/internal/hostmetadata'])(OTEL), [
             (1, 'go-00-otel-datadog-traces-exporter-cancel-skipped-on-error',
              'an edit drops the cancel when building the traces exporter fails, so each failed exporter leaves its '
              'metadata context (and whatever newTraceExporter started on it) running', 'edit'),
             (2, 'go-00-otel-datadog-traces-exporter-send-ignores-pipeline-context',
              'an edit sends each trace payload with a background context, so the pipeline\'s timeout and shutdown no '
              'longer stop a send that hangs', 'edit'),
             (0, 'go-ok-00-otel-datadog-traces-exporter-cancelled-on-error-context-passed',
              'clean: the fix cancels the metadata context on the error path and sends under the pipeline\'s '
              'context', 'fix'),
         ])
