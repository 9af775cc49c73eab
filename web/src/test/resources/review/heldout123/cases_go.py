"""Round-123 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: OpenShift provider of an OAuth proxy (oauth-proxy)
OSPROVIDER = template('oauth-proxy-openshift-provider', r'''
// OpenShiftProvider redeems codes at the OpenShift OAuth server and reviews the user behind a token at the API
// server. Both sit on the login path of every protected route, so their HTTP calls must give up in bounded time.
type OpenShiftProvider struct {
    *providers.ProviderData

    ReviewURL *url.URL
    client    *http.Client
}

// New returns a provider whose calls to the OAuth server and the API server give up after one minute.
func New() *OpenShiftProvider {
    p := &OpenShiftProvider{ProviderData: &providers.ProviderData{ProviderName: "OpenShift"}}
02|    p.client = &http.Client{
02|        Timeout:   time.Minute,
02|        Transport: newTransport(),
02|    }
1|    p.client = &http.Client{Transport: newTransport()} //@TMO-01
    return p
}

func newTransport() *http.Transport {
    return &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        TLSHandshakeTimeout: 10 * time.Second,
        MaxIdleConnsPerHost: 10,
    }
}

// GetUserName asks the API server who owns the session's access token.
func (p *OpenShiftProvider) GetUserName(ctx context.Context, s *sessions.SessionState) (string, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.ValidateURL.String(), nil)
    if err != nil {
        return "", err
    }
    req.Header.Set("Authorization", "Bearer "+s.AccessToken)

    resp, err := p.client.Do(req)
    if err != nil { //@{2}RES-02
        return "", fmt.Errorf("requesting the user of the token: %w", err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("user request returned status %d", resp.StatusCode)
    }

    var user struct {
        Metadata struct {
            Name string `json:"name"`
        } `json:"metadata"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&user); err != nil {
        return "", fmt.Errorf("decoding the user of the token: %w", err)
    }
    return user.Metadata.Name, nil
}
''')
cases_of(case, GH + 'openshift/oauth-proxy/pull/162', 'providers/openshift/provider.go',
         G('openshift', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'time', '',
                         'github.com/openshift/oauth-proxy/providers', 'github.com/openshift/oauth-proxy/sessions'])(OSPROVIDER), [
             (1, 'go-00-oauth-proxy-openshift-client-without-timeout',
              'an edit builds the OpenShift provider\'s HTTP client without a timeout, so an OAuth server that stops '
              'answering parks every login goroutine', 'edit'),
             (2, 'go-00-oauth-proxy-openshift-user-response-left-open',
              'an edit drops the close of the user review response, so each login leaks a connection of the API '
              'client', 'edit'),
             (0, 'go-ok-00-oauth-proxy-openshift-client-with-timeout',
              'clean: the fix bounds the provider\'s client with a one-minute timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: cached enforcer of a policy engine (casbin), CRLF file
CASBINCACHE = template('casbin-cached-enforcer', r'''
// CachedEnforcer wraps Enforcer and memorises the decision of each request. Enforce is called from every request
// goroutine of the server that embeds it, so the decision map is guarded by a read-write lock.
type CachedEnforcer struct {
    *Enforcer
    m           map[string]bool
    enableCache int32
02|    locker      *sync.RWMutex
}

// NewCachedEnforcer creates a cached enforcer from a model and a policy adapter.
func NewCachedEnforcer(params ...interface{}) (*CachedEnforcer, error) {
    e := &CachedEnforcer{m: make(map[string]bool)}
    var err error
    e.Enforcer, err = NewEnforcer(params...)
    if err != nil {
        return nil, err
    }
    e.enableCache = 1
02|    e.locker = new(sync.RWMutex)
    return e, nil
}

// Enforce decides whether a subject may access an object with an action, from the cache when it can.
func (e *CachedEnforcer) Enforce(rvals ...interface{}) (bool, error) {
    if atomic.LoadInt32(&e.enableCache) == 0 {
        return e.Enforcer.Enforce(rvals...)
    }
    key, ok := getKey(rvals...)
    if !ok {
        return e.Enforcer.Enforce(rvals...)
    }
    if res, found := e.getCachedResult(key); found {
        return res, nil
    }

    res, err := e.Enforcer.Enforce(rvals...)
    if err != nil { //@{2}ERR-01
01|        return false, err
2|        return false, nil
    }
    e.setCachedResult(key, res)
    return res, nil
}

func (e *CachedEnforcer) getCachedResult(key string) (bool, bool) {
02|    e.locker.RLock()
02|    defer e.locker.RUnlock()
    res, found := e.m[key]
    return res, found
}

func (e *CachedEnforcer) setCachedResult(key string, res bool) {
02|    e.locker.Lock()
02|    defer e.locker.Unlock()
    e.m[key] = res //@{1}CONC-03
}

// InvalidateCache drops every memorised decision, after a policy change.
func (e *CachedEnforcer) InvalidateCache() {
02|    e.locker.Lock()
02|    defer e.locker.Unlock()
    e.m = make(map[string]bool)
}

func getKey(params ...interface{}) (string, bool) {
    var key strings.Builder
    for _, param := range params {
        s, ok := param.(string)
        if !ok {
            return "", false
        }
        key.WriteString(s)
        key.WriteString("$$")
    }
    return key.String(), true
}
''')
_CB = ['strings', 'sync', 'sync/atomic']
cases_of(case, GH + 'apache/casbin/pull/672', 'enforcer_cached.go',
         GV('casbin', {0: _CB, 1: ['strings', 'sync/atomic'], 2: _CB})(CASBINCACHE), [
             (1, 'go-00-casbin-cached-decisions-written-unlocked',
              'an edit drops the lock of the cached enforcer, so request goroutines read and write the decision map '
              'at once', 'edit'),
             (2, 'go-00-casbin-cached-enforce-error-dropped',
              'an edit turns a failed policy evaluation into a plain deny, hiding the error from the caller', 'edit'),
             (0, 'go-ok-00-casbin-cached-decisions-locked',
              'clean: the fix guards the decision map with a read-write lock', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-02: vulnerability database of a scanner's command (grype)
GRYPERUN = template('grype-run-db-close', r'''
func runGrype(app clio.Application, opts *options.Grype, userInput string) error {
    writer, err := format.MakeScanResultWriter(opts.Outputs, opts.File, format.PresentationConfig{
        TemplateFilePath: opts.OutputTemplateFile,
        ShowSuppressed:   opts.ShowSuppressed,
    })
    if err != nil {
        return err
    }

    store, status, err := grype.LoadVulnerabilityDB(opts.ToClientConfig(), opts.ToCuratorConfig(), opts.DB.AutoUpdate)
    if err != nil {
        return fmt.Errorf("failed to load vulnerability db: %w", err)
    }
02|    defer log.CloseAndLogError(store, status.Path)

    if err := validateDBLoad(status); err != nil { //@{1}RES-01
        return err
    }
1|    defer store.Close()

    packages, pkgContext, sbom, err := pkg.Provide(userInput, getProviderConfig(opts))
    if err != nil {
        return fmt.Errorf("failed to catalog: %w", err)
    }
01|    log.Debugf("gathered %d packages from %s", len(packages), userInput)
2|    log.Debug(fmt.Sprintf("gathered %d packages from %s", len(packages), userInput)) //@LOG-02

    matcher := grype.VulnerabilityMatcher{
        Store:          *store,
        IgnoreRules:    opts.Ignore,
        NormalizeByCVE: opts.ByCVE,
        Matchers:       getMatchers(opts),
    }
    remaining, ignored, err := matcher.FindMatches(packages, pkgContext)
    if err != nil {
        return fmt.Errorf("failed to match vulnerabilities: %w", err)
    }

    return writer.Write(models.PresenterConfig{
        ID:               app.ID(),
        Matches:          *remaining,
        IgnoredMatches:   ignored,
        Packages:         packages,
        Context:          pkgContext,
        MetadataProvider: store,
        SBOM:             sbom,
        AppConfig:        opts,
        DBStatus:         status,
    })
}
''')
cases_of(case, GH + 'anchore/grype/pull/2797', 'cmd/grype/cli/commands/root.go',
         G('commands', ['fmt', '', 'github.com/anchore/clio', 'github.com/anchore/grype/cmd/grype/cli/options',
                        'github.com/anchore/grype/grype', 'github.com/anchore/grype/grype/pkg',
                        'github.com/anchore/grype/grype/presenter/models', 'github.com/anchore/grype/internal/format',
                        'github.com/anchore/grype/internal/log'])(GRYPERUN), [
             (1, 'go-00-grype-db-closed-after-validation-only',
              'an edit defers the close of the vulnerability database only after its status is validated, so a '
              'failed validation returns with the database open', 'edit'),
             (2, 'go-00-grype-package-count-logged-formatted',
              'an edit formats the debug line of the gathered packages with fmt.Sprintf before the level is checked',
              'edit'),
             (0, 'go-ok-00-grype-db-closed-on-every-path',
              'clean: the fix defers the close right after the database is loaded', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: LDAP authentication of a Kubernetes IAM service (kubi), renamed file
KUBILDAP = template('kubi-ldap-auth', r'''
// Authenticate binds to the directory as the user to check the password, then reads the user's groups with the
// same connection. Every login opens one connection, which is closed before the function returns.
func (c *Client) Authenticate(username, password string) (*types.User, error) {
    userDN, err := c.findUserDN(username)
    if err != nil {
        return nil, err
    }

    conn, err := c.dial()
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("connecting to ldap: %w", err)
    }
02|    defer conn.Close()

    if err := conn.Bind(userDN, password); err != nil {
        return nil, fmt.Errorf("binding as %s: %w", userDN, err)
    }
    groups, err := c.groupsOf(conn, userDN)
    if err != nil {
        return nil, err
    }
    return &types.User{Username: username, UserDN: userDN, Groups: groups}, nil
}

func (c *Client) dial() (*ldap.Conn, error) {
    addr := net.JoinHostPort(c.cfg.Host, strconv.Itoa(c.cfg.Port))
01|    dialer := &net.Dialer{Timeout: c.cfg.DialTimeout}
01|    conn, err := ldap.DialURL("ldaps://"+addr, ldap.DialWithDialer(dialer), ldap.DialWithTLSConfig(c.tlsConfig))
2|    conn, err := ldap.DialURL("ldaps://"+addr, ldap.DialWithTLSConfig(c.tlsConfig)) //@TMO-01
    if err != nil {
        return nil, err
    }
01|    conn.SetTimeout(c.cfg.RequestTimeout)
    return conn, nil
}

func (c *Client) groupsOf(conn *ldap.Conn, userDN string) ([]string, error) {
    req := ldap.NewSearchRequest(c.cfg.GroupBase, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
        fmt.Sprintf("(&(objectClass=groupOfNames)(member=%s))", ldap.EscapeFilter(userDN)), []string{"cn"}, nil)
    res, err := conn.Search(req)
    if err != nil {
        return nil, fmt.Errorf("searching groups of %s: %w", userDN, err)
    }
    groups := make([]string, 0, len(res.Entries))
    for _, entry := range res.Entries {
        groups = append(groups, entry.GetAttributeValue("cn"))
    }
    return groups, nil
}
''')
cases_of(case, GH + 'ca-gip/kubi/pull/82', 'internal/ldap/ldap.go',
         G('ldap', ['fmt', 'net', 'strconv', '', 'github.com/ca-gip/kubi/pkg/types', 'github.com/go-ldap/ldap/v3'])(KUBILDAP), [
             (1, 'go-00-kubi-renamed-ldap-auth-conn-left-open',
              'the move also drops the close of the login connection, so every login leaves a socket to the '
              'directory open', 'rename'),
             (2, 'go-00-kubi-renamed-ldap-dial-without-timeout',
              'the move also dials the directory without a dial or request timeout, so a directory that stops '
              'answering hangs every login', 'rename'),
             (0, 'go-ok-00-kubi-renamed-ldap-auth-conn-closed',
              'clean: the move alone; each login closes its connection and the dial is bounded', 'rename'),
         ], rename_from='pkg/ldap/ldap.go')


# ---------------------------------------------------------------- TMO-03 / RES-02: bundle downloader of a policy engine (opa)
OPADOWNLOAD = template('opa-bundle-download', r'''
// download fetches the bundle once. The whole body is read before the function returns, because the deferred
// cancel of the request context ends the transfer as soon as it does.
func (d *Downloader) download(ctx context.Context, m metrics.Metrics) (*downloaderResponse, error) {
    d.logger.Debug("Download starting.")

01|    reqCtx, cancel := context.WithTimeout(ctx, d.timeout)
01|    defer cancel()
2|    reqCtx, _ := context.WithTimeout(ctx, d.timeout) //@TMO-03

    m.Timer(metrics.BundleRequest).Start()
    resp, err := d.client.WithHeaders(d.headers()).Do(reqCtx, http.MethodGet, d.path)
    m.Timer(metrics.BundleRequest).Stop()
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("request failed: %w", err)
    }
02|    defer util.Close(resp)

    switch resp.StatusCode {
    case http.StatusOK:
        body, err := io.ReadAll(io.LimitReader(resp.Body, d.maxSize))
        if err != nil {
            return nil, fmt.Errorf("bundle read failed: %w", err)
        }
        return &downloaderResponse{raw: body, etag: resp.Header.Get("ETag"), longPoll: d.longPolling(resp)}, nil
    case http.StatusNotModified:
        return &downloaderResponse{etag: resp.Header.Get("ETag"), longPoll: d.longPolling(resp)}, nil
    case http.StatusNotFound:
        return nil, fmt.Errorf("server replied with not found")
    default:
        return nil, HTTPError{StatusCode: resp.StatusCode}
    }
}
''')
cases_of(case, GH + 'open-policy-agent/opa/pull/2653', 'download/download.go',
         G('download', ['context', 'fmt', 'io', 'net/http', '', 'github.com/open-policy-agent/opa/metrics',
                        'github.com/open-policy-agent/opa/util'])(OPADOWNLOAD), [
             (1, 'go-00-opa-bundle-response-left-open',
              'an edit drops the close of the bundle response, so every poll of the bundle server leaks a '
              'connection', 'edit'),
             (2, 'go-00-opa-bundle-request-cancel-discarded',
              'an edit discards the cancel of the bundle request\'s timeout so the body can be read later, leaving '
              'the timer and context of every download behind', 'edit'),
             (0, 'go-ok-00-opa-bundle-response-closed',
              'clean: the fix closes the response and reads the body before the request context ends', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: OIDC provider of a Talos login server (talosctl-oidc), new file
TALOSOIDC = template('talosctl-oidc-provider', r'''
// Provider holds the issuer's verifier and the OAuth2 configuration of the login flow. Discovery and every later
// call to the issuer go through one HTTP client with timeouts, so a slow or hostile issuer cannot hold the
// server's goroutines and file descriptors.
type Provider struct {
    verifier *oidc.IDTokenVerifier
    config   oauth2.Config
    client   *http.Client
}

// NewProvider discovers the issuer's endpoints.
func NewProvider(ctx context.Context, cfg Config) (*Provider, error) {
02|    client := &http.Client{
02|        Timeout: 10 * time.Second,
02|        Transport: &http.Transport{
02|            TLSHandshakeTimeout:   5 * time.Second,
02|            ResponseHeaderTimeout: 5 * time.Second,
02|        },
02|    }
1|    client := http.DefaultClient //@TMO-01
    provider, err := oidc.NewProvider(oidc.ClientContext(ctx, client), cfg.IssuerURL)
    if err != nil {
        return nil, fmt.Errorf("discovering issuer %s: %w", cfg.IssuerURL, err)
    }
    return &Provider{
        verifier: provider.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
        config: oauth2.Config{
            ClientID:     cfg.ClientID,
            ClientSecret: cfg.ClientSecret,
            Endpoint:     provider.Endpoint(),
            RedirectURL:  cfg.RedirectURL,
            Scopes:       []string{oidc.ScopeOpenID, "email", "groups"},
        },
        client: client,
    }, nil
}

// Exchange redeems the authorization code of a login callback and verifies the ID token it returns. The
// callback's context bounds both calls: a client that goes away stops them.
func (p *Provider) Exchange(ctx context.Context, code, verifier string) (*oidc.IDToken, error) {
01|    ctx = oidc.ClientContext(ctx, p.client)
2|    ctx = oidc.ClientContext(context.Background(), p.client) //@TMO-02
    token, err := p.config.Exchange(ctx, code, oauth2.VerifierOption(verifier))
    if err != nil {
        return nil, fmt.Errorf("exchanging the authorization code: %w", err)
    }
    rawID, ok := token.Extra("id_token").(string)
    if !ok {
        return nil, fmt.Errorf("token response has no id_token")
    }
    return p.verifier.Verify(ctx, rawID)
}
''')
cases_of(case, GH + 'qjoly/talosctl-oidc/issues/29', 'pkg/oidc/provider.go',
         GV('oidc', {0: ['context', 'fmt', 'net/http', 'time', '', 'github.com/coreos/go-oidc/v3/oidc',
                         'golang.org/x/oauth2'],
                     1: ['context', 'fmt', 'net/http', '', 'github.com/coreos/go-oidc/v3/oidc', 'golang.org/x/oauth2'],
                     2: ['context', 'fmt', 'net/http', 'time', '', 'github.com/coreos/go-oidc/v3/oidc',
                         'golang.org/x/oauth2']})(TALOSOIDC), [
             (1, 'go-00-talosctl-oidc-new-provider-default-client',
              'a new OIDC provider talks to the issuer through http.DefaultClient, which has no timeout', 'new'),
             (2, 'go-00-talosctl-oidc-new-exchange-background-context',
              'a new OIDC provider redeems the code on a background context, so a login whose client went away '
              'still waits for the issuer', 'new'),
             (0, 'go-ok-00-talosctl-oidc-new-provider-bounded-client',
              'clean: the provider uses a client with timeouts and the callback\'s context', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: session store of an identity server (irmago)
IRMASESSIONS = template('irmago-session-store', r'''
type memorySessionStore struct {
    sync.RWMutex
    conf *server.Configuration

    requestor map[irma.RequestorToken]*sessionData
    client    map[irma.ClientToken]*sessionData
}

// startCleanup deletes expired sessions every ten seconds until ctx ends. A panic while deleting a session is
// logged instead of taking every other session of the server down with it.
func (s *memorySessionStore) startCleanup(ctx context.Context) {
    ticker := time.NewTicker(10 * time.Second)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                s.conf.Logger.WithField("panic", r).Error("session cleanup stopped by a panic")
02|            }
02|        }()
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
                s.deleteExpired()
            }
        }
    }()
}

func (s *memorySessionStore) deleteExpired() {
    // First find the expired sessions under the read lock; deleting them needs the write lock.
01|    s.RLock()
    expired := make([]irma.RequestorToken, 0, len(s.requestor))
    for token, session := range s.requestor { //@{2}CONC-03
        if session.timeout(s.conf) {
            expired = append(expired, token)
        }
    }
01|    s.RUnlock()

    s.Lock()
    defer s.Unlock()
    for _, token := range expired {
        session, ok := s.requestor[token]
        if !ok {
            continue
        }
        s.conf.Logger.WithField("session", token).Info("Deleting expired session")
        session.markExpired()
        delete(s.client, session.ClientToken)
        delete(s.requestor, token)
    }
}
''')
cases_of(case, GH + 'privacybydesign/irmago/issues/406', 'server/irmaserver/sessions.go',
         G('irmaserver', ['context', 'sync', 'time', '', 'github.com/privacybydesign/irmago',
                          'github.com/privacybydesign/irmago/server'])(IRMASESSIONS), [
             (1, 'go-00-irmago-session-cleanup-without-recover',
              'an edit drops the recover of the session cleanup goroutine, so a panic while expiring one session '
              'crashes the whole server', 'edit'),
             (2, 'go-00-irmago-expired-sessions-scanned-unlocked',
              'an edit scans the session map for expired sessions without the read lock, while requests add and '
              'remove sessions', 'edit'),
             (0, 'go-ok-00-irmago-session-cleanup-recovers',
              'clean: the fix recovers and logs a panic of the cleanup goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: local callback server of an OIDC client (oidc-client-demo), test added beside the second
OIDCCALLBACK = template('oidc-client-demo-callback', r'''
// waitForCallback waits for the authorization code the redirect handler sends on codes, then stops the local
// server. The handler is still writing its "you may close this window" page when the code arrives, so the
// server is shut down gracefully and the page reaches the browser.
func (c *OIDCClient) waitForCallback(ctx context.Context, srv *http.Server, codes <-chan string, errs <-chan error) (string, error) {
    var code string
    select {
    case code = <-codes:
    case err := <-errs:
        return "", fmt.Errorf("callback server failed: %w", err)
    case <-ctx.Done():
        return "", ctx.Err()
    }

0|    shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
0|    defer cancel()
2|    shutdownCtx, _ := context.WithTimeout(context.Background(), 5*time.Second) //@TMO-03
02|    if err := srv.Shutdown(shutdownCtx); err != nil {
1|    if err := srv.Close(); err != nil { //@OPS-01
        c.logger.Error("stopping the callback server", "err", err)
    }
    return code, nil
}
''')
_OCTEST = f('src/client/callback_test.go', new=go('client', ['context', 'net/http', 'testing', '', 'github.com/hashicorp/go-hclog'], '''
func TestWaitForCallbackReturnsTheCode(t *testing.T) {
    srv := &http.Server{Addr: "127.0.0.1:0"}
    codes := make(chan string, 1)
    codes <- "abc"
    c := &OIDCClient{logger: hclog.NewNullLogger()}

    code, err := c.waitForCallback(context.Background(), srv, codes, make(chan error))
    if err != nil {
        t.Fatalf("unexpected error: %v", err)
    }
    if code != "abc" {
        t.Fatalf("code = %q, want %q", code, "abc")
    }
}
'''))
cases_of(case, GH + 'vdbulcke/oidc-client-demo/pull/15', 'src/client/callback.go',
         GV('client', {v: ['context', 'fmt', 'net/http'] + (['time'] if v != 1 else []) for v in (0, 1, 2)})(OIDCCALLBACK), [
             (1, 'go-00-oidc-client-demo-callback-server-closed-abruptly',
              'an edit stops the local callback server with Close, cutting off the page the redirect handler is '
              'still writing', 'edit'),
             (2, 'go-00-oidc-client-demo-shutdown-cancel-discarded',
              'an edit discards the cancel of the shutdown timeout, leaving its timer behind; a test comes with it',
              'edit', [_OCTEST]),
             (0, 'go-ok-00-oidc-client-demo-callback-server-shut-down',
              'clean: the fix shuts the callback server down gracefully with a bounded context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: LDAP client of a container platform's IAM (kubesphere)
KSLDAP = template('kubesphere-ldap-pool', r'''
// newConn borrows a connection of the pool and binds it as the manager. A connection that fails to bind is
// closed, so the pool does not run out of sockets when the directory rejects the manager's password.
func (l *ldapInterfaceImpl) newConn() (ldap.Client, error) {
    conn, err := l.pool.Get()
    if err != nil {
        return nil, err
    }
    if err := conn.Bind(l.managerDN, l.managerPassword); err != nil { //@{1}RES-01
02|        conn.Close()
        return nil, fmt.Errorf("binding as the ldap manager: %w", err)
    }
    return conn, nil
}

// Get reads one user from the directory.
func (l *ldapInterfaceImpl) Get(name string) (*iamv1alpha2.User, error) {
01|    conn, err := l.newConn()
2|    conn, err := ldap.DialURL(l.url) //@RES-04
    if err != nil {
        return nil, err
    }
    defer conn.Close()

    req := ldap.NewSearchRequest(l.userSearchBase, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
        fmt.Sprintf("(&(objectClass=inetOrgPerson)(|(uid=%[1]s)(mail=%[1]s)))", ldap.EscapeFilter(name)),
        []string{"uid", "mail", "description"}, nil)
    res, err := conn.Search(req)
    if err != nil {
        return nil, err
    }
    if len(res.Entries) != 1 {
        return nil, errors.NewNotFound(iamv1alpha2.Resource("user"), name)
    }
    entry := res.Entries[0]
    user := &iamv1alpha2.User{}
    user.Name = entry.GetAttributeValue("uid")
    user.Spec.Email = entry.GetAttributeValue("mail")
    user.Spec.Description = entry.GetAttributeValue("description")
    return user, nil
}
''')
cases_of(case, GH + 'kubesphere/kubesphere/pull/771', 'pkg/simple/client/ldap/ldap.go',
         G('ldap', ['fmt', '', 'github.com/go-ldap/ldap', 'k8s.io/apimachinery/pkg/api/errors',
                    'kubesphere.io/kubesphere/pkg/apis/iam/v1alpha2'])(KSLDAP), [
             (1, 'go-00-kubesphere-ldap-failed-bind-conn-left-open',
              'an edit drops the close of a pooled connection whose manager bind failed, leaking a socket on each '
              'failed bind', 'edit'),
             (2, 'go-00-kubesphere-ldap-dial-per-lookup',
              'an edit dials a new directory connection for every user lookup instead of borrowing one of the pool',
              'edit'),
             (0, 'go-ok-00-kubesphere-ldap-failed-bind-conn-closed',
              'clean: the fix closes a connection whose bind failed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: audit results of a Kubernetes policy controller (gatekeeper)
GKAUDIT = template('gatekeeper-audit-results', r'''
// Manager runs the audit: each run lists every resource of the cluster, reviews it against every constraint and
// records the violations per constraint. The status updater reads the records from another goroutine.
type Manager struct {
    log    logr.Logger
    mu     sync.Mutex
    latest map[string][]violation
}

type violation struct {
    kind, namespace, name string
    message               string
    action                string
}

// recordViolations replaces the violations of a constraint with those of this run.
func (am *Manager) recordViolations(constraint string, results []*types.Result) {
    vs := make([]violation, 0, len(results))
    for _, r := range results {
        obj := r.Resource.(*unstructured.Unstructured)
        vs = append(vs, violation{
            kind:      obj.GetKind(),
            namespace: obj.GetNamespace(),
            name:      obj.GetName(),
            message:   r.Msg,
            action:    r.EnforcementAction,
        })
2|        am.log.Info("audit violation", "constraint", constraint, "kind", obj.GetKind(), "name", obj.GetName(), "msg", r.Msg) //@LOG-01
    }
    am.log.V(1).Info("audit results recorded", "constraint", constraint, "violations", len(vs))

02|    am.mu.Lock()
02|    defer am.mu.Unlock()
    am.latest[constraint] = vs //@{1}CONC-03
}

// violationsOf returns the violations of a constraint recorded by the last run.
func (am *Manager) violationsOf(constraint string) []violation {
    am.mu.Lock()
    defer am.mu.Unlock()
    return am.latest[constraint]
}
''')
cases_of(case, GH + 'open-policy-agent/gatekeeper/issues/1929', 'pkg/audit/manager.go',
         G('audit', ['sync', '', 'github.com/go-logr/logr', 'github.com/open-policy-agent/frameworks/constraint/pkg/types',
                     'k8s.io/apimachinery/pkg/apis/meta/v1/unstructured'])(GKAUDIT), [
             (1, 'go-00-gatekeeper-audit-results-written-unlocked',
              'an edit records each constraint\'s violations without the lock the status updater reads them under',
              'edit'),
             (2, 'go-00-gatekeeper-audit-logs-every-violation',
              'an edit logs one info line per violation of every audit run, thousands per run on a large cluster',
              'edit'),
             (0, 'go-ok-00-gatekeeper-audit-results-locked',
              'clean: the fix records the violations under the manager\'s lock', 'fix'),
         ])
