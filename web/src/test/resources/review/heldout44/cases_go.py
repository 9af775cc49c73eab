"""Round-44 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant  # noqa: F401
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- CONC-01 / ERR-01: in-process message queue of a microservice framework (jupiter)
JUPITER = template('jupiter-queue-dispatcher', r'''
// Handler processes one message taken from the queue.
type Handler func(ctx context.Context, msg *Message) error

// Message is one entry of the local queue, acknowledged once its handler returned.
type Message struct {
    ID      string
    Topic   string
    Body    []byte
    Retries int
    ack     func(ctx context.Context) error
}

// Dispatcher drains a channel of messages with a fixed number of workers.
type Dispatcher struct {
    name    string
    in      chan *Message
    handler Handler
    workers int
    logger  *xlog.Logger
    wg      sync.WaitGroup
}

// NewDispatcher returns a dispatcher of n workers reading from in.
func NewDispatcher(name string, in chan *Message, n int, h Handler, logger *xlog.Logger) *Dispatcher {
    if n <= 0 {
        n = 1
    }
    return &Dispatcher{name: name, in: in, handler: h, workers: n, logger: logger}
}

// Start launches the workers; they stop when ctx is done or the channel is closed.
func (d *Dispatcher) Start(ctx context.Context) {
    for i := 0; i < d.workers; i++ {
        d.wg.Add(1)
        go d.work(ctx, i)
    }
}

// Wait blocks until every worker has returned.
func (d *Dispatcher) Wait() {
    d.wg.Wait()
}

func (d *Dispatcher) work(ctx context.Context, id int) {
    defer d.wg.Done()
    for {
        select {
        case <-ctx.Done():
            return
        case msg, ok := <-d.in:
            if !ok {
                return
            }
            d.process(ctx, id, msg)
        }
    }
}

// process runs the handler of one message in its own goroutine, so a slow handler can be abandoned at shutdown.
func (d *Dispatcher) process(ctx context.Context, id int, msg *Message) {
    done := make(chan error, 1)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                d.logger.Error("queue handler panicked", xlog.String("queue", d.name),
02|                    xlog.String("msg", msg.ID), xlog.Any("panic", r), xlog.String("stack", string(debug.Stack())))
02|                done <- fmt.Errorf("handler panic: %v", r)
02|            }
02|        }()
        done <- d.handler(ctx, msg)
    }()
    select {
    case <-ctx.Done():
        return
    case err := <-done:
        if err != nil {
            d.logger.Warn("queue handler failed", xlog.String("queue", d.name), xlog.Int("worker", id),
                xlog.String("msg", msg.ID), xlog.FieldErr(err))
            return
        }
    }
01|    if err := msg.ack(ctx); err != nil {
01|        d.logger.Error("ack failed, message will be delivered again", xlog.String("queue", d.name),
01|            xlog.String("msg", msg.ID), xlog.FieldErr(err))
01|    }
2|    msg.ack(ctx) //@ERR-01
}
''')
JUPITER_IMPORTS = {0: ['context', 'fmt', 'runtime/debug', 'sync', '', 'github.com/douyu/jupiter/pkg/xlog'],
                   1: ['context', 'sync', '', 'github.com/douyu/jupiter/pkg/xlog'],
                   2: ['context', 'fmt', 'runtime/debug', 'sync', '', 'github.com/douyu/jupiter/pkg/xlog']}
cases_of(case, GH + 'douyu/jupiter/pull/1057', 'pkg/util/xqueue/dispatcher.go',
         GV('xqueue', JUPITER_IMPORTS)(JUPITER), [
             (1, 'go-00-jupiter-queue-handler-goroutine-without-recover',
              'an edit removes the recover from the goroutine that runs a queue handler, so one message whose '
              'handler panics takes the whole service down instead of failing that message', 'edit'),
             (2, 'go-00-jupiter-queue-ack-error-dropped',
              'an edit acknowledges a handled message without looking at the error, so a failed ack (the message '
              'comes back and runs twice) leaves no trace', 'edit'),
             (0, 'go-ok-00-jupiter-queue-recovered-handler-ack-checked',
              'clean: the handler goroutine recovers and reports a panic as the message\'s error, a failed ack logged',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: push consumer of a message queue client (rocketmq-client-go)
ROCKETMQ = template('rocketmq-push-consumer', r'''
// ConsumeResult tells the broker what to do with a batch.
type ConsumeResult int

const (
    ConsumeSuccess ConsumeResult = iota
    ConsumeRetryLater
)

// pushConsumer hands the batches the pull loop fetched to the user's listener.
type pushConsumer struct {
    group          string
    listener       func(ctx context.Context, msgs ...*primitive.MessageExt) (ConsumeResult, error)
    consumeTimeout time.Duration
    sem            chan struct{}
    stats          *consumeStats
}

// submitBatch consumes one batch of a queue on a goroutine of its own, at most cap(pc.sem) at once.
func (pc *pushConsumer) submitBatch(ctx context.Context, mq *primitive.MessageQueue, msgs []*primitive.MessageExt,
    report func(ConsumeResult)) {
    pc.sem <- struct{}{}
    go func() { //@{1}CONC-01
        defer func() { <-pc.sem }()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                rlog.Error("consume listener panicked", map[string]interface{}{
02|                    "group": pc.group, "queue": mq.String(), "panic": r, "stack": string(debug.Stack()),
02|                })
02|                report(ConsumeRetryLater)
02|            }
02|        }()
01|        cctx, cancel := context.WithTimeout(ctx, pc.consumeTimeout)
01|        defer cancel()
2|        cctx, _ := context.WithTimeout(ctx, pc.consumeTimeout) //@TMO-03
        begin := time.Now()
        result, err := pc.listener(cctx, msgs...)
        pc.stats.observe(mq.Topic, time.Since(begin), len(msgs))
        if err != nil {
            rlog.Warning("consume listener returned an error", map[string]interface{}{
                "group": pc.group, "queue": mq.String(), "err": err,
            })
            result = ConsumeRetryLater
        }
        report(result)
    }()
}

// consumeStats keeps per-topic consume latency for the admin endpoint.
type consumeStats struct {
    mu    sync.Mutex
    total map[string]time.Duration
    count map[string]int
}

func (s *consumeStats) observe(topic string, d time.Duration, n int) {
    s.mu.Lock()
    defer s.mu.Unlock()
    s.total[topic] += d
    s.count[topic] += n
}
''')
ROCKETMQ_IMPORTS = {0: ['context', 'runtime/debug', 'sync', 'time', '',
                        'github.com/apache/rocketmq-client-go/v2/primitive', 'github.com/apache/rocketmq-client-go/v2/rlog'],
                    1: ['context', 'sync', 'time', '',
                        'github.com/apache/rocketmq-client-go/v2/primitive', 'github.com/apache/rocketmq-client-go/v2/rlog'],
                    2: ['context', 'runtime/debug', 'sync', 'time', '',
                        'github.com/apache/rocketmq-client-go/v2/primitive', 'github.com/apache/rocketmq-client-go/v2/rlog']}
cases_of(case, GH + 'apache/rocketmq-client-go/issues/909', 'consumer/push_consumer_submit.go',
         GV('consumer', ROCKETMQ_IMPORTS)(ROCKETMQ), [
             (1, 'go-00-rocketmq-consume-goroutine-without-recover',
              'an edit removes the recover from the goroutine that calls the consume listener, so a listener that '
              'panics on one message stops the consumer for good', 'edit'),
             (2, 'go-00-rocketmq-consume-timeout-cancel-discarded',
              'an edit discards the cancel of each batch\'s consume timeout, so every batch leaves its timer and '
              'context behind until the timeout fires', 'edit'),
             (0, 'go-ok-00-rocketmq-recovered-listener-timeout-cancelled',
              'clean: the listener goroutine recovers and asks for a retry, each batch\'s timeout context cancelled '
              'by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: in-memory storage adapter of a database abstraction (dalgo)
DALGO = template('dalgo-memory-engine', r'''
// collectionEngine holds the rows and indexes of one collection.
type collectionEngine struct {
    name    string
    rows    map[string]map[string]any
    indexes map[string]*btreeIndex
}

// database is the in-memory adapter; readonly transactions share mu for reading.
type database struct {
    mu          sync.RWMutex
    enginesMu   sync.Mutex
    collections map[string]*collectionEngine
    schema      map[string]CollectionDef
    onError     func(collection string, err error)
}

// engine returns the engine of a collection, creating it on first use. Readonly transactions call it while they
// hold db.mu for reading, so several of them can get here at once.
func (db *database) engine(collection string) (*collectionEngine, error) {
02|    db.enginesMu.Lock()
02|    defer db.enginesMu.Unlock()
    if e, ok := db.collections[collection]; ok { //@{1}CONC-03
        return e, nil
    }
    def, ok := db.schema[collection]
    if !ok {
        return nil, fmt.Errorf("collection %q is not in the schema", collection)
    }
    e := &collectionEngine{
        name:    collection,
        rows:    make(map[string]map[string]any),
        indexes: make(map[string]*btreeIndex, len(def.Indexes)),
    }
01|    if err := e.buildIndexes(def); err != nil {
01|        return nil, fmt.Errorf("indexes of %q: %w", collection, err)
01|    }
2|    e.buildIndexes(def) //@ERR-01
    db.collections[collection] = e
    return e, nil
}

// buildIndexes creates an empty index for every indexed field of def.
func (e *collectionEngine) buildIndexes(def CollectionDef) error {
    for _, idx := range def.Indexes {
        if len(idx.Fields) == 0 {
            return fmt.Errorf("index %q has no fields", idx.Name)
        }
        if _, dup := e.indexes[idx.Name]; dup {
            return fmt.Errorf("index %q defined twice", idx.Name)
        }
        e.indexes[idx.Name] = newBtreeIndex(idx.Fields, idx.Unique)
    }
    return nil
}
''')
cases_of(case, GH + 'dal-go/dalgo/issues/96', 'adapters/dalgo2memory/engine.go',
         G('dalgo2memory', ['fmt', 'sync'])(DALGO), [
             (1, 'go-00-dalgo-memory-engine-map-written-without-lock',
              'an edit drops the engines lock from the lazy engine lookup, so two readonly transactions that touch '
              'new collections at once write the collections map together and crash the process', 'edit'),
             (2, 'go-00-dalgo-memory-engine-index-error-dropped',
              'an edit builds a new collection\'s indexes without looking at the error, so a schema with a broken '
              'index gives a collection whose unique constraints silently do nothing', 'edit'),
             (0, 'go-ok-00-dalgo-memory-engine-locked-indexes-checked',
              'clean: the collections map read and written under its own lock, a failed index build returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: media download of a Google Workspace CLI (gogcli), a new file
GOGCLI = template('gogcli-photos-download', r'''
// headerTimeout bounds the wait for the response headers; the body of a large video may take longer.
const headerTimeout = 30 * time.Second

// Downloader fetches media items of a Photos album to a local directory.
type Downloader struct {
    client *http.Client
    dir    string
    out    io.Writer
}

// NewDownloader returns a downloader writing under dir. The media URLs are signed, so no authorised client is
// needed.
func NewDownloader(dir string, out io.Writer) *Downloader {
1|    return &Downloader{client: http.DefaultClient, dir: dir, out: out} //@TMO-01
02|    transport := http.DefaultTransport.(*http.Transport).Clone()
02|    transport.ResponseHeaderTimeout = headerTimeout
02|    return &Downloader{client: &http.Client{Transport: transport}, dir: dir, out: out}
}

// Fetch downloads one media item; videos get the "=dv" suffix, photos "=d" for the original bytes.
func (d *Downloader) Fetch(ctx context.Context, item MediaItem) (string, error) {
    suffix := "=d"
    if item.IsVideo() {
        suffix = "=dv"
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, item.BaseURL+suffix, nil)
    if err != nil {
        return "", fmt.Errorf("request for %s: %w", item.Filename, err)
    }
    resp, err := d.client.Do(req) //@{2}RES-02
    if err != nil {
        return "", fmt.Errorf("download %s: %w", item.Filename, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("download %s: %s", item.Filename, resp.Status)
    }
    path := filepath.Join(d.dir, safeName(item.Filename))
    file, err := os.Create(path)
    if err != nil {
2|        resp.Body.Close()
        return "", err
    }
    n, err := io.Copy(file, resp.Body)
2|    resp.Body.Close()
    if cerr := file.Close(); err == nil {
        err = cerr
    }
    if err != nil {
        os.Remove(path)
        return "", fmt.Errorf("write %s: %w", path, err)
    }
    fmt.Fprintf(d.out, "%s\t%d bytes\n", path, n)
    return path, nil
}

// safeName keeps a file name inside the target directory.
func safeName(name string) string {
    name = strings.ReplaceAll(name, string(os.PathSeparator), "_")
    if name == "" || name == "." || name == ".." {
        return "unnamed"
    }
    return name
}
''')
cases_of(case, GH + 'openclaw/gogcli/pull/995', 'internal/photos/download.go',
         G('photos', ['context', 'fmt', 'io', 'net/http', 'os', 'path/filepath', 'strings', 'time'])(GOGCLI), [
             (1, 'go-00-gogcli-new-photos-downloader-default-client',
              'a new Photos downloader fetches media with http.DefaultClient, so a server that accepts the '
              'connection and never answers hangs the CLI until it is killed', 'new'),
             (2, 'go-00-gogcli-new-photos-downloader-body-open-on-error-status',
              'a new Photos downloader closes the body only on the paths that write a file, so every answer with an '
              'error status keeps its connection', 'new'),
             (0, 'go-ok-00-gogcli-new-photos-downloader-header-timeout-body-deferred',
              'clean: a new Photos downloader whose transport bounds the wait for headers, each body closed by '
              'defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-04: Kafka source adapter of an eventing system (knative eventing-contrib)
KNATIVE = template('knative-kafka-adapter', r'''
// Adapter reads a Kafka topic and posts every record as a CloudEvent to the sink.
type Adapter struct {
    config     *AdapterConfig
    httpClient *http.Client
    logger     *zap.SugaredLogger
}

// Setup is run at the beginning of a new session, before ConsumeClaim.
func (a *Adapter) Setup(sarama.ConsumerGroupSession) error { return nil }

// Cleanup is run at the end of a session, once all ConsumeClaim goroutines have exited.
func (a *Adapter) Cleanup(sarama.ConsumerGroupSession) error { return nil }

// ConsumeClaim posts the records of one partition in order and marks each one sent.
func (a *Adapter) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
    for msg := range claim.Messages() {
01|        a.handle(sess, msg)
2|        go a.handle(sess, msg) //@CONC-02
    }
    return nil
}

func (a *Adapter) handle(sess sarama.ConsumerGroupSession, msg *sarama.ConsumerMessage) {
    event, err := a.toEvent(msg)
    if err != nil {
        a.logger.Errorw("dropping a record that is no CloudEvent", zap.Int64("offset", msg.Offset), zap.Error(err))
        sess.MarkMessage(msg, "")
        return
    }
    if err := a.post(sess.Context(), event); err != nil {
        a.logger.Errorw("posting to the sink failed", zap.String("topic", msg.Topic),
            zap.Int32("partition", msg.Partition), zap.Int64("offset", msg.Offset), zap.Error(err))
        return
    }
    sess.MarkMessage(msg, "")
}

// post sends one event to the sink and expects a 2xx answer.
func (a *Adapter) post(ctx context.Context, event []byte) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.config.SinkURI, bytes.NewReader(event))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/cloudevents+json")
02|    resp, err := a.httpClient.Do(req)
1|    client := &http.Client{Timeout: a.config.SinkTimeout} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        return fmt.Errorf("sink answered %s", resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'knative/eventing-contrib/issues/320', 'kafka/source/pkg/adapter/adapter.go',
         G('kafka', ['bytes', 'context', 'fmt', 'io', 'net/http', '', 'github.com/Shopify/sarama', 'go.uber.org/zap'])(
             KNATIVE), [
             (1, 'go-00-knative-kafka-adapter-client-per-record',
              'an edit builds a new HTTP client for every record it posts, so no connection to the sink is ever '
              'reused and a busy topic runs the pod out of sockets', 'edit'),
             (2, 'go-00-knative-kafka-adapter-goroutine-per-record',
              'an edit hands every Kafka record to a goroutine of its own, so a topic with a backlog of fifty '
              'thousand records starts fifty thousand posts at once', 'edit'),
             (0, 'go-ok-00-knative-kafka-adapter-shared-client-in-order',
              'clean: records of a partition posted in order through the adapter\'s one client', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: S3 storage for a certificate manager (certmagic-s3)
CERTS3 = template('certmagic-s3-storage', r'''
// S3 stores certificates and keys as objects of one bucket, under a prefix.
type S3 struct {
    client *minio.Client
    Bucket string `json:"bucket"`
    Prefix string `json:"prefix"`
    logger *zap.Logger
}

func (s *S3) objName(key string) string {
    return path.Join(s.Prefix, key)
}

// Load returns the content of the object of key, or fs.ErrNotExist.
func (s *S3) Load(ctx context.Context, key string) ([]byte, error) {
    obj, err := s.client.GetObject(ctx, s.Bucket, s.objName(key), minio.GetObjectOptions{})
    if err != nil { //@{2}RES-01
        return nil, err
    }
01|    defer obj.Close()
    buf, err := io.ReadAll(obj)
    if err != nil {
        var resp minio.ErrorResponse
        if errors.As(err, &resp) && resp.Code == "NoSuchKey" {
            return nil, fs.ErrNotExist
        }
        return nil, err
    }
    return buf, nil
}

// Exists tells whether key has an object.
func (s *S3) Exists(ctx context.Context, key string) bool {
02|    _, err := s.client.StatObject(ctx, s.Bucket, s.objName(key), minio.StatObjectOptions{})
1|    _, err := s.client.StatObject(context.Background(), s.Bucket, s.objName(key), minio.StatObjectOptions{}) //@TMO-02
    if err != nil {
        var resp minio.ErrorResponse
        if !errors.As(err, &resp) || resp.Code != "NoSuchKey" {
            s.logger.Warn("stat failed", zap.String("key", key), zap.Error(err))
        }
        return false
    }
    return true
}

// Store writes value as the object of key.
func (s *S3) Store(ctx context.Context, key string, value []byte) error {
    _, err := s.client.PutObject(ctx, s.Bucket, s.objName(key), bytes.NewReader(value), int64(len(value)),
        minio.PutObjectOptions{ContentType: "application/octet-stream"})
    return err
}
''')
cases_of(case, GH + 'ss098/certmagic-s3/pull/21', 's3.go',
         G('s3', ['bytes', 'context', 'errors', 'io', 'io/fs', 'path', '', 'github.com/minio/minio-go/v7',
                  'go.uber.org/zap'])(CERTS3), [
             (1, 'go-00-certmagic-s3-stat-ignores-caller-context',
              'an edit asks S3 whether a certificate exists with context.Background instead of the caller\'s '
              'context, so a stalled bucket holds certificate maintenance past its deadline', 'edit'),
             (2, 'go-00-certmagic-s3-loaded-object-never-closed',
              'an edit drops the close of the object Load reads, so every certificate load leaves the object\'s '
              'reader goroutine and its connection behind', 'edit'),
             (0, 'go-ok-00-certmagic-s3-object-closed-context-passed',
              'clean: each loaded object closed by defer, the stat made with the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: changed-targets query of a build service (uber tango), a renamed file
TANGO = template('tango-changed-targets', r'''
// queryTimeout bounds one bazel query; a whole request may run several.
const queryTimeout = 10 * time.Minute

// handleGetChangedTargets answers which bazel targets differ between the base and the new commit.
func (s *Server) handleGetChangedTargets(ctx context.Context, req *pb.GetChangedTargetsRequest) (*pb.GetChangedTargetsResponse, error) {
    if req.GetBaseSha() == "" || req.GetNewSha() == "" {
        return nil, status.Error(codes.InvalidArgument, "base_sha and new_sha are required")
    }
    ws, err := s.workspaces.Checkout(ctx, req.GetRemote(), req.GetBaseSha())
    if err != nil {
        return nil, status.Errorf(codes.Unavailable, "checkout %s: %v", req.GetBaseSha(), err)
    }
    defer s.workspaces.Release(ws)

02|    qctx, cancel := context.WithTimeout(ctx, queryTimeout) //@{2}TMO-03
1|    qctx, cancel := context.WithTimeout(context.Background(), queryTimeout) //@TMO-02
01|    defer cancel()
    baseHashes, err := s.hasher.TargetHashes(qctx, ws, req.GetBaseSha())
    if err != nil {
        return nil, status.Errorf(codes.Internal, "hash targets at %s: %v", req.GetBaseSha(), err)
    }
    newHashes, err := s.hasher.TargetHashes(qctx, ws, req.GetNewSha())
    if err != nil {
        return nil, status.Errorf(codes.Internal, "hash targets at %s: %v", req.GetNewSha(), err)
    }
2|    cancel()

    changed := make([]string, 0, len(newHashes))
    for target, h := range newHashes {
        if old, ok := baseHashes[target]; !ok || old != h {
            changed = append(changed, target)
        }
    }
    sort.Strings(changed)
    s.logger.Info("changed targets computed", zap.String("base", req.GetBaseSha()),
        zap.String("new", req.GetNewSha()), zap.Int("changed", len(changed)))
    return &pb.GetChangedTargetsResponse{Targets: changed}, nil
}
''')
cases_of(case, GH + 'uber/tango/issues/28', 'server/changed_targets.go',
         G('server', ['context', 'sort', 'time', '', 'github.com/uber/tango/proto/pb', 'go.uber.org/zap',
                      'google.golang.org/grpc/codes', 'google.golang.org/grpc/status'])(TANGO), [
             (1, 'go-00-tango-moved-handler-query-detached-from-request',
              'a PR moves the changed-targets handler into its own file and bases the query deadline on '
              'context.Background, so a client that gives up (Ctrl+C) leaves its bazel queries running on the '
              'server', 'rename'),
             (2, 'go-00-tango-moved-handler-cancel-skipped-on-error',
              'a PR moves the changed-targets handler into its own file and cancels the query context only after '
              'both hashes succeeded, so every failed query leaves its timer and context behind', 'rename'),
             (0, 'go-ok-00-tango-moved-handler-request-context-cancel-deferred',
              'clean: the move alone; the query deadline derived from the request and cancelled by defer', 'rename'),
         ], rename_from='server/handlers.go',
         rename_old=lambda t: t.replace('handleGetChangedTargets', 'getChangedTargets'))


# ---------------------------------------------------------------- TMO-02 / LOG-01: streaming chat endpoint of a model server (LocalAI)
LOCALAI = template('localai-chat-stream', r'''
// streamChat runs the model on the request's prompt and writes each token as a server-sent event.
func streamChat(c *fiber.Ctx, cl *config.BackendConfigLoader, ml *model.ModelLoader, req *schema.OpenAIRequest,
    cfg *config.BackendConfig) error {
    c.Set("Content-Type", "text/event-stream")
    c.Set("Cache-Control", "no-cache")
    c.Set("Connection", "keep-alive")

    ctx := c.UserContext()
    id := uuid.New().String()
    created := int(time.Now().Unix())
    tokens := make(chan string, 16)
    done := make(chan error, 1)
    go func() {
        defer close(tokens)
        _, err := backend.ModelInferenceStream(
02|            ctx,
1|            context.Background(), //@TMO-02
            req.Messages, ml, cfg, func(token string) bool {
                select {
                case tokens <- token:
                    return true
                case <-ctx.Done():
                    return false
                }
            })
        done <- err
    }()

    c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
        for token := range tokens {
            chunk := schema.OpenAIResponse{
                ID:      id,
                Created: created,
                Model:   req.Model,
                Object:  "chat.completion.chunk",
                Choices: []schema.Choice{{Delta: &schema.Message{Content: &token}, Index: 0}},
            }
            data, err := json.Marshal(chunk)
            if err != nil {
                log.Error().Err(err).Msg("encoding a chunk")
                continue
            }
2|            log.Debug().Msgf("Sending chunk: %s", data) //@LOG-01
            fmt.Fprintf(w, "data: %s\n\n", data)
            if err := w.Flush(); err != nil {
                log.Debug().Err(err).Msg("client went away, stopping the stream")
                return
            }
        }
        if err := <-done; err != nil {
            log.Error().Err(err).Str("model", req.Model).Msg("inference failed mid-stream")
        }
        fmt.Fprint(w, "data: [DONE]\n\n")
        w.Flush()
    })
    return nil
}
''')
LOCALAI_BASE = ['bufio', 'encoding/json', 'fmt', 'time', '', 'github.com/gofiber/fiber/v2', 'github.com/google/uuid',
                'github.com/mudler/LocalAI/core/backend', 'github.com/mudler/LocalAI/core/config',
                'github.com/mudler/LocalAI/core/schema', 'github.com/mudler/LocalAI/pkg/model',
                'github.com/rs/zerolog/log']
LOCALAI_IMPORTS = {0: LOCALAI_BASE, 2: LOCALAI_BASE, 1: ['bufio', 'context'] + LOCALAI_BASE[1:]}
cases_of(case, GH + 'mudler/LocalAI/pull/792', 'core/http/endpoints/openai/chat_stream.go',
         GV('openai', LOCALAI_IMPORTS)(LOCALAI), [
             (1, 'go-00-localai-chat-stream-inference-detached-from-client',
              'an edit runs the streaming inference with context.Background, so a client that disconnects keeps '
              'the model generating tokens for nobody until the answer is complete', 'edit'),
             (2, 'go-00-localai-chat-stream-debug-line-per-token',
              'an edit logs every streamed chunk, JSON included, at debug level, one line per generated token on '
              'the hottest path of the server', 'edit'),
             (0, 'go-ok-00-localai-chat-stream-request-context-quiet-tokens',
              'clean: the inference bound to the request\'s context, no log line per token', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: deadline interceptor of a database server (immudb)
IMMUDB = template('immudb-deadline-interceptor', r'''
// defaultDeadline applies to calls whose client set none; long streams are exempt.
const defaultDeadline = 2 * time.Minute

var streamingMethods = map[string]bool{
    "/immudb.schema.ImmuService/streamGet":     true,
    "/immudb.schema.ImmuService/streamSet":     true,
    "/immudb.schema.ImmuService/streamHistory": true,
}

// DeadlineInterceptor gives every unary call without a client deadline the server's default one and reports the
// deadline it applied in a response header.
func (s *ImmuServer) DeadlineInterceptor(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo,
    handler grpc.UnaryHandler) (interface{}, error) {
    if streamingMethods[info.FullMethod] {
        return handler(ctx, req)
    }
    if _, ok := ctx.Deadline(); ok {
        return handler(ctx, req)
    }
    dctx, cancel := context.WithTimeout(ctx, defaultDeadline) //@{1}TMO-03
02|    defer cancel()
    deadline, _ := dctx.Deadline()
01|    if err := grpc.SetHeader(ctx, metadata.Pairs("x-immudb-deadline", deadline.UTC().Format(time.RFC3339))); err != nil {
01|        s.Logger.Warningf("could not set the deadline header of %s: %v", info.FullMethod, err)
01|    }
2|    grpc.SetHeader(ctx, metadata.Pairs("x-immudb-deadline", deadline.UTC().Format(time.RFC3339))) //@ERR-01
    resp, err := handler(dctx, req)
    if err != nil {
1|        cancel()
        if errors.Is(dctx.Err(), context.DeadlineExceeded) {
            return nil, status.Errorf(codes.DeadlineExceeded, "%s ran past the server deadline of %s",
                info.FullMethod, defaultDeadline)
        }
        return nil, err
    }
    return resp, nil
}
''')
cases_of(case, GH + 'codenotary/immudb/pull/982', 'pkg/server/deadline_interceptor.go',
         G('server', ['context', 'errors', 'time', '', 'google.golang.org/grpc', 'google.golang.org/grpc/codes',
                      'google.golang.org/grpc/metadata', 'google.golang.org/grpc/status'])(IMMUDB), [
             (1, 'go-00-immudb-deadline-cancelled-only-on-error',
              'an edit cancels the default deadline only when the handler failed, so every successful call leaves '
              'its timer and context behind for two minutes', 'edit'),
             (2, 'go-00-immudb-deadline-header-error-dropped',
              'an edit sets the deadline header without looking at the error, so a call whose header could not be '
              'sent gives no trace of it', 'edit'),
             (0, 'go-ok-00-immudb-deadline-cancel-deferred-header-checked',
              'clean: the default deadline cancelled by defer, a failed header logged', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: transaction helper of a web framework's database layer (goravel)
GORAVEL = template('goravel-db-transaction', r'''
// Transaction runs txFunc in a transaction: it commits when txFunc returns nil and rolls back when txFunc returns
// an error or panics.
func (r *DB) Transaction(txFunc func(tx contractsdb.Tx) error) (err error) {
01|    sqlTx, err := r.builder.Beginx()
01|    if err != nil { //@{1}TX-01
01|        return fmt.Errorf("begin transaction: %w", err)
01|    }
2|    sqlTx, _ := r.builder.Beginx() //@TX-02
02|    defer func() {
02|        if p := recover(); p != nil {
02|            if rbErr := sqlTx.Rollback(); rbErr != nil {
02|                r.logger.Errorf("rollback after panic failed: %v", rbErr)
02|            }
02|            err = fmt.Errorf("panic in transaction: %v", p)
02|        }
02|    }()

    tx := NewTx(r.ctx, r.config, r.grammar, sqlTx, r.logger)
    if err = txFunc(tx); err != nil {
        if rbErr := sqlTx.Rollback(); rbErr != nil {
            return errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
        }
        return err
    }
    if err = sqlTx.Commit(); err != nil {
        return fmt.Errorf("commit transaction: %w", err)
    }
    return nil
}

// BeginTransaction starts a transaction the caller commits or rolls back itself.
func (r *DB) BeginTransaction() (contractsdb.Tx, error) {
    sqlTx, err := r.builder.Beginx()
    if err != nil {
        return nil, err
    }
    return NewTx(r.ctx, r.config, r.grammar, sqlTx, r.logger), nil
}
''')
cases_of(case, GH + 'goravel/framework/pull/1183', 'database/db/transaction.go',
         G('db', ['errors', 'fmt', '', 'contractsdb github.com/goravel/framework/contracts/database/db'])(GORAVEL), [
             (1, 'go-00-goravel-transaction-left-open-on-panic',
              'an edit removes the deferred recover that rolled the transaction back, so a txFunc that panics '
              'leaves its transaction open and its connection taken while the panic unwinds', 'edit'),
             (2, 'go-00-goravel-transaction-begin-error-discarded',
              'an edit discards the error of Beginx, so a transaction that could not start reaches txFunc as a nil '
              'transaction and the caller sees a nil-pointer panic instead of the database error', 'edit'),
             (0, 'go-ok-00-goravel-transaction-begin-checked-panic-rolled-back',
              'clean: the error of Beginx returned, a panicking txFunc rolled back by the deferred recover', 'fix'),
         ])
