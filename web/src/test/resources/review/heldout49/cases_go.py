"""Round-49 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: edge node's cloud client (kubeedge)
KUBEEDGE = template('kubeedge-cloud-profile-client', r'''
const (
    profilePath    = "/v1/devices/%s/profile"
    requestTimeout = 15 * time.Second
)

// ProfileClient fetches device profiles from the cloud side for an edge node.
type ProfileClient struct {
    baseURL    string
    nodeName   string
    httpClient *http.Client
}

// NewProfileClient builds the edge node's client, with the node certificate for mutual TLS.
func NewProfileClient(baseURL, nodeName string, tlsConfig *tls.Config) *ProfileClient {
    tr := &http.Transport{
        TLSClientConfig:     tlsConfig,
        MaxIdleConnsPerHost: 4,
        IdleConnTimeout:     90 * time.Second,
    }
    return &ProfileClient{
        baseURL:    baseURL,
        nodeName:   nodeName,
01|        httpClient: &http.Client{Transport: tr, Timeout: requestTimeout},
2|        httpClient: &http.Client{Transport: tr}, //@TMO-01
    }
}

// FetchProfile returns the device profile the cloud keeps for deviceID.
func (c *ProfileClient) FetchProfile(ctx context.Context, deviceID string) (*v1alpha2.DeviceProfile, error) {
    url := c.baseURL + fmt.Sprintf(profilePath, deviceID)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, fmt.Errorf("build profile request: %w", err)
    }
    req.Header.Set("Node-Name", c.nodeName)
    resp, err := c.httpClient.Do(req)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("fetch profile of device %s: %w", deviceID, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        return nil, ErrProfileNotFound
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch profile of device %s: status %d", deviceID, resp.StatusCode)
    }
    profile := &v1alpha2.DeviceProfile{}
    if err := json.NewDecoder(resp.Body).Decode(profile); err != nil {
        return nil, fmt.Errorf("decode profile of device %s: %w", deviceID, err)
    }
    klog.V(4).Infof("fetched profile of device %s (%d properties)", deviceID, len(profile.Properties))
    return profile, nil
}
''')
cases_of(case, GH + 'kubeedge/kubeedge/pull/3231', 'edge/pkg/devicetwin/profile_client.go',
         G('devicetwin', ['context', 'crypto/tls', 'encoding/json', 'fmt', 'net/http', 'time', '',
                          'github.com/kubeedge/kubeedge/pkg/apis/devices/v1alpha2', 'k8s.io/klog/v2'])(KUBEEDGE), [
             (1, 'go-00-kubeedge-profile-fetch-body-never-closed',
              'an edit drops the close of the cloud\'s profile answer, so every profile an edge node fetches keeps '
              'its TLS connection and the node runs out of sockets', 'edit'),
             (2, 'go-00-kubeedge-profile-client-without-timeout',
              'an edit builds the edge node\'s cloud client without a timeout, so a cloud side that stops answering '
              'holds the device twin\'s sync for good', 'edit'),
             (0, 'go-ok-00-kubeedge-profile-body-closed-client-bounded',
              'clean: the fix closes every profile answer by defer; the client keeps its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-03: hosted control plane health check (hypershift)
HYPERSHIFT = template('hypershift-kas-health-check', r'''
var kasHealthClient = &http.Client{
    Timeout: 10 * time.Second,
    Transport: &http.Transport{
        TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
    },
}

// reconcileKASAvailability sets the KubeAPIServerAvailable condition from a probe of the hosted API server.
func (r *HostedControlPlaneReconciler) reconcileKASAvailability(ctx context.Context, hcp *hyperv1.HostedControlPlane) {
    condition := metav1.Condition{
        Type:               string(hyperv1.KubeAPIServerAvailable),
        ObservedGeneration: hcp.Generation,
    }
    endpoint := fmt.Sprintf("https://kube-apiserver.%s.svc:%d", hcp.Namespace, util.KASPodPort(hcp))
    if err := healthCheckKASEndpoint(ctx, endpoint); err != nil {
        condition.Status = metav1.ConditionFalse
        condition.Reason = hyperv1.KASLoadBalancerNotReachableReason
        condition.Message = err.Error()
    } else {
        condition.Status = metav1.ConditionTrue
        condition.Reason = hyperv1.AsExpectedReason
        condition.Message = "Kube API server is reachable"
    }
    meta.SetStatusCondition(&hcp.Status.Conditions, condition)
}

// healthCheckKASEndpoint probes /healthz of the hosted API server; the reconcile loop calls it every few seconds.
func healthCheckKASEndpoint(ctx context.Context, endpoint string) error {
01|    ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, 5*time.Second) //@TMO-03
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"/healthz", nil)
    if err != nil {
        return err
    }
    resp, err := kasHealthClient.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("kube-apiserver health check failed: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("kube-apiserver health check returned status %d", resp.StatusCode)
    }
    return nil
}
''')
cases_of(case, GH + 'openshift/hypershift/pull/8560',
         'control-plane-operator/controllers/hostedcontrolplane/kas_availability.go',
         G('hostedcontrolplane', ['context', 'crypto/tls', 'fmt', 'net/http', 'time', '',
                                  'hyperv1 github.com/openshift/hypershift/api/hypershift/v1beta1',
                                  'github.com/openshift/hypershift/support/util',
                                  'k8s.io/apimachinery/pkg/api/meta', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1'])(HYPERSHIFT), [
             (1, 'go-00-hypershift-kas-probe-body-never-closed',
              'an edit drops the close of the health probe\'s answer; the reconcile loop probes every few seconds, '
              'so each probe leaves a connection and its goroutines behind', 'edit'),
             (2, 'go-00-hypershift-kas-probe-timeout-never-cancelled',
              'an edit discards the cancel of the probe\'s timeout context, so every probe leaves its timer and '
              'context behind until the timeout fires', 'edit'),
             (0, 'go-ok-00-hypershift-kas-probe-closed-cancelled',
              'clean: the fix closes the probe\'s answer by defer; its timeout context is cancelled by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: parallel extension deployment of a shoot (gardener)
GARDENER = template('gardener-shoot-extensions', r'''
// extensionErrors collects the failures of the extensions deployed in parallel.
type extensionErrors struct {
    mu     sync.Mutex
    byName map[string]error
}

// deployExtensions deploys every extension of the shoot at once and waits for all of them.
func (b *Botanist) deployExtensions(ctx context.Context, extensions []extensionsv1alpha1.Extension) error {
    errs := &extensionErrors{byName: make(map[string]error, len(extensions))}
    var wg sync.WaitGroup
    for i := range extensions {
        ext := extensions[i]
        wg.Add(1)
        go func() { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    b.Logger.Error(fmt.Errorf("panic: %v", r), "Deploying extension panicked", "extension", ext.Name, "stack", string(debug.Stack()))
01|                    errs.mu.Lock()
01|                    errs.byName[ext.Name] = fmt.Errorf("deploying extension panicked: %v", r)
01|                    errs.mu.Unlock()
01|                }
01|            }()
            if err := b.deployExtension(ctx, &ext); err != nil {
02|                errs.mu.Lock()
                errs.byName[ext.Name] = err //@{1}CONC-03
02|                errs.mu.Unlock()
            }
        }()
    }
    wg.Wait()

    if len(errs.byName) == 0 {
        return nil
    }
    names := make([]string, 0, len(errs.byName))
    for name := range errs.byName {
        names = append(names, name)
    }
    sort.Strings(names)
    return fmt.Errorf("deploying extensions %s failed: %v", strings.Join(names, ", "), errs.byName[names[0]])
}
''')
cases_of(case, GH + 'gardener/gardener/pull/2708', 'pkg/operation/botanist/extensions.go',
         G('botanist', ['context', 'fmt', 'runtime/debug', 'sort', 'strings', 'sync', '',
                        'extensionsv1alpha1 github.com/gardener/gardener/pkg/apis/extensions/v1alpha1'])(GARDENER), [
             (1, 'go-00-gardener-extension-errors-map-written-without-lock',
              'an edit records each failed extension in the shared map without its lock, so two extensions failing '
              'together crash the gardenlet with concurrent map writes', 'edit'),
             (2, 'go-00-gardener-extension-deployer-without-recover',
              'an edit starts each extension\'s deployment as a goroutine without its recover, so one panicking '
              'extension takes the whole gardenlet down', 'edit'),
             (0, 'go-ok-00-gardener-extensions-locked-and-recovered',
              'clean: the fix writes the failures under the lock; each deployment goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: check results of a cluster health checker (kuberhealthy)
KUBERHEALTHY = template('kuberhealthy-state-store', r'''
// StateStore keeps the last result of every check and mirrors it into the khstate resources.
type StateStore struct {
    mu        sync.RWMutex
    results   map[string]health.CheckDetails
    client    *khstatev1.KHStateV1Client
    namespace string
}

// Record is called by each check's goroutine when the check reports.
func (s *StateStore) Record(ctx context.Context, name string, details health.CheckDetails) error {
    details.LastRun = time.Now()
02|    s.mu.Lock()
    s.results[name] = details //@{1}CONC-03
02|    s.mu.Unlock()

    state, err := s.client.KuberhealthyStates(s.namespace).Get(ctx, name, metav1.GetOptions{})
    if err != nil {
        return fmt.Errorf("get khstate %s: %w", name, err)
    }
    state.Spec = details
01|    if _, err := s.client.KuberhealthyStates(s.namespace).Update(ctx, state, metav1.UpdateOptions{}); err != nil {
01|        return fmt.Errorf("update khstate %s: %w", name, err)
01|    }
2|    s.client.KuberhealthyStates(s.namespace).Update(ctx, state, metav1.UpdateOptions{}) //@ERR-01
    log.Debugln("Stored result of check", name, "ok:", details.OK)
    return nil
}

// Snapshot returns a copy of every check's last result for the status page.
func (s *StateStore) Snapshot() map[string]health.CheckDetails {
    s.mu.RLock()
    defer s.mu.RUnlock()
    out := make(map[string]health.CheckDetails, len(s.results))
    for name, details := range s.results {
        out[name] = details
    }
    return out
}
''')
cases_of(case, GH + 'kuberhealthy/kuberhealthy/pull/185', 'pkg/khstatecrd/store.go',
         G('khstatecrd', ['context', 'fmt', 'sync', 'time', '',
                          'github.com/kuberhealthy/kuberhealthy/v2/pkg/health',
                          'khstatev1 github.com/kuberhealthy/kuberhealthy/v2/pkg/apis/khstate/v1',
                          'log github.com/sirupsen/logrus',
                          'metav1 k8s.io/apimachinery/pkg/apis/meta/v1'])(KUBERHEALTHY), [
             (1, 'go-00-kuberhealthy-results-map-written-without-lock',
              'an edit stores each check\'s result in the shared map without the lock the snapshot reads under, so '
              'two checks reporting at once crash kuberhealthy', 'edit'),
             (2, 'go-00-kuberhealthy-khstate-update-error-dropped',
              'an edit updates the khstate resource without looking at the error, so a conflict or a denied update '
              'leaves the status page stale and nothing in the log', 'edit'),
             (0, 'go-ok-00-kuberhealthy-results-locked-update-checked',
              'clean: the fix stores results under the lock; a failed khstate update is returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: dashboard controller of a Grafana operator (grafana-operator)
GRAFANA = template('grafana-operator-dashboard-controller', r'''
// GrafanaDashboardReconciler pushes GrafanaDashboard resources into the Grafana instance.
type GrafanaDashboardReconciler struct {
    client.Client
    Log        logr.Logger
    grafanaURL string
    user       string
    password   string
    insecure   bool
    timeout    time.Duration
    httpClient *http.Client
}

// NewGrafanaDashboardReconciler builds the reconciler and the one HTTP client it talks to Grafana with.
func NewGrafanaDashboardReconciler(c client.Client, log logr.Logger, cfg config.GrafanaConfig) *GrafanaDashboardReconciler {
    return &GrafanaDashboardReconciler{
        Client:     c,
        Log:        log,
        grafanaURL: cfg.URL,
        user:       cfg.User,
        password:   cfg.Password,
        insecure:   cfg.Insecure,
        timeout:    cfg.Timeout,
        httpClient: &http.Client{ //@{2}TMO-01
            Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.Insecure}},
01|            Timeout:   cfg.Timeout,
        },
    }
}

// Reconcile posts the dashboard's JSON to Grafana and records the result in the resource's status.
func (r *GrafanaDashboardReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
    dashboard := &v1alpha1.GrafanaDashboard{}
    if err := r.Get(ctx, req.NamespacedName, dashboard); err != nil {
        return ctrl.Result{}, client.IgnoreNotFound(err)
    }
    body, err := json.Marshal(map[string]interface{}{"dashboard": json.RawMessage(dashboard.Spec.Json), "overwrite": true})
    if err != nil {
        return ctrl.Result{}, err
    }
    httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, r.grafanaURL+"/api/dashboards/db", bytes.NewReader(body))
    if err != nil {
        return ctrl.Result{}, err
    }
    httpReq.Header.Set("Content-Type", "application/json")
    httpReq.SetBasicAuth(r.user, r.password)
1|    httpClient := &http.Client{ //@RES-04
1|        Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: r.insecure}},
1|        Timeout:   r.timeout,
1|    }
1|    resp, err := httpClient.Do(httpReq)
02|    resp, err := r.httpClient.Do(httpReq)
    if err != nil {
        return ctrl.Result{RequeueAfter: 30 * time.Second}, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
        r.Log.Info("Grafana refused the dashboard", "dashboard", req.NamespacedName, "status", resp.StatusCode, "message", string(msg))
        return ctrl.Result{RequeueAfter: time.Minute}, nil
    }
    dashboard.Status.Phase = v1alpha1.PhaseReconciling
    return ctrl.Result{}, r.Status().Update(ctx, dashboard)
}
''')
cases_of(case, GH + 'grafana/grafana-operator/pull/308', 'controllers/grafanadashboard/grafanadashboard_controller.go',
         G('grafanadashboard', ['bytes', 'context', 'crypto/tls', 'encoding/json', 'io', 'net/http', 'time', '',
                                'github.com/go-logr/logr', 'github.com/grafana-operator/grafana-operator/v4/api/integreatly/v1alpha1',
                                'github.com/grafana-operator/grafana-operator/v4/controllers/config',
                                'ctrl sigs.k8s.io/controller-runtime', 'sigs.k8s.io/controller-runtime/pkg/client'])(GRAFANA), [
             (1, 'go-00-grafana-operator-client-built-per-reconcile',
              'an edit builds a new HTTP client with its own transport in every reconcile, so the operator leaves '
              'idle connections behind on each pass and fills the node\'s conntrack table', 'edit'),
             (2, 'go-00-grafana-operator-shared-client-without-timeout',
              'an edit drops the timeout of the operator\'s shared Grafana client, so a hung Grafana blocks the '
              'reconcile worker for good', 'edit'),
             (0, 'go-ok-00-grafana-operator-shared-bounded-client',
              'clean: the fix posts every dashboard through the one shared client, which keeps its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: connection pool of a database client (aerospike-client-go)
AEROSPIKE = template('aerospike-node-connections', r'''
// getConnectionWithHint takes an idle connection from the node's pool; when the pool is empty it starts opening one
// in the background and tells the caller to retry.
func (nd *Node) getConnectionWithHint(deadline time.Time, timeout time.Duration, hint byte) (*Connection, error) {
    conn := nd.connections.Poll(hint)
    if conn == nil {
02|        if nd.connectionsOpening.IncrementAndGet() > int64(nd.cluster.clientPolicy.OpeningConnectionThreshold) {
02|            nd.connectionsOpening.DecrementAndGet()
02|            return nil, ErrTooManyOpeningConnections
02|        }
        go func() { //@{1}CONC-02 //@{2}CONC-01
02|            defer nd.connectionsOpening.DecrementAndGet()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    logger.Logger.Error("Opening a connection to node %s panicked: %v", nd.String(), r)
01|                }
01|            }()
            nd.makeConnectionForPool(hint)
        }()
        return nil, ErrConnectionPoolEmpty
    }

    if err := conn.SetTimeout(deadline, timeout); err != nil {
        nd.invalidateConnection(conn)
        return nil, err
    }
    if nd.cluster.clientPolicy.IdleTimeout > 0 {
        conn.refresh()
    }
    return conn, nil
}
''')
cases_of(case, GH + 'aerospike/aerospike-client-go/issues/347', 'node.go',
         G('aerospike', ['time', '', 'github.com/aerospike/aerospike-client-go/v5/logger'])(AEROSPIKE), [
             (1, 'go-00-aerospike-goroutine-per-pool-miss',
              'an edit starts a goroutine to open a connection on every pool miss with no cap, so a burst of load '
              'spawns a hundred thousand goroutines in seconds', 'edit'),
             (2, 'go-00-aerospike-connection-opener-without-recover',
              'an edit drops the recover of the background connection opener, so a panic while dialling a node '
              'takes the application down', 'edit'),
             (0, 'go-ok-00-aerospike-bounded-recovered-opener',
              'clean: the fix caps the connections being opened and recovers the opener', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-02: flow store of a network topology analyzer (skydive)
SKYDIVE = template('skydive-flow-store', r'''
// FlowStore persists captured flows into the analyzer's SQL backend.
type FlowStore struct {
    db        *sql.DB
    retention time.Duration
}

// StoreFlows writes one batch of flows, stamped with the time the analyzer received them.
func (s *FlowStore) StoreFlows(ctx context.Context, flows []*flow.Flow) error {
01|    receivedAt := time.Now().UTC()
2|    receivedAt := time.Now() //@TIME-01
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin flow batch: %w", err)
    }
    defer tx.Rollback()
    stmt, err := tx.PrepareContext(ctx, `INSERT INTO flows (uuid, node_tid, layers_path, start, last, received_at) VALUES ($1, $2, $3, $4, $5, $6)`)
    if err != nil {
        return fmt.Errorf("prepare flow insert: %w", err)
    }
    defer stmt.Close()
    for _, f := range flows {
        start := time.Unix(0, f.Start*int64(time.Millisecond)).UTC()
        last := time.Unix(0, f.Last*int64(time.Millisecond)).UTC()
        if _, err := stmt.ExecContext(ctx, f.UUID, f.NodeTID, f.LayersPath, start, last, receivedAt); err != nil {
            return fmt.Errorf("insert flow %s: %w", f.UUID, err)
        }
    }
    return tx.Commit()
}

// Expire deletes the flows older than the retention; the analyzer calls it from a request handler.
func (s *FlowStore) Expire(ctx context.Context) (int64, error) {
    cutoff := time.Now().UTC().Add(-s.retention)
02|    res, err := s.db.ExecContext(ctx, `DELETE FROM flows WHERE last < $1`, cutoff)
1|    res, err := s.db.ExecContext(context.Background(), `DELETE FROM flows WHERE last < $1`, cutoff) //@TMO-02
    if err != nil {
        return 0, fmt.Errorf("expire flows: %w", err)
    }
    n, err := res.RowsAffected()
    if err != nil {
        return 0, err
    }
    logging.GetLogger().Debugf("expired %d flows older than %s", n, cutoff.Format(time.RFC3339))
    return n, nil
}
''')
cases_of(case, GH + 'skydive-project/skydive/issues/199', 'flow/storage/sql/store.go',
         G('sql', ['context', 'database/sql', 'fmt', 'time', '', 'github.com/skydive-project/skydive/flow',
                   'github.com/skydive-project/skydive/logging'])(SKYDIVE), [
             (1, 'go-00-skydive-flow-expiry-detached-from-request',
              'an edit runs the expiry delete on a background context, so a client that gives up or a request that '
              'times out leaves the delete running on the database', 'edit'),
             (2, 'go-00-skydive-flow-batch-stamped-in-host-zone',
              'an edit stamps each flow batch with the host\'s local time, so an analyzer outside UTC stores '
              'received times hours off the captured ones', 'edit'),
             (0, 'go-ok-00-skydive-flow-store-utc-request-context',
              'clean: the fix runs the expiry on the caller\'s context; batches are stamped in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: layer extraction of an image scanner (stackrox scanner), new file
SCANNER = template('stackrox-scanner-layer-extractor', r'''
const maxExtractedFileSize = 64 << 20

// LayerExtractor pulls the files the analyzers need out of a downloaded image layer.
type LayerExtractor struct {
    scratchDir string
}

// NewLayerExtractor returns an extractor writing below scratchDir.
func NewLayerExtractor(scratchDir string) *LayerExtractor {
    return &LayerExtractor{scratchDir: scratchDir}
}

// Extract reads the gzipped layer tarball at layerPath and returns the contents of the wanted files.
func (e *LayerExtractor) Extract(layerPath string, wanted map[string]bool) (map[string][]byte, error) {
    file, err := os.Open(layerPath) //@{1}RES-01
    if err != nil {
        return nil, errors.Wrapf(err, "opening layer %s", layerPath)
    }
02|    defer file.Close()
    gz, err := gzip.NewReader(file)
    if err != nil {
        return nil, errors.Wrapf(err, "reading layer %s", layerPath)
    }
    defer gz.Close()
    files := make(map[string][]byte)
    tr := tar.NewReader(gz)
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            break
        }
        if err != nil {
            return nil, errors.Wrapf(err, "walking layer %s", layerPath)
        }
        name := strings.TrimPrefix(hdr.Name, "./")
        if hdr.Typeflag != tar.TypeReg || !wanted[name] {
            continue
        }
        contents, err := io.ReadAll(io.LimitReader(tr, maxExtractedFileSize))
        if err != nil {
            return nil, errors.Wrapf(err, "reading %s from layer %s", name, layerPath)
        }
        files[name] = contents
    }
    return files, nil
}

// Save writes the extracted files below the scratch directory, for the analyzers that read from disk.
func (e *LayerExtractor) Save(layerDigest string, files map[string][]byte) error {
    root := filepath.Join(e.scratchDir, layerDigest)
    for name, contents := range files {
        path := filepath.Join(root, filepath.Clean("/"+name))
        if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
            return errors.Wrapf(err, "creating directory for %s", name)
        }
01|        if err := writeFile(path, contents); err != nil {
01|            return err
01|        }
2|        out, err := os.Create(path)
2|        if err != nil {
2|            return errors.Wrapf(err, "creating %s", path)
2|        }
2|        defer out.Close() //@RES-03
2|        if _, err := out.Write(contents); err != nil {
2|            return errors.Wrapf(err, "writing %s", path)
2|        }
    }
    return nil
}
01|
01|func writeFile(path string, contents []byte) error {
01|    out, err := os.Create(path)
01|    if err != nil {
01|        return errors.Wrapf(err, "creating %s", path)
01|    }
01|    defer out.Close()
01|    if _, err := out.Write(contents); err != nil {
01|        return errors.Wrapf(err, "writing %s", path)
01|    }
01|    return out.Close()
01|}
''')
cases_of(case, GH + 'stackrox/scanner/pull/594', 'pkg/analyzer/extractor/layer_extractor.go',
         G('extractor', ['archive/tar', 'compress/gzip', 'io', 'os', 'path/filepath', 'strings', '',
                         'github.com/pkg/errors'])(SCANNER), [
             (1, 'go-00-stackrox-scanner-new-extractor-layer-file-never-closed',
              'a new layer extractor opens each layer tarball and never closes it, so a scanner working through '
              'thousands of layers runs out of file descriptors', 'new'),
             (2, 'go-00-stackrox-scanner-new-extractor-close-deferred-in-loop',
              'a new layer extractor defers the close of every file it writes inside the loop, so a layer with '
              'many files keeps all of them open until the save ends', 'new'),
             (0, 'go-ok-00-stackrox-scanner-new-extractor-closed-per-file',
              'clean: a new layer extractor closing the layer by defer and each written file in its own function',
              'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: download handler of a Go module proxy (goproxy)
GOPROXY = template('goproxy-module-handler', r'''
// ServeHTTP answers one module download request, from the cache when it can and from upstream otherwise.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
1|    log.Printf("goproxy: %s %s from %s", r.Method, r.URL.Path, r.RemoteAddr) //@LOG-01
    if r.Method != http.MethodGet && r.Method != http.MethodHead {
        http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
        return
    }
    name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
    mod, ver, kind, err := splitModulePath(name)
    if err != nil {
        http.Error(w, "not found", http.StatusNotFound)
        return
    }
    if data, err := p.cache.Get(r.Context(), name); err == nil {
        p.serve(w, r, kind, data)
        return
    }
    data, err := p.fetcher.Fetch(r.Context(), mod, ver, kind)
    if err != nil {
        log.Printf("goproxy: fetching %s@%s %s failed: %v", mod, ver, kind, err)
        http.Error(w, "not found", http.StatusNotFound)
        return
    }
01|    if err := p.cache.Put(r.Context(), name, bytes.NewReader(data)); err != nil {
01|        log.Printf("goproxy: caching %s failed: %v", name, err)
01|    }
2|    p.cache.Put(r.Context(), name, bytes.NewReader(data)) //@ERR-01
    p.serve(w, r, kind, data)
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request, kind string, data []byte) {
    w.Header().Set("Content-Type", contentTypes[kind])
    w.Header().Set("Cache-Control", "public, max-age=604800")
    http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}
''')
cases_of(case, GH + 'goproxyio/goproxy/pull/94', 'proxy/server.go',
         G('proxy', ['bytes', 'log', 'net/http', 'path', 'strings', 'time'])(GOPROXY), [
             (1, 'go-00-goproxy-every-download-logged',
              'an edit logs every download request the proxy answers, so a CI fleet resolving modules fills the '
              'disk with one line per file fetched', 'edit'),
             (2, 'go-00-goproxy-cache-write-error-dropped',
              'an edit stores fetched modules in the cache without looking at the error, so a full cache disk '
              'silently turns every request into an upstream fetch', 'edit'),
             (0, 'go-ok-00-goproxy-quiet-handler-cache-error-logged',
              'clean: the fix logs only failures; a failed cache write is logged', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-03: node pool scaler of an OpenSearch operator (opensearch-k8s-operator), moved
OPENSEARCH = template('opensearch-operator-node-pool-scaler', r'''
// NodePoolScaler drains and removes OpenSearch nodes when a node pool shrinks.
type NodePoolScaler struct {
    client.Client
    cluster      *opsterv1.OpenSearchCluster
    osClient     *services.OsClusterClient
    drainTimeout time.Duration
    logger       logr.Logger
}

// NewNodePoolScaler builds the scaler around the operator's one client for this cluster.
func NewNodePoolScaler(c client.Client, cluster *opsterv1.OpenSearchCluster, osClient *services.OsClusterClient, logger logr.Logger) *NodePoolScaler {
    return &NodePoolScaler{Client: c, cluster: cluster, osClient: osClient, drainTimeout: 10 * time.Minute, logger: logger}
}

// Reconcile excludes the pool's last node from shard allocation and waits until its shards have moved away.
func (s *NodePoolScaler) Reconcile(ctx context.Context, pool opsterv1.NodePool, current int32) (*ctrl.Result, error) {
    if current <= pool.Replicas {
        return nil, nil
    }
    lastNode := builders.ReplicaHostName(pool, current-1)
1|    username, password, err := helpers.UsernameAndPassword(ctx, s.Client, s.cluster)
1|    if err != nil {
1|        return nil, err
1|    }
1|    osClient, err := services.NewOsClusterClient(builders.URLForCluster(s.cluster), username, password) //@RES-04
1|    if err != nil {
1|        return nil, err
1|    }
02|    osClient := s.osClient
01|    drainCtx, cancel := context.WithTimeout(ctx, s.drainTimeout)
01|    defer cancel()
2|    drainCtx, _ := context.WithTimeout(ctx, s.drainTimeout) //@TMO-03
    if err := services.AppendExcludeNodeHost(drainCtx, osClient, lastNode); err != nil {
        return &ctrl.Result{Requeue: true}, err
    }
    empty, err := services.HasNoShardsOnNode(drainCtx, osClient, lastNode)
    if err != nil {
        return &ctrl.Result{Requeue: true}, err
    }
    if !empty {
        s.logger.Info("Waiting for shards to move off the node", "node", lastNode)
        return &ctrl.Result{RequeueAfter: 30 * time.Second}, nil
    }
    s.logger.Info("Node drained, scaling the pool down", "node", lastNode, "pool", pool.Component)
    return nil, nil
}
''')
cases_of(case, GH + 'opensearch-project/opensearch-k8s-operator/pull/842', 'opensearch-operator/pkg/reconcilers/nodepool_scaler.go',
         G('reconcilers', ['context', 'time', '', 'github.com/go-logr/logr',
                           'opsterv1 github.com/Opster/opensearch-k8s-operator/opensearch-operator/api/v1',
                           'github.com/Opster/opensearch-k8s-operator/opensearch-operator/opensearch-gateway/services',
                           'github.com/Opster/opensearch-k8s-operator/opensearch-operator/pkg/builders',
                           'github.com/Opster/opensearch-k8s-operator/opensearch-operator/pkg/helpers',
                           'ctrl sigs.k8s.io/controller-runtime', 'sigs.k8s.io/controller-runtime/pkg/client'])(OPENSEARCH), [
             (1, 'go-00-opensearch-operator-moved-scaler-client-per-reconcile',
              'a PR moves the node pool scaler into its own file and builds a new cluster client on every '
              'reconcile, each with its own transport whose idle connections pile up until the operator is OOM-killed',
              'rename'),
             (2, 'go-00-opensearch-operator-moved-scaler-drain-context-never-cancelled',
              'a PR moves the node pool scaler into its own file and discards the cancel of the drain\'s timeout '
              'context, so every pass leaves its timer behind', 'rename'),
             (0, 'go-ok-00-opensearch-operator-moved-scaler-shared-client-cancelled',
              'clean: the move alone; the scaler drains through the shared client, its context cancelled by defer',
              'rename'),
         ], rename_from='opensearch-operator/pkg/reconcilers/scaler.go',
         rename_old=lambda t: t.replace('NodePoolScaler', 'Scaler'))
