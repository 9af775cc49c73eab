"""Round-30 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

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


# ---------------------------------------------------------------- RES-02 / TMO-02: VM backend (travis-ci worker)
JUPITER = template('jupiterbrain', r'''
type jupiterBrainProvider struct {
    client  *http.Client
    baseURL *url.URL
    imageSelector image.Selector
    bootPollSleep time.Duration
}

type jupiterBrainInstancePayload struct {
    ID          string   `json:"id"`
    IPAddresses []string `json:"ip-addresses"`
    State       string   `json:"state"`
    BaseImage   string   `json:"base-image,omitempty"`
}

type jupiterBrainDataResponse struct {
    Data []jupiterBrainInstancePayload `json:"data"`
}

// Start asks Jupiter Brain for a new VM from the selected image and waits until it reports an address.
func (p *jupiterBrainProvider) Start(ctx gocontext.Context, startAttributes *StartAttributes) (Instance, error) {
    logger := context.LoggerFromContext(ctx).WithField("self", "backend/jupiterbrain_provider")
    imageName, err := p.imageSelector.Select(ctx, &image.Params{
        Language: startAttributes.Language,
        OsxImage: startAttributes.OsxImage,
        Dist:     startAttributes.Dist,
        Group:    startAttributes.Group,
        OS:       startAttributes.OS,
    })
    if err != nil {
        return nil, err
    }

    u, err := p.baseURL.Parse("instances")
    if err != nil {
        return nil, err
    }
    body, err := json.Marshal(jupiterBrainDataResponse{Data: []jupiterBrainInstancePayload{{BaseImage: imageName}}})
    if err != nil {
        return nil, err
    }
    req, err := http.NewRequestWithContext(ctx, "POST", u.String(), bytes.NewReader(body))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/vnd.api+json")

    resp, err := p.client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, errors.Wrap(err, "error sending create request")
1|        return nil, errors.Wrap(err, "jupiterbrain: create request failed")
    }
02|    defer resp.Body.Close()

    if c := resp.StatusCode; c < 200 || c >= 300 {
        body, _ := ioutil.ReadAll(resp.Body)
        return nil, fmt.Errorf("expected 2xx from Jupiter Brain API, got %d (error: %s)", c, body)
    }

    dataPayload := &jupiterBrainDataResponse{}
    err = json.NewDecoder(resp.Body).Decode(dataPayload)
1|    resp.Body.Close()
    if err != nil {
        logger.WithField("err", err).Error("error decoding create response")
        return nil, err
    }
    if len(dataPayload.Data) == 0 {
        return nil, fmt.Errorf("create response from Jupiter Brain API held no instance")
    }
    return p.waitForIP(ctx, dataPayload.Data[0].ID)
}

// Stop deletes the VM and does not wait for Jupiter Brain to finish tearing it down.
func (i *jupiterBrainInstance) Stop(ctx gocontext.Context) error {
    u, err := i.provider.baseURL.Parse(fmt.Sprintf("instances/%s", url.QueryEscape(i.payload.ID)))
    if err != nil {
        return err
    }

01|    req, err := http.NewRequestWithContext(ctx, "DELETE", u.String(), nil)
2|    req, err := http.NewRequest("DELETE", u.String(), nil) //@TMO-02
    if err != nil {
        return err
    }

    resp, err := i.provider.client.Do(req)
    if err != nil {
        return errors.Wrap(err, "error sending delete request")
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusNotFound {
        return fmt.Errorf("expected 204 or 404 from Jupiter Brain API, got %d", resp.StatusCode)
    }
    return nil
}
''')
cases_of(case, GH + 'travis-ci/worker/pull/194', 'backend/jupiterbrain.go',
         G('backend', ['bytes', 'gocontext context', 'encoding/json', 'fmt', 'io/ioutil', 'net/http', 'net/url',
                       'time', '', 'github.com/pkg/errors', 'github.com/travis-ci/worker/context',
                       'github.com/travis-ci/worker/image'])(JUPITER), [
             (1, 'go-00-jupiterbrain-create-body-left-open-on-error-status',
              'an edit closes the create response body only after decoding, so every non-2xx answer keeps its connection',
              'edit'),
             (2, 'go-00-jupiterbrain-stop-request-without-job-context',
              'an edit builds the delete request without the job context, so a cancelled job still waits on the API',
              'edit'),
             (0, 'go-ok-00-jupiterbrain-body-deferred-requests-carry-context',
              'clean: the create body closed by defer on every path, both requests built with the job context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: registry exporter (harbor_exporter)
HARBOR = template('harbor', r'''
type HarborOpts struct {
    url      string
    username string
    password string
    timeout  time.Duration
    insecure bool
    cacheEnabled bool
}

type HarborExporter struct {
    client *http.Client
    opts   HarborOpts
    logger log.Logger
}

// NewHarborExporter builds the API client every collector of the exporter shares.
func NewHarborExporter(opts HarborOpts, logger log.Logger) (*HarborExporter, error) {
    if !strings.HasSuffix(opts.url, "/api/v2.0") {
        opts.url = strings.TrimRight(opts.url, "/") + "/api/v2.0"
    }
    transport := &http.Transport{
        Proxy:           http.ProxyFromEnvironment,
        TLSClientConfig: &tls.Config{InsecureSkipVerify: opts.insecure},
        MaxIdleConns:    10,
        IdleConnTimeout: 90 * time.Second,
    }
    client := &http.Client{ //@{1}TMO-01
        Transport: transport,
02|        Timeout:   opts.timeout,
    }
    return &HarborExporter{client: client, opts: opts, logger: logger}, nil
}

// request fetches one API path and returns its body; the collectors decode it.
func (h *HarborExporter) request(endpoint string) ([]byte, error) {
    req, err := http.NewRequest("GET", h.opts.url+endpoint, nil)
    if err != nil {
        return nil, err
    }
    req.SetBasicAuth(h.opts.username, h.opts.password)

    resp, err := h.client.Do(req) //@{2}RES-02
    if err != nil {
01|        level.Error(h.logger).Log("msg", "request failed", "endpoint", endpoint, "err", err.Error())
2|        level.Error(h.logger).Log("msg", "Harbor API request failed", "url", h.opts.url+endpoint, "err", err)
        return nil, err
    }
01|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("%s returned HTTP status %s", endpoint, resp.Status)
    }
    body, err := ioutil.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    return body, nil
}

func (h *HarborExporter) collectRepositories(ch chan<- prometheus.Metric) bool {
    body, err := h.request("/statistics")
    if err != nil {
        return false
    }
    var stats struct {
        PrivateProjectCount int `json:"private_project_count"`
        PublicProjectCount  int `json:"public_project_count"`
        TotalRepoCount      int `json:"total_repo_count"`
    }
    if err := json.Unmarshal(body, &stats); err != nil {
        level.Error(h.logger).Log("msg", "decoding statistics", "err", err.Error())
        return false
    }
    ch <- prometheus.MustNewConstMetric(allMetrics["repositories_total"].Desc, prometheus.GaugeValue,
        float64(stats.TotalRepoCount))
    return true
}
''')
cases_of(case, GH + 'c4po/harbor_exporter/pull/23', 'harbor_exporter.go',
         G('main', ['crypto/tls', 'encoding/json', 'fmt', 'io/ioutil', 'net/http', 'strings', 'time', '',
                    'github.com/go-kit/kit/log', 'github.com/go-kit/kit/log/level',
                    'github.com/prometheus/client_golang/prometheus'])(HARBOR), [
             (1, 'go-00-harbor-exporter-client-ignores-timeout-flag',
              'an edit builds the shared API client without the configured timeout, so a stuck Harbor hangs every scrape',
              'edit'),
             (2, 'go-00-harbor-exporter-response-body-never-closed',
              'an edit drops the deferred close of each API response body, so every scrape keeps a socket', 'edit'),
             (0, 'go-ok-00-harbor-exporter-client-timeout-body-closed',
              'clean: the shared client carries the timeout flag, each response body closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: IRC bot dispatcher (ultimateq)
ULTIMATEQ = template('ultimateq', r'''
// Dispatcher hands every IRC event to the handlers registered for its name.
type Dispatcher struct {
    protect  sync.RWMutex
    handlers map[string][]Handler
    waiter   sync.WaitGroup
    logger   log15.Logger
}

// NewDispatcher creates a dispatcher with no handlers.
func NewDispatcher(logger log15.Logger) *Dispatcher {
    return &Dispatcher{handlers: make(map[string][]Handler), logger: logger}
}

// Register adds a handler for an event name and returns an id to unregister it with.
func (d *Dispatcher) Register(event string, handler Handler) int {
    d.protect.Lock()
    defer d.protect.Unlock()
    event = strings.ToUpper(event)
    d.handlers[event] = append(d.handlers[event], handler)
    return len(d.handlers[event]) - 1
}

// Dispatch sends the event to every handler of its name, each on its own goroutine.
func (d *Dispatcher) Dispatch(w irc.Writer, ev *irc.Event) {
    d.protect.RLock()
    handlers := d.handlers[ev.Name]
    raw := d.handlers[irc.RAW]
    d.protect.RUnlock()

    all := make([]Handler, 0, len(handlers)+len(raw))
    all = append(all, raw...)
    all = append(all, handlers...)
2|    d.logger.Info("dispatching event", "name", ev.Name, "sender", ev.Sender, "handlers", len(all)) //@LOG-01
    for _, handler := range all {
        d.waiter.Add(1)
        go func(h Handler) { //@{1}CONC-01
            defer d.waiter.Done()
02|            defer d.panicHandler(ev)
            h.Handle(w, ev)
        }(handler)
    }
}

// panicHandler logs a handler's panic with the event that caused it, so one bad handler does not kill the bot.
func (d *Dispatcher) panicHandler(ev *irc.Event) {
    if r := recover(); r != nil {
        d.logger.Error("handler panicked", "event", ev.Name, "args", strings.Join(ev.Args, " "),
            "panic", r, "stack", string(debug.Stack()))
    }
}

// WaitForHandlers blocks until every handler started so far has returned.
func (d *Dispatcher) WaitForHandlers() {
    d.waiter.Wait()
}
''')
cases_of(case, GH + 'aarondl/ultimateq/pull/32', 'dispatch/dispatch.go',
         G('dispatch', ['runtime/debug', 'strings', 'sync', '', 'github.com/aarondl/ultimateq/irc',
                        'gopkg.in/inconshreveable/log15.v2'])(ULTIMATEQ), [
             (1, 'go-00-ultimateq-handler-goroutine-without-recover',
              'an edit drops the deferred panic handler, so one panicking handler takes the whole bot down', 'edit'),
             (2, 'go-00-ultimateq-info-line-per-dispatched-event',
              'an edit logs every dispatched IRC event at info, one line per message on a busy network', 'edit'),
             (0, 'go-ok-00-ultimateq-handlers-recovered-no-line-per-event',
              'clean: every handler goroutine recovers, no line per event', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: event bus (WeKnora), new file
WEKNORA = template('weknora', r'''
// Handler reacts to one event; an error is logged by the bus.
type Handler func(ctx context.Context, evt Event) error

// Event is one thing that happened in the knowledge base, such as a document parsed or a chunk embedded.
type Event struct {
    Type      string
    SessionID string
    Data      any
}

// Bus delivers events to the handlers subscribed to their type.
type Bus struct {
    mu       sync.RWMutex
    handlers map[string][]Handler
    async    bool
    timeout  time.Duration
}

// NewBus returns a bus; async buses do not wait for handlers in Emit.
func NewBus(async bool, timeout time.Duration) *Bus {
    return &Bus{handlers: make(map[string][]Handler), async: async, timeout: timeout}
}

// On subscribes a handler to an event type.
func (b *Bus) On(eventType string, h Handler) {
    b.mu.Lock()
    defer b.mu.Unlock()
    b.handlers[eventType] = append(b.handlers[eventType], h)
}

func (b *Bus) subscribers(eventType string) []Handler {
    b.mu.RLock()
    defer b.mu.RUnlock()
    return append([]Handler(nil), b.handlers[eventType]...)
}

// Emit delivers the event; on an async bus each handler runs on its own goroutine.
func (b *Bus) Emit(ctx context.Context, evt Event) {
    for _, h := range b.subscribers(evt.Type) {
        if !b.async {
            b.call(ctx, h, evt)
            continue
        }
        go func(h Handler) { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    logger.Errorf(ctx, "event handler for %s panicked: %v\n%s", evt.Type, r, debug.Stack())
02|                }
02|            }()
            b.call(ctx, h, evt)
        }(h)
    }
}

// EmitAndWait delivers the event to every handler and waits for all of them, each bounded by the bus timeout.
func (b *Bus) EmitAndWait(ctx context.Context, evt Event) error {
01|    ctx, cancel := context.WithTimeout(ctx, b.timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, b.timeout) //@TMO-03
    var wg sync.WaitGroup
    errs := make(chan error, len(b.subscribers(evt.Type)))
    for _, h := range b.subscribers(evt.Type) {
        wg.Add(1)
        go func(h Handler) {
            defer wg.Done()
            defer func() {
                if r := recover(); r != nil {
                    errs <- fmt.Errorf("event handler for %s panicked: %v", evt.Type, r)
                }
            }()
            if err := h(ctx, evt); err != nil {
                errs <- err
            }
        }(h)
    }
    wg.Wait()
    close(errs)
    var all []error
    for err := range errs {
        all = append(all, err)
    }
    return errors.Join(all...)
}

func (b *Bus) call(ctx context.Context, h Handler, evt Event) {
    if err := h(ctx, evt); err != nil {
        logger.Warnf(ctx, "event handler for %s failed: %v", evt.Type, err)
    }
}
''')
cases_of(case, GH + 'Tencent/WeKnora/pull/1581', 'internal/event/bus.go',
         G('event', ['context', 'errors', 'fmt', 'runtime/debug', 'sync', 'time', '',
                     'github.com/Tencent/WeKnora/internal/logger'])(WEKNORA), [
             (1, 'go-00-weknora-new-event-bus-async-handlers-without-recover',
              'a new event bus runs each asynchronous handler on a goroutine without recover', 'new'),
             (2, 'go-00-weknora-new-event-bus-wait-timeout-cancel-discarded',
              'a new event bus bounds EmitAndWait with a timeout context and throws its cancel away', 'new'),
             (0, 'go-ok-00-weknora-new-event-bus-recovered-cancel-deferred',
              'clean: a new event bus whose handler goroutines recover and whose timeout is cancelled by defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: sync solver (Kong deck)
DECK = template('deck', r'''
// Stats counts the operations a sync performed, by kind.
type Stats struct {
    CreateOps *AtomicInt32Counter
    UpdateOps *AtomicInt32Counter
    DeleteOps *AtomicInt32Counter
}

// AtomicInt32Counter is a counter the solver's parallel workers share.
type AtomicInt32Counter struct {
    counter int32
    lock    sync.RWMutex
}

// Increment adds delta to the counter.
func (a *AtomicInt32Counter) Increment(delta int32) {
    a.lock.Lock()
    defer a.lock.Unlock()
    a.counter += delta
}

// Count returns the counter's value.
func (a *AtomicInt32Counter) Count() int32 {
    a.lock.RLock()
    defer a.lock.RUnlock()
    return a.counter
}

// Solve applies the differences between the target and current state with `parallelism` workers.
func Solve(ctx context.Context, syncer *diff.Syncer, client *kong.Client, parallelism int, dry bool) (Stats, []error) {
    stats := Stats{
        CreateOps: &AtomicInt32Counter{},
        UpdateOps: &AtomicInt32Counter{},
        DeleteOps: &AtomicInt32Counter{},
    }
    recordOp := func(op crud.Op) {
        switch op {
        case crud.Create:
            stats.CreateOps.Increment(1)
        case crud.Update:
            stats.UpdateOps.Increment(1)
        case crud.Delete:
            stats.DeleteOps.Increment(1)
        }
    }

    r := buildRegistry(client)
    errs := syncer.Run(ctx, parallelism, func(e diff.Event) (crud.Arg, error) {
        var err error
        var result crud.Arg

        c := e.Obj.(state.ConsoleString)
        switch e.Op {
        case crud.Create:
            print.CreatePrintln("creating", e.Kind, c.Console())
        case crud.Update:
            diffString, err := getDiff(e.OldObj, e.Obj)
            if err != nil {
                return nil, err
            }
            print.UpdatePrintf("updating %s %s\n%s", e.Kind, c.Console(), diffString)
        case crud.Delete:
            print.DeletePrintln("deleting", e.Kind, c.Console())
        default:
            panic("unknown operation " + e.Op.String())
        }

        if !dry {
01|            result, err = r.Do(ctx, e.Kind, e.Op, e)
01|            if err != nil {
01|                return nil, errors.Wrapf(err, "%v %v %v failed", e.Op, e.Kind, c.Console())
01|            }
2|            result, _ = r.Do(ctx, e.Kind, e.Op, e) //@ERR-01
        } else {
            result = e.Obj
        }
02|        recordOp(e.Op)
1|        switch e.Op { //@CONC-03
1|        case crud.Create:
1|            stats.CreateOps.counter++
1|        case crud.Update:
1|            stats.UpdateOps.counter++
1|        case crud.Delete:
1|            stats.DeleteOps.counter++
1|        }
        return result, nil
    })
    return stats, errs
}
''')
cases_of(case, GH + 'Kong/deck/pull/381', 'solver/solver.go',
         G('solver', ['context', 'sync', '', 'github.com/kong/deck/crud', 'github.com/kong/deck/diff',
                      'github.com/kong/deck/print', 'github.com/kong/deck/state', 'github.com/kong/go-kong/kong',
                      'github.com/pkg/errors'])(DECK), [
             (1, 'go-00-deck-solver-workers-bump-counters-unlocked',
              'an edit has the parallel sync workers bump the operation counters directly, past their lock', 'edit'),
             (2, 'go-00-deck-solver-failed-operation-counted-as-done',
              'an edit drops the error of each Kong API operation, so a failed sync reports success', 'edit'),
             (0, 'go-ok-00-deck-solver-counters-locked-errors-returned',
              'clean: counters bumped through their locked method, each operation error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-03: push workers (gaurun), renamed
GAURUN = template('gaurun', r'''
// StatApp counts the pushes of one platform; the push workers update it concurrently.
type StatApp struct {
    QueueMax    int   `json:"queue_max"`
    QueueUsage  int   `json:"queue_usage"`
    PushSuccess int64 `json:"push_success"`
    PushError   int64 `json:"push_error"`
}

var (
    StatGaurun StatApp
    AndroidClient *http.Client
)

// InitHTTPClient builds the one client every Android push shares, keeping connections to FCM alive.
func InitHTTPClient() error {
    AndroidClient = &http.Client{
        Transport: &http.Transport{
            MaxIdleConnsPerHost: ConfGaurun.Android.KeepAliveConns,
            IdleConnTimeout:     time.Duration(ConfGaurun.Android.KeepAliveTimeout) * time.Second,
        },
        Timeout: time.Duration(ConfGaurun.Android.Timeout) * time.Second,
    }
    return nil
}

func pushNotificationAndroid(req RequestGaurunNotification) error {
    LogError.Debug("START push notification for Android")
    data := map[string]interface{}{"message": req.Message}
    if len(req.Extend) > 0 {
        for _, extend := range req.Extend {
            data[extend.Key] = extend.Value
        }
    }
    msg := gcm.NewMessage(data, req.Tokens...)
    msg.CollapseKey = req.CollapseKey
    msg.TimeToLive = req.TimeToLive

02|    client := gcm.NewClient(ConfGaurun.Android.ApiKey, AndroidClient)
02|    resp, err := client.Send(msg)
1|    resp, err := gcm.NewClient(ConfGaurun.Android.ApiKey, &http.Client{ //@RES-04
1|        Transport: &http.Transport{MaxIdleConnsPerHost: ConfGaurun.Android.KeepAliveConns},
1|        Timeout:   time.Duration(ConfGaurun.Android.Timeout) * time.Second,
1|    }).Send(msg)
    if err != nil {
        for _, token := range req.Tokens {
            LogPush(req.ID, StatusFailedPush, token, 0, req, err)
        }
        return err
    }
    if resp.Failure > 0 {
        for i, result := range resp.Results {
            if result.Error != "" {
                LogPush(req.ID, StatusFailedPush, req.Tokens[i], 0, req, errors.New(result.Error))
            }
        }
    }
    LogError.Debug("END push notification for Android")
    return nil
}

func pushNotificationWorker() {
    for notification := range QueueNotification {
        var err error
        switch notification.Platform {
        case PlatFormIos:
            err = pushNotificationIos(notification)
        case PlatFormAndroid:
            err = pushNotificationAndroid(notification)
        }
        if err != nil {
01|            atomic.AddInt64(&StatGaurun.PushError, 1)
2|            StatGaurun.PushError++ //@CONC-03
            continue
        }
01|        atomic.AddInt64(&StatGaurun.PushSuccess, int64(len(notification.Tokens)))
2|        StatGaurun.PushSuccess += int64(len(notification.Tokens))
    }
}
''')


def gaurun_old(text):
    return text.replace('package push', 'package gaurun')


cases_of(case, GH + 'mercari/gaurun/pull/15', 'push/worker.go',
         GV('push', {0: ['errors', 'net/http', 'sync/atomic', 'time', '', 'github.com/mercari/gcm'],
                     1: ['errors', 'net/http', 'sync/atomic', 'time', '', 'github.com/mercari/gcm'],
                     2: ['errors', 'net/http', 'time', '', 'github.com/mercari/gcm']})(GAURUN), [
             (1, 'go-00-gaurun-moved-worker-builds-http-client-per-push',
              'a PR moves the push worker and builds a new HTTP client and transport for every Android push', 'rename'),
             (2, 'go-00-gaurun-moved-worker-bumps-push-counters-unsynchronised',
              'a PR moves the push worker and has every worker bump the shared push counters without atomics', 'rename'),
             (0, 'go-ok-00-gaurun-moved-worker-atomic-counters-shared-client',
              'clean: the move alone; one shared HTTP client, the push counters bumped atomically', 'rename'),
         ], rename_from='gaurun/worker.go', rename_old=gaurun_old)


# ---------------------------------------------------------------- ERR-01 / RES-03: API client (pangea-go)
PANGEA = template('pangea', r'''
// PangeaResponse is the envelope every Pangea service answers with.
type PangeaResponse[T any] struct {
    ResponseHeader
    Result    *T              `json:"result"`
    RawResult json.RawMessage `json:"-"`
}

// FetchAcceptedResponse polls the request-result endpoint of a 202 Accepted answer until it is ready.
func (c *Client) FetchAcceptedResponse(ctx context.Context, requestID string, v any) (*PangeaResponse[any], error) {
    path := fmt.Sprintf("request/%s", requestID)
    var last *http.Response
    for attempt := 0; attempt < c.config.PollResultRetries; attempt++ {
        req, err := c.NewRequest(ctx, "GET", path, nil)
        if err != nil {
            return nil, err
        }
        resp, err := c.client.Do(req)
        if err != nil {
            return nil, err
        }
01|        last = resp
01|        if resp.StatusCode != http.StatusAccepted {
01|            break
01|        }
01|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
2|        last = resp
2|        if resp.StatusCode != http.StatusAccepted {
2|            break
2|        }
        select {
        case <-ctx.Done():
            return nil, ctx.Err()
        case <-time.After(c.pollDelay(attempt)):
        }
    }
    if last == nil {
        return nil, errors.New("pangea: no poll attempt was made")
    }
01|    defer last.Body.Close()
    return c.decode(last, v)
}

func (c *Client) decode(resp *http.Response, v any) (*PangeaResponse[any], error) {
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
    var r PangeaResponse[any]
02|    if err := json.Unmarshal(body, &r); err != nil {
02|        return nil, fmt.Errorf("pangea: decoding response envelope: %w", err)
02|    }
1|    json.Unmarshal(body, &r) //@ERR-01
    if r.Status == nil || *r.Status != "Success" {
        return nil, NewAPIError(resp, &r)
    }
    raw := struct {
        Result json.RawMessage `json:"result"`
    }{}
    if err := json.Unmarshal(body, &raw); err != nil {
        return nil, err
    }
    r.RawResult = raw.Result
    if v != nil && len(raw.Result) > 0 {
        if err := json.Unmarshal(raw.Result, v); err != nil {
            return nil, fmt.Errorf("pangea: decoding result: %w", err)
        }
        r.Result = &v
    }
    return &r, nil
}
''')
cases_of(case, GH + 'pangeacyber/pangea-go/pull/416', 'pangea-sdk/pangea/request.go',
         G('pangea', ['context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http', 'time'])(PANGEA), [
             (1, 'go-00-pangea-response-envelope-decode-error-dropped',
              'an edit stops checking the decode of the response envelope, so a garbled answer reads as an API error '
              'with no status', 'edit'),
             (2, 'go-00-pangea-poll-loop-defers-every-body-close',
              'an edit defers the close of every polled response inside the retry loop', 'edit'),
             (0, 'go-ok-00-pangea-envelope-error-returned-poll-bodies-closed',
              'clean: the envelope decode error returned, each polled body closed before the next attempt', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-03: provide workers (go-bitswap)
BITSWAP = template('bitswap', r'''
const provideTimeout = 15 * time.Second

// provideCollector hands every new block key to the provide workers.
func (bs *Bitswap) provideCollector(ctx context.Context) {
    defer close(bs.provideKeys)
01|    for {
01|        select {
01|        case blkey, ok := <-bs.newBlocks:
01|            if !ok {
01|                log.Debug("newBlocks channel closed")
01|                return
01|            }
01|            select {
01|            case bs.provideKeys <- blkey:
01|            case <-ctx.Done():
01|                return
01|            }
01|        case <-ctx.Done():
01|            return
01|        }
01|    }
2|    var toProvide []cid.Cid
2|    var nextKey cid.Cid
2|    var keysOut chan cid.Cid
2|    for {
2|        select {
2|        case blkey, ok := <-bs.newBlocks:
2|            if !ok {
2|                log.Debug("newBlocks channel closed")
2|                return
2|            }
2|            if keysOut == nil {
2|                nextKey = blkey
2|                keysOut = bs.provideKeys
2|            } else {
2|                toProvide = append(toProvide, blkey) //@CONC-02
2|            }
2|        case keysOut <- nextKey:
2|            if len(toProvide) > 0 {
2|                nextKey = toProvide[0]
2|                toProvide = toProvide[1:]
2|            } else {
2|                keysOut = nil
2|            }
2|        case <-ctx.Done():
2|            return
2|        }
2|    }
}

// provideWorker announces each key to the content routing system, bounding every announcement by provideTimeout.
func (bs *Bitswap) provideWorker(px process.Process) {
    limit := make(chan struct{}, provideWorkerMax)
    provide := func(ctx context.Context, k cid.Cid) {
        defer func() { <-limit }()
        ev := logging.LoggableMap{"ID": k}
        defer log.EventBegin(ctx, "Bitswap.ProvideWorker.Work", ev).Done()

        ctx, cancel := context.WithTimeout(ctx, provideTimeout) //@{1}TMO-03
02|        defer cancel()
        if err := bs.network.Provide(ctx, k); err != nil {
            log.Warning(err)
            return
        }
1|        cancel()
    }

    for {
        select {
        case k, ok := <-bs.provideKeys:
            if !ok {
                return
            }
            select {
            case limit <- struct{}{}:
                go provide(px.Context(), k)
            case <-px.Closing():
                return
            }
        case <-px.Closing():
            return
        }
    }
}
''')
cases_of(case, GH + 'ipfs/go-bitswap/pull/7', 'workers.go',
         G('bitswap', ['context', 'time', '', 'cid github.com/ipfs/go-cid',
                       'logging github.com/ipfs/go-log', 'process github.com/jbenet/goprocess'])(BITSWAP), [
             (1, 'go-00-bitswap-provide-timeout-cancelled-on-success-only',
              'an edit cancels the provide timeout only when the announcement succeeds, leaking its timer on failure',
              'edit'),
             (2, 'go-00-bitswap-provide-collector-buffers-keys-without-bound',
              'an edit makes the provide collector buffer new keys in a slice that grows without bound', 'edit'),
             (0, 'go-ok-00-bitswap-provide-cancel-deferred-keys-handed-on-blocking',
              'clean: the provide timeout cancelled by defer, each key handed on with back-pressure', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: generated store (go-kallax)
KALLAX_HEADER = '// Code generated by https://github.com/src-d/go-kallax. DO NOT EDIT.\n// Please, do not touch the code below, and if you do, do it under your own risk. Take into account that all the code you write here will be completely erased from earth the next time you generate the kallax models.\n'
KALLAX = template('kallax', r'''
// UserStore is the entity to access the records of the type User in the database.
type UserStore struct {
    *kallax.Store
}

// NewUserStore creates a new instance of UserStore using a SQL database.
func NewUserStore(db *sql.DB) *UserStore {
    return &UserStore{kallax.NewStore(db)}
}

// Transaction executes the given callback in a transaction and rollbacks if an error is returned.
// The transaction is only open in the scope of the given callback.
func (s *UserStore) Transaction(callback func(*UserStore) error) error {
    if callback == nil {
        return kallax.ErrInvalidTxCallback
    }
    tx, err := s.DB().Begin() //@{1}TX-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("kallax: can't begin transaction: %s", err)
    }
02|    if err := callback(&UserStore{kallax.NewStore(tx)}); err != nil {
02|        if rbErr := tx.Rollback(); rbErr != nil {
02|            return fmt.Errorf("kallax: rollback after %v failed: %v", err, rbErr)
02|        }
02|        return err
02|    }
1|    if err := callback(&UserStore{kallax.NewStore(tx)}); err != nil {
1|        return err
1|    }
    return tx.Commit()
}

// FindNames returns the names of the users whose email is in the given domain, in name order.
func (s *UserStore) FindNames(domain string) ([]string, error) {
    rows, err := s.DB().Query( //@{2}RES-01
01|        "SELECT name FROM users WHERE email LIKE $1 ORDER BY name", "%@"+domain)
2|        "SELECT name FROM users WHERE email LIKE $1 ORDER BY name ASC", "%@"+strings.ToLower(domain))
    if err != nil {
        return nil, err
    }
01|    defer rows.Close()
    var names []string
    for rows.Next() {
        var name string
        if err := rows.Scan(&name); err != nil {
            return nil, err
        }
        names = append(names, name)
    }
    return names, rows.Err()
}

// Count returns the number of rows that would be retrieved with the given query.
func (s *UserStore) Count(q *UserQuery) (int64, error) {
    return s.Store.Count(q)
}
''')
cases_of(case, GH + 'src-d/go-kallax/pull/320', 'models/kallax.go',
         GV('models', {0: ['database/sql', 'fmt', '', 'gopkg.in/src-d/go-kallax.v1'],
                       1: ['database/sql', 'fmt', '', 'gopkg.in/src-d/go-kallax.v1'],
                       2: ['database/sql', 'fmt', 'strings', '', 'gopkg.in/src-d/go-kallax.v1']},
            header=KALLAX_HEADER)(KALLAX), [
             (1, 'go-00-kallax-generated-transaction-never-rolled-back',
              'a regenerated store returns the callback error of a transaction without rolling it back', 'edit'),
             (2, 'go-00-kallax-generated-name-rows-never-closed',
              'a regenerated store reads names from rows it never closes, leaking the connection on a scan error',
              'edit'),
             (0, 'go-ok-00-kallax-generated-rolled-back-rows-closed',
              'clean: the generated transaction rolled back on a callback error, the rows closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: cluster service (vke)
VKE = template('vke', r'''
type clusterService struct {
    repository repository.IRepository
    logger     *logrus.Logger
    identity   IIdentityService
    compute    IComputeService
}

// GetCluster returns a cluster of the project with the state OpenStack reports for its load balancer.
func (c *clusterService) GetCluster(ctx context.Context, authToken, clusterID string) (resource.GetClusterResponse, error) {
    cluster, err := c.repository.Cluster().GetClusterByUUID(ctx, clusterID)
    if err != nil {
        c.logger.Errorf("failed to get cluster %s, error: %v", clusterID, err)
        return resource.GetClusterResponse{}, err
    }
    body, err := c.compute.GetLoadBalancer(ctx, authToken, cluster.ClusterAPIAccess)
    if err != nil {
        c.logger.Errorf("failed to get load balancer of cluster %s, error: %v", clusterID, err)
        return resource.GetClusterResponse{}, err
    }
    var lb resource.GetLoadBalancerResponse
    err = json.Unmarshal(body, &lb) //@{2}ERR-01
    if err != nil {
        c.logger.Errorf("failed to unmarshal load balancer of cluster %s, error: %v", clusterID, err)
01|        return resource.GetClusterResponse{}, err
    }
    return resource.GetClusterResponse{
        ClusterID:           cluster.ClusterUUID,
        ProjectID:           cluster.ClusterProjectUUID,
        ClusterName:         cluster.ClusterName,
        KubernetesVersion:   cluster.KubernetesVersion,
        ClusterAPIAccess:    cluster.ClusterAPIAccess,
        LoadBalancerStatus:  lb.LoadBalancer.ProvisioningStatus,
        ClusterStatus:       cluster.ClusterStatus,
    }, nil
}

// saveCluster stores a new cluster and its first node group together.
func (c *clusterService) saveCluster(ctx context.Context, cluster *model.Cluster, group *model.NodeGroups) error {
    tx, err := c.repository.BeginTx(ctx) //@{1}TX-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("begin transaction for cluster %s: %w", cluster.ClusterName, err)
    }
02|    defer tx.Rollback()
    if err := c.repository.Cluster().CreateClusterTx(ctx, tx, cluster); err != nil {
        c.logger.Errorf("failed to create cluster %s, error: %v", cluster.ClusterName, err)
        return err
    }
    if err := c.repository.NodeGroups().CreateNodeGroupsTx(ctx, tx, group); err != nil {
        c.logger.Errorf("failed to create node group of cluster %s, error: %v", cluster.ClusterName, err)
        return err
    }
    return tx.Commit()
}
''')
cases_of(case, GH + 'vmindtech/vke/pull/20', 'pkg/service/cluster.go',
         GV('service', {v: ['context', 'encoding/json'] + (['fmt'] if v == 1 else []) + ['', 'github.com/sirupsen/logrus',
                       'github.com/vmindtech/vke/internal/model', 'github.com/vmindtech/vke/internal/repository',
                       'github.com/vmindtech/vke/pkg/resource'] for v in (0, 1, 2)})(VKE), [
             (1, 'go-00-vke-cluster-save-transaction-left-open-on-error',
              'an edit drops the deferred rollback, so a failed node-group insert leaves the cluster transaction open',
              'edit'),
             (2, 'go-00-vke-load-balancer-decode-error-logged-and-ignored',
              'an edit logs a failed decode of the load balancer and carries on with an empty status', 'edit'),
             (0, 'go-ok-00-vke-rollback-deferred-decode-error-returned',
              'clean: the cluster transaction rolled back by defer, a failed decode returned', 'fix'),
         ])
