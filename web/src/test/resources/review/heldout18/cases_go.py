"""Round-18 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: task metadata client, non-200 path
ECS = r'''
// MetadataClient reads the task metadata endpoint that the agent exposes to every container.
type MetadataClient struct {
    http    *http.Client // built in main: 5 s overall, dial and TLS timeouts on the transport
    baseURL string       // ECS_CONTAINER_METADATA_URI_V4
}

// Task fetches the task document; any status but 200 is an error that carries the status and a short body.
func (c *MetadataClient) Task(ctx context.Context) (*TaskMetadata, error) {
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/task", nil)
01|    if err != nil {
01|        return nil, fmt.Errorf("build metadata request: %w", err)
01|    }
01|    resp, err := c.http.Do(req) //@{1}RES-02
2|    resp, err := http.Get(c.baseURL + "/task") //@TMO-01|TMO-02
    if err != nil {
02|        return nil, fmt.Errorf("fetch task metadata: %w", err)
1|        return nil, fmt.Errorf("fetch task metadata from %s: %w", c.baseURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        // Best effort: the status is the error; the body only helps whoever reads the log.
        snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
        return nil, fmt.Errorf("task metadata: status %d: %s", resp.StatusCode, bytes.TrimSpace(snippet))
    }
1|    defer resp.Body.Close()
    var task TaskMetadata
    if err := json.NewDecoder(resp.Body).Decode(&task); err != nil {
        return nil, fmt.Errorf("decode task metadata: %w", err)
    }
    return &task, nil
}
'''
cases_of(case, GH + 'aws/amazon-ecs-agent/pull/1418', 'agent/metadata/client.go',
         G('metadata', ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http'])(ECS), [
             (1, 'go-00-ecsagent-task-metadata-defers-close-after-status-check',
              'an edit moves the deferred body close below the non-200 return, which leaves the body open', 'edit'),
             (2, 'go-00-ecsagent-task-metadata-http-get-default-client',
              'the metadata document is fetched with http.Get: the default client without timeout or context', 'new'),
             (0, 'go-ok-00-ecsagent-task-metadata-close-before-status',
              'clean: the close is deferred right after the error check, before the status branch', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-05: sleep helper of a sampler
PSUTIL = r'''
// Sleep waits for d, or until ctx is done, whichever comes first; it returns ctx's error in the second case.
func Sleep(ctx context.Context, d time.Duration) error {
0|    timer := time.NewTimer(d)
0|    defer timer.Stop()
0|    select {
0|    case <-ctx.Done():
0|        return ctx.Err()
0|    case <-timer.C:
0|        return nil
0|    }
1|    sleepCtx, _ := context.WithTimeout(ctx, d) //@TMO-03
1|    <-sleepCtx.Done()
1|    if err := ctx.Err(); err != nil {
1|        return err
1|    }
1|    return nil
2|    time.Sleep(d) //@CONC-05
2|    return ctx.Err()
}

// Percent samples CPU times twice, interval apart, and returns the busy share of every CPU.
func Percent(ctx context.Context, interval time.Duration) ([]float64, error) {
    before, err := TimesWithContext(ctx)
    if err != nil {
        return nil, fmt.Errorf("first sample: %w", err)
    }
    if err := Sleep(ctx, interval); err != nil {
        return nil, err
    }
    after, err := TimesWithContext(ctx)
    if err != nil {
        return nil, fmt.Errorf("second sample: %w", err)
    }
    return busyShares(before, after), nil
}
'''
PSUTIL_TEST = r'''package common

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSleepReturnsWhenContextIsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := Sleep(ctx, time.Minute); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep = %v, want context.Canceled", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Fatalf("Sleep waited %s after cancellation", waited)
	}
}

func TestSleepWaitsTheWholeDuration(t *testing.T) {
	start := time.Now()
	if err := Sleep(context.Background(), 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 20*time.Millisecond {
		t.Fatalf("Sleep returned after %s", waited)
	}
}
'''
cases_of(case, GH + 'shirou/gopsutil/issues/1474', 'internal/common/sleep.go',
         G('common', ['context', 'fmt', 'time'])(PSUTIL), [
             (1, 'go-00-gopsutil-sleep-discards-timeout-cancel',
              'an edit turns the sampler sleep into a context.WithTimeout whose cancel function is discarded', 'edit'),
             (2, 'go-00-gopsutil-sleep-ignores-context',
              'an edit makes the sampler sleep a plain time.Sleep that never notices cancellation', 'edit'),
             (0, 'go-ok-00-gopsutil-sleep-timer-select-with-test',
              'clean: a timer stopped on return and a select on ctx.Done, with a test beside it', 'new',
              [f('internal/common/sleep_test.go', new=PSUTIL_TEST)]),
         ])


# ---------------------------------------------------------------- CONC-02 / TMO-03: broadcast to subscribed clients
TERANODE = r'''
// broadcast hands one notification to every subscribed client; a client that does not take it within
// sendTimeout misses it and is counted.
func (m *clientChannelMap) broadcast(ctx context.Context, note *Notification) {
    m.mu.RLock()
    clients := make([]chan *Notification, 0, len(m.channels))
    for _, ch := range m.channels {
        clients = append(clients, ch)
    }
    m.mu.RUnlock()

02|    g, gctx := errgroup.WithContext(ctx)
02|    g.SetLimit(m.maxInFlight) // a burst waits here instead of piling up goroutines and timers
    for _, ch := range clients {
02|        g.Go(func() error {
02|            m.send(gctx, ch, note)
02|            return nil
02|        })
1|        go m.send(ctx, ch, note) //@CONC-02|CONC-01
    }
02|    _ = g.Wait() // send never fails: a slow client only misses this notification
}

func (m *clientChannelMap) send(ctx context.Context, ch chan<- *Notification, note *Notification) {
01|    sendCtx, cancel := context.WithTimeout(ctx, m.sendTimeout)
01|    defer cancel()
2|    sendCtx, _ := context.WithTimeout(ctx, m.sendTimeout) //@TMO-03
    select {
    case ch <- note:
    case <-sendCtx.Done():
        m.dropped.Inc()
    }
}
'''
cases_of(case, GH + 'bsv-blockchain/teranode/pull/775', 'services/p2p/client_channels.go',
         G('p2p', ['context', 'golang.org/x/sync/errgroup'])(TERANODE), [
             (1, 'go-00-teranode-broadcast-goroutine-per-client',
              'an edit starts one goroutine per subscribed client for every notification, with no limit',
              'edit'),
             (2, 'go-00-teranode-broadcast-send-timeout-cancel-discarded',
              'an edit drops the cancel of the per-send timeout context', 'edit'),
             (0, 'go-ok-00-teranode-broadcast-errgroup-limit',
              'clean: an errgroup with SetLimit bounds the sends, each send cancels its timeout', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: split range query, errgroup
LOKI = r'''
// Do runs the day-sized sub-queries of a range query, at most the tenant's parallelism at a time.
func (rt *limitedRoundTripper) Do(ctx context.Context, reqs []Request) ([]Response, error) {
    return runLimited(ctx, rt.maxParallelism(ctx), reqs, rt.next.Do)
}

// runLimited calls do for every request, at most limit at a time, and returns the answers in request order.
func runLimited[Req, Resp any](ctx context.Context, limit int, reqs []Req,
    do func(context.Context, Req) (Resp, error)) ([]Resp, error) {
    out := make([]Resp, len(reqs))
    g, gctx := errgroup.WithContext(ctx)
02|    g.SetLimit(limit) // the rest wait here: a thirty-day query does not start thirty requests at once
    for i, r := range reqs {
        g.Go(func() error { //@{1}CONC-02
            resp, err := do(gctx, r)
            if err != nil {
                return fmt.Errorf("sub-query %d of %d: %w", i+1, len(reqs), err)
            }
            out[i] = resp
            return nil
        })
    }
01|    if err := g.Wait(); err != nil {
01|        return nil, err
01|    }
2|    g.Wait() //@CONC-06|ERR-01
    return out, nil
}
'''
cases_of(case, GH + 'grafana/loki/pull/9923', 'pkg/querier/queryrange/limits.go',
         G('queryrange', ['context', 'fmt', 'golang.org/x/sync/errgroup'])(LOKI), [
             (1, 'go-00-loki-subqueries-errgroup-without-limit',
              'an edit removes the errgroup limit, so a long range starts every sub-query at once', 'edit'),
             (2, 'go-00-loki-subqueries-wait-error-dropped',
              'an edit drops the error of the errgroup Wait and answers with partial results', 'edit'),
             (0, 'go-ok-00-loki-subqueries-limited-errgroup',
              'clean: an errgroup limited to the tenant parallelism whose Wait error is returned', 'new',
              [f('go.mod', new=gomod('github.com/grafana/loki/v3', ['golang.org/x/sync v0.7.0'], '1.22'))]),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: detached sub-agent goroutines
OCTO = r'''
// StartAsync runs a sub-agent in the background; its run is marked done whatever happens, so the caller
// never waits for an agent that died.
func (m *Manager) StartAsync(ctx context.Context, spec Spec) (string, error) {
    if err := spec.Validate(); err != nil {
        return "", fmt.Errorf("sub-agent spec: %w", err)
    }
    id := m.newID()
    run := m.register(id, spec)
0|    safego.Go(m.log, "subagent", func() {
0|        defer run.setDone()
0|        run.finish(m.execute(context.WithoutCancel(ctx), spec))
0|    })
1|    go func() { //@CONC-01
1|        defer run.setDone()
1|        run.finish(m.execute(context.WithoutCancel(ctx), spec))
1|    }()
2|    go func() {
2|        defer run.setDone()
2|        defer func() { recover() }() //@ERR-01|CONC-01
2|        run.finish(m.execute(context.WithoutCancel(ctx), spec))
2|    }()
    return id, nil
}
'''
SAFEGO = r'''
var panics = promauto.NewCounterVec(prometheus.CounterOpts{
    Name: "octo_goroutine_panics_total",
    Help: "Panics recovered in detached goroutines, by name.",
}, []string{"name"})

// Go runs fn on its own goroutine. A panic is logged with its stack and counted under name; it never ends
// the process, and deferred calls inside fn still run.
func Go(log *slog.Logger, name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                panics.WithLabelValues(name).Inc()
                log.Error("goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
'''
cases_of(case, GH + 'open-octo/octo-agent/pull/2111', 'internal/tools/subagent/async.go',
         G('subagent', ['context', 'fmt', 'github.com/open-octo/octo-agent/internal/safego'])(OCTO), [
             (1, 'go-00-octo-subagent-bare-goroutine',
              'a sub-agent runs on a bare goroutine: a panic in a tool ends the desktop app and every session',
              'new'),
             (2, 'go-00-octo-subagent-recover-records-nothing',
              'the goroutine recovers and drops the panic without a log line or a counter', 'edit'),
             (0, 'go-ok-00-octo-subagent-safego-helper',
              'clean: the run goes through a new safego helper (second file) that logs, counts and recovers',
              'fix', [f('internal/safego/safego.go',
                        new=go('safego', ['log/slog', 'runtime/debug', 'github.com/prometheus/client_golang/prometheus',
                                          'github.com/prometheus/client_golang/prometheus/promauto'], SAFEGO))]),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: request dump into the dashboard db
GOSCOPE = r'''
// Store keeps the requests GoScope shows in its dashboard.
type Store struct {
    db  *sql.DB // opened once in Setup, closed on shutdown
    log *slog.Logger
    driver, dsn string
}

// DumpRequest records one request and its response; recording is best effort and never fails the request.
func (s *Store) DumpRequest(c *gin.Context, status int, body string) {
    ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request.Context()), 2*time.Second)
    defer cancel()
02|    db := s.db
1|    db, err := sql.Open(s.driver, s.dsn) //@RES-04
1|    if err != nil {
1|        s.log.Warn("goscope: open database", "err", err)
1|        return
1|    }
1|    defer db.Close()
    uid := uuid.NewString()
    headers, err := json.Marshal(c.Request.Header)
    if err != nil {
        headers = []byte("{}") // a header that does not encode is not worth losing the record for
    }
01|    if _, err := db.ExecContext(ctx, insertRequestSQL, uid, s.application(), c.ClientIP(), c.Request.Method,
01|        c.FullPath(), c.Request.URL.String(), c.Request.Host, time.Now().UTC(), headers, body, status); err != nil {
01|        dumpFailures.Inc()
01|        s.log.Warn("goscope: request not recorded", "uid", uid, "err", err)
01|    }
2|    _, _ = db.ExecContext(ctx, insertRequestSQL, uid, s.application(), c.ClientIP(), c.Request.Method, //@ERR-01
2|        c.FullPath(), c.Request.URL.String(), c.Request.Host, time.Now().UTC(), headers, body, status)
}
'''
cases_of(case, GH + 'averageflow/goscope/issues/43', 'goscope/logging.go',
         G('goscope', ['context', 'database/sql', 'encoding/json', 'log/slog', 'time',
                       'github.com/gin-gonic/gin', 'github.com/google/uuid'])(GOSCOPE), [
             (1, 'go-00-goscope-dump-opens-database-per-request',
              'an edit opens a new database pool for every recorded request', 'edit'),
             (2, 'go-00-goscope-dump-insert-error-discarded',
              'an edit discards the insert error of the request dump with a blank assignment', 'edit'),
             (0, 'go-ok-00-goscope-dump-shared-pool-counted-failure',
              'clean: the shared pool; a failed dump is logged and counted, the request goes on', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03: error metadata maps shared by goroutines
FLEET = r'''
// defaultMetadata is what every error carries when its caller passes no data of its own.
var defaultMetadata = map[string]any{"service": "fleet"}

01|var (
01|    countsMu   sync.Mutex
01|    codeCounts = map[string]int{} // errors by code since start, for the debug page
01|)
2|var codeCounts = map[string]int{} // errors by code since start, for the debug page

// setMetadata returns the data an error is encoded with: the caller's data, the time, and what every
// provider in ctx adds.
func setMetadata(ctx context.Context, data map[string]any) map[string]any {
02|    out := make(map[string]any, len(data)+len(defaultMetadata)+2)
02|    maps.Copy(out, defaultMetadata)
02|    maps.Copy(out, data) // the caller's map may be shared by errors wrapped at the same time: copy
02|    out["timestamp"] = nowFn().Format(time.RFC3339)
02|    for _, provider := range getErrorContextProviders(ctx) {
02|        maps.Copy(out, provider.GetDiagnosticContext())
02|    }
02|    return out
1|    if data == nil {
1|        data = defaultMetadata
1|    }
1|    data["timestamp"] = nowFn().Format(time.RFC3339) //@CONC-03
1|    for _, provider := range getErrorContextProviders(ctx) {
1|        maps.Copy(data, provider.GetDiagnosticContext())
1|    }
1|    return data
}

// count records one error of the given code; handlers call it concurrently.
func count(code string) {
01|    countsMu.Lock()
01|    defer countsMu.Unlock()
    codeCounts[code]++ //@{2}CONC-03
}
'''
cases_of(case, GH + 'fleetdm/fleet/issues/49536', 'server/contexts/ctxerr/metadata.go',
         G('ctxerr', ['context', 'maps', 'sync', 'time'])(FLEET), [
             (1, 'go-00-fleet-ctxerr-metadata-writes-shared-default-map',
              'an edit stamps the time into the caller\'s map, which is the package default when none is given',
              'edit'),
             (2, 'go-00-fleet-ctxerr-code-counts-without-lock',
              'an edit drops the mutex of the per-code error counter that handlers update concurrently', 'edit'),
             (0, 'go-ok-00-fleet-ctxerr-metadata-copied-counts-locked',
              'clean: the metadata is built in a fresh map and the counter is guarded by a mutex', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: dedicated connection, ExecTx
CROSSPLANE = r'''
// ExecTx runs every query in one transaction on a connection of its own.
func (c *postgresDB) ExecTx(ctx context.Context, ql []xsql.Query) error {
    conn, err := c.db.Conn(ctx) //@{1}RES-01
    if err != nil {
02|        return fmt.Errorf("get connection: %w", err)
1|        return fmt.Errorf("get connection for transaction: %w", err)
    }
02|    defer conn.Close() // gives the connection back to the pool; it has nothing to report
    tx, err := conn.BeginTx(ctx, nil)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
01|    defer tx.Rollback() //nolint:errcheck // a no-op once Commit has succeeded
01|    for _, q := range ql {
01|        if _, err := tx.ExecContext(ctx, q.String, q.Parameters...); err != nil {
01|            return fmt.Errorf("exec %q: %w", q.String, err)
01|        }
01|    }
0|    if err := tx.Commit(); err != nil {
0|        return fmt.Errorf("commit: %w", err)
0|    }
0|    return nil
1|    err = tx.Commit()
1|    if cerr := conn.Close(); err == nil {
1|        err = cerr
1|    }
1|    return err
2|    for _, q := range ql {
2|        if _, err = tx.ExecContext(ctx, q.String, q.Parameters...); err != nil {
2|            break
2|        }
2|    }
2|    if err != nil {
2|        _ = tx.Rollback() // the exec error is the one to report
2|        return err
2|    }
2|    err = tx.Commit() //@TX-02
2|    return nil
}
'''
cases_of(case, GH + 'crossplane-contrib/provider-sql/pull/452', 'pkg/clients/postgresql/postgresql.go',
         G('postgresql', ['context', 'database/sql', 'fmt', 'github.com/crossplane-contrib/provider-sql/pkg/clients/xsql'])(CROSSPLANE), [
             (1, 'go-00-provider-sql-exectx-closes-connection-only-after-commit',
              'an edit closes the dedicated connection only after Commit; a failed Begin or Exec keeps it',
              'edit'),
             (2, 'go-00-provider-sql-exectx-commit-error-assigned-not-returned',
              'an edit assigns the Commit error to err and returns nil', 'edit'),
             (0, 'go-ok-00-provider-sql-exectx-deferred-close-and-rollback',
              'clean: the connection close and the rollback are deferred, the Commit error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01: QueryRow wrapper of a small ORM
SQLIKE = r'''
// QueryRow runs stmt and scans its first row into dest; it returns sql.ErrNoRows when there is none.
func (db *Database) QueryRow(ctx context.Context, dest any, stmt string, args ...any) error {
    ctx, cancel := context.WithTimeout(ctx, db.queryTimeout)
    defer cancel()
01|    rows, err := db.client.QueryContext(ctx, stmt, args...) //@{1}RES-01
2|    rows, err := db.client.QueryContext(ctx, stmt, args...) //@RES-01
2|    defer rows.Close()
    if err != nil {
02|        return fmt.Errorf("query row: %w", err)
1|        return fmt.Errorf("query row %q: %w", db.redact(stmt), err)
    }
0|    defer rows.Close()
    if !rows.Next() {
        if err := rows.Err(); err != nil {
            return fmt.Errorf("query row: %w", err)
        }
        return sql.ErrNoRows
    }
    cols, err := rows.Columns()
    if err != nil {
        return fmt.Errorf("columns: %w", err)
    }
    if err := scanInto(rows, cols, dest); err != nil {
        return fmt.Errorf("scan row: %w", err)
    }
    return nil
}
'''
cases_of(case, GH + 'si3nloong/sqlike/issues/129', 'sql/database.go',
         G('sql', ['context', 'database/sql', 'fmt'])(SQLIKE), rename_from='sql/db.go', versions=[
             (1, 'go-00-sqlike-queryrow-never-closes-rows',
              'an edit removes the close of the rows of QueryRow, which reads one row and leaves the rest open',
              'edit'),
             (2, 'go-00-sqlike-queryrow-defers-close-before-error-check',
              'a rename of the database file also moves the deferred close of the rows above the error check',
              'rename'),
             (0, 'go-ok-00-sqlike-queryrow-defers-close-after-check',
              'clean: the rows are closed by a defer right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-02: domain availability retries
TLDX = r'''
// check looks a domain up and retries transient DNS failures with jittered, growing pauses.
func (s *Service) check(ctx context.Context, domain string) (CheckResult, error) {
    backoff := s.app.Config.InitialBackoff
    var lastErr error
    for attempt := 0; attempt <= s.app.Config.MaxRetries; attempt++ {
01|        addrs, err := s.resolver.LookupHost(ctx, domain)
2|        addrs, err := s.resolver.LookupHost(context.Background(), domain) //@TMO-02
        if err == nil {
            return CheckResult{Domain: domain, Available: len(addrs) == 0}, nil
        }
        if isNotFound(err) {
            return CheckResult{Domain: domain, Available: true}, nil
        }
        if !isRetryable(err) || attempt == s.app.Config.MaxRetries {
            return CheckResult{}, fmt.Errorf("look up %s: %w", domain, err)
        }
        lastErr = err
        sleep := time.Duration(rand.Float64() * float64(backoff))
02|        select {
02|        case <-time.After(sleep):
02|        case <-ctx.Done():
02|            return CheckResult{}, ctx.Err()
02|        }
1|        time.Sleep(sleep) //@CONC-05
        backoff = time.Duration(float64(backoff) * s.app.Config.BackoffFactor)
    }
    return CheckResult{}, lastErr
}
'''
cases_of(case, GH + 'brandonyoungdev/tldx/pull/67', 'internal/resolver/resolver.go',
         G('resolver', ['context', 'fmt', 'math/rand', 'time'])(TLDX), crlf=True, versions=[
             (1, 'go-00-tldx-retry-pause-ignores-context',
              'an edit makes the retry pause of the DNS check a time.Sleep that outlives a cancelled check',
              'edit'),
             (2, 'go-00-tldx-lookup-on-background-context',
              'an edit makes the lookup run on context.Background instead of the caller\'s context', 'edit'),
             (0, 'go-ok-00-tldx-retry-pause-selects-on-context',
              'clean: the pause selects on the timer and on ctx.Done', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-03: messaging retrier
AZSB = r'''
// Retry calls fn until it succeeds, returns an error isFatal accepts, or the retries of o are spent.
func Retry(ctx context.Context, operation string, fn func(ctx context.Context, attempt int32) error,
    isFatal func(error) bool, o RetryOptions) error {
    var err error
    for i := int32(0); i <= o.MaxRetries; i++ {
        if i > 0 {
            sleep := calcDelay(o, i)
            log.Writef(EventRetry, "(%s) attempt %d: sleeping for %s", operation, i, sleep)
0|            select {
0|            case <-ctx.Done():
0|                return ctx.Err()
0|            case <-time.After(sleep):
0|            }
1|            time.Sleep(sleep) //@CONC-05
2|            sleepCtx, cancelSleep := context.WithTimeout(ctx, sleep) //@TMO-03
2|            <-sleepCtx.Done()
2|            if ctx.Err() != nil {
2|                cancelSleep()
2|                return ctx.Err()
2|            }
        }
        if err = fn(ctx, i); err == nil {
            return nil
        }
        if isFatal(err) {
            return fmt.Errorf("%s: %w", operation, err)
        }
    }
    return fmt.Errorf("%s: retries exhausted: %w", operation, err)
}
'''
cases_of(case, GH + 'Azure/azure-sdk-for-go/pull/19216', 'sdk/messaging/azservicebus/internal/utils/retrier.go',
         G('utils', ['context', 'fmt', 'time', 'github.com/Azure/azure-sdk-for-go/sdk/internal/log'])(AZSB), [
             (1, 'go-00-azservicebus-retry-sleep-not-cancellable',
              'the pause between retries is a time.Sleep that a cancelled receiver cannot cut short', 'new'),
             (2, 'go-00-azservicebus-retry-sleep-context-cancelled-on-one-path',
              'an edit waits on a timeout context whose cancel is called on the cancellation path only', 'edit'),
             (0, 'go-ok-00-azservicebus-retry-sleep-select',
              'clean: the pause selects on ctx.Done and a timer', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: label initialisation progress
POST = r'''
// initFile computes the labels of one file batch by batch and records how far it got.
func (init *Initializer) initFile(ctx context.Context, fileIndex int, from, to, batchSize uint64) error {
    writer, err := init.openWriter(fileIndex)
    if err != nil {
        return err
    }
    defer writer.Close()
0|    progress := rate.Sometimes{Interval: 30 * time.Second}
    for pos := from; pos < to; pos += batchSize {
        if err := ctx.Err(); err != nil {
            return err
        }
        end := min(pos+batchSize, to)
        res, err := init.oracle.Positions(pos, end-1)
        if err != nil {
            return fmt.Errorf("compute labels %d-%d: %w", pos, end-1, err)
        }
        if _, err := writer.Write(res.Output); err != nil {
            return fmt.Errorf("write labels %d-%d: %w", pos, end-1, err)
        }
        init.numLabelsWritten.Store(end)
0|        progress.Do(func() {
0|            init.logger.Info("initialization progress", zap.Int("file", fileIndex), zap.Uint64("labels", end))
0|        })
1|        init.logger.Info("initialization: wrote batch", zap.Int("file", fileIndex), //@LOG-01
1|            zap.Uint64("from", pos), zap.Uint64("to", end))
2|        init.logger.Debug(fmt.Sprintf("initialization: file %d labels %d-%d, nonce %+v", //@LOG-02|LOG-01
2|            fileIndex, pos, end, res.Nonce))
    }
    init.logger.Info("file initialized", zap.Int("file", fileIndex), zap.Uint64("labels", to-from))
    return nil
}
'''
cases_of(case, GH + 'spacemeshos/post/issues/188', 'initialization/initialization.go',
         G('initialization', ['context', 'fmt', 'time', 'go.uber.org/zap', 'golang.org/x/time/rate'])(POST), [
             (1, 'go-00-post-init-logs-every-batch',
              'an edit logs one info line for every batch of labels written', 'edit'),
             (2, 'go-00-post-init-debug-sprintf-every-batch',
              'an edit formats a debug line with Sprintf and the nonce struct on every batch', 'edit'),
             (0, 'go-ok-00-post-init-progress-sometimes',
              'clean: progress is logged at most every 30 s, and one line per file', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: container log forwarding
BETA9 = r'''
// streamLogs appends the container's output to its log file until logChan is closed, at most
// r.linesPerSecond lines a second.
func (r *ContainerLogger) streamLogs(ctx context.Context, containerID string, logChan <-chan LogRecord) error {
    f, err := os.OpenFile(r.logPath(containerID), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644) //@{2}RES-01
    if err != nil {
01|        return fmt.Errorf("open log of %s: %w", containerID, err)
2|        return fmt.Errorf("open log file of %s: %w", containerID, err)
    }
2|    if err := r.quota.Reserve(ctx, containerID); err != nil {
2|        return fmt.Errorf("log quota of %s: %w", containerID, err)
2|    }
    defer f.Close()
02|    limiter := rate.NewLimiter(rate.Limit(r.linesPerSecond), r.burst)
02|    dropped := 0
    for o := range logChan {
02|        if !limiter.Allow() {
02|            dropped++
02|            continue
02|        }
1|        log.Info().Str("container_id", containerID).Msg(o.Message) //@LOG-01
        if _, err := f.WriteString(o.Message + "\n"); err != nil {
            return fmt.Errorf("write log of %s: %w", containerID, err)
        }
    }
02|    if dropped > 0 {
02|        log.Warn().Str("container_id", containerID).Int("dropped", dropped).Msg("container log lines over the limit were dropped")
02|    }
    return nil
}
'''
cases_of(case, GH + 'beam-cloud/beta9/pull/877', 'pkg/worker/logger.go',
         G('worker', ['context', 'fmt', 'os', 'github.com/rs/zerolog/log', 'golang.org/x/time/rate'])(BETA9), [
             (1, 'go-00-beta9-worker-echoes-every-container-line',
              'an edit logs every line of container output through the worker\'s own logger, without a limit',
              'edit'),
             (2, 'go-00-beta9-log-file-open-before-quota-return',
              'an edit checks the log quota between opening the file and deferring its close', 'edit'),
             (0, 'go-ok-00-beta9-container-lines-rate-limited',
              'clean: a token bucket limits the lines written and one warning counts the dropped ones', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06: parallel artifact uploads
BUILDKITE = r'''
// uploadAll uploads every artifact, at most u.conf.Concurrency at a time, and fails if any upload failed.
func (u *Uploader) uploadAll(ctx context.Context, artifacts []*api.Artifact) error {
02|    g, gctx := errgroup.WithContext(ctx)
02|    g.SetLimit(u.conf.Concurrency)
02|    for _, a := range artifacts {
02|        g.Go(func() error {
02|            if err := u.upload(gctx, a); err != nil {
02|                return fmt.Errorf("upload %s: %w", a.Path, err)
02|            }
02|            return nil
02|        })
02|    }
0|    return g.Wait()
2|    g.Wait() //@CONC-06|ERR-01
2|    u.logger.Info("Uploaded %d artifacts", len(artifacts))
2|    return nil
1|    var wg sync.WaitGroup
1|    slots := make(chan struct{}, u.conf.Concurrency)
1|    for _, a := range artifacts {
1|        slots <- struct{}{}
1|        wg.Add(1)
1|        go func() { //@CONC-06|CONC-01
1|            defer wg.Done()
1|            defer func() { <-slots }()
1|            u.upload(ctx, a)
1|        }()
1|    }
1|    wg.Wait()
1|    return nil
}
'''
cases_of(case, GH + 'buildkite/agent/pull/2477', 'internal/artifact/uploader.go',
         G('artifact', ['context', 'fmt', 'sync', 'golang.org/x/sync/errgroup', 'github.com/buildkite/agent/v3/api'])(BUILDKITE), [
             (1, 'go-00-buildkite-uploads-goroutines-drop-errors',
              'uploads run on bare goroutines behind a slot channel; every upload error is thrown away', 'new'),
             (2, 'go-00-buildkite-uploads-wait-error-ignored',
              'an edit ignores the error of the errgroup Wait and reports success', 'edit'),
             (0, 'go-ok-00-buildkite-uploads-errgroup-returns-wait',
              'clean: a limited errgroup whose Wait error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: kernel variables of a host sensor
KUBESCAPE = r'''
// kernelVariables reads every file of dirPath (a /proc/sys directory) into name/value pairs.
func kernelVariables(dirPath string) ([]KernelVariable, error) {
    procDir, err := os.Open(hostPath(dirPath))
    if err != nil {
        return nil, fmt.Errorf("open %s: %w", dirPath, err)
    }
    defer procDir.Close()
    var vars []KernelVariable
    for {
        names, err := procDir.Readdirnames(100)
        if errors.Is(err, io.EOF) {
            break
        }
        if err != nil {
            return nil, fmt.Errorf("list %s: %w", dirPath, err)
        }
        for _, name := range names {
0|            v, err := readKernelVariable(filepath.Join(dirPath, name))
0|            if errors.Is(err, fs.ErrPermission) {
0|                continue
0|            }
0|            if err != nil {
0|                return nil, err
0|            }
0|            vars = append(vars, v)
12|            f, err := os.Open(hostPath(filepath.Join(dirPath, name))) //@{2}RES-01
12|            if err != nil {
12|                if errors.Is(err, fs.ErrPermission) {
12|                    continue
12|                }
12|                return nil, fmt.Errorf("open %s: %w", name, err)
12|            }
1|            defer f.Close() //@RES-03
12|            value, err := io.ReadAll(io.LimitReader(f, 4096))
12|            if err != nil {
12|                return nil, fmt.Errorf("read %s: %w", name, err)
12|            }
2|            f.Close()
12|            vars = append(vars, KernelVariable{Key: name, Value: strings.TrimSpace(string(value)), Source: dirPath})
        }
    }
    return vars, nil
}
0|
0|// readKernelVariable reads one variable; its file is closed before the caller opens the next one.
0|func readKernelVariable(path string) (KernelVariable, error) {
0|    f, err := os.Open(hostPath(path))
0|    if err != nil {
0|        return KernelVariable{}, err
0|    }
0|    defer f.Close()
0|    value, err := io.ReadAll(io.LimitReader(f, 4096))
0|    if err != nil {
0|        return KernelVariable{}, fmt.Errorf("read %s: %w", path, err)
0|    }
0|    return KernelVariable{Key: filepath.Base(path), Value: strings.TrimSpace(string(value)), Source: filepath.Dir(path)}, nil
0|}
'''
cases_of(case, GH + 'kubescape/node-agent/pull/681', 'pkg/hostsensormanager/sensor_kernelvars.go',
         G('hostsensormanager', ['errors', 'fmt', 'io', 'io/fs', 'os', 'path/filepath', 'strings'])(KUBESCAPE), [
             (1, 'go-00-kubescape-kernel-vars-defer-close-in-loop',
              'every variable file is closed by a defer inside the directory loop, so all stay open', 'new'),
             (2, 'go-00-kubescape-kernel-vars-read-error-skips-close',
              'an edit closes each file by hand after reading; a failed read returns with the file open', 'edit'),
             (0, 'go-ok-00-kubescape-kernel-vars-helper-defers-close',
              'clean: one helper per variable whose defer closes the file before the next is opened', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: compress the selected files
SUPERFILE = r'''
// zipSources writes every selected file, and every file under a selected directory, into one archive.
func zipSources(sources []string, target string) error {
    out, err := os.Create(target)
    if err != nil {
        return fmt.Errorf("create %s: %w", target, err)
    }
    defer out.Close()
    w := zip.NewWriter(out)
    for _, src := range sources {
        info, err := os.Stat(src)
        if err != nil {
            return err
        }
        if !info.IsDir() {
02|            if err := addFile(w, src, filepath.Base(src)); err != nil {
02|                return err
02|            }
1|            f, err := os.Open(src)
1|            if err != nil {
1|                return err
1|            }
1|            defer f.Close() //@RES-03
1|            entry, err := w.Create(filepath.Base(src))
1|            if err != nil {
1|                return err
1|            }
1|            if _, err := io.Copy(entry, f); err != nil {
1|                return fmt.Errorf("compress %s: %w", src, err)
1|            }
            continue
        }
        base := filepath.Dir(src)
        err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
            if err != nil || d.IsDir() {
                return err
            }
            rel, err := filepath.Rel(base, path)
            if err != nil {
                return err
            }
            return addFile(w, path, filepath.ToSlash(rel))
        })
        if err != nil {
            return fmt.Errorf("compress %s: %w", src, err)
        }
    }
01|    if err := w.Close(); err != nil { // writes the central directory: without it the archive is unreadable
01|        return fmt.Errorf("finish %s: %w", target, err)
01|    }
01|    return nil
2|    _ = w.Close() //@ERR-01
2|    return nil
}

// addFile copies one file into the archive under name; the file is closed when addFile returns.
func addFile(w *zip.Writer, path, name string) error {
    f, err := os.Open(path)
    if err != nil {
        return err
    }
    defer f.Close()
    entry, err := w.Create(name)
    if err != nil {
        return err
    }
    _, err = io.Copy(entry, f)
    return err
}
'''
cases_of(case, GH + 'yorukot/superfile/pull/821', 'src/internal/file_operations_compress.go',
         G('internal', ['archive/zip', 'fmt', 'io', 'io/fs', 'os', 'path/filepath'])(SUPERFILE), [
             (1, 'go-00-superfile-compress-defers-close-per-selected-file',
              'an edit inlines the copy of selected files into the loop, each closed by a defer at the end',
              'edit'),
             (2, 'go-00-superfile-compress-zip-close-error-discarded',
              'an edit discards the error of the zip writer\'s Close, which writes the central directory',
              'edit'),
             (0, 'go-ok-00-superfile-compress-helper-and-walk-callback',
              'clean: a helper and the walk callback close each file in their own defer', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: pgx transaction of a datastore
PGEDGE = r'''
// DeleteConnection removes a monitored connection and, when that leaves its auto-detected cluster empty,
// dismisses the cluster.
func (s *Datastore) DeleteConnection(ctx context.Context, id int) error {
    tx, err := s.pool.Begin(ctx) //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("begin delete of connection %d: %w", id, err)
1|        return fmt.Errorf("delete connection %d: begin: %w", id, err)
    }
02|    defer rollback.Tx(ctx, tx)
    var clusterID *int
    err = tx.QueryRow(ctx, `DELETE FROM connections WHERE id = $1 RETURNING cluster_id`, id).Scan(&clusterID)
    if errors.Is(err, pgx.ErrNoRows) {
        return ErrNotFound
    }
    if err != nil {
        return fmt.Errorf("delete connection %d: %w", id, err)
    }
    if clusterID != nil {
        var remaining int
        if err := tx.QueryRow(ctx, `SELECT count(*) FROM connections WHERE cluster_id = $1`, *clusterID).Scan(&remaining); err != nil {
            return fmt.Errorf("count connections of cluster %d: %w", *clusterID, err)
        }
        if remaining == 0 {
            if _, err := tx.Exec(ctx, `UPDATE clusters SET dismissed = true WHERE id = $1 AND auto_detected`, *clusterID); err != nil {
                return fmt.Errorf("dismiss cluster %d: %w", *clusterID, err)
            }
        }
    }
01|    if err := tx.Commit(ctx); err != nil {
01|        return fmt.Errorf("commit delete of connection %d: %w", id, err)
01|    }
2|    tx.Commit(ctx) //@TX-02|ERR-01
    s.cache.Invalidate(id)
    return nil
}
'''
ROLLBACK = r'''
// Tx rolls tx back, for a deferred call on paths that did not commit. pgx treats a rollback on a cancelled
// context as failed and drops the connection, so the rollback keeps the request's values but not its
// cancellation, and gets five seconds of its own against a wedged server.
func Tx(ctx context.Context, tx pgx.Tx) {
    rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
    defer cancel()
    if err := tx.Rollback(rctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
        rollbackFailures.Inc()
        slog.WarnContext(ctx, "rollback failed", "err", err)
    }
}
'''
cases_of(case, GH + 'pgEdge/ai-dba-workbench/pull/420', 'server/src/internal/database/connections.go',
         G('database', ['context', 'errors', 'fmt', 'github.com/jackc/pgx/v5',
                        'github.com/pgedge/ai-workbench/pkg/rollback'])(PGEDGE), [
             (1, 'go-00-pgedge-delete-connection-without-deferred-rollback',
              'an edit removes the deferred rollback; every error return leaves the pgx transaction open', 'edit'),
             (2, 'go-00-pgedge-delete-connection-commit-error-dropped',
              'an edit calls Commit without looking at its error', 'edit'),
             (0, 'go-ok-00-pgedge-delete-connection-rollback-helper',
              'clean: a deferred rollback through a new helper that survives cancellation with its own timeout',
              'new', [f('pkg/rollback/rollback.go',
                        new=go('rollback', ['context', 'errors', 'log/slog', 'time', 'github.com/jackc/pgx/v5'],
                               ROLLBACK))]),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: gRPC client of a runtime daemon
HYPER = r'''
// Client talks to the hyperd daemon; every call gets c.timeout unless ctx ends earlier.
type Client struct {
    client  types.PublicAPIClient
    timeout time.Duration
}

// Pods lists the pods the daemon runs.
func (c *Client) Pods(ctx context.Context) ([]*types.PodListResult, error) {
0|    ctx, cancel := context.WithTimeout(ctx, c.timeout)
0|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.timeout) //@TMO-03
02|    resp, err := c.client.PodList(ctx, &types.PodListRequest{})
1|    resp, err := c.client.PodList(context.Background(), &types.PodListRequest{}) //@TMO-01|TMO-02
    if err != nil {
        return nil, fmt.Errorf("list pods: %w", err)
    }
    return resp.PodList, nil
}

// StopPod stops one pod and reports the daemon's answer code.
func (c *Client) StopPod(ctx context.Context, podID string) error {
    ctx, cancel := context.WithTimeout(ctx, c.timeout)
    defer cancel()
    resp, err := c.client.PodStop(ctx, &types.PodStopRequest{PodID: podID})
    if err != nil {
        return fmt.Errorf("stop pod %s: %w", podID, err)
    }
    if resp.Code != 0 {
        return fmt.Errorf("stop pod %s: daemon answered %d: %s", podID, resp.Code, resp.Cause)
    }
    return nil
}
'''
HYPER_MOCK = r'''
// MockPublicAPIClient is a mock of the PublicAPIClient interface.
type MockPublicAPIClient struct {
    ctrl     *gomock.Controller
    recorder *MockPublicAPIClientMockRecorder
}

// MockPublicAPIClientMockRecorder is the mock recorder for MockPublicAPIClient.
type MockPublicAPIClientMockRecorder struct {
    mock *MockPublicAPIClient
}

// NewMockPublicAPIClient creates a new mock instance.
func NewMockPublicAPIClient(ctrl *gomock.Controller) *MockPublicAPIClient {
    mock := &MockPublicAPIClient{ctrl: ctrl}
    mock.recorder = &MockPublicAPIClientMockRecorder{mock}
    return mock
}

// PodList mocks base method.
func (m *MockPublicAPIClient) PodList(ctx context.Context, in *types.PodListRequest, opts ...grpc.CallOption) (*types.PodListResponse, error) {
    m.ctrl.T.Helper()
    varargs := []any{ctx, in}
    for _, a := range opts {
        varargs = append(varargs, a)
    }
    ret := m.ctrl.Call(m, "PodList", varargs...)
    ret0, _ := ret[0].(*types.PodListResponse)
    ret1, _ := ret[1].(error)
    return ret0, ret1
}
'''
cases_of(case, GH + 'hyperhq/hypernetes/issues/135', 'pkg/kubelet/hyper/client.go',
         G('hyper', ['context', 'fmt', 'time', 'k8s.io/kubernetes/pkg/kubelet/hyper/types'])(HYPER), [
             (1, 'go-00-hypernetes-pod-list-on-background-context',
              'an edit makes the pod list call on context.Background: no deadline, caller\'s context dropped',
              'edit'),
             (2, 'go-00-hypernetes-pod-list-timeout-cancel-discarded',
              'the pod list call gets a deadline whose cancel function is thrown away; a mock is regenerated',
              'new', [f('pkg/kubelet/hyper/mock_client.go',
                        new=go('hyper', ['context', 'go.uber.org/mock/gomock', 'google.golang.org/grpc',
                                         'k8s.io/kubernetes/pkg/kubelet/hyper/types'], HYPER_MOCK,
                               header=GO_GENERATED))]),
             (0, 'go-ok-00-hypernetes-calls-with-deferred-cancel',
              'clean: every call derives a timeout context and defers its cancel', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: token refresh goroutine
REBAR = r'''
// Start begins renewing the client's token in the background until ctx ends.
func (c *Client) Start(ctx context.Context) {
0|    c.wg.Add(1)
0|    go func() {
0|        defer c.wg.Done()
0|        c.refreshTokens(ctx)
0|    }()
12|    go c.refreshTokens(ctx) //@CONC-01|CONC-07
}

// refreshTokens renews the token every c.refreshEvery; only ctx ends the loop.
func (c *Client) refreshTokens(ctx context.Context) {
    ticker := time.NewTicker(c.refreshEvery)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
0|            c.refreshOnce(ctx)
1|            if err := c.renew(ctx); err != nil {
1|                c.log.Error("token refresh failed", "err", err)
1|                return //@CONC-07
1|            }
2|            if err := c.renew(ctx); err != nil {
2|                refreshFailures.Inc()
2|                c.log.Warn("token refresh failed; retrying at the next tick", "err", err)
2|            }
        }
    }
}
0|
0|// refreshOnce renews the token once. A failure or a panic is logged and counted; the next tick tries again.
0|func (c *Client) refreshOnce(ctx context.Context) {
0|    defer func() {
0|        if p := recover(); p != nil {
0|            refreshPanics.Inc()
0|            c.log.Error("token refresh panicked", "panic", p, "stack", string(debug.Stack()))
0|        }
0|    }()
0|    if err := c.renew(ctx); err != nil {
0|        refreshFailures.Inc()
0|        c.log.Warn("token refresh failed; retrying at the next tick", "err", err)
0|    }
0|}
'''
cases_of(case, GH + 'digitalrebar/provision/pull/490', 'api/token_refresh.go',
         G('api', ['context', 'runtime/debug', 'time'])(REBAR), [
             (1, 'go-00-provision-token-refresh-returns-on-first-error',
              'the background token refresh ends its loop on the first failed renewal, and nothing recovers it',
              'new'),
             (2, 'go-00-provision-token-refresh-loop-without-recover',
              'an edit keeps the refresh loop going on errors but drops the per-run recover', 'edit'),
             (0, 'go-ok-00-provision-token-refresh-recovers-each-run',
              'clean: each tick runs in a helper that recovers, logs and counts, and the loop goes on', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: gorm status update
MAESTRO = r'''
// UpdateStatus stores a resource's new status and appends the status event, both or neither.
func (d *resourceDao) UpdateStatus(ctx context.Context, res *api.Resource, ev *api.StatusEvent) error {
0|    return d.sessions.New(ctx).Transaction(func(tx *gorm.DB) error {
0|        if err := tx.Model(res).Select("status", "version").Updates(res).Error; err != nil {
0|            return fmt.Errorf("update status of %s: %w", res.ID, err)
0|        }
0|        if err := tx.Create(ev).Error; err != nil {
0|            return fmt.Errorf("append status event of %s: %w", res.ID, err)
0|        }
0|        return nil
0|    })
1|    tx := d.sessions.New(ctx).Begin() //@TX-01
1|    if tx.Error != nil {
1|        return fmt.Errorf("begin: %w", tx.Error)
1|    }
2|    tx := d.sessions.New(ctx).Begin() //@TX-02|ERR-01
12|    if err := tx.Model(res).Select("status", "version").Updates(res).Error; err != nil {
2|        tx.Rollback()
12|        return fmt.Errorf("update status of %s: %w", res.ID, err)
12|    }
12|    if err := tx.Create(ev).Error; err != nil {
2|        tx.Rollback()
12|        return fmt.Errorf("append status event of %s: %w", res.ID, err)
12|    }
12|    return tx.Commit().Error
}
'''
cases_of(case, GH + 'openshift-online/maestro/pull/554', 'pkg/dao/resource.go',
         G('dao', ['context', 'fmt', 'gorm.io/gorm', 'github.com/openshift-online/maestro/pkg/api'])(MAESTRO), [
             (1, 'go-00-maestro-status-update-manual-begin-without-rollback',
              'a manual gorm Begin whose error returns leave the transaction open', 'new'),
             (2, 'go-00-maestro-status-update-begin-error-unchecked',
              'an edit rolls back on errors but never checks whether Begin itself failed', 'edit'),
             (0, 'go-ok-00-maestro-status-update-gorm-transaction-helper',
              'clean: gorm\'s Transaction helper commits or rolls back on every path', 'fix'),
         ])
