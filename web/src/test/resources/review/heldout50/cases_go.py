"""Round-50 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / ERR-01: usage-metering query store (openmeter)
OPENMETER = template('openmeter-clickhouse-meter-query', r'''
// QueryParams selects one meter's values over a time range.
type QueryParams struct {
    Namespace   string
    MeterSlug   string
    Aggregation meter.MeterAggregation
    From        *time.Time
    To          *time.Time
    GroupBy     []string
    WindowSize  *meter.WindowSize
}

// queryMeter runs the aggregated meter query and returns one row per window and group.
func (c *ClickhouseConnector) queryMeter(ctx context.Context, params QueryParams) ([]meter.MeterQueryRow, error) {
    query := queryMeterView{
        Database:    c.config.Database,
        Namespace:   params.Namespace,
        MeterSlug:   params.MeterSlug,
        Aggregation: params.Aggregation,
        From:        params.From,
        To:          params.To,
        GroupBy:     params.GroupBy,
        WindowSize:  params.WindowSize,
    }
    sql, args, err := query.toSQL()
    if err != nil {
        return nil, fmt.Errorf("build meter query: %w", err)
    }

    start := time.Now()
    rows, err := c.config.ClickHouse.Query(ctx, sql, args...)
    if err != nil { //@{1}RES-01
        return nil, c.meterQueryError(err, params.MeterSlug)
    }
02|    defer rows.Close()
    c.config.Logger.Debug("clickhouse meter query", "elapsed", time.Since(start), "meter", params.MeterSlug)

    values := []meter.MeterQueryRow{}
    for rows.Next() {
        row := meter.MeterQueryRow{GroupBy: map[string]*string{}}
        var value *float64
        dest := []interface{}{&row.WindowStart, &row.WindowEnd, &value}
        groups := make([]string, len(params.GroupBy))
        for i := range groups {
            dest = append(dest, &groups[i])
        }
        if err := rows.Scan(dest...); err != nil { //@{2}ERR-01
01|            return values, fmt.Errorf("scan meter row: %w", err)
2|            continue
        }
        if value == nil {
            continue
        }
        row.Value = *value
        for i, key := range params.GroupBy {
            row.GroupBy[key] = &groups[i]
        }
        values = append(values, row)
    }
    if err := rows.Err(); err != nil {
        return values, fmt.Errorf("iterate meter rows: %w", err)
    }
    return values, nil
}

func (c *ClickhouseConnector) meterQueryError(err error, slug string) error {
    if strings.Contains(err.Error(), "code: 60") {
        return &models.MeterNotFoundError{MeterSlug: slug}
    }
    return fmt.Errorf("query meter view: %w", err)
}
''')
cases_of(case, GH + 'openmeterio/openmeter/pull/2290', 'openmeter/streaming/clickhouse_connector/connector.go',
         G('clickhouse_connector', ['context', 'fmt', 'strings', 'time', '',
                                    'github.com/openmeterio/openmeter/pkg/models',
                                    'github.com/openmeterio/openmeter/openmeter/meter'])(OPENMETER), [
             (1, 'go-00-openmeter-meter-query-rows-never-closed',
              'an edit drops the close of the meter query\'s rows, so every query that stops early or fails a scan '
              'keeps its ClickHouse connection', 'edit'),
             (2, 'go-00-openmeter-meter-row-scan-error-skipped',
              'an edit skips a meter row whose scan fails instead of returning the error, so usage silently '
              'under-reports', 'edit'),
             (0, 'go-ok-00-openmeter-meter-query-rows-closed-scan-checked',
              'clean: the fix closes the rows by defer and returns every scan error', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP alert notifications (bosun)
BOSUN = template('bosun-http-notification', r'''
// Notification posts or gets an alert to a configured endpoint.
type Notification struct {
    Name   string
    Post   *url.URL
    Get    *url.URL
    Body   *template.Template
    Type   string
    Print  bool
}

02|var notifyClient = &http.Client{Timeout: 30 * time.Second}
1|var notifyClient = &http.Client{} //@TMO-01

// DoPost sends the rendered alert to the notification's URL and reports any failure.
func (n *Notification) DoPost(payload []byte, ak string) error {
    if n.Body != nil {
        buf := new(bytes.Buffer)
        if err := n.Body.Execute(buf, string(payload)); err != nil {
            return fmt.Errorf("notification %s: rendering body for %s: %w", n.Name, ak, err)
        }
        payload = buf.Bytes()
    }
    contentType := n.Type
    if contentType == "" {
        contentType = "application/x-www-form-urlencoded"
    }
    resp, err := notifyClient.Post(n.Post.String(), contentType, bytes.NewReader(payload))
    if err != nil { //@{2}RES-02
        return n.failed(ak, err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return n.failed(ak, fmt.Errorf("bad response: %s", resp.Status))
    }
2|    resp.Body.Close()
    collect.Add("post.sent", opentsdb.TagSet{"notification": n.Name}, 1)
    if n.Print {
        slog.Infof("notification %s: posted %s", n.Name, ak)
    }
    return nil
}

func (n *Notification) failed(ak string, err error) error {
    collect.Add("post.sent_failed", opentsdb.TagSet{"notification": n.Name}, 1)
    return fmt.Errorf("notification %s: posting %s: %w", n.Name, ak, err)
}
''')
cases_of(case, GH + 'bosun-monitor/bosun/pull/2076', 'cmd/bosun/conf/notify.go',
         G('conf', ['bytes', 'fmt', 'net/http', 'net/url', 'text/template', 'time', '',
                    'bosun.org/collect', 'bosun.org/opentsdb', 'bosun.org/slog'])(BOSUN), [
             (1, 'go-00-bosun-notification-client-without-timeout',
              'an edit replaces the notification client with one that has no timeout, so a hung endpoint blocks the '
              'notifying goroutine forever', 'edit'),
             (2, 'go-00-bosun-notification-body-left-open-on-bad-status',
              'an edit closes the answer only after a good status, so every rejected notification keeps its '
              'connection', 'edit'),
             (0, 'go-ok-00-bosun-notification-timeout-deferred-close',
              'clean: the fix gives the client a timeout and closes every answer by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: query engine's concurrent operators (promql-engine)
PROMQL = template('promql-engine-concurrent-operator', r'''
type concurrencyOperator struct {
    next       model.VectorOperator
    buffer     chan maybeStepVector
    bufferSize int
    once       sync.Once
}

// Next returns the next batch of steps, starting the pulling goroutine on the first call.
func (c *concurrencyOperator) Next(ctx context.Context) ([]model.StepVector, error) {
    select {
    case <-ctx.Done():
        return nil, ctx.Err()
    default:
    }

    c.once.Do(func() {
01|        go func() {
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    c.buffer <- maybeStepVector{err: fmt.Errorf("unexpected panic in concurrent operator: %v\n%s", r, debug.Stack())}
01|                    close(c.buffer)
01|                }
01|            }()
01|            c.pull(ctx)
01|        }()
2|        go c.pull(ctx) //@CONC-01
    })

    r, ok := <-c.buffer
    if !ok {
        return nil, nil
    }
    if r.err != nil {
        return nil, r.err
    }
    return r.stepVector, nil
}

// pull reads the next operator until it is exhausted, each read bounded by the engine's step timeout.
func (c *concurrencyOperator) pull(ctx context.Context) {
    defer close(c.buffer)
    for {
02|        stepCtx, cancel := context.WithTimeout(ctx, stepTimeout)
1|        stepCtx, _ := context.WithTimeout(ctx, stepTimeout) //@TMO-03
        r, err := c.next.Next(stepCtx)
02|        cancel()
        if err != nil {
            c.buffer <- maybeStepVector{err: err}
            return
        }
        if r == nil {
            return
        }
        c.buffer <- maybeStepVector{stepVector: r}
    }
}
''')
cases_of(case, GH + 'thanos-io/promql-engine/pull/94', 'execution/exchange/concurrent.go',
         GV('exchange', {v: ['context'] + (['fmt', 'runtime/debug'] if v != 2 else []) + ['sync', '',
                        'github.com/thanos-io/promql-engine/execution/model'] for v in (0, 1, 2)})(PROMQL), [
             (1, 'go-00-promql-engine-step-timeout-context-never-cancelled',
              'an edit discards the cancel of each step\'s timeout context, so every step of a long query leaves a '
              'timer behind until the timeout fires', 'edit'),
             (2, 'go-00-promql-engine-pull-goroutine-without-recover',
              'an edit starts the pulling goroutine bare, so a panicking operator takes the whole query service down',
              'edit'),
             (0, 'go-ok-00-promql-engine-step-cancelled-pull-recovered',
              'clean: the fix cancels each step context and recovers the pulling goroutine into the buffer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-03: batch sends of a push-notification SDK (firebase-admin-go)
FCM = template('firebase-fcm-send-each', r'''
// maxConcurrentSends bounds how many messages of one batch are in flight at once.
const maxConcurrentSends = 10

// SendResponse is the outcome of one message of a batch.
type SendResponse struct {
    Success   bool
    MessageID string
    Error     error
}

// BatchResponse is the outcome of a whole batch, in the order of its messages.
type BatchResponse struct {
    SuccessCount int
    FailureCount int
    Responses    []*SendResponse
}

// SendEach sends every message on its own and reports each outcome at the message's index.
func (c *fcmClient) SendEach(ctx context.Context, messages []*Message) (*BatchResponse, error) {
    if len(messages) == 0 {
        return nil, errors.New("messages must not be empty")
    }
    if len(messages) > maxMessages {
        return nil, fmt.Errorf("messages must not contain more than %d elements", maxMessages)
    }
    for i, m := range messages {
        if err := validateMessage(m); err != nil {
            return nil, fmt.Errorf("invalid message at index %d: %v", i, err)
        }
    }

    responses := make([]*SendResponse, len(messages))
    var wg sync.WaitGroup
01|    var mu sync.Mutex
    br := &BatchResponse{}
02|    sem := make(chan struct{}, maxConcurrentSends)
    for i, m := range messages {
        wg.Add(1)
02|        sem <- struct{}{}
        go func(idx int, msg *Message) { //@{1}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
            id, err := c.send(ctx, &fcmRequest{Message: msg})
            responses[idx] = &SendResponse{Success: err == nil, MessageID: id, Error: err}
01|            mu.Lock()
            if err == nil {
                br.SuccessCount++ //@{2}CONC-03
            } else {
                br.FailureCount++
            }
01|            mu.Unlock()
        }(i, m)
    }
    wg.Wait()
    br.Responses = responses
    return br, nil
}
''')
cases_of(case, GH + 'firebase/firebase-admin-go/pull/695', 'messaging/messaging_send_each.go',
         G('messaging', ['context', 'errors', 'fmt', 'sync'])(FCM), [
             (1, 'go-00-firebase-new-send-each-goroutine-per-message',
              'a new batch sender starts one goroutine per message with no bound, so a batch of hundreds of '
              'messages opens hundreds of sends at once', 'new'),
             (2, 'go-00-firebase-new-send-each-counters-unlocked',
              'a new batch sender counts successes and failures from every sending goroutine without a lock, so the '
              'counts race', 'new'),
             (0, 'go-ok-00-firebase-new-send-each-bounded-locked',
              'clean: a new batch sender with at most ten sends in flight and its counters under a mutex', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-02: feature-flag SDK's analytics sender (ff-golang-server-sdk)
FFMETRICS = template('ff-golang-metrics-sender', r'''
// send posts the collected evaluations of one interval to the metrics service.
func (as *AnalyticsService) sendDataAndResetCache(ctx context.Context) error {
    as.mx.Lock()
    cache := as.analyticsData
    as.analyticsData = map[string]analyticsEvent{}
    as.mx.Unlock()

    metricData := make([]metricsclient.MetricsData, 0, len(cache))
    for _, event := range cache {
        md := metricsclient.MetricsData{
            Timestamp:   time.Now().UnixNano() / int64(time.Millisecond),
            Count:       event.count,
            MetricsType: metricsclient.FFMETRICS,
            Attributes: []metricsclient.KeyValue{
                {Key: featureIdentifierAttribute, Value: event.featureConfig.Feature},
                {Key: variationValueAttribute, Value: event.variation.Value},
                {Key: targetAttribute, Value: event.target.Identifier},
            },
        }
2|        as.logger.Infof("metrics event %s=%s for %s, count %d", event.featureConfig.Feature, event.variation.Value, event.target.Identifier, event.count) //@LOG-01
        metricData = append(metricData, md)
    }
    if len(metricData) == 0 {
        return nil
    }

    body := metricsclient.PostMetricsJSONRequestBody{MetricsData: &metricData}
    resp, err := as.metricsClient.PostMetrics(ctx, metricsclient.EnvironmentPathParam(as.environmentID), body)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("%s error posting metrics: %w", sdk_codes.MetricsSendFail, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("%s metrics service answered %s", sdk_codes.MetricsSendFail, resp.Status)
    }
    as.logger.Debugf("%s metrics sent: %d events", sdk_codes.MetricsSendSuccess, len(metricData))
    return nil
}
''')
cases_of(case, GH + 'harness/ff-golang-server-sdk/pull/59', 'analyticsservice/analytics.go',
         G('analyticsservice', ['context', 'fmt', 'net/http', 'time', '',
                                'github.com/harness/ff-golang-server-sdk/metricsclient',
                                'github.com/harness/ff-golang-server-sdk/sdk_codes'])(FFMETRICS), [
             (1, 'go-00-ff-metrics-answer-never-closed',
              'an edit stops closing the metrics service\'s answer, so every interval\'s post keeps a connection',
              'edit'),
             (2, 'go-00-ff-metrics-every-event-logged-at-info',
              'an edit logs every evaluation event of every interval at INFO, so each SDK floods its service\'s log '
              'once a minute', 'edit'),
             (0, 'go-ok-00-ff-metrics-answer-closed-summary-debug',
              'clean: the fix closes the answer by defer; one debug line per interval', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / TIME-01: webhook relay's request log and delivery record (chaski)
CHASKI = template('chaski-webhook-handler', r'''
// Delivery is the record kept for one received webhook.
type Delivery struct {
    ID         string    `json:"id"`
    Hook       string    `json:"hook"`
    Status     int       `json:"status"`
    ReceivedAt time.Time `json:"received_at"`
    Duration   string    `json:"duration"`
}

// ServeHTTP relays one webhook to its configured targets and records the delivery.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
02|    received := time.Now().UTC()
1|    received := time.Now() //@TIME-01
    name := strings.TrimPrefix(r.URL.Path, "/hooks/")
    hook, ok := s.hooks[name]
    if !ok {
        http.NotFound(w, r)
        return
    }
    body, err := io.ReadAll(io.LimitReader(r.Body, s.maxBody))
    if err != nil {
        http.Error(w, "cannot read body", http.StatusBadRequest)
        return
    }
2|    s.log.Info("webhook received", "hook", name, "remote", r.RemoteAddr, "bytes", len(body), "headers", r.Header) //@LOG-01
    status := hook.Relay(r.Context(), body, r.Header)
    d := Delivery{
        ID:         uuid.NewString(),
        Hook:       name,
        Status:     status,
        ReceivedAt: received,
        Duration:   time.Since(received).String(),
    }
    if err := s.store.Save(r.Context(), d); err != nil {
        s.log.Error("saving delivery", "hook", name, "err", err)
    }
    w.WriteHeader(status)
}
''')
cases_of(case, GH + 'home-operations/chaski/pull/26', 'internal/server/handler.go',
         G('server', ['io', 'net/http', 'strings', 'time', '', 'github.com/google/uuid'])(CHASKI), [
             (1, 'go-00-chaski-delivery-received-in-host-zone',
              'an edit records the delivery\'s receive time in the host\'s zone, so deliveries stored from hosts in '
              'different zones do not compare', 'edit'),
             (2, 'go-00-chaski-every-webhook-logged-with-headers',
              'an edit logs every received webhook with all its headers at INFO, so a busy relay floods its log',
              'edit'),
             (0, 'go-ok-00-chaski-delivery-utc-quiet-log',
              'clean: the fix stamps deliveries in UTC and keeps the request log out of the handler', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: blog API's post repository (gobel-api)
GOBEL = template('gobel-post-repository', r'''
// Save stores a new post with its tags in one transaction and returns its id.
func (pr *PostRepository) Save(ctx context.Context, p *domain.Post) (int, error) {
02|    tx, err := pr.ConnMySQL.BeginTx(ctx, nil)
02|    if err != nil {
02|        return 0, err
02|    }
1|    tx, _ := pr.ConnMySQL.BeginTx(ctx, nil) //@TX-02
    now := time.Now()
    res, err := tx.ExecContext(ctx, `
        INSERT INTO posts (admin_id, category_id, title, md_body, html_body, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    `, p.AdminID, p.Category.ID, p.Title, p.MDBody, p.HTMLBody, p.Status, now, now)
    if err != nil {
        _ = tx.Rollback()
        return 0, err
    }
    id, err := res.LastInsertId()
    if err != nil {
        _ = tx.Rollback()
        return 0, err
    }
    for _, t := range p.Tags {
        _, err := tx.ExecContext(ctx, `INSERT INTO tag_post (tag_id, post_id, created_at, updated_at) VALUES (?, ?, ?, ?)`,
            t.ID, id, now, now)
        if err != nil { //@{2}TX-01
01|            _ = tx.Rollback()
            return 0, err
        }
    }
    if err := tx.Commit(); err != nil {
        return 0, err
    }
    return int(id), nil
}
''')
cases_of(case, GH + 'bmf-san/gobel-api/pull/94', 'app/infrastructure/post_repository.go',
         G('infrastructure', ['context', 'time', '', 'github.com/bmf-san/gobel-api/app/domain'])(GOBEL), [
             (1, 'go-00-gobel-post-save-begin-error-dropped',
              'an edit drops the error of BeginTx, so a refused connection goes on with a nil transaction and panics',
              'edit'),
             (2, 'go-00-gobel-post-save-tag-failure-left-open',
              'an edit returns from a failed tag insert without rolling back, so the post\'s transaction stays open '
              'and holds its connection', 'edit'),
             (0, 'go-ok-00-gobel-post-save-begin-checked-rolled-back',
              'clean: the fix checks BeginTx and rolls back on every failed statement', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-03: browsing-history search indexer (hister)
HISTER = template('hister-file-indexer', r'''
// FileIndexer adds local documents to the search index in the background.
type FileIndexer struct {
    index   *indexer.Index
    log     *slog.Logger
    maxSize int64
}

// IndexDir walks dir and indexes every text document in it; it stops when ctx is cancelled.
func (fi *FileIndexer) IndexDir(ctx context.Context, dir string) error {
    paths, err := listDocuments(dir)
    if err != nil {
        return fmt.Errorf("listing %s: %w", dir, err)
    }
    indexed := 0
    for _, path := range paths {
        if err := ctx.Err(); err != nil {
            return err
        }
02|        if err := fi.indexFile(ctx, path); err != nil {
02|            fi.log.Warn("cannot index file", "path", path, "err", err)
02|            continue
02|        }
1|        f, err := os.Open(path)
1|        if err != nil {
1|            fi.log.Warn("cannot open file", "path", path, "err", err)
1|            continue
1|        }
1|        defer f.Close() //@RES-03
1|        doc, err := readDocument(f, path, fi.maxSize)
1|        if err != nil {
1|            fi.log.Warn("cannot read file", "path", path, "err", err)
1|            continue
1|        }
1|        if err := fi.index.Add(ctx, doc); err != nil {
1|            return fmt.Errorf("indexing %s: %w", path, err)
1|        }
        indexed++
    }
    fi.log.Info("directory indexed", "dir", dir, "documents", indexed)
    return nil
}

02|func (fi *FileIndexer) indexFile(ctx context.Context, path string) error {
02|    f, err := os.Open(path)
02|    if err != nil {
02|        return err
02|    }
02|    defer f.Close()
02|    doc, err := readDocument(f, path, fi.maxSize)
02|    if err != nil {
02|        return err
02|    }
0|    return fi.index.Add(ctx, doc)
2|    return fi.index.Add(context.Background(), doc) //@TMO-02
02|}
''')
cases_of(case, GH + 'asciimoo/hister/pull/255', 'server/indexer/file_indexer.go',
         G('indexer', ['context', 'fmt', 'log/slog', 'os'])(HISTER), [
             (1, 'go-00-hister-moved-indexer-file-close-deferred-in-loop',
              'a PR moves the file indexer into its own file and inlines the per-file work into the loop, deferring '
              'each file\'s close to the end of the walk, so a large directory runs out of descriptors', 'rename'),
             (2, 'go-00-hister-moved-indexer-add-on-background-context',
              'a PR moves the file indexer into its own file and adds each document on a background context, so '
              'stopping the server no longer stops a running add', 'rename'),
             (0, 'go-ok-00-hister-moved-indexer-closed-per-file-ctx-passed',
              'clean: the move alone; each file closed by its own function, the caller\'s context passed on',
              'rename'),
         ], rename_from='server/indexer/files.go',
         rename_old=lambda t: t.replace('FileIndexer', 'fileIndexer'))


# ---------------------------------------------------------------- ERR-01 / RES-04: game-database API client (igdb)
IGDB = template('igdb-client-get', r'''
// Client queries the IGDB API with one application's credentials.
type Client struct {
02|    http    *http.Client
    rootURL string
    id      string
    token   string
}

// NewClient returns a client for the application id and access token.
func NewClient(id, token string) *Client {
    return &Client{
02|        http:    &http.Client{Timeout: 15 * time.Second},
        rootURL: igdbURL,
        id:      id,
        token:   token,
    }
}

// post sends the query to endpoint and decodes the answer into result.
func (c *Client) post(end endpoint, query string, result interface{}) error {
    req, err := http.NewRequest(http.MethodPost, c.rootURL+string(end), strings.NewReader(query))
    if err != nil {
        return errors.Wrap(err, "cannot create request")
    }
    req.Header.Add("Client-ID", c.id)
    req.Header.Add("Authorization", "Bearer "+c.token)
    req.Header.Add("Accept", "application/json")

02|    resp, err := c.http.Do(req)
1|    client := &http.Client{Timeout: 15 * time.Second} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return errors.Wrap(err, "http client cannot send request")
    }
    defer resp.Body.Close()
    b, err := io.ReadAll(resp.Body)
    if err != nil {
        return errors.Wrap(err, "cannot read response body")
    }
    if err := checkResponse(resp.StatusCode, b); err != nil {
        return err
    }
01|    if err := json.Unmarshal(b, result); err != nil {
01|        return errors.Wrap(err, "cannot unmarshal response into result")
01|    }
2|    json.Unmarshal(b, result) //@ERR-01
    return nil
}
''')
cases_of(case, GH + 'Henry-Sarabia/igdb/issues/55', 'igdb.go',
         G('igdb', ['encoding/json', 'io', 'net/http', 'strings', 'time', '', 'github.com/pkg/errors'])(IGDB), [
             (1, 'go-00-igdb-client-per-request',
              'an edit builds a new HTTP client for every query, so each call of a busy catalogue sync opens its own '
              'connections', 'edit'),
             (2, 'go-00-igdb-answer-decode-error-ignored',
              'an edit decodes the API\'s answer without looking at the decode error, so a changed schema comes back '
              'as empty games', 'edit'),
             (0, 'go-ok-00-igdb-shared-client-decode-checked',
              'clean: the fix keeps one client in the struct and checks the decode', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-02: push server's update fan-out (pushgo)
PUSHGO = template('pushgo-update-handler', r'''
// UpdateHandler accepts an application server's version update for one channel and notifies the device.
func (h *EndpointHandler) UpdateHandler(resp http.ResponseWriter, req *http.Request) {
    timer := time.Now()
    uaid, chid, ok := h.resolvePK(req.FormValue("pk"))
    if !ok {
        h.metrics.Increment("updates.appserver.invalid")
        http.Error(resp, "Invalid token", http.StatusNotFound)
        return
    }
    version, err := parseVersion(req.FormValue("version"))
    if err != nil {
        http.Error(resp, "Invalid version", http.StatusBadRequest)
        return
    }
    data := req.FormValue("data")
    if len(data) > h.maxDataLen {
        http.Error(resp, "Data too large", http.StatusRequestEntityTooLarge)
        return
    }
01|    if err := h.store.Update(req.Context(), uaid, chid, version); err != nil {
2|    if err := h.store.Update(context.Background(), uaid, chid, version); err != nil { //@TMO-02
        h.metrics.Increment("updates.appserver.error")
        h.logger.Warn("handlers_endpoint", "could not store update", LogFields{"uaid": uaid, "error": err.Error()})
        http.Error(resp, "Could not update channel version", http.StatusServiceUnavailable)
        return
    }

02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil {
02|                h.logger.Panic("handlers_endpoint", "update delivery panicked", LogFields{"uaid": uaid, "panic": fmt.Sprint(r)})
02|            }
02|        }()
02|        h.deliver(uaid, chid, version, data)
02|    }()
1|    go h.deliver(uaid, chid, version, data) //@CONC-01
    h.metrics.Timer("updates.handled", time.Since(timer))
    resp.Header().Set("Content-Type", "application/json")
    resp.Write([]byte("{}"))
}

// deliver wakes the device's connection if it is on this node, or routes the update to the node that holds it.
func (h *EndpointHandler) deliver(uaid, chid string, version int64, data string) {
    if client, ok := h.app.GetClient(uaid); ok {
        client.Worker.Flush(client, 0, chid, version, data)
        return
    }
    if h.router != nil {
        h.router.Route(h.app.Context(), uaid, chid, version, time.Now().UTC(), data)
    }
}
''')
cases_of(case, GH + 'mozilla-services/pushgo/pull/167', 'simplepush/handlers_endpoint.go',
         GV('simplepush', {v: ['context'] + (['fmt'] if v != 1 else []) + ['net/http', 'time']
                           for v in (0, 1, 2)})(PUSHGO), [
             (1, 'go-00-pushgo-update-delivery-goroutine-without-recover',
              'an edit starts each update\'s delivery as a bare goroutine, so one panicking delivery takes every '
              'device connection of the node down', 'edit'),
             (2, 'go-00-pushgo-update-stored-on-background-context',
              'an edit stores the update on a background context instead of the request\'s, so a slow store keeps '
              'going after the application server gave up', 'edit'),
             (0, 'go-ok-00-pushgo-update-delivery-recovered-ctx-passed',
              'clean: the fix recovers and logs the delivery goroutine; the store runs on the request\'s context', 'fix'),
         ])
