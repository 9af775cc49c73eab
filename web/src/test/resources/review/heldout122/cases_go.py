"""Round-122 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / CONC-03: job scheduler of a quantum computing engine (oqtopus-engine-go)
OQTSCHED = template('oqtopus-normal-scheduler', r'''
// NormalScheduler takes jobs off the queue and runs each one in its own goroutine. A panic in one job must not take
// the engine down, and the status history is read by the API while the jobs write it.
type NormalScheduler struct {
    queue         JobQueue
    executor      JobExecutor
    mu            sync.RWMutex
    statusHistory map[string][]JobStatus
    wg            sync.WaitGroup
}

func NewNormalScheduler(queue JobQueue, executor JobExecutor) *NormalScheduler {
    return &NormalScheduler{queue: queue, executor: executor, statusHistory: make(map[string][]JobStatus)}
}

// Start polls the queue until ctx is done. Each poll recovers on its own, so one bad batch does not end the loop.
func (n *NormalScheduler) Start(ctx context.Context) error {
    go func() {
        for ctx.Err() == nil {
            n.pollOnce(ctx)
        }
    }()
    return nil
}

func (n *NormalScheduler) pollOnce(ctx context.Context) {
    defer func() {
        if r := recover(); r != nil {
            zap.L().Error("recovered from panic while polling the job queue", zap.Any("panic", r))
        }
    }()
    jis, err := n.queue.Dequeue(true)
    if err != nil {
        zap.L().Warn("failed to dequeue jobs", zap.Error(err))
        time.Sleep(time.Second)
        return
    }
    for _, ji := range jis {
        n.wg.Add(1)
        go func(ji *JobInfo) { //@{1}CONC-01
            defer n.wg.Done()
02|            defer n.recoverJob(ji)
            n.handleJob(ctx, ji)
        }(ji)
    }
}

func (n *NormalScheduler) handleJob(ctx context.Context, ji *JobInfo) {
    n.recordStatus(ji.ID, JobStatusRunning)
    if err := n.executor.Execute(ctx, ji); err != nil {
        zap.L().Error("job failed", zap.String("job_id", ji.ID), zap.Error(err))
        n.recordStatus(ji.ID, JobStatusFailed)
        return
    }
    n.recordStatus(ji.ID, JobStatusSucceeded)
}

02|func (n *NormalScheduler) recoverJob(ji *JobInfo) {
02|    if r := recover(); r != nil {
02|        zap.L().Error("recovered from panic in job", zap.String("job_id", ji.ID), zap.Any("panic", r),
02|            zap.ByteString("stack", debug.Stack()))
02|        n.recordStatus(ji.ID, JobStatusFailed)
02|    }
02|}
02|
func (n *NormalScheduler) recordStatus(jobID string, st JobStatus) {
01|    n.mu.Lock()
01|    defer n.mu.Unlock()
    n.statusHistory[jobID] = append(n.statusHistory[jobID], st) //@{2}CONC-03
}

// History returns a copy of the statuses a job went through.
func (n *NormalScheduler) History(jobID string) []JobStatus {
    n.mu.RLock()
    defer n.mu.RUnlock()
    return append([]JobStatus(nil), n.statusHistory[jobID]...)
}

// Wait blocks until every started job has returned.
func (n *NormalScheduler) Wait() {
    n.wg.Wait()
}
''')
_OQ = ['context', 'runtime/debug', 'sync', 'time', '', 'go.uber.org/zap']
cases_of(case, GH + 'oqtopus-team/oqtopus-engine-go/pull/35', 'coreapp/scheduler/scheduler.go',
         GV('scheduler', {0: _OQ, 1: [i for i in _OQ if i != 'runtime/debug'], 2: _OQ})(OQTSCHED), [
             (1, 'go-00-oqtopus-scheduler-job-goroutine-without-recover',
              'an edit drops the deferred recover of each job goroutine, so one panicking job exits the whole engine',
              'edit'),
             (2, 'go-00-oqtopus-scheduler-status-history-unlocked',
              'an edit drops the lock around the status history append, which job goroutines run while the API reads '
              'the map', 'edit'),
             (0, 'go-ok-00-oqtopus-scheduler-job-goroutine-recovers',
              'clean: the fix recovers every job goroutine and marks the job failed', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: worker pool runner (go-workers)
GOWORKERS = template('go-workers-runner', r'''
// Runner hands the values sent to it to a fixed pool of workers. Every unit of work runs under the runner's context
// with the runner's per-item timeout, so stopping the runner or a slow item never pins a worker.
type Runner struct {
    ctx      context.Context
    cancel   context.CancelFunc
    worker   Worker
    inChan   chan interface{}
    timeout  time.Duration
    workers  int
    wg       sync.WaitGroup
    errMu    sync.Mutex
    firstErr error
}

func NewRunner(ctx context.Context, w Worker, numWorkers int, timeout time.Duration) *Runner {
    ctx, cancel := context.WithCancel(ctx)
    return &Runner{
        ctx:     ctx,
        cancel:  cancel,
        worker:  w,
        inChan:  make(chan interface{}, numWorkers),
        timeout: timeout,
        workers: numWorkers,
    }
}

// Send queues one value; it blocks while all workers are busy and the buffer is full.
func (r *Runner) Send(in interface{}) {
    r.inChan <- in
}

// Work starts the workers.
func (r *Runner) Work() *Runner {
    for i := 0; i < r.workers; i++ {
        r.wg.Add(1)
        go r.loop()
    }
    return r
}

func (r *Runner) loop() {
    defer r.wg.Done()
    defer func() {
        if p := recover(); p != nil {
            r.setErr(fmt.Errorf("worker panicked: %v", p))
        }
    }()
    for in := range r.inChan {
        if err := r.runOne(in); err != nil {
            r.setErr(err)
        }
    }
}

func (r *Runner) runOne(in interface{}) error {
0|    ctx, cancel := context.WithTimeout(r.ctx, r.timeout)
1|    ctx, _ := context.WithTimeout(r.ctx, r.timeout) //@TMO-03
2|    ctx, cancel := context.WithTimeout(context.Background(), r.timeout) //@TMO-02
02|    defer cancel()
    return r.worker.Work(ctx, in)
}

func (r *Runner) setErr(err error) {
    r.errMu.Lock()
    defer r.errMu.Unlock()
    if r.firstErr == nil {
        r.firstErr = err
    }
}

// Wait closes the input, waits for the workers and releases the runner's context.
func (r *Runner) Wait() error {
    close(r.inChan)
    r.wg.Wait()
    r.cancel()
    r.errMu.Lock()
    defer r.errMu.Unlock()
    return r.firstErr
}

// Stop cancels the work in flight; Wait still has to be called.
func (r *Runner) Stop() {
    r.cancel()
}
''')
GOWORKERS_TEST = f('runner_test.go', new=go('workers', ['context', 'errors', 'testing', 'time'], r'''
type sleepyWorker struct{}

func (sleepyWorker) Work(ctx context.Context, in interface{}) error {
    select {
    case <-time.After(time.Second):
        return nil
    case <-ctx.Done():
        return ctx.Err()
    }
}

func TestRunnerStopCancelsWorkInFlight(t *testing.T) {
    r := NewRunner(context.Background(), sleepyWorker{}, 1, time.Minute).Work()
    r.Send(1)
    r.Stop()
    if err := r.Wait(); !errors.Is(err, context.Canceled) {
        t.Fatalf("expected the stopped runner to cancel its item, got %v", err)
    }
}

func TestRunnerTimesOutSlowItems(t *testing.T) {
    r := NewRunner(context.Background(), sleepyWorker{}, 1, 10*time.Millisecond).Work()
    r.Send(1)
    if err := r.Wait(); !errors.Is(err, context.DeadlineExceeded) {
        t.Fatalf("expected the slow item to time out, got %v", err)
    }
}
'''))
cases_of(case, GH + 'catmullet/go-workers/pull/7', 'workers.go',
         G('workers', ['context', 'fmt', 'sync', 'time'])(GOWORKERS), [
             (1, 'go-00-go-workers-item-timeout-cancel-dropped',
              'an edit discards the cancel of the per-item timeout context, so every item leaves a timer and a context '
              'behind until its deadline', 'edit'),
             (2, 'go-00-go-workers-item-context-detached',
              'an edit derives the per-item timeout from a background context, so stopping the runner no longer '
              'reaches the work in flight', 'edit'),
             (0, 'go-ok-00-go-workers-item-timeout-cancelled',
              'clean: the fix cancels each item\'s timeout context when the item returns; tests cover stop and timeout',
              'fix', [GOWORKERS_TEST]),
         ])


# ---------------------------------------------------------------- RES-03 / RES-02: spot termination poll of a CI task worker (generic-worker), renamed file
GWSPOT = template('generic-worker-spot-termination', r'''
const spotTerminationURL = "http://169.254.169.254/latest/meta-data/spot/instance-action"

// metadataClient talks to the EC2 instance metadata service, which answers within milliseconds or not at all.
var metadataClient = &http.Client{Timeout: 5 * time.Second}

// watchSpotTermination polls the metadata service until a spot termination notice arrives or ctx is done. On a
// notice it aborts the running task, so its logs and artifacts are uploaded before the instance goes away.
func watchSpotTermination(ctx context.Context, abort func(notice string)) {
    ticker := time.NewTicker(5 * time.Second)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
02|        if notice, ok := checkSpotTermination(ctx); ok {
02|            abort(notice)
02|            return
02|        }
1|        req, err := http.NewRequestWithContext(ctx, http.MethodGet, spotTerminationURL, nil)
1|        if err != nil {
1|            continue
1|        }
1|        resp, err := metadataClient.Do(req)
1|        if err != nil {
1|            continue
1|        }
1|        defer resp.Body.Close() //@RES-03
1|        if resp.StatusCode == http.StatusOK {
1|            notice, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
1|            if err != nil {
1|                continue
1|            }
1|            abort(string(notice))
1|            return
1|        }
    }
}

02|// checkSpotTermination asks once; the response is closed before the next poll.
02|func checkSpotTermination(ctx context.Context) (string, bool) {
02|    r, err := http.NewRequestWithContext(ctx, http.MethodGet, spotTerminationURL, nil)
02|    if err != nil {
02|        return "", false
02|    }
02|    res, err := metadataClient.Do(r)
02|    if err != nil { //@{2}RES-02
02|        return "", false
02|    }
0|    defer res.Body.Close()
02|    if res.StatusCode != http.StatusOK {
02|        return "", false
02|    }
02|    body, err := io.ReadAll(io.LimitReader(res.Body, 4096))
02|    if err != nil {
02|        return "", false
02|    }
02|    return string(body), true
02|}
''')
cases_of(case, GH + 'taskcluster/generic-worker/pull/236', 'spot_termination.go',
         G('main', ['context', 'io', 'net/http', 'time'])(GWSPOT), [
             (1, 'go-00-generic-worker-renamed-spot-poll-defers-close-in-loop',
              'a move of the spot termination poll into its own file also inlines the poll and defers the close of '
              'each metadata response inside the loop, so every poll holds a connection until termination', 'rename'),
             (2, 'go-00-generic-worker-renamed-spot-check-response-left-open',
              'a move of the spot termination poll into its own file also drops the close of the metadata response '
              'in the per-poll check', 'rename'),
             (0, 'go-ok-00-generic-worker-renamed-spot-check-closes-response',
              'clean: the move alone; each poll closes its metadata response before the next one', 'rename'),
         ], rename_from='aws_helpers.go')


# ---------------------------------------------------------------- CONC-03 / ERR-01: orchestration executor of a durable task framework (durabletask-go)
DTEXEC = template('durabletask-grpc-executor', r'''
// grpcExecutor hands orchestration work items to a connected worker over a gRPC stream and waits for the worker to
// report the result. Many orchestrations run at once, so the pending results map is guarded by a mutex.
type grpcExecutor struct {
    workItemQueue chan *protos.WorkItem
    mu            sync.Mutex
    pending       map[api.InstanceID]chan *protos.OrchestratorResponse
    logger        Logger
}

func NewGrpcExecutor(logger Logger) *grpcExecutor {
    return &grpcExecutor{
        workItemQueue: make(chan *protos.WorkItem, 1),
        pending:       make(map[api.InstanceID]chan *protos.OrchestratorResponse),
        logger:        logger,
    }
}

// ExecuteOrchestrator sends the orchestration's history to the worker and waits for its actions.
func (g *grpcExecutor) ExecuteOrchestrator(ctx context.Context, iid api.InstanceID, oldEvents []*protos.HistoryEvent, newEvents []*protos.HistoryEvent) (*ExecutionResults, error) {
    result := make(chan *protos.OrchestratorResponse, 1)
02|    g.mu.Lock()
    g.pending[iid] = result //@{1}CONC-03
02|    g.mu.Unlock()
    defer g.forget(iid)

    req := &protos.OrchestratorRequest{InstanceId: string(iid), PastEvents: oldEvents, NewEvents: newEvents}
    if err := g.send(ctx, &protos.WorkItem{Request: &protos.WorkItem_OrchestratorRequest{OrchestratorRequest: req}}); err != nil { //@{2}ERR-01
01|        return nil, fmt.Errorf("sending orchestrator work item for %s: %w", iid, err)
2|        return &ExecutionResults{}, nil
    }

    select {
    case <-ctx.Done():
        return nil, fmt.Errorf("orchestration %s: %w", iid, ctx.Err())
    case resp := <-result:
        return &ExecutionResults{Response: resp}, nil
    }
}

func (g *grpcExecutor) send(ctx context.Context, wi *protos.WorkItem) error {
    select {
    case <-ctx.Done():
        return ctx.Err()
    case g.workItemQueue <- wi:
        return nil
    }
}

// CompleteOrchestratorTask is called by the worker with the actions of an orchestration.
func (g *grpcExecutor) CompleteOrchestratorTask(ctx context.Context, res *protos.OrchestratorResponse) (*protos.CompleteTaskResponse, error) {
    iid := api.InstanceID(res.InstanceId)
    g.mu.Lock()
    result, ok := g.pending[iid]
    g.mu.Unlock()
    if !ok {
        return nil, fmt.Errorf("unknown instance ID: %s", iid)
    }
    result <- res
    return &protos.CompleteTaskResponse{}, nil
}

func (g *grpcExecutor) forget(iid api.InstanceID) {
    g.mu.Lock()
    defer g.mu.Unlock()
    delete(g.pending, iid)
}
''')
_DT = ['context', 'fmt', 'sync', '', 'github.com/microsoft/durabletask-go/api',
       'github.com/microsoft/durabletask-go/internal/protos']
cases_of(case, GH + 'microsoft/durabletask-go/pull/16', 'backend/executor.go', G('backend', _DT)(DTEXEC), [
    (1, 'go-00-durabletask-pending-orchestrations-written-unlocked',
     'an edit drops the lock around the registration of a pending orchestration, so concurrent orchestrations write '
     'the shared map at once', 'edit'),
    (2, 'go-00-durabletask-work-item-send-error-dropped',
     'an edit answers an empty result when the work item cannot be sent to the worker, hiding the failure from the '
     'orchestration processor', 'edit'),
    (0, 'go-ok-00-durabletask-pending-orchestrations-locked',
     'clean: the fix guards the pending orchestrations map with a mutex', 'fix'),
])


# ---------------------------------------------------------------- TMO-01 / LOG-01: scheduler poll of an office agent broker (wuphf)
WUPHFPOLL = template('wuphf-channel-broker-poll', r'''
// brokerClient is shared by every poll of the channel view; the broker runs locally, so two seconds is plenty and a
// broker that stops answering must not hang the poll goroutines.
var brokerClient = &http.Client{Timeout: 2 * time.Second}

type schedulerJob struct {
    ID      string    `json:"id"`
    Name    string    `json:"name"`
    NextRun time.Time `json:"next_run"`
}

func (b *channelBroker) pollScheduler(ctx context.Context) ([]schedulerJob, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.baseURL+"/scheduler/jobs", nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+b.token)
02|    resp, err := brokerClient.Do(req)
1|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("poll scheduler: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("poll scheduler: status %d", resp.StatusCode)
    }
    var jobs []schedulerJob
    if err := json.NewDecoder(resp.Body).Decode(&jobs); err != nil {
        return nil, fmt.Errorf("poll scheduler: decode: %w", err)
    }
    return jobs, nil
}

// watchScheduler refreshes the scheduler panel every tick until ctx is done.
func (b *channelBroker) watchScheduler(ctx context.Context, tick time.Duration) {
    ticker := time.NewTicker(tick)
    defer ticker.Stop()
    var last int
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
        }
        jobs, err := b.pollScheduler(ctx)
        if err != nil {
            b.schedulerErr.Store(err.Error())
            continue
        }
2|        b.logger.Info("polled scheduler", "jobs", len(jobs), "broker", b.baseURL) //@LOG-01
        if len(jobs) != last {
            last = len(jobs)
            b.setSchedulerJobs(jobs)
        }
    }
}
''')
cases_of(case, GH + 'nex-crm/wuphf/pull/326', 'cmd/wuphf/channel_scheduler.go',
         G('main', ['context', 'encoding/json', 'fmt', 'net/http', 'time'])(WUPHFPOLL), [
             (1, 'go-00-wuphf-scheduler-poll-default-client',
              'an edit polls the broker\'s scheduler with http.DefaultClient, which has no timeout, so an unresponsive '
              'broker hangs the poll for good', 'edit'),
             (2, 'go-00-wuphf-scheduler-poll-logs-every-tick',
              'an edit logs an info line on every tick of the scheduler poll, idle or not', 'edit'),
             (0, 'go-ok-00-wuphf-scheduler-poll-timed-client',
              'clean: the fix polls with the shared client and its two-second timeout', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: panel update jobs of a proxy control panel (Veil)
VEILJOBS = template('veil-panel-update-jobs', r'''
// Panel update jobs are durable: the SPA polls their status while the updater stages and restarts the panel, so every
// status change has to reach the database or the caller has to know it did not.

func (s *Store) updatePanelUpdateJob(ctx context.Context, id string, status PanelUpdateStatus, message string) error {
02|    _, err := s.db.ExecContext(ctx,
02|        `UPDATE panel_update_jobs SET status = ?, message = ?, updated_at = ? WHERE id = ?`,
02|        status, message, time.Now().UTC(), id)
02|    if err != nil {
02|        return fmt.Errorf("update panel update job %s: %w", id, err)
02|    }
1|    _, _ = s.db.ExecContext(ctx, //@ERR-01
1|        `UPDATE panel_update_jobs SET status = ?, message = ?, updated_at = ? WHERE id = ?`,
1|        status, message, time.Now().UTC(), id)
    return nil
}

// finishPanelUpdateJob records the outcome and the installed version together.
func (s *Store) finishPanelUpdateJob(ctx context.Context, id string, version string, failure error) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return fmt.Errorf("finish panel update job %s: begin: %w", id, err)
    }
01|    defer tx.Rollback()

    status, message := PanelUpdateSucceeded, ""
    if failure != nil {
        status, message = PanelUpdateFailed, failure.Error()
    }
    if _, err := tx.ExecContext(ctx,
        `UPDATE panel_update_jobs SET status = ?, message = ?, finished_at = ? WHERE id = ?`,
        status, message, time.Now().UTC(), id); err != nil {
        return fmt.Errorf("finish panel update job %s: %w", id, err)
    }
    if failure == nil {
        if _, err := tx.ExecContext(ctx,
            `INSERT INTO panel_versions (version, installed_at, job_id) VALUES (?, ?, ?)`,
            version, time.Now().UTC(), id); err != nil {
            return fmt.Errorf("record panel version %s: %w", version, err)
        }
    }
    if err := tx.Commit(); err != nil {
        return fmt.Errorf("finish panel update job %s: commit: %w", id, err)
    }
    return nil
}
''')
cases_of(case, GH + 'mikkelchokolate/Veil/issues/589', 'internal/panel/update_jobs.go',
         G('panel', ['context', 'fmt', 'time'])(VEILJOBS), [
             (1, 'go-00-veil-update-job-status-exec-error-discarded',
              'an edit discards the error of the status update, so a failed write leaves the SPA polling a stale '
              'staging status while the handler carries on', 'edit'),
             (2, 'go-00-veil-finish-update-job-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the transaction that finishes an update job, so a failed insert '
              'leaves it open on its connection', 'edit'),
             (0, 'go-ok-00-veil-update-job-status-exec-error-returned',
              'clean: the fix returns the error of the status update to the caller', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / OPS-01: cron scheduler of a book manager (bindery)
BINDERYSCHED = template('bindery-scheduler', r'''
// Scheduler runs the periodic library jobs (searches, RSS sync, import scans). Jobs run under the process lifecycle
// context, so SIGTERM cancels them, and Stop waits for the jobs in flight before the database is closed.
type Scheduler struct {
    appCtx     context.Context
    cron       *cron.Cron
    jobTimeout time.Duration
    grace      time.Duration
    log        *slog.Logger
}

func New(appCtx context.Context, log *slog.Logger, jobTimeout, grace time.Duration) *Scheduler {
    if appCtx == nil {
        appCtx = context.Background()
    }
    c := cron.New(cron.WithChain(cron.Recover(cron.DefaultLogger), cron.SkipIfStillRunning(cron.DefaultLogger)))
    return &Scheduler{appCtx: appCtx, cron: c, jobTimeout: jobTimeout, grace: grace, log: log}
}

// Add registers fn under spec; each run gets its own deadline derived from the lifecycle context.
func (s *Scheduler) Add(spec, name string, fn func(ctx context.Context) error) error {
    _, err := s.cron.AddFunc(spec, s.run(name, fn))
    return err
}

func (s *Scheduler) run(name string, fn func(ctx context.Context) error) func() {
    return func() {
02|        ctx, cancel := context.WithTimeout(s.appCtx, s.jobTimeout)
1|        ctx, cancel := context.WithTimeout(context.Background(), s.jobTimeout) //@TMO-02
        defer cancel()
        start := time.Now()
        if err := fn(ctx); err != nil {
            s.log.Error("scheduled job failed", "job", name, "error", err, "took", time.Since(start))
            return
        }
        s.log.Debug("scheduled job done", "job", name, "took", time.Since(start))
    }
}

func (s *Scheduler) Start() {
    s.cron.Start()
}

// Stop stops new runs and waits up to the grace period for the running jobs to return.
func (s *Scheduler) Stop() {
01|    done := s.cron.Stop()
01|    select {
01|    case <-done.Done():
01|    case <-time.After(s.grace):
01|        s.log.Warn("scheduled jobs still running after grace period", "grace", s.grace)
01|    }
2|    s.cron.Stop() //@OPS-01
}
''')
cases_of(case, GH + 'vavallee/bindery/pull/731', 'internal/scheduler/scheduler.go',
         G('scheduler', ['context', 'log/slog', 'time', '', 'github.com/robfig/cron/v3'])(BINDERYSCHED), [
             (1, 'go-00-bindery-scheduled-jobs-on-background-context',
              'an edit derives each scheduled job\'s deadline from a background context, so SIGTERM no longer reaches '
              'the jobs', 'edit'),
             (2, 'go-00-bindery-scheduler-stop-does-not-wait',
              'an edit makes Stop return without waiting for the running jobs, so shutdown closes the database under '
              'them', 'edit'),
             (0, 'go-ok-00-bindery-scheduled-jobs-on-lifecycle-context',
              'clean: the fix runs scheduled jobs under the process lifecycle context', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-02 / LOG-02: worker health of a contest problem manager (netcon-problem-management-subsystem), new file
NETCONHEALTH = template('netcon-worker-health', r'''
// Heartbeat reports this worker to the control plane every interval and records when the last report succeeded;
// the readiness check fails once the worker has been cut off for three intervals, so the load balancer and the
// scheduler of problem environments stop sending it work.
type Heartbeat struct {
    client   client.Client
    name     string
    interval time.Duration
    lastOK   atomic.Int64
}

func NewHeartbeat(c client.Client, name string, interval time.Duration) *Heartbeat {
    return &Heartbeat{client: c, name: name, interval: interval}
}

// Start implements manager.Runnable.
func (h *Heartbeat) Start(ctx context.Context) error {
    log := ctrl.LoggerFrom(ctx).WithValues("worker", h.name)
    ticker := time.NewTicker(h.interval)
    defer ticker.Stop()
    for {
        if err := h.beat(ctx); err != nil {
            log.Error(err, "heartbeat failed")
        } else {
            h.lastOK.Store(time.Now().UnixNano())
01|            log.V(1).Info("heartbeat sent")
2|            log.V(1).Info(fmt.Sprintf("heartbeat sent for worker %s at %s", h.name, time.Now().Format(time.RFC3339))) //@LOG-02
        }
        select {
        case <-ctx.Done():
            return nil
        case <-ticker.C:
        }
    }
}

func (h *Heartbeat) beat(ctx context.Context) error {
    ctx, cancel := context.WithTimeout(ctx, h.interval/2)
    defer cancel()
    var w netconv1alpha1.Worker
    if err := h.client.Get(ctx, client.ObjectKey{Name: h.name}, &w); err != nil {
        return fmt.Errorf("get worker %s: %w", h.name, err)
    }
    patch := client.MergeFrom(w.DeepCopy())
    w.Status.LastHeartbeatTime = metav1.Now()
    return h.client.Status().Patch(ctx, &w, patch)
}

// ReadyCheck is registered with mgr.AddReadyzCheck.
func (h *Heartbeat) ReadyCheck(_ *http.Request) error {
02|    last := h.lastOK.Load()
02|    if last == 0 {
02|        return fmt.Errorf("worker %s has not reached the control plane yet", h.name)
02|    }
02|    if age := time.Since(time.Unix(0, last)); age > 3*h.interval {
02|        return fmt.Errorf("worker %s last reached the control plane %s ago", h.name, age.Round(time.Second))
02|    }
    return nil //@{1}OPS-02
}
''')
_NC = ['context', 'fmt', 'net/http', 'sync/atomic', 'time', '', 'metav1 k8s.io/apimachinery/pkg/apis/meta/v1',
       'ctrl sigs.k8s.io/controller-runtime', 'sigs.k8s.io/controller-runtime/pkg/client', '',
       'netconv1alpha1 github.com/janog-netcon/netcon-problem-management-subsystem/api/v1alpha1']
cases_of(case, GH + 'janog-netcon/netcon-problem-management-subsystem/pull/119', 'pkg/worker/heartbeat.go',
         G('worker', _NC)(NETCONHEALTH), [
             (1, 'go-00-netcon-new-worker-readiness-always-ok',
              'a new worker heartbeat whose readiness check answers ready without looking at the heartbeat, so a '
              'worker cut off from the control plane keeps getting problem environments', 'new'),
             (2, 'go-00-netcon-new-worker-heartbeat-log-formatted',
              'a new worker heartbeat that formats its per-beat debug line with fmt.Sprintf before the level check',
              'new'),
             (0, 'go-ok-00-netcon-new-worker-readiness-from-heartbeat',
              'clean: a new worker heartbeat whose readiness fails after three missed beats', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-03: job start times of a Go scheduler (agscheduler), CRLF file
AGSCHED = template('agscheduler-next-run-time', r'''
const timeLayout = "2006-01-02 15:04:05"

// nextRunTimeMax marks a job that will not run again; it is an instant, the same for every job's time zone.
var nextRunTimeMax = time.Date(9999, 9, 9, 9, 9, 9, 0, time.UTC)

// CalcNextRunTime returns the job's next run time as UTC. Start and end times, the cron expression and the
// interval are read in the job's own time zone.
func CalcNextRunTime(j Job) (time.Time, error) {
    loc, err := time.LoadLocation(j.Timezone)
    if err != nil {
        return time.Time{}, fmt.Errorf("job `%s` Timezone `%s` error: %w", j.Id, j.Timezone, err)
    }
    if j.Status == JOB_STATUS_PAUSED {
        return nextRunTimeMax, nil
    }

    var startAt time.Time
    if j.StartAt != "" {
02|        startAt, err = time.ParseInLocation(timeLayout, j.StartAt, loc)
1|        startAt, err = time.ParseInLocation(timeLayout, j.StartAt, time.Local) //@TIME-01
        if err != nil {
            return time.Time{}, fmt.Errorf("job `%s` StartAt `%s` error: %w", j.Id, j.StartAt, err)
        }
    }
    now := time.Now().In(loc)
    if startAt.After(now) {
        return startAt.UTC(), nil
    }

    switch j.Type {
    case JOB_TYPE_INTERVAL:
        interval, err := time.ParseDuration(j.Interval)
        if err != nil {
            return time.Time{}, fmt.Errorf("job `%s` Interval `%s` error: %w", j.Id, j.Interval, err)
        }
        return now.Add(interval).UTC(), nil
    case JOB_TYPE_CRON:
        expr, err := cronexpr.Parse(j.CronExpr)
        if err != nil {
            return time.Time{}, fmt.Errorf("job `%s` CronExpr `%s` error: %w", j.Id, j.CronExpr, err)
        }
        return expr.Next(now).UTC(), nil
    default:
        return nextRunTimeMax, nil
    }
}

// runJob calls the job's function and schedules its next run.
func (s *Scheduler) runJob(ctx context.Context, j Job) {
01|    slog.Info("Job run", "job_id", j.Id, "job_name", j.Name, "next_run_time", j.NextRunTime)
2|    slog.Info("Job run", "next_run_time", j.NextRunTime) //@LOG-03
    if err := s.call(ctx, j); err != nil {
        slog.Error("Job run failed", "job_id", j.Id, "job_name", j.Name, "error", err)
    }
    next, err := CalcNextRunTime(j)
    if err != nil {
        slog.Error("Job next run time failed", "job_id", j.Id, "job_name", j.Name, "error", err)
        return
    }
    j.LastRunTime = time.Now().UTC()
    j.NextRunTime = next
    if err := s.store.UpdateJob(ctx, j); err != nil {
        slog.Error("Job update failed", "job_id", j.Id, "job_name", j.Name, "error", err)
    }
}
''')
cases_of(case, GH + 'AGScheduler/agscheduler/pull/90', 'scheduler.go',
         G('agscheduler', ['context', 'fmt', 'log/slog', 'time', '', 'github.com/gorhill/cronexpr'])(AGSCHED), [
             (1, 'go-00-agscheduler-start-time-parsed-in-host-zone',
              'an edit parses the job\'s start time in the host\'s zone instead of the job\'s, so a job of another '
              'time zone starts hours early or late', 'edit'),
             (2, 'go-00-agscheduler-job-run-log-without-job-id',
              'an edit drops the job id and name from the line logged for every job run', 'edit'),
             (0, 'go-ok-00-agscheduler-start-time-in-job-zone',
              'clean: the fix parses the start time in the job\'s own time zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / ERR-01: pipeline status of a data streaming tool (conduit)
CONDUITSTATUS = template('conduit-pipeline-status', r'''
// UpdateStatus records a pipeline's status and error and persists the instance. The lifecycle service calls it from
// the pipeline's own goroutine and from the cleanup goroutine, so status, error and the persisted copy change
// together under the instance's status lock.
func (s *Service) UpdateStatus(ctx context.Context, id string, status Status, errMsg string) error {
    instance, err := s.Get(ctx, id)
    if err != nil {
        return err
    }

02|    instance.statusLock.Lock()
02|    defer instance.statusLock.Unlock()
    instance.status = status //@{1}CONC-03
    instance.Error = errMsg
    instance.UpdatedAt = time.Now().UTC()

    err = s.store.Set(ctx, id, instance)
    if err != nil { //@{2}ERR-01
01|        return cerrors.Errorf("failed to save pipeline with ID %q: %w", id, err)
2|        s.logger.Debug(ctx).Str(log.PipelineIDField, id).Msg("status kept in memory only")
    }
    return nil
}

// GetStatus reads the status under the same lock.
func (i *Instance) GetStatus() Status {
    i.statusLock.RLock()
    defer i.statusLock.RUnlock()
    return i.status
}
''')
_CD = ['context', 'time', '']
_CDE, _CDL = 'github.com/conduitio/conduit/pkg/foundation/cerrors', 'github.com/conduitio/conduit/pkg/foundation/log'
cases_of(case, GH + 'ConduitIO/conduit/issues/2579', 'pkg/pipeline/service_status.go',
         GV('pipeline', {0: _CD + [_CDE], 1: _CD + [_CDE], 2: _CD + [_CDL]})(CONDUITSTATUS), [
             (1, 'go-00-conduit-pipeline-status-written-unlocked',
              'an edit drops the status lock from UpdateStatus, so the pipeline goroutine and the cleanup goroutine '
              'write status and error at once', 'edit'),
             (2, 'go-00-conduit-pipeline-status-persist-error-dropped',
              'an edit keeps the new status in memory when saving the instance fails and reports success, so a '
              'restart resurrects the old status', 'edit'),
             (0, 'go-ok-00-conduit-pipeline-status-locked',
              'clean: the fix changes status, error and the persisted copy under the instance\'s status lock', 'fix'),
         ])
