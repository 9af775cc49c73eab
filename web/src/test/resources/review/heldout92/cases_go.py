"""Round-92 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / RES-01: pull-through proxy of an OCI registry (OpenRegistry)
OPENREG = template('openregistry-upstream-proxy', r'''
// upstreamProxy serves manifests and blobs a namespace does not hold yet from the configured upstream registry and
// keeps a copy of every blob in the local cache directory, so the next pull is answered without the upstream.
type upstreamProxy struct {
    upstream string
    client   *http.Client
    token    string
    cacheDir string
    store    BlobStore
    logger   telemetry.Logger
}

func (p *upstreamProxy) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
    req, err := http.NewRequestWithContext(ctx, method, p.upstream+path, nil)
    if err != nil {
        return nil, err
    }
    if p.token != "" {
        req.Header.Set("Authorization", "Bearer "+p.token)
    }
    return req, nil
}

// FetchManifest asks the upstream for the manifest of namespace:reference.
func (p *upstreamProxy) FetchManifest(ctx context.Context, namespace, reference string) ([]byte, string, error) {
    req, err := p.newRequest(ctx, http.MethodGet, fmt.Sprintf("/v2/%s/manifests/%s", namespace, reference))
    if err != nil {
        return nil, "", err
    }
    req.Header.Set("Accept", strings.Join(manifestMediaTypes, ", "))

    resp, err := p.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, "", fmt.Errorf("ERR_UPSTREAM_MANIFEST: %w", err)
    }
02|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return nil, "", fmt.Errorf("ERR_UPSTREAM_MANIFEST: upstream answered %s for %s:%s", resp.Status, namespace, reference)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, maxManifestBytes))
    if err != nil {
        return nil, "", fmt.Errorf("ERR_UPSTREAM_MANIFEST: reading body: %w", err)
    }
    return body, resp.Header.Get("Content-Type"), nil
}

// CacheBlob copies a blob the upstream is streaming into a temporary file of the cache directory, checks its digest
// and hands the file to the blob store.
func (p *upstreamProxy) CacheBlob(ctx context.Context, namespace string, dgst digest.Digest, body io.Reader) error {
    tmp, err := os.CreateTemp(p.cacheDir, "upstream-blob-*")
    if err != nil { //@{2}RES-01
        return fmt.Errorf("ERR_CACHE_BLOB: %w", err)
    }
01|    defer os.Remove(tmp.Name())
01|    defer tmp.Close()

    verifier := dgst.Verifier()
    if _, err := io.Copy(io.MultiWriter(tmp, verifier), body); err != nil {
        return fmt.Errorf("ERR_CACHE_BLOB: copying %s: %w", dgst, err)
    }
    if !verifier.Verified() {
        return fmt.Errorf("ERR_CACHE_BLOB: digest mismatch for %s", dgst)
    }
    if _, err := tmp.Seek(0, io.SeekStart); err != nil {
        return fmt.Errorf("ERR_CACHE_BLOB: %w", err)
    }
    if err := p.store.Put(ctx, namespace, dgst, tmp); err != nil {
        return fmt.Errorf("ERR_CACHE_BLOB: storing %s: %w", dgst, err)
    }
2|    tmp.Close()
2|    os.Remove(tmp.Name())
    p.logger.Debug().Str("namespace", namespace).Str("digest", dgst.String()).Msg("cached upstream blob")
    return nil
}
''')
cases_of(case, GH + 'containerish/OpenRegistry/pull/370', 'registry/v2/upstream_proxy.go',
         G('registry', ['context', 'fmt', 'io', 'net/http', 'os', 'strings', '',
                        'github.com/containerish/OpenRegistry/telemetry', 'github.com/opencontainers/go-digest'])(OPENREG), [
             (1, 'go-00-openregistry-upstream-manifest-body-not-closed',
              'an edit drops the close of the upstream\'s manifest response, so every proxied pull keeps a connection '
              'of the upstream client busy until the registry runs out of them', 'edit'),
             (2, 'go-00-openregistry-cached-blob-file-not-closed-on-error',
              'an edit closes and removes the temporary blob file only after a stored blob, so an aborted stream or a '
              'digest mismatch leaves an open file in the cache directory', 'edit'),
             (0, 'go-ok-00-openregistry-upstream-proxy-closes-body',
              'clean: the fix closes the upstream manifest response with a defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: registry challenge requests of a GitOps operator (flux)
FLUX = template('flux-registry-challenge', r'''
const challengeTimeout = 30 * time.Second

// RemoteClientFactory hands out clients for the image registries flux scans. Each registry is asked once which
// authentication it wants (the challenge); the answer is kept by the challenge manager.
type RemoteClientFactory struct {
    Logger   log.Logger
    Limiters *middleware.RateLimiters
    Trace    bool

    mu               sync.Mutex
    challengeManager challenge.Manager
01|    challengeClient  *http.Client
}

func NewRemoteClientFactory(logger log.Logger, limiters *middleware.RateLimiters, trace bool) *RemoteClientFactory {
    return &RemoteClientFactory{
        Logger:           logger,
        Limiters:         limiters,
        Trace:            trace,
        challengeManager: challenge.NewSimpleManager(),
0|        challengeClient:  &http.Client{Timeout: challengeTimeout},
1|        challengeClient:  &http.Client{}, //@TMO-01
    }
}

func (f *RemoteClientFactory) doChallenge(manager challenge.Manager, transport http.RoundTripper, domain string) error {
    registryURL := url.URL{Scheme: "https", Host: domain, Path: "/v2/"}
    req, err := http.NewRequest(http.MethodGet, registryURL.String(), nil)
    if err != nil {
        return err
    }
01|    res, err := f.challengeClient.Do(req)
2|    client := &http.Client{ //@RES-04
2|        Timeout:   challengeTimeout,
2|        Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, TLSHandshakeTimeout: 10 * time.Second},
2|    }
2|    res, err := client.Do(req)
    if err != nil {
        return err
    }
    defer res.Body.Close()
    if err = manager.AddResponse(res); err != nil {
        return err
    }
    return nil
}

func (f *RemoteClientFactory) ClientFor(repo image.CanonicalName, creds Credentials) (Client, error) {
    f.mu.Lock()
    defer f.mu.Unlock()
    tx := f.Limiters.RoundTripper(http.DefaultTransport, repo.Domain)
    if err := f.doChallenge(f.challengeManager, tx, repo.Domain); err != nil {
        return nil, errors.Wrapf(err, "challenging %s", repo.Domain)
    }
    handler := auth.NewTokenHandler(tx, &store{creds}, repo.Image, "pull")
    tx = transport.NewTransport(tx, auth.NewAuthorizer(f.challengeManager, handler))
    return newRemote(&http.Client{Transport: tx, Timeout: 2 * time.Minute}, repo, f.Logger), nil
}
''')
cases_of(case, GH + 'fluxcd/flux/pull/1672', 'registry/client_factory.go',
         G('registry', ['net/http', 'net/url', 'sync', 'time', '',
                        'github.com/docker/distribution/registry/client/auth',
                        'github.com/docker/distribution/registry/client/auth/challenge',
                        'github.com/docker/distribution/registry/client/transport', 'github.com/go-kit/kit/log',
                        'github.com/pkg/errors', '', 'github.com/weaveworks/flux/image',
                        'github.com/weaveworks/flux/registry/middleware'])(FLUX), [
             (1, 'go-00-flux-challenge-client-without-timeout',
              'an edit builds the registry challenge client without a timeout, so a registry that accepts the '
              'connection and never answers stalls the image scan of every workload', 'edit'),
             (2, 'go-00-flux-challenge-client-per-request',
              'an edit builds a client with its own transport for every challenge request, so each scan of each '
              'repository opens a new connection and TLS handshake to the registry', 'edit'),
             (0, 'go-ok-00-flux-challenge-client-shared-with-timeout',
              'clean: the fix gives the shared challenge client a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: API client of an infrastructure-as-code provider (terraform-provider-proxmox)
PROXMOX = template('proxmox-api-client', r'''
// DoRequest performs an API request against the Proxmox node. The client carries no timeout of its own: Terraform's
// operation context (create, update and delete timeouts of the resource) bounds every call.
func (c *client) DoRequest(ctx context.Context, method, path string, requestBody, responseBody interface{}) error {
    var reqBody io.Reader
    if requestBody != nil {
        data, err := json.Marshal(requestBody)
        if err != nil {
            return fmt.Errorf("failed to encode HTTP %s request (path: %s): %w", method, path, err)
        }
        reqBody = bytes.NewReader(data)
    }

02|    req, err := http.NewRequestWithContext(ctx, method, c.ExpandPath(path), reqBody)
1|    req, err := http.NewRequest(method, c.ExpandPath(path), reqBody) //@TMO-02
    if err != nil {
        return fmt.Errorf("failed to create HTTP %s request (path: %s): %w", method, path, err)
    }
    req.Header.Add("Accept", "application/json")
    if reqBody != nil {
        req.Header.Add("Content-Type", "application/json")
    }
    if err := c.auth.AuthenticateRequest(ctx, req); err != nil {
        return fmt.Errorf("failed to authenticate HTTP %s request (path: %s): %w", method, path, err)
    }

    tflog.Debug(ctx, "sending HTTP request", map[string]interface{}{"method": method, "path": path})
    res, err := c.httpClient.Do(req)
    if err != nil {
        return fmt.Errorf("failed to perform HTTP %s request (path: %s): %w", method, path, err)
    }
    defer res.Body.Close()

    if err := validateResponseCode(res); err != nil {
        return err
    }
    if responseBody == nil {
        return nil
    }
    return json.NewDecoder(res.Body).Decode(responseBody)
}

// WaitForNodeTask polls the status of a node task until it stops or the timeout passes.
func (c *client) WaitForNodeTask(ctx context.Context, node, upid string, timeout, delay time.Duration) error {
    ctx, cancel := context.WithTimeout(ctx, timeout) //@{2}TMO-03
01|    defer cancel()

    for {
        status, err := c.GetTaskStatus(ctx, node, upid)
        if err != nil {
            return fmt.Errorf("error retrieving status of task %s: %w", upid, err)
        }
        if status.Status != "running" {
            if status.ExitCode != "OK" {
                return fmt.Errorf("task %s on node %s failed: %s", upid, node, status.ExitCode)
            }
2|            cancel()
            return nil
        }
        select {
        case <-ctx.Done():
            return fmt.Errorf("timeout while waiting for task %s on node %s", upid, node)
        case <-time.After(delay):
        }
    }
}
''')
cases_of(case, GH + 'bpg/terraform-provider-proxmox/pull/464', 'proxmox/api/client.go',
         G('api', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'time', '',
                   'github.com/hashicorp/terraform-plugin-log/tflog'])(PROXMOX), [
             (1, 'go-00-proxmox-request-without-operation-context',
              'an edit builds the API request without Terraform\'s operation context while the client has no timeout '
              'of its own, so a node that stops answering hangs the apply past the resource\'s timeouts', 'edit'),
             (2, 'go-00-proxmox-task-wait-cancel-only-on-success',
              'an edit calls the cancel of the task wait\'s timeout only when the task succeeded, so every failed or '
              'unreadable task leaves its timer and context behind until the timeout fires', 'edit'),
             (0, 'go-ok-00-proxmox-request-with-operation-context',
              'clean: the fix builds the request with the operation context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: Lambda runtime bridge of a serverless dev server (sst), renamed file
SST = template('sst-runtime-bridge', r'''
// runtimeBridge answers the Lambda runtime API of the functions that run locally under `sst dev`: an invocation that
// arrives from AWS waits in pending until the local function posts its response.
type runtimeBridge struct {
    mu      sync.Mutex
    pending map[string]chan invocationResult
    bus     *bus.Bus
    log     *slog.Logger
}

func newRuntimeBridge(b *bus.Bus, log *slog.Logger) *runtimeBridge {
    return &runtimeBridge{pending: map[string]chan invocationResult{}, bus: b, log: log}
}

// invoke registers an invocation under its request id and waits for the local function's answer.
func (r *runtimeBridge) invoke(ctx context.Context, inv invocation) (invocationResult, error) {
    ch := make(chan invocationResult, 1)
02|    r.mu.Lock()
02|    r.pending[inv.RequestID] = ch
02|    r.mu.Unlock()
1|    r.pending[inv.RequestID] = ch //@CONC-03
    defer func() {
        r.mu.Lock()
        delete(r.pending, inv.RequestID)
        r.mu.Unlock()
    }()

01|    go func() {
01|        defer func() {
01|            if p := recover(); p != nil {
01|                r.log.Error("publishing invocation panicked", "requestID", inv.RequestID, "panic", p)
01|            }
01|        }()
01|        r.bus.Publish(&FunctionInvokedEvent{FunctionID: inv.FunctionID, RequestID: inv.RequestID, Input: inv.Payload})
01|    }()
2|    go r.bus.Publish(&FunctionInvokedEvent{FunctionID: inv.FunctionID, RequestID: inv.RequestID, Input: inv.Payload}) //@CONC-01

    select {
    case res := <-ch:
        return res, nil
    case <-ctx.Done():
        return invocationResult{}, ctx.Err()
    }
}

// handleResponse is the runtime API's POST /invocation/{id}/response.
func (r *runtimeBridge) handleResponse(w http.ResponseWriter, req *http.Request) {
    id := req.PathValue("id")
    body, err := io.ReadAll(req.Body)
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    r.mu.Lock()
    ch, ok := r.pending[id]
    r.mu.Unlock()
    if !ok {
        http.Error(w, "unknown invocation", http.StatusNotFound)
        return
    }
    ch <- invocationResult{Output: body}
    w.WriteHeader(http.StatusAccepted)
}
''')
cases_of(case, GH + 'anomalyco/sst/issues/6567', 'cmd/sst/mosaic/aws/runtime_bridge.go',
         G('aws', ['context', 'io', 'log/slog', 'net/http', 'sync', '', 'github.com/sst/sst/v3/pkg/bus'])(SST), [
             (1, 'go-00-sst-renamed-runtime-bridge-pending-map-unlocked',
              'a PR renames the runtime file and registers each invocation in the pending map without the lock the '
              'response handler takes, so concurrent Lambda invocations crash the dev server on a map write', 'rename'),
             (2, 'go-00-sst-renamed-runtime-bridge-publish-without-recover',
              'a PR renames the runtime file and publishes each invocation on a bare goroutine, so a subscriber that '
              'panics on one malformed event takes the whole dev server down', 'rename'),
             (0, 'go-ok-00-sst-renamed-runtime-bridge',
              'clean: the rename alone; the map is written under its lock and the publishing goroutine recovers',
              'rename'),
         ], rename_from='cmd/sst/mosaic/aws/function.go')


# ---------------------------------------------------------------- RES-03 / LOG-03: volume resize of a Postgres operator (postgres-operator)
ZALANDO = template('postgres-operator-resize-volumes', r'''
// resizeVolumes grows the EBS volumes behind the cluster's persistent volumes to the size of the manifest. The volume
// resizer talks to the cloud provider; it is connected once for all volumes of the cluster.
func (c *Cluster) resizeVolumes() error {
    if c.VolumeResizer == nil {
        return fmt.Errorf("no volume resizer set for EBS volume handling")
    }
    c.setProcessName("resizing EBS volumes")

    newQuantity, err := resource.ParseQuantity(c.Spec.Volume.Size)
    if err != nil {
        return fmt.Errorf("could not parse volume size: %v", err)
    }
    newSize := quantityToGigabyte(newQuantity)
    resizer := c.VolumeResizer

    pvs, err := c.listPersistentVolumes()
    if err != nil {
        return fmt.Errorf("could not list persistent volumes: %v", err)
    }
02|    if err := resizer.ConnectToProvider(); err != nil {
02|        return fmt.Errorf("could not connect to the volume provider: %v", err)
02|    }
02|    defer resizer.DisconnectFromProvider()

    resized := 0
    for _, pv := range pvs {
        volumeSize := quantityToGigabyte(pv.Spec.Capacity[v1.ResourceStorage])
        if volumeSize >= newSize {
            if volumeSize > newSize {
                c.logger.Warningf("cannot shrink persistent volume %q", pv.Name)
            }
            continue
        }
        if !resizer.VolumeBelongsToProvider(pv) {
            c.logger.Warningf("persistent volume %q is not handled by the volume resizer", pv.Name)
            continue
        }
1|        if err := resizer.ConnectToProvider(); err != nil {
1|            return fmt.Errorf("could not connect to the volume provider: %v", err)
1|        }
1|        defer resizer.DisconnectFromProvider() //@RES-03
        awsVolumeID, err := resizer.GetProviderVolumeID(pv)
        if err != nil {
            return err
        }
01|        c.logger.Debugf("updating persistent volume %q to %d", pv.Name, newSize)
2|        log.Printf("updating persistent volume %q to %d", pv.Name, newSize) //@LOG-03
        if err := resizer.ResizeVolume(awsVolumeID, newSize); err != nil {
            return fmt.Errorf("could not resize EBS volume %q: %v", awsVolumeID, err)
        }
        pv.Spec.Capacity[v1.ResourceStorage] = newQuantity
        if _, err = c.KubeClient.PersistentVolumes().Update(context.TODO(), pv, metav1.UpdateOptions{}); err != nil {
            return fmt.Errorf("could not update persistent volume: %q", err)
        }
        c.logger.Debugf("successfully updated persistent volume %q", pv.Name)
        resized++
    }
    c.logger.Infof("resized %d persistent volumes of the cluster", resized)
    return nil
}
''')
cases_of(case, GH + 'zalando/postgres-operator/issues/1140', 'pkg/cluster/volumes.go',
         GV('cluster', {v: ['context', 'fmt'] + (['log'] if v == 2 else []) + [
             '', 'v1 k8s.io/api/core/v1', 'k8s.io/apimachinery/pkg/api/resource',
             'metav1 k8s.io/apimachinery/pkg/apis/meta/v1'] for v in (0, 1, 2)})(ZALANDO), [
             (1, 'go-00-postgres-operator-resize-defer-disconnect-in-loop',
              'an edit connects the volume resizer for every persistent volume inside the loop and defers each '
              'disconnect, so a cluster with many volumes holds a provider session per volume until the resize ends',
              'edit'),
             (2, 'go-00-postgres-operator-resize-logged-without-cluster',
              'an edit logs each volume update with the standard library logger instead of the cluster\'s logger, so '
              'the line loses the cluster name and worker fields the operator\'s logs are searched by', 'edit'),
             (0, 'go-ok-00-postgres-operator-resize-connects-once',
              'clean: the fix connects the resizer once before the loop and disconnects it with one defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: transaction helper of a Kubernetes reconciler's database layer (kyma reconciler), new file
KYMA = template('kyma-reconciler-transaction', r'''
// Transaction runs dbOps inside one database transaction of conn. Every statement of dbOps must use the connection it
// is handed (the transaction), otherwise a rollback cannot undo it. An error of dbOps rolls everything back.
func Transaction(conn Connection, dbOps func(tx *TxConnection) error, logger *zap.SugaredLogger) error {
    tx, err := conn.Begin() //@{1}TX-01
    if err != nil {
        return errors.Wrap(err, "failed to begin transaction")
    }
    txConn := &TxConnection{tx: tx, conn: conn, logger: logger}

02|    if err := dbOps(txConn); err != nil {
02|        logger.Debugf("rolling back transaction because of: %s", err)
02|        if rollbackErr := tx.Rollback(); rollbackErr != nil {
02|            return errors.Wrapf(err, "rollback failed too: %s", rollbackErr)
02|        }
02|        return err
02|    }
1|    if err := dbOps(txConn); err != nil {
1|        return errors.Wrap(err, "database operation failed")
1|    }

01|    if err := tx.Commit(); err != nil {
01|        return errors.Wrap(err, "failed to commit transaction")
01|    }
2|    tx.Commit() //@TX-02
    logger.Debug("transaction committed")
    return nil
}

// TxConnection is a Connection whose statements run inside an open transaction.
type TxConnection struct {
    tx     *sql.Tx
    conn   Connection
    logger *zap.SugaredLogger
}

func (t *TxConnection) Exec(query string, args ...interface{}) (sql.Result, error) {
    t.logger.Debugf("tx exec: %s", query)
    return t.tx.Exec(query, args...)
}

func (t *TxConnection) QueryRow(query string, args ...interface{}) DataRow {
    t.logger.Debugf("tx query row: %s", query)
    return t.tx.QueryRow(query, args...)
}

func (t *TxConnection) Query(query string, args ...interface{}) (DataRows, error) {
    t.logger.Debugf("tx query: %s", query)
    return t.tx.Query(query, args...)
}

func (t *TxConnection) Encryptor() *Encryptor {
    return t.conn.Encryptor()
}
''')
cases_of(case, GH + 'kyma-incubator/reconciler/issues/507', 'pkg/db/transaction.go',
         G('db', ['database/sql', '', 'github.com/pkg/errors', 'go.uber.org/zap'])(KYMA), [
             (1, 'go-00-kyma-reconciler-new-transaction-not-rolled-back',
              'a new transaction helper returns the error of the database operations without rolling the '
              'transaction back, so a failed reconciliation keeps its connection and locks until the pool drops it',
              'new'),
             (2, 'go-00-kyma-reconciler-new-transaction-commit-unchecked',
              'a new transaction helper ignores the error of the commit, so a reconciliation whose commit the '
              'database refused is reported as stored', 'new'),
             (0, 'go-ok-00-kyma-reconciler-new-transaction',
              'clean: a new transaction helper that rolls back on error and checks the commit', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: sandbox creation of a container runtime shim (kata runtime)
KATA = template('kata-shim-create', r'''
// create is called by the shim service for CreateTask. containerd cancels ctx when its own request times out; the
// sandbox creation must stop then, or the shim keeps a container containerd no longer knows about.
func create(ctx context.Context, s *service, r *taskAPI.CreateTaskRequest) (*container, error) {
    rootFs := vc.RootFs{}
    if len(r.Rootfs) == 1 {
        m := r.Rootfs[0]
        rootFs.Source, rootFs.Type, rootFs.Options = m.Source, m.Type, m.Options
    }

    ociSpec, bundlePath, err := loadSpec(r)
    if err != nil {
        return nil, err
    }
    containerType, err := oci.ContainerType(*ociSpec)
    if err != nil {
        return nil, err
    }
    disableOutput := noNeedForOutput(r.Terminal, ociSpec.Process.Terminal)

    switch containerType {
    case vc.PodSandbox:
        if s.sandbox != nil {
            return nil, fmt.Errorf("cannot create another sandbox in sandbox: %s", s.sandbox.ID())
        }
        s.config, err = loadRuntimeConfig(s, r, ociSpec.Annotations)
        if err != nil {
            return nil, err
        }
02|        sandbox, _, err := katautils.CreateSandbox(ctx, vci, *ociSpec, *s.config, rootFs, r.ID, bundlePath, "", disableOutput, false, true)
1|        sandbox, _, err := katautils.CreateSandbox(context.Background(), vci, *ociSpec, *s.config, rootFs, r.ID, bundlePath, "", disableOutput, false, true) //@TMO-02
        if err != nil {
            return nil, err
        }
        s.sandbox = sandbox
        go s.startManagementServer(ctx, ociSpec)

    case vc.PodContainer:
        if s.sandbox == nil {
            return nil, fmt.Errorf("BUG: cannot start the container, since the sandbox hasn't been created")
        }
        _, err = katautils.CreateContainer(ctx, vci, s.sandbox, *ociSpec, rootFs, r.ID, bundlePath, "", disableOutput, true)
        if err != nil {
            return nil, err
        }
    }
    return newContainer(s, r, containerType, ociSpec)
}

// loadSpec reads the OCI spec of the bundle.
func loadSpec(r *taskAPI.CreateTaskRequest) (*specs.Spec, string, error) {
    bundlePath, err := validBundle(r.ID, r.Bundle)
    if err != nil {
        return nil, "", err
    }
    f, err := os.Open(filepath.Join(bundlePath, "config.json"))
    if err != nil { //@{2}RES-01
        return nil, "", err
    }
01|    defer f.Close()

    var spec specs.Spec
    if err := json.NewDecoder(f).Decode(&spec); err != nil {
        return nil, "", fmt.Errorf("decoding OCI spec of %s: %w", r.ID, err)
    }
2|    f.Close()
    return &spec, bundlePath, nil
}
''')
cases_of(case, GH + 'kata-containers/runtime/pull/2991', 'containerd-shim-v2/create.go',
         G('containerdshim', ['context', 'encoding/json', 'fmt', 'os', 'path/filepath', '',
                              'taskAPI github.com/containerd/containerd/runtime/v2/task',
                              'vc github.com/kata-containers/runtime/virtcontainers',
                              'github.com/kata-containers/runtime/pkg/katautils',
                              'github.com/kata-containers/runtime/virtcontainers/pkg/oci',
                              'specs github.com/opencontainers/runtime-spec/specs-go'])(KATA), [
             (1, 'go-00-kata-shim-create-sandbox-ignores-request-context',
              'an edit creates the sandbox with a background context instead of containerd\'s request context, so a '
              'create that containerd gave up on keeps booting a VM nobody will delete', 'edit'),
             (2, 'go-00-kata-shim-spec-file-not-closed-on-decode-error',
              'an edit closes the bundle\'s OCI spec file only after it decoded, so every malformed spec leaves the '
              'file open in the long-lived shim', 'edit'),
             (0, 'go-ok-00-kata-shim-create-sandbox-with-request-context',
              'clean: the fix creates the sandbox with the request context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: event loop of an operator framework's controller (operatorkit)
OPKIT = template('operatorkit-event-loop', r'''
const concurrency = 16

// bootWithError watches the controller's resources and hands every event to a worker. Events of one object always go
// to the same worker, so they are processed in order; the workers bound how many reconciliations run at once.
func (c *Controller) bootWithError(ctx context.Context) error {
    watcher, err := c.crd.Watch(ctx, metav1.ListOptions{ResourceVersion: c.resourceVersion})
    if err != nil {
        return microerror.Mask(err)
    }
    defer watcher.Stop()

02|    queues := make([]chan watch.Event, concurrency)
02|    for i := range queues {
02|        queues[i] = make(chan watch.Event, 64)
02|        go c.worker(ctx, queues[i])
02|    }
02|    defer func() {
02|        for _, q := range queues {
02|            close(q)
02|        }
02|    }()

    for {
        select {
        case <-ctx.Done():
            return nil
        case event, ok := <-watcher.ResultChan():
            if !ok {
                return microerror.Maskf(executionFailedError, "watcher channel closed")
            }
2|            c.logger.LogCtx(ctx, "level", "info", "message", fmt.Sprintf("received %s event for %s", event.Type, objectKey(event.Object))) //@LOG-01
02|            queues[c.hashEvent(event)] <- event
1|            go c.handleEvent(ctx, event) //@CONC-02
        }
    }
}

func (c *Controller) worker(ctx context.Context, events <-chan watch.Event) {
    for event := range events {
        c.handleEvent(ctx, event)
    }
}

// hashEvent maps an object to a worker; it is stable for the lifetime of the object.
func (c *Controller) hashEvent(event watch.Event) int {
    h := fnv.New32a()
    _, _ = h.Write([]byte(objectKey(event.Object)))
    return int(h.Sum32() % concurrency)
}
''')
cases_of(case, GH + 'giantswarm/operatorkit/pull/324', 'controller/controller_events.go',
         GV('controller', {v: (['context', 'fmt', 'hash/fnv'] if v == 2 else ['context', 'hash/fnv']) + [
             '', 'github.com/giantswarm/microerror', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1',
             'k8s.io/apimachinery/pkg/watch'] for v in (0, 1, 2)})(OPKIT), [
             (1, 'go-00-operatorkit-goroutine-per-event',
              'an edit hands every watch event to a goroutine of its own instead of the bounded workers, so a resync '
              'of thousands of objects starts thousands of reconciliations at once against the API server', 'edit'),
             (2, 'go-00-operatorkit-info-log-per-event',
              'an edit logs every watch event at info level, so each resync of a large cluster writes a line per '
              'object of every controller', 'edit'),
             (0, 'go-ok-00-operatorkit-bounded-workers',
              'clean: the fix queues events to a fixed set of workers by object hash', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: token transport of a Docker registry client (docker-registry-client)
HEROKU = template('docker-registry-token-transport', r'''
type TokenTransport struct {
    Transport http.RoundTripper
    Username  string
    Password  string
}

// RoundTrip sends the request; a 401 with a bearer challenge makes it fetch a token and send the request again.
func (t *TokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
    resp, err := t.Transport.RoundTrip(req)
    if err != nil || resp.StatusCode != http.StatusUnauthorized { //@{1}RES-02
        return resp, err
    }
02|    resp.Body.Close()
    authService, err := isTokenDemand(resp)
    if err != nil {
        return nil, err
    }
    if authService == nil {
        return nil, fmt.Errorf("registry answered %s without a bearer challenge", resp.Status)
    }
    return t.authAndRetry(authService, req)
}

func (t *TokenTransport) authAndRetry(authService *authService, req *http.Request) (*http.Response, error) {
    token, authResp, err := t.auth(authService)
    if err != nil {
        return authResp, err
    }
    retryReq := req.Clone(req.Context())
    retryReq.Header.Set("Authorization", fmt.Sprintf("Bearer %s", token))
    return t.Transport.RoundTrip(retryReq)
}

func (t *TokenTransport) auth(authService *authService) (string, *http.Response, error) {
    authReq, err := authService.Request(t.Username, t.Password)
    if err != nil {
        return "", nil, err
    }
    client := http.Client{Transport: t.Transport}
    response, err := client.Do(authReq)
    if err != nil {
        return "", nil, err
    }
    if response.StatusCode != http.StatusOK {
        return "", response, nil
    }
    defer response.Body.Close()

    var authToken authToken
01|    if err := json.NewDecoder(response.Body).Decode(&authToken); err != nil {
01|        return "", nil, fmt.Errorf("decoding token from %s: %w", authService.Realm, err)
01|    }
2|    json.NewDecoder(response.Body).Decode(&authToken) //@ERR-01
    return authToken.Token, nil, nil
}
''')
cases_of(case, GH + 'heroku/docker-registry-client/pull/71', 'registry/tokentransport.go',
         G('registry', ['encoding/json', 'fmt', 'net/http'])(HEROKU), [
             (1, 'go-00-docker-registry-client-challenge-body-not-closed',
              'an edit no longer closes the 401 response before fetching a token and retrying, so every '
              'authenticated call leaves the challenge response\'s connection unreturned', 'edit'),
             (2, 'go-00-docker-registry-client-token-decode-error-dropped',
              'an edit drops the error of decoding the token response, so a realm that answers with HTML retries '
              'the request with an empty bearer token and reports a confusing 401', 'edit'),
             (0, 'go-ok-00-docker-registry-client-challenge-body-closed',
              'clean: the fix closes the challenge response before the retry and on the error path', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: SDK server of a game server orchestrator (agones)
AGONES = template('agones-sdk-server', r'''
// Run starts the SDK server's background work: the health check loop and the worker that writes state changes of
// the game server back to Kubernetes. It blocks until ctx is done.
func (s *SDKServer) Run(ctx context.Context) error {
    if err := s.waitForCacheSync(ctx); err != nil {
        return err
    }
    gs, err := s.gameServer()
    if err != nil {
        return err
    }
    s.health = gs.Spec.Health
    s.initHealthLastUpdated(time.Duration(gs.Spec.Health.InitialDelaySeconds) * time.Second)

    if !s.health.Disabled {
01|        go func() {
01|            defer runtime.HandleCrash()
01|            s.runHealth(ctx)
01|        }()
2|        go s.runHealth(ctx) //@CONC-01
    }
    s.workerqueue.Run(ctx, 1)
    return nil
}

// updateState writes the state the game server asked for to its GameServer object.
func (s *SDKServer) updateState(ctx context.Context) error {
    gs, err := s.gameServer()
    if err != nil {
        return err
    }
    if gs.IsBeingDeleted() {
        return nil
    }
    gsCopy := gs.DeepCopy()
    s.gsUpdateMutex.RLock()
    gsCopy.Status.State = s.gsState
    s.gsUpdateMutex.RUnlock()

02|    updateCtx, cancel := context.WithTimeout(ctx, updateTimeout)
02|    defer cancel()
1|    updateCtx, _ := context.WithTimeout(ctx, updateTimeout) //@TMO-03
    _, err = s.gameServerGetter.GameServers(s.namespace).Update(updateCtx, gsCopy, metav1.UpdateOptions{})
    if err != nil {
        return errors.Wrapf(err, "could not update GameServer %s/%s to state %s", s.namespace, s.gameServerName, gsCopy.Status.State)
    }
    s.recorder.Event(gsCopy, corev1.EventTypeNormal, string(gsCopy.Status.State), "SDK state change")
    return nil
}
''')
cases_of(case, GH + 'agones-dev/agones/pull/461', 'pkg/sdkserver/sdkserver.go',
         GV('sdkserver', {v: ['context', 'time', '', 'github.com/pkg/errors', 'corev1 k8s.io/api/core/v1',
                              'metav1 k8s.io/apimachinery/pkg/apis/meta/v1'] +
                         (['k8s.io/apimachinery/pkg/util/runtime'] if v != 2 else []) for v in (0, 1, 2)})(AGONES), [
             (1, 'go-00-agones-sdk-update-timeout-cancel-discarded',
              'an edit discards the cancel of the state update\'s timeout, so every SDK state change leaves a timer '
              'and a context behind in the sidecar until the timeout fires', 'edit'),
             (2, 'go-00-agones-sdk-health-loop-without-recover',
              'an edit starts the health check loop on a bare goroutine without the crash handler, so a panic in a '
              'health check kills the SDK sidecar and with it the game server', 'edit'),
             (0, 'go-ok-00-agones-sdk-update-timeout-cancelled',
              'clean: the fix keeps and defers the cancel of the update timeout', 'fix'),
         ])
