"""Round-26 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: firewall API client (opnsense webhook)
OPNSENSE = r'''
// doRequest sends one call to the OPNsense API and decodes its JSON answer into out.
func (c *httpClient) doRequest(ctx context.Context, method, path string, body io.Reader, out any) error {
    req, err := http.NewRequestWithContext(ctx, method, c.baseURL.JoinPath(path).String(), body)
    if err != nil {
        return fmt.Errorf("build %s %s: %w", method, path, err)
    }
    req.SetBasicAuth(c.config.Key, c.config.Secret)
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.client.Do(req) //@{1}RES-02
    if err != nil {
02|        return fmt.Errorf("%s %s: %w", method, path, err)
1|        return fmt.Errorf("call %s %s: %w", method, path, err)
    }
0|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("%s %s: unexpected status %s", method, path, resp.Status)
    }
    return json.NewDecoder(resp.Body).Decode(out)
}

// newHTTPClient builds the one client every call of the provider shares.
func newHTTPClient(cfg *Config) (*httpClient, error) {
    u, err := url.Parse(cfg.Host)
    if err != nil {
        return nil, err
    }
    tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.SkipTLSVerify}}
01|    return &httpClient{baseURL: u, config: cfg, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}, nil
2|    return &httpClient{baseURL: u, config: cfg, client: &http.Client{Transport: tr}}, nil //@TMO-01
}
'''
cases_of(case, GH + 'crutonjohn/external-dns-opnsense-webhook/pull/23', 'internal/opnsense/client.go',
         G('opnsense', ['context', 'crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'time'])(OPNSENSE), [
             (1, 'go-00-opnsense-webhook-api-body-never-closed',
              'an edit drops the deferred close, so every API call keeps its response body and connection', 'edit'),
             (2, 'go-00-opnsense-webhook-api-client-without-timeout',
              'an edit builds the provider\'s API client without a timeout, so a stalled firewall hangs every sync',
              'edit'),
             (0, 'go-ok-00-opnsense-webhook-body-deferred-client-bounded',
              'clean: body closed on return, the shared client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: webhook signing round tripper (go-service)
GOSERVICE = r'''
// RoundTrip signs the outgoing webhook: it buffers the body, signs it and hands the request on.
func (r *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
    if req.Body == nil || req.Body == http.NoBody {
        return r.next.RoundTrip(req)
    }
02|    payload, err := io.ReadAll(req.Body)
02|    req.Body.Close()
1|    payload, err := io.ReadAll(req.Body) //@RES-01
    if err != nil {
2|        r.logger.Debug("webhook body unreadable", "url", req.URL.String()) //@ERR-01
2|        payload = nil
01|        return nil, fmt.Errorf("webhook: read body: %w", err)
    }
    sig, err := r.signer.Sign(payload)
    if err != nil {
        return nil, fmt.Errorf("webhook: sign: %w", err)
    }
    req.Header.Set(r.header, sig)
    req.Body = io.NopCloser(bytes.NewReader(payload))
    req.ContentLength = int64(len(payload))
    return r.next.RoundTrip(req)
}
'''
cases_of(case, GH + 'alexfalkowski/go-service/pull/2859', 'transport/http/hooks/hooks.go',
         G('hooks', ['bytes', 'fmt', 'io', 'net/http'])(GOSERVICE), [
             (1, 'go-00-go-service-webhook-body-left-open-after-read',
              'an edit no longer closes the original request body after buffering it, on failure or success', 'edit'),
             (2, 'go-00-go-service-unreadable-webhook-body-signed-empty',
              'an edit logs an unreadable body at debug and signs an empty payload instead of failing the call',
              'edit'),
             (0, 'go-ok-00-go-service-body-closed-read-error-returned',
              'clean: original body closed after the read, a read failure returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: channel store on pgx (lspd)
LSPD = r'''
const openChannelsSQL = `SELECT funding_tx_id, funding_tx_outnum, initial_chan_id, confirmed_chan_id
    FROM lsps2.channels WHERE peer_id = $1 AND closed_at IS NULL`

// GetOpenChannels returns the channels of one node that have no closing transaction yet.
func (s *PostgresStore) GetOpenChannels(ctx context.Context, nodeID []byte) ([]*OpenChannel, error) {
    rows, err := s.pool.Query(ctx, openChannelsSQL, nodeID) //@{1}RES-01
    if err != nil {
02|        return nil, fmt.Errorf("query open channels: %w", err)
1|        return nil, fmt.Errorf("query open channels of node %x: %w", nodeID, err)
    }
02|    defer rows.Close()
    var result []*OpenChannel
    for rows.Next() {
        var c OpenChannel
01|        if err := rows.Scan(&c.FundingTxID, &c.FundingTxOutnum, &c.InitialChannelID, &c.ConfirmedChannelID); err != nil {
01|            return nil, fmt.Errorf("scan channel: %w", err)
01|        }
2|        _ = rows.Scan(&c.FundingTxID, &c.FundingTxOutnum, &c.InitialChannelID, &c.ConfirmedChannelID) //@ERR-01
        result = append(result, &c)
    }
    return result, rows.Err()
}
'''
cases_of(case, GH + 'breez/lspd/pull/160', 'postgresql/channel_store.go',
         G('postgresql', ['context', 'fmt'])(LSPD), [
             (1, 'go-00-lspd-open-channel-rows-never-closed',
              'an edit drops the deferred close of the rows, so a failed scan keeps the pooled connection', 'edit'),
             (2, 'go-00-lspd-channel-scan-error-dropped',
              'an edit ignores the scan error and returns half-filled channels as open', 'edit'),
             (0, 'go-ok-00-lspd-rows-deferred-scan-error-returned',
              'clean: rows closed on return, a failed scan returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: topology manifests (kne)
KNE = r'''
// loadManifests reads every manifest file of the topology's nodes and parses its objects.
func loadManifests(paths []string) ([]runtime.Object, error) {
    var objs []runtime.Object
    for _, p := range paths {
02|        o, err := loadManifest(p)
02|        if err != nil {
02|            return nil, err
02|        }
02|        objs = append(objs, o...)
1|        f, err := os.Open(p)
1|        if err != nil {
1|            return nil, fmt.Errorf("open manifest %s: %w", p, err)
1|        }
1|        defer f.Close() //@RES-03
1|        o, err := decodeAll(f)
1|        if err != nil {
1|            return nil, fmt.Errorf("decode manifest %s: %w", p, err)
1|        }
1|        objs = append(objs, o...)
    }
    return objs, nil
}

// loadManifest parses the objects of one manifest file.
func loadManifest(p string) ([]runtime.Object, error) {
    f, err := os.Open(p) //@{2}RES-01
    if err != nil {
01|        return nil, fmt.Errorf("open manifest %s: %w", p, err)
2|        return nil, fmt.Errorf("read manifest %s: %w", p, err)
    }
01|    defer f.Close()
    o, err := decodeAll(f)
    if err != nil {
        return nil, fmt.Errorf("decode manifest %s: %w", p, err)
    }
    return o, nil
}
'''
KNE_TEST = r'''package topo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadManifestsReadsEveryFile(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.yaml", "b.yaml"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	objs, err := loadManifests(paths)
	if err != nil {
		t.Fatalf("loadManifests: %v", err)
	}
	if len(objs) != 2 {
		t.Fatalf("got %d objects, want 2", len(objs))
	}
}
'''
cases_of(case, GH + 'openconfig/kne/pull/97', 'topo/manifests.go',
         G('topo', ['fmt', 'os', '', 'k8s.io/apimachinery/pkg/runtime'])(KNE), [
             (1, 'go-00-kne-manifest-close-deferred-in-loop',
              'an edit inlines the per-file helper into the loop, so every manifest stays open until all are read',
              'edit'),
             (2, 'go-00-kne-manifest-file-never-closed',
              'an edit drops the deferred close of the manifest file in the helper', 'edit'),
             (0, 'go-ok-00-kne-manifest-closed-per-file-helper',
              'clean: one helper call per file with its own deferred close; the test beside it', 'fix'),
         ], extra=[f('topo/manifests_test.go', new=KNE_TEST)])


# ---------------------------------------------------------------- CONC-02 / TMO-02: directory sizes (Mole)
MOLE = r'''
// sizeDirs measures every child directory concurrently and sends its size on out.
func (s *Scanner) sizeDirs(ctx context.Context, entries []os.DirEntry, root string, out chan<- dirSize) {
    var wg sync.WaitGroup
    for _, e := range entries {
        if !e.IsDir() {
            continue
        }
        path := filepath.Join(root, e.Name())
        wg.Add(1)
02|        s.sem <- struct{}{}
        go func() { //@{1}CONC-02
            defer wg.Done()
            defer s.recoverPanic(path)
1|            s.sem <- struct{}{}
            defer func() { <-s.sem }()
            out <- dirSize{path: path, bytes: s.duSize(ctx, path)}
        }()
    }
    wg.Wait()
}

// duSize asks du for the size of a directory, falling back to zero when it fails.
func (s *Scanner) duSize(ctx context.Context, path string) int64 {
01|    cmd := exec.CommandContext(ctx, "du", "-sk", path)
2|    cmd := exec.Command("du", "-sk", path) //@TMO-02
    b, err := cmd.Output()
    if err != nil {
        s.failures.Add(1)
        return 0
    }
    return parseDuKB(b)
}
'''
cases_of(case, GH + 'tw93/Mole/pull/296', 'cmd/analyze/scanner.go',
         G('main', ['context', 'os', 'os/exec', 'path/filepath', 'sync'])(MOLE), [
             (1, 'go-00-mole-goroutine-spawned-before-slot',
              'an edit takes the worker slot inside the goroutine, so one goroutine per directory is started at once',
              'edit'),
             (2, 'go-00-mole-du-detached-from-scan-context',
              'an edit runs du without the scan\'s context, so a cancelled scan leaves du processes running', 'edit'),
             (0, 'go-ok-00-mole-slot-before-spawn-du-on-context',
              'clean: slot taken before each goroutine, du bound to the scan context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-02: schema copy (vitess)
VITESS = r'''
// copySchemaVersion records the schema version of the keyspace and the tables it changed in one transaction.
func (se *Engine) copySchemaVersion(ctx context.Context, db *sql.DB, version int64, tables []string) error {
    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, "INSERT INTO _vt.schema_version(id, time_updated) VALUES (?, NOW())", version); err != nil {
        return fmt.Errorf("insert schema version %d: %w", version, err)
    }
    for _, t := range tables {
02|        if _, err := tx.ExecContext(ctx, "INSERT INTO _vt.schema_tables(version, name) VALUES (?, ?)", version, t); err != nil {
02|            return fmt.Errorf("record table %s: %w", t, err)
02|        }
1|        tx.ExecContext(ctx, "INSERT INTO _vt.schema_tables(version, name) VALUES (?, ?)", version, t) //@ERR-01
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
'''
cases_of(case, GH + 'vitessio/vitess/pull/4315', 'go/vt/vttablet/tabletserver/schema/version.go',
         G('schema', ['context', 'database/sql', 'fmt'])(VITESS), [
             (1, 'go-00-vitess-table-row-insert-error-dropped',
              'an edit drops the error of each table row, so the version is committed without its tables', 'edit'),
             (2, 'go-00-vitess-schema-version-commit-unchecked',
              'an edit commits without looking at the error and reports the version as recorded', 'edit'),
             (0, 'go-ok-00-vitess-row-errors-returned-commit-returned',
              'clean: every insert error returned, the commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: market data stream (sonic), CRLF
SONIC = r'''
// Dial opens the TCP stream to the exchange gateway and sends the logon frame.
func Dial(addr string, logon []byte) (*Stream, error) {
01|    conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
2|    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("dial %s: %w", addr, err)
    }
    s := &Stream{conn: conn, buf: make([]byte, 0, 4096)}
    if err := s.writeFrame(logon); err != nil {
        conn.Close()
        return nil, err
    }
    return s, nil
}

// writeFrame writes one length-prefixed frame.
func (s *Stream) writeFrame(b []byte) error {
    s.buf = binary.BigEndian.AppendUint32(s.buf[:0], uint32(len(b)))
    s.buf = append(s.buf, b...)
02|    if _, err := s.conn.Write(s.buf); err != nil {
02|        return fmt.Errorf("write frame: %w", err)
02|    }
1|    s.conn.Write(s.buf) //@ERR-01
    return nil
}
'''
cases_of(case, GH + 'talostrading/sonic/issues/88', 'stream/stream.go',
         G('stream', ['encoding/binary', 'fmt', 'net', 'time'])(SONIC), [
             (1, 'go-00-sonic-frame-write-error-dropped',
              'an edit drops the write error, so a logon on a dead connection reports success (CRLF)', 'edit'),
             (2, 'go-00-sonic-gateway-dial-without-bound',
              'an edit dials the gateway without a timeout, so an unreachable gateway blocks the caller (CRLF)', 'edit'),
             (0, 'go-ok-00-sonic-bounded-dial-write-error-returned',
              'clean: dial with a timeout, write error returned (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / TMO-03: status updater (kong-operator)
KONG = r'''
// runStatusUpdater refreshes the gateway status until ctx ends.
func (m *Manager) runStatusUpdater(ctx context.Context) {
    for {
1|        m.refreshStatus(ctx)
1|        time.Sleep(m.statusInterval) //@CONC-05
02|        select {
02|        case <-ctx.Done():
02|            return
02|        case <-time.After(m.statusInterval):
02|            m.refreshStatus(ctx)
02|        }
    }
}

// refreshStatus asks the admin API for its status, bounded by the admin timeout.
func (m *Manager) refreshStatus(ctx context.Context) {
01|    ctx, cancel := context.WithTimeout(ctx, m.adminTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, m.adminTimeout) //@TMO-03
    st, err := m.admin.Status(ctx)
    if err != nil {
        m.log.Error(err, "admin status failed")
        return
    }
    m.status.Store(st)
}
'''
cases_of(case, GH + 'Kong/kong-operator/pull/3806', 'internal/manager/status.go',
         G('manager', ['context', 'time'])(KONG), [
             (1, 'go-00-kong-operator-status-loop-sleeps-through-shutdown',
              'an edit turns the select into a plain sleep, so the updater goroutine outlives the manager', 'edit'),
             (2, 'go-00-kong-operator-admin-timeout-cancel-discarded',
              'an edit bounds the status call with a timeout and throws the cancel away', 'edit'),
             (0, 'go-ok-00-kong-operator-select-on-done-cancel-deferred',
              'clean: the loop selects on the context, cancel deferred', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: model serving controller (kthena)
KTHENA = r'''
// deleteRole removes the pods of a role and records the new replica count in the status.
func (c *ModelServingController) deleteRole(ctx context.Context, ms *v1alpha1.ModelServing, role string) error {
    selector := labels.SelectorFromSet(labels.Set{roleLabel: role, servingLabel: ms.Name})
    err := c.kubeClient.CoreV1().Pods(ms.Namespace).DeleteCollection(ctx, metav1.DeleteOptions{},
        metav1.ListOptions{LabelSelector: selector.String()})
    if err != nil {
        return fmt.Errorf("delete pods of role %s: %w", role, err)
    }
    ms = ms.DeepCopy()
    ms.Status.Roles = removeRole(ms.Status.Roles, role)
01|    _, err = c.client.WorkloadV1alpha1().ModelServings(ms.Namespace).UpdateStatus(ctx, ms, metav1.UpdateOptions{})
1|    _, err = c.client.WorkloadV1alpha1().ModelServings(ms.Namespace).UpdateStatus(context.TODO(), ms, metav1.UpdateOptions{}) //@TMO-02
02|    if err != nil {
02|        return fmt.Errorf("update status of %s: %w", ms.Name, err)
02|    }
2|    if err != nil {
2|        klog.V(4).Infof("status of %s not updated: %v", ms.Name, err) //@ERR-01
2|    }
    return nil
}
'''
cases_of(case, GH + 'volcano-sh/kthena/pull/1539', 'pkg/model-serving-controller/controller/roles.go',
         G('controller', ['context', 'fmt', '', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/labels',
                          'k8s.io/klog/v2', '', 'github.com/volcano-sh/kthena/pkg/apis/workload/v1alpha1'])(KTHENA), [
             (1, 'go-00-kthena-status-update-on-todo-context',
              'an edit updates the status on context.TODO, so a stuck API server blocks the worker past shutdown',
              'edit'),
             (2, 'go-00-kthena-status-update-failure-logged-only',
              'an edit logs a failed status update at a verbose level and reports the role as deleted', 'edit'),
             (0, 'go-ok-00-kthena-status-on-caller-context-error-returned',
              'clean: status updated on the caller\'s context, failure returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: CRD finalizer (kubernetes)
K8S = r'''
// Run starts the finalizer's workers and blocks until ctx ends.
func (c *CRDFinalizer) Run(ctx context.Context, workers int) {
    defer utilruntime.HandleCrash()
    defer c.queue.ShutDown()
    for i := 0; i < workers; i++ {
1|        go func() { //@CONC-01
02|        go func() {
02|            defer utilruntime.HandleCrash()
            for c.processNextWorkItem(ctx) {
            }
        }()
    }
    <-ctx.Done()
}

// deleteInstances removes every custom resource of the CRD before its finalizer is released.
func (c *CRDFinalizer) deleteInstances(ctx context.Context, crd *apiextensionsv1.CustomResourceDefinition) error {
    crClient, err := c.crClientGetter.GetCustomResourceListerCollectionDeleter(crd)
    if err != nil {
        return err
    }
01|    list, err := crClient.List(ctx, &metainternalversion.ListOptions{})
2|    list, err := crClient.List(genericapirequest.NewContext(), &metainternalversion.ListOptions{}) //@TMO-02
    if err != nil {
        return fmt.Errorf("list instances of %s: %w", crd.Name, err)
    }
    return c.deleteEach(ctx, crClient, list)
}
'''
cases_of(case, GH + 'kubernetes/kubernetes/pull/135278', 'staging/src/k8s.io/apiextensions-apiserver/pkg/controller/finalizer/crd_finalizer.go',
         GV('finalizer', {
             0: ['context', 'fmt', '', 'apiextensionsv1 k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1',
                 'metainternalversion k8s.io/apimachinery/pkg/apis/meta/internalversion',
                 'utilruntime k8s.io/apimachinery/pkg/util/runtime'],
             1: ['context', 'fmt', '', 'apiextensionsv1 k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1',
                 'metainternalversion k8s.io/apimachinery/pkg/apis/meta/internalversion',
                 'utilruntime k8s.io/apimachinery/pkg/util/runtime'],
             2: ['context', 'fmt', '', 'apiextensionsv1 k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1',
                 'metainternalversion k8s.io/apimachinery/pkg/apis/meta/internalversion',
                 'utilruntime k8s.io/apimachinery/pkg/util/runtime',
                 'genericapirequest k8s.io/apiserver/pkg/endpoints/request'],
         })(K8S), [
             (1, 'go-00-kubernetes-finalizer-worker-without-crash-handler',
              'an edit starts the workers without a crash handler, so a panicking item ends the API server', 'edit'),
             (2, 'go-00-kubernetes-finalizer-list-on-fresh-context',
              'an edit lists the instances on a fresh request context, so shutdown cannot stop the list', 'edit'),
             (0, 'go-ok-00-kubernetes-finalizer-guarded-workers-caller-context',
              'clean: every worker with a crash handler, the list on the caller context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: expiring cache (cluster-api)
CAPI = r'''
// NewCache returns a cache whose expired entries are removed every interval until ctx ends.
func NewCache[E Entry](ctx context.Context, interval time.Duration) *Cache[E] {
    c := &Cache[E]{entries: map[string]E{}}
    go func() {
        defer utilruntime.HandleCrash()
        t := time.NewTicker(interval)
        defer t.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-t.C:
                if err := c.expire(time.Now()); err != nil {
02|                    log.FromContext(ctx).Error(err, "expiring cache entries failed")
1|                    log.FromContext(ctx).Error(err, "expiring cache entries failed, stopping")
1|                    return //@CONC-07
                }
            }
        }
    }()
    return c
}

// expire removes every entry older than its time to live.
func (c *Cache[E]) expire(now time.Time) error {
02|    c.lock.Lock()
02|    defer c.lock.Unlock()
1|    c.lock.Lock()
1|    defer c.lock.Unlock()
    for k, e := range c.entries {
        if e.Expired(now) {
            delete(c.entries, k) //@{2}CONC-03
        }
    }
    return nil
}
'''
CAPI2 = CAPI.replace('''02|    c.lock.Lock()
02|    defer c.lock.Unlock()
1|    c.lock.Lock()
1|    defer c.lock.Unlock()''', '''01|    c.lock.Lock()
01|    defer c.lock.Unlock()''')
cases_of(case, GH + 'kubernetes-sigs/cluster-api/pull/13487', 'util/cache/cache.go',
         G('cache', ['context', 'time', '', 'utilruntime k8s.io/apimachinery/pkg/util/runtime',
                     'sigs.k8s.io/controller-runtime/pkg/log'])(CAPI2), [
             (1, 'go-00-cluster-api-cache-expiry-stops-on-first-error',
              'an edit leaves the expiry loop on the first failed pass, so the cache grows for the rest of the run',
              'edit'),
             (2, 'go-00-cluster-api-cache-expiry-without-lock',
              'an edit removes the lock from the expiry pass, which deletes entries while reconcilers add them',
              'edit'),
             (0, 'go-ok-00-cluster-api-cache-expiry-logged-locked',
              'clean: a failed pass logged and the loop goes on, the pass holds the lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-04: Terraform-backed reconcile (upjet GCP)
UPJET = r'''
// Observe reads the external resource through the Terraform provider.
func (e *external) Observe(ctx context.Context, mg resource.Managed) (managed.ExternalObservation, error) {
1|    svc, err := compute.NewService(ctx, option.WithCredentialsJSON(e.creds)) //@RES-04
1|    if err != nil {
1|        return managed.ExternalObservation{}, err
1|    }
02|    svc := e.compute
    name := meta.GetExternalName(mg)
    inst, err := svc.Instances.Get(e.project, e.zone, name).Context(ctx).Do()
    if isNotFound(err) {
        return managed.ExternalObservation{ResourceExists: false}, nil
    }
    if err != nil {
        return managed.ExternalObservation{}, fmt.Errorf("get instance %s: %w", name, err)
    }
01|    diags := e.provider.ReadResource(ctx, e.toState(inst))
2|    diags := e.provider.ReadResource(context.Background(), e.toState(inst)) //@TMO-02
    if diags.HasError() {
        return managed.ExternalObservation{}, fmt.Errorf("read %s: %v", name, diags)
    }
    return managed.ExternalObservation{ResourceExists: true, ResourceUpToDate: e.upToDate(mg, inst)}, nil
}
'''
cases_of(case, GH + 'crossplane-contrib/provider-upjet-gcp/pull/539', 'internal/controller/compute/instance/observe.go',
         GV('instance', {
             0: ['context', 'fmt', '', 'github.com/crossplane/crossplane-runtime/pkg/meta',
                 'github.com/crossplane/crossplane-runtime/pkg/reconciler/managed',
                 'github.com/crossplane/crossplane-runtime/pkg/resource'],
             1: ['context', 'fmt', '', 'github.com/crossplane/crossplane-runtime/pkg/meta',
                 'github.com/crossplane/crossplane-runtime/pkg/reconciler/managed',
                 'github.com/crossplane/crossplane-runtime/pkg/resource', 'google.golang.org/api/compute/v1',
                 'google.golang.org/api/option'],
             2: ['context', 'fmt', '', 'github.com/crossplane/crossplane-runtime/pkg/meta',
                 'github.com/crossplane/crossplane-runtime/pkg/reconciler/managed',
                 'github.com/crossplane/crossplane-runtime/pkg/resource'],
         })(UPJET), [
             (1, 'go-00-upjet-gcp-compute-service-per-observe',
              'an edit builds a compute service and its HTTP client on every observe instead of the connector\'s',
              'edit'),
             (2, 'go-00-upjet-gcp-provider-read-detached',
              'an edit reads through the provider on a background context, so a cancelled reconcile keeps running',
              'edit'),
             (0, 'go-ok-00-upjet-gcp-shared-service-caller-context',
              'clean: the connector\'s shared service, provider read on the reconcile context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: tenant watcher (cluster-operator)
GIANTSWARM = r'''
// EnsureCreated makes sure a watcher follows the tenant cluster's node events.
func (r *Resource) EnsureCreated(ctx context.Context, obj interface{}) error {
    cr, err := key.ToCluster(obj)
    if err != nil {
        return err
    }
02|    if _, loaded := r.watchers.LoadOrStore(cr.ID, struct{}{}); loaded {
02|        return nil
02|    }
    go r.watchNodes(ctx, cr.ID) //@{1}CONC-02
    return nil
}

// watchNodes counts node events of one tenant cluster until its watch ends.
func (r *Resource) watchNodes(ctx context.Context, id string) {
    defer r.recoverWatch(id)
    defer r.watchers.Delete(id)
    w, err := r.tenant.Watch(ctx, id)
    if err != nil {
        r.logger.LogCtx(ctx, "level", "error", "message", "watching tenant nodes failed", "stack", fmt.Sprintf("%#v", err))
        return
    }
    defer w.Stop()
    for ev := range w.ResultChan() {
01|        r.nodeEvents.WithLabelValues(id, string(ev.Type)).Inc()
2|        r.logger.LogCtx(ctx, "level", "info", "message", fmt.Sprintf("tenant %s node event %s", id, ev.Type)) //@LOG-01
    }
}
'''
cases_of(case, GH + 'giantswarm/cluster-operator/pull/196', 'service/controller/resource/tenantnodes/create.go',
         G('tenantnodes', ['context', 'fmt', '', 'github.com/giantswarm/cluster-operator/pkg/key'])(GIANTSWARM), [
             (1, 'go-00-cluster-operator-watcher-per-reconcile',
              'an edit drops the one-watcher-per-cluster check, so every reconcile starts another watch goroutine',
              'edit'),
             (2, 'go-00-cluster-operator-info-line-per-node-event',
              'an edit logs an info line for every node event of every tenant instead of counting them', 'edit'),
             (0, 'go-ok-00-cluster-operator-one-watcher-events-counted',
              'clean: one watcher per cluster, events counted in a metric', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-02: webhook creation retry (superplane)
SUPERPLANE = r'''
// createNotificationConfig registers the run-task webhook, retrying while the workspace is locked.
func (t *Terraform) createNotificationConfig(ctx context.Context, workspaceID string, payload []byte) (string, error) {
    var lastErr error
    for attempt := 0; attempt < 5; attempt++ {
        req, err := t.newRequest(ctx, http.MethodPost, "/workspaces/"+workspaceID+"/notification-configurations", payload)
        if err != nil {
            return "", err
        }
        resp, err := t.client.Do(req) //@{2}RES-02
        if err != nil {
01|            lastErr = err
2|            lastErr = fmt.Errorf("attempt %d: %w", attempt+1, err)
            continue
        }
1|        defer resp.Body.Close() //@RES-03
        if resp.StatusCode == http.StatusConflict {
0|            resp.Body.Close()
            lastErr = fmt.Errorf("workspace %s locked", workspaceID)
            time.Sleep(time.Duration(attempt+1) * time.Second)
            continue
        }
        id, err := decodeID(resp.Body)
0|        resp.Body.Close()
        return id, err
    }
    return "", lastErr
}
'''
cases_of(case, GH + 'superplanehq/superplane/pull/3290', 'pkg/integrations/terraform/webhook.go',
         G('terraform', ['context', 'fmt', 'net/http', 'time'])(SUPERPLANE), [
             (1, 'go-00-superplane-retry-body-close-deferred-in-loop',
              'an edit defers the body close inside the retry loop, so every conflicting attempt stays open', 'edit'),
             (2, 'go-00-superplane-retry-bodies-never-closed',
              'an edit drops the closes, so neither the conflicting answers nor the final one are closed', 'edit'),
             (0, 'go-ok-00-superplane-retry-body-closed-per-attempt',
              'clean: each attempt\'s body closed before the next', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: management console client (umh)
UMH = r'''
// GetRequest fetches an endpoint of the management console and decodes its JSON answer.
func GetRequest[R any](ctx context.Context, endpoint Endpoint, header map[string]string, logger *zap.SugaredLogger) (*R, int, error) {
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiURL+string(endpoint), nil)
2|    req, err := http.NewRequest(http.MethodGet, apiURL+string(endpoint), nil) //@TMO-02
    if err != nil {
        return nil, 0, err
    }
    for k, v := range header {
        req.Header.Set(k, v)
    }
    resp, err := client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, 0, err
1|        return nil, 0, fmt.Errorf("GET %s: %w", endpoint, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        logger.Warnf("GET %s: status %d", endpoint, resp.StatusCode)
        return nil, resp.StatusCode, fmt.Errorf("GET %s: status %d", endpoint, resp.StatusCode)
    }
    var out R
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return nil, resp.StatusCode, err
    }
1|    resp.Body.Close()
    return &out, resp.StatusCode, nil
}
'''
cases_of(case, GH + 'united-manufacturing-hub/united-manufacturing-hub/pull/2272', 'umh-core/pkg/communicator/api/v2/http/get_requests.go',
         G('http', ['context', 'encoding/json', 'fmt', 'net/http', '', 'go.uber.org/zap'])(UMH), [
             (1, 'go-00-umh-console-body-closed-only-on-success',
              'an edit closes the body only after a successful decode, so failed statuses and bad JSON leak it',
              'edit'),
             (2, 'go-00-umh-console-request-without-context',
              'an edit builds the request without the caller\'s context, so a cancelled pull keeps waiting', 'edit'),
             (0, 'go-ok-00-umh-console-body-deferred-request-on-context',
              'clean: body closed on return, request on the caller context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: SCIM test helper (terraform-provider-tfe), test file
TFE = r'''
// createSCIMGroup creates a group through the SCIM API for an acceptance test and returns its id.
func createSCIMGroup(t *testing.T, hostname, scimToken, name string) string {
    t.Helper()
    body, err := json.Marshal(map[string]any{"schemas": []string{scimGroupSchema}, "displayName": name})
    if err != nil {
        t.Fatalf("marshal SCIM group: %v", err)
    }
    req, err := http.NewRequestWithContext(context.Background(), http.MethodPost,
        fmt.Sprintf("https://%s/scim/v2/Groups", hostname), bytes.NewReader(body))
    if err != nil {
        t.Fatalf("build SCIM group request: %v", err)
    }
    req.Header.Set("Content-Type", "application/scim+json")
    req.Header.Set("Authorization", "Bearer "+scimToken)
    resp, err := testHTTPClient.Do(req) //@{1}RES-02
    if err != nil {
02|        t.Fatalf("create SCIM group: %v", err)
1|        t.Fatalf("create SCIM group %q: %v", name, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        t.Fatalf("create SCIM group: status %d", resp.StatusCode)
    }
    var out struct {
        ID string `json:"id"`
    }
01|    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
01|        t.Fatalf("decode SCIM group: %v", err)
01|    }
2|    _ = json.NewDecoder(resp.Body).Decode(&out) //@ERR-01
    return out.ID
}
'''
cases_of(case, GH + 'hashicorp/terraform-provider-tfe/pull/2083', 'internal/provider/helper_test.go',
         G('provider', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'testing'])(TFE), [
             (1, 'go-00-tfe-scim-helper-body-never-closed',
              'an edit drops the deferred close in the test helper, so each acceptance test leaks a connection', 'edit'),
             (2, 'go-00-tfe-scim-helper-decode-error-dropped',
              'an edit ignores the decode error, so a test goes on with an empty group id', 'edit'),
             (0, 'go-ok-00-tfe-scim-helper-body-deferred-decode-checked',
              'clean: body closed on return, a failed decode fails the test', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-05: retry transport (ocm-sdk-go)
OCM = r'''
// RoundTrip sends the request, retrying on server errors up to the configured limit.
func (t *roundTripper) RoundTrip(request *http.Request) (response *http.Response, err error) {
    for attempt := 1; ; attempt++ {
        response, err = t.next.RoundTrip(request) //@{1}RES-02
02|        if err != nil || response.StatusCode < 500 || attempt >= t.limit {
1|        if err != nil || response.StatusCode < 500 || attempt == t.limit {
            return response, err
        }
        t.logger.Debug(request.Context(), "request %s %s failed with code %d, will try again",
            request.Method, request.URL, response.StatusCode)
02|        response.Body.Close()
01|        select {
01|        case <-request.Context().Done():
01|            return nil, request.Context().Err()
01|        case <-time.After(t.delay(attempt)):
01|        }
2|        time.Sleep(t.delay(attempt)) //@CONC-05
    }
}
'''
cases_of(case, GH + 'openshift-online/ocm-sdk-go/pull/804', 'retry/transport_wrapper.go',
         G('retry', ['net/http', 'time'])(OCM), [
             (1, 'go-00-ocm-sdk-retried-response-body-never-closed',
              'an edit retries without closing the failed answer, so every retry leaks a connection', 'edit'),
             (2, 'go-00-ocm-sdk-retry-wait-ignores-request-context',
              'an edit waits between attempts with a sleep, so a cancelled request keeps retrying', 'edit'),
             (0, 'go-ok-00-ocm-sdk-retry-closes-body-waits-on-context',
              'clean: the failed answer closed, the wait selects on the request context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: auth hook retry (terraform-provider-criblio)
CRIBLIO = r'''
// doRequestWithRetry sends an auth request, retrying on transport errors and truncated bodies.
func (o *CriblTerraformHook) doRequestWithRetry(ctx context.Context, payload []byte, url string) ([]byte, error) {
    var lastErr error
    for attempt := 0; attempt < maxAuthAttempts; attempt++ {
        req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
        if err != nil {
            return nil, err
        }
        resp, err := o.httpClient().Do(req)
        if err != nil {
            lastErr = err
            if werr := sleepCtx(ctx, backoff(attempt)); werr != nil {
                return nil, werr
            }
            continue
        }
02|        body, err := io.ReadAll(resp.Body)
1|        body, _ := io.ReadAll(resp.Body) //@ERR-01
        resp.Body.Close()
02|        if err != nil {
02|            lastErr = err
02|            continue
02|        }
        return body, nil
    }
    return nil, lastErr
}

// httpClient returns the hook's client for the auth endpoint.
func (o *CriblTerraformHook) httpClient() *http.Client {
    o.clientOnce.Do(func() {
01|        o.client = &http.Client{Timeout: 30 * time.Second, Transport: o.transport}
2|        o.client = &http.Client{Transport: o.transport} //@TMO-01
    })
    return o.client
}
'''
cases_of(case, GH + 'criblio/terraform-provider-criblio/pull/97', 'internal/sdk/internal/hooks/cribl_terraform_hook.go',
         G('hooks', ['bytes', 'context', 'io', 'net/http', 'time'])(CRIBLIO), [
             (1, 'go-00-criblio-truncated-auth-body-accepted',
              'an edit ignores the read error, so a truncated auth answer is returned as the token body', 'edit'),
             (2, 'go-00-criblio-auth-client-without-timeout',
              'an edit builds the auth client without a timeout, so a hung auth endpoint blocks every plan', 'edit'),
             (0, 'go-ok-00-criblio-read-error-retried-client-bounded',
              'clean: a failed read retried, the client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: container state on SQLite (podman), renamed file
PODMAN = r'''
// RemovePodContainers removes every container of a pod from the state in one transaction.
func (s *SQLiteState) RemovePodContainers(pod *Pod) (defErr error) {
    tx, err := s.conn.Begin() //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("beginning pod container removal transaction: %w", err)
1|        return fmt.Errorf("beginning transaction to remove pod %s containers: %w", pod.ID(), err)
    }
02|    defer func() {
02|        if defErr != nil {
02|            if err := tx.Rollback(); err != nil {
02|                logrus.Errorf("Rolling back transaction to remove pod %s containers: %v", pod.ID(), err)
02|            }
02|        }
02|    }()
    rows, err := tx.Query("SELECT ID FROM ContainerConfig WHERE PodID=?;", pod.ID())
    if err != nil {
        return fmt.Errorf("querying pod %s containers: %w", pod.ID(), err)
    }
    ids, err := scanIDs(rows)
    if err != nil {
        return err
    }
    for _, id := range ids {
01|        if _, err := tx.Exec("DELETE FROM ContainerConfig WHERE ID=?;", id); err != nil {
01|            return fmt.Errorf("removing container %s config: %w", id, err)
01|        }
2|        _, err = tx.Exec("DELETE FROM ContainerConfig WHERE ID=?;", id) //@ERR-01
        if _, err := tx.Exec("DELETE FROM ContainerState WHERE ID=?;", id); err != nil {
            return fmt.Errorf("removing container %s state: %w", id, err)
        }
    }
    return tx.Commit()
}
'''
cases_of(case, GH + 'podman-container-tools/podman/pull/23772', 'libpod/sqlite_state_pod.go',
         G('libpod', ['fmt', '', 'github.com/sirupsen/logrus'])(PODMAN), [
             (1, 'go-00-podman-renamed-state-removal-never-rolled-back',
              'a PR moves the pod functions to their own file and drops the deferred rollback, so a failed delete '
              'leaves the SQLite transaction open', 'rename'),
             (2, 'go-00-podman-renamed-state-config-delete-error-ignored',
              'a PR moves the pod functions to their own file and assigns the config delete error without checking it',
              'rename'),
             (0, 'go-ok-00-podman-renamed-state-rollback-errors-returned',
              'clean: the move alone; rollback on failure, every delete error returned', 'rename'),
         ], rename_from='libpod/sqlite_state.go')


# ---------------------------------------------------------------- RES-01 / ERR-01: task store (gowork), new file
GOWORK = r'''
// Store keeps the work log in a SQLite file.
type Store struct {
    db *sql.DB
}

// TasksOn returns the tasks logged on one day, oldest first.
func (s *Store) TasksOn(ctx context.Context, day string) ([]Task, error) {
    rows, err := s.db.QueryContext(ctx, "SELECT id, title, minutes FROM tasks WHERE day = ? ORDER BY id", day) //@{1}RES-01
    if err != nil {
        return nil, fmt.Errorf("query tasks of %s: %w", day, err)
    }
02|    defer rows.Close()
    var tasks []Task
    for rows.Next() {
        var t Task
        if err := rows.Scan(&t.ID, &t.Title, &t.Minutes); err != nil {
            return nil, err
        }
        tasks = append(tasks, t)
    }
01|    if err := rows.Err(); err != nil {
01|        return nil, fmt.Errorf("read tasks of %s: %w", day, err)
01|    }
2|    rows.Err() //@ERR-01
    return tasks, nil
}
'''
GOWORK_MOD = gomod('github.com/gnikonorov/gowork', ['github.com/mattn/go-sqlite3 v1.14.22'])
cases_of(case, GH + 'gnikonorov/gowork/issues/11', 'sqlite.go',
         G('main', ['context', 'database/sql', 'fmt', '', '_ github.com/mattn/go-sqlite3'])(GOWORK), [
             (1, 'go-00-gowork-new-store-rows-never-closed',
              'a new store returns from a failed scan without closing the rows', 'new',
              [f('go.mod', new=GOWORK_MOD)]),
             (2, 'go-00-gowork-new-store-rows-error-unchecked',
              'a new store calls rows.Err and drops its result, so a broken read returns a short day', 'new',
              [f('go.mod', new=GOWORK_MOD)]),
             (0, 'go-ok-00-gowork-new-store-rows-deferred-error-returned',
              'clean: a new store with the rows closed on return and the iteration error returned', 'new',
              [f('go.mod', new=GOWORK_MOD)]),
         ])
