"""Round-67 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TX-01 / ERR-01: stock reservation of a shop's checkout (golang-app/ecommerce)
ECOMMERCE = template('ecommerce-stock-reservation', r'''
// ErrInsufficientStock is returned when a variant has fewer units left than the cart asks for.
var ErrInsufficientStock = errors.New("catalog: insufficient stock")

// Store keeps products, their variants and the stock of each variant.
type Store struct {
    db *sql.DB
}

// NewStore returns a store on db.
func NewStore(db *sql.DB) *Store {
    return &Store{db: db}
}

// Reserve takes the asked quantity of every variant in one transaction, or nothing at all when any variant is
// short, so two checkouts racing for the last unit cannot both win it.
func (s *Store) Reserve(ctx context.Context, qty map[string]int) error {
    ids := make([]string, 0, len(qty))
    for id := range qty {
        ids = append(ids, id)
    }
    // Rows are locked in one order by every caller, so concurrent reservations cannot deadlock.
    sort.Strings(ids)

    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("reserve: begin: %w", err)
    }
02|    defer tx.Rollback()
    for _, id := range ids {
        res, err := tx.ExecContext(ctx,
            `UPDATE variants SET stock = stock - $1 WHERE id = $2 AND stock >= $1`, qty[id], id)
        if err != nil {
            return fmt.Errorf("reserve %s: %w", id, err)
        }
01|        n, err := res.RowsAffected()
01|        if err != nil {
01|            return fmt.Errorf("reserve %s: rows: %w", id, err)
01|        }
2|        n, _ := res.RowsAffected() //@ERR-01
        if n == 0 {
            return ErrInsufficientStock
        }
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("reserve: commit: %w", err)
    }
    return nil
}

// Release gives reserved units back when the order they were taken for is not placed after all.
func (s *Store) Release(ctx context.Context, qty map[string]int) error {
    for id, n := range qty {
        if _, err := s.db.ExecContext(ctx, `UPDATE variants SET stock = stock + $1 WHERE id = $2`, n, id); err != nil {
            return fmt.Errorf("release %s: %w", id, err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'golang-app/ecommerce/pull/87', 'internal/catalog/stock.go',
         G('catalog', ['context', 'database/sql', 'errors', 'fmt', 'sort'])(ECOMMERCE), [
             (1, 'go-00-ecommerce-reserve-short-stock-leaves-transaction-open',
              'an edit drops the deferred rollback of the stock reservation, so a cart that runs short of one '
              'variant returns with the transaction open and its row locks held', 'edit'),
             (2, 'go-00-ecommerce-reserve-rows-affected-error-dropped',
              'an edit drops the error of RowsAffected, so a driver failure reads as zero rows and a healthy '
              'cart is refused as out of stock', 'edit'),
             (0, 'go-ok-00-ecommerce-reserve-rolled-back',
              'clean: the fix rolls the reservation back by defer when it does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: payouts of a payments API client (stripe-go)
STRIPE = template('stripe-payout-client', r'''
// Payout is money sent from the account's balance to its bank account or debit card.
type Payout struct {
    ID          string            `json:"id"`
    Amount      int64             `json:"amount"`
    Currency    string            `json:"currency"`
    Status      string            `json:"status"`
    ArrivalDate int64             `json:"arrival_date"`
    Metadata    map[string]string `json:"metadata"`
}

// UnmarshalJSON accepts a payout given as its id alone, as unexpanded fields come, or as the whole object.
func (p *Payout) UnmarshalJSON(data []byte) error {
    if id, ok := expandableID(data); ok {
        p.ID = id
        return nil
    }
    type payout Payout
    var v payout
02|    if err := json.Unmarshal(data, &v); err != nil {
02|        return err
02|    }
1|    json.Unmarshal(data, &v) //@ERR-01
    *p = Payout(v)
    return nil
}

// Client reads payouts through the API.
type Client struct {
    Key     string
    BaseURL string
    HTTP    *http.Client
}

// Get fetches one payout by id.
func (c Client) Get(ctx context.Context, id string) (*Payout, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/payouts/"+url.PathEscape(id), nil)
    if err != nil {
        return nil, err
    }
    req.SetBasicAuth(c.Key, "")
    resp, err := c.HTTP.Do(req)
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    if resp.StatusCode >= 400 {
        return nil, apiError(resp.StatusCode, body)
    }
    var p Payout
    if err := json.Unmarshal(body, &p); err != nil {
        return nil, fmt.Errorf("payout %s: %w", id, err)
    }
    return &p, nil
}

func expandableID(data []byte) (string, bool) {
    var id string
    if err := json.Unmarshal(data, &id); err != nil {
        return "", false
    }
    return id, true
}

func apiError(status int, body []byte) error {
    var e struct {
        Error struct {
            Message string `json:"message"`
        } `json:"error"`
    }
    if err := json.Unmarshal(body, &e); err != nil || e.Error.Message == "" {
        return fmt.Errorf("payouts API: status %d", status)
    }
    return fmt.Errorf("payouts API: status %d: %s", status, e.Error.Message)
}
''')
cases_of(case, GH + 'stripe/stripe-go/pull/509', 'payout/payout.go',
         G('payout', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url'])(STRIPE), [
             (1, 'go-00-stripe-payout-unmarshal-error-dropped',
              'an edit stops checking the error of decoding an expanded payout, so a malformed object is '
              'returned as an empty payout with a zero amount', 'edit'),
             (2, 'go-00-stripe-payout-get-body-never-closed',
              'an edit reads the payout answer without closing its body, so every lookup keeps a connection '
              'out of the client\'s pool', 'edit'),
             (0, 'go-ok-00-stripe-payout-unmarshal-checked',
              'clean: the fix returns the error of decoding an expanded payout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: order-book endpoint of a market maker's exchange connector, moved (KyberNetwork/reserve-data)
KYBER = template('reserve-data-liqui-endpoint', r'''
// LiquiEndpoint talks to the exchange's public and trading HTTP interfaces.
type LiquiEndpoint struct {
    signer Signer
    interf Interface
    client *http.Client
}

// NewLiquiEndpoint returns an endpoint that signs with signer and reaches the exchange through interf.
func NewLiquiEndpoint(signer Signer, interf Interface) *LiquiEndpoint {
    return &LiquiEndpoint{
        signer: signer,
        interf: interf,
01|        client: &http.Client{Timeout: 30 * time.Second},
2|        client: &http.Client{}, //@TMO-01
    }
}

// Depth fetches the order books of pairs ("eth_btc-knc_eth") as seen at timepoint.
func (e *LiquiEndpoint) Depth(pairs string, timepoint uint64) (DepthResponse, error) {
    result := DepthResponse{}
    req, err := http.NewRequest(http.MethodGet, e.interf.PublicEndpoint(timepoint)+"/depth/"+pairs, nil)
    if err != nil {
        return result, err
    }
    req.Header.Add("Accept", "application/json")
    resp, err := e.client.Do(req)
    if err != nil { //@{1}RES-02
        return result, err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return result, fmt.Errorf("liqui depth %s: unexpected status %s", pairs, resp.Status)
    }
1|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return result, err
    }
    if err := json.Unmarshal(body, &result); err != nil {
        return result, fmt.Errorf("liqui depth %s: %w", pairs, err)
    }
    return result, nil
}

// CancelOrder cancels one open order; the exchange answers with the balances that order had held.
func (e *LiquiEndpoint) CancelOrder(id string, timepoint uint64) (CancelResponse, error) {
    result := CancelResponse{}
    form := url.Values{}
    form.Set("method", "CancelOrder")
    form.Set("order_id", id)
    form.Set("nonce", e.signer.Nonce())
    req, err := http.NewRequest(http.MethodPost, e.interf.AuthenticatedEndpoint(timepoint),
        strings.NewReader(form.Encode()))
    if err != nil {
        return result, err
    }
    req.Header.Add("Content-Type", "application/x-www-form-urlencoded")
    req.Header.Add("Key", e.signer.GetKey())
    req.Header.Add("Sign", e.signer.Sign(form))
    resp, err := e.client.Do(req)
    if err != nil {
        return result, err
    }
    defer resp.Body.Close()
    if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
        return result, fmt.Errorf("liqui cancel %s: %w", id, err)
    }
    return result, nil
}
''')
KYBER_IMPORTS = ['encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'strings']
cases_of(case, GH + 'KyberNetwork/reserve-data/pull/245', 'exchange/liqui/liqui_endpoint.go',
         GV('liqui', {0: KYBER_IMPORTS + ['time'], 1: KYBER_IMPORTS + ['time'], 2: KYBER_IMPORTS})(KYBER), [
             (1, 'go-00-reserve-data-moved-endpoint-depth-body-open-on-error-status',
              'a PR moves the exchange endpoint into its own file and defers the close of the depth answer past '
              'the status check, so every non-200 answer keeps its connection', 'rename'),
             (2, 'go-00-reserve-data-moved-endpoint-client-without-timeout',
              'a PR moves the exchange endpoint into its own file and builds its HTTP client without a timeout, '
              'so an exchange that stops answering stalls the market maker\'s fetch loop for good', 'rename'),
             (0, 'go-ok-00-reserve-data-moved-endpoint',
              'clean: the move alone; the client is bounded and the depth answer is closed on every path', 'rename'),
         ], rename_from='exchange/liqui/endpoint.go')


# ---------------------------------------------------------------- TMO-01 / RES-04: price-source fetches of a price oracle node (razor-network/oracle-node)
RAZOR = template('oracle-node-api-fetch', r'''
// APIClient fetches the raw values a job's data source publishes.
type APIClient struct {
    http    *http.Client
    retries int
    backoff time.Duration
}

// NewAPIClient returns a client whose every request gives up after timeoutSeconds.
func NewAPIClient(timeoutSeconds int64, retries int) *APIClient {
    return &APIClient{
02|        http:    &http.Client{Timeout: time.Duration(timeoutSeconds) * time.Second},
1|        http:    &http.Client{}, //@TMO-01
        retries: retries,
        backoff: 2 * time.Second,
    }
}

// GetDataFromAPI returns the body of job.URL, retrying a failed request a few times with a growing pause.
func (c *APIClient) GetDataFromAPI(ctx context.Context, job Job) ([]byte, error) {
    var lastErr error
    for attempt := 0; attempt <= c.retries; attempt++ {
        if attempt > 0 {
            select {
            case <-time.After(c.backoff * time.Duration(attempt)):
            case <-ctx.Done():
                return nil, ctx.Err()
            }
        }
        body, err := c.fetch(ctx, job)
        if err == nil {
            return body, nil
        }
        lastErr = err
    }
    return nil, fmt.Errorf("job %d (%s): %w", job.ID, job.URL, lastErr)
}

func (c *APIClient) fetch(ctx context.Context, job Job) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, job.URL, nil)
    if err != nil {
        return nil, err
    }
    for k, v := range job.Headers {
        req.Header.Set(k, v)
    }
01|    resp, err := c.http.Do(req)
2|    client := &http.Client{Timeout: c.http.Timeout} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("status %s", resp.Status)
    }
    return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}
''')
cases_of(case, GH + 'razor-network/oracle-node/issues/938', 'utils/api.go',
         G('utils', ['context', 'fmt', 'io', 'net/http', 'time'])(RAZOR), [
             (1, 'go-00-oracle-node-api-client-without-timeout',
              'an edit builds the price-source client without a timeout, so one data source that accepts and '
              'never answers holds the node past its commit window', 'edit'),
             (2, 'go-00-oracle-node-api-client-per-fetch',
              'an edit builds a new HTTP client for every fetch, so each price request opens new connections '
              'instead of reusing the pool', 'edit'),
             (0, 'go-ok-00-oracle-node-api-client-bounded',
              'clean: the fix gives the shared price-source client its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: per-origin price fetches of an oracle's price feeder (chronicleprotocol/oracle-suite)
GOFER = template('oracle-suite-origin-fetch', r'''
// Handler asks every configured origin (an exchange's public API) for the prices of the pairs it quotes.
type Handler struct {
    origins      map[string]Origin
    roundTimeout time.Duration
    log          *log.Logger
}

// Fetch asks every origin in its own goroutine, so one slow or broken exchange cannot hold back the others, and
// returns what arrived before the round's deadline.
func (h *Handler) Fetch(ctx context.Context, pairs []Pair) map[string][]Tick {
    ctx, cancel := context.WithTimeout(ctx, h.roundTimeout)
    defer cancel()

    var (
        mu    sync.Mutex
        wg    sync.WaitGroup
        ticks = make(map[string][]Tick, len(h.origins))
    )
    for name, origin := range h.origins {
        wg.Add(1)
        go func(name string, origin Origin) { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    h.log.Printf("origin %s: fetch panicked: %v", name, r)
01|                }
01|            }()
02|            got, err := origin.Fetch(ctx, pairs)
1|            got, err := origin.Fetch(context.Background(), pairs) //@TMO-02
            if err != nil {
                h.log.Printf("origin %s: %v", name, err)
                return
            }
            mu.Lock()
            ticks[name] = got
            mu.Unlock()
        }(name, origin)
    }
    wg.Wait()
    return ticks
}
''')
cases_of(case, GH + 'chronicleprotocol/oracle-suite/pull/38', 'pkg/price/provider/origins/handler.go',
         G('origins', ['context', 'log', 'sync', 'time'])(GOFER), [
             (1, 'go-00-oracle-suite-origin-fetch-on-background-context',
              'an edit fetches each origin on a background context, so the round\'s deadline never reaches the '
              'exchange call and one stalled origin holds the whole round', 'edit'),
             (2, 'go-00-oracle-suite-origin-goroutine-without-recover',
              'an edit drops the recover of the per-origin goroutine, so one origin\'s parser panicking on an '
              'odd answer takes the whole price feeder down', 'edit'),
             (0, 'go-ok-00-oracle-suite-origin-fetch-on-round-context',
              'clean: the fix fetches each origin on the round\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-03: order books and sends of a crypto exchange's websocket client (bitfinex-api-go)
BITFINEX = template('bitfinex-websocket-books', r'''
// Client keeps one websocket to the exchange, the order books it has subscribed to and a single writer goroutine.
type Client struct {
    mu           sync.RWMutex
    books        map[string]*Orderbook
    writes       chan writeRequest
    writeTimeout time.Duration
}

type writeRequest struct {
    payload []byte
    done    chan error
}

// Orderbook returns the current book of symbol, or false when the client is not subscribed to it.
func (c *Client) Orderbook(symbol string) (*Orderbook, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    ob, ok := c.books[symbol]
    return ob, ok
}

// handleBookSnapshot replaces the book of symbol with a fresh snapshot; it runs on the reader goroutine while
// callers read books from theirs.
func (c *Client) handleBookSnapshot(symbol string, levels []BookLevel) {
    ob := NewOrderbook(symbol)
    for _, l := range levels {
        ob.Apply(l)
    }
02|    c.mu.Lock()
02|    c.books[symbol] = ob
02|    c.mu.Unlock()
1|    c.books[symbol] = ob //@CONC-03
}

// Send queues msg for the writer goroutine, since the connection allows one writer, and waits until it is written.
func (c *Client) Send(ctx context.Context, msg interface{}) error {
    payload, err := json.Marshal(msg)
    if err != nil {
        return err
    }
01|    ctx, cancel := context.WithTimeout(ctx, c.writeTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.writeTimeout) //@TMO-03
    req := writeRequest{payload: payload, done: make(chan error, 1)}
    select {
    case c.writes <- req:
    case <-ctx.Done():
        return ctx.Err()
    }
    select {
    case err := <-req.done:
        return err
    case <-ctx.Done():
        return ctx.Err()
    }
}
''')
cases_of(case, GH + 'bitfinexcom/bitfinex-api-go/pull/186', 'v2/websocket/books.go',
         G('websocket', ['context', 'encoding/json', 'sync', 'time'])(BITFINEX), [
             (1, 'go-00-bitfinex-book-snapshot-stored-without-lock',
              'an edit stores a fresh order-book snapshot without the client\'s lock, so a trader reading books '
              'while a snapshot arrives crashes on concurrent map access', 'edit'),
             (2, 'go-00-bitfinex-send-timeout-never-cancelled',
              'an edit bounds each send with a timeout context and drops its cancel, so every order message '
              'leaves a timer alive until the write timeout passes', 'edit'),
             (0, 'go-ok-00-bitfinex-book-snapshot-under-lock',
              'clean: the fix stores the snapshot under the client\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: pair snapshots of a decentralised exchange's back end (tomox-sdk)
TOMOX = template('tomox-sdk-pair-snapshots', r'''
// PairSnapshot is what the market page shows of one pair: best prices, last price and the day's volume.
type PairSnapshot struct {
    PairName  string
    BestBid   *big.Int
    BestAsk   *big.Int
    LastPrice *big.Int
    Volume    *big.Int
    UpdatedAt time.Time
}

// PairService keeps a snapshot per pair: HTTP handlers read them while the engine's consumer applies trades.
type PairService struct {
    mu        sync.RWMutex
    snapshots map[string]*PairSnapshot
    logger    *log.Logger
}

// Snapshot returns a copy of the pair's snapshot, or false for a pair that has not traded yet.
func (s *PairService) Snapshot(pairName string) (PairSnapshot, bool) {
    s.mu.RLock()
    defer s.mu.RUnlock()
    snap, ok := s.snapshots[pairName]
    if !ok {
        return PairSnapshot{}, false
    }
    return *snap, true
}

// ApplyTrades folds a batch of matched trades into the snapshot of their pair.
func (s *PairService) ApplyTrades(pairName string, trades []*Trade) {
    volume := new(big.Int)
    var last *big.Int
    for _, t := range trades {
        volume.Add(volume, t.Amount)
        last = t.PricePoint
2|        s.logger.Printf("trade %s on %s: %s at %s", t.Hash, pairName, t.Amount, t.PricePoint) //@LOG-01
    }
    if last == nil {
        return
    }
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    snap, ok := s.snapshots[pairName]
    if !ok {
        snap = &PairSnapshot{PairName: pairName, Volume: new(big.Int)} //@{1}CONC-03
        s.snapshots[pairName] = snap
    }
    snap.LastPrice = last
    snap.Volume = new(big.Int).Add(snap.Volume, volume)
    snap.UpdatedAt = time.Now().UTC()
}
''')
cases_of(case, GH + 'BuildOnViction/tomox-sdk/issues/94', 'services/pair.go',
         G('services', ['log', 'math/big', 'sync', 'time'])(TOMOX), [
             (1, 'go-00-tomox-sdk-trades-applied-without-lock',
              'an edit applies matched trades to the pair snapshots without the service\'s lock, so the market '
              'page reading snapshots during a busy minute crashes with concurrent map access', 'edit'),
             (2, 'go-00-tomox-sdk-every-trade-logged',
              'an edit logs every matched trade inside the batch loop, so a busy pair writes a log line per fill '
              'on the engine\'s hot path', 'edit'),
             (0, 'go-ok-00-tomox-sdk-trades-applied-under-lock',
              'clean: the fix applies trades under the service\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-03: market channels of a DEX's websocket server (hydro-sdk-backend)
HYDRO = template('hydro-websocket-channels', r'''
// MarketChannel fans one market's order-book changes out to the clients subscribed to it.
type MarketChannel struct {
    ID      string
    book    *Orderbook
    updates chan OrderbookEvent
    clients map[string]*Client
}

// StartMarketChannels loads the current book of every market from the database and starts its channel.
func StartMarketChannels(ctx context.Context, db *sql.DB, markets []string) ([]*MarketChannel, error) {
    channels := make([]*MarketChannel, 0, len(markets))
    for _, market := range markets {
        book, err := loadBook(ctx, db, market)
        if err != nil {
            return nil, fmt.Errorf("market %s: %w", market, err)
        }
        ch := &MarketChannel{
            ID:      "Market#" + market,
            book:    book,
            updates: make(chan OrderbookEvent, 256),
            clients: make(map[string]*Client),
        }
        channels = append(channels, ch)
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    log.Printf("channel %s stopped after a panic: %v", ch.ID, r)
02|                }
02|            }()
            runChannel(ctx, ch)
        }()
    }
    return channels, nil
}

func runChannel(ctx context.Context, ch *MarketChannel) {
    for {
        select {
        case <-ctx.Done():
            log.Printf("channel %s closed with %d clients", ch.ID, len(ch.clients))
            return
        case ev := <-ch.updates:
            ch.book.Apply(ev)
            for _, c := range ch.clients {
                c.Send(ev)
            }
        }
    }
}

// loadBook reads the open orders of market, price level by price level.
func loadBook(ctx context.Context, db *sql.DB, market string) (*Orderbook, error) {
    book := NewOrderbook(market)
    for _, side := range []string{"buy", "sell"} {
        rows, err := db.QueryContext(ctx,
            `SELECT price, SUM(available_amount) FROM orders WHERE market_id = $1 AND side = $2 AND status = 'pending'
             GROUP BY price`, market, side)
        if err != nil {
            return nil, err
        }
01|        err = scanLevels(rows, book, side)
01|        rows.Close()
01|        if err != nil {
01|            return nil, err
01|        }
2|        defer rows.Close() //@RES-03
2|        if err := scanLevels(rows, book, side); err != nil {
2|            return nil, err
2|        }
    }
    return book, nil
}

func scanLevels(rows *sql.Rows, book *Orderbook, side string) error {
    for rows.Next() {
        var price, amount string
        if err := rows.Scan(&price, &amount); err != nil {
            return err
        }
        book.SetLevel(side, price, amount)
    }
    return rows.Err()
}
''')
cases_of(case, GH + 'HydroProtocol/hydro-sdk-backend/issues/1', 'websocket/channel.go',
         G('websocket', ['context', 'database/sql', 'fmt', 'log'])(HYDRO), [
             (1, 'go-00-hydro-market-channel-goroutine-without-recover',
              'an edit drops the recover of each market channel\'s goroutine, so one order-book change the book '
              'cannot apply panics and stops the websocket server for every market', 'edit'),
             (2, 'go-00-hydro-load-book-defers-close-in-loop',
              'an edit defers the close of each side\'s query inside the loop, so the rows of every side stay '
              'open until the whole book is loaded', 'edit'),
             (0, 'go-ok-00-hydro-market-channel-recovers',
              'clean: the fix recovers and logs a market channel that panics', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-02: market calendar of a brokerage API client, a new file (alpaca-trade-api-go)
ALPACA = template('alpaca-market-calendar', r'''
// newYork is where US equity sessions are defined; the calendar endpoint gives local wall-clock times.
var newYork = mustLoadLocation("America/New_York")

func mustLoadLocation(name string) *time.Location {
    loc, err := time.LoadLocation(name)
    if err != nil {
        panic(fmt.Sprintf("time zone %s: %v", name, err))
    }
    return loc
}

// CalendarDay is one trading day as the calendar endpoint lists it.
type CalendarDay struct {
    Date  string `json:"date"`  // 2006-01-02
    Open  string `json:"open"`  // 15:04, New York time
    Close string `json:"close"` // 15:04, New York time
}

// Session is a trading day's open and close as instants.
type Session struct {
    Open  time.Time
    Close time.Time
}

// Sessions returns the trading sessions between start and end (dates, inclusive).
func (c *Client) Sessions(ctx context.Context, start, end string) ([]Session, error) {
    u := fmt.Sprintf("%s/v2/calendar?start=%s&end=%s", c.baseURL, start, end)
    var days []CalendarDay
01|    if err := c.get(ctx, u, &days); err != nil {
2|    if err := c.get(context.Background(), u, &days); err != nil { //@TMO-02
        return nil, err
    }
    sessions := make([]Session, 0, len(days))
    for _, d := range days {
        open, err := sessionTime(d.Date, d.Open)
        if err != nil {
            return nil, err
        }
        closing, err := sessionTime(d.Date, d.Close)
        if err != nil {
            return nil, err
        }
        sessions = append(sessions, Session{Open: open, Close: closing})
    }
    return sessions, nil
}

func sessionTime(date, clock string) (time.Time, error) {
02|    return time.ParseInLocation("2006-01-02 15:04", date+" "+clock, newYork)
1|    return time.Parse("2006-01-02 15:04", date+" "+clock) //@TIME-01
}

func (c *Client) get(ctx context.Context, u string, out interface{}) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return err
    }
    req.Header.Set("APCA-API-KEY-ID", c.keyID)
    req.Header.Set("APCA-API-SECRET-KEY", c.secret)
    resp, err := c.http.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("GET %s: %s", u, resp.Status)
    }
    return json.NewDecoder(resp.Body).Decode(out)
}
''')
cases_of(case, GH + 'alpacahq/alpaca-trade-api-go/issues/247', 'alpaca/calendar.go',
         G('alpaca', ['context', 'encoding/json', 'fmt', 'net/http', 'time'])(ALPACA), [
             (1, 'go-00-alpaca-new-calendar-session-times-without-zone',
              'a new calendar file parses the sessions\' New York wall-clock times without a location, so every '
              'open and close comes out four or five hours early', 'new'),
             (2, 'go-00-alpaca-new-calendar-fetch-on-background-context',
              'a new calendar file fetches the sessions on a background context, so a caller\'s deadline or '
              'cancellation never reaches the request', 'new'),
             (0, 'go-ok-00-alpaca-new-calendar',
              'clean: a new calendar file that fetches on the caller\'s context and reads times in New York', 'new'),
         ])


# ---------------------------------------------------------------- TX-02 / TIME-01: period renewal of a usage-billing service (flexprice)
FLEXPRICE = template('flexprice-period-renewal', r'''
// renewPeriod invoices the period that just ended and moves the subscription to the next one, in one transaction
// so that a failure leaves neither an invoice without its period nor a period without its invoice.
func (s *SubscriptionService) renewPeriod(ctx context.Context, sub *Subscription) (*Invoice, error) {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return nil, fmt.Errorf("renew %s: begin: %w", sub.ID, err)
    }
    defer tx.Rollback()

01|    issuedAt := time.Now().UTC()
2|    issuedAt := time.Now() //@TIME-01
    inv, err := s.invoices.CreateForPeriod(ctx, tx, sub.ID, sub.CurrentPeriodStart, sub.CurrentPeriodEnd, issuedAt)
    if err != nil {
        return nil, fmt.Errorf("renew %s: invoice: %w", sub.ID, err)
    }
    next := addInterval(sub.CurrentPeriodEnd, sub.BillingPeriod)
    if _, err := tx.ExecContext(ctx,
        `UPDATE subscriptions SET current_period_start = $1, current_period_end = $2, updated_at = $3 WHERE id = $4`,
        sub.CurrentPeriodEnd, next, issuedAt, sub.ID); err != nil {
        return nil, fmt.Errorf("renew %s: advance period: %w", sub.ID, err)
    }
02|    if err := tx.Commit(); err != nil {
02|        return nil, fmt.Errorf("renew %s: commit: %w", sub.ID, err)
02|    }
1|    tx.Commit() //@TX-02
    sub.CurrentPeriodStart, sub.CurrentPeriodEnd = sub.CurrentPeriodEnd, next
    return inv, nil
}

// addInterval returns the end of the period that starts at start.
func addInterval(start time.Time, period BillingPeriod) time.Time {
    switch period {
    case BillingPeriodAnnual:
        return start.AddDate(1, 0, 0)
    case BillingPeriodWeekly:
        return start.AddDate(0, 0, 7)
    default:
        return start.AddDate(0, 1, 0)
    }
}
''')
cases_of(case, GH + 'flexprice/flexprice/pull/1769', 'internal/service/subscription_renewal.go',
         G('service', ['context', 'fmt', 'time'])(FLEXPRICE), [
             (1, 'go-00-flexprice-renewal-commit-unchecked',
              'an edit ignores the error of committing the renewal, so a commit the database refused is reported '
              'as a renewed period and the subscription is never invoiced', 'edit'),
             (2, 'go-00-flexprice-renewal-issued-in-local-time',
              'an edit stamps the renewal invoice with the server\'s local time, so invoices issued near midnight '
              'land on the wrong billing day', 'edit'),
             (0, 'go-ok-00-flexprice-renewal-commit-checked',
              'clean: the fix returns the error of committing the renewal', 'fix'),
         ])
