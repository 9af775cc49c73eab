"""Round-90 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / RES-04: Apple Pay merchant session (applepay)
APPLEPAY = template('applepay-merchant-session', r'''
// Merchant is the identity a shop presents to Apple when the payment sheet asks it to validate itself.
type Merchant struct {
    identifier  string
    displayName string
    domainName  string
    cert        tls.Certificate
01|    client      *http.Client
}

type sessionRequest struct {
    MerchantIdentifier string `json:"merchantIdentifier"`
    DisplayName        string `json:"displayName"`
    Initiative         string `json:"initiative"`
    InitiativeContext  string `json:"initiativeContext"`
}

// New returns a merchant that validates payment sessions with the given identity certificate.
func New(identifier, displayName, domainName string, cert tls.Certificate) *Merchant {
    m := &Merchant{
        identifier:  identifier,
        displayName: displayName,
        domainName:  domainName,
        cert:        cert,
    }
01|    m.client = m.newClient()
    return m
}

// newClient presents the merchant identity certificate on every connection it opens to Apple.
func (m *Merchant) newClient() *http.Client {
    return &http.Client{
        Timeout: sessionTimeout,
        Transport: &http.Transport{
            TLSClientConfig: &tls.Config{
                Certificates: []tls.Certificate{m.cert},
                MinVersion:   tls.VersionTLS12,
            },
        },
    }
}

// Session asks Apple for an opaque merchant session for the validation URL the payment sheet handed to the page;
// the page passes the answer on to the sheet unchanged.
func (m *Merchant) Session(ctx context.Context, validationURL string) (json.RawMessage, error) {
    if err := checkValidationURL(validationURL); err != nil {
        return nil, err
    }
    body, err := json.Marshal(sessionRequest{
        MerchantIdentifier: m.identifier,
        DisplayName:        m.displayName,
        Initiative:         "web",
        InitiativeContext:  m.domainName,
    })
    if err != nil {
        return nil, fmt.Errorf("applepay: encode session request: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, validationURL, bytes.NewReader(body))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")

01|    resp, err := m.client.Do(req)
2|    resp, err := m.newClient().Do(req) //@RES-04
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("applepay: request merchant session: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("applepay: merchant session: unexpected status %s", resp.Status)
    }
    session, err := io.ReadAll(io.LimitReader(resp.Body, maxSessionSize))
    if err != nil {
        return nil, fmt.Errorf("applepay: read merchant session: %w", err)
    }
    return session, nil
}

// checkValidationURL refuses every host that is not Apple's, so the shop's certificate is never shown elsewhere.
func checkValidationURL(raw string) error {
    u, err := url.Parse(raw)
    if err != nil {
        return fmt.Errorf("applepay: validation url: %w", err)
    }
    if u.Scheme != "https" || !strings.HasSuffix(u.Hostname(), ".apple.com") {
        return fmt.Errorf("applepay: validation url %q is not an Apple host", raw)
    }
    return nil
}
''')
cases_of(case, GH + 'processout/applepay/pull/1', 'merchant.go',
         G('applepay', ['bytes', 'context', 'crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url',
                        'strings'])(APPLEPAY), [
             (1, 'go-00-applepay-merchant-session-body-never-closed',
              'an edit reads the merchant session without ever closing the response, so every checkout that opens '
              'the Apple Pay sheet keeps one connection to Apple open until the process runs out of them', 'edit'),
             (2, 'go-00-applepay-merchant-session-client-per-call',
              'an edit builds the certificate-bearing client for each session request, so every checkout pays for '
              'a new TLS handshake with Apple and leaves an idle transport behind', 'edit'),
             (0, 'go-ok-00-applepay-merchant-session-body-closed',
              'clean: the fix closes the merchant session response on every path', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: gateway client of a Braintree SDK (braintree-go)
BRAINTREE = template('braintree-go-client', r'''
02|// defaultTimeout is what Braintree's own SDKs wait for the gateway before giving up.
02|const defaultTimeout = 60 * time.Second
02|
// defaultClient serves every Braintree value that was not given its own client.
02|var defaultClient = &http.Client{Timeout: defaultTimeout}
1|var defaultClient = &http.Client{} //@TMO-01

// Braintree talks to one merchant account of the gateway.
type Braintree struct {
    Environment Environment
    MerchantId  string
    PublicKey   string
    PrivateKey  string
    HttpClient  *http.Client
}

// New returns a client for the merchant account with the package's default HTTP client.
func New(env Environment, merchId, pubKey, privKey string) *Braintree {
    return NewWithHttpClient(env, merchId, pubKey, privKey, defaultClient)
}

// NewWithHttpClient returns a client that sends its requests through client.
func NewWithHttpClient(env Environment, merchId, pubKey, privKey string, client *http.Client) *Braintree {
    return &Braintree{Environment: env, MerchantId: merchId, PublicKey: pubKey, PrivateKey: privKey, HttpClient: client}
}

func (g *Braintree) execute(ctx context.Context, method, path string, xmlObj interface{}) (*Response, error) {
    var buf bytes.Buffer
    if xmlObj != nil {
        if err := xml.NewEncoder(&buf).Encode(xmlObj); err != nil {
            return nil, err
        }
    }

    url := g.Environment.BaseURL() + "/merchants/" + g.MerchantId + "/" + path
01|    req, err := http.NewRequestWithContext(ctx, method, url, &buf)
2|    req, err := http.NewRequest(method, url, &buf) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/xml")
    req.Header.Set("Accept", "application/xml")
    req.Header.Set("Accept-Encoding", "gzip")
    req.Header.Set("User-Agent", fmt.Sprintf("Braintree Go %s", LibraryVersion))
    req.Header.Set("X-ApiVersion", apiVersion)
    req.SetBasicAuth(g.PublicKey, g.PrivateKey)

    resp, err := g.HttpClient.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()

    btr := &Response{Response: resp}
    if err := btr.unpackBody(); err != nil {
        return nil, err
    }
    if err := httpStatusError(resp.StatusCode); err != nil {
        return nil, btr.apiError(err)
    }
    return btr, nil
}
''')
cases_of(case, GH + 'braintree-go/braintree-go/pull/134', 'braintree.go',
         GV('braintree', {0: ['bytes', 'context', 'encoding/xml', 'fmt', 'net/http', 'time'],
                          1: ['bytes', 'context', 'encoding/xml', 'fmt', 'net/http'],
                          2: ['bytes', 'context', 'encoding/xml', 'fmt', 'net/http', 'time']})(BRAINTREE), [
             (1, 'go-00-braintree-go-default-client-without-timeout',
              'an edit gives the package\'s default client no timeout, so a gateway that accepts the connection and '
              'never answers blocks the caller\'s checkout for good', 'edit'),
             (2, 'go-00-braintree-go-request-drops-caller-context',
              'an edit builds the gateway request without the caller\'s context, so a cancelled checkout or a '
              'deadline set by the caller no longer stops the call to Braintree', 'edit'),
             (0, 'go-ok-00-braintree-go-default-client-with-timeout',
              'clean: the fix gives the default client its sixty-second timeout back', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: balance precision cache of a ledger (blnk), new file
BLNK = template('blnk-precision-cache', r'''
// precisionCache remembers the precision of each currency the ledger has seen, so recording a transaction does not
// read a balance row once more only to learn how many minor units its currency has. It holds at most max entries
// and starts over when full; a reload every interval picks up a precision an operator corrected.
type precisionCache struct {
    mu      sync.RWMutex
    entries map[string]float64
    max     int
    load    func(ctx context.Context, currency string) (float64, error)
}

func newPrecisionCache(max int, load func(ctx context.Context, currency string) (float64, error)) *precisionCache {
    return &precisionCache{entries: make(map[string]float64), max: max, load: load}
}

// get returns the precision of currency, loading it on a miss.
func (c *precisionCache) get(ctx context.Context, currency string) (float64, error) {
    c.mu.RLock()
    p, ok := c.entries[currency]
    c.mu.RUnlock()
    if ok {
        return p, nil
    }

    p, err := c.load(ctx, currency)
    if err != nil {
        return 0, fmt.Errorf("load precision of %s: %w", currency, err)
    }
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    if len(c.entries) >= c.max {
        c.entries = make(map[string]float64, c.max)
    }
    c.entries[currency] = p //@{1}CONC-03
    return p, nil
}

// startRefresh reloads every cached precision each interval until ctx is done.
func (c *precisionCache) startRefresh(ctx context.Context, interval time.Duration) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                logrus.Errorf("precision cache refresh stopped: %v", r)
01|            }
01|        }()
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
                c.refresh(ctx)
            }
        }
    }()
}

func (c *precisionCache) refresh(ctx context.Context) {
    c.mu.RLock()
    currencies := make([]string, 0, len(c.entries))
    for currency := range c.entries {
        currencies = append(currencies, currency)
    }
    c.mu.RUnlock()

    for _, currency := range currencies {
        p, err := c.load(ctx, currency)
        if err != nil {
            logrus.Warnf("refresh precision of %s: %v", currency, err)
            continue
        }
        c.mu.Lock()
        c.entries[currency] = p
        c.mu.Unlock()
    }
}
''')
cases_of(case, GH + 'blnkfinance/blnk/pull/315', 'precision_cache.go',
         G('blnk', ['context', 'fmt', 'sync', 'time', '', 'github.com/sirupsen/logrus'])(BLNK), [
             (1, 'go-00-blnk-new-precision-cache-writes-without-lock',
              'a new precision cache stores a loaded precision without its lock, so two transactions recorded at '
              'once in a new currency write the map together and the ledger process dies on a concurrent map write',
              'new'),
             (2, 'go-00-blnk-new-precision-cache-refresh-without-recover',
              'a new precision cache reloads its entries from a goroutine without a recover, so a loader that '
              'panics on one odd balance row takes the whole ledger down', 'new'),
             (0, 'go-ok-00-blnk-new-precision-cache',
              'clean: a new precision cache that locks every write and recovers in its refresh goroutine', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: command-line reader of a Nacha ACH library (ach)
ACHCLI = template('ach-cli-read-files', r'''
// readACHFiles parses every file named on the command line. A file that does not parse stops the run with the
// reader's own error, which names the line and the record at fault; with a large file that is the only way to find
// the entry that broke it.
func readACHFiles(paths []string, opts *ach.ValidateOpts) ([]*ach.File, error) {
    files := make([]*ach.File, 0, len(paths))
    for _, path := range paths {
        fd, err := os.Open(path)
        if err != nil {
            return nil, fmt.Errorf("opening %s: %w", path, err)
        }
2|        defer fd.Close() //@RES-03

        r := ach.NewReader(fd)
        if opts != nil {
            r.SetValidation(opts)
        }
        file, err := r.Read()
01|        fd.Close()
        if err != nil {
02|            return nil, fmt.Errorf("unable to read %s:\n %w", path, err)
1|            return nil, fmt.Errorf("unable to read %s", path) //@ERR-01
        }
        if *flagVerbose {
            fmt.Printf("read %s: %d batches\n", path, len(file.Batches))
        }
        files = append(files, &file)
    }
    return files, nil
}

// reformat writes every file to stdout in the format asked for.
func reformat(format string, files []*ach.File) error {
    for _, file := range files {
        switch format {
        case "json":
            if err := json.NewEncoder(os.Stdout).Encode(file); err != nil {
                return err
            }
        case "ach":
            if err := ach.NewWriter(os.Stdout).Write(file); err != nil {
                return err
            }
        default:
            return fmt.Errorf("unknown format %q", format)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'moov-io/ach/issues/922', 'cmd/achcli/reformat.go',
         G('main', ['encoding/json', 'fmt', 'os', '', 'github.com/moov-io/ach'])(ACHCLI), [
             (1, 'go-00-ach-cli-read-error-dropped-from-message',
              'an edit reports a file that does not parse without the reader\'s error, so the operator of a large '
              'payroll file learns only that it is invalid and not which line or record broke it', 'edit'),
             (2, 'go-00-ach-cli-defer-close-in-loop',
              'an edit defers each file\'s close inside the loop over the command line, so reformatting a month of '
              'return files keeps every one of them open until the last is read', 'edit'),
             (0, 'go-ok-00-ach-cli-read-error-reported',
              'clean: the fix reports the reader\'s error with the file name', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: HTTP helpers of a trading API client (solana-trader-client-go)
TRADER = template('solana-trader-http', r'''
// HTTPGetWithClient gets url and decodes the JSON answer into val. The request ends with ctx, so a caller's deadline
// bounds the wait for the Trader API and the read of its answer.
func HTTPGetWithClient(ctx context.Context, url string, client *http.Client, val proto.Message, authHeader string) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", authHeader)
    return do(client, req, val)
}

// HTTPPostWithClient posts body as JSON to url and decodes the answer into val, with the same deadline as above.
func HTTPPostWithClient(ctx context.Context, url string, client *http.Client, body interface{}, val proto.Message, authHeader string) error {
01|    b, err := json.Marshal(body)
01|    if err != nil {
01|        return err
01|    }
2|    b, _ := json.Marshal(body) //@ERR-01

02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewBuffer(b))
1|    req, err := http.NewRequest(http.MethodPost, url, bytes.NewBuffer(b)) //@TMO-02
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", authHeader)
    req.Header.Set("Content-Type", "application/json")
    return do(client, req, val)
}

func do(client *http.Client, req *http.Request, val proto.Message) error {
    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()

    b, err := io.ReadAll(resp.Body)
    if err != nil {
        return err
    }
    if resp.StatusCode != http.StatusOK {
        return httpError(resp.StatusCode, b)
    }
    return protojson.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(b, val)
}
''')
cases_of(case, GH + 'bloXroute-Labs/solana-trader-client-go/pull/81', 'connections/http.go',
         G('connections', ['bytes', 'context', 'encoding/json', 'io', 'net/http', '',
                           'google.golang.org/protobuf/encoding/protojson', 'google.golang.org/protobuf/proto'])(TRADER), [
             (1, 'go-00-solana-trader-post-without-caller-context',
              'an edit builds the POST to the Trader API without the caller\'s context, so an order submission '
              'whose deadline passed keeps waiting on a slow endpoint', 'edit'),
             (2, 'go-00-solana-trader-post-marshal-error-dropped',
              'an edit drops the error of encoding the request body, so an order that cannot be encoded goes out '
              'as an empty POST and comes back as a confusing API error', 'edit'),
             (0, 'go-ok-00-solana-trader-post-with-caller-context',
              'clean: the fix sends the POST with the caller\'s context again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-03: exchange rate fetcher of a paid messaging client (bisonrelay)
RATES = template('bisonrelay-rates', r'''
// Rates keeps the current USD price of DCR and BTC, polled from an exchange's public ticker.
type Rates struct {
    client         *http.Client
    requestTimeout time.Duration
    log            slog.Logger

    mtx    sync.Mutex
    dcrUSD float64
    btcUSD float64
}

type ticker struct {
    Symbol string  `json:"symbol"`
    Last   float64 `json:"lastTradeRate,string"`
}

// fetchJSON gets url and decodes its JSON answer into v. Anything but 200 is an error: a rate-limit page from the
// exchange must never be read as a price.
func (r *Rates) fetchJSON(ctx context.Context, url string, v interface{}) error {
01|    ctx, cancel := context.WithTimeout(ctx, r.requestTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, r.requestTimeout) //@TMO-03
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return err
    }
    resp, err := r.client.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("rates: %s answered %s", url, resp.Status)
    }
02|    return json.NewDecoder(resp.Body).Decode(v)
1|    err = json.NewDecoder(resp.Body).Decode(v)
1|    resp.Body.Close()
1|    return err
}

// refresh fetches both tickers and stores the prices; a failed fetch keeps the previous price.
func (r *Rates) refresh(ctx context.Context) {
    var dcr, btc ticker
    if err := r.fetchJSON(ctx, tickerURL("DCR-USD"), &dcr); err != nil {
        r.log.Warnf("Unable to fetch DCR rate: %v", err)
        return
    }
    if err := r.fetchJSON(ctx, tickerURL("BTC-USD"), &btc); err != nil {
        r.log.Warnf("Unable to fetch BTC rate: %v", err)
        return
    }
    r.mtx.Lock()
    r.dcrUSD, r.btcUSD = dcr.Last, btc.Last
    r.mtx.Unlock()
}
''')
cases_of(case, GH + 'companyzero/bisonrelay/pull/398', 'rates/rates.go',
         G('rates', ['context', 'encoding/json', 'fmt', 'net/http', 'sync', 'time', '',
                     'github.com/decred/slog'])(RATES), [
             (1, 'go-00-bisonrelay-rates-body-left-open-on-error-status',
              'an edit closes the ticker response only after a successful status, so every rate-limited poll of the '
              'exchange leaves its connection open', 'edit'),
             (2, 'go-00-bisonrelay-rates-timeout-cancel-discarded',
              'an edit discards the cancel of the per-request timeout, so each poll\'s timer and context live on '
              'until the timeout fires instead of ending with the request', 'edit'),
             (0, 'go-ok-00-bisonrelay-rates-body-closed',
              'clean: the fix closes the ticker response as soon as the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: transaction pool store of a rollup (hermez-node)
HERMEZ = template('hermez-l2db', r'''
// GetPendingTxs returns the pool transactions still waiting to be forged, oldest first.
func (l2db *L2DB) GetPendingTxs() ([]PoolL2TxRead, error) {
    ctx, cancel := context.WithTimeout(context.Background(), l2db.queryTimeout)
    defer cancel()
    rows, err := l2db.dbRead.QueryxContext(ctx, selectPoolTxRead+
        "WHERE state = $1 ORDER BY tx_pool.item_id ASC;", common.PoolL2TxStatePending)
    if err != nil { //@{1}RES-01
        return nil, tracerr.Wrap(err)
    }
02|    defer db.RowsClose(rows)

    var txs []PoolL2TxRead
    for rows.Next() {
        var tx PoolL2TxRead
        if err := rows.StructScan(&tx); err != nil {
            return nil, tracerr.Wrap(err)
        }
        txs = append(txs, tx)
    }
    return txs, tracerr.Wrap(rows.Err())
}

// InvalidateTxs marks the given pool transactions invalid for the batch in one database transaction, so a batch is
// never left half discarded.
func (l2db *L2DB) InvalidateTxs(txIDs []common.TxID, batchNum common.BatchNum) error {
    if len(txIDs) == 0 {
        return nil
    }
    query, args, err := sqlx.In(invalidateTxsQuery, common.PoolL2TxStateInvalid, batchNum, txIDs)
    if err != nil {
        return tracerr.Wrap(err)
    }
    txn, err := l2db.dbWrite.Beginx()
    if err != nil {
        return tracerr.Wrap(err)
    }
    defer db.Rollback(txn)
    if _, err := txn.Exec(l2db.dbWrite.Rebind(query), args...); err != nil {
        return tracerr.Wrap(err)
    }
    if _, err := txn.Exec(decrementPendingQuery, len(txIDs)); err != nil {
        return tracerr.Wrap(err)
    }
01|    return tracerr.Wrap(txn.Commit())
2|    txn.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'hermeznetwork/hermez-node/issues/344', 'db/l2db/l2db.go',
         G('l2db', ['context', '', 'github.com/hermeznetwork/hermez-node/common', 'github.com/hermeznetwork/hermez-node/db',
                    'github.com/hermeznetwork/tracerr', 'github.com/jmoiron/sqlx'])(HERMEZ), [
             (1, 'go-00-hermez-l2db-pending-rows-never-closed',
              'an edit reads the pending pool transactions without closing the rows, so a scan error mid-way keeps '
              'the coordinator\'s connection busy and the pool runs dry under load', 'edit'),
             (2, 'go-00-hermez-l2db-invalidate-commit-unchecked',
              'an edit ignores the commit error when invalidating pool transactions, so a failed commit reports the '
              'batch as discarded while the transactions stay pending', 'edit'),
             (0, 'go-ok-00-hermez-l2db-pending-rows-closed',
              'clean: the fix closes the rows of the pending-transactions query', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-02: HTTP client of a wallet's shared libraries (go-libs), renamed file
TRUSTWALLET = template('trustwallet-client', r'''
const defaultTimeout = 30 * time.Second

// Request is a JSON client for one base URL, shared by the wallet's price, token and transaction services.
type Request struct {
    BaseURL      string
    Headers      map[string]string
    HTTPClient   *http.Client
    MaxParallel  int
    ErrorHandler HTTPErrorHandler
}

// Option changes a Request while InitClient builds it.
type Option func(r *Request) error

// TimeoutOption bounds every request of the client, reading the answer included.
func TimeoutOption(timeout time.Duration) Option {
    return func(r *Request) error {
        r.HTTPClient.Timeout = timeout
        return nil
    }
}

// InitClient returns a client for baseURL with the options applied.
func InitClient(baseURL string, errorHandler HTTPErrorHandler, options ...Option) Request {
    client := Request{
        BaseURL:      baseURL,
        Headers:      make(map[string]string),
02|        HTTPClient:   &http.Client{Timeout: defaultTimeout},
1|        HTTPClient:   &http.Client{}, //@TMO-01
        MaxParallel:  8,
        ErrorHandler: errorHandler,
    }
    for _, option := range options {
        if err := option(&client); err != nil {
            log.Fatal("Could not initialize http client", err)
        }
    }
    return client
}

// GetMany gets every path, at most MaxParallel at a time, and returns the bodies by path.
func (r *Request) GetMany(ctx context.Context, paths []string) (map[string][]byte, error) {
    var mu sync.Mutex
    results := make(map[string][]byte, len(paths))
    g, ctx := errgroup.WithContext(ctx)
01|    g.SetLimit(r.MaxParallel)
    for _, path := range paths {
        path := path
        g.Go(func() error { //@{2}CONC-02
            body, err := r.getBytes(ctx, path)
            if err != nil {
                return err
            }
            mu.Lock()
            results[path] = body
            mu.Unlock()
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    return results, nil
}
''')
cases_of(case, GH + 'trustwallet/go-libs/pull/154', 'client/http_client.go',
         G('client', ['context', 'log', 'net/http', 'sync', 'time', '', 'golang.org/x/sync/errgroup'])(TRUSTWALLET), [
             (1, 'go-00-trustwallet-renamed-client-without-timeout',
              'a PR renames the client file and builds the client without its default timeout, so a price service '
              'that stops answering hangs every caller that set no timeout option', 'rename'),
             (2, 'go-00-trustwallet-renamed-client-get-many-unbounded',
              'a PR renames the client file and drops the limit on parallel gets, so a wallet with thousands of '
              'tokens fires thousands of requests at once at the token service', 'rename'),
             (0, 'go-ok-00-trustwallet-renamed-client',
              'clean: the rename alone; a default timeout and a bounded fan-out', 'rename'),
         ], rename_from='client/client.go')


# ---------------------------------------------------------------- LOG-01 / ERR-01: limit-order pool of a DEX aggregator (kyberswap-dex-lib)
KYBER = template('kyberswap-limit-order', r'''
// calcAmountOut fills the orders of the pool that sell tokenOut for tokenIn, best rate first, until amountIn is used
// up. It runs for every route the aggregator tries, thousands of times per quote.
func (p *PoolSimulator) calcAmountOut(tokenIn, tokenOut string, amountIn *big.Int) (*big.Int, []*fillInfo, error) {
    orders := p.getOrdersBySwapSide(tokenIn, tokenOut)
    remaining := new(big.Int).Set(amountIn)
    amountOut := new(big.Int)
    fills := make([]*fillInfo, 0, len(orders))
    for _, order := range orders {
        if remaining.Sign() <= 0 {
            break
        }
01|        fill, err := order.fill(remaining)
01|        if err != nil {
01|            return nil, nil, fmt.Errorf("limit order %d: %w", order.ID, err)
01|        }
2|        fill, _ := order.fill(remaining) //@ERR-01
1|        logger.WithFields(logger.Fields{ //@LOG-01
1|            "orderID": order.ID, "taking": fill.takingAmount.String(), "making": fill.makingAmount.String(),
1|        }).Info("limit order filled")
        remaining.Sub(remaining, fill.takingAmount)
        amountOut.Add(amountOut, fill.makingAmount)
        fills = append(fills, fill)
    }
    if remaining.Sign() > 0 {
        return nil, nil, ErrCannotFulfillAmountIn
    }
    return amountOut, fills, nil
}
''')
cases_of(case, GH + 'KyberNetwork/kyberswap-dex-lib/pull/64', 'pkg/source/limitorder/pool_simulator.go',
         GV('limitorder', {0: ['fmt', 'math/big'], 1: ['fmt', 'math/big', '', 'github.com/KyberNetwork/logger'],
                           2: ['math/big']})(KYBER), [
             (1, 'go-00-kyberswap-limit-order-logs-every-fill',
              'an edit logs every filled limit order at info level inside the route simulation, so each quote '
              'writes thousands of lines while the aggregator searches routes', 'edit'),
             (2, 'go-00-kyberswap-limit-order-fill-error-dropped',
              'an edit drops the error of filling an order, so an order that cannot be filled is counted with a '
              'nil fill and the simulation panics or quotes an amount the pool cannot give', 'edit'),
             (0, 'go-ok-00-kyberswap-limit-order-fill-error-returned',
              'clean: the fix returns the fill error and logs nothing per order', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: order book feed of a crypto trading bot (golang-crypto-trading-bot)
HITBTC = template('hitbtc-feed', r'''
// FeedConnect subscribes to the order books of the markets and keeps the wrapper's copy of each one current, so the
// strategies read books from memory instead of asking the exchange on every tick.
func (wrapper *HitBtcWrapperV2) FeedConnect(markets []*environment.Market) error {
    for _, market := range markets {
        if err := wrapper.ws.SubscribeOrderbook(MarketNameFor(market, wrapper)); err != nil {
            return err
        }
    }

    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                logrus.Errorf("hitbtc order book feed stopped: %v", r)
02|            }
02|        }()
        for update := range wrapper.ws.OrderbookUpdates() {
            book := convertOrderbook(update)
01|            wrapper.orderbookMutex.Lock()
            wrapper.orderbook[update.Symbol] = book //@{2}CONC-03
01|            wrapper.orderbookMutex.Unlock()
        }
    }()
    return nil
}

// GetOrderBook returns the last book the feed stored for the market.
func (wrapper *HitBtcWrapperV2) GetOrderBook(market *environment.Market) (*environment.OrderBook, error) {
    wrapper.orderbookMutex.RLock()
    defer wrapper.orderbookMutex.RUnlock()
    book, ok := wrapper.orderbook[MarketNameFor(market, wrapper)]
    if !ok {
        return nil, errors.New("order book not loaded yet")
    }
    return book, nil
}
''')
cases_of(case, GH + 'saniales/golang-crypto-trading-bot/pull/53', 'exchanges/hitbtc.go',
         GV('exchanges', {v: ['errors', '', 'github.com/saniales/golang-crypto-trading-bot/environment']
                          + (['github.com/sirupsen/logrus'] if v != 1 else []) for v in (0, 1, 2)})(HITBTC), [
             (1, 'go-00-hitbtc-feed-goroutine-without-recover',
              'an edit drops the recover of the order book feed goroutine, so one malformed update from the exchange '
              'panics the whole trading bot with open positions', 'edit'),
             (2, 'go-00-hitbtc-feed-book-written-without-lock',
              'an edit stores each book update without the lock the strategies read under, so a tick that reads a '
              'book while the feed writes one kills the bot on a concurrent map access', 'edit'),
             (0, 'go-ok-00-hitbtc-feed-goroutine-with-recover',
              'clean: the fix gives the feed goroutine its recover back', 'fix'),
         ])
