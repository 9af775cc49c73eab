"""Round-80 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / ERR-01: time-based log file rotation (file-rotatelogs)
ROTATELOGS = template('file-rotatelogs-writer', r'''
// RotateLogs writes to a file named after the current rotation period and switches files when the period changes.
type RotateLogs struct {
    mutex        sync.Mutex
    pattern      string
    linkName     string
    rotationTime time.Duration
    curFn        string
    generation   int
    outFh        *os.File
}

// Write satisfies io.Writer, opening the file of the current period first when the period changed.
func (rl *RotateLogs) Write(p []byte) (n int, err error) {
    rl.mutex.Lock()
    defer rl.mutex.Unlock()

    out, err := rl.getWriterNolock(false, false)
    if err != nil {
        return 0, fmt.Errorf("failed to acquire target io.Writer: %w", err)
    }
    return out.Write(p)
}

func (rl *RotateLogs) genFilename() string {
    return time.Now().UTC().Truncate(rl.rotationTime).Format(rl.pattern)
}

func (rl *RotateLogs) getWriterNolock(bailOnRotateFail, useGenerationalNames bool) (io.Writer, error) {
    generation := rl.generation
    baseFn := rl.genFilename()
    filename := baseFn
    if baseFn != rl.curFn {
        generation = 0
    } else {
        if !useGenerationalNames {
            return rl.outFh, nil
        }
        generation++
        filename = fmt.Sprintf("%s.%d", baseFn, generation)
    }

    if err := os.MkdirAll(filepath.Dir(filename), 0o755); err != nil {
        return nil, fmt.Errorf("failed to create directory for %s: %w", filename, err)
    }
    fh, err := os.OpenFile(filename, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("failed to open file %s: %w", filename, err)
    }
0|    if err := rl.rotateNolock(filename); err != nil {
0|        err = fmt.Errorf("failed to rotate: %w", err)
0|        if bailOnRotateFail {
0|            fh.Close()
0|            return nil, err
0|        }
0|        fmt.Fprintf(os.Stderr, "%s\n", err)
0|    }
1|    if err := rl.rotateNolock(filename); err != nil && bailOnRotateFail {
1|        return nil, fmt.Errorf("failed to rotate: %w", err)
1|    } else if err != nil {
1|        fmt.Fprintf(os.Stderr, "failed to rotate: %s\n", err)
1|    }
2|    _ = rl.rotateNolock(filename) //@ERR-01

    if rl.outFh != nil {
        rl.outFh.Close()
    }
    rl.outFh = fh
    rl.curFn = baseFn
    rl.generation = generation
    return fh, nil
}

// rotateNolock points the current-log link at the new file.
func (rl *RotateLogs) rotateNolock(filename string) error {
    if rl.linkName == "" {
        return nil
    }
    tmpLinkName := filename + "_symlink"
    if err := os.Symlink(filepath.Base(filename), tmpLinkName); err != nil {
        return fmt.Errorf("failed to create new symlink: %w", err)
    }
    if err := os.Rename(tmpLinkName, rl.linkName); err != nil {
        return fmt.Errorf("failed to rename new symlink: %w", err)
    }
    return nil
}
''')
cases_of(case, GH + 'lestrrat-go/file-rotatelogs/issues/28', 'rotatelogs.go',
         G('rotatelogs', ['fmt', 'io', 'os', 'path/filepath', 'sync', 'time'])(ROTATELOGS), [
             (1, 'go-00-file-rotatelogs-new-file-leaks-when-rotation-fails',
              'an edit folds the rotation error handling into one condition and drops the close of the file just '
              'opened, so every failed rotation with bail-out on leaks a descriptor until the process hits its limit',
              'edit'),
             (2, 'go-00-file-rotatelogs-rotation-error-dropped',
              'an edit discards the error of pointing the link at the new file, so a broken current-log link goes '
              'unreported', 'edit'),
             (0, 'go-ok-00-file-rotatelogs-new-file-closed-on-bail-out',
              'clean: the fix closes the new file before bailing out of a failed rotation', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-04: scrape handler of a RabbitMQ exporter (rabbitmq_exporter), new file
RABBITEXP = template('rabbitmq-exporter-scrape-handler', r'''
const (
    prometheusTimeoutHeader = "X-Prometheus-Scrape-Timeout-Seconds"
    scrapeMargin            = 500 * time.Millisecond
)

// scrapeTimeout is the time one scrape may take: Prometheus' own scrape timeout less a margin, or the default.
func scrapeTimeout(r *http.Request, fallback time.Duration) time.Duration {
    v := r.Header.Get(prometheusTimeoutHeader)
    if v == "" {
        return fallback
    }
    seconds, err := strconv.ParseFloat(v, 64)
    if err != nil || seconds <= 0 {
        log.WithField("header", v).Warn("Invalid scrape timeout header, using the configured timeout")
        return fallback
    }
    d := time.Duration(seconds * float64(time.Second))
    if d > scrapeMargin {
        d -= scrapeMargin
    }
    return d
}

// rabbitClient reads one endpoint of the RabbitMQ management API.
type rabbitClient struct {
    http     *http.Client
    url      string
    user     string
    password string
}

func newRabbitClient(cfg rabbitExporterConfig) *rabbitClient {
    return &rabbitClient{
        http:     &http.Client{Transport: newTransport(cfg), Timeout: cfg.Timeout},
        url:      cfg.RabbitURL,
        user:     cfg.RabbitUsername,
        password: cfg.RabbitPassword,
    }
}

func (c *rabbitClient) get(ctx context.Context, endpoint string) ([]byte, error) {
02|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+"/api/"+endpoint, nil)
1|    req, err := http.NewRequest(http.MethodGet, c.url+"/api/"+endpoint, nil) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.SetBasicAuth(c.user, c.password)
    resp, err := c.http.Do(req)
    if err != nil {
        return nil, fmt.Errorf("retrieving %s: %w", endpoint, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("retrieving %s: status %d", endpoint, resp.StatusCode)
    }
    return io.ReadAll(resp.Body)
}

// scrapeHandler collects the broker's metrics on every request within the scrape's time budget.
type scrapeHandler struct {
    config         rabbitExporterConfig
    client         *rabbitClient
    defaultTimeout time.Duration
}

func (h *scrapeHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    ctx, cancel := context.WithTimeout(r.Context(), scrapeTimeout(r, h.defaultTimeout))
    defer cancel()

01|    client := h.client
2|    client := newRabbitClient(h.config) //@RES-04
    registry := prometheus.NewRegistry()
    registry.MustRegister(newExporter(ctx, client, h.config))
    promhttp.HandlerFor(registry, promhttp.HandlerOpts{ErrorLog: log.StandardLogger()}).ServeHTTP(w, r)
}
''')
cases_of(case, GH + 'kbudde/rabbitmq_exporter/issues/77', 'scrape.go',
         G('main', ['context', 'fmt', 'io', 'net/http', 'strconv', 'time', '',
                    'github.com/prometheus/client_golang/prometheus',
                    'github.com/prometheus/client_golang/prometheus/promhttp', 'log "github.com/sirupsen/logrus"'])(RABBITEXP), [
             (1, 'go-00-rabbitmq-exporter-new-scrape-request-without-context',
              'a new scrape handler derives a deadline from Prometheus\' scrape timeout but builds the management API '
              'requests without it, so a slow broker keeps the exporter busy after Prometheus gave up', 'new'),
             (2, 'go-00-rabbitmq-exporter-new-scrape-client-per-request',
              'a new scrape handler builds a fresh management API client and transport for every scrape, so each '
              'scrape opens new connections to the broker', 'new'),
             (0, 'go-ok-00-rabbitmq-exporter-new-scrape-handler',
              'clean: a new scrape handler that shares one client and passes the scrape\'s deadline to every '
              'request', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: weather API collector of an exporter (openweather-exporter), multi-hunk
OPENWEATHER = template('openweather-exporter-collector', r'''
// OpenweatherCollector asks the OpenWeather API for the current weather of every configured place on each scrape.
type OpenweatherCollector struct {
    ApiKey      string
    DegreesUnit string
    Language    string
    Locations   []Location
    client      *http.Client
    temperature *prometheus.Desc
    humidity    *prometheus.Desc
    pressure    *prometheus.Desc
    windspeed   *prometheus.Desc
}

func NewOpenweatherCollector(degreesUnit, language, apikey string, locations []Location) *OpenweatherCollector {
    labels := []string{"location"}
    return &OpenweatherCollector{
        ApiKey:      apikey,
        DegreesUnit: degreesUnit,
        Language:    language,
        Locations:   locations,
02|        client:      &http.Client{Timeout: 30 * time.Second},
1|        client:      &http.Client{}, //@TMO-01
        temperature: prometheus.NewDesc("openweather_temperature", "Current temperature in degrees", labels, nil),
        humidity:    prometheus.NewDesc("openweather_humidity", "Current relative humidity", labels, nil),
        pressure:    prometheus.NewDesc("openweather_pressure", "Current atmospheric pressure in hPa", labels, nil),
        windspeed:   prometheus.NewDesc("openweather_windspeed", "Current wind speed", labels, nil),
    }
}

func (collector *OpenweatherCollector) Describe(ch chan<- *prometheus.Desc) {
    ch <- collector.temperature
    ch <- collector.humidity
    ch <- collector.pressure
    ch <- collector.windspeed
}

func (collector *OpenweatherCollector) current(loc Location) (*currentWeather, error) {
    q := url.Values{}
    q.Set("lat", strconv.FormatFloat(loc.Latitude, 'f', -1, 64))
    q.Set("lon", strconv.FormatFloat(loc.Longitude, 'f', -1, 64))
    q.Set("units", collector.DegreesUnit)
    q.Set("lang", collector.Language)
    q.Set("appid", collector.ApiKey)
    resp, err := collector.client.Get("https://api.openweathermap.org/data/2.5/weather?" + q.Encode())
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("openweather answered %s for %s", resp.Status, loc.Location)
    }
    var w currentWeather
    if err := json.NewDecoder(resp.Body).Decode(&w); err != nil {
        return nil, fmt.Errorf("decoding weather of %s: %w", loc.Location, err)
    }
    return &w, nil
}

func (collector *OpenweatherCollector) Collect(ch chan<- prometheus.Metric) {
    for _, loc := range collector.Locations {
        w, err := collector.current(loc)
        if err != nil {
            log.Infof("Could not read the weather of %s: %v", loc.Location, err)
            continue
        }
        ch <- prometheus.MustNewConstMetric(collector.temperature, prometheus.GaugeValue, w.Main.Temp, loc.Location)
        ch <- prometheus.MustNewConstMetric(collector.humidity, prometheus.GaugeValue, w.Main.Humidity, loc.Location)
        ch <- prometheus.MustNewConstMetric(collector.pressure, prometheus.GaugeValue, w.Main.Pressure, loc.Location)
        ch <- prometheus.MustNewConstMetric(collector.windspeed, prometheus.GaugeValue, w.Wind.Speed, loc.Location)
    }
}
''')
_OW = ['encoding/json', 'fmt', 'net/http', 'net/url', 'strconv']
_OW3 = ['', 'github.com/prometheus/client_golang/prometheus', 'log "github.com/sirupsen/logrus"']
cases_of(case, GH + 'billykwooten/openweather-exporter/pull/17', 'collector/collector.go',
         GV('collector', {0: _OW + ['time'] + _OW3, 1: _OW + _OW3, 2: _OW + ['time'] + _OW3})(OPENWEATHER), [
             (1, 'go-00-openweather-exporter-client-without-timeout',
              'an edit gives the weather collector a client without any timeout (and drops the now unused time '
              'import), so an API that stops answering hangs every later scrape', 'edit'),
             (2, 'go-00-openweather-exporter-response-never-closed',
              'an edit drops the close of the weather response, so every scrape leaves one connection behind per '
              'place', 'edit'),
             (0, 'go-ok-00-openweather-exporter-client-bounded',
              'clean: the fix gives the collector\'s client a thirty-second timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: Prometheus scraper of a metrics agent (loggregator-agent-release), moved code
PROMSCRAPER = template('loggregator-prom-scraper', r'''
// Scraper reads the Prometheus metrics of every target the provider returns and emits them as loggregator envelopes.
type Scraper struct {
    sourceID       string
    targetProvider TargetProvider
    metricsGetter  MetricsGetter
    metricsEmitter MetricsEmitter
}

func NewScraper(sourceID string, t TargetProvider, e MetricsEmitter, g MetricsGetter) *Scraper {
    return &Scraper{sourceID: sourceID, targetProvider: t, metricsEmitter: e, metricsGetter: g}
}

// Scrape reads every target once; the errors of failed targets are returned together.
func (s *Scraper) Scrape() error {
    var errs []string
    for _, t := range s.targetProvider() {
01|        if err := s.scrape(t); err != nil {
01|            errs = append(errs, fmt.Sprintf("[id: %s, instance_id: %s, metric_url: %s]: %s", t.ID, t.InstanceID, t.MetricURL, err))
01|        }
2|        s.scrape(t) //@ERR-01
    }
    if len(errs) > 0 {
        return fmt.Errorf("scrape errors:\n%s", strings.Join(errs, "\n"))
    }
    return nil
}

func (s *Scraper) scrape(t Target) error {
    resp, err := s.metricsGetter(t.MetricURL)
    if err != nil { //@{1}RES-02
        return err
    }
1|    if resp.StatusCode != http.StatusOK {
1|        return fmt.Errorf("unexpected status code %d", resp.StatusCode)
1|    }
    defer resp.Body.Close()
02|    if resp.StatusCode != http.StatusOK {
02|        return fmt.Errorf("unexpected status code %d", resp.StatusCode)
02|    }

    var parser expfmt.TextParser
    families, err := parser.TextToMetricFamilies(resp.Body)
    if err != nil {
        return fmt.Errorf("parsing metrics: %w", err)
    }
    for _, family := range families {
        for _, envelope := range toEnvelopes(s.sourceID, t, family) {
            s.metricsEmitter.EmitEnvelope(envelope)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'cloudfoundry/loggregator-agent-release/issues/19', 'src/pkg/scraper/scraper.go',
         G('scraper', ['fmt', 'net/http', 'strings', '', 'github.com/prometheus/common/expfmt'])(PROMSCRAPER), [
             (1, 'go-00-loggregator-prom-scraper-status-check-before-close',
              'an edit moves the status check of a scraped endpoint above the deferred close, so every 404 from a '
              'wrongly wired metrics endpoint leaves its connection open until the scraper runs out of descriptors',
              'edit'),
             (2, 'go-00-loggregator-prom-scraper-target-errors-dropped',
              'an edit drops the error of each scraped target, so a failing endpoint is never reported', 'edit'),
             (0, 'go-ok-00-loggregator-prom-scraper-closes-before-status-check',
              'clean: the fix defers the close before checking the status', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: log file watcher of a Kubernetes log agent (honeycomb-kubernetes-agent), renamed file
HNYWATCH = template('honeycomb-k8s-agent-path-watcher', r'''
// PathWatcher starts a tailer for every log file that appears under a pod's log directory and forgets the tailer
// when its file is gone.
type PathWatcher struct {
    pattern        string
    handlerFactory handlers.LineHandlerFactory
    stateRecorder  StateRecorder
    checkInterval  time.Duration

    mu      sync.Mutex
    tailers map[string]*Tailer
}

func NewPathWatcher(pattern string, factory handlers.LineHandlerFactory, recorder StateRecorder) *PathWatcher {
    return &PathWatcher{
        pattern:        pattern,
        handlerFactory: factory,
        stateRecorder:  recorder,
        checkInterval:  time.Second,
        tailers:        make(map[string]*Tailer),
    }
}

// Run checks for new and vanished files until stop is closed.
func (p *PathWatcher) Run(stop <-chan struct{}) {
    ticker := time.NewTicker(p.checkInterval)
    defer ticker.Stop()
    for {
        select {
        case <-stop:
            p.stopAll()
            return
        case <-ticker.C:
            p.check()
        }
    }
}

func (p *PathWatcher) check() {
    files, err := filepath.Glob(p.pattern)
    if err != nil {
        logrus.WithError(err).WithField("pattern", p.pattern).Error("Error globbing log files")
        return
    }
    for _, file := range files {
        p.startTailer(file)
    }
}

// startTailer starts following file unless a tailer already does; only the Run loop starts tailers.
func (p *PathWatcher) startTailer(file string) {
    if p.tracking(file) {
        return
    }
    t := NewTailer(file, p.handlerFactory.New(file), p.stateRecorder)
02|    p.mu.Lock()
    p.tailers[file] = t //@{1}CONC-03
02|    p.mu.Unlock()
01|    go p.runTailer(t)
2|    go t.Run() //@CONC-01
}

func (p *PathWatcher) tracking(file string) bool {
    p.mu.Lock()
    defer p.mu.Unlock()
    _, ok := p.tailers[file]
    return ok
}
01|
01|// runTailer follows one file until it is removed; a panic while parsing that file's lines is logged and ends only
01|// this tailer, not the agent.
01|func (p *PathWatcher) runTailer(t *Tailer) {
01|    defer p.forget(t.Path)
01|    defer func() {
01|        if r := recover(); r != nil {
01|            logrus.WithField("file", t.Path).Errorf("Tailer stopped by a panic: %v", r)
01|        }
01|    }()
01|    t.Run()
01|}

func (p *PathWatcher) forget(file string) {
    p.mu.Lock()
    defer p.mu.Unlock()
    delete(p.tailers, file)
}

func (p *PathWatcher) stopAll() {
    p.mu.Lock()
    defer p.mu.Unlock()
    for file, t := range p.tailers {
        t.Stop()
        delete(p.tailers, file)
    }
}
''')
cases_of(case, GH + 'honeycombio/honeycomb-kubernetes-agent/issues/10', 'tailer/path_watcher.go',
         G('tailer', ['path/filepath', 'sync', 'time', '',
                      'github.com/honeycombio/honeycomb-kubernetes-agent/handlers', 'github.com/sirupsen/logrus'])(HNYWATCH), [
             (1, 'go-00-honeycomb-k8s-agent-renamed-watcher-map-written-without-lock',
              'a PR renames the path watcher\'s file and starts tailers without the watcher\'s lock, while finished '
              'tailers remove themselves from the same map on their own goroutines', 'rename'),
             (2, 'go-00-honeycomb-k8s-agent-renamed-watcher-tailer-goroutine-without-recover',
              'a PR renames the path watcher\'s file and runs each tailer on a bare goroutine, so a panic on one '
              'malformed log line kills the whole agent', 'rename'),
             (0, 'go-ok-00-honeycomb-k8s-agent-renamed-watcher',
              'clean: the rename alone; tailers start under the lock and run behind a recover', 'rename'),
         ], rename_from='tailer/watcher.go')


# ---------------------------------------------------------------- RES-03 / LOG-01: file follower of a syslog shipper (remote_syslog2)
RSYSLOG2 = template('remote-syslog2-file-follower', r'''
// glob returns the files to follow for the configured patterns, leaving out excluded and binary files.
func (s *Server) glob() []string {
    var paths []string
    for _, pattern := range s.config.Files {
        matches, err := filepath.Glob(pattern.Path)
        if err != nil {
            log.Errorf("Failed to glob %s: %v", pattern.Path, err)
            continue
        }
        for _, path := range matches {
            if matchExps(path, s.config.ExcludeFiles) {
                continue
            }
            f, err := os.Open(path)
            if err != nil {
                log.Warnf("Skipping %s: %v", path, err)
                continue
            }
1|            defer f.Close() //@RES-03
            binary := looksBinary(f)
02|            f.Close()
            if binary {
                log.Warnf("Skipping %s: not a text file", path)
                continue
            }
            paths = append(paths, path)
        }
    }
    return paths
}

// tailOne follows one file and forwards each line that no exclude pattern matches.
func (s *Server) tailOne(file string, logger *syslog.Logger, severity, facility syslog.Priority) {
    defer s.registry.Remove(file)

    t, err := follower.New(file, follower.Config{Reopen: true, Offset: 0, Whence: io.SeekEnd})
    if err != nil {
        log.Errorf("Failed to follow %s: %v", file, err)
        return
    }
    defer t.Close()

    tag := s.config.TagFor(file)
    for line := range t.Lines() {
        if matchExps(line.String(), s.config.ExcludePatterns) {
            continue
        }
2|        log.Infof("Forwarding a line of %s: %s", file, line.String()) //@LOG-01
        logger.Packets <- syslog.Packet{
            Severity: severity,
            Facility: facility,
            Time:     time.Now(),
            Hostname: logger.ClientHostname,
            Tag:      tag,
            Message:  line.String(),
        }
    }
    if err := t.Err(); err != nil {
        log.Errorf("Stopped following %s: %v", file, err)
    }
}
''')
cases_of(case, GH + 'papertrail/remote_syslog2/pull/206', 'remote_syslog.go',
         G('main', ['io', 'os', 'path/filepath', 'time', '', 'github.com/papercutsoftware/follower',
                    'github.com/papertrail/remote_syslog2/syslog', 'log "github.com/sirupsen/logrus"'])(RSYSLOG2), [
             (1, 'go-00-remote-syslog2-glob-defers-close-in-loop',
              'an edit defers the close of each file opened to sniff for binary content inside the glob loop, so '
              'a directory of rotated logs keeps every one of them open until the whole scan ends', 'edit'),
             (2, 'go-00-remote-syslog2-logs-every-forwarded-line',
              'an edit logs every forwarded line at info level, doubling the shipper\'s own output per shipped line',
              'edit'),
             (0, 'go-ok-00-remote-syslog2-glob-closes-each-file',
              'clean: the fix closes each sniffed file before moving to the next one', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-02 / TMO-01: probes of a CDN metrics exporter (fastly-exporter), new file
FASTLYHEALTH = template('fastly-exporter-health', r'''
const tokenSelfURL = "https://api.fastly.com/tokens/self"

// Health serves the exporter's probes. Liveness answers while the process runs; readiness only while Fastly still
// accepts the configured API token, so a revoked token takes the exporter out of service instead of leaving it to
// export nothing.
type Health struct {
    client HTTPClient
    token  string
    logger log.Logger
}

// NewHealth returns the probes; client is the exporter's shared, bounded API client.
func NewHealth(client HTTPClient, token string, logger log.Logger) *Health {
    return &Health{client: client, token: token, logger: logger}
}

// Live answers as long as the process serves HTTP.
func (h *Health) Live(w http.ResponseWriter, r *http.Request) {
    fmt.Fprintln(w, "OK")
}

// Ready answers OK only while the API token is accepted.
func (h *Health) Ready(w http.ResponseWriter, r *http.Request) {
02|    if err := h.checkToken(r.Context()); err != nil {
02|        level.Warn(h.logger).Log("during", "readiness check", "err", err)
02|        http.Error(w, "Fastly API token not accepted", http.StatusServiceUnavailable)
02|        return
02|    }
1|    // The exporter is ready as soon as it serves HTTP.
    fmt.Fprintln(w, "OK") //@{1}OPS-02
}
02|
02|func (h *Health) checkToken(ctx context.Context) error {
02|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, tokenSelfURL, nil)
02|    if err != nil {
02|        return err
02|    }
02|    req.Header.Set("Fastly-Key", h.token)
0|    resp, err := h.client.Do(req)
2|    resp, err := http.DefaultClient.Do(req) //@TMO-01
02|    if err != nil {
02|        return fmt.Errorf("checking token: %w", err)
02|    }
02|    defer resp.Body.Close()
02|    if resp.StatusCode != http.StatusOK {
02|        return fmt.Errorf("checking token: %s", resp.Status)
02|    }
02|    return nil
02|}
''')
_FH = ['', 'github.com/go-kit/log', 'github.com/go-kit/log/level']
cases_of(case, GH + 'fastly/fastly-exporter/pull/70', 'pkg/api/health.go',
         GV('api', {0: ['context', 'fmt', 'net/http'] + _FH, 1: ['fmt', 'net/http', '', 'github.com/go-kit/log'],
                    2: ['context', 'fmt', 'net/http'] + _FH})(FASTLYHEALTH), [
             (1, 'go-00-fastly-exporter-new-readiness-always-ok',
              'new probes answer readiness with OK as soon as the process serves HTTP, never asking whether Fastly '
              'still accepts the token the exporter depends on', 'new'),
             (2, 'go-00-fastly-exporter-new-readiness-check-default-client',
              'new probes check the token through the default HTTP client, which has no timeout, so a hanging API '
              'call piles up probe requests', 'new'),
             (0, 'go-ok-00-fastly-exporter-new-health',
              'clean: new probes whose readiness checks the token through the exporter\'s bounded client', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / MEM-02: file input worker of a log shipper (file.d), multi-hunk
FILED = template('file-d-input-worker', r'''
// worker reads the files of the jobs handed to it and passes every complete line to the pipeline.
type worker struct {
    maxEventSize int
    buffers      *sync.Pool
    logger       *zap.Logger
}

func newWorker(maxEventSize, readBufferSize int, logger *zap.Logger) *worker {
    return &worker{
        maxEventSize: maxEventSize,
        buffers: &sync.Pool{New: func() any {
            buf := make([]byte, readBufferSize)
            return &buf
        }},
        logger: logger,
    }
}

// openJob opens a job's file and moves to the offset recorded for it in the offsets file.
func (w *worker) openJob(job *Job) error {
    file, err := os.Open(job.filename)
    if err != nil {
        return fmt.Errorf("can't open file %s: %w", job.filename, err) //@{1}RES-01
    }
    if _, err := file.Seek(job.offset, io.SeekStart); err != nil {
02|        file.Close()
        return fmt.Errorf("can't seek file %s to offset %d: %w", job.filename, job.offset, err)
    }
    job.file = file
    w.logger.Debug("job opened", zap.String("file", job.filename), zap.Int64("offset", job.offset))
    return nil
}

// readLines reads the next chunk of a job's file and hands each complete line to the pipeline. The pipeline keeps
// the bytes it is given until the event is committed, after this call returns.
func (w *worker) readLines(job *Job, controller pipeline.InputPluginController) (int, error) {
    bufPtr := w.buffers.Get().(*[]byte)
    defer w.buffers.Put(bufPtr)

    n, err := job.file.Read(*bufPtr)
    if err != nil && err != io.EOF {
        return 0, fmt.Errorf("reading %s: %w", job.filename, err)
    }
    data := (*bufPtr)[:n]
    for len(data) > 0 {
        idx := bytes.IndexByte(data, '\n')
        if idx == -1 {
            job.tail = append(job.tail, data...)
            break
        }
        line := data[:idx]
        if len(job.tail) > 0 {
            line = append(job.tail, line...)
            job.tail = job.tail[:0]
        }
        if len(line) <= w.maxEventSize {
01|            controller.In(job.sourceID, job.filename, job.offset, bytes.Clone(line), false)
2|            controller.In(job.sourceID, job.filename, job.offset, line, false) //@MEM-02
        }
        job.offset += int64(idx + 1)
        data = data[idx+1:]
    }
    return n, nil
}
''')
cases_of(case, GH + 'ozontech/file.d/pull/621', 'plugin/input/file/worker.go',
         G('file', ['bytes', 'fmt', 'io', 'os', 'sync', '', 'github.com/ozontech/file.d/pipeline', 'go.uber.org/zap'])(FILED), [
             (1, 'go-00-file-d-worker-file-left-open-on-seek-failure',
              'an edit drops the close of a job\'s file when seeking to its recorded offset fails, so every job '
              'whose offset is past a truncated file leaks a descriptor', 'edit'),
             (2, 'go-00-file-d-worker-pooled-buffer-handed-to-pipeline',
              'an edit hands the pipeline the line as a slice of the pooled read buffer, which goes back to the pool '
              'when the read returns while the event still holds it, so a later read overwrites queued events',
              'edit'),
             (0, 'go-ok-00-file-d-worker-file-closed-on-seek-failure',
              'clean: the fix closes the file when the seek fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: Alertmanager webhook handler of an alert forwarder (alertgram)
ALERTGRAM = template('alertgram-webhook-handler', r'''
func (h handler) handleAlerts() http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        var reqAlerts alertmanagerAlerts
        if err := json.NewDecoder(r.Body).Decode(&reqAlerts); err != nil {
            h.logger.Errorf("error unmarshalling JSON: %s", err)
            http.Error(w, "invalid Alertmanager webhook payload", http.StatusBadRequest)
            return
        }

        alertGroup, err := reqAlerts.toDomain()
        if err != nil {
            h.logger.Errorf("error mapping alerts: %s", err)
            http.Error(w, "could not map alerts", http.StatusBadRequest)
            return
        }

        props := forward.Properties{CustomChatID: r.URL.Query().Get(h.chatIDQueryString)}
0|        if err := h.forwarder.Forward(r.Context(), props, alertGroup); err != nil {
1|        if err := h.forwarder.Forward(context.Background(), props, alertGroup); err != nil { //@TMO-02
01|            h.logger.Errorf("error forwarding alert group %s: %s", alertGroup.ID, err)
01|            http.Error(w, "could not forward alerts", http.StatusInternalServerError)
01|            return
01|        }
2|        // Forward in the background so Alertmanager does not wait on Telegram.
2|        go func() { //@CONC-01
2|            ctx, cancel := context.WithTimeout(context.Background(), h.forwardTimeout)
2|            defer cancel()
2|            if err := h.forwarder.Forward(ctx, props, alertGroup); err != nil {
2|                h.logger.Errorf("error forwarding alert group %s: %s", alertGroup.ID, err)
2|            }
2|        }()

        w.WriteHeader(http.StatusOK)
    }
}
''')
cases_of(case, GH + 'slok/alertgram/pull/4', 'internal/http/alertmanager/handler.go',
         GV('alertmanager', {0: ['encoding/json', 'net/http', '', 'github.com/slok/alertgram/internal/forward'],
                             1: ['context', 'encoding/json', 'net/http', '', 'github.com/slok/alertgram/internal/forward'],
                             2: ['context', 'encoding/json', 'net/http', '', 'github.com/slok/alertgram/internal/forward']})(ALERTGRAM), [
             (1, 'go-00-alertgram-forward-on-background-context',
              'an edit forwards each alert group to Telegram on a background context, so a slow Telegram call runs '
              'on after Alertmanager timed out the webhook and retries it', 'edit'),
             (2, 'go-00-alertgram-forward-goroutine-without-recover',
              'an edit forwards alert groups on a goroutine of their own without a recover, so a panic in one '
              'template kills the forwarder', 'edit'),
             (0, 'go-ok-00-alertgram-forward-on-request-context',
              'clean: the fix forwards on the webhook request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TMO-03: Jaeger query plugin over InfluxDB (influxdb-observability)
JAEGERINFLUX = template('jaeger-influxdb-reader', r'''
// GetOperations lists the operations a service has reported spans for, within the query timeout.
func (ir *influxdbReader) GetOperations(ctx context.Context, query spanstore.OperationQueryParameters) ([]spanstore.Operation, error) {
01|    ctx, cancel := context.WithTimeout(ctx, ir.queryTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, ir.queryTimeout) //@TMO-03

    rows, err := ir.db.QueryContext(ctx, queryGetOperations(ir.tableSpans), query.ServiceName)
    if err != nil {
        return nil, fmt.Errorf("querying operations of %s: %w", query.ServiceName, err)
    }
    defer rows.Close()

    var operations []spanstore.Operation
    for rows.Next() {
        var name, kind string
        if err := rows.Scan(&name, &kind); err != nil {
            return nil, err
        }
1|        ir.logger.Info("operation found", zap.String("service", query.ServiceName), zap.String("operation", name)) //@LOG-01
        if query.SpanKind != "" && query.SpanKind != kind {
            continue
        }
        operations = append(operations, spanstore.Operation{Name: name, SpanKind: kind})
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("reading operations of %s: %w", query.ServiceName, err)
    }
    return operations, nil
}
''')
cases_of(case, GH + 'influxdata/influxdb-observability/pull/249', 'jaeger-influxdb/internal/reader.go',
         G('internal', ['context', 'fmt', '', 'github.com/jaegertracing/jaeger/storage/spanstore', 'go.uber.org/zap'])(JAEGERINFLUX), [
             (1, 'go-00-jaeger-influxdb-logs-every-operation-row',
              'an edit logs every row of the operations query at info level, on a path the Jaeger UI calls on every '
              'service selection', 'edit'),
             (2, 'go-00-jaeger-influxdb-query-timeout-never-cancelled',
              'an edit discards the cancel of the operations query\'s timeout, so every call leaves a timer behind '
              'until the timeout fires', 'edit'),
             (0, 'go-ok-00-jaeger-influxdb-operations-without-row-log',
              'clean: the fix drops the per-row log line', 'fix'),
         ])
