"""Round-109 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-02 / ERR-01: public websocket channel of an exchange connector (okex)
OKEX = template('okex-mark-price', r'''
// Public is the client of OKX's public websocket channels. The reader goroutine calls Process for every frame it
// receives; a subscriber that reads its channel slowly slows the reader down instead of piling up work behind it.
type Public struct {
    *ClientWs
    ctx                 context.Context
    mpCh                chan *public.MarkPrice
    StructuredEventChan chan interface{}
    ErrChan             chan error
    droppedErrors       atomic.Int64
}

func NewPublic(ctx context.Context, c *ClientWs) *Public {
    return &Public{ClientWs: c, ctx: ctx, ErrChan: make(chan error, 16)}
}

// Process routes one pushed frame by its channel name and reports whether it was handled.
func (c *Public) Process(data []byte, e *events.Basic) bool {
    switch e.Arg.Get("channel") {
    case "mark-price":
        return c.handleMarkPrice(data)
    case "index-tickers":
        return c.handleIndexTicker(data)
    default:
        return false
    }
}

func (c *Public) handleMarkPrice(data []byte) bool {
    e := public.MarkPrice{}
01|    if err := json.Unmarshal(data, &e); err != nil {
01|        c.reportErr(fmt.Errorf("okex: decoding mark-price push: %w", err))
01|        return true
01|    }
2|    _ = json.Unmarshal(data, &e) //@ERR-01
02|    if c.mpCh != nil {
02|        c.deliver(c.mpCh, &e)
02|    }
02|    c.deliverEvent(e)
1|    go func() { //@CONC-02
1|        defer c.recoverPush("mark-price")
1|        if c.mpCh != nil {
1|            c.mpCh <- &e
1|        }
1|        c.StructuredEventChan <- e
1|    }()
    return true
}

02|// deliver blocks the reader until the subscriber takes the price or the client is closed.
02|func (c *Public) deliver(ch chan<- *public.MarkPrice, mp *public.MarkPrice) {
02|    select {
02|    case ch <- mp:
02|    case <-c.ctx.Done():
02|    }
02|}
02|
02|func (c *Public) deliverEvent(e interface{}) {
02|    select {
02|    case c.StructuredEventChan <- e:
02|    case <-c.ctx.Done():
02|    }
02|}
02|
// reportErr hands a decoding error to the caller's error channel; when nobody reads it the error is counted.
func (c *Public) reportErr(err error) {
    select {
    case c.ErrChan <- err:
    default:
        c.droppedErrors.Add(1)
    }
}
''')
cases_of(case, GH + 'amir-the-h/okex/issues/30', 'api/ws/public.go',
         GV('ws', {v: ['context', 'encoding/json'] + (['fmt'] if v != 2 else []) + ['sync/atomic', '',
                      'github.com/amir-the-h/okex/events', 'github.com/amir-the-h/okex/models/market/public']
                   for v in (0, 1, 2)})(OKEX), [
             (1, 'go-00-okex-mark-price-goroutine-per-push',
              'an edit hands every mark-price push to a goroutine of its own that blocks on the subscriber\'s channel, '
              'so a slow subscriber piles up goroutines without bound', 'edit'),
             (2, 'go-00-okex-mark-price-decode-error-dropped',
              'an edit ignores the error of decoding a mark-price push, so a changed payload reaches subscribers as '
              'zero prices and nobody is told', 'edit'),
             (0, 'go-ok-00-okex-mark-price-delivered-by-reader',
              'clean: the fix delivers the price from the reader itself, blocking until the subscriber takes it', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: job webhook of a custodial wallet service (flow-wallet-api), new file
FLOW = template('flow-wallet-webhook', r'''
// WebhookSender posts a job's final state to the endpoint configured in FLOW_WALLET_JOB_STATUS_WEBHOOK. The worker
// pool calls Send from the job's execution; the pool's context ends when the service shuts down, and a webhook
// endpoint that never answers must not keep the service from exiting.
type WebhookSender struct {
    endpoint string
    client   *http.Client
}

func NewWebhookSender(cfg *configs.Config) *WebhookSender {
    return &WebhookSender{
        endpoint: cfg.JobStatusWebhookUrl,
02|        client:   &http.Client{Timeout: cfg.JobStatusWebhookTimeout},
1|        client:   &http.Client{}, //@TMO-01
    }
}

func (s *WebhookSender) Send(ctx context.Context, job *Job) error {
    body, err := json.Marshal(job.ToJSONResponse())
    if err != nil {
        return fmt.Errorf("encoding job %s for the status webhook: %w", job.ID, err)
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint, bytes.NewReader(body))
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, s.endpoint, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return fmt.Errorf("building status webhook request for job %s: %w", job.ID, err)
    }
    req.Header.Set("Content-Type", "application/json")

    resp, err := s.client.Do(req)
    if err != nil {
        return fmt.Errorf("posting job %s to the status webhook: %w", job.ID, err)
    }
    defer resp.Body.Close()
    if _, err := io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)); err != nil {
        return fmt.Errorf("reading status webhook answer for job %s: %w", job.ID, err)
    }
    if resp.StatusCode >= http.StatusMultipleChoices {
        return fmt.Errorf("status webhook answered %d for job %s", resp.StatusCode, job.ID)
    }
    return nil
}
''')
cases_of(case, GH + 'flow-hydraulics/flow-wallet-api/pull/205', 'jobs/webhook.go',
         G('jobs', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', '',
                    'github.com/flow-hydraulics/flow-wallet-api/configs'])(FLOW), [
             (1, 'go-00-flow-wallet-webhook-client-without-timeout',
              'a new file posts job states to the status webhook with an HTTP client that has no timeout, so an '
              'endpoint that never answers holds the worker and the shutdown', 'new'),
             (2, 'go-00-flow-wallet-webhook-request-without-job-context',
              'a new file builds the status webhook request on a background context, so the pool\'s shutdown cannot '
              'cancel a post in flight', 'new'),
             (0, 'go-ok-00-flow-wallet-webhook-sender',
              'clean: the sender has a timeout and posts under the job\'s context', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: private API calls of an exchange API wrapper (poloniex-api)
POLONIEX = template('poloniex-private', r'''
// private calls a trading API command with the account's key and signature and decodes the answer into retval.
// Poloniex answers a refused command with HTTP 200 and a body of the form {"error": "..."}, so the body decides
// whether the call failed, not the status.
func (p *Poloniex) private(command string, params url.Values, retval interface{}) error {
    if params == nil {
        params = url.Values{}
    }
    params.Set("command", command)
    params.Set("nonce", strconv.FormatInt(p.nonce(), 10))
    payload := params.Encode()

    req, err := http.NewRequest(http.MethodPost, privateAPIURL, strings.NewReader(payload))
    if err != nil {
        return fmt.Errorf("poloniex %s: building request: %w", command, err)
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    req.Header.Set("Key", p.key)
    req.Header.Set("Sign", p.sign(payload))

    resp, err := p.client.Do(req)
    if err != nil { //@{2}RES-02
        return fmt.Errorf("poloniex %s: %w", command, err)
    }
01|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("poloniex %s: reading answer: %w", command, err)
    }
    p.debugf("poloniex %s answered %d bytes", command, len(body))

    if bytes.HasPrefix(bytes.TrimSpace(body), []byte(`{"error"`)) {
        var apiErr struct {
            Error string `json:"error"`
        }
        if err := json.Unmarshal(body, &apiErr); err != nil {
            return fmt.Errorf("poloniex %s: undecodable error answer: %w", command, err)
        }
02|        return fmt.Errorf("poloniex %s: %s", command, apiErr.Error)
1|        return nil //@ERR-01
    }
    if err := json.Unmarshal(body, retval); err != nil {
        return fmt.Errorf("poloniex %s: decoding answer: %w", command, err)
    }
    return nil
}
''')
cases_of(case, GH + 'pharrisee/poloniex-api/issues/3', 'private.go',
         G('poloniex', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'strconv', 'strings'])(POLONIEX), [
             (1, 'go-00-poloniex-refused-command-returns-nil',
              'an edit returns nil when Poloniex refuses a command, so OrderTrades of an unknown order looks like an '
              'order without trades and the refusal is lost', 'edit'),
             (2, 'go-00-poloniex-private-answer-left-open',
              'an edit drops the close of the private API answer, so every trading call keeps its connection out of '
              'the pool', 'edit'),
             (0, 'go-ok-00-poloniex-refused-command-reported',
              'clean: the fix returns the error Poloniex gave for a refused command', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: runbook execution of a commerce platform CLI (epcc-cli)
EPCC = template('epcc-runbook-shutdown', r'''
// Run executes one runbook step's commands with at most `parallel` requests in flight. On SIGINT or SIGTERM it
// starts no further command and lets the requests in flight finish, so that an interrupted runbook does not leave
// half-created products or price books in the store.
func Run(parent context.Context, cmds []Command, parallel int) error {
    ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
    defer stop()

    sem := make(chan struct{}, parallel)
    errs := make(chan error, len(cmds))
    var wg sync.WaitGroup
    for _, cmd := range cmds {
        select {
        case <-ctx.Done():
            log.Warnf("Shutdown requested, %d commands still in flight", len(sem))
02|            wg.Wait()
02|            close(errs)
02|            return errors.Join(append(collect(errs), ctx.Err())...)
1|            os.Exit(1) //@OPS-01
        case sem <- struct{}{}:
        }
        wg.Add(1)
        go func(cmd Command) {
            defer wg.Done()
            defer func() { <-sem }()
            defer recoverCommand(cmd, errs)
            errs <- runOne(ctx, cmd)
        }(cmd)
    }
    wg.Wait()
    close(errs)
    return errors.Join(collect(errs)...)
}

// runOne gives a command its own deadline. The signal only stops new commands, so the request keeps the caller's
// values but not its cancellation.
func runOne(ctx context.Context, cmd Command) error {
01|    reqCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), requestTimeout)
01|    defer cancel()
2|    reqCtx, _ := context.WithTimeout(context.WithoutCancel(ctx), requestTimeout) //@TMO-03
    if err := cmd.Execute(reqCtx); err != nil {
        return fmt.Errorf("%s: %w", cmd.Name, err)
    }
    return nil
}

func recoverCommand(cmd Command, errs chan<- error) {
    if r := recover(); r != nil {
        errs <- fmt.Errorf("%s: panic: %v", cmd.Name, r)
    }
}

func collect(errs <-chan error) []error {
    var out []error
    for err := range errs {
        if err != nil {
            out = append(out, err)
        }
    }
    return out
}
''')
cases_of(case, GH + 'elasticpath/epcc-cli/pull/604', 'external/runbooks/run.go',
         G('runbooks', ['context', 'errors', 'fmt', 'os', 'os/signal', 'sync', 'syscall', '',
                        'log "github.com/sirupsen/logrus"'])(EPCC), [
             (1, 'go-00-epcc-runbook-exits-with-requests-in-flight',
              'an edit exits the process as soon as the signal arrives, so the create and delete requests in flight '
              'are cut off and leave half-applied resources behind', 'edit'),
             (2, 'go-00-epcc-runbook-command-timeout-cancel-dropped',
              'an edit discards the cancel of each command\'s timeout context, so its timer lives on after the '
              'command returned', 'edit'),
             (0, 'go-ok-00-epcc-runbook-drains-on-signal',
              'clean: the fix waits for the commands in flight before returning on a signal', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: websocket client of a blockchain payments SDK (solana-go)
SOLANA = template('solana-ws-connect', r'''
// ConnectWithOptions dials the RPC node's websocket endpoint and starts the goroutine that reads subscription
// notifications. A client that is not returned to the caller must not leave its connection or its reader behind.
func ConnectWithOptions(ctx context.Context, rpcEndpoint string, opt *Options) (*Client, error) {
    c := &Client{
        rpcURL:                  rpcEndpoint,
        subscriptionByRequestID: map[uint64]*Subscription{},
        subscriptionByWSSubID:   map[uint64]*Subscription{},
    }

    dialer := &websocket.Dialer{
        Proxy:             http.ProxyFromEnvironment,
        HandshakeTimeout:  DefaultHandshakeTimeout,
        EnableCompression: true,
    }
    var header http.Header
    if opt != nil && opt.HttpHeader != nil {
        header = opt.HttpHeader
    }

    conn, _, err := dialer.DialContext(ctx, rpcEndpoint, header)
    if err != nil {
        return nil, fmt.Errorf("new ws client: dial: %w", err) //@{1}RES-01
    }
    if err := c.configure(conn, opt); err != nil {
02|        conn.Close()
        return nil, fmt.Errorf("new ws client: %w", err)
    }
    c.conn = conn

    go func() { //@{2}CONC-01
01|        defer c.recoverReader()
        c.receiveMessages()
    }()
    return c, nil
}

// configure applies the read limit, the first read deadline and the pong handler before any subscription is sent.
func (c *Client) configure(conn *websocket.Conn, opt *Options) error {
    if opt != nil && opt.ReadLimit > 0 {
        conn.SetReadLimit(opt.ReadLimit)
    }
    if err := conn.SetReadDeadline(time.Now().Add(pongWait)); err != nil {
        return fmt.Errorf("set read deadline: %w", err)
    }
    conn.SetPongHandler(func(string) error {
        return conn.SetReadDeadline(time.Now().Add(pongWait))
    })
    return nil
}
01|
01|// recoverReader ends every subscription with the panic's error instead of taking the caller's process down.
01|func (c *Client) recoverReader() {
01|    if r := recover(); r != nil {
01|        c.closeAllSubscription(fmt.Errorf("ws reader panicked: %v", r))
01|    }
01|}
''')
cases_of(case, GH + 'solana-foundation/solana-go/pull/124', 'rpc/ws/client.go',
         G('ws', ['context', 'fmt', 'net/http', 'time', '', 'github.com/gorilla/websocket'])(SOLANA), [
             (1, 'go-00-solana-ws-connection-left-open-on-setup-error',
              'an edit returns the setup error without closing the websocket it just dialled, so every failed '
              'connect leaves a connection to the RPC node open', 'edit'),
             (2, 'go-00-solana-ws-reader-without-recover',
              'an edit drops the recover of the notification reader goroutine, so a panic while decoding a '
              'notification takes the payment service down', 'edit'),
             (0, 'go-ok-00-solana-ws-connection-closed-on-setup-error',
              'clean: the fix closes the dialled connection when its setup fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: polling task of a payments connector (formance stack, atlar)
ATLAR = template('formance-atlar-main', r'''
// MainTask schedules the fetch tasks of the Atlar connector every polling period. It is the only place they are
// scheduled from: when it ends, accounts, payments and balances stop being fetched until the connector is reset.
func MainTask(config Config, logger logging.Logger) task.Task {
    return func(ctx context.Context, scheduler task.Scheduler) error {
        ticker := time.NewTicker(config.PollingPeriod.Duration)
        defer ticker.Stop()

        for {
            if err := scheduleFetchTasks(ctx, config, logger, scheduler); err != nil {
02|                logger.Errorf("atlar: scheduling fetch tasks failed, retrying in %s: %v", config.PollingPeriod.Duration, err)
1|                return err //@CONC-07
            }
            select {
            case <-ctx.Done():
                return ctx.Err()
            case <-ticker.C:
            }
        }
    }
}

func scheduleFetchTasks(ctx context.Context, config Config, logger logging.Logger, scheduler task.Scheduler) error {
    descriptors := []TaskDescriptor{
        {Name: "fetch_accounts", Key: taskNameFetchAccounts},
        {Name: "fetch_transactions", Key: taskNameFetchTransactions},
        {Name: "fetch_balances", Key: taskNameFetchBalances},
    }
    for _, d := range descriptors {
        descriptor, err := models.EncodeTaskDescriptor(d)
        if err != nil {
            return fmt.Errorf("encoding %s: %w", d.Name, err)
        }
        if err := scheduler.Schedule(ctx, descriptor, models.TaskSchedulerOptions{
            ScheduleOption: models.OPTIONS_RUN_NOW_SYNC,
            RestartOption:  models.OPTIONS_RESTART_IF_NOT_ACTIVE,
        }); err != nil && !errors.Is(err, task.ErrAlreadyScheduled) {
            return fmt.Errorf("scheduling %s: %w", d.Name, err)
        }
2|        logger.Infof("atlar: scheduled %s (polling every %s)", d.Name, config.PollingPeriod.Duration) //@LOG-01
    }
01|    logger.Debugf("atlar: %d fetch tasks scheduled", len(descriptors))
    return nil
}
''')
cases_of(case, GH + 'formancehq/stack/pull/1306', 'components/payments/internal/connectors/atlar/task_main.go',
         G('atlar', ['context', 'errors', 'fmt', 'time', '',
                     'github.com/formancehq/payments/internal/app/models',
                     'github.com/formancehq/payments/internal/app/task',
                     'github.com/formancehq/stack/libs/go-libs/logging'])(ATLAR), [
             (1, 'go-00-formance-atlar-main-task-ends-on-error',
              'an edit returns from the main polling task on the first scheduling error, so one failed round stops '
              'every later fetch of the connector', 'edit'),
             (2, 'go-00-formance-atlar-info-log-per-task-per-period',
              'an edit logs every scheduled task at info on every polling period, a line per task per tick for the '
              'life of the connector', 'edit'),
             (0, 'go-ok-00-formance-atlar-main-task-retries',
              'clean: the fix logs a failed round and tries again on the next period', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-03: balance cache of a crypto wallet backend (status-go), renamed file
STATUS = template('status-balance-cache', r'''
// balanceCache keeps the balances and nonces already fetched, per account and block, so that history downloads do
// not ask the node twice. The downloaders of every account use one cache concurrently.
type balanceCache struct {
    rw           sync.RWMutex
    balances     map[common.Address]map[uint64]*big.Int
    nonces       map[common.Address]map[uint64]*int64
    sortedRanges map[common.Address][]nonceRange
}

type nonceRange struct {
    nonce int64
    max   uint64
    min   uint64
}

func newBalanceCache() *balanceCache {
    return &balanceCache{
        balances:     map[common.Address]map[uint64]*big.Int{},
        nonces:       map[common.Address]map[uint64]*int64{},
        sortedRanges: map[common.Address][]nonceRange{},
    }
}

// findNonceInRange returns the nonce of a range that contains block, or nil when no fetched range does.
func (b *balanceCache) findNonceInRange(account common.Address, block uint64) *int64 {
02|    b.rw.RLock()
02|    defer b.rw.RUnlock()
    for _, r := range b.sortedRanges[account] { //@{1}CONC-03
        if r.min > block {
            return nil
        }
        if r.max >= block {
            nonce := r.nonce
            return &nonce
        }
    }
    return nil
}

// loadPersisted fills the cache from the balances the previous session stored, one query per account.
func (b *balanceCache) loadPersisted(ctx context.Context, db *sql.DB, accounts []common.Address) error {
    for _, account := range accounts {
01|        if err := b.loadAccount(ctx, db, account); err != nil {
01|            return err
01|        }
2|        rows, err := db.QueryContext(ctx, selectPersistedBalances, account.Hex())
2|        if err != nil {
2|            return fmt.Errorf("querying persisted balances for %s: %w", account.Hex(), err)
2|        }
2|        defer rows.Close() //@RES-03
2|        if err := b.scanInto(account, rows); err != nil {
2|            return err
2|        }
    }
    return nil
}

01|func (b *balanceCache) loadAccount(ctx context.Context, db *sql.DB, account common.Address) error {
01|    persisted, err := db.QueryContext(ctx, selectPersistedBalances, account.Hex())
01|    if err != nil {
01|        return fmt.Errorf("loading persisted balances of %s: %w", account.Hex(), err)
01|    }
01|    defer persisted.Close()
01|    return b.scanInto(account, persisted)
01|}
01|
func (b *balanceCache) scanInto(account common.Address, rows *sql.Rows) error {
    b.rw.Lock()
    defer b.rw.Unlock()
    if b.balances[account] == nil {
        b.balances[account] = map[uint64]*big.Int{}
    }
    for rows.Next() {
        var block uint64
        var balance string
        if err := rows.Scan(&block, &balance); err != nil {
            return fmt.Errorf("scanning persisted balance of %s: %w", account.Hex(), err)
        }
        value, ok := new(big.Int).SetString(balance, 10)
        if !ok {
            return fmt.Errorf("persisted balance of %s at %d is not a number: %q", account.Hex(), block, balance)
        }
        b.balances[account][block] = value
    }
    return rows.Err()
}
''')
cases_of(case, GH + 'status-im/status-go/pull/3340', 'services/wallet/transfer/balance_cache.go',
         G('transfer', ['context', 'database/sql', 'fmt', 'math/big', 'sync', '',
                        'github.com/ethereum/go-ethereum/common'])(STATUS), [
             (1, 'go-00-status-renamed-nonce-ranges-read-unlocked',
              'a renamed file (balance.go to balance_cache.go) reads an account\'s sorted nonce ranges without the '
              'cache\'s read lock while other downloaders append to them', 'rename'),
             (2, 'go-00-status-renamed-persisted-rows-closed-at-return',
              'a renamed file (balance.go to balance_cache.go) defers the close of each account\'s persisted rows '
              'inside the loop over accounts, so every result set stays open until the last account is loaded',
              'rename'),
             (0, 'go-ok-00-status-renamed-balance-cache',
              'clean: the move alone; nonce ranges are read under the read lock and each account closes its rows',
              'rename'),
         ], rename_from='services/wallet/transfer/balance.go')


# ---------------------------------------------------------------- RES-04 / TMO-01: API client of a payment service provider SDK (mollie-api-go), with a test
MOLLIE = template('mollie-client', r'''
// Client manages communication with Mollie's v2 API. Payments, refunds, mandates and the other services all send
// their requests through Do, and so through the one HTTP client built here.
type Client struct {
    BaseURL        *url.URL
    authentication string
    userAgent      string
    client         *http.Client
    config         *Config

    Payments *PaymentsService
    Refunds  *RefundsService
    Mandates *MandatesService
}

// NewClient returns a Mollie API client; baseClient may be nil, then one with the library's defaults is built.
func NewClient(baseClient *http.Client, c *Config) (*Client, error) {
    if baseClient == nil {
01|        baseClient = &http.Client{Timeout: defaultTimeout}
2|        baseClient = &http.Client{} //@TMO-01
    }
    u, err := url.Parse(BaseURL)
    if err != nil {
        return nil, fmt.Errorf("mollie: parsing base url: %w", err)
    }
    m := &Client{
        BaseURL:   u,
        client:    baseClient,
        config:    c,
        userAgent: strings.Join([]string{runtime.GOOS, runtime.GOARCH, runtime.Version()}, ";"),
    }
    m.authentication = os.Getenv(c.auth)
    m.Payments = (*PaymentsService)(&service{client: m})
    m.Refunds = (*RefundsService)(&service{client: m})
    m.Mandates = (*MandatesService)(&service{client: m})
    return m, nil
}

// Do sends an API request and returns the API response, decoded later by the calling service.
func (c *Client) Do(req *http.Request) (*Response, error) {
    req.Header.Set(AuthHeader, "Bearer "+c.authentication)
    req.Header.Set("User-Agent", c.userAgent)

02|    resp, err := c.client.Do(req)
1|    hc := &http.Client{Timeout: defaultTimeout} //@RES-04
1|    resp, err := hc.Do(req)
    if err != nil {
        return nil, fmt.Errorf("mollie: %s %s: %w", req.Method, req.URL.Path, err)
    }
    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("mollie: reading %s answer: %w", req.URL.Path, err)
    }
    response := &Response{Response: resp, content: body}
    if err := CheckResponse(response); err != nil {
        return response, err
    }
    return response, nil
}
''')
MOLLIE_TEST = f('mollie/mollie_test.go', new=go('mollie', ['net/http', 'testing', 'time'], r'''
func TestNewClientKeepsTheCallersHTTPClient(t *testing.T) {
    base := &http.Client{Timeout: 3 * time.Second}
    c, err := NewClient(base, NewConfig(true, APITokenEnv))
    if err != nil {
        t.Fatalf("NewClient: %v", err)
    }
    if c.client != base {
        t.Fatalf("NewClient replaced the caller's HTTP client")
    }
}

func TestNewClientBuildsOneClientForEveryService(t *testing.T) {
    c, err := NewClient(nil, NewConfig(true, APITokenEnv))
    if err != nil {
        t.Fatalf("NewClient: %v", err)
    }
    if c.client == nil || c.client.Timeout <= 0 {
        t.Fatalf("default client has no timeout: %+v", c.client)
    }
}
'''))
cases_of(case, GH + 'VictorAvelar/mollie-api-go/pull/1', 'mollie/mollie.go',
         G('mollie', ['fmt', 'io', 'net/http', 'net/url', 'os', 'runtime', 'strings'])(MOLLIE), [
             (1, 'go-00-mollie-http-client-per-request',
              'an edit builds a new HTTP client for every API request, so no payment or refund call reuses a '
              'connection to the API', 'edit'),
             (2, 'go-00-mollie-default-client-without-timeout',
              'an edit builds the default HTTP client without a timeout, so a stalled API call holds the payment '
              'flow that made it', 'edit'),
             (0, 'go-ok-00-mollie-one-http-client',
              'clean: the fix sends every request through the client built once in NewClient', 'fix'),
         ], extra=[MOLLIE_TEST])


# ---------------------------------------------------------------- TIME-01 / TX-02: billing periods of a usage-based billing platform (lago), CRLF file
LAGO = template('lago-billing-period', r'''
// CurrentPeriod returns the calendar-month billing period of sub that contains now. Periods start at midnight in
// the customer's time zone: a customer in Asia/Tokyo is billed from Tokyo midnight on the first, not UTC midnight.
func CurrentPeriod(sub *Subscription, now time.Time) (Period, error) {
02|    loc, err := time.LoadLocation(sub.Customer.Timezone)
02|    if err != nil {
02|        return Period{}, fmt.Errorf("subscription %s: customer time zone %q: %w", sub.ID, sub.Customer.Timezone, err)
02|    }
02|    local := now.In(loc)
02|    start := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
1|    start := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local) //@TIME-01
    return Period{
        SubscriptionID: sub.ID,
        From:           start.UTC(),
        To:             start.AddDate(0, 1, 0).UTC(),
    }, nil
}

// SavePeriod stores the period and marks the subscription's previous invoice as due, both or neither.
func (s *Store) SavePeriod(ctx context.Context, p Period) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("subscription %s: begin: %w", p.SubscriptionID, err)
    }
    defer tx.Rollback()

    if _, err := tx.ExecContext(ctx, upsertBillingPeriod, p.SubscriptionID, p.From, p.To); err != nil {
        return fmt.Errorf("subscription %s: saving period: %w", p.SubscriptionID, err)
    }
    if _, err := tx.ExecContext(ctx, markPreviousInvoiceDue, p.SubscriptionID, p.From); err != nil {
        return fmt.Errorf("subscription %s: marking previous invoice due: %w", p.SubscriptionID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("subscription %s: commit: %w", p.SubscriptionID, err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'getlago/lago/issues/146', 'events-processor/billing/period.go',
         G('billing', ['context', 'fmt', 'time'])(LAGO), [
             (1, 'go-00-lago-period-start-in-server-zone',
              'an edit computes the start of the billing period in the server\'s local zone instead of the '
              'customer\'s, so customers east or west of the server are billed from the wrong midnight', 'edit'),
             (2, 'go-00-lago-period-commit-unchecked',
              'an edit ignores the error of committing the billing period, so a failed commit is reported as a '
              'saved period', 'edit'),
             (0, 'go-ok-00-lago-period-start-in-customer-zone',
              'clean: the fix computes the period start at midnight in the customer\'s time zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-01: address subscriptions of a wallet backend (blockatlas)
BLOCKATLAS = template('blockatlas-subscriptions', r'''
// Subscriptions keeps, per coin, the webhooks registered for each address. The API handlers add subscriptions while
// every coin's observer reads them for each new block.
type Subscriptions struct {
    mu     sync.RWMutex
    byCoin map[uint]map[string][]string
}

func NewSubscriptions() *Subscriptions {
    return &Subscriptions{byCoin: map[uint]map[string][]string{}}
}

func (s *Subscriptions) Add(coin uint, address, webhook string) {
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    addresses, ok := s.byCoin[coin] //@{1}CONC-03
    if !ok {
        addresses = map[string][]string{}
        s.byCoin[coin] = addresses
    }
    for _, existing := range addresses[address] {
        if existing == webhook {
            return
        }
    }
    addresses[address] = append(addresses[address], webhook)
}

func (s *Subscriptions) Webhooks(coin uint, address string) []string {
    s.mu.RLock()
    defer s.mu.RUnlock()
    return append([]string(nil), s.byCoin[coin][address]...)
}

// Start runs one observer per coin until ctx ends; a coin whose observer fails is logged and left stopped.
func Start(ctx context.Context, coins []uint, subs *Subscriptions, observe func(context.Context, uint, *Subscriptions) error) {
    for _, coin := range coins {
        go func(coin uint) { //@{2}CONC-01
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.WithField("coin", coin).Errorf("observer panicked: %v\n%s", r, debug.Stack())
01|                }
01|            }()
            if err := observe(ctx, coin, subs); err != nil && ctx.Err() == nil {
                log.WithField("coin", coin).WithError(err).Error("observer stopped")
            }
        }(coin)
    }
}
''')
cases_of(case, GH + 'trustwallet/blockatlas/pull/475', 'observer/subscriptions.go',
         GV('observer', {0: ['context', 'runtime/debug', 'sync', '', 'log "github.com/sirupsen/logrus"'],
                         1: ['context', 'runtime/debug', 'sync', '', 'log "github.com/sirupsen/logrus"'],
                         2: ['context', 'sync', '', 'log "github.com/sirupsen/logrus"']})(BLOCKATLAS), [
             (1, 'go-00-blockatlas-subscription-added-without-lock',
              'an edit adds subscriptions to the per-coin map without the lock the observers read it under, so a '
              'subscription racing a block can corrupt the map', 'edit'),
             (2, 'go-00-blockatlas-observer-goroutine-without-recover',
              'an edit drops the recover of each coin\'s observer goroutine, so a panic on one coin\'s block takes '
              'every coin down', 'edit'),
             (0, 'go-ok-00-blockatlas-subscription-added-under-lock',
              'clean: the fix adds subscriptions under the lock', 'fix'),
         ])
