"""Round-107 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-02: OAuth2 token introspection of an authorization service (authorino)
AUTHORINO = template('authorino-oauth2-introspection', r'''
// OAuth2 verifies an opaque access token against the authorization server's RFC 7662 introspection endpoint. Every
// request the gateway authorizes goes through Call, so a call must give its connection back and end with the request.
type OAuth2 struct {
    auth.AuthCredentials

    TokenIntrospectionUrl string
    TokenTypeHint         string
    ClientID              string
    ClientSecret          string

    httpClient *http.Client
}

func NewOAuth2Identity(tokenIntrospectionUrl, tokenTypeHint, clientID, clientSecret string, creds auth.AuthCredentials) *OAuth2 {
    return &OAuth2{
        AuthCredentials:       creds,
        TokenIntrospectionUrl: tokenIntrospectionUrl,
        TokenTypeHint:         tokenTypeHint,
        ClientID:              clientID,
        ClientSecret:          clientSecret,
        httpClient:            &http.Client{Timeout: 15 * time.Second},
    }
}

func (oauth *OAuth2) Call(pipeline auth.AuthPipeline, ctx gocontext.Context) (interface{}, error) {
    accessToken, err := oauth.GetCredentialsFromReq(pipeline.GetHttp())
    if err != nil {
        return nil, err
    }

    form := url.Values{"token": {accessToken}, "token_type_hint": {oauth.TokenTypeHint}}
    encoded := form.Encode()
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, oauth.TokenIntrospectionUrl, strings.NewReader(encoded))
2|    req, err := http.NewRequest(http.MethodPost, oauth.TokenIntrospectionUrl, strings.NewReader(encoded)) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    req.SetBasicAuth(oauth.ClientID, oauth.ClientSecret)

    resp, err := oauth.httpClient.Do(req)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("token introspection request failed: %w", err)
    }
02|    defer resp.Body.Close()

    // a non-200 answer (bad client credentials, for one) carries no RFC 7662 "active" field
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("token introspection request failed: %s", resp.Status)
    }

    claims := make(map[string]interface{})
    if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&claims); err != nil {
        return nil, fmt.Errorf("decoding the introspection response: %w", err)
    }
    if active, _ := claims["active"].(bool); !active {
        return nil, fmt.Errorf("token is not active")
    }
    return claims, nil
}
''')
cases_of(case, GH + 'Kuadrant/authorino/pull/652', 'pkg/evaluators/identity/oauth2.go',
         G('identity', ['gocontext context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'strings', 'time', '',
                        'github.com/kuadrant/authorino/pkg/auth'])(AUTHORINO), [
             (1, 'go-00-authorino-introspection-body-left-open',
              'an edit drops the close of the introspection response body, so every authorized request leaves a '
              'connection to the authorization server out of the pool', 'edit'),
             (2, 'go-00-authorino-introspection-without-request-context',
              'an edit builds the introspection request without the pipeline\'s context, so a gateway request that '
              'is cancelled still waits on the authorization server', 'edit'),
             (0, 'go-ok-00-authorino-introspection-body-closed',
              'clean: the fix closes the introspection response body once the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: cluster registration of a security scanner (kubescape)
KUBESCAPE = template('kubescape-cluster-connector', r'''
// registrationTimeout bounds the cluster registration call: an API server that accepts the connection and never
// answers must fail the connect step instead of holding it (and its goroutine) for good.
const registrationTimeout = 30 * time.Second

var registrationClient = &http.Client{Timeout: registrationTimeout}

type registrationResponse struct {
    ClusterGUID string `json:"clusterGUID"`
    Customer    string `json:"customerGUID"`
}

// httpPostFunc registers the cluster with the backend and hands back the GUID it was given.
func httpPostFunc(ctx context.Context, apiURL string, payload []byte, headers map[string]string) (string, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, apiURL, bytes.NewReader(payload))
    if err != nil {
        return "", fmt.Errorf("building the registration request: %w", err)
    }
    for k, v := range headers {
        req.Header.Set(k, v)
    }
    req.Header.Set("Content-Type", "application/json")

02|    resp, err := registrationClient.Do(req)
1|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil {
        return "", fmt.Errorf("registering the cluster at %s: %w", apiURL, err)
    }
    defer resp.Body.Close()

    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        return "", fmt.Errorf("registering the cluster: %s: %s", resp.Status, strings.TrimSpace(string(msg)))
    }

    var registered registrationResponse
    if err := json.NewDecoder(resp.Body).Decode(&registered); err != nil { //@{2}ERR-01
01|        return "", fmt.Errorf("decoding the registration response: %w", err)
2|        return "", nil
    }
    logger.L().Debug("cluster registered", helpers.String("clusterGUID", registered.ClusterGUID))
    return registered.ClusterGUID, nil
}
''')
cases_of(case, GH + 'kubescape/kubescape/pull/2827', 'core/core/clusterconnector.go',
         G('core', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'strings', 'time', '',
                    'github.com/kubescape/go-logger', 'github.com/kubescape/go-logger/helpers'])(KUBESCAPE), [
             (1, 'go-00-kubescape-registration-on-default-client',
              'an edit posts the cluster registration through http.DefaultClient, which has no timeout, so an API '
              'server that never answers hangs the connect step', 'edit'),
             (2, 'go-00-kubescape-registration-decode-error-dropped',
              'an edit returns an empty GUID and no error when the registration response does not decode, so the '
              'caller carries on with a cluster that was never registered', 'edit'),
             (0, 'go-ok-00-kubescape-registration-client-with-timeout',
              'clean: the fix posts through the package\'s client with a registration timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: PKI certificate renewal of a Vault template renderer (consul-template)
CONSUL_TEMPLATE = template('consul-template-vault-pki', r'''
// startRenewal waits until the certificate reaches 90% of its lifetime and then asks the watcher to fetch a new one.
// The wait can last weeks, so it must end with the runner: a restarted runner must not leave sleepers behind that
// all wake up at once and flood Vault.
func (d *VaultPKIQuery) startRenewal(ctx context.Context, cert *x509.Certificate) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("[ERR] %s: renewal goroutine stopped by a panic: %v\n%s", d, r, debug.Stack())
01|            }
01|        }()
        if err := d.waitForRenewal(ctx, cert); err != nil {
            log.Printf("[TRACE] %s: renewal wait ended: %v", d, err)
            return
        }
        select {
        case d.renewCh <- struct{}{}:
        case <-ctx.Done():
        }
    }()
}

func (d *VaultPKIQuery) waitForRenewal(ctx context.Context, cert *x509.Certificate) error {
    lifetime := cert.NotAfter.Sub(cert.NotBefore)
    wait := time.Until(cert.NotBefore.Add(lifetime * 9 / 10))
    if wait <= 0 {
        return nil
    }
    log.Printf("[TRACE] %s: certificate renewal due in %s", d, wait)
02|    timer := time.NewTimer(wait)
02|    defer timer.Stop()
02|    select {
02|    case <-timer.C:
02|        return nil
02|    case <-ctx.Done():
02|        return ctx.Err()
02|    }
1|    time.Sleep(wait) //@TMO-02
1|    return nil
}
''')
cases_of(case, GH + 'hashicorp/consul-template/pull/2148', 'dependency/vault_pki_renewal.go',
         GV('dependency', {0: ['context', 'crypto/x509', 'log', 'runtime/debug', 'time'],
                           1: ['context', 'crypto/x509', 'log', 'runtime/debug', 'time'],
                           2: ['context', 'crypto/x509', 'log', 'time']})(CONSUL_TEMPLATE), [
             (1, 'go-00-consul-template-renewal-sleep-ignores-context',
              'an edit sleeps until the renewal is due instead of waiting on the runner\'s context, so every stopped '
              'runner leaves a goroutine sleeping for weeks that then fetches from Vault', 'edit'),
             (2, 'go-00-consul-template-renewal-goroutine-without-recover',
              'an edit drops the recover of the renewal goroutine, so a panic while waiting for renewal takes the '
              'whole agent down', 'edit'),
             (0, 'go-ok-00-consul-template-renewal-wait-cancelable',
              'clean: the fix waits on a timer or the runner\'s context, whichever comes first', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: GitHub API client of a security query engine's provider (mql), new file
MQL = template('mql-github-http-client', r'''
// attemptTimeout bounds one HTTP attempt end to end (dial, TLS, headers and body). GitHub API answers are bounded
// JSON documents; a connection that stops answering must fail the attempt, not wedge the whole scan.
const attemptTimeout = 5 * time.Minute

// newHTTPClient builds the client the provider keeps for the connection's lifetime: retries with back-off for 5xx
// and rate limits, a timeout on every attempt.
func newHTTPClient(token string, log zerolog.Logger) *http.Client {
    base := &http.Client{ //@{1}TMO-01
02|        Timeout: attemptTimeout,
        Transport: &oauth2.Transport{
            Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token}),
            Base:   http.DefaultTransport,
        },
    }
    retrying := retryablehttp.NewClient()
    retrying.HTTPClient = base
    retrying.RetryMax = 5
    retrying.Logger = nil
    retrying.Backoff = func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
        wait := retryablehttp.DefaultBackoff(min, max, attempt, resp)
        if resp != nil && resp.StatusCode == http.StatusForbidden {
            log.Warn().Dur("wait", wait).Int("attempt", attempt).Msg("github rate limit reached, waiting for reset")
        }
        return wait
    }
    return retrying.StandardClient()
}

type GithubConnection struct {
    token  string
    log    zerolog.Logger
    client *github.Client
}

func NewGithubConnection(token string, log zerolog.Logger) *GithubConnection {
    return &GithubConnection{token: token, log: log, client: github.NewClient(newHTTPClient(token, log))}
}

// Client hands out the connection's one API client; every resource of a scan shares its pool and its rate limit.
func (c *GithubConnection) Client() *github.Client {
01|    return c.client
2|    return github.NewClient(newHTTPClient(c.token, c.log)) //@RES-04
}
''')
cases_of(case, GH + 'mondoohq/mql/pull/10561', 'providers/github/connection/http_client.go',
         G('connection', ['net/http', 'time', '', 'github.com/google/go-github/v62/github',
                          'github.com/hashicorp/go-retryablehttp', 'github.com/rs/zerolog', 'golang.org/x/oauth2'])(MQL), [
             (1, 'go-00-mql-github-client-without-timeout',
              'a new file builds the GitHub provider\'s HTTP client without a timeout on its attempts, so one '
              'connection that stops answering wedges the scan until the job is killed', 'new'),
             (2, 'go-00-mql-github-client-per-call',
              'a new file builds a new GitHub API client and HTTP pool on every Client call, so each resource of a '
              'scan opens its own connections and loses the shared rate-limit state', 'new'),
             (0, 'go-ok-00-mql-github-http-client',
              'clean: one client per connection, with a timeout on every attempt', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: dynamic database credentials of a Vault sample app (hello-vault-go)
HELLO_VAULT = template('hello-vault-database-reconnect', r'''
// reconnect opens a pool with freshly issued database credentials and swaps it in. Handlers take the pool under the
// mutex; the previous pool belongs to revoked credentials and is closed once it is swapped out.
func (db *Database) reconnect(ctx context.Context, credentials DatabaseCredentials) error {
    log.Printf("connecting to %q database @ %s:%s with username %q",
        db.parameters.name, db.parameters.hostname, db.parameters.port, credentials.Username)

    connectionString := fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=%s sslmode=disable",
        db.parameters.hostname, db.parameters.port, credentials.Username, credentials.Password, db.parameters.name)

    connection, err := sql.Open("postgres", connectionString)
    if err != nil {
        return fmt.Errorf("unable to open database connection: %w", err)
    }
    if err := connection.PingContext(ctx); err != nil {
        if closeErr := connection.Close(); closeErr != nil {
            log.Printf("closing the unusable connection pool: %v", closeErr)
        }
        return fmt.Errorf("unable to ping the database: %w", err)
    }

01|    db.connectionMutex.Lock()
02|    old := db.connection
    db.connection = connection //@{1}RES-01 //@{2}CONC-03
01|    db.connectionMutex.Unlock()

02|    if old != nil {
02|        if err := old.Close(); err != nil {
02|            log.Printf("closing the previous connection pool: %v", err)
02|        }
02|    }
    log.Printf("connected to %q database with username %q", db.parameters.name, credentials.Username)
    return nil
}

// GetProducts reads the product list through the current pool.
func (db *Database) GetProducts(ctx context.Context) ([]Product, error) {
    db.connectionMutex.Lock()
    connection := db.connection
    db.connectionMutex.Unlock()

    rows, err := connection.QueryContext(ctx, `SELECT id, name FROM products ORDER BY id`)
    if err != nil {
        return nil, fmt.Errorf("querying products: %w", err)
    }
    defer rows.Close()

    var products []Product
    for rows.Next() {
        var p Product
        if err := rows.Scan(&p.ID, &p.Name); err != nil {
            return nil, fmt.Errorf("scanning a product: %w", err)
        }
        products = append(products, p)
    }
    return products, rows.Err()
}
''')
cases_of(case, GH + 'hashicorp/hello-vault-go/pull/27', 'sample-app/database.go',
         G('main', ['context', 'database/sql', 'fmt', 'log', '', '_ github.com/lib/pq'])(HELLO_VAULT), [
             (1, 'go-00-hello-vault-reconnect-leaves-old-pool-open',
              'an edit swaps in the new connection pool without closing the previous one, so every credential '
              'renewal leaves a pool of connections under revoked credentials open', 'edit'),
             (2, 'go-00-hello-vault-reconnect-swaps-pool-without-lock',
              'an edit swaps the connection pool without the mutex the handlers read it under, so a request racing '
              'a renewal reads a half-written pool pointer', 'edit'),
             (0, 'go-ok-00-hello-vault-reconnect-closes-old-pool',
              'clean: the fix closes the previous pool after swapping the new one in under the mutex', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: WireGuard TUN device of a proxy platform (Xray-core)
XRAY = template('xray-wireguard-tun', r'''
// deviceNet is the user-space WireGuard device of one inbound or outbound. Close is called by the handler on config
// errors and again by the instance on shutdown, possibly from another goroutine; the second call must be a no-op,
// not a double close of the device's channels.
type deviceNet struct {
    tunnel
    dialer net.Dialer

    device *device.Device
    tun    tun.Device

02|    mu     sync.Mutex
    closed bool
}

func createKernelTun(name string, mtu int) (*deviceNet, error) {
    tunDev, err := tun.CreateTUN(name, mtu)
    if err != nil {
        return nil, newError("failed to create the TUN device ", name).Base(err)
    }
    return &deviceNet{tun: tunDev}, nil
}

func (d *deviceNet) BuildDevice(ipc string, bind conn.Bind) error {
    d.device = device.NewDevice(d.tun, bind, device.NewLogger(device.LogLevelError, "wireguard: "))
    if err := d.device.IpcSet(ipc); err != nil {
        d.release()
        return newError("failed to configure the WireGuard device").Base(err)
    }
01|    if err := d.device.Up(); err != nil {
01|        d.release()
01|        return newError("failed to bring up the WireGuard device").Base(err)
01|    }
2|    d.device.Up() //@ERR-01
    return nil
}

func (d *deviceNet) Close() error {
    d.release()
    return nil
}

func (d *deviceNet) release() {
02|    d.mu.Lock()
02|    defer d.mu.Unlock()
    if d.closed { //@{1}CONC-03
        return
    }
    d.closed = true
    if d.device != nil {
        d.device.Close()
    }
}
''')
cases_of(case, GH + 'XTLS/Xray-core/pull/4566', 'proxy/wireguard/tun.go',
         GV('wireguard', {0: ['net', 'sync', '', 'golang.zx2c4.com/wireguard/conn', 'golang.zx2c4.com/wireguard/device',
                              'golang.zx2c4.com/wireguard/tun'],
                          1: ['net', '', 'golang.zx2c4.com/wireguard/conn', 'golang.zx2c4.com/wireguard/device',
                              'golang.zx2c4.com/wireguard/tun'],
                          2: ['net', 'sync', '', 'golang.zx2c4.com/wireguard/conn', 'golang.zx2c4.com/wireguard/device',
                              'golang.zx2c4.com/wireguard/tun']})(XRAY), [
             (1, 'go-00-xray-wireguard-close-without-lock',
              'an edit drops the mutex around the device\'s closed flag, so two closes racing from the handler and '
              'the instance both pass the check and close the device twice', 'edit'),
             (2, 'go-00-xray-wireguard-up-error-ignored',
              'an edit ignores the error of bringing the WireGuard device up, so a device that never came up is '
              'handed to the proxy as working', 'edit'),
             (0, 'go-ok-00-xray-wireguard-close-under-lock',
              'clean: the fix checks and sets the closed flag under the device\'s mutex', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-03: secret store token renewal of an IoT platform's secrets module (go-mod-secrets), renamed file
EDGEX = template('edgex-token-renewal', r'''
// Start renews the secret store token every half of its TTL until ctx ends. A failed renewal is logged and tried
// again at the next tick: one bad attempt must not leave the token to expire.
func (r *TokenRenewer) Start(ctx context.Context, wg *sync.WaitGroup) {
    wg.Add(1)
    go func() {
        defer wg.Done()
        defer func() {
            if rec := recover(); rec != nil {
                r.lc.Errorf("token renewal stopped by a panic: %v", rec)
            }
        }()
        ticker := time.NewTicker(r.interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                r.lc.Info("token renewal stopped")
                return
            case <-ticker.C:
01|                attemptCtx, cancel := context.WithTimeout(ctx, r.attemptTimeout)
2|                attemptCtx, _ := context.WithTimeout(ctx, r.attemptTimeout) //@TMO-03
                err := r.client.RenewSelf(attemptCtx, r.token)
01|                cancel()
                if err != nil {
02|                    r.lc.Errorf("renewing the secret store token failed, trying again in %s: %v", r.interval, err)
02|                    continue
1|                    r.lc.Errorf("renewing the secret store token failed: %v", err)
1|                    return //@CONC-07
                }
                r.lc.Debugf("secret store token renewed, next renewal in %s", r.interval)
            }
        }
    }()
}
''')
cases_of(case, GH + 'edgexfoundry/go-mod-secrets/issues/34', 'pkg/token/renewer.go',
         G('token', ['context', 'sync', 'time'])(EDGEX), [
             (1, 'go-00-edgex-renamed-renewal-stops-after-failure',
              'a renamed file ends the renewal loop after one failed renewal, so a single secret store blip leaves '
              'the token to expire with the service still running', 'rename'),
             (2, 'go-00-edgex-renamed-renewal-cancel-discarded',
              'a renamed file discards the cancel of each renewal attempt\'s timeout context, so every tick leaves a '
              'timer and a context behind until the timeout fires', 'rename'),
             (0, 'go-ok-00-edgex-renamed-token-renewer',
              'clean: the move alone; the loop keeps renewing after a failure and cancels each attempt', 'rename'),
         ], rename_from='pkg/token/renew.go')


# ---------------------------------------------------------------- RES-01 / LOG-01: TCP proxy session (go-tcp-proxy)
TCPPROXY = template('tcp-proxy-session', r'''
// Start dials the remote end and pipes both directions until either side fails. Both connections are closed when
// the session ends, whatever ended it.
func (p *Proxy) Start() {
    defer p.lconn.Close()

    var err error
    p.rconn, err = net.DialTCP("tcp", nil, p.raddr)
    if err != nil {
        p.Log.Warn("Remote connection failed: %s", err) //@{1}RES-01
        return
    }
02|    defer p.rconn.Close()

    p.Log.Info("Opened %s >>> %s", p.laddr.String(), p.raddr.String())

    go p.pipe(p.lconn, p.rconn)
    go p.pipe(p.rconn, p.lconn)

    err = <-p.errsig
    p.Log.Info("Closed (%d bytes sent, %d bytes received): %v",
        atomic.LoadUint64(&p.sentBytes), atomic.LoadUint64(&p.receivedBytes), err)
}

func (p *Proxy) pipe(src, dst io.ReadWriter) {
    islocal := src == p.lconn
    buff := make([]byte, 0xffff)
    for {
        n, err := src.Read(buff)
        if err != nil {
            p.err("Read failed '%s'\n", err)
            return
        }
        b := buff[:n]
2|        p.Log.Info("%s %d bytes", direction(islocal), n) //@LOG-01
        n, err = dst.Write(b)
        if err != nil {
            p.err("Write failed '%s'\n", err)
            return
        }
        if islocal {
            atomic.AddUint64(&p.sentBytes, uint64(n))
        } else {
            atomic.AddUint64(&p.receivedBytes, uint64(n))
        }
    }
}

// err reports the first failure of the session; the other direction's failure is dropped, not blocked on.
func (p *Proxy) err(s string, err error) {
    p.errOnce.Do(func() {
        if err != io.EOF {
            p.Log.Warn(s, err)
        }
        p.errsig <- err
    })
}
''')
cases_of(case, GH + 'jpillora/go-tcp-proxy/pull/6', 'proxy.go',
         G('proxy', ['io', 'net', 'sync/atomic'])(TCPPROXY), [
             (1, 'go-00-tcp-proxy-remote-connection-left-open',
              'an edit drops the close of the remote connection, so every finished session keeps its socket to the '
              'remote end open', 'edit'),
             (2, 'go-00-tcp-proxy-logs-every-chunk',
              'an edit logs every chunk either direction copies at info, so a busy tunnel writes a log line per read', 'edit'),
             (0, 'go-ok-00-tcp-proxy-remote-connection-closed',
              'clean: the fix closes the remote connection when the session ends', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: user auth-state revocation of an OAuth2/OIDC server (goiabada), CRLF file
GOIABADA = template('goiabada-revoke-auth-state', r'''
// RevokeUserAuthState bumps the user's auth-state generation and revokes every refresh token and session outside
// the preserved one, in one transaction: a half-applied revocation would leave tokens alive after a password change.
func (d *MySQLDatabase) RevokeUserAuthState(ctx context.Context, userID int64, preservedSessionID int64) error {
    tx, err := d.DB.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin revocation transaction: %w", err)
    }
02|    defer func() {
02|        if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
02|            slog.Error("rolling back the revocation transaction", "user_id", userID, "error", rbErr)
02|        }
02|    }()

    if _, err := tx.ExecContext(ctx,
        `UPDATE users SET auth_state_generation = auth_state_generation + 1 WHERE id = ?`, userID); err != nil {
        return fmt.Errorf("bump auth state generation of user %d: %w", userID, err)
    }
    if _, err := tx.ExecContext(ctx,
        `UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ? AND user_session_id <> ?`,
        userID, preservedSessionID); err != nil {
        return fmt.Errorf("revoke refresh tokens of user %d: %w", userID, err)
    }
    if _, err := tx.ExecContext(ctx,
        `DELETE FROM user_sessions WHERE user_id = ? AND id <> ?`, userID, preservedSessionID); err != nil {
        return fmt.Errorf("delete sessions of user %d: %w", userID, err)
    }

01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("commit revocation of user %d: %w", userID, err)
01|    }
2|    tx.Commit() //@TX-02
    slog.Info("user auth state revoked", "user_id", userID, "preserved_session_id", preservedSessionID)
    return nil
}
''')
cases_of(case, GH + 'leodip/goiabada/issues/131', 'src/core/data/mysqldb/revocation.go',
         G('mysqldb', ['context', 'database/sql', 'errors', 'fmt', 'log/slog'])(GOIABADA), [
             (1, 'go-00-goiabada-revocation-transaction-left-open',
              'an edit drops the deferred rollback of the revocation transaction, so a failed statement returns '
              'with the transaction and its connection still open', 'edit'),
             (2, 'go-00-goiabada-revocation-commit-unchecked',
              'an edit ignores the error of committing the revocation, so a password change reports success while '
              'the old refresh tokens stay valid', 'edit'),
             (0, 'go-ok-00-goiabada-revocation-transaction-rolled-back',
              'clean: the fix rolls the revocation transaction back on every early return', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-02: gost API fetch of a vulnerability scanner (vuls), with a test
VULS = template('vuls-gost-http-get', r'''
// httpGet fetches one gost API URL with exponential back-off. Both limits come from the detector's config: each
// attempt has its own timeout and the retries stop after the total, so a stalled gost server fails the report
// instead of hanging it.
func httpGet(url string, timeouts config.Timeouts) ([]byte, error) {
02|    client := &http.Client{Timeout: timeouts.PerRequest}
1|    client := &http.Client{} //@TMO-01
    var body []byte
    f := func() error {
        resp, err := client.Get(url)
        if err != nil { //@{2}RES-02
            return xerrors.Errorf("HTTP GET error, url: %s, err: %w", url, err)
        }
01|        defer resp.Body.Close()
        if resp.StatusCode != http.StatusOK {
            return xerrors.Errorf("HTTP GET error, url: %s, status: %s", url, resp.Status)
        }
        b, err := io.ReadAll(resp.Body)
        if err != nil {
            return xerrors.Errorf("reading the response of %s: %w", url, err)
        }
        body = b
        return nil
    }
    notify := func(err error, t time.Duration) {
        logging.Log.Warnf("Failed to HTTP GET. retrying in %s. err: %+v", t, err)
    }
    b := backoff.NewExponentialBackOff()
    b.MaxElapsedTime = timeouts.Total
    if err := backoff.RetryNotify(f, b, notify); err != nil {
        return nil, xerrors.Errorf("HTTP GET error, url: %s: %w", url, err)
    }
    return body, nil
}
''')
VULS_TEST = f('gost/util_test.go', new=go('gost', ['net/http', 'net/http/httptest', 'testing', 'time', '',
                                                  'github.com/future-architect/vuls/config'], r'''
func TestHTTPGetGivesUpOnStalledServer(t *testing.T) {
    release := make(chan struct{})
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        select {
        case <-release:
        case <-r.Context().Done():
        }
    }))
    defer srv.Close()
    defer close(release)

    start := time.Now()
    _, err := httpGet(srv.URL, config.Timeouts{PerRequest: 50 * time.Millisecond, Total: 300 * time.Millisecond})
    if err == nil {
        t.Fatal("expected an error from a server that never answers")
    }
    if elapsed := time.Since(start); elapsed > 5*time.Second {
        t.Fatalf("httpGet took %s against a stalled server", elapsed)
    }
}
'''))
cases_of(case, GH + 'future-architect/vuls/pull/2185', 'gost/util.go',
         G('gost', ['io', 'net/http', 'time', '', 'github.com/cenkalti/backoff', 'golang.org/x/xerrors', '',
                    'github.com/future-architect/vuls/config', 'github.com/future-architect/vuls/logging'])(VULS), [
             (1, 'go-00-vuls-gost-client-without-timeout',
              'an edit builds the gost fetch\'s HTTP client without the configured per-request timeout, so one '
              'stalled attempt holds the report for good', 'edit', [VULS_TEST]),
             (2, 'go-00-vuls-gost-body-left-open',
              'an edit drops the close of the gost response body, so every attempt, retried or not, keeps its '
              'connection out of the pool', 'edit', [VULS_TEST]),
             (0, 'go-ok-00-vuls-gost-client-with-timeout',
              'clean: the fix gives the gost client the configured per-request timeout', 'fix', [VULS_TEST]),
         ])
