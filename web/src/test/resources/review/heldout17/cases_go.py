"""Round-17 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives up to three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the
clean look-alike (round 15's common15.variant). A case is a new file, an edit that turns the clean file into a defect,
or the fix that turns the first defect into the clean file (round 16's common16.cases_of). Names carry `00`: they are
numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: chat completion client, 4xx path
TGPT = r'''
// Completer sends one prompt to the provider's chat endpoint and returns the first answer.
type Completer struct {
    client  *http.Client // built in main: dial and TLS timeouts, 60 s overall
    baseURL string
    apiKey  string
}

type apiError struct {
    Error struct {
        Message string `json:"message"`
    } `json:"error"`
}

// Complete posts the prompt; a 4xx answer is decoded into the provider's error message.
func (c *Completer) Complete(ctx context.Context, prompt Prompt) (string, error) {
    body, err := json.Marshal(prompt)
    if err != nil {
        return "", fmt.Errorf("encode prompt: %w", err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/chat/completions", bytes.NewReader(body))
    if err != nil {
        return "", err
    }
    req.Header.Set("Authorization", "Bearer "+c.apiKey)
    req.Header.Set("Content-Type", "application/json")
01|    resp, err := c.client.Do(req) //@{1}RES-02
2|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil {
02|        return "", fmt.Errorf("post prompt: %w", err)
1|        return "", fmt.Errorf("post prompt to %s: %w", c.baseURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode >= 400 && resp.StatusCode < 500 {
        var apiErr apiError
        if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&apiErr); err != nil {
            return "", fmt.Errorf("provider answered %d", resp.StatusCode)
        }
        return "", fmt.Errorf("provider answered %d: %s", resp.StatusCode, apiErr.Error.Message)
    }
1|    defer resp.Body.Close()
    var out completion
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return "", fmt.Errorf("decode completion: %w", err)
    }
    if len(out.Choices) == 0 {
        return "", errors.New("provider returned no choices")
    }
    return out.Choices[0].Message.Content, nil
}
'''
cases_of(case, GH + 'aandrew-me/tgpt/issues/439', 'src/providers/openai/completer.go',
         G('openai', ['bytes', 'context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http'])(TGPT), [
             (1, 'go-00-tgpt-completer-4xx-branch-returns-before-close',
              'a chat client decodes 4xx error bodies and returns before the deferred close is registered',
              'edit'),
             (2, 'go-00-tgpt-completer-posts-with-default-client',
              'the prompt is posted through http.DefaultClient, which has no timeout', 'new'),
             (0, 'go-ok-00-tgpt-completer-defers-close-before-status-check',
              'clean: the close is deferred right after the error check, before the 4xx branch', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: pgx store, policy upsert
KUMA = r'''
// UpsertPolicy replaces a mesh policy and bumps the mesh's version in one transaction.
func (s *PgStore) UpsertPolicy(ctx context.Context, p Policy) error {
02|    tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
1|    tx, err := s.pool.Begin(ctx) //@TX-01
    if err != nil {
        return fmt.Errorf("begin upsert of %s/%s: %w", p.Mesh, p.Name, err)
    }
0|    // Rollback after a successful Commit is a no-op; when ctx was cancelled pgx has closed the
0|    // connection already and the server rolled back, so the error says nothing new.
0|    defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
2|    defer tx.Rollback(ctx)
    if _, err := tx.Exec(ctx, upsertPolicySQL, p.Mesh, p.Name, p.Type, p.Spec); err != nil {
        return fmt.Errorf("upsert %s/%s: %w", p.Mesh, p.Name, err)
    }
    tag, err := tx.Exec(ctx, bumpMeshVersionSQL, p.Mesh)
    if err != nil {
        return fmt.Errorf("bump version of mesh %s: %w", p.Mesh, err)
    }
    if tag.RowsAffected() != 1 {
        return fmt.Errorf("mesh %s: %w", p.Mesh, ErrNotFound)
    }
01|    return tx.Commit(ctx)
2|    tx.Commit(ctx) //@TX-02|ERR-01
2|    s.metrics.policyWrites.Inc()
2|    return nil
}
'''
cases_of(case, GH + 'kumahq/kuma/pull/10665', 'pkg/core/resources/store/pgx_policies.go',
         G('store', ['context', 'fmt', 'github.com/jackc/pgx/v5'])(KUMA), [
             (1, 'go-00-kuma-policy-upsert-without-deferred-rollback',
              'an edit removes the deferred rollback of a pgx transaction; every error return leaves it open', 'edit'),
             (2, 'go-00-kuma-policy-upsert-drops-commit-error',
              'an edit counts the write after a bare Commit whose error is dropped', 'edit'),
             (0, 'go-ok-00-kuma-policy-upsert-rollback-without-cancel',
              'clean: a deferred rollback on a context that is not cancelled, its error ignored with a reason', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-02: pgxpool connection for a batch
SUBZERO = r'''
// SaveEvents stores one relay batch on a single pooled connection, so that the batch is one round trip.
func (r *Repo) SaveEvents(ctx context.Context, events []*Event) error {
    if len(events) == 0 {
        return nil
    }
2|    conn, err := r.pool.Acquire(context.Background()) //@TMO-02
01|    conn, err := r.pool.Acquire(ctx) //@{1}RES-01
    if err != nil {
        return fmt.Errorf("acquire connection: %w", err)
    }
02|    defer conn.Release()
    batch := &pgx.Batch{}
    for _, ev := range events {
        batch.Queue(insertEventSQL, ev.ID, ev.Pubkey, ev.Kind, ev.CreatedAt, ev.Content, ev.Sig)
    }
    results := conn.SendBatch(ctx, batch)
    for range events {
        if _, err := results.Exec(); err != nil {
            _ = results.Close() // the first error is the one worth returning
1|            return fmt.Errorf("insert event: %w", err)
02|            return fmt.Errorf("insert event: %w", err)
        }
    }
1|    err = results.Close()
1|    conn.Release()
1|    return err
02|    return results.Close()
}
'''
cases_of(case, GH + 'ice-blockchain/subzero/pull/152', 'database/query/events_batch.go',
         G('query', ['context', 'fmt', 'github.com/jackc/pgx/v5'])(SUBZERO), [
             (1, 'go-00-subzero-batch-releases-connection-only-at-the-end',
              'a pgxpool connection for an event batch is released at the end; a failed insert returns without it',
              'new'),
             (2, 'go-00-subzero-batch-acquires-on-background-context',
              'an edit acquires the pooled connection on context.Background instead of the request context', 'edit'),
             (0, 'go-ok-00-subzero-batch-deferred-release',
              'clean: the release is deferred right after a successful Acquire on the caller context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-06: job runner goroutines
NCA = r'''
// Runner pulls jobs from the queue and runs each one on its own goroutine, bounded by the slot channel.
type Runner struct {
    queue   JobQueue
    slots   chan struct{}
    log     *slog.Logger
    failed  prometheus.Counter
}

// Loop runs until ctx is done.
func (r *Runner) Loop(ctx context.Context) {
    for {
        job, err := r.queue.Next(ctx)
        if err != nil {
            if ctx.Err() != nil {
                return
            }
            r.log.Warn("fetch next job", "err", err)
            continue
        }
        select {
        case r.slots <- struct{}{}:
        case <-ctx.Done():
            return
        }
0|        safego.Go(ctx, r.log, "job-"+job.Type, func(ctx context.Context) error {
0|            defer func() { <-r.slots }()
0|            return r.run(ctx, job)
0|        })
1|        go func(job *Job) { //@CONC-01
1|            defer func() { <-r.slots }()
1|            if err := r.run(ctx, job); err != nil {
1|                r.failed.Inc()
1|                r.log.Error("job failed", "job_id", job.ID, "type", job.Type, "err", err)
1|            }
1|        }(job)
2|        go func(job *Job) { //@CONC-01|CONC-06
2|            defer func() { <-r.slots }()
2|            r.run(ctx, job)
2|        }(job)
    }
}
'''
SAFEGO = go('safego', ['context', 'fmt', 'log/slog', 'runtime/debug'], r'''
// Go runs fn on a new goroutine; a panic is recovered and logged with its stack, and fn's error is logged, so one
// broken job never takes the daemon down.
func Go(ctx context.Context, log *slog.Logger, name string, fn func(context.Context) error) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                panics.WithLabelValues(name).Inc()
                log.ErrorContext(ctx, "goroutine panicked", "name", name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
            }
        }()
        if err := fn(ctx); err != nil {
            failures.WithLabelValues(name).Inc()
            log.ErrorContext(ctx, "goroutine failed", "name", name, "err", err)
        }
    }()
}
''')
cases_of(case, GH + 'uoregon-libraries/newspaper-curation-app/issues/207', 'src/jobs/runner.go',
         G('jobs', ['context', 'log/slog', 'github.com/prometheus/client_golang/prometheus',
                    'github.com/uoregon-libraries/newspaper-curation-app/src/internal/safego'])(NCA), [
             (1, 'go-00-nca-job-runner-bare-goroutine-per-job',
              'an edit replaces the recovering launcher with a bare goroutine per job; a panic in a job ends the daemon',
              'edit'),
             (2, 'go-00-nca-job-runner-drops-job-error',
              'a bare goroutine per job whose error nobody reads', 'new'),
             (0, 'go-ok-00-nca-job-runner-recovering-launcher',
              'clean: jobs start through a launcher (added beside it) that recovers, logs and counts', 'new',
              [f('src/internal/safego/safego.go', new=SAFEGO)]),
         ])


# ---------------------------------------------------------------- RES-04 / RES-01: redis client for a config lookup
BEETLE = r'''
// ClientState follows the current redis master and answers configuration lookups from it.
type ClientState struct {
    opts   *redis.Options
    master *redis.Client // replaced when the master changes; closed by SwitchMaster and Close
    mu     sync.Mutex
}

// QueueOptions reads the options of one queue from the current master.
func (s *ClientState) QueueOptions(ctx context.Context, queue string) (map[string]string, error) {
0|    s.mu.Lock()
0|    client := s.master
0|    s.mu.Unlock()
1|    client := redis.NewClient(s.opts) //@RES-04
2|    client := redis.NewClient(s.opts) //@RES-04
2|    defer client.Close()
2|    if err := client.Ping(ctx).Err(); err != nil {
2|        return nil, fmt.Errorf("ping master: %w", err)
2|    }
    opts, err := client.HGetAll(ctx, "beetle:queue:"+queue).Result()
    if err != nil {
        return nil, fmt.Errorf("read options of %s: %w", queue, err)
    }
    return opts, nil
}
'''
cases_of(case, GH + 'xing/beetle/pull/72', 'go/client_state.go',
         G('beetle', ['context', 'fmt', 'sync', 'github.com/redis/go-redis/v9'])(BEETLE), [
             (1, 'go-00-beetle-queue-options-new-redis-client-per-lookup',
              'an edit builds a redis client per lookup and never closes it', 'edit'),
             (2, 'go-00-beetle-queue-options-client-per-lookup-closed',
              'a redis client (a pool) is built and closed again on every lookup', 'edit'),
             (0, 'go-ok-00-beetle-queue-options-current-master',
              'clean: lookups use the long-lived master client under the mutex', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: replication stream frames
LITEFS = r'''
// streamFrames copies LTX frames from the primary to this replica until the stream ends.
func (s *Store) streamFrames(ctx context.Context, r *ltx.Decoder) error {
    var frames, bytes int
    started := time.Now()
    for {
        var hdr ltx.PageHeader
        data := make([]byte, s.pageSize)
        if err := r.DecodePage(&hdr, data); err == io.EOF {
            break
        } else if err != nil {
            return fmt.Errorf("decode frame %d: %w", frames, err)
        }
        if err := s.db.WritePage(ctx, hdr.Pgno, data); err != nil {
            return fmt.Errorf("write page %d: %w", hdr.Pgno, err)
        }
        frames++
        bytes += len(data)
1|        log.Printf("recv frame: pgno=%d size=%d", hdr.Pgno, len(data)) //@LOG-01
2|        slog.Debug(fmt.Sprintf("recv frame %+v (%d bytes)", hdr, len(data))) //@LOG-02|LOG-01
    }
    slog.Info("frames applied", "frames", frames, "bytes", bytes, "elapsed", time.Since(started))
    return nil
}
'''
cases_of(case, GH + 'superfly/litefs/pull/143', 'store_stream.go',
         G('litefs', ['context', 'fmt', 'io', 'log', 'log/slog', 'time', 'github.com/superfly/ltx'])(LITEFS), [
             (1, 'go-00-litefs-stream-logs-every-frame',
              'an edit logs every received frame of a replication stream with log.Printf', 'edit'),
             (2, 'go-00-litefs-stream-debug-sprintf-per-frame',
              'an edit adds a per-frame debug line whose message is built with fmt.Sprintf first', 'edit'),
             (0, 'go-ok-00-litefs-stream-one-summary-line',
              'clean: frames and bytes are counted and logged once per stream', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: generic parallel map
GOCORE = r'''
// Map applies fn to every item on its own goroutine and returns the results in input order.
func Map[T, R any](ctx context.Context, items []T, fn func(context.Context, T) (R, error)) ([]R, error) {
    out := make([]R, len(items))
    g, ctx := errgroup.WithContext(ctx)
02|    g.SetLimit(maxParallel)
    for i, item := range items {
        i, item := i, item
        g.Go(func() error { //@{1}CONC-02
            r, err := fn(ctx, item)
            if err != nil {
                return fmt.Errorf("item %d: %w", i, err)
            }
            out[i] = r
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    return out, nil
}

// Each calls fn for every item with at most maxParallel at once.
01|func Each[T any](ctx context.Context, items []T, fn func(context.Context, T) error) error {
2|func Each[T any](ctx context.Context, items []T, fn func(context.Context, T) error) {
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(maxParallel)
    for _, item := range items {
        item := item
        g.Go(func() error { return fn(ctx, item) })
    }
2|    g.Wait() //@CONC-06|ERR-01
01|    if err := g.Wait(); err != nil {
01|        return err
01|    }
01|    return nil
}
'''
cases_of(case, GH + 'sunmi-OS/gocore/pull/209', 'utils/parallel/parallel.go',
         G('parallel', ['context', 'fmt', 'golang.org/x/sync/errgroup'])(GOCORE), [
             (1, 'go-00-gocore-parallel-map-without-limit',
              'an edit drops SetLimit from a generic errgroup map: one goroutine per item', 'edit'),
             (2, 'go-00-gocore-parallel-each-ignores-wait',
              'a generic Each helper discards the errgroup Wait error', 'new'),
             (0, 'go-ok-00-gocore-parallel-limited-and-checked',
              'clean: both helpers set a limit and return Wait\'s error', 'new'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: rows per shard in a loop
VIVID = r'''
// CountByShard counts the pending rows of every shard table; the tables are named in the catalog.
func CountByShard(ctx context.Context, db *sql.DB, shards []string) (map[string]int64, error) {
    counts := make(map[string]int64, len(shards))
    for _, shard := range shards {
0|        n, err := countShard(ctx, db, shard)
0|        if err != nil {
0|            return nil, err
0|        }
0|        counts[shard] = n
12|        rows, err := db.QueryContext(ctx, "SELECT status, count(*) FROM "+pq.QuoteIdentifier(shard)+" GROUP BY status") //@{2}RES-01
12|        if err != nil {
12|            return nil, fmt.Errorf("count %s: %w", shard, err)
12|        }
1|        defer rows.Close() //@RES-03
12|        for rows.Next() {
12|            var status string
12|            var n int64
12|            if err := rows.Scan(&status, &n); err != nil {
12|                return nil, fmt.Errorf("scan %s: %w", shard, err)
12|            }
12|            if status == "pending" {
12|                counts[shard] = n
12|            }
12|        }
2|        rows.Close()
12|        if err := rows.Err(); err != nil {
12|            return nil, fmt.Errorf("iterate %s: %w", shard, err)
12|        }
    }
    return counts, nil
}
0|
0|// countShard reads one shard's pending count; its rows are closed before the next shard is queried.
0|func countShard(ctx context.Context, db *sql.DB, shard string) (int64, error) {
0|    rows, err := db.QueryContext(ctx, "SELECT status, count(*) FROM "+pq.QuoteIdentifier(shard)+" GROUP BY status")
0|    if err != nil {
0|        return 0, fmt.Errorf("count %s: %w", shard, err)
0|    }
0|    defer rows.Close()
0|    var pending int64
0|    for rows.Next() {
0|        var status string
0|        var n int64
0|        if err := rows.Scan(&status, &n); err != nil {
0|            return 0, fmt.Errorf("scan %s: %w", shard, err)
0|        }
0|        if status == "pending" {
0|            pending = n
0|        }
0|    }
0|    return pending, rows.Err()
0|}
'''
cases_of(case, GH + 'VividCortex/go-database-sql-tutorial/issues/26', 'internal/report/shards.go',
         G('report', ['context', 'database/sql', 'fmt', 'github.com/lib/pq'])(VIVID), [
             (1, 'go-00-vivid-shard-counts-defer-rows-close-in-loop',
              'rows of every shard query are closed by a defer inside the loop, all at the end', 'new'),
             (2, 'go-00-vivid-shard-counts-close-skipped-by-scan-error',
              'rows are closed at the end of each iteration, but a scan error returns without closing them', 'new'),
             (0, 'go-ok-00-vivid-shard-counts-helper-per-shard',
              'clean: each shard is counted in a helper that defers its own close', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03: component cache in an agent
AGENT = r'''
// ComponentCache keeps the last exported value of every component, read by the debug endpoint.
type ComponentCache struct {
    mu      sync.RWMutex
    entries map[string]cacheEntry
}

// Store saves the value a component exported.
func (c *ComponentCache) Store(id string, value any) {
01|    c.mu.Lock()
01|    defer c.mu.Unlock()
    c.entries[id] = cacheEntry{value: value, updated: time.Now()} //@{2}CONC-03
}

// GetOrInit returns the cached value, or stores and returns init() when the component exported nothing yet.
func (c *ComponentCache) GetOrInit(id string, init func() any) any {
    c.mu.RLock()
    e, ok := c.entries[id]
    c.mu.RUnlock()
    if ok {
        return e.value
    }
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
02|    if e, ok := c.entries[id]; ok { // another goroutine may have stored it meanwhile
02|        return e.value
02|    }
    v := init()
    c.entries[id] = cacheEntry{value: v, updated: time.Now()} //@{1}CONC-03
    return v
}
'''
cases_of(case, GH + 'grafana/agent/pull/2386', 'component/cache.go',
         G('component', ['sync', 'time'])(AGENT), [
             (1, 'go-00-agent-cache-get-or-init-writes-after-read-unlock',
              'an edit drops the write lock of GetOrInit: the map is written after the read lock is released',
              'edit'),
             (2, 'go-00-agent-cache-store-without-lock',
              'Store writes the shared map without taking the mutex the readers use', 'edit'),
             (0, 'go-ok-00-agent-cache-double-checked-under-write-lock',
              'clean: reads under RLock, writes under Lock with a second check', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-07: exporter label garbage collector
CEXP = r'''
// labelsGC forgets the label sets of containers that stopped, so their series disappear from /metrics.
type labelsGC struct {
    mu       sync.Mutex
    lastSeen map[string]time.Time // written by Observe on scrape goroutines, swept here
    ttl      time.Duration
    store    checkpointer
    vecs     []*prometheus.GaugeVec
    log      *slog.Logger
}

// Observe records that the container was seen in this scrape.
func (g *labelsGC) Observe(containerID string) {
    g.mu.Lock()
    defer g.mu.Unlock()
    g.lastSeen[containerID] = time.Now()
}

// Run sweeps every interval until ctx ends.
func (g *labelsGC) Run(ctx context.Context, every time.Duration) {
    ticker := time.NewTicker(every)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            n, err := g.sweep()
            if err != nil {
02|                g.log.Warn("label sweep failed; the next tick retries", "err", err)
02|                continue
1|                g.log.Error("label sweep failed, stopping", "err", err)
1|                return //@CONC-07
            }
            g.log.Debug("forgot stopped containers", "count", n)
        }
    }
}

func (g *labelsGC) sweep() (int, error) {
01|    g.mu.Lock()
01|    defer g.mu.Unlock()
    if err := g.store.Checkpoint(len(g.lastSeen)); err != nil {
        return 0, fmt.Errorf("checkpoint label state: %w", err)
    }
    n := 0
    for id, seen := range g.lastSeen {
        if time.Since(seen) > g.ttl {
            for _, v := range g.vecs {
                v.DeletePartialMatch(prometheus.Labels{"container_id": id})
            }
            delete(g.lastSeen, id) //@{2}CONC-03
            n++
        }
    }
    return n, nil
}
'''
cases_of(case, GH + 'CheerlessCloud/cexporter/issues/2', 'collector/unactual_labels_garbage_collector.go',
         G('collector', ['context', 'fmt', 'log/slog', 'sync', 'time', 'github.com/prometheus/client_golang/prometheus'])(CEXP), [
             (1, 'go-00-cexporter-label-sweeper-stops-on-first-error',
              'an edit makes the ticker loop of a label sweeper return on the first failed sweep', 'edit'),
             (2, 'go-00-cexporter-label-sweeper-deletes-without-lock',
              'the sweep deletes from a map that scrapes write concurrently, without the mutex Observe takes', 'new'),
             (0, 'go-ok-00-cexporter-label-sweeper-locked-and-continuing',
              'clean: the sweep holds the mutex and the loop only ends with its context', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: course enrollment handler
ACOURSE = r'''
// Enroll signs the current user up for a course; the payment check may call the payment provider.
func (h *Handler) Enroll(w http.ResponseWriter, r *http.Request) {
    user := auth.User(r.Context())
    courseID := chi.URLParam(r, "courseID")
0|    ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
0|    defer cancel()
1|    ctx := context.Background() //@TMO-02
2|    ctx, _ := context.WithTimeout(r.Context(), 5*time.Second) //@TMO-03
    course, err := h.courses.Get(ctx, courseID)
    if errors.Is(err, ErrNotFound) {
        http.NotFound(w, r)
        return
    }
    if err != nil {
        h.fail(w, r, fmt.Errorf("load course %s: %w", courseID, err))
        return
    }
    if course.Price > 0 {
        if err := h.payments.Verify(ctx, user.ID, course.ID); err != nil {
            h.fail(w, r, fmt.Errorf("verify payment for %s: %w", course.ID, err))
            return
        }
    }
    if err := h.enrollments.Insert(ctx, user.ID, course.ID); err != nil {
        h.fail(w, r, fmt.Errorf("enroll %s in %s: %w", user.ID, course.ID, err))
        return
    }
    http.Redirect(w, r, "/course/"+course.URL, http.StatusSeeOther)
}
'''
cases_of(case, GH + 'acoshift/acourse/issues/73', 'internal/app/enroll.go',
         G('app', ['context', 'errors', 'fmt', 'net/http', 'time', 'github.com/go-chi/chi/v5',
                   'github.com/acoshift/acourse/internal/auth'])(ACOURSE), [
             (1, 'go-00-acourse-enroll-runs-on-background-context',
              'an edit runs the enrollment queries and the payment check on context.Background', 'edit'),
             (2, 'go-00-acourse-enroll-timeout-cancel-discarded',
              'an edit bounds the handler with WithTimeout and discards the cancel function', 'edit'),
             (0, 'go-ok-00-acourse-enroll-request-context-with-timeout',
              'clean: a timeout derived from the request context, cancelled by defer', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-01: gorm order handler
GOSCP = r'''
// CreateOrder stores an order with its lines; the stock of every line is reserved in the same transaction.
func (h *OrderHandler) CreateOrder(w http.ResponseWriter, r *http.Request) {
    var req createOrderRequest
    if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
        http.Error(w, "invalid order", http.StatusBadRequest)
        return
    }
    order := req.toOrder(session.UserID(r.Context()))
02|    err := h.db.WithContext(r.Context()).Transaction(func(tx *gorm.DB) error {
1|    err := h.db.Transaction(func(tx *gorm.DB) error { //@TMO-02
012|        if err := tx.Create(&order).Error; err != nil {
012|            return fmt.Errorf("insert order: %w", err)
012|        }
012|        for _, line := range order.Lines {
012|            res := tx.Model(&Stock{}).Where("sku = ? AND quantity >= ?", line.SKU, line.Quantity).
012|                Update("quantity", gorm.Expr("quantity - ?", line.Quantity))
012|            if res.Error != nil {
012|                return fmt.Errorf("reserve %s: %w", line.SKU, res.Error)
012|            }
012|            if res.RowsAffected != 1 {
012|                return fmt.Errorf("reserve %s: %w", line.SKU, ErrOutOfStock)
012|            }
012|        }
012|        return nil
012|    })
    if errors.Is(err, ErrOutOfStock) {
        http.Error(w, "out of stock", http.StatusConflict)
        return
    }
    if err != nil {
        h.log.ErrorContext(r.Context(), "create order failed", "err", err)
        http.Error(w, "internal error", http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusCreated)
    _ = json.NewEncoder(w).Encode(order) // the status is sent; a failed write only means the client left
}
'''
GOSCP2 = r'''
// CreateOrder stores an order with its lines; the stock of every line is reserved in the same transaction.
func (h *OrderHandler) CreateOrder(w http.ResponseWriter, r *http.Request) {
    var req createOrderRequest
    if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
        http.Error(w, "invalid order", http.StatusBadRequest)
        return
    }
    order := req.toOrder(session.UserID(r.Context()))
    tx := h.db.WithContext(r.Context()).Begin() //@TX-01
    if tx.Error != nil {
        h.fail(w, r, fmt.Errorf("begin: %w", tx.Error))
        return
    }
    if err := tx.Create(&order).Error; err != nil {
        h.fail(w, r, fmt.Errorf("insert order: %w", err))
        return
    }
    for _, line := range order.Lines {
        res := tx.Model(&Stock{}).Where("sku = ? AND quantity >= ?", line.SKU, line.Quantity).
            Update("quantity", gorm.Expr("quantity - ?", line.Quantity))
        if res.Error != nil || res.RowsAffected != 1 {
            http.Error(w, "out of stock", http.StatusConflict)
            return
        }
    }
    if err := tx.Commit().Error; err != nil {
        h.fail(w, r, fmt.Errorf("commit order: %w", err))
        return
    }
    w.WriteHeader(http.StatusCreated)
    _ = json.NewEncoder(w).Encode(order) // the status is sent; a failed write only means the client left
}
'''
GOSCP_IMPORTS = ['encoding/json', 'errors', 'fmt', 'net/http', 'gorm.io/gorm', 'example.com/shop/internal/session']
_goscp = G('orders', GOSCP_IMPORTS)(GOSCP)
cases_of(case, GH + 'OWASP/Go-SCP/issues/3', 'internal/orders/handler.go',
         lambda v: _goscp(v) if v != 2 else go('orders', GOSCP_IMPORTS[1:] + ['encoding/json'], GOSCP2), [
             (1, 'go-00-goscp-order-transaction-without-request-context',
              'an edit runs the gorm order transaction without WithContext: its queries ignore the request deadline',
              'edit'),
             (2, 'go-00-goscp-order-manual-begin-without-rollback',
              'a gorm transaction begun by hand returns on out-of-stock and insert errors without a rollback', 'new'),
             (0, 'go-ok-00-goscp-order-transaction-helper-with-context',
              'clean: gorm\'s Transaction helper on the request context rolls back on any error', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05: retry and poll sleeps vs the context
CTXCHECK = r'''
// WaitReady polls the deployment until every replica reports ready or the context ends.
func (c *Checker) WaitReady(ctx context.Context, name string) error {
    for attempt := 0; ; attempt++ {
        st, err := c.api.DeploymentStatus(ctx, name)
        if err != nil {
            return fmt.Errorf("status of %s: %w", name, err)
        }
        if st.ReadyReplicas == st.Replicas {
            return nil
        }
0|        if err := sleepContext(ctx, c.backoff(attempt)); err != nil {
0|            return fmt.Errorf("wait for %s: %w", name, err)
0|        }
12|        time.Sleep(c.backoff(attempt)) //@{1}CONC-05
    }
}

// Propagate pushes the new config and gives the sidecars time to pick it up before returning.
func (c *Checker) Propagate(ctx context.Context, cfg Config) error {
    if err := c.api.PushConfig(ctx, cfg); err != nil {
        return fmt.Errorf("push config %s: %w", cfg.Version, err)
    }
0|    return sleepContext(ctx, c.propagationDelay)
1|    return sleepContext(ctx, c.propagationDelay)
2|    time.Sleep(c.propagationDelay) //@CONC-05
2|    return nil
}
'''
SLEEPCTX = go('rollout', ['context', 'time'], r'''
// sleepContext waits for d or until ctx ends, whichever is first, and returns ctx.Err() in the second case.
func sleepContext(ctx context.Context, d time.Duration) error {
    t := time.NewTimer(d)
    defer t.Stop()
    select {
    case <-ctx.Done():
        return ctx.Err()
    case <-t.C:
        return nil
    }
}
''')
SLEEPCTX_TEST = go('rollout', ['context', 'testing', 'time'], r'''
func TestSleepContextReturnsWhenCancelled(t *testing.T) {
    ctx, cancel := context.WithCancel(context.Background())
    cancel()
    start := time.Now()
    if err := sleepContext(ctx, time.Hour); err == nil {
        t.Fatal("expected the context's error")
    }
    if time.Since(start) > time.Second {
        t.Fatal("sleepContext waited although the context was done")
    }
}
''')
cases_of(case, GH + 'kkHAIKE/contextcheck/issues/29', 'internal/rollout/checker.go',
         G('rollout', ['context', 'fmt', 'time'])(CTXCHECK), [
             (1, 'go-00-contextcheck-wait-ready-sleeps-through-cancel',
              'an edit replaces the cancellable wait of a polling loop with time.Sleep', 'edit'),
             (2, 'go-00-contextcheck-propagate-sleeps-after-push',
              'the propagation delay after a config push is a plain time.Sleep too', 'edit'),
             (0, 'go-ok-00-contextcheck-sleep-context-helper',
              'clean: both waits go through a sleepContext helper (added beside it, with its test)', 'new',
              [f('internal/rollout/sleep.go', new=SLEEPCTX), f('internal/rollout/sleep_test.go', new=SLEEPCTX_TEST)]),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: background index sync
CHRONOS = r'''
// Syncer keeps the article index in step with the git repository of the docs.
type Syncer struct {
    repo  *Repo
    index *Index
    every time.Duration
    log   *slog.Logger
}

// Start runs the sync loop until ctx ends; main waits for it through the returned channel.
func (s *Syncer) Start(ctx context.Context) <-chan struct{} {
    done := make(chan struct{})
012|    go func() { //@{2}CONC-01
        defer close(done)
0|        defer func() {
0|            if p := recover(); p != nil {
0|                syncPanics.Inc()
0|                s.log.Error("sync loop panicked; restart needed", "panic", p, "stack", string(debug.Stack()))
0|            }
0|        }()
1|        defer func() {
1|            if p := recover(); p != nil {
1|                syncPanics.Inc()
1|                s.log.Error("sync loop panicked; restart needed", "panic", p, "stack", string(debug.Stack()))
1|            }
1|        }()
        ticker := time.NewTicker(s.every)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
            }
            if err := s.syncOnce(ctx); err != nil {
0|                syncFailures.Inc()
0|                s.log.Warn("index sync failed; next tick retries", "err", err)
0|                continue
12|                s.log.Error("index sync failed", "err", err)
12|                return //@CONC-07
            }
            lastSync.SetToCurrentTime()
        }
    }()
    return done
}
'''
cases_of(case, GH + 'Vanilla-OS/Chronos/issues/16', 'core/syncer.go',
         G('core', ['context', 'log/slog', 'runtime/debug', 'time'])(CHRONOS), [
             (1, 'go-00-chronos-sync-loop-exits-on-first-error',
              'an edit makes the index sync loop return on its first failed run', 'edit'),
             (2, 'go-00-chronos-sync-loop-unguarded-and-exiting',
              'the sync goroutine has no recover and ends on the first error', 'new'),
             (0, 'go-ok-00-chronos-sync-loop-recovers-and-continues',
              'clean: the loop recovers and counts a panic, logs a failed run and waits for the next tick', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: traced database/sql hooks
SQLPROXY = r'''
// QueryContext runs the query through the driver connection with the hooks of the proxy around it.
func (conn *Conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
    q, ok := conn.Conn.(driver.QueryerContext)
    if !ok {
        return nil, driver.ErrSkip
    }
    hookCtx, err := conn.Proxy.hooks.preQuery(ctx, query, args)
    if err != nil {
        return nil, err
    }
0|    qctx, cancel := context.WithCancel(ctx)
0|    defer cancel()
0|    rows, err := q.QueryContext(qctx, query, args)
1|    qctx, cancel := context.WithCancel(ctx) //@TMO-03
1|    rows, err := q.QueryContext(qctx, query, args)
1|    if err != nil {
1|        cancel()
1|    }
2|    rows, err := q.QueryContext(ctx, query, args)
0|    if herr := conn.Proxy.hooks.postQuery(hookCtx, query, args, err); herr != nil && err == nil {
0|        rows.Close()
0|        return nil, herr
0|    }
1|    if herr := conn.Proxy.hooks.postQuery(hookCtx, query, args, err); herr != nil && err == nil {
1|        rows.Close()
1|        return nil, herr
1|    }
2|    _ = conn.Proxy.hooks.postQuery(hookCtx, query, args, err) //@ERR-01
    return rows, err
}
'''
cases_of(case, GH + 'shogo82148/go-sql-proxy/pull/18', 'conn.go',
         G('proxy', ['context', 'database/sql/driver'])(SQLPROXY), [
             (1, 'go-00-sqlproxy-query-cancel-only-on-error',
              'an edit derives a cancellable context per query and cancels it only when the query fails', 'edit'),
             (2, 'go-00-sqlproxy-post-query-hook-error-dropped',
              'an edit drops the error of the post-query hook with `_ =`', 'edit'),
             (0, 'go-ok-00-sqlproxy-query-cancel-deferred',
              'clean: the derived context is cancelled by defer and the hook error closes the rows', 'new'),
         ])


# ---------------------------------------------------------------- TX-02: sqlx leaderboard update
TFG = r'''
// RecordScore stores a match result and moves the player's leaderboard entry in one transaction.
func (s *Store) RecordScore(ctx context.Context, m MatchResult) error {
02|    tx, err := s.db.BeginTxx(ctx, nil)
02|    if err != nil {
02|        return fmt.Errorf("begin score of %s: %w", m.PlayerID, err)
02|    }
1|    tx, _ := s.db.BeginTxx(ctx, nil) //@TX-02|ERR-01
    defer tx.Rollback() // a no-op once Commit has succeeded
    if _, err := tx.NamedExecContext(ctx, insertMatchSQL, m); err != nil {
        return fmt.Errorf("insert match %s: %w", m.MatchID, err)
    }
    if _, err := tx.ExecContext(ctx, upsertLeaderboardSQL, m.LeaderboardID, m.PlayerID, m.Score); err != nil {
        return fmt.Errorf("update leaderboard %s: %w", m.LeaderboardID, err)
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02|ERR-01
2|    return nil
}
'''
cases_of(case, GH + 'topfreegames/extensions/pull/15', 'leaderboard/store.go',
         G('leaderboard', ['context', 'fmt'])(TFG), [
             (1, 'go-00-tfg-record-score-begin-error-discarded',
              'an edit discards the error of BeginTxx; a failed begin leaves tx nil for the deferred rollback', 'edit'),
             (2, 'go-00-tfg-record-score-commit-result-ignored',
              'a bare Commit whose error is ignored before reporting success', 'new'),
             (0, 'go-ok-00-tfg-record-score-checked-begin-and-commit',
              'clean: Begin\'s error checked, deferred rollback, Commit\'s error returned', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-03: device event handlers (CRLF file)
EDGEX = r'''
// HandleReading is the message-bus handler for device readings; the envelope carries the correlation id.
func (h *ReadingHandler) HandleReading(ctx context.Context, env types.MessageEnvelope) error {
02|    lc := h.lc.With(common.CorrelationHeader, env.CorrelationID)
1|    lc := h.lc
    var ev dtos.Event
    if err := json.Unmarshal(env.Payload, &ev); err != nil {
        lc.Errorf("reading from %s is not a valid event: %v", env.ReceivedTopic, err) //@{1}LOG-03
        return nil // a malformed message is dropped; redelivery would fail the same way
    }
    if err := h.store.AddEvent(ctx, ev); err != nil {
2|        if errors.Is(err, ErrBusy) {
2|            h.lc.Warnf("store busy, event %s of device %s will be redelivered", ev.Id, ev.DeviceName) //@LOG-03
2|        }
02|        lc.Errorf("store event %s of device %s: %v", ev.Id, ev.DeviceName, err)
1|        lc.Errorf("failed to store event %s: %v", ev.Id, err) //@LOG-03
        return fmt.Errorf("store event %s: %w", ev.Id, err)
    }
    lc.Debugf("stored event %s of device %s", ev.Id, ev.DeviceName)
    return nil
}
'''
cases_of(case, GH + 'edgexfoundry/edgex-go/issues/2747', 'internal/core/data/reading_handler.go',
         G('data', ['context', 'encoding/json', 'errors', 'fmt', 'github.com/edgexfoundry/go-mod-core-contracts/v3/common',
                    'github.com/edgexfoundry/go-mod-core-contracts/v3/dtos',
                    'github.com/edgexfoundry/go-mod-messaging/v3/pkg/types'])(EDGEX), [
             (1, 'go-00-edgex-reading-handler-drops-correlation-id',
              'an edit logs a message-bus handler\'s errors with the service logger, without the envelope\'s '
              'correlation id (a CRLF file)', 'edit'),
             (2, 'go-00-edgex-reading-handler-busy-warning-on-service-logger',
              'an edit adds a busy-store warning through the service logger, not the correlated one (CRLF)', 'edit'),
             (0, 'go-ok-00-edgex-reading-handler-correlated-logger',
              'clean: the handler derives a logger carrying the correlation id (CRLF)', 'new'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01: actor reminder stream
DAPR = r'''
// streamReminders sends every due reminder to the connected sidecar until the stream or ctx ends.
func (s *Server) streamReminders(ctx context.Context, stream remindersv1.Reminders_WatchServer, due <-chan *Reminder) error {
012|    defer func() {
012|        if p := recover(); p != nil { //@{2}ERR-01
0|            panicsTotal.WithLabelValues("reminders").Inc()
0|            s.log.Errorf("reminder stream panicked: %v\n%s", p, debug.Stack())
2|            // keep the server up
012|        }
012|    }()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case r := <-due:
            msg := &remindersv1.Reminder{ActorType: r.ActorType, ActorId: r.ActorID, Name: r.Name, Data: r.Data}
02|            if err := stream.Send(msg); err != nil {
02|                return fmt.Errorf("send reminder %s/%s: %w", r.ActorID, r.Name, err)
02|            }
1|            _ = stream.Send(msg) //@ERR-01
            s.metrics.remindersSent.Inc()
        }
    }
}
'''
cases_of(case, GH + 'dapr/dapr/issues/331', 'pkg/actors/reminders/stream.go',
         G('reminders', ['context', 'fmt', 'runtime/debug', 'github.com/dapr/dapr/pkg/proto/reminders/v1'])(DAPR), [
             (1, 'go-00-dapr-reminder-stream-send-error-dropped',
              'an edit drops the error of a gRPC stream Send and counts the reminder as sent', 'edit'),
             (2, 'go-00-dapr-reminder-stream-recover-records-nothing',
              'an edit leaves the recover of the stream loop without a log line or a metric', 'edit'),
             (0, 'go-ok-00-dapr-reminder-stream-returns-send-error',
              'clean: a failed Send ends the stream with its error; a panic is logged with its stack and counted', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: audit rule cache (renamed file)
LIBAUDIT = r'''
// ruleCache remembers the rules loaded into the kernel, keyed by their text, for the reconcile loop and the status API.
type ruleCache struct {
    mu    sync.Mutex
    rules map[string]Rule
}

// Reconciler loads the wanted audit rules into the kernel over netlink.
type Reconciler struct {
0|    cache *ruleCache // shared with the status API handlers
12|    cache *ruleCache
    dial  func() (*AuditClient, error)
}

// Apply adds every wanted rule that the kernel does not have yet.
func (r *Reconciler) Apply(wanted []Rule) error {
2|    client, err := r.dial() //@RES-01
01|    client, err := r.dial()
    if err != nil {
        return fmt.Errorf("open audit netlink socket: %w", err)
    }
01|    defer client.Close()
    for _, rule := range wanted {
1|        if r.cache.has(rule) {
02|        if r.cache.has(rule.Text) {
            continue
        }
        if err := client.AddRule(rule.Wire); err != nil {
            return fmt.Errorf("add rule %q: %w", rule.Text, err)
        }
1|        r.cache.put(rule)
02|        r.cache.put(rule.Text, rule)
    }
2|    client.Close()
    return nil
}

0|func (c *ruleCache) has(text string) bool {
2|func (c *ruleCache) has(text string) bool {
1|func (c ruleCache) has(rule Rule) bool {
    c.mu.Lock()
    defer c.mu.Unlock()
1|    _, ok := c.rules[rule.Text]
02|    _, ok := c.rules[text]
    return ok
}

0|func (c *ruleCache) put(text string, rule Rule) {
2|func (c *ruleCache) put(text string, rule Rule) {
1|func (c ruleCache) put(rule Rule) {
    c.mu.Lock()
    defer c.mu.Unlock()
1|    c.rules[rule.Text] = rule //@CONC-03
02|    c.rules[text] = rule
}
'''
_libaudit = G('rules', ['fmt', 'sync'])(LIBAUDIT)
cases_of(case, GH + 'elastic/go-libaudit/pull/45', 'rules/reconciler.go', _libaudit, [
             (1, 'go-00-libaudit-rule-cache-value-receivers-copy-the-mutex',
              'a renamed file turns the cache methods into value receivers: each call locks a copy of the mutex '
              'while writing the shared map', 'rename'),
             (2, 'go-00-libaudit-reconciler-closes-netlink-only-on-success',
              'the netlink client is closed at the end of Apply; a failed AddRule returns without closing it', 'new'),
             (0, 'go-ok-00-libaudit-rule-cache-pointer-receivers',
              'clean: pointer receivers share one mutex; the client is closed by defer', 'fix'),
         ], rename_from='rules/apply.go')


# ---------------------------------------------------------------- LOG-03 / TMO-01: repository import handler
SOURCEPODS = r'''
// ImportRepository clones a remote repository for the current user; the clone runs on the storage service.
func (a *API) ImportRepository(w http.ResponseWriter, r *http.Request) {
    ctx := r.Context()
0|    logger := log.With(a.logger, "request", middleware.GetReqID(ctx))
12|    logger := a.logger
    var req importRequest
    if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
        http.Error(w, "invalid request", http.StatusBadRequest)
        return
    }
    if err := a.checkRemote(ctx, req.URL); err != nil {
02|        level.Info(logger).Log("msg", "remote rejected", "url", req.URL, "err", err)
1|        level.Warn(logger).Log("msg", "remote repository not reachable", "url", req.URL, "err", err) //@LOG-03
        http.Error(w, "remote repository not reachable", http.StatusUnprocessableEntity)
        return
    }
    repo, err := a.storage.Clone(ctx, session.Owner(ctx), req.Name, req.URL)
    if err != nil {
        level.Error(logger).Log("msg", "clone failed", "url", req.URL, "err", err)
        http.Error(w, "import failed", http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusCreated)
    _ = json.NewEncoder(w).Encode(repo) // headers are sent; nothing left to tell the client
}

// checkRemote asks the remote for its refs, so that typos fail fast instead of in the storage service.
func (a *API) checkRemote(ctx context.Context, url string) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/info/refs?service=git-upload-pack", nil)
    if err != nil {
        return err
    }
0|    resp, err := a.http.Do(req)
1|    resp, err := a.http.Do(req)
2|    client := &http.Client{} //@TMO-01
2|    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("remote answered %d", resp.StatusCode)
    }
    return nil
}
'''
SOURCEPODS_MOD = gomod('github.com/sourcepods/sourcepods', ['github.com/go-chi/chi/v5 v5.0.12',
                                                          'github.com/go-kit/log v0.2.1'])
cases_of(case, GH + 'sourcepods/sourcepods/pull/31', 'pkg/api/import.go',
         G('api', ['context', 'encoding/json', 'fmt', 'net/http', 'github.com/go-chi/chi/v5/middleware',
                   'github.com/go-kit/log', 'github.com/go-kit/log/level',
                   'github.com/sourcepods/sourcepods/pkg/session'])(SOURCEPODS), [
             (1, 'go-00-sourcepods-import-logs-without-request-id',
              'an edit logs the import handler\'s failures with the service logger, dropping the request id', 'edit'),
             (2, 'go-00-sourcepods-import-checks-remote-without-timeout',
              'the remote check builds an http.Client without a timeout (with go.mod)', 'new',
              [f('go.mod', new=SOURCEPODS_MOD)]),
             (0, 'go-ok-00-sourcepods-import-request-scoped-logger',
              'clean: a logger carrying the request id and the shared client with its timeouts', 'new'),
         ])
