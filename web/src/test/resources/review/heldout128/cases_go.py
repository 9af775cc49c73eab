"""Round-128 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / TMO-02: car-to-MQTT gateway's connection to the car (phev2mqtt)
PHEVCLIENT = template('phev2mqtt-client-connect', r'''
// ErrClosed is returned by sends on a client that is closing.
var ErrClosed = errors.New("client closed")

const dialTimeout = 10 * time.Second

// Client is one connection to the car's wifi module. The car serves a single client at a time, so a connection that
// is not closed keeps every later handshake out until the gateway restarts.
type Client struct {
    Recv    chan *protocol.PhevMessage
    Send    chan *protocol.PhevMessage
    address string
    conn    net.Conn
    done    chan struct{}
    closeMu sync.Once
}

// Connect dials the car and registers this gateway as its client.
func (c *Client) Connect() error {
    conn, err := net.DialTimeout("tcp", c.address, dialTimeout)
    if err != nil {
        return err
    }
    if err := c.register(conn); err != nil { //@{1}RES-01
02|        conn.Close()
        return fmt.Errorf("registering with the car: %w", err)
    }
    c.conn = conn
    return nil
}

// SendMessage queues a message for the writer. Once the connection is closing the writer is gone, so the send gives up
// instead of blocking the reader and the pinger behind it.
func (c *Client) SendMessage(msg *protocol.PhevMessage) error {
01|    select {
01|    case c.Send <- msg:
01|        return nil
01|    case <-c.done:
01|        return ErrClosed
01|    }
2|    c.Send <- msg //@TMO-02
2|    return nil
}

// Close stops the writer and the pinger and closes the connection; it is safe to call more than once.
func (c *Client) Close() {
    c.closeMu.Do(func() {
        close(c.done)
        if c.conn != nil {
            c.conn.Close()
        }
    })
}
''')
_PHEV = ['errors', 'fmt', 'net', 'sync', 'time', '', 'github.com/buxtronix/phev2mqtt/protocol']
cases_of(case, GH + 'buxtronix/phev2mqtt/pull/62', 'client/client.go',
         G('client', _PHEV)(PHEVCLIENT), [
             (1, 'go-00-phev2mqtt-failed-registration-leaves-connection-open',
              'an edit drops the close of the dialled connection when registering with the car fails, so the car keeps '
              'its single client slot for the dead connection and refuses every later handshake', 'edit'),
             (2, 'go-00-phev2mqtt-send-blocks-after-close',
              'an edit sends to the writer channel without watching the done channel, so a dead writer blocks the '
              'pinger and the reader behind it for good', 'edit'),
             (0, 'go-ok-00-phev2mqtt-failed-registration-closes-connection',
              'clean: the fix closes the dialled connection when registration fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: Redfish fetch of a BMC metrics exporter (fishymetrics)
FISHYFETCH = template('fishymetrics-redfish-fetch', r'''
// fetchJSON asks a BMC's Redfish API for one resource. The pool's workers call it for every task of every scrape, and
// a large share of the BMCs behind one exporter answer with errors, so the error paths run as often as the good one.
func fetchJSON(ctx context.Context, client *retryablehttp.Client, uri, user, pass string) ([]byte, error) {
    req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
    if err != nil {
        return nil, err
    }
    req.SetBasicAuth(user, pass)
    req.Header.Add("Accept", "application/json")

    resp, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("fetching %s: %w", uri, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK { //@{1}RES-02
        return nil, fmt.Errorf("fetching %s: unexpected status %d", uri, resp.StatusCode)
    }

01|    body, err := io.ReadAll(resp.Body)
1|    resp.Body.Close()
01|    if err != nil {
01|        return nil, fmt.Errorf("reading %s: %w", uri, err)
01|    }
2|    body, _ := io.ReadAll(resp.Body) //@ERR-01
    return body, nil
}
''')
_FISHY = ['context', 'fmt', 'io', 'net/http', '', 'github.com/hashicorp/go-retryablehttp']
cases_of(case, GH + 'Comcast/fishymetrics/pull/115', 'common/fetch.go',
         G('common', _FISHY)(FISHYFETCH), [
             (1, 'go-00-fishymetrics-error-status-body-left-open',
              'an edit closes the Redfish response body only after reading it, so every error status from a broken BMC '
              'leaves its body open and its connection out of the pool', 'edit'),
             (2, 'go-00-fishymetrics-read-error-dropped',
              'an edit discards the error of reading the Redfish body and hands a truncated payload to the parser',
              'edit'),
             (0, 'go-ok-00-fishymetrics-body-closed-on-every-path',
              'clean: the fix defers the close right after the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: energy collector's sampling loop (kepler)
KEPLERCOLL = template('kepler-collector-update', r'''
// Start samples the energy and resource counters every interval until ctx ends. Prometheus scrapes read the same maps
// through Collect, on the HTTP server's goroutines, so every access holds c.mu.
func (c *Collector) Start(ctx context.Context) {
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                klog.Errorf("kepler sampling loop stopped by a panic: %v\n%s", r, debug.Stack())
01|            }
01|        }()
        ticker := time.NewTicker(c.interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
                c.Update()
            }
        }
    }()
}

// Update folds the latest sample into the per-process and per-container stats.
func (c *Collector) Update() {
    processes := c.sampleProcesses()
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    for pid, sample := range processes { //@{1}CONC-03
        ps, ok := c.ProcessStats[pid]
        if !ok {
            ps = stats.NewProcessStats(pid, sample.Command, sample.ContainerID)
            c.ProcessStats[pid] = ps
        }
        ps.Add(sample)
        c.ContainerStats[sample.ContainerID].Aggregate(ps)
    }
}

// Collect sends the current stats to a Prometheus scrape.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
    c.mu.Lock()
    defer c.mu.Unlock()
    for _, stats := range c.ProcessStats {
        c.describer.collectProcess(ch, stats)
    }
    for _, stats := range c.ContainerStats {
        c.describer.collectContainer(ch, stats)
    }
}
''')
_KEPLER = {0: ['context', 'runtime/debug', 'time', '', 'github.com/prometheus/client_golang/prometheus', 'github.com/sustainable-computing-io/kepler/pkg/collector/stats', 'k8s.io/klog/v2'],
           2: ['context', 'time', '', 'github.com/prometheus/client_golang/prometheus',
               'github.com/sustainable-computing-io/kepler/pkg/collector/stats']}
_KEPLER[1] = _KEPLER[0]
cases_of(case, GH + 'sustainable-computing-io/kepler/pull/1951', 'pkg/collector/collector.go',
         GV('collector', _KEPLER)(KEPLERCOLL), [
             (1, 'go-00-kepler-update-writes-stats-unlocked',
              'an edit drops the collector lock from Update, so a scrape iterates the process and container maps while '
              'the sampling loop inserts into them', 'edit'),
             (2, 'go-00-kepler-sampling-goroutine-without-recover',
              'an edit drops the recover of the sampling goroutine, so one panic in a sample kills the exporter',
              'edit'),
             (0, 'go-ok-00-kepler-update-locked',
              'clean: the fix holds the collector lock while folding the sample into the maps', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: SignalFlow streaming client (signalfx-go), renamed file
SFXCLIENT = template('signalfx-signalflow-client', r'''
// Execute starts a SignalFlow computation and returns a handle that streams its data. The request waits for the
// server's acknowledgement for at most the client's request timeout.
func (c *Client) Execute(ctx context.Context, req *ExecuteRequest) (*Computation, error) {
01|    ctx, cancel := context.WithTimeout(ctx, c.requestTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.requestTimeout) //@TMO-03
    if req.Channel == "" {
        req.Channel = c.nextChannelName()
    }
    ch := c.registerChannel(req.Channel)
    if err := c.serializeAndWriteMessage(ctx, req); err != nil {
        c.unregisterChannel(req.Channel)
        return nil, err
    }
    return newComputation(ch, req.Channel, c), nil
}

// Close stops the client's loops and closes the websocket. The run loop and the connection loop both watch the
// client's context; Close returns once they have exited, so no goroutine of the client outlives it.
func (c *Client) Close() {
    c.Lock()
    if c.isClosed {
        c.Unlock()
        return
    }
    c.isClosed = true
    c.Unlock()

    c.cancel() //@{1}OPS-01
02|    c.wg.Wait()
    c.conn.Close()
}
''')
_SFX = ['context']
cases_of(case, GH + 'signalfx/signalfx-go/pull/190', 'signalflow/v2/client.go',
         G('signalflow', _SFX)(SFXCLIENT), [
             (1, 'go-00-signalfx-renamed-close-does-not-wait',
              'a move of the SignalFlow client into v2 whose Close cancels the loops without waiting for them, so '
              'closed clients leave their goroutines running', 'rename'),
             (2, 'go-00-signalfx-renamed-execute-cancel-dropped',
              'a move of the SignalFlow client into v2 whose Execute discards the cancel of its request timeout',
              'rename'),
             (0, 'go-ok-00-signalfx-renamed-close-waits',
              'clean: the move alone; Close waits for the loops and Execute cancels its timeout', 'rename'),
         ], rename_from='signalflow/client.go')


# ---------------------------------------------------------------- CONC-03 / LOG-02: custom health-check gauges (active-monitor), CRLF file
ACTIVEMON = template('active-monitor-custom-gauges', r'''
var (
    customGaugeMetricsMap     = map[string]*prometheus.GaugeVec{}
    customGaugeMetricsMapLock sync.RWMutex
)

// CreateDynamicPrometheusMetric registers a gauge for a custom health-check metric the first time it is reported and
// sets its value. Up to MaxConcurrentReconciles reconcilers call it at once.
func CreateDynamicPrometheusMetric(name, help string, value float64, labels prometheus.Labels, log logr.Logger) error {
    metricName := promMetricName(name)
02|    customGaugeMetricsMapLock.Lock()
    if _, ok := customGaugeMetricsMap[metricName]; !ok { //@{1}CONC-03
        gauge := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: metricName, Help: help}, labelNames(labels))
        if err := metrics.Registry.Register(gauge); err != nil {
02|            customGaugeMetricsMapLock.Unlock()
            return fmt.Errorf("registering custom metric %s: %w", metricName, err)
        }
        customGaugeMetricsMap[metricName] = gauge
    }
02|    customGaugeMetricsMapLock.Unlock()

02|    customGaugeMetricsMapLock.RLock()
02|    defer customGaugeMetricsMapLock.RUnlock()
    customGaugeMetricsMap[metricName].With(labels).Set(value)
01|    log.V(1).Info("set custom gauge", "metric", metricName, "value", value)
2|    log.V(1).Info(fmt.Sprintf("set custom gauge %s to %f with labels %v", metricName, value, labels)) //@LOG-02
    return nil
}
''')
_AM = {0: ['fmt', 'sync', '', 'github.com/go-logr/logr', 'github.com/prometheus/client_golang/prometheus',
           'sigs.k8s.io/controller-runtime/pkg/metrics']}
_AM[1] = _AM[2] = _AM[0]
cases_of(case, GH + 'keikoproj/active-monitor/pull/298', 'internal/metrics/collector.go',
         GV('metrics', _AM)(ACTIVEMON), [
             (1, 'go-00-active-monitor-custom-gauge-map-unlocked',
              'an edit registers and sets custom gauges without the map lock, so concurrent reconcilers read and insert '
              'into the gauge map at once', 'edit'),
             (2, 'go-00-active-monitor-gauge-debug-line-formatted',
              'an edit formats the per-update debug line with fmt.Sprintf before the verbosity check', 'edit'),
             (0, 'go-ok-00-active-monitor-custom-gauge-map-locked',
              'clean: the fix takes the map lock around the check-then-insert and the lookup', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / ERR-01: Prometheus metrics of a sampling proxy (refinery)
REFINERYPROM = template('refinery-prom-metrics-register', r'''
// PromMetrics keeps the proxy's Prometheus collectors by name. The router, the collector and the transmission
// goroutines register their metrics while the others are already serving traffic.
type PromMetrics struct {
    Config config.Config `inject:""`
    Logger logger.Logger `inject:""`

    lock    sync.RWMutex
    metrics map[string]interface{}
}

// Register creates a counter, gauge or histogram under the name the first time anyone asks for it.
func (p *PromMetrics) Register(name string, metricType string) {
02|    p.lock.Lock()
02|    defer p.lock.Unlock()
    if _, exists := p.metrics[name]; exists { //@{1}CONC-03
        return
    }

    var newmet prometheus.Collector
    switch metricType {
    case "counter":
        newmet = prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: name})
    case "gauge":
        newmet = prometheus.NewGauge(prometheus.GaugeOpts{Name: name, Help: name})
    case "histogram":
        newmet = prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: name})
    default:
        p.Logger.Error().WithField("name", name).Logf("unknown metric type %q", metricType)
        return
    }
01|    if err := prometheus.Register(newmet); err != nil {
01|        p.Logger.Error().WithField("name", name).Logf("failed to register metric: %v", err)
01|        return
01|    }
2|    prometheus.Register(newmet) //@ERR-01
    p.metrics[name] = newmet
}
''')
_REF = ['sync', '', 'github.com/honeycombio/refinery/config', 'github.com/honeycombio/refinery/logger',
        'github.com/prometheus/client_golang/prometheus']
cases_of(case, GH + 'honeycombio/refinery/pull/89', 'metrics/prometheus.go',
         G('metrics', _REF)(REFINERYPROM), [
             (1, 'go-00-refinery-register-writes-map-unlocked',
              'an edit drops the lock from Register, so the router and the collector write the metrics map at once '
              'during start-up', 'edit'),
             (2, 'go-00-refinery-register-error-dropped',
              'an edit discards the error of registering the collector and stores a metric Prometheus never exports',
              'edit'),
             (0, 'go-ok-00-refinery-register-locked',
              'clean: the fix holds the lock for the whole check-and-insert', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-01: check poller of a Pingdom exporter (prometheus-pingdom-exporter)
PINGDOMSRV = template('pingdom-exporter-server-run', r'''
// requestTimeout bounds each call to the Pingdom API; the poller waits waitSeconds between rounds.
const requestTimeout = 30 * time.Second

func serverRun(cmd *cobra.Command, args []string) {
    flag.Parse()

01|    httpClient := &http.Client{Timeout: requestTimeout}
2|    httpClient := &http.Client{} //@TMO-01
    client, err := pingdom.NewClientWithConfig(pingdom.ClientConfig{
        User:       serverFlags.username,
        Password:   serverFlags.password,
        APIKey:     serverFlags.token,
        HTTPClient: httpClient,
    })
    if err != nil {
        log.Fatalf("creating the Pingdom client: %v", err)
    }

    prometheus.MustRegister(pingdomUp, pingdomCheckStatus, pingdomCheckResponseTime)

    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Printf("pingdom poller stopped by a panic, exiting so the supervisor restarts it: %v", r)
02|                os.Exit(1)
02|            }
02|        }()
        for {
            pollChecks(client)
            time.Sleep(time.Duration(serverFlags.waitSeconds) * time.Second)
        }
    }()

    http.Handle("/metrics", promhttp.Handler())
    log.Fatal(http.ListenAndServe(":"+strconv.Itoa(serverFlags.port), nil))
}
''')
_PD = {0: ['flag', 'log', 'net/http', 'os', 'strconv', 'time', '', 'github.com/prometheus/client_golang/prometheus',
           'github.com/prometheus/client_golang/prometheus/promhttp', 'github.com/russellcardullo/go-pingdom/pingdom',
           'github.com/spf13/cobra']}
_PD[2] = _PD[0]
_PD[1] = [i for i in _PD[0] if i != 'os']
cases_of(case, GH + 'giantswarm/prometheus-pingdom-exporter/issues/8', 'cmd/server.go',
         GV('cmd', _PD)(PINGDOMSRV), [
             (1, 'go-00-pingdom-exporter-poller-without-recover',
              'an edit drops the recover of the check poller, so a nil dereference in the Pingdom client takes the '
              'exporter down in the night', 'edit'),
             (2, 'go-00-pingdom-exporter-client-without-timeout',
              'an edit hands the Pingdom client an http.Client without a timeout, so one hung API call stops the poller',
              'edit'),
             (0, 'go-ok-00-pingdom-exporter-poller-recovers',
              'clean: the fix recovers and logs the poller\'s panic before exiting for the supervisor', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / LOG-01: ClickHouse metrics exporter of an OTel collector (signoz-otel-collector)
SIGNOZEXP = template('signoz-clickhouse-metrics-exporter', r'''
// PushMetrics converts one batch and writes it to ClickHouse. Shutdown waits for the batches in flight, so it counts
// each one in e.wg before looking at the close channel.
func (e *ClickHouseExporter) PushMetrics(ctx context.Context, md pmetric.Metrics) error {
    e.wg.Add(1)
    defer e.wg.Done()
    select {
    case <-e.closeChan:
        return errors.New("shutdown has been called")
    default:
    }

    series := e.convert(md)
    if err := e.ch.Write(ctx, series); err != nil {
2|        e.logger.Error("failed to write series to ClickHouse", zap.Int("series", len(series)), zap.Any("batch", series), zap.Error(err)) //@LOG-01
        e.writeErrors.Add(ctx, 1)
        return fmt.Errorf("writing %d series to ClickHouse: %w", len(series), err)
    }
    return nil
}

// Shutdown stops accepting batches, waits for those in flight, then closes the connection.
func (e *ClickHouseExporter) Shutdown(context.Context) error {
    e.closeOnce.Do(func() { close(e.closeChan) }) //@{1}OPS-01
02|    e.wg.Wait()
    return e.ch.Close()
}
''')
_SZ = ['context', 'errors', 'fmt', '', 'go.opentelemetry.io/collector/pdata/pmetric', 'go.uber.org/zap']
cases_of(case, GH + 'SigNoz/signoz-otel-collector/issues/60', 'exporter/clickhousemetricsexporter/exporter.go',
         G('clickhousemetricsexporter', _SZ)(SIGNOZEXP), [
             (1, 'go-00-signoz-shutdown-does-not-wait-for-writes',
              'an edit closes the ClickHouse connection at shutdown without waiting for the batches in flight, so the '
              'last writes fail and their metrics are lost', 'edit'),
             (2, 'go-00-signoz-logs-every-failed-batch',
              'an edit logs every failed ClickHouse write at error with the whole batch attached, once per batch',
              'edit'),
             (0, 'go-ok-00-signoz-shutdown-waits-for-writes',
              'clean: the fix waits for the batches in flight before closing the connection', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: servo controller over a serial port (sers), new file
SERSSERVO = template('sers-servo-send-command', r'''
// Port is the part of the serial port the servo driver needs: sers ports and net.Conn both satisfy it.
type Port interface {
    io.ReadWriter
    SetReadDeadline(t time.Time) error
}

// Servo drives a serial servo controller. Commands and replies share one port, so a command holds commMu until its
// reply is read.
type Servo struct {
    commMu       sync.Mutex
    comm         Port
    replyTimeout time.Duration
}

// New returns a driver for the controller on port; a reply that takes longer than replyTimeout fails the command.
func New(port Port, replyTimeout time.Duration) *Servo {
    return &Servo{comm: port, replyTimeout: replyTimeout}
}

// SendCommand writes command to the controller and reads the reply into r, when r is not nil. A controller that was
// unplugged or powered down never answers, so the read must not outlive replyTimeout.
func (p *Servo) SendCommand(command string, r []byte) error {
    p.commMu.Lock()
    defer p.commMu.Unlock()

    if command != "" {
        if _, err := p.comm.Write([]byte(command)); err != nil {
            return fmt.Errorf("writing %q: %w", command, err)
        }
    }
    if r == nil {
        return nil
    }
0|    if err := p.comm.SetReadDeadline(time.Now().Add(p.replyTimeout)); err != nil {
0|        return fmt.Errorf("setting the reply deadline: %w", err)
0|    }
2|    p.comm.SetReadDeadline(time.Now().Add(p.replyTimeout)) //@ERR-01
    if _, err := io.ReadFull(p.comm, r); err != nil { //@{1}TMO-01
        return fmt.Errorf("reading the reply to %q: %w", command, err)
    }
    return nil
}
''')
_SERS = ['fmt', 'io', 'sync', 'time']
cases_of(case, GH + 'distributed/sers/issues/9', 'examples/servo/servo.go',
         G('servo', _SERS)(SERSSERVO), [
             (1, 'go-00-sers-new-servo-reply-read-without-deadline',
              'a new servo driver reads the controller\'s reply with no read deadline, so an unplugged controller '
              'blocks the command, and every command queued behind its lock, for good', 'new'),
             (2, 'go-00-sers-new-servo-deadline-error-dropped',
              'a new servo driver discards the error of setting the reply deadline and reads without one on ports that '
              'refuse it', 'new'),
             (0, 'go-ok-00-sers-new-servo-reply-bounded',
              'clean: a new servo driver bounds every reply read with a deadline and checks setting it', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / OPS-01: client-side aggregator of a statsd client (datadog-go)
DDAGG = template('datadog-go-aggregator-flush-loop', r'''
// flushLoop sends the aggregated contexts every interval until stop closes a.closed; start runs it on its own
// goroutine with a.wg counted.
func (a *aggregator) flushLoop(interval time.Duration) {
    defer a.wg.Done()
    ticker := time.NewTicker(interval) //@{1}RES-01
02|    defer ticker.Stop()
    for {
        select {
        case <-ticker.C:
            a.sendMetrics()
        case <-a.closed:
            return
        }
    }
}

// stop ends the flush loop and sends what was aggregated since the last tick. Clients are created and closed often,
// so a loop or a ticker left behind by one adds up.
func (a *aggregator) stop() {
    close(a.closed) //@{2}OPS-01
01|    a.wg.Wait()
    a.sendMetrics()
}
''')
_DD_TEST = go('statsd', ['testing', 'time', '', 'github.com/stretchr/testify/assert'], r"""
func TestAggregatorStopSendsPendingContexts(t *testing.T) {
    sender := &recordingSender{}
    a := newAggregator(sender)
    a.start(time.Hour)

    a.count("requests", 3, []string{"env:test"}, 1)
    a.stop()

    assert.Equal(t, 1, sender.flushes(), "stop sends what was aggregated since the last tick")
    assert.Equal(t, int64(3), sender.lastCount("requests"))
}
""")
cases_of(case, GH + 'DataDog/datadog-go/pull/269', 'statsd/aggregator.go',
         G('statsd', ['time'])(DDAGG), [
             (1, 'go-00-datadog-go-aggregator-ticker-left-running',
              'an edit drops the ticker\'s stop from the flush loop, so every closed client leaves a live ticker '
              'behind', 'edit'),
             (2, 'go-00-datadog-go-aggregator-stop-does-not-wait',
              'an edit makes stop flush without waiting for the loop, so the final send races the loop\'s last tick',
              'edit'),
             (0, 'go-ok-00-datadog-go-aggregator-ticker-stopped',
              'clean: the fix stops the ticker when the loop ends; a test checks stop sends the last contexts', 'fix',
              [f('statsd/aggregator_stop_test.go', new=_DD_TEST)]),
         ])
