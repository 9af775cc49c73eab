"""Round-119 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-02: remote write exporter of a telemetry collector (opentelemetry-collector)
PRWEXEC = template('collector-prw-exporter-execute', r'''
// PrwExporter converts OTLP metrics into Prometheus remote write requests and posts them to the configured endpoint.
type PrwExporter struct {
    namespace       string
    externalLabels  map[string]string
    endpointURL     *url.URL
    client          *http.Client
    wg              *sync.WaitGroup
    closeChan       chan struct{}
    userAgentHeader string
}

// export sends every write request built from one batch of metrics and joins their errors.
func (prwe *PrwExporter) export(ctx context.Context, requests []*prompb.WriteRequest) error {
    var errs error
    for _, req := range requests {
        if err := prwe.execute(ctx, req); err != nil {
            errs = multierr.Append(errs, err)
        }
    }
    return errs
}

// execute posts one snappy-compressed write request. A 5xx answer is returned as a retryable error, anything else
// that is not 2xx as a permanent one; the response is closed on every path so the connection to the endpoint is
// reused by the next batch.
func (prwe *PrwExporter) execute(ctx context.Context, writeReq *prompb.WriteRequest) error {
    data, err := proto.Marshal(writeReq)
    if err != nil {
        return consumererror.Permanent(err)
    }
    compressed := snappy.Encode(nil, data)

01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, prwe.endpointURL.String(), bytes.NewReader(compressed))
2|    req, err := http.NewRequest(http.MethodPost, prwe.endpointURL.String(), bytes.NewReader(compressed)) //@TMO-02
    if err != nil {
        return consumererror.Permanent(err)
    }
    req.Header.Add("Content-Encoding", "snappy")
    req.Header.Set("Content-Type", "application/x-protobuf")
    req.Header.Set("X-Prometheus-Remote-Write-Version", "0.1.0")
    req.Header.Set("User-Agent", prwe.userAgentHeader)

    resp, err := prwe.client.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer resp.Body.Close()

    if resp.StatusCode/100 == 2 {
        return nil
    }
    body, readErr := io.ReadAll(io.LimitReader(resp.Body, 256))
    rerr := fmt.Errorf("remote write returned HTTP status %v; err = %v: %s", resp.Status, readErr, body)
    if resp.StatusCode >= 500 && resp.StatusCode < 600 {
        return rerr
    }
    return consumererror.Permanent(rerr)
}
''')
cases_of(case, GH + 'open-telemetry/opentelemetry-collector/pull/2875',
         'exporter/prometheusremotewriteexporter/exporter.go',
         G('prometheusremotewriteexporter', ['bytes', 'context', 'fmt', 'io', 'net/http', 'net/url', 'sync', '',
                                             'github.com/gogo/protobuf/proto', 'github.com/golang/snappy',
                                             'github.com/prometheus/prometheus/prompb',
                                             'go.opentelemetry.io/collector/consumer/consumererror',
                                             'go.uber.org/multierr'])(PRWEXEC), [
             (1, 'go-00-otel-collector-remote-write-response-left-open',
              'an edit drops the close of the remote write response, so every batch posted to the endpoint keeps its '
              'connection', 'edit'),
             (2, 'go-00-otel-collector-remote-write-request-without-context',
              'an edit builds the remote write request without the export\'s context, so a cancelled or timed-out '
              'export still waits on the endpoint', 'edit'),
             (0, 'go-ok-00-otel-collector-remote-write-response-closed',
              'clean: the fix closes the remote write response on every path', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-03: synchronous transport of an error tracking SDK (sentry-go)
SENTRYSYNC = template('sentry-sync-transport-send', r'''
// maxDrainResponseBytes is the most a transport reads from a response body it does not need before closing it;
// the Sentry API answers with a few bytes, and reading them lets net/http reuse the connection.
const maxDrainResponseBytes = 16 << 10

// HTTPSyncTransport sends each event to Sentry before SendEvent returns. It suits short-lived processes
// (serverless functions, command line tools) where a background worker would not get the chance to flush.
type HTTPSyncTransport struct {
    dsn    *Dsn
    client *http.Client

    mu     sync.Mutex
    limits ratelimit.Map
}

// SendEvent assembles a request out of event and sends it to the project's ingestion endpoint.
func (t *HTTPSyncTransport) SendEvent(event *Event) {
    if t.dsn == nil || t.disabled(categoryFor(event.Type)) {
        return
    }

    request, err := getRequestFromEvent(event, t.dsn)
    if err != nil {
        Logger.Printf("Dropping event %s: building the request failed: %v", event.EventID, err)
        return
    }

    eventType := fmt.Sprintf("%s event", event.Level)
    if event.Type == transactionType {
        eventType = "transaction"
    }
01|    Logger.Printf("Sending %s [%s] to %s project: %s", eventType, event.EventID, t.dsn.host, t.dsn.projectID)
2|    Logger.Printf("Sending %s to %s project: %s", eventType, t.dsn.host, t.dsn.projectID) //@LOG-03

    if err := t.send(request); err != nil {
        Logger.Printf("There was an issue with sending event %s: %v", event.EventID, err)
    }
}

// send posts request and records the rate limits of the answer.
func (t *HTTPSyncTransport) send(request *http.Request) error {
    response, err := t.client.Do(request)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer drainAndClose(response.Body)

    t.mu.Lock()
    t.limits.Merge(ratelimit.FromResponse(response))
    t.mu.Unlock()

    if response.StatusCode >= 400 {
        return fmt.Errorf("ingestion endpoint answered %s", response.Status)
    }
    return nil
}

// drainAndClose reads what is left of a response body, up to maxDrainResponseBytes, and closes it.
func drainAndClose(body io.ReadCloser) {
    _, _ = io.CopyN(io.Discard, body, maxDrainResponseBytes)
    _ = body.Close()
}

// disabled reports whether the category is rate limited at the moment.
func (t *HTTPSyncTransport) disabled(c ratelimit.Category) bool {
    t.mu.Lock()
    defer t.mu.Unlock()
    return t.limits.IsRateLimited(c)
}
''')
cases_of(case, GH + 'getsentry/sentry-go/pull/322', 'transport_sync.go',
         G('sentry', ['fmt', 'io', 'net/http', 'sync', '', 'github.com/getsentry/sentry-go/internal/ratelimit'])(SENTRYSYNC), [
             (1, 'go-00-sentry-go-sync-transport-response-left-open',
              'an edit drops the drain and close of the ingestion response, so every event sent keeps its connection '
              'and its reader goroutines', 'edit'),
             (2, 'go-00-sentry-go-sync-transport-log-without-event-id',
              'an edit shortens the sending log line and drops the event id that ties it to the event', 'edit'),
             (0, 'go-ok-00-sentry-go-sync-transport-response-drained',
              'clean: the fix drains and closes the ingestion response', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: HTTP reporter of a tracing library (zipkin-go)
ZIPKINREP = template('zipkin-http-reporter-send-loop', r'''
// httpReporter batches spans and posts them to a Zipkin collector. One send goroutine posts the batches: a collector
// that is down slows reporting down instead of piling up a goroutine per batch behind a mutex.
type httpReporter struct {
    url           string
    client        *http.Client
    logger        *log.Logger
    batchInterval time.Duration
    batchSize     int
    maxBacklog    int
    batchMtx      *sync.Mutex
    batch         []*model.SpanModel
    spanC         chan *model.SpanModel
    sendC         chan struct{}
    quit          chan struct{}
    shutdown      chan error
    ctx           context.Context
    cancel        context.CancelFunc
    serializer    reporter.SpanSerializer
}

// NewReporter returns a reporter that posts spans to url in JSON.
func NewReporter(url string) reporter.Reporter {
    ctx, cancel := context.WithCancel(context.Background())
    r := httpReporter{
        url:           url,
        logger:        log.New(os.Stderr, "", log.LstdFlags),
        client:        &http.Client{Timeout: defaultTimeout},
        batchInterval: defaultBatchInterval,
        batchSize:     defaultBatchSize,
        maxBacklog:    defaultMaxBacklog,
        batchMtx:      &sync.Mutex{},
        spanC:         make(chan *model.SpanModel),
        sendC:         make(chan struct{}, 1),
        quit:          make(chan struct{}, 1),
        shutdown:      make(chan error, 1),
        ctx:           ctx,
        cancel:        cancel,
        serializer:    reporter.JSONSerializer{},
    }
    go r.run("batch loop", r.loop)
01|    go r.run("send loop", r.sendLoop)
2|    go r.sendLoop() //@CONC-01
    return &r
}

// run calls fn and logs a panic instead of letting it end the host process.
func (r *httpReporter) run(name string, fn func()) {
    defer func() {
        if rec := recover(); rec != nil {
            r.logger.Printf("zipkin reporter: %s stopped after a panic: %v", name, rec)
        }
    }()
    fn()
}

// Send implements reporter.Reporter.
func (r *httpReporter) Send(s model.SpanModel) {
    r.spanC <- &s
}

// Close implements reporter.Reporter: it sends what is left of the batch and stops both goroutines.
func (r *httpReporter) Close() error {
    close(r.quit)
    err := <-r.shutdown
    r.cancel()
    return err
}

func (r *httpReporter) loop() {
    nextSend := time.Now().Add(r.batchInterval)
    ticker := time.NewTicker(r.batchInterval / 10)
    defer ticker.Stop()

    for {
        select {
        case span := <-r.spanC:
            if r.append(span) >= r.batchSize {
                nextSend = time.Now().Add(r.batchInterval)
02|                r.enqueueSend()
1|                go r.run("batch send", func() { _ = r.sendBatch() }) //@CONC-02
            }
        case <-ticker.C:
            if time.Now().After(nextSend) {
                nextSend = time.Now().Add(r.batchInterval)
                r.enqueueSend()
            }
        case <-r.quit:
            close(r.sendC)
            return
        }
    }
}

// sendLoop is the only goroutine that posts batches.
func (r *httpReporter) sendLoop() {
    for range r.sendC {
        _ = r.sendBatch()
    }
    r.shutdown <- r.sendBatch()
}

// enqueueSend asks the send goroutine for a send; when one is already pending the batch goes with it.
func (r *httpReporter) enqueueSend() {
    select {
    case r.sendC <- struct{}{}:
    default:
    }
}

func (r *httpReporter) append(span *model.SpanModel) int {
    r.batchMtx.Lock()
    defer r.batchMtx.Unlock()
    r.batch = append(r.batch, span)
    if len(r.batch) > r.maxBacklog {
        dispose := len(r.batch) - r.maxBacklog
        r.logger.Printf("backlog too long, disposing %d spans", dispose)
        r.batch = r.batch[dispose:]
    }
    return len(r.batch)
}

func (r *httpReporter) sendBatch() error {
    r.batchMtx.Lock()
    sendBatch := r.batch[:]
    r.batchMtx.Unlock()
    if len(sendBatch) == 0 {
        return nil
    }

    body, err := r.serializer.Serialize(sendBatch)
    if err != nil {
        r.logger.Printf("failed when marshalling the spans batch: %v", err)
        return err
    }
    req, err := http.NewRequestWithContext(r.ctx, http.MethodPost, r.url, bytes.NewReader(body))
    if err != nil {
        r.logger.Printf("failed when creating the request: %v", err)
        return err
    }
    req.Header.Set("Content-Type", r.serializer.ContentType())
    resp, err := r.client.Do(req)
    if err != nil {
        r.logger.Printf("failed to send the request: %v", err)
        return err
    }
    defer resp.Body.Close()
    _, _ = io.Copy(io.Discard, resp.Body)
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        r.logger.Printf("failed the request with status code %d", resp.StatusCode)
    }

    // Remove the sent spans from the batch even if the collector did not keep them.
    r.batchMtx.Lock()
    r.batch = r.batch[len(sendBatch):]
    r.batchMtx.Unlock()
    return nil
}
''')
_ZIPKIN = ['bytes', 'context', 'io', 'log', 'net/http', 'os', 'sync', 'time', '',
           'github.com/openzipkin/zipkin-go/model', 'github.com/openzipkin/zipkin-go/reporter']
ZIPKIN_TEST = f('reporter/http/http_test.go', new=go('http_test', [
    'net/http', 'net/http/httptest', 'runtime', 'testing', 'time', '',
    'github.com/openzipkin/zipkin-go/model', 'zipkinhttp github.com/openzipkin/zipkin-go/reporter/http'], r'''
func TestSlowCollectorDoesNotPileUpGoroutines(t *testing.T) {
    release := make(chan struct{})
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        <-release
        w.WriteHeader(http.StatusAccepted)
    }))
    defer srv.Close()
    defer close(release)

    rep := zipkinhttp.NewReporter(srv.URL)
    before := runtime.NumGoroutine()
    for i := 0; i < 5000; i++ {
        rep.Send(model.SpanModel{Name: "span"})
    }
    time.Sleep(100 * time.Millisecond)
    if grown := runtime.NumGoroutine() - before; grown > 10 {
        t.Fatalf("%d goroutines more while the collector is slow", grown)
    }
}
'''))
cases_of(case, GH + 'openzipkin/zipkin-go/pull/146', 'reporter/http/http.go', G('http', _ZIPKIN)(ZIPKINREP), [
             (1, 'go-00-zipkin-go-reporter-goroutine-per-full-batch',
              'an edit posts a full batch on a new goroutine of its own, so a collector that is down gathers one '
              'blocked goroutine per batch', 'edit'),
             (2, 'go-00-zipkin-go-reporter-send-loop-without-recover',
              'an edit starts the send goroutine directly instead of through the reporter\'s recovering runner', 'edit'),
             (0, 'go-ok-00-zipkin-go-reporter-single-send-loop',
              'clean: the fix hands full batches to the single send goroutine; a test checks a slow collector does not '
              'add goroutines', 'fix', [ZIPKIN_TEST]),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: batch span processor of a tracing SDK (opentelemetry-go)
BSPSHUT = template('otel-go-bsp-shutdown', r'''
// Shutdown stops the processor: it flushes the queue, waits for the processing goroutine to end and shuts the
// exporter down, returning the exporter's error to the caller. It runs once; later calls return nil.
func (bsp *batchSpanProcessor) Shutdown(ctx context.Context) error {
    var err error
    bsp.stopOnce.Do(func() {
        bsp.stopped.Store(true)
        close(bsp.stopCh)
        select {
        case <-bsp.done:
        case <-ctx.Done():
            err = ctx.Err()
            return
        }
        if bsp.e == nil {
            return
        }
0|        if shutdownErr := bsp.e.Shutdown(ctx); shutdownErr != nil {
2|        if shutdownErr := bsp.e.Shutdown(context.Background()); shutdownErr != nil { //@TMO-02
02|            err = fmt.Errorf("shutting down span exporter: %w", shutdownErr)
02|        }
1|        if err := bsp.e.Shutdown(ctx); err != nil { //@ERR-01
1|            global.Debug("span exporter shutdown failed", "error", err)
1|        }
    })
    return err
}

// ForceFlush exports all spans that have not been exported yet, or returns the context's error when ctx is done
// first.
func (bsp *batchSpanProcessor) ForceFlush(ctx context.Context) error {
    if bsp.stopped.Load() {
        return nil
    }
    flushCh := make(chan error, 1)
    select {
    case bsp.flushC <- flushCh:
    case <-ctx.Done():
        return ctx.Err()
    }
    select {
    case err := <-flushCh:
        return err
    case <-ctx.Done():
        return ctx.Err()
    }
}
''')
cases_of(case, GH + 'open-telemetry/opentelemetry-go/issues/8653', 'sdk/trace/batch_span_processor.go',
         GV('trace', {0: ['context', 'fmt'], 1: ['context', '', 'go.opentelemetry.io/otel/internal/global'],
                      2: ['context', 'fmt']})(BSPSHUT), [
             (1, 'go-00-otel-go-bsp-exporter-shutdown-error-dropped',
              'an edit shadows the exporter\'s shutdown error and only logs it at debug level, so Shutdown returns nil '
              'while the last batch and the exporter\'s connections were never closed', 'edit'),
             (2, 'go-00-otel-go-bsp-exporter-shutdown-detached',
              'an edit shuts the exporter down with a background context, so the caller\'s shutdown deadline no longer '
              'bounds it', 'edit'),
             (0, 'go-ok-00-otel-go-bsp-exporter-shutdown-error-returned',
              'clean: the fix returns the exporter\'s shutdown error to the caller', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: scrape helper of a network exporter (planet-exporter), renamed file
PLANETSCRAPE = template('planet-exporter-scrape', r'''
// scrapeTimeout bounds one scrape, so a task endpoint that stops answering cannot hold a collector past its interval.
const scrapeTimeout = 10 * time.Second

02|// client is shared by every scrape: its transport keeps the connections to the task endpoints (darkstat, the ebpf
02|// tcptop exporter) alive between collections instead of leaving a transport and its idle connection per scrape.
02|var client = &http.Client{ //@{2}TMO-01
0|    Timeout: scrapeTimeout,
02|    Transport: &http.Transport{
02|        MaxIdleConnsPerHost: 4,
02|        IdleConnTimeout:     90 * time.Second,
02|    },
02|}
02|
// Scrape fetches url and parses the Prometheus text format it serves.
func Scrape(ctx context.Context, url string) (map[string]*dto.MetricFamily, error) {
1|    client := &http.Client{ //@RES-04
1|        Timeout: scrapeTimeout,
1|        Transport: &http.Transport{
1|            MaxIdleConnsPerHost: 4,
1|            IdleConnTimeout:     90 * time.Second,
1|        },
1|    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, fmt.Errorf("building request for %s: %w", url, err)
    }
    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("scraping %s: %w", url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        _, _ = io.Copy(io.Discard, resp.Body)
        return nil, fmt.Errorf("scraping %s: unexpected status %s", url, resp.Status)
    }

    var parser expfmt.TextParser
    families, err := parser.TextToMetricFamilies(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("parsing metrics of %s: %w", url, err)
    }
    return families, nil
}

// Gauge returns the value of the first sample of family name whose labels include want, and whether there is one.
func Gauge(families map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
    mf, ok := families[name]
    if !ok {
        return 0, false
    }
    for _, m := range mf.GetMetric() {
        if hasLabels(m, want) && m.GetGauge() != nil {
            return m.GetGauge().GetValue(), true
        }
    }
    return 0, false
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
    matched := 0
    for _, lp := range m.GetLabel() {
        if v, ok := want[lp.GetName()]; ok && v == lp.GetValue() {
            matched++
        }
    }
    return matched == len(want)
}
''')
cases_of(case, GH + 'williamchanrico/planet-exporter/pull/9', 'pkg/prometheus/scrape.go',
         G('prometheus', ['context', 'fmt', 'io', 'net/http', 'time', '',
                          'dto github.com/prometheus/client_model/go', 'github.com/prometheus/common/expfmt'])(PLANETSCRAPE), [
             (1, 'go-00-planet-exporter-renamed-scrape-transport-per-call',
              'a change that moves the scrape helper to scrape.go builds a client and transport on every scrape, so '
              'each collection leaves an idle connection to the task endpoint behind', 'rename'),
             (2, 'go-00-planet-exporter-renamed-scrape-client-without-timeout',
              'a change that moves the scrape helper to scrape.go shares one client but gives it no timeout', 'rename'),
             (0, 'go-ok-00-planet-exporter-renamed-scrape-shared-client',
              'clean: the move, with one shared client, its transport and a timeout', 'rename'),
         ], rename_from='pkg/prometheus/prometheus.go')


# ---------------------------------------------------------------- CONC-03 / RES-01: disk metric store of a metrics push gateway (pushgateway)
PGPERSIST = template('pushgateway-disk-store-persist', r'''
// persist writes the metric groups to a temporary file beside the persistence file and renames it into place, so a
// crash while writing never leaves a truncated file. It runs on the store's loop goroutine while the HTTP handlers
// read and write metricGroups from theirs, all of them under dms.lock.
func (dms *DiskMetricStore) persist() error {
    // Check (again) if persistence is configured because some code paths
    // will call this method even if it is not.
    if dms.persistenceFile == "" {
        return nil
    }
    f, err := os.CreateTemp(
        path.Dir(dms.persistenceFile),
        path.Base(dms.persistenceFile)+".in_progress.",
    )
    if err != nil {
        return err
    }
    inProgressFileName := f.Name()
    e := gob.NewEncoder(f)

02|    dms.lock.RLock()
02|    err = e.Encode(dms.metricGroups)
02|    dms.lock.RUnlock()
02|    if err != nil { //@{2}RES-01
1|    if err := e.Encode(dms.metricGroups); err != nil { //@CONC-03
01|        f.Close()
        os.Remove(inProgressFileName)
        return err
    }
    if err := f.Close(); err != nil {
        os.Remove(inProgressFileName)
        return err
    }
    return os.Rename(inProgressFileName, dms.persistenceFile)
}

// GetMetricFamiliesMap returns a map grouping-key -> MetricGroup. The MetricFamily pointed to by the Metrics map in
// each MetricGroup is guaranteed to not be modified by the MetricStore anymore.
func (dms *DiskMetricStore) GetMetricFamiliesMap() GroupingKeyToMetricGroup {
    dms.lock.RLock()
    defer dms.lock.RUnlock()
    groupsCopy := make(GroupingKeyToMetricGroup, len(dms.metricGroups))
    for k, g := range dms.metricGroups {
        metricsCopy := make(NameToTimestampedMetricFamilyMap, len(g.Metrics))
        groupsCopy[k] = MetricGroup{Labels: g.Labels, Metrics: metricsCopy}
        for n, tmf := range g.Metrics {
            metricsCopy[n] = tmf
        }
    }
    return groupsCopy
}
''')
cases_of(case, GH + 'prometheus/pushgateway/pull/82', 'storage/diskmetricstore.go',
         G('storage', ['encoding/gob', 'os', 'path'])(PGPERSIST), [
             (1, 'go-00-pushgateway-persist-encodes-groups-unlocked',
              'an edit encodes the metric groups without the store\'s read lock while the HTTP handlers write them',
              'edit'),
             (2, 'go-00-pushgateway-persist-temp-file-left-open',
              'an edit drops the close of the temporary file on the encoding error path', 'edit'),
             (0, 'go-ok-00-pushgateway-persist-encodes-groups-locked',
              'clean: the fix encodes the metric groups under the store\'s read lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-01: Prometheus-to-CloudWatch bridge (prometheus-to-cloudwatch), CRLF file
P2CW = template('prometheus-to-cloudwatch-bridge', r'''
// batchSize is the most data points one PutMetricData call may carry.
const batchSize = 20

// fetchMetricFamilies scrapes url and sends every metric family it serves on ch, closing ch when it returns.
func fetchMetricFamilies(ctx context.Context, client *http.Client, url string, ch chan<- *dto.MetricFamily) error {
    defer close(ch)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return fmt.Errorf("creating GET request for URL %q failed: %w", url, err)
    }
    req.Header.Add("Accept", acceptHeader)
    resp, err := client.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("executing GET request for URL %q failed: %w", url, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("GET request for URL %q returned HTTP status %s", url, resp.Status)
    }

    dec := expfmt.NewDecoder(resp.Body, expfmt.ResponseFormat(resp.Header))
    for {
        mf := &dto.MetricFamily{}
        if err := dec.Decode(mf); err != nil {
            if err == io.EOF {
                return nil
            }
            return fmt.Errorf("reading metric families from %q failed: %w", url, err)
        }
        ch <- mf
    }
}

// publishMetricsToCloudWatch converts the families to CloudWatch data points and sends them in batches.
func (b *Bridge) publishMetricsToCloudWatch(ctx context.Context, families []*dto.MetricFamily) error {
    var data []*cloudwatch.MetricDatum
01|    skipped := 0
    for _, mf := range families {
        for _, m := range mf.GetMetric() {
            datum, ok := b.toDatum(mf, m)
            if !ok {
01|                skipped++
2|                log.Printf("prometheus-to-cloudwatch: skipping metric %s of unsupported type %s", mf.GetName(), mf.GetType()) //@LOG-01
                continue
            }
            data = append(data, datum)
            if len(data) == batchSize {
                if err := b.flush(ctx, data); err != nil {
                    return err
                }
                data = nil
            }
        }
    }
01|    if skipped > 0 {
01|        log.Printf("prometheus-to-cloudwatch: skipped %d metrics of unsupported types", skipped)
01|    }
    if len(data) > 0 {
        return b.flush(ctx, data)
    }
    return nil
}

func (b *Bridge) flush(ctx context.Context, data []*cloudwatch.MetricDatum) error {
    _, err := b.cw.PutMetricDataWithContext(ctx, &cloudwatch.PutMetricDataInput{
        Namespace:  aws.String(b.cloudWatchNamespace),
        MetricData: data,
    })
    if err != nil {
        return fmt.Errorf("publishing %d data points to CloudWatch failed: %w", len(data), err)
    }
    return nil
}
''')
cases_of(case, GH + 'cloudposse-archives/prometheus-to-cloudwatch/pull/39', 'prometheus_to_cloudwatch.go',
         G('main', ['context', 'fmt', 'io', 'log', 'net/http', '', 'github.com/aws/aws-sdk-go/aws',
                    'github.com/aws/aws-sdk-go/service/cloudwatch', 'dto github.com/prometheus/client_model/go',
                    'github.com/prometheus/common/expfmt'])(P2CW), [
             (1, 'go-00-prometheus-to-cloudwatch-scrape-response-left-open',
              'an edit drops the close of the scrape target\'s response, so every scrape leaves a connection to the '
              'target open until its file descriptors run out', 'edit'),
             (2, 'go-00-prometheus-to-cloudwatch-logs-every-skipped-metric',
              'an edit logs each metric of an unsupported type inside the publishing loop instead of one count per '
              'cycle', 'edit'),
             (0, 'go-ok-00-prometheus-to-cloudwatch-scrape-response-closed',
              'clean: the fix closes the scrape target\'s response', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-01 / TMO-03: exporter shutdown of a managed Prometheus collector (prometheus-engine)
GMPEXPORT = template('prometheus-engine-export-run', r'''
// Run sends exported samples to Cloud Monitoring until ctx is cancelled. It must be called once. On cancellation
// the samples the shards still hold are sent within the shutdown grace period before Run returns, so a collector
// that is shutting down does not drop what it has already buffered.
func (e *Exporter) Run(ctx context.Context) error {
    defer e.close()

    timer := time.NewTimer(batchDelayMax)
    defer timer.Stop()

    for {
        select {
        case <-ctx.Done(): //@{1}OPS-01
02|            // ctx is cancelled: the remaining sends get a context of their own, bounded by the grace period.
0|            drainCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.opts.ShutdownGracePeriod)
2|            drainCtx, _ := context.WithTimeout(context.WithoutCancel(ctx), e.opts.ShutdownGracePeriod) //@TMO-03
02|            e.drainShards(drainCtx)
0|            cancel()
            return nil
        case <-e.nextc:
            e.triggerNext()
        case <-timer.C:
            e.triggerNext()
            timer.Reset(batchDelayMax)
        }
    }
}

// drainShards sends every sample still queued in the shards, batch by batch, until they are empty or ctx expires.
func (e *Exporter) drainShards(ctx context.Context) {
    for _, shard := range e.shards {
        for {
            batch := shard.take(e.opts.BatchSize)
            if len(batch) == 0 {
                break
            }
            if err := e.send(ctx, batch); err != nil {
                e.logger.Warn("sending remaining samples at shutdown failed", "err", err, "samples", len(batch))
                return
            }
        }
    }
}
''')
cases_of(case, GH + 'GoogleCloudPlatform/prometheus-engine/pull/125', 'pkg/export/export.go',
         G('export', ['context', 'time'])(GMPEXPORT), [
             (1, 'go-00-prometheus-engine-exporter-stops-without-draining',
              'an edit returns from Run as soon as its context is cancelled, dropping the samples the shards still '
              'hold', 'edit'),
             (2, 'go-00-prometheus-engine-exporter-drain-cancel-dropped',
              'an edit discards the cancel function of the drain\'s timeout context', 'edit'),
             (0, 'go-ok-00-prometheus-engine-exporter-drains-shards',
              'clean: the fix sends the shards\' remaining samples within the grace period on shutdown', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: concurrent flushing of a log shipper's output plugin (amazon-kinesis-streams-for-fluent-bit), new file
KINCONC = template('kinesis-fluent-bit-concurrent-flush', r'''
// concurrentFlusher sends chunks to Kinesis on background goroutines when experimental_concurrency is set, so that
// Fluent Bit's single engine thread is not held by the PutRecords calls. At most cap(slots) sends run at a time; a
// send that fails is counted and logged, and Wait reports the last failure when the plugin exits.
type concurrentFlusher struct {
    out    *kinesis.OutputPlugin
    slots  chan struct{}
    wg     sync.WaitGroup
    failed atomic.Int64
    logger *logrus.Entry

    mu      sync.Mutex
    lastErr error
}

func newConcurrentFlusher(out *kinesis.OutputPlugin, concurrency int) *concurrentFlusher {
    return &concurrentFlusher{
        out:    out,
        slots:  make(chan struct{}, concurrency),
        logger: logrus.WithField("stream", out.StreamName()),
    }
}

// flushAsync sends records on a goroutine of its own once a slot is free.
func (c *concurrentFlusher) flushAsync(records []*kinesis.Record) {
    c.slots <- struct{}{}
    c.wg.Add(1)
    go func() { //@{1}CONC-06 //@{2}CONC-01
        defer c.wg.Done()
        defer func() { <-c.slots }()
01|        defer c.recoverFlush(len(records))
02|        c.record(len(records), c.out.Flush(records))
1|        c.out.Flush(records)
    }()
}

// recoverFlush turns a panic of a background send into a failed send, so one bad record cannot take Fluent Bit down
// with the plugin.
func (c *concurrentFlusher) recoverFlush(records int) {
    if r := recover(); r != nil {
        c.record(records, fmt.Errorf("flush panicked: %v", r))
    }
}

func (c *concurrentFlusher) record(records int, err error) {
    if err == nil {
        return
    }
    c.failed.Add(1)
    c.logger.WithError(err).WithField("records", records).Error("concurrent flush to Kinesis failed")
    c.mu.Lock()
    c.lastErr = err
    c.mu.Unlock()
}

// Failed is the number of background sends that failed since the plugin started.
func (c *concurrentFlusher) Failed() int64 {
    return c.failed.Load()
}

// Wait blocks until every background send has returned and reports the last failure, for FLBPluginExit.
func (c *concurrentFlusher) Wait() error {
    c.wg.Wait()
    c.mu.Lock()
    defer c.mu.Unlock()
    return c.lastErr
}
''')
cases_of(case, GH + 'aws/amazon-kinesis-streams-for-fluent-bit/pull/28', 'concurrent_flush.go',
         G('main', ['fmt', 'sync', 'sync/atomic', '', 'github.com/aws/amazon-kinesis-streams-for-fluent-bit/kinesis',
                    'github.com/sirupsen/logrus'])(KINCONC), [
             (1, 'go-00-kinesis-fluent-bit-concurrent-flush-result-dropped',
              'a new file sends chunks on background goroutines and drops each send\'s result, so failed sends are '
              'never counted, logged or reported at exit', 'new'),
             (2, 'go-00-kinesis-fluent-bit-concurrent-flush-without-recover',
              'a new file sends chunks on background goroutines without recovering a panic of the send', 'new'),
             (0, 'go-ok-00-kinesis-fluent-bit-concurrent-flush-results-kept',
              'clean: background sends record their failures and recover a panic; Wait reports the last failure',
              'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: HTTP client of a log forwarding output plugin (newrelic-fluent-bit-output)
NRCLIENT = template('newrelic-fluent-bit-client', r'''
// NRClient posts compressed log payloads to the New Relic Logs API.
type NRClient struct {
    client   *http.Client
    endpoint string
    config   config.NRClientConfig
}

// NewNRClient builds the client the plugin uses for every payload. Its timeout bounds one request, so an endpoint
// that stops answering makes the flush fail and Fluent Bit retry the chunk instead of holding the engine.
func NewNRClient(cfg config.NRClientConfig, proxyCfg config.ProxyConfig) (*NRClient, error) {
    transport, err := buildHttpTransport(proxyCfg, cfg.Endpoint)
    if err != nil {
        return nil, err
    }
    return &NRClient{
        client: &http.Client{ //@{1}TMO-01
            Transport: transport,
02|            Timeout:   time.Duration(cfg.TimeoutMillis) * time.Millisecond,
        },
        endpoint: cfg.Endpoint,
        config:   cfg,
    }, nil
}

// Send posts every payload and returns how many were accepted.
func (c *NRClient) Send(ctx context.Context, payloads []*bytes.Buffer) (int, error) {
    sent := 0
    for _, payload := range payloads {
        status, err := c.sendPayload(ctx, payload)
        if err != nil {
01|            log.WithField("status", status).WithError(err).Error("Error making HTTP request to New Relic")
2|            log.Error("Error making HTTP request to New Relic (status " + strconv.Itoa(status) + "): " + err.Error()) //@LOG-02
            return sent, err
        }
        sent++
    }
    return sent, nil
}

func (c *NRClient) sendPayload(ctx context.Context, payload *bytes.Buffer) (int, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, payload)
    if err != nil {
        return 0, err
    }
    req.Header.Add("Content-Type", "application/json")
    req.Header.Add("Content-Encoding", "gzip")
    if c.config.UseApiKey {
        req.Header.Add("X-Insert-Key", c.config.ApiKey)
    } else {
        req.Header.Add("X-License-Key", c.config.LicenseKey)
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return 0, err
    }
    defer resp.Body.Close()
    _, _ = io.Copy(io.Discard, resp.Body)
    if resp.StatusCode/100 != 2 {
        return resp.StatusCode, fmt.Errorf("New Relic Logs API answered %s", resp.Status)
    }
    return resp.StatusCode, nil
}
''')
_NR = ['bytes', 'context', 'fmt', 'io', 'net/http', 'time', '',
       'github.com/newrelic/newrelic-fluent-bit-output/config', 'log github.com/sirupsen/logrus']
cases_of(case, GH + 'newrelic/newrelic-fluent-bit-output/pull/111', 'nrclient/nrclient.go',
         GV('nrclient', {0: _NR, 1: [i for i in _NR if i != 'time'], 2: _NR[:4] + ['net/http', 'strconv', 'time'] + _NR[6:]})(NRCLIENT), [
             (1, 'go-00-newrelic-fluent-bit-client-without-timeout',
              'an edit builds the Logs API client without a timeout, so a request that never answers holds the flush '
              'for good', 'edit'),
             (2, 'go-00-newrelic-fluent-bit-send-error-logged-concatenated',
              'an edit logs a failed request by string concatenation', 'edit'),
             (0, 'go-ok-00-newrelic-fluent-bit-client-with-timeout',
              'clean: the fix gives the Logs API client the configured timeout', 'fix'),
         ])
