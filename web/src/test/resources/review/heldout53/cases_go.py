"""Round-53 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16); a prefix lists the versions that keep the line.
A case is a new file, an edit that turns the clean file into a defect, the fix that turns the first defect into the
clean file, or a move (round 16's common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- TX-01 / ERR-01: invoice submission of a government moving-logistics system (mymove)
MYMOVE = template('mymove-process-invoice', r'''
// gexResult is what the GEX gateway answered to one EDI submission.
type gexResult struct {
    StatusCode int
    Message    string
}

type processInvoice struct {
    db           *sql.DB
    clock        clock.Clock
    ediGenerator ediGenerator
    gexSender    gexSender
}

const updateInvoiceStatus = `UPDATE invoices SET status = $1, updated_at = $2 WHERE id = $3`

// Call sends the EDI invoice of a shipment to GEX and records the outcome on the invoice in one transaction.
func (p processInvoice) Call(ctx context.Context, invoice *models.Invoice, shipment models.Shipment) error {
    edi, err := p.ediGenerator.Generate(invoice, shipment)
    if err != nil {
        return fmt.Errorf("generate EDI for invoice %s: %w", invoice.InvoiceNumber, err)
    }

    tx, err := p.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return fmt.Errorf("begin transaction for invoice %s: %w", invoice.InvoiceNumber, err)
    }
02|    defer tx.Rollback()

    now := p.clock.Now().UTC()
    if _, err := tx.ExecContext(ctx, updateInvoiceStatus, models.InvoiceStatusSubmitted, now, invoice.ID); err != nil {
        return fmt.Errorf("mark invoice %s submitted: %w", invoice.InvoiceNumber, err)
    }

    result, err := p.gexSender.SendToGex(ctx, edi, invoice.InvoiceNumber)
    if err != nil {
        return fmt.Errorf("send invoice %s to GEX: %w", invoice.InvoiceNumber, err)
    }
    if result.StatusCode != http.StatusOK {
01|        if _, err := tx.ExecContext(ctx, updateInvoiceStatus, models.InvoiceStatusSubmissionFailure, now, invoice.ID); err != nil {
01|            return fmt.Errorf("mark invoice %s failed: %w", invoice.InvoiceNumber, err)
01|        }
2|        tx.ExecContext(ctx, updateInvoiceStatus, models.InvoiceStatusSubmissionFailure, now, invoice.ID) //@ERR-01
        if err := tx.Commit(); err != nil {
            return fmt.Errorf("commit failed status of invoice %s: %w", invoice.InvoiceNumber, err)
        }
        return fmt.Errorf("GEX refused invoice %s: %d %s", invoice.InvoiceNumber, result.StatusCode, result.Message)
    }

    invoice.Status = models.InvoiceStatusSubmitted
    invoice.SubmittedAt = &now
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("commit invoice %s: %w", invoice.InvoiceNumber, err)
    }
    return nil
}
''')
cases_of(case, GH + 'transcom/mymove/pull/1586', 'pkg/services/invoice/process_invoice.go',
         G('invoice', ['context', 'database/sql', 'fmt', 'net/http', '',
                       'github.com/benbjohnson/clock', '', 'github.com/transcom/mymove/pkg/models'])(MYMOVE), [
             (1, 'go-00-mymove-invoice-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the invoice transaction, so every early return (a GEX '
              'failure, a failed update) leaves the transaction and its connection open', 'edit'),
             (2, 'go-00-mymove-invoice-failure-status-error-ignored',
              'an edit records the failed submission without looking at the update\'s error, so an invoice whose '
              'status could not be written is committed as if it had been', 'edit'),
             (0, 'go-ok-00-mymove-invoice-rollback-deferred-status-checked',
              'clean: the fix defers the rollback right after Begin; every status update is checked', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-02: delivery queue of a mail server (uMailServer)
UMAIL = template('umailserver-queue-manager', r'''
// handleDeliverySuccess marks a delivered entry done and drops its spooled message in one transaction.
func (m *Manager) handleDeliverySuccess(ctx context.Context, entry *Entry) error {
    tx, err := m.db.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("queue: begin success update of %s: %w", entry.ID, err)
    }
    defer tx.Rollback()

    entry.Status = StatusDelivered
    entry.DeliveredAt = time.Now().UTC()
    if err := m.store.UpdateQueueEntryTx(ctx, tx, entry); err != nil {
        return fmt.Errorf("queue: mark %s delivered: %w", entry.ID, err)
    }
    if _, err := tx.ExecContext(ctx, `DELETE FROM spool WHERE message_id = ?`, entry.MessageID); err != nil {
        return fmt.Errorf("queue: drop spooled message of %s: %w", entry.ID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("queue: commit delivery of %s: %w", entry.ID, err)
01|    }
2|    tx.Commit() //@TX-02
    m.metrics.delivered.Add(1)
    return nil
}

// handleDeliveryFailure records a failed attempt and schedules the next one, or bounces the message after the last.
func (m *Manager) handleDeliveryFailure(ctx context.Context, entry *Entry, cause error) {
    entry.Attempts++
    entry.LastError = cause.Error()
    if entry.Attempts >= m.cfg.MaxAttempts {
        entry.Status = StatusBounced
        m.bounces <- entry
    } else {
        entry.Status = StatusDeferred
        entry.NextAttempt = time.Now().UTC().Add(m.backoff(entry.Attempts))
    }
02|    if err := m.store.UpdateQueueEntry(ctx, entry); err != nil {
02|        m.logger.Error("queue: record failed delivery", "entry", entry.ID, "attempts", entry.Attempts, "err", err)
02|    }
1|    _ = m.store.UpdateQueueEntry(ctx, entry) //@ERR-01
    m.metrics.deferred.Add(1)
}
''')
cases_of(case, GH + 'uMailServer/uMailServer/pull/13', 'internal/queue/manager.go',
         G('queue', ['context', 'fmt', 'time'])(UMAIL), [
             (1, 'go-00-umailserver-failed-delivery-update-error-dropped',
              'an edit stores the failed delivery attempt and throws the store\'s error away, so a database outage '
              'silently freezes the entry\'s retry schedule', 'edit'),
             (2, 'go-00-umailserver-delivery-commit-unchecked',
              'an edit commits the delivered entry without checking the commit, so a failed commit reports success '
              'and the message is delivered again on the next run', 'edit'),
             (0, 'go-ok-00-umailserver-failure-logged-commit-checked',
              'clean: the fix logs a failed store update; the commit is checked', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: stream status of a live HLS transcoding server (live-hls-transcode)
HLS = template('live-hls-stream-status', r'''
// StreamStatusManager keeps track of the streams being transcoded and of when a client last asked for each.
type StreamStatusManager struct {
    mu         sync.Mutex
    lastAccess map[string]time.Time
    running    map[string]*exec.Cmd
    idleAfter  time.Duration
}

// UpdateLastAccess notes that a client fetched the playlist of a stream and starts its transcoder on first access.
func (m *StreamStatusManager) UpdateLastAccess(pathname string) {
02|    m.mu.Lock()
    m.lastAccess[pathname] = time.Now() //@{1}CONC-03
    _, running := m.running[pathname]
02|    m.mu.Unlock()
    if running {
        return
    }

    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("transcoder of %s panicked: %v\n%s", pathname, r, debug.Stack())
01|            }
01|        }()
        if err := m.startTranscoder(pathname); err != nil {
            log.Printf("could not start transcoder for %s: %v", pathname, err)
        }
    }()
}

// IsIdle reports whether nobody asked for the stream within the idle period.
func (m *StreamStatusManager) IsIdle(pathname string) bool {
    m.mu.Lock()
    defer m.mu.Unlock()
    last, ok := m.lastAccess[pathname]
    return !ok || time.Since(last) > m.idleAfter
}
''')
HLS_IMPORTS = {0: ['log', 'os/exec', 'runtime/debug', 'sync', 'time'], 1: ['log', 'os/exec', 'runtime/debug', 'sync', 'time'],
               2: ['log', 'os/exec', 'sync', 'time']}
cases_of(case, GH + 'MaZderMind/live-hls-transcode/issues/6', 'stream_status_manager.go',
         GV('main', HLS_IMPORTS)(HLS), [
             (1, 'go-00-live-hls-last-access-written-without-lock',
              'an edit drops the lock around the last-access map, so two clients fetching playlists at once crash '
              'the server with a concurrent map write', 'edit'),
             (2, 'go-00-live-hls-transcoder-goroutine-without-recover',
              'an edit starts the transcoder in a goroutine without a recover, so a panic in one transcoder takes '
              'every stream down', 'edit'),
             (0, 'go-ok-00-live-hls-locked-access-recovered-start',
              'clean: the fix takes the lock around the maps; the transcoder goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-03: stream registry of a camera streaming server (go2rtc)
GO2RTC = template('go2rtc-streams-new', r'''
var (
    streams   = map[string]*Stream{}
    streamsMu sync.Mutex

    probeClient = &http.Client{Timeout: 5 * time.Second}
)

// New registers a stream under name; an HTTP source is probed first so that a dead URL is refused at once.
func New(name string, source string) (*Stream, error) {
    if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
        res, err := probeClient.Get(source)
        if err != nil { //@{1}RES-02
            return nil, fmt.Errorf("streams: probe %s: %w", source, err)
        }
02|        defer res.Body.Close()
        if res.StatusCode >= http.StatusBadRequest {
            return nil, fmt.Errorf("streams: probe %s: status %d", source, res.StatusCode)
        }
        log.Debug().Str("source", source).Str("type", res.Header.Get("Content-Type")).Msg("[streams] probed")
    }

    stream := NewStream(source)
01|    streamsMu.Lock()
    streams[name] = stream //@{2}CONC-03
01|    streamsMu.Unlock()
    return stream, nil
}

// Get returns the stream registered under name, or nil.
func Get(name string) *Stream {
    streamsMu.Lock()
    defer streamsMu.Unlock()
    return streams[name]
}
''')
cases_of(case, GH + 'AlexxIT/go2rtc/issues/1394', 'internal/streams/streams.go',
         G('streams', ['fmt', 'net/http', 'strings', 'sync', 'time', '', 'github.com/rs/zerolog/log'])(GO2RTC), [
             (1, 'go-00-go2rtc-probe-body-never-closed',
              'an edit drops the close of the probe answer, so every stream created through the API keeps an HTTP '
              'connection to its camera', 'edit'),
             (2, 'go-00-go2rtc-streams-map-written-without-lock',
              'an edit registers the new stream without the registry lock, so streams created at once through the '
              'API crash the server with a concurrent map write', 'edit'),
             (0, 'go-ok-00-go2rtc-probe-closed-registry-locked',
              'clean: the fix closes the probe answer by defer; the registry write holds the lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: transport layer of a SIP stack (gosip)
GOSIP = template('gosip-transport-layer', r'''
type layer struct {
    msgs     chan sip.Message
    errs     chan error
    canceled chan struct{}
    wg       sync.WaitGroup
    log      log.Logger
}

// serveConnection hands every message read from one connection to the transaction layer until either side stops.
func (tpl *layer) serveConnection(conn Connection) {
    defer tpl.wg.Done()
    for {
        select {
        case <-tpl.canceled:
            return
        case msg, ok := <-conn.Messages():
            if !ok {
                return
            }
01|            tpl.log.Debugf("received %s from %s", msg.Short(), conn.RemoteAddr())
2|            tpl.log.Infof("received SIP message from %s:\n%s", conn.RemoteAddr(), msg.String()) //@LOG-01
            if err := tpl.validate(msg); err != nil {
                tpl.log.Warnf("dropping malformed message from %s: %v", conn.RemoteAddr(), err)
                continue
            }
02|            select {
02|            case tpl.msgs <- msg:
02|            case <-tpl.canceled:
02|                return
02|            }
1|            go tpl.dispatch(msg) //@CONC-02
        }
    }
}
''')
cases_of(case, GH + 'ghettovoice/gosip/pull/22', 'transport/layer.go',
         G('transport', ['sync', '', 'github.com/ghettovoice/gosip/log', 'github.com/ghettovoice/gosip/sip'])(GOSIP), [
             (1, 'go-00-gosip-goroutine-per-message',
              'an edit dispatches each received SIP message in a goroutine of its own instead of the layer\'s '
              'channel, so a burst of INVITEs or a slow consumer piles up goroutines without limit', 'edit'),
             (2, 'go-00-gosip-every-message-logged-at-info',
              'an edit logs every received SIP message in full at INFO, so a busy proxy writes each request and '
              'response to its log', 'edit'),
             (0, 'go-ok-00-gosip-channel-handoff-debug-summary',
              'clean: the fix hands messages over through the bounded channel; a one-line summary at DEBUG', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / TMO-03: request forwarding of a SIP proxy (sipproxy)
SIPPROXY = template('sipproxy-forward-request', r'''
// forwardRequest tries the backends of a route in turn until one answers within the transaction timer.
func (p *Proxy) forwardRequest(ctx context.Context, req *Request, route *Route) error {
    var lastErr error
    for _, backend := range route.Backends {
        conn, err := p.dialer.DialContext(ctx, "udp", backend.Addr)
        if err != nil {
            log.Printf("sipproxy: backend %s unreachable: %v", backend.Addr, err)
            lastErr = err
            continue
        }
1|        defer conn.Close() //@RES-03
        err = p.tryBackend(ctx, conn, req)
02|        conn.Close()
        if err == nil {
            return nil
        }
        lastErr = err
        log.Printf("sipproxy: backend %s failed %s: %v", backend.Addr, req.Method, err)
    }
    return fmt.Errorf("sipproxy: no backend of route %s answered: %w", route.Name, lastErr)
}

// tryBackend writes the request to one backend and waits for its final answer until the transaction timer fires.
func (p *Proxy) tryBackend(ctx context.Context, conn net.Conn, req *Request) error {
01|    txCtx, cancel := context.WithTimeout(ctx, p.cfg.TransactionTimeout)
01|    defer cancel()
2|    txCtx, _ := context.WithTimeout(ctx, p.cfg.TransactionTimeout) //@TMO-03
    if deadline, ok := txCtx.Deadline(); ok {
        if err := conn.SetDeadline(deadline); err != nil {
            return err
        }
    }
    if _, err := conn.Write(req.Bytes()); err != nil {
        return err
    }
    return p.awaitFinal(txCtx, conn, req)
}
''')
cases_of(case, GH + 'ochinchina/sipproxy/issues/21', 'proxy/forward.go',
         G('proxy', ['context', 'fmt', 'log', 'net'])(SIPPROXY), [
             (1, 'go-00-sipproxy-backend-close-deferred-in-loop',
              'an edit defers the close of each backend connection inside the loop over backends, so every failed '
              'backend keeps its socket until the whole request is done', 'edit'),
             (2, 'go-00-sipproxy-transaction-timer-never-cancelled',
              'an edit discards the cancel of the transaction timer\'s context, so each forwarded request leaves a '
              'timer behind until it fires', 'edit'),
             (0, 'go-ok-00-sipproxy-closed-per-backend-timer-cancelled',
              'clean: the fix closes each backend\'s connection before the next; the timer context is cancelled',
              'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-07: job schedule of a scheduling library (scheduler), moved into its own file
SCHEDULER = template('scheduler-job', r'''
// Job runs a function on a schedule: every N units, or daily or weekly at a fixed time of day.
type Job struct {
    mu       sync.Mutex
    every    time.Duration
    daily    bool
    hour     int
    minute   int
    fn       func()
    quit     chan struct{}
    skipWait chan struct{}
}

// nextRun is how long to wait until the job's next run.
func (j *Job) nextRun() time.Duration {
    j.mu.Lock()
    defer j.mu.Unlock()
    if !j.daily {
        return j.every
    }
02|    now := time.Now().UTC()
02|    next := time.Date(now.Year(), now.Month(), now.Day(), j.hour, j.minute, 0, 0, time.UTC)
1|    now := time.Now() //@TIME-01
1|    next := time.Date(now.Year(), now.Month(), now.Day(), j.hour, j.minute, 0, 0, time.Local)
    if !next.After(now) {
        next = next.AddDate(0, 0, 1)
    }
    return next.Sub(now)
}

// run waits for each run of the job until the job is stopped.
func (j *Job) run() {
    for {
        select {
        case <-j.quit:
            return
        case <-j.skipWait:
            j.runOnce()
        case <-time.After(j.nextRun()):
            j.runOnce()
        }
    }
}

// runOnce calls the job's function once.
func (j *Job) runOnce() {
01|    defer func() {
01|        if r := recover(); r != nil {
01|            log.Printf("scheduler: job panicked, next run as scheduled: %v", r)
01|        }
01|    }()
    j.fn() //@{2}CONC-07
}

// Stop ends the job's schedule.
func (j *Job) Stop() {
    close(j.quit)
    log.Printf("scheduler: job stopped")
}
''')
cases_of(case, GH + 'carlescere/scheduler/pull/12', 'job.go',
         G('scheduler', ['log', 'sync', 'time'])(SCHEDULER), [
             (1, 'go-00-scheduler-moved-daily-run-in-host-zone',
              'a PR moves the job into its own file and computes the daily run time in the host\'s zone, so a long '
              'running process fires at the wrong hour after a daylight-saving change', 'rename'),
             (2, 'go-00-scheduler-moved-job-without-recover',
              'a PR moves the job into its own file and calls the job\'s function without a recover, so one '
              'panicking run ends the schedule and the process', 'rename'),
             (0, 'go-ok-00-scheduler-moved-utc-recovered',
              'clean: the move alone; the daily run computed in UTC, each run recovered', 'rename'),
         ], rename_from='scheduler.go')


# ---------------------------------------------------------------- LOG-01 / TMO-02: mailbox sync of an e-mail warm-up service (warmbly)
WARMBLY = template('warmbly-imap-sync', r'''
// syncMailbox classifies the new messages of one warm-up mailbox and records the pass.
func (w *Worker) syncMailbox(ctx context.Context, acct *EmailAccount) error {
    token, err := w.refreshToken(ctx, acct)
    if err != nil {
        return err
    }
    msgs, err := w.imap.FetchSince(ctx, acct, token, acct.LastUID)
    if err != nil {
        return fmt.Errorf("fetch new messages of %s: %w", acct.Email, err)
    }

    failed := 0
    for _, msg := range msgs {
        if err := w.classify(ctx, acct, msg); err != nil {
            failed++
1|            w.log.Info("classify failed", "account", acct.ID, "uid", msg.UID, "err", err) //@LOG-01
            continue
        }
        acct.LastUID = msg.UID
    }
02|    if failed > 0 {
02|        w.log.Warn("messages left unclassified", "account", acct.ID, "failed", failed, "fetched", len(msgs))
02|    }
    return w.store.SavePass(ctx, acct, len(msgs), failed)
}

// refreshToken trades the account's refresh token for an access token at the provider.
func (w *Worker) refreshToken(ctx context.Context, acct *EmailAccount) (string, error) {
    form := url.Values{
        "grant_type":    {"refresh_token"},
        "refresh_token": {acct.RefreshToken},
        "client_id":     {w.cfg.ClientID},
    }
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.TokenURL, strings.NewReader(form.Encode()))
2|    req, err := http.NewRequest(http.MethodPost, w.cfg.TokenURL, strings.NewReader(form.Encode())) //@TMO-02
    if err != nil {
        return "", err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    resp, err := w.httpClient.Do(req)
    if err != nil {
        return "", fmt.Errorf("refresh token of %s: %w", acct.Email, err)
    }
    defer resp.Body.Close()
    var answer struct {
        AccessToken string `json:"access_token"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
        return "", fmt.Errorf("decode token of %s: %w", acct.Email, err)
    }
    return answer.AccessToken, nil
}
''')
cases_of(case, GH + 'warmbly/warmbly/issues/405', 'internal/worker/imap_sync.go',
         G('worker', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'strings'])(WARMBLY), [
             (1, 'go-00-warmbly-every-classify-failure-logged',
              'an edit logs every message that fails classification, so a mailbox whose provider rejects the '
              'whole fetch writes one line per message on every pass', 'edit'),
             (2, 'go-00-warmbly-token-refresh-without-context',
              'an edit builds the token refresh request without the pass\'s context, so a stopped or timed-out '
              'sync still waits for the provider', 'edit'),
             (0, 'go-ok-00-warmbly-failures-counted-refresh-with-context',
              'clean: the fix counts failures into one line per pass; the refresh carries the caller\'s context',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: APPEND of a file-backed IMAP backend (go-imap)
GOIMAP = template('go-imap-fs-append', r'''
// CreateMessage appends a message literal to the mailbox directory and indexes it.
func (mbox *Mailbox) CreateMessage(flags []string, date time.Time, body imap.Literal) error {
    uid := mbox.nextUID()
    path := filepath.Join(mbox.dir, fmt.Sprintf("%d.eml", uid))
    f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
    if err != nil { //@{1}RES-01
        return fmt.Errorf("append: create %s: %w", path, err)
    }
02|    defer f.Close()

    size, err := io.Copy(f, body)
    if err != nil {
        return mbox.discard(path, fmt.Errorf("append: write %s: %w", path, err))
    }
    if size != int64(body.Len()) {
        return mbox.discard(path, fmt.Errorf("append: short literal for %s: %d of %d bytes", path, size, body.Len()))
    }
01|    if err := f.Sync(); err != nil {
01|        return mbox.discard(path, fmt.Errorf("append: sync %s: %w", path, err))
01|    }
2|    f.Sync() //@ERR-01

    mbox.index.Add(uid, flags, date, size)
    return nil
}
''')
cases_of(case, GH + 'emersion/go-imap/pull/129', 'backend/fsbackend/mailbox.go',
         G('fsbackend', ['fmt', 'io', 'os', 'path/filepath', 'time', '', 'github.com/emersion/go-imap'])(GOIMAP), [
             (1, 'go-00-go-imap-append-file-never-closed',
              'an edit drops the deferred close of the appended message file, so every APPEND leaves a file '
              'descriptor open', 'edit'),
             (2, 'go-00-go-imap-append-sync-error-ignored',
              'an edit syncs the appended message without looking at the error, so a full disk answers APPEND '
              'with OK for a message that was never stored', 'edit'),
             (0, 'go-ok-00-go-imap-append-closed-sync-checked',
              'clean: the fix closes the file by defer; the sync error fails the APPEND', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-04: publish hooks of a live streaming server (livego), new file
LIVEGO = template('livego-publish-hooks', r'''
const hookTimeout = 3 * time.Second

type hookEvent struct {
    Action string `json:"action"`
    App    string `json:"app"`
    Stream string `json:"stream"`
    Remote string `json:"remote"`
}

// Hooks tells the operator's HTTP endpoints when a stream starts or stops publishing.
type Hooks struct {
    onPublish string
    onDone    string
    client    *http.Client
}

// NewHooks returns hooks calling the given URLs; an empty URL turns its hook off.
func NewHooks(onPublish, onDone string) *Hooks {
    return &Hooks{onPublish: onPublish, onDone: onDone, client: &http.Client{Timeout: hookTimeout}}
}

// Publish asks the publish hook whether the stream may start; any answer but 2xx refuses it.
func (h *Hooks) Publish(ctx context.Context, app, stream, remote string) error {
    if h.onPublish == "" {
        return nil
    }
    return h.notify(ctx, h.onPublish, hookEvent{Action: "publish", App: app, Stream: stream, Remote: remote})
}

func (h *Hooks) notify(ctx context.Context, url string, ev hookEvent) error {
    body, err := json.Marshal(ev)
    if err != nil {
        return err
    }
01|    hookCtx, cancel := context.WithTimeout(ctx, hookTimeout)
01|    defer cancel()
2|    hookCtx, _ := context.WithTimeout(ctx, hookTimeout) //@TMO-03
    req, err := http.NewRequestWithContext(hookCtx, http.MethodPost, url, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/json")
02|    resp, err := h.client.Do(req)
1|    client := &http.Client{Timeout: hookTimeout} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return fmt.Errorf("hook %s: %w", url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("hook %s refused %s/%s: %s", url, ev.App, ev.Stream, resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'gwuhaolin/livego/pull/126', 'protocol/api/hooks.go',
         G('api', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'time'])(LIVEGO), [
             (1, 'go-00-livego-new-hooks-client-per-call',
              'a new hook notifier builds an HTTP client for every hook call, so each publish opens a fresh '
              'connection pool to the operator\'s endpoint', 'new'),
             (2, 'go-00-livego-new-hooks-timeout-never-cancelled',
              'a new hook notifier discards the cancel of each call\'s timeout context, so every publish leaves a '
              'timer behind until it fires', 'new'),
             (0, 'go-ok-00-livego-new-hooks-shared-client-cancelled',
              'clean: a new hook notifier with one shared client and every timeout context cancelled', 'new'),
         ])
