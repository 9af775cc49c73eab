"""Round-116 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: GCP backend of an agent's secret backend (datadog-secret-backend)
GCPSECRETS = template('gcp-secret-backend-access', r'''
// gcpBackend resolves ENC[] handles of the Agent's configuration through Secret Manager's REST API. The Agent
// blocks on these reads while it starts, so every read is bounded and gives its connection back.
type gcpBackend struct {
    Config   gcpConfig
    Client   *http.Client
    Endpoint string
}

02|const accessTimeout = 10 * time.Second
02|
func newGCPBackend(cfg gcpConfig, ts oauth2.TokenSource) *gcpBackend {
    return &gcpBackend{
        Config: cfg,
02|        Client: &http.Client{Timeout: accessTimeout, Transport: &oauth2.Transport{Source: ts}},
1|        Client: &http.Client{Transport: &oauth2.Transport{Source: ts}}, //@TMO-01
        Endpoint: serviceEndpoint,
    }
}

type accessResponse struct {
    Name    string `json:"name"`
    Payload struct {
        Data string `json:"data"`
    } `json:"payload"`
}

// accessSecret reads "secret-name" or "secret-name@version" (latest when no version is given).
func (b *gcpBackend) accessSecret(ctx context.Context, secretString string) (string, error) {
    sec, version := secretString, "latest"
    if name, ver, ok := strings.Cut(secretString, "@"); ok {
        sec, version = name, ver
    }
    url := fmt.Sprintf("%s/projects/%s/secrets/%s/versions/%s:access", b.Endpoint, b.Config.ProjectID, sec, version)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return "", fmt.Errorf("building request for secret %s: %w", sec, err)
    }
    resp, err := b.Client.Do(req)
    if err != nil { //@{2}RES-02
        return "", fmt.Errorf("accessing secret %s: %w", sec, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("accessing secret %s: unexpected status %d", sec, resp.StatusCode)
    }
    var out accessResponse
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return "", fmt.Errorf("decoding secret %s: %w", sec, err)
    }
    value, err := base64.StdEncoding.DecodeString(out.Payload.Data)
    if err != nil {
        return "", fmt.Errorf("decoding payload of secret %s: %w", sec, err)
    }
    return string(value), nil
}

// GetSecretOutputs resolves every handle; a handle that cannot be read carries its own error.
func (b *gcpBackend) GetSecretOutputs(ctx context.Context, handles []string) map[string]secret.SecretVal {
    out := make(map[string]secret.SecretVal, len(handles))
    for _, h := range handles {
        value, err := b.accessSecret(ctx, h)
        if err != nil {
            msg := err.Error()
            out[h] = secret.SecretVal{Value: "", ErrorMsg: msg}
            continue
        }
        out[h] = secret.SecretVal{Value: value}
    }
    return out
}
''')
_GCP = ['context', 'encoding/base64', 'encoding/json', 'fmt', 'net/http', 'strings', 'time', '',
        'github.com/DataDog/datadog-secret-backend/secret', 'golang.org/x/oauth2']
GCP_TEST = f('backend/gcp/secrets_test.go', new=go('gcp', [
    'context', 'encoding/base64', 'fmt', 'net/http', 'net/http/httptest', 'testing'], r'''
func TestAccessSecretVersion(t *testing.T) {
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        if r.URL.Path != "/projects/p1/secrets/db-password/versions/3:access" {
            http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
            return
        }
        fmt.Fprintf(w, `{"name":"db-password","payload":{"data":%q}}`, base64.StdEncoding.EncodeToString([]byte("s3cret")))
    }))
    defer srv.Close()

    b := &gcpBackend{Config: gcpConfig{ProjectID: "p1"}, Client: srv.Client(), Endpoint: srv.URL}
    got, err := b.accessSecret(context.Background(), "db-password@3")
    if err != nil {
        t.Fatalf("unexpected error: %v", err)
    }
    if got != "s3cret" {
        t.Fatalf("got %q, want s3cret", got)
    }
}
'''))
cases_of(case, GH + 'DataDog/datadog-secret-backend/pull/217', 'backend/gcp/secrets.go',
         GV('gcp', {0: _GCP, 1: [i for i in _GCP if i != 'time'], 2: _GCP})(GCPSECRETS), [
             (1, 'go-00-datadog-secret-backend-gcp-client-without-timeout',
              'an edit builds the Secret Manager client without a timeout, so one read that never answers blocks the '
              'Agent\'s start for good', 'edit'),
             (2, 'go-00-datadog-secret-backend-gcp-response-left-open',
              'an edit drops the close of the secret access response, so every resolved handle keeps its connection; '
              'the change adds a test beside it', 'edit', [GCP_TEST]),
             (0, 'go-ok-00-datadog-secret-backend-gcp-client-with-timeout',
              'clean: the fix bounds every Secret Manager read with the client\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: in-process gRPC sync of an OpenFeature flagd provider (go-sdk-contrib)
FLAGDSYNC = template('flagd-grpc-sync-shutdown', r'''
// Sync streams flag configurations from flagd for the in-process resolver. Init starts one streaming goroutine;
// Shutdown cancels it and waits for it to return, so no event is sent after the provider has gone away.
type Sync struct {
    URI    string
    Logger *logger.Logger

    client     syncv1grpc.FlagSyncServiceClient
    connection *grpc.ClientConn
    events     chan SyncEvent
    cancel     context.CancelFunc
    wg         sync.WaitGroup
}

func (g *Sync) Init(ctx context.Context) error {
    conn, err := grpc.NewClient(g.URI, grpc.WithTransportCredentials(insecure.NewCredentials()))
    if err != nil {
        return fmt.Errorf("creating gRPC client for %s: %w", g.URI, err)
    }
    g.connection = conn
    g.client = syncv1grpc.NewFlagSyncServiceClient(conn)
    g.events = make(chan SyncEvent, 10)

    streamCtx, cancel := context.WithCancel(ctx)
    g.cancel = cancel
    g.wg.Add(1)
    go func() { //@{2}CONC-01
        defer g.wg.Done()
01|        defer func() {
01|            if r := recover(); r != nil {
01|                g.Logger.Error("flag sync stream panicked", zap.Any("panic", r))
01|            }
01|        }()
        g.streamLoop(streamCtx)
    }()
    return nil
}

// Events is the channel the provider reads flag configurations from.
func (g *Sync) Events() <-chan SyncEvent {
    return g.events
}

func (g *Sync) streamLoop(ctx context.Context) {
    backoff := time.Second
    for {
        stream, err := g.client.SyncFlags(ctx, &syncv1.SyncFlagsRequest{})
        if err == nil {
            backoff = time.Second
            err = g.receive(ctx, stream)
        }
        if ctx.Err() != nil {
            return
        }
        g.Logger.Warn("flag sync stream ended, retrying", zap.Duration("backoff", backoff), zap.Error(err))
        select {
        case <-ctx.Done():
            return
        case <-time.After(backoff):
        }
        if backoff < 2*time.Minute {
            backoff *= 2
        }
    }
}

func (g *Sync) receive(ctx context.Context, stream syncv1grpc.FlagSyncService_SyncFlagsClient) error {
    for {
        msg, err := stream.Recv()
        if err != nil {
            return err
        }
        select {
        case g.events <- SyncEvent{Data: msg.GetFlagConfiguration()}:
        case <-ctx.Done():
            return ctx.Err()
        }
    }
}

// Shutdown stops the stream and waits for its goroutine before closing the connection it reads from.
func (g *Sync) Shutdown() error {
    if g.cancel == nil {
        return nil
    }
    g.cancel() //@{1}OPS-01
02|    g.wg.Wait()
    return g.connection.Close()
}
''')
cases_of(case, GH + 'open-feature/go-sdk-contrib/pull/716', 'providers/flagd/pkg/service/in_process/grpc_sync.go',
         G('process', ['context', 'fmt', 'sync', 'time', '',
                       'buf.build/gen/go/open-feature/flagd/grpc/go/flagd/sync/v1/syncv1grpc',
                       'syncv1 buf.build/gen/go/open-feature/flagd/protocolbuffers/go/flagd/sync/v1',
                       'github.com/open-feature/flagd/core/pkg/logger', 'go.uber.org/zap', 'google.golang.org/grpc',
                       'google.golang.org/grpc/credentials/insecure'])(FLAGDSYNC), [
             (1, 'go-00-flagd-sync-shutdown-without-waiting-for-stream',
              'an edit drops the wait for the streaming goroutine from Shutdown, so the connection is closed under a '
              'stream that may still be sending events', 'edit'),
             (2, 'go-00-flagd-sync-stream-goroutine-without-recover',
              'an edit drops the recover of the streaming goroutine, so a panic while handling one payload ends the '
              'provider\'s process', 'edit'),
             (0, 'go-ok-00-flagd-sync-shutdown-waits-for-stream',
              'clean: the fix makes Shutdown wait for the streaming goroutine before closing the connection', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: embedded feature flags of a language server (snyk-ls), renamed file
FFLAGS = template('snyk-ls-feature-flags-load', r'''
//go:embed feature_flags.json
var featuresEmbed []byte

// FeatureFlags are the language server's build-time switches. They are parsed once from the embedded JSON and read
// by every request handler, so the first parse is shared and callers get copies.
type FeatureFlags struct {
    SnykCodeInlineIgnore bool `json:"snykCodeInlineIgnore"`
    SastOnServer         bool `json:"sastOnServer"`
    ScanSummary          bool `json:"scanSummary"`
}

var (
02|    loadOnce sync.Once
1|    loaded   bool
    cached   FeatureFlags
    errOnce  error
)

// LoadFeatureFlags returns a copy of the embedded flags; the first call parses them.
func LoadFeatureFlags() (FeatureFlags, error) {
02|    loadOnce.Do(func() {
02|        cached, errOnce = parseFeatureFlags(featuresEmbed)
02|    })
1|    if !loaded {
1|        cached, errOnce = parseFeatureFlags(featuresEmbed) //@CONC-03
1|        loaded = true
1|    }
    return cached, errOnce
}

func parseFeatureFlags(data []byte) (FeatureFlags, error) {
    var ff FeatureFlags
    if err := json.Unmarshal(data, &ff); err != nil { //@{2}ERR-01
01|        return FeatureFlags{}, fmt.Errorf("parsing embedded feature flags: %w", err)
2|        return FeatureFlags{}, nil
    }
    return ff, nil
}
''')
_FF = ['_ embed', 'encoding/json', 'fmt', 'sync']
cases_of(case, GH + 'snyk/snyk-ls/pull/1318', 'internal/fflags/load.go',
         GV('fflags', {0: _FF, 1: ['_ embed', 'encoding/json', 'fmt'], 2: ['_ embed', 'encoding/json', 'sync']})(FFLAGS), [
             (1, 'go-00-snyk-ls-renamed-flags-loaded-without-once',
              'the flags loader moves to load.go and parses the embedded flags behind a plain boolean, so concurrent '
              'first callers write the shared flags at once', 'rename'),
             (2, 'go-00-snyk-ls-renamed-flags-parse-error-dropped',
              'the flags loader moves to load.go and returns empty flags without an error when the embedded JSON does '
              'not parse', 'rename'),
             (0, 'go-ok-00-snyk-ls-renamed-flags-loader',
              'clean: the move alone; the flags are parsed once under sync.Once and a parse error is returned',
              'rename'),
         ], rename_from='internal/fflags/fflags.go')


# ---------------------------------------------------------------- TMO-03 / TMO-02: Vault AppRole login with token renewal of a developer platform (foundation), new file
VAULTRENEW = template('foundation-vault-token-renewal', r'''
const renewTimeout = 30 * time.Second

// appRoleLogin logs in with AppRole credentials and keeps the token renewed until ctx is cancelled, so a deployment
// that runs for hours does not lose its Vault session half way.
func appRoleLogin(ctx context.Context, cfg *vault.Config, roleID, secretID string) (*vault.Client, error) {
    client, err := vault.NewClient(cfg)
    if err != nil {
        return nil, fnerrors.New("vault: failed to create client: %w", err)
    }
    resp, err := client.Logical().WriteWithContext(ctx, "auth/approle/login", map[string]any{
        "role_id":   roleID,
        "secret_id": secretID,
    })
    if err != nil {
        return nil, fnerrors.New("vault: approle login failed: %w", err)
    }
    if resp == nil || resp.Auth == nil {
        return nil, fnerrors.New("vault: approle login returned no auth data")
    }
    client.SetToken(resp.Auth.ClientToken)

    go renew(ctx, client, resp.Auth)

    return client, nil
}

func renew(ctx context.Context, client *vault.Client, auth *vault.SecretAuth) {
    defer func() {
        if r := recover(); r != nil {
            zerolog.Ctx(ctx).Error().Interface("panic", r).Msg("vault: token renewal stopped")
        }
    }()
    lease := time.Duration(auth.LeaseDuration) * time.Second
    if lease <= 0 {
        return // the token does not expire
    }
    if !auth.Renewable {
        zerolog.Ctx(ctx).Warn().Dur("expires_in", lease).Msg("vault: non-renewable token")
        return
    }
    for {
        select {
        case <-ctx.Done():
            return
        case <-time.After(lease / 2):
        }
0|        renewCtx, cancel := context.WithTimeout(ctx, renewTimeout)
1|        renewCtx, _ := context.WithTimeout(ctx, renewTimeout) //@TMO-03
2|        renewCtx, cancel := context.WithTimeout(context.Background(), renewTimeout) //@TMO-02
        secret, err := client.Auth().Token().RenewSelfWithContext(renewCtx, int(lease.Seconds()))
02|        cancel()
        if err != nil {
            zerolog.Ctx(ctx).Warn().Err(err).Dur("retry_in", lease/2).Msg("vault: token renewal failed")
            continue
        }
        if secret != nil && secret.Auth != nil && secret.Auth.LeaseDuration > 0 {
            lease = time.Duration(secret.Auth.LeaseDuration) * time.Second
        }
    }
}
''')
cases_of(case, GH + 'namespacelabs/foundation/pull/1232', 'universe/vault/credentials.go',
         G('vault', ['context', 'time', '', 'vault github.com/hashicorp/vault/api', 'github.com/rs/zerolog',
                     'namespacelabs.dev/foundation/internal/fnerrors'])(VAULTRENEW), [
             (1, 'go-00-foundation-vault-renewal-timeout-cancel-dropped',
              'a new file logs in to Vault and renews the token, discarding the cancel of every renewal\'s timeout '
              'context', 'new'),
             (2, 'go-00-foundation-vault-renewal-detached-from-caller',
              'a new file logs in to Vault and renews the token with a background context, so a renewal in flight '
              'outlives the cancelled deployment', 'new'),
             (0, 'go-ok-00-foundation-vault-renewal-bounded',
              'clean: a new file renews the token with a timeout derived from the caller\'s context, cancelled after '
              'each renewal', 'new'),
         ])


# ---------------------------------------------------------------- LOG-03 / LOG-02: policy evaluation of an IaC policy engine (snyk policy-engine)
POLICYENGINE = template('policy-engine-eval-logger', r'''
// Eval evaluates every loaded policy set against the inputs. Each log line of one evaluation goes to the
// engine's configured logger and carries the evaluation's request id, so the logs of concurrent scans can be told
// apart.
func (e *Engine) Eval(ctx context.Context, options *EvalOptions) *models.Results {
    logger := e.logger.WithField(logging.RequestID, options.RequestID)
    results := &models.Results{}
    for _, p := range e.policySets {
02|        logger.WithField("policy_set", p.name).WithField("policies", len(p.policies)).Debug(ctx, "evaluating policy set")
2|        logger.Debug(ctx, fmt.Sprintf("evaluating %d policies of policy set %s", len(p.policies), p.name)) //@LOG-02
        setResults, err := p.eval(ctx, &policySetEvalOptions{
            inputs:  options.Inputs,
            logger:  logger,
            timeout: options.Timeout,
        })
        if err != nil {
01|            logger.WithField("policy_set", p.name).WithError(err).Error(ctx, "failed to evaluate policy set")
1|            log.Printf("failed to evaluate policy set %s: %v", p.name, err) //@LOG-03
            results.Errors = append(results.Errors, err.Error())
            continue
        }
        results.Results = append(results.Results, setResults...)
    }
    return results
}
''')
_PE = ['context', '', 'github.com/snyk/policy-engine/pkg/logging', 'github.com/snyk/policy-engine/pkg/models']
cases_of(case, GH + 'snyk/policy-engine/pull/136', 'pkg/engine/engine.go',
         GV('engine', {0: _PE, 1: ['context', 'log'] + _PE[1:], 2: ['context', 'fmt'] + _PE[1:]})(POLICYENGINE), [
             (1, 'go-00-policy-engine-eval-error-to-default-logger',
              'an edit logs a failed policy set through the standard logger, so the error goes to stderr without the '
              'evaluation\'s request id', 'edit'),
             (2, 'go-00-policy-engine-eval-debug-line-formatted',
              'an edit formats the per-policy-set debug message eagerly with fmt.Sprintf', 'edit'),
             (0, 'go-ok-00-policy-engine-eval-error-to-engine-logger',
              'clean: the fix logs the failure through the engine\'s logger with the request id', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: secret lookups of a Vault mutating webhook (vault-secrets-webhook)
WEBHOOK = template('vault-secrets-webhook-lookup-context', r'''
type secretRef struct {
    Env  string
    Path string
    Key  string
}

// lookupSecrets resolves the vault: references of a pod's environment during admission. ctx is the admission
// request's context, which carries the API server's webhook timeout: every Vault read made for it stops at that
// deadline instead of holding the admission call open.
func (mw *MutatingWebhook) lookupSecrets(ctx context.Context, client *vaultapi.Client, refs []secretRef) (map[string]string, error) {
    values := make(map[string]string, len(refs))
    for _, ref := range refs {
02|        secret, err := client.Logical().ReadWithContext(ctx, ref.Path)
1|        secret, err := client.Logical().Read(ref.Path) //@TMO-02
        if err != nil { //@{2}ERR-01
01|            return nil, fmt.Errorf("reading %s for %s: %w", ref.Path, ref.Env, err)
2|            mw.logger.Debug("skipping unreadable secret", slog.String("env", ref.Env))
2|            continue
        }
        if secret == nil || secret.Data == nil {
            return nil, fmt.Errorf("secret %s for %s not found", ref.Path, ref.Env)
        }
        data := secret.Data
        if nested, ok := data["data"].(map[string]any); ok {
            data = nested // kv version 2
        }
        value, ok := data[ref.Key].(string)
        if !ok {
            return nil, fmt.Errorf("key %s not found in %s for %s", ref.Key, ref.Path, ref.Env)
        }
        values[ref.Env] = value
    }
    return values, nil
}
''')
_WH = ['context', 'fmt', '', 'vaultapi github.com/hashicorp/vault/api']
cases_of(case, GH + 'bank-vaults/vault-secrets-webhook/pull/728', 'pkg/webhook/secrets.go',
         GV('webhook', {0: _WH, 1: _WH, 2: ['context', 'fmt', 'log/slog'] + _WH[2:]})(WEBHOOK), [
             (1, 'go-00-vault-secrets-webhook-read-without-admission-context',
              'an edit reads each secret without the admission request\'s context, so a slow Vault holds the admission '
              'call past the webhook\'s deadline', 'edit'),
             (2, 'go-00-vault-secrets-webhook-read-error-skipped',
              'an edit skips a secret whose read fails with a debug line, so the pod starts without it and no error '
              'reaches the admission response', 'edit'),
             (0, 'go-ok-00-vault-secrets-webhook-read-with-admission-context',
              'clean: the fix reads every secret with the admission request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: manifest store of a confidential computing control plane (marblerun)
MARBLERUN = template('marblerun-manifest-transaction', r'''
// SetManifest stores a new manifest together with the secrets it defines in one transaction: a failure part way
// leaves the previous manifest and its secrets in place.
func (s *Store) SetManifest(ctx context.Context, rawManifest []byte, secrets map[string]manifest.Secret) error {
    tx, err := s.BeginTransaction(ctx)
    if err != nil { //@{1}TX-01
        return err
    }
02|    defer tx.Rollback()

    if err := tx.Put(request.Manifest, rawManifest); err != nil {
        return fmt.Errorf("storing manifest: %w", err)
    }
    for name, secret := range secrets {
        raw, err := json.Marshal(secret)
        if err != nil {
            return fmt.Errorf("encoding secret %s: %w", name, err)
        }
        if err := tx.Put(request.Secret+":"+name, raw); err != nil {
            return fmt.Errorf("storing secret %s: %w", name, err)
        }
    }
01|    return tx.Commit(ctx)
2|    tx.Commit(ctx) //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'edgelesssys/marblerun/pull/178', 'coordinator/store/manifest.go',
         G('store', ['context', 'encoding/json', 'fmt', '',
                     'github.com/edgelesssys/marblerun/coordinator/manifest',
                     'github.com/edgelesssys/marblerun/coordinator/store/request'])(MARBLERUN), [
             (1, 'go-00-marblerun-manifest-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the manifest transaction, so a failed secret write leaves the '
              'transaction open', 'edit'),
             (2, 'go-00-marblerun-manifest-commit-error-dropped',
              'an edit ignores the error of the manifest transaction\'s commit and reports success', 'edit'),
             (0, 'go-ok-00-marblerun-manifest-transaction-rolled-back',
              'clean: the fix rolls the transaction back on every path that does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Vault client factory of a Kubernetes secrets operator (vault-secrets-operator)
VSO = template('vault-secrets-operator-client-timeout', r'''
02|const defaultRequestTimeout = 30 * time.Second
02|
// ClientFactory hands the reconcilers one Vault client per VaultConnection. Clients are built once and reused: each
// keeps a pooled transport, and every request they make is bounded by the connection's timeout.
type ClientFactory struct {
    mu      sync.Mutex
    clients map[types.UID]*cachedClient
}

type cachedClient struct {
    generation int64
    client     *api.Client
}

func NewClientFactory() *ClientFactory {
    return &ClientFactory{clients: make(map[types.UID]*cachedClient)}
}

// Get returns the client of vc, building a new one only when vc changed since the cached one was built.
func (f *ClientFactory) Get(vc *secretsv1beta1.VaultConnection) (*api.Client, error) {
01|    f.mu.Lock()
01|    defer f.mu.Unlock()
01|    if c, ok := f.clients[vc.UID]; ok && c.generation == vc.Generation {
01|        return c.client, nil
01|    }
01|    client, err := newClient(vc)
01|    if err != nil {
01|        return nil, err
01|    }
01|    f.clients[vc.UID] = &cachedClient{generation: vc.Generation, client: client}
01|    return client, nil
2|    return newClient(vc) //@RES-04
}

func newClient(vc *secretsv1beta1.VaultConnection) (*api.Client, error) {
02|    timeout := defaultRequestTimeout
02|    if vc.Spec.Timeout != "" {
02|        d, err := time.ParseDuration(vc.Spec.Timeout)
02|        if err != nil {
02|            return nil, fmt.Errorf("invalid timeout %q on VaultConnection %s: %w", vc.Spec.Timeout, vc.Name, err)
02|        }
02|        timeout = d
02|    }
    tr := cleanhttp.DefaultPooledTransport()
    tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
    cfg := &api.Config{
        Address:    vc.Spec.Address,
02|        HttpClient: &http.Client{Transport: tr, Timeout: timeout},
1|        HttpClient: &http.Client{Transport: tr}, //@TMO-01
    }
    client, err := api.NewClient(cfg)
    if err != nil {
        return nil, fmt.Errorf("creating Vault client for VaultConnection %s: %w", vc.Name, err)
    }
    return client, nil
}
''')
_VSO = ['crypto/tls', 'fmt', 'net/http', 'sync', 'time', '', 'github.com/hashicorp/go-cleanhttp',
        'github.com/hashicorp/vault/api', 'k8s.io/apimachinery/pkg/types', '',
        'secretsv1beta1 github.com/hashicorp/vault-secrets-operator/api/v1beta1']
cases_of(case, GH + 'hashicorp/vault-secrets-operator/pull/862', 'internal/vault/client_factory.go',
         GV('vault', {0: _VSO, 1: [i for i in _VSO if i != 'time'], 2: _VSO})(VSO), [
             (1, 'go-00-vault-secrets-operator-client-without-timeout',
              'an edit builds the Vault clients without a request timeout, so one hanging Vault blocks the '
              'reconcilers that share the connection', 'edit'),
             (2, 'go-00-vault-secrets-operator-client-per-reconcile',
              'an edit builds a new Vault client with its own transport on every reconcile instead of reusing the '
              'cached one', 'edit'),
             (0, 'go-ok-00-vault-secrets-operator-client-with-timeout',
              'clean: the fix bounds every request of the shared clients with the connection\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-02: HTTP sync of a feature flag daemon (flagd)
FLAGDHTTP = template('flagd-http-sync-ready', r'''
// Sync polls an HTTP endpoint for flag configurations. The first successful fetch marks it ready; IsReady is called
// by the readiness probe from another goroutine.
type Sync struct {
    URI         string
    Client      Client
    Cron        Cron
    Logger      *logger.Logger
    BearerToken string
    LastBodySHA string
02|    ready       atomic.Bool
1|    ready       bool
}

// Client is the subset of *http.Client the sync uses; the configured client carries the request timeout.
type Client interface {
    Do(req *http.Request) (*http.Response, error)
}

func (hs *Sync) IsReady() bool {
02|    return hs.ready.Load()
1|    return hs.ready
}

func (hs *Sync) Sync(ctx context.Context, dataSync chan<- sync.DataSync) error {
    body, err := hs.fetchBody(ctx)
    if err != nil {
        return err
    }
    dataSync <- sync.DataSync{FlagData: body, Source: hs.URI}
02|    hs.ready.Store(true)
1|    hs.ready = true //@CONC-03
    hs.Logger.Debug("initial flag configuration fetched", zap.String("uri", hs.URI))
    return hs.pollUntilDone(ctx, dataSync)
}

func (hs *Sync) fetchBody(ctx context.Context) (string, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, hs.URI, nil)
    if err != nil {
        return "", fmt.Errorf("creating request for %s: %w", hs.URI, err)
    }
    if hs.BearerToken != "" {
        req.Header.Set("Authorization", "Bearer "+hs.BearerToken)
    }
    resp, err := hs.Client.Do(req)
    if err != nil { //@{2}RES-02
        return "", fmt.Errorf("calling %s: %w", hs.URI, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        return "", fmt.Errorf("calling %s: unexpected status %d", hs.URI, resp.StatusCode)
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return "", fmt.Errorf("reading body of %s: %w", hs.URI, err)
    }
    return string(body), nil
}
''')
_FH = ['context', 'fmt', 'io', 'net/http', 'sync/atomic', '', 'github.com/open-feature/flagd/core/pkg/logger',
       'github.com/open-feature/flagd/core/pkg/sync', 'go.uber.org/zap']
cases_of(case, GH + 'open-feature/flagd/issues/2004', 'core/pkg/sync/http/http_sync.go',
         GV('http', {0: _FH, 1: [i for i in _FH if i != 'sync/atomic'], 2: _FH})(FLAGDHTTP), [
             (1, 'go-00-flagd-http-sync-ready-flag-unsynchronized',
              'an edit turns the ready flag into a plain bool written by the sync goroutine and read by the readiness '
              'probe without synchronization', 'edit'),
             (2, 'go-00-flagd-http-sync-response-left-open',
              'an edit drops the close of the flag endpoint\'s response, so every poll keeps a connection', 'edit'),
             (0, 'go-ok-00-flagd-http-sync-ready-flag-atomic',
              'clean: the fix keeps the ready flag in an atomic.Bool', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TIME-01: status monitor of a Vault operator (vault-operator), CRLF file
VAULTOP = template('vault-operator-status-monitor', r'''
// onAdd starts the status monitor of a new VaultService. Its context is cancelled in onDelete, which ends the
// monitor's goroutine together with the cluster.
func (v *Vaults) onAdd(ctx context.Context, vr *api.VaultService) {
    key := vr.Namespace + "/" + vr.Name
02|    clusterCtx, cancel := context.WithCancel(ctx)
02|    v.mu.Lock()
02|    v.cancels[key] = cancel
02|    v.mu.Unlock()
02|    go v.monitorAndUpdateStatus(clusterCtx, vr)
1|    go v.monitorAndUpdateStatus(context.Background(), vr) //@TMO-02
    logrus.WithField("vault", key).Info("started status monitor")
}

func (v *Vaults) onDelete(vr *api.VaultService) {
    key := vr.Namespace + "/" + vr.Name
    v.mu.Lock()
    defer v.mu.Unlock()
    if cancel, ok := v.cancels[key]; ok {
        cancel()
        delete(v.cancels, key)
    }
}

// monitorAndUpdateStatus polls the Vault pods of one cluster and writes their state to the VaultService status until
// ctx is cancelled.
func (v *Vaults) monitorAndUpdateStatus(ctx context.Context, vr *api.VaultService) {
    defer func() {
        if r := recover(); r != nil {
            logrus.WithField("vault", vr.Name).Errorf("status monitor stopped: %v", r)
        }
    }()
    ticker := time.NewTicker(10 * time.Second)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
        s, err := v.podStatuses(ctx, vr)
        if err != nil {
            logrus.WithField("vault", vr.Name).WithError(err).Warn("failed to read vault pod status")
            continue
        }
01|        s.UpdatedAt = time.Now().UTC().Format(time.RFC3339)
2|        s.UpdatedAt = time.Now().Format(time.RFC3339) //@TIME-01
        if err := v.updateVaultCRStatus(ctx, vr.Name, vr.Namespace, s); err != nil {
            logrus.WithField("vault", vr.Name).WithError(err).Warn("failed to update vault status")
        }
    }
}
''')
cases_of(case, GH + 'coreos/vault-operator/pull/61', 'pkg/operator/vault_status.go',
         G('operator', ['context', 'time', '', 'api github.com/coreos/vault-operator/pkg/apis/vault/v1alpha1',
                        'github.com/sirupsen/logrus'])(VAULTOP), [
             (1, 'go-00-vault-operator-status-monitor-detached-from-cluster',
              'an edit starts each cluster\'s status monitor with a background context, so the goroutine keeps '
              'polling after the cluster is deleted', 'edit'),
             (2, 'go-00-vault-operator-status-time-in-local-zone',
              'an edit stamps the status update with the operator\'s local time instead of UTC', 'edit'),
             (0, 'go-ok-00-vault-operator-status-monitor-per-cluster-context',
              'clean: the fix starts the monitor with the cluster\'s own cancellable context', 'fix'),
         ], crlf=True)
