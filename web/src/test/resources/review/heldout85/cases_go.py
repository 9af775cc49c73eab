"""Round-85 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / TMO-03: task pollers of a workflow engine's client (cadence-go-client)
CADENCE = template('cadence-task-pollers', r'''
// doPoll runs one long-poll RPC on its own goroutine, so that a worker that is shutting down does not wait for the
// server to answer the poll; the result comes back over doneC.
func (bp *basePoller) doPoll(
    featureFlags FeatureFlags,
    pollFunc func(ctx context.Context) (interface{}, error),
) (interface{}, error) {
    if bp.shuttingDown() {
        return nil, errShutdown
    }

    var (
        result interface{}
        err    error
    )

    doneC := make(chan struct{})
01|    ctx, cancel, _ := newChannelContext(context.Background(), featureFlags, chanTimeout(pollTaskServiceTimeOut))
01|    defer cancel()
2|    ctx, _, _ := newChannelContext(context.Background(), featureFlags, chanTimeout(pollTaskServiceTimeOut)) //@TMO-03

    go func() { //@{1}CONC-01
        defer close(doneC)
02|        defer func() {
02|            if p := recover(); p != nil {
02|                bp.metricsScope.Counter(metrics.PollerPanicCounter).Inc(1)
02|                bp.logger.Error("Unhandled panic while polling for tasks.",
02|                    zap.String(tagPanicError, fmt.Sprintf("%v", p)),
02|                    zap.String(tagPanicStack, string(debug.Stack())))
02|                err = fmt.Errorf("poller panicked: %v", p)
02|            }
02|        }()
        result, err = pollFunc(ctx)
    }()

    select {
    case <-doneC:
        return result, err
    case <-bp.shutdownC:
        return nil, errShutdown
    }
}

// shuttingDown reports whether the worker's stop channel is closed.
func (bp *basePoller) shuttingDown() bool {
    select {
    case <-bp.shutdownC:
        return true
    default:
        return false
    }
}
''')
cases_of(case, GH + 'cadence-workflow/cadence-go-client/pull/1352', 'internal/internal_task_pollers.go',
         GV('internal', {0: ['context', 'fmt', 'runtime/debug', '', 'go.uber.org/cadence/internal/common/metrics',
                             'go.uber.org/zap'],
                         1: ['context'],
                         2: ['context', 'fmt', 'runtime/debug', '', 'go.uber.org/cadence/internal/common/metrics',
                             'go.uber.org/zap']})(CADENCE), [
             (1, 'go-00-cadence-poller-goroutine-without-recover',
              'an edit drops the recover of the goroutine that runs each poll RPC, so a panic in the response '
              'conversion kills the whole worker process instead of failing one poll', 'edit'),
             (2, 'go-00-cadence-poller-channel-context-cancel-discarded',
              'an edit discards the cancel of each poll\'s timeout context, so every finished poll keeps its timer '
              'and context alive for the full long-poll timeout', 'edit'),
             (0, 'go-ok-00-cadence-poller-goroutine-recovers',
              'clean: the fix recovers a panic in the poll goroutine and reports it as the poll\'s error', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-02: Redis broker of a distributed task queue (machinery)
MACHINERY = template('machinery-redis-broker-publish', r'''
// Publish places a new message on the default queue, or on the delayed tasks set when its ETA lies in the future.
func (b *BrokerGR) Publish(ctx context.Context, signature *tasks.Signature) error {
    // Adjust routing key (this decides which queue the message will be published to)
    b.Broker.AdjustRoutingKey(signature)

    msg, err := json.Marshal(signature)
    if err != nil {
        return fmt.Errorf("JSON marshal error: %s", err)
    }

1|    client := redis.NewUniversalClient(&redis.UniversalOptions{ //@RES-04
1|        Addrs:    b.addrs,
1|        DB:       b.db,
1|        Password: b.password,
1|    })
1|    defer client.Close()
1|
    // Check the ETA signature field, if it is set and it is in the future,
    // delay the task
    if signature.ETA != nil {
        now := time.Now().UTC()

        if signature.ETA.After(now) {
            score := signature.ETA.UnixNano()
02|            err = b.rclient.ZAdd(ctx, b.redisDelayedTasksKey, &redis.Z{Score: float64(score), Member: msg}).Err()
1|            err = client.ZAdd(ctx, b.redisDelayedTasksKey, &redis.Z{Score: float64(score), Member: msg}).Err()
            return err
        }
    }

0|    err = b.rclient.RPush(ctx, signature.RoutingKey, msg).Err()
1|    err = client.RPush(ctx, signature.RoutingKey, msg).Err()
2|    err = b.rclient.RPush(context.Background(), signature.RoutingKey, msg).Err() //@TMO-02
    return err
}

// GetPendingTasks returns a slice of task signatures waiting in the queue
func (b *BrokerGR) GetPendingTasks(queue string) ([]*tasks.Signature, error) {
    if queue == "" {
        queue = b.GetConfig().DefaultQueue
    }
    results, err := b.rclient.LRange(context.Background(), queue, 0, -1).Result()
    if err != nil {
        return nil, err
    }

    taskSignatures := make([]*tasks.Signature, len(results))
    for i, result := range results {
        signature := new(tasks.Signature)
        decoder := json.NewDecoder(strings.NewReader(result))
        decoder.UseNumber()
        if err := decoder.Decode(signature); err != nil {
            return nil, err
        }
        taskSignatures[i] = signature
    }
    return taskSignatures, nil
}
''')
cases_of(case, GH + 'RichardKnop/machinery/pull/474', 'v1/brokers/redis/goredis.go',
         G('redis', ['context', 'encoding/json', 'fmt', 'strings', 'time', '',
                     'github.com/RichardKnop/machinery/v1/tasks', 'github.com/go-redis/redis/v8'])(MACHINERY), [
             (1, 'go-00-machinery-publish-opens-redis-client-per-task',
              'an edit opens a new Redis client for every published task and closes it again, so a busy producer '
              'opens and tears down a connection per SendTask until Redis runs out of client slots', 'edit'),
             (2, 'go-00-machinery-publish-ignores-caller-context',
              'an edit pushes the task onto its queue under a background context, so a producer whose request was '
              'cancelled still blocks on an unreachable Redis', 'edit'),
             (0, 'go-ok-00-machinery-publish-shares-client',
              'clean: the fix publishes through the broker\'s one shared Redis client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: execution statistics of a workflow orchestrator's propeller (flyte)
FLYTE = template('flyte-execution-stats', r'''
// ExecutionStatsHolder keeps the node and task counts of the running workflows for the propeller's gauges. The workers
// of the work queue update it concurrently, one workflow each.
type ExecutionStatsHolder struct {
    mu         sync.Mutex
    executions map[string]SingleExecutionStats
}

// NewExecutionStatsHolder returns an empty holder.
func NewExecutionStatsHolder() (*ExecutionStatsHolder, error) {
    return &ExecutionStatsHolder{executions: map[string]SingleExecutionStats{}}, nil
}

// AddOrUpdateEntry records the latest counts of one workflow execution.
func (esh *ExecutionStatsHolder) AddOrUpdateEntry(ctx context.Context, executionID string, executionStats SingleExecutionStats) error {
02|    esh.mu.Lock()
02|    defer esh.mu.Unlock()
    esh.executions[executionID] = executionStats //@{1}CONC-03
2|    logger.Infof(ctx, "execution stats of [%s]: %d active nodes, %d active tasks", executionID, //@LOG-01
2|        executionStats.ActiveNodeCount, executionStats.ActiveTaskCount)
    return nil
}

// AggregateActiveValues sums the counts of every recorded execution.
func (esh *ExecutionStatsHolder) AggregateActiveValues() (int, uint32, uint32, error) {
    esh.mu.Lock()
    defer esh.mu.Unlock()

    var activeNodes, activeTasks uint32
    for _, stats := range esh.executions {
        activeNodes += stats.ActiveNodeCount
        activeTasks += stats.ActiveTaskCount
    }
    return len(esh.executions), activeNodes, activeTasks, nil
}

// RemoveTerminatedExecutions drops the entries of executions that are no longer among the active ones.
func (esh *ExecutionStatsHolder) RemoveTerminatedExecutions(ctx context.Context, activeExecutions map[string]bool) error {
    esh.mu.Lock()
    defer esh.mu.Unlock()

    for id := range esh.executions {
        if !activeExecutions[id] {
            delete(esh.executions, id)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'flyteorg/flyte/issues/4046', 'flytepropeller/pkg/controller/execution_stats.go',
         GV('controller', {0: ['context', 'sync'], 1: ['context', 'sync'],
                           2: ['context', 'sync', '', 'github.com/flyteorg/flyte/flytestdlib/logger']})(FLYTE), [
             (1, 'go-00-flyte-execution-stats-written-without-lock',
              'an edit records a workflow\'s counts without the holder\'s lock, so two work-queue workers updating '
              'at once crash the propeller with concurrent map writes', 'edit'),
             (2, 'go-00-flyte-execution-stats-logged-per-round',
              'an edit logs every workflow\'s counts at info level on each update, so a propeller with thousands of '
              'running workflows writes a line per workflow per evaluation round', 'edit'),
             (0, 'go-ok-00-flyte-execution-stats-locked',
              'clean: the fix records the counts under the holder\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: remote images of a PDF document generator (gofpdf), new file
GOFPDF = template('gofpdf-remote-image', r'''
// remoteImageClient fetches the images of RegisterRemoteImage; a stalled server fails the document, not the process.
var remoteImageClient = &http.Client{Timeout: 30 * time.Second}

// RegisterRemoteImage registers an image that is downloaded from urlStr, so a document can include a picture hosted
// by another service without storing it locally first. tp is the image type ("jpg", "png" or "gif"); when empty it is
// taken from the extension of the URL's path. The image is registered under urlStr, which Image then accepts as its
// name. Errors are stored in the document's error state.
func (f *Fpdf) RegisterRemoteImage(urlStr, tp string) (info *ImageInfoType) {
    if f.err != nil {
        return
    }
    u, err := url.Parse(urlStr)
    if err != nil {
        f.err = err
        return
    }
    if tp == "" {
        tp = strings.TrimPrefix(strings.ToLower(path.Ext(u.Path)), ".")
    }
02|    resp, err := remoteImageClient.Get(urlStr) //@{2}RES-02
02|    if err != nil {
02|        f.err = err
02|        return
02|    }
1|    resp, _ := remoteImageClient.Get(urlStr) //@ERR-01
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        f.err = fmt.Errorf("could not fetch image %s: %s", urlStr, resp.Status)
        return
    }
    return f.RegisterImageOptionsReader(urlStr, ImageOptions{ImageType: tp, ReadDpi: true}, resp.Body)
}
''')
cases_of(case, GH + 'jung-kurt/gofpdf/pull/35', 'remote.go',
         G('gofpdf', ['fmt', 'net/http', 'net/url', 'path', 'strings', 'time'])(GOFPDF), [
             (1, 'go-00-gofpdf-new-remote-image-get-error-dropped',
              'a new method downloads a remote image and drops the error of the download, so an unreachable host '
              'dereferences a nil response instead of failing the document', 'new'),
             (2, 'go-00-gofpdf-new-remote-image-body-never-closed',
              'a new method downloads a remote image and never closes the response, so a report with many pictures '
              'keeps one connection per image out of the pool', 'new'),
             (0, 'go-ok-00-gofpdf-new-remote-image',
              'clean: a new method that checks the download and closes the response once the image is read', 'new'),
         ])


# ---------------------------------------------------------------- RES-03 / TMO-01: panel downloads of a Grafana PDF reporter (reporter), renamed file
REPORTER = template('grafana-reporter-client', r'''
// panelRenderTimeout bounds one panel render; Grafana renders a slow panel for a long time, but not forever.
const panelRenderTimeout = 2 * time.Minute

// Client fetches dashboards and renders panels from a Grafana instance.
type Client struct {
    url        string
    apiToken   string
    variables  url.Values
    httpClient *http.Client
}

// NewClient returns a client for the Grafana at grafanaURL; sslCheck=false accepts self-signed certificates.
func NewClient(grafanaURL, apiToken string, variables url.Values, sslCheck bool) *Client {
    tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !sslCheck}}
01|    httpClient := &http.Client{Transport: tr, Timeout: panelRenderTimeout}
2|    httpClient := &http.Client{Transport: tr} //@TMO-01
    return &Client{url: grafanaURL, apiToken: apiToken, variables: variables, httpClient: httpClient}
}

// DownloadPanels renders every panel of the dashboard as a PNG into dir, one file per panel.
func (c *Client) DownloadPanels(dash Dashboard, t TimeRange, dir string) error {
    for _, p := range dash.Panels {
        log.Println("Downloading image", p.ID, c.panelURL(dash.UID, p, t))
        body, err := c.panelPNG(dash.UID, p, t)
        if err != nil {
            return fmt.Errorf("error getting panel %d: %v", p.ID, err)
        }
        file, err := os.Create(filepath.Join(dir, fmt.Sprintf("image%d.png", p.ID)))
        if err != nil {
            body.Close()
            return fmt.Errorf("error creating image file: %v", err)
        }
1|        defer file.Close() //@RES-03
        _, err = io.Copy(file, body)
        body.Close()
02|        if cerr := file.Close(); err == nil {
02|            err = cerr
02|        }
        if err != nil {
            return fmt.Errorf("error writing image of panel %d: %v", p.ID, err)
        }
    }
    return nil
}

func (c *Client) panelPNG(dashUID string, p Panel, t TimeRange) (io.ReadCloser, error) {
    req, err := http.NewRequest(http.MethodGet, c.panelURL(dashUID, p, t), nil)
    if err != nil {
        return nil, err
    }
    if c.apiToken != "" {
        req.Header.Add("Authorization", "Bearer "+c.apiToken)
    }
    resp, err := c.httpClient.Do(req)
    if err != nil {
        return nil, err
    }
    if resp.StatusCode != http.StatusOK {
        resp.Body.Close()
        return nil, fmt.Errorf("rendering panel %d: %s", p.ID, resp.Status)
    }
    return resp.Body, nil
}

func (c *Client) panelURL(dashUID string, p Panel, t TimeRange) string {
    values := url.Values{}
    values.Add("theme", "light")
    values.Add("panelId", strconv.Itoa(p.ID))
    values.Add("from", t.FromFormatted())
    values.Add("to", t.ToFormatted())
    values.Add("width", "1000")
    values.Add("height", "500")
    for k, v := range c.variables {
        for _, singleValue := range v {
            values.Add(k, singleValue)
        }
    }
    return c.url + "/render/d-solo/" + dashUID + "/_?" + values.Encode()
}
''')
cases_of(case, GH + 'IzakMarais/reporter/issues/149', 'grafana/client.go',
         G('grafana', ['crypto/tls', 'fmt', 'io', 'log', 'net/http', 'net/url', 'os', 'path/filepath', 'strconv',
                       'time'])(REPORTER), [
             (1, 'go-00-reporter-renamed-client-defers-image-close-in-loop',
              'a PR renames the Grafana client\'s file and defers each panel image\'s close inside the loop over the '
              'panels, so a dashboard of many panels holds every image file open until the last one is written',
              'rename'),
             (2, 'go-00-reporter-renamed-client-without-timeout',
              'a PR renames the Grafana client\'s file and builds its HTTP client without a timeout, so a panel that '
              'Grafana never finishes rendering hangs the report request forever', 'rename'),
             (0, 'go-ok-00-reporter-renamed-client',
              'clean: the rename alone; each image is closed in its iteration and the client has a timeout', 'rename'),
         ], rename_from='grafana/api.go')


# ---------------------------------------------------------------- TIME-01 / CONC-01: calendar event source of a workflow automation framework (argo-events)
ARGOEVENTS = template('argo-events-calendar', r'''
// StartListening fires an event at every time of the calendar event source's schedule, in the source's time zone.
func (el *EventListener) StartListening(ctx context.Context, dispatch func([]byte, ...eventsourcecommon.Option) error) error {
    log := logging.FromContext(ctx).With(logging.LabelEventSourceType, el.GetEventSourceType(), logging.LabelEventName, el.GetEventName())
    log.Info("started processing the calendar event source...")
    calendarEventSource := &el.CalendarEventSource

    schedule, err := resolveSchedule(calendarEventSource)
    if err != nil {
        return fmt.Errorf("failed to resolve the schedule, %w", err)
    }
    location := time.UTC
    if calendarEventSource.Timezone != "" {
        location, err = time.LoadLocation(calendarEventSource.Timezone)
        if err != nil {
            return fmt.Errorf("failed to load location for event source %s / %s, %w", el.GetEventSourceName(), el.GetEventName(), err)
        }
    }

    lastT := time.Now().In(location)
    for {
        t := schedule.Next(lastT)
        timer := time.After(time.Until(t))
        log.Infow("expected next calendar event", zap.Any(logging.LabelTime, t.String()))
        select {
        case tx := <-timer:
02|            lastT = tx.In(location)
1|            lastT = tx //@TIME-01
            response := &events.CalendarEventData{
                EventTime: tx.String(),
                Metadata:  calendarEventSource.Metadata,
            }
            payload, err := json.Marshal(response)
            if err != nil {
                log.Errorw("failed to marshal the event data", zap.Error(err))
                continue
            }
01|            if err := dispatch(payload); err != nil {
01|                log.Errorw("failed to dispatch calendar event", zap.Error(err))
01|            }
2|            go func() { //@CONC-01
2|                if err := dispatch(payload); err != nil {
2|                    log.Errorw("failed to dispatch calendar event", zap.Error(err))
2|                }
2|            }()
        case <-ctx.Done():
            log.Info("exiting calendar event listener...")
            return nil
        }
    }
}
''')
cases_of(case, GH + 'argoproj/argo-events/issues/314', 'pkg/eventsources/sources/calendar/start.go',
         G('calendar', ['context', 'encoding/json', 'fmt', 'time', '', 'go.uber.org/zap', '',
                        'github.com/argoproj/argo-events/pkg/apis/events',
                        'eventsourcecommon github.com/argoproj/argo-events/pkg/eventsources/common',
                        'github.com/argoproj/argo-events/pkg/shared/logging'])(ARGOEVENTS), [
             (1, 'go-00-argo-events-calendar-next-time-loses-zone',
              'an edit computes each next calendar time from the timer\'s instant without the source\'s zone, so a '
              'schedule in America/Los_Angeles fires in its zone once and in UTC ever after', 'edit'),
             (2, 'go-00-argo-events-calendar-dispatch-goroutine-without-recover',
              'an edit dispatches each calendar event from its own goroutine without a recover, so a panic in the '
              'event bus client takes the whole event source pod down', 'edit'),
             (0, 'go-ok-00-argo-events-calendar-next-time-in-zone',
              'clean: the fix keeps every next calendar time in the source\'s zone', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: connection handler of an API gateway's Go plugin runner (apisix-go-plugin-runner)
APISIX = template('apisix-plugin-runner-conn', r'''
// handleConn serves the RPCs of one APISIX worker over its Unix socket until the worker closes it or the runner
// stops. Each RPC runs under the runner's context with the configured plugin timeout.
func handleConn(ctx context.Context, c net.Conn) {
    log.Infof("Client connected (%s)", c.RemoteAddr().Network())
    defer c.Close()

    header := make([]byte, util.HeaderLen)
    for {
        n, err := io.ReadFull(c, header)
        if util.ReadErr(n, err, util.HeaderLen) {
            break
        }

        ty := header[0]
        // we only use last 3 bytes to store the length, so the first byte is
        // consider zero
        header[0] = 0
        length := binary.BigEndian.Uint32(header)

        buf := make([]byte, length)
        n, err = io.ReadFull(c, buf)
        if util.ReadErr(n, err, int(length)) {
            break
        }

0|        reqCtx, cancel := context.WithTimeout(ctx, pluginTimeout)
1|        reqCtx, cancel := context.WithTimeout(context.Background(), pluginTimeout) //@TMO-02
2|        reqCtx, _ := context.WithTimeout(ctx, pluginTimeout) //@TMO-03
        out, err := dispatchRPC(reqCtx, ty, buf, c)
01|        cancel()
        if err != nil {
            log.Errorf("dispatch RPC of type %d: %s", ty, err)
            out = ReportError(err)
        }

        size := len(out)
        if size > util.MaxDataSize {
            log.Errorf("the max length of data is %d but got %d", util.MaxDataSize, size)
            break
        }
        binary.BigEndian.PutUint32(header, uint32(size))
        header[0] = ty

        if n, err = util.WriteBytes(&util.WriteBytesArgs{Conn: c, Header: header, Buf: out, Size: size}); err != nil {
            util.WriteErr(n, err)
            break
        }
    }
}
''')
cases_of(case, GH + 'apache/apisix-go-plugin-runner/issues/34', 'internal/server/conn.go',
         G('server', ['context', 'encoding/binary', 'io', 'net', '',
                      'github.com/apache/apisix-go-plugin-runner/internal/util',
                      'github.com/apache/apisix-go-plugin-runner/pkg/log'])(APISIX), [
             (1, 'go-00-apisix-runner-rpc-context-not-from-runner',
              'an edit derives each RPC\'s timeout context from a background context instead of the runner\'s, so '
              'stopping the runner no longer cancels the plugins still running', 'edit'),
             (2, 'go-00-apisix-runner-rpc-timeout-cancel-discarded',
              'an edit discards the cancel of each RPC\'s timeout context, so every served request keeps its timer '
              'until the plugin timeout passes', 'edit'),
             (0, 'go-ok-00-apisix-runner-rpc-context-from-runner',
              'clean: the fix derives each RPC\'s timeout context from the runner\'s context and cancels it', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-02: refund callbacks of a payment platform's billing server (paysuper)
PAYSUPER = template('paysuper-refund-callback', r'''
// ProcessRefundCallback applies a payment system's notification about a refund: it checks the notification, moves the
// refund to the status the payment system reports and, once the refund is done, the order to refunded.
func (s *Service) ProcessRefundCallback(
    ctx context.Context,
    req *billingpb.CallbackRequest,
    rsp *billingpb.PaymentNotifyResponse,
) error {
    refundId := req.GetRefundId()
    refund, err := s.refundRepository.GetById(ctx, refundId)
    if err != nil {
        rsp.Status = billingpb.ResponseStatusNotFound
        rsp.Error = refundErrorNotFound.Error()
        return nil
    }

    order, err := s.getOrderById(ctx, refund.OriginalOrder.Id)
    if err != nil {
        rsp.Status = billingpb.ResponseStatusNotFound
        rsp.Error = refundErrorOrderNotFound.Error()
        return nil
    }

    h, err := s.NewPaymentSystem(ctx, s.cfg.PaymentSystemConfig, order)
    if err != nil {
        rsp.Error = err.Error()
        rsp.Status = billingpb.ResponseStatusSystemError
        return nil
    }

    pErr := h.ProcessRefund(order, refund, req.Data, req.Signature)
    if pErr != nil {
01|        zap.L().Error(
01|            "Payment system returned an unexpected refund status",
01|            zap.Error(pErr),
01|            zap.String("refund_id", refund.Id),
01|            zap.String("order_id", order.Id),
01|        )
2|        zap.L().Error(fmt.Sprintf("payment system returned an unexpected status for refund %s of order %s: %v", //@LOG-02
2|            refund.Id, order.Id, pErr))
        rsp.Error = pErr.Error()
        rsp.Status = pErr.(*billingpb.ResponseError).Status
        return nil
    }

    if err := s.refundRepository.Update(ctx, refund); err != nil {
        zap.L().Error("Update refund data failed", zap.Error(err), zap.String("refund_id", refund.Id))
        rsp.Error = orderErrorUnknown.Error()
        rsp.Status = billingpb.ResponseStatusSystemError
        return nil
    }

    if refund.Status == pkg.RefundStatusCompleted {
02|        if err := s.onRefundComplete(ctx, refund, order); err != nil {
02|            rsp.Error = err.Error()
02|            rsp.Status = billingpb.ResponseStatusSystemError
02|            return nil
02|        }
1|        s.onRefundComplete(ctx, refund, order) //@ERR-01
    }

    rsp.Status = billingpb.ResponseStatusOk
    return nil
}
''')
cases_of(case, GH + 'paysuper/paysuper-billing-server/pull/552', 'internal/service/refund.go',
         GV('service', {0: ['context', '', 'github.com/paysuper/paysuper-billing-server/pkg',
                            'github.com/paysuper/paysuper-proto/go/billingpb', 'go.uber.org/zap'],
                        1: ['context', '', 'github.com/paysuper/paysuper-billing-server/pkg',
                            'github.com/paysuper/paysuper-proto/go/billingpb', 'go.uber.org/zap'],
                        2: ['context', 'fmt', '', 'github.com/paysuper/paysuper-billing-server/pkg',
                            'github.com/paysuper/paysuper-proto/go/billingpb', 'go.uber.org/zap']})(PAYSUPER), [
             (1, 'go-00-paysuper-refund-completion-error-dropped',
              'an edit finishes a completed refund without checking the result, so an order whose refund failed to '
              'post its accounting entries is answered OK to the payment system and never retried', 'edit'),
             (2, 'go-00-paysuper-refund-status-log-formatted-eagerly',
              'an edit logs an unexpected refund status as one formatted message instead of fields, so the text is '
              'built on every call and the refund and order ids are no longer searchable', 'edit'),
             (0, 'go-ok-00-paysuper-refund-completion-checked',
              'clean: the fix reports a failed refund completion to the payment system as a system error', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: management API client of an API management platform's Kubernetes operator (gravitee)
GRAVITEE = template('gravitee-apim-http-client', r'''
// requestTimeout bounds every call to the management API, so that a reconcile loop never waits on an APIM that stopped
// answering.
const requestTimeout = 5 * time.Second

// Client is the operator's HTTP client of the APIM management API.
type Client struct {
    ctx  context.Context
    http *http.Client
    auth *Auth
}

// NewClient returns a client of the management API that authenticates with auth.
func NewClient(ctx context.Context, auth *Auth, tlsConfig *tls.Config) *Client {
    transport := http.DefaultTransport.(*http.Transport).Clone()
    transport.TLSClientConfig = tlsConfig
    return &Client{
        ctx:  ctx,
02|        http: &http.Client{Transport: transport, Timeout: requestTimeout},
1|        http: &http.Client{Transport: transport}, //@TMO-01
        auth: auth,
    }
}

// Get decodes the JSON body of a GET on url into target.
func (c *Client) Get(url string, target any) error {
    req, err := http.NewRequestWithContext(c.ctx, http.MethodGet, url, nil)
    if err != nil {
        return fmt.Errorf("unable to create request: %w", err)
    }
    c.auth.Authenticate(req)

    resp, err := c.http.Do(req)
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return newRequestError(resp)
    }
    return json.NewDecoder(resp.Body).Decode(target)
}

func newRequestError(resp *http.Response) error {
    body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
    return fmt.Errorf("%s: %s", resp.Status, body)
}
''')
cases_of(case, GH + 'gravitee-io/gravitee-kubernetes-operator/pull/1009', 'internal/apim/client/http/client.go',
         G('http', ['context', 'crypto/tls', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(GRAVITEE), [
             (1, 'go-00-gravitee-apim-client-without-timeout',
              'an edit builds the management API client without a timeout, so an APIM that accepts connections but '
              'never answers blocks the reconcile loop of every custom resource', 'edit'),
             (2, 'go-00-gravitee-apim-get-response-never-closed',
              'an edit stops closing the response of each management API GET, so every reconcile of an API '
              'definition leaves one connection to APIM unusable', 'edit'),
             (0, 'go-ok-00-gravitee-apim-client-with-timeout',
              'clean: the fix gives the management API client a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: concurrent page generation of a PDF report builder (maroto)
MAROTO = template('maroto-concurrent-generate', r'''
// generateConcurrently builds the pages on a pool of ChunkWorkers workers and merges the PDFs of the pages in page
// order.
func (m *Maroto) generateConcurrently() (core.Document, error) {
    if len(m.pages) == 0 {
        return nil, errors.New("the document has no pages")
    }

01|    pool := async.NewProcessor(m.config.ChunkWorkers) //@{1}RES-01
0|    defer pool.Close()
01|    processed := pool.Process(m.processPage, m.pages)
2|    processed := make([][]byte, len(m.pages))
2|    var wg sync.WaitGroup
2|    for i, page := range m.pages {
2|        wg.Add(1)
2|        go func(i int, page core.Page) { //@CONC-02
2|            defer wg.Done()
2|            defer func() {
2|                if r := recover(); r != nil {
2|                    processed[i] = nil
2|                }
2|            }()
2|            processed[i] = m.processPage(page)
2|        }(i, page)
2|    }
2|    wg.Wait()

    var bytes [][]byte
    for _, pdf := range processed {
        if pdf == nil {
            return nil, errors.New("a page of the document could not be generated")
        }
        bytes = append(bytes, pdf)
    }

    mergedBytes, err := merge.Bytes(bytes...)
    if err != nil {
        return nil, err
    }
    return core.NewPDF(mergedBytes, nil), nil
}
''')
cases_of(case, GH + 'johnfercher/maroto/pull/499', 'maroto.go',
         GV('maroto', {0: ['errors', '', 'github.com/johnfercher/maroto/v2/internal/merge',
                           'github.com/johnfercher/maroto/v2/pkg/core',
                           'github.com/johnfercher/maroto/v2/pkg/processor/async'],
                       1: ['errors', '', 'github.com/johnfercher/maroto/v2/internal/merge',
                           'github.com/johnfercher/maroto/v2/pkg/core',
                           'github.com/johnfercher/maroto/v2/pkg/processor/async'],
                       2: ['errors', 'sync', '', 'github.com/johnfercher/maroto/v2/internal/merge',
                           'github.com/johnfercher/maroto/v2/pkg/core']})(MAROTO), [
             (1, 'go-00-maroto-generate-pool-never-closed',
              'an edit starts the page workers\' pool for each generated document and never closes it, so a service '
              'that renders invoices all day keeps every document\'s idle workers alive', 'edit'),
             (2, 'go-00-maroto-generate-goroutine-per-page',
              'an edit replaces the pool of page workers with a goroutine per page, so a thousand-page report '
              'renders a thousand pages at once and exhausts the memory of the service', 'edit'),
             (0, 'go-ok-00-maroto-generate-pool-closed',
              'clean: the fix closes the pool of page workers when the document is generated', 'fix'),
         ])
