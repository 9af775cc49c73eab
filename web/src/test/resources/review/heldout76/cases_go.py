"""Round-76 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / RES-03: webhook output of an event router (postee)
POSTEE = template('postee-webhook-output', r'''
const (
    defaultWebhookTimeout = 120 * time.Second
    webhookAttempts       = 3
    webhookRetryDelay     = 2 * time.Second
)

// WebhookOutput posts every routed scan event to a configured URL.
type WebhookOutput struct {
    Name    string
    Url     string
    Timeout int

    client *http.Client
}

func (webhook *WebhookOutput) GetName() string {
    return webhook.Name
}

func (webhook *WebhookOutput) timeout() time.Duration {
    if webhook.Timeout > 0 {
        return time.Duration(webhook.Timeout) * time.Second
    }
    return defaultWebhookTimeout
}

func (webhook *WebhookOutput) Init() error {
02|    webhook.client = &http.Client{Timeout: webhook.timeout()}
1|    webhook.client = &http.Client{} //@TMO-01
    log.Printf("Starting Webhook output %q, for sending to %s", webhook.Name, webhook.Url)
    return nil
}

// Send posts the rendered event, retrying a few times when the receiver fails or is unreachable.
func (webhook *WebhookOutput) Send(content map[string]string) error {
    payload := []byte(content["description"])
    var lastErr error
    for attempt := 1; attempt <= webhookAttempts; attempt++ {
        resp, err := webhook.client.Post(webhook.Url, "application/json", bytes.NewReader(payload))
        if err != nil {
            lastErr = fmt.Errorf("webhook %s: %w", webhook.Name, err)
            time.Sleep(time.Duration(attempt) * webhookRetryDelay)
            continue
        }
2|        defer resp.Body.Close() //@RES-03
01|        resp.Body.Close()
        if resp.StatusCode < http.StatusMultipleChoices {
            return nil
        }
        lastErr = fmt.Errorf("webhook %s answered %d", webhook.Name, resp.StatusCode)
        time.Sleep(time.Duration(attempt) * webhookRetryDelay)
    }
    return lastErr
}
''')
cases_of(case, GH + 'aquasecurity/postee/issues/237', 'outputs/webhook.go',
         G('outputs', ['bytes', 'fmt', 'log', 'net/http', 'time'])(POSTEE), [
             (1, 'go-00-postee-webhook-client-without-timeout',
              'an edit builds the webhook output\'s client without a timeout, so a receiver that accepts the '
              'connection and never answers blocks the routing of every later event', 'edit'),
             (2, 'go-00-postee-webhook-retry-defers-close-in-loop',
              'an edit defers the close of each attempt\'s response inside the retry loop, so the bodies of failed '
              'attempts stay open until all retries are done', 'edit'),
             (0, 'go-ok-00-postee-webhook-client-bounded',
              'clean: the fix gives the webhook client the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: webhook service of a notifications library (notifications-engine)
NOTIFENGINE = template('notifications-engine-webhook-send', r'''
type webhookService struct {
    opts   WebhookOptions
    client *http.Client
}

func NewWebhookService(opts WebhookOptions) NotificationService {
    transport := httputil.NewTransport(opts.URL, opts.InsecureSkipVerify)
    return &webhookService{opts: opts, client: &http.Client{Transport: transport, Timeout: opts.Timeout}}
}

func (s webhookService) Send(notification Notification, dest Destination) error {
    request, err := notification.getTemplater(dest.Service)
    if err != nil {
        return err
    }
    body := bytes.NewBufferString(request.Body)
    req, err := http.NewRequest(request.Method, s.opts.URL+request.Path, body)
    if err != nil {
        return err
    }
    for _, header := range s.opts.Headers {
        req.Header.Set(header.Name, header.Value)
    }
2|    client := &http.Client{Transport: httputil.NewTransport(s.opts.URL, s.opts.InsecureSkipVerify), Timeout: s.opts.Timeout}
2|    resp, err := client.Do(req) //@RES-04
01|    resp, err := s.client.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("webhook %s: %w", s.opts.URL, err)
    }
02|    defer resp.Body.Close()

    if resp.StatusCode < 200 || resp.StatusCode >= 300 {
        data, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
        return fmt.Errorf("webhook %s answered %d: %s", s.opts.URL, resp.StatusCode, data)
    }
    return nil
}
''')
cases_of(case, GH + 'argoproj/notifications-engine/pull/351', 'pkg/services/webhook.go',
         G('services', ['bytes', 'fmt', 'io', 'net/http', '',
                                'httputil github.com/argoproj/notifications-engine/pkg/util/http'])(NOTIFENGINE), [
             (1, 'go-00-notifications-engine-webhook-body-never-closed',
              'an edit drops the deferred close of the webhook response, so every delivered notification keeps '
              'its connection out of the pool and the controller\'s memory grows', 'edit'),
             (2, 'go-00-notifications-engine-webhook-client-per-send',
              'an edit builds a client and transport for every notification instead of the service\'s shared one, '
              'so no connection is ever reused', 'edit'),
             (0, 'go-ok-00-notifications-engine-webhook-body-closed',
              'clean: the fix closes the webhook response', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: MS Teams notifier of a Kubernetes job notifier (kube-job-notifier), renamed file
KUBEJOB = template('kube-job-notifier-msteams', r'''
type MsTeamsV2 struct {
    webhookURL string
02|    client     *http.Client
}

func newMsTeamsV2(webhookURL string) MsTeamsV2 {
02|    return MsTeamsV2{webhookURL: webhookURL, client: &http.Client{Timeout: msTeamsTimeout}}
1|    return MsTeamsV2{webhookURL: webhookURL}
}

func (m MsTeamsV2) notify(title, text, color string) error {
    card := adaptiveCard(title, text, color)
01|    payload, err := json.Marshal(card)
01|    if err != nil {
01|        return fmt.Errorf("msteams: encode card: %w", err)
01|    }
2|    payload, _ := json.Marshal(card) //@ERR-01
02|    resp, err := m.client.Post(m.webhookURL, "application/json", bytes.NewReader(payload))
1|    resp, err := http.Post(m.webhookURL, "application/json", bytes.NewReader(payload)) //@TMO-01
    if err != nil {
        return fmt.Errorf("msteams: post: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode >= 300 {
        return fmt.Errorf("msteams: webhook answered %s", resp.Status)
    }
    return nil
}

func (m MsTeamsV2) SendSuccessMessage(job batchv1.Job, log string) error {
    return m.notify("Job succeeded: "+job.Name, log, "good")
}

func (m MsTeamsV2) SendFailureMessage(job batchv1.Job, log string) error {
    return m.notify("Job failed: "+job.Name, log, "attention")
}
''')
cases_of(case, GH + 'yutachaos/kube-job-notifier/pull/287', 'pkg/notification/msteams_v2.go',
         G('notification', ['bytes', 'encoding/json', 'fmt', 'net/http', '', 'batchv1 k8s.io/api/batch/v1'])(KUBEJOB), [
             (1, 'go-00-kube-job-notifier-renamed-teams-notifier-default-client',
              'a PR renames the Teams notifier\'s file and posts with http.Post, whose default client has no '
              'timeout, so an unresponsive webhook blocks the job controller', 'rename'),
             (2, 'go-00-kube-job-notifier-renamed-teams-notifier-encode-error-dropped',
              'a PR renames the Teams notifier\'s file and drops the error of encoding the card, so a card that '
              'cannot be encoded is posted as an empty body', 'rename'),
             (0, 'go-ok-00-kube-job-notifier-renamed-teams-notifier',
              'clean: the rename alone; the notifier posts through its own bounded client', 'rename'),
         ], rename_from='pkg/notification/msteams.go')


# ---------------------------------------------------------------- CONC-01 / CONC-03: job runner of a cron scheduler (go-cron)
GOCRON = template('go-cron-start-job', r'''
// startJob runs the entry's job in its own goroutine and records it as running until it returns.
func (c *Cron) startJob(e *Entry) {
    c.jobWaiter.Add(1)
    go func() { //@{1}CONC-01
        defer c.jobWaiter.Done()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                c.logger.Error(fmt.Errorf("%v", r), "job panicked", "entry", e.ID, "stack", string(debug.Stack()))
02|            }
02|        }()
01|        c.runningMu.Lock()
        c.running[e.ID] = time.Now() //@{2}CONC-03
01|        c.runningMu.Unlock()

        e.WrappedJob.Run()

        c.runningMu.Lock()
        delete(c.running, e.ID)
        c.runningMu.Unlock()
    }()
}

// Running reports how many jobs are in flight.
func (c *Cron) Running() int {
    c.runningMu.Lock()
    defer c.runningMu.Unlock()
    return len(c.running)
}
''')
cases_of(case, GH + 'netresearch/go-cron/pull/113', 'cron.go',
         GV('cron', {0: ['fmt', 'runtime/debug', 'time'], 1: ['time'], 2: ['fmt', 'runtime/debug', 'time']})(GOCRON), [
             (1, 'go-00-go-cron-job-goroutine-without-recover',
              'an edit drops the recover of the job goroutine, so one panicking job takes the whole scheduler '
              'process down', 'edit'),
             (2, 'go-00-go-cron-running-map-written-without-lock',
              'an edit records a started job in the running map without the lock, so two jobs starting together '
              'crash the scheduler with concurrent map writes', 'edit'),
             (0, 'go-ok-00-go-cron-job-goroutine-recovers',
              'clean: the fix recovers a panicking job in its goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: Redis step executor of a workflow engine (dagu)
DAGU = template('dagu-redis-executor', r'''
type redisExecutor struct {
    client  *redis.Client
    cfg     redisConfig
    stdout  io.Writer
    timeout time.Duration
}

// Run executes the step's commands in one pipeline and writes each reply to the step's output.
func (e *redisExecutor) Run(ctx context.Context) error {
    runCtx, cancel := context.WithTimeout(ctx, e.timeout)
    defer cancel()
    pipe := e.client.Pipeline()
    cmds := make([]redis.Cmder, 0, len(e.cfg.Commands))
    for _, c := range e.cfg.Commands {
        cmd, err := e.queueCommand(runCtx, pipe, c)
        if err != nil {
            return err
        }
        cmds = append(cmds, cmd)
    }
    if _, err := pipe.Exec(runCtx); err != nil && err != redis.Nil {
        return fmt.Errorf("redis pipeline: %w", err)
    }
    for _, cmd := range cmds {
        fmt.Fprintln(e.stdout, cmd.String())
    }
    return nil
}

func (e *redisExecutor) queueCommand(ctx context.Context, pipe redis.Pipeliner, c redisCommand) (redis.Cmder, error) {
    switch strings.ToUpper(c.Command) {
    case "GET":
        return pipe.Get(ctx, c.Key), nil
    case "SET":
02|        return pipe.Set(ctx, c.Key, c.Value, c.TTL), nil
1|        return pipe.Set(context.Background(), c.Key, c.Value, c.TTL), nil //@TMO-02
    case "HSET":
        return pipe.HSet(ctx, c.Key, c.Field, c.Value), nil
    case "PUBLISH":
        return pipe.Publish(ctx, c.Key, c.Value), nil
    default:
        return nil, fmt.Errorf("unsupported pipeline command: %s", c.Command)
    }
}

// Ping checks the connection before the step starts, bounded so a dead server fails the step quickly.
func (e *redisExecutor) Ping(ctx context.Context) error {
01|    pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
01|    defer cancel()
2|    pingCtx, _ := context.WithTimeout(ctx, 5*time.Second) //@TMO-03
    return e.client.Ping(pingCtx).Err()
}
''')
cases_of(case, GH + 'dagucloud/dagu/pull/1588', 'internal/runtime/builtin/redis/executor.go',
         G('redis', ['context', 'fmt', 'io', 'strings', 'time', '', 'github.com/redis/go-redis/v9'])(DAGU), [
             (1, 'go-00-dagu-redis-set-on-background-context',
              'an edit queues the SET command on a background context instead of the step\'s, so cancelling the '
              'workflow or its timeout does not stop a pipeline stuck on a slow server', 'edit'),
             (2, 'go-00-dagu-redis-ping-timeout-never-cancelled',
              'an edit discards the cancel function of the ping\'s timeout context, so every step leaks its timer '
              'until the deadline passes', 'edit'),
             (0, 'go-ok-00-dagu-redis-set-on-step-context',
              'clean: the fix queues every command on the step\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-01: push fan-out of a web push sender (webpush-go), new file
WEBPUSH = template('webpush-fanout', r'''
// Fanout sends one notification to every subscription of a topic, a few at a time.
type Fanout struct {
    Store    SubscriptionStore
    Options  *webpush.Options
    Parallel int
    Log      *slog.Logger
}

// Publish delivers message to each subscriber and removes subscriptions the push service reports gone.
func (f *Fanout) Publish(ctx context.Context, topic string, message []byte) error {
    subs, err := f.Store.Subscribers(ctx, topic)
    if err != nil {
        return fmt.Errorf("load subscribers of %s: %w", topic, err)
    }
    sem := make(chan struct{}, f.Parallel)
    var wg sync.WaitGroup
    for _, sub := range subs {
        sub := sub
        sem <- struct{}{}
        wg.Add(1)
        go func() { //@{2}CONC-01
            defer wg.Done()
            defer func() { <-sem }()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    f.Log.Error("push delivery panicked", "endpoint", sub.Endpoint, "panic", r)
01|                }
01|            }()
            f.deliver(ctx, sub, message)
        }()
    }
    wg.Wait()
    return nil
}

func (f *Fanout) deliver(ctx context.Context, sub *webpush.Subscription, message []byte) {
02|    resp, err := webpush.SendNotificationWithContext(ctx, message, sub, f.Options)
1|    _, err := webpush.SendNotificationWithContext(ctx, message, sub, f.Options) //@RES-02
    if err != nil {
        f.Log.Warn("push delivery failed", "endpoint", sub.Endpoint, "err", err)
        return
    }
02|    defer resp.Body.Close()
02|    if resp.StatusCode == http.StatusGone || resp.StatusCode == http.StatusNotFound {
02|        if err := f.Store.Remove(ctx, sub.Endpoint); err != nil {
02|            f.Log.Warn("remove expired subscription", "endpoint", sub.Endpoint, "err", err)
02|        }
02|    }
}
''')
cases_of(case, GH + 'SherClockHolmes/webpush-go/issues/26', 'internal/push/fanout.go',
         GV('push', {0: ['context', 'fmt', 'log/slog', 'net/http', 'sync', '', 'github.com/SherClockHolmes/webpush-go'],
                     1: ['context', 'fmt', 'log/slog', 'sync', '', 'github.com/SherClockHolmes/webpush-go'],
                     2: ['context', 'fmt', 'log/slog', 'net/http', 'sync', '',
                         'github.com/SherClockHolmes/webpush-go']})(WEBPUSH), [
             (1, 'go-00-webpush-fanout-new-response-discarded',
              'a new fan-out sender discards the push service\'s response, so no body is ever closed and every '
              'delivery holds a connection', 'new'),
             (2, 'go-00-webpush-fanout-new-delivery-goroutine-without-recover',
              'a new fan-out sender delivers each push in a goroutine without a recover, so one malformed '
              'subscription panics the whole notification service', 'new'),
             (0, 'go-ok-00-webpush-fanout-new',
              'clean: a new fan-out sender that recovers each delivery and closes every response', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: job fetch of a Postgres-backed job queue (neoq)
NEOQ = template('neoq-postgres-handle-job', r'''
// handleJob locks one pending job, runs its handler and records the outcome in the same transaction, so the row
// lock keeps every other worker off the job while it runs.
func (p *PgBackend) handleJob(ctx context.Context, jobID string) error {
    tx, err := p.pool.Begin(ctx)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin job transaction: %w", err)
    }
0|    defer func() {
0|        if rbErr := tx.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
0|            p.logger.Error("rolling back job transaction", "job_id", jobID, "error", rbErr)
0|        }
0|    }()
2|    defer tx.Rollback(ctx) //@ERR-01

    job, err := p.getPendingJob(ctx, tx, jobID)
    if err != nil {
        return err
    }
    h, ok := p.handlers[job.Queue]
    if !ok {
        return fmt.Errorf("no handler for queue %s", job.Queue)
    }
    jobErr := handler.Exec(withJobContext(ctx, job), h)
    if err := p.updateJob(ctx, tx, job, jobErr); err != nil {
        return fmt.Errorf("record result of job %d: %w", job.ID, err)
    }
    return tx.Commit(ctx)
}
''')
cases_of(case, GH + 'acaloiaro/neoq/pull/68', 'backends/postgres/postgres_backend.go',
         GV('postgres', {0: ['context', 'errors', 'fmt', '', 'github.com/acaloiaro/neoq/handler', 'github.com/jackc/pgx/v5'],
                         1: ['context', 'fmt', '', 'github.com/acaloiaro/neoq/handler'],
                         2: ['context', 'fmt', '', 'github.com/acaloiaro/neoq/handler']})(NEOQ), [
             (1, 'go-00-neoq-job-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the job transaction, so a job whose handler lookup or result '
              'update fails keeps its row lock and its pooled connection', 'edit'),
             (2, 'go-00-neoq-job-rollback-error-ignored',
              'an edit defers a bare rollback whose error is dropped, so a rollback that fails on a broken '
              'connection leaves no trace of the still-locked job', 'edit'),
             (0, 'go-ok-00-neoq-job-transaction-rolled-back',
              'clean: the fix rolls the job transaction back on every early return and logs a failed rollback', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / RES-01: dequeue of a database job queue (osbuild-composer)
OSBUILD = template('osbuild-dbjobqueue-dequeue', r'''
// dequeueMaybe takes the oldest pending job of the given types, marks it started and returns its id and token.
func (q *DBJobQueue) dequeueMaybe(ctx context.Context, token uuid.UUID, jobTypes []string, channels []string) (uuid.UUID, error) {
    conn, err := q.pool.Acquire(ctx)
    if err != nil { //@{2}RES-01
        return uuid.Nil, fmt.Errorf("error connecting to database: %w", err)
    }
01|    defer conn.Release()

    tx, err := conn.Begin(ctx)
    if err != nil {
        return uuid.Nil, fmt.Errorf("error starting a new transaction when dequeueing: %w", err)
    }
    defer func() {
        if err := tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
            q.logger.Error(err, "error rolling back dequeue transaction")
        }
    }()

    var id uuid.UUID
    err = tx.QueryRow(ctx, sqlDequeue, token, jobTypes, channels).Scan(&id)
    if errors.Is(err, pgx.ErrNoRows) {
        return uuid.Nil, jobqueue.ErrDequeueTimeout
    }
    if err != nil {
        return uuid.Nil, fmt.Errorf("error dequeuing job: %w", err)
    }
    if _, err := tx.Exec(ctx, sqlInsertHeartbeat, token, id); err != nil {
        return uuid.Nil, fmt.Errorf("error inserting the job's heartbeat record: %w", err)
    }
02|    if err := tx.Commit(ctx); err != nil {
02|        return uuid.Nil, fmt.Errorf("error committing the dequeue of job %s: %w", id, err)
02|    }
1|    tx.Commit(ctx) //@TX-02
    q.logger.Info("dequeued job", "job_type", jobTypes, "job_id", id.String())
    return id, nil
}
''')
cases_of(case, GH + 'osbuild/osbuild-composer/pull/2963', 'pkg/jobqueue/dbjobqueue/dbjobqueue.go',
         G('dbjobqueue', ['context', 'errors', 'fmt', '', 'github.com/google/uuid', 'github.com/jackc/pgx/v4',
                          'github.com/osbuild/osbuild-composer/pkg/jobqueue'])(OSBUILD), [
             (1, 'go-00-osbuild-dequeue-commit-unchecked',
              'an edit ignores the error of the dequeue\'s commit, so a job whose start was never written is handed '
              'to a worker and dequeued again by another', 'edit'),
             (2, 'go-00-osbuild-dequeue-connection-never-released',
              'an edit drops the release of the acquired pool connection, so every dequeue keeps a connection until '
              'the pool is exhausted and all workers stall', 'edit'),
             (0, 'go-ok-00-osbuild-dequeue-commit-checked',
              'clean: the fix checks the commit of the dequeue', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-02: AMQP crawl worker (govuk_crawler_worker)
GOVUK = template('govuk-crawler-worker-crawl', r'''
// CrawlURL fetches one URL taken from the queue and returns its body for the link extractor.
func (c *Crawler) CrawlURL(crawlURL *url.URL) ([]byte, error) {
    req, err := http.NewRequest("GET", crawlURL.String(), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", c.userAgent)
    if c.basicAuth != nil {
        req.SetBasicAuth(c.basicAuth.Username, c.basicAuth.Password)
    }
01|    log.Debugln("Crawling:", crawlURL.String())
2|    log.Infoln("Crawling:", crawlURL.String()) //@LOG-01

    resp, err := c.client.Do(req)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()

    switch {
    case resp.StatusCode == http.StatusTooManyRequests:
        return nil, ErrRetryRequest429
    case resp.StatusCode >= 500:
        return nil, ErrRetryRequest5XX
    case resp.StatusCode != http.StatusOK:
        return nil, fmt.Errorf("crawl %s: unexpected status %d", crawlURL, resp.StatusCode)
    }
    return io.ReadAll(resp.Body)
}
''')
cases_of(case, GH + 'alphagov/govuk_crawler_worker/pull/77', 'http_crawler/crawler.go',
         G('http_crawler', ['fmt', 'io', 'net/http', 'net/url', '', 'log github.com/sirupsen/logrus'])(GOVUK), [
             (1, 'go-00-govuk-crawler-response-never-closed',
              'an edit drops the deferred close of the crawled page\'s response, so each URL taken from the queue '
              'keeps its connection and the worker runs out of sockets', 'edit'),
             (2, 'go-00-govuk-crawler-logs-every-url-at-info',
              'an edit logs every crawled URL at info level, so the default log carries one line per page of '
              'the site on every crawl', 'edit'),
             (0, 'go-ok-00-govuk-crawler-response-closed',
              'clean: the fix closes the crawled page\'s response', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: gateway subscriptions of an MQTT bridge (chirpstack-gateway-bridge)
CHIRPSTACK = template('chirpstack-mqtt-gateway-subscription', r'''
// SetGatewaySubscription subscribes to or unsubscribes from the command topic of one gateway.
func (b *Backend) SetGatewaySubscription(subscribe bool, gatewayID lorawan.EUI64) error {
    if !b.conn.IsConnected() {
        return errors.New("mqtt not connected")
    }
    b.gatewaysMux.Lock()
    _, ok := b.gateways[gatewayID]
    b.gatewaysMux.Unlock()
    if ok == subscribe {
        return nil
    }

    topic := b.commandTopic(gatewayID)
    if subscribe {
        token := b.conn.Subscribe(topic, b.qos, b.handleCommand)
01|        if token.WaitTimeout(b.subscribeTimeout) && token.Error() != nil {
01|            return fmt.Errorf("subscribe %s: %w", topic, token.Error())
01|        }
2|        token.WaitTimeout(b.subscribeTimeout) //@ERR-01
02|        b.gatewaysMux.Lock()
        b.gateways[gatewayID] = struct{}{} //@{1}CONC-03
02|        b.gatewaysMux.Unlock()
        log.WithField("gateway_id", gatewayID).Info("integration/mqtt: subscribed to gateway commands")
        return nil
    }

    token := b.conn.Unsubscribe(topic)
    if token.WaitTimeout(b.subscribeTimeout) && token.Error() != nil {
        return fmt.Errorf("unsubscribe %s: %w", topic, token.Error())
    }
    b.gatewaysMux.Lock()
    delete(b.gateways, gatewayID)
    b.gatewaysMux.Unlock()
    return nil
}
''')
cases_of(case, GH + 'chirpstack/chirpstack-gateway-bridge/issues/183', 'internal/integration/mqtt/backend.go',
         G('mqtt', ['errors', 'fmt', '', 'github.com/brocaar/lorawan', 'log github.com/sirupsen/logrus'])(CHIRPSTACK), [
             (1, 'go-00-chirpstack-gateway-map-written-without-lock',
              'an edit records a new gateway subscription in the shared map without its lock, so two gateways '
              'connecting at once crash the bridge with concurrent map writes', 'edit'),
             (2, 'go-00-chirpstack-subscribe-error-dropped',
              'an edit waits for the subscription without checking its error, so a refused subscription is recorded '
              'as active and the gateway never receives its commands', 'edit'),
             (0, 'go-ok-00-chirpstack-gateway-map-written-under-lock',
              'clean: the fix records the subscription under the gateways lock', 'fix'),
         ])
