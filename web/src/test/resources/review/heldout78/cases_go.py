"""Round-78 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: bank-data reader of a budgeting sync tool (ynabber)
YNABBER = template('ynabber-nordigen-client', r'''
const requestTimeout = 30 * time.Second

// Client reads accounts and transactions from the Nordigen bank account data API.
type Client struct {
    baseURL    string
    secretID   string
    secretKey  string
    token      string
    httpClient *http.Client
}

func NewClient(baseURL, secretID, secretKey string) *Client {
    return &Client{
        baseURL:    baseURL,
        secretID:   secretID,
        secretKey:  secretKey,
02|        httpClient: &http.Client{Timeout: requestTimeout},
1|        httpClient: &http.Client{}, //@TMO-01
    }
}

// Transactions lists the booked transactions of one account.
func (c *Client) Transactions(accountID string) ([]Transaction, error) {
    endpoint := fmt.Sprintf("%s/api/v2/accounts/%s/transactions/", c.baseURL, accountID)
    req, err := http.NewRequest(http.MethodGet, endpoint, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+c.token)
    req.Header.Set("Accept", "application/json")

    resp, err := c.httpClient.Do(req)
    if err != nil { //@{2}RES-02
        return nil, fmt.Errorf("fetch transactions of %s: %w", accountID, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch transactions of %s: status %s", accountID, resp.Status)
    }

    var payload struct {
        Transactions struct {
            Booked []Transaction `json:"booked"`
        } `json:"transactions"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&payload); err != nil {
        return nil, fmt.Errorf("decode transactions of %s: %w", accountID, err)
    }
    return payload.Transactions.Booked, nil
}
''')
cases_of(case, GH + 'martinohansen/ynabber/pull/63', 'reader/nordigen/client.go',
         G('nordigen', ['encoding/json', 'fmt', 'net/http', 'time'])(YNABBER), [
             (1, 'go-00-ynabber-bank-client-without-timeout',
              'an edit builds the bank-data client without a timeout, so a connection the bank API never answers '
              'hangs the nightly sync for good', 'edit'),
             (2, 'go-00-ynabber-transactions-body-never-closed',
              'an edit drops the deferred close of the transactions response, so every account read keeps a '
              'connection out of the pool', 'edit'),
             (0, 'go-ok-00-ynabber-bank-client-bounded',
              'clean: the fix gives the bank-data client a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: cashu payment intake of a captive-portal merchant (tollgate)
TOLLGATE = template('tollgate-merchant-purchase', r'''
const paymentTimeout = 30 * time.Second

type receiveResult struct {
    amount uint64
    err    error
}

// PurchaseSession redeems the customer's cashu token and opens or extends the session it pays for.
func (m *Merchant) PurchaseSession(event nostr.Event) (*nostr.Event, error) {
    paymentToken, macAddress, err := parsePurchaseEvent(event)
    if err != nil {
        return m.createNoticeEvent("error", "invalid-payment-event", err.Error(), "")
    }

    ch := make(chan receiveResult, 1)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                ch <- receiveResult{0, fmt.Errorf("payment processing panicked: %v", r)}
02|            }
02|        }()
        amount, err := m.tollwallet.Receive(paymentToken)
        ch <- receiveResult{amount, err}
    }()

    var res receiveResult
    select {
    case res = <-ch:
    case <-time.After(paymentTimeout):
        return m.createNoticeEvent("error", "payment-processing-timeout", "payment took too long", macAddress)
    }
    if res.err != nil {
        return m.createNoticeEvent("error", "payment-processing-failed", res.err.Error(), macAddress)
    }

    session, err := m.extendSession(macAddress, res.amount)
    if err != nil {
        return m.createNoticeEvent("error", "session-failed", err.Error(), macAddress)
    }
01|    if err := m.valve.OpenGate(macAddress, session.Expiry); err != nil {
01|        return m.createNoticeEvent("error", "gate-failed", err.Error(), macAddress)
01|    }
2|    m.valve.OpenGate(macAddress, session.Expiry) //@ERR-01
    return m.createSessionEvent(session)
}
''')
cases_of(case, GH + 'OpenTollGate/tollgate-module-basic-go/pull/360', 'src/merchant/merchant.go',
         G('merchant', ['fmt', 'time', '', 'github.com/nbd-wtf/go-nostr'])(TOLLGATE), [
             (1, 'go-00-tollgate-payment-goroutine-without-recover',
              'an edit drops the recover of the goroutine that redeems the token, so a malformed keyset from a mint '
              'panics the whole portal and every customer session with it', 'edit'),
             (2, 'go-00-tollgate-gate-open-error-dropped',
              'an edit drops the error of opening the gate, so a customer who paid gets a session event but no '
              'network access and nothing is logged', 'edit'),
             (0, 'go-ok-00-tollgate-payment-goroutine-recovers',
              'clean: the fix recovers the redeeming goroutine and reports the panic as a failed payment', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: exchange REST client of a trading bot (go-crypto-bot)
CRYPTOBOT = template('go-crypto-bot-binance-query-order', r'''
// BinanceClient signs and sends REST requests to the exchange.
type BinanceClient struct {
    HttpClient *http.Client
    ApiKey     string
    ApiSecret  string
    BaseURL    string
    Timeout    time.Duration
}

func (b *BinanceClient) sign(query string) string {
    mac := hmac.New(sha256.New, []byte(b.ApiSecret))
    mac.Write([]byte(query))
    return hex.EncodeToString(mac.Sum(nil))
}

// QueryOrder asks the exchange for the current state of one order.
func (b *BinanceClient) QueryOrder(ctx context.Context, symbol string, orderID int64) (model.BinanceOrder, error) {
    params := url.Values{}
    params.Set("symbol", symbol)
    params.Set("orderId", strconv.FormatInt(orderID, 10))
    params.Set("timestamp", strconv.FormatInt(time.Now().UnixMilli(), 10))
    params.Set("signature", b.sign(params.Encode()))

0|    reqCtx, cancel := context.WithTimeout(ctx, b.Timeout)
1|    reqCtx, _ := context.WithTimeout(ctx, b.Timeout) //@TMO-03
2|    reqCtx, cancel := context.WithTimeout(context.Background(), b.Timeout) //@TMO-02
02|    defer cancel()
    req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, b.BaseURL+"/api/v3/order?"+params.Encode(), nil)
    if err != nil {
        return model.BinanceOrder{}, err
    }
    req.Header.Set("X-MBX-APIKEY", b.ApiKey)

    resp, err := b.HttpClient.Do(req)
    if err != nil {
        return model.BinanceOrder{}, fmt.Errorf("query order %d: %w", orderID, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return model.BinanceOrder{}, fmt.Errorf("query order %d: status %d", orderID, resp.StatusCode)
    }

    var order model.BinanceOrder
    if err := json.NewDecoder(resp.Body).Decode(&order); err != nil {
        return model.BinanceOrder{}, fmt.Errorf("decode order %d: %w", orderID, err)
    }
    return order, nil
}
''')
cases_of(case, GH + 'AndreyMashukov/go-crypto-bot/issues/48', 'src/client/binance_client.go',
         G('client', ['context', 'crypto/hmac', 'crypto/sha256', 'encoding/hex', 'encoding/json', 'fmt', 'net/http',
                      'net/url', 'strconv', 'time', '', 'gitlab.com/open-soft/go-crypto-bot/src/model'])(CRYPTOBOT), [
             (1, 'go-00-go-crypto-bot-order-query-cancel-discarded',
              'an edit bounds the order query with a timeout context whose cancel is discarded, so every poll of '
              'an open order leaves a timer and a context behind until it fires', 'edit'),
             (2, 'go-00-go-crypto-bot-order-query-detached-from-caller',
              'an edit derives the order query\'s timeout from the background context, so a bot that is shutting '
              'down or whose trade loop gave up still waits for the exchange', 'edit'),
             (0, 'go-ok-00-go-crypto-bot-order-query-cancelled',
              'clean: the fix derives the timeout from the caller\'s context and cancels it when the query returns',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: order API of an exchange SDK (kucoin-go-sdk)
KUCOIN = template('kucoin-go-sdk-order-api', r'''
// CreateOrderModel is the body of a new limit or market order.
type CreateOrderModel struct {
    ClientOid string `json:"clientOid"`
    Side      string `json:"side"`
    Symbol    string `json:"symbol,omitempty"`
    Type      string `json:"type,omitempty"`
    Price     string `json:"price,omitempty"`
    Size      string `json:"size,omitempty"`
    Funds     string `json:"funds,omitempty"`
}

// CreateOrder places a new order.
func (as *ApiService) CreateOrder(o *CreateOrderModel) (*ApiResponse, error) {
    return as.CreateOrderWithContext(context.Background(), o)
}

// CreateOrderWithContext places a new order and gives up when ctx is done.
func (as *ApiService) CreateOrderWithContext(ctx context.Context, o *CreateOrderModel) (*ApiResponse, error) {
01|    p, err := json.Marshal(o)
01|    if err != nil {
01|        return nil, err
01|    }
2|    p, _ := json.Marshal(o) //@ERR-01
    req := NewRequest(http.MethodPost, "/api/v1/orders", p)
02|    return as.CallWithContext(ctx, req)
1|    return as.CallWithContext(context.Background(), req) //@TMO-02
}

// CancelOrder cancels one order by its order id.
func (as *ApiService) CancelOrder(orderId string) (*ApiResponse, error) {
    return as.CancelOrderWithContext(context.Background(), orderId)
}

// CancelOrderWithContext cancels one order by its order id and gives up when ctx is done.
func (as *ApiService) CancelOrderWithContext(ctx context.Context, orderId string) (*ApiResponse, error) {
    req := NewRequest(http.MethodDelete, "/api/v1/orders/"+orderId, nil)
    return as.CallWithContext(ctx, req)
}
''')
cases_of(case, GH + 'Kucoin/kucoin-go-sdk/pull/127', 'order.go',
         G('kucoin', ['context', 'encoding/json', 'net/http'])(KUCOIN), [
             (1, 'go-00-kucoin-sdk-create-order-ignores-context',
              'an edit sends the context-taking order call on the background context, so a caller\'s deadline or '
              'cancellation never reaches the exchange request', 'edit'),
             (2, 'go-00-kucoin-sdk-create-order-marshal-error-dropped',
              'an edit drops the error of encoding the order, so an order that cannot be encoded is sent with an '
              'empty body and the exchange\'s complaint is all the caller sees', 'edit'),
             (0, 'go-ok-00-kucoin-sdk-create-order-with-context',
              'clean: the fix passes the caller\'s context to the order request', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: log decoder of an order-sharing network (0x-mesh)
MESH = template('0x-mesh-event-decoder', r'''
// Decoder decodes the logs of the token contracts the order watcher follows.
type Decoder struct {
    mu                   sync.RWMutex
    knownERC20Addresses  map[common.Address]bool
    knownERC721Addresses map[common.Address]bool
    erc20ABI             abi.ABI
    erc721ABI            abi.ABI
}

// AddKnownERC20 registers a token so its Transfer and Approval logs are decoded as ERC20 events.
func (d *Decoder) AddKnownERC20(address common.Address) {
02|    d.mu.Lock()
02|    defer d.mu.Unlock()
    d.knownERC20Addresses[address] = true //@{1}CONC-03
}

// AddKnownERC721 registers a token so its logs are decoded as ERC721 events.
func (d *Decoder) AddKnownERC721(address common.Address) {
    d.mu.Lock()
    defer d.mu.Unlock()
    d.knownERC721Addresses[address] = true
}

// FindEventType names the event a contract log carries.
func (d *Decoder) FindEventType(vLog types.Log) (string, error) {
    d.mu.RLock()
    defer d.mu.RUnlock()
    if len(vLog.Topics) == 0 {
        return "", UnsupportedEventError{Topics: vLog.Topics, ContractAddress: vLog.Address}
    }
    topic := vLog.Topics[0]
    if d.knownERC20Addresses[vLog.Address] {
        event, err := d.erc20ABI.EventByID(topic)
        if err != nil {
            return "", UnsupportedEventError{Topics: vLog.Topics, ContractAddress: vLog.Address}
        }
01|        log.WithFields(log.Fields{"event": event.Name, "contract": vLog.Address.Hex()}).Debug("decoded ERC20 log")
2|        log.WithFields(log.Fields{"event": event.Name, "contract": vLog.Address.Hex()}).Info("decoded ERC20 log") //@LOG-01
        return "ERC20" + event.Name + "Event", nil
    }
    if d.knownERC721Addresses[vLog.Address] {
        event, err := d.erc721ABI.EventByID(topic)
        if err != nil {
            return "", UnsupportedEventError{Topics: vLog.Topics, ContractAddress: vLog.Address}
        }
        return "ERC721" + event.Name + "Event", nil
    }
    return "", UntrackedTokenError{Topic: topic, TokenAddress: vLog.Address}
}
''')
cases_of(case, GH + '0xProject/0x-mesh/issues/278', 'zeroex/orderwatch/event_decoder.go',
         G('orderwatch', ['sync', '', 'github.com/ethereum/go-ethereum/accounts/abi',
                          'github.com/ethereum/go-ethereum/common', 'github.com/ethereum/go-ethereum/core/types',
                          'log "github.com/sirupsen/logrus"'])(MESH), [
             (1, 'go-00-0x-mesh-known-token-map-written-without-lock',
              'an edit registers new tokens in the decoder\'s map without its lock, so a token added while block '
              'logs are decoded crashes the node with a concurrent map write', 'edit'),
             (2, 'go-00-0x-mesh-every-decoded-log-at-info',
              'an edit logs every decoded token log at info level, so each block writes hundreds of lines to the '
              'default log', 'edit'),
             (0, 'go-ok-00-0x-mesh-known-token-map-locked',
              'clean: the fix registers new tokens under the decoder\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: entry writer of a double-entry ledger service (amazing-ledger)
LEDGER = template('amazing-ledger-create-transaction', r'''
const (
    selectBalance = `SELECT coalesce(sum(amount), 0) FROM entries WHERE account = $1`
    insertEntry   = `INSERT INTO entries (id, transaction_id, account, operation, amount, version) VALUES ($1, $2, $3, $4, $5, $6)`
)

// CreateTransaction writes the entries of one transaction atomically, refusing any that would overdraw an account.
func (r *LedgerRepository) CreateTransaction(ctx context.Context, transaction entities.Transaction) error {
    tx, err := r.db.Begin(ctx)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin transaction: %w", err)
    }
02|    defer func() {
02|        if rbErr := tx.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
02|            r.log.WithError(rbErr).Error("rolling back ledger transaction")
02|        }
02|    }()

    for _, entry := range transaction.Entries {
        var balance int64
        if err := tx.QueryRow(ctx, selectBalance, entry.Account).Scan(&balance); err != nil {
            return fmt.Errorf("read balance of %s: %w", entry.Account, err)
        }
        if entry.Operation == entities.DebitOperation && balance-entry.Amount < 0 {
            return entities.ErrInvalidBalance
        }
01|        if _, err := tx.Exec(ctx, insertEntry, entry.ID, transaction.ID, entry.Account, entry.Operation, entry.Amount, entry.Version); err != nil {
01|            return fmt.Errorf("insert entry %s: %w", entry.ID, err)
01|        }
2|        tx.Exec(ctx, insertEntry, entry.ID, transaction.ID, entry.Account, entry.Operation, entry.Amount, entry.Version) //@ERR-01
    }
    return tx.Commit(ctx)
}
''')
cases_of(case, GH + 'amazing-ledger/amazing-ledger/pull/60', 'app/gateways/db/postgres/create_transaction.go',
         GV('postgres', {0: ['context', 'errors', 'fmt', '', 'github.com/jackc/pgx/v4',
                             'github.com/stone-co/the-amazing-ledger/app/domain/entities'],
                         1: ['context', 'fmt', '', 'github.com/stone-co/the-amazing-ledger/app/domain/entities'],
                         2: ['context', 'errors', 'fmt', '', 'github.com/jackc/pgx/v4',
                             'github.com/stone-co/the-amazing-ledger/app/domain/entities']})(LEDGER), [
             (1, 'go-00-amazing-ledger-entries-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the entries transaction, so a transaction refused for an '
              'invalid balance keeps its connection and row locks open', 'edit'),
             (2, 'go-00-amazing-ledger-entry-insert-error-dropped',
              'an edit drops the error of inserting an entry, so a failed insert still commits the rest and the '
              'books no longer balance', 'edit'),
             (0, 'go-ok-00-amazing-ledger-entries-transaction-rolled-back',
              'clean: the fix rolls the entries transaction back on every early return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / LOG-01: invoice sync of a billing platform (frontier)
FRONTIER = template('frontier-invoice-sync', r'''
// SyncWithProvider pulls the invoices of every active billing customer from the provider and stores changed ones.
func (s *Service) SyncWithProvider(ctx context.Context) error {
    customers, err := s.customerService.List(ctx, customer.Filter{State: customer.ActiveState})
    if err != nil {
        return fmt.Errorf("list billing customers: %w", err)
    }
    for _, cust := range customers {
        rows, err := s.db.QueryxContext(ctx, `SELECT provider_id, state FROM billing_invoices WHERE customer_id = $1`, cust.ID)
        if err != nil {
            return fmt.Errorf("load invoices of %s: %w", cust.ID, err)
        }
1|        defer rows.Close() //@RES-03
        known := make(map[string]string)
        for rows.Next() {
            var providerID, state string
            if err := rows.Scan(&providerID, &state); err != nil {
02|                rows.Close()
                return err
            }
            known[providerID] = state
        }
02|        rows.Close()
        if err := rows.Err(); err != nil {
            return err
        }

        invoices := s.stripeClient.Invoices.List(&stripe.InvoiceListParams{Customer: stripe.String(cust.ProviderID)})
        for invoices.Next() {
            inv := invoices.Invoice()
            if known[inv.ID] == string(inv.Status) {
                continue
            }
01|            s.log.Debug("storing provider invoice", "invoice_id", inv.ID, "customer_id", cust.ID, "state", inv.Status)
2|            s.log.Info("storing provider invoice", "invoice_id", inv.ID, "customer_id", cust.ID, "state", inv.Status) //@LOG-01
            if err := s.repository.Upsert(ctx, fromStripeInvoice(cust.ID, inv)); err != nil {
                return fmt.Errorf("store invoice %s: %w", inv.ID, err)
            }
        }
        if err := invoices.Err(); err != nil {
            return fmt.Errorf("list provider invoices of %s: %w", cust.ID, err)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'raystack/frontier/pull/747', 'billing/invoice/service.go',
         G('invoice', ['context', 'fmt', '', 'github.com/raystack/frontier/billing/customer',
                       'github.com/stripe/stripe-go/v75'])(FRONTIER), [
             (1, 'go-00-frontier-invoice-sync-defers-close-in-loop',
              'an edit defers the close of each customer\'s invoice rows inside the loop over all customers, so a '
              'sync holds one result set and connection per customer until it ends', 'edit'),
             (2, 'go-00-frontier-invoice-sync-logs-every-invoice-at-info',
              'an edit logs every changed invoice of every customer at info level, so each sync run floods the '
              'service log', 'edit'),
             (0, 'go-ok-00-frontier-invoice-sync-closes-rows-per-customer',
              'clean: the fix closes each customer\'s invoice rows as soon as they are read', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: REST client of an exchange SDK (bybit.go.api)
BYBIT = template('bybit-go-api-client', r'''
type Client struct {
    APIKey     string
    SecretKey  string
    BaseURL    string
    HTTPClient *http.Client
    Debug      bool
    Logger     *log.Logger
}

// NewBybitHttpClient builds a client for the v5 REST API.
func NewBybitHttpClient(apiKey, apiSecret string, options ...ClientOption) *Client {
    c := &Client{
        APIKey:     apiKey,
        SecretKey:  apiSecret,
        BaseURL:    MAINNET,
01|        HTTPClient: &http.Client{Timeout: 10 * time.Second},
2|        HTTPClient: &http.Client{}, //@TMO-01
        Logger:     log.New(os.Stderr, Name, log.LstdFlags),
    }
    for _, opt := range options {
        opt(c)
    }
    return c
}

func (c *Client) callAPI(ctx context.Context, r *request, opts ...RequestOption) ([]byte, error) {
    if err := c.parseRequest(r, opts...); err != nil {
        return nil, err
    }
    req, err := http.NewRequestWithContext(ctx, r.method, r.fullURL, r.body)
    if err != nil {
        return nil, err
    }
    req.Header = r.header
    c.debug("request: %#v", req)

02|    res, err := c.HTTPClient.Do(req)
1|    client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}, Timeout: 10 * time.Second}
1|    res, err := client.Do(req) //@RES-04
    if err != nil {
        return nil, err
    }
    defer res.Body.Close()
    data, err := io.ReadAll(res.Body)
    if err != nil {
        return nil, err
    }
    c.debug("response body: %s", string(data))
    if res.StatusCode >= http.StatusBadRequest {
        return nil, fmt.Errorf("bybit api: status %d: %s", res.StatusCode, string(data))
    }
    return data, nil
}
''')
cases_of(case, GH + 'VictorFrWu/bybit.go.api/pull/24', 'client.go',
         G('bybit_connector', ['context', 'fmt', 'io', 'log', 'net/http', 'os', 'time'])(BYBIT), [
             (1, 'go-00-bybit-go-api-transport-per-call',
              'an edit builds a client and transport for every API call, so each call opens a connection that '
              'is never reused and leaves its idle-connection goroutines behind', 'edit'),
             (2, 'go-00-bybit-go-api-shared-client-without-timeout',
              'an edit builds the SDK\'s shared HTTP client without a timeout, so an exchange endpoint that stops '
              'answering blocks the trading goroutine for good', 'edit'),
             (0, 'go-ok-00-bybit-go-api-shared-client',
              'clean: the fix sends every call through the SDK\'s one client, built with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / RES-01: SQLite store of a wallet daemon (walletd)
WALLETD = template('walletd-sqlite-store', r'''
type txn struct {
    *sql.Tx
    log *zap.Logger
}

func (s *Store) transaction(fn func(*txn) error) error {
    tx, err := s.db.Begin()
    if err != nil {
        return fmt.Errorf("failed to begin transaction: %w", err)
    }
    defer func() {
        if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
            s.log.Error("failed to rollback transaction", zap.Error(err))
        }
    }()
    if err := fn(&txn{tx, s.log}); err != nil {
        return err
    }
02|    if err := tx.Commit(); err != nil {
02|        return fmt.Errorf("failed to commit transaction: %w", err)
02|    }
02|    return nil
1|    tx.Commit() //@TX-02
1|    return nil
}

// WalletEvents returns the most recent events of a wallet, newest first.
func (s *Store) WalletEvents(walletID wallet.ID, offset, limit int) (events []wallet.Event, err error) {
    err = s.transaction(func(tx *txn) error {
        rows, err := tx.Query(`SELECT event_id, chain_index, maturity_height, event_type, event_data FROM events
WHERE wallet_id=$1 ORDER BY maturity_height DESC, id DESC LIMIT $2 OFFSET $3`, walletID, limit, offset)
        if err != nil { //@{2}RES-01
            return fmt.Errorf("failed to query events: %w", err)
        }
01|        defer rows.Close()

        for rows.Next() {
            event, err := scanEvent(rows)
            if err != nil {
                return fmt.Errorf("failed to scan event: %w", err)
            }
            events = append(events, event)
        }
        return rows.Err()
    })
    return
}
''')
cases_of(case, GH + 'SiaFoundation/walletd/pull/304', 'persist/sqlite/store.go',
         G('sqlite', ['database/sql', 'errors', 'fmt', '', 'go.sia.tech/walletd/wallet', 'go.uber.org/zap'])(WALLETD), [
             (1, 'go-00-walletd-commit-error-unchecked',
              'an edit stops checking the commit of the store\'s transaction helper, so a commit SQLite refuses '
              'as busy reports success and the wallet update is silently lost', 'edit'),
             (2, 'go-00-walletd-event-rows-never-closed',
              'an edit drops the deferred close of the wallet-events rows, so a scan error leaves the result set '
              'open and the transaction helper\'s rollback fails on a busy connection', 'edit'),
             (0, 'go-ok-00-walletd-commit-error-checked',
              'clean: the fix reports a failed commit', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-01: invoice checker of a lightning messaging service (Satogram), new file
SATOGRAM = template('satogram-invoice-state-check', r'''
// StartInvoiceStatusChecker runs the invoice checker in the background until stopCh closes.
func (s *SatogramService) StartInvoiceStatusChecker(sleepTime int64, stopCh <-chan struct{}, wg *sync.WaitGroup) {
    wg.Add(1)
    go func() { //@{2}CONC-01
        defer wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                s.logger.WithField("panic", r).Error("invoice checker stopped by a panic")
01|            }
01|        }()
        s.RunInvoiceStatusChecker(sleepTime, stopCh)
    }()
}

// RunInvoiceStatusChecker settles the satograms whose invoices were paid, every sleepTime seconds.
func (s *SatogramService) RunInvoiceStatusChecker(sleepTime int64, stopCh <-chan struct{}) {
    ticker := time.NewTicker(time.Duration(sleepTime) * time.Second)
    defer ticker.Stop()
    for {
        select {
        case <-stopCh:
            s.logger.Info("invoice checker is shutting down")
            return
        case <-ticker.C:
02|            s.logger.Debug("checking pending satogram invoices")
1|            s.logger.Info("checking pending satogram invoices") //@LOG-01
            s.updateInvoiceStatus()
        }
    }
}

func (s *SatogramService) updateInvoiceStatus() {
    pending, err := s.store.PendingSatograms()
    if err != nil {
        s.logger.WithError(err).Error("error loading pending satograms")
        return
    }
    for _, satogram := range pending {
        status, err := s.lnd.CheckPaymentStatus(satogram.PaymentRequest)
        if err != nil {
            s.logger.WithError(err).WithField("payment_request", satogram.PaymentRequest).Error("error checking payment status")
            continue
        }
        if status != lnrpc.Invoice_SETTLED {
            continue
        }
        if err := s.store.MarkPaid(satogram.ID); err != nil {
            s.logger.WithError(err).WithField("satogram_id", satogram.ID).Error("error marking satogram paid")
        }
    }
}
''')
cases_of(case, GH + 'Satograms/Satogram/pull/9', 'pkg/satogram/invoice_state_check.go',
         G('satogram', ['sync', 'time', '', 'github.com/lightningnetwork/lnd/lnrpc'])(SATOGRAM), [
             (1, 'go-00-satogram-new-invoice-checker-logs-every-tick',
              'a new invoice checker logs each tick at info level, so an idle service writes a line every few '
              'seconds for ever', 'new'),
             (2, 'go-00-satogram-new-invoice-checker-goroutine-without-recover',
              'a new invoice checker runs in a goroutine without a recover, so one malformed invoice reply from '
              'the node panics the whole service', 'new'),
             (0, 'go-ok-00-satogram-new-invoice-checker',
              'clean: a new invoice checker that logs its ticks at debug level and recovers its goroutine', 'new'),
         ])
