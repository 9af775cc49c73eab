"""Round-112 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / ERR-01: job enqueue of a Resque-compatible Go worker (goworker)
GOWORKER = template('goworker-enqueue', r'''
// Enqueue pushes a job onto its Resque queue, where any worker polling that queue picks it up. The redis
// connection is borrowed from the shared pool and must go back to it on every path: a pool that loses one
// connection per enqueue runs dry after a few thousand jobs, and Close then blocks at shutdown.
func Enqueue(job *Job) error {
    if err := Init(); err != nil {
        return err
    }
    conn, err := GetConn()
    if err != nil { //@{1}RES-01
        return fmt.Errorf("goworker: getting a connection to enqueue on %s: %w", job.Queue, err)
    }
02|    defer PutConn(conn)

    buffer, err := json.Marshal(job.Payload)
    if err != nil {
        return fmt.Errorf("goworker: encoding the payload of %s: %w", job.Payload.Class, err)
    }
    if _, err := conn.Do("SADD", fmt.Sprintf("%squeues", workerSettings.Namespace), job.Queue); err != nil {
        return fmt.Errorf("goworker: registering queue %s: %w", job.Queue, err)
    }
01|    if _, err := conn.Do("RPUSH", fmt.Sprintf("%squeue:%s", workerSettings.Namespace, job.Queue), buffer); err != nil {
01|        return fmt.Errorf("goworker: pushing %s onto %s: %w", job.Payload.Class, job.Queue, err)
01|    }
2|    conn.Do("RPUSH", fmt.Sprintf("%squeue:%s", workerSettings.Namespace, job.Queue), buffer) //@ERR-01
    return nil
}

// Job is a unit of work for a queue: the class a worker runs and the arguments it gets.
type Job struct {
    Queue   string
    Payload Payload
}
''')
GOWORKER_TEST = f('enqueue_test.go', new=go('goworker', ['testing'], r'''
func TestEnqueueRejectsUnencodablePayload(t *testing.T) {
    job := &Job{Queue: "mailers", Payload: Payload{Class: "Welcome", Args: []interface{}{make(chan int)}}}
    if err := Enqueue(job); err == nil {
        t.Fatal("expected an error for a payload that cannot be encoded")
    }
}
'''))
cases_of(case, GH + 'benmanns/goworker/pull/52', 'enqueue.go',
         G('goworker', ['encoding/json', 'fmt'])(GOWORKER), [
             (1, 'go-00-goworker-enqueue-connection-not-returned',
              'an edit drops the return of the borrowed redis connection to the pool, so every enqueue keeps one '
              'connection and the pool runs dry', 'edit'),
             (2, 'go-00-goworker-enqueue-push-error-dropped',
              'an edit ignores the error of the push onto the queue, so a job that never reached redis is reported '
              'as enqueued; the change adds a test beside it', 'edit', [GOWORKER_TEST]),
             (0, 'go-ok-00-goworker-enqueue-connection-returned',
              'clean: the fix returns the connection to the pool on every path', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: shutdown of a background-job worker process (faktory_worker_go)
FAKTORY = template('faktory-worker-shutdown', r'''
// Terminate stops fetching, gives the jobs in flight up to ShutdownTimeout to finish, then cancels the jobs' root
// context so lingering jobs return an error and are FAILed back to Faktory for a retry, and closes the pool.
func (mgr *Manager) Terminate(reallydie bool) {
    mgr.mut.Lock()
    defer mgr.mut.Unlock()
    if mgr.state == "terminate" {
        return
    }
    mgr.Logger.Info("Shutting down...")
    mgr.state = "terminate"
    close(mgr.done)
    mgr.fireEvent(Shutdown)
02|    if !mgr.waitForJobs(mgr.ShutdownTimeout) {
02|        mgr.Logger.Warnf("Jobs still busy after %v, cancelling them", mgr.ShutdownTimeout)
02|    }
    mgr.cancelJobs() //@{1}OPS-01
    mgr.shutdownWaiter.Wait()
    mgr.Pool.Close()
    mgr.Logger.Info("Goodbye")
    if reallydie {
        os.Exit(0)
    }
}

// waitForJobs reports whether every job in flight finished within d.
func (mgr *Manager) waitForJobs(d time.Duration) bool {
    timer := time.NewTimer(d)
    defer timer.Stop()
    ticker := time.NewTicker(100 * time.Millisecond)
    defer ticker.Stop()
    for mgr.busyCount() > 0 {
        select {
        case <-timer.C:
            return false
        case <-ticker.C:
        }
    }
    return true
}

// dispatch runs one job under the manager's root context, bounded by the job's reservation so Faktory does not hand
// it to another worker while this one still runs it.
func (mgr *Manager) dispatch(job *faktory.Job, perform Perform) error {
    reserve := time.Duration(job.ReserveFor) * time.Second
    if reserve <= 0 {
        reserve = DefaultReserveFor
    }
01|    ctx, cancel := context.WithTimeout(mgr.rootCtx, reserve)
01|    defer cancel()
2|    ctx, _ := context.WithTimeout(mgr.rootCtx, reserve) //@TMO-03
    return perform(jobContext(ctx, mgr.Pool, job), job.Args...)
}
''')
cases_of(case, GH + 'contribsys/faktory_worker_go/pull/77', 'manager.go',
         G('faktory_worker', ['context', 'os', 'time', '', 'github.com/contribsys/faktory/client faktory'])(FAKTORY), [
             (1, 'go-00-faktory-worker-terminate-cancels-jobs-at-once',
              'an edit cancels the jobs in flight as soon as shutdown starts instead of letting them finish within '
              'the shutdown timeout', 'edit'),
             (2, 'go-00-faktory-worker-job-timeout-cancel-discarded',
              'an edit discards the cancel of each job\'s reservation timeout, keeping a timer per job until it fires',
              'edit'),
             (0, 'go-ok-00-faktory-worker-terminate-waits-for-jobs',
              'clean: the fix waits up to the shutdown timeout before cancelling the remaining jobs', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: Temporal terraform activity with a heartbeat (atlantis)
ATLANTIS = template('atlantis-terraform-heartbeat', r'''
// Plan runs `terraform plan` for one root as a Temporal activity. The run gets the activity's context, which Temporal
// cancels when the workflow is cancelled or the activity times out; a heartbeat goroutine reports progress meanwhile
// and stops with the activity.
func (a *TerraformActivities) Plan(ctx context.Context, req PlanRequest) (PlanResponse, error) {
    hbCtx, stop := context.WithCancel(ctx)
    defer stop()
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                a.logger.Error("terraform heartbeat panicked", "root", req.RootName, "panic", r)
01|            }
01|        }()
01|        a.heartbeat(hbCtx, req.RootName)
01|    }()
2|    go a.heartbeat(hbCtx, req.RootName) //@CONC-01

02|    out, err := a.runner.Plan(ctx, req.Path, req.Args)
1|    out, err := a.runner.Plan(context.Background(), req.Path, req.Args) //@TMO-02
    if err != nil {
        return PlanResponse{}, fmt.Errorf("terraform plan in %s: %w", req.Path, err)
    }
    return PlanResponse{Output: out, PlanFile: filepath.Join(req.Path, planFileName)}, nil
}

// heartbeat records a heartbeat every HeartbeatInterval until ctx is done.
func (a *TerraformActivities) heartbeat(ctx context.Context, root string) {
    ticker := time.NewTicker(HeartbeatInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            activity.RecordHeartbeat(ctx, root)
        }
    }
}
''')
cases_of(case, GH + 'lyft/atlantis/pull/456', 'server/neptune/workflows/activities/terraform.go',
         G('activities', ['context', 'fmt', 'path/filepath', 'time', '', 'go.temporal.io/sdk/activity'])(ATLANTIS), [
             (1, 'go-00-atlantis-terraform-plan-without-activity-context',
              'an edit runs terraform plan with a background context, so a cancelled workflow or a timed-out activity '
              'leaves the plan running', 'edit'),
             (2, 'go-00-atlantis-heartbeat-goroutine-without-recover',
              'an edit starts the heartbeat goroutine without its recover, so a panic in a heartbeat takes the '
              'worker and every running activity down', 'edit'),
             (0, 'go-ok-00-atlantis-terraform-plan-with-activity-context',
              'clean: the fix runs the plan with the activity\'s own context', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: queue fetcher of a Sidekiq-compatible Go worker (go-workers2), renamed file
WORKERS2 = template('go-workers2-fetcher', r'''
// Fetch polls the queue until the fetcher is closed. An empty queue is the normal case and is not worth a log line;
// any other redis error is reported, and the fetcher waits a second before polling again so a redis outage does not
// spin the loop.
func (f *simpleFetcher) Fetch() {
    for {
        select {
        case <-f.stop:
            return
        default:
        }
        msg, err := f.store.DequeueMessage(f.ctx, f.queue, f.inProgressQueue(), time.Second)
        if err != nil { //@{1}ERR-01
0|            if !errors.Is(err, storage.NoMessage) {
0|                f.logger.Println("ERR: fetching from", f.queue, ":", err)
0|            }
2|            f.logger.Println("fetching from", f.queue, ":", err) //@LOG-01
            f.pause(time.Second)
            continue
        }
        f.messages <- msg
    }
}

// pause waits for d or until the fetcher is closed.
func (f *simpleFetcher) pause(d time.Duration) {
    t := time.NewTimer(d)
    defer t.Stop()
    select {
    case <-f.stop:
    case <-t.C:
    }
}

// Close stops the fetch loop.
func (f *simpleFetcher) Close() {
    f.closeOnce.Do(func() { close(f.stop) })
}
''')
cases_of(case, GH + 'digitalocean/go-workers2/pull/22', 'fetcher.go',
         GV('workers', {0: ['errors', 'time', '', 'github.com/digitalocean/go-workers2/storage'],
                        1: ['time'], 2: ['time']})(WORKERS2), [
             (1, 'go-00-go-workers2-renamed-fetch-errors-swallowed',
              'a change that moves the fetcher into fetcher.go drops the report of redis errors, so a broken '
              'connection looks like an empty queue forever', 'rename'),
             (2, 'go-00-go-workers2-renamed-fetch-logs-every-empty-poll',
              'a change that moves the fetcher into fetcher.go logs every poll error, the empty-queue answer of every '
              'idle poll included', 'rename'),
             (0, 'go-ok-00-go-workers2-renamed-fetcher',
              'clean: the move alone; only real redis errors are reported', 'rename'),
         ], rename_from='fetch.go')


# ---------------------------------------------------------------- RES-02 / TMO-01: execution webhook of a distributed cron service (dkron)
DKRON = template('dkron-notifier-webhook', r'''
// webhookClient posts execution reports for every job run of the cluster; a receiver that hangs must not hold the
// agent's notifier, and a response must give its connection back.
01|var webhookClient = &http.Client{Timeout: 30 * time.Second}
2|var webhookClient = &http.Client{Transport: http.DefaultTransport} //@TMO-01

// callExecutionWebhook posts the rendered payload of one execution to the configured endpoint.
func (n *notifier) callExecutionWebhook(ctx context.Context, cfg *Config) error {
    body, err := n.render(cfg.WebhookPayload)
    if err != nil {
        return fmt.Errorf("notifier: rendering webhook payload: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.WebhookEndpoint, body)
    if err != nil {
        return fmt.Errorf("notifier: building webhook request: %w", err)
    }
    for _, h := range cfg.WebhookHeaders {
        if k, v, ok := strings.Cut(h, ":"); ok {
            req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
        }
    }
    resp, err := webhookClient.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("notifier: posting notification to %s: %w", cfg.WebhookEndpoint, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode >= http.StatusMultipleChoices {
        return fmt.Errorf("notifier: webhook %s answered %s", cfg.WebhookEndpoint, resp.Status)
    }
    _, err = io.Copy(io.Discard, resp.Body)
    return err
}
''')
cases_of(case, GH + 'dkron-io/dkron/issues/1004', 'dkron/notifier.go',
         GV('dkron', {0: ['context', 'fmt', 'io', 'net/http', 'strings', 'time'],
                      1: ['context', 'fmt', 'io', 'net/http', 'strings', 'time'],
                      2: ['context', 'fmt', 'io', 'net/http', 'strings']})(DKRON), [
             (1, 'go-00-dkron-webhook-response-left-open',
              'an edit drops the close of the webhook\'s response, leaking a descriptor for every notified job '
              'execution', 'edit'),
             (2, 'go-00-dkron-webhook-client-without-timeout',
              'an edit builds the webhook client without a timeout, so one receiver that never answers stalls the '
              'notifier', 'edit'),
             (0, 'go-ok-00-dkron-webhook-response-closed',
              'clean: the fix closes the webhook\'s response after a successful post', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: workers of a goroutine pool (pond)
POND = template('pond-worker-recovery', r'''
// startWorker launches a worker goroutine with its first task. A task that panics or calls runtime.Goexit must not
// shrink the pool: the worker reports the panic, counts the task as failed and hands the queue to a new worker.
func (p *WorkerPool) startWorker(firstTask func()) {
    atomic.AddInt32(&p.workerCount, 1)
    p.workersWaitGroup.Add(1)
    go func() { //@{1}CONC-01
        defer p.workersWaitGroup.Done()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                atomic.AddUint64(&p.failedTaskCount, 1)
02|                p.panicHandler(r)
02|            }
02|        }()
        p.worker(firstTask)
    }()
}

// worker runs tasks until the queue is empty and idles out after IdleTimeout.
func (p *WorkerPool) worker(task func()) {
    for task != nil {
        task()
        atomic.AddUint64(&p.successfulTaskCount, 1)
        task = p.nextTask(p.idleTimeout)
    }
01|    atomic.AddInt32(&p.workerCount, -1)
2|    p.workerCount-- //@CONC-03
}

// RunningWorkers returns the number of workers alive.
func (p *WorkerPool) RunningWorkers() int {
    return int(atomic.LoadInt32(&p.workerCount))
}
''')
cases_of(case, GH + 'alitto/pond/pull/137', 'pool.go',
         G('pond', ['sync/atomic'])(POND), [
             (1, 'go-00-pond-worker-without-recover',
              'an edit drops the recover of the worker goroutine, so a panicking task crashes the process instead of '
              'counting as failed', 'edit'),
             (2, 'go-00-pond-worker-count-unsynchronized',
              'an edit decrements the shared worker count without the atomic the other workers use', 'edit'),
             (0, 'go-ok-00-pond-worker-recovers',
              'clean: the fix recovers a panicking task in the worker goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / LOG-01: message queue of an agent's task workers (pentagi)
PENTAGI = template('pentagi-queue-stop', r'''
// Stop cancels the reader, closes the queue so every worker leaves its receive loop, and waits for the workers to
// finish the messages they hold; a stopped flow must not have workers still writing its results.
func (q *Queue) Stop() error {
    q.mx.Lock()
    defer q.mx.Unlock()
    if q.cancel == nil {
        return ErrAlreadyStopped
    }
    q.cancel()
    close(q.queue) //@{1}OPS-01
02|    q.wg.Wait()
    q.cancel = nil
    return nil
}

// worker handles messages until the queue is closed.
func (q *Queue) worker(ctx context.Context, id int) {
    defer q.wg.Done()
    for msg := range q.queue {
2|        q.logger.WithField("worker", id).Infof("processing message %s", msg.ID) //@LOG-01
        if err := q.handler(ctx, msg); err != nil {
            q.logger.WithError(err).WithField("message", msg.ID).Error("failed to process message")
            q.failed.Add(1)
            continue
        }
        q.processed.Add(1)
    }
}
''')
cases_of(case, GH + 'vxcontrol/pentagi/pull/367', 'backend/pkg/queue/queue.go',
         G('queue', ['context'])(PENTAGI), [
             (1, 'go-00-pentagi-queue-stop-without-waiting',
              'an edit returns from Stop without waiting for the workers, which are still handling the messages they '
              'hold', 'edit'),
             (2, 'go-00-pentagi-queue-logs-every-message',
              'an edit logs every message each worker processes at info level', 'edit'),
             (0, 'go-ok-00-pentagi-queue-stop-waits',
              'clean: the fix waits for the workers after closing the queue', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: tick loop of a cron-like scheduler (crontab), CRLF file
CRONTAB = template('crontab-location', r'''
// Crontab runs its jobs on their schedules. Schedules are matched in the table's location, UTC unless SetLocation
// chooses another, so neither the server's zone nor its daylight-saving jumps shift or repeat a job.
type Crontab struct {
    ticker *time.Ticker
    mu     sync.RWMutex
    jobs   []*job
    loc    *time.Location
}

// SetLocation sets the zone the schedules are matched in.
func (c *Crontab) SetLocation(loc *time.Location) {
    c.mu.Lock()
    defer c.mu.Unlock()
    c.loc = loc
}

// AddJob parses schedule and registers fn with its arguments.
func (c *Crontab) AddJob(schedule string, fn interface{}, args ...interface{}) error {
    j, err := parseSchedule(schedule)
    if err != nil {
        return err
    }
    if err := j.bind(fn, args); err != nil {
        return err
    }
01|    c.mu.Lock()
    c.jobs = append(c.jobs, j) //@{2}CONC-03
01|    c.mu.Unlock()
    return nil
}

// runScheduled starts every job whose schedule matches the current minute.
func (c *Crontab) runScheduled() {
    c.mu.RLock()
    defer c.mu.RUnlock()
02|    now := time.Now().In(c.loc)
1|    now := time.Now() //@TIME-01
    tick := getTick(now)
    for _, j := range c.jobs {
        if j.tick(tick) {
            go func(j *job) {
                defer func() {
                    if r := recover(); r != nil {
                        log.Printf("crontab: job %s panicked: %v", j.name, r)
                    }
                }()
                j.run()
            }(j)
        }
    }
}
''')
cases_of(case, GH + 'mileusna/crontab/issues/11', 'crontab.go',
         G('crontab', ['log', 'sync', 'time'])(CRONTAB), [
             (1, 'go-00-crontab-schedules-matched-in-local-time',
              'an edit matches the schedules against the server\'s local time, ignoring the table\'s location', 'edit'),
             (2, 'go-00-crontab-job-added-without-lock',
              'an edit appends a new job to the job list without the lock the tick loop reads it under', 'edit'),
             (0, 'go-ok-00-crontab-schedules-matched-in-location',
              'clean: the fix matches the schedules in the table\'s location', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / TMO-02: docker event watcher of a container job scheduler (ofelia), new file
OFELIA = template('ofelia-docker-events', r'''
// DockerWatcher keeps the scheduler's jobs in step with the containers: a container that starts registers its
// labelled jobs, one that stops or dies deregisters them. The event stream is opened again when it breaks, so a
// restarted docker daemon does not leave jobs scheduled for containers that are gone.
type DockerWatcher struct {
    client     *client.Client
    scheduler  *Scheduler
    logger     Logger
    retryDelay time.Duration
}

// Watch follows container events until ctx is done.
func (w *DockerWatcher) Watch(ctx context.Context) {
    f := filters.NewArgs(filters.Arg("type", "container"))
    for {
        msgs, errs := w.client.Events(ctx, events.ListOptions{Filters: f})
        if !w.follow(ctx, msgs, errs) {
            return
        }
    }
}

// follow handles events until the stream breaks (true: subscribe again) or ctx is done (false).
func (w *DockerWatcher) follow(ctx context.Context, msgs <-chan events.Message, errs <-chan error) bool {
    for {
        select {
        case <-ctx.Done():
            return false
        case msg := <-msgs:
            w.handle(ctx, msg)
02|        case err := <-errs:
02|            w.logger.Warningf("Docker event stream failed, subscribing again in %v: %v", w.retryDelay, err)
02|            return sleepCtx(ctx, w.retryDelay)
1|        case <-errs: //@ERR-01
1|            return false
        }
    }
}

func (w *DockerWatcher) handle(ctx context.Context, msg events.Message) {
    switch msg.Action {
    case events.ActionStart:
01|        info, err := w.client.ContainerInspect(ctx, msg.Actor.ID)
2|        info, err := w.client.ContainerInspect(context.Background(), msg.Actor.ID) //@TMO-02
        if err != nil {
            w.logger.Errorf("Inspecting container %s: %v", msg.Actor.ID, err)
            return
        }
        w.scheduler.RegisterContainerJobs(info.Name, info.Config.Labels)
    case events.ActionStop, events.ActionDie, events.ActionDestroy:
        w.scheduler.DeregisterContainerJobs(msg.Actor.Attributes["name"])
    }
}

// sleepCtx waits for d; it reports false when ctx is done first.
func sleepCtx(ctx context.Context, d time.Duration) bool {
    t := time.NewTimer(d)
    defer t.Stop()
    select {
    case <-ctx.Done():
        return false
    case <-t.C:
        return true
    }
}
''')
cases_of(case, GH + 'netresearch/ofelia/issues/76', 'core/docker_watcher.go',
         G('core', ['context', 'time', '', 'github.com/docker/docker/api/types/events',
                    'github.com/docker/docker/api/types/filters', 'github.com/docker/docker/client'])(OFELIA), [
             (1, 'go-00-ofelia-event-stream-error-dropped',
              'a new watcher stops following container events when the stream fails, without a word, so jobs of '
              'removed containers stay scheduled', 'new'),
             (2, 'go-00-ofelia-inspect-without-watch-context',
              'a new watcher inspects started containers with a background context, so a hung docker daemon blocks '
              'the watcher past its shutdown', 'new'),
             (0, 'go-ok-00-ofelia-event-stream-resubscribed',
              'clean: a new watcher that reports a failed event stream and subscribes again', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-03: job runs of a DAG workflow engine (goflow)
GOFLOW = template('goflow-task-runs', r'''
// runTasks starts every ready task of the execution on its own goroutine. Each task gets the execution's context,
// so cancelling a run stops its operators, and the result channel holds one slot per task so no goroutine is left
// blocked on a send when the run ends early.
func (j *Job) runTasks(ctx context.Context, ready []*Task, exec *Execution) <-chan taskResult {
    results := make(chan taskResult, len(ready))
    for _, t := range ready {
        go func(t *Task) {
            defer func() {
                if r := recover(); r != nil {
                    results <- taskResult{task: t.Name, state: Failed, err: fmt.Errorf("operator panicked: %v", r)}
                }
            }()
02|            out, err := t.Operator.Run(ctx, exec)
1|            out, err := t.Operator.Run(context.Background(), exec) //@TMO-02
            results <- resultOf(t, out, err)
        }(t)
    }
    return results
}

// writeTaskLogs saves the output of every finished task under the execution's log directory.
func (j *Job) writeTaskLogs(exec *Execution, done []taskResult) error {
    for _, r := range done {
        f, err := os.Create(filepath.Join(exec.LogDir, r.task+".log"))
        if err != nil {
            return fmt.Errorf("creating log of task %s: %w", r.task, err)
        }
2|        defer f.Close() //@RES-03
        if _, err := io.WriteString(f, r.output); err != nil {
01|            return errors.Join(fmt.Errorf("writing log of task %s: %w", r.task, err), f.Close())
2|            return fmt.Errorf("writing log of task %s: %w", r.task, err)
        }
01|        if err := f.Close(); err != nil {
01|            return fmt.Errorf("closing log of task %s: %w", r.task, err)
01|        }
    }
    return nil
}
''')
cases_of(case, GH + 'fieldryand/goflow/pull/75', 'job.go',
         GV('goflow', {0: ['context', 'errors', 'fmt', 'io', 'os', 'path/filepath'],
                       1: ['context', 'errors', 'fmt', 'io', 'os', 'path/filepath'],
                       2: ['context', 'fmt', 'io', 'os', 'path/filepath']})(GOFLOW), [
             (1, 'go-00-goflow-operator-without-run-context',
              'an edit runs each task\'s operator with a background context, so a cancelled run leaves its operators '
              'and their goroutines running', 'edit'),
             (2, 'go-00-goflow-task-log-close-deferred-in-loop',
              'an edit defers the close of each task\'s log file inside the loop over tasks, keeping every file open '
              'until all logs are written', 'edit'),
             (0, 'go-ok-00-goflow-operator-with-run-context',
              'clean: the fix runs each operator with the execution\'s context', 'fix'),
         ])
