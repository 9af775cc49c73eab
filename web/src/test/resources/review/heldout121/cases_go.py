"""Round-121 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / ERR-01: user config representation cache of a Terraform provider (terraform-provider-aiven)
AIVENCACHE = template('aiven-representation-cache', r'''
// representationCache keeps the flattened user config representation of every service type. Terraform plans and
// applies many resources in parallel, so the cache is read and filled from several goroutines at once.
type representationCache struct {
02|    mu   sync.RWMutex
    maps map[string]map[string]interface{}
}

var cachedRepresentationMaps = &representationCache{maps: make(map[string]map[string]interface{})}

func (c *representationCache) get(kind string) (map[string]interface{}, bool) {
02|    c.mu.RLock()
02|    defer c.mu.RUnlock()
    m, ok := c.maps[kind]
    return m, ok
}

func (c *representationCache) put(kind string, m map[string]interface{}) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    c.maps[kind] = m //@{1}CONC-03
}

// CachedRepresentationMap returns the representation of the user config schema of a service type, building it on
// first use.
func CachedRepresentationMap(kind string) (map[string]interface{}, error) {
    if m, ok := cachedRepresentationMaps.get(kind); ok {
        return m, nil
    }

    schema, err := dist.UserConfigSchema(kind)
    if err != nil { //@{2}ERR-01
01|        return nil, fmt.Errorf("loading user config schema of %s: %w", kind, err)
2|        return map[string]interface{}{}, nil
    }

    m, err := representationToMap(kind, schema)
    if err != nil {
        return nil, fmt.Errorf("converting user config schema of %s: %w", kind, err)
    }
    cachedRepresentationMaps.put(kind, m)
    return m, nil
}

func representationToMap(kind string, schema map[string]interface{}) (map[string]interface{}, error) {
    props, ok := schema["properties"].(map[string]interface{})
    if !ok {
        return nil, fmt.Errorf("user config schema of %s has no properties", kind)
    }
    out := make(map[string]interface{}, len(props))
    for name, prop := range props {
        out[EncodeKey(name)] = prop
    }
    return out, nil
}
''')
_AIV = ['fmt', 'sync', '', 'github.com/aiven/terraform-provider-aiven/internal/schemautil/userconfig/dist']
cases_of(case, GH + 'aiven/terraform-provider-aiven/pull/1007', 'internal/schemautil/userconfig/cache.go',
         GV('userconfig', {0: _AIV, 1: [i for i in _AIV if i != 'sync'], 2: _AIV})(AIVENCACHE), [
             (1, 'go-00-aiven-representation-cache-written-unlocked',
              'an edit drops the lock of the representation cache, so resources planned in parallel write the shared '
              'map at once', 'edit'),
             (2, 'go-00-aiven-representation-schema-error-dropped',
              'an edit returns an empty representation when the user config schema cannot be loaded, hiding the '
              'error from the plan', 'edit'),
             (0, 'go-ok-00-aiven-representation-cache-locked',
              'clean: the fix guards the representation cache with a read-write lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: image flattening of a container registry library (go-containerregistry), renamed file
GGCREXTRACT = template('ggcr-flatten-layers', r'''
// Flatten writes the image's flattened filesystem to w as a tar stream. Layers are read from the top down, so a
// file already written from an upper layer (or deleted there by a whiteout) is skipped in the lower ones.
func Flatten(img v1.Image, w io.Writer) error {
    tarWriter := tar.NewWriter(w)
    defer tarWriter.Close()

    layers, err := img.Layers()
    if err != nil {
        return fmt.Errorf("retrieving image layers: %w", err)
    }

    fileMap := map[string]bool{}
    for i := len(layers) - 1; i >= 0; i-- {
02|        if err := flattenLayer(layers[i], tarWriter, fileMap); err != nil {
02|            return err
02|        }
1|        rc, err := layers[i].Uncompressed()
1|        if err != nil {
1|            return fmt.Errorf("reading layer %d: %w", i, err)
1|        }
1|        defer rc.Close() //@RES-03
1|        if err := copyLayer(tar.NewReader(rc), tarWriter, fileMap); err != nil {
1|            return err
1|        }
    }
    return nil
}

02|// flattenLayer copies one layer and closes its reader before the next layer is opened.
02|func flattenLayer(layer v1.Layer, tw *tar.Writer, fileMap map[string]bool) error {
02|    layerReader, err := layer.Uncompressed()
02|    if err != nil { //@{2}RES-01
02|        return fmt.Errorf("reading layer contents: %w", err)
02|    }
0|    defer layerReader.Close()
02|    return copyLayer(tar.NewReader(layerReader), tw, fileMap)
02|}
02|
func copyLayer(tr *tar.Reader, tw *tar.Writer, fileMap map[string]bool) error {
    for {
        header, err := tr.Next()
        if errors.Is(err, io.EOF) {
            return nil
        }
        if err != nil {
            return fmt.Errorf("reading tar: %w", err)
        }

        name := filepath.Clean(header.Name)
        basename := filepath.Base(name)
        dirname := filepath.Dir(name)
        if strings.HasPrefix(basename, whiteoutPrefix) {
            fileMap[filepath.Join(dirname, strings.TrimPrefix(basename, whiteoutPrefix))] = true
            continue
        }
        if fileMap[name] || inWhiteoutDir(fileMap, name) {
            continue
        }
        fileMap[name] = true
        if err := tw.WriteHeader(header); err != nil {
            return err
        }
        if header.Size > 0 {
            if _, err := io.CopyN(tw, tr, header.Size); err != nil {
                return err
            }
        }
    }
}
''')
cases_of(case, GH + 'google/go-containerregistry/pull/2190', 'pkg/v1/mutate/flatten.go',
         G('mutate', ['archive/tar', 'errors', 'fmt', 'io', 'path/filepath', 'strings', '',
                      'v1 github.com/google/go-containerregistry/pkg/v1'])(GGCREXTRACT), [
             (1, 'go-00-ggcr-renamed-flatten-defers-layer-close-in-loop',
              'the flattening code moves to flatten.go and defers each layer reader\'s close inside the loop, so every '
              'layer of a large image stays open until the whole image is written', 'rename'),
             (2, 'go-00-ggcr-renamed-flatten-layer-reader-left-open',
              'the flattening code moves to flatten.go and drops the close of the layer reader in the per-layer '
              'helper', 'rename'),
             (0, 'go-ok-00-ggcr-renamed-flatten-closes-each-layer',
              'clean: the move alone; each layer is read in a helper that closes its reader before the next', 'rename'),
         ], rename_from='pkg/v1/mutate/extract.go')


# ---------------------------------------------------------------- TMO-01 / RES-02: registry transport and resumable body reader (container-libs)
REGCLIENT = template('container-libs-registry-transport', r'''
// responseHeaderTimeout bounds the wait for a registry's response headers once the connection is up: a registry
// that accepts the connection and then stalls must fail the request instead of parking the pull for good.
02|const responseHeaderTimeout = 2 * time.Minute
02|
func (c *dockerClient) newTransport() *http.Transport {
    tr := &http.Transport{ //@{1}TMO-01
        Proxy:                 http.ProxyFromEnvironment,
02|        ResponseHeaderTimeout: responseHeaderTimeout,
        TLSHandshakeTimeout:   10 * time.Second,
        MaxIdleConns:          100,
        IdleConnTimeout:       90 * time.Second,
        DialContext: (&net.Dialer{
            Timeout:   30 * time.Second,
            KeepAlive: 30 * time.Second,
        }).DialContext,
    }
    tr.TLSClientConfig = c.tlsClientConfig
    return tr
}

// bodyReader resumes a blob download with a Range request when the connection breaks in the middle of a layer.
type bodyReader struct {
    ctx     context.Context
    c       *dockerClient
    path    string
    body    io.ReadCloser
    offset  int64
    retries int
}

func (br *bodyReader) reconnect() error {
    headers := map[string][]string{"Range": {fmt.Sprintf("bytes=%d-", br.offset)}}
    res, err := br.c.makeRequest(br.ctx, http.MethodGet, br.path, headers, nil, v2Auth, nil) //@{2}RES-02
    if err == nil && res.StatusCode != http.StatusPartialContent {
01|        res.Body.Close()
        err = fmt.Errorf("resuming %s at offset %d: unexpected status %s", br.path, br.offset, res.Status)
    }
    if err != nil {
        return err
    }
    br.body.Close()
    br.body = res.Body
    br.retries++
    return nil
}

func (br *bodyReader) Read(p []byte) (int, error) {
    n, err := br.body.Read(p)
    br.offset += int64(n)
    if err == nil || errors.Is(err, io.EOF) || br.retries >= maxBodyRetries || !isRetryableNetworkError(err) {
        return n, err
    }
    if rerr := br.reconnect(); rerr != nil {
        return n, fmt.Errorf("%w (resuming failed: %v)", err, rerr)
    }
    return n, nil
}
''')
cases_of(case, GH + 'podman-container-tools/container-libs/pull/777', 'image/docker/body_reader.go',
         G('docker', ['context', 'errors', 'fmt', 'io', 'net', 'net/http', 'time'])(REGCLIENT), [
             (1, 'go-00-container-libs-registry-transport-without-header-timeout',
              'an edit drops the response header timeout of the registry transport, so a registry that stalls after '
              'accepting the connection parks the image pull for good', 'edit'),
             (2, 'go-00-container-libs-resume-response-left-open',
              'an edit drops the close of a resume response whose status is wrong, leaking its connection on every '
              'failed resume', 'edit'),
             (0, 'go-ok-00-container-libs-registry-transport-header-timeout',
              'clean: the fix bounds the wait for the registry\'s response headers', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: upgrade window of a Talos controller manager, CRLF file
TALOSWINDOW = template('talos-upgrade-window', r'''
// Window is a daily maintenance window in which nodes may be upgraded. Start and End are configured as hours of
// the day in UTC, the same for every node whatever zone the controller runs in.
type Window struct {
    StartHour int
    EndHour   int
}

func (w Window) String() string {
    return fmt.Sprintf("%02d:00-%02d:00 UTC", w.StartHour, w.EndHour)
}

// Contains reports whether t falls inside the window; a window may wrap around midnight.
func (w Window) Contains(t time.Time) bool {
    h := t.Hour()
    if w.StartHour <= w.EndHour {
        return h >= w.StartHour && h < w.EndHour
    }
    return h >= w.StartHour || h < w.EndHour
}

// nextNodeToUpgrade returns the first node whose Talos version differs from the policy's, or nil when no node may
// be upgraded right now.
func (r *UpgradeReconciler) nextNodeToUpgrade(policy *v1alpha1.Pool, nodes []corev1.Node) *corev1.Node {
02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    for i := range nodes {
        node := &nodes[i]
        if node.Status.NodeInfo.OSImage == policy.Spec.Version {
            continue
        }
        if !policy.Spec.Window.Contains(now) {
01|            r.Log.Info("node outside upgrade window", "node", node.Name, "window", policy.Spec.Window.String())
2|            r.Log.Info(fmt.Sprintf("node %s outside upgrade window %s", node.Name, policy.Spec.Window)) //@LOG-02
            return nil
        }
        return node
    }
    return nil
}
''')
cases_of(case, GH + 'siderolabs/talos-controller-manager/pull/21', 'controllers/upgrade_window.go',
         G('controllers', ['fmt', 'time', '', 'corev1 k8s.io/api/core/v1', '',
                           'github.com/talos-systems/talos-controller-manager/api/v1alpha1'])(TALOSWINDOW), [
             (1, 'go-00-talos-upgrade-window-checked-in-local-time',
              'an edit reads the clock in the controller\'s local zone, so the UTC upgrade window opens hours early or '
              'late wherever the controller does not run in UTC', 'edit'),
             (2, 'go-00-talos-upgrade-window-log-formatted',
              'an edit formats the outside-window log line with fmt.Sprintf instead of passing key-value pairs',
              'edit'),
             (0, 'go-ok-00-talos-upgrade-window-utc',
              'clean: the fix compares the UTC window with the clock read in UTC', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-01 / TMO-02: cluster lease controller of a multi-cluster control plane (karmada)
KARMADALEASE = template('karmada-lease-controller', r'''
// initLeaseController starts one lease controller per member cluster. It runs until the cluster is removed (its
// cancel function is stored with it) or the controller manager stops.
func (c *ClusterStatusController) initLeaseController(ctx context.Context, cluster *clusterv1alpha1.Cluster) {
    // If lease controller has been registered, we skip this function.
    if _, exists := c.ClusterLeaseControllers.Load(cluster.Name); exists {
        return
    }

    // renewInterval is how often the lease renew time is updated.
    renewInterval := time.Duration(float64(c.ClusterLeaseDuration.Nanoseconds()) * c.ClusterLeaseRenewIntervalFraction)

    nodeLeaseController := lease.NewController(
        clock.RealClock{},
        c.KubeClient,
        cluster.Name,
        int32(c.ClusterLeaseDuration.Seconds()),
        nil,
        renewInterval,
        cluster.Name,
        util.NamespaceClusterLease,
        util.SetLeaseOwnerFunc(c.Client, cluster.Name))

01|    leaseCtx, cancel := context.WithCancel(ctx)
2|    leaseCtx, cancel := context.WithCancel(context.Background()) //@TMO-02
    c.ClusterLeaseControllers.Store(cluster.Name, cancel)

    // start syncing lease
    go func() { //@{1}CONC-01
02|        defer runtime.HandleCrash()
        defer c.ClusterLeaseControllers.Delete(cluster.Name)
        nodeLeaseController.Run(leaseCtx)
        klog.Infof("Stopped lease controller for cluster %s", cluster.Name)
    }()
}

// stopLeaseController stops the lease controller of a removed cluster.
func (c *ClusterStatusController) stopLeaseController(clusterName string) {
    if cancel, exists := c.ClusterLeaseControllers.Load(clusterName); exists {
        klog.Infof("Cluster %s has been removed, stopping its lease controller", clusterName)
        cancel.(context.CancelFunc)()
    }
}
''')
cases_of(case, GH + 'karmada-io/karmada/pull/7641', 'pkg/controllers/status/cluster_lease.go',
         G('status', ['context', 'time', '', 'k8s.io/apimachinery/pkg/util/runtime',
                      'k8s.io/component-helpers/apimachinery/lease', 'k8s.io/klog/v2', 'k8s.io/utils/clock', '',
                      'clusterv1alpha1 github.com/karmada-io/karmada/pkg/apis/cluster/v1alpha1',
                      'github.com/karmada-io/karmada/pkg/util'])(KARMADALEASE), [
             (1, 'go-00-karmada-lease-goroutine-without-crash-handler',
              'an edit drops the crash handler of the lease goroutine, so a panic while renewing one cluster\'s lease '
              'takes the controller manager down', 'edit'),
             (2, 'go-00-karmada-lease-detached-from-manager',
              'an edit starts the lease controller on a background context, so it keeps renewing after the controller '
              'manager has been told to stop', 'edit'),
             (0, 'go-ok-00-karmada-lease-goroutine-handles-crash',
              'clean: the fix wraps the lease goroutine in the crash handler', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-03: CNI add command of a VPC CNI plugin (amazon-vpc-cni-k8s)
VPCCNI = template('vpc-cni-add', r'''
// addNetworkTimeout bounds the call to ipamd: kubelet retries a failed ADD, a hung one blocks the pod sandbox.
const addNetworkTimeout = 20 * time.Second

func add(args *skel.CmdArgs, cniTypes typeswrapper.CNITYPES, grpcClient grpcwrapper.GRPC,
    rpcClient rpcwrapper.RPC, driverClient driver.NetworkAPIs) error {

    conf, log, err := LoadNetConf(args.StdinData)
    if err != nil {
        return errors.Wrap(err, "add cmd: error loading config from args")
    }

1|    log.Infof("Starting CNI Plugin %s, config %+v ...", version, conf) //@LOG-01
    log.Debugf("Received CNI add request: ContainerID(%s) Netns(%s) IfName(%s) Path(%s)",
        args.ContainerID, args.Netns, args.IfName, args.Path)

    var k8sArgs K8sArgs
    if err := cniTypes.LoadArgs(args.Args, &k8sArgs); err != nil {
        log.Errorf("Failed to load k8s config from arg for containerID %s: %v", args.ContainerID, err)
        return errors.Wrap(err, "add cmd: failed to load k8s config from arg")
    }

    conn, err := grpcClient.Dial(ipamdAddress, grpc.WithTransportCredentials(insecure.NewCredentials()))
    if err != nil {
        log.Errorf("Failed to connect to backend server for containerID %s: %v", args.ContainerID, err)
        return errors.Wrap(err, "add cmd: failed to connect to backend server")
    }
    defer conn.Close()

    c := rpcClient.NewCNIBackendClient(conn)
    ctx, cancel := context.WithTimeout(context.Background(), addNetworkTimeout)
    defer cancel()
    r, err := c.AddNetwork(ctx, &pb.AddNetworkRequest{
        ClientVersion:              version,
        K8S_POD_NAME:               string(k8sArgs.K8S_POD_NAME),
        K8S_POD_NAMESPACE:          string(k8sArgs.K8S_POD_NAMESPACE),
        K8S_POD_INFRA_CONTAINER_ID: string(k8sArgs.K8S_POD_INFRA_CONTAINER_ID),
        ContainerID:                args.ContainerID,
        NetworkName:                conf.Name,
        IfName:                     args.IfName,
        Netns:                      args.Netns,
    })
    if err != nil {
01|        log.Errorf("Error received from AddNetwork gRPC call for containerID %s: %v", args.ContainerID, err)
2|        log.Errorf("Error received from AddNetwork gRPC call: %v", err) //@LOG-03
        return errors.Wrap(err, "add cmd: Error received from AddNetwork gRPC call")
    }
    if !r.Success {
        log.Errorf("Failed to assign an IP address to container %s", args.ContainerID)
        return errors.New("add cmd: failed to assign an IP address to container")
    }
    return cniTypes.PrintResult(buildResult(r, args), conf.CNIVersion)
}
''')
cases_of(case, GH + 'aws/amazon-vpc-cni-k8s/pull/1469', 'cmd/routed-eni-cni-plugin/cni.go',
         G('main', ['context', 'time', '', 'github.com/containernetworking/cni/pkg/skel', 'github.com/pkg/errors',
                    'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure', '',
                    'github.com/aws/amazon-vpc-cni-k8s/cmd/routed-eni-cni-plugin/driver',
                    'github.com/aws/amazon-vpc-cni-k8s/pkg/grpcwrapper',
                    'github.com/aws/amazon-vpc-cni-k8s/pkg/rpcwrapper',
                    'github.com/aws/amazon-vpc-cni-k8s/pkg/typeswrapper',
                    'pb github.com/aws/amazon-vpc-cni-k8s/rpc'])(VPCCNI), [
             (1, 'go-00-vpc-cni-logs-banner-every-invocation',
              'an edit logs a start banner with the whole network config at info level on every CNI invocation, one '
              'line per pod sandbox on every node', 'edit'),
             (2, 'go-00-vpc-cni-add-error-without-container-id',
              'an edit drops the container id from the AddNetwork failure line, so the failure cannot be matched to '
              'its pod', 'edit'),
             (0, 'go-ok-00-vpc-cni-add-without-banner',
              'clean: the fix removes the per-invocation banner; the request line stays at debug level', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-04: feature check of a build driver (buildx)
BUILDXFEAT = template('buildx-docker-features', r'''
// Features reports what the Docker engine behind this driver supports. The check asks the engine's BuildKit for its
// workers once and keeps the answer.
func (d *Driver) Features(ctx context.Context) map[driver.Feature]bool {
01|    d.featuresOnce.Do(func() {
2|    func() {
        var useContainerdSnapshotter bool
        c, err := d.Client(ctx) //@{1}RES-01 //@{2}RES-04
        if err == nil {
02|            defer c.Close()
            workers, _ := c.ListWorkers(ctx)
            for _, w := range workers {
                if _, ok := w.Labels["org.mobyproject.buildkit.worker.snapshotter"]; ok {
                    useContainerdSnapshotter = true
                }
            }
        }
        d.features = map[driver.Feature]bool{
            driver.OCIExporter:    useContainerdSnapshotter,
            driver.DockerExporter: useContainerdSnapshotter,
            driver.CacheExport:    useContainerdSnapshotter,
            driver.MultiPlatform:  useContainerdSnapshotter,
            driver.DefaultLoad:    true,
        }
01|    })
2|    }()
    return d.features
}
''')
BUILDX_TEST = f('driver/docker/driver_test.go', new=go('docker', ['context', 'testing', '', 'github.com/docker/buildx/driver'], r'''
func TestFeaturesReportsDefaultLoad(t *testing.T) {
    d := &Driver{factory: newFakeFactory(t)}
    features := d.Features(context.Background())
    if !features[driver.DefaultLoad] {
        t.Fatalf("DefaultLoad not reported: %v", features)
    }
}
'''))
cases_of(case, GH + 'docker/buildx/pull/1776', 'driver/docker/features.go',
         G('docker', ['context', '', 'github.com/docker/buildx/driver'])(BUILDXFEAT), [
             (1, 'go-00-buildx-features-client-left-open',
              'an edit checks the engine\'s features on a BuildKit client it never closes, leaking a connection every '
              'time a driver is created', 'edit'),
             (2, 'go-00-buildx-features-client-per-call',
              'an edit drops the once around the feature check, so every call builds a new BuildKit client for the '
              'same answer; the change adds a test beside it', 'edit', [BUILDX_TEST]),
             (0, 'go-ok-00-buildx-features-client-closed',
              'clean: the fix closes the client of the feature check', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-02 / TMO-03: readiness checks of a break-glass controller (k8s-breakglass), new file
BREAKGLASS = template('breakglass-readiness', r'''
// addHealthChecks registers the manager's probes. Liveness stays a plain ping so that a slow dependency never gets
// the pod restarted; readiness reflects what the reconciler needs to do its work.
func addHealthChecks(mgr ctrl.Manager, apiReader client.Reader) error {
    if err := mgr.AddHealthzCheck("ping", healthz.Ping); err != nil {
        return fmt.Errorf("adding liveness check: %w", err)
    }
02|    if err := mgr.AddReadyzCheck("informer-sync", cacheSyncCheck(mgr)); err != nil {
02|        return fmt.Errorf("adding informer sync readiness check: %w", err)
02|    }
02|    if err := mgr.AddReadyzCheck("apiserver", apiServerCheck(apiReader)); err != nil {
02|        return fmt.Errorf("adding API server readiness check: %w", err)
02|    }
1|    if err := mgr.AddReadyzCheck("ping", healthz.Ping); err != nil { //@OPS-02
1|        return fmt.Errorf("adding readiness check: %w", err)
1|    }
    return nil
}
02|
02|const apiServerCheckTimeout = 2 * time.Second
02|
02|// cacheSyncCheck fails until the informer caches the reconciler reads from have synced.
02|func cacheSyncCheck(mgr ctrl.Manager) healthz.Checker {
02|    return func(req *http.Request) error {
02|        if !mgr.GetCache().WaitForCacheSync(req.Context()) {
02|            return fmt.Errorf("informer cache not synced")
02|        }
02|        return nil
02|    }
02|}
02|
02|// apiServerCheck fails when the API server cannot be reached within the probe's budget.
02|func apiServerCheck(apiReader client.Reader) healthz.Checker {
02|    return func(req *http.Request) error {
0|        ctx, cancel := context.WithTimeout(req.Context(), apiServerCheckTimeout)
0|        defer cancel()
2|        ctx, _ := context.WithTimeout(req.Context(), apiServerCheckTimeout) //@TMO-03
02|        var escalations breakglassv1alpha1.BreakglassEscalationList
02|        if err := apiReader.List(ctx, &escalations, client.Limit(1)); err != nil {
02|            return fmt.Errorf("listing escalations: %w", err)
02|        }
02|        return nil
02|    }
02|}
''')
_BG = ['context', 'fmt', 'net/http', 'time', '', 'sigs.k8s.io/controller-runtime',
       'sigs.k8s.io/controller-runtime/pkg/client', 'sigs.k8s.io/controller-runtime/pkg/healthz', '',
       'breakglassv1alpha1 github.com/telekom/k8s-breakglass/api/v1alpha1']
BREAKGLASS_HEAD = '// Copyright 2026 Deutsche Telekom. Licensed under the Apache License, Version 2.0.\n\n'
cases_of(case, GH + 'telekom/k8s-breakglass/issues/460', 'pkg/reconciler/health.go',
         GV('reconciler', {0: _BG, 1: ['fmt', '', 'sigs.k8s.io/controller-runtime',
                                       'sigs.k8s.io/controller-runtime/pkg/client',
                                       'sigs.k8s.io/controller-runtime/pkg/healthz'], 2: _BG}, BREAKGLASS_HEAD)(BREAKGLASS), [
             (1, 'go-00-breakglass-readiness-ping-only',
              'a new file registers a readiness probe that only pings, so the pod is Ready while its caches are cold '
              'or the API server is unreachable', 'new'),
             (2, 'go-00-breakglass-readiness-check-cancel-dropped',
              'a new file adds dependency-aware readiness checks but discards the cancel of the API server check\'s '
              'timeout', 'new'),
             (0, 'go-ok-00-breakglass-readiness-dependency-aware',
              'clean: readiness checks for the informer caches and the API server, each bounded and cancelled', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: default privileges of a PostgreSQL Terraform provider (terraform-provider-postgresql)
PGDEFPRIV = template('pg-default-privileges', r'''
func resourcePostgreSQLDefaultPrivilegesCreate(db *DBConnection, d *schema.ResourceData) error {
    if !db.featureSupported(featurePrivileges) {
        return fmt.Errorf("ALTER DEFAULT PRIVILEGES is not supported for this Postgres version (%s)", db.version)
    }
    if err := validateObjectType(d); err != nil {
        return err
    }

    owner := d.Get("owner").(string)
    pgSchema := d.Get("schema").(string)
    role := d.Get("role").(string)
    database := d.Get("database").(string)

    txn, err := startTransaction(db.client, database)
    if err != nil { //@{1}TX-01
        return err
    }
02|    defer deferredRollback(txn)

    // The advisory lock serialises grants on the same role; it is held until the transaction ends.
    if err := pgLockRole(txn, role); err != nil {
        return err
    }

    if err := revokeRoleDefaultPrivileges(txn, d); err != nil {
        return err
    }
    if err := grantRoleDefaultPrivileges(txn, d); err != nil {
        return err
    }

01|    if err := txn.Commit(); err != nil {
01|        return fmt.Errorf("could not commit transaction: %w", err)
01|    }
2|    txn.Commit() //@TX-02

    d.SetId(generateDefaultPrivilegesID(d))
    log.Printf("[DEBUG] default privileges of role %s on schema %q owned by %s set", role, pgSchema, owner)
    return readRoleDefaultPrivileges(db, d)
}
''')
cases_of(case, GH + 'cyrilgdn/terraform-provider-postgresql/issues/96', 'postgresql/resource_postgresql_default_privileges.go',
         G('postgresql', ['fmt', 'log', '', 'github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema'])(PGDEFPRIV), [
             (1, 'go-00-pg-default-privileges-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the grant transaction, so a failed grant keeps the transaction '
              'and its advisory lock on the role open', 'edit'),
             (2, 'go-00-pg-default-privileges-commit-error-dropped',
              'an edit ignores the error of the grant transaction\'s commit and records the privileges as set',
              'edit'),
             (0, 'go-ok-00-pg-default-privileges-transaction-rolled-back',
              'clean: the fix ends the grant transaction on every path', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-03: progressive rollout reconciler of an Argo CD add-on (applicationset-progressive-sync)
PROGSYNC = template('progressive-sync-reconciler', r'''
// ProgressiveSyncReconciler reconciles ProgressiveSync objects. Several reconciles run at once
// (MaxConcurrentReconciles), so the record of the last sync of each stage is shared between them.
type ProgressiveSyncReconciler struct {
    client.Client
    Log    logr.Logger
    Scheme *runtime.Scheme

01|    mu         sync.Mutex
    lastSynced map[string]time.Time
}

func (r *ProgressiveSyncReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
    log := r.Log.WithValues("progressivesync", req.NamespacedName)

    var pr syncv1alpha1.ProgressiveSync
    if err := r.Get(ctx, req.NamespacedName, &pr); err != nil {
        return ctrl.Result{}, client.IgnoreNotFound(err)
    }

    apps, err := r.getOwnedAppsFromAppSet(ctx, pr.Spec.SourceRef)
    if err != nil {
        log.Error(err, "unable to fetch apps owned by the appset", "appset", pr.Spec.SourceRef.Name)
        return ctrl.Result{}, err
    }

    for _, stage := range pr.Spec.Stages {
        if !r.stageDue(req.String()+"/"+stage.Name, stage.Interval.Duration) {
            continue
        }
        if err := r.syncStage(ctx, stage, apps); err != nil {
            return ctrl.Result{}, err
        }
    }
    return ctrl.Result{RequeueAfter: requeueDelay}, nil
}

// stageDue records now as the stage's last sync when its interval has passed since the previous one.
func (r *ProgressiveSyncReconciler) stageDue(key string, interval time.Duration) bool {
    now := time.Now().UTC()
01|    r.mu.Lock()
01|    defer r.mu.Unlock()
    if last, ok := r.lastSynced[key]; ok && now.Sub(last) < interval { //@{2}CONC-03
        return false
    }
    r.lastSynced[key] = now
    return true
}

// getOwnedAppsFromAppSet lists the Argo CD applications generated by the ApplicationSet the rollout targets.
func (r *ProgressiveSyncReconciler) getOwnedAppsFromAppSet(ctx context.Context, ref corev1.TypedLocalObjectReference) ([]argov1alpha1.Application, error) {
    var appList argov1alpha1.ApplicationList
02|    if err := r.List(ctx, &appList, client.InNamespace(argoNamespace)); err != nil {
1|    if err := r.List(context.Background(), &appList, client.InNamespace(argoNamespace)); err != nil { //@TMO-02
        return nil, fmt.Errorf("listing applications: %w", err)
    }
    var owned []argov1alpha1.Application
    for _, app := range appList.Items {
        for _, owner := range app.GetOwnerReferences() {
            if owner.Kind == ref.Kind && owner.Name == ref.Name {
                owned = append(owned, app)
            }
        }
    }
    return owned, nil
}
''')
cases_of(case, GH + 'Skyscanner/applicationset-progressive-sync/issues/67', 'controllers/progressivesync_controller.go',
         GV('controllers', {v: ['context', 'fmt'] + (['sync'] if v != 2 else []) + [
             'time', '', 'argov1alpha1 github.com/argoproj/argo-cd/pkg/apis/application/v1alpha1', 'github.com/go-logr/logr',
             'corev1 k8s.io/api/core/v1', 'k8s.io/apimachinery/pkg/runtime', 'ctrl sigs.k8s.io/controller-runtime',
             'sigs.k8s.io/controller-runtime/pkg/client', '',
             'syncv1alpha1 github.com/Skyscanner/applicationset-progressive-sync/api/v1alpha1'] for v in (0, 1, 2)})(PROGSYNC), [
             (1, 'go-00-progressive-sync-apps-listed-without-reconcile-context',
              'an edit lists the ApplicationSet\'s applications with a background context instead of the reconcile\'s, so a '
              'cancelled reconcile keeps its API call running', 'edit'),
             (2, 'go-00-progressive-sync-last-synced-unlocked',
              'an edit drops the lock around the record of each stage\'s last sync, which concurrent reconciles read '
              'and write', 'edit'),
             (0, 'go-ok-00-progressive-sync-apps-listed-with-reconcile-context',
              'clean: the fix passes the reconcile\'s context to the application list', 'fix'),
         ])
