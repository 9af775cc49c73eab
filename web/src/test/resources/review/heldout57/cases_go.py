"""Round-57 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: instance scrape of a Mastodon exporter (prometheus-mastodon-exporter)
MASTODON = template('mastodon-exporter-instance', r'''
const namespace = "mastodon"

// instanceInfo is the part of /api/v1/instance the exporter reads.
type instanceInfo struct {
    URI   string `json:"uri"`
    Stats struct {
        UserCount   int64 `json:"user_count"`
        StatusCount int64 `json:"status_count"`
        DomainCount int64 `json:"domain_count"`
    } `json:"stats"`
}

// Collector scrapes one Mastodon instance's public API on every Prometheus scrape.
type Collector struct {
    baseURL  string
    client   *http.Client
    up       *prometheus.Desc
    users    *prometheus.Desc
    statuses *prometheus.Desc
    domains  *prometheus.Desc
}

// NewCollector returns a collector for the instance at baseURL.
func NewCollector(baseURL string) *Collector {
    labels := []string{"instance"}
    return &Collector{
        baseURL: strings.TrimRight(baseURL, "/"),
01|        client:  &http.Client{Timeout: 10 * time.Second},
2|        client:  &http.Client{}, //@TMO-01
        up:       prometheus.NewDesc(namespace+"_up", "Whether the last scrape of the instance API succeeded.", labels, nil),
        users:    prometheus.NewDesc(namespace+"_users", "Registered users of the instance.", labels, nil),
        statuses: prometheus.NewDesc(namespace+"_statuses", "Statuses posted on the instance.", labels, nil),
        domains:  prometheus.NewDesc(namespace+"_domains", "Domains the instance federates with.", labels, nil),
    }
}

// Describe sends the descriptors of every metric the collector exports.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
    ch <- c.up
    ch <- c.users
    ch <- c.statuses
    ch <- c.domains
}

// Collect queries the instance once and reports its counters.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
    info, err := c.fetchInstance(context.Background())
    if err != nil {
        log.Printf("mastodon exporter: scrape of %s failed: %v", c.baseURL, err)
        ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0, c.baseURL)
        return
    }
    ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1, info.URI)
    ch <- prometheus.MustNewConstMetric(c.users, prometheus.GaugeValue, float64(info.Stats.UserCount), info.URI)
    ch <- prometheus.MustNewConstMetric(c.statuses, prometheus.CounterValue, float64(info.Stats.StatusCount), info.URI)
    ch <- prometheus.MustNewConstMetric(c.domains, prometheus.GaugeValue, float64(info.Stats.DomainCount), info.URI)
}

func (c *Collector) fetchInstance(ctx context.Context) (*instanceInfo, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/api/v1/instance", nil)
    if err != nil {
        return nil, fmt.Errorf("build instance request: %w", err)
    }
    req.Header.Set("Accept", "application/json")
    resp, err := c.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("query instance: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("query instance: unexpected status %s", resp.Status)
    }
    var info instanceInfo
    if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
        return nil, fmt.Errorf("decode instance: %w", err)
    }
    return &info, nil
}
''')
cases_of(case, GH + 'systemli/prometheus-mastodon-exporter/pull/4', 'collector.go',
         G('main', ['context', 'encoding/json', 'fmt', 'log', 'net/http', 'strings', 'time', '',
                    'github.com/prometheus/client_golang/prometheus'])(MASTODON), [
             (1, 'go-00-mastodon-exporter-instance-answer-never-closed',
              'an edit drops the close of the instance API answer, so every scrape leaves a connection and its '
              'reader goroutines behind and the exporter grows until it is restarted', 'edit'),
             (2, 'go-00-mastodon-exporter-client-without-timeout',
              'an edit builds the exporter\'s HTTP client without a timeout, so a Mastodon instance that stops '
              'answering hangs every scrape that reaches it', 'edit'),
             (0, 'go-ok-00-mastodon-exporter-instance-answer-closed',
              'clean: the fix closes the answer of every instance query; the client keeps its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: index writers of an S3 backup proxy (pmoxs3backuproxy)
PMOXS3 = template('pmoxs3backuproxy-index-writers', r'''
// IndexWriter collects the chunk digests of one archive index until the client closes it.
type IndexWriter struct {
    Name    string
    Dynamic bool
    Digests [][32]byte
    Size    uint64
}

// Server proxies the Proxmox backup protocol onto an S3 bucket; net/http runs each request on its own goroutine.
type Server struct {
    mu         sync.Mutex
    Writers    map[int32]*IndexWriter
    nextWriter int32
    Bucket     string
    S3         *minio.Client
}

// ServeHTTP routes the backup protocol's calls.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
2|    log.Printf("[DEBUG] request %s %s from %s", r.Method, r.URL.RequestURI(), r.RemoteAddr) //@LOG-01
    switch {
    case r.Method == http.MethodPost && (r.URL.Path == "/dynamic_index" || r.URL.Path == "/fixed_index"):
        s.openIndex(w, r)
    case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "_index"):
        s.appendIndex(w, r)
    case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "_close"):
        s.closeIndex(w, r)
    default:
        http.Error(w, "unsupported call", http.StatusNotFound)
    }
}

// openIndex registers a writer for a new archive index; proxmox-backup-client opens several at the same moment.
func (s *Server) openIndex(w http.ResponseWriter, r *http.Request) {
    name := r.URL.Query().Get("archive-name")
    if name == "" {
        http.Error(w, "archive-name missing", http.StatusBadRequest)
        return
    }
    writer := &IndexWriter{Name: name, Dynamic: r.URL.Path == "/dynamic_index"}
02|    s.mu.Lock()
    s.nextWriter++
    wid := s.nextWriter
    s.Writers[wid] = writer //@{1}CONC-03
02|    s.mu.Unlock()
    w.Header().Set("Content-Type", "application/json")
    if err := json.NewEncoder(w).Encode(map[string]int32{"data": wid}); err != nil {
        log.Printf("[ERROR] answer open index %s: %v", name, err)
    }
}

// appendIndex adds the digests a client sends to the writer it names.
func (s *Server) appendIndex(w http.ResponseWriter, r *http.Request) {
    var req struct {
        Wid     int32      `json:"wid"`
        Digests [][32]byte `json:"digest-list"`
        Size    uint64     `json:"size"`
    }
    if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }
    s.mu.Lock()
    defer s.mu.Unlock()
    writer, ok := s.Writers[req.Wid]
    if !ok {
        http.Error(w, "unknown writer", http.StatusNotFound)
        return
    }
    writer.Digests = append(writer.Digests, req.Digests...)
    writer.Size += req.Size
}

// closeIndex forgets a writer once its index has been stored.
func (s *Server) closeIndex(w http.ResponseWriter, r *http.Request) {
    wid, err := strconv.ParseInt(r.URL.Query().Get("wid"), 10, 32)
    if err != nil {
        http.Error(w, "bad wid", http.StatusBadRequest)
        return
    }
    s.mu.Lock()
    delete(s.Writers, int32(wid))
    s.mu.Unlock()
    w.WriteHeader(http.StatusOK)
}
''')
cases_of(case, GH + 'tizbac/pmoxs3backuproxy/issues/36', 'cmd/pmoxs3backuproxy/server.go',
         G('main', ['encoding/json', 'log', 'net/http', 'strconv', 'strings', 'sync', '',
                    'github.com/minio/minio-go/v7'])(PMOXS3), [
             (1, 'go-00-pmoxs3backuproxy-index-writers-without-lock',
              'an edit registers a new index writer without the server\'s lock, so the two writers the backup '
              'client opens at once write the map together and the proxy dies with concurrent map writes', 'edit'),
             (2, 'go-00-pmoxs3backuproxy-every-request-logged',
              'an edit logs every request of the backup protocol, one line per uploaded chunk index call', 'edit'),
             (0, 'go-ok-00-pmoxs3backuproxy-index-writers-locked',
              'clean: the fix registers each writer under the server\'s lock; no line per request', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: device connections of a RouterOS exporter (mikrotik-exporter)
MIKROTIK = template('mikrotik-exporter-collect', r'''
// Collect scrapes every configured device at once, one goroutine per device.
func (c *collector) Collect(ch chan<- prometheus.Metric) {
    wg := sync.WaitGroup{}
    wg.Add(len(c.devices))
    for _, dev := range c.devices {
        go func(d config.Device) { //@{2}CONC-01
            defer wg.Done()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    log.WithField("device", d.Name).Errorf("collector panicked: %v\n%s", r, debug.Stack())
01|                }
01|            }()
            c.collectForDevice(d, ch)
        }(dev)
    }
    wg.Wait()
}

func (c *collector) collectForDevice(d config.Device, ch chan<- prometheus.Metric) {
    begin := time.Now()
    err := c.connectAndCollect(&d, ch)
    duration := time.Since(begin)
    success := 1.0
    if err != nil {
        log.WithField("device", d.Name).Errorf("collect failed after %fs: %v", duration.Seconds(), err)
        success = 0
    }
    ch <- prometheus.MustNewConstMetric(scrapeDurationDesc, prometheus.GaugeValue, duration.Seconds(), d.Name)
    ch <- prometheus.MustNewConstMetric(scrapeSuccessDesc, prometheus.GaugeValue, success, d.Name)
}

func (c *collector) connectAndCollect(d *config.Device, ch chan<- prometheus.Metric) error {
    cl, err := c.connect(d)
    if err != nil {
        return fmt.Errorf("connect to %s: %w", d.Address, err)
    }
    defer cl.Close()
    for _, co := range c.collectors {
        ctx := &collectorContext{ch: ch, device: d, client: cl}
        if err := co.collect(ctx); err != nil {
            return err
        }
    }
    return nil
}

func (c *collector) connect(d *config.Device) (*routeros.Client, error) {
    address := net.JoinHostPort(d.Address, c.portFor(d))
    log.WithField("device", d.Name).Debug("trying to connect")
    var con net.Conn
    var err error
    if c.enableTLS {
        tlsCfg := &tls.Config{InsecureSkipVerify: c.insecureTLS}
        con, err = tls.DialWithDialer(&net.Dialer{Timeout: c.timeout}, "tcp", address, tlsCfg)
    } else {
02|        con, err = net.DialTimeout("tcp", address, c.timeout)
1|        con, err = net.Dial("tcp", address) //@TMO-01
    }
    if err != nil {
        return nil, err
    }
    client, err := routeros.NewClient(con)
    if err != nil {
        con.Close()
        return nil, err
    }
    if err := client.Login(d.User, d.Password); err != nil {
        client.Close()
        return nil, err
    }
    return client, nil
}
''')
MIKROTIK_TAIL = ['', 'github.com/nshttpd/mikrotik-exporter/config', 'github.com/prometheus/client_golang/prometheus',
                 'log github.com/sirupsen/logrus', 'gopkg.in/routeros.v2']
MIKROTIK_IMPORTS = {0: ['crypto/tls', 'fmt', 'net', 'runtime/debug', 'sync', 'time'] + MIKROTIK_TAIL,
                    1: ['crypto/tls', 'fmt', 'net', 'runtime/debug', 'sync', 'time'] + MIKROTIK_TAIL,
                    2: ['crypto/tls', 'fmt', 'net', 'sync', 'time'] + MIKROTIK_TAIL}
cases_of(case, GH + 'nshttpd/mikrotik-exporter/pull/57', 'collector/collector.go',
         GV('collector', MIKROTIK_IMPORTS)(MIKROTIK), [
             (1, 'go-00-mikrotik-exporter-plain-dial-without-timeout',
              'an edit connects to devices without TLS by a plain dial without a timeout, so one dead router '
              'holds its scrape goroutine, and the whole scrape, for as long as the kernel retries', 'edit'),
             (2, 'go-00-mikrotik-exporter-device-goroutine-without-recover',
              'an edit drops the recover of the per-device scrape goroutine, so a panic while parsing one '
              'router\'s answer ends the exporter', 'edit'),
             (0, 'go-ok-00-mikrotik-exporter-plain-dial-with-timeout',
              'clean: the fix dials plain connections with the configured timeout; every device goroutine recovers',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: item sync of a secrets operator (onepassword-operator)
ONEPASSWORD = template('onepassword-operator-sync-item', r'''
// itemFetchTimeout bounds one read of an item from Connect or the SDK.
const itemFetchTimeout = 30 * time.Second

// syncItem reads the item a OnePasswordItem points at and writes it into the resource's Kubernetes secret.
func (r *OnePasswordItemReconciler) syncItem(ctx context.Context, resource *onepasswordv1.OnePasswordItem) error {
    secretName := resource.GetName()
    labels := resource.Labels
    secretType := resource.Type
    autoRestart := resource.Annotations[op.RestartDeploymentsAnnotation]
    annotations := map[string]string{}
    if autoRestart != "" {
        annotations[op.RestartDeploymentsAnnotation] = autoRestart
    }
0|    itemCtx, cancel := context.WithTimeout(ctx, itemFetchTimeout)
0|    defer cancel()
2|    itemCtx, _ := context.WithTimeout(ctx, itemFetchTimeout) //@TMO-03
02|    item, err := op.GetOnePasswordItemByPath(itemCtx, r.OpClient, resource.Spec.ItemPath)
1|    item, err := op.GetOnePasswordItemByPath(context.Background(), r.OpClient, resource.Spec.ItemPath) //@TMO-02
    if err != nil {
        return fmt.Errorf("failed to retrieve item %q: %w", resource.Spec.ItemPath, err)
    }
    ownerRef := &metav1.OwnerReference{
        APIVersion: resource.GetObjectKind().GroupVersionKind().GroupVersion().String(),
        Kind:       resource.GetObjectKind().GroupVersionKind().Kind,
        Name:       resource.GetName(),
        UID:        resource.GetUID(),
    }
    if err := kubeSecrets.CreateKubernetesSecretFromItem(ctx, r.Client, secretName, resource.Namespace, item, autoRestart, labels, secretType, ownerRef); err != nil {
        return fmt.Errorf("failed to write secret %s/%s: %w", resource.Namespace, secretName, err)
    }
    logger.V(1).Info("synced item into secret", "item", resource.Spec.ItemPath, "secret", secretName)
    return nil
}
''')
cases_of(case, GH + '1Password/onepassword-operator/issues/199', 'internal/controller/onepassworditem_controller_sync.go',
         G('controller', ['context', 'fmt', 'time', '', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1', '',
                          'onepasswordv1 github.com/1Password/onepassword-operator/api/v1',
                          'kubeSecrets github.com/1Password/onepassword-operator/pkg/kubernetessecrets',
                          'op github.com/1Password/onepassword-operator/pkg/onepassword'])(ONEPASSWORD), [
             (1, 'go-00-onepassword-operator-item-read-on-background-context',
              'an edit reads the item from 1Password on a fresh background context instead of the reconcile\'s, '
              'so a shutting-down controller keeps waiting on Connect with no deadline', 'edit'),
             (2, 'go-00-onepassword-operator-item-timeout-never-cancelled',
              'an edit bounds the item read with a timeout context and throws its cancel away, so each reconcile '
              'leaves a timer and a context behind until the timeout passes', 'edit'),
             (0, 'go-ok-00-onepassword-operator-item-read-bounded',
              'clean: the fix reads the item under a timeout derived from the reconcile\'s context and cancels it',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: pod metrics getter of a metrics adapter (kube-metrics-adapter)
KUBEMETRICS = template('kube-metrics-adapter-json-path', r'''
// maxBodyBytes caps what is read of a pod's metrics answer.
const maxBodyBytes = 1 << 20

// JSONPathMetricsGetter reads one value out of the JSON a pod serves on its metrics endpoint.
type JSONPathMetricsGetter struct {
    jsonPath       *jsonpath.Compiled
    scheme         string
    path           string
    port           int
    rawQuery       string
    requestTimeout time.Duration
    client         *http.Client
}

// NewJSONPathMetricsGetter compiles the path once and builds the HTTP client every pod of the HPA shares.
func NewJSONPathMetricsGetter(config map[string]string) (*JSONPathMetricsGetter, error) {
    getter := &JSONPathMetricsGetter{scheme: "http", requestTimeout: 15 * time.Second}
    if v, ok := config["json-key"]; ok {
        compiled, err := jsonpath.Compile(v)
        if err != nil {
            return nil, fmt.Errorf("failed to parse json path definition: %w", err)
        }
        getter.jsonPath = compiled
    }
    if v, ok := config["path"]; ok {
        getter.path = v
    }
    if v, ok := config["port"]; ok {
        n, err := strconv.Atoi(v)
        if err != nil {
            return nil, err
        }
        getter.port = n
    }
    getter.client = &http.Client{
        Timeout:   getter.requestTimeout,
        Transport: &http.Transport{IdleConnTimeout: 30 * time.Second, MaxIdleConnsPerHost: 2},
    }
    return getter, nil
}

// GetMetric fetches the metrics answer of one pod and extracts the configured value.
func (g *JSONPathMetricsGetter) GetMetric(ctx context.Context, pod *corev1.Pod) (float64, error) {
    if pod.Status.PodIP == "" {
        return 0, fmt.Errorf("pod %s/%s has no IP yet", pod.Namespace, pod.Name)
    }
    metricsURL := url.URL{
        Scheme:   g.scheme,
        Host:     net.JoinHostPort(pod.Status.PodIP, strconv.Itoa(g.port)),
        Path:     g.path,
        RawQuery: g.rawQuery,
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, metricsURL.String(), nil)
    if err != nil {
        return 0, err
    }
1|    client := &http.Client{Timeout: g.requestTimeout, Transport: &http.Transport{IdleConnTimeout: 30 * time.Second}} //@RES-04
1|    resp, err := client.Do(req)
02|    resp, err := g.client.Do(req)
    if err != nil { //@{2}RES-02
        return 0, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return 0, fmt.Errorf("unsuccessful response from %s: %s", metricsURL.String(), resp.Status)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
    if err != nil {
        return 0, err
    }
    var data interface{}
    if err := json.Unmarshal(body, &data); err != nil {
        return 0, fmt.Errorf("decode metrics of pod %s: %w", pod.Name, err)
    }
    return g.extract(data)
}
''')
cases_of(case, GH + 'zalando-incubator/kube-metrics-adapter/pull/102', 'pkg/collector/httpmetrics/json_path.go',
         G('httpmetrics', ['context', 'encoding/json', 'fmt', 'io', 'net', 'net/http', 'net/url', 'strconv', 'time',
                           '', 'github.com/spyzhov/ajson/jsonpath', 'corev1 k8s.io/api/core/v1'])(KUBEMETRICS), [
             (1, 'go-00-kube-metrics-adapter-client-per-pod-scrape',
              'an edit builds a new HTTP client and transport for every pod it scrapes, so each collection loop '
              'leaves idle connections behind and the adapter\'s memory grows', 'edit'),
             (2, 'go-00-kube-metrics-adapter-pod-answer-never-closed',
              'an edit drops the close of each pod\'s metrics answer, so every scrape keeps a connection open '
              'through the shared transport', 'edit'),
             (0, 'go-ok-00-kube-metrics-adapter-shared-client',
              'clean: the fix scrapes every pod through the client built once with the getter', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: actor group of an osquery launcher (launcher)
LAUNCHER = template('launcher-rungroup', r'''
// interruptTimeout is how long Run waits for the other actors after the first one returned.
const interruptTimeout = 5 * time.Second

type rungroupActor struct {
    name      string
    execute   func() error
    interrupt func(error) error
}

type actorError struct {
    name string
    err  error
}

// Group runs actors together; when the first returns, every other is interrupted.
type Group struct {
    slogger *slog.Logger
    actors  []rungroupActor
}

// Add registers an actor with the group.
func (g *Group) Add(name string, execute func() error, interrupt func(error) error) {
    g.actors = append(g.actors, rungroupActor{name: name, execute: execute, interrupt: interrupt})
}

// Run starts every actor on its own goroutine and returns the first actor's error.
func (g *Group) Run() error {
    if len(g.actors) == 0 {
        return nil
    }
    ctx := context.TODO()
    errc := make(chan actorError, len(g.actors))
    for _, a := range g.actors {
02|        gowrapper.Go(ctx, g.slogger, func() {
02|            errc <- actorError{name: a.name, err: a.execute()}
02|        }, func(r any) {
02|            errc <- actorError{name: a.name, err: fmt.Errorf("panic in actor %s: %v", a.name, r)}
02|        })
1|        go func(a rungroupActor) { //@CONC-01
1|            errc <- actorError{name: a.name, err: a.execute()}
1|        }(a)
    }
    initialActorErr := <-errc
    g.slogger.Log(ctx, slog.LevelInfo, "received interrupt error from first actor -- shutting down other actors",
        "err", initialActorErr.err, "actor", initialActorErr.name)
    for _, a := range g.actors {
01|        if err := a.interrupt(initialActorErr.err); err != nil {
01|            g.slogger.Log(ctx, slog.LevelWarn, "could not interrupt actor", "actor", a.name, "err", err)
01|        }
2|        a.interrupt(initialActorErr.err) //@ERR-01
    }
    timeout := time.NewTimer(interruptTimeout)
    defer timeout.Stop()
    for i := 1; i < cap(errc); i++ {
        select {
        case <-timeout.C:
            g.slogger.Log(ctx, slog.LevelDebug, "rungroup shutdown deadline exceeded, not waiting for remaining actors")
            return initialActorErr.err
        case e := <-errc:
            g.slogger.Log(ctx, slog.LevelDebug, "received error from actor", "actor", e.name, "err", e.err)
        }
    }
    return initialActorErr.err
}
''')
LAUNCHER_IMPORTS = {0: ['context', 'fmt', 'log/slog', 'time', '', 'github.com/kolide/launcher/ee/gowrapper'],
                    1: ['context', 'fmt', 'log/slog', 'time'],
                    2: ['context', 'fmt', 'log/slog', 'time', '', 'github.com/kolide/launcher/ee/gowrapper']}
cases_of(case, GH + 'kolide/launcher/pull/1692', 'pkg/rungroup/rungroup.go',
         GV('rungroup', LAUNCHER_IMPORTS)(LAUNCHER), [
             (1, 'go-00-launcher-actor-goroutine-without-recover',
              'an edit starts each actor of the run group on a bare goroutine, so a panic in any actor ends the '
              'launcher without a log line', 'edit'),
             (2, 'go-00-launcher-interrupt-error-dropped',
              'an edit interrupts the remaining actors and drops the error each interrupt returns, so an actor '
              'that fails to stop is never reported', 'edit'),
             (0, 'go-ok-00-launcher-actor-goroutine-recovered',
              'clean: the fix starts every actor through the recovering wrapper; interrupt errors are logged', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: requeue of a SQLite-backed queue (sqliteq)
SQLITEQ = template('sqliteq-queue', r'''
// Queue is a persistent FIFO kept in one SQLite table; a consumer acks each item it took.
type Queue struct {
    client     *sql.DB
    tableName  string
    ackTimeout time.Duration
    notify     chan struct{}
}

// newQueue prepares the queue's table and gives back items a crashed consumer took but never acked.
func newQueue(client *sql.DB, tableName string, ackTimeout time.Duration) (*Queue, error) {
    q := &Queue{client: client, tableName: tableName, ackTimeout: ackTimeout, notify: make(chan struct{}, 1)}
    create := fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        data BLOB NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
    )`, tableName)
    if _, err := client.Exec(create); err != nil {
        return nil, fmt.Errorf("create queue table %s: %w", tableName, err)
    }
    if err := q.RequeueNoAckRows(); err != nil {
        return nil, err
    }
    return q, nil
}

// RequeueNoAckRows puts every item still marked processing past the ack timeout back to pending.
func (q *Queue) RequeueNoAckRows() error {
    now := time.Now().UTC()
    cutoff := now.Add(-q.ackTimeout)
02|    tx, err := q.client.Begin() //@{2}TX-01
02|    if err != nil {
02|        return fmt.Errorf("requeue: begin: %w", err)
02|    }
1|    tx, _ := q.client.Begin() //@TX-02
01|    defer tx.Rollback()
    res, err := tx.Exec(fmt.Sprintf(`UPDATE %s SET status = 'pending', updated_at = ? WHERE status = 'processing' AND updated_at < ?`, q.tableName), now, cutoff)
    if err != nil {
        return fmt.Errorf("requeue: update: %w", err)
    }
    n, err := res.RowsAffected()
    if err != nil {
        return fmt.Errorf("requeue: rows affected: %w", err)
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("requeue: commit: %w", err)
    }
    if n > 0 {
        select {
        case q.notify <- struct{}{}:
        default:
        }
    }
    return nil
}
''')
cases_of(case, GH + 'goptics/sqliteq/issues/9', 'queue.go',
         G('sqliteq', ['database/sql', 'fmt', 'time'])(SQLITEQ), [
             (1, 'go-00-sqliteq-new-queue-begin-error-ignored',
              'a new SQLite queue starts its requeue transaction without checking the error of Begin, so a '
              'locked or read-only database panics on the nil transaction instead of failing the constructor',
              'new'),
             (2, 'go-00-sqliteq-new-queue-requeue-not-rolled-back',
              'a new SQLite queue returns from a failed requeue update without rolling its transaction back, so '
              'the connection stays inside an open write transaction and the database stays locked', 'new'),
             (0, 'go-ok-00-sqliteq-new-queue',
              'clean: a new SQLite queue checking Begin and rolling back every requeue that does not commit', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / TIME-01: volume stats parsing of a storage exporter (maya)
MAYA = template('maya-cstor-stats', r'''
// statsTimeLayout is the layout of the sample time the cStor target writes into its stats answer (always UTC).
const statsTimeLayout = "2006-01-02T15:04:05"

var errEmptyResponse = errors.New("empty response from cstor target")

// VolumeStats is one sample of a cStor volume's I/O counters.
type VolumeStats struct {
    Name            string `json:"Name"`
    Time            string `json:"Time"`
    ReadIOPS        string `json:"ReadIOPS"`
    WriteIOPS       string `json:"WriteIOPS"`
    TotalReadBytes  string `json:"TotalReadBytes"`
    TotalWriteBytes string `json:"TotalWriteBytes"`
    SampledAt       time.Time
}

// statsParser turns the raw answer of the cStor target into samples and remembers the last one.
type statsParser struct {
    volume     string
    lastSample time.Time
}

// splitter strips the target's framing ("OK IOSTATS ... \r\n") around the JSON document.
func splitter(resp string) string {
    start := strings.Index(resp, "{")
    end := strings.LastIndex(resp, "}")
    if start < 0 || end < start {
        return ""
    }
    return resp[start : end+1]
}

// parse decodes one stats answer of the target.
func (p *statsParser) parse(result string) (VolumeStats, error) {
    var stats VolumeStats
    raw := splitter(result)
    if raw == "" {
        return stats, errEmptyResponse
    }
02|    if err := json.Unmarshal([]byte(raw), &stats); err != nil {
02|        return stats, fmt.Errorf("unmarshal stats of volume %s: %w", p.volume, err)
02|    }
1|    json.Unmarshal([]byte(raw), &stats) //@ERR-01
01|    sampled, err := time.ParseInLocation(statsTimeLayout, stats.Time, time.UTC)
2|    sampled, err := time.ParseInLocation(statsTimeLayout, stats.Time, time.Local) //@TIME-01
    if err != nil {
        return stats, fmt.Errorf("parse sample time %q of volume %s: %w", stats.Time, p.volume, err)
    }
    if !sampled.After(p.lastSample) {
        return stats, fmt.Errorf("stale sample of volume %s at %s", p.volume, sampled)
    }
    stats.SampledAt = sampled
    p.lastSample = sampled
    return stats, nil
}
''')
cases_of(case, GH + 'openebs-archive/maya/pull/866', 'cmd/maya-exporter/app/collector/cstor_stats.go',
         G('collector', ['encoding/json', 'errors', 'fmt', 'strings', 'time'])(MAYA), [
             (1, 'go-00-maya-new-stats-parser-unmarshal-error-ignored',
              'a new stats parser ignores the error of decoding the cStor target\'s answer, so a malformed answer '
              'becomes an empty sample and the exporter reports zero I/O for a busy volume', 'new'),
             (2, 'go-00-maya-new-stats-parser-sample-time-in-local-zone',
              'a new stats parser reads the target\'s UTC sample time in the exporter\'s local zone, so on a '
              'non-UTC node every sample is shifted by the zone offset and fresh samples look stale', 'new'),
             (0, 'go-ok-00-maya-new-stats-parser',
              'clean: a new stats parser returning decode errors and reading sample times in UTC', 'new'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: recent logs of a Loggregator consumer (noaa)
NOAA = template('noaa-recent-logs', r'''
// RecentLogs fetches the recent log envelopes of an application from the traffic controller.
func (c *Consumer) RecentLogs(appGuid string, authToken string) ([]*events.LogMessage, error) {
    envelopes, err := c.readTC(appGuid, authToken, "recentlogs")
    if err != nil {
        return nil, err
    }
    messages := make([]*events.LogMessage, 0, len(envelopes))
    for _, env := range envelopes {
        if msg := env.GetLogMessage(); msg != nil {
            messages = append(messages, msg)
        }
    }
    return messages, nil
}

func (c *Consumer) readTC(appGuid string, authToken string, endpoint string) ([]*events.Envelope, error) {
    trafficControllerUrl, err := url.ParseRequestURI(c.trafficControllerUrl)
    if err != nil {
        return nil, err
    }
    scheme := "https"
    if trafficControllerUrl.Scheme == "ws" {
        scheme = "http"
    }
    recentPath := fmt.Sprintf("%s://%s/apps/%s/%s", scheme, trafficControllerUrl.Host, appGuid, endpoint)
    req, err := http.NewRequest(http.MethodGet, recentPath, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", authToken)
    resp, err := c.client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("error dialing traffic controller server: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode == http.StatusUnauthorized {
        return nil, ErrNotAuthorized
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("traffic controller answered %s", resp.Status)
    }
    _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
    if err != nil {
        return nil, ErrBadResponse
    }
    return readEnvelopes(resp.Body, params["boundary"])
}

// readEnvelopes decodes every part of the multipart answer into an envelope.
func readEnvelopes(body io.Reader, boundary string) ([]*events.Envelope, error) {
    reader := multipart.NewReader(body, boundary)
    var envelopes []*events.Envelope
    for {
        part, err := reader.NextPart()
        if err == io.EOF {
            break
        }
        if err != nil {
            return nil, err
        }
2|        defer part.Close() //@RES-03
        data, err := io.ReadAll(part)
01|        part.Close()
        if err != nil {
            return nil, err
        }
        envelope := new(events.Envelope)
02|        if err := proto.Unmarshal(data, envelope); err != nil {
02|            return nil, fmt.Errorf("decode envelope: %w", err)
02|        }
1|        proto.Unmarshal(data, envelope) //@ERR-01
        envelopes = append(envelopes, envelope)
    }
    return envelopes, nil
}
''')
cases_of(case, GH + 'cloudfoundry/noaa/issues/36', 'consumer/sync.go',
         G('consumer', ['fmt', 'io', 'mime', 'mime/multipart', 'net/http', 'net/url', '',
                        'github.com/cloudfoundry/sonde-go/events', 'github.com/gogo/protobuf/proto'])(NOAA), [
             (1, 'go-00-noaa-envelope-decode-error-ignored',
              'an edit ignores the error of decoding each part of the recent-logs answer, so a corrupt part is '
              'returned as an empty envelope and its log lines silently vanish', 'edit'),
             (2, 'go-00-noaa-part-closed-by-defer-in-loop',
              'an edit moves the close of each multipart part into a defer inside the read loop, so every part of '
              'a long answer stays open until all of them are read', 'edit'),
             (0, 'go-ok-00-noaa-envelope-decode-checked',
              'clean: the fix returns the decode error of a bad part; each part is closed as soon as it is read',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-01: compute collector of an OpenStack exporter, moved (openstack-exporter)
OPENSTACK = template('openstack-exporter-compute', r'''
// ComputeExporter reports the servers of the cloud on every scrape.
type ComputeExporter struct {
    logger          *slog.Logger
    endpoint        string
    token           func() string
    client          *http.Client
    tlsConfig       *tls.Config
    requestTimeout  time.Duration
    up              *prometheus.Desc
    serverStatus    *prometheus.Desc
    serversByStatus *prometheus.Desc
}

// NewComputeExporter builds the exporter and the HTTP client its scrapes share.
func NewComputeExporter(endpoint string, token func() string, tlsConfig *tls.Config, timeout time.Duration, logger *slog.Logger) *ComputeExporter {
    return &ComputeExporter{
        logger:         logger,
        endpoint:       endpoint,
        token:          token,
        tlsConfig:      tlsConfig,
        requestTimeout: timeout,
        client:         &http.Client{Timeout: timeout, Transport: &http.Transport{TLSClientConfig: tlsConfig}},
        up:             prometheus.NewDesc("openstack_nova_up", "Whether the compute API answered.", nil, nil),
        serverStatus: prometheus.NewDesc("openstack_nova_server_status", "Status of each server.",
            []string{"id", "name", "tenant_id"}, nil),
        serversByStatus: prometheus.NewDesc("openstack_nova_servers", "Servers by status.", []string{"status"}, nil),
    }
}

// Describe sends the descriptors of the compute metrics.
func (e *ComputeExporter) Describe(ch chan<- *prometheus.Desc) {
    ch <- e.up
    ch <- e.serverStatus
    ch <- e.serversByStatus
}

// Collect lists the servers once per scrape and reports each one.
func (e *ComputeExporter) Collect(ch chan<- prometheus.Metric) {
    start := time.Now()
1|    client := &http.Client{Timeout: e.requestTimeout, Transport: &http.Transport{TLSClientConfig: e.tlsConfig}} //@RES-04
1|    servers, err := listServers(client, e.endpoint, e.token())
02|    servers, err := listServers(e.client, e.endpoint, e.token())
    if err != nil {
        e.logger.Error("failed to list servers", "err", err)
        ch <- prometheus.MustNewConstMetric(e.up, prometheus.GaugeValue, 0)
        return
    }
    byStatus := make(map[string]float64)
    for _, s := range servers {
        byStatus[s.Status]++
2|        e.logger.Info("collected server", "id", s.ID, "name", s.Name, "status", s.Status) //@LOG-01
        ch <- prometheus.MustNewConstMetric(e.serverStatus, prometheus.GaugeValue, statusValue(s.Status), s.ID, s.Name, s.TenantID)
    }
    for status, n := range byStatus {
        ch <- prometheus.MustNewConstMetric(e.serversByStatus, prometheus.GaugeValue, n, status)
    }
    ch <- prometheus.MustNewConstMetric(e.up, prometheus.GaugeValue, 1)
    e.logger.Debug("compute collected", "servers", len(servers), "took", time.Since(start))
}
''')
cases_of(case, GH + 'openstack-exporter/openstack-exporter/issues/631', 'exporters/compute.go',
         G('exporters', ['crypto/tls', 'log/slog', 'net/http', 'time', '',
                         'github.com/prometheus/client_golang/prometheus'])(OPENSTACK), [
             (1, 'go-00-openstack-exporter-moved-client-per-scrape',
              'a PR moves the compute collector into its own file and builds a new HTTP client and transport on '
              'every scrape, so each scrape leaves its idle connections behind and the exporter stops answering '
              'after some hours', 'rename'),
             (2, 'go-00-openstack-exporter-moved-line-per-server',
              'a PR moves the compute collector into its own file and logs one info line per server on every '
              'scrape, so a large cloud writes thousands of lines a minute', 'rename'),
             (0, 'go-ok-00-openstack-exporter-moved-compute',
              'clean: the move alone; every scrape uses the shared client, one debug line per scrape', 'rename'),
         ], rename_from='exporters/nova.go',
         rename_old=lambda t: t.replace('ComputeExporter', 'NovaExporter'))
