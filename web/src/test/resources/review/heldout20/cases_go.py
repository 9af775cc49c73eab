"""Round-20 Go cases, written for this corpus from the checklist items (see SOURCES.md). Each template is written once
and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant, GO_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


# ---------------------------------------------------------------- TX-01 / TX-02: room state writer (dendrite)
DENDRITE = r'''
// membershipWriter stores membership changes for the roomserver in one transaction per event batch.
type membershipWriter struct {
    db       *sql.DB
    upsert   *sql.Stmt
    forget   *sql.Stmt
    maxBatch int
}

// StoreMemberships writes every change of the batch, or none of them.
func (w *membershipWriter) StoreMemberships(ctx context.Context, roomNID int64, changes []MembershipChange) error {
    if len(changes) > w.maxBatch {
        return fmt.Errorf("batch of %d membership changes is above the limit of %d", len(changes), w.maxBatch)
    }
    txn, err := w.db.BeginTx(ctx, nil) //@{1}TX-01
    if err != nil {
02|        return fmt.Errorf("begin membership txn: %w", err)
1|        return fmt.Errorf("begin membership transaction for room %d: %w", roomNID, err)
    }
0|    defer txn.Rollback() // a no-op once Commit has succeeded
2|    defer txn.Rollback() // a no-op once Commit has succeeded
    for _, change := range changes {
        stmt := w.upsert
        if change.Forget {
            stmt = w.forget
        }
        if _, err := txn.StmtContext(ctx, stmt).ExecContext(ctx, roomNID, change.UserNID, change.Membership, change.EventNID); err != nil {
            return fmt.Errorf("store membership of user %d in room %d: %w", change.UserNID, roomNID, err)
        }
    }
02|    return txn.Commit()
1|    return txn.Commit()
2|    txn.Commit() //@TX-02
2|    return nil
}
'''
cases_of(case, GH + 'element-hq/dendrite/issues/1417', 'roomserver/storage/membership_writer.go',
         G('storage', ['context', 'database/sql', 'fmt'])(DENDRITE), [
             (1, 'go-00-dendrite-membership-batch-returns-without-rollback',
              'an edit drops the deferred rollback, so a failed exec in the batch leaves the transaction open', 'edit'),
             (2, 'go-00-dendrite-membership-batch-ignores-commit-result',
              'the commit result is dropped and the batch reports success even when the commit failed', 'edit'),
             (0, 'go-ok-00-dendrite-membership-batch-deferred-rollback',
              'clean: rollback deferred right after Begin, commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-02: generic transaction helper (bond)
BOND = r'''
// Tx runs fn inside one transaction of the session and returns what fn returns. The transaction is committed when fn
// succeeds and rolled back otherwise; the caller sees fn's error, never a successful rollback in its place.
func Tx[T any](ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(*sql.Tx) (T, error)) (T, error) {
    var zero T
0|    tx, err := db.BeginTx(ctx, opts)
0|    if err != nil {
0|        return zero, fmt.Errorf("begin: %w", err)
0|    }
1|    tx, err := db.BeginTx(ctx, opts)
1|    if err != nil {
1|        return zero, fmt.Errorf("begin: %w", err)
1|    }
2|    tx, _ := db.BeginTx(ctx, opts) //@TX-02
    out, err := fn(tx)
    if err != nil {
0|        if rbErr := tx.Rollback(); rbErr != nil {
0|            return zero, errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
0|        }
0|        return zero, err
1|        return zero, tx.Rollback() //@ERR-01
2|        if rbErr := tx.Rollback(); rbErr != nil {
2|            return zero, errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
2|        }
2|        return zero, err
    }
    if err := tx.Commit(); err != nil {
        return zero, fmt.Errorf("commit: %w", err)
    }
    return out, nil
}
'''
BOND_TEST = r'''package bond

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	_ "modernc.org/sqlite"
)

func TestTxReturnsTheCallbacksError(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	boom := errors.New("boom")
	_, err = Tx(context.Background(), db, nil, func(*sql.Tx) (int, error) { return 0, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Tx returned %v, want the callback's error", err)
	}
}
'''
cases_of(case, GH + 'upper/bond/pull/31', 'bond/tx.go',
         G('bond', ['context', 'database/sql', 'errors', 'fmt'])(BOND), [
             (1, 'go-00-bond-generic-tx-returns-rollback-result-instead-of-error',
              'an edit returns the rollback result, so a failed callback reads as success when the rollback works',
              'edit', [f('bond/tx_test.go', new=BOND_TEST)]),
             (2, 'go-00-bond-generic-tx-discards-begin-error',
              'the generic helper discards the error of BeginTx and runs the callback on a nil transaction', 'new'),
             (0, 'go-ok-00-bond-generic-tx-joins-rollback-error',
              'clean: the callback error is returned, joined with a rollback failure, and the helper has a test',
              'fix', [f('bond/tx_test.go', new=BOND_TEST)]),
         ])


# ---------------------------------------------------------------- RES-04: pool per transaction (upper/db)
UPPERDB = r'''
// Store keeps collections in PostgreSQL through one pgx pool.
type Store struct {
0|    pool *pgxpool.Pool
    dsn  string
}

0|// Open connects the pool once; Close releases it on shutdown.
0|func Open(ctx context.Context, dsn string) (*Store, error) {
0|    pool, err := pgxpool.New(ctx, dsn)
0|    if err != nil {
0|        return nil, fmt.Errorf("connect %s: %w", redact(dsn), err)
0|    }
0|    return &Store{pool: pool, dsn: dsn}, nil
0|}
0|
0|func (s *Store) Close() { s.pool.Close() }
12|func Open(dsn string) *Store { return &Store{dsn: dsn} }

// WithTx runs fn in a transaction and commits it when fn returns nil.
func (s *Store) WithTx(ctx context.Context, fn func(pgx.Tx) error) error {
1|    pool, err := pgxpool.New(ctx, s.dsn) //@RES-04
1|    if err != nil {
1|        return fmt.Errorf("connect %s: %w", redact(s.dsn), err)
1|    }
1|    tx, err := pool.Begin(ctx)
2|    conn, err := pgx.Connect(ctx, s.dsn) //@RES-01|RES-04
2|    if err != nil {
2|        return fmt.Errorf("connect %s: %w", redact(s.dsn), err)
2|    }
2|    tx, err := conn.Begin(ctx)
0|    tx, err := s.pool.Begin(ctx)
    if err != nil {
        return fmt.Errorf("begin: %w", err)
    }
    defer tx.Rollback(ctx) // ErrTxClosed after a successful commit, nothing else
    if err := fn(tx); err != nil {
        return err
    }
    return tx.Commit(ctx)
}
'''
cases_of(case, GH + 'upper/db/issues/219', 'postgresql/store.go',
         G('postgresql', ['context', 'fmt', '', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v5/pgxpool'])(UPPERDB), [
             (1, 'go-00-upperdb-with-tx-opens-pgx-pool-per-transaction',
              'every transaction builds a new pgxpool from the DSN and never closes it', 'new',
              [f('go.mod', new=gomod('github.com/upper/db/v4', ['github.com/jackc/pgx/v5 v5.6.0']))]),
             (2, 'go-00-upperdb-with-tx-dials-connection-per-transaction',
              'an edit replaces the shared pool with a pgx.Connect per transaction that is never closed', 'edit'),
             (0, 'go-ok-00-upperdb-store-opens-pool-once',
              'clean: the pool is opened once by Open and closed by Close; transactions borrow from it', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: rows closed by hand (deco)
DECO = r'''
// connectionSummary lists the open connections of every database the operator asked about.
func connectionSummary(ctx context.Context, db *sql.DB, databases []string) (map[string][]Conn, error) {
    out := make(map[string][]Conn, len(databases))
    for _, name := range databases {
0|        conns, err := connectionsOf(ctx, db, name)
0|        if err != nil {
0|            return nil, err
0|        }
0|        out[name] = conns
1|        connRows, err := db.QueryContext(ctx, connQuery, name) //@RES-01
1|        if err != nil {
1|            return nil, fmt.Errorf("connections of %s: %w", name, err)
1|        }
1|        for connRows.Next() {
1|            var c Conn
1|            if err := connRows.Scan(&c.PID, &c.User, &c.State, &c.Since); err != nil {
1|                return nil, fmt.Errorf("scan connection of %s: %w", name, err)
1|            }
1|            out[name] = append(out[name], c)
1|        }
1|        connRows.Close()
2|        connRows, err := db.QueryContext(ctx, connQuery, name)
2|        if err != nil {
2|            return nil, fmt.Errorf("connections of %s: %w", name, err)
2|        }
2|        defer connRows.Close() //@RES-03
2|        for connRows.Next() {
2|            var c Conn
2|            if err := connRows.Scan(&c.PID, &c.User, &c.State, &c.Since); err != nil {
2|                return nil, fmt.Errorf("scan connection of %s: %w", name, err)
2|            }
2|            out[name] = append(out[name], c)
2|        }
    }
    return out, nil
}
0|
0|// connectionsOf reads one database's connections; the rows are closed when it returns.
0|func connectionsOf(ctx context.Context, db *sql.DB, name string) ([]Conn, error) {
0|    rows, err := db.QueryContext(ctx, connQuery, name)
0|    if err != nil {
0|        return nil, fmt.Errorf("connections of %s: %w", name, err)
0|    }
0|    defer rows.Close()
0|    var conns []Conn
0|    for rows.Next() {
0|        var c Conn
0|        if err := rows.Scan(&c.PID, &c.User, &c.State, &c.Since); err != nil {
0|            return nil, fmt.Errorf("scan connection of %s: %w", name, err)
0|        }
0|        conns = append(conns, c)
0|    }
0|    return conns, rows.Err()
0|}
'''
cases_of(case, GH + 'jvreagan/deco/issues/227', 'internal/pgadmin/connections.go',
         G('pgadmin', ['context', 'database/sql', 'fmt'])(DECO), [
             (1, 'go-00-deco-connection-summary-closes-rows-by-hand',
              'an edit inlines the helper and closes the rows by hand after the loop, so a scan error returns with them open', 'edit'),
             (2, 'go-00-deco-connection-summary-defers-close-per-database',
              'the close is deferred inside the loop over databases, so every result set stays open to the end', 'new'),
             (0, 'go-ok-00-deco-connection-summary-helper-per-database',
              'clean: one helper per database defers the close right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: exchange rate sources (cryptopower)
CRYPTOPOWER = r'''
// rateSources tracks which exchange APIs are active and refreshes their rates in the background.
type rateSources struct {
0|    mu     sync.Mutex
    active map[string]RateAPI
    log    *slog.Logger
}

// Enable turns on one exchange API; it is called from the settings page while refreshes run.
func (s *rateSources) Enable(name string, api RateAPI) {
0|    s.mu.Lock()
0|    defer s.mu.Unlock()
    s.active[name] = api //@{1}CONC-03
}

// Disable turns an exchange API off.
func (s *rateSources) Disable(name string) {
0|    s.mu.Lock()
0|    defer s.mu.Unlock()
    delete(s.active, name) //@{1}CONC-03
}

// Start refreshes every active source once per interval until ctx ends.
func (s *rateSources) Start(ctx context.Context, every time.Duration) {
01|    utils.GoRecover(s.log, "rate-refresh", func() { s.loop(ctx, every) })
2|    go s.loop(ctx, every) //@CONC-01
}

func (s *rateSources) loop(ctx context.Context, every time.Duration) {
    t := time.NewTicker(every)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            for name, api := range s.snapshot() {
                if err := api.Refresh(ctx); err != nil {
                    s.log.Warn("rate refresh failed", "source", name, "err", err)
                }
            }
        }
    }
}

func (s *rateSources) snapshot() map[string]RateAPI {
0|    s.mu.Lock()
0|    defer s.mu.Unlock()
    return maps.Clone(s.active)
}
'''
CRYPTOPOWER_GO = r'''
// GoRecover runs fn on a new goroutine; a panic is logged with its stack instead of ending the wallet.
func GoRecover(log *slog.Logger, name string, fn func()) {
    go func() {
        defer func() {
            if p := recover(); p != nil {
                log.Error("goroutine panicked", "name", name, "panic", p, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
'''
cases_of(case, GH + 'crypto-power/cryptopower/pull/133', 'libwallet/ext/rate_sources.go',
         G('ext', ['context', 'log/slog', 'maps', 'sync', 'time', '',
                   'github.com/crypto-power/cryptopower/libwallet/utils'])(CRYPTOPOWER), [
             (1, 'go-00-cryptopower-rate-sources-map-written-without-lock',
              'an edit removes the mutex: settings writes race the refresh loop on a plain map', 'edit'),
             (2, 'go-00-cryptopower-rate-refresh-started-bare',
              'the refresh loop is started with a bare go statement instead of the recovering helper', 'edit'),
             (0, 'go-ok-00-cryptopower-rate-sources-locked-and-recovered',
              'clean: the map is guarded by a mutex and the loop starts through a recovering helper in a second file',
              'new', [f('libwallet/utils/gorecover.go',
                        new=go('utils', ['log/slog', 'runtime/debug'], CRYPTOPOWER_GO))]),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: RCON clients (Refractor)
REFRACTOR = r'''
// RCONService keeps one RCON client per game server and lists the players on each.
type RCONService struct {
    mu      sync.RWMutex
    clients map[int64]*rcon.Conn
    dialTTL time.Duration
}

// Connect opens the RCON connection of a server and registers it.
func (s *RCONService) Connect(srv Server) error {
0|    conn, err := rcon.Dial(srv.Address, srv.Password, rcon.SetDialTimeout(s.dialTTL), rcon.SetDeadline(s.dialTTL))
1|    conn, err := rcon.Dial(srv.Address, srv.Password, rcon.SetDialTimeout(s.dialTTL), rcon.SetDeadline(s.dialTTL))
2|    conn, err := rcon.Dial(srv.Address, srv.Password) //@TMO-01
    if err != nil {
        return fmt.Errorf("rcon dial %s: %w", srv.Address, err)
    }
    s.mu.Lock()
    s.clients[srv.ID] = conn
    s.mu.Unlock()
    return nil
}

// Disconnect closes and forgets the RCON connection of a server, if there is one.
func (s *RCONService) Disconnect(id int64) error {
0|    s.mu.Lock()
0|    conn, ok := s.clients[id]
0|    delete(s.clients, id)
0|    s.mu.Unlock()
1|    s.mu.RLock()
1|    conn, ok := s.clients[id]
1|    s.mu.RUnlock()
1|    delete(s.clients, id) //@CONC-03
2|    s.mu.Lock()
2|    conn, ok := s.clients[id]
2|    delete(s.clients, id)
2|    s.mu.Unlock()
    if !ok {
        return nil
    }
    return conn.Close()
}
'''
cases_of(case, GH + 'RefractorGSCM/Refractor/issues/38', 'internal/rcon/service.go',
         G('rcon', ['fmt', 'sync', 'time', '', 'github.com/gorcon/rcon'])(REFRACTOR), [
             (1, 'go-00-refractor-rcon-disconnect-deletes-under-read-lock-only',
              'an edit reads under the read lock and deletes from the map after releasing it', 'edit'),
             (2, 'go-00-refractor-rcon-dial-without-deadlines',
              'an edit drops the dial timeout and deadline options of the RCON connection', 'edit'),
             (0, 'go-ok-00-refractor-rcon-locked-delete-and-dial-timeouts',
              'clean: lookup and delete under the write lock, the dial carries its timeout and deadline', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: editor RPC (goneovim)
GONEOVIM = r'''
// completionHandler answers the UI's completion requests by asking the language server.
type completionHandler struct {
    lsp     *jsonrpc2.Conn
    timeout time.Duration
    log     *slog.Logger
}

func (h *completionHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    var params CompletionParams
    if err := json.NewDecoder(r.Body).Decode(&params); err != nil {
        http.Error(w, "bad completion request", http.StatusBadRequest)
        return
    }
0|    ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
0|    defer cancel()
1|    ctx, cancel := context.WithTimeout(context.Background(), h.timeout) //@TMO-02
1|    defer cancel()
2|    ctx, _ := context.WithTimeout(r.Context(), h.timeout) //@TMO-03
    var items []CompletionItem
    if err := h.lsp.Call(ctx, "textDocument/completion", params, &items); err != nil {
        h.log.WarnContext(r.Context(), "completion failed", "uri", params.TextDocument.URI, "err", err)
        http.Error(w, "completion failed", http.StatusBadGateway)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    _ = json.NewEncoder(w).Encode(items) // the client may have gone; nothing left to tell it
}
'''
cases_of(case, GH + 'akiyosi/goneovim/pull/370', 'editor/completion.go',
         G('editor', ['context', 'encoding/json', 'log/slog', 'net/http', 'time', '',
                      'github.com/sourcegraph/jsonrpc2'])(GONEOVIM), [
             (1, 'go-00-goneovim-completion-timeout-from-background',
              'an edit derives the completion deadline from context.Background, dropping the request context', 'edit'),
             (2, 'go-00-goneovim-completion-timeout-cancel-discarded',
              'an edit keeps the request context but throws the cancel function away', 'edit'),
             (0, 'go-ok-00-goneovim-completion-timeout-from-request',
              'clean: the timeout derives from the request context and is cancelled on return', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: task scheduler (semaphore)
SEMAPHORE = r'''
// Pool runs submitted jobs on at most size goroutines; Schedule blocks while all of them are busy.
type Pool struct {
    sem  chan struct{}
    work chan func(context.Context) error
    log  *slog.Logger
}

func New(size int, log *slog.Logger) *Pool {
    return &Pool{sem: make(chan struct{}, size), work: make(chan func(context.Context) error), log: log}
}

// Schedule hands job to an idle worker or starts one while fewer than size are running.
func (p *Pool) Schedule(ctx context.Context, job func(context.Context) error) error {
0|    select {
0|    case p.work <- job:
0|        return nil
0|    case p.sem <- struct{}{}:
0|        go p.worker(ctx, job)
0|        return nil
0|    case <-ctx.Done():
0|        return ctx.Err()
0|    }
1|    go p.run(ctx, job) //@CONC-02
1|    return nil
2|    select {
2|    case p.work <- job:
2|        return nil
2|    case p.sem <- struct{}{}:
2|        go p.worker(ctx, job)
2|        return nil
2|    case <-ctx.Done():
2|        return ctx.Err()
2|    }
}

02|func (p *Pool) worker(ctx context.Context, job func(context.Context) error) {
02|    defer func() { <-p.sem }()
02|    for {
02|        p.run(ctx, job)
02|        select {
02|        case job = <-p.work:
02|        case <-ctx.Done():
02|            return
02|        }
02|    }
02|}

// run executes one job; a failure or a panic is logged and counted, never lost.
func (p *Pool) run(ctx context.Context, job func(context.Context) error) {
    defer func() {
        if r := recover(); r != nil {
            jobPanics.Inc()
            p.log.Error("job panicked", "panic", r)
        }
    }()
    if err := job(ctx); err != nil {
        jobFailures.Inc()
        p.log.Warn("job failed", "err", err)
    }
}

// RunAll runs every job through a bounded errgroup and returns the first failure.
func RunAll(ctx context.Context, limit int, jobs []func(context.Context) error) error {
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(limit)
    for _, job := range jobs {
        g.Go(func() error { return job(ctx) })
    }
02|    return g.Wait()
1|    return g.Wait()
2|    g.Wait() //@CONC-06
2|    return nil
}
'''
cases_of(case, GH + 'kamilsk/semaphore/issues/88', 'pool/pool.go',
         G('pool', ['context', 'log/slog', '', 'golang.org/x/sync/errgroup'])(SEMAPHORE), [
             (1, 'go-00-semaphore-schedule-spawns-goroutine-per-job',
              'an edit replaces the semaphore-bounded hand-off by one goroutine per scheduled job', 'edit'),
             (2, 'go-00-semaphore-run-all-discards-wait-error',
              'an edit drops the error of the bounded errgroup and reports success', 'edit'),
             (0, 'go-ok-00-semaphore-bounded-workers-and-wait-returned',
              'clean: jobs go to at most size workers, each run recovers and logs, and Wait is returned', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: datapoint sink (signalfx golib)
GOLIB = r'''
// forwardBatch sends a batch of datapoints to the ingest endpoint, dropping those the endpoint cannot take.
func (f *forwarder) forwardBatch(ctx context.Context, points []*datapoint.Datapoint) error {
    accepted := points[:0]
    dropped := 0
    for _, dp := range points {
        if dp.Metric == "" || len(dp.Dimensions) > f.maxDimensions {
            dropped++
1|            f.logger.Warn("dropping datapoint", zap.Any("datapoint", dp)) //@LOG-01
0|            f.droppedLog.Do(func() {
0|                f.logger.Warn("dropping datapoint", zap.String("metric", dp.Metric), zap.Int("dimensions", len(dp.Dimensions)))
0|            })
2|            f.droppedLog.Do(func() {
2|                f.logger.Warn("dropping datapoint", zap.String("metric", dp.Metric), zap.Int("dimensions", len(dp.Dimensions)))
2|            })
            continue
        }
2|        f.logger.Debug(fmt.Sprintf("forwarding %s %v", dp.Metric, dp.Dimensions)) //@LOG-02|LOG-01
        accepted = append(accepted, dp)
    }
    if dropped > 0 {
        f.droppedTotal.Add(int64(dropped))
        f.logger.Info("batch forwarded with drops", zap.Int("size", len(points)), zap.Int("dropped", dropped))
    }
    return f.sink.AddDatapoints(ctx, accepted)
}
'''
cases_of(case, GH + 'signalfx/golib/pull/165', 'sfxclient/forward.go',
         G('sfxclient', ['context', 'fmt', '', 'github.com/signalfx/golib/v3/datapoint', 'go.uber.org/zap'])(GOLIB), [
             (1, 'go-00-golib-forward-warns-per-dropped-datapoint',
              'an edit logs every dropped datapoint, whole, instead of the sampled line', 'edit'),
             (2, 'go-00-golib-forward-debug-formats-every-datapoint',
              'an edit adds a debug line formatted with Sprintf for every forwarded datapoint', 'edit'),
             (0, 'go-ok-00-golib-forward-samples-drops-and-summarises',
              'clean: drops are counted, the warning is sampled, one summary line per batch', 'new'),
         ])


# ---------------------------------------------------------------- RES-02: robots.txt and gzip responses (colly)
COLLY = r'''
// checkRobots fetches and caches the robots.txt of u's host before the first request to it.
func (c *Collector) checkRobots(u *url.URL) error {
    c.lock.RLock()
    robot, ok := c.robotsMap[u.Host]
    c.lock.RUnlock()
    if !ok {
        resp, err := c.backend.Client.Get(u.Scheme + "://" + u.Host + "/robots.txt") //@{1}RES-02
        if err != nil {
02|            return err
1|            return fmt.Errorf("fetch robots.txt of %s: %w", u.Host, err)
        }
0|        defer resp.Body.Close()
2|        defer resp.Body.Close()
        robot, err = robotstxt.FromResponse(resp)
        if err != nil {
            return err
        }
        c.lock.Lock()
        c.robotsMap[u.Host] = robot
        c.lock.Unlock()
    }
    if !robot.TestAgent(u.EscapedPath(), c.UserAgent) {
        return ErrRobotsTxtBlocked
    }
    return nil
}

// Do performs one request and reads at most bodySize bytes of its (possibly gzipped) body.
func (h *httpBackend) Do(request *http.Request, bodySize int) (*Response, error) {
    res, err := h.Client.Do(request) //@{2}RES-02
    if err != nil {
01|        return nil, err
2|        return nil, fmt.Errorf("request %s: %w", request.URL, err)
    }
02|    defer res.Body.Close()
1|    defer res.Body.Close()
    var bodyReader io.Reader = res.Body
    if bodySize > 0 {
        bodyReader = io.LimitReader(bodyReader, int64(bodySize))
    }
    if !res.Uncompressed && res.Header.Get("Content-Encoding") == "gzip" {
        gz, err := gzip.NewReader(bodyReader)
        if err != nil {
            return nil, fmt.Errorf("gzip body of %s: %w", request.URL, err)
        }
        defer gz.Close()
        bodyReader = gz
    }
2|    defer res.Body.Close()
    body, err := io.ReadAll(bodyReader)
    if err != nil {
        return nil, err
    }
    return &Response{StatusCode: res.StatusCode, Body: body, Headers: &res.Header}, nil
}
'''
cases_of(case, GH + 'gocolly/colly/issues/321', 'http_backend.go',
         G('colly', ['compress/gzip', 'fmt', 'io', 'net/http', 'net/url', '',
                     'github.com/temoto/robotstxt'])(COLLY), [
             (1, 'go-00-colly-check-robots-never-closes-response',
              'an edit drops the close of the robots.txt response, on success and on a parse error', 'edit'),
             (2, 'go-00-colly-do-defers-close-after-gzip-check',
              'an edit moves the deferred close below the gzip branch, whose error return leaves the body open',
              'edit'),
             (0, 'go-ok-00-colly-responses-closed-right-after-error-check',
              'clean: both responses are closed by a defer right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: request helpers (grequests)
GREQUESTS = r'''
// defaultClient is shared by every request that does not bring its own; its transport pools connections per host.
0|var defaultClient = &http.Client{
0|    Timeout: 30 * time.Second,
0|    Transport: &http.Transport{
0|        Proxy:                 http.ProxyFromEnvironment,
0|        DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
0|        TLSHandshakeTimeout:   5 * time.Second,
0|        ResponseHeaderTimeout: 10 * time.Second,
0|        MaxIdleConnsPerHost:   16,
0|    },
0|}
2|var defaultClient = &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}} //@TMO-01

// Get issues a GET with the options' headers and query.
func Get(ctx context.Context, url string, ro *RequestOptions) (*Response, error) {
    return doRequest(ctx, http.MethodGet, url, ro)
}

func doRequest(ctx context.Context, method, url string, ro *RequestOptions) (*Response, error) {
    req, err := buildRequest(ctx, method, url, ro)
    if err != nil {
        return nil, err
    }
02|    client := defaultClient
02|    if ro != nil && ro.HTTPClient != nil {
02|        client = ro.HTTPClient
02|    }
1|    client := buildHTTPClient(ro) //@RES-04
    resp, err := client.Do(req)
    if err != nil {
        return nil, err
    }
    return buildResponse(resp), nil
}
1|
1|// buildHTTPClient makes the client and transport for one request from its options.
1|func buildHTTPClient(ro *RequestOptions) *http.Client {
1|    if ro != nil && ro.HTTPClient != nil {
1|        return ro.HTTPClient
1|    }
1|    return &http.Client{
1|        Timeout: 30 * time.Second,
1|        Transport: &http.Transport{
1|            Proxy:               http.ProxyFromEnvironment,
1|            DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
1|            TLSHandshakeTimeout: 5 * time.Second,
1|        },
1|    }
1|}
'''
cases_of(case, GH + 'levigross/grequests/issues/103', 'request.go',
         G('grequests', ['context', 'net', 'net/http', 'time'])(GREQUESTS), [
             (1, 'go-00-grequests-builds-transport-per-request',
              'a helper builds a new client and transport for every request, so no connection is ever reused', 'new'),
             (2, 'go-00-grequests-shared-client-without-timeouts',
              'an edit shares one client but drops its overall, dial, handshake and header timeouts', 'edit'),
             (0, 'go-ok-00-grequests-one-shared-client-with-timeouts',
              'clean: one package client with timeouts, replaced only by a caller-supplied client', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-05: BMC scrape queue (bmc_exporter)
BMC = r'''
// ServeHTTP queues one scrape of the target and writes the metrics it produced.
func (t *Target) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    req := scrapeRequest{done: make(chan prometheus.Gatherer, 1)}
0|    select {
0|    case t.scrapes <- req:
0|    case <-r.Context().Done():
0|        http.Error(w, "scrape abandoned", http.StatusServiceUnavailable)
0|        return
0|    }
1|    t.scrapes <- req //@TMO-02
2|    select {
2|    case t.scrapes <- req:
2|    case <-r.Context().Done():
2|        http.Error(w, "scrape abandoned", http.StatusServiceUnavailable)
2|        return
2|    }
    select {
    case g := <-req.done:
        promhttp.HandlerFor(g, promhttp.HandlerOpts{}).ServeHTTP(w, r)
    case <-r.Context().Done():
        http.Error(w, "scrape abandoned", http.StatusServiceUnavailable)
    }
}

// serve answers queued scrapes one at a time; a failed session is retried after a pause.
func (t *Target) serve(ctx context.Context) {
    for {
        select {
        case <-ctx.Done():
            return
        case req := <-t.scrapes:
            g, err := t.collect(ctx)
            if err != nil {
                t.log.Warn("bmc session failed", "addr", t.addr, "err", err)
0|                select {
0|                case <-time.After(t.retryPause):
0|                case <-ctx.Done():
0|                    return
0|                }
1|                select {
1|                case <-time.After(t.retryPause):
1|                case <-ctx.Done():
1|                    return
1|                }
2|                time.Sleep(t.retryPause) //@CONC-05
            }
            req.done <- g
        }
    }
}
'''
cases_of(case, GH + 'gebn/bmc_exporter/issues/34', 'bmc/target.go',
         G('bmc', ['context', 'net/http', 'time', '', 'github.com/prometheus/client_golang/prometheus',
                   'github.com/prometheus/client_golang/prometheus/promhttp'])(BMC), [
             (1, 'go-00-bmc-exporter-queues-scrape-without-request-context',
              'an edit sends the scrape to the target queue without selecting on the request context', 'edit'),
             (2, 'go-00-bmc-exporter-retry-pause-ignores-cancellation',
              'an edit pauses between failed sessions with time.Sleep, deaf to cancellation', 'edit'),
             (0, 'go-ok-00-bmc-exporter-queue-and-pause-honour-context',
              'clean: both the queueing and the retry pause select on the context', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: switch login (gs1200-exporter)
GS1200 = r'''
// login posts the switch password and keeps the session cookie for later scrapes.
func (c *Client) login(ctx context.Context) error {
    form := url.Values{"password": {c.encodedPassword()}}
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/login.cgi", strings.NewReader(form.Encode()))
    if err != nil {
        return err
    }
    req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
    resp, err := c.http.Do(req) //@{1}RES-02
    if err != nil {
02|        return fmt.Errorf("login to %s: %w", c.base, err)
1|        return fmt.Errorf("post login form to %s: %w", c.base, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("login to %s: %s", c.base, resp.Status)
    }
02|    body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
02|    if err != nil {
02|        return fmt.Errorf("read login answer: %w", err)
02|    }
1|    body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
1|    resp.Body.Close()
1|    if err != nil {
1|        return fmt.Errorf("read login answer: %w", err)
1|    }
    if bytes.Contains(body, []byte("Invalid password")) {
        return errLoginRejected
    }
    return nil
}

// scrape reads the port counters page and parses it.
func (c *Client) scrape(ctx context.Context) (PortStats, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/port_state_data.js", nil)
    if err != nil {
        return PortStats{}, err
    }
    resp, err := c.http.Do(req)
    if err != nil {
        return PortStats{}, fmt.Errorf("scrape %s: %w", c.base, err)
    }
    defer resp.Body.Close()
01|    body, err := io.ReadAll(resp.Body)
01|    if err != nil {
01|        return PortStats{}, fmt.Errorf("read port data: %w", err)
01|    }
2|    body, _ := io.ReadAll(resp.Body) //@ERR-01
    return parsePortStats(body)
}
'''
cases_of(case, GH + 'robinelfrink/gs1200-exporter/pull/6', 'gs1200/client.go',
         G('gs1200', ['bytes', 'context', 'fmt', 'io', 'net/http', 'net/url', 'strings'])(GS1200), [
             (1, 'go-00-gs1200-login-closes-body-only-after-status-check',
              'an edit closes the login body by hand after reading, so the non-200 return leaves it open', 'edit'),
             (2, 'go-00-gs1200-scrape-discards-read-error',
              'an edit discards the read error of the port page and parses whatever arrived', 'edit'),
             (0, 'go-ok-00-gs1200-bodies-deferred-and-read-errors-returned',
              'clean: both bodies closed by defer after the error check, read errors returned', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / TMO-03: registry dial (nsm sdk)
NSM = r'''
// DialRegistry connects to the registry server, waiting for the connection at most dialTimeout.
func DialRegistry(ctx context.Context, target string, dialTimeout time.Duration, opts ...grpc.DialOption) (*grpc.ClientConn, error) {
0|    dialCtx, cancel := context.WithTimeout(ctx, dialTimeout)
0|    defer cancel()
0|    cc, err := grpc.DialContext(dialCtx, target, append(opts, grpc.WithBlock())...)
1|    cc, err := grpc.DialContext(context.Background(), target, append(opts, grpc.WithBlock())...) //@TMO-01|TMO-02
2|    dialCtx, _ := context.WithTimeout(ctx, dialTimeout) //@TMO-03
2|    cc, err := grpc.DialContext(dialCtx, target, append(opts, grpc.WithBlock())...)
    if err != nil {
        return nil, fmt.Errorf("dial registry %s: %w", target, err)
    }
    return cc, nil
}

// Register announces the endpoint, bounded by the caller's context.
func Register(ctx context.Context, cc *grpc.ClientConn, ep *registry.NetworkServiceEndpoint) (*registry.NetworkServiceEndpoint, error) {
    return registry.NewNetworkServiceEndpointRegistryClient(cc).Register(ctx, ep)
}
'''
NSM_TEST = r'''package grpcutils

import (
	"context"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func TestDialRegistryGivesUpAfterTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close() // accepts nothing: the handshake never completes
	start := time.Now()
	_, err = DialRegistry(context.Background(), l.Addr().String(), 200*time.Millisecond,
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("dial returned %v after %s", err, time.Since(start))
	}
}
'''
cases_of(case, GH + 'networkservicemesh/sdk/pull/446', 'pkg/tools/grpcutils/dial.go',
         G('grpcutils', ['context', 'fmt', 'time', '', 'github.com/networkservicemesh/api/pkg/api/registry',
                         'google.golang.org/grpc'])(NSM), [
             (1, 'go-00-nsm-dial-registry-blocks-without-deadline',
              'an edit dials with WithBlock on a background context: a silent registry blocks the caller forever',
              'edit'),
             (2, 'go-00-nsm-dial-registry-drops-timeout-cancel',
              'an edit keeps the dial timeout but discards its cancel function', 'edit'),
             (0, 'go-ok-00-nsm-dial-registry-bounded-with-test',
              'clean: the blocking dial is bounded by a derived timeout that is cancelled, with a test beside it',
              'new', [f('pkg/tools/grpcutils/dial_test.go', new=NSM_TEST)]),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: kafka subscription (asyncapi-codegen)
ASYNCAPI = r'''
// Subscribe starts delivering the messages of channel to sub until ctx ends or the subscription is cancelled.
func (c *Controller) Subscribe(ctx context.Context, channel string) (extensions.BrokerChannelSubscription, error) {
    reader := kafka.NewReader(kafka.ReaderConfig{Brokers: c.hosts, Topic: channel, GroupID: c.groupID, MaxWait: c.maxWait})
    sub := extensions.NewBrokerChannelSubscription(make(chan extensions.AcknowledgeableBrokerMessage, c.queueSize), make(chan any, 1))
0|    c.goRecover(channel, func() { c.consume(ctx, reader, sub) })
1|    c.goRecover(channel, func() { c.consume(ctx, reader, sub) })
2|    go c.consume(ctx, reader, sub) //@CONC-01
    sub.WaitForCancellationAsync(func() { _ = reader.Close() }) // closing on cancel: the consume loop sees io.EOF
    return sub, nil
}

// consume reads messages until the reader is closed or ctx ends; a transient error is logged and reading goes on.
func (c *Controller) consume(ctx context.Context, reader *kafka.Reader, sub extensions.BrokerChannelSubscription) {
    for {
        msg, err := reader.FetchMessage(ctx)
        if err != nil {
            if ctx.Err() != nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) {
                return
            }
            c.logger.Warning(ctx, "kafka fetch failed", extensions.LogInfo{Key: "error", Value: err.Error()})
02|            c.backoff(ctx)
02|            continue
1|            return //@CONC-07
        }
        sub.TransmitReceivedMessage(c.toBrokerMessage(ctx, reader, msg))
    }
}
'''
cases_of(case, GH + 'lerenn/asyncapi-codegen/issues/285', 'pkg/extensions/brokers/kafka/consumer.go',
         G('kafka', ['context', 'errors', 'io', '', 'github.com/lerenn/asyncapi-codegen/pkg/extensions',
                     'github.com/segmentio/kafka-go'])(ASYNCAPI), [
             (1, 'go-00-asyncapi-kafka-consumer-ends-on-transient-fetch-error',
              'an edit ends the consume loop on the first transient fetch error; the subscription stays open but dead',
              'edit'),
             (2, 'go-00-asyncapi-kafka-consumer-started-bare',
              'an edit starts the consume loop with a bare go statement instead of the recovering launcher', 'edit'),
             (0, 'go-ok-00-asyncapi-kafka-consumer-keeps-reading-after-transient-error',
              'clean: terminal errors end the loop, transient ones back off and continue; started through goRecover',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: realtime block feed (xlayer-erigon)
XLAYER = r'''
// runFeed polls the realtime topic and applies each block update until ctx ends.
func (f *RealtimeFeed) runFeed(ctx context.Context) {
    defer f.wg.Done()
    for {
        fetches := f.client.PollFetches(ctx)
        if fetches.IsClientClosed() || ctx.Err() != nil {
            return
        }
        if fetches.Empty() {
2|            log.Warn("[realtime] no block updates in this poll", "topic", f.topic) //@LOG-01
            continue
        }
        fetches.EachError(func(topic string, partition int32, err error) {
            f.fetchErrors.Inc()
0|            f.errLog.Do(func() { log.Warn("[realtime] fetch error", "topic", topic, "partition", partition, "err", err) })
2|            f.errLog.Do(func() { log.Warn("[realtime] fetch error", "topic", topic, "partition", partition, "err", err) })
1|            log.Warn("[realtime] fetch error", "topic", topic, "partition", partition, "err", err)
        })
1|        if errs := fetches.Errors(); len(errs) > 0 {
1|            return //@CONC-07
1|        }
        fetches.EachRecord(func(r *kgo.Record) {
            if err := f.apply(ctx, r.Value); err != nil {
                f.applyErrors.Inc()
                f.errLog.Do(func() { log.Warn("[realtime] block update not applied", "offset", r.Offset, "err", err) })
            }
        })
    }
}
'''
cases_of(case, GH + 'okx/xlayer-erigon/pull/647', 'zk/realtime/feed.go',
         G('realtime', ['context', '', 'github.com/ledgerwatch/log/v3', 'github.com/twmb/franz-go/pkg/kgo'])(XLAYER), [
             (1, 'go-00-xlayer-realtime-feed-stops-on-fetch-error',
              'an edit makes any fetch error end the poll loop for good; the feed goroutine exits silently', 'edit'),
             (2, 'go-00-xlayer-realtime-feed-warns-on-every-empty-poll',
              'an edit adds a warning for every empty poll, which an idle topic turns into a flood', 'edit'),
             (0, 'go-ok-00-xlayer-realtime-feed-counts-and-samples-errors',
              'clean: fetch errors are counted and the warning sampled; the loop ends only with the context', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: shard consumers (kinesumer)
KINESUMER = r'''
// consumeShards starts one consumer per shard assigned to this client.
func (k *Kinesumer) consumeShards(ctx context.Context, shards []Shard) {
    for _, shard := range shards {
0|        k.launch(ctx, "shard-"+shard.ID, func(ctx context.Context) { k.consumeShard(ctx, shard) })
1|        go k.consumeShard(ctx, shard) //@CONC-01
2|        k.launch(ctx, "shard-"+shard.ID, func(ctx context.Context) { k.consumeShard(ctx, shard) })
    }
}

// consumeShard reads one shard until ctx ends, checkpointing after every delivered batch.
func (k *Kinesumer) consumeShard(ctx context.Context, shard Shard) {
    iter, err := k.shardIterator(ctx, shard)
    if err != nil {
        k.sendOrDrop(fmt.Errorf("iterator of shard %s: %w", shard.ID, err))
        return
    }
    for ctx.Err() == nil {
        out, err := k.client.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: iter, Limit: aws.Int32(k.batch)})
        if err != nil {
            k.sendOrDrop(fmt.Errorf("records of shard %s: %w", shard.ID, err))
            return
        }
        for _, r := range out.Records {
            k.records <- &Record{Record: r, ShardID: shard.ID}
        }
        if n := len(out.Records); n > 0 {
012|            seq := aws.ToString(out.Records[n-1].SequenceNumber)
0|            if err := k.stateStore.UpdateCheckPoint(ctx, k.streamName, shard.ID, seq); err != nil {
0|                k.sendOrDrop(fmt.Errorf("checkpoint shard %s at %s: %w", shard.ID, seq, err))
0|            }
12|            _ = k.stateStore.UpdateCheckPoint(ctx, k.streamName, shard.ID, seq) //@ERR-01
        }
        iter = out.NextShardIterator
    }
}

// sendOrDrop reports err on the errors channel without ever blocking a shard consumer.
func (k *Kinesumer) sendOrDrop(err error) {
    select {
    case k.errors <- err:
    default:
        k.droppedErrors.Inc()
    }
}
'''
KINESUMER_MOCK = GO_GENERATED.replace('store.go', 'statestore.go') + '''package kinesumer

import (
	context "context"
	reflect "reflect"

	gomock "go.uber.org/mock/gomock"
)

// MockStateStore is a mock of StateStore interface.
type MockStateStore struct {
	ctrl     *gomock.Controller
	recorder *MockStateStoreMockRecorder
}

// MockStateStoreMockRecorder is the mock recorder for MockStateStore.
type MockStateStoreMockRecorder struct {
	mock *MockStateStore
}

// NewMockStateStore creates a new mock instance.
func NewMockStateStore(ctrl *gomock.Controller) *MockStateStore {
	mock := &MockStateStore{ctrl: ctrl}
	mock.recorder = &MockStateStoreMockRecorder{mock}
	return mock
}

// EXPECT returns an object that allows the caller to indicate expected use.
func (m *MockStateStore) EXPECT() *MockStateStoreMockRecorder {
	return m.recorder
}

// UpdateCheckPoint mocks base method.
func (m *MockStateStore) UpdateCheckPoint(ctx context.Context, stream, shardID, seq string) error {
	m.ctrl.T.Helper()
	ret := m.ctrl.Call(m, "UpdateCheckPoint", ctx, stream, shardID, seq)
	ret0, _ := ret[0].(error)
	return ret0
}

// UpdateCheckPoint indicates an expected call of UpdateCheckPoint.
func (mr *MockStateStoreMockRecorder) UpdateCheckPoint(ctx, stream, shardID, seq any) *gomock.Call {
	mr.mock.ctrl.T.Helper()
	return mr.mock.ctrl.RecordCallWithMethodType(mr.mock, "UpdateCheckPoint", reflect.TypeOf((*MockStateStore)(nil).UpdateCheckPoint), ctx, stream, shardID, seq)
}
'''
cases_of(case, GH + 'daangn/kinesumer/issues/11', 'kinesumer/shards.go',
         G('kinesumer', ['context', 'fmt', '', 'github.com/aws/aws-sdk-go-v2/aws',
                         'github.com/aws/aws-sdk-go-v2/service/kinesis'])(KINESUMER), [
             (1, 'go-00-kinesumer-shard-consumers-started-bare',
              'shard consumers start on bare goroutines and the checkpoint error is discarded; a mock regenerated beside',
              'new', [f('kinesumer/mock_statestore.go', new=KINESUMER_MOCK)]),
             (2, 'go-00-kinesumer-checkpoint-error-discarded',
              'an edit discards the checkpoint error; shards still start through the recovering launcher', 'edit'),
             (0, 'go-ok-00-kinesumer-shards-launched-and-checkpoints-reported',
              'clean: shards start through the recovering launcher, a failed checkpoint is reported without blocking',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-03: metering adapter runner (osac)
OSAC = r'''
// Run consumes the metering topics and flushes aggregated usage every FlushEvery until ctx ends.
func (r *Runner) Run(ctx context.Context) error {
    group, err := sarama.NewConsumerGroup(r.cfg.Brokers, r.cfg.GroupID, r.saramaCfg)
    if err != nil {
        return fmt.Errorf("consumer group %s: %w", r.cfg.GroupID, err)
    }
    defer group.Close()

0|    flushCtx, stopFlush := context.WithCancel(ctx)
0|    defer stopFlush()
1|    flushCtx, stopFlush := context.WithCancel(ctx)
1|    defer stopFlush()
2|    flushCtx, _ := context.WithCancel(ctx) //@TMO-03
    flushDone := make(chan struct{})
    go func() {
        defer close(flushDone)
        defer func() {
            if p := recover(); p != nil {
                r.logger.Error(fmt.Errorf("%v", p), "usage flusher panicked", "stack", string(debug.Stack()))
            }
        }()
        r.flushLoop(flushCtx)
    }()

    for ctx.Err() == nil {
        if err := group.Consume(ctx, r.cfg.Topics, r); err != nil && !errors.Is(err, sarama.ErrClosedConsumerGroup) {
            r.logger.Error(err, "consumer group error; rejoining after backoff")
            r.sleep(ctx, r.cfg.RejoinBackoff)
        }
    }
    <-flushDone
    return nil
}

// flushLoop writes the aggregated usage on every tick; a failed flush keeps its records for the next tick.
func (r *Runner) flushLoop(ctx context.Context) {
    t := time.NewTicker(r.cfg.FlushEvery)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            if err := r.flush(ctx); err != nil {
                r.flushFailures.Inc()
                r.logger.Error(err, "usage flush failed; keeping records for the next tick")
1|                return //@CONC-07
            }
        }
    }
}
'''
cases_of(case, GH + 'osac-project/osac/pull/174', 'osac-metering/adapters/runner.go',
         G('adapters', ['context', 'errors', 'fmt', 'runtime/debug', 'time', '', 'github.com/IBM/sarama'])(OSAC), [
             (1, 'go-00-osac-metering-flush-loop-stops-after-failed-flush',
              'an edit returns from the flush ticker loop on the first failed flush; usage is never flushed again',
              'edit'),
             (2, 'go-00-osac-metering-flush-context-cancel-discarded',
              'the flusher context is derived with WithCancel and its cancel function thrown away', 'new'),
             (0, 'go-ok-00-osac-metering-flush-loop-retries-next-tick',
              'clean: a failed flush is counted and retried on the next tick; the flusher context is cancelled',
              'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TX-01: quota table updates (ydb-go-sdk)
YDB = r'''
// QuotaStore keeps per-tenant quotas in a YDB table through database/sql.
type QuotaStore struct {
    db *sql.DB
}

// Consume subtracts amount from the tenant's remaining quota, failing when too little is left.
func (s *QuotaStore) Consume(ctx context.Context, tenant string, amount int64) error {
    tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@{2}TX-01
    if err != nil {
01|        return fmt.Errorf("begin quota tx for %s: %w", tenant, err)
2|        return fmt.Errorf("begin serializable quota transaction for %s: %w", tenant, err)
    }
01|    // Rolling back a transaction the server already aborted fails with "transaction not found"; that error
01|    // says nothing new, so the deferred rollback's result is deliberately not checked.
01|    defer func() { _ = tx.Rollback() }()
    var left int64
    if err := tx.QueryRowContext(ctx, selectQuota, tenant).Scan(&left); err != nil {
        return fmt.Errorf("read quota of %s: %w", tenant, err)
    }
    if left < amount {
        return fmt.Errorf("%w: tenant %s has %d left, asked %d", ErrQuotaExceeded, tenant, left, amount)
    }
    if _, err := tx.ExecContext(ctx, updateQuota, tenant, left-amount); err != nil {
        return fmt.Errorf("update quota of %s: %w", tenant, err)
    }
02|    if err := tx.Commit(); err != nil {
02|        return fmt.Errorf("commit quota of %s: %w", tenant, err)
02|    }
02|    return nil
1|    tx.Commit() //@TX-02
1|    return nil
}
'''
cases_of(case, GH + 'ydb-platform/ydb-go-sdk/pull/1467', 'quota/store.go',
         G('quota', ['context', 'database/sql', 'fmt', '', '_ github.com/ydb-platform/ydb-go-sdk/v3'])(YDB), [
             (1, 'go-00-ydb-quota-consume-ignores-commit-error',
              'a renamed store (limits to quota) now drops the commit error; a serialization abort reads as success',
              'rename'),
             (2, 'go-00-ydb-quota-consume-without-rollback',
              'an edit removes the deferred rollback, so a read or update error leaves the transaction open', 'edit'),
             (0, 'go-ok-00-ydb-quota-consume-deferred-rollback-with-reason',
              'clean: deferred rollback whose ignored result carries its reason, commit error returned', 'new'),
         ], rename_from='limits/store.go', rename_old=lambda text: text.replace('package quota', 'package limits'))


# ---------------------------------------------------------------- CONC-05 / CONC-01: UDP session reaper (mihomo)
MIHOMO = r'''
// reaper closes NAT sessions idle for longer than ttl; it runs until ctx ends.
func (t *natTable) reaper(ctx context.Context, every, ttl time.Duration) {
0|    tick := time.NewTicker(every)
0|    defer tick.Stop()
0|    for {
0|        select {
0|        case <-ctx.Done():
0|            return
0|        case now := <-tick.C:
0|            t.closeIdle(now, ttl)
0|        }
0|    }
1|    for ctx.Err() == nil {
1|        t.closeIdle(time.Now(), ttl)
1|        time.Sleep(every) //@CONC-05
1|    }
2|    tick := time.NewTicker(every)
2|    defer tick.Stop()
2|    for {
2|        select {
2|        case <-ctx.Done():
2|            return
2|        case now := <-tick.C:
2|            t.closeIdle(now, ttl)
2|        }
2|    }
}

// Start launches the reaper for the table's lifetime.
func (t *natTable) Start(ctx context.Context) {
2|    go t.reaper(ctx, t.every, t.ttl) //@CONC-01
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Errorln("[NAT] reaper panic: %v\n%s", r, debug.Stack())
01|            }
01|        }()
01|        t.reaper(ctx, t.every, t.ttl)
01|    }()
}

func (t *natTable) closeIdle(now time.Time, ttl time.Duration) {
    t.mu.Lock()
    defer t.mu.Unlock()
    for key, s := range t.sessions {
        if now.Sub(s.lastSeen) > ttl {
            _ = s.conn.Close() // the peer is gone; a close error changes nothing for it
            delete(t.sessions, key)
        }
    }
}
'''
cases_of(case, GH + 'MetaCubeX/mihomo/pull/2964', 'tunnel/nat_reaper.go',
         G('tunnel', ['context', 'runtime/debug', 'time', '', 'github.com/metacubex/mihomo/log'])(MIHOMO), [
             (1, 'go-00-mihomo-nat-reaper-sleeps-through-cancellation',
              'an edit turns the ticker select into a sleep loop that only notices cancellation between sleeps',
              'edit'),
             (2, 'go-00-mihomo-nat-reaper-started-without-recover',
              'the reaper goroutine is started bare, without the recovering wrapper', 'new'),
             (0, 'go-ok-00-mihomo-nat-reaper-ticker-select-and-recover',
              'clean: ticker and select on the context, goroutine with a deferred recover that logs the stack', 'fix'),
         ])
