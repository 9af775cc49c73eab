"""Round-75 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / RES-03: containerd image export of a vulnerability scanner (trivy)
TRIVY = template('trivy-containerd-image-export', r'''
// exportImage writes the image out of containerd into a temporary tar archive the analyzers read. The returned
// function closes and removes the archive; the caller runs it once the scan is done.
func exportImage(ctx context.Context, client *containerd.Client, img containerd.Image) (string, func(), error) {
    f, err := os.CreateTemp("", "fanal-containerd-*")
    if err != nil {
        return "", nil, xerrors.Errorf("failed to create a temporary file: %w", err)
    }
    cleanup := func() {
        _ = f.Close()
        _ = os.Remove(f.Name())
    }

    exportOpts := []archive.ExportOpt{archive.WithImage(client.ImageService(), img.Name())}
    if err = client.Export(ctx, f, exportOpts...); err != nil { //@{1}RES-01
02|        cleanup()
        return "", nil, xerrors.Errorf("failed to export the image %s: %w", img.Name(), err)
    }
    return f.Name(), cleanup, nil
}

// layerDigests reads every compressed layer of the manifest once and records its digest, so that cached layers
// are not analysed twice.
func layerDigests(ctx context.Context, cs content.Store, layers []ocispec.Descriptor) ([]digest.Digest, error) {
    digests := make([]digest.Digest, 0, len(layers))
    for _, l := range layers {
        ra, err := cs.ReaderAt(ctx, l)
        if err != nil {
            return nil, xerrors.Errorf("failed to open layer %s: %w", l.Digest, err)
        }
2|        defer ra.Close() //@RES-03
        d, err := digest.FromReader(content.NewReader(ra))
01|        _ = ra.Close()
        if err != nil {
            return nil, xerrors.Errorf("failed to read layer %s: %w", l.Digest, err)
        }
        digests = append(digests, d)
    }
    return digests, nil
}
''')
cases_of(case, GH + 'aquasecurity/trivy/pull/3465', 'pkg/fanal/image/daemon/containerd.go',
         G('daemon', ['context', 'os', '', 'github.com/containerd/containerd',
                      'github.com/containerd/containerd/content', 'github.com/containerd/containerd/images/archive',
                      'github.com/opencontainers/go-digest', 'ocispec github.com/opencontainers/image-spec/specs-go/v1',
                      'golang.org/x/xerrors'])(TRIVY), [
             (1, 'go-00-trivy-export-temp-file-left-on-error',
              'an edit drops the cleanup from the export error path, so every image containerd fails to export '
              'leaves an open temporary archive behind', 'edit'),
             (2, 'go-00-trivy-layer-readers-deferred-in-loop',
              'an edit closes each layer reader by defer inside the loop over layers, so an image with many '
              'layers keeps every reader open until all are digested', 'edit'),
             (0, 'go-ok-00-trivy-export-temp-file-removed-on-error',
              'clean: the fix closes and removes the temporary archive when the export fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: ACME client of a certificate controller (cert-manager)
CERTMGR = template('cert-manager-acme-client', r'''
// timeout bounds every call the ACME client makes to the issuer's server, so a hung server cannot stall the
// controller's workers.
const timeout = 30 * time.Second

// BuildHTTPClient returns the HTTP client the ACME clients of all issuers share.
func BuildHTTPClient(metrics *metrics.Metrics, skipTLSVerify bool) *http.Client {
    return &http.Client{ //@{1}TMO-01
        Transport: metrics.InstrumentedRoundTripper(&http.Transport{
            Proxy:               http.ProxyFromEnvironment,
            TLSClientConfig:     &tls.Config{InsecureSkipVerify: skipTLSVerify}, // #nosec G402 -- set per issuer
            TLSHandshakeTimeout: 10 * time.Second,
            MaxIdleConnsPerHost: 10,
        }),
02|        Timeout: timeout,
    }
}

// Client wraps the ACME client of one issuer and gives each of its calls a deadline of its own.
type Client struct {
    base acmecl.Interface
    log  logr.Logger
}

// NewClient wraps base.
func NewClient(base acmecl.Interface, log logr.Logger) *Client {
    return &Client{base: base, log: log.WithName("acme-client")}
}

// AuthorizeOrder creates an order for the identifiers on the ACME server.
func (c *Client) AuthorizeOrder(ctx context.Context, ids []acme.AuthzID, opt ...acme.OrderOption) (*acme.Order, error) {
    c.log.V(logf.DebugLevel).Info("calling AuthorizeOrder", "identifiers", len(ids))
01|    ctx, cancel := context.WithTimeout(ctx, timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, timeout) //@TMO-03
    return c.base.AuthorizeOrder(ctx, ids, opt...)
}

// GetOrder fetches the order at url.
func (c *Client) GetOrder(ctx context.Context, url string) (*acme.Order, error) {
    c.log.V(logf.DebugLevel).Info("calling GetOrder", "url", url)
    ctx, cancel := context.WithTimeout(ctx, timeout)
    defer cancel()
    return c.base.GetOrder(ctx, url)
}
''')
cases_of(case, GH + 'cert-manager/cert-manager/pull/2713', 'pkg/acme/client/middleware/timeout.go',
         G('middleware', ['context', 'crypto/tls', 'net/http', 'time', '', 'github.com/go-logr/logr',
                      'golang.org/x/crypto/acme', '',
                      'acmecl github.com/cert-manager/cert-manager/pkg/acme/client',
                      'logf github.com/cert-manager/cert-manager/pkg/logs',
                      'github.com/cert-manager/cert-manager/pkg/metrics'])(CERTMGR), [
             (1, 'go-00-cert-manager-new-acme-http-client-without-timeout',
              'a new ACME client file builds the shared HTTP client without a timeout, so a server that accepts '
              'the connection and never answers holds an issuer worker for good', 'new'),
             (2, 'go-00-cert-manager-new-acme-order-deadline-cancel-dropped',
              'a new ACME client file gives the order call a deadline and discards its cancel function, so each '
              'order leaves a timer and context behind until the deadline fires', 'new'),
             (0, 'go-ok-00-cert-manager-new-acme-client',
              'clean: a new ACME client file with a bounded HTTP client and a cancelled deadline per call', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Conjur provider of a secrets broker (secretless-broker)
SECRETLESS = template('secretless-conjur-provider', r'''
// Provider fetches secrets from Conjur for the broker's connectors.
type Provider struct {
    Name         string
    applianceURL string
    account      string
    authn        Authenticator
0|    client       *http.Client
}

// ProviderFactory constructs a Conjur provider from the broker's options.
func ProviderFactory(options plugin_v1.ProviderOptions) (plugin_v1.Provider, error) {
    config, err := conjurapi.LoadConfig()
    if err != nil {
        return nil, fmt.Errorf("ERROR: Conjur provider could not load configuration: %s", err)
    }
    provider := &Provider{
        Name:         options.Name,
        applianceURL: config.ApplianceURL,
        account:      config.Account,
        authn:        newAuthenticator(config),
0|        client: &http.Client{
0|            Timeout:   httpTimeout,
0|            Transport: &http.Transport{TLSClientConfig: config.TLSConfig()},
0|        },
    }
    return provider, nil
}

// GetSecretValue fetches the variable id.
func (p *Provider) GetSecretValue(id string) ([]byte, error) {
    token, err := p.authn.Token()
    if err != nil {
        return nil, err
    }
    req, err := http.NewRequest("GET", p.secretURL(id), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Token token=\""+token+"\"")

0|    resp, err := p.client.Do(req)
1|    resp, err := http.DefaultClient.Do(req) //@TMO-01
2|    client := &http.Client{Timeout: httpTimeout} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("conjur: fetching %s: %w", id, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("conjur: fetching %s: %s", id, resp.Status)
    }
    return io.ReadAll(resp.Body)
}
''')
cases_of(case, GH + 'cyberark/secretless-broker/issues/686', 'internal/providers/conjur/provider.go',
         G('conjur', ['fmt', 'io', 'net/http', '', 'github.com/cyberark/conjur-api-go/conjurapi',
                      'plugin_v1 github.com/cyberark/secretless-broker/pkg/secretless/plugin/v1'])(SECRETLESS), [
             (1, 'go-00-secretless-conjur-fetch-on-default-client',
              'an edit fetches each secret with the default HTTP client, which has no timeout, so a Conjur that '
              'stops answering hangs every connection the broker opens', 'edit'),
             (2, 'go-00-secretless-conjur-client-per-fetch',
              'an edit builds a new HTTP client for every secret fetched, so no connection to Conjur is reused and '
              'each fetch pays a new TLS handshake', 'edit'),
             (0, 'go-ok-00-secretless-conjur-shared-bounded-client',
              'clean: the fix fetches secrets through the provider\'s own client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: tunnel start of a VPN client (radiance)
RADIANCE = template('radiance-tunnel-connect', r'''
// connect starts the tunnel with the given options and watches the server list for changes until ctx ends.
func (t *tunnel) connect(ctx context.Context, opts Options) (err error) {
    t.mu.Lock()
    defer t.mu.Unlock()
    if t.running {
        return errors.New("tunnel already running")
    }
    box, err := libbox.NewService(ctx, opts.Config, &platformIface{t.platform})
    if err != nil {
        return fmt.Errorf("create tunnel service: %w", err)
    }
    if err := box.Start(); err != nil {
        return fmt.Errorf("start tunnel service: %w", err)
    }
    t.box = box
    t.running = true

    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                slog.Error("server watcher panicked", "panic", r, "stack", string(debug.Stack()))
02|                t.closeLocked()
02|            }
02|        }()
        for servers := range t.servers.Updates(ctx) {
            if err := t.updateServers(servers); err != nil {
                slog.Warn("failed to apply server update", "error", err)
            }
        }
    }()
    return nil
}

// closeLocked stops the tunnel service; the caller holds t.mu or owns the tunnel.
func (t *tunnel) closeLocked() {
    if t.box == nil {
        return
    }
02|    if err := t.box.Close(); err != nil {
02|        slog.Error("failed to close tunnel service", "error", err)
02|    }
2|    _ = t.box.Close() //@ERR-01
    t.box = nil
    t.running = false
}
''')
cases_of(case, GH + 'getlantern/radiance/pull/133', 'vpn/tunnel.go',
         GV('vpn', {v: ['context', 'errors', 'fmt', 'log/slog'] + (['runtime/debug'] if v != 1 else [])
                    + ['', 'github.com/sagernet/sing-box/experimental/libbox'] for v in (0, 1, 2)})(RADIANCE), [
             (1, 'go-00-radiance-server-watcher-without-recover',
              'an edit drops the recover from the goroutine that applies server-list updates, so a panic in one '
              'update takes the whole VPN process and every open tunnel down', 'edit'),
             (2, 'go-00-radiance-tunnel-close-error-dropped',
              'an edit discards the error of closing the tunnel service, so a tunnel that failed to shut down is '
              'reported as stopped and its routes stay installed', 'edit'),
             (0, 'go-ok-00-radiance-server-watcher-recovers',
              'clean: the fix recovers a panic in the server watcher, logs it and closes the tunnel', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: SBOM scanning of a vulnerability scanner (osv-scanner)
OSV = template('osv-scanner-sbom-files', r'''
// scanSBOMFile reads one SBOM file and adds the packages it lists to the query.
func scanSBOMFile(r *reporter.Reporter, path string, fromFSScan bool) ([]scannedPackage, error) {
    var errs []error
    var packages []scannedPackage
    collect := func(id sbom.Identifier) error {
        packages = append(packages, scannedPackage{PURL: id.PURL, Source: path})
        return nil
    }
    for _, provider := range sbom.Providers {
        if fromFSScan && !provider.MatchesRecognizedFileNames(path) {
            continue
        }
2|        log.Printf("scanning %s as %s", path, provider.Name()) //@LOG-01
        file, err := os.Open(path)
        if err != nil {
            return nil, err //@{1}RES-01
        }
        err = provider.GetPackages(file, collect)
02|        file.Close()
        if err == nil {
            r.Infof("Scanned %s as %s SBOM and found %d packages\n", path, provider.Name(), len(packages))
            return packages, nil
        }
        if errors.Is(err, sbom.ErrInvalidFormat) {
            continue
        }
        errs = append(errs, err)
    }
    return packages, errors.Join(errs...)
}
''')
cases_of(case, GH + 'google/osv-scanner/issues/105', 'pkg/osvscanner/sbom.go',
         GV('osvscanner', {v: ['errors'] + (['log'] if v == 2 else []) + ['os', '',
                              'github.com/google/osv-scanner/pkg/osv/sbom', 'github.com/google/osv-scanner/pkg/reporter']
                          for v in (0, 1, 2)})(OSV), [
             (1, 'go-00-osv-scanner-sbom-file-never-closed',
              'an edit drops the close of each SBOM file after its packages are read, so a recursive scan of a '
              'home directory runs out of file descriptors', 'edit'),
             (2, 'go-00-osv-scanner-sbom-attempt-logged-per-file',
              'an edit logs every file and format tried during a recursive scan, one line for each file of the '
              'tree and each SBOM format, whatever the verbosity asked', 'edit'),
             (0, 'go-ok-00-osv-scanner-sbom-file-closed',
              'clean: the fix closes each SBOM file once its packages are read', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: CRL checking of a PKI toolkit (cfssl)
CFSSL = template('cfssl-revoke-crl-set', r'''
// CRLSet associates a CRL distribution point with the parsed list, so that each list is fetched once until it
// expires. crlLock guards it: revocation checks run on every handshake the server verifies.
var (
    CRLSet  = map[string]*x509.RevocationList{}
    crlLock = new(sync.Mutex)
)

// certIsRevokedCRL reports whether cert is listed on the CRL at url, fetching the list when the cached copy is
// missing or expired.
func certIsRevokedCRL(cert *x509.Certificate, url string) (revoked, ok bool, err error) {
02|    crlLock.Lock()
    crl, ok := CRLSet[url] //@{1}CONC-03
    if ok && crl == nil {
        ok = false
        delete(CRLSet, url)
    }
02|    crlLock.Unlock()

    shouldFetchCRL := !ok || time.Now().After(crl.NextUpdate)
    if shouldFetchCRL {
        crl, err = fetchCRL(url)
        if err != nil {
            log.Warningf("failed to fetch CRL: %v", err)
            return false, false, err
        }
        crlLock.Lock()
        CRLSet[url] = crl
        crlLock.Unlock()
    }
    for _, entry := range crl.RevokedCertificateEntries {
        if cert.SerialNumber.Cmp(entry.SerialNumber) == 0 {
            log.Info("Serial number match: intermediate is revoked.")
            return true, true, nil
        }
    }
    return false, true, nil
}

// fetchCRL fetches and parses the CRL at url.
func fetchCRL(url string) (*x509.RevocationList, error) {
    resp, err := HTTPClient.Get(url)
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return nil, fmt.Errorf("failed to retrieve CRL: %s", resp.Status)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, maxCRLSize))
    if err != nil {
        return nil, err
    }
    return x509.ParseRevocationList(body)
}
''')
cases_of(case, GH + 'cloudflare/cfssl/pull/1132', 'revoke/revoke.go',
         G('revoke', ['crypto/x509', 'fmt', 'io', 'sync', 'time', '', 'github.com/cloudflare/cfssl/log'])(CFSSL), [
             (1, 'go-00-cfssl-crl-set-read-without-lock',
              'an edit reads and prunes the shared CRL cache without its lock, so two handshakes checking the same '
              'distribution point race with a fetch storing a fresh list and crash the server', 'edit'),
             (2, 'go-00-cfssl-crl-response-left-open',
              'an edit drops the close of the CRL response, so every fetch of an expired list keeps its connection '
              'and body buffered until the server runs out of sockets', 'edit'),
             (0, 'go-ok-00-cfssl-crl-set-read-under-lock',
              'clean: the fix reads and prunes the CRL cache under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: Vaultwarden provider of a secrets operator (external-secrets)
EXTSECRETS = template('external-secrets-vaultwarden-provider', r'''
const defaultTimeout = 30 * time.Second

type client struct {
    http    *http.Client
    baseURL string
    token   string
}

type item struct {
    ID    string `json:"id"`
    Name  string `json:"name"`
    Login struct {
        Username string `json:"username"`
        Password string `json:"password"`
    } `json:"login"`
    Notes string `json:"notes"`
}

// NewClient builds a client for the store's Vaultwarden server, trusting its CA bundle when one is set.
func (p *Provider) NewClient(ctx context.Context, store esv1.GenericStore, kube kclient.Client, namespace string) (esv1.SecretsClient, error) {
    prov, err := getProvider(store)
    if err != nil {
        return nil, err
    }
    token, err := resolveToken(ctx, kube, store, namespace, prov.Auth)
    if err != nil {
        return nil, err
    }
    tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
    if len(prov.CABundle) > 0 {
        pool := x509.NewCertPool()
        if !pool.AppendCertsFromPEM(prov.CABundle) {
            return nil, errors.New("vaultwarden: failed to parse CABundle")
        }
        tlsConfig.RootCAs = pool
    }
    httpClient := &http.Client{ //@{1}TMO-01
02|        Timeout:   defaultTimeout,
        Transport: &http.Transport{TLSClientConfig: tlsConfig},
    }
    return &client{http: httpClient, baseURL: strings.TrimSuffix(prov.URL, "/"), token: token}, nil
}

// getItem fetches one vault item by id.
func (c *client) getItem(ctx context.Context, id string) (*item, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/api/items/"+url.PathEscape(id), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+c.token)
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, fmt.Errorf("vaultwarden: fetching item %s: %w", id, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        return nil, esv1.NoSecretErr
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("vaultwarden: fetching item %s: unexpected status %s", id, resp.Status)
    }
    var it item
01|    if err := json.NewDecoder(resp.Body).Decode(&it); err != nil {
01|        return nil, fmt.Errorf("vaultwarden: decoding item %s: %w", id, err)
01|    }
2|    _ = json.NewDecoder(resp.Body).Decode(&it) //@ERR-01
    return &it, nil
}
''')
cases_of(case, GH + 'external-secrets/external-secrets/pull/6197', 'providers/v1/vaultwarden/provider.go',
         G('vaultwarden', ['context', 'crypto/tls', 'crypto/x509', 'encoding/json', 'errors', 'fmt', 'net/http',
                           'net/url', 'strings', 'time', '', 'kclient sigs.k8s.io/controller-runtime/pkg/client', '',
                           'esv1 github.com/external-secrets/external-secrets/apis/externalsecrets/v1'])(EXTSECRETS), [
             (1, 'go-00-external-secrets-new-vaultwarden-client-without-timeout',
              'a new provider builds its HTTP client without a timeout, so a Vaultwarden server that stops '
              'answering blocks the reconcile of every ExternalSecret using the store', 'new'),
             (2, 'go-00-external-secrets-new-vaultwarden-decode-error-dropped',
              'a new provider ignores the error of decoding a vault item, so a truncated answer syncs an empty '
              'password into the Kubernetes secret', 'new'),
             (0, 'go-ok-00-external-secrets-new-vaultwarden-provider',
              'clean: a new provider with a bounded client that reports a bad item', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-02: signing daemon of an SSH certificate authority (ssh-cert-authority)
SSHCA = template('ssh-cert-authority-signer', r'''
type certRequestHandler struct {
    Config map[string]ssh_ca_util.SignerdConfig
    mu     sync.Mutex
    state  map[string]certRequest
    kms    *kmsSigner
}

// saveSigningRequest records a new request so that other signers can approve it.
func (h *certRequestHandler) saveSigningRequest(config ssh_ca_util.SignerdConfig, environment, reason, requestID string, cert *ssh.Certificate) error {
    if _, ok := config.AuthorizedUsers[ssh_ca_util.MakeFingerprint(cert.SignatureKey)]; !ok {
        return fmt.Errorf("requester fingerprint not found in config")
    }
    requestID = strings.ToUpper(requestID)
02|    h.mu.Lock()
02|    defer h.mu.Unlock()
    h.state[requestID] = newcertRequest(environment, reason, cert) //@{1}CONC-03
    return nil
}

// signRequest signs an approved request with the environment's key and returns the certificate.
func (h *certRequestHandler) signRequest(rw http.ResponseWriter, r *http.Request) {
    requestID := mux.Vars(r)["requestID"]
    h.mu.Lock()
    req, ok := h.state[requestID]
    h.mu.Unlock()
    if !ok || !req.approved() {
        http.Error(rw, "request is unknown or not approved", http.StatusNotFound)
        return
    }
01|    signed, err := h.kms.SignCert(r.Context(), req.environment, req.request)
2|    signed, err := h.kms.SignCert(context.Background(), req.environment, req.request) //@TMO-02
    if err != nil {
        log.Printf("signing request %s failed: %v", requestID, err)
        http.Error(rw, "signing failed", http.StatusInternalServerError)
        return
    }
    rw.Header().Set("Content-Type", "text/plain")
    rw.Write(ssh.MarshalAuthorizedKey(signed))
}
''')
cases_of(case, GH + 'cloudtools/ssh-cert-authority/issues/33', 'sign_certd.go',
         GV('main', {v: (['context'] if v == 2 else []) + ['fmt', 'log', 'net/http', 'strings', 'sync', '',
                         'github.com/cloudtools/ssh-cert-authority/util', 'github.com/gorilla/mux',
                         'golang.org/x/crypto/ssh'] for v in (0, 1, 2)})(SSHCA), [
             (1, 'go-00-ssh-cert-authority-request-saved-without-lock',
              'an edit stores each new signing request in the shared request map without the handler\'s lock, so '
              'two engineers requesting certificates at once crash the signing daemon', 'edit'),
             (2, 'go-00-ssh-cert-authority-sign-on-background-context',
              'an edit signs with the KMS key on a background context, so a client that gives up leaves the '
              'signing call running for as long as KMS takes', 'edit'),
             (0, 'go-ok-00-ssh-cert-authority-request-saved-under-lock',
              'clean: the fix stores new requests under the handler\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: renewal loop of a CSI driver library for certificates (csi-lib)
CSILIB = template('csi-lib-renewal-loop', r'''
// startRenewalRoutine begins the background renewal of the volume's certificate. It returns false if the volume
// already has a renewal routine.
func (m *Manager) startRenewalRoutine(volumeID string) (started bool) {
    m.lock.Lock()
    defer m.lock.Unlock()
    if _, ok := m.managedVolumes[volumeID]; ok {
        return false
    }
    stopCh := make(chan struct{})
    m.managedVolumes[volumeID] = stopCh

    go func() {
        defer utilruntime.HandleCrash()
        ctx, cancel := context.WithCancel(context.Background())
        defer cancel()
        go func() {
            defer utilruntime.HandleCrash()
            <-stopCh
            cancel()
        }()
        ticker := time.NewTicker(m.renewalCheckInterval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
            }
            meta, err := m.metadataReader.ReadMetadata(volumeID)
            if err != nil {
                m.log.Error(err, "failed to read metadata", "volume_id", volumeID)
                continue
            }
2|            m.log.Info("checking whether certificate needs renewal", "volume_id", volumeID, "next_issuance", meta.NextIssuanceTime) //@LOG-01
            if meta.NextIssuanceTime == nil || m.clock.Now().Before(*meta.NextIssuanceTime) {
                continue
            }
02|            if err := m.issue(ctx, volumeID); err != nil {
1|            if err := m.issue(context.TODO(), volumeID); err != nil { //@TMO-02
                m.log.Error(err, "failed to renew certificate", "volume_id", volumeID)
            }
        }
    }()
    return true
}
''')
cases_of(case, GH + 'cert-manager/csi-lib/pull/32', 'manager/renewal.go',
         G('manager', ['context', 'time', '', 'utilruntime k8s.io/apimachinery/pkg/util/runtime'])(CSILIB), [
             (1, 'go-00-csi-lib-moved-renewal-issues-on-todo-context',
              'a PR moves the renewal loop into its own file and issues renewals on a TODO context, so unpublishing '
              'a volume stops the loop but not the certificate request already running for it', 'rename'),
             (2, 'go-00-csi-lib-moved-renewal-logs-every-check',
              'a PR moves the renewal loop into its own file and logs every renewal check at info, one line per '
              'volume per check interval on every node', 'rename'),
             (0, 'go-ok-00-csi-lib-moved-renewal-loop',
              'clean: the move alone; renewals run on the routine\'s own context and only failures are logged',
              'rename'),
         ], rename_from='manager/manager.go')


# ---------------------------------------------------------------- TX-01 / TX-02: session repository of an authentication service (go-auth-service)
AUTHSVC = template('go-auth-service-session-repo', r'''
// Create stores the new session and deletes the user's oldest sessions beyond the limit, in one transaction.
func (r *sessionRepo) Create(ctx context.Context, s domain.Session, limit int) error {
    tx, err := r.Pool.Begin(ctx)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("sessionRepo - Create - r.Pool.Begin: %w", err)
    }
02|    defer tx.Rollback(ctx)

    sql, args, err := r.Builder.
        Insert("sessions").
        Columns("id, account_id, provider, user_agent, ip, ttl, expires_at, created_at").
        Values(s.ID, s.AccountID, s.Provider, s.UserAgent, s.IP, s.TTL, s.ExpiresAt, s.CreatedAt).
        ToSql()
    if err != nil {
        return fmt.Errorf("sessionRepo - Create - r.Builder: %w", err)
    }
    if _, err = tx.Exec(ctx, sql, args...); err != nil {
        return fmt.Errorf("sessionRepo - Create - tx.Exec: %w", err)
    }

    if _, err = tx.Exec(ctx, deleteOldestSessions, s.AccountID, limit); err != nil {
        return fmt.Errorf("sessionRepo - Create - tx.Exec(delete oldest): %w", err)
    }

01|    if err = tx.Commit(ctx); err != nil {
01|        return fmt.Errorf("sessionRepo - Create - tx.Commit: %w", err)
01|    }
2|    tx.Commit(ctx) //@TX-02
    return nil
}
''')
cases_of(case, GH + 'ysomad/go-auth-service/issues/49', 'internal/adapter/repository/session_postgres.go',
         G('repository', ['context', 'fmt', '', 'github.com/ysomad/go-auth-service/internal/domain'])(AUTHSVC), [
             (1, 'go-00-go-auth-service-session-tx-not-rolled-back',
              'an edit drops the deferred rollback of the session transaction, so a failed insert or cleanup leaves '
              'the transaction open and its connection out of the pool', 'edit'),
             (2, 'go-00-go-auth-service-session-commit-unchecked',
              'an edit ignores the error of committing the session transaction, so a login whose session was never '
              'stored is answered with a session cookie', 'edit'),
             (0, 'go-ok-00-go-auth-service-session-tx-rolled-back',
              'clean: the fix defers the rollback of the session transaction', 'fix'),
         ])
