"""Round-33 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = []


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of, header=''):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v), header))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- TX-01 / RES-01: trading bot trade store (bbgo)
BBGO = template('bbgo', r'''
const insertTradeSQL = `INSERT INTO trades (id, exchange, symbol, price, quantity, quote_quantity, side, is_buyer,
    is_maker, fee, fee_currency, order_id, traded_at)
    VALUES (:id, :exchange, :symbol, :price, :quantity, :quote_quantity, :side, :is_buyer,
    :is_maker, :fee, :fee_currency, :order_id, :traded_at)`

const lastTradesSQL = `SELECT * FROM trades WHERE exchange = :exchange AND symbol = :symbol
    ORDER BY traded_at DESC LIMIT :limit`

// TradeService stores the trades the exchange sessions report and answers the strategies' trade queries.
type TradeService struct {
    DB *sqlx.DB
}

func NewTradeService(db *sqlx.DB) *TradeService {
    return &TradeService{DB: db}
}

// InsertBatch stores a batch of trades of one exchange in one transaction; trades already stored are skipped.
func (s *TradeService) InsertBatch(ctx context.Context, exchange types.ExchangeName, trades []types.Trade) error {
    tx, err := s.DB.BeginTxx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("begin trade batch of %s: %w", exchange, err)
1|        return fmt.Errorf("begin trade batch: %w", err)
    }
02|    defer tx.Rollback()

    for _, trade := range trades {
        trade.Exchange = exchange
        if _, err := tx.NamedExecContext(ctx, insertTradeSQL, trade); err != nil {
            if isDuplicateKey(err) {
                continue
            }
            return fmt.Errorf("insert trade %d of %s: %w", trade.ID, trade.Symbol, err)
        }
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("commit trade batch of %s: %w", exchange, err)
    }
    return nil
}

// QueryLast returns the last limit trades of symbol on exchange, newest first.
func (s *TradeService) QueryLast(ctx context.Context, exchange types.ExchangeName, symbol string, limit int) ([]types.Trade, error) {
    params := map[string]interface{}{"exchange": exchange, "symbol": symbol, "limit": limit}
    rows, err := s.DB.NamedQueryContext(ctx, lastTradesSQL, params) //@{2}RES-01
    if err != nil {
01|        return nil, fmt.Errorf("query last trades of %s: %w", symbol, err)
2|        return nil, fmt.Errorf("query last trades: %w", err)
    }
01|    defer rows.Close()

    return scanTrades(rows)
}

// LastTradeID returns the id of the newest stored trade of symbol, so the sync can resume after it.
func (s *TradeService) LastTradeID(ctx context.Context, exchange types.ExchangeName, symbol string) (uint64, error) {
    var id uint64
    err := s.DB.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM trades WHERE exchange = ? AND symbol = ?`,
        exchange, symbol).Scan(&id)
    return id, err
}

func scanTrades(rows *sqlx.Rows) (trades []types.Trade, err error) {
    for rows.Next() {
        var trade types.Trade
        if err := rows.StructScan(&trade); err != nil {
            return trades, err
        }
        trades = append(trades, trade)
    }
    return trades, rows.Err()
}
''')
cases_of(case, GH + 'c9s/bbgo/pull/679', 'pkg/service/trade.go',
         G('service', ['context', 'fmt', '', 'github.com/jmoiron/sqlx', '',
                       'github.com/c9s/bbgo/pkg/types'])(BBGO), [
             (1, 'go-00-bbgo-trade-batch-transaction-left-open-on-insert-error',
              'an edit drops the deferred rollback, so a failed insert leaves the trade batch transaction open and the database locked', 'edit'),
             (2, 'go-00-bbgo-last-trades-rows-never-closed',
              'an edit no longer closes the rows of the last-trades query, so a scan error keeps its connection', 'edit'),
             (0, 'go-ok-00-bbgo-rollback-deferred-rows-closed',
              'clean: the trade batch rolled back by defer, the query rows closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: multi-file output of a CLI (go-jsonnet)
JSONNET = template('jsonnet', r'''
// writeMultiOutputFiles writes every file of a multi-file evaluation under outputDir and lists the written paths in
// outputFile, or on stdout when it is empty.
func writeMultiOutputFiles(output map[string]string, outputDir, outputFile string, createDirs bool) (err error) {
    // Iterate through the map in order.
    keys := make([]string, 0, len(output))
    for k := range output {
        keys = append(keys, k)
    }
    sort.Strings(keys)

    var manifest *os.File
    if outputFile == "" {
        manifest = os.Stdout
    } else {
        if createDirs {
            if err := os.MkdirAll(filepath.Dir(outputFile), 0755); err != nil {
                return err
            }
        }
        manifest, err = os.Create(outputFile)
        if err != nil {
            return err
        }
        defer func() {
            if ferr := manifest.Close(); ferr != nil && err == nil {
                err = ferr
            }
        }()
    }

    for _, key := range keys {
        newContent := output[key]
        filename := filepath.Join(outputDir, key)

        if _, err := manifest.WriteString(filename + "\n"); err != nil {
            return err
        }

        if createDirs {
            if err := os.MkdirAll(filepath.Dir(filename), 0755); err != nil {
                return err
            }
        }

0|        if err := os.WriteFile(filename, []byte(newContent), 0666); err != nil {
0|            return err
0|        }
12|        f, err := os.Create(filename)
12|        if err != nil {
12|            return err
12|        }
1|        defer f.Close() //@RES-03
1|        if _, err := f.WriteString(newContent); err != nil {
1|            return err
1|        }
2|        f.WriteString(newContent) //@ERR-01
2|        if err := f.Close(); err != nil {
2|            return err
2|        }
    }

    return nil
}
''')
cases_of(case, GH + 'google/go-jsonnet/issues/485', 'cmd/jsonnet/cmd.go',
         G('main', ['os', 'path/filepath', 'sort'])(JSONNET), [
             (1, 'go-00-jsonnet-multi-output-files-closed-after-the-loop',
              'an edit writes each output file through a handle whose close is deferred in the loop, so hundreds of files stay open', 'edit'),
             (2, 'go-00-jsonnet-multi-output-write-error-ignored',
              'an edit writes each output file and drops the error of the write, so a full disk leaves truncated files and exit 0', 'edit'),
             (0, 'go-ok-00-jsonnet-multi-output-files-written-whole',
              'clean: each output file written whole by os.WriteFile, its error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: NATS event subscriptions (resgate)
RESGATE = template('resgate', r'''
// Client passes the events and requests of resgate over one NATS connection.
type Client struct {
    mq        *nats.Conn
    mqCh      chan *nats.Msg
    logger    logger.Logger
    mu        sync.Mutex
    subs      map[string]*Subscription
1|    pending   []*nats.Msg
1|    wake      chan struct{}
    stopped   chan struct{}
}

// Subscription is one namespace the client listens to.
type Subscription struct {
    c       *Client
    sub     *nats.Subscription
    subject string
    cb      mq.Response
}

// Subscribe makes the client listen to the events of a resource namespace and hand them to cb.
func (c *Client) Subscribe(namespace string, cb mq.Response) (mq.Unsubscriber, error) {
    c.mu.Lock()
    defer c.mu.Unlock()

    subject := "event." + namespace
    if _, ok := c.subs[subject]; ok {
        return nil, fmt.Errorf("already subscribed to %s", subject)
    }
0|    sub, err := c.mq.ChanSubscribe(subject+".>", c.mqCh)
0|    if err != nil {
0|        return nil, err
0|    }
1|    sub, err := c.mq.Subscribe(subject+".>", c.enqueue)
1|    if err != nil {
1|        return nil, err
1|    }
2|    sub, _ := c.mq.ChanSubscribe(subject+".>", c.mqCh) //@ERR-01
    s := &Subscription{c: c, sub: sub, subject: subject, cb: cb}
    c.subs[subject] = s
    c.Debugf("Subscribed to %s", subject)
    return s, nil
}
1|
1|// enqueue keeps every message until the listener gets to it, so that a burst never makes NATS drop an event.
1|func (c *Client) enqueue(msg *nats.Msg) {
1|    c.mu.Lock()
1|    c.pending = append(c.pending, msg) //@CONC-02
1|    c.mu.Unlock()
1|    select {
1|    case c.wake <- struct{}{}:
1|    default:
1|    }
1|}

// Unsubscribe stops the events of the namespace.
func (s *Subscription) Unsubscribe() error {
    s.c.mu.Lock()
    defer s.c.mu.Unlock()
    delete(s.c.subs, s.subject)
    return s.sub.Unsubscribe()
}
''')
cases_of(case, GH + 'resgateio/resgate/issues/220', 'nats/nats.go',
         G('nats', ['fmt', 'sync', '', 'github.com/nats-io/nats.go', '',
                    'github.com/resgateio/resgate/logger', 'github.com/resgateio/resgate/server/mq'])(RESGATE), [
             (1, 'go-00-resgate-events-buffered-in-a-growing-backlog',
              'an edit keeps every incoming event in a backlog that grows without bound while the listener is slow', 'edit'),
             (2, 'go-00-resgate-subscribe-error-dropped',
              'an edit drops the error of the NATS subscription, so a failed subscribe registers a nil subscription', 'edit'),
             (0, 'go-ok-00-resgate-bounded-channel-subscribe-error-returned',
              'clean: events handed over the bounded channel, the subscription error returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: chat CLI REST caller (chatgpt-cli)
CHATGPT = template('chatgpt', r'''
const (
    contentType              = "application/json"
    errFailedToRead          = "failed to read response: %w"
    errFailedToCreateRequest = "failed to create request: %w"
    errFailedToMakeRequest   = "failed to make request: %w"
    errHTTP                  = "http status %d: %s"
)

// RestCaller sends the CLI's requests to the model API.
type RestCaller struct {
    client *http.Client
    config config.Config
}

// New returns a RestCaller for cfg.
func New(cfg config.Config) *RestCaller {
    transport := http.DefaultTransport.(*http.Transport).Clone()
    if cfg.SkipTLSVerify {
        transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
    }
02|    return &RestCaller{client: &http.Client{Transport: transport, Timeout: requestTimeout(cfg)}, config: cfg}
1|    return &RestCaller{client: &http.Client{Transport: transport}, config: cfg} //@TMO-01
}

func requestTimeout(cfg config.Config) time.Duration {
    if cfg.RequestTimeoutSeconds > 0 {
        return time.Duration(cfg.RequestTimeoutSeconds) * time.Second
    }
    return 2 * time.Minute
}

// Post sends body to url and returns the answer, or streams it to stdout when stream is set.
func (r *RestCaller) Post(url string, body []byte, stream bool) ([]byte, error) {
    req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
    if err != nil {
        return nil, fmt.Errorf(errFailedToCreateRequest, err)
    }
    req.Header.Set("Content-Type", contentType)
    if r.config.APIKey != "" {
        req.Header.Set(r.config.AuthHeader, r.config.AuthTokenPrefix+r.config.APIKey)
    }

    response, err := r.client.Do(req) //@{2}RES-02
    if err != nil {
01|        return nil, fmt.Errorf(errFailedToMakeRequest, err)
2|        return nil, fmt.Errorf("failed to call %s: %w", url, err)
    }
01|    defer response.Body.Close()

    if response.StatusCode < 200 || response.StatusCode >= 300 {
        return nil, fmt.Errorf(errHTTP, response.StatusCode, response.Status)
    }

    if stream {
        return nil, r.ProcessResponse(response.Body, os.Stdout)
    }

    result, err := io.ReadAll(response.Body)
2|    response.Body.Close()
    if err != nil {
        return nil, fmt.Errorf(errFailedToRead, err)
    }
    return result, nil
}
''')
cases_of(case, GH + 'kardolus/chatgpt-cli/issues/181', 'api/http/http.go',
         G('http', ['bytes', 'crypto/tls', 'fmt', 'io', 'net/http', 'os', 'time', '',
                    'github.com/kardolus/chatgpt-cli/config'])(CHATGPT), [
             (1, 'go-00-chatgpt-cli-client-built-without-timeout',
              'an edit builds the API client without its timeout, so a host that never answers freezes the CLI', 'edit'),
             (2, 'go-00-chatgpt-cli-body-closed-after-a-full-read-only',
              'an edit closes the response body only after a complete read, so error statuses and streamed answers keep it open', 'edit'),
             (0, 'go-ok-00-chatgpt-cli-timeout-body-deferred',
              'clean: the client built with its timeout, the body closed by defer after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: task worker step runner (funnel)
FUNNEL = template('funnel', r'''
// stepRunner runs one executor step of a task: it pulls the image, starts the container, inspects it once it runs
// and waits for it to end.
type stepRunner struct {
    TaskID string
    Conf   config.Worker
    Num    int
    Cmd    *DockerCmd
    Event  *events.ExecutorWriter
}

func (s *stepRunner) Run(ctx context.Context) error {
    logger.Debug("Running step", "taskID", s.TaskID, "step", s.Num)

    stepCtx, cancel := context.WithTimeout(ctx, s.Conf.MaxStepDuration) //@{2}TMO-03
01|    defer cancel()

    if err := s.Cmd.Pull(stepCtx); err != nil {
        return fmt.Errorf("pulling image %s for step %d: %w", s.Cmd.Image, s.Num, err)
    }
2|    defer cancel()

    // Inspect the container once it has started, to report its ports and host address.
    go func() { //@{1}CONC-01
02|        defer s.recoverInspect()
        s.inspectContainer(stepCtx)
    }()

    s.Event.Info("Running command", "cmd", strings.Join(s.Cmd.Command, " "))
    err := s.Cmd.Run(stepCtx)
    if stepCtx.Err() == context.DeadlineExceeded {
        return fmt.Errorf("step %d exceeded its maximum duration of %s", s.Num, s.Conf.MaxStepDuration)
    }
    if err != nil {
        return fmt.Errorf("step %d: %w", s.Num, err)
    }
    return nil
}

// inspectContainer polls the container until docker reports it, then records its ports.
func (s *stepRunner) inspectContainer(ctx context.Context) {
    ticker := time.NewTicker(s.Conf.UpdateRate)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            ports, err := s.Cmd.Inspect(ctx)
            if err != nil {
                s.Event.Error("Error inspecting container", err)
                continue
            }
            s.Event.Info("Container started", "ports", ports)
            return
        }
    }
}
02|
02|// recoverInspect keeps a failing inspection from taking the worker and every other task down with it.
02|func (s *stepRunner) recoverInspect() {
02|    if r := recover(); r != nil {
02|        s.Event.Error("Inspecting container panicked", fmt.Errorf("%v\n%s", r, debug.Stack()))
02|    }
02|}
''')
FUNNEL_IMPORTS = ['context', 'fmt', 'strings', 'time', '', 'github.com/ohsu-comp-bio/funnel/config',
                  'github.com/ohsu-comp-bio/funnel/events', 'github.com/ohsu-comp-bio/funnel/logger']
cases_of(case, GH + 'calypr/funnel/issues/138', 'worker/step.go',
         GV('worker', {0: FUNNEL_IMPORTS[:1] + ['fmt', 'runtime/debug'] + FUNNEL_IMPORTS[2:],
                       1: FUNNEL_IMPORTS,
                       2: FUNNEL_IMPORTS[:1] + ['fmt', 'runtime/debug'] + FUNNEL_IMPORTS[2:]},
            )(FUNNEL), [
             (1, 'go-00-funnel-inspect-goroutine-without-recover',
              'an edit drops the recover of the goroutine that inspects a step container, so one bad inspect kills the worker', 'edit'),
             (2, 'go-00-funnel-step-timeout-cancel-deferred-after-pull',
              'an edit defers the cancel of the step timeout only after the image pull, so a failed pull leaks it', 'edit'),
             (0, 'go-ok-00-funnel-inspect-recovered-cancel-deferred-at-once',
              'clean: the inspect goroutine recovers, the step timeout cancelled by a defer right after it is made', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: remote execution worker inputs (mettle)
METTLE = template('mettle', r'''
// downloadDirectory fetches every file of an action's input directory into dir, from the local file cache when it
// holds the blob; it is called for every directory of every action the worker runs.
func (w *worker) downloadDirectory(ctx context.Context, root *pb.Directory, dir string) error {
    if err := os.MkdirAll(dir, os.ModeDir|0755); err != nil {
        return err
    }
    for _, file := range root.Files {
        dest := filepath.Join(dir, file.Name)
        mode := fileMode(file.IsExecutable)
        if w.fileCache != nil && w.fileCache.Retrieve(file.Digest.Hash, dest, mode) {
            w.metrics.cachedBytes.Add(float64(file.Digest.SizeBytes))
01|            log.Debug("Retrieved %s (%s) from the local cache", file.Name, file.Digest.Hash)
2|            log.Notice("Retrieved %s (%s) from the local cache", file.Name, file.Digest.Hash) //@LOG-01
            continue
        }
02|        blob, err := w.client.ReadBlob(ctx, digest.NewFromProtoUnvalidated(file.Digest))
1|        blob, err := w.client.ReadBlob(context.Background(), digest.NewFromProtoUnvalidated(file.Digest)) //@TMO-02
        if err != nil {
            return fmt.Errorf("downloading %s: %w", file.Name, err)
        }
        if err := os.WriteFile(dest, blob, mode); err != nil {
            return fmt.Errorf("writing %s: %w", dest, err)
        }
        w.metrics.downloadedBytes.Add(float64(len(blob)))
        if w.fileCache != nil {
            w.fileCache.Store(dest, file.Digest.Hash)
        }
    }
    for _, link := range root.Symlinks {
        if err := os.Symlink(link.Target, filepath.Join(dir, link.Name)); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'please-build/mettle/pull/328', 'mettle/worker/inputs.go',
         G('worker', ['context', 'fmt', 'os', 'path/filepath', '',
                      'github.com/bazelbuild/remote-apis-sdks/go/pkg/digest',
                      'pb github.com/bazelbuild/remote-apis/build/bazel/remote/execution/v2'])(METTLE), [
             (1, 'go-00-mettle-input-blob-read-without-action-context',
              'an edit reads each input blob with a background context, so a cancelled or timed-out action keeps downloading', 'edit'),
             (2, 'go-00-mettle-notice-line-per-cached-input-file',
              'an edit logs every input file found in the local cache at notice level, thousands of lines an hour', 'edit'),
             (0, 'go-ok-00-mettle-blob-read-with-action-context-debug-line',
              'clean: each blob read with the action context, the cache hit logged at debug', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: game entity system world (ecs)
ECS = template('ecs', r'''
var idInc uint64

// BasicEntity is the unique identity of an entity of a World.
type BasicEntity struct {
    id       uint64
    parent   *BasicEntity
    children []BasicEntity
}

// NewBasic creates a new BasicEntity with a unique identifier. Scenes load their entities on several goroutines, so
// it is called concurrently.
func NewBasic() BasicEntity {
02|    return BasicEntity{id: atomic.AddUint64(&idInc, 1)}
1|    idInc++ //@CONC-03
1|    return BasicEntity{id: idInc}
}

// ID returns the unique identifier of the entity.
func (e BasicEntity) ID() uint64 {
    return e.id
}

// World holds the systems of a scene and updates them once per frame.
type World struct {
    systems  systems
    parallel []System
}

// Update updates every system by dt: the systems marked parallel on their own goroutines, then the others in order.
func (w *World) Update(dt float32) {
01|    panics := make(chan interface{}, len(w.parallel))
    var wg sync.WaitGroup
    for _, system := range w.parallel {
        wg.Add(1)
        go func(s System) { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    panics <- r
01|                }
01|            }()
            s.Update(dt)
        }(system)
    }
    wg.Wait()
01|    close(panics)
01|    for r := range panics {
01|        // Re-raise on the game loop, where the engine's crash handler reports it with the scene.
01|        panic(r)
01|    }

    for _, system := range w.systems {
        system.Update(dt)
    }
}
''')
cases_of(case, GH + 'EngoEngine/ecs/pull/33', 'ecs.go',
         GV('ecs', {0: ['sync', 'sync/atomic'], 1: ['sync'], 2: ['sync', 'sync/atomic']})(ECS), [
             (1, 'go-00-ecs-entity-id-counter-bumped-without-atomic',
              'an edit bumps the shared entity id counter with a plain increment, while scenes create entities concurrently', 'edit'),
             (2, 'go-00-ecs-parallel-system-goroutines-without-recover',
              'an edit drops the recover of the goroutines that update parallel systems, so a panicking system kills the game silently', 'edit'),
             (0, 'go-ok-00-ecs-atomic-ids-recovered-systems',
              'clean: ids from an atomic add, each parallel system recovered and its panic re-raised on the game loop', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: cloud SDK request code, moved (glesys-go)
GLESYS = template('glesys', r'''
const userAgent = "glesys-go/7.1.0"

// Client is the GleSYS API client.
type Client struct {
    BaseURL    *url.URL
    UserAgent  string
    httpClient httpClientInterface
    apiKey     string
    project    string
}

func (c *Client) newRequest(ctx context.Context, method, path string, params interface{}) (*http.Request, error) {
    u, err := c.BaseURL.Parse(path)
    if err != nil {
        return nil, err
    }

    buffer := new(bytes.Buffer)
    if params != nil {
        if err := json.NewEncoder(buffer).Encode(params); err != nil {
            return nil, err
        }
    }

02|    request, err := http.NewRequestWithContext(ctx, method, u.String(), buffer)
1|    request, err := http.NewRequest(method, u.String(), buffer) //@TMO-02
    if err != nil {
        return nil, err
    }

    request.SetBasicAuth(c.project, c.apiKey)
    request.Header.Set("Content-Type", "application/json")
    request.Header.Set("User-Agent", c.userAgent())
    return request, nil
}

func (c *Client) do(request *http.Request, v interface{}) error {
    response, err := c.httpClient.Do(request) //@{2}RES-02
    if err != nil {
01|        return err
2|        return fmt.Errorf("%s %s: %w", request.Method, request.URL.Path, err)
    }
01|    defer response.Body.Close()

    if response.StatusCode != http.StatusOK {
        return c.handleResponseError(response)
    }
    return c.parseResponse(response, v)
}

func (c *Client) parseResponse(response *http.Response, v interface{}) error {
    if v == nil {
        return nil
    }
    data := struct {
        Response json.RawMessage `json:"response"`
    }{}
    if err := json.NewDecoder(response.Body).Decode(&data); err != nil {
        return err
    }
    return json.Unmarshal(data.Response, v)
}

func (c *Client) userAgent() string {
    if c.UserAgent == "" {
        return userAgent
    }
    return c.UserAgent + " " + userAgent
}
''')
cases_of(case, GH + 'glesys/glesys-go/pull/69', 'request.go',
         GV('glesys', {0: ['bytes', 'context', 'encoding/json', 'net/http', 'net/url'],
                       1: ['bytes', 'context', 'encoding/json', 'net/http', 'net/url'],
                       2: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'net/url']})(GLESYS), [
             (1, 'go-00-glesys-moved-request-built-without-caller-context',
              'a PR moves the request code out of client.go and builds each request without the caller\'s context', 'rename'),
             (2, 'go-00-glesys-moved-response-body-never-closed',
              'a PR moves the request code out of client.go and drops the close of every API response body', 'rename'),
             (0, 'go-ok-00-glesys-moved-request-code-context-body-closed',
              'clean: the move alone, with the version bump; requests carry the context, bodies closed by defer', 'rename'),
         ], rename_from='client.go', rename_old=lambda t: t.replace('glesys-go/7.1.0', 'glesys-go/7.0.0'))


# ---------------------------------------------------------------- RES-01 / ERR-01: license header subcommand, new (licensei)
LICENSEI = template('licensei', r'''
// headerLines is how many lines of a file are searched for the license header.
const headerLines = 20

// NewHeaderCommand returns the command that checks that every Go file starts with the configured license header.
func NewHeaderCommand() *cobra.Command {
    var ignorePaths []string
    cmd := &cobra.Command{
        Use:   "header",
        Short: "Check license headers in source files",
        RunE: func(cmd *cobra.Command, args []string) error {
            header := viper.GetString("header.template")
            if header == "" {
                return errors.New("no header template configured")
            }
            if len(args) == 0 {
                args = []string{"."}
            }
            violations, err := checkHeaders(args, header, ignorePaths)
            if err != nil {
                return err
            }
            for _, path := range violations {
                fmt.Fprintf(cmd.OutOrStdout(), "missing license header: %s\n", path)
            }
            if len(violations) > 0 {
                return fmt.Errorf("%d files without license header", len(violations))
            }
            return nil
        },
    }
    cmd.Flags().StringSliceVar(&ignorePaths, "ignore", []string{"vendor", ".git"}, "paths to skip")
    return cmd
}

func checkHeaders(roots []string, header string, ignorePaths []string) ([]string, error) {
    var violations []string
    for _, root := range roots {
        err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
            if err != nil {
                return err
            }
            if info.IsDir() {
                if isIgnored(path, ignorePaths) {
                    return filepath.SkipDir
                }
                return nil
            }
            if filepath.Ext(path) != ".go" {
                return nil
            }
01|            ok, err := hasHeader(path, header)
01|            if err != nil {
01|                return err
01|            }
2|            ok, _ := hasHeader(path, header) //@ERR-01
            if !ok {
                violations = append(violations, path)
            }
            return nil
        })
        if err != nil {
            return nil, err
        }
    }
    return violations, nil
}

func hasHeader(path, header string) (bool, error) {
    file, err := os.Open(path) //@{1}RES-01
    if err != nil {
        return false, err
    }
02|    defer file.Close()

    var content strings.Builder
    scanner := bufio.NewScanner(file)
    for lines := 0; lines < headerLines && scanner.Scan(); lines++ {
        content.WriteString(scanner.Text())
        content.WriteByte('\n')
    }
    if err := scanner.Err(); err != nil {
        return false, fmt.Errorf("reading %s: %w", path, err)
    }
    return strings.Contains(content.String(), header), nil
}

func isIgnored(path string, ignorePaths []string) bool {
    for _, ignored := range ignorePaths {
        if filepath.Base(path) == ignored || path == ignored {
            return true
        }
    }
    return false
}
''')
cases_of(case, GH + 'goph/licensei/pull/15', 'cmd/licensei/header.go',
         G('main', ['bufio', 'errors', 'fmt', 'os', 'path/filepath', 'strings', '',
                    'github.com/spf13/cobra', 'github.com/spf13/viper'])(LICENSEI), [
             (1, 'go-00-licensei-new-header-command-files-never-closed',
              'a new header subcommand opens every source file it checks and never closes it', 'new'),
             (2, 'go-00-licensei-new-header-command-read-error-dropped',
              'a new header subcommand drops the error of reading a file, so an unreadable file passes the check', 'new'),
             (0, 'go-ok-00-licensei-new-header-command-closed-errors-returned',
              'clean: a new header subcommand that closes each file by defer and returns read errors', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / TX-02: group bot callbacks (miranda-bot)
MIRANDA = template('miranda', r'''
// Start receives the updates of the bot and handles each one on its own goroutine.
func (b *Bot) Start(ctx context.Context) {
    updates := b.api.GetUpdatesChan(tgbotapi.UpdateConfig{Timeout: 60})
    for {
        select {
        case <-ctx.Done():
            b.api.StopReceivingUpdates()
            return
        case update := <-updates:
02|            go b.handleUpdate(update)
1|            go b.route(update) //@CONC-01
        }
    }
}

02|func (b *Bot) handleUpdate(update tgbotapi.Update) {
1|// route hands an update to the handler of its kind.
1|func (b *Bot) route(update tgbotapi.Update) {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            log.Printf("[panic] update %d: %v\n%s", update.UpdateID, r, debug.Stack())
02|        }
02|    }()
    switch {
    case update.CallbackQuery != nil:
        b.handleCallback(update.CallbackQuery)
    case update.Message != nil && update.Message.NewChatMembers != nil:
        b.handleNewMembers(update.Message)
    case update.Message != nil && update.Message.IsCommand():
        b.handleCommand(update.Message)
    }
}

// handleCallback answers the verification button a new member presses and lifts the member's restriction.
func (b *Bot) handleCallback(cb *tgbotapi.CallbackQuery) {
    data := strings.SplitN(cb.Data, ":", 2)
    if len(data) != 2 || data[0] != "verify" || data[1] != strconv.Itoa(cb.From.ID) {
        b.answer(cb.ID, "This button is not for you")
        return
    }
    if err := b.verifyMember(cb.Message.Chat.ID, cb.From.ID); err != nil {
        log.Printf("[verify] %d in %d: %v", cb.From.ID, cb.Message.Chat.ID, err)
        b.answer(cb.ID, "Verification failed, please try again")
        return
    }
    b.answer(cb.ID, "Welcome!")
}

func (b *Bot) verifyMember(chatID int64, userID int) error {
    tx, err := b.db.Begin()
    if err != nil {
        return err
    }
    defer tx.Rollback()

    if _, err := tx.Exec(`UPDATE members SET verified = 1, verified_at = NOW() WHERE chat_id = ? AND user_id = ?`,
        chatID, userID); err != nil {
        return err
    }
    if _, err := tx.Exec(`DELETE FROM pending_verifications WHERE chat_id = ? AND user_id = ?`, chatID, userID); err != nil {
        return err
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit verification: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return b.liftRestriction(chatID, userID)
}
''')
MIRANDA_IMPORTS = ['context', 'fmt', 'log', 'strconv', 'strings', '', 'github.com/go-telegram-bot-api/telegram-bot-api']
cases_of(case, GH + 'suciptoid/miranda-bot/pull/5', 'bot/handler.go',
         GV('bot', {0: MIRANDA_IMPORTS[:3] + ['runtime/debug'] + MIRANDA_IMPORTS[3:],
                    1: MIRANDA_IMPORTS,
                    2: MIRANDA_IMPORTS[:3] + ['runtime/debug'] + MIRANDA_IMPORTS[3:]})(MIRANDA), [
             (1, 'go-00-miranda-update-goroutines-without-recover',
              'an edit renames the update handler to a router and drops its recover, so one bad callback takes the bot down', 'edit'),
             (2, 'go-00-miranda-verification-commit-unchecked',
              'an edit commits the member verification without checking the commit, then lifts the restriction anyway', 'edit'),
             (0, 'go-ok-00-miranda-updates-recovered-commit-checked',
              'clean: every update goroutine recovers, the verification commit checked', 'fix'),
         ])
