"""Round-96 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP probe of a network exporter (network_exporter)
NETEXP = template('network-exporter-http-probe', r'''
// HTTPGet probes HTTP targets on its own schedule and keeps the last result of each for the next scrape.
type HTTPGet struct {
    logger    log.Logger
    client    *http.Client
    userAgent string
    maxBody   int64
}

// newProbeClient builds the one client every HTTP target of this exporter shares. A target that accepts the
// connection and then never answers must not hold a probe slot for longer than the probe's own timeout.
func newProbeClient(timeout time.Duration, insecure bool) *http.Client {
    tr := &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        DialContext:         (&net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}).DialContext,
        TLSHandshakeTimeout: timeout,
02|        ResponseHeaderTimeout: timeout,
        TLSClientConfig:     &tls.Config{InsecureSkipVerify: insecure},
        MaxIdleConnsPerHost: 2,
        IdleConnTimeout:     90 * time.Second,
    }
02|    return &http.Client{Transport: tr, Timeout: timeout}
1|    return &http.Client{Transport: tr} //@TMO-01
}

// probe runs one GET against the target and measures it.
func (p *HTTPGet) probe(ctx context.Context, target string) (*HTTPReturn, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
    if err != nil {
        return nil, fmt.Errorf("building request for %s: %w", target, err)
    }
    req.Header.Set("User-Agent", p.userAgent)

    start := time.Now()
    resp, err := p.client.Do(req)
    if err != nil { //@{2}RES-02
        return &HTTPReturn{Success: false, Duration: time.Since(start)}, err
    }
01|    defer resp.Body.Close()

    if resp.StatusCode < 200 || resp.StatusCode > 399 {
        level.Debug(p.logger).Log("type", "HTTPGet", "target", target, "status", resp.StatusCode)
        return &HTTPReturn{Success: false, Status: resp.StatusCode, Duration: time.Since(start)}, nil
    }

    n, err := io.Copy(io.Discard, io.LimitReader(resp.Body, p.maxBody))
2|    resp.Body.Close()
    if err != nil {
        return &HTTPReturn{Success: false, Status: resp.StatusCode, Duration: time.Since(start)}, err
    }
    return &HTTPReturn{
        Success:  true,
        Status:   resp.StatusCode,
        Bytes:    n,
        Duration: time.Since(start),
    }, nil
}
''')
cases_of(case, GH + 'syepes/network_exporter/issues/18', 'pkg/http/http.go',
         G('http', ['context', 'crypto/tls', 'fmt', 'io', 'net', 'net/http', 'time', '',
                    'github.com/go-kit/log', 'github.com/go-kit/log/level'])(NETEXP), [
             (1, 'go-00-network-exporter-probe-client-without-timeout',
              'an edit drops the response header timeout and the overall timeout of the probe client, so a target '
              'that accepts the connection and never answers parks a probe goroutine for good', 'edit'),
             (2, 'go-00-network-exporter-probe-body-closed-after-read',
              'an edit closes the probe response only after the body was read, so every target answering with an '
              'error status leaves its connection and body open', 'edit'),
             (0, 'go-ok-00-network-exporter-probe-client-with-timeouts',
              'clean: the fix gives the probe client a header timeout and an overall timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: background scrapes reloaded by an exporter (yet-another-cloudwatch-exporter)
YACE = template('yace-reload', r'''
// backgroundScraper owns the scrape loop that runs between two configuration reloads.
type backgroundScraper struct {
    mu      sync.Mutex
    cancel  context.CancelFunc
    scraper *scraper
    cache   cachingFactory
    logger  *slog.Logger
}

// restart stops the scrape loop of the previous configuration, if any, and starts one for jobs. It is called once
// at start-up and again by the /reload endpoint.
func (b *backgroundScraper) restart(parent context.Context, jobs model.JobsConfig) {
    b.mu.Lock()
    defer b.mu.Unlock()

02|    if b.cancel != nil {
02|        b.cancel()
02|    }
02|    ctx, cancel := context.WithCancel(parent)
02|    b.cancel = cancel
1|    ctx, _ := context.WithCancel(parent) //@TMO-03

01|    go func() {
01|        defer func() {
01|            if p := recover(); p != nil {
01|                b.logger.Error("background scrape panicked; metrics are stale until the next reload",
01|                    "panic", p, "stack", string(debug.Stack()))
01|            }
01|        }()
01|        b.scraper.decoupled(ctx, b.logger, jobs, b.cache)
01|    }()
2|    go b.scraper.decoupled(ctx, b.logger, jobs, b.cache) //@CONC-01
    b.logger.Info("background scraping started", "jobs", len(jobs.DiscoveryJobs)+len(jobs.StaticJobs))
}

func (b *backgroundScraper) reloadHandler(parent context.Context, configFile string) http.HandlerFunc {
    return func(w http.ResponseWriter, r *http.Request) {
        if r.Method != http.MethodPost {
            http.Error(w, "reload needs a POST", http.StatusMethodNotAllowed)
            return
        }
        b.logger.Info("parsing config", "file", configFile)
        jobs, err := cfg.Load(configFile, b.logger)
        if err != nil {
            b.logger.Error("couldn't reload config", "err", err)
            http.Error(w, "config not valid: "+err.Error(), http.StatusBadRequest)
            return
        }
        b.cache.Refresh()
        b.restart(parent, jobs)
        w.WriteHeader(http.StatusOK)
    }
}
''')
cases_of(case, GH + 'prometheus-community/yet-another-cloudwatch-exporter/pull/512', 'cmd/yace/background.go',
         GV('main', {0: ['context', 'log/slog', 'net/http', 'runtime/debug', 'sync', '',
                         'github.com/prometheus-community/yet-another-cloudwatch-exporter/pkg/model'],
                     1: ['context', 'log/slog', 'net/http', 'runtime/debug', 'sync', '',
                         'github.com/prometheus-community/yet-another-cloudwatch-exporter/pkg/model'],
                     2: ['context', 'log/slog', 'net/http', 'sync', '',
                         'github.com/prometheus-community/yet-another-cloudwatch-exporter/pkg/model']})(YACE), [
             (1, 'go-00-yace-reload-cancel-discarded',
              'an edit derives each configuration\'s scrape context and discards its cancel, so every reload leaves '
              'the previous scrape loop running beside the new one, scraping an old configuration', 'edit'),
             (2, 'go-00-yace-background-scrape-without-recover',
              'an edit starts the background scrape loop on a goroutine without a recover, so one panic while '
              'decoding a CloudWatch answer takes the exporter down', 'edit'),
             (0, 'go-ok-00-yace-reload-cancels-previous-loop',
              'clean: the fix cancels the previous loop before starting the next and keeps the recover', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: notification engine of a Consul alerter (consul-alerts)
CONSULALERTS = template('consul-alerts-notif-engine', r'''
// NotifEngine hands every batch of check changes to the notifiers that are switched on.
type NotifEngine struct {
    clusterName string
    notifs      chan notifier.Messages
    stop        chan struct{}
}

func (n *NotifEngine) start() {
    for {
        select {
        case messages := <-n.notifs:
            n.sendBuiltin(messages)
            n.sendCustom(messages)
        case <-n.stop:
            log.Println("NotifEngine shutting down")
            return
        }
    }
}

// sendBuiltin fans the batch out to every enabled notifier, each on its own goroutine so that a slow PagerDuty
// call does not hold back the Slack message, and waits for all of them before the next batch.
func (n *NotifEngine) sendBuiltin(messages notifier.Messages) {
    var wg sync.WaitGroup
    for _, nt := range builtinNotifiers() {
        if !nt.Enabled() {
            continue
        }
        wg.Add(1)
        go func(nt notifier.Notifier) { //@{1}CONC-01
            defer wg.Done()
02|            defer n.recoverNotifier(nt.NotifierName())
01|            if err := nt.Notify(messages); err != nil {
01|                log.WithField("notifier", nt.NotifierName()).Errorf("sending %d messages failed: %s", len(messages), err)
01|            }
2|            nt.Notify(messages) //@ERR-01
        }(nt)
    }
    wg.Wait()
}

// recoverNotifier keeps a notifier that panics on one batch (a nil map in its configuration, a malformed
// answer) from taking the whole alerter down with it.
func (n *NotifEngine) recoverNotifier(name string) {
    if r := recover(); r != nil {
        log.WithFields(log.Fields{"notifier": name, "panic": r}).Error("notifier panicked, batch dropped for it")
    }
}
''')
cases_of(case, GH + 'AcalephStorage/consul-alerts/issues/96', 'send-notifs.go',
         G('main', ['sync', '', 'github.com/AcalephStorage/consul-alerts/notifier',
                    'log github.com/Sirupsen/logrus'])(CONSULALERTS), [
             (1, 'go-00-consul-alerts-notifier-goroutine-without-recover',
              'an edit stops recovering in the goroutine of each notifier, so a notifier that panics on a nil map '
              'of its configuration crashes the alerter for every cluster it watches', 'edit'),
             (2, 'go-00-consul-alerts-notify-error-dropped',
              'an edit drops the error a notifier returns, so a rejected Slack or PagerDuty message leaves no trace '
              'and the on-call engineer is never paged', 'edit'),
             (0, 'go-ok-00-consul-alerts-notifier-goroutine-recovers',
              'clean: the fix recovers in each notifier goroutine and logs a failed send', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: custom alert provider of a status page (gatus), new file
GATUS = template('gatus-custom-provider', r'''
// AlertProvider sends a request of the user's own shape to any HTTP endpoint when an alert triggers or resolves.
type AlertProvider struct {
    URL          string            `yaml:"url"`
    Method       string            `yaml:"method,omitempty"`
    Body         string            `yaml:"body,omitempty"`
    Headers      map[string]string `yaml:"headers,omitempty"`
    ClientConfig *client.Config    `yaml:"client,omitempty"`
}

// IsValid reports whether the provider can be used.
func (provider *AlertProvider) IsValid() bool {
    if provider.ClientConfig == nil {
        provider.ClientConfig = client.GetDefaultConfig()
    }
    return len(provider.URL) > 0
}

// Send delivers the alert for the endpoint; ctx is the watchdog's, cancelled when the endpoint is reconfigured.
func (provider *AlertProvider) Send(ctx context.Context, ep *endpoint.Endpoint, a *alert.Alert, result *endpoint.Result, resolved bool) error {
    request, err := provider.buildHTTPRequest(ctx, ep, a, result, resolved)
    if err != nil {
        return err
    }
02|    response, err := client.GetHTTPClient(provider.ClientConfig).Do(request)
1|    httpClient := &http.Client{Timeout: 10 * time.Second} //@RES-04
1|    response, err := httpClient.Do(request)
    if err != nil {
        return err
    }
    defer response.Body.Close()
    if response.StatusCode >= http.StatusBadRequest {
        body, _ := io.ReadAll(io.LimitReader(response.Body, 1024))
        return fmt.Errorf("call to provider alert returned status code %d: %s", response.StatusCode, string(body))
    }
    return nil
}

func (provider *AlertProvider) buildHTTPRequest(ctx context.Context, ep *endpoint.Endpoint, a *alert.Alert, result *endpoint.Result, resolved bool) (*http.Request, error) {
    status := "TRIGGERED"
    if resolved {
        status = "RESOLVED"
    }
    replacer := strings.NewReplacer(
        "[ALERT_DESCRIPTION]", a.GetDescription(),
        "[ENDPOINT_NAME]", ep.Name,
        "[ENDPOINT_GROUP]", ep.Group,
        "[ENDPOINT_URL]", ep.URL,
        "[ALERT_TRIGGERED_OR_RESOLVED]", status,
        "[RESULT_ERRORS]", strings.Join(result.Errors, ", "),
    )
    method := provider.Method
    if method == "" {
        method = http.MethodGet
    }
01|    request, err := http.NewRequestWithContext(ctx, method, replacer.Replace(provider.URL), bytes.NewBufferString(replacer.Replace(provider.Body)))
2|    request, err := http.NewRequest(method, replacer.Replace(provider.URL), bytes.NewBufferString(replacer.Replace(provider.Body))) //@TMO-02
    if err != nil {
        return nil, err
    }
    for k, v := range provider.Headers {
        request.Header.Set(k, replacer.Replace(v))
    }
    return request, nil
}
''')
_GATUS_IMPORTS = ['bytes', 'context', 'fmt', 'io', 'net/http', 'strings', '', 'github.com/TwiN/gatus/v5/alerting/alert',
                  'github.com/TwiN/gatus/v5/client', 'github.com/TwiN/gatus/v5/config/endpoint']
cases_of(case, GH + 'TwiN/gatus/issues/146', 'alerting/provider/custom/custom.go',
         GV('custom', {0: _GATUS_IMPORTS, 2: _GATUS_IMPORTS,
                       1: ['bytes', 'context', 'fmt', 'io', 'net/http', 'strings', 'time', '',
                           'github.com/TwiN/gatus/v5/alerting/alert', 'github.com/TwiN/gatus/v5/client',
                           'github.com/TwiN/gatus/v5/config/endpoint']})(GATUS), [
             (1, 'go-00-gatus-new-custom-provider-client-per-alert',
              'a new custom alert provider builds an HTTP client for every alert it sends, so an alert storm opens '
              'a connection pool per alert and ignores the provider\'s client configuration', 'new'),
             (2, 'go-00-gatus-new-custom-provider-request-without-context',
              'a new custom alert provider builds its request without the watchdog\'s context, so an alert call to '
              'a hung endpoint outlives the reconfiguration that should have cancelled it', 'new'),
             (0, 'go-ok-00-gatus-new-custom-provider',
              'clean: a new custom provider that uses the shared client and the caller\'s context', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TIME-01: HTTP monitor of a status page agent (cachet-monitor), CRLF file
CACHET = template('cachet-monitor-http', r'''
// HTTPMonitor checks a URL and opens or resolves a Cachet incident when the check fails or passes again.
type HTTPMonitor struct {
    AbstractMonitor `mapstructure:",squash"`

    Method             string
    ExpectedStatusCode int `mapstructure:"expected_status_code"`
    ExpectedBody       string `mapstructure:"expected_body"`

    client *http.Client
}

// Validate fills defaults and builds the client this monitor keeps for all of its checks.
func (monitor *HTTPMonitor) Validate() []string {
    errs := monitor.AbstractMonitor.Validate()
    if monitor.ExpectedStatusCode == 0 && len(monitor.ExpectedBody) == 0 {
        errs = append(errs, "Both 'expected_body' and 'expected_status_code' fields empty")
    }
    if monitor.Method == "" {
        monitor.Method = http.MethodGet
    }
02|    if monitor.Timeout == 0 {
02|        monitor.Timeout = DefaultTimeout
02|    }
02|    monitor.client = &http.Client{
02|        Timeout:   time.Duration(monitor.Timeout) * time.Second,
02|        Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: monitor.Strict == false}},
02|    }
1|    monitor.client = &http.Client{ //@TMO-01
1|        Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: monitor.Strict == false}},
1|    }
    return errs
}

// incident is the body of the Cachet API call that opens or updates an incident.
func (monitor *HTTPMonitor) incident(message string, status int) map[string]interface{} {
    return map[string]interface{}{
        "name":             monitor.Name,
        "message":          message,
        "status":           status,
        "visible":          1,
        "component_id":     monitor.ComponentID,
        "component_status": monitor.componentStatus(status),
01|        "occurred_at":      time.Now().UTC().Format(cachetTimeLayout),
2|        "occurred_at":      time.Now().Format(cachetTimeLayout), //@TIME-01
        "notify":           true,
    }
}
''')
cases_of(case, GH + 'CastawayLabs/cachet-monitor/pull/31', 'http.go',
         G('cachet', ['crypto/tls', 'net/http', 'time'])(CACHET), [
             (1, 'go-00-cachet-monitor-http-client-without-timeout',
              'an edit builds the monitor\'s HTTP client without a timeout, so a health URL that stops answering '
              'hangs the check for good and the status page keeps showing the component as operational', 'edit'),
             (2, 'go-00-cachet-monitor-incident-time-in-local-zone',
              'an edit formats the time an incident occurred in the agent\'s local zone, so incidents raised by '
              'agents in other zones land hours off on the status page', 'edit'),
             (0, 'go-ok-00-cachet-monitor-http-client-with-timeout',
              'clean: the fix builds the client with the configured timeout', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: stream forks of an alerting engine's task master (kapacitor)
KAPACITOR = template('kapacitor-task-master-forks', r'''
// NewFork registers a task's interest in the points of the given database and retention policy pairs and returns
// the edge they will arrive on. Tasks are started from the HTTP API while the stream keeps forking points.
func (tm *TaskMaster) NewFork(taskName string, dbrps []DBRP, measurements []string) (*Edge, error) {
    if tm.closed {
        return nil, ErrTaskMasterClosed
    }
    e := newEdge(taskName, "stream", "stream0", pipeline.StreamEdge, defaultEdgeBufferSize, tm.diag)
02|    tm.mu.Lock()
02|    defer tm.mu.Unlock()
    tm.taskDBRPs[taskName] = dbrps //@{1}CONC-03
    for _, dbrp := range dbrps {
        key := dbrp.String()
        if tm.forks[key] == nil {
            tm.forks[key] = make(map[string]forkEntry)
        }
        tm.forks[key][taskName] = forkEntry{edge: e, measurements: toSet(measurements)}
    }
    return e, nil
}

// forkPoint hands one point of the stream to every task that asked for its database and retention policy.
func (tm *TaskMaster) forkPoint(p models.Point) {
    tm.mu.RLock()
    defer tm.mu.RUnlock()
    key := DBRP{Database: p.Database, RetentionPolicy: p.RetentionPolicy}.String()
2|    tm.diag.Info("forking point", keyvalue.KV("dbrp", key), keyvalue.KV("measurement", p.Name), keyvalue.KV("tasks", strconv.Itoa(len(tm.forks[key])))) //@LOG-01
    for _, fe := range tm.forks[key] {
        if len(fe.measurements) > 0 && !fe.measurements[p.Name] {
            continue
        }
        if err := fe.edge.CollectPoint(edge.NewPointMessage(p)); err != nil {
            tm.diag.Error("failed to fork point", err, keyvalue.KV("dbrp", key))
        }
    }
}
''')
cases_of(case, GH + 'influxdata/kapacitor/pull/798', 'task_master.go',
         GV('kapacitor', {0: ['github.com/influxdata/kapacitor/edge', 'github.com/influxdata/kapacitor/keyvalue',
                              'github.com/influxdata/kapacitor/models', 'github.com/influxdata/kapacitor/pipeline'],
                          1: ['github.com/influxdata/kapacitor/edge', 'github.com/influxdata/kapacitor/keyvalue',
                              'github.com/influxdata/kapacitor/models', 'github.com/influxdata/kapacitor/pipeline'],
                          2: ['strconv', '', 'github.com/influxdata/kapacitor/edge',
                              'github.com/influxdata/kapacitor/keyvalue', 'github.com/influxdata/kapacitor/models',
                              'github.com/influxdata/kapacitor/pipeline']})(KAPACITOR), [
             (1, 'go-00-kapacitor-new-fork-map-unlocked',
              'an edit registers a new task\'s forks without the task master\'s lock, so a task started from the API '
              'while the stream forks points writes the fork maps under a reader and the server dies of a concurrent '
              'map write', 'edit'),
             (2, 'go-00-kapacitor-fork-point-logged',
              'an edit logs every point the task master forks at info level, so a stream of thousands of points a '
              'second writes a log line for each', 'edit'),
             (0, 'go-ok-00-kapacitor-new-fork-under-lock',
              'clean: the fix registers the forks under the task master\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: subscription alerts of an office suite's background job (kantor)
KANTOR = template('kantor-subscription-alerts', r'''
// StartSubscriptionAlerts generates the alerts for subscriptions about to renew once per interval until ctx ends.
func (s *Scheduler) StartSubscriptionAlerts(ctx context.Context, interval time.Duration) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                slog.Error("subscription alert job panicked", "panic", r, "stack", string(debug.Stack()))
            }
        }()
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case tick := <-ticker.C:
02|                if err := s.subscriptions.GenerateSubscriptionAlerts(ctx, tick); err != nil {
02|                    slog.Error("generating subscription alerts failed", "tick", tick, "error", err)
02|                }
1|                _ = s.subscriptions.GenerateSubscriptionAlerts(ctx, tick) //@ERR-01
            }
        }
    }()
}

// GenerateSubscriptionAlerts writes one alert per subscription renewing within its notice period and marks the
// subscription as alerted, in one transaction so that a subscription is never alerted twice.
func (r *SubscriptionRepository) GenerateSubscriptionAlerts(ctx context.Context, now time.Time) error {
    tx, err := r.db.Begin(ctx)
    if err != nil { //@{2}TX-01
        return fmt.Errorf("begin subscription alert tx: %w", err)
    }
01|    defer tx.Rollback(ctx)

    rows, err := tx.Query(ctx, `
        SELECT id, name, renewal_date FROM subscriptions
        WHERE alerted_at IS NULL AND renewal_date <= $1::date + notice_days`, now)
    if err != nil {
        return fmt.Errorf("query due subscriptions: %w", err)
    }
    due, err := pgx.CollectRows(rows, pgx.RowToStructByName[dueSubscription])
    if err != nil {
        return fmt.Errorf("scan due subscriptions: %w", err)
    }
    for _, d := range due {
        if _, err := tx.Exec(ctx, `INSERT INTO subscription_alerts (subscription_id, renewal_date, created_at)
            VALUES ($1, $2, $3)`, d.ID, d.RenewalDate, now); err != nil {
            return fmt.Errorf("insert alert for subscription %s: %w", d.ID, err)
        }
        if _, err := tx.Exec(ctx, `UPDATE subscriptions SET alerted_at = $2 WHERE id = $1`, d.ID, now); err != nil {
            return fmt.Errorf("mark subscription %s alerted: %w", d.ID, err)
        }
    }
    return tx.Commit(ctx)
}
''')
cases_of(case, GH + 'kana-consultant/kantor/pull/31', 'backend/internal/service/subscription/alerts.go',
         G('subscription', ['context', 'fmt', 'log/slog', 'runtime/debug', 'time', '',
                            'github.com/jackc/pgx/v5'])(KANTOR), [
             (1, 'go-00-kantor-subscription-alert-error-discarded',
              'an edit discards the error of the periodic subscription alert generation, so a failing query means '
              'no renewal alert is ever raised and nothing says why', 'edit'),
             (2, 'go-00-kantor-subscription-alert-tx-not-rolled-back',
              'an edit drops the deferred rollback of the alert transaction, so any failed insert leaves the '
              'transaction and its pooled connection open until the pool runs dry', 'edit'),
             (0, 'go-ok-00-kantor-subscription-alert-error-logged',
              'clean: the fix logs a failed alert generation', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: webhook notifications of a tracing back end's alerting (uptrace)
UPTRACE = template('uptrace-webhook-notify', r'''
// notifyByWebhooks posts the alert to every webhook channel of the project. A channel that fails is logged and
// skipped, so that one broken receiver does not silence the others.
func notifyByWebhooks(ctx context.Context, app *bunapp.App, channels []*WebhookNotifChannel, alert org.Alert) error {
02|    msg, err := NewWebhookMessage(app, alert)
02|    if err != nil {
02|        return fmt.Errorf("formatting alert %d for webhooks: %w", alert.Base().ID, err)
02|    }
1|    msg, _ := NewWebhookMessage(app, alert) //@ERR-01
    body, err := json.Marshal(msg)
    if err != nil {
        return err
    }

    for _, channel := range channels {
        req, err := http.NewRequestWithContext(ctx, http.MethodPost, channel.Params.URL, bytes.NewReader(body))
        if err != nil {
            app.Logger.Error("invalid webhook url", zap.Uint64("channel_id", channel.ID), zap.Error(err))
            continue
        }
        req.Header.Set("Content-Type", "application/json")
        for k, v := range channel.Params.Headers {
            req.Header.Set(k, v)
        }

        resp, err := app.HTTPClient.Do(req)
        if err != nil {
            app.Logger.Error("webhook failed", zap.Uint64("channel_id", channel.ID), zap.Error(err))
            continue
        }
        status := resp.StatusCode
01|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
        if status >= 300 {
            app.Logger.Error("webhook rejected the alert", zap.Uint64("channel_id", channel.ID), zap.Int("status", status))
        }
    }
    return nil
}
''')
cases_of(case, GH + 'uptrace/uptrace/issues/425', 'pkg/alerting/notif_webhook.go',
         GV('alerting', {v: ['bytes', 'context', 'encoding/json'] + (['fmt'] if v != 1 else []) + [
                             'net/http', '', 'github.com/uptrace/uptrace/pkg/bunapp',
                             'github.com/uptrace/uptrace/pkg/org', 'go.uber.org/zap'] for v in (0, 1, 2)})(UPTRACE), [
             (1, 'go-00-uptrace-webhook-format-error-dropped',
              'an edit drops the error of formatting the alert, so an alert the formatter cannot render is posted '
              'as a nil message and the notifier panics', 'edit'),
             (2, 'go-00-uptrace-webhook-body-close-deferred-in-loop',
              'an edit defers the close of each webhook response inside the loop over channels, so a project with '
              'many channels keeps every connection open until the last one answered', 'edit'),
             (0, 'go-ok-00-uptrace-webhook-format-error-returned',
              'clean: the fix returns the formatting error before anything is posted', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / LOG-01: remote write client of a metrics agent (VictoriaMetrics vmagent)
VMAGENT = template('vmagent-remotewrite-client', r'''
// MustStop stops the client's workers. A worker that is sending a block finishes it, or puts it back on the
// persistent queue, before MustStop returns, so that nothing read from the queue is lost at shutdown.
func (c *client) MustStop() {
    close(c.stopCh) //@{1}OPS-01
02|    c.wg.Wait()
    logger.Infof("stopped client for -remoteWrite.url=%q", c.sanitizedURL)
}

func (c *client) runWorker() {
    defer c.wg.Done()
    var buf []byte
    for {
        block, ok := c.fq.MustReadBlock(buf[:0])
        if !ok {
            return
        }
        if !c.sendBlock(block) {
            c.fq.MustWriteBlockIgnoreDisabledPQ(block)
        }
        buf = block
    }
}

// sendBlock sends one block, retrying with back-off until it is accepted or the client is stopped.
func (c *client) sendBlock(block []byte) bool {
    retryDuration := time.Second
    for {
        err := c.doRequest(block)
        if err == nil {
            c.blocksSent.Inc()
            return true
        }
        c.retriesCount.Inc()
01|        logger.WithThrottler("remoteWriteRetry", 5*time.Second).Warnf("couldn't send a block with size %d bytes to %q: %s; re-sending the block in %.3f seconds",
01|            len(block), c.sanitizedURL, err, retryDuration.Seconds())
2|        logger.Warnf("couldn't send a block with size %d bytes to %q: %s; re-sending the block in %.3f seconds", //@LOG-01
2|            len(block), c.sanitizedURL, err, retryDuration.Seconds())
        t := timerpool.Get(retryDuration)
        select {
        case <-c.stopCh:
            timerpool.Put(t)
            return false
        case <-t.C:
            timerpool.Put(t)
        }
        retryDuration *= 2
        if retryDuration > *retryMaxInterval {
            retryDuration = *retryMaxInterval
        }
    }
}
''')
cases_of(case, GH + 'VictoriaMetrics/VictoriaMetrics/pull/4407', 'app/vmagent/remotewrite/client.go',
         G('remotewrite', ['time', '', 'github.com/VictoriaMetrics/VictoriaMetrics/lib/logger',
                           'github.com/VictoriaMetrics/VictoriaMetrics/lib/timerpool'])(VMAGENT), [
             (1, 'go-00-vmagent-client-stop-without-drain',
              'an edit stops the remote write client without waiting for its workers, so vmagent exits while '
              'blocks read from the queue are still in flight and they are lost', 'edit'),
             (2, 'go-00-vmagent-client-retry-logged-unthrottled',
              'an edit logs every failed send of a block without the throttler, so a remote storage that is down '
              'makes every worker write a warning per retry', 'edit'),
             (0, 'go-ok-00-vmagent-client-stop-drains-workers',
              'clean: the fix waits for the workers before the client reports it stopped', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: log file tailer of a log-to-metrics extractor (mtail), renamed file
MTAIL = template('mtail-tailer-logfile', r'''
// openLogFile opens a log file for tailing. When the tailer starts, existing files are read from their end; files
// that appear later are read from their start.
func (t *Tailer) openLogFile(pathname string, seekToStart bool) (lf *File, err error) {
    f, err := os.Open(pathname)
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer func() {
02|        if err != nil {
02|            f.Close()
02|        }
02|    }()
    fi, err := f.Stat()
    if err != nil {
        return nil, err
    }
    if !fi.Mode().IsRegular() {
        return nil, fmt.Errorf("%s is not a regular file", pathname)
    }
    if !seekToStart {
        if _, err = f.Seek(0, io.SeekEnd); err != nil {
            return nil, fmt.Errorf("seeking to the end of %s: %w", pathname, err)
        }
    }
    return &File{Name: pathname, file: f, info: fi}, nil
}

// TailPattern tails every file the glob matches now; files that match later are found by the poller.
func (t *Tailer) TailPattern(pattern string) error {
    matches, err := filepath.Glob(pattern)
    if err != nil {
        return err
    }
    for _, pathname := range matches {
        if t.isTailed(pathname) {
            continue
        }
01|        if t.isBinary(pathname) {
2|        f, err := os.Open(pathname)
2|        if err != nil {
2|            glog.Infof("cannot open %s: %s", pathname, err)
2|            continue
2|        }
2|        defer f.Close() //@RES-03
2|        if looksBinary(f) {
            glog.V(1).Infof("skipping binary file %s", pathname)
            continue
        }
        if err := t.TailPath(pathname); err != nil {
            glog.Infof("cannot tail %s: %s", pathname, err)
        }
    }
    return nil
}

// isBinary reads the first block of the file to tell a compressed or binary file from a text log.
func (t *Tailer) isBinary(pathname string) bool {
    f, err := os.Open(pathname)
    if err != nil {
        return false
    }
    defer f.Close()
    return looksBinary(f)
}
''')
cases_of(case, GH + 'google/mtail/issues/26', 'tailer/logfile.go',
         G('tailer', ['fmt', 'io', 'os', 'path/filepath', '', 'github.com/golang/glog'])(MTAIL), [
             (1, 'go-00-mtail-renamed-logfile-not-closed-on-stat-error',
              'a PR renames the tailer\'s file code and drops the close of a log file that fails a check after it '
              'was opened, so every rotated path that is briefly a directory or a pipe leaks a descriptor', 'rename'),
             (2, 'go-00-mtail-renamed-glob-defers-close-in-loop',
              'a PR renames the tailer\'s file code and inlines the binary check into the glob loop with a '
              'deferred close, so a glob over thousands of logs holds every file open until it returns', 'rename'),
             (0, 'go-ok-00-mtail-renamed-logfile',
              'clean: the rename alone; the file is closed on every failed check and the binary check closes its '
              'own file', 'rename'),
         ], rename_from='tailer/file.go')
