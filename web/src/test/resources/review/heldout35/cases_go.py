"""Round-35 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = []


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of, header=''):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v), header))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- TMO-01 / TMO-02: mesh management CLI (nebula-mesh)
NEBULA = template('nebula-mesh', r'''
// Client talks to the management server on behalf of one CLI command.
type Client struct {
    baseURL string
    token   string
    http    *http.Client
}

// NewClient returns a client for the management server at baseURL.
func NewClient(baseURL, token string) *Client {
    return &Client{
        baseURL: strings.TrimRight(baseURL, "/"),
        token:   token,
01|        http:    &http.Client{Timeout: defaultCLIHTTPTimeout},
2|        http:    &http.Client{}, //@TMO-01
    }
}

// ListNodes returns the nodes of a network, newest first.
func (c *Client) ListNodes(ctx context.Context, network string) ([]Node, error) {
    var nodes []Node
    if err := c.get(ctx, "/api/v1/networks/"+url.PathEscape(network)+"/nodes", &nodes); err != nil {
        return nil, fmt.Errorf("list nodes of %s: %w", network, err)
    }
    sort.Slice(nodes, func(i, j int) bool { return nodes[i].CreatedAt.After(nodes[j].CreatedAt) })
    return nodes, nil
}

// Revoke revokes the certificate of a node.
func (c *Client) Revoke(ctx context.Context, network, node string) error {
    path := "/api/v1/networks/" + url.PathEscape(network) + "/nodes/" + url.PathEscape(node) + "/revoke"
    return c.send(ctx, http.MethodPost, path, nil)
}

func (c *Client) get(ctx context.Context, path string, out interface{}) error {
02|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
1|    req, err := http.NewRequest(http.MethodGet, c.baseURL+path, nil) //@TMO-02
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+c.token)
    resp, err := c.http.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        return fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(msg)))
    }
    return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) send(ctx context.Context, method, path string, body io.Reader) error {
    req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+c.token)
    resp, err := c.http.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("%s %s: %s", method, path, resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'forgekeep/nebula-mesh/pull/220', 'internal/cli/client.go',
         G('cli', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'sort', 'strings'])(NEBULA), [
             (1, 'go-00-nebula-mesh-cli-get-request-drops-command-context',
              'an edit builds the GET requests of the CLI without the command\'s context, so Ctrl-C and deadlines '
              'no longer stop a hung listing', 'edit'),
             (2, 'go-00-nebula-mesh-cli-client-without-timeout',
              'an edit builds the CLI\'s HTTP client without its request timeout, so an unresponsive server hangs '
              'every command', 'edit'),
             (0, 'go-ok-00-nebula-mesh-cli-bounded-client-context-requests',
              'clean: the client built with the CLI timeout, every request built with the command\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: blob cache on disk (gitpod blobserve)
BLOBSPACE = template('gitpod-blobserve', r'''
// AddFromTar extracts a tar stream into the blob space under name and records its size and last use.
func (b *diskBlobspace) AddFromTar(ctx context.Context, name string, in io.Reader, modifiers map[string]FileModifier) error {
    fn := filepath.Join(b.Location, name)
    if _, err := os.Stat(fn); err == nil {
        return errdefs.ErrAlreadyExists
    }
    if err := os.MkdirAll(fn, 0755); err != nil {
        return err
    }
    cw := &countingWriter{}
    if err := extractTarbal(ctx, io.TeeReader(in, cw), fn, modifiers); err != nil {
        _ = os.RemoveAll(fn)
        return err
    }
01|    if err := os.WriteFile(fn+".size", []byte(strconv.FormatInt(cw.C, 10)), 0644); err != nil {
01|        return fmt.Errorf("cannot record size of %s: %w", name, err)
01|    }
2|    os.WriteFile(fn+".size", []byte(strconv.FormatInt(cw.C, 10)), 0644) //@ERR-01
    return b.touch(fn)
}

// Get opens a file of a blob that is already in the blob space.
func (b *diskBlobspace) Get(name, path string) (io.ReadSeeker, func() error, error) {
    fn := filepath.Join(b.Location, name)
    if err := b.touch(fn); err != nil {
        return nil, nil, err
    }
    file, err := os.Open(filepath.Join(fn, filepath.Clean("/"+path)))
    if err != nil {
        return nil, nil, err
    }
    return file, file.Close, nil
}

// readSize returns the recorded size of a blob, or -1 when none is recorded.
func (b *diskBlobspace) readSize(fn string) int64 {
02|    f, err := os.Open(fn + ".size")
1|    f, err := os.OpenFile(fn+".size", os.O_RDONLY, 0) //@RES-01
    if err != nil {
        return -1
    }
02|    defer f.Close()
    raw, err := io.ReadAll(io.LimitReader(f, 32))
    if err != nil {
        return -1
    }
    size, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
    if err != nil {
        return -1
    }
1|    f.Close()
    return size
}

func (b *diskBlobspace) touch(fn string) error {
    now := time.Now()
    return os.Chtimes(fn, now, now)
}
''')
cases_of(case, GH + 'gitpod-io/gitpod/pull/11896', 'components/blobserve/pkg/blobserve/blobspace.go',
         G('blobserve', ['context', 'fmt', 'io', 'os', 'path/filepath', 'strconv', 'strings', 'time', '',
                         'github.com/containerd/containerd/errdefs'])(BLOBSPACE), [
             (1, 'go-00-gitpod-blobspace-size-file-closed-only-on-success',
              'an edit closes the size file of a blob only when it parses, so every unreadable size leaks a descriptor',
              'edit'),
             (2, 'go-00-gitpod-blobspace-size-write-error-ignored',
              'an edit ignores the error of writing the size file of a new blob, so a full disk leaves blobs of '
              'unknown size', 'edit'),
             (0, 'go-ok-00-gitpod-blobspace-size-write-checked-file-deferred',
              'clean: the size write returned on error, the size file closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-03: quota exporter (aws-service-quotas-exporter)
QUOTAS = template('aws-quotas-exporter', r'''
// ServiceQuotasExporter exports the usage and limit of every AWS service quota the account is close to.
type ServiceQuotasExporter struct {
    quotasClient   servicequotas.QuotasInterface
    refreshPeriod  time.Duration
    refreshTimeout time.Duration
    metricsRegion  string
    includedAWSTags []string
01|    mu      sync.RWMutex
    metrics map[string]Metric
}

// Metric is one exported pair of usage and limit gauges.
type Metric struct {
    usageDesc *prometheus.Desc
    limitDesc *prometheus.Desc
    usage     float64
    limit     float64
    labels    []string
}

// NewServiceQuotasExporter returns an exporter for region and starts its refresh loop.
func NewServiceQuotasExporter(ctx context.Context, region string, client servicequotas.QuotasInterface, refreshPeriod time.Duration) *ServiceQuotasExporter {
    e := &ServiceQuotasExporter{
        quotasClient:   client,
        refreshPeriod:  refreshPeriod,
        refreshTimeout: refreshPeriod / 2,
        metricsRegion:  region,
        metrics:        map[string]Metric{},
    }
    go e.refreshLoop(ctx)
    return e
}

func (e *ServiceQuotasExporter) refreshLoop(ctx context.Context) {
    defer func() {
        if r := recover(); r != nil {
            log.Errorf("Quota refresh loop stopped: %v", r)
        }
    }()
    ticker := time.NewTicker(e.refreshPeriod)
    defer ticker.Stop()
    for {
        e.refresh(ctx)
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
    }
}

func (e *ServiceQuotasExporter) refresh(ctx context.Context) {
02|    refreshCtx, cancel := context.WithTimeout(ctx, e.refreshTimeout)
02|    defer cancel()
1|    refreshCtx, _ := context.WithTimeout(ctx, e.refreshTimeout) //@TMO-03
    quotas, err := e.quotasClient.QuotasAndUsage(refreshCtx)
    if err != nil {
        log.Errorf("Could not retrieve quotas and limits: %s", err)
        return
    }
01|    e.mu.Lock()
01|    defer e.mu.Unlock()
    for _, quota := range quotas {
        key := quota.Identifier()
        metric, ok := e.metrics[key]
        if !ok {
            metric = newMetric(quota, e.metricsRegion)
        }
        metric.usage = quota.Usage
        metric.limit = quota.Quota
01|        e.metrics[key] = metric
2|        e.metrics[key] = metric //@CONC-03
    }
}

// Describe sends the descriptors of every known metric.
func (e *ServiceQuotasExporter) Describe(ch chan<- *prometheus.Desc) {
01|    e.mu.RLock()
01|    defer e.mu.RUnlock()
    for _, metric := range e.metrics {
        ch <- metric.usageDesc
        ch <- metric.limitDesc
    }
}

// Collect sends the last refreshed usage and limit of every quota.
func (e *ServiceQuotasExporter) Collect(ch chan<- prometheus.Metric) {
01|    e.mu.RLock()
01|    defer e.mu.RUnlock()
    for _, metric := range e.metrics {
        ch <- prometheus.MustNewConstMetric(metric.usageDesc, prometheus.GaugeValue, metric.usage, metric.labels...)
        ch <- prometheus.MustNewConstMetric(metric.limitDesc, prometheus.GaugeValue, metric.limit, metric.labels...)
    }
}

func newMetric(quota servicequotas.QuotaUsage, region string) Metric {
    labels := []string{quota.ResourceName, region}
    name := metricName(quota.Name)
    return Metric{
        usageDesc: prometheus.NewDesc(name+"_used_total", quota.Description+" (used)", []string{"resource", "region"}, nil),
        limitDesc: prometheus.NewDesc(name+"_limit_total", quota.Description+" (limit)", []string{"resource", "region"}, nil),
        labels:    labels,
    }
}

func metricName(quotaName string) string {
    return "aws_" + strings.ToLower(strings.NewReplacer(" ", "_", "-", "_", "/", "_").Replace(quotaName))
}
''')
cases_of(case, GH + 'thought-machine/aws-service-quotas-exporter/pull/28', 'pkg/service_exporter/service_exporter.go',
         GV('serviceexporter', {
             0: ['context', 'strings', 'sync', 'time', '', 'github.com/prometheus/client_golang/prometheus',
                 'log "github.com/sirupsen/logrus"', '',
                 'servicequotas github.com/thought-machine/aws-service-quotas-exporter/pkg/service_quotas'],
             1: ['context', 'strings', 'sync', 'time', '', 'github.com/prometheus/client_golang/prometheus',
                 'log "github.com/sirupsen/logrus"', '',
                 'servicequotas github.com/thought-machine/aws-service-quotas-exporter/pkg/service_quotas'],
             2: ['context', 'strings', 'time', '', 'github.com/prometheus/client_golang/prometheus',
                 'log "github.com/sirupsen/logrus"', '',
                 'servicequotas github.com/thought-machine/aws-service-quotas-exporter/pkg/service_quotas']})(QUOTAS), [
             (1, 'go-00-aws-quotas-new-exporter-refresh-timeout-cancel-discarded',
              'a new exporter bounds each quota refresh with a timeout context and throws its cancel away', 'new'),
             (2, 'go-00-aws-quotas-new-exporter-metrics-map-written-without-lock',
              'a new exporter rewrites its metrics map from the refresh goroutine while scrapes read it, with no lock',
              'new'),
             (0, 'go-ok-00-aws-quotas-new-exporter-locked-map-deferred-cancel',
              'clean: a new exporter whose map is guarded by a read-write lock and whose refresh cancel is deferred',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: RPC server over AMQP (amqp-rpc)
AMQPRPC = template('amqp-rpc', r'''
// consume reads the deliveries of one queue and serves each on its own goroutine until the channel closes.
func (s *Server) consume(queueName string, handler HandlerFunc, inputCh *amqp.Channel, outputCh *amqp.Channel) error {
    deliveries, err := inputCh.Consume(queueName, "", false, false, false, false, nil)
    if err != nil {
        return fmt.Errorf("consume %s: %w", queueName, err)
    }

    for delivery := range deliveries {
        s.wg.Add(1)
        go func(delivery amqp.Delivery) { //@{1}CONC-01
            defer s.wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    s.errorLog("server: handler for %s panicked: %v\n%s", queueName, r, debug.Stack())
02|                    _ = delivery.Nack(false, false)
02|                }
02|            }()
            s.serveDelivery(context.Background(), handler, delivery, outputCh)
        }(delivery)
    }
    return nil
}

func (s *Server) serveDelivery(ctx context.Context, handler HandlerFunc, delivery amqp.Delivery, outputCh *amqp.Channel) {
    rw := ResponseWriter{Publishing: &amqp.Publishing{CorrelationId: delivery.CorrelationId}}
    handler(ctx, &rw, delivery)

    if delivery.ReplyTo != "" {
        err := outputCh.Publish("", delivery.ReplyTo, false, false, *rw.Publishing)
        if err != nil {
            s.errorLog("server: could not publish reply to %s: %s", delivery.ReplyTo, err.Error())
            _ = delivery.Nack(false, true)
            return
        }
    }

01|    if err := delivery.Ack(false); err != nil {
01|        s.errorLog("server: could not ack delivery %s: %s", delivery.CorrelationId, err.Error())
01|    }
2|    delivery.Ack(false) //@ERR-01
}
''')
cases_of(case, GH + '0x4b53/amqp-rpc/pull/30', 'server.go',
         GV('amqprpc', {0: ['context', 'fmt', 'runtime/debug', '', 'github.com/streadway/amqp'],
                        1: ['context', 'fmt', '', 'github.com/streadway/amqp'],
                        2: ['context', 'fmt', 'runtime/debug', '', 'github.com/streadway/amqp']})(AMQPRPC), [
             (1, 'go-00-amqp-rpc-delivery-goroutine-without-recover',
              'an edit drops the recover of the goroutine that serves each delivery, so one panicking handler stops '
              'the whole RPC server', 'edit'),
             (2, 'go-00-amqp-rpc-ack-error-ignored',
              'an edit ignores the error of acknowledging a served delivery, so a lost channel goes unnoticed and '
              'the call runs twice', 'edit'),
             (0, 'go-ok-00-amqp-rpc-recovered-delivery-ack-checked',
              'clean: each delivery goroutine recovers and nacks, a failed ack is logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: push workers (gorush)
GORUSH = template('gorush', r'''
// Worker sends the queued push notifications with a fixed number of goroutines.
type Worker struct {
    queue   chan PushNotification
    cfg     *config.ConfYaml
01|    busy    int64
2|    busy    int
    metric  *Metrics
    stopped chan struct{}
}

// NewWorker returns a worker reading from a queue of the configured size.
func NewWorker(cfg *config.ConfYaml, metric *Metrics) *Worker {
    return &Worker{
        queue:   make(chan PushNotification, cfg.Core.QueueNum),
        cfg:     cfg,
        metric:  metric,
        stopped: make(chan struct{}),
    }
}

// Start starts num goroutines that send notifications until the queue is closed.
func (w *Worker) Start(ctx context.Context, wg *sync.WaitGroup, num int64) {
    for i := int64(0); i < num; i++ {
        wg.Add(1)
        go func(id int64) { //@{1}CONC-01
            defer wg.Done()
            for notification := range w.queue {
02|                w.send(ctx, id, notification)
1|                w.incBusy()
1|                SendNotification(ctx, w.cfg, notification)
1|                w.decBusy()
            }
        }(i)
    }
}

02|func (w *Worker) send(ctx context.Context, id int64, notification PushNotification) {
02|    w.incBusy()
02|    defer w.decBusy()
02|    defer func() {
02|        if r := recover(); r != nil {
02|            logx.LogError.Errorf("worker %d: sending to %d tokens panicked: %v", id, len(notification.Tokens), r)
02|            w.metric.AddFailed(int64(len(notification.Tokens)))
02|        }
02|    }()
02|    SendNotification(ctx, w.cfg, notification)
02|}
02|
// Queue adds a notification, or fails when the queue is full.
func (w *Worker) Queue(notification PushNotification) error {
    select {
    case w.queue <- notification:
        return nil
    default:
        return ErrQueueFull
    }
}

// BusyWorkers returns how many goroutines are sending right now.
func (w *Worker) BusyWorkers() int {
01|    return int(atomic.LoadInt64(&w.busy))
2|    return w.busy
}

func (w *Worker) incBusy() {
01|    atomic.AddInt64(&w.busy, 1)
2|    w.busy++ //@CONC-03
}

func (w *Worker) decBusy() {
01|    atomic.AddInt64(&w.busy, -1)
2|    w.busy--
}
''')
cases_of(case, GH + 'appleboy/gorush/issues/653', 'notify/worker.go',
         GV('notify', {0: ['context', 'sync', 'sync/atomic', '', 'github.com/appleboy/gorush/config',
                           'github.com/appleboy/gorush/logx'],
                       1: ['context', 'sync', 'sync/atomic', '', 'github.com/appleboy/gorush/config'],
                       2: ['context', 'sync', '', 'github.com/appleboy/gorush/config',
                           'github.com/appleboy/gorush/logx']})(GORUSH), [
             (1, 'go-00-gorush-moved-worker-goroutine-without-recover',
              'a PR moves the push worker into the notify package and sends from its goroutines without a recover, so '
              'one bad notification stops the server', 'rename'),
             (2, 'go-00-gorush-moved-worker-busy-count-unsynchronised',
              'a PR moves the push worker and counts busy goroutines with a plain int that every worker bumps',
              'rename'),
             (0, 'go-ok-00-gorush-moved-worker-recovered-atomic-count',
              'clean: the move alone; each send recovers, the busy count is atomic', 'rename'),
         ], rename_from='gorush/worker.go', rename_old=lambda t: t.replace('package notify', 'package gorush'))


# ---------------------------------------------------------------- TX-02 / TX-01: key-value broker on bbolt (cn-infra)
BOLT = template('cn-infra-bolt', r'''
// Put writes value under key in the root bucket, creating the nested buckets of the key's prefix.
func (c *Client) Put(key string, data []byte, opts ...datasync.PutOption) error {
    c.Log.Debugf("Put: %q (len=%d)", key, len(data))

    tx, err := c.db.Begin(true) //@{2}TX-01
    if err != nil {
01|        return err
2|        return fmt.Errorf("begin put of %q: %w", key, err)
    }
01|    defer tx.Rollback()

    bucket, err := c.bucketFor(tx, key, true)
    if err != nil {
        return err
    }
    if err := bucket.Put([]byte(path.Base(key)), data); err != nil {
        return fmt.Errorf("put %q: %w", key, err)
    }

02|    if err := tx.Commit(); err != nil {
02|        return fmt.Errorf("commit put of %q: %w", key, err)
02|    }
1|    tx.Commit() //@TX-02
    c.watchers.notify(key, data, datasync.Put)
    return nil
}

// Delete removes key, or every key under it when the WithPrefix option is given.
func (c *Client) Delete(key string, opts ...datasync.DelOption) (existed bool, err error) {
    c.Log.Debugf("Delete: %q", key)

    err = c.db.Update(func(tx *bolt.Tx) error {
        bucket, err := c.bucketFor(tx, key, false)
        if err != nil || bucket == nil {
            return err
        }
        name := []byte(path.Base(key))
        if bucket.Get(name) != nil {
            existed = true
            return bucket.Delete(name)
        }
        if bucket.Bucket(name) != nil {
            existed = true
            return bucket.DeleteBucket(name)
        }
        return nil
    })
    if err == nil && existed {
        c.watchers.notify(key, nil, datasync.Delete)
    }
    return existed, err
}

func (c *Client) bucketFor(tx *bolt.Tx, key string, create bool) (*bolt.Bucket, error) {
    bucket := tx.Bucket(rootBucket)
    for _, part := range strings.Split(path.Dir(strings.Trim(key, "/")), "/") {
        if part == "." || part == "" {
            continue
        }
        next := bucket.Bucket([]byte(part))
        if next == nil {
            if !create {
                return nil, nil
            }
            var err error
            if next, err = bucket.CreateBucket([]byte(part)); err != nil {
                return nil, err
            }
        }
        bucket = next
    }
    return bucket, nil
}
''')
cases_of(case, GH + 'ligato/cn-infra/pull/90', 'db/keyval/bolt/bolt.go',
         G('bolt', ['fmt', 'path', 'strings', '', 'github.com/boltdb/bolt', '',
                    'go.ligato.io/cn-infra/v2/datasync'])(BOLT), [
             (1, 'go-00-cn-infra-bolt-put-commit-error-dropped',
              'an edit commits the put transaction without checking the result, so a failed commit reports success '
              'and notifies watchers of a write that never happened', 'edit'),
             (2, 'go-00-cn-infra-bolt-put-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the put transaction, so a failed bucket write keeps the '
              'write lock of the database', 'edit'),
             (0, 'go-ok-00-cn-infra-bolt-put-commit-checked-rollback-deferred',
              'clean: the put transaction rolled back by defer, its commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / RES-02: bulk importer client (go-pilosa)
PILOSA = template('go-pilosa', r'''
// ImportField imports the records of iterator into field, in batches, with the configured number of workers.
func (c *Client) ImportField(field *Field, iterator RecordIterator, options ...ImportOption) error {
    importOptions := &ImportOptions{}
    for _, option := range append([]ImportOption{OptImportThreadCount(1), OptImportBatchSize(100000)}, options...) {
        if err := option(importOptions); err != nil {
            return err
        }
    }

    errs := make(chan error, importOptions.threadCount)
    batches := make(chan []Record, importOptions.threadCount)
    var wg sync.WaitGroup
02|    for i := 0; i < importOptions.threadCount; i++ {
02|        wg.Add(1)
02|        go func() {
02|            defer wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    errs <- fmt.Errorf("import worker panicked: %v", r)
02|                }
02|            }()
02|            for batch := range batches {
02|                if err := c.importBatch(field, batch); err != nil {
02|                    errs <- err
02|                    return
02|                }
02|            }
02|        }()
02|    }
02|
    batch := make([]Record, 0, importOptions.batchSize)
    for {
        record, err := iterator.NextRecord()
        if err == io.EOF {
            break
        }
        if err != nil {
            close(batches)
            return errors.Wrap(err, "reading record")
        }
        batch = append(batch, record)
        if len(batch) == importOptions.batchSize {
02|            batches <- batch
1|            wg.Add(1)
1|            go func(batch []Record) { //@CONC-02
1|                defer wg.Done()
1|                defer func() {
1|                    if r := recover(); r != nil {
1|                        log.Printf("import of %d records panicked: %v", len(batch), r)
1|                    }
1|                }()
1|                if err := c.importBatch(field, batch); err != nil {
1|                    select {
1|                    case errs <- err:
1|                    default:
1|                    }
1|                }
1|            }(batch)
            batch = make([]Record, 0, importOptions.batchSize)
        }
    }
    close(batches)
    if len(batch) > 0 {
        if err := c.importBatch(field, batch); err != nil {
            wg.Wait()
            return err
        }
    }
    wg.Wait()
    select {
    case err := <-errs:
        return err
    default:
        return nil
    }
}

func (c *Client) importBatch(field *Field, batch []Record) error {
    data, err := encodeImportRequest(field, batch)
    if err != nil {
        return errors.Wrap(err, "encoding import request")
    }
    req, err := http.NewRequest(http.MethodPost, c.importURL(field), bytes.NewReader(data))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/x-protobuf")
    req.Header.Set("Accept", "application/x-protobuf")
    resp, err := c.client.Do(req) //@{2}RES-02
    if err != nil {
01|        return errors.Wrap(err, "posting import request")
2|        return errors.Wrapf(err, "posting %d records", len(batch))
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        msg, _ := ioutil.ReadAll(io.LimitReader(resp.Body, 1024))
        return errors.Errorf("import of %d records: %s: %s", len(batch), resp.Status, msg)
    }
2|    resp.Body.Close()
    return nil
}
''')
cases_of(case, GH + 'FeatureBaseDB/go-pilosa/pull/258', 'client.go',
         GV('pilosa', {0: ['bytes', 'fmt', 'io', 'io/ioutil', 'net/http', 'sync', '', 'github.com/pkg/errors'],
                     1: ['bytes', 'io', 'io/ioutil', 'log', 'net/http', 'sync', '', 'github.com/pkg/errors'],
                     2: ['bytes', 'fmt', 'io', 'io/ioutil', 'net/http', 'sync', '', 'github.com/pkg/errors']})(PILOSA), [
             (1, 'go-00-go-pilosa-import-goroutine-per-batch',
              'an edit hands every batch of an import to a goroutine of its own instead of the fixed workers, so a '
              'fast reader piles up batches and goroutines without bound', 'edit'),
             (2, 'go-00-go-pilosa-import-error-response-body-open',
              'an edit closes the import response only when the server accepts the batch, leaking the connection of '
              'every rejected batch', 'edit'),
             (0, 'go-ok-00-go-pilosa-import-fixed-workers-body-deferred',
              'clean: batches handed to a fixed set of workers with back-pressure, each response closed by defer',
              'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: user-space IP proxy (ipproxy)
IPPROXY = template('ipproxy', r'''
// copyFromDevice reads IP packets from the TUN device and hands each to the flow it belongs to.
func (p *proxy) copyFromDevice() {
    b := make([]byte, p.opts.MTU)
    for {
        n, err := p.dev.Read(b)
        if err != nil {
            if err != io.EOF {
                log.Errorf("Unexpected error reading from device: %v", err)
            }
            return
        }
1|        log.Debugf("Read packet of %d bytes from device: % x", n, b[:n]) //@LOG-01
        pkt, err := parseIPPacket(b[:n])
        if err != nil {
            p.droppedPackets.Add(1)
            continue
        }
        switch pkt.ipProto {
        case IPProtocolTCP:
            p.toTCP <- pkt
        case IPProtocolUDP:
            p.onUDP(pkt)
        default:
            p.droppedPackets.Add(1)
        }
    }
}

func (p *proxy) onUDP(pkt ipPacket) {
    ft := pkt.ft()
    conn := p.udpConns[ft]
    if conn == nil {
        var err error
        conn, err = p.newUDPConn(ft)
        if err != nil {
            log.Error(err)
            return
        }
        p.udpConns[ft] = conn
    }
    conn.writeToUpstream(pkt.payload())
}

func (p *proxy) newUDPConn(ft fourtuple) (*udpConn, error) {
    ctx, cancel := context.WithTimeout(context.Background(), p.opts.DialTimeout)
    defer cancel()
    upstream, err := p.opts.DialUDP(ctx, "udp", ft.dst.String()) //@{2}RES-01
    if err != nil {
01|        return nil, errors.New("Unable to dial upstream %v: %v", ft.dst, err)
2|        return nil, errors.New("dial %v: %v", ft.dst, err)
    }
    if err := upstream.SetReadBuffer(p.opts.UDPBufferSize); err != nil {
01|        upstream.Close()
        return nil, errors.New("Unable to size read buffer for %v: %v", ft.dst, err)
    }
    conn := &udpConn{
        ft:       ft,
        upstream: upstream,
        toDevice: p.toDevice,
        lastUsed: time.Now(),
    }
    p.reaper.track(conn, p.opts.IdleTimeout)
    return conn, nil
}
''')
cases_of(case, GH + 'getlantern/ipproxy/pull/10', 'ipproxy.go',
         G('ipproxy', ['context', 'io', 'time', '', 'github.com/getlantern/errors'])(IPPROXY), [
             (1, 'go-00-ipproxy-debug-line-per-device-packet',
              'an edit logs every packet read from the TUN device, with its bytes, on the path every packet takes',
              'edit'),
             (2, 'go-00-ipproxy-upstream-udp-conn-leaked-on-buffer-error',
              'an edit rewords the dial error and drops the close of the upstream UDP socket when sizing its buffer '
              'fails', 'edit'),
             (0, 'go-ok-00-ipproxy-quiet-device-loop-upstream-closed',
              'clean: no line per packet, the upstream socket closed when it cannot be set up', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: cluster profiles to disk (bigmachine)
BIGMACHINE = template('bigmachine', r'''
// SaveProfiles fetches the named profile of every running machine and writes one file per machine into dir.
// It returns the paths written.
func (b *B) SaveProfiles(ctx context.Context, dir, name string, debug int) ([]string, error) {
    if err := os.MkdirAll(dir, 0777); err != nil {
        return nil, err
    }
    var paths []string
    for _, m := range b.Machines() {
        if m.State() != Running {
            continue
        }
        path := filepath.Join(dir, fmt.Sprintf("%s-%s.pprof", name, sanitizeAddr(m.Addr)))
        f, err := os.Create(path)
        if err != nil {
            return paths, err
        }
2|        defer f.Close() //@RES-03
        var rc io.ReadCloser
        err = m.Call(ctx, "Supervisor.Profile", profileRequest{Name: name, Debug: debug}, &rc)
        if err != nil {
01|            f.Close()
            return paths, fmt.Errorf("profile %s of %s: %w", name, m.Addr, err)
        }
02|        _, err = io.Copy(f, rc)
02|        rc.Close()
0|        if closeErr := f.Close(); err == nil {
0|            err = closeErr
0|        }
2|        if syncErr := f.Sync(); err == nil {
2|            err = syncErr
2|        }
02|        if err != nil {
02|            return paths, fmt.Errorf("write profile of %s: %w", m.Addr, err)
02|        }
1|        io.Copy(f, rc) //@ERR-01
1|        rc.Close()
1|        f.Close()
        paths = append(paths, path)
    }
    return paths, nil
}

func sanitizeAddr(addr string) string {
    return strings.NewReplacer(":", "_", "/", "_").Replace(strings.TrimPrefix(addr, "https://"))
}
''')
cases_of(case, GH + 'grailbio/bigmachine/pull/27', 'profile.go',
         G('bigmachine', ['context', 'fmt', 'io', 'os', 'path/filepath', 'strings'])(BIGMACHINE), [
             (1, 'go-00-bigmachine-profile-copy-error-ignored',
              'an edit ignores the error of copying each machine\'s profile to its file, so a dropped connection '
              'leaves a truncated profile reported as written', 'edit'),
             (2, 'go-00-bigmachine-profile-files-closed-by-defer-in-loop',
              'an edit closes the profile file of each machine by a defer inside the loop over machines, keeping '
              'every file open until the last machine is done', 'edit'),
             (0, 'go-ok-00-bigmachine-profile-copy-checked-file-closed-per-machine',
              'clean: each copy checked, each file closed in its own iteration with the close error kept', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: edge agent CLI exchange calls (anax)
ANAX = template('anax', r'''
// HTTPRequestTimeoutS bounds every call of the hzn CLI to the exchange, unless HZN_HTTP_TIMEOUT says otherwise.
const HTTPRequestTimeoutS = 30

0|var exchangeClient = newExchangeClient()
2|var exchangeClient = &http.Client{ //@TMO-01
2|    Transport: &http.Transport{
2|        Proxy:           http.ProxyFromEnvironment,
2|        TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
2|    },
2|}
0|
01|func newExchangeClient() *http.Client {
01|    return &http.Client{
01|        Timeout: requestTimeout(),
01|        Transport: &http.Transport{
01|            Proxy:               http.ProxyFromEnvironment,
01|            TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
01|            TLSHandshakeTimeout: 10 * time.Second,
01|        },
01|    }
01|}

func requestTimeout() time.Duration {
    if s := os.Getenv("HZN_HTTP_TIMEOUT"); s != "" {
        if n, err := strconv.Atoi(s); err == nil && n > 0 {
            return time.Duration(n) * time.Second
        }
    }
    return HTTPRequestTimeoutS * time.Second
}

// ExchangeGet calls GET on the exchange and decodes the answer into respBody; it fails the command unless the
// status is one of goodHTTPCodes, and returns the status.
func ExchangeGet(urlBase, urlSuffix, credentials string, goodHTTPCodes []int, respBody interface{}) (int, error) {
    req, err := http.NewRequest(http.MethodGet, strings.TrimRight(urlBase, "/")+"/"+urlSuffix, nil)
    if err != nil {
        return 0, fmt.Errorf("building GET %s: %w", urlSuffix, err)
    }
    if credentials != "" {
        user, pass, _ := strings.Cut(credentials, ":")
        req.SetBasicAuth(user, pass)
    }
    req.Header.Set("Accept", "application/json")

1|    client := newExchangeClient() //@RES-04
1|    resp, err := client.Do(req)
02|    resp, err := exchangeClient.Do(req)
    if err != nil {
        return 0, fmt.Errorf("GET %s: %w", urlSuffix, err)
    }
    defer resp.Body.Close()

    if !isGoodCode(resp.StatusCode, goodHTTPCodes) {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
        return resp.StatusCode, fmt.Errorf("GET %s: bad HTTP code %d: %s", urlSuffix, resp.StatusCode, msg)
    }
    if respBody != nil && resp.StatusCode != http.StatusNotFound {
        if err := json.NewDecoder(resp.Body).Decode(respBody); err != nil {
            return resp.StatusCode, fmt.Errorf("decoding GET %s: %w", urlSuffix, err)
        }
    }
    return resp.StatusCode, nil
}

func isGoodCode(code int, good []int) bool {
    for _, c := range good {
        if c == code {
            return true
        }
    }
    return false
}
''')
cases_of(case, GH + 'open-horizon/anax/issues/1159', 'cli/cliutils/exchange.go',
         GV('cliutils', {0: ['crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'os', 'strconv', 'strings', 'time'],
                         1: ['crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'os', 'strconv', 'strings', 'time'],
                         2: ['crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'os', 'strconv', 'strings',
                             'time']})(ANAX), [
             (1, 'go-00-anax-new-exchange-helper-client-per-call',
              'a new CLI helper builds a new HTTP client, with its own transport and connection pool, for every '
              'exchange call', 'new'),
             (2, 'go-00-anax-new-exchange-helper-client-without-timeout',
              'a new CLI helper shares one exchange client that has no timeout, so a stalled exchange hangs hzn',
              'new'),
             (0, 'go-ok-00-anax-new-exchange-helper-shared-bounded-client',
              'clean: a new CLI helper with one shared exchange client bounded by the CLI timeout', 'new'),
         ])
