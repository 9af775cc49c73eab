"""Round-55 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / LOG-01: per-client buckets of a Caddy rate-limit middleware (caddy-rate-limit)
CADDYRL = template('caddy-rate-limit-buckets', r'''
// bucketIdleTTL is how long a client's bucket survives without a request.
const bucketIdleTTL = 10 * time.Minute

// CaddyLimiter keeps one token bucket per client key and rule; the HTTP handler calls it for every request.
type CaddyLimiter struct {
    mu       sync.Mutex
    Keys     map[string]*rate.Limiter
    lastSeen map[string]time.Time
}

// NewCaddyLimiter returns an empty limiter.
func NewCaddyLimiter() *CaddyLimiter {
    return &CaddyLimiter{
        Keys:     make(map[string]*rate.Limiter),
        lastSeen: make(map[string]time.Time),
    }
}

// AllowN reports whether n requests of the joined keys may pass now, creating the bucket on first use.
func (cl *CaddyLimiter) AllowN(keys []string, rps float64, burst, n int) bool {
    keysJoined := strings.Join(keys, "|")
    now := time.Now()

02|    cl.mu.Lock()
02|    defer cl.mu.Unlock()
    cl.lastSeen[keysJoined] = now //@{1}CONC-03
    limiter, ok := cl.Keys[keysJoined]
    if !ok {
        limiter = rate.NewLimiter(rate.Limit(rps), burst)
        cl.Keys[keysJoined] = limiter
    }
    allowed := limiter.AllowN(now, n)
2|    log.Printf("[INFO] ratelimit: key=%s n=%d allowed=%t", keysJoined, n, allowed) //@LOG-01
    return allowed
}

// Sweep drops the buckets of clients not seen for bucketIdleTTL; a ticker calls it once a minute.
func (cl *CaddyLimiter) Sweep(now time.Time) int {
    cl.mu.Lock()
    defer cl.mu.Unlock()
    dropped := 0
    for key, seen := range cl.lastSeen {
        if now.Sub(seen) > bucketIdleTTL {
            delete(cl.lastSeen, key)
            delete(cl.Keys, key)
            dropped++
        }
    }
    return dropped
}

// ServeHTTP answers 429 to a client over its rate and passes every other request on.
func (rl RateLimit) ServeHTTP(w http.ResponseWriter, r *http.Request) (int, error) {
    for _, rule := range rl.Rules {
        if !httpserver.Path(r.URL.Path).Matches(rule.Path) {
            continue
        }
        keys := []string{clientIP(r), rule.Path}
        if !rl.limiter.AllowN(keys, rule.Rate, rule.Burst, 1) {
            w.Header().Set("X-RateLimit-Limit", strconv.Itoa(rule.Burst))
            return http.StatusTooManyRequests, nil
        }
    }
    return rl.Next.ServeHTTP(w, r)
}
''')
cases_of(case, GH + 'xuqingfeng/caddy-rate-limit/issues/13', 'caddylimiter.go',
         G('ratelimit', ['log', 'net/http', 'strconv', 'strings', 'sync', 'time', '',
                         'github.com/mholt/caddy/caddyhttp/httpserver', 'golang.org/x/time/rate'])(CADDYRL), [
             (1, 'go-00-caddy-rate-limit-buckets-written-without-lock',
              'an edit drops the limiter\'s lock from the per-request path, so concurrent requests write the bucket '
              'maps at once and Caddy dies with concurrent map writes', 'edit'),
             (2, 'go-00-caddy-rate-limit-every-request-logged',
              'an edit logs the key and verdict of every request the middleware sees, so a busy site writes a log '
              'line per request', 'edit'),
             (0, 'go-ok-00-caddy-rate-limit-buckets-locked',
              'clean: the fix takes the lock before touching the bucket maps; nothing logged per request', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: request dispatch of a small RPC server (ttrpc)
TTRPC = template('ttrpc-server-dispatch', r'''
type request struct {
    id  uint32
    req *Request
}

// dispatch runs one request on its own goroutine and sends the answer back on the connection.
func (c *serverConn) dispatch(ctx context.Context, r request) {
    if r.req.TimeoutNano > 0 {
02|        var cancel context.CancelFunc
02|        ctx, cancel = context.WithTimeout(ctx, time.Duration(r.req.TimeoutNano))
02|        defer cancel()
1|        ctx, _ = context.WithTimeout(ctx, time.Duration(r.req.TimeoutNano)) //@TMO-03
    }
    if len(r.req.Metadata) > 0 {
        md := MD{}
        md.fromRequest(r.req)
        ctx = WithMetadata(ctx, md)
    }

    done := make(chan struct{})
    go func() { //@{2}CONC-01
        defer close(done)
01|        defer func() {
01|            if p := recover(); p != nil {
01|                log.G(ctx).WithField("panic", p).Error("ttrpc: handler panicked")
01|                c.respond(r.id, status.New(codes.Internal, fmt.Sprint(p)), nil)
01|            }
01|        }()
        payload, err := c.server.services.call(ctx, r.req.Service, r.req.Method, r.req.Payload)
        st, ok := status.FromError(err)
        if !ok {
            st = status.New(codes.Unknown, err.Error())
        }
        c.respond(r.id, st, payload)
    }()

    select {
    case <-done:
    case <-c.shutdown:
        log.G(ctx).WithField("id", r.id).Debug("ttrpc: connection closing while a request runs")
    }
}

func (c *serverConn) respond(id uint32, st *status.Status, payload []byte) {
    resp := &Response{Status: st.Proto(), Payload: payload}
    select {
    case c.responses <- response{id: id, resp: resp}:
    case <-c.shutdown:
    }
}
''')
TTRPC_BASE = ['github.com/containerd/log', 'google.golang.org/grpc/codes', 'google.golang.org/grpc/status']
TTRPC_IMPORTS = {0: ['context', 'fmt', 'time', ''] + TTRPC_BASE, 1: ['context', 'fmt', 'time', ''] + TTRPC_BASE,
                 2: ['context', 'time', ''] + TTRPC_BASE}
cases_of(case, GH + 'containerd/ttrpc/pull/231', 'server.go',
         GV('ttrpc', TTRPC_IMPORTS)(TTRPC), [
             (1, 'go-00-ttrpc-request-timeout-never-cancelled',
              'an edit derives each request\'s timeout context and drops its cancel, so every request with a '
              'timeout leaves a timer and its context alive until the deadline passes', 'edit'),
             (2, 'go-00-ttrpc-handler-goroutine-without-recover',
              'an edit removes the recover of the per-request handler goroutine, so one panicking service method '
              'takes the whole shim process down', 'edit'),
             (0, 'go-ok-00-ttrpc-request-timeout-cancelled',
              'clean: the fix cancels every request\'s timeout context when the dispatch returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: request helper of an API gateway's admin client (go-kong)
GOKONG = template('go-kong-client-do', r'''
// Response is an answer of the Admin API with its status.
type Response struct {
    *http.Response
}

// Do sends req with ctx and decodes a successful JSON answer into v; an error answer becomes an *APIError.
func (c *Client) Do(ctx context.Context, req *http.Request, v interface{}) (*Response, error) {
    if ctx == nil {
        return nil, errors.New("go-kong: nil context")
    }
    if req == nil {
        return nil, errors.New("go-kong: nil request")
    }
    if c.workspace != "" {
        req.URL.Path = "/" + c.workspace + req.URL.Path
    }
    req.Header.Set("User-Agent", c.userAgent)

01|    resp, err := c.client.Do(req.WithContext(ctx))
2|    resp, err := c.client.Do(req) //@TMO-02
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer resp.Body.Close()

    response := &Response{Response: resp}
    if err := hasError(resp); err != nil {
        return response, err
    }
    if v == nil {
        return response, nil
    }
    if w, ok := v.(io.Writer); ok {
        _, err = io.Copy(w, resp.Body)
        return response, err
    }
    if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
        return response, fmt.Errorf("go-kong: decode answer of %s %s: %w", req.Method, req.URL.Path, err)
    }
    return response, nil
}
''')
cases_of(case, GH + 'Kong/go-kong/issues/276', 'kong/client.go',
         G('kong', ['context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http'])(GOKONG), [
             (1, 'go-00-go-kong-admin-answer-never-closed',
              'an edit drops the deferred close of every Admin API answer, so a controller that syncs often keeps '
              'one connection per call open', 'edit'),
             (2, 'go-00-go-kong-admin-request-ignores-context',
              'an edit sends the request without the caller\'s context, so a cancelled sync still waits for a '
              'stuck Admin API', 'edit'),
             (0, 'go-ok-00-go-kong-admin-answer-closed',
              'clean: the fix closes every answer by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: migration apply of a schema migration library (morph)
MORPH = template('morph-postgres-apply', r'''
// Apply runs one migration and, when asked, records its version, both in one transaction.
func (pg *postgres) Apply(migration *models.Migration, saveVersion bool) error {
    query, err := migration.Query()
    if err != nil {
        return err
    }
    ctx, cancel := context.WithTimeout(context.Background(), pg.config.StatementTimeout)
    defer cancel()

    transaction, err := pg.conn.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return &drivers.DatabaseError{OrigErr: err, Driver: driverName, Message: "error while opening a transaction", Command: "begin_transaction"}
    }
02|    defer transaction.Rollback() //nolint:errcheck // a no-op once Commit succeeded

    if _, err := transaction.ExecContext(ctx, query); err != nil {
        return &drivers.DatabaseError{OrigErr: err, Driver: driverName, Message: "failed when applying migration", Command: "apply_migration", Query: query}
    }
    if saveVersion {
        updateVersionQuery := fmt.Sprintf("INSERT INTO %s (Version, Name) VALUES ($1, $2)", pg.config.MigrationsTable)
        if _, err := transaction.ExecContext(ctx, updateVersionQuery, migration.Version, migration.Name); err != nil {
            return &drivers.DatabaseError{OrigErr: err, Driver: driverName, Message: "failed when updating migrations table", Command: "update_version", Query: updateVersionQuery}
        }
    }

01|    if err := transaction.Commit(); err != nil {
01|        return &drivers.DatabaseError{OrigErr: err, Driver: driverName, Message: "error while committing a transaction to the database", Command: "commit_transaction"}
01|    }
2|    transaction.Commit() //@TX-02
    return nil
}
''')
cases_of(case, GH + 'mattermost/morph/pull/28', 'drivers/postgres/postgres.go',
         G('postgres', ['context', 'fmt', '', 'github.com/mattermost/morph/drivers',
                        'github.com/mattermost/morph/models'])(MORPH), [
             (1, 'go-00-morph-migration-transaction-not-rolled-back',
              'an edit drops the deferred rollback of a migration\'s transaction, so a failed statement leaves the '
              'connection in an aborted transaction and holds the schema locks', 'edit'),
             (2, 'go-00-morph-migration-commit-unchecked',
              'an edit commits the migration without looking at the result, so a failed commit is reported as an '
              'applied migration', 'edit'),
             (0, 'go-ok-00-morph-migration-rolled-back-commit-checked',
              'clean: the fix rolls back by defer on every failed path; the commit is checked', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-01: daily schedule of a job scheduler (gron), moved into its own file
GRON = template('gron-scheduler', r'''
// AtSchedule fires once a day at a wall-clock time of its location.
type AtSchedule struct {
    hh, mm int
    loc    *time.Location
}

// Next returns the first firing strictly after t.
func (s AtSchedule) Next(t time.Time) time.Time {
02|    t = t.In(s.loc)
02|    next := time.Date(t.Year(), t.Month(), t.Day(), s.hh, s.mm, 0, 0, s.loc)
1|    next := time.Date(t.Year(), t.Month(), t.Day(), s.hh, s.mm, 0, 0, time.Local) //@TIME-01
    if !next.After(t) {
        next = next.AddDate(0, 0, 1)
    }
    return next
}

// Entry is one registered job with its schedule and the time it fires next.
type Entry struct {
    Schedule Schedule
    Job      Job
    Next     time.Time
}

// Scheduler runs registered jobs on their schedules until Stop.
type Scheduler struct {
    entries []*Entry
    add     chan *Entry
    stop    chan struct{}
    logger  *log.Logger
}

// NewScheduler returns a stopped scheduler.
func NewScheduler(logger *log.Logger) *Scheduler {
    return &Scheduler{add: make(chan *Entry), stop: make(chan struct{}), logger: logger}
}

func (c *Scheduler) run() {
    now := time.Now()
    for _, e := range c.entries {
        e.Next = e.Schedule.Next(now)
    }
    for {
        sort.Slice(c.entries, func(i, j int) bool { return c.entries[i].Next.Before(c.entries[j].Next) })
        wait := time.Hour
        if len(c.entries) > 0 {
            wait = time.Until(c.entries[0].Next)
        }
        select {
        case now = <-time.After(wait):
            for _, e := range c.entries {
                if e.Next.After(now) {
                    break
                }
                go func(j Job) { //@{2}CONC-01
01|                    defer func() {
01|                        if r := recover(); r != nil {
01|                            c.logger.Printf("gron: job panicked: %v\n%s", r, debug.Stack())
01|                        }
01|                    }()
                    j.Run()
                }(e.Job)
                e.Next = e.Schedule.Next(now)
            }
        case e := <-c.add:
            e.Next = e.Schedule.Next(time.Now())
            c.entries = append(c.entries, e)
        case <-c.stop:
            return
        }
    }
}
''')
GRON_IMPORTS = {0: ['log', 'runtime/debug', 'sort', 'time'], 1: ['log', 'runtime/debug', 'sort', 'time'],
                2: ['log', 'sort', 'time']}
cases_of(case, GH + 'roylee0704/gron/issues/5', 'scheduler.go',
         GV('gron', GRON_IMPORTS)(GRON), [
             (1, 'go-00-gron-moved-daily-schedule-in-machine-zone',
              'a PR moves the scheduler into its own file and builds the daily firing time in the machine\'s zone '
              'instead of the schedule\'s, so a job set for 02:00 UTC fires at the wrong hour on a non-UTC host',
              'rename'),
             (2, 'go-00-gron-moved-job-goroutine-without-recover',
              'a PR moves the scheduler into its own file and runs each job on a goroutine without a recover, so '
              'one panicking job ends the host program', 'rename'),
             (0, 'go-ok-00-gron-moved-scheduler',
              'clean: the move alone; firing times built in the schedule\'s location, every job run under a recover',
              'rename'),
         ], rename_from='cron.go',
         rename_old=lambda t: t.replace('NewScheduler', 'New'))


# ---------------------------------------------------------------- RES-03 / ERR-01: worker loop of a Celery client (gocelery)
GOCELERY = template('gocelery-worker-loop', r'''
// StartWorkerWithContext starts numWorkers goroutines that take tasks until ctx ends.
func (w *CeleryWorker) StartWorkerWithContext(ctx context.Context) {
    w.workWG.Add(w.numWorkers)
    for i := 0; i < w.numWorkers; i++ {
        go func(workerID int) {
            defer w.workWG.Done()
            ticker := time.NewTicker(w.rateLimitPeriod)
            defer ticker.Stop()
            for {
                select {
                case <-ctx.Done():
                    return
                case <-ticker.C:
                }

                taskMessage, err := w.broker.GetTaskMessage()
                if err != nil || taskMessage == nil {
                    continue
                }

                conn := w.pool.Get()
1|                defer conn.Close() //@RES-03
                _, err = conn.Do("SETEX", startedKey(taskMessage.ID), 3600, workerID)
02|                conn.Close()
                if err != nil {
                    log.Printf("gocelery: mark %s started: %v", taskMessage.ID, err)
                }

                resultMsg, err := w.RunTask(taskMessage)
                if err != nil {
                    log.Printf("gocelery: run %s: %v", taskMessage.ID, err)
                    continue
                }
01|                if err := w.backend.SetResult(taskMessage.ID, resultMsg); err != nil {
01|                    log.Printf("gocelery: store result of %s: %v", taskMessage.ID, err)
01|                }
2|                w.backend.SetResult(taskMessage.ID, resultMsg) //@ERR-01
                releaseResultMessage(resultMsg)
            }
        }(i)
    }
}

func startedKey(id string) string {
    return "celery-task-started-" + id
}
''')
cases_of(case, GH + 'gocelery/gocelery/pull/167', 'worker.go',
         G('gocelery', ['context', 'log', 'time'])(GOCELERY), [
             (1, 'go-00-gocelery-redis-conn-closed-by-defer-in-loop',
              'an edit closes the Redis connection each task borrows by defer inside the worker\'s endless loop, so '
              'no connection goes back to the pool until the worker stops', 'edit'),
             (2, 'go-00-gocelery-result-store-error-ignored',
              'an edit stores each task\'s result without looking at the error, so a full or unreachable backend '
              'loses results with no trace', 'edit'),
             (0, 'go-ok-00-gocelery-redis-conn-closed-per-task',
              'clean: the fix closes each borrowed connection right after its one command', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: request path of an OpenStack SDK (gophercloud)
GOPHERCLOUD = template('gophercloud-provider-request', r'''
// doRequest sends one request with the provider's token and returns the answer's body for the expected codes.
func (client *ProviderClient) doRequest(ctx context.Context, method, url string, options *RequestOpts) ([]byte, int, error) {
    var body io.Reader
    if options.JSONBody != nil {
        rendered, err := json.Marshal(options.JSONBody)
        if err != nil {
            return nil, 0, err
        }
        body = bytes.NewReader(rendered)
    }

    req, err := http.NewRequestWithContext(ctx, method, url, body)
    if err != nil {
        return nil, 0, err
    }
    req.Header.Set("Accept", "application/json")
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("User-Agent", client.UserAgent.Join())
    if token := client.Token(); token != "" {
        req.Header.Set("X-Auth-Token", token)
    }

01|    resp, err := client.HTTPClient.Do(req)
2|    httpClient := &http.Client{Timeout: client.Timeout} //@RES-04
2|    resp, err := httpClient.Do(req)
    if err != nil { //@{1}RES-02
        return nil, 0, err
    }
02|    defer resp.Body.Close()

    respBody, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, resp.StatusCode, fmt.Errorf("read answer of %s %s: %w", method, url, err)
    }
    if !expected(options.OkCodes, method, resp.StatusCode) {
        return nil, resp.StatusCode, ErrUnexpectedResponseCode{Method: method, URL: url, Actual: resp.StatusCode, Body: respBody}
    }
    return respBody, resp.StatusCode, nil
}
''')
cases_of(case, GH + 'gophercloud/gophercloud/issues/2835', 'provider_client.go',
         G('gophercloud', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http'])(GOPHERCLOUD), [
             (1, 'go-00-gophercloud-answer-never-closed',
              'an edit drops the deferred close of every API answer, so a long-running controller leaks a '
              'connection per OpenStack call', 'edit'),
             (2, 'go-00-gophercloud-http-client-per-request',
              'an edit builds a new HTTP client for every request, so each call opens a fresh connection and TLS '
              'handshake to Keystone and Nova', 'edit'),
             (0, 'go-ok-00-gophercloud-answer-closed',
              'clean: the fix closes every answer by defer; one shared HTTP client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: limiter registry of a rate-limiting library (limiters)
LIMITERS = template('limiters-registry', r'''
type entry struct {
    limiter   Limiter
    expiresAt time.Time
}

// Registry keeps one limiter per key; limiters not used for their ttl are dropped by DeleteExpired.
type Registry struct {
    mu    sync.Mutex
    byKey map[string]*entry
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
    return &Registry{byKey: make(map[string]*entry)}
}

// GetOrCreate returns the limiter of key, creating it with create on first use, and extends its life by ttl.
func (r *Registry) GetOrCreate(key string, create func() Limiter, ttl time.Duration, now time.Time) Limiter {
02|    r.mu.Lock()
02|    defer r.mu.Unlock()
    if _, ok := r.byKey[key]; !ok {
        r.byKey[key] = &entry{limiter: create()} //@{1}CONC-03
    }
    e := r.byKey[key]
    e.expiresAt = now.Add(ttl)
    return e.limiter
}

// Take asks the limiter of key for one request and returns how long the caller must wait.
func (r *Registry) Take(ctx context.Context, key string, create func() Limiter, ttl time.Duration, now time.Time) (time.Duration, error) {
    lim := r.GetOrCreate(key, create, ttl, now)
01|    wait, err := lim.Limit(ctx)
01|    if err != nil {
01|        return wait, fmt.Errorf("limiters: take %q: %w", key, err)
01|    }
2|    wait, _ := lim.Limit(ctx) //@ERR-01
    return wait, nil
}

// DeleteExpired drops the limiters whose ttl has passed and returns how many it dropped.
func (r *Registry) DeleteExpired(now time.Time) int {
    r.mu.Lock()
    defer r.mu.Unlock()
    dropped := 0
    for key, e := range r.byKey {
        if now.After(e.expiresAt) {
            delete(r.byKey, key)
            dropped++
        }
    }
    return dropped
}
''')
LIMITERS_IMPORTS = {0: ['context', 'fmt', 'sync', 'time'], 1: ['context', 'fmt', 'sync', 'time'],
                    2: ['context', 'sync', 'time']}
cases_of(case, GH + 'mennanov/limiters/issues/71', 'registry.go',
         GV('limiters', LIMITERS_IMPORTS)(LIMITERS), [
             (1, 'go-00-limiters-registry-created-without-lock',
              'an edit drops the registry\'s lock from GetOrCreate, so two requests for new tenants write the map at '
              'once and the service dies with concurrent map writes', 'edit'),
             (2, 'go-00-limiters-take-error-discarded',
              'an edit discards the error of the limiter, so an exhausted limit or a failed backend lets every '
              'request through', 'edit'),
             (0, 'go-ok-00-limiters-registry-locked',
              'clean: the fix creates and extends limiters under the registry\'s lock; the limiter\'s error is '
              'returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: in-process channel of a gRPC helper library (grpchan)
GRPCHAN = template('grpchan-inproc-invoke', r'''
// Invoke runs a unary method of a registered service in this process, as a network channel would.
func (c *Channel) Invoke(ctx context.Context, method string, req, resp interface{}, opts ...grpc.CallOption) error {
    svc, mth := splitMethodName(method)
    sd, handler := c.handlers.QueryService(svc)
    if sd == nil {
        return status.Errorf(codes.Unimplemented, "service %s not implemented", svc)
    }
    md := findUnaryMethod(mth, sd.Methods)
    if md == nil {
        return status.Errorf(codes.Unimplemented, "method %s not implemented", method)
    }

    reqMd, _ := metadata.FromOutgoingContext(ctx)
01|    svrCtx := metadata.NewIncomingContext(ctx, reqMd)
2|    svrCtx := metadata.NewIncomingContext(context.Background(), reqMd) //@TMO-02

    type result struct {
        v   interface{}
        err error
    }
    done := make(chan result, 1)
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if p := recover(); p != nil {
02|                done <- result{err: status.Errorf(codes.Internal, "handler for %s panicked: %v", method, p)}
02|            }
02|        }()
        v, err := md.Handler(handler, svrCtx, func(dst interface{}) error {
            return copyMessage(dst, req)
        }, c.unaryInt)
        done <- result{v: v, err: err}
    }()

    select {
    case <-ctx.Done():
        return status.FromContextError(ctx.Err()).Err()
    case r := <-done:
        if r.err != nil {
            return r.err
        }
        return copyMessage(resp, r.v)
    }
}
''')
cases_of(case, GH + 'fullstorydev/grpchan/pull/17', 'inprocgrpc/in_process.go',
         G('inprocgrpc', ['context', '', 'google.golang.org/grpc', 'google.golang.org/grpc/codes',
                          'google.golang.org/grpc/metadata', 'google.golang.org/grpc/status'])(GRPCHAN), [
             (1, 'go-00-grpchan-inproc-handler-without-recover',
              'an edit removes the recover of the goroutine that runs an in-process handler, so a panicking service '
              'method crashes the caller\'s process instead of failing the call', 'edit'),
             (2, 'go-00-grpchan-inproc-handler-on-background-context',
              'an edit gives the in-process handler a context built on Background, so the caller\'s deadline and '
              'cancellation never reach the service and its goroutine runs on after the call gave up', 'edit'),
             (0, 'go-ok-00-grpchan-inproc-handler-recovered',
              'clean: the fix runs the handler under a recover, on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: RPC connection pool of a monitoring gateway (open-falcon gateway), new file
FALCON = template('open-falcon-rpc-conn-pool', r'''
// RpcConnPools keeps one pool of JSON-RPC connections per transfer address.
type RpcConnPools struct {
    sync.RWMutex
    pools       map[string]*ConnPool
    maxConns    int
    maxIdle     int
    connTimeout time.Duration
    callTimeout time.Duration
}

// NewRpcConnPools returns pools for the given addresses; connections are opened on first use.
func NewRpcConnPools(maxConns, maxIdle int, connTimeout, callTimeout time.Duration, addrs []string) *RpcConnPools {
    cp := &RpcConnPools{pools: make(map[string]*ConnPool), maxConns: maxConns, maxIdle: maxIdle,
        connTimeout: connTimeout, callTimeout: callTimeout}
    for _, addr := range addrs {
        cp.pools[addr] = newConnPool(addr, maxConns, maxIdle, cp.dial)
    }
    return cp
}

func (cp *RpcConnPools) dial(addr string) (*rpc.Client, error) {
01|    conn, err := net.DialTimeout("tcp", addr, cp.connTimeout)
2|    conn, err := net.Dial("tcp", addr) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("dial %s: %w", addr, err)
    }
    return jsonrpc.NewClient(conn), nil
}

// Call sends one call to addr; it gives up after callTimeout and closes the connection it used.
func (cp *RpcConnPools) Call(ctx context.Context, addr, method string, args, reply interface{}) error {
    cp.RLock()
    pool, ok := cp.pools[addr]
    cp.RUnlock()
    if !ok {
        return fmt.Errorf("%s has no connection pool", addr)
    }
    client, err := pool.Fetch()
    if err != nil {
        return fmt.Errorf("%s: get connection: %w", addr, err)
    }

02|    ctx, cancel := context.WithTimeout(ctx, cp.callTimeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, cp.callTimeout) //@TMO-03
    call := client.Go(method, args, reply, make(chan *rpc.Call, 1))
    select {
    case <-ctx.Done():
        pool.ForceClose(client)
        return fmt.Errorf("%s: call %s: %w", addr, method, ctx.Err())
    case done := <-call.Done:
        if done.Error != nil {
            pool.ForceClose(client)
            return done.Error
        }
        pool.Release(client)
        return nil
    }
}
''')
cases_of(case, GH + 'open-falcon-archive/gateway/pull/6', 'sender/conn_pool/rpc_conn_pools.go',
         G('conn_pool', ['context', 'fmt', 'net', 'net/rpc', 'net/rpc/jsonrpc', 'sync', 'time'])(FALCON), [
             (1, 'go-00-open-falcon-new-rpc-pool-call-timeout-never-cancelled',
              'a new RPC connection pool bounds each call with a timeout context and drops its cancel, so every '
              'call leaves a timer behind until the timeout passes', 'new'),
             (2, 'go-00-open-falcon-new-rpc-pool-dial-without-timeout',
              'a new RPC connection pool dials transfers without a timeout, so an unreachable transfer blocks the '
              'sender for as long as the kernel retries', 'new'),
             (0, 'go-ok-00-open-falcon-new-rpc-pool-bounded',
              'clean: a new RPC connection pool dialing with a timeout and cancelling every call\'s timeout context',
              'new'),
         ])
