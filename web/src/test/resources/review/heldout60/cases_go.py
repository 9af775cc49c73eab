"""Round-60 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-03 / CONC-01: RTMP ingest of a live-streaming server (streamplace)
STREAMPLACE = template('streamplace-rtmp-ingest', r'''
// Segmenter cuts one published stream into media segments.
type Segmenter interface {
    Ingest(ctx context.Context, streamKey string, r io.Reader) error
}

// Server accepts RTMP publishers and hands every stream to the segmenter.
type Server struct {
    listener  net.Listener
    segmenter Segmenter
    log       *slog.Logger
    idle      time.Duration

    mu       sync.Mutex
    sessions map[string]context.CancelFunc
}

// NewServer listens on addr for publishers.
func NewServer(addr string, segmenter Segmenter, log *slog.Logger, idle time.Duration) (*Server, error) {
    ln, err := net.Listen("tcp", addr)
    if err != nil {
        return nil, fmt.Errorf("listen for rtmp on %s: %w", addr, err)
    }
    return &Server{
        listener:  ln,
        segmenter: segmenter,
        log:       log,
        idle:      idle,
        sessions:  make(map[string]context.CancelFunc),
    }, nil
}

// Serve accepts publishers until ctx is done or the listener fails.
func (s *Server) Serve(ctx context.Context) error {
    go func() {
        <-ctx.Done()
        s.listener.Close()
    }()
    for {
        conn, err := s.listener.Accept()
        if err != nil {
            if ctx.Err() != nil {
                return nil
            }
            return fmt.Errorf("accept rtmp publisher: %w", err)
        }
        go func() { //@{2}CONC-01
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    s.log.Error("rtmp session panicked", "remote", conn.RemoteAddr().String(), "panic", r,
01|                        "stack", string(debug.Stack()))
01|                    conn.Close()
01|                }
01|            }()
            s.handle(ctx, conn)
        }()
    }
}

// Kick ends the session publishing streamKey, if there is one.
func (s *Server) Kick(streamKey string) bool {
    s.mu.Lock()
    defer s.mu.Unlock()
    cancel, ok := s.sessions[streamKey]
    if ok {
        cancel()
        delete(s.sessions, streamKey)
    }
    return ok
}

// handle runs one publisher's session until its connection closes or the session is kicked.
func (s *Server) handle(parent context.Context, conn net.Conn) {
    defer conn.Close()

    streamKey, err := readHandshake(conn, s.idle)
    if err != nil {
        s.log.Warn("rtmp handshake failed", "remote", conn.RemoteAddr().String(), "err", err)
        return
    }
    ctx, cancel := context.WithCancel(parent) //@{1}TMO-03
02|    defer cancel()
    s.mu.Lock()
    s.sessions[streamKey] = cancel
    s.mu.Unlock()
    defer func() {
        s.mu.Lock()
        delete(s.sessions, streamKey)
        s.mu.Unlock()
    }()

    s.log.Info("rtmp publisher connected", "stream", streamKey, "remote", conn.RemoteAddr().String())
    if err := s.segmenter.Ingest(ctx, streamKey, conn); err != nil && !errors.Is(err, io.EOF) {
        s.log.Warn("rtmp ingest ended", "stream", streamKey, "err", err)
    }
}
''')
STREAMPLACE_BASE = ['context', 'errors', 'fmt', 'io', 'log/slog', 'net']
cases_of(case, GH + 'streamplace/streamplace/pull/1082', 'pkg/rtmps/server.go',
         GV('rtmps', {0: STREAMPLACE_BASE + ['runtime/debug', 'sync', 'time'],
                      1: STREAMPLACE_BASE + ['runtime/debug', 'sync', 'time'],
                      2: STREAMPLACE_BASE + ['sync', 'time']})(STREAMPLACE), [
             (1, 'go-00-streamplace-rtmp-session-context-never-cancelled',
              'an edit stops cancelling the session context when a publisher disconnects, so every closed RTMP '
              'connection leaves its context and the segmenter goroutines watching it alive', 'edit'),
             (2, 'go-00-streamplace-rtmp-session-goroutine-without-recover',
              'an edit drops the recover of the per-publisher goroutine, so one malformed stream that panics the '
              'demuxer ends the server for every live stream', 'edit'),
             (0, 'go-ok-00-streamplace-rtmp-session-context-cancelled',
              'clean: the fix cancels the session context when the publisher\'s session returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: S7 PLC connection of an industrial IoT library (gos7)
GOS7 = template('gos7-tcp-connect', r'''
const (
    tcpTimeout     = 10 * time.Second
    tcpIdleTimeout = 60 * time.Second
    isoTCP         = 102
)

// tcpTransporter implements the ISO-on-TCP transport of an S7 PLC.
type tcpTransporter struct {
    Address     string
    Timeout     time.Duration
    IdleTimeout time.Duration
    KeepAlive   time.Duration

    rack, slot int
    pduLength  int

    mu           sync.Mutex
    conn         net.Conn
    closeTimer   *time.Timer
    lastActivity time.Time
}

// Connect opens the connection and negotiates the PDU size if there is no open connection yet.
func (mb *tcpTransporter) Connect() error {
    mb.mu.Lock()
    defer mb.mu.Unlock()
    return mb.connect()
}

func (mb *tcpTransporter) connect() (err error) {
    if mb.conn != nil {
        return nil
    }
01|    dialer := net.Dialer{Timeout: mb.Timeout, KeepAlive: mb.KeepAlive}
01|    conn, err := dialer.Dial("tcp", mb.Address)
2|    conn, err := net.Dial("tcp", mb.Address) //@TMO-01
    if err != nil { //@{1}RES-01
        return fmt.Errorf("dial plc %s: %w", mb.Address, err)
    }
02|    defer func() {
02|        if err != nil {
02|            conn.Close()
02|        }
02|    }()
    if err = mb.isoConnect(conn); err != nil {
        return fmt.Errorf("iso connect to %s: %w", mb.Address, err)
    }
    if err = mb.negotiatePduLength(conn); err != nil {
        return fmt.Errorf("negotiate pdu length with %s: %w", mb.Address, err)
    }
    mb.conn = conn
    mb.lastActivity = time.Now()
    mb.startCloseTimer()
    return nil
}

// Send writes one request and reads the PLC's answer, reconnecting first when the link was closed as idle.
func (mb *tcpTransporter) Send(request []byte) ([]byte, error) {
    mb.mu.Lock()
    defer mb.mu.Unlock()
    if err := mb.connect(); err != nil {
        return nil, err
    }
    mb.lastActivity = time.Now()
    mb.startCloseTimer()
    if err := mb.conn.SetDeadline(mb.lastActivity.Add(mb.Timeout)); err != nil {
        return nil, err
    }
    if _, err := mb.conn.Write(request); err != nil {
        return nil, err
    }
    return readTPKT(mb.conn)
}

// Close closes the current connection.
func (mb *tcpTransporter) Close() error {
    mb.mu.Lock()
    defer mb.mu.Unlock()
    return mb.close()
}

func (mb *tcpTransporter) close() (err error) {
    if mb.conn != nil {
        err = mb.conn.Close()
        mb.conn = nil
    }
    return
}
''')
cases_of(case, GH + 'robinson/gos7/pull/72', 'tcpclient.go',
         G('gos7', ['fmt', 'net', 'sync', 'time'])(GOS7), [
             (1, 'go-00-gos7-failed-negotiation-keeps-plc-connection',
              'an edit drops the close of the PLC connection when the ISO connect or the PDU negotiation fails, so '
              'every failed attempt keeps a TCP connection the PLC counts against its few slots', 'edit'),
             (2, 'go-00-gos7-plc-dial-without-timeout',
              'an edit dials the PLC with net.Dial instead of a dialer with a timeout, so an unplugged PLC blocks '
              'Connect until the operating system gives up minutes later', 'edit'),
             (0, 'go-ok-00-gos7-failed-negotiation-closes-connection',
              'clean: the fix closes the connection when the ISO connect or the negotiation fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: Elasticsearch indexer of a blockchain node (mx-chain-go)
MXCHAIN = template('mx-chain-go-es-indexer', r'''
const txIndex = "transactions"

type bulkResponse struct {
    Errors bool `json:"errors"`
    Items  []struct {
        Index struct {
            ID     string `json:"_id"`
            Status int    `json:"status"`
        } `json:"index"`
    } `json:"items"`
}

type elasticIndexer struct {
    db     *elasticsearch.Client
    logger logger.Logger
    hasher hashing.Hasher
}

// SaveTransactions indexes the transactions of one block with a single bulk request.
func (ei *elasticIndexer) SaveTransactions(body *block.Body, header *block.Header, txPool map[string]*transaction.Transaction) error {
    buff := ei.buildTransactionBulk(body, header, txPool)
    if buff.Len() == 0 {
        return nil
    }

    res, err := ei.db.Bulk(bytes.NewReader(buff.Bytes()), ei.db.Bulk.WithIndex(txIndex))
    if err != nil { //@{1}RES-02
        return fmt.Errorf("bulk of %d transactions: %w", len(txPool), err)
    }
02|    defer closeESResponseBody(res)
    if res.IsError() {
        return fmt.Errorf("bulk of %d transactions refused: %s", len(txPool), res.Status())
    }

    var reply bulkResponse
01|    if err := json.NewDecoder(res.Body).Decode(&reply); err != nil {
01|        return fmt.Errorf("decode bulk reply: %w", err)
01|    }
2|    _ = json.NewDecoder(res.Body).Decode(&reply) //@ERR-01
    if reply.Errors {
        for _, item := range reply.Items {
            if item.Index.Status >= 300 {
                ei.logger.Warn("transaction not indexed", "hash", item.Index.ID, "status", item.Index.Status)
            }
        }
    }
    return nil
}

func (ei *elasticIndexer) buildTransactionBulk(body *block.Body, header *block.Header, txPool map[string]*transaction.Transaction) *bytes.Buffer {
    buff := &bytes.Buffer{}
    for hash, tx := range txPool {
        meta := []byte(fmt.Sprintf(`{ "index" : { "_id" : "%s" } }%s`, hex.EncodeToString([]byte(hash)), "\n"))
        doc, err := json.Marshal(buildTransaction(tx, header))
        if err != nil {
            ei.logger.Warn("could not serialize transaction", "hash", hex.EncodeToString([]byte(hash)), "err", err)
            continue
        }
        buff.Grow(len(meta) + len(doc) + 1)
        buff.Write(meta)
        buff.Write(doc)
        buff.WriteByte('\n')
    }
    return buff
}

func closeESResponseBody(res *esapi.Response) {
    if res == nil || res.Body == nil {
        return
    }
    _, _ = io.Copy(io.Discard, res.Body)
    _ = res.Body.Close()
}
''')
cases_of(case, GH + 'multiversx/mx-chain-go/pull/232', 'core/indexer/elasticsearch.go',
         G('indexer', ['bytes', 'encoding/hex', 'encoding/json', 'fmt', 'io', '',
                       'github.com/elastic/go-elasticsearch/v7', 'github.com/elastic/go-elasticsearch/v7/esapi',
                       'github.com/multiversx/mx-chain-go/data/block',
                       'github.com/multiversx/mx-chain-go/data/transaction',
                       'github.com/multiversx/mx-chain-go/hashing', 'github.com/multiversx/mx-chain-go/logger'])(MXCHAIN), [
             (1, 'go-00-mx-chain-indexer-bulk-reply-body-never-closed',
              'an edit stops closing the reply of the transactions bulk request, so every indexed block leaves a '
              'connection to Elasticsearch and its read goroutines behind', 'edit'),
             (2, 'go-00-mx-chain-indexer-bulk-reply-decode-error-dropped',
              'an edit discards the error of decoding the bulk reply, so a truncated reply reads as a bulk without '
              'failed items and lost transactions are never reported', 'edit'),
             (0, 'go-ok-00-mx-chain-indexer-bulk-reply-body-closed',
              'clean: the fix closes and drains the bulk reply by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: model-server control plane of an ML serving platform (seldon-core)
SELDON = template('seldon-core-v2-client', r'''
const (
    modelLoadTimeout   = 30 * time.Minute
    modelUnloadTimeout = 2 * time.Minute
)

// V2Client talks to an inference server (MLServer or Triton) over the open inference protocol.
type V2Client struct {
    grpcClient v2.GRPCInferenceServiceClient
    host       string
    port       int
    logger     log.FieldLogger
}

// V2Err carries the inference server's answer and whether the error is worth a retry.
type V2Err struct {
    IsGrpc bool
    err    error
}

func (e *V2Err) Error() string {
    return e.err.Error()
}

// LoadModel asks the server to load name, waiting at most the load timeout.
func (v *V2Client) LoadModel(ctx context.Context, name string) *V2Err {
02|    ctx, cancel := context.WithTimeout(ctx, modelLoadTimeout)
02|    defer cancel()
    req := &v2.RepositoryModelLoadRequest{ModelName: name}
02|    _, err := v.grpcClient.RepositoryModelLoad(ctx, req, grpc_retry.WithMax(2))
1|    _, err := v.grpcClient.RepositoryModelLoad(context.Background(), req, grpc_retry.WithMax(2)) //@TMO-02
    if err != nil {
        return &V2Err{IsGrpc: true, err: fmt.Errorf("load model %s on %s:%d: %w", name, v.host, v.port, err)}
    }
    return nil
}

// UnloadModel asks the server to unload name, waiting at most the unload timeout.
func (v *V2Client) UnloadModel(ctx context.Context, name string) *V2Err {
    ctx, cancel := context.WithTimeout(ctx, modelUnloadTimeout)
    defer cancel()
    req := &v2.RepositoryModelUnloadRequest{ModelName: name}
    if _, err := v.grpcClient.RepositoryModelUnload(ctx, req, grpc_retry.WithMax(2)); err != nil {
        return &V2Err{IsGrpc: true, err: fmt.Errorf("unload model %s on %s:%d: %w", name, v.host, v.port, err)}
    }
    return nil
}

// Infer forwards one inference request to the server; it runs once for every prediction the model serves.
func (v *V2Client) Infer(ctx context.Context, req *v2.ModelInferRequest) (*v2.ModelInferResponse, error) {
2|    v.logger.Infof("Infer model %s version %s with %d inputs", req.GetModelName(), req.GetModelVersion(), len(req.GetInputs())) //@LOG-01
    resp, err := v.grpcClient.ModelInfer(ctx, req)
    if err != nil {
        return nil, fmt.Errorf("infer %s: %w", req.GetModelName(), err)
    }
    return resp, nil
}
''')
cases_of(case, GH + 'SeldonIO/seldon-core/pull/5329', 'scheduler/pkg/agent/modelserver_controlplane/oip/v2.go',
         G('oip', ['context', 'fmt', 'time', '',
                   'grpc_retry github.com/grpc-ecosystem/go-grpc-middleware/retry',
                   'v2 github.com/seldonio/seldon-core/apis/go/v2/mlops/v2_dataplane',
                   'log github.com/sirupsen/logrus'])(SELDON), [
             (1, 'go-00-seldon-core-model-load-ignores-callers-deadline',
              'an edit loads the model on a context.Background instead of the caller\'s bounded context, so an '
              'inference server that never answers the load leaves the agent and the model\'s state stuck', 'edit'),
             (2, 'go-00-seldon-core-every-inference-logged-at-info',
              'an edit logs every forwarded inference request at info level, so a model serving thousands of '
              'predictions a second floods the agent\'s log', 'edit'),
             (0, 'go-ok-00-seldon-core-model-load-bounded-by-caller',
              'clean: the fix loads the model on the caller\'s context bounded by the load timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: ClickHouse writer of a Kafka-to-ClickHouse ETL sink (clickhouse_sinker)
SINKER = template('clickhouse-sinker-writer', r'''
// ClickHouse writes batches of rows into one table.
type ClickHouse struct {
    Name       string
    TableName  string
    DB         *sql.DB
    Dims       []*model.ColumnWithType
    prepareSQL string
    logger     *zap.SugaredLogger
}

// Init builds the insert statement of the table's columns.
func (c *ClickHouse) Init(dims []*model.ColumnWithType) {
    c.Dims = dims
    cols := make([]string, 0, len(dims))
    params := make([]string, 0, len(dims))
    for _, d := range dims {
        cols = append(cols, "`"+d.Name+"`")
        params = append(params, "?")
    }
    c.prepareSQL = fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", c.TableName, strings.Join(cols, ","),
        strings.Join(params, ","))
}

// Write inserts one batch of rows inside one transaction; the batch is retried by the caller on error.
func (c *ClickHouse) Write(batch []model.Row) error {
    if len(batch) == 0 {
        return nil
    }
    tx, err := c.DB.Begin()
    if err != nil { //@{2}TX-01
        return fmt.Errorf("begin batch for %s: %w", c.TableName, err)
    }
01|    defer tx.Rollback()

    stmt, err := tx.Prepare(c.prepareSQL)
    if err != nil {
        return fmt.Errorf("prepare %s: %w", c.prepareSQL, err)
    }
    defer stmt.Close()

    for _, row := range batch {
        if _, err = stmt.Exec(row...); err != nil {
            return fmt.Errorf("insert row into %s: %w", c.TableName, err)
        }
    }
02|    if err = tx.Commit(); err != nil {
02|        return fmt.Errorf("commit %d rows into %s: %w", len(batch), c.TableName, err)
02|    }
1|    tx.Commit() //@TX-02
    c.logger.Debugf("%s: wrote %d rows into %s", c.Name, len(batch), c.TableName)
    return nil
}

// Close closes the connection pool.
func (c *ClickHouse) Close() error {
    return c.DB.Close()
}
''')
cases_of(case, GH + 'housepower/clickhouse_sinker/issues/36', 'output/clickhouse.go',
         G('output', ['database/sql', 'fmt', 'strings', '', 'github.com/housepower/clickhouse_sinker/model',
                      'go.uber.org/zap'])(SINKER), [
             (1, 'go-00-clickhouse-sinker-batch-commit-error-dropped',
              'an edit calls Commit without checking its error, so a batch ClickHouse refused at commit counts as '
              'written and the consumer moves its Kafka offsets past rows that were never stored', 'edit'),
             (2, 'go-00-clickhouse-sinker-failed-batch-never-rolled-back',
              'an edit drops the deferred rollback of the batch transaction, so a failed prepare or insert returns '
              'with the transaction and its pooled connection still open', 'edit'),
             (0, 'go-ok-00-clickhouse-sinker-batch-commit-error-returned',
              'clean: the fix returns the commit error so the caller retries the batch', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: webhook of a mobile data sync gateway (sync_gateway)
SYNCGW = template('sync-gateway-webhook', r'''
// Webhook posts the documents of matching events to a URL.
type Webhook struct {
    url     string
    filter  *JSEventFunction
    timeout time.Duration
02|    client  *http.Client
}

// NewWebhook returns a webhook posting to url with the given timeout.
func NewWebhook(url string, filterFnString string, timeout *uint64) (*Webhook, error) {
    if url == "" {
        return nil, errors.New("webhook url must not be empty")
    }
    wh := &Webhook{url: url, timeout: kDefaultWebhookTimeout}
    if timeout != nil && *timeout > 0 {
        wh.timeout = time.Duration(*timeout) * time.Second
    }
02|    wh.client = &http.Client{Timeout: wh.timeout}
    if filterFnString != "" {
        wh.filter = NewJSEventFunction(filterFnString)
    }
    return wh, nil
}

// HandleEvent posts the event's document when the filter accepts it; it reports whether the post succeeded.
func (wh *Webhook) HandleEvent(event Event) bool {
    if wh.filter != nil {
        ok, err := wh.filter.CallValidateFunction(event)
        if err != nil || !ok {
            return false
        }
    }
    payload, contentType, err := wh.payload(event)
    if err != nil {
        base.Warnf("Webhook: cannot encode %s: %v", event.String(), err)
        return false
    }

02|    resp, err := wh.client.Post(wh.url, contentType, payload)
1|    client := &http.Client{Timeout: wh.timeout} //@RES-04
1|    resp, err := client.Post(wh.url, contentType, payload)
    if err != nil { //@{2}RES-02
        return wh.failed(event, err)
    }
01|    defer func() {
01|        _, _ = io.Copy(io.Discard, resp.Body)
01|        _ = resp.Body.Close()
01|    }()
    if resp.StatusCode >= 300 {
        base.Warnf("Webhook: %s answered %d to %s", base.UD(wh.SanitizedUrl()), resp.StatusCode, event.String())
        return false
    }
    return true
}

func (wh *Webhook) failed(event Event, err error) bool {
    base.Warnf("Webhook: error posting %s to %s: %v", event.String(), base.UD(wh.SanitizedUrl()), err)
    return false
}
''')
cases_of(case, GH + 'couchbase/sync_gateway/pull/846', 'db/event_handler.go',
         G('db', ['errors', 'io', 'net/http', 'time', '', 'github.com/couchbase/sync_gateway/base'])(SYNCGW), [
             (1, 'go-00-sync-gateway-webhook-client-per-post',
              'an edit builds a new http.Client for every webhook post, so a gateway posting thousands of document '
              'changes opens a fresh connection for each and never reuses one', 'edit'),
             (2, 'go-00-sync-gateway-webhook-reply-never-closed',
              'an edit stops draining and closing the webhook\'s reply, so every post keeps its connection and the '
              'gateway runs out of sockets under a busy feed', 'edit'),
             (0, 'go-ok-00-sync-gateway-webhook-shared-client',
              'clean: the fix posts every event with the webhook\'s one client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: inflight messages of an MQTT broker (comqtt)
COMQTT = template('comqtt-inflight', r'''
// InflightMessage is a QoS 1 or 2 message a client has not acknowledged yet.
type InflightMessage struct {
    Packet  packets.Packet
    Created int64 // unix seconds
    Sent    int64 // unix seconds of the last (re)send
    Resends int
}

// Inflight tracks a client's unacknowledged messages by packet id.
type Inflight struct {
    sync.RWMutex
    internal map[uint16]InflightMessage
}

// NewInflight returns an empty inflight map.
func NewInflight() *Inflight {
    return &Inflight{internal: make(map[uint16]InflightMessage)}
}

// Set stores the message under key and reports whether the key is new.
func (i *Inflight) Set(key uint16, in InflightMessage) bool {
02|    i.Lock()
02|    defer i.Unlock()
    _, ok := i.internal[key]
    i.internal[key] = in //@{1}CONC-03
    return !ok
}

// Get returns the message stored under key.
func (i *Inflight) Get(key uint16) (InflightMessage, bool) {
    i.RLock()
    defer i.RUnlock()
    val, ok := i.internal[key]
    return val, ok
}

// Delete removes the message stored under key.
func (i *Inflight) Delete(key uint16) bool {
    i.Lock()
    defer i.Unlock()
    _, ok := i.internal[key]
    delete(i.internal, key)
    return ok
}

// Persist writes the client's inflight messages to the cluster store so another node can resume them.
func (i *Inflight) Persist(ctx context.Context, store Store, clientID string, ttl time.Duration) error {
    i.RLock()
    defer i.RUnlock()
    for key, in := range i.internal {
        record := storedInflight{
            PacketID: key,
            Payload:  in.Packet.Payload,
            Resends:  in.Resends,
01|            Expires:  time.Now().Add(ttl).UTC().Format(time.RFC3339),
2|            Expires:  time.Now().Add(ttl).Format("2006-01-02 15:04:05"), //@TIME-01
        }
        if err := store.Put(ctx, inflightKey(clientID, key), record); err != nil {
            return fmt.Errorf("persist inflight %d of %s: %w", key, clientID, err)
        }
    }
    return nil
}

// ClearExpired deletes the messages created before expiry and returns how many it deleted.
func (i *Inflight) ClearExpired(expiry int64) int64 {
    i.Lock()
    defer i.Unlock()
    var deleted int64
    for k, m := range i.internal {
        if m.Created < expiry || m.Created == 0 {
            delete(i.internal, k)
            deleted++
        }
    }
    return deleted
}
''')
cases_of(case, GH + 'wind-c/comqtt/pull/27', 'mqtt/clients/inflight.go',
         G('clients', ['context', 'fmt', 'sync', 'time', '', 'github.com/wind-c/comqtt/mqtt/packets'])(COMQTT), [
             (1, 'go-00-comqtt-inflight-set-without-lock',
              'an edit stores inflight messages without taking the map\'s lock, so a client\'s reader and the '
              'resend loop writing at once crash the broker with concurrent map writes', 'edit'),
             (2, 'go-00-comqtt-inflight-expiry-in-local-time',
              'an edit persists the inflight expiry as a local time without a zone, so a node in another zone '
              'reads it as UTC and resumes or drops messages hours off', 'edit'),
             (0, 'go-ok-00-comqtt-inflight-set-under-lock',
              'clean: the fix stores inflight messages under the map\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: Modbus TCP client of an IoT gateway library (go-modbus), moved to its own file
GOMODBUS = template('go-modbus-tcp-client', r'''
// TCPClientProvider implements the Modbus TCP transport with reconnection.
type TCPClientProvider struct {
    logger
    address string
    timeout time.Duration
    // connection
    mu   sync.Mutex
    conn net.Conn
    // for the transaction ids of the MBAP header
    transactionID uint32
}

// Connect opens the connection to the slave, closing any connection left from a broken exchange first.
func (sf *TCPClientProvider) Connect() error {
    sf.mu.Lock()
    defer sf.mu.Unlock()
    return sf.connect()
}

func (sf *TCPClientProvider) connect() error {
02|    if sf.conn != nil {
02|        _ = sf.conn.Close()
02|        sf.conn = nil
02|    }
    dialer := &net.Dialer{Timeout: sf.timeout}
    conn, err := dialer.Dial("tcp", sf.address) //@{1}RES-01
    if err != nil {
        return err
    }
    sf.conn = conn
    return nil
}

// Send sends one request ADU and reads the answer, reconnecting once when the exchange timed out.
func (sf *TCPClientProvider) Send(slaveID byte, request ProtocolDataUnit) (ProtocolDataUnit, error) {
    sf.mu.Lock()
    defer sf.mu.Unlock()
    if sf.conn == nil {
        if err := sf.connect(); err != nil {
            return ProtocolDataUnit{}, err
        }
    }
    aduRequest, err := sf.encode(slaveID, request)
    if err != nil {
        return ProtocolDataUnit{}, err
    }
    aduResponse, err := sf.exchange(aduRequest)
    if err != nil {
        var netErr net.Error
        if errors.As(err, &netErr) && netErr.Timeout() {
            if err = sf.connect(); err == nil {
                aduResponse, err = sf.exchange(aduRequest)
            }
        }
        if err != nil {
            return ProtocolDataUnit{}, err
        }
    }
    return sf.decode(aduResponse)
}

// Reachable dials every address once and returns the ones that accepted a connection.
func Reachable(addresses []string, timeout time.Duration) []string {
    reachable := make([]string, 0, len(addresses))
    for _, address := range addresses {
        conn, err := net.DialTimeout("tcp", address, timeout)
        if err != nil {
            continue
        }
01|        _ = conn.Close()
2|        defer conn.Close() //@RES-03
        reachable = append(reachable, address)
    }
    return reachable
}
''')
cases_of(case, GH + 'things-go/go-modbus/issues/10', 'tcp_client.go',
         G('modbus', ['errors', 'net', 'sync', 'time'])(GOMODBUS), [
             (1, 'go-00-go-modbus-moved-reconnect-keeps-old-connection',
              'a PR moves the TCP client into its own file and drops the close of the old connection on reconnect, '
              'so every timed-out exchange leaves one more connection open on the slave', 'rename'),
             (2, 'go-00-go-modbus-moved-probe-defers-close-in-loop',
              'a PR moves the TCP client into its own file and defers the close of each probe connection inside '
              'the loop, so probing a large plant holds every connection until the probe returns', 'rename'),
             (0, 'go-ok-00-go-modbus-moved-tcp-client',
              'clean: the move alone; reconnects close the old connection, probes close each connection at once',
              'rename'),
         ], rename_from='tcpclient.go',
         rename_old=lambda t: t.replace('func Reachable(', 'func Probe(').replace(
             '// Reachable dials', '// Probe dials'))


# ---------------------------------------------------------------- CONC-01 / ERR-01: websocket session of a chat emote event API (SevenTV EventAPI), a new file
SEVENTV = template('seventv-eventapi-websocket', r'''
// Conn is one client's websocket session on the event API.
type Conn struct {
    ws      *websocket.Conn
    out     chan []byte
    handler func(ctx context.Context, msg ClientMessage) error
    logger  *zap.SugaredLogger
    closed  chan struct{}
    once    sync.Once
    heartbt time.Duration
}

// NewConn wraps an upgraded websocket.
func NewConn(ws *websocket.Conn, handler func(ctx context.Context, msg ClientMessage) error, logger *zap.SugaredLogger, heartbeat time.Duration) *Conn {
    return &Conn{
        ws:      ws,
        out:     make(chan []byte, 64),
        handler: handler,
        logger:  logger,
        closed:  make(chan struct{}),
        heartbt: heartbeat,
    }
}

// Serve starts the writer and runs the read loop until the client leaves or ctx ends.
func (c *Conn) Serve(ctx context.Context) {
    ctx, cancel := context.WithCancel(ctx)
    defer cancel()
    defer c.Close()

    go c.writeLoop(ctx) //@{1}CONC-01
    for {
        _, data, err := c.ws.ReadMessage()
        if err != nil {
            if !websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
                c.logger.Debugw("websocket read failed", "error", err)
            }
            return
        }
        var msg ClientMessage
        if err := json.Unmarshal(data, &msg); err != nil {
            c.sendError(CloseCodeInvalidPayload, "invalid payload")
            return
        }
02|        if err := c.handler(ctx, msg); err != nil {
02|            c.sendError(CloseCodeServerError, err.Error())
02|        }
2|        _ = c.handler(ctx, msg) //@ERR-01
    }
}

func (c *Conn) writeLoop(ctx context.Context) {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            c.logger.Errorw("websocket writer panicked", "panic", r, "stack", string(debug.Stack()))
02|            c.Close()
02|        }
02|    }()
    ticker := time.NewTicker(c.heartbt)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-c.closed:
            return
        case data := <-c.out:
            if err := c.ws.WriteMessage(websocket.TextMessage, data); err != nil {
                c.Close()
                return
            }
        case <-ticker.C:
            if err := c.ws.WriteMessage(websocket.TextMessage, heartbeatMessage()); err != nil {
                c.Close()
                return
            }
        }
    }
}

func (c *Conn) sendError(code CloseCode, text string) {
    select {
    case c.out <- errorMessage(code, text):
    default:
    }
}

// Close ends the session once.
func (c *Conn) Close() {
    c.once.Do(func() {
        close(c.closed)
        _ = c.ws.Close()
    })
}
''')
SEVENTV_BASE = ['context', 'encoding/json', 'sync', 'time', '', 'github.com/gorilla/websocket', 'go.uber.org/zap']
cases_of(case, GH + 'SevenTV/EventAPI/pull/112', 'internal/app/connection/websocket/conn.go',
         GV('websocket', {0: SEVENTV_BASE[:2] + ['runtime/debug'] + SEVENTV_BASE[2:],
                          1: SEVENTV_BASE,
                          2: SEVENTV_BASE[:2] + ['runtime/debug'] + SEVENTV_BASE[2:]})(SEVENTV), [
             (1, 'go-00-seventv-new-websocket-writer-without-recover',
              'a new websocket session runs its writer goroutine without a recover, so one panic while writing '
              'to a client ends the event API for every connected chat', 'new'),
             (2, 'go-00-seventv-new-websocket-handler-error-dropped',
              'a new websocket session discards the error of handling a client message, so a refused subscription '
              'looks accepted and the client never learns why no events arrive', 'new'),
             (0, 'go-ok-00-seventv-new-websocket-session',
              'clean: a new websocket session whose writer recovers and whose handler errors reach the client', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: region counts of a tabix index reader for genomics (bix)
BIX = template('bix-region-counts', r'''
// CountRegions counts the records overlapping each region, querying up to workers regions at once.
func (tbx *Bix) CountRegions(regions []interfaces.IPosition, workers int) (map[string]int, error) {
    if workers < 1 {
        workers = 1
    }
    counts := make(map[string]int, len(regions))
    var (
        mu       sync.Mutex
        wg       sync.WaitGroup
        firstErr error
    )
    sem := make(chan struct{}, workers)
    for _, region := range regions {
        wg.Add(1)
        sem <- struct{}{}
        go func(region interfaces.IPosition) {
            defer wg.Done()
            defer func() { <-sem }()
            n, err := tbx.countRegion(region)
            key := fmt.Sprintf("%s:%d-%d", region.Chrom(), region.Start(), region.End())
            if err != nil {
                mu.Lock()
                if firstErr == nil {
                    firstErr = err
                }
                mu.Unlock()
                return
            }
01|            mu.Lock()
            counts[key] = n //@{2}CONC-03
01|            mu.Unlock()
        }(region)
    }
    wg.Wait()
    return counts, firstErr
}

// countRegion counts the records of one region.
func (tbx *Bix) countRegion(region interfaces.IPosition) (int, error) {
    it, err := tbx.Query(region)
    if err != nil { //@{1}RES-01
        return 0, fmt.Errorf("query %s:%d-%d: %w", region.Chrom(), region.Start(), region.End(), err)
    }
02|    defer it.Close()
    n := 0
    for {
        _, err := it.Next()
        if err == io.EOF {
            return n, nil
        }
        if err != nil {
            return n, err
        }
        n++
    }
}
''')
cases_of(case, GH + 'brentp/bix/issues/3', 'regions.go',
         G('bix', ['fmt', 'io', 'sync', '', 'github.com/brentp/irelate/interfaces'])(BIX), [
             (1, 'go-00-bix-region-query-iterator-never-closed',
              'an edit stops closing the iterator of each region query, so counting thousands of regions keeps '
              'an open file and decompressor per region until the process hits its file limit', 'edit'),
             (2, 'go-00-bix-region-counts-written-concurrently',
              'an edit writes each worker\'s count into the shared map without the lock, so regions counted at '
              'once crash the run with concurrent map writes', 'edit'),
             (0, 'go-ok-00-bix-region-query-iterator-closed',
              'clean: the fix closes each region\'s iterator by defer', 'fix'),
         ])
