"""Round-62 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / TMO-03: dynamic controller of a Kubernetes resource orchestrator (kro)
KRO = template('kro-dynamic-controller', r'''
// DynamicController reconciles the instances of every registered resource graph on one shared work queue.
type DynamicController struct {
    log              logr.Logger
    queue            workqueue.TypedRateLimitingInterface[ObjectIdentifier]
    handlers         sync.Map
    workers          int
    reconcileTimeout time.Duration
}

// ObjectIdentifier names one instance of a registered resource.
type ObjectIdentifier struct {
    GVR            schema.GroupVersionResource
    NamespacedName types.NamespacedName
}

// Handler reconciles one instance of a resource graph.
type Handler func(ctx context.Context, name types.NamespacedName) error

// Start runs the workers until ctx is done.
func (dc *DynamicController) Start(ctx context.Context) error {
    defer dc.queue.ShutDown()

    dc.log.Info("starting dynamic controller", "workers", dc.workers)
    for i := 0; i < dc.workers; i++ {
        go wait.UntilWithContext(ctx, func(ctx context.Context) { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    dc.log.Error(fmt.Errorf("%v", r), "reconcile worker panicked", "stack", string(debug.Stack()))
02|                }
02|            }()
            for dc.processNextWorkItem(ctx) {
            }
        }, time.Second)
    }

    <-ctx.Done()
    dc.log.Info("shutting down dynamic controller")
    return nil
}

func (dc *DynamicController) processNextWorkItem(ctx context.Context) bool {
    item, shutdown := dc.queue.Get()
    if shutdown {
        return false
    }
    defer dc.queue.Done(item)

    if err := dc.syncItem(ctx, item); err != nil {
        dc.log.Error(err, "reconcile failed; requeueing", "gvr", item.GVR.String(), "name", item.NamespacedName)
        dc.queue.AddRateLimited(item)
        return true
    }
    dc.queue.Forget(item)
    return true
}

func (dc *DynamicController) syncItem(ctx context.Context, item ObjectIdentifier) error {
    value, ok := dc.handlers.Load(item.GVR)
    if !ok {
        return fmt.Errorf("no handler registered for %s", item.GVR)
    }
    handler := value.(Handler)

    ctx, cancel := context.WithTimeout(ctx, dc.reconcileTimeout) //@{2}TMO-03
01|    defer cancel()
    if err := handler(ctx, item.NamespacedName); err != nil {
2|        cancel()
        return fmt.Errorf("reconcile %s %s: %w", item.GVR.Resource, item.NamespacedName, err)
    }
    return nil
}
''')
cases_of(case, GH + 'kubernetes-sigs/kro/issues/1310', 'pkg/dynamiccontroller/dynamic_controller.go',
         G('dynamiccontroller', ['context', 'fmt', 'runtime/debug', 'sync', 'time', '', 'github.com/go-logr/logr',
                                 'k8s.io/apimachinery/pkg/runtime/schema', 'k8s.io/apimachinery/pkg/types',
                                 'k8s.io/apimachinery/pkg/util/wait', 'k8s.io/client-go/util/workqueue'])(KRO), [
             (1, 'go-00-kro-reconcile-workers-without-recover',
              'an edit drops the recover of the reconcile workers, so one instance whose reconcile panics crashes '
              'the controller and stops reconciling every other graph in the cluster', 'edit'),
             (2, 'go-00-kro-reconcile-timeout-cancelled-only-on-error',
              'an edit cancels the per-item reconcile timeout only when the handler fails, so every successful '
              'reconcile leaves its timer and context alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-kro-reconcile-workers-recover',
              'clean: the fix recovers a panicking reconcile inside the worker, which the wait loop then restarts',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-01: event command of a Spark operator's CLI (spark-operator sparkctl)
SPARKCTL = template('spark-operator-sparkctl-event', r'''
var (
    FollowEvents bool
    watchExpire  time.Duration
)

var eventCommand = &cobra.Command{
    Use:   "event <name>",
    Short: "Shows SparkApplication events",
    Long:  `Shows events associated with SparkApplication of a given name`,
    Run: func(cmd *cobra.Command, args []string) {
        if len(args) != 1 {
            fmt.Fprintln(os.Stderr, "must specify a SparkApplication name")
            return
        }
        crdClient, err := getSparkApplicationClient()
        if err != nil {
            fmt.Fprintf(os.Stderr, "failed to get SparkApplication client: %v\n", err)
            return
        }
        kubeClient, err := getKubeClient()
        if err != nil {
            fmt.Fprintf(os.Stderr, "failed to get KubeClient: %v\n", err)
            return
        }
        if err := doShowEvents(args[0], crdClient, kubeClient); err != nil {
            fmt.Fprintf(os.Stderr, "failed to show events of SparkApplication %s: %v\n", args[0], err)
        }
    },
}

func doShowEvents(name string, crdClient crdclientset.Interface, kubeClient clientset.Interface) error {
    app, err := getSparkApplication(name, crdClient)
    if err != nil {
        return fmt.Errorf("failed to get SparkApplication %s: %v", name, err)
    }
    app.Kind = "SparkApplication"
    selector := eventsFieldSelector(app)
    events := kubeClient.CoreV1().Events(Namespace)

    if !FollowEvents {
        list, err := events.List(context.TODO(), metav1.ListOptions{FieldSelector: selector})
        if err != nil {
            return err
        }
        printEvents(list.Items)
        return nil
    }

    ctx := context.Background()
    if watchExpire > 0 {
02|        var cancel context.CancelFunc
02|        ctx, cancel = context.WithTimeout(ctx, watchExpire)
02|        defer cancel()
1|        ctx, _ = context.WithTimeout(ctx, watchExpire) //@TMO-03
    }
    watcher, err := events.Watch(ctx, metav1.ListOptions{FieldSelector: selector})
    if err != nil { //@{2}RES-01
        return err
    }
01|    defer watcher.Stop()

    for result := range watcher.ResultChan() {
        if event, ok := result.Object.(*corev1.Event); ok {
            printEvents([]corev1.Event{*event})
        }
    }
    return nil
}
''')
cases_of(case, GH + 'kubeflow/spark-operator/pull/1917', 'cmd/sparkctl/app/event.go',
         G('app', ['context', 'fmt', 'os', 'time', '', 'github.com/spf13/cobra', 'corev1 k8s.io/api/core/v1',
                   'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'clientset k8s.io/client-go/kubernetes', '',
                   'crdclientset github.com/kubeflow/spark-operator/pkg/client/clientset/versioned'])(SPARKCTL), [
             (1, 'go-00-spark-operator-event-watch-timeout-cancel-discarded',
              'an edit bounds the event watch with a timeout context and discards its cancel, so a watch that ends '
              'early keeps its timer and context until the deadline', 'edit'),
             (2, 'go-00-spark-operator-event-watch-never-stopped',
              'an edit stops deferring the stop of the event watch, so leaving the command early keeps the watch '
              'connection to the API server open', 'edit'),
             (0, 'go-ok-00-spark-operator-event-watch-timeout-cancelled',
              'clean: the fix keeps the cancel of the watch timeout and defers it', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: status reconciler of a FoundationDB operator (fdb-kubernetes-operator)
FDB = template('fdb-operator-update-status', r'''
// updateStatus provides a reconciliation step for updating the status in the CRD.
type updateStatus struct{}

// reconcile runs the reconciler's work.
func (updateStatus) reconcile(ctx context.Context, r *FoundationDBClusterReconciler, cluster *fdbv1beta2.FoundationDBCluster) *requeue {
    logger := log.WithValues("namespace", cluster.Namespace, "cluster", cluster.Name, "reconciler", "updateStatus")
    originalStatus := cluster.Status.DeepCopy()
    status := fdbv1beta2.FoundationDBClusterStatus{}
    status.Generations.Reconciled = cluster.Status.Generations.Reconciled

    pods := &corev1.PodList{}
01|    err := r.List(ctx, pods, internal.GetPodListOptions(cluster, "", "")...)
2|    err := r.List(context.TODO(), pods, internal.GetPodListOptions(cluster, "", "")...) //@TMO-02
    if err != nil {
        return &requeue{curError: err}
    }

    for _, pod := range pods.Items {
        processGroupID := pod.Labels[cluster.GetProcessGroupIDLabel()]
        if processGroupID == "" {
            continue
        }
        status.ProcessGroups = append(status.ProcessGroups, fdbv1beta2.NewProcessGroupStatus(
            fdbv1beta2.ProcessGroupID(processGroupID), internal.GetProcessClassFromMeta(cluster, pod.ObjectMeta), nil))
    }

    status.Health.Available = len(status.ProcessGroups) > 0
    status.HasIncorrectConfigMap = !r.configMapMatches(ctx, cluster)

    if equality.Semantic.DeepEqual(status, *originalStatus) {
        return nil
    }

    cluster.Status = status
    logger.Info("Updating cluster status", "processGroups", len(status.ProcessGroups))
1|    r.Status().Update(ctx, cluster) //@ERR-01
02|    err = r.Status().Update(ctx, cluster)
02|    if err != nil {
02|        logger.Error(err, "Error updating cluster status")
02|        return &requeue{curError: err}
02|    }

    return nil
}
''')
cases_of(case, GH + 'FoundationDB/fdb-kubernetes-operator/issues/9', 'controllers/update_status.go',
         G('controllers', ['context', '', 'fdbv1beta2 github.com/FoundationDB/fdb-kubernetes-operator/api/v1beta2',
                           'github.com/FoundationDB/fdb-kubernetes-operator/internal',
                           'corev1 k8s.io/api/core/v1', 'k8s.io/apimachinery/pkg/api/equality'])(FDB), [
             (1, 'go-00-fdb-operator-status-update-error-dropped',
              'an edit drops the error of the status update, so a conflicting or refused write leaves the cluster '
              'status stale while reconciliation reports success', 'edit'),
             (2, 'go-00-fdb-operator-pods-listed-on-todo-context',
              'an edit lists the cluster\'s pods on context.TODO instead of the reconcile context, so a cancelled '
              'reconcile keeps waiting on the API server', 'edit'),
             (0, 'go-ok-00-fdb-operator-status-update-error-returned',
              'clean: the fix checks the status update and requeues on its error', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: AWS credential detector of a secret scanner (trufflehog)
TRUFFLEHOG = template('trufflehog-aws-session-detector', r'''
// Scanner verifies AWS access keys found in scanned data against STS.
type Scanner struct {
    client *http.Client
}

const stsEndpoint = "https://sts.amazonaws.com"

var (
01|    defaultClient = &http.Client{Timeout: 10 * time.Second}
2|    defaultClient = &http.Client{} //@TMO-01

    idPat     = regexp.MustCompile(`\b((?:AKIA|ASIA)[0-9A-Z]{16})\b`)
    secretPat = regexp.MustCompile(`[^A-Za-z0-9+/]([A-Za-z0-9+/]{40})[^A-Za-z0-9+/]`)
)

// Keywords are used for efficiently pre-filtering chunks.
func (s Scanner) Keywords() []string {
    return []string{"AKIA", "ASIA"}
}

// FromData finds AWS key pairs in data and verifies them when asked to.
func (s Scanner) FromData(ctx context.Context, verify bool, data []byte) (results []detectors.Result, err error) {
    dataStr := string(data)
    for _, idMatch := range idPat.FindAllStringSubmatch(dataStr, -1) {
        for _, secretMatch := range secretPat.FindAllStringSubmatch(dataStr, -1) {
            result := detectors.Result{
                DetectorType: detectorspb.DetectorType_AWS,
                Raw:          []byte(idMatch[1]),
                RawV2:        []byte(idMatch[1] + secretMatch[1]),
            }
            if verify {
                verified, extra, verifyErr := s.verifyMatch(ctx, idMatch[1], secretMatch[1])
                result.Verified = verified
                result.ExtraData = extra
                result.SetVerificationError(verifyErr, secretMatch[1])
            }
            results = append(results, result)
        }
    }
    return results, nil
}

func (s Scanner) verifyMatch(ctx context.Context, keyID, secret string) (bool, map[string]string, error) {
    client := s.client
    if client == nil {
        client = defaultClient
    }
    params := url.Values{"Action": {"GetCallerIdentity"}, "Version": {"2011-06-15"}}
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, stsEndpoint, strings.NewReader(params.Encode()))
    if err != nil {
        return false, nil, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
    if err := signRequest(req, keyID, secret, time.Now().UTC()); err != nil {
        return false, nil, err
    }

    res, err := client.Do(req) //@{1}RES-02
    if err != nil {
        return false, nil, err
    }
02|    defer func() {
02|        _, _ = io.Copy(io.Discard, res.Body)
02|        _ = res.Body.Close()
02|    }()

    switch res.StatusCode {
    case http.StatusOK:
        var identity callerIdentityResponse
        if err := xml.NewDecoder(res.Body).Decode(&identity); err != nil {
            return false, nil, err
        }
        return true, map[string]string{"account": identity.Result.Account, "arn": identity.Result.Arn}, nil
    case http.StatusForbidden:
        return false, nil, nil
    default:
        return false, nil, fmt.Errorf("unexpected HTTP response status %d", res.StatusCode)
    }
}
''')
cases_of(case, GH + 'trufflesecurity/trufflehog/pull/1758', 'pkg/detectors/awssts/awssts.go',
         GV('awssts', {v: ['context', 'encoding/xml', 'fmt'] + ([] if v == 1 else ['io'])
                          + ['net/http', 'net/url', 'regexp', 'strings', 'time', '',
                             'github.com/trufflesecurity/trufflehog/v3/pkg/detectors',
                             'github.com/trufflesecurity/trufflehog/v3/pkg/pb/detectorspb'] for v in (0, 1, 2)})(TRUFFLEHOG), [
             (1, 'go-00-trufflehog-new-sts-detector-body-never-closed',
              'a new detector never closes the STS answers it reads, so every verified or refused key keeps a '
              'connection of the scanner\'s client', 'new'),
             (2, 'go-00-trufflehog-new-sts-detector-client-without-timeout',
              'a new detector verifies AWS keys with an HTTP client without a timeout, so one STS endpoint that '
              'stops answering hangs the scan of every chunk behind it', 'new'),
             (0, 'go-ok-00-trufflehog-new-sts-detector',
              'clean: a new detector with a bounded client that drains and closes every answer', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: CRL check of cert-manager's CLI (cmctl)
CMCTL = template('cmctl-inspect-secret-crl', r'''
const crlTimeout = 10 * time.Second

01|var crlClient = &http.Client{Timeout: crlTimeout}

func checkCRLValidCert(ctx context.Context, cert *x509.Certificate, url string) (bool, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return false, fmt.Errorf("error building CRL request: %w", err)
    }
01|    resp, err := crlClient.Do(req)
2|    client := &http.Client{Timeout: crlTimeout, Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil { //@{1}RES-02
        return false, fmt.Errorf("error getting HTTP response: %w", err)
    }
02|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return false, fmt.Errorf("error reading HTTP body: %w", err)
    }
1|    resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return false, fmt.Errorf("CRL endpoint answered %s", resp.Status)
    }

    crl, err := x509.ParseRevocationList(body)
    if err != nil {
        return false, fmt.Errorf("error parsing CRL: %w", err)
    }
    for _, revoked := range crl.RevokedCertificateEntries {
        if revoked.SerialNumber.Cmp(cert.SerialNumber) == 0 {
            return false, nil
        }
    }
    return true, nil
}

func describeCRLStatus(ctx context.Context, cert *x509.Certificate) string {
    if len(cert.CRLDistributionPoints) < 1 {
        return "No CRL endpoints set"
    }
    var lines []string
    for _, url := range cert.CRLDistributionPoints {
        valid, err := checkCRLValidCert(ctx, cert, url)
        switch {
        case err != nil:
            lines = append(lines, fmt.Sprintf("Cannot check CRL %s: %v", url, err))
        case valid:
            lines = append(lines, fmt.Sprintf("Valid for CRL %s", url))
        default:
            lines = append(lines, fmt.Sprintf("Revoked by %s", url))
        }
    }
    return strings.Join(lines, "\n")
}
''')
cases_of(case, GH + 'cert-manager/cmctl/pull/443', 'pkg/inspect/secret/crl.go',
         G('secret', ['context', 'crypto/x509', 'fmt', 'io', 'net/http', 'strings', 'time'])(CMCTL), [
             (1, 'go-00-cmctl-crl-body-closed-only-after-read',
              'an edit closes the CRL response only after its body was read, so a body that fails midway leaves the '
              'connection open', 'edit'),
             (2, 'go-00-cmctl-crl-client-per-endpoint',
              'an edit builds a new HTTP client and transport for every CRL endpoint checked, so each check opens '
              'fresh connections that nothing reuses or closes', 'edit'),
             (0, 'go-ok-00-cmctl-crl-body-deferred-close',
              'clean: the fix defers the close of the CRL response right after the request', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-03: chaos engine controller of a chaos-engineering operator (litmus chaos-operator)
LITMUS = template('litmus-chaosengine-controller', r'''
// ChaosEngineReconciler reconciles a ChaosEngine object
type ChaosEngineReconciler struct {
    client.Client
    Scheme   *runtime.Scheme
    Recorder record.EventRecorder

    mu       sync.Mutex
    lastSeen map[types.NamespacedName]time.Time
}

// Reconcile reads the state of the cluster for a ChaosEngine object and makes changes based on its spec.
func (r *ChaosEngineReconciler) Reconcile(ctx context.Context, request reconcile.Request) (reconcile.Result, error) {
    reqLogger := startReqLogger(request)
    engine := &litmuschaosv1alpha1.ChaosEngine{}

02|    err := r.Client.Get(ctx, request.NamespacedName, engine)
1|    err := r.Client.Get(context.TODO(), request.NamespacedName, engine) //@TMO-02
    if err != nil {
        if k8serrors.IsNotFound(err) {
            return reconcile.Result{}, nil
        }
        return reconcile.Result{}, err
    }

01|    r.mu.Lock()
    r.lastSeen[request.NamespacedName] = time.Now() //@{2}CONC-03
01|    r.mu.Unlock()

    if engine.Spec.EngineState == litmuschaosv1alpha1.EngineStateStop {
        reqLogger.Info("Engine is stopped, removing chaos resources")
        return r.reconcileForDelete(ctx, engine)
    }
    if engine.Status.EngineStatus == litmuschaosv1alpha1.EngineStatusCompleted {
        return reconcile.Result{}, nil
    }
    return r.reconcileForCreationAndRunning(ctx, engine, reqLogger)
}

// SetupWithManager registers the controller; several engines are reconciled at once.
func (r *ChaosEngineReconciler) SetupWithManager(mgr ctrl.Manager) error {
    r.lastSeen = make(map[types.NamespacedName]time.Time)
    return ctrl.NewControllerManagedBy(mgr).
        For(&litmuschaosv1alpha1.ChaosEngine{}).
        Owns(&batchv1.Job{}).
        WithOptions(controller.Options{MaxConcurrentReconciles: 4}).
        Complete(r)
}
''')
cases_of(case, GH + 'litmuschaos/chaos-operator/pull/219', 'controllers/chaosengine_controller.go',
         G('controllers', ['context', 'sync', 'time', '',
                           'litmuschaosv1alpha1 github.com/litmuschaos/chaos-operator/api/litmuschaos/v1alpha1',
                           'batchv1 k8s.io/api/batch/v1', 'k8serrors k8s.io/apimachinery/pkg/api/errors',
                           'k8s.io/apimachinery/pkg/runtime', 'k8s.io/apimachinery/pkg/types',
                           'k8s.io/client-go/tools/record', 'ctrl sigs.k8s.io/controller-runtime',
                           'sigs.k8s.io/controller-runtime/pkg/client', 'sigs.k8s.io/controller-runtime/pkg/controller',
                           'sigs.k8s.io/controller-runtime/pkg/reconcile'])(LITMUS), [
             (1, 'go-00-litmus-engine-fetched-on-todo-context',
              'an edit fetches the chaos engine on context.TODO instead of the reconcile context, so a cancelled '
              'reconcile or a stopping manager keeps waiting on the API server', 'edit'),
             (2, 'go-00-litmus-last-seen-map-written-without-lock',
              'an edit drops the mutex around the last-seen map, so four concurrent reconciles write the map at '
              'once and the operator dies with concurrent map writes', 'edit'),
             (0, 'go-ok-00-litmus-engine-fetched-on-reconcile-context',
              'clean: the fix passes the reconcile context to the fetch', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: key-share store of a multi-party wallet (vultisig)
VULTISIG = template('vultisig-keyshare-store', r'''
const (
    deleteKeyShares = `DELETE FROM keyshares WHERE public_key_ecdsa = ?`
    insertKeyShare  = `INSERT INTO keyshares (public_key_ecdsa, public_key, keyshare) VALUES (?, ?, ?)`
    upsertChainKeys = `INSERT OR REPLACE INTO chain_keyshares (public_key_ecdsa, shares_json) VALUES (?, ?)`
)

// SaveVaultKeyShares replaces the key shares of a vault in one transaction.
func (s *Store) SaveVaultKeyShares(vault *types.Vault) (err error) {
    tx, err := s.db.Begin()
    if err != nil { //@{1}TX-01
        return fmt.Errorf("could not begin transaction: %w", err)
    }
02|    defer func() {
02|        if err != nil {
02|            if rbErr := tx.Rollback(); rbErr != nil {
02|                s.logger.WithError(rbErr).Error("could not roll back key share transaction")
02|            }
02|        }
02|    }()

    if _, err = tx.Exec(deleteKeyShares, vault.PublicKeyECDSA); err != nil {
        return fmt.Errorf("could not delete old key shares: %w", err)
    }
    for _, share := range vault.KeyShares {
        if _, err = tx.Exec(insertKeyShare, vault.PublicKeyECDSA, share.PublicKey, share.KeyShare); err != nil {
            return fmt.Errorf("could not insert key share %s: %w", share.PublicKey, err)
        }
    }

    if len(vault.ChainKeyShares) > 0 {
        var chainJSON []byte
        chainJSON, err = json.Marshal(vault.ChainKeyShares)
        if err != nil {
            return fmt.Errorf("could not encode chain key shares: %w", err)
        }
        if _, err = tx.Exec(upsertChainKeys, vault.PublicKeyECDSA, string(chainJSON)); err != nil {
            return fmt.Errorf("could not save chain key shares: %w", err)
        }
    }

01|    if err = tx.Commit(); err != nil {
01|        return fmt.Errorf("could not commit key shares: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'vultisig/vultisig-windows/pull/4607', 'clients/desktop/storage/keyshares.go',
         G('storage', ['encoding/json', 'fmt', '', 'github.com/vultisig/vultisig-win/types'])(VULTISIG), [
             (1, 'go-00-vultisig-keyshare-transaction-never-rolled-back',
              'an edit drops the deferred rollback of the key-share transaction, so a failed insert returns with '
              'the transaction open and its connection pinned, wedging later writes', 'edit'),
             (2, 'go-00-vultisig-keyshare-commit-unchecked',
              'an edit ignores the result of the key-share commit, so a refused commit is reported as saved key '
              'shares', 'edit'),
             (0, 'go-ok-00-vultisig-keyshare-transaction-rolled-back',
              'clean: the fix rolls the transaction back on every error path', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: secret sync of a secrets manager's Kubernetes operator (Doppler kubernetes-operator)
DOPPLER = template('doppler-operator-secret-sync', r'''
// UpdateSecret fetches the secrets of a DopplerSecret and writes them to its managed Kubernetes secret.
func (r *DopplerSecretReconciler) UpdateSecret(ctx context.Context, dopplerSecret secretsv1alpha1.DopplerSecret) error {
    log := r.Log.WithValues("dopplersecret", dopplerSecret.GetNamespacedName())
    existing, err := r.GetManagedSecret(ctx, dopplerSecret)
    if err != nil && !errors.IsNotFound(err) {
        return fmt.Errorf("failed to fetch managed secret: %w", err)
    }

    dopplerToken, err := r.GetDopplerToken(ctx, dopplerSecret)
    if err != nil {
        return fmt.Errorf("failed to load Doppler token: %w", err)
    }
    etag := ""
    if existing != nil {
        etag = existing.Annotations[kubeSecretVersionAnnotation]
    }
    result, err := api.GetSecrets(GetAPIContext(dopplerSecret, dopplerToken), etag, dopplerSecret.Spec.Project, dopplerSecret.Spec.Config)
    if err != nil {
        return fmt.Errorf("failed to fetch secrets from Doppler API: %w", err)
    }
    if !result.Modified {
        log.V(1).Info("Secrets have not changed")
        return nil
    }

    data := make(map[string][]byte, len(result.Secrets))
    for _, secret := range result.Secrets {
        data[processedName(secret.Name, dopplerSecret.Spec.NameTransformer)] = []byte(secret.Value)
1|        log.Info("Synced secret", "name", secret.Name, "etag", result.ETag) //@LOG-01
    }

    if existing == nil {
        return r.CreateManagedSecret(ctx, dopplerSecret, data, result.ETag)
    }
    existing.Data = data
    existing.Annotations[kubeSecretVersionAnnotation] = result.ETag
01|    if err := r.Client.Update(ctx, existing); err != nil {
01|        return fmt.Errorf("failed to update managed secret: %w", err)
01|    }
2|    _ = r.Client.Update(ctx, existing) //@ERR-01
    log.Info("Updated managed secret", "secret", existing.Name, "keys", len(data))
    return nil
}
''')
cases_of(case, GH + 'DopplerHQ/kubernetes-operator/pull/65', 'controllers/dopplersecret_controller_secrets.go',
         G('controllers', ['context', 'fmt', '', 'secretsv1alpha1 github.com/DopplerHQ/kubernetes-operator/api/v1alpha1',
                           'github.com/DopplerHQ/kubernetes-operator/pkg/api',
                           'k8s.io/apimachinery/pkg/api/errors'])(DOPPLER), [
             (1, 'go-00-doppler-operator-every-secret-logged',
              'an edit logs every synced secret at info level, so each resync of a large config writes a line per '
              'secret into the operator log', 'edit'),
             (2, 'go-00-doppler-operator-secret-update-error-dropped',
              'an edit drops the error of the managed secret\'s update, so a refused write is logged as an updated '
              'secret and never retried', 'edit'),
             (0, 'go-ok-00-doppler-operator-secret-sync-quiet',
              'clean: the fix syncs the secrets without a line per secret', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-04: JWT claims of a JOSE library (SermoDigital jose)
JOSE = template('jose-jwt-claims', r'''
// Validate checks the time-based claims of c, allowing the given leeway.
func (c Claims) Validate(expLeeway, nbfLeeway time.Duration) error {
02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    // NumericDate values are whole seconds since the epoch, in UTC.
    current := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), now.Second(), 0, time.UTC)

    if exp, ok := c.Expiration(); ok {
        if current.After(exp.Add(expLeeway)) {
            return ErrTokenIsExpired
        }
    }
    if nbf, ok := c.NotBefore(); ok {
        if current.Before(nbf.Add(-nbfLeeway)) {
            return ErrTokenNotYetValid
        }
    }
    return nil
}

// FetchKeySet downloads the JSON Web Key Set published at url.
func FetchKeySet(ctx context.Context, url string) (*KeySet, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
01|    resp, err := keySetClient.Do(req)
2|    client := &http.Client{Timeout: keySetTimeout, Transport: &http.Transport{TLSHandshakeTimeout: keySetTimeout}} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("jose: key set %s answered %s", url, resp.Status)
    }
    var set KeySet
    if err := json.NewDecoder(io.LimitReader(resp.Body, maxKeySetSize)).Decode(&set); err != nil {
        return nil, fmt.Errorf("jose: decoding key set: %w", err)
    }
    return &set, nil
}

const (
    keySetTimeout = 10 * time.Second
    maxKeySetSize = 1 << 20
)

01|var keySetClient = &http.Client{Timeout: keySetTimeout}
''')
cases_of(case, GH + 'SermoDigital/jose/issues/21', 'jwt/claims_validate.go',
         G('jwt', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(JOSE), [
             (1, 'go-00-jose-claims-checked-against-local-wall-clock',
              'an edit takes the current time in the local zone and rebuilds it as UTC, so on any server not '
              'running in UTC tokens are expired or not yet valid hours early or late', 'edit'),
             (2, 'go-00-jose-key-set-client-per-fetch',
              'an edit builds a new HTTP client and transport for every key set fetch, so each token verification '
              'opens fresh connections that are never reused', 'edit'),
             (0, 'go-ok-00-jose-claims-checked-in-utc',
              'clean: the fix takes the current time in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-03: rollout tracker of a Kubernetes deploy CLI library (werf kubedog), moved to its own file
KUBEDOG = template('kubedog-multitrack-tracker', r'''
// rolloutTracker collects the status of every tracked deployment while a rollout runs.
type rolloutTracker struct {
    mux                 sync.Mutex
    deploymentsStatuses map[string]deployment.DeploymentStatus
    failures            map[string]int
    allowedFailures     int
}

func newRolloutTracker(allowedFailures int) *rolloutTracker {
    return &rolloutTracker{
        deploymentsStatuses: make(map[string]deployment.DeploymentStatus),
        failures:            make(map[string]int),
        allowedFailures:     allowedFailures,
    }
}

// deploymentStatusReport is called from the informer goroutine of each tracked deployment.
func (mt *rolloutTracker) deploymentStatusReport(name string, status deployment.DeploymentStatus) error {
02|    mt.mux.Lock()
02|    defer mt.mux.Unlock()

    mt.deploymentsStatuses[name] = status //@{1}CONC-03
    if status.IsFailed {
        mt.failures[name]++
        if mt.failures[name] > mt.allowedFailures {
            return fmt.Errorf("deployment %s failed %d times: %s", name, mt.failures[name], status.FailedReason)
        }
    }
    return nil
}

// waitAll watches each deployment in turn until it is ready.
func (mt *rolloutTracker) waitAll(ctx context.Context, client kubernetes.Interface, specs []Spec) error {
    for _, spec := range specs {
        w, err := client.AppsV1().Deployments(spec.Namespace).Watch(ctx, metav1.ListOptions{
            FieldSelector: fields.OneTermEqualSelector("metadata.name", spec.ResourceName).String(),
        })
        if err != nil {
            return fmt.Errorf("watch deployment %s: %w", spec.ResourceName, err)
        }
2|        defer w.Stop() //@RES-03
        err = mt.waitReady(ctx, spec, w)
01|        w.Stop()
        if err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'werf/kubedog/pull/121', 'pkg/trackers/rollout/multitrack/rollout_tracker.go',
         G('multitrack', ['context', 'fmt', 'sync', '', 'github.com/werf/kubedog/pkg/tracker/deployment',
                          'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/fields',
                          'k8s.io/client-go/kubernetes'])(KUBEDOG), [
             (1, 'go-00-kubedog-moved-tracker-status-map-unlocked',
              'a PR moves the rollout tracker into its own file and drops the lock of its status maps, so two '
              'informers reporting at once crash the CLI with concurrent map writes', 'rename'),
             (2, 'go-00-kubedog-moved-tracker-defers-watch-stop-in-loop',
              'a PR moves the rollout tracker into its own file and defers the stop of each deployment watch inside '
              'the loop, so a rollout of many deployments keeps every watch open until all are ready', 'rename'),
             (0, 'go-ok-00-kubedog-moved-tracker',
              'clean: the move alone; the status maps are locked and each watch is stopped when its deployment is '
              'ready', 'rename'),
         ], rename_from='pkg/trackers/rollout/multitrack/multitrack.go',
         rename_old=lambda t: t.replace('rolloutTracker', 'multitracker'))
