"""Round-38 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end. Same format as round 35's cases_go.py."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- RES-01 / ERR-01: object store container replicator (hummingbird)
HUMMINGBIRD = template('hummingbird-replicator', r'''
// Replicator keeps the container databases of the local devices in sync with their peers.
type Replicator struct {
    deviceRoot    string
    perPass       int
    containerRing ring.Ring
    client        *http.Client
    logger        srv.LowLevelLogger
}

// replicateDevice syncs every container database of one device with the other replicas.
func (r *Replicator) replicateDevice(ctx context.Context, dev *ring.Device) error {
    dir := filepath.Join(r.deviceRoot, dev.Device, "containers")
    paths, err := listDatabases(dir)
    if err != nil {
        return fmt.Errorf("list containers on %s: %w", dev.Device, err)
    }
    for _, path := range paths {
        if ctx.Err() != nil {
            return ctx.Err()
        }
        if err := r.syncDatabase(ctx, dev, path); err != nil {
            r.logger.Error("container sync failed", zap.String("path", path), zap.Error(err))
        }
    }
    return nil
}

func (r *Replicator) syncDatabase(ctx context.Context, dev *ring.Device, path string) error {
    db, err := sqliteContainer(path) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("open %s: %w", path, err)
1|        return fmt.Errorf("open container database %s: %w", path, err)
    }
02|    defer db.Close()
    info, err := db.GetInfo()
    if err != nil {
        return fmt.Errorf("read info of %s: %w", path, err)
    }
    partition, nodes := r.containerRing.GetNodes(info.Account, info.Container)
    for _, node := range nodes {
        if node.Id == dev.Id {
            continue
        }
        items, err := db.ItemsSince(info.Point, r.perPass)
        if err != nil {
            return fmt.Errorf("read items of %s: %w", path, err)
        }
01|        if err := r.pushItems(ctx, node, partition, info, items); err != nil {
01|            return fmt.Errorf("push %s to %s: %w", path, node.Ip, err)
01|        }
2|        r.pushItems(ctx, node, partition, info, items) //@ERR-01
    }
1|    db.Close()
    return nil
}
''')
cases_of(case, GH + 'troubling/hummingbird/pull/69', 'containerserver/replicator.go',
         G('containerserver', ['context', 'fmt', 'net/http', 'path/filepath', '',
                               'github.com/troubling/hummingbird/common/ring',
                               'github.com/troubling/hummingbird/common/srv', 'go.uber.org/zap'])(HUMMINGBIRD), [
             (1, 'go-00-hummingbird-replicator-database-closed-only-on-success',
              'an edit closes the container database only after every replica was pushed, so each failed read or '
              'push leaves the SQLite handle open on the replicator', 'edit'),
             (2, 'go-00-hummingbird-replicator-push-error-dropped',
              'an edit ignores the error of pushing the rows to a replica, so a failed replica looks in sync', 'edit'),
             (0, 'go-ok-00-hummingbird-replicator-database-deferred-push-checked',
              'clean: the database closed by defer, every push error returned', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / LOG-01: message queue on SQLite (smoothmq)
SMOOTHMQ = template('smoothmq-dequeue', r'''
// Dequeue hands up to limit visible messages of a queue to one consumer and hides them for the visibility timeout.
func (q *SQLiteQueue) Dequeue(tenantID int64, queue string, limit int) ([]*models.Message, error) {
    queueID, visibility, err := q.queueSettings(tenantID, queue)
    if err != nil {
        return nil, err
    }
    now := time.Now().Unix()

    tx, err := q.db.Begin() //@{1}TX-01
    if err != nil {
02|        return nil, fmt.Errorf("begin dequeue: %w", err)
1|        return nil, fmt.Errorf("begin dequeue of %s: %w", queue, err)
    }
02|    defer tx.Rollback()

    rows, err := tx.Query(`SELECT id, message, delivered_count FROM messages
        WHERE queue_id = ? AND tenant_id = ? AND deliver_at <= ? ORDER BY deliver_at LIMIT ?`,
        queueID, tenantID, now, limit)
    if err != nil {
1|        tx.Rollback()
        return nil, fmt.Errorf("select messages: %w", err)
    }
    var messages []*models.Message
    for rows.Next() {
        m := &models.Message{TenantID: tenantID, QueueID: queueID}
        if err := rows.Scan(&m.ID, &m.Message, &m.DeliveredCount); err != nil {
            rows.Close()
            return nil, fmt.Errorf("scan message: %w", err)
        }
        messages = append(messages, m)
    }
    rows.Close()
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("read messages: %w", err)
    }

    for _, m := range messages {
        m.DeliveredCount++
        _, err := tx.Exec(`UPDATE messages SET deliver_at = ?, delivered_at = ?, delivered_count = ? WHERE id = ?`,
            now+visibility, now, m.DeliveredCount, m.ID)
        if err != nil {
            return nil, fmt.Errorf("hide message %d: %w", m.ID, err)
        }
2|        log.Info().Int64("message_id", m.ID).Int64("tenant_id", tenantID).Str("queue", queue).Msg("message dequeued") //@LOG-01
    }
    if err := tx.Commit(); err != nil {
        return nil, fmt.Errorf("commit dequeue: %w", err)
    }
    q.dequeued.WithLabelValues(queue).Add(float64(len(messages)))
    return messages, nil
}
''')
cases_of(case, GH + 'poundifdef/smoothmq/pull/7', 'queue/sqlite/dequeue.go',
         GV('sqlite', {v: ['fmt', 'time', ''] + (['github.com/poundifdef/smoothmq/models'] if v != 2 else
                                                 ['github.com/poundifdef/smoothmq/models', 'github.com/rs/zerolog/log'])
                       for v in (0, 1, 2)})(SMOOTHMQ), [
             (1, 'go-00-smoothmq-dequeue-transaction-rolled-back-on-first-error-only',
              'an edit rolls the dequeue transaction back only when the select fails, so a failed update returns '
              'with the SQLite write transaction still open', 'edit'),
             (2, 'go-00-smoothmq-dequeue-info-line-per-message',
              'an edit logs every dequeued message at info inside the dequeue loop every consumer polls', 'edit'),
             (0, 'go-ok-00-smoothmq-dequeue-rollback-deferred-counted',
              'clean: the transaction rolled back by defer, dequeues counted by a metric, no line per message', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: wallet database helpers (pktd walletdb)
PKTD = template('pktd-walletdb', r'''
// View opens a read-only transaction, runs f in it and always rolls the transaction back.
func View(db DB, f func(ReadTx) error) error {
    tx, err := db.BeginReadTx()
    if err != nil {
        return err
    }
    defer rollbackOnPanic(tx)

    err = f(tx)
    rollbackErr := tx.Rollback()
    if err != nil {
        return err
    }
    return rollbackErr
}

// Update opens a read-write transaction, runs f in it and commits when f succeeds; when f fails the
// transaction is rolled back so that the write lock of the database is released.
func Update(db DB, f func(ReadWriteTx) error) error {
    tx, err := db.BeginReadWriteTx() //@{1}TX-01
    if err != nil {
02|        return err
1|        return fmt.Errorf("walletdb: begin update: %w", err)
    }
    defer rollbackOnPanic(tx)

    if err := f(tx); err != nil {
02|        // Rollback on error, keeping the error of f.
02|        _ = tx.Rollback()
        return err
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}

// rollbackOnPanic rolls tx back when the function that opened it panics, then panics again.
func rollbackOnPanic(tx ReadTx) {
    if r := recover(); r != nil {
        _ = tx.Rollback()
        panic(r)
    }
}
''')
cases_of(case, GH + 'pkt-cash/pktd/pull/39', 'pktwallet/walletdb/interface.go',
         GV('walletdb', {0: [], 1: ['fmt'], 2: []})(PKTD), [
             (1, 'go-00-pktd-walletdb-update-not-rolled-back-on-error',
              'an edit returns the error of the update function without rolling the transaction back, so the wallet '
              'keeps its write lock and every later update blocks', 'edit'),
             (2, 'go-00-pktd-walletdb-update-commit-error-dropped',
              'an edit commits the update transaction and returns success whatever the commit says', 'edit'),
             (0, 'go-ok-00-pktd-walletdb-update-rolled-back-commit-returned',
              'clean: a failed update rolled back, the commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: backup report files (gpbackup)
GPBACKUP = template('gpbackup-report', r'''
// WriteReportFile writes the backup report to filename, syncs it to disk and makes it read-only.
func WriteReportFile(filename string, report *Report) error {
    contents, err := report.Render()
    if err != nil {
        return fmt.Errorf("render report: %w", err)
    }
    reportFile, err := os.OpenFile(filename, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("create report %s: %w", filename, err)
1|        return fmt.Errorf("cannot create report file %s: %w", filename, err)
    }
    if _, err := reportFile.Write(contents); err != nil {
02|        reportFile.Close()
        return fmt.Errorf("write report %s: %w", filename, err)
    }
    if err := reportFile.Sync(); err != nil {
02|        reportFile.Close()
        return fmt.Errorf("sync report %s: %w", filename, err)
    }
01|    if err := reportFile.Close(); err != nil {
01|        return fmt.Errorf("close report %s: %w", filename, err)
01|    }
2|    reportFile.Close() //@ERR-01
    return operating.System.Chmod(filename, 0444)
}

// WriteConfigFile writes the configuration of this backup next to its report.
func WriteConfigFile(filename string, config *BackupConfig) error {
    contents, err := yaml.Marshal(config)
    if err != nil {
        return fmt.Errorf("marshal config: %w", err)
    }
    if err := os.WriteFile(filename, contents, 0644); err != nil {
        return fmt.Errorf("write config %s: %w", filename, err)
    }
    return operating.System.Chmod(filename, 0444)
}
''')
cases_of(case, GH + 'greenplum-db/gpbackup/pull/281', 'utils/report.go',
         G('utils', ['fmt', 'os', '', 'github.com/greenplum-db/gp-common-go-libs/operating', 'gopkg.in/yaml.v2'])(GPBACKUP), [
             (1, 'go-00-gpbackup-report-file-left-open-on-write-error',
              'an edit returns on a failed write or sync of the report without closing the file', 'edit'),
             (2, 'go-00-gpbackup-report-close-error-ignored',
              'an edit ignores the error of closing the report file before making it read-only, so a report the '
              'disk never took is reported as written', 'edit'),
             (0, 'go-ok-00-gpbackup-report-closed-on-every-path-close-checked',
              'clean: the report closed on every error path, its final close error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: compile-time instrumentation tool (otel go compile)
OTELCI = template('otel-compile-writer', r'''
// WriteFile writes the restored syntax tree of a Go file to path.
func WriteFile(path string, root *dst.File) (err error) {
    file, err := os.Create(path)
    if err != nil {
        return ex.Wrapf(err, "failed to create file %s", path)
    }
01|    defer func() {
01|        if closeErr := file.Close(); closeErr != nil && err == nil {
01|            err = ex.Wrapf(closeErr, "failed to close file %s", path)
01|        }
01|    }()
2|    defer file.Close() //@ERR-01
    r := decorator.NewRestorer()
    if err := r.Fprint(file, root); err != nil {
        return ex.Wrapf(err, "failed to write file %s", path)
    }
    return nil
}

// WriteAll writes every instrumented file of a package into dir, keeping the base name of each source.
func WriteAll(dir string, files map[string]*dst.File) error {
    names := make([]string, 0, len(files))
    for name := range files {
        names = append(names, name)
    }
    sort.Strings(names)
    for _, name := range names {
        target := filepath.Join(dir, filepath.Base(name))
02|        if err := WriteFile(target, files[name]); err != nil {
02|            return err
02|        }
1|        file, err := os.Create(target)
1|        if err != nil {
1|            return ex.Wrapf(err, "failed to create file %s", target)
1|        }
1|        defer file.Close() //@RES-03
1|        if err := decorator.NewRestorer().Fprint(file, files[name]); err != nil {
1|            return ex.Wrapf(err, "failed to write file %s", target)
1|        }
    }
    return nil
}
''')
cases_of(case, GH + 'open-telemetry/opentelemetry-go-compile-instrumentation/issues/842', 'tool/internal/ast/writer.go',
         G('ast', ['os', 'path/filepath', 'sort', '', 'github.com/dave/dst', 'github.com/dave/dst/decorator', '',
                   'github.com/open-telemetry/opentelemetry-go-compile-instrumentation/tool/ex'])(OTELCI), [
             (1, 'go-00-otel-compile-moved-writer-files-closed-by-defer-in-loop',
              'a PR moves the AST writer into its own file and writes each file of a package inline with a defer '
              'inside the loop, keeping every file open until the whole package is written', 'rename'),
             (2, 'go-00-otel-compile-moved-writer-close-error-ignored',
              'a PR moves the AST writer and closes the written file by a plain defer, so a failed flush at close '
              'leaves a truncated source that the build compiles', 'rename'),
             (0, 'go-ok-00-otel-compile-moved-writer-close-checked-per-file',
              'clean: the move alone; each file written by WriteFile, whose close error is returned', 'rename'),
         ], rename_from='tool/internal/ast/parser_write.go')


# ---------------------------------------------------------------- TMO-01 / RES-02: chore notifications to Discord (donetick)
DONETICK = template('donetick-discord', r'''
02|// DiscordNotifier posts chore notifications to Discord webhooks through one client with a request timeout.
02|type DiscordNotifier struct {
02|    client *http.Client
02|}
1|// DiscordNotifier posts chore notifications to Discord webhooks.
1|type DiscordNotifier struct{}

type discordPayload struct {
    Content  string `json:"content"`
    Username string `json:"username"`
}

// NewDiscordNotifier returns a notifier for the notification scheduler.
func NewDiscordNotifier() *DiscordNotifier {
02|    return &DiscordNotifier{client: &http.Client{Timeout: 30 * time.Second}}
1|    return &DiscordNotifier{}
}

// SendNotification posts one message to the webhook of a circle; the scheduler calls it for each due notification in turn.
func (dn *DiscordNotifier) SendNotification(c context.Context, webhookURL string, message string) error {
    log := logging.FromContext(c)
    if webhookURL == "" {
        return nil
    }
    body, err := json.Marshal(discordPayload{Content: message, Username: "Donetick"})
    if err != nil {
        return fmt.Errorf("encode discord message: %w", err)
    }
02|    resp, err := dn.client.Post(webhookURL, "application/json", bytes.NewReader(body)) //@{2}RES-02
1|    resp, err := http.Post(webhookURL, "application/json", bytes.NewReader(body)) //@TMO-01
    if err != nil {
        log.Errorw("Error sending Discord webhook", "error", err)
        return err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        log.Errorw("Discord webhook rejected the message", "status", resp.Status)
        return fmt.Errorf("discord webhook: %s", resp.Status)
    }
2|    resp.Body.Close()
    return nil
}
''')
cases_of(case, GH + 'donetick/donetick/pull/781', 'internal/notifier/service/discord/discord.go',
         GV('discord', {v: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http'] + (['time'] if v != 1 else []) + [
             '', 'donetick.com/core/logging'] for v in (0, 1, 2)})(DONETICK), [
             (1, 'go-00-donetick-new-discord-notifier-default-client-post',
              'a new Discord notifier posts with http.Post, whose default client has no timeout, so a hanging '
              'webhook host stalls the notification scheduler for everyone', 'new'),
             (2, 'go-00-donetick-new-discord-notifier-rejected-answer-left-open',
              'a new Discord notifier closes the webhook answer only when Discord accepts the message, leaking the '
              'connection of every rejected one', 'new'),
             (0, 'go-ok-00-donetick-new-discord-notifier-bounded-client-answer-deferred',
              'clean: a new notifier with a bounded client whose every answer is closed by defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-02: webhook dispatcher (hanko)
HANKO = template('hanko-webhooks', r'''
type manager struct {
    hooks   []Webhook
    client  *http.Client
    timeout time.Duration
    logger  echo.Logger
}

// Trigger sends the event to every webhook subscribed to it, each from its own goroutine, so the request that caused
// the event does not wait for the webhook endpoints.
func (m *manager) Trigger(ctx context.Context, evt events.Event, data interface{}) {
    detached := context.WithoutCancel(ctx)
    for _, hook := range m.hooks {
        if !hook.HasEvent(evt) {
            continue
        }
        hook := hook
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    m.logger.Errorf("webhook %s panicked: %v\n%s", hook.ID(), r, debug.Stack())
02|                }
02|            }()
            if err := m.send(detached, hook, evt, data); err != nil {
                m.logger.Warnf("webhook %s failed: %v", hook.ID(), err)
            }
        }()
    }
}

func (m *manager) send(ctx context.Context, hook Webhook, evt events.Event, data interface{}) error {
    token, err := m.sign(hook, evt, data)
    if err != nil {
        return fmt.Errorf("sign webhook payload: %w", err)
    }
    ctx, cancel := context.WithTimeout(ctx, m.timeout)
    defer cancel()
01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL(), bytes.NewReader(token))
2|    req, err := http.NewRequest(http.MethodPost, hook.URL(), bytes.NewReader(token)) //@TMO-02
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/jwt")
    resp, err := m.client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("webhook %s answered %s", hook.URL(), resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'teamhanko/hanko/pull/2488', 'backend/webhooks/manager.go',
         GV('webhooks', {v: ['bytes', 'context', 'fmt', 'net/http'] + (['runtime/debug'] if v != 1 else []) + [
             'time', '', 'github.com/labstack/echo/v4', 'github.com/teamhanko/hanko/backend/webhooks/events']
             for v in (0, 1, 2)})(HANKO), [
             (1, 'go-00-hanko-webhook-goroutine-without-recover',
              'an edit drops the recover of the goroutine that sends each webhook, so one panicking payload stops the '
              'whole auth backend', 'edit'),
             (2, 'go-00-hanko-webhook-request-drops-timeout-context',
              'an edit builds the webhook request without the context that carries its timeout, so a slow endpoint '
              'holds the goroutine for as long as it likes', 'edit'),
             (0, 'go-ok-00-hanko-webhook-recovered-goroutine-bounded-request',
              'clean: each webhook goroutine recovers, each request carries the timeout context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: delayed jobs of a Redis-compatible store (godis)
GODIS = template('godis-timewheel', r'''
type location struct {
    slot  int
    etask *list.Element
}

type task struct {
    delay  time.Duration
    circle int
    key    string
    job    func()
}

// TimeWheel runs delayed jobs (key expiry among them) from a ring of slots advanced by a ticker.
type TimeWheel struct {
    interval   time.Duration
    ticker     *time.Ticker
    slots      []*list.List
    mu         sync.Mutex
    timer      map[string]*location
    currentPos int
    slotNum    int
    stop       chan struct{}
}

// AddJob schedules job to run once after delay; a job with the same key replaces the earlier one.
// It is called from every client connection.
func (tw *TimeWheel) AddJob(delay time.Duration, key string, job func()) {
    if delay < 0 {
        return
    }
    pos, circle := tw.getPositionAndCircle(delay)
    t := &task{delay: delay, key: key, job: job, circle: circle}
01|    tw.mu.Lock()
01|    defer tw.mu.Unlock()
    if old, ok := tw.timer[key]; ok { //@{2}CONC-03
        tw.slots[old.slot].Remove(old.etask)
    }
    e := tw.slots[pos].PushBack(t)
    tw.timer[key] = &location{slot: pos, etask: e}
}

// tickHandler runs on the wheel's goroutine at every tick.
func (tw *TimeWheel) tickHandler() {
    tw.mu.Lock()
    l := tw.slots[tw.currentPos]
    var due []func()
    for e := l.Front(); e != nil; {
        t := e.Value.(*task)
        if t.circle > 0 {
            t.circle--
            e = e.Next()
            continue
        }
        due = append(due, t.job)
        next := e.Next()
        l.Remove(e)
        delete(tw.timer, t.key)
        e = next
    }
    tw.currentPos = (tw.currentPos + 1) % tw.slotNum
    tw.mu.Unlock()

    for _, job := range due {
        go func(job func()) { //@{1}CONC-01
02|            defer func() {
02|                if err := recover(); err != nil {
02|                    logger.Error(fmt.Sprintf("delayed job panicked: %v\n%s", err, debug.Stack()))
02|                }
02|            }()
            job()
        }(job)
    }
}
''')
cases_of(case, GH + 'HDT3213/godis/pull/31', 'lib/timewheel/timewheel.go',
         GV('timewheel', {v: ['container/list'] + (['fmt', 'runtime/debug'] if v != 1 else []) + [
             'sync', 'time', '', 'github.com/hdt3213/godis/lib/logger'] for v in (0, 1, 2)})(GODIS), [
             (1, 'go-00-godis-timewheel-job-goroutine-without-recover',
              'an edit runs each due job in a goroutine without a recover, so one panicking expiry job stops the '
              'server', 'edit'),
             (2, 'go-00-godis-timewheel-job-map-written-without-lock',
              'an edit adds jobs to the wheel\'s key map from client connections without the lock the ticking '
              'goroutine takes', 'edit'),
             (0, 'go-ok-00-godis-timewheel-locked-map-recovered-jobs',
              'clean: the key map written under the wheel\'s lock, every job goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: worker pool of a consensus node (oasis-core)
OASIS = template('oasis-workerpool', r'''
// Pool runs submitted jobs on a resizable set of workers.
type Pool struct {
    name   string
    logger *logging.Logger

    mu      sync.Mutex
    workers int
    jobCh   chan func()
    stopCh  chan struct{}
    wg      sync.WaitGroup
}

// New returns a pool whose queue holds at most maxQueued jobs; Submit blocks while the queue is full.
func New(name string, maxQueued int) *Pool {
    return &Pool{
        name:   name,
        logger: logging.GetLogger("workerpool/" + name),
        jobCh:  make(chan func(), maxQueued),
        stopCh: make(chan struct{}),
    }
}

// Resize starts workers until n of them run.
func (p *Pool) Resize(n int) {
    p.mu.Lock()
    defer p.mu.Unlock()
    for p.workers < n {
        p.workers++
        p.wg.Add(1)
        go func() { //@{2}CONC-01
            defer p.wg.Done()
            for job := range p.jobCh {
01|                p.run(job)
2|                job()
            }
        }()
    }
}

// Submit queues a job for the workers.
func (p *Pool) Submit(job func()) {
    select {
    case <-p.stopCh:
        return
    default:
    }
02|    select {
02|    case p.jobCh <- job:
02|    case <-p.stopCh:
02|    }
1|    go func() { p.jobCh <- job }() //@CONC-02
}

// Stop stops accepting jobs and waits for the workers to finish the queued ones.
func (p *Pool) Stop() {
    close(p.stopCh)
    close(p.jobCh)
    p.wg.Wait()
}
01|
01|func (p *Pool) run(job func()) {
01|    defer func() {
01|        if r := recover(); r != nil {
01|            p.logger.Error("job panicked", "pool", p.name, "panic", r, "stack", string(debug.Stack()))
01|        }
01|    }()
01|    job()
01|}
''')
cases_of(case, GH + 'oasisprotocol/oasis-core/pull/5008', 'go/common/workerpool/workerpool.go',
         GV('workerpool', {v: (['runtime/debug'] if v != 2 else []) + [
             'sync', '', 'github.com/oasisprotocol/oasis-core/go/common/logging'] for v in (0, 1, 2)})(OASIS), [
             (1, 'go-00-oasis-new-workerpool-goroutine-per-submit',
              'a new worker pool queues each submitted job from a goroutine of its own, so a full queue turns into '
              'an unbounded pile of blocked goroutines instead of back-pressure', 'new'),
             (2, 'go-00-oasis-new-workerpool-worker-without-recover',
              'a new worker pool runs jobs straight on its worker goroutines, so one panicking job stops the node',
              'new'),
             (0, 'go-ok-00-oasis-new-workerpool-bounded-submit-recovered-workers',
              'clean: a new pool whose Submit blocks on a bounded queue and whose workers recover each job', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-03: metrics pusher (prometheus-pusher)
PUSHER = template('prometheus-pusher', r'''
type pusher struct {
    cfg     *config
    targets []target
    client  *http.Client
}

// pushMetrics scrapes every configured target and pushes its metrics to the push gateway.
func (p *pusher) pushMetrics(ctx context.Context) {
    for _, t := range p.targets {
02|        scrapeCtx, cancel := context.WithTimeout(ctx, p.cfg.scrapeTimeout)
1|        scrapeCtx, _ := context.WithTimeout(ctx, p.cfg.scrapeTimeout) //@TMO-03
        metrics, err := p.scrape(scrapeCtx, t)
02|        cancel()
        if err != nil {
            logger.Errorf("scrape of %s failed: %v", t.url, err)
            continue
        }
        if err := p.push(ctx, t.name, metrics); err != nil {
            logger.Errorf("push of %s failed: %v", t.name, err)
        }
    }
}

func (p *pusher) scrape(ctx context.Context, t target) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.url, nil)
    if err != nil {
        return nil, err
    }
    resp, err := p.client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("%s: %s", t.url, resp.Status)
    }
    return io.ReadAll(io.LimitReader(resp.Body, p.cfg.maxScrapeBytes))
}

func (p *pusher) push(ctx context.Context, name string, metrics []byte) error {
    url := p.cfg.pushGatewayURL + "/metrics/job/" + p.cfg.job + "/instance/" + name
    req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, bytes.NewReader(metrics))
    if err != nil {
        return err
    }
01|    resp, err := p.client.Do(req)
2|    client := &http.Client{Timeout: p.cfg.pushTimeout} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode/100 != 2 {
        return fmt.Errorf("push gateway: %s", resp.Status)
    }
    return nil
}
''')
cases_of(case, GH + 'Showmax/prometheus-pusher/pull/6', 'pusher.go',
         G('main', ['bytes', 'context', 'fmt', 'io', 'net/http', '', 'github.com/Showmax/go-fqdn/logger'])(PUSHER), [
             (1, 'go-00-prometheus-pusher-scrape-timeout-cancel-discarded',
              'an edit bounds each scrape with a timeout context and throws its cancel away, keeping a timer per '
              'target and push round alive until it fires', 'edit'),
             (2, 'go-00-prometheus-pusher-client-per-push',
              'an edit builds a new HTTP client, with its own transport and idle connections, for every push to the '
              'gateway', 'edit'),
             (0, 'go-ok-00-prometheus-pusher-scrape-cancelled-shared-client',
              'clean: each scrape context cancelled after the scrape, every push through the shared client', 'fix'),
         ])
