"""Round-58 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: API request helper of a payments CLI (stripe-cli)
STRIPECLI = template('stripe-cli-perform-request', r'''
// defaultTimeout bounds every call the CLI makes to the Stripe API.
const defaultTimeout = 30 * time.Second

// Client sends authenticated requests to the Stripe API on behalf of the CLI's commands.
type Client struct {
    BaseURL    *url.URL
    APIKey     string
    Verbose    bool
    httpClient *http.Client
}

// NewClient returns a client for the given API base and secret key.
func NewClient(base *url.URL, apiKey string, verbose bool) *Client {
    return &Client{
        BaseURL:    base,
        APIKey:     apiKey,
        Verbose:    verbose,
01|        httpClient: &http.Client{
01|            Timeout:   defaultTimeout,
01|            Transport: newTransport(),
01|        },
2|        httpClient: &http.Client{ //@TMO-01
2|            Transport: newTransport(),
2|        },
    }
}

func newTransport() *http.Transport {
    return &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        MaxIdleConnsPerHost: 4,
    }
}

// PerformRequest sends one request and decodes the JSON answer into out; a 4xx or 5xx answer becomes an *APIError.
func (c *Client) PerformRequest(ctx context.Context, method, path string, params url.Values, out interface{}) error {
    u, err := c.BaseURL.Parse(path)
    if err != nil {
        return err
    }
    var body io.Reader
    if method == http.MethodGet {
        u.RawQuery = params.Encode()
    } else {
        body = strings.NewReader(params.Encode())
    }
    req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
    if err != nil {
        return err
    }
    req.SetBasicAuth(c.APIKey, "")
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    req.Header.Set("User-Agent", useragent.GetEncodedUserAgent())

    resp, err := c.httpClient.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()

    if c.Verbose {
        fmt.Fprintf(os.Stderr, "%s %s -> %d (%s)\n", method, u.Path, resp.StatusCode, resp.Header.Get("Request-Id"))
    }
    if resp.StatusCode >= 400 {
        apiErr := &APIError{StatusCode: resp.StatusCode}
        if err := json.NewDecoder(resp.Body).Decode(apiErr); err != nil {
            return fmt.Errorf("stripe: %s %s: status %d", method, u.Path, resp.StatusCode)
        }
        return apiErr
    }
    if out == nil {
        return nil
    }
    return json.NewDecoder(resp.Body).Decode(out)
}
''')
cases_of(case, GH + 'stripe/stripe-cli/pull/69', 'pkg/stripe/client.go',
         G('stripe', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'os', 'strings', 'time', '',
                      'github.com/stripe/stripe-cli/pkg/useragent'])(STRIPECLI), [
             (1, 'go-00-stripe-cli-answer-body-never-closed',
              'an edit drops the close of the API answer\'s body, so every command that calls the API leaves its '
              'connection unusable for keep-alive and the body\'s buffers held', 'edit'),
             (2, 'go-00-stripe-cli-client-without-timeout',
              'an edit builds the CLI\'s HTTP client without its overall timeout, so a stalled API connection hangs '
              'the command for good', 'edit'),
             (0, 'go-ok-00-stripe-cli-answer-body-closed',
              'clean: the fix closes every answer\'s body once the request helper returns', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: payment acceptance of a payment-channel daemon (snet-daemon)
SNET = template('snet-daemon-payment-handler', r'''
// Payment checks an incoming payment against its channel and moves the channel's authorised amount forward in one
// serializable transaction, so two calls with the same nonce cannot both be accepted.
func (h *paymentChannelPaymentHandler) Payment(ctx context.Context, p *Payment) (*PaymentChannelData, error) {
    tx, err := h.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
    if err != nil { //@{1}TX-01
        return nil, fmt.Errorf("escrow: begin payment transaction: %w", err)
    }
02|    defer tx.Rollback() //nolint:errcheck // a no-op once Commit succeeded

    channel, err := h.loadChannelForUpdate(ctx, tx, p.ChannelID)
    if err != nil {
        return nil, err
    }
    if p.Nonce.Cmp(channel.Nonce) != 0 {
        return nil, status.Errorf(codes.FailedPrecondition, "escrow: nonce %s does not match channel nonce %s", p.Nonce, channel.Nonce)
    }
    income := new(big.Int).Sub(p.Amount, channel.AuthorizedAmount)
    if err := h.incomeValidator.Validate(&IncomeData{Income: income, GrpcContext: p.GrpcContext}); err != nil {
        return nil, status.Errorf(codes.Unauthenticated, "escrow: income %s rejected: %v", income, err)
    }
    if _, err := tx.ExecContext(ctx,
        `UPDATE payment_channels SET authorized_amount = $1, signature = $2, updated_at = now() WHERE channel_id = $3`,
        p.Amount.String(), p.Signature, p.ChannelID.String()); err != nil {
        return nil, fmt.Errorf("escrow: update channel %s: %w", p.ChannelID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return nil, fmt.Errorf("escrow: commit payment on channel %s: %w", p.ChannelID, err)
01|    }
2|    tx.Commit() //@TX-02
    channel.AuthorizedAmount = p.Amount
    channel.Signature = p.Signature
    return channel, nil
}

func (h *paymentChannelPaymentHandler) loadChannelForUpdate(ctx context.Context, tx *sql.Tx, id *big.Int) (*PaymentChannelData, error) {
    row := tx.QueryRowContext(ctx,
        `SELECT nonce, authorized_amount, full_amount FROM payment_channels WHERE channel_id = $1 FOR UPDATE`, id.String())
    var nonce, authorized, full string
    if err := row.Scan(&nonce, &authorized, &full); err != nil {
        if errors.Is(err, sql.ErrNoRows) {
            return nil, status.Errorf(codes.NotFound, "escrow: channel %s not found", id)
        }
        return nil, fmt.Errorf("escrow: load channel %s: %w", id, err)
    }
    channel := &PaymentChannelData{ChannelID: id}
    var ok bool
    if channel.Nonce, ok = new(big.Int).SetString(nonce, 10); !ok {
        return nil, fmt.Errorf("escrow: channel %s has a malformed nonce %q", id, nonce)
    }
    if channel.AuthorizedAmount, ok = new(big.Int).SetString(authorized, 10); !ok {
        return nil, fmt.Errorf("escrow: channel %s has a malformed authorized amount %q", id, authorized)
    }
    if channel.FullAmount, ok = new(big.Int).SetString(full, 10); !ok {
        return nil, fmt.Errorf("escrow: channel %s has a malformed full amount %q", id, full)
    }
    return channel, nil
}
''')
cases_of(case, GH + 'singnet/snet-daemon/pull/191', 'escrow/payment_handler.go',
         G('escrow', ['context', 'database/sql', 'errors', 'fmt', 'math/big', '',
                      'google.golang.org/grpc/codes', 'google.golang.org/grpc/status'])(SNET), [
             (1, 'go-00-snet-daemon-payment-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the payment transaction, so every rejected payment leaves a '
              'serializable transaction and its row lock open on the channel', 'edit'),
             (2, 'go-00-snet-daemon-payment-commit-unchecked',
              'an edit commits the payment without checking the result, so a failed commit still answers the client '
              'with an accepted payment', 'edit'),
             (0, 'go-ok-00-snet-daemon-payment-rolled-back',
              'clean: the fix rolls the payment transaction back on every path that does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: host cache of a Terraform provider's API client (terraform-provider-openapi)
TFOPENAPI = template('terraform-provider-openapi-client', r'''
// ProviderClient performs the provider's API calls; Terraform calls its methods from many goroutines at once.
type ProviderClient struct {
    openAPIBackendConfiguration SpecBackendConfiguration
    httpClient                  http_goclient.HttpClientIface
    providerConfiguration       providerConfiguration
    mu                          sync.Mutex
    resolvedHosts               map[string]string
}

// resolveHost returns the host that serves a resource, resolving it on first use and caching it by resource name.
func (o *ProviderClient) resolveHost(resource SpecResource) (string, error) {
    name := resource.GetResourceName()
    o.mu.Lock()
    cached, ok := o.resolvedHosts[name]
    o.mu.Unlock()
    if ok {
        return cached, nil
    }
    host, err := resource.getHost()
    if err != nil {
        return "", err
    }
    if host == "" {
        host, err = o.openAPIBackendConfiguration.getHost()
        if err != nil {
            return "", err
        }
    }
02|    o.mu.Lock()
    o.resolvedHosts[name] = host //@{1}CONC-03
02|    o.mu.Unlock()
    return host, nil
}

// Post creates a resource and decodes the API's answer into responsePayload.
func (o *ProviderClient) Post(resource SpecResource, requestPayload interface{}, responsePayload interface{}, parentIDs ...string) (*http.Response, error) {
    resourceURL, err := o.getResourceURL(resource, parentIDs)
    if err != nil {
        return nil, err
    }
    operation := resource.getResourceOperations().Post
    return o.performRequest(httpPost, resourceURL, operation, requestPayload, responsePayload)
}

func (o *ProviderClient) getResourceURL(resource SpecResource, parentIDs []string) (string, error) {
01|    host, err := o.resolveHost(resource)
01|    if err != nil {
01|        return "", err
01|    }
2|    host, _ := o.resolveHost(resource) //@ERR-01
    path, err := resource.getResourcePath(parentIDs)
    if err != nil {
        return "", fmt.Errorf("could not build the path of resource %s: %w", resource.GetResourceName(), err)
    }
    basePath := o.openAPIBackendConfiguration.getBasePath()
    if basePath != "" && basePath != "/" {
        path = strings.TrimSuffix(basePath, "/") + path
    }
    scheme := "https"
    if o.providerConfiguration.Insecure {
        scheme = "http"
    }
    return fmt.Sprintf("%s://%s%s", scheme, host, path), nil
}
''')
cases_of(case, GH + 'dikhan/terraform-provider-openapi/issues/88', 'openapi/provider_client.go',
         G('openapi', ['fmt', 'net/http', 'strings', 'sync', '',
                       'github.com/dikhan/http_goclient'])(TFOPENAPI), [
             (1, 'go-00-terraform-provider-openapi-host-cache-written-without-lock',
              'an edit drops the client\'s lock around the write of its host cache, so Terraform\'s parallel resource calls write '
              'the map at once and the provider dies with concurrent map writes', 'edit'),
             (2, 'go-00-terraform-provider-openapi-host-error-discarded',
              'an edit discards the error of resolving a resource\'s host, so a missing host turns into a request '
              'to an empty host name and a misleading failure', 'edit'),
             (0, 'go-ok-00-terraform-provider-openapi-host-cache-locked',
              'clean: the fix holds the client\'s lock while it fills the host cache', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-04: trade history of a crypto exchange API client (skycoin exchange-api)
SKYEX = template('skycoin-exchange-api-trades', r'''
const tradeTimeLayout = "2006-01-02 15:04:05"

// Client talks to the exchange's REST API; its HTTP connections are kept alive between calls.
type Client struct {
    Key, Secret string
    BaseURL     string
    Timeout     time.Duration
    httpClient  *http.Client
}

// NewClient returns a client with the given credentials.
func NewClient(key, secret string) *Client {
    timeout := 15 * time.Second
    return &Client{Key: key, Secret: secret, BaseURL: apiRoot, Timeout: timeout, httpClient: &http.Client{Timeout: timeout}}
}

// GetTradeHistory returns the market's latest trades, oldest first.
func (c *Client) GetTradeHistory(ctx context.Context, market string) ([]Trade, error) {
    var raw []struct {
        ID        int64  `json:"id"`
        Price     string `json:"price"`
        Amount    string `json:"amount"`
        Side      string `json:"side"`
        CreatedAt string `json:"createdAt"`
    }
    if err := c.get(ctx, "/trades", url.Values{"symbol": {market}}, &raw); err != nil {
        return nil, err
    }
    trades := make([]Trade, 0, len(raw))
    for _, r := range raw {
        ts, err := parseTradeTime(r.CreatedAt)
        if err != nil {
            return nil, fmt.Errorf("c2cx: trade %d: %w", r.ID, err)
        }
        trades = append(trades, Trade{ID: r.ID, Price: r.Price, Amount: r.Amount, Side: r.Side, Time: ts})
    }
    sort.Slice(trades, func(i, j int) bool { return trades[i].Time.Before(trades[j].Time) })
    return trades, nil
}

// parseTradeTime reads the exchange's timestamps, which carry no zone and are given in UTC.
func parseTradeTime(s string) (time.Time, error) {
02|    return time.ParseInLocation(tradeTimeLayout, s, time.UTC)
1|    return time.ParseInLocation(tradeTimeLayout, s, time.Local) //@TIME-01
}

func (c *Client) get(ctx context.Context, endpoint string, params url.Values, out interface{}) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+endpoint+"?"+params.Encode(), nil)
    if err != nil {
        return err
    }
    req.Header.Set("Accept", "application/json")
01|    resp, err := c.httpClient.Do(req)
2|    client := &http.Client{Timeout: c.Timeout} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return fmt.Errorf("c2cx: GET %s: %w", endpoint, err)
    }
    defer resp.Body.Close()
    var envelope struct {
        Code    int             `json:"code"`
        Message string          `json:"message"`
        Data    json.RawMessage `json:"data"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil {
        return fmt.Errorf("c2cx: GET %s: decode: %w", endpoint, err)
    }
    if envelope.Code != 200 {
        return fmt.Errorf("c2cx: GET %s: code %d: %s", endpoint, envelope.Code, envelope.Message)
    }
    return json.Unmarshal(envelope.Data, out)
}
''')
cases_of(case, GH + 'skycoin/exchange-api/pull/75', 'exchange/c2cx/client.go',
         G('c2cx', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'sort', 'time'])(SKYEX), [
             (1, 'go-00-skycoin-exchange-api-trade-times-in-machine-zone',
              'an edit reads the exchange\'s zoneless trade timestamps in the machine\'s zone, so on any host not '
              'set to UTC every trade is shifted by the host\'s offset', 'edit'),
             (2, 'go-00-skycoin-exchange-api-http-client-per-call',
              'an edit builds a new HTTP client for every API call, so no connection is ever reused and every call '
              'pays a new TCP and TLS handshake', 'edit'),
             (0, 'go-ok-00-skycoin-exchange-api-trade-times-in-utc',
              'clean: the fix reads the trade timestamps in UTC, as the exchange gives them', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: file loop of a Thrift IDL linter (thriftcheck), renamed file
THRIFTCHECK = template('thriftcheck-lint-files', r'''
// Linter runs a set of checks over Thrift IDL files.
type Linter struct {
    checks   Checks
    includes []string
    logger   *log.Logger
}

// NewLinter returns a linter running checks, resolving includes against the given directories.
func NewLinter(checks Checks, includes []string, logger *log.Logger) *Linter {
    if logger == nil {
        logger = log.New(io.Discard, "", 0)
    }
    return &Linter{checks: checks, includes: includes, logger: logger}
}

// LintFiles lints every named file and returns the messages of all of them, stopping at the first file it cannot
// read or parse.
func (l *Linter) LintFiles(filenames []string) (Messages, error) {
    var msgs Messages
    for _, filename := range filenames {
        l.logger.Printf("linting %s", filename)
        f, err := os.Open(filename)
        if err != nil {
            return msgs, fmt.Errorf("%s: %w", filename, err) //@{1}RES-01
        }
2|        defer f.Close() //@RES-03
        fileMsgs, err := l.lintReader(filename, f)
0|        f.Close()
        if err != nil {
            return msgs, err
        }
        msgs = append(msgs, fileMsgs...)
    }
    sort.Stable(msgs)
    return msgs, nil
}

func (l *Linter) lintReader(filename string, r io.Reader) (Messages, error) {
    program, info, err := Parse(r)
    if err != nil {
        return nil, fmt.Errorf("%s: %w", filename, err)
    }
    ctx := &C{Filename: filename, Dirs: l.includes, Program: program, Check: "", Messages: Messages{}}
    for _, check := range l.checks {
        ctx.Check = check.Name
        Walk(program, func(n ast.Node, parents []ast.Node) {
            check.Call(ctx, info, parents, n)
        })
    }
    return ctx.Messages, nil
}
''')
cases_of(case, GH + 'pinterest/thriftcheck/pull/104', 'lint_files.go',
         G('thriftcheck', ['fmt', 'io', 'log', 'os', 'sort', '', 'go.uber.org/thriftrw/ast'])(THRIFTCHECK), [
             (1, 'go-00-thriftcheck-moved-lint-files-never-closed',
              'a PR moves the linter into its own file and stops closing each IDL file it opens, so linting a large '
              'tree runs out of file descriptors', 'rename'),
             (2, 'go-00-thriftcheck-moved-lint-files-closed-by-defer-in-loop',
              'a PR moves the linter into its own file and closes each IDL file with a defer inside the loop, so '
              'every file stays open until the whole run ends', 'rename'),
             (0, 'go-ok-00-thriftcheck-moved-linter',
              'clean: the move alone; each file closed as soon as it is linted', 'rename'),
         ], rename_from='linter.go',
         rename_old=lambda t: t.replace('NewLinter', 'New'))


# ---------------------------------------------------------------- TMO-02 / ERR-01: webhook handler of a payments API client (gocardless-pro-go)
GOCARDLESS = template('gocardless-webhook-handler', r'''
// maxWebhookBody bounds the size of a webhook request the handler reads.
const maxWebhookBody = 1 << 20

// EventHandler handles the events of a verified webhook; ctx ends when the webhook request does.
type EventHandler interface {
    HandleEvent(ctx context.Context, event Event) error
}

// WebhookHandler verifies the signature of each webhook request and hands its events to the EventHandler.
type WebhookHandler struct {
    secret string
    EventHandler
}

// NewWebhookHandler returns a handler verifying requests with the endpoint's secret.
func NewWebhookHandler(secret string, h EventHandler) (*WebhookHandler, error) {
    if secret == "" {
        return nil, errors.New("gocardless: webhook secret is empty")
    }
    return &WebhookHandler{secret: secret, EventHandler: h}, nil
}

// ServeHTTP implements http.Handler.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    if r.Method != http.MethodPost {
        w.WriteHeader(http.StatusMethodNotAllowed)
        return
    }
    body, err := io.ReadAll(io.LimitReader(r.Body, maxWebhookBody))
    if err != nil {
        w.WriteHeader(http.StatusBadRequest)
        return
    }
    if !h.validSignature(body, r.Header.Get("Webhook-Signature")) {
        w.WriteHeader(498) // the status GoCardless documents for an invalid token
        return
    }
    var payload struct {
        Events []Event `json:"events"`
    }
    if err := json.Unmarshal(body, &payload); err != nil {
        w.WriteHeader(http.StatusBadRequest)
        return
    }

02|    ctx := r.Context()
1|    ctx := context.Background() //@TMO-02
    for _, event := range payload.Events {
01|        if err := h.HandleEvent(ctx, event); err != nil {
01|            w.WriteHeader(http.StatusInternalServerError)
01|            return
01|        }
2|        h.HandleEvent(ctx, event) //@ERR-01
    }
    w.WriteHeader(http.StatusNoContent)
}

func (h *WebhookHandler) validSignature(body []byte, signature string) bool {
    mac := hmac.New(sha256.New, []byte(h.secret))
    mac.Write(body)
    expected := hex.EncodeToString(mac.Sum(nil))
    return hmac.Equal([]byte(expected), []byte(signature))
}
''')
cases_of(case, GH + 'gocardless/gocardless-pro-go/pull/29', 'webhook_handler.go',
         G('gocardless', ['context', 'crypto/hmac', 'crypto/sha256', 'encoding/hex', 'encoding/json', 'errors', 'io',
                          'net/http'])(GOCARDLESS), [
             (1, 'go-00-gocardless-webhook-events-on-background-context',
              'an edit hands the webhook\'s events to the handler on a Background context, so the request\'s '
              'cancellation and deadline never reach the event handling', 'edit'),
             (2, 'go-00-gocardless-webhook-event-error-discarded',
              'an edit discards the error of handling each webhook event and answers 204, so GoCardless never '
              'retries an event the application failed to handle', 'edit'),
             (0, 'go-ok-00-gocardless-webhook-events-on-request-context',
              'clean: the fix hands the events to the handler on the request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-03: deployment wait of an API platform's deploy command (unkey)
UNKEY = template('unkey-deploy-wait', r'''
// pollInterval is how often the deploy command asks the control plane for a deployment's status.
const pollInterval = 2 * time.Second

// ControlPlaneClient talks to the control plane on behalf of `unkey deploy`.
type ControlPlaneClient struct {
    client ctrlv1connect.DeploymentServiceClient
    opts   DeployOptions
}

// WaitForDeployment polls the deployment's status until it is ready or failed, reporting every change to onStatus.
func (c *ControlPlaneClient) WaitForDeployment(ctx context.Context, deploymentID string, onStatus func(string)) error {
02|    ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, c.opts.Timeout) //@TMO-03
    ticker := time.NewTicker(pollInterval)
    defer ticker.Stop()

    last := ""
    for {
        select {
        case <-ctx.Done():
            return fmt.Errorf("deployment %s not ready after %s: %w", deploymentID, c.opts.Timeout, ctx.Err())
        case <-ticker.C:
        }
01|        resp, err := c.client.GetDeployment(ctx, connect.NewRequest(&ctrlv1.GetDeploymentRequest{DeploymentId: deploymentID}))
01|        if err != nil {
01|            return fmt.Errorf("get deployment %s: %w", deploymentID, err)
01|        }
2|        resp, _ := c.client.GetDeployment(ctx, connect.NewRequest(&ctrlv1.GetDeploymentRequest{DeploymentId: deploymentID})) //@ERR-01
        deployment := resp.Msg.GetDeployment()
        status := deployment.GetStatus()
        if name := status.String(); name != last {
            onStatus(name)
            last = name
        }
        switch status {
        case ctrlv1.DeploymentStatus_DEPLOYMENT_STATUS_READY:
            return nil
        case ctrlv1.DeploymentStatus_DEPLOYMENT_STATUS_FAILED:
            return fmt.Errorf("deployment %s failed: %s", deploymentID, deployment.GetErrorMessage())
        }
    }
}
''')
cases_of(case, GH + 'unkeyed/unkey/issues/4663', 'go/cmd/deploy/control_plane.go',
         G('deploy', ['context', 'fmt', 'time', '', 'connectrpc.com/connect',
                      'github.com/unkeyed/unkey/go/gen/proto/ctrl/v1',
                      'github.com/unkeyed/unkey/go/gen/proto/ctrl/v1/ctrlv1connect'])(UNKEY), [
             (1, 'go-00-unkey-deploy-wait-timeout-never-cancelled',
              'an edit bounds the wait for a deployment with a timeout context and drops its cancel, so the timer '
              'and context outlive every successful deploy until the timeout passes', 'edit'),
             (2, 'go-00-unkey-deploy-status-error-discarded',
              'an edit discards the error of asking the control plane for the deployment\'s status, so an '
              'unreachable control plane ends the command in a nil dereference instead of an error', 'edit'),
             (0, 'go-ok-00-unkey-deploy-wait-timeout-cancelled',
              'clean: the fix cancels the wait\'s timeout context when the wait returns', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-01: message decoder of a brokerage API client (ibapi)
IBAPI = template('ibapi-client-run', r'''
// Run starts the client's reader and decoder goroutines and returns at once; Disconnect stops them.
func (ic *IbClient) Run() error {
    if ic.conn == nil {
        return errors.New("ibapi: connect before Run")
    }
    ic.wg.Add(2)
    go ic.goReceive()
    go func() { //@{2}CONC-01
        defer ic.wg.Done()
01|        defer func() {
01|            if p := recover(); p != nil {
01|                log.Error("decoder panicked", zap.Any("panic", p), zap.Stack("stack"))
01|                ic.errChan <- fmt.Errorf("ibapi: decoder panicked: %v", p)
01|            }
01|        }()
        ic.goDecode()
    }()
    return nil
}

// goDecode decodes every message the reader hands over and dispatches it to the wrapper until the client stops.
func (ic *IbClient) goDecode() {
    for {
        select {
        case <-ic.terminatedSignal:
            return
        case m := <-ic.msgChan:
1|            log.Info("ibapi: decoding message", zap.ByteString("msg", m)) //@LOG-01
            fields := splitMsgBytes(m)
            if len(fields) == 0 {
                continue
            }
            if err := ic.decoder.interpret(fields...); err != nil {
                ic.errChan <- err
            }
        }
    }
}
''')
cases_of(case, GH + 'hadrianl/ibapi/pull/25', 'client.go',
         G('ibapi', ['errors', 'fmt', '', 'go.uber.org/zap'])(IBAPI), [
             (1, 'go-00-ibapi-every-decoded-message-logged',
              'an edit logs every message the decoder reads at info level, so a subscription to live market data '
              'writes a log line per tick', 'edit'),
             (2, 'go-00-ibapi-decoder-goroutine-without-recover',
              'an edit removes the recover of the decoder goroutine, so one malformed message panics and ends the '
              'trading program', 'edit'),
             (0, 'go-ok-00-ibapi-decoder-quiet',
              'clean: the fix takes the per-message log line out of the decoder loop', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: connection set-up of a kdb+ client (kdbgo)
KDBGO = template('kdbgo-dial', r'''
// DialKDB connects to a q process at host:port without a connect timeout.
func DialKDB(host string, port int, auth string) (*KDBConn, error) {
    return DialKDBTimeout(host, port, auth, defaultDialTimeout)
}

// DialKDBTimeout connects to a q process at host:port, authenticates as auth and returns the connection; timeout
// bounds the TCP connect and the handshake.
func DialKDBTimeout(host string, port int, auth string, timeout time.Duration) (*KDBConn, error) {
    addr := net.JoinHostPort(host, strconv.Itoa(port))
02|    conn, err := net.DialTimeout("tcp", addr, timeout)
1|    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil {
        return nil, err //@{2}RES-01
    }
    if err := handshake(conn, auth, timeout); err != nil {
01|        conn.Close()
        return nil, err
    }
    tcpConn, ok := conn.(*net.TCPConn)
    if !ok {
01|        conn.Close()
        return nil, fmt.Errorf("kdb: %s is not a TCP connection", addr)
    }
    if err := tcpConn.SetKeepAlive(true); err != nil {
        tcpConn.Close()
        return nil, err
    }
    return &KDBConn{con: tcpConn, rbuf: bufio.NewReaderSize(tcpConn, 4<<10), Host: host, Port: strconv.Itoa(port), userpass: auth}, nil
}

// handshake sends the credentials and the protocol version and reads the server's answer byte.
func handshake(conn net.Conn, auth string, timeout time.Duration) error {
    if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
        return err
    }
    if _, err := conn.Write(append([]byte(auth), 3, 0)); err != nil {
        return err
    }
    answer := make([]byte, 1)
    if _, err := io.ReadFull(conn, answer); err != nil {
        return fmt.Errorf("kdb: authentication rejected: %w", err)
    }
    return conn.SetDeadline(time.Time{})
}
''')
cases_of(case, GH + 'sv/kdbgo/pull/26', 'conn.go',
         G('kdb', ['bufio', 'fmt', 'io', 'net', 'strconv', 'time'])(KDBGO), [
             (1, 'go-00-kdbgo-dial-without-timeout',
              'an edit connects with a plain dial that ignores the caller\'s timeout, so an unreachable q process '
              'blocks the caller for as long as the kernel retries', 'edit'),
             (2, 'go-00-kdbgo-failed-handshake-leaves-connection-open',
              'an edit stops closing the connection when the handshake fails, so every rejected login leaves a '
              'socket open', 'edit'),
             (0, 'go-ok-00-kdbgo-dial-with-timeout',
              'clean: the fix dials with the caller\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-01: billing catalog pricing of a cloud cost tool (opencost), new file
OPENCOST = template('opencost-gcp-billing-catalog', r'''
// billingAPIRoot is the Cloud Billing catalog API.
const billingAPIRoot = "https://cloudbilling.googleapis.com/v1"

// catalogPage is one page of the Cloud Billing catalog's SKU list.
type catalogPage struct {
    Skus          []*GCPPricing `json:"skus"`
    NextPageToken string        `json:"nextPageToken"`
}

// fetchPricing walks every page of the billing catalog for the service and returns the SKUs of them all.
func (gcp *GCP) fetchPricing(ctx context.Context, serviceID string) ([]*GCPPricing, error) {
    var all []*GCPPricing
    pageToken := ""
    for {
        page, err := gcp.fetchPage(ctx, serviceID, pageToken)
        if err != nil {
            return nil, err
        }
        all = append(all, page.Skus...)
        if page.NextPageToken == "" {
            return all, nil
        }
        pageToken = page.NextPageToken
    }
}

// fetchPage fetches and decodes one page of the catalog.
func (gcp *GCP) fetchPage(ctx context.Context, serviceID, pageToken string) (*catalogPage, error) {
    q := url.Values{"key": {gcp.APIKey}, "currencyCode": {"USD"}, "pageToken": {pageToken}}
    u := fmt.Sprintf("%s/services/%s/skus?%s", billingAPIRoot, serviceID, q.Encode())
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return nil, err
    }
    resp, err := gcp.httpClient.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("gcp billing: fetch page: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("gcp billing: fetch page: status %d", resp.StatusCode)
    }
    page := &catalogPage{}
    if err := json.NewDecoder(resp.Body).Decode(page); err != nil {
        return nil, fmt.Errorf("gcp billing: decode page: %w", err)
    }
    return page, nil
}

// StartPricingRefresh refreshes the cached prices now and then every interval until ctx ends.
func (gcp *GCP) StartPricingRefresh(ctx context.Context, serviceID string, interval time.Duration) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Errorf("gcp billing: pricing refresh panicked: %v\n%s", r, debug.Stack())
01|            }
01|        }()
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
            prices, err := gcp.fetchPricing(ctx, serviceID)
            if err != nil {
                log.Warnf("gcp billing: pricing refresh failed: %v", err)
            } else {
                gcp.setPricing(prices)
            }
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
            }
        }
    }()
}
''')
OPENCOST_BASE = ['', 'github.com/opencost/opencost/core/pkg/log']
OPENCOST_IMPORTS = {0: ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'runtime/debug', 'time'] + OPENCOST_BASE,
                    1: ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'runtime/debug', 'time'] + OPENCOST_BASE,
                    2: ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'time'] + OPENCOST_BASE}
cases_of(case, GH + 'opencost/opencost/pull/3941', 'pkg/cloud/gcp/billingcatalog.go',
         GV('gcp', OPENCOST_IMPORTS)(OPENCOST), [
             (1, 'go-00-opencost-new-billing-catalog-pages-never-closed',
              'a new billing catalog fetcher never closes the body of the pages it reads, so every pricing refresh '
              'leaks one connection per catalog page', 'new'),
             (2, 'go-00-opencost-new-billing-refresh-goroutine-without-recover',
              'a new billing catalog fetcher refreshes prices on a goroutine without a recover, so one malformed '
              'SKU that panics ends the whole cost exporter', 'new'),
             (0, 'go-ok-00-opencost-new-billing-catalog',
              'clean: a new billing catalog fetcher closing every page\'s body and refreshing under a recover', 'new'),
         ])
