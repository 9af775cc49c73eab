"""Round-115 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / TMO-01: upstream token refresh of an MCP OAuth proxy (mcp-oauth-proxy)
OAUTHPROXY = template('mcp-oauth-proxy-token-refresh', r'''
// tokenRefresher hands out a valid upstream access token for a grant, refreshing it at the provider's token endpoint
// when it is about to expire. When a token expires, many MCP requests of the same user arrive at once: the grant's
// entry is read and replaced under the refresher's lock, so one request refreshes and the others reuse its token.
type tokenRefresher struct {
    mu       sync.Mutex
    grants   map[string]*upstreamToken
    endpoint string
    clientID string
    secret   string
    client   *http.Client
}

type upstreamToken struct {
    AccessToken  string    `json:"access_token"`
    RefreshToken string    `json:"refresh_token"`
    ExpiresIn    int64     `json:"expires_in"`
    Expiry       time.Time `json:"-"`
}

func newTokenRefresher(endpoint, clientID, secret string) *tokenRefresher {
    return &tokenRefresher{
        grants:   make(map[string]*upstreamToken),
        endpoint: endpoint,
        clientID: clientID,
        secret:   secret,
01|        client:   &http.Client{Timeout: 15 * time.Second},
2|        client:   &http.Client{}, //@TMO-01
    }
}

// accessToken returns a token of grantID that is valid for at least another minute.
func (r *tokenRefresher) accessToken(ctx context.Context, grantID string) (string, error) {
02|    r.mu.Lock()
02|    defer r.mu.Unlock()
    tok, ok := r.grants[grantID] //@{1}CONC-03
    if !ok {
        return "", fmt.Errorf("unknown grant %s", grantID)
    }
    if time.Until(tok.Expiry) > time.Minute {
        return tok.AccessToken, nil
    }
    fresh, err := r.refresh(ctx, tok.RefreshToken)
    if err != nil {
        return "", fmt.Errorf("refreshing grant %s: %w", grantID, err)
    }
    r.grants[grantID] = fresh
    return fresh.AccessToken, nil
}

// refresh redeems a refresh token at the provider's token endpoint.
func (r *tokenRefresher) refresh(ctx context.Context, refreshToken string) (*upstreamToken, error) {
    form := url.Values{
        "grant_type":    {"refresh_token"},
        "refresh_token": {refreshToken},
        "client_id":     {r.clientID},
        "client_secret": {r.secret},
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.endpoint, strings.NewReader(form.Encode()))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    resp, err := r.client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("token endpoint answered %s", resp.Status)
    }
    var tok upstreamToken
    if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
        return nil, fmt.Errorf("decoding token response: %w", err)
    }
    tok.Expiry = time.Now().UTC().Add(time.Duration(tok.ExpiresIn) * time.Second)
    return &tok, nil
}
''')
cases_of(case, GH + 'obot-platform/mcp-oauth-proxy/pull/3', 'pkg/oauth/refresh.go',
         G('oauth', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'strings', 'sync', 'time'])(OAUTHPROXY), [
             (1, 'go-00-mcp-oauth-proxy-grant-read-without-lock',
              'an edit drops the refresher\'s lock around a grant\'s read, refresh and write, so concurrent requests '
              'of one user race on the shared grants map and refresh with the same refresh token', 'edit'),
             (2, 'go-00-mcp-oauth-proxy-token-client-without-timeout',
              'an edit builds the token endpoint\'s client without a timeout, so a provider that never answers holds '
              'every request of the grant behind the refresher\'s lock', 'edit'),
             (0, 'go-ok-00-mcp-oauth-proxy-grant-refreshed-under-lock',
              'clean: the fix reads, refreshes and replaces the grant under the refresher\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: event poller of an email API client (mailgun-go)
MAILGUN = template('mailgun-event-poller', r'''
// EventPoller pages through the domain's events and hands the caller every event newer than the last one it has seen,
// waiting PollInterval between empty pages. A poller is used by one goroutine; Err says why the last Poll ended.
type EventPoller struct {
    it            *EventIterator
    opts          ListEventOptions
    thresholdTime time.Time
    err           error
}

// Err returns the error that ended the last Poll, if any.
func (ep *EventPoller) Err() error {
    return ep.err
}

// Poll fills events with the next events newer than the poller's threshold. It returns false when ctx ends or a page
// cannot be listed.
func (ep *EventPoller) Poll(ctx context.Context, events *[]Event) bool {
    if ep.opts.PollInterval == 0 {
        ep.opts.PollInterval = 30 * time.Second
    }
    if ep.thresholdTime.IsZero() {
        ep.thresholdTime = time.Now().UTC().Add(-ep.opts.PollInterval)
    }
    page := ep.it.Paging.First
    for {
01|        err := ep.it.fetch(ctx, page)
01|        if err != nil {
01|            ep.err = err
01|            return false
01|        }
2|        _ = ep.it.fetch(ctx, page) //@ERR-01
        var results []Event
        for _, e := range ep.it.Items {
            if e.GetTimestamp().After(ep.thresholdTime) {
                results = append(results, e)
            }
        }
        if len(results) != 0 {
            ep.thresholdTime = results[len(results)-1].GetTimestamp()
            *events = results
            return true
        }
        page = ep.it.Paging.Next

02|        timer := time.NewTimer(ep.opts.PollInterval)
1|        ticker := time.NewTicker(ep.opts.PollInterval) //@RES-01
        select {
02|        case <-timer.C:
1|        case <-ticker.C:
        case <-ctx.Done():
02|            timer.Stop()
            ep.err = ctx.Err()
            return false
        }
    }
}
''')
cases_of(case, GH + 'mailgun/mailgun-go/pull/313', 'events.go',
         G('mailgun', ['context', 'time'])(MAILGUN), [
             (1, 'go-00-mailgun-poller-ticker-never-stopped',
              'an edit waits between empty pages on a ticker that is never stopped, leaking a ticker for every page '
              'and every cancelled Poll', 'edit'),
             (2, 'go-00-mailgun-poller-listing-error-dropped',
              'an edit drops the error of a page listing, so the poller waits and polls the same page again instead '
              'of telling the caller the API refused it', 'edit'),
             (0, 'go-ok-00-mailgun-poller-timer-stopped',
              'clean: the fix waits on a one-shot timer and stops it when the caller cancels', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: remote sampler of a tracing client (jaeger-client-go)
JAEGER = template('jaeger-remote-sampler', r'''
// RemotelyControlledSampler asks the agent's sampling endpoint for the service's strategy every refresh interval and
// swaps the sampler it delegates to. Close stops the poller and returns once it has exited, so a tracer closed at the
// end of a request handler (or a test) leaves no goroutine polling behind it.
type RemotelyControlledSampler struct {
    closed int64 // atomic

    sync.RWMutex
    sampler                 Sampler
    serviceName             string
    samplingRefreshInterval time.Duration
    fetcher                 SamplingStrategyFetcher
    parser                  SamplingStrategyParser
    logger                  Logger
    metrics                 Metrics
    doneChan                chan struct{}
    wg                      sync.WaitGroup
}

// NewRemotelyControlledSampler creates a sampler that periodically pulls the sampling strategy of serviceName.
func NewRemotelyControlledSampler(serviceName string, opts ...SamplerOption) *RemotelyControlledSampler {
    s := &RemotelyControlledSampler{serviceName: serviceName, doneChan: make(chan struct{})}
    for _, option := range opts {
        option(s)
    }
    s.wg.Add(1)
    go func() { //@{2}CONC-01
        defer s.wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                s.logger.Error(fmt.Sprintf("sampling strategy poller stopped after a panic: %v", r))
01|            }
01|        }()
        s.pollController()
    }()
    return s
}

// Close stops the strategy poller and waits for it to exit.
func (s *RemotelyControlledSampler) Close() {
    if !atomic.CompareAndSwapInt64(&s.closed, 0, 1) {
        s.logger.Error("repeated attempt to close the sampler is ignored")
        return
    }
    close(s.doneChan) //@{1}OPS-01
02|    s.wg.Wait()
}

func (s *RemotelyControlledSampler) pollController() {
    ticker := time.NewTicker(s.samplingRefreshInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            s.updateSampler()
        case <-s.doneChan:
            return
        }
    }
}

func (s *RemotelyControlledSampler) updateSampler() {
    res, err := s.fetcher.Fetch(s.serviceName)
    if err != nil {
        s.metrics.SamplerQueryFailure.Inc(1)
        s.logger.Error(fmt.Sprintf("fetching sampling strategy of %s: %v", s.serviceName, err))
        return
    }
    strategy, err := s.parser.Parse(res)
    if err != nil {
        s.metrics.SamplerUpdateFailure.Inc(1)
        s.logger.Error(fmt.Sprintf("parsing sampling strategy of %s: %v", s.serviceName, err))
        return
    }
    s.Lock()
    defer s.Unlock()
    s.sampler = samplerFromStrategy(strategy, s.sampler)
    s.metrics.SamplerUpdated.Inc(1)
}
''')
cases_of(case, GH + 'jaegertracing/jaeger-client-go/issues/259', 'sampler_remote.go',
         G('jaeger', ['fmt', 'sync', 'sync/atomic', 'time'])(JAEGER), [
             (1, 'go-00-jaeger-sampler-close-without-waiting',
              'an edit makes Close return as soon as it signals the poller, without waiting for the poll goroutine, '
              'so a sampler per request leaves a polling goroutine per request behind', 'edit'),
             (2, 'go-00-jaeger-sampler-poller-without-recover',
              'an edit drops the recover of the strategy poller\'s goroutine, so a panic while parsing a strategy '
              'takes the instrumented application down', 'edit'),
             (0, 'go-ok-00-jaeger-sampler-close-waits',
              'clean: the fix makes Close wait on the poller\'s wait group after signalling it', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: REST layer of a chat API wrapper (discordgo), CRLF file
DISCORD = template('discordgo-rest-unmarshal', r'''
// ErrJSONUnmarshal is returned when a response body of the Discord API cannot be decoded.
var ErrJSONUnmarshal = errors.New("json unmarshal")

// request sends one REST call to the Discord API and decodes its answer into v when v is not nil. The session's
// client carries the timeout; ctx carries the caller's deadline and cancellation.
func (s *Session) request(ctx context.Context, method, urlStr string, body []byte, v interface{}) error {
    req, err := http.NewRequestWithContext(ctx, method, urlStr, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", s.Token)
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("User-Agent", s.UserAgent)

    resp, err := s.Client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()

    data, err := io.ReadAll(resp.Body)
    if err != nil {
        return err
    }
01|    if s.LogLevel >= LogDebug {
01|        s.log(LogDebug, "%s %s answered %s", method, urlStr, resp.Status)
01|    }
2|    s.log(LogInformational, "%s %s answered %s: %s", method, urlStr, resp.Status, data) //@LOG-01
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        return newRestError(req, resp, data)
    }
    if v == nil {
        return nil
    }
    return unmarshal(data, v)
}

// unmarshal decodes a REST response into v. The decoder's message is kept beside ErrJSONUnmarshal, so a bug report
// says which field of which payload Discord changed.
func unmarshal(data []byte, v interface{}) error {
    err := Unmarshal(data, v)
    if err != nil { //@{1}ERR-01
02|        return fmt.Errorf("%w: %s", ErrJSONUnmarshal, err)
1|        return ErrJSONUnmarshal
    }
    return nil
}
''')
cases_of(case, GH + 'bwmarrin/discordgo/issues/923', 'restapi.go',
         G('discordgo', ['bytes', 'context', 'errors', 'fmt', 'io', 'net/http'])(DISCORD), [
             (1, 'go-00-discordgo-unmarshal-error-dropped',
              'an edit returns the bare sentinel when a response cannot be decoded, dropping the decoder\'s error and '
              'with it which field failed', 'edit'),
             (2, 'go-00-discordgo-every-request-logged-with-body',
              'an edit logs every REST call with its response body at the informational level, unguarded, on the path '
              'every API call of a bot takes', 'edit'),
             (0, 'go-ok-00-discordgo-unmarshal-error-kept',
              'clean: the fix wraps the sentinel around the decoder\'s error', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-02 / TMO-03: wallet endpoints of a billing API client (lago-go-client), new file
LAGO = template('lago-wallet-requests', r'''
// walletCreateTimeout bounds the creation of a wallet under the caller's deadline: creating a wallet charges the
// customer's first top-up, and Lago answers it synchronously.
const walletCreateTimeout = 30 * time.Second

// WalletRequest is the client of the wallets endpoints of the Lago API.
type WalletRequest struct {
    client *Client
}

type WalletInput struct {
    ExternalCustomerID string `json:"external_customer_id"`
    Currency           string `json:"currency"`
    RateAmount         string `json:"rate_amount"`
    PaidCredits        string `json:"paid_credits,omitempty"`
}

type WalletParams struct {
    WalletInput *WalletInput `json:"wallet"`
}

type WalletResult struct {
    Wallet *Wallet `json:"wallet"`
}

func (c *Client) Wallet() *WalletRequest {
    return &WalletRequest{client: c}
}

// Get fetches one wallet. ctx reaches the HTTP request, so the caller's deadline and cancellation apply to it.
func (wr *WalletRequest) Get(ctx context.Context, walletID string) (*Wallet, *Error) {
    clientRequest := &ClientRequest{
        Path:   fmt.Sprintf("%s/%s", "wallets", walletID),
        Result: &WalletResult{},
    }
02|    result, err := wr.client.Get(ctx, clientRequest)
1|    result, err := wr.client.Get(context.Background(), clientRequest) //@TMO-02
    if err != nil {
        return nil, err
    }
    walletResult, ok := result.(*WalletResult)
    if !ok {
        return nil, &ErrorTypeAssert
    }
    return walletResult.Wallet, nil
}

// Create creates a wallet and charges its paid credits.
func (wr *WalletRequest) Create(ctx context.Context, walletInput *WalletInput) (*Wallet, *Error) {
01|    ctx, cancel := context.WithTimeout(ctx, walletCreateTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, walletCreateTimeout) //@TMO-03
    clientRequest := &ClientRequest{
        Path:   "wallets",
        Result: &WalletResult{},
        Body:   &WalletParams{WalletInput: walletInput},
    }
    result, err := wr.client.Post(ctx, clientRequest)
    if err != nil {
        return nil, err
    }
    walletResult, ok := result.(*WalletResult)
    if !ok {
        return nil, &ErrorTypeAssert
    }
    return walletResult.Wallet, nil
}
''')
cases_of(case, GH + 'getlago/lago-go-client/pull/10', 'wallet.go',
         G('lago', ['context', 'fmt', 'time'])(LAGO), [
             (1, 'go-00-lago-wallet-get-with-background-context',
              'a new file of wallet requests whose Get calls the API with a background context, ignoring the '
              'caller\'s context', 'new'),
             (2, 'go-00-lago-wallet-create-timeout-cancel-discarded',
              'a new file of wallet requests whose Create derives a timeout context and discards its cancel', 'new'),
             (0, 'go-ok-00-lago-wallet-requests-with-caller-context',
              'clean: the new wallet requests pass the caller\'s context and cancel the creation\'s timeout', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: Go runtime of an analytics platform's SDK (looker sdk-codegen)
LOOKER = template('looker-go-auth-session', r'''
// AuthSession signs every API call with the session's access token and logs in again when the token expires. One
// session is shared by all the goroutines of a program, so its client keeps a pool of connections to the instance.
type AuthSession struct {
    Config ApiSettings
    Client http.Client
    mu     sync.Mutex
    token  *AccessToken
}

func NewAuthSession(config ApiSettings) *AuthSession {
    return &AuthSession{
        Config: config,
        Client: http.Client{ //@{2}TMO-01
01|            Timeout:   time.Duration(config.Timeout) * time.Second,
            Transport: &http.Transport{MaxIdleConnsPerHost: 8, IdleConnTimeout: 90 * time.Second},
        },
    }
}

// Do performs an API call and decodes the JSON answer into result.
func (s *AuthSession) Do(ctx context.Context, result interface{}, method, ver, path string, body interface{}) error {
    var payload io.Reader
    if body != nil {
        b, err := json.Marshal(body)
        if err != nil {
            return fmt.Errorf("encoding request body of %s %s: %w", method, path, err)
        }
        payload = bytes.NewReader(b)
    }
    req, err := http.NewRequestWithContext(ctx, method, fmt.Sprintf("%s/api%s%s", s.Config.BaseUrl, ver, path), payload)
    if err != nil {
        return err
    }
    if err := s.Authenticate(ctx, req); err != nil {
        return err
    }
    res, err := s.Client.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer res.Body.Close()
    if res.StatusCode < 200 || res.StatusCode > 226 {
        msg, rerr := io.ReadAll(io.LimitReader(res.Body, 4096))
        if rerr != nil {
            return fmt.Errorf("response error %s (body unreadable: %w)", res.Status, rerr)
        }
        return fmt.Errorf("response error %s: %s", res.Status, msg)
    }
    if result == nil {
        return nil
    }
    return json.NewDecoder(res.Body).Decode(result)
}

// Authenticate sets the request's authorization header, logging in first when the session has no valid token.
func (s *AuthSession) Authenticate(ctx context.Context, req *http.Request) error {
    s.mu.Lock()
    defer s.mu.Unlock()
    if s.token == nil || s.token.expired() {
        tok, err := s.login(ctx)
        if err != nil {
            return fmt.Errorf("logging in to %s: %w", s.Config.BaseUrl, err)
        }
        s.token = tok
    }
    req.Header.Set("Authorization", "token "+s.token.AccessToken)
    return nil
}
''')
LOOKER_TEST = f('go/rtl/auth_test.go', new=go('rtl', ['net/http', 'testing'], r'''
func TestNewAuthSessionPoolsConnections(t *testing.T) {
    s := NewAuthSession(ApiSettings{BaseUrl: "https://example.looker.com:19999", Timeout: 120})
    tr, ok := s.Client.Transport.(*http.Transport)
    if !ok {
        t.Fatalf("expected an *http.Transport, got %T", s.Client.Transport)
    }
    if tr.MaxIdleConnsPerHost != 8 {
        t.Fatalf("expected 8 idle connections per host, got %d", tr.MaxIdleConnsPerHost)
    }
}
'''))
cases_of(case, GH + 'looker-open-source/sdk-codegen/pull/779', 'go/rtl/auth.go',
         G('rtl', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'sync', 'time'])(LOOKER), [
             (1, 'go-00-looker-rest-response-left-open',
              'an edit drops the close of every REST response of the Go SDK, leaking a connection per API call', 'edit'),
             (2, 'go-00-looker-session-client-without-timeout',
              'an edit builds the session\'s HTTP client without its configured timeout, so an instance that stops '
              'answering hangs every call; the change adds a test beside it', 'edit', [LOOKER_TEST]),
             (0, 'go-ok-00-looker-rest-response-closed',
              'clean: the fix closes the response on every path after the call succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: Slack handler of a structured logging package (slog-slack), renamed file
SLOGSLACK = template('slog-slack-webhook', r'''
// maxInflightPosts bounds the records being posted at once; a record beyond it is dropped and counted.
const maxInflightPosts = 32

// SlackHandler posts log records to a Slack channel, through an incoming webhook or the Web API. Posting runs in a
// goroutine of its own so logging never waits for Slack; the post is bounded by Option.Timeout and the number of
// posts in flight by maxInflightPosts.
type SlackHandler struct {
    option   Option
    client   *slack.Client
    inflight chan struct{}
    dropped  atomic.Int64
    attrs    []slog.Attr
    groups   []string
}

func (o Option) NewSlackHandler() slog.Handler {
    if o.Timeout == 0 {
        o.Timeout = 10 * time.Second
    }
    h := &SlackHandler{option: o, inflight: make(chan struct{}, maxInflightPosts)}
    if o.BotToken != "" {
        h.client = slack.New(o.BotToken)
    }
    return h
}

func (h *SlackHandler) Enabled(_ context.Context, level slog.Level) bool {
    return level >= h.option.Level.Level()
}

func (h *SlackHandler) Handle(ctx context.Context, record slog.Record) error {
    message := h.option.Converter(h.option.AddSource, h.option.ReplaceAttr, h.attrs, h.groups, &record)
    if h.option.Channel != "" {
        message.Channel = h.option.Channel
    }
    select {
    case h.inflight <- struct{}{}:
    default:
        h.dropped.Add(1)
        return nil
    }
    postCtx := context.WithoutCancel(ctx)
    go func() { //@{2}CONC-01
        defer func() { <-h.inflight }()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                h.reportFailure(fmt.Errorf("slog-slack: panic while posting a record: %v", r))
01|            }
01|        }()
        if err := h.postMessage(postCtx, message); err != nil {
            h.reportFailure(err)
        }
    }()
    return nil
}

func (h *SlackHandler) postMessage(ctx context.Context, message *slack.WebhookMessage) error {
    ctx, cancel := context.WithTimeout(ctx, h.option.Timeout)
    defer cancel()
    if h.option.WebhookURL != "" {
02|        return slack.PostWebhookContext(ctx, h.option.WebhookURL, message)
1|        return slack.PostWebhook(h.option.WebhookURL, message) //@TMO-01
    }
    _, _, err := h.client.PostMessageContext(ctx, message.Channel,
        slack.MsgOptionText(message.Text, true),
        slack.MsgOptionAttachments(message.Attachments...))
    return err
}

func (h *SlackHandler) reportFailure(err error) {
    if h.option.OnError != nil {
        h.option.OnError(err)
        return
    }
    fmt.Fprintf(os.Stderr, "slog-slack: %v\n", err)
}
''')
cases_of(case, GH + 'samber/slog-slack/pull/5', 'slack.go',
         G('slogslack', ['context', 'fmt', 'log/slog', 'os', 'sync/atomic', 'time', '', 'github.com/slack-go/slack'])(SLOGSLACK), [
             (1, 'go-00-slog-slack-renamed-webhook-posted-without-timeout',
              'the handler moves to slack.go and its webhook post goes through PostWebhook, which takes no context, '
              'so the handler\'s timeout no longer bounds it and a stalled Slack keeps a goroutine per record', 'rename'),
             (2, 'go-00-slog-slack-renamed-post-goroutine-without-recover',
              'the handler moves to slack.go and its posting goroutine loses its recover, so a panicking converter '
              'or client takes the logging application down', 'rename'),
             (0, 'go-ok-00-slog-slack-renamed-handler',
              'clean: the move alone; posts carry the timeout context and the goroutine recovers', 'rename'),
         ], rename_from='handler.go')


# ---------------------------------------------------------------- TIME-01 / CONC-03: metadata token source of an OAuth2 client (golang/oauth2)
OAUTH2 = template('oauth2-compute-token', r'''
// computeTokens remembers the last token the metadata server gave each service account, so the token sources of one
// account (one per API client of the process) share it instead of each asking the metadata server.
var (
    computeTokensMu sync.Mutex
    computeTokens   = map[string]*oauth2.Token{}
)

// computeSource implements oauth2.TokenSource for the service accounts of a Compute Engine instance.
type computeSource struct {
    account string
    scopes  []string
}

func (cs computeSource) Token() (*oauth2.Token, error) {
    acct := cs.account
    if acct == "" {
        acct = "default"
    }
01|    computeTokensMu.Lock()
01|    defer computeTokensMu.Unlock()
    if tok, ok := computeTokens[acct]; ok && tok.Expiry.After(time.Now().UTC().Add(expiryDelta)) { //@{2}CONC-03
        return tok, nil
    }
    if !metadata.OnGCE() {
        return nil, errors.New("oauth2/google: can't get a token from the metadata service; not running on GCE")
    }
    tokenURI := "instance/service-accounts/" + acct + "/token"
    if len(cs.scopes) > 0 {
        v := url.Values{}
        v.Set("scopes", strings.Join(cs.scopes, ","))
        tokenURI = tokenURI + "?" + v.Encode()
    }
    tokenJSON, err := metadata.Get(tokenURI)
    if err != nil {
        return nil, err
    }
    var res struct {
        AccessToken  string `json:"access_token"`
        ExpiresInSec int    `json:"expires_in"`
        TokenType    string `json:"token_type"`
    }
    err = json.NewDecoder(strings.NewReader(tokenJSON)).Decode(&res)
    if err != nil {
        return nil, fmt.Errorf("oauth2/google: invalid token JSON from metadata: %v", err)
    }
    if res.ExpiresInSec == 0 || res.AccessToken == "" {
        return nil, fmt.Errorf("oauth2/google: incomplete token received from metadata")
    }
    tok := &oauth2.Token{
        AccessToken: res.AccessToken,
        TokenType:   res.TokenType,
02|        Expiry:      time.Now().UTC().Add(time.Duration(res.ExpiresInSec) * time.Second),
1|        Expiry:      time.Now().Add(time.Duration(res.ExpiresInSec) * time.Second), //@TIME-01
    }
    computeTokens[acct] = tok
    return tok, nil
}
''')
OAUTH2_TEST = f('google/compute_token_test.go', new=go('google', ['testing', 'time', '', 'golang.org/x/oauth2'], r'''
func TestComputeTokenServedFromCache(t *testing.T) {
    want := &oauth2.Token{AccessToken: "cached", Expiry: time.Now().UTC().Add(time.Hour)}
    computeTokensMu.Lock()
    computeTokens["cache-test"] = want
    computeTokensMu.Unlock()
    defer func() {
        computeTokensMu.Lock()
        delete(computeTokens, "cache-test")
        computeTokensMu.Unlock()
    }()

    got, err := computeSource{account: "cache-test"}.Token()
    if err != nil {
        t.Fatalf("unexpected error: %v", err)
    }
    if got != want {
        t.Fatalf("expected the cached token, got %+v", got)
    }
}
'''))
cases_of(case, GH + 'golang/oauth2/pull/482', 'google/compute.go',
         G('google', ['encoding/json', 'errors', 'fmt', 'net/url', 'strings', 'sync', 'time', '',
                      'cloud.google.com/go/compute/metadata', 'golang.org/x/oauth2'])(OAUTH2), [
             (1, 'go-00-oauth2-compute-token-expiry-in-local-time',
              'an edit stamps the metadata token\'s expiry with the local clock instead of UTC, while the cache '
              'compares expiries in UTC', 'edit'),
             (2, 'go-00-oauth2-compute-token-cache-without-lock',
              'an edit drops the lock of the shared compute token cache, so the token sources of one account read '
              'and write the map from their goroutines at once', 'edit'),
             (0, 'go-ok-00-oauth2-compute-token-expiry-in-utc',
              'clean: the fix stamps the expiry in UTC; the change adds a test beside it', 'fix', [OAUTH2_TEST]),
         ])


# ---------------------------------------------------------------- RES-02 / RES-03: multipart upload of an object storage SDK (ufile-gosdk)
UFILE = template('ufile-upload-part', r'''
// UploadPart uploads one part of a multipart upload and records the part's etag in state.
func (u *UFileRequest) UploadPart(ctx context.Context, buf *bytes.Buffer, state *MultipartState, partNumber int) error {
    query := url.Values{}
    query.Add("uploadId", state.uploadID)
    query.Add("partNumber", strconv.Itoa(partNumber))

    req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.genFileURL(state.keyName)+"?"+query.Encode(), buf)
    if err != nil {
        return err
    }
    req.Header.Add("Content-Type", state.mimeType)
    req.Header.Add("Content-Length", strconv.Itoa(buf.Len()))
    authorization := u.Auth.Authorization("PUT", u.BucketName, state.keyName, req.Header)
    req.Header.Add("Authorization", authorization)

    resp, err := u.requestWithResp(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("uploading part %d of %s: %s", partNumber, state.keyName, resp.Status)
    }
    state.mux.Lock()
    state.etags[partNumber] = strings.Trim(resp.Header.Get("Etag"), "\"")
    state.mux.Unlock()
    return nil
}

// resumeParts uploads the spooled parts of an interrupted upload, one file per part, closing each before the next.
func (u *UFileRequest) resumeParts(ctx context.Context, state *MultipartState, partFiles []string) error {
    for i, path := range partFiles {
        f, err := os.Open(path)
        if err != nil {
            return err
        }
2|        defer f.Close() //@RES-03
        buf := new(bytes.Buffer)
        _, rerr := buf.ReadFrom(f)
01|        cerr := f.Close()
01|        if rerr == nil {
01|            rerr = cerr
01|        }
        if rerr != nil {
            return fmt.Errorf("reading spooled part %d of %s: %w", i, state.keyName, rerr)
        }
        if err := u.UploadPart(ctx, buf, state, i); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'ufilesdk-dev/ufile-gosdk/issues/9', 'mput.go',
         G('ufsdk', ['bytes', 'context', 'fmt', 'net/http', 'net/url', 'os', 'strconv', 'strings'])(UFILE), [
             (1, 'go-00-ufile-upload-part-response-left-open',
              'an edit drops the close of each part upload\'s response, whose body is never read, leaking a connection '
              'and its buffers per part until the process is killed', 'edit'),
             (2, 'go-00-ufile-resume-part-close-deferred-in-loop',
              'an edit defers the close of each spooled part file inside the loop over parts, so a resumed upload '
              'keeps every part file open until it ends', 'edit'),
             (0, 'go-ok-00-ufile-upload-part-response-closed',
              'clean: the fix closes every part upload\'s response', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-03: transfer webhook receiver of a payments SDK's examples (moov-go), new file
MOOV_IMPORTS = ['errors', 'log/slog', 'net/http', '', 'github.com/moovfinancial/moov-go/pkg/mhooks']
MOOV = template('moov-webhook-receiver', r'''
type transferStore interface {
    UpdateStatus(ctx context.Context, transferID, status string) error
}

// transferHandler receives Moov's transfer webhooks. A delivery whose signature does not verify is answered with 400
// and logged, because only a wrong secret causes it; any other failure answers 500, so Moov delivers the event again.
// Every log line names the delivery's webhook id, which Moov's dashboard shows beside each attempt.
func transferHandler(secret string, store transferStore, logger *slog.Logger) http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        webhookID := r.Header.Get("X-Webhook-ID")
        event, err := mhooks.ParseEvent(r, secret)
        if errors.Is(err, mhooks.ErrInvalidSignature) {
            logger.WarnContext(r.Context(), "rejected a webhook with an invalid signature", "webhook_id", webhookID)
            w.WriteHeader(http.StatusBadRequest)
            return
        }
        if err != nil { //@{1}ERR-01
02|            logger.ErrorContext(r.Context(), "could not parse webhook", "webhook_id", webhookID, "error", err)
02|            w.WriteHeader(http.StatusInternalServerError)
1|            w.WriteHeader(http.StatusOK)
            return
        }
        if event.EventType != mhooks.EventTypeTransferUpdated {
            w.WriteHeader(http.StatusOK)
            return
        }
        got, err := event.TransferUpdated()
        if err != nil {
            logger.ErrorContext(r.Context(), "unexpected transfer payload", "webhook_id", webhookID, "error", err)
            w.WriteHeader(http.StatusInternalServerError)
            return
        }
        if err := store.UpdateStatus(r.Context(), got.TransferID, got.Status); err != nil {
01|            logger.ErrorContext(r.Context(), "updating transfer status", "webhook_id", webhookID,
01|                "transfer_id", got.TransferID, "error", err)
2|            log.Printf("updating transfer %s to %s: %v", got.TransferID, got.Status, err) //@LOG-03
            w.WriteHeader(http.StatusInternalServerError)
            return
        }
        w.WriteHeader(http.StatusOK)
    }
}
''')
cases_of(case, GH + 'moovfinancial/moov-go/pull/113', 'examples/webhooks/receiver/handler.go',
         GV('main', {0: ['context'] + MOOV_IMPORTS, 1: ['context'] + MOOV_IMPORTS,
                     2: ['context', 'errors', 'log', 'log/slog', 'net/http', '',
                         'github.com/moovfinancial/moov-go/pkg/mhooks']})(MOOV), [
             (1, 'go-00-moov-webhook-parse-failure-acknowledged',
              'a new example receiver that answers 200 without a word when a delivery cannot be parsed for any reason '
              'but its signature, so Moov never retries it and nobody learns why', 'new'),
             (2, 'go-00-moov-webhook-store-failure-logged-without-webhook-id',
              'a new example receiver that logs a failed status update through the standard logger, without the '
              'delivery\'s webhook id every other line carries', 'new'),
             (0, 'go-ok-00-moov-webhook-receiver',
              'clean: the new receiver answers 500 on parse failures and logs every line with the webhook id', 'new'),
         ])
