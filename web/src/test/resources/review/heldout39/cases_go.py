"""Round-39 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-02 / ERR-01: JetStream work-queue subscriber (starliner)
STARLINER = template('starliner-subscriber', r'''
const (
    defaultMaxInFlight = 8
    ackWait            = 2 * time.Minute
    redeliveryDelay    = 15 * time.Second
)

// Subscriber consumes JetStream subjects on behalf of the deployment workers.
type Subscriber struct {
    js     nats.JetStreamContext
    logger *slog.Logger
    slots  chan struct{}
}

// NewSubscriber returns a subscriber that runs at most maxInFlight callbacks at once.
func NewSubscriber(js nats.JetStreamContext, logger *slog.Logger, maxInFlight int) *Subscriber {
    if maxInFlight <= 0 {
        maxInFlight = defaultMaxInFlight
    }
    return &Subscriber{js: js, logger: logger, slots: make(chan struct{}, maxInFlight)}
}

// Subscribe delivers every message of subject.identifier to cb, once per durable queue group. A deployment can run
// for minutes, so the callback runs off the NATS dispatch goroutine and the message is acknowledged when it is done.
func (s *Subscriber) Subscribe(subject Subject, identifier string, durable string, cb func([]byte) error) (*nats.Subscription, error) {
    uniqueSubject := fmt.Sprintf("%s.%s", subject, identifier)
    queueGroup := fmt.Sprintf("%s-workers", durable)
    sub, err := s.js.QueueSubscribe(uniqueSubject, queueGroup, func(msg *nats.Msg) {
02|        s.slots <- struct{}{}
        go func() { //@{1}CONC-02
02|            defer func() { <-s.slots }()
            defer func() {
                if r := recover(); r != nil {
                    s.logger.Error("subscriber callback panicked", "subject", msg.Subject, "panic", r,
                        "stack", string(debug.Stack()))
                    _ = msg.Term()
                }
            }()
            s.handle(msg, cb)
        }()
    }, nats.Durable(durable), nats.ManualAck(), nats.AckWait(ackWait))
    if err != nil {
        return nil, fmt.Errorf("subscribe %s as %s: %w", uniqueSubject, queueGroup, err)
    }
    return sub, nil
}

func (s *Subscriber) handle(msg *nats.Msg, cb func([]byte) error) {
    if err := cb(msg.Data); err != nil {
        s.logger.Warn("subscriber callback failed, redelivering", "subject", msg.Subject, "err", err)
        if nakErr := msg.NakWithDelay(redeliveryDelay); nakErr != nil {
            s.logger.Error("nak failed", "subject", msg.Subject, "err", nakErr)
        }
        return
    }
01|    if err := msg.Ack(); err != nil {
01|        s.logger.Error("ack failed, the message will be delivered again", "subject", msg.Subject, "err", err)
01|    }
2|    msg.Ack() //@ERR-01
}

// Drain stops taking new messages and waits until the callbacks in flight are done.
func (s *Subscriber) Drain(sub *nats.Subscription) error {
    if err := sub.Drain(); err != nil {
        return err
    }
    for i := 0; i < cap(s.slots); i++ {
        s.slots <- struct{}{}
    }
    return nil
}
''')
cases_of(case, GH + 'starlinerapp/starliner/pull/348', 'server/internal/core/infrastructure/nats/jetstream/subscriber.go',
         G('jetstream', ['fmt', 'log/slog', 'runtime/debug', 'time', '', 'github.com/nats-io/nats.go'])(STARLINER), [
             (1, 'go-00-starliner-subscriber-goroutine-per-message-unbounded',
              'an edit drops the in-flight slots of the JetStream subscriber, so every delivered message starts a '
              'goroutine of its own and a backlog starts thousands of deployments at once', 'edit'),
             (2, 'go-00-starliner-subscriber-ack-error-dropped',
              'an edit acknowledges a finished message without looking at the result, so a lost ack goes unnoticed and '
              'the deployment runs again', 'edit'),
             (0, 'go-ok-00-starliner-subscriber-bounded-slots-ack-checked',
              'clean: callbacks bounded by in-flight slots, each recovering, a failed ack logged', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: embedded DNS resolver (libnetwork)
RESOLVER = template('libnetwork-resolver', r'''
// forwardExtDNS sends a query the resolver cannot answer to the external servers of the sandbox, one after the other,
// and returns the first answer.
func (r *resolver) forwardExtDNS(proto string, query *dns.Msg) (*dns.Msg, error) {
    name := query.Question[0].Name
    var lastErr error
    for i := 0; i < maxExtDNS; i++ {
        extDNS := &r.extDNSList[i]
        if extDNS.IPStr == "" {
            break
        }
        if !r.proxyDNS.Load() && !extDNS.HostLoopback {
            continue
        }
        addr := net.JoinHostPort(extDNS.IPStr, "53")
        extConn, err := net.DialTimeout(proto, addr, extConnectTimeout) //@{2}RES-01
        if err != nil {
01|            logrus.Warnf("[resolver] connect failed: %s", err)
2|            logrus.Warnf("[resolver] connect to %s failed: %s", addr, err)
            lastErr = err
            continue
        }
1|        logrus.Debugf("[resolver] query %s (%s) from %s, forwarding to %s:%s", name, //@LOG-01
1|            dns.TypeToString[query.Question[0].Qtype], extConn.LocalAddr().String(), proto, extDNS.IPStr)
        _ = extConn.SetDeadline(time.Now().Add(extIOTimeout))
        co := &dns.Conn{Conn: extConn}
        if err := co.WriteMsg(query); err != nil {
01|            extConn.Close()
            lastErr = fmt.Errorf("send %s to %s: %w", name, addr, err)
            continue
        }
        resp, err := co.ReadMsg()
        extConn.Close()
        if err != nil {
            lastErr = fmt.Errorf("read answer for %s from %s: %w", name, addr, err)
            continue
        }
        if resp.Rcode == dns.RcodeServerFailure {
            lastErr = fmt.Errorf("%s answered SERVFAIL for %s", addr, name)
            continue
        }
        return resp, nil
    }
    if lastErr == nil {
        lastErr = errNoExternalDNS
    }
    return nil, lastErr
}

// ServeDNS answers one query of a container: from the network's own names when it can, else from an external server.
func (r *resolver) ServeDNS(w dns.ResponseWriter, query *dns.Msg) {
    if query == nil || len(query.Question) == 0 {
        return
    }
    resp, err := r.answerLocally(query)
    if err == nil && resp == nil {
        resp, err = r.forwardExtDNS(w.LocalAddr().Network(), query)
    }
    if err != nil {
        resp = new(dns.Msg)
        resp.SetRcode(query, dns.RcodeServerFailure)
    }
    if err := w.WriteMsg(resp); err != nil {
        logrus.WithError(err).Warn("[resolver] failed to write answer")
    }
}
''')
cases_of(case, GH + 'moby/libnetwork/pull/2475', 'resolver.go',
         G('libnetwork', ['errors', 'fmt', 'net', 'time', '', 'github.com/miekg/dns', 'github.com/sirupsen/logrus'])(RESOLVER), [
             (1, 'go-00-libnetwork-resolver-debug-line-per-forwarded-query',
              'an edit logs every query the embedded DNS resolver forwards, with its type and source, on the path every '
              'container lookup takes', 'edit'),
             (2, 'go-00-libnetwork-resolver-ext-conn-leaked-on-send-error',
              'an edit rewords the connect warning and no longer closes the connection to the external server when '
              'sending the query fails', 'edit'),
             (0, 'go-ok-00-libnetwork-resolver-quiet-forward-conn-closed',
              'clean: no line per forwarded query, the external connection closed on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: websocket hub of a ledger server (oa-server)
OASERVER = template('oa-server-ws', r'''
// Hub keeps the websocket connections of every organization and pushes ledger changes to them.
type Hub struct {
    mu            sync.RWMutex
    subscriptions map[string][]*websocket.Conn
    upgrader      websocket.Upgrader
}

func NewHub() *Hub {
    return &Hub{
        subscriptions: make(map[string][]*websocket.Conn),
        upgrader:      websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024},
    }
}

// Handler upgrades a request to a websocket that follows one organization.
func (h *Hub) Handler(w rest.ResponseWriter, r *rest.Request) {
    orgID := r.PathParam("orgId")
    conn, err := h.upgrader.Upgrade(w.(http.ResponseWriter), r.Request, nil)
    if err != nil {
        log.Println("websocket upgrade:", err)
        return
    }
    h.subscribe(orgID, conn)
    defer h.unsubscribe(orgID, conn)
    for {
        if _, _, err := conn.ReadMessage(); err != nil {
            return
        }
    }
}

func (h *Hub) subscribe(orgID string, conn *websocket.Conn) {
02|    h.mu.Lock()
02|    defer h.mu.Unlock()
    h.subscriptions[orgID] = append(h.subscriptions[orgID], conn) //@{1}CONC-03
}

func (h *Hub) unsubscribe(orgID string, conn *websocket.Conn) {
    h.mu.Lock()
    defer h.mu.Unlock()
    conns := h.subscriptions[orgID]
    for i, c := range conns {
        if c == conn {
            h.subscriptions[orgID] = append(conns[:i], conns[i+1:]...)
            break
        }
    }
    if len(h.subscriptions[orgID]) == 0 {
        delete(h.subscriptions, orgID)
    }
    conn.Close()
}

// Broadcast sends a change of an organization's ledger to everyone who follows it.
func (h *Hub) Broadcast(orgID string, change *types.Message) {
    h.mu.RLock()
    conns := append([]*websocket.Conn(nil), h.subscriptions[orgID]...)
    h.mu.RUnlock()
    for _, conn := range conns {
        _ = conn.SetWriteDeadline(time.Now().Add(writeWait))
01|        if err := conn.WriteJSON(change); err != nil {
01|            log.Printf("websocket write to %s for org %s: %v", conn.RemoteAddr(), orgID, err)
01|            h.unsubscribe(orgID, conn)
01|        }
2|        conn.WriteJSON(change) //@ERR-01
    }
}
''')
cases_of(case, GH + 'openaccounting/oa-server/pull/9', 'core/ws/hub.go',
         G('ws', ['log', 'net/http', 'sync', 'time', '', 'github.com/ant0ine/go-json-rest/rest', 'github.com/gorilla/websocket',
                  'github.com/openaccounting/oa-server/core/model/types'])(OASERVER), [
             (1, 'go-00-oa-server-ws-subscribe-appends-without-lock',
              'an edit appends a new websocket to the organization map from each request goroutine without the hub\'s '
              'lock, while broadcasts and closes use it', 'edit'),
             (2, 'go-00-oa-server-ws-broadcast-write-error-ignored',
              'an edit ignores the error of writing a change to a websocket, so a dead connection stays subscribed and '
              'every later change is written to it again', 'edit'),
             (0, 'go-ok-00-oa-server-ws-locked-subscribe-write-checked',
              'clean: every map access under the hub lock, a failed write unsubscribes the connection', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: job scheduler (go-quartz)
QUARTZ = template('go-quartz-scheduler', r'''
// executeAndReschedule runs the job at the head of the queue and puts it back with its next fire time.
func (sched *StdScheduler) executeAndReschedule(ctx context.Context) {
    it, err := sched.queue.Pop()
    if err != nil {
        sched.logger.Error("failed to pop the next job", "err", err)
        return
    }
    if !isOutdated(it.TriggerTime(), sched.opts.OutdatedThreshold) {
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    sched.logger.Error("job panicked", "key", it.JobDetail().JobKey(), "panic", r,
02|                        "stack", string(debug.Stack()))
02|                }
02|            }()
01|            jobCtx, cancel := context.WithTimeout(ctx, sched.opts.JobTimeout)
01|            defer cancel()
2|            jobCtx, _ := context.WithTimeout(ctx, sched.opts.JobTimeout) //@TMO-03
            if err := it.JobDetail().Job().Execute(jobCtx); err != nil {
                sched.logger.Warn("job failed", "key", it.JobDetail().JobKey(), "err", err)
            }
        }()
    } else {
        sched.logger.Debug("job is outdated, skipping this run", "key", it.JobDetail().JobKey())
    }
    sched.reschedule(it)
}

func (sched *StdScheduler) reschedule(it ScheduledJob) {
    nextRunTime, err := it.Trigger().NextFireTime(it.TriggerTime())
    if err != nil {
        sched.logger.Info("job will not be rescheduled", "key", it.JobDetail().JobKey(), "reason", err)
        return
    }
    sched.mtx.Lock()
    defer sched.mtx.Unlock()
    if err := sched.queue.Push(&scheduledJob{job: it.JobDetail(), trigger: it.Trigger(), priority: nextRunTime}); err != nil {
        sched.logger.Error("failed to reschedule job", "key", it.JobDetail().JobKey(), "err", err)
        return
    }
    sched.reset()
}
''')
cases_of(case, GH + 'reugn/go-quartz/pull/130', 'quartz/scheduler.go',
         GV('quartz', {0: ['context', 'runtime/debug'], 1: ['context'], 2: ['context', 'runtime/debug']})(QUARTZ), [
             (1, 'go-00-go-quartz-job-goroutine-without-recover',
              'an edit drops the recover of the goroutine each job fire runs on, so one panicking job ends the whole '
              'process and every schedule with it', 'edit'),
             (2, 'go-00-go-quartz-job-timeout-cancel-discarded',
              'an edit bounds each job run with a timeout context and throws its cancel away, so every fire keeps a '
              'timer and a context until the timeout', 'edit'),
             (0, 'go-ok-00-go-quartz-recovered-job-cancel-deferred',
              'clean: each job goroutine recovers, its timeout context cancelled by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: page-fetching CLI (armstrong)
ARMSTRONG = template('armstrong-fetch', r'''
const (
    userAgent      = "armstrong/1.0 (+https://github.com/StevenMaude/armstrong)"
    requestTimeout = 30 * time.Second
    maxPageBytes   = 4 << 20
)

// client is shared by every fetch of a run, so connections to the same site are reused.
01|var client = &http.Client{Timeout: requestTimeout}
2|var client = &http.Client{} //@TMO-01

// fetchPage downloads one listing page and returns its HTML, at most maxPageBytes of it.
func fetchPage(ctx context.Context, pageURL string) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
    if err != nil {
        return nil, fmt.Errorf("building request for %s: %w", pageURL, err)
    }
    req.Header.Set("User-Agent", userAgent)
    resp, err := client.Do(req) //@{1}RES-02
    if err != nil {
        return nil, fmt.Errorf("fetching %s: %w", pageURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetching %s: unexpected status %s", pageURL, resp.Status)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
1|    resp.Body.Close()
    if err != nil {
        return nil, fmt.Errorf("reading %s: %w", pageURL, err)
    }
    return body, nil
}

// fetchAll downloads the pages one after the other, stopping at the first failure.
func fetchAll(ctx context.Context, pageURLs []string) ([][]byte, error) {
    pages := make([][]byte, 0, len(pageURLs))
    for _, u := range pageURLs {
        page, err := fetchPage(ctx, u)
        if err != nil {
            return pages, err
        }
        pages = append(pages, page)
    }
    return pages, nil
}
''')
cases_of(case, GH + 'StevenMaude/armstrong/pull/14', 'fetch.go',
         G('main', ['context', 'fmt', 'io', 'net/http', 'time'])(ARMSTRONG), [
             (1, 'go-00-armstrong-new-fetch-error-status-body-open',
              'a new fetch helper of the CLI closes the response only after reading a 200 page, so every error status '
              'keeps its connection', 'new'),
             (2, 'go-00-armstrong-new-fetch-client-without-timeout',
              'a new fetch helper of the CLI shares one HTTP client that has no timeout, so a site that stops answering '
              'hangs the run', 'new'),
             (0, 'go-ok-00-armstrong-new-fetch-bounded-client-body-deferred',
              'clean: a new fetch helper with a client bounded by a timeout and each body closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: registry notification sink (distribution)
NOTIFY = template('distribution-http-sink', r'''
// httpSink implements a single-flight, http notification endpoint. This is very lightweight in that it only makes an
// attempt at an http request. Reliability should be provided by the caller.
type httpSink struct {
    url       string
    mu        sync.Mutex
    closed    bool
    client    *http.Client
    listeners []httpStatusListener
    headers   http.Header
}

// newHTTPSink returns an unreliable, single-flight http sink. Wrap in other sinks for increased reliability.
func newHTTPSink(u string, timeout time.Duration, headers http.Header, transport *http.Transport, listeners ...httpStatusListener) *httpSink {
    if transport == nil {
        transport = http.DefaultTransport.(*http.Transport)
    }
    return &httpSink{
        url:       u,
        listeners: listeners,
        client: &http.Client{
            Transport: &headerRoundTripper{Transport: transport, headers: headers},
            Timeout:   timeout,
        },
        headers: headers,
    }
}

// Write writes the events to the endpoint, returning an error for anything but a 2xx answer.
func (hs *httpSink) Write(events ...Event) error {
    hs.mu.Lock()
    defer hs.mu.Unlock()
    if hs.closed {
        return ErrSinkClosed
    }
    envelope := Envelope{Events: events}
    p, err := json.MarshalIndent(envelope, "", "   ")
    if err != nil {
        hs.notifyErr(err, events...)
        return fmt.Errorf("%v: error marshaling event envelope: %v", hs, err)
    }
01|    resp, err := hs.client.Post(hs.url, EventsMediaType, bytes.NewReader(p)) //@{1}RES-02
2|    client := &http.Client{ //@RES-04
2|        Transport: &headerRoundTripper{Transport: http.DefaultTransport.(*http.Transport).Clone(), headers: hs.headers},
2|        Timeout:   hs.client.Timeout,
2|    }
2|    resp, err := client.Post(hs.url, EventsMediaType, bytes.NewReader(p))
    if err != nil {
        hs.notifyErr(err, events...)
02|        return fmt.Errorf("%v: error posting: %v", hs, err)
1|        return fmt.Errorf("%v: posting %d events: %w", hs, len(events), err)
    }
02|    defer resp.Body.Close()

    // The notifier will treat any 2xx or 3xx response as accepted by the endpoint.
    switch {
    case resp.StatusCode >= 200 && resp.StatusCode < 400:
        for _, listener := range hs.listeners {
            listener.success(resp.Status, events...)
        }
        return nil
    default:
        for _, listener := range hs.listeners {
            listener.failure(resp.Status, events...)
        }
        return fmt.Errorf("%v: response status %v unaccepted", hs, resp.Status)
    }
}

func (hs *httpSink) notifyErr(err error, events ...Event) {
    for _, listener := range hs.listeners {
        listener.err(err, events...)
    }
}

// Close the endpoint.
func (hs *httpSink) Close() error {
    hs.mu.Lock()
    defer hs.mu.Unlock()
    if hs.closed {
        return fmt.Errorf("httpsink: already closed")
    }
    hs.closed = true
    return nil
}
''')
cases_of(case, GH + 'distribution/distribution/pull/474', 'notifications/http.go',
         G('notifications', ['bytes', 'encoding/json', 'fmt', 'net/http', 'sync', 'time'])(NOTIFY), [
             (1, 'go-00-distribution-http-sink-response-body-never-closed',
              'an edit drops the close of the notification endpoint\'s answer, so every event post keeps its connection '
              'and the registry runs out of sockets', 'edit'),
             (2, 'go-00-distribution-http-sink-client-per-write',
              'an edit builds a new HTTP client with a cloned transport for every batch of events instead of the sink\'s '
              'client, so no connection is ever reused', 'edit'),
             (0, 'go-ok-00-distribution-http-sink-shared-client-body-closed',
              'clean: the sink\'s one client posts every batch, each answer closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: restic backup engine (bivac)
BIVAC = template('bivac-restic', r'''
// Backup backs up one volume with restic: it makes sure the repository exists, runs the backup and forgets the
// snapshots the retention policy no longer keeps.
func (r *ResticEngine) Backup(ctx context.Context, backupPath, hostname string, force bool) error {
0|    if err := r.initializeRepository(ctx); err != nil {
2|    if err := r.initializeRepository(); err != nil {
02|        return fmt.Errorf("failed to initialize the restic repository: %w", err)
02|    }
1|    r.initializeRepository(ctx) //@ERR-01
    if force {
        if err := r.unlockRepository(ctx); err != nil {
            return fmt.Errorf("failed to unlock the repository: %w", err)
        }
    }
    output, err := r.run(ctx, []string{"--host", hostname, "backup", backupPath})
    if err != nil {
        r.Logger.WithField("output", string(output)).Error("restic backup failed")
        return fmt.Errorf("failed to back up %s: %w", backupPath, err)
    }
    if _, err := r.run(ctx, append([]string{"forget", "--prune"}, r.retentionArgs()...)); err != nil {
        return fmt.Errorf("failed to forget old snapshots: %w", err)
    }
    return nil
}

01|func (r *ResticEngine) initializeRepository(ctx context.Context) error {
2|func (r *ResticEngine) initializeRepository() error {
    // An existing repository answers `snapshots`; anything else is a repository to create.
01|    if _, err := r.run(ctx, []string{"snapshots"}); err == nil {
2|    if _, err := r.runDetached([]string{"snapshots"}); err == nil {
        return nil
    }
01|    output, err := r.run(ctx, []string{"init"})
2|    output, err := r.runDetached([]string{"init"})
    if err != nil {
        return fmt.Errorf("restic init: %w: %s", err, strings.TrimSpace(string(output)))
    }
    return nil
}

func (r *ResticEngine) unlockRepository(ctx context.Context) error {
    _, err := r.run(ctx, []string{"unlock", "--remove-all"})
    return err
}

// run runs restic against the volume's repository and returns its combined output; it stops restic when ctx ends.
func (r *ResticEngine) run(ctx context.Context, args []string) ([]byte, error) {
    cmd := exec.CommandContext(ctx, "restic", append([]string{"-r", r.Repository}, args...)...)
    cmd.Env = append(os.Environ(), "RESTIC_PASSWORD="+r.Password)
    return cmd.CombinedOutput()
}
2|
2|// runDetached runs restic for the repository checks, which should not be cut short by a backup's deadline.
2|func (r *ResticEngine) runDetached(args []string) ([]byte, error) {
2|    cmd := exec.Command("restic", append([]string{"-r", r.Repository}, args...)...) //@TMO-02
2|    cmd.Env = append(os.Environ(), "RESTIC_PASSWORD="+r.Password)
2|    output, err := cmd.CombinedOutput()
2|    return output, err
2|}
''')
cases_of(case, GH + 'camptocamp/bivac/pull/214', 'pkg/engines/restic.go',
         G('engines', ['context', 'fmt', 'os', 'os/exec', 'strings'])(BIVAC), [
             (1, 'go-00-bivac-restic-init-error-ignored',
              'an edit ignores the error of initializing the restic repository, so a backup to a repository that could '
              'not be created fails later with a misleading message or not at all', 'edit'),
             (2, 'go-00-bivac-restic-repository-checks-ignore-context',
              'an edit runs the repository checks through a helper that starts restic without the backup\'s context, '
              'so a cancelled or timed-out backup leaves restic running', 'edit'),
             (0, 'go-ok-00-bivac-restic-init-checked-context-passed',
              'clean: a failed init stops the backup, every restic run bound to the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-03: telemetry SDK harvester (newrelic-telemetry-sdk-go)
HARVESTER = template('newrelic-harvester', r'''
// Harvester aggregates metrics and spans and sends them to New Relic in batches.
type Harvester struct {
    config      Config
    lock        sync.Mutex
    lastHarvest time.Time
    rawMetrics  []Metric
    spans       []Span
}

// RecordMetric adds a fully formed metric to the next batch. It is safe to call from any goroutine.
func (h *Harvester) RecordMetric(m Metric) {
    if h == nil {
        return
    }
01|    h.lock.Lock()
01|    defer h.lock.Unlock()
    if len(h.rawMetrics) < maxBufferedMetrics {
        h.rawMetrics = append(h.rawMetrics, m) //@{2}CONC-03
        return
    }
    h.config.logError(map[string]interface{}{"err": "metric buffer full, dropping metric", "name": m.Name})
}

// HarvestNow sends every buffered metric and span at once. ctx bounds the requests.
func (h *Harvester) HarvestNow(ctx context.Context) {
    if h == nil {
        return
    }
    metrics, spans := h.swapOutMetrics(time.Now())
    if len(metrics) > 0 {
        h.send(ctx, h.config.metricURL(), marshalMetrics(metrics, h.config.CommonAttributes))
    }
    if len(spans) > 0 {
        h.send(ctx, h.config.spanURL(), marshalSpans(spans, h.config.CommonAttributes))
    }
}

func (h *Harvester) swapOutMetrics(now time.Time) ([]Metric, []Span) {
    h.lock.Lock()
    defer h.lock.Unlock()
    metrics, spans := h.rawMetrics, h.spans
    h.rawMetrics, h.spans = nil, nil
    h.lastHarvest = now
    return metrics, spans
}

func (h *Harvester) send(ctx context.Context, url string, body []byte) {
    compressed, err := gzipBytes(body)
    if err != nil {
        h.config.logError(map[string]interface{}{"err": err.Error(), "event": "compress payload"})
        return
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(compressed))
1|    req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(compressed)) //@TMO-02
    if err != nil {
        h.config.logError(map[string]interface{}{"err": err.Error(), "event": "build request"})
        return
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Content-Encoding", "gzip")
    req.Header.Set("Api-Key", h.config.APIKey)
    req.Header.Set("User-Agent", userAgent)
    resp, err := h.config.Client.Do(req)
    if err != nil {
        h.config.logError(map[string]interface{}{"err": err.Error(), "event": "send payload", "url": url})
        return
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusAccepted {
        msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        h.config.logError(map[string]interface{}{"event": "payload rejected", "status": resp.StatusCode,
            "body": string(msg)})
    }
}
''')
cases_of(case, GH + 'newrelic/newrelic-telemetry-sdk-go/pull/66', 'telemetry/harvester.go',
         G('telemetry', ['bytes', 'context', 'io', 'net/http', 'sync', 'time'])(HARVESTER), [
             (1, 'go-00-newrelic-renamed-harvester-request-without-context',
              'a PR renames the harvester file and builds each payload request without the harvest context, so a '
              'cancelled or timed-out harvest keeps its requests running', 'rename'),
             (2, 'go-00-newrelic-renamed-harvester-metric-appended-without-lock',
              'a PR renames the harvester file and appends recorded metrics to the buffer without its lock, while the '
              'harvest swaps the buffer out under it', 'rename'),
             (0, 'go-ok-00-newrelic-renamed-harvester-locked-buffer-context-request',
              'clean: the rename alone; the buffer guarded by the lock, every request built with the harvest context',
              'rename'),
         ], rename_from='telemetry/harvest.go', rename_old=lambda t: t.replace('swapOutMetrics', 'swapMetrics'))


# ---------------------------------------------------------------- TX-01 / TX-02: ledger storage (formance ledger)
LEDGER = template('formance-ledger-store', r'''
// InsertTransactions stores a batch of transactions and the moves they make, all or nothing.
func (s *Store) InsertTransactions(ctx context.Context, txs ...core.ExpandedTransaction) error {
    sqlTx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted}) //@{1}TX-01
    if err != nil {
02|        return s.error(err)
1|        return fmt.Errorf("opening transaction: %w", s.error(err))
    }
02|    defer sqlTx.Rollback()

    accounts := involvedAccounts(txs)
    if err := lockAccounts(ctx, sqlTx, accounts); err != nil {
        return s.error(err)
    }
    for _, tx := range txs {
        metadata, err := json.Marshal(tx.Metadata)
        if err != nil {
            return fmt.Errorf("marshal metadata of transaction %d: %w", tx.ID, err)
        }
        if _, err := sqlTx.ExecContext(ctx,
            `INSERT INTO transactions (id, reference, timestamp, metadata) VALUES ($1, $2, $3, $4)`,
            tx.ID, nullString(tx.Reference), tx.Timestamp, metadata); err != nil {
            return s.error(err)
        }
        for i, p := range tx.Postings {
            if _, err := sqlTx.ExecContext(ctx,
                `INSERT INTO postings (txid, index, source, destination, amount, asset) VALUES ($1, $2, $3, $4, $5, $6)`,
                tx.ID, i, p.Source, p.Destination, p.Amount.String(), p.Asset); err != nil {
                return s.error(err)
            }
        }
    }
01|    if err := sqlTx.Commit(); err != nil {
01|        return s.error(err)
01|    }
2|    sqlTx.Commit() //@TX-02
    return nil
}

// lockAccounts takes the row locks of the accounts a batch touches, creating the accounts it sees for the first time.
func lockAccounts(ctx context.Context, sqlTx *sql.Tx, addresses []string) error {
    rows, err := sqlTx.QueryContext(ctx,
        `SELECT address FROM accounts WHERE address = ANY($1) ORDER BY address FOR UPDATE`, pq.Array(addresses))
    if err != nil {
        return err
    }
    defer rows.Close()
    known := make(map[string]struct{}, len(addresses))
    for rows.Next() {
        var address string
        if err := rows.Scan(&address); err != nil {
            return err
        }
        known[address] = struct{}{}
    }
    if err := rows.Err(); err != nil {
        return err
    }
    for _, address := range addresses {
        if _, ok := known[address]; ok {
            continue
        }
        if _, err := sqlTx.ExecContext(ctx,
            `INSERT INTO accounts (address, metadata) VALUES ($1, '{}') ON CONFLICT DO NOTHING`, address); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'formancehq/ledger/pull/609', 'pkg/storage/sqlstorage/transactions.go',
         G('sqlstorage', ['context', 'database/sql', 'encoding/json', 'fmt', '', 'github.com/formancehq/ledger/pkg/core',
                          'github.com/lib/pq'])(LEDGER), [
             (1, 'go-00-formance-ledger-insert-transaction-not-rolled-back',
              'an edit rewords the begin error and drops the deferred rollback of the batch insert, so any failed '
              'insert returns with the SQL transaction and its account locks still open', 'edit'),
             (2, 'go-00-formance-ledger-insert-commit-error-dropped',
              'an edit commits the batch insert without checking the result, so a failed commit is reported as stored '
              'transactions', 'edit'),
             (0, 'go-ok-00-formance-ledger-insert-rollback-deferred-commit-checked',
              'clean: the batch transaction rolled back by defer, its commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: HDL design-unit scanner (go-hdl)
GOHDL = template('go-hdl-scan', r'''
// Collect returns the VHDL files under the given roots, skipping the ignored directories.
func Collect(roots []string, ignore []string) ([]string, error) {
    var paths []string
    for _, root := range roots {
        err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
            if err != nil {
                return err
            }
            if d.IsDir() && isIgnored(path, ignore) {
                return filepath.SkipDir
            }
            if !d.IsDir() && (strings.HasSuffix(path, ".vhd") || strings.HasSuffix(path, ".vhdl")) {
                paths = append(paths, path)
            }
            return nil
        })
        if err != nil {
            return nil, fmt.Errorf("walk %s: %w", root, err)
        }
    }
    sort.Strings(paths)
    return paths, nil
}

// ScanFiles parses every file and returns the design units (entities, packages, architectures) each one declares.
func ScanFiles(paths []string) (map[string][]Symbol, error) {
    symbols := make(map[string][]Symbol, len(paths))
    for _, path := range paths {
        f, err := os.Open(path)
        if err != nil {
            return nil, fmt.Errorf("open %s: %w", path, err)
        }
1|        defer f.Close() //@RES-03
01|        syms, err := parseUnits(bufio.NewReader(f), path)
2|        syms, _ := parseUnits(bufio.NewReader(f), path) //@ERR-01
02|        f.Close()
01|        if err != nil {
01|            return nil, fmt.Errorf("parse %s: %w", path, err)
01|        }
        if len(syms) > 0 {
            symbols[path] = syms
        }
    }
    return symbols, nil
}
''')
cases_of(case, GH + 'm-kru/go-hdl/issues/1', 'vhdl/scan.go',
         G('vhdl', ['bufio', 'fmt', 'io/fs', 'os', 'path/filepath', 'sort', 'strings'])(GOHDL), [
             (1, 'go-00-go-hdl-scan-files-closed-by-defer-in-loop',
              'an edit closes each scanned VHDL file by a defer inside the loop over files, so a large design keeps '
              'every file open until the scan ends and runs out of descriptors', 'edit'),
             (2, 'go-00-go-hdl-scan-parse-error-ignored',
              'an edit ignores the parse error of each file, so a file the scanner cannot read silently contributes no '
              'design units and the tool reports missing entities elsewhere', 'edit'),
             (0, 'go-ok-00-go-hdl-scan-file-closed-per-iteration-parse-checked',
              'clean: each file closed in its own iteration, a parse error returned with the file name', 'fix'),
         ])
