"""Round-47 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / ERR-01: account endpoints of an exchange SDK (go-binance)
BINANCE = template('binance-account-service', r'''
// QueryOrderRequest names one order of the account.
type QueryOrderRequest struct {
    Symbol     string
    OrderID    int64
    RecvWindow time.Duration
    Timestamp  time.Time
}

// ExecutedOrder is the exchange's view of an order.
type ExecutedOrder struct {
    Symbol      string  `json:"symbol"`
    OrderID     int64   `json:"orderId"`
    Price       float64 `json:"price,string"`
    ExecutedQty float64 `json:"executedQty,string"`
    Status      string  `json:"status"`
}

// QueryOrder fetches one order of the account, signed with the service's secret.
func (as *apiService) QueryOrder(qor QueryOrderRequest) (*ExecutedOrder, error) {
    params := url.Values{}
    params.Set("symbol", qor.Symbol)
    params.Set("orderId", strconv.FormatInt(qor.OrderID, 10))
    params.Set("timestamp", strconv.FormatInt(qor.Timestamp.UnixMilli(), 10))
    if qor.RecvWindow != 0 {
        params.Set("recvWindow", strconv.FormatInt(qor.RecvWindow.Milliseconds(), 10))
    }
    req, err := as.signedRequest(http.MethodGet, "api/v3/order", params)
    if err != nil {
        return nil, err
    }
    res, err := as.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, errors.Wrap(err, "order query failed")
    }
02|    defer res.Body.Close()
    textRes, err := io.ReadAll(res.Body)
    if err != nil {
        return nil, errors.Wrap(err, "unable to read response from order query")
    }
1|    defer res.Body.Close()
    if res.StatusCode != http.StatusOK {
        apiErr := &APIError{}
01|        if err := json.Unmarshal(textRes, apiErr); err != nil {
01|            return nil, errors.Wrapf(err, "order query returned status %d", res.StatusCode)
01|        }
2|        json.Unmarshal(textRes, apiErr) //@ERR-01
        return nil, apiErr
    }
    order := &ExecutedOrder{}
    if err := json.Unmarshal(textRes, order); err != nil {
        return nil, errors.Wrap(err, "unable to parse order")
    }
    return order, nil
}
''')
cases_of(case, GH + 'rootpd/go-binance/pull/16', 'service_account.go',
         G('binance', ['encoding/json', 'io', 'net/http', 'net/url', 'strconv', 'time', '',
                       'github.com/pkg/errors'])(BINANCE), [
             (1, 'go-00-binance-order-query-body-closed-after-read',
              'an edit defers the close of the order answer only after its body was read, so every answer whose read '
              'fails keeps its connection', 'edit'),
             (2, 'go-00-binance-order-query-error-decode-ignored',
              'an edit decodes the exchange\'s error answer without looking at the decode error, so a proxy page '
              'comes back as an empty API error', 'edit'),
             (0, 'go-ok-00-binance-order-query-body-deferred-decode-checked',
              'clean: the fix defers the close right after the call and checks every decode', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: BLE thermometer exporter (govee-exporter)
GOVEE = template('govee-collector', r'''
// Reading is the last advertisement decoded from one thermometer.
type Reading struct {
    Temperature float64
    Humidity    float64
    Battery     int
    Seen        time.Time
}

// Collector keeps the last reading of every thermometer for the Prometheus scrape.
type Collector struct {
    mu    sync.Mutex
    Data  map[string]Reading
    log   *log.Logger
    names map[string]string
}

// advHandler is called by the BLE stack, from its own goroutines, for every advertisement it hears.
func (c *Collector) advHandler(a ble.Advertisement) {
    name := a.LocalName()
    if !strings.HasPrefix(name, "GVH5075") {
        return
    }
    r, err := govee.ParseAdv(a.ManufacturerData())
    if err != nil {
        c.log.Printf("skipping advertisement of %s: %v", name, err)
        return
    }
    r.Seen = time.Now()
02|    c.mu.Lock()
    c.Data[name] = r //@{1}CONC-03
02|    c.mu.Unlock()
}

// Start scans for advertisements until ctx ends, and refreshes the friendly names file every minute.
func (c *Collector) Start(ctx context.Context, names string) error {
    d, err := linux.NewDevice()
    if err != nil {
        return fmt.Errorf("open HCI device: %w", err)
    }
    ble.SetDefaultDevice(d)
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                c.log.Printf("name refresher stopped: %v\n%s", r, debug.Stack())
01|            }
01|        }()
01|        c.refreshNames(ctx, names)
01|    }()
2|    go c.refreshNames(ctx, names) //@CONC-01
    return ble.Scan(ctx, true, c.advHandler, nil)
}
''')
GOVEE_IMPORTS = {v: ['context', 'fmt', 'log'] + (['runtime/debug'] if v != 2 else []) +
                 ['strings', 'sync', 'time', '', 'github.com/go-ble/ble', 'github.com/go-ble/ble/linux',
                  'github.com/jdoupe/govee-exporter/govee'] for v in (0, 1, 2)}
cases_of(case, GH + 'jdoupe/govee-exporter/issues/2', 'main.go',
         GV('main', GOVEE_IMPORTS)(GOVEE), [
             (1, 'go-00-govee-collector-readings-map-written-without-lock',
              'an edit drops the lock around the readings map, so the BLE goroutines write it while the scrape reads '
              'it and the exporter dies of concurrent map writes', 'edit'),
             (2, 'go-00-govee-collector-name-refresher-without-recover',
              'an edit starts the name refresher as a bare goroutine, so a bad names file panics the whole exporter',
              'edit'),
             (0, 'go-ok-00-govee-collector-locked-map-recovered-refresher',
              'clean: the fix writes the readings map under its lock; the refresher recovers and logs', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: MQTT to InfluxDB forwarder (mqforward)
MQFWD = template('mqforward-forwarder', r'''
// Forwarder writes every MQTT message of the subscribed topics into InfluxDB as one point.
type Forwarder struct {
    influx   client.Client
    database string
    debug    bool
    received uint64
}

// onMessage is the MQTT callback; the client calls it for every message, in order, from one goroutine.
func (f *Forwarder) onMessage(_ mqtt.Client, msg mqtt.Message) {
    atomic.AddUint64(&f.received, 1)
02|    if f.debug {
02|        log.Printf("debug: message on %s (%d bytes)", msg.Topic(), len(msg.Payload()))
02|    }
1|    log.Printf("received message on %s: %s", msg.Topic(), msg.Payload()) //@LOG-01
    value, err := strconv.ParseFloat(strings.TrimSpace(string(msg.Payload())), 64)
    if err != nil {
        return
    }
    bp, err := client.NewBatchPoints(client.BatchPointsConfig{Database: f.database, Precision: "ms"})
    if err != nil {
        log.Printf("batch for %s: %v", msg.Topic(), err)
        return
    }
    tags := map[string]string{"topic": msg.Topic()}
    pt, err := client.NewPoint("mqtt", tags, map[string]interface{}{"value": value}, time.Now())
    if err != nil {
        log.Printf("point for %s: %v", msg.Topic(), err)
        return
    }
    bp.AddPoint(pt)
01|    if err := f.influx.Write(bp); err != nil {
01|        log.Printf("write %s to influx: %v", msg.Topic(), err)
01|    }
2|    f.influx.Write(bp) //@ERR-01
}
''')
cases_of(case, GH + 'shirou/mqforward/pull/15', 'mqforward/forwarder.go',
         G('mqforward', ['log', 'strconv', 'strings', 'sync/atomic', 'time', '',
                         'github.com/eclipse/paho.mqtt.golang', 'github.com/influxdata/influxdb/client/v2'])(MQFWD), [
             (1, 'go-00-mqforward-every-message-logged',
              'an edit logs every received message with its payload, so a busy broker floods the syslog of the '
              'daemon', 'edit'),
             (2, 'go-00-mqforward-influx-write-error-dropped',
              'an edit writes each point to InfluxDB without looking at the error, so a database that refuses writes '
              'loses every reading silently', 'edit'),
             (0, 'go-ok-00-mqforward-debug-gated-log-write-checked',
              'clean: the fix logs a message only in debug mode and logs a failed write', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: block views of a chain indexer (chain-indexing)
CHAIN = template('chain-indexing-blocks-view', r'''
// Block is one indexed block.
type Block struct {
    Height   int64
    Hash     string
    Time     time.Time
    Proposer string
    TxCount  int
}

// ListRecent returns the newest limit blocks, newest first.
func (view *Blocks) ListRecent(limit int) ([]Block, error) {
    rows, err := view.rdb.Query(
        "SELECT height, hash, time, proposer, tx_count FROM view_blocks ORDER BY height DESC LIMIT $1", limit)
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("error querying recent blocks: %v", err)
    }
02|    defer rows.Close()

    blocks := make([]Block, 0, limit)
    for rows.Next() {
        var b Block
        if err := rows.Scan(&b.Height, &b.Hash, &b.Time, &b.Proposer, &b.TxCount); err != nil {
            return nil, fmt.Errorf("error scanning block row: %v", err)
        }
        blocks = append(blocks, b)
    }
    return blocks, rows.Err()
}

// TxHashesOf returns the transaction hashes of each given height.
func (view *Blocks) TxHashesOf(heights []int64) (map[int64][]string, error) {
    result := make(map[int64][]string, len(heights))
    for _, height := range heights {
01|        hashes, err := view.txHashesAt(height)
01|        if err != nil {
01|            return nil, err
01|        }
2|        rows, err := view.rdb.Query("SELECT hash FROM view_transactions WHERE block_height = $1", height)
2|        if err != nil {
2|            return nil, fmt.Errorf("error querying transactions at %d: %v", height, err)
2|        }
2|        defer rows.Close() //@RES-03
2|        var hashes []string
2|        for rows.Next() {
2|            var hash string
2|            if err := rows.Scan(&hash); err != nil {
2|                return nil, fmt.Errorf("error scanning transaction hash: %v", err)
2|            }
2|            hashes = append(hashes, hash)
2|        }
        result[height] = hashes
    }
    return result, nil
}
01|
01|// txHashesAt returns the transaction hashes of one height, in index order.
01|func (view *Blocks) txHashesAt(height int64) ([]string, error) {
01|    rows, err := view.rdb.Query("SELECT hash FROM view_transactions WHERE block_height = $1", height)
01|    if err != nil {
01|        return nil, fmt.Errorf("error querying transactions at %d: %v", height, err)
01|    }
01|    defer rows.Close()
01|    var hashes []string
01|    for rows.Next() {
01|        var hash string
01|        if err := rows.Scan(&hash); err != nil {
01|            return nil, fmt.Errorf("error scanning transaction hash: %v", err)
01|        }
01|        hashes = append(hashes, hash)
01|    }
01|    return hashes, rows.Err()
01|}
''')
cases_of(case, GH + 'crypto-com/chain-indexing/pull/340', 'projection/block/view/blocks.go',
         G('view', ['fmt', 'time'])(CHAIN), [
             (1, 'go-00-chain-indexing-recent-blocks-rows-never-closed',
              'an edit drops the close of the recent-blocks rows, so a scan error returns early and keeps the '
              'connection busy for good', 'edit'),
             (2, 'go-00-chain-indexing-tx-hashes-rows-deferred-in-loop',
              'an edit inlines the per-height query into the loop with a deferred close, so every height\'s rows stay '
              'open until the whole lookup ends', 'edit'),
             (0, 'go-ok-00-chain-indexing-rows-closed-per-query',
              'clean: the fix closes the recent-blocks rows by defer; each height queried in its own function', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-02: incident store of an on-call service (wachd)
WACHD = template('wachd-incident-store', r'''
// Incident is one alert that fired for a team.
type Incident struct {
    ID        uuid.UUID
    TeamID    uuid.UUID
    Title     string
    Severity  string
    Status    string
    FiredAt   time.Time
    CreatedAt time.Time
}

// CreateIncident stores a new open incident; FiredAt defaults to now when the alert carried no time.
func (db *DB) CreateIncident(ctx context.Context, inc *Incident) error {
02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    if inc.FiredAt.IsZero() {
        inc.FiredAt = now
    }
    inc.ID = uuid.New()
    inc.Status = "open"
    inc.CreatedAt = now
    _, err := db.pool.Exec(ctx, `
        INSERT INTO incidents (id, team_id, title, severity, status, fired_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        inc.ID, inc.TeamID, inc.Title, inc.Severity, inc.Status, inc.FiredAt, inc.CreatedAt)
    if err != nil {
        return fmt.Errorf("insert incident: %w", err)
    }
    return nil
}

// AcknowledgeIncident marks an open incident acknowledged by a user.
func (db *DB) AcknowledgeIncident(ctx context.Context, id, userID uuid.UUID) error {
01|    tag, err := db.pool.Exec(ctx, `
2|    tag, err := db.pool.Exec(context.Background(), ` //@TMO-02
        UPDATE incidents SET status = 'acknowledged', acknowledged_by = $2, updated_at = $3
        WHERE id = $1 AND status = 'open'`,
        id, userID, time.Now().UTC())
    if err != nil {
        return fmt.Errorf("acknowledge incident: %w", err)
    }
    if tag.RowsAffected() == 0 {
        return ErrNotFound
    }
    return nil
}
''')
cases_of(case, GH + 'wachd/wachd/pull/11', 'internal/store/incidents.go',
         G('store', ['context', 'fmt', 'time', '', 'github.com/google/uuid'])(WACHD), [
             (1, 'go-00-wachd-incident-times-in-host-zone',
              'an edit stamps new incidents with the host\'s local time, so a server outside UTC stores fired and '
              'created times hours off and the commit window misses recent commits', 'edit'),
             (2, 'go-00-wachd-acknowledge-ignores-request-context',
              'an edit runs the acknowledge update on a background context, so a cancelled request keeps its '
              'database call running', 'edit'),
             (0, 'go-ok-00-wachd-incident-times-utc-context-passed',
              'clean: the fix stamps incidents in UTC; every statement runs on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: private API client of an exchange SDK (bitstamp-go)
BITSTAMP = template('bitstamp-private-client', r'''
const apiURL = "https://www.bitstamp.net/api/v2/"

// Client signs and sends the private calls of the Bitstamp API.
type Client struct {
    key, secret, customerID string
    http                    *http.Client
}

// ErrorResult is the body Bitstamp sends with a refused call.
type ErrorResult struct {
    Status string          `json:"status"`
    Reason json.RawMessage `json:"reason"`
    Code   string          `json:"code"`
}

func (e *ErrorResult) Error() string {
    return fmt.Sprintf("bitstamp: %s (%s)", e.Reason, e.Code)
}

// NewClient returns a client for one API key; calls give up after twenty seconds.
func NewClient(key, secret, customerID string) *Client {
    return &Client{key: key, secret: secret, customerID: customerID, http: &http.Client{Timeout: 20 * time.Second}}
}

func (c *Client) sign(nonce string) string {
    mac := hmac.New(sha256.New, []byte(c.secret))
    mac.Write([]byte(nonce + c.customerID + c.key))
    return strings.ToUpper(hex.EncodeToString(mac.Sum(nil)))
}

// privateRequest posts params to path and decodes the answer into out.
func (c *Client) privateRequest(ctx context.Context, path string, params url.Values, out interface{}) error {
    nonce := strconv.FormatInt(time.Now().UnixNano(), 10)
    params.Set("key", c.key)
    params.Set("nonce", nonce)
    params.Set("signature", c.sign(nonce))
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, apiURL+path, strings.NewReader(params.Encode()))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    resp, err := c.http.Do(req) //@{2}RES-02
    if err != nil {
        return err
    }
01|    defer resp.Body.Close()
    body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
    if err != nil {
        return err
    }
    if resp.StatusCode != http.StatusOK || bytes.Contains(body, []byte(`"status": "error"`)) {
        errRes := &ErrorResult{}
02|        if err := json.Unmarshal(body, errRes); err != nil {
02|            return fmt.Errorf("bitstamp: status %d: %s", resp.StatusCode, body)
02|        }
1|        json.Unmarshal(body, errRes) //@ERR-01
        return errRes
    }
2|    resp.Body.Close()
    return json.Unmarshal(body, out)
}

// Balance returns the account's balances, keyed by field name.
func (c *Client) Balance(ctx context.Context) (map[string]string, error) {
    balances := map[string]string{}
    if err := c.privateRequest(ctx, "balance/", url.Values{}, &balances); err != nil {
        return nil, err
    }
    return balances, nil
}
''')
cases_of(case, GH + 'ajph/bitstamp-go/pull/15', 'client.go',
         G('bitstamp', ['bytes', 'context', 'crypto/hmac', 'crypto/sha256', 'encoding/hex', 'encoding/json', 'fmt',
                        'io', 'net/http', 'net/url', 'strconv', 'strings', 'time'])(BITSTAMP), [
             (1, 'go-00-bitstamp-new-client-error-body-decode-ignored',
              'a new private API client decodes a refused call\'s body without looking at the decode error, so an '
              'HTML error page comes back as an empty Bitstamp error', 'new'),
             (2, 'go-00-bitstamp-new-client-body-open-on-refusal',
              'a new private API client closes the answer only on the success path, so every refused call keeps its '
              'connection', 'new'),
             (0, 'go-ok-00-bitstamp-new-client-deferred-close-checked-decode',
              'clean: a new private API client closing every answer by defer and checking every decode', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: quote fetcher of a desktop stock app (go-stock)
GOSTOCK = template('go-stock-quote-api', r'''
// quoteClient is shared by every quote request: one connection pool, bounded, for the whole app.
var quoteClient = &http.Client{ //@{2}TMO-01
01|    Timeout: 15 * time.Second,
    Transport: &http.Transport{
        MaxIdleConns:        20,
        MaxConnsPerHost:     10,
        MaxIdleConnsPerHost: 4,
        IdleConnTimeout:     60 * time.Second,
    },
}

// StockInfo is one row of the quote table.
type StockInfo struct {
    Code   string
    Name   string
    Price  float64
    Change float64
    Volume int64
}

// GetStockCodeRealTimeData fetches the real-time quotes of the given codes from the quote server in one call.
func (receiver StockDataApi) GetStockCodeRealTimeData(codes ...string) (*[]StockInfo, error) {
    if len(codes) == 0 {
        return &[]StockInfo{}, nil
    }
    req, err := http.NewRequest(http.MethodGet, sinaStockURL+strings.Join(codes, ","), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Referer", "https://finance.sina.com.cn")
    req.Header.Set("User-Agent", receiver.config.UserAgent)
1|    client := &http.Client{Timeout: 15 * time.Second} //@RES-04
1|    resp, err := client.Do(req)
02|    resp, err := quoteClient.Do(req)
    if err != nil {
        return nil, fmt.Errorf("quote request: %w", err)
    }
    defer resp.Body.Close()
    body, err := io.ReadAll(transform.NewReader(resp.Body, simplifiedchinese.GBK.NewDecoder()))
    if err != nil {
        return nil, fmt.Errorf("quote body: %w", err)
    }
    infos := make([]StockInfo, 0, len(codes))
    for _, line := range strings.Split(string(body), "\n") {
        if info, ok := parseSinaLine(line); ok {
            infos = append(infos, info)
        }
    }
    return &infos, nil
}
''')
cases_of(case, GH + 'ArvinLovegood/go-stock/pull/156', 'backend/data/stock_data_api.go',
         G('data', ['fmt', 'io', 'net/http', 'strings', 'time', '', 'golang.org/x/text/encoding/simplifiedchinese',
                    'golang.org/x/text/transform'])(GOSTOCK), [
             (1, 'go-00-go-stock-quote-client-built-per-call',
              'an edit builds a new HTTP client for every quote refresh, so each refresh of many stocks opens its own '
              'pool of connections and exhausts the home router\'s NAT table', 'edit'),
             (2, 'go-00-go-stock-shared-quote-client-without-timeout',
              'an edit drops the timeout of the shared quote client, so a quote server that stops answering freezes '
              'every refresh', 'edit'),
             (0, 'go-ok-00-go-stock-shared-bounded-quote-client',
              'clean: the fix sends every quote request through the shared, bounded client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-04: HTTP log replayer (log-replay)
REPLAY = template('log-replay-replayer', r'''
// Replayer sends every request line of an access log to a target host at the log's pace.
type Replayer struct {
    target  string
    workers int
    client  *http.Client
    log     *log.Logger
    sent    uint64
    failed  uint64
}

// Run reads the log and fires each request; it returns when the log is exhausted and every request is done.
func (r *Replayer) Run(ctx context.Context, in io.Reader) error {
    lines := make(chan string, r.workers)
    var wg sync.WaitGroup
02|    for i := 0; i < r.workers; i++ {
02|        wg.Add(1)
02|        go func() {
02|            defer wg.Done()
02|            for line := range lines {
02|                r.fire(ctx, line)
02|            }
02|        }()
02|    }
    scanner := bufio.NewScanner(in)
    for scanner.Scan() {
02|        select {
02|        case lines <- scanner.Text():
02|        case <-ctx.Done():
02|            close(lines)
02|            wg.Wait()
02|            return ctx.Err()
02|        }
1|        line := scanner.Text()
1|        wg.Add(1)
1|        go func() { //@CONC-02
1|            defer wg.Done()
1|            r.fire(ctx, line)
1|        }()
    }
    close(lines)
    wg.Wait()
    return scanner.Err()
}

// fire sends one logged request and drains its answer so the connection goes back to the pool.
func (r *Replayer) fire(ctx context.Context, line string) {
    method, path, ok := parseLogLine(line)
    if !ok {
        return
    }
    req, err := http.NewRequestWithContext(ctx, method, r.target+path, nil)
    if err != nil {
        atomic.AddUint64(&r.failed, 1)
        return
    }
01|    resp, err := r.client.Do(req)
2|    client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConns: 100}} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        atomic.AddUint64(&r.failed, 1)
        return
    }
    io.Copy(io.Discard, resp.Body)
    resp.Body.Close()
    atomic.AddUint64(&r.sent, 1)
}
''')
REPLAY_IMPORTS = {v: ['bufio', 'context', 'io', 'log', 'net/http', 'sync', 'sync/atomic'] + (['time'] if v == 2 else [])
                  for v in (0, 1, 2)}
cases_of(case, GH + 'Gonzih/log-replay/pull/9', 'replayer.go',
         GV('main', REPLAY_IMPORTS)(REPLAY), [
             (1, 'go-00-log-replay-goroutine-per-log-line',
              'an edit starts a goroutine for every log line instead of feeding the worker pool, so a fast log starts '
              'hundreds of thousands of requests at once', 'edit'),
             (2, 'go-00-log-replay-client-built-per-request',
              'an edit builds a client and transport for every replayed request, so each request dials anew and the '
              'idle connections pile up', 'edit'),
             (0, 'go-ok-00-log-replay-worker-pool-shared-client',
              'clean: the fix feeds a fixed set of workers through a channel; one shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: trade settlement of a matching engine (amp-matching-engine)
AMP = template('amp-trade-settlement', r'''
// Settlement writes the outcome of one match: the taker order, the maker orders it filled and the trades.
type Settlement struct {
    Taker  *types.Order
    Makers []*types.Order
    Trades []*types.Trade
}

// Settle stores a match atomically: either every order and trade of it is written, or none.
func (s *TradeStore) Settle(ctx context.Context, st *Settlement) error {
01|    tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
01|    if err != nil { //@{1}TX-01
01|        return fmt.Errorf("begin settlement: %w", err)
01|    }
2|    tx, _ := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@TX-02
02|    defer tx.Rollback()

    if err := updateOrder(ctx, tx, st.Taker); err != nil {
        return fmt.Errorf("update taker order %s: %w", st.Taker.Hash, err)
    }
    for _, maker := range st.Makers {
        if err := updateOrder(ctx, tx, maker); err != nil {
            return fmt.Errorf("update maker order %s: %w", maker.Hash, err)
        }
    }
    for _, trade := range st.Trades {
        _, err := tx.ExecContext(ctx,
            `INSERT INTO trades (hash, taker_order, maker_order, pair, amount, price, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            trade.Hash, trade.TakerOrderHash, trade.MakerOrderHash, trade.PairName,
            trade.Amount.String(), trade.PricePoint.String(), trade.CreatedAt.UTC())
        if err != nil {
            return fmt.Errorf("insert trade %s: %w", trade.Hash, err)
        }
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("commit settlement: %w", err)
    }
    s.events.Publish(st)
    return nil
}

func updateOrder(ctx context.Context, tx *sql.Tx, o *types.Order) error {
    _, err := tx.ExecContext(ctx,
        `UPDATE orders SET filled_amount = $2, status = $3, updated_at = $4 WHERE hash = $1`,
        o.Hash, o.FilledAmount.String(), o.Status, o.UpdatedAt.UTC())
    return err
}
''')
cases_of(case, GH + 'ProofSuite/amp-matching-engine/pull/53', 'daos/trade_store.go',
         G('daos', ['context', 'database/sql', 'fmt', '', 'github.com/Proofsuite/amp-matching-engine/types'])(AMP), [
             (1, 'go-00-amp-settlement-not-rolled-back-on-failure',
              'an edit drops the deferred rollback of the settlement transaction, so a failed order update leaves the '
              'transaction and its connection open with the taker order already written', 'edit'),
             (2, 'go-00-amp-settlement-begin-error-discarded',
              'an edit discards the error of BeginTx, so a database that refuses the transaction panics the engine '
              'on a nil transaction', 'edit'),
             (0, 'go-ok-00-amp-settlement-begin-checked-rollback-deferred',
              'clean: the fix rolls the settlement back by defer on every failure path', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: scan result poller of a security scanner (vmclarity)
VMC = template('vmclarity-scan-poller', r'''
// Poller asks the backend for the state of every running scan, once per interval, until its context ends.
type Poller struct {
    backend      *backendclient.BackendClient
    interval     time.Duration
    pollTimeout  time.Duration
    results      chan ScanState
    logger       *logrus.Entry
}

// NewScanPoller returns a poller that gives each round trip pollTimeout.
func NewScanPoller(backend *backendclient.BackendClient, interval, pollTimeout time.Duration, logger *logrus.Entry) *Poller {
    return &Poller{
        backend:     backend,
        interval:    interval,
        pollTimeout: pollTimeout,
        results:     make(chan ScanState, 64),
        logger:      logger,
    }
}

// Start runs the poll loop and the result watcher in the background.
func (p *Poller) Start(ctx context.Context) {
01|    go func() {
01|        defer p.recoverPanic("result watcher")
01|        p.watchResults(ctx)
01|    }()
2|    go p.watchResults(ctx) //@CONC-01
    go func() {
        defer p.recoverPanic("poll loop")
        ticker := time.NewTicker(p.interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
            }
02|            p.pollOnce(ctx)
1|            timeoutCtx, _ := context.WithTimeout(ctx, p.pollTimeout) //@TMO-03
1|            states, err := p.backend.GetRunningScans(timeoutCtx)
1|            if err != nil {
1|                p.logger.WithError(err).Warn("failed to poll running scans")
1|                continue
1|            }
1|            for _, st := range states {
1|                p.results <- st
1|            }
        }
    }()
}

02|// pollOnce asks the backend once, within pollTimeout, and queues every running scan's state.
02|func (p *Poller) pollOnce(ctx context.Context) {
02|    timeoutCtx, cancel := context.WithTimeout(ctx, p.pollTimeout)
02|    defer cancel()
02|    states, err := p.backend.GetRunningScans(timeoutCtx)
02|    if err != nil {
02|        p.logger.WithError(err).Warn("failed to poll running scans")
02|        return
02|    }
02|    for _, st := range states {
02|        p.results <- st
02|    }
02|}
02|
func (p *Poller) recoverPanic(what string) {
    if r := recover(); r != nil {
        p.logger.Errorf("%s stopped by a panic: %v\n%s", what, r, debug.Stack())
    }
}
''')
cases_of(case, GH + 'openclarity/vmclarity/pull/207', 'pkg/orchestrator/scanwatcher/poller.go',
         G('scanwatcher', ['context', 'runtime/debug', 'time', '', 'github.com/openclarity/vmclarity/pkg/shared/backendclient',
                           'github.com/sirupsen/logrus'])(VMC), [
             (1, 'go-00-vmclarity-moved-poller-timeout-context-never-cancelled',
              'a PR moves the scan poller into its own file and inlines the poll into the loop, dropping the cancel '
              'of each round\'s timeout context, so every tick leaves a timer and context behind', 'rename'),
             (2, 'go-00-vmclarity-moved-poller-watcher-without-recover',
              'a PR moves the scan poller into its own file and starts the result watcher as a bare goroutine, so a '
              'panicking result takes the orchestrator down', 'rename'),
             (0, 'go-ok-00-vmclarity-moved-poller-cancelled-recovered',
              'clean: the move alone; each poll\'s context cancelled by its own function, both goroutines recovered',
              'rename'),
         ], rename_from='pkg/orchestrator/scanwatcher/watcher_poll.go',
         rename_old=lambda t: t.replace('NewScanPoller', 'newPoller'))
