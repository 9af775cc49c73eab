"""Round-51 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / ERR-01: Bot API client of a Telegram bot library (telegram-bot-api)
TGBOT = template('telegram-bot-make-request', r'''
// APIResponse is the envelope of every Bot API answer.
type APIResponse struct {
    Ok          bool                `json:"ok"`
    Result      json.RawMessage     `json:"result,omitempty"`
    ErrorCode   int                 `json:"error_code,omitempty"`
    Description string              `json:"description,omitempty"`
    Parameters  *ResponseParameters `json:"parameters,omitempty"`
}

// MakeRequest calls one Bot API method with form parameters and decodes the envelope.
func (bot *BotAPI) MakeRequest(endpoint string, params Params) (*APIResponse, error) {
    if bot.Debug {
        log.Printf("Endpoint: %s, params: %v\n", endpoint, params)
    }

    method := fmt.Sprintf(bot.apiEndpoint, bot.Token, endpoint)
    values := buildParams(params)

    req, err := http.NewRequest(http.MethodPost, method, strings.NewReader(values.Encode()))
    if err != nil {
        return &APIResponse{}, err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")

    resp, err := bot.Client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()

    var apiResp APIResponse
01|    if err := json.NewDecoder(resp.Body).Decode(&apiResp); err != nil {
01|        return &apiResp, fmt.Errorf("decode answer of %s: %w", endpoint, err)
01|    }
2|    json.NewDecoder(resp.Body).Decode(&apiResp) //@ERR-01

    if bot.Debug {
        log.Printf("Endpoint: %s, response: %s\n", endpoint, string(apiResp.Result))
    }

    if !apiResp.Ok {
        var parameters ResponseParameters
        if apiResp.Parameters != nil {
            parameters = *apiResp.Parameters
        }
        return &apiResp, &Error{
            Code:               apiResp.ErrorCode,
            Message:            apiResp.Description,
            ResponseParameters: parameters,
        }
    }

    return &apiResp, nil
}
''')
cases_of(case, GH + 'go-telegram-bot-api/telegram-bot-api/pull/211', 'bot.go',
         G('tgbotapi', ['encoding/json', 'fmt', 'log', 'net/http', 'strings'])(TGBOT), [
             (1, 'go-00-telegram-bot-request-body-never-closed',
              'an edit drops the deferred close of every Bot API answer, so a long-polling bot runs out of file '
              'descriptors after a few hours', 'edit'),
             (2, 'go-00-telegram-bot-request-decode-error-ignored',
              'an edit decodes the Bot API envelope without looking at the decode error, so a proxy\'s HTML page '
              'comes back as an empty, successful-looking answer', 'edit'),
             (0, 'go-ok-00-telegram-bot-request-body-closed-decode-checked',
              'clean: the fix closes every answer by defer and checks the decode', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: per-repository scrape of an OpenTelemetry receiver (liatrio-otel-collector)
LIATRIO = template('liatrio-github-scraper', r'''
type repoStats struct {
    branches     int
    contributors int
    openPRs      int
}

// scrape collects the statistics of every repository the search query finds, a few repositories at a time.
func (ghs *githubScraper) scrape(ctx context.Context) (pmetric.Metrics, error) {
    client, err := ghs.createClients()
    if err != nil {
        ghs.logger.Sugar().Errorf("unable to create clients: %v", err)
        return ghs.mb.Emit(), err
    }

    repos, count, err := ghs.getRepos(ctx, client, ghs.cfg.SearchQuery)
    if err != nil {
        ghs.logger.Sugar().Errorf("error getting repositories: %v", err)
        return ghs.mb.Emit(), err
    }
    now := pcommon.NewTimestampFromTime(time.Now())
    ghs.mb.RecordVcsRepositoryCountDataPoint(now, int64(count))

    var wg sync.WaitGroup
    var mux sync.Mutex
    results := make(map[string]repoStats, len(repos))
    sem := make(chan struct{}, ghs.cfg.ConcurrencyLimit)

    for _, repo := range repos {
        repo := repo
        wg.Add(1)
        sem <- struct{}{}
        go func() { //@{2}CONC-01
            defer wg.Done()
            defer func() { <-sem }()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    ghs.logger.Error("repository scrape panicked", zap.String("repo", repo.Name),
01|                        zap.Any("panic", r), zap.Stack("stack"))
01|                }
01|            }()

            stats, err := ghs.scrapeRepo(ctx, client, repo)
            if err != nil {
                ghs.logger.Sugar().Errorf("error scraping %s: %v", repo.Name, err)
                return
            }
02|            mux.Lock()
02|            defer mux.Unlock()
            results[repo.Name] = stats //@{1}CONC-03
        }()
    }
    wg.Wait()

    for name, stats := range results {
        ghs.mb.RecordVcsRefCountDataPoint(now, int64(stats.branches), name, metadata.AttributeVcsRefHeadTypeBranch)
        ghs.mb.RecordVcsContributorCountDataPoint(now, int64(stats.contributors), name)
        ghs.mb.RecordVcsChangeCountDataPoint(now, int64(stats.openPRs), name, metadata.AttributeVcsChangeStateOpen)
    }
    return ghs.mb.Emit(), nil
}
''')
cases_of(case, GH + 'liatrio/liatrio-otel-collector/pull/802',
         'receiver/githubreceiver/internal/scraper/githubscraper/github_scraper.go',
         G('githubscraper', ['context', 'sync', 'time', '',
                             'github.com/liatrio/liatrio-otel-collector/receiver/githubreceiver/internal/metadata',
                             'go.opentelemetry.io/collector/pdata/pcommon', 'go.opentelemetry.io/collector/pdata/pmetric',
                             'go.uber.org/zap'])(LIATRIO), [
             (1, 'go-00-liatrio-scrape-results-map-written-without-lock',
              'an edit drops the lock around the results map, so the per-repository goroutines write it at once and '
              'the collector dies of concurrent map writes', 'edit'),
             (2, 'go-00-liatrio-scrape-goroutine-without-recover',
              'an edit drops the recover of the per-repository goroutine, so one nil answer of the API takes the '
              'whole collector down', 'edit'),
             (0, 'go-ok-00-liatrio-scrape-locked-results-recovered',
              'clean: the fix writes the results map under its lock; each goroutine recovers and logs', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: workflow deletion of a CI/CD workflow engine (cds)
CDS = template('cds-delete-workflow-handler', r'''
func (api *API) deleteWorkflowHandler() service.Handler {
    return func(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
        vars := mux.Vars(r)
        key := vars["key"]
        name := vars["permWorkflowName"]

        p, err := project.Load(ctx, api.mustDB(), key, project.LoadOptions.WithIntegrations)
        if err != nil {
            return sdk.WrapError(err, "cannot load project %s", key)
        }

        oldW, err := workflow.Load(ctx, api.mustDB(), api.Cache, *p, name, workflow.LoadOptions{})
        if err != nil {
            return sdk.WrapError(err, "cannot load workflow %s", name)
        }

        tx, err := api.mustDB().Begin()
        if err != nil { //@{1}TX-01
            return sdk.WrapError(err, "cannot start transaction")
        }
02|        defer tx.Rollback() // nolint

        if err := workflow.MarkAsDelete(ctx, tx, api.Cache, *p, oldW); err != nil {
            return sdk.WrapError(err, "cannot mark workflow %s as deleted", name)
        }
        if err := project.UpdateLastModified(tx, p.Key, sdk.ProjectWorkflowLastModificationType); err != nil {
            return sdk.WrapError(err, "cannot update project %s", p.Key)
        }
01|        if err := tx.Commit(); err != nil {
01|            return sdk.WithStack(err)
01|        }
2|        tx.Commit() //@TX-02

        event.PublishWorkflowDelete(ctx, key, *oldW, getUserConsumer(ctx))
        sdk.GoRoutine(api.Router.Background, "deleteWorkflowHandler", func(ctx context.Context) {
            if err := workflow.Delete(ctx, api.mustDB(), api.Cache, *p, oldW); err != nil {
                log.Error(ctx, "deleteWorkflowHandler> unable to delete workflow %s: %v", name, err)
            }
        }, api.PanicDump())

        return service.WriteJSON(w, nil, http.StatusOK)
    }
}
''')
cases_of(case, GH + 'ovh/cds/pull/3363', 'engine/api/workflow.go',
         G('api', ['context', 'net/http', '', 'github.com/gorilla/mux', '',
                   'github.com/ovh/cds/engine/api/event', 'github.com/ovh/cds/engine/api/project',
                   'github.com/ovh/cds/engine/api/workflow', 'github.com/ovh/cds/engine/service',
                   'github.com/ovh/cds/sdk', 'github.com/ovh/cds/sdk/log'])(CDS), [
             (1, 'go-00-cds-delete-workflow-not-rolled-back',
              'an edit drops the deferred rollback of the deletion, so a failed mark leaves its transaction open '
              'and holding its connection', 'edit'),
             (2, 'go-00-cds-delete-workflow-commit-error-ignored',
              'an edit commits the deletion without looking at the commit error, so a failed commit still answers '
              'OK and starts the background delete', 'edit'),
             (0, 'go-ok-00-cds-delete-workflow-rollback-deferred-commit-checked',
              'clean: the fix defers the rollback and checks the commit', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: stats page fetch of a Prometheus exporter (haproxy_exporter)
HAPROXY = template('haproxy-exporter-fetch', r'''
// Exporter collects HAProxy stats from the given URI and exports them using the prometheus metrics package.
type Exporter struct {
    URI   string
    mutex sync.RWMutex
    fetch func() (io.ReadCloser, error)

    up           prometheus.Gauge
    totalScrapes prometheus.Counter
    logger       log.Logger
}

// NewExporter returns an initialized Exporter.
func NewExporter(uri string, sslVerify, proxyFromEnv bool, timeout time.Duration, logger log.Logger) (*Exporter, error) {
    u, err := url.Parse(uri)
    if err != nil {
        return nil, err
    }

    var fetch func() (io.ReadCloser, error)
    switch u.Scheme {
    case "http", "https", "file":
        fetch = fetchHTTP(uri, sslVerify, proxyFromEnv, timeout)
    case "unix":
        fetch = fetchUnix(u, timeout)
    default:
        return nil, fmt.Errorf("unsupported scheme: %q", u.Scheme)
    }

    return &Exporter{
        URI:   uri,
        fetch: fetch,
        up: prometheus.NewGauge(prometheus.GaugeOpts{
            Namespace: namespace,
            Name:      "up",
            Help:      "Was the last scrape of HAProxy successful.",
        }),
        totalScrapes: prometheus.NewCounter(prometheus.CounterOpts{
            Namespace: namespace,
            Name:      "exporter_scrapes_total",
            Help:      "Current total HAProxy scrapes.",
        }),
        logger: logger,
    }, nil
}

// fetchHTTP returns the function every scrape calls to read the CSV stats page.
func fetchHTTP(uri string, sslVerify, proxyFromEnv bool, timeout time.Duration) func() (io.ReadCloser, error) {
    tlsConfig := &tls.Config{InsecureSkipVerify: !sslVerify}
02|    transport := &http.Transport{TLSClientConfig: tlsConfig}
02|    if proxyFromEnv {
02|        transport.Proxy = http.ProxyFromEnvironment
02|    }
02|    client := http.Client{ //@{2}TMO-01
0|        Timeout:   timeout,
02|        Transport: transport,
02|    }

    return func() (io.ReadCloser, error) {
1|        client := http.Client{Timeout: timeout, Transport: &http.Transport{TLSClientConfig: tlsConfig}} //@RES-04
        resp, err := client.Get(uri)
        if err != nil {
            return nil, err
        }
        if !(resp.StatusCode >= 200 && resp.StatusCode < 300) {
            resp.Body.Close()
            return nil, fmt.Errorf("HTTP status %d", resp.StatusCode)
        }
        return resp.Body, nil
    }
}
''')
cases_of(case, GH + 'prometheus/haproxy_exporter/pull/59', 'haproxy_exporter.go',
         G('main', ['crypto/tls', 'fmt', 'io', 'net/http', 'net/url', 'sync', 'time', '',
                    'github.com/go-kit/log', 'github.com/prometheus/client_golang/prometheus'])(HAPROXY), [
             (1, 'go-00-haproxy-exporter-client-built-per-scrape',
              'an edit builds a new client and transport inside the fetch function, so every scrape dials HAProxy '
              'afresh and leaves idle connections behind', 'edit'),
             (2, 'go-00-haproxy-exporter-client-without-timeout',
              'an edit drops the timeout of the stats client, so a stalled HAProxy holds every scrape and its '
              'goroutine forever', 'edit'),
             (0, 'go-ok-00-haproxy-exporter-shared-client-with-timeout',
              'clean: the fix builds one client with its timeout outside the fetch function', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-03: S3 requests of an AWS SDK (goamz)
GOAMZ = template('goamz-s3-run', r'''
// S3 is one S3 endpoint with the credentials of one account.
type S3 struct {
    aws.Auth
    aws.Region
    ConnectTimeout time.Duration
    ReadTimeout    time.Duration
    httpClient     *http.Client
}

// ContentLengths asks S3 for the size of every path with a HEAD request.
func (b *Bucket) ContentLengths(paths []string) (map[string]int64, error) {
    sizes := make(map[string]int64, len(paths))
    for _, path := range paths {
        resp, err := b.Head(path, nil)
        if err != nil {
            return nil, err
        }
01|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
        sizes[path] = resp.ContentLength
    }
    return sizes, nil
}

// run sends a prepared request and decodes its XML answer into resp (when not nil).
func (s3 *S3) run(req *request, resp interface{}) (*http.Response, error) {
    if debug {
        log.Printf("Running S3 request: %#v", req)
    }

    u, err := req.url()
    if err != nil {
        return nil, err
    }

    hreq := http.Request{
        URL:        u,
        Method:     req.method,
        ProtoMajor: 1,
        ProtoMinor: 1,
        Header:     req.headers,
        Form:       req.params,
    }
    if v, ok := req.headers["Content-Length"]; ok {
        hreq.ContentLength, _ = strconv.ParseInt(v[0], 10, 64)
        delete(req.headers, "Content-Length")
    }
    if req.payload != nil {
        hreq.Body = ioutil.NopCloser(req.payload)
    }

1|    c := http.Client{ //@RES-04
1|        Timeout: s3.ConnectTimeout + s3.ReadTimeout,
1|        Transport: &http.Transport{
1|            Dial: func(netw, addr string) (net.Conn, error) {
1|                return net.DialTimeout(netw, addr, s3.ConnectTimeout)
1|            },
1|            ResponseHeaderTimeout: s3.ReadTimeout,
1|        },
1|    }
1|    hresp, err := c.Do(&hreq)
02|    hresp, err := s3.client().Do(&hreq)
    if err != nil {
        return nil, err
    }
    if debug {
        dump, _ := httputil.DumpResponse(hresp, true)
        log.Printf("} -> %s\n", dump)
    }
    if hresp.StatusCode != 200 && hresp.StatusCode != 204 && hresp.StatusCode != 206 {
        return nil, buildError(hresp)
    }
    if resp != nil {
        err = xml.NewDecoder(hresp.Body).Decode(resp)
        hresp.Body.Close()
    }
    return hresp, err
}

// client is the endpoint's one HTTP client, built on first use with the endpoint's timeouts.
func (s3 *S3) client() *http.Client {
    if s3.httpClient == nil {
        s3.httpClient = &http.Client{
            Timeout: s3.ConnectTimeout + s3.ReadTimeout,
            Transport: &http.Transport{
                Dial: func(netw, addr string) (net.Conn, error) {
                    return net.DialTimeout(netw, addr, s3.ConnectTimeout)
                },
                ResponseHeaderTimeout: s3.ReadTimeout,
            },
        }
    }
    return s3.httpClient
}
''')
cases_of(case, GH + 'AdRoll/goamz/pull/248', 's3/s3.go',
         G('s3', ['encoding/xml', 'io/ioutil', 'log', 'net', 'net/http', 'net/http/httputil', 'strconv', 'time', '',
                  'github.com/AdRoll/goamz/aws'])(GOAMZ), [
             (1, 'go-00-goamz-s3-client-built-per-request',
              'an edit builds a new client and transport for every S3 request, so nothing is kept alive and '
              'a busy downloader runs out of ports in TIME_WAIT', 'edit'),
             (2, 'go-00-goamz-s3-head-bodies-deferred-in-loop',
              'an edit defers the close of each HEAD answer inside the loop, so a long path list keeps every '
              'connection until the last answer', 'edit'),
             (0, 'go-ok-00-goamz-s3-shared-client-bodies-closed-per-path',
              'clean: the fix sends every request through the endpoint\'s one client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: device shadow of an AWS IoT device SDK (aws-iot-device-sdk-go)
SHADOW = template('aws-iot-shadow-handlers', r'''
type shadow struct {
    cli       mqtt.Client
    thingName string
    mu        sync.Mutex
    doc       *ThingDocument
    deltaCbs  map[string]DeltaFunc
    logger    *log.Logger
    debug     bool
}

// OnDelta registers fn for the deltas of one state key; a later registration for the key replaces it.
func (s *shadow) OnDelta(key string, fn DeltaFunc) {
02|    s.mu.Lock()
    s.deltaCbs[key] = fn //@{1}CONC-03
02|    s.mu.Unlock()
}

// handleDelta is called by the MQTT client, on its own goroutines, for every delta message of the thing.
func (s *shadow) handleDelta(client mqtt.Client, msg mqtt.Message) {
2|    s.logger.Printf("delta on %s: %s", msg.Topic(), msg.Payload()) //@LOG-01
    var delta struct {
        State     map[string]json.RawMessage `json:"state"`
        Version   int                        `json:"version"`
        Timestamp int64                      `json:"timestamp"`
    }
    if err := json.Unmarshal(msg.Payload(), &delta); err != nil {
        s.logger.Printf("malformed delta on %s: %v", msg.Topic(), err)
        return
    }
01|    if s.debug {
01|        s.logger.Printf("delta version %d on %s", delta.Version, msg.Topic())
01|    }

    s.mu.Lock()
    if s.doc != nil && delta.Version <= s.doc.Version {
        s.mu.Unlock()
        return
    }
    cbs := make(map[string]DeltaFunc, len(delta.State))
    for key := range delta.State {
        if fn, ok := s.deltaCbs[key]; ok {
            cbs[key] = fn
        }
    }
    s.mu.Unlock()

    for key, fn := range cbs {
        fn(key, delta.State[key])
    }
}
''')
cases_of(case, GH + 'seqsense/aws-iot-device-sdk-go/issues/36', 'shadow/shadow.go',
         G('shadow', ['encoding/json', 'log', 'sync', '', 'github.com/eclipse/paho.mqtt.golang'])(SHADOW), [
             (1, 'go-00-aws-iot-shadow-delta-handlers-written-without-lock',
              'an edit registers delta handlers without the shadow\'s lock, while the MQTT goroutines read the map, '
              'so a device that registers late crashes with concurrent map access', 'edit'),
             (2, 'go-00-aws-iot-shadow-every-delta-logged',
              'an edit logs the topic and whole payload of every delta, so a chatty device fills its small disk '
              'with log lines', 'edit'),
             (0, 'go-ok-00-aws-iot-shadow-locked-handlers-debug-log',
              'clean: the fix registers handlers under the lock; one debug-gated line per delta', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-03: MQTT topic delivery of a ledger node (hornet), moved into its own file
HORNET = template('hornet-topic-delivery', r'''
const deliverTimeout = 5 * time.Second

type delivery struct {
    sub     *subscriber
    topic   string
    payload []byte
}

// TopicManager fans the node's events out to the subscribers of each MQTT topic.
type TopicManager struct {
    ctx         context.Context
    mu          sync.RWMutex
    subscribers map[string][]*subscriber
    queue       chan delivery
    dropped     atomic.Uint64
    log         *logger.Logger
}

// NewTopicManager starts the given number of delivery workers, each ending with ctx.
func NewTopicManager(ctx context.Context, workers, queueSize int, log *logger.Logger) *TopicManager {
    t := &TopicManager{
        ctx:         ctx,
        subscribers: make(map[string][]*subscriber),
        queue:       make(chan delivery, queueSize),
        log:         log,
    }
    for i := 0; i < workers; i++ {
        go t.worker()
    }
    return t
}

// Publish hands one event to every subscriber of its topic; it never blocks the caller.
func (t *TopicManager) Publish(topic string, payload []byte) {
    t.mu.RLock()
    subs := t.subscribers[topic]
    t.mu.RUnlock()
    for _, sub := range subs {
01|        select {
01|        case t.queue <- delivery{sub: sub, topic: topic, payload: payload}:
01|        default:
01|            t.dropped.Add(1)
01|        }
2|        go t.deliver(delivery{sub: sub, topic: topic, payload: payload}) //@CONC-02
    }
}

func (t *TopicManager) worker() {
    defer func() {
        if r := recover(); r != nil {
            t.log.Errorf("topic delivery worker stopped: %v", r)
        }
    }()
    for {
        select {
        case <-t.ctx.Done():
            return
        case d := <-t.queue:
            t.deliver(d)
        }
    }
}

func (t *TopicManager) deliver(d delivery) {
02|    ctx, cancel := context.WithTimeout(t.ctx, deliverTimeout)
02|    defer cancel()
1|    ctx, _ := context.WithTimeout(t.ctx, deliverTimeout) //@TMO-03
    if err := d.sub.send(ctx, d.topic, d.payload); err != nil {
        t.log.Debugf("dropping subscriber %s: %v", d.sub.id, err)
        t.remove(d.topic, d.sub)
    }
}

func (t *TopicManager) remove(topic string, sub *subscriber) {
    t.mu.Lock()
    defer t.mu.Unlock()
    subs := t.subscribers[topic]
    for i, s := range subs {
        if s == sub {
            t.subscribers[topic] = append(subs[:i], subs[i+1:]...)
            return
        }
    }
}
''')
cases_of(case, GH + 'iotaledger/hornet/pull/895', 'plugins/mqtt/topic_delivery.go',
         G('mqtt', ['context', 'sync', 'sync/atomic', 'time', '', 'github.com/iotaledger/hive.go/logger'])(HORNET), [
             (1, 'go-00-hornet-moved-delivery-timeout-never-cancelled',
              'a PR moves the topic delivery into its own file and discards the cancel of each delivery\'s timeout '
              'context, so every event leaves a timer behind until it fires', 'rename'),
             (2, 'go-00-hornet-moved-delivery-goroutine-per-event',
              'a PR moves the topic delivery into its own file and starts a goroutine per subscriber and event '
              'instead of queueing, so a slow subscriber piles up goroutines without bound', 'rename'),
             (0, 'go-ok-00-hornet-moved-delivery-queued-cancelled',
              'clean: the move alone; a bounded queue with a fixed set of workers, every timeout context cancelled',
              'rename'),
         ], rename_from='plugins/mqtt/topic_manager.go',
         rename_old=lambda t: t.replace('NewTopicManager', 'newTopicManager'))


# ---------------------------------------------------------------- TMO-03 / TMO-02: REST sink of an IoT stream engine (ekuiper)
EKUIPER = template('ekuiper-rest-sink', r'''
// RestSink posts every result of a rule to an HTTP endpoint.
type RestSink struct {
    client  *http.Client
    method  string
    url     string
    headers map[string]string
    timeout time.Duration
}

// Collect sends one result; the rule's context ends it when the rule stops.
func (r *RestSink) Collect(ctx api.StreamContext, item api.MessageTuple) error {
    logger := ctx.GetLogger()
    body, err := json.Marshal(item.ToMap())
    if err != nil {
        return fmt.Errorf("rest sink: encode result: %w", err)
    }

0|    reqCtx, cancel := context.WithTimeout(ctx, r.timeout)
1|    reqCtx, _ := context.WithTimeout(ctx, r.timeout) //@TMO-03
2|    reqCtx, cancel := context.WithTimeout(context.Background(), r.timeout) //@TMO-02
02|    defer cancel()
    req, err := http.NewRequestWithContext(reqCtx, r.method, r.url, bytes.NewReader(body))
    if err != nil {
        return fmt.Errorf("rest sink: build request: %w", err)
    }
    for k, v := range r.headers {
        req.Header.Set(k, v)
    }
    req.Header.Set("Content-Type", "application/json")

    resp, err := r.client.Do(req)
    if err != nil {
        return errorx.NewIOErr(fmt.Sprintf("rest sink: %s %s: %v", r.method, r.url, err))
    }
    defer resp.Body.Close()
    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
        return fmt.Errorf("rest sink: %s answered %d: %s", r.url, resp.StatusCode, msg)
    }
    logger.Debugf("rest sink: %s answered %d", r.url, resp.StatusCode)
    return nil
}
''')
cases_of(case, GH + 'lf-edge/ekuiper/issues/3473', 'extensions/impl/http/rest_sink.go',
         G('http', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'time', '',
                    'github.com/lf-edge/ekuiper/contract/v2/api', 'github.com/lf-edge/ekuiper/v2/pkg/errorx'])(EKUIPER), [
             (1, 'go-00-ekuiper-rest-sink-timeout-context-never-cancelled',
              'an edit discards the cancel of each result\'s timeout context, so every result sent leaves a timer '
              'and context behind', 'edit'),
             (2, 'go-00-ekuiper-rest-sink-request-on-background-context',
              'an edit derives each request\'s timeout from a background context instead of the rule\'s, so '
              'stopping a rule does not stop the posts it has in flight', 'edit'),
             (0, 'go-ok-00-ekuiper-rest-sink-rule-context-cancelled',
              'clean: the fix derives the timeout from the rule\'s context and cancels it', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-01: request logging of a sinkhole server (netsarlacc)
NETSARLACC = template('netsarlacc-worker', r'''
// LogEntry is one JSON line of the sinkhole log.
type LogEntry struct {
    Timestamp string `json:"timestamp"`
    Src       string `json:"src_ip"`
    Dst       string `json:"dst_ip"`
    Method    string `json:"method"`
    Host      string `json:"host"`
    Path      string `json:"path"`
    UserAgent string `json:"user_agent"`
}

// handle reads one request from the sinkholed connection, answers it and queues its log line.
func (w *Worker) handle(conn net.Conn) {
    defer conn.Close()
    if err := conn.SetReadDeadline(time.Now().Add(w.readTimeout)); err != nil {
        atomic.AddUint64(&w.stats.errors, 1)
        return
    }

    req, err := http.ReadRequest(bufio.NewReaderSize(conn, 4096))
    if err != nil {
        atomic.AddUint64(&w.stats.malformed, 1)
        return
    }
    defer req.Body.Close()

    src, _, _ := net.SplitHostPort(conn.RemoteAddr().String())
    dst, _, _ := net.SplitHostPort(conn.LocalAddr().String())
    entry := LogEntry{
02|        Timestamp: time.Now().UTC().Format(time.RFC3339Nano),
1|        Timestamp: time.Now().Format("2006-01-02 15:04:05.000"), //@TIME-01
        Src:       src,
        Dst:       dst,
        Method:    req.Method,
        Host:      req.Host,
        Path:      req.URL.RequestURI(),
        UserAgent: req.UserAgent(),
    }
    atomic.AddUint64(&w.stats.requests, 1)
2|    log.Printf("sinkholed %s %s%s from %s (%s)", entry.Method, entry.Host, entry.Path, entry.Src, entry.UserAgent) //@LOG-01

    w.answer(conn, req)
    select {
    case w.logQueue <- entry:
    default:
        atomic.AddUint64(&w.stats.dropped, 1)
    }
}
''')
cases_of(case, GH + 'ciscocsirt/netsarlacc/issues/30', 'worker.go',
         G('main', ['bufio', 'log', 'net', 'net/http', 'sync/atomic', 'time'])(NETSARLACC), [
             (1, 'go-00-netsarlacc-log-timestamp-in-host-zone',
              'an edit writes each log line\'s timestamp in the host\'s zone without an offset, so sinkholes in '
              'different zones log times that cannot be compared', 'edit'),
             (2, 'go-00-netsarlacc-every-request-logged',
              'an edit prints a line for every sinkholed request besides the JSON log, so a scanning botnet floods '
              'the service log at thousands of lines a second', 'edit'),
             (0, 'go-ok-00-netsarlacc-utc-timestamp-counted-requests',
              'clean: the fix stamps each line in UTC; requests are counted, not printed', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: a new request helper of a cloud SDK (upcloud-go-api)
UPCLOUD = template('upcloud-client-do', r'''
const userAgent = "upcloud-go-api/8"

// Client sends requests to the UpCloud API with the account's credentials.
type Client struct {
    baseURL    string
    username   string
    password   string
    httpClient *http.Client
}

// Problem is the error document the API answers with.
type Problem struct {
    Type   string `json:"type"`
    Title  string `json:"title"`
    Status int    `json:"status"`
}

func (p *Problem) Error() string {
    return fmt.Sprintf("upcloud: %s (%d)", p.Title, p.Status)
}

// New returns a client for the given account with a bounded HTTP client.
func New(username, password string, timeout time.Duration) *Client {
    return &Client{
        baseURL:    "https://api.upcloud.com/1.3",
        username:   username,
        password:   password,
        httpClient: &http.Client{Timeout: timeout},
    }
}

// Do sends one request and returns the answer's body; ctx bounds and cancels it.
func (c *Client) Do(ctx context.Context, method, path string, body []byte) ([]byte, error) {
01|    req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, bytes.NewReader(body))
2|    req, err := http.NewRequest(method, c.baseURL+path, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return nil, err
    }
    req.SetBasicAuth(c.username, c.password)
    req.Header.Set("Accept", "application/json")
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("User-Agent", userAgent)

    resp, err := c.httpClient.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("upcloud: %s %s: %w", method, path, err)
    }
02|    defer resp.Body.Close()

    if resp.StatusCode >= 400 {
        problem := &Problem{Status: resp.StatusCode}
        if err := json.NewDecoder(resp.Body).Decode(problem); err != nil {
            return nil, fmt.Errorf("upcloud: %s %s answered %d", method, path, resp.StatusCode)
        }
        return nil, problem
    }

    data, err := io.ReadAll(resp.Body)
1|    resp.Body.Close()
    if err != nil {
        return nil, fmt.Errorf("upcloud: read answer of %s %s: %w", method, path, err)
    }
    return data, nil
}
''')
cases_of(case, GH + 'UpCloudLtd/upcloud-go-api/pull/165', 'upcloud/client/do.go',
         G('client', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(UPCLOUD), [
             (1, 'go-00-upcloud-new-client-body-open-on-error-status',
              'a new request helper closes the answer only after a successful read, so every error answer of the '
              'API keeps its connection', 'new'),
             (2, 'go-00-upcloud-new-client-request-ignores-context',
              'a new request helper builds its request without the caller\'s context, so a cancelled or timed-out '
              'caller still waits for the API', 'new'),
             (0, 'go-ok-00-upcloud-new-client-context-deferred-close',
              'clean: a new request helper passing the caller\'s context and closing every answer by defer', 'new'),
         ])
