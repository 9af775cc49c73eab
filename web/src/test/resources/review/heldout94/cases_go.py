"""Round-94 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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
ZAP = 'go.uber.org/zap'


# ---------------------------------------------------------------- TMO-01 / TMO-02: OIDC issuer discovery of a code-signing CA (fulcio)
FULCIO = template('fulcio-oidc-discovery', r'''
// discoveryTimeout bounds the fetch of an issuer's OpenID configuration and of its signing keys, so that one
// identity provider that stops answering cannot hold every certificate request that names it.
const discoveryTimeout = 10 * time.Second

// FulcioConfig holds the OIDC issuers the CA accepts identity tokens from.
type FulcioConfig struct {
    OIDCIssuers     map[string]OIDCIssuer `json:"OIDCIssuers,omitempty"`
    MetaIssuers     map[string]OIDCIssuer `json:"MetaIssuers,omitempty"`
    IssuerTransport http.RoundTripper     `json:"-"`

    mu        sync.RWMutex
    verifiers map[string]*oidc.IDTokenVerifier
}

// GetVerifier returns the ID token verifier of an issuer, discovering the issuer on its first use. The
// discovery runs under the caller's context, so a certificate request that is cancelled stops waiting too.
func (fc *FulcioConfig) GetVerifier(ctx context.Context, issuerURL string) (*oidc.IDTokenVerifier, error) {
    fc.mu.RLock()
    v, ok := fc.verifiers[issuerURL]
    fc.mu.RUnlock()
    if ok {
        return v, nil
    }

    iss, ok := fc.GetIssuer(issuerURL)
    if !ok {
        return nil, fmt.Errorf("unsupported issuer %q", issuerURL)
    }

    client := &http.Client{ //@{1}TMO-01
        Transport: fc.IssuerTransport,
02|        Timeout:   discoveryTimeout,
    }
01|    discoveryCtx := oidc.ClientContext(ctx, client)
2|    discoveryCtx := oidc.ClientContext(context.Background(), client) //@TMO-02
    provider, err := oidc.NewProvider(discoveryCtx, issuerURL)
    if err != nil {
        return nil, fmt.Errorf("discovering issuer %s: %w", issuerURL, err)
    }

    v = provider.Verifier(&oidc.Config{ClientID: iss.ClientID, SkipExpiryCheck: false})

    fc.mu.Lock()
    defer fc.mu.Unlock()
    if fc.verifiers == nil {
        fc.verifiers = make(map[string]*oidc.IDTokenVerifier)
    }
    fc.verifiers[issuerURL] = v
    return v, nil
}

// GetIssuer looks up the issuer of a URL, first among the configured issuers and then among the meta issuers,
// whose URL patterns may hold a wildcard.
func (fc *FulcioConfig) GetIssuer(issuerURL string) (OIDCIssuer, bool) {
    if iss, ok := fc.OIDCIssuers[issuerURL]; ok {
        return iss, true
    }
    for pattern, iss := range fc.MetaIssuers {
        if metaRegex(pattern).MatchString(issuerURL) {
            return iss, true
        }
    }
    return OIDCIssuer{}, false
}
''')
cases_of(case, GH + 'sigstore/fulcio/pull/560', 'pkg/config/config.go',
         G('config', ['context', 'fmt', 'net/http', 'sync', 'time', '', 'github.com/coreos/go-oidc/v3/oidc'])(FULCIO), [
             (1, 'go-00-fulcio-oidc-discovery-client-without-timeout',
              'an edit drops the timeout of the client the CA discovers OIDC issuers with, so one identity provider '
              'that accepts the connection and never answers holds every signing request naming it', 'edit'),
             (2, 'go-00-fulcio-oidc-discovery-without-caller-context',
              'an edit runs the issuer discovery under a background context instead of the request\'s, so a client '
              'that gives up on its certificate request leaves the discovery running', 'edit'),
             (0, 'go-ok-00-fulcio-oidc-discovery-bounded',
              'clean: the fix discovers issuers on a client with a timeout, under the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: DNS provider of an ACME client (lego, dnspod)
LEGO = template('lego-dnspod-client', r'''
// Config is used to configure the creation of the DNSProvider.
type Config struct {
    LoginToken         string
    TTL                int
    PropagationTimeout time.Duration
    PollingInterval    time.Duration
    HTTPTimeout        time.Duration
}

// NewDefaultConfig returns a default configuration for the DNSProvider.
func NewDefaultConfig() *Config {
    return &Config{
        TTL:                env.GetOrDefaultInt(EnvTTL, 600),
        PropagationTimeout: env.GetOrDefaultSecond(EnvPropagationTimeout, dns01.DefaultPropagationTimeout),
        PollingInterval:    env.GetOrDefaultSecond(EnvPollingInterval, dns01.DefaultPollingInterval),
        HTTPTimeout:        env.GetOrDefaultSecond(EnvHTTPTimeout, 30*time.Second),
    }
}

// DNSProvider implements the challenge.Provider interface.
type DNSProvider struct {
    config *Config
    client *http.Client
}

// NewDNSProviderConfig return a DNSProvider instance configured for dnspod.
func NewDNSProviderConfig(config *Config) (*DNSProvider, error) {
    if config == nil {
        return nil, errors.New("dnspod: the configuration of the DNS provider is nil")
    }
    if config.LoginToken == "" {
        return nil, errors.New("dnspod: credentials missing")
    }

02|    client := &http.Client{Timeout: config.HTTPTimeout}
1|    client := &http.Client{} //@TMO-01
    return &DNSProvider{config: config, client: client}, nil
}

// doRequest posts a form to the dnspod API and decodes its answer into result once the API reports success.
func (d *DNSProvider) doRequest(action string, form url.Values, result interface{}) error {
    form.Set("login_token", d.config.LoginToken)
    form.Set("format", "json")

    resp, err := d.client.PostForm(apiBaseURL+"/"+action, form)
    if err != nil { //@{2}RES-02
        return fmt.Errorf("dnspod: %s: %w", action, err)
    }
01|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("dnspod: %s: unexpected status code %d", action, resp.StatusCode)
    }

    raw, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("dnspod: %s: reading response: %w", action, err)
    }

    var status apiStatus
    if err := json.Unmarshal(raw, &struct {
        Status *apiStatus `json:"status"`
    }{&status}); err != nil {
        return fmt.Errorf("dnspod: %s: decoding status: %w", action, err)
    }
    if status.Code != "1" {
        return fmt.Errorf("dnspod: %s: API error %s: %s", action, status.Code, status.Message)
    }
    return json.Unmarshal(raw, result)
}
''')
cases_of(case, GH + 'go-acme/lego/pull/1318', 'providers/dns/dnspod/dnspod.go',
         G('dnspod', ['encoding/json', 'errors', 'fmt', 'io', 'net/http', 'net/url', 'time', '',
                      'github.com/go-acme/lego/v4/challenge/dns01',
                      'github.com/go-acme/lego/v4/platform/config/env'])(LEGO), [
             (1, 'go-00-lego-dnspod-client-without-timeout',
              'an edit builds the dnspod API client without the configured HTTP timeout, so a DNS API that stops '
              'answering holds the certificate order until the ACME authorization expires', 'edit'),
             (2, 'go-00-lego-dnspod-response-body-not-closed',
              'an edit stops closing the API response, so every record lookup and every failed status leaves a '
              'connection out of the client\'s pool for the rest of a long renewal run', 'edit'),
             (0, 'go-ok-00-lego-dnspod-client-with-timeout',
              'clean: the fix builds the API client with the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: certificate maintenance loop of an ACME library (certmagic)
CERTMAGIC = template('certmagic-maintenance', r'''
// maintainAssets is a permanently-blocking function that loops indefinitely and, on a regular schedule, checks
// certificates for expiration and initiates a renewal of certs that are expiring soon. It also updates OCSP
// stapling. It should only be called once per cache. Panics are recovered, and the loop is restarted a bounded
// number of times, so a bug in one renewal does not end maintenance for every site of the cache.
func (certCache *Cache) maintainAssets(panicCount int) {
    log := certCache.logger.Named("maintenance")
    log = log.With(zap.String("cache", fmt.Sprintf("%p", certCache)))

    defer func() {
        if err := recover(); err != nil {
            buf := make([]byte, stackTraceBufferSize)
            buf = buf[:runtime.Stack(buf, false)]
            log.Error("panic", zap.Any("error", err), zap.ByteString("stack", buf))
            if panicCount < 10 {
                certCache.maintainAssets(panicCount + 1)
            }
        }
    }()

    certCache.optionsMu.RLock()
    renewalTicker := time.NewTicker(certCache.options.RenewCheckInterval)
    ocspTicker := time.NewTicker(certCache.options.OCSPCheckInterval)
    certCache.optionsMu.RUnlock()

    log.Info("started background certificate maintenance")

    ctx, cancel := context.WithCancel(context.Background())
    defer cancel()

    for {
        select {
        case <-renewalTicker.C:
0|            err := certCache.RenewManagedCertificates(ctx)
0|            if err != nil {
0|                log.Error("renewing managed certificates", zap.Error(err))
0|            }
1|            if err := certCache.RenewManagedCertificates(ctx); err != nil {
1|                log.Error("renewing managed certificates; stopping maintenance", zap.Error(err))
1|                return //@CONC-07
1|            }
2|            _ = certCache.RenewManagedCertificates(ctx) //@ERR-01
            certCache.unsyncedCacheSize.Store(int64(certCache.cacheSize()))
        case <-ocspTicker.C:
            certCache.updateOCSPStaples(ctx)
        case <-certCache.stopChan:
            renewalTicker.Stop()
            ocspTicker.Stop()
            log.Info("stopped background certificate maintenance")
            close(certCache.doneChan)
            return
        }
    }
}

// cacheSize returns the number of certificates in the cache.
func (certCache *Cache) cacheSize() int {
    certCache.mu.RLock()
    defer certCache.mu.RUnlock()
    return len(certCache.cache)
}
''')
cases_of(case, GH + 'caddyserver/certmagic/pull/348', 'maintain.go',
         G('certmagic', ['context', 'fmt', 'runtime', 'time', '', ZAP])(CERTMAGIC), [
             (1, 'go-00-certmagic-maintenance-stops-on-renewal-error',
              'an edit returns from the maintenance loop when one renewal pass fails, so a single unreachable ACME '
              'server ends certificate renewal and OCSP stapling for every site until the process restarts', 'edit'),
             (2, 'go-00-certmagic-maintenance-drops-renewal-error',
              'an edit discards the error of the renewal pass, so certificates that fail to renew expire without a '
              'line in the log', 'edit'),
             (0, 'go-ok-00-certmagic-maintenance-logs-and-continues',
              'clean: the fix logs a failed renewal pass and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: interruption record of a WAF middleware (coraza-caddy)
CORAZA = template('coraza-caddy-interruptions', r'''
// corazaModule is a Web Application Firewall implementation for Caddy.
type corazaModule struct {
    Directives   string `json:"directives"`
    LoadOWASPCRS bool   `json:"load_owasp_crs"`

    logger *zap.Logger
    waf    coraza.WAF

    statsMu          sync.Mutex
    interruptions    map[int]int
    lastInterruption string
}

// ServeHTTP implements caddyhttp.MiddlewareHandler.
func (m *corazaModule) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
    id := randomString(16)
    tx := m.waf.NewTransactionWithID(id)
    defer func() {
        tx.ProcessLogging()
        if err := tx.Close(); err != nil {
            m.logger.Error("failed to close the transaction", zap.String("tx_id", id), zap.Error(err))
        }
    }()

    if tx.IsRuleEngineOff() {
        return next.ServeHTTP(w, r)
    }

    it, err := processRequest(tx, r)
    if err != nil {
        return caddyhttp.HandlerError{StatusCode: http.StatusInternalServerError, ID: tx.ID(), Err: err}
    }
    if it != nil {
        m.recordInterruption(it)
        return caddyhttp.HandlerError{
            StatusCode: obtainStatusCodeFromInterruptionOrDefault(it, http.StatusForbidden),
            ID:         tx.ID(),
            Err:        caddyhttp.Error(http.StatusForbidden, fmt.Errorf("request blocked by rule %d", it.RuleID)),
        }
    }

    ww, processResponse := wrap(w, r, tx)
    if err := next.ServeHTTP(ww, r); err != nil {
        return err
    }
    return processResponse(tx, r)
}

// recordInterruption counts the interruptions of each rule for the admin endpoint and keeps a line on the last
// one. Every request goroutine of the server may call it.
func (m *corazaModule) recordInterruption(it *types.Interruption) {
02|    m.statsMu.Lock()
02|    defer m.statsMu.Unlock()
    m.interruptions[it.RuleID]++ //@{1}CONC-03
01|    m.lastInterruption = fmt.Sprintf("%s rule %d: %s", time.Now().UTC().Format(time.RFC3339), it.RuleID, it.Action)
2|    m.lastInterruption = fmt.Sprintf("%s rule %d: %s", time.Now().Format("2006-01-02 15:04:05"), it.RuleID, it.Action) //@TIME-01
}
''')
cases_of(case, GH + 'corazawaf/coraza-caddy/issues/44', 'coraza.go',
         G('coraza', ['fmt', 'net/http', 'sync', 'time', '', 'github.com/caddyserver/caddy/v2/modules/caddyhttp',
                      'github.com/corazawaf/coraza/v3', 'github.com/corazawaf/coraza/v3/types', ZAP])(CORAZA), [
             (1, 'go-00-coraza-caddy-interruption-count-unlocked',
              'an edit counts the interruptions of each rule in the module\'s map without its lock, so two requests '
              'blocked at once crash the server with concurrent map writes', 'edit'),
             (2, 'go-00-coraza-caddy-interruption-time-in-local-zone',
              'an edit stamps the last interruption with the host\'s local time and no zone, so the admin endpoint '
              'of servers in different zones reports times that cannot be compared with the audit log', 'edit'),
             (0, 'go-ok-00-coraza-caddy-interruption-count-locked',
              'clean: the fix counts interruptions under the module\'s lock and stamps them in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-04: GCP KMS key source of a secrets editor (sops)
SOPS = template('sops-gcpkms-decrypt', r'''
// MasterKey is a GCP KMS key used to encrypt and decrypt the data key of a sops file.
type MasterKey struct {
    ResourceID   string
    EncryptedKey string
    CreationDate time.Time

    credentialJSON []byte
    clientOnce     sync.Once
    client         *kms.KeyManagementClient
    clientErr      error
}

// Decrypt decrypts the EncryptedKey with GCP KMS and returns the result.
func (key *MasterKey) Decrypt() ([]byte, error) {
    return key.DecryptContext(context.Background())
}

// DecryptContext decrypts the EncryptedKey with GCP KMS under the given context and returns the result. The
// KMS client is created once per key and shared by every file the key decrypts.
func (key *MasterKey) DecryptContext(ctx context.Context) ([]byte, error) {
01|    service, err := key.sharedClient(ctx)
2|    service, err := kms.NewKeyManagementClient(ctx, key.clientOptions()...) //@RES-04
    if err != nil {
        log.WithField("resourceID", key.ResourceID).Info("Decryption failed")
        return nil, fmt.Errorf("cannot create GCP KMS service: %w", err)
    }
2|    defer service.Close()

    decodedCipher, err := base64.StdEncoding.DecodeString(key.EncryptedKey)
    if err != nil {
        log.WithField("resourceID", key.ResourceID).Info("Decryption failed")
        return nil, err
    }

    req := &kmspb.DecryptRequest{
        Name:       key.ResourceID,
        Ciphertext: decodedCipher,
    }
02|    resp, err := service.Decrypt(ctx, req)
1|    resp, err := service.Decrypt(context.Background(), req) //@TMO-02
    if err != nil {
        log.WithField("resourceID", key.ResourceID).Info("Decryption failed")
        return nil, fmt.Errorf("failed to decrypt sops data key with GCP KMS key: %w", err)
    }

    log.WithField("resourceID", key.ResourceID).Info("Decryption succeeded")
    return resp.Plaintext, nil
}

// sharedClient returns the key's KMS client, creating it on first use.
func (key *MasterKey) sharedClient(ctx context.Context) (*kms.KeyManagementClient, error) {
    key.clientOnce.Do(func() {
        key.client, key.clientErr = kms.NewKeyManagementClient(ctx, key.clientOptions()...)
    })
    return key.client, key.clientErr
}

// clientOptions returns the options of the KMS client: the key's own credentials when it has any.
func (key *MasterKey) clientOptions() []option.ClientOption {
    if len(key.credentialJSON) == 0 {
        return nil
    }
    return []option.ClientOption{option.WithCredentialsJSON(key.credentialJSON)}
}
''')
cases_of(case, GH + 'getsops/sops/issues/1570', 'gcpkms/keysource.go',
         G('gcpkms', ['context', 'encoding/base64', 'fmt', 'sync', 'time', '', 'cloud.google.com/go/kms/apiv1',
                      'cloud.google.com/go/kms/apiv1/kmspb', 'google.golang.org/api/option'])(SOPS), [
             (1, 'go-00-sops-gcpkms-decrypt-without-caller-context',
              'an edit calls KMS Decrypt with a background context instead of the caller\'s, so the deadline sops '
              'sets for a key group no longer stops a hanging call and the next key is never tried', 'edit'),
             (2, 'go-00-sops-gcpkms-client-per-decrypt',
              'an edit creates a KMS client for every decryption, so decrypting a tree of files opens a gRPC '
              'connection and fetches a token per file', 'edit'),
             (0, 'go-ok-00-sops-gcpkms-decrypt-under-caller-context',
              'clean: the fix decrypts on the shared client under the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-01: TCP stream proxy of a tunnel client (cloudflared), new file
CLOUDFLARED = template('cloudflared-tcp-stream', r'''
// tcpStreamProxy carries one TCP stream that arrived over the tunnel to its origin and back. Each stream runs on
// goroutines of its own; a panic in one of them must not take down the tunnel and every other stream on it.
type tcpStreamProxy struct {
    dialer *net.Dialer
    dest   string
    log    *zerolog.Logger
}

func newTCPStreamProxy(dest string, connectTimeout time.Duration, log *zerolog.Logger) *tcpStreamProxy {
    return &tcpStreamProxy{
        dialer: &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second},
        dest:   dest,
        log:    log,
    }
}

// ProxyStream dials the origin and copies bytes both ways until either side closes.
func (p *tcpStreamProxy) ProxyStream(ctx context.Context, tunnelConn io.ReadWriter, preamble []byte) error {
    originConn, err := p.dialer.DialContext(ctx, "tcp", p.dest) //@{2}RES-01
    if err != nil {
        return fmt.Errorf("dial origin %s: %w", p.dest, err)
    }
01|    defer originConn.Close()

    if len(preamble) > 0 {
        if _, err := originConn.Write(preamble); err != nil {
            return fmt.Errorf("write preamble to origin %s: %w", p.dest, err)
        }
    }

    done := make(chan struct{}, 1)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                p.log.Error().Msgf("recovered from panic copying to origin %s: %v\n%s", p.dest, r, debug.Stack())
02|            }
02|            done <- struct{}{}
02|        }()
1|        defer func() { done <- struct{}{} }()
        if _, err := io.Copy(originConn, tunnelConn); err != nil {
            p.log.Debug().Err(err).Str("dest", p.dest).Msg("copy to origin ended")
        }
    }()

    if _, err := io.Copy(tunnelConn, originConn); err != nil {
        p.log.Debug().Err(err).Str("dest", p.dest).Msg("copy from origin ended")
    }
    select {
    case <-done:
    case <-ctx.Done():
    }
2|    originConn.Close()
    return nil
}
''')
cases_of(case, GH + 'cloudflare/cloudflared/issues/523', 'ingress/origin_tcp_stream.go',
         GV('ingress', {v: ['context', 'fmt', 'io', 'net'] + ([] if v == 1 else ['runtime/debug']) +
                        ['time', '', 'github.com/rs/zerolog'] for v in (0, 1, 2)})(CLOUDFLARED), [
             (1, 'go-00-cloudflared-new-tcp-stream-copy-without-recover',
              'a new TCP stream proxy copies towards the origin on a goroutine without a recover, so a panic in one '
              'stream\'s copy kills the tunnel process and every stream it carries', 'new'),
             (2, 'go-00-cloudflared-new-tcp-stream-origin-left-open',
              'a new TCP stream proxy closes the origin connection only at the end of a completed stream, so every '
              'stream whose preamble fails leaves a connection to the origin open', 'new'),
             (0, 'go-ok-00-cloudflared-new-tcp-stream-proxy',
              'clean: a new TCP stream proxy that closes the origin connection on every path and recovers in its '
              'copy goroutine', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: discovery fetch of an OIDC middleware (go-oidc-middleware)
OIDCMW = template('go-oidc-middleware-discovery', r'''
// getJwksUriFromDiscoveryUri fetches the discovery document of an issuer and returns the URI of its key set.
// The fetch is bounded by fetchTimeout, which the options of the middleware set (five seconds unless changed).
func getJwksUriFromDiscoveryUri(ctx context.Context, httpClient *http.Client, discoveryUri string, fetchTimeout time.Duration) (string, error) {
02|    ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, fetchTimeout) //@TMO-03

    req, err := http.NewRequestWithContext(ctx, http.MethodGet, discoveryUri, nil)
    if err != nil {
        return "", err
    }
    req.Header.Set("Accept", "application/json")

    res, err := httpClient.Do(req)
    if err != nil {
        return "", err
    }
    defer res.Body.Close()

    if res.StatusCode != http.StatusOK {
        return "", fmt.Errorf("unexpected status %d fetching %s", res.StatusCode, discoveryUri)
    }

    var discoveryData struct {
        JwksUri string `json:"jwks_uri"`
    }
01|    if err := json.NewDecoder(res.Body).Decode(&discoveryData); err != nil {
01|        return "", fmt.Errorf("decoding discovery document from %s: %w", discoveryUri, err)
01|    }
2|    _ = json.NewDecoder(res.Body).Decode(&discoveryData) //@ERR-01

    if discoveryData.JwksUri == "" {
        return "", fmt.Errorf("no jwks_uri in the discovery document of %s", discoveryUri)
    }
    return discoveryData.JwksUri, nil
}

// getJwksUri returns the key set URI of the options: the configured one, or the one the issuer publishes.
func getJwksUri(ctx context.Context, opts *options.Options) (string, error) {
    if opts.JwksUri != "" {
        return opts.JwksUri, nil
    }
    discoveryUri := opts.DiscoveryUri
    if discoveryUri == "" {
        discoveryUri = strings.TrimSuffix(opts.Issuer, "/") + "/.well-known/openid-configuration"
    }
    return getJwksUriFromDiscoveryUri(ctx, opts.HttpClient, discoveryUri, opts.DiscoveryFetchTimeout)
}
''')
cases_of(case, GH + 'XenitAB/go-oidc-middleware/issues/148', 'internal/oidc/discovery.go',
         G('oidc', ['context', 'encoding/json', 'fmt', 'net/http', 'strings', 'time', '',
                    'github.com/xenitab/go-oidc-middleware/options'])(OIDCMW), [
             (1, 'go-00-go-oidc-middleware-discovery-cancel-discarded',
              'an edit discards the cancel of the discovery fetch\'s timeout, so every middleware start leaves a '
              'timer and a context behind until the timeout fires', 'edit'),
             (2, 'go-00-go-oidc-middleware-discovery-decode-error-dropped',
              'an edit drops the error of decoding the discovery document, so an issuer that answers with an HTML '
              'error page is reported as having no key set URI instead of a malformed answer', 'edit'),
             (0, 'go-ok-00-go-oidc-middleware-discovery-bounded',
              'clean: the fix cancels the discovery timeout and returns the decoding error', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-03: HTTP client of an OIDC gateway plugin (oidcify), renamed file
OIDCIFY = template('oidcify-http-client', r'''
// newHTTPClient builds the client the plugin talks to the identity provider with: the system roots plus the CA
// bundles of the configuration, and a timeout so that a slow provider cannot hold Kong's request workers.
func (conf *Config) newHTTPClient() (*http.Client, error) {
    pool, err := x509.SystemCertPool()
    if err != nil {
        pool = x509.NewCertPool()
    }
    for _, path := range conf.CaCertFiles {
01|        if err := appendCertFile(pool, path); err != nil {
01|            return nil, err
01|        }
2|        f, err := os.Open(path)
2|        if err != nil {
2|            return nil, fmt.Errorf("opening CA bundle %s: %w", path, err)
2|        }
2|        defer f.Close() //@RES-03
2|        pem, err := io.ReadAll(f)
2|        if err != nil {
2|            return nil, fmt.Errorf("reading CA bundle %s: %w", path, err)
2|        }
2|        if !pool.AppendCertsFromPEM(pem) {
2|            return nil, fmt.Errorf("no certificate in CA bundle %s", path)
2|        }
    }

    return &http.Client{ //@{1}TMO-01
02|        Timeout: time.Duration(conf.HttpTimeoutSeconds) * time.Second,
        Transport: &http.Transport{
            Proxy:           http.ProxyFromEnvironment,
            TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
        },
    }, nil
}
01|
01|// appendCertFile adds the certificates of one PEM bundle to the pool.
01|func appendCertFile(pool *x509.CertPool, path string) error {
01|    pem, err := os.ReadFile(path)
01|    if err != nil {
01|        return fmt.Errorf("reading CA bundle %s: %w", path, err)
01|    }
01|    if !pool.AppendCertsFromPEM(pem) {
01|        return fmt.Errorf("no certificate in CA bundle %s", path)
01|    }
01|    return nil
01|}
''')
cases_of(case, GH + 'hanlaur/oidcify/issues/4', 'httpclient.go',
         GV('main', {v: ['crypto/tls', 'crypto/x509', 'fmt'] + (['io'] if v == 2 else []) +
                     ['net/http', 'os'] + ([] if v == 1 else ['time']) for v in (0, 1, 2)})(OIDCIFY), [
             (1, 'go-00-oidcify-renamed-http-client-without-timeout',
              'a PR moves the plugin\'s HTTP client into its own file and builds it without the configured timeout, '
              'so a token endpoint that stops answering holds Kong\'s request workers', 'rename'),
             (2, 'go-00-oidcify-renamed-http-client-defers-close-in-loop',
              'a PR moves the plugin\'s HTTP client into its own file and reads the CA bundles inline, deferring '
              'each file\'s close inside the loop, so every bundle stays open until the client is built', 'rename'),
             (0, 'go-ok-00-oidcify-renamed-http-client',
              'clean: the move alone; the client keeps its timeout and each bundle is read by a helper', 'rename'),
         ], rename_from='client.go')


# ---------------------------------------------------------------- CONC-03 / LOG-01: session registry of a phishing-simulation proxy (evilginx2)
EVILGINX = template('evilginx2-session-registry', r'''
// newSession creates the proxy session of a visitor who opened a lure and registers it under its id. Every
// request the proxy serves runs on its own goroutine, so the registry is written under its lock.
func (p *HttpProxy) newSession(pl *Phishlet, lure *Lure, req *http.Request, remoteAddr string) (*Session, error) {
    session, err := NewSession(pl.Name)
    if err != nil {
        return nil, fmt.Errorf("creating session for phishlet %s: %w", pl.Name, err)
    }
    session.RemoteAddr = remoteAddr
    session.UserAgent = req.Header.Get("User-Agent")
    session.RedirectURL = lure.RedirectUrl

02|    p.sessionsMu.Lock()
    sid := p.last_sid
    p.last_sid++
    p.sessions[session.Id] = session //@{1}CONC-03
    p.sids[session.Id] = sid
02|    p.sessionsMu.Unlock()

    if err := p.db.CreateSession(session.Id, pl.Name, lure.Path, session.UserAgent, remoteAddr); err != nil {
        log.Error("database: %v", err)
    }
    log.Important("[%d] [%s] new visitor has arrived: %s (%s)", sid, hiblue.Sprint(pl.Name), session.UserAgent, remoteAddr)
    return session, nil
}

// handleProxiedRequest rewrites one request of a known session towards the phished host.
func (p *HttpProxy) handleProxiedRequest(ps *ProxySession, req *http.Request) {
    req.Host = ps.PhishDomainTarget
    req.URL.Host = ps.PhishDomainTarget
    req.Header.Set("Origin", "https://"+ps.PhishDomainTarget)
2|    log.Info("[%d] proxying %s %s%s", ps.Index, req.Method, req.Host, req.URL.Path) //@LOG-01
    p.deleteRequestCookie(p.cookieName, req)
    p.patchRequestBody(ps, req)
}
''')
cases_of(case, GH + 'kgretzky/evilginx2/issues/371', 'core/http_proxy.go',
         G('core', ['fmt', 'net/http', '', 'github.com/kgretzky/evilginx2/log'])(EVILGINX), [
             (1, 'go-00-evilginx2-session-registry-unlocked',
              'an edit registers new sessions in the proxy\'s maps without the registry lock, so two visitors '
              'arriving at once crash the proxy with concurrent map writes', 'edit'),
             (2, 'go-00-evilginx2-logs-every-proxied-request',
              'an edit logs every request it proxies at info level, so each page load of every visitor writes '
              'dozens of lines for its scripts and images', 'edit'),
             (0, 'go-ok-00-evilginx2-session-registry-locked',
              'clean: the fix registers sessions under the registry lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-02: secret client of a secrets filesystem (keywhiz-fs)
KEYWHIZ = template('keywhiz-fs-client', r'''
// prefetchConcurrency bounds the secrets fetched at once when the cache is warmed at mount time.
const prefetchConcurrency = 8

// Secret fetches one secret by name from the keywhiz server, giving up after the client's timeout.
func (c Client) Secret(ctx context.Context, name string) (*Secret, error) {
    ctx, cancel := context.WithTimeout(ctx, c.timeout) //@{1}TMO-03
02|    defer cancel()

    u := c.url.ResolveReference(&url.URL{Path: path.Join("/secret", url.PathEscape(name))})
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
    if err != nil {
        return nil, err
    }
    resp, err := c.http.Do(req)
    if err != nil {
        c.logger.Errorf("Error retrieving secret %v: %v", name, err)
        return nil, err
    }
    defer resp.Body.Close()

    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusNotFound:
        return nil, SecretDeleted{}
    default:
        return nil, fmt.Errorf("unexpected status %d retrieving secret %v", resp.StatusCode, name)
    }

    var secret Secret
    if err := json.NewDecoder(resp.Body).Decode(&secret); err != nil {
        return nil, fmt.Errorf("decoding secret %v: %w", name, err)
    }
1|    cancel()
    return &secret, nil
}

// Prefetch warms the cache with the named secrets, a few at a time, and waits for all of them.
func (c Client) Prefetch(ctx context.Context, names []string, store func(*Secret)) {
    var wg sync.WaitGroup
01|    sem := make(chan struct{}, prefetchConcurrency)
    for _, name := range names {
        wg.Add(1)
01|        sem <- struct{}{}
        go func(name string) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
            defer func() {
                if r := recover(); r != nil {
                    c.logger.Errorf("Panic prefetching secret %v: %v", name, r)
                }
            }()
            secret, err := c.Secret(ctx, name)
            if err != nil {
                c.logger.Warnf("Could not prefetch secret %v: %v", name, err)
                return
            }
            store(secret)
        }(name)
    }
    wg.Wait()
}
''')
cases_of(case, GH + 'square/keywhiz-fs/pull/92', 'client.go',
         G('keywhizfs', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'path', 'sync'])(KEYWHIZ), [
             (1, 'go-00-keywhiz-fs-secret-timeout-cancelled-only-on-success',
              'an edit cancels the fetch timeout only after a secret decoded, so every failed, missing or '
              'undecodable secret leaves a timer and a context behind until the timeout fires', 'edit'),
             (2, 'go-00-keywhiz-fs-prefetch-unbounded',
              'an edit drops the semaphore of the prefetch, so mounting a client with thousands of secrets starts a '
              'goroutine and a request for each of them at once', 'edit'),
             (0, 'go-ok-00-keywhiz-fs-secret-timeout-deferred',
              'clean: the fix defers the cancel of each fetch\'s timeout', 'fix'),
         ])
